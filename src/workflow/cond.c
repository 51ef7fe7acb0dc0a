/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The condition language of `condition:`: a small, safe expression grammar (see workflow.h).
 * Parsed once at validate time into a tree; evaluated on step outputs at run time. There are
 * no calls and no attribute access beyond output keys: nothing can execute. Arithmetic
 * (+ - * / % on numbers, + on strings), `is [not] None/True/False` and list literals for
 * `in` are there because AKIOS workflows use them.
 */
#include <ctype.h>
#include <stdio.h>
#include <strings.h>

#include "agents/agents.h"
#include "workflow/workflow.h"

enum cond_kind { C_OR, C_AND, C_NOT, C_CMP, C_LIT, C_REF, C_ARITH, C_NEG };
enum cmp_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_IN, OP_NOT_IN, OP_IS, OP_IS_NOT };

struct cond {
        enum cond_kind kind;
        enum cmp_op op;
        struct cond *a, *b;
        json_t *lit;            /* C_LIT */
        bool previous;          /* C_REF */
        long step;              /* C_REF: step number */
        char **keys;            /* C_REF: subscripts, NULL-terminated */
        char arith;             /* C_ARITH: + - * / % */
        unsigned off;
};

struct parser {
        const char *src;
        const char *p;
        unsigned depth;
        struct diag *d;
        unsigned err_off;
};

void cond_free(struct cond *c)
{
        if (!c)
                return;
        cond_free(c->a);
        cond_free(c->b);
        json_decref(c->lit);
        for (char **k = c->keys; k && *k; k++)
                free(*k);
        free(c->keys);
        free(c);
}

static int perr(struct parser *ps, const char *fmt, ...) _printf_(2, 3);
static int perr(struct parser *ps, const char *fmt, ...)
{
        va_list ap;

        if (ps->d->msg[0])
                return -EINVAL;
        ps->err_off = (unsigned)(ps->p - ps->src);
        va_start(ap, fmt);
        vsnprintf(ps->d->msg, sizeof(ps->d->msg), fmt, ap);
        va_end(ap);
        return -EINVAL;
}

static void skip_ws(struct parser *ps)
{
        while (isspace((unsigned char)*ps->p))
                ps->p++;
}

/* Match a keyword (whole word) or an operator. */
static bool accept(struct parser *ps, const char *tok)
{
        size_t n = strlen(tok);

        skip_ws(ps);
        if (strncmp(ps->p, tok, n) != 0)
                return false;
        if (isalpha((unsigned char)tok[0]) &&
            (isalnum((unsigned char)ps->p[n]) || ps->p[n] == '_'))
                return false;
        ps->p += n;
        return true;
}

static struct cond *node(enum cond_kind k, unsigned off)
{
        struct cond *c = calloc(1, sizeof(*c));

        if (c) {
                c->kind = k;
                c->off = off;
        }
        return c;
}

static int parse_or(struct parser *ps, struct cond **ret);

static int parse_string(struct parser *ps, struct cond **ret)
{
        char q = *ps->p;
        struct buf b = BUF_INIT(COND_MAX_LEN);
        struct cond *c;
        unsigned off = (unsigned)(ps->p - ps->src);

        for (ps->p++; *ps->p && *ps->p != q; ps->p++) {
                char ch = *ps->p;

                if (ch == '\\' && ps->p[1])
                        ch = *++ps->p;
                if (buf_putc(&b, ch) < 0) {
                        buf_free(&b);
                        return -ENOMEM;
                }
        }
        if (*ps->p != q) {
                buf_free(&b);
                return perr(ps, "unterminated string");
        }
        ps->p++;
        c = node(C_LIT, off);
        if (c)
                c->lit = json_stringn(b.data ? b.data : "", b.len);
        buf_free(&b);
        if (!c || !c->lit) {
                cond_free(c);
                return perr(ps, "string is not valid UTF-8");
        }
        *ret = c;
        return 0;
}

