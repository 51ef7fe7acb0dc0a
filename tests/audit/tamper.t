#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# audit verify against deliberate tampering: each case must exit 6 and name the first bad
# index. The ledger is built by two "runs" (10 then 5 events, a signed checkpoint after each,
# each ending in its checkpoint marker event: 11 + 6 = 17 lines)
# with the ledger writer itself (tests/unit/test-audit-crash append), in a project made by
# `akios init` (which creates the signing key).
. "$AKIOS_SRC/tests/lib.sh"
TOOL=$AKIOS_BUILD/tests/test-audit-crash
PY=/usr/bin/python3

if [ ! -x "$TOOL" ]; then
        skip "ledger tool $TOOL not built"
        done_testing
        exit
fi
"$AKIOS" init "$T/base" >/dev/null 2>&1 || { mkdir -p "$T/base" && : >"$T/base/config.yaml"; }
"$TOOL" append "$T/base/audit" 10 >/dev/null
cp "$T/base/audit/ledger.jsonl" "$T/old-ledger"
cp "$T/base/audit/checkpoint" "$T/old-checkpoint"
cp "$T/base/audit/state" "$T/old-state"
"$TOOL" append "$T/base/audit" 5 >/dev/null

fresh() { # fresh NAME: a copy of the base project, cd into it
        rm -rf "$T/$1"
        cp -a "$T/base" "$T/$1"
        cd "$T/$1" || exit 1
}

# verify_bad NAME INDEX: audit verify exits 6 and reports INDEX first (text and --json)
verify_bad() {
        run "$AKIOS" audit verify
        is "$rc" 6 "$1: exit 6"
        like "$out" "first bad index $2:" "$1: first bad index $2"
        run "$AKIOS" audit verify --json
        got=$(printf '%s' "$out" | $PY -c 'import json,sys; print(json.load(sys.stdin)["first_bad_index"])')
        is "$got" "$2" "$1: --json first_bad_index $2"
}

fresh clean
run "$AKIOS" audit verify
is "$rc" 0 "untouched ledger verifies"
like "$out" "verified: 17 events" "17 events (15 and two checkpoint markers)"

fresh byte
$PY - audit/ledger.jsonl 7 <<'PY'
import sys
p, i = sys.argv[1], int(sys.argv[2])
lines = open(p, "rb").read().split(b"\n")
lines[i] = lines[i].replace(b'"outcome":"success"', b'"outcome":"succesS"', 1)
open(p, "wb").write(b"\n".join(lines))
PY
verify_bad "one byte changed in event 7 (still valid JSON)" 7
run "$AKIOS" run templates/hello-workflow.yml
[ -f templates/hello-workflow.yml ] && { is "$rc" 6 "a run refuses to append to it (exit 6)"; }

fresh brokenjson
sed -i '4s/"agent"/"agen"/' audit/ledger.jsonl
verify_bad "event 3 no longer canonical" 3

fresh delete
sed -i '5d' audit/ledger.jsonl
verify_bad "event 4 deleted" 4

fresh reorder
sed -i '3{h;d};4{G}' audit/ledger.jsonl
verify_bad "events 2 and 3 swapped" 2

fresh truncate-lines
head -n 12 audit/ledger.jsonl >x && mv x audit/ledger.jsonl
verify_bad "truncated to 12 events" 12

fresh truncate-bytes
truncate -s -20 audit/ledger.jsonl
verify_bad "last 20 bytes cut" 16

fresh forged
tail -n 2 audit/ledger.jsonl | head -n 1 | sed 's/"seq":15/"seq":17/' >>audit/ledger.jsonl
verify_bad "well-formed forged line appended after a clean close" 17

fresh rollback
cp "$T/old-ledger" audit/ledger.jsonl
cp "$T/old-checkpoint" audit/checkpoint
cp "$T/old-state" audit/state
verify_bad "ledger and checkpoint replaced by an older pair (rollback)" 11
check "the writer refuses the rolled-back ledger" sh -c "! '$TOOL' append audit 1 >/dev/null 2>&1"

