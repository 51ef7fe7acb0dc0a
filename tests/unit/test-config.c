/* SPDX-License-Identifier: GPL-3.0-or-later */
/* config: defaults, config.yaml, AKIOS_* overrides, .env, project_find, init's config.yaml.
 *
 * The key table below covers every key of config.c: its default, a file value, an environment
 * value and a bad file value with its exact file:line:col. Files live under a mkdtemp folder.
 */
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "tap.h"
#include "config/config.h"

static char tmp[512]; /* short, so paths built from it always fit */

struct key_case {
        const char *key;
        const char *def;      /* default as JSON; NULL: the key is accepted but not stored */
        const char *good;     /* config.yaml value */
        const char *good_json;
        const char *env;      /* AKIOS_<KEY> value */
        const char *env_json;
        const char *bad;      /* config.yaml value that must fail */
        unsigned bad_off;     /* column of the error, relative to the value */
        const char *bad_msg;  /* fragment of the message */
        const char *env_bad;  /* AKIOS_<KEY> value that must fail, or NULL */
};

static const struct key_case cases[] = {
        { "sandbox_enabled", "true", "yes", "true", "1", "true", "false", 0,
          "false is not supported: akios never runs tool steps outside the cage", "0" },
        { "cpu_limit", "0.8", "0.5", "0.5", "0.25", "0.25", "1.5", 0,
          "must be a number in (0, 1]", "0" },
        { "memory_limit_mb", "256", "512", "512", "1024", "1024", "8", 0,
          "must be an integer in 16..1048576", "1048577" },
        { "max_open_files", "100", "200", "200", "64", "64", "1048577", 0,
          "must be an integer in 16..1048576", "15" },
        { "max_file_size_mb", "10", "20", "20", "1", "1", "0", 0,
          "must be an integer in 1..1048576", "1.5" },
        { "network_access_allowed", "false", "yes", "true", "TRUE", "true", "2", 0,
          "must be true or false", "maybe" },
        { "allowed_domains", "[]", "[Example.COM, api.test.org]",
          "[\"example.com\",\"api.test.org\"]",
          "a.com, B.org", "[\"a.com\",\"b.org\"]", "[ok.com, \"https://x.com\"]", 9,
          "not a URL", "x.com:443" },
        { "pii_redaction_enabled", "true", "false", "false", "no", "false", "[]", 0,
          "must be true or false, not a list", "nope" },
        { "redaction_strategy", "\"mask\"", "hash", "\"hash\"", "partial", "\"partial\"", "blur",
          0, "must be one of 'mask', 'hash', 'partial', 'remove'", "MASK" },
        { "pii_redaction_outputs", "true", "off", "false", "false", "false", "\"true\"", 0,
          "must be true or false", "" },
        { "pii_detect_names", "true", "false", "false", "off", "false", "names", 0,
          "must be true or false", "2" },
        { "cost_kill_enabled", "true", "false", "false", "0", "false", "1.0", 0,
          "must be true or false", "1.0" },
        { "max_tokens_per_call", "1000", "5000", "5000", "1", "1", "10000001", 0,
          "must be an integer in 1..10000000", "0" },
        { "budget_limit_per_run", "1.0", "2.5", "2.5", "0.5", "0.5", "0", 0,
          "must be a number in (0, 1e+06]", "-1" },
        { "audit_enabled", "true", "false", "false", "off", "false", "{a: 1}", 0,
          "must be true or false, not a mapping", "x" },
        { "audit_export_enabled", "true", "false", "false", "no", "false", "null", 0,
          "must be true or false, not null", "" },
        { "audit_storage_path", "\"./audit/\"", "/var/lib/akios", "\"/var/lib/akios\"",
          "logs/audit", "\"logs/audit\"", "\"\"", 0, "must be a non-empty string", "" },
        { "allowed_commands", "[\"echo\",\"cat\",\"grep\",\"head\",\"tail\",\"wc\",\"ls\",\"pwd\","
          "\"date\"]", "[echo, ls]", "[\"echo\",\"ls\"]", "[\"cat\",\"wc\"]", "[\"cat\",\"wc\"]",
          "[echo, /bin/sh]", 7, "must be a command name", "echo,rm -rf" },
        { "allowed_env_vars", "[]", "[DB_HOST, REGION]", "[\"DB_HOST\",\"REGION\"]", "REGION",
          "[\"REGION\"]", "[\"DB HOST\"]", 1, "without spaces", "a,,b" },
        { "allowed_paths", "[\"templates\",\"data/input\",\"data/output\"]",
          "[data/input, ./data//output/]", "[\"data/input\",\"data/output\"]", "data/input",
          "[\"data/input\"]", "[data/input, audit]", 13, "is a control file", "../x" },
        { "environment", "\"development\"", "production", "\"production\"", "testing",
          "\"testing\"", "prod", 0, "must be one of 'development', 'testing', 'production'",
          "staging" },
        { "log_level", "\"info\"", "INFO", "\"info\"", "DEBUG", "\"debug\"", "verbose", 0,
          "must be one of 'debug', 'info', 'warning', 'error'", "trace" },
        { "sandbox_required", "\"best-effort\"", "strict", "\"strict\"", "strict", "\"strict\"",
          "yes", 0, "must be one of 'best-effort', 'strict'", "never" },
        { "fsync", "\"always\"", "batch", "\"batch\"", "batch", "\"batch\"", "never", 0,
          "must be one of 'always', 'batch'", "sometimes" },
        { "max_tokens_per_run", "0", "50000", "50000", "1000", "1000", "-1", 0,
          "must be an integer in 0..1000000000000", "x" },
        { "workflow_timeout", "1800", "60", "60", "3600", "3600", "0", 0,
          "must be an integer in 1..604800", "604801" },
        { "max_steps_per_run", "100", "10", "10", "500", "500", "0", 0,
          "must be an integer in 1..100000", "1.5" },
        { "audit_rotate_events", "0", "50000", "50000", "1000", "1000", "-1", 0,
          "must be an integer in 0..1000000000000", "x" },
        { "redaction_markers", "\"presidio\"", "akios", "\"akios\"", "presidio",
          "\"presidio\"", "AKIOS", 0, "must be one of 'presidio', 'akios'", "x" },
        { "model_prices", "{}", "{gpt-x: {input: 1.5, output: 2}}",
          "{\"gpt-x\":{\"input\":1.5,\"output\":2.0}}", "{\"m\": {\"input\": 0, \"output\": 0.5}}",
          "{\"m\":{\"input\":0.0,\"output\":0.5}}", "{m: {input: -1, output: 1}}", 12,
          "input must be a number in [0, 100000]", "{\"m\": {\"input\": 1}}" },
        { "audit_export_format", "\"json\"", "json", "\"json\"", "json", "\"json\"", "csv", 0,
          "must be 'json'", "xml" },
        { "mock_llm", "false", "true", "true", "1", "true", "x", 0, "must be true or false",
          "2" },
        { "allowed_providers", "[]", "[openai, anthropic]", "[\"openai\",\"anthropic\"]",
          "openai", "[\"openai\"]", "[\"open ai\"]", 1, "without spaces", "a,,b" },
        { "allowed_models", "[]", "[gpt-4o-mini]", "[\"gpt-4o-mini\"]", "[]", "[]", "[\"\"]", 1,
          "is empty", "a," },
        { "pii_redaction_aggressive", NULL, "true", NULL, "false", NULL, "7", 0,
          "must be true or false", "7" },
        { "pii_backend", NULL, "regex", NULL, "regex", NULL, "presidio", 0, "must be 'regex'",
          "presidio" },
        { "audit_backend", NULL, "jsonl", NULL, "jsonl", NULL, "sqlite", 0, "must be 'jsonl'",
          "postgresql" },
        { "ui_theme", NULL, "dark", NULL, "light", NULL, "[]", 0,
          "must be a non-empty string, not a list", "" },
        { "ui_custom_theme", NULL, "null", NULL, "mytheme.yaml", NULL, "[]", 0,
          "must be a non-empty string, not a list", "" },
        { "audit_retention_days", "0", "30", "30", "0", "0", "-1", 0,
          "must be an integer in 0..36500", "x" },
        { "audit_archive_days", "0", "90", "90", "7", "7", "1.5", 0,
          "must be an integer in 0..36500", "-3" },
        { "use_enforcecore", NULL, "false", NULL, "no", NULL, "true", 0,
          "must be false (the only value akios supports)", "1" },
        { "enforcecore_content_rules", NULL, "true", NULL, "false", NULL, "x", 0,
          "must be true or false", "x" },
        { "enforcecore_secret_scan", NULL, "true", NULL, "false", NULL, "[x]", 0,
          "must be true or false", "x" },
};

