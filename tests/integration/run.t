#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# akios init + run end to end (mock LLM): files written, output.json, ledger, exit codes,
# running from a subfolder, validate/--json/--dry-run, and every template.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"
py=/usr/bin/python3
jget() { $py -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

cd "$T" || exit 1
run "$AKIOS" init p
is "$rc" 0 "init exits 0"
for f in config.yaml .env .env.example templates/hello-workflow.yml workflows data/input \
         data/output audit data/input/document_example.txt data/input/batch; do
        check "init created $f" test -e "p/$f"
done
check ".env holds AKIOS_MOCK_LLM=1" grep -qx 'AKIOS_MOCK_LLM=1' p/.env
is "$(stat -c %a p/.env)" 600 ".env is private"

echo "# user edit" >> p/config.yaml
run "$AKIOS" init p
is "$rc" 0 "init again exits 0"
check "init keeps existing files" grep -q '# user edit' p/config.yaml

cd p || exit 1
run "$AKIOS" run templates/hello-workflow.yml
is "$rc" 0 "hello workflow exits 0"
like "$out" "Hello from inside the akios cage" "run prints the result"
rundir=$(ls -d data/output/run_* | head -1)
check "run folder name is run_<UTC>" sh -c "ls -d data/output/run_* | grep -Eq 'run_[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}-[0-9]{2}-[0-9]{2}Z$'"
check "hello-ai.txt written" test -s "$rundir/hello-ai.txt"
check "output.json written" test -s "$rundir/output.json"
is "$(jget "$rundir/output.json" 'd["status"]')" completed "output.json status"
is "$(jget "$rundir/output.json" 'len(d["steps"])')" 3 "output.json has 3 steps"
is "$(jget "$rundir/output.json" 'd["steps"][2]["output"]["content"] == open(sys.argv[3]).read()' "$rundir/hello-ai.txt")" True \
        "read-back step returns the written file"
is "$(jget "$rundir/output.json" 'd["tokens_input"] > 0 and d["tokens_output"] > 0')" True "tokens counted"
is "$($py -c '
import json
ev=[json.loads(l) for l in open("audit/ledger.jsonl")]
print(ev[0]["action"], ev[-2]["action"], ev[-1]["action"], sorted({e["step"] for e in ev if e["outcome"]=="success"}))')" \
        "run_start run_end checkpoint [1, 2, 3]" "ledger has run start, a success event per step, run end, checkpoint marker"
lines=$(wc -l < audit/ledger.jsonl)
is "$($py -c '
import json,sys
for i,l in enumerate(open("audit/ledger.jsonl")):
    d=json.loads(l)
    assert d["seq"]==i, i
    assert l.rstrip("\n")==json.dumps(d,sort_keys=True,separators=(",",":"),ensure_ascii=False), "not canonical"
    for k in ("seq","ts","run_id","step","agent","action","outcome","detail"): assert k in d, k
print("ok")')" ok "ledger lines are canonical JSON with the contract fields"

mkdir -p workflows/deep/er
(cd workflows/deep/er && "$AKIOS" run ../../../templates/hello-workflow.yml --quiet >/dev/null 2>&1)
is "$?" 0 "run works from a subfolder of the project"
is "$(wc -l < audit/ledger.jsonl)" $((lines * 2)) "second run appends as many events again"

run "$AKIOS" run templates/hello-workflow.yml --json
is "$rc" 0 "run --json exits 0"
is "$(printf '%s' "$out" | $py -c 'import json,sys; d=json.load(sys.stdin); print(d["status"], d["steps_executed"])')" \
        "completed 3" "--json prints exactly the output.json document"

run "$AKIOS" run templates/hello-workflow.yml --dry-run
is "$rc" 0 "--dry-run exits 0"
like "$out" "llm.complete" "--dry-run prints the plan"
is "$(ls -d data/output/run_* | wc -l)" 3 "--dry-run creates no run folder"

run "$AKIOS" validate templates/hello-workflow.yml --json
is "$rc" 0 "validate --json exits 0"
like "$out" '"valid":true' "validate --json says valid"

for t in document_ingestion file_analysis batch_processing compliance_demo; do
        run "$AKIOS" validate "templates/$t.yml"
        is "$rc" 0 "template $t validates"
        run "$AKIOS" run "templates/$t.yml"
        case $t in
        document_ingestion|file_analysis)
                # tool_executor steps need the cage; until it is wired they fail clearly.
                if [ "$rc" = 0 ]; then
                        is "$rc" 0 "template $t runs"
                else
                        is "$rc" 1 "template $t: tool step fails with exit 1, not a crash"
                        like "$err" "step [0-9]+ \(tool_executor.run\)" "template $t names the failing step"
                fi ;;
        *)      is "$rc" 0 "template $t runs" ;;
        esac
done

cd "$T" || exit 1
run "$AKIOS" run p/templates/hello-workflow.yml
is "$rc" 2 "run outside a project exits 2"
like "$err" "not inside an akios project" "and says why"
done_testing
