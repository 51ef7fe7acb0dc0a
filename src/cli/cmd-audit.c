/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios audit: show, verify, export, proof and consistency over the project's ledger
 * (CONTRACTS §1, §4). Finds the project like git (walking up to config.yaml), reads the audit
 * folder from audit_storage_path, and prints; all checking lives in src/audit/.
 * verify exits 6 on any integrity failure, naming the first bad index; export, proof and
 * consistency run the same verification first and refuse (exit 6) a ledger that fails it.
 * Proofs and exports cover the live segment; rotate and prune are cmd-audit-segments.c.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>

#include "audit/audit.h"
#include "cli/cli.h"
#include "config/config.h"

const char help_audit[] =
        "akios audit show [--last N] [--json]\n"
        "    the last N events (default 20)\n"
        "akios audit verify [--json] [--checkpoint FILE [--key PUBKEY]]\n"
        "    check the whole ledger: every line, the RFC 6962 tree against every signed\n"
        "    checkpoint, the signatures (audit/key.pub); exit 6 with the first bad index.\n"
        "    Also every archived segment (audit rotate) and every link between them: a\n"
        "    removed, edited or reordered segment is exit 6; a pruned one is named.\n"
        "    --checkpoint: also against a checkpoint kept elsewhere (signed by PUBKEY, a\n"
        "    copy of key.pub kept with it): the ledger must still hold the tree it signed\n"
        "akios audit verify-proof FILE [--json]\n"
        "    check a run's audit-proof.json without the ledger: signatures, every\n"
        "    inclusion proof, the consistency proof from the previous checkpoint; exit 6\n"
        "akios audit export [--out FILE]\n"
        "    JSON export of the signed tree: origin, tree_size, root_hash, checkpoint,\n"
        "    verifier_key and every entry with its leaf hash and inclusion proof\n"
        "akios audit proof INDEX [--size N] [--json]\n"
        "    inclusion proof of event INDEX in the tree of size N (default: the latest\n"
        "    checkpoint); one hex hash per line\n"
        "akios audit consistency OLD_SIZE [NEW_SIZE] [--json]\n"
        "    consistency proof between two tree sizes (NEW_SIZE default: latest checkpoint)\n"
        "akios audit stats [--json]\n"
        "    events, size, time span, outcomes, how many events are signed, segments\n"
        "akios audit rotate [--json]\n"
        "    seal the live ledger with a final signed checkpoint, archive it as\n"
        "    audit/segments/NNNNNN/ and start a new one whose first event links to it\n"
        "    (tree size, root, SHA-256 of the final checkpoint); verify checks every link\n"
        "akios audit prune [--days N] [--archive-days 0] [--dry-run] [--json]\n"
        "    remove the events of archived segments (oldest first) whose last event is\n"
        "    older than N days (default audit_retention_days; 0 or unset: usage error);\n"
        "    each keeps its final signed checkpoint and its first event with a proof, and\n"
        "    the prune is an event of the live ledger. The live segment is never touched.\n"
        "    --archive-days (audit_archive_days) other than 0 is refused: akios does not\n"
        "    compress segments\n"
        "akios audit import-akios FILE [--json]\n"
        "    append an AKIOS audit_events.jsonl as events marked imported (AKIOS's hashes\n"
        "    and Merkle root recomputed and kept; every string redacted)\n"
        "\n"
        "Any RFC 9162 verifier can check the roots and proofs: leaf = SHA-256(0x00 || line),\n"
        "node = SHA-256(0x01 || left || right). Checkpoints are C2SP signed notes (Ed25519).\n";

/* The audit folder of the enclosing project. Returns an exit code. */
static int audit_dir(char out[PATH_MAX], bool *ret_export_ok)
{
        _cleanup_free_ char *proj = NULL;
        char cfg_path[PATH_MAX];
        struct akios_config c = { 0 };
        struct diag d = { 0 };
        int r;

        r = project_find(&proj);
        if (r < 0) {
                log_error("not inside an akios project (no config.yaml here or above); "
                          "run 'akios init' first");
                return EXIT_USAGE;
        }
        snprintf(cfg_path, sizeof(cfg_path), "%s/config.yaml", proj);
        r = config_load(&c, cfg_path, &d);
        if (r < 0) {
                char msg[1200];

                diag_format(&d, msg, sizeof(msg));
                log_error("%s", msg);
                config_free(&c);
                return EXIT_USAGE;
        }
        if (c.audit_storage_path[0] == '/')
                r = snprintf(out, PATH_MAX, "%s", c.audit_storage_path);
        else
                r = snprintf(out, PATH_MAX, "%s/%s", proj, c.audit_storage_path);
        if (ret_export_ok)
                *ret_export_ok = c.audit_export_enabled;
        config_free(&c);
        if (r >= PATH_MAX) {
                log_error("audit_storage_path is too long");
                return EXIT_USAGE;
        }
        return EXIT_OK;
}

