/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios validate / akios run: load the project config, parse and validate the workflow with
 * the one shared validator, and (for run) hand it to the engine. Prints the result: a short
 * human summary with the last step's text, or one JSON document with --json.
 */
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

#include "agents/agents.h"
#include "cli/cli.h"
#include "config/config.h"
#include "engine/engine.h"
#include "workflow/workflow.h"

struct run_args {
        const char *workflow;
        const char *config;
        bool json, quiet, dry_run;
        bool json_output, verbose;      /* AKIOS: --json-output, --verbose */
};

static int parse_args(const char *cmd, int argc, char **argv, struct run_args *a)
{
        static const struct option opts[] = {
                { "json", no_argument, NULL, 'j' },
                { "quiet", no_argument, NULL, 'q' },
                { "dry-run", no_argument, NULL, 'n' },
                { "config", required_argument, NULL, 'c' },
                { "force", no_argument, NULL, 'F' }, /* AKIOS compatibility: no prompts here */
                { "json-output", no_argument, NULL, 'J' },
                { "verbose", no_argument, NULL, 'v' },
                { "real-api", no_argument, NULL, 'R' },
                {},
        };
        bool is_run = streq(cmd, "run");
        int c;

        while ((c = getopt_long(argc, argv, "jqnc:", opts, NULL)) != -1) {
                switch (c) {
                case 'j':
                        a->json = true;
                        break;
                case 'q':
                        if (!is_run)
                                return usage_error(cmd, "unknown option '--quiet'");
                        a->quiet = true;
                        break;
                case 'n':
                        if (!is_run)
                                return usage_error(cmd, "unknown option '--dry-run'");
                        a->dry_run = true;
                        break;
                case 'c':
                        a->config = optarg;
                        break;
                case 'F':
                        break;
                case 'J':
                        /* AKIOS's result object (cmd-compat.c); validate prints akios's. */
                        a->json = true;
                        a->json_output = is_run;
                        break;
                case 'v':
                        a->verbose = true;
                        break;
                case 'R':
                        if (!is_run)
                                return usage_error(cmd, "unknown option '--real-api'");
                        /* Real providers instead of the mock that init's .env selects (the
                         * environment wins over .env and config.yaml). Unlike AKIOS this does
                         * not open the HTTP agent's network: that stays config.yaml's. */
                        setenv("AKIOS_MOCK_LLM", "0", 1);
                        break;
                default:
                        return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
                }
        }
        if (optind == argc && is_run && compat_default_workflow()) {
                a->workflow = compat_default_workflow();        /* AKIOS's default */
                return EXIT_OK;
        }
        if (optind != argc - 1)
                return usage_error(cmd, optind == argc ? "missing WORKFLOW.yml (and no "
                                   "workflow.yml here)" : "too many arguments");
        a->workflow = argv[optind];
        return EXIT_OK;
}

static int load(const struct run_args *a, bool need_project, struct akios_config *cfg,
                struct workflow **wf)
{
        struct diag d = { 0 };
        char msg[1200];
        int r;

        r = cli_load_config(a->config, need_project, cfg);
        if (r)
                return r;
        r = workflow_load(a->workflow, cfg, wf, &d);
        if (r < 0) {
                int code = r == -EPERM ? EXIT_POLICY : r == -EDQUOT ? EXIT_BUDGET : EXIT_USAGE;

                diag_format(&d, msg, sizeof(msg));
                if (a->json_output) {
                        json_t *j = compat_json_output_error(code, msg, code == EXIT_POLICY ?
                                                             "security" : code == EXIT_BUDGET ?
                                                             "budget" : "validation");
                        print_json(j);
                        json_decref(j);
                } else if (a->json) {
                        json_t *j = json_pack("{s:b,s:i,s:{s:s,s:i,s:i,s:s,s:s}}", "valid", 0,
                                              "exit_code", code, "error", "file", d.file,
                                              "line", (int)d.line, "column", (int)d.col,
                                              "message", d.msg, "category",
                                              code == EXIT_POLICY ? "security" :
                                              code == EXIT_BUDGET ? "budget" : "validation");
                        print_json(j);
                        json_decref(j);
                }
                log_error("%s", msg);
                return code;
        }
        return EXIT_OK;
}

