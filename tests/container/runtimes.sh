#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make test-container, second file: the cage under the security settings of Docker and of a
# Kubernetes Job with the restricted Pod Security Standard (issue 10, item 3). There is no
# Docker engine and no kubelet here: each runtime's settings are given to podman with runc,
# over an overlay of this host's own tree as in podman.sh.
#
#   docker-20.10   Docker 20.10's default seccomp profile (moby's profiles/seccomp/default.json,
#                  shipped by Debian's golang-github-docker-docker-dev) and Docker's 14 default
#                  capabilities, as uid 10001 and as root;
#   docker-nolandlock  the same profile without the three landlock_* syscalls (what moby's
#                  profile was before it allowed them, moby PR 43199), uid 10001;
#   k8s-restricted a restricted pod as examples/kubernetes-job.yaml asks for it: runAsUser
#                  10001, allowPrivilegeEscalation: false (no-new-privileges), capabilities
#                  drop ALL, readOnlyRootFilesystem, an emptyDir of 64 MiB on /tmp, and
#                  RuntimeDefault as containerd's (derived from moby's: the same file) and as
#                  CRI-O/podman's (containers-common's seccomp.json).
#
# Each mode: the runtime's settings are checked in force from inside, the cage battery runs
# (cage-unpriv.t as uid 10001; cage-root.t and cage-floor.t as root) and each inner TAP file
# is one test here, a workflow's tool_executor step runs, and doctor --json must say the mode
# and the missing layers that a real run records. Lines "# measured: ..." are the README's
# table. A missing profile file is a skip naming the package.
. "$AKIOS_SRC/tests/lib.sh"
require_root "podman here runs as root (rootful, runc)"
require_cmd podman "scripts/install-deps --container"
require_cmd runc "scripts/install-deps --container"
MOBY=/usr/share/gocode/src/github.com/docker/docker/profiles/seccomp/default.json
MOBY=${AKIOS_MOBY_SECCOMP:-$MOBY}
COMMON=${AKIOS_COMMON_SECCOMP:-/usr/share/containers/seccomp.json}
POD="podman --runtime runc run --rm --ulimit nofile=1024:1024 --ulimit nproc=4096:4096
        --network none -e AKIOS=$AKIOS -e AKIOS_BUILD=$AKIOS_BUILD
        -e AKIOS_SRC=$AKIOS_SRC -e AKIOS_IN_CONTAINER=podman -e TMPDIR=/tmp -w /tmp"
ROOT="--rootfs /:O"
if ! $POD --user 10001:10001 $ROOT /bin/true 2>"$T/why"; then
        skip "podman cannot run a container here: $(head -c 300 "$T/why")"
        done_testing
        exit
fi
for f in "$AKIOS_BUILD/helpers/probe" "$AKIOS_BUILD/helpers/nouserns"; do
        [ -x "$f" ] || { echo "Bail out! $f not built"; exit 1; }
done

# Docker's default capabilities (moby oci/caps/defaults.go); podman's default set lacks
# MKNOD, NET_RAW and AUDIT_WRITE. As a bounding set: 0x00000000a80425fb.
DOCKER_CAPS="--cap-drop=all"
for c in CHOWN DAC_OVERRIDE FSETID FOWNER MKNOD NET_RAW SETGID SETUID SETFCAP SETPCAP \
        NET_BIND_SERVICE SYS_CHROOT KILL AUDIT_WRITE; do
        DOCKER_CAPS="$DOCKER_CAPS --cap-add=$c"
done
DOCKER_BND=00000000a80425fb
# The pod (fsGroup 10001 is --group-add): notmpcopyup and --read-only-tmpfs=false because
# the image is the host's own tree (its /tmp and /run would be copied up); an emptyDir
# starts empty anyway.
K8S="--user 10001:10001 --group-add 10001 --cap-drop=all --security-opt no-new-privileges
        --read-only
        --read-only-tmpfs=false --tmpfs /tmp:rw,notmpcopyup,mode=1777,size=64m"
