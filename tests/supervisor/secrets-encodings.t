#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Known secrets in more encodings (CONTRACTS §5, attack2 finding 04): an allowed host sent a
# .env secret in a header echoes it back as base32, with every byte percent-encoded (both
# cases) and every character as a JSON \u escape (both cases); none of these reaches
# output.json, stdout or the ledger unmasked.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"
PY=/usr/bin/python3
[ -x $PY ] || { skip "no python3 for the fake server"; done_testing; exit; }
$PY "$AKIOS_SRC/tests/helpers/fake_http.py" --record "$T/http.jsonl" >"$T/hport" &
H=$!
trap 'kill $H 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/hport" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
HP=$(head -1 "$T/hport")
cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
TOKEN='tok_live_9f8e7d6c5b4a3210'
printf 'SERVICE_TOKEN=%s\n' "$TOKEN" >>.env
sed -i 's/^allowed_domains:.*/allowed_domains: [127.0.0.1]/' config.yaml
cat >workflows/more.yml <<EOF2
name: more
steps:
  - step: 1
    agent: http
    action: get
    parameters:
      url: "http://127.0.0.1:$HP/echo_more"
      headers: {X-Echo: "\${SERVICE_TOKEN}"}
EOF2
run "$AKIOS" run workflows/more.yml
is "$rc" 0 "a host echoing the header's secret in more forms: the run completes ($err)"
like "$(cat "$T/http.jsonl")" "$TOKEN" "  ... the secret was sent as written"
all=$(cat data/output/run_*/output.json audit/ledger.jsonl "$T/.out" "$T/.err")
b32=$(printf '%s' "$TOKEN" | base32 -w0 | tr -d =)
pct=$(printf '%s' "$TOKEN" | od -An -tx1 | tr -d ' \n' | sed 's/\(..\)/%\1/g')
uesc=$(printf '%s' "$TOKEN" | od -An -tx1 | tr -d ' \n' | sed 's/\(..\)/u00\1/g')
for f in "$b32" "$pct" "$uesc"; do
        unlike "$(printf '%s' "$all" | tr 'a-z' 'A-Z' | tr -d '\\')" \
                "$(printf '%s' "$f" | cut -c1-30 | tr 'a-z' 'A-Z')" "  ... no record holds '$(printf '%s' "$f" | cut -c1-12)...'"
done
like "$(cat data/output/run_*/output.json)" \
        'b32=\[SECRET:SERVICE_TOKEN\][A-Z2-7=]* pct=\[SECRET:SERVICE_TOKEN\] pctl=\[SECRET:SERVICE_TOKEN\] uesc=\[SECRET:SERVICE_TOKEN\] UESC=\[SECRET:SERVICE_TOKEN\]' \
        "  ... each form is masked with the variable's name"
done_testing
