/* SPDX-License-Identifier: GPL-3.0-or-later */
/* result: the cage's record (CONTRACTS §7) as JSON and as an exit code, the enum names,
 * and the small policy helpers callers need before a run: which uid the payload gets, how a
 * command name resolves inside the cage, which environment variables a policy may not set.
 * Nothing here touches the kernel beyond stat(2).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sandbox/internal.h"

static const char *const reason_names[_CAGE_REASON_MAX] = {
        [CAGE_EXITED] = "exited",   [CAGE_KILLED] = "killed",
        [CAGE_TIMEOUT] = "timeout", [CAGE_MEMORY] = "memory",
        [CAGE_PIDS] = "pids",       [CAGE_OUTPUT_LIMIT] = "output_limit",
        [CAGE_SECCOMP] = "seccomp", [CAGE_CPU_TIME] = "cpu_time",
        [CAGE_INTERRUPTED] = "interrupted",
};

static const char *const layer_names[_CAGE_LAYER_MAX] = {
        [CAGE_LAYER_USERNS] = "userns",
        [CAGE_LAYER_MOUNTNS] = "mountns",
        [CAGE_LAYER_PIDNS] = "pidns",
        [CAGE_LAYER_NETNS] = "netns",
        [CAGE_LAYER_IPCNS] = "ipcns",
        [CAGE_LAYER_UTSNS] = "utsns",
        [CAGE_LAYER_CGROUPNS] = "cgroupns",
        [CAGE_LAYER_SECCOMP] = "seccomp",
        [CAGE_LAYER_LANDLOCK] = "landlock",
        [CAGE_LAYER_NO_NEW_PRIVS] = "no_new_privs",
        [CAGE_LAYER_CAPS_DROPPED] = "caps_dropped",
};

static const char *const cgroup_names[] = { "none", "v1", "v2" };

/* The forbidden variables of AKIOS's tool_executor, plus the dynamic loader's others. */
static const char *const env_forbidden[] = {
        "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "PYTHONPATH", "PERL5LIB", "PATH",
        "SHELL", "BASH_ENV", "ENV", "IFS",
};

/* What a run loses without each layer: in the floor (floor.c says what stands in for it),
 * and with namespaces partly there (root without a user namespace, best effort). */
static const struct {
        int layer;
        const char *floor, *other;
} missing[] = {
        { CAGE_LAYER_USERNS, "userns: no user namespace (the host refuses them): the cage is "
          "the floor (Landlock, seccomp, subreaper, rlimits)",
          "userns: no user namespace: the payload runs with a host uid (never 0)" },
        { CAGE_LAYER_MOUNTNS, "mountns: the host's file tree; Landlock limits reads to the "
          "system directories, /etc subset, /dev nodes and /proc, writes to the workdir and "
          "--rw paths; no private /tmp (not writable)", "mountns: the host's file tree" },
        { CAGE_LAYER_PIDNS, "pidns: host processes are visible; Landlock refuses ptrace and "
          "/proc/PID/mem, environ and fd of processes outside the cage (one of the same uid "
          "still shows its fd numbers); a subreaper kills every descendant",
          "pidns: host processes are visible" },
        { CAGE_LAYER_NETNS, "netns: no network namespace: every socket() is refused "
          "(seccomp; socketpair stays)", "netns: the host's network" },
        { CAGE_LAYER_IPCNS, "ipcns: System V IPC and POSIX message queues are refused "
          "(seccomp)", "ipcns: the host's System V IPC" },
        { CAGE_LAYER_UTSNS, "utsns: the host's hostname is visible (changing it is refused)",
          "utsns: the host's hostname is visible (changing it is refused)" },
        { CAGE_LAYER_SECCOMP, "seccomp: no syscall filter", "seccomp: no syscall filter" },
        { CAGE_LAYER_LANDLOCK, "landlock: no path rules", "landlock: no path rules" },
        { CAGE_LAYER_NO_NEW_PRIVS, "no_new_privs: not set", "no_new_privs: not set" },
        { CAGE_LAYER_CAPS_DROPPED, "caps_dropped: capabilities kept",
          "caps_dropped: capabilities kept" },
};

