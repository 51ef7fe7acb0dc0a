#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# akios exec --disk-quota MB (CONTRACTS §1, §7), as root and as an unprivileged user: past
# the quota the kernel answers ENOSPC in the cage and the host holds at most what fit; below
# it the changes are merged back intact (new, changed, deleted, renamed files, symlinks as
# symlinks, a dir swapped for a symlink and back) and never outside the --rw tree; hard
# links and FIFOs are refused by name; a limit kill still merges, a SIGKILL of the
# supervisor leaves the real directory as it was; the floor refuses (exit 7) unless
# sandbox_required: none. No durations are asserted: every wait polls.
. "$AKIOS_SRC/tests/lib.sh"
cp "$AKIOS" "$T/akios"
chmod 755 "$T/akios"
AK=$T/akios
py=/usr/bin/python3



sha() { sha256sum "$1" 2>/dev/null | cut -d' ' -f1; }

# A fresh tree for MODE, owned by the payload's uid (65534 as root, else ourselves).
fresh() {
        D=$T/$1
        [ -d "$D" ] && chmod -R u+rwX "$D"
        rm -rf "$D"
        mkdir -p "$D/w/keep.d" "$D/w/swap.d" "$D/outside"
        echo old >"$D/w/changed"
        echo gone >"$D/w/deleted"
        echo moved >"$D/w/renamed"
        echo kept >"$D/w/keep.d/k"
        echo inner >"$D/w/swap.d/inner"
        echo untouched >"$D/outside/o"
        ln -s "$D/outside" "$D/w/link.d"
        mkdir "$D/w/ro.d"
        echo before >"$D/w/ro.d/f"
        echo same >"$D/w/opened"
        if [ "$(id -u)" -eq 0 ]; then
                chown -R 65534:65534 "$D"
        fi
        chmod 0555 "$D/w/ro.d"
        W=$D/w
}

# The outside tree, as names and hashes: what must never change.
outside_state() { (cd "$D/outside" && find . -printf '%p %y %s\n' | sort && sha256sum o); }

