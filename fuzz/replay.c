/* SPDX-License-Identifier: GPL-3.0-or-later */
/* replay: run a fuzz target's LLVMFuzzerTestOneInput() over files, without libFuzzer, so the
 * corpora (fuzz/corpus/<name>/: seeds and the reproducers of every bug found) replay in
 * `make test` with the normal compiler (and under SANITIZE=address,undefined when asked).
 *
 * Included, after the target source, by tests/unit/test-fuzz-<name>.c, which defines
 * FUZZ_NAME. Two modes:
 *   no argument     a unit test: replays $AKIOS_SRC/fuzz/corpus/FUZZ_NAME/, one TAP line per
 *                   file (a crash kills the process, which prove reports);
 *   FILE|DIR...     replays those (a folder: its regular files) and prints
 *                   "replayed N files" (tests/fuzz/replay.t uses this).
 * It does not fuzz, mutate or minimise anything: that is `make fuzz`.
 */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>

#include "tap.h"

#ifndef FUZZ_NAME
#error "define FUZZ_NAME before including fuzz/replay.c"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

/* The file being replayed, named on stderr when the target crashes on it. */
static char replay_current[4096];

static void replay_crash(int sig)
{
        static const char pre[] = "replay: crashed on ";

        (void)!write(STDERR_FILENO, pre, sizeof(pre) - 1);
        (void)!write(STDERR_FILENO, replay_current, strlen(replay_current));
        (void)!write(STDERR_FILENO, "\n", 1);
        signal(sig, SIG_DFL);
        raise(sig);
}

/* Feed one file; 1 when the target returned 0, 0 otherwise, -errno when unreadable. */
static int replay_file(const char *path)
{
        struct buf b = BUF_INIT(FUZZ_MAX_INPUT * 16);
        uint8_t *copy;
        int r;

        r = read_file_capped(path, b.max, &b);
        if (r < 0)
                return r;
        snprintf(replay_current, sizeof(replay_current), "%s", path);
        /* An exact-size copy, as libFuzzer passes it, so a sanitizer build catches reads
         * past the end (the buf keeps a NUL and slack after its data). */
        copy = malloc(b.len ? b.len : 1);
        if (!copy) {
                buf_free(&b);
                return -ENOMEM;
        }
        if (b.len)
                memcpy(copy, b.data, b.len);
        r = LLVMFuzzerTestOneInput(copy, b.len) == 0;
        free(copy);
        buf_free(&b);
        return r;
}

static int skip_dot(const struct dirent *e)
{
        return e->d_name[0] != '.';
}

/* Replay every regular file of dir in name order; each result goes to fn. Returns the file
 * count, or -errno when dir cannot be listed. */
static int replay_dir(const char *dir, void (*fn)(const char *name, int r))
{
        struct dirent **names = NULL;
        int n, count = 0;

        n = scandir(dir, &names, skip_dot, alphasort);
        if (n < 0)
                return -errno;
        for (int i = 0; i < n; i++) {
                char path[4096];
                struct stat st;

                if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name) <
                            sizeof(path) &&
                    stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
                        fn(names[i]->d_name, replay_file(path));
                        count++;
                }
                free(names[i]);
        }
        free(names);
        return count;
}

static int replay_failed;

static void report_tap(const char *name, int r)
{
        ok(r == 1, "%s/%s", FUZZ_NAME, name);
        if (r < 0)
                diag("cannot read: %s", strerror(-r));
}

static void report_count(const char *name, int r)
{
        if (r != 1) {
                replay_failed++;
                fprintf(stderr, "replay: %s: %s\n", name,
                        r < 0 ? strerror(-r) : "the target returned non-zero");
        }
}

int main(int argc, char **argv)
{
#if defined(__SANITIZE_ADDRESS__) || defined(__clang__)
        /* ASan prints its own report for the others: keep its handlers (gcc says when it
         * is on; with clang, assume it is, as clang builds are the fuzz builds). */
        static const int sigs[] = { SIGABRT };
#else
        static const int sigs[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL };
#endif
        long total = 0;

        for (size_t i = 0; i < ARRAY_SIZE(sigs); i++)
                signal(sigs[i], replay_crash);
        if (LLVMFuzzerInitialize)
                LLVMFuzzerInitialize(&argc, &argv);
        if (argc <= 1) {
                const char *src = getenv("AKIOS_SRC");
                char dir[4096];
                int n;

                snprintf(dir, sizeof(dir), "%s/fuzz/corpus/%s", src && *src ? src : ".",
                         FUZZ_NAME);
                n = replay_dir(dir, report_tap);
                if (n <= 0)
                        ok(0, "corpus %s has files (%s)", dir, n < 0 ? strerror(-n) : "empty");
                return done_testing();
        }
        for (int i = 1; i < argc; i++) {
                struct stat st;
                int n;

                if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
                        n = replay_dir(argv[i], report_count);
                } else {
                        report_count(argv[i], replay_file(argv[i]));
                        n = 1;
                }
                if (n < 0) {
                        fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(-n));
                        replay_failed++;
                } else {
                        total += n;
                }
        }
        printf("replayed %ld files\n", total);
        return replay_failed ? 1 : 0;
}
