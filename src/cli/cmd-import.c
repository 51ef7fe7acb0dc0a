// SPDX-License-Identifier: GPL-3.0-or-later
/* akios audit import-akios FILE [--json]: an AKIOS audit_events.jsonl into the akios ledger,
 * so a team that switches keeps one verifiable history.
 *
 * The whole file is checked first (one JSON object per line with AKIOS's event fields; a bad
 * line is file:line and nothing is appended). For every event, AKIOS's own hash is kept and
 * recomputed (SHA-256 of the sorted JSON of workflow_id, step, agent, action, result and
 * metadata, as AKIOS writes it), and AKIOS's Merkle root over the file's lines (SHA-256 of
 * each line, nodes of the concatenated hex, an odd node paired with itself) is compared with
 * the merkle_root.hash beside the file when there is one. Events then go into the ledger as
 * outcome "imported" under one import run id, between an import start and end event, and a
 * signed checkpoint covers them. AKIOS did not redact its ledger: every imported string is
 * redacted (PII and secrets, masked) before it is appended; the verdicts are computed on the
 * original bytes.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>

#include "audit/audit.h"
#include "cli/cli.h"
#include "config/config.h"
#include "pii/pii.h"

#define IMPORT_MAX_BYTES (256u << 20)
#define IMPORT_MAX_EVENTS 1000000

struct akios_line {
        json_t *ev;
        const char *hash;       /* AKIOS's, or NULL */
        bool hash_ok;
};

/* Python writes \u escapes with lowercase hex, jansson with uppercase. */
static void lower_u_escapes(char *s)
{
        for (char *p = s; *p; p++) {
                if (*p != '\\' || !p[1])
                        continue;
                if (p[1] == 'u')
                        for (int i = 2; i < 6 && p[i]; i++)
                                p[i] = (char)tolower((unsigned char)p[i]);
                p++;
        }
}

/* AKIOS's event hash: Python's json.dumps(sort_keys=True): ", " and ": " separators,
 * non-ASCII escaped. (A float whose shortest form differs from jansson's 17 digits does not
 * match: reported as a mismatch, never passed.) */
static bool akios_hash_ok(const json_t *ev, const char *want)
{
        static const char *const keys[] = { "workflow_id", "step", "agent", "action", "result",
                                            "metadata" };
        json_t *o = json_object();
        char *s;
        uint8_t h[32];
        char hex[65];

        for (size_t i = 0; o && i < ARRAY_SIZE(keys); i++) {
                json_t *v = json_object_get(ev, keys[i]);

                json_object_set(o, keys[i], v ? v : json_null());
        }
        s = o ? json_dumps(o, JSON_SORT_KEYS | JSON_ENSURE_ASCII | JSON_ENCODE_ANY) : NULL;
        json_decref(o);
        if (!s || !want)
                return free(s), false;
        lower_u_escapes(s);
        sha256(s, strlen(s), h);
        free(s);
        hex_encode(h, 32, hex);
        return streq(hex, want);
}

/* AKIOS's Merkle root of the lines, as hex, or "" for none. */
static int akios_root(char (*leaves)[65], size_t n, char out[65])
{
        out[0] = '\0';
        while (n > 1) {
                size_t m = 0;

                for (size_t i = 0; i < n; i += 2) {
                        char cat[130];
                        uint8_t h[32];

                        snprintf(cat, sizeof(cat), "%s%s", leaves[i], leaves[i + 1 < n ? i + 1 : i]);
                        sha256(cat, 128, h);
                        hex_encode(h, 32, leaves[m++]);
                }
                n = m;
        }
        if (n == 1)
                snprintf(out, 65, "%s", leaves[0]);
        return 0;
}

static int check_line(const char *path, size_t lineno, const char *p, size_t len,
                      struct akios_line *ret)
{
        static const char *const need[] = { "workflow_id", "agent", "action", "timestamp" };
        json_error_t e;
        json_t *ev = json_loadb(p, len, JSON_REJECT_DUPLICATES, &e);

        if (!json_is_object(ev)) {
                log_error("%s:%zu:%d: not an AKIOS audit event (%s)", path, lineno,
                          ev ? 1 : e.column, ev ? "not a JSON object" : e.text);
                json_decref(ev);
                return -EINVAL;
        }
        for (size_t i = 0; i < ARRAY_SIZE(need); i++)
                if (!json_is_string(json_object_get(ev, need[i]))) {
                        log_error("%s:%zu:1: not an AKIOS audit event: no string '%s'", path,
                                  lineno, need[i]);
                        json_decref(ev);
                        return -EINVAL;
                }
        ret->ev = ev;
        ret->hash = json_string_value(json_object_get(ev, "hash"));
        ret->hash_ok = akios_hash_ok(ev, ret->hash);
        return 0;
}

