/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validators for the detector table: checksums (Luhn, ISO 13616 mod-97, Base58Check, bech32,
 * Verhoeff, NHS mod-11, ABA 3-7-1, VIN, FR NIR, ES NIF/NIE, PESEL, SG NRIC, DEA) and the
 * structural checks that keep well-known false positives out (SSN area rules, version strings
 * that look like IPv4, file names that look like e-mails, placeholders that look like
 * passwords). Each takes the whole buffer and the candidate span; it accepts, rejects, or
 * shrinks the end (a card number followed by more digit groups, an IBAN followed by text).
 * No allocation, no I/O.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "pii/patterns.h"
#include "util/util.h"

typedef int (*validator_fn)(const char *b, size_t len, size_t s, size_t *e);

/* Up to `max` digits of [s, e), in order; returns their count (max+1 when there are more). */
static size_t digits_of(const char *b, size_t s, size_t e, uint8_t *d, size_t max)
{
        size_t n = 0;

        for (size_t i = s; i < e; i++) {
                if (b[i] < '0' || b[i] > '9')
                        continue;
                if (n == max)
                        return max + 1;
                d[n++] = (uint8_t)(b[i] - '0');
        }
        return n;
}

static bool luhn_ok(const uint8_t *d, size_t n)
{
        unsigned sum = 0;

        for (size_t i = 0; i < n; i++) {
                unsigned v = d[n - 1 - i];

                if (i & 1) {
                        v *= 2;
                        if (v > 9)
                                v -= 9;
                }
                sum += v;
        }
        return n > 0 && sum % 10 == 0;
}

/* All separators (non-digits) in [s, e) are the same character. */
static bool seps_same(const char *b, size_t s, size_t e)
{
        char sep = 0;

        for (size_t i = s; i < e; i++) {
                if (isalnum((unsigned char)b[i]))
                        continue;
                if (sep && b[i] != sep)
                        return false;
                sep = b[i];
        }
        return true;
}

static bool all_same_digit(const uint8_t *d, size_t n)
{
        for (size_t i = 1; i < n; i++)
                if (d[i] != d[0])
                        return false;
        return true;
}

static bool card_ok(const char *b, size_t s, size_t e)
{
        uint8_t d[20];
        size_t n = digits_of(b, s, e, d, 19);

        return n >= 12 && n <= 19 && seps_same(b, s, e) && !all_same_digit(d, n) && luhn_ok(d, n);
}

/* What key_before() reads of a byte, one look-up each (it runs for every phone-shaped number
 * and long number of a JSON file): KB_GAP, the bytes it steps over (what strchr(" \t\"':=#.(",
 * c) finds, its NUL too); KB_KEY, a byte of a key (an ASCII letter or digit, '_' or '-'; no
 * byte >= 0x80 is alphanumeric in the C.UTF-8 locale main() sets). */
enum { KB_GAP = 1, KB_KEY = 2 };
static const uint8_t key_bytes[256] = {
        [0] = KB_GAP, [' '] = KB_GAP, ['\t'] = KB_GAP, ['"'] = KB_GAP, ['\''] = KB_GAP,
        [':'] = KB_GAP, ['='] = KB_GAP, ['#'] = KB_GAP, ['.'] = KB_GAP, ['('] = KB_GAP,
        ['0' ... '9'] = KB_KEY, ['A' ... 'Z'] = KB_KEY, ['a' ... 'z'] = KB_KEY,
        ['_'] = KB_KEY, ['-'] = KB_KEY,
};

static bool before_key_gap(char c)
{
        return key_bytes[(unsigned char)c] & KB_GAP;
}

static bool key_byte(char c)
{
        return key_bytes[(unsigned char)c] & KB_KEY;
}

/* The key or word a value is written after, lower-cased into w: `"order_id": 4111...`,
 * `sku=212-555-0147`, `part no. 312-...` (with `skip_numword`, a following "no"/"number"/"#"
 * word is stepped over to the word before it). Returns its length; 0 when there is none. */
static size_t key_before(const char *b, size_t s, char *w, size_t wmax, bool skip_numword)
{
        size_t i = s, n = 0;

        for (int round = 0; round < 2; round++) {
                size_t end;

                n = 0;

                while (i > 0 && s - i < 12 && before_key_gap(b[i - 1]))
                        i--;
                end = i;
                /* ASCII tests, not isalnum()/tolower(): calls per byte, on every phone-shaped
                 * number of a JSON file, and the same answers in the C.UTF-8 locale main()
                 * sets (no byte >= 0x80 is alphanumeric there) */
                while (i > 0 && end - i < wmax - 1 && key_byte(b[i - 1]))
                        i--;
                for (size_t k = i; k < end; k++)
                        w[n++] = (char)(b[k] >= 'A' && b[k] <= 'Z' ? b[k] | 0x20 : b[k]);
                w[n] = 0;
                /* "no", "nr", "num", "number": by length, not four strcmp() calls (a third
                 * of this function's time on a JSON file's SKUs) */
                if (!skip_numword || round ||
                    !((n == 2 && w[0] == 'n' && (w[1] == 'o' || w[1] == 'r')) ||
                      (n == 3 && !memcmp(w, "num", 3)) || (n == 6 && !memcmp(w, "number", 6))))
                        return n;
        }
        return n;
}

/* Whether w holds one of the words of list (lower case ASCII). A word whose first two bytes
 * are not both in w is not looked for: one strstr() call per word was most of v_phone's work
 * on a JSON file's SKUs. */
static bool word_has(const char *w, const char *const *list, size_t n)
{
        uint64_t in = 0; /* bit c & 63 of each byte c of w */

        for (const char *p = w; *p; p++)
                in |= 1ull << ((unsigned char)*p & 63);
        for (size_t i = 0; i < n; i++) {
                const char *x = list[i];

                if (!(in >> ((unsigned char)x[0] & 63) & 1) ||
                    (x[1] && !(in >> ((unsigned char)x[1] & 63) & 1)))
                        continue;
                /* by hand: the words and w are a few bytes, and strstr() was a fifth of
                 * this function's time */
                for (const char *q = w; *q; q++) {
                        size_t j = 0;

                        while (x[j] && q[j] == x[j])
                                j++;
                        if (!x[j])
                                return true;
                }
        }
        return false;
}

