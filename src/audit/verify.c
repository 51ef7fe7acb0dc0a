/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whole-ledger verification (`audit verify`) and the read-only view behind show, export and
 * proofs. Reads only; never takes the writer's lock (it peeks at it to tell a live or dead
 * writer's unsigned tail from lines appended behind akios's back).
 *
 * verify checks, in one pass over ledger.jsonl: every line's "seq" is its index (the unsigned
 * tail is also checked to be canonical JSON; signed lines are covered by the signed root),
 * the tree of the first N lines equals every kept checkpoint of size N (equivalent to, and
 * stronger than, checking consistency proofs between them, since the lines are at hand),
 * every checkpoint verifies with key.pub, none is newer than the ledger or than
 * audit/checkpoint. When a signed root does not match, the leaf-hash cache (authenticated by
 * that same signed root) names the exact event that changed; without it, the first event
 * not covered by a good checkpoint is reported.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "audit/internal.h"

struct kept {
        struct checkpoint c;
        char name[48];
        bool valid;
        bool present;
};

_printf_(3, 4) static void bad(struct audit_report *rep, uint64_t i, const char *fmt, ...)
{
        va_list ap;

        if (rep->bad_index >= 0 && (uint64_t)rep->bad_index <= i)
                return;
        rep->bad_index = (int64_t)i;
        va_start(ap, fmt);
        vsnprintf(rep->reason, sizeof(rep->reason), fmt, ap);
        va_end(ap);
}

static int load_vkey(const char *dir, struct note_verifier *v, char **ret_text)
{
        char *text = NULL;
        int r;

        r = read_key_file(dir, "key.pub", &text);
        if (r < 0)
                return r;
        r = note_verifier_parse(text, v);
        if (r < 0 || !ret_text)
                free(text);
        else
                *ret_text = text;
        return r < 0 ? -EBADMSG : 0;
}

/* The size an unverifiable checkpoint claims (0 when unreadable), to place it in order. */
static uint64_t claimed_size(const char *path)
{
        struct buf b = BUF_INIT(AUDIT_NOTE_MAX);
        struct checkpoint c;
        const char *sep;
        uint64_t n = 0;

        if (read_file_capped(path, AUDIT_NOTE_MAX, &b) == 0 && (sep = strstr(b.data, "\n\n")) &&
            checkpoint_parse(b.data, (size_t)(sep - b.data) + 1, &c) == 0)
                n = c.size;
        buf_free(&b);
        return n;
}

static int cmp_kept(const void *a, const void *b)
{
        const struct kept *x = a, *y = b;

        return x->c.size < y->c.size ? -1 : x->c.size > y->c.size;
}

/* Only "<20 digits>" is a kept checkpoint; a temp file (old writers left "N.tmp.PID" here) or
 * anything else is never loaded. */
static int kept_name(const struct dirent *e)
{
        size_t i;

        for (i = 0; e->d_name[i]; i++)
                if (e->d_name[i] < '0' || e->d_name[i] > '9')
                        return 0;
        return i == 20;
}

/* The checkpoint kept elsewhere (--checkpoint): valid only with its key (or key.pub). */
static int load_external(const struct audit_external *ext, const struct note_verifier *local,
                         struct kept *k, struct audit_report *rep)
{
        struct note_verifier v = *local;
        char text[NOTE_NAME_MAX + 64];
        int r;

        snprintf(k->name, sizeof(k->name), "the checkpoint given with --checkpoint");
        k->present = true;
        rep->external = true;
        if (ext->vkey) {
                r = note_verifier_parse(ext->vkey, &v);
                if (r < 0) {
                        snprintf(rep->reason, sizeof(rep->reason), "the --key is not a "
                                 "verifier key (name+id+base64)");
                        return -EBADMSG;
                }
                if (v.id != local->id || memcmp(v.pub, local->pub, 32) != 0 ||
                    !streq(v.name, local->name)) {
                        snprintf(text, sizeof(text), "%s", v.name);
                        bad(rep, 0, "audit/key.pub is not the key given with --key ('%s'): "
                                    "the signing key was swapped", text);
                }
        }
        r = checkpoint_load(ext->path, &v, &k->c, NULL);
        if (r == -ENOENT || r == -EACCES || r == -EISDIR)
                return r;
        if (r < 0) {
                snprintf(rep->reason, sizeof(rep->reason), "the --checkpoint file does not "
                         "verify with %s (%s)", ext->vkey ? "the --key" : "audit/key.pub",
                         r == -EKEYREJECTED ? "bad signature" :
                         r == -ENOKEY      ? "not signed by this key" :
                                             "malformed");
                return -EBADMSG;
        }
        k->valid = true;
        rep->external_size = k->c.size;
        return 0;
}

