/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The token prefilter (issue 11, item 4): finds the matches of the patterns that begin with a
 * character class and have no literal to anchor on (digits, capitals, hex), which Hyperscan
 * can only run as DFAs over every byte, in one pass that looks only around digits.
 *
 * Every match of a pattern with a token class (patterns.h, struct pii_tok) holds a digit (for
 * a VIN the validator asks for four) and lies inside one maximal run of its class's bytes
 * (class_bytes below). So: find the next number; read the bytes beside it for each class's
 * mark (marked()); around a marked number, walk left and right once, closing each class's run
 * at its first byte outside the class, and count what the run holds (digits, capitals,
 * digit-separator-digit, number lengths, each number's first digits). A pattern whose counts
 * (read off its regex) the run cannot meet is skipped; the others run PCRE2 on the run alone.
 * PCRE2 sees the whole buffer up to one byte past the run, so \b and the validators read the
 * true context, and since no match can leave the run, the matches are the same, in the same
 * leftmost-first order, as PCRE2 over the whole window: the engine without Hyperscan, which
 * tests/pii/tokens.t, tests/pii/tokens-attack.t and bench/pii-findings.sh compare.
 *
 * Two classes, TC_HEXSEP (colon IPv6, MAC) and TC_B58 (Litecoin), may hold no digit: their
 * runs are found around bytes their matches hold instead (anchor_scan), on the same terms.
 *
 * Design: docs/design/ARCHITECTURE.md, "PII engine". Nothing here allocates.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pii/internal.h"
#include "util/util.h"

_Static_assert(PII_TOK_MAX_PATS <= 32, "a class's patterns are bits of a uint32_t");

struct run_counts {
        uint32_t digits, upper, commas, spaces, parens, plus19, zz19, ns;
        uint32_t ddash, ddot, dspace, uafter; /* d-d, d.d, "d d"; a capital after a digit */
        uint32_t uafter1; /* a capital right after a digit or "d-" (es_nif's "12345678-Z",
                           * not Firefox's "Gecko/20100101 Firefox" on every log line) */
        uint32_t numbers;
        uint16_t lead, groups;
        uint64_t lead2[2];    /* bit n: a number starts (at a word start) with the digits n */
        uint32_t at_lead[10]; /* with bit d of lead: the digits before the first number that
                               * starts with d (not set otherwise) */
};

static bool is_word(unsigned char c)
{
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
               c == '_';
}

static bool is_digit(unsigned char c)
{
        return c >= '0' && c <= '9';
}

static bool is_upper(unsigned char c)
{
        return c >= 'A' && c <= 'Z';
}

static bool is_hex(unsigned char c)
{
        return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
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

/* Two more properties of a byte in tok_class, above the classes' bits, for marked_by_length():
 * the bytes of a number and its separators, and those of a dotted number. */
enum { TK_PHSEP = 1 << 6, TK_DOTTED = 1 << 7 };
_Static_assert(_TC_MAX - 1 <= 6, "the classes' bits lie below TK_PHSEP");

/* Each class's bytes ('-' last stands for itself). */
static const char *const class_bytes[_TC_MAX] = {
        [TC_PH] = "0-9 .,/()+xetAB-",
        [TC_U] = "A-Z0-9 -",
        [TC_W] = "A-Za-z0-9 .",
        [TC_DMS] = "0-9 .,'\"dNSEW\xC2\xB0\xE2\x80\xB2\xB3",
        [TC_HEXSEP] = "0-9A-Fa-f:-",
        [TC_B58] = "1-9A-HJ-NP-Za-km-z",
};

/* The regex that tok_ipv4() runs by hand; pii_tok_init() hands it the pattern only while
 * patterns.c's text is this one, so a change there falls back to PCRE2 rather than drift. */
static const char ipv4_regex[] =
        "\\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
        "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\b";

/* The regex tok_card_context() runs by hand, on the same terms: a card word, up to 20 bytes
 * without a digit or newline, then 12 to 19 digits with single spaces or dashes between. */
static const char cardctx_regex[] =
        "(?i:\\b(?:card|credit|debit|visa|mastercard|maestro|amex|karte|carte|tarjeta|charged"
        "|paid)\\b[^0-9\\n]{0,20})([0-9](?:[ -]?[0-9]){11,18})\\b";
static const char *const cardctx_words[] = {
        "card", "credit", "debit", "visa", "mastercard", "maestro", "amex", "karte", "carte",
        "tarjeta", "charged", "paid",
};

/* The octet that is the whole digit string at i of buf[0, sublen): its length (1-3), or 0.
 * The regex's alternatives, tried in order and backtracked, can stop only where a '.' or \b
 * follows, so never inside a digit string: an octet is 0-9, 10-99 or 100-255, whole. */
static size_t octet_at(const char *buf, size_t sublen, size_t i)
{
        size_t n = 0;

        while (i + n < sublen && n < 4 && is_digit((unsigned char)buf[i + n]))
                n++;
        if (n == 0 || n == 4 || (n > 1 && buf[i] == '0'))
                return 0;
        if (n == 3 && buf[i] != '1' &&
            (buf[i] != '2' || buf[i + 1] > '5' || (buf[i + 1] == '5' && buf[i + 2] > '5')))
                return 0;
        return n;
}

/* The end of the ipv4 match that starts at i (a digit after a non-word byte), or 0. */
static size_t ipv4_at(const char *buf, size_t sublen, size_t i)
{
        for (unsigned o = 0;; o++) {
                size_t n = octet_at(buf, sublen, i);

                if (!n)
                        return 0;
                i += n;
                if (o == 3) /* \b: the end of the subject or a non-word byte */
                        return i == sublen || !is_word((unsigned char)buf[i]) ? i : 0;
                if (i == sublen || buf[i] != '.')
                        return 0;
                i++;
        }
}

/* pii_match_pattern() for the ipv4 pattern in buf[from, sublen), without PCRE2: a third of
 * the calls on web logs, where it cost as much as all the counting. The same leftmost
 * matches, validated the same way; tests/pii/tokens-attack.t compares it with PCRE2. */
static int tok_ipv4(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                    size_t sublen, size_t from)
{
        size_t pos = from;

        while (pos < sublen) {
                size_t ms = pos, me = 0;
                int err;

                for (; ms < sublen; ms++)
                        if (is_digit((unsigned char)buf[ms]) &&
                            (ms == 0 || !is_word((unsigned char)buf[ms - 1])) &&
                            (me = ipv4_at(buf, sublen, ms)))
                                break;
                if (!me)
                        return 0;
                err = pii_push_validated(r, pat, buf, len, ms, me, &pos);
                if (err < 0)
                        return err;
        }
        return 0;
}

/* The regex of phone_nanp, on the same terms as ipv4_regex: tok_nanp() runs its commonest
 * case by hand and hands PCRE2 the others. */
static const char nanp_regex[] =
        "(?:(?:\\+1[ .-]?|\\b001[ .-]?|\\b1[-.])?(?:\\b[0-9]{3}-[0-9]{3}-|\\b[0-9]{3}\\.[0-9]{3}\\.)"
        "|(?:\\+1 ?)?\\([0-9]{3}\\) ?[0-9]{3}[-. ]|\\+1 [0-9]{3} [0-9]{3} )"
        "[0-9]{4}(?: ?(?:x|ext\\.?) ?[0-9]{1,5})?\\b";

/* pii_match_pattern() for phone_nanp on run [s, e) of TC_PH. A run that is 3-3-4 digits with
 * two '-' or two '.' and nothing else (a JSON file's SKUs and phones: 31,000 runs per 5 MB,
 * each a PCRE2 match and a second search after it, a tenth of the scan) is matched by hand:
 * the regex's only match in it is the whole run, when \b holds at both ends. No prefix of
 * the regex fits inside the run ("001-" leaves 3-4 digits, "1-" a digit after the 1), its
 * '(' and '+' forms need bytes the run lacks, the extension needs ' ', 'x' or 'e' after the
 * number, which would be in the run, and every later start inside it lacks the two
 * separators. Other runs go to PCRE2; tests/pii/tokens-attack.t compares both. */
static int tok_nanp(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                    size_t sublen, size_t from, size_t s, size_t e)
{
        const char *p = buf + s;
        size_t ve = e;

        if (from > s || e - s != 12 || (p[3] != '-' && p[3] != '.') || p[7] != p[3])
                return pii_match_pattern(r, pat, buf, len, sublen, MAX(s, from), SIZE_MAX);
        for (unsigned i = 0; i < 12; i++)
                if (i != 3 && i != 7 && !is_digit((unsigned char)p[i]))
                        return pii_match_pattern(r, pat, buf, len, sublen, s, SIZE_MAX);
        if ((s > 0 && is_word((unsigned char)buf[s - 1])) ||
            (e < len && is_word((unsigned char)buf[e])))
                return 0;
        if (!pii_validate(pii_patterns[pat].validator, buf, len, s, &ve) || ve <= s)
                return 0;
        return pii_push_finding(r, s, ve, pat);
}

/* The card patterns' forms, for tok_card_digits(): each regex (its text, as ipv4_regex) and
 * the prefixes it takes, as ranges of the number's first `plen` digits, each with the digit
 * counts its repeat allows ("4[0-9]{3}(?:[ -]?[0-9]){12,15}": 4, 16 to 19 digits). */
struct card_prefix {
        uint16_t lo, hi;
        uint8_t plen, nmin, nmax;
};
static const struct card_form {
        const char *name, *regex;
        struct card_prefix pre[9];
} card_forms[] = {
        { "card_visa", "\\b4[0-9]{3}(?:[ -]?[0-9]){12,15}\\b", { { 4, 4, 1, 16, 19 } } },
        { "card_mastercard",
          "\\b(?:5[1-5][0-9]{2}|222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)"
          "(?:[ -]?[0-9]){12}\\b",
          { { 51, 55, 2, 16, 16 }, { 2221, 2720, 4, 16, 16 } } },
        { "card_amex", "\\b3[47][0-9]{2}(?:[ -]?[0-9]){11}\\b",
          { { 34, 34, 2, 15, 15 }, { 37, 37, 2, 15, 15 } } },
        { "card_discover", "\\b6(?:011|5[0-9]{2}|4[4-9][0-9])(?:[ -]?[0-9]){12,15}\\b",
          { { 6011, 6011, 4, 16, 19 }, { 65, 65, 2, 16, 19 }, { 644, 649, 3, 16, 19 } } },
        { "card_jcb", "\\b(?:35[0-9]{2}(?:[ -]?[0-9]){12,15}|(?:2131|1800)(?:[ -]?[0-9]){11})\\b",
          { { 35, 35, 2, 16, 19 }, { 2131, 2131, 4, 15, 15 }, { 1800, 1800, 4, 15, 15 } } },
        { "card_diners", "\\b3(?:0[0-5]|[689][0-9])[0-9](?:[ -]?[0-9]){10,15}\\b",
          { { 300, 305, 3, 14, 19 }, { 36, 36, 2, 14, 19 }, { 38, 39, 2, 14, 19 } } },
        { "card_unionpay", "\\b62[0-9]{2}(?:[ -]?[0-9]){12,15}\\b", { { 62, 62, 2, 16, 19 } } },
        { "card_maestro",
          "\\b(?:50(?:18|20|38)|5893|6304|67(?:59|6[1-3])|0604)(?:[ -]?[0-9]){8,15}\\b",
          { { 5018, 5018, 4, 12, 19 }, { 5020, 5020, 4, 12, 19 }, { 5038, 5038, 4, 12, 19 },
            { 5893, 5893, 4, 12, 19 }, { 6304, 6304, 4, 12, 19 }, { 6759, 6759, 4, 12, 19 },
            { 6761, 6763, 4, 12, 19 }, { 604, 604, 4, 12, 19 } } },
};

/* Whether run [s, e) is one number [s, g) and bytes with no digit: a JSON file's ids,
 * `"id":522592088480608548,` (its 18 digits and the comma), 17,000 card-pattern searches
 * per 5 MB, each a PCRE2 match and a second search. */
static size_t lone_number(const char *buf, size_t s, size_t e)
{
        size_t g = s;

        while (g < e && is_digit((unsigned char)buf[g]))
                g++;
        if (g == s)
                return 0;
        for (size_t j = g; j < e; j++)
                if (is_digit((unsigned char)buf[j]))
                        return 0;
        return g;
}

/* pii_match_pattern() for a card pattern on a run that is one number [s, g) and no other
 * digit (lone_number()), without PCRE2. The regex's matches start at a digit after \b, so
 * only at s; its separators are taken only before a digit, which the run lacks after g; so
 * it matches [s, g) when a prefix and the digit count fit and \b holds at both ends (a
 * shorter end would lie between two digits). The same match validated the same way;
 * tests/pii/tokens-attack.t compares it with PCRE2. */
static int tok_card_digits(struct pii_redactor *r, unsigned pat, const struct card_form *f,
                           const char *buf, size_t len, size_t s, size_t g)
{
        size_t n = g - s, ve = g;
        bool fits = false;

        if ((s > 0 && is_word((unsigned char)buf[s - 1])) || (g < len && is_word((unsigned char)buf[g])))
                return 0;
        for (unsigned i = 0; i < ARRAY_SIZE(f->pre) && f->pre[i].plen && !fits; i++) {
                const struct card_prefix *q = &f->pre[i];
                unsigned v = 0;

                if (n < q->nmin || n > q->nmax)
                        continue;
                for (unsigned j = 0; j < q->plen; j++)
                        v = v * 10 + (unsigned)(buf[s + j] - '0');
                fits = v >= q->lo && v <= q->hi;
        }
        if (!fits || !pii_validate(pii_patterns[pat].validator, buf, len, s, &ve) || ve <= s)
                return 0;
        return pii_push_finding(r, s, ve, pat);
}

/* The end of card_context's number that starts at digit ns, or 0: 12 to 19 digits, each
 * after the last or after one ' ' or '-' that is (the regex's path through its optional
 * separators is forced: a separator is taken exactly when a digit follows it), ending
 * where \b holds; the greedy repeat backs off to the longest such end. */
static size_t card_number_end(const char *buf, size_t len, size_t ns)
{
        size_t j = ns + 1, best = 0;

        for (unsigned n = 1;; n++) { /* n digits read, the last ends at j */
                if (n >= 12 && (j == len || !is_word((unsigned char)buf[j])))
                        best = j;
                if (n == 19)
                        break;
                if (j < len && is_digit((unsigned char)buf[j]))
                        j++;
                else if (j + 1 < len && (buf[j] == ' ' || buf[j] == '-') &&
                         is_digit((unsigned char)buf[j + 1]))
                        j += 2;
                else
                        break;
        }
        return best;
}

/* Whether the word buf[ws, we) is one of card_context's words, in any case. No strlen(): a
 * byte | 0x20 is never NUL, so a word's NUL stops the compare, and one at n means its length
 * is n (this runs for every word before a long number of a JSON file). */
static bool is_card_word(const char *buf, size_t ws, size_t we)
{
        size_t n = we - ws;

        if (n < 4 || n > 10)
                return false;
        for (size_t i = 0; i < ARRAY_SIZE(cardctx_words); i++) {
                const char *w = cardctx_words[i];
                size_t j = 0;

                while (j < n && (buf[ws + j] | 0x20) == w[j])
                        j++;
                if (j == n && !w[n])
                        return true;
        }
        return false;
}

/* pii_match_pattern() for card_context on run [s, e) of TC_PH, without PCRE2: it was a third
 * of Hyperscan's time on prose and JSON (a case-free word, a bounded gap, a bounded digit
 * repeat). Its number is all digits, spaces and dashes, so it lies in one run, and it is the
 * run's first number: the gap before it holds no digit, and no card word fits in a run (each
 * has a letter the class lacks), so the word lies before the run and every later number of
 * the run has the first one in its gap. A word that begins before `from` does not count, as
 * PCRE2 would not start there. The same match as the regex's leftmost one, validated the same
 * way (when the number fails, every other word before it gives the same number);
 * tests/pii/tokens-attack.t compares it with PCRE2. */
static int tok_card_context(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                            size_t from, size_t s, size_t e)
{
        size_t ns = s, ge, lo, ve;

        while (ns < e && !is_digit((unsigned char)buf[ns]))
                ns++;
        if (ns == e || !(ge = card_number_end(buf, len, ns)))
                return 0;
        /* the gap [ke, ns): 0 to 20 bytes, none a digit or a newline */
        for (lo = ns; lo > 0 && ns - lo < 20 && !is_digit((unsigned char)buf[lo - 1]) &&
                      buf[lo - 1] != '\n';
             lo--)
                ;
        /* a word ends at ke (\b after it: buf[ke] is not a word byte; ke < ns, since
         * buf[ns] is a digit) and is one of the card words, with \b before it */
        for (size_t ke = ns; ke-- > lo;) {
                size_t ws = ke;

                if (is_word((unsigned char)buf[ke]) || ke == 0 ||
                    !is_word((unsigned char)buf[ke - 1]))
                        continue;
                while (ws > 0 && is_word((unsigned char)buf[ws - 1]) && ke - ws <= 10)
                        ws--;
                if (ws < from || (ws > 0 && is_word((unsigned char)buf[ws - 1])) ||
                    !is_card_word(buf, ws, ke))
                        continue;
                ve = ge;
                if (pii_validate(pii_patterns[pat].validator, buf, len, ns, &ve) && ve > ns)
                        return pii_push_finding(r, ns, ve, pat);
                return 0;
        }
        return 0;
}

/* "40-49,51" into a 100-bit set. */
static int parse_lead2(const char *spec, uint64_t set[2])
{
        const char *p = spec;

        set[0] = set[1] = 0;
        while (*p) {
                unsigned lo, hi;

                if (!is_digit((unsigned char)p[0]) || !is_digit((unsigned char)p[1]))
                        return -EINVAL;
                lo = hi = (unsigned)(p[0] - '0') * 10 + (unsigned)(p[1] - '0');
                p += 2;
                if (*p == '-') {
                        if (!is_digit((unsigned char)p[1]) || !is_digit((unsigned char)p[2]))
                                return -EINVAL;
                        hi = (unsigned)(p[1] - '0') * 10 + (unsigned)(p[2] - '0');
                        p += 3;
                }
                for (unsigned v = lo; v <= hi; v++)
                        set[v >> 6] |= 1ull << (v & 63);
                if (*p == ',')
                        p++;
                else if (*p)
                        return -EINVAL;
        }
        return 0;
}

static void marks_init(struct pii_redactor *r);

int pii_tok_init(struct pii_redactor *r)
{
        memset(r->tok_class, 0, sizeof(r->tok_class));
        memset(r->tok_npats, 0, sizeof(r->tok_npats));
        memset(r->tok_minlen, 0, sizeof(r->tok_minlen));
        memset(r->tok_by_len, 0, sizeof(r->tok_by_len));
        memset(r->tok_by_digits, 0, sizeof(r->tok_by_digits));
        memset(r->tok_by_upper, 0, sizeof(r->tok_by_upper));
        memset(r->tok_by_lead, 0, sizeof(r->tok_by_lead));
        memset(r->tok_nolead, 0, sizeof(r->tok_nolead));
        memset(r->tok_cardform, 0, sizeof(r->tok_cardform));
        memset(r->tok_memo, 0, sizeof(r->tok_memo));
        r->tok_classes = 0;
        r->tok_ipv4 = r->tok_cardctx = r->tok_nanp = r->tok_ipv6c = ~0u;
        for (unsigned i = 0; i < ARRAY_SIZE(cardctx_words); i++)
                if (strlen(cardctx_words[i]) < 4 || strlen(cardctx_words[i]) > 10)
                        return -EINVAL; /* is_card_word() looks at 4 to 10 bytes */
        marks_init(r);
        for (unsigned c = 1; c < _TC_MAX; c++)
                for (unsigned b = 0; b < 256; b++)
                        if (in_set(class_bytes[c], (unsigned char)b))
                                r->tok_class[b] |= (uint8_t)(1u << (c - 1));
        for (unsigned b = 0; b < 256; b++) {
                r->tok_class[b] |= in_set("0-9 ./-", (unsigned char)b) ? TK_PHSEP : 0;
                r->tok_class[b] |= in_set("0-9.", (unsigned char)b) ? TK_DOTTED : 0;
        }
        for (unsigned i = 0; i < pii_n_patterns; i++) {
                const struct pii_tok *q = &pii_patterns[i].tok;
                unsigned c = q->cls, t, runlen;

                if (c == TC_NONE)
                        continue;
                if (c >= _TC_MAX || r->tok_npats[c] == PII_TOK_MAX_PATS)
                        return -EINVAL;
                if (streq(pii_patterns[i].name, "ipv6_compressed")) {
                        /* by hand around its "::", or not at all: Hyperscan leaves it to the
                         * prefilter, so a regex tokv6.c was not written from is an error */
                        if (c != TC_HEXSEP || !streq(pii_patterns[i].regex, pii_ipv6c_regex) ||
                            (pii_patterns[i].flags & (PAT_FWD | PAT_GROUP)))
                                return -EINVAL;
                        r->tok_ipv6c = i;
                        continue;
                }
                t = r->tok_npats[c];
                /* card_context's match begins before the run: the run holds its number */
                runlen = q->need == TN_CARDCTX ? q->minlen : MAX(q->minlen, pii_hs_minwidth[i]);
                if (q->need == TN_CARDCTX) {
                        /* no PCRE2 fallback: the run does not hold the match */
                        if (c != TC_PH || !streq(pii_patterns[i].regex, cardctx_regex) ||
                            (pii_patterns[i].flags & (PAT_FWD | PAT_GROUP)) != PAT_GROUP)
                                return -EINVAL;
                        r->tok_cardctx = i;
                }
                if (runlen > 255) /* the tables stop at 255 */
                        return -EINVAL;
                for (unsigned n = 0; n < 256; n++) {
                        r->tok_by_len[c][n] |= n >= runlen ? 1u << t : 0;
                        r->tok_by_digits[c][n] |= n >= q->digits ? 1u << t : 0;
                        r->tok_by_upper[c][n] |= n >= q->upper ? 1u << t : 0;
                }
                for (unsigned d = 0; d < 10; d++)
                        r->tok_by_lead[c][d] |= q->lead & (1u << d) ? 1u << t : 0;
                r->tok_nolead[c] |= q->lead ? 0 : 1u << t;
                if (pii_patterns[i].tok_lead2 &&
                    parse_lead2(pii_patterns[i].tok_lead2, r->tok_lead2[c][t]) < 0)
                        return -EINVAL;
                r->tok_pats[c][r->tok_npats[c]++] = (uint8_t)i;
                if (streq(pii_patterns[i].name, "ipv4") &&
                    streq(pii_patterns[i].regex, ipv4_regex) &&
                    !(pii_patterns[i].flags & (PAT_FWD | PAT_GROUP)))
                        r->tok_ipv4 = i;
                for (unsigned f = 0; f < ARRAY_SIZE(card_forms); f++)
                        if (streq(pii_patterns[i].name, card_forms[f].name) &&
                            streq(pii_patterns[i].regex, card_forms[f].regex) &&
                            !(pii_patterns[i].flags & (PAT_FWD | PAT_GROUP)))
                                r->tok_cardform[c][t] = (uint8_t)(f + 1);
                if (streq(pii_patterns[i].name, "phone_nanp") &&
                    streq(pii_patterns[i].regex, nanp_regex) &&
                    !(pii_patterns[i].flags & (PAT_FWD | PAT_GROUP)))
                        r->tok_nanp = i;
                if (!(r->tok_classes & (1u << (c - 1))) || runlen < r->tok_minlen[c])
                        r->tok_minlen[c] = runlen;
                r->tok_classes |= 1u << (c - 1);
        }
        return 0;
}

/* What run [s, e) holds. A number at a time: its first digit is the only one that needs its
 * neighbours (lead digits, "00" prefixes), so the others are skipped in a tight loop. With
 * `inside` (e < len, the caller's promise), the byte after each byte of the run is in the
 * buffer, and is read without a bound test. */
static inline __attribute__((always_inline)) void
count_run_body(struct run_counts *k, const char *buf, size_t len, size_t s, size_t e, bool inside)
{
        unsigned char p = s ? (unsigned char)buf[s - 1] : 0;
        size_t j = s;

        /* not a memset: at_lead is read only where lead says */
        k->digits = k->upper = k->commas = k->spaces = k->parens = k->plus19 = k->zz19 = 0;
        k->ns = k->ddash = k->ddot = k->dspace = k->uafter = k->uafter1 = k->numbers = 0;
        k->lead = k->groups = 0;
        k->lead2[0] = k->lead2[1] = 0;
        while (j < e) {
                unsigned char c = (unsigned char)buf[j];
                unsigned char n = inside || j + 1 < len ? (unsigned char)buf[j + 1] : 0;

                if (is_digit(c)) {
                        size_t a = j, g;

                        if (j == 0 || !is_word(p)) {
                                unsigned d = c - '0';

                                if (!(k->lead & (1u << d)))
                                        k->at_lead[d] = k->digits;
                                k->lead |= (uint16_t)(1u << d);
                                if (is_digit(n)) {
                                        unsigned v = d * 10 + (n - '0');

                                        k->lead2[v >> 6] |= 1ull << (v & 63);
                                }
                                k->zz19 += c == '0' && n == '0' && j + 2 < len &&
                                           buf[j + 2] >= '1' && buf[j + 2] <= '9';
                        }
                        do
                                j++;
                        while (j < e && is_digit((unsigned char)buf[j]));
                        g = j - a;
                        k->numbers++;
                        k->digits += (uint32_t)g;
                        k->groups |= (uint16_t)(1u << (g < 15 ? g : 15));
                        p = (unsigned char)buf[j - 1];
                        continue;
                }
                if (is_upper(c)) {
                        k->upper++;
                        k->ns += c == 'N' || c == 'S';
                        k->uafter += is_digit(p) || ((p == ' ' || p == '-') && j >= 2 &&
                                                     is_digit((unsigned char)buf[j - 2]));
                        k->uafter1 += is_digit(p) ||
                                      (p == '-' && j >= 2 && is_digit((unsigned char)buf[j - 2]));
                } else {
                        k->commas += c == ',';
                        k->spaces += c == ' ';
                        k->parens += c == '(' || c == ')';
                        k->plus19 += c == '+' && n >= '1' && n <= '9';
                        if (is_digit(p) && is_digit(n)) {
                                k->ddash += c == '-';
                                k->ddot += c == '.';
                                k->dspace += c == ' ';
                        }
                }
                p = c;
                j++;
        }
}

static void count_run(struct run_counts *k, const char *buf, size_t len, size_t s, size_t e)
{
        if (e < len)
                count_run_body(k, buf, len, s, e, true);
        else
                count_run_body(k, buf, len, s, e, false);
}

static inline __attribute__((always_inline)) bool shape_char(char want, unsigned char c)
{
        switch (want) {
        case 'L': return is_upper(c);
        case 'l': return c >= 'a' && c <= 'z';
        case 'd': return is_digit(c);
        case 'x': return is_hex(c);
        default: return c == (unsigned char)want;
        }
}

/* Whether the run holds a short shape: one class per character of `want` ('L' a capital, 'l'
 * lower case, 'd' a digit, 'x' a hex digit, others themselves); with `word_start`, at a word
 * start. Inlined into need_met(), where each `want` is a constant, so the loop over it
 * unrolls into plain tests (the switch per byte was 5 % of a log's scan). */
static inline __attribute__((always_inline)) bool has_shape(const char *buf, size_t s, size_t e,
                                                            const char *want, bool word_start)
{
        size_t w = strlen(want);

        for (size_t j = s; j + w <= e; j++) {
                size_t i = 0;

                if (!shape_char(want[0], (unsigned char)buf[j]))
                        continue;
                if (word_start && j > 0 && is_word((unsigned char)buf[j - 1]))
                        continue;
                for (i = 1; i < w; i++)
                        if (!shape_char(want[i], (unsigned char)buf[j + i]))
                                break;
                if (i == w)
                        return true;
        }
        return false;
}

static bool is_alnum(unsigned char c)
{
        return is_digit(c) || (unsigned)((c | 0x20) - 'a') < 26u;
}

/* Whether the run holds a word (a maximal stretch of letters and digits) of wmin..wmax
 * bytes. */
static bool has_word(const char *buf, size_t s, size_t e, unsigned wmin, unsigned wmax)
{
        size_t w = 0;

        for (size_t j = s; j <= e; j++) {
                if (j < e && is_alnum((unsigned char)buf[j])) {
                        w++;
                        continue;
                }
                if (w >= wmin && w <= wmax)
                        return true;
                w = 0;
        }
        return false;
}

/* TN_DMS: two degree signs (U+00B0, or 'd') right after a digit. */
static bool has_degrees(const char *buf, size_t s, size_t e)
{
        unsigned n = 0;

        for (size_t j = s + 1; j < e && n < 2; j++)
                if (is_digit((unsigned char)buf[j - 1]) &&
                    (buf[j] == 'd' || (buf[j] == '\xC2' && j + 1 < e && buf[j + 1] == '\xB0')))
                        n++;
        return n >= 2;
}

static bool need_met(unsigned need, const struct run_counts *k, const char *buf, size_t s,
                     size_t e)
{
        switch (need) {
        case 0: return true;
        case TN_NANP:
                return k->ddash >= 2 || k->ddot >= 2 || k->parens >= 2 ||
                       (k->plus19 >= 1 && k->dspace >= 2);
        case TN_INTL: return k->plus19 >= 1 || k->zz19 >= 1;
        case TN_DASH2: return k->ddash >= 2;
        case TN_SPACE2: return k->dspace >= 2;
        case TN_SEP2: return k->ddash + k->dspace >= 2;
        case TN_DOT3: return k->ddot >= 3;
        case TN_COORD: return k->ddot >= 2 && k->commas >= 1;
        case TN_SPACE1: return k->spaces >= 1;
        case TN_UAFTER: return k->uafter >= 1;
        case TN_UAFTER1: return k->uafter1 >= 1;
        case TN_NATL:
                return k->numbers >= 2 &&
                       ((k->groups & (GRP(2) | GRP(5) | GRP(6) | GRP(7) | GRP(8))) ||
                        k->dspace >= 2 || k->parens >= 2);
        case TN_LLDD: return has_shape(buf, s, e, "LLdd", true);
        case TN_LCC: return has_shape(buf, s, e, "lldd", true);
        case TN_LDL: return has_shape(buf, s, e, "LdL", false);
        case TN_UKPC: return has_shape(buf, s, e, " dLL", false);
        case TN_DMS: return k->ns >= 1 && has_degrees(buf, s, e);
        case TN_MACDOT: return has_shape(buf, s, e, "xxxx.xxxx.xxxx", false);
        case TN_CARDCTX: return true; /* tok_card_context() looks before the run */
        }
        return true; /* an unknown condition only costs time */
}

/* The digits a pattern can use: all, or those from its first lead digit on. */
static uint32_t usable_digits(const struct pii_tok *q, const struct run_counts *k)
{
        uint32_t best = 0;

        if (!q->lead)
                return k->digits;
        for (unsigned m = q->lead & k->lead; m; m &= m - 1) {
                unsigned d = (unsigned)__builtin_ctz(m);

                best = MAX(best, k->digits - k->at_lead[d]);
        }
        return best;
}

/* The verdict "no pattern of the class passes its counts" on run [s, e) is a function of the
 * bytes [s - 2, e + 2) alone (count_run() reads two bytes back, for a capital after "d " or
 * "d-", and two on, for "00" then 1-9; the shapes and words stay inside the run and its byte
 * before), of the class and of the tables, so it is remembered by those bytes: a log's or a
 * JSON file's dates, "2025-01-20" and "2025-01-20T16" on every line, are counted once. A
 * slot holds one key, matched in full; a collision only costs a count. */
static inline uint64_t load8(const char *p)
{
        uint64_t v;

        memcpy(&v, p, 8);
        return v;
}

/* The slot of run [s, e)'s key, or NULL when the key is not kept (under 8 or over
 * PII_TOK_MEMO_BYTES bytes, or cut by the buffer's ends). */
static struct pii_tok_memo *run_memo_slot(struct pii_redactor *r, unsigned c, const char *buf,
                                          size_t len, size_t s, size_t e)
{
        size_t n = e - s + 4;
        const char *k = buf + s - 2;
        uint64_t h;

        if (s < 2 || e + 2 > len || n < 8 || n > PII_TOK_MEMO_BYTES)
                return NULL;
        h = (load8(k) * 0x9e3779b97f4a7c15ull) ^ (load8(k + n - 8) * 0xc2b2ae3d27d4eb4full) ^
            (n << 8 | c);
        h *= 0x165667b19e3779f9ull;
        _Static_assert(PII_TOK_MEMO_SLOTS == 1 << 9, "the slot is the hash's top 9 bits");
        return &r->tok_memo[h >> (64 - 9)];
}

/* Whether slot m holds run [s, e)'s key: overlapping 8-byte compares cover its n bytes. */
static bool run_memo_has(const struct pii_tok_memo *m, unsigned c, const char *buf, size_t s,
                         size_t e)
{
        size_t n = e - s + 4;
        const char *k = buf + s - 2;

        if (m->n != n || m->cls != c || load8(m->b) != load8(k) ||
            load8(m->b + n - 8) != load8(k + n - 8))
                return false;
        return n <= 16 || (load8(m->b + 8) == load8(k + 8) &&
                           load8(m->b + n - 16) == load8(k + n - 16));
}

static int run_class(struct pii_redactor *r, unsigned c, const char *buf, size_t len,
                     size_t from, size_t s, size_t e)
{
        size_t n = e - s, start = MAX(s, from), sublen = e < len ? e + 1 : len;
        struct run_counts k;
        uint32_t maybe, lead;
        size_t lone = SIZE_MAX; /* lone_number(), once asked */
        struct pii_tok_memo *memo;
        bool passed = false; /* a pattern passed its counts */

        if (start >= e)
                return 0;
        /* the patterns the run's length, digits, capitals and lead digits allow (the tables
         * of pii_tok_init), then each one's other conditions, in the table's order */
        maybe = r->tok_by_len[c][MIN(n, 255)];
        if (!maybe)
                return 0;
        memo = run_memo_slot(r, c, buf, len, s, e);
        if (memo && run_memo_has(memo, c, buf, s, e))
                return 0;
        count_run(&k, buf, len, s, e);
        lead = r->tok_nolead[c];
        for (unsigned m = k.lead; m; m &= m - 1)
                lead |= r->tok_by_lead[c][__builtin_ctz(m)];
        maybe &= r->tok_by_digits[c][MIN(k.digits, 255)] & r->tok_by_upper[c][MIN(k.upper, 255)] &
                 lead;
        for (; maybe; maybe &= maybe - 1) {
                unsigned t = (unsigned)__builtin_ctz(maybe), pat = r->tok_pats[c][t];
                const struct pii_tok *q = &pii_patterns[pat].tok;
                int err;

                /* the counts first, the scans (shapes, words) last */
                if ((k.groups & q->groups) != q->groups ||
                    (q->lead && usable_digits(q, &k) < q->digits) ||
                    (pii_patterns[pat].tok_lead2 && !((k.lead2[0] & r->tok_lead2[c][t][0]) |
                                                      (k.lead2[1] & r->tok_lead2[c][t][1]))) ||
                    !need_met(q->need, &k, buf, s, e) ||
                    (q->wmin && !has_word(buf, s, e, q->wmin, q->wmax)))
                        continue;
                passed = true;
                if (r->tok_cardform[c][t] && start == s) {
                        if (lone == SIZE_MAX)
                                lone = lone_number(buf, s, e);
                        if (lone) {
                                err = tok_card_digits(r, pat,
                                                      &card_forms[r->tok_cardform[c][t] - 1],
                                                      buf, len, s, lone);
                                if (err < 0)
                                        return err;
                                continue;
                        }
                }
                err = pat == r->tok_ipv4    ? tok_ipv4(r, pat, buf, len, sublen, start) :
                      pat == r->tok_cardctx ? tok_card_context(r, pat, buf, len, from, s, e) :
                      pat == r->tok_nanp    ? tok_nanp(r, pat, buf, len, sublen, from, s, e) :
                      pat == r->intl_pat    ? pii_tok_intl(r, pat, buf, len, sublen, start) :
                                              pii_match_pattern(r, pat, buf, len, sublen, start,
                                                                SIZE_MAX);
                if (err < 0)
                        return err;
        }
        if (memo && !passed) {
                memo->n = (uint8_t)(e - s + 4);
                memo->cls = (uint8_t)c;
                memcpy(memo->b, buf + s - 2, e - s + 4);
        }
        return 0;
}

#define BIT(c) (1u << ((c) - 1))

/* Letters and digits from a on, up to 26. */
static size_t alnum_from(const char *buf, size_t len, size_t a)
{
        size_t j = a;

        while (j < len && j - a < 26 && is_alnum((unsigned char)buf[j]))
                j++;
        return j - a;
}

/* Four hex digits at i. */
static bool hex4(const char *buf, size_t len, size_t i)
{
        if (i + 4 > len)
                return false;
        for (size_t j = i; j < i + 4; j++)
                if (!is_hex((unsigned char)buf[j]))
                        return false;
        return true;
}

/* What marked() asks of the two bytes before a number (t2 t1) and of the two after it (u1
 * u2): the class bits BIT(TC_*) they mark outright, and the facts its other tests read. A byte
 * outside the buffer reads as NUL. */
enum {
        MK_PLUS = 1 << 4,   /* t1 '+': TC_PH unless the number starts with 0 */
        MK_LOLO = 1 << 5,   /* t1 and t2 small letters: TC_W at a word start */
        MK_NOWORD = 1 << 6, /* t1 not a word byte */
        MK_HEX = 1 << 7,    /* t1 (u1) a hex digit */
        MK_DOT = 1 << 8,    /* t1 (u1) '.' */
        MK_ALNUM = 1 << 9,  /* u1 a letter or digit */
        MK_INSIDE = 1 << 10, /* t1 a digit: the number starts at an anchor inside one */
        /* before_marks() only (read from t alone) */
        MK_UX = 1 << 11,  /* t1 a capital, t2 not one: TC_U at some lengths */
        MK_UW = 1 << 12,  /* t1 a capital, t2 no word byte: TC_U at 1 or 2 digits */
        MK_USP = 1 << 13, /* t1 ' ', t2 a capital: TC_U at 2 or 5 digits */
        /* after_marks() only (read from u alone) */
        MK_SEPD = 1 << 11, /* u1 ' ', '-' or '.', u2 a digit: TC_PH when the bytes on fit */
        MK_UA = 1 << 12,   /* u1 a capital: TC_U at 7 or 8 digits after no word byte */
        MK_UDA = 1 << 13,  /* u1 '-', u2 a capital: TC_U at 7 or 8 digits, likewise */
        MK_DEG = 1 << 14,  /* u1 'd' or a degree sign: TC_DMS at 1 or 2 digits, likewise */
        /* either: one of the bits below is set, so marked() has more to read than the
         * classes marked outright */
        MK_MORE = 1 << 15,
        MK_T_MORE = MK_PLUS | MK_LOLO | MK_HEX | MK_DOT | MK_UX | MK_UW | MK_USP,
        MK_U_MORE = MK_HEX | MK_DOT | MK_SEPD | MK_UA | MK_UDA | MK_DEG,
};

static unsigned before_marks(unsigned char t2, unsigned char t1)
{
        unsigned m = 0;

        if (is_digit(t1))
                return MK_INSIDE;
        /* TC_PH: a parenthesis, or '+' (before 1-9, the country codes: marked() looks) */
        m |= t1 == '(' ? BIT(TC_PH) : 0;
        m |= t1 == '+' ? MK_PLUS : 0;
        /* TC_U: two capitals; one, at the lengths marked() asks; a capital and one space */
        m |= is_upper(t1) && is_upper(t2) ? BIT(TC_U) : 0;
        m |= is_upper(t1) && !is_upper(t2) ? MK_UX : 0;
        m |= is_upper(t1) && !is_word(t2) ? MK_UW : 0;
        m |= t1 == ' ' && is_upper(t2) ? MK_USP : 0;
        m |= t1 >= 'a' && t1 <= 'z' && t2 >= 'a' && t2 <= 'z' ? MK_LOLO : 0;
        m |= is_word(t1) ? 0 : MK_NOWORD;
        m |= is_hex(t1) ? MK_HEX : 0;
        m |= t1 == '.' ? MK_DOT : 0;
        return m & MK_T_MORE ? m | MK_MORE : m;
}

static unsigned after_marks(unsigned char u1, unsigned char u2)
{
        unsigned m = 0;

        /* TC_PH: an A or B; a separator then a digit, when marked() finds more */
        m |= u1 == 'A' || u1 == 'B' ? BIT(TC_PH) : 0;
        m |= (u1 == ' ' || u1 == '-' || u1 == '.') && is_digit(u2) ? MK_SEPD : 0;
        /* TC_U: a capital, or a dash and a capital; TC_DMS: a degree sign, or d (marked()
         * asks the lengths) */
        m |= is_upper(u1) ? MK_UA : 0;
        m |= u1 == '-' && is_upper(u2) ? MK_UDA : 0;
        m |= u1 == 'd' || (u1 == 0xC2 && u2 == 0xB0) ? MK_DEG : 0;
        m |= is_hex(u1) ? MK_HEX : 0;
        m |= u1 == '.' ? MK_DOT : 0;
        m |= is_alnum(u1) ? MK_ALNUM : 0;
        return m & MK_U_MORE ? m | MK_MORE : m;
}

/* The bytes before_marks() and after_marks() tell apart, as codes: t1 (T1_N kinds), t2 (T2_N),
 * u1 (U1_N), u2 (U2_N). pii_tok_check_marks() tries every pair of bytes against them. */
enum { T1_N = 11, T2_N = 4, U1_N = 13, U2_N = 4 };
_Static_assert(sizeof(((struct pii_redactor *)0)->tok_before) == T1_N * T2_N * sizeof(uint16_t) &&
                       sizeof(((struct pii_redactor *)0)->tok_after) ==
                               U1_N * U2_N * sizeof(uint16_t),
               "internal.h sizes marked()'s tables by these counts");

static unsigned code_t1(unsigned char c)
{
        switch (c) {
        case '(': return 2;
        case '+': return 3;
        case ' ': return 6;
        case '_': return 9;
        case '.': return 10;
        }
        if (c >= 'A' && c <= 'Z')
                return c <= 'F' ? 4 : 5;
        if (c >= 'a' && c <= 'z')
                return c <= 'f' ? 7 : 8;
        return is_digit(c) ? 1 : 0;
}

static unsigned code_t2(unsigned char c)
{
        return is_upper(c) ? 1 : c >= 'a' && c <= 'z' ? 2 : is_word(c) ? 3 : 0;
}

static unsigned code_u1(unsigned char c)
{
        switch (c) {
        case ' ': return 1;
        case '-': return 2;
        case '.': return 3;
        case ')': return 4;
        case 'A': case 'B': return 5;
        case 'd': return 8;
        case 0xC2: return 11;
        }
        if (c >= 'C' && c <= 'Z')
                return c <= 'F' ? 6 : 7;
        if (c >= 'a' && c <= 'z')
                return c <= 'f' ? 9 : 10;
        return is_digit(c) ? 12 : 0;
}

static unsigned code_u2(unsigned char c)
{
        return is_digit(c) ? 1 : is_upper(c) ? 2 : c == 0xB0 ? 3 : 0;
}

/* marked()'s tables: the codes of each byte, premultiplied for t1 and u1, and the marks of
 * each pair of codes, from the first byte of each code. */
static void marks_init(struct pii_redactor *r)
{
        unsigned char r1[T1_N], r2[T2_N], q1[U1_N], q2[U2_N];
        bool s1[T1_N] = { false }, s2[T2_N] = { false }, p1[U1_N] = { false },
             p2[U2_N] = { false };

        for (unsigned b = 0; b < 256; b++) {
                unsigned char x = (unsigned char)b;
                unsigned c1 = code_t1(x), c2 = code_t2(x), d1 = code_u1(x), d2 = code_u2(x);

                r->tok_t1[b] = (uint8_t)(c1 * T2_N);
                r->tok_t2[b] = (uint8_t)c2;
                r->tok_u1[b] = (uint8_t)(d1 * U2_N);
                r->tok_u2[b] = (uint8_t)d2;
                if (!s1[c1])
                        s1[c1] = true, r1[c1] = x;
                if (!s2[c2])
                        s2[c2] = true, r2[c2] = x;
                if (!p1[d1])
                        p1[d1] = true, q1[d1] = x;
                if (!p2[d2])
                        p2[d2] = true, q2[d2] = x;
        }
        for (unsigned i = 0; i < T1_N; i++)
                for (unsigned j = 0; j < T2_N; j++)
                        r->tok_before[i * T2_N + j] = (uint16_t)before_marks(r2[j], r1[i]);
        for (unsigned i = 0; i < U1_N; i++)
                for (unsigned j = 0; j < U2_N; j++)
                        r->tok_after[i * U2_N + j] = (uint16_t)after_marks(q1[i], q2[j]);
}

int pii_tok_check_marks(const struct pii_redactor *r)
{
        for (unsigned x = 0; x < 256; x++)
                for (unsigned y = 0; y < 256; y++)
                        if (r->tok_before[r->tok_t1[y] + r->tok_t2[x]] !=
                                    before_marks((unsigned char)x, (unsigned char)y) ||
                            r->tok_after[r->tok_u1[x] + r->tok_u2[y]] !=
                                    after_marks((unsigned char)x, (unsigned char)y))
                                return -EINVAL;
        return 0;
}

/* The bytes of p[0, 16) that may be a number's or its separators' ([0-9 ./-], bit k: p[k])
 * and those that may be a dotted number's ([0-9.]), for marked_by_length(). */
struct seps16 {
        uint32_t phsep, dotted;
};

static inline struct seps16 seps16(const struct pii_redactor *r, const char *p)
{
        struct seps16 v;
#ifdef __SSE2__
        /* '-' to '9' are one range, 0x2D to 0x39: moved to the bottom of the signed bytes,
         * one compare finds it, and one more the digits in it */
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i y = _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 0x2D)));
        __m128i in = _mm_cmplt_epi8(y, _mm_set1_epi8((char)(0x80 + 13)));
        __m128i dig = _mm_and_si128(in, _mm_cmpgt_epi8(y, _mm_set1_epi8((char)(0x80 + 2))));

        v.phsep = (uint32_t)_mm_movemask_epi8(_mm_or_si128(in, _mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
        v.dotted = (uint32_t)_mm_movemask_epi8(_mm_or_si128(dig, _mm_cmpeq_epi8(x, _mm_set1_epi8('.'))));
#else
        v.phsep = v.dotted = 0;
        for (unsigned k = 0; k < 16; k++) {
                v.phsep |= (uint32_t)!!(r->tok_class[(unsigned char)p[k]] & TK_PHSEP) << k;
                v.dotted |= (uint32_t)!!(r->tok_class[(unsigned char)p[k]] & TK_DOTTED) << k;
        }
#endif
        (void)r;
        return v;
}

/* seps16() of buf[a, a + 16), the bytes past len read as in neither set. */
static struct seps16 seps_at(const struct pii_redactor *r, const char *buf, size_t len, size_t a)
{
        char tail[16];

        if (len - a >= 16)
                return seps16(r, buf + a);
        memset(tail, 0, sizeof tail);
        memcpy(tail, buf + a, len - a);
        return seps16(r, tail);
}

/* The marks of number [a, g) that hang on its length or on the bytes past its neighbours:
 * marked()'s TC_PH separators and leading 0, TC_U's single capitals and TC_DMS, whose
 * neighbours t and u (marked()'s table look-ups) say they may hold. Each is what the
 * patterns' regexes put there, read off them below; marked() says why one such number is in
 * every match. */
static unsigned marked_by_length(const struct pii_redactor *r, const char *buf, size_t len,
                                 size_t a, size_t g, unsigned t, unsigned u)
{
        size_t n = g - a;
        unsigned m = 0;
        bool nw = t & MK_NOWORD; /* \b before the number */
        struct seps16 v = seps_at(r, buf, len, a);

        /* TC_PH, a separator then a digit: SSN, ITIN, phone_nanp's "ddd-" and "1-", a NIR's
         * or a card's first group, each at least 11 bytes of digits and separators from the
         * number on (ssn_spaced's "ddd dd dddd" the shortest; a NIR's 2A or 2B is marked by
         * its A or B); ipv4's first octet (1 to 3 digits after \b, 7 bytes of digits and
         * dots) and coordinates_decimal's first number (1 or 2 digits after \b, a dot, 4
         * digits). A log's dates, "2025-01-20T", times, "23.963Z", sizes, " 200 51333 \"",
         * and versions, "HTTP/1.1\"", fit none. */
        if ((u & MK_SEPD) &&
            ((v.phsep & 0x7ff) == 0x7ff ||
             ((u & MK_DOT) && nw && n <= 3 &&
              ((v.dotted & 0x7f) == 0x7f ||
               (n <= 2 && g + 5 <= len && is_digit((unsigned char)buf[g + 2]) &&
                is_digit((unsigned char)buf[g + 3]) && is_digit((unsigned char)buf[g + 4]))))))
                m |= BIT(TC_PH);
        /* TC_PH, a leading 0 after \b: phone_national's 0[1-9] (8 bytes of digits and
         * separators at least, "01-12345"; its "(0" is marked by the parenthesis), Maestro's
         * 0604 (12 or more), phone_intl's and phone_nanp's 00[1-9] */
        if (buf[a] == '0' && n >= 2 && nw &&
            ((buf[a + 1] != '0' && (v.phsep & 0xff) == 0xff) ||
             (buf[a + 1] == '0' && n >= 3 && buf[a + 2] != '0')))
                m |= BIT(TC_PH);
        /* TC_U, a capital before: uk_postcode's A9 and A99 and ca_postal_code's A9 after \b
         * (two capitals before are marked outright: the NI number, PAN, IBAN, the other
         * postcodes, us_mbi's last two digits); sg_nric's and es_nie's 7 digits; a VIN's last
         * number, 4 digits or more that end the VIN, after a capital (V_VIN takes two letters
         * and the last four digits). A capital and a space before: uk_nino's first 2 digits
         * (V_NINO takes no space or four; with none, two capitals before), us_zip_state's 5. */
        if (((t & MK_UW) && n <= 2) ||
            ((t & MK_UX) && (n == 7 || (n >= 4 && !(u & MK_ALNUM) && (g == len || buf[g] != '_')))) ||
            ((t & MK_USP) && (n == 2 || n == 5)))
                m |= BIT(TC_U);
        /* TC_U, a capital or a dash and a capital after, at \b: es_nif's 8 digits, es_nie's 7
         * after its "X-" (every other number of these patterns has a capital before it) */
        if (nw && (u & (MK_UA | MK_UDA)) && (n == 7 || n == 8))
                m |= BIT(TC_U);
        /* TC_DMS: coordinates_dms's first number, 1 or 2 digits after \b (a log's hex ids,
         * "785da35b", hold none) */
        if ((u & MK_DEG) && nw && n <= 2)
                m |= BIT(TC_DMS);
        return m;
}

/* Whether a '.' lies in buf[a - 4, a + 4], for marked()'s MAC mark: the 4-hex-digit word
 * [hl, hr) that holds the number [a, g) has hl >= g - 4 > a - 4 and hr <= a + 4, and the
 * dot it needs is buf[hl - 1] or buf[hr] (a log's hex ids, "785da35b6b0bc842", have none). */
static bool dot_near(const char *buf, size_t len, size_t a)
{
        const uint64_t ones = 0x0101010101010101ull;
        size_t lo = a >= 4 ? a - 4 : 0, hi = MIN(a + 5, len);

        if (a >= 4 && a + 5 <= len) {
                /* (v - 1) & ~v sets the top bit of some byte when v has a zero byte */
                uint64_t x = load8(buf + a - 4) ^ (ones * '.');

                return ((x - ones) & ~x & (ones * 0x80)) || buf[a + 4] == '.';
        }
        return memchr(buf + lo, '.', hi - lo) != NULL;
}

/* The classes worth a walk around the number [a, g): every match of a class's patterns holds
 * a number with the class's mark, so a run none of whose numbers has it holds no match (its
 * other numbers, if marked, open it). An anchor inside a number (the window's `from`) opens
 * all. The neighbours' marks are two table look-ups (the tests one by one were a tenth of a
 * log's scan, at every number).
 *
 * TC_PH: 12 digits in a row (a card or NIR without separators), a separator then a digit
 * (phones, SSN, IPv4, coordinates, a card's or NIR's groups), an A or B (a Corsican NIR's
 * department, 2A or 2B, before a digit or a space), a parenthesis, '+' before 1-9 (the
 * country codes), or a number that starts 0[1-9] or 00[1-9] (trunk and international
 * prefixes, Maestro's 06). Every other match holds more than one number, and its first is
 * one of these; the patterns' shortest one-number match is a card's 12 digits
 * (tests/pii/tokens-attack.t tries each). A change of patterns.c's TC_PH patterns must keep
 * this true. (4 digits in a row, '+' before any digit and 0 before any opened a log's every
 * year, size, latency and "+0000".)
 *
 * TC_U: a capital beside the number, one space before it, or one space or dash after it.
 * Every match of a TC_U pattern has a number so marked: the dash before a number that its
 * patterns allow is NIE's "X-1234567-L", whose number has a capital after it too, dash or
 * none (an order number's "ORD-53862255" was a run for nothing on each JSON record). A
 * change of patterns.c's TC_U patterns must keep this true.
 *
 * TC_W: two lower-case letters before, at a word start (IBAN: \b then the country; in a log's
 * hex ids "5da35b" the letters follow a digit), a 1 or 3 at a word start with 26 letters and
 * digits from it (Bitcoin; a number shorter than that needs a letter or digit after it, which
 * most timestamps and IPs lack), or a word of 4 hex digits beside a dot (MAC).
 *
 * TC_DMS: a degree sign (or d) after the number. */
static unsigned marked(const struct pii_redactor *r, const char *buf, size_t len, size_t a,
                       size_t g)
{
        unsigned t, u, m;
        size_t hl = a, hr = g;

        if (a >= 2 && g + 1 < len) { /* the four bytes inside the buffer: no bound tests */
                t = r->tok_before[r->tok_t1[(unsigned char)buf[a - 1]] +
                                  r->tok_t2[(unsigned char)buf[a - 2]]];
                u = r->tok_after[r->tok_u1[(unsigned char)buf[g]] +
                                 r->tok_u2[(unsigned char)buf[g + 1]]];
        } else {
                t = r->tok_before[r->tok_t1[a > 0 ? (unsigned char)buf[a - 1] : 0] +
                                  r->tok_t2[a > 1 ? (unsigned char)buf[a - 2] : 0]];
                u = r->tok_after[r->tok_u1[g < len ? (unsigned char)buf[g] : 0] +
                                 r->tok_u2[g + 1 < len ? (unsigned char)buf[g + 1] : 0]];
        }
        m = (t | u) & (BIT(TC_PH) | BIT(TC_U));

        if (t & MK_INSIDE)
                return ~0u;
        /* most of a log's numbers: no neighbour that any test below reads, under 12 digits,
         * and no 0, 1 or 3 at a word start (the leading-0 and Bitcoin marks) */
        if (!((t | u) & MK_MORE) && g - a < 12 &&
            (!(t & MK_NOWORD) || !((0xbu >> (buf[a] - '0')) & 1)))
                return m;
        if (g - a >= 12 || ((t & MK_PLUS) && buf[a] != '0'))
                m |= BIT(TC_PH);
        if (((t & (MK_UX | MK_UW | MK_USP)) | (u & (MK_SEPD | MK_UA | MK_UDA | MK_DEG))) ||
            buf[a] == '0')
                m |= marked_by_length(r, buf, len, a, g, t, u);
        if (((t & MK_LOLO) && (a < 3 || !is_word((unsigned char)buf[a - 3]))) ||
            ((t & MK_NOWORD) && (buf[a] == '1' || buf[a] == '3') &&
             (g - a >= 26 || (u & MK_ALNUM)) && alnum_from(buf, len, a) >= 26))
                m |= BIT(TC_W);
        else if (g - a <= 4 && (((t | u) & MK_HEX) || (g - a == 4 && ((t | u) & MK_DOT))) &&
                 (((t | u) & MK_DOT) || dot_near(buf, len, a))) {
                /* with no hex digit beside it, the number is the word: 4 digits (the dots
                 * of an IPv4 address do not start a walk) */
                while (hl > 0 && a - hl < 4 && is_hex((unsigned char)buf[hl - 1]))
                        hl--;
                while (hr < len && hr - g < 4 && is_hex((unsigned char)buf[hr]))
                        hr++;
                /* the word and the one across the dot: 4 hex digits each */
                if (hr - hl == 4 && (hl == 0 || !is_hex((unsigned char)buf[hl - 1])) &&
                    (hr == len || !is_hex((unsigned char)buf[hr])) &&
                    ((hl >= 5 && buf[hl - 1] == '.' && hex4(buf, len, hl - 5)) ||
                     (hr < len && buf[hr] == '.' && hex4(buf, len, hr + 1))))
                        m |= BIT(TC_W);
        }
        return m;
}

/* The digits of p[0, 64), one bit each (bit i: byte i). With SSE2, 16 bytes a compare. */
static inline uint64_t digits64(const char *p)
{
#ifdef __SSE2__
        /* signed compares: a byte >= 0x80 is below '0' */
        const __m128i lo = _mm_set1_epi8('0' - 1), hi = _mm_set1_epi8('9' + 1);
        __m128i x0 = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i x1 = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
        __m128i x2 = _mm_loadu_si128((const __m128i *)(const void *)(p + 32));
        __m128i x3 = _mm_loadu_si128((const __m128i *)(const void *)(p + 48));

#define DIG(x) (uint64_t)(unsigned)_mm_movemask_epi8( \
                _mm_and_si128(_mm_cmpgt_epi8(x, lo), _mm_cmplt_epi8(x, hi)))
        return DIG(x0) | DIG(x1) << 16 | DIG(x2) << 32 | DIG(x3) << 48;
#undef DIG
#else
        uint64_t d = 0;

        for (unsigned i = 0; i < 64; i++)
                d |= (uint64_t)is_digit((unsigned char)p[i]) << i;
        return d;
#endif
}

