/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The agent table and lookups shared by the validator and the engine. */
#include <stdio.h>

#include "agents/agents.h"

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

const char *agent_result_text(const json_t *result)
{
        static const char *const keys[] = { "text",     "content", "output", "result",
                                            "response", "stdout",  "data" };

        for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
                const char *s = json_string_value(json_object_get(result, keys[i]));

                if (s)
                        return s;
        }
        return NULL;
}
