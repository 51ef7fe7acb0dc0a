/* SPDX-License-Identifier: GPL-3.0-or-later */
/* caps: drop every capability (bounding, ambient, inheritable, permitted, effective) and set
 * no_new_privs, child half only.
 *
 * The bounding set needs CAP_SETPCAP, which the child has inside its new user namespace, so
 * it is dropped while the cage is being built (caps_child_bounding); the other sets are
 * cleared at the end (caps_child_clear). Without a user namespace and without privileges
 * there is nothing to drop but the bounding set, which then stays full: no_new_privs makes
 * it unreachable (set-uid bits and file capabilities are ignored at execve).
 */
#include <errno.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox/internal.h"

int caps_child_bounding(struct cage_ctx *c)
{
        if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
                return -errno;
        for (unsigned long cap = 0; cap < 64; cap++) {
                if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) == 0)
                        continue;
                if (errno == EINVAL)
                        break; /* past CAP_LAST_CAP */
                if (errno == EPERM && !(c->clone_flags & 0x10000000 /* CLONE_NEWUSER */) && !c->host_root)
                        return 0; /* unprivileged, no userns: nothing to drop */
                return -errno;
        }
        return 0;
}

int caps_child_clear(struct cage_ctx *c)
{
        struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
        struct __user_cap_data_struct data[2] = { 0 };

        if (syscall(SYS_capset, &h, data) < 0)
                return -errno;
        if (syscall(SYS_capget, &h, data) < 0)
                return -errno;
        for (unsigned i = 0; i < 2; i++)
                if (data[i].effective || data[i].permitted || data[i].inheritable)
                        return -EPERM;
        return 0;
}

int caps_child_no_new_privs(struct cage_ctx *c)
{
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
                return -errno;
        return prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1 ? 0 : -EPERM;
}
