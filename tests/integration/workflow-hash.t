#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run_start records the SHA-256 of the workflow bytes the parser read (one read: the hash is of
# what ran, not of a second read of the file).
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
cat >workflows/h.yml <<'EOS'
name: hash
steps:
  - step: 1
    agent: filesystem
    action: exists
    parameters:
      path: ./data/input
EOS
run "$AKIOS" run workflows/h.yml
is "$rc" 0 "the workflow runs ($err)"
want=$(sha256sum workflows/h.yml | cut -d' ' -f1)
got=$(grep '"action":"run_start"' audit/ledger.jsonl | tail -1 |
        sed -n 's/.*"workflow_sha256":"\([0-9a-f]*\)".*/\1/p')
is "$got" "$want" "run_start's workflow_sha256 is the SHA-256 of the file's bytes"
done_testing