static void write_text(const char *path, const char *text)
{
        FILE *f = fopen(path, "w");

        if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
                printf("Bail out! cannot write %s\n", path);
                exit(1);
        }
}

static void tmp_path(char *out, size_t size, const char *name)
{
        snprintf(out, size, "%s/%s", tmp, name);
}

static void env_name(char *out, size_t size, const char *key)
{
        snprintf(out, size, "AKIOS_%s", key);
        for (char *p = out; *p; p++)
                if (*p >= 'a' && *p <= 'z')
                        *p = (char)(*p - 'a' + 'A');
}

/* Unset every AKIOS_* variable so the caller's shell cannot change the results. */
static void clear_akios_env(void)
{
        extern char **environ;
        char name[256];

        for (size_t i = 0; environ[i];) {
                const char *eq = strchr(environ[i], '=');

                if (strncmp(environ[i], "AKIOS_", 6) == 0 && eq &&
                    (size_t)(eq - environ[i]) < sizeof(name)) {
                        snprintf(name, sizeof(name), "%.*s", (int)(eq - environ[i]), environ[i]);
                        unsetenv(name);
                        i = 0;
                        continue;
                }
                i++;
        }
}

/* Load `text` as tmp/config.yaml; out gets the formatted diag on failure. */
static int load_text(struct akios_config *c, const char *text, char *out, size_t size)
{
        char path[PATH_MAX];
        struct diag d = {};
        int r;

        tmp_path(path, sizeof(path), "config.yaml");
        write_text(path, text);
        r = config_load(c, path, &d);
        out[0] = '\0';
        if (r < 0)
                diag_format(&d, out, size);
        return r;
}

