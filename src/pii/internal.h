/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pii internals shared by scan.c (engines, overlap resolution), stream.c (streaming and
 * whole-buffer entry points) and redact.c (redactor life cycle, strategies, key file). Not a
 * public header.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "pii/patterns.h"
#include "pii/pii.h"

#define PII_LOOK_MARGIN 64 /* look-ahead kept past a window's last report */
#define PII_TOK_MAX_PATS 24 /* patterns of one token class (tokens.c) */
#define PII_TOK_MEMO_BYTES 32 /* the longest run tokens.c remembers, with its 4 neighbours */
#define PII_TOK_MEMO_SLOTS 512

struct pii_range {
        uint32_t pat;
        size_t lo, hi; /* scan PCRE2 from lo; hi = the last end offset Hyperscan reported */
};

struct pii_open_range {
        bool active;
        size_t lo, hi;
        size_t next; /* a pattern with `back`: where its search goes on in the next range */
};

struct pii_redactor {
        int strategy;
        bool has_key;
        uint8_t key[32];
        bool use_hs;
        bool names;              /* PERSON, STREET_ADDRESS, LOCATION (names.c) */
        struct pii_names_memo *names_memo; /* names.c's context between streaming rounds */
        const char *engine_note; /* why Hyperscan is not in use, NULL when it is (or not asked) */

        pcre2_code **re;         /* compiled lazily, one per pattern */
        bool *re_failed;
        bool *re_jit; /* re[i] is JIT-compiled: pii_match_pattern() calls pcre2_jit_match */
        pcre2_match_data *md;
        pcre2_match_context *mctx;
        pcre2_jit_stack *jit_stack;

        void *hs_db, *hs_scratch; /* hs_database_t, hs_scratch_t */
        unsigned email_pat, pem_pat; /* the patterns search_start() skips for (scan.c), ~0u */
        unsigned intl_pat;        /* the pattern pii_tok_intl() runs (both engines), or ~0u */
        struct pii_open_range *open;
        struct pii_range *ranges;
        size_t n_ranges, cap_ranges;
        int hs_error;

        struct pii_finding *found; /* raw findings of the current window */
        size_t n_found, cap_found;
        struct pii_finding *sort_tmp; /* resolve()'s merge buffer, cap_sort_tmp findings */
        size_t cap_sort_tmp;

        /* tokens.c: the token classes of each byte (bit c-1 for class c) and each class's
         * patterns */
        uint8_t tok_class[256];
        /* what marked() asks of the bytes beside a number: their codes and the marks of
         * each pair (tokens.c, marks_init) */
        uint8_t tok_t1[256], tok_t2[256], tok_u1[256], tok_u2[256];
        uint16_t tok_before[11 * 4], tok_after[13 * 4];
        uint8_t tok_pats[_TC_MAX][PII_TOK_MAX_PATS];
        uint8_t tok_npats[_TC_MAX];
        unsigned tok_minlen[_TC_MAX]; /* the shortest match of the class's patterns */
        unsigned tok_classes;         /* bit c-1: class c has patterns */
        /* bit t: the class's pattern t can match in a run of n bytes, with n digits, with n
         * capitals (n up to 255, which stands for more too) */
        uint32_t tok_by_len[_TC_MAX][256], tok_by_digits[_TC_MAX][256];
        uint32_t tok_by_upper[_TC_MAX][256];
        uint32_t tok_by_lead[_TC_MAX][10]; /* bit t: pattern t's lead digits hold d */
        uint32_t tok_nolead[_TC_MAX];      /* bit t: pattern t has no lead digits */
        unsigned tok_ipv4;                 /* the pattern that tok_ipv4() runs, or ~0u */
        unsigned tok_ipv6c;                /* the pattern pii_tok_ipv6c() runs, or ~0u */
        unsigned tok_cardctx;              /* the one tok_card_context() runs, or ~0u */
        unsigned tok_nanp;                 /* the one tok_nanp() runs, or ~0u */
        uint8_t tok_cardform[_TC_MAX][PII_TOK_MAX_PATS]; /* card_forms[] index + 1, or 0 */
        /* runs none of whose patterns passed the counts, by their bytes and two on each side
         * (tokens.c, run_memo_*): n 0 is an empty slot */
        struct pii_tok_memo {
                uint8_t n, cls;
                char b[PII_TOK_MEMO_BYTES];
        } tok_memo[PII_TOK_MEMO_SLOTS];
        uint64_t tok_lead2[_TC_MAX][PII_TOK_MAX_PATS][2]; /* bit n: may start with digits n */

        uint64_t counts[_T_MAX];
        bool akios_markers;      /* redaction_markers: akios (akios-markers.c) */
};

/* scan.c */
/* The overlap priority of a detector: the pattern table's, or names.c's below them all. */
unsigned pii_detector_priority(unsigned detector);
int pii_engine_init(struct pii_redactor *r, enum pii_engine engine);
void pii_engine_free(struct pii_redactor *r);
/* Scan window [0, len) of buf; resolved findings (relative offsets, start >= min_start) are
 * left in r->found / r->n_found, sorted by start, non-overlapping. */
int pii_scan_window(struct pii_redactor *r, const char *buf, size_t len, size_t min_start,
                    uint64_t base);


/* Push the finding [s, e) of pattern `pat` to r->found. */
int pii_push_finding(struct pii_redactor *r, size_t s, size_t e, unsigned pat);
/* A hand matcher's match [ms, me) of `pat`, validated and pushed as match_from() does with
 * PCRE2's: *ret_pos gets where the next search starts (me, or ms + 1 when it is refused). */
int pii_push_validated(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                       size_t ms, size_t me, size_t *ret_pos);
/* Leftmost-first matches of pattern `pat` in buf[from, sublen), validated, pushed to
 * r->found; `hi` != SIZE_MAX: only matches that end by hi (start by hi with PAT_FWD). */
int pii_match_pattern(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                      size_t sublen, size_t from, size_t hi);

/* tokens.c: the token prefilter, for the patterns with a token class (patterns.h) when
 * Hyperscan runs the rest. */
int pii_tok_init(struct pii_redactor *r);
int pii_tok_scan(struct pii_redactor *r, const char *buf, size_t len, size_t from);
/* tokv6.c: ipv6_compressed's matches that start in buf[from, end), a TC_HEXSEP run or its
 * tail, by hand, validated and pushed, as PCRE2 over the window finds them; pii_tok_init()
 * hands it the pattern only while patterns.c holds this regex text. */
extern const char pii_ipv6c_regex[];
int pii_tok_ipv6c(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                  size_t from, size_t end);
/* tokintl.c: phone_intl's leftmost-first matches in buf[from, sublen), by hand, validated and
 * pushed, as match_from() with PCRE2 finds them (which backtracks without bound on long digit
 * strings); pii_engine_init() hands it the pattern only while patterns.c holds this text. */
extern const char pii_intl_regex[];
int pii_tok_intl(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                 size_t sublen, size_t from);
/* The first raw match [*ms, *me) of pii_intl_regex in buf[from, sublen) (for the tests). */
bool pii_tok_intl_next(const char *buf, size_t sublen, size_t from, size_t *ms, size_t *me);
/* For tests: 0 when marked()'s tables give what its tests give of every pair of bytes. */
int pii_tok_check_marks(const struct pii_redactor *r);

/* redact.c: the replacement text for one finding, handed to emit. */
int pii_emit_replacement(struct pii_redactor *r, const struct pii_finding *f, const char *value,
                         pii_emit_fn emit, void *userdata);
