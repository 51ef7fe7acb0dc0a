/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Workflow YAML to typed steps, and the one validator shared by `validate` and `run`.
 *
 * Checks, each with file:line:col: YAML syntax, duplicate keys, caps (util/yaml.c); unknown
 * keys (top-level `version` and step `name`/`description` are accepted, as AKIOS workflows
 * carry them); wrong types; unknown agents and actions; missing required and unknown
 * parameters; output references to steps that do not exist or do not come earlier; conditions
 * that do not parse; on_error values; non-positive limits. Then the agents' static policy
 * checks (exit 3). `${VAR}` references are resolved here, at load time, as in AKIOS.
 * Nothing here executes a step.
 */
#include <ctype.h>
#include <stdio.h>
#include <strings.h>

#include "agents/agents.h"
#include "config/config.h"
#include "workflow/workflow.h"

struct key_rule {
        const char *name;
        enum ynode_type type;
        bool required;
};

static const struct key_rule top_keys[] = {
        { "name", Y_SCALAR, true },
        { "description", Y_SCALAR, false },
        { "steps", Y_SEQ, true },
        { "version", Y_SCALAR, false },
};

static const struct key_rule step_keys[] = {
        { "step", Y_SCALAR, true },
        { "agent", Y_SCALAR, true },
        { "action", Y_SCALAR, true },
        { "config", Y_MAP, false },
        { "parameters", Y_MAP, false },
        { "condition", Y_SCALAR, false },
        { "on_error", Y_SCALAR, false },
        { "name", Y_SCALAR, false },
        { "description", Y_SCALAR, false },
        { "retry", Y_MAP, false },
};

static const struct key_rule retry_keys[] = {
        { "attempts", Y_SCALAR, true },
        { "backoff", Y_SCALAR, false },
};

static const struct {
        const char *name;
        enum backoff kind;
} backoff_names[] = {
        { "exponential", BACKOFF_EXPONENTIAL }, { "fixed", BACKOFF_FIXED },
        { "linear", BACKOFF_LINEAR },
};

static const char *const on_error_names[] = {
        [ON_ERROR_FAIL] = "fail",
        [ON_ERROR_SKIP] = "skip",
        [ON_ERROR_RETRY] = "retry",
};

/* Numeric limits that must be positive wherever they appear in parameters or config. */
static const char *const positive_limits[] = {
        "max_tokens", "timeout", "max_output_size", "max_bytes",
        "max_size", "memory_limit_mb", "max_requests_per_window", "rate_limit_window",
};

static int fail_at(struct diag *d, const char *path, const struct ynode *n, int err,
                   const char *fmt, ...) _printf_(5, 6);
static int fail_at(struct diag *d, const char *path, const struct ynode *n, int err,
                   const char *fmt, ...)
{
        char msg[512];
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(msg, sizeof(msg), fmt, ap);
        va_end(ap);
        diag_set(d, path, n ? n->line : 0, n ? n->col : 0, "%s", msg);
        return -err;
}

static int check_keys(const char *path, const struct ynode *map, const struct key_rule *rules,
                      size_t n_rules, const char *what, struct diag *d)
{
        for (size_t i = 0; i + 1 < map->n; i += 2) {
                const struct ynode *k = map->items[i], *v = map->items[i + 1];
                const struct key_rule *rule = NULL;

                for (size_t j = 0; j < n_rules; j++)
                        if (streq(rules[j].name, k->str))
                                rule = &rules[j];
                if (!rule)
                        return fail_at(d, path, k, EINVAL, "unknown key '%s' in %s", k->str,
                                       what);
                if (v->type != rule->type || (rule->type == Y_SCALAR && yscalar_is_null(v)))
                        return fail_at(d, path, v, EINVAL, "'%s' must be %s, not %s", k->str,
                                       rule->type == Y_MAP ? "a mapping" :
                                       rule->type == Y_SEQ ? "a list" : "a string or number",
                                       ynode_kind(v));
        }
        for (size_t j = 0; j < n_rules; j++)
                if (rules[j].required && !ymap_get(map, rules[j].name))
                        return fail_at(d, path, map, EINVAL, "%s has no '%s'", what,
                                       rules[j].name);
        return 0;
}

