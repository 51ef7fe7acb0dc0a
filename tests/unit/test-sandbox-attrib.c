/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the cage's reason attribution (attrib.c) and its --ro/--rw path rules
 * (paths.c): a table of what the supervisor saw and the reason it must give, and of named
 * paths and where they land or why they are refused. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"
#include "sandbox/internal.h"

#define EXITED(n) ((n) << 8)
#define SIGNALLED(s) (s)

static const struct {
        const char *name;
        struct cage_seen seen;
        int status;
        int want;
} cases[] = {
        { "plain exit 0", { .payload_cpu_ms = 5 }, EXITED(0), CAGE_EXITED },
        { "exit 3", { .payload_cpu_ms = 5 }, EXITED(3), CAGE_EXITED },
        { "killed by SIGUSR1", { .payload_cpu_ms = 5 }, SIGNALLED(SIGUSR1), CAGE_KILLED },
        { "kill -SYS $$ by the payload: no listener report", { .payload_cpu_ms = 5 },
          SIGNALLED(SIGSYS), CAGE_KILLED },
        { "the listener saw the payload's call killed (SIGSYS)",
          { .seccomp = true, .seccomp_sig = SIGSYS }, SIGNALLED(SIGSYS), CAGE_SECCOMP },
        { "the listener's kill with SIGKILL (SIGSYS handled)",
          { .seccomp = true, .seccomp_sig = SIGKILL }, SIGNALLED(SIGKILL), CAGE_SECCOMP },
        { "kill -XCPU $$ well below the limit",
          { .cpu_limit_s = 30, .payload_cpu_ms = 20 }, SIGNALLED(SIGXCPU), CAGE_KILLED },
        { "SIGXCPU at the soft limit", { .cpu_limit_s = 1, .payload_cpu_ms = 990 },
          SIGNALLED(SIGXCPU), CAGE_CPU_TIME },
        { "SIGKILL at the hard limit (SIGXCPU ignored)",
          { .cpu_limit_s = 1, .payload_cpu_ms = 2000 }, SIGNALLED(SIGKILL), CAGE_CPU_TIME },
        { "SIGXCPU with no cpu limit set", { .payload_cpu_ms = 99999 }, SIGNALLED(SIGXCPU),
          CAGE_KILLED },
        { "SIGXCPU, CPU time unknown", { .cpu_limit_s = 1, .payload_cpu_ms = -1 },
          SIGNALLED(SIGXCPU), CAGE_KILLED },
        { "wall time: the supervisor stopped it", { .time = true, .payload_cpu_ms = 1 },
          SIGNALLED(SIGTERM), CAGE_TIMEOUT },
        { "pids.max refused forks, then exit 0", { .pids = true, .payload_cpu_ms = 1 },
          EXITED(0), CAGE_PIDS },
        { "OOM kill in the cgroup", { .oom = true, .payload_cpu_ms = 1 }, SIGNALLED(SIGKILL),
          CAGE_MEMORY },
        { "OOM kill of a child, the payload exits 1", { .oom = true }, EXITED(1), CAGE_MEMORY },
        { "output cap beats everything but an interrupt",
          { .output = true, .oom = true, .time = true }, SIGNALLED(SIGKILL),
          CAGE_OUTPUT_LIMIT },
        { "interrupted", { .cancelled = true, .output = true }, SIGNALLED(SIGKILL),
          CAGE_INTERRUPTED },
};

static void test_attribute(void)
{
        for (unsigned i = 0; i < ARRAY_SIZE(cases); i++)
                is_str(cage_reason_name(cage_attribute(&cases[i].seen, cases[i].status)),
                       cage_reason_name(cases[i].want), "%s", cases[i].name);
}

static void test_task_cpu(void)
{
        ok(cage_task_cpu_ms("/proc", getpid()) >= 0, "our own CPU time is readable");
        is_int((int)cage_task_cpu_ms("/proc", 0), -1, "no such process: unknown");
        is_int((int)cage_task_cpu_ms("/nonexistent", getpid()), -1, "no /proc: unknown");
}

static void test_paths(void)
{
        static const struct {
                const char *path, *cwd, *want; /* want NULL: refused */
        } p[] = {
                { "/usr/share", "/", "/usr/share" },
                { "data", "/home/u/proj", "/home/u/proj/data" },
                { "./a/../b/", "/x", "/x/b" },
                { "..", "/x/y", "/x" },
                { "/usr//lib/.", NULL, "/usr/lib" },
                { "/", "/", NULL },
                { "..", "/", NULL },
                { "/proc", "/", NULL },
                { "/proc/self/fd", "/", NULL },
                { "/sys/fs/cgroup", "/", NULL },
                { "/dev", "/", NULL },
                { "shm", "/dev", NULL },
                { "/device", "/", "/device" },
                { "/processes", "/", "/processes" },
                { "relative", NULL, NULL },
                { "", "/", NULL },
        };

        for (unsigned i = 0; i < ARRAY_SIZE(p); i++) {
                char out[PATH_MAX];
                struct diag d = { 0 };
                int r = cage_user_path(p[i].path, p[i].cwd, out, sizeof(out), &d);

                if (p[i].want)
                        ok(r == 0 && streq(out, p[i].want), "'%s' in %s: %s (%s)", p[i].path,
                           p[i].cwd ? p[i].cwd : "?", p[i].want, r == 0 ? out : d.msg);
                else
                        ok(r == -EINVAL && d.msg[0], "'%s' in %s: refused (%s)", p[i].path,
                           p[i].cwd ? p[i].cwd : "?", d.msg);
        }
        {
                char link[] = "/tmp/akios-attrib-XXXXXX", out[PATH_MAX];
                struct diag d = { 0 };

                if (mkdtemp(link)) {
                        char l[sizeof(link) + 8];

                        snprintf(l, sizeof(l), "%s/l", link);
                        if (symlink("/proc/self", l) == 0) {
                                ok(cage_user_path(l, "/", out, sizeof(out), &d) == -EINVAL,
                                   "a symlink resolving into /proc is refused (%s)", d.msg);
                                unlink(l);
                        } else {
                                skip("symlink failed");
                        }
                        rmdir(link);
                } else {
                        skip("mkdtemp failed");
                }
        }
}

int main(void)
{
        test_attribute();
        test_task_cpu();
        test_paths();
        return done_testing();
}