/* Is the stored value of `key` equal to the JSON text `want`? */
static int value_is(const struct akios_config *c, const char *key, const char *want)
{
        json_t *all = config_to_json(c), *w = json_loads(want, JSON_DECODE_ANY, NULL);
        json_t *got = json_object_get(all, key);
        int same = got && w && json_equal(got, w);

        if (!same) {
                char *g = got ? json_canonical(got) : NULL;

                diag("%s: got %s, want %s", key, g ? g : "(nothing)", want);
                free(g);
        }
        json_decref(all);
        json_decref(w);
        return same;
}

/* The whole stored config as canonical JSON text (caller frees). */
static char *canon(const struct akios_config *c)
{
        json_t *j = config_to_json(c);
        char *s = j ? json_canonical(j) : NULL;

        json_decref(j);
        return s;
}

static bool starts_with(const char *s, const char *prefix)
{
        return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void test_key(const struct key_case *t)
{
        struct akios_config c;
        char text[512], err[1024], want[PATH_MAX + 64], var[128];
        int r;

        is_int(config_defaults(&c), 0, "%s: defaults", t->key);
        if (t->def)
                ok(value_is(&c, t->key, t->def), "%s: default is %s", t->key, t->def);
        else {
                json_t *all = config_to_json(&c);

                ok(all && !json_object_get(all, t->key),
                   "%s: accepted for compatibility, not stored", t->key);
                json_decref(all);
        }
        config_free(&c);

        snprintf(text, sizeof(text), "# a comment\n%s: %s\n", t->key, t->good);
        r = load_text(&c, text, err, sizeof(err));
        is_int(r, 0, "%s: file value '%s' loads %s", t->key, t->good, err);
        if (r == 0 && t->good_json)
                ok(value_is(&c, t->key, t->good_json), "%s: file value stored", t->key);
        config_free(&c);

        env_name(var, sizeof(var), t->key);
        setenv(var, t->env, 1);
        r = config_load(&c, NULL, &(struct diag){});
        is_int(r, 0, "%s: %s=%s loads", t->key, var, t->env);
        if (r == 0 && t->env_json)
                ok(value_is(&c, t->key, t->env_json), "%s: env value stored", t->key);
        config_free(&c);

        if (t->env_bad) {
                struct diag d = {};

                setenv(var, t->env_bad, 1);
                r = config_load(&c, NULL, &d);
                diag_format(&d, err, sizeof(err));
                snprintf(want, sizeof(want), "%s: ", var);
                ok(r == -EINVAL && starts_with(err, want) && d.line == 0,
                   "%s='%s' refused, naming the variable: %s", var, t->env_bad, err);
        }
        unsetenv(var);

        snprintf(text, sizeof(text), "# a comment\n%s: %s\n", t->key, t->bad);
        r = load_text(&c, text, err, sizeof(err));
        snprintf(want, sizeof(want), "%s/config.yaml:2:%zu: ", tmp,
                 strlen(t->key) + 3 + t->bad_off);
        ok(r == -EINVAL && starts_with(err, want) && strstr(err, t->bad_msg),
           "%s: bad value '%s' refused at %s: %s", t->key, t->bad, want, err);
        config_free(&c);
}

static void test_errors(void)
{
        static const struct {
                const char *text;
                const char *where; /* ":line:col: " */
                const char *msg;
        } bad[] = {
                { "sandbox_enabled: true\n\nbogus_key: 1\n", ":3:1: ", "unknown key 'bogus_key'" },
                { "cpu_limit: 0.5\nfsync: batch\ncpu_limit: 0.6\n", ":3:1: ", "duplicate key" },
                { "memory_limit_mb: [1]\n", ":1:18: ",
                  "must be an integer in 16..1048576, not a list" },
                { "memory_limit_mb: 25.5\n", ":1:18: ", "not '25.5'" },
                { "cpu_limit: \"0.5\"\n", ":1:12: ",
                  "not the quoted string '0.5' (drop the quotes)" },
                { "- a\n- b\n", ":1:1: ", "config must be a mapping" },
                { "cpu_limit: [1,\n", ":2:", "YAML syntax error" },
                { "model_prices: {m: {input: 1, output: 2, cache: 3}}\n", ":1:41: ",
                  "unknown price field 'cache'" },
                { "model_prices: {m: {input: 1}}\n", ":1:19: ", "missing 'output' price" },
                { "model_prices: [1]\n", ":1:15: ", "must be a mapping of model names" },
                { "allowed_domains: [example.com/path]\n", ":1:19: ", "no path" },
                { "allowed_domains: [example.com:8080]\n", ":1:19: ", "no port" },
                { "allowed_domains: [a..b]\n", ":1:19: ", "empty label" },
                { "allowed_domains: [[a]]\n", ":1:19: ", "entry 1 must be a string, not a list" },
                { "allowed_commands: [\"echo x\"]\n", ":1:20: ", "must be a command name" },
        };
        struct akios_config c;
        char err[1024], want[PATH_MAX + 16];

        for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
                int r = load_text(&c, bad[i].text, err, sizeof(err));

                snprintf(want, sizeof(want), "%s/config.yaml%s", tmp, bad[i].where);
                ok(r < 0 && starts_with(err, want) && strstr(err, bad[i].msg),
                   "refused at %s with '%s': %s", bad[i].where, bad[i].msg, err);
                config_free(&c);
        }
}

