#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# akios status: project, last runs with outcome, spend against budget, ledger size and last
# checkpoint, cage layers; --json; works from a subfolder; exit 2 outside a project.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

P="$T/proj"
"$AKIOS" init "$P" >/dev/null 2>&1
cd "$P" || exit 1
export AKIOS_MOCK_LLM=1

run "$AKIOS" status
is "$rc" 0 "status in a fresh project exits 0"
like "$out" "runs +0 in data/output/; none yet" "no runs yet"
like "$out" "no signed checkpoint yet|last checkpoint" "ledger line present"

"$AKIOS" run templates/hello-workflow.yml >/dev/null 2>&1
run "$AKIOS" status
is "$rc" 0 "status exits 0"
like "$out" "^project +$P" "names the project"
like "$out" "run_[0-9T-]+Z +completed +hello-workflow +3 steps" "lists the run with its outcome"
like "$out" 'spend +latest run \$0\.0000 of \$1\.00 per run' "spend against the budget"
like "$out" "ledger +9 events" "ledger size (run_start, 3 intents, 3 steps, run_end, checkpoint marker)"
like "$out" "last checkpoint: size 9, root [0-9a-f]{16}\.\.\., covers every event" "last checkpoint"
like "$out" "cage +sandbox enabled, sandbox_required: best-effort" "cage mode"
like "$out" "active: .*seccomp" "active layers listed"
unlike "$out" "$(printf '\033')" "no colour when stdout is not a TTY"

AKIOS_BUDGET_LIMIT_PER_RUN=2.5 run "$AKIOS" status
like "$out" 'of \$2\.50 per run' "budget comes from the config (AKIOS_ override)"

mkdir -p "$P/data/input/sub"
(cd "$P/data/input/sub" && "$AKIOS" status --json) > "$T/s.json"
is "$?" 0 "status --json from a subfolder exits 0"
/usr/bin/python3 - "$T/s.json" "$P" > "$T/py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
r = d["runs"][0]
print(d["format"], d["project"]["dir"] == sys.argv[2], r["status"], r["exit_code"],
      d["ledger"]["events"], d["ledger"]["checkpoint"]["size"],
      d["budget"]["limit_per_run_usd"], "seccomp" in d["cage"]["layers"])
PY
is "$(cat "$T/py")" "akios-status/1 True completed 0 9 9 1.0 True" "json document"

run "$AKIOS" status --frob
is "$rc" 2 "unknown flag is a usage error"
cd "$T" && run "$AKIOS" status
is "$rc" 2 "outside a project: exit 2"
like "$err" "not inside an akios project" "and says so"
done_testing
