#!/bin/sh
# Finding 01 (high, fixed): --disk-quota escaped with sparse files.
# Contract (CONTRACTS §1): everything the command creates or changes counts against MB.
# tmpfs charges allocated pages only; the merge copied every byte with sendfile, so the
# holes of a sparse file were written to the real disk as zeros.
# Seen on main 0e61753 as root (payload uid 65534): a 1 MB quota put 1001M on the host.
set -eu
AK=${AKIOS:-./akios}
W=$(mktemp -d /tmp/a2-sparse.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown 65534:65534 "$W"
"$AK" exec --disk-quota 1 --rw "$W" -- /bin/sh -c \
        'for i in $(seq 100); do truncate -s 10M "$0/f$i" || exit 9; done' "$W"
echo "exit $?; real tree now holds: $(du -sh "$W" | cut -f1) (want about 1M at most)"
rm -rf "$W"
