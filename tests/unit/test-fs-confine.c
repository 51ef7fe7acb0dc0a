/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filesystem agent's confinement primitive, both paths: openat2(RESOLVE_BENEATH) and the
 * O_NOFOLLOW walk used on kernels without openat2. Every escape must fail, every inside path
 * must open. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "agents/agents.h"

struct case_ {
        const char *rel;
        int flags;
        bool ok;        /* opens (true) or is refused as an escape (false) */
};

static const struct case_ cases[] = {
        { "inside.txt", O_RDONLY, true },
        { "./sub/deep.txt", O_RDONLY, true },
        { "sub/../inside.txt", O_RDONLY, true },     /* stays inside: openat2 allows it */
        { "../outside.txt", O_RDONLY, false },
        { "sub/../../outside.txt", O_RDONLY, false },
        { "/etc/passwd", O_RDONLY, false },
        { "link_out", O_RDONLY, false },              /* symlink to ../outside.txt */
        { "link_abs", O_RDONLY, false },              /* symlink to /etc/passwd */
        { "link_dir/outside.txt", O_RDONLY, false },  /* symlinked directory out */
        { "link_in", O_RDONLY, false },               /* even a symlink that stays inside is
                                                       * refused by the walk; see below */
        { "new.txt", O_WRONLY | O_CREAT, true },
        { "link_dir/new.txt", O_WRONLY | O_CREAT, false },
};

int main(void)
{
        char top[] = "/tmp/akios-confine-XXXXXX", path[512];
        int root;

        if (!mkdtemp(top))
                return 1;
        snprintf(path, sizeof(path), "%s/root", top);
        mkdir(path, 0755);
        snprintf(path, sizeof(path), "%s/root/sub", top);
        mkdir(path, 0755);
        snprintf(path, sizeof(path), "%s/outside.txt", top);
        close(open(path, O_WRONLY | O_CREAT, 0644));
        snprintf(path, sizeof(path), "%s/root/inside.txt", top);
        close(open(path, O_WRONLY | O_CREAT, 0644));
        snprintf(path, sizeof(path), "%s/root/sub/deep.txt", top);
        close(open(path, O_WRONLY | O_CREAT, 0644));
        snprintf(path, sizeof(path), "%s/root/link_out", top);
        ok(symlink("../outside.txt", path) == 0, "symlink " "../outside.txt");
        snprintf(path, sizeof(path), "%s/root/link_abs", top);
        ok(symlink("/etc/passwd", path) == 0, "symlink " "/etc/passwd");
        snprintf(path, sizeof(path), "%s/root/link_dir", top);
        ok(symlink("..", path) == 0, "symlink " "..");
        snprintf(path, sizeof(path), "%s/root/link_in", top);
        ok(symlink("inside.txt", path) == 0, "symlink " "inside.txt");
        snprintf(path, sizeof(path), "%s/root", top);
        root = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);

        for (int walk = 0; walk < 2; walk++) {
                for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                        const struct case_ *c = &cases[i];
                        bool want = c->ok;
                        int fd;

                        /* openat2 follows a symlink that stays beneath the root; the walk
                         * refuses every symlink. "sub/../x" is refused by the walk. */
                        if (!walk && streq(c->rel, "link_in"))
                                want = true;
                        if (walk && streq(c->rel, "sub/../inside.txt"))
                                want = false;
                        fd = fs_open_beneath(root, c->rel, c->flags, 0644, walk);
                        if (want)
                                ok(fd >= 0, "%s: '%s' opens (%d)", walk ? "walk" : "openat2",
                                   c->rel, fd);
                        else
                                ok(fd == -EXDEV || fd == -ELOOP, "%s: '%s' refused as an escape "
                                   "(%d)", walk ? "walk" : "openat2", c->rel, fd);
                        if (fd >= 0)
                                close(fd);
                }
        }
        snprintf(path, sizeof(path), "%s/new.txt", top);
        ok(access(path, F_OK) != 0, "nothing was created outside the root");
        close(root);
        {
                /* Clean up without system(): the tree is small and known. */
                const char *const names[] = { "root/sub/deep.txt", "root/sub", "root/inside.txt",
                                              "root/new.txt", "root/link_out", "root/link_abs",
                                              "root/link_dir", "root/link_in", "root",
                                              "outside.txt", "" };

                for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
                        snprintf(path, sizeof(path), "%s/%s", top, names[i]);
                        if (remove(path) < 0)
                                rmdir(path);
                }
        }
        return done_testing();
}
