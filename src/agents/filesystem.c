/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filesystem agent: read, write (append), list, exists, stat, analyze (alias of AKIOS's
 * `analyze` kept as its own action).
 *
 * Every path is confined to the allowed roots (./templates, ./data/input, ./data/output and the
 * step's config.allowed_paths, all under the project): the path must name a root component-wise
 * (./data/input2 is not under ./data/input), and is then opened with openat2(RESOLVE_BENEATH |
 * RESOLVE_NO_MAGICLINKS) relative to that root, so `..` and symlinks cannot leave it (on kernels
 * without openat2: a component-wise walk with O_NOFOLLOW that refuses `..`). Any escape is a
 * policy violation (exit 3). Documents (PDF, DOCX, XLSX, PPTX, ODF, RTF, HTML, e-mail),
 * recognised by content, are turned into text by the caged extractor (src/docs/docs.h) at
 * read time; other binary files fail with "unsupported format" instead of producing garbage.
 */
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <strings.h>
#include <limits.h>
#include <linux/openat2.h>
#include <math.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "agents/agents.h"
#include "config/config.h"
#include "docs/docs.h"
#include "engine/step.h"
#include "workflow/workflow.h"

#define FS_MAX_LIST 100000


struct fs_path {
        int root_fd;            /* the allowed root, O_PATH */
        int dir_fd;             /* the folder holding the target (after open_in) */
        char base[NAME_MAX + 1]; /* the target's last component ("" for the root) */
        char rel[PATH_MAX];     /* path below the root ("." for the root itself) */
        char shown[PATH_MAX];   /* project-relative, for results and messages */
        json_t *doc;            /* a document's metadata (format, pages, ...), else NULL */
};

/* Lexically clean a relative path: drop "." components and duplicate slashes. ".." is kept
 * (the kernel refuses it if it leaves the root). */
static void clean_path(const char *in, char *out, size_t size)
{
        size_t o = 0;

        while (*in && o + 1 < size) {
                while (*in == '/')
                        in++;
                if (in[0] == '.' && (in[1] == '/' || in[1] == '\0')) {
                        in++;
                        continue;
                }
                if (!*in)
                        break;
                if (o)
                        out[o++] = '/';
                while (*in && *in != '/' && o + 1 < size)
                        out[o++] = *in++;
        }
        out[o] = '\0';
}

/* Component-wise walk without following symlinks and refusing "..": the fallback for kernels
 * without openat2 (before 5.6). Every intermediate is opened O_PATH|O_DIRECTORY|O_NOFOLLOW,
 * the last O_NOFOLLOW; a symlink anywhere is -EXDEV. */
static int open_walk(int dirfd, const char *rel, int flags, mode_t mode)
{
        char tmp[PATH_MAX], *save = NULL, *comp, *next;
        int fd, r;

        if (snprintf(tmp, sizeof(tmp), "%s", rel) >= (int)sizeof(tmp))
                return -ENAMETOOLONG;
        if (rel[0] == '/')
                return -EXDEV;
        fd = fcntl(dirfd, F_DUPFD_CLOEXEC, 3);
        if (fd < 0)
                return -errno;
        for (comp = strtok_r(tmp, "/", &save); comp; comp = next) {
                int nfd;

                next = strtok_r(NULL, "/", &save);
                if (streq(comp, "..")) {
                        close(fd);
                        return -EXDEV;
                }
                if (streq(comp, ".") && next)
                        continue;
                nfd = openat(fd, comp, next ? (O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                                            : (flags | O_NOFOLLOW | O_CLOEXEC), mode);
                r = -errno;
                if (nfd < 0 && next && r == -ENOTDIR) {
                        /* A symlink as an intermediate component reads as "not a directory"
                         * under O_NOFOLLOW: tell a symlink from a file. */
                        struct stat st;

                        if (fstatat(fd, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                            S_ISLNK(st.st_mode))
                                r = -EXDEV;
                }
                close(fd);
                if (nfd < 0)
                        return r == -ELOOP ? -EXDEV : r;
                fd = nfd;
        }
        return fd;
}

int fs_open_beneath(int dirfd, const char *rel, int flags, mode_t mode, bool walk)
{
        struct open_how how = { .flags = (uint64_t)(flags | O_CLOEXEC),
                                .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS };
        int fd;

        /* openat2 refuses a mode without O_CREAT (EINVAL), unlike openat. */
        if (flags & O_CREAT)
                how.mode = mode;
        if (walk)
                return open_walk(dirfd, rel, flags, mode);
        fd = (int)syscall(SYS_openat2, dirfd, rel, &how, sizeof(how));
        if (fd < 0 && errno == ENOSYS)
                return open_walk(dirfd, rel, flags, mode);
        return fd < 0 ? -errno : fd;
}

static int open_beneath(int dirfd, const char *rel, int flags, mode_t mode)
{
        return fs_open_beneath(dirfd, rel, flags, mode, false);
}

static bool has_dotdot(const char *clean)
{
        for (const char *p = clean; (p = strstr(p, "..")); p += 2)
                if ((p == clean || p[-1] == '/') && (p[2] == '/' || !p[2]))
                        return true;
        return false;
}

static bool under_root(const char *path, const char *root, const char **rest)
{
        size_t n = strlen(root);

        if (strncmp(path, root, n) != 0 || (path[n] != '/' && path[n] != '\0'))
                return false;
        *rest = path[n] ? path + n + 1 : "";
        return true;
}

/* The roots a step may use: config.yaml's allowed_paths is the ceiling; a step's
 * config.allowed_paths narrows it (every entry must lie inside a ceiling entry), never widens
 * it (docs/design/CONTRACTS.md §5). */
static int collect_roots(const struct akios_config *c, const json_t *config, struct strv *roots,
                         struct diag *d)
{
        const json_t *extra = json_object_get(config, "allowed_paths"), *v;
        size_t i;
        int r;

        if (!extra) {
                for (i = 0; i < c->allowed_paths.n; i++)
                        if ((r = strv_push(roots, c->allowed_paths.v[i])) < 0)
                                return r;
                return 0;
        }
        if (!json_is_array(extra)) {
                diag_set(d, NULL, 0, 0, "config.allowed_paths must be a list");
                return -EINVAL;
        }
        json_array_foreach(extra, i, v) {
                _cleanup_free_ char *clean = NULL;
                const char *why, *rest;
                bool inside = false;

                if (!json_is_string(v)) {
                        diag_set(d, NULL, 0, 0, "config.allowed_paths entries must be strings");
                        return -EINVAL;
                }
                clean = strdup(json_string_value(v));
                if (!clean)
                        return -ENOMEM;
                why = config_path_clean(clean);
                if (why) {
                        diag_set(d, NULL, 0, 0, "allowed path '%s' %s", json_string_value(v), why);
                        return -EPERM;
                }
                for (size_t k = 0; k < c->allowed_paths.n && !inside; k++)
                        inside = under_root(clean, c->allowed_paths.v[k], &rest);
                if (!inside) {
                        diag_set(d, NULL, 0, 0, "allowed path '%s' is not inside config.yaml's "
                                 "allowed_paths; a workflow can only narrow them",
                                 json_string_value(v));
                        return -EPERM;
                }
                r = strv_push(roots, clean);
                if (r < 0)
                        return r;
        }
        return 0;
}

/* The records of the run folder that no step may write. */
static bool is_run_record(const char *rel_in_run)
{
        return streq(rel_in_run, "output.json") || streq(rel_in_run, "audit-proof.json");
}

/* Map a path parameter to (root fd, relative path). Paths are normalised first, then a path
 * under data/output/ is mapped into this run's folder (as in AKIOS). */
static int resolve(struct step_ctx *ctx, const char *path, struct fs_path *fp)
{
        const char *project = step_project_dir(ctx), *rest = NULL, *rel = path;
        struct strv roots = { 0 };
        char clean[PATH_MAX], rootpath[PATH_MAX];
        struct diag d = { 0 };
        int r;

        if (!path)
                return step_fail(ctx, EXIT_USAGE, EINVAL, "'path' must be a string");
        if (path[0] == '/' && !under_root(path, project, &rel))
                return step_fail(ctx, EXIT_POLICY, EPERM, "path '%s' is outside the allowed folders",
                                 path);
        if (strlen(rel) >= sizeof(clean))
                return step_fail(ctx, EXIT_USAGE, ENAMETOOLONG, "path '%s' is too long", path);
        clean_path(rel, clean, sizeof(clean));
        if (has_dotdot(clean))
                return step_fail(ctx, EXIT_POLICY, EPERM, "path '%s' leaves its folder ('..')", path);
        if (under_root(clean, "data/output", &rest) && step_run_id(ctx)) {
                char mapped[PATH_MAX];

                if (is_run_record(rest))
                        return step_fail(ctx, EXIT_POLICY, EPERM, "'%s' is the run's own record; no "
                                         "step may write or replace it", path);
                if (snprintf(mapped, sizeof(mapped), "data/output/%s%s%s", step_run_id(ctx),
                             *rest ? "/" : "", rest) >= (int)sizeof(mapped))
                        return step_fail(ctx, EXIT_USAGE, ENAMETOOLONG, "path '%s' is too long", path);
                snprintf(clean, sizeof(clean), "%s", mapped);
        }
        rest = NULL;
        r = collect_roots(step_policy(ctx), ctx->config, &roots, &d);
        if (r < 0) {
                strv_free(&roots);
                return step_fail(ctx, r == -EPERM ? EXIT_POLICY : EXIT_USAGE, -r, "%s", d.msg);
        }
        for (size_t i = 0; i < roots.n && !rest; i++)
                if (under_root(clean, roots.v[i], &rest))
                        snprintf(rootpath, sizeof(rootpath), "%s", roots.v[i]);
        strv_free(&roots);
        if (!rest)
                return step_fail(ctx, EXIT_POLICY, EPERM, "path '%s' is outside the allowed folders "
                                 "(config.yaml's allowed_paths, or the step's narrower list)",
                                 path);
        {
                _cleanup_close_ int pfd = open(project, O_PATH | O_DIRECTORY | O_CLOEXEC);

                if (pfd < 0)
                        return step_fail(ctx, EXIT_FAIL, errno, "cannot open the project folder");
                fp->root_fd = open_beneath(pfd, rootpath, O_PATH | O_DIRECTORY, 0);
        }
        if (fp->root_fd == -EXDEV || fp->root_fd == -ELOOP)
                return step_fail(ctx, EXIT_POLICY, EPERM, "allowed folder '%s' leaves the project "
                                 "(symlink)", rootpath);
        if (fp->root_fd < 0)
                return step_fail(ctx, EXIT_FAIL, -fp->root_fd, "cannot open '%s': %s", rootpath,
                                 strerror(-fp->root_fd));
        /* The root itself may be a symlink inside the project (workflows/up -> ..): what it
         * is, not how it is spelt, decides. */
        r = step_open_checked(ctx, fp->root_fd, rootpath);
        if (r < 0)
                return r;
        snprintf(fp->rel, sizeof(fp->rel), "%s", *rest ? rest : ".");
        snprintf(fp->shown, sizeof(fp->shown), "%s", path);
        return 0;
}

static int escape_error(struct step_ctx *ctx, struct fs_path *fp, int fd, const char *what)
{
        if (fd == -EXDEV || fd == -ELOOP)
                return step_fail(ctx, EXIT_POLICY, EPERM, "path '%s' escapes its allowed folder (via "
                                 "'..' or a symlink)", fp->shown);
        if (fd == -ENXIO)
                return step_fail(ctx, EXIT_FAIL, ENXIO, "'%s' is not a regular file", fp->shown);
        return step_fail(ctx, EXIT_FAIL, -fd, "cannot %s '%s': %s", what, fp->shown, strerror(-fd));
}

/* Open the folder that holds the target (checked against the protected set), and leave the
 * target's last component in fp->base. The target "." is the root itself. */
static int open_parent(struct step_ctx *ctx, struct fs_path *fp)
{
        char dir[PATH_MAX];
        const char *slash = strrchr(fp->rel, '/');
        int r;

        if (streq(fp->rel, ".")) {
                snprintf(dir, sizeof(dir), ".");
                fp->base[0] = '\0';
        } else if (slash) {
                snprintf(dir, sizeof(dir), "%.*s", (int)(slash - fp->rel), fp->rel);
                if (strlen(slash + 1) >= sizeof(fp->base))
                        return step_fail(ctx, EXIT_USAGE, ENAMETOOLONG, "a name in '%s' is too long",
                                         fp->shown);
                memcpy(fp->base, slash + 1, strlen(slash + 1) + 1);
        } else {
                snprintf(dir, sizeof(dir), ".");
                if (strlen(fp->rel) >= sizeof(fp->base))
                        return step_fail(ctx, EXIT_USAGE, ENAMETOOLONG, "a name in '%s' is too long",
                                         fp->shown);
                memcpy(fp->base, fp->rel, strlen(fp->rel) + 1);
        }
        fp->dir_fd = open_beneath(fp->root_fd, dir, O_RDONLY | O_DIRECTORY | O_NONBLOCK, 0);
        if (fp->dir_fd < 0)
                return escape_error(ctx, fp, fp->dir_fd, "open");
        r = step_open_checked(ctx, fp->dir_fd, fp->shown);
        return r < 0 ? r : 0;
}

/* Open the target itself without following a symlink or blocking on a FIFO or device, and
 * check it: a protected node is refused whatever name it has. */
static int open_in(struct step_ctx *ctx, struct fs_path *fp, int flags, mode_t mode)
{
        int fd, r;

        if ((r = open_parent(ctx, fp)) < 0)
                return r;
        if (!fp->base[0])
                fd = openat(fp->dir_fd, ".", flags | O_NONBLOCK | O_CLOEXEC, mode);
        else
                fd = openat(fp->dir_fd, fp->base, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
                            mode);
        if (fd < 0 && (errno == ENOTDIR || errno == ELOOP) && fp->base[0]) {
                struct stat lst;

                /* O_DIRECTORY|O_NOFOLLOW on a symlink says "not a directory": an escape. */
                if (fstatat(fp->dir_fd, fp->base, &lst, AT_SYMLINK_NOFOLLOW) == 0 &&
                    S_ISLNK(lst.st_mode))
                        errno = ELOOP;
        }
        if (fd < 0)
                return escape_error(ctx, fp, errno == ELOOP ? -EXDEV : -errno, "open");
        r = step_open_checked(ctx, fd, fp->shown);
        if (r < 0) {
                close(fd);
                return r;
        }
        return fd;
}

static const char *path_param(struct step_ctx *ctx)
{
        return json_string_value(json_object_get(ctx->params, "path"));
}

static size_t max_bytes(struct step_ctx *ctx)
{
        return (size_t)step_policy(ctx)->max_file_size_mb << 20;
}

/* Recognise formats we do not read as text, by content (magic bytes), never by name. */
static const char *binary_format(const char *path, const char *data, size_t len)
{
        static const struct { const char *ext, *magic, *name; size_t mlen; } formats[] = {
                { ".pdf", "%PDF-", "PDF", 5 },
                { ".docx", "PK\3\4", "Office/ZIP", 4 },
                { ".xlsx", "PK\3\4", "Office/ZIP", 4 },
                { ".pptx", "PK\3\4", "Office/ZIP", 4 },
                { ".zip", "PK\3\4", "ZIP", 4 },
                { ".doc", "\xd0\xcf\x11\xe0", "legacy Office", 4 },
                { ".png", "\x89PNG", "PNG", 4 },
                { ".jpg", "\xff\xd8\xff", "JPEG", 3 },
                { ".gz", "\x1f\x8b", "gzip", 2 },
        };
        for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
                if (len >= formats[i].mlen && memcmp(data, formats[i].magic,
                                                     formats[i].mlen) == 0)
                        return formats[i].name;
        if (memchr(data, '\0', len))
                return "binary";
        return NULL;
}

static void fs_path_close(struct fs_path *fp)
{
        if (fp->root_fd >= 0)
                close(fp->root_fd);
        if (fp->dir_fd >= 0)
                close(fp->dir_fd);
        fp->root_fd = fp->dir_fd = -1;
        json_decref(fp->doc);
        fp->doc = NULL;
}

/* A document: its text replaces the bytes in b, its metadata goes to fp->doc. The parsing
 * happens in the cage (docs_extract), never here. */
static int read_document(struct step_ctx *ctx, struct fs_path *fp, int fd, struct buf *b)
{
        const struct akios_config *c = step_policy(ctx);
        struct docs_result res = { 0 };
        struct docs_limits l;
        struct diag d = { 0 };
        int r, exit_code;

        docs_limits_defaults(&l);
        l.memory_mb = (uint64_t)c->memory_limit_mb;
        l.cpu_fraction = c->cpu_limit;
        l.strict = c->sandbox_required == SANDBOX_STRICT;
        r = docs_extract(fd, &l, &res, &exit_code, &d);
        if (r < 0)
                return step_fail(ctx, exit_code, -r, "cannot read '%s' as a document: %s",
                                 fp->shown, d.msg);
        buf_free(b);
        b->data = TAKE_PTR(res.text);
        b->len = res.text_len;
        fp->doc = TAKE_PTR(res.meta);
        json_object_set_new(ctx->detail, "extract", TAKE_PTR(res.cage));
        docs_result_free(&res);
        return 0;
}

#define FS_PATH_INIT { .root_fd = -1, .dir_fd = -1 }
#define _cleanup_fspath_ __attribute__((cleanup(fs_path_close)))

/* Resolve the step's path and read the whole regular file (capped by max_file_size_mb). */
static int read_confined(struct step_ctx *ctx, struct fs_path *fp, struct buf *b,
                         struct stat *st)
{
        _cleanup_close_ int fd = -1;
        int r;

        if ((r = resolve(ctx, path_param(ctx), fp)) < 0)
                return r;
        if ((fd = open_in(ctx, fp, O_RDONLY, 0)) < 0)
                return fd;
        if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode))
                return step_fail(ctx, EXIT_FAIL, EISDIR, "'%s' is not a regular file", fp->shown);
        r = read_fd_capped(fd, max_bytes(ctx), b);
        if (r == -E2BIG)
                return step_fail(ctx, EXIT_POLICY, E2BIG, "'%s' is larger than max_file_size_mb (%ld MB)",
                                 fp->shown, step_policy(ctx)->max_file_size_mb);
        if (r < 0)
                return step_fail(ctx, EXIT_FAIL, -r, "cannot read '%s': %s", fp->shown, strerror(-r));
        return docs_sniff(b->data, b->len) != DOCS_TEXT ? read_document(ctx, fp, fd, b) : 0;
}

static int fs_read(struct step_ctx *ctx, json_t **ret)
{
        _cleanup_fspath_ struct fs_path fp = FS_PATH_INIT;
        _cleanup_free_ char *red = NULL;
        struct buf b = BUF_INIT(0);
        const char *fmt;
        struct stat st;
        size_t red_len;
        int r;

        {
                /* AKIOS's `encoding`: akios reads UTF-8 text only; another one is refused,
                 * not ignored. */
                const char *enc = json_string_value(json_object_get(ctx->params, "encoding"));

                if (json_object_get(ctx->params, "encoding") &&
                    (!enc || (strcasecmp(enc, "utf-8") && strcasecmp(enc, "utf8"))))
                        return step_fail(ctx, EXIT_USAGE, EINVAL, "encoding '%s' is not supported: akios "
                                         "reads UTF-8 text (encoding: utf-8)", enc ? enc : "?");
        }
        if ((r = read_confined(ctx, &fp, &b, &st)) < 0)
                return r;
        fmt = fp.doc ? NULL : binary_format(fp.shown, b.data, b.len);
        if (fmt) {
                buf_free(&b);
                return step_fail(ctx, EXIT_FAIL, ENOTSUP, "unsupported format: '%s' is %s, and akios "
                                 "reads text files only", fp.shown, fmt);
        }
        r = step_redact(ctx, REDACT_SITE_INPUT, b.data, b.len, &red, &red_len);
        buf_free(&b);
        if (r < 0)
                return r;
        *ret = json_pack("{s:s%,s:I,s:s,s:s,s:s}", "content", red, red_len,
                         "size", (json_int_t)st.st_size, "path", fp.shown, "encoding", "utf-8",
                         "file_type", fp.doc ? json_string_value(json_object_get(fp.doc,
                                                                                 "format")) ?:
                                                       "document" : "text");
        if (*ret && fp.doc)
                json_object_set(*ret, "metadata", fp.doc);
        if (!*ret)
                return step_fail(ctx, EXIT_FAIL, EILSEQ, "unsupported format: '%s' is not UTF-8 text",
                                 fp.shown);
        return 0;
}

/* The old content for an append: the existing regular file's bytes ("" when there is none).
 * Anything but a regular file at the name (a FIFO, a folder, a symlink) is refused. */
static int old_content(struct step_ctx *ctx, struct fs_path *fp, bool append, struct buf *b)
{
        _cleanup_close_ int fd = openat(fp->dir_fd, fp->base,
                                        O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        struct stat st;
        int r;

        if (fd < 0 && errno == ENOENT)
                return 0;
        if (fd < 0)
                return escape_error(ctx, fp, errno == ELOOP ? -EXDEV : -errno, "open");
        if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
                return step_fail(ctx, EXIT_FAIL, EISDIR, "'%s' exists and is not a regular file",
                                 fp->shown);
        if ((r = step_open_checked(ctx, fd, fp->shown)) < 0)
                return r;
        if (!append)
                return 0;
        r = read_fd_capped(fd, max_bytes(ctx), b);
        if (r == -E2BIG)
                return step_fail(ctx, EXIT_POLICY, E2BIG, "'%s' is already larger than max_file_size_mb "
                                 "(%ld MB)", fp->shown, step_policy(ctx)->max_file_size_mb);
        return r < 0 ? step_fail(ctx, EXIT_FAIL, -r, "cannot read '%s': %s", fp->shown, strerror(-r))
                     : 0;
}

/* Write old + new to a temporary file beside the target, make it durable, then rename it over
 * the target: a refused or failed write leaves the old file whole. */
static int replace_file(struct step_ctx *ctx, struct fs_path *fp, const struct buf *old,
                        const char *data, size_t len)
{
        char tmp[NAME_MAX + 1];
        _cleanup_close_ int fd = -1;
        int r;

        if (snprintf(tmp, sizeof(tmp), ".%.200s.akios-tmp.%d", fp->base, (int)getpid()) >=
            (int)sizeof(tmp))
                return step_fail(ctx, EXIT_USAGE, ENAMETOOLONG, "file name of '%s' is too long",
                                 fp->shown);
        fd = openat(fp->dir_fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0)
                return step_fail(ctx, EXIT_FAIL, errno, "cannot write '%s': %s", fp->shown,
                                 strerror(errno));
        r = write_all(fd, old->data ? old->data : "", old->len);
        if (r == 0)
                r = write_all(fd, data, len);
        if (r == 0 && fsync(fd) < 0)
                r = -errno;
        if (r == 0 && renameat(fp->dir_fd, tmp, fp->dir_fd, fp->base) < 0)
                r = -errno;
        if (r == 0 && fsync(fp->dir_fd) < 0)
                r = -errno;
        if (r < 0) {
                unlinkat(fp->dir_fd, tmp, 0);
                return step_fail(ctx, EXIT_FAIL, -r, "cannot write '%s': %s", fp->shown, strerror(-r));
        }
        return 0;
}

static int fs_write(struct step_ctx *ctx, json_t **ret)
{
        const json_t *content = json_object_get(ctx->params, "content");
        const char *mode = json_string_value(json_object_get(ctx->params, "mode"));
        bool append = json_is_true(json_object_get(ctx->params, "append")) ||
                      (mode && (streq(mode, "a") || streq(mode, "append")));
        _cleanup_fspath_ struct fs_path fp = FS_PATH_INIT;
        _cleanup_free_ char *red = NULL, *dumped = NULL;
        struct buf old = BUF_INIT(0);
        const char *text;
        size_t len, red_len;
        int r;

        if (json_is_string(content)) {
                text = json_string_value(content);
                len = json_string_length(content);
        } else {
                dumped = json_dumps(content, JSON_INDENT(2) | JSON_ENCODE_ANY);
                if (!dumped)
                        return -ENOMEM;
                text = dumped;
                len = strlen(dumped);
        }
        if ((r = resolve(ctx, path_param(ctx), &fp)) < 0)
                return r;
        if ((r = open_parent(ctx, &fp)) < 0)
                return r;
        if (!fp.base[0])
                return step_fail(ctx, EXIT_FAIL, EISDIR, "'%s' is a folder", fp.shown);
        r = step_redact(ctx, REDACT_SITE_INPUT, text, len, &red, &red_len);
        if (r < 0)
                return r;
        r = old_content(ctx, &fp, append, &old);
        if (r == 0 && old.len + red_len > max_bytes(ctx))
                r = step_fail(ctx, EXIT_POLICY, E2BIG, "writing %zu bytes to '%s' would pass "
                              "max_file_size_mb (%ld MB); the file was not changed", red_len,
                              fp.shown, step_policy(ctx)->max_file_size_mb);
        if (r == 0)
                r = replace_file(ctx, &fp, &old, red, red_len);
        buf_free(&old);
        if (r < 0)
                return r;
        *ret = json_pack("{s:s,s:I,s:b,s:s%}", "path", fp.shown, "bytes_written",
                         (json_int_t)red_len, "append", append, "content", red, red_len);
        return *ret ? 0 : -ENOMEM;
}

static const char *type_name(mode_t m)
{
        return S_ISREG(m) ? "file" : S_ISDIR(m) ? "directory" : S_ISLNK(m) ? "symlink" : "other";
}

/* A file name as JSON text: names are bytes, not always UTF-8. A name that is not valid UTF-8
 * is written with each byte of a broken sequence as \xNN (and marked), never dropped. */
static json_t *name_json(const char *name, bool *ret_escaped)
{
        json_t *j = json_string(name);
        struct buf b = BUF_INIT(4 * NAME_MAX + 1);

        *ret_escaped = false;
        if (j)
                return j;
        for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
                bool plain = *p < 0x80 && *p != '\\';

                if (plain ? buf_append(&b, (const char *)p, 1) < 0
                          : buf_printf(&b, "\\x%02x", *p) < 0) {
                        buf_free(&b);
                        return NULL;
                }
        }
        j = json_stringn(b.data, b.len);
        buf_free(&b);
        *ret_escaped = true;
        return j;
}

static int cmp_names(const void *a, const void *b)
{
        return strcmp(json_string_value(json_object_get(*(json_t *const *)a, "name")),
                      json_string_value(json_object_get(*(json_t *const *)b, "name")));
}

static int fs_list(struct step_ctx *ctx, json_t **ret)
{
        _cleanup_fspath_ struct fs_path fp = FS_PATH_INIT;
        _cleanup_close_ int fd = -1;
        json_t **items = NULL, *arr;
        const json_t *pat = json_object_get(ctx->params, "pattern");
        const char *pattern = json_string_value(pat);
        size_t n = 0;
        struct dirent *de;
        DIR *dir;
        int r = 0;

        if (pat && !json_is_null(pat) && (!pattern || !*pattern))
                return step_fail(ctx, EXIT_USAGE, EINVAL, "'pattern' must be a non-empty glob string");
        if ((r = resolve(ctx, path_param(ctx), &fp)) < 0)
                return r;
        if ((fd = open_in(ctx, &fp, O_RDONLY | O_DIRECTORY, 0)) < 0)
                return fd;
        dir = fdopendir(fd);
        if (!dir)
                return step_fail(ctx, EXIT_FAIL, errno, "cannot list '%s'", fp.shown);
        fd = -1;
        while ((de = readdir(dir))) {
                struct stat st;
                json_t **grown, *name, *item;
                bool escaped;

                if (streq(de->d_name, ".") || streq(de->d_name, ".."))
                        continue;
                /* AKIOS documents `pattern` (a shell glob on the names) but ignores it; here
                 * it filters. */
                if (pattern && fnmatch(pattern, de->d_name, 0) != 0)
                        continue;
                if (n == FS_MAX_LIST) {
                        r = step_fail(ctx, EXIT_FAIL, E2BIG, "'%s' has more than %d entries", fp.shown,
                                      FS_MAX_LIST);
                        goto out;
                }
                if (fstatat(dirfd(dir), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
                        memset(&st, 0, sizeof(st)); /* gone meanwhile: listed as "other" */
                grown = realloc(items, (n + 1) * sizeof(*items));
                if (!grown) {
                        r = -ENOMEM;
                        goto out;
                }
                items = grown;
                name = name_json(de->d_name, &escaped);
                item = name ? json_pack("{s:o,s:s,s:I}", "name", name, "type",
                                        type_name(st.st_mode), "size", (json_int_t)st.st_size)
                            : NULL;
                if (!item) {
                        r = -ENOMEM;
                        goto out;
                }
                if (escaped)
                        json_object_set_new(item, "name_escaped", json_true());
                items[n++] = item;
        }
        if (n)
                qsort(items, n, sizeof(*items), cmp_names);
        arr = json_array();
        for (size_t i = 0; i < n; i++)
                json_array_append_new(arr, items[i]);
        n = 0;
        *ret = json_pack("{s:o,s:I,s:s}", "items", arr, "count", (json_int_t)json_array_size(arr),
                         "path", fp.shown);
        r = *ret ? 0 : -ENOMEM;
out:
        for (size_t i = 0; i < n; i++)
                json_decref(items[i]);
        free(items);
        closedir(dir);
        return r;
}

static int fs_stat_common(struct step_ctx *ctx, bool exists_only, json_t **ret)
{
        _cleanup_fspath_ struct fs_path fp = FS_PATH_INIT;
        _cleanup_close_ int fd = -1;
        struct stat st;
        int r;

        if ((r = resolve(ctx, path_param(ctx), &fp)) < 0)
                return r;
        if ((r = open_parent(ctx, &fp)) < 0) {
                if (exists_only && fp.dir_fd == -ENOENT) {
                        ctx->exit_code = EXIT_OK;
                        ctx->err.msg[0] = '\0';
                        *ret = json_pack("{s:b,s:s}", "exists", 0, "path", fp.shown);
                        return *ret ? 0 : -ENOMEM;
                }
                return r;
        }
        fd = fp.base[0] ? openat(fp.dir_fd, fp.base, O_PATH | O_NOFOLLOW | O_CLOEXEC)
                        : openat(fp.dir_fd, ".", O_PATH | O_CLOEXEC);
        if (fd < 0 && errno == ENOENT && exists_only) {
                *ret = json_pack("{s:b,s:s}", "exists", 0, "path", fp.shown);
                return *ret ? 0 : -ENOMEM;
        }
        if (fd < 0)
                return step_fail(ctx, EXIT_FAIL, errno, "cannot stat '%s': %s", fp.shown,
                                 strerror(errno));
        if ((r = step_open_checked(ctx, fd, fp.shown)) < 0)
                return r;
        if (fstat(fd, &st) < 0)
                return step_fail(ctx, EXIT_FAIL, errno, "cannot stat '%s'", fp.shown);
        if (exists_only)
                *ret = json_pack("{s:b,s:s,s:s}", "exists", 1, "path", fp.shown, "type",
                                 type_name(st.st_mode));
        else
                *ret = json_pack("{s:s,s:I,s:s,s:s,s:I}", "path", fp.shown, "size",
                                 (json_int_t)st.st_size, "type", type_name(st.st_mode), "mode",
                                 "", "mtime", (json_int_t)st.st_mtime);
        if (*ret && !exists_only) {
                char mode[8];

                snprintf(mode, sizeof(mode), "%04o", (unsigned)(st.st_mode & 07777));
                json_object_set_new(*ret, "mode", json_string(mode));
        }
        return *ret ? 0 : -ENOMEM;
}

static int fs_exists(struct step_ctx *ctx, json_t **ret)
{
        return fs_stat_common(ctx, true, ret);
}

static int fs_stat(struct step_ctx *ctx, json_t **ret)
{
        return fs_stat_common(ctx, false, ret);
}

/* Shannon entropy in bits per byte. */
static double entropy(const unsigned char *p, size_t n)
{
        size_t counts[256] = { 0 };
        double h = 0;

        for (size_t i = 0; i < n; i++)
                counts[p[i]]++;
        for (size_t i = 0; i < 256 && n; i++)
                if (counts[i]) {
                        double q = (double)counts[i] / (double)n;

                        h -= q * log2(q);
                }
        return h;
}

static int fs_analyze(struct step_ctx *ctx, json_t **ret)
{
        _cleanup_fspath_ struct fs_path fp = FS_PATH_INIT;
        _cleanup_free_ char *red = NULL;
        struct buf b = BUF_INIT(0);
        size_t lines = 0, words = 0, red_len, before;
        uint8_t digest[32];
        char hex[65];
        bool in_word = false;
        struct stat st;
        int r;

        if ((r = read_confined(ctx, &fp, &b, &st)) < 0)
                return r;
        for (size_t i = 0; i < b.len; i++) {
                bool space = b.data[i] == ' ' || b.data[i] == '\n' || b.data[i] == '\t' ||
                             b.data[i] == '\r';

                lines += b.data[i] == '\n';
                words += !space && !in_word;
                in_word = !space;
        }
        sha256(b.data, b.len, digest);
        hex_encode(digest, 32, hex);
        before = step_redaction_count(ctx);
        r = step_redact(ctx, REDACT_SITE_INPUT, b.data, b.len, &red, &red_len);
        if (r < 0) {
                buf_free(&b);
                return r;
        }
        *ret = json_pack("{s:s,s:I,s:I,s:I,s:f,s:s,s:s?,s:I}", "path", fp.shown, "size",
                         (json_int_t)b.len, "lines", (json_int_t)lines, "words",
                         (json_int_t)words, "entropy", entropy((unsigned char *)b.data, b.len),
                         "sha256", hex, "format", fp.doc ? json_string_value(json_object_get(
                                 fp.doc, "format")) : binary_format(fp.shown, b.data, b.len),
                         "pii_findings", (json_int_t)(step_redaction_count(ctx) - before));
        if (*ret && fp.doc)
                json_object_set(*ret, "metadata", fp.doc);
        buf_free(&b);
        return *ret ? 0 : -ENOMEM;
}

static const char *const path_only[] = { "path", NULL };
static const char *const write_required[] = { "path", "content", NULL };
static const char *const write_params[] = { "path", "content", "append", "mode", NULL };
static const char *const read_params[] = { "path", "encoding", NULL };
static const char *const list_params[] = { "path", "pattern", NULL };

static const struct agent_action fs_actions[] = {
        { "read", NULL, path_only, fs_read, read_params },
        { "write", NULL, write_required, fs_write, write_params },
        { "list", NULL, path_only, fs_list, list_params },
        { "exists", NULL, path_only, fs_exists, path_only },
        { "stat", NULL, path_only, fs_stat, path_only },
        { "analyze", NULL, path_only, fs_analyze, path_only },
};

static const char *const fs_config_keys[] = { "allowed_paths", "read_only", NULL };

/* Static check (validate and run, before anything executes): a step's allowed_paths must lie
 * inside config.yaml's (the ceiling) and name no control file; a literal path must be under an
 * allowed root, lexically. The same rules are enforced again, by inode, at open time. */
static int fs_check_policy(const struct step *s, const struct akios_config *c, struct diag *d)
{
        const struct ynode *p = ymap_get(s->parameters, "path");
        const struct ynode *ro = ymap_get(s->config, "read_only");
        const struct ynode *extra = ymap_get(s->config, "allowed_paths");
        char clean[PATH_MAX];
        const char *rest, *why;
        bool read_only;

        if (ro && yscalar_bool(ro, &read_only) == 0 && read_only &&
            streq(s->action->name, "write")) {
                diag_set(d, NULL, ro->line, ro->col, "step %u writes, but its config says "
                         "read_only: true", s->index);
                return -EPERM;
        }
        for (size_t i = 0; extra && extra->type == Y_SEQ && i < extra->n; i++) {
                const struct ynode *e = extra->items[i];
                bool inside = false;

                snprintf(clean, sizeof(clean), "%s", e->str ? e->str : "");
                why = e->str ? config_path_clean(clean) : "must be a string";
                for (size_t k = 0; !why && k < c->allowed_paths.n && !inside; k++)
                        inside = under_root(clean, c->allowed_paths.v[k], &rest);
                if (!why && !inside)
                        why = "is not inside config.yaml's allowed_paths (a workflow can only "
                              "narrow them)";
                if (why) {
                        diag_set(d, NULL, e->line, e->col, "allowed path '%s' %s",
                                 e->str ? e->str : "", why);
                        return -EPERM;
                }
        }
        if (!p || p->type != Y_SCALAR || strchr(p->str, '{'))
                return 0;
        clean_path(p->str, clean, sizeof(clean));
        if (p->str[0] == '/' || has_dotdot(clean)) {
                diag_set(d, NULL, p->line, p->col, "path '%s' leaves the allowed folders "
                         "(absolute or '..')", p->str);
                return -EPERM;
        }
        if (extra && extra->type == Y_SEQ) {
                for (size_t i = 0; i < extra->n; i++) {
                        char root[PATH_MAX];

                        snprintf(root, sizeof(root), "%s", extra->items[i]->str);
                        if (!config_path_clean(root) && under_root(clean, root, &rest))
                                return 0;
                }
        } else {
                for (size_t i = 0; i < c->allowed_paths.n; i++)
                        if (under_root(clean, c->allowed_paths.v[i], &rest))
                                return 0;
        }
        diag_set(d, NULL, p->line, p->col, "path '%s' is outside the allowed folders "
                 "(config.yaml's allowed_paths, or the step's narrower list)", p->str);
        return -EPERM;
}

const struct agent agent_filesystem = {
        .name = "filesystem",
        .actions = fs_actions,
        .n_actions = ARRAY_SIZE(fs_actions),
        .check_policy = fs_check_policy,
        .config_keys = fs_config_keys,
};
