/* SPDX-License-Identifier: GPL-3.0-or-later */
/* init: the cage's pid 1 as a fresh program image (issue 10, finding 1).
 *
 * The tiny init (init/cage-init.c, built by module.mk) is embedded here with .incbin. The
 * parent half (init_parent_fd) copies it once per process into a sealed memfd, kept for
 * later cages: an fd from before the clone, so the child needs no path to it once its root
 * has been replaced. The child half (init_child_exec) is the last step of the checklist in
 * a pid namespace: it execs the init with only the status socket open beyond 0-2 and the
 * payload's environment, so nothing of the supervisor (its environment, heap, fds) is in
 * the cage's pid 1. In the floor (no namespaces) the init is the payload's parent, not pid 1:
 * it reports the exit status and the CPU ticks of the payload's SIGCHLD, and the supervisor
 * is protected by being non-dumpable and by Landlock's ptrace and signal rules. With some
 * namespaces but no pid namespace the child execs the payload itself (cage.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox/init-msg.h"
#include "sandbox/internal.h"

#ifndef CAGE_INIT_BIN
#error "CAGE_INIT_BIN: the path of the built init (src/sandbox/module.mk)"
#endif
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif
#ifndef MFD_ALLOW_SEALING
#define MFD_ALLOW_SEALING 0x0002U
#endif

extern const unsigned char cage_init_blob[], cage_init_blob_end[];

__asm__(".section .rodata\n"
        ".balign 16\n"
        ".global cage_init_blob\n"
        ".hidden cage_init_blob\n"
        "cage_init_blob:\n"
        ".incbin \"" CAGE_INIT_BIN "\"\n"
        ".global cage_init_blob_end\n"
        ".hidden cage_init_blob_end\n"
        "cage_init_blob_end:\n"
        ".previous\n");

static int init_fd = -1;

static int make_memfd(void)
{
        size_t n = (size_t)(cage_init_blob_end - cage_init_blob), off = 0;
        int fd;

        /* MFD_EXEC says so explicitly where vm.memfd_noexec exists (Linux >= 6.3). */
        fd = memfd_create("akios-cage-init", MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);
        if (fd < 0 && errno == EINVAL)
                fd = memfd_create("akios-cage-init", MFD_CLOEXEC | MFD_ALLOW_SEALING);
        if (fd < 0)
                return -errno;
        while (off < n) {
                ssize_t w = write(fd, cage_init_blob + off, n - off);

                if (w <= 0) {
                        int e = w < 0 ? errno : EIO;

                        close(fd);
                        return -e;
                }
                off += (size_t)w;
        }
        /* Nobody, not even a later bug of ours, can change what pid 1 runs. */
        if (fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE) <
            0) {
                int e = errno;

                close(fd);
                return -e;
        }
        return fd;
}

int init_parent_fd(struct diag *d)
{
        int fd;

        if (init_fd >= 0)
                return init_fd;
        fd = make_memfd();
        if (fd < 0) {
                diag_set(d, "init", 0, 0, "cannot prepare the cage's init (an executable "
                         "memfd): %s%s", strerror(-fd),
                         fd == -EACCES ? " (vm.memfd_noexec=2 forbids it; set it to 0 or 1)"
                                       : "");
                return fd;
        }
        init_fd = fd;
        return fd;
}

int init_child_exec(struct cage_ctx *c)
{
        static char *const empty[] = { NULL };
        char fdnum[16], *argv[CAGE_INIT_MAX_ARGS + 3];
        unsigned n = 0;

        snprintf(fdnum, sizeof(fdnum), "%d", c->status_fd);
        argv[n++] = (char *)CAGE_INIT_ARGV0;
        argv[n++] = fdnum;
        for (char *const *a = c->spec->argv; *a; a++) {
                if (n >= CAGE_INIT_MAX_ARGS + 2)
                        return -E2BIG;
                argv[n++] = *a;
        }
        argv[n] = NULL;
        /* The status socket is the one fd the init keeps (close_fds made everything CLOEXEC). */
        if (fcntl(c->status_fd, F_SETFD, 0) < 0)
                return -errno;
        syscall(SYS_execveat, c->init_fd, "", argv, c->spec->envp ? c->spec->envp : empty,
                AT_EMPTY_PATH);
        return -errno;
}
