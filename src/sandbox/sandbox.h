/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sandbox: the kernel cage that untrusted commands run in (`akios exec`, tool_executor).
 *
 * cage_run() forks one child into new user, mount, pid, net, ipc, uts (and cgroup)
 * namespaces, builds a minimal read-only root from binds, drops every privilege, loads the
 * seccomp allowlist last and execs a tiny init (pid 1, a fresh image holding nothing of the
 * supervisor) that runs spec->argv as pid 2; when the payload exits the kernel kills and
 * reaps everything it left behind (double-forked daemons included). The parent watches wall
 * time and output size, reaps, reads the cgroup's verdict and removes the cgroup. The
 * supervisor is non-dumpable from the first cage_run() on (PR_SET_DUMPABLE 0, for good).
 *
 * Layers the host cannot provide are left out and reported in result->layers (best effort),
 * unless spec->strict is set: then cage_run() fails with -EOPNOTSUPP and a diag naming the
 * missing layer and how to enable it (the CLI maps that to exit 7). Where no namespace can
 * be made at all the cage is its floor (floor.c; layers.floor): without Landlock or seccomp
 * that floor is missing too, and cage_run() fails with -EOPNOTSUPP unless spec->none.
 * spec->disk_quota_mb that cannot be enforced (the floor, or a kernel refusing the tmpfs or
 * overlay) is -EOPNOTSUPP too, unless spec->none. cage_degraded_list() says, one line each,
 * what a run went without. No other failure returns -EOPNOTSUPP.
 *
 * Ownership: the spec's strings belong to the caller and must stay valid during cage_run().
 * The result owns its capture buffers: release with cage_result_free().
 *
 * Threads: cage_run() forks; call it from the thread that lives as long as the child
 * (PR_SET_PDEATHSIG fires when the creating thread exits). Nothing here prints.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/util.h"

enum cage_net { CAGE_NET_NONE, CAGE_NET_LOOPBACK };

enum cage_output {
        /* The child's stdout/stderr go, as they come, to spec->stdout_fd / stderr_fd (relayed
         * through pipes so they are counted and capped; used by `akios exec`). */
        CAGE_OUTPUT_PASS,
        /* Captured into result->out / result->err, at most max_output bytes in total. */
        CAGE_OUTPUT_CAPTURE,
};

enum cage_reason {
        CAGE_EXITED,
        CAGE_KILLED,
        CAGE_TIMEOUT,
        CAGE_MEMORY,
        CAGE_PIDS,
        CAGE_OUTPUT_LIMIT,
        CAGE_SECCOMP,
        CAGE_CPU_TIME,            /* the kernel's RLIMIT_CPU (SIGXCPU, or SIGKILL at the hard limit) */
        CAGE_INTERRUPTED,         /* spec->cancel_fd became readable (SIGINT/SIGTERM) */
        _CAGE_REASON_MAX,
};

enum cage_cgroup { CAGE_CGROUP_NONE, CAGE_CGROUP_V1, CAGE_CGROUP_V2 };

/* The boolean layers of CONTRACTS §7 (plus cgroupns), in record order. */
enum cage_layer {
        CAGE_LAYER_USERNS,
        CAGE_LAYER_MOUNTNS,
        CAGE_LAYER_PIDNS,
        CAGE_LAYER_NETNS,
        CAGE_LAYER_IPCNS,
        CAGE_LAYER_UTSNS,
        CAGE_LAYER_CGROUPNS,
        CAGE_LAYER_SECCOMP,
        CAGE_LAYER_LANDLOCK,
        CAGE_LAYER_NO_NEW_PRIVS,
        CAGE_LAYER_CAPS_DROPPED,
        _CAGE_LAYER_MAX,
};

/* Steps that could not be done although the cage ran (cosmetic, or covered otherwise). */
enum {
        CAGE_DEGRADED_HOSTNAME = 1 << 0, /* sethostname refused (podman's default profile) */
        CAGE_DEGRADED_SCOPE = 1 << 1,    /* floor without Landlock signal scoping (ABI < 6) */
        CAGE_DEGRADED_NO_FLOOR = 1 << 2, /* sandbox_required: none, and not even the floor */
        CAGE_DEGRADED_PROC = 1 << 3,     /* a fresh /proc was refused: /proc is empty */
        CAGE_DEGRADED_DISK = 1 << 4,     /* disk_quota_mb asked, none (sandbox_required: none) */
        CAGE_DEGRADED_USERNS_LIMITS = 1 << 5, /* /proc/sys read-only: no own userns limits */
};

