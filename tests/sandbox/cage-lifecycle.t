#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The cage's life and its record (issue 10, Deliver 4-6), as root and as an unprivileged user:
# the cage dies with a supervisor killed by SIGKILL, SIGTERM/SIGINT to `akios exec` and to a
# run's tool step end the cage with exit 130 and leave nothing behind (no process, no
# cgroup), reasons come from evidence (cpu_time, pids; a payload's own kill -SYS / -XCPU is
# "killed"), stdin is a relayed pipe, /proc, /sys and /dev cannot be replaced, symlinks are
# bound where named, `./cmd` runs, /etc is small and read-only, the userns limits are set.
# No durations are asserted: every wait polls, generously.
. "$AKIOS_SRC/tests/lib.sh"
cp "$AKIOS" "$T/akios"
chmod 755 "$T/akios"
AK=$T/akios
py=/usr/bin/python3


alive() { pgrep -f "$1" >/dev/null 2>&1; }
gone() { ! pgrep -f "$1" >/dev/null 2>&1; }
cgroups_of() { # cgroups_of PID: the cgroup directories a supervisor with that pid made
        # (since $T/stamp: an older one of a reused pid, e.g. root's, is not this one's)
        find /sys/fs/cgroup -maxdepth 8 -type d -name "akios-$1-*" -newer "$T/stamp" 2>/dev/null
}

N=0
token() { N=$((N + 1)); echo "4242.$$$N"; }