/* The first ${NAME} of s that names a known secret (config_is_secret_name), copied to out. */
static bool secret_ref(const char *s, char *out, size_t size)
{
        for (const char *p = s; (p = strstr(p, "${")); p += 2) {
                const char *e = p + 2;
                size_t n;

                while (isalnum((unsigned char)*e) || *e == '_')
                        e++;
                n = (size_t)(e - (p + 2));
                if (n == 0 || n >= size)
                        continue;
                memcpy(out, p + 2, n);
                out[n] = '\0';
                if (config_is_secret_name(out))
                        return true;
        }
        return false;
}

/* Secrets go only where a workflow sends credentials on purpose: an HTTP step's header values
 * (sent as written to an allowed domain, masked in every record). Anywhere else (a prompt, a
 * body, a URL, a file, a command, a name) a ${SECRET} would leak it: refused, exit 3, with its
 * position. `where` is 2 inside an http step's parameters.headers values, else 0. */
static int check_secret_refs(const char *path, const struct ynode *n, int where,
                             struct diag *d)
{
        char name[256];

        if (!n)
                return 0;
        if (n->type == Y_SCALAR) {
                if (where != 2 && n->str && secret_ref(n->str, name, sizeof(name)))
                        return fail_at(d, path, n, EPERM, "'${%s}' is a secret (from .env or a "
                                       "credential variable); it may only be used in an HTTP "
                                       "step's header value (e.g. headers: {Authorization: "
                                       "\"Bearer ${%s}\"}), never here", name, name);
                return 0;
        }
        for (size_t i = 0; i < n->n; i++) {
                int sub = where == 2 ? 2 : 0, r;

                if (n->type == Y_MAP) {
                        const struct ynode *k = n->items[i];

                        if (i % 2 == 0)
                                continue;
                        k = n->items[i - 1];
                        /* headers, and auth (sent as the Authorization header only). */
                        sub = where == 2 ? 2
                              : where == 1 && k->str && (streq(k->str, "headers") ||
                                                         streq(k->str, "auth")) ? 2 : 0;
                }
                r = check_secret_refs(path, n->items[i], sub, d);
                if (r < 0)
                        return r;
        }
        return 0;
}

static int check_workflow_secrets(const char *path, const struct ynode *root, struct diag *d)
{
        const struct ynode *steps = ymap_get(root, "steps");
        int r;

        for (size_t i = 0; i + 1 < root->n; i += 2)
                if (root->items[i + 1] != steps &&
                    (r = check_secret_refs(path, root->items[i + 1], 0, d)) < 0)
                        return r;
        for (size_t i = 0; steps && steps->type == Y_SEQ && i < steps->n; i++) {
                const struct ynode *st = steps->items[i];
                const struct ynode *agent = ymap_get(st, "agent");
                bool http = agent && agent->type == Y_SCALAR && agent->str &&
                            streq(agent->str, "http");

                for (size_t k = 0; st->type == Y_MAP && k + 1 < st->n; k += 2) {
                        const struct ynode *key = st->items[k];
                        int where = http && key->str && streq(key->str, "parameters") ? 1 : 0;

                        if ((r = check_secret_refs(path, st->items[k + 1], where, d)) < 0)
                                return r;
                }
        }
        return 0;
}

/* Variables of akios's own environment that every workflow may read: the shipped templates
 * choose their provider and model with them, and neither holds a credential. */
static const char *const free_env_vars[] = { "AKIOS_LLM_PROVIDER", "AKIOS_LLM_MODEL" };

static bool env_var_allowed(const struct akios_config *cfg, const char *name)
{
        for (size_t i = 0; i < ARRAY_SIZE(free_env_vars); i++)
                if (streq(free_env_vars[i], name))
                        return true;
        return cfg && strv_contains(&cfg->allowed_env_vars, name);
}

/* ${VAR} reads akios's own environment, which holds whatever its caller exported (DB_PASS,
 * SESSION, ...) under names no heuristic can tell from harmless ones (red-team finding 05). So
 * the rule is an allowlist: a name config.yaml lists in allowed_env_vars, or one of
 * free_env_vars[]. Secrets (.env names, credential names) are left to check_secret_refs (HTTP
 * header values only), which runs first; listing one here does not free it. A workflow can
 * only narrow what config.yaml allows (CONTRACTS §5, §6). Refused: exit 3, file:line:col. The
 * check does not depend on the variable being set, so the same workflow passes or fails
 * everywhere. */
