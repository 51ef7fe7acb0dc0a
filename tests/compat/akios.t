#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# An AKIOS user switching to akios (issue 14): AKIOS's default and full v1.6 config load, the
# backends akios lacks are refused with what to use instead, AKIOS's shipped workflows
# (reproduced from the census, unchanged: ${AKIOS_LLM_PROVIDER:-grok}, {previous_output},
# ./data/output paths) run in mock mode, an AKIOS-style script reads `run --json-output` and
# output.json, and the kill-switches (tokens, wall clock, steps) stop runs with exit 4 and a
# ledger event. The LLM and HTTP peers are the loopback fakes of tests/helpers.
. "$AKIOS_SRC/tests/lib.sh"

PY=/usr/bin/python3
if [ ! -x $PY ]; then
        skip "no /usr/bin/python3 for the fake servers"
        done_testing
        exit
fi
A=$AKIOS

$PY "$AKIOS_SRC/tests/helpers/fake_llm.py" --record "$T/llm.jsonl" >"$T/llm.port" &
FAKE_LLM=$!
$PY "$AKIOS_SRC/tests/helpers/fake_http.py" --record "$T/http.jsonl" >"$T/http.port" &
FAKE_HTTP=$!
trap 'kill $FAKE_LLM $FAKE_HTTP 2>/dev/null; rm -rf "$T"' EXIT
i=0
while { [ ! -s "$T/llm.port" ] || [ ! -s "$T/http.port" ]; } && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
done
LPORT=$(head -1 "$T/llm.port")
HPORT=$(head -1 "$T/http.port")

P=$T/proj
"$A" init "$P" >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
cd "$P" || exit 1
unset AKIOS_LLM_PROVIDER AKIOS_LLM_MODEL

# AKIOS's `akios init` config.yaml (v1.0 and v1.6), as it writes it.
cat >akios-default.yaml <<'EOC'
# AKIOS Configuration
sandbox_enabled: true
cpu_limit: 0.8
memory_limit_mb: 256
max_open_files: 100
network_access_allowed: false
# allowed_domains: ["api.example.com"]
pii_redaction_enabled: true
redaction_strategy: "mask"
cost_kill_enabled: true
max_tokens_per_call: 1000
budget_limit_per_run: 1.0
audit_enabled: true
audit_export_enabled: true
audit_storage_path: "./audit/"
audit_export_format: "json"
environment: "development"
log_level: "INFO"
EOC
# Every v1.6 settings field (33), as a user who copied the Settings class would write them.
cat akios-default.yaml >akios-full.yaml
cat >>akios-full.yaml <<'EOC'
max_file_size_mb: 10
allowed_domains: []
pii_redaction_outputs: true
pii_redaction_aggressive: false
pii_backend: "regex"
use_enforcecore: false
enforcecore_content_rules: true
enforcecore_secret_scan: true
audit_backend: "jsonl"
audit_retention_days: 0
audit_archive_days: 0
ui_theme: "dark"
ui_custom_theme: null
allowed_providers: ["openai", "anthropic", "grok", "mistral", "gemini", "bedrock", "ollama"]
allowed_models: []
mock_llm: false
allowed_commands: ["echo", "cat", "grep", "head", "tail", "wc", "ls", "pwd", "date"]
EOC
n=$(grep -c '^[a-z_]*:' akios-full.yaml)
is "$n" 33 "the full AKIOS v1.6 config has its 33 keys"

# AKIOS's hello-workflow (v1.6), unchanged.
mkdir -p templates
cat >templates/akios-hello.yml <<'EOW'
name: "Hello World Workflow"
description: "A simple hello world workflow demonstrating AKIOS capabilities"
steps:
  - step: 1
    agent: llm
    action: complete
    config:
      provider: "${AKIOS_LLM_PROVIDER:-grok}"
      model: "${AKIOS_LLM_MODEL:-grok-3}"
    parameters:
      prompt: "Write a short, playful hello world message from an AI agent living inside a security cage. Mention that contact is admin@example.com."
      max_tokens: 80
      temperature: 0.9
  - step: 2
    agent: filesystem
    action: write
    config:
      allowed_paths: ["./data/output"]
    parameters:
      path: "./data/output/hello-ai.txt"
      content: "{previous_output}"
  - step: 3
    agent: filesystem
    action: read
    config:
      allowed_paths: ["./data/output"]
    parameters:
      path: "./data/output/hello-ai.txt"
