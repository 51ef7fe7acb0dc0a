/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Known secrets: the values of .env and of credential-named variables (config_is_secret_name),
 * scrubbed from every string the engine lets out, whatever the PII settings say. As CI systems
 * mask secrets, each value is searched in the forms it takes on the way out: raw, JSON-escaped,
 * URL-encoded (percent and form), base64 (standard and URL alphabets, at each of the three
 * alignments inside a longer base64 text), hexadecimal (lower and upper case are one needle,
 * since the match ignores case) and reversed, and all of them without regard to letter case.
 * Hex and reversed are what a host that was sent a secret (an allowed HTTP header) can echo
 * back to dodge a raw match (red-team finding 03); so are base32, percent-encoding of every
 * byte and JSON \u escapes of every character (attack2 finding 04). The class stays open
 * (spaced letters, rot13, base64 twice...): CONTRACTS §5 says so.
 *
 * The search is one pass over the text: needles are bucketed by their first two case-folded
 * bytes, so a text with no candidate pair costs one table look-up per byte. Values shorter than
 * SECRET_MIN_LEN are not registered (a `1` or `true` would mask every occurrence): the limit is
 * documented in docs/design/CONTRACTS.md §5.
 */
#include <ctype.h>
#include <stdio.h>
#include <strings.h>

#include "config/config.h"
#include "engine/internal.h"

#define SECRET_MIN_LEN 8
#define SECRET_MAX_NEEDLES 4096

extern char **environ;

struct needle {
        char *s;
        size_t len;
        const char *name;       /* the variable, for the marker */
};

struct secret_set {
        struct needle *v;
        size_t n;
        struct strv names;
        uint32_t *first;        /* 65536 + 1 offsets into order[] */
        uint32_t *order;        /* needle indexes, grouped by their first two folded bytes */
};

static unsigned fold(unsigned char c)
{
        return (unsigned)tolower(c);
}

static int add_needle(struct secret_set *s, const char *name, char *text)
{
        struct needle *grown;

        if (!text)
                return -ENOMEM;
        if (strlen(text) < SECRET_MIN_LEN - 2 || s->n == SECRET_MAX_NEEDLES) {
                free(text);
                return s->n == SECRET_MAX_NEEDLES ? -E2BIG : 0;
        }
        for (size_t i = 0; i < s->n; i++)
                if (strcasecmp(s->v[i].s, text) == 0) {
                        free(text);
                        return 0;
                }
        grown = realloc(s->v, (s->n + 1) * sizeof(*grown));
        if (!grown) {
                free(text);
                return -ENOMEM;
        }
        s->v = grown;
        s->v[s->n++] = (struct needle){ text, strlen(text), name };
        return 0;
}

static char *json_escaped(const char *v)
{
        json_t *j = json_string(v);
        _cleanup_free_ char *d = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
        size_t n;

        json_decref(j);
        if (!d || (n = strlen(d)) < 2 || d[0] != '"')
                return NULL;
        d[n - 1] = '\0';
        return strdup(d + 1);
}

static char *url_encoded(const char *v, bool form)
{
        struct buf b = BUF_INIT(0);
        int r = 0;

        for (const unsigned char *p = (const unsigned char *)v; *p && r == 0; p++) {
                if (isalnum(*p) || strchr("-._~", *p))
                        r = buf_append(&b, (const char *)p, 1);
                else if (form && *p == ' ')
                        r = buf_puts(&b, "+");
                else
                        r = buf_printf(&b, "%%%02X", *p);
        }
        if (r < 0) {
                buf_free(&b);
                return NULL;
        }
        return buf_steal(&b, NULL);
}

static char *hex_encoded(const char *v)
{
        static const char digits[] = "0123456789abcdef";
        size_t n = strlen(v);
        char *out = malloc(2 * n + 1);

        if (!out)
                return NULL;
        for (size_t i = 0; i < n; i++) {
                out[2 * i] = digits[(unsigned char)v[i] >> 4];
                out[2 * i + 1] = digits[(unsigned char)v[i] & 15];
        }
        out[2 * n] = '\0';
        return out;
}

