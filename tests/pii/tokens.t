#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The token prefilter (src/pii/tokens.c, issue 11 item 4) finds exactly what PCRE2 over the
# whole text finds, for every class-led pattern it took from Hyperscan: on text made to be its
# worst case (tests/pii/gen-tokens.py: every format those patterns know, mutated and glued to
# random neighbours), at several seeds, with names on and off, the Hyperscan engine's findings
# are byte for byte those of AKIOS_PII_ENGINE=pcre2. Also: each format is still found.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3

require_hyperscan
for seed in 1 2 3 4; do
        $PY "$AKIOS_SRC/tests/pii/gen-tokens.py" --seed $seed --bytes 400000 "$T/t$seed.txt"
        for names in false true; do
                AKIOS_PII_DETECT_NAMES=$names "$AKIOS" protect scan --json "$T/t$seed.txt" \
                        > "$T/hs.json"
                AKIOS_PII_DETECT_NAMES=$names AKIOS_PII_ENGINE=pcre2 "$AKIOS" protect scan \
                        --json "$T/t$seed.txt" | sed 's/"engine":"pcre2"/"engine":"hyperscan+pcre2"/' \
                        > "$T/pc.json"
                n=$($PY -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$T/pc.json")
                check "seed $seed names $names: the text holds findings ($n)" [ "$n" -gt 1000 ]
                if cmp -s "$T/hs.json" "$T/pc.json"; then
                        _tap_line 1 "seed $seed names $names: Hyperscan + token prefilter find what PCRE2 alone finds"
                else
                        _tap_line 0 "seed $seed names $names: the engines differ"
                        $PY - "$T/hs.json" "$T/pc.json" "$T/t$seed.txt" <<'PYEOF' | head -20 | sed 's/^/# /'
import json, sys
a = {(f["start"], f["end"], f["type"]) for f in json.load(open(sys.argv[1]))["findings"]}
b = {(f["start"], f["end"], f["type"]) for f in json.load(open(sys.argv[2]))["findings"]}
t = open(sys.argv[3], "rb").read()
for tag, d in (("only hyperscan", a - b), ("only pcre2", b - a)):
    for s, e, ty in sorted(d)[:10]:
        print(tag, ty, repr(t[max(0, s - 20):e + 20]))
PYEOF
                fi
        done
done
done_testing