static void test_sources(void)
{
        struct akios_config c, d;
        char err[1024], real[PATH_MAX];
        char *a, *b;
        int r;

        /* An empty file: every default, and where it came from. */
        r = load_text(&c, "", err, sizeof(err));
        is_int(r, 0, "empty config.yaml loads %s", err);
        config_defaults(&d);
        a = canon(&c);
        b = canon(&d);
        is_str(a, b, "empty config.yaml gives the defaults");
        free(a);
        free(b);
        ok(realpath(tmp, real) != NULL, "realpath of the temp folder");
        is_str(c.project_dir, real, "project_dir is the config's folder, absolute");
        ok(c.config_path && starts_with(c.config_path, real) &&
                   strstr(c.config_path, "/config.yaml"), "config_path is absolute");
        config_free(&c);
        config_free(&c);
        config_free(&d);
        ok(c.config_path == NULL && c.allowed_commands.n == 0, "config_free twice is safe");
        ok(config_defaults(&d) == 0 && d.config_path == NULL && d.project_dir == NULL,
           "defaults alone have no origin");
        config_free(&d);

        /* The environment wins over the file; unknown AKIOS_* are ignored. */
        setenv("AKIOS_CPU_LIMIT", "0.3", 1);
        setenv("AKIOS_FOO", "whatever", 1);
        setenv("AKIOS_ALLOWED_COMMANDS", "echo,ls", 1);
        r = load_text(&c, "cpu_limit: 0.9\nallowed_commands: [cat]\nfsync: batch\n", err,
                      sizeof(err));
        is_int(r, 0, "file + env loads %s", err);
        ok(c.cpu_limit == 0.3, "AKIOS_CPU_LIMIT wins over the file");
        ok(c.allowed_commands.n == 2 && streq(c.allowed_commands.v[0], "echo") &&
                   streq(c.allowed_commands.v[1], "ls") && !c.allowed_commands.v[2],
           "AKIOS_ALLOWED_COMMANDS comma list wins over the file");
        is_int(c.fsync, FSYNC_BATCH, "keys without a variable keep the file's value");
        config_free(&c);
        unsetenv("AKIOS_CPU_LIMIT");
        unsetenv("AKIOS_ALLOWED_COMMANDS");
        r = config_load(&c, NULL, &(struct diag){});
        is_int(r, 0, "unknown AKIOS_FOO is ignored");
        config_free(&c);
        unsetenv("AKIOS_FOO");

        /* The sandbox cannot be switched off, in any environment, from any source. */
        r = load_text(&c, "environment: production\nsandbox_enabled: false\n", err, sizeof(err));
        ok(r == -EINVAL && strstr(err, ":2:18: ") &&
           strstr(err, "akios never runs tool steps outside the cage"),
           "sandbox_enabled: false refused at its position: %s", err);
        r = load_text(&c, "sandbox_enabled: no\n", err, sizeof(err));
        ok(r == -EINVAL, "sandbox_enabled: no refused too: %s", err);
        setenv("AKIOS_ENVIRONMENT", "production", 1);
        r = load_text(&c, "sandbox_enabled: false\n", err, sizeof(err));
        ok(r == -EINVAL, "production from the environment without sandbox refused: %s", err);
        unsetenv("AKIOS_ENVIRONMENT");

        /* A missing file is an error naming it. */
        {
                struct diag dg = {};

                r = config_load(&c, "/nonexistent/config.yaml", &dg);
                ok(r == -ENOENT && strstr(dg.file, "/nonexistent/config.yaml"),
                   "missing config.yaml is -ENOENT naming the file");
        }
        is_str(redaction_strategy_name(REDACT_HASH), "hash", "redaction_strategy_name");
}

