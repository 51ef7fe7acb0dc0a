/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sandbox internals: the per-facility halves that cage.c runs as a flat checklist.
 *
 * Parent halves run in the supervisor (host credentials); child halves run in the freshly
 * cloned child, which has capabilities only inside its own user namespace. Child halves
 * return 0/-errno and never allocate more than a page or two: the child _exits on failure.
 * Not a public header: only src/sandbox/ and its unit tests include it.
 */
#pragma once

#include <signal.h>

#include <limits.h>
#include <linux/filter.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "sandbox/sandbox.h"

#define CAGE_MAX_PATHS 32     /* --rw + --ro paths */
#define CAGE_NOBODY 65534

/* A source the parent opened (O_PATH) for the child to bind: the child cannot reach host
 * paths its user namespace has no rights on, and a path opened once cannot be swapped. */
struct cage_bind {
        int kind;             /* mount.c's entry kinds */
        int fd;
        bool rw;
        bool is_dir;
        char dst[PATH_MAX];   /* path inside the cage (where the user named it) */
        char src[PATH_MAX];   /* canonical host path, resolved once by the parent */
        dev_t dev;            /* what the parent found there: the child's reopen must */
        ino_t ino;            /* find the same inode (a swap in between is refused) */
        char target[128];     /* symlink target or tmpfs options */
        /* disk quota (spec->disk_quota_mb): this read-write directory is an overlay whose
         * upper layer is quota_idx/upper on the quota tmpfs; real_fd (parent) is the real
         * directory, opened before the clone, that merge.c writes the changes into */
        bool quota;
        unsigned quota_idx;
        int real_fd;
};

struct cage_ctx {
        const struct cage_spec *spec;
        unsigned clone_flags;
        uid_t uid;            /* payload uid/gid on the host */
        gid_t gid;
        bool host_root;       /* the supervisor is uid 0 */
        pid_t supervisor;     /* getpid() of the supervisor, for the death-signal check */
        int go_fd;            /* child reads one byte: maps written, cgroup joined */
        int status_fd;        /* child writes struct cage_msg; CLOEXEC, so EOF = exec done */
        int out_fd, err_fd;   /* child ends of the output pipes */
        int null_fd;          /* /dev/null for stdin */
        int stdin_rd;         /* read end of the stdin relay pipe, -1: /dev/null */
        int stdin_wr;         /* its write end, the supervisor's: the child closes it, or the
                               * payload would never see EOF (pid 1 does not exec) */
        struct cage_bind binds[CAGE_MAX_PATHS + 40];
        char workdir[PATH_MAX];   /* canonical spec->workdir */
        unsigned n_binds;
        const struct sock_fprog *seccomp; /* CAGE_SECCOMP_FILTERS of them */
        int cg_fds[4];        /* v1 `tasks` files the child joins itself (-1: none) */
        bool cg_self;         /* the child joins the cgroup itself (else the parent) */
        int notify_fd;        /* seccomp listener, child side until handed over */
        struct cage_layers layers;
        int landlock_abi;
        int init_fd;          /* the sealed memfd of the cage's pid 1 (init.c) */
        int disk_fd;          /* child: the quota tmpfs, no longer mounted anywhere; -1 */
        int disk_errno;       /* child: why the kernel refused the quota's overlay */
};

/* DISK: the quota tmpfs's fd comes with it (SCM_RIGHTS), before LAYERS. */
enum { CAGE_MSG_ERROR = 1, CAGE_MSG_LAYERS = 2, CAGE_MSG_EXIT = 3, CAGE_MSG_DISK = 5 };

struct cage_msg {
        int kind;
        int step;             /* index into the child checklist */
        int err;              /* positive errno */
        int strict;           /* the failure is a missing layer (strict mode) */
        int disk_err;         /* ERROR: the kernel refused the disk quota's overlay (errno) */
        struct cage_layers layers;
        int64_t cpu_ms;       /* EXIT: the payload's own CPU time (attrib.c), -1 unknown */
};

/* init.c: the cage's pid 1, a separate program image (see init/cage-init.c) */
#define CAGE_INIT_MAX_ARGS 8192
/* The memfd holding it, made once per process and kept (CLOEXEC); -errno. */
int init_parent_fd(struct diag *d);
/* Child, last step in a pid namespace: exec it; returns -errno only on failure. */
int init_child_exec(struct cage_ctx *c);

