/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mount: the cage's filesystem, a minimal read-only root built from binds.
 *
 * Parent half (mount_parent_open): decide the layout as a flat list of entries and open
 * every host source with O_PATH, with host credentials, before the clone. The child binds
 * through /proc/self/fd/N, so it needs no rights on the host path and a path swapped after
 * the check (symlink race) cannot redirect it.
 *
 * Child half (mount_child_root): a tmpfs becomes the new root; /usr (and /bin, /sbin, /lib*
 * as binds or, on merged-/usr hosts, as the same symlinks), a few /etc files copied (never
 * shadow, sudoers, ssh keys or anything else), a /dev with null, zero, full, random,
 * urandom and tty only, a fresh /proc for the new pid namespace with /proc/sys,
 * /proc/sysrq-trigger and friends read-only, a size-capped tmpfs /tmp, then the workdir and
 * --rw/--ro paths at their own paths. Everything is nosuid,nodev (and read-only unless asked);
 * then pivot_root and the old root is detached. Submounts of a bind keep the flags set
 * recursively (mount_setattr), else those of the remount.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/openat2.h>
#include <sys/mount.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox/internal.h"

#define ETC_FILE_MAX (1 << 20)
#define ETC_TMPFS_SIZE "4m" /* room for every etc_files[] copy at ETC_FILE_MAX and more */

enum { ENT_BIND, ENT_BIND_FOLLOW, ENT_SYMLINK, ENT_COPY, ENT_TMPFS, ENT_PROC, ENT_RDONLY };

static const char *const root_dirs[] = { "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
                                         "/libx32" };
/* The /etc subset: what dynamic linking, name lookups and locale need. No secrets. */
static const char *const etc_files[] = { "passwd", "group", "hosts", "nsswitch.conf",
                                         "host.conf", "ld.so.cache", "ld.so.conf",
                                         "ld.so.conf.d", "localtime", "timezone",
                                         "alternatives", "os-release", "mime.types" };
static const char *const dev_nodes[] = { "null", "zero", "full", "random", "urandom", "tty" };
static const char *const dev_links[][2] = { { "fd", "/proc/self/fd" },
                                            { "stdin", "/proc/self/fd/0" },
                                            { "stdout", "/proc/self/fd/1" },
                                            { "stderr", "/proc/self/fd/2" },
                                            { "shm", "/tmp" } };
/* Made read-only inside the fresh /proc (research §3.2 F1). */
static const char *const proc_ro[] = { "sys", "sysrq-trigger", "irq", "bus", "fs", "acpi",
                                       "scsi", "latency_stats", "timer_list", "kcore", "keys" };

static struct cage_bind *add(struct cage_ctx *c, int kind, const char *dst, struct diag *d)
{
        struct cage_bind *b;

        if (c->n_binds >= ARRAY_SIZE(c->binds)) {
                diag_set(d, dst, 0, 0, "too many paths for the cage (at most %d)",
                         CAGE_MAX_PATHS);
                return NULL;
        }
        if (strlen(dst) >= sizeof(b->dst)) {
                diag_set(d, dst, 0, 0, "path too long");
                return NULL;
        }
        b = &c->binds[c->n_binds++];
        *b = (struct cage_bind){ .kind = kind, .fd = -1, .real_fd = -1 };
        memcpy(b->dst, dst, strlen(dst) + 1);
        return b;
}

static int add_target(struct cage_bind *b, const char *target, struct diag *d)
{
        if (strlen(target) >= sizeof(b->target)) {
                diag_set(d, b->dst, 0, 0, "link or option too long");
                return -E2BIG;
        }
        memcpy(b->target, target, strlen(target) + 1);
        return 0;
}

/* A host path, as a symlink copy when it is one, else opened for a bind or a copy. */
static int add_host(struct cage_ctx *c, const char *src, const char *dst, int kind, bool rw,
                    struct diag *d)
{
        struct cage_bind *b;
        struct stat st;
        char link[256];
        ssize_t n;

