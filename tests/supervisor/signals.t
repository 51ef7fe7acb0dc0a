#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 15, finding 8 / Deliver 8: SIGINT and SIGTERM end a step that is waiting on the network
# (an HTTP request to a server that answers after two minutes, an LLM stream that stalls after
# its first delta) at once: exit 130, the run recorded as interrupted, the ledger closed and
# verifiable, output.json written. Before the fix an HTTP step waited for its own timeout.
#
# No timing is asserted: the servers would answer (and the run exit 0) if the signal were
# ignored, so the exit code tells; a generous safety net only keeps a broken build from
# hanging the suite.
. "$AKIOS_SRC/tests/lib.sh"

PY=/usr/bin/python3
if [ ! -x $PY ]; then
        skip "no /usr/bin/python3 for the fake servers"
        done_testing
        exit
fi
$PY "$AKIOS_SRC/tests/helpers/fake_http.py" --record "$T/http.jsonl" >"$T/hport" &
FAKE_HTTP=$!
$PY "$AKIOS_SRC/tests/helpers/fake_llm.py" --record "$T/llm.jsonl" >"$T/lport" &
FAKE_LLM=$!
trap 'kill $FAKE_HTTP $FAKE_LLM 2>/dev/null; rm -rf "$T"' EXIT
i=0
while { [ ! -s "$T/hport" ] || [ ! -s "$T/lport" ]; } && [ $i -lt 100 ]; do
        sleep 0.1
        i=$((i + 1))
done
HPORT=$(head -1 "$T/hport")
LPORT=$(head -1 "$T/lport")

# project DIR: a fresh project that may reach the fake HTTP server on loopback.
project() {
        "$AKIOS" init "$1" >/dev/null 2>&1 || return 1
        sed -i "s/^allowed_domains:.*/allowed_domains: [127.0.0.1]/" "$1/config.yaml"
        sed -i 's/^AKIOS_MOCK_LLM=1/AKIOS_MOCK_LLM=0/' "$1/.env"
        sed -i 's/^model_prices:.*/model_prices: {fake: {input: 1, output: 1}}/' "$1/config.yaml"
}

# signal_run SIG RECORD: start `akios run w.yml` in the current project, wait until the fake
# server has recorded the request (the step is then blocked on the network), send SIG, wait for
# the exit. Sets rc, err.
signal_run() {
        : >"$2"
        "$AKIOS" run w.yml >"$T/out" 2>"$T/err" &
        pid=$!
        i=0
        while [ ! -s "$2" ] && [ $i -lt 600 ] && kill -0 $pid 2>/dev/null; do
                sleep 0.1
                i=$((i + 1))
        done
        sleep 0.2
        kill -"$1" $pid 2>/dev/null
        i=0
        while kill -0 $pid 2>/dev/null && [ $i -lt 900 ]; do
                sleep 0.1
                i=$((i + 1))
        done
        if kill -0 $pid 2>/dev/null; then
                diag "akios run still running 90 s after SIG$1: killed"
                kill -9 $pid
        fi
        wait $pid
        rc=$?
        err=$(cat "$T/err")
}

# after_checks WHAT: the run is on record as interrupted and the ledger is whole.
after_checks() {
        is "$rc" 130 "$1: exit 130"
        like "$err" "interrupted" "$1: stderr says interrupted"
        unlike "$err" "completed" "$1: nothing claims completion"
        out=$(cat data/output/run_*/output.json 2>/dev/null)
        like "$out" '"status": "interrupted"' "$1: output.json records the interruption"
        like "$(grep -v '"agent":"audit"' audit/ledger.jsonl | tail -1)" '"run_end"' \
                "$1: the run's last event is run_end (then only the ledger's own signing marker)"
        like "$(grep '"run_end"' audit/ledger.jsonl)" 'interrupted' "$1: run_end says interrupted"
        run "$AKIOS" audit verify
        is "$rc" 0 "$1: audit verify passes afterwards"
        rm -rf data/output/run_*
}

P=$T/p
if ! project "$P"; then
        skip "akios init does not work yet"
        done_testing
        exit
fi
cd "$P" || exit 1

# 1. HTTP: the server answers after 120 s; the step's own timeout is 300 s.
cat >w.yml <<EOS
name: signals
steps:
  - step: 1
    agent: http
    action: get
    config: {timeout: 300}
    parameters:
      url: "http://127.0.0.1:$HPORT/slow?s=120"
EOS
for sig in INT TERM; do
        signal_run $sig "$T/http.jsonl"
        after_checks "http step, SIG$sig"
done

# 2. LLM: the stream sends one delta and stalls 30 s per delta (8 deltas).
export OPENAI_BASE_URL=http://127.0.0.1:$LPORT/s/stall,p=openai/v1 OPENAI_API_KEY=sk-signal-0123456789
cat >w.yml <<EOS
name: signals
steps:
  - step: 1
    agent: llm
    action: complete
    config: {provider: openai, model: fake}
    parameters: {prompt: "hello", max_tokens: 50}
EOS
for sig in INT TERM; do
        signal_run $sig "$T/llm.jsonl"
        after_checks "llm step, SIG$sig"
done

# 3. Interrupted runs leave the project usable: the next run works.
cat >w.yml <<EOS
name: after
steps:
  - step: 1
    agent: http
    action: get
    config: {timeout: 30}
    parameters:
      url: "http://127.0.0.1:$HPORT/echo"
EOS
run "$AKIOS" run w.yml
is "$rc" 0 "the next run after interruptions succeeds"

done_testing