/* A long number written as the value of an id-like key (`"id": ...`, order numbers,
 * references, transactions) is an id, not a card, unless the key names a card. */
static bool id_not_card(const char *b, size_t s)
{
        static const char *const card[] = { "card", "cc", "pan", "credit", "debit", "visa",
                                            "amex", "master", "payment" };
        static const char *const id[] = { "id", "order", "invoice", "txn", "transaction",
                                          "tracking", "ref", "seq", "ticket", "request",
                                          "number", "no", "nr", "num", "account", "user",
                                          "customer", "event", "trace", "span", "msg" };
        char w[40];

        if (!key_before(b, s, w, sizeof(w), true))
                return false;
        return !word_has(w, card, ARRAY_SIZE(card)) && word_has(w, id, ARRAY_SIZE(id));
}

/* Cards: Luhn over 12-19 digits with one kind of separator. A greedy match that ran into a
 * following group (a date, a second number) is shrunk group by group. */
static int v_luhn_card(const char *b, size_t len, size_t s, size_t *e)
{
        size_t end = *e, k = s;

        /* the separator the number is written with, 0 when it has none */
        while (k < end && isdigit((unsigned char)b[k]))
                k++;
        char sep = k < end ? b[k] : 0;

        if (id_not_card(b, s))
                return 0;

        /* nor the tail of a longer run of groups (an IBAN with a bad check: "PL22 1090 ...") */
        if (sep && s >= 2 && b[s - 1] == sep) {
                size_t t = s - 1, digits_in = 0;

                while (t > 0 && s - t <= 5 && isalnum((unsigned char)b[t - 1]))
                        digits_in += isdigit((unsigned char)b[--t]) != 0;
                if (s - 1 - t <= 4 && digits_in)
                        return 0;
        }

        for (;;) {
                if (card_ok(b, s, end)) {
                        *e = end;
                        return 1;
                }
                /* back to the previous separator */
                while (end > s && isdigit((unsigned char)b[end - 1]))
                        end--;
                while (end > s && !isdigit((unsigned char)b[end - 1]))
                        end--;
                /* a group cut off with the number's own separator belongs to one longer
                 * number (1234-5678-...-123 with a bad check digit), not a card + extra */
                if (sep && end > s && b[end] == sep)
                        return 0;
                if (end <= s + 12)
                        return 0;
        }
}

static int v_luhn(const char *b, size_t len, size_t s, size_t *e)
{
        uint8_t d[20];
        size_t n = digits_of(b, s, *e, d, 19);

        return n <= 19 && seps_same(b, s, *e) && !all_same_digit(d, n) && luhn_ok(d, n);
}

static int v_npi(const char *b, size_t len, size_t s, size_t *e)
{
        uint8_t d[15] = { 8, 0, 8, 4, 0 };
        size_t n = digits_of(b, s, *e, d + 5, 10);

        return n == 10 && luhn_ok(d, 15);
}

/* ISO 13616: per-country length, then mod 97 of the rearranged number is 1. */
static const struct { char cc[3]; uint8_t len; } iban_len[] = {
        { "AD", 24 }, { "AE", 23 }, { "AL", 28 }, { "AT", 20 }, { "AZ", 28 }, { "BA", 20 },
        { "BE", 16 }, { "BG", 22 }, { "BH", 22 }, { "BI", 27 }, { "BR", 29 }, { "BY", 28 },
        { "CH", 21 }, { "CR", 22 }, { "CY", 28 }, { "CZ", 24 }, { "DE", 22 }, { "DJ", 27 },
        { "DK", 18 }, { "DO", 28 }, { "EE", 20 }, { "EG", 29 }, { "ES", 24 }, { "FI", 18 },
        { "FK", 18 }, { "FO", 18 }, { "FR", 27 }, { "GB", 22 }, { "GE", 22 }, { "GI", 23 },
        { "GL", 18 }, { "GR", 27 }, { "GT", 28 }, { "HR", 21 }, { "HU", 28 }, { "IE", 22 },
        { "IL", 23 }, { "IQ", 23 }, { "IS", 26 }, { "IT", 27 }, { "JO", 30 }, { "KW", 30 },
        { "KZ", 20 }, { "LB", 28 }, { "LC", 32 }, { "LI", 21 }, { "LT", 20 }, { "LU", 20 },
        { "LV", 21 }, { "LY", 25 }, { "MC", 27 }, { "MD", 24 }, { "ME", 22 }, { "MK", 19 },
        { "MN", 20 }, { "MR", 27 }, { "MT", 31 }, { "MU", 30 }, { "NI", 28 }, { "NL", 18 },
        { "NO", 15 }, { "OM", 23 }, { "PK", 24 }, { "PL", 28 }, { "PS", 29 }, { "PT", 25 },
        { "QA", 29 }, { "RO", 24 }, { "RS", 22 }, { "RU", 33 }, { "SA", 24 }, { "SC", 31 },
        { "SD", 18 }, { "SE", 24 }, { "SI", 19 }, { "SK", 24 }, { "SM", 27 }, { "SO", 23 },
        { "ST", 25 }, { "SV", 28 }, { "TL", 23 }, { "TN", 24 }, { "TR", 26 }, { "UA", 29 },
        { "VA", 22 }, { "VG", 24 }, { "XK", 20 },
};