/* floor.c: the cage without namespaces */
/* Parent, before a clone without namespaces: mark the floor, refuse (-EOPNOTSUPP, d) when
 * Landlock or seccomp is missing unless sandbox_required is none, become a subreaper. */
int floor_parent_prepare(struct cage_ctx *c, struct diag *d);
/* Parent, once the payload is reaped (and its process group killed): kill every process
 * left below us (orphans reparented to the subreaper), round after round until none is. */
void floor_kill_descendants(void);
/* Any mode: refuse a workdir/--rw/--ro path that is or holds one of spec->hidden_paths. */
int cage_check_hidden(const struct cage_spec *s, struct diag *d);

/* merge.c: the disk quota's changes into the real directories, once the cage has ended:
 * fills ret's disk fields (usage, merged, merge_failed, disk_errors); -errno only when
 * no merge could be started (then nothing was merged). */
int merge_parent_run(struct cage_ctx *c, int disk_fd, struct cage_result *ret);

/* userns.c */
int userns_parent_map(pid_t pid, const struct cage_ctx *c);
int userns_child_ids(struct cage_ctx *c);

/* mount.c */
int mount_parent_open(struct cage_ctx *c, struct diag *d);
int mount_child_open(struct cage_ctx *c);
int mount_child_root(struct cage_ctx *c);
/* The entry is a host path (a bind or an /etc copy) at b->dst: what the floor's Landlock
 * rules allow in place of the binds. */
bool mount_entry_is_host(const struct cage_bind *b);
/* Child, after mount_child_root: the cage's /proc is empty (a container's masked /proc). */
bool mount_proc_refused(void);

/* net.c (and uts) */
int net_child_loopback(struct cage_ctx *c);
int uts_child_hostname(struct cage_ctx *c);

/* rlimit.c */
int rlimit_child_apply(struct cage_ctx *c);
/* The per-user-namespace counts (inotify instances and watches, namespaces) of the cage's
 * own userns, so the payload cannot use up its owner's (host root's) share. */
int rlimit_child_userns(struct cage_ctx *c);

/* attrib.c: what the supervisor saw, for the record's reason (CONTRACTS §7). */
struct cage_seen {
        bool cancelled, output, time;   /* the supervisor stopped it for that */
        bool seccomp;                   /* the listener saw the payload's own call killed */
        int seccomp_sig;
        bool oom, pids;                 /* the cgroup's memory.events / pids.events */
        int64_t payload_cpu_ms;         /* the payload's own CPU time as RLIMIT_CPU counts it
                                         * (its SIGCHLD's si_utime + si_stime), -1 unknown */
        uint64_t cpu_limit_s;           /* RLIMIT_CPU soft (hard = soft + 1) */
};
/* The reason for a payload that ended with wait status `status`. */
int cage_attribute(const struct cage_seen *s, int status);
/* CPU time (user + system) of a live or zombie process, from /proc/PID/stat (scaled to the
 * scheduler's runtime: it can read below what RLIMIT_CPU counted); -1 unknown. */
int64_t cage_task_cpu_ms(const char *proc, pid_t pid);

/* caps.c */
int caps_child_bounding(struct cage_ctx *c);
int caps_child_clear(struct cage_ctx *c);
int caps_child_no_new_privs(struct cage_ctx *c);

/* landlock.c */
int landlock_abi_version(void);
int landlock_child_apply(struct cage_ctx *c);

/* seccomp.c: the filters come compiled from the build (gen/seccomp-gen.c). */
#define CAGE_SECCOMP_FILTERS 2
#define CAGE_SYSCALL_TABLE 1024
int seccomp_filter_get(const struct sock_fprog **ret, struct diag *d);
/* Child: install them, the first with a listener when possible (c->notify_fd, else -1). */
int seccomp_child_load(struct cage_ctx *c);
/* The names the policy denies with EPERM (NULL-terminated). */
const char *const *seccomp_denied_names(void);
/* "keyctl", "x32:getpid", "i386:ptrace", or "arch-0x...:N" when unknown. */
void seccomp_syscall_name(uint32_t arch, long nr, char *out, size_t size);

struct seccomp_kill {
        bool payload;   /* the caller was the payload's own process */
        long nr;
        uint32_t arch;
        int sig;        /* what it was killed with: SIGSYS, or SIGKILL when SIGSYS is handled */
};

