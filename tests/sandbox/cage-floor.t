#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The cage where user namespaces cannot be made (issue 10, finding 2): the whole battery
# under tests/helpers/nouserns (a seccomp wrapper refusing CLONE_NEWUSER and clone3, as
# Docker's default profile and Ubuntu's AppArmor restriction do), as root (namespaces
# without a user namespace) and as an unprivileged user (the floor: Landlock, the floor
# seccomp filter, a subreaper; src/sandbox/floor.c). Each attempt must hold in both.
. "$AKIOS_SRC/tests/lib.sh"
require_root "runs the battery as root and, through setpriv, as nobody"
require_cmd setpriv
N=$AKIOS_BUILD/helpers/nouserns
for f in "$N" "$AKIOS_BUILD/helpers/probe"; do
        [ -x "$f" ] || { echo "Bail out! $f not built (make $f)"; exit 1; }
done
cp "$AKIOS" "$AKIOS_BUILD/helpers/probe" "$N" "$T/"
chmod 755 "$T/akios" "$T/probe" "$T/nouserns"
AK=$T/akios
P=$T/probe
WRAP=$T/nouserns
W=$T
cd "$T" || exit 1

# The wrapper works: no user namespace under it, other namespaces still for root.
run "$WRAP" unshare -U true
isnt_rc=$rc
check "nouserns refuses a user namespace" test "$isnt_rc" -ne 0

# --- root without user namespaces: every namespace but userns ---------------------------
# On a host, root makes namespaces without a user namespace. In a container without
# CAP_SYS_ADMIN (make test-container) it cannot either, and root's cage is the floor too.
AS=
LAYERS="mountns pidns netns ipcns utsns seccomp no_new_privs caps_dropped landlock"
FLOOR=0
if [ -n "${AKIOS_IN_CONTAINER:-}" ]; then
        run "$WRAP" "$AK" exec --json -- /bin/true
        case "$out" in *'"mode":"floor"'*|*'"mode": "floor"'*)
                LAYERS="seccomp no_new_privs caps_dropped landlock"
                FLOOR=1 ;;
        esac
fi
diag "mode: root under nouserns (floor=$FLOOR)"
. "$AKIOS_SRC/tests/sandbox/battery.sh"
ex --json -- /bin/true
is "$(field "$out" layers.userns)" false "root, nouserns: record says userns is off"
like "$(field "$out" degraded)" '"userns: ' "root, nouserns: degraded names userns"
like "$err" "cage without userns" "root, nouserns: stderr names the missing layer"
kill $LISTENER 2>/dev/null
wait $LISTENER 2>/dev/null

# --- unprivileged without user namespaces: the floor ------------------------------------
diag "mode: nobody under nouserns (the floor)"
AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
LAYERS="seccomp no_new_privs landlock"
FLOOR=1
rm -f "$W/port"
W=$T/u
mkdir -p "$W" && chmod 777 "$W"
. "$AKIOS_SRC/tests/sandbox/battery.sh"
ex --json -- /bin/true
is "$(field "$out" mode)" '"floor"' "floor: record mode is floor"
is "$(field "$out" layers.subreaper)" true "floor: record says the subreaper is on"
for l in userns mountns pidns netns ipcns; do
        is "$(field "$out" layers.$l)" false "floor: record says $l is off"
        like "$err" "cage without $l: " "floor: stderr names $l"
done
like "$(field "$out" degraded)" '"netns: no network namespace: every socket\(\) is refused' \
        "floor: degraded says what stands in for the network namespace"
# Host paths the cage did not name are closed for reading, not only for writing.
probe "read /etc/hostname"
probe "read $T/akios"
# A pathname unix socket of the host (the listener's own, made for this check).
/usr/bin/python3 -c 'import socket,sys,time; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen(1); time.sleep(30)' "$W/host.sock" &
UL=$!
for _i in 1 2 3 4 5 6 7 8 9 10; do [ -S "$W/host.sock" ] && break; sleep 0.1; done
chmod 777 "$W/host.sock"
probe "unix-path $W/host.sock"
kill $UL 2>/dev/null
# Not even the floor (no Landlock either): exit 7, unless sandbox_required: none.
run $AS "$WRAP" --no-landlock "$AK" exec -- /bin/true
is "$rc" 7 "no namespaces and no Landlock: exit 7"
like "$err" "no cage can be built here" "exit 7 says why"
run $AS env AKIOS_SANDBOX_REQUIRED=none "$WRAP" --no-landlock "$AK" exec --json -- /bin/echo ran
is "$rc" 0 "sandbox_required: none runs it anyway"
like "$err" "cage without floor: " "and says on stderr that not even the floor was there"
like "$(field "$out" degraded)" '"floor: not even Landlock' "and in the record"
run $AS env AKIOS_SANDBOX_REQUIRED=strict "$WRAP" "$AK" exec -- /bin/true
is "$rc" 7 "strict without user namespaces: exit 7"
done_testing
