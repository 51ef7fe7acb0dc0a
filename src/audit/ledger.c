/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ledger writer: lock, check and recover on open, append canonical lines with a constant-cost
 * Merkle update, group commit, signed checkpoints, clean close. Also the signing key (init)
 * and the line checks the verifier shares.
 *
 * Open re-hashes a ledger of up to AUDIT_OPEN_RECHECK bytes from line 0; past that it folds
 * only what the frontier saved at the last checkpoint (audit/state) does not cover, checking
 * that the tree still ends in the signed root and that nothing signed is missing (the full
 * line-by-line check is `audit verify`). A torn last line is the one damage it repairs; the
 * rest is -EBADMSG.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <openssl/rand.h>

#include "audit/internal.h"
#include "config/config.h"

/* ---- line checks ---------------------------------------------------------------------- */

static const char *const event_fields[] = { "action", "agent", "detail", "outcome",
                                            "run_id", "seq", "step", "ts" };

int audit_line_seq(const char *line, size_t len, uint64_t *ret)
{
        static const char key[] = "\"seq\":";
        uint64_t v = 0;
        size_t i;

        /* Keys are sorted and only scalars ("step", "ts") follow "seq", so its last
         * occurrence is the top-level one; a quote inside a string is always escaped. */
        for (i = len; i >= sizeof(key) - 1; i--)
                if (memcmp(line + i - (sizeof(key) - 1), key, sizeof(key) - 1) == 0)
                        break;
        if (i < sizeof(key) - 1 || i >= len || line[i] < '0' || line[i] > '9')
                return -EBADMSG;
        if (line[i] == '0' && i + 1 < len && line[i + 1] >= '0' && line[i + 1] <= '9')
                return -EBADMSG;
        for (; i < len && line[i] >= '0' && line[i] <= '9'; i++) {
                if (v > (UINT64_MAX - 9) / 10)
                        return -EBADMSG;
                v = v * 10 + (uint64_t)(line[i] - '0');
        }
        if (i >= len || (line[i] != ',' && line[i] != '}'))
                return -EBADMSG;
        *ret = v;
        return 0;
}

/* Digits at *p (no leading zero), advancing *p; false when there are none. */
static bool scan_u64(const char **p, const char *end, uint64_t *ret)
{
        const char *q = *p;
        uint64_t v = 0;

        if (q >= end || *q < '0' || *q > '9' || (*q == '0' && q + 1 < end && q[1] >= '0' &&
                                                 q[1] <= '9'))
                return false;
        for (; q < end && *q >= '0' && *q <= '9'; q++) {
                uint64_t digit = (uint64_t)(*q - '0');

                if (v > UINT64_MAX / 10 || (v == UINT64_MAX / 10 && digit > UINT64_MAX % 10))
                        return false;
                v = v * 10 + digit;
        }
        *p = q;
        *ret = v;
        return true;
}

bool audit_line_marker(const char *line, size_t len, uint64_t *ret_size, uint64_t *ret_prev)
{
        /* Canonical JSON sorts the keys, so a marker always starts with exactly this. */
        static const char head[] = "{\"action\":\"checkpoint\",\"agent\":\"audit\","
                                   "\"detail\":{\"previous_size\":";
        static const char mid[] = ",\"tree_size\":";
        const char *p = line + sizeof(head) - 1, *end = line + len;
        uint64_t size, prev;

        if (len < sizeof(head) - 1 || memcmp(line, head, sizeof(head) - 1) != 0)
                return false;
        if (!scan_u64(&p, end, &prev) || (size_t)(end - p) < sizeof(mid) - 1 ||
            memcmp(p, mid, sizeof(mid) - 1) != 0)
                return false;
        p += sizeof(mid) - 1;
        if (!scan_u64(&p, end, &size) || p >= end || *p != '}')
                return false;
        *ret_size = size;
        *ret_prev = prev;
        return true;
}

