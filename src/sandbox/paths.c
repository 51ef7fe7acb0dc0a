/* SPDX-License-Identifier: GPL-3.0-or-later */
/* paths: which --ro/--rw paths the cage accepts, and where they appear in it.
 *
 * A path is bound where the user named it: "./data" run from /home/u is /home/u/data in the
 * cage, even when that is a symlink (its target is resolved once, by mount.c, and bound at
 * the named place; never at the target's own path). The name is normalised lexically, the
 * way a shell's logical `cd` does. The cage's private /proc, /sys and /dev are never replaced
 * by the host's: a path that is, or lies below, one of them (named, or after resolving
 * symlinks) is refused, as is the root itself.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sandbox/internal.h"

static const char *const private_dirs[] = { "/proc", "/sys", "/dev" };

/* Lexical normalisation of an absolute path: no "//", ".", "..", trailing '/'. */
static int normalise(const char *in, char *out, size_t size)
{
        size_t n = 0;

        if (in[0] != '/' || size < 2)
                return -EINVAL;
        out[n++] = '/';
        for (const char *p = in; *p;) {
                const char *e;
                size_t len;

                while (*p == '/')
                        p++;
                if (!*p)
                        break;
                e = strchr(p, '/');
                len = e ? (size_t)(e - p) : strlen(p);
                if (len == 1 && p[0] == '.') {
                        /* nothing */
                } else if (len == 2 && p[0] == '.' && p[1] == '.') {
                        while (n > 1 && out[n - 1] != '/')
                                n--;
                        if (n > 1)
                                n--;
                } else {
                        if (n + (n > 1) + len + 1 > size)
                                return -E2BIG;
                        if (n > 1)
                                out[n++] = '/';
                        memcpy(out + n, p, len);
                        n += len;
                }
                p += len;
        }
        out[n] = '\0';
        return 0;
}

static const char *private_below(const char *path)
{
        for (unsigned i = 0; i < ARRAY_SIZE(private_dirs); i++) {
                size_t n = strlen(private_dirs[i]);

                if (strncmp(path, private_dirs[i], n) == 0 && (path[n] == '\0' || path[n] == '/'))
                        return private_dirs[i];
        }
        return NULL;
}

int cage_user_path(const char *path, const char *cwd, char *out, size_t size, struct diag *d)
{
        char joined[PATH_MAX], real[PATH_MAX];
        const char *bad;
        int n;

        if (!path || !path[0]) {
                diag_set(d, "", 0, 0, "an empty path cannot be bound");
                return -EINVAL;
        }
        if (path[0] == '/')
                n = snprintf(joined, sizeof(joined), "%s", path);
        else if (cwd && cwd[0] == '/')
                n = snprintf(joined, sizeof(joined), "%s/%s", cwd, path);
        else {
                diag_set(d, path, 0, 0, "'%s': a relative path needs a known working directory",
                         path);
                return -EINVAL;
        }
        if (n < 0 || (size_t)n >= sizeof(joined) || normalise(joined, out, size) < 0) {
                diag_set(d, path, 0, 0, "'%s': path too long", path);
                return -E2BIG;
        }
        if (streq(out, "/")) {
                diag_set(d, path, 0, 0, "'%s': the whole root cannot be bound", path);
                return -EINVAL;
        }
        bad = private_below(out);
        if (!bad && realpath(out, real)) {
                if (streq(real, "/")) {
                        diag_set(d, path, 0, 0, "'%s' resolves to the root, which cannot be "
                                 "bound", path);
                        return -EINVAL;
                }
                bad = private_below(real);
        }
        if (bad) {
                diag_set(d, path, 0, 0, "'%s' cannot be bound: the cage has its own private %s "
                         "(binding the host's would replace it)", path, bad);
                return -EINVAL;
        }
        return 0;
}
