#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# audit verify --checkpoint across a rotation (CONTRACTS §4): a local attacker without the
# key drops the whole live segment by making the state of an interrupted rotation (segment
# K's final checkpoint over audit/checkpoint, "open <pid>" in ledger.lock). Plain verify
# cannot tell that from a crash; a checkpoint kept elsewhere must: exit 6 unless an archived
# segment holds its tree.
. "$AKIOS_SRC/tests/lib.sh"
WF=templates/hello-workflow.yml
"$AKIOS" init "$T/p" >/dev/null 2>&1 || { skip "akios init does not work"; done_testing; exit; }
cd "$T/p" || exit 1

"$AKIOS" run $WF --quiet >/dev/null 2>&1
"$AKIOS" audit rotate >/dev/null 2>&1
cp audit/segments/000001/checkpoint "$T/seg1.cp"
"$AKIOS" run $WF --quiet >/dev/null 2>&1
run "$AKIOS" audit verify
is "$rc" 0 "the chain verifies before the attack ($err)"
cp audit/checkpoint "$T/live.cp"
cp audit/key.pub "$T/kept.pub"

run "$AKIOS" audit verify --checkpoint "$T/seg1.cp" --key "$T/kept.pub"
is "$rc" 0 "a kept checkpoint that segment 1 holds verifies across the rotation ($err)"
events=$(wc -l <audit/ledger.jsonl)

cp audit/segments/000001/checkpoint audit/checkpoint
echo "open 999999" >audit/ledger.lock
run "$AKIOS" audit verify --json
unlike "$out" '"rotation_interrupted": ?1' "the forged state is not taken for an interrupted rotation: the live ledger holds events after its link"
run "$AKIOS" audit verify
is "$rc" 6 "plain verify: exit 6 (the live segment does not match the checkpoint put over it)"
run "$AKIOS" run $WF --quiet
is "$rc" 6 "a run refuses the forged ledger (exit 6) instead of finishing a rotation"
is "$(wc -l <audit/ledger.jsonl)" "$events" "  ... and the live segment's $events events are all still there"
run "$AKIOS" audit verify --checkpoint "$T/live.cp" --key "$T/kept.pub"
is "$rc" 6 "a kept checkpoint of the live segment is exit 6 too"
done_testing
