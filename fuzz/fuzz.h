/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz.h: small helpers shared by the fuzz targets (fuzz/fuzz-*.c), header only.
 *
 * A target is one LLVMFuzzerTestOneInput() linked either with libFuzzer (make fuzz, clang
 * with -fsanitize=fuzzer,address,undefined) or with fuzz/replay.c, which feeds it every file
 * of fuzz/corpus/<name>/ in `make test`. Targets must not print, must free everything they
 * allocate (LeakSanitizer runs) and must leave no state behind between inputs (a crash must
 * reproduce from its one input).
 *
 * Here: a private scratch folder per process (for the parsers that take a path) and
 * writing an input to a file in it. The folder and its files are removed at exit.
 */
#pragma once

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Inputs bigger than this are ignored: the parsers' own caps are tested by unit tests, and
 * big inputs only slow fuzzing down. */
#define FUZZ_MAX_INPUT (64u << 10)

static char fuzz_dir_path[64];

static inline void fuzz_dir_cleanup(void)
{
        DIR *dir;
        struct dirent *e;

        if (!fuzz_dir_path[0])
                return;
        dir = opendir(fuzz_dir_path);
        if (dir) {
                while ((e = readdir(dir)))
                        if (e->d_name[0] != '.' || (e->d_name[1] && strcmp(e->d_name, "..")))
                                (void)unlinkat(dirfd(dir), e->d_name, 0);
                closedir(dir);
        }
        (void)rmdir(fuzz_dir_path);
}

/* The scratch folder, created on first use; NULL when /tmp is not writable. */
static inline const char *fuzz_dir(void)
{
        if (!fuzz_dir_path[0]) {
                const char *tmp = getenv("TMPDIR");

                snprintf(fuzz_dir_path, sizeof(fuzz_dir_path), "%s/akios-fuzz.XXXXXX",
                         tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
                if (!mkdtemp(fuzz_dir_path)) {
                        fuzz_dir_path[0] = '\0';
                        return NULL;
                }
                atexit(fuzz_dir_cleanup);
        }
        return fuzz_dir_path;
}

/* Write data to <scratch>/name (replacing it); the path goes to out. 0 or -errno. */
static inline int fuzz_write(const char *name, const uint8_t *data, size_t size, char *out,
                             size_t out_size)
{
        const char *dir = fuzz_dir();
        int fd, r;

        if (!dir)
                return -EIO;
        if ((size_t)snprintf(out, out_size, "%s/%s", dir, name) >= out_size)
                return -ENAMETOOLONG;
        fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
                return -errno;
        r = write_all(fd, data, size);
        close(fd);
        return r;
}

/* A NUL-terminated copy of the input (the text parsers take C strings). */
static inline char *fuzz_strndup(const uint8_t *data, size_t size)
{
        char *s = malloc(size + 1);

        if (s) {
                memcpy(s, data, size);
                s[size] = '\0';
        }
        return s;
}
