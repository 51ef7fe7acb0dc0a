// SPDX-License-Identifier: GPL-3.0-or-later
/* AKIOS's fields in output.json, beside akios's own, so a script written for AKIOS keeps
 * working: `workflow_name`, `workflow_id`, `results[]` (one per step with its output as a
 * string, whole: akios does not cut at 2000 characters), a `security` block and a `cost`
 * block, plus `llm_model` and `pii_redacted_fields` (which `run --json-output` prints).
 * Built from the summary the engine already made (strings there are redacted), so nothing
 * here can leak what the summary does not.
 */
#include "agents/agents.h"
#include "config/config.h"
#include "engine/internal.h"
#include "workflow/workflow.h"

static json_t *output_string(const json_t *output)
{
        const json_t *text = agent_result_string(output);
        char *dump;
        json_t *s;

        /* The whole string, a NUL too (json_dumps writes it as \u0000): never cut at one. */
        if (text)
                return json_copy((json_t *)text);
        if (!output || json_is_null(output))
                return json_string("");
        dump = json_dumps(output, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
        s = json_string(dump ? dump : "");
        free(dump);
        return s;
}

static json_t *results(const json_t *steps, const char **ret_model)
{
        json_t *out = json_array(), *st;
        size_t i;

        json_array_foreach((json_t *)steps, i, st) {
                const json_t *o = json_object_get(st, "output");
                const char *model = json_string_value(json_object_get(o, "llm_model"));
                json_t *r;

                if (model)
                        *ret_model = model;
                r = json_pack("{s:O?,s:O?,s:O?,s:O?,s:o,s:f}", "step", json_object_get(st, "step"),
                              "agent", json_object_get(st, "agent"), "action",
                              json_object_get(st, "action"), "status",
                              json_object_get(st, "status"), "output", output_string(o),
                              "execution_time",
                              json_number_value(json_object_get(st, "duration_ms")) / 1000.0);
                if (r && json_object_get(st, "error"))
                        json_object_set(r, "error", json_object_get(st, "error"));
                json_array_append_new(out, r);
        }
        return out;
}

void akios_output_add(const struct run_state *run, json_t *summary)
{
        const struct akios_config *c = run->cfg;
        const json_t *by_type = json_object_get(summary, "pii_redactions_by_type");
        const char *model = NULL, *type;
        json_t *fields = json_array(), *v, *res;
        double cost = json_number_value(json_object_get(summary, "total_cost"));

        res = results(json_object_get(summary, "steps"), &model);
        json_object_foreach((json_t *)by_type, type, v)
                json_array_append_new(fields, json_string(type));
        json_object_set(summary, "workflow_name", json_object_get(summary, "workflow"));
        json_object_set(summary, "workflow_id", json_object_get(summary, "run_id"));
        json_object_set_new(summary, "results", res);
        json_object_set_new(summary, "llm_model", model ? json_string(model) : json_null());
        json_object_set_new(summary, "pii_redacted_fields", fields);
        json_object_set_new(summary, "security",
                            json_pack("{s:b,s:b,s:s,s:O,s:O,s:b,s:b,s:b}", "pii_redaction_enabled",
                                      c->pii_redaction_enabled, "pii_redaction_outputs",
                                      c->pii_redaction_outputs, "redaction_strategy",
                                      redaction_strategy_name(c->redaction_strategy),
                                      "pii_redaction_count",
                                      json_object_get(summary, "pii_redaction_count"),
                                      "pii_redacted_fields", fields, "sandbox_enabled",
                                      c->sandbox_enabled, "network_access_allowed",
                                      c->network_access_allowed, "audit_enabled",
                                      c->audit_enabled));
        json_object_set_new(summary, "cost",
                            json_pack("{s:f,s:f,s:f,s:O,s:O,s:b,s:I,s:o}", "total_cost", cost,
                                      "budget_limit", c->budget_limit_per_run,
                                      "budget_remaining", c->budget_limit_per_run - cost > 0
                                      ? c->budget_limit_per_run - cost : 0.0,
                                      "tokens_input", json_object_get(summary, "tokens_input"),
                                      "tokens_output", json_object_get(summary, "tokens_output"),
                                      "cost_kill_enabled", c->cost_kill_enabled,
                                      "max_tokens_per_run", (json_int_t)c->max_tokens_per_run,
                                      "llm_model", model ? json_string(model) : json_null()));
}
