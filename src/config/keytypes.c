/* SPDX-License-Identifier: GPL-3.0-or-later */
/* keytypes: the value types of config keys, one row of config_type_ops[] each: validate a YAML node
 * and store it (set), say what is wanted (for messages and --help), show it as JSON, free it.
 *
 * Setters validate the whole value before replacing the field, so a refused value leaves the
 * struct as it was. Every refusal fills the diag with file:line:col (or the AKIOS_* variable
 * name) and the key. It knows nothing about particular keys: config.c's table does.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <strings.h>

#include "config/keys.h"

static int fail(const struct origin *o, const struct ynode *n, const char *fmt, ...)
        _printf_(3, 4);
static int fail(const struct origin *o, const struct ynode *n, const char *fmt, ...)
{
        char msg[400];
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        if (o->env)
                diag_set(o->d, o->file, 0, 0, "%s", msg);
        else
                diag_set(o->d, o->file, n ? n->line : 0, n ? n->col : 0, "%s: %s", o->key, msg);
        return -EINVAL;
}

/* ---- what each type wants (messages and --help) ------------------------- */

static void want_bool(const struct config_key *k, char *out, size_t size)
{
        if (k->flags & F_MUST_BE_FALSE)
                snprintf(out, size, "false (the only value akios supports)");
        else if (k->flags & F_MUST_BE_TRUE)
                snprintf(out, size, "true (the only value akios supports)");
        else
                snprintf(out, size, "true or false");
}

static void want_number(const struct config_key *k, char *out, size_t size)
{
        snprintf(out, size, "a number in %c%g, %g]", k->flags & F_MIN_OPEN ? '(' : '[', k->min,
                 k->max);
}

static void want_integer(const struct config_key *k, char *out, size_t size)
{
        if (k->max >= (double)LONG_MAX)
                snprintf(out, size, "an integer >= %ld", (long)k->min);
        else
                snprintf(out, size, "an integer in %ld..%ld", (long)k->min, (long)k->max);
}

static void want_values(const char *intro, const struct enum_value *v, char *out, size_t size)
{
        struct buf b = BUF_INIT(0);
        int r = buf_puts(&b, intro);

        for (size_t i = 0; r == 0 && v[i].name; i++)
                r = buf_printf(&b, "%s'%s'", i ? ", " : "", v[i].name);
        snprintf(out, size, "%s", r == 0 && b.data ? b.data : intro);
        buf_free(&b);
}

static void want_enum(const struct config_key *k, char *out, size_t size)
{
        want_values("one of ", k->values, out, size);
}

static void want_string(const struct config_key *k, char *out, size_t size)
{
        if (k->values)
                want_values("", k->values, out, size);
        else
                snprintf(out, size, "a non-empty string");
}

static void want_hosts(const struct config_key *k, char *out, size_t size)
{
        snprintf(out, size, "a list of host names");
}

static void want_commands(const struct config_key *k, char *out, size_t size)
{
        snprintf(out, size, "a list of command names");
}

static void want_paths(const struct config_key *k, char *out, size_t size)
{
        snprintf(out, size, "a list of folders inside the project");
}

static void want_names(const struct config_key *k, char *out, size_t size)
{
        snprintf(out, size, "a list of names");
}

static void want_prices(const struct config_key *k, char *out, size_t size)
{
        snprintf(out, size, "a mapping of model names to {input: USD, output: USD} per 1M tokens");
}

/* The value does not have the wanted shape or range. */
static int fail_want(const struct origin *o, const struct config_key *k, const struct ynode *n);

/* ---- setters: validate a node, then replace the field ------------------- */

static bool bool_word(const struct ynode *n, bool *ret)
{
        static const struct enum_value words[] = {
                { "true", 1 }, { "false", 0 }, { "yes", 1 }, { "no", 0 }, { "on", 1 },
                { "off", 0 }, { "1", 1 }, { "0", 0 },
        };

        if (n->type != Y_SCALAR || !n->plain)
                return false;
        for (size_t i = 0; i < ARRAY_SIZE(words); i++)
                if (strcasecmp(n->str, words[i].name) == 0) {
                        *ret = words[i].value;
                        return true;
                }
        return false;
}

static int set_bool(struct akios_config *c, const struct config_key *k, const struct ynode *v,
                    const struct origin *o)
{
        bool b;

        if (!bool_word(v, &b) || (b && (k->flags & F_MUST_BE_FALSE)))
                return fail_want(o, k, v);
        /* sandbox_enabled: false would run tool steps on the host with the user's rights and
         * secrets in reach; akios refuses it rather than pretend (CONTRACTS §5). */
        if (!b && (k->flags & F_MUST_BE_TRUE))
                return fail(o, v, "false is not supported: akios never runs tool steps outside "
                            "the cage; remove the key (to run with whatever layers the host has, "
                            "keep sandbox_required: best-effort)");
        if (k->offset != NOT_STORED)
                *FIELD(c, k, bool) = b;
        return 0;
}

