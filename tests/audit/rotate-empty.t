#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# audit rotate of an empty ledger (CONTRACTS §4): segment 1 then begins with the rotation's
# own "rotate"/"sealing" event, which is no link, so the chain verifies (exit 0); a real
# link at the start of segment 1 (segment 1 removed, the rest renumbered) is still exit 6.
. "$AKIOS_SRC/tests/lib.sh"
"$AKIOS" init "$T/p" >/dev/null 2>&1 || { skip "akios init does not work"; done_testing; exit; }
cd "$T/p" || exit 1

run "$AKIOS" audit rotate
is "$rc" 0 "rotate of a fresh, empty ledger exits 0 ($err)"
run "$AKIOS" audit rotate
is "$rc" 0 "a second rotate exits 0 ($err)"
run "$AKIOS" audit verify
is "$rc" 0 "verify accepts segment 1 that begins with its own sealing event ($err)"
like "$out" "segment 000002: verified" "both segments are verified"

rm -rf audit/segments/000001
mv audit/segments/000002 audit/segments/000001
run "$AKIOS" audit verify
is "$rc" 6 "segment 1 removed and segment 2 renumbered is still exit 6"
like "$err" "segment 000001 starts with a link" "and names it"
done_testing