/* Every string of v, masked (PII and secrets). */
static json_t *redact_all(struct pii_redactor *r, const json_t *v)
{
        const char *k;
        json_t *x, *out;
        size_t i;

        if (json_is_string(v)) {
                struct buf b = BUF_INIT(0);
                json_t *s = NULL;
                size_t count;

                if (pii_redact(r, json_string_value(v), json_string_length(v), &b, &count) == 0)
                        s = json_stringn(b.data ? b.data : "", b.len);
                buf_free(&b);
                return s ? s : json_string("[REDACTION_FAILED]");
        }
        if (json_is_object(v)) {
                out = json_object();
                json_object_foreach((json_t *)v, k, x) {
                        json_t *ks = json_string(k), *rk = redact_all(r, ks);

                        json_decref(ks);

                        json_object_set_new(out, json_string_value(rk) ? json_string_value(rk)
                                                                       : "[KEY]",
                                            redact_all(r, x));
                        json_decref(rk);
                }
                return out;
        }
        if (json_is_array(v)) {
                out = json_array();
                json_array_foreach((json_t *)v, i, x)
                        json_array_append_new(out, redact_all(r, x));
                return out;
        }
        return v ? json_incref((json_t *)v) : json_null();
}

static int read_lines(const char *path, struct buf *b, struct akios_line **ret, size_t *ret_n,
                      char (**ret_leaves)[65])
{
        struct akios_line *lines = NULL;
        char (*leaves)[65] = NULL;
        size_t n = 0, lineno = 0;
        int r;

        r = read_file_capped(path, IMPORT_MAX_BYTES, b);
        if (r < 0) {
                log_error("%s: %s", path, r == -E2BIG ? "larger than 256 MiB" : strerror(-r));
                return EXIT_USAGE;
        }
        for (const char *p = b->data ? b->data : "", *end = p + b->len; p < end;) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
                uint8_t h[32];

                lineno++;
                if (len == 0 || n >= IMPORT_MAX_EVENTS) {
                        log_error("%s:%zu:1: %s", path, lineno, len ? "more than 1000000 events"
                                  : "empty line");
                        goto fail;
                }
                if (!(n % 1024)) {
                        void *l = realloc(lines, (n + 1024) * sizeof(*lines));
                        void *v = l ? realloc(leaves, (n + 1024) * sizeof(*leaves)) : NULL;

                        if (l)
                                lines = l;
                        if (!l || !v)
                                goto fail;
                        leaves = v;
                }
                if (check_line(path, lineno, p, len, &lines[n]) < 0)
                        goto fail;
                sha256(p, len, h);
                hex_encode(h, 32, leaves[n]);
                n++;
                p = nl ? nl + 1 : end;
        }
        if (n == 0) {
                log_error("%s: no events", path);
                goto fail;
        }
        *ret = lines;
        *ret_n = n;
        *ret_leaves = leaves;
        return EXIT_OK;
fail:
        for (size_t i = 0; i < n; i++)
                json_decref(lines[i].ev);
        free(lines);
        free(leaves);
        return EXIT_USAGE;
}

/* merkle_root.hash beside FILE: its hex, or "" when there is none. */
static void stored_root(const char *path, char out[65])
{
        char p[PATH_MAX];
        const char *slash = strrchr(path, '/');
        struct buf b = BUF_INIT(4096);

        out[0] = '\0';
        snprintf(p, sizeof(p), "%.*s%smerkle_root.hash", slash ? (int)(slash - path + 1) : 0,
                 path, "");
        if (read_file_capped(p, 4096, &b) == 0 && b.len >= 64)
                snprintf(out, 65, "%.64s", b.data);
        buf_free(&b);
}

static int append_all(struct audit_log *log, struct pii_redactor *red, const char *run_id,
                      const struct akios_line *lines, size_t n, uint64_t *first, uint64_t *last)
{
        for (size_t i = 0; i < n; i++) {
                const json_t *ev = lines[i].ev;
                json_t *agent = redact_all(red, json_object_get(ev, "agent"));
                json_t *action = redact_all(red, json_object_get(ev, "action"));
                json_t *detail = json_pack("{s:b,s:{s:o,s:o,s:o,s:o,s:s?,s:b,s:I},s:o}",
                        "imported", 1, "akios", "workflow_id",
                        redact_all(red, json_object_get(ev, "workflow_id")), "step",
                        redact_all(red, json_object_get(ev, "step")), "result",
                        redact_all(red, json_object_get(ev, "result")), "timestamp",
                        redact_all(red, json_object_get(ev, "timestamp")), "hash",
                        lines[i].hash, "hash_ok", lines[i].hash_ok, "line",
                        (json_int_t)(i + 1), "metadata",
                        redact_all(red, json_object_get(ev, "metadata")));
                json_t *e = audit_event(run_id, 0, json_string_value(agent),
                                        json_string_value(action), "imported", detail);
                uint64_t seq = 0;
                int r = e ? audit_append(log, e, &seq) : -ENOMEM;

                json_decref(e);
                json_decref(agent);
                json_decref(action);
                if (r < 0)
                        return r;
                if (i == 0)
                        *first = seq;
                *last = seq;
        }
        return 0;
}