static bool number_in_range(const struct config_key *k, double x)
{
        return (k->flags & F_MIN_OPEN ? x > k->min : x >= k->min) && x <= k->max;
}

static int set_number(struct akios_config *c, const struct config_key *k, const struct ynode *v,
                      const struct origin *o)
{
        double x;

        if (v->type != Y_SCALAR || yscalar_double(v, &x) < 0 || !number_in_range(k, x))
                return fail_want(o, k, v);
        if (k->offset != NOT_STORED)
                *FIELD(c, k, double) = x;
        return 0;
}

static int set_integer(struct akios_config *c, const struct config_key *k, const struct ynode *v,
                       const struct origin *o)
{
        long x;

        if (v->type != Y_SCALAR || yscalar_long(v, &x) < 0 || x < (long)k->min ||
            (k->max < (double)LONG_MAX && x > (long)k->max))
                return fail_want(o, k, v);
        if (k->offset != NOT_STORED)
                *FIELD(c, k, long) = x;
        return 0;
}

/* A scalar that is a real string: not null, no NUL byte inside. */
static bool is_text(const struct ynode *v)
{
        return v->type == Y_SCALAR && !yscalar_is_null(v) && strlen(v->str) == v->len;
}

static const struct enum_value *find_value(const struct enum_value *values, const char *s,
                                           bool icase)
{
        for (size_t i = 0; values[i].name; i++)
                if (icase ? strcasecmp(values[i].name, s) == 0 : streq(values[i].name, s))
                        return &values[i];
        return NULL;
}

static int set_enum(struct akios_config *c, const struct config_key *k, const struct ynode *v,
                    const struct origin *o)
{
        const struct enum_value *e = is_text(v) ? find_value(k->values, v->str,
                                                            k->flags & F_ICASE) : NULL;

        if (!e)
                return fail_want(o, k, v);
        if (k->offset != NOT_STORED)
                *FIELD(c, k, int) = e->value;
        return 0;
}

static int set_string(struct akios_config *c, const struct config_key *k, const struct ynode *v,
                      const struct origin *o)
{
        char *s, **field;

        if ((k->flags & F_INERT) && v->type == Y_SCALAR && v->len && yscalar_is_null(v))
                return 0;       /* AKIOS writes ui_custom_theme: null */
        if (!is_text(v) || v->len == 0 || (k->values && !find_value(k->values, v->str, false)))
                return fail_want(o, k, v);
        if (k->offset == NOT_STORED)
                return 0;
        s = strdup(v->str);
        if (!s)
                return -ENOMEM;
        field = FIELD(c, k, char *);
        free(*field);
        *field = s;
        return 0;
}

/* List entry checks: NULL when fine, else why not. May normalise the entry in place. */
static const char *check_host(char *s)
{
        size_t len = strlen(s), label = 0;

        if (len == 0)
                return "is empty";
        if (len > 253)
                return "is longer than 253 bytes";
        if (strstr(s, "://"))
                return "must be a host name, not a URL (no scheme)";
        if (strchr(s, '/'))
                return "must be a host name (no path)";
        if (strchr(s, ':'))
                return "must be a host name (no port)";
        for (char *p = s; *p; p++) {
                *p = (char)tolower((unsigned char)*p);
                if (*p == '.') {
                        if (label == 0)
                                return "has an empty label";
                        label = 0;
                        continue;
                }
                if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_')
                        return "must be a host name (letters, digits, '-', '_' and '.')";
                if (++label > 63)
                        return "has a label longer than 63 bytes";
        }
        return label == 0 ? "has an empty label" : NULL;
}

static const char *check_command(char *s)
{
        if (!*s)
                return "is empty";
        for (char *p = s; *p; p++)
                if (*p == '/' || isspace((unsigned char)*p) || iscntrl((unsigned char)*p))
                        return "must be a command name (no '/', spaces or control characters)";
        return NULL;
}

static const char *check_name(char *s)
{
        if (!*s)
                return "is empty";
        for (char *p = s; *p; p++)
                if (isspace((unsigned char)*p) || iscntrl((unsigned char)*p))
                        return "must be a name without spaces or control characters";
        return NULL;
}

/* A project-relative folder, cleaned in place ("./data//input/" becomes "data/input"). The
 * project itself, '..', and the project's control files are refused here (lexically) and again
 * at open time by inode (src/engine/policy.c), whatever path or symlink leads to them. */