battery() { # MODE AS...
        M=$1
        shift
        fresh "$M"
        # --- over the quota: ENOSPC in the cage, at most the quota on the host -----------
        run "$@" "$AK" exec --json --disk-quota 2 --rw "$W" -- /bin/sh -c \
                "dd if=/dev/zero of='$W/big' bs=64k count=64 2>&1; echo dd=\$?"
        like "$out" "No space left on device" "$M: past the quota the payload gets ENOSPC"
        like "$out" "dd=1" "$M: its write fails"
        size=$(stat -c %s "$W/big" 2>/dev/null || echo missing)
        check "$M: the host file holds at most the quota ($size bytes)" \
                test "$size" != missing -a "$size" -le 2097152
        is "$(field "$out" disk.full)" true "$M: record: disk.full"
        is "$(field "$out" disk.quota_mb)" 2 "$M: record: disk.quota_mb"
        is "$(field "$out" disk.enforced)" true "$M: record: disk.enforced"
        is "$(field "$out" layers.disk_quota)" true "$M: record: layers.disk_quota"
        is "$(field "$out" disk.merge_failed)" false "$M: record: what fit was merged"
        is "$rc" 0 "$M: exit 0 (the payload's)"
        rm -f "$W/big"
        ino=$(stat -c %i "$W/opened")

        # --- below the quota: every kind of change is merged back -------------------------
        before=$(outside_state)
        shadow=$(sha /etc/shadow)
        run "$@" "$AK" exec --json --disk-quota 8 --rw "$W" -- /bin/sh -c "
                set -e; cd '$W'
                head -c 1048576 /dev/urandom >rand; sha256sum rand | cut -d' ' -f1 >&2
                echo new >changed; rm deleted; mv renamed renamed.to
                ln -s /etc/shadow shadow.link
                rm -rf swap.d; ln -s '$D/outside' swap.d
                rm link.d; mkdir link.d; echo in >link.d/o; echo in >link.d/planted
                mkdir -p new.d/sub; echo deep >new.d/sub/f; chmod 0750 new.d
                echo secret >private; chmod 0000 private
                echo after >ro.d/f; : >>opened"
        is "$rc" 0 "$M: the payload ran"
        is "$(sha "$W/rand")" "$(printf "%s\n" "$err" | grep -E "^[0-9a-f]{64}$")" "$M: a 1 MiB file is merged intact (sha256)"
        is "$(cat "$W/changed")" new "$M: a changed file is merged"
        check "$M: a deleted file is deleted" test ! -e "$W/deleted"
        check "$M: a renamed file: old name gone" test ! -e "$W/renamed"
        is "$(cat "$W/renamed.to" 2>/dev/null)" moved "$M: a renamed file: new name holds it"
        is "$(readlink "$W/shadow.link")" /etc/shadow "$M: a symlink to /etc/shadow stays a symlink"
        is "$(sha /etc/shadow)" "$shadow" "$M: /etc/shadow is unchanged"
        is "$(readlink "$W/swap.d")" "$D/outside" "$M: a dir swapped for a symlink is a symlink"
        check "$M: a dir swapped for a symlink: its old content is gone" test ! -e "$D/w/swap.d/inner" -o -L "$W/swap.d"
        check "$M: a symlink swapped for a dir is a real dir" test -d "$W/link.d" -a ! -L "$W/link.d"
        is "$(cat "$W/link.d/planted" 2>/dev/null)" in "$M: the new dir holds the payload's file"
        is "$(outside_state)" "$before" "$M: nothing outside the --rw tree changed"
        is "$(cat "$W/new.d/sub/f" 2>/dev/null)" deep "$M: a new tree is merged"
        is "$(stat -c %a "$W/new.d" 2>/dev/null)" 750 "$M: a new dir's mode is merged"
        is "$(cat "$W/keep.d/k")" kept "$M: what the payload left alone is unchanged"
        is "$(stat -c %u "$W/rand")" 65534 "$M: new files belong to the payload's uid"
        is "$(stat -c %a "$W/private" 2>/dev/null)" 0 "$M: a file made unreadable is merged, mode 000"
        is "$(cat "$W/ro.d/f")" after "$M: a file in a dir the payload cannot write is merged in place"
        is "$(stat -c %i "$W/opened")" "$ino" "$M: a file opened for writing but unchanged keeps its inode"
        is "$(field "$out" disk.merge_failed)" false "$M: record: merge_failed false"
        is "$(field "$out" disk.not_merged)" "[]" "$M: record: nothing unmerged"
        used=$(field "$out" disk.used_bytes)
        check "$M: record: used_bytes counts the 1 MiB ($used)" test "$used" -ge 1048576
        is "$(ls -a "$W" | grep -c akios-merge)" 0 "$M: no temporary file is left"

        # --- what is refused by name ------------------------------------------------------
        run "$@" "$AK" exec --json --disk-quota 8 --rw "$W" -- /bin/sh -c \
                "cd '$W'; echo a >hard.a; ln hard.a hard.b; mkfifo fifo 2>/dev/null; echo ok >fine"
        is "$rc" 1 "$M: unmerged changes: exit 1 although the payload exited 0"
        like "$err" "'$W/hard.a': not merged: .*hard links" "$M: a hard link is refused by name (stderr)"
        like "$(field "$out" disk.not_merged)" "hard.b" "$M: the record names both links"
        is "$(field "$out" disk.merge_failed)" true "$M: record: merge_failed true"
        check "$M: a hard-linked file is not half-merged" test ! -e "$W/hard.a" -a ! -e "$W/hard.b"
        is "$(cat "$W/fine" 2>/dev/null)" ok "$M: the other changes are merged"
        like "$err" "'$W/fifo': not merged: a FIFO" "$M: a FIFO is refused by name"
        check "$M: no FIFO appears on the host" test ! -p "$W/fifo"
        run "$@" "$AK" exec --disk-quota 8 --rw "$W/changed" -- /bin/true
        is "$rc" 2 "$M: a --rw file with --disk-quota: exit 2"
        like "$err" "not a directory" "$M: ... saying why"
        run "$@" "$AK" exec --disk-quota 8 --rw "$W" --rw "$W/keep.d" -- /bin/true
        is "$rc" 2 "$M: nested --rw paths with --disk-quota: exit 2"

        # --- a limit kill still merges ----------------------------------------------------
        run "$@" "$AK" exec --json --disk-quota 8 --wall-time 1 --rw "$W" -- /bin/sh -c \
                "echo late >'$W/timeout.f'; exec /bin/sleep 60"
        is "$(field "$out" reason)" '"timeout"' "$M: wall time: reason timeout"
        is "$rc" 5 "$M: wall time: exit 5"
        is "$(cat "$W/timeout.f" 2>/dev/null)" late "$M: changes before a limit kill are merged"

        # --- the supervisor killed: the real directory is as it was -----------------------
        t=$((100000 + $$ % 1000))
        "$@" "$AK" exec --disk-quota 8 --rw "$W" -- /bin/sh -c \
                "echo lost >'$W/lost.f'; echo x >>'$W/changed'; echo written; exec /bin/sleep $t" \
                >"$T/kill.out" 2>&1 &
        sup=$!
        wait_for grep -q written "$T/kill.out"
        check "$M: the payload wrote" grep -q written "$T/kill.out"
        kill -KILL "$sup"
        wait "$sup" 2>/dev/null
        wait_for sh -c "! pgrep -f '^/bin/sleep $t\$' >/dev/null"
        check "$M: SIGKILL of the supervisor: no new file on the host" test ! -e "$W/lost.f"
        is "$(cat "$W/changed")" new "$M: SIGKILL of the supervisor: a changed file is as it was"
}

