#!/bin/sh
# Finding 05 (Bedrock against a lying server, findings/05-lying_bedrock.py).
#  held: a 403 echoing X-Amz-Security-Token and Authorization: token masked (****), key id
#        [SECRET:AWS_ACCESS_KEY_ID], exit 1; a 307 to 127.0.0.2 is not followed ("HTTP 307");
#        :error-message echoing the token: masked; 20000 deltas for max_tokens 5: cut in
#        flight, exit 4; 5000 int headers in one message (CRCs valid): parsed, bounded.
#  broke (medium, fixed with finding 04's needles): the session token, which AWS hosts are
#        sent, came back base32 in the answer text and landed in output.json and stdout,
#        against CONTRACTS ("the session token never appears in ... an output").
#        rot13 or double base64 of it would still pass (documented limit).
set -u
AK=${AKIOS:-$PWD/akios}
D=$(mktemp -d /tmp/a2-br.XXXXXX)
python3 "$(dirname "$0")/05-lying_bedrock.py" "$D/rec.jsonl" >"$D/port" & S=$!
trap 'kill $S; rm -rf "$D"' EXIT
while [ ! -s "$D/port" ]; do sleep 0.1; done
cd "$D" && "$AK" init p >/dev/null 2>&1 && cd p
sed -i 's/^AKIOS_MOCK_LLM=1/AKIOS_MOCK_LLM=0/' .env
printf 'AWS_ACCESS_KEY_ID=ASIATEMPBEDROCK02\nAWS_SECRET_ACCESS_KEY=bedrock-TEMPSECRET-0123456789abcdefgh\nAWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLE-SESSIONTOKEN-0123456789\n' >>.env
printf 'name: b\nsteps:\n  - step: 1\n    agent: llm\n    action: complete\n    config: {provider: bedrock}\n    parameters: {prompt: "hi", max_tokens: MAXT}\n' >w.in
for sc in echo403 redirect errecho flood hdrcount b32tok; do
        m=5; [ $sc = b32tok ] && m=200
        sed "s/MAXT/$m/" w.in >workflows/w.yml
        AWS_ENDPOINT_URL_BEDROCK_RUNTIME=http://127.0.0.1:$(cat "$D/port")/$sc "$AK" run workflows/w.yml >o 2>e
        echo "== $sc exit $?: $(tail -1 e | cut -c1-160)"
        echo "   token/secret/base32 forms in records: $(cat audit/ledger.jsonl data/output/run_*/* o e 2>/dev/null | grep -c -E 'SESSIONTOKEN|TEMPSECRET|JFIW6STCGNFHAWRS')"
done