const char *config_path_clean(char *s)
{
        static const char *const protected_names[] = { "audit", ".env", "config.yaml" };
        char *o = s, *in = s;

        if (s[0] == '/')
                return "must be a folder inside the project (a relative path)";
        while (*in) {
                while (*in == '/')
                        in++;
                if (in[0] == '.' && (in[1] == '/' || !in[1])) {
                        in++;
                        continue;
                }
                if (in[0] == '.' && in[1] == '.' && (in[2] == '/' || !in[2]))
                        return "must not contain '..'";
                if (!*in)
                        break;
                if (o != s)
                        *o++ = '/';
                while (*in && *in != '/') {
                        if (iscntrl((unsigned char)*in))
                                return "must not contain control characters";
                        *o++ = *in++;
                }
        }
        *o = '\0';
        if (!*s)
                return "names the project folder itself, which holds audit/, .env and "
                       "config.yaml; name a folder inside it";
        for (size_t i = 0; i < ARRAY_SIZE(protected_names); i++) {
                size_t n = strlen(protected_names[i]);

                if (strncmp(s, protected_names[i], n) == 0 && (s[n] == '/' || !s[n]))
                        return "is a control file of the project, never reachable by agents";
        }
        return NULL;
}

static const char *(*const list_checks[_K_MAX])(char *s) = {
        [K_PATHS] = config_path_clean,
        [K_HOSTS] = check_host,
        [K_COMMANDS] = check_command,
        [K_NAMES] = check_name,
};

static int set_list(struct akios_config *c, const struct config_key *k, const struct ynode *v,
                    const struct origin *o)
{
        struct strv l = {};
        int r;

        if (v->type != Y_SEQ)
                return fail_want(o, k, v);
        for (size_t i = 0; i < v->n; i++) {
                const struct ynode *item = v->items[i];
                _cleanup_free_ char *s = NULL;
                const char *why;

                if (!is_text(item)) {
                        strv_free(&l);
                        return fail(o, item, "entry %zu must be a string, not %s", i + 1,
                                    ynode_kind(item));
                }
                s = strdup(item->str);
                if (!s) {
                        strv_free(&l);
                        return -ENOMEM;
                }
                why = list_checks[k->type](s);
                if (why) {
                        strv_free(&l);
                        return fail(o, item, "entry '%.80s' %s", item->str, why);
                }
                if (strv_contains(&l, s))
                        continue;
                r = strv_push_take(&l, TAKE_PTR(s));
                if (r < 0) {
                        strv_free(&l);
                        return r;
                }
        }
        if (k->offset == NOT_STORED) {
                strv_free(&l);
                return 0;
        }
        strv_free(FIELD(c, k, struct strv));
        *FIELD(c, k, struct strv) = l;
        return 0;
}

/* One {input: n, output: n} entry of model_prices. */
static int price_entry(const struct config_key *k, const struct ynode *m, const struct origin *o,
                       json_t **ret)
{
        static const char *const fields[] = { "input", "output" };
        json_t *j = json_object();
        double x;

        if (!j)
                return -ENOMEM;
        if (m->type != Y_MAP) {
                json_decref(j);
                return fail(o, m, "each model must map to {input: USD, output: USD}, not %s",
                            ynode_kind(m));
        }
        for (size_t i = 0; i + 1 < m->n; i += 2) {
                const struct ynode *key = m->items[i], *val = m->items[i + 1];

                if (!streq(key->str, "input") && !streq(key->str, "output")) {
                        json_decref(j);
                        return fail(o, key, "unknown price field '%.60s' (want input, output)",
                                    key->str);
                }
                if (val->type != Y_SCALAR || yscalar_double(val, &x) < 0 || x < 0 || x > k->max) {
                        json_decref(j);
                        return fail(o, val, "%s must be a number in [0, %g] (USD per 1M tokens)",
                                    key->str, k->max);
                }
                if (json_object_set_new(j, key->str, json_real(x)) < 0) {
                        json_decref(j);
                        return -ENOMEM;
                }
        }
        for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
                if (!json_object_get(j, fields[i])) {
                        json_decref(j);
                        return fail(o, m, "missing '%s' price", fields[i]);
                }
        *ret = j;
        return 0;
}

static int set_prices(struct akios_config *c, const struct config_key *k, const struct ynode *v,
                      const struct origin *o)
{
        json_t *all, **field;
        int r;

        if (v->type != Y_MAP)
                return fail_want(o, k, v);
        all = json_object();
        if (!all)
                return -ENOMEM;
        for (size_t i = 0; i + 1 < v->n; i += 2) {
                json_t *e = NULL;

                if (v->items[i]->len == 0 || strlen(v->items[i]->str) != v->items[i]->len) {
                        json_decref(all);
                        return fail(o, v->items[i], "model names must be non-empty strings");
                }
                r = price_entry(k, v->items[i + 1], o, &e);
                if (r == 0 && json_object_set_new(all, v->items[i]->str, e) < 0)
                        r = -ENOMEM;
                if (r < 0) {
                        json_decref(all);
                        return r;
                }
        }
        if (k->offset == NOT_STORED) {
                json_decref(all);
                return 0;
        }
        field = FIELD(c, k, json_t *);
        json_decref(*field);
        *field = all;
        return 0;
}

