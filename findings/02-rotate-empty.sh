#!/bin/sh
# Finding 02 (medium, fixed): audit rotate of an empty ledger leaves a chain verify calls
# TAMPERED (exit 6) for ever. The rotation's own "rotate"/"sealing" event is segment 1's
# event 0, and verify took any event starting '{"action":"rotate","agent":"audit",' as a
# link ("segment 000001 starts with a link to an earlier segment"). CONTRACTS §4: segment 1
# begins with no link; a rotation is a legitimate state that must verify.
set -u
AK=${AKIOS:-./akios}
P=$(mktemp -d /tmp/a2-rot.XXXXXX)
"$AK" init "$P/p" >/dev/null 2>&1
cd "$P/p" && "$AK" audit rotate && "$AK" audit rotate
"$AK" audit verify; echo "verify exit $? (main: 6, want 0)"
rm -rf "$P"
