/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tap.h: the in-house TAP harness for unit tests (STYLE rule 9), header only.
 *
 *   ok(cond, "name %d", i);          is_int(got, want, "name");   is_str(got, want, "name");
 *   skip("reason");                  (with AKIOS_MUST_WORK=1 a skip is a failure)
 *   diag("text");                    return done_testing();
 *
 * Output is TAP 13 with a trailing plan; exit status is non-zero when any test failed.
 */
#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

__attribute__((format(printf, 3, 0))) static inline void tap_vline(int pass, const char *directive,
                                                                 const char *fmt, va_list ap)
{
        tap_n++;
        if (!pass)
                tap_failed++;
        printf("%sok %d - ", pass ? "" : "not ", tap_n);
        vprintf(fmt, ap);
        if (directive)
                printf(" # %s", directive);
        putchar('\n');
        fflush(stdout);
}

__attribute__((format(printf, 2, 3))) static inline int ok_at(int pass, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        tap_vline(pass, NULL, fmt, ap);
        va_end(ap);
        return pass;
}

#define ok(cond, ...)                                                                  \
        ({                                                                             \
                int _p = !!(cond);                                                     \
                ok_at(_p, __VA_ARGS__);                                                \
                if (!_p)                                                               \
                        printf("#   failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
                _p;                                                                    \
        })

#define is_int(got, want, ...)                                                         \
        ({                                                                             \
                long long _g = (long long)(got), _w = (long long)(want);               \
                int _p = ok_at(_g == _w, __VA_ARGS__);                                 \
                if (!_p)                                                               \
                        printf("#   %s:%d: got %lld, want %lld\n", __FILE__, __LINE__, _g, _w); \
                _p;                                                                    \
        })

#define is_str(got, want, ...)                                                         \
        ({                                                                             \
                const char *_g = (got), *_w = (want);                                  \
                int _p = ok_at(_g && _w && strcmp(_g, _w) == 0, __VA_ARGS__);          \
                if (!_p)                                                               \
                        printf("#   %s:%d: got '%s', want '%s'\n", __FILE__, __LINE__,   \
                               _g ? _g : "(null)", _w ? _w : "(null)");                \
                _p;                                                                    \
        })

__attribute__((format(printf, 1, 2))) static inline void diag(const char *fmt, ...)
{
        va_list ap;

        printf("# ");
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
        putchar('\n');
}

/* A skip is one test point. Under AKIOS_MUST_WORK=1 it fails instead. */
__attribute__((format(printf, 1, 2))) static inline void skip(const char *fmt, ...)
{
        const char *must = getenv("AKIOS_MUST_WORK");
        int fail = must && strcmp(must, "1") == 0;
        char reason[512];
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(reason, sizeof(reason), fmt, ap);
        va_end(ap);
        tap_n++;
        if (fail) {
                tap_failed++;
                printf("not ok %d - skipped under AKIOS_MUST_WORK=1: %s\n", tap_n, reason);
        } else {
                printf("ok %d # SKIP %s\n", tap_n, reason);
        }
        fflush(stdout);
}

static inline int done_testing(void)
{
        printf("1..%d\n", tap_n);
        return tap_failed ? 1 : 0;
}
