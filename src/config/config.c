/* SPDX-License-Identifier: GPL-3.0-or-later */
/* config: the key table and everything it drives (defaults, config.yaml, AKIOS_* overrides,
 * the config.yaml that `akios init` writes, --help text and a JSON view).
 *
 * One static table, config_keys[], names every key with its type, struct offset, default
 * (as YAML text), range or allowed values and a one-line doc. Each type has one entry in
 * config_type_ops[] with its setter, its "what we want" text, its JSON view and its destructor; no
 * code branches on key names. Defaults and environment values are turned into the same YAML
 * nodes a file gives, so one setter validates all three sources.
 *
 * It does not read .env syntax or walk directories (dotenv.c does), does not parse YAML itself
 * (util/yaml.c does) and never prints: every failure fills the diag and returns -errno.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <strings.h>

#include "config/config.h"
#include "config/keys.h"
#include "util/yaml.h"

#define ENV_PREFIX "AKIOS_"
#define ENV_VALUE_MAX (64 * 1024) /* cap on one AKIOS_* value */
#define PRICE_MAX CONFIG_PRICE_MAX_PER_1M /* USD per 1M tokens */

#define AT(f) offsetof(struct akios_config, f)

static const struct enum_value redaction_values[] = {
        { "mask", REDACT_MASK }, { "hash", REDACT_HASH }, { "partial", REDACT_PARTIAL },
        { "remove", REDACT_REMOVE }, { NULL, 0 },
};
static const struct enum_value sandbox_required_values[] = {
        { "best-effort", SANDBOX_BEST_EFFORT }, { "strict", SANDBOX_STRICT },
        { "none", SANDBOX_NONE }, { NULL, 0 },
};
static const struct enum_value fsync_values[] = {
        { "always", FSYNC_ALWAYS }, { "batch", FSYNC_BATCH }, { NULL, 0 },
};
static const struct enum_value environment_values[] = {
        { "development", ENV_DEVELOPMENT }, { "testing", ENV_TESTING },
        { "production", ENV_PRODUCTION }, { NULL, 0 },
};
static const struct enum_value log_level_values[] = {
        { "debug", LOG_DEBUG }, { "info", LOG_INFO }, { "warning", LOG_WARNING },
        { "error", LOG_ERROR }, { NULL, 0 },
};
static const struct enum_value markers_values[] = {
        { "presidio", MARKERS_PRESIDIO }, { "akios", MARKERS_AKIOS }, { NULL, 0 },
};
static const struct enum_value only_json[] = { { "json", 0 }, { NULL, 0 } };
static const struct enum_value only_regex[] = { { "regex", 0 }, { NULL, 0 } };
static const struct enum_value only_jsonl[] = { { "jsonl", 0 }, { NULL, 0 } };

