/* SPDX-License-Identifier: GPL-3.0-or-later */
/* RTF to text: our own small parser (no Debian library reads RTF to text in C). Groups,
 * control words and symbols; \par, \line, \tab, \'hh (windows-1252), \uN with \ucN
 * fallback skipping, \bin skipping; destinations that are not body text (font, colour and
 * style tables, pictures, objects, headers, footers, \* ignorables) are skipped; {\info} gives
 * title and author. Nesting is capped at DOCS_MAX_DEPTH; unclosed groups (a truncated file)
 * are an error. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "docs/extract/internal.h"

struct rtf_group {
        bool skip;
        unsigned char uc;
        signed char meta;       /* capture into: -1 none, 0 title, 1 author */
};

struct rtf {
        struct dx *x;
        struct rtf_group g[DOCS_MAX_DEPTH + 1];
        unsigned depth;
        unsigned pending_skip;  /* fallback bytes still to skip after \u */
        struct buf meta[2];
};

static const char *const skipped[] = {
        "fonttbl", "colortbl", "stylesheet", "pict", "object", "header", "footer", "headerl",
        "headerr", "headerf", "footerl", "footerr", "footerf", "listtable", "listoverridetable",
        "rsidtbl", "generator", "xmlnsdecl", "themedata", "colorschememapping", "datastore",
        "latentstyles", "pgdsctbl", "filetbl", "revtbl", "doccomm", "operator", "keywords",
        "subject", "company", "comment", "nonshppict", "fldinst", "bkmkstart", "bkmkend",
        "mmathPr", "wgrffmtfilter", "background", "shppict", "listtext", "field0",
};

static int out_byte(struct rtf *s, char c)
{
        struct rtf_group *g = &s->g[s->depth];

        if (s->pending_skip) {
                s->pending_skip--;
                return 0;
        }
        if (g->meta >= 0) {
                /* Metadata fields have a cap of their own: a longer title is cut there. */
                int r = buf_putc(&s->meta[g->meta], c);

                return r == -E2BIG ? 0 : r;
        }
        if (g->skip)
                return 0;
        return dx_text_cp1252(s->x, &c, 1);
}

static int control_word(struct rtf *s, const char *w, bool has_num, long num)
{
        struct rtf_group *g = &s->g[s->depth];

        if (streq(w, "par") || streq(w, "line") || streq(w, "row") || streq(w, "sect") ||
            streq(w, "page"))
                return g->skip || g->meta >= 0 ? 0 : dx_text(s->x, "\n", 1);
        if (streq(w, "tab") || streq(w, "cell"))
                return g->skip || g->meta >= 0 ? 0 : dx_text(s->x, "\t", 1);
        if (streq(w, "uc") && has_num) {
                g->uc = (unsigned char)(num < 0 ? 0 : num > 10 ? 10 : num);
                return 0;
        }
        if (streq(w, "u") && has_num) {
                int r = 0;

                if (!g->skip && g->meta < 0)
                        r = dx_codepoint(s->x, (unsigned long)(num < 0 ? num + 65536 : num));
                s->pending_skip = g->uc;
                return r;
        }
        if (streq(w, "title") || streq(w, "author")) {
                g->meta = (signed char)(w[0] == 't' ? 0 : 1);
                return 0;
        }
        for (size_t i = 0; i < ARRAY_SIZE(skipped); i++)
                if (streq(w, skipped[i])) {
                        g->skip = true;
                        return 0;
                }
        return 0;
}