/* audit/checkpoint first, then checkpoints/ (and the external one) in size order. */
static int load_all_checkpoints(const char *dir, const struct note_verifier *v,
                                const struct audit_external *ext, struct kept **ret,
                                unsigned *ret_n, struct audit_report *rep)
{
        char path[PATH_MAX], sub[PATH_MAX];
        struct dirent **list = NULL;
        struct kept *k;
        int n, m = 1, r;

        if (path_in(sub, dir, "checkpoints") < 0)
                return -ENAMETOOLONG;
        n = scandir(sub, &list, kept_name, alphasort);
        k = calloc((size_t)(n > 0 ? n : 0) + 2, sizeof(*k));
        if (!k) {
                for (int i = 0; i < n; i++)
                        free(list[i]);
                free(list);
                return -ENOMEM;
        }
        snprintf(k[0].name, sizeof(k[0].name), "checkpoint");
        k[0].present = path_in(path, dir, "checkpoint") == 0 && access(path, F_OK) == 0;
        k[0].valid = k[0].present && checkpoint_load(path, v, &k[0].c, NULL) == 0;
        if (k[0].present && !k[0].valid)
                k[0].c.size = claimed_size(path);
        for (int i = 0; i < n; i++) {
                if (list[i]->d_name[0] != '.' &&
                    snprintf(path, sizeof(path), "%s/%s", sub, list[i]->d_name) < PATH_MAX) {
                        snprintf(k[m].name, sizeof(k[m].name), "checkpoints/%.20s",
                                 list[i]->d_name);
                        k[m].present = true;
                        k[m].valid = checkpoint_load(path, v, &k[m].c, NULL) == 0;
                        if (!k[m].valid) /* order an unreadable one by its name */
                                parse_u64(list[i]->d_name, &k[m].c.size);
                        m++;
                }
                free(list[i]);
        }
        free(list);
        if (ext) {
                r = load_external(ext, v, &k[m++], rep);
                if (r < 0) {
                        free(k);
                        return r;
                }
        }
        qsort(k + 1, (size_t)m - 1, sizeof(*k), cmp_kept);
        *ret = k;
        *ret_n = (unsigned)m;
        return 0;
}

static void check_signatures(struct kept *k, unsigned n, struct audit_report *rep)
{
        bool have_latest = k[0].present;

        for (unsigned i = 0; i < n; i++) {
                if (i == 0 && !have_latest)
                        continue;
                if (k[i].valid) {
                        if (k[i].c.size > rep->signed_size ||
                            (rep->signed_size == 0 && rep->checkpoints == 0)) {
                                rep->signed_size = k[i].c.size;
                                memcpy(rep->root, k[i].c.root, AUDIT_HASH);
                        }
                        rep->checkpoints++;
                }
        }
        for (unsigned i = 0; i < n; i++) {
                uint64_t below = 0;

                if (k[i].valid || (i == 0 && !have_latest))
                        continue;
                for (unsigned j = 0; j < n; j++)
                        if (k[j].valid && k[j].c.size < k[i].c.size && k[j].c.size > below)
                                below = k[j].c.size;
                bad(rep, below, "%s does not verify with key.pub (forged, or the key was "
                                "swapped)", k[i].name);
        }
        if (rep->checkpoints > 0 &&
            (!have_latest || (k[0].valid && k[0].c.size < rep->signed_size)))
                bad(rep, have_latest ? k[0].c.size : 0,
                    "audit/checkpoint is missing or older than the kept checkpoints "
                    "(rolled back)");
}

static bool writer_state(const char *dir, bool *ret_active)
{
        char path[PATH_MAX], buf[8];
        _cleanup_close_ int fd = -1;
        ssize_t n;

        *ret_active = false;
        if (path_in(path, dir, "ledger.lock") < 0)
                return false;
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
                return false;
        if (flock(fd, LOCK_SH | LOCK_NB) < 0 && errno == EWOULDBLOCK)
                *ret_active = true;
        n = pread(fd, buf, sizeof(buf), 0);
        return n > 0; /* "open <pid>": a writer is or was open and did not close cleanly */
}

