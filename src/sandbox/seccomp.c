/* SPDX-License-Identifier: GPL-3.0-or-later */
/* seccomp: load the cage's syscall filters (child half) and learn which syscall a killed
 * caller made (parent half).
 *
 * The policy is compiled into BPF at build time (gen/seccomp-gen.c, with libseccomp; see that
 * file for its shape) so the cage never runs a filter compiler: the child only calls
 * seccomp(2) with ready programs. The allowlist is installed with a notification listener and
 * answers SECCOMP_RET_USER_NOTIF for what would otherwise be a kill (another ABI: i386
 * int 0x80, x32's nr|0x40000000). The supervisor holds the listener (the child hands it over
 * before exec; the payload never has it): for each notification it records the syscall, then
 * kills the caller with SIGSYS, as the kernel's kill would, or with SIGKILL when SIGSYS is
 * caught, blocked or ignored, and answers ENOSYS; the syscall never runs either way. When no
 * listener can be installed (the supervisor itself runs under a filter that has one), the
 * build's KILL_PROCESS variant is loaded instead and the record's syscall stays unknown.
 *
 * Denied calls with EPERM/ENOSYS are not reported here: the payload sees the error.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox/internal.h"

#ifndef AUDIT_ARCH_X86_64
#define AUDIT_ARCH_X86_64 0xc000003eU
#endif
#ifndef AUDIT_ARCH_I386
#define AUDIT_ARCH_I386 0x40000003U
#endif
#define X32_BIT 0x40000000U

const char *const *seccomp_denied_names(void)
{
        return cage_seccomp_denied;
}

int seccomp_filter_get(const struct sock_fprog **ret, struct diag *d)
{
        *ret = cage_bpf_notify;
        return 0;
}

static int load(const struct sock_fprog *p, unsigned flags)
{
        long r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, flags, p);

        return r < 0 ? -errno : (int)r;
}

int seccomp_child_load(struct cage_ctx *c)
{
        int r;

        if (!c->seccomp)
                return -EINVAL;
        c->notify_fd = -1;
        r = load(&c->seccomp[0], SECCOMP_FILTER_FLAG_NEW_LISTENER);
        if (r >= 0)
                c->notify_fd = r;
        else
                r = load(&cage_bpf_kill[0], 0);
        for (unsigned i = 1; r >= 0 && i < CAGE_SECCOMP_FILTERS; i++)
                r = load(&c->seccomp[i], 0);
        /* No namespaces: the floor closes what they would have (floor.c). */
        if (r >= 0 && c->layers.floor)
                r = load(&cage_bpf_floor, 0);
        return r < 0 ? r : 0;
}

void seccomp_syscall_name(uint32_t arch, long nr, char *out, size_t size)
{
        const char *n = NULL, *abi = "";

        if (arch == AUDIT_ARCH_X86_64 && nr >= 0 && (unsigned long)nr & X32_BIT) {
                n = cage_syscall_lookup(1, (unsigned)nr & ~X32_BIT);
                abi = "x32:";
        } else if (arch == AUDIT_ARCH_X86_64 && nr >= 0) {
                n = cage_syscall_lookup(0, (unsigned)nr);
        } else if (arch == AUDIT_ARCH_I386 && nr >= 0) {
                n = cage_syscall_lookup(2, (unsigned)nr);
                abi = "i386:";
        }
        if (n)
                snprintf(out, size, "%s%s", abi, n);
        else
                snprintf(out, size, "arch-0x%x:%ld", arch, nr);
}

/* From /proc/<tid>/status: the thread group, its pid in the innermost namespace, and whether
 * a SIGSYS would kill it (neither caught, ignored nor blocked). */
struct task_info {
        long tgid, ns_tgid, ppid;
        bool sigsys_kills;
};

static unsigned long long hex_field(const char *text, const char *key)
{
        const char *p = strstr(text, key);

        return p ? strtoull(p + strlen(key), NULL, 16) : ~0ULL;
}

static int task_info(pid_t tid, struct task_info *ret)
{
        char path[64], text[4096], *p;
        unsigned long long bit = 1ULL << (SIGSYS - 1);
        int r;

        snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
        r = cage_read_small(path, text, sizeof(text));
        if (r < 0 && r != -E2BIG)
                return r;
        p = strstr(text, "\nTgid:");
        if (!p)
                return -EIO;
        ret->tgid = strtol(p + 6, NULL, 10);
        ret->ns_tgid = ret->tgid;
        ret->ppid = strstr(text, "\nPPid:") ? strtol(strstr(text, "\nPPid:") + 6, NULL, 10) : 0;
        p = strstr(text, "\nNStgid:");
        if (p) {
                char *e = strchr(p + 1, '\n');

                if (e)
                        *e = '\0';
                p = strrchr(p, '\t');
                if (p)
                        ret->ns_tgid = strtol(p + 1, NULL, 10);
                if (e)
                        *e = '\n';
        }
        ret->sigsys_kills = !(hex_field(text, "\nSigBlk:") & bit) &&
                            !(hex_field(text, "\nSigIgn:") & bit) &&
                            !(hex_field(text, "\nSigCgt:") & bit);
        return ret->tgid > 0 ? 0 : -EIO;
}

int seccomp_notify_handle(int fd, pid_t payload, int match, struct seccomp_kill *ret)
{
        union {
                struct seccomp_notif n;
                char pad[512]; /* newer kernels' larger struct */
        } req;
        struct seccomp_notif_resp resp = { 0 };
        struct task_info t = { 0 };
        int pidfd = -1, r;

        memset(&req, 0, sizeof(req));
        if (ioctl(fd, SECCOMP_IOCTL_NOTIF_RECV, &req.n) < 0)
                return -errno; /* ENOENT: the caller died meanwhile */
        r = task_info((pid_t)req.n.pid, &t);
        if (r >= 0) {
                pidfd = (int)syscall(SYS_pidfd_open, (pid_t)t.tgid, 0);
                r = pidfd < 0 ? -errno : 0;
        }
        /* Still the same waiting task: the pid read above was not reused. */
        if (r >= 0 && ioctl(fd, SECCOMP_IOCTL_NOTIF_ID_VALID, &req.n.id) < 0)
                r = -errno;
        if (r >= 0) {
                *ret = (struct seccomp_kill){
                        .payload = match == SECCOMP_MATCH_NS_PID ? t.ns_tgid == payload
                                   : match == SECCOMP_MATCH_PARENT ? t.ppid == payload
                                                                   : t.tgid == payload,
                        .nr = req.n.data.nr,
                        .arch = req.n.data.arch,
                        .sig = t.sigsys_kills ? SIGSYS : SIGKILL,
                };
                if (syscall(SYS_pidfd_send_signal, pidfd, ret->sig, NULL, 0) < 0)
                        r = -errno;
        }
        if (pidfd >= 0)
                close(pidfd);
        /* Whatever happened above, the syscall does not run. */
        resp.id = req.n.id;
        resp.error = -ENOSYS;
        (void)!ioctl(fd, SECCOMP_IOCTL_NOTIF_SEND, &resp);
        return r;
}
