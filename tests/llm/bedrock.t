#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The bedrock provider end to end: `akios run` against the ConverseStream endpoint of the
# fake server (tests/helpers/fake_llm.py: AWS's binary event-stream), which checks every
# request's AWS Signature Version 4 with its own implementation. A step with provider bedrock completes and is charged at the
# default model's price; the keys come from .env; a wrong secret is AWS's 403 and the step
# fails naming the provider; a session token is sent and signed; model ids with ':' sign
# (double encoding); throttling is retried; a malformed answer fails closed; the budget stops
# an overspending workflow and an answer past max_tokens (reported, or by its bytes); the
# secret key and the token are in no ledger line, output file, message or request.
. "$AKIOS_SRC/tests/lib.sh"

PY=/usr/bin/python3
if [ ! -x $PY ]; then
        skip "no /usr/bin/python3 for the fake server"
        done_testing
        exit
fi
AKID=AKIDBEDROCKTEST01
SECRET=bedrock-SECRETKEY-wJalrXUtnFEMIK7MDENG0123
AKID_TEMP=ASIATEMPBEDROCK02
SECRET_TEMP=bedrock-TEMPSECRET-0123456789abcdefgh
TOKEN=IQoJb3JpZ2luX2VjEXAMPLE-SESSIONTOKEN-0123456789
$PY "$AKIOS_SRC/tests/helpers/fake_llm.py" --record "$T/record.jsonl" \
        --aws-key "$AKID:$SECRET" --aws-key "$AKID_TEMP:$SECRET_TEMP:$TOKEN" >"$T/port" &
FAKE=$!
trap 'kill $FAKE 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(head -1 "$T/port")
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_REGION AWS_DEFAULT_REGION \
        AKIOS_BEDROCK_REGION AKIOS_BEDROCK_MODEL_ID AWS_ENDPOINT_URL AKIOS_LLM_PROVIDER \
        AKIOS_LLM_MODEL AKIOS_MOCK_LLM

# project DIR SCENARIO: a project whose .env holds the AWS keys; `arun` runs akios there
# with bedrock pointed at the fake server with SCENARIO (from the environment: a .env value
# would be masked in the ledger like every .env value).
project() {
        "$AKIOS" init "$1" >/dev/null 2>&1 || return 1
        sed -i 's/^AKIOS_MOCK_LLM=1/AKIOS_MOCK_LLM=0/' "$1/.env"
        cat >>"$1/.env" <<EOS
AWS_ACCESS_KEY_ID=$AKID
AWS_SECRET_ACCESS_KEY=$SECRET
EOS
        echo "http://127.0.0.1:$PORT/s/$2,p=bedrock" >"$1/.endpoint"
}

# arun DIR ARGS...: `akios ARGS` in project DIR (sets $rc, $out, $err).
arun() {
        _d=$1
        shift
        cd "$_d" || return 1
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME=$(cat .endpoint) run "$AKIOS" "$@"
        cd "$T" || return 1
}

one_line() { printf '%s' "$*" | tr '\n' ' '; }

# workflow MODEL_LINE MAX_TOKENS [STEPS]
workflow() {
        echo "name: bedrock"
        echo "steps:"
        n=1
        while [ $n -le "${3:-1}" ]; do
                cat <<EOS
  - step: $n
    agent: llm
    action: complete
    config: {provider: bedrock$1}
    parameters: {prompt: "summarise the cage in one line", max_tokens: $2}
EOS
                n=$((n + 1))
        done
}