/* The digits of buf[base, len) when that is under 64 bytes; the bytes past len read as NUL. */
static __attribute__((noinline)) uint64_t digits_tail(const char *buf, size_t len, size_t base)
{
        char tail[64];

        memset(tail, 0, sizeof tail);
        memcpy(tail, buf + base, len - base);
        return digits64(tail);
}

static inline uint64_t digit_mask(const char *buf, size_t len, size_t base)
{
        return len - base >= 64 ? digits64(buf + base) : digits_tail(buf, len, base);
}

/* The numbers of a scan, a 64-byte block's digit mask at a time: in a log a number every 7
 * bytes, whose finding byte by byte (the next digit, then the first byte after) was 50
 * instructions; prose skips its blocks without digits 64 bytes a step. */
struct numbers {
        size_t base; /* of the block in d; SIZE_MAX: none yet */
        uint64_t d;
};

/* The first number [a, g) with a >= pos, cut at pos when pos is inside one: true and *ret_a,
 * *ret_g, or false when there is none. pos does not go back from call to call. */
static bool next_number(struct numbers *t, const char *buf, size_t len, size_t pos,
                        size_t *ret_a, size_t *ret_g)
{
        size_t base = pos & ~(size_t)63, a, g;
        uint64_t m, nd;

        if (pos >= len)
                return false;
        if (base != t->base) {
                t->base = base;
                t->d = digit_mask(buf, len, base);
        }
        m = t->d & (~0ull << (pos & 63));
        while (!m) {
                if (t->base + 64 >= len)
                        return false;
                t->base += 64;
                t->d = digit_mask(buf, len, t->base);
                m = t->d;
        }
        a = t->base + (size_t)__builtin_ctzll(m);
        nd = ~t->d & (~0ull << (a & 63));
        if (nd) {
                g = t->base + (size_t)__builtin_ctzll(nd);
        } else { /* on into the next block */
                g = t->base + 64;
                while (g < len && is_digit((unsigned char)buf[g]))
                        g++;
        }
        *ret_a = a;
        *ret_g = g;
        return true;
}