EOW
# AKIOS's batch_processing, unchanged (the LLM sees the listing of data/input/batch).
mkdir -p data/input/batch
echo "invoice 1: 10 EUR" >data/input/batch/a.txt
echo "ticket 7: printer jam" >data/input/batch/b.txt
cat >templates/akios-batch.yml <<'EOW'
name: "Batch Processing Workflow"
description: "Process multiple documents and aggregate insights"
steps:
  - step: 1
    agent: filesystem
    action: list
    config:
      allowed_paths: ["./data/input"]
    parameters:
      path: "./data/input/batch"
  - step: 2
    agent: llm
    action: complete
    config:
      provider: "${AKIOS_LLM_PROVIDER:-grok}"
      model: "${AKIOS_LLM_MODEL:-grok-3}"
    parameters:
      prompt: "Analyze these files and return JSON with summary, file_count, themes and recommendations: {previous_output}"
      max_tokens: 800
      temperature: 0.3
  - step: 3
    agent: filesystem
    action: write
    config:
      allowed_paths: ["./data/output"]
    parameters:
      path: "./data/output/batch-summary.json"
      content: "{previous_output}"
EOW

# ---- config ------------------------------------------------------------------
cp akios-default.yaml config.yaml
out=$("$A" validate templates/akios-hello.yml 2>&1)
is "$?" 0 "AKIOS's default config.yaml loads unchanged"
cp akios-full.yaml config.yaml
out=$("$A" run templates/akios-hello.yml --quiet 2>&1)
rc=$?
is "$rc" 0 "a config with all 33 AKIOS settings runs (mock mode despite allowed_providers)"
like "$out" "config.yaml:[0-9]+:1: ui_theme: accepted; no effect" "ui_theme: dark gets a one-line notice with its position"
unlike "$out" "ui_custom_theme|pii_backend|audit_backend" "keys at their defaults (null, regex, jsonl) get no notice"
is "$(printf '%s\n' "$out" | grep -c 'note:')" 1 "exactly one notice"
for kv in "pii_backend: presidio|no Presidio backend; its built-in detector" \
          "audit_backend: sqlite|one JSONL ledger with a signed Merkle checkpoint" \
          "use_enforcecore: true|does not load the enforcecore library"; do
        key=${kv%%|*}
        want=${kv#*|}
        { grep -v "^${key%%:*}:" akios-full.yaml; echo "$key"; } >config.yaml
        out=$("$A" validate templates/akios-hello.yml 2>&1)
        rc=$?
        is "$rc" 2 "'$key' is refused (exit 2)"
        like "$out" "config.yaml:[0-9]+:[0-9]+: ${key%%:*}: must be .*$want" "'$key': says what to use instead"
done
cp akios-default.yaml config.yaml
sed 's/max_tokens: 80/max_tokens: 1500/' templates/akios-hello.yml >templates/big.yml
v=$("$A" validate templates/big.yml 2>&1)
vrc=$?
r=$("$A" run templates/big.yml 2>&1)
rrc=$?
is "$vrc" 4 "max_tokens 1500 over max_tokens_per_call 1000: validate exits 4"
is "$rrc" "$vrc" "run exits with validate's code"
is "$r" "$v" "run gives validate's message"
like "$v" "big.yml:12:[0-9]+: max_tokens 1500 is above max_tokens_per_call 1000" "with its position"

# ---- shipped workflows, --json-output and output.json --------------------------------
cp akios-default.yaml config.yaml
j=$("$A" run templates/akios-hello.yml --json-output 2>/dev/null)
is "$?" 0 "AKIOS's hello-workflow runs unchanged (mock)"
keys=$(printf '%s' "$j" | $PY -c 'import json,sys; print(",".join(sorted(json.load(sys.stdin))))')
is "$keys" "akios_version,error,error_category,execution_time_seconds,llm_model,pii_redacted_fields,pii_redaction_count,status,steps_executed,tokens_input,tokens_output,total_cost,workflow_id" \
        "--json-output prints exactly AKIOS's keys"
# An AKIOS-style script: reads --json-output, then the run's output.json.
cat >"$T/akios_script.py" <<'EOS'
import glob, json, os, sys
res = json.loads(sys.stdin.read())
assert res["status"] == "completed", res
assert res["steps_executed"] == 3 and res["error"] is None
assert res["tokens_input"] > 0 and res["tokens_output"] > 0
assert isinstance(res["pii_redacted_fields"], list) and "EMAIL_ADDRESS" in res["pii_redacted_fields"]
runs = sorted(glob.glob("data/output/run_*/output.json"), key=os.path.getmtime)
out = json.load(open(runs[-1]))
assert out["workflow_name"] == "Hello World Workflow", out["workflow_name"]
assert out["workflow_id"] == res["workflow_id"]
assert [r["step"] for r in out["results"]] == [1, 2, 3]
assert all(isinstance(r["output"], str) for r in out["results"])
assert "[EMAIL_ADDRESS]" in out["results"][0]["output"] or "admin@" not in out["results"][0]["output"]
sec, cost = out["security"], out["cost"]
assert sec["pii_redaction_enabled"] is True and sec["sandbox_enabled"] is True
assert sec["pii_redaction_count"] == res["pii_redaction_count"] >= 1
assert cost["total_cost"] == 0.0 and cost["budget_limit"] == 1.0
assert cost["tokens_input"] == res["tokens_input"]
print("ok", len(out["results"]))
EOS
s=$(printf '%s' "$j" | $PY "$T/akios_script.py" 2>&1)
is "$s" "ok 3" "an AKIOS-style script reads --json-output and output.json"
out=$("$A" run templates/akios-batch.yml --quiet 2>&1)
is "$?" 0 "AKIOS's batch_processing runs unchanged (mock)"
cp templates/akios-hello.yml workflow.yml
out=$("$A" run --json-output 2>/dev/null)
like "$out" '"status":"completed"' "run with no argument runs ./workflow.yml (AKIOS's default)"
rm workflow.yml
out=$("$A" run --json-output 2>&1)
is "$?" 2 "run with no argument and no workflow.yml is a usage error"

# redaction_markers: akios
echo 'redaction_markers: akios' >>config.yaml
cat >templates/markers.yml <<'EOW'
name: markers
steps:
  - step: 1
    agent: filesystem
    action: write
    parameters: {path: "./data/output/m.txt", content: "mail admin@example.com or call 415-555-0134"}
EOW
"$A" run templates/markers.yml --quiet >/dev/null 2>&1
f=$(ls -t data/output/run_*/m.txt | head -1)
like "$(cat "$f")" '\[EMAIL\]' "redaction_markers: akios writes AKIOS's [EMAIL]"
unlike "$(cat "$f")" 'EMAIL_ADDRESS|admin@example.com' "and not akios's marker (nor the address)"
cp akios-default.yaml config.yaml

# ---- kill-switches -------------------------------------------------------------------
printf 'max_tokens_per_run: 100\n' >>config.yaml
out=$("$A" run templates/akios-hello.yml --json 2>&1)
is "$?" 4 "max_tokens_per_run: a call whose reservation does not fit is not sent (exit 4)"
like "$out" "token limit: 0 of max_tokens_per_run 100 used or reserved" "the reason names the token limit"
like "$(tail -5 audit/ledger.jsonl)" '"action":"budget_kill".*"tokens_limit":100' "a budget_kill ledger event with the token figures"
cp akios-default.yaml config.yaml
printf 'max_steps_per_run: 2\n' >>config.yaml
# With a condition on step 3, validation cannot know it runs: run stops it when it does.
sed -e 's/^  - step: 3/  - step: 3\n    condition: "true"/' templates/akios-hello.yml >templates/akios-hello-c.yml
out=$("$A" validate templates/akios-hello.yml 2>&1)
is "$?" 4 "validate: 3 unconditional steps over max_steps_per_run 2 (exit 4, as run)"
like "$out" "akios-hello.yml:4:[0-9]+: the workflow has 3 steps without a condition, more than max_steps_per_run 2" "with the position of steps"
out=$("$A" run templates/akios-hello-c.yml 2>&1)
is "$?" 4 "max_steps_per_run 2: the third step is not started (exit 4)"
like "$out" "max_steps_per_run: 2 steps already ran; step 3" "the reason is recorded"
like "$(tail -3 audit/ledger.jsonl)" '"action":"kill_switch".*"switch":"max_steps_per_run"' "a kill_switch ledger event"
f=$(ls -td data/output/run_* | head -1)/output.json
like "$(cat "$f")" '"tripped": "max_steps_per_run"' "output.json names the switch"

# Real wire format (the fake OpenAI server): token cut in flight and workflow_timeout.
{ cat akios-default.yaml; echo 'model_prices: {fake: {input: 1, output: 1}}'; } >config.yaml
sed -i 's/^AKIOS_MOCK_LLM=1/AKIOS_MOCK_LLM=0/' .env
export OPENAI_API_KEY=sk-compat-test-0123456789
cat >templates/real.yml <<'EOW'
name: real
steps:
  - step: 1
    agent: llm
    action: complete
    config: {provider: openai, model: fake}
    parameters: {prompt: "say hi", max_tokens: 300}
EOW
export OPENAI_BASE_URL=http://127.0.0.1:$LPORT/s/words=2000,ignore_max/v1
sed -i 's/^cost_kill_enabled:.*/cost_kill_enabled: false/' config.yaml
echo 'max_tokens_per_run: 400' >>config.yaml
out=$("$A" run templates/real.yml --json 2>&1)
is "$?" 4 "max_tokens_per_run holds with cost_kill_enabled false: the stream is cut in flight (exit 4)"
like "$out" "token limit: the answer was cut in flight" "the reason says it was cut"
tin=$(printf '%s' "$out" | grep '^{' | $PY -c 'import json,sys; d=json.load(sys.stdin); print(d["tokens_output"] > 0 and d["tokens_input"] > 0)')
is "$tin" True "the cut call's tokens are counted (not 0)"
{ cat akios-default.yaml; echo 'model_prices: {fake: {input: 1, output: 1}}'; echo 'workflow_timeout: 1'; } >config.yaml
export OPENAI_BASE_URL=http://127.0.0.1:$LPORT/s/slow=30,t1/v1
out=$("$A" run templates/real.yml --json 2>&1)
is "$?" 4 "workflow_timeout 1 s stops a 30 s LLM call in flight (exit 4)"
like "$out" "workflow_timeout: the run passed its 1 s limit during this step" "the reason is recorded"
like "$(tail -3 audit/ledger.jsonl)" '"action":"kill_switch".*"in_flight":true.*"switch":"workflow_timeout"' "a kill_switch ledger event"
like "$out" '"status":"timeout"' "status timeout"

# ---- sampling options go on the wire, per provider ----------------------------------------
cp akios-default.yaml config.yaml
echo 'model_prices: {fake: {input: 1, output: 1}}' >>config.yaml
export OPENAI_BASE_URL=http://127.0.0.1:$LPORT/s/words=3,samp/v1
cat >templates/samp.yml <<'EOW'
name: sampling
steps:
  - step: 1
    agent: llm
    action: complete
    config: {provider: openai, model: fake}
    parameters: {prompt: "hi", max_tokens: 20, top_p: 0.5, frequency_penalty: 0.25, presence_penalty: -0.5, stop: ["END"], seed: 7}
EOW
"$A" run templates/samp.yml --quiet >/dev/null 2>&1
is "$?" 0 "top_p, penalties, stop and seed run on openai"
body=$(grep '/s/words=3,samp/' "$T/llm.jsonl" | tail -1 | $PY -c 'import json,sys; b=json.loads(json.load(sys.stdin)["body"]); print(b["top_p"], b["frequency_penalty"], b["presence_penalty"], b["stop"], b["seed"])')
is "$body" "0.5 0.25 -0.5 ['END'] 7" "and reach the provider under its names"
sed 's/provider: openai/provider: anthropic/' templates/samp.yml >templates/samp-a.yml
out=$("$A" validate templates/samp-a.yml 2>&1)
is "$?" 2 "anthropic has no frequency_penalty: validation refuses it (exit 2)"
like "$out" "samp-a.yml:7:[0-9]+: provider 'anthropic' does not take 'frequency_penalty' \(it takes: top_p stop\)" "naming what it takes"
sed 's/top_p: 0.5/top_p: 1.5/' templates/samp.yml >templates/samp-b.yml
out=$("$A" validate templates/samp-b.yml 2>&1)
like "$out" "'top_p' must be a number in \[0, 1\]" "an out-of-range top_p is refused"
export ANTHROPIC_BASE_URL=http://127.0.0.1:$LPORT/s/words=3,sampa ANTHROPIC_API_KEY=sk-ant-compat-0123456789
sed -e 's/provider: openai/provider: anthropic/' -e 's/, frequency_penalty: 0.25, presence_penalty: -0.5//' -e 's/, seed: 7//' \
        -e 's/stop: \["END"\]/stop: "END"/' templates/samp.yml >templates/samp-c.yml
"$A" run templates/samp-c.yml --quiet >/dev/null 2>&1
is "$?" 0 "anthropic takes top_p and stop"
body=$(grep '/s/words=3,sampa/' "$T/llm.jsonl" | tail -1 | $PY -c 'import json,sys; b=json.loads(json.load(sys.stdin)["body"]); print(b["top_p"], b["stop_sequences"], "frequency_penalty" in b)')
is "$body" "0.5 ['END'] False" "as top_p and stop_sequences"
sed -i 's/^AKIOS_MOCK_LLM=0/AKIOS_MOCK_LLM=1/' .env
unset OPENAI_BASE_URL ANTHROPIC_BASE_URL

# ---- http params and auth ------------------------------------------------------------------
cp akios-default.yaml config.yaml
echo 'allowed_domains: [127.0.0.1]' >>config.yaml
echo 'API_TOKEN=tok-compat-SECRET-42' >>.env
cat >templates/http.yml <<EOW
name: http-compat
steps:
  - step: 1
    agent: http
    action: get
    parameters:
      url: "http://127.0.0.1:$HPORT/echo"
      params: {q: "a b&c", n: 2}
      auth: {type: bearer, token: "\${API_TOKEN}"}
  - step: 2
    agent: http
    action: get
    parameters:
      url: "http://127.0.0.1:$HPORT/echo?x=1"
      auth: ["alice", "wonder land"]
EOW
out=$("$A" run templates/http.yml --json 2>&1)
is "$?" 0 "http params and auth (bearer from a secret, basic) run"
rec=$(grep '"/echo' "$T/http.jsonl" | tail -2)
like "$rec" '"path": "/echo\?q=a\+b%26c&n=2"' "params become the URL-encoded query"
like "$rec" '"Authorization": "Bearer tok-compat-SECRET-42"' "the bearer token is sent as the Authorization header"
like "$rec" '"path": "/echo\?x=1".*"Authorization": "Basic YWxpY2U6d29uZGVyIGxhbmQ="' "basic auth is user:password in base64, beside an existing query"
unlike "$out$(cat audit/ledger.jsonl data/output/run_*/output.json)" 'tok-compat-SECRET-42' "the token is in no output, ledger or output.json"
sed 's/auth: {type: bearer, token: "${API_TOKEN}"}/headers: {X-Token: "${API_TOKEN}"}/' templates/http.yml >/dev/null
cat >templates/http-bad.yml <<EOW
name: http-bad
steps:
  - step: 1
    agent: http
    action: get
    parameters: {url: "http://127.0.0.1:$HPORT/echo", params: {q: "\${API_TOKEN}"}}
EOW
out=$("$A" validate templates/http-bad.yml 2>&1)
is "$?" 3 "a secret in params (the URL) is still refused (exit 3)"
cat >templates/http-unknown.yml <<EOW
name: http-unknown
steps:
  - step: 1
    agent: http
    action: get
    parameters: {url: "http://127.0.0.1:$HPORT/echo", cookies: {a: b}}
EOW
out=$("$A" validate templates/http-unknown.yml 2>&1)
like "$out" "unknown parameter 'cookies'" "an http parameter akios does not send is named, not dropped"

# ---- retry, tool timeout, conditions --------------------------------------------------------
cp akios-default.yaml config.yaml
cat >templates/retry.yml <<'EOW'
name: retry
steps:
  - step: 1
    agent: filesystem
    action: read
    config: {allowed_paths: ["./data/input"]}
    parameters: {path: "./data/input/missing.txt"}
    on_error: retry
    retry: {attempts: 3, backoff: 0}
EOW
out=$("$A" run templates/retry.yml --json 2>/dev/null)
is "$?" 1 "retry: {attempts: 3} then the step fails"
id=$(printf '%s' "$out" | $PY -c 'import json,sys; print(json.load(sys.stdin)["run_id"])')
is "$(grep "\"$id\"" audit/ledger.jsonl | grep -c '"action":"read".*"outcome":"started"')" 3 "three tries were made"
is "$(grep "\"$id\"" audit/ledger.jsonl | grep -c '"outcome":"retry"')" 2 "two recorded retries"
sed 's/attempts: 3/attempts: 11/' templates/retry.yml >templates/retry-bad.yml
out=$("$A" validate templates/retry-bad.yml 2>&1)
like "$out" "retry-bad.yml:9:[0-9]+: retry 'attempts' must be an integer in 1..10" "attempts are capped, with the position"
cat >templates/tool.yml <<'EOW'
name: tool-timeout
steps:
  - step: 1
    agent: tool_executor
    action: run
    config: {allowed_commands: [echo]}
    parameters: {command: "echo done", timeout: 10}