# The emptyDir on /tmp would hide a source tree or a binary below /tmp (a clone there): bind
# them back, read-only, as an image would hold them.
for d in "$AKIOS_SRC" "$(dirname "$AKIOS")" "$AKIOS_BUILD"; do
        case $d in /tmp/*) K8S="$K8S -v $d:$d:ro" ;; esac
done

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

jget() { # jget JSON-TEXT KEY: one value of a JSON document, as JSON
        printf '%s' "$1" | /usr/bin/python3 -c 'import json, sys
v = json.loads(sys.stdin.read())
for k in sys.argv[1].split("."):
    v = v[k]
print(json.dumps(v, sort_keys=True))' "$2" 2>/dev/null
}

# settings MODE OPTS: what the container itself is, from inside (the emulation is in force).
settings() {
        $POD $2 $ROOT sh -c 'grep -E "^(CapEff|CapBnd|NoNewPrivs|Seccomp):" /proc/self/status;
                unshare -U true 2>/dev/null && echo userns: allowed || echo userns: refused;
                touch /akios-rootfs-probe 2>/dev/null && echo rootfs: writable ||
                echo rootfs: read-only' \
                >"$T/settings" 2>&1
        sed "s/^/#   $1: /" "$T/settings"
        SET=$(cat "$T/settings")
}

# inner MODE OPTS TEST-FILE: the battery file in the mode; its own lines follow as comments.
inner() {
        $POD $2 $ROOT sh "$AKIOS_SRC/tests/sandbox/$3" >"$T/inner.log" 2>&1
        rc=$?
        sed 's/^/#   /' "$T/inner.log"
        okn=$(grep -c '^ok ' "$T/inner.log")
        all=$(grep -Ec '^(not )?ok ' "$T/inner.log")
        dn=$(grep -Ec '^ok [0-9]+ - denied: ' "$T/inner.log")
        da=$(grep -Ec '^(not )?ok [0-9]+ - denied: ' "$T/inner.log")
        fm=$(sed -n 's/^# mode: .*(floor=\([01]\)).*/\1/p' "$T/inner.log" | head -1)
        diag "measured: $1: $3: checks passed $okn of $all, probe attempts denied $dn of" \
                "$da (floor=${fm:-0})"
        check "$1: $3 passes (inner exit $rc)" test "$rc" -eq 0 -a "$all" -gt 0
}

# record MODE OPTS WANT-MODE: exec's record, doctor's view of it, a tool_executor step.
record() {
        out=$($POD $2 $ROOT "$AKIOS" exec --json -- /bin/true 2>"$T/err")
        rc=$?
        is "$rc" 0 "$1: akios exec runs (exit $rc)"
        rec=$out
        is "$(jget "$rec" mode)" "\"$3\"" "$1: the cage's mode is $3"
        if [ "$3" = floor ]; then
                for l in seccomp landlock no_new_privs subreaper; do
                        is "$(jget "$rec" layers.$l)" true "$1: floor: $l active"
                done
                like "$(cat "$T/err")" "cage without userns: " \
                        "$1: stderr names the missing userns"
        fi
        layers=$(printf '%s' "$rec" | /usr/bin/python3 -c 'import json, sys
l = json.loads(sys.stdin.read())["layers"]
print(" ".join(k for k in sorted(l) if l[k] is True))' 2>/dev/null)
        diag "measured: $1: mode $(jget "$rec" mode), layers on: $layers," \
                "cgroup $(jget "$rec" layers.cgroup)"
        doc=$($POD $2 $ROOT "$AKIOS" doctor --json 2>/dev/null)
        is "$(jget "$doc" mode)" "$(jget "$rec" mode)" "$1: doctor says the mode a run gets"
        is "$(jget "$doc" degraded)" "$(jget "$rec" degraded)" \
                "$1: doctor names exactly what a run goes without"
        for l in userns mountns pidns netns seccomp landlock; do
                is "$(jget "$doc" layers.$l.available)" "$(jget "$rec" layers.$l)" \
                        "$1: doctor's $l is what the run had"
        done
        # The pod's project is an emptyDir volume at /project, as in the Job; elsewhere /tmp/p.
        proj=/tmp/p vol=
        case "$1" in k8s*)
                proj=/project
                rm -rf "$T/project" && mkdir "$T/project" && chown 10001:10001 "$T/project"
                vol="-v $T/project:/project" ;;
        esac
        out=$($POD $2 $vol -v "$T/tool.yml:/tool.yml:ro" $ROOT sh -c 'cd "$(mktemp -d)" &&
                "$AKIOS" init '"$proj"' >/dev/null && cd '"$proj"' &&
                "$AKIOS" run /tool.yml --json && cat data/output/run_*/output.json && echo &&
                grep -c "\"mode\":\"'"$3"'\"" audit/ledger.jsonl' \
                2>"$T/err")
        rc=$?
        is "$rc" 0 "$1: a tool_executor step runs"
        like "$out" "from the cage" "$1: the step's output came back"
        unlike "$(cat "$T/err")" "cage setup failed" "$1: no cage setup failure on stderr"
        like "$(printf '%s' "$out" | tail -1)" '^[1-9]' \
                "$1: the ledger records the cage's mode ($3)"
}

# --- Docker 20.10: default seccomp profile and capabilities --------------------------------
if [ ! -r "$MOBY" ]; then
        why="no Docker default seccomp profile at $MOBY: install"
        skip "$why golang-github-docker-docker-dev (scripts/install-deps --container) or set AKIOS_MOBY_SECCOMP"
else
        D="--security-opt seccomp=$MOBY $DOCKER_CAPS"
        settings docker-uid10001 "$D --user 10001:10001"
        like "$SET" "CapBnd:[[:space:]]+$DOCKER_BND" \
                "docker: Docker's 14 capabilities are the bounding set"
        like "$SET" "userns: refused" "docker: the profile refuses user namespaces"
        like "$SET" "NoNewPrivs:[[:space:]]+0" "docker: no_new_privs is not set by the runtime"
        inner docker-uid10001 "$D --user 10001:10001" cage-unpriv.t
        record docker-uid10001 "$D --user 10001:10001" floor
        settings docker-root "$D --user 0:0"
        like "$SET" "CapEff:[[:space:]]+$DOCKER_BND" \
                "docker, root: Docker's 14 capabilities, effective"
        like "$SET" "userns: refused" "docker, root: the profile refuses user namespaces"
        inner docker-root "$D --user 0:0" cage-root.t
        inner docker-root "$D --user 0:0" cage-floor.t
        record docker-root "$D --user 0:0" floor