int cmd_validate(int argc, char **argv)
{
        struct akios_config cfg = { 0 };
        struct workflow *wf = NULL;
        struct run_args a = { 0 };
        int r;

        r = parse_args("validate", argc, argv, &a);
        if (r)
                return r;
        r = load(&a, false, &cfg, &wf);
        if (r == 0) {
                if (a.json) {
                        json_t *j = json_pack("{s:b,s:s,s:s,s:I}", "valid", 1, "workflow",
                                              wf->name, "file", a.workflow, "steps",
                                              (json_int_t)wf->n_steps);
                        print_json(j);
                        json_decref(j);
                } else {
                        printf("%s: valid (%zu steps)\n", a.workflow, wf->n_steps);
                }
        }
        workflow_free(wf);
        config_free(&cfg);
        return r;
}

static void print_plan(const struct workflow *wf, bool json)
{
        json_t *steps = json_array();

        for (size_t i = 0; i < wf->n_steps; i++) {
                const struct step *s = &wf->steps[i];

                if (json)
                        json_array_append_new(steps, json_pack("{s:I,s:s,s:s,s:s?}", "step",
                                                               (json_int_t)s->number, "agent",
                                                               s->agent->name, "action",
                                                               s->action->name, "condition",
                                                               s->condition));
                else
                        printf("  %ld. %s.%s%s%s\n", s->number, s->agent->name, s->action->name,
                               s->condition ? " if " : "", s->condition ? s->condition : "");
        }
        if (json) {
                json_t *j = json_pack("{s:s,s:b,s:o}", "workflow", wf->name, "dry_run", 1,
                                      "steps", steps);
                print_json(j);
                json_decref(j);
        } else {
                json_decref(steps);
        }
}

static void print_summary(const json_t *summary, int code)
{
        const json_t *steps = json_object_get(summary, "steps"), *st;
        const json_t *last = json_array_get(steps, json_array_size(steps) - 1);
        const json_t *out = agent_result_string(json_object_get(last, "output"));
        const char *text = json_string_value(out);
        size_t text_len = json_string_length(out);
        const char *dir = json_string_value(json_object_get(summary, "output_dir"));
        long long ran = 0, skipped = 0;
        size_t i;

        /* Count what really happened: steps that ran (whatever their outcome) of the
         * workflow's steps; skipped ones separately. */
        json_array_foreach(steps, i, st) {
                const char *status = json_string_value(json_object_get(st, "status"));

                if (status && streq(status, "skipped"))
                        skipped++;
                else
                        ran++;
        }
        /* The whole output, every byte (a NUL too), its control bytes escaped (term.c). */
        if (code == 0 && text && text_len) {
                term_print(stdout, text, text_len);
                if (text[text_len - 1] != '\n')
                        putchar('\n');
        }
        printf("%s workflow '%s' %s: %lld of %lld steps run", code == 0 ? "ok:" : "FAILED:",
               vis(json_string_value(json_object_get(summary, "workflow"))),
               vis(json_string_value(json_object_get(summary, "status"))), ran,
               (long long)json_integer_value(json_object_get(summary, "steps_total")));
        if (skipped)
                printf(" (%lld skipped)", skipped);
        printf(", %lld+%lld tokens, $%.4f, %lld redactions\n",
               (long long)json_integer_value(json_object_get(summary, "tokens_input")),
               (long long)json_integer_value(json_object_get(summary, "tokens_output")),
               json_number_value(json_object_get(summary, "total_cost")),
               (long long)json_integer_value(json_object_get(summary, "pii_redaction_count")));
        if (dir)
                printf("  output: %s\n", dir);
        else
                printf("  output: none (the run folder could not be created)\n");
}

/* What the cage of each tool step went without (its record's `degraded`, CONTRACTS §7), on
 * stderr, each line once per run. */
static void warn_degraded(const json_t *summary)
{
        const json_t *steps = json_object_get(summary, "steps"), *st, *line;
        struct strv seen = { 0 };
        size_t i, k;

        json_array_foreach(steps, i, st) {
                const json_t *cage = json_object_get(json_object_get(st, "output"), "cage");

                json_array_foreach(json_object_get(cage, "degraded"), k, line) {
                        const char *t = json_string_value(line);

                        if (!t || strv_contains(&seen, t))
                                continue;
                        (void)strv_push(&seen, t);
                        log_warn("step %lld: cage without %s",
                                 (long long)json_integer_value(json_object_get(st, "index")), t);
                }
        }
        strv_free(&seen);
}

