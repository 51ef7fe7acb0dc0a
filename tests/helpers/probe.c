/* SPDX-License-Identifier: GPL-3.0-or-later */
/* probe: one escape or misbehaviour attempt per sub-command, run inside the cage by
 * tests/sandbox/ (the .t files). Prints "DENIED <check> <why>" and exits 0 when the attempt failed,
 * "ALLOWED <check>" and exits 1 when it worked, 2 on usage errors. Only attempts that are
 * harmless if they wrongly succeed (same-value sysctl writes, SEIZE without stopping, bad
 * reboot magic, clock set to now). Static, no dependencies, never run outside a cage.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/keyctl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <linux/capability.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>

static const char *arg1;

/* Each check returns 0 when the attempt worked, else the errno (or 1000+signal). */
static int sys_err(long r)
{
        return r < 0 ? errno : 0;
}

static int in_child(int (*fn)(void))
{
        int st;
        pid_t p = fork();

        if (p < 0)
                return errno;
        if (p == 0)
                _exit(fn());
        waitpid(p, &st, 0);
        return WIFSIGNALED(st) ? 1000 + WTERMSIG(st) : WEXITSTATUS(st);
}

static int c_net_connect(void)
{
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(arg1)) };
        int fd = socket(AF_INET, SOCK_STREAM, 0);

        if (fd < 0)
                return errno;
        inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
        return sys_err(connect(fd, (struct sockaddr *)&a, sizeof(a)));
}

static int c_net_udp(void)
{
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(53) };
        int fd = socket(AF_INET, SOCK_DGRAM, 0);

        if (fd < 0)
                return errno;
        inet_pton(AF_INET, "8.8.8.8", &a.sin_addr);
        return sys_err(sendto(fd, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)));
}

static int c_unix_abstract(void)
{
        struct sockaddr_un a = { .sun_family = AF_UNIX };
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);

        if (fd < 0)
                return errno;
        memcpy(a.sun_path + 1, arg1, strlen(arg1));
        return sys_err(connect(fd, (struct sockaddr *)&a,
                               (socklen_t)(sizeof(sa_family_t) + 1 + strlen(arg1))));
}

static int c_unix_path(void)
{
        struct sockaddr_un a = { .sun_family = AF_UNIX };
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);

        if (fd < 0)
                return errno;
        snprintf(a.sun_path, sizeof(a.sun_path), "%s", arg1);
        return sys_err(connect(fd, (struct sockaddr *)&a, sizeof(a)));
}

static int c_netlink(void)
{
        return sys_err(socket(AF_NETLINK, SOCK_RAW, 0));
}

static int write_same(const char *path)
{
        char buf[256] = "";
        int fd = open(path, O_RDONLY), n;

        if (fd >= 0) {
                n = (int)read(fd, buf, sizeof(buf) - 1);
                buf[n > 0 ? n : 0] = '\0';
                close(fd);
        }
        fd = open(path, O_WRONLY);
        if (fd < 0)
                return errno;
        if (write(fd, buf, strlen(buf)) < 0)
                return errno;
        return 0;
}

static int c_proc_sys(void)
{
        int e = write_same("/proc/sys/kernel/core_pattern");

        return e ? write_same("/proc/sys/vm/swappiness") ? e : 0 : 0;
}

static int c_sysrq(void)
{
        return sys_err(open("/proc/sysrq-trigger", O_WRONLY));
}

static int c_read(void)
{
        return sys_err(open(arg1, O_RDONLY));
}

static int c_create(void)
{
        return sys_err(open(arg1, O_WRONLY | O_CREAT | O_EXCL, 0644));
}

static int c_symlink(void)
{
        unlink("/tmp/probe-link");
        if (symlink("/etc/passwd", "/tmp/probe-link") < 0)
                return errno;
        return sys_err(open("/tmp/probe-link", O_WRONLY | O_APPEND));
}

