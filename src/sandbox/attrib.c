/* SPDX-License-Identifier: GPL-3.0-or-later */
/* attrib: why the payload ended, from what the supervisor saw rather than from guesses
 * (CONTRACTS §7 `reason`).
 *
 * A signal's number does not say who sent it: `kill -SYS $$` and `kill -XCPU $$` by the
 * payload itself are plain "killed". So each reason needs its own evidence:
 *   - interrupted, output_limit, timeout: the supervisor stopped the cage for that;
 *   - seccomp: the listener saw the payload's own process make a killed call (seccomp.c);
 *   - memory, pids: the cgroup's memory.events oom_kill / pids.events max counters moved
 *     (a fork bomb that pids.max held and that then exited 0 is "pids": the cage refused it);
 *   - cpu_time: SIGXCPU (soft limit) or SIGKILL (hard limit, one second later) AND the
 *     payload process's own CPU time, read from /proc/PID/stat and schedstat before it was
 *     reaped (or reported by the cage's init from its SIGCHLD), at the
 *     soft limit; the kernel sends neither below it.
 * Anything else is what the wait status says: exited, or killed by its signal.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox/internal.h"

/* /proc/PID/schedstat: the first field is the task's run time in ns, the precise count the
 * kernel's CPU-time limit is checked against (stat's utime/stime are scaled to ticks and can
 * read lower). The leader thread only: -1 when unreadable. */
static int64_t schedstat_ms(const char *proc, pid_t pid)
{
        char path[64], text[128];
        unsigned long long ns;
        ssize_t n;
        int fd;

        snprintf(path, sizeof(path), "%s/%d/schedstat", proc, (int)pid);
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -1;
        n = read(fd, text, sizeof(text) - 1);
        close(fd);
        if (n <= 0)
                return -1;
        text[n] = '\0';
        return sscanf(text, "%llu", &ns) == 1 ? (int64_t)(ns / 1000000ULL) : -1;
}

static int64_t stat_ms(const char *proc, pid_t pid);

/* The larger of the two counts (a multi-threaded payload's other threads are in stat's
 * thread-group total, the leader's precise time in schedstat). */
int64_t cage_task_cpu_ms(const char *proc, pid_t pid)
{
        int64_t a = stat_ms(proc, pid), b = schedstat_ms(proc, pid);

        return a > b ? a : b;
}

/* /proc/PID/stat: utime and stime are fields 14 and 15, after the parenthesised comm (which
 * may hold spaces and parentheses itself: the last ')' ends it). */
static int64_t stat_ms(const char *proc, pid_t pid)
{
        char path[64], text[1024], *p;
        unsigned long long ut, st;
        long hz = sysconf(_SC_CLK_TCK);
        ssize_t n;
        int fd;

        snprintf(path, sizeof(path), "%s/%d/stat", proc, (int)pid);
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return -1;
        n = read(fd, text, sizeof(text) - 1);
        close(fd);
        if (n <= 0 || hz <= 0)
                return -1;
        text[n] = '\0';
        p = strrchr(text, ')');
        /* ") S ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime" */
        if (!p || sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut,
                         &st) != 2)
                return -1;
        return (int64_t)((ut + st) * 1000ULL / (unsigned long long)hz);
}

int cage_attribute(const struct cage_seen *s, int status)
{
        int sig = WIFSIGNALED(status) ? WTERMSIG(status) : WIFEXITED(status) ? 0 : SIGKILL;
        long tick = 1000 / (sysconf(_SC_CLK_TCK) > 0 ? sysconf(_SC_CLK_TCK) : 100);

        if (s->cancelled)
                return CAGE_INTERRUPTED;
        if (s->output)
                return CAGE_OUTPUT_LIMIT;
        if (s->seccomp && sig == s->seccomp_sig)
                return CAGE_SECCOMP;
        if (s->oom)
                return CAGE_MEMORY;
        /* /proc's times are whole clock ticks, rounded down: one tick of slack. */
        if ((sig == SIGXCPU || sig == SIGKILL) && s->cpu_limit_s && s->payload_cpu_ms >= 0 &&
            s->payload_cpu_ms + tick >= (int64_t)s->cpu_limit_s * 1000)
                return CAGE_CPU_TIME;
        if (s->time)
                return CAGE_TIMEOUT;
        if (s->pids)
                return CAGE_PIDS;
        return sig ? CAGE_KILLED : CAGE_EXITED;
}