static const struct {
        unsigned bit;
        const char *text;
} notes[] = {
        { CAGE_DEGRADED_NO_FLOOR, "floor: not even Landlock and seccomp (sandbox_required: "
          "none): the command runs almost unconfined" },
        { CAGE_DEGRADED_SCOPE, "landlock scope: Landlock ABI < 6: the payload can signal "
          "other processes of its uid" },
        { CAGE_DEGRADED_DISK, "disk_quota: not enforced (no mount namespace or no overlay "
          "here, sandbox_required: none): the command wrote the read-write paths directly" },
        { CAGE_DEGRADED_HOSTNAME, "hostname: not set in the cage (sethostname refused)" },
        { CAGE_DEGRADED_PROC, "proc: /proc is empty in the cage: the kernel refuses a fresh "
          "one where the outer /proc is partly masked (a container's default); the host's "
          "is never shown" },
        { CAGE_DEGRADED_USERNS_LIMITS, "userns limits: /proc/sys is read-only here (a "
          "container's): the cage's user namespace shares its owner's inotify and fanotify "
          "limits; nested namespaces stay refused (seccomp)" },
};

int cage_degraded_list(const struct cage_layers *l, const char **out, int max)
{
        int n = 0;

        for (unsigned i = 0; i < ARRAY_SIZE(missing) && n < max; i++)
                if (!l->on[missing[i].layer])
                        out[n++] = l->floor ? missing[i].floor : missing[i].other;
        if (l->cgroup == CAGE_CGROUP_NONE && n < max)
                out[n++] = "cgroup: no cgroup: memory, pids and cpu are limited by rlimits "
                           "only (RLIMIT_AS, RLIMIT_NPROC per uid, RLIMIT_CPU)";
        for (unsigned i = 0; i < ARRAY_SIZE(notes) && n < max; i++)
                if (l->degraded & notes[i].bit)
                        out[n++] = notes[i].text;
        return n;
}

const char *cage_layer_loss(int layer, bool floor)
{
        for (unsigned i = 0; i < ARRAY_SIZE(missing); i++)
                if (missing[i].layer == layer) {
                        const char *t = floor ? missing[i].floor : missing[i].other;
                        const char *p = strstr(t, ": ");

                        return p ? p + 2 : t;
                }
        return NULL;
}

const char *cage_reason_name(int reason)
{
        return reason >= 0 && reason < _CAGE_REASON_MAX ? reason_names[reason] : "killed";
}

const char *cage_layer_name(int layer)
{
        return layer >= 0 && layer < _CAGE_LAYER_MAX ? layer_names[layer] : "?";
}

const char *cage_cgroup_name(int version)
{
        return version >= 0 && version < (int)ARRAY_SIZE(cgroup_names) ? cgroup_names[version]
                                                                         : "none";
}

/* --disk-quota (CONTRACTS §7): null when none was asked. */
static json_t *disk_json(const struct cage_result *r)
{
        json_t *j, *errs;

        if (!r->disk_quota_mb)
                return json_null();
        j = json_object();
        errs = json_array();
        for (size_t i = 0; i < r->disk_errors.n; i++) {
                json_t *e = json_string(r->disk_errors.v[i]);
                char *ascii;

                /* A name that is not UTF-8: its other bytes as '?', never a dropped line. */
                if (!e && (ascii = strdup(r->disk_errors.v[i]))) {
                        for (char *p = ascii; *p; p++)
                                if ((unsigned char)*p >= 0x80)
                                        *p = '?';
                        e = json_string(ascii);
                        free(ascii);
                }
                json_array_append_new(errs, e);
        }
        json_object_set_new(j, "quota_mb", json_integer((json_int_t)r->disk_quota_mb));
        json_object_set_new(j, "enforced", json_boolean(r->layers.disk_quota));
        json_object_set_new(j, "used_bytes", json_integer((json_int_t)r->disk_used_bytes));
        json_object_set_new(j, "full", json_boolean(r->disk_full));
        json_object_set_new(j, "merged", json_integer((json_int_t)r->merged));
        json_object_set_new(j, "merge_failed", json_boolean(r->merge_failed));
        json_object_set_new(j, "not_merged", errs);
        return j;
}