static int push_key(struct cond *c, const char *k, size_t n)
{
        size_t count = 0;
        char **v;

        while (c->keys && c->keys[count])
                count++;
        v = realloc(c->keys, (count + 2) * sizeof(*v));
        if (!v)
                return -ENOMEM;
        c->keys = v;
        v[count] = strndup(k, n);
        v[count + 1] = NULL;
        return v[count] ? 0 : -ENOMEM;
}

static int parse_subscripts(struct parser *ps, struct cond *c)
{
        for (;;) {
                const char *k;
                int r;

                if (*ps->p == '.') {
                        k = ++ps->p;
                        while (isalnum((unsigned char)*ps->p) || *ps->p == '_')
                                ps->p++;
                        if (ps->p == k)
                                return perr(ps, "expected a key name after '.'");
                        r = push_key(c, k, (size_t)(ps->p - k));
                } else if (*ps->p == '[') {
                        char q;

                        ps->p++;
                        skip_ws(ps);
                        q = *ps->p;
                        if (q == '\'' || q == '"') {
                                k = ++ps->p;
                                while (*ps->p && *ps->p != q)
                                        ps->p++;
                                if (!*ps->p)
                                        return perr(ps, "unterminated key");
                                r = push_key(c, k, (size_t)(ps->p - k));
                                ps->p++;
                        } else {
                                k = ps->p;
                                while (isalnum((unsigned char)*ps->p) || *ps->p == '_')
                                        ps->p++;
                                if (ps->p == k)
                                        return perr(ps, "expected a key in '[...]'");
                                r = push_key(c, k, (size_t)(ps->p - k));
                        }
                        skip_ws(ps);
                        if (r == 0 && *ps->p != ']')
                                return perr(ps, "expected ']'");
                        ps->p++;
                } else {
                        return 0;
                }
                if (r < 0)
                        return r;
        }
}

static int parse_word(struct parser *ps, struct cond **ret)
{
        static const struct { const char *word; int type; } lits[] = {
                { "true", 1 }, { "True", 1 }, { "false", 0 }, { "False", 0 },
                { "none", 2 }, { "None", 2 }, { "null", 2 },
        };
        const char *w = ps->p;
        unsigned off = (unsigned)(w - ps->src);
        struct cond *c;
        size_t n;
        char *end;

        while (isalnum((unsigned char)*ps->p) || *ps->p == '_')
                ps->p++;
        n = (size_t)(ps->p - w);
        for (size_t i = 0; i < ARRAY_SIZE(lits); i++)
                if (strlen(lits[i].word) == n && strncmp(w, lits[i].word, n) == 0) {
                        c = node(C_LIT, off);
                        if (!c)
                                return -ENOMEM;
                        c->lit = lits[i].type == 2 ? json_null() : json_boolean(lits[i].type);
                        *ret = c;
                        return 0;
                }
        c = node(C_REF, off);
        if (!c)
                return -ENOMEM;
        if (n == 15 && strncmp(w, "previous_output", 15) == 0) {
                c->previous = true;
        } else if (strncmp(w, "step_", 5) == 0 && isdigit((unsigned char)w[5]) &&
                   (c->step = strtol(w + 5, &end, 10)) > 0 && end + 7 == ps->p &&
                   strncmp(end, "_output", 7) == 0) {
                /* step_N_output */
        } else {
                cond_free(c);
                ps->p = w;
                return perr(ps, "unknown name '%.*s' (use previous_output or step_N_output)",
                            (int)n, w);
        }
        if (parse_subscripts(ps, c) < 0) {
                cond_free(c);
                return -EINVAL;
        }
        skip_ws(ps);
        if (*ps->p == '(') {
                cond_free(c);
                return perr(ps, "function calls are not allowed in conditions");
        }
        *ret = c;
        return 0;
}

static int parse_primary(struct parser *ps, struct cond **ret);