fresh keyswap
"$AKIOS" init "$T/other" >/dev/null 2>&1 || "$TOOL" append "$T/other/audit" 1 >/dev/null
cp "$T/other/audit/key" "$T/other/audit/key.pub" audit/
verify_bad "signing key swapped" 0
check "the writer refuses a swapped key" sh -c "! '$TOOL' append audit 1 >/dev/null 2>&1"

fresh checkpoint-forged
sed -i '3s/^[A-Za-z0-9+\/]/A/' audit/checkpoint
cmp -s audit/checkpoint "$T/base/audit/checkpoint" && sed -i '3s/^A/B/' audit/checkpoint
verify_bad "checkpoint root altered (signature no longer valid)" 11

fresh hashes-too
# Change an event AND its cached leaf hash: the change is still caught (the signed root).
$PY - audit/ledger.jsonl audit/ledger.hashes 12 <<'PY'
import hashlib, sys
p, h, i = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(p, "rb").read().split(b"\n")
lines[i] = lines[i].replace(b'"outcome":"success"', b'"outcome":"denied!"', 1)
open(p, "wb").write(b"\n".join(lines))
hs = bytearray(open(h, "rb").read())
hs[32 * i:32 * i + 32] = hashlib.sha256(b"\0" + lines[i]).digest()
open(h, "wb").write(bytes(hs))
PY
verify_bad "event 12 and its cached hash changed: first unsigned-by-a-good-checkpoint index" 11

# Deleting the checkpoints next to the key and signed lines is damage, never an unsigned
# tail to re-sign (issue 15, finding 4): the markers in the ledger record what was signed.
# bad_run NAME: `akios run` exits 6 with the reason and appends nothing.
bad_run() {
        before=$(wc -l <audit/ledger.jsonl)
        run "$AKIOS" run templates/hello-workflow.yml
        is "$rc" 6 "$1: a run exits 6"
        like "$err" "checkpoint|appended after" "$1: the run names the reason ($err)"
        is "$(wc -l <audit/ledger.jsonl)" "$before" "$1: nothing appended (no 'recover', no new signature)"
}
edit12() {
        $PY - audit/ledger.jsonl <<'PY'
import sys
p = sys.argv[1]
lines = open(p, "rb").read().split(b"\n")
lines[12] = lines[12].replace(b'"outcome":"success"', b'"outcome":"denied!"', 1)
open(p, "wb").write(b"\n".join(lines))
PY
}
for how in clean-lock dirty-lock; do
        fresh "delete-all-$how"
        edit12
        rm -rf audit/checkpoint audit/checkpoints audit/state
        [ "$how" = dirty-lock ] && echo "open 1" >audit/ledger.lock
        run "$AKIOS" audit verify
        is "$rc" 6 "signed event edited, checkpoint + checkpoints/ + state deleted ($how): verify exit 6"
        like "$out" "TAMPERED: first bad index (0|10):" "  ... names the first event no longer vouched for ($out)"
        bad_run "deleted checkpoints ($how)"
done
fresh delete-all-dirty-lock-message
rm -rf audit/checkpoint audit/checkpoints audit/state
echo "open 1" >audit/ledger.lock
run "$AKIOS" audit verify
like "$out" "event 10 records that a checkpoint of tree size 11 was signed" \
        "with a dirty lock the reason is the marker of the deleted checkpoint"

fresh delete-kept
rm -rf audit/checkpoints audit/state
verify_bad "checkpoints/ deleted (audit/checkpoint kept)" 10
bad_run "checkpoints/ deleted"

fresh delete-latest
rm -f audit/checkpoint
verify_bad "audit/checkpoint deleted (checkpoints/ kept)" 0
bad_run "audit/checkpoint deleted"

fresh appended-after-close
tail -n 1 audit/ledger.jsonl | sed 's/"seq":16/"seq":17/' >>audit/ledger.jsonl
bad_run "a line appended behind a clean close"

