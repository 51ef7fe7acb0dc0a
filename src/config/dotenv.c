/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dotenv: `.env` files into the environment, and finding the project folder.
 *
 * .env syntax: KEY=VALUE lines, blank lines and `#` comments, an optional `export ` prefix,
 * spaces around `=`, values unquoted (a ` #` starts a comment, trailing blanks are dropped),
 * 'single-quoted' (taken as is) or "double-quoted" (\n \t \" \\ escapes). No variable expansion
 * and no multi-line values. The whole file is parsed before anything is set, so a malformed
 * line (reported as path:line:col) changes nothing. Variables already in the environment win;
 * within the file the last line wins. Caps: DOTENV_MAX_BYTES for the file, DOTENV_MAX_LINE
 * for a line.
 *
 * It does not interpret any variable: AKIOS_* overrides are config.c's job.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "config/config.h"

#define DOTENV_MAX_BYTES (1 << 20)
#define DOTENV_MAX_LINE (16 * 1024)

struct dotenv_entry {
        char *key;
        char *value;
        bool preset; /* in the environment before we started: left alone */
};

struct line_ctx {
        const char *path;
        unsigned lineno;
        const char *start; /* of the line, for columns */
        struct diag *d;
};

static int bad(const struct line_ctx *l, const char *at, const char *msg)
{
        diag_set(l->d, l->path, l->lineno, (unsigned)(at - l->start) + 1, "%s", msg);
        return -EINVAL;
}

static const char *skip_blanks(const char *p, const char *end)
{
        while (p < end && (*p == ' ' || *p == '\t'))
                p++;
        return p;
}

/* After a closing quote only blanks or a comment may follow. */
static int check_tail(const struct line_ctx *l, const char *p, const char *end)
{
        p = skip_blanks(p, end);
        if (p < end && *p != '#')
                return bad(l, p, "unexpected text after the closing quote");
        return 0;
}

static int value_double_quoted(const struct line_ctx *l, const char *p, const char *end,
                               struct buf *v)
{
        static const char escapes[][2] = { { 'n', '\n' }, { 't', '\t' }, { 'r', '\r' },
                                           { '"', '"' }, { '\\', '\\' }, { '$', '$' } };

        const char *open = p;

        for (p++; p < end && *p != '"'; p++) {
                char c = *p;

                if (c == '\\') {
                        size_t i;

                        if (p + 1 >= end)
                                return bad(l, open, "unterminated double-quoted value");
                        for (i = 0; i < ARRAY_SIZE(escapes) && escapes[i][0] != p[1]; i++)
                                ;
                        if (i == ARRAY_SIZE(escapes))
                                return bad(l, p, "unknown escape (use \\n \\t \\r \\\" \\\\)");
                        c = escapes[i][1];
                        p++;
                }
                if (buf_putc(v, c) < 0)
                        return -ENOMEM;
        }
        if (p >= end)
                return bad(l, open, "unterminated double-quoted value");
        return check_tail(l, p + 1, end);
}

static int value_single_quoted(const struct line_ctx *l, const char *p, const char *end,
                               struct buf *v)
{
        const char *close = memchr(p + 1, '\'', (size_t)(end - p - 1));

        if (!close)
                return bad(l, p, "unterminated single-quoted value");
        if (buf_append(v, p + 1, (size_t)(close - p - 1)) < 0)
                return -ENOMEM;
        return check_tail(l, close + 1, end);
}

static int value_plain(const char *p, const char *end, struct buf *v)
{
        const char *e = p;

        /* A '#' starts a comment only after a blank (so "a#b" is a value). */
        while (e < end && !(*e == '#' && (e == p || e[-1] == ' ' || e[-1] == '\t')))
                e++;
        while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
                e--;
        return buf_append(v, p, (size_t)(e - p)) < 0 ? -ENOMEM : 0;
}

/* One line (without its newline). Returns 0 and no key for blanks and comments. */
static int parse_line(const struct line_ctx *l, const char *end, char **ret_key, char **ret_value)
{
        const char *p = skip_blanks(l->start, end), *k;
        struct buf v = BUF_INIT(DOTENV_MAX_LINE);
        _cleanup_free_ char *key = NULL;
        int r;

        if (p == end || *p == '#')
                return 0;
        if ((size_t)(end - p) > 7 && memcmp(p, "export", 6) == 0 && (p[6] == ' ' || p[6] == '\t'))
                p = skip_blanks(p + 6, end);
        k = p;
        if (p == end || !(isalpha((unsigned char)*p) || *p == '_'))
                return bad(l, p, "expected a variable name (letters, digits, '_')");
        while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
                p++;
        key = strndup(k, (size_t)(p - k));
        if (!key)
                return -ENOMEM;
        p = skip_blanks(p, end);
        if (p == end || *p != '=')
                return bad(l, p, "expected '=' after the variable name");
        p = skip_blanks(p + 1, end);
        if (p < end && *p == '"')
                r = value_double_quoted(l, p, end, &v);
        else if (p < end && *p == '\'')
                r = value_single_quoted(l, p, end, &v);
        else
                r = value_plain(p, end, &v);
        if (r < 0) {
                buf_free(&v);
                return r;
        }
        *ret_value = buf_steal(&v, NULL);
        if (!*ret_value)
                return -ENOMEM;
        *ret_key = TAKE_PTR(key);
        return 0;
}

static void entries_free(struct dotenv_entry *e, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                free(e[i].key);
                free(e[i].value);
        }
        free(e);
}

