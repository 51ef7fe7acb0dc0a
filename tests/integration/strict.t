#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# sandbox_required: strict in workflows. A run whose tool steps cannot get every cage layer is
# refused before its first step (exit 7, naming the layer and the fix, recorded in the
# ledger); best-effort runs the same workflow and records which layers were active.
# The unprivileged case runs as nobody, where this host has no delegated cgroup.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

require_root "needs root to run as nobody"
require_cmd setpriv "to run as nobody"
cp "$AKIOS" "$T/akios" && chmod 755 "$T/akios"
mkdir "$T/p" && chown 65534:65534 "$T/p"
as_nobody() { (cd "$T/p" && setpriv --reuid=65534 --regid=65534 --clear-groups "$@"); }
as_nobody "$T/akios" init . --quiet

run as_nobody "$T/akios" doctor --json
if printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(0 if d["layers"]["cgroup"]["available"] else 1)' 2>/dev/null; then
        skip "nobody has a usable cgroup on this host: the strict refusal cannot be shown"
else
        run as_nobody env AKIOS_SANDBOX_REQUIRED=strict "$T/akios" run templates/document_ingestion.yml
        is "$rc" 7 "strict: missing cage layer refuses the run (exit 7)"
        like "$err" "sandbox_required is strict, but .*cgroup" "the message names the layer"
        like "$err" "Delegate=yes|delegate" "and how to enable it"
        like "$(tail -3 "$T/p/audit/ledger.jsonl")" '"action":"cage_check".*"outcome":"denied"' \
                "the refusal is in the ledger"
        is "$(ls "$T/p/data/output/"*/summary.txt 2>/dev/null | wc -l)" 0 "no step ran"
fi

run as_nobody "$T/akios" run templates/document_ingestion.yml --json
is "$rc" 0 "best-effort runs the same workflow"
like "$out" '"cgroup":"(none|v1|v2)"' "and records the cage layers that were active"

# As root every layer is there: strict runs.
cd "$T" && "$AKIOS" init r >/dev/null && cd r || exit 1
run env AKIOS_SANDBOX_REQUIRED=strict "$AKIOS" run templates/document_ingestion.yml
is "$rc" 0 "strict as root with every layer available runs"
done_testing