static int c_hardlink(void)
{
        char dst[4096];

        snprintf(dst, sizeof(dst), "%s/probe-hardlink", arg1 ? arg1 : "/tmp");
        return sys_err(link("/etc/passwd", dst));
}

static int c_tiocsti(void)
{
        char c = '#';
        unsigned long cmd = TIOCSTI;
        int fd = -1;

        /* Any terminal the cage can reach: stdio (stdin is a relay pipe now), /dev/tty. */
        for (int i = 0; i < 3 && fd < 0; i++)
                if (isatty(i))
                        fd = i;
        if (fd < 0 && (fd = open("/dev/tty", O_RDWR | O_CLOEXEC)) < 0)
                return errno == ENXIO ? ENOTTY : errno;
        if (ioctl(fd, cmd, &c) == 0)
                return 0;
        /* The high-bit variant (CVE-2019-10063). */
        return sys_err(syscall(SYS_ioctl, fd, cmd | 0x100000000UL, &c));
}

static int c_ptrace(void)
{
        /* The cage's pid 1 (our parent here), and the pid the supervisor had on the host. */
        int e = sys_err(ptrace(PTRACE_SEIZE, getppid() > 0 ? getppid() : 1, 0, 0));

        if (!e)
                return 0;
        if (arg1 && ptrace(PTRACE_SEIZE, atoi(arg1), 0, 0) == 0)
                return 0;
        return e;
}

static int ptrace_child(void)
{
        return sys_err(ptrace(PTRACE_SEIZE, 1, 0, 0));
}

static int c_ptrace_init(void)
{
        return in_child(ptrace_child);
}

/* Open fds above 2, found with fcntl (no /proc needed: a container's cage may have none). */
static int c_fds(void)
{
        int extra = 0;

        for (int fd = 3; fd < 65536; fd++)
                if (fcntl(fd, F_GETFD) >= 0)
                        extra++;
        printf("extra fds: %d\n", extra);
        return extra ? 0 : EBADF;
}

static int c_keyctl(void)
{
        int e = sys_err(syscall(SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, NULL));

        if (!e)
                return 0;
        return sys_err(syscall(SYS_add_key, "user", "probe", "x", 1, KEY_SPEC_PROCESS_KEYRING))
                       ?: 0;
}

static int c_io_uring(void)
{
        char params[120] = { 0 };

        return sys_err(syscall(SYS_io_uring_setup, 4, params));
}

static int c_userns(void)
{
        return sys_err(unshare(CLONE_NEWUSER));
}

static int c_userns_clone(void)
{
        long r = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, NULL, NULL, NULL, 0);

        if (r == 0)
                _exit(0);
        return r < 0 ? errno : 0;
}

static int c_mount(void)
{
        int e = sys_err(mount("tmpfs", "/tmp", "tmpfs", 0, NULL));

        if (!e)
                return 0;
        return sys_err(syscall(SYS_fsopen, "tmpfs", 0)) ?: 0;
}

static int c_remount(void)
{
        return sys_err(mount(NULL, "/usr", NULL, MS_REMOUNT | MS_BIND, NULL));
}

static int x32_child(void)
{
        return sys_err(syscall(SYS_getpid | 0x40000000));
}

static int c_x32(void)
{
        int r = in_child(x32_child);

        return r == 0 ? 0 : r;
}

/* The x32 call in the probe's own process (no fork): the cage's record must name it. */
static int c_x32_self(void)
{
        return sys_err(syscall(SYS_getpid | 0x40000000));
}

static void on_sigsys(int sig)
{
        (void)sig;
}

/* The same with a SIGSYS handler installed: the call must still not survive. */
static int c_x32_caught(void)
{
        signal(SIGSYS, on_sigsys);
        return sys_err(syscall(SYS_getpid | 0x40000000));
}

static int c_clone3(void)
{
        return sys_err(syscall(SYS_clone3, NULL, 0));
}

static int c_bpf(void)
{
        char attr[64] = { 0 };

        return sys_err(syscall(SYS_bpf, 0, attr, sizeof(attr)));
}

