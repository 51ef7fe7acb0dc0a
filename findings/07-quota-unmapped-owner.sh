#!/bin/sh
# Finding 07 (low, not fixed; for the lead): under --disk-quota a real file whose owner or
# group is not mapped in the cage's user namespace cannot be changed at all: the overlay's
# copy-up fails with EOVERFLOW ("Value too large for defined data type") in the cage, while
# the same command with a plain --rw bind writes it. Loud (the command sees the error), but
# a difference the contract does not name. Run as root (payload uid 65534).
set -u
AK=${AKIOS:-$PWD/akios}
W=$(mktemp -d /tmp/a2-ov.XXXXXX)
echo hi >"$W/g0"; chown 65534:0 "$W/g0"; chown 65534:65534 "$W"; chmod 666 "$W/g0"
"$AK" exec --disk-quota 1 --rw "$W" -- /bin/sh -c 'echo more >>"$0/g0"' "$W"; echo "quota: exit $?"
"$AK" exec --rw "$W" -- /bin/sh -c 'echo more >>"$0/g0"' "$W"; echo "plain bind: exit $?"
cat "$W/g0"; rm -rf "$W"