static void test_dotenv(void)
{
        static const char text[] =
                "# comment line\n"
                "\n"
                "AKT_PLAIN=hello world   # trailing comment\n"
                "export AKT_EXPORTED=yes\n"
                "  AKT_SPACES = spaced\n"
                "AKT_SINGLE='a \\n b # not a comment'\n"
                "AKT_DOUBLE=\"line1\\nline2 \\\"q\\\" \\\\\" # comment\n"
                "AKT_HASH=a#b\n"
                "AKT_EMPTY=\n"
                "AKT_NOEXPAND=$HOME\n"
                "AKT_PRESET=from-file\n"
                "AKT_TWICE=first\r\n"
                "AKT_TWICE=second\n";
        static const struct {
                const char *name, *want;
        } want[] = {
                { "AKT_PLAIN", "hello world" },
                { "AKT_EXPORTED", "yes" },
                { "AKT_SPACES", "spaced" },
                { "AKT_SINGLE", "a \\n b # not a comment" },
                { "AKT_DOUBLE", "line1\nline2 \"q\" \\" },
                { "AKT_HASH", "a#b" },
                { "AKT_EMPTY", "" },
                { "AKT_NOEXPAND", "$HOME" },
                { "AKT_PRESET", "from-env" },
                { "AKT_TWICE", "second" },
        };
        static const struct {
                const char *text;
                unsigned line, col;
                const char *msg;
        } bad[] = {
                { "A=1\nNOEQUALS\n", 2, 9, "expected '='" },
                { "A=1\n\n  1BAD=x\n", 3, 3, "expected a variable name" },
                { "A=\"open\n", 1, 3, "unterminated double-quoted" },
                { "A='open\n", 1, 3, "unterminated single-quoted" },
                { "A=\"x\" y\n", 1, 7, "after the closing quote" },
                { "A=\"\\q\"\n", 1, 4, "unknown escape" },
        };
        char path[PATH_MAX], err[1024], want_pos[PATH_MAX + 32];
        struct diag d = {};

        tmp_path(path, sizeof(path), "test.env");
        write_text(path, text);
        setenv("AKT_PRESET", "from-env", 1);
        is_int(dotenv_load(path, &d), 0, ".env loads");
        for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
                is_str(getenv(want[i].name), want[i].want, ".env %s", want[i].name);
                unsetenv(want[i].name);
        }

        tmp_path(path, sizeof(path), "missing.env");
        is_int(dotenv_load(path, &d), 0, "missing .env is not an error");

        tmp_path(path, sizeof(path), "bad.env");
        for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
                int r;

                write_text(path, bad[i].text);
                unsetenv("A");
                d = (struct diag){};
                r = dotenv_load(path, &d);
                diag_format(&d, err, sizeof(err));
                snprintf(want_pos, sizeof(want_pos), "%s:%u:%u: ", path, bad[i].line, bad[i].col);
                ok(r == -EINVAL && starts_with(err, want_pos) && strstr(err, bad[i].msg),
                   "malformed .env refused at %u:%u: %s", bad[i].line, bad[i].col, err);
                ok(!getenv("A"), "a malformed .env sets nothing");
        }

        /* config_load reads the .env next to config.yaml, and the environment still wins. */
        tmp_path(path, sizeof(path), ".env");
        write_text(path, "AKIOS_MAX_OPEN_FILES=300\nAKIOS_CPU_LIMIT=0.2\n");
        setenv("AKIOS_CPU_LIMIT", "0.7", 1);
        {
                struct akios_config c;
                int r = load_text(&c, "max_open_files: 50\n", err, sizeof(err));

                is_int(r, 0, "config with .env loads %s", err);
                is_int(c.max_open_files, 300, ".env AKIOS_MAX_OPEN_FILES overrides the file");
                ok(c.cpu_limit == 0.7, "a real environment variable wins over .env");
                config_free(&c);
        }
        unsetenv("AKIOS_CPU_LIMIT");
        unsetenv("AKIOS_MAX_OPEN_FILES");
        unlink(path);
}