int cmd_import_akios(int argc, char **argv)
{
        const char *file = NULL;
        struct akios_config cfg = { 0 };
        struct akios_line *lines = NULL;
        char (*leaves)[65] = NULL;
        struct buf b = BUF_INIT(0);
        struct audit_log *log = NULL;
        struct pii_redactor *red = NULL;
        char dir[PATH_MAX], stamp[32], run_id[64], root[65], stored[65], fhex[65];
        uint8_t fh[32];
        size_t n = 0, ok_hashes = 0;
        uint64_t first = 0, last = 0;
        struct diag d = { 0 };
        bool json = false;
        int r;

        for (int i = 1; i < argc; i++) {
                if (streq(argv[i], "--json"))
                        json = true;
                else if (!file && argv[i][0] != '-')
                        file = argv[i];
                else
                        return usage_error("audit", "audit import-akios: unexpected '%s'",
                                           argv[i]);
        }
        if (!file)
                return usage_error("audit", "audit import-akios: missing FILE "
                                   "(AKIOS's audit/audit_events.jsonl)");
        r = cli_load_config(NULL, true, &cfg);
        if (r)
                return r;
        r = read_lines(file, &b, &lines, &n, &leaves);
        if (r)
                goto out;
        sha256(b.data, b.len, fh);
        hex_encode(fh, 32, fhex);
        for (size_t i = 0; i < n; i++)
                ok_hashes += lines[i].hash_ok;
        akios_root(leaves, n, root);
        stored_root(file, stored);
        snprintf(dir, sizeof(dir), "%s/%s", cfg.audit_storage_path[0] == '/' ? "" :
                 cfg.project_dir, cfg.audit_storage_path);
        run_stamp_now(stamp);
        snprintf(run_id, sizeof(run_id), "import_%s", stamp);
        r = pii_redactor_new(REDACT_MASK, NULL, 0, &red);
        if (r == 0)
                r = audit_open(dir, cfg.fsync, &log, &d);
        if (r < 0) {
                log_error("%s", d.msg[0] ? d.msg : strerror(-r));
                r = r == -EBADMSG ? EXIT_AUDIT : EXIT_FAIL;
                goto out;
        }
        {
                json_t *src = json_string(file), *shown = redact_all(red, src);
                json_t *start = audit_event(run_id, 0, "audit", "import_akios", "started",
                        json_pack("{s:o,s:s,s:I,s:I,s:s,s:s?,s:b}", "source", shown,
                                  "source_sha256", fhex, "events", (json_int_t)n,
                                  "akios_hashes_ok", (json_int_t)ok_hashes, "akios_root", root,
                                  "akios_root_stored", stored[0] ? stored : NULL,
                                  "akios_root_match", stored[0] && streq(stored, root)));
                r = start ? audit_append(log, start, NULL) : -ENOMEM;
                json_decref(start);
                json_decref(src);
        }
        if (r == 0)
                r = append_all(log, red, run_id, lines, n, &first, &last);
        if (r == 0) {
                json_t *end = audit_event(run_id, 0, "audit", "import_akios", "completed",
                                          json_pack("{s:I,s:I,s:I}", "events", (json_int_t)n,
                                                    "first_seq", (json_int_t)first,
                                                    "last_seq", (json_int_t)last));

                r = end ? audit_append(log, end, NULL) : -ENOMEM;
                json_decref(end);
        }
        if (r == 0)
                r = audit_checkpoint(log);
        audit_close(log);
        if (r < 0) {
                log_error("cannot append to the ledger: %s", strerror(-r));
                r = EXIT_FAIL;
                goto out;
        }
        if (json) {
                json_t *j = json_pack("{s:s,s:I,s:I,s:I,s:I,s:s,s:s?,s:b,s:s}", "source", file,
                                      "events", (json_int_t)n, "akios_hashes_ok",
                                      (json_int_t)ok_hashes, "first_seq", (json_int_t)first,
                                      "last_seq", (json_int_t)last, "akios_root", root,
                                      "akios_root_stored", stored[0] ? stored : NULL,
                                      "akios_root_match", stored[0] && streq(stored, root),
                                      "run_id", run_id);
                print_json(j);
                json_decref(j);
        } else {
                printf("imported %zu AKIOS events from %s as ledger events %llu..%llu (%s)\n",
                       n, file, (unsigned long long)first, (unsigned long long)last, run_id);
                printf("  AKIOS event hashes: %zu of %zu recomputed and matching\n", ok_hashes, n);
                printf("  AKIOS Merkle root %s: %s\n", root, !stored[0] ? "no merkle_root.hash "
                       "beside the file" : streq(stored, root) ? "matches merkle_root.hash"
                       : "DIFFERS from merkle_root.hash");
        }
        r = EXIT_OK;
out:
        for (size_t i = 0; i < n; i++)
                json_decref(lines[i].ev);
        free(lines);
        free(leaves);
        buf_free(&b);
        pii_redactor_free(red);
        config_free(&cfg);
        return r;
}
