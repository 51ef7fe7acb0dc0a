/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Templating: ${VAR} / ${VAR:-default} from the environment (at load time), and
 * {previous_output}, {step_N_output}, {step_N_output[key]} from earlier results (at run time).
 *
 * Output references are substituted whole: no truncation (AKIOS cut them to 2000 characters).
 * The result is bounded only by the caller's buffer cap, and hitting it is an error. Braces that
 * do not form a reference are left alone, so JSON in prompts survives.
 */
#include <ctype.h>
#include <stdio.h>

#include "agents/agents.h"
#include "workflow/workflow.h"

#define TEMPLATE_MAX_OUTPUT (256u << 20)

static bool is_ident_start(char c)
{
        return isalpha((unsigned char)c) || c == '_';
}

static bool is_ident(char c)
{
        return isalnum((unsigned char)c) || c == '_';
}

struct ref;
static bool parse_ref(const char *p, struct ref *ref);
static bool holds_ref(const char *s);

int template_env(const char *in, struct buf *out, struct diag *d)
{
        const char *p = in;

        while (*p) {
                const char *start = strstr(p, "${"), *name, *end, *def = NULL;
                char var[256];
                size_t n;
                const char *val;
                int r;

                if (!start)
                        return buf_puts(out, p);
                r = buf_append(out, p, (size_t)(start - p));
                if (r < 0)
                        return r;
                name = start + 2;
                end = name;
                while (is_ident(*end))
                        end++;
                if (!is_ident_start(*name) || (*end != '}' && !(end[0] == ':' && end[1] == '-'))) {
                        diag_set(d, NULL, 0, 0, "malformed variable reference at '%.20s'",
                                 start);
                        return -EINVAL;
                }
                n = (size_t)(end - name);
                if (n >= sizeof(var)) {
                        diag_set(d, NULL, 0, 0, "variable name too long");
                        return -E2BIG;
                }
                memcpy(var, name, n);
                var[n] = '\0';
                if (*end == ':') {
                        def = end + 2;
                        end = strchr(def, '}');
                        if (!end) {
                                diag_set(d, NULL, 0, 0, "unterminated '${%s:-'", var);
                                return -EINVAL;
                        }
                }
                val = getenv(var);
                /* ${VAR} is resolved before the step references: a value that holds one
                 * ({step_1_output}, {previous_output}) would be read as a reference, and the
                 * environment (a CI branch name...) would steer the data flow. Refused. */
                if (val && *val && holds_ref(val)) {
                        diag_set(d, NULL, 0, 0, "the value of '${%s}' holds a step reference "
                                 "such as {previous_output} or {step_N_output}, which "
                                 "would be read as one: refused", var);
                        return -EINVAL;
                }
                if (def && (!val || !*val))
                        r = buf_append(out, def, (size_t)(end - def));
                else if (val)
                        r = buf_puts(out, val);
                else {
                        diag_set(d, NULL, 0, 0, "environment variable '%s' is not set (use "
                                 "${%s:-default} for a default)", var, var);
                        return -ENOENT;
                }
                if (r < 0)
                        return r;
                p = end + 1;
        }
        return 0;
}

/* A parsed reference: previous (number 0) or step N, with an optional key. */
struct ref {
        bool previous;
        long number;
        char key[128];
        size_t len; /* bytes of the reference in the source, braces included */
};

/* Try to parse a reference at p (which points at '{'). */
static bool parse_ref(const char *p, struct ref *ref)
{
        static const char prev[] = "{previous_output}";
        const char *q;
        char *end;

        memset(ref, 0, sizeof(*ref));
        if (strncmp(p, prev, sizeof(prev) - 1) == 0) {
                ref->previous = true;
                ref->len = sizeof(prev) - 1;
                return true;
        }
        if (strncmp(p, "{step_", 6) != 0 || !isdigit((unsigned char)p[6]))
                return false;
        errno = 0;
        ref->number = strtol(p + 6, &end, 10);
        if (errno || strncmp(end, "_output", 7) != 0)
                return false;
        q = end + 7;
        if (*q == '[') {
                const char *k = ++q;

                while (is_ident(*q))
                        q++;
                if (q == k || *q != ']' || (size_t)(q - k) >= sizeof(ref->key))
                        return false;
                memcpy(ref->key, k, (size_t)(q - k));
                q++;
        }
        if (*q != '}')
                return false;
        ref->len = (size_t)(q + 1 - p);
        return true;
}

static bool holds_ref(const char *s)
{
        struct ref ref;

        for (const char *b = strchr(s, '{'); b; b = strchr(b + 1, '{'))
                if (parse_ref(b, &ref))
                        return true;
        return false;
}

int template_check_refs(const char *in, const struct workflow *w, unsigned current,
                        unsigned *ret_off, struct diag *d)
{
        for (const char *p = strchr(in, '{'); p; p = strchr(p + 1, '{')) {
                struct ref ref;
                unsigned pos;

                if (!parse_ref(p, &ref))
                        continue;
                *ret_off = (unsigned)(p - in);
                if (ref.previous && current <= 1) {
                        diag_set(d, NULL, 0, 0, "{previous_output} in the first step, which "
                                 "has no previous step");
                        return -EINVAL;
                }
                if (ref.previous)
                        continue;
                pos = workflow_step_position(w, ref.number);
                if (!pos) {
                        diag_set(d, NULL, 0, 0, "{step_%ld_output} refers to a step that does "
                                 "not exist", ref.number);
                        return -EINVAL;
                }
                if (pos >= current) {
                        diag_set(d, NULL, 0, 0, "{step_%ld_output} refers to a step that does "
                                 "not come before this one", ref.number);
                        return -EINVAL;
                }
        }
        return 0;
}

