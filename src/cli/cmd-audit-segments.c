/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios audit rotate and audit prune, and the segment part of audit verify (CONTRACTS §1,
 * §3, §4). Rotation, pruning and the chain checks live in src/audit/segment.c; this file
 * parses options, reads the config's defaults (audit_retention_days, audit_archive_days)
 * and prints once.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <time.h>

#include "audit/audit.h"
#include "cli/cli.h"
#include "config/config.h"

static void hex_of(const uint8_t *h, char out[2 * AUDIT_HASH + 1])
{
        hex_encode(h, AUDIT_HASH, out);
}

/* The project's audit folder and its config (caller frees cfg). Returns an exit code. */
static int load(struct akios_config *cfg, char dir[PATH_MAX])
{
        int r = cli_load_config(NULL, true, cfg);

        if (r)
                return r;
        if (snprintf(dir, PATH_MAX, "%s/%s", cfg->audit_storage_path[0] == '/' ? "" :
                     cfg->project_dir, cfg->audit_storage_path) >= PATH_MAX) {
                log_error("audit_storage_path is too long");
                return EXIT_USAGE;
        }
        return EXIT_OK;
}

static int fail(int r, const struct diag *d, const char *what)
{
        char msg[1200];

        if (d->msg[0]) {
                diag_format(d, msg, sizeof(msg));
                log_error("%s: %s", what, msg);
        } else {
                log_error("%s: %s", what, strerror(-r));
        }
        return r == -EBADMSG ? EXIT_AUDIT : EXIT_FAIL;
}

int cmd_audit_rotate(int argc, char **argv)
{
        struct akios_config cfg = { 0 };
        struct audit_rotation rot;
        struct diag d = { 0 };
        char dir[PATH_MAX], root[2 * AUDIT_HASH + 1], sha[2 * AUDIT_HASH + 1];
        bool json = argc == 2 && streq(argv[1], "--json");
        int r;

        if (argc > (json ? 2 : 1))
                return usage_error("audit", "audit rotate: unexpected '%s'", argv[1]);
        r = load(&cfg, dir);
        if (r) {
                config_free(&cfg);
                return r;
        }
        r = audit_rotate(dir, cfg.fsync, &rot, &d);
        config_free(&cfg);
        if (r < 0)
                return fail(r, &d, "audit rotate");
        hex_of(rot.root, root);
        hex_of(rot.checkpoint_sha256, sha);
        if (json) {
                json_t *j = json_pack("{s:I,s:s,s:I,s:s,s:s,s:I}", "segment",
                                      (json_int_t)rot.segment, "path", "", "tree_size",
                                      (json_int_t)rot.tree_size, "root_hash", root,
                                      "checkpoint_sha256", sha, "live_events",
                                      (json_int_t)rot.live_size);
                char p[PATH_MAX + 32];

                snprintf(p, sizeof(p), "%s/%s/%06llu", dir, AUDIT_SEGMENTS_DIR,
                         (unsigned long long)rot.segment);
                json_object_set_new(j, "path", json_string(p));
                print_json(j);
                json_decref(j);
        } else {
                printf("rotated: segment %06llu sealed (%llu events, root %s) in %s/%s/%06llu; "
                       "the live ledger starts with its link\n",
                       (unsigned long long)rot.segment, (unsigned long long)rot.tree_size, root,
                       dir, AUDIT_SEGMENTS_DIR, (unsigned long long)rot.segment);
        }
        return EXIT_OK;
}

struct prune_opts {
        uint64_t days, archive_days;
        bool have_days, have_archive, dry_run, json;
};

static int parse_prune(int argc, char **argv, struct prune_opts *o)
{
        static const struct option longopts[] = {
                { "days", required_argument, NULL, 'd' },
                { "archive-days", required_argument, NULL, 'a' },
                { "dry-run", no_argument, NULL, 'n' },
                { "json", no_argument, NULL, 'j' },
                { 0 },
        };
        int c;

        optind = 1;
        opterr = 0;
        while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
                switch (c) {
                case 'd':
                        if (parse_u64(optarg, &o->days) < 0 || o->days > 36500)
                                return usage_error("audit", "audit prune: bad --days '%s' "
                                                   "(0..36500)", optarg);
                        o->have_days = true;
                        break;
                case 'a':
                        if (parse_u64(optarg, &o->archive_days) < 0 || o->archive_days > 36500)
                                return usage_error("audit", "audit prune: bad --archive-days "
                                                   "'%s' (0..36500)", optarg);
                        o->have_archive = true;
                        break;
                case 'n':
                        o->dry_run = true;
                        break;
                case 'j':
                        o->json = true;
                        break;
                default:
                        return usage_error("audit", "audit prune: unknown option '%s'",
                                           argv[optind - 1]);
                }
        }
        if (optind < argc)
                return usage_error("audit", "audit prune: unexpected argument '%s'",
                                   argv[optind]);
        return EXIT_OK;
}

static json_t *numbers_json(const uint64_t *v, uint64_t n)
{
        json_t *a = json_array();

        for (uint64_t i = 0; a && i < n; i++)
                json_array_append_new(a, json_integer((json_int_t)v[i]));
        return a;
}