static int check_env_refs(const char *path, const struct ynode *n,
                          const struct akios_config *cfg, struct diag *d)
{
        if (!n)
                return 0;
        if (n->type != Y_SCALAR) {
                for (size_t i = 0; i < n->n; i++) {
                        int r;

                        if (n->type == Y_MAP && i % 2 == 0)
                                continue; /* keys are names, never templated */
                        r = check_env_refs(path, n->items[i], cfg, d);
                        if (r < 0)
                                return r;
                }
                return 0;
        }
        for (const char *p = n->str; p && (p = strstr(p, "${")); p += 2) {
                const char *e = p + 2;
                char name[256];
                size_t len;
                unsigned off = (unsigned)(p - n->str);

                while (isalnum((unsigned char)*e) || *e == '_')
                        e++;
                len = (size_t)(e - (p + 2));
                if (len == 0 || len >= sizeof(name))
                        continue; /* malformed: template_env names it with its position */
                memcpy(name, p + 2, len);
                name[len] = '\0';
                if (config_is_secret_name(name) || env_var_allowed(cfg, name))
                        continue;
                return fail_at(d, path, &(struct ynode){ .line = n->line,
                               .col = n->col + (n->plain ? off : off + 1) }, EPERM,
                               "'${%s}' would read akios's environment, which a workflow may "
                               "only do for a variable config.yaml lists: add '%s' to "
                               "allowed_env_vars in config.yaml to allow it (a credential "
                               "belongs in .env, used in an HTTP header)", name, name);
        }
        return 0;
}

/* Resolve ${VAR} in every scalar of the tree, in place. */
static int resolve_env(const char *path, struct ynode *n, struct diag *d)
{
        struct buf b = BUF_INIT(1 << 20);
        struct diag td = { 0 };
        int r;

        if (n->type != Y_SCALAR) {
                for (size_t i = 0; i < n->n; i++) {
                        /* Mapping keys are names, not values: leave them. */
                        if (n->type == Y_MAP && i % 2 == 0)
                                continue;
                        r = resolve_env(path, n->items[i], d);
                        if (r < 0)
                                return r;
                }
                return 0;
        }
        if (!strstr(n->str, "${"))
                return 0;
        r = template_env(n->str, &b, &td);
        if (r < 0) {
                buf_free(&b);
                return fail_at(d, path, n, -r == E2BIG ? E2BIG : EINVAL, "%s", td.msg);
        }
        free(n->str);
        n->str = buf_steal(&b, &n->len);
        n->plain = false; /* a substituted value is a string, whatever it looks like */
        return 0;
}

/* Walk every scalar of a subtree, checking output references and limits. */
static int check_values(const struct workflow *w, const struct ynode *n, const char *key,
                        unsigned index, struct diag *d)
{
        struct diag td = { 0 };
        unsigned off = 0;

        if (n->type == Y_MAP) {
                for (size_t i = 0; i + 1 < n->n; i += 2) {
                        int r = check_values(w, n->items[i + 1], n->items[i]->str, index, d);
                        if (r < 0)
                                return r;
                }
                return 0;
        }
        if (n->type == Y_SEQ) {
                for (size_t i = 0; i < n->n; i++) {
                        int r = check_values(w, n->items[i], NULL, index, d);
                        if (r < 0)
                                return r;
                }
                return 0;
        }
        if (template_check_refs(n->str, w, index, &off, &td) < 0)
                return fail_at(d, w->path, &(struct ynode){ .line = n->line,
                               .col = n->col + (n->plain ? off : off + 1) }, EINVAL, "%s",
                               td.msg);
        for (size_t i = 0; key && i < ARRAY_SIZE(positive_limits); i++) {
                double v;

                if (!streq(key, positive_limits[i]))
                        continue;
                if (yscalar_double(n, &v) < 0)
                        return fail_at(d, w->path, n, EINVAL, "'%s' must be a number", key);
                if (v <= 0)
                        return fail_at(d, w->path, n, EINVAL, "'%s' must be positive, not %s", key,
                                       n->str);
        }
        return 0;
}

