/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cage: cage_run(), the parent half that builds, watches and tears down one cage, and the
 * child's checklist (STYLE rule 6) from clone to execve.
 *
 * Parent: open the bind sources, create the cgroup, clone into the namespaces (falling back
 * to fewer when the host refuses, unless strict), write the uid/gid map, put the child in
 * the cgroup (v2; on v1 the child joins it itself, first thing), let it go, then poll its
 * status socket, its stdout/stderr pipes, its pidfd, the seccomp listener it hands over, the
 * caller's cancel fd and the stdin relay against the wall-time deadline. Over the output cap
 * or past the deadline the whole cage is stopped (SIGTERM, grace, SIGKILL of pid 1, which
 * takes the pid namespace with it, and of the cgroup); on the cancel fd at once (SIGKILL).
 * Then reap, read the cgroup's events, remove the cgroup, fill the record (attrib.c says
 * why it ended). The child sets its death signal after its last uid change, so the cage
 * never outlives the supervisor.
 *
 * Child: each step is one small function; the first failure is reported to the parent as
 * {step, errno} on a CLOEXEC pipe and the child _exits. Layers that are optional in
 * best-effort mode are switched off instead, and reported. Seccomp is loaded last, then
 * execve; a successful execve closes the pipe, which is how the parent knows.
 *
 * It does not redact or store output (callers do), and does not resolve commands (see
 * cage_resolve_command).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox/init-msg.h"
#include "sandbox/internal.h"

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

#define NS_FLAGS (CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | \
                  CLONE_NEWUTS)
#define READ_CHUNK 65536

/* ---- child checklist ----------------------------------------------------------------- */

static int child_wait(struct cage_ctx *c)
{
        char b;

        /* EOF: the parent died or gave up before letting us go. */
        if (read(c->go_fd, &b, 1) != 1)
                return -ECANCELED;
        close(c->go_fd);
        /* Dumpable only while the supervisor wrote our uid map (see launch). */
        return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0 ? -errno : 0;
}

/* v1: move ourselves into the cgroup through the `tasks` files the parent opened, first
 * thing, so everything the cage does afterwards (the payload's fork included) is in it. */
static int child_cgroup(struct cage_ctx *c)
{
        int r;

        if (!c->cg_self)
                return 0;
        r = cg_child_join(c->cg_fds, ARRAY_SIZE(c->cg_fds));
        if (r >= 0 || c->spec->strict)
                return r;
        c->layers.cgroup = CAGE_CGROUP_NONE;
        return 0;
}

static int child_session(struct cage_ctx *c)
{
        (void)c;
        /* No controlling terminal: TIOCSTI has nothing to inject into (CVE-2017-5226). */
        return setsid() < 0 ? -errno : 0;
}

/* The cage dies with its supervisor. Set after the last uid/gid change, which clears the
 * death signal (commit_creds), and then checked against the race where the supervisor died
 * before it was set: its end of the status socket is then closed (a pid namespace hides the
 * parent from getppid(), which reads 0 there). */
static int child_deathsig(struct cage_ctx *c)
{
        struct pollfd p = { .fd = c->status_fd, .events = POLLRDHUP };
        pid_t pp;

        if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0)
                return -errno;
        pp = getppid();
        if (pp != c->supervisor && !(pp == 0 && (c->clone_flags & CLONE_NEWPID)))
                _exit(127);
        if (poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLRDHUP | POLLERR)))
                _exit(127);
        return 0;
}

static int child_ids_early(struct cage_ctx *c)
{
        return c->clone_flags & CLONE_NEWUSER ? userns_child_ids(c) : 0;
}

static int child_ids_late(struct cage_ctx *c)
{
        return c->clone_flags & CLONE_NEWUSER ? 0 : userns_child_ids(c);
}

static int child_cgroupns(struct cage_ctx *c)
{
        if (!(c->clone_flags & CLONE_NEWUSER) && !c->host_root)
                return -EPERM;
        return unshare(CLONE_NEWCGROUP) < 0 ? -errno : 0;
}

static int child_open(struct cage_ctx *c)
{
        return c->clone_flags & CLONE_NEWNS ? mount_child_open(c) : 0;
}

static int child_mount(struct cage_ctx *c)
{
        int r = c->clone_flags & CLONE_NEWNS ? mount_child_root(c) : 0;

        if (r >= 0 && mount_proc_refused())
                c->layers.degraded |= CAGE_DEGRADED_PROC;
        return r;
}

/* Cosmetic: the namespace isolates the hostname whether or not we may set it (podman's
 * default seccomp profile refuses sethostname), so a refusal is noted, not fatal. */
static int child_uts(struct cage_ctx *c)
{
        if ((c->clone_flags & CLONE_NEWUTS) && uts_child_hostname(c) < 0)
                c->layers.degraded |= CAGE_DEGRADED_HOSTNAME;
        return 0;
}

static int child_net(struct cage_ctx *c)
{
        return c->clone_flags & CLONE_NEWNET ? net_child_loopback(c) : 0;
}

static int child_stdio(struct cage_ctx *c)
{
        /* The relay pipe (never the caller's own fd 0: a terminal's modes, a directory fd,
         * a descriptor opened read-write), else /dev/null. */
        int in = c->stdin_rd >= 0 ? c->stdin_rd : c->null_fd;

        if (c->stdin_wr >= 0)
                close(c->stdin_wr);
        c->stdin_wr = -1;

        if (dup2(in, 0) < 0 || dup2(c->out_fd, 1) < 0 || dup2(c->err_fd, 2) < 0)
                return -errno;
        return 0;
}