int audit_line_check(const char *line, size_t len, uint64_t seq, const char **ret_reason)
{
        _cleanup_free_ char *canon = NULL;
        json_error_t err;
        json_t *j, *s;
        const char *why = NULL;

        j = json_loadb(line, len, JSON_REJECT_DUPLICATES, &err);
        if (!j || !json_is_object(j))
                why = "not a JSON object";
        if (!why && json_object_size(j) != ARRAY_SIZE(event_fields))
                why = "wrong set of fields";
        for (size_t i = 0; !why && i < ARRAY_SIZE(event_fields); i++)
                if (!json_object_get(j, event_fields[i]))
                        why = "wrong set of fields";
        /* Every field has its type, so no value can hide another field's text (a "seq" inside
         * an object would fool audit_line_seq()). */
        if (!why && (!json_is_string(json_object_get(j, "ts")) ||
                     !json_is_string(json_object_get(j, "run_id")) ||
                     !json_is_string(json_object_get(j, "agent")) ||
                     !json_is_string(json_object_get(j, "action")) ||
                     !json_is_string(json_object_get(j, "outcome")) ||
                     !json_is_integer(json_object_get(j, "step")) ||
                     !json_is_object(json_object_get(j, "detail"))))
                why = "a field has the wrong type";
        s = j ? json_object_get(j, "seq") : NULL;
        if (!why && (!json_is_integer(s) || json_integer_value(s) < 0 ||
                     (uint64_t)json_integer_value(s) != seq))
                why = "seq is not its index (an event was deleted, inserted or moved)";
        if (!why && !json_is_object(json_object_get(j, "detail")))
                why = "detail is not an object";
        if (!why) {
                canon = json_canonical(j);
                if (!canon || strlen(canon) != len || memcmp(canon, line, len) != 0)
                        why = "not canonical JSON";
        }
        json_decref(j);
        if (why) {
                if (ret_reason)
                        *ret_reason = why;
                return -EBADMSG;
        }
        return 0;
}

/* ---- keys ----------------------------------------------------------------------------- */

int audit_write_file(const char *dir, const char *name, const void *p, size_t n, mode_t mode)
{
        char tmp[PATH_MAX], path[PATH_MAX];
        const char *base = strrchr(name, '/');
        int r;

        base = base ? base + 1 : name;
        r = path_in(path, dir, AUDIT_TMP_DIR);
        if (r == 0 && mkdir(path, 0700) < 0 && errno != EEXIST)
                r = -errno;
        if (r == 0 && snprintf(tmp, sizeof(tmp), "%s/%s/%s.%d", dir, AUDIT_TMP_DIR, base,
                               (int)getpid()) >= (int)sizeof(tmp))
                r = -ENAMETOOLONG;
        if (r == 0)
                r = path_in(path, dir, name);
        if (r < 0)
                return r;
        return write_file_via(tmp, path, p, n, mode);
}

/* Remove what a killed writer left in the temp folder (called under the lock). */
static void clean_tmp(const char *dir)
{
        char path[PATH_MAX];
        _cleanup_close_ int dfd = -1;
        struct dirent *e;
        DIR *d;

        if (path_in(path, dir, AUDIT_TMP_DIR) < 0)
                return;
        dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
        if (dfd < 0 || !(d = fdopendir(dfd)))
                return;
        dfd = -1; /* owned by d now */
        while ((e = readdir(d)))
                if (e->d_name[0] != '.')
                        unlinkat(dirfd(d), e->d_name, 0);
        closedir(d);
}

/* `s` and a newline, atomically, as dir/name. */
static int write_line_file(const char *dir, const char *name, const char *s, mode_t mode)
{
        _cleanup_free_ char *t = NULL;
        size_t n = strlen(s);

        t = malloc(n + 1);
        if (!t)
                return -ENOMEM;
        memcpy(t, s, n);
        t[n] = '\n';
        return audit_write_file(dir, name, t, n + 1, mode);
}

int audit_keygen(const char *dir, const char *origin, struct diag *d)
{
        _cleanup_free_ char *skey = NULL, *vkey = NULL;
        char path[PATH_MAX];
        struct stat st;
        int r;

        r = mkdir_p(dir, 0700);
        if (r < 0) {
                diag_set(d, dir, 0, 0, "cannot create audit folder: %s", strerror(-r));
                return r;
        }
        if (path_in(path, dir, "key") == 0 && stat(path, &st) == 0)
                return 0;
        r = note_keygen(origin, &skey, &vkey);
        if (r < 0) {
                diag_set(d, NULL, 0, 0, "cannot create a signing key for '%s': %s", origin,
                         r == -EINVAL ? "invalid key name" : strerror(-r));
                return r;
        }
        /* key.pub first: a key without its vkey would be refused on open. */
        r = write_line_file(dir, "key.pub", vkey, 0644);
        if (r == 0)
                r = write_line_file(dir, "key", skey, 0600);
        if (r < 0)
                diag_set(d, dir, 0, 0, "cannot write the signing key: %s", strerror(-r));
        return r;
}