static const struct config_key config_keys[] = {
        { "sandbox_enabled", K_BOOL, AT(sandbox_enabled), "true", 0, 0, NULL, F_MUST_BE_TRUE,
          "must be true: tool steps always run in the cage (false is refused)" },
        { "cpu_limit", K_NUMBER, AT(cpu_limit), "0.8", 0, 1, NULL, F_MIN_OPEN,
          "fraction of one CPU the cage may use" },
        { "memory_limit_mb", K_INTEGER, AT(memory_limit_mb), "256", 16, 1048576, NULL, 0,
          "cage memory limit in MiB (memory.max / RLIMIT_AS)" },
        { "max_open_files", K_INTEGER, AT(max_open_files), "100", 16, 1048576, NULL, 0,
          "cage RLIMIT_NOFILE" },
        { "max_file_size_mb", K_INTEGER, AT(max_file_size_mb), "10", 1, 1048576, NULL, 0,
          "largest file a step may write, in MiB (RLIMIT_FSIZE)" },
        { "network_access_allowed", K_BOOL, AT(network_access_allowed), "false", 0, 0, NULL, 0,
          "let the HTTP agent reach any host (LLM calls are always allowed)" },
        { "allowed_domains", K_HOSTS, AT(allowed_domains), "[]", 0, 0, NULL, 0,
          "hosts the HTTP agent may reach when network access is off (subdomains match)" },
        { "pii_redaction_enabled", K_BOOL, AT(pii_redaction_enabled), "true", 0, 0, NULL, 0,
          "redact PII in inputs and prompts" },
        { "redaction_strategy", K_ENUM, AT(redaction_strategy), "mask", 0, 0, redaction_values,
          0, "how PII is replaced" },
        { "pii_redaction_outputs", K_BOOL, AT(pii_redaction_outputs), "true", 0, 0, NULL, 0,
          "redact PII in LLM and step outputs" },
        { "pii_detect_names", K_BOOL, AT(pii_detect_names), "true", 0, 0, NULL, 0,
          "find people's names, street addresses and places (PERSON, STREET_ADDRESS, LOCATION)" },
        { "cost_kill_enabled", K_BOOL, AT(cost_kill_enabled), "true", 0, 0, NULL, 0,
          "stop a run when its budget is spent" },
        { "max_tokens_per_call", K_INTEGER, AT(max_tokens_per_call), "1000", 1, 10000000, NULL,
          0, "largest prompt, in estimated tokens, one LLM call may send" },
        { "budget_limit_per_run", K_NUMBER, AT(budget_limit_per_run), "1.0", 0, 1e6, NULL,
          F_MIN_OPEN, "most one run may spend, in USD" },
        { "audit_enabled", K_BOOL, AT(audit_enabled), "true", 0, 0, NULL, 0,
          "write every step to the audit ledger" },
        { "audit_export_enabled", K_BOOL, AT(audit_export_enabled), "true", 0, 0, NULL, 0,
          "allow `akios audit export`" },
        { "audit_storage_path", K_STRING, AT(audit_storage_path), "./audit/", 0, 0, NULL, 0,
          "folder of the audit ledger (relative to the project)" },
        { "allowed_paths", K_PATHS, AT(allowed_paths), "[templates, data/input, data/output]", 0,
          0, NULL, 0, "folders (inside the project) filesystem steps may use; a workflow can "
          "only narrow this list. audit/, .env and config.yaml are never reachable" },
        { "allowed_commands", K_COMMANDS, AT(allowed_commands),
          "[echo, cat, grep, head, tail, wc, ls, pwd, date]", 0, 0, NULL, 0,
          "commands tool steps may run" },
        { "allowed_env_vars", K_NAMES, AT(allowed_env_vars), "[]", 0, 0, NULL, 0,
          "environment variables a workflow's ${VAR} may read (besides AKIOS_LLM_PROVIDER and "
          "AKIOS_LLM_MODEL); .env secrets go only in HTTP headers, whatever this lists" },
        { "environment", K_ENUM, AT(environment), "development", 0, 0, environment_values, 0,
          "deployment environment" },
        { "log_level", K_ENUM, AT(log_level), "info", 0, 0, log_level_values, F_ICASE,
          "least severe message that is logged" },
        { "sandbox_required", K_ENUM, AT(sandbox_required), "best-effort", 0, 0,
          sandbox_required_values, 0,
          "strict: refuse to run (exit 7) when a cage layer is missing; none: run tool "
          "steps even where not even the cage's floor (Landlock + seccomp) can be built" },
        { "fsync", K_ENUM, AT(fsync), "always", 0, 0, fsync_values, 0,
          "fsync the audit ledger after every event, or once per batch" },
        { "max_tokens_per_run", K_INTEGER, AT(max_tokens_per_run), "0", 0, 1e12, NULL, 0,
          "kill-switch: most tokens (input + output) one run may use; 0: no token limit "
          "(budget_limit_per_run still applies)" },
        { "workflow_timeout", K_INTEGER, AT(workflow_timeout), "1800", 1, 604800, NULL, 0,
          "kill-switch: wall-clock limit of a whole run, in seconds" },
        { "max_steps_per_run", K_INTEGER, AT(max_steps_per_run), "100", 1, 100000, NULL, 0,
          "kill-switch: most steps (each attempt counts) one run may start" },
        { "audit_rotate_events", K_INTEGER, AT(audit_rotate_events), "0", 0, 1e12, NULL, 0,
          "rotate the audit ledger (`akios audit rotate`) at the end of a run once its live "
          "segment holds at least this many events (0: never)" },
        { "redaction_markers", K_ENUM, AT(redaction_markers), "presidio", 0, 0, markers_values,
          0, "mask marker names: presidio ([EMAIL_ADDRESS]) or akios (AKIOS's [EMAIL])" },
        { "model_prices", K_PRICES, AT(model_prices), "{}", 0, PRICE_MAX, NULL, 0,
          "extra or changed prices: model: {input: USD per 1M tokens, output: USD per 1M}" },
        /* AKIOS compatibility. */
        { "audit_export_format", K_STRING, AT(audit_export_format), "json", 0, 0, only_json,
          F_COMPAT, "audit export format" },
        { "mock_llm", K_BOOL, AT(mock_llm), "false", 0, 0, NULL, F_COMPAT,
          "answer LLM steps with a local mock instead of a provider" },
        { "allowed_providers", K_NAMES, AT(allowed_providers), "[]", 0, 0, NULL, F_COMPAT,
          "LLM providers steps may use (empty: every provider)" },
        { "allowed_models", K_NAMES, AT(allowed_models), "[]", 0, 0, NULL, F_COMPAT,
          "LLM models steps may use (empty: every model)" },
        { "pii_redaction_aggressive", K_BOOL, NOT_STORED, "false", 0, 0, NULL,
          F_COMPAT | F_INERT, "accepted; no effect (akios always runs every detector)" },
        { "pii_backend", K_STRING, NOT_STORED, "regex", 0, 0, only_regex, F_COMPAT,
          "PII detector", "akios has no Presidio backend; its built-in detector (regex with "
          "checksum validators, entity names as Presidio's) is 'regex'" },
        { "audit_backend", K_STRING, NOT_STORED, "jsonl", 0, 0, only_jsonl, F_COMPAT,
          "audit storage", "akios keeps one JSONL ledger with a signed Merkle checkpoint; use "
          "'jsonl', and 'akios audit export' to load it into a database" },
        { "ui_theme", K_STRING, NOT_STORED, "default", 0, 0, NULL, F_COMPAT | F_INERT,
          "accepted; no effect (akios has no terminal themes)" },
        { "ui_custom_theme", K_STRING, NOT_STORED, "null", 0, 0, NULL, F_COMPAT | F_INERT,
          "accepted; no effect (akios has no terminal themes)" },
        { "audit_retention_days", K_INTEGER, AT(audit_retention_days), "0", 0, 36500, NULL,
          F_COMPAT, "`audit prune` default: remove the events of archived segments older "
          "than this many days, keeping their signed checkpoints (0: never)" },
        { "audit_archive_days", K_INTEGER, AT(audit_archive_days), "0", 0, 36500, NULL,
          F_COMPAT, "`audit prune` default for --archive-days: compressing segments is not "
          "built, so prune refuses any value but 0 (0: never)" },
        { "use_enforcecore", K_BOOL, NOT_STORED, "false", 0, 0, NULL,
          F_COMPAT | F_MUST_BE_FALSE, "the optional enforcecore library is not supported",
          "akios does not load the enforcecore library; its secret scanning and path, command "
          "and domain rules are built in and always on" },
        { "enforcecore_content_rules", K_BOOL, NOT_STORED, "true", 0, 0, NULL,
          F_COMPAT | F_INERT, "accepted; no effect (content rules are built in)" },
        { "enforcecore_secret_scan", K_BOOL, NOT_STORED, "true", 0, 0, NULL,
          F_COMPAT | F_INERT, "accepted; no effect (secret scanning is built in)" },
};

