#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `akios audit import-akios`: an AKIOS audit_events.jsonl (written here in AKIOS's format as
# the census describes it: sorted-key JSON lines, `hash` = SHA-256 of the sorted JSON of
# workflow_id/step/agent/action/result/metadata, timestamps ending in "+00:00Z", and a
# merkle_root.hash of AKIOS's tree) becomes akios ledger events marked imported, AKIOS's
# hashes kept and checked, the ledger still verifies, and PII that AKIOS left in its ledger
# is redacted on the way in. A malformed file appends nothing.
. "$AKIOS_SRC/tests/lib.sh"

PY=/usr/bin/python3
[ -x $PY ] || { skip "no /usr/bin/python3 to write the AKIOS ledger"; done_testing; exit; }
A=$AKIOS
"$A" init "$T/p" >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
cd "$T/p" || exit 1
mkdir old
$PY - old <<'EOP'
import hashlib, json, sys
d = sys.argv[1]
evs = []
for i, (agent, action, result, meta) in enumerate([
        ("llm", "complete", "success", {"tokens": 12, "prompt_sample": "mail bob@example.com"}),
        ("filesystem", "write", "success", {"path": "./data/output/x.txt", "size": 10}),
        ("engine", "workflow_complete", "success", {"cost_status": "ok", "note": "caf\u00e9"}),
        ("filesystem", "read", "error", {"error": "not found"})]):
    base = {"workflow_id": "hello_1767000000", "step": i + 1, "agent": agent,
            "action": action, "result": result, "metadata": meta}
    ev = dict(base)
    ev["hash"] = hashlib.sha256(json.dumps(base, sort_keys=True).encode()).hexdigest()
    ev["timestamp"] = "2026-01-26T10:00:0%d+00:00Z" % i
    evs.append(json.dumps(ev, sort_keys=True))
with open(d + "/audit_events.jsonl", "w") as f:
    f.write("\n".join(evs) + "\n")
lv = [hashlib.sha256(l.encode()).hexdigest() for l in evs]
while len(lv) > 1:
    lv = [hashlib.sha256((lv[i] + lv[i + 1 if i + 1 < len(lv) else i]).encode()).hexdigest()
          for i in range(0, len(lv), 2)]
open(d + "/merkle_root.hash", "w").write(lv[0])
EOP
before=0
[ -f audit/ledger.jsonl ] && before=$(wc -l <audit/ledger.jsonl)
out=$("$A" audit import-akios old/audit_events.jsonl --json 2>&1)
is "$?" 0 "an AKIOS audit_events.jsonl is imported"
like "$out" '"events":4' "four events"
like "$out" '"akios_hashes_ok":4' "AKIOS's hashes are recomputed and all match"
like "$out" '"akios_root_match":true' "AKIOS's Merkle root matches its merkle_root.hash"
after=$(wc -l <audit/ledger.jsonl)
is "$((after - before))" 6 "4 imported events between an import start and end event"
is "$(grep -c '"outcome":"imported"' audit/ledger.jsonl)" 4 "marked imported"
like "$(grep '"outcome":"imported"' audit/ledger.jsonl | head -1)" '"hash":"[0-9a-f]{64}","hash_ok":true' "AKIOS's hash is kept beside its verdict"
unlike "$(cat audit/ledger.jsonl)" 'bob@example.com' "PII AKIOS left in its ledger is redacted on import"
"$A" audit verify >/dev/null 2>&1
is "$?" 0 "the akios ledger still verifies"
# A tampered event: its hash no longer matches, and the root differs.
sed -i 's/"tokens": 12/"tokens": 13/' old/audit_events.jsonl
out=$("$A" audit import-akios old/audit_events.jsonl 2>&1)
like "$out" "3 of 4 recomputed and matching" "a changed AKIOS event is reported"
like "$out" "DIFFERS from merkle_root.hash" "and so is AKIOS's root"
n=$(wc -l <audit/ledger.jsonl)
printf '{"not": "an event"}\n' >>old/audit_events.jsonl
out=$("$A" audit import-akios old/audit_events.jsonl 2>&1)
is "$?" 2 "a line that is not an AKIOS event: exit 2"
like "$out" "audit_events.jsonl:5:1: not an AKIOS audit event" "named by file:line"
is "$(wc -l <audit/ledger.jsonl)" "$n" "and nothing was appended"
done_testing