/* Load key and key.pub; make a key first when neither exists (a ledger opened before init). */
static int load_keys(struct audit_log *log, struct diag *d)
{
        _cleanup_free_ char *skey = NULL, *vkey = NULL;
        int r;

        r = read_key_file(log->dir, "key", &skey);
        if (r == -ENOENT && read_key_file(log->dir, "key.pub", &vkey) == -ENOENT) {
                uint8_t rnd[8];
                char origin[64], hex[17];

                if (RAND_bytes(rnd, sizeof(rnd)) != 1)
                        return -EIO;
                hex_encode(rnd, sizeof(rnd), hex);
                snprintf(origin, sizeof(origin), "akios/%s", hex);
                r = audit_keygen(log->dir, origin, d);
                if (r < 0)
                        return r;
                r = read_key_file(log->dir, "key", &skey);
        }
        if (r < 0) {
                diag_set(d, log->dir, 0, 0, "cannot read the signing key 'key': %s",
                         strerror(-r));
                return r;
        }
        free(vkey);
        vkey = NULL;
        r = read_key_file(log->dir, "key.pub", &vkey);
        if (r < 0) {
                diag_set(d, log->dir, 0, 0, "cannot read the verifier key 'key.pub': %s",
                         strerror(-r));
                return r == -ENOENT ? -EBADMSG : r;
        }
        if (note_signer_parse(skey, &log->signer) < 0 ||
            note_verifier_parse(vkey, &log->verifier) < 0 ||
            log->signer.id != log->verifier.id || !streq(log->signer.name, log->verifier.name) ||
            memcmp(log->signer.pub, log->verifier.pub, 32) != 0) {
                diag_set(d, log->dir, 0, 0, "'key' and 'key.pub' are malformed or do not match");
                return -EBADMSG;
        }
        return 0;
}

/* Largest tree size named in checkpoints/ (0 when none). */
static uint64_t newest_kept(const char *dir)
{
        char path[PATH_MAX];
        struct dirent **list;
        uint64_t max = 0, v;
        int n;

        if (path_in(path, dir, "checkpoints") < 0)
                return 0;
        n = scandir(path, &list, NULL, NULL);
        for (int i = 0; i < n; i++) {
                if (strlen(list[i]->d_name) == 20 && parse_u64(list[i]->d_name, &v) == 0 &&
                    v > max)
                        max = v;
                free(list[i]);
        }
        if (n >= 0)
                free(list);
        return max;
}

static int load_checkpoint(struct audit_log *log, struct diag *d)
{
        char path[PATH_MAX];
        uint64_t kept;
        int r;

        r = path_in(path, log->dir, "checkpoint");
        if (r < 0)
                return r;
        r = checkpoint_load(path, &log->verifier, &log->cp, &log->cp_note);
        if (r == -ENOENT) {
                memset(&log->cp, 0, sizeof(log->cp));
                log->have_cp = false;
        } else if (r < 0) {
                diag_set(d, path, 0, 0, "checkpoint does not verify with key.pub (%s)",
                         r == -EKEYREJECTED ? "bad signature" :
                         r == -ENOKEY      ? "not signed by this key" :
                                             "malformed");
                return r == -EKEYREJECTED || r == -ENOKEY || r == -EBADMSG ? -EBADMSG : r;
        } else {
                log->have_cp = true;
        }
        kept = newest_kept(log->dir);
        if (kept > log->cp.size) {
                diag_set(d, path, 0, 0,
                         "checkpoint is older than checkpoints/%020llu (rolled back)",
                         (unsigned long long)kept);
                return -EBADMSG;
        }
        return 0;
}

/* The frontier saved at the last checkpoint: {"size","offset","frontier":[hex...]}. */
static int load_state(struct audit_log *log, struct merkle_range *ret, uint64_t *ret_off)
{
        char path[PATH_MAX];
        struct buf b = BUF_INIT(16384);
        json_t *j, *f, *e;
        json_int_t size, off;
        size_t i;
        int r = -EINVAL;

        if (path_in(path, log->dir, "state") < 0 || read_file_capped(path, 16384, &b) < 0)
                return -ENOENT;
        j = json_loadb(b.data, b.len, 0, NULL);
        buf_free(&b);
        f = json_object_get(j, "frontier");
        size = json_integer_value(json_object_get(j, "size"));
        off = json_integer_value(json_object_get(j, "offset"));
        if (json_is_array(f) && size >= 0 && off >= 0 &&
            json_array_size(f) == (size_t)__builtin_popcountll((uint64_t)size)) {
                ret->size = (uint64_t)size;
                ret->n = (unsigned)json_array_size(f);
                r = 0;
                json_array_foreach(f, i, e)
                        if (!json_is_string(e) ||
                            hex_decode(json_string_value(e), ret->h[i], AUDIT_HASH) < 0)
                                r = -EINVAL;
                *ret_off = (uint64_t)off;
        }
        json_decref(j);
        return r;
}

