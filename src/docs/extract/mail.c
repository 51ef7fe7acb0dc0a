/* SPDX-License-Identifier: GPL-3.0-or-later */
/* E-mail to text: our own MIME parser for .eml (RFC 5322 + MIME) and mbox files.
 * For each message: its From, To, Cc, Date and Subject lines (RFC 2047 encoded words
 * decoded), then its text parts in order (base64 and quoted-printable decoded; UTF-8 and
 * ASCII as they are, ISO-8859-1/windows-1252 converted, other charsets repaired to UTF-8 with
 * a note), text/html through the HTML extractor, multipart/alternative read once (the plain
 * part when there is one), message/rfc822 recursed into, and every other part listed as an
 * attachment (name, type, decoded size) without its content. Nesting is capped
 * (DOCS_MAX_DEPTH); a multipart without its closing boundary is read as far as it goes, as
 * mail readers do, with a note. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#include "docs/extract/internal.h"

#define MAIL_MAX_DEPTH 50
#define HDR_MAX (256u << 10)

struct entity {
        char type[128];         /* lowercased type/subtype */
        char charset[64];
        char boundary[200];
        char cte[32];
        char name[256];
        bool attachment;
};

static const char *find_line(const char *p, const char *end)
{
        const char *nl = memchr(p, '\n', (size_t)(end - p));

        return nl ? nl + 1 : end;
}

static void lower(char *s)
{
        for (; *s; s++)
                *s = (char)tolower((unsigned char)*s);
}

/* A parameter of a structured header (boundary, charset, name, filename). */
static void header_param(const char *v, const char *param, char *out, size_t size)
{
        size_t pl = strlen(param);

        for (const char *p = v; (p = strcasestr(p, param)); p += pl) {
                const char *q = p + pl, *e;

                if (p > v && p[-1] != ';' && p[-1] != ' ' && p[-1] != '\t')
                        continue;
                while (*q == ' ')
                        q++;
                if (*q != '=')
                        continue;
                q++;
                while (*q == ' ')
                        q++;
                if (*q == '"') {
                        e = strchr(++q, '"');
                        if (!e)
                                e = q + strlen(q);
                } else {
                        e = q + strcspn(q, "; \t");
                }
                snprintf(out, size, "%.*s", (int)(e - q), q);
                return;
        }
}

static size_t b64_decode(const char *in, size_t n, char *out)
{
        unsigned acc = 0, bits = 0;
        size_t o = 0;

        for (size_t i = 0; i < n; i++) {
                int c = (unsigned char)in[i], v;

                if (c == '=')
                        break;
                v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 :
                    c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;
                if (v < 0)
                        continue;
                acc = acc << 6 | (unsigned)v;
                bits += 6;
                if (bits >= 8) {
                        bits -= 8;
                        out[o++] = (char)(acc >> bits);
                }
        }
        return o;
}