static json_t *hex_json(const uint8_t *h)
{
        char hex[2 * AUDIT_HASH + 1];

        hex_encode(h, AUDIT_HASH, hex);
        return json_string(hex);
}

static json_t *proof_json(uint8_t proof[][AUDIT_HASH], unsigned n)
{
        json_t *a = json_array();

        for (unsigned i = 0; a && i < n; i++)
                json_array_append_new(a, hex_json(proof[i]));
        return a;
}

static void print_hex_lines(uint8_t proof[][AUDIT_HASH], unsigned n)
{
        char hex[2 * AUDIT_HASH + 1];

        for (unsigned i = 0; i < n; i++) {
                hex_encode(proof[i], AUDIT_HASH, hex);
                puts(hex);
        }
}

/* Parse "--json", "--last N", "--size N", "--out F" and positional numbers. */
struct opts {
        bool json;
        const char *out, *checkpoint, *key;
        uint64_t last, size;
        bool have_size;
        uint64_t pos[2];
        unsigned npos;
};

static int parse_opts(const char *sub, int argc, char **argv, struct opts *o)
{
        static const struct option longopts[] = {
                { "json", no_argument, NULL, 'j' },
                { "last", required_argument, NULL, 'l' },
                { "size", required_argument, NULL, 's' },
                { "out", required_argument, NULL, 'o' },
                { "checkpoint", required_argument, NULL, 'c' },
                { "key", required_argument, NULL, 'k' },
                { 0 },
        };
        int c;

        optind = 1;
        opterr = 0;
        while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
                switch (c) {
                case 'j':
                        o->json = true;
                        break;
                case 'l':
                        if (parse_u64(optarg, &o->last) < 0)
                                return usage_error("audit", "audit %s: bad --last '%s'", sub,
                                                   optarg);
                        break;
                case 's':
                        if (parse_u64(optarg, &o->size) < 0)
                                return usage_error("audit", "audit %s: bad --size '%s'", sub,
                                                   optarg);
                        o->have_size = true;
                        break;
                case 'o':
                        o->out = optarg;
                        break;
                case 'c':
                        o->checkpoint = optarg;
                        break;
                case 'k':
                        o->key = optarg;
                        break;
                default:
                        return usage_error("audit", "audit %s: unknown option '%s'", sub,
                                           argv[optind - 1]);
                }
        }
        for (; optind < argc; optind++) {
                if (o->npos >= 2 || parse_u64(argv[optind], &o->pos[o->npos]) < 0)
                        return usage_error("audit", "audit %s: unexpected argument '%s'", sub,
                                           argv[optind]);
                o->npos++;
        }
        return EXIT_OK;
}

static int report_failure(const struct audit_report *rep)
{
        if (rep->bad_index < 0)
                log_error("audit verification failed: %s", rep->reason);
        else
                log_error("audit ledger integrity failure at index %lld: %s",
                          (long long)rep->bad_index, rep->reason);
        return EXIT_AUDIT;
}

/* --key PUBKEY: the verifier key file, trimmed (caller frees). */
static int read_vkey(const char *path, char **ret)
{
        struct buf b = BUF_INIT(4096);
        int r = read_file_capped(path, 4096, &b);

        if (r < 0) {
                log_error("cannot read the key '%s': %s", path, strerror(-r));
                buf_free(&b);
                return EXIT_FAIL;
        }
        while (b.len > 0 && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == '\r'))
                b.data[--b.len] = '\0';
        *ret = buf_steal(&b, NULL);
        return EXIT_OK;
}

/* Verify first; exit code or EXIT_OK. */
static int verify_or_fail(const char *dir, struct audit_report *rep)
{
        int r = audit_verify(dir, rep);

        if (r == -EBADMSG)
                return report_failure(rep);
        if (r < 0) {
                log_error("cannot read the audit ledger in '%s': %s", dir, strerror(-r));
                return EXIT_FAIL;
        }
        return EXIT_OK;
}

