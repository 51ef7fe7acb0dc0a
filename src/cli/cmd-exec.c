/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios exec: run one command inside the kernel cage (CONTRACTS §1, §2, §7).
 *
 * Limits default to the project's config.yaml when run inside a project (memory_limit_mb,
 * max_file_size_mb, max_open_files, cpu_limit, sandbox_required), else to the built-in
 * defaults; options override both. The command sees a clean environment: PATH, HOME=/tmp
 * and the variables named by --env. Its output goes to our stdout/stderr as it comes,
 * counted and capped by --max-output; --json prints the result record afterwards. Its stdin
 * is a pipe the cage relays ours into (/dev/null with --no-stdin). SIGINT/SIGTERM/SIGHUP
 * stop the whole cage at once (spec.cancel_fd) and exit 130 (CONTRACTS §2).
 * `allowed_commands` is not applied: the caller chose the command.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "config/config.h"
#include "sandbox/sandbox.h"

#define EXEC_MAX_PATHS 32
#define EXEC_MAX_ENV 64

const char help_exec[] =
        "Runs CMD in the kernel cage: new user, mount, pid, net, ipc and uts namespaces, a\n"
        "read-only minimal root (/usr, /bin, /lib*, a few /etc files, /dev, /proc with\n"
        "/proc/sys read-only, a private /tmp), a cgroup for memory, pids and cpu, rlimits,\n"
        "no capabilities, no_new_privs, Landlock and a seccomp allowlist. The command never\n"
        "runs as host root. The working directory is visible only when it lies inside a\n"
        "--rw or --ro path (else the command starts in /).\n"
        "\n"
        "Options:\n"
        "  --rw PATH            bind PATH read-write (repeatable)\n"
        "  --ro PATH            bind PATH read-only (repeatable)\n"
        "  --net none|loopback  no network (default), or only a private loopback\n"
        "  --memory MB          memory limit (default memory_limit_mb, 256)\n"
        "  --pids N             process limit (default 128)\n"
        "  --cpu-time S         CPU time limit in seconds (default 30)\n"
        "  --wall-time S        wall time limit in seconds (default 60); then SIGTERM,\n"
        "                       1 s of grace, SIGKILL of everything in the cage\n"
        "  --max-output BYTES   stdout+stderr cap (default 1048576); beyond it the command\n"
        "                       is stopped and the output truncated\n"
        "  --max-file-size MB   RLIMIT_FSIZE (default max_file_size_mb, 10)\n"
        "  --tmp-size MB        size of the private /tmp (default 64)\n"
        "  --disk-quota MB      everything the command writes under the --rw paths (new\n"
        "                       files, copies of changed ones) lives on one tmpfs of MB\n"
        "                       (writes past it fail with ENOSPC) and is merged into the\n"
        "                       real directories when the command has ended, also after\n"
        "                       a limit kill; lost if akios itself is killed. --rw paths\n"
        "                       must then be directories, none inside another\n"
        "  --no-stdin           the command's stdin is /dev/null (default: ours, relayed\n"
        "                       through a pipe)\n"
        "  --env NAME           pass the variable NAME from this environment (repeatable)\n"
        "  --json               print the result record on stdout when the command ends\n"
        "\n"
        "Exit status: the command's, 128+N when killed by signal N, 5 when the cage stopped\n"
        "it (memory, pids, cpu_time, timeout, output, seccomp), 130 when interrupted, 2 for a\n"
        "path the cage cannot bind (/, /proc, /sys, /dev), 7 when sandbox_required is strict\n"
        "and a layer is missing (see 'akios doctor') or --disk-quota cannot be enforced\n"
        "here, 1 when the command exited 0 but a --disk-quota change was not merged back\n"
        "(each one is named on stderr and in the record).\n";

enum {
        OPT_RW = 256, OPT_RO, OPT_NET, OPT_MEMORY, OPT_PIDS, OPT_CPU, OPT_WALL, OPT_OUT,
        OPT_FSIZE, OPT_TMP, OPT_ENV, OPT_JSON, OPT_HELP, OPT_QUOTA, OPT_NO_STDIN,
};

static const struct option options[] = {
        { "rw", required_argument, NULL, OPT_RW },
        { "ro", required_argument, NULL, OPT_RO },
        { "net", required_argument, NULL, OPT_NET },
        { "memory", required_argument, NULL, OPT_MEMORY },
        { "pids", required_argument, NULL, OPT_PIDS },
        { "cpu-time", required_argument, NULL, OPT_CPU },
        { "wall-time", required_argument, NULL, OPT_WALL },
        { "max-output", required_argument, NULL, OPT_OUT },
        { "max-file-size", required_argument, NULL, OPT_FSIZE },
        { "tmp-size", required_argument, NULL, OPT_TMP },
        { "env", required_argument, NULL, OPT_ENV },
        { "json", no_argument, NULL, OPT_JSON },
        { "disk-quota", required_argument, NULL, OPT_QUOTA },
        { "no-stdin", no_argument, NULL, OPT_NO_STDIN },
        { "help", no_argument, NULL, OPT_HELP },
        {},
};