/* [lit, lit, ...]: literals only (strings, numbers, true/false/None), for `in`. */
static int parse_list(struct parser *ps, struct cond **ret)
{
        struct cond *c = node(C_LIT, (unsigned)(ps->p - ps->src));

        if (!c || !(c->lit = json_array())) {
                cond_free(c);
                return -ENOMEM;
        }
        ps->p++;
        if (accept(ps, "]")) {
                *ret = c;
                return 0;
        }
        for (;;) {
                struct cond *item = NULL;
                const char *at;
                int r;

                skip_ws(ps);
                at = ps->p;
                r = parse_primary(ps, &item);
                if (r == 0 && item->kind != C_LIT) {
                        cond_free(item);
                        ps->p = at;
                        r = perr(ps, "list items must be literals (strings, numbers, "
                                 "true/false/None)");
                }
                if (r < 0) {
                        cond_free(c);
                        return r;
                }
                json_array_append(c->lit, item->lit);
                cond_free(item);
                if (json_array_size(c->lit) > COND_MAX_LEN / 2) {
                        cond_free(c);
                        return perr(ps, "list too long");
                }
                if (accept(ps, "]"))
                        break;
                if (!accept(ps, ",")) {
                        cond_free(c);
                        return perr(ps, "expected ',' or ']' in a list");
                }
        }
        *ret = c;
        return 0;
}

static int parse_primary(struct parser *ps, struct cond **ret)
{
        unsigned off;
        char *end;
        double v;
        int r;

        skip_ws(ps);
        off = (unsigned)(ps->p - ps->src);
        if (*ps->p == '(') {
                if (++ps->depth > COND_MAX_DEPTH)
                        return perr(ps, "nested deeper than %d levels", COND_MAX_DEPTH);
                ps->p++;
                r = parse_or(ps, ret);
                if (r < 0)
                        return r;
                ps->depth--;
                if (!accept(ps, ")")) {
                        cond_free(*ret);
                        return perr(ps, "expected ')'");
                }
                return 0;
        }
        if (*ps->p == '\'' || *ps->p == '"')
                return parse_string(ps, ret);
        if (*ps->p == '[')
                return parse_list(ps, ret);
        if (isdigit((unsigned char)*ps->p) || ((*ps->p == '-' || *ps->p == '.') &&
                                               isdigit((unsigned char)ps->p[1]))) {
                struct cond *c;

                errno = 0;
                v = strtod(ps->p, &end);
                if (errno)
                        return perr(ps, "bad number");
                ps->p = end;
                c = node(C_LIT, off);
                if (!c)
                        return -ENOMEM;
                c->lit = json_real(v);
                *ret = c;
                return 0;
        }
        if (isalpha((unsigned char)*ps->p) || *ps->p == '_')
                return parse_word(ps, ret);
        if (!*ps->p)
                return perr(ps, "unexpected end of condition");
        return perr(ps, "unexpected '%c'", *ps->p);
}

static int parse_unary(struct parser *ps, struct cond **ret)
{
        struct cond *a, *c;
        unsigned off;
        int r;

        skip_ws(ps);
        off = (unsigned)(ps->p - ps->src);
        if (*ps->p != '-' || isdigit((unsigned char)ps->p[1]) || ps->p[1] == '.')
                return parse_primary(ps, ret);
        ps->p++;
        if (++ps->depth > COND_MAX_DEPTH)
                return perr(ps, "nested deeper than %d levels", COND_MAX_DEPTH);
        r = parse_unary(ps, &a);
        ps->depth--;
        if (r < 0)
                return r;
        c = node(C_NEG, off);
        if (!c) {
                cond_free(a);
                return -ENOMEM;
        }
        c->a = a;
        *ret = c;
        return 0;
}

/* Left-associative chains: level 0 is + -, level 1 is * / %. */
static int parse_arith(struct parser *ps, struct cond **ret, int level)
{
        const char *ops = level ? "*/%" : "+-";
        struct cond *a = NULL, *b, *c;
        int r;

        r = level ? parse_unary(ps, &a) : parse_arith(ps, &a, 1);
        if (r < 0)
                return r;
        for (;;) {
                char op;

                skip_ws(ps);
                op = *ps->p;
                if (!op || !strchr(ops, op) || ps->p[1] == '=')
                        break;
                ps->p++;
                r = level ? parse_unary(ps, &b) : parse_arith(ps, &b, 1);
                if (r < 0) {
                        cond_free(a);
                        return r;
                }
                c = node(C_ARITH, a->off);
                if (!c) {
                        cond_free(a);
                        cond_free(b);
                        return -ENOMEM;
                }
                c->arith = op;
                c->a = a;
                c->b = b;
                a = c;
        }
        *ret = a;
        return 0;
}

