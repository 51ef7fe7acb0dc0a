#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 15, findings 5, 7 and 8: known secrets (.env values, provider keys) never leave
# unmasked, in any of their encodings; ${SECRET} only in an HTTP header value, which is sent as
# written but masked in every record; URLs are redacted and may not carry credentials; budget
# by bytes against a lying server; a redirect to file:// after a request is not "exit 2".
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

PY=/usr/bin/python3
[ -x $PY ] || { skip "no python3 for the fake servers"; done_testing; exit; }
$PY "$AKIOS_SRC/tests/helpers/fake_http.py" --record "$T/http.jsonl" >"$T/hport" &
H=$!
$PY "$AKIOS_SRC/tests/helpers/fake_llm.py" --record "$T/llm.jsonl" >"$T/lport" &
L=$!
trap 'kill $H $L 2>/dev/null; rm -rf "$T"' EXIT
i=0
while { [ ! -s "$T/hport" ] || [ ! -s "$T/lport" ]; } && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
HP=$(head -1 "$T/hport")
LP=$(head -1 "$T/lport")

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
SECRET='S3cr3t-Passw0rd-xyz-42'
TOKEN='tok_live_9f8e7d6c5b4a3210'
printf 'DB_PASSWORD=%s\nSERVICE_TOKEN=%s\n' "$SECRET" "$TOKEN" >> .env
sed -i 's/^allowed_domains:.*/allowed_domains: [127.0.0.1]/' config.yaml

forms() { # every encoding of $1 that must not appear
        printf '%s\n' "$1"
        printf '%s' "$1" | tr 'a-z' 'A-Z'; echo
        printf '%s' "$1" | base64 -w0; echo
        $PY -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
        printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; echo
        printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F'; echo
        printf '%s' "$1" | rev; echo
}
leaks() { # FILES... : prints a found form of either secret, if any
        for s in "$SECRET" "$TOKEN"; do
                forms "$s" | while read -r f; do
                        [ -n "$f" ] && grep -rlF -- "$f" "$@" 2>/dev/null | head -1
                done
        done
}

# 1. ${SECRET} outside an HTTP header: refused at validation with its position (exit 3).
for place in "llm prompt" "http url" "http body" "filesystem content"; do
        set -- $place
        case $1/$2 in
        llm/prompt) p='action: complete
    parameters: {prompt: "the password is ${DB_PASSWORD}"}' ;;
        http/url) p="action: get
    parameters: {url: \"http://127.0.0.1:$HP/echo?p=\${DB_PASSWORD}\"}" ;;
        http/body) p="action: post
    parameters: {url: \"http://127.0.0.1:$HP/echo\", data: \"\${DB_PASSWORD}\"}" ;;
        filesystem/content) p='action: write
    parameters: {path: data/output/x.txt, content: "${DB_PASSWORD}"}' ;;
        esac
        printf 'name: s\nsteps:\n  - step: 1\n    agent: %s\n    %s\n' "$1" "$p" > "workflows/$1-$2.yml"
        run "$AKIOS" validate "workflows/$1-$2.yml"
        is "$rc" 3 "\${DB_PASSWORD} in the $1 $2 is refused at validation (exit 3)"
        like "$err" "workflows/$1-$2.yml:6:[0-9]+: .*DB_PASSWORD.*header" "  ... with file:line:col and the rule"
        run "$AKIOS" run "workflows/$1-$2.yml"
        is "$rc" 3 "  ... and by run, before anything is sent"
done
check "nothing reached the fake HTTP server" test ! -s "$T/http.jsonl"

# 2. In an Authorization header: sent as written, masked in output.json and the ledger.
cat > workflows/auth.yml <<EOF2
name: auth
steps:
  - step: 1
    agent: http
    action: get
    parameters:
      url: "http://127.0.0.1:$HP/echo"
      headers:
        Authorization: "Bearer \${SERVICE_TOKEN}"
        X-Db: "\${DB_PASSWORD}"
EOF2
run "$AKIOS" run workflows/auth.yml
is "$rc" 0 "an authenticated HTTP call runs"
like "$(cat "$T/http.jsonl")" "Bearer $TOKEN" "the server received the Authorization header as written"
like "$(cat "$T/http.jsonl")" "$SECRET" "  ... and the secret header"
is "$(leaks data/output audit)" "" "no form of either secret is in output.json, step files or the ledger"
like "$(cat data/output/run_*/output.json)" 'SECRET:SERVICE_TOKEN' "  ... the echo is masked with the variable's name"

# 3. A secret that arrives from outside (a file, in every encoding) is scrubbed from results.
forms "$SECRET" > data/input/leak.txt
printf 'https://x/?q=%s\n' "$TOKEN" >> data/input/leak.txt
cat > workflows/read.yml <<'EOF2'
name: read
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters: {path: data/input/leak.txt}
  - step: 2
    agent: llm
    action: complete
    parameters: {prompt: "{previous_output}"}
EOF2
rm -rf data/output/run_*
run "$AKIOS" run workflows/read.yml
is "$rc" 0 "a file holding the secret in four encodings is read"
is "$(leaks data/output audit)" "" "  ... and none of the encodings is in any record"