/* A root mismatch at checkpoint size n (previous good size p): name the changed event. */
static void locate_change(const char *dir, uint8_t (*leaves)[AUDIT_HASH], uint64_t p,
                          const struct kept *k, struct audit_report *rep)
{
        char path[PATH_MAX];
        _cleanup_close_ int fd = -1;
        _cleanup_free_ uint8_t (*h)[AUDIT_HASH] = NULL;
        struct merkle_range r;
        uint8_t root[AUDIT_HASH];
        uint64_t n = k->c.size;
        struct stat st;

        if (path_in(path, dir, "ledger.hashes") == 0 &&
            (fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) >= 0 && fstat(fd, &st) == 0 &&
            (uint64_t)st.st_size >= n * AUDIT_HASH && (h = malloc(n * AUDIT_HASH + 1)) &&
            pread(fd, h, n * AUDIT_HASH, 0) == (ssize_t)(n * AUDIT_HASH)) {
                merkle_range_init(&r);
                for (uint64_t i = 0; i < n; i++)
                        merkle_range_append(&r, h[i]);
                merkle_range_root(&r, root);
                /* The cache matches the signed root, so it holds the signed leaf hashes. */
                if (memcmp(root, k->c.root, AUDIT_HASH) == 0) {
                        for (uint64_t i = 0; i < n; i++)
                                if (memcmp(h[i], leaves[i], AUDIT_HASH) != 0) {
                                        bad(rep, i, "event %llu was changed after %s signed it",
                                            (unsigned long long)i, k->name);
                                        return;
                                }
                }
        }
        bad(rep, p, "events %llu..%llu do not match %s", (unsigned long long)p,
            (unsigned long long)(n - 1), k->name);
}

static int map_ledger(const char *dir, char **ret_map, size_t *ret_len)
{
        char path[PATH_MAX];
        _cleanup_close_ int fd = -1;
        struct stat st;
        char *m;

        *ret_map = NULL;
        *ret_len = 0;
        if (path_in(path, dir, "ledger.jsonl") < 0)
                return -ENAMETOOLONG;
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
                return errno == ENOENT ? 0 : -errno;
        if (fstat(fd, &st) < 0)
                return -errno;
        if (st.st_size == 0)
                return 0;
        m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED)
                return -errno;
        madvise(m, (size_t)st.st_size, MADV_SEQUENTIAL);
        *ret_map = m;
        *ret_len = (size_t)st.st_size;
        return 0;
}

/* Compare the running root with every kept checkpoint of the current size. */
static void check_roots(const char *dir, struct merkle_range *range, uint8_t (*leaves)[AUDIT_HASH],
                        struct kept *k, unsigned nk, uint64_t *good, struct audit_report *rep)
{
        uint8_t root[AUDIT_HASH];
        bool have = false;

        for (unsigned j = 0; j < nk; j++) {
                if (!k[j].valid || k[j].c.size != range->size)
                        continue;
                if (!have)
                        merkle_range_root(range, root);
                have = true;
                if (memcmp(root, k[j].c.root, AUDIT_HASH) != 0)
                        locate_change(dir, leaves, *good, &k[j], rep);
                else if (range->size > *good)
                        *good = range->size;
        }
}

/* Is there a valid checkpoint of tree size `size`? k[1..n) is sorted by size. */
static bool have_checkpoint(const struct kept *k, unsigned n, uint64_t size)
{
        unsigned lo = 1, hi = n;

        if (n > 0 && k[0].valid && k[0].c.size == size)
                return true;
        while (lo < hi) {
                unsigned mid = lo + (hi - lo) / 2;

                if (k[mid].c.size < size)
                        lo = mid + 1;
                else
                        hi = mid;
        }
        for (; lo < n && k[lo].c.size == size; lo++)
                if (k[lo].valid)
                        return true;
        return false;
}

/* Every checkpoint marker names its own position and has its checkpoint; only the last line
 * may be the marker of a signature a crash interrupted (see audit.h). */
