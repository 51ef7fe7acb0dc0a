#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# akios protect scan|redact: the CLI contract (CONTRACTS §1, §8): JSON shape, strategies,
# the hash key rules, stdin, exit codes, and a large input streamed across window edges.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3

printf 'mail jane@example.org, card 4111 1111 1111 1111, key AKIAQ3MZ7KXW2PLR4TNE\n' > "$T/in.txt"

run "$AKIOS" protect scan --json "$T/in.txt"
is "$rc" 0 "scan --json exits 0"
is "$(printf '%s' "$out" | $PY -c 'import json,sys; d=json.load(sys.stdin); print(d["bytes"], [(f["type"], f["category"], f["start"], f["end"]) for f in d["findings"]])')" \
        "74 [('EMAIL_ADDRESS', 'personal', 5, 21), ('CREDIT_CARD', 'financial', 28, 47), ('AWS_ACCESS_KEY', 'digital', 53, 73)]" \
        "scan --json: types, categories, byte offsets"
unlike "$out" 'jane|4111|AKIA' "scan never prints the matched text"

# which engine ran is said, never silently PCRE2 alone (issue 11)
run env AKIOS_PII_ENGINE=pcre2 "$AKIOS" protect scan --json "$T/in.txt"
like "$out" '"engine":"pcre2"}$' "scan --json names the engine (pcre2 when asked)"
if pkg-config --exists libhs 2>/dev/null; then
        run "$AKIOS" protect scan --json "$T/in.txt"
        like "$out" '"engine":"hyperscan\+pcre2"}$' "scan --json: Hyperscan by default when built in"
        is "$err" "" "and no warning"
        run "$AKIOS" doctor --json
        like "$out" '"pii_engine": *\{"engine": *"hyperscan\+pcre2"' "doctor --json names the PII engine"
        run "$AKIOS" doctor
        like "$out" 'pii +engine hyperscan\+pcre2' "doctor names the PII engine"
else
        skip "libhs is not installed: the build has no Hyperscan"
fi

run "$AKIOS" protect redact "$T/in.txt"
is "$out" "mail [EMAIL_ADDRESS], card [CREDIT_CARD], key [AWS_ACCESS_KEY]" "redact: mask by default"
run "$AKIOS" protect redact --strategy partial "$T/in.txt"
is "$out" "mail j***@example.org, card **** **** **** 1111, key [AWS_ACCESS_KEY]" "redact: partial"
run "$AKIOS" protect redact --strategy remove - < "$T/in.txt"
is "$out" "mail , card , key " "redact: remove, from stdin"

( cd "$T" && env -u AKIOS_PII_KEY_FILE "$AKIOS" protect redact --strategy hash in.txt ) > "$T/o" 2> "$T/e"
is "$?" 1 "hash without a key is refused"
like "$(cat "$T/e")" 'needs a key' "and says why"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$T/pii.key"
chmod 600 "$T/pii.key"
run env AKIOS_PII_KEY_FILE="$T/pii.key" "$AKIOS" protect redact --strategy hash "$T/in.txt"
like "$out" '^mail \[EMAIL_ADDRESS:[0-9a-f]{12}\], card \[CREDIT_CARD:[0-9a-f]{12}\]' "hash with AKIOS_PII_KEY_FILE"
chmod 644 "$T/pii.key"
run env AKIOS_PII_KEY_FILE="$T/pii.key" "$AKIOS" protect redact --strategy hash "$T/in.txt"
is "$rc" 1 "a world-readable key file is refused"

run "$AKIOS" protect scan "$T/missing.txt"
is "$rc" 2 "missing input file: exit 2"
run "$AKIOS" protect redact --strategy rot13 "$T/in.txt"
is "$rc" 2 "unknown strategy: exit 2"
run "$AKIOS" protect frobnicate "$T/in.txt"
is "$rc" 2 "unknown subcommand: exit 2"

# 3 MiB of filler with an e-mail every ~64 KiB: streamed, every value found, sizes right
$PY - "$T/big.txt" <<'PYEOF'
import sys
out = []
for i in range(48):
    out.append("x" * (65536 - 40 - (i % 7)) + " user%d@example.com " % i)
open(sys.argv[1], "w").write("".join(out))
PYEOF
run "$AKIOS" protect scan "$T/big.txt"
is "$(printf '%s\n' "$out" | grep -c EMAIL_ADDRESS)" 48 "large input: all 48 e-mails found across window edges"
"$AKIOS" protect redact "$T/big.txt" > "$T/big.red"
is "$(grep -o '\[EMAIL_ADDRESS\]' "$T/big.red" | wc -l)" 48 "large input: all 48 redacted"
is "$(grep -c '@example.com' "$T/big.red")" 0 "large input: nothing leaks"
done_testing
