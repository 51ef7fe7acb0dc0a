#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# audit export / proof / consistency checked by an independent RFC 9162 implementation
# (tests/helpers/rfc9162.py, python3 standard library), across two runs; and kill -9 of a
# process appending acknowledged events: every acknowledged event is present and the ledger
# verifies (exit 0, unsigned tail reported), then the next writer signs it.
. "$AKIOS_SRC/tests/lib.sh"
TOOL=$AKIOS_BUILD/tests/test-audit-crash
PY=/usr/bin/python3
CHECK=$AKIOS_SRC/tests/helpers/rfc9162.py

if [ ! -x "$TOOL" ]; then
        skip "ledger tool $TOOL not built"
        done_testing
        exit
fi
"$AKIOS" init "$T/p" >/dev/null 2>&1 || { mkdir -p "$T/p" && : >"$T/p/config.yaml"; }
cd "$T/p" || exit 1
"$TOOL" append audit 7 >/dev/null
run "$AKIOS" audit verify --json
old_root=$(printf '%s' "$out" | $PY -c 'import json,sys; print(json.load(sys.stdin)["root_hash"])')
"$TOOL" append audit 30 >/dev/null

run "$AKIOS" audit export --out "$T/export.json"
is "$rc" 0 "export written"
run $PY "$CHECK" export "$T/export.json"
is "$rc" 0 "independent RFC 9162 check: root and every inclusion proof ($out)"

run "$AKIOS" audit export
is "$rc" 0 "export to stdout"
printf '%s\n' "$out" >"$T/export2.json"
check "stdout export is the same document" cmp -s "$T/export.json" "$T/export2.json"

# 7 events and a checkpoint marker, then 30 and a marker: trees of 8 and 39.
run "$AKIOS" audit consistency 8 --json
is "$rc" 0 "consistency 8 -> 39"
printf '%s' "$out" >"$T/cons.json"
got=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["old_root"])' "$T/cons.json")
is "$got" "$old_root" "old_root is the root the first run's checkpoint signed"
run sh -c "$PY '$CHECK' consistency <'$T/cons.json'"
is "$rc" 0 "consistency proof between the two runs verifies independently"

# A wrong old root must be rejected by the independent checker (it can fail).
$PY -c 'import json,sys; d=json.load(open(sys.argv[1])); d["old_root"]="00"*32; print(json.dumps(d))' \
        "$T/cons.json" >"$T/cons-bad.json"
run sh -c "$PY '$CHECK' consistency <'$T/cons-bad.json'"
is "$rc" 1 "a consistency proof with a wrong old root is rejected"

sed -n 6p audit/ledger.jsonl >"$T/line5"
run sh -c "'$AKIOS' audit proof 5 --size 20 --json | $PY '$CHECK' inclusion --data '$T/line5'"
is "$rc" 0 "inclusion proof of event 5 in the tree of 20 verifies, leaf = SHA-256(0x00 || line)"
run "$AKIOS" audit proof 5
lines=$(printf '%s\n' "$out" | grep -cE '^[0-9a-f]{64}$')
is "$lines" 6 "text proof: one hex hash per line (6 for 5 in 39)"
run "$AKIOS" audit proof 39
is "$rc" 1 "index beyond the signed tree is refused"

# kill -9 while appending: acknowledged events survive, the log verifies.
for mode in always batch; do
        "$TOOL" append audit 100000000 "$mode" >"$T/acks.$mode" 2>/dev/null &
        pid=$!
        n=0
        while [ "$n" -lt 2000 ]; do
                sleep 0.05
                n=$(wc -l <"$T/acks.$mode")
        done
        kill -9 "$pid"
        wait "$pid" 2>/dev/null
        last=$(tail -n 2 "$T/acks.$mode" | grep -E '^[0-9]+$' | tail -n 1)
        run "$AKIOS" audit verify --json
        is "$rc" 0 "$mode: killed ledger verifies"
        events=$(printf '%s' "$out" | $PY -c 'import json,sys; d=json.load(sys.stdin); print(d["events"], d["unsigned_tail"])')
        set -- $events
        check "$mode: every acknowledged event is present (last ack $last, $1 events, $2 unsigned)" \
                test "$1" -gt "$last"
        run "$AKIOS" audit verify
        like "$err" "unsigned events" "$mode: unsigned tail reported as a warning"
        "$TOOL" append audit 1 >/dev/null
        run "$AKIOS" audit verify --json
        tail=$(printf '%s' "$out" | $PY -c 'import json,sys; print(json.load(sys.stdin)["unsigned_tail"])')
        is "$rc/$tail" "0/0" "$mode: the next writer records the recovery and signs everything"
done
run "$AKIOS" audit show --last 3 --json
n=$(printf '%s' "$out" | $PY -c 'import json,sys; d=json.load(sys.stdin); print(len(d["events"]), d["events"][0]["action"])')
like "$n" "^3 " "show --last 3 --json prints three events"
grep -q '"action":"recover"' audit/ledger.jsonl
is "$?" 0 "the recovery is itself an audit event"

done_testing