static int save_state(struct audit_log *log)
{
        char hex[2 * AUDIT_HASH + 1];
        _cleanup_free_ char *s = NULL;
        json_t *j, *f = json_array();

        for (unsigned i = 0; f && i < log->range.n; i++) {
                hex_encode(log->range.h[i], AUDIT_HASH, hex);
                json_array_append_new(f, json_string(hex));
        }
        j = json_pack("{s:I,s:I,s:o}", "size", (json_int_t)log->range.size, "offset",
                      (json_int_t)log->offset, "frontier", f);
        s = j ? json_canonical(j) : NULL;
        json_decref(j);
        if (!s)
                return -ENOMEM;
        return write_line_file(log->dir, "state", s, 0644);
}

/* A checkpoint marker (audit_line_marker) at event i: it must name its own position; a signed
 * one must have its checkpoint kept (the latest may lack its copy in checkpoints/ after a
 * crash: audit_open restores it); an unsigned one is only the last line, written just before
 * a signature that a crash interrupted, and its previous size must be the latest checkpoint.
 * *tail_marker is set to i for the unsigned one. */
static int check_marker(struct audit_log *log, uint64_t i, uint64_t size, uint64_t prev,
                        int64_t *tail_marker, struct diag *d)
{
        char name[48], path[PATH_MAX];
        unsigned line = (unsigned)MIN(i + 1, UINT_MAX);

        if (size != i + 1 || prev > i) {
                diag_set(d, "ledger.jsonl", line, 1, "event %llu is a checkpoint marker for "
                         "tree size %llu, which is not its own position",
                         (unsigned long long)i, (unsigned long long)size);
                return -EBADMSG;
        }
        if (i >= log->cp.size) {
                if (prev != log->cp.size) {
                        diag_set(d, "ledger.jsonl", line, 1, "event %llu records a checkpoint "
                                 "signed after tree size %llu, but audit/checkpoint covers %llu "
                                 "(checkpoint files deleted or rolled back)",
                                 (unsigned long long)i, (unsigned long long)prev,
                                 (unsigned long long)log->cp.size);
                        return -EBADMSG;
                }
                *tail_marker = (int64_t)i;
                return 0;
        }
        if (size == log->cp.size)
                return 0;
        snprintf(name, sizeof(name), "checkpoints/%020llu", (unsigned long long)size);
        if (path_in(path, log->dir, name) < 0 || access(path, F_OK) < 0) {
                diag_set(d, "ledger.jsonl", line, 1, "event %llu records that a checkpoint of "
                         "tree size %llu was signed, but %s is missing (deleted)",
                         (unsigned long long)i, (unsigned long long)size, name);
                return -EBADMSG;
        }
        return 0;
}

/* Fold the lines of ledger.jsonl from the state's offset to the end into the range, checking
 * each unsigned line and the signed root; truncate a torn last line. *ret_torn = bytes cut. */
static int fold_tail(struct audit_log *log, const char *map, uint64_t fsize, uint64_t *ret_torn,
                     struct diag *d)
{
        uint8_t (*leaves)[AUDIT_HASH] = NULL;
        uint64_t p = log->offset, start = log->range.size, cap = 0, n = 0;
        uint8_t root[AUDIT_HASH];
        const char *why = NULL;
        int64_t tail_marker = -1;
        int r = 0;