/* Proofs and exports are only given for a ledger that verifies: verify, then open it. */
static int open_verified(const char *dir, struct audit_report *rep, struct audit_view **ret)
{
        int r = verify_or_fail(dir, rep);

        if (r != EXIT_OK)
                return r;
        if (rep->rotation_pending) {
                log_error("a rotation of segment %06llu was interrupted; run 'akios audit "
                          "rotate' or a workflow to finish it first",
                          (unsigned long long)rep->rotation_pending);
                return EXIT_FAIL;
        }
        r = audit_view_open(dir, ret);
        if (r < 0) {
                log_error("cannot read the audit ledger: %s", strerror(-r));
                return EXIT_FAIL;
        }
        return EXIT_OK;
}

/* The archived segment (newest first) that holds the tree of a checkpoint kept elsewhere,
 * taken before a rotation; 0 when none does. */
static uint64_t external_segment(const char *dir, const struct audit_external *ext)
{
        struct audit_report srep;
        char seg[PATH_MAX];
        uint64_t n = 0;

        if (audit_segment_newest(dir, &n) < 0)
                return 0;
        for (uint64_t k = n; k > 0; k--)
                if (snprintf(seg, sizeof(seg), "%s/%s/%06llu", dir, AUDIT_SEGMENTS_DIR,
                             (unsigned long long)k) < (int)sizeof(seg) &&
                    audit_verify_with(seg, ext, &srep) == 0)
                        return k;
        return 0;
}

static int do_verify(const char *dir, const struct opts *o)
{
        struct audit_report rep;
        char hex[2 * AUDIT_HASH + 1];
        _cleanup_free_ char *vkey = NULL;
        struct audit_external ext = { .path = o->checkpoint };
        int r, seg_rc = EXIT_OK;
        uint64_t ext_seg = 0;

        if (o->key && !o->checkpoint)
                return usage_error("audit", "audit verify: --key needs --checkpoint");
        if (o->key && (r = read_vkey(o->key, &vkey)) != EXIT_OK)
                return r;
        ext.vkey = vkey;
        r = audit_verify_with(dir, o->checkpoint ? &ext : NULL, &rep);
        if (r == -EBADMSG && o->checkpoint && rep.external_size > 0 &&
            (ext_seg = external_segment(dir, &ext)) > 0) {
                /* Kept before a rotation: its segment holds it; the live ledger is checked
                 * on its own. */
                uint64_t size = rep.external_size;

                r = audit_verify_with(dir, NULL, &rep);
                rep.external = true;
                rep.external_size = size;
        }
        if (r < 0 && r != -EBADMSG) {
                if (o->checkpoint && rep.external && rep.external_size == 0)
                        log_error("cannot read the checkpoint '%s': %s", o->checkpoint,
                                  strerror(-r));
                else
                        log_error("cannot read the audit ledger in '%s': %s", dir,
                                  strerror(-r));
                return EXIT_FAIL;
        }
        hex_encode(rep.root, AUDIT_HASH, hex);
        if (o->json) {
                json_t *j = json_pack(
                        "{s:b,s:I,s:I,s:s,s:s,s:i,s:I,s:b,s:b,s:o,s:o,s:f}", "verified", r == 0,
                        "events", (json_int_t)rep.lines, "tree_size",
                        (json_int_t)rep.signed_size, "root_hash", hex, "origin", rep.origin,
                        "checkpoints", (int)rep.checkpoints, "unsigned_tail",
                        (json_int_t)rep.tail, "torn_tail", rep.torn, "writer_active",
                        rep.writer_active, "first_bad_index",
                        r == 0 ? json_null() : json_integer(rep.bad_index), "reason",
                        r == 0 ? json_null() : json_string(rep.reason), "seconds", rep.ms / 1e3);

                json_object_set_new(j, "signing_interrupted",
                                    json_boolean(rep.signing_interrupted));
                if (o->checkpoint) {
                        json_object_set_new(j, "external_tree_size",
                                            r == 0 ? json_integer((json_int_t)rep.external_size)
                                                   : json_null());
                        json_object_set_new(j, "external_segment",
                                            r == 0 && ext_seg ? json_integer((json_int_t)ext_seg)
                                                              : json_null());
                }
                if (r == 0)
                        seg_rc = audit_verify_segments(dir, &rep, j);
                print_json(j);
                json_decref(j);
        } else if (r == 0 && rep.rotation_pending) {
                printf("live ledger: being restarted by an interrupted rotation of segment "
                       "%06llu (not checked; the segment holds its events)\n",
                       (unsigned long long)rep.rotation_pending);
        } else if (r == 0 && rep.lines == 0 && rep.checkpoints == 0) {
                printf("verified: the ledger in '%s' is empty\n", dir);
        } else if (r == 0) {
                printf("verified: %llu events; tree of %llu signed by '%s' (%u checkpoints); "
                       "root %s; %.3f s\n",
                       (unsigned long long)rep.lines, (unsigned long long)rep.signed_size,
                       rep.origin, rep.checkpoints, hex, rep.ms / 1e3);
        } else if (rep.bad_index < 0) {
                printf("NOT VERIFIED: %s\n", rep.reason);
        } else {
                printf("TAMPERED: first bad index %lld: %s\n", (long long)rep.bad_index,
                       rep.reason);
        }
        if (r == 0 && !o->json)
                seg_rc = audit_verify_segments(dir, &rep, NULL);
        if (r == 0 && o->checkpoint && !o->json && ext_seg)
                printf("consistent with the checkpoint '%s' (tree of %llu): archived segment "
                       "%06llu still holds every event it signed\n", o->checkpoint,
                       (unsigned long long)rep.external_size, (unsigned long long)ext_seg);
        else if (r == 0 && o->checkpoint && !o->json)
                printf("consistent with the checkpoint '%s' (tree of %llu): the ledger still "
                       "holds every event it signed\n",
                       o->checkpoint, (unsigned long long)rep.external_size);
        if (r == -EBADMSG)
                return report_failure(&rep);
        if (seg_rc != EXIT_OK)
                return seg_rc;
        if (rep.tail > 0)
                log_warn("%llu unsigned events after the last checkpoint (%s); the next run "
                         "signs them",
                         (unsigned long long)rep.tail,
                         rep.writer_active ? "a run is in progress" : "a run was interrupted");
        if (rep.torn)
                log_warn("the last line is incomplete (%s); the next run truncates it",
                         rep.writer_active ? "being written" : "an interrupted write");
        if (rep.signing_interrupted)
                log_warn("a checkpoint was being signed when the writer %s; the next run "
                         "signs it", rep.writer_active ? "was interrupted (still running)" :
                                                        "stopped");
        return EXIT_OK;
}

