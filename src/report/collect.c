/* SPDX-License-Identifier: GPL-3.0-or-later */
/* collect: gather the report document from a project's files (runs, ledger, checkpoint) and
 * from the host (cage layers). It reads; it never writes, runs or repairs anything. The
 * ledger is read line by line with a fixed buffer, and only lines that say "denied" are
 * parsed, so a large ledger costs one pass and constant memory. A full integrity check is
 * left to audit_verify() (only when asked).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "audit/audit.h"
#include "config/config.h"
#include "report/report.h"
#include "sandbox/sandbox.h"

/* "run_<stamp>[_N]": the stamp part ends at the first '_' after "run_"; no suffix means 1. */
static void run_key(const char *name, size_t *ret_stamp_len, uint64_t *ret_n)
{
        const char *u = strchr(name + (strncmp(name, "run_", 4) == 0 ? 4 : 0), '_');
        uint64_t n = 1;

        if (u && parse_u64(u + 1, &n) < 0)
                n = 0;
        *ret_stamp_len = u ? (size_t)(u - name) : strlen(name);
        *ret_n = n;
}

int report_run_cmp(const char *a, const char *b)
{
        size_t la, lb;
        uint64_t na, nb;
        int c;

        run_key(a, &la, &na);
        run_key(b, &lb, &nb);
        c = strncmp(a, b, MIN(la, lb));
        if (c)
                return c;
        if (la != lb)
                return la < lb ? -1 : 1;
        return na < nb ? -1 : na > nb;
}

static int cmp_desc(const void *a, const void *b)
{
        return report_run_cmp(*(char *const *)b, *(char *const *)a);
}

/* Run folder names under out_dir, newest first. A missing folder is an empty list. */
static int list_runs(const char *out_dir, struct strv *ret)
{
        DIR *dir = opendir(out_dir);
        struct dirent *e;
        int r = 0;

        if (!dir)
                return errno == ENOENT ? 0 : -errno;
        while ((e = readdir(dir))) {
                if (strncmp(e->d_name, "run_", 4) != 0)
                        continue;
                if (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN)
                        continue;
                r = strv_push(ret, e->d_name);
                if (r < 0)
                        break;
        }
        closedir(dir);
        if (r == 0 && ret->n > 1)
                qsort(ret->v, ret->n, sizeof(char *), cmp_desc);
        return r;
}

static double num(const json_t *o, const char *key)
{
        return json_number_value(json_object_get(o, key));
}

static const char *str(const json_t *o, const char *key)
{
        return json_string_value(json_object_get(o, key));
}

static void set_str(json_t *o, const char *key, const char *v)
{
        json_object_set_new(o, key, v ? json_string(v) : json_null());
}

/* One step of output.json, keeping what the report shows (never the step's output text). */
static json_t *step_summary(const json_t *s)
{
        const json_t *out = json_object_get(s, "output");
        json_t *j = json_object();

        json_object_set_new(j, "step", json_integer((json_int_t)num(s, "step")));
        set_str(j, "name", str(s, "name"));
        set_str(j, "agent", str(s, "agent"));
        set_str(j, "action", str(s, "action"));
        set_str(j, "status", str(s, "status"));
        set_str(j, "error", str(s, "error"));
        json_object_set_new(j, "duration_ms", json_real(num(s, "duration_ms")));
        json_object_set_new(j, "cost_usd", json_real(json_is_object(out) ?
                                                      num(out, "cost_incurred") : 0.0));
        return j;
}

/* The summary of one run folder; a folder without output.json (a run killed before it
 * could write it) is listed with status "incomplete". */