if [ "$(id -u)" -eq 0 ]; then
        battery root
        if command -v setpriv >/dev/null 2>&1; then
                AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
                if $AS "$AK" exec --disk-quota 1 -- /bin/true 2>"$T/why"; then
                        battery nobody $AS
                else
                        skip "the unprivileged cage cannot run a quota here: $(cat "$T/why")"
                fi
        else
                skip "setpriv not installed (the unprivileged run)"
        fi
else
        AS=
        if "$AK" exec --disk-quota 1 -- /bin/true 2>"$T/why"; then
                battery user
        else
                skip "the unprivileged cage cannot run a quota here: $(cat "$T/why")"
        fi
fi

# --- the floor: no mount namespace, so no quota ------------------------------------------
N=$AKIOS_BUILD/helpers/nouserns
if [ ! -x "$N" ]; then
        skip "no $N (make build/helpers/nouserns)"
elif [ "$(id -u)" -eq 0 ] && ! command -v setpriv >/dev/null 2>&1; then
        skip "setpriv not installed (the floor needs a non-root user)"
else
        cp "$N" "$T/nouserns"
        chmod 755 "$T/nouserns"
        FL=
        [ "$(id -u)" -eq 0 ] && FL="setpriv --reuid=65534 --regid=65534 --clear-groups"
        fresh floor
        run $FL "$T/nouserns" "$AK" exec --json --disk-quota 8 --rw "$W" -- /bin/sh -c "echo x >'$W/floor.f'"
        is "$rc" 7 "floor: --disk-quota is refused with exit 7"
        like "$err" "disk-quota cannot be enforced here: no mount namespace" "floor: ... saying why"
        check "floor: nothing ran" test ! -e "$W/floor.f"
        run $FL env AKIOS_SANDBOX_REQUIRED=none "$T/nouserns" "$AK" exec --json --disk-quota 8 \
                --rw "$W" -- /bin/sh -c "echo x >'$W/floor.f'"
        if [ "$(field "$out" mode 2>/dev/null)" = '"floor"' ]; then
                is "$rc" 0 "floor, sandbox_required none: runs without the quota"
                like "$(field "$out" degraded)" '"disk_quota: not enforced' "floor, none: degraded names it"
                like "$err" "warning: cage without disk_quota: not enforced" "floor, none: stderr names it"
                is "$(field "$out" disk.enforced)" false "floor, none: record: disk.enforced false"
                is "$(cat "$W/floor.f" 2>/dev/null)" x "floor, none: the write went to the host directly"
        else
                skip "the floor cannot run here: $err"
        fi
fi
chmod -R u+rwX "$T" 2>/dev/null # the 0555 dirs, for the exit trap's rm -rf
done_testing
