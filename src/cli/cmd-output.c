// SPDX-License-Identifier: GPL-3.0-or-later
/* AKIOS's `output` and `logs` commands over akios's files:
 *   output list [WORKFLOW] [--json]        run folders, newest first, with their output.json
 *   output latest [--json]                 the newest run's output.json
 *   output clean [--max-age DAYS] [--max-count N] [--all] [--dry-run] [--json]
 *                                          AKIOS's defaults: older than 30 days or beyond 50
 *   output archive [RUN...] --name NAME    move run folders to data/archive/NAME/
 *   logs [--limit N] [--task RUN] [--json] the latest ledger events (of one run)
 * Only run_* folders of data/output/ are touched; the ledger never is.
 */
#include <ctype.h>
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>

#include "audit/audit.h"
#include "cli/cli.h"
#include "config/config.h"

#define OUTPUT_JSON_CAP (64u << 20)
#define LOGS_FILE_CAP (1u << 30)

struct run_dir {
        char name[256];
        time_t mtime;
};

static int by_mtime_desc(const void *a, const void *b)
{
        const struct run_dir *x = a, *y = b;

        if (x->mtime != y->mtime)
                return x->mtime < y->mtime ? 1 : -1;
        return -strcmp(x->name, y->name);
}

/* run_* folders of data/output, newest first. */
static int list_runs(const char *out_dir, struct run_dir **ret, size_t *ret_n)
{
        DIR *d = opendir(out_dir);
        struct run_dir *v = NULL;
        struct dirent *de;
        size_t n = 0;

        if (!d) {
                *ret = NULL;
                *ret_n = 0;
                return errno == ENOENT ? 0 : -errno;
        }
        while ((de = readdir(d))) {
                char full[PATH_MAX];
                struct stat st;
                void *nv;

                if (strncmp(de->d_name, "run_", 4) || strlen(de->d_name) >= sizeof(v->name) ||
                    path_join(full, sizeof(full), out_dir, de->d_name) < 0 ||
                    lstat(full, &st) < 0 || !S_ISDIR(st.st_mode))
                        continue;
                nv = realloc(v, (n + 1) * sizeof(*v));
                if (!nv) {
                        free(v);
                        closedir(d);
                        return -ENOMEM;
                }
                v = nv;
                snprintf(v[n].name, sizeof(v[n].name), "%s", de->d_name);
                v[n++].mtime = st.st_mtime;
        }
        closedir(d);
        if (n)
                qsort(v, n, sizeof(*v), by_mtime_desc);
        *ret = v;
        *ret_n = n;
        return 0;
}

static json_t *load_output(const char *out_dir, const char *run)
{
        char p[PATH_MAX];
        struct buf b = BUF_INIT(OUTPUT_JSON_CAP);
        json_t *j = NULL;

        snprintf(p, sizeof(p), "%s/%s/output.json", out_dir, run);
        if (read_file_capped(p, OUTPUT_JSON_CAP, &b) == 0)
                j = json_loadb(b.data ? b.data : "", b.len, JSON_ALLOW_NUL, NULL); /* \u0000 */
        buf_free(&b);
        return j;
}

static int project_paths(struct akios_config *cfg, char *out_dir, size_t size)
{
        int r = cli_load_config(NULL, true, cfg);

        if (r)
                return r;
        snprintf(out_dir, size, "%s/data/output", cfg->project_dir);
        return EXIT_OK;
}

static int do_list(const char *out_dir, const char *workflow, bool json)
{
        struct run_dir *runs = NULL;
        json_t *arr = json_array();
        size_t n = 0;
        int r = list_runs(out_dir, &runs, &n);

        if (r < 0) {
                log_error("cannot read '%s': %s", out_dir, strerror(-r));
                json_decref(arr);
                return EXIT_FAIL;
        }
        for (size_t i = 0; i < n; i++) {
                json_t *o = load_output(out_dir, runs[i].name);
                const char *wf = json_string_value(json_object_get(o, "workflow"));
                const char *st = json_string_value(json_object_get(o, "status"));

                if (workflow && (!wf || !streq(wf, workflow))) {
                        json_decref(o);
                        continue;
                }
                if (json)
                        json_array_append_new(arr, json_pack("{s:s,s:s?,s:s?,s:I,s:O?}", "run",
                                              runs[i].name, "workflow", wf, "status", st,
                                              "mtime", (json_int_t)runs[i].mtime, "total_cost",
                                              json_object_get(o, "total_cost")));
                else
                        printf("%-32s %-12s %s\n", vis(runs[i].name),
                               st ? vis(st) : "(no output.json)", wf ? vis(wf) : "");
                json_decref(o);
        }
        if (json) {
                json_t *j = json_pack("{s:o}", "runs", arr);

                print_json(j);
                json_decref(j);
        } else {
                json_decref(arr);
        }
        free(runs);
        return EXIT_OK;
}

