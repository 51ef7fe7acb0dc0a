/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sandbox file I/O: the few small, allocation-free reads and writes the cage halves need
 * (cgroup control files, uid maps, /proc/sys). They work in the cloned child, where the heap
 * is a copy and nothing may be left half-done. Not a general file API: see util/ for that.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "sandbox/internal.h"

bool cg_fake_fs;

int cage_write_at(int dirfd, const char *file, const char *s, int flags)
{
        size_t n = strlen(s);
        ssize_t w;
        int fd;

        fd = openat(dirfd, file, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | flags, 0644);
        if (fd < 0)
                return -errno;
        w = write(fd, s, n);
        if (w < 0) {
                int e = errno;
                close(fd);
                return -e;
        }
        if (close(fd) < 0 && errno != EINTR)
                return -errno;
        return (size_t)w == n ? 0 : -EIO;
}

int cage_write_file(const char *path, const char *s)
{
        return cage_write_at(AT_FDCWD, path, s, cg_fake_fs ? O_CREAT | O_TRUNC : 0);
}

/* Read at most size-1 bytes (NUL-terminated); -E2BIG when the file is bigger. */
int cage_read_small(const char *path, char *out, size_t size)
{
        size_t len = 0;
        int fd, r = 0;

        fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
                return -errno;
        for (;;) {
                ssize_t n;

                if (len + 1 >= size) {
                        char c;

                        r = read(fd, &c, 1) > 0 ? -E2BIG : 0;
                        break;
                }
                n = read(fd, out + len, size - 1 - len);
                if (n < 0) {
                        if (errno == EINTR)
                                continue;
                        r = -errno;
                        break;
                }
                if (n == 0)
                        break;
                len += (size_t)n;
        }
        close(fd);
        out[len] = '\0';
        return r < 0 ? r : (int)len;
}