        if (strlen(src) >= sizeof(b->src))
                return -E2BIG;
        if (lstat(src, &st) < 0)
                return -errno;
        if (S_ISLNK(st.st_mode) && kind != ENT_BIND_FOLLOW) {
                n = readlink(src, link, sizeof(link) - 1);
                if (n < 0)
                        return -errno;
                link[n] = '\0';
                b = add(c, ENT_SYMLINK, dst, d);
                return b ? add_target(b, link, d) : -E2BIG;
        }
        if (kind == ENT_BIND_FOLLOW)
                kind = ENT_BIND;
        if (S_ISLNK(st.st_mode) && stat(src, &st) < 0)
                return -errno;
        if (kind == ENT_COPY && S_ISDIR(st.st_mode))
                kind = ENT_BIND;
        if (kind == ENT_COPY && (!S_ISREG(st.st_mode) || st.st_size > ETC_FILE_MAX))
                return 0;
        b = add(c, kind, dst, d);
        if (!b)
                return -E2BIG;
        b->rw = rw;
        b->is_dir = S_ISDIR(st.st_mode);
        b->dev = st.st_dev;
        b->ino = st.st_ino;
        memcpy(b->src, src, strlen(src) + 1);
        return 0;
}

static int add_fs(struct cage_ctx *c, int kind, const char *dst, const char *opts,
                  struct diag *d)
{
        struct cage_bind *b = add(c, kind, dst, d);

        return b ? add_target(b, opts ? opts : "", d) : -E2BIG;
}

/* `inner` is `outer` or below it (both canonical or both normalised). */
static bool path_below(const char *inner, const char *outer)
{
        size_t n = strlen(outer);

        return strncmp(inner, outer, n) == 0 && (inner[n] == '\0' || inner[n] == '/');
}

/* A read-write directory under the disk quota (CONTRACTS §1): the overlay needs a
 * directory, and the merge needs the real one open before the clone, checked against the
 * inode just found there, so that what the merge writes into is what the cage showed. */
