/* SPDX-License-Identifier: GPL-3.0-or-later */
/* seccomp-gen: a build tool (src/sandbox/module.mk), not part of the library. It compiles the
 * cage's seccomp policy with libseccomp once, at build time, and prints a C file with the BPF
 * programs, the denied names and the syscall name tables (x86-64, x32, i386) that
 * src/sandbox/seccomp.c loads and looks up at run time: the cage never runs libseccomp.
 *
 * Policy shape (research/sandbox-anchors.md section 5 rule 1): the architecture is checked
 * first; any other ABI (i386 int 0x80, x32's nr|0x40000000) is the "bad arch" action; then
 * the allowed groups; a short list of dangerous calls gets EPERM so the payload sees a clear
 * "denied"; clone3 gets ENOSYS (glibc falls back to clone, whose flags BPF can read);
 * everything unknown gets ENOSYS. Integer arguments (ioctl cmd, socket domain, personality)
 * are compared on their low 32 bits, as the kernel reads them.
 *
 * Two variants of the allowlist are emitted: bad arch -> SECCOMP_RET_USER_NOTIF (the
 * supervisor learns the syscall, then kills the caller) and bad arch -> KILL_PROCESS (used
 * when no listener can be installed). The ioctl filter allows bad arch: the allowlist, which
 * is always installed with it, already stops those.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <unistd.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define CAGE_SYSCALL_TABLE 1024 /* as in sandbox/internal.h */

struct syscall_group {
        const char *name;
        const char *const *calls;
};

#define G(n, ...) { n, (const char *const[]){ __VA_ARGS__, NULL } }

