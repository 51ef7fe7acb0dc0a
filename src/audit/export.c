/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The JSON documents an auditor checks without the ledger (CONTRACTS §4): the whole-tree
 * export of `audit export` and the per-run audit-proof.json, one writer for both (streamed:
 * an export holds one proof per entry, too big to build as one jansson tree), and the
 * checker of `audit verify-proof`, which trusts nothing in the file but the verifier key it
 * names: the checkpoint's signature, every leaf hash, every inclusion proof, the consistency
 * proof from the previous checkpoint, and that the entries are exactly the events between
 * the two checkpoints, ending in the new checkpoint's marker.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "audit/audit.h"

static void put_json_string(FILE *f, const char *s, size_t n)
{
        fputc('"', f);
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)s[i];

                if (c == '"' || c == '\\')
                        fprintf(f, "\\%c", c);
                else if (c == '\n')
                        fputs("\\n", f);
                else if (c < 0x20)
                        fprintf(f, "\\u%04x", c);
                else
                        fputc(c, f);
        }
        fputc('"', f);
}

static void put_hex(FILE *f, const uint8_t *h)
{
        char hex[2 * AUDIT_HASH + 1];

        hex_encode(h, AUDIT_HASH, hex);
        fprintf(f, "\"%s\"", hex);
}

static void put_proof(FILE *f, uint8_t proof[][AUDIT_HASH], unsigned n)
{
        fputc('[', f);
        for (unsigned k = 0; k < n; k++) {
                if (k)
                        fputc(',', f);
                put_hex(f, proof[k]);
        }
        fputc(']', f);
}

/* "consistency": from the previous checkpoint to this tree, or null for the first one. */
static void put_consistency(FILE *f, const struct audit_view *v, const struct audit_export *o)
{
        uint8_t proof[AUDIT_PROOF_MAX][AUDIT_HASH], root[AUDIT_HASH];
        unsigned n = 0;

        fputs(",\"previous_checkpoint\":", f);
        if (o->old_size == 0 || !o->old_note) {
                fputs("null,\"consistency\":null", f);
                return;
        }
        put_json_string(f, o->old_note, strlen(o->old_note));
        merkle_tree_root(v->tree, o->old_size, root);
        merkle_consistency_proof(v->tree, o->old_size, v->cp.size, proof, &n);
        fprintf(f, ",\"consistency\":{\"old_size\":%llu,\"old_root\":",
                (unsigned long long)o->old_size);
        put_hex(f, root);
        fprintf(f, ",\"new_size\":%llu,\"new_root\":", (unsigned long long)v->cp.size);
        merkle_tree_root(v->tree, v->cp.size, root);
        put_hex(f, root);
        fputs(",\"proof\":", f);
        put_proof(f, proof, n);
        fputc('}', f);
}

int audit_export_write(FILE *f, const struct audit_view *v, const struct audit_export *o)
{
        uint8_t proof[AUDIT_PROOF_MAX][AUDIT_HASH], root[AUDIT_HASH];
        uint64_t size = v->cp.size, from = o && o->run ? o->old_size : 0;
        unsigned n;

        if (!v->note || !v->vkey || size > v->n || from > size)
                return -EINVAL;
        errno = 0; /* a failed buffered write leaves its errno (ENOSPC) for the end */
        merkle_tree_root(v->tree, size, root);
        fprintf(f, "{\"format\":\"%s\",\"origin\":",
                o && o->run ? AUDIT_PROOF_FORMAT : AUDIT_EXPORT_FORMAT);
        put_json_string(f, v->cp.origin, strlen(v->cp.origin));
        if (o && o->run) {
                fputs(",\"run_id\":", f);
                put_json_string(f, o->run_id ? o->run_id : "", strlen(o->run_id ? o->run_id : ""));
                fprintf(f, ",\"first_index\":%llu", (unsigned long long)from);
        }
        fprintf(f, ",\"tree_size\":%llu,\"root_hash\":", (unsigned long long)size);
        put_hex(f, root);
        fputs(",\"checkpoint\":", f);
        put_json_string(f, v->note, strlen(v->note));
        fputs(",\"verifier_key\":", f);
        put_json_string(f, v->vkey, strlen(v->vkey));
        if (o && o->run)
                put_consistency(f, v, o);
        fputs(",\"entries\":[", f);
        for (uint64_t i = from; i < size; i++) {
                merkle_inclusion_proof(v->tree, i, size, proof, &n);
                fprintf(f, "%s{\"index\":%llu,\"data\":", i > from ? "," : "",
                        (unsigned long long)i);
                put_json_string(f, v->map + v->off[i], v->off[i + 1] - v->off[i] - 1);
                fputs(",\"leaf_hash\":", f);
                put_hex(f, merkle_tree_leaf(v->tree, i));
                fputs(",\"inclusion_proof\":", f);
                put_proof(f, proof, n);
                fputc('}', f);
        }
        fputs("]}\n", f);
        return ferror(f) ? -(errno ? errno : EIO) : 0;
}