/* The next byte a or b at or after i (len when none): 32 bytes at a time with SSE2 (every
 * x86-64 has it), eight elsewhere. Prose has few ':' and '-', so this loop is most of
 * anchor_scan(). */
#ifdef __SSE2__
/* Bit k: byte p[k] of p[0, 32) is the byte of va or of vb. */
static inline uint32_t mask32_of2(const char *p, __m128i va, __m128i vb)
{
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));

        return (uint32_t)_mm_movemask_epi8(
                       _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb))) |
               (uint32_t)_mm_movemask_epi8(
                       _mm_or_si128(_mm_cmpeq_epi8(y, va), _mm_cmpeq_epi8(y, vb)))
                       << 16;
}
#endif

static size_t next_of2(const char *buf, size_t i, size_t len, char a, char b)
{
#ifdef __SSE2__
        const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);

        while (i + 32 <= len) {
                uint32_t m = mask32_of2(buf + i, va, vb);

                if (m)
                        return i + (size_t)__builtin_ctz(m);
                i += 32;
        }
#else
        const uint64_t ones = 0x0101010101010101ull;

        while (i + 8 <= len) {
                uint64_t w, x, y, m;

                memcpy(&w, buf + i, 8);
                /* (v - 1) & ~v sets the top bit of v's first zero byte, and of no byte before
                 * it: the first a of x = w ^ a, the first b of y */
                x = w ^ (ones * (unsigned char)a);
                y = w ^ (ones * (unsigned char)b);
                m = (((x - ones) & ~x) | ((y - ones) & ~y)) & (ones * 0x80);
                if (m)
                        return i + (size_t)(__builtin_ctzll(m) >> 3);
                i += 8;
        }
