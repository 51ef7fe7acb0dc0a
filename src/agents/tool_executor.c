/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tool_executor agent: `run` (aliases `execute`, `call`) runs one command in the kernel
 * cage (src/sandbox), never through a shell.
 *
 * `command` is a list, or a string split like a shell splits words (quotes and backslashes)
 * with no shell interpretation: no variables, globs, pipes or redirections. `args` are
 * appended. The executable is resolved as the cage sees it and must be one of the step's
 * config.allowed_commands (itself a subset of the global allowed_commands), compared on the
 * resolved file, so /bin/echo, /usr/bin/echo and echo are the same command and a renamed copy
 * is not. `env` may add variables except the forbidden ones (LD_*, PATH, SHELL, ...). The
 * workdir is the run folder. stdout and stderr are captured, capped and redacted.
 *
 * As root the payload runs as the run folder's future owner (cage_default_uid): the folder
 * is handed to it for the step and back afterwards, through the fd the engine created it
 * with (fchown; never a chown by path, which a user who can write data/output could point
 * at any directory). SIGINT/SIGTERM stop the step's cage at once (engine_cancel_fd).
 */
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agents/agents.h"
#include "config/config.h"
#include "engine/step.h"
#include "sandbox/sandbox.h"
#include "workflow/workflow.h"

#define TOOL_DEFAULT_TIMEOUT_S 30
#define TOOL_MAX_TIMEOUT_S 300
#define TOOL_DEFAULT_OUTPUT (1u << 20)
#define TOOL_MAX_OUTPUT (10u << 20)
#define TOOL_MAX_ARGS 4096
#define TOOL_MAX_ARG_BYTES (256u << 10)

/* Split a command line into words: '...' literal, "..." with \" \\ escapes, \x outside quotes.
 * Nothing else is special. */
static int split_words(const char *s, struct strv *out, struct diag *d)
{
        struct buf w = BUF_INIT(TOOL_MAX_ARG_BYTES);
        bool in_word = false;
        int r = 0;

        for (const char *p = s; *p && r == 0; p++) {
                char q;

                if (*p == ' ' || *p == '\t' || *p == '\n') {
                        if (in_word) {
                                r = strv_push(out, w.data ? w.data : "");
                                buf_reset(&w);
                                in_word = false;
                        }
                        continue;
                }
                in_word = true;
                if (*p == '\\' && p[1]) {
                        r = buf_putc(&w, *++p);
                } else if (*p == '\'' || *p == '"') {
                        q = *p;
                        for (p++; *p && *p != q; p++) {
                                if (q == '"' && *p == '\\' && (p[1] == '"' || p[1] == '\\'))
                                        p++;
                                if ((r = buf_putc(&w, *p)) < 0)
                                        break;
                        }
                        if (!*p) {
                                diag_set(d, NULL, 0, 0, "unterminated quote in command");
                                buf_free(&w);
                                return -EINVAL;
                        }
                } else {
                        r = buf_putc(&w, *p);
                }
        }
        if (r == 0 && in_word)
                r = strv_push(out, w.data ? w.data : "");
        buf_free(&w);
        if (r == -E2BIG)
                diag_set(d, NULL, 0, 0, "a command argument is longer than %u bytes",
                         TOOL_MAX_ARG_BYTES);
        return r;
}