        log->pending_marker = false;
        if (p > fsize || (p > 0 && map[p - 1] != '\n'))
                return -ESTALE;
        if (start > log->cp.size)
                return -ESTALE;
        if (log->have_cp && start == log->cp.size) {
                merkle_range_root(&log->range, root);
                if (memcmp(root, log->cp.root, AUDIT_HASH) != 0)
                        return -ESTALE;
        }
        while (p < fsize) {
                const char *line = map + p, *nl = memchr(line, '\n', fsize - p);
                uint64_t i = log->range.size, seq, msize, mprev;
                size_t len;

                if (!nl)
                        break;
                if (tail_marker >= 0) {
                        /* The marker of a signature that never came is followed by more. */
                        diag_set(d, "ledger.jsonl", (unsigned)MIN(tail_marker + 1, UINT_MAX), 1,
                                 "event %lld records that a checkpoint of tree size %lld was "
                                 "signed, but no checkpoint covers it (audit/checkpoint and "
                                 "checkpoints/ deleted or rolled back)",
                                 (long long)tail_marker, (long long)tail_marker + 1);
                        r = -EBADMSG;
                        goto out;
                }
                len = (size_t)(nl - line);
                if (len > AUDIT_LINE_MAX)
                        why = "longer than the record cap";
                else if (i >= log->cp.size)
                        r = audit_line_check(line, len, i, &why);
                else if (audit_line_seq(line, len, &seq) < 0 || seq != i)
                        why = "seq is not its index (an event was deleted, inserted or moved)";
                if (why || r < 0) {
                        diag_set(d, "ledger.jsonl", (unsigned)MIN(i + 1, UINT_MAX), 1,
                                 "event %llu does not verify: %s", (unsigned long long)i,
                                 why ? why : "bad line");
                        r = -EBADMSG;
                        goto out;
                }
                if (audit_line_marker(line, len, &msize, &mprev)) {
                        r = check_marker(log, i, msize, mprev, &tail_marker, d);
                        if (r < 0)
                                goto out;
                }
                r = merkle_leaves_add(&leaves, &cap, n++, line, len, &log->range);
                if (r < 0)
                        goto out;
                p += len + 1;
                if (log->have_cp && log->range.size == log->cp.size) {
                        merkle_range_root(&log->range, root);
                        if (memcmp(root, log->cp.root, AUDIT_HASH) != 0) {
                                diag_set(d, "ledger.jsonl", 0, 0,
                                         "the first %llu events do not match the signed "
                                         "checkpoint",
                                         (unsigned long long)log->cp.size);
                                r = -EBADMSG;
                                goto out;
                        }
                }
        }
        if (log->range.size < log->cp.size) {
                diag_set(d, "ledger.jsonl", 0, 0,
                         "holds %llu events but its signed checkpoint covers %llu "
                         "(truncated or rolled back)",
                         (unsigned long long)log->range.size, (unsigned long long)log->cp.size);
                r = -EBADMSG;
                goto out;
        }
        /* The leaf-hash cache: exactly one hash per line, rewritten for the tail. */
        if (ftruncate(log->hash_fd, (off_t)(start * AUDIT_HASH)) < 0 ||
            (n && pwrite(log->hash_fd, leaves, n * AUDIT_HASH, (off_t)(start * AUDIT_HASH)) !=
                          (ssize_t)(n * AUDIT_HASH))) {
                r = -errno;
                goto out;
        }
        log->pending_marker = tail_marker >= 0;
        *ret_torn = fsize - p;
        if (p < fsize && (ftruncate(log->fd, (off_t)p) < 0 || fsync(log->fd) < 0)) {
                r = -errno;
                goto out;
        }
        log->offset = p;
out:
        free(leaves);
        return r;
}

/* Start from the saved frontier when it is usable, else from the first line. */
static int recover(struct audit_log *log, uint64_t *ret_torn, struct diag *d)
{
        struct stat st, hst;
        char *map = NULL;
        bool from_state;
        int r;

        if (fstat(log->fd, &st) < 0 || fstat(log->hash_fd, &hst) < 0)
                return -errno;
        if (st.st_size > 0) {
                map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, log->fd, 0);
                if (map == MAP_FAILED)
                        return -errno;
        }
        merkle_range_init(&log->range);
        log->offset = 0;
        /* A ledger up to AUDIT_OPEN_RECHECK bytes is re-hashed from line 0 on every open, so a
         * changed signed event stops the run; past it, open trusts the saved frontier and
         * only `audit verify` reads the signed part. */
        if ((uint64_t)st.st_size <= AUDIT_OPEN_RECHECK ||
            load_state(log, &log->range, &log->offset) < 0 ||
            (uint64_t)hst.st_size < log->range.size * AUDIT_HASH) {
                merkle_range_init(&log->range);
                log->offset = 0;
        }
        from_state = log->range.size > 0;
        r = fold_tail(log, map, (uint64_t)st.st_size, ret_torn, d);
        if ((r == -ESTALE || r == -EBADMSG) && from_state) {
                /* The saved frontier may be what is wrong: start over from line 0. */
                merkle_range_init(&log->range);
                log->offset = 0;
                r = fold_tail(log, map, (uint64_t)st.st_size, ret_torn, d);
        }
        if (r == -ESTALE) {
                diag_set(d, "ledger.jsonl", 0, 0, "does not match its signed checkpoint");
                r = -EBADMSG;
        }
        if (map)
                munmap(map, (size_t)st.st_size);
        return r;
}