static int child_close_fds(struct cage_ctx *c)
{
        /* CLOEXEC rather than close: the status pipe must live until execve. */
        if (syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) == 0)
                return 0;
        for (int fd = 3; fd < 65536; fd++)
                if (fd != c->status_fd)
                        close(fd);
        return 0;
}

static int child_chdir(struct cage_ctx *c)
{
        const char *dir = c->spec->workdir ? c->workdir : c->spec->cwd;

        if (dir && chdir(dir) == 0)
                return 0;
        if (c->spec->workdir)
                return -errno;
        return chdir("/") < 0 ? -errno : 0;
}

/* Measured, not assumed: rootless, the kernel keeps the caller's supplementary groups. */
static int child_groups(struct cage_ctx *c)
{
        c->layers.groups_dropped = getgroups(0, NULL) == 0;
        return 0;
}

static int child_landlock(struct cage_ctx *c)
{
        return landlock_child_apply(c);
}

/* The layers that ended up on, and the seccomp listener (SCM_RIGHTS), which we then close:
 * neither pid 1 nor the payload may keep it. */
static int child_report(struct cage_ctx *c)
{
        struct cage_msg m = { .kind = CAGE_MSG_LAYERS, .layers = c->layers };
        union {
                struct cmsghdr h;
                char buf[CMSG_SPACE(sizeof(int))];
        } ctl;
        struct iovec iov = { .iov_base = &m, .iov_len = sizeof(m) };
        struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
        ssize_t n;

        if (c->disk_fd >= 0) {
                /* The quota's tmpfs to the supervisor, which merges it once we are gone. */
                struct cage_msg dm = { .kind = CAGE_MSG_DISK };
                struct iovec div = { .iov_base = &dm, .iov_len = sizeof(dm) };
                struct msghdr dmh = { .msg_iov = &div, .msg_iovlen = 1,
                                      .msg_control = ctl.buf,
                                      .msg_controllen = sizeof(ctl.buf) };

                memset(&ctl, 0, sizeof(ctl));
                ctl.h.cmsg_level = SOL_SOCKET;
                ctl.h.cmsg_type = SCM_RIGHTS;
                ctl.h.cmsg_len = CMSG_LEN(sizeof(int));
                memcpy(CMSG_DATA(&ctl.h), &c->disk_fd, sizeof(int));
                n = sendmsg(c->status_fd, &dmh, MSG_NOSIGNAL);
                close(c->disk_fd);
                c->disk_fd = -1;
                if (n != (ssize_t)sizeof(dm))
                        return -EIO;
        }
        if (c->notify_fd >= 0) {
                memset(&ctl, 0, sizeof(ctl));
                mh.msg_control = ctl.buf;
                mh.msg_controllen = sizeof(ctl.buf);
                ctl.h.cmsg_level = SOL_SOCKET;
                ctl.h.cmsg_type = SCM_RIGHTS;
                ctl.h.cmsg_len = CMSG_LEN(sizeof(int));
                memcpy(CMSG_DATA(&ctl.h), &c->notify_fd, sizeof(int));
        }
        n = sendmsg(c->status_fd, &mh, MSG_NOSIGNAL);
        if (c->notify_fd >= 0)
                close(c->notify_fd);
        c->notify_fd = -1;
        return n == (ssize_t)sizeof(m) ? 0 : -EIO;
}

/* The last step. In a pid namespace our process becomes the cage's pid 1 by exec'ing the
 * tiny init (init.c), which forks and execs the payload as pid 2: nothing of the supervisor
 * stays in the cage. In the floor the init is the payload's parent (not pid 1); otherwise
 * (root or best effort with some namespaces but no pid namespace) the payload replaces us. */
static int child_exec(struct cage_ctx *c)
{
        static char *const empty[] = { NULL };

        /* The floor too: the init reports the CPU ticks of the payload's SIGCHLD (what
         * RLIMIT_CPU counts), which the supervisor cannot read from /proc afterwards. */
        if ((c->clone_flags & CLONE_NEWPID) || c->layers.floor)
                return init_child_exec(c);
        execve(c->spec->argv[0], c->spec->argv, c->spec->envp ? c->spec->envp : empty);
        return -errno;
}

struct child_step {
        const char *name;
        int (*fn)(struct cage_ctx *c);
        int layer; /* -1: the step must work; else the layer that is off when it fails */
};

static const struct child_step steps[] = {
        { "cgroup", child_cgroup, -1 },
        { "wait for the supervisor", child_wait, -1 },
        { "setsid", child_session, -1 },
        { "open bind sources", child_open, -1 },
        { "uid/gid", child_ids_early, -1 },
        { "user namespace limits", rlimit_child_userns, -1 },
        { "cgroup namespace", child_cgroupns, CAGE_LAYER_CGROUPNS },
        { "mount", child_mount, -1 },
        { "hostname", child_uts, -1 },
        { "loopback", child_net, -1 },
        { "rlimits", rlimit_child_apply, -1 },
        { "capability bounding set", caps_child_bounding, CAGE_LAYER_CAPS_DROPPED },
        { "uid/gid", child_ids_late, -1 },
        { "death signal", child_deathsig, -1 },
        { "capabilities", caps_child_clear, -1 },
        { "no_new_privs", caps_child_no_new_privs, CAGE_LAYER_NO_NEW_PRIVS },
        { "stdio", child_stdio, -1 },
        { "close fds", child_close_fds, -1 },
        { "chdir", child_chdir, -1 },
        { "groups", child_groups, -1 },
        { "landlock", child_landlock, CAGE_LAYER_LANDLOCK },
        { "seccomp", seccomp_child_load, CAGE_LAYER_SECCOMP },
        { "report", child_report, -1 },
        { "execve", child_exec, -1 },
};