struct cage_layers {
        bool on[_CAGE_LAYER_MAX];
        int cgroup; /* enum cage_cgroup */
        /* Measured in the child just before execve: no supplementary group is left. Rootless
         * the kernel keeps them (setgroups is denied in an unprivileged userns). */
        bool groups_dropped;
        /* The floor: no namespaces could be made (no user namespaces, not root), so the cage
         * is Landlock for reads and writes, the floor seccomp filter (no sockets, no SysV
         * IPC, no signals to -1, no setting another process's limits or priority), a
         * subreaper that kills every descendant, rlimits, no_new_privs, a non-dumpable
         * supervisor (floor.c). */
        bool floor;
        bool subreaper;
        /* disk_quota_mb is enforced: each read-write path is an overlay whose upper layer is
         * on one tmpfs of that size (mount.c), merged back when the cage has ended (merge.c) */
        bool disk_quota;
        unsigned degraded; /* CAGE_DEGRADED_* */
};

struct cage_spec {
        char *const *argv;        /* argv[0] absolute (see cage_resolve_command) */
        char *const *envp;        /* the exact environment; NULL = empty */
        const char *workdir;      /* bound read-write at the same path and the cwd; may be NULL */
        int workdir_fd;           /* -1, or workdir as an open directory: then what is bound is
                                   * exactly this directory, wherever its path now leads */
        const char *cwd;          /* cwd when workdir is NULL; "/" when not visible in the cage */
        const char *const *rw_paths; /* NULL-terminated, bound read-write at the same path */
        const char *const *ro_paths; /* NULL-terminated, bound read-only at the same path */
        int net;                  /* enum cage_net */
        uint64_t memory_mb;       /* cgroup memory.max (and RLIMIT_AS backstop); 0 = none */
        uint64_t pids;            /* cgroup pids.max; 0 = none */
        uint64_t cpu_time_s;      /* RLIMIT_CPU; 0 = none */
        uint64_t wall_time_ms;    /* SIGTERM, grace_ms, SIGKILL of the whole namespace; 0 = none */
        uint64_t grace_ms;
        uint64_t max_output;      /* bytes, stdout + stderr together; 0 = no cap */
        uint64_t fsize_mb;        /* RLIMIT_FSIZE; 0 = none */
        uint64_t nofile;          /* RLIMIT_NOFILE; 0 = inherit */
        uint64_t tmp_size_mb;     /* size of the tmpfs on /tmp */
        /* 0: none. Else everything the payload writes under the workdir and the --rw paths
         * (new files, copies of changed ones) lives on one tmpfs of this size, so the kernel
         * answers ENOSPC past it; the changes reach the real directories when the payload has
         * ended (also after a limit kill, never when the supervisor died). Every read-write
         * path must then be a directory, none inside another. Needs a mount namespace: in the
         * floor cage_run fails with -EOPNOTSUPP unless spec->none (then degraded). */
        uint64_t disk_quota_mb;
        double cpu_fraction;      /* cpu.max quota as a fraction of one CPU; 0 = none */
        bool strict;              /* sandbox_required: strict */
        bool none;                /* sandbox_required: none: run even without the floor */
        /* Paths the cage never shows (the project's audit/, .env, config.yaml): a workdir,
         * --rw or --ro path that is one of them or holds one is refused (-EPERM).
         * NULL-terminated; may be NULL. */
        const char *const *hidden_paths;
        int output;               /* enum cage_output */
        int stdin_fd;             /* -1: /dev/null; else relayed through a pipe (the payload
                                   * never gets this fd itself) */
        int cancel_fd;            /* -1: none; readable or hung up: stop the cage now
                                   * (reason interrupted) */
        int stdout_fd, stderr_fd; /* PASS targets (default 1 and 2) */
        uid_t uid;                /* payload uid/gid; (uid_t)-1: see cage_default_uid() */
        gid_t gid;
};