static int check_names(const char *path, const struct ynode *map, const char *const *allowed,
                       const char *what, struct diag *d)
{
        if (!map || !allowed)
                return 0;
        for (size_t i = 0; i + 1 < map->n; i += 2) {
                const char *const *a = allowed;

                while (*a && !streq(*a, map->items[i]->str))
                        a++;
                if (!*a)
                        return fail_at(d, path, map->items[i], EINVAL, "unknown %s '%s'", what,
                                       map->items[i]->str);
        }
        return 0;
}

/* retry: {attempts: 1..STEP_MAX_ATTEMPTS, backoff: seconds (doubling) or exponential |
 * fixed | linear (from 1 s)}. Without it: one try, two with on_error: retry. */
static int parse_retry(struct workflow *w, struct step *s, const struct ynode *n,
                       struct diag *d)
{
        const struct ynode *v;
        long attempts;
        double secs;
        int r;

        s->attempts = s->on_error == ON_ERROR_RETRY ? 2 : 1;
        s->backoff_s = 1.0;
        s->backoff = BACKOFF_EXPONENTIAL;
        if (!n)
                return 0;
        r = check_keys(w->path, n, retry_keys, ARRAY_SIZE(retry_keys), "retry", d);
        if (r < 0)
                return r;
        v = ymap_get(n, "attempts");
        if (yscalar_long(v, &attempts) < 0 || attempts < 1 || attempts > STEP_MAX_ATTEMPTS)
                return fail_at(d, w->path, v, EINVAL, "retry 'attempts' must be an integer "
                               "in 1..%d (tries in all), not '%s'", STEP_MAX_ATTEMPTS, v->str);
        s->attempts = (unsigned)attempts;
        v = ymap_get(n, "backoff");
        if (!v)
                return 0;
        for (size_t i = 0; i < ARRAY_SIZE(backoff_names); i++)
                if (streq(v->str, backoff_names[i].name)) {
                        s->backoff = backoff_names[i].kind;
                        return 0;
                }
        if (yscalar_double(v, &secs) < 0 || !(secs >= 0 && secs <= STEP_MAX_BACKOFF_S))
                return fail_at(d, w->path, v, EINVAL, "retry 'backoff' must be seconds in "
                               "[0, %g] (doubling after each try) or exponential, fixed or "
                               "linear, not '%s'", STEP_MAX_BACKOFF_S, v->str);
        s->backoff_s = secs;
        return 0;
}

double step_backoff_s(const struct step *s, unsigned next)
{
        double t = s->backoff_s;

        if (next < 2)
                return 0;
        if (s->backoff == BACKOFF_LINEAR)
                t *= (double)(next - 1);
        else if (s->backoff == BACKOFF_EXPONENTIAL)
                for (unsigned i = 2; i < next && t < STEP_MAX_BACKOFF_S; i++)
                        t *= 2;
        return t > STEP_MAX_BACKOFF_S ? STEP_MAX_BACKOFF_S : t;
}