static char *reversed(const char *v)
{
        size_t n = strlen(v);
        char *out = malloc(n + 1);

        if (!out)
                return NULL;
        for (size_t i = 0; i < n; i++)
                out[i] = v[n - 1 - i];
        out[n] = '\0';
        return out;
}

/* base64 of v as it appears after `pad` other bytes of a longer text: only the characters
 * that depend on v alone (the edges shared with neighbouring bytes are dropped). */
static char *base64_aligned(const char *v, unsigned pad, bool url)
{
        static const char std[] =
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        static const char urls[] =
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        const char *alpha = url ? urls : std;
        size_t n = strlen(v) + pad, c_start = (8 * pad + 5) / 6, c_end = 8 * n / 6, o = 0;
        _cleanup_free_ unsigned char *in = calloc(1, n + 3);
        char *out;

        if (!in || !(out = malloc(c_end + 1)))
                return NULL;
        memcpy(in + pad, v, n - pad);
        /* Character c holds bits [6c, 6c + 6) of the byte stream; keep those inside v's bits
         * [8 pad, 8 n): the others also depend on the neighbouring bytes. */
        for (size_t c = c_start; c < c_end; c++) {
                size_t bit = 6 * c, byte = bit / 8;
                unsigned w = (unsigned)in[byte] << 8 | in[byte + 1];

                out[o++] = alpha[(w >> (10 - bit % 8)) & 63];
        }
        out[o] = '\0';
        return out;
}

/* Every byte of v percent-encoded, or as JSON's \u escape; case is ignored by the match,
 * so one needle covers %6f and %6F. */
static char *per_byte(const char *v, bool json)
{
        struct buf b = BUF_INIT(0);
        int r = 0;

        for (const unsigned char *p = (const unsigned char *)v; *p && r == 0; p++)
                r = json ? buf_printf(&b, "\\u%04x", *p) : buf_printf(&b, "%%%02X", *p);
        if (r < 0) {
                buf_free(&b);
                return NULL;
        }
        return buf_steal(&b, NULL);
}

/* base32 (RFC 4648) of v at the start of a base32 text: the characters v's bits alone
 * decide (the last one may share bits with what follows). */
