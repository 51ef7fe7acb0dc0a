/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The token prefilter (issue 11, item 4): finds the matches of the patterns that begin with a
 * character class and have no literal to anchor on (digits, capitals, hex), which Hyperscan
 * can only run as DFAs over every byte, in one pass that looks only around digits.
 *
 * Every match of a pattern with a token class (patterns.h, struct pii_tok) holds a digit (for
 * a VIN the validator asks for four) and lies inside one maximal run of its class's bytes
 * (TC_PH: [0-9 .,/()+xet-], ...). So: find the next digit; around it, walk left and right
 * once, closing each class's run at its first byte outside the class, and count what the run
 * holds (digits, capitals, dots, commas, dashes, spaces, parentheses, '+', the first digit of
 * each number). A pattern whose counts (read off its regex) the run cannot meet is skipped;
 * the others run PCRE2 on the run alone. PCRE2 sees the whole buffer up to one byte past the
 * run, so \b and the validators read the true context, and since no match can leave the run,
 * the matches are the same, in the same leftmost-first order, as PCRE2 over the whole window:
 * the engine without Hyperscan, which tests/pii/hs-forms.t and bench/pii-findings.sh compare.
 *
 * Design: docs/design/ARCHITECTURE.md, "PII engine". Nothing here allocates.
 */
#include <string.h>

#include "pii/internal.h"
#include "util/util.h"

struct run_counts {
        uint32_t digits, upper, dots, commas, dashes, spaces, parens, plus, zz, ns;
        uint16_t lead;
};

static bool is_word(unsigned char c)
{
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '_';
}

static bool in_set(const char *set, unsigned char c)
{
        for (const char *p = set; *p; p++)
                if (p[1] == '-' && p[2]) { /* a range a-z */
                        if (c >= (unsigned char)p[0] && c <= (unsigned char)p[2])
                                return true;
                        p += 2;
                } else if ((unsigned char)*p == c) {
                        return true;
                }
        return false;
}

/* Each class's bytes ('-' last stands for itself). */
static const char *const class_bytes[_TC_MAX] = {
        [TC_PH] = "0-9 .,/()+xet-",
        [TC_U] = "A-Z0-9 -",
        [TC_UN] = "A-Z0-9",
        [TC_L] = "a-z0-9 ",
        [TC_AN] = "A-Za-z0-9",
        [TC_DMS] = "0-9 .,'\"dNSEW\xC2\xB0\xE2\x80\xB2\xB3",
        [TC_HEX] = "0-9A-Fa-f.",
};

int pii_tok_init(struct pii_redactor *r)
{
        memset(r->tok_class, 0, sizeof(r->tok_class));
        memset(r->tok_npats, 0, sizeof(r->tok_npats));
        for (unsigned c = 1; c < _TC_MAX; c++)
                for (unsigned b = 0; b < 256; b++)
                        if (in_set(class_bytes[c], (unsigned char)b))
                                r->tok_class[b] |= (uint8_t)(1u << (c - 1));
        for (unsigned i = 0; i < pii_n_patterns; i++) {
                unsigned c = pii_patterns[i].tok.cls;

                if (c == TC_NONE)
                        continue;
                if (c >= _TC_MAX || r->tok_npats[c] == PII_TOK_MAX_PATS)
                        return -EINVAL;
                r->tok_pats[c][r->tok_npats[c]++] = (uint8_t)i;
        }
        return 0;
}

static void count_byte(struct run_counts *k, const char *buf, size_t len, size_t j)
{
        unsigned char c = (unsigned char)buf[j];

        if (c >= '0' && c <= '9') {
                k->digits++;
                if (j == 0 || !is_word((unsigned char)buf[j - 1])) {
                        k->lead |= (uint16_t)(1u << (c - '0'));
                        k->zz += c == '0' && j + 1 < len && buf[j + 1] == '0';
                }
        } else if (c >= 'A' && c <= 'Z') {
                k->upper++;
                k->ns += c == 'N' || c == 'S';
        } else {
                k->dots += c == '.';
                k->commas += c == ',';
                k->dashes += c == '-';
                k->spaces += c == ' ';
                k->parens += c == '(' || c == ')';
                k->plus += c == '+';
        }
}

static void add_counts(struct run_counts *a, const struct run_counts *b)
{
        a->digits += b->digits, a->upper += b->upper, a->dots += b->dots;
        a->commas += b->commas, a->dashes += b->dashes, a->spaces += b->spaces;
        a->parens += b->parens, a->plus += b->plus, a->zz += b->zz, a->ns += b->ns;
        a->lead |= b->lead;
}

/* TN_LCC: two lower-case letters at a word start, then two digits (an IBAN's country code
 * and check digits). */
static bool has_lcc(const char *buf, size_t s, size_t e)
{
        for (size_t j = s; j + 4 <= e; j++) {
                unsigned char a = (unsigned char)buf[j], b = (unsigned char)buf[j + 1];

                if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' &&
                    (j == 0 || !is_word((unsigned char)buf[j - 1])) && buf[j + 2] >= '0' &&
                    buf[j + 2] <= '9' && buf[j + 3] >= '0' && buf[j + 3] <= '9')
                        return true;
        }
        return false;
}

