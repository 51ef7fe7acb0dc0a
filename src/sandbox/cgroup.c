/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cgroup: one cgroup per cage run, for memory, pids and cpu limits and a clean kill.
 *
 * The version is chosen from /proc/self/mountinfo and /proc/self/cgroup, not guessed from
 * /sys/fs/cgroup: v2 when a cgroup2 mount delegates memory and pids to our cgroup, else v1
 * when the memory and pids hierarchies are mounted and writable (hybrid hosts, where cgroup2
 * is mounted but its controllers live on v1, land here), else none (rlimits only). On v2 a
 * cgroup that still holds processes cannot enable controllers for its children ("no internal
 * processes"), so the supervisor then moves itself into a leaf `akios-supervisor` first.
 *
 * Parent half, except one write: on v1 the child moves itself in, through `tasks` files the
 * parent opened (cg_open_join/cg_child_join), which the kernel does without the threadgroup
 * lock whose RCU grace period makes a parent-side attach cost ~10 ms on this host; on v2 the
 * parent attaches it. What differs between the versions after creation (directories, the
 * kill, the event counters) is one `struct cg_ops` table per version; the public calls
 * dispatch through it and are no-ops without a cgroup. It does not create delegated parents
 * (systemd's Delegate= does that) and does not account cpu time (rusage does).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "sandbox/internal.h"

#define CG_FILE_MAX 65536  /* cgroup.procs of a fork bomb at the pids cap stays far below */
#define CPU_PERIOD_US 100000

static const char *const cg1_names[_CG1_MAX] = {
        [CG1_MEMORY] = "memory",
        [CG1_PIDS] = "pids",
        [CG1_CPU] = "cpu",
        [CG1_FREEZER] = "freezer",
};

/* Undo mountinfo's octal escapes (\040 for a space) in place. */
static void unescape(char *s)
{
        char *w = s;

        for (; *s; s++) {
                if (s[0] == '\\' && s[1] >= '0' && s[1] <= '7' && s[2] && s[3]) {
                        *w++ = (char)(((s[1] - '0') << 6) | ((s[2] - '0') << 3) | (s[3] - '0'));
                        s += 3;
                } else {
                        *w++ = *s;
                }
        }
        *w = '\0';
}

static bool list_has(const char *list, const char *word, char sep)
{
        size_t n = strlen(word);

        for (const char *p = list; p && *p;) {
                const char *e = strchr(p, sep);
                size_t len = e ? (size_t)(e - p) : strlen(p);

                if (len == n && strncmp(p, word, n) == 0)
                        return true;
                p = e ? e + 1 : NULL;
        }
        return false;
}

static int set_mount(struct cg_mount *m, const char *root, const char *path)
{
        if (strlen(root) >= sizeof(m->root) || strlen(path) >= sizeof(m->path))
                return -E2BIG;
        memcpy(m->root, root, strlen(root) + 1);
        memcpy(m->path, path, strlen(path) + 1);
        unescape(m->root);
        unescape(m->path);
        return 0;
}

/* One mountinfo line: "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [TAGS...] - FSTYPE SRC SUPER". */
static int parse_line(char *line, struct cg_mounts *m)
{
        char *f[6], *fstype, *super, *save = NULL, *tok;
        unsigned n = 0;

        for (tok = strtok_r(line, " ", &save); tok && n < 6; tok = strtok_r(NULL, " ", &save))
                f[n++] = tok;
        if (n < 6)
                return 0;
        while (tok && strcmp(tok, "-") != 0)
                tok = strtok_r(NULL, " ", &save);
        if (!tok)
                return 0;
        fstype = strtok_r(NULL, " ", &save);
        if (!fstype || !strtok_r(NULL, " ", &save))
                return 0;
        super = strtok_r(NULL, " ", &save);
        if (streq(fstype, "cgroup2")) {
                if (m->have_v2)
                        return 0;
                m->have_v2 = true;
                return set_mount(&m->v2, f[3], f[4]);
        }
        if (!streq(fstype, "cgroup") || !super)
                return 0;
        for (unsigned i = 0; i < _CG1_MAX; i++) {
                if (m->have_v1[i] || !list_has(super, cg1_names[i], ','))
                        continue;
                m->have_v1[i] = true;
                if (set_mount(&m->v1[i], f[3], f[4]) < 0)
                        return -E2BIG;
        }
        return 0;
}

int cg_parse_mountinfo(const char *text, struct cg_mounts *ret)
{
        struct cg_mounts m = { 0 };
        char line[4096];

        for (const char *p = text; p && *p;) {
                const char *e = strchr(p, '\n');
                size_t len = e ? (size_t)(e - p) : strlen(p);
                int r;

                if (len < sizeof(line)) {
                        memcpy(line, p, len);
                        line[len] = '\0';
                        r = parse_line(line, &m);
                        if (r < 0)
                                return r;
                }
                p = e ? e + 1 : NULL;
        }
        *ret = m;
        return 0;
}

int cg_parse_self(const char *text, const char *controller, char *out, size_t size)
{
        for (const char *p = text; p && *p;) {
                const char *e = strchr(p, '\n');
                size_t len = e ? (size_t)(e - p) : strlen(p);
                const char *c1 = memchr(p, ':', len), *c2;

                if (c1 && (c2 = memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - p)))) {
                        char list[256];
                        size_t ll = (size_t)(c2 - c1 - 1), pl = len - (size_t)(c2 + 1 - p);
                        bool match;

                        if (ll < sizeof(list)) {
                                memcpy(list, c1 + 1, ll);
                                list[ll] = '\0';
                                match = controller[0] ? list_has(list, controller, ',')
                                                      : (ll == 0 && p[0] == '0');
                                if (match) {
                                        if (pl + 1 > size)
                                                return -E2BIG;
                                        memcpy(out, c2 + 1, pl);
                                        out[pl] = '\0';
                                        return 0;
                                }
                        }
                }
                p = e ? e + 1 : NULL;
        }
        return -ENOENT;
}

