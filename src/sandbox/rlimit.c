/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rlimit: the per-process limits, child half. A second layer under the cgroup (which is the
 * real memory/pids/cpu limit when present), and the only one when no cgroup is available.
 *
 * core 0 always; fsize, nofile and cpu time from the spec; address space = memory, or four
 * times memory when a cgroup memory limit is active (then the cgroup decides and reports
 * "memory", and RLIMIT_AS only catches absurd reservations); nproc only without a pids
 * cgroup, because it counts every process of the uid, not just this cage's.
 *
 * The user-namespace counts (/proc/sys/user/max_*) are per namespace and checked at every
 * level up to the host's: inotify instances and watches are charged to the namespace's owner
 * (host root, when akios runs as root), so the cage's own namespace gets small limits of its
 * own, set from inside it while the child still has CAP_SYS_RESOURCE there. Nested
 * namespaces are closed by seccomp already; a 0 here closes them twice. In a container
 * /proc/sys is a read-only mount (runc's readonlyPaths) that no namespace of ours can make
 * writable, and a fresh /proc is refused there (mount.c): the limits are then not set, and
 * the record says so (CONTRACTS §7, `degraded`) rather than the cage failing.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "sandbox/internal.h"

static int set(int res, uint64_t soft, uint64_t hard)
{
        struct rlimit rl = { .rlim_cur = soft, .rlim_max = hard };

        return setrlimit(res, &rl) < 0 ? -errno : 0;
}

int rlimit_child_apply(struct cage_ctx *c)
{
        const struct cage_spec *s = c->spec;
        bool cg = c->layers.cgroup != CAGE_CGROUP_NONE;
        int r;

        r = set(RLIMIT_CORE, 0, 0);
        if (r >= 0 && s->fsize_mb)
                r = set(RLIMIT_FSIZE, s->fsize_mb << 20, s->fsize_mb << 20);
        if (r >= 0 && s->nofile)
                r = set(RLIMIT_NOFILE, s->nofile, s->nofile);
        /* Soft below hard: the kernel sends SIGXCPU at the limit, which names the reason
         * (timeout) without guessing from cpu_ms; the hard limit a second later is a SIGKILL
         * for a payload that ignores SIGXCPU. (Soft == hard sends SIGKILL at once.) */
        if (r >= 0 && s->cpu_time_s)
                r = set(RLIMIT_CPU, s->cpu_time_s, s->cpu_time_s + 1);
        if (r >= 0 && s->memory_mb) {
                uint64_t as = (s->memory_mb << 20) * (cg ? 4 : 1);

                r = set(RLIMIT_AS, as, as);
        }
        if (r >= 0 && s->pids && !cg)
                r = set(RLIMIT_NPROC, s->pids, s->pids);
        return r;
}

static const struct {
        const char *file;
        const char *value;
} userns_limits[] = {
        { "max_inotify_instances", "16" },
        { "max_inotify_watches", "8192" },
        { "max_fanotify_groups", "0" },
        { "max_fanotify_marks", "0" },
        { "max_user_namespaces", "0" },
        { "max_net_namespaces", "0" },
        { "max_mnt_namespaces", "0" },
};

int rlimit_child_userns(struct cage_ctx *c)
{
        if (!(c->clone_flags & CLONE_NEWUSER))
                return 0; /* these files would be the host's own limits */
        for (unsigned i = 0; i < ARRAY_SIZE(userns_limits); i++) {
                char p[96];
                int r;

                snprintf(p, sizeof(p), "/proc/sys/user/%s", userns_limits[i].file);
                r = cage_write_at(AT_FDCWD, p, userns_limits[i].value, 0);
                if (r == -EROFS) {
                        c->layers.degraded |= CAGE_DEGRADED_USERNS_LIMITS;
                        return 0;
                }
                /* Older kernels lack some of them; anything else is a real failure. */
                if (r < 0 && r != -ENOENT)
                        return r;
        }
        return 0;
}
