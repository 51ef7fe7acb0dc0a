/* SPDX-License-Identifier: GPL-3.0-or-later */
/* phone_intl by hand (issue 11, item 4): the leftmost-first matches of its regex
 * (pii_intl_regex), validated as PCRE2's would be, for the token prefilter's TC_PH runs
 * (tokens.c) and for the PCRE2 engine's windows (scan.c).
 *
 * Why: the regex's 2 to 6 groups of 1 to 5 digits, each with an optional separator and
 * parentheses, split a long digit string in thousands of ways, and PCRE2 tries each before it
 * gives up. "+201911120943210600592d" (a Debian version) cost 520,000 cycles, and a file of
 * such numbers redacted at 130 KB/s: a document could stall the redaction layer for as long as
 * it liked. Here each state of the regex (a position and the groups matched so far) is tried
 * once per start and its outcome remembered, so a start costs at most a few thousand steps.
 *
 * Why the match is PCRE2's: the search below tries the regex's choices in PCRE2's order (at
 * each start, '+' or \b00, then the country code's 3, 2 or 1 digits; in each group the
 * separator and the parenthesis taken before left out, the longest digit run first, the
 * closing parenthesis taken first; another group before the end, while fewer than 6), and
 * returns the first end where \b holds with at least 2 groups. Whether a state (position,
 * groups) can reach such an end, and which end it reaches first, depends on that state alone,
 * not on the path to it, so remembering it changes no outcome: the result is the first
 * success of the full backtracking search. tests/unit/test-pii.c compares it with PCRE2 on
 * random and hostile numbers, tests/pii/tokens-attack.t the engines on whole files.
 *
 * Design: docs/design/ARCHITECTURE.md, "PII engine". Nothing here allocates.
 */
#include "pii/internal.h"

const char pii_intl_regex[] =
        "(?:\\+|\\b00)[1-9][0-9]{0,2}(?:[ .-]?\\(?[0-9]{1,5}\\)?){2,6}\\b";

enum {
        INTL_GROUPS = 6,
        /* the farthest a match reaches from its start: "00", 3 digits, and 6 groups of a
         * separator, '(', 5 digits and ')' */
        INTL_SPAN = 2 + 3 + INTL_GROUPS * 8,
};

static bool is_digit(unsigned char c)
{
        return c >= '0' && c <= '9';
}

static bool is_word(unsigned char c)
{
        return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
}

/* One start's search: the subject b[0, n) and what each state reached. */
struct intl {
        const char *b;
        size_t n, s;
        /* state (s + i, k): 0 not tried, 1 fails, else 2 + the end's offset from s */
        uint8_t memo[INTL_SPAN + 1][INTL_GROUPS + 1];
};

/* \b at q, as PCRE2 reads it: the byte before and the byte at q (none at the end) */
static bool boundary(const struct intl *x, size_t q)
{
        bool before = q > 0 && is_word((unsigned char)x->b[q - 1]);
        bool at = q < x->n && is_word((unsigned char)x->b[q]);

        return before != at;
}

static bool byte_is(const struct intl *x, size_t q, char c)
{
        return q < x->n && x->b[q] == c;
}

/* The end of the first match from state (q, k groups), or 0 when there is none. */
static size_t groups_from(struct intl *x, size_t q, unsigned k)
{
        uint8_t *m = &x->memo[q - x->s][k];
        size_t end = 0;

        if (*m)
                return *m == 1 ? 0 : x->s + (size_t)(*m - 2);
        if (k < INTL_GROUPS) {
                /* [ .-]? then \(? : each taken first when the byte is there */
                size_t sep[2], par[2];
                unsigned ns = 0, np;

                if (byte_is(x, q, ' ') || byte_is(x, q, '.') || byte_is(x, q, '-'))
                        sep[ns++] = q + 1;
                sep[ns++] = q;
                for (unsigned i = 0; i < ns && !end; i++) {
                        np = 0;
                        if (byte_is(x, sep[i], '('))
                                par[np++] = sep[i] + 1;
                        par[np++] = sep[i];
                        for (unsigned j = 0; j < np && !end; j++) {
                                size_t d = 0;

                                while (d < 5 && par[j] + d < x->n &&
                                       is_digit((unsigned char)x->b[par[j] + d]))
                                        d++;
                                /* [0-9]{1,5}, the longest first, then \)? */
                                for (; d > 0 && !end; d--) {
                                        size_t g = par[j] + d;

                                        if (byte_is(x, g, ')'))
                                                end = groups_from(x, g + 1, k + 1);
                                        if (!end)
                                                end = groups_from(x, g, k + 1);
                                }
                        }
                }
        }
        if (!end && k >= 2 && boundary(x, q))
                end = q;
        *m = end ? (uint8_t)(end - x->s + 2) : 1;
        return end;
}

/* The end of the match that starts at s, or 0. */
static size_t intl_at(struct intl *x, size_t s)
{
        size_t p, c;

        if (x->b[s] == '+')
                p = s + 1;
        else if (x->b[s] == '0' && byte_is(x, s + 1, '0') && boundary(x, s))
                p = s + 2;
        else
                return 0;
        if (!(p < x->n && x->b[p] >= '1' && x->b[p] <= '9'))
                return 0;
        /* every match ends after a digit or ')' where \b holds, within the bytes the regex
         * reads: with no such place, none (a version's "+201911120943210600592d") */
        {
                size_t q = p + 1;
                bool end = false;

                for (; q <= x->n && q - s <= INTL_SPAN && !end; q++) {
                        unsigned char d = (unsigned char)x->b[q - 1];

                        if (!(is_digit(d) || d == ' ' || d == '.' || d == '-' || d == '(' ||
                              d == ')'))
                                break;
                        end = (is_digit(d) || d == ')') && boundary(x, q);
                }
                if (!end)
                        return 0;
        }
        x->s = s;
        memset(x->memo, 0, sizeof(x->memo));
        /* [1-9][0-9]{0,2}: the longest first */
        for (c = 0; c < 2 && p + 1 + c < x->n && is_digit((unsigned char)x->b[p + 1 + c]); c++)
                ;
        for (;; c--) {
                size_t end = groups_from(x, p + 1 + c, 0);

                if (end)
                        return end;
                if (c == 0)
                        return 0;
        }
}

bool pii_tok_intl_next(const char *buf, size_t sublen, size_t from, size_t *ret_ms,
                       size_t *ret_me)
{
        struct intl x; /* intl_at() clears the memo of each start it searches */

        x.b = buf;
        x.n = sublen;
        for (size_t ms = from; ms < sublen; ms++) {
                size_t me;

                if ((buf[ms] == '+' || buf[ms] == '0') && (me = intl_at(&x, ms))) {
                        *ret_ms = ms;
                        *ret_me = me;
                        return true;
                }
        }
        return false;
}

int pii_tok_intl(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                 size_t sublen, size_t from)
{
        size_t pos = from, ms, me;

        while (pos < sublen && pii_tok_intl_next(buf, sublen, pos, &ms, &me)) {
                int err = pii_push_validated(r, pat, buf, len, ms, me, &pos);

                if (err < 0)
                        return err;
        }
        return 0;
}