static const struct config_key *find_key(const char *name)
{
        for (size_t i = 0; i < ARRAY_SIZE(config_keys); i++)
                if (streq(config_keys[i].name, name))
                        return &config_keys[i];
        return NULL;
}

/* ---- text (defaults, environment) to nodes ------------------------------ */

static struct ynode *scalar_node(const char *s, size_t len, bool plain)
{
        struct ynode *n = calloc(1, sizeof(*n));

        if (!n)
                return NULL;
        n->type = Y_SCALAR;
        n->plain = plain;
        n->line = n->col = 1;
        n->len = len;
        n->str = strndup(s, len);
        if (!n->str) {
                free(n);
                return NULL;
        }
        return n;
}

static int push_item(struct ynode *parent, struct ynode *child)
{
        if (!child)
                return -ENOMEM;
        if (parent->n == parent->cap) {
                size_t cap = parent->cap ? parent->cap * 2 : 8;
                struct ynode **v = realloc(parent->items, cap * sizeof(*v));

                if (!v) {
                        ynode_free(child);
                        return -ENOMEM;
                }
                parent->items = v;
                parent->cap = cap;
        }
        parent->items[parent->n++] = child;
        return 0;
}

/* "echo, ls" as a list node; "" is the empty list. Entries are trimmed strings (never typed or
 * null); empty ones are kept and then refused by the entry check, so "a,,b" is an error, not
 * a silent skip. */