static int do_show(const char *dir, const struct opts *o)
{
        struct audit_view *v;
        uint64_t last = o->last ? o->last : 20, from;
        json_t *arr = NULL;
        int r;

        r = audit_view_open(dir, &v);
        if (r < 0) {
                log_error("cannot read the audit ledger in '%s': %s", dir, strerror(-r));
                return EXIT_FAIL;
        }
        from = v->n > last ? v->n - last : 0;
        if (o->json)
                arr = json_array();
        for (uint64_t i = from; i < v->n; i++) {
                const char *line = v->map + v->off[i];
                size_t len = v->off[i + 1] - v->off[i] - 1;
                json_t *e = json_loadb(line, len, 0, NULL);

                if (o->json) {
                        json_array_append_new(arr, e ? e : json_stringn(line, len));
                        continue;
                }
                if (!e) {
                        printf("%-6llu (unparsable line)\n", (unsigned long long)i);
                        continue;
                }
                printf("%-6llu %s  %-24s step %-3lld %s.%s  %s\n", (unsigned long long)i,
                       vis(json_string_value(json_object_get(e, "ts")) ?: "?"),
                       vis(json_string_value(json_object_get(e, "run_id")) ?: ""),
                       (long long)json_integer_value(json_object_get(e, "step")),
                       vis(json_string_value(json_object_get(e, "agent")) ?: "?"),
                       vis(json_string_value(json_object_get(e, "action")) ?: "?"),
                       vis(json_string_value(json_object_get(e, "outcome")) ?: "?"));
                json_decref(e);
        }
        if (o->json) {
                json_t *j = json_pack("{s:I,s:o}", "total", (json_int_t)v->n, "events", arr);

                print_json(j);
                json_decref(j);
        }
        audit_view_free(v);
        return EXIT_OK;
}

/* The size proofs refer to by default: the latest checkpoint's. */
static uint64_t default_size(const struct audit_view *v)
{
        return v->note ? v->cp.size : v->n;
}

