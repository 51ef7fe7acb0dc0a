/* SPDX-License-Identifier: GPL-3.0-or-later */
/* merge: a disk quota's changes back into the real directories (CONTRACTS §1, §7).
 *
 * With spec->disk_quota_mb each read-write path of the cage is an overlay (mount.c): the
 * real directory is its lower layer, never written while the cage runs, and everything the
 * payload changes is in an upper directory on one size-capped tmpfs, which the kernel fills
 * up to ENOSPC. The cage's child hands the supervisor an fd on that tmpfs; when the cage has
 * ended (pid 1 gone, so every process of it is dead and nothing can change the upper layer
 * any more) merge_parent_run() applies each upper layer to its real directory:
 *
 * - in a forked child with the payload's uid, gid and no supplementary groups, so the merge
 *   can do nothing the payload could not have done through a plain bind (principle 7: no
 *   privileged operation on a user-writable tree), and what it creates is owned as the
 *   payload's own writes would have been;
 * - through the directory fd the parent opened on each real directory before the clone
 *   (checked against the inode it bound), and below it openat(O_NOFOLLOW | O_DIRECTORY) one
 *   component at a time: a symlink, the payload's or anyone's, is never followed, so the
 *   merge cannot write outside the tree;
 * - a new or changed regular file is written to a temporary name beside it and renamed over
 *   the old one (data with its holes, user.* xattrs and ACLs, mode without set-id bits,
 *   times): a file is never half-merged, but it
 *   is a new inode (the old one's other hard links keep the old data). Where the payload
 *   could write the file but not its directory, the file is rewritten in place instead, as
 *   its own write would have been. A copy-up without a change (opened for writing, same
 *   size, mtime, mode and bytes) is left alone;
 * - a symlink is recreated as a symlink (its target is never looked at); a whiteout (the
 *   overlay's 0:0 character device) deletes the real entry, a whole tree if it was one; an
 *   opaque directory (user.overlay.opaque "y": removed and made anew) first loses every real
 *   entry the upper layer does not have; a directory's mode and times follow the upper one;
 * - a file the payload hard-linked (st_nlink > 1 in the upper layer), a FIFO, socket or
 *   device node is not merged, and named; so is every entry that fails, and the merge goes on
 *   with the others. The mode and times of the --rw directory itself are not merged.
 *
 * The child reports on a pipe: one line per failure ("E '/path': why", the first
 * CAGE_MERGE_MAX_ERRORS; "D <n>" counts the others), then "M <count>".
 * Without that last line (the child died) the whole merge counts as failed. It does not
 * mount, and it never runs while any process of the cage is alive.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "sandbox/internal.h"

#define MERGE_MAX_DEPTH 256
/* CAGE_MERGE_MAX_ERRORS lines of at most PATH_MAX + 300 bytes, and the counts */
#define MERGE_REPORT_MAX (CAGE_MERGE_MAX_ERRORS * (PATH_MAX + 300) + 128)
#define OPAQUE_XATTR "user.overlay.opaque"

struct merge {
        int report;            /* the pipe to the parent */
        char path[PATH_MAX];   /* the entry being merged, as the cage named it */
        size_t len;
        unsigned long long done;
        unsigned tmp_seq;
        unsigned n_failed;
        bool failed;
};

static void fail(struct merge *m, const char *name, const char *why, int err)
{
        char line[PATH_MAX + 300];
        int n;

        m->failed = true;
        if (m->n_failed++ >= CAGE_MERGE_MAX_ERRORS)
                return; /* counted: "D <n>" at the end */
        n = snprintf(line, sizeof(line), "E '%s%s%s': not merged: %s%s%s\n", m->path,
                     name ? "/" : "", name ? name : "", why, err ? ": " : "",
                     err ? strerror(err) : "");
        if (n <= 0)
                return;
        if ((size_t)n >= sizeof(line))
                n = (int)sizeof(line) - 1;
        /* A name may hold a newline or escapes: one line per failure, nothing for a terminal */
        for (int i = 0; i < n - 1; i++)
                if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
                        line[i] = '?';
        line[n - 1] = '\n';
        (void)write_all(m->report, line, (size_t)n);
}

