#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Exit codes of CONTRACTS §2 for run/validate, on_error, conditions, config errors, and a
# clean stop on SIGTERM (exit 130 with output.json and ledger written).
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"
py=/usr/bin/python3

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1

cat > workflows/missing.yml <<'EOF2'
name: missing
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters:
      path: ./data/input/nope.txt
EOF2
run "$AKIOS" run workflows/missing.yml
is "$rc" 1 "a failing step exits 1"
like "$err" "^akios: step 1 \(filesystem.read\): cannot open" "one-line reason names the step"
out_json=$(ls -d data/output/run_*)/output.json
is "$($py -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["status"], d["error_category"], d["exit_code"])' "$out_json")" \
        "failed runtime 1" "output.json records the failure"
# The last line is the checkpoint marker (CONTRACTS §4); run_end comes just before it.
like "$(tail -2 audit/ledger.jsonl | head -1)" '"action":"run_end"' "the ledger is closed even on failure"
like "$(cat audit/ledger.jsonl)" '"outcome":"failure"' "the failure is in the ledger"

cat > workflows/skip.yml <<'EOF2'
name: skip
steps:
  - step: 1
    agent: filesystem
    action: read
    on_error: skip
    parameters:
      path: ./data/input/nope.txt
  - step: 2
    agent: filesystem
    action: exists
    condition: "step_1_output['skipped'] == true"
    parameters:
      path: ./data/input/document_example.txt
  - step: 3
    agent: filesystem
    action: exists
    condition: "step_2_output[exists] == false"
    parameters:
      path: ./data/input/document_example.txt
EOF2
run "$AKIOS" run workflows/skip.yml --json
is "$rc" 0 "on_error: skip continues and exits 0"
is "$(printf '%s' "$out" | $py -c 'import json,sys; print(" ".join(s["status"] for s in json.load(sys.stdin)["steps"]))')" \
        "failed_skipped completed skipped" "condition true runs a step, false skips it"

cat > workflows/retry.yml <<'EOF2'
name: retry
steps:
  - step: 1
    agent: filesystem
    action: read
    on_error: retry
    parameters:
      path: ./data/input/nope.txt
EOF2
run "$AKIOS" run workflows/retry.yml
is "$rc" 1 "on_error: retry still fails when the retry fails"
is "$(grep -c '"attempt":2' audit/ledger.jsonl)" 1 "the retry is recorded as attempt 2"

printf 'name: x\nsteps:\n  - step: 1\n    agent: llm\n    action: complete\n' > workflows/bad.yml
run "$AKIOS" run workflows/bad.yml
is "$rc" 2 "invalid workflow exits 2 from run"
like "$err" "workflows/bad.yml:3:5: llm.complete needs parameter 'prompt'" "with file:line:col"
is "$(ls -d data/output/run_* | wc -l)" 3 "and nothing was executed (no run folder)"

cp config.yaml config.yaml.orig
printf 'cpu_limt: 0.5\n' >> config.yaml
run "$AKIOS" validate templates/hello-workflow.yml
is "$rc" 2 "unknown config key exits 2"
like "$err" "config.yaml:[0-9]+:1: .*cpu_limt" "config error has file:line:col"
cp config.yaml.orig config.yaml
run env AKIOS_BUDGET_LIMIT_PER_RUN=-1 "$AKIOS" validate templates/hello-workflow.yml
is "$rc" 2 "bad AKIOS_* override exits 2"
like "$err" "AKIOS_BUDGET_LIMIT_PER_RUN" "the variable is named"

# SIGTERM while a step blocks (a caged sleep): exit 130, record written. (A FIFO no longer
# blocks a read: it is refused at once, tests/supervisor/policy.t.)
mkfifo data/input/pipe
sed -i 's/^allowed_commands: \[/allowed_commands: [sleep, /' config.yaml
cat > workflows/block.yml <<'EOF2'
name: block
steps:
  - step: 1
    agent: filesystem
    action: exists
    parameters:
      path: ./data/input/pipe
  - step: 2
    agent: tool_executor
    action: run
    parameters:
      command: [sleep, "30"]
EOF2
"$AKIOS" run workflows/block.yml >"$T/sig.out" 2>"$T/sig.err" &
pid=$!
# Wait until step 1 is in the ledger, so step 2 is blocked in open().
i=0
while [ $i -lt 100 ] && ! tail -1 audit/ledger.jsonl | grep -q '"action":"exists"'; do
        sleep 0.05
        i=$((i + 1))
done
sleep 0.2
kill -TERM "$pid"
wait "$pid"
is "$?" 130 "SIGTERM ends the run with exit 130"
last=$(ls -dv data/output/run_* | tail -1)
is "$($py -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$last/output.json")" interrupted \
        "output.json says interrupted"
like "$(tail -2 audit/ledger.jsonl | head -1)" '"action":"run_end".*"outcome":"interrupted"' "ledger closed with the interruption"
done_testing
