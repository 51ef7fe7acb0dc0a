#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every run leaves its Merkle proof in its run folder (CONTRACTS §4): audit-proof.json with
# the events its checkpoint newly signs, their inclusion proofs, the signed checkpoint, the
# verifier key and the consistency proof from the previous checkpoint. `akios audit
# verify-proof` checks it without the ledger (outside any project), and so does an
# independent RFC 9162 implementation (tests/helpers/rfc9162.py); every kind of change to
# the file is caught.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3
CHECK=$AKIOS_SRC/tests/helpers/rfc9162.py
require_cmd $PY "the independent checker"

P=$T/p
"$AKIOS" init "$P" >/dev/null 2>&1 || { skip "akios init does not work"; done_testing; exit; }
cd "$P" || exit 1

jget() { # jget FILE EXPR: print EXPR of the JSON document d in FILE
        $PY -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"
}

run "$AKIOS" run templates/hello-workflow.yml --quiet
is "$rc" 0 "first run"
r1=$(ls -d data/output/run_* | sort | tail -1)
check "the run folder has audit-proof.json" test -s "$r1/audit-proof.json"
run "$AKIOS" audit verify-proof "$r1/audit-proof.json"
is "$rc" 0 "verify-proof: the first run's proof verifies ($out$err)"
run $PY "$CHECK" proof "$r1/audit-proof.json"
is "$rc" 0 "independent RFC 9162 check of the first proof ($out)"
is "$(jget "$r1/audit-proof.json" '(d["first_index"], d["consistency"], d["tree_size"])')" \
        "(0, None, $(wc -l <audit/ledger.jsonl))" "first run: every event from 0, no previous checkpoint"

run "$AKIOS" run templates/hello-workflow.yml --quiet
is "$rc" 0 "second run"
r2=$(ls -d data/output/run_* | sort | tail -1)
F=$r2/audit-proof.json
run "$AKIOS" audit verify-proof "$F"
is "$rc" 0 "the second run's proof verifies"
like "$out" "consistent with the previous checkpoint" "  ... with the consistency proof"
run $PY "$CHECK" proof "$F"
is "$rc" 0 "independent RFC 9162 check of the second proof, consistency included ($out)"
is "$(jget "$F" 'd["previous_checkpoint"]')" "$(jget "$r1/audit-proof.json" 'd["checkpoint"]')" \
        "its previous checkpoint is the one the first run signed"
is "$(jget "$F" 'd["consistency"]["old_root"] == '"'$(jget "$r1/audit-proof.json" 'd["root_hash"]')'")" True \
        "the consistency proof starts at the first run's root"
is "$(jget "$F" 'd["tree_size"]')" "$(wc -l <audit/ledger.jsonl)" "it covers the whole ledger"
rid=$(basename "$r2")
is "$(jget "$F" 'sorted({__import__("json").loads(e["data"])["run_id"] for e in d["entries"]})')" \
        "['', '$rid']" "its entries are the run's own events and the checkpoint marker"
is "$(jget "$F" '__import__("json").loads(d["entries"][-1]["data"])["action"]')" checkpoint \
        "the last entry is the marker of the checkpoint it carries"
is "$(jget "$F" '[e["data"] for e in d["entries"]] == [l.rstrip("\n") for l in open("audit/ledger.jsonl")][d["first_index"]:]')" \
        True "entries hold the ledger lines byte for byte"

# Without the ledger, outside any project.
cp "$F" "$T/proof.json"
rm -rf "$P/audit"
cd / || exit 1
run "$AKIOS" audit verify-proof "$T/proof.json" --json
is "$rc" 0 "verify-proof needs neither the ledger nor a project"
is "$(printf '%s' "$out" | $PY -c 'import json,sys; d=json.load(sys.stdin); print(d["verified"], d["entries"] > 0)')" \
        "True True" "--json: verified, entries counted"
cd "$T" || exit 1

# bad NAME PYTHON [PYEXIT]: apply PYTHON to d (the document); verify-proof must exit 6 and
# name a reason; the independent checker must reject it too unless PYEXIT is "-" (it checks
# hashes, not Ed25519 signatures).
bad() {
        $PY - "$T/proof.json" "$T/bad.json" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
open(sys.argv[2], "w").write(json.dumps(d))
PY
        run "$AKIOS" audit verify-proof "$T/bad.json"
        is "$rc" 6 "$1: verify-proof exits 6"
        like "$err" "does not verify: " "$1: the reason is given ($err)"
        if [ "${3:-}" != - ]; then
                run $PY "$CHECK" proof "$T/bad.json"
                is "$rc" 1 "$1: the independent checker rejects it too"
        fi
}
bad "one event's data changed" \
        'd["entries"][1]["data"] = d["entries"][1]["data"].replace("\"outcome\":\"", "\"outcome\":\"x", 1)'
bad "an event dropped" 'del d["entries"][2]'
bad "a leaf hash changed" 'd["entries"][0]["leaf_hash"] = "00" * 32'
bad "an inclusion proof hash changed" 'd["entries"][3]["inclusion_proof"][0] = "11" * 32'
bad "the root changed" 'd["root_hash"] = "22" * 32'
bad "the consistency proof changed" 'd["consistency"]["proof"][0] = "33" * 32'
bad "the previous checkpoint replaced by the new one" \
        'd["previous_checkpoint"] = d["checkpoint"]'
bad "the checkpoint's signature changed" \
        'n = d["checkpoint"]; i = n.rindex(" ") + 5; d["checkpoint"] = n[:i] + ("A" if n[i] != "A" else "B") + n[i + 1:]' -
bad "a different verifier key" \
        'd["verifier_key"] = d["verifier_key"][:-8] + ("AAAAAAAA" if not d["verifier_key"].endswith("AAAAAAAA") else "BBBBBBBB")' -
bad "not JSON" 'd = None' -
printf 'not json' >"$T/bad.json"
run "$AKIOS" audit verify-proof "$T/bad.json"
is "$rc" 6 "a file that is not JSON: exit 6"
run "$AKIOS" audit verify-proof "$T/none.json"
is "$rc" 1 "a missing file: exit 1"

# A failed run leaves its proof too.
P2=$T/p2
"$AKIOS" init "$P2" >/dev/null 2>&1
cd "$P2" || exit 1
cat >fail.yml <<'EOF'
name: fail
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters: {path: ./data/input/no-such-file.txt}
EOF
run "$AKIOS" run fail.yml
is "$rc" 1 "a failing run exits 1"
run "$AKIOS" audit verify-proof "$(ls -d data/output/run_* | tail -1)/audit-proof.json"
is "$rc" 0 "and its audit-proof.json verifies"

# The whole-tree export is checked by the same code.
run "$AKIOS" audit export --out "$T/export.json"
is "$rc" 0 "export written"
run "$AKIOS" audit verify-proof "$T/export.json"
is "$rc" 0 "verify-proof checks an audit export too ($out)"

done_testing