int cg_join_path(const struct cg_mount *m, const char *cgpath, char *out, size_t size)
{
        size_t rl = strlen(m->root);
        int n;

        /* A mount of a sub-tree (containers): strip its root from our path. */
        if (!streq(m->root, "/") && strncmp(cgpath, m->root, rl) == 0 &&
            (cgpath[rl] == '/' || cgpath[rl] == '\0'))
                cgpath += rl;
        while (cgpath[0] == '/')
                cgpath++;
        n = snprintf(out, size, "%s%s%s", m->path, cgpath[0] ? "/" : "", cgpath);
        if (n < 0 || (size_t)n >= size)
                return -E2BIG;
        /* Trailing slash from "/" paths. */
        while (n > 1 && out[n - 1] == '/')
                out[--n] = '\0';
        return 0;
}

static int write_in(const char *dir, const char *file, const char *val)
{
        char p[PATH_MAX];
        int n = snprintf(p, sizeof(p), "%s/%s", dir, file);

        if (n < 0 || (size_t)n >= sizeof(p))
                return -E2BIG;
        return cage_write_file(p, val);
}

static int read_in(const char *dir, const char *file, char *out, size_t size)
{
        char p[PATH_MAX];
        int n = snprintf(p, sizeof(p), "%s/%s", dir, file);

        if (n < 0 || (size_t)n >= sizeof(p))
                return -E2BIG;
        return cage_read_small(p, out, size);
}

static void rmdir_one(const char *dir, void *u);

/* Leftovers of a supervisor that died by SIGKILL: its cage died with it (the death signal),
 * its cgroup (named akios-PID-SEQ) stayed. Before making ours next to it: kill whatever might
 * still be in it and remove it. A name whose pid is alive (or not ours to probe) is left. */
static void reap_stale(const char *base, int version)
{
        static struct cgroup t;
        struct dirent *e;
        DIR *d;

        if (cg_fake_fs || !(d = opendir(base)))
                return;
        while ((e = readdir(d))) {
                int pid, end = 0, n;
                unsigned seq;

                if (sscanf(e->d_name, "akios-%d-%u%n", &pid, &seq, &end) != 2 ||
                    e->d_name[end] || pid <= 0 || pid == (int)getpid())
                        continue;
                if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
                        continue;
                memset(&t, 0, sizeof(t));
                t.version = version;
                n = snprintf(version == CAGE_CGROUP_V2 ? t.v2 : t.v1[CG1_PIDS], PATH_MAX,
                             "%s/%s", base, e->d_name);
                if (n < 0 || n >= PATH_MAX)
                        continue;
                cg_signal(&t, SIGKILL);
                rmdir_one(version == CAGE_CGROUP_V2 ? t.v2 : t.v1[CG1_PIDS], NULL);
        }
        closedir(d);
}

static void cpu_quota(double fraction, char *out, size_t size)
{
        uint64_t q = (uint64_t)(fraction * CPU_PERIOD_US);

        snprintf(out, size, "%" PRIu64, q < 1000 ? 1000 : q);
}

