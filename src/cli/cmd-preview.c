// SPDX-License-Identifier: GPL-3.0-or-later
/* akios protect preview [WORKFLOW] [--json] and akios protect show-prompt [WORKFLOW] [--json]
 * (AKIOS's names): what a workflow's steps would send, redacted exactly as a run redacts
 * them (the project's strategy and marker names), without running anything.
 *
 * show-prompt prints each llm step's prompt (or chat messages) after ${VAR} substitution and
 * redaction. preview also lists the PII findings (type and count) of every parameter string
 * of every step. References to earlier outputs ({previous_output}, {step_N_output}) are
 * filled at run time and redacted then; they are shown as written.
 */
#include <limits.h>
#include <stdio.h>

#include "agents/agents.h"
#include "cli/cli.h"
#include "config/config.h"
#include "pii/pii.h"
#include "workflow/workflow.h"

static int redact_str(struct pii_redactor *r, const char *s, json_t **ret)
{
        struct buf b = BUF_INIT(0);
        size_t n = 0;
        int e = pii_redact(r, s, strlen(s), &b, &n);

        *ret = e == 0 ? json_stringn(b.data ? b.data : "", b.len) : NULL;
        buf_free(&b);
        return e < 0 ? e : *ret ? 0 : -EILSEQ;
}

/* Findings of every string below v, counted by type into `by_type`. */
static int scan_all(struct pii_redactor *r, const json_t *v, json_t *by_type)
{
        const char *k;
        json_t *x;
        size_t i;

        if (json_is_string(v)) {
                struct pii_finding *f = NULL;
                size_t n = 0;
                int e = pii_scan(r, json_string_value(v), json_string_length(v), 0, &f, &n);

                for (size_t j = 0; e == 0 && j < n; j++) {
                        const char *t = pii_type_name(f[j].type);

                        json_object_set_new(by_type, t, json_integer(json_integer_value(
                                                    json_object_get(by_type, t)) + 1));
                }
                free(f);
                return e;
        }
        json_object_foreach((json_t *)v, k, x)
                if (scan_all(r, x, by_type) < 0)
                        return -EIO;
        json_array_foreach((json_t *)v, i, x)
                if (scan_all(r, x, by_type) < 0)
                        return -EIO;
        return 0;
}

static json_t *step_prompts(struct pii_redactor *r, const struct step *s, const json_t *params)
{
        json_t *out = json_array(), *red;
        const json_t *m;
        size_t i;

        if (s->agent != &agent_llm)
                return out;
        if (json_is_string(json_object_get(params, "prompt")) &&
            redact_str(r, json_string_value(json_object_get(params, "prompt")), &red) == 0)
                json_array_append_new(out, json_pack("{s:s,s:o}", "role", "user", "content",
                                                     red));
        json_array_foreach(json_object_get(params, "messages"), i, m) {
                const char *c = json_string_value(json_object_get(m, "content"));
                const char *role = json_string_value(json_object_get(m, "role"));

                if (c && redact_str(r, c, &red) == 0)
                        json_array_append_new(out, json_pack("{s:s,s:o}", "role",
                                                             role ? role : "?", "content", red));
        }
        return out;
}

static int make_redactor(const struct akios_config *cfg, struct pii_redactor **ret)
{
        uint8_t key[32];
        bool have = false;
        char p[PATH_MAX];
        int r;

        if (cfg->redaction_strategy == REDACT_HASH && cfg->project_dir) {
                snprintf(p, sizeof(p), "%s/audit/pii.key", cfg->project_dir);
                have = pii_key_load(p, key) == 0;
        }
        r = pii_redactor_new(have || cfg->redaction_strategy != REDACT_HASH ?
                             cfg->redaction_strategy : REDACT_MASK, have ? key : NULL,
                             have ? sizeof(key) : 0, ret);
        explicit_bzero(key, sizeof(key));
        if (r == 0)
                pii_redactor_set_akios_markers(*ret, cfg->redaction_markers == MARKERS_AKIOS);
        return r;
}

int cmd_protect_preview(int argc, char **argv)
{
        bool preview = streq(argv[0], "preview"), json = false;
        const char *file = NULL;
        struct akios_config cfg = { 0 };
        struct workflow *wf = NULL;
        struct pii_redactor *red = NULL;
        struct diag d = { 0 };
        json_t *steps = json_array();
        int r;

        for (int i = 1; i < argc; i++) {
                if (streq(argv[i], "--json"))
                        json = true;
                else if (!file && argv[i][0] != '-')
                        file = argv[i];
                else
                        return usage_error("protect", "protect %s: unexpected '%s'", argv[0],
                                           argv[i]);
        }
        if (!file)
                file = compat_default_workflow();
        if (!file)
                return usage_error("protect", "protect %s: missing WORKFLOW.yml (and no "
                                   "workflow.yml here)", argv[0]);
        r = cli_load_config(NULL, false, &cfg);
        if (r)
                return r;
        r = workflow_load(file, &cfg, &wf, &d);
        if (r < 0) {
                char msg[1200];

                diag_format(&d, msg, sizeof(msg));
                log_error("%s", msg);
                r = r == -EPERM ? EXIT_POLICY : r == -EDQUOT ? EXIT_BUDGET : EXIT_USAGE;
                goto out;
        }
        if (make_redactor(&cfg, &red) < 0) {
                log_error("cannot start the redaction engine");
                r = EXIT_FAIL;
                goto out;
        }
        for (size_t i = 0; i < wf->n_steps; i++) {
                const struct step *s = &wf->steps[i];
                json_t *params = ynode_to_json(s->parameters), *found = json_object();
                json_t *prompts = step_prompts(red, s, params);

                if (preview)
                        scan_all(red, params, found);
                if (json_array_size(prompts) || (preview && json_object_size(found)))
                        json_array_append_new(steps, json_pack("{s:I,s:s,s:s,s:o,s:o}", "step",
                                              (json_int_t)s->number, "agent", s->agent->name,
                                              "action", s->action->name, "prompt", prompts,
                                              "pii_found", found));
                else {
                        json_decref(prompts);
                        json_decref(found);
                }
                json_decref(params);
        }
        if (json) {
                json_t *j = json_pack("{s:s,s:s,s:O}", "workflow", file, "strategy",
                                      redaction_strategy_name(cfg.redaction_strategy), "steps",
                                      steps);

                print_json(j);
                json_decref(j);
        } else {
                size_t i, k;
                json_t *st, *m, *v;
                const char *t;

                json_array_foreach(steps, i, st) {
                        printf("step %lld (%s.%s)\n",
                               (long long)json_integer_value(json_object_get(st, "step")),
                               json_string_value(json_object_get(st, "agent")),
                               json_string_value(json_object_get(st, "action")));
                        json_object_foreach(json_object_get(st, "pii_found"), t, v)
                                printf("  found %lld x %s\n", (long long)json_integer_value(v),
                                       t);
                        json_array_foreach(json_object_get(st, "prompt"), k, m) {
                                const json_t *c = json_object_get(m, "content");
                                const char *role = json_string_value(json_object_get(m, "role"));

                                /* Workflow text, shown with its control bytes escaped. */
                                printf("  %s> ", vis(role ?: "?"));
                                term_print(stdout, json_string_value(c) ?: "",
                                           json_string_length(c));
                                putchar('\n');
                        }
                }
                if (!json_array_size(steps))
                        printf("%s: %s\n", file, preview ? "no PII and no prompt" :
                               "no llm step");
        }
        r = EXIT_OK;
out:
        json_decref(steps);
        pii_redactor_free(red);
        workflow_free(wf);
        config_free(&cfg);
        return r;
}