# 4. A provider's error quoting its key in another case, base64 or URL-encoded is scrubbed.
export OPENAI_API_KEY=sk-fakekey-ABCdef0123456789xyz
export OPENAI_BASE_URL="http://127.0.0.1:$LP/s/echo_key_forms/v1"
sed -i 's/^AKIOS_MOCK_LLM=1/AKIOS_MOCK_LLM=0/' .env
cat > workflows/key.yml <<'EOF2'
name: key
steps:
  - step: 1
    agent: llm
    action: complete
    config: {provider: openai, model: gpt-4o-mini}
    parameters: {prompt: "hi", max_tokens: 10}
EOF2
rm -rf data/output/run_*
run "$AKIOS" run workflows/key.yml
is "$rc" 1 "the provider's 401 fails the step"
SECRET=$OPENAI_API_KEY TOKEN=$OPENAI_API_KEY
printf '%s' "$err" > "$T/stderr.txt"
is "$(leaks data/output audit "$T/stderr.txt")" "" "the key is in no form on stderr, output.json or the ledger"

# 5. Budget by bytes: a server reporting 0 tokens, or one streaming one 1 MB delta.
sed -i 's/^budget_limit_per_run:.*/budget_limit_per_run: 0.01/' config.yaml
sed -i 's/^model_prices:.*/model_prices: {fake: {input: 1, output: 10}}/' config.yaml
cat > workflows/lie.yml <<'EOF2'
name: lie
steps:
  - step: 1
    agent: llm
    action: complete
    config: {provider: openai, model: fake}
    parameters: {prompt: "hello there", max_tokens: 500}
EOF2
export OPENAI_BASE_URL="http://127.0.0.1:$LP/s/zero_usage,words=400/v1"
rm -rf data/output/run_*
run "$AKIOS" run --json workflows/lie.yml
is "$rc" 0 "a server reporting zero usage: the call completes"
cost=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["total_cost"])' data/output/run_*/output.json)
check "  ... but is charged by its bytes (cost $cost > 0)" awk "BEGIN { exit !($cost > 0) }"
export OPENAI_BASE_URL="http://127.0.0.1:$LP/s/one_delta=1000000,ignore_max/v1"
rm -rf data/output/run_*
run "$AKIOS" run workflows/lie.yml
is "$rc" 4 "one 1 MB delta against a \$0.01 budget is cut (exit 4)"
like "$(cat audit/ledger.jsonl)" '"budget_kill"' "  ... with a budget_kill event"

# 6. A redirect to file:// after a request went out is a policy refusal, not "exit 2".
cat > workflows/redir.yml <<EOF2
name: redir
steps:
  - step: 1
    agent: http
    action: get
    parameters: {url: "http://127.0.0.1:$HP/redirect?to=file:///etc/passwd"}
EOF2
run "$AKIOS" run workflows/redir.yml
is "$rc" 3 "a redirect to file:// is refused as policy (exit 3)"
unlike "$err" "nothing was executed" "  ... and not reported as 'nothing was executed'"

# 7. A URL with user:password is refused; PII in a query is redacted before it leaves.
: > "$T/http.jsonl"
cat > workflows/url.yml <<EOF2
name: url
steps:
  - step: 1
    agent: http
    action: get
    parameters: {url: "http://127.0.0.1:$HP/echo?email=jane.doe@example.com"}
EOF2
run "$AKIOS" run workflows/url.yml
is "$rc" 0 "a URL with an e-mail in its query runs"
unlike "$(cat "$T/http.jsonl")" "jane.doe@example.com" "  ... the e-mail did not reach the server"
sed -i 's#echo?email=jane.doe@example.com#echo#; s#http://127#http://user:pw@127#' workflows/url.yml
run "$AKIOS" run workflows/url.yml
is "$rc" 3 "a URL with user:password is refused (exit 3)"

# 8. Finding 03: an allowed host echoes the header's secret back hex-encoded (both cases),
# reversed and base64-encoded; none of these forms reaches the next step's LLM or a record.
SECRET='S3cr3t-Passw0rd-xyz-42' TOKEN='tok_live_9f8e7d6c5b4a3210'
export OPENAI_API_KEY=sk-fakekey-ABCdef0123456789xyz
export OPENAI_BASE_URL="http://127.0.0.1:$LP/v1"
: > "$T/llm.jsonl"
cat > workflows/echo.yml <<EOF2
name: echo
steps:
  - step: 1
    agent: http
    action: get
    parameters:
      url: "http://127.0.0.1:$HP/echo_forms"
      headers: {X-Echo: "\${SERVICE_TOKEN}"}
  - step: 2
    agent: llm
    action: complete
    config: {provider: openai, model: gpt-4o-mini}
    parameters: {prompt: "decode: {step_1_output}", max_tokens: 10}
EOF2
rm -rf data/output/run_*
run "$AKIOS" run workflows/echo.yml
is "$rc" 0 "a host echoing the header's secret in other forms: the run completes"
like "$(cat "$T/llm.jsonl")" 'decode: ' "  ... the next step's prompt reached the fake LLM"
is "$(leaks "$T/llm.jsonl" data/output audit)" "" \
        "  ... holding no form of it (hex, HEX, reversed, base64), nor does any record"
like "$(cat data/output/run_*/output.json)" 'hex=\[SECRET:SERVICE_TOKEN\] HEX=\[SECRET:SERVICE_TOKEN\] rev=\[SECRET:SERVICE_TOKEN\]' \
        "  ... each form is masked with the variable's name"

done_testing