last_record() { tail -1 "$T/record.jsonl"; }
everything() { cat "$1"/audit/ledger.jsonl "$1"/data/output/run_*/* "$T/.err" "$T/.out" 2>/dev/null; }

if ! project "$T/ok" "words=8"; then
        skip "akios init does not work yet"
        done_testing
        exit
fi

# A step with provider bedrock and the default model: signed, answered, charged.
P=$T/ok
workflow "" 50 >"$P/workflows/w.yml"
: >"$T/record.jsonl"
arun "$P" run workflows/w.yml
is "$rc" 0 "a bedrock step completes (keys from .env)"
[ "$rc" = 0 ] || diag "$err"
like "$(last_record)" '"sigv4": "valid"' "the fake server verified the SigV4 signature"
like "$(last_record)" '"path": "/s/words=8,p=bedrock/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse-stream"' \
        "the default model id, ':' as %3A on the wire (double-encoded in the signature)"
like "$(last_record)" 'Credential=AKIDBEDROCKTEST01/[0-9]{8}/us-east-1/bedrock/aws4_request' \
        "signed for us-east-1 and the signing name bedrock"
like "$(last_record)" '\\"inferenceConfig\\":\{\\"maxTokens\\":50' "maxTokens sent in inferenceConfig"
ev=$(grep '"agent":"llm"' "$P/audit/ledger.jsonl" | grep '"charged_usd"')
like "$ev" '"provider":"bedrock"' "the ledger names the provider"
like "$ev" '"endpoint":"http://127.0.0.1:[0-9]+/s/words=8,p=bedrock/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse-stream"' \
        "the ledger records the endpoint"
like "$ev" '"usage_reported":true' "usage reported by the answer"
like "$ev" '"reported_output":8' "output tokens as reported (usage.outputTokens: 8)"
like "$ev" '"output_tokens":10' "charged at no fewer than the text's 40 bytes / 4"
charged=$(printf '%s' "$ev" | sed -n 's/.*"charged_usd":\([0-9.e-]*\).*/\1/p')
check "usage is charged at the built-in price ($charged > 0)" awk "BEGIN { exit !($charged > 0) }"
like "$(cat "$P"/data/output/run_*/output.json)" '"llm_model": "anthropic.claude-3-5-haiku-20241022-v1:0"' \
        "output.json names the model"
unlike "$(everything "$P")" "SECRETKEY" "the secret key is in no ledger line, output file or message"
unlike "$(cat "$T/record.jsonl")" "SECRETKEY" "the secret key never travels"

# A wrong secret: AWS's 403 InvalidSignatureException; the step fails with a clear message.
: >"$T/record.jsonl"
AWS_SECRET_ACCESS_KEY=wrong-SECRETKEY-000000000000000000000 arun "$P" run workflows/w.yml
is "$rc" 1 "a wrong secret fails the step (exit 1)"
like "$err" "step 1 .*HTTP 403 from bedrock: The request signature we calculated does not match" \
        "the reason names the provider and AWS's message"
like "$err" "check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY" "and says what to check"
like "$(last_record)" '"sigv4": "InvalidSignatureException' "the server refused the signature"
is "$(grep -c . "$T/record.jsonl")" 1 "a 403 is not retried"
unlike "$(everything "$P")" "SECRETKEY" "neither secret is in the ledger, outputs or stderr"

# Temporary credentials: the session token is sent as x-amz-security-token, signed.
: >"$T/record.jsonl"
AWS_ACCESS_KEY_ID=$AKID_TEMP AWS_SECRET_ACCESS_KEY=$SECRET_TEMP AWS_SESSION_TOKEN=$TOKEN \
        arun "$P" run workflows/w.yml
is "$rc" 0 "temporary credentials with their session token work"
like "$(last_record)" "\"X-Amz-Security-Token\": \"$TOKEN\"" "the session token is sent"
like "$(last_record)" 'SignedHeaders=content-type;host;x-amz-date;x-amz-security-token' \
        "and signed"
unlike "$(everything "$P")" "SESSIONTOKEN|TEMPSECRET" "the token and secret are in no record or message"
AWS_ACCESS_KEY_ID=$AKID_TEMP AWS_SECRET_ACCESS_KEY=$SECRET_TEMP arun "$P" run workflows/w.yml
like "$(one_line "$rc:$err")" "^1:.*HTTP 403 from bedrock: The security token included in the request is invalid" \
        "temporary keys without their token: 403, said"

# Another model id with ':' named by the step; AKIOS_BEDROCK_MODEL_ID moves the default.
workflow ", model: amazon.nova-lite-v1:0" 50 >"$P/workflows/nova.yml"
arun "$P" run workflows/nova.yml
is "$rc" 0 "amazon.nova-lite-v1:0 works"
like "$(last_record)" '/model/amazon.nova-lite-v1%3A0/converse-stream".*"sigv4": "valid"' \
        "its ':' is encoded and the signature verifies"
AKIOS_BEDROCK_MODEL_ID=amazon.nova-micro-v1:0 arun "$P" run workflows/w.yml
like "$rc $(last_record)" '^0 .*/model/amazon.nova-micro-v1%3A0/converse' "AKIOS_BEDROCK_MODEL_ID is the default model"

# ThrottlingException (429) once: retried, then answered.
P=$T/throttle
project "$P" "429once,words=4"
workflow "" 50 >"$P/workflows/w.yml"
arun "$P" run workflows/w.yml
is "$rc" 0 "a throttled call is retried"
like "$(grep '"charged_usd"' "$P/audit/ledger.jsonl")" '"attempts":2' "two attempts in the ledger"

# A malformed answer fails closed.
P=$T/bad
project "$P" "malformed"
workflow "" 50 >"$P/workflows/w.yml"
arun "$P" run workflows/w.yml
like "$(one_line "$rc:$err")" "^1:.*malformed JSON from bedrock" "a malformed answer fails the step"
project "$T/exc" "stream_exception"
workflow "" 50 >"$T/exc/workflows/w.yml"
arun "$T/exc" run workflows/w.yml
like "$(one_line "$rc:$err")" "^1:.*bedrock error in the stream: modelStreamErrorException" \
        "an exception message in the stream fails the step"
project "$T/trunc" "truncated"
workflow "" 50 >"$T/trunc/workflows/w.yml"
arun "$T/trunc" run workflows/w.yml
like "$(one_line "$rc:$err")" "^1:.*the event stream ended mid-message" "a stream cut mid-message fails"

# The budget: an overspending workflow stops before the limit.
P=$T/budget
project "$P" "words=20"
sed -i "s/^budget_limit_per_run:.*/budget_limit_per_run: 0.2/" "$P/config.yaml"
sed -i 's/^model_prices:.*/model_prices: {fake: {input: 1000, output: 1000}}/' "$P/config.yaml"
workflow ", model: fake" 50 10 >"$P/workflows/w.yml"
arun "$P" run workflows/w.yml
is "$rc" 4 "an overspending bedrock workflow stops with exit 4"
like "$err" "budget exhausted" "the reason is on stderr"
cost=$(sed -n 's/^  "total_cost": *\([0-9.e-]*\).*/\1/p' "$P"/data/output/run_*/output.json)
check "reported cost $cost <= the 0.2 limit" awk "BEGIN { exit !($cost > 0 && $cost <= 0.2) }"
like "$(grep '"budget_kill"' "$P/audit/ledger.jsonl")" '"limit_usd":0.2' "the ledger has the kill event"

# A stream that ignores max_tokens is cut in flight, with or without usage (which comes only
# at the end): by the count of its deltas or the bytes of its text.
for sc in "ignore_max,words=5000" "nousage,ignore_max,words=5000"; do
        P=$T/cut-${sc%%,*}
        project "$P" "$sc"
        sed -i 's/^model_prices:.*/model_prices: {fake: {input: 1000, output: 1000}}/' "$P/config.yaml"
        workflow ", model: fake" 50 >"$P/workflows/w.yml"
        arun "$P" run workflows/w.yml
        is "$rc" 4 "$sc: exit 4"
        like "$err" "the max_tokens 50 requested \(a protocol violation\): the answer was cut in flight at (4[0-9]|5[01]) output tokens" \
                "$sc: cut in flight by max_tokens or the bytes bound"
        like "$(grep '"budget_kill"' "$P/audit/ledger.jsonl")" '"provider":"bedrock"' \
                "$sc: budget_kill event"
        unlike "$(cat "$P"/data/output/run_*/output.json)" "quick brown fox" \
                "$sc: none of the answer is used"
done

# Policy and mock mode: allowed_providers names bedrock; mock answers offline.
P=$T/ok
sed -i 's/^allowed_providers:.*/allowed_providers: [openai]/' "$P/config.yaml"
grep -q '^allowed_providers: \[openai\]' "$P/config.yaml" ||
        echo 'allowed_providers: [openai]' >>"$P/config.yaml"
arun "$P" validate workflows/w.yml
like "$(one_line "$rc:$err")" "^3:.*'bedrock' is not in allowed_providers" "allowed_providers without bedrock: exit 3"
sed -i 's/^allowed_providers:.*/allowed_providers: [bedrock]/' "$P/config.yaml"
arun "$P" validate workflows/w.yml
is "$rc" 0 "allowed_providers: [bedrock] validates"
: >"$T/record.jsonl"
AKIOS_MOCK_LLM=1 arun "$P" run workflows/w.yml
is "$rc:$(grep -c . "$T/record.jsonl")" "0:0" "mock mode answers a bedrock step offline"
arun "$P" doctor
rc_doctor=$rc
arun "$P" status
is "$rc_doctor:$rc" "0:0" "doctor and status run in a bedrock project"
done_testing