static int hexval(int c)
{
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 :
               c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static size_t qp_decode(const char *in, size_t n, char *out, bool header)
{
        size_t o = 0;

        for (size_t i = 0; i < n; i++) {
                if (header && in[i] == '_') {
                        out[o++] = ' ';
                } else if (in[i] == '=' && i + 2 < n + 0 && hexval(in[i + 1]) >= 0 &&
                           hexval(in[i + 2]) >= 0) {
                        out[o++] = (char)(hexval(in[i + 1]) << 4 | hexval(in[i + 2]));
                        i += 2;
                } else if (in[i] == '=' && i + 1 < n && (in[i + 1] == '\n' || in[i + 1] == '\r')) {
                        i += in[i + 1] == '\r' && i + 2 < n && in[i + 2] == '\n' ? 2 : 1;
                } else {
                        out[o++] = in[i];
                }
        }
        return o;
}

static bool utf8ish(const char *cs)
{
        return !*cs || !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8") ||
               !strcasecmp(cs, "us-ascii") || !strcasecmp(cs, "ascii");
}

static bool latin(const char *cs)
{
        return !strcasecmp(cs, "iso-8859-1") || !strcasecmp(cs, "latin1") ||
               !strcasecmp(cs, "windows-1252") || !strcasecmp(cs, "cp1252") ||
               !strcasecmp(cs, "iso-8859-15");
}

static int text_in(struct dx *x, const char *cs, const char *p, size_t n)
{
        if (latin(cs))
                return dx_text_cp1252(x, p, n);
        if (!utf8ish(cs))
                dx_note(x, "charset '%.40s' is not converted; its bytes were repaired as "
                        "UTF-8", cs);
        return dx_text(x, p, n);
}

/* A header value with RFC 2047 encoded words decoded, as text. */
static int header_text(struct dx *x, const char *v, size_t n)
{
        const char *p = v, *end = v + n;
        int r = 0;

        while (p < end && r == 0) {
                const char *s = memmem(p, (size_t)(end - p), "=?", 2), *q1, *q2, *e;
                char cs[64], buf[1024];
                size_t dn;

                if (!s || !(q1 = memchr(s + 2, '?', (size_t)(end - s - 2))) || q1 + 3 > end ||
                    q1[2] != '?' || !(e = memmem(q1 + 3, (size_t)(end - q1 - 3), "?=", 2)) ||
                    (size_t)(e - q1 - 3) > sizeof(buf) || (size_t)(q1 - s - 2) >= sizeof(cs))
                        return dx_text(x, p, (size_t)(end - p));
                q2 = q1 + 3;
                if ((r = dx_text(x, p, (size_t)(s - p))) < 0)
                        return r;
                snprintf(cs, sizeof(cs), "%.*s", (int)(q1 - s - 2), s + 2);
                dn = toupper((unsigned char)q1[1]) == 'B' ? b64_decode(q2, (size_t)(e - q2), buf)
                                                          : qp_decode(q2, (size_t)(e - q2), buf,
                                                                      true);
                r = text_in(x, cs, buf, dn);
                p = e + 2;
                /* blanks between two encoded words are dropped (RFC 2047 §6.2) */
                {
                        const char *b = p;

                        while (b < end && (*b == ' ' || *b == '\t' || *b == '\r' || *b == '\n'))
                                b++;
                        if (b + 1 < end && b[0] == '=' && b[1] == '?')
                                p = b;
                }
        }
        return r;
}

/* The first message's From and Subject are the metadata's author and title, decoded. */
static void meta_header(struct dx *x, const char *key, const char *v)
{
        struct dx tmp;

        if (dx_init(&tmp) < 0)
                return;
        tmp.text.max = 4096;
        if (header_text(&tmp, v, strnlen(v, 4096)) == 0)
                dx_meta_str(x, key, tmp.text.data, tmp.text.len);
        dx_done(&tmp);
}

/* Headers from p; fills e, writes the display headers when show; returns the body start. */
static const char *headers(struct dx *x, const char *p, const char *end, struct entity *e,
                           bool show, int *err, bool first)
{
        static const char *const shown[] = { "From", "To", "Cc", "Date", "Subject" };
        char *h = malloc(HDR_MAX);

        *e = (struct entity){ 0 };
        if (!h) {
                *err = dx_fail(x, "limit", ENOMEM, "out of memory");
                return end;
        }
        while (p < end && *err == 0) {
                const char *next = find_line(p, end);
                size_t hl = 0;
                const char *colon;

                if (*p == '\n' || (*p == '\r' && p + 1 < end && p[1] == '\n')) {
                        p = next;
                        break;
                }
                /* one header with its continuation lines, unfolded */
                for (;;) {
                        size_t ll = (size_t)(next - p);

                        while (ll && (p[ll - 1] == '\n' || p[ll - 1] == '\r'))
                                ll--;
                        if (hl + ll + 1 < HDR_MAX) {
                                memcpy(h + hl, p, ll);
                                hl += ll;
                        }
                        p = next;
                        if (p >= end || (*p != ' ' && *p != '\t'))
                                break;
                        next = find_line(p, end);
                }
                h[hl] = '\0';
                colon = strchr(h, ':');
                if (!colon)
                        continue;
                {
                        size_t nl = (size_t)(colon - h);
                        const char *v = colon + 1;

                        while (*v == ' ' || *v == '\t')
                                v++;
                        if (nl == 12 && !strncasecmp(h, "Content-Type", 12)) {
                                snprintf(e->type, sizeof(e->type), "%.*s",
                                         (int)strcspn(v, "; \t"), v);
                                lower(e->type);
                                header_param(v, "charset", e->charset, sizeof(e->charset));
                                header_param(v, "boundary", e->boundary, sizeof(e->boundary));
                                if (!e->name[0])
                                        header_param(v, "name", e->name, sizeof(e->name));
                        } else if (nl == 25 && !strncasecmp(h, "Content-Transfer-Encoding", 25)) {
                                snprintf(e->cte, sizeof(e->cte), "%.*s",
                                         (int)strcspn(v, "; \t"), v);
                                lower(e->cte);
                        } else if (nl == 19 && !strncasecmp(h, "Content-Disposition", 19)) {
                                e->attachment = !strncasecmp(v, "attachment", 10);
                                header_param(v, "filename", e->name, sizeof(e->name));
                        }
                        for (size_t i = 0; show && i < ARRAY_SIZE(shown) && *err == 0; i++) {
                                if (strlen(shown[i]) != nl || strncasecmp(h, shown[i], nl))
                                        continue;
                                *err = dx_text(x, shown[i], nl);
                                if (*err == 0)
                                        *err = dx_text(x, ": ", 2);
                                if (*err == 0)
                                        *err = header_text(x, v, strlen(v));
                                if (*err == 0)
                                        *err = dx_text(x, "\n", 1);
                                if (first && (i == 0 || i == 4))
                                        meta_header(x, i == 0 ? "author" : "title", v);
                        }
                }
        }
        free(h);
        if (!e->type[0])
                snprintf(e->type, sizeof(e->type), "text/plain");
        return p;
}

static int entity(struct dx *x, const char *p, const char *end, unsigned depth, bool message,
                  bool first);

/* The decoded body of an entity: *ret malloc'd. */
static int decode_body(struct dx *x, const struct entity *e, const char *p, const char *end,
                       char **ret, size_t *ret_len)
{
        size_t n = (size_t)(end - p);
        char *out = malloc(n + 1);

        if (!out)
                return dx_fail(x, "limit", ENOMEM, "out of memory");
        if (streq(e->cte, "base64"))
                n = b64_decode(p, n, out);
        else if (streq(e->cte, "quoted-printable"))
                n = qp_decode(p, n, out, false);
        else
                memcpy(out, p, n);
        out[n] = '\0';
        *ret = out;
        *ret_len = n;
        return 0;
}

/* The parts of a multipart body: [start, end) pairs into parts (at most max). */
static size_t split_parts(const char *p, const char *end, const char *boundary,
                          const char **starts, const char **ends, size_t max, bool *closed)
{
        size_t bl = strlen(boundary), n = 0;
        const char *cur = NULL;

        *closed = false;
        while (p < end) {
                const char *next = find_line(p, end);

                if ((size_t)(end - p) >= bl + 2 && p[0] == '-' && p[1] == '-' &&
                    memcmp(p + 2, boundary, bl) == 0) {
                        const char *q = p + 2 + bl;
                        bool last = q + 1 < end && q[0] == '-' && q[1] == '-';

                        if (cur && n < max) {
                                const char *e = p;

                                if (e > cur && e[-1] == '\n')
                                        e--;
                                if (e > cur && e[-1] == '\r')
                                        e--;
                                starts[n] = cur;
                                ends[n++] = e;
                        }
                        cur = last ? NULL : next;
                        if (last) {
                                *closed = true;
                                return n;
                        }
                }
                p = next;
        }
        if (cur && n < max) {
                starts[n] = cur;
                ends[n++] = end;
        }
        return n;
}

static int multipart(struct dx *x, const struct entity *e, const char *p, const char *end,
                     unsigned depth)
{
        enum { MAX_PARTS = 1000 };
        const char **starts = calloc(MAX_PARTS, sizeof(*starts));
        const char **ends = calloc(MAX_PARTS, sizeof(*ends));
        bool closed, alt = streq(e->type, "multipart/alternative");
        size_t n, pick = SIZE_MAX;
        int r = 0;

        if (!starts || !ends) {
                free(starts);
                free(ends);
                return dx_fail(x, "limit", ENOMEM, "out of memory");
        }
        if (!e->boundary[0]) {
                free(starts);
                free(ends);
                dx_note(x, "a multipart part has no boundary; read as text");
                return dx_text(x, p, (size_t)(end - p));
        }
        n = split_parts(p, end, e->boundary, starts, ends, MAX_PARTS, &closed);
        if (!closed)
                dx_note(x, "a multipart body ends without its closing boundary (truncated?)");
        for (size_t i = 0; alt && i < n; i++) {
                struct entity sub;
                int err = 0;

                headers(x, starts[i], ends[i], &sub, false, &err, false);
                if (streq(sub.type, "text/plain") && pick == SIZE_MAX)
                        pick = i;
        }
        for (size_t i = 0; i < n && r == 0; i++) {
                /* alternative: the plain part, else the last (richest) one */
                if (alt && (pick != SIZE_MAX ? i != pick : i + 1 != n))
                        continue;
                r = entity(x, starts[i], ends[i], depth + 1, false, false);
        }
        free(starts);
        free(ends);
        return r;
}

static int entity(struct dx *x, const char *p, const char *end, unsigned depth, bool message,
                  bool first)
{
        _cleanup_free_ char *body = NULL;
        struct entity e;
        size_t len;
        int r = 0;

        if (depth > MAIL_MAX_DEPTH)
                return dx_fail(x, "limit", E2BIG, "MIME parts nest deeper than %d",
                               MAIL_MAX_DEPTH);
        p = headers(x, p, end, &e, message, &r, first);
        if (r < 0)
                return r;
        if (message && (r = dx_text(x, "\n", 1)) < 0)
                return r;
        if (!strncmp(e.type, "multipart/", 10))
                return multipart(x, &e, p, end, depth);
        if (streq(e.type, "message/rfc822") && !e.attachment) {
                if ((r = decode_body(x, &e, p, end, &body, &len)) < 0)
                        return r;
                if ((r = dx_newline(x)) < 0)
                        return r;
                return entity(x, body, body + len, depth + 1, true, false);
        }
        if ((r = decode_body(x, &e, p, end, &body, &len)) < 0)
                return r;
        if (!e.attachment && streq(e.type, "text/plain"))
                r = text_in(x, e.charset, body, len);
        else if (!e.attachment && streq(e.type, "text/html"))
                r = dx_html(x, body, len);
        else {
                char line[512];
                int n = snprintf(line, sizeof(line), "[attachment: %s (%s, %zu bytes)]\n",
                                 e.name[0] ? e.name : "unnamed", e.type, len);

                dx_attachment(x, e.name, e.type, len);
                if ((r = dx_newline(x)) == 0)
                        r = dx_text(x, line, (size_t)n < sizeof(line) ? (size_t)n
                                                                      : sizeof(line) - 1);
        }
        return r < 0 ? r : dx_newline(x);
}

int dx_mail(struct dx *x, const char *data, size_t len)
{
        const char *p = data, *end = data + len;
        unsigned count = 0;
        bool mbox = len > 5 && memcmp(data, "From ", 5) == 0;
        int r = 0;

        dx_meta_str(x, "format", mbox ? "mbox" : "email", mbox ? 4 : 5);
        while (p < end && r == 0) {
                const char *start = p, *stop = end;

                if (mbox) {
                        start = find_line(p, end);      /* the "From " line */
                        for (const char *q = start; q < end; q = find_line(q, end))
                                if ((size_t)(end - q) > 5 && memcmp(q, "From ", 5) == 0) {
                                        stop = q;
                                        break;
                                }
                        if ((r = dx_marker(x, "message", ++count, NULL)) < 0)
                                break;
                } else {
                        count = 1;
                }
                r = entity(x, start, stop, 0, true, count == 1);
                p = stop;
        }
        if (r == 0)
                dx_meta_int(x, "messages", count);
        return r;
}
