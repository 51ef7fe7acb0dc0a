#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Root never chowns or writes by a path a user can redirect (issue 10, Deliver 7). A project
# owned by an unprivileged user (65534) is run by root; that user plants symlinks in data/
# and swaps the run folder for a symlink while a tool step runs. A victim directory owned by
# a third uid must keep its owner and stay empty: a chown or write by path would follow the
# link there. Every wait polls; no duration is asserted.
. "$AKIOS_SRC/tests/lib.sh"
require_root "root's handover of the run folder is what is tested"
require_cmd setpriv "the attacker runs as an unprivileged user"
AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
py=/usr/bin/python3


victim=$T/victim
mkdir "$victim"
chown 12345:12345 "$victim"
chmod 755 "$victim"
victim_state() { stat -c '%u:%g %a' "$victim"; ls -A "$victim" | tr '\n' ' '; }
before=$(victim_state)

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
sed -i 's/^allowed_commands: \[/allowed_commands: [sh, id, /' config.yaml
cat > workflows/id.yml <<'EOF2'
name: id
steps:
  - step: 1
    agent: tool_executor
    action: run
    parameters:
      command: [id, -u]
EOF2
chown -R 65534:65534 "$T/p"

# --- a symlink planted at data/output --------------------------------------------------
$AS sh -c 'rm -rf data/output && ln -s "$1" data/output' sh "$victim"
run "$AKIOS" run workflows/id.yml
is "$rc" 1 "data/output is a symlink: the run refuses to make its folder there"
like "$err" "run folder" "the message names the run folder"
is "$(victim_state)" "$before" "the victim is untouched (owner, mode, no entries)"

# --- a symlink planted at data ----------------------------------------------------------
$AS sh -c 'rm -f data/output && mv data data.real && ln -s "$1" data' sh "$victim"
run "$AKIOS" run workflows/id.yml
is "$rc" 1 "data is a symlink: refused too"
is "$(victim_state)" "$before" "the victim is untouched"
$AS sh -c 'rm -f data && mv data.real data && mkdir -p data/output'

# --- control: a normal run lends the folder to the payload and takes it back -------------
run "$AKIOS" run workflows/id.yml
is "$rc" 0 "a normal run works"
rundir=$(ls -dv data/output/run_* | tail -1)
like "$(cat "$rundir/output.json")" '"stdout": "65534' "the payload ran as 65534 in its run folder"
is "$(stat -c %u:%g "$rundir")" "0:0" "the run folder is handed back to its owner afterwards"

# --- the run folder swapped for a symlink while the step runs ----------------------------
cat > workflows/swap.yml <<'EOF2'
name: swap
steps:
  - step: 1
    agent: tool_executor
    action: run
    config:
      timeout: 300
    parameters:
      command: [sh, -c, "touch started; while [ ! -e go ]; do sleep 0.1; done; id -u > mine"]
EOF2
chown 65534:65534 workflows/swap.yml
"$AKIOS" run workflows/swap.yml >"$T/swap.out" 2>"$T/swap.err" &
pid=$!
started() { ls data/output/run_*/started >/dev/null 2>&1; }
wait_for started
rundir=$(dirname "$(ls data/output/run_*/started | tail -1)")
check "the step is running in $rundir" test -e "$rundir/started"
# The user renames the folder away and leaves a symlink to the victim in its place.
$AS sh -c 'mv "$1" "$1.moved" && ln -s "$2" "$1"' sh "$rundir" "$victim"
check "the swap happened" test -L "$rundir"
touch "$rundir.moved/go"
wait "$pid"
is "$?" 0 "the run ends normally"
is "$(victim_state)" "$before" "after the swap the victim is untouched (no chown back, no output.json)"
is "$(stat -c %u:%g "$rundir.moved")" "0:0" "the real folder (moved) is the one handed back"
check "output.json was written into the real folder" test -s "$rundir.moved/output.json"
is "$(cat "$rundir.moved/mine")" 65534 "the payload worked in the real folder"
done_testing