/* Without namespaces, Landlock and seccomp are all the cage there is (floor.c). */
static bool floor_needs(const struct cage_ctx *c, int layer)
{
        return c->layers.floor && !c->spec->none &&
               (layer == CAGE_LAYER_LANDLOCK || layer == CAGE_LAYER_SECCOMP);
}

static _Noreturn void child_main(struct cage_ctx *c)
{
        for (unsigned i = 0; i < ARRAY_SIZE(steps); i++) {
                const struct child_step *s = &steps[i];
                int layer = s->layer, r;

                /* A layer already known to be off (e.g. seccomp with no filter) is skipped. */
                if (layer >= 0 && !c->layers.on[layer])
                        continue;
                r = s->fn(c);
                if (r >= 0)
                        continue;
                if (layer >= 0 && !c->spec->strict && !floor_needs(c, layer)) {
                        c->layers.on[layer] = false;
                        continue;
                }
                {
                        struct cage_msg m = { .kind = CAGE_MSG_ERROR, .step = (int)i,
                                              .err = -r, .strict = layer >= 0,
                                              .disk_err = r == -EOPNOTSUPP ? c->disk_errno
                                                                           : 0 };

                        (void)!write(c->status_fd, &m, sizeof(m));
                }
                _exit(127);
        }
        _exit(127);
}

/* ---- parent ---------------------------------------------------------------------------- */

void cage_spec_defaults(struct cage_spec *s)
{
        *s = (struct cage_spec){
                .net = CAGE_NET_NONE,
                .memory_mb = 256,
                .pids = 128,
                .cpu_time_s = 30,
                .wall_time_ms = 60000,
                .grace_ms = 1000,
                .max_output = 1 << 20,
                .fsize_mb = 10,
                .nofile = 100,
                .tmp_size_mb = 64,
                .cpu_fraction = 0.8,
                .output = CAGE_OUTPUT_PASS,
                .stdin_fd = -1,
                .cancel_fd = -1,
                .workdir_fd = -1,
                .stdout_fd = 1,
                .stderr_fd = 2,
                .uid = (uid_t)-1,
                .gid = (gid_t)-1,
        };
}

struct run {
        struct cage_ctx *c;
        struct cage_result *res;
        struct cgroup cg;
        pid_t pid;
        int pidfd;
        int status_rd, out_rd, err_rd;
        double t0;
        double deadline, kill_at;
        bool term_sent, killed_for_output, killed_for_time;
        uint64_t total;
        struct cage_msg err_msg;
        bool got_err;
        bool got_exit;        /* pid 1 reported the payload's status */
        int payload_status;
        int notify_fd;        /* seccomp listener from the child, -1 until then */
        int disk_fd;          /* the disk quota's tmpfs from the child, -1 until then */
        bool seccomp_killed;  /* the payload was killed for a syscall (kill below) */
        struct seccomp_kill kill;
        int cancel_fd;        /* spec->cancel_fd until it fired */
        bool cancelled;
        int64_t payload_cpu_ms; /* without a pid namespace: read before reaping */
        /* stdin relay: spec->stdin_fd -> buffer -> stdin_wr (non-blocking pipe) */
        int stdin_src, stdin_wr;
        size_t in_off, in_len;
};

static long raw_clone(unsigned long flags, int *pidfd)
{
        return syscall(SYS_clone, flags | SIGCHLD | CLONE_PIDFD, NULL, pidfd, NULL, 0);
}

static void set_ns_layers(struct cage_ctx *c)
{
        static const struct {
                int layer;
                unsigned flag;
        } map[] = {
                { CAGE_LAYER_USERNS, CLONE_NEWUSER }, { CAGE_LAYER_MOUNTNS, CLONE_NEWNS },
                { CAGE_LAYER_PIDNS, CLONE_NEWPID },   { CAGE_LAYER_NETNS, CLONE_NEWNET },
                { CAGE_LAYER_IPCNS, CLONE_NEWIPC },   { CAGE_LAYER_UTSNS, CLONE_NEWUTS },
        };

        for (unsigned i = 0; i < ARRAY_SIZE(map); i++)
                c->layers.on[map[i].layer] = (c->clone_flags & map[i].flag) != 0;
}

static const char *const ns_fix =
        "enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, "
        "user.max_user_namespaces > 0, and on Ubuntu "
        "kernel.apparmor_restrict_unprivileged_userns=0), or run akios as root";

