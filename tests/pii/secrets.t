#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Secrets whole, in the shapes real files have (issue 11): one real-shaped file per shape
# (tests/pii/secrets-files.py); after `akios protect redact` no 12-character window of any of
# its secrets survives, and the placeholders in the same file are left as they are.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3

# check_file NAME: every 12-byte window of every secret is gone; every placeholder stays
cat > "$T/check.py" <<'PYEOF'
import sys
red = open(sys.argv[1]).read()
bad = []
for s in open(sys.argv[2]).read().splitlines():
    for i in range(max(1, len(s) - 11)):
        w = s[i:i + 12]
        if w in red:
            bad.append("window %r of a %d-byte secret survives" % (w[:4] + "...", len(s)))
            break
for k in open(sys.argv[3]).read().splitlines():
    if k not in red:
        bad.append("placeholder %r was redacted" % k)
print("\n".join(bad))
PYEOF

for name in $($PY "$AKIOS_SRC/tests/pii/secrets-files.py" "$T"); do
        run "$AKIOS" protect redact "$T/$name.file"
        if [ "$rc" != 0 ]; then
                is "$rc" 0 "$name: redact exits 0"
                continue
        fi
        printf '%s\n' "$out" > "$T/$name.red"
        is "$($PY "$T/check.py" "$T/$name.red" "$T/$name.secret" "$T/$name.keep")" "" \
                "$name: secrets redacted whole, placeholders kept"
        # the PCRE2-only engine finds the same
        a=$("$AKIOS" protect scan "$T/$name.file" 2>&1)
        b=$(AKIOS_PII_ENGINE=pcre2 "$AKIOS" protect scan "$T/$name.file" 2>&1)
        is "$b" "$a" "$name: same findings with PCRE2 alone"
done
done_testing
