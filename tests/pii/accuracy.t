#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# PII accuracy: a labelled corpus from the project's templates and one from templates it has
# never seen (other wording, context words, locales, seed), scored per type (precision,
# recall, F1, F2; span overlap); F2 must be >= 0.95. Hard negatives must give no finding.
# Both engines (Hyperscan prefilter, PCRE2 alone) must give identical findings.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3
G="$AKIOS_SRC/tests/pii/gen-corpus.py"
S="$AKIOS_SRC/tests/pii/score.py"

if ! $PY -c 'import faker' 2>/dev/null; then
        skip "python3-fake-factory (Debian's faker) is not installed"
        done_testing
        exit
fi

for spec in "a 1 project-templates" "b 2 unseen-templates"; do
        set -- $spec
        $PY "$G" --seed "$2" --templates "$1" --records 3000 "$T/$1.txt" "$T/$1.jsonl"
        run "$AKIOS" protect scan --json "$T/$1.txt"
        is "$rc" 0 "scan of the $3 corpus"
        printf '%s\n' "$out" > "$T/$1.json"
        echo "# corpus $3 (seed $2):"
        if $PY "$S" --min-f2 0.95 "$T/$1.jsonl" "$T/$1.json" "$T/$1.txt" > "$T/$1.score"; then
                r=1
        else
                r=0
        fi
        cat "$T/$1.score"
        is "$r" 1 "overall F2 >= 0.95 on the $3 corpus"
done

# the same findings from both engines
run env AKIOS_PII_ENGINE=pcre2 "$AKIOS" protect scan --json "$T/a.txt"
is "$rc" 0 "pcre2-only scan"
if AKIOS_PII_ENGINE=hyperscan "$AKIOS" protect scan --json "$T/a.txt" > "$T/a.hs" 2>/dev/null; then
        # the findings, not the "engine" each run names
        sed -i 's/,"engine":"[^"]*"}$/}/' "$T/a.hs"
        is "$(printf '%s\n' "$out" | sed 's/,"engine":"[^"]*"}$/}/' | cmp - "$T/a.hs" && echo same)" same \
                "hyperscan and pcre2 engines: identical findings"
else
        skip "Hyperscan not built in or not usable on this CPU"
fi

for seed in 3 4 5; do
        $PY "$G" --seed "$seed" --hard-negatives "$T/hn$seed.txt"
        run "$AKIOS" protect scan "$T/hn$seed.txt"
        like "$out" '^no findings in' "hard negatives (seed $seed): nothing flagged"
        [ "$rc" = 0 ] || diag "$err"
        printf '%s\n' "$out" | grep -v '^no findings' | head -5 | sed 's/^/# flagged: /'
done
done_testing
