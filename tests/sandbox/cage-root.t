#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The cage battery as root: the payload must still never be host root.
. "$AKIOS_SRC/tests/lib.sh"
require_root "the root battery needs uid 0"
AS=
AK=$AKIOS
P=$AKIOS_BUILD/helpers/probe
W=$T
[ -x "$P" ] || { echo "Bail out! $P not built (make $AKIOS_BUILD/helpers/probe)"; exit 1; }
# Root without CAP_SYS_ADMIN (Docker's default capabilities: make test-container) cannot make
# namespaces either: its cage is the floor, the payload still a non-root uid.
if [ -n "${AKIOS_IN_CONTAINER:-}" ]; then
        run "$AK" exec --json -- /bin/true
        case "$out" in *'"mode":"floor"'*|*'"mode": "floor"'*)
                LAYERS="seccomp no_new_privs caps_dropped landlock"
                FLOOR=1 ;;
        esac
        diag "mode: root in a container (floor=${FLOOR:-0})"
fi
. "$AKIOS_SRC/tests/sandbox/battery.sh"
# strict mode with every layer present runs; in a container (make test-container) root has
# no cgroup to write and may not set the hostname: strict then names the missing layer
AKIOS_SANDBOX_REQUIRED=strict run "$AK" exec -- /bin/true
if [ -n "${AKIOS_IN_CONTAINER:-}" ] && [ "$rc" = 7 ]; then
        like "$err" "cage layer '[a-z_]+'" "in a container, strict: exit 7 names the missing layer"
else
        is "$rc" 0 "strict mode runs when every layer is available"
fi
done_testing
