/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests for the cage's cgroup code: mountinfo and /proc/self/cgroup parsing (tables,
 * including this host's hybrid layout) and the v2 setup against a fake cgroupfs made of
 * plain files in a temp dir. */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "sandbox/internal.h"

static const struct {
        const char *name, *text;
        bool v2;
        const char *v2_path, *v2_root;
        bool mem, pids;
        const char *mem_path;
} mi_cases[] = {
        { "pure v2",
          "29 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n",
          true, "/sys/fs/cgroup", "/", false, false, NULL },
        { "hybrid (v1 controllers, empty v2 at unified)",
          "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n"
          "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory\n"
          "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids\n"
          "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
          "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n",
          true, "/sys/fs/cgroup/unified", "/", true, true, "/sys/fs/cgroup/memory" },
        { "container: sub-tree root, optional tags, escaped space",
          "50 40 0:30 /docker/abc /sys/fs/cgroup\\040x ro shared:5 master:2 - cgroup2 cgroup2 rw\n",
          true, "/sys/fs/cgroup x", "/docker/abc", false, false, NULL },
        { "no cgroup at all", "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n", false, NULL, NULL,
          false, false, NULL },
        { "garbage line", "this is not mountinfo\n\n - -\n", false, NULL, NULL, false, false,
          NULL },
};

static void test_mountinfo(void)
{
        for (unsigned i = 0; i < ARRAY_SIZE(mi_cases); i++) {
                struct cg_mounts m;

                is_int(cg_parse_mountinfo(mi_cases[i].text, &m), 0, "%s: parses",
                       mi_cases[i].name);
                is_int(m.have_v2, mi_cases[i].v2, "%s: v2 found", mi_cases[i].name);
                if (mi_cases[i].v2) {
                        is_str(m.v2.path, mi_cases[i].v2_path, "%s: v2 path", mi_cases[i].name);
                        is_str(m.v2.root, mi_cases[i].v2_root, "%s: v2 root", mi_cases[i].name);
                }
                is_int(m.have_v1[CG1_MEMORY], mi_cases[i].mem, "%s: v1 memory",
                       mi_cases[i].name);
                is_int(m.have_v1[CG1_PIDS], mi_cases[i].pids, "%s: v1 pids", mi_cases[i].name);
                if (mi_cases[i].mem_path)
                        is_str(m.v1[CG1_MEMORY].path, mi_cases[i].mem_path,
                               "%s: v1 memory path", mi_cases[i].name);
        }
        {
                struct cg_mounts m;

                cg_parse_mountinfo(mi_cases[1].text, &m);
                ok(m.have_v1[CG1_CPU], "combined cpu,cpuacct hierarchy gives cpu");
                is_str(m.v1[CG1_CPU].path, "/sys/fs/cgroup/cpu,cpuacct", "cpu path");
        }
}

static void test_self(void)
{
        const char *t = "9:name=systemd:/\n8:pids:/a/b\n4:memory:/process_api/x\n"
                        "2:cpu,cpuacct:/c\n0::/user.slice/u.scope\n";
        char out[256];
        struct cg_mount root = { .path = "/sys/fs/cgroup", .root = "/" };
        struct cg_mount sub = { .path = "/sys/fs/cgroup", .root = "/docker/abc" };

        is_int(cg_parse_self(t, "", out, sizeof(out)), 0, "v2 line found");
        is_str(out, "/user.slice/u.scope", "v2 path");
        is_int(cg_parse_self(t, "memory", out, sizeof(out)), 0, "memory line found");
        is_str(out, "/process_api/x", "memory path");
        is_int(cg_parse_self(t, "cpuacct", out, sizeof(out)), 0, "cpuacct in a list");
        is_str(out, "/c", "cpu path");
        is_int(cg_parse_self(t, "freezer", out, sizeof(out)), -ENOENT, "absent controller");
        is_int(cg_parse_self(t, "memory", out, 4), -E2BIG, "too long for the buffer");
        is_int(cg_join_path(&root, "/a/b", out, sizeof(out)), 0, "join");
        is_str(out, "/sys/fs/cgroup/a/b", "joined path");
        cg_join_path(&root, "/", out, sizeof(out));
        is_str(out, "/sys/fs/cgroup", "root cgroup is the mount point");
        cg_join_path(&sub, "/docker/abc/x", out, sizeof(out));
        is_str(out, "/sys/fs/cgroup/x", "mount root stripped");
}

static void put(const char *dir, const char *file, const char *text)
{
        char p[4096];
        int fd;

        snprintf(p, sizeof(p), "%s/%s", dir, file);
        fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
                (void)!write(fd, text, strlen(text));
                close(fd);
        }
}

static const char *get(const char *dir, const char *file)
{
        static char buf[256];
        char p[4096];

        snprintf(p, sizeof(p), "%s/%s", dir, file);
        if (cage_read_small(p, buf, sizeof(buf)) < 0)
                return "(missing)";
        buf[strcspn(buf, "\n")] = '\0';
        return buf;
}

static int rm_one(const char *p, const struct stat *st, int type, struct FTW *f)
{
        return remove(p);
}