EOW
out=$("$A" validate templates/tool.yml 2>&1)
is "$?" 0 "tool_executor timeout in parameters (AKIOS's AGENTS.md) validates"
cat >templates/cond.yml <<'EOW'
name: conditions
steps:
  - step: 1
    agent: llm
    action: complete
    config: {provider: mock}
    parameters: {prompt: "hello", max_tokens: 50}
  - step: 2
    agent: filesystem
    action: write
    condition: "step_1_output['tokens_used'] * 2 > 1 and step_1_output['finish_reason'] is not None and step_1_output['finish_reason'] in ['stop', 'length']"
    parameters: {path: "./data/output/yes.txt", content: "yes"}
  - step: 3
    agent: filesystem
    action: write
    condition: "step_1_output['finish_reason'] is None"
    parameters: {path: "./data/output/no.txt", content: "no"}
EOW
out=$("$A" run templates/cond.yml --json 2>&1)
is "$?" 0 "conditions with arithmetic, is [not] None and a list literal run"
st=$(printf '%s' "$out" | grep '^{' | $PY -c 'import json,sys; print(" ".join(s["status"] for s in json.load(sys.stdin)["steps"]))')
is "$st" "completed completed skipped" "and decide as written"

# filesystem list `pattern` filters (AKIOS documents it and ignores it); `encoding` other
# than UTF-8 is refused, not ignored.
cat >templates/fs.yml <<'EOW'
name: fs-compat
steps:
  - step: 1
    agent: filesystem
    action: list
    config: {allowed_paths: ["./data/input"]}
    parameters: {path: "./data/input/batch", pattern: "a*.txt"}
  - step: 2
    agent: filesystem
    action: read
    config: {allowed_paths: ["./data/input"]}
    parameters: {path: "./data/input/batch/a.txt", encoding: "latin-1"}
