#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# akios doctor: PASS/WARN/FAIL per kernel feature with the fix, the cgroup layout as mounted
# (v1 / v2 / hybrid, compared with /proc/self/mountinfo), the rootless path (run as nobody),
# exit 1 only on a FAIL that the config requires.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

cd "$T" || exit 1
run "$AKIOS" doctor
is "$rc" 0 "doctor outside a project exits 0 (best-effort)"
for l in userns mountns pidns netns ipcns utsns seccomp landlock no_new_privs caps_dropped cgroup; do
        like "$out" "^  (PASS|WARN)  $l " "reports $l"
done

# What the host really mounts.
v2=$(awk '$0 ~ / - cgroup2 / {print $5; exit}' /proc/self/mountinfo)
v1=$(grep -c ' - cgroup ' /proc/self/mountinfo)
if [ -n "$v2" ] && [ "$v1" -gt 0 ]; then kind=hybrid; elif [ -n "$v2" ]; then kind=v2
elif [ "$v1" -gt 0 ]; then kind=v1; else kind=none; fi
diag "host cgroup layout: $kind"
like "$out" "^  cgroups  $kind" "cgroup layout is '$kind', as mounted"
run "$AKIOS" doctor --json
is "$rc" 0 "doctor --json exits 0"
/usr/bin/python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["cgroup_layout"]["kind"], d["rootless"] == (d["uid"] != 0), d["ok"], sorted(set(v["status"] for v in d["layers"].values()) - {"PASS","WARN"}))' "$out" > "$T/py"
is "$(cat "$T/py")" "$kind True True []" "json: layout, rootless flag, ok, only PASS/WARN"

if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
        NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
        run $NOBODY "$AKIOS" doctor
        is "$rc" 0 "rootless doctor (uid 65534) exits 0 under best-effort"
        like "$out" "uid 65534, rootless" "rootless path is named"
        # A cgroup the unprivileged user cannot create must be WARN with a fix, not PASS.
        if printf '%s' "$out" | grep -q '^  WARN  cgroup'; then
                like "$out" "fix: " "missing cgroup comes with its fix"
                like "$out" "without it: memory and pids are limited by rlimits only" \
                        "and with what is lost"
        else
                diag "uid 65534 got a usable cgroup on this host"
        fi
        mkdir -p "$T/p" && (cd "$T/p" && "$AKIOS" init . >/dev/null 2>&1)
        sed -i 's/^sandbox_required:.*/sandbox_required: strict/' "$T/p/config.yaml"
        chmod -R a+rX "$T"
        (cd "$T/p" && $NOBODY "$AKIOS" doctor --json) > "$T/strict.json"
        src=$?
        missing=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(1 for v in d["layers"].values() if not v["available"]), d["fail"])' "$T/strict.json")
        case "$missing" in
        "0 0") is "$src" 0 "strict, nothing missing: exit 0" ;;
        *) is "$src" 1 "strict with a missing layer: FAIL, exit 1 ($missing)" ;;
        esac
else
        skip "needs root and setpriv to check the rootless path as uid 65534"
fi
run "$AKIOS" doctor --frob
is "$rc" 2 "unknown flag is a usage error"
done_testing