/* Enable what we need in base's subtree_control; on EBUSY move ourselves to a leaf first. */
static int cg2_enable(const char *base, const char *want, struct diag *d)
{
        char leaf[PATH_MAX];
        int r, n;

        r = write_in(base, "cgroup.subtree_control", want);
        if (r != -EBUSY)
                goto out;
        n = snprintf(leaf, sizeof(leaf), "%s/akios-supervisor", base);
        if (n < 0 || (size_t)n >= sizeof(leaf))
                return -E2BIG;
        if (mkdir(leaf, 0755) < 0 && errno != EEXIST)
                return -errno;
        r = write_in(leaf, "cgroup.procs", "0");
        if (r < 0) {
                diag_set(d, leaf, 0, 0, "cannot move the supervisor into '%s': %s", leaf,
                         strerror(-r));
                return r;
        }
        r = write_in(base, "cgroup.subtree_control", want);
out:
        if (r < 0)
                diag_set(d, base, 0, 0, "cannot enable '%s' in '%s/cgroup.subtree_control': %s",
                         want, base, strerror(-r));
        return r;
}

int cg2_create(const char *base, const char *name, const struct cg_limits *l,
               char *ret_dir, size_t size, struct diag *d)
{
        char ctl[512], sub[512], want[64] = "", dir[PATH_MAX], val[64];
        bool cpu;
        int r, n;

        r = read_in(base, "cgroup.controllers", ctl, sizeof(ctl));
        if (r < 0) {
                diag_set(d, base, 0, 0, "cannot read '%s/cgroup.controllers': %s", base,
                         strerror(-r));
                return r;
        }
        for (char *p = ctl; *p; p++)
                if (*p == '\n')
                        *p = '\0';
        if (!list_has(ctl, "memory", ' ') || !list_has(ctl, "pids", ' ')) {
                diag_set(d, base, 0, 0,
                         "cgroup v2 at '%s' does not delegate the memory and pids controllers "
                         "(it has '%s')", base, ctl);
                return -EOPNOTSUPP;
        }
        cpu = l->cpu_fraction > 0 && list_has(ctl, "cpu", ' ');
        r = read_in(base, "cgroup.subtree_control", sub, sizeof(sub));
        if (r < 0)
                sub[0] = '\0';
        for (char *p = sub; *p; p++)
                if (*p == '\n')
                        *p = '\0';
        snprintf(want, sizeof(want), "%s%s%s", list_has(sub, "memory", ' ') ? "" : "+memory ",
                 list_has(sub, "pids", ' ') ? "" : "+pids ",
                 !cpu || list_has(sub, "cpu", ' ') ? "" : "+cpu ");
        if (want[0]) {
                want[strlen(want) - 1] = '\0';
                r = cg2_enable(base, want, d);
                if (r < 0)
                        return r;
        }
        n = snprintf(dir, sizeof(dir), "%s/%s", base, name);
        if (n < 0 || (size_t)n >= sizeof(dir) || (size_t)n >= size)
                return -E2BIG;
        reap_stale(base, CAGE_CGROUP_V2);
        if (mkdir(dir, 0755) < 0) {
                r = -errno;
                diag_set(d, dir, 0, 0, "cannot create cgroup '%s': %s", dir, strerror(-r));
                return r;
        }
        if (l->memory_bytes) {
                snprintf(val, sizeof(val), "%" PRIu64, l->memory_bytes);
                r = write_in(dir, "memory.max", val);
                if (r >= 0) {
                        int s = write_in(dir, "memory.swap.max", "0");

                        if (s < 0 && s != -ENOENT && s != -EACCES)
                                r = s;
                }
                if (r < 0)
                        goto fail;
        }
        if (l->pids) {
                snprintf(val, sizeof(val), "%" PRIu64, l->pids);
                r = write_in(dir, "pids.max", val);
                if (r < 0)
                        goto fail;
        }
        if (cpu) {
                char q[32];

                cpu_quota(l->cpu_fraction, q, sizeof(q));
                snprintf(val, sizeof(val), "%s %d", q, CPU_PERIOD_US);
                r = write_in(dir, "cpu.max", val);
                if (r < 0)
                        goto fail;
        }
        memcpy(ret_dir, dir, (size_t)n + 1);
        return 0;
fail:
        diag_set(d, dir, 0, 0, "cannot set limits in '%s': %s", dir, strerror(-r));
        rmdir(dir);
        return r;
}