static int parse_step(struct workflow *w, const struct ynode *n, unsigned index,
                      const struct akios_config *cfg, struct diag *d)
{
        struct step *s = &w->steps[index - 1];
        const struct ynode *v;
        char names[256];
        unsigned err_off = 0;
        long num;
        int r;

        if (n->type != Y_MAP)
                return fail_at(d, w->path, n, EINVAL, "step %u must be a mapping, not %s", index,
                               ynode_kind(n));
        snprintf(names, sizeof(names), "step %u", index);
        r = check_keys(w->path, n, step_keys, ARRAY_SIZE(step_keys), names, d);
        if (r < 0)
                return r;
        s->index = index;
        s->node = n;
        v = ymap_get(n, "step");
        if (yscalar_long(v, &num) < 0 || num <= 0)
                return fail_at(d, w->path, v, EINVAL, "'step' must be a positive integer, not "
                               "'%s'", v->str);
        s->number = num;
        for (unsigned i = 0; i + 1 < index; i++)
                if (w->steps[i].number == num)
                        return fail_at(d, w->path, v, EINVAL, "step number %ld is used twice "
                                       "(also at line %u)", num, w->steps[i].node->line);
        v = ymap_get(n, "name");
        s->name = v ? v->str : NULL;

        v = ymap_get(n, "agent");
        s->agent = agent_find(v->str);
        if (!s->agent) {
                agent_names(names, sizeof(names));
                return fail_at(d, w->path, v, EINVAL, "unknown agent '%s' (known: %s)", v->str,
                               names);
        }
        v = ymap_get(n, "action");
        s->action = agent_action_find(s->agent, v->str);
        s->action_name = v->str;
        if (!s->action) {
                agent_action_names(s->agent, names, sizeof(names));
                return fail_at(d, w->path, v, EINVAL, "unknown action '%s' for agent '%s' "
                               "(known: %s)", v->str, s->agent->name, names);
        }
        s->parameters = ymap_get(n, "parameters");
        s->config = ymap_get(n, "config");
        for (const char *const *req = s->action->required; req && *req; req++)
                if (!ymap_get(s->parameters, *req))
                        return fail_at(d, w->path, s->parameters ? s->parameters : n, EINVAL,
                                       "%s.%s needs parameter '%s'", s->agent->name,
                                       s->action->name, *req);
        r = check_names(w->path, s->parameters, s->action->params, "parameter", d);
        if (r == 0)
                r = check_names(w->path, s->config, s->agent->config_keys, "config key", d);
        if (r == 0)
                r = agent_config_check(s->agent, w->path, s->config, d);
        if (r < 0)
                return r;

        v = ymap_get(n, "on_error");
        s->on_error = ON_ERROR_FAIL;
        if (v) {
                size_t i;

                for (i = 0; i < ARRAY_SIZE(on_error_names); i++)
                        if (streq(v->str, on_error_names[i]))
                                break;
                if (i == ARRAY_SIZE(on_error_names))
                        return fail_at(d, w->path, v, EINVAL, "'on_error' must be fail, skip "
                                       "or retry, not '%s'", v->str);
                s->on_error = (enum on_error)i;
        }
        r = parse_retry(w, s, ymap_get(n, "retry"), d);
        if (r < 0)
                return r;
        v = ymap_get(n, "condition");
        if (v) {
                struct diag cd = { 0 };

                s->condition = v->str;
                if (cond_parse(v->str, &s->cond, &err_off, &cd) < 0)
                        return fail_at(d, w->path, &(struct ynode){ .line = v->line,
                                       .col = v->col + (v->plain ? err_off : err_off + 1) },
                                       EINVAL, "condition: %s", cd.msg);
        }
        return 0;
}

/* Second pass, once every step number is known: references and limits. */
static int check_step_refs(struct workflow *w, struct step *s, struct diag *d)
{
        struct diag cd = { 0 };
        int r;

        if (s->parameters && (r = check_values(w, s->parameters, NULL, s->index, d)) < 0)
                return r;
        if (s->config && (r = check_values(w, s->config, NULL, s->index, d)) < 0)
                return r;
        if (s->cond && cond_check_refs(s->cond, w, s->index, &cd) < 0)
                return fail_at(d, w->path, ymap_get(s->node, "condition"), EINVAL,
                               "condition: %s", cd.msg);
        return 0;
}

/* max_steps_per_run: a workflow whose unconditional steps alone pass it would be stopped by
 * `run` every time it succeeds; `validate` says so first, with run's exit code (4). */
static int check_step_budget(struct workflow *w, const struct akios_config *cfg,
                             struct diag *d)
{
        size_t always = 0;

        if (!cfg || cfg->max_steps_per_run <= 0)
                return 0;
        for (size_t i = 0; i < w->n_steps; i++)
                always += !w->steps[i].cond;
        if (always <= (size_t)cfg->max_steps_per_run)
                return 0;
        return fail_at(d, w->path, ymap_get(w->root, "steps"), EDQUOT, "the workflow has %zu "
                       "steps without a condition, more than max_steps_per_run %ld: a run "
                       "would be stopped at step %ld", always, cfg->max_steps_per_run,
                       cfg->max_steps_per_run + 1);
}

/* Read, hash and parse the same bytes: the digest the ledger records is of what was parsed,
 * not of a second read that could see another file. */