static int c_perf(void)
{
        char attr[128] = { 0 };

        return sys_err(syscall(SYS_perf_event_open, attr, 0, -1, -1, 0));
}

static int c_userfaultfd(void)
{
        return sys_err(syscall(SYS_userfaultfd, 0));
}

static int c_setns(void)
{
        int fd = open("/proc/1/ns/mnt", O_RDONLY);

        return sys_err(setns(fd, 0));
}

static int c_reboot(void)
{
        return sys_err(syscall(SYS_reboot, 0, 0, 0, NULL));
}

static int c_clock(void)
{
        struct timespec t;

        clock_gettime(CLOCK_REALTIME, &t);
        return sys_err(clock_settime(CLOCK_REALTIME, &t));
}

static int c_personality(void)
{
        long r = syscall(SYS_personality, READ_IMPLIES_EXEC);

        return r < 0 ? errno : (syscall(SYS_personality, 0xffffffff) & READ_IMPLIES_EXEC ? 0 : EPERM);
}

static int c_handle(void)
{
        char h[136] = { 0 };

        return sys_err(syscall(SYS_open_by_handle_at, AT_FDCWD, h, O_RDONLY));
}

static int c_module(void)
{
        return sys_err(syscall(SYS_finit_module, -1, "", 0));
}

static int c_kexec(void)
{
        return sys_err(syscall(SYS_kexec_load, 0, 0, NULL, 0));
}

static int c_hostname(void)
{
        return sys_err(sethostname("x", 1));
}

static int c_forkbomb(void)
{
        for (int n = 0; n < 100000; n++) {
                pid_t p = fork();

                if (p == 0) {
                        pause();
                        _exit(0);
                }
                if (p < 0) {
                        printf("forks before refusal: %d\n", n);
                        return errno;
                }
        }
        return 0;
}

static int c_alloc(void)
{
        size_t n = (size_t)10 << 30;
        char *p = malloc(n);

        if (!p)
                return ENOMEM;
        for (size_t i = 0; i < n; i += 4096)
                p[i] = 1;
        return 0;
}

static int c_touch(void)
{
        size_t mb = (size_t)atoi(arg1);

        for (size_t i = 0; i < mb; i++) {
                char *p = malloc(1 << 20);

                if (!p)
                        return ENOMEM;
                memset(p, 1, 1 << 20);
        }
        return 0;
}

static int c_spin(void)
{
        for (volatile unsigned long i = 0;; i++)
                ;
        return 0;
}

static int c_output(void)
{
        static char b[65536];

        memset(b, 'x', sizeof(b));
        for (long i = 0; i < (1L << 30) / (long)sizeof(b); i++)
                if (write(1, b, sizeof(b)) < 0)
                        return errno;
        return 0;
}

static int c_sigterm(void)
{
        signal(SIGTERM, SIG_IGN);
        for (;;)
                pause();
        return 0;
}

static int c_daemon(void)
{
        if (fork() == 0) {
                setsid();
                if (fork() == 0) {
                        char *const av[] = { "/bin/sleep", (char *)arg1, NULL };

                        execv(av[0], av);
                        _exit(1);
                }
                _exit(0);
        }
        wait(NULL);
        printf("daemon started\n");
        return EAGAIN; /* "denied" here means: the test checks the host afterwards */
}

static int c_env(void)
{
        extern char **environ;

        for (char **e = environ; *e; e++)
                printf("env: %s\n", *e);
        return getenv(arg1) ? 0 : ENOENT;
}