static bool need_met(unsigned need, const struct run_counts *k, const char *buf, size_t s,
                     size_t e)
{
        switch (need) {
        case 0: return true;
        case TN_NANP:
                return k->dashes >= 2 || k->dots >= 2 || k->parens >= 2 ||
                       (k->plus >= 1 && k->spaces >= 3);
        case TN_INTL: return k->plus >= 1 || k->zz >= 1;
        case TN_DASH2: return k->dashes >= 2;
        case TN_SPACE2: return k->spaces >= 2;
        case TN_SEP2: return k->dashes + k->spaces >= 2;
        case TN_DOT2: return k->dots >= 2;
        case TN_DOT3: return k->dots >= 3;
        case TN_COORD: return k->dots >= 2 && k->commas >= 1;
        case TN_SPACE1: return k->spaces >= 1;
        case TN_NS: return k->ns >= 1;
        case TN_LCC: return has_lcc(buf, s, e);
        }
        return true; /* an unknown condition only costs time */
}

static int run_class(struct pii_redactor *r, unsigned c, const char *buf, size_t len,
                     size_t from, size_t s, size_t e, const struct run_counts *k)
{
        size_t n = e - s, start = MAX(s, from), sublen = e < len ? e + 1 : len;

        if (start >= e)
                return 0;
        for (unsigned t = 0; t < r->tok_npats[c]; t++) {
                unsigned pat = r->tok_pats[c][t];
                const struct pii_tok *q = &pii_patterns[pat].tok;
                int err;

                if (k->digits < q->digits || k->upper < q->upper || n < q->minlen ||
                    (q->maxlen && n > q->maxlen) || (q->lead && !(k->lead & q->lead)) ||
                    !need_met(q->need, k, buf, s, e))
                        continue;
                err = pii_match_pattern(r, pat, buf, len, sublen, start, SIZE_MAX);
                if (err < 0)
                        return err;
        }
        return 0;
}

/* The next digit at or after i (len when none). */
static size_t next_digit(const char *buf, size_t i, size_t len)
{
        while (i + 8 <= len) {
                uint64_t w, d;

                memcpy(&w, buf + i, 8);
                /* a byte of w is a digit iff (b - '0') < 10: each byte in its lane, with the
                 * lane's top bit set when the byte is in '0'..'9' */
                d = ((w | 0x8080808080808080ull) - 0x3030303030303030ull) &
                    ~((w | 0x8080808080808080ull) - 0x3a3a3a3a3a3a3a3aull) &
                    ~w & 0x8080808080808080ull;
                if (d)
                        return i + (size_t)(__builtin_ctzll(d) >> 3);
                i += 8;
        }
        while (i < len && !(buf[i] >= '0' && buf[i] <= '9'))
                i++;
        return i;
}

int pii_tok_scan(struct pii_redactor *r, const char *buf, size_t len, size_t from)
{
        size_t covered[_TC_MAX] = { 0 }, start[_TC_MAX], end[_TC_MAX];
        struct run_counts left[_TC_MAX], right[_TC_MAX];
        size_t pos = from;

        while ((pos = next_digit(buf, pos, len)) < len) {
                size_t a = pos, next = len;
                unsigned open = 0, todo, lo;
                struct run_counts k;

                for (unsigned c = 1; c < _TC_MAX; c++)
                        if (r->tok_npats[c] && a >= covered[c])
                                open |= 1u << (c - 1);
                todo = open;
                /* left of the digit: each class's run starts after its first byte outside */
                memset(&k, 0, sizeof(k));
                lo = open;
                for (size_t j = a; lo && j > 0; j--) {
                        unsigned m = r->tok_class[(unsigned char)buf[j - 1]], closing = lo & ~m;

                        for (; closing; closing &= closing - 1) {
                                unsigned c = (unsigned)__builtin_ctz(closing) + 1;

                                start[c] = j, left[c] = k;
                        }
                        lo &= m;
                        if (lo)
                                count_byte(&k, buf, len, j - 1);
                }
                for (; lo; lo &= lo - 1) {
                        unsigned c = (unsigned)__builtin_ctz(lo) + 1;

                        start[c] = 0, left[c] = k;
                }
                /* the digit and right of it */
                memset(&k, 0, sizeof(k));
                for (size_t j = a; open; j++) {
                        unsigned m = j < len ? r->tok_class[(unsigned char)buf[j]] : 0;
                        unsigned closing = open & ~m;

                        for (; closing; closing &= closing - 1) {
                                unsigned c = (unsigned)__builtin_ctz(closing) + 1;

                                end[c] = j, right[c] = k;
                        }
                        open &= m;
                        if (open)
                                count_byte(&k, buf, len, j);
                }
                for (; todo; todo &= todo - 1) {
                        unsigned c = (unsigned)__builtin_ctz(todo) + 1;
                        int err;

                        add_counts(&right[c], &left[c]);
                        err = run_class(r, c, buf, len, from, start[c], end[c], &right[c]);
                        if (err < 0)
                                return err;
                        covered[c] = end[c];
                }
                for (unsigned c = 1; c < _TC_MAX; c++)
                        if (r->tok_npats[c])
                                next = MIN(next, MAX(covered[c], a + 1));
                pos = next;
        }
        return 0;
}