json_t *cage_result_json(const struct cage_result *r)
{
        json_t *layers = json_object(), *j = json_object();
        char sig[32];

        if (!layers || !j) {
                json_decref(layers);
                json_decref(j);
                return NULL;
        }
        /* cgroupns is in `doctor`, not in the §7 record. */
        for (int i = 0; i < _CAGE_LAYER_MAX; i++)
                if (i != CAGE_LAYER_CGROUPNS)
                        json_object_set_new(layers, layer_names[i],
                                            json_boolean(r->layers.on[i]));
        json_object_set_new(layers, "cgroup", json_string(cage_cgroup_name(r->layers.cgroup)));
        /* Where --memory is enforced: a cgroup caps everything the cage maps (memfd, shm,
         * page cache); without one only RLIMIT_AS per process is left (CONTRACTS §7). */
        json_object_set_new(layers, "memory", json_string(r->layers.cgroup != CAGE_CGROUP_NONE
                                                                  ? "cgroup"
                                                                  : "rlimit only"));
        json_object_set_new(layers, "groups_dropped", json_boolean(r->layers.groups_dropped));
        json_object_set_new(layers, "subreaper", json_boolean(r->layers.subreaper));
        json_object_set_new(layers, "disk_quota", json_boolean(r->layers.disk_quota));
        json_object_set_new(j, "disk", disk_json(r));
        {
                const char *deg[32];
                int n = cage_degraded_list(&r->layers, deg, (int)ARRAY_SIZE(deg));
                json_t *a = json_array();

                for (int i = 0; i < n; i++)
                        json_array_append_new(a, json_string(deg[i]));
                json_object_set_new(j, "degraded", a);
                json_object_set_new(j, "mode", json_string(r->layers.floor ? "floor"
                                                                           : "namespaces"));
        }
        json_object_set_new(j, "exit_code", r->signal ? json_null() : json_integer(r->exit_code));
        if (r->signal) {
                const char *abbrev = sigabbrev_np(r->signal);

                snprintf(sig, sizeof(sig), "SIG%s", abbrev ? abbrev : "UNKNOWN");
                json_object_set_new(j, "signal", json_string(sig));
        } else {
                json_object_set_new(j, "signal", json_null());
        }
        json_object_set_new(j, "reason", json_string(cage_reason_name(r->reason)));
        /* The syscall the kernel stopped, by name (with its ABI when not the native one)
         * and number; null when the kernel did not say (no seccomp listener). */
        if (r->reason == CAGE_SECCOMP) {
                json_object_set_new(j, "syscall", r->syscall >= 0 && r->syscall_name[0]
                                                          ? json_string(r->syscall_name)
                                                          : json_null());
                json_object_set_new(j, "syscall_nr",
                                    r->syscall >= 0 ? json_integer(r->syscall) : json_null());
        }
        json_object_set_new(j, "wall_ms", json_real(r->wall_ms));
        json_object_set_new(j, "cpu_ms", json_real(r->cpu_ms));
        json_object_set_new(j, "max_rss_kb", json_integer(r->max_rss_kb));
        json_object_set_new(j, "stdout_bytes", json_integer((json_int_t)r->stdout_bytes));
        json_object_set_new(j, "stderr_bytes", json_integer((json_int_t)r->stderr_bytes));
        json_object_set_new(j, "truncated", json_boolean(r->truncated));
        json_object_set_new(j, "layers", layers);
        return j;
}

int cage_result_exit_code(const struct cage_result *r)
{
        switch (r->reason) {
        case CAGE_EXITED:
                return r->exit_code;
        case CAGE_KILLED:
                return 128 + r->signal;
        case CAGE_INTERRUPTED:
                return 130;
        default:
                return 5; /* EXIT_SANDBOX: the cage stopped it */
        }
}

uid_t cage_default_uid(const char *workdir)
{
        struct stat st;

        if (geteuid() != 0)
                return geteuid();
        if (workdir && stat(workdir, &st) == 0 && st.st_uid != 0)
                return st.st_uid;
        return CAGE_NOBODY;
}

static int check_exec(const char *path)
{
        struct stat st;

        if (stat(path, &st) < 0)
                return -errno;
        if (!S_ISREG(st.st_mode))
                return -EACCES;
        return access(path, X_OK) < 0 ? -errno : 0;
}

int cage_resolve_command(const char *name, char **ret)
{
        static const char *const dirs[] = { "/usr/local/bin", "/usr/bin", "/bin" };
        char path[4096];
        int r = -ENOENT;

        if (!name || !name[0])
                return -EINVAL;
        if (strchr(name, '/')) {
                if (name[0] != '/')
                        return -EINVAL;
                r = check_exec(name);
                if (r < 0)
                        return r;
                *ret = strdup(name);
                return *ret ? 0 : -ENOMEM;
        }
        for (unsigned i = 0; i < ARRAY_SIZE(dirs); i++) {
                int e;

                if ((size_t)snprintf(path, sizeof(path), "%s/%s", dirs[i], name) >= sizeof(path))
                        return -E2BIG;
                e = check_exec(path);
                if (e == 0) {
                        *ret = strdup(path);
                        return *ret ? 0 : -ENOMEM;
                }
                if (e == -EACCES)
                        r = e;
        }
        return r;
}

bool cage_env_forbidden(const char *name)
{
        for (unsigned i = 0; i < ARRAY_SIZE(env_forbidden); i++)
                if (streq(name, env_forbidden[i]))
                        return true;
        return strncmp(name, "LD_", 3) == 0;
}
