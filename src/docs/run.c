/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docs_extract: run the caged helper (akios-extract) on one open file and check its answer.
 *
 * The helper is untrusted once it has parsed a hostile document, so its answer is read like
 * any outside input: the metadata line is capped (DOCS_MAX_META) and must be one JSON object,
 * the text must be exactly "text_bytes" bytes of valid UTF-8, and anything else is an error.
 * The cage is the same child half as tool steps (src/sandbox): best effort where the host
 * lacks a layer, as tool steps, unless strict. This file never parses a document.
 */
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "docs/docs.h"
#include "sandbox/sandbox.h"

void docs_limits_defaults(struct docs_limits *l)
{
        *l = (struct docs_limits){ .memory_mb = 256, .cpu_time_s = 30, .wall_time_ms = 60000,
                                   .cpu_fraction = 0.8 };
}

void docs_result_free(struct docs_result *r)
{
        free(r->text);
        json_decref(r->meta);
        json_decref(r->cage);
        *r = (struct docs_result){ 0 };
}

int docs_helper_path(char **ret)
{
        const char *env = getenv("AKIOS_EXTRACT");
        char self[PATH_MAX], *slash, *p;
        ssize_t n;

        if (env && *env) {
                if (env[0] != '/')
                        return -EINVAL;
                p = strdup(env);
        } else {
                n = readlink("/proc/self/exe", self, sizeof(self) - 1);
                if (n < 0)
                        return -errno;
                self[n] = '\0';
                slash = strrchr(self, '/');
                if (!slash)
                        return -ENOENT;
                *slash = '\0';
                if (asprintf(&p, "%s/%s", self, DOCS_HELPER) < 0)
                        p = NULL;
        }
        if (!p)
                return -ENOMEM;
        if (access(p, X_OK) < 0) {
                int e = -errno;

                free(p);
                return e;
        }
        *ret = p;
        return 0;
}

static bool valid_utf8(const unsigned char *p, size_t n)
{
        for (size_t i = 0; i < n;) {
                unsigned c = p[i], len, min;
                uint32_t cp;

                if (c < 0x80) {
                        i++;
                        continue;
                }
                if ((c & 0xe0) == 0xc0)
                        len = 2, min = 0x80, cp = c & 0x1f;
                else if ((c & 0xf0) == 0xe0)
                        len = 3, min = 0x800, cp = c & 0x0f;
                else if ((c & 0xf8) == 0xf0)
                        len = 4, min = 0x10000, cp = c & 0x07;
                else
                        return false;
                if (i + len > n)
                        return false;
                for (unsigned k = 1; k < len; k++) {
                        if ((p[i + k] & 0xc0) != 0x80)
                                return false;
                        cp = cp << 6 | (p[i + k] & 0x3f);
                }
                if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
                        return false;
                i += len;
        }
        return true;
}

/* Split the helper's stdout into metadata and text, checking every byte. */
static int parse_answer(const struct buf *out, struct docs_result *r, struct diag *d)
{
        const char *nl = out->data ? memchr(out->data, '\n', out->len < DOCS_MAX_META ?
                                                           out->len : DOCS_MAX_META) : NULL;
        json_error_t je;
        json_t *meta, *tb;
        size_t head, want;

        if (!nl) {
                diag_set(d, NULL, 0, 0, "the extractor gave no answer");
                return -EPROTO;
        }
        head = (size_t)(nl - out->data);
        meta = json_loadb(out->data, head, JSON_REJECT_DUPLICATES, &je);
        if (!json_is_object(meta)) {
                json_decref(meta);
                diag_set(d, NULL, 0, 0, "the extractor's answer is not a JSON object");
                return -EPROTO;
        }
        if (json_is_string(json_object_get(meta, "error"))) {
                diag_set(d, NULL, 0, 0, "%s", json_string_value(json_object_get(meta,
                                                                              "message")) ?:
                         json_string_value(json_object_get(meta, "error")));
                json_decref(meta);
                return -EBADMSG;
        }
        tb = json_object_get(meta, "text_bytes");
        want = json_is_integer(tb) && json_integer_value(tb) >= 0 ?
                       (size_t)json_integer_value(tb) : SIZE_MAX;
        if (want == SIZE_MAX || want > DOCS_MAX_TEXT || out->len - head - 1 != want ||
            !valid_utf8((const unsigned char *)nl + 1, want)) {
                json_decref(meta);
                diag_set(d, NULL, 0, 0, "the extractor's text does not match its framing "
                         "(length or UTF-8)");
                return -EPROTO;
        }
        r->text = malloc(want + 1);
        if (!r->text) {
                json_decref(meta);
                return -ENOMEM;
        }
        memcpy(r->text, nl + 1, want);
        r->text[want] = '\0';
        r->text_len = want;
        json_object_del(meta, "text_bytes");
        r->meta = meta;
        return 0;
}

