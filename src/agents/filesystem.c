/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filesystem agent: read, write (append), list, exists, stat, analyze (alias of AKIOS's
 * `analyze` kept as its own action).
 *
 * Every path is confined to the allowed roots (./templates, ./data/input, ./data/output and the
 * step's config.allowed_paths, all under the project): the path must name a root component-wise
 * (./data/input2 is not under ./data/input), and is then opened with openat2(RESOLVE_BENEATH |
 * RESOLVE_NO_MAGICLINKS) relative to that root, so `..` and symlinks cannot leave it (on kernels
 * without openat2: a component-wise walk with O_NOFOLLOW that refuses `..`). Any escape is a
 * policy violation (exit 3). Only text is handled; PDF, Office and other binary files fail with
 * "unsupported format" instead of producing garbage.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <math.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "agents/agents.h"
#include "config/config.h"
#include "engine/engine.h"
#include "workflow/workflow.h"

#define FS_MAX_LIST 100000

static const char *const default_roots[] = { "templates", "data/input", "data/output" };

struct fs_path {
        int root_fd;            /* the allowed root, O_PATH */
        char rel[PATH_MAX];     /* path below the root ("." for the root itself) */
        char shown[PATH_MAX];   /* project-relative, for results and messages */
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

static bool under_root(const char *path, const char *root, const char **rest)
{
        size_t n = strlen(root);

        if (strncmp(path, root, n) != 0 || (path[n] != '/' && path[n] != '\0'))
                return false;
        *rest = path[n] ? path + n + 1 : "";
        return true;
}

static int add_root(struct strv *roots, const char *project, const char *p, struct diag *d)
{
        char clean[PATH_MAX];

        if (p[0] == '/') {
                /* An absolute root must still be inside the project. */
                const char *rest;

                if (!under_root(p, project, &rest)) {
                        diag_set(d, NULL, 0, 0, "allowed path '%s' is outside the project", p);
                        return -EPERM;
                }
                p = rest;
        }
        clean_path(p, clean, sizeof(clean));
        if (!clean[0] || strstr(clean, "..")) {
                diag_set(d, NULL, 0, 0, "allowed path '%s' must name a folder inside the "
                         "project, without '..'", p);
                return -EPERM;
        }
        return strv_push(roots, clean);
}

static int collect_roots(const json_t *config, const char *project, struct strv *roots,
                         struct diag *d)
{
        const json_t *extra = json_object_get(config, "allowed_paths"), *v;
        size_t i;
        int r;

        for (i = 0; i < ARRAY_SIZE(default_roots); i++)
                if ((r = strv_push(roots, default_roots[i])) < 0)
                        return r;
        if (extra && !json_is_array(extra)) {
                diag_set(d, NULL, 0, 0, "config.allowed_paths must be a list");
                return -EINVAL;
        }
        json_array_foreach(extra, i, v) {
                if (!json_is_string(v)) {
                        diag_set(d, NULL, 0, 0, "config.allowed_paths entries must be strings");
                        return -EINVAL;
                }
                r = add_root(roots, project, json_string_value(v), d);
                if (r < 0)
                        return r;
        }
        return 0;
}

/* Map a path parameter to (root fd, relative path). */
static int resolve(struct step_ctx *ctx, const char *path, struct fs_path *fp)
{
        const char *project = ctx->run->project_dir, *rest = NULL, *rel = path;
        struct strv roots = { 0 };
        char clean[PATH_MAX], rootpath[PATH_MAX];
        struct diag d = { 0 };
        int r;

        if (path[0] == '/' && !under_root(path, project, &rel))
                return step_fail(ctx, 3, EPERM, "path '%s' is outside the allowed folders",
                                 path);
        clean_path(rel, clean, sizeof(clean));
        r = collect_roots(ctx->config, project, &roots, &d);
        if (r < 0) {
                strv_free(&roots);
                return step_fail(ctx, r == -EPERM ? 3 : 2, -r, "%s", d.msg);
        }
        for (size_t i = 0; i < roots.n && !rest; i++)
                if (under_root(clean, roots.v[i], &rest))
                        snprintf(rootpath, sizeof(rootpath), "%s", roots.v[i]);
        strv_free(&roots);
        if (!rest)
                return step_fail(ctx, 3, EPERM, "path '%s' is outside the allowed folders "
                                 "(templates, data/input, data/output, config.allowed_paths)",
                                 path);
        {
                _cleanup_close_ int pfd = open(project, O_PATH | O_DIRECTORY | O_CLOEXEC);

                if (pfd < 0)
                        return step_fail(ctx, 1, errno, "cannot open the project folder");
                fp->root_fd = open_beneath(pfd, rootpath, O_PATH | O_DIRECTORY, 0);
        }
        if (fp->root_fd == -EXDEV || fp->root_fd == -ELOOP)
                return step_fail(ctx, 3, EPERM, "allowed folder '%s' leaves the project "
                                 "(symlink)", rootpath);
        if (fp->root_fd < 0)
                return step_fail(ctx, 1, -fp->root_fd, "cannot open '%s': %s", rootpath,
                                 strerror(-fp->root_fd));
        snprintf(fp->rel, sizeof(fp->rel), "%s", *rest ? rest : ".");
        snprintf(fp->shown, sizeof(fp->shown), "%s", clean);
        return 0;
}

static int open_in(struct step_ctx *ctx, struct fs_path *fp, int flags, mode_t mode)
{
        int fd = open_beneath(fp->root_fd, fp->rel, flags, mode);

        if (fd == -EXDEV || fd == -ELOOP)
                return step_fail(ctx, 3, EPERM, "path '%s' escapes its allowed folder (via "
                                 "'..' or a symlink)", fp->shown);
        if (fd < 0)
                return step_fail(ctx, 1, -fd, "cannot open '%s': %s", fp->shown,
                                 strerror(-fd));
        return fd;
}

static const char *path_param(struct step_ctx *ctx)
{
        return json_string_value(json_object_get(ctx->params, "path"));
}

static size_t max_bytes(struct step_ctx *ctx)
{
        return (size_t)ctx->run->cfg->max_file_size_mb << 20;
}

/* Recognise formats we do not read as text, by magic bytes or extension. */
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
        const char *dot = strrchr(path, '.');

        for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
                if ((dot && streq(dot, formats[i].ext)) ||
                    (len >= formats[i].mlen && memcmp(data, formats[i].magic,
                                                      formats[i].mlen) == 0))
                        return formats[i].name;
        if (memchr(data, '\0', len))
                return "binary";
        return NULL;
}

/* Resolve the step's path and read the whole regular file (capped by max_file_size_mb). */
static int read_confined(struct step_ctx *ctx, struct fs_path *fp, struct buf *b,
                         struct stat *st)
{
        _cleanup_close_ int fd = -1, root = -1;
        int r;

        if ((r = resolve(ctx, path_param(ctx), fp)) < 0)
                return r;
        root = fp->root_fd;
        if ((fd = open_in(ctx, fp, O_RDONLY, 0)) < 0)
                return fd;
        if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode))
                return step_fail(ctx, 1, EISDIR, "'%s' is not a regular file", fp->shown);
        r = read_fd_capped(fd, max_bytes(ctx), b);
        if (r == -E2BIG)
                return step_fail(ctx, 3, E2BIG, "'%s' is larger than max_file_size_mb (%ld MB)",
                                 fp->shown, ctx->run->cfg->max_file_size_mb);
        if (r < 0)
                return step_fail(ctx, 1, -r, "cannot read '%s': %s", fp->shown, strerror(-r));
        return 0;
}