static int do_latest(const char *out_dir, bool json)
{
        struct run_dir *runs = NULL;
        size_t n = 0;
        json_t *o;
        int r = list_runs(out_dir, &runs, &n);

        if (r < 0 || n == 0) {
                log_error("no run yet in '%s'", out_dir);
                free(runs);
                return EXIT_FAIL;
        }
        o = load_output(out_dir, runs[0].name);
        free(runs);
        if (!o) {
                log_error("the latest run has no readable output.json");
                return EXIT_FAIL;
        }
        if (json) {
                print_json(o);
        } else {
                _cleanup_free_ char *d = json_dumps(o, JSON_INDENT(2) | JSON_SORT_KEYS);
                char *s = d ? term_json_safe(d) : NULL;

                if (s)
                        puts(s);
                free(s);
        }
        json_decref(o);
        return EXIT_OK;
}

struct clean_opts {
        uint64_t max_age_days, max_count;
        bool all, dry, json;
};

static int do_clean(const char *out_dir, const struct clean_opts *o)
{
        struct run_dir *runs = NULL;
        json_t *removed = json_array();
        time_t now = time(NULL);
        size_t n = 0;
        int r = list_runs(out_dir, &runs, &n), code = EXIT_OK;

        if (r < 0) {
                log_error("cannot read '%s': %s", out_dir, strerror(-r));
                json_decref(removed);
                return EXIT_FAIL;
        }
        for (size_t i = 0; i < n; i++) {
                bool old = o->max_age_days &&
                           (uint64_t)(now - runs[i].mtime) > o->max_age_days * 86400;
                char full[PATH_MAX];

                if (!o->all && !old && i < o->max_count)
                        continue;
                if (path_join(full, sizeof(full), out_dir, runs[i].name) < 0 ||
                    (!o->dry && cli_remove_tree(full) < 0)) {
                        log_error("cannot remove '%s': %s", runs[i].name, strerror(errno));
                        code = EXIT_FAIL;
                        break;
                }
                json_array_append_new(removed, json_string(runs[i].name));
                if (!o->json)
                        printf("%s data/output/%s\n", o->dry ? "would remove" : "removed",
                               runs[i].name);
        }
        if (o->json) {
                json_t *j = json_pack("{s:O,s:b,s:I}", "removed", removed, "dry_run", o->dry,
                                      "kept", (json_int_t)(n - json_array_size(removed)));

                print_json(j);
                json_decref(j);
        }
        json_decref(removed);
        free(runs);
        return code;
}

static bool safe_name(const char *s)
{
        if (!*s || streq(s, ".") || streq(s, ".."))
                return false;
        for (const char *p = s; *p; p++)
                if (*p == '/' || iscntrl((unsigned char)*p))
                        return false;
        return true;
}

static int do_archive(struct akios_config *cfg, const char *out_dir, char **runs, int n_runs,
                      const char *name, bool json)
{
        char dest[PATH_MAX], from[PATH_MAX], to[PATH_MAX];
        struct run_dir *all = NULL;
        json_t *moved = json_array();
        size_t n = 0;
        int r;

        if (!name || !safe_name(name))
                return usage_error("output", "output archive needs --name NAME (no '/')");
        snprintf(dest, sizeof(dest), "%s/data/archive/%s", cfg->project_dir, name);
        if (mkdir_p(dest, 0755) < 0) {
                log_error("cannot create '%s': %s", dest, strerror(errno));
                return EXIT_FAIL;
        }
        if (n_runs == 0 && list_runs(out_dir, &all, &n) < 0)
                return EXIT_FAIL;
        for (size_t i = 0; i < (n_runs ? (size_t)n_runs : n); i++) {
                const char *run = n_runs ? runs[i] : all[i].name;

                if (!safe_name(run) || strncmp(run, "run_", 4)) {
                        free(all);
                        json_decref(moved);
                        return usage_error("output", "'%s' is not a run folder name", run);
                }
                r = path_join(from, sizeof(from), out_dir, run) < 0 ||
                    path_join(to, sizeof(to), dest, run) < 0 ? -1 : rename(from, to);
                if (r < 0) {
                        log_error("cannot move '%s': %s", run, strerror(errno));
                        free(all);
                        json_decref(moved);
                        return EXIT_FAIL;
                }
                json_array_append_new(moved, json_string(run));
                if (!json)
                        printf("archived %s -> data/archive/%s/\n", run, name);
        }
        if (json) {
                json_t *j = json_pack("{s:s,s:O}", "archive", name, "moved", moved);

                print_json(j);
                json_decref(j);
        }
        free(all);
        json_decref(moved);
        return EXIT_OK;
}