static int add_quota(struct cage_ctx *c, struct cage_bind *b, const char *path,
                     const char *what, struct diag *d)
{
        struct open_how how = { .flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC,
                                .resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS };
        unsigned n = 0;
        struct stat st;

        if (b->kind != ENT_BIND || !b->is_dir) {
                diag_set(d, path, 0, 0, "%s '%s': not a directory (with --disk-quota every "
                         "read-write path must be one)", what, path);
                return -EINVAL;
        }
        b->real_fd = (int)syscall(SYS_openat2, AT_FDCWD, b->src, &how, sizeof(how));
        if (b->real_fd < 0 && errno == ENOSYS)
                b->real_fd = open(b->src, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
        if (b->real_fd < 0) {
                diag_set(d, path, 0, 0, "%s '%s': %s", what, path, strerror(errno));
                return -errno;
        }
        if (fstat(b->real_fd, &st) < 0 || st.st_dev != b->dev || st.st_ino != b->ino) {
                diag_set(d, path, 0, 0, "%s '%s' was replaced while the cage was being built",
                         what, path);
                return -ESTALE;
        }
        for (unsigned i = 0; i + 1 < c->n_binds; i++)
                n += c->binds[i].quota;
        b->quota = true;
        b->quota_idx = n;
        return 0;
}

/* User paths: the workdir at its canonical path; --rw/--ro where the user named them
 * (paths.c), their symlinks resolved here, once. */
static int add_user(struct cage_ctx *c, const char *path, bool rw, const char *what,
                    struct diag *d)
{
        char real[PATH_MAX], named[PATH_MAX];
        bool workdir = streq(what, "workdir");
        int r;

        if (!workdir && cage_user_path(path, c->spec->cwd, named, sizeof(named), d) < 0)
                return -EINVAL;
        /* The workdir's fd, when given, names the directory (its current path, symlink
         * free); the inode check below refuses a swap in between. */
        if (workdir && c->spec->workdir_fd >= 0)
                snprintf(named, sizeof(named), "/proc/self/fd/%d", c->spec->workdir_fd);
        if (!realpath(workdir ? (c->spec->workdir_fd >= 0 ? named : path) : named, real)) {
                r = -errno;
                diag_set(d, path, 0, 0, "%s '%s': %s", what, path, strerror(-r));
                return r;
        }
        if (streq(real, "/")) {
                diag_set(d, path, 0, 0, "%s '%s': the whole root cannot be bound", what, path);
                return -EINVAL;
        }
        if (workdir)
                memcpy(c->workdir, real, strlen(real) + 1);
        r = add_host(c, real, workdir ? real : named, ENT_BIND_FOLLOW, rw, d);
        if (r >= 0 && workdir && c->spec->workdir_fd >= 0) {
                const struct cage_bind *b = &c->binds[c->n_binds - 1];
                struct stat st;

                if (fstat(c->spec->workdir_fd, &st) < 0 || st.st_dev != b->dev ||
                    st.st_ino != b->ino) {
                        diag_set(d, path, 0, 0, "workdir '%s' was replaced while the cage was "
                                 "being built", path);
                        return -ESTALE;
                }
        }
        if (r >= 0 && rw && c->spec->disk_quota_mb)
                r = add_quota(c, &c->binds[c->n_binds - 1], path, what, d);
        if (r < 0 && !d->msg[0])
                diag_set(d, path, 0, 0, "%s '%s': %s", what, path, strerror(-r));
        return r;
}

/* Two quota directories must not overlap: each real directory is one overlay's lower layer
 * and is merged on its own. */
static int quota_overlap(const struct cage_ctx *c, struct diag *d)
{
        for (unsigned i = 0; i < c->n_binds; i++) {
                for (unsigned j = 0; j < c->n_binds; j++) {
                        const struct cage_bind *a = &c->binds[i], *b = &c->binds[j];

                        if (i == j || !a->quota || !b->quota)
                                continue;
                        if (path_below(a->src, b->src) || path_below(a->dst, b->dst)) {
                                diag_set(d, a->dst, 0, 0, "--disk-quota: read-write path '%s' "
                                         "lies in (or is) '%s': with a quota no read-write "
                                         "path may be inside another", a->dst, b->dst);
                                return -EINVAL;
                        }
                }
        }
        return 0;
}

int mount_parent_open(struct cage_ctx *c, struct diag *d)
{
        const struct cage_spec *s = c->spec;
        char dst[64], opts[64];
        int r;

        for (unsigned i = 0; i < ARRAY_SIZE(root_dirs); i++) {
                r = add_host(c, root_dirs[i], root_dirs[i], ENT_BIND, false, d);
                if (r < 0 && r != -ENOENT)
                        goto fail;
        }
        /* A small tmpfs, read-only once the files are in (never a 1777 one of half the RAM). */
        r = add_fs(c, ENT_TMPFS, "/etc", "mode=0755,size=" ETC_TMPFS_SIZE ",nr_inodes=512", d);
        for (unsigned i = 0; r >= 0 && i < ARRAY_SIZE(etc_files); i++) {
                char src[64];

                snprintf(src, sizeof(src), "/etc/%s", etc_files[i]);
                r = add_host(c, src, src, ENT_COPY, false, d);
                if (r == -ENOENT || r == -EACCES)
                        r = 0;
        }
        if (r >= 0)
                r = add_fs(c, ENT_RDONLY, "/etc", NULL, d);
        if (r >= 0)
                r = add_fs(c, ENT_TMPFS, "/dev", "mode=0755,size=64k,nr_inodes=64", d);
        for (unsigned i = 0; r >= 0 && i < ARRAY_SIZE(dev_nodes); i++) {
                snprintf(dst, sizeof(dst), "/dev/%s", dev_nodes[i]);
                r = add_host(c, dst, dst, ENT_BIND, true, d);
                if (r == -ENOENT)
                        r = 0;
        }
        for (unsigned i = 0; r >= 0 && i < ARRAY_SIZE(dev_links); i++) {
                snprintf(dst, sizeof(dst), "/dev/%s", dev_links[i][0]);
                r = add_fs(c, ENT_SYMLINK, dst, dev_links[i][1], d);
        }
        if (r >= 0)
                r = add_fs(c, ENT_RDONLY, "/dev", NULL, d);
        if (r >= 0)
                r = add_fs(c, ENT_PROC, "/proc", NULL, d);
        snprintf(opts, sizeof(opts), "mode=1777,size=%llum,nr_inodes=65536",
                 (unsigned long long)(s->tmp_size_mb ? s->tmp_size_mb : 64));
        if (r >= 0)
                r = add_fs(c, ENT_TMPFS, "/tmp", opts, d);
        if (r < 0)
                goto fail;
        if (s->workdir && (r = add_user(c, s->workdir, true, "workdir", d)) < 0)
                return r;
        for (const char *const *p = s->rw_paths; p && *p; p++)
                if ((r = add_user(c, *p, true, "--rw", d)) < 0)
                        return r;
        for (const char *const *p = s->ro_paths; p && *p; p++)
                if ((r = add_user(c, *p, false, "--ro", d)) < 0)
                        return r;
        return s->disk_quota_mb ? quota_overlap(c, d) : 0;
fail:
        if (!d->msg[0])
                diag_set(d, "mount", 0, 0, "cannot prepare the cage root: %s", strerror(-r));
        return r;
}

/* ---- child half ---------------------------------------------------------------------- */

/* Open every source with the child's own rights, in its new mount namespace, before the
 * tmpfs hides anything: a mount of the parent's namespace cannot be bound from here. The
 * paths are canonical (realpath in the parent): any symlink that appears in them since is
 * refused rather than followed. */
int mount_child_open(struct cage_ctx *c)
{
        for (unsigned i = 0; i < c->n_binds; i++) {
                struct cage_bind *b = &c->binds[i];
                struct open_how how = { .flags = O_CLOEXEC,
                                        .resolve = RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS };
                struct stat st;

                if (b->kind != ENT_BIND && b->kind != ENT_COPY)
                        continue;
                how.flags |= b->kind == ENT_COPY ? O_RDONLY : O_PATH;
                b->fd = (int)syscall(SYS_openat2, AT_FDCWD, b->src, &how, sizeof(how));
                if (b->fd < 0 && errno == ENOSYS)
                        b->fd = open(b->src, (int)how.flags | O_NOFOLLOW);
                if (b->fd < 0)
                        return -errno;
                if (fstat(b->fd, &st) < 0)
                        return -errno;
                if (S_ISDIR(st.st_mode) != b->is_dir || S_ISLNK(st.st_mode) ||
                    st.st_dev != b->dev || st.st_ino != b->ino)
                        return -ESTALE;
        }
        return 0;
}

enum { LAST_FILE, LAST_DIR, LAST_NONE };

/* mkdir -p of a path relative to the new root (dst starts with '/'); the last component
 * becomes a directory, an empty file (a bind target) or nothing (a symlink comes next). */
static int make_parents(const char *dst, int last)
{
        char p[PATH_MAX];
        size_t n = strlen(dst);

        if (n + 2 > sizeof(p))
                return -E2BIG;
        p[0] = '.';
        memcpy(p + 1, dst, n + 1);
        for (char *s = p + 2; *s; s++) {
                if (*s != '/')
                        continue;
                *s = '\0';
                if (mkdir(p, 0755) < 0 && errno != EEXIST)
                        return -errno;
                *s = '/';
        }
        if (last == LAST_NONE)
                return 0;
        if (last == LAST_DIR) {
                if (mkdir(p, 0755) < 0 && errno != EEXIST)
                        return -errno;
        } else {
                struct stat st;
                int fd;

                /* Not opened for writing when it is there: in a quota's overlay that would
                 * copy it up (and count it) for nothing. */
                if (lstat(p, &st) == 0)
                        return 0;
                fd = open(p, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);

                if (fd < 0)
                        return errno == EEXIST ? 0 : -errno;
                close(fd);
        }
        return 0;
}

static unsigned long statvfs_to_ms(unsigned long f)
{
        static const unsigned long map[][2] = {
                { ST_NOSUID, MS_NOSUID },     { ST_NODEV, MS_NODEV },
                { ST_NOEXEC, MS_NOEXEC },     { ST_NOATIME, MS_NOATIME },
                { ST_NODIRATIME, MS_NODIRATIME }, { ST_RELATIME, MS_RELATIME },
                { ST_RDONLY, MS_RDONLY },
        };
        unsigned long ms = 0;

        for (unsigned i = 0; i < ARRAY_SIZE(map); i++)
                if (f & map[i][0])
                        ms |= map[i][1];
        return ms;
}

/* Add flags to a mount (and its submounts where the kernel can). */
static int restrict_mount(const char *path, uint64_t attrs)
{
        struct mount_attr a = { .attr_set = attrs };
        struct statvfs sv;
        unsigned long ms = 0;

        if (syscall(SYS_mount_setattr, AT_FDCWD, path, AT_RECURSIVE, &a, sizeof(a)) == 0)
                return 0;
        if (errno != ENOSYS)
                return -errno;
        /* Old kernels: one remount, keeping the locked flags the source mount has. */
        if (statvfs(path, &sv) < 0)
                return -errno;
        ms = statvfs_to_ms(sv.f_flag);
        if (attrs & MOUNT_ATTR_RDONLY)
                ms |= MS_RDONLY;
        if (attrs & MOUNT_ATTR_NOSUID)
                ms |= MS_NOSUID;
        if (attrs & MOUNT_ATTR_NODEV)
                ms |= MS_NODEV;
        if (attrs & MOUNT_ATTR_NOEXEC)
                ms |= MS_NOEXEC;
        return mount(NULL, path, NULL, MS_REMOUNT | MS_BIND | ms, NULL) < 0 ? -errno : 0;
}

static int do_bind(const struct cage_bind *b, const char *dst)
{
        char src[32];
        uint64_t attrs = MOUNT_ATTR_NOSUID;
        int r;

        r = make_parents(b->dst, b->is_dir ? LAST_DIR : LAST_FILE);
        if (r < 0)
                return r;
        snprintf(src, sizeof(src), "/proc/self/fd/%d", b->fd);
        if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) < 0)
                return -errno;
        if (strncmp(b->dst, "/dev/", 5) == 0)
                attrs |= MOUNT_ATTR_NOEXEC; /* device nodes: keep dev */
        else
                attrs |= MOUNT_ATTR_NODEV;
        if (!b->rw)
                attrs |= MOUNT_ATTR_RDONLY;
        return restrict_mount(dst, attrs);
}

