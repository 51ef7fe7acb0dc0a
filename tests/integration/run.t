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

# Red-team finding 06: a tool step's output keeps every byte (a NUL is \u0000 in output.json,
# not the end of the output), and control bytes reach a terminal only as visible escapes
# (run's summary, status, output list, logs, audit show); the ledger keeps them JSON-escaped.
cd "$T" && "$AKIOS" init nul >/dev/null && cd nul || exit 1
sed -i 's/^allowed_commands: .*/allowed_commands: [echo, sh]/' config.yaml
cat > nt.yml <<'EOF2'
name: "nt\e]0;pwned\a"
steps:
  - step: 1
    agent: tool_executor
    action: run
    parameters: {command: sh, args: ["-c", "printf 'visible\\0HIDDEN\\033[31mRED\\n'"]}
EOF2
run "$AKIOS" run nt.yml
if [ "$rc" = 7 ]; then
        skip "no cage on this host for a tool step: $err"
else
        is "$rc" 0 "a tool step printing a NUL and an ESC sequence completes"
        o=$(ls data/output/run_*/output.json)
        is "$(jget "$o" "repr(d['results'][0]['output'])")" "'visible\\x00HIDDEN\\x1b[31mRED\\n'" \
                "  ... output.json's results[0].output keeps every byte (NUL as \\u0000)"
        is "$(jget "$o" "repr(d['steps'][0]['output']['stdout'])")" "'visible\\x00HIDDEN\\x1b[31mRED\\n'" \
                "  ... and so does the step's stdout"
        check "  ... run's stdout holds no raw ESC, BEL or NUL" \
                sh -c '! od -An -c "$1" | grep -Eq "033|007|\\\\0"' - "$T/.out"
        like "$out" 'visible\\x00HIDDEN\\x1b\[31mRED' "  ... it shows them as visible escapes"
        like "$out" "workflow 'nt\\\\x1b\]0;pwned\\\\x07' completed" "  ... the workflow's name too"
        check "the ledger holds no raw control byte (JSON-escaped)" \
                sh -c '! od -An -c audit/ledger.jsonl | grep -Eq "033|007"'
        sed 's/command: sh, args: .*/command: echo, args: [hi]}/' nt.yml > esc.yml
        run "$AKIOS" run esc.yml
        is "$rc" 0 "a workflow whose name holds ESC and BEL runs"
        for c in status "output list" logs "audit show"; do
                run "$AKIOS" $c
                check "'akios $c' prints no raw ESC or BEL" \
                        sh -c '! od -An -c "$1" | grep -Eq "033|007"' - "$T/.out"
        done
        run "$AKIOS" output list
        like "$out" 'completed +nt\\x1b\]0;pwned\\x07' "  ... output list too"
        is "$(printf '%s\n' "$out" | grep -c ' completed ')" 2 "  ... and reads the run with a NUL in its output.json"
        run "$AKIOS" status
        like "$out" 'completed +nt\\x1b\]0;pwned\\x07' "  ... status escapes the name"
        # A ledger line carrying an ESC (a hostile or damaged ledger) is shown escaped.
        printf '%s\n' '{"action":"x\u001b[2J","agent":"a","detail":{},"outcome":"o\u009b","run_id":"r","seq":99,"step":0,"ts":"t"}' >> audit/ledger.jsonl
        run "$AKIOS" audit show
        like "$out" 'a\.x\\x1b\[2J  o\\u009b' "audit show escapes an ESC and a C1 control in a ledger line"
        run "$AKIOS" logs
        like "$out" 'a\.x\\x1b\[2J  o\\u009b' "  ... and so does logs"
        cat > nul2.yml <<'EOF2'
name: nul2
steps:
  - step: 1
    agent: tool_executor
    action: run
    parameters: {command: sh, args: ["-c", "printf 'a\\0b'"]}
  - step: 2
    agent: filesystem
    action: write
    parameters: {path: ./data/output/x.txt, content: "{step_1_output}"}
EOF2
        sed -i '$d' audit/ledger.jsonl
        run "$AKIOS" run nul2.yml
        is "$rc" 1 "a NUL templated into a later step's parameter is refused, not cut (exit 1)"
        like "$err" "step 2 .*NUL byte at offset 1 of 3" "  ... naming the step, the offset and the size"
fi

cd "$T" || exit 1
run "$AKIOS" run p/templates/hello-workflow.yml
is "$rc" 2 "run outside a project exits 2"
like "$err" "not inside an akios project" "and says why"
done_testing