int cmd_output(int argc, char **argv)
{
        static const struct option opts[] = {
                { "json", no_argument, NULL, 'j' },     { "dry-run", no_argument, NULL, 'n' },
                { "max-age", required_argument, NULL, 'a' },
                { "max-count", required_argument, NULL, 'c' },
                { "all", no_argument, NULL, 'A' },      { "yes", no_argument, NULL, 'y' },
                { "name", required_argument, NULL, 'N' }, {},
        };
        struct clean_opts co = { .max_age_days = 30, .max_count = 50 };
        struct akios_config cfg = { 0 };
        const char *sub, *name = NULL;
        char out_dir[PATH_MAX];
        int c, r;

        if (argc < 2)
                return usage_error("output", "missing subcommand (list, latest, clean, archive)");
        sub = argv[1];
        optind = 1;
        while ((c = getopt_long(argc - 1, argv + 1, "", opts, NULL)) != -1) {
                switch (c) {
                case 'j': co.json = true; break;
                case 'n': co.dry = true; break;
                case 'A': co.all = true; break;
                case 'y': break;        /* akios never prompts */
                case 'N': name = optarg; break;
                case 'a':
                case 'c':
                        if (parse_u64(optarg, c == 'a' ? &co.max_age_days : &co.max_count) < 0)
                                return usage_error("output", "'%s' is not a number", optarg);
                        break;
                default:
                        return usage_error("output", "unknown option '%s'",
                                           argv[optind < argc ? optind : argc - 1]);
                }
        }
        r = project_paths(&cfg, out_dir, sizeof(out_dir));
        if (r)
                return r;
        if (streq(sub, "list") && optind + 1 >= argc - 1)
                r = do_list(out_dir, optind + 1 == argc - 1 ? argv[optind + 1] : NULL, co.json);
        else if (streq(sub, "latest") && optind + 1 == argc)
                r = do_latest(out_dir, co.json);
        else if (streq(sub, "clean") && optind + 1 == argc)
                r = do_clean(out_dir, &co);
        else if (streq(sub, "archive"))
                r = do_archive(&cfg, out_dir, argv + optind + 1, argc - optind - 1, name, co.json);
        else
                r = usage_error("output", "unknown subcommand or extra argument in 'output %s'",
                                sub);
        config_free(&cfg);
        return r;
}

int cmd_logs(int argc, char **argv)
{
        static const struct option opts[] = {
                { "json", no_argument, NULL, 'j' }, { "limit", required_argument, NULL, 'n' },
                { "task", required_argument, NULL, 't' }, {},
        };
        struct akios_config cfg = { 0 };
        uint64_t limit = 10;
        const char *task = NULL;
        char path[PATH_MAX];
        struct buf b = BUF_INIT(LOGS_FILE_CAP);
        json_t *out = json_array();
        bool json = false;
        size_t count = 0;
        int c, r;

        while ((c = getopt_long(argc, argv, "n:t:", opts, NULL)) != -1) {
                if (c == 'j')
                        json = true;
                else if (c == 't')
                        task = optarg;
                else if (c != 'n' || parse_u64(optarg, &limit) < 0) {
                        json_decref(out);
                        return usage_error("logs", "bad option");
                }
        }
        if (optind != argc) {
                json_decref(out);
                return usage_error("logs", "unexpected '%s'", argv[optind]);
        }
        r = cli_load_config(NULL, true, &cfg);
        if (r) {
                json_decref(out);
                return r;
        }
        snprintf(path, sizeof(path), "%s/%s/ledger.jsonl", cfg.audit_storage_path[0] == '/' ?
                 "" : cfg.project_dir, cfg.audit_storage_path);
        r = read_file_capped(path, LOGS_FILE_CAP, &b);
        if (r < 0 && r != -ENOENT) {
                log_error("cannot read '%s': %s", path, strerror(-r));
                json_decref(out);
                config_free(&cfg);
                return EXIT_FAIL;
        }
        /* Newest first, from the end of the file. */
        for (size_t end = b.len; end > 0 && count < limit;) {
                size_t start = end - 1;
                json_t *ev;

                while (start > 0 && b.data[start - 1] != '\n')
                        start--;
                ev = json_loadb(b.data + start, end - start, 0, NULL);
                end = start;
                if (!ev)
                        continue;
                if (!task || streq(json_string_value(json_object_get(ev, "run_id")) ?
                                   json_string_value(json_object_get(ev, "run_id")) : "", task)) {
                        json_array_insert_new(out, 0, ev);
                        count++;
                } else {
                        json_decref(ev);
                }
        }
        if (json) {
                json_t *j = json_pack("{s:o}", "events", out);

                print_json(j);
                json_decref(j);
        } else {
                size_t i;
                json_t *ev;

                json_array_foreach(out, i, ev)
                        printf("%s  %-28s step %-3lld %s.%s  %s\n",
                               vis(json_string_value(json_object_get(ev, "ts")) ?: "?"),
                               vis(json_string_value(json_object_get(ev, "run_id")) ?: ""),
                               (long long)json_integer_value(json_object_get(ev, "step")),
                               vis(json_string_value(json_object_get(ev, "agent")) ?: "?"),
                               vis(json_string_value(json_object_get(ev, "action")) ?: "?"),
                               vis(json_string_value(json_object_get(ev, "outcome")) ?: "?"));
                json_decref(out);
        }
        buf_free(&b);
        config_free(&cfg);
        return EXIT_OK;
}