static void check_markers(const uint64_t (*mk)[3], size_t nm, const struct kept *k, unsigned nk,
                          bool dirty, struct audit_report *rep)
{
        for (size_t j = 0; j < nm; j++) {
                uint64_t i = mk[j][0], size = mk[j][1], prev = mk[j][2];

                if (size != i + 1 || prev > i)
                        bad(rep, i, "event %llu is a checkpoint marker for tree size %llu, "
                                    "which is not its own position",
                            (unsigned long long)i, (unsigned long long)size);
                else if (have_checkpoint(k, nk, size))
                        continue;
                else if (i + 1 == rep->lines && size > rep->signed_size &&
                         prev == rep->signed_size && (dirty || rep->writer_active))
                        rep->signing_interrupted = true;
                else
                        bad(rep, i, "event %llu records that a checkpoint of tree size %llu "
                                    "was signed, but no checkpoint of that size is kept "
                                    "(audit/checkpoint, checkpoints/ or state deleted?)",
                            (unsigned long long)i, (unsigned long long)size);
        }
}

int audit_verify(const char *dir, struct audit_report *rep)
{
        return audit_verify_with(dir, NULL, rep);
}

int audit_verify_with(const char *dir, const struct audit_external *ext,
                      struct audit_report *rep)
{
        double t0 = monotonic_ms();
        struct note_verifier v;
        struct kept *k = NULL;
        unsigned nk = 0;
        char *map = NULL;
        size_t len = 0, p = 0;
        uint8_t (*leaves)[AUDIT_HASH] = NULL;
        uint64_t cap = 0, good = 0, i = 0;
        uint64_t (*mk)[3] = NULL; /* markers: index, tree_size, previous_size */
        size_t nm = 0, mcap = 0;
        struct merkle_range range;
        bool dirty;
        int r;

        memset(rep, 0, sizeof(*rep));
        rep->bad_index = -1;
        /* Between a rotation's two commits the live files are being replaced: the archived
         * segment (audit_chain_verify) holds everything; only a dead or live writer may
         * leave that state. */
        r = audit_rotation_pending(dir, &rep->rotation_pending);
        if (r < 0)
                return r;
        if (rep->rotation_pending) {
                if (!writer_state(dir, &rep->writer_active) && !rep->writer_active)
                        bad(rep, 0, "audit/checkpoint is segment %06llu's final checkpoint, "
                                    "but the ledger was closed cleanly",
                            (unsigned long long)rep->rotation_pending);
                /* A checkpoint kept elsewhere cannot be of a live ledger being restarted:
                 * only an archived segment may hold its tree (do_verify looks for it), else
                 * copying a segment's final checkpoint over audit/checkpoint would hide a
                 * dropped live segment from the very check meant to catch it. */
                if (ext && rep->bad_index < 0) {
                        struct kept ek = { 0 };

                        r = load_vkey(dir, &v, NULL);
                        if (r < 0) {
                                bad(rep, 0, "key.pub is %s", r == -ENOENT ? "missing" :
                                                                            "malformed");
                                goto done;
                        }
                        r = load_external(ext, &v, &ek, rep);
                        if (r < 0 && r != -EBADMSG)
                                return r;
                        if (r == 0 && rep->bad_index < 0)
                                bad(rep, 0, "the checkpoint given with --checkpoint is in no "
                                            "archived segment, and the live ledger is being "
                                            "restarted by a rotation of segment %06llu",
                                    (unsigned long long)rep->rotation_pending);
                }
                goto done;
        }
        r = map_ledger(dir, &map, &len);
        if (r < 0)
                return r;
        r = load_vkey(dir, &v, NULL);
        if (r < 0) {
                if (len == 0 && r == -ENOENT)
                        goto done; /* nothing written, nothing to verify */
                bad(rep, 0, "key.pub is %s", r == -ENOENT ? "missing" : "malformed");
                goto done;
        }
        snprintf(rep->origin, sizeof(rep->origin), "%s", v.name);
        r = load_all_checkpoints(dir, &v, ext, &k, &nk, rep);
        if (r == -EBADMSG)
                goto done;
        if (r < 0)
                goto out;
        check_signatures(k, nk, rep);
        dirty = writer_state(dir, &rep->writer_active);
        merkle_range_init(&range);
        check_roots(dir, &range, leaves, k, nk, &good, rep);
        while (p < len) {
                const char *line = map + p, *nl = memchr(line, '\n', len - p);
                const char *why = NULL;
                uint64_t seq, msize, mprev;
                size_t l;

                if (!nl) {
                        rep->torn = true;
                        break;
                }
                l = (size_t)(nl - line);
                if (i >= rep->signed_size) {
                        if (audit_line_check(line, l, i, &why) < 0)
                                bad(rep, i, "event %llu: %s", (unsigned long long)i, why);
                } else if (audit_line_seq(line, l, &seq) < 0 || seq != i) {
                        bad(rep, i, "event %llu: seq is not its index (an event was deleted, "
                                    "inserted or moved)", (unsigned long long)i);
                }
                if (audit_line_marker(line, l, &msize, &mprev)) {
                        if (nm == mcap) {
                                void *t = realloc(mk, (mcap = mcap ? 2 * mcap : 64) *
                                                              sizeof(*mk));

                                if (!t) {
                                        r = -ENOMEM;
                                        goto out;
                                }
                                mk = t;
                        }
                        mk[nm][0] = i;
                        mk[nm][1] = msize;
                        mk[nm++][2] = mprev;
                }
                r = merkle_leaves_add(&leaves, &cap, i, line, l, &range);
                if (r < 0)
                        goto out;
                i++;
                p += l + 1;
                check_roots(dir, &range, leaves, k, nk, &good, rep);
        }
        rep->lines = i;
        if (i < rep->signed_size)
                bad(rep, i, "the ledger holds %llu events but a signed checkpoint covers %llu "
                            "(truncated or rolled back)",
                    (unsigned long long)i, (unsigned long long)rep->signed_size);
        else
                rep->tail = i - rep->signed_size;
        if (rep->torn && !dirty && !rep->writer_active)
                bad(rep, i, "event %llu is an incomplete line, but the ledger was closed "
                            "cleanly", (unsigned long long)i);
        if (rep->tail > 0 && !dirty && !rep->writer_active)
                bad(rep, rep->signed_size,
                    "events from %llu on were appended after the ledger was closed and signed",
                    (unsigned long long)rep->signed_size);
        check_markers((const uint64_t(*)[3])mk, nm, k, nk, dirty, rep);
done:
        r = rep->bad_index >= 0 || (rep->reason[0] && rep->external) ? -EBADMSG : 0;
out:
        rep->ms = monotonic_ms() - t0;
        free(mk);
        free(leaves);
        free(k);
        if (map)
                munmap(map, len);
        return r;
}