static int collect_argv(const json_t *params, struct strv *argv, struct diag *d)
{
        const json_t *cmd = json_object_get(params, "command"), *args = json_object_get(params,
                                                                                      "args");
        const json_t *v;
        size_t i;
        int r;

        if (json_is_string(cmd)) {
                r = split_words(json_string_value(cmd), argv, d);
                if (r < 0)
                        return r;
        } else if (json_is_array(cmd)) {
                json_array_foreach(cmd, i, v) {
                        if (!json_is_string(v) && !json_is_number(v)) {
                                diag_set(d, NULL, 0, 0, "command list entries must be strings");
                                return -EINVAL;
                        }
                        if (json_is_string(v))
                                r = strv_push(argv, json_string_value(v));
                        else {
                                char num[64];

                                snprintf(num, sizeof(num), "%g", json_number_value(v));
                                r = strv_push(argv, num);
                        }
                        if (r < 0)
                                return r;
                }
        } else {
                diag_set(d, NULL, 0, 0, "'command' must be a string or a list");
                return -EINVAL;
        }
        if (args && !json_is_array(args)) {
                diag_set(d, NULL, 0, 0, "'args' must be a list");
                return -EINVAL;
        }
        json_array_foreach(args, i, v) {
                if (!json_is_string(v)) {
                        diag_set(d, NULL, 0, 0, "'args' entries must be strings");
                        return -EINVAL;
                }
                if ((r = strv_push(argv, json_string_value(v))) < 0)
                        return r;
        }
        if (argv->n == 0) {
                diag_set(d, NULL, 0, 0, "empty command");
                return -EINVAL;
        }
        if (argv->n > TOOL_MAX_ARGS) {
                diag_set(d, NULL, 0, 0, "more than %d arguments", TOOL_MAX_ARGS);
                return -E2BIG;
        }
        return 0;
}

/* The same file? (so /bin/echo and /usr/bin/echo match on merged-/usr systems) */
static bool same_file(const char *a, const char *b)
{
        struct stat sa, sb;

        return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
               sa.st_ino == sb.st_ino;
}

/* The effective allowlist: the step's config.allowed_commands (must be a subset of the global
 * list), else the global list. */
static int effective_allowlist(const json_t *config, const struct akios_config *c,
                               struct strv *out, struct diag *d)
{
        const json_t *list = json_object_get(config, "allowed_commands"), *v;
        size_t i;

        if (!list) {
                for (i = 0; i < c->allowed_commands.n; i++)
                        if (strv_push(out, c->allowed_commands.v[i]) < 0)
                                return -ENOMEM;
                return 0;
        }
        if (!json_is_array(list)) {
                diag_set(d, NULL, 0, 0, "config.allowed_commands must be a list");
                return -EINVAL;
        }
        json_array_foreach(list, i, v) {
                const char *name = json_string_value(v);

                if (!name || !strv_contains(&c->allowed_commands, name)) {
                        diag_set(d, NULL, 0, 0, "config.allowed_commands entry '%s' is not in "
                                 "the global allowed_commands of config.yaml",
                                 name ? name : "?");
                        return -EPERM;
                }
                if (strv_push(out, name) < 0)
                        return -ENOMEM;
        }
        return 0;
}

/* Resolve argv[0] and check it against the allowlist. *ret_path is malloc'd. */
static int check_command(const char *name, const struct strv *allowed, char **ret_path,
                         struct diag *d)
{
        _cleanup_free_ char *path = NULL;
        int r = cage_resolve_command(name, &path);

        if (r < 0) {
                diag_set(d, NULL, 0, 0, "command '%s' %s", name, r == -ENOENT ?
                         "was not found in " CAGE_PATH : strerror(-r));
                return r == -ENOENT || r == -EACCES ? -EPERM : r;
        }
        for (size_t i = 0; i < allowed->n; i++) {
                _cleanup_free_ char *a = NULL;

                if (cage_resolve_command(allowed->v[i], &a) == 0 && same_file(a, path)) {
                        *ret_path = TAKE_PTR(path);
                        return 0;
                }
        }
        diag_set(d, NULL, 0, 0, "command '%s' (%s) is not in allowed_commands", name, path);
        return -EPERM;
}

