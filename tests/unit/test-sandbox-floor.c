/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the cage's floor (src/sandbox/floor.c): the floor seccomp program, loaded
 * alone in a forked child, refuses with EPERM what the namespaces would have closed and lets
 * the same calls aimed at the caller itself through; the degraded list names each missing
 * layer, in the floor's words when the cage is the floor; a path that holds the project's
 * hidden files is refused. */
#include <errno.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"
#include "sandbox/internal.h"

/* Each attempt in the child: 0 when it was refused with EPERM, 1 when it worked, 2 other. */
static int refused(long r)
{
        return r < 0 && errno == EPERM ? 0 : r < 0 ? 2 : 1;
}

static int worked(long r)
{
        return r >= 0 ? 0 : 1;
}

enum { T_INET, T_UNIX, T_SOCKETPAIR, T_SHM, T_KILL_ALL, T_KILL_SELF, T_PRLIMIT_OTHER,
       T_PRLIMIT_SELF, T_SETPRIO_OTHER, T_SETPRIO_SELF, T_MAX };

static int attempt(int t, pid_t parent)
{
        struct rlimit rl;
        int sv[2];

        switch (t) {
        case T_INET: return refused(socket(AF_INET, SOCK_STREAM, 0));
        case T_UNIX: return refused(socket(AF_UNIX, SOCK_STREAM, 0));
        case T_SOCKETPAIR: return worked(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
        case T_SHM: return refused(shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600));
        case T_KILL_ALL: return refused(kill(-1, 0));
        case T_KILL_SELF: return worked(kill(getpid(), 0));
        case T_PRLIMIT_OTHER: return refused(syscall(SYS_prlimit64, parent, RLIMIT_CORE, NULL, &rl));
        case T_PRLIMIT_SELF: return worked(syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &rl));
        case T_SETPRIO_OTHER: return refused(setpriority(PRIO_PROCESS, (id_t)parent, 0));
        case T_SETPRIO_SELF: return worked(setpriority(PRIO_PROCESS, 0, 0));
        }
        return 2;
}

static int in_child(int t)
{
        pid_t parent = getpid(), p = fork();
        int st = 0;

        if (p == 0) {
                if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
                    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &cage_bpf_floor) < 0)
                        _exit(3);
                _exit(attempt(t, parent));
        }
        if (p < 0 || waitpid(p, &st, 0) < 0)
                return -1;
        return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static bool has(const char *const *v, int n, const char *prefix)
{
        for (int i = 0; i < n; i++)
                if (strncmp(v[i], prefix, strlen(prefix)) == 0)
                        return true;
        return false;
}

int main(void)
{
        static const char *const names[T_MAX] = {
                "socket(AF_INET) refused", "socket(AF_UNIX) refused (host sockets)",
                "socketpair still works", "shmget refused (no ipc namespace)",
                "kill(-1) refused", "kill(self, 0) works", "prlimit64 of another pid refused",
                "prlimit64(0) works", "setpriority of another pid refused",
                "setpriority(0) works",
        };
        struct cage_layers l = { .cgroup = CAGE_CGROUP_V2 };
        const char *deg[32];
        char dir[] = "/tmp/akios-floor-XXXXXX", sub[64], hid[80];
        struct cage_spec s;
        struct diag d = { 0 };
        const char *hidden[2] = { hid, NULL }, *ro[2] = { NULL, NULL };
        int n;

        ok(cage_bpf_floor.len > 3, "the floor filter exists (%u instructions)", cage_bpf_floor.len);
        for (int t = 0; t < T_MAX; t++)
                is_int(in_child(t), 0, "floor filter: %s", names[t]);

        for (int i = 0; i < _CAGE_LAYER_MAX; i++)
                l.on[i] = true;
        is_int(cage_degraded_list(&l, deg, 32), 0, "a full cage goes without nothing");
        l.degraded = CAGE_DEGRADED_HOSTNAME;
        n = cage_degraded_list(&l, deg, 32);
        ok(n == 1 && has(deg, n, "hostname: "), "a refused hostname is named");
        l.degraded = CAGE_DEGRADED_USERNS_LIMITS;
        n = cage_degraded_list(&l, deg, 32);
        ok(n == 1 && has(deg, n, "userns limits: /proc/sys is read-only"),
           "unset user-namespace limits (read-only /proc/sys) are named");
        for (int i = CAGE_LAYER_USERNS; i <= CAGE_LAYER_UTSNS; i++)
                l.on[i] = false;
        l.on[CAGE_LAYER_CGROUPNS] = false;
        l.floor = true;
        l.cgroup = CAGE_CGROUP_NONE;
        l.degraded = CAGE_DEGRADED_SCOPE;
        n = cage_degraded_list(&l, deg, 32);
        ok(has(deg, n, "userns: ") && has(deg, n, "mountns: ") && has(deg, n, "pidns: ") &&
                   has(deg, n, "netns: no network namespace: every socket() is refused") &&
                   has(deg, n, "ipcns: ") && has(deg, n, "cgroup: ") &&
                   has(deg, n, "landlock scope: "),
           "the floor: every missing layer and what stands in for it (%d lines)", n);
        is_int(cage_degraded_list(&l, deg, 2), 2, "the list stops at the room given");

        if (!mkdtemp(dir)) {
                ok(0, "mkdtemp: %s", strerror(errno));
                return done_testing();
        }
        snprintf(sub, sizeof(sub), "%s/data", dir);
        snprintf(hid, sizeof(hid), "%s/audit", dir);
        mkdir(sub, 0755);
        mkdir(hid, 0700);
        cage_spec_defaults(&s);
        s.hidden_paths = hidden;
        s.ro_paths = ro;
        ro[0] = dir;
        is_int(cage_check_hidden(&s, &d), -EPERM, "--ro of the folder holding audit/ is refused");
        ok(strstr(d.msg, "audit") != NULL, "the refusal names the hidden path");
        ro[0] = hid;
        is_int(cage_check_hidden(&s, &d), -EPERM, "--ro of audit/ itself is refused");
        ro[0] = sub;
        is_int(cage_check_hidden(&s, &d), 0, "a sibling folder is fine");
        s.ro_paths = NULL;
        s.workdir = "/";
        is_int(cage_check_hidden(&s, &d), -EPERM, "a workdir of / is refused too");
        rmdir(sub);
        rmdir(hid);
        rmdir(dir);
        return done_testing();
}
