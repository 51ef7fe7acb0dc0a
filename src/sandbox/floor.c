/* SPDX-License-Identifier: GPL-3.0-or-later */
/* floor: the cage without namespaces (issue 10, finding 2), and the paths no cage shows.
 *
 * When user namespaces are refused (Docker's default seccomp profile, Ubuntu's AppArmor
 * restriction, user.max_user_namespaces=0) and we are not root, no namespace can be made.
 * The cage is then built from what an unprivileged process still has, and every layer it
 * lacks is in the record (cage_degraded_list) and on the CLI's stderr:
 *
 * - Landlock for reads and writes (landlock.c): only the system's read-only dirs, the /etc
 *   subset and /dev nodes of mount.c, /proc read-only, the workdir and the --ro/--rw paths;
 *   its ptrace rule closes /proc/PID/mem, environ and fd of every process outside the cage
 *   (not the listing of a same-uid process's fd numbers, which the kernel checks by mode
 *   alone: a container's pid 1 often is the payload's uid),
 *   and ABI >= 6 scopes signals and abstract unix sockets to the cage;
 * - the floor seccomp filter on top of the allowlist (gen/seccomp-gen.c build_floor): no
 *   sockets at all, no SysV IPC or POSIX queues, no kill(-1), nothing aimed at another
 *   process's limits or scheduling;
 * - a subreaper: the supervisor adopts every orphan of the payload, and when the payload
 *   has exited cage.c kills its process group (before reaping it, so the group's id is
 *   still its own) and floor_kill_descendants every process left below us, until none is
 *   left (what the pid namespace's end does otherwise);
 * - the payload runs under the cage's tiny init (init.c; its parent here, not pid 1), which
 *   reports its exit and the CPU ticks of its SIGCHLD (for --cpu-time), as in a pid namespace;
 * - rlimits, no_new_privs and the non-dumpable supervisor, as in every mode.
 *
 * Landlock and seccomp are the floor: without either, cage_run refuses (exit 7) unless the
 * config says `sandbox_required: none`. Root needs the floor only without CAP_SYS_ADMIN
 * (Docker's default capabilities and seccomp profile); else it has namespaces without a
 * user namespace.
 *
 * cage_check_hidden applies in every mode: a workdir, --rw or --ro path that is or holds the
 * project's audit/, .env or config.yaml is refused, since neither binds nor Landlock rules
 * can leave a hole inside an allowed tree.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox/internal.h"

#define FLOOR_MAX_ROUNDS 4096

int floor_parent_prepare(struct cage_ctx *c, struct diag *d)
{
        c->layers.floor = true;
        if (!c->layers.on[CAGE_LAYER_LANDLOCK] || !c->layers.on[CAGE_LAYER_SECCOMP]) {
                if (!c->spec->none) {
                        diag_set(d, "floor", 0, 0, "no cage can be built here: no "
                                 "namespaces (no user namespaces, and not root or root without "
                                 "CAP_SYS_ADMIN) and no %s for the floor; enable user "
                                 "namespaces or Landlock (see 'akios doctor'), or set "
                                 "sandbox_required: none to run without a cage",
                                 c->layers.on[CAGE_LAYER_LANDLOCK] ? "seccomp" : "Landlock");
                        return -EOPNOTSUPP;
                }
                c->layers.degraded |= CAGE_DEGRADED_NO_FLOOR;
        }
        if (c->landlock_abi < 6)
                c->layers.degraded |= CAGE_DEGRADED_SCOPE;
        /* The quota is a tmpfs and overlays in the cage's own mount namespace: none here. */
        if (c->spec->disk_quota_mb && !c->spec->none) {
                diag_set(d, "disk-quota", 0, 0, "--disk-quota cannot be enforced here: no "
                         "mount namespace (no user namespaces, not root), so no tmpfs and "
                         "overlay can hold the command's writes; enable user namespaces (see "
                         "'akios doctor') or set sandbox_required: none to run without it");
                return -EOPNOTSUPP;
        }
        if (c->spec->disk_quota_mb) {
                c->layers.disk_quota = false;
                c->layers.degraded |= CAGE_DEGRADED_DISK;
        }
        /* Orphans of the payload come to us rather than to the host's init. */
        c->layers.subreaper = prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0;
        return 0;
}