/* A control word or symbol at p (after the backslash); returns the bytes used. */
static size_t control(struct rtf *s, const char *p, size_t n, int *err)
{
        char word[33];
        size_t i = 0, k = 0;
        long num = 0;
        bool neg = false, has_num = false;

        if (!n)
                return 0;
        if (!isalpha((unsigned char)p[0])) {
                char c = p[0];

                if (c == '\'' && n >= 3 && isxdigit((unsigned char)p[1]) &&
                    isxdigit((unsigned char)p[2])) {
                        char hex[3] = { p[1], p[2], 0 };

                        *err = out_byte(s, (char)strtol(hex, NULL, 16));
                        return 3;
                }
                if (c == '*')
                        s->g[s->depth].skip = true;
                else if (c == '\\' || c == '{' || c == '}')
                        *err = out_byte(s, c);
                else if (c == '~')
                        *err = out_byte(s, (char)0xa0);
                else if (c == '_')
                        *err = out_byte(s, '-');
                else if (c == '\n' || c == '\r')
                        *err = control_word(s, "par", false, 0);
                return 1;
        }
        while (i < n && isalpha((unsigned char)p[i]) && k < sizeof(word) - 1)
                word[k++] = p[i++];
        word[k] = '\0';
        while (i < n && isalpha((unsigned char)p[i]))
                i++;
        if (i < n && p[i] == '-' && i + 1 < n && isdigit((unsigned char)p[i + 1]))
                neg = true, i++;
        while (i < n && isdigit((unsigned char)p[i])) {
                if (num < 100000000)
                        num = num * 10 + (p[i] - '0');
                has_num = true;
                i++;
        }
        if (neg)
                num = -num;
        if (i < n && p[i] == ' ')
                i++;
        if (streq(word, "bin") && has_num && num > 0) {
                /* binary data follows: skipped whole */
                size_t skip = (size_t)num < n - i ? (size_t)num : n - i;

                return i + skip;
        }
        *err = control_word(s, word, has_num, num);
        return i;
}

static int group_open(struct rtf *s)
{
        if (s->depth >= DOCS_MAX_DEPTH)
                return dx_fail(s->x, "limit", E2BIG, "RTF groups nest deeper than %d",
                               DOCS_MAX_DEPTH);
        s->g[s->depth + 1] = s->g[s->depth];
        s->depth++;
        s->pending_skip = 0;
        return 0;
}

static int group_close(struct rtf *s)
{
        if (!s->depth)
                return dx_fail(s->x, "malformed", EBADMSG, "malformed RTF: '}' without '{'");
        s->depth--;
        s->pending_skip = 0;
        return 0;
}

static int rtf_run(struct rtf *s, const char *data, size_t len)
{
        size_t i = 0;
        int r = 0;

        while (i < len && r == 0) {
                char c = data[i];

                if (c == '{') {
                        r = group_open(s);
                        i++;
                } else if (c == '}') {
                        r = group_close(s);
                        i++;
                } else if (c == '\\') {
                        i++;
                        i += control(s, data + i, len - i, &r);
                } else if (c == '\n' || c == '\r' || c == '\0') {
                        i++;
                } else {
                        r = out_byte(s, c);
                        i++;
                }
                if (r == 0 && s->depth == 0 && i < len && data[i - 1] == '}')
                        break;
        }
        if (r == 0 && s->depth > 0)
                r = dx_fail(s->x, "malformed", EBADMSG, "malformed RTF: %u group%s not closed "
                            "(truncated file?)", s->depth, s->depth == 1 ? "" : "s");
        return r;
}

int dx_rtf(struct dx *x, const char *data, size_t len)
{
        struct rtf *s = calloc(1, sizeof(*s));
        int r;

        if (!s)
                return dx_fail(x, "limit", ENOMEM, "out of memory");
        s->x = x;
        s->g[0] = (struct rtf_group){ .uc = 1, .meta = -1 };
        s->meta[0] = BUF_INIT(4096);
        s->meta[1] = BUF_INIT(4096);
        dx_meta_str(x, "format", "rtf", 3);
        r = rtf_run(s, data, len);
        if (r == 0) {
                struct dx tmp;

                /* metadata is windows-1252 too */
                for (int k = 0; k < 2; k++)
                        if (s->meta[k].len && dx_init(&tmp) == 0) {
                                dx_text_cp1252(&tmp, s->meta[k].data, s->meta[k].len);
                                dx_meta_str(x, k ? "author" : "title", tmp.text.data,
                                            tmp.text.len);
                                dx_done(&tmp);
                        }
                r = dx_newline(x);
        }
        buf_free(&s->meta[0]);
        buf_free(&s->meta[1]);
        free(s);
        return r;
}
