/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scan engine: finds every detector's matches in one window of text, validates them and
 * resolves overlaps.
 *
 * Two engines give the same findings:
 * - Hyperscan (built in when libhs is): one database of all patterns, scanned without
 *   start-of-match, reports (pattern, end offset). Reports of one pattern are merged into
 *   ranges [end - max_width, last end], and PCRE2-JIT runs only on those ranges for the exact
 *   span and capture group. A pattern may give Hyperscan a cheaper form: a suffix with the
 *   same end offsets (the '@' and domain of an e-mail), or a prefix (PAT_FWD: a PEM header,
 *   a phone number before its extension) after which PCRE2 may run `fwd` more bytes.
 *   The patterns that begin with a character class and have no literal (digits, capitals,
 *   hex) are not in that database: the token prefilter (tokens.c) finds them around digits.
 * - PCRE2 alone: every pattern over the whole window, one after another.
 * In both, matches of one pattern are leftmost-first, non-overlapping; a match its validator
 * rejects is retried one byte later. Overlaps between detectors are resolved by sorting
 * (start, priority, length) and one sweep: O(M log M).
 *
 * Where the time goes, per stage and kind of text: docs/design/ARCHITECTURE.md, "PII engine".
 * The streaming layer that slides this window over inputs of any size is stream.c.
 * Nothing here prints or allocates per match beyond amortized arrays.
 */
#include <stdio.h>
#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>

#ifdef AKIOS_HAVE_HS
#include <hs.h>
#endif

#include "pii/internal.h"
#include "pii/names.h"
#include "util/util.h"

#define JIT_STACK_MAX (1u << 20)

/* ---- PCRE2 -------------------------------------------------------------- */

static int compile_pattern(struct pii_redactor *r, unsigned i)
{
        int err;
        PCRE2_SIZE off;
        pcre2_code *re;

        if (r->re[i])
                return 0;
        if (r->re_failed[i])
                return -EINVAL;
        /* a PAT_FWD pattern's search of a Hyperscan range counts only matches that start by
         * the range's end: the offset limit stops PCRE2 there (match_from) */
        re = pcre2_compile((PCRE2_SPTR)pii_patterns[i].regex, PCRE2_ZERO_TERMINATED,
                           pii_patterns[i].flags & PAT_FWD ? PCRE2_USE_OFFSET_LIMIT : 0, &err,
                           &off, NULL);
        if (!re) {
                r->re_failed[i] = true;
                return -EINVAL;
        }
        /* interpreted when JIT is missing */
        r->re_jit[i] = pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0;
        r->re[i] = re;
        return 0;
}

int pii_push_finding(struct pii_redactor *r, size_t s, size_t e, unsigned pat)
{
        const struct pii_pattern *p = &pii_patterns[pat];

        if (r->n_found == r->cap_found) {
                size_t cap = r->cap_found ? r->cap_found * 2 : 256;
                struct pii_finding *f = reallocarray(r->found, cap, sizeof(*f));

                if (!f)
                        return -ENOMEM;
                r->found = f;
                r->cap_found = cap;
        }
        r->found[r->n_found++] = (struct pii_finding){
                .start = s, .end = e, .type = p->type, .detector = (uint16_t)pat, .score = p->score,
        };
        return 0;
}

int pii_push_validated(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                       size_t ms, size_t me, size_t *ret_pos)
{
        size_t ve = me;

        if (pii_validate(pii_patterns[pat].validator, buf, len, ms, &ve) && ve > ms) {
                int err = pii_push_finding(r, ms, ve, pat);

                if (err < 0)
                        return err;
                *ret_pos = me;
        } else {
                *ret_pos = ms + 1;
        }
        return 0;
}

/* Where a search may begin, for two patterns whose matches are found by a byte they hold, so
 * that PCRE2 need not try each start before it (both engines; pii_engine_init() hands them
 * the patterns only while patterns.c's regexes begin as written here). Returns pos or later,
 * SIZE_MAX when no match starts at or after pos. */
static const char email_head[] = "\\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@";
static const char pem_head[] =
        "-----BEGIN[A-Z0-9 ]{0,30} PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\\s:,.()\\\\-]{0,16000}?"
        "-----END";
enum { PEM_REACH = 10 + 30 + 12 + 6 + 5 + 16000 }; /* from a match's start to its END */

