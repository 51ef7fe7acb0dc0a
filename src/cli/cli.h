/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli: the command table and the commands. The only module that prints for the user.
 *
 * Each command is `int cmd_NAME(int argc, char **argv)` where argv[0] is the command name;
 * it returns the process exit code of CONTRACTS §2. Human text goes to stdout, diagnostics to
 * stderr, one JSON document on stdout with --json.
 */
#pragma once

#include <stdbool.h>
#include <stdio.h>

#include "util/util.h"

struct command {
        const char *name;
        int (*run)(int argc, char **argv);
        const char *usage;   /* "akios NAME ..." synopsis */
        const char *summary; /* one line for `akios --help` */
        const char *help;    /* full text for `akios NAME --help` (may be NULL) */
};

extern const struct command commands[];
extern const unsigned n_commands;

/* Exit codes (CONTRACTS §2): util/exitcode.h. */

/* Diagnostics: "akios: msg" on stderr. */
void log_error(const char *fmt, ...) _printf_(1, 2);
void log_warn(const char *fmt, ...) _printf_(1, 2);
/* Usage error: prints the message and the command's synopsis; returns EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...) _printf_(2, 3);
/* Prints `akios CMD --help` text; returns EXIT_OK. */
int command_help(const char *cmd);
const struct command *command_find(const char *name);
/* Print one JSON document (compact, sorted) followed by a newline on stdout. */
int print_json(json_t *j);
/* true when colour is allowed on stdout (a TTY and no NO_COLOR). */
bool use_color(void);

/* Terminal safety (term.c): record text shown to a human has its control bytes (C0 but, with
 * `lines`, newline and tab; DEL; C1) written as visible escapes (\x1b, \u009b), never raw. */
int term_escape(struct buf *out, const char *s, size_t len, bool lines);
/* One-line field for printf: an escaped copy (one of 16 rotating buffers), NULL for NULL. */
const char *vis(const char *s);
/* Multi-line text (a step's output), escaped, to f. */
void term_print(FILE *f, const char *s, size_t len);
/* A JSON dump with DEL and C1 written as \u00XX too (C0 is already); malloc'd, or NULL. */
char *term_json_safe(const char *dump);

/* Long help texts kept next to their commands. */
extern const char help_exec[], help_protect[], help_audit[], help_status[], help_doctor[],
        help_compliance[];

struct akios_config;
/* Find and load the project config (and its .env); prints errors; returns an exit code. */
int cli_load_config(const char *config_path, bool need_project, struct akios_config *cfg);

int cmd_init(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_exec(int argc, char **argv);
int cmd_protect(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_doctor(int argc, char **argv);
int cmd_templates(int argc, char **argv);
int cmd_files(int argc, char **argv);
int cmd_clean(int argc, char **argv);
int cmd_compliance(int argc, char **argv);

/* cmd-project.c: remove a folder and everything below it (no symlink is followed). */
int cli_remove_tree(const char *path);
/* cmd-output.c: output list|latest|clean|archive, logs. */
int cmd_output(int argc, char **argv);
int cmd_logs(int argc, char **argv);
int cmd_audit_stats(int argc, char **argv);
/* cmd-audit-segments.c: audit rotate, audit prune, and verify's segment part (adds to j, the
 * --json document, or prints when NULL; returns an exit code). */
int cmd_audit_rotate(int argc, char **argv);
int cmd_audit_prune(int argc, char **argv);
struct audit_report;
int audit_verify_segments(const char *dir, const struct audit_report *live, json_t *j);
/* cmd-http.c: one request through the http agent. */
int cmd_http(int argc, char **argv);
/* cmd-preview.c: protect preview / show-prompt (argv[0] is the subcommand). */
int cmd_protect_preview(int argc, char **argv);

/* cmd-import.c: audit import-akios FILE [--json] (argv[0] is "import-akios"). */
int cmd_import_akios(int argc, char **argv);

/* cmd-compat.c: AKIOS's names and shapes. */
json_t *compat_json_output(const json_t *summary);
json_t *compat_json_output_error(int code, const char *msg, const char *category);
const char *compat_default_workflow(void);
/* AKIOS's command names and flags as aliases, rewritten in argv before dispatch (main.c);
 * returns 0 or an exit code. */
int compat_rewrite(int *argc, char ***argv);
