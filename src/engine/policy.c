/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The policy's floor: what no agent may reach, whatever config.yaml or a workflow says
 * (docs/design/CONTRACTS.md §3, §5). The audit folder (with the signing key, the ledger, the
 * checkpoints and the redaction key), `.env` and `config.yaml` are recorded by device and inode
 * when the run starts. An agent's open fd is then checked: the node itself must not be one of
 * them, and no folder between it and the project folder may be a protected one (found by
 * walking `..` from the fd, which no path spelling, symlink or bind of a root can fool). The
 * lexical checks at validation (config_path_clean) only give the early, positioned error.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "config/config.h"
#include "engine/internal.h"

#define POLICY_MAX_DEPTH 256

static void protect_entries(struct run_state *run, const char *dir);

static void protect(struct run_state *run, const char *path)
{
        struct stat st;

        if (run->n_protected == ARRAY_SIZE(run->protected_nodes) || lstat(path, &st) < 0)
                return;
        run->protected_nodes[run->n_protected++] = (struct protected_node){
                .dev = st.st_dev, .ino = st.st_ino, .dir = S_ISDIR(st.st_mode) };
}

int policy_protect_init(struct run_state *run)
{
        const struct akios_config *c = run->cfg;
        char p[PATH_MAX];
        struct stat st;

        if (stat(run->project_dir, &st) < 0)
                return -errno;
        run->project_dev = st.st_dev;
        run->project_ino = st.st_ino;
        snprintf(p, sizeof(p), "%s/audit", run->project_dir);
        protect(run, p);
        protect_entries(run, p);
        if (c->audit_storage_path[0] == '/')
                snprintf(p, sizeof(p), "%s", c->audit_storage_path);
        else
                snprintf(p, sizeof(p), "%s/%s", run->project_dir, c->audit_storage_path);
        protect(run, p);
        protect_entries(run, p);
        snprintf(p, sizeof(p), "%s/.env", run->project_dir);
        protect(run, p);
        snprintf(p, sizeof(p), "%s/config.yaml", run->project_dir);
        protect(run, p);
        return 0;
}

/* The files of the audit folder too (the key, the ledger, the checkpoints): a hard link of one
 * in an allowed folder is the same inode. */
static void protect_entries(struct run_state *run, const char *dir)
{
        DIR *d = opendir(dir);
        struct dirent *de;
        char p[PATH_MAX];

        while (d && (de = readdir(d)))
                if (!streq(de->d_name, ".") && !streq(de->d_name, "..") &&
                    snprintf(p, sizeof(p), "%s/%s", dir, de->d_name) < (int)sizeof(p))
                        protect(run, p);
        if (d)
                closedir(d);
}

static bool is_protected(const struct run_state *run, const struct stat *st)
{
        for (size_t i = 0; i < run->n_protected; i++)
                if (run->protected_nodes[i].dev == st->st_dev &&
                    run->protected_nodes[i].ino == st->st_ino)
                        return true;
        return false;
}

int policy_fd_allowed(const struct run_state *run, int fd)
{
        _cleanup_close_ int cur = -1;
        struct stat st;

        if (fstat(fd, &st) < 0)
                return -errno;
        if (is_protected(run, &st))
                return -EPERM;
        /* A file hard-linked into an allowed folder is still the same inode: refused above. */
        if (st.st_dev == run->project_dev && st.st_ino == run->project_ino)
                return -EPERM; /* the project folder itself holds the control files */
        cur = openat(fd, S_ISDIR(st.st_mode) ? ".." : ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (cur < 0 && !S_ISDIR(st.st_mode)) {
                /* A file: its folder is not reachable from the fd. Callers open the folder
                 * first, check it here, then the file below it with O_NOFOLLOW. */
                return 0;
        }
        for (int depth = 0; cur >= 0 && depth < POLICY_MAX_DEPTH; depth++) {
                int up;

                if (fstat(cur, &st) < 0)
                        return -errno;
                if (is_protected(run, &st))
                        return -EPERM;
                if (st.st_dev == run->project_dev && st.st_ino == run->project_ino)
                        return 0;
                up = openat(cur, "..", O_PATH | O_DIRECTORY | O_CLOEXEC);
                if (up < 0)
                        return -errno;
                {
                        struct stat ust;

                        if (fstat(up, &ust) == 0 && ust.st_dev == st.st_dev &&
                            ust.st_ino == st.st_ino) {
                                close(up);
                                return -EXDEV; /* reached / without meeting the project */
                        }
                }
                close(cur);
                cur = up;
        }
        return -ELOOP;
}