static int cg1_limit(int ctrl, const char *dir, const struct cg_limits *l)
{
        char v[64];
        int r = 0;

        switch (ctrl) {
        case CG1_MEMORY:
                if (!l->memory_bytes)
                        return 0;
                snprintf(v, sizeof(v), "%" PRIu64, l->memory_bytes);
                r = write_in(dir, "memory.limit_in_bytes", v);
                /* memsw exists only with swap accounting; without it swap is not capped. */
                if (r >= 0)
                        (void)write_in(dir, "memory.memsw.limit_in_bytes", v);
                return r;
        case CG1_PIDS:
                if (!l->pids)
                        return 0;
                snprintf(v, sizeof(v), "%" PRIu64, l->pids);
                return write_in(dir, "pids.max", v);
        case CG1_CPU:
                if (l->cpu_fraction <= 0)
                        return 0;
                r = write_in(dir, "cpu.cfs_period_us", "100000");
                if (r < 0)
                        return r;
                cpu_quota(l->cpu_fraction, v, sizeof(v));
                return write_in(dir, "cpu.cfs_quota_us", v);
        default:
                return 0;
        }
}

int cg1_create(const struct cg_mounts *m, const char *self_text, const char *name,
               const struct cg_limits *l, struct cgroup *ret, struct diag *d)
{
        struct cgroup cg = { .version = CAGE_CGROUP_V1 };
        int r;

        if (!m->have_v1[CG1_MEMORY] || !m->have_v1[CG1_PIDS]) {
                diag_set(d, "cgroup", 0, 0, "no cgroup v1 %s hierarchy is mounted",
                         m->have_v1[CG1_MEMORY] ? "pids" : "memory");
                return -EOPNOTSUPP;
        }
        for (unsigned i = 0; i < _CG1_MAX; i++) {
                char self[PATH_MAX], base[PATH_MAX], dir[PATH_MAX];
                bool required = i == CG1_MEMORY || i == CG1_PIDS;
                int n;

                /* The pid namespace already gives a whole-cage kill: no freezer needed. */
                if (!m->have_v1[i] || i == CG1_FREEZER || (i == CG1_CPU && l->cpu_fraction <= 0))
                        continue;
                r = cg_parse_self(self_text, cg1_names[i], self, sizeof(self));
                if (r >= 0)
                        r = cg_join_path(&m->v1[i], self, base, sizeof(base));
                if (r >= 0) {
                        n = snprintf(dir, sizeof(dir), "%s/%s", base, name);
                        r = n < 0 || (size_t)n >= sizeof(dir) ? -E2BIG : 0;
                }
                if (r >= 0)
                        reap_stale(base, CAGE_CGROUP_V1);
                if (r >= 0 && mkdir(dir, 0755) < 0)
                        r = -errno;
                if (r >= 0) {
                        memcpy(cg.v1[i], dir, strlen(dir) + 1);
                        r = cg1_limit((int)i, dir, l);
                }
                if (r < 0 && required) {
                        diag_set(d, "cgroup", 0, 0, "cgroup v1 %s: cannot create '%s/%s': %s",
                                 cg1_names[i], m->v1[i].path, name, strerror(-r));
                        cg_destroy(&cg);
                        return r;
                }
                if (r < 0 && cg.v1[i][0]) {
                        rmdir(cg.v1[i]);
                        cg.v1[i][0] = '\0';
                }
        }
        *ret = cg;
        return 0;
}

int cg_setup(const char *name, const struct cg_limits *l, struct cgroup *ret, struct diag *d)
{
        static char mi[256 * 1024];
        char self[4096], path[PATH_MAX], base[PATH_MAX];
        struct cg_mounts m;
        struct diag d2 = { 0 };
        int r;

        r = cage_read_small("/proc/self/mountinfo", mi, sizeof(mi));
        if (r >= 0)
                r = cg_parse_mountinfo(mi, &m);
        if (r >= 0)
                r = cage_read_small("/proc/self/cgroup", self, sizeof(self));
        if (r < 0) {
                diag_set(d, "/proc/self/mountinfo", 0, 0, "cannot read the cgroup layout: %s",
                         strerror(-r));
                return r;
        }
        r = -EOPNOTSUPP;
        if (m.have_v2 && cg_parse_self(self, "", path, sizeof(path)) >= 0 &&
            cg_join_path(&m.v2, path, base, sizeof(base)) >= 0) {
                struct cgroup cg = { .version = CAGE_CGROUP_V2 };

                r = cg2_create(base, name, l, cg.v2, sizeof(cg.v2), &d2);
                if (r >= 0) {
                        *ret = cg;
                        return 0;
                }
        } else {
                diag_set(&d2, "cgroup", 0, 0, "no cgroup2 mount");
        }
        r = cg1_create(&m, self, name, l, ret, d);
        if (r >= 0)
                return 0;
        /* Both failed: say why for both. */
        {
                char v1[sizeof(d->msg)];

                snprintf(v1, sizeof(v1), "%s", d->msg);
                diag_set(d, "cgroup", 0, 0, "v2: %s; v1: %s", d2.msg, v1);
        }
        return r;
}

