/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cage-init: the cage's pid 1, a separate program of a few kilobytes, built without libc
 * (src/sandbox/module.mk) and embedded in akios, which execs it from a sealed memfd as the
 * last step of the cage's checklist (src/sandbox/init.c).
 *
 * Why a fresh image: pid 1 used to be a fork of the supervisor, so the payload could read
 * the supervisor's environment (API keys), memory (the .env values, the ledger's signing
 * key) and fds through /proc/1 (issue 10, finding 1). This program holds nothing but the
 * status socket and what the payload gets anyway (its argv and environment). It makes itself
 * non-dumpable before the payload exists, so /proc/1/mem, /proc/1/fd and /proc/1/environ
 * are closed to the payload and nothing can rewrite the exit status it reports.
 *
 * What it does: block the signals it forwards and SIGCHLD, fork the payload (which unblocks
 * them and execs argv[2..]), close 0-2 so the supervisor sees EOF when the payload's output
 * ends, then wait in sigtimedwait: forward SIGTERM/SIGINT/SIGHUP/SIGQUIT/SIGUSR1/SIGUSR2 to
 * the payload, reap orphans on SIGCHLD, and when the payload is reaped send its wait status
 * (and the CPU ticks its SIGCHLD reported) and exit (the kernel then kills what is left in the pid namespace). No signal handlers,
 * so no libc trampolines are needed. It runs under the cage's seccomp filter and Landlock.
 *
 * It does not build the cage (the checklist did) and never reads its input beyond argv[1].
 */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <sys/syscall.h>

#include "../init-msg.h"

#if defined(CAGE_INIT_LIBC)
#include <unistd.h>
#define sys(n, a, b, c, d, e) syscall(n, a, b, c, d, e)
#else
#if defined(__x86_64__)
static long sys(long n, long a, long b, long c, long d, long e)
{
        long r;
        register long r10 __asm__("r10") = d;
        register long r8 __asm__("r8") = e;

        __asm__ volatile("syscall"
                         : "=a"(r)
                         : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
                         : "rcx", "r11", "memory");
        return r;
}

__asm__(".text\n.global _start\n_start:\n\txor %rbp, %rbp\n\tmov %rsp, %rdi\n"
        "\tand $-16, %rsp\n\tcall start_c\n\thlt\n");
#elif defined(__aarch64__)
static long sys(long n, long a, long b, long c, long d, long e)
{
        register long x8 __asm__("x8") = n;
        register long x0 __asm__("x0") = a;
        register long x1 __asm__("x1") = b;
        register long x2 __asm__("x2") = c;
        register long x3 __asm__("x3") = d;
        register long x4 __asm__("x4") = e;

        __asm__ volatile("svc 0"
                         : "+r"(x0)
                         : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4)
                         : "memory");
        return x0;
}

__asm__(".text\n.global _start\n_start:\n\tmov x0, sp\n\tbl start_c\n\tbrk #0\n");
#else
#error "cage-init: no raw syscalls for this architecture; build with -DCAGE_INIT_LIBC"
#endif
#endif

#define PR_SET_DUMPABLE_ 4
#define F_SETFD_ 2
#define SIGSET_SIZE 8 /* the kernel's sigset_t: _NSIG / 8 */
#define BIT(s) (1UL << ((s) - 1))

static const unsigned long forwarded = BIT(SIGTERM) | BIT(SIGINT) | BIT(SIGHUP) |
                                       BIT(SIGQUIT) | BIT(SIGUSR1) | BIT(SIGUSR2);

static long err_of(long r)
{
        /* raw syscalls return -errno; the libc build returns -1 with errno */
#if defined(CAGE_INIT_LIBC)
        return r < 0 ? -errno : r;
#else
        return r;
#endif
}

static void send_msg(int fd, int kind, int value, long long cpu_ticks)
{
        struct cage_init_msg m;

        m.kind = kind;
        m.value = value;
        m.cpu_ticks = cpu_ticks;
        sys(SYS_write, fd, (long)&m, sizeof(m), 0, 0);
}

