/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios status: the project at a glance: where it is, the last runs and their outcome, the
 * latest spend against the per-run budget, the ledger's size and last signed checkpoint, and
 * which cage layers this host gives the runs. The data comes from report_collect() (the same
 * as the compliance report, without the full ledger verification, so it stays fast on big
 * ledgers); this file only prints.
 */
#include <limits.h>
#include <stdio.h>

#include "cli/cli.h"
#include "config/config.h"
#include "report/report.h"

#define STATUS_RUNS 5

const char help_status[] =
        "Prints the project folder, the last runs (outcome, steps, duration, cost), the latest\n"
        "run's spend against budget_limit_per_run, the audit ledger's size and last signed\n"
        "checkpoint (with the events not yet signed), and the cage layers active on this host.\n"
        "It reads files only; 'akios audit verify' checks the ledger in full.\n"
        "\n"
        "  --json   one JSON document (the compliance report's, format akios-status/1)\n";

static const char *paint(const char *status)
{
        static const struct {
                const char *status, *sgr;
        } colors[] = {
                { "completed", "32" }, { "failed", "31" }, { "interrupted", "35" },
        };

        if (!use_color())
                return "";
        for (size_t i = 0; i < ARRAY_SIZE(colors); i++)
                if (status && streq(status, colors[i].status))
                        return colors[i].sgr;
        return "33";
}

static const char *s_or(const json_t *o, const char *key, const char *dflt)
{
        const char *s = json_string_value(json_object_get(o, key));

        /* Record text (a workflow's name, a step's error) is shown escaped (term.c). */
        return s && *s ? vis(s) : dflt;
}

static double n_of(const json_t *o, const char *key)
{
        return json_number_value(json_object_get(o, key));
}

static void print_runs(const json_t *doc)
{
        const json_t *runs = json_object_get(doc, "runs"), *r;
        size_t i;

        printf("runs      %lld in data/output/", (long long)n_of(doc, "runs_total"));
        if (json_array_size(runs) == 0) {
                printf("; none yet: try 'akios run templates/hello-workflow.yml'\n");
                return;
        }
        printf(", latest first:\n");
        json_array_foreach(runs, i, r) {
                const char *st = s_or(r, "status", "?"), *c = paint(st);

                printf("  %-28s %s%s%-10s%s %-24s %2zu steps %8.1f ms  $%.4f\n",
                       s_or(r, "run_id", "?"), *c ? "\033[" : "", c, st, *c ? "\033[0m" : "",
                       s_or(r, "workflow", "-"), json_array_size(json_object_get(r, "steps")),
                       n_of(r, "duration_ms"), n_of(r, "total_cost"));
                if (json_object_get(r, "error") && !json_is_null(json_object_get(r, "error")))
                        printf("  %-28s %s\n", "", s_or(r, "error", ""));
        }
}

static void print_spend(const json_t *doc)
{
        const json_t *latest = json_array_get(json_object_get(doc, "runs"), 0);
        const json_t *budget = json_object_get(doc, "budget");
        double limit = n_of(budget, "limit_per_run_usd"), spent = n_of(latest, "total_cost");

        printf("spend     latest run $%.4f of $%.2f per run (%.0f%%), highest $%.4f; "
               "kill-switch %s\n", spent, limit, limit > 0 ? 100.0 * spent / limit : 0.0,
               n_of(doc, "max_run_cost"),
               json_is_true(json_object_get(budget, "cost_kill_enabled")) ? "on" : "OFF");
}

static void print_ledger(const json_t *doc)
{
        const json_t *l = json_object_get(doc, "ledger"), *cp = json_object_get(l, "checkpoint");
        long long events = (long long)n_of(l, "events"), signed_n = (long long)n_of(cp, "size");

        printf("ledger    %lld events, %.1f KiB in %s/ledger.jsonl; %lld denied\n", events,
               n_of(l, "bytes") / 1024.0, s_or(l, "dir", "?"), (long long)n_of(l, "denials_total"));
        if (json_is_object(cp))
                printf("          last checkpoint: size %lld, root %.16s..., %s\n", signed_n,
                       s_or(cp, "root_hex", "?"),
                       events > signed_n ? "with an unsigned tail" : "covers every event");
        else
                printf("          no signed checkpoint yet\n");
}