static int open_in(const char *dir, const char *name, int flags, int *ret, struct diag *d)
{
        char path[PATH_MAX];
        int r, fd;

        r = path_in(path, dir, name);
        if (r < 0)
                return r;
        fd = open(path, flags | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) {
                r = -errno;
                diag_set(d, path, 0, 0, "cannot open: %s", strerror(errno));
                return r;
        }
        *ret = fd;
        return 0;
}

/* ledger.lock holds "open <pid>" while a writer is open; empty means closed cleanly. */
static bool lock_was_open(struct audit_log *log)
{
        char buf[8];

        return pread(log->lock_fd, buf, sizeof(buf), 0) > 0;
}

/* Overwrite, then cut: the file is never empty while it was not, so a kill in between never
 * makes a dead writer's unsigned tail look closed cleanly. */
static int mark_open(struct audit_log *log)
{
        char buf[64];
        int len;

        len = snprintf(buf, sizeof(buf), "open %d\n", (int)getpid());
        if (pwrite(log->lock_fd, buf, (size_t)len, 0) != len ||
            ftruncate(log->lock_fd, len) < 0 || fdatasync(log->lock_fd) < 0)
                return -errno;
        return 0;
}

/* checkpoints/<size> of the latest checkpoint: missing after a crash between writing
 * audit/checkpoint and its kept copy; restored from the same signed note (nothing is signed). */
static int restore_kept(struct audit_log *log)
{
        char name[48], path[PATH_MAX];

        if (!log->have_cp || !log->cp_note || log->cp.size == 0)
                return 0;
        snprintf(name, sizeof(name), "checkpoints/%020llu", (unsigned long long)log->cp.size);
        if (path_in(path, log->dir, name) < 0 || access(path, F_OK) == 0)
                return 0;
        if (path_in(path, log->dir, "checkpoints") < 0 || mkdir_p(path, 0700) < 0)
                return -errno;
        return audit_write_file(log->dir, name, log->cp_note, strlen(log->cp_note), 0644);
}

/* What open found, after recover(): an unsigned tail must come from a writer that died (the
 * lock was not released), never from lines added behind a closed ledger's back; a marker
 * left last by a signature that a crash interrupted is signed now. */
static int settle_tail(struct audit_log *log, bool was_open, struct diag *d)
{
        int r;

        if (log->range.size > log->cp.size && !was_open) {
                diag_set(d, "ledger.jsonl", (unsigned)MIN(log->cp.size + 1, UINT_MAX), 1,
                         "events from %llu on were appended after the ledger was closed and "
                         "signed", (unsigned long long)log->cp.size);
                return -EBADMSG;
        }
        r = restore_kept(log);
        if (r == 0 && log->pending_marker)
                r = audit_checkpoint(log);
        if (r < 0)
                diag_set(d, log->dir, 0, 0, "cannot complete the interrupted checkpoint: %s",
                         strerror(-r));
        return r;
}

static int append_recovery(struct audit_log *log, uint64_t torn, bool was_open, uint64_t tail)
{
        json_t *ev;
        int r;

        ev = audit_event("", 0, "audit", "recover", "repaired",
                         json_pack("{s:I,s:b,s:I}", "truncated_bytes", (json_int_t)torn,
                                   "previous_writer_died", was_open, "unsigned_events",
                                   (json_int_t)tail));
        if (!ev)
                return -ENOMEM;
        r = audit_append(log, ev, NULL);
        json_decref(ev);
        return r;
}

int ledger_open_locked(struct audit_log *log, struct diag *d)
{
        const char *dir = log->dir;
        uint64_t torn = 0, tail;
        bool was_open;
        int r;

        clean_tmp(dir);
        was_open = log->was_open = lock_was_open(log);
        log->resumed = false;
        r = load_keys(log, d);
        if (r == 0)
                r = load_checkpoint(log, d);
        if (r == 0)
                r = segment_resume(log, d);
        if (r == 0)
                r = open_in(dir, "ledger.jsonl", O_RDWR | O_CREAT | O_APPEND, &log->fd, d);
        if (r == 0)
                r = open_in(dir, "ledger.hashes", O_RDWR | O_CREAT, &log->hash_fd, d);
        if (r == 0)
                r = recover(log, &torn, d);
        tail = log->range.size - log->cp.size;
        if (r == 0 && (r = mark_open(log)) < 0)
                diag_set(d, dir, 0, 0, "cannot mark the ledger open in 'ledger.lock': %s",
                         strerror(-r));
        /* A new segment's link line is unsigned by design, whoever (re)started it. */
        if (r == 0)
                r = settle_tail(log, was_open || log->resumed, d);
        if (r == 0 && log->resumed && (r = audit_checkpoint(log)) < 0)
                diag_set(d, dir, 0, 0, "cannot sign the new segment's first event: %s",
                         strerror(-r));
        if (r == 0 && (torn > 0 || (was_open && tail > 0 && !log->resumed)))
                r = append_recovery(log, torn, was_open, tail);
        if (r < 0)
                return r;
        log->prev_cp = log->cp;
        if (log->cp_note && !(log->prev_note = strdup(log->cp_note)))
                return -ENOMEM;
        log->last_sync = monotonic_ms();
        return 0;
}