void audit_view_free(struct audit_view *v)
{
        if (!v)
                return;
        if (v->map)
                munmap(v->map, v->map_len);
        free(v->off);
        merkle_tree_free(v->tree);
        free(v->note);
        free(v->vkey);
        free(v);
}

int audit_view_open(const char *dir, struct audit_view **ret)
{
        struct audit_view *v = calloc(1, sizeof(*v));
        uint8_t (*leaves)[AUDIT_HASH] = NULL;
        struct note_verifier nv;
        char path[PATH_MAX];
        uint64_t cap = 0, n = 0;
        size_t p = 0;
        int r;

        if (!v)
                return -ENOMEM;
        r = map_ledger(dir, &v->map, &v->map_len);
        if (r < 0)
                goto fail;
        if (load_vkey(dir, &nv, &v->vkey) == 0 && path_in(path, dir, "checkpoint") == 0 &&
            checkpoint_load(path, &nv, &v->cp, &v->note) < 0)
                memset(&v->cp, 0, sizeof(v->cp));
        for (;;) {
                const char *nl = p < v->map_len ? memchr(v->map + p, '\n', v->map_len - p) : NULL;

                if (n + 1 >= cap) {
                        void *t = realloc(v->off, (cap = cap ? 2 * cap : 4096) * sizeof(*v->off));
                        void *u = t ? realloc(leaves, cap * AUDIT_HASH) : NULL;

                        if (t)
                                v->off = t;
                        if (!u) {
                                r = -ENOMEM;
                                goto fail;
                        }
                        leaves = u;
                }
                v->off[n] = p;
                if (!nl)
                        break;
                merkle_leaf_hash(v->map + p, (size_t)(nl - v->map - p), leaves[n]);
                p = (size_t)(nl - v->map) + 1;
                n++;
        }
        v->n = n;
        r = merkle_tree_new(TAKE_PTR(leaves), n, &v->tree);
        if (r < 0)
                goto fail;
        *ret = v;
        return 0;
fail:
        free(leaves);
        audit_view_free(v);
        return r;
}
