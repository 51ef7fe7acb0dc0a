#!/bin/sh
# Finding 04 (medium, not fixed: a design question for the lead). A host sent ${SECRET} in
# an allowed header echoes it back in forms the scrubber does not know; output.json keeps
# them unmasked. Seen on main 0e61753 (only b64url was masked):
#   b32=ORXWWX3MNF3G...  pct=%74%6F%6B...(every byte)  spaced=t o k _ l i v e ...
#   uesc=\u0074\u006f...  dashed=t-o-k-...  rot13=gbx_yvir_...  b64twice=ZEc5clgy...
# CONTRACTS §5/secrets.c promise raw, JSON, URL, base64 (std/url), hex, reversed. Each form
# can be added as a needle, but the class is open (any bijection the host likes): the
# durable fix is to treat a response to a request that carried a secret as tainted.
set -u
AK=${AKIOS:-$PWD/akios}
D=$(mktemp -d /tmp/a2-enc.XXXXXX)
python3 "$(dirname "$0")/04-echo_enc.py" >"$D/port" & S=$!
trap 'kill $S; rm -rf "$D"' EXIT
while [ ! -s "$D/port" ]; do sleep 0.1; done
HP=$(cat "$D/port")
cd "$D" && "$AK" init p >/dev/null 2>&1 && cd p
echo 'SERVICE_TOKEN=tok_live_9f8e7d6c5b4a3210' >>.env
sed -i 's/^allowed_domains:.*/allowed_domains: [127.0.0.1]/' config.yaml
printf 'name: echo\nsteps:\n  - step: 1\n    agent: http\n    action: get\n    parameters:\n      url: "http://127.0.0.1:%s/x"\n      headers: {X-Echo: "${SERVICE_TOKEN}"}\n' "$HP" >workflows/echo.yml
"$AK" run workflows/echo.yml >/dev/null 2>&1
grep -o 'b32=[^"]*' data/output/run_*/output.json