static int fs_read(struct step_ctx *ctx, json_t **ret)
{
        struct fs_path fp = { .root_fd = -1 };
        _cleanup_free_ char *red = NULL;
        struct buf b = BUF_INIT(0);
        const char *fmt;
        struct stat st;
        size_t red_len;
        int r;

        if ((r = read_confined(ctx, &fp, &b, &st)) < 0)
                return r;
        fmt = binary_format(fp.shown, b.data, b.len);
        if (fmt) {
                buf_free(&b);
                return step_fail(ctx, 1, ENOTSUP, "unsupported format: '%s' is %s, and akios "
                                 "reads text files only", fp.shown, fmt);
        }
        r = step_redact(ctx, REDACT_SITE_INPUT, b.data, b.len, &red, &red_len);
        buf_free(&b);
        if (r < 0)
                return r;
        *ret = json_pack("{s:s%,s:I,s:s,s:s,s:s}", "content", red, red_len,
                         "size", (json_int_t)st.st_size, "path", fp.shown, "encoding", "utf-8",
                         "file_type", "text");
        if (!*ret)
                return step_fail(ctx, 1, EILSEQ, "unsupported format: '%s' is not UTF-8 text",
                                 fp.shown);
        return 0;
}

static int fs_write(struct step_ctx *ctx, json_t **ret)
{
        const json_t *content = json_object_get(ctx->params, "content");
        const char *mode = json_string_value(json_object_get(ctx->params, "mode"));
        bool append = json_is_true(json_object_get(ctx->params, "append")) ||
                      (mode && (streq(mode, "a") || streq(mode, "append")));
        struct fs_path fp = { .root_fd = -1 };
        _cleanup_close_ int fd = -1, root = -1;
        _cleanup_free_ char *red = NULL, *dumped = NULL;
        const char *text;
        size_t len, red_len;
        struct stat st;
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
        root = fp.root_fd;
        r = step_redact(ctx, REDACT_SITE_INPUT, text, len, &red, &red_len);
        if (r < 0)
                return r;
        fd = open_in(ctx, &fp, O_WRONLY | O_CREAT | O_NOFOLLOW | (append ? O_APPEND : O_TRUNC),
                     0644);
        if (fd < 0)
                return fd;
        if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
                return step_fail(ctx, 1, EISDIR, "'%s' is not a regular file", fp.shown);
        if ((size_t)st.st_size + red_len > max_bytes(ctx))
                return step_fail(ctx, 3, E2BIG, "writing %zu bytes to '%s' would pass "
                                 "max_file_size_mb (%ld MB)", red_len, fp.shown,
                                 ctx->run->cfg->max_file_size_mb);
        r = write_all(fd, red, red_len);
        if (r == 0 && fsync(fd) < 0)
                r = -errno;
        if (r < 0)
                return step_fail(ctx, 1, -r, "cannot write '%s': %s", fp.shown, strerror(-r));
        *ret = json_pack("{s:s,s:I,s:b,s:s%}", "path", fp.shown, "bytes_written",
                         (json_int_t)red_len, "append", append, "content", red, red_len);
        return *ret ? 0 : -ENOMEM;
}

