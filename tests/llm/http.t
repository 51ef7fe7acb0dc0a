#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The http agent end to end against a fake peer on loopback (tests/helpers/fake_http.py):
# network off by default, allowed_domains, IP literals and loopback only when listed
# exactly, https only (http only to a listed loopback host), redirects re-checked (a redirect
# to a disallowed domain is refused), bodies redacted both ways, response cap, timeout, and
# the static check at validate time.
. "$AKIOS_SRC/tests/lib.sh"

PY=/usr/bin/python3
if [ ! -x $PY ]; then
        skip "no /usr/bin/python3 for the fake server"
        done_testing
        exit
fi
$PY "$AKIOS_SRC/tests/helpers/fake_http.py" --record "$T/record.jsonl" >"$T/port" &
FAKE=$!
trap 'kill $FAKE 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(head -1 "$T/port")
U=http://127.0.0.1:$PORT

P=$T/p
if ! "$AKIOS" init "$P" >/dev/null 2>&1; then
        skip "akios init does not work yet"
        done_testing
        exit
fi
cd "$P" || exit 1

# wf ACTION URL [EXTRA PARAMETER LINES]
wf() {
        cat <<EOS
name: http
steps:
  - step: 1
    agent: http
    action: $1
    config: {timeout: 2}
    parameters:
      url: "$2"
${3:-}
EOS
}

domains() {
        sed -i "s/^allowed_domains:.*/allowed_domains: [$1]/" config.yaml
}

wf get "$U/echo" >w.yml
run "$AKIOS" run w.yml
is "$rc" 3 "default policy: network off, exit 3"
like "$err" "not allowed" "the reason names the domain"

run "$AKIOS" validate w.yml
is "$rc" 3 "validate finds the disallowed domain statically"

domains "localhost"
run "$AKIOS" run w.yml
is "$rc" 3 "an IP literal not listed exactly is refused"

domains "127.0.0.1"
run "$AKIOS" run w.yml
is "$rc" 0 "listed loopback IP over http: allowed ($err)"
like "$(cat data/output/run_*/output.json)" '"status_code": 200' "status 200 in output.json"

rm -rf data/output/run_*
wf post "$U/echo" '      data: {note: "write to john.doe@example.com", card: "4111 1111 1111 1111"}' >w.yml
run "$AKIOS" run w.yml
is "$rc" 0 "post with a JSON body ($err)"
unlike "$(cat "$T/record.jsonl")" "john.doe|4111 1111" "the request body was redacted before it left"
like "$(tail -1 "$T/record.jsonl")" "EMAIL_ADDRESS" "the server saw the placeholder"

rm -rf data/output/run_*
wf get "$U/pii" >w.yml
run "$AKIOS" run w.yml
out_json=$(cat data/output/run_*/output.json)
unlike "$out_json" "jane.roe|4111 1111" "the response body is redacted before it is stored"

wf get "$U/redirect?to=https://evil.example.com/steal" >w.yml
run "$AKIOS" run w.yml
is "$rc" 3 "redirect to a disallowed domain: exit 3"
like "$err" "redirect refused" "the reason says redirect"
like "$(grep '"redirect"' audit/ledger.jsonl)" "denied" "the ledger has the denied redirect"

wf get "$U/redirect?to=http://localhost:$PORT/echo" >w.yml
run "$AKIOS" run w.yml
is "$rc" 3 "redirect to an unlisted loopback name: exit 3"

wf get "$U/redirect?to=/echo" >w.yml
run "$AKIOS" run w.yml
is "$rc" 0 "a relative redirect on the same allowed host is followed"

wf get "http://example.com/" >w.yml
domains "example.com"
run "$AKIOS" run w.yml
is "$rc" 3 "plain http to a public host is refused"

domains "127.0.0.1"
wf get "$U/big?n=20000000" >w.yml
run "$AKIOS" run w.yml
is "$rc" 1 "a huge response fails"
like "$err" "larger than" "with the size cap in the reason"

wf get "$U/slow?s=5" >w.yml
run "$AKIOS" run w.yml
is "$rc" 1 "a slow peer times out"
like "$err" "no response within" "with the timeout in the reason"
# Credentials go only to the host the workflow names: a redirect to another allowed host
# (localhost vs 127.0.0.1) with an Authorization or a .env secret header is refused, and the
# other host never sees them (red-team finding: they followed the redirect).
domains "127.0.0.1, localhost"
echo 'REDIR_TOKEN=canaryREDIRECT987' >>.env
: >"$T/record.jsonl"
wf get "$U/redirect?to=http://localhost:$PORT/echo" '      headers: {Authorization: "Bearer ${REDIR_TOKEN}", X-K: "${REDIR_TOKEN}"}' >w.yml
sed -i 's/config: {timeout: 2}/config: {timeout: 2, max_redirects: 3}/' w.yml
run "$AKIOS" run w.yml
is "$rc" 3 "a cross-host redirect carrying credentials: exit 3"
like "$err" "credentials" "  ... the reason says why"
unlike "$(grep '"Host": "localhost' "$T/record.jsonl")" "canaryREDIRECT987" "  ... and the other host never got them"
check "  ... the first host did get them" grep -q canaryREDIRECT987 "$T/record.jsonl"
wf get "$U/redirect?to=http://localhost:$PORT/echo" >w.yml
run "$AKIOS" run w.yml
is "$rc" 0 "the same redirect without credentials is followed"
done_testing