static int v_iban(const char *b, size_t len, size_t s, size_t *e)
{
        char v[40];
        size_t n = 0, want = 0, i, end = s;
        unsigned rem = 0;

        for (i = 0; i < ARRAY_SIZE(iban_len); i++)
                if (toupper((unsigned char)b[s]) == iban_len[i].cc[0] &&
                    toupper((unsigned char)b[s + 1]) == iban_len[i].cc[1])
                        want = iban_len[i].len;
        if (!want)
                return 0;
        for (i = s; i < *e && n < want; i++) {
                if (b[i] == ' ')
                        continue;
                v[n++] = (char)toupper((unsigned char)b[i]); /* lower case: written by hand */
                end = i + 1;
        }
        if (n != want || (end < len && isalnum((unsigned char)b[end])))
                return 0;
        for (i = 0; i < n; i++) {
                char c = v[(i + 4) % n];

                if (isdigit((unsigned char)c))
                        rem = (rem * 10 + (unsigned)(c - '0')) % 97;
                else
                        rem = (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
        }
        if (rem != 1)
                return 0;
        *e = end;
        return 1;
}

static int v_ssn(const char *b, size_t len, size_t s, size_t *e)
{
        uint8_t d[10];
        unsigned area, group, serial;

        if (digits_of(b, s, *e, d, 9) != 9 || !seps_same(b, s, *e))
                return 0;
        area = d[0] * 100u + d[1] * 10u + d[2];
        group = d[3] * 10u + d[4];
        serial = d[5] * 1000u + d[6] * 100u + d[7] * 10u + d[8];
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
                return 0;
        if (all_same_digit(d, 9) || memcmp(d, (uint8_t[]){ 1, 2, 3, 4, 5, 6, 7, 8, 9 }, 9) == 0)
                return 0;
        return 1;
}

static int v_itin(const char *b, size_t len, size_t s, size_t *e)
{
        uint8_t d[10];

        return digits_of(b, s, *e, d, 9) == 9 && seps_same(b, s, *e);
}

static int v_aba(const char *b, size_t len, size_t s, size_t *e)
{
        uint8_t d[10];
        unsigned pre, sum;

        if (digits_of(b, s, *e, d, 9) != 9)
                return 0;
        pre = d[0] * 10u + d[1];
        if (!(pre <= 12 || (pre >= 21 && pre <= 32) || (pre >= 61 && pre <= 72) || pre == 80))
                return 0;
        sum = 3u * (d[0] + d[3] + d[6]) + 7u * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8]);
        return sum % 10 == 0 && !all_same_digit(d, 9);
}

static int v_nhs(const char *b, size_t len, size_t s, size_t *e)
{
        uint8_t d[11];
        unsigned sum = 0, chk;

        if (digits_of(b, s, *e, d, 10) != 10 || !seps_same(b, s, *e))
                return 0;
        for (unsigned i = 0; i < 9; i++)
                sum += d[i] * (10 - i);
        chk = 11 - sum % 11;
        if (chk == 11)
                chk = 0;
        return chk != 10 && chk == d[9];
}

static int v_nino(const char *b, size_t len, size_t s, size_t *e)
{
        static const char *const bad[] = { "BG", "GB", "KN", "NK", "NT", "TN", "ZZ" };
        unsigned spaces = 0;

        for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
                if (b[s] == bad[i][0] && b[s + 1] == bad[i][1])
                        return 0;
        for (size_t i = s; i < *e; i++)
                spaces += b[i] == ' ';
        return spaces == 0 || spaces == 4;
}

static int vin_value(char c)
{
        static const char map[] = "12345678" " 12345 7 9" "23456789";

        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'A' && c <= 'Z' && map[c - 'A'] != ' ')
                return map[c - 'A'] - '0';
        return -1;
}

static int v_vin(const char *b, size_t len, size_t s, size_t *e)
{
        static const uint8_t w[17] = { 8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2 };
        unsigned sum = 0, letters = 0, chk;

        if (*e - s != 17)
                return 0;
        for (unsigned i = 0; i < 17; i++) {
                int v = vin_value(b[s + i]);

                if (v < 0)
                        return 0;
                letters += isalpha((unsigned char)b[s + i]) != 0;
                sum += (unsigned)v * w[i];
        }
        /* serial: the last four are digits in every VIN */
        for (unsigned i = 13; i < 17; i++)
                if (!isdigit((unsigned char)b[s + i]))
                        return 0;
        chk = sum % 11;
        return letters >= 2 && b[s + 8] == (chk == 10 ? 'X' : (char)('0' + chk));
}

