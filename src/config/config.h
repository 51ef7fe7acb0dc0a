/* SPDX-License-Identifier: GPL-3.0-or-later */
/* config: config.yaml + .env + AKIOS_<KEY> overrides into one typed, validated policy.
 *
 * Order (later wins): built-in defaults, config.yaml, AKIOS_<KEY> environment variables.
 * `.env` lines are loaded into the environment first, without replacing variables that are
 * already set (the environment wins over .env). One table of keys (config_keys[]) drives
 * parsing, defaults, validation, `akios init`'s config.yaml and `--help`.
 *
 * Errors: unknown or duplicate keys, wrong types and out-of-range values fail with a diag
 * holding file:line:col (or the variable name for AKIOS_* overrides). Nothing is ignored.
 * AKIOS_* variables that name no key are ignored (CONTRACTS §5).
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#include "util/util.h"

/* Largest price config accepts for model_prices, USD per 1M tokens (the budget uses it too). */
#define CONFIG_PRICE_MAX_PER_1M 100000.0

enum redaction_strategy { REDACT_MASK, REDACT_HASH, REDACT_PARTIAL, REDACT_REMOVE };
/* none: run tool steps even where not even the cage's floor can be built (issue 10) */
enum sandbox_required { SANDBOX_BEST_EFFORT, SANDBOX_STRICT, SANDBOX_NONE };
enum fsync_mode { FSYNC_ALWAYS, FSYNC_BATCH };
enum environment { ENV_DEVELOPMENT, ENV_TESTING, ENV_PRODUCTION };
enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARNING, LOG_ERROR };
/* Marker names of mask redaction: akios's (Presidio's entity names, CONTRACTS §8) or AKIOS's
 * ([EMAIL], [PHONE_US], [SSN], ...) for pipelines that expect those. */
enum redaction_markers { MARKERS_PRESIDIO, MARKERS_AKIOS };

struct akios_config {
        bool sandbox_enabled;
        double cpu_limit;          /* fraction of one CPU, (0, 1] */
        long memory_limit_mb;      /* cage memory.max / RLIMIT_AS */
        long max_open_files;       /* cage RLIMIT_NOFILE */
        long max_file_size_mb;     /* filesystem agent and cage RLIMIT_FSIZE */
        bool network_access_allowed;
        struct strv allowed_domains;
        bool pii_redaction_enabled;
        int redaction_strategy;    /* enum redaction_strategy */
        bool pii_redaction_outputs;
        bool pii_detect_names;     /* PERSON, STREET_ADDRESS, LOCATION (src/pii/names.c) */
        bool cost_kill_enabled;
        long max_tokens_per_call;
        double budget_limit_per_run; /* USD */
        bool audit_enabled;
        bool audit_export_enabled;
        char *audit_storage_path;
        struct strv allowed_commands;
        /* Environment variables a workflow's ${VAR} may read (CONTRACTS §5, §6); any other
         * non-secret name is refused at load. Secrets stay header-only whatever this says. */
        struct strv allowed_env_vars;
        /* The ceiling of the filesystem agent: project-relative folders, cleaned. A step's
         * config.allowed_paths may only name folders inside these (monotone policy). */
        struct strv allowed_paths;
        int environment;           /* enum environment */
        int log_level;             /* enum log_level */
        int sandbox_required;      /* enum sandbox_required */
        int fsync;                 /* enum fsync_mode */
        /* Kill-switches (exit 4, a ledger event, the reason in output.json). */
        long max_tokens_per_run;   /* input + output tokens of a run; 0: no token limit */
        long workflow_timeout;     /* wall-clock seconds of a whole run */
        long max_steps_per_run;    /* step attempts a run may start */
        int redaction_markers;     /* enum redaction_markers */
        /* `audit prune` defaults (0: disabled). */
        long audit_retention_days; /* prune archived segments older than this */
        long audit_archive_days;   /* compress those older than this (refused: not built) */
        long audit_rotate_events;  /* rotate at the end of a run past this many events (0: never) */
        /* Accepted from AKIOS configs for compatibility. */
        char *audit_export_format; /* only "json" */
        bool mock_llm;
        struct strv allowed_providers; /* empty: every provider */
        struct strv allowed_models;    /* empty: every model */
        json_t *model_prices;      /* {"model": {"input": usd_per_1M, "output": usd_per_1M}};
                                    * an empty object by default, NULL only after config_free */

        /* One line per AKIOS key set to a value that has no effect in akios, with where it
         * was set ("config.yaml:3:1: 'ui_theme' ..."); the CLI prints them once. */
        struct strv notices;

        /* Where it came from. */
        char *project_dir;         /* absolute; NULL outside a project */
        char *config_path;         /* absolute; NULL when only defaults */
};

/* Fill every key with its default. */
int config_defaults(struct akios_config *c);
/* Load `path` (config.yaml) over the defaults, then the AKIOS_* environment.
 * path may be NULL: defaults + environment only. With a path, the `.env` next to it is loaded
 * into the environment first (dotenv_load). *c is overwritten (not freed) first; on failure
 * it is freed, and d says where and why. */
int config_load(struct akios_config *c, const char *path, struct diag *d);
/* Apply AKIOS_<KEY> variables (called by config_load). */
int config_apply_env(struct akios_config *c, struct diag *d);
/* Load KEY=VALUE lines of a .env file into the environment; existing variables win.
 * A missing file is not an error. */
int dotenv_load(const char *path, struct diag *d);

/* Known secrets (docs/design/CONTRACTS.md §5): every variable .env defines (but AKIOS_*
 * overrides), and every variable whose name says it holds a credential (KEY, TOKEN, SECRET,
 * PASSWORD, PASSWD, CREDENTIAL, AUTH, in any case). Their values are scrubbed at every
 * boundary; a workflow may place them only in HTTP header values. */
bool config_is_secret_name(const char *name);
/* The names .env defined, in file order (empty before dotenv_load). */
const struct strv *dotenv_names(void);

/* Clean a project-relative folder of an allowed_paths list in place ("./a//b/" -> "a/b").
 * Returns NULL, or why it is refused: absolute, '..', the project itself, or a control file
 * (audit, .env, config.yaml). Used for config.yaml's ceiling and a step's narrowing. */
const char *config_path_clean(char *s);
void config_free(struct akios_config *c);

/* Walk up from the working directory to the first folder holding config.yaml.
 * Returns 0 with *ret (malloc'd absolute path of that folder, not of the file) or -ENOENT. */
int project_find(char **ret);

/* Enum name helpers (the strings of config.yaml). */
const char *redaction_strategy_name(int s);

/* Document every key: "name: default  # doc" lines, used by init and --help. */
int config_write_yaml(struct buf *out);
int config_describe(struct buf *out);
/* Every stored key and its value as JSON (enums by name, model_prices as an object); NULL
 * on allocation failure. For `status --json` and tests. */
json_t *config_to_json(const struct akios_config *c);
