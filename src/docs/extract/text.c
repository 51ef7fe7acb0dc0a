/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The extractor's output side: text appended with UTF-8 repair and the text cap, metadata,
 * notes, attachments, failures. Shared by every format. */
#include <stdio.h>

#include "docs/extract/internal.h"

int dx_init(struct dx *x)
{
        *x = (struct dx){ .text = BUF_INIT(DOCS_MAX_TEXT) };
        x->meta = json_object();
        return x->meta ? 0 : -ENOMEM;
}

void dx_done(struct dx *x)
{
        buf_free(&x->text);
        json_decref(x->meta);
        x->meta = NULL;
}

int dx_fail(struct dx *x, const char *kind, int err, const char *fmt, ...)
{
        va_list ap;

        if (!x->kind[0]) {
                snprintf(x->kind, sizeof(x->kind), "%s", kind);
                va_start(ap, fmt);
                vsnprintf(x->msg, sizeof(x->msg), fmt, ap);
                va_end(ap);
        }
        return -err;
}

static int put(struct dx *x, const char *p, size_t n)
{
        int r = buf_append(&x->text, p, n);

        if (r == -E2BIG)
                return dx_fail(x, "limit", E2BIG, "the text passes the cap of %u MiB "
                               "(decompression bomb?)", DOCS_MAX_TEXT >> 20);
        return r < 0 ? dx_fail(x, "limit", -r, "out of memory") : 0;
}

int dx_codepoint(struct dx *x, unsigned long cp)
{
        char u[4];

        if (cp >= 0xd800 && cp <= 0xdfff)
                cp = 0xfffd;
        if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\f')
                return 0;
        if (cp < 0x80) {
                u[0] = (char)cp;
                return put(x, u, 1);
        }
        if (cp < 0x800) {
                u[0] = (char)(0xc0 | cp >> 6);
                u[1] = (char)(0x80 | (cp & 0x3f));
                return put(x, u, 2);
        }
        if (cp > 0x10ffff)
                cp = 0xfffd;
        if (cp < 0x10000) {
                u[0] = (char)(0xe0 | cp >> 12);
                u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
                u[2] = (char)(0x80 | (cp & 0x3f));
                return put(x, u, 3);
        }
        u[0] = (char)(0xf0 | cp >> 18);
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        u[3] = (char)(0x80 | (cp & 0x3f));
        return put(x, u, 4);
}

