/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios: entry point. Finds the command in the table and runs it; handles --version and
 * --help. Everything else lives in the library (build/libakios.a).
 */
#include <locale.h>
#include <stdio.h>

#include "cli/cli.h"

static void print_usage(FILE *f)
{
        fprintf(f, "usage: akios [--version] [--help] COMMAND [ARGS]\n\n"
                   "akios runs AI-agent workflows inside a security cage: kernel sandbox for\n"
                   "tools, PII redaction, budget kill-switch and a tamper-evident audit ledger.\n\n"
                   "commands:\n");
        for (unsigned i = 0; i < n_commands; i++)
                fprintf(f, "  %-12s %s\n", commands[i].name, commands[i].summary);
        fprintf(f, "\nRun 'akios COMMAND --help' for a command's options.\n");
}

static bool wants_help(int argc, char **argv)
{
        for (int i = 1; i < argc; i++) {
                if (streq(argv[i], "--"))
                        return false;
                if (streq(argv[i], "--help") || streq(argv[i], "-h"))
                        return true;
        }
        return false;
}

int main(int argc, char **argv)
{
        const struct command *c;

        setlocale(LC_CTYPE, "C.UTF-8");
        if (compat_rewrite(&argc, &argv))
                return EXIT_FAIL;
        if (argc < 2) {
                print_usage(stderr);
                return EXIT_USAGE;
        }
        if (streq(argv[1], "--version") || streq(argv[1], "-V")) {
                printf("akios %s\n", AKIOS_VERSION);
                return EXIT_OK;
        }
        if (streq(argv[1], "--help") || streq(argv[1], "-h") || streq(argv[1], "help")) {
                if (argc > 2 && !streq(argv[1], "--help"))
                        return command_help(argv[2]);
                print_usage(stdout);
                return EXIT_OK;
        }
        if (argv[1][0] == '-') {
                fprintf(stderr, "akios: unknown option '%s'\n", argv[1]);
                print_usage(stderr);
                return EXIT_USAGE;
        }
        c = command_find(argv[1]);
        if (!c) {
                fprintf(stderr, "akios: unknown command '%s'; see 'akios --help'\n", argv[1]);
                return EXIT_USAGE;
        }
        if (wants_help(argc - 1, argv + 1))
                return command_help(c->name);
        return c->run(argc - 1, argv + 1);
}