static int load_run(const char *out_dir, const char *name, json_t **ret)
{
        char path[4096];
        struct buf b = BUF_INIT(REPORT_OUTPUT_MAX);
        json_t *o, *j, *steps, *in_steps, *s;
        size_t i;
        int r;

        r = snprintf(path, sizeof(path), "%s/%s/output.json", out_dir, name);
        if (r < 0 || (size_t)r >= sizeof(path))
                return -ENAMETOOLONG;
        j = json_pack("{s:s}", "run_id", name);
        if (!j)
                return -ENOMEM;
        r = read_file_capped(path, REPORT_OUTPUT_MAX, &b);
        if (r == -ENOENT) {
                json_object_set_new(j, "status", json_string("incomplete"));
                json_object_set_new(j, "steps", json_array());
                *ret = j;
                return 0;
        }
        if (r < 0) {
                json_decref(j);
                return r;
        }
        /* A step's output keeps its NUL bytes, written as \u0000. */
        o = json_loadb(b.data, b.len, JSON_ALLOW_NUL, NULL);
        buf_free(&b);
        if (!json_is_object(o)) {
                json_decref(o);
                json_object_set_new(j, "status", json_string("unreadable"));
                json_object_set_new(j, "steps", json_array());
                *ret = j;
                return 0;
        }
        static const char *const strs[] = { "workflow", "workflow_file", "status", "error",
                                            "error_category", "started_at", "finished_at" };
        for (i = 0; i < ARRAY_SIZE(strs); i++)
                set_str(j, strs[i], str(o, strs[i]));
        json_object_set_new(j, "exit_code", json_integer((json_int_t)num(o, "exit_code")));
        json_object_set_new(j, "duration_ms",
                            json_real(num(o, "execution_time_seconds") * 1000.0));
        json_object_set_new(j, "total_cost", json_real(num(o, "total_cost")));
        json_object_set_new(j, "tokens_input", json_integer((json_int_t)num(o, "tokens_input")));
        json_object_set_new(j, "tokens_output",
                            json_integer((json_int_t)num(o, "tokens_output")));
        json_object_set_new(j, "pii_redaction_count",
                            json_integer((json_int_t)num(o, "pii_redaction_count")));
        s = json_object_get(o, "pii_redactions_by_type");
        json_object_set_new(j, "pii_redactions_by_type",
                            json_is_object(s) ? json_deep_copy(s) : json_object());
        steps = json_array();
        in_steps = json_object_get(o, "steps");
        json_array_foreach(in_steps, i, s)
                if (json_is_object(s))
                        json_array_append_new(steps, step_summary(s));
        json_object_set_new(j, "steps", steps);
        json_decref(o);
        *ret = j;
        return 0;
}

static void add_counts(json_t *total, const json_t *by_type)
{
        const char *k;
        json_t *v;

        json_object_foreach((json_t *)by_type, k, v) {
                json_int_t have = json_integer_value(json_object_get(total, k));

                json_object_set_new(total, k, json_integer(have + json_integer_value(v)));
        }
}

static int collect_runs(const struct report_opts *o, json_t *doc)
{
        char out_dir[4096];
        struct strv names = { 0 };
        json_t *runs = json_array(), *by_type = json_object();
        unsigned max = o->max_runs ? o->max_runs : REPORT_RUNS_DEFAULT;
        double max_cost = 0;
        int r;

        json_object_set_new(doc, "runs", runs);
        json_object_set_new(doc, "redactions_by_type", by_type);
        r = path_join(out_dir, sizeof(out_dir), o->project_dir, "data/output");
        if (r == 0)
                r = list_runs(out_dir, &names);
        for (size_t i = 0; r == 0 && i < names.n && i < max; i++) {
                json_t *run;

                r = load_run(out_dir, names.v[i], &run);
                if (r < 0)
                        break;
                add_counts(by_type, json_object_get(run, "pii_redactions_by_type"));
                max_cost = MAX(max_cost, num(run, "total_cost"));
                json_array_append_new(runs, run);
        }
        json_object_set_new(doc, "runs_total", json_integer((json_int_t)names.n));
        json_object_set_new(doc, "max_run_cost", json_real(max_cost));
        strv_free(&names);
        return r;
}

