/* SPDX-License-Identifier: GPL-3.0-or-later */
/* RFC 6962 / RFC 9162 Merkle tree: leaf and node hashing with 0x00/0x01 domain separation,
 * the compact range the writer keeps (one hash per set bit of the size, so an append costs
 * one node hash amortised), a tree of every complete subtree for producing inclusion and
 * consistency proofs, and the iterative proof verifiers of RFC 9162 §2.1.3.2 and §2.1.4.2.
 *
 * It does not read or write files and knows nothing of events: leaves are opaque bytes.
 * An odd last node is never duplicated: trees split at the largest power of two below n.
 */
#include <openssl/evp.h>

#include "audit/audit.h"

/* One fetched SHA-256 and one context per thread: the implicit fetch of EVP_sha256() in
 * every call costs more than hashing a 65-byte node. */
static void hash2(const void *a, size_t na, const void *b, size_t nb, uint8_t out[AUDIT_HASH])
{
        static EVP_MD *md;
        static __thread EVP_MD_CTX *ctx;

        if (!md) {
                EVP_MD *m = EVP_MD_fetch(NULL, "SHA256", NULL);

                if (m && !__atomic_compare_exchange_n(&md, &(EVP_MD *){ NULL }, m, false,
                                                      __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
                        EVP_MD_free(m);
        }
        if (!ctx)
                ctx = EVP_MD_CTX_new();
        /* Both only fail without memory; aborting keeps a wrong hash impossible. */
        if (!md || !ctx || !EVP_DigestInit_ex(ctx, md, NULL) || !EVP_DigestUpdate(ctx, a, na) ||
            !EVP_DigestUpdate(ctx, b, nb) || !EVP_DigestFinal_ex(ctx, out, NULL))
                abort();
}

void merkle_leaf_hash(const void *data, size_t len, uint8_t out[AUDIT_HASH])
{
        static const uint8_t zero = 0x00;

        hash2(&zero, 1, data, len, out);
}

void merkle_node_hash(const uint8_t l[AUDIT_HASH], const uint8_t r[AUDIT_HASH],
                      uint8_t out[AUDIT_HASH])
{
        uint8_t in[1 + 2 * AUDIT_HASH];

        in[0] = 0x01;
        memcpy(in + 1, l, AUDIT_HASH);
        memcpy(in + 1 + AUDIT_HASH, r, AUDIT_HASH);
        hash2(in, sizeof(in), NULL, 0, out);
}

/* ---- compact range ------------------------------------------------------------------- */

void merkle_range_init(struct merkle_range *r)
{
        r->size = 0;
        r->n = 0;
}

void merkle_range_append(struct merkle_range *r, const uint8_t leaf[AUDIT_HASH])
{
        uint8_t h[AUDIT_HASH];
        uint64_t s = r->size;

        memcpy(h, leaf, AUDIT_HASH);
        /* Each trailing 1 bit of the old size is a finished subtree to merge with. */
        while (s & 1) {
                merkle_node_hash(r->h[r->n - 1], h, h);
                r->n--;
                s >>= 1;
        }
        memcpy(r->h[r->n++], h, AUDIT_HASH);
        r->size++;
}

void merkle_range_root(const struct merkle_range *r, uint8_t out[AUDIT_HASH])
{
        uint8_t h[AUDIT_HASH];

        if (r->n == 0) {
                sha256("", 0, out);
                return;
        }
        memcpy(h, r->h[r->n - 1], AUDIT_HASH);
        for (unsigned i = r->n - 1; i-- > 0;)
                merkle_node_hash(r->h[i], h, h);
        memcpy(out, h, AUDIT_HASH);
}

/* ---- full tree for proofs --------------------------------------------------------------- */

struct merkle_tree {
        uint64_t n;
        unsigned levels;
        uint8_t (*level[65])[AUDIT_HASH]; /* level[k][j] = subtree [j*2^k, (j+1)*2^k) */
        uint64_t len[65];
};

void merkle_tree_free(struct merkle_tree *t)
{
        if (!t)
                return;
        for (unsigned k = 0; k < t->levels; k++)
                free(t->level[k]);
        free(t);
}

int merkle_tree_new(uint8_t (*leaves)[AUDIT_HASH], uint64_t n, struct merkle_tree **ret)
{
        struct merkle_tree *t = calloc(1, sizeof(*t));

        if (!t) {
                free(leaves);
                return -ENOMEM;
        }
        t->n = n;
        t->level[0] = leaves;
        t->len[0] = n;
        t->levels = 1;
        while (t->len[t->levels - 1] >= 2) {
                unsigned k = t->levels;
                uint64_t m = t->len[k - 1] / 2;

                t->level[k] = malloc(m * AUDIT_HASH);
                if (!t->level[k]) {
                        merkle_tree_free(t);
                        return -ENOMEM;
                }
                for (uint64_t j = 0; j < m; j++)
                        merkle_node_hash(t->level[k - 1][2 * j], t->level[k - 1][2 * j + 1],
                                         t->level[k][j]);
                t->len[k] = m;
                t->levels++;
        }
        *ret = t;
        return 0;
}

uint64_t merkle_tree_size(const struct merkle_tree *t)
{
        return t->n;
}

const uint8_t *merkle_tree_leaf(const struct merkle_tree *t, uint64_t i)
{
        return i < t->n ? t->level[0][i] : NULL;
}

/* Largest power of two strictly smaller than n (n >= 2). */
static uint64_t split_point(uint64_t n)
{
        return (uint64_t)1 << (63 - __builtin_clzll(n - 1));
}

/* MTH(D[lo:hi]). In the RFC recursion lo is always a multiple of the subtree size, so a
 * power-of-two range is one stored node. */
static void mth(const struct merkle_tree *t, uint64_t lo, uint64_t hi, uint8_t out[AUDIT_HASH])
{
        uint64_t size = hi - lo, k;
        uint8_t l[AUDIT_HASH], r[AUDIT_HASH];

        if (size == 0) {
                sha256("", 0, out);
                return;
        }
        if ((size & (size - 1)) == 0 && lo % size == 0) {
                unsigned lv = (unsigned)__builtin_ctzll(size);

                memcpy(out, t->level[lv][lo >> lv], AUDIT_HASH);
                return;
        }
        k = split_point(size);
        mth(t, lo, lo + k, l);
        mth(t, lo + k, hi, r);
        merkle_node_hash(l, r, out);
}

int merkle_tree_root(const struct merkle_tree *t, uint64_t size, uint8_t out[AUDIT_HASH])
{
        if (size > t->n)
                return -EINVAL;
        mth(t, 0, size, out);
        return 0;
}

static int push(uint8_t proof[][AUDIT_HASH], unsigned *n, const struct merkle_tree *t,
                uint64_t lo, uint64_t hi)
{
        if (*n >= AUDIT_PROOF_MAX)
                return -E2BIG;
        mth(t, lo, hi, proof[(*n)++]);
        return 0;
}

static int path(const struct merkle_tree *t, uint64_t m, uint64_t lo, uint64_t hi,
                uint8_t proof[][AUDIT_HASH], unsigned *n)
{
        uint64_t k;
        int r;

        if (hi - lo <= 1)
                return 0;
        k = split_point(hi - lo);
        if (m < lo + k) {
                r = path(t, m, lo, lo + k, proof, n);
                return r < 0 ? r : push(proof, n, t, lo + k, hi);
        }
        r = path(t, m, lo + k, hi, proof, n);
        return r < 0 ? r : push(proof, n, t, lo, lo + k);
}

int merkle_inclusion_proof(const struct merkle_tree *t, uint64_t index, uint64_t size,
                           uint8_t proof[][AUDIT_HASH], unsigned *ret_n)
{
        unsigned n = 0;
        int r;

        if (size > t->n || index >= size)
                return -EINVAL;
        r = path(t, index, 0, size, proof, &n);
        if (r < 0)
                return r;
        *ret_n = n;
        return 0;
}

/* SUBPROOF(m, D[lo:hi], b) of RFC 6962 §2.1.2; m counts old leaves from lo. */
static int subproof(const struct merkle_tree *t, uint64_t m, uint64_t lo, uint64_t hi, bool b,
                    uint8_t proof[][AUDIT_HASH], unsigned *n)
{
        uint64_t k;
        int r;

        if (m == hi - lo)
                return b ? 0 : push(proof, n, t, lo, hi);
        k = split_point(hi - lo);
        if (m <= k) {
                r = subproof(t, m, lo, lo + k, b, proof, n);
                return r < 0 ? r : push(proof, n, t, lo + k, hi);
        }
        r = subproof(t, m - k, lo + k, hi, false, proof, n);
        return r < 0 ? r : push(proof, n, t, lo, lo + k);
}

int merkle_consistency_proof(const struct merkle_tree *t, uint64_t size1, uint64_t size2,
                             uint8_t proof[][AUDIT_HASH], unsigned *ret_n)
{
        unsigned n = 0;
        int r;

        if (size1 == 0 || size1 > size2 || size2 > t->n)
                return -EINVAL;
        r = subproof(t, size1, 0, size2, true, proof, &n);
        if (r < 0)
                return r;
        *ret_n = n;
        return 0;
}

/* ---- verification (RFC 9162) ------------------------------------------------------------ */

int merkle_verify_inclusion(uint64_t index, uint64_t size, const uint8_t leaf[AUDIT_HASH],
                            const uint8_t proof[][AUDIT_HASH], size_t n,
                            const uint8_t root[AUDIT_HASH])
{
        uint64_t fn = index, sn;
        uint8_t r[AUDIT_HASH];

        if (index >= size)
                return -EINVAL;
        sn = size - 1;
        memcpy(r, leaf, AUDIT_HASH);
        for (size_t i = 0; i < n; i++) {
                if (sn == 0)
                        return -EBADMSG;
                if ((fn & 1) || fn == sn) {
                        merkle_node_hash(proof[i], r, r);
                        while (!(fn & 1) && fn != 0) {
                                fn >>= 1;
                                sn >>= 1;
                        }
                } else {
                        merkle_node_hash(r, proof[i], r);
                }
                fn >>= 1;
                sn >>= 1;
        }
        return sn == 0 && memcmp(r, root, AUDIT_HASH) == 0 ? 0 : -EBADMSG;
}

int merkle_verify_consistency(uint64_t size1, uint64_t size2, const uint8_t root1[AUDIT_HASH],
                              const uint8_t root2[AUDIT_HASH], const uint8_t proof[][AUDIT_HASH],
                              size_t n)
{
        uint8_t fr[AUDIT_HASH], sr[AUDIT_HASH];
        uint64_t fn, sn;
        size_t i = 0;

        if (size1 == 0 || size1 > size2)
                return -EINVAL;
        if (size1 == size2)
                return n == 0 && memcmp(root1, root2, AUDIT_HASH) == 0 ? 0 : -EBADMSG;
        if (n == 0)
                return -EBADMSG;
        /* An exact power of two: the old root is the implicit first element of the path. */
        if ((size1 & (size1 - 1)) == 0) {
                memcpy(fr, root1, AUDIT_HASH);
        } else {
                memcpy(fr, proof[0], AUDIT_HASH);
                i = 1;
        }
        memcpy(sr, fr, AUDIT_HASH);
        fn = size1 - 1;
        sn = size2 - 1;
        while (fn & 1) {
                fn >>= 1;
                sn >>= 1;
        }
        for (; i < n; i++) {
                if (sn == 0)
                        return -EBADMSG;
                if ((fn & 1) || fn == sn) {
                        merkle_node_hash(proof[i], fr, fr);
                        merkle_node_hash(proof[i], sr, sr);
                        while (!(fn & 1) && fn != 0) {
                                fn >>= 1;
                                sn >>= 1;
                        }
                } else {
                        merkle_node_hash(sr, proof[i], sr);
                }
                fn >>= 1;
                sn >>= 1;
        }
        return sn == 0 && memcmp(fr, root1, AUDIT_HASH) == 0 &&
                               memcmp(sr, root2, AUDIT_HASH) == 0 ?
                       0 :
                       -EBADMSG;
}

int merkle_leaves_add(uint8_t (**leaves)[AUDIT_HASH], uint64_t *cap, uint64_t n,
                      const void *line, size_t len, struct merkle_range *range)
{
        if (n == *cap) {
                uint64_t c = *cap ? 2 * *cap : 4096;
                void *t = realloc(*leaves, c * AUDIT_HASH);

                if (!t)
                        return -ENOMEM;
                *leaves = t;
                *cap = c;
        }
        merkle_leaf_hash(line, len, (*leaves)[n]);
        merkle_range_append(range, (*leaves)[n]);
        return 0;
}
