/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pii internals: the name and place lexicon compiled into the binary (data/lexicon/, turned
 * into a hash table at build time by src/pii/gen/gen-lexicon.c). Keys are lower-cased
 * (ASCII and the Latin-1 letters of UTF-8); multi-word places are stored whole ("new york")
 * and their first word carries LEX_PHRASE. names.c looks an accented word up folded to ASCII
 * too (fold_ascii: "kraków" as "krakow"), since geonames' names here and the census lists
 * are written so. Plain data and inline helpers only, so the
 * generator can use the same hash and case folding as the lookup.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

enum {
        LEX_GIVEN = 1 << 0,         /* a given name (census, Moby) */
        LEX_SURNAME = 1 << 1,       /* a census surname */
        LEX_CITY = 1 << 2,          /* a geonames city (population >= 15,000) */
        LEX_REGION = 1 << 3,        /* a first-level division, a US state */
        LEX_COUNTRY = 1 << 4,
        LEX_WORD = 1 << 5,          /* an ordinary lower-case English word (wamerican) */
        LEX_STREET = 1 << 6,        /* a street type written after the name (Street, Rd) */
        LEX_PHRASE = 1 << 7,        /* the first word of a multi-word place */
        LEX_SURNAME_TOP = 1 << 8,   /* among the 5,000 most frequent surnames */
        LEX_GIVEN_TOP = 1 << 9,     /* among the first 1,000 given names of the list */
        LEX_CITY_BIG = 1 << 10,     /* population >= 100,000 */
        LEX_STREET_BEFORE = 1 << 11, /* a street type written before the name (rue, via) */
        LEX_GIVEN_WIDE = 1 << 12,    /* with LEX_GIVEN: a given name of given-wide.txt only */
        LEX_TOWN = 1 << 13,          /* a small place of towns.txt (geonames cities1000):
                                      * a place only in a place's context, no tagger feature */
        LEX_TOWN_PHRASE = 1 << 14    /* the first word of a multi-word town ("forest row") */
};

struct pii_lex_entry {
        uint32_t off;   /* into pii_lex_blob, NUL-terminated key */
        uint16_t flags;
};

extern const char pii_lex_blob[];
extern const struct pii_lex_entry pii_lex_entries[];
extern const unsigned pii_lex_n_entries;
extern const uint32_t pii_lex_slots[]; /* see LEX_IDX_BITS; a power of two long */
extern const unsigned pii_lex_n_slots;
extern const char *const pii_lex_street_suffixes[]; /* NULL-terminated, lower case */

/* FNV-1a over the lower-cased key. */
static inline uint32_t pii_lex_hash(const char *s, size_t n)
{
        uint32_t h = 2166136261u;

        for (size_t i = 0; i < n; i++)
                h = (h ^ (unsigned char)s[i]) * 16777619u;
        return h;
}

/* Lower-case s[0, n) into out (NUL-terminated): ASCII letters and the UTF-8 Latin-1
 * capitals (U+00C0-U+00DE but U+00D7). Returns the length, 0 when it does not fit. */
static inline size_t pii_lex_lower(const char *s, size_t n, char *out, size_t size)
{
        if (n + 1 > size)
                return 0;
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)s[i];

                if (c >= 'A' && c <= 'Z')
                        c = (unsigned char)(c + 32);
                else if (i > 0 && (unsigned char)s[i - 1] == 0xc3 && c >= 0x80 && c <= 0x9e &&
                         c != 0x97)
                        c = (unsigned char)(c + 32);
                out[i] = (char)c;
        }
        out[n] = '\0';
        return n;
}

/* A slot: entry index + 1 in the low LEX_IDX_BITS bits (0 = empty), the top bits of the
 * key's hash above them, so a probe rarely has to read the key itself. */
#define LEX_IDX_BITS 19
#define LEX_IDX_MASK ((1u << LEX_IDX_BITS) - 1)
#define LEX_TAG(h) ((h) & ~LEX_IDX_MASK)

/* The flags of a lower-cased key whose pii_lex_hash is h, 0 when unknown: for a caller that
 * needs the hash for other tables too. */
static inline unsigned pii_lex_lookup_hashed(const char *key, size_t n, uint32_t h)
{
        uint32_t mask = pii_lex_n_slots - 1;
        uint32_t i = (h >> 7) & mask, tag = LEX_TAG(h);

        for (;;) {
                uint32_t s = pii_lex_slots[i];

                if (!s)
                        return 0;
                if ((s & ~LEX_IDX_MASK) == tag) {
                        const struct pii_lex_entry *e = &pii_lex_entries[(s & LEX_IDX_MASK) - 1];
                        const char *k = pii_lex_blob + e->off;

                        size_t j = 0;

                        while (j < n && k[j] == key[j])
                                j++;
                        if (j == n && k[n] == '\0')
                                return e->flags;
                }
                i = (i + 1) & mask;
        }
}

/* The flags of a lower-cased key, 0 when unknown. */
static inline unsigned pii_lex_lookup(const char *key, size_t n)
{
        return pii_lex_lookup_hashed(key, n, pii_lex_hash(key, n));
}