static int build_env(struct step_ctx *ctx, struct strv *env)
{
        const json_t *extra = json_object_get(ctx->params, "env"), *v;
        const char *key;
        char line[8192];

        if (strv_push(env, "PATH=" CAGE_PATH) < 0 || strv_push(env, "HOME=/tmp") < 0 ||
            strv_push(env, "LANG=C.UTF-8") < 0 || strv_push(env, "TMPDIR=/tmp") < 0)
                return -ENOMEM;
        if (extra && !json_is_object(extra))
                return step_fail(ctx, EXIT_USAGE, EINVAL, "'env' must be a mapping");
        json_object_foreach((json_t *)extra, key, v) {
                if (cage_env_forbidden(key))
                        return step_fail(ctx, EXIT_POLICY, EPERM, "env variable '%s' may not be set "
                                         "for tools", key);
                if (!json_is_string(v))
                        return step_fail(ctx, EXIT_USAGE, EINVAL, "env '%s' must be a string", key);
                if (snprintf(line, sizeof(line), "%s=%s", key, json_string_value(v)) >=
                    (int)sizeof(line))
                        return step_fail(ctx, EXIT_USAGE, E2BIG, "env '%s' is too long", key);
                if (strv_push(env, line) < 0)
                        return -ENOMEM;
        }
        return 0;
}

/* The project's ledger (and its key), .env and config.yaml: never visible in the cage. */
static int hidden_paths(const char *dir, const char *audit, struct strv *out)
{
        static const char *const names[] = { ".env", "config.yaml" };
        char path[PATH_MAX];

        if (!dir)
                return 0;
        for (unsigned i = 0; i < ARRAY_SIZE(names); i++) {
                snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
                if (strv_push(out, path) < 0)
                        return -ENOMEM;
        }
        if (audit && audit[0] == '/')
                snprintf(path, sizeof(path), "%s", audit);
        else
                snprintf(path, sizeof(path), "%s/%s", dir, audit && audit[0] ? audit : "audit");
        return strv_push(out, path) < 0 ? -ENOMEM : 0;
}

static int cage_failure(struct step_ctx *ctx, const struct cage_result *res)
{
        if (res->reason == CAGE_EXITED && res->exit_code != 0)
                return step_fail(ctx, EXIT_FAIL, EIO, "command exited with status %d", res->exit_code);
        if (res->reason == CAGE_KILLED)
                return step_fail(ctx, EXIT_FAIL, EIO, "command was killed by signal %d", res->signal);
        return step_fail(ctx, EXIT_SANDBOX, EIO, "the cage stopped the command: %s",
                         cage_reason_name(res->reason));
}

static int param_timeout(struct step_ctx *ctx, long *ret)
{
        const json_t *v = json_object_get(ctx->params, "timeout");
        json_int_t n;

        if (!v || json_is_null(v))
                return 0;
        if (!json_is_integer(v))
                return step_fail(ctx, EXIT_USAGE, EINVAL, "parameters.timeout must be an "
                                 "integer 1..%d", TOOL_MAX_TIMEOUT_S);
        n = json_integer_value(v);
        if (n < 1 || n > TOOL_MAX_TIMEOUT_S)
                return step_fail(ctx, EXIT_USAGE, ERANGE, "parameters.timeout %lld is out of "
                                 "range 1..%d", (long long)n, TOOL_MAX_TIMEOUT_S);
        *ret = (long)n;
        return 0;
}