fresh latest-copy-missing
rm -f audit/checkpoints/00000000000000000017
run "$AKIOS" audit verify
is "$rc" 0 "only the latest kept copy missing (a crash between the two writes): verify 0"
run "$AKIOS" run templates/hello-workflow.yml --quiet
is "$rc" 0 "  ... and the next run restores it ($err)"
check "  ... checkpoints/...17 is back" test -s audit/checkpoints/00000000000000000017

fresh stale-temp
echo garbage >audit/checkpoints/00000000000000000020.tmp.4242
mkdir -p audit/.tmp && echo garbage >audit/.tmp/checkpoint.4242
run "$AKIOS" audit verify
is "$rc" 0 "stale temp files (checkpoints/N.tmp.PID, .tmp/) are never loaded as checkpoints"

# audit verify --checkpoint FILE [--key PUBKEY]: a checkpoint kept elsewhere.
cp "$T/base/audit/key.pub" "$T/kept-key.pub"
fresh external-ok
run "$AKIOS" audit verify --checkpoint "$T/old-checkpoint" --key "$T/kept-key.pub"
is "$rc" 0 "the ledger is consistent with the first checkpoint kept elsewhere ($err)"
like "$out" "consistent with the checkpoint .*tree of 11" "  ... and says so"
run "$AKIOS" audit verify --checkpoint "$T/base/audit/checkpoint" --json
is "$(printf '%s' "$out" | $PY -c 'import json,sys; d=json.load(sys.stdin); print(d["verified"], d["external_tree_size"])')" \
        "True 17" "--json gives the external tree size (key.pub when no --key)"

fresh external-rollback
# A consistent older copy of the whole folder: verify alone cannot tell.
rm -rf audit && mkdir audit
cp "$T/old-ledger" audit/ledger.jsonl
cp "$T/old-checkpoint" audit/checkpoint
cp "$T/base/audit/key" "$T/base/audit/key.pub" audit/
mkdir audit/checkpoints && cp "$T/old-checkpoint" audit/checkpoints/00000000000000000011
run "$AKIOS" audit verify
is "$rc" 0 "a whole-folder rollback verifies on its own"
run "$AKIOS" audit verify --checkpoint "$T/base/audit/checkpoint" --key "$T/kept-key.pub"
is "$rc" 6 "  ... but not against the later checkpoint kept elsewhere (exit 6)"
like "$err" "holds 11 events but a signed checkpoint covers 17|older than the kept" "  ... reason: rolled back ($err)"

fresh external-rewritten
# History rewritten and re-signed with a new key: consistent locally, not with the kept key.
rm -rf "$T/other2"
"$AKIOS" init "$T/other2" >/dev/null 2>&1
"$TOOL" append "$T/other2/audit" 20 >/dev/null
rm -rf audit && cp -a "$T/other2/audit" audit
run "$AKIOS" audit verify
is "$rc" 0 "a ledger rewritten and re-signed with a new key verifies on its own"
run "$AKIOS" audit verify --checkpoint "$T/old-checkpoint" --key "$T/kept-key.pub"
is "$rc" 6 "  ... but not against the kept checkpoint and key (exit 6)"
like "$err" "key was swapped|does not match|do not match" "  ... reason given ($err)"

fresh external-forged
sed '3s/^./A/' "$T/old-checkpoint" >"$T/forged-checkpoint"
cmp -s "$T/forged-checkpoint" "$T/old-checkpoint" && sed -i '3s/^A/B/' "$T/forged-checkpoint"
run "$AKIOS" audit verify --checkpoint "$T/forged-checkpoint" --key "$T/kept-key.pub"
is "$rc" 6 "a forged external checkpoint: exit 6"
like "$err" "does not verify" "  ... its signature does not verify ($err)"
run "$AKIOS" audit verify --key "$T/kept-key.pub"
is "$rc" 2 "--key without --checkpoint is a usage error"

done_testing