/* Our children (ppid == us), from /proc; -errno when /proc cannot be read. */
static int children(pid_t *out, unsigned max)
{
        DIR *dir = opendir("/proc");
        struct dirent *e;
        pid_t self = getpid();
        unsigned n = 0;

        if (!dir)
                return -errno;
        while ((e = readdir(dir)) && n < max) {
                char path[64], text[512], *p;
                long pid = strtol(e->d_name, &p, 10);

                if (*p || pid <= 0)
                        continue;
                snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
                if (cage_read_small(path, text, sizeof(text)) < 0)
                        continue;
                /* "pid (comm) state ppid ...": comm may hold spaces and parentheses */
                p = strrchr(text, ')');
                if (p && strtol(p + 3, NULL, 10) == self)
                        out[n++] = (pid_t)pid;
        }
        closedir(dir);
        return (int)n;
}

void floor_kill_descendants(void)
{
        pid_t pids[256];

        /* A child of ours cannot be reaped by anyone else, so its pid is not reused between
         * the scan and the kill; what it leaves behind comes to us for the next round. */
        for (unsigned round = 0; round < FLOOR_MAX_ROUNDS; round++) {
                int n = children(pids, ARRAY_SIZE(pids));

                if (n <= 0)
                        return;
                for (int i = 0; i < n; i++)
                        kill(pids[i], SIGKILL);
                for (int i = 0; i < n; i++)
                        while (waitpid(pids[i], NULL, __WALL) < 0 && errno == EINTR)
                                ;
        }
}

/* Is `inner` the same as or below `outer` (both canonical)? */
static bool path_within(const char *outer, const char *inner)
{
        size_t n = strlen(outer);

        if (streq(outer, "/"))
                return true;
        return strncmp(outer, inner, n) == 0 && (inner[n] == '\0' || inner[n] == '/');
}

static int check_one(const char *path, const char *const *hidden, const char *what,
                     struct diag *d)
{
        char real[PATH_MAX], h[PATH_MAX];

        if (!path || !realpath(path, real))
                return 0; /* mount.c reports paths that do not resolve */
        for (const char *const *p = hidden; *p; p++) {
                if (!realpath(*p, h))
                        continue;
                if (path_within(real, h)) {
                        diag_set(d, path, 0, 0, "%s '%s' would show '%s' in the cage, which "
                                 "holds the project's ledger key or secrets; name a folder "
                                 "that does not contain it", what, path, *p);
                        return -EPERM;
                }
        }
        return 0;
}

/* A hidden file with a second hard link could be named through a folder that holds only the
 * link, which no path check sees: such a file (or a file directly in a hidden folder, the
 * ledger's key) is refused outright. */
static int check_nlink(const char *path, const char *shown, struct diag *d)
{
        struct stat st;

        if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode) || st.st_nlink <= 1)
                return 0;
        diag_set(d, path, 0, 0, "the project's '%s' has %lu hard links: another link to it "
                 "could show it in the cage; remove the extra link (find -samefile)", shown,
                 (unsigned long)st.st_nlink);
        return -EPERM;
}

static int check_links(const char *const *hidden, struct diag *d)
{
        for (const char *const *p = hidden; *p; p++) {
                struct stat st;
                DIR *dir;
                struct dirent *e;
                int r = 0;

                if (lstat(*p, &st) < 0)
                        continue;
                if (!S_ISDIR(st.st_mode)) {
                        r = check_nlink(*p, *p, d);
                        if (r < 0)
                                return r;
                        continue;
                }
                dir = opendir(*p);
                while (dir && r == 0 && (e = readdir(dir))) {
                        char f[PATH_MAX];

                        if (e->d_name[0] == '.' || snprintf(f, sizeof(f), "%s/%s", *p,
                                                            e->d_name) >= (int)sizeof(f))
                                continue;
                        r = check_nlink(f, f, d);
                }
                if (dir)
                        closedir(dir);
                if (r < 0)
                        return r;
        }
        return 0;
}

int cage_check_hidden(const struct cage_spec *s, struct diag *d)
{
        int r;

        if (!s->hidden_paths)
                return 0;
        r = check_links(s->hidden_paths, d);
        if (r < 0)
                return r;
        r = check_one(s->workdir, s->hidden_paths, "workdir", d);
        for (const char *const *p = s->rw_paths; r >= 0 && p && *p; p++)
                r = check_one(*p, s->hidden_paths, "--rw", d);
        for (const char *const *p = s->ro_paths; r >= 0 && p && *p; p++)
                r = check_one(*p, s->hidden_paths, "--ro", d);
        return r;
}