static void leave(int code)
{
        for (;;)
                sys(SYS_exit_group, code, 0, 0, 0, 0);
}

static int parse_fd(const char *s)
{
        int n = 0;

        if (!s || !*s)
                return -1;
        for (; *s; s++) {
                if (*s < '0' || *s > '9' || n > 100000)
                        return -1;
                n = n * 10 + (*s - '0');
        }
        return n;
}

/* The payload's side of the fork: never returns. */
static void payload(int status_fd, char **argv, char **envp)
{
        unsigned long none = 0;
        long r;

        sys(SYS_rt_sigprocmask, SIG_SETMASK, (long)&none, 0, SIGSET_SIZE, 0);
        /* Closed by a successful execve, still there to report a failed one. */
        sys(SYS_fcntl, status_fd, F_SETFD_, 1 /* FD_CLOEXEC */, 0, 0);
        r = err_of(sys(SYS_execve, (long)argv[0], (long)argv, (long)envp, 0, 0));
        send_msg(status_fd, CAGE_INIT_EXEC_ERROR, (int)-r, -1);
        leave(127);
}

static int run(int argc, char **argv, char **envp)
{
        unsigned long set = forwarded | BIT(SIGCHLD);
        int status_fd = argc > 2 ? parse_fd(argv[1]) : -1, st = 0;
        long long ticks = -1;
        long pid;

        if (status_fd < 3)
                return 2;
        /* Before the payload exists: it can never open /proc/1/mem or /proc/1/fd. */
        if (sys(SYS_prctl, PR_SET_DUMPABLE_, 0, 0, 0, 0) != 0)
                return 2;
        sys(SYS_rt_sigprocmask, SIG_BLOCK, (long)&set, 0, SIGSET_SIZE, 0);
        pid = err_of(sys(SYS_clone, SIGCHLD, 0, 0, 0, 0));
        if (pid < 0) {
                send_msg(status_fd, CAGE_INIT_EXEC_ERROR, (int)-pid, -1);
                return 127;
        }
        if (pid == 0)
                payload(status_fd, argv + 2, envp);
        for (int fd = 0; fd < 3; fd++)
                sys(SYS_close, fd, 0, 0, 0, 0);
        for (;;) {
                siginfo_t si;
                long sig;

                si.si_pid = 0;
                sig = err_of(sys(SYS_rt_sigtimedwait, (long)&set, (long)&si, 0, SIGSET_SIZE, 0));
                if (sig == SIGCHLD && si.si_pid == pid && si.si_code != CLD_STOPPED &&
                    si.si_code != CLD_CONTINUED && si.si_code != CLD_TRAPPED)
                        ticks = (long long)si.si_utime + (long long)si.si_stime;
                if (sig == SIGCHLD) {
                        for (;;) {
                                long p = err_of(sys(SYS_wait4, -1, (long)&st,
                                                    1 /* WNOHANG */ | 0x40000000 /* __WALL */,
                                                    0, 0));

                                if (p <= 0)
                                        break;
                                if (p == pid) {
                                        send_msg(status_fd, CAGE_INIT_EXIT, st, ticks);
                                        return 0;
                                }
                        }
                } else if (sig > 0 && (BIT(sig) & forwarded)) {
                        sys(SYS_kill, pid, sig, 0, 0, 0);
                }
        }
}

#if defined(CAGE_INIT_LIBC)
int main(int argc, char **argv, char **envp)
{
        return run(argc, argv, envp);
}
#else
/* Called from _start with the initial stack: argc, argv..., NULL, envp..., NULL. */
__attribute__((used)) void start_c(long *sp);
__attribute__((used)) void start_c(long *sp)
{
        int argc = (int)sp[0];
        char **argv = (char **)(sp + 1);

        leave(run(argc, argv, argv + argc + 1));
}
#endif