/* audit stats [--json] (AKIOS's name): the ledger's size, time span, outcomes and how much
 * of it the last signed checkpoint covers. Reads the files only; `audit verify` checks. */
int cmd_audit_stats(int argc, char **argv)
{
        struct akios_config cfg = { 0 };
        char dir[PATH_MAX], path[PATH_MAX + 32];
        struct buf b = BUF_INIT(LOGS_FILE_CAP), cp = BUF_INIT(1u << 16);
        json_t *outcomes = json_object(), *first = NULL, *last = NULL, *j;
        long long events = 0, signed_n = -1;
        uint64_t segments = 0;
        bool json = argc > 1 && streq(argv[1], "--json");
        int r;

        if (argc > (json ? 2 : 1))
                return usage_error("audit", "audit stats: unexpected '%s'", argv[json ? 2 : 1]);
        r = cli_load_config(NULL, true, &cfg);
        if (r)
                return r;
        snprintf(dir, sizeof(dir), "%s/%s", cfg.audit_storage_path[0] == '/' ? "" :
                 cfg.project_dir, cfg.audit_storage_path);
        snprintf(path, sizeof(path), "%s/ledger.jsonl", dir);
        r = read_file_capped(path, LOGS_FILE_CAP, &b);
        for (const char *p = b.data, *end = b.data + b.len; r == 0 && p && p < end;) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                json_t *ev = json_loadb(p, nl ? (size_t)(nl - p) : (size_t)(end - p), 0, NULL);
                const char *o = json_string_value(json_object_get(ev, "outcome"));

                events++;
                if (o)
                        json_object_set_new(outcomes, o, json_integer(json_integer_value(
                                                    json_object_get(outcomes, o)) + 1));
                if (!first)
                        first = json_incref(json_object_get(ev, "ts"));
                json_decref(last);
                last = json_incref(json_object_get(ev, "ts"));
                json_decref(ev);
                p = nl ? nl + 1 : end;
        }
        snprintf(path, sizeof(path), "%s/checkpoint", dir);
        if (read_file_capped(path, 1u << 16, &cp) == 0 && cp.data) {
                const char *l2 = strchr(cp.data, '\n');

                if (l2)
                        signed_n = strtoll(l2 + 1, NULL, 10);
        }
        j = json_pack("{s:s,s:I,s:I,s:o,s:o,s:o,s:o}", "ledger", dir, "events",
                      (json_int_t)events, "bytes", (json_int_t)b.len, "first_ts",
                      first ? first : json_null(), "last_ts", last ? last : json_null(),
                      "outcomes", outcomes, "checkpoint_size",
                      signed_n >= 0 ? json_integer(signed_n) : json_null());
        /* Archived segments (audit rotate); `audit verify` lists and checks them. */
        if (audit_segment_newest(dir, &segments) < 0)
                segments = 0;
        json_object_set_new(j, "segments", json_integer((json_int_t)segments));
        if (json) {
                print_json(j);
        } else {
                const char *k;
                json_t *v;

                printf("ledger      %s/ledger.jsonl\nevents      %lld (%.1f KiB)\n", dir, events,
                       (double)b.len / 1024.0);
                printf("span        %s .. %s\n", first ? json_string_value(first) : "-",
                       last ? json_string_value(last) : "-");
                printf("segments    %llu archived (audit verify checks them)\n",
                       (unsigned long long)segments);
                printf("signed      %s%lld of %lld events\n", signed_n < 0 ? "no checkpoint, " : "",
                       signed_n < 0 ? 0 : signed_n, events);
                json_object_foreach(outcomes, k, v)
                        printf("  %-12s %lld\n", k, (long long)json_integer_value(v));
        }
        json_decref(j);
        buf_free(&b);
        buf_free(&cp);
        config_free(&cfg);
        return EXIT_OK;
}
