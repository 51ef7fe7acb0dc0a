#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The cage battery as an unprivileged user (rootless: user namespaces, no cgroup delegation
# on most hosts). As root we switch to nobody with setpriv; otherwise we already are one.
. "$AKIOS_SRC/tests/lib.sh"
W=$T
cp "$AKIOS" "$AKIOS_BUILD/helpers/probe" "$T/"
chmod 755 "$T/akios" "$T/probe"
AK=$T/akios
P=$T/probe
if [ "$(id -u)" -eq 0 ]; then
        command -v setpriv >/dev/null 2>&1 || { skip "setpriv not installed"; done_testing; exit; }
        AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
        AS=
fi
if ! $AS "$AK" exec -- /bin/true 2>"$T/why"; then
        skip "the unprivileged cage cannot run here: $(cat "$T/why")"
        done_testing
        exit
fi
cd "$T" || exit 1
# In a container whose seccomp profile refuses user namespaces (Docker's default, Kubernetes'
# RuntimeDefault: make test-container) the cage is the floor, and the attempts must hold by
# Landlock and seccomp instead (as in cage-floor.t).
if [ -n "${AKIOS_IN_CONTAINER:-}" ]; then
        run $AS "$AK" exec --json -- /bin/true
        case "$out" in *'"mode":"floor"'*|*'"mode": "floor"'*)
                LAYERS="seccomp no_new_privs landlock"
                FLOOR=1 ;;
        esac
        diag "mode: unprivileged in a container (floor=${FLOOR:-0})"
fi
. "$AKIOS_SRC/tests/sandbox/battery.sh"
# strict mode: a missing layer is exit 7 naming it
run $AS env AKIOS_SANDBOX_REQUIRED=strict "$AK" exec --json -- /bin/true
if [ "$rc" = 7 ]; then
        like "$err" "cage layer '[a-z_]+'" "strict: exit 7 names the missing layer"
else
        is "$rc" 0 "strict: every layer available for this user"
fi
done_testing
