#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Disk full: no step runs without its intent on the record (issue 15, finding 3). The
# project lives on a small tmpfs; a filler file takes all of it but K pages, for K = 0, 1,
# 2, ... until a run fits. Each step is an HTTP GET to a fake server on loopback that logs
# every request outside the tmpfs, so "the step ran" is seen from outside. For every K:
#   - every request the server saw has its step's "started" event durable in the ledger;
#   - a run that could not record its events exits non-zero with a clear audit message, says
#     nothing "completed" on stderr, and records no run_end "completed";
#   - `audit verify` exits 0 (an unsigned tail is a named warning);
#   - once the filler is removed, the next run exits 0 and leaves everything signed.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3
require_root "mounting a tmpfs"
require_cmd $PY "the fake server"

MNT=$T/mnt
mkdir -p "$MNT"
if ! mount -t tmpfs -o size=1m,mode=0755 tmpfs "$MNT" 2>"$T/mount.err"; then
        skip "cannot mount a tmpfs here: $(cat "$T/mount.err")"
        done_testing
        exit
fi
$PY "$AKIOS_SRC/tests/helpers/fake_http.py" --record "$T/record.jsonl" >"$T/port" &
FAKE=$!
trap 'kill $FAKE 2>/dev/null; cd /; umount "$MNT" 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(head -1 "$T/port")

# The base project (on the normal disk), with one signed run already.
B=$T/base
"$AKIOS" init "$B" >/dev/null 2>&1 || { skip "akios init does not work"; done_testing; exit; }
sed -i "s/^allowed_domains:.*/allowed_domains: [127.0.0.1]/" "$B/config.yaml"
{
        echo "name: diskfull"
        echo "steps:"
        for s in 1 2 3 4 5 6 7 8; do
                printf '  - step: %s\n    agent: http\n    action: get\n' "$s"
                printf '    config: {timeout: 5}\n    parameters:\n'
                printf '      url: "http://127.0.0.1:%s/echo?step=%s"\n' "$PORT" "$s"
        done
} >"$B/w.yml"
# Runs until the ledger's last page has 700..1500 bytes free: with one page left (the lock
# takes it), the next run's first events fit there and the rest of its ~4 KB cannot, so the
# sweep below surely meets a run stopped between two steps.
n=0
while :; do
        (cd "$B" && "$AKIOS" run w.yml --quiet >/dev/null 2>&1) || break
        n=$((n + 1))
        slack=$(( (4096 - $(stat -c %s "$B/audit/ledger.jsonl") % 4096) % 4096 ))
        [ "$slack" -ge 700 ] && [ "$slack" -le 1500 ] && break
        [ "$n" -ge 40 ] && break
done
check "the base project runs the workflow ($n runs, $slack bytes left in the ledger's last page)" \
        test -s "$B/audit/checkpoint" -a "$slack" -ge 700 -a "$slack" -le 1500

# sent_without_intent RUN_ID: steps the server saw (in this case) with no durable
# "started" event of RUN_ID in the ledger; prints "none" when every request had its intent.
sent_without_intent() {
        $PY - "$T/record.jsonl" "$MNT/p/audit/ledger.jsonl" "$1" "$2" <<'PY'
import json, sys
from urllib.parse import urlparse, parse_qs
rec, ledger, run_id, skip = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
sent = [int(parse_qs(urlparse(json.loads(l)["path"]).query)["step"][0])
        for l in open(rec).readlines()[skip:]]
started = set()
for l in open(ledger, encoding="utf-8"):
    try:
        e = json.loads(l)
    except ValueError:
        continue  # a torn last line is not durable
    if e["run_id"] == run_id and e["action"] == "get" and e["outcome"] == "started":
        started.add(e["step"])
missing = sorted(set(sent) - started)
print(" ".join(map(str, missing)) if missing else "none")
PY
}

fails=0
partial=0
k=0
while :; do
        umount "$MNT" 2>/dev/null
        mount -t tmpfs -o size=1m,mode=0755 tmpfs "$MNT" || exit 1
        cp -a "$B" "$MNT/p"
        # All the space but k pages.
        dd if=/dev/zero of="$MNT/fill" bs=4096 2>/dev/null
        if [ "$k" -gt 0 ]; then
                size=$(stat -c %s "$MNT/fill")
                truncate -s $((size - k * 4096)) "$MNT/fill"
        fi
        cd "$MNT/p" || exit 1
        seen=$(wc -l <"$T/record.jsonl")
        "$AKIOS" run w.yml >"$T/out" 2>"$T/err"
        rc=$?
        [ -n "${DISKFULL_DEBUG:-}" ] && echo "# k=$k rc=$rc $(grep -v '^\[' "$T/err" | head -3)"
        rid=$(ls -d data/output/run_* 2>/dev/null | sort | tail -1)
        rid=${rid##*/}
        lost=$(sent_without_intent "$rid" "$seen")
        if [ "$lost" != none ]; then
                fails=$((fails + 1))
                echo "#   $k pages free: steps $lost were sent without a durable intent"
        fi
        if [ "$rc" = 0 ]; then
                cd "$T" || exit 1
                break
        fi
        if grep -q "workflow .* completed" "$T/out" "$T/err"; then
                fails=$((fails + 1))
                echo "#   $k pages free: exit $rc but 'completed': $(cat "$T/out" "$T/err")"
        fi
        if ! grep -Eq "audit|No space left|cannot" "$T/err"; then
                fails=$((fails + 1))
                echo "#   $k pages free: exit $rc without a clear message: $(cat "$T/err")"
        fi
        if grep -q "\"run_id\":\"$rid\"" audit/ledger.jsonl &&
                grep "\"run_id\":\"$rid\"" audit/ledger.jsonl | grep -q '"action":"run_end".*"outcome":"completed"' &&
                ! grep -Eq "cannot sign the ledger|cannot write output.json" "$T/err"; then
                # (Those two come after the ledger's record of the steps, which stays true.)
                fails=$((fails + 1))
                echo "#   $k pages free: exit $rc but run_end completed in the ledger"
        fi
        sent=$(tail -n +$((seen + 1)) "$T/record.jsonl" | wc -l)
        if grep -q "audit: cannot record" "$T/err" && [ "$sent" -gt 0 ] && [ "$sent" -lt 8 ]; then
                partial=$((partial + 1))
        fi
        run "$AKIOS" audit verify
        if [ "$rc" != 0 ]; then
                fails=$((fails + 1))
                echo "#   $k pages free: verify exit $rc: $err"
        fi
        rm -f "$MNT/fill"
        run "$AKIOS" run w.yml --quiet
        if [ "$rc" != 0 ]; then
                fails=$((fails + 1))
                echo "#   $k pages free: once space is back the next run exits $rc: $err"
        fi
        run "$AKIOS" audit verify --json
        if ! printf '%s' "$out" | grep -q '"unsigned_tail": *0'; then
                fails=$((fails + 1))
                echo "#   $k pages free: after the next run: $out $err"
        fi
        cd "$T" || exit 1
        k=$((k + 1))
        if [ "$k" -gt 200 ]; then
                fails=$((fails + 1))
                echo "#   the run never fits"
                break
        fi
done
is "$fails" 0 "disk full at each of $k page counts: no request without its intent, no false 'completed', verify 0, next run 0"
check "some of them stopped between steps: an intent that could not be recorded ($partial runs)" \
        test "$partial" -gt 0
done_testing