static int do_proof(const char *dir, const struct opts *o)
{
        uint8_t proof[AUDIT_PROOF_MAX][AUDIT_HASH], root[AUDIT_HASH];
        struct audit_report rep;
        struct audit_view *v;
        uint64_t index = o->pos[0], size;
        unsigned n;
        int r;

        if (o->npos != 1)
                return usage_error("audit", "audit proof: expected one INDEX");
        r = open_verified(dir, &rep, &v);
        if (r != EXIT_OK)
                return r;
        size = o->have_size ? o->size : default_size(v);
        if (size > v->n || index >= size) {
                log_error("index %llu is not in a tree of size %llu (the ledger holds %llu "
                          "events)",
                          (unsigned long long)index, (unsigned long long)size,
                          (unsigned long long)v->n);
                audit_view_free(v);
                return EXIT_FAIL;
        }
        merkle_inclusion_proof(v->tree, index, size, proof, &n);
        merkle_tree_root(v->tree, size, root);
        if (o->json) {
                json_t *j = json_pack("{s:I,s:I,s:o,s:o,s:o}", "index", (json_int_t)index,
                                      "tree_size", (json_int_t)size, "leaf_hash",
                                      hex_json(merkle_tree_leaf(v->tree, index)), "root_hash",
                                      hex_json(root), "proof", proof_json(proof, n));

                print_json(j);
                json_decref(j);
        } else {
                print_hex_lines(proof, n);
        }
        audit_view_free(v);
        return EXIT_OK;
}

static int do_consistency(const char *dir, const struct opts *o)
{
        uint8_t proof[AUDIT_PROOF_MAX][AUDIT_HASH], r1[AUDIT_HASH], r2[AUDIT_HASH];
        struct audit_report rep;
        struct audit_view *v;
        uint64_t old_size = o->pos[0], new_size;
        unsigned n;
        int r;

        if (o->npos < 1)
                return usage_error("audit", "audit consistency: expected OLD_SIZE [NEW_SIZE]");
        r = open_verified(dir, &rep, &v);
        if (r != EXIT_OK)
                return r;
        new_size = o->npos > 1 ? o->pos[1] : default_size(v);
        if (old_size == 0 || old_size > new_size || new_size > v->n) {
                log_error("no consistency proof from size %llu to %llu (the ledger holds %llu "
                          "events; sizes start at 1)",
                          (unsigned long long)old_size, (unsigned long long)new_size,
                          (unsigned long long)v->n);
                audit_view_free(v);
                return EXIT_FAIL;
        }
        merkle_consistency_proof(v->tree, old_size, new_size, proof, &n);
        merkle_tree_root(v->tree, old_size, r1);
        merkle_tree_root(v->tree, new_size, r2);
        if (o->json) {
                json_t *j = json_pack("{s:I,s:I,s:o,s:o,s:o}", "old_size", (json_int_t)old_size,
                                      "new_size", (json_int_t)new_size, "old_root",
                                      hex_json(r1), "new_root", hex_json(r2), "proof",
                                      proof_json(proof, n));

                print_json(j);
                json_decref(j);
        } else {
                print_hex_lines(proof, n);
        }
        audit_view_free(v);
        return EXIT_OK;
}

static int do_export(const char *dir, const struct opts *o, bool export_ok)
{
        char tmp[PATH_MAX];
        struct audit_report rep;
        struct audit_view *v;
        FILE *f = stdout;
        int r;

        if (!export_ok) {
                log_error("audit export is disabled by audit_export_enabled: false");
                return EXIT_POLICY;
        }
        r = open_verified(dir, &rep, &v);
        if (r != EXIT_OK)
                return r;
        if (!v->note || !v->vkey) {
                log_error("nothing to export: the ledger has no signed checkpoint yet");
                audit_view_free(v);
                return EXIT_FAIL;
        }
        if (o->out) {
                snprintf(tmp, sizeof(tmp), "%s.tmp.%d", o->out, (int)getpid());
                f = fopen(tmp, "we");
                if (!f) {
                        log_error("cannot write '%s': %s", o->out, strerror(errno));
                        audit_view_free(v);
                        return EXIT_FAIL;
                }
        }
        r = audit_export_write(f, v, NULL);
        audit_view_free(v);
        if (fflush(f) != 0)
                r = -errno;
        if (o->out) {
                if (r == 0 && fsync(fileno(f)) < 0)
                        r = -errno;
                fclose(f);
                if (r == 0 && rename(tmp, o->out) < 0)
                        r = -errno;
                if (r < 0)
                        unlink(tmp);
        }
        if (r < 0) {
                log_error("cannot write the export: %s", strerror(-r));
                return EXIT_FAIL;
        }
        return EXIT_OK;
}