struct exec_args {
        struct cage_spec spec;
        const char *rw[EXEC_MAX_PATHS + 1], *ro[EXEC_MAX_PATHS + 1];
        unsigned n_rw, n_ro;
        struct strv env;
        struct strv hidden;
        bool json;
        bool no_stdin;
        uint64_t disk_quota_mb;
};

/* What the cage never shows of the project: the ledger (with its key), .env, config.yaml. */
static int hidden_paths(const char *dir, const char *audit, struct strv *out)
{
        static const char *const names[] = { ".env", "config.yaml" };
        char *p;

        for (unsigned i = 0; i < ARRAY_SIZE(names); i++) {
                if (asprintf(&p, "%s/%s", dir, names[i]) < 0 || strv_push_take(out, p) < 0)
                        return -ENOMEM;
        }
        if (audit && audit[0] == '/')
                p = strdup(audit);
        else if (asprintf(&p, "%s/%s", dir, audit && audit[0] ? audit : "audit") < 0)
                p = NULL;
        return p && strv_push_take(out, p) >= 0 ? 0 : -ENOMEM;
}

/* Limits from config.yaml when inside a project, else the defaults. */
static int load_config(struct cage_spec *s, struct strv *hidden, struct diag *d)
{
        struct akios_config cfg;
        _cleanup_free_ char *dir = NULL, *path = NULL;
        int r;

        if (project_find(&dir) >= 0) {
                if (asprintf(&path, "%s/config.yaml", dir) < 0)
                        return -ENOMEM;
        }
        r = config_load(&cfg, path, d);
        if (r < 0)
                return r;
        if (cfg.memory_limit_mb > 0)
                s->memory_mb = (uint64_t)cfg.memory_limit_mb;
        if (cfg.max_file_size_mb > 0)
                s->fsize_mb = (uint64_t)cfg.max_file_size_mb;
        if (cfg.max_open_files > 0)
                s->nofile = (uint64_t)cfg.max_open_files;
        if (cfg.cpu_limit > 0)
                s->cpu_fraction = cfg.cpu_limit;
        s->strict = cfg.sandbox_required == SANDBOX_STRICT;
        s->none = cfg.sandbox_required == SANDBOX_NONE;
        if (dir)
                r = hidden_paths(dir, cfg.audit_storage_path, hidden);
        config_free(&cfg);
        return r < 0 ? -ENOMEM : 0;
}

static int number(const char *opt, const char *v, uint64_t min, uint64_t *ret)
{
        uint64_t n;

        if (parse_u64(v, &n) < 0 || n < min)
                return usage_error("exec", "--%s: '%s' is not a number >= %llu", opt, v,
                                   (unsigned long long)min);
        *ret = n;
        return 0;
}

static int seconds_ms(const char *opt, const char *v, uint64_t *ret)
{
        double s;

        if (parse_double(v, &s) < 0 || !(s > 0) || s > 1e7)
                return usage_error("exec", "--%s: '%s' is not a positive number of seconds",
                                   opt, v);
        *ret = (uint64_t)(s * 1000.0);
        return 0;
}

