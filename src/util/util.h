/* SPDX-License-Identifier: GPL-3.0-or-later */
/* util: the bottom module, depending on nothing else in akios.
 *
 * - struct buf: a growable byte buffer with a hard cap. Appending past the cap fails with
 *   -E2BIG and leaves the buffer unchanged: nothing is ever silently truncated (STYLE rule 4).
 *   The data is always NUL-terminated (the NUL is not counted in len).
 * - struct strv: a NULL-terminated growable vector of owned strings.
 * - struct diag: a diagnostic with file:line:col, filled by every parser.
 * - file helpers: capped reads, full writes, fsync of a file and its directory.
 * - sha256 and hex, RFC 3339 timestamps, canonical JSON (sorted keys, compact, UTF-8).
 *
 * All functions return 0 (or a count) on success and -errno on failure; ret_* outputs are
 * written only on success. Nothing here prints.
 *
 * Include this header after the system headers: it ends with banned.h.
 */
#pragma once

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <jansson.h>

#include "util/exitcode.h"
#include "util/macro.h"

/* ---- buf ---------------------------------------------------------------- */

struct buf {
        char *data;
        size_t len;
        size_t cap;
        size_t max; /* hard cap on len; 0 means SIZE_MAX/2 */
};

#define BUF_INIT(m) ((struct buf){ .max = (m) })

/* Appends fail (-ENOMEM, or -E2BIG past max) and leave the buffer as it was: every caller
 * handles the result (a dropped append would be silent truncation). */
_must_check_ int buf_reserve(struct buf *b, size_t extra);
_must_check_ int buf_append(struct buf *b, const void *p, size_t n);
_must_check_ int buf_puts(struct buf *b, const char *s);
_must_check_ int buf_putc(struct buf *b, char c);
_must_check_ int buf_printf(struct buf *b, const char *fmt, ...) _printf_(2, 3);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);
/* Hand the data over (NUL-terminated, never NULL); the buffer is left empty. */
char *buf_steal(struct buf *b, size_t *ret_len);

/* ---- strv --------------------------------------------------------------- */

struct strv {
        char **v; /* NULL-terminated */
        size_t n;
        size_t cap;
};

int strv_push(struct strv *s, const char *str);
int strv_push_take(struct strv *s, char *str);
bool strv_contains(const struct strv *s, const char *str);
void strv_free(struct strv *s);

/* ---- diag --------------------------------------------------------------- */

struct diag {
        char file[512];
        unsigned line; /* 1-based; 0 when no position applies */
        unsigned col;  /* 1-based */
        char msg[1024];
};

void diag_set(struct diag *d, const char *file, unsigned line, unsigned col,
              const char *fmt, ...) _printf_(5, 6);
/* "file:line:col: msg", or "file: msg" without a position. */
void diag_format(const struct diag *d, char *out, size_t size);

/* ---- files -------------------------------------------------------------- */

/* Read a whole file of at most max bytes (-E2BIG beyond). */
int read_file_capped(const char *path, size_t max, struct buf *ret);
int read_fd_capped(int fd, size_t max, struct buf *ret);
int write_all(int fd, const void *p, size_t n);
/* Write a file atomically: temp file in the same directory, fsync, rename, fsync dir. */
int write_file_atomic(const char *path, const void *p, size_t n, mode_t mode);
/* The same with the temp file's path chosen by the caller (it must be on path's file system;
 * the ledger keeps its temp files in a folder verify never reads). */
int write_file_via(const char *tmp, const char *path, const void *p, size_t n, mode_t mode);
int fsync_dir_of(const char *path);
int mkdir_p(const char *path, mode_t mode);
/* "a/b" into out; -ENAMETOOLONG instead of a truncated path. */
int path_join(char *out, size_t size, const char *a, const char *b);
/* path_join into a PATH_MAX buffer: "dir/name" (the audit folder's files). */
int path_in(char out[PATH_MAX], const char *dir, const char *name);
/* A one-line key file dir/name (at most 4 KiB), trailing CR/LF stripped; *ret is malloc'd. */
int read_key_file(const char *dir, const char *name, char **ret);

/* ---- hashing and encodings ---------------------------------------------- */

void sha256(const void *p, size_t n, uint8_t out[32]);
void hex_encode(const uint8_t *p, size_t n, char *out /* 2n+1 */);
int hex_decode(const char *s, uint8_t *out, size_t n);

/* ---- time --------------------------------------------------------------- */

/* "2026-11-28T22:44:16.123456Z" (27 chars + NUL). */
int rfc3339_now(char out[32]);
/* "2026-11-28T22-44-16Z", safe in file names. */
int run_stamp_now(char out[32]);
double monotonic_ms(void);

/* ---- JSON --------------------------------------------------------------- */

/* Canonical JSON: keys sorted, no insignificant whitespace, UTF-8 as is. Caller frees. */
char *json_canonical(const json_t *j);

/* ---- numbers ------------------------------------------------------------ */

/* Strict parse of a whole string (no trailing junk, no overflow). */
int parse_u64(const char *s, uint64_t *ret);
int parse_i64(const char *s, int64_t *ret);
int parse_double(const char *s, double *ret);

#include "util/banned.h"