static char *base32_prefix(const char *v)
{
        static const char alpha[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        size_t n = strlen(v), chars = 8 * n / 5;
        _cleanup_free_ unsigned char *in = calloc(1, n + 2);
        char *out;

        if (!in || !(out = malloc(chars + 1)))
                return NULL;
        memcpy(in, v, n);
        for (size_t c = 0; c < chars; c++) {
                size_t bit = 5 * c, byte = bit / 8;
                unsigned w = (unsigned)in[byte] << 8 | in[byte + 1];

                out[c] = alpha[(w >> (11 - bit % 8)) & 31];
        }
        out[chars] = '\0';
        return out;
}

static int add_value(struct secret_set *s, const char *name, const char *v)
{
        int r = 0;

        if (strlen(v) < SECRET_MIN_LEN)
                return 0;
        r = add_needle(s, name, strdup(v));
        if (r == 0)
                r = add_needle(s, name, json_escaped(v));
        if (r == 0)
                r = add_needle(s, name, url_encoded(v, false));
        if (r == 0)
                r = add_needle(s, name, url_encoded(v, true));
        if (r == 0)
                r = add_needle(s, name, hex_encoded(v));
        if (r == 0)
                r = add_needle(s, name, reversed(v));
        if (r == 0)
                r = add_needle(s, name, per_byte(v, false));
        if (r == 0)
                r = add_needle(s, name, per_byte(v, true));
        if (r == 0)
                r = add_needle(s, name, base32_prefix(v));
        for (unsigned pad = 0; pad < 3 && r == 0; pad++) {
                r = add_needle(s, name, base64_aligned(v, pad, false));
                if (r == 0)
                        r = add_needle(s, name, base64_aligned(v, pad, true));
        }
        return r;
}

static unsigned pair(const char *p)
{
        return fold((unsigned char)p[0]) << 8 | fold((unsigned char)p[1]);
}

static int build_index(struct secret_set *s)
{
        s->first = calloc(65537, sizeof(*s->first));
        s->order = calloc(s->n + 1, sizeof(*s->order));
        if (!s->first || !s->order)
                return -ENOMEM;
        for (size_t i = 0; i < s->n; i++)
                s->first[pair(s->v[i].s) + 1]++;
        for (size_t k = 1; k <= 65536; k++)
                s->first[k] += s->first[k - 1];
        {
                _cleanup_free_ uint32_t *fill = calloc(65536, sizeof(*fill));

                if (!fill)
                        return -ENOMEM;
                for (size_t i = 0; i < s->n; i++) {
                        unsigned k = pair(s->v[i].s);

                        s->order[s->first[k] + fill[k]++] = (uint32_t)i;
                }
        }
        return 0;
}

int secret_set_new(struct secret_set **ret)
{
        struct secret_set *s = calloc(1, sizeof(*s));
        int r = 0;

        if (!s)
                return -ENOMEM;
        for (char **e = environ; e && *e && r == 0; e++) {
                const char *eq = strchr(*e, '=');
                char name[256];

                if (!eq || (size_t)(eq - *e) >= sizeof(name))
                        continue;
                memcpy(name, *e, (size_t)(eq - *e));
                name[eq - *e] = '\0';
                if (!config_is_secret_name(name) || strlen(eq + 1) < SECRET_MIN_LEN)
                        continue;
                r = strv_push(&s->names, name);
                if (r == 0)
                        r = add_value(s, s->names.v[s->names.n - 1], eq + 1);
        }
        if (r == 0)
                r = build_index(s);
        if (r < 0) {
                secret_set_free(s);
                return r;
        }
        *ret = s;
        return 0;
}

void secret_set_free(struct secret_set *s)
{
        if (!s)
                return;
        for (size_t i = 0; i < s->n; i++) {
                explicit_bzero(s->v[i].s, s->v[i].len);
                free(s->v[i].s);
        }
        free(s->v);
        free(s->first);
        free(s->order);
        strv_free(&s->names);
        free(s);
}

size_t secret_set_size(const struct secret_set *s)
{
        return s ? s->names.n : 0;
}

/* The longest needle that starts at p, or NULL. */
static const struct needle *match_at(const struct secret_set *s, const char *p, size_t left)
{
        const struct needle *best = NULL;
        unsigned k;

        if (left < 2)
                return NULL;
        k = pair(p);
        for (uint32_t j = s->first[k]; j < s->first[k + 1]; j++) {
                const struct needle *nd = &s->v[s->order[j]];

                if (nd->len <= left && (!best || nd->len > best->len) &&
                    strncasecmp(p, nd->s, nd->len) == 0)
                        best = nd;
        }
        return best;
}

int secret_scrub(const struct secret_set *s, const char *in, size_t len, struct buf *out,
                 size_t *ret_count)
{
        size_t i = 0, done = 0, count = 0;
        int r = 0;

        if (!s || s->n == 0)
                return buf_append(out, in, len);
        while (i + 1 < len && r == 0) {
                const struct needle *nd = s->first[pair(in + i) + 1] != s->first[pair(in + i)]
                                                  ? match_at(s, in + i, len - i)
                                                  : NULL;

                if (!nd) {
                        i++;
                        continue;
                }
                r = buf_append(out, in + done, i - done);
                if (r == 0)
                        r = buf_printf(out, "[SECRET:%s]", nd->name);
                count++;
                i += nd->len;
                done = i;
        }
        if (r == 0)
                r = buf_append(out, in + done, len - done);
        if (r == 0 && ret_count)
                *ret_count = count;
        return r;
}

bool secret_contains(const struct secret_set *s, const char *in, size_t len)
{
        for (size_t i = 0; s && s->n && i + 1 < len; i++)
                if (s->first[pair(in + i) + 1] != s->first[pair(in + i)] &&
                    match_at(s, in + i, len - i))
                        return true;
        return false;
}