static int do_copy(const struct cage_bind *b, const char *dst)
{
        struct stat st;
        off_t off = 0;
        int out, r = 0;

        if (fstat(b->fd, &st) < 0)
                return -errno;
        out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (out < 0)
                return -errno;
        while (off < st.st_size) {
                ssize_t n = sendfile(out, b->fd, &off, (size_t)(st.st_size - off));

                if (n <= 0) {
                        r = n < 0 ? -errno : 0;
                        break;
                }
        }
        close(out);
        return r;
}

static bool proc_refused; /* child: the kernel refused a fresh /proc (see do_proc) */

bool mount_proc_refused(void)
{
        return proc_refused;
}

static int do_proc(const char *dst)
{
        char p[128];

        if (strlen(dst) > 32)
                return -E2BIG;
        if (mkdir(dst, 0555) < 0 && errno != EEXIST)
                return -errno;
        /* Inside a container whose /proc is partly over-mounted the kernel refuses a new
         * proc (mnt_already_visible): the cage then has an empty /proc, never the host's. */
        if (mount("proc", dst, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0) {
                proc_refused = errno == EPERM;
                return errno == EPERM ? 0 : -errno;
        }
        for (unsigned i = 0; i < ARRAY_SIZE(proc_ro); i++) {
                snprintf(p, sizeof(p), "%s/%s", dst, proc_ro[i]);
                if (access(p, F_OK) < 0)
                        continue;
                if (mount(p, p, NULL, MS_BIND | MS_REC, NULL) < 0)
                        return -errno;
                if (restrict_mount(p, MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID |
                                              MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC) < 0)
                        return -errno;
        }
        return 0;
}

#define DISK_DIR ".akios-disk" /* in the stage, only while the overlays are mounted */

/* The quota's tmpfs: one per cage, every quota directory's upper and work dirs on it, so
 * one size caps them all. Inodes are capped too (tmpfs's own default is half the RAM's
 * pages): one per 4 KiB of quota, at least 1024. */
static int disk_mount(struct cage_ctx *c)
{
        uint64_t mb = c->spec->disk_quota_mb;
        char opts[96], p[64];
        bool any = false;

        for (unsigned i = 0; i < c->n_binds; i++)
                any |= c->binds[i].quota;
        if (!any)
                return 0;
        snprintf(opts, sizeof(opts), "mode=0700,size=%llum,nr_inodes=%llu",
                 (unsigned long long)mb, (unsigned long long)(mb * 256 + 1024));
        if (mkdir(DISK_DIR, 0700) < 0 ||
            mount("tmpfs", DISK_DIR, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, opts) < 0)
                goto refused;
        for (unsigned i = 0; i < c->n_binds; i++) {
                static const char *const sub[] = { "", "/upper", "/work" };

                if (!c->binds[i].quota)
                        continue;
                for (unsigned k = 0; k < ARRAY_SIZE(sub); k++) {
                        snprintf(p, sizeof(p), DISK_DIR "/%u%s", c->binds[i].quota_idx, sub[k]);
                        if (mkdir(p, 0755) < 0)
                                goto refused;
                }
        }
        return 1;
refused:
        c->disk_errno = errno;
        return -EOPNOTSUPP;
}

/* Keep the quota's tmpfs by an fd only (handed to the supervisor, merge.c): once every
 * overlay holds its upper layer the tmpfs is detached, so nothing in the cage can reach the
 * upper layers except through the overlays. */
static int disk_detach(struct cage_ctx *c)
{
        c->disk_fd = open(DISK_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
        if (c->disk_fd < 0)
                return -errno;
        if (umount2(DISK_DIR, MNT_DETACH) < 0 || rmdir(DISK_DIR) < 0)
                return -errno;
        return 0;
}

/* A quota directory: overlayfs with the real directory (the bind source's fd) as the lower
 * layer, never written, and the upper on the quota's tmpfs. userxattr keeps the overlay's
 * own marks in user.overlay.* (no trusted.* in a user namespace; Linux >= 5.11). */
static int do_overlay(struct cage_ctx *c, struct cage_bind *b, const char *dst,
                      const char *stage)
{
        char opts[PATH_MAX];
        int r;

        r = make_parents(b->dst, LAST_DIR);
        if (r < 0)
                return r;
        snprintf(opts, sizeof(opts), "lowerdir=/proc/self/fd/%d,upperdir=%s/" DISK_DIR
                 "/%u/upper,workdir=%s/" DISK_DIR "/%u/work,userxattr", b->fd,
                 streq(stage, "/") ? "" : stage, b->quota_idx, streq(stage, "/") ? "" : stage,
                 b->quota_idx);
        if (mount("overlay", dst, "overlay", MS_NOSUID | MS_NODEV, opts) < 0) {
                c->disk_errno = errno;
                return -EOPNOTSUPP;
        }
        return 0;
}

static int do_entry(struct cage_ctx *c, struct cage_bind *b, const char *stage)
{
        char dst[PATH_MAX + 2];
        int r;

        snprintf(dst, sizeof(dst), ".%s", b->dst);
        switch (b->kind) {
        case ENT_BIND:
                if (b->quota && c->disk_fd == -2) {
                        r = do_overlay(c, b, dst, stage);
                        if (r != -EOPNOTSUPP || !c->spec->none)
                                return r;
                        /* sandbox_required: none: this path without the quota rather than
                         * no run at all (its upper layer stays empty: nothing to merge) */
                        c->layers.disk_quota = false;
                        c->layers.degraded |= CAGE_DEGRADED_DISK;
                }
                return do_bind(b, dst);
        case ENT_SYMLINK:
                r = make_parents(b->dst, LAST_NONE);
                if (r < 0)
                        return r;
                return symlink(b->target, dst) < 0 ? -errno : 0;
        case ENT_COPY:
                return do_copy(b, dst);
        case ENT_TMPFS:
                r = make_parents(b->dst, LAST_DIR);
                if (r < 0)
                        return r;
                return mount("tmpfs", dst, "tmpfs", MS_NOSUID | MS_NODEV, b->target) < 0
                               ? -errno
                               : 0;
        case ENT_PROC:
                return do_proc(dst);
        case ENT_RDONLY:
                return restrict_mount(dst, MOUNT_ATTR_RDONLY);
        default:
                return -EINVAL;
        }
}

/* Where the new root is assembled: any existing directory, hidden by the pivot. */
static const char *stage_dir(void)
{
        static const char *const dirs[] = { "/tmp", "/mnt", "/run", "/var/tmp", "/" };

        for (unsigned i = 0; i < ARRAY_SIZE(dirs); i++)
                if (access(dirs[i], F_OK) == 0)
                        return dirs[i];
        return "/";
}

int mount_child_root(struct cage_ctx *c)
{
        const char *stage = stage_dir();
        int r;

        if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
                return -errno;
        if (mount("tmpfs", stage, "tmpfs", MS_NOSUID | MS_NODEV,
                  "mode=0755,size=8m,nr_inodes=4096") < 0)
                return -errno;
        if (chdir(stage) < 0)
                return -errno;
        /* disk_fd -2: the quota's tmpfs is mounted (the overlays go on it), until detached */
        r = c->layers.disk_quota ? disk_mount(c) : 0;
        if (r > 0)
                c->disk_fd = -2;
        if (r == -EOPNOTSUPP && c->spec->none) {
                /* sandbox_required: none: without the quota rather than not at all */
                c->layers.disk_quota = false;
                c->layers.degraded |= CAGE_DEGRADED_DISK;
                r = 0;
        }
        if (r < 0)
                return r;
        for (unsigned i = 0; i < c->n_binds; i++) {
                r = do_entry(c, &c->binds[i], stage);
                if (r < 0)
                        return r;
        }
        if (c->disk_fd == -2 && (r = disk_detach(c)) < 0)
                return r;
        /* The root itself: read-only, then it replaces the host's. */
        if (mount(NULL, ".", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV,
                  NULL) < 0)
                return -errno;
        if (syscall(SYS_pivot_root, ".", ".") < 0)
                return -errno;
        if (umount2(".", MNT_DETACH) < 0)
                return -errno;
        return chdir("/") < 0 ? -errno : 0;
}

bool mount_entry_is_host(const struct cage_bind *b)
{
        return b->kind == ENT_BIND || b->kind == ENT_COPY;
}