int audit_proof_write(const char *dir, const struct audit_export *o, int dirfd, const char *name)
{
        char tmp[PATH_MAX];
        struct audit_view *v;
        FILE *f;
        int r, fd;

        if (snprintf(tmp, sizeof(tmp), ".%s.tmp.%d", name, (int)getpid()) >= (int)sizeof(tmp))
                return -ENAMETOOLONG;
        r = audit_view_open(dir, &v);
        if (r < 0)
                return r;
        fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        f = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (!f) {
                r = -errno;
                if (fd >= 0) {
                        close(fd);
                        (void)unlinkat(dirfd, tmp, 0);
                }
                audit_view_free(v);
                return r;
        }
        r = audit_export_write(f, v, o);
        audit_view_free(v);
        if (fflush(f) != 0 && r == 0)
                r = -errno;
        if (r == 0 && fsync(fileno(f)) < 0)
                r = -errno;
        if (fclose(f) != 0 && r == 0)
                r = -errno;
        if (r == 0 && renameat(dirfd, tmp, dirfd, name) < 0)
                r = -errno;
        if (r < 0) {
                (void)unlinkat(dirfd, tmp, 0);
                return r;
        }
        return fsync(dirfd) < 0 ? -errno : 0;
}

/* ---- verify-proof ----------------------------------------------------------------------- */

_printf_(2, 3) static int fail(struct audit_proof_report *rep, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(rep->reason, sizeof(rep->reason), fmt, ap);
        va_end(ap);
        return -EBADMSG;
}

static bool get_hash(const json_t *j, uint8_t out[AUDIT_HASH])
{
        const char *s = json_string_value(j);

        return s && strlen(s) == 2 * AUDIT_HASH && hex_decode(s, out, AUDIT_HASH) == 0;
}

/* A JSON array of hex hashes into proof[]; false when malformed or too long. */
static bool get_proof(const json_t *a, uint8_t proof[][AUDIT_HASH], size_t *ret_n)
{
        size_t i;
        json_t *e;

        if (!json_is_array(a) || json_array_size(a) > AUDIT_PROOF_MAX)
                return false;
        json_array_foreach(a, i, e)
                if (!get_hash(e, proof[i]))
                        return false;
        *ret_n = json_array_size(a);
        return true;
}

static bool get_u64(const json_t *j, uint64_t *ret)
{
        if (!json_is_integer(j) || json_integer_value(j) < 0)
                return false;
        *ret = (uint64_t)json_integer_value(j);
        return true;
}

