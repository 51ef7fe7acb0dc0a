/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The agent table and lookups shared by the validator and the engine. */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>

#include "agents/agents.h"
#include "engine/step.h"
#include "util/yaml.h"

static const struct agent *const agents[] = {
        &agent_llm,
        &agent_filesystem,
        &agent_http,
        &agent_tool_executor,
};

const struct agent *agent_find(const char *name)
{
        for (size_t i = 0; i < ARRAY_SIZE(agents); i++)
                if (streq(agents[i]->name, name))
                        return agents[i];
        return NULL;
}

const struct agent_action *agent_action_find(const struct agent *a, const char *name)
{
        for (size_t i = 0; i < a->n_actions; i++) {
                const struct agent_action *act = &a->actions[i];

                if (streq(act->name, name))
                        return act;
                for (const char *const *al = act->aliases; al && *al; al++)
                        if (streq(*al, name))
                                return act;
        }
        return NULL;
}

void agent_action_names(const struct agent *a, char *out, size_t size)
{
        size_t off = 0;

        out[0] = '\0';
        for (size_t i = 0; i < a->n_actions && off < size; i++)
                off += (size_t)snprintf(out + off, size - off, "%s%s", i ? ", " : "",
                                        a->actions[i].name);
}

void agent_names(char *out, size_t size)
{
        size_t off = 0;

        out[0] = '\0';
        for (size_t i = 0; i < ARRAY_SIZE(agents) && off < size; i++)
                off += (size_t)snprintf(out + off, size - off, "%s%s", i ? ", " : "",
                                        agents[i]->name);
}

static const struct agent_config_range *config_range(const struct agent *a, const char *key)
{
        for (const struct agent_config_range *r = a->config_ranges; r && r->key; r++)
                if (strcmp(r->key, key) == 0)
                        return r;
        return NULL;
}

int agent_config_long(struct step_ctx *ctx, const struct agent *a, const char *key, long *ret)
{
        const struct agent_config_range *cr = config_range(a, key);
        const json_t *v = json_object_get(ctx->config, key);
        json_int_t n;

        assert(cr);
        *ret = cr->dflt;
        if (!v || json_is_null(v))
                return 0;
        if (json_is_string(v)) {
                /* A templated value ("{step_1_output}") arrives as text. */
                const char *t = json_string_value(v);
                char *end;

                errno = 0;
                n = strtoll(t, &end, 10);
                if (errno || end == t || *end)
                        return step_fail(ctx, EXIT_USAGE, EINVAL, "config.%s must be an integer "
                                         "%ld..%ld, not '%.64s'", key, cr->min, cr->max, t);
        } else if (json_is_integer(v)) {
                n = json_integer_value(v);
        } else {
                return step_fail(ctx, EXIT_USAGE, EINVAL, "config.%s must be an integer "
                                 "%ld..%ld", key, cr->min, cr->max);
        }
        if (n < cr->min || n > cr->max)
                return step_fail(ctx, EXIT_USAGE, ERANGE, "config.%s %lld is out of range "
                                 "%ld..%ld", key, (long long)n, cr->min, cr->max);
        *ret = (long)n;
        return 0;
}

int agent_config_check(const struct agent *a, const char *path, const struct ynode *config,
                       struct diag *d)
{
        for (size_t i = 0; config && config->type == Y_MAP && i + 1 < config->n; i += 2) {
                const struct ynode *k = config->items[i], *v = config->items[i + 1];
                const struct agent_config_range *cr = config_range(a, k->str);
                long n;

                if (!cr || yscalar_is_null(v))
                        continue;
                /* A template (e.g. "{step_1_output}") is checked after templating. */
                if (v->type == Y_SCALAR && strchr(v->str, '{'))
                        continue;
                if (v->type != Y_SCALAR || yscalar_long(v, &n) < 0) {
                        diag_set(d, path, v->line, v->col, "config.%s must be an integer "
                                 "%ld..%ld", k->str, cr->min, cr->max);
                        return -EINVAL;
                }
                if (n < cr->min || n > cr->max) {
                        diag_set(d, path, v->line, v->col, "config.%s %ld is out of range "
                                 "%ld..%ld", k->str, n, cr->min, cr->max);
                        return -EINVAL;
                }
        }
        return 0;
}
