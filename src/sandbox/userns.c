/* SPDX-License-Identifier: GPL-3.0-or-later */
/* userns: the uid/gid map (parent half) and the payload's identity (child half).
 *
 * The map holds exactly one uid and one gid: the host ids the payload runs as, mapped to the
 * same numbers inside. Host uid 0 is never mapped, so nothing in the cage can ever act as
 * host root (procfs and friends check GLOBAL_ROOT_UID; research §3.2 F1). Rootless, that id
 * is our own and setgroups is denied (the kernel requires it); as root it is the cage uid
 * (cage_default_uid) and the child clears its supplementary groups, so the host's group 0
 * does not follow the payload in.
 *
 * The child switches ids first, before any mount: it keeps its capabilities in the new
 * namespace (its old euid is not the namespace's root), and files it creates in the cage's
 * tmpfs get a mapped owner. It does not drop capabilities: caps.c does.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbox/internal.h"

static int write_proc(pid_t pid, const char *file, const char *val)
{
        char p[64];

        snprintf(p, sizeof(p), "/proc/%d/%s", (int)pid, file);
        return cage_write_at(AT_FDCWD, p, val, 0);
}

int userns_parent_map(pid_t pid, const struct cage_ctx *c)
{
        char map[64];
        int r;

        if (!(c->clone_flags & CLONE_NEWUSER))
                return 0;
        if (!c->host_root) {
                r = write_proc(pid, "setgroups", "deny");
                if (r < 0 && r != -ENOENT)
                        return r;
        }
        snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)c->uid, (unsigned)c->uid);
        r = write_proc(pid, "uid_map", map);
        if (r < 0)
                return r;
        snprintf(map, sizeof(map), "%u %u 1\n", (unsigned)c->gid, (unsigned)c->gid);
        return write_proc(pid, "gid_map", map);
}

int userns_child_ids(struct cage_ctx *c)
{
        /* With setgroups denied (rootless) the host groups stay, shown as the overflow gid. */
        if (c->host_root && setgroups(0, NULL) < 0)
                return -errno;
        if (setresgid(c->gid, c->gid, c->gid) < 0)
                return -errno;
        if (setresuid(c->uid, c->uid, c->uid) < 0)
                return -errno;
        return 0;
}
