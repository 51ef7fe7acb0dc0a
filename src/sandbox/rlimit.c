/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rlimit: the per-process limits, child half. A second layer under the cgroup (which is the
 * real memory/pids/cpu limit when present), and the only one when no cgroup is available.
 *
 * core 0 always; fsize, nofile and cpu time from the spec; address space = memory, or four
 * times memory when a cgroup memory limit is active (then the cgroup decides and reports
 * "memory", and RLIMIT_AS only catches absurd reservations); nproc only without a pids
 * cgroup, because it counts every process of the uid, not just this cage's.
 */
#include <errno.h>
#include <sys/resource.h>

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
