/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command table (STYLE rule 7) and the small helpers every command shares: diagnostics,
 * usage errors, help text and JSON printing.
 */
#include <stdio.h>
#include <unistd.h>

#include "cli/cli.h"

const struct command commands[] = {
        { "init", cmd_init, "akios init [DIR] [--force]",
          "scaffold a project (config, templates, data folders, audit key)",
          "Creates config.yaml, .env, .env.example, templates/, workflows/, data/input/,\n"
          "data/output/ and audit/ in DIR (default: the current directory). Existing files\n"
          "are kept unless --force is given.\n" },
        { "validate", cmd_validate, "akios validate WORKFLOW.yml [--json] [--config FILE]",
          "check a workflow against the schema and the policy; nothing runs",
          "Exit 0 when valid, 2 with file:line:col diagnostics when not, 3 when the\n"
          "workflow asks for something the policy forbids.\n" },
        { "run", cmd_run,
          "akios run [WORKFLOW.yml] [--json|--json-output] [--quiet] [--verbose] [--dry-run]\n"
          "       [--real-api] [--config FILE]",
          "run a workflow through policy, cage, redaction, budget and ledger",
          "Writes data/output/run_<UTC>/ (step outputs and output.json) and appends the\n"
          "audit ledger. --dry-run validates and prints the plan without executing.\n"
          "Without WORKFLOW.yml, ./workflow.yml is run (as in AKIOS). --json-output prints\n"
          "AKIOS's result object (akios_version, status, workflow_id, steps_executed, ...);\n"
          "--verbose adds per-step progress and the kill-switch figures; --real-api turns\n"
          "the mock off for this run (AKIOS_MOCK_LLM=0; the HTTP agent's network stays as\n"
          "config.yaml says). Kill-switches (exit 4): budget_limit_per_run,\n"
          "max_tokens_per_run, workflow_timeout, max_steps_per_run.\n" },
        { "exec", cmd_exec, "akios exec [OPTIONS] -- CMD [ARG...]",
          "run one command inside the kernel cage", help_exec },
        { "protect", cmd_protect,
          "akios protect scan|redact FILE|- [--json] [--strategy S] | preview|show-prompt "
          "[WORKFLOW]",
          "find or redact PII and secrets in a file", help_protect },
        { "audit", cmd_audit,
          "akios audit show|verify|export|proof|consistency|stats|rotate|prune|import-akios [...]",
          "inspect, verify, export, rotate and prune the tamper-evident audit ledger", help_audit },
        { "status", cmd_status, "akios status [--json]",
          "project, last runs, spend, ledger size and sandbox mode", help_status },
        { "doctor", cmd_doctor, "akios doctor [--json]",
          "what the kernel offers and which cage layers will be active", help_doctor },
        { "templates", cmd_templates, "akios templates list [--json]",
          "list the workflow templates shipped in the binary", NULL },
        { "files", cmd_files, "akios files [input|output|all] [--json]",
          "list the project's input files and run outputs", NULL },
        { "clean", cmd_clean, "akios clean [--keep N] [--dry-run]",
          "remove old run folders (the ledger is kept)", NULL },
        { "output", cmd_output,
          "akios output list [WORKFLOW]|latest|clean [--max-age D] [--max-count N] [--all]|"
          "archive [RUN...] --name NAME [--json] [--dry-run]",
          "list, show, clean or archive run folders (AKIOS's output command)", NULL },
        { "logs", cmd_logs, "akios logs [--limit N] [--task RUN_ID] [--json]",
          "the latest audit ledger events, of one run with --task", NULL },
        { "http", cmd_http,
          "akios http METHOD URL [--body TEXT|@FILE] [-H 'Name: value']... [--timeout S] [--json]",
          "one request through the http agent's policy, redaction and ledger", NULL },
        { "compliance", cmd_compliance,
          "akios compliance report [--format html|json] [--out FILE]",
          "write a self-contained report for auditors", help_compliance },
};
const unsigned n_commands = ARRAY_SIZE(commands);

const struct command *command_find(const char *name)
{
        for (unsigned i = 0; i < n_commands; i++)
                if (streq(commands[i].name, name))
                        return &commands[i];
        return NULL;
}

int command_help(const char *cmd)
{
        const struct command *c = command_find(cmd);

        if (!c) {
                fprintf(stderr, "akios: unknown command '%s'; see 'akios --help'\n", cmd);
                return EXIT_USAGE;
        }
        printf("usage: %s\n\n%s.\n", c->usage, c->summary);
        if (c->help && *c->help)
                printf("\n%s", c->help);
        return EXIT_OK;
}

/* Messages quote user data (names, paths, a provider's error): shown escaped (term.c). */
static _printf_(2, 0) void vlog(const char *prefix, const char *fmt, va_list ap)
{
        char small[1024], *msg = small;
        va_list copy;
        int n;

        va_copy(copy, ap);
        n = vsnprintf(small, sizeof(small), fmt, ap);
        if (n >= (int)sizeof(small) && (msg = malloc((size_t)n + 1)))
                vsnprintf(msg, (size_t)n + 1, fmt, copy);
        va_end(copy);
        fputs("akios: ", stderr);
        fputs(prefix, stderr);
        if (n < 0)
                fputs(fmt, stderr);
        else
                term_print(stderr, msg ? msg : small, msg ? (size_t)n : sizeof(small) - 1);
        fputc('\n', stderr);
        if (msg != small)
                free(msg);
}

void log_error(const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vlog("", fmt, ap);
        va_end(ap);
}

void log_warn(const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vlog("warning: ", fmt, ap);
        va_end(ap);
}

int usage_error(const char *cmd, const char *fmt, ...)
{
        const struct command *c = command_find(cmd);
        va_list ap;

        va_start(ap, fmt);
        vlog("", fmt, ap);
        va_end(ap);
        if (c)
                fprintf(stderr, "usage: %s\n", c->usage);
        return EXIT_USAGE;
}

int print_json(json_t *j)
{
        _cleanup_free_ char *d = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
        _cleanup_free_ char *s = d ? term_json_safe(d) : NULL;

        if (!s)
                return -ENOMEM;
        fputs(s, stdout);
        fputc('\n', stdout);
        return fflush(stdout) == 0 ? 0 : -EIO;
}

bool use_color(void)
{
        const char *nc = getenv("NO_COLOR");

        return isatty(STDOUT_FILENO) && !(nc && *nc);
}