/* The /proc/self/status lines the battery reads, from syscalls, when there is no /proc. */
static int status_from_syscalls(void)
{
        struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3 };
        struct __user_cap_data_struct d[2] = { 0 };
        unsigned long long bnd = 0;
        uid_t r, e, sv;

        printf("(no /proc/self/status: from syscalls)\n");
        printf("NoNewPrivs:\t%d\n", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
        if (syscall(SYS_capget, &h, d) == 0) {
                printf("CapPrm:\t%016llx\n",
                       (unsigned long long)d[1].permitted << 32 | d[0].permitted);
                printf("CapEff:\t%016llx\n",
                       (unsigned long long)d[1].effective << 32 | d[0].effective);
        }
        for (int cap = 0; cap < 64; cap++)
                if (prctl(PR_CAPBSET_READ, cap, 0, 0, 0) == 1)
                        bnd |= 1ULL << cap;
        printf("CapBnd:\t%016llx\n", bnd);
        printf("Seccomp:\t%d\n", prctl(PR_GET_SECCOMP, 0, 0, 0, 0));
        getresuid(&r, &e, &sv);
        printf("Uid:\t%u\t%u\t%u\n", (unsigned)r, (unsigned)e, (unsigned)sv);
        return EPERM;
}

static int c_status(void)
{
        char buf[4096];
        int fd = open("/proc/self/status", O_RDONLY), n;

        if (fd < 0)
                return status_from_syscalls();
        n = (int)read(fd, buf, sizeof(buf) - 1);
        buf[n > 0 ? n : 0] = '\0';
        fputs(buf, stdout);
        fd = open("/proc/self/uid_map", O_RDONLY);
        n = fd >= 0 ? (int)read(fd, buf, sizeof(buf) - 1) : 0;
        buf[n > 0 ? n : 0] = '\0';
        printf("uid_map: %s", buf);
        return EPERM;
}

/* The pid named by arg1: a number, or "ppid" (the cage's pid 1, or without a pid namespace
 * the supervisor itself). */
static pid_t target_pid(void)
{
        if (arg1 && strcmp(arg1, "ppid") == 0)
                return getppid();
        return arg1 ? (pid_t)atoi(arg1) : 1;
}

/* What another process's /proc gives us: environ, mem (at every mapping maps names, or at
 * the usual load address), fd, maps, exe, root. Anything read is printed, so the test can
 * grep for planted secrets; any success is ALLOWED. */
static int c_peek(void)
{
        static const char *const files[] = { "environ", "maps", "mem", "fd", "exe", "root",
                                             "cwd" };
        pid_t pid = target_pid();
        char path[64], buf[65536];
        int worked = 0;

        printf("peek pid %d\n", (int)pid);
        for (unsigned i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
                int fd;
                ssize_t n;

                snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, files[i]);
                if (!strcmp(files[i], "fd")) {
                        DIR *d = opendir(path);

                        if (d) {
                                struct dirent *e;

                                /* Listing the numbers is only "fd entry" (the kernel lets a
                                 * process of the same uid list them, ptrace rules or not);
                                 * following or opening one is ALLOWED. */
                                while ((e = readdir(d))) {
                                        char to[PATH_MAX];
                                        int ffd;

                                        printf("fd entry %s\n", e->d_name);
                                        if (e->d_name[0] == '.')
                                                continue;
                                        n = readlinkat(dirfd(d), e->d_name, to, sizeof(to) - 1);
                                        if (n >= 0) {
                                                to[n] = 0;
                                                printf("fd %s -> %s\n", e->d_name, to);
                                                worked = 1;
                                        }
                                        ffd = openat(dirfd(d), e->d_name,
                                                     O_RDONLY | O_NOCTTY | O_NONBLOCK);
                                        if (ffd >= 0) {
                                                printf("fd %s: opened\n", e->d_name);
                                                close(ffd);
                                                worked = 1;
                                        }
                                }
                                closedir(d);
                        } else {
                                printf("%s: %s\n", files[i], strerrorname_np(errno));
                        }
                        continue;
                }
                if (!strcmp(files[i], "exe") || !strcmp(files[i], "root") ||
                    !strcmp(files[i], "cwd")) {
                        n = readlink(path, buf, sizeof(buf) - 1);
                        if (n >= 0) {
                                buf[n] = 0;
                                printf("%s -> %s\n", files[i], buf);
                                worked = 1;
                        } else {
                                printf("%s: %s\n", files[i], strerrorname_np(errno));
                        }
                        continue;
                }
                fd = open(path, !strcmp(files[i], "mem") ? O_RDWR : O_RDONLY);
                if (fd < 0 && !strcmp(files[i], "mem"))
                        fd = open(path, O_RDONLY);
                if (fd < 0) {
                        printf("%s: %s\n", files[i], strerrorname_np(errno));
                        continue;
                }
                worked = 1;
                n = !strcmp(files[i], "mem") ? pread(fd, buf, 4096, 0x400000) :
                                                read(fd, buf, sizeof(buf) - 1);
                printf("%s: opened, read %zd\n", files[i], n);
                if (n > 0 && strcmp(files[i], "mem")) {
                        for (ssize_t k = 0; k < n; k++)
                                if (!buf[k])
                                        buf[k] = '\n';
                        fwrite(buf, 1, (size_t)n, stdout);
                        printf("\n");
                }
                close(fd);
        }
        return worked ? 0 : EACCES;
}