/* Allowed without conditions. */
static const struct syscall_group allowed_groups[] = {
        G("io", "read", "write", "readv", "writev", "pread64", "pwrite64", "preadv", "pwritev",
          "preadv2", "pwritev2", "lseek", "close", "close_range", "dup", "dup2", "dup3", "fcntl",
          "pipe", "pipe2", "sendfile", "splice", "tee", "vmsplice", "copy_file_range",
          "fsync", "fdatasync", "sync", "syncfs", "sync_file_range", "fadvise64",
          "readahead", "flock", "ftruncate", "truncate", "fallocate"),
        G("file", "open", "openat", "openat2", "creat", "stat", "fstat", "lstat", "newfstatat",
          "statx", "statfs", "fstatfs", "access", "faccessat", "faccessat2", "readlink",
          "readlinkat", "getdents", "getdents64", "getcwd", "chdir", "fchdir", "mkdir",
          "mkdirat", "rmdir", "unlink", "unlinkat", "rename", "renameat", "renameat2", "link",
          "linkat", "symlink", "symlinkat", "mknod", "mknodat", "chmod", "fchmod", "fchmodat",
          "fchmodat2", "chown", "fchown", "lchown", "fchownat", "umask", "utime", "utimes",
          "utimensat", "futimesat", "getxattr", "lgetxattr", "fgetxattr", "listxattr",
          "llistxattr", "flistxattr", "setxattr", "lsetxattr", "fsetxattr", "removexattr",
          "lremovexattr", "fremovexattr", "inotify_init", "inotify_init1",
          "inotify_add_watch", "inotify_rm_watch", "memfd_create"),
        G("memory", "brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "mincore",
          "msync", "mlock", "mlock2", "munlock", "mlockall", "munlockall", "mbind",
          "get_mempolicy", "set_mempolicy", "membarrier", "pkey_alloc", "pkey_free",
          "pkey_mprotect", "map_shadow_stack"),
        G("process", "execve", "execveat", "fork", "vfork", "exit", "exit_group", "wait4",
          "waitid", "getpid", "getppid", "gettid", "getpgid", "setpgid", "getpgrp", "getsid",
          "setsid", "set_tid_address", "set_robust_list", "get_robust_list", "rseq", "futex",
          "futex_waitv", "arch_prctl", "prctl", "seccomp", "landlock_create_ruleset",
          "landlock_add_rule", "landlock_restrict_self", "getrlimit", "setrlimit", "prlimit64",
          "getrusage", "getpriority", "setpriority", "sched_yield", "sched_getaffinity",
          "sched_setaffinity", "sched_getparam", "sched_setparam", "sched_getscheduler",
          "sched_setscheduler", "sched_get_priority_max", "sched_get_priority_min",
          "sched_rr_get_interval", "sched_getattr", "sched_setattr", "getcpu", "uname",
          "sysinfo", "getrandom", "times", "pidfd_open", "pidfd_send_signal",
          "ioprio_get", "ioprio_set"),
        G("ids", "getuid", "geteuid", "getgid", "getegid", "getresuid", "getresgid",
          "getgroups", "setuid", "setgid", "setreuid", "setregid", "setresuid", "setresgid",
          "setgroups", "setfsuid", "setfsgid", "capget", "capset"),
        G("signal", "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "rt_sigpending",
          "rt_sigtimedwait", "rt_sigsuspend", "rt_sigqueueinfo", "rt_tgsigqueueinfo",
          "sigaltstack", "kill", "tkill", "tgkill", "pause", "restart_syscall", "signalfd",
          "signalfd4"),
        G("time", "clock_gettime", "clock_getres", "clock_nanosleep", "nanosleep",
          "gettimeofday", "time", "alarm", "getitimer", "setitimer", "timer_create",
          "timer_settime", "timer_gettime", "timer_getoverrun", "timer_delete",
          "timerfd_create", "timerfd_settime", "timerfd_gettime"),
        G("poll", "poll", "ppoll", "select", "pselect6", "epoll_create", "epoll_create1",
          "epoll_ctl", "epoll_wait", "epoll_pwait", "epoll_pwait2", "eventfd", "eventfd2"),
        G("net", "connect", "bind", "listen", "accept", "accept4", "sendto", "recvfrom",
          "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "shutdown", "getsockname",
          "getpeername", "getsockopt", "setsockopt", "socketpair"),
        /* SysV and POSIX IPC live in the cage's own ipc namespace. */
        G("ipc", "shmget", "shmat", "shmdt", "shmctl", "semget", "semop", "semtimedop",
          "semctl", "msgget", "msgsnd", "msgrcv", "msgctl", "mq_open", "mq_unlink",
          "mq_timedsend", "mq_timedreceive", "mq_notify", "mq_getsetattr"),
};

/* Denied with EPERM, by name, so the payload and the probe see a clear refusal. */
static const char *const denied[] = {
        "ptrace", "process_vm_readv", "process_vm_writev", "process_madvise", "pidfd_getfd",
        "kcmp", "io_uring_setup", "io_uring_enter", "io_uring_register", "keyctl", "add_key",
        "request_key", "bpf", "perf_event_open", "userfaultfd", "mount", "umount2",
        "pivot_root", "chroot", "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount",
        "fspick", "mount_setattr", "open_tree_attr", "setns", "unshare", "kexec_load",
        "kexec_file_load", "init_module", "finit_module", "delete_module", "reboot",
        "settimeofday", "clock_settime", "clock_adjtime", "adjtimex",
        "open_by_handle_at", "name_to_handle_at", "swapon", "swapoff", "acct", "syslog",
        "quotactl", "quotactl_fd", "iopl", "ioperm", "modify_ldt", "uselib", "vhangup",
        "lookup_dcookie", "fanotify_init", "sethostname", "setdomainname", "move_pages",
        "migrate_pages", "nfsservctl", "_sysctl", NULL,
};

/* Namespace flags clone() may not carry (CLONE_NEWTIME is a clone3/unshare flag only). */
#define CLONE_NS_MASK                                                                     \
        (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |    \
         CLONE_NEWPID | CLONE_NEWNET)

