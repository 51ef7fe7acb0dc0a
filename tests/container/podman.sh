#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make test-container: the cage tests inside a real container, podman with runc and podman's
# default seccomp profile, over an overlay of this host's own tree (--rootfs /:O, no image
# needed), no network. crun refuses this host's hybrid cgroups; podman needs the two
# --ulimit options here. Not part of `make test` (minutes, and it needs root and podman).
#
# Modes, as deployments run akios:
#   uid 10001 (the Dockerfile's user, a Kubernetes Job's runAsUser): cage-unpriv.t, and a
#     workflow whose tool_executor step runs in the cage;
#   uid 0 in the container (default capabilities): cage-root.t and cage-floor.t.
# Each inner TAP file is one test here; its own lines follow as comments.
. "$AKIOS_SRC/tests/lib.sh"
require_root "podman here runs as root (rootful, runc)"
require_cmd podman "scripts/install-deps --container"
require_cmd runc "scripts/install-deps --container"
POD="podman --runtime runc run --rm --ulimit nofile=1024:1024 --ulimit nproc=4096:4096
        --network none -e AKIOS=$AKIOS -e AKIOS_BUILD=$AKIOS_BUILD
        -e AKIOS_SRC=$AKIOS_SRC -e AKIOS_IN_CONTAINER=podman -e TMPDIR=/tmp -w /tmp"
# the image: an overlay of this host's root (last option before the command)
ROOT="--rootfs /:O"
if ! $POD --user 10001:10001 $ROOT /bin/true 2>"$T/why"; then
        skip "podman cannot run a container here: $(head -c 300 "$T/why")"
        done_testing
        exit
fi
for f in "$AKIOS_BUILD/helpers/probe" "$AKIOS_BUILD/helpers/nouserns"; do
        [ -x "$f" ] || { echo "Bail out! $f not built"; exit 1; }
done

inner() { # inner USER TEST-FILE
        $POD --user "$1" $ROOT sh "$AKIOS_SRC/tests/sandbox/$2" >"$T/inner.log" 2>&1
        rc=$?
        sed 's/^/#   /' "$T/inner.log"
        diag "measured: podman-default, uid $1: $2: checks passed" \
                "$(grep -c '^ok ' "$T/inner.log") of $(grep -Ec '^(not )?ok ' "$T/inner.log")," \
                "probe attempts denied $(grep -Ec '^ok [0-9]+ - denied: ' "$T/inner.log") of" \
                "$(grep -Ec '^(not )?ok [0-9]+ - denied: ' "$T/inner.log")"
        check "podman, uid $1: $2 passes (inner exit $rc)" test "$rc" -eq 0
}

inner 10001:10001 cage-unpriv.t
inner 0:0 cage-root.t
inner 0:0 cage-floor.t

# A tool_executor step as a deployment runs it: a project, a workflow, `akios run`.
cat >"$T/tool.yml" <<'YML'
name: tool in a container
steps:
  - step: 1
    agent: tool_executor
    action: run
    parameters:
      command: ["echo", "from the cage"]
YML
chmod 644 "$T/tool.yml"
out=$($POD --user 10001:10001 -v "$T/tool.yml:/tool.yml:ro" $ROOT sh -c 'cd "$(mktemp -d)" && "$AKIOS" init p >/dev/null && cd p &&
        "$AKIOS" run /tool.yml --json && cat data/output/run_*/output.json' 2>"$T/err")
rc=$?
is "$rc" 0 "podman, uid 10001: a tool_executor step runs (no 'cage setup failed')"
like "$out" "from the cage" "the step's output came back"
unlike "$(cat "$T/err")" "cage setup failed" "no cage setup failure on stderr"
out=$($POD --user 10001:10001 $ROOT "$AKIOS" doctor --json 2>/dev/null)
like "$out" '"mode": ?"namespaces"' "doctor in the container: the cage has its namespaces"
like "$out" '"hostname: not set' "doctor names what the container refuses (the hostname)"
# Redaction in the container is the host's, byte for byte: names, addresses, places and
# secrets of the names corpus (tests/pii-names/gen.py)
/usr/bin/python3 "$AKIOS_SRC/tests/pii-names/gen.py" --seed 1 "$T/names.txt" "$T/names.jsonl"
# and the scripts without capitals (names-intl.c): Han, kana, Hangul, Arabic, Devanagari...
cat "$AKIOS_SRC/fuzz/corpus/pii/intl-scripts.txt" >> "$T/names.txt"
chmod 644 "$T/names.txt"
"$AKIOS" protect redact "$T/names.txt" >"$T/names.host"
$POD --user 10001:10001 -v "$T/names.txt:/names.txt:ro" $ROOT "$AKIOS" protect redact /names.txt \
        >"$T/names.pod" 2>"$T/err"
is "$?" 0 "podman, uid 10001: protect redact runs"
cmp -s "$T/names.host" "$T/names.pod"
is "$?" 0 "podman, uid 10001: the redaction is the host's byte for byte"
like "$(cat "$T/names.pod")" "姓名：\\[PERSON\\]" "podman, uid 10001: a Chinese name after its label is redacted"
done_testing
