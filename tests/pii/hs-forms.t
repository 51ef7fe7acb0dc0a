#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Patterns the default engine does not run whole in Hyperscan (issue 11, item 4): email hands it
# only a prefix (PAT_FWD), phone_national is found by the token prefilter (src/pii/tokens.c).
# Every alternative of the full regex is still found whole, with its span, by the default
# engine, and PCRE2 alone finds exactly the same.
. "$AKIOS_SRC/tests/lib.sh"

# one alternative of phone_national per line, with no phone word around it
cat > "$T/pn.txt" <<'TXT'
x 01 23 45 67 89 y
x 01.23.45.67.89 y
x 01-23-45-67-89 y
x 0161 496 0123 y
x 020 7946 0958 y
x 0412 345 678 y
x 089/1234567 y
x 030 123 4567 y
x 0301 23 45 67 y
x (030) 1234 5678 y
at 2025-01-20T16:13:23.963Z ok
TXT
run "$AKIOS" protect redact "$T/pn.txt"
is "$(printf '%s\n' "$out" | grep -c '^x \[PHONE_NUMBER\] y$')" 10 \
        "phone_national: each of its 10 forms redacted whole"
like "$(printf '%s\n' "$out" | tail -n 1)" "^at 2025-01-20T16:13:23.963Z ok$" \
        "phone_national: an ISO timestamp is no phone"
run "$AKIOS" protect scan "$T/pn.txt"
is "$(printf '%s\n' "$out" | grep -c 'phone_national$')" 10 "phone_national: the detector that found them"

# e-mail: the shortest and longest local parts and domains, several on a line, one at the end
long=$(printf 'a%.0s' $(seq 64))
lab=$(printf 'b%.0s' $(seq 63))
printf '%s\n' "x@y.co" "mail a.b+c@sub.example.org, d_e@f-g.de; h@i.jp" \
        "${long}@${lab}.${lab}.com" "not an address: a@b, @example.com, user@localhost" \
        > "$T/em.txt"
printf 'last q@r.io' >> "$T/em.txt"
run "$AKIOS" protect redact "$T/em.txt"
is "$out" "[EMAIL_ADDRESS]
mail [EMAIL_ADDRESS], [EMAIL_ADDRESS]; [EMAIL_ADDRESS]
[EMAIL_ADDRESS]
not an address: a@b, @example.com, user@localhost
last [EMAIL_ADDRESS]" "email: every address whole, nothing else"

# e-mails reported at their '@' and searched from 66 bytes before it (patterns.c `back`):
# local parts of 1-70 bytes, addresses glued to each other and to word bytes, chained through
# shared dots and '@'s, a few bytes or a long way apart
/usr/bin/python3 - "$T/emr.txt" <<'PYEOF'
import random
import sys
rnd = random.Random(9)
LOC = "abcxyzABZ0129._%+-"
DOM = "abcdefxyz019-"
def part(alpha, lo, hi):
    return "".join(rnd.choice(alpha) for _ in range(rnd.randint(lo, hi)))
out = []
for _ in range(5000):
    local = part(LOC, 1, 70) if rnd.random() < 0.3 else part(LOC, 1, 12)
    dom = ".".join(part(DOM, 1, 8) for _ in range(rnd.randint(1, 4)))
    tld = part("comorgdeio", 1, 4)
    v = local + "@" + dom + "." + tld
    if rnd.random() < 0.2:
        v += "." + part(LOC, 1, 6) + "@" + part(DOM, 1, 6) + ".com"
    out.append(rnd.choice(["", " ", "_", "a", ".", "<", "\x80", "@"]) + v +
               rnd.choice(["", " ", ".", ",", "_", "@", ">", "\xff", "-x"]))
txt = ""
for v in out:
    txt += v + rnd.choice([" ", "\n", "", " " * rnd.randint(1, 80), " and "])
open(sys.argv[1], "wb").write(txt.encode("latin-1"))
PYEOF

# where the e-mail and PEM searches begin (scan.c, search_start()), against Python's re (the
# same leftmost-first semantics for these regexes on bytes): BEGIN lines with no END (no
# finding), 600 BEGIN lines before a key (the match starts at the first BEGIN within 16,000
# bytes of the END, not at the first), and '@' bytes that begin no address before one that
# does
/usr/bin/python3 - "$T/ss" "$AKIOS" > "$T/ss.out" <<'PYEOF'
import json, re, subprocess, sys
pem = re.compile(rb"-----BEGIN[A-Z0-9 ]{0,30} PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\s:,.()\\-]{0,16000}?-----END[A-Z0-9 ]{0,30} PRIVATE KEY(?: BLOCK)?-----")
head = b"-----BEGIN RSA PRIVATE KEY-----\n"
key = b"MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw\n-----END RSA PRIVATE KEY-----\n"
cases = {"noend": head * 2000, "far": head * 600 + key, "near": b"x\n" + head * 3 + key}
bad = 0
for name, text in cases.items():
    path = "%s-%s.txt" % (sys.argv[1], name)
    open(path, "wb").write(text)
    out = subprocess.run([sys.argv[2], "protect", "scan", "--json", path], capture_output=True).stdout
    got = [(f["start"], f["end"]) for f in json.loads(out)["findings"] if f["type"] == "PRIVATE_KEY"]
    m = pem.search(text)
    want_start = m.start() if m else None
    ok = (want_start is None and not any(e - s > 40 for s, e in got)) or \
         (want_start is not None and (m.start(), m.end()) in got)
    print("%d PEM search start, %s: python re starts at %s, akios %s" % (ok, name, want_start, got[:2]))
PYEOF
while read -r r name; do _tap_line "$r" "$name"; done < "$T/ss.out"

for f in pn em emr; do
        hs=$("$AKIOS" protect scan --json "$T/$f.txt")
        pc=$(AKIOS_PII_ENGINE=pcre2 "$AKIOS" protect scan --json "$T/$f.txt" | sed 's/"engine":"pcre2"/"engine":"hyperscan+pcre2"/')
        case $hs in
        *'"engine":"hyperscan+pcre2"'*) is "$pc" "$hs" "$f: PCRE2 alone finds the same" ;;
        *) skip "this build or CPU has no Hyperscan" ;;
        esac
done
done_testing
