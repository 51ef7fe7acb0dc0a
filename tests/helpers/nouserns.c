/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nouserns: run a command where user namespaces cannot be made, as under Docker's default
 * seccomp profile or Ubuntu's AppArmor restriction: `nouserns [--no-landlock] CMD [ARG...]`.
 *
 * Installs a seccomp filter (no_new_privs first, so no privilege is needed) that answers
 * EPERM to unshare() and clone() whose flags carry CLONE_NEWUSER, and to every clone3()
 * (whose flags a filter cannot read), then execs CMD. With --no-landlock first,
 * landlock_create_ruleset gets ENOSYS too (a kernel without Landlock). Everything else is allowed, other
 * architectures' calls too: it is a test fixture, not a sandbox. Used by
 * tests/sandbox/cage-floor.t. Static, no libseccomp.
 */
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define NATIVE_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_ARCH AUDIT_ARCH_AARCH64
#else
#error "nouserns: add this architecture's AUDIT_ARCH"
#endif

#define LD(off) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (off))
#define RET(v) BPF_STMT(BPF_RET | BPF_K, (v))

int main(int argc, char **argv)
{
        struct sock_filter f[] = {
                /* 0 */ LD(offsetof(struct seccomp_data, arch)),
                /* 1 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 0, 8),
                /* 2 */ LD(offsetof(struct seccomp_data, nr)),
                /* 3 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 4, 0),
                /* 4 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_unshare, 1, 0),
                /* 5 */ BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 4),
                /* 6 */ LD(offsetof(struct seccomp_data, args[0])),
                /* 7 */ BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_NEWUSER, 0, 2),
                /* 8 */ RET(SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
                /* 9 */ RET(SECCOMP_RET_ALLOW),
                /* 10 */ RET(SECCOMP_RET_ALLOW),
        };
        /* --no-landlock: a kernel without Landlock as well (landlock_create_ruleset ENOSYS) */
        struct sock_filter nl[] = {
                LD(offsetof(struct seccomp_data, nr)),
                BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_landlock_create_ruleset, 0, 1),
                RET(SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA)),
                RET(SECCOMP_RET_ALLOW),
        };
        struct sock_fprog prog = { .len = sizeof(f) / sizeof(f[0]), .filter = f };
        struct sock_fprog noll = { .len = sizeof(nl) / sizeof(nl[0]), .filter = nl };
        int landlock = 1;

        if (argc > 1 && strcmp(argv[1], "--no-landlock") == 0) {
                landlock = 0;
                argv++;
                argc--;
        }
        if (argc < 2) {
                fprintf(stderr, "usage: nouserns CMD [ARG...]\n");
                return 2;
        }
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
            syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0 ||
            (!landlock && syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &noll) < 0)) {
                fprintf(stderr, "nouserns: seccomp: %s\n", strerror(errno));
                return 2;
        }
        execvp(argv[1], argv + 1);
        fprintf(stderr, "nouserns: %s: %s\n", argv[1], strerror(errno));
        return 127;
}