static int parse_cmp(struct parser *ps, struct cond **ret)
{
        static const struct { const char *tok; enum cmp_op op; } ops[] = {
                { "==", OP_EQ }, { "!=", OP_NE }, { "<=", OP_LE }, { ">=", OP_GE },
                { "<", OP_LT },  { ">", OP_GT },  { "in", OP_IN },
        };
        struct cond *a = NULL, *b = NULL, *c;
        const char *save;
        int r, op = -1;

        r = parse_arith(ps, &a, 0);
        if (r < 0)
                return r;
        save = ps->p;
        if (accept(ps, "not") && accept(ps, "in"))
                op = OP_NOT_IN;
        else
                ps->p = save;
        if (op < 0 && accept(ps, "is")) {
                save = ps->p;
                op = accept(ps, "not") ? OP_IS_NOT : OP_IS;
        }
        for (size_t i = 0; op < 0 && i < ARRAY_SIZE(ops); i++)
                if (accept(ps, ops[i].tok))
                        op = (int)ops[i].op;
        if (op < 0) {
                *ret = a;
                return 0;
        }
        r = parse_arith(ps, &b, 0);
        if (r < 0) {
                cond_free(a);
                return r;
        }
        if ((op == OP_IS || op == OP_IS_NOT) &&
            (b->kind != C_LIT || !(json_is_null(b->lit) || json_is_boolean(b->lit)))) {
                cond_free(a);
                cond_free(b);
                return perr(ps, "'is' compares with None, True or False only (use == for "
                            "values)");
        }
        c = node(C_CMP, a->off);
        if (!c) {
                cond_free(a);
                cond_free(b);
                return -ENOMEM;
        }
        c->op = (enum cmp_op)op;
        c->a = a;
        c->b = b;
        *ret = c;
        return 0;
}

static int parse_not(struct parser *ps, struct cond **ret)
{
        const char *save = ps->p;
        struct cond *c, *a;
        int r;

        if (accept(ps, "not") || accept(ps, "!")) {
                if (++ps->depth > COND_MAX_DEPTH)
                        return perr(ps, "nested deeper than %d levels", COND_MAX_DEPTH);
                r = parse_not(ps, &a);
                ps->depth--;
                if (r < 0)
                        return r;
                c = node(C_NOT, (unsigned)(save - ps->src));
                if (!c) {
                        cond_free(a);
                        return -ENOMEM;
                }
                c->a = a;
                *ret = c;
                return 0;
        }
        return parse_cmp(ps, ret);
}

static int parse_binary(struct parser *ps, struct cond **ret, bool is_or)
{
        struct cond *a = NULL, *b, *c;
        int r;

        r = is_or ? parse_binary(ps, &a, false) : parse_not(ps, &a);
        if (r < 0)
                return r;
        while (is_or ? (accept(ps, "or") || accept(ps, "||"))
                     : (accept(ps, "and") || accept(ps, "&&"))) {
                r = is_or ? parse_binary(ps, &b, false) : parse_not(ps, &b);
                if (r < 0) {
                        cond_free(a);
                        return r;
                }
                c = node(is_or ? C_OR : C_AND, a->off);
                if (!c) {
                        cond_free(a);
                        cond_free(b);
                        return -ENOMEM;
                }
                c->a = a;
                c->b = b;
                a = c;
        }
        *ret = a;
        return 0;
}

static int parse_or(struct parser *ps, struct cond **ret)
{
        return parse_binary(ps, ret, true);
}

