/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Diagnostics, hashing, hex, time stamps, canonical JSON and strict number parsing.
 * Small pieces every module needs; none of them prints or allocates behind the caller's back
 * except json_canonical, whose result the caller frees.
 */
#include <math.h>
#include <stdio.h>
#include <time.h>
#include <openssl/evp.h>

#include "util/util.h"

void diag_set(struct diag *d, const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
        va_list ap;

        if (!d)
                return;
        snprintf(d->file, sizeof(d->file), "%s", file ? file : "");
        d->line = line;
        d->col = col;
        va_start(ap, fmt);
        vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
        va_end(ap);
}

void diag_format(const struct diag *d, char *out, size_t size)
{
        if (d->line)
                snprintf(out, size, "%s:%u:%u: %s", d->file, d->line, d->col, d->msg);
        else if (d->file[0])
                snprintf(out, size, "%s: %s", d->file, d->msg);
        else
                snprintf(out, size, "%s", d->msg);
}

void sha256(const void *p, size_t n, uint8_t out[32])
{
        unsigned len = 32;

        EVP_Digest(p, n, out, &len, EVP_sha256(), NULL);
}

void hex_encode(const uint8_t *p, size_t n, char *out)
{
        static const char digits[] = "0123456789abcdef";

        for (size_t i = 0; i < n; i++) {
                out[2 * i] = digits[p[i] >> 4];
                out[2 * i + 1] = digits[p[i] & 15];
        }
        out[2 * n] = '\0';
}

static int hexval(char c)
{
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
        return -1;
}

int hex_decode(const char *s, uint8_t *out, size_t n)
{
        if (strlen(s) != 2 * n)
                return -EINVAL;
        for (size_t i = 0; i < n; i++) {
                int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);

                if (hi < 0 || lo < 0)
                        return -EINVAL;
                out[i] = (uint8_t)(hi << 4 | lo);
        }
        return 0;
}

int rfc3339_now(char out[32])
{
        struct timespec ts;
        struct tm tm;
        char tmp[64];

        if (clock_gettime(CLOCK_REALTIME, &ts) < 0 || !gmtime_r(&ts.tv_sec, &tm))
                return -errno;
        snprintf(tmp, sizeof(tmp), "%04d-%02d-%02dT%02d:%02d:%02d.%06ldZ", (tm.tm_year + 1900) % 10000,
                 (tm.tm_mon + 1) % 100, tm.tm_mday % 100, tm.tm_hour % 100, tm.tm_min % 100,
                 tm.tm_sec % 100, (long)((unsigned long)ts.tv_nsec / 1000 % 1000000));
        memcpy(out, tmp, 28);
        return 0;
}

int run_stamp_now(char out[32])
{
        time_t t = time(NULL);
        struct tm tm;

        if (!gmtime_r(&t, &tm))
                return -errno;
        strftime(out, 32, "%Y-%m-%dT%H-%M-%SZ", &tm);
        return 0;
}

double monotonic_ms(void)
{
        struct timespec ts;

        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

char *json_canonical(const json_t *j)
{
        return json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
}

int parse_u64(const char *s, uint64_t *ret)
{
        unsigned long long v;
        char *end;

        if (!s || !*s || *s == '-' || *s == '+' || *s == ' ')
                return -EINVAL;
        errno = 0;
        v = strtoull(s, &end, 10);
        if (errno)
                return -errno;
        if (*end)
                return -EINVAL;
        *ret = v;
        return 0;
}

int parse_i64(const char *s, int64_t *ret)
{
        long long v;
        char *end;

        if (!s || !*s || *s == ' ')
                return -EINVAL;
        errno = 0;
        v = strtoll(s, &end, 10);
        if (errno)
                return -errno;
        if (*end)
                return -EINVAL;
        *ret = v;
        return 0;
}

int parse_double(const char *s, double *ret)
{
        double v;
        char *end;

        if (!s || !*s || *s == ' ')
                return -EINVAL;
        errno = 0;
        v = strtod(s, &end);
        if (errno)
                return -errno;
        if (*end || !isfinite(v))
                return -EINVAL;
        *ret = v;
        return 0;
}