/* A signed note by v whose checkpoint names v's origin. */
static int check_note(const json_t *j, const struct note_verifier *v, struct checkpoint *ret,
                      const char *what, struct audit_proof_report *rep)
{
        const char *note = json_string_value(j);
        size_t text_len;
        int r;

        if (!note)
                return fail(rep, "%s is missing", what);
        r = note_verify(v, note, strlen(note), &text_len);
        if (r < 0)
                return fail(rep, "%s does not verify with verifier_key (%s)", what,
                            r == -EKEYREJECTED ? "bad signature" :
                            r == -ENOKEY      ? "not signed by this key" :
                                                "malformed");
        if (checkpoint_parse(note, text_len, ret) < 0 || !streq(ret->origin, v->name))
                return fail(rep, "%s is not a checkpoint of the log '%s'", what, v->name);
        return 0;
}

static int check_entry(const json_t *e, uint64_t want, uint64_t size,
                       const uint8_t root[AUDIT_HASH], struct audit_proof_report *rep)
{
        uint8_t leaf[AUDIT_HASH], given[AUDIT_HASH], proof[AUDIT_PROOF_MAX][AUDIT_HASH];
        const char *data = json_string_value(json_object_get(e, "data")), *why = NULL;
        uint64_t index;
        size_t n, len;

        if (!get_u64(json_object_get(e, "index"), &index) || index != want)
                return fail(rep, "entry for event %llu: index missing or out of order",
                            (unsigned long long)want);
        if (!data)
                return fail(rep, "event %llu: no data", (unsigned long long)index);
        len = json_string_length(json_object_get(e, "data"));
        if (audit_line_check(data, len, index, &why) < 0)
                return fail(rep, "event %llu: %s", (unsigned long long)index, why);
        merkle_leaf_hash(data, len, leaf);
        if (!get_hash(json_object_get(e, "leaf_hash"), given) || memcmp(leaf, given, AUDIT_HASH))
                return fail(rep, "event %llu: leaf_hash is not SHA-256(0x00 || data)",
                            (unsigned long long)index);
        if (!get_proof(json_object_get(e, "inclusion_proof"), proof, &n) ||
            merkle_verify_inclusion(index, size, leaf, (const uint8_t(*)[AUDIT_HASH])proof, n,
                                    root) < 0)
                return fail(rep, "event %llu: its inclusion proof does not lead to the signed "
                            "root", (unsigned long long)index);
        return 0;
}

/* previous_checkpoint and consistency: both null (first checkpoint) or both valid. */
static int check_consistency(const json_t *doc, const struct note_verifier *v,
                             const struct checkpoint *cp, uint64_t *ret_from,
                             struct audit_proof_report *rep)
{
        const json_t *c = json_object_get(doc, "consistency");
        uint8_t proof[AUDIT_PROOF_MAX][AUDIT_HASH], h[AUDIT_HASH];
        struct checkpoint old;
        uint64_t n1, n2;
        size_t n;
        int r;

        if (json_is_null(c) && json_is_null(json_object_get(doc, "previous_checkpoint"))) {
                *ret_from = 0;
                return 0;
        }
        r = check_note(json_object_get(doc, "previous_checkpoint"), v, &old,
                       "previous_checkpoint", rep);
        if (r < 0)
                return r;
        if (!json_is_object(c) || !get_u64(json_object_get(c, "old_size"), &n1) ||
            !get_u64(json_object_get(c, "new_size"), &n2) || n1 != old.size ||
            n2 != cp->size || !get_hash(json_object_get(c, "old_root"), h) ||
            memcmp(h, old.root, AUDIT_HASH) || !get_hash(json_object_get(c, "new_root"), h) ||
            memcmp(h, cp->root, AUDIT_HASH))
                return fail(rep, "consistency does not name the two signed checkpoints");
        if (!get_proof(json_object_get(c, "proof"), proof, &n) ||
            merkle_verify_consistency(old.size, cp->size, old.root, cp->root,
                                      (const uint8_t(*)[AUDIT_HASH])proof, n) < 0)
                return fail(rep, "the consistency proof from tree %llu to %llu does not verify "
                            "(history was rewritten)", (unsigned long long)old.size,
                            (unsigned long long)cp->size);
        rep->previous_size = old.size;
        *ret_from = old.size;
        return 0;
}