static const char *type_name(mode_t m)
{
        return S_ISREG(m) ? "file" : S_ISDIR(m) ? "directory" : S_ISLNK(m) ? "symlink" : "other";
}

static int cmp_names(const void *a, const void *b)
{
        return strcmp(json_string_value(json_object_get(*(json_t *const *)a, "name")),
                      json_string_value(json_object_get(*(json_t *const *)b, "name")));
}

static int fs_list(struct step_ctx *ctx, json_t **ret)
{
        struct fs_path fp = { .root_fd = -1 };
        _cleanup_close_ int fd = -1, root = -1;
        json_t **items = NULL, *arr;
        size_t n = 0;
        struct dirent *de;
        DIR *dir;
        int r;

        if ((r = resolve(ctx, path_param(ctx), &fp)) < 0)
                return r;
        root = fp.root_fd;
        if ((fd = open_in(ctx, &fp, O_RDONLY | O_DIRECTORY, 0)) < 0)
                return fd;
        dir = fdopendir(fd);
        if (!dir)
                return step_fail(ctx, 1, errno, "cannot list '%s'", fp.shown);
        fd = -1;
        while ((de = readdir(dir))) {
                struct stat st;
                json_t **grown;

                if (streq(de->d_name, ".") || streq(de->d_name, ".."))
                        continue;
                if (n == FS_MAX_LIST) {
                        r = step_fail(ctx, 1, E2BIG, "'%s' has more than %d entries", fp.shown,
                                      FS_MAX_LIST);
                        goto out;
                }
                if (fstatat(dirfd(dir), de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
                        continue;
                grown = realloc(items, (n + 1) * sizeof(*items));
                if (!grown) {
                        r = -ENOMEM;
                        goto out;
                }
                items = grown;
                items[n++] = json_pack("{s:s,s:s,s:I}", "name", de->d_name, "type",
                                       type_name(st.st_mode), "size", (json_int_t)st.st_size);
        }
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
        struct fs_path fp = { .root_fd = -1 };
        _cleanup_close_ int fd = -1, root = -1;
        struct stat st;
        int r;

        if ((r = resolve(ctx, path_param(ctx), &fp)) < 0)
                return r;
        root = fp.root_fd;
        fd = open_beneath(fp.root_fd, fp.rel, O_PATH | O_NOFOLLOW, 0);
        if (fd == -EXDEV || fd == -ELOOP)
                return step_fail(ctx, 3, EPERM, "path '%s' escapes its allowed folder",
                                 fp.shown);
        if (fd == -ENOENT && exists_only) {
                *ret = json_pack("{s:b,s:s}", "exists", 0, "path", fp.shown);
                return *ret ? 0 : -ENOMEM;
        }
        if (fd < 0)
                return step_fail(ctx, 1, -fd, "cannot stat '%s': %s", fp.shown, strerror(-fd));
        if (fstat(fd, &st) < 0)
                return step_fail(ctx, 1, errno, "cannot stat '%s'", fp.shown);
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
        struct fs_path fp = { .root_fd = -1 };
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
        before = ctx->run->redactions;
        r = step_redact(ctx, REDACT_SITE_INPUT, b.data, b.len, &red, &red_len);
        if (r < 0) {
                buf_free(&b);
                return r;
        }
        *ret = json_pack("{s:s,s:I,s:I,s:I,s:f,s:s,s:s?,s:I}", "path", fp.shown, "size",
                         (json_int_t)b.len, "lines", (json_int_t)lines, "words",
                         (json_int_t)words, "entropy", entropy((unsigned char *)b.data, b.len),
                         "sha256", hex, "format", binary_format(fp.shown, b.data, b.len),
                         "pii_findings", (json_int_t)(ctx->run->redactions - before));
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

/* Static check: literal paths (no templates) must be under an allowed root, lexically. */
static int fs_check_policy(const struct step *s, const struct akios_config *c, struct diag *d)
{
        const struct ynode *p = ymap_get(s->parameters, "path");
        const struct ynode *ro = ymap_get(s->config, "read_only");
        const struct ynode *extra = ymap_get(s->config, "allowed_paths");
        char clean[PATH_MAX];
        const char *rest;
        bool read_only;

        if (ro && yscalar_bool(ro, &read_only) == 0 && read_only &&
            streq(s->action->name, "write")) {
                diag_set(d, NULL, ro->line, ro->col, "step %u writes, but its config says "
                         "read_only: true", s->index);
                return -EPERM;
        }
        for (size_t i = 0; extra && extra->type == Y_SEQ && i < extra->n; i++) {
                const struct ynode *e = extra->items[i];

                clean_path(e->str ? e->str : "", clean, sizeof(clean));
                if (!e->str || e->str[0] == '/' || !clean[0] || strstr(clean, "..")) {
                        diag_set(d, NULL, e->line, e->col, "allowed path '%s' must be a "
                                 "folder inside the project (relative, without '..')",
                                 e->str ? e->str : "");
                        return -EPERM;
                }
        }
        if (!p || p->type != Y_SCALAR || strchr(p->str, '{'))
                return 0;
        if (p->str[0] == '/' || strstr(p->str, "..")) {
                diag_set(d, NULL, p->line, p->col, "path '%s' leaves the allowed folders "
                         "(absolute or '..')", p->str);
                return -EPERM;
        }
        clean_path(p->str, clean, sizeof(clean));
        for (size_t i = 0; i < ARRAY_SIZE(default_roots); i++)
                if (under_root(clean, default_roots[i], &rest))
                        return 0;
        for (size_t i = 0; extra && extra->type == Y_SEQ && i < extra->n; i++) {
                char root[PATH_MAX];

                clean_path(extra->items[i]->str, root, sizeof(root));
                if (under_root(clean, root, &rest))
                        return 0;
        }
        diag_set(d, NULL, p->line, p->col, "path '%s' is outside the allowed folders "
                 "(templates, data/input, data/output, config.allowed_paths)", p->str);
        return -EPERM;
}

const struct agent agent_filesystem = {
        .name = "filesystem",
        .actions = fs_actions,
        .n_actions = ARRAY_SIZE(fs_actions),
        .check_policy = fs_check_policy,
        .config_keys = fs_config_keys,
};