static int add(scmp_filter_ctx ctx, uint32_t act, const char *name, unsigned n,
               const struct scmp_arg_cmp *cmp)
{
        int nr = seccomp_syscall_resolve_name(name);

        if (nr == __NR_SCMP_ERROR)
                return 0; /* not on this architecture */
        return seccomp_rule_add_array(ctx, act, nr, n, cmp);
}

/* Argument checks, each rule one comparison with a 32-bit mask (the kernel reads these as
 * int; a 64-bit compare lets high bits slip through: CVE-2019-10063). */
static int add_conditional(scmp_filter_ctx ctx)
{
        static const int domains[] = { AF_UNIX, AF_INET, AF_INET6 };
        static const uint64_t pers[] = { 0 /* PER_LINUX */, 0xffffffff /* query */ };
        int r = 0;

        for (unsigned i = 0; r >= 0 && i < ARRAY_SIZE(domains); i++)
                r = add(ctx, SCMP_ACT_ALLOW, "socket", 1,
                        (struct scmp_arg_cmp[]){
                                SCMP_A0_64(SCMP_CMP_MASKED_EQ, 0xffffffff, domains[i]) });
        for (unsigned i = 0; r >= 0 && i < ARRAY_SIZE(pers); i++)
                r = add(ctx, SCMP_ACT_ALLOW, "personality", 1,
                        (struct scmp_arg_cmp[]){
                                SCMP_A0_64(SCMP_CMP_MASKED_EQ, 0xffffffff, pers[i]) });
        /* ioctl is allowed here; the second filter takes TIOCSTI/TIOCLINUX out. */
        if (r >= 0)
                r = add(ctx, SCMP_ACT_ALLOW, "ioctl", 0, NULL);
        if (r >= 0)
                r = add(ctx, SCMP_ACT_ALLOW, "clone", 1,
                        (struct scmp_arg_cmp[]){
                                SCMP_A0_64(SCMP_CMP_MASKED_EQ, CLONE_NS_MASK, 0) });
        if (r >= 0)
                r = add(ctx, SCMP_ACT_ERRNO(EPERM), "clone", 1,
                        (struct scmp_arg_cmp[]){ SCMP_A0_64(SCMP_CMP_MASKED_EQ,
                                                            CLONE_NEWUSER, CLONE_NEWUSER) });
        /* clone3 falls to the default action, ENOSYS, as glibc expects. */
        return r;
}

static uint32_t badarch = SCMP_ACT_KILL_PROCESS;

static int build_allowlist(scmp_filter_ctx ctx)
{
        int r;

        r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, badarch);
        if (r < 0)
                return r;
        for (unsigned g = 0; g < ARRAY_SIZE(allowed_groups); g++)
                for (const char *const *c = allowed_groups[g].calls; *c; c++) {
                        r = add(ctx, SCMP_ACT_ALLOW, *c, 0, NULL);
                        if (r < 0)
                                return r;
                }
        for (const char *const *c = denied; *c; c++) {
                r = add(ctx, SCMP_ACT_ERRNO(EPERM), *c, 0, NULL);
                if (r < 0)
                        return r;
        }
        return add_conditional(ctx);
}

/* libseccomp lets an unconditional rule win over conditional ones for the same syscall, so
 * the ioctl refusals live in a second, stacked filter (default allow): the kernel runs both
 * and the most restrictive answer wins. */
static int build_ioctl(scmp_filter_ctx ctx)
{
        static const unsigned long cmds[] = { TIOCSTI, TIOCLINUX };
        int r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_ALLOW);

        for (unsigned i = 0; r >= 0 && i < ARRAY_SIZE(cmds); i++)
                r = add(ctx, SCMP_ACT_ERRNO(EPERM), "ioctl", 1,
                        (struct scmp_arg_cmp[]){
                                SCMP_A1_64(SCMP_CMP_MASKED_EQ, 0xffffffff, cmds[i]) });
        return r;
}