static bool email_local_byte(unsigned char c)
{
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* An e-mail: the first '@' at q >= pos is the '@' of every match that starts in [pos, q),
 * since '@' is no local-part byte and a local part runs unbroken to its '@'; so no match
 * starts before the local-part bytes just before q, nor before q - 64. A Hyperscan range
 * starts 66 bytes before its '@', and PCRE2 tried the local part from each byte of the prose
 * before it: on the copyright files of /usr/share/doc, dense with addresses, that was a sixth
 * of the scan. \b at the new start reads the byte before it, as PCRE2 does whatever the
 * start offset.
 *
 * A private key's PEM block: every match reaches an "-----END" at most PEM_REACH bytes
 * after its start, and the first one at or after pos is at or before its own; so no match
 * starts more than PEM_REACH bytes before that first one, and none at all without one. A
 * file of BEGIN lines with no END had PCRE2 look 16,000 bytes ahead from each (1.2 MB/s). */
static size_t search_start(const struct pii_redactor *r, unsigned pat, const char *buf,
                           size_t sublen, size_t pos)
{
        if (pos >= sublen)
                return pos;
        if (pat == r->email_pat) {
                const char *at = memchr(buf + pos, '@', sublen - pos);
                size_t q, s;

                if (!at)
                        return SIZE_MAX;
                q = (size_t)(at - buf);
                s = q;
                while (s > pos && q - s < 64 && email_local_byte((unsigned char)buf[s - 1]))
                        s--;
                return s;
        }
        if (pat == r->pem_pat) {
                const char *end = memmem(buf + pos, sublen - pos, "-----END", 8);
                size_t q;

                if (!end)
                        return SIZE_MAX;
                q = (size_t)(end - buf);
                return q - pos > PEM_REACH ? q - PEM_REACH : pos;
        }
        return pos;
}

/* Leftmost-first matches of pattern `pat` in buf[from, sublen). With a limit (`hi` !=
 * SIZE_MAX), only matches that end by `hi` count (that start by `hi` for PAT_FWD): beyond it
 * the window was cut short and a match there is not trusted. */
static int match_from(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                      size_t sublen, size_t from, size_t hi, size_t *ret_pos)
{
        const struct pii_pattern *p = &pii_patterns[pat];
        bool fwd = p->flags & PAT_FWD;
        size_t pos = from;
        int e = compile_pattern(r, pat);

        if (e < 0)
                return e;
        /* past hi no match counts (it would start after hi), so none is looked for: on prose
         * the search after an e-mail, to the end of its look-ahead, was half of PCRE2's time.
         * Nor does PCRE2 try starts past it: an '@' that begins no address ("origin@32473" in
         * a syslog line's structured data) had it try each of the 416 bytes after it. */
        if (fwd && hi != SIZE_MAX)
                pcre2_set_offset_limit(r->mctx, hi);
        while (pos <= sublen && (hi == SIZE_MAX || pos <= hi)) {
                PCRE2_SIZE *ov;
                size_t ms, me, vs, ve;
                size_t at = search_start(r, pat, buf, sublen, pos);
                int rc;

                /* no match starts in [pos, at); with none at all, none by hi either */
                if (at == SIZE_MAX || (hi != SIZE_MAX && at > hi)) {
                        pos = at == SIZE_MAX ? MAX(pos, MIN(sublen, hi)) : at;
                        break;
                }
                pos = at;
                /* pcre2_jit_match skips pcre2_match's checks of arguments this code never
                 * varies: on JSON records, where the token scan hands PCRE2 50,000 short
                 * runs per 5 MB, they cost as much as the match */
                rc = r->re_jit[pat] ? pcre2_jit_match(r->re[pat], (PCRE2_SPTR)buf, sublen, pos,
                                                      0, r->md, r->mctx) :
                                      pcre2_match(r->re[pat], (PCRE2_SPTR)buf, sublen, pos, 0,
                                                  r->md, r->mctx);

                if (rc == PCRE2_ERROR_NOMATCH)
                        break;
                if (rc < 0) {
                        pcre2_set_offset_limit(r->mctx, PCRE2_UNSET);
                        return rc == PCRE2_ERROR_NOMEMORY || rc == PCRE2_ERROR_JIT_STACKLIMIT ?
                                       -ENOMEM : -EIO;
                }
                ov = pcre2_get_ovector_pointer(r->md);
                ms = ov[0], me = ov[1];
                if (hi != SIZE_MAX && ms > hi)
                        break;
                if (hi != SIZE_MAX && !fwd && me > hi) {
                        pos = ms + 1;
                        continue;
                }
                vs = ms, ve = me;
                if (p->flags & PAT_GROUP)
                        for (int g = 1; g < rc; g++)
                                if (ov[2 * g] != PCRE2_UNSET) {
                                        vs = ov[2 * g], ve = ov[2 * g + 1];
                                        break;
                                }
                if (ve > vs && pii_validate(p->validator, buf, len, vs, &ve)) {
                        e = pii_push_finding(r, vs, ve, pat);
                        if (e < 0) {
                                pcre2_set_offset_limit(r->mctx, PCRE2_UNSET);
                                return e;
                        }
                        pos = me > ms ? me : ms + 1;
                } else {
                        pos = ms + 1;
                }
        }
        pcre2_set_offset_limit(r->mctx, PCRE2_UNSET);
        if (ret_pos) /* no match starts in [from, pos) but those pushed */
                *ret_pos = pos;
        return 0;
}

int pii_match_pattern(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                      size_t sublen, size_t from, size_t hi)
{
        return match_from(r, pat, buf, len, sublen, from, hi, NULL);
}

static int scan_pcre2(struct pii_redactor *r, const char *buf, size_t len, size_t from)
{
        for (unsigned i = 0; i < pii_n_patterns; i++) {
                /* phone_intl by hand in this engine too: PCRE2's backtracking on a long
                 * digit string has no useful bound (tokintl.c) */
                int e = i == r->intl_pat ? pii_tok_intl(r, i, buf, len, len, from) :
                                           pii_match_pattern(r, i, buf, len, len, from, SIZE_MAX);

                if (e < 0)
                        return e;
        }
        return 0;
}

/* ---- Hyperscan prefilter ------------------------------------------------ */

#ifdef AKIOS_HAVE_HS
static int push_range(struct pii_redactor *r, unsigned pat, size_t lo, size_t hi)
{
        if (r->n_ranges == r->cap_ranges) {
                size_t cap = r->cap_ranges ? r->cap_ranges * 2 : 256;
                struct pii_range *v = reallocarray(r->ranges, cap, sizeof(*v));

                if (!v)
                        return -ENOMEM;
                r->ranges = v;
                r->cap_ranges = cap;
        }
        r->ranges[r->n_ranges++] = (struct pii_range){ .pat = pat, .lo = lo, .hi = hi };
        return 0;
}

static int on_hs_match(unsigned id, unsigned long long from, unsigned long long to,
                       unsigned flags, void *ctx)
{
        struct pii_redactor *r = ctx;
        struct pii_open_range *o = &r->open[id];
        /* where the match may start: an e-mail is reported at its '@', 66 bytes at most from
         * its start, and a search from 470 bytes before was most of PCRE2's time on prose */
        size_t w = pii_patterns[id].back ? pii_patterns[id].back : pii_hs_maxwidth[id];
        size_t lo = to > w ? (size_t)to - w : 0;

        if (o->active && lo <= o->hi) {
                o->lo = MIN(o->lo, lo);
                o->hi = MAX(o->hi, (size_t)to);
                return 0;
        }
        if (o->active) {
                r->hs_error = push_range(r, id, o->lo, o->hi);
                if (r->hs_error < 0)
                        return 1; /* stop the scan */
        }
        *o = (struct pii_open_range){ .active = true, .lo = lo, .hi = (size_t)to };
        return 0;
}

static int scan_hs(struct pii_redactor *r, const char *buf, size_t len, size_t from)
{
        hs_error_t he;

        if (len > UINT32_MAX)
                return -E2BIG;
        r->n_ranges = 0;
        r->hs_error = 0;
        memset(r->open, 0, pii_n_patterns * sizeof(*r->open));
        he = hs_scan(r->hs_db, buf, (unsigned)len, 0, r->hs_scratch, on_hs_match, r);
        if (r->hs_error < 0)
                return r->hs_error;
        if (he != HS_SUCCESS)
                return -EIO;
        for (unsigned i = 0; i < pii_n_patterns; i++)
                if (r->open[i].active) {
                        int e = push_range(r, i, r->open[i].lo, r->open[i].hi);

                        if (e < 0)
                                return e;
                }
        for (size_t k = 0; k < r->n_ranges; k++) {
                const struct pii_range *g = &r->ranges[k];
                const struct pii_pattern *p = &pii_patterns[g->pat];
                size_t fwd = p->flags & PAT_FWD ? (p->fwd ? p->fwd : PII_MAX_SPAN) : 0;
                size_t extra = fwd + PII_LOOK_MARGIN;
                size_t sublen = len - g->hi > extra ? g->hi + extra : len;
                /* with `back`, a range may begin inside the last one's match: the search goes
                 * on where that one's stopped, as one search over the window would */
                size_t start = MAX(MAX(g->lo, from), p->back ? r->open[g->pat].next : 0);
                int e = match_from(r, g->pat, buf, len, sublen, start, g->hi,
                                   &r->open[g->pat].next);

                if (e < 0)
                        return e;
        }
        return pii_tok_scan(r, buf, len, from);
}
#endif

/* ---- names.c findings (issue 11) ------------------------------------------ */

unsigned pii_detector_priority(unsigned detector)
{
        return detector < pii_n_patterns ? pii_patterns[detector].priority : NAMES_PRIORITY;
}

static int push_name_finding(void *ud, size_t s, size_t e, unsigned type, unsigned nd,
                             float score)
{
        struct pii_redactor *r = ud;
        int err = pii_push_finding(r, s, e, 0);

        if (err >= 0)
                r->found[r->n_found - 1] = (struct pii_finding){
                        .start = s, .end = e, .type = (uint16_t)type,
                        .detector = (uint16_t)(pii_n_patterns + nd), .score = score,
                };
        return err;
}

/* ---- overlap resolution ------------------------------------------------- */

/* The order resolve() wants: by start; at one start the higher priority, then the longer
 * span, then the lower detector first. */
static inline int finding_cmp(const struct pii_finding *x, const struct pii_finding *y)
{
        unsigned px, py;

        if (x->start != y->start)
                return x->start < y->start ? -1 : 1;
        px = pii_detector_priority(x->detector);
        py = pii_detector_priority(y->detector);
        if (px != py)
                return px > py ? -1 : 1;
        if (x->end != y->end)
                return x->end > y->end ? -1 : 1;
        return (int)x->detector - (int)y->detector;
}

static int cmp_finding(const void *a, const void *b)
{
        return finding_cmp(a, b);
}

/* The end of the ascending stretch of f[0, n) that starts at i. */
static size_t sorted_to(const struct pii_finding *f, size_t i, size_t n)
{
        while (++i < n && finding_cmp(&f[i - 1], &f[i]) <= 0)
                ;
        return i;
}

/* Sort r->found as a stable merge sort would (what glibc's qsort does when it can), merging
 * the ascending stretches the array already holds: each source pushes its findings in order
 * of position (a Hyperscan range, the token scan, names.c), so a window of 50,000 IPs holds a
 * few hundred stretches, and the sort took a tenth of a log's scan through qsort's calls. */
static void sort_found(struct pii_redactor *r)
{
        size_t n = r->n_found;
        struct pii_finding *src = r->found, *dst;

        if (sorted_to(src, 0, n) == n)
                return;
        if (r->cap_sort_tmp < r->cap_found) {
                struct pii_finding *t = reallocarray(r->sort_tmp, r->cap_found, sizeof(*t));

                if (!t) { /* the same order, only slower */
                        qsort(r->found, n, sizeof(*r->found), cmp_finding);
                        return;
                }
                r->sort_tmp = t;
                r->cap_sort_tmp = r->cap_found;
        }
        dst = r->sort_tmp;
        for (;;) {
                size_t i = 0, stretches = 0;

                while (i < n) {
                        size_t m = sorted_to(src, i, n), e = m < n ? sorted_to(src, m, n) : n;
                        size_t a = i, b = m, o = i;

                        /* stable: on a tie the left stretch's finding goes first */
                        while (a < m && b < e)
                                dst[o++] = finding_cmp(&src[b], &src[a]) < 0 ? src[b++] : src[a++];
                        memcpy(&dst[o], &src[a], (m - a) * sizeof(*src));
                        o += m - a;
                        memcpy(&dst[o], &src[b], (e - b) * sizeof(*src));
                        stretches++;
                        i = e;
                }
                {
                        struct pii_finding *t = src;

                        src = dst;
                        dst = t;
                }
                if (stretches == 1)
                        break;
        }
        if (src != r->found) { /* the sorted copy is the merge buffer: swap the two */
                size_t cap = r->cap_found;

                r->sort_tmp = r->found;
                r->found = src;
                r->cap_found = r->cap_sort_tmp;
                r->cap_sort_tmp = cap;
        }
}

#ifdef AKIOS_HAVE_HS
/* The serialized database (2 MB in the binary's read-only data) is only read once, by
 * hs_deserialize_database, which copies it. Give its pages back so they do not count twice
 * in the process's memory; they are clean file pages, re-read from the binary if ever needed. */
static void drop_serialized_pages(void)
{
        long page = sysconf(_SC_PAGESIZE);
        uintptr_t start = ((uintptr_t)pii_hs_db + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
        uintptr_t end = ((uintptr_t)pii_hs_db + pii_hs_db_len) & ~((uintptr_t)page - 1);

        if (page > 0 && end > start)
                (void)madvise((void *)start, end - start, MADV_DONTNEED);
}
#endif

#ifdef AKIOS_HAVE_HS
/* Hyperscan's allocator for the deserialized database (2 MB, zeroed then filled at once):
 * one mmap with MAP_POPULATE maps it in one system call rather than one page fault per page,
 * a third of `protect`'s start-up on a paravirtualized host (issue 11, item 4). The mapping's
 * length is kept in the 64 bytes before the block, which keeps Hyperscan's alignment. */
#define HS_DB_HEAD 64

static void *hs_db_alloc(size_t n)
{
        size_t total = n + HS_DB_HEAD;
        char *p;

        if (total < n)
                return NULL;
        p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE,
                 -1, 0);
        if (p == MAP_FAILED)
                return NULL;
        memcpy(p, &total, sizeof(total));
        return p + HS_DB_HEAD;
}

static void hs_db_free(void *q)
{
        size_t total;

        if (!q)
                return;
        memcpy(&total, (char *)q - HS_DB_HEAD, sizeof(total));
        (void)munmap((char *)q - HS_DB_HEAD, total);
}
#endif

/* Sorted by start; on overlap the higher priority wins, then the longer span, then the
 * earlier one. */
static void resolve(struct pii_redactor *r, size_t min_start)
{
        size_t n = 0;

        if (r->n_found == 0)
                return;
        sort_found(r);
        for (size_t i = 0; i < r->n_found; i++) {
                struct pii_finding *f = &r->found[i], *last = n ? &r->found[n - 1] : NULL;
                unsigned pf, pl;

                if (f->start < min_start)
                        continue;
                if (!last || f->start >= last->end) {
                        r->found[n++] = *f;
                        continue;
                }
                pf = pii_detector_priority(f->detector);
                pl = pii_detector_priority(last->detector);
                if (pf > pl || (pf == pl && f->end - f->start > last->end - last->start))
                        *last = *f;
        }
        r->n_found = n;
}

int pii_scan_window(struct pii_redactor *r, const char *buf, size_t len, size_t min_start,
                    uint64_t base)
{
        size_t from = min_start > PII_MAX_SPAN ? min_start - PII_MAX_SPAN : 0;
        int e;

        if (r->names && !r->names_memo) {
                r->names_memo = calloc(1, sizeof(*r->names_memo));
                if (!r->names_memo)
                        return -ENOMEM;
        }
        if (r->names_memo) {
                if (base == 0) /* a new input */
                        memset(r->names_memo, 0, sizeof(*r->names_memo));
                r->names_memo->base = base;
        }

        r->n_found = 0;
#ifdef AKIOS_HAVE_HS
        if (r->use_hs)
                e = scan_hs(r, buf, len, from);
        else
#endif
                e = scan_pcre2(r, buf, len, from);
        /* ---- names.c hook (issue 11): PERSON, STREET_ADDRESS, LOCATION ---- */
        if (e >= 0 && r->names)
                e = pii_names_walk(buf, len, from, push_name_finding, NULL, r, r->names_memo);
        /* ---- end of the names.c hook ---- */
        if (e < 0)
                return e;
        resolve(r, min_start);
        return 0;
}

/* ---- engine life cycle -------------------------------------------------- */

int pii_engine_init(struct pii_redactor *r, enum pii_engine engine)
{
        unsigned n = pii_n_patterns;

        r->email_pat = r->pem_pat = r->intl_pat = ~0u;
        for (unsigned i = 0; i < n; i++) {
                const char *re = pii_patterns[i].regex;

                if (streq(pii_patterns[i].name, "phone_intl") && streq(re, pii_intl_regex) &&
                    !(pii_patterns[i].flags & (PAT_FWD | PAT_GROUP)))
                        r->intl_pat = i;
                if (streq(pii_patterns[i].name, "email") &&
                    strncmp(re, email_head, sizeof(email_head) - 1) == 0)
                        r->email_pat = i;
                if (streq(pii_patterns[i].name, "private_key_pem") &&
                    strncmp(re, pem_head, sizeof(pem_head) - 1) == 0)
                        r->pem_pat = i;
        }
        r->re = calloc(n, sizeof(*r->re));
        r->re_failed = calloc(n, sizeof(*r->re_failed));
        r->re_jit = calloc(n, sizeof(*r->re_jit));
        r->md = pcre2_match_data_create(8, NULL);
        r->mctx = pcre2_match_context_create(NULL);
        r->jit_stack = pcre2_jit_stack_create(32 * 1024, JIT_STACK_MAX, NULL);
        if (!r->re || !r->re_failed || !r->re_jit || !r->md || !r->mctx || !r->jit_stack)
                return -ENOMEM;
        pcre2_jit_stack_assign(r->mctx, NULL, r->jit_stack);
        if (engine == PII_ENGINE_PCRE2)
                return 0;
#ifdef AKIOS_HAVE_HS
        /* Hyperscan is built in: not using it is never silent (issue 11). The reason is kept
         * for pii_redactor_engine_note(), which `protect` and `doctor` print. */
        if (pii_hs_npatterns != n)
                r->engine_note = "the built-in Hyperscan database does not match the detector table";
        else if (hs_valid_platform() != HS_SUCCESS)
                r->engine_note = "this CPU cannot run Hyperscan (it needs SSSE3)";
        else {
                hs_database_t *db = NULL;
                hs_scratch_t *scratch = NULL;

                (void)hs_set_database_allocator(hs_db_alloc, hs_db_free);

                if (hs_deserialize_database((const char *)pii_hs_db, pii_hs_db_len, &db) ==
                            HS_SUCCESS &&
                    hs_alloc_scratch(db, &scratch) == HS_SUCCESS) {
                        r->open = calloc(n, sizeof(*r->open));
                        if (!r->open) {
                                hs_free_scratch(scratch);
                                hs_free_database(db);
                                return -ENOMEM;
                        }
                        if (pii_tok_init(r) < 0) {
                                hs_free_scratch(scratch);
                                hs_free_database(db);
                                r->engine_note = "the token prefilter's table is malformed";
                                return engine == PII_ENGINE_HS ? -EOPNOTSUPP : 0;
                        }
                        r->hs_db = db;
                        r->hs_scratch = scratch;
                        r->use_hs = true;
                        drop_serialized_pages();
                        return 0;
                }
                hs_free_database(db);
                r->engine_note = "the built-in Hyperscan database does not load on this CPU";
        }
#else
        r->engine_note = "this build has no Hyperscan (HYPERSCAN=0 or libhs missing)";
#endif
        return engine == PII_ENGINE_HS ? -EOPNOTSUPP : 0;
}

void pii_engine_free(struct pii_redactor *r)
{
        if (r->re)
                for (unsigned i = 0; i < pii_n_patterns; i++)
                        pcre2_code_free(r->re[i]);
        free(r->re);
        free(r->re_failed);
        free(r->re_jit);
        pcre2_match_data_free(r->md);
        pcre2_match_context_free(r->mctx);
        pcre2_jit_stack_free(r->jit_stack);
#ifdef AKIOS_HAVE_HS
        hs_free_scratch(r->hs_scratch);
        hs_free_database(r->hs_db);
#endif
        free(r->open);
        free(r->ranges);
        free(r->found);
        free(r->sort_tmp);
        free(r->names_memo);
}