void ledger_release(struct audit_log *log)
{
        if (log->fd >= 0)
                close(log->fd);
        if (log->hash_fd >= 0)
                close(log->hash_fd);
        log->fd = log->hash_fd = -1;
        free(log->cp_note);
        free(log->prev_note);
        log->cp_note = log->prev_note = NULL;
        memset(&log->cp, 0, sizeof(log->cp));
        memset(&log->prev_cp, 0, sizeof(log->prev_cp));
        log->have_cp = log->pending_marker = false;
        log->unsynced = 0;
}

int audit_open(const char *dir, int fsync_mode, struct audit_log **ret, struct diag *d)
{
        struct audit_log *log;
        int r;

        log = calloc(1, sizeof(*log));
        if (!log)
                return -ENOMEM;
        log->fd = log->lock_fd = log->hash_fd = -1;
        log->fsync_mode = fsync_mode;
        log->dir = strdup(dir);
        if (!log->dir) {
                r = -ENOMEM;
                goto fail;
        }
        r = mkdir_p(dir, 0700);
        if (r < 0) {
                diag_set(d, dir, 0, 0, "cannot create audit folder: %s", strerror(-r));
                goto fail;
        }
        r = open_in(dir, "ledger.lock", O_RDWR | O_CREAT, &log->lock_fd, d);
        if (r < 0)
                goto fail;
        if (flock(log->lock_fd, LOCK_EX) < 0) {
                r = -errno;
                diag_set(d, dir, 0, 0, "cannot lock the ledger: %s", strerror(errno));
                goto fail;
        }
        r = ledger_open_locked(log, d);
        if (r < 0)
                goto fail;
        *ret = log;
        return 0;
fail:
        /* Leave ledger.lock as it was: a failed open is not a clean close. */
        ledger_release(log);
        if (log->lock_fd >= 0)
                close(log->lock_fd);
        free(log->dir);
        OPENSSL_cleanse(&log->signer, sizeof(log->signer));
        free(log);
        return r;
}

static int sync_now(struct audit_log *log)
{
        if (log->unsynced == 0)
                return 0;
        if (fdatasync(log->fd) < 0)
                return -errno;
        log->unsynced = 0;
        log->last_sync = monotonic_ms();
        return 0;
}

int audit_append(struct audit_log *log, json_t *event, uint64_t *ret_seq)
{
        char ts[32];
        _cleanup_free_ char *line = NULL;
        uint8_t leaf[AUDIT_HASH];
        uint64_t seq = log->range.size;
        size_t len;
        int r;

        if (log->broken)
                return -EIO;
        if (rfc3339_now(ts) < 0)
                return -errno;
        if (json_object_set_new(event, "seq", json_integer((json_int_t)seq)) < 0 ||
            json_object_set_new(event, "ts", json_string(ts)) < 0)
                return -ENOMEM;
        line = json_canonical(event);
        if (!line)
                return -ENOMEM;
        len = strlen(line);
        if (len > AUDIT_LINE_MAX)
                return -E2BIG;
        merkle_leaf_hash(line, len, leaf);
        line[len] = '\n'; /* replaces the NUL; written with its length */
        r = write_all(log->fd, line, len + 1);
        if (r < 0) {
                /* Undo a partial line so the ledger stays well-formed. */
                if (ftruncate(log->fd, (off_t)log->offset) < 0)
                        log->broken = true;
                return r;
        }
        log->offset += len + 1;
        merkle_range_append(&log->range, leaf);
        /* The hash cache is rebuilt from the ledger when short; a failed write is harmless. */
        (void)!pwrite(log->hash_fd, leaf, AUDIT_HASH, (off_t)(seq * AUDIT_HASH));
        log->unsynced++;
        if (log->fsync_mode != FSYNC_BATCH || log->unsynced >= AUDIT_BATCH_EVENTS ||
            monotonic_ms() - log->last_sync >= AUDIT_BATCH_MS) {
                r = sync_now(log);
                if (r < 0)
                        return r;
        }
        if (ret_seq)
                *ret_seq = seq;
        return 0;
}