/* Clone with every namespace, or (best effort) with what the host allows. */
static int spawn(struct run *x, struct diag *d)
{
        static const unsigned long tries[] = { NS_FLAGS, NS_FLAGS & ~CLONE_NEWUSER, 0 };
        struct cage_ctx *c = x->c;
        int first_err = 0, r;

        for (unsigned i = 0; i < ARRAY_SIZE(tries); i++) {
                long pid;

                if (i == 1 && !c->host_root)
                        continue; /* namespaces without a userns need root */
                c->clone_flags = (unsigned)tries[i];
                set_ns_layers(c);
                if (!tries[i] && (r = floor_parent_prepare(c, d)) < 0)
                        return r;
                x->pidfd = -1;
                pid = raw_clone(tries[i], &x->pidfd);
                if (pid == 0)
                        child_main(c);
                if (pid > 0) {
                        x->pid = (pid_t)pid;
                        return 0;
                }
                if (!first_err)
                        first_err = errno;
                if (c->spec->strict || (errno != EPERM && errno != EINVAL && errno != ENOSPC &&
                                        errno != EUSERS && errno != EACCES))
                        break;
        }
        if (c->spec->strict && (first_err == EPERM || first_err == ENOSPC ||
                                first_err == EUSERS || first_err == EACCES ||
                                first_err == EINVAL)) {
                diag_set(d, "userns", 0, 0,
                         "cage layer 'userns' is not available (clone: %s); %s",
                         strerror(first_err), ns_fix);
                return -EOPNOTSUPP;
        }
        diag_set(d, "clone", 0, 0, "cannot create the cage process: %s", strerror(errno));
        return -errno;
}

static void stop(struct run *x, int sig)
{
        if (x->pidfd >= 0)
                syscall(SYS_pidfd_send_signal, x->pidfd, sig, NULL, 0);
        cg_signal(&x->cg, sig);
}

/* Take n bytes of payload output; false when the cap was hit (the cage is then stopped). */
static void take_output(struct run *x, bool is_err, const char *p, size_t n)
{
        const struct cage_spec *s = x->c->spec;
        struct cage_result *r = x->res;
        size_t room = n;

        if (s->max_output && x->total + n > s->max_output) {
                room = (size_t)(s->max_output - x->total);
                if (!x->killed_for_output) {
                        x->killed_for_output = true;
                        r->truncated = true;
                        stop(x, SIGKILL);
                }
        }
        x->total += room;
        if (is_err)
                r->stderr_bytes += room;
        else
                r->stdout_bytes += room;
        if (!room)
                return;
        if (s->output == CAGE_OUTPUT_CAPTURE) {
                /* Out of memory: the output cannot be kept whole; stop as for the cap. */
                if (buf_append(is_err ? &r->err : &r->out, p, room) < 0 &&
                    !x->killed_for_output) {
                        x->killed_for_output = true;
                        r->truncated = true;
                        stop(x, SIGKILL);
                }
        } else
                (void)write_all(is_err ? s->stderr_fd : s->stdout_fd, p, room);
}

static void drain(struct run *x, int *fd, bool is_err)
{
        static char chunk[READ_CHUNK];
        ssize_t n = read(*fd, chunk, sizeof(chunk));

        if (n > 0) {
                take_output(x, is_err, chunk, (size_t)n);
                return;
        }
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
                return;
        close(*fd);
        *fd = -1;
}

/* The fd passed with a message, if any (CLOEXEC). */
static int take_fd(struct msghdr *mh)
{
        int fd = -1;

        for (struct cmsghdr *h = CMSG_FIRSTHDR(mh); h; h = CMSG_NXTHDR(mh, h)) {
                if (h->cmsg_level != SOL_SOCKET || h->cmsg_type != SCM_RIGHTS)
                        continue;
                for (size_t i = 0; i + CMSG_LEN(sizeof(int)) <= h->cmsg_len;
                     i += sizeof(int)) {
                        int f;

                        memcpy(&f, CMSG_DATA(h) + i, sizeof(int));
                        if (fd < 0)
                                fd = f;
                        else
                                close(f);
                }
        }
        return fd;
}

/* From the cage's pid 1 (init.c): the payload's wait status, or why it could not start. */
static void read_init_msg(struct run *x, const void *p)
{
        struct cage_init_msg m;

        memcpy(&m, p, sizeof(m));
        if (m.kind == CAGE_INIT_EXIT) {
                long hz = sysconf(_SC_CLK_TCK);

                x->payload_status = m.value;
                x->got_exit = true;
                /* The payload's own CPU time as RLIMIT_CPU counts it (its SIGCHLD's ticks),
                 * for attributing a kill (attrib.c); -1: unknown, wait4's rusage is used. */
                if (m.cpu_ticks >= 0 && hz > 0)
                        x->payload_cpu_ms = (int64_t)(m.cpu_ticks * 1000 / hz);
        } else if (m.kind == CAGE_INIT_EXEC_ERROR && !x->got_err) {
                for (unsigned i = 0; i < ARRAY_SIZE(steps); i++)
                        if (steps[i].fn == child_exec)
                                x->err_msg = (struct cage_msg){ .kind = CAGE_MSG_ERROR,
                                                                .step = (int)i,
                                                                .err = m.value };
                x->got_err = true;
        }
}

static void read_status(struct run *x)
{
        struct cage_msg m;
        union {
                struct cmsghdr h;
                char buf[CMSG_SPACE(4 * sizeof(int))];
        } ctl;
        struct iovec iov = { .iov_base = &m, .iov_len = sizeof(m) };
        struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                             .msg_controllen = sizeof(ctl.buf) };
        ssize_t n = recvmsg(x->status_rd, &mh, MSG_CMSG_CLOEXEC);
        int fd = n > 0 ? take_fd(&mh) : -1;

        if (fd >= 0 && n == (ssize_t)sizeof(m) && m.kind == CAGE_MSG_DISK && x->disk_fd < 0) {
                x->disk_fd = fd;
                return;
        }
        if (fd >= 0 && (x->notify_fd >= 0 || n != (ssize_t)sizeof(m) ||
                        m.kind != CAGE_MSG_LAYERS)) {
                close(fd);
                fd = -1;
        }
        if (n == (ssize_t)sizeof(m)) {
                if (m.kind == CAGE_MSG_LAYERS) {
                        x->c->layers = m.layers;
                        if (fd >= 0)
                                x->notify_fd = fd;
                } else if (m.kind == CAGE_MSG_EXIT) {
                        x->payload_status = m.err;
                        x->payload_cpu_ms = m.cpu_ms;
                        x->got_exit = true;
                } else if (m.kind == CAGE_MSG_ERROR) {
                        x->err_msg = m;
                        x->got_err = true;
                }
                return;
        }
        if (n == (ssize_t)sizeof(struct cage_init_msg)) {
                read_init_msg(x, iov.iov_base);
                return;
        }
        if (n < 0 && errno == EINTR)
                return;
        close(x->status_rd);
        x->status_rd = -1;
}