static int parse_option(struct exec_args *a, int o, const char *v)
{
        struct cage_spec *s = &a->spec;
        uint64_t ms;
        int r;

        switch (o) {
        case OPT_RW:
        case OPT_RO:
                if ((o == OPT_RW ? a->n_rw : a->n_ro) >= EXEC_MAX_PATHS)
                        return usage_error("exec", "at most %d --rw and %d --ro paths",
                                           EXEC_MAX_PATHS, EXEC_MAX_PATHS);
                if (o == OPT_RW)
                        a->rw[a->n_rw++] = v;
                else
                        a->ro[a->n_ro++] = v;
                return 0;
        case OPT_NET:
                if (streq(v, "none") || streq(v, "loopback")) {
                        s->net = streq(v, "none") ? CAGE_NET_NONE : CAGE_NET_LOOPBACK;
                        return 0;
                }
                return usage_error("exec", "--net: '%s' is not none or loopback", v);
        case OPT_MEMORY:
                return number("memory", v, 1, &s->memory_mb);
        case OPT_PIDS:
                return number("pids", v, 1, &s->pids);
        case OPT_CPU:
                r = seconds_ms("cpu-time", v, &ms);
                s->cpu_time_s = (ms + 999) / 1000;
                return r;
        case OPT_WALL:
                return seconds_ms("wall-time", v, &s->wall_time_ms);
        case OPT_OUT:
                return number("max-output", v, 1, &s->max_output);
        case OPT_FSIZE:
                return number("max-file-size", v, 1, &s->fsize_mb);
        case OPT_TMP:
                return number("tmp-size", v, 1, &s->tmp_size_mb);
        case OPT_ENV:
                if (!v[0] || strchr(v, '='))
                        return usage_error("exec", "--env: '%s' is not a variable name", v);
                return strv_push(&a->env, v) < 0 ? EXIT_FAIL : 0;
        case OPT_JSON:
                a->json = true;
                return 0;
        case OPT_NO_STDIN:
                a->no_stdin = true;
                return 0;
        case OPT_QUOTA:
                return number("disk-quota", v, 1, &a->disk_quota_mb);
        default:
                return usage_error("exec", "unknown option");
        }
}

static int build_env(struct exec_args *a, struct strv *env)
{
        char *kv;

        if (strv_push(env, "PATH=" CAGE_PATH) < 0 || strv_push(env, "HOME=/tmp") < 0)
                return -ENOMEM;
        for (size_t i = 0; i < a->env.n; i++) {
                const char *v = getenv(a->env.v[i]);

                if (!v || streq(a->env.v[i], "PATH") || streq(a->env.v[i], "HOME"))
                        continue;
                if (env->n >= EXEC_MAX_ENV || asprintf(&kv, "%s=%s", a->env.v[i], v) < 0)
                        return -E2BIG;
                if (strv_push_take(env, kv) < 0)
                        return -ENOMEM;
        }
        return 0;
}

/* SIGINT/SIGTERM/SIGHUP: one byte into this pipe, which cage_run polls (spec.cancel_fd). */
static int cancel_pipe[2] = { -1, -1 };
static volatile sig_atomic_t cancel_sig;

static void on_cancel(int sig)
{
        int e = errno;

        cancel_sig = sig;
        (void)!write(cancel_pipe[1], "x", 1);
        errno = e;
}