/* Progress on stderr: one live line on a terminal, plain lines otherwise. */
static void show_progress(void *userdata, enum step_phase phase, const struct step *s,
                          size_t n, const char *status, double elapsed_ms, double cost)
{
        bool tty = isatty(STDERR_FILENO), color = tty && !getenv("NO_COLOR");
        bool bad = status && !streq(status, "completed") && !streq(status, "skipped");
        const char *on = !color ? "" : bad ? "\033[31m" : "\033[32m", *off = color ? "\033[0m" : "";

        if (phase == STEP_START) {
                if (tty)
                        fprintf(stderr, "\r\033[K[%u/%zu] %s.%s ... %.1fs $%.4f", s->index, n,
                                s->agent->name, s->action->name, elapsed_ms / 1000, cost);
                return;
        }
        fprintf(stderr, "%s[%u/%zu] %s.%s: %s%s%s (%.1fs, $%.4f)\n", tty ? "\r\033[K" : "",
                s->index, n, s->agent->name, s->action->name, on, status, off,
                elapsed_ms / 1000, cost);
}

/* --verbose: the kill-switch figures and where the record is, after the summary. */
static void print_verbose(const json_t *summary)
{
        const json_t *k = json_object_get(summary, "kill_switch");

        printf("  run id: %s\n", json_string_value(json_object_get(summary, "run_id")));
        printf("  kill-switches: workflow_timeout %llds, max_steps_per_run %lld (%lld started), "
               "max_tokens_per_run %lld%s%s\n",
               (long long)json_integer_value(json_object_get(k, "workflow_timeout_s")),
               (long long)json_integer_value(json_object_get(k, "max_steps_per_run")),
               (long long)json_integer_value(json_object_get(k, "steps_started")),
               (long long)json_integer_value(json_object_get(k, "max_tokens_per_run")),
               json_string_value(json_object_get(k, "tripped")) ? "; tripped: " : "",
               json_string_value(json_object_get(k, "tripped")) ?
               json_string_value(json_object_get(k, "tripped")) : "");
        printf("  model: %s\n", json_string_value(json_object_get(summary, "llm_model")) ?
               json_string_value(json_object_get(summary, "llm_model")) : "(no llm step)");
}

int cmd_run(int argc, char **argv)
{
        struct akios_config cfg = { 0 };
        struct workflow *wf = NULL;
        struct run_args a = { 0 };
        struct run_options o;
        json_t *summary = NULL;
        struct diag d = { 0 };
        int r;

        r = parse_args("run", argc, argv, &a);
        if (r)
                return r;
        r = load(&a, true, &cfg, &wf);
        if (r)
                goto out;
        if (a.dry_run) {
                if (!a.json)
                        printf("%s: valid; would run %zu steps:\n", a.workflow, wf->n_steps);
                print_plan(wf, a.json);
                goto out;
        }
        o = (struct run_options){ .json = a.json, .quiet = a.quiet };
        if (!a.json && !a.quiet)
                o.progress = show_progress;
        if (a.verbose && !a.json && !a.quiet)
                o.progress = show_progress;
        r = engine_run(&cfg, wf, &o, &summary, &d);
        warn_degraded(summary);
        if (json_is_string(json_object_get(json_object_get(summary, "audit_rotation"), "error")))
                log_warn("audit_rotate_events: the ledger was not rotated: %s",
                         json_string_value(json_object_get(json_object_get(summary,
                                                                           "audit_rotation"),
                                                           "error")));
        if (a.json_output && summary) {
                json_t *j = compat_json_output(summary);

                print_json(j);
                json_decref(j);
        } else if (a.json && summary)
                print_json(summary);
        else if (!a.quiet && summary)
                print_summary(summary, r);
        if (a.verbose && !a.json && summary)
                print_verbose(summary);
        if (r)
                log_error("%s", d.msg[0] ? d.msg : "the run failed");
out:
        json_decref(summary);
        workflow_free(wf);
        config_free(&cfg);
        return r;
}