int audit_sync(struct audit_log *log)
{
        return sync_now(log);
}

/* The marker event: the tree that includes it is being signed now (audit_line_marker). */
static int append_marker(struct audit_log *log)
{
        json_t *ev;
        int r;

        ev = audit_event("", 0, "audit", "checkpoint", "signing",
                         json_pack("{s:I,s:I}", "previous_size", (json_int_t)log->cp.size,
                                   "tree_size", (json_int_t)log->range.size + 1));
        if (!ev)
                return -ENOMEM;
        r = audit_append(log, ev, NULL);
        json_decref(ev);
        if (r == 0)
                r = sync_now(log);
        if (r == 0)
                log->pending_marker = true;
        return r;
}

/* Order (CONTRACTS §4): the marker line, durable; the lines' hashes; audit/checkpoint; its
 * copy in checkpoints/; the frontier. Every file goes through audit/.tmp/ and a rename, so a
 * kill anywhere leaves either the old checkpoint with an unsigned tail (the next open signs
 * it) or the new one (the next open restores a missing copy). */
int audit_checkpoint(struct audit_log *log)
{
        struct checkpoint c = { 0 };
        struct buf body = BUF_INIT(AUDIT_NOTE_MAX);
        _cleanup_free_ char *note = NULL;
        char path[PATH_MAX], name[48];
        int r;

        r = sync_now(log);
        if (r < 0)
                return r;
        if (log->have_cp && log->cp.size == log->range.size)
                return 0;
        if (log->range.size > 0 && !log->pending_marker) {
                r = append_marker(log);
                if (r < 0)
                        return r;
        }
        /* Sign only what is durable: the lines above, then their hashes. */
        if (fdatasync(log->hash_fd) < 0)
                return -errno;
        c.size = log->range.size;
        snprintf(c.origin, sizeof(c.origin), "%s", log->verifier.name);
        merkle_range_root(&log->range, c.root);
        r = checkpoint_format(&c, &body);
        if (r == 0)
                r = note_sign(&log->signer, body.data, &note);
        buf_free(&body);
        if (r < 0)
                return r;
        r = audit_write_file(log->dir, "checkpoint", note, strlen(note), 0644);
        if (r < 0)
                return r;
        free(log->cp_note);
        log->cp_note = TAKE_PTR(note);
        log->cp = c;
        log->have_cp = true;
        log->pending_marker = false;
        snprintf(name, sizeof(name), "checkpoints/%020llu", (unsigned long long)c.size);
        r = path_in(path, log->dir, "checkpoints");
        if (r == 0)
                r = mkdir_p(path, 0700);
        if (r == 0)
                r = audit_write_file(log->dir, name, log->cp_note, strlen(log->cp_note), 0644);
        if (r < 0)
                return r;
        /* Last, and only a cache: a crash or a failure here leaves an older frontier, which
         * open folds forward and checks against the signed root. */
        (void)save_state(log);
        return 0;
}

int audit_seal(struct audit_log *log, const char *run_id, int dirfd, const char *name)
{
        struct audit_export o = { .run = true, .run_id = run_id, .old_size = log->prev_cp.size,
                                  .old_note = log->prev_note };
        int r = audit_checkpoint(log);

        if (r < 0 || dirfd < 0)
                return r;
        return audit_proof_write(log->dir, &o, dirfd, name);
}

uint64_t audit_size(const struct audit_log *log)
{
        return log->range.size;
}

void audit_close(struct audit_log *log)
{
        if (!log)
                return;
        /* Only a fully signed ledger is marked closed; otherwise the next open records the
         * unsigned tail in a recovery event and signs it. */
        if (!log->broken && audit_checkpoint(log) == 0 && ftruncate(log->lock_fd, 0) == 0)
                (void)!fdatasync(log->lock_fd);
        close(log->fd);
        close(log->hash_fd);
        close(log->lock_fd);
        free(log->dir);
        free(log->cp_note);
        free(log->prev_note);
        OPENSSL_cleanse(&log->signer, sizeof(log->signer));
        free(log);
}

json_t *audit_event(const char *run_id, unsigned step, const char *agent, const char *action,
                    const char *outcome, json_t *detail)
{
        return json_pack("{s:s,s:I,s:s,s:s,s:s,s:o}", "run_id", run_id ? run_id : "",
                         "step", (json_int_t)step, "agent", agent, "action", action,
                         "outcome", outcome, "detail", detail ? detail : json_object());
}
