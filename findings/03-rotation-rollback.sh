#!/bin/sh
# Finding 03 (high; the --checkpoint half fixed, the plain-verify half left as documented):
# without the key, a local attacker drops the whole live segment and verify exits 0:
#   cp audit/segments/K/checkpoint audit/checkpoint; echo "open 999999" > audit/ledger.lock
# verify reports rotation_interrupted: K (exit 0) and the next run "finishes" the rotation,
# replacing the live ledger (finished_after_crash: true is the only trace).
# On main even `audit verify --checkpoint KEPT --key KEPT.pub`, the check CONTRACTS §4
# promises catches a rollback, exited 0 ("tree of 0"): the pending path skipped it.
set -u
AK=${AKIOS:-./akios}
P=$(mktemp -d /tmp/a2-rb.XXXXXX)
"$AK" init "$P/p" >/dev/null 2>&1; cd "$P/p"
"$AK" run templates/hello-workflow.yml --quiet >/dev/null 2>&1
"$AK" audit rotate >/dev/null
"$AK" run templates/hello-workflow.yml --quiet >/dev/null 2>&1
cp audit/checkpoint "$P/kept.cp"; cp audit/key.pub "$P/kept.pub"
echo "live events before: $(wc -l <audit/ledger.jsonl)"
cp audit/segments/000001/checkpoint audit/checkpoint
echo "open 999999" >audit/ledger.lock
"$AK" audit verify >/dev/null 2>&1; echo "plain verify exit $? (0: cannot tell it from a crash)"
"$AK" audit verify --checkpoint "$P/kept.cp" --key "$P/kept.pub" >/dev/null 2>&1
echo "verify --checkpoint exit $? (main: 0, want 6)"
"$AK" run templates/hello-workflow.yml --quiet >/dev/null 2>&1
"$AK" audit verify >/dev/null 2>&1; echo "after a run: verify exit $?; the dropped events are gone"
rm -rf "$P"