/* Length of a valid UTF-8 sequence at p (0 when invalid). */
static size_t utf8_len(const unsigned char *p, size_t n)
{
        unsigned len, min;
        uint32_t cp;

        if ((p[0] & 0xe0) == 0xc0)
                len = 2, min = 0x80, cp = p[0] & 0x1f;
        else if ((p[0] & 0xf0) == 0xe0)
                len = 3, min = 0x800, cp = p[0] & 0x0f;
        else if ((p[0] & 0xf8) == 0xf0)
                len = 4, min = 0x10000, cp = p[0] & 0x07;
        else
                return 0;
        if (len > n)
                return 0;
        for (unsigned k = 1; k < len; k++) {
                if ((p[k] & 0xc0) != 0x80)
                        return 0;
                cp = cp << 6 | (p[k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
                return 0;
        return len;
}

int dx_text(struct dx *x, const char *s, size_t n)
{
        const unsigned char *p = (const unsigned char *)s;
        size_t i = 0, run = 0;
        int r;

        while (i < n) {
                size_t len = 1;
                bool ok = p[i] >= 0x20 || p[i] == '\t' || p[i] == '\n' || p[i] == '\f';

                if (p[i] == 0x7f)
                        ok = false;
                else if (p[i] >= 0x80)
                        ok = (len = utf8_len(p + i, n - i)) > 0;
                if (ok) {
                        i += len;
                        continue;
                }
                if ((r = put(x, s + run, i - run)) < 0)
                        return r;
                if (p[i] >= 0x80 && (r = put(x, "\xef\xbf\xbd", 3)) < 0)
                        return r;
                if (p[i] == '\r' && (i + 1 >= n || p[i + 1] != '\n') && (r = put(x, "\n", 1)) < 0)
                        return r;
                i++;
                run = i;
        }
        return put(x, s + run, n - run);
}

int dx_text_cp1252(struct dx *x, const char *s, size_t n)
{
        /* windows-1252's 0x80-0x9f; 0 where it has no character. */
        static const unsigned short w1252[32] = {
                0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030,
                0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
                0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
        };
        int r = 0;

        for (size_t i = 0; i < n && r == 0; i++) {
                unsigned char c = (unsigned char)s[i];
                unsigned long cp = c >= 0x80 && c < 0xa0 ? w1252[c - 0x80] : c;

                if (c == '\r')
                        cp = i + 1 < n && s[i + 1] == '\n' ? 0 : '\n';
                r = cp ? dx_codepoint(x, cp) : 0;
        }
        return r;
}

int dx_newline(struct dx *x)
{
        if (!x->text.len || x->text.data[x->text.len - 1] == '\n')
                return 0;
        return put(x, "\n", 1);
}

int dx_marker(struct dx *x, const char *what, unsigned n, const char *name)
{
        char line[256];
        int len, r;

        if ((r = dx_newline(x)) < 0)
                return r;
        if (name && *name)
                len = snprintf(line, sizeof(line), "--- %s %u: ", what, n);
        else
                len = snprintf(line, sizeof(line), "--- %s %u ---\n", what, n);
        if ((r = put(x, line, (size_t)len)) < 0 || !(name && *name))
                return r;
        if ((r = dx_text(x, name, strnlen(name, 200))) < 0)
                return r;
        return put(x, " ---\n", 5);
}

void dx_meta_str(struct dx *x, const char *key, const char *val, size_t len)
{
        struct dx tmp;

        if (!val || !len || json_object_get(x->meta, key))
                return;
        /* Metadata is document text too: repaired the same way, capped. */
        if (dx_init(&tmp) < 0)
                return;
        tmp.text.max = 4096;
        if (dx_text(&tmp, val, len < 4096 ? len : 4096) == 0 && tmp.text.len)
                json_object_set_new(x->meta, key, json_stringn(tmp.text.data, tmp.text.len));
        dx_done(&tmp);
}

void dx_meta_int(struct dx *x, const char *key, long long v)
{
        json_object_set_new(x->meta, key, json_integer(v));
}

static json_t *meta_array(struct dx *x, const char *key)
{
        json_t *a = json_object_get(x->meta, key);

        if (!a) {
                a = json_array();
                json_object_set_new(x->meta, key, a);
        }
        return a;
}

void dx_note(struct dx *x, const char *fmt, ...)
{
        char msg[512];
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        json_array_append_new(meta_array(x, "notes"), json_string(msg));
}

void dx_attachment(struct dx *x, const char *name, const char *type, size_t bytes)
{
        json_t *a = meta_array(x, "attachments"), *o;

        if (json_array_size(a) >= 10000)
                return;
        o = json_pack("{s:s,s:I}", "type", type && *type ? type : "application/octet-stream",
                      "bytes", (json_int_t)bytes);
        if (o && name && *name) {
                struct dx tmp;

                if (dx_init(&tmp) == 0) {
                        tmp.text.max = 1024;
                        if (dx_text(&tmp, name, strnlen(name, 1024)) == 0)
                                json_object_set_new(o, "name", json_stringn(tmp.text.data,
                                                                            tmp.text.len));
                        dx_done(&tmp);
                }
        }
        json_array_append_new(a, o);
}

int dx_any(struct dx *x, const char *data, size_t len)
{
        switch (docs_sniff(data, len)) {
        case DOCS_PDF:
                return dx_pdf(x, data, len);
        case DOCS_ZIP:
                return dx_zip(x, data, len);
        case DOCS_RTF:
                return dx_rtf(x, data, len);
        case DOCS_HTML:
                return dx_html(x, data, len);
        case DOCS_MAIL:
                return dx_mail(x, data, len);
        default:
                dx_meta_str(x, "format", "text", 4);
                return dx_text(x, data, len);
        }
}