static int load_tree(const char *path, struct ynode **ret, uint8_t digest[32], struct diag *d)
{
        struct yaml_caps caps = YAML_CAPS_DEFAULT;
        struct buf b = BUF_INIT(WORKFLOW_MAX_BYTES);
        int r;

        caps.max_bytes = WORKFLOW_MAX_BYTES;
        caps.max_nodes = 20000;
        caps.max_scalar = 256 * 1024;
        r = read_file_capped(path, caps.max_bytes, &b);
        if (r < 0) {
                if (r == -E2BIG)
                        diag_set(d, path, 0, 0, "file is larger than %zu bytes", caps.max_bytes);
                else if (r == -EINVAL)
                        diag_set(d, path, 0, 0, "not a regular file (a FIFO, socket or "
                                 "directory is never read as a workflow)");
                else
                        diag_set(d, path, 0, 0, "cannot read: %s", strerror(-r));
        } else {
                sha256(b.data ? b.data : "", b.len, digest);
                r = yaml_parse(path, b.data ? b.data : "", b.len, &caps, ret, d);
        }
        buf_free(&b);
        return r;
}

int workflow_load(const char *path, const struct akios_config *cfg, struct workflow **ret,
                  struct diag *d)
{
        struct workflow *w;
        const struct ynode *steps, *v;
        int r;

        w = calloc(1, sizeof(*w));
        if (!w || !(w->path = strdup(path))) {
                free(w);
                return -ENOMEM;
        }
        r = load_tree(path, &w->root, w->sha256, d);
        if (r < 0)
                goto fail;
        if (!w->root || w->root->type != Y_MAP) {
                r = fail_at(d, path, w->root, EINVAL, "a workflow must be a mapping with "
                            "'name' and 'steps'");
                goto fail;
        }
        r = check_keys(path, w->root, top_keys, ARRAY_SIZE(top_keys), "the workflow", d);
        if (r < 0)
                goto fail;
        r = check_workflow_secrets(path, w->root, d);
        if (r < 0)
                goto fail;
        r = check_env_refs(path, w->root, cfg, d);
        if (r < 0)
                goto fail;
        r = resolve_env(path, w->root, d);
        if (r < 0)
                goto fail;
        w->name = ymap_get(w->root, "name")->str;
        v = ymap_get(w->root, "description");
        w->description = v ? v->str : NULL;
        steps = ymap_get(w->root, "steps");
        if (steps->n == 0 || steps->n > WORKFLOW_MAX_STEPS) {
                r = fail_at(d, path, steps, steps->n ? E2BIG : EINVAL,
                            "'steps' must hold 1 to %d steps, not %zu", WORKFLOW_MAX_STEPS,
                            steps->n);
                goto fail;
        }
        w->steps = calloc(steps->n, sizeof(*w->steps));
        if (!w->steps) {
                r = -ENOMEM;
                goto fail;
        }
        w->n_steps = steps->n;
        for (size_t i = 0; i < steps->n; i++) {
                r = parse_step(w, steps->items[i], (unsigned)i + 1, cfg, d);
                if (r < 0)
                        goto fail;
        }
        for (size_t i = 0; i < w->n_steps; i++) {
                r = check_step_refs(w, &w->steps[i], d);
                if (r < 0)
                        goto fail;
        }
        r = check_step_budget(w, cfg, d);
        if (r < 0)
                goto fail;
        for (size_t i = 0; cfg && i < w->n_steps; i++) {
                struct step *s = &w->steps[i];

                if (s->agent->check_policy && (r = s->agent->check_policy(s, cfg, d)) < 0) {
                        if (!d->file[0])
                                snprintf(d->file, sizeof(d->file), "%s", path);
                        /* -EINVAL: a value the agent cannot take (exit 2); -EDQUOT: a
                         * kill-switch limit it would hit (exit 4); else policy (exit 3). */
                        if (r != -EINVAL && r != -EDQUOT)
                                r = -EPERM;
                        goto fail;
                }
        }
        *ret = w;
        return 0;
fail:
        workflow_free(w);
        return r;
}

unsigned workflow_step_position(const struct workflow *w, long n)
{
        for (size_t i = 0; i < w->n_steps; i++)
                if (w->steps[i].number == n)
                        return (unsigned)i + 1;
        return 0;
}

void workflow_free(struct workflow *w)
{
        if (!w)
                return;
        for (size_t i = 0; i < w->n_steps; i++)
                cond_free(w->steps[i].cond);
        free(w->steps);
        ynode_free(w->root);
        free(w->path);
        free(w);
}
