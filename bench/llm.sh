#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The cage's own overhead per LLM step: policy + redaction + budget + ledger on a 1 KB
# prompt, provider excluded (the mock answers in well under a microsecond). Measured as the
# difference between `akios run` of 1 and of N+1 mock llm steps, divided by N, best of 3.
# Reported for the ledger's `fsync: batch` (the cage's CPU cost) and `fsync: always` (the
# default, where the disk's fsync latency dominates). Goal: < 0.05 ms per step (batch).
set -eu
: "${AKIOS:=$(pwd)/akios}"
N=${BENCH_LLM_STEPS:-100}
T=$(mktemp -d "${TMPDIR:-/tmp}/akios-bench-llm.XXXXXX")
trap 'rm -rf "$T"' EXIT
"$AKIOS" init "$T/p" >/dev/null
cd "$T/p"
# N+1 steps pass the default step kill-switch (max_steps_per_run: 100): raise it for the bench
sed -i "s/^max_steps_per_run:.*/max_steps_per_run: $((N + 10))/" config.yaml
# 1 KB of prose with one e-mail address and one card number to redact.
PROMPT=$(printf 'Summarise the quarterly report for the board. %.0s' $(seq 1 20) | head -c 960)
PROMPT="$PROMPT mail a.b@example.com card 4111 1111 1111 1111"
workflow() {
        echo "name: bench"
        echo "steps:"
        i=1
        while [ "$i" -le "$1" ]; do
                printf '  - step: %d\n    agent: llm\n    action: complete\n' "$i"
                printf '    config: {provider: openai, model: gpt-4o-mini}\n'
                printf '    parameters: {prompt: "%s", max_tokens: 100}\n' "$PROMPT"
                i=$((i + 1))
        done
}
workflow 1 >one.yml
workflow $((N + 1)) >many.yml
best() { # CMD FILE: best wall time of 5 runs, in ns
        b=0
        for _ in 1 2 3 4 5; do
                t0=$(date +%s%N)
                AKIOS_MOCK_LLM=1 "$AKIOS" "$1" "$2" >/dev/null 2>&1 || { echo "bench: $1 failed" >&2; exit 1; }
                t=$(( $(date +%s%N) - t0 ))
                if [ "$b" = 0 ] || [ "$t" -lt "$b" ]; then b=$t; fi
        done
        echo "$b"
}
for mode in batch always; do
        sed -i "s/^fsync:.*/fsync: $mode/" config.yaml
        one=$(best run one.yml)
        many=$(best run many.yml)
        vone=$(best validate one.yml)
        vmany=$(best validate many.yml)
        per=$(awk -v a="$one" -v b="$many" -v n="$N" 'BEGIN { printf "%.4f", (b - a) / n / 1e6 }')
        parse=$(awk -v a="$vone" -v b="$vmany" -v n="$N" 'BEGIN { printf "%.4f", (b - a) / n / 1e6 }')
        net=$(awk -v p="$per" -v q="$parse" 'BEGIN { printf "%.4f", p - q }')
        echo "llm step (1 KB prompt, fsync: $mode): $per ms/step all in; $parse ms/step of it is YAML parse+validate; cage overhead $net ms/step (N=$N)"
done