static int poll_timeout(struct run *x)
{
        double now = monotonic_ms(), t = -1;

        if (x->kill_at > 0)
                t = x->kill_at - now;
        else if (x->deadline > 0)
                t = x->deadline - now;
        if (t < 0 && (x->kill_at > 0 || x->deadline > 0))
                return 0;
        return t < 0 ? -1 : (int)t + 1;
}

static void check_time(struct run *x)
{
        double now = monotonic_ms();

        if (x->kill_at > 0 && now >= x->kill_at) {
                stop(x, SIGKILL);
                x->kill_at = 0;
                x->deadline = 0;
        } else if (x->deadline > 0 && now >= x->deadline && !x->term_sent) {
                x->killed_for_time = true;
                x->term_sent = true;
                stop(x, SIGTERM);
                x->kill_at = now + (double)(x->c->spec->grace_ms ? x->c->spec->grace_ms : 1);
        }
}

static void close_fd(int *fd)
{
        if (*fd >= 0)
                close(*fd);
        *fd = -1;
}

/* A syscall the filter stops with a kill: seccomp.c kills the caller; we keep the first
 * one that was the payload's own process for the record. */
static void notified(struct run *x)
{
        bool pidns = x->c->clone_flags & CLONE_NEWPID;
        struct seccomp_kill k;
        int r;

        if (pidns)
                r = seccomp_notify_handle(x->notify_fd, 2, SECCOMP_MATCH_NS_PID, &k);
        else if (x->c->layers.floor)
                r = seccomp_notify_handle(x->notify_fd, x->pid, SECCOMP_MATCH_PARENT, &k);
        else
                r = seccomp_notify_handle(x->notify_fd, x->pid, SECCOMP_MATCH_PID, &k);
        if (r < 0)
                return;
        if (k.payload && !x->seccomp_killed) {
                x->seccomp_killed = true;
                x->kill = k;
        }
}

static void stdin_close(struct run *x)
{
        x->stdin_src = -1; /* the caller's: never closed here */
        close_fd(&x->stdin_wr);
}

/* One step of the stdin relay: read the caller's fd when the buffer is empty, else write
 * what is buffered into the payload's pipe (non-blocking: the watch loop never stalls). */
static void stdin_relay(struct run *x, short src_ev, short wr_ev)
{
        static char b[READ_CHUNK];

        if (x->in_len == 0 && src_ev) {
                ssize_t n = read(x->stdin_src, b, sizeof(b));

                if (n < 0 && (errno == EINTR || errno == EAGAIN))
                        return;
                if (n <= 0) { /* EOF, or not readable (a directory: EISDIR): EOF for it */
                        stdin_close(x);
                        return;
                }
                x->in_off = 0;
                x->in_len = (size_t)n;
        }
        if (x->in_len && wr_ev) {
                ssize_t n = write(x->stdin_wr, b + x->in_off, x->in_len);

                if (n < 0 && (errno == EINTR || errno == EAGAIN))
                        return;
                if (n < 0) { /* EPIPE: the payload closed its stdin */
                        stdin_close(x);
                        return;
                }
                x->in_off += (size_t)n;
                x->in_len -= (size_t)n;
        }
}

/* Without a pid namespace (and not in the floor, where the init reports it) the supervisor
 * reaps the payload itself: peek at its own CPU time first (attrib.c), then reap. */
static bool reap(struct run *x, int *status, struct rusage *ru)
{
        siginfo_t si = { 0 };

        if (!(x->c->clone_flags & CLONE_NEWPID) && !x->c->layers.floor &&
            waitid(P_PID, (id_t)x->pid, &si, WEXITED | WNOHANG | WNOWAIT | __WALL) == 0 &&
            si.si_pid == x->pid)
                x->payload_cpu_ms = cage_task_cpu_ms("/proc", x->pid);
        return wait4(x->pid, status, __WALL | WNOHANG, ru) == x->pid;
}

