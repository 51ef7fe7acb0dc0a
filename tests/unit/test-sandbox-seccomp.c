/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the cage's build-time seccomp programs and the syscall names the record
 * uses: the programs exist, check the architecture first, the two allowlist variants differ
 * only in the bad-arch action, and numbers map to names per ABI. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <string.h>

#include "tap.h"
#include "sandbox/internal.h"

static unsigned count_ret(const struct sock_fprog *p, unsigned k)
{
        unsigned n = 0;

        for (unsigned i = 0; i < p->len; i++)
                if (p->filter[i].code == (BPF_RET | BPF_K) && p->filter[i].k == k)
                        n++;
        return n;
}

int main(void)
{
        char name[48];

        for (unsigned i = 0; i < CAGE_SECCOMP_FILTERS; i++) {
                ok(cage_bpf_notify[i].len > 3 && cage_bpf_notify[i].len <= BPF_MAXINSNS,
                   "filter %u has a sane length (%u)", i, cage_bpf_notify[i].len);
                /* ld [4] = seccomp_data.arch */
                ok(cage_bpf_notify[i].filter[0].code == (BPF_LD | BPF_W | BPF_ABS) &&
                           cage_bpf_notify[i].filter[0].k == 4,
                   "filter %u loads the architecture first", i);
        }
        is_int(cage_bpf_notify[0].len, cage_bpf_kill[0].len, "both allowlist variants agree in size");
        ok(count_ret(&cage_bpf_notify[0], SECCOMP_RET_USER_NOTIF) > 0 &&
                   count_ret(&cage_bpf_notify[0], SECCOMP_RET_KILL_PROCESS) == 0,
           "notify variant: bad arch goes to the listener, nothing kills");
        ok(count_ret(&cage_bpf_kill[0], SECCOMP_RET_KILL_PROCESS) > 0 &&
                   count_ret(&cage_bpf_kill[0], SECCOMP_RET_USER_NOTIF) == 0,
           "kill variant: bad arch kills, no listener needed");
        ok(count_ret(&cage_bpf_notify[1], SECCOMP_RET_KILL_PROCESS) == 0,
           "ioctl filter never kills (the allowlist owns bad arch)");

        seccomp_syscall_name(0xc000003e, 250, name, sizeof(name));
        is_str(name, "keyctl", "x86-64 250 is keyctl");
        seccomp_syscall_name(0xc000003e, 0x40000000 | 39, name, sizeof(name));
        is_str(name, "x32:getpid", "x32 bit + 39 is x32:getpid");
        seccomp_syscall_name(0x40000003, 26, name, sizeof(name));
        is_str(name, "i386:ptrace", "i386 26 is i386:ptrace");
        seccomp_syscall_name(0xc000003e, 100000, name, sizeof(name));
        is_str(name, "arch-0xc000003e:100000", "unknown number: arch and number");
        seccomp_syscall_name(0xc000003e, -1, name, sizeof(name));
        is_str(name, "arch-0xc000003e:-1", "negative number: arch and number");
        ok(seccomp_denied_names()[0] != NULL, "the denied list is not empty");
        return done_testing();
}
