/* SPDX-License-Identifier: GPL-3.0-or-later */
/* landlock: path rules on top of the mount namespace, child half (after pivot_root).
 *
 * Read and execute everywhere in the cage; write, create and remove only in /tmp, the
 * workdir and the --rw paths; device files read/write/ioctl under /dev. With net none and
 * ABI >= 4, TCP bind and connect are denied too, and with ABI >= 6 the payload can signal or
 * reach abstract unix sockets only inside its own domain. Without a mount namespace (the
 * floor, floor.c) "everywhere in the cage" would be the host's tree: reads are then allowed
 * only where the binds would have shown something (system dirs, the /etc subset, /dev
 * nodes, /proc, --ro paths), writes only in the workdir and --rw paths, and no /tmp.
 *
 * The rights requested are cut down to what the running kernel's ABI knows. Landlock never
 * replaces the namespaces; a kernel without it leaves the layer off (reported).
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/landlock.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox/internal.h"

/* Debian 12's header stops at ABI 2: the later bits, as the kernel defines them. */
#define LL_FS_TRUNCATE (1ULL << 14)
#define LL_FS_IOCTL_DEV (1ULL << 15)
#define LL_NET_BIND_TCP (1ULL << 0)
#define LL_NET_CONNECT_TCP (1ULL << 1)
#define LL_SCOPE_ABSTRACT_UNIX (1ULL << 0)
#define LL_SCOPE_SIGNAL (1ULL << 1)
#define LL_CREATE_RULESET_VERSION (1U << 0)

struct ll_ruleset_attr {
        uint64_t handled_access_fs;
        uint64_t handled_access_net;
        uint64_t scoped;
};

struct ll_path_beneath {
        uint64_t allowed_access;
        int32_t parent_fd;
} __attribute__((packed));

#define LL_READ (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | \
                 LANDLOCK_ACCESS_FS_READ_DIR)

int landlock_abi_version(void)
{
        long v = syscall(SYS_landlock_create_ruleset, NULL, 0, LL_CREATE_RULESET_VERSION);

        return v < 0 ? 0 : (int)v;
}

static uint64_t fs_mask(int abi)
{
        uint64_t m = (1ULL << 13) - 1; /* ABI 1: EXECUTE .. MAKE_SYM */

        if (abi >= 2)
                m |= LANDLOCK_ACCESS_FS_REFER;
        if (abi >= 3)
                m |= LL_FS_TRUNCATE;
        if (abi >= 5)
                m |= LL_FS_IOCTL_DEV;
        return m;
}

static int allow(int ruleset, const char *path, uint64_t access)
{
        struct ll_path_beneath pb = { .allowed_access = access };
        int r = 0;

        struct stat st;

        pb.parent_fd = open(path, O_PATH | O_CLOEXEC);
        if (pb.parent_fd < 0)
                return errno == ENOENT ? 0 : -errno;
        /* Directory-only rights on a file rule are EINVAL. */
        if (fstat(pb.parent_fd, &st) == 0 && !S_ISDIR(st.st_mode))
                pb.allowed_access &= LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
                                     LANDLOCK_ACCESS_FS_READ_FILE | LL_FS_TRUNCATE |
                                     LL_FS_IOCTL_DEV;
        if (syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &pb, 0) < 0)
                r = -errno;
        close(pb.parent_fd);
        return r;
}

/* In the cage's own root: read everything there is, write the private /tmp and the binds. */
static int cage_rules(struct cage_ctx *c, int fd, uint64_t all, uint64_t dev)
{
        int r = allow(fd, "/", LL_READ);

        if (r >= 0)
                r = allow(fd, "/dev", dev);
        if (r >= 0)
                r = allow(fd, "/proc", dev & ~LL_FS_IOCTL_DEV);
        if (r >= 0)
                r = allow(fd, "/tmp", all);
        for (unsigned i = 0; r >= 0 && i < c->n_binds; i++)
                if (c->binds[i].rw)
                        r = allow(fd, c->binds[i].dst, all);
        return r;
}

/* The floor (floor.c), in the host's tree: each path the binds would have shown, with the
 * rights its bind would have had (read-only, or everything for the workdir, --rw paths and
 * the /dev nodes), /proc read-only; nothing else, not even /tmp. */
static int floor_rules(struct cage_ctx *c, int fd, uint64_t all)
{
        int r = allow(fd, "/proc", LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR);

        for (unsigned i = 0; r >= 0 && i < c->n_binds; i++) {
                const struct cage_bind *b = &c->binds[i];

                if (mount_entry_is_host(b))
                        r = allow(fd, b->dst, b->rw ? all : LL_READ);
        }
        return r;
}

int landlock_child_apply(struct cage_ctx *c)
{
        const struct cage_spec *s = c->spec;
        int abi = c->landlock_abi, fd, r;
        struct ll_ruleset_attr attr = { 0 };
        uint64_t all, dev;
        size_t size = sizeof(uint64_t);

        if (abi <= 0)
                return -EOPNOTSUPP;
        all = fs_mask(abi);
        attr.handled_access_fs = all;
        if (abi >= 4) {
                size = 2 * sizeof(uint64_t);
                if (s->net == CAGE_NET_NONE)
                        attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;
        }
        if (abi >= 6) {
                size = sizeof(attr);
                attr.scoped = LL_SCOPE_ABSTRACT_UNIX | LL_SCOPE_SIGNAL;
        }
        fd = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0);
        if (fd < 0)
                return -errno;
        dev = (LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_WRITE_FILE |
               LL_FS_TRUNCATE | LL_FS_IOCTL_DEV | LANDLOCK_ACCESS_FS_READ_DIR) & all;
        if (c->layers.floor)
                r = floor_rules(c, fd, all);
        else
                r = cage_rules(c, fd, all, dev);
        if (r >= 0 && syscall(SYS_landlock_restrict_self, fd, 0) < 0)
                r = -errno;
        close(fd);
        return r;
}