static void print_cage(const json_t *doc)
{
        const json_t *cage = json_object_get(doc, "cage"), *layers, *cg, *v;
        const char *k;
        int missing = 0;

        printf("cage      sandbox %s, sandbox_required: %s\n          active:",
               json_is_true(json_object_get(cage, "sandbox_enabled")) ? "enabled" : "DISABLED",
               s_or(cage, "sandbox_required", "?"));
        layers = json_object_get(cage, "layers");
        json_object_foreach((json_t *)layers, k, v)
                if (json_is_true(json_object_get(v, "available")))
                        printf(" %s", k);
        cg = json_object_get(cage, "cgroup");
        if (json_is_true(json_object_get(cg, "available")))
                printf(" cgroup-%s", s_or(cg, "version", "?"));
        printf("\n          missing:");
        json_object_foreach((json_t *)layers, k, v)
                if (!json_is_true(json_object_get(v, "available")) && ++missing)
                        printf(" %s", k);
        if (!json_is_true(json_object_get(cg, "available")) && ++missing)
                printf(" cgroup");
        printf("%s\n", missing ? " (see 'akios doctor' for the fixes)" : " none");
}

static void print_limits(const struct akios_config *c)
{
        printf("limits    $%.2f per run, max_tokens_per_call %ld, max_tokens_per_run %ld%s, "
               "workflow_timeout %ld s, max_steps_per_run %ld\n", c->budget_limit_per_run,
               c->max_tokens_per_call, c->max_tokens_per_run,
               c->max_tokens_per_run ? "" : " (none)", c->workflow_timeout,
               c->max_steps_per_run);
}

static void print_config(const struct akios_config *c)
{
        json_t *j = config_to_json(c), *v;
        const char *k;

        printf("config    %s\n", c->config_path ? c->config_path : "(defaults)");
        json_object_foreach(j, k, v) {
                char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

                printf("  %-24s %s\n", k, s ? s : "?");
                free(s);
        }
        json_decref(j);
}

int cmd_status(int argc, char **argv)
{
        struct akios_config cfg;
        struct report_opts o;
        char audit_dir[PATH_MAX];
        bool json = false, budget_only = false, verbose = false;
        json_t *doc = NULL;
        int r;

        for (int i = 1; i < argc; i++) {
                if (streq(argv[i], "--json")) {
                        json = true;
                } else if (streq(argv[i], "--budget")) {
                        budget_only = true;     /* AKIOS: the spend and the kill-switches */
                } else if (streq(argv[i], "--verbose")) {
                        verbose = true;         /* AKIOS: also every config key */
                } else if (streq(argv[i], "--help") || streq(argv[i], "-h")) {
                        command_help("status");
                        return EXIT_OK;
                } else {
                        return usage_error("status", "unknown argument '%s'", argv[i]);
                }
        }
        r = cli_load_config(NULL, true, &cfg);
        if (r)
                return r;
        r = report_opts_from_config(&o, &cfg, audit_dir, sizeof(audit_dir));
        o.max_runs = STATUS_RUNS;
        o.probe_cage = true;
        if (r == 0)
                r = report_collect(&o, &doc);
        if (r < 0) {
                log_error("cannot read the state of '%s': %s", cfg.project_dir, strerror(-r));
                config_free(&cfg);
                return EXIT_FAIL;
        }
        if (json) {
                json_object_set_new(doc, "format", json_string("akios-status/1"));
                json_object_set_new(doc, "kill_switches", json_pack("{s:f,s:b,s:I,s:I,s:I,s:I}",
                                    "budget_limit_per_run", cfg.budget_limit_per_run,
                                    "cost_kill_enabled", cfg.cost_kill_enabled,
                                    "max_tokens_per_call", (json_int_t)cfg.max_tokens_per_call,
                                    "max_tokens_per_run", (json_int_t)cfg.max_tokens_per_run,
                                    "workflow_timeout", (json_int_t)cfg.workflow_timeout,
                                    "max_steps_per_run", (json_int_t)cfg.max_steps_per_run));
                if (verbose)
                        json_object_set_new(doc, "config", config_to_json(&cfg));
                print_json(doc);
        } else if (budget_only) {
                print_spend(doc);
                print_limits(&cfg);
        } else {
                printf("project   %s\n", cfg.project_dir);
                print_runs(doc);
                print_spend(doc);
                print_ledger(doc);
                print_cage(doc);
                if (verbose) {
                        print_limits(&cfg);
                        print_config(&cfg);
                }
        }
        json_decref(doc);
        config_free(&cfg);
        return EXIT_OK;
}