/* Poll until the child is reaped and its pipes are closed. */
static int watch(struct run *x, int *ret_status, struct rusage *ru)
{
        bool reaped = false;
        double reaped_at = 0;

        for (;;) {
                struct pollfd p[8] = {
                        { .fd = x->status_rd, .events = POLLIN },
                        { .fd = x->out_rd, .events = POLLIN },
                        { .fd = x->err_rd, .events = POLLIN },
                        { .fd = reaped ? -1 : x->pidfd, .events = POLLIN },
                        { .fd = x->notify_fd, .events = POLLIN },
                        { .fd = x->cancel_fd, .events = POLLIN },
                        { .fd = x->in_len || reaped ? -1 : x->stdin_src, .events = POLLIN },
                        { .fd = x->in_len && !reaped ? x->stdin_wr : -1, .events = POLLOUT },
                };
                int t = poll_timeout(x);

                if (reaped && x->status_rd < 0 && x->out_rd < 0 && x->err_rd < 0)
                        return 0;
                if (reaped) {
                        /* Without a pid namespace a leftover could hold the pipes open. */
                        double left = reaped_at + 200 - monotonic_ms();

                        if (left <= 0) {
                                stop(x, SIGKILL);
                                break;
                        }
                        t = t < 0 || t > (int)left ? (int)left + 1 : t;
                }
                if (poll(p, ARRAY_SIZE(p), t) < 0 && errno != EINTR)
                        return -errno;
                if (p[5].revents && !x->cancelled) {
                        /* SIGINT/SIGTERM of the caller: the whole cage goes, now. */
                        x->cancelled = true;
                        x->cancel_fd = -1;
                        x->kill_at = x->deadline = 0;
                        stop(x, SIGKILL);
                }
                if (p[4].revents & POLLIN)
                        notified(x);
                else if (p[4].revents)
                        close_fd(&x->notify_fd); /* no task uses the filter any more */
                if (p[0].revents)
                        read_status(x);
                if (p[1].revents)
                        drain(x, &x->out_rd, false);
                if (p[2].revents)
                        drain(x, &x->err_rd, true);
                if (p[6].revents || p[7].revents)
                        stdin_relay(x, p[6].revents, p[7].revents);
                if (p[3].revents && !reaped) {
                        /* What the end of a pid namespace does otherwise: its process group
                         * first, while the zombie still holds the pid (it cannot be reused
                         * for another group), then whatever came to the subreaper. */
                        if (x->c->layers.floor)
                                kill(-x->pid, SIGKILL);
                        if (reap(x, ret_status, ru)) {
                                reaped = true;
                                reaped_at = monotonic_ms();
                                stdin_close(x);
                                if (x->c->layers.floor)
                                        floor_kill_descendants();
                        }
                }
                if (!reaped)
                        check_time(x);
        }
        return 0;
}