static int comma_list(const char *text, struct ynode **ret)
{
        struct ynode *seq = calloc(1, sizeof(*seq));
        const char *p = text;

        if (!seq)
                return -ENOMEM;
        seq->type = Y_SEQ;
        seq->line = seq->col = 1;
        while (*text && *p) {
                const char *end = strchrnul(p, ',');
                const char *a = p, *b = end;
                int r;

                while (a < b && isspace((unsigned char)*a))
                        a++;
                while (b > a && isspace((unsigned char)b[-1]))
                        b--;
                r = push_item(seq, scalar_node(a, (size_t)(b - a), false));
                if (r < 0) {
                        ynode_free(seq);
                        return r;
                }
                p = *end ? end + 1 : end;
                if (*end && !*p && (r = push_item(seq, scalar_node("", 0, false))) < 0) {
                        ynode_free(seq);
                        return r;
                }
        }
        *ret = seq;
        return 0;
}

/* A value given as text (a default or an environment variable) as the node a file would give:
 * scalars stay whole, lists are JSON/YAML flow ("[a, b]") or comma-separated, mappings are
 * JSON/YAML flow. */
static int text_to_node(const struct config_key *k, const char *name, const char *text,
                        struct ynode **ret, struct diag *d)
{
        enum shape shape = config_type_ops[k->type].shape;
        const char *t = text + strspn(text, " \t");
        struct yaml_caps caps = YAML_CAPS_DEFAULT;
        struct ynode *n = NULL;
        int r;

        if (strlen(text) > ENV_VALUE_MAX) {
                diag_set(d, name, 0, 0, "value is longer than %d bytes", ENV_VALUE_MAX);
                return -E2BIG;
        }
        if (shape == SHAPE_SCALAR) {
                n = scalar_node(text, strlen(text), true);
                if (!n)
                        return -ENOMEM;
        } else if (shape == SHAPE_LIST && *t != '[') {
                r = comma_list(text, &n);
                if (r < 0)
                        return r;
        } else {
                caps.max_bytes = ENV_VALUE_MAX;
                r = yaml_parse(name, t, strlen(t), &caps, &n, d);
                if (r < 0)
                        return r;
                if (!n && !(n = scalar_node("", 0, true)))
                        return -ENOMEM;
        }
        *ret = n;
        return 0;
}

/* ---- public ------------------------------------------------------------- */

const char *redaction_strategy_name(int s)
{
        for (size_t i = 0; redaction_values[i].name; i++)
                if (redaction_values[i].value == s)
                        return redaction_values[i].name;
        return "unknown";
}

