#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Audit ledger benchmark (run by `make bench`): appends/s with fsync: always (fdatasync per
# event) and fsync: batch (group commit), through the real writer (audit_open/append/
# checkpoint/close, each event a ~330-byte canonical JSON line), then `akios audit verify`
# over 1,000,000 events. Goals (issue 5): >= 1,500/s always, >= 100,000/s batch, verify 1M < 2 s.
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
: "${AKIOS:=$SRC/akios}"
: "${AKIOS_BUILD:=$SRC/build}"
TOOL=$AKIOS_BUILD/tests/test-audit-crash
[ -x "$TOOL" ] || make -C "$SRC" --no-print-directory -s B="$AKIOS_BUILD" "$TOOL" >&2
W=$(mktemp -d "${BENCH_TMPDIR:-$SRC}/.bench-audit.XXXXXX")
trap 'rm -rf "$W"' EXIT

echo "audit ledger (disk under $(dirname "$W")):"
"$TOOL" bench "$W/always" 5000 always | sed 's/^/  fsync /'
mkdir -p "$W/p"
: >"$W/p/config.yaml"
"$TOOL" bench "$W/p/audit" 1000000 batch | sed 's/^/  fsync /'
cd "$W/p"
t0=$(date +%s.%N)
"$AKIOS" audit verify >/dev/null
t1=$(date +%s.%N)
echo "  audit verify, 1,000,000 events: $(echo "$t0 $t1" | awk '{printf "%.2f", $2 - $1}') s" \
        "(ledger $(du -m audit/ledger.jsonl | cut -f1) MB)"