/* One denied ledger event, as the report lists it. */
static json_t *denial(const char *line, size_t len)
{
        json_t *e = json_loadb(line, len, 0, NULL), *j;
        const json_t *detail;
        const char *why;

        if (!json_is_object(e) || !streq(str(e, "outcome") ?: "", "denied")) {
                json_decref(e);
                return NULL;
        }
        detail = json_object_get(e, "detail");
        why = str(detail, "error") ?: str(detail, "reason") ?: str(detail, "message");
        j = json_pack("{s:I,s:s?,s:s?,s:I,s:s?,s:s?}", "seq", (json_int_t)num(e, "seq"),
                      "ts", str(e, "ts"), "run_id", str(e, "run_id"),
                      "step", (json_int_t)num(e, "step"), "agent", str(e, "agent"),
                      "action", str(e, "action"));
        if (j)
                set_str(j, "reason", why);
        json_decref(e);
        return j;
}

/* One pass over ledger.jsonl: events, bytes, denials. */
static int scan_ledger(const char *path, json_t *ledger, json_t *denials)
{
        FILE *f = fopen(path, "re");
        _cleanup_free_ char *line = NULL;
        const size_t size = AUDIT_LINE_MAX + 2;
        uint64_t events = 0, bytes = 0, denied = 0;
        int r = 0;

        if (!f)
                return errno == ENOENT ? 0 : -errno;
        line = malloc(size);
        if (!line) {
                fclose(f);
                return -ENOMEM;
        }
        while (fgets(line, (int)size, f)) {
                size_t len = strlen(line);

                if (len == 0 || line[len - 1] != '\n') {
                        if (len >= size - 1) {
                                r = -E2BIG;
                                break;
                        }
                        bytes += len; /* a torn last line: counted as bytes, not as event */
                        continue;
                }
                events++;
                bytes += len;
                if (!strstr(line, "\"outcome\":\"denied\""))
                        continue;
                denied++;
                if (json_array_size(denials) < REPORT_DENIALS_MAX) {
                        json_t *d = denial(line, len - 1);

                        if (d)
                                json_array_append_new(denials, d);
                }
        }
        if (r == 0 && ferror(f))
                r = -EIO;
        fclose(f);
        json_object_set_new(ledger, "events", json_integer((json_int_t)events));
        json_object_set_new(ledger, "bytes", json_integer((json_int_t)bytes));
        json_object_set_new(ledger, "denials_total", json_integer((json_int_t)denied));
        return r;
}

/* audit/checkpoint: the signed note as text, and its body (origin, size, root). */
static json_t *checkpoint_json(const char *audit_dir)
{
        char path[4096], root_hex[2 * AUDIT_HASH + 1] = "";
        struct buf b = BUF_INIT(AUDIT_NOTE_MAX);
        char *origin, *size, *root, *save = NULL;
        uint8_t h[AUDIT_HASH + 3];
        json_t *j;

        if (path_join(path, sizeof(path), audit_dir, "checkpoint") < 0 ||
            read_file_capped(path, AUDIT_NOTE_MAX, &b) < 0)
                return json_null();
        j = json_pack("{s:s}", "note", b.data);
        origin = strtok_r(b.data, "\n", &save);
        size = origin ? strtok_r(NULL, "\n", &save) : NULL;
        root = size ? strtok_r(NULL, "\n", &save) : NULL;
        if (root && base64_decode(root, strlen(root), h, sizeof(h)) == AUDIT_HASH)
                hex_encode(h, AUDIT_HASH, root_hex);
        set_str(j, "origin", origin);
        json_object_set_new(j, "size", json_integer(size ? strtoll(size, NULL, 10) : 0));
        set_str(j, "root_base64", root);
        set_str(j, "root_hex", root_hex[0] ? root_hex : NULL);
        buf_free(&b);
        return j;
}

static json_t *verify_json(const char *audit_dir)
{
        struct audit_report a;
        char root[2 * AUDIT_HASH + 1];
        int r = audit_verify(audit_dir, &a);

        if (r < 0 && r != -EBADMSG)
                return json_pack("{s:b,s:s}", "verified", 0, "reason", strerror(-r));
        hex_encode(a.root, AUDIT_HASH, root);
        return json_pack("{s:b,s:I,s:I,s:I,s:s,s:s,s:I,s:s?}", "verified", r == 0,
                         "events", (json_int_t)a.lines, "tree_size", (json_int_t)a.signed_size,
                         "unsigned_tail", (json_int_t)a.tail, "root_hash", root,
                         "origin", a.origin, "first_bad_index", (json_int_t)a.bad_index,
                         "reason", a.reason[0] ? a.reason : NULL);
}