void config_free(struct akios_config *c)
{
        if (!c)
                return;
        for (size_t i = 0; i < ARRAY_SIZE(config_keys); i++)
                if (config_keys[i].offset != NOT_STORED)
                        config_type_ops[config_keys[i].type].free(c, &config_keys[i]);
        strv_free(&c->notices);
        free(c->project_dir);
        free(c->config_path);
        c->project_dir = c->config_path = NULL;
}

static int apply_text(struct akios_config *c, const struct config_key *k, const char *name,
                      const char *text, bool env, struct diag *d)
{
        struct origin o = { .file = name, .env = env, .key = k->name, .d = d };
        struct ynode *n = NULL;
        int r;

        r = text_to_node(k, name, text, &n, d);
        if (r < 0)
                return r;
        r = config_type_ops[k->type].set(c, k, n, &o);
        ynode_free(n);
        return r;
}

int config_defaults(struct akios_config *c)
{
        int r;

        memset(c, 0, sizeof(*c));
        for (size_t i = 0; i < ARRAY_SIZE(config_keys); i++) {
                r = apply_text(c, &config_keys[i], config_keys[i].name, config_keys[i].def,
                               false, NULL);
                if (r < 0) {
                        config_free(c);
                        return r;
                }
        }
        return 0;
}

/* An AKIOS key that means nothing here, set to something else than its default: one line
 * for the CLI to print (the value is accepted, so AKIOS configs load unchanged). */
static int inert_notice(struct akios_config *c, const struct config_key *k,
                        const struct ynode *v, const char *where, unsigned line, unsigned col)
{
        char *msg = NULL;

        if (!(k->flags & F_INERT) || (v->type == Y_SCALAR && (yscalar_is_null(v) ||
                                      strcasecmp(v->str, k->def) == 0)))
                return 0;
        if ((line ? asprintf(&msg, "%s:%u:%u: %s: %s", where, line, col, k->name, k->doc)
                  : asprintf(&msg, "%s: %s", where, k->doc)) < 0)
                return -ENOMEM;
        return strv_push_take(&c->notices, msg);
}

int config_apply_env(struct akios_config *c, struct diag *d)
{
        for (size_t i = 0; i < ARRAY_SIZE(config_keys); i++) {
                const struct config_key *k = &config_keys[i];
                char var[64];
                const char *v;
                int r;

                snprintf(var, sizeof(var), ENV_PREFIX "%s", k->name);
                for (size_t j = strlen(ENV_PREFIX); var[j]; j++)
                        var[j] = (char)toupper((unsigned char)var[j]);
                v = getenv(var);
                if (!v)
                        continue;
                r = apply_text(c, k, var, v, true, d);
                if (r < 0)
                        return r;
                r = inert_notice(c, k, &(struct ynode){ .type = Y_SCALAR, .str = (char *)v,
                                                        .len = strlen(v) }, var, 0, 0);
                if (r < 0)
                        return r;
        }
        return 0;
}

/* Every top-level key of the file through the table. */
static int apply_file(struct akios_config *c, const char *path, const struct ynode *root,
                      struct diag *d)
{
        if (!root)
                return 0; /* an empty file: all defaults */
        if (root->type != Y_MAP) {
                diag_set(d, path, root->line, root->col,
                         "config must be a mapping of keys to values, not %s", ynode_kind(root));
                return -EINVAL;
        }
        for (size_t i = 0; i + 1 < root->n; i += 2) {
                const struct ynode *key = root->items[i];
                const struct config_key *k = find_key(key->str);
                struct origin o = { .file = path, .key = key->str, .d = d };
                int r;

                if (!k) {
                        diag_set(d, path, key->line, key->col, "unknown key '%.80s'", key->str);
                        return -EINVAL;
                }
                r = config_type_ops[k->type].set(c, k, root->items[i + 1], &o);
                if (r < 0)
                        return r;
                r = inert_notice(c, k, root->items[i + 1], path, key->line, key->col);
                if (r < 0)
                        return r;
        }
        return 0;
}