EOW
out=$("$A" run templates/fs.yml --json 2>/dev/null)
is "$?" 2 "read with encoding latin-1 is refused (exit 2)"
names=$(printf '%s' "$out" | $PY -c 'import json,sys; s=json.load(sys.stdin)["steps"]; print([i["name"] for i in s[0]["output"]["items"]], "UTF-8" in s[1]["error"])')
is "$names" "['a.txt'] True" "list pattern a*.txt keeps a.txt only; the encoding error says UTF-8"
cat >templates/key.yml <<'EOW'
name: key-in-workflow
steps:
  - step: 1
    agent: llm
    action: complete
    config: {provider: openai, model: gpt-4o-mini, api_key: "sk-literal-in-yaml-000000000000"}
    parameters: {prompt: "hi"}
EOW
out=$("$A" validate templates/key.yml 2>&1)
like "$out" "unknown config key 'api_key'" "an api_key in a workflow is named, never silently dropped (keys come from .env)"

# ---- AKIOS's command names ------------------------------------------------------------------
out=$("$A" workflow validate templates/akios-hello.yml 2>&1)
is "$?" 0 "workflow validate is validate"
out=$("$A" audit log -n 2 2>&1)
is "$(printf '%s\n' "$out" | grep -c .)" 2 "audit log -n 2 shows two events"
out=$("$A" protect scan --text "write to bob@example.com" --json 2>&1)
like "$out" '"type":"EMAIL_ADDRESS"' "protect scan --text scans the text"
out=$("$A" --debug validate templates/akios-hello.yml 2>&1)
like "$out" "debug: config .*config.yaml" "--debug says which config was loaded"
out=$("$A" output list --json 2>&1)
like "$out" '"runs":\[\{"mtime":[0-9]+,"run":"run_' "output list --json lists the run folders"
out=$("$A" output list "Hello World Workflow" 2>&1)
like "$out" "^run_.* completed +Hello World Workflow" "output list WORKFLOW filters by workflow name"
last=$(ls -td data/output/run_* | head -1)
out=$("$A" output latest --json 2>&1)
is "$(printf '%s' "$out" | $PY -c 'import json,sys; print(json.load(sys.stdin)["output_dir"])')" "$PWD/$last" "output latest prints the newest run's output.json"
out=$("$A" logs --limit 2 --json 2>&1)
is "$(printf '%s' "$out" | $PY -c 'import json,sys; e=json.load(sys.stdin)["events"]; print(len(e), e[-1]["action"])')" "2 run_end" "logs --limit 2: the last two events"
id=$(basename "$last")
out=$("$A" logs --task "$id" --limit 100 --json 2>&1)
is "$(printf '%s' "$out" | $PY -c 'import json,sys; print(set(e["run_id"] for e in json.load(sys.stdin)["events"]))')" "{'$id'}" "logs --task RUN: that run's events only"
out=$("$A" audit stats --json 2>&1)
is "$(printf '%s' "$out" | $PY -c 'import json,sys; d=json.load(sys.stdin); print(d["events"] == d["checkpoint_size"] > 0)')" True "audit stats: every event signed"
is "$(wc -l <audit/ledger.jsonl)" "$(printf '%s' "$out" | $PY -c 'import json,sys; print(json.load(sys.stdin)["events"])')" "audit stats counts the ledger's lines"
out=$("$A" status --budget 2>&1)
like "$out" "limits .*max_tokens_per_run 0 \(none\), workflow_timeout 1800 s, max_steps_per_run 100" "status --budget shows the kill-switches"
out=$("$A" init --json "$T/other" 2>&1)
like "$out" '"status":"success"' "init --json prints one JSON object"
n=$(ls -d data/output/run_* | wc -l)
out=$("$A" clean --old-runs 7 --dry-run 2>&1)
is "$(ls -d data/output/run_* | wc -l)" "$n" "clean --old-runs 7 --dry-run removes nothing (all runs are new)"
touch -d '10 days ago' "$last"
out=$("$A" clean --old-runs 7 --yes 2>&1)
like "$out" "removed data/output/$id" "clean --old-runs 7 --yes removes a run older than 7 days"
is "$(ls -d data/output/run_* | wc -l)" "$((n - 1))" "and only that one"
out=$("$A" output archive --name keep --json 2>&1)
like "$out" '"archive":"keep"' "output archive --name moves the runs"
is "$(ls -d data/output/run_* 2>/dev/null | wc -l)" 0 "out of data/output"
is "$(ls -d data/archive/keep/run_* | wc -l)" "$((n - 1))" "into data/archive/keep"
out=$("$A" protect show-prompt templates/akios-hello.yml 2>&1)
like "$out" "user> Write a short, playful .*contact is \[EMAIL_ADDRESS\]" "protect show-prompt: the exact redacted prompt"
out=$("$A" protect preview templates/akios-hello.yml --json 2>&1)
like "$out" '"pii_found":\{"EMAIL_ADDRESS":1\}' "protect preview lists what it found"
echo 'allowed_domains: [127.0.0.1]' >>config.yaml
out=$("$A" http GET "http://127.0.0.1:$HPORT/echo?a=1" -H "X-A: b" 2>&1)
like "$out" '^HTTP 200' "http GET URL: one request through the http agent"
like "$(tail -1 "$T/http.jsonl")" '"path": "/echo\?a=1".*"X-A": "b"' "with its header"
out=$("$A" http post "http://127.0.0.1:$HPORT/echo" --body 'mail bob@example.com' 2>&1)
like "$(tail -1 "$T/http.jsonl")" '"body": "mail \[EMAIL_ADDRESS\]"' "the body is redacted before it leaves"
out=$("$A" http get "http://127.0.0.2:$HPORT/echo" 2>&1)
is "$?" 3 "a host outside allowed_domains is refused (exit 3)"
h=$("$A" --help 2>&1)
unlike "$h" "workflow validate|audit log" "--help shows akios's own names"
done_testing
