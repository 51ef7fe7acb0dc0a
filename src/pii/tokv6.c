/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Compressed IPv6 by hand (issue 11, item 4): the leftmost-first matches of ipv6_compressed's
 * regex (pii_ipv6c_regex), validated as PCRE2's would be, in the TC_HEXSEP runs that
 * anchor_scan() (tokens.c) walks around each "::": every match holds one and lies in such a
 * run. In Hyperscan, where it was, each address cost its automaton about 5 reports and PCRE2
 * a search over the 60 bytes before each: 9 % of a log's scan for the 7 % of its lines that
 * hold one.
 *
 * Why the hand match is the regex's, \b(?:H{1,4}:){1,6}:(?:H{1,4}(?::H{1,4}){0,5}\b)? with H
 * a hex digit: a group's H{1,4} can only be followed by ':' where the hex run ends, so the
 * groups from a start are its hex runs of 1 to 4 bytes, each with one ':' after it, and the
 * first "::" they reach ends them (a later one cannot be reached: the next group would begin
 * at ':'); no backtracking gives another split. After the "::", the optional part takes the
 * hex runs of 1 to 4 bytes joined by single ':' (at most 6), and \b must follow the last: a
 * run of more than 4 hex digits, or one followed by a letter past f or '_', fails \b at its
 * end and is given back, and the match ends before its ':' (where \b holds), or right after
 * the "::" when it is the first. tests/pii/tokens-attack.t compares it with PCRE2 alone.
 *
 * Design: docs/design/ARCHITECTURE.md, "PII engine". Nothing here allocates.
 */
#include "pii/internal.h"

const char pii_ipv6c_regex[] =
        "\\b(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5}\\b)?";

static bool is_hex(unsigned char c)
{
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

static bool is_word(unsigned char c)
{
        return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
}

/* Hex digits from i, counted up to 5 (5: more than a group holds). */
static size_t hex_run(const char *b, size_t len, size_t i)
{
        size_t n = 0;

        while (i + n < len && n < 5 && is_hex((unsigned char)b[i + n]))
                n++;
        return n;
}

/* A run of 1 to 4 hex digits at i that \b may end: the byte after it is no word byte. */
static size_t group_at(const char *b, size_t len, size_t i)
{
        size_t n = hex_run(b, len, i);

        return n >= 1 && n <= 4 && (i + n == len || !is_word((unsigned char)b[i + n])) ? n : 0;
}

/* The end of the regex's match that starts at p, or 0 when none does. */
static size_t match_at(const char *b, size_t len, size_t p)
{
        size_t j = p, e, n;

        if (!is_hex((unsigned char)b[p]) || (p > 0 && is_word((unsigned char)b[p - 1])))
                return 0;
        for (unsigned k = 1;; k++) { /* the groups and their ':' */
                n = hex_run(b, len, j);
                if (n == 0 || n > 4 || j + n >= len || b[j + n] != ':')
                        return 0;
                j += n + 1;
                if (j < len && b[j] == ':')
                        break; /* the "::" */
                if (k == 6)
                        return 0;
        }
        e = j + 1;
        if ((n = group_at(b, len, e)) == 0)
                return e;
        e += n;
        for (unsigned k = 0; k < 5 && e < len && b[e] == ':' && (n = group_at(b, len, e + 1));
             k++)
                e += 1 + n;
        return e;
}

/* The first "::" in b[i, end) (end when none): inside one run, which anchor_scan() found
 * around its "::" or its separators. */
static size_t next_pair(const char *b, size_t end, size_t i)
{
        for (; i + 1 < end; i++)
                if (b[i] == ':' && b[i + 1] == ':')
                        return i;
        return end;
}

int pii_tok_ipv6c(struct pii_redactor *r, unsigned pat, const char *buf, size_t len,
                  size_t from, size_t end)
{
        size_t lo = from; /* the next match starts at lo or after */

        for (;;) {
                /* a match's "::" begins 1 to 29 bytes after it starts (6 groups of 5 bytes) */
                size_t c = next_pair(buf, end, lo + 1), p, me = 0;
                int err;

                if (c >= end)
                        return 0;
                for (p = c > 29 && c - 29 > lo ? c - 29 : lo; p < c; p++)
                        if ((me = match_at(buf, len, p)))
                                break;
                if (!me) { /* no start before this pair reaches it, nor can pass it */
                        lo = c + 2;
                        continue;
                }
                err = pii_push_validated(r, pat, buf, len, p, me, &lo);
                if (err < 0)
                        return err;
        }
}
