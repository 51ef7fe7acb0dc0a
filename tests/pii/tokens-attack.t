#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The token prefilter (src/pii/tokens.c) against PCRE2 alone, on the inputs an attacker tries
# first: each class-led format against the bytes its \b and its class treat differently ('_',
# a lower-case letter, bytes >= 0x80, NUL, CR), without a trailing newline, at the file's
# first byte, and across the places where the stream cuts or restarts its window (1 MiB, the
# commit point, the next window's look-back); ipv4, which tokens.c matches without PCRE2, on
# every octet form; colon IPv6 and MACs, found around their separators; Litecoin, found around
# its first letter; card_context, whose card word tokens.c finds before a run; phone_nanp's
# 3-3-4 runs and the card patterns on lone numbers, which it matches by hand. Then
# tests/pii/tokens-fuzz.py at one seed. For
# each, the default engine's `protect scan --json` is AKIOS_PII_ENGINE=pcre2's, names off
# and on. None of these found a difference when written: they hold the equivalence.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3
# the generators below import tests/pii/attacklib.py
export PYTHONPATH="$AKIOS_SRC/tests/pii${PYTHONPATH:+:$PYTHONPATH}"

require_hyperscan

# same NAME FILE [NAMES...]: the engines agree on FILE, names off and on (or as given)
same() {
        _what=$1 _file=$2
        shift 2
        [ $# -gt 0 ] || set -- false true
        for names in "$@"; do
                AKIOS_PII_DETECT_NAMES=$names "$AKIOS" protect scan --json "$_file" \
                        > "$T/hs.json"
                AKIOS_PII_DETECT_NAMES=$names AKIOS_PII_ENGINE=pcre2 "$AKIOS" protect scan \
                        --json "$_file" | sed 's/"engine":"pcre2"/"engine":"hyperscan+pcre2"/' \
                        > "$T/pc.json"
                if cmp -s "$T/hs.json" "$T/pc.json"; then
                        _tap_line 1 "$_what (names $names)"
                else
                        _tap_line 0 "$_what (names $names)"
                        diff "$T/hs.json" "$T/pc.json" | head -5 | cut -c1-300 | sed 's/^/# /'
                fi
        done
}

# one case a line: the value against '_', letters, high bytes, NUL, CR
printf '%s\n' \
        '_4111 1111 1111 1111' '4111 1111 1111 1111_' 'x4111111111111111' \
        '(555) 867-5309_' '+1 555 867 5309x' '555.867.5309e' '555-867-5309 ext. 42_' \
        '555-867-5309 x42' '555-867-5309 ext. 42' '555.867.5309 ext42' '(555)867-5309x1' \
        '0044 20 7946 0958' '_0044 20 7946 0958' '+44 20 7946 0958.' '(030) 1234 5678_' \
        '192.168.1.20_' '1.2.3.4.5' '52.5200, 13.4050_' '-33.8688,151.2093' \
        '2 85 2A 123 456 78' '1 85 05 78 006 084 91B' 'AB 12 34 56 C_' 'aQQ123456C' \
        'GB82 WEST 1234 5698 7654 32_' 'nl91abna0417164300_' 'SW1A 1AA_' 'K1A 0B1-' \
        'CA 94105-' 'NY 10001-1234_' '12345678-Z_' 'Y-1234567-X' '1EG4-TE5-MK73_' \
        '1HGCM82633A004352-' 'S1234567D_' '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa.' \
        '0123.4567.89ab.' 'x.0123.4567.89ab' 'iban=nl91abna0417164300' \
        '"de89370400440532013000"' '-nl91abna0417164300' '5nl91abna0417164300' \
        'call +4930123456' '+49 30 1234567' '+1 555 01' '0049 30 1234567' \
        '1234.5678.9012' '0000.1111.2222_' '.1234.5678.9a12' > "$T/glue.txt"
printf 'caf\303\2514111 1111 1111 1111\303\251 \3015555555555554444\377\n' >> "$T/glue.txt"
printf '48\302\26051\04724"N 2\302\26021\04703"E\200 ' >> "$T/glue.txt"
printf '51\302\26030\342\200\26226\342\200\263N ' >> "$T/glue.txt"
printf '0\302\2607\342\200\26239\342\200\263W\n' >> "$T/glue.txt"
printf '123-45-6789\000912-70-1234\r\n555-867-5309\r' >> "$T/glue.txt"
same "formats against '_', letters, bytes >= 0x80, NUL and CR" "$T/glue.txt"

# a file that is one value, without a newline; one that starts with it after CRLF
for v in '4111 1111 1111 1111' '0123.4567.89ab' '1abc.abcd.abcd' 'abcd.abcd.abc1' \
        'DE89370400440532013000' \
        '40d26'"'"'46"N,79d58'"'"'56"W'; do
        printf '%s' "$v" > "$T/one.txt"
        same "'$v' alone, no newline" "$T/one.txt"
        printf '\r\n%s\r\n' "$v" > "$T/one.txt"
        same "'$v' between CRLFs" "$T/one.txt"
done

# values across the stream's cuts, at several splits (tokens-fuzz.py: CUTS and COMMIT1)
$PY - "$T/cut" <<'PYEOF'
import sys
ROUND, SPAN = 1 << 20, 16384 + 64
W1 = ROUND + 3 * SPAN
COMMIT1 = W1 - SPAN
BASE2 = COMMIT1 - SPAN
line = b"lorem ipsum dolor sit amet, consectetur adipiscing elit\n"
vals = [b" 4111 1111 1111 1111 ", b" (555) 867-5309 ", b"_192.168.1.20 ",
        b" GB82 WEST 1234 5698 7654 32 ", b" 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa ",
        b" 0123.4567.89ab ", b" paid 9111 1111 1111 1110 ", b" card: 9111111111111110 "]
n = 0
for v in vals:
    for k in (1, len(v) // 2):
        for cuts in ([ROUND, BASE2 + 64, W1, BASE2 + W1], [COMMIT1]):
            buf = bytearray((line * (2300000 // len(line)))[:2300000])
            for c in [k] + cuts:
                buf[c - k:c - k + len(v)] = v
            buf[len(buf) - len(v):] = v
            open("%s%d.txt" % (sys.argv[1], n), "wb").write(buf)
            n += 1
PYEOF
for f in "$T"/cut*.txt; do
        same "values across the window cuts: $(basename "$f")" "$f" false
done

# tokens.c matches ipv4 by hand: dotted numbers of every octet length and edge value, with
# leading zeros, a fifth part, too few parts, glued to word bytes, after the validator's words
# and signs, and one after another (the next search starts at the end of a match or one past
# a rejected start)
$PY - "$T/ipv4.txt" <<'PYEOF'
import attacklib
import random
import sys
rnd = random.Random(4)
OCT = ["0", "1", "9", "00", "01", "09", "10", "99", "100", "199", "200", "249", "250", "255",
       "256", "260", "300", "999", "0000", "1234", "025", "1a", ""]
PRE = ["", " ", "_", "a", ".", "-", "/", "=", "==", "~=", "v", "ver ", "client=", "1", "\x80",
       "(", "+", "[", "0.", "1.2."]
POST = ["", " ", "_", "a", ".", ".1", "-", "-b", "+b", "/24", ":80", "\xff", "5", ",", ")"]
out = []
for _ in range(20000):
    parts = [rnd.choice(OCT) for _ in range(rnd.choice((2, 3, 4, 4, 4, 4, 5, 6)))]
    sep = rnd.choice([".", ".", ".", ". ", ".."]) if rnd.random() < 0.1 else "."
    out.append(rnd.choice(PRE) + sep.join(parts) + rnd.choice(POST))
attacklib.write_joined(sys.argv[1], rnd, out, [" ", "\n", "", "  ", " - "])
PYEOF
same "ipv4 by hand: 20,000 dotted numbers and their edges" "$T/ipv4.txt"

# tokens.c finds colon IPv6 and MACs around their separators (TC_HEXSEP), not their digits:
# groups with no digit at all, 1-4 hex digits, 6-9 groups, ':' and '-' mixed, glued to word
# bytes and separators, one run after another, and the JSON and log shapes they hide in
$PY - "$T/hexsep.txt" <<'PYEOF'
import attacklib
import random
import sys
rnd = random.Random(6)
GRP = ["0", "1", "a", "F", "00", "ff", "dead", "BEEF", "cafe", "12", "123", "1234", "12345",
       "fe80", "db8", "abcd", "g1", "", "0x1"]
SEP = [":", ":", ":", ":", "-", "::", ":-", " :"]
PRE = ["", " ", "_", "a", ":", "-", ".", "\"", "mac=", "ip ", "\x80", "1", "f"]
POST = ["", " ", "_", "g", ":", "-", ":1", "-a", ".", "\"", "/64", "%eth0", "\xff", "z"]
out = []
for _ in range(20000):
    n = rnd.choice((5, 6, 6, 6, 7, 8, 8, 8, 9))
    parts = [rnd.choice(GRP) for _ in range(n)]
    if rnd.random() < 0.5:
        sep = rnd.choice(SEP)
        v = sep.join(parts)
    else:
        v = parts[0] + "".join(rnd.choice(SEP) + p for p in parts[1:])
    out.append(rnd.choice(PRE) + v + rnd.choice(POST))
out += ['{"key":"dead:beef:cafe:babe:dead:beef:cafe:babe","at":"2025-01-20T16:13:23Z"}',
        "00:1A:2b:3C:4d:5E-", "00-1a-2b-3c-4d-5e", "00:1a-2b:3c-4d:5e", "1:2:3:4:5:6:7:8:9"]
attacklib.write_joined(sys.argv[1], rnd, out, [" ", "\n", "", "  ", " - ", ":"])
PYEOF
same "ipv6_full and mac_colon around separators: 20,000 runs and their edges" "$T/hexsep.txt"
# compressed IPv6 (tokv6.c), matched by hand in the runs around its "::": 0 to 7 groups on
# each side of one or two "::" (and ":::"), groups of 0 to 6 hex digits and some with a
# letter past f or '_' after them (where \b fails and the regex gives the group back), at
# every distance from the run's edges, after ':' and before alnum (which V_IPV6 refuses)
$PY - "$T/v6c.txt" <<'PYEOF'
import attacklib
import random
import sys
rnd = random.Random(7)
GRP = ["0", "1", "a", "F", "00", "ff", "db8", "fe80", "1234", "abcd", "12345", "abcdef",
       "g", "1g", "ab_", "", "ffff", "8023", "cafe1"]
SEP = [":", ":", ":", ":", "::", "::", ":::", "-", ": "]
PRE = ["", " ", "_", "a", ":", "-", ".", "\"", "ip=", "[", "\x80", "1", "f", "::", "g"]
POST = ["", " ", "_", "g", ":", "-", ":1", "/64", "%eth0", "]", ".", "\xff", "z", "::", "1"]
out = []
for _ in range(20000):
    left = [rnd.choice(GRP) for _ in range(rnd.randint(0, 7))]
    right = [rnd.choice(GRP) for _ in range(rnd.randint(0, 7))]
    v = "".join(p + rnd.choice(SEP) for p in left[:-1]) + (left[-1] if left else "")
    v += "::" + "".join(rnd.choice(SEP) + p for p in right)[1:] if right else "::"
    if rnd.random() < 0.2:  # a second address glued on
        v += rnd.choice(SEP) + rnd.choice(GRP) + "::" + rnd.choice(GRP)
    out.append(rnd.choice(PRE) + v + rnd.choice(POST))
out += ["::", ":::", "a::", "::1", "fe80::1%eth0", "2001:db8::8a2e:370:7334", "1:2:3:4:5:6::7",
        "1:2:3:4:5:6:7::", "a:b:c:d:e:f:0::1", "12345::1", "1::12345", "1::1g", "1::1:2:3:4:5:6:7"]
attacklib.write_joined(sys.argv[1], rnd, out, [" ", "\n", "", "  ", ":", "-"])
PYEOF
same "ipv6_compressed by hand around its '::': 20,000 runs and their edges" "$T/v6c.txt"
for v in 'dead:beef:cafe:babe:dead:beef:cafe:babe' '00-1a-2b-3c-4d-5e' 'fe80::1' '1::2' \
        '1:2:3:4:5:6:7::' '1:2:3:4:5:6::7' 'a::1:2:3:4:5:6'; do
        printf '%s' "$v" > "$T/one.txt"
        same "'$v' alone, no newline" "$T/one.txt"
done

# Litecoin addresses (TC_B58) are found around their first letter, L or M: valid
# Base58Check ones (some with no digit at all), mutated by one byte, cut or lengthened, glued
# to the word bytes base58 leaves out (0 O I l _) and to others
$PY - "$T/b58.txt" <<'PYEOF'
import attacklib
import hashlib
import random
import sys
rnd = random.Random(11)
A = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
def b58check(payload):
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n, out = int.from_bytes(raw, "big"), ""
    while n:
        n, d = divmod(n, 58)
        out = A[d] + out
    return out
good, nodigit = [], []
while len(good) < 300 or len(nodigit) < 3:
    a = b58check(bytes([rnd.choice((0x30, 0x32))]) + bytes(rnd.randrange(256) for _ in range(20)))
    if not any(c.isdigit() for c in a):
        nodigit.append(a)
    elif len(good) < 300:
        good.append(a)
out = []
for a in good + nodigit * 20:
    r = rnd.random()
    if r < 0.2:
        k = rnd.randrange(len(a))
        a = a[:k] + rnd.choice(A + "0OIl_") + a[k + 1:]
    elif r < 0.3:
        a = a[:rnd.randint(24, len(a))]
    elif r < 0.4:
        a = a + "".join(rnd.choice(A) for _ in range(rnd.randint(1, 4)))
    glue = rnd.random() < 0.5
    out.append((rnd.choice(["_", "0", "O", "I", "l", "x", ".", "\x80", "L", "M"]) if glue else "") +
               a + (rnd.choice(["_", "0", "O", "I", "l", "x", ".", "\xff", ","]) if glue else ""))
attacklib.write_joined(sys.argv[1], rnd, out, [" ", "\n", "", " ltc ", "\t"])
PYEOF
same "Litecoin around its first letter: 360 valid addresses and their mutants" "$T/b58.txt"

# card_context is matched by hand (tokens.c): its card word lies before the run, its number
# in it. Words in any case, glued to word bytes, one after another; gaps of 0 to 23 bytes
# with letters, newlines, digits and high bytes; numbers of 11 to 21 digits, Luhn-valid or
# not, with single, double and mixed separators, glued to word bytes at their end
$PY - "$T/cardctx.txt" <<'PYEOF'
import attacklib
import random
import sys
rnd = random.Random(13)
WORDS = ["card", "credit", "debit", "visa", "mastercard", "maestro", "amex", "karte", "carte",
         "tarjeta", "charged", "paid", "cards", "charge", "pai", "redit"]
GAPB = [" ", " ", " ", ":", "#", "-", ".", "no", "number", "\n", "\r", "\t", "_", "x", "e",
        "\x80", "\xe9", "(", "\"", "=", "A", "B", "5", "ending in "]
out = []
for _ in range(5000):
    w = rnd.choice(WORDS)
    w = "".join(c.upper() if rnd.random() < 0.3 else c for c in w)
    pre = rnd.choice(["", "", "", " ", "_", "x", "1", "my ", "\n", "(", "master", "A"])
    # most gaps open with a non-word byte (else the word runs on) and are cut to an exact
    # length about the limit of 20
    gap = rnd.choice([" ", ":", "#", "-", ".", "\t", "(", "\x80", "\n"]) if rnd.random() < 0.85 else ""
    want = rnd.choice((0, 1, 1, 2, 5, 12, 18, 19, 20, 20, 21, 21, 22, 23))
    while len(gap) < want:
        gap += rnd.choice(GAPB)
    gap = gap[:want] if rnd.random() < 0.8 else gap
    n = rnd.choice((11, 12, 13, 14, 15, 16, 16, 16, 17, 18, 19, 19, 20, 21))
    d = "".join(rnd.choice("0123456789") for _ in range(n))
    if rnd.random() < 0.7:
        d = attacklib.luhn_fix(d)
    num, k = "", 0
    style = rnd.random()
    for i, c in enumerate(d):
        if i and style < 0.5 and i % 4 == 0:
            num += rnd.choice([" ", "-", " ", "-", "  ", " -", ""])
        elif i and style > 0.9:
            num += rnd.choice(["", "", "", " ", "-"])
        num += c
    post = rnd.choice(["", "", " ", ".", "_", "x", "a", "0", "-", " 5", "\n", "\xff"])
    out.append(pre + w + gap + num + post)
attacklib.write_joined(sys.argv[1], rnd, out, [" ", "\n", "", " card ", "\t", " paid 12 "])
PYEOF
same "card_context by hand: 5,000 card words, gaps and numbers" "$T/cardctx.txt"

# phone_nanp's 3-3-4 runs are matched by hand (tokens.c, tok_nanp()): the shape with two '-'
# or two '.', mixed and short and long neighbours, every prefix of the regex ("1-", "001-",
# "+1 ", "("), glued to word bytes and to the bytes of TC_PH's class ('x', 'e', 't', ' ',
# ',', '/'), after keys that make it a product code or a phone, at the file's end without a
# newline
$PY - "$T/nanp.txt" <<'PYEOF'
import attacklib
import random, sys
rnd = random.Random(17)
PRE = ["", "", "", " ", "_", "a", "x", "e", "t", "A", "B", "1-", "1.", "001-", "001 ", "+1 ",
       "+1-", "+", "(", "-", ".", "5", "\x80", "\xe9", "\"sku\":\"", "\"phone\":\"",
       "part no. ", "tel ", "sku=", "order ", ",", "/"]
POST = ["", "", "", " ", "_", "a", "x", "x12", " x12", " ext. 7", "ext3", "e", "t", "A", "B",
        "-", ".", "5", "\"", "\xff", ",", "/", ")", "\n", " 1234", "-1234"]
out = []
for _ in range(6000):
    sep = rnd.choice("-.-.-. /")
    sep2 = sep if rnd.random() < 0.85 else rnd.choice("-. ")
    a, b, c = (rnd.choice((3, 3, 3, 3, 2, 4)), rnd.choice((3, 3, 3, 3, 2, 4)),
               rnd.choice((4, 4, 4, 4, 3, 5)))
    d = lambda n: "".join(rnd.choice("0123456789") for _ in range(n))
    first = d(a)
    if rnd.random() < 0.05:
        first = "001"[:a]
    out.append(rnd.choice(PRE) + first + sep + d(b) + sep2 + d(c) + rnd.choice(POST))
attacklib.write_joined(sys.argv[1], rnd, out, [" ", "\n", "", "\t", ", "], "212-555-0147")
PYEOF
same "phone_nanp by hand: 6,000 3-3-4 numbers, prefixes and glue" "$T/nanp.txt"

# the card patterns on a run that is one number and no other digit are matched by hand
# (tokens.c, tok_card_digits()): 11 to 20 digits after every prefix of the card regexes and
# their neighbours (2220/2721, 643, 306, 6760/6764, 0603), Luhn-valid or not, glued to word
# bytes and followed by TC_PH's other bytes, after keys that make them ids or cards
$PY - "$T/carddigits.txt" <<'PYEOF'
import attacklib
import random, sys
rnd = random.Random(19)
PREFIX = ["4", "51", "55", "50", "56", "2221", "2220", "2720", "2721", "2500", "34", "37", "35",
          "36", "38", "39", "300", "305", "306", "6011", "6012", "65", "644", "649", "643",
          "2131", "1800", "62", "5018", "5020", "5038", "5893", "6304", "6759", "6761", "6763",
          "6760", "6764", "0604", "0603", "7", "9"]
PRE = ["", "", "", " ", "_", "a", "x", "\"id\":", "\"card\":", "card ", "order_id=", "#",
       "\x80", "-", "(", "+", ",", ".", "e", "A"]
POST = ["", "", "", ",", ".", " ", "_", "a", "x", "e", "t", "A", "B", "/", ")", "(", "\"",
        "\xff", "}", " -", ", ", "x1", " 12", "-5"]
out = []
for _ in range(6000):
    p = rnd.choice(PREFIX)
    n = rnd.choice(range(11, 21))
    d = (p + "".join(rnd.choice("0123456789") for _ in range(n)))[:max(n, len(p))]
    if rnd.random() < 0.8:
        d = attacklib.luhn_fix(d)
    out.append(rnd.choice(PRE) + d + rnd.choice(POST))
attacklib.write_joined(sys.argv[1], rnd, out, [" ", "\n", "", "\t", ",", "\n\"id\":"], "4111111111111111")
PYEOF
same "card patterns by hand: 6,000 lone numbers, every prefix, glue" "$T/carddigits.txt"

# a run whose patterns all fail their counts is remembered by its bytes and two on each side
# (tokens.c, run_memo_*): each format, glued first to the neighbours that make it fail (a
# word byte before or after, a '_', a digit two away) and then to ones that let it match,
# many times over, in a file of many windows' worth
$PY - "$T/memo.txt" <<'PYEOF'
import random, sys
rnd = random.Random(23)
VALUES = ["4111 1111 1111 1111", "555-867-5309", "(555) 867-5309", "+44 20 7946 0958",
          "0044 20 7946 0958", "192.168.1.20", "52.5200, 13.4050", "2 85 2A 123 456 78",
          "AB 12 34 56 C", "GB82 WEST 1234 5698 7654 32", "nl91abna0417164300", "SW1A 1AA",
          "K1A 0B1", "CA 94105", "12345678-Z", "Y-1234567-X", "1EG4-TE5-MK73", "S1234567D",
          "1HGCM82633A004352", "0123.4567.89ab", "123-45-6789", "912-70-1234",
          "06 12 34 56 78", "030 1234567", "2025-01-20", "2025-01-20T16", "3.25.24",
          "DE89 3704 0044 0532 0130 00", "ES91 2100 0418 4502 0005 1332"]
GLUE = ["_", "a", "Z", "x", "e", "9", "\x80", "(", ")", "\"", ":", "=", "\n", "\t", "/", ",",
        "5 ", "5-", "a_", "__", "9a", "\"_", "(_", ":\"", "=(", "\xc3\xa9"]
out = []
for _ in range(4000):
    v = rnd.choice(VALUES)
    out.append(rnd.choice(GLUE) + v + rnd.choice(GLUE))
open(sys.argv[1], "wb").write((" ".join(out) + " ").encode("latin-1") * 3)
PYEOF
same "runs remembered by their bytes: 12,000 formats glued to failing and matching neighbours" "$T/memo.txt"

# TC_PH's marks (tokens.c, marked()): a match needs one number that opens its run, and these
# are the matches with only one such number, each beside the text that no longer opens a run
# (a log's years, sizes, latencies, "+0000"); the files must hold findings, so a mark that
# is dropped shows as a difference
$PY - "$T/phmarks.txt" <<'PYEOF'
import random, sys
rnd = random.Random(11)
def nir():
    dept = rnd.choice(["2A", "2B"])
    body = "%d%02d%02d%s%03d%03d" % (rnd.choice([1, 2]), rnd.randrange(100),
                                      rnd.randrange(1, 13), dept, rnd.randrange(1, 990),
                                      rnd.randrange(1, 999))
    v = int(body.replace("2A", "19").replace("2B", "18"))
    return body, "%02d" % (97 - v % 97)
def luhn(p, n):
    d = p + "".join(str(rnd.randrange(10)) for _ in range(n - len(p) - 1))
    for c in "0123456789":
        t = [int(x) for x in d + c][::-1]
        if sum(x if i % 2 == 0 else (2 * x) // 10 + (2 * x) % 10 for i, x in enumerate(t)) % 10 == 0:
            return d + c
out = []
for _ in range(400):
    b, k = nir()
    out.append(b + k)                                        # 2A then digits
    out.append(b[:7] + " " + b[7:] + k)                      # 2A then a space
    out.append(b[0] + " " + b[1:3] + " " + b[3:5] + " " + b[5:7] + " " + b[7:10] + " "
               + b[10:] + " " + k)
    out.append(luhn(rnd.choice(["6759", "6304", "5018"]), 12))  # 12 digits, one number
    out.append("+44" + "".join(str(rnd.randrange(10)) for _ in range(rnd.randrange(7, 9))))
    out.append("0049" + "".join(str(rnd.randrange(10)) for _ in range(7)))
    out.append("0%d%d/%07d" % (rnd.randrange(1, 10), rnd.randrange(10), rnd.randrange(10**7)))
    out.append("[20/Mar/2025:16:13:%02d +0000] %d latency_ms=%d +0%d 00%d" % (
        rnd.randrange(60), rnd.randrange(10**5), rnd.randrange(10**4), rnd.randrange(10**4),
        rnd.randrange(10**6)))
open(sys.argv[1], "w").write("".join(v + rnd.choice([" ", "\n", ", ", " x "]) for v in out))
PYEOF
n=$("$AKIOS" protect scan --json "$T/phmarks.txt" | $PY -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
check "the TC_PH mark cases hold findings ($n)" [ "$n" -gt 2000 ]
same "TC_PH's marks: Corsican NIRs, 12-digit cards, +cc and 00cc numbers, 0xx/ numbers" \
        "$T/phmarks.txt"

# TC_U's marks: a capital beside a number, one space before it, or one space or dash after
# it; a dash before it opens nothing (an order number's "ORD-53862255"). These are the
# matches whose numbers have no capital right beside them (NIF and NIE with dashes, a zip
# code after its state, an NI number and an MBI with separators), next to ORD-style ids
$PY - "$T/umarks.txt" <<'PYEOF'
import random, sys
rnd = random.Random(29)
L23 = "TRWAGMYFPDXBNJZSQVHLCKE"
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
def d(n):
    return "".join(str(rnd.randrange(10)) for _ in range(n))
out = []
for _ in range(400):
    n = d(8)
    out.append(n + "-" + L23[int(n) % 23])                       # NIF, dash before the letter
    k, n = rnd.randrange(3), d(7)
    sep1, sep2 = rnd.choice([("-", "-"), ("-", ""), ("", "-")])
    out.append("XYZ"[k] + sep1 + n + sep2 + L23[int(str(k) + n) % 23])  # NIE
    out.append(rnd.choice(["CA", "NY", "TX", "WA", "FL"]) + " " + d(5) +
               rnd.choice(["", "-" + d(4)]))                     # zip code after a state
    out.append(rnd.choice("ABCEGHJKLMNPRSTWXYZ") + rnd.choice("ABCEGHJKLMNPRSTWXYZ") +
               " %s %s %s " % (d(2), d(2), d(2)) + rnd.choice("ABCD"))  # NI number
    m = (str(rnd.randrange(1, 10)) + rnd.choice(MBI_L) + rnd.choice(MBI_L + "0123456789") + d(1),
         rnd.choice(MBI_L) + rnd.choice(MBI_L + "0123456789") + d(1),
         rnd.choice(MBI_L) + rnd.choice(MBI_L) + d(2))
    out.append("-".join(m))                                      # MBI with dashes
    out.append("ORD-" + d(8))
    out.append("REF-" + d(6) + "-" + rnd.choice("ABCXYZ"))
open(sys.argv[1], "w").write("".join(v + rnd.choice([" ", "\n", ", ", " x ", "\t"]) for v in out))
PYEOF
n=$("$AKIOS" protect scan --json "$T/umarks.txt" | $PY -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
check "the TC_U mark cases hold findings ($n)" [ "$n" -gt 1500 ]
same "TC_U's marks: NIF, NIE, zip codes, NI numbers, MBIs beside ORD- ids" "$T/umarks.txt"

# the marks that hang on a number's length and the bytes after it (tokens.c,
# marked_by_length()): TC_PH's separator mark asks for 11 bytes of digits and separators from
# the number on, or ipv4's 7 of digits and dots, or a coordinate's 1-2 digits, dot and 4
# digits; its leading-0 mark 8 bytes; TC_U's single capitals and TC_DMS's degree sign the
# lengths their regexes and validators put there. Each value below is the shortest form of its
# pattern, or one whose only such number sits at one of those lengths (postcodes A9 and A99,
# NI numbers with spaces, VINs ending in 4 to 7 digits after one capital), glued to bytes
# outside those sets, beside
# a log's dates, times, sizes and versions, and at the file's end
$PY - "$T/lenmarks.txt" "$T/lenmarks-end" <<'PYEOF'
import attacklib
import random, sys
rnd = random.Random(31)
L23 = "TRWAGMYFPDXBNJZSQVHLCKE"
MBI_L = "ACDEFGHJKMNPQRTUVWXY"
VINV = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3,
                                             4, 5, 6, 7, 8, 9]))
VINW = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
def d(n):
    return "".join(str(rnd.randrange(10)) for _ in range(n))
def ssn(sep):
    return "%03d%s%02d%s%04d" % (rnd.randrange(1, 665), sep, rnd.randrange(1, 100), sep,
                                  rnd.randrange(1, 10000))
def vin(tail):  # a valid VIN whose last number is `tail` digits long (4 to 7)
    v = [rnd.choice("123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(17 - tail)]
    v[-1] = rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    v[rnd.randrange(0, 17 - tail - 1)] = rnd.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    v += list(d(tail))
    if tail >= 9:
        return None
    s = sum((int(c) if c.isdigit() else VINV[c]) * w for c, w in zip(v, VINW))
    v[8] = "X" if s % 11 == 10 else str(s % 11)
    return "".join(v)
def vin_lone(tail):  # one whose only number with a mark is its last: no two capitals before
    while True:        # a number, none at its start
        v = list(d(2)) + [c for _ in range(7) for c in (rnd.choice("ABCDEFGHJKLMNPRSTUVWYZ"), d(1))]
        v = v[:16 - tail] + [rnd.choice("ABCDEFGHJKLMNPRSTUVWYZ")] + list(d(tail))
        s = sum((int(c) if c.isdigit() else VINV[c]) * w for c, w in zip(v, VINW))
        if s % 11 != 10:
            v[8] = str(s % 11)
            return "".join(v)
def vals():
    return [ssn(" "), ssn("-"), "9%02d-%d-%04d" % (rnd.randrange(100), rnd.choice([50, 65, 70, 88, 92]),
                                                   rnd.randrange(1, 10000)),
            "%d.%d.%d.%d" % tuple(rnd.choice([1, 9, 10, 99, 100, 255]) for _ in range(4)),
            "%d.%04d,%d.%04d" % (rnd.randrange(1, 90), rnd.randrange(10**4), rnd.randrange(1, 180),
                                 rnd.randrange(10**4)),
            "%d.%04d, -%d.%04d" % (rnd.randrange(10), rnd.randrange(10**4), rnd.randrange(10),
                                   rnd.randrange(10**4)),
            "555-%03d-%04d" % (rnd.randrange(200, 999), rnd.randrange(10**4)),
            "1-555-%03d-%04d" % (rnd.randrange(200, 999), rnd.randrange(10**4)),
            "0%d-%s" % (rnd.randrange(1, 10), d(rnd.choice([5, 6, 8]))),
            "0%d%s" % (rnd.randrange(1, 10), rnd.choice(["", " "]) + d(3) + " " + d(4)),
            "06 %s %s %s %s" % (d(2), d(2), d(2), d(2)),
            attacklib.luhn_fix("4111" + d(12)), attacklib.luhn_fix("4111" + d(12))[:4] + " " +
            attacklib.luhn_fix("4111" + d(12))[4:],
            rnd.choice("ABDEGHJLMNPRST") + d(rnd.choice([1, 2])) + " " + d(1) +
            rnd.choice("ABDEFGHJLNPQRSTUWXYZ") + rnd.choice("ABDEFGHJLNPQRSTUWXYZ"),  # A9 9AA, A99 9AA
            rnd.choice("ABCEGHJKLMNPRSTVXY") + d(1) + rnd.choice("ABCEGHJKLMNPRSTVWXYZ") +
            rnd.choice(["", " "]) + d(1) + rnd.choice("ABCEGHJKLMNPRSTVWXYZ") + d(1),
            rnd.choice("STFGM") + d(7) + rnd.choice(L23),
            "AB " + rnd.choice([d(2) + " " + d(2) + " " + d(2), d(4) + " " + d(2), d(6)]) + " " +
            rnd.choice("ABCD"),
            rnd.choice(["CA", "NY", "TX"]) + " " + d(5),
            str(rnd.randrange(1, 10)) + rnd.choice(MBI_L) + rnd.choice(MBI_L) + d(1) +
            rnd.choice(["", "-"]) + rnd.choice(MBI_L) + rnd.choice(MBI_L) + d(1) +
            rnd.choice(["", "-"]) + rnd.choice(MBI_L) + rnd.choice(MBI_L) + d(2)]
out = []
for _ in range(500):
    n = d(8)
    k, m = rnd.randrange(3), d(7)
    out += vals()
    out.append(n + rnd.choice(["", "-"]) + L23[int(n) % 23])
    out.append("XYZ"[k] + rnd.choice(["-", ""]) + m + rnd.choice(["-", ""]) + L23[int(str(k) + m) % 23])
    out.append(vin(rnd.randint(4, 7)))
    out.append(vin_lone(rnd.randint(4, 7)))
    out.append("%d%s%02d'%02d\"%s, %d%s%02d'%02d\"%s" % (rnd.randrange(100), rnd.choice(["d", "\xb0"]),
               rnd.randrange(60), rnd.randrange(60), rnd.choice("NS"), rnd.randrange(180),
               rnd.choice(["d", "\xb0"]), rnd.randrange(60), rnd.randrange(60), rnd.choice("EW")))
    out.append(rnd.choice(["2025-01-20T16:13:23.963Z", "[20/Mar/2025:16:13:21 +0000]", " 200 51333 ",
                           "HTTP/1.1\"", "req=785da35b6b0bc842", "Firefox/61.0", "X 14_159)",
                           "Gecko/20100101 Firefox", "2025-01-20", "3.25.24", "16:13:27.815Z"]))
out = [v.replace("\xb0", "\xc2\xb0") for v in out if v]
PRE = ["", "", " ", "\n", "(", ",", "\"", "=", "/", ":", "-", "_", "a", "Z", "9", ".", "+", "#", "T"]
POST = ["", "", " ", ",", "\"", ")", ";", "x", "T", "Z", "/", ".", "-", "_", "a", "9", ".5", " 5",
        "-5", "\n", "e", "A"]
out = [rnd.choice(PRE) + v + rnd.choice(POST) for v in out]
attacklib.write_joined(sys.argv[1], rnd, out, [" ", "\n", "", "\t", ", "])
for i, v in enumerate(out[:40]):  # each alone, at the file's end
    open("%s%d.txt" % (sys.argv[2], i), "wb").write(("x " + v.strip()).encode("latin-1"))
PYEOF
n=$("$AKIOS" protect scan --json "$T/lenmarks.txt" | $PY -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
check "the length mark cases hold findings ($n)" [ "$n" -gt 4000 ]
same "marks by length: the shortest forms and log shapes, glued" "$T/lenmarks.txt"
bad=0
for f in "$T"/lenmarks-end*.txt; do
        AKIOS_PII_DETECT_NAMES=false "$AKIOS" protect scan --json "$f" > "$T/hs.json"
        AKIOS_PII_DETECT_NAMES=false AKIOS_PII_ENGINE=pcre2 "$AKIOS" protect scan --json "$f" |
                sed 's/"engine":"pcre2"/"engine":"hyperscan+pcre2"/' > "$T/pc.json"
        cmp -s "$T/hs.json" "$T/pc.json" || bad=$((bad + 1))
done
is "$bad" 0 "marks by length: 40 of those values at the file's end, as PCRE2 finds them"

# tokens.c finds its numbers in the digit mask of each 64-byte block of the window and visits
# only those the block's masks show may be marked (block_marks()): each mark's bytes before
# and after the number, the 12 digits, the 8 letters or digits of a Bitcoin address and the
# 4-hex-digit words beside a dot read across the block's edges. Each value below has one mark
# only (the DMS coordinates their degree sign or d, the MACs their dotted word), and is put at
# every offset of a block, after bytes in no class (the last four MACs have one digit each,
# 1 to 4 bytes from its dot, which marked()'s dot_near() looks for).
$PY - "$T/blocks.txt" <<'PYEOF'
import sys
vals = [b"48\xc2\xb051'24\"N, 2\xc2\xb021'03\"E", b"40d26'46\"N,79d58'46\"W", b"0011.2233.4455",
        b"ab12.cd34.ef56", b"x.0a1b.2c3d.4e5f", b"abcd.ef12.fedc", b"abcd.abcd.0fed", b"a1cd.abcd.abcd",
        b"Ab1d.abcd.abcd", b"abc1.abcd.abcd", b"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        b"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", b"nl91abna0417164300", b"de89370400440532013000",
        b"(555) 867-5309", b"+44 20 7946 0958", b"030 1234 5678", b"0044 20 7946 0958",
        b"4111111111111111", b"4111 1111 1111 1111", b"X-1234567-L", b"Y1234567X", b"SW1A 1AA",
        b"NY 10001-1234", b"AB 12 34 56 C", b"192.168.1.20", b"1HGCM82633A004352",
        b"512-34-6789", b"52.5200, 13.4050", b"1 85 05 78 006 084 91", b"12345678Z",
        b"1abc.abcd.abcd", b"abcd.abc1.abcd", b"abcd.1abc.abcd", b"abcd.abcd.abc1"]
out = bytearray()
for v in vals:
    for r in range(64):
        pad = (r - len(out) - 1) % 64 + 1
        out += b"#" * (pad - 1) + b" " + v + b" #\n"
open(sys.argv[1], "wb").write(out)
PYEOF
n=$("$AKIOS" protect scan --json "$T/blocks.txt" | $PY -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
check "each value at each offset of a block is found ($n of 2240)" [ "$n" -ge 2240 ]
same "one-mark values at every offset of a 64-byte block" "$T/blocks.txt" false

if $PY "$AKIOS_SRC/tests/pii/tokens-fuzz.py" --akios "$AKIOS" --seed 7 --cases 2000 \
        --kinds glue,edges > "$T/fuzz.log" 2>&1; then
        _tap_line 1 "tokens-fuzz.py seed 7: no difference"
else
        _tap_line 0 "tokens-fuzz.py seed 7: the engines differ"
        grep -A4 DIFF "$T/fuzz.log" | head -20 | sed 's/^/# /'
fi
# a value that ends the file, whose number is marked only by the bytes before it ("NH " for
# us_zip_state, '+' for phone_intl, the leading 0 of phone_national), at each file length
# modulo 64: the number's end is the buffer's end, which a reader by 64-byte blocks sees one
# past its last block (a branch-free block reader tried for issue 11 missed these)
bad=0
for v in 'NH 72169' '+44 20 7946 0958' 'Tel 030 1234567'; do
        for pad in $(seq 0 64); do
                $PY -c 'import sys; sys.stdout.write("#" * int(sys.argv[1]) + " " + sys.argv[2])' \
                        "$pad" "$v" > "$T/end.txt"
                AKIOS_PII_DETECT_NAMES=false "$AKIOS" protect scan --json "$T/end.txt" > "$T/hs.json"
                AKIOS_PII_DETECT_NAMES=false AKIOS_PII_ENGINE=pcre2 "$AKIOS" protect scan --json \
                        "$T/end.txt" | sed 's/"engine":"pcre2"/"engine":"hyperscan+pcre2"/' \
                        > "$T/pc.json"
                if ! cmp -s "$T/hs.json" "$T/pc.json" || ! grep -q '"findings":\[{' "$T/hs.json"; then
                        [ $bad -lt 5 ] && echo "# differs or finds nothing: pad $pad, '$v'"
                        bad=$((bad + 1))
                fi
        done
done
is "$bad" 0 "a value that ends the file, at every length modulo 64: found, as PCRE2 finds it"
# the same values in a 64-byte block with five numbers more ("1#2#3#4#5#"), ending on its
# last byte or up to 7 before, then 192 bytes without a digit: a reader that takes dense
# blocks by masks and sparse ones a number at a time must see the number's end in the next
# block (the block reader tried for issue 11 missed these)
$PY -c '
import sys
out = []
for k in range(8):
    for v in ("NH 72169", "+44 20 7946 0958", "Tel 030 1234567", "192.168.1.20"):
        out.append("1#2#3#4#5#" + "#" * (64 - 11 - len(v) - k) + " " + v + "#" * (k + 192))
sys.stdout.write("".join(out))' > "$T/switch.txt"
same "a value that ends at or near a 64-byte block's end, before a block without digits" "$T/switch.txt" false
# phone_intl is matched by hand in both engines (src/pii/tokintl.c; tests/unit/test-pii.c
# compares it with PCRE2's raw matches): numbers after '+' and "00" in 2 to 7 groups with
# separators and parentheses, and the hostile ones, 20 to 40 digits glued to a letter, on
# which PCRE2 backtracked through thousands of splits (a Debian version's
# "+201911120943210600592d" cost it 520,000 cycles)
$PY - "$T/intl.txt" <<'PYEOF'
import attacklib
import random
import sys
rnd = random.Random(11)
SEP = ["", " ", " ", "-", ".", "  ", "/"]
POST = ["", " ", "d", "_", ")", ".", "x", "\n", "a"]
out = []
for i in range(4000):
    head = rnd.choice(["+", "+", "00", "0", "_00", "a+"])
    if i % 10 == 0:
        v = head + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(20, 40)))
    else:
        groups = []
        for _ in range(rnd.randint(2, 8)):
            g = "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 6)))
            if rnd.random() < 0.15:
                g = "(" + g + ")"
            groups.append(g)
        v = head + str(rnd.randint(1, 999)) + "".join(rnd.choice(SEP) + g for g in groups)
    out.append(v + rnd.choice(POST))
attacklib.write_joined(sys.argv[1], rnd, out, [" ", "\n", " tel ", ", "])
PYEOF
same "phone_intl by hand: 4,000 numbers after + and 00, 400 of them 20-40 digits" "$T/intl.txt"
n=$("$AKIOS" protect scan --json "$T/intl.txt" | grep -o '"PHONE_NUMBER"' | wc -l)
if [ "$n" -gt 500 ]; then
        _tap_line 1 "phone_intl by hand: the file's numbers are found ($n)"
else
        _tap_line 0 "phone_intl by hand: the file's numbers are found ($n)"
fi
done_testing