/* The floor (src/sandbox/floor.c), stacked on the allowlist when no namespace could be
 * made: it closes with EPERM what the namespaces would have closed. Sockets of every family
 * (no network namespace: host loopback and host unix sockets would be reachable; socketpair
 * stays), System V IPC and POSIX queues (no ipc namespace), signals to every process (-1),
 * and calls that act on another process of the same uid by pid (limits, priorities, CPU
 * affinity, scheduling; 0 = self stays allowed). ptrace, process_vm_*, keyrings and mounts
 * are already refused by the allowlist; Landlock scopes the rest of the signals. */
static int build_floor(scmp_filter_ctx ctx)
{
        static const char *const refused[] = {
                "socket", "shmget", "shmat", "shmdt", "shmctl", "semget", "semop",
                "semtimedop", "semctl", "msgget", "msgsnd", "msgrcv", "msgctl", "mq_open",
                "mq_unlink", "mq_timedsend", "mq_timedreceive", "mq_notify", "mq_getsetattr",
                NULL,
        };
        static const char *const signals[] = { "kill", "tkill", "tgkill", "rt_sigqueueinfo",
                                               "rt_tgsigqueueinfo", NULL };
        static const struct {
                const char *name;
                unsigned arg;
        } by_pid[] = {
                { "prlimit64", 0 },         { "setpriority", 1 },
                { "ioprio_set", 1 },        { "sched_setaffinity", 0 },
                { "sched_setscheduler", 0 }, { "sched_setparam", 0 },
                { "sched_setattr", 0 },
        };
        int r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_ALLOW);

        for (const char *const *c = refused; r >= 0 && *c; c++)
                r = add(ctx, SCMP_ACT_ERRNO(EPERM), *c, 0, NULL);
        for (const char *const *c = signals; r >= 0 && *c; c++)
                r = add(ctx, SCMP_ACT_ERRNO(EPERM), *c, 1,
                        (struct scmp_arg_cmp[]){
                                SCMP_A0_64(SCMP_CMP_MASKED_EQ, 0xffffffff, 0xffffffff) });
        for (unsigned i = 0; r >= 0 && i < ARRAY_SIZE(by_pid); i++) {
                /* refused unless all 64 bits are 0 (the caller itself): any other value
                 * names another process, whatever the kernel makes of the high bits */
                struct scmp_arg_cmp cmp = { .arg = by_pid[i].arg, .op = SCMP_CMP_NE,
                                            .datum_a = 0 };

                r = add(ctx, SCMP_ACT_ERRNO(EPERM), by_pid[i].name, 1, &cmp);
        }
        return r;
}

/* Export ctx as "static const struct sock_filter <name>[]", via a temp file. */
static int emit(scmp_filter_ctx ctx, const char *name, unsigned *ret_len)
{
        struct sock_filter f;
        FILE *tmp = tmpfile();
        unsigned n = 0;

        if (!tmp || seccomp_export_bpf(ctx, fileno(tmp)) < 0)
                return -1;
        rewind(tmp);
        printf("static const struct sock_filter %s[] = {\n", name);
        while (fread(&f, sizeof(f), 1, tmp) == 1) {
                printf("        { 0x%04x, %u, %u, 0x%08x },\n", f.code, f.jt, f.jf, f.k);
                n++;
        }
        printf("};\n\n");
        fclose(tmp);
        *ret_len = n;
        return n > 0 && n <= BPF_MAXINSNS ? 0 : -1;
}

static int build(uint32_t def, int (*fn)(scmp_filter_ctx), const char *name, unsigned *len)
{
        scmp_filter_ctx ctx = seccomp_init(def);
        int r;

        if (!ctx)
                return -1;
        /* The program must not depend on the build host's kernel (TSYNC, LOG probing). */
        r = fn(ctx);
        if (r >= 0)
                r = emit(ctx, name, len);
        seccomp_release(ctx);
        return r;
}

