/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pii internals: the detector of people's names, street addresses and places (names.c),
 * which the engine runs on each window after the pattern table (scan.c), and its tagger's
 * training entry point (src/pii/gen/train-names.c). Not a public header.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The names detectors, numbered after the pattern table's (pii_detector_name()). */
enum {
        ND_PERSON_CONTEXT, /* a title, salutation, field label, mail header, sign-off */
        ND_PERSON_LEXICON, /* given name + surname, "Last, First", a name in a nearby e-mail */
        ND_PERSON_TAGGER,
        ND_STREET,         /* house number + street type (+ unit) */
        ND_LOCATION_CONTEXT, /* postcode + city, "City, ST", a place label or preposition */
        ND_LOCATION_TAGGER,
        _ND_MAX
};

#define NAMES_PRIORITY 30 /* below every pattern: a pattern's finding wins an overlap */
#define NAMES_NFEAT (1u << 14) /* hashed feature space of the tagger */
#define NAMES_NCLASS 3         /* O, PERSON, LOCATION */
#define NAMES_MAXF 64          /* features of one candidate, at most */

enum { NC_O, NC_PERSON, NC_LOCATION };

const char *pii_names_detector_name(unsigned nd);

/* A finding: [start, end) of buf, a type of enum pii_type, a detector of the enum above. */
typedef int (*pii_names_emit_fn)(void *ud, size_t start, size_t end, unsigned type,
                                 unsigned nd, float score);
/* The tagger: the class of the candidate [start, end) from its features. */
typedef int (*pii_names_tag_fn)(void *ud, size_t start, size_t end, const uint32_t *feat,
                                unsigned n);

/* What a walk leaves for the next streaming round over the same input: the header of the
 * CSV block it was in and the columns of the CREATE TABLEs it found, as labels, which the
 * next round's window (PII_MAX_SPAN bytes of history) may no longer hold. Without it, rows
 * past the first round lost their column labels. */
#define NAMES_MEMO_COLS 64
#define NAMES_MEMO_TABLES 4
#define NAMES_LABEL_MAX 40
struct pii_names_memo {
        uint64_t base; /* set by the caller: the input's offset of buf[0]; 0 resets the memo */
        bool csv_ok;
        char csv_sep;
        unsigned csv_commas, csv_ncols;
        uint64_t csv_upto; /* the input's offset of the block's last line a walk saw */
        char csv_labels[NAMES_MEMO_COLS][NAMES_LABEL_MAX];
        struct pii_names_memo_table {
                char name[64];
                unsigned ncols;
                char cols[NAMES_MEMO_COLS][NAMES_LABEL_MAX];
        } tbl[NAMES_MEMO_TABLES];
        unsigned tbl_next;
};

/* Walk buf[from, len): every finding to emit; candidates the rules leave undecided to tag
 * (NULL: the embedded weights decide). memo (NULL: none) carries context between the rounds
 * of one input: the caller sets memo->base and clears the memo for a new input (scan.c, when
 * the window starts at the input's offset 0); a walk at base 0 only fills it. */
int pii_names_walk(const char *buf, size_t len, size_t from, pii_names_emit_fn emit,
                   pii_names_tag_fn tag, void *ud, struct pii_names_memo *memo);

/* The same for the scripts without capitals (names-intl.c: Han, kana, Hangul, Arabic,
 * Devanagari, Hebrew, Thai); pii_names_walk calls it. */
int pii_names_intl_walk(const char *buf, size_t len, size_t from, pii_names_emit_fn emit,
                        void *ud);

/* A Cyrillic or Greek street around the capitalised run [s, e) that names.c found: its
 * type before (ул., вул., οδός) or after (проспект) and its number (", д. 51", ", кв. 120"):
 * 1 with the street in [*ret_s, *ret_e), 0 for none. */
int pii_names_intl_street(const char *buf, size_t len, size_t s, size_t e, size_t *ret_s,
                          size_t *ret_e);

/* The embedded weights (names-weights.c, written by `make train-names`). */
extern const float pii_names_weights[NAMES_NCLASS][NAMES_NFEAT];
int pii_names_classify(const uint32_t *feat, unsigned n, float *ret_margin);
