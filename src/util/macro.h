/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small macros used everywhere: cleanup attributes, ownership hand-over, array sizes.
 *
 * Ownership rule (STYLE rule 3): a pointer or fd declared with _cleanup_* is released when it
 * goes out of scope; hand it over with TAKE_PTR()/TAKE_FD(), which return the value and clear
 * the variable so nothing is freed twice. Every destructor used here accepts NULL / -1.
 */
#pragma once

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define _unused_ __attribute__((unused))
#define _printf_(a, b) __attribute__((format(printf, a, b)))
/* The result must be looked at (gcc: not even a (void) cast silences it). */
#define _must_check_ __attribute__((warn_unused_result))
#define _cleanup_(f) __attribute__((cleanup(f)))

static inline void freep(void *p)
{
        free(*(void **)p);
}

static inline void closep(int *fd)
{
        if (*fd >= 0) {
                int saved = errno;
                close(*fd);
                errno = saved;
        }
}

#define _cleanup_free_ _cleanup_(freep)
#define _cleanup_close_ _cleanup_(closep)

#define TAKE_PTR(p)                              \
        ({                                       \
                __typeof__(p) _taken_ = (p);     \
                (p) = NULL;                      \
                _taken_;                         \
        })

#define TAKE_FD(fd)                              \
        ({                                       \
                int _taken_fd_ = (fd);           \
                (fd) = -1;                       \
                _taken_fd_;                      \
        })

/* Declare a cleanup function for a type whose destructor takes the pointer (NULL-safe). */
#define DEFINE_CLEANUP_FUNC(type, func)                  \
        static inline void func##p(type **p)             \
        {                                                \
                func(*p);                                \
        }

/* The first bytes first: most compares in the names rules fail there, and a call to strcmp()
 * per test was 1 % of a prose scan. */
#define streq(a, b)                                                  \
        ({                                                           \
                const char *_sa = (a), *_sb = (b);                   \
                _sa[0] == _sb[0] && strcmp(_sa, _sb) == 0;           \
        })
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