int cond_parse(const char *src, struct cond **ret, unsigned *ret_err_off, struct diag *d)
{
        struct parser ps = { .src = src, .p = src, .d = d };
        struct cond *c = NULL;
        int r;

        d->msg[0] = '\0';
        if (strlen(src) > COND_MAX_LEN) {
                *ret_err_off = 0;
                diag_set(d, NULL, 0, 0, "longer than %d bytes", COND_MAX_LEN);
                return -E2BIG;
        }
        r = parse_or(&ps, &c);
        if (r == 0) {
                skip_ws(&ps);
                if (*ps.p) {
                        cond_free(c);
                        r = perr(&ps, "unexpected '%.20s'", ps.p);
                }
        }
        if (r < 0) {
                *ret_err_off = ps.err_off;
                if (!d->msg[0])
                        snprintf(d->msg, sizeof(d->msg), "%s", strerror(-r));
                return r;
        }
        *ret = c;
        return 0;
}

int cond_check_refs(const struct cond *c, const struct workflow *w, unsigned current,
                    struct diag *d)
{
        unsigned pos;

        if (!c)
                return 0;
        if (c->kind == C_REF) {
                if (c->previous && current <= 1) {
                        diag_set(d, NULL, 0, 0, "previous_output in the first step");
                        return -EINVAL;
                }
                if (c->previous)
                        return 0;
                pos = workflow_step_position(w, c->step);
                if (!pos || pos >= current) {
                        diag_set(d, NULL, 0, 0, "step_%ld_output refers to a step that %s",
                                 c->step, pos ? "does not come before this one" :
                                               "does not exist");
                        return -EINVAL;
                }
                return 0;
        }
        if (cond_check_refs(c->a, w, current, d) < 0)
                return -EINVAL;
        return cond_check_refs(c->b, w, current, d);
}

/* ---- evaluation ---------------------------------------------------------- */

static const json_t *eval_ref(const struct cond *c, const json_t *outputs, const json_t *prev,
                              json_t **tmp)
{
        const json_t *v;
        char num[32];

        snprintf(num, sizeof(num), "%ld", c->step);
        v = c->previous ? prev : json_object_get(outputs, num);
        if (!v)
                return NULL;
        if (!c->keys) {
                const json_t *text = agent_result_string(v);

                return text ? text : v;
        }
        for (char **k = c->keys; v && *k; k++)
                v = json_is_array(v) ? json_array_get(v, strtoul(*k, NULL, 10))
                                     : json_object_get(v, *k);
        return v;
}

static bool truthy(const json_t *v)
{
        switch (json_typeof(v)) {
        case JSON_TRUE:
                return true;
        case JSON_STRING:
                return json_string_length(v) > 0;
        case JSON_INTEGER:
        case JSON_REAL:
                return json_number_value(v) != 0;
        case JSON_ARRAY:
                return json_array_size(v) > 0;
        case JSON_OBJECT:
                return json_object_size(v) > 0;
        default:
                return false;
        }
}

/* Returns 1 true, 0 false, -1 error (which makes the condition false). */
static int compare(enum cmp_op op, const json_t *a, const json_t *b)
{
        if (op == OP_IS || op == OP_IS_NOT) {
                bool same = json_typeof(a) == json_typeof(b);

                return op == OP_IS ? same : !same;
        }
        if (op == OP_IN || op == OP_NOT_IN) {
                int in = -1;

                if (json_is_string(a) && json_is_string(b))
                        in = strstr(json_string_value(b), json_string_value(a)) != NULL;
                else if (json_is_array(b)) {
                        size_t i;
                        const json_t *x;

                        in = 0;
                        json_array_foreach(b, i, x)
                                if (json_equal((json_t *)a, (json_t *)x) ||
                                    (json_is_number(a) && json_is_number(x) &&
                                     json_number_value(a) == json_number_value(x)))
                                        in = 1;
                } else if (json_is_string(a) && json_is_object(b))
                        in = json_object_get(b, json_string_value(a)) != NULL;
                if (in < 0)
                        return -1;
                return op == OP_IN ? in : !in;
        }
        if (json_is_number(a) && json_is_number(b)) {
                double x = json_number_value(a), y = json_number_value(b);
                bool res[] = { [OP_EQ] = x == y, [OP_NE] = x != y, [OP_LT] = x < y,
                               [OP_LE] = x <= y, [OP_GT] = x > y, [OP_GE] = x >= y };
                return res[op];
        }
        if (json_is_string(a) && json_is_string(b)) {
                int c = strcmp(json_string_value(a), json_string_value(b));
                bool res[] = { [OP_EQ] = c == 0, [OP_NE] = c != 0, [OP_LT] = c < 0,
                               [OP_LE] = c <= 0, [OP_GT] = c > 0, [OP_GE] = c >= 0 };
                return res[op];
        }
        if (op == OP_EQ)
                return json_equal((json_t *)a, (json_t *)b);
        if (op == OP_NE)
                return !json_equal((json_t *)a, (json_t *)b);
        return -1;
}

