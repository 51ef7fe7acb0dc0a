#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# akios exec --disk-quota MB (CONTRACTS §1): a sparse file costs the cage's tmpfs nothing,
# so the merge must not write its holes out as zeros, or a 1 MB quota puts RLIMIT_FSIZE per
# inode on the real disk (100 files of 10 MB made 1001 MB from a 1 MB quota). The merged
# files keep their size and their data; the real tree holds about what the quota held.
. "$AKIOS_SRC/tests/lib.sh"
cp "$AKIOS" "$T/akios"
chmod 755 "$T/akios"
AK=$T/akios
W=$T/w
mkdir "$W"
[ "$(id -u)" -eq 0 ] && chown 65534:65534 "$W"

# Does the host file system under $T keep holes at all?
truncate -s 8M "$T/probe"
if [ "$(du -k "$T/probe" | cut -f1)" -gt 1024 ]; then
        skip "the file system under $T does not keep holes"
        done_testing
        exit
fi
if ! "$AK" exec --disk-quota 1 -- /bin/true 2>"$T/why"; then
        skip "no disk quota here: $(cat "$T/why")"
        done_testing
        exit
fi

run "$AK" exec --disk-quota 1 --rw "$W" -- /bin/sh -c '
        for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
                truncate -s 8M "$0/f$i" || exit 9
        done
        printf data | dd of="$0/f1" bs=1 seek=5000000 conv=notrunc 2>/dev/null' "$W"
is "$rc" 0 "the cage made 20 sparse files of 8 MB in a 1 MB quota and the merge reported none"
is "$(stat -c %s "$W/f20")" 8388608 "a merged sparse file keeps its size"
is "$(dd if="$W/f1" bs=1 skip=5000000 count=4 2>/dev/null)" data "its data lands at its offset"
check "its hole reads as zeros" cmp -n 5000000 "$W/f1" /dev/zero
used=$(du -sk "$W" | cut -f1)
check "the real tree holds about the quota, not 160 MB of zeros (${used} KiB)" \
        test "$used" -le 2048
done_testing