static void classify(struct run *x, int status, const struct rusage *ru)
{
        struct cage_result *r = x->res;
        struct cage_seen seen = { .cancelled = x->cancelled, .output = x->killed_for_output,
                                  .time = x->killed_for_time, .seccomp = x->seccomp_killed,
                                  .seccomp_sig = x->kill.sig,
                                  .payload_cpu_ms = x->payload_cpu_ms,
                                  .cpu_limit_s = x->c->spec->cpu_time_s };

        cg_events(&x->cg, &seen.oom, &seen.pids);
        /* Killed from outside, pid 1 takes the payload with it and reports nothing. */
        if (x->got_exit)
                status = x->payload_status;
        r->cpu_ms = (double)(ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * 1000.0 +
                    (double)(ru->ru_utime.tv_usec + ru->ru_stime.tv_usec) / 1000.0;
        r->max_rss_kb = ru->ru_maxrss;
        /* Unknown (no /proc in the cage): everything the cage used, an upper bound. */
        if (seen.payload_cpu_ms < 0)
                seen.payload_cpu_ms = (int64_t)r->cpu_ms;
        if (WIFEXITED(status)) {
                r->exit_code = WEXITSTATUS(status);
        } else {
                r->exit_code = -1;
                r->signal = WIFSIGNALED(status) ? WTERMSIG(status) : SIGKILL;
        }
        r->reason = cage_attribute(&seen, status);
        if (r->reason == CAGE_SECCOMP) {
                /* We killed it for the filter: the record says what the kernel's kill
                 * would have said, and which syscall. */
                r->signal = SIGSYS;
                r->syscall = x->kill.nr;
                seccomp_syscall_name(x->kill.arch, x->kill.nr, r->syscall_name,
                                     sizeof(r->syscall_name));
        }
}

static int setup_error(struct run *x, struct diag *d)
{
        const struct cage_msg *m = &x->err_msg;
        const char *step = m->step >= 0 && (unsigned)m->step < ARRAY_SIZE(steps)
                                   ? steps[m->step].name
                                   : "?";

        if (m->disk_err) {
                diag_set(d, "disk-quota", 0, 0, "--disk-quota cannot be enforced here: the "
                         "kernel refused %s (%s); it needs overlayfs in a user namespace "
                         "(Linux >= 5.11) over a tmpfs with user xattrs (Linux >= 6.6)",
                         m->disk_err == ENOSPC || m->disk_err == ENOMEM
                                 ? "the quota's tmpfs"
                                 : "the quota's tmpfs or overlay",
                         strerror(m->disk_err));
                return -EOPNOTSUPP;
        }
        if (m->strict) {
                diag_set(d, step, 0, 0, "cage layer '%s' is not available: %s (%s); run "
                         "'akios doctor' for how to enable it", step, strerror(m->err),
                         x->c->spec->strict ? "sandbox_required: strict"
                                            : "no namespaces here: the floor needs it");
                return -EOPNOTSUPP;
        }
        if (steps[m->step].fn == child_exec)
                diag_set(d, x->c->spec->argv[0], 0, 0, "cannot execute '%s': %s",
                         x->c->spec->argv[0], strerror(m->err));
        else
                diag_set(d, step, 0, 0, "cage setup failed at '%s': %s", step,
                         strerror(m->err));
        return -m->err;
}

/* Every process of the cage is gone (pid 1's end took the pid namespace with it): nothing
 * can change the quota's upper layers any more, so they are merged now (merge.c), also
 * after a limit kill or an interrupt. */
static void disk_merge(struct run *x)
{
        struct cage_result *res = x->res;
        bool any = false;
        int r;

        res->disk_quota_mb = x->c->spec->disk_quota_mb;
        for (unsigned i = 0; i < x->c->n_binds; i++)
                any |= x->c->binds[i].quota;
        /* Without the fd only a quota that was on is a loss (none mode may go without),
         * and only when a read-write path was under it. */
        if (x->disk_fd < 0 && (!x->c->layers.disk_quota || !any))
                return;
        r = x->disk_fd >= 0 ? merge_parent_run(x->c, x->disk_fd, res) : -EBADF;
        if (r < 0) {
                char *msg;

                res->merge_failed = true;
                if (asprintf(&msg, "nothing was merged: %s", x->disk_fd >= 0 ? strerror(-r)
                             : "the cage did not hand over its changes") >= 0)
                        (void)strv_push_take(&res->disk_errors, msg);
        }
}

static int make_pipe(int p[2])
{
        return pipe2(p, O_CLOEXEC) < 0 ? -errno : 0;
}

static int prepare(struct run *x, struct diag *d)
{
        struct cage_ctx *c = x->c;
        const struct cage_spec *s = c->spec;
        struct cg_limits l = { .memory_bytes = s->memory_mb << 20, .pids = s->pids,
                               .cpu_fraction = s->cpu_fraction };
        struct diag cd = { 0 };
        char name[64];
        static unsigned seq;
        int r;

        r = cage_check_hidden(s, d);
        if (r < 0)
                return r;
        c->host_root = geteuid() == 0;
        c->uid = s->uid != (uid_t)-1 ? s->uid : cage_default_uid(s->workdir);
        c->gid = s->gid != (gid_t)-1 ? s->gid : (c->host_root ? c->uid : getegid());
        if (c->uid == 0 || (c->host_root && c->gid == 0)) {
                diag_set(d, "uid", 0, 0, "the cage never runs a command as host uid/gid 0");
                return -EPERM;
        }
        c->landlock_abi = landlock_abi_version();
        c->init_fd = init_parent_fd(d);
        if (c->init_fd < 0)
                return c->init_fd;
        r = seccomp_filter_get(&c->seccomp, d);
        if (r < 0 && s->strict)
                return -EOPNOTSUPP;
        c->layers.on[CAGE_LAYER_SECCOMP] = r >= 0;
        c->layers.on[CAGE_LAYER_LANDLOCK] = c->landlock_abi > 0;
        c->layers.on[CAGE_LAYER_CGROUPNS] = true;
        c->layers.on[CAGE_LAYER_NO_NEW_PRIVS] = true;
        c->layers.on[CAGE_LAYER_CAPS_DROPPED] = true;
        c->layers.disk_quota = s->disk_quota_mb != 0;
        if (s->strict && !c->landlock_abi) {
                diag_set(d, "landlock", 0, 0, "cage layer 'landlock' is not available: the "
                         "kernel has no Landlock (sandbox_required: strict); boot with "
                         "lsm=...,landlock or use a kernel >= 5.13 built with it");
                return -EOPNOTSUPP;
        }
        snprintf(name, sizeof(name), "akios-%d-%u", (int)getpid(), seq++);
        r = cg_setup(name, &l, &x->cg, &cd);
        if (r < 0) {
                if (s->strict) {
                        diag_set(d, "cgroup", 0, 0, "cage layer 'cgroup' is not available: %s "
                                 "(sandbox_required: strict); delegate memory and pids to "
                                 "this user (systemd Delegate=yes) or run as root", cd.msg);
                        return -EOPNOTSUPP;
                }
                x->cg = (struct cgroup){ .version = CAGE_CGROUP_NONE };
        }
        r = cg_open_join(&x->cg, c->cg_fds, ARRAY_SIZE(c->cg_fds));
        if (r < 0) {
                if (s->strict) {
                        diag_set(d, "cgroup", 0, 0, "cage layer 'cgroup': cannot open its "
                                 "tasks file: %s", strerror(-r));
                        cg_destroy(&x->cg);
                        return -EOPNOTSUPP;
                }
                cg_destroy(&x->cg);
        }
        c->cg_self = r > 0;
        c->layers.cgroup = x->cg.version;
        return mount_parent_open(c, d);
}

static int launch(struct run *x, struct diag *d)
{
        struct cage_ctx *c = x->c;
        int go[2] = { -1, -1 }, st[2] = { -1, -1 }, out[2] = { -1, -1 }, err[2] = { -1, -1 };
        int in[2] = { -1, -1 }, r;

        /* status: a socket, so the child can pass the seccomp listener with its report */
        if ((r = make_pipe(go)) < 0 ||
            (r = socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, st) < 0 ? -errno : 0) < 0 ||
            (r = make_pipe(out)) < 0 || (r = make_pipe(err)) < 0 ||
            (c->spec->stdin_fd >= 0 && (r = make_pipe(in)) < 0) ||
            (in[1] >= 0 && fcntl(in[1], F_SETFL, O_NONBLOCK) < 0 && (r = -errno) < 0)) {
                int *all[] = { go, st, out, err, in };

                diag_set(d, "pipe", 0, 0, "cannot create pipes: %s", strerror(-r));
                for (unsigned i = 0; i < ARRAY_SIZE(all); i++) {
                        close_fd(&all[i][0]);
                        close_fd(&all[i][1]);
                }
                return r;
        }
        c->go_fd = go[0];
        c->status_fd = st[1];
        c->out_fd = out[1];
        c->err_fd = err[1];
        c->stdin_rd = in[0];
        c->stdin_wr = in[1];
        c->supervisor = getpid();
        x->status_rd = st[0];
        x->out_rd = out[0];
        x->err_rd = err[0];
        x->stdin_wr = in[1];
        x->stdin_src = in[1] >= 0 ? c->spec->stdin_fd : -1;
        /* The supervisor is non-dumpable (cage_run), so its child's /proc files belong to
         * root and, rootless, it could not write the child's uid map: dumpable from the
         * clone until the map is written, while no payload exists yet. */
        if (!c->host_root)
                (void)prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
        r = spawn(x, d);
        close(go[0]);
        close(st[1]);
        close(out[1]);
        close(err[1]);
        close_fd(&in[0]);
        c->stdin_rd = -1;
        if (r >= 0)
                r = userns_parent_map(x->pid, c);
        (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
        if (r < 0 && x->pid <= 0) {
                close(go[1]);
                return r;
        }
        if (r < 0)
                diag_set(d, "uid_map", 0, 0, "cannot write the uid/gid map: %s", strerror(-r));
        if (r >= 0 && !c->cg_self && cg_attach(&x->cg, x->pid) < 0) {
                cg_destroy(&x->cg);
                x->cg.version = CAGE_CGROUP_NONE;
                c->layers.cgroup = CAGE_CGROUP_NONE;
                if (c->spec->strict) {
                        diag_set(d, "cgroup", 0, 0, "cage layer 'cgroup': cannot join it");
                        r = -EOPNOTSUPP;
                }
        }
        if (r >= 0 && write(go[1], "g", 1) != 1)
                r = -errno;
        close(go[1]);
        return r;
}

int cage_run(const struct cage_spec *spec, struct cage_result *ret, struct diag *d)
{
        struct cage_result res = { .syscall = -1, .exit_code = -1 };
        struct cage_ctx *c;
        struct run x = { .pidfd = -1, .status_rd = -1, .out_rd = -1, .err_rd = -1,
                         .notify_fd = -1, .disk_fd = -1, .cancel_fd = spec->cancel_fd,
                         .payload_cpu_ms = -1,
                         .stdin_src = -1, .stdin_wr = -1 };
        struct rusage ru = { 0 };
        struct sigaction ign = { .sa_handler = SIG_IGN }, old;
        int status = 0, r;

        if (!spec->argv || !spec->argv[0] || spec->argv[0][0] != '/') {
                diag_set(d, "argv", 0, 0, "the command must be an absolute path");
                return -EINVAL;
        }
        /* From now on nothing without CAP_SYS_PTRACE over us reads our memory, environment
         * or fds through /proc, even with our uid (the degraded modes share it). */
        if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0) {
                diag_set(d, "dumpable", 0, 0, "cannot make the supervisor non-dumpable: %s",
                         strerror(errno));
                return -errno;
        }
        c = calloc(1, sizeof(*c));
        if (!c)
                return -ENOMEM;
        c->spec = spec;
        for (unsigned i = 0; i < ARRAY_SIZE(c->cg_fds); i++)
                c->cg_fds[i] = -1;
        c->notify_fd = -1;
        c->disk_fd = -1;
        c->stdin_rd = c->stdin_wr = -1;
        c->null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
        x.c = c;
        x.res = &res;
        res.out = BUF_INIT(spec->max_output ? spec->max_output + 1 : 0);
        res.err = BUF_INIT(spec->max_output ? spec->max_output + 1 : 0);
        x.t0 = monotonic_ms();
        r = prepare(&x, d);
        if (r >= 0)
                r = launch(&x, d);
        for (unsigned i = 0; i < c->n_binds; i++)
                close_fd(&c->binds[i].fd);
        for (unsigned i = 0; i < ARRAY_SIZE(c->cg_fds); i++)
                close_fd(&c->cg_fds[i]);
        close_fd(&c->null_fd);
        if (x.pid > 0) {
                if (r < 0)
                        stop(&x, SIGKILL);
                if (spec->wall_time_ms)
                        x.deadline = x.t0 + (double)spec->wall_time_ms;
                sigaction(SIGPIPE, &ign, &old);
                if (watch(&x, &status, &ru) < 0) {
                        stop(&x, SIGKILL);
                        wait4(x.pid, &status, __WALL, &ru);
                }
                sigaction(SIGPIPE, &old, NULL);
        }
        close_fd(&x.status_rd);
        close_fd(&x.out_rd);
        close_fd(&x.err_rd);
        close_fd(&x.pidfd);
        close_fd(&x.notify_fd);
        close_fd(&x.stdin_wr);
        if (r >= 0 && x.got_err)
                r = setup_error(&x, d);
        if (r >= 0) {
                classify(&x, status, &ru);
                res.layers = c->layers;
                res.uid = c->uid;
                res.wall_ms = monotonic_ms() - x.t0;
        }
        cg_destroy(&x.cg);
        if (r >= 0)
                disk_merge(&x);
        close_fd(&x.disk_fd);
        for (unsigned i = 0; i < c->n_binds; i++)
                close_fd(&c->binds[i].real_fd);
        free(c);
        if (r < 0) {
                cage_result_free(&res);
                return r;
        }
        *ret = res;
        return 0;
}

void cage_result_free(struct cage_result *r)
{
        if (!r)
                return;
        buf_free(&r->out);
        buf_free(&r->err);
        strv_free(&r->disk_errors);
}