/* Descend into name for messages; false when the path would not fit. */
static bool push(struct merge *m, const char *name, size_t *saved)
{
        size_t n = strlen(name);

        *saved = m->len;
        if (m->len + 1 + n >= sizeof(m->path))
                return false;
        m->path[m->len] = '/';
        memcpy(m->path + m->len + 1, name, n + 1);
        m->len += 1 + n;
        return true;
}

static void pop(struct merge *m, size_t saved)
{
        m->len = saved;
        m->path[saved] = '\0';
}

static int open_dir(int at, const char *name)
{
        return openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

static bool dots(const char *n)
{
        return n[0] == '.' && (!n[1] || (n[1] == '.' && !n[2]));
}

/* Remove at/name whatever it is, a directory with everything below it; -errno. */
static int remove_tree(int at, const char *name, int depth)
{
        DIR *d;
        struct dirent *e;
        int fd, r = 0;

        if (unlinkat(at, name, 0) == 0 || errno == ENOENT)
                return 0;
        if (errno != EISDIR && errno != EPERM)
                return -errno;
        if (depth >= MERGE_MAX_DEPTH)
                return -ELOOP;
        fd = open_dir(at, name);
        if (fd < 0)
                return errno == ENOTDIR ? -EPERM : -errno; /* unlink's EPERM: not a dir */
        d = fdopendir(fd);
        if (!d) {
                close(fd);
                return -ENOMEM;
        }
        while (r >= 0 && (e = readdir(d)))
                if (!dots(e->d_name))
                        r = remove_tree(fd, e->d_name, depth + 1);
        closedir(d);
        if (r >= 0 && unlinkat(at, name, AT_REMOVEDIR) < 0)
                r = -errno;
        return r;
}

/* Only the upper file's data is copied, its holes stay holes: tmpfs charges the quota for
 * allocated pages only, so a sparse file (truncate -s) costs the cage nothing, and writing
 * its holes out as zeros would put up to RLIMIT_FSIZE on the real disk per inode, far past
 * the quota (CONTRACTS §1: what the command writes counts against MB). */
static int copy_data(int in, int out, off_t size)
{
        off_t off = 0;

        while (off < size) {
                off_t end = lseek(in, off, SEEK_DATA);

                if (end < 0 && errno == ENXIO)
                        break; /* a hole up to the end */
                if (end < 0 || (off = end, end = lseek(in, off, SEEK_HOLE)) < 0)
                        return -errno;
                if (end > size)
                        end = size;
                if (lseek(out, off, SEEK_SET) < 0)
                        return -errno;
                while (off < end) {
                        ssize_t n = sendfile(out, in, &off, (size_t)(end - off));

                        if (n < 0)
                                return -errno;
                        if (n == 0)
                                return -EIO; /* the upper file cannot shrink: nothing writes it */
                }
        }
        return ftruncate(out, size) < 0 ? -errno : 0;
}

/* A temporary name in the real directory, unique for this merge. */
static void tmp_name(struct merge *m, char *out, size_t size)
{
        snprintf(out, size, ".akios-merge.%d.%u", (int)getpid(), m->tmp_seq++);
}

/* The real entry `name` is to become a non-directory: a directory there goes first (rename
 * cannot replace one). */
static int clear_dir(int real, const char *name)
{
        struct stat st;

        if (fstatat(real, name, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISDIR(st.st_mode))
                return 0;
        return remove_tree(real, name, 0);
}

/* A file's user.* extended attributes and ACLs follow it; the overlay's own user.overlay.*
 * never do, nor security.* (a new inode gets the label policy gives it; the payload could
 * not set one) or trusted.*. A file that has some is never "unchanged": the merge cannot
 * tell a copy-up that only set one from one that set none (CONTRACTS §1). */
static bool own_xattr(const char *x)
{
        return (strncmp(x, "user.", 5) == 0 && strncmp(x, "user.overlay.", 13) != 0) ||
               strncmp(x, "system.posix_acl_", 17) == 0;
}

static bool has_xattrs(int fd)
{
        char list[4096];
        ssize_t n = flistxattr(fd, list, sizeof(list));

        if (n < 0)
                return errno == ERANGE;
        for (char *x = list; x < list + n; x += strlen(x) + 1)
                if (own_xattr(x))
                        return true;
        return false;
}

static int copy_xattrs(int in, int out)
{
        static char list[65536], val[65536];
        ssize_t n = flistxattr(in, list, sizeof(list));

        if (n < 0)
                return -errno;
        for (char *x = list; x < list + n; x += strlen(x) + 1) {
                ssize_t v;

                if (!own_xattr(x))
                        continue;
                v = fgetxattr(in, x, val, sizeof(val));
                if (v < 0 || fsetxattr(out, x, val, (size_t)v, 0) < 0)
                        return -errno;
        }
        return 0;
}

/* An upper entry the payload left unreadable (chmod 000) is still its own: only this
 * process can reach the detached upper layer, so making it readable there changes nothing
 * the merge writes (the mode merged is the one read before). */
static int open_upper(int up, const char *name, int flags, mode_t mode, mode_t need)
{
        int fd = openat(up, name, flags | O_NOFOLLOW | O_CLOEXEC);

        if (fd >= 0 || errno != EACCES || fchmodat(up, name, (mode & 07777) | need, 0) < 0)
                return fd;
        return openat(up, name, flags | O_NOFOLLOW | O_CLOEXEC);
}

/* The overlay copies a file up when it is opened for writing, written or not: a copy with
 * the real file's size, mtime, mode and bytes is no change, and is left alone (its inode,
 * owner and other hard links with it). */
static bool unchanged(int in, int real, const char *name, const struct stat *st)
{
        static char a[65536], b[65536];
        struct stat rs;
        off_t off = 0;
        bool same = true;
        int fd;

        if (has_xattrs(in) || fstatat(real, name, &rs, AT_SYMLINK_NOFOLLOW) < 0 ||
            !S_ISREG(rs.st_mode) ||
            rs.st_size != st->st_size || (rs.st_mode & 07777) != (st->st_mode & 07777) ||
            rs.st_mtim.tv_sec != st->st_mtim.tv_sec || rs.st_mtim.tv_nsec != st->st_mtim.tv_nsec)
                return false;
        fd = openat(real, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
                return false;
        while (same && off < st->st_size) {
                ssize_t x = pread(in, a, sizeof(a), off), y = pread(fd, b, sizeof(b), off);

                same = x > 0 && x == y && memcmp(a, b, (size_t)x) == 0;
                off += x > 0 ? x : 0;
        }
        close(fd);
        return same;
}

/* Where the payload could write the file but not its directory (no temporary name there),
 * the file is rewritten in place, as the payload's own write would have been: not atomic,
 * and its mode and times follow only when it is ours to set. */
static int write_in_place(int in, int real, const char *name, const struct stat *st)
{
        struct timespec ts[2] = { st->st_atim, st->st_mtim };
        struct stat rs;
        int out, r;

        out = openat(real, name, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (out < 0)
                return -errno;
        if (fstat(out, &rs) < 0 || !S_ISREG(rs.st_mode)) {
                close(out);
                return -EACCES;
        }
        r = ftruncate(out, 0) < 0 ? -errno : copy_data(in, out, st->st_size);
        if (r >= 0)
                r = copy_xattrs(in, out);
        if (r >= 0 && rs.st_uid == geteuid() && (fchmod(out, st->st_mode & 01777) < 0 ||
                                                 futimens(out, ts) < 0))
                r = -errno;
        if (close(out) < 0 && r >= 0)
                r = -errno;
        return r;
}

static void merge_file(struct merge *m, int up, int real, const char *name,
                       const struct stat *st)
{
        struct timespec ts[2] = { st->st_atim, st->st_mtim };
        char tmp[64];
        int in, out, r;

        in = open_upper(up, name, O_RDONLY | O_NONBLOCK, st->st_mode, 0400);
        if (in < 0) {
                fail(m, name, "cannot read the cage's copy", errno);
                return;
        }
        if (unchanged(in, real, name, st)) {
                close(in);
                return;
        }
        tmp_name(m, tmp, sizeof(tmp));
        out = openat(real, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (out < 0 && errno == EACCES) {
                r = write_in_place(in, real, name, st);
                close(in);
                if (r == -ENOENT) /* a new file: its directory is what refused it */
                        fail(m, name, "cannot create it", EACCES);
                else if (r < 0)
                        fail(m, name, "cannot write it", -r);
                else
                        m->done++;
                return;
        }
        if (out < 0) {
                fail(m, name, "cannot create it", errno);
                close(in);
                return;
        }
        r = copy_data(in, out, st->st_size);
        if (r >= 0)
                r = copy_xattrs(in, out);
        if (r >= 0 && fchmod(out, st->st_mode & 01777) < 0)
                r = -errno;
        if (r >= 0 && futimens(out, ts) < 0)
                r = -errno;
        if (close(out) < 0 && r >= 0)
                r = -errno;
        close(in);
        if (r >= 0)
                r = clear_dir(real, name);
        if (r >= 0 && renameat(real, tmp, real, name) < 0)
                r = -errno;
        if (r < 0) {
                (void)unlinkat(real, tmp, 0);
                fail(m, name, "cannot write it", -r);
                return;
        }
        m->done++;
}

static void merge_symlink(struct merge *m, int up, int real, const char *name,
                          const struct stat *st)
{
        struct timespec ts[2] = { st->st_atim, st->st_mtim };
        char target[PATH_MAX], tmp[64];
        ssize_t n = readlinkat(up, name, target, sizeof(target) - 1);
        int r = 0;

        if (n < 0) {
                fail(m, name, "cannot read the cage's symlink", errno);
                return;
        }
        target[n] = '\0';
        tmp_name(m, tmp, sizeof(tmp));
        if (symlinkat(target, real, tmp) < 0) {
                fail(m, name, "cannot create the symlink", errno);
                return;
        }
        (void)utimensat(real, tmp, ts, AT_SYMLINK_NOFOLLOW);
        r = clear_dir(real, name);
        if (r >= 0 && renameat(real, tmp, real, name) < 0)
                r = -errno;
        if (r < 0) {
                (void)unlinkat(real, tmp, 0);
                fail(m, name, "cannot replace it with the symlink", -r);
                return;
        }
        m->done++;
}

static bool is_opaque(int dirfd)
{
        char v[4];
        ssize_t n = fgetxattr(dirfd, OPAQUE_XATTR, v, sizeof(v));

        return n == 1 && v[0] == 'y';
}

static void merge_dir(struct merge *m, int up, int real, bool opaque, int depth);

/* Mode and times of a directory: the payload could set them only on one it owned, so a
 * refusal (EPERM) on another's directory is what its own attempt would have met, and only
 * a real difference is tried at all. */
static void dir_attrs(struct merge *m, int rd, const struct stat *st)
{
        struct timespec ts[2] = { st->st_atim, st->st_mtim };
        struct stat rs;

        if (fstat(rd, &rs) < 0)
                return;
        if ((rs.st_mode & 03777) != (st->st_mode & 03777) &&
            fchmod(rd, st->st_mode & 03777) < 0)
                fail(m, NULL, "cannot set its mode", errno);
        if (rs.st_uid == geteuid() && futimens(rd, ts) < 0)
                fail(m, NULL, "cannot set its times", errno);
}

static void merge_subdir(struct merge *m, int up, int real, const char *name,
                         const struct stat *st, bool opaque, int depth)
{
        struct stat rs;
        int ud, rd;

        if (depth >= MERGE_MAX_DEPTH) {
                fail(m, name, "nested deeper than 256 directories", 0);
                return;
        }
        if (fstatat(real, name, &rs, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(rs.st_mode) &&
            unlinkat(real, name, 0) < 0) {
                fail(m, name, "cannot replace it with a directory", errno);
                return;
        }
        if (mkdirat(real, name, 0700) == 0)
                m->done++;
        else if (errno != EEXIST) {
                fail(m, name, "cannot create the directory", errno);
                return;
        }
        ud = open_upper(up, name, O_RDONLY | O_DIRECTORY, st->st_mode, 0700);
        rd = open_dir(real, name);
        if (ud < 0 || rd < 0) {
                fail(m, name, "cannot open the directory", errno);
        } else {
                size_t saved;

                if (push(m, name, &saved)) {
                        merge_dir(m, ud, rd, opaque || is_opaque(ud), depth + 1);
                        dir_attrs(m, rd, st);
                        pop(m, saved);
                } else {
                        fail(m, name, "path too long", 0);
                }
        }
        if (ud >= 0)
                close(ud);
        if (rd >= 0)
                close(rd);
}

static void merge_entry(struct merge *m, int up, int real, const char *name, bool opaque,
                        int depth)
{
        struct stat st;

        if (fstatat(up, name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
                fail(m, name, "cannot read the cage's entry", errno);
                return;
        }
        if (S_ISCHR(st.st_mode) && st.st_rdev == 0) {
                int r = remove_tree(real, name, 0);

                if (r < 0)
                        fail(m, name, "cannot delete it", -r);
                else
                        m->done++;
        } else if (S_ISDIR(st.st_mode)) {
                merge_subdir(m, up, real, name, &st, opaque, depth);
        } else if (S_ISREG(st.st_mode) && st.st_nlink > 1) {
                fail(m, name, "the command made hard links to it (hard links are not merged)",
                     0);
        } else if (S_ISREG(st.st_mode)) {
                merge_file(m, up, real, name, &st);
        } else if (S_ISLNK(st.st_mode)) {
                merge_symlink(m, up, real, name, &st);
        } else {
                fail(m, name, "a FIFO, socket or device node (special files are not merged)",
                     0);
        }
}

/* In an opaque directory the real entries the upper layer does not have were deleted. */
static void drop_hidden(struct merge *m, int up, int real)
{
        struct dirent *e;
        struct stat st;
        int fd = dup(real);
        DIR *d = fd >= 0 ? fdopendir(fd) : NULL;

        if (!d) {
                if (fd >= 0)
                        close(fd);
                fail(m, NULL, "cannot list the directory", errno);
                return;
        }
        while ((e = readdir(d))) {
                int r;

                if (dots(e->d_name) || fstatat(up, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
                        continue;
                r = remove_tree(real, e->d_name, 0);
                if (r < 0)
                        fail(m, e->d_name, "cannot delete it", -r);
                else
                        m->done++;
        }
        closedir(d);
}

static void merge_dir(struct merge *m, int up, int real, bool opaque, int depth)
{
        struct dirent *e;
        int fd = dup(up);
        DIR *d = fd >= 0 ? fdopendir(fd) : NULL;

        if (!d) {
                if (fd >= 0)
                        close(fd);
                fail(m, NULL, "cannot list the cage's directory", errno);
                return;
        }
        if (opaque)
                drop_hidden(m, up, real);
        while ((e = readdir(d)))
                if (!dots(e->d_name))
                        merge_entry(m, up, real, e->d_name, opaque, depth);
        closedir(d);
}

/* The merge child: the payload's ids, then every quota bind's upper layer. */
static _Noreturn void merge_child(struct cage_ctx *c, int disk_fd, int report)
{
        struct merge m = { .report = report };
        char line[64], up_name[32];

        if (c->host_root && (setgroups(0, NULL) < 0 || setresgid(c->gid, c->gid, c->gid) < 0 ||
                             setresuid(c->uid, c->uid, c->uid) < 0))
                _exit(2);
        (void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
        umask(0);
        for (unsigned i = 0; i < c->n_binds; i++) {
                const struct cage_bind *b = &c->binds[i];
                int up;

                if (!b->quota)
                        continue;
                snprintf(m.path, sizeof(m.path), "%s", b->dst);
                m.len = strlen(m.path);
                snprintf(up_name, sizeof(up_name), "%u/upper", b->quota_idx);
                up = openat(disk_fd, up_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (up < 0) {
                        fail(&m, NULL, "the cage's changes cannot be read", errno);
                        continue;
                }
                merge_dir(&m, up, b->real_fd, is_opaque(up), 0);
                close(up);
        }
        if (m.n_failed > CAGE_MERGE_MAX_ERRORS) {
                snprintf(line, sizeof(line), "D %u\n", m.n_failed - CAGE_MERGE_MAX_ERRORS);
                (void)write_all(report, line, strlen(line));
        }
        snprintf(line, sizeof(line), "M %llu\n", m.done);
        (void)write_all(report, line, strlen(line));
        _exit(m.failed ? 1 : 0);
}

static void keep_lines(struct cage_result *ret, char *text)
{
        unsigned dropped = 0;
        char *save = NULL;

        for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
                if (l[0] == 'M' && l[1] == ' ') {
                        ret->merged = strtoull(l + 2, NULL, 10);
                        continue;
                }
                if (l[0] == 'D' && l[1] == ' ') {
                        dropped += (unsigned)strtoul(l + 2, NULL, 10);
                        continue;
                }
                if (l[0] != 'E' || l[1] != ' ')
                        continue;
                ret->merge_failed = true;
                if (ret->disk_errors.n >= CAGE_MERGE_MAX_ERRORS ||
                    strv_push(&ret->disk_errors, l + 2) < 0)
                        dropped++;
        }
        if (dropped) {
                char *more;

                if (asprintf(&more, "... and %u more entries not merged", dropped) >= 0)
                        (void)strv_push_take(&ret->disk_errors, more);
        }
}

static void usage(int disk_fd, struct cage_result *ret)
{
        struct statfs sf;

        if (fstatfs(disk_fd, &sf) < 0)
                return;
        ret->disk_used_bytes = (uint64_t)(sf.f_blocks - sf.f_bfree) * (uint64_t)sf.f_bsize;
        ret->disk_full = sf.f_bavail == 0 || sf.f_ffree == 0;
}

int merge_parent_run(struct cage_ctx *c, int disk_fd, struct cage_result *ret)
{
        struct buf out = BUF_INIT(MERGE_REPORT_MAX);
        char chunk[4096];
        int p[2], status = 0;
        bool complete, overflow = false;
        pid_t pid;

        usage(disk_fd, ret);
        if (pipe2(p, O_CLOEXEC) < 0)
                return -errno;
        pid = fork();
        if (pid < 0) {
                int e = errno;

                close(p[0]);
                close(p[1]);
                return -e;
        }
        if (pid == 0) {
                close(p[0]);
                merge_child(c, disk_fd, p[1]);
        }
        close(p[1]);
        for (;;) {
                ssize_t n = read(p[0], chunk, sizeof(chunk));

                if (n < 0 && errno == EINTR)
                        continue;
                if (n <= 0)
                        break;
                if (buf_append(&out, chunk, (size_t)n) < 0)
                        overflow = true; /* the child caps its report: not expected */
        }
        close(p[0]);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
        {
                size_t len;
                char *text = buf_steal(&out, &len);

                complete = strstr(text, "M ") == text || strstr(text, "\nM ") != NULL;
                keep_lines(ret, text);
                free(text);
        }
        buf_free(&out);
        if (!complete || overflow || !WIFEXITED(status) || WEXITSTATUS(status) > 1) {
                ret->merge_failed = true;
                (void)strv_push(&ret->disk_errors, "the merge did not finish (its process "
                                "died or could not take the command's uid): what is not "
                                "named above may be missing too");
        }
        return 0;
}