/* ---- per-version operations: one table each, cgroup.c's public calls dispatch ------- */

struct cg_ops {
        /* the directories of this cgroup (v2: one; v1: one per controller in use) */
        void (*each_dir)(const struct cgroup *cg, void (*fn)(const char *dir, void *u), void *u);
        /* where cgroup.procs lists every process of the cage */
        const char *(*procs_dir)(const struct cgroup *cg);
        /* SIGKILL of the whole cgroup at once (v2 cgroup.kill); false: signal each pid */
        bool (*kill_all)(const struct cgroup *cg);
        /* the event counters: the OOM killer acted, pids.max refused a fork */
        void (*events)(const struct cgroup *cg, bool *ret_oom, bool *ret_pids);
};

static void v2_each_dir(const struct cgroup *cg, void (*fn)(const char *dir, void *u), void *u)
{
        fn(cg->v2, u);
}

static void v1_each_dir(const struct cgroup *cg, void (*fn)(const char *dir, void *u), void *u)
{
        for (unsigned i = 0; i < _CG1_MAX; i++)
                if (cg->v1[i][0])
                        fn(cg->v1[i], u);
}

static const char *v2_procs_dir(const struct cgroup *cg)
{
        return cg->v2;
}

static const char *v1_procs_dir(const struct cgroup *cg)
{
        return cg->v1[CG1_PIDS][0] ? cg->v1[CG1_PIDS] : cg->v1[CG1_MEMORY];
}

static bool v2_kill_all(const struct cgroup *cg)
{
        return write_in(cg->v2, "cgroup.kill", "1") >= 0;
}

static bool v1_kill_all(const struct cgroup *cg)
{
        (void)cg;
        return false; /* no cgroup.kill on v1: the pid namespace and each pid instead */
}

/* "key N" lines: the value of key, 0 when absent. */
static uint64_t kv(const char *text, const char *key)
{
        size_t n = strlen(key);

        for (const char *p = text; p && *p;) {
                if (strncmp(p, key, n) == 0 && p[n] == ' ')
                        return strtoull(p + n + 1, NULL, 10);
                p = strchr(p, '\n');
                if (p)
                        p++;
        }
        return 0;
}

static void v2_events(const struct cgroup *cg, bool *ret_oom, bool *ret_pids)
{
        char t[2048];

        if (read_in(cg->v2, "memory.events", t, sizeof(t)) >= 0)
                *ret_oom = kv(t, "oom_kill") > 0;
        if (read_in(cg->v2, "pids.events", t, sizeof(t)) >= 0)
                *ret_pids = kv(t, "max") > 0;
}

static void v1_events(const struct cgroup *cg, bool *ret_oom, bool *ret_pids)
{
        char t[2048];

        if (cg->v1[CG1_MEMORY][0] &&
            read_in(cg->v1[CG1_MEMORY], "memory.oom_control", t, sizeof(t)) >= 0)
                *ret_oom = kv(t, "oom_kill") > 0;
        if (cg->v1[CG1_PIDS][0] && read_in(cg->v1[CG1_PIDS], "pids.events", t, sizeof(t)) >= 0)
                *ret_pids = kv(t, "max") > 0;
}

static const struct cg_ops ops_v1 = { v1_each_dir, v1_procs_dir, v1_kill_all, v1_events };
static const struct cg_ops ops_v2 = { v2_each_dir, v2_procs_dir, v2_kill_all, v2_events };

/* NULL for CAGE_CGROUP_NONE: every public call is then a no-op. */
static const struct cg_ops *ops_of(const struct cgroup *cg)
{
        if (!cg)
                return NULL;
        return cg->version == CAGE_CGROUP_V2 ? &ops_v2
               : cg->version == CAGE_CGROUP_V1 ? &ops_v1
                                              : NULL;
}

