#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The redaction layer wired at the workflow's boundaries: file reads, prompts, written files,
# tool output, output.json and the ledger never carry the PII; counts by type are reported;
# the hash strategy uses the project key; redaction can be turned off.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"
py=/usr/bin/python3

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
check "init created the redaction key" test -s audit/pii.key
is "$(stat -c %a audit/pii.key)" 600 "the redaction key is private"
cat > data/input/patient.txt <<'EOF2'
Patient contact: jane.roe@example.org, card 4111 1111 1111 1111, SSN 078-05-1120.
EOF2
cat > workflows/pii.yml <<'EOF2'
name: pii
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters:
      path: ./data/input/patient.txt
  - step: 2
    agent: llm
    action: complete
    parameters:
      prompt: "Summarize: {previous_output} and mail bob.smith@example.com"
  - step: 3
    agent: filesystem
    action: write
    parameters:
      path: ./data/output/copy.txt
      content: "{step_1_output} / {step_2_output[text]}"
  - step: 4
    agent: tool_executor
    action: run
    parameters:
      command: [echo, "tool saw alice@example.net"]
EOF2
run "$AKIOS" run workflows/pii.yml --json
is "$rc" 0 "workflow with PII runs"
dir=$(printf '%s' "$out" | $py -c 'import json,sys; print(json.load(sys.stdin)["output_dir"])')
for f in "$dir/copy.txt" "$dir/output.json" audit/ledger.jsonl; do
        unlike "$(cat "$f")" "jane.roe@example.org|4111 1111 1111 1111|078-05-1120|bob.smith@example.com|alice@example.net" \
                "no PII in $(basename "$f")"
done
like "$(cat "$dir/copy.txt")" "\[EMAIL_ADDRESS\].*\[CREDIT_CARD\]" "mask strategy writes type markers"
like "$(cat "$dir/output.json")" '"stdout": "tool saw \[EMAIL_ADDRESS\]' "tool output is redacted"
is "$($py -c 'import json,sys; d=json.load(open(sys.argv[1])); t=d["pii_redactions_by_type"]; print(d["pii_redaction_count"] >= 4, t.get("EMAIL_ADDRESS",0) >= 3, t.get("CREDIT_CARD",0) >= 1)' "$dir/output.json")" \
        "True True True" "redaction counts by type in output.json"

# Error messages quote user data: they are redacted too (stderr, output.json, ledger).
cat > workflows/err.yml <<'EOF2'
name: err
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters:
      path: ./data/input/mary.major@example.org
EOF2
run "$AKIOS" run workflows/err.yml --json
is "$rc" 1 "a failing step whose message holds PII"
unlike "$out$err$(tail -3 audit/ledger.jsonl)" "mary.major@example.org" "the error message is redacted everywhere"
like "$err" "\[EMAIL_ADDRESS\]" "and says what was removed"

run env AKIOS_REDACTION_STRATEGY=hash "$AKIOS" run workflows/pii.yml --json
is "$rc" 0 "hash strategy runs"
dir2=$(printf '%s' "$out" | $py -c 'import json,sys; print(json.load(sys.stdin)["output_dir"])')
h1=$(grep -o '\[EMAIL_ADDRESS:[0-9a-f]*\]' "$dir2/copy.txt" | head -1)
like "$h1" '^\[EMAIL_ADDRESS:[0-9a-f]{12}\]$' "hash strategy writes keyed tags"
run env AKIOS_REDACTION_STRATEGY=hash "$AKIOS" run workflows/pii.yml --json
dir3=$(printf '%s' "$out" | $py -c 'import json,sys; print(json.load(sys.stdin)["output_dir"])')
is "$(grep -o '\[EMAIL_ADDRESS:[0-9a-f]*\]' "$dir3/copy.txt" | head -1)" "$h1" "hashes are stable within a project"

run env AKIOS_PII_REDACTION_ENABLED=false AKIOS_PII_REDACTION_OUTPUTS=false "$AKIOS" run workflows/pii.yml --json
dir4=$(printf '%s' "$out" | $py -c 'import json,sys; print(json.load(sys.stdin)["output_dir"])')
like "$(cat "$dir4/copy.txt")" "jane.roe@example.org" "with redaction off, the text passes as is"
done_testing