static int eval(const struct cond *c, const json_t *outputs, const json_t *prev);

/* The value of an operand, as a new reference; NULL on an evaluation error (a missing
 * output or key, arithmetic on non-numbers, division by zero). */
static json_t *value(const struct cond *c, const json_t *outputs, const json_t *prev)
{
        json_t *tmp = NULL, *x, *y, *res = NULL;
        const json_t *v;
        int r;

        switch (c->kind) {
        case C_LIT:
                return json_incref(c->lit);
        case C_REF:
                v = eval_ref(c, outputs, prev, &tmp);
                if (tmp)
                        return tmp;
                return v ? json_incref((json_t *)v) : NULL;
        case C_NEG:
                x = value(c->a, outputs, prev);
                res = json_is_number(x) ? json_real(-json_number_value(x)) : NULL;
                json_decref(x);
                return res;
        case C_ARITH:
                x = value(c->a, outputs, prev);
                y = value(c->b, outputs, prev);
                if (c->arith == '+' && json_is_string(x) && json_is_string(y)) {
                        struct buf b = BUF_INIT(1u << 20);

                        if (buf_append(&b, json_string_value(x), json_string_length(x)) == 0 &&
                            buf_append(&b, json_string_value(y), json_string_length(y)) == 0)
                                res = json_stringn(b.data ? b.data : "", b.len);
                        buf_free(&b);
                } else if (json_is_number(x) && json_is_number(y)) {
                        double p = json_number_value(x), q = json_number_value(y);

                        switch (c->arith) {
                        case '+': res = json_real(p + q); break;
                        case '-': res = json_real(p - q); break;
                        case '*': res = json_real(p * q); break;
                        case '/': res = q != 0 ? json_real(p / q) : NULL; break;
                        case '%': res = q != 0 ? json_real(p - q * __builtin_floor(p / q))
                                               : NULL; break;
                        }
                }
                json_decref(x);
                json_decref(y);
                return res;
        default:
                r = eval(c, outputs, prev);
                return r < 0 ? NULL : json_boolean(r);
        }
}

static int eval(const struct cond *c, const json_t *outputs, const json_t *prev)
{
        json_t *ta = NULL, *tb = NULL;
        const json_t *a, *b;
        int r;

        switch (c->kind) {
        case C_OR:
                r = eval(c->a, outputs, prev);
                return r == 1 ? 1 : eval(c->b, outputs, prev);
        case C_AND:
                r = eval(c->a, outputs, prev);
                return r != 1 ? r : eval(c->b, outputs, prev);
        case C_NOT:
                r = eval(c->a, outputs, prev);
                return r < 0 ? r : !r;
        case C_LIT:
                return truthy(c->lit);
        case C_REF:
                a = eval_ref(c, outputs, prev, &ta);
                r = a ? truthy(a) : -1;
                json_decref(ta);
                return r;
        case C_ARITH:
        case C_NEG:
                a = ta = value(c, outputs, prev);
                r = a ? truthy(a) : -1;
                json_decref(ta);
                return r;
        case C_CMP:
                a = ta = value(c->a, outputs, prev);
                b = tb = value(c->b, outputs, prev);
                r = a && b ? compare(c->op, a, b) : -1;
                json_decref(ta);
                json_decref(tb);
                return r;
        }
        return -1;
}

bool cond_eval(const struct cond *c, const json_t *outputs, const json_t *previous)
{
        return eval(c, outputs, previous) == 1;
}