#endif
        while (i < len && buf[i] != a && buf[i] != b)
                i++;
        return i;
}

/* The next byte a or b at or after i that begins a chain of five, each of the next four
 * within 5 bytes of the one before (len when none): with SSE2, 64 bytes as a mask a step.
 * Every match of TC_HEXSEP's patterns holds such a chain from its first separator on (a
 * MAC's 5 separators are 3 bytes apart, a full IPv6 address's 7 colons 2 to 5), and a log's
 * times, "2025:16:13:21" (three colons), a JSON file's 3-3-4 SKUs and ISO dates, whose
 * separators come in pairs, do not. With `pairs`, also the first ':' of each "::":
 * compressed IPv6 may hold two separators only. A chain of five from a separator is its
 * next four separators with no gap over 5 bytes between them (no chain leaps a wider one),
 * which the byte loop walks. */
static size_t next_sep_pair(const char *buf, size_t i, size_t len, char a, char b, bool pairs)
{
#ifdef __SSE2__
        const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);

        while (i + 64 <= len) {
                uint64_t m = mask32_of2(buf + i, va, vb), p, q;

                m |= (uint64_t)mask32_of2(buf + i + 32, va, vb) << 32;
                if (!m) { /* prose: most often none */
                        i += 64;
                        continue;
                }
                /* bit k of p after round r: a chain of r + 2 from byte k; bits 0-43 see the
                 * 20 bytes a chain of five may span */
#define SEP_NEAR(x) ((x >> 1) | (x >> 2) | (x >> 3) | (x >> 4) | (x >> 5))
                p = m & SEP_NEAR(m);
                p = m & SEP_NEAR(p);
                p = m & SEP_NEAR(p);
                p = m & SEP_NEAR(p) & 0xfffffffffffull;
#undef SEP_NEAR
                /* with `pairs`, "::" too: among the adjacent separators, those both ':' */
                for (q = pairs ? m & (m >> 1) & 0xfffffffffffull : 0; q; q &= q - 1) {
                        unsigned k = (unsigned)__builtin_ctzll(q);

                        if (buf[i + k] == ':' && buf[i + k + 1] == ':') {
                                p |= 1ull << k;
                                break;
                        }
                }
                if (p)
                        return i + (size_t)__builtin_ctzll(p);
                i += 44;
        }