static int cancel_install(struct sigaction old[3])
{
        static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
        struct sigaction sa = { .sa_handler = on_cancel };

        if (pipe2(cancel_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
                return -errno;
        sigemptyset(&sa.sa_mask);
        for (unsigned i = 0; i < 3; i++)
                sigaction(sigs[i], &sa, &old[i]);
        return cancel_pipe[0];
}

static void cancel_restore(struct sigaction old[3])
{
        static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };

        for (unsigned i = 0; i < 3; i++)
                sigaction(sigs[i], &old[i], NULL);
        for (unsigned i = 0; i < 2; i++)
                if (cancel_pipe[i] >= 0)
                        close(cancel_pipe[i]);
        cancel_pipe[0] = cancel_pipe[1] = -1;
}

/* The working directory as the caller named it ($PWD when it is this directory), so that
 * it matches --rw/--ro paths bound where they were named; else the physical one. */
static char *logical_cwd(void)
{
        const char *pwd = getenv("PWD");
        struct stat a, b;

        if (pwd && pwd[0] == '/' && strlen(pwd) < PATH_MAX && stat(pwd, &a) == 0 &&
            stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino &&
            !strstr(pwd, "/./") && !strstr(pwd, "/../"))
                return strdup(pwd);
        return getcwd(NULL, 0);
}

/* Each layer the cage went without, once per run (CONTRACTS §7 has them in `degraded`). */
static void warn_degraded(const struct cage_layers *l)
{
        const char *deg[32];
        int n = cage_degraded_list(l, deg, (int)ARRAY_SIZE(deg));

        for (int i = 0; i < n; i++)
                log_warn("cage without %s", deg[i]);
}

static int run_it(struct exec_args *a, char **argv)
{
        struct cage_result res;
        struct diag d = { 0 };
        struct strv env = { 0 };
        struct sigaction old[3];
        _cleanup_free_ char *cmd = NULL, *cwd = logical_cwd(), *rel = NULL;
        char named[PATH_MAX];
        int r;

        for (unsigned i = 0; i < a->n_rw + a->n_ro; i++) {
                const char *p = i < a->n_rw ? a->rw[i] : a->ro[i - a->n_rw];

                if (cage_user_path(p, cwd, named, sizeof(named), &d) < 0) {
                        log_error("%s %s", i < a->n_rw ? "--rw" : "--ro", d.msg);
                        return EXIT_USAGE;
                }
        }
        /* ./cmd and dir/cmd run from the caller's working directory (CONTRACTS §1). */
        if (strchr(argv[0], '/') && argv[0][0] != '/' && cwd) {
                if (asprintf(&rel, "%s/%s", cwd, argv[0]) < 0)
                        return EXIT_FAIL;
                argv[0] = rel;
        }
        r = cage_resolve_command(argv[0], &cmd);
        if (r < 0) {
                log_error("'%s': %s", argv[0],
                          r == -EINVAL ? "use a command name or a path" : strerror(-r));
                return r == -EACCES ? 126 : 127;
        }
        argv[0] = cmd;
        if (build_env(a, &env) < 0) {
                log_error("too many --env variables (at most %d)", EXEC_MAX_ENV);
                strv_free(&env);
                return EXIT_USAGE;
        }
        a->rw[a->n_rw] = NULL;
        a->ro[a->n_ro] = NULL;
        a->spec.argv = argv;
        a->spec.envp = env.v;
        a->spec.cwd = cwd;
        a->spec.rw_paths = a->rw;
        a->spec.ro_paths = a->ro;
        a->spec.stdin_fd = a->no_stdin ? -1 : 0;
        a->spec.hidden_paths = (const char *const *)a->hidden.v;
        a->spec.disk_quota_mb = a->disk_quota_mb;
        fflush(stdout);
        a->spec.cancel_fd = cancel_install(old);
        r = cage_run(&a->spec, &res, &d);
        cancel_restore(old);
        strv_free(&env);
        if (r >= 0)
                warn_degraded(&res.layers);
        if (r < 0) {
                log_error("%s", d.msg[0] ? d.msg : strerror(-r));
                if (cancel_sig)
                        return 130;
                if (r == -EOPNOTSUPP)
                        return EXIT_NO_CAGE;
                if (r == -EPERM && strstr(d.msg, "project's"))
                        return EXIT_POLICY;
                if (r == -EINVAL && strstr(d.msg, "--disk-quota"))
                        return EXIT_USAGE;
                return r == -ENOENT && strstr(d.msg, "execute") ? 127 : EXIT_FAIL;
        }
        if (a->json) {
                json_t *rec = cage_result_json(&res);

                print_json(rec);
                json_decref(rec);
        }
        if (res.merge_failed) {
                /* What did not reach the real directories, each by name (CONTRACTS §1). */
                for (size_t i = 0; i < res.disk_errors.n; i++)
                        log_error("--disk-quota: %s", res.disk_errors.v[i]);
                log_error("--disk-quota: the changes named above were not merged into the "
                          "--rw paths (%llu others were)", (unsigned long long)res.merged);
        }
        if (res.reason == CAGE_INTERRUPTED)
                log_error("'%s' was stopped: interrupted by signal %d", argv[0],
                          (int)cancel_sig);
        else if (res.reason != CAGE_EXITED && res.reason != CAGE_KILLED)
                log_error("'%s' was stopped by the cage: %s", argv[0],
                          cage_reason_name(res.reason));
        r = cage_result_exit_code(&res);
        /* Changes the command made and akios lost: a failure whatever the command said. */
        if (res.merge_failed && r == 0)
                r = EXIT_FAIL;
        cage_result_free(&res);
        return r;
}

int cmd_exec(int argc, char **argv)
{
        struct exec_args a = { 0 };
        struct diag d = { 0 };
        int o, r;

        cage_spec_defaults(&a.spec);
        if (load_config(&a.spec, &a.hidden, &d) < 0) {
                char msg[1200];

                diag_format(&d, msg, sizeof(msg));
                log_error("%s", msg);
                return EXIT_USAGE;
        }
        optind = 1;
        opterr = 0;
        while ((o = getopt_long(argc, argv, "+", options, NULL)) != -1) {
                if (o == OPT_HELP) {
                        strv_free(&a.env);
                        strv_free(&a.hidden);
                        return command_help("exec");
                }
                if (o == '?') {
                        strv_free(&a.env);
                        strv_free(&a.hidden);
                        return usage_error("exec", "unknown option '%s'", argv[optind - 1]);
                }
                r = parse_option(&a, o, optarg);
                if (r) {
                        strv_free(&a.env);
                        strv_free(&a.hidden);
                        return r;
                }
        }
        if (optind >= argc) {
                strv_free(&a.env);
                strv_free(&a.hidden);
                return usage_error("exec", "no command given (akios exec [OPTIONS] -- CMD)");
        }
        r = run_it(&a, argv + optind);
        strv_free(&a.env);
        strv_free(&a.hidden);
        return r;
}
