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
          "akios run WORKFLOW.yml [--json] [--quiet] [--dry-run] [--config FILE]",
          "run a workflow through policy, cage, redaction, budget and ledger",
          "Writes data/output/run_<UTC>/ (step outputs and output.json) and appends the\n"
          "audit ledger. --dry-run validates and prints the plan without executing.\n" },
        { "exec", cmd_exec, "akios exec [OPTIONS] -- CMD [ARG...]",
          "run one command inside the kernel cage", help_exec },
        { "protect", cmd_protect, "akios protect scan|redact FILE|- [--json] [--strategy S]",
          "find or redact PII and secrets in a file", help_protect },
        { "audit", cmd_audit,
          "akios audit show|verify|export|proof|consistency [...]",
          "inspect, verify and export the tamper-evident audit ledger", help_audit },
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

static _printf_(2, 0) void vlog(const char *prefix, const char *fmt, va_list ap)
{
        fputs("akios: ", stderr);
        fputs(prefix, stderr);
        vfprintf(stderr, fmt, ap);
        fputc('\n', stderr);
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
        _cleanup_free_ char *s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);

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