#endif
        for (; i < len; i++) {
                size_t j = i, n = 1;

                if (buf[i] != a && buf[i] != b)
                        continue;
                if (pairs && buf[i] == ':' && i + 1 < len && buf[i + 1] == ':')
                        return i;
                while (n < 5) { /* the next separator within 5 bytes of j */
                        size_t k = j + 1;

                        while (k < len && k <= j + 5 && buf[k] != a && buf[k] != b)
                                k++;
                        if (k >= len || k > j + 5)
                                break;
                        j = k;
                        n++;
                }
                if (n == 5)
                        return i;
        }
        return len;
}

/* The classes whose matches may hold no digit, found around two bytes each of their matches
 * holds instead: TC_HEXSEP (colon IPv6, MAC) around ':' and '-', TC_B58 (Litecoin) around its
 * first letter, L or M. The runs of the class are found around each such byte, and the two
 * bytes counted as they are walked (TN_COLON7: the first, TN_HEXSEP5: both). Each run is
 * walked once: the scan goes on at its end. These ran as Hyperscan automata over every byte:
 * the first two were 40 % of Hyperscan's time on JSON, the third a quarter of it on logs. */
static int anchor_scan(struct pii_redactor *r, unsigned c, char a1, char a2, const char *buf,
                       size_t len, size_t from)
{
        const uint8_t *cls = r->tok_class;
        size_t pos = from;
        /* compressed IPv6, by hand in the runs around its "::" (tokv6.c) */
        bool v6c = c == TC_HEXSEP && r->tok_ipv6c != ~0u;

        if (!(r->tok_classes & BIT(c)) && !v6c)
                return 0;
        while ((pos = c == TC_HEXSEP ? next_sep_pair(buf, pos, len, a1, a2, v6c) :
                                       next_of2(buf, pos, len, a1, a2)) < len) {
                size_t s = pos, e = pos + 1;
                unsigned n1 = buf[pos] == a1, n12 = 1;
                uint32_t maybe;

                /* the anchors that can begin a match, before any walk (on JSON, whose keys
                 * end in ':', the walks were a tenth of the scan): TC_HEXSEP's separators
                 * are 2 to 5 bytes apart, so the first of a match has the next four each
                 * within 5 bytes of the one before (next_sep_pair()); a Litecoin address
                 * begins at its L or M, after \b, with 26 base58 bytes. An anchor that fails is not the first of a match, and the scan goes
                 * on to the next: the first one of every match is met, or lies in a run
                 * already walked, which holds the whole match. */
                if (c == TC_B58) {
                        size_t j = pos + 1, stop = pos + 27;

                        if (stop > len || (pos > 0 && is_word((unsigned char)buf[pos - 1]))) {
                                pos++;
                                continue;
                        }
                        while (j < stop && (cls[(unsigned char)buf[j]] & BIT(c)))
                                j++;
                        if (j < stop) {
                                pos = j;
                                continue;
                        }
                }

                while (s > 0 && (cls[(unsigned char)buf[s - 1]] & BIT(c))) {
                        s--;
                        n1 += buf[s] == a1;
                        n12 += buf[s] == a1 || buf[s] == a2;
                }
                for (; e < len && (cls[(unsigned char)buf[e]] & BIT(c)); e++) {
                        n1 += buf[e] == a1;
                        n12 += buf[e] == a1 || buf[e] == a2;
                }
                pos = e;
                if (v6c && n1 >= 2 && e > from) {
                        int err = pii_tok_ipv6c(r, r->tok_ipv6c, buf, len, MAX(s, from), e);

                        if (err < 0)
                                return err;
                }
                for (maybe = r->tok_by_len[c][MIN(e - s, 255)]; maybe; maybe &= maybe - 1) {
                        unsigned t = (unsigned)__builtin_ctz(maybe), pat = r->tok_pats[c][t];
                        unsigned need = pii_patterns[pat].tok.need;
                        int err;

                        if ((need == TN_COLON7 && n1 < 7) || (need == TN_HEXSEP5 && n12 < 5))
                                continue;
                        err = pii_match_pattern(r, pat, buf, len, e < len ? e + 1 : len,
                                                MAX(s, from), SIZE_MAX);
                        if (err < 0)
                                return err;
                }
        }
        return 0;
}