/* What the cage's verdict means for the document, in words naming the limit hit. */
static int cage_verdict(const struct cage_result *res, const struct docs_limits *l,
                        int *ret_exit, struct diag *d)
{
        switch (res->reason) {
        case CAGE_EXITED:
                return 0;
        case CAGE_MEMORY:
                diag_set(d, NULL, 0, 0, "the extractor passed the memory limit (%llu MB)",
                         (unsigned long long)l->memory_mb);
                break;
        case CAGE_TIMEOUT:
                diag_set(d, NULL, 0, 0, "the extractor passed the time limit (%llu s wall, "
                         "%llu s CPU)", (unsigned long long)(l->wall_time_ms / 1000),
                         (unsigned long long)l->cpu_time_s);
                break;
        case CAGE_OUTPUT_LIMIT:
                diag_set(d, NULL, 0, 0, "the extractor's output passed its cap (%u MiB of "
                         "text)", DOCS_MAX_TEXT >> 20);
                break;
        case CAGE_SECCOMP:
                diag_set(d, NULL, 0, 0, "the extractor made a forbidden system call (%s) and "
                         "was killed", res->syscall_name[0] ? res->syscall_name : "unknown");
                break;
        case CAGE_PIDS:
                diag_set(d, NULL, 0, 0, "the extractor passed the process limit");
                break;
        default:
                if (res->signal == SIGXCPU || res->signal == SIGKILL)
                        diag_set(d, NULL, 0, 0, "the extractor passed the CPU-time limit "
                                 "(%llu s) or was killed (signal %d)",
                                 (unsigned long long)l->cpu_time_s, res->signal);
                else
                        diag_set(d, NULL, 0, 0, "the extractor crashed (signal %d%s)",
                                 res->signal, res->signal == SIGSYS ?
                                 ": a system call outside its allowlist" : "");
                *ret_exit = res->signal == SIGXCPU ? 5 : 1;
                return -EIO;
        }
        *ret_exit = 5;
        return -EIO;
}

int docs_extract(int fd, const struct docs_limits *l, struct docs_result *ret, int *ret_exit,
                 struct diag *d)
{
        _cleanup_free_ char *helper = NULL;
        struct cage_result res = { 0 };
        struct docs_result r = { 0 };
        struct cage_spec spec;
        char *argv[2] = { NULL, NULL };
        const char *ro[2] = { NULL, NULL };
        int e;

        *ret_exit = 1;
        e = docs_helper_path(&helper);
        if (e < 0) {
                diag_set(d, NULL, 0, 0, "the document extractor '%s' is not installed beside "
                         "akios: %s", DOCS_HELPER, strerror(-e));
                return e;
        }
        if (lseek(fd, 0, SEEK_SET) < 0) {
                diag_set(d, NULL, 0, 0, "cannot rewind the document: %s", strerror(errno));
                return -errno;
        }
        argv[0] = helper;
        ro[0] = helper;
        cage_spec_defaults(&spec);
        spec.argv = argv;
        spec.ro_paths = ro;
        spec.net = CAGE_NET_NONE;
        spec.memory_mb = l->memory_mb;
        spec.cpu_time_s = l->cpu_time_s;
        spec.wall_time_ms = l->wall_time_ms;
        spec.cpu_fraction = l->cpu_fraction;
        spec.pids = 4;
        spec.fsize_mb = 1;
        spec.nofile = 16;
        spec.tmp_size_mb = 1;
        spec.max_output = (uint64_t)DOCS_MAX_TEXT + DOCS_MAX_META + 1;
        spec.output = CAGE_OUTPUT_CAPTURE;
        spec.strict = l->strict;
        spec.stdin_fd = fd;
        spec.cwd = "/";
        spec.uid = cage_default_uid(NULL);
        spec.gid = (gid_t)spec.uid;
        e = cage_run(&spec, &res, d);
        if (e == -EOPNOTSUPP)
                *ret_exit = 7;
        if (e < 0)
                return e;
        e = cage_verdict(&res, l, ret_exit, d);
        if (e == 0)
                e = parse_answer(&res.out, &r, d);
        if (e == 0 && res.exit_code != 0) {
                diag_set(d, NULL, 0, 0, "the extractor exited with status %d", res.exit_code);
                e = -EIO;
        }
        r.cage = cage_result_json(&res);
        cage_result_free(&res);
        if (e < 0) {
                docs_result_free(&r);
                return e;
        }
        *ret = r;
        return 0;
}