static int parse_all(const char *path, const struct buf *b, struct dotenv_entry **ret,
                     size_t *ret_n, struct diag *d)
{
        struct line_ctx l = { .path = path, .d = d };
        struct dotenv_entry *e = NULL;
        size_t n = 0;
        const char *p = b->data, *end = b->data + b->len;

        if (memchr(p, '\0', b->len)) {
                diag_set(d, path, 0, 0, "contains a NUL byte");
                return -EINVAL;
        }
        while (p < end) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                const char *eol = nl ? nl : end;
                char *key = NULL, *value = NULL;
                int r;

                l.lineno++;
                l.start = p;
                if (eol > p && eol[-1] == '\r')
                        eol--;
                if (eol - p > DOTENV_MAX_LINE) {
                        diag_set(d, path, l.lineno, 1, "line longer than %d bytes",
                                 DOTENV_MAX_LINE);
                        entries_free(e, n);
                        return -E2BIG;
                }
                r = parse_line(&l, eol, &key, &value);
                if (r == 0 && key) {
                        struct dotenv_entry *ne = realloc(e, (n + 1) * sizeof(*e));

                        if (!ne) {
                                free(key);
                                free(value);
                                r = -ENOMEM;
                        } else {
                                e = ne;
                                e[n++] = (struct dotenv_entry){ key, value, false };
                        }
                }
                if (r < 0) {
                        entries_free(e, n);
                        return r;
                }
                p = nl ? nl + 1 : end;
        }
        *ret = e;
        *ret_n = n;
        return 0;
}

/* The names .env defined (AKIOS_* overrides excepted): each one's value is a known secret. */
static struct strv loaded_names;

static bool name_has(const char *name, const char *word)
{
        return strcasestr(name, word) != NULL;
}

bool config_is_secret_name(const char *name)
{
        static const char *const words[] = { "KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD",
                                             "CREDENTIAL", "AUTH" };

        if (strv_contains(&loaded_names, name))
                return true;
        if (strncmp(name, "AKIOS_", 6) == 0)
                return false;
        for (size_t i = 0; i < ARRAY_SIZE(words); i++)
                if (name_has(name, words[i]))
                        return true;
        return false;
}

const struct strv *dotenv_names(void)
{
        return &loaded_names;
}

int dotenv_load(const char *path, struct diag *d)
{
        struct buf b = BUF_INIT(DOTENV_MAX_BYTES);
        struct dotenv_entry *e = NULL;
        size_t n = 0;
        int r;

        r = read_file_capped(path, DOTENV_MAX_BYTES, &b);
        if (r == -ENOENT) {
                buf_free(&b);
                return 0;
        }
        if (r < 0) {
                if (r == -E2BIG)
                        diag_set(d, path, 0, 0, "file is larger than %d bytes", DOTENV_MAX_BYTES);
                else
                        diag_set(d, path, 0, 0, "cannot read: %s", strerror(-r));
                buf_free(&b);
                return r;
        }
        r = parse_all(path, &b, &e, &n, d);
        buf_free(&b);
        if (r < 0)
                return r;
        /* Decide what was there before setting anything, so the file's last line wins. */
        for (size_t i = 0; i < n; i++)
                e[i].preset = getenv(e[i].key) != NULL;
        for (size_t i = 0; i < n && r >= 0; i++) {
                if (strncmp(e[i].key, "AKIOS_", 6) != 0 && !strv_contains(&loaded_names, e[i].key))
                        r = strv_push(&loaded_names, e[i].key);
                if (r >= 0 && !e[i].preset && setenv(e[i].key, e[i].value, 1) < 0) {
                        r = -errno;
                        diag_set(d, path, 0, 0, "cannot set '%s': %s", e[i].key, strerror(errno));
                }
        }
        entries_free(e, n);
        return r;
}

int project_find(char **ret)
{
        _cleanup_free_ char *dir = getcwd(NULL, 0);
        struct buf b = BUF_INIT(PATH_MAX);

        if (!dir)
                return -errno;
        for (;;) {
                struct stat st;
                char *slash;

                buf_reset(&b);
                if (buf_printf(&b, "%s/config.yaml", streq(dir, "/") ? "" : dir) < 0) {
                        buf_free(&b);
                        return -E2BIG;
                }
                if (stat(b.data, &st) == 0 && S_ISREG(st.st_mode)) {
                        buf_free(&b);
                        *ret = TAKE_PTR(dir);
                        return 0;
                }
                if (streq(dir, "/"))
                        break;
                slash = strrchr(dir, '/');
                *(slash == dir ? slash + 1 : slash) = '\0';
        }
        buf_free(&b);
        return -ENOENT;
}