static int tool_run(struct step_ctx *ctx, json_t **ret)
{
        const struct akios_config *c = step_policy(ctx);
        struct strv argv = { 0 }, env = { 0 }, allowed = { 0 }, hidden = { 0 };
        struct cage_result res = { 0 };
        struct cage_spec spec;
        struct diag d = { 0 };
        struct stat owner = { 0 };
        bool handed = false;
        int dirfd = step_run_dir_fd(ctx);
        _cleanup_free_ char *path = NULL, *out = NULL, *err = NULL;
        size_t out_len = 0, err_len = 0;
        long timeout = 0, max_out = 0;
        long left = step_time_left_ms(ctx);
        int r;

        r = agent_config_long(ctx, &agent_tool_executor, "timeout", &timeout);
        /* `timeout` in parameters too, as AKIOS's AGENTS.md documents it (config wins). */
        if (r == 0 && !json_object_get(ctx->config, "timeout"))
                r = param_timeout(ctx, &timeout);
        if (r == 0)
                r = agent_config_long(ctx, &agent_tool_executor, "max_output_size", &max_out);
        if (r < 0)
                goto out;
        r = collect_argv(ctx->params, &argv, &d);
        if (r == 0)
                r = effective_allowlist(ctx->config, c, &allowed, &d);
        if (r == 0)
                r = check_command(argv.v[0], &allowed, &path, &d);
        if (r < 0) {
                r = step_fail(ctx, r == -EPERM ? EXIT_POLICY : EXIT_USAGE, -r, "%s", d.msg);
                goto out;
        }
        r = build_env(ctx, &env);
        if (r < 0)
                goto out;
        free(argv.v[0]);
        argv.v[0] = strdup(path);
        if (!argv.v[0]) {
                r = -ENOMEM;
                goto out;
        }
        cage_spec_defaults(&spec);
        spec.argv = argv.v;
        spec.envp = env.v;
        spec.workdir = step_run_dir(ctx);
        spec.workdir_fd = dirfd;
        spec.cancel_fd = engine_cancel_fd();
        spec.net = CAGE_NET_NONE;
        spec.memory_mb = (uint64_t)c->memory_limit_mb;
        spec.cpu_fraction = c->cpu_limit;
        spec.nofile = (uint64_t)c->max_open_files;
        spec.fsize_mb = (uint64_t)c->max_file_size_mb;
        /* Never past the run's workflow_timeout. */
        spec.wall_time_ms = (uint64_t)MIN((long)timeout * 1000, MAX(left, 1L));
        spec.cpu_time_s = (uint64_t)timeout;
        spec.max_output = (uint64_t)max_out;
        spec.output = CAGE_OUTPUT_CAPTURE;
        spec.strict = c->sandbox_required == SANDBOX_STRICT;
        spec.none = c->sandbox_required == SANDBOX_NONE;
        r = hidden_paths(step_project_dir(ctx), c->audit_storage_path, &hidden);
        if (r < 0)
                goto out;
        spec.hidden_paths = (const char *const *)hidden.v;
        spec.uid = cage_default_uid(spec.workdir);
        spec.gid = (gid_t)spec.uid;
        /* The payload never runs as root: lend it the run folder it works in, by fd. */
        if (geteuid() == 0 && spec.uid != 0) {
                if (dirfd < 0 || fstat(dirfd, &owner) < 0 || !S_ISDIR(owner.st_mode)) {
                        r = step_fail(ctx, EXIT_FAIL, dirfd < 0 ? EBADF : errno, "the run folder is "
                                      "not open; it is never handed over by path");
                        goto out;
                }
                if (fchown(dirfd, spec.uid, spec.gid) < 0) {
                        r = step_fail(ctx, EXIT_FAIL, errno, "cannot hand the run folder to uid %u",
                                      (unsigned)spec.uid);
                        goto out;
                }
                handed = true;
        }
        r = cage_run(&spec, &res, &d);
        if (handed && fchown(dirfd, owner.st_uid, owner.st_gid) < 0 && r >= 0) {
                r = step_fail(ctx, EXIT_FAIL, errno, "cannot take the run folder back from uid %u",
                              (unsigned)spec.uid);
                goto out;
        }
        if (r >= 0 && res.reason == CAGE_INTERRUPTED) {
                json_object_set_new(ctx->detail, "cage", cage_result_json(&res));
                r = step_fail(ctx, EXIT_INTERRUPTED, EINTR, "interrupted: the command's cage was stopped");
                goto out;
        }
        if (r == -EOPNOTSUPP) {
                r = step_fail(ctx, EXIT_NO_CAGE, -r, "%s", d.msg);
                goto out;
        }
        if (r == -EPERM && strstr(d.msg, "project's")) {
                r = step_fail(ctx, EXIT_POLICY, EPERM, "%s", d.msg); /* the policy: never shown */
                goto out;
        }
        if (r < 0) {
                r = step_fail(ctx, EXIT_FAIL, -r, "cannot build the cage: %s", d.msg);
                goto out;
        }
        r = step_redact(ctx, REDACT_SITE_OUTPUT, res.out.data ? res.out.data : "", res.out.len,
                        &out, &out_len);
        if (r == 0)
                r = step_redact(ctx, REDACT_SITE_OUTPUT, res.err.data ? res.err.data : "",
                                res.err.len, &err, &err_len);
        if (r < 0)
                goto out;
        json_object_set_new(ctx->detail, "command", json_string(path));
        json_object_set_new(ctx->detail, "cage", cage_result_json(&res));
        if (res.reason == CAGE_TIMEOUT && left < (long)timeout * 1000 &&
            step_time_left_ms(ctx) <= 0) {
                r = step_fail_timeout(ctx);
                goto out;
        }
        if (res.reason != CAGE_EXITED || res.exit_code != 0) {
                r = cage_failure(ctx, &res);
                goto out;
        }
        *ret = json_pack("{s:s%,s:s%,s:i,s:f,s:b,s:o}", "stdout", out, out_len, "stderr", err,
                         err_len, "returncode", res.exit_code, "execution_time",
                         res.wall_ms / 1000.0, "truncated", res.truncated, "cage",
                         cage_result_json(&res));
        r = *ret ? 0 : step_fail(ctx, EXIT_FAIL, EILSEQ, "the command's output is not UTF-8 text");
out:
        cage_result_free(&res);
        strv_free(&argv);
        strv_free(&env);
        strv_free(&allowed);
        strv_free(&hidden);
        return r;
}