        # A profile without the Landlock syscalls: no floor can be built.
        /usr/bin/python3 - "$MOBY" "$T/noland.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
for s in p["syscalls"]:
    s["names"] = [n for n in s["names"] if not n.startswith("landlock_")]
p["syscalls"] = [s for s in p["syscalls"] if s["names"]]
json.dump(p, open(sys.argv[2], "w"))
PY
        chmod 644 "$T/noland.json"
        N="--security-opt seccomp=$T/noland.json $DOCKER_CAPS --user 10001:10001"
        out=$($POD $N $ROOT "$AKIOS" exec -- /bin/echo ran 2>"$T/err")
        rc=$?
        is "$rc" 7 "docker-nolandlock: no namespaces and no Landlock: exit 7"
        like "$(cat "$T/err")" "no cage can be built here.*Landlock" \
                "docker-nolandlock: stderr says why"
        unlike "$out" "ran" "docker-nolandlock: the command did not run"
        out=$($POD $N -e AKIOS_SANDBOX_REQUIRED=none $ROOT "$AKIOS" exec --json -- /bin/echo ran \
                2>"$T/err")
        rc=$?
        is "$rc" 0 "docker-nolandlock: sandbox_required: none runs it"
        like "$(cat "$T/err")" "cage without floor: " \
                "docker-nolandlock: stderr says not even the floor"
        like "$out" '"floor: not even Landlock' "docker-nolandlock: and the record"
        diag "measured: docker-nolandlock: exit 7 (best-effort); none: runs, landlock" \
                "$(jget "$(printf '%s' "$out" | tail -1)" layers.landlock)"
        doc=$($POD $N $ROOT "$AKIOS" doctor --json 2>/dev/null)
        rc=$?
        is "$rc" 1 "docker-nolandlock: doctor exits 1 (every run would exit 7)"
        is "$(jget "$doc" mode)" '"none"' "docker-nolandlock: doctor says no cage runs"
        like "$(jget "$doc" cage_error)" "no cage can be built here" \
                "docker-nolandlock: doctor says why"
fi

# --- Kubernetes, restricted Pod Security Standard -----------------------------------------
k8s() { # k8s MODE PROFILE WANT-MODE
        settings "$1" "$K8S --security-opt seccomp=$2"
        like "$SET" "CapEff:[[:space:]]+0+$" "$1: no capabilities (drop ALL)"
        like "$SET" "CapBnd:[[:space:]]+0+$" "$1: empty bounding set"
        like "$SET" "NoNewPrivs:[[:space:]]+1" "$1: allowPrivilegeEscalation: false (no_new_privs)"
        like "$SET" "rootfs: read-only" "$1: readOnlyRootFilesystem"
        inner "$1" "$K8S --security-opt seccomp=$2" cage-unpriv.t
        record "$1" "$K8S --security-opt seccomp=$2" "$3"
}
if [ -r "$MOBY" ]; then
        k8s k8s-restricted-moby "$MOBY" floor
        like "$SET" "userns: refused" "k8s-restricted-moby: the profile refuses user namespaces"
fi
if [ ! -r "$COMMON" ]; then
        why="no containers-common seccomp profile at $COMMON: install"
        skip "$why golang-github-containers-common (podman's dependency) or set AKIOS_COMMON_SECCOMP"
else
        k8s k8s-restricted-common "$COMMON" namespaces
        like "$SET" "userns: allowed" "k8s-restricted-common: the profile allows user namespaces"
fi
done_testing