const json_t *agent_result_string(const json_t *result)
{
        static const char *const keys[] = { "text",     "content", "output", "result",
                                            "response", "stdout",  "data" };

        for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
                const json_t *s = json_object_get(result, keys[i]);

                if (json_is_string(s))
                        return s;
        }
        return NULL;
}

const char *agent_result_text(const json_t *result)
{
        return json_string_value(agent_result_string(result));
}

static int append_value(struct buf *out, const json_t *v)
{
        _cleanup_free_ char *s = NULL;

        if (json_is_string(v))
                return buf_append(out, json_string_value(v), json_string_length(v));
        s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        return s ? buf_puts(out, s) : -ENOMEM;
}

int template_outputs(const char *in, const json_t *outputs, const json_t *previous,
                     struct buf *out, struct diag *d)
{
        const char *p = in;
        int r;

        for (const char *b = strchr(p, '{'); b; b = strchr(b + 1, '{')) {
                const json_t *result, *v;
                struct ref ref;
                char num[32];

                if (!parse_ref(b, &ref))
                        continue;
                r = buf_append(out, p, (size_t)(b - p));
                if (r < 0)
                        return r;
                snprintf(num, sizeof(num), "%ld", ref.number);
                result = ref.previous ? previous : json_object_get(outputs, num);
                if (!result) {
                        diag_set(d, NULL, 0, 0, "%.*s has no value yet", (int)ref.len, b);
                        return -ENOENT;
                }
                if (ref.key[0]) {
                        v = json_object_get(result, ref.key);
                        if (!v) {
                                diag_set(d, NULL, 0, 0, "step %ld's output has no key '%s'",
                                         ref.number, ref.key);
                                return -ENOENT;
                        }
                        r = append_value(out, v);
                } else {
                        const json_t *text = agent_result_string(result);

                        /* Every byte, a NUL too (red-team finding 06). */
                        r = append_value(out, text ? text : result);
                }
                if (r < 0)
                        return r;
                p = b + ref.len;
                b = p - 1;
        }
        return buf_puts(out, p);
}

static int template_string(const char *s, const json_t *outputs, const json_t *previous,
                           const char *run_dir, json_t **ret, struct diag *d)
{
        struct buf b = BUF_INIT(TEMPLATE_MAX_OUTPUT);
        const char *rest = NULL;
        bool nul = false;
        int r = 0;

        if (run_dir && strncmp(s, "./data/output/", 14) == 0)
                rest = s + 14;
        else if (run_dir && strncmp(s, "data/output/", 12) == 0)
                rest = s + 12;
        if (rest)
                r = buf_printf(&b, "%s/", run_dir);
        if (r == 0)
                r = template_outputs(rest ? rest : s, outputs, previous, &b, d);
        if (r == -E2BIG)
                diag_set(d, NULL, 0, 0, "templated value larger than %u bytes",
                         TEMPLATE_MAX_OUTPUT);
        /* An earlier step's output keeps its NUL bytes (binary data), but a parameter is read
         * as a C string (a path, a command, a prompt): a NUL would cut it silently. Refused,
         * with where it is; the bytes stay in that step's result and output.json. */
        if (r == 0 && b.len && memchr(b.data, '\0', b.len)) {
                diag_set(d, NULL, 0, 0, "templated value holds a NUL byte at offset %zu of %zu "
                         "(binary output of an earlier step); akios puts no NUL into a step's "
                         "parameters, where it would cut the value",
                         (size_t)((const char *)memchr(b.data, '\0', b.len) - b.data), b.len);
                r = -EILSEQ;
                nul = true;
        }
        if (r == 0) {
                *ret = json_stringn(b.data ? b.data : "", b.len);
                if (!*ret)
                        r = -EILSEQ; /* not UTF-8 */
        }
        if (r == -EILSEQ && !nul)
                diag_set(d, NULL, 0, 0, "templated value is not valid UTF-8 text");
        buf_free(&b);
        return r;
}

int template_json(const json_t *in, const json_t *outputs, const json_t *previous,
                  const char *run_dir, json_t **ret, struct diag *d)
{
        json_t *copy = NULL, *v, *t;
        const char *key;
        size_t i;
        int r;

        if (json_is_string(in))
                return template_string(json_string_value(in), outputs, previous, run_dir, ret, d);
        if (json_is_object(in)) {
                copy = json_object();
                json_object_foreach((json_t *)in, key, v) {
                        r = template_json(v, outputs, previous, run_dir, &t, d);
                        if (r < 0)
                                goto fail;
                        json_object_set_new(copy, key, t);
                }
        } else if (json_is_array(in)) {
                copy = json_array();
                json_array_foreach(in, i, v) {
                        r = template_json(v, outputs, previous, run_dir, &t, d);
                        if (r < 0)
                                goto fail;
                        json_array_append_new(copy, t);
                }
        } else {
                copy = json_deep_copy(in);
        }
        if (!copy)
                return -ENOMEM;
        *ret = copy;
        return 0;
fail:
        json_decref(copy);
        return r;
}