static const char *const run_aliases[] = { "execute", "call", NULL };
static const char *const run_required[] = { "command", NULL };
static const char *const run_params[] = { "command", "args", "env", "timeout", NULL };
static const char *const tool_config_keys[] = { "allowed_commands", "timeout",
                                                "max_output_size", NULL };

static const struct agent_config_range tool_config_ranges[] = {
        { "timeout", 1, TOOL_MAX_TIMEOUT_S, TOOL_DEFAULT_TIMEOUT_S },
        { "max_output_size", 1, TOOL_MAX_OUTPUT, TOOL_DEFAULT_OUTPUT },
        { NULL, 0, 0, 0 },
};

static const struct agent_action tool_actions[] = {
        { "run", run_aliases, run_required, tool_run, run_params },
};

/* Static checks: a literal command must resolve to an allowed executable; forbidden env. */
static int tool_check_policy(const struct step *s, const struct akios_config *c, struct diag *d)
{
        const struct ynode *cmd = ymap_get(s->parameters, "command");
        const struct ynode *env = ymap_get(s->parameters, "env");
        json_t *config = ynode_to_json(s->config);
        struct strv allowed = { 0 }, argv = { 0 };
        _cleanup_free_ char *path = NULL;
        const struct ynode *pos = cmd;
        int r;

        r = effective_allowlist(config, c, &allowed, d);
        if (r < 0)
                pos = ymap_get(s->config, "allowed_commands");
        if (r == 0 && cmd && cmd->type == Y_SCALAR && !strchr(cmd->str, '{')) {
                r = split_words(cmd->str, &argv, d);
                if (r == 0 && argv.n)
                        r = check_command(argv.v[0], &allowed, &path, d);
        } else if (r == 0 && cmd && cmd->type == Y_SEQ && cmd->n &&
                   cmd->items[0]->type == Y_SCALAR && !strchr(cmd->items[0]->str, '{')) {
                r = check_command(cmd->items[0]->str, &allowed, &path, d);
        }
        for (size_t i = 0; r == 0 && env && env->type == Y_MAP && i < env->n; i += 2)
                if (cage_env_forbidden(env->items[i]->str)) {
                        pos = env->items[i];
                        diag_set(d, NULL, 0, 0, "env variable '%s' may not be set for tools",
                                 env->items[i]->str);
                        r = -EPERM;
                }
        if (r < 0 && pos) {
                d->line = pos->line;
                d->col = pos->col;
        }
        json_decref(config);
        strv_free(&allowed);
        strv_free(&argv);
        return r < 0 ? -EPERM : 0;
}

const struct agent agent_tool_executor = {
        .name = "tool_executor",
        .actions = tool_actions,
        .n_actions = ARRAY_SIZE(tool_actions),
        .check_policy = tool_check_policy,
        .config_keys = tool_config_keys,
        .config_ranges = tool_config_ranges,
};