static int check_doc(const json_t *doc, struct audit_proof_report *rep)
{
        const char *format = json_string_value(json_object_get(doc, "format"));
        const char *vkey = json_string_value(json_object_get(doc, "verifier_key"));
        const json_t *entries = json_object_get(doc, "entries"), *e;
        struct note_verifier v;
        struct checkpoint cp;
        uint8_t root[AUDIT_HASH];
        uint64_t size, from = 0, first, msize, mprev;
        bool run;
        size_t i;
        int r;

        run = format && streq(format, AUDIT_PROOF_FORMAT);
        if (!run && !(format && streq(format, AUDIT_EXPORT_FORMAT)))
                return fail(rep, "format is not '%s' or '%s'", AUDIT_PROOF_FORMAT,
                            AUDIT_EXPORT_FORMAT);
        if (!vkey || note_verifier_parse(vkey, &v) < 0)
                return fail(rep, "verifier_key is missing or not a verifier key");
        snprintf(rep->origin, sizeof(rep->origin), "%s", v.name);
        r = check_note(json_object_get(doc, "checkpoint"), &v, &cp, "checkpoint", rep);
        if (r < 0)
                return r;
        if (!get_u64(json_object_get(doc, "tree_size"), &size) || size != cp.size ||
            !get_hash(json_object_get(doc, "root_hash"), root) ||
            memcmp(root, cp.root, AUDIT_HASH) != 0)
                return fail(rep, "tree_size and root_hash are not the signed checkpoint's");
        rep->tree_size = size;
        if (run) {
                r = check_consistency(doc, &v, &cp, &from, rep);
                if (r < 0)
                        return r;
                if (!get_u64(json_object_get(doc, "first_index"), &first) || first != from)
                        return fail(rep, "first_index is not the previous checkpoint's size");
        }
        /* Exactly the events the checkpoint newly signs: none left out, none added. */
        if (!json_is_array(entries) || json_array_size(entries) != size - from)
                return fail(rep, "entries are not the %llu events %llu..%llu",
                            (unsigned long long)(size - from), (unsigned long long)from,
                            (unsigned long long)(size ? size - 1 : 0));
        json_array_foreach(entries, i, e) {
                r = check_entry(e, from + i, size, root, rep);
                if (r < 0)
                        return r;
        }
        rep->entries = json_array_size(entries);
        /* A run's proof ends in the marker of the checkpoint it carries. */
        if (run && size > from) {
                const char *last = json_string_value(
                        json_object_get(json_array_get(entries, size - from - 1), "data"));

                if (!audit_line_marker(last, strlen(last), &msize, &mprev) || msize != size ||
                    mprev != from)
                        return fail(rep, "the last entry is not the marker of the checkpoint "
                                    "of tree size %llu", (unsigned long long)size);
        }
        return 0;
}

int audit_proof_verify(const char *path, struct audit_proof_report *rep)
{
        struct buf b = BUF_INIT(AUDIT_PROOF_FILE_MAX);
        json_error_t err;
        json_t *doc;
        int r;

        memset(rep, 0, sizeof(*rep));
        r = read_file_capped(path, AUDIT_PROOF_FILE_MAX, &b);
        if (r == -E2BIG)
                r = fail(rep, "larger than %u MiB", AUDIT_PROOF_FILE_MAX >> 20);
        if (r < 0) {
                buf_free(&b);
                return r;
        }
        doc = json_loadb(b.data, b.len, JSON_REJECT_DUPLICATES, &err);
        buf_free(&b);
        if (!doc)
                return fail(rep, "%d:%d: not JSON: %s", err.line, err.column, err.text);
        if (!json_is_object(doc)) {
                json_decref(doc);
                return fail(rep, "not a JSON object");
        }
        r = check_doc(doc, rep);
        json_decref(doc);
        return r;
}