/* Signal the process named by arg1: 0 first (permission only), then SIGWINCH (ignored by
 * default, harmless if it arrives). */
static int c_signal(void)
{
        pid_t pid = target_pid();

        if (kill(pid, 0) == 0 || kill(pid, SIGWINCH) == 0)
                return 0;
        return errno;
}

static const struct {
        const char *name;
        int (*fn)(void);
} checks[] = {
        { "net-connect", c_net_connect }, { "net-udp", c_net_udp },
        { "unix-abstract", c_unix_abstract }, { "unix-path", c_unix_path },
        { "netlink", c_netlink }, { "proc-sys", c_proc_sys }, { "sysrq", c_sysrq },
        { "read", c_read }, { "create", c_create }, { "symlink", c_symlink },
        { "hardlink", c_hardlink }, { "tiocsti", c_tiocsti }, { "ptrace", c_ptrace },
        { "ptrace-init", c_ptrace_init }, { "fds", c_fds }, { "keyctl", c_keyctl },
        { "io_uring", c_io_uring }, { "userns", c_userns }, { "userns-clone", c_userns_clone },
        { "mount", c_mount }, { "remount", c_remount }, { "x32", c_x32 }, { "x32-self", c_x32_self },
        { "x32-caught", c_x32_caught }, { "clone3", c_clone3 },
        { "bpf", c_bpf }, { "perf", c_perf }, { "userfaultfd", c_userfaultfd },
        { "setns", c_setns }, { "reboot", c_reboot }, { "clock", c_clock },
        { "personality", c_personality }, { "handle", c_handle }, { "module", c_module },
        { "kexec", c_kexec }, { "hostname", c_hostname }, { "forkbomb", c_forkbomb },
        { "alloc", c_alloc }, { "touch", c_touch }, { "spin", c_spin }, { "output", c_output },
        { "sigterm", c_sigterm }, { "daemon", c_daemon }, { "env", c_env },
        { "status", c_status }, { "peek", c_peek }, { "signal", c_signal },
};

int main(int argc, char **argv)
{
        if (argc < 2)
                return 2;
        arg1 = argc > 2 ? argv[2] : NULL;
        setvbuf(stdout, NULL, _IONBF, 0);
        for (unsigned i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
                int e;

                if (strcmp(argv[1], checks[i].name) != 0)
                        continue;
                e = checks[i].fn();
                if (e == 0) {
                        printf("ALLOWED %s\n", argv[1]);
                        return 1;
                }
                if (e >= 1000)
                        printf("DENIED %s signal %d\n", argv[1], e - 1000);
                else
                        printf("DENIED %s %s\n", argv[1], strerrorname_np(e) ? strerrorname_np(e) : "?");
                return 0;
        }
        fprintf(stderr, "probe: unknown check '%s'\n", argv[1]);
        return 2;
}
