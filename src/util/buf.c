/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Growable byte buffers with a hard cap, and string vectors.
 *
 * A buffer never grows past its cap: appends that would exceed it fail with -E2BIG and leave
 * the content as it was, so the caller can report the cap by name instead of truncating.
 */
#include <stdio.h>
#include <stdlib.h>

#include "util/util.h"

static size_t buf_max(const struct buf *b)
{
        return b->max ? b->max : SIZE_MAX / 2;
}

int buf_reserve(struct buf *b, size_t extra)
{
        size_t want, cap;
        char *p;

        if (extra > buf_max(b) || b->len > buf_max(b) - extra)
                return -E2BIG;
        want = b->len + extra + 1;
        if (want <= b->cap)
                return 0;
        cap = b->cap ? b->cap : 64;
        while (cap < want)
                cap = cap > SIZE_MAX / 4 ? want : cap * 2;
        p = realloc(b->data, cap);
        if (!p)
                return -ENOMEM;
        b->data = p;
        b->cap = cap;
        return 0;
}

int buf_append(struct buf *b, const void *p, size_t n)
{
        int r = buf_reserve(b, n);

        if (r < 0)
                return r;
        if (n)
                memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = '\0';
        return 0;
}

int buf_puts(struct buf *b, const char *s)
{
        return buf_append(b, s, strlen(s));
}

int buf_putc(struct buf *b, char c)
{
        return buf_append(b, &c, 1);
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
        va_list ap;
        int n, r;

        va_start(ap, fmt);
        n = vsnprintf(NULL, 0, fmt, ap);
        va_end(ap);
        if (n < 0)
                return -EINVAL;
        r = buf_reserve(b, (size_t)n);
        if (r < 0)
                return r;
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
        b->len += (size_t)n;
        return 0;
}

void buf_reset(struct buf *b)
{
        b->len = 0;
        if (b->data)
                b->data[0] = '\0';
}

void buf_free(struct buf *b)
{
        free(b->data);
        b->data = NULL;
        b->len = b->cap = 0;
}

char *buf_steal(struct buf *b, size_t *ret_len)
{
        char *p;

        if (!b->data && buf_reserve(b, 0) < 0)
                return NULL;
        b->data[b->len] = '\0';
        p = TAKE_PTR(b->data);
        if (ret_len)
                *ret_len = b->len;
        b->len = b->cap = 0;
        return p;
}

int strv_push_take(struct strv *s, char *str)
{
        if (!str)
                return -ENOMEM;
        if (s->n + 2 > s->cap) {
                size_t cap = s->cap ? s->cap * 2 : 8;
                char **v = realloc(s->v, cap * sizeof(*v));

                if (!v) {
                        free(str);
                        return -ENOMEM;
                }
                s->v = v;
                s->cap = cap;
        }
        s->v[s->n++] = str;
        s->v[s->n] = NULL;
        return 0;
}

int strv_push(struct strv *s, const char *str)
{
        return strv_push_take(s, strdup(str));
}

bool strv_contains(const struct strv *s, const char *str)
{
        for (size_t i = 0; i < s->n; i++)
                if (streq(s->v[i], str))
                        return true;
        return false;
}

void strv_free(struct strv *s)
{
        for (size_t i = 0; i < s->n; i++)
                free(s->v[i]);
        free(s->v);
        s->v = NULL;
        s->n = s->cap = 0;
}