lifecycle() { # lifecycle MODE-NAME
        M=$1
        ex() { run $AS "$AK" exec "$@"; }

        # --- the supervisor dies by SIGKILL: the cage goes with it ------------------------
        t=$(token)
        touch "$T/stamp"
        $AS "$AK" exec -- /bin/sleep "$t" >/dev/null 2>&1 &
        sup=$!
        wait_for alive "^/bin/sleep $t\$"
        check "$M: the payload runs" alive "^/bin/sleep $t\$"
        kill -KILL "$sup"
        wait "$sup" 2>/dev/null
        wait_for gone "^/bin/sleep $t\$"
        check "$M: SIGKILL of the supervisor: the payload is gone" gone "^/bin/sleep $t\$"
        check "$M: SIGKILL of the supervisor: the cage's init is gone" gone "exec -- /bin/sleep $t"
        # Its cgroup could not be removed by the dead supervisor: the next cage does it.
        $AS "$AK" exec -- /bin/true
        is "$(cgroups_of "$sup")" "" "$M: the dead supervisor's cgroup is removed by the next cage"

        # --- SIGTERM and SIGINT to akios exec: 130, nothing left --------------------------
        for sig in TERM INT; do
                t=$(token)
                touch "$T/stamp"
                $AS "$AK" exec -- /bin/sleep "$t" >"$T/sig.out" 2>"$T/sig.err" &
                sup=$!
                wait_for alive "^/bin/sleep $t\$"
                kill -$sig "$sup"
                wait "$sup"
                is "$?" 130 "$M: SIG$sig to akios exec exits 130"
                check "$M: SIG$sig: no survivor" gone "^/bin/sleep $t\$"
                is "$(cgroups_of "$sup")" "" "$M: SIG$sig: the cage's cgroup is removed"
                like "$(cat "$T/sig.err")" "interrupted" "$M: SIG$sig: stderr says interrupted"
        done

        # --- reasons from evidence ---------------------------------------------------------
        ex --json --cpu-time 1 --wall-time 120 -- /bin/sh -c 'while :; do :; done'
        is "$(field "$out" reason)" '"cpu_time"' "$M: RLIMIT_CPU (SIGXCPU): reason cpu_time"
        is "$(field "$out" signal)" '"SIGXCPU"' "$M: record: signal SIGXCPU"
        is "$rc" 5 "$M: cpu_time is a cage limit: exit 5"
        ex --json --cpu-time 1 --wall-time 120 -- /bin/sh -c 'trap "" XCPU; while :; do :; done'
        is "$(field "$out" reason)" '"cpu_time"' "$M: SIGXCPU ignored: the hard limit's SIGKILL is cpu_time"
        is "$(field "$out" signal)" '"SIGKILL"' "$M: record: signal SIGKILL at the hard limit"
        ex --json -- /bin/sh -c 'kill -XCPU $$'
        is "$(field "$out" reason)" '"killed"' "$M: the payload's own kill -XCPU is not cpu_time or timeout"
        is "$rc" 152 "$M: kill -XCPU \$\$: exit 128+24"
        ex --json -- /bin/sh -c 'kill -SYS $$'
        is "$(field "$out" reason)" '"killed"' "$M: the payload's own kill -SYS is not seccomp"
        is "$(field "$out" signal)" '"SIGSYS"' "$M: record: signal SIGSYS"
        is "$rc" 159 "$M: kill -SYS \$\$: exit 128+31"
        ex --json --pids 8 -- /bin/sh -c 'i=0; while [ $i -lt 20 ]; do /bin/sleep 30 & i=$((i+1)); done 2>/dev/null; kill $(jobs -p) 2>/dev/null; exit 0'
        cg=$(field "$out" layers.cgroup)
        if [ "$cg" = '"none"' ]; then
                # No cgroup for this user: RLIMIT_NPROC refuses the forks but has no event
                # counter, so the record must not claim a pids verdict it cannot see.
                diag "$M: no cgroup here: pids refusals are RLIMIT_NPROC's, not observable"
                is "$(field "$out" reason)" '"exited"' "$M: without a cgroup, no pids verdict is invented"
                is "$(field "$out" layers.memory)" '"rlimit only"' "$M: without a cgroup, memory is recorded as rlimit only"
        else
                is "$(field "$out" reason)" '"pids"' "$M: forks held by pids.max, then exit 0: reason pids"
                is "$rc" 5 "$M: pids: exit 5"
                is "$(field "$out" layers.memory)" '"cgroup"' "$M: with a cgroup, memory is recorded as cgroup"
        fi
        ex --json -- /bin/true
        is "$(field "$out" reason)" '"exited"' "$M: control: a plain exit 0 is exited"

        # --- stdin is a relayed pipe -------------------------------------------------------
        out=$(echo relayed | $AS "$AK" exec -- /bin/cat)
        is "$out" relayed "$M: stdin is relayed to the payload"
        : >"$T/in.txt"
        chmod 666 "$T/in.txt"
        out=$($AS "$AK" exec -- /bin/sh -c 'readlink /proc/self/fd/0; echo leak >&0' 0<>"$T/in.txt" 2>/dev/null)
        like "$out" "^pipe:" "$M: fd 0 is a pipe, not the caller's file"
        is "$(cat "$T/in.txt")" "" "$M: nothing written through the caller's read-write fd 0"
        out=$($AS "$AK" exec -- /bin/sh -c 'readlink /proc/self/fd/0; cat; echo end' </ 2>&1)
        like "$out" "^pipe:" "$M: stdin < / gives no host directory fd"
        like "$out" "end$" "$M: a directory on stdin is an EOF for the payload"
        out=$($AS "$AK" exec --no-stdin -- /bin/readlink /proc/self/fd/0 </dev/zero)
        is "$out" /dev/null "$M: --no-stdin: /dev/null"

        # --- paths -------------------------------------------------------------------------
        for p in /proc /proc/sys /sys /sys/fs/cgroup /dev /dev/shm; do
                ex --ro "$p" -- /bin/true
                is "$rc" 2 "$M: --ro $p refused (exit 2)"
        done
        ex --rw /dev -- /bin/true
        is "$rc" 2 "$M: --rw /dev refused (exit 2)"
        like "$err" "private /dev" "$M: the message says why"
        ln -sf /proc "$W/to-proc"
        ex --ro "$W/to-proc" -- /bin/true
        is "$rc" 2 "$M: a symlink to /proc is refused too"
        mkdir -p "$W/target"
        echo seen >"$W/target/file"
        ln -sfn target "$W/link"
        ex --ro "$W/link" -- /bin/cat "$W/link/file"
        is "$out" seen "$M: a symlink is bound where it was named"
        ex --ro "$W/link" -- /bin/sh -c "test -e '$W/target/file' && echo at-target || echo not-at-target"
        is "$out" not-at-target "$M: ... and not at its target's path"
        printf '#!/bin/sh\necho relative-ok\n' >"$W/hello.sh"
        chmod 755 "$W/hello.sh"
        out=$(cd "$W" && $AS "$AK" exec --ro . -- ./hello.sh 2>"$W/hello.err")
        is "$out" relative-ok "$M: exec -- ./cmd runs from the caller's working directory"

        # --- /etc, userns limits, groups, quota ---------------------------------------------
        ex -- /bin/sh -c 'echo x >/etc/akios-x 2>/dev/null && echo wrote || echo refused'
        is "$out" refused "$M: /etc in the cage is read-only"
        ex -- /usr/bin/stat -f -c '%b %S' /etc
        blocks=${out% *}
        bsize=${out#* }
        check "$M: /etc is a small tmpfs (at most 4 MB), not half the RAM" test $((blocks * bsize)) -le $((4 << 20))
        ex --json -- /bin/cat /proc/sys/user/max_inotify_instances
        if [ "$(field "$out" layers.userns)" = true ]; then
                like "$out" "^16" "$M: the cage's userns has its own inotify instance limit"
        else
                skip "$M: no user namespace here: the per-userns limits do not apply"
        fi
        ex --json -- /bin/true
        if [ "$(id -u)" -eq 0 ] && [ -z "$AS" ]; then
                is "$(field "$out" layers.groups_dropped)" true "$M: supplementary groups dropped"
        else
                like "$(field "$out" layers.groups_dropped)" '^(true|false)$' "$M: groups_dropped is recorded"
        fi
        # --disk-quota is enforced now (tests/sandbox/cage-quota.t); here: it is recorded
        ex --json --disk-quota 10 -- /bin/true
        is "$rc" 0 "$M: --disk-quota without --rw paths runs"
        is "$(field "$out" disk.quota_mb)" 10 "$M: ... and the record has the quota"
}

W=$T/root-w
mkdir -p "$W"
chmod 755 "$W"
if [ "$(id -u)" -eq 0 ]; then
        AS=
        lifecycle root
fi
if [ "$(id -u)" -eq 0 ]; then
        if command -v setpriv >/dev/null 2>&1; then
                AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
        else
                AS=none
                skip "setpriv not installed: no unprivileged run"
        fi
else
        AS=
fi
if [ "$AS" != none ]; then
        W=$T/user-w
        mkdir -p "$W"
        chmod 777 "$W"
        if $AS "$AK" exec -- /bin/true 2>"$T/why"; then
                lifecycle unprivileged
        else
                skip "the unprivileged cage cannot run here: $(cat "$T/why")"
        fi
fi

# --- a run's tool step: Ctrl-C ends its cage, the run exits 130 ---------------------------
cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
sed -i 's/^allowed_commands: \[/allowed_commands: [sleep, /' config.yaml
t=$(token)
cat > workflows/long.yml <<EOF2
name: long
steps:
  - step: 1
    agent: tool_executor
    action: run
    config:
      timeout: 300
    parameters:
      command: [sleep, "$t"]
EOF2
"$AKIOS" run workflows/long.yml >"$T/run.out" 2>"$T/run.err" &
pid=$!
wait_for alive "^/usr/bin/sleep $t\$"
check "run: the tool step's payload runs" alive "^/usr/bin/sleep $t\$"
kill -INT "$pid"
wait "$pid"
is "$?" 130 "run: SIGINT during a tool step exits 130"
check "run: the tool step's payload is gone" gone "^/usr/bin/sleep $t\$"
last=$(ls -dv data/output/run_* | tail -1)
is "$($py -c 'import json,sys; print(json.load(open(sys.argv[1]))["status"])' "$last/output.json")" interrupted \
        "run: output.json says interrupted"

# --- sandbox_enabled: false is refused, and doctor says so ---------------------------------
sed -i 's/^sandbox_enabled: .*/sandbox_enabled: false/' config.yaml
grep -q '^sandbox_enabled: false' config.yaml || echo "sandbox_enabled: false" >>config.yaml
run "$AKIOS" run workflows/long.yml
is "$rc" 2 "sandbox_enabled: false: run refuses the config (exit 2)"
like "$err" "config.yaml:[0-9]+:[0-9]+: .*never runs tool steps outside the cage" "the refusal has file:line:col and says why"
run "$AKIOS" doctor
like "$err" "never runs tool steps outside the cage" "doctor reports the same refusal"
done_testing