struct cage_result {
        int exit_code;            /* -1 when killed by a signal */
        int signal;               /* 0 when it exited */
        int reason;               /* enum cage_reason */
        long syscall;             /* the syscall seccomp killed, -1 when unknown */
        char syscall_name[48];    /* its name ("keyctl", "x32:getpid"); "" when unknown */
        double wall_ms;
        double cpu_ms;
        long max_rss_kb;
        uint64_t stdout_bytes;
        uint64_t stderr_bytes;
        bool truncated;
        struct cage_layers layers;
        uid_t uid;                /* the host uid the payload ran as */
        struct buf out, err;      /* CAPTURE mode */
        /* spec->disk_quota_mb (0: none asked), what the payload's changes took of it when it
         * ended, and whether none was left then (a payload that hit it and freed space again
         * is not seen). merge_failed: something was not merged back; disk_errors names each
         * path and why ("'/w/x': ..."), at most CAGE_MERGE_MAX_ERRORS lines. */
        uint64_t disk_quota_mb;
        uint64_t disk_used_bytes;
        bool disk_full;
        bool merge_failed;
        uint64_t merged;          /* entries written or removed in the real directories */
        struct strv disk_errors;
};
#define CAGE_MERGE_MAX_ERRORS 64

/* Defaults: net none, memory 256 MB, pids 128, cpu 30 s, wall 60 s, grace 1 s, output 1 MiB,
 * fsize 10 MB, nofile 100, tmp 64 MB, cpu 0.8, PASS to fds 1/2, stdin /dev/null, no cancel fd. */
void cage_spec_defaults(struct cage_spec *s);

/* Run spec->argv in the cage and wait for it (and everything it started) to end.
 * Returns 0 with *ret filled when the payload ran (whatever its outcome), or -errno when the
 * cage could not be built (d names the failed step), -EOPNOTSUPP for strict mode. */
int cage_run(const struct cage_spec *spec, struct cage_result *ret, struct diag *d);
void cage_result_free(struct cage_result *r);

/* What the run went without, one line each ("mountns: ..."): at most max entries of static
 * strings into out; returns how many. Empty for a full cage. */
int cage_degraded_list(const struct cage_layers *l, const char **out, int max);
/* What a run without `layer` goes without, in the floor or not, without the "name: " prefix
 * of cage_degraded_list's line (doctor's "without it"); NULL when no line names the layer. */
const char *cage_layer_loss(int layer, bool floor);

/* The record of CONTRACTS §7 (new reference). */
json_t *cage_result_json(const struct cage_result *r);
/* The exit code of `akios exec`: the payload's code, 128+signal, 5 for a cage limit, 130 when
 * interrupted (CONTRACTS §2). */
int cage_result_exit_code(const struct cage_result *r);

const char *cage_reason_name(int reason);
const char *cage_layer_name(int layer);
const char *cage_cgroup_name(int version);

/* The uid the payload runs as when spec->uid is -1: the caller's uid when not root; as root,
 * the owner of workdir when it is not root, else 65534 (nobody). Never host uid 0. */
uid_t cage_default_uid(const char *workdir);

/* Resolve a command name as the cage sees it: a name with a '/' must be an absolute path to
 * an executable file; a bare name is searched in PATH=/usr/local/bin:/usr/bin:/bin.
 * *ret is malloc'd. -ENOENT, -EACCES, -EINVAL (relative path with a slash). */
int cage_resolve_command(const char *name, char **ret);
#define CAGE_PATH "/usr/local/bin:/usr/bin:/bin"

/* A --ro/--rw path the cage can bind: absolute (lexically normalised into out, relative ones
 * against cwd), existing, not "/", and neither /proc, /sys, /dev nor below them (the cage has
 * its own; binding the host's over them would undo the pid namespace's view). -EINVAL with
 * a diag otherwise. (paths.c) */
int cage_user_path(const char *path, const char *cwd, char *out, size_t size, struct diag *d);

/* Environment variables a policy may never set in the cage (tool_executor `env`). */
bool cage_env_forbidden(const char *name);

/* ---- what the host offers (akios doctor) --------------------------------------------- */

struct cage_host_check {
        bool available;
        char reason[600]; /* why (not) */
        char fix[400];    /* how to enable it; "" when available */
};

struct cage_host {
        struct cage_host_check layer[_CAGE_LAYER_MAX];
        struct cage_host_check cgroup;
        int cgroup_version;  /* enum cage_cgroup that cage_run would use */
        int landlock_abi;    /* 0 when absent */
        bool root;
        /* The best-effort test cage itself: did it run, what did it go without */
        bool cage_runs;
        bool cage_refused;   /* not even the floor (runs exit 7) */
        char cage_error[300];
        struct cage_layers tested;
};

/* Probe every layer by trying it (in short-lived children); never fails, never prints. */
void cage_probe_host(struct cage_host *h);