/* verify-proof FILE [--json]: no project, no ledger; only the file and the key it names. */
static int do_verify_proof(int argc, char **argv)
{
        struct audit_proof_report rep;
        const char *file = NULL;
        bool json = false;
        int r;

        for (int i = 2; i < argc; i++) {
                if (streq(argv[i], "--json"))
                        json = true;
                else if (argv[i][0] == '-' && argv[i][1])
                        return usage_error("audit", "audit verify-proof: unknown option '%s'",
                                           argv[i]);
                else if (!file)
                        file = argv[i];
                else
                        return usage_error("audit", "audit verify-proof: unexpected argument "
                                           "'%s'", argv[i]);
        }
        if (!file)
                return usage_error("audit", "audit verify-proof: expected FILE");
        r = audit_proof_verify(file, &rep);
        if (r < 0 && r != -EBADMSG) {
                log_error("cannot read '%s': %s", file, strerror(-r));
                return EXIT_FAIL;
        }
        if (json) {
                json_t *j = json_pack("{s:b,s:s,s:I,s:I,s:I,s:o}", "verified", r == 0,
                                      "origin", rep.origin, "tree_size",
                                      (json_int_t)rep.tree_size, "previous_size",
                                      (json_int_t)rep.previous_size, "entries",
                                      (json_int_t)rep.entries, "reason",
                                      r == 0 ? json_null() : json_string(rep.reason));

                print_json(j);
                json_decref(j);
        } else if (r == 0) {
                printf("verified: %llu events of the tree of %llu signed by '%s'%s\n",
                       (unsigned long long)rep.entries, (unsigned long long)rep.tree_size,
                       rep.origin, rep.previous_size ? ", consistent with the previous "
                                                       "checkpoint" : "");
        } else {
                printf("NOT VERIFIED: %s\n", rep.reason);
        }
        if (r < 0) {
                log_error("'%s' does not verify: %s", file, rep.reason);
                return EXIT_AUDIT;
        }
        return EXIT_OK;
}

enum sub { SUB_SHOW, SUB_VERIFY, SUB_EXPORT, SUB_PROOF, SUB_CONSISTENCY };

static const struct {
        const char *name;
        enum sub sub;
} subs[] = {
        { "show", SUB_SHOW },     { "verify", SUB_VERIFY }, { "export", SUB_EXPORT },
        { "proof", SUB_PROOF },   { "consistency", SUB_CONSISTENCY },
};

int cmd_audit(int argc, char **argv)
{
        char dir[PATH_MAX];
        struct opts o = { 0 };
        bool export_ok = true;
        int r;

        if (argc < 2)
                return usage_error("audit", "audit: missing subcommand");
        if (streq(argv[1], "verify-proof"))
                return do_verify_proof(argc, argv);
        if (streq(argv[1], "import-akios"))
                return cmd_import_akios(argc - 1, argv + 1);
        if (streq(argv[1], "stats"))
                return cmd_audit_stats(argc - 1, argv + 1);
        if (streq(argv[1], "rotate"))
                return cmd_audit_rotate(argc - 1, argv + 1);
        if (streq(argv[1], "prune"))
                return cmd_audit_prune(argc - 1, argv + 1);
        for (size_t i = 0; i < ARRAY_SIZE(subs); i++) {
                if (!streq(argv[1], subs[i].name))
                        continue;
                r = parse_opts(argv[1], argc - 1, argv + 1, &o);
                if (r != EXIT_OK)
                        return r;
                if (subs[i].sub != SUB_PROOF && subs[i].sub != SUB_CONSISTENCY && o.npos)
                        return usage_error("audit", "audit %s: unexpected argument", argv[1]);
                if (subs[i].sub != SUB_VERIFY && (o.checkpoint || o.key))
                        return usage_error("audit", "audit %s: --checkpoint and --key are "
                                           "options of verify", argv[1]);
                r = audit_dir(dir, &export_ok);
                if (r != EXIT_OK)
                        return r;
                switch (subs[i].sub) {
                case SUB_SHOW:
                        return do_show(dir, &o);
                case SUB_VERIFY:
                        return do_verify(dir, &o);
                case SUB_EXPORT:
                        return do_export(dir, &o, export_ok);
                case SUB_PROOF:
                        return do_proof(dir, &o);
                case SUB_CONSISTENCY:
                        return do_consistency(dir, &o);
                }
        }
        return usage_error("audit", "audit: unknown subcommand '%s'", argv[1]);
}