static void test_project_find(void)
{
        char nested[PATH_MAX], proj[PATH_MAX], real[PATH_MAX], cwd[PATH_MAX], cfg[PATH_MAX];
        char lone[PATH_MAX], dirname_of_tmp[512];
        char *found = NULL;

        snprintf(dirname_of_tmp, sizeof(dirname_of_tmp), "%s", tmp);
        *strrchr(dirname_of_tmp, '/') = '\0';
        ok(getcwd(cwd, sizeof(cwd)) != NULL, "getcwd");
        tmp_path(proj, sizeof(proj), "proj");
        tmp_path(nested, sizeof(nested), "proj/a/b/c");
        is_int(mkdir_p(nested, 0755), 0, "nested folders");
        tmp_path(cfg, sizeof(cfg), "proj/config.yaml");
        write_text(cfg, "fsync: batch\n");
        tmp_path(cfg, sizeof(cfg), "proj/a/config.yaml");
        mkdir(cfg, 0755); /* a folder named config.yaml does not count */
        ok(chdir(nested) == 0, "chdir to a nested folder");
        is_int(project_find(&found), 0, "project_find from a nested folder");
        ok(realpath(proj, real) != NULL, "realpath");
        is_str(found, real, "project_find returns the project folder, absolute");
        free(found);
        found = NULL;
        /* A second temp folder: the first holds config.yaml files of other tests. */
        snprintf(lone, sizeof(lone), "%s/akios-test-noproj.XXXXXX", dirname_of_tmp);
        ok(mkdtemp(lone) && chdir(lone) == 0, "chdir to an empty temp folder");
        snprintf(cfg, sizeof(cfg), "%s/config.yaml", dirname_of_tmp);
        if (access(cfg, F_OK) == 0 || access("/config.yaml", F_OK) == 0)
                skip("a config.yaml above %s", lone);
        else
                is_int(project_find(&found), -ENOENT, "no config.yaml up to / is -ENOENT");
        free(found);
        rmdir(lone);
        ok(chdir(cwd) == 0, "chdir back");
}

