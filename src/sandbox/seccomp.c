/* seccomp: the syscall allowlist, built from named groups with libseccomp, loaded last.
 *
 * Shape (research/sandbox-anchors.md §5 rule 1): libseccomp checks the architecture first
 * and kills any other ABI (i386 int 0x80, x32's nr|0x40000000) with SIGSYS; then the allowed
 * groups; a short list of dangerous calls gets EPERM so the payload sees a clear "denied";
 * clone3 gets ENOSYS (glibc falls back to clone, whose flags BPF can read); everything
 * unknown gets ENOSYS. Integer arguments (ioctl cmd, socket domain, personality) are
 * compared on their low 32 bits, as the kernel reads them.
 *
 * The filter is compiled once per process in the parent and cached as a sock_fprog; the
 * child only calls seccomp(2). It does not log (no SECCOMP_RET_LOG mode yet).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox/internal.h"

#define FILTER_MAX (64 * 1024) /* BPF_MAXINSNS * 8 is 32 KiB */

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

static struct sock_fprog cached[CAGE_SECCOMP_FILTERS];

const char *const *seccomp_denied_names(void)
{
        return denied;
}

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

static int build_allowlist(scmp_filter_ctx ctx)
{
        int r;

        r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
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
        int r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);

        for (unsigned i = 0; r >= 0 && i < ARRAY_SIZE(cmds); i++)
                r = add(ctx, SCMP_ACT_ERRNO(EPERM), "ioctl", 1,
                        (struct scmp_arg_cmp[]){
                                SCMP_A1_64(SCMP_CMP_MASKED_EQ, 0xffffffff, cmds[i]) });
        return r;
}

static int export(scmp_filter_ctx ctx, struct sock_fprog *ret)
{
        void *mem = NULL;
        off_t size = 0;
        int fd, r;

        fd = memfd_create("akios-seccomp", MFD_CLOEXEC);
        r = fd < 0 ? -errno : seccomp_export_bpf(ctx, fd);
        if (r >= 0) {
                size = lseek(fd, 0, SEEK_END);
                if (size <= 0 || size > FILTER_MAX || size % (off_t)sizeof(struct sock_filter))
                        r = -E2BIG;
        }
        if (r >= 0) {
                mem = malloc((size_t)size);
                if (!mem || pread(fd, mem, (size_t)size, 0) != size)
                        r = -EIO;
        }
        if (fd >= 0)
                close(fd);
        if (r < 0) {
                free(mem);
                return r;
        }
        ret->len = (unsigned short)(size / (off_t)sizeof(struct sock_filter));
        ret->filter = mem;
        return 0;
}

int seccomp_filter_get(const struct sock_fprog **ret, struct diag *d)
{
        static const struct {
                uint32_t def;
                int (*build)(scmp_filter_ctx ctx);
        } filters[CAGE_SECCOMP_FILTERS] = {
                { SCMP_ACT_ERRNO(ENOSYS), build_allowlist },
                { SCMP_ACT_ALLOW, build_ioctl },
        };
        int r = 0;

        if (cached[0].filter) {
                *ret = cached;
                return 0;
        }
        for (unsigned i = 0; r >= 0 && i < ARRAY_SIZE(filters); i++) {
                scmp_filter_ctx ctx = seccomp_init(filters[i].def);

                if (!ctx) {
                        r = -ENOMEM;
                        break;
                }
                r = filters[i].build(ctx);
                if (r >= 0)
                        r = export(ctx, &cached[i]);
                seccomp_release(ctx);
        }
        if (r < 0) {
                for (unsigned i = 0; i < ARRAY_SIZE(cached); i++) {
                        free(cached[i].filter);
                        cached[i] = (struct sock_fprog){ 0 };
                }
                diag_set(d, "seccomp", 0, 0, "cannot build the seccomp filter: %s",
                         strerror(-r));
                return r;
        }
        *ret = cached;
        return 0;
}

int seccomp_child_load(struct cage_ctx *c)
{
        if (!c->seccomp)
                return -EINVAL;
        for (unsigned i = 0; i < CAGE_SECCOMP_FILTERS; i++)
                if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &c->seccomp[i]) < 0)
                        return -errno;
        return 0;
}