/* Name tables without pointers (nothing to relocate at start-up): one string blob, and per
 * ABI the offset + 1 of each number's name in it (0: no such syscall). */
static char blob[65536];
static unsigned blob_len;

static int names(const char *var, uint32_t arch, int base)
{
        printf("static const unsigned short %s[CAGE_SYSCALL_TABLE] = {\n", var);
        for (int i = 0; i < CAGE_SYSCALL_TABLE; i++) {
                char *n = seccomp_syscall_resolve_num_arch(arch, base + i);
                size_t len = n ? strlen(n) : 0;

                if (n && blob_len + len + 1 < sizeof(blob) && blob_len + 1 < 65535) {
                        printf("        [%d] = %u,\n", i, blob_len + 1);
                        memcpy(blob + blob_len, n, len + 1);
                        blob_len += (unsigned)len + 1;
                } else if (n) {
                        free(n);
                        return -1;
                }
                free(n);
        }
        printf("};\n\n");
        return 0;
}

static void print_blob(void)
{
        printf("static const char blob[%u] =", blob_len + 1);
        for (unsigned i = 0; i < blob_len; i += (unsigned)strlen(blob + i) + 1)
                printf("\n        \"%s\\0\"", blob + i);
        printf(";\n\n");
}

int main(void)
{
        unsigned l_notify, l_kill, l_ioctl, l_floor;

        printf("/* Generated by src/sandbox/gen/seccomp-gen.c at build time: do not edit. */\n"
               "#include <linux/filter.h>\n#include <stddef.h>\n\n"
               "#include \"sandbox/internal.h\"\n\n");
        badarch = SCMP_ACT_NOTIFY;
        if (build(SCMP_ACT_ERRNO(ENOSYS), build_allowlist, "allow_notify", &l_notify) < 0)
                return 1;
        badarch = SCMP_ACT_KILL_PROCESS;
        if (build(SCMP_ACT_ERRNO(ENOSYS), build_allowlist, "allow_kill", &l_kill) < 0)
                return 1;
        if (build(SCMP_ACT_ALLOW, build_ioctl, "ioctl_deny", &l_ioctl) < 0)
                return 1;
        if (build(SCMP_ACT_ALLOW, build_floor, "floor_deny", &l_floor) < 0)
                return 1;
        printf("const struct sock_fprog cage_bpf_floor = { %u, (struct sock_filter *)"
               "floor_deny };\n\n", l_floor);
        printf("const struct sock_fprog cage_bpf_notify[CAGE_SECCOMP_FILTERS] = {\n"
               "        { %u, (struct sock_filter *)allow_notify },\n"
               "        { %u, (struct sock_filter *)ioctl_deny },\n};\n\n", l_notify, l_ioctl);
        printf("const struct sock_fprog cage_bpf_kill[CAGE_SECCOMP_FILTERS] = {\n"
               "        { %u, (struct sock_filter *)allow_kill },\n"
               "        { %u, (struct sock_filter *)ioctl_deny },\n};\n\n", l_kill, l_ioctl);
        printf("const char *const cage_seccomp_denied[] = {\n");
        for (const char *const *c = denied; *c; c++)
                printf("        \"%s\",\n", *c);
        printf("        NULL,\n};\n\n");
        if (names("x86_64", SCMP_ARCH_X86_64, 0) < 0 ||
            names("x32", SCMP_ARCH_X32, 0x40000000) < 0 || names("i386", SCMP_ARCH_X86, 0) < 0)
                return 1;
        print_blob();
        printf("const char *cage_syscall_lookup(int abi, unsigned nr)\n{\n"
               "        static const unsigned short *const t[] = { x86_64, x32, i386 };\n\n"
               "        if (abi < 0 || abi > 2 || nr >= CAGE_SYSCALL_TABLE || !t[abi][nr])\n"
               "                return NULL;\n"
               "        return blob + t[abi][nr] - 1;\n}\n");
        return 0;
}