static void test_write_yaml(void)
{
        struct buf out = BUF_INIT(1 << 20), help = BUF_INIT(1 << 20);
        struct akios_config c, d;
        char path[PATH_MAX], err[1024], line[128];
        char *a, *b;
        struct diag dg = {};
        int r;

        is_int(config_write_yaml(&out), 0, "config_write_yaml");
        is_int(config_describe(&help), 0, "config_describe");
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                snprintf(line, sizeof(line), "\n%s: ", cases[i].key);
                ok(strstr(out.data, line) != NULL, "init config.yaml has %s", cases[i].key);
                snprintf(line, sizeof(line), "  %s (", cases[i].key);
                ok(strstr(help.data, line) != NULL, "--help describes %s", cases[i].key);
        }
        {
                size_t keys = 0;

                /* One "  key (" line per key; its doc line is indented further. */
                for (const char *p = help.data; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
                        keys += p[0] == ' ' && p[1] == ' ' && p[2] != ' ';
                is_int(keys, ARRAY_SIZE(cases), "this test's table covers every key of config.c");
        }
        tmp_path(path, sizeof(path), "written.yaml");
        write_text(path, out.data);
        r = config_load(&c, path, &dg);
        diag_format(&dg, err, sizeof(err));
        is_int(r, 0, "written config.yaml loads back %s", r < 0 ? err : "");
        config_defaults(&d);
        a = canon(&c);
        b = canon(&d);
        is_str(a, b, "written config.yaml loads back to exactly the defaults");
        free(a);
        free(b);
        config_free(&c);
        config_free(&d);
        buf_free(&out);
        buf_free(&help);
}

static void rm_rf(const char *dir)
{
        char cmd[PATH_MAX + 32];
        pid_t pid;

        snprintf(cmd, sizeof(cmd), "%s", dir);
        pid = fork();
        if (pid == 0) {
                execlp("rm", "rm", "-rf", "--", cmd, (char *)NULL);
                _exit(127);
        }
        if (pid > 0)
                waitpid(pid, NULL, 0);
}

int main(void)
{
        const char *base = getenv("TMPDIR");

        snprintf(tmp, sizeof(tmp), "%s/akios-test-config.XXXXXX", base ? base : "/tmp");
        if (!mkdtemp(tmp)) {
                printf("Bail out! mkdtemp failed\n");
                return 1;
        }
        clear_akios_env();
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
                test_key(&cases[i]);
        test_errors();
        test_sources();
        test_dotenv();
        test_project_find();
        test_write_yaml();
        rm_rf(tmp);
        return done_testing();
}