static void print_prune(const struct prune_opts *o, const struct audit_prune_result *res)
{
        if (o->json) {
                json_t *j = json_pack("{s:b,s:I,s:o,s:I,s:I}", "dry_run", o->dry_run, "days",
                                      (json_int_t)o->days, "pruned",
                                      numbers_json(res->segments, res->n), "pruned_through",
                                      (json_int_t)res->pruned_through, "kept",
                                      (json_int_t)res->kept);

                print_json(j);
                json_decref(j);
                return;
        }
        if (res->n == 0)
                printf("nothing to prune: no archived segment's last event is older than %llu "
                       "days (%llu kept whole)\n", (unsigned long long)o->days,
                       (unsigned long long)res->kept);
        for (uint64_t i = 0; i < res->n; i++)
                printf("%s segment %06llu: events removed, final checkpoint and head kept\n",
                       o->dry_run ? "would prune" : "pruned", (unsigned long long)res->segments[i]);
        if (o->dry_run && res->n)
                printf("dry run: nothing was changed\n");
}

int cmd_audit_prune(int argc, char **argv)
{
        struct akios_config cfg = { 0 };
        struct prune_opts o = { 0 };
        struct audit_prune_result res = { 0 };
        struct audit_chain chain = { 0 };
        struct audit_prune p = { 0 };
        struct diag d = { 0 };
        char dir[PATH_MAX];
        int r, fsync_mode;

        r = parse_prune(argc, argv, &o);
        if (r)
                return r;
        r = load(&cfg, dir);
        if (r) {
                config_free(&cfg);
                return r;
        }
        if (!o.have_days)
                o.days = (uint64_t)cfg.audit_retention_days;
        if (!o.have_archive)
                o.archive_days = (uint64_t)cfg.audit_archive_days;
        fsync_mode = cfg.fsync;
        config_free(&cfg);
        if (o.archive_days)
                return usage_error("audit", "audit prune: --archive-days %llu (or "
                                   "audit_archive_days) is refused: akios does not compress "
                                   "archived segments; use 0, or prune with --days",
                                   (unsigned long long)o.archive_days);
        if (o.days == 0)
                return usage_error("audit", "audit prune: nothing to do: give --days N (N > 0) "
                                   "or set audit_retention_days");
        p.days = o.days;
        p.dry_run = o.dry_run;
        p.now = (int64_t)time(NULL);
        r = audit_prune(dir, fsync_mode, &p, &res, &chain, &d);
        if (r == -EBADMSG) {
                log_error("audit prune: refused: the ledger does not verify: %s%s",
                          chain.reason[0] ? chain.reason : "", d.msg[0] ? d.msg : "");
                r = EXIT_AUDIT;
        } else if (r == -EAGAIN) {
                log_error("audit prune: a rotation was interrupted; run 'akios audit rotate' "
                          "or a workflow to finish it first");
                r = EXIT_FAIL;
        } else if (r < 0) {
                r = fail(r, &d, "audit prune");
        } else {
                print_prune(&o, &res);
                r = EXIT_OK;
        }
        free(res.segments);
        audit_chain_free(&chain);
        return r;
}

/* audit verify: the archived segments and links, after the live ledger verified. */
int audit_verify_segments(const char *dir, const struct audit_report *live, json_t *j)
{
        char root[2 * AUDIT_HASH + 1], sha[2 * AUDIT_HASH + 1];
        struct audit_chain c;
        json_t *a;
        int r;

        r = audit_chain_verify(dir, live, &c);
        if (r < 0 && r != -EBADMSG) {
                log_error("cannot read the archived segments in '%s/%s': %s", dir,
                          AUDIT_SEGMENTS_DIR, strerror(-r));
                audit_chain_free(&c);
                return EXIT_FAIL;
        }
        a = json_array();
        for (uint64_t i = 0; i < c.n && (c.bad_segment < 0 || i + 1 < (uint64_t)c.bad_segment);
             i++) {
                const struct audit_segment *s = &c.seg[i];

                hex_of(s->root, root);
                hex_of(s->checkpoint_sha256, sha);
                if (j)
                        json_array_append_new(a, json_pack("{s:I,s:s,s:I,s:s,s:s}", "segment",
                                                           (json_int_t)s->number, "state",
                                                           s->pruned ? "pruned" : "verified",
                                                           "events", (json_int_t)s->events,
                                                           "root_hash", root,
                                                           "checkpoint_sha256", sha));
                else if (s->pruned)
                        printf("segment %06llu: pruned (checkpoint kept): %llu events, root "
                               "%s\n", (unsigned long long)s->number,
                               (unsigned long long)s->events, root);
                else
                        printf("segment %06llu: verified: %llu events, root %s\n",
                               (unsigned long long)s->number, (unsigned long long)s->events,
                               root);
        }
        if (j) {
                json_object_set_new(j, "segments", a);
                json_object_set_new(j, "live_segment", json_integer((json_int_t)c.n + 1));
                json_object_set_new(j, "pruned_through",
                                    json_integer((json_int_t)c.pruned_through));
                json_object_set_new(j, "rotation_interrupted",
                                    c.rotation_pending ? json_integer((json_int_t)c.n)
                                                       : json_null());
                if (c.bad_segment >= 0) {
                        json_object_set_new(j, "verified", json_false());
                        json_object_set_new(j, "bad_segment",
                                            json_integer((json_int_t)c.bad_segment));
                        json_object_set_new(j, "reason", json_string(c.reason));
                }
        } else {
                json_decref(a);
        }
        if (c.bad_segment >= 0) {
                if (!j)
                        printf("TAMPERED: %s\n", c.reason);
                log_error("audit ledger integrity failure: %s", c.reason);
                r = EXIT_AUDIT;
        } else {
                if (c.rotation_pending)
                        log_warn("a rotation archived segment %06llu and was interrupted before "
                                 "the live ledger restarted; the next run or 'akios audit "
                                 "rotate' finishes it", (unsigned long long)c.n);
                r = EXIT_OK;
        }
        audit_chain_free(&c);
        return r;
}