int pii_tok_scan(struct pii_redactor *r, const char *buf, size_t len, size_t from)
{
        /* covered[c]: where class c's last run ended; a class with no patterns is covered
         * to the end, so that the least of them is where the next run may start */
        size_t covered[_TC_MAX], start[_TC_MAX], end[_TC_MAX];
        const uint8_t *cls = r->tok_class;
        /* bit c-1: class c has patterns; TC_HEXSEP's and TC_B58's runs are found by
         * anchor_scan() */
        unsigned all = r->tok_classes & ~(BIT(TC_HEXSEP) | BIT(TC_B58));
        size_t pos = from, a, g;
        struct numbers nums = { .base = SIZE_MAX };

        _Static_assert(TC_DMS == 4 && TC_HEXSEP == 5, "the digit classes are unrolled below");
        for (unsigned c = 1; c < _TC_MAX; c++)
                covered[c] = all & BIT(c) ? 0 : SIZE_MAX;
        while (next_number(&nums, buf, len, pos, &a, &g)) {
                size_t next;
                unsigned open, lo, ro, m;

                /* most numbers have no mark: the covered test only for those that do */
                open = marked(r, buf, len, a, g);
                if (!open) {
                        pos = g;
                        continue;
                }
                /* every class holds the digits: a class's run that holds digit a holds the
                 * number [a, g) */
                open &= (unsigned)(a >= covered[1]) | (unsigned)(a >= covered[2]) << 1 |
                        (unsigned)(a >= covered[3]) << 2 | (unsigned)(a >= covered[4]) << 3;
                if (!open) {
                        pos = g;
                        continue;
                }
                lo = a > 0 ? open & cls[(unsigned char)buf[a - 1]] : 0;
                ro = g < len ? open & cls[(unsigned char)buf[g]] : 0;
                for (m = open & ~lo; m; m &= m - 1)
                        start[__builtin_ctz(m) + 1] = a;
                for (m = open & ~ro; m; m &= m - 1)
                        end[__builtin_ctz(m) + 1] = g;
                /* left of the number: each class's run starts after its first byte outside;
                 * then right of it */
                for (size_t j = a - 1; lo; j--) {
                        unsigned x = j > 0 ? cls[(unsigned char)buf[j - 1]] : 0;

                        for (m = lo & ~x; m; m &= m - 1)
                                start[__builtin_ctz(m) + 1] = j;
                        lo &= x;
                }
                for (size_t j = g + 1; ro; j++) {
                        unsigned x = j < len ? cls[(unsigned char)buf[j]] : 0;

                        for (m = ro & ~x; m; m &= m - 1)
                                end[__builtin_ctz(m) + 1] = j;
                        ro &= x;
                }
                for (m = open; m; m &= m - 1) {
                        unsigned c = (unsigned)__builtin_ctz(m) + 1;

                        if (end[c] - start[c] >= r->tok_minlen[c]) {
                                int err = run_class(r, c, buf, len, from, start[c], end[c]);

                                if (err < 0)
                                        return err;
                        }
                        covered[c] = end[c];
                }
                next = MIN(MIN(covered[1], covered[2]), MIN(covered[3], covered[4]));
                pos = MAX(next, g);
        }
        {
                int err = anchor_scan(r, TC_HEXSEP, ':', '-', buf, len, from);

                return err < 0 ? err : anchor_scan(r, TC_B58, 'L', 'M', buf, len, from);
        }
}