/* ---- JSON views and destructors ----------------------------------------- */

static json_t *json_bool_field(const struct akios_config *c, const struct config_key *k)
{
        return json_boolean(*FIELD(c, k, bool));
}

static json_t *json_number_field(const struct akios_config *c, const struct config_key *k)
{
        return json_real(*FIELD(c, k, double));
}

static json_t *json_integer_field(const struct akios_config *c, const struct config_key *k)
{
        return json_integer(*FIELD(c, k, long));
}

static json_t *json_enum_field(const struct akios_config *c, const struct config_key *k)
{
        int v = *FIELD(c, k, int);

        for (size_t i = 0; k->values[i].name; i++)
                if (k->values[i].value == v)
                        return json_string(k->values[i].name);
        return json_null();
}

static json_t *json_string_field(const struct akios_config *c, const struct config_key *k)
{
        const char *s = *FIELD(c, k, char *);

        return s ? json_string(s) : json_null();
}

static json_t *json_list_field(const struct akios_config *c, const struct config_key *k)
{
        const struct strv *l = FIELD(c, k, struct strv);
        json_t *a = json_array();

        for (size_t i = 0; a && i < l->n; i++)
                if (json_array_append_new(a, json_string(l->v[i])) < 0) {
                        json_decref(a);
                        return NULL;
                }
        return a;
}

static json_t *json_prices_field(const struct akios_config *c, const struct config_key *k)
{
        json_t *p = *FIELD(c, k, json_t *);

        return p ? json_deep_copy(p) : json_object();
}

static void free_nothing(struct akios_config *c, const struct config_key *k)
{
}

static void free_string(struct akios_config *c, const struct config_key *k)
{
        char **s = FIELD(c, k, char *);

        free(*s);
        *s = NULL;
}

static void free_list(struct akios_config *c, const struct config_key *k)
{
        strv_free(FIELD(c, k, struct strv));
}

static void free_prices(struct akios_config *c, const struct config_key *k)
{
        json_t **p = FIELD(c, k, json_t *);

        json_decref(*p);
        *p = NULL;
}

const struct type_ops config_type_ops[_K_MAX] = {
        [K_BOOL] = { "boolean", SHAPE_SCALAR, true, set_bool, want_bool, json_bool_field,
                     free_nothing },
        [K_NUMBER] = { "number", SHAPE_SCALAR, true, set_number, want_number, json_number_field,
                       free_nothing },
        [K_INTEGER] = { "integer", SHAPE_SCALAR, true, set_integer, want_integer,
                        json_integer_field, free_nothing },
        [K_ENUM] = { "choice", SHAPE_SCALAR, false, set_enum, want_enum, json_enum_field,
                     free_nothing },
        [K_STRING] = { "string", SHAPE_SCALAR, false, set_string, want_string,
                       json_string_field, free_string },
        [K_HOSTS] = { "host list", SHAPE_LIST, false, set_list, want_hosts, json_list_field,
                      free_list },
        [K_COMMANDS] = { "command list", SHAPE_LIST, false, set_list, want_commands,
                         json_list_field, free_list },
        [K_NAMES] = { "list", SHAPE_LIST, false, set_list, want_names, json_list_field,
                      free_list },
        [K_PATHS] = { "path list", SHAPE_LIST, false, set_list, want_paths, json_list_field,
                      free_list },
        [K_PRICES] = { "mapping", SHAPE_MAP, false, set_prices, want_prices, json_prices_field,
                       free_prices },
};

static int fail_want(const struct origin *o, const struct config_key *k, const struct ynode *n)
{
        char want[256];

        config_type_ops[k->type].want(k, want, sizeof(want));
        if (n && n->type == Y_SCALAR && !n->plain && config_type_ops[k->type].typed)
                return fail(o, n, "must be %s, not the quoted string '%.60s' (drop the quotes)",
                            want, n->str);
        if (n && n->type == Y_SCALAR && !yscalar_is_null(n) && k->instead)
                return fail(o, n, "must be %s, not '%.60s': %s", want, n->str, k->instead);
        if (n && n->type == Y_SCALAR && !yscalar_is_null(n))
                return fail(o, n, "must be %s, not '%.60s'", want, n->str);
        return fail(o, n, "must be %s, not %s", want, ynode_kind(n));
}