static void attach_one(const char *dir, void *u)
{
        int *r = u;
        int e = write_in(dir, "cgroup.procs", (const char *)(r + 1));

        if (e < 0 && *r == 0)
                *r = e;
}

int cg_attach(const struct cgroup *cg, pid_t pid)
{
        const struct cg_ops *o = ops_of(cg);
        struct {
                int r;
                char pid[24];
        } a = { 0 };

        if (!o)
                return 0;
        snprintf(a.pid, sizeof(a.pid), "%d", (int)pid);
        o->each_dir(cg, attach_one, &a);
        return a.r;
}

int cg_open_join(const struct cgroup *cg, int *fds, unsigned n)
{
        unsigned k = 0;

        for (unsigned i = 0; i < n; i++)
                fds[i] = -1;
        if (cg->version != CAGE_CGROUP_V1)
                return 0;
        for (unsigned i = 0; i < _CG1_MAX && k < n; i++) {
                char p[PATH_MAX];
                int len;

                if (!cg->v1[i][0])
                        continue;
                len = snprintf(p, sizeof(p), "%s/tasks", cg->v1[i]);
                if (len < 0 || (size_t)len >= sizeof(p))
                        goto fail;
                fds[k] = open(p, O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
                if (fds[k] < 0)
                        goto fail;
                k++;
        }
        return (int)k;
fail:
        {
                int e = errno ? -errno : -E2BIG;

                for (unsigned i = 0; i < k; i++) {
                        close(fds[i]);
                        fds[i] = -1;
                }
                return e;
        }
}

int cg_child_join(int *fds, unsigned n)
{
        int r = 0;

        for (unsigned i = 0; i < n; i++) {
                if (fds[i] < 0)
                        continue;
                /* "0" is the writer itself: a single thread moving itself, which the kernel
                 * does without cgroup_threadgroup_rwsem (no RCU grace period). */
                if (r >= 0 && write(fds[i], "0", 1) != 1)
                        r = -errno;
                close(fds[i]);
                fds[i] = -1;
        }
        return r;
}

void cg_signal(const struct cgroup *cg, int sig)
{
        static char procs[CG_FILE_MAX];
        const struct cg_ops *o = ops_of(cg);
        const char *dir = o ? o->procs_dir(cg) : "";

        if (!o || !dir[0])
                return;
        if (sig == SIGKILL && o->kill_all(cg))
                return;
        if (read_in(dir, "cgroup.procs", procs, sizeof(procs)) < 0)
                return;
        for (char *p = procs, *e; *p; p = e) {
                long pid = strtol(p, &e, 10);

                if (e == p)
                        break;
                if (pid > 1)
                        kill((pid_t)pid, sig);
                while (*e == '\n')
                        e++;
        }
}

void cg_events(const struct cgroup *cg, bool *ret_oom, bool *ret_pids)
{
        const struct cg_ops *o = ops_of(cg);

        *ret_oom = *ret_pids = false;
        if (o)
                o->events(cg, ret_oom, ret_pids);
}

static void rmdir_one(const char *dir, void *u)
{
        (void)u;
        /* The last exiting task leaves the cgroup a moment after wait() returns. */
        for (int i = 0; i < 200; i++) {
                if (rmdir(dir) == 0 || errno != EBUSY)
                        return;
                nanosleep(&(struct timespec){ .tv_nsec = 500000 }, NULL);
        }
}

void cg_destroy(struct cgroup *cg)
{
        const struct cg_ops *o = ops_of(cg);

        if (!o)
                return;
        o->each_dir(cg, rmdir_one, NULL);
        cg->version = CAGE_CGROUP_NONE;
}

int cg_detect(char *reason, size_t size)
{
        struct cg_limits l = { .memory_bytes = 64 << 20, .pids = 16, .cpu_fraction = 0.5 };
        struct cgroup cg = { 0 };
        struct diag d = { 0 };
        char name[64];
        int r;

        snprintf(name, sizeof(name), "akios-doctor-%d", (int)getpid());
        r = cg_setup(name, &l, &cg, &d);
        if (r < 0) {
                snprintf(reason, size, "%s", d.msg);
                return CAGE_CGROUP_NONE;
        }
        r = cg.version;
        if (r == CAGE_CGROUP_V2)
                snprintf(reason, size, "cgroup v2 at '%s' (memory, pids, cpu)", cg.v2);
        else
                snprintf(reason, size, "cgroup v1 at '%s' (memory, pids, cpu)",
                         cg.v1[CG1_MEMORY]);
        cg_destroy(&cg);
        return r;
}