/* Absolute config path and its directory; then the .env next to it. */
static int set_origin(struct akios_config *c, const char *path, struct diag *d)
{
        _cleanup_free_ char *abs = realpath(path, NULL);
        _cleanup_free_ char *env = NULL;
        char *slash;

        if (!abs) {
                int r = -errno;

                diag_set(d, path, 0, 0, "cannot read: %s", strerror(errno));
                return r;
        }
        c->config_path = strdup(abs);
        slash = strrchr(abs, '/');
        if (slash)
                *(slash == abs ? slash + 1 : slash) = '\0';
        c->project_dir = strdup(abs);
        if (!c->config_path || !c->project_dir)
                return -ENOMEM;
        if (asprintf(&env, "%s/.env", streq(c->project_dir, "/") ? "" : c->project_dir) < 0)
                return -ENOMEM;
        return dotenv_load(env, d);
}

/* Rules across keys, checked once every source is applied (AKIOS refuses the same). */
static int check_combinations(const struct akios_config *c, const char *path, struct diag *d)
{
        if (c->environment == ENV_PRODUCTION && !c->sandbox_enabled) {
                diag_set(d, path ? path : "config", 0, 0,
                         "sandbox_enabled cannot be false when environment is production");
                return -EINVAL;
        }
        return 0;
}

int config_load(struct akios_config *c, const char *path, struct diag *d)
{
        const struct yaml_caps caps = YAML_CAPS_DEFAULT;
        struct ynode *root = NULL;
        int r;

        r = config_defaults(c);
        if (r < 0)
                return r;
        if (path) {
                r = set_origin(c, path, d);
                if (r >= 0)
                        r = yaml_load_file(path, &caps, &root, d);
                if (r >= 0)
                        r = apply_file(c, path, root, d);
                ynode_free(root);
        }
        if (r >= 0)
                r = config_apply_env(c, d);
        if (r >= 0)
                r = check_combinations(c, path, d);
        if (r < 0) {
                config_free(c);
                return r;
        }
        return 0;
}

json_t *config_to_json(const struct akios_config *c)
{
        json_t *j = json_object();

        for (size_t i = 0; j && i < ARRAY_SIZE(config_keys); i++) {
                const struct config_key *k = &config_keys[i];

                if (k->offset == NOT_STORED)
                        continue;
                if (json_object_set_new(j, k->name, config_type_ops[k->type].to_json(c, k)) < 0) {
                        json_decref(j);
                        return NULL;
                }
        }
        return j;
}

int config_write_yaml(struct buf *out)
{
        bool compat = false;
        int r;

        r = buf_puts(out, "# akios configuration: every key with its default.\n"
                          "# Any key can be overridden with the environment variable "
                          "AKIOS_<KEY>, e.g. AKIOS_CPU_LIMIT=0.5.\n\n");
        for (size_t i = 0; r >= 0 && i < ARRAY_SIZE(config_keys); i++) {
                const struct config_key *k = &config_keys[i];

                if ((k->flags & F_COMPAT) && !compat) {
                        compat = true;
                        r = buf_puts(out, "\n# Accepted for compatibility with AKIOS "
                                          "config files.\n");
                        if (r < 0)
                                break;
                }
                r = buf_printf(out, "%s: %s  # %s\n", k->name, k->def, k->doc);
        }
        return r < 0 ? r : 0;
}

int config_describe(struct buf *out)
{
        int r = 0;

        for (size_t i = 0; r >= 0 && i < ARRAY_SIZE(config_keys); i++) {
                const struct config_key *k = &config_keys[i];
                char want[256];

                config_type_ops[k->type].want(k, want, sizeof(want));
                r = buf_printf(out, "  %s (%s, default %s)\n      %s; %s.\n", k->name,
                               config_type_ops[k->type].name, k->def, k->doc, want);
        }
        return r < 0 ? r : 0;
}
