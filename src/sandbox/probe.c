/* SPDX-License-Identifier: GPL-3.0-or-later */
/* probe: what this host offers the cage, for `akios doctor`.
 *
 * The answer comes from doing, not from reading version numbers: one real best-effort cage
 * runs /bin/true and its record says which layers were active; each missing layer is then
 * tried alone (unshare in a short-lived child, the Landlock ABI, the cgroup setup) to say
 * why, and a table says how to enable it. Never prints; leaves nothing behind.
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox/internal.h"

static const struct {
        int layer;
        unsigned long flag;
        const char *fix;
} layer_fix[] = {
        { CAGE_LAYER_USERNS, CLONE_NEWUSER,
          "enable unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1 and "
          "user.max_user_namespaces>0 (Ubuntu: kernel.apparmor_restrict_unprivileged_userns=0), "
          "or run as root; in a container, a seccomp profile that allows them (Docker's "
          "default and Kubernetes' RuntimeDefault refuse them without CAP_SYS_ADMIN, "
          "podman's default allows them)" },
        { CAGE_LAYER_MOUNTNS, CLONE_NEWNS,
          "needs user namespaces (see userns) or root with CAP_SYS_ADMIN" },
        { CAGE_LAYER_PIDNS, CLONE_NEWPID,
          "needs user namespaces (see userns) or root with CAP_SYS_ADMIN" },
        { CAGE_LAYER_NETNS, CLONE_NEWNET,
          "needs user namespaces (see userns) or root with CAP_SYS_ADMIN" },
        { CAGE_LAYER_IPCNS, CLONE_NEWIPC,
          "needs user namespaces (see userns) or root with CAP_SYS_ADMIN" },
        { CAGE_LAYER_UTSNS, CLONE_NEWUTS,
          "needs user namespaces (see userns) or root with CAP_SYS_ADMIN" },
        { CAGE_LAYER_CGROUPNS, CLONE_NEWCGROUP, "needs a kernel >= 4.6 and user namespaces" },
        { CAGE_LAYER_SECCOMP, 0, "use a kernel built with CONFIG_SECCOMP_FILTER=y" },
        { CAGE_LAYER_LANDLOCK, 0,
          "use a kernel >= 5.13 with CONFIG_SECURITY_LANDLOCK=y and 'landlock' in the lsm= "
          "boot parameter" },
        { CAGE_LAYER_NO_NEW_PRIVS, 0, "use a kernel >= 3.5" },
        { CAGE_LAYER_CAPS_DROPPED, 0, "needs user namespaces (see userns) or root" },
};

/* unshare(flags) in a child: 0 or the positive errno. */
static int try_unshare(unsigned long flags)
{
        int st = 0;
        pid_t pid = fork();

        if (pid < 0)
                return errno;
        if (pid == 0)
                _exit(unshare((int)flags) < 0 ? errno : 0);
        if (waitpid(pid, &st, 0) < 0)
                return errno;
        return WIFEXITED(st) ? WEXITSTATUS(st) : EINTR;
}

static void why(struct cage_host *h, int layer, unsigned long flag)
{
        struct cage_host_check *k = &h->layer[layer];
        unsigned long user = h->root ? 0 : CLONE_NEWUSER;
        int e;

        if (flag) {
                e = try_unshare(flag | (flag == CLONE_NEWUSER ? 0 : user));
                snprintf(k->reason, sizeof(k->reason), "unshare(%s): %s", cage_layer_name(layer),
                         e ? strerror(e) : "works, but the cage could not use it");
        } else if (layer == CAGE_LAYER_LANDLOCK) {
                snprintf(k->reason, sizeof(k->reason), "landlock_create_ruleset: %s",
                         strerror(ENOSYS));
        } else {
                snprintf(k->reason, sizeof(k->reason), "not active in a test cage");
        }
}

void cage_probe_host(struct cage_host *h)
{
        static char *const argv[] = { "/bin/true", NULL };
        struct cage_spec s;
        struct cage_result r = { 0 };
        struct diag d = { 0 };
        int ret;

        *h = (struct cage_host){ .root = geteuid() == 0 };
        h->landlock_abi = landlock_abi_version();
        cage_spec_defaults(&s);
        s.argv = argv;
        s.wall_time_ms = 5000;
        ret = cage_run(&s, &r, &d);
        h->cage_runs = ret >= 0;
        h->cage_refused = ret == -EOPNOTSUPP;
        if (ret >= 0)
                h->tested = r.layers;
        else
                snprintf(h->cage_error, sizeof(h->cage_error), "%.290s", d.msg);
        for (unsigned i = 0; i < ARRAY_SIZE(layer_fix); i++) {
                int l = layer_fix[i].layer;
                struct cage_host_check *k = &h->layer[l];

                k->available = ret >= 0 && r.layers.on[l];
                if (k->available) {
                        snprintf(k->reason, sizeof(k->reason), "active in a test cage");
                        if (l == CAGE_LAYER_LANDLOCK)
                                snprintf(k->reason, sizeof(k->reason), "Landlock ABI %d",
                                         h->landlock_abi);
                        continue;
                }
                if (ret < 0)
                        snprintf(k->reason, sizeof(k->reason), "the test cage failed: %.120s",
                                 d.msg);
                else
                        why(h, l, layer_fix[i].flag);
                snprintf(k->fix, sizeof(k->fix), "%s", layer_fix[i].fix);
        }
        h->cgroup_version = cg_detect(h->cgroup.reason, sizeof(h->cgroup.reason));
        h->cgroup.available = h->cgroup_version != CAGE_CGROUP_NONE;
        if (!h->cgroup.available)
                snprintf(h->cgroup.fix, sizeof(h->cgroup.fix),
                         "%s", h->root ? "mount cgroup v2 with the memory and pids controllers, "
                                         "or cgroup v1 memory and pids hierarchies"
                                       : "delegate a cgroup v2 subtree with memory and pids "
                                         "to this user (systemd: Delegate=yes, or systemd-run "
                                         "--user --scope -p Delegate=yes akios ...)");
        cage_result_free(&r);
}
