#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/pii-findings.sh: the detection fingerprint of a build, for changes to the scan engine
# that must not change what is found (issue 11, item 4). It generates fixed corpora once (the
# three bench kinds at PII_FINDINGS_BYTES each, the test generators' corpora at their seeds,
# tests/pii/formats.tsv and tests/docs/data), then writes, per corpus, `protect scan --json`
# with names on and off, and a checksum of `protect redact` (mask), into OUT.
#   sh bench/pii-findings.sh OUT            then   diff -r BEFORE AFTER
# AKIOS (./akios), AKIOS_BUILD (build); corpora are cached in $AKIOS_BUILD/pii-findings-corpora.
set -eu
: "${AKIOS:=./akios}"
: "${AKIOS_BUILD:=build}"
: "${PII_FINDINGS_BYTES:=5000000}"
OUT=${1:?usage: pii-findings.sh OUT}
SRC=$(cd "$(dirname "$0")/.." && pwd)
PY=/usr/bin/python3
C="$AKIOS_BUILD/pii-findings-corpora"

if [ ! -e "$C/.done" ]; then
        rm -rf "$C"
        mkdir -p "$C/sf"
        for kind in prose logs json; do
                $PY "$SRC/bench/gen-pii-corpus.py" --kind "$kind" --bytes "$PII_FINDINGS_BYTES" \
                        "$C/bench-$kind.txt"
        done
        for t in a b; do
                $PY "$SRC/tests/pii/gen-corpus.py" --seed 1 --templates $t --records 3000 \
                        "$C/acc-$t.txt" "$C/acc-$t.labels"
        done
        $PY "$SRC/tests/pii/gen-corpus.py" --seed 1 --hard-negatives "$C/acc-hn.txt"
        $PY "$SRC/tests/pii/secrets-files.py" "$C/sf" > /dev/null
        for seed in 1 2; do
                $PY "$SRC/tests/pii-eval/gen.py" --seed $seed -o "$C/eval-$seed.labels"
                # the documents themselves, one after another
                $PY -c 'import json, sys
out = open(sys.argv[2], "w", encoding="utf-8")
for line in open(sys.argv[1], encoding="utf-8"):
    out.write(json.loads(line)["text"] + "\n\n")' "$C/eval-$seed.labels" "$C/eval-$seed.txt"
                $PY "$SRC/tests/pii-names/gen.py" --seed $seed "$C/names-$seed.txt" \
                        "$C/names-$seed.labels"
        done
        cp "$SRC/tests/pii/formats.tsv" "$C/formats.tsv"
        for f in "$SRC"/tests/docs/data/*; do
                [ "$(basename "$f")" = README ] || cp "$f" "$C/docs-$(basename "$f")"
        done
        touch "$C/.done"
fi

mkdir -p "$OUT"
for f in "$C"/*.txt "$C"/*.tsv "$C"/docs-* "$C"/sf/*; do
        [ -f "$f" ] || continue
        n=$(echo "${f#"$C"/}" | tr / _)
        AKIOS_PII_DETECT_NAMES=true "$AKIOS" protect scan --json "$f" > "$OUT/$n.names" 2>&1 || true
        AKIOS_PII_DETECT_NAMES=false "$AKIOS" protect scan --json "$f" > "$OUT/$n.nonames" 2>&1 || true
        { AKIOS_PII_DETECT_NAMES=true "$AKIOS" protect redact "$f" 2>&1 || true; } |
                sha256sum > "$OUT/$n.redact"
done
echo "pii-findings: $(ls "$OUT" | wc -l) files in $OUT"
