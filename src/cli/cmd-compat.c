// SPDX-License-Identifier: GPL-3.0-or-later
/* What an AKIOS user types, mapped onto akios: `run --json-output` (AKIOS's result object,
 * exactly its keys), the default workflow file of `run`, and the old command names (`workflow
 * validate`, `audit log`, ...) as aliases of akios's own. Help always shows akios's names.
 */
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli/cli.h"

/* AKIOS's `run --json-output` keys, in its order. */
static const char *const json_output_keys[] = {
        "akios_version", "status",      "workflow_id",         "steps_executed",
        "execution_time_seconds",       "tokens_input",        "tokens_output",
        "total_cost",    "llm_model",   "pii_redaction_count", "pii_redacted_fields",
        "error",         "error_category",
};

json_t *compat_json_output(const json_t *summary)
{
        json_t *j = json_object();

        for (size_t i = 0; j && i < ARRAY_SIZE(json_output_keys); i++) {
                json_t *v = json_object_get(summary, json_output_keys[i]);

                json_object_set_new(j, json_output_keys[i], v ? json_incref(v) : json_null());
        }
        if (j && !json_is_array(json_object_get(j, "pii_redacted_fields")))
                json_object_set_new(j, "pii_redacted_fields", json_array());
        return j;
}

json_t *compat_json_output_error(int code, const char *msg, const char *category)
{
        return json_pack("{s:s,s:s,s:n,s:i,s:f,s:i,s:i,s:f,s:n,s:i,s:[],s:s,s:s}",
                         "akios_version", AKIOS_VERSION, "status", "failed", "workflow_id",
                         "steps_executed", 0, "execution_time_seconds", 0.0, "tokens_input", 0,
                         "tokens_output", 0, "total_cost", 0.0, "llm_model",
                         "pii_redaction_count", 0, "pii_redacted_fields", "error", msg,
                         "error_category", category ? category : "validation");
}

const char *compat_default_workflow(void)
{
        return access("workflow.yml", F_OK) == 0 ? "workflow.yml" : NULL;
}

/* `protect scan --text TEXT`: the text becomes stdin (a memfd), scanned as `-`. */
static int text_as_stdin(const char *text)
{
        int fd = memfd_create("akios-text", MFD_CLOEXEC);
        size_t len = strlen(text), off = 0;

        if (fd < 0)
                return -errno;
        while (off < len) {
                ssize_t n = write(fd, text + off, len - off);

                if (n < 0) {
                        close(fd);
                        return -errno;
                }
                off += (size_t)n;
        }
        if (lseek(fd, 0, SEEK_SET) < 0 || dup2(fd, STDIN_FILENO) < 0) {
                close(fd);
                return -errno;
        }
        close(fd);
        return 0;
}

/* Drop argv[i] (argv stays NULL-terminated). */
static void drop_arg(int *argc, char **argv, int i)
{
        memmove(&argv[i], &argv[i + 1], (size_t)(*argc - i) * sizeof(*argv));
        (*argc)--;
}

static int clean_as_output(int *argc, char ***argvp)
{
        char **old = *argvp, **v = calloc((size_t)*argc + 4, sizeof(*v));
        int n = 0;

        if (!v)
                return EXIT_FAIL;
        v[n++] = old[0];
        v[n++] = (char *)"output";
        v[n++] = (char *)"clean";
        for (int i = 2; i < *argc; i++)
                v[n++] = streq(old[i], "--old-runs") ? (char *)"--max-age" : old[i];
        v[n++] = (char *)"--max-count";
        v[n++] = (char *)"1000000000";
        v[n] = NULL;
        *argc = n;
        *argvp = v;     /* lives as long as the process */
        return 0;
}

int compat_rewrite(int *argc, char ***argvp)
{
        char **argv = *argvp;
        const char *cmd = *argc > 1 ? argv[1] : NULL;

        if (!cmd)
                return 0;
        /* `--debug` anywhere before `--`: AKIOS's debug switch (AKIOS_DEBUG=1 does the same). */
        for (int i = 1; i < *argc && !streq(argv[i], "--"); i++)
                if (streq(argv[i], "--debug")) {
                        setenv("AKIOS_DEBUG", "1", 1);
                        drop_arg(argc, argv, i--);
                }
        cmd = *argc > 1 ? argv[1] : NULL;
        if (!cmd)
                return 0;
        if (streq(cmd, "workflow") && *argc > 2 && streq(argv[2], "validate")) {
                drop_arg(argc, argv, 1);        /* workflow validate -> validate */
                return 0;
        }
        if (streq(cmd, "audit") && *argc > 2 && streq(argv[2], "log")) {
                argv[2] = (char *)"show";       /* audit log -> audit show */
                for (int i = 3; i < *argc; i++)
                        if (streq(argv[i], "--limit") || streq(argv[i], "-n"))
                                argv[i] = (char *)"--last";
                return 0;
        }
        if (streq(cmd, "status"))
                for (int i = 2; i < *argc; i++)
                        if (streq(argv[i], "--security")) {
                                argv[1] = (char *)"doctor";     /* status --security */
                                drop_arg(argc, argv, i);
                                return 0;
                        }
        /* clean --old-runs N (days, AKIOS) / --all / --yes: output clean, by age only. */
        if (streq(cmd, "clean"))
                for (int i = 2; i < *argc; i++)
                        if (streq(argv[i], "--old-runs") || streq(argv[i], "--all"))
                                return clean_as_output(argc, argvp);
        if (streq(cmd, "doctor"))
                for (int i = 2; i < *argc; i++)
                        if (streq(argv[i], "--verbose"))
                                drop_arg(argc, argv, i--);      /* doctor prints every check */
        if (streq(cmd, "protect") && *argc > 2 && streq(argv[2], "scan"))
                for (int i = 3; i + 1 < *argc; i++)
                        if (streq(argv[i], "--text")) {
                                int r = text_as_stdin(argv[i + 1]);

                                if (r < 0) {
                                        log_error("protect scan --text: %s", strerror(-r));
                                        return EXIT_FAIL;
                                }
                                drop_arg(argc, argv, i);
                                argv[i] = (char *)"-";
                                return 0;
                        }
        return 0;
}
