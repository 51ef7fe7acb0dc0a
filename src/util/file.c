/* SPDX-License-Identifier: GPL-3.0-or-later */
/* File helpers: capped reads, complete writes, atomic replacement, directory fsync, mkdir -p.
 * Reads never return a silently shortened file: past the cap they fail with -E2BIG.
 */
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "util/util.h"

int read_fd_capped(int fd, size_t max, struct buf *ret)
{
        struct buf b = BUF_INIT(max);
        int r;

        for (;;) {
                ssize_t n;

                r = buf_reserve(&b, 65536 < max - b.len ? 65536 : max - b.len);
                if (r < 0)
                        goto fail;
                if (b.len == max) {
                        char c;

                        n = read(fd, &c, 1);
                        if (n > 0) {
                                r = -E2BIG;
                                goto fail;
                        }
                        if (n < 0 && errno == EINTR)
                                continue;
                        if (n < 0) {
                                r = -errno;
                                goto fail;
                        }
                        break;
                }
                n = read(fd, b.data + b.len, MIN(b.cap - b.len - 1, max - b.len));
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0) {
                        r = -errno;
                        goto fail;
                }
                if (n == 0)
                        break;
                b.len += (size_t)n;
                b.data[b.len] = '\0';
        }
        if (!b.data && (r = buf_reserve(&b, 0)) < 0)
                goto fail;
        buf_free(ret);
        *ret = b;
        return 0;
fail:
        buf_free(&b);
        return r;
}

int read_file_capped(const char *path, size_t max, struct buf *ret)
{
        /* O_NONBLOCK: a FIFO put where a config, workflow or key file belongs must not hang
         * the open; only regular files and character devices are read (-EINVAL otherwise). */
        _cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        struct stat st;

        if (fd < 0)
                return -errno;
        if (fstat(fd, &st) < 0)
                return -errno;
        if (!S_ISREG(st.st_mode) && !S_ISCHR(st.st_mode))
                return -EINVAL;
        if (fcntl(fd, F_SETFL, 0) < 0)
                return -errno;
        return read_fd_capped(fd, max, ret);
}

int write_all(int fd, const void *p, size_t n)
{
        const char *c = p;

        while (n > 0) {
                ssize_t w = write(fd, c, n);

                if (w < 0 && errno == EINTR)
                        continue;
                if (w < 0)
                        return -errno;
                c += w;
                n -= (size_t)w;
        }
        return 0;
}

int fsync_dir_of(const char *path)
{
        char tmp[PATH_MAX];
        _cleanup_close_ int fd = -1;

        if (snprintf(tmp, sizeof(tmp), "%s", path) >= (int)sizeof(tmp))
                return -ENAMETOOLONG;
        fd = open(dirname(tmp), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
                return -errno;
        return fsync(fd) < 0 ? -errno : 0;
}

int write_file_atomic(const char *path, const void *p, size_t n, mode_t mode)
{
        char tmp[PATH_MAX];

        if (snprintf(tmp, sizeof(tmp), "%s.tmp.%d", path, (int)getpid()) >= (int)sizeof(tmp))
                return -ENAMETOOLONG;
        return write_file_via(tmp, path, p, n, mode);
}

int write_file_via(const char *tmp, const char *path, const void *p, size_t n, mode_t mode)
{
        _cleanup_close_ int fd = -1;
        int r;

        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
        if (fd < 0)
                return -errno;
        r = write_all(fd, p, n);
        if (r == 0 && fsync(fd) < 0)
                r = -errno;
        if (r == 0 && rename(tmp, path) < 0)
                r = -errno;
        if (r < 0) {
                unlink(tmp);
                return r;
        }
        return fsync_dir_of(path);
}

int mkdir_p(const char *path, mode_t mode)
{
        char tmp[PATH_MAX];
        size_t len;

        len = (size_t)snprintf(tmp, sizeof(tmp), "%s", path);
        if (len >= sizeof(tmp))
                return -ENAMETOOLONG;
        for (char *p = tmp + 1; *p; p++) {
                if (*p != '/')
                        continue;
                *p = '\0';
                if (mkdir(tmp, mode) < 0 && errno != EEXIST)
                        return -errno;
                *p = '/';
        }
        if (mkdir(tmp, mode) < 0 && errno != EEXIST)
                return -errno;
        return 0;
}

int path_join(char *out, size_t size, const char *a, const char *b)
{
        int n = snprintf(out, size, "%s/%s", a, b);

        return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

int path_in(char out[PATH_MAX], const char *dir, const char *name)
{
        return path_join(out, PATH_MAX, dir, name);
}

int read_key_file(const char *dir, const char *name, char **ret)
{
        char path[PATH_MAX];
        struct buf b = BUF_INIT(4096);
        int r;

        r = path_in(path, dir, name);
        if (r == 0)
                r = read_file_capped(path, 4096, &b);
        if (r < 0)
                return r;
        while (b.len > 0 && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == '\r'))
                b.data[--b.len] = '\0';
        *ret = buf_steal(&b, NULL);
        return *ret ? 0 : -ENOMEM;
}