static int collect_ledger(const struct report_opts *o, json_t *doc)
{
        char path[4096];
        json_t *ledger = json_object(), *denials = json_array();
        int r;

        json_object_set_new(doc, "ledger", ledger);
        json_object_set_new(doc, "denials", denials);
        set_str(ledger, "dir", o->audit_dir);
        r = path_join(path, sizeof(path), o->audit_dir, "ledger.jsonl");
        if (r == 0)
                r = scan_ledger(path, ledger, denials);
        json_object_set_new(ledger, "checkpoint", checkpoint_json(o->audit_dir));
        json_object_set_new(ledger, "verify_command", json_string("akios audit verify --json"));
        if (o->verify_ledger)
                json_object_set_new(ledger, "verify", verify_json(o->audit_dir));
        return r;
}

static json_t *check_json(const struct cage_host_check *k)
{
        return json_pack("{s:b,s:s,s:s?}", "available", k->available, "reason", k->reason,
                         "fix", k->available ? NULL : k->fix);
}

static json_t *cage_json(const struct report_opts *o)
{
        json_t *j = json_pack("{s:b,s:s}", "sandbox_enabled", o->sandbox_enabled,
                              "sandbox_required", o->sandbox_strict ? "strict" : "best-effort");
        struct cage_host h;
        json_t *layers;

        if (!o->probe_cage)
                return j;
        cage_probe_host(&h);
        layers = json_object();
        for (int i = 0; i < _CAGE_LAYER_MAX; i++)
                json_object_set_new(layers, cage_layer_name(i), check_json(&h.layer[i]));
        json_object_set_new(j, "layers", layers);
        json_object_set_new(j, "cgroup", check_json(&h.cgroup));
        json_object_set_new(json_object_get(j, "cgroup"), "version",
                            json_string(cage_cgroup_name(h.cgroup_version)));
        json_object_set_new(j, "root", json_boolean(h.root));
        return j;
}

int report_collect(const struct report_opts *o, json_t **ret)
{
        char now[32];
        json_t *doc;
        int r;

        r = rfc3339_now(now);
        if (r < 0)
                return r;
        doc = json_pack("{s:s,s:s,s:s,s:{s:s},s:{s:f,s:b}}", "format", REPORT_FORMAT,
                        "generated_at", now, "akios_version", AKIOS_VERSION,
                        "project", "dir", o->project_dir,
                        "budget", "limit_per_run_usd", o->budget_limit,
                        "cost_kill_enabled", o->cost_kill_enabled);
        if (!doc)
                return -ENOMEM;
        r = collect_runs(o, doc);
        if (r == 0)
                r = collect_ledger(o, doc);
        if (r < 0) {
                json_decref(doc);
                return r;
        }
        json_object_set_new(doc, "cage", cage_json(o));
        *ret = doc;
        return 0;
}

int report_opts_from_config(struct report_opts *o, const struct akios_config *cfg,
                            char *audit_dir, size_t size)
{
        const char *a = cfg->audit_storage_path ? cfg->audit_storage_path : "audit";
        int r;

        if (!cfg->project_dir)
                return -EINVAL;
        while (a[0] == '.' && a[1] == '/')
                a += 2;
        r = a[0] == '/' ? snprintf(audit_dir, size, "%s", a)
                        : snprintf(audit_dir, size, "%s/%s", cfg->project_dir, a);
        if (r < 0 || (size_t)r >= size)
                return -ENAMETOOLONG;
        /* "./audit/" and "audit" name the same folder; keep the shown path tidy. */
        while (r > 1 && audit_dir[r - 1] == '/')
                audit_dir[--r] = 0;
        *o = (struct report_opts){
                .project_dir = cfg->project_dir,
                .audit_dir = audit_dir,
                .budget_limit = cfg->budget_limit_per_run,
                .cost_kill_enabled = cfg->cost_kill_enabled,
                .sandbox_enabled = cfg->sandbox_enabled,
                .sandbox_strict = cfg->sandbox_required == SANDBOX_STRICT,
        };
        return 0;
}
