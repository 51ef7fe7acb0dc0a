#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Independent accuracy check of `akios protect scan` on corpora its author never saw:
# tests/pii-eval/gen.py writes a labelled corpus (own value generators, several document genres,
# a hard-negative set), score.py runs the real binary on every document and scores it with
# Presidio-style span overlap. Fails when overall F2 < 0.95 on either seed or when any
# hard-negative document gets a finding. Misses and false positives are listed as `#` lines
# with the values masked.
. "$AKIOS_SRC/tests/lib.sh"

PY=/usr/bin/python3
if ! "$PY" -c 'import faker' 2>/dev/null; then
        skip "python3-fake-factory (Debian faker) not installed for $PY"
        done_testing
        exit
fi

for seed in 1 2; do
        run "$PY" "$AKIOS_SRC/tests/pii-eval/gen.py" --seed "$seed" -o "$T/corpus-$seed.jsonl"
        is "$rc" 0 "seed $seed: corpus generated"
        n=$(wc -l <"$T/corpus-$seed.jsonl")
        check "seed $seed: corpus has documents ($n)" test "$n" -gt 100
        run "$PY" "$AKIOS_SRC/tests/pii-eval/score.py" "$T/corpus-$seed.jsonl" \
                --akios "$AKIOS" --min-f2 0.95 --json "$T/score-$seed.json"
        printf '%s\n' "$out" | sed 's/^/# /'
        [ -n "$err" ] && printf '%s\n' "$err" | sed 's/^/# stderr: /'
        is "$rc" 0 "seed $seed: overall F2 >= 0.95 and no hard negative flagged"
        f2=$("$PY" -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["table"]["OVERALL"]["f2"])' \
                "$T/score-$seed.json" 2>/dev/null)
        negs=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["hard_negatives_flagged"])' \
                "$T/score-$seed.json" 2>/dev/null)
        like "$f2" '^(0\.9[5-9][0-9]|1\.000)$' "seed $seed: overall F2 $f2 >= 0.95"
        is "$negs" 0 "seed $seed: hard negatives flagged"
done

done_testing