static void test_v2_fake(void)
{
        char base[] = "/tmp/akios-cgtest.XXXXXX", dir[4096];
        struct cg_limits l = { .memory_bytes = 256 << 20, .pids = 64, .cpu_fraction = 0.5 };
        struct diag d = { 0 };

        if (!mkdtemp(base)) {
                skip("mkdtemp failed");
                return;
        }
        cg_fake_fs = true;
        put(base, "cgroup.controllers", "cpuset cpu io memory pids\n");
        put(base, "cgroup.subtree_control", "\n");
        is_int(cg2_create(base, "akios-1", &l, dir, sizeof(dir), &d), 0, "v2 cgroup created");
        is_str(get(base, "cgroup.subtree_control"), "+memory +pids +cpu",
               "controllers enabled in the parent");
        is_str(get(dir, "memory.max"), "268435456", "memory.max");
        is_str(get(dir, "memory.swap.max"), "0", "no swap");
        is_str(get(dir, "pids.max"), "64", "pids.max");
        is_str(get(dir, "cpu.max"), "50000 100000", "cpu.max is half a CPU");
        is_int(cg2_create(base, "akios-1", &l, dir, sizeof(dir), &d), -EEXIST,
               "a name in use is refused");

        put(base, "cgroup.subtree_control", "memory pids\n");
        l.cpu_fraction = 0;
        is_int(cg2_create(base, "akios-2", &l, dir, sizeof(dir), &d), 0, "already enabled");
        is_str(get(base, "cgroup.subtree_control"), "memory pids", "nothing rewritten");
        is_str(get(dir, "cpu.max"), "(missing)", "no cpu limit asked, none written");

        put(base, "cgroup.controllers", "hugetlb\n");
        is_int(cg2_create(base, "akios-3", &l, dir, sizeof(dir), &d), -EOPNOTSUPP,
               "hybrid host's v2 (hugetlb only) is refused");
        ok(strstr(d.msg, "memory") != NULL, "the diag names the missing controller: %s", d.msg);
        cg_fake_fs = false;
        nftw(base, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* The per-version operations against fake v2 and v1 trees: event counters, attach, kill.
 * No real pid is ever written where a signal could reach it. */
static void test_ops_fake(void)
{
        char base[] = "/tmp/akios-cgops.XXXXXX";
        struct cgroup v2 = { .version = CAGE_CGROUP_V2 }, v1 = { .version = CAGE_CGROUP_V1 };
        struct cgroup none = { .version = CAGE_CGROUP_NONE };
        bool oom, pids;
        char mem[4096], pid[4096];

        if (!mkdtemp(base)) {
                skip("mkdtemp failed");
                return;
        }
        cg_fake_fs = true;
        snprintf(v2.v2, sizeof(v2.v2), "%s", base);
        put(base, "memory.events", "low 0\nhigh 0\nmax 4\noom 1\noom_kill 1\n");
        put(base, "pids.events", "max 0\n");
        cg_events(&v2, &oom, &pids);
        ok(oom && !pids, "v2: memory.events oom_kill 1 is an OOM kill, pids.events max 0 none");
        put(base, "memory.events", "low 0\nhigh 0\nmax 4\noom 1\noom_kill 0\n");
        put(base, "pids.events", "max 7\n");
        cg_events(&v2, &oom, &pids);
        ok(!oom && pids, "v2: oom without oom_kill is not a kill; pids.events max 7 is a refusal");
        snprintf(mem, sizeof(mem), "%s/pids.events", base);
        unlink(mem);
        cg_events(&v2, &oom, &pids);
        ok(!pids, "v2: no pids.events file, no pids reason");
        is_int(cg_attach(&v2, 4242), 0, "v2: attach");
        is_str(get(base, "cgroup.procs"), "4242", "v2: attach writes cgroup.procs");
        put(base, "cgroup.procs", "");
        cg_signal(&v2, SIGKILL);
        is_str(get(base, "cgroup.kill"), "1", "v2: SIGKILL is cgroup.kill");

        snprintf(mem, sizeof(mem), "%s/memory", base);
        snprintf(pid, sizeof(pid), "%s/pids", base);
        mkdir(mem, 0755);
        mkdir(pid, 0755);
        snprintf(v1.v1[CG1_MEMORY], sizeof(v1.v1[0]), "%s", mem);
        snprintf(v1.v1[CG1_PIDS], sizeof(v1.v1[0]), "%s", pid);
        put(mem, "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        put(pid, "pids.events", "max 1\n");
        cg_events(&v1, &oom, &pids);
        ok(oom && pids, "v1: memory.oom_control oom_kill and pids.events max are read");
        is_int(cg_attach(&v1, 4343), 0, "v1: attach");
        is_str(get(mem, "cgroup.procs"), "4343", "v1: attach writes the memory hierarchy");
        is_str(get(pid, "cgroup.procs"), "4343", "v1: and the pids hierarchy");
        put(pid, "cgroup.procs", "");
        cg_signal(&v1, SIGKILL);
        is_str(get(pid, "cgroup.kill"), "(missing)", "v1: no cgroup.kill (signals each pid)");

        cg_events(&none, &oom, &pids);
        ok(!oom && !pids, "none: no events");
        is_int(cg_attach(&none, 1), 0, "none: attach is a no-op");
        cg_destroy(&v2);
        is_int(v2.version, CAGE_CGROUP_NONE, "destroy leaves the cgroup as none");
        cg_fake_fs = false;
        nftw(base, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

int main(void)
{
        test_mountinfo();
        test_self();
        test_v2_fake();
        test_ops_fake();
        return done_testing();
}