/* Parent: take one notification from the listener, kill the caller, refuse the syscall.
 * payload is the payload's pid (in the cage's pid namespace when payload_is_ns_pid). */
/* How `payload` names the payload: its host pid, its pid in the cage's pid namespace, or
 * (the floor, where the init is not pid 1) the pid of its parent, the init. */
enum { SECCOMP_MATCH_PID, SECCOMP_MATCH_NS_PID, SECCOMP_MATCH_PARENT };
int seccomp_notify_handle(int fd, pid_t payload, int match, struct seccomp_kill *ret);

/* Generated at build time ($(B)/gen/cage-seccomp.c). */
extern const struct sock_fprog cage_bpf_notify[CAGE_SECCOMP_FILTERS];
extern const struct sock_fprog cage_bpf_kill[CAGE_SECCOMP_FILTERS];
extern const char *const cage_seccomp_denied[];
extern const struct sock_fprog cage_bpf_floor; /* stacked on the others in the floor */
/* abi 0 x86-64, 1 x32 (without the x32 bit), 2 i386; NULL when unknown. */
const char *cage_syscall_lookup(int abi, unsigned nr);

/* cgroup.c */
struct cg_mount {
        char path[PATH_MAX];   /* mount point */
        char root[PATH_MAX];   /* root of the mount (4th mountinfo field) */
};

struct cg_mounts {
        bool have_v2;
        struct cg_mount v2;
        /* v1 controllers we use; have[i] when mounted */
        bool have_v1[4];
        struct cg_mount v1[4];
};

enum { CG1_MEMORY, CG1_PIDS, CG1_CPU, CG1_FREEZER, _CG1_MAX };

struct cg_limits {
        uint64_t memory_bytes;  /* 0: none */
        uint64_t pids;          /* 0: none */
        double cpu_fraction;    /* 0: none */
};

struct cgroup {
        int version;                 /* enum cage_cgroup */
        char v2[PATH_MAX];           /* the child's cgroup dir (v2) */
        char v1[_CG1_MAX][PATH_MAX]; /* per controller; "" when unused */
};

/* Test hook: open cgroup files with O_CREAT (a fake cgroupfs made of plain files). */
extern bool cg_fake_fs;

int cg_parse_mountinfo(const char *text, struct cg_mounts *ret);
/* From /proc/self/cgroup text: the path for `controller` ("" = the v2 line "0::"). */
int cg_parse_self(const char *text, const char *controller, char *out, size_t size);
/* Join a mount point, its root and a cgroup path into a directory. */
int cg_join_path(const struct cg_mount *m, const char *cgpath, char *out, size_t size);

/* v2: make <base>/<name> with the limits, enabling controllers in base as needed. */
int cg2_create(const char *base, const char *name, const struct cg_limits *l,
               char *ret_dir, size_t size, struct diag *d);
int cg1_create(const struct cg_mounts *m, const char *self_text, const char *name,
               const struct cg_limits *l, struct cgroup *ret, struct diag *d);
/* Pick v2, else v1, else none from /proc/self/{mountinfo,cgroup}, and create the cgroup. */
int cg_setup(const char *name, const struct cg_limits *l, struct cgroup *ret, struct diag *d);
int cg_attach(const struct cgroup *cg, pid_t pid);
/* v1: open each controller's `tasks` file (with our credentials, which the kernel checks at
 * write time) for the child to move itself in: a thread writing "0" there skips the
 * threadgroup lock whose RCU grace period makes a parent-side attach cost milliseconds.
 * Returns how many were opened (0 on v2/none: the parent attaches there), or -errno. */
int cg_open_join(const struct cgroup *cg, int *fds, unsigned n);
/* Child half: write "0" to each and close them all (even on failure). */
int cg_child_join(int *fds, unsigned n);
/* Signal every process in the cgroup (SIGKILL uses cgroup.kill on v2). */
void cg_signal(const struct cgroup *cg, int sig);
/* Did the memory controller OOM-kill, did pids.max refuse a fork? */
void cg_events(const struct cgroup *cg, bool *ret_oom, bool *ret_pids);
void cg_destroy(struct cgroup *cg);
/* Which version would be used, and why not the others (for doctor). */
int cg_detect(char *reason, size_t size);

/* small I/O helpers shared by the halves (util.c in this folder) */
int cage_write_file(const char *path, const char *s);
int cage_write_at(int dirfd, const char *file, const char *s, int flags);
int cage_read_small(const char *path, char *out, size_t size);