/* Base58Check: 25 bytes, the last 4 the first bytes of SHA-256(SHA-256(first 21)). */
static int v_base58check(const char *b, size_t len, size_t s, size_t *e)
{
        static const char alpha[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        uint8_t out[25] = { 0 }, h1[32], h2[32];
        size_t zeros = 0, i;

        for (i = s; i < *e && b[i] == '1'; i++)
                zeros++;
        for (i = s; i < *e; i++) {
                const char *p = memchr(alpha, b[i], 58);
                unsigned carry;

                if (!p)
                        return 0;
                carry = (unsigned)(p - alpha);
                for (int j = 24; j >= 0; j--) {
                        carry += 58u * out[j];
                        out[j] = (uint8_t)(carry & 0xff);
                        carry >>= 8;
                }
                if (carry)
                        return 0; /* longer than 25 bytes */
        }
        if (zeros > sizeof(out))
                return 0; /* more leading '1's than bytes: not 25 bytes */
        for (i = 0; i < zeros; i++)
                if (out[i])
                        return 0;
        if (zeros < 25 && zeros > 0 && out[zeros] == 0)
                return 0;
        if (zeros == 0 && out[0] == 0 && b[s] != '1')
                return 0;
        sha256(out, 21, h1);
        sha256(h1, 32, h2);
        return memcmp(h2, out + 21, 4) == 0;
}

static uint32_t bech32_polymod(const uint8_t *v, size_t n)
{
        static const uint32_t g[5] = { 0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3 };
        uint32_t chk = 1;

        for (size_t i = 0; i < n; i++) {
                uint32_t top = chk >> 25;

                chk = (chk & 0x1ffffff) << 5 ^ v[i];
                for (unsigned j = 0; j < 5; j++)
                        if ((top >> j) & 1)
                                chk ^= g[j];
        }
        return chk;
}

static int v_bech32(const char *b, size_t len, size_t s, size_t *e)
{
        static const char cs[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        uint8_t v[200];
        size_t n = 0, sep = 0, i;
        uint32_t pm;

        if (*e - s > 90)
                return 0;
        for (i = s; i < *e; i++)
                if (b[i] == '1')
                        sep = i;
        if (!sep || *e - sep < 7)
                return 0;
        for (i = s; i < sep; i++)
                v[n++] = (uint8_t)(b[i] >> 5);
        v[n++] = 0;
        for (i = s; i < sep; i++)
                v[n++] = (uint8_t)(b[i] & 31);
        for (i = sep + 1; i < *e; i++) {
                const char *p = memchr(cs, b[i], 32);

                if (!p)
                        return 0;
                v[n++] = (uint8_t)(p - cs);
        }
        pm = bech32_polymod(v, n);
        return pm == 1 || pm == 0x2bc830a3;
}

static int b64url_val(char c)
{
        if (c >= 'A' && c <= 'Z')
                return c - 'A';
        if (c >= 'a' && c <= 'z')
                return c - 'a' + 26;
        if (c >= '0' && c <= '9')
                return c - '0' + 52;
        if (c == '-' || c == '_')
                return c == '-' ? 62 : 63;
        return -1;
}

/* JWT: the header segment decodes to a JSON object naming "alg". */
static int v_jwt(const char *b, size_t len, size_t s, size_t *e)
{
        char hdr[800];
        size_t n = 0;
        unsigned acc = 0, bits = 0;

        for (size_t i = s; i < *e && b[i] != '.' && n < sizeof(hdr) - 1; i++) {
                int v = b64url_val(b[i]);

                if (v < 0)
                        return 0;
                acc = acc << 6 | (unsigned)v;
                bits += 6;
                if (bits >= 8) {
                        bits -= 8;
                        hdr[n++] = (char)((acc >> bits) & 0xff);
                }
        }
        hdr[n] = 0;
        return n > 2 && hdr[0] == '{' && strstr(hdr, "\"alg\"") != NULL;
}

/* The bytes word_before() steps over: what strchr(" \t:=#([", c) finds, its NUL too. */
static bool before_word_gap(char c)
{
        return c == ' ' || c == '\t' || c == ':' || c == '=' || c == '#' || c == '(' ||
               c == '[' || c == 0;
}

/* The word just before s, lower-cased into w; returns its length. */
static size_t word_before(const char *b, size_t s, char *w, size_t wmax)
{
        size_t i = s, end, n = 0;

        while (i > 0 && s - i < 8 && before_word_gap(b[i - 1]))
                i--;
        end = i;
        /* ASCII letters: isalpha() of the C.UTF-8 locale main() sets takes no byte over
         * 0x7f, and is a call per byte */
        while (i > 0 && end - i < wmax - 1 && (unsigned char)((b[i - 1] | 0x20) - 'a') < 26)
                i--;
        for (size_t k = i; k < end; k++)
                w[n++] = (char)(b[k] | 0x20);
        w[n] = 0;
        return n;
}

/* IPv4: not part of a longer dotted number (OIDs, 5-part versions), and not right after a
 * word that makes it a version. */
/* A dotted number written as a version: the value of a key or element named for one
 * ("version": "6.0.2.1", ProductVersion: 10.2.1.5, <Version>1.0.0.0</Version>,
 * AssemblyFileVersion("1.2.3.4")), or a changelog's heading: two '#' or more, the number,
 * then the line's end, "]", " (" or " - " ("## 2.14.0.3", "## [2.14.0.3] - 2024-05-02"; a
 * comment "# 10.0.0.1 is the gateway" stays an address). */
/* Whether the word that ends at `end` ends in "version", in any case: "version",
 * "ProductVersion", "app_version" ("versioned" does not). */
static bool version_before(const char *b, size_t end)
{
        static const char v[] = "version";

        if (end < 7 || (b[end - 1] | 0x20) != 'n')
                return false;
        for (size_t k = 0; k < 7; k++)
                if ((b[end - 7 + k] | 0x20) != v[k])
                        return false;
        return true;
}

static bool version_context(const char *b, size_t len, size_t s, size_t e)
{
        size_t i = s;

        /* a key: over the bytes key_before() steps over ("version": ", ProductVersion: ) */
        while (i > 0 && s - i < 12 && before_key_gap(b[i - 1]))
                i--;
        if (version_before(b, i))
                return true;
        i = s;
        if (s > 0 && b[s - 1] == '>' && version_before(b, s - 1)) { /* <Version> */
                size_t k = s - 1;

                while (k > 0 && s - k < 40 && b[k - 1] != '<' && b[k - 1] != '\n')
                        k--;
                if (k > 0 && b[k - 1] == '<')
                        return true;
        }
        if (!(e == len || b[e] == '\n' || b[e] == '\r' || b[e] == ']' ||
              (e + 1 < len && b[e] == ' ' && (b[e + 1] == '(' || b[e + 1] == '-'))))
                return false;
        /* the line so far: '#'s, then spaces, a '[' or a 'v' */
        while (i > 0 && (b[i - 1] == ' ' || b[i - 1] == '[' || b[i - 1] == 'v'))
                i--;
        if (i == s || i < 2 || b[i - 1] != '#' || b[i - 2] != '#')
                return false;
        while (i > 0 && b[i - 1] == '#')
                i--;
        return i == 0 || b[i - 1] == '\n';
}

static int v_ipv4(const char *b, size_t len, size_t s, size_t *e)
{
        /* by length, each word followed by a space: most IPs in logs have a word before them
         * ("client"), and this runs for each, so only the words of its length are compared */
        static const char *const version_words[] = {
                [1] = "v ",
                [2] = "nt os go ",
                [3] = "ver rev sdk api app oid ios gcc php tag pkg ",
                [4] = "step rule item node java edge libc perl ruby rust ",
                [5] = "build patch table nginx linux macos glibc agent ",
                [6] = "kernel update driver clause figure python apache chrome safari ",
                [7] = "version release package section chapter article openssl firefox windows "
                      "android upgrade ",
                [8] = "firmware revision versions upgraded ",
                [9] = "paragraph downgrade installed ",
        };
        char w[16];
        size_t n;

        if (s > 0 && (b[s - 1] == '.' || b[s - 1] == '-' || b[s - 1] == '/'))
                return 0;
        if (*e + 1 < len && b[*e] == '.' && isdigit((unsigned char)b[*e + 1]))
                return 0;
        /* pinned versions (pkg==1.2.3.4, ~=, >=) and pre-releases (1.2.3.4-beta, +build) */
        if (s >= 2 && b[s - 1] == '=' && strchr("=~<>!", b[s - 2]))
                return 0;
        if (*e + 1 < len && (b[*e] == '-' || b[*e] == '+') && isalpha((unsigned char)b[*e + 1]))
                return 0;
        if (version_context(b, len, s, *e))
                return 0;
        n = word_before(b, s, w, sizeof(w));
        if (n > 0 && n < ARRAY_SIZE(version_words) && version_words[n])
                for (const char *v = version_words[n]; *v; v += n + 1)
                        if (v[0] == w[0] && memcmp(v, w, n) == 0)
                                return 0;
        return 1;
}

static int v_ipv6(const char *b, size_t len, size_t s, size_t *e)
{
        char tmp[64];
        unsigned char addr[16];
        size_t n = *e - s, hex = 0;

        if (n >= sizeof(tmp) || (s > 0 && b[s - 1] == ':'))
                return 0;
        if (*e < len && (b[*e] == ':' || isalnum((unsigned char)b[*e])))
                return 0;
        memcpy(tmp, b + s, n);
        tmp[n] = 0;
        for (size_t i = 0; i < n; i++)
                hex += isxdigit((unsigned char)tmp[i]) != 0;
        /* "::1" and "::ffff:a.b.c.d" come from their own detector (ipv6_leading) */
        return (hex >= 5 || (n >= 3 && tmp[0] == ':' && tmp[1] == ':')) &&
               inet_pton(AF_INET6, tmp, addr) == 1;
}

static int v_mac(const char *b, size_t len, size_t s, size_t *e)
{
        if (!seps_same(b, s, *e))
                return 0;
        if (s > 0 && (b[s - 1] == ':' || b[s - 1] == '-'))
                return 0;
        if (*e + 1 < len && (b[*e] == ':' || b[*e] == '-') && isxdigit((unsigned char)b[*e + 1]))
                return 0;
        return 1;
}

/* E-mail: the regex did the syntax; refuse file names like icon@2x.png. */
static int v_email(const char *b, size_t len, size_t s, size_t *e)
{
        static const char *const ext[] = { "png", "jpg", "jpeg", "gif", "svg", "webp", "js",
                                           "css", "ico" };
        size_t i = *e;

        while (i > s && b[i - 1] != '.')
                i--;
        for (size_t k = 0; k < ARRAY_SIZE(ext); k++)
                if (*e - i == strlen(ext[k]) && strncasecmp(b + i, ext[k], *e - i) == 0)
                        return 0;
        return 1;
}

/* A plausible calendar date: month 1-12 (or a month name), day 1-31, year 1900-2099. */
static int v_date(const char *b, size_t len, size_t s, size_t *e)
{
        unsigned num[3] = { 0 }, ndig[3] = { 0 }, k = 0, y, m, d;
        bool name = false, in = false;

        for (size_t i = s; i < *e; i++) {
                if (isdigit((unsigned char)b[i])) {
                        if (!in && k == 3)
                                return 0;
                        if (!in)
                                k++;
                        in = true;
                        num[k - 1] = num[k - 1] * 10 + (unsigned)(b[i] - '0');
                        ndig[k - 1]++;
                } else {
                        in = false;
                        name |= isalpha((unsigned char)b[i]) && k < 3 &&
                                !(k > 0 && strchr("snrt", tolower((unsigned char)b[i])));
                }
        }
        if (name) {
                if (k != 2)
                        return 0;
                d = ndig[0] <= 2 ? num[0] : num[1];
                y = ndig[0] <= 2 ? num[1] : num[0];
                return d >= 1 && d <= 31 && y >= 1900 && y <= 2099;
        }
        if (k != 3)
                return 0;
        if (ndig[0] == 4) {
                y = num[0], m = num[1], d = num[2];
        } else {
                y = ndig[2] == 2 ? 1900 + num[2] : num[2];
                m = num[0] <= 12 ? num[0] : num[1];
                d = num[0] <= 12 ? num[1] : num[0];
        }
        return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Phones: 7-15 digits in the number itself (an extension is not counted). An international
 * prefix written 00 must be followed by separators: a bare 00123456789 is an order number. */
static int v_phone(const char *b, size_t len, size_t s, size_t *e)
{
        static const char *const product[] = { "sku", "item", "part", "model", "product", "art",
                                               "article", "serial", "catalog", "upc", "ean",
                                               "style", "lot", "batch", "isbn", "order", "ref",
                                               "ticket", "invoice", "case", "po" };
        size_t main_end = *e, n = 0, seps = 0;
        char w[40];

        /* a 3-3-4 product code after SKU/item/part words is not a phone number */
        if (key_before(b, s, w, sizeof(w), true) && word_has(w, product, ARRAY_SIZE(product)))
                return 0;

        for (size_t i = s; i < *e; i++)
                if (b[i] == 'x' || b[i] == 'e') {
                        main_end = i;
                        break;
                }
        for (size_t i = s; i < main_end; i++) {
                if (isdigit((unsigned char)b[i]))
                        n++;
                else if (b[i] != '+')
                        seps++;
        }
        if (b[s] == '0' && b[s + 1] == '0') {
                /* 00 + country code: separators, and not the tail of a digit group run */
                if (seps == 0 ||
                    (s >= 2 && strchr(" -.", b[s - 1]) && isdigit((unsigned char)b[s - 2])))
                        return 0;
                n -= 2;
                return n >= 9 && n <= 15;
        }
        if (b[s] == '+')
                return n >= 9 && n <= 15;
        /* a national number with its trunk 0 must not be one group of a longer run of digit
         * groups (cards, IBANs, account numbers written in blocks) */
        if (b[s] == '0' && ((s >= 2 && strchr(" -.", b[s - 1]) && isdigit((unsigned char)b[s - 2])) ||
                            (*e + 1 < len && strchr(" -.", b[*e]) &&
                             isdigit((unsigned char)b[*e + 1]))))
                return 0;
        return n >= 7 && n <= 15;
}

static int v_fr_nir(const char *b, size_t len, size_t s, size_t *e)
{
        uint64_t v = 0;
        unsigned key = 0, n = 0;

        for (size_t i = s; i < *e; i++) {
                char c = b[i];

                if (c == ' ')
                        continue;
                if (n < 13) {
                        if (c == 'A' || c == 'B') /* Corsica: 2A -> 19, 2B -> 18 */
                                v = v / 10 * 100 + (c == 'A' ? 19 : 18);
                        else
                                v = v * 10 + (uint64_t)(c - '0');
                } else {
                        key = key * 10 + (unsigned)(c - '0');
                }
                n++;
        }
        return n == 15 && key >= 1 && key <= 97 && 97 - v % 97 == key;
}

static int v_es_nif(const char *b, size_t len, size_t s, size_t *e)
{
        static const char letters[] = "TRWAGMYFPDXBNJZSQVHLCKE";
        unsigned v = 0, n = 0;
        char last = b[*e - 1];

        for (size_t i = s; i < *e - 1; i++) {
                char c = b[i];

                if (c == 'X' || c == 'Y' || c == 'Z')
                        v = (unsigned)(c - 'X'), n++;
                else if (isdigit((unsigned char)c))
                        v = v * 10 + (unsigned)(c - '0'), n++;
        }
        return n == 8 && letters[v % 23] == last;
}

static int v_verhoeff(const char *b, size_t len, size_t s, size_t *e)
{
        static const uint8_t dm[10][10] = {
                { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
                { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 }, { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
                { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
                { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
                { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
        };
        static const uint8_t pm[8][10] = {
                { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
                { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 }, { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
                { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
                { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
        };
        uint8_t d[13];
        size_t n = digits_of(b, s, *e, d, 12);
        unsigned c = 0;

        if (n != 12 || !seps_same(b, s, *e))
                return 0;
        for (size_t i = 0; i < n; i++)
                c = dm[c][pm[i % 8][d[n - 1 - i]]];
        return c == 0;
}

static int v_pesel(const char *b, size_t len, size_t s, size_t *e)
{
        static const uint8_t w[10] = { 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 };
        uint8_t d[12];
        unsigned sum = 0, month;

        if (digits_of(b, s, *e, d, 11) != 11)
                return 0;
        for (unsigned i = 0; i < 10; i++)
                sum += d[i] * w[i];
        month = (d[2] * 10u + d[3]) % 20;
        return month >= 1 && month <= 12 && (10 - sum % 10) % 10 == d[10];
}

static int v_sg_nric(const char *b, size_t len, size_t s, size_t *e)
{
        static const uint8_t w[7] = { 2, 7, 6, 5, 4, 3, 2 };
        static const char st[] = "JZIHGFEDCBA", fg[] = "XWUTRQPNMLK";
        unsigned sum = 0;
        char p = b[s];

        if (*e - s != 9 || !strchr("STFG", p))
                return 0;
        for (unsigned i = 0; i < 7; i++)
                sum += (unsigned)(b[s + 1 + i] - '0') * w[i];
        if (p == 'T' || p == 'G')
                sum += 4;
        return (p == 'S' || p == 'T' ? st : fg)[sum % 11] == b[s + 8];
}

static int v_ein(const char *b, size_t len, size_t s, size_t *e)
{
        static const uint8_t bad[] = { 0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89,
                                       96, 97 };
        uint8_t d[10];
        unsigned pre;

        if (digits_of(b, s, *e, d, 9) != 9)
                return 0;
        pre = d[0] * 10u + d[1];
        for (size_t i = 0; i < sizeof(bad); i++)
                if (pre == bad[i])
                        return 0;
        return 1;
}

static int v_dea(const char *b, size_t len, size_t s, size_t *e)
{
        uint8_t d[8];

        if (digits_of(b, s + 2, *e, d, 7) != 7)
                return 0;
        return (d[0] + d[2] + d[4] + 2u * (d[1] + d[3] + d[5])) % 10 == d[6];
}

static int v_coord(const char *b, size_t len, size_t s, size_t *e)
{
        char tmp[48];
        size_t n = *e - s;
        char *comma, *end;
        double lat, lon;

        if (n >= sizeof(tmp))
                return 0;
        memcpy(tmp, b + s, n);
        tmp[n] = 0;
        comma = strchr(tmp, ',');
        if (!comma)
                return 0;
        *comma = 0;
        lat = strtod(tmp, &end);
        lon = strtod(comma + 1, &end);
        return fabs(lat) <= 90.0 && fabs(lon) <= 180.0;
}

static double entropy(const char *p, size_t n)
{
        unsigned cnt[256] = { 0 };
        double h = 0;

        for (size_t i = 0; i < n; i++)
                cnt[(unsigned char)p[i]]++;
        for (unsigned i = 0; i < 256; i++)
                if (cnt[i]) {
                        double q = (double)cnt[i] / (double)n;

                        h -= q * log2(q);
                }
        return h;
}

/* Whether p[0, n) holds one of words[0, nw) in any case. */
static bool contains_ci(const char *p, size_t n, const char *const *words, size_t nw)
{
        for (size_t i = 0; i < nw; i++) {
                size_t k = strlen(words[i]);

                for (size_t j = 0; j + k <= n; j++)
                        if (strncasecmp(p + j, words[i], k) == 0)
                                return true;
        }
        return false;
}

/* In any case: PASSWORD=XXXXXXXX and AWS's ...EXAMPLEKEY are placeholders too. */
static bool looks_placeholder(const char *p, size_t n)
{
        static const char *const words[] = { "xxxx", "****", "redacted", "example", "your_",
                                             "your-", "changeit", "changeme", "change_me",
                                             "change-me", "placeholder", "<", "${", "{{",
                                             "null", "none" };

        return contains_ci(p, n, words, ARRAY_SIZE(words));
}

/* A value that is code naming where the secret is, not the secret: a dotted path of
 * identifiers (process.env.STRIPE_KEY, settings.SECRET_KEY), alone or called or subscripted
 * (os.environ[, os.getenv(), or getenv( and ENV[. */
static bool code_reference(const char *p, size_t n)
{
        bool call = n > 0 && (p[n - 1] == '[' || p[n - 1] == '(');
        size_t i = 0, parts = 0;

        if (call)
                n--;
        while (i < n) {
                size_t k = i;

                if (!isalpha((unsigned char)p[k]) && p[k] != '_' && p[k] != '$')
                        return false;
                while (k < n && (isalnum((unsigned char)p[k]) || p[k] == '_' || p[k] == '$'))
                        k++;
                parts++;
                if (k == n)
                        break;
                if (p[k] != '.' || k + 1 == n)
                        return false;
                i = k + 1;
        }
        /* one name called or subscripted: only the environment's (getenv(, ENV[); a
         * password may end in '(' */
        return parts >= 2 ||
               (call && parts == 1 &&
                ((n == 6 && strncasecmp(p, "getenv", 6) == 0) ||
                 (n == 3 && strncasecmp(p, "env", 3) == 0)));
}

/* Generic secrets: random-looking (entropy >= 3 bits/char, a digit or mixed case), not a
 * placeholder, not an identifier. */
static int v_entropy(const char *b, size_t len, size_t s, size_t *e)
{
        bool digit = false, upper = false, lower = false;
        size_t n = *e - s;

        for (size_t i = s; i < *e; i++) {
                digit |= isdigit((unsigned char)b[i]) != 0;
                upper |= isupper((unsigned char)b[i]) != 0;
                lower |= islower((unsigned char)b[i]) != 0;
        }
        if (looks_placeholder(b + s, n) || !(digit || (upper && lower)) ||
            code_reference(b + s, n))
                return 0;
        return entropy(b + s, n) >= 3.0;
}

static int v_openai(const char *b, size_t len, size_t s, size_t *e)
{
        return *e - s >= 32 && v_entropy(b, len, s, e);
}

/* "$NAME" or "%NAME%": a reference to a variable, not a value. */
static bool env_reference(const char *p, size_t n)
{
        size_t i = 1;

        if (n < 2 || (p[0] != '$' && p[0] != '%'))
                return false;
        while (i < n && (isupper((unsigned char)p[i]) || isdigit((unsigned char)p[i]) ||
                         p[i] == '_' || p[i] == '%'))
                i++;
        return i == n;
}

/* Whether b[i, e) begins with a key and '=': "Encrypt=", "useSSL=". */
static bool key_eq_at(const char *b, size_t i, size_t e)
{
        size_t k = i;

        if (k >= e || !isalpha((unsigned char)b[k]))
                return false;
        while (k < e && (isalnum((unsigned char)b[k]) || b[k] == '_' || b[k] == '.' || b[k] == '-'))
                k++;
        return k < e && b[k] == '=';
}

/* A message about a secret, not one: "Password must be at least 8 characters long". Six
 * words or more with one of a message's words; a pass phrase ("correct horse battery staple
 * river moon") has none of them. */
static bool secret_message(const char *p, size_t n)
{
        static const char *const words[] = { "must", "should", "least", "characters", "please",
                                             "enter", "invalid", "incorrect", "required",
                                             "match", "cannot", "can't", "not", "your",
                                             "contain", "length", "between", "allowed" };
        size_t spaces = 0;

        for (size_t i = 0; i < n; i++)
                spaces += p[i] == ' ';
        if (spaces < 5)
                return false;
        for (size_t i = 0; i < n; i++) {
                if (i > 0 && p[i - 1] != ' ')
                        continue;
                for (size_t k = 0; k < ARRAY_SIZE(words); k++) {
                        size_t l = strlen(words[k]);

                        if (i + l <= n && strncasecmp(p + i, words[k], l) == 0 &&
                            (i + l == n || !isalpha((unsigned char)p[i + l])))
                                return true;
                }
        }
        return false;
}

/* Passwords: after ':' or '=' anything but a placeholder; after "is" (prose) only a value
 * with a digit or a symbol, so "password is required" stays. */
static int v_password(const char *b, size_t len, size_t s, size_t *e)
{
        static const char *const words[] = { "required", "incorrect", "invalid", "wrong",
                                              "missing", "empty", "expired", "hidden", "set",
                                              "not", "too", "the", "your", "a", "changed",
                                              "reset", "true", "false", "string", "password" };
        size_t i = s, n = *e - s;
        bool assign, special = false;

        while (i > 0 && strchr(" \t\"'", b[i - 1]))
                i--;
        assign = i > 0 && (b[i - 1] == ':' || b[i - 1] == '=');
        /* "pass the salt", "pass data4u on": the verb, not a key, unless something is
         * assigned to it */
        if (!assign) {
                char w[16];

                if (word_before(b, s, w, sizeof(w)) && (streq(w, "pass") || streq(w, "pwd")))
                        return 0;
        }
        /* a key=value list goes on after ';' or '&' (a connection string's ";Encrypt=True",
         * a URL's "&useSSL=true"): the value ends there */
        for (size_t k = s + 1; k < *e; k++)
                if ((b[k] == ';' || b[k] == '&') && key_eq_at(b, k + 1, *e)) {
                        *e = k;
                        break;
                }
        n = *e - s;
        /* the next attribute (`name="password" value="..."`), or code naming where the
         * password is (os.environ["DB_PASSWORD"], process.env.DB_PASS) */
        if (b[*e - 1] == '=' || code_reference(b + s, n))
                return 0;
        /* a quoted value with a space in it (the regex stops there): never its first word
         * alone; secret_quoted_password takes it whole, or leaves a message */
        if (s > 0 && (b[s - 1] == '"' || b[s - 1] == '\'') && *e < len &&
            (b[*e] == ' ' || b[*e] == '\t'))
                return 0;
        if (looks_placeholder(b + s, n) || b[s] == '[' || env_reference(b + s, n))
                return 0;
        for (size_t k = 0; k < ARRAY_SIZE(words); k++)
                if (n == strlen(words[k]) && strncasecmp(b + s, words[k], n) == 0)
                        return 0;
        /* sentence punctuation after a word is not a symbol of the value */
        size_t last = *e;
        while (last > s && strchr(".,;:!?", b[last - 1]))
                last--;
        for (size_t k = s; k < last; k++)
                special |= !isalpha((unsigned char)b[k]);
        return assign || special;
}

static int v_has_digits(const char *b, size_t len, size_t s, size_t *e)
{
        for (size_t i = s; i < *e; i++)
                if (isdigit((unsigned char)b[i]))
                        return 1;
        return 0;
}

static int v_sep_consistent(const char *b, size_t len, size_t s, size_t *e)
{
        unsigned dashes = 0;

        for (size_t i = s; i < *e; i++)
                dashes += b[i] == '-';
        return dashes == 0 || dashes == 2;
}

/* ---- secrets in the shapes real files have (issue 11) ---- */

/* A value that stands for a secret rather than being one: xxxx, EXAMPLE, ${VAR}, {{ var }},
 * <redacted>, changeme, your-key-here... Case-insensitive, and also "$VAR" / "%VAR%". */
static bool placeholder_ci(const char *p, size_t n)
{
        static const char *const words[] = { "xxxx", "****", "....", "redacted", "example",
                                             "your_", "your-", "yourkey", "your key", "changeme",
                                             "change_me", "change-me", "changeit", "placeholder",
                                             "<", "${", "{{", "$(", "%s", "{}", "dummy",
                                             "replace_me", "replace-me", "insert_", "todo" };
        static const char *const whole[] = { "null", "none", "nil", "true", "false", "undefined",
                                             "password", "secret", "token", "string", "empty",
                                             "hidden", "required", "test", "admin" };

        if (contains_ci(p, n, words, ARRAY_SIZE(words)))
                return true;
        for (size_t i = 0; i < ARRAY_SIZE(whole); i++)
                if (n == strlen(whole[i]) && strncasecmp(p, whole[i], n) == 0)
                        return true;
        return env_reference(p, n);
}

static bool one_char_repeated(const char *p, size_t n)
{
        for (size_t i = 1; i < n; i++)
                if (p[i] != p[0])
                        return false;
        return true;
}

/* base64 of a PEM block ("LS0tLS1CRUdJTi" is "-----BEGIN "): a private key, not a
 * certificate or a public key (kubeconfig's client-certificate-data is not a secret). */
static int v_b64_pem_key(const char *b, size_t len, size_t s, size_t *e)
{
        static const char alpha[] =
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char hdr[64];
        size_t n = 0;
        unsigned acc = 0, bits = 0;

        for (size_t i = s; i < *e && n < sizeof(hdr) - 1; i++) {
                const char *q = memchr(alpha, b[i], 64);

                if (!q)
                        break;
                acc = acc << 6 | (unsigned)(q - alpha);
                bits += 6;
                if (bits >= 8) {
                        bits -= 8;
                        hdr[n++] = (char)((acc >> bits) & 0xff);
                }
        }
        hdr[n] = 0;
        return strstr(hdr, "PRIVATE KEY") != NULL;
}

/* A credential value found by its key name (.npmrc _authToken, docker "auth"). */
static int v_secret_value(const char *b, size_t len, size_t s, size_t *e)
{
        size_t n = *e - s;

        return n >= 8 && !placeholder_ci(b + s, n) && !one_char_repeated(b + s, n);
}

/* `curl -u user:password`: a password after the colon (`-u user` alone makes curl ask). */
static int v_user_pass(const char *b, size_t len, size_t s, size_t *e)
{
        const char *colon = memchr(b + s, ':', *e - s);
        size_t pw;

        if (!colon)
                return 0;
        pw = (size_t)(b + *e - colon - 1);
        return pw >= 1 && !placeholder_ci(colon + 1, pw) && !placeholder_ci(b + s, *e - s);
}

/* A quoted value after a secret-named key. Not a placeholder, not a format string, not an
 * empty or one-character-repeated value. Spaces are allowed (pass phrases). */
static int v_secret_quoted(const char *b, size_t len, size_t s, size_t *e)
{
        size_t n = *e - s;

        if (n < 4 || placeholder_ci(b + s, n) || one_char_repeated(b + s, n))
                return 0;
        /* a message, not a value: "Password must be at least 8 characters long" */
        return !secret_message(b + s, n);
}

/* ZIP after a state's code: not Idaho's "ID" after a word that owns an identifier ("Employee
 * ID 44721", "Member ID 90210", "your ID 12345"); "Boise ID 83702" and "Boise, ID 83702"
 * stay. start is the ZIP's first digit, after the code and one space. */
static int v_zip_state(const char *b, size_t len, size_t start, size_t *end)
{
        static const char *const owners[] = {
                "employee", "member", "user", "customer", "account", "order", "patient",
                "student", "staff", "client", "device", "session", "transaction", "request",
                "ticket", "badge", "reference", "product", "item", "vendor", "supplier", "card",
                "policy", "claim", "booking", "invoice", "job", "task", "process", "group",
                "project", "node", "host", "voter", "photo", "tax", "national", "case", "record",
                "unit", "my", "your", "his", "her", "their", "our", "the", "an", "a", "with", "no",
                "new", "valid", "government", "state", "school", "company", "personnel", NULL
        };
        char w[16];

        (void)len;
        (void)end;
        if (start < 4 || b[start - 3] != 'I' || b[start - 2] != 'D' || b[start - 4] != ' ')
                return 1;
        if (!word_before(b, start - 3, w, sizeof(w)))
                return 1;
        for (size_t k = 0; owners[k]; k++)
                if (strcmp(w, owners[k]) == 0)
                        return 0;
        return 1;
}

static const validator_fn validators[_V_MAX] = {
        [V_LUHN_CARD] = v_luhn_card, [V_IBAN] = v_iban, [V_SSN] = v_ssn, [V_ITIN] = v_itin,
        [V_ABA] = v_aba, [V_NHS] = v_nhs, [V_NINO] = v_nino, [V_VIN] = v_vin,
        [V_BASE58CHECK] = v_base58check, [V_BECH32] = v_bech32, [V_JWT] = v_jwt,
        [V_IPV4] = v_ipv4, [V_IPV6] = v_ipv6, [V_MAC] = v_mac, [V_EMAIL] = v_email,
        [V_DATE] = v_date, [V_PHONE] = v_phone, [V_LUHN] = v_luhn, [V_NPI] = v_npi,
        [V_FR_NIR] = v_fr_nir, [V_ES_NIF] = v_es_nif, [V_VERHOEFF] = v_verhoeff,
        [V_PESEL] = v_pesel, [V_SG_NRIC] = v_sg_nric, [V_EIN] = v_ein, [V_DEA] = v_dea,
        [V_COORD] = v_coord, [V_ENTROPY] = v_entropy, [V_PASSWORD] = v_password,
        [V_HAS_DIGITS] = v_has_digits, [V_SEP_CONSISTENT] = v_sep_consistent,
        [V_OPENAI] = v_openai, [V_B64_PEM_KEY] = v_b64_pem_key, [V_SECRET_VALUE] = v_secret_value,
        [V_USER_PASS] = v_user_pass, [V_SECRET_QUOTED] = v_secret_quoted,
        [V_ZIP_STATE] = v_zip_state,
};

int pii_validate(unsigned validator, const char *buf, size_t len, size_t start, size_t *end)
{
        if (validator >= _V_MAX || !validators[validator])
                return 1;
        if (*end <= start)
                return 0;
        return validators[validator](buf, len, start, end);
}
