# SPDX-License-Identifier: GPL-3.0-or-later
# The cage's escape and misbehaviour battery, shared by cage-root.t and cage-unpriv.t.
# Needs: $AS (a command prefix that runs as the wanted user, may be empty), $AK (akios),
# $P (the static probe), $W (a scratch dir that user can read), from the sourcing test.
# Optional: $WRAP (a prefix between $AS and akios, e.g. the nouserns helper), $LAYERS (the
# layers the record must show active; default all), $FLOOR=1 (no namespaces: the floor of
# src/sandbox/floor.c, where the attempts must hold by Landlock and seccomp instead).
: "${WRAP:=}" "${FLOOR:=0}"
: "${LAYERS:=userns mountns pidns netns ipcns utsns seccomp no_new_privs caps_dropped landlock}"
# Every check runs the real binary in the real cage and asserts the denial and, where the
# attempt would change the host, that the host is unchanged.

ex() { run $AS $WRAP "$AK" exec "$@"; }

# probe CHECK [ARG] [-- EXEC OPTIONS]: the attempt must print "DENIED CHECK".
probe() {
        _c=$1
        shift
        ex --ro "$P" -- "$P" $_c "$@"
        like "$out" "^DENIED ${_c%% *}" "denied: $_c ($(echo "$out" | tail -1))"
}


# A host TCP listener and an abstract unix listener, so a leak shows as a connect.
/usr/bin/python3 - "$W/port" "akios-cage-test-$$" <<'PY' &
import os, socket, sys, time
t = socket.socket(); t.bind(("127.0.0.1", 0)); t.listen(8)
u = socket.socket(socket.AF_UNIX); u.bind("\0" + sys.argv[2]); u.listen(8)
open(sys.argv[1], "w").write(str(t.getsockname()[1]))
time.sleep(120)
PY
LISTENER=$!
trap 'kill $LISTENER 2>/dev/null; rm -rf "$T"' EXIT
for _i in 1 2 3 4 5 6 7 8 9 10; do [ -s "$W/port" ] && break; sleep 0.1; done
PORT=$(cat "$W/port")

# --- basics and the record -------------------------------------------------------------
ex -- /bin/echo hi
is "$out" "hi" "exec echo prints hi"
is "$rc" 0 "exec echo exits 0"
ex --json -- sh -c 'exit 3'
is "$rc" 3 "exit 3 passes through"
is "$(field "$out" exit_code)" 3 "record: exit_code 3"
is "$(field "$out" reason)" '"exited"' "record: reason exited"
is "$(field "$out" signal)" null "record: signal null"
for l in $LAYERS; do
        is "$(field "$out" layers.$l)" true "record: layer $l active"
done
like "$(field "$out" layers.cgroup)" '"(v1|v2|none)"' "record: cgroup version named"
ex --json -- sh -c 'kill -USR1 $$'
is "$rc" 138 "killed by SIGUSR1: exit 128+10"
is "$(field "$out" signal)" '"SIGUSR1"' "record: signal SIGUSR1"

# --- identity and privileges -----------------------------------------------------------
ex --ro "$P" -- "$P" status
like "$out" "NoNewPrivs:[[:space:]]+1" "no_new_privs is set"
like "$out" "CapEff:[[:space:]]+0+$" "no effective capabilities"
if [ "$FLOOR" = 1 ]; then
        # unprivileged without a user namespace there is no bounding set to drop: with
        # no_new_privs and no permitted capabilities nothing can raise it
        like "$out" "CapPrm:[[:space:]]+0+$" "no permitted capabilities"
else
        like "$out" "CapBnd:[[:space:]]+0+$" "empty bounding set"
fi
like "$out" "Seccomp:[[:space:]]+2" "seccomp filter mode"
case " $LAYERS " in
*" userns "*) unlike "$out" "uid_map:[[:space:]]+[0-9]+[[:space:]]+0[[:space:]]" "host uid 0 is not mapped" ;;
esac
unlike "$out" "Uid:[[:space:]]+0[[:space:]]" "payload uid is not 0"

# --- network ---------------------------------------------------------------------------
probe "net-connect $PORT"
probe "net-connect $PORT" --net loopback
probe net-udp
probe "unix-abstract akios-cage-test-$$"
probe "unix-path /run/systemd/journal/socket"
probe netlink

# --- filesystem and secrets ------------------------------------------------------------
core_before=$(cat /proc/sys/kernel/core_pattern)
probe proc-sys
is "$(cat /proc/sys/kernel/core_pattern)" "$core_before" "host core_pattern unchanged"
probe sysrq
probe "read /etc/shadow"
probe "read /root/.ssh/id_rsa"
probe "read $HOME/.ssh/id_ed25519"
rm -f /etc/akios-probe 2>/dev/null
probe "create /etc/akios-probe"
check "host /etc unchanged" test ! -e /etc/akios-probe
probe "create /usr/akios-probe"
probe "create /akios-probe"
mkdir -p "$W/ro" "$W/rw"
chmod 777 "$W/rw"
ex --ro "$W/ro" --ro "$P" -- "$P" create "$W/ro/x"
like "$out" "^DENIED create" "denied: write into a --ro path"
check "nothing written in the --ro path" test ! -e "$W/ro/x"
ex --rw "$W/rw" --ro "$P" -- "$P" create "$W/rw/x"
like "$out" "^ALLOWED create" "a --rw path is writable (control)"
check "the write landed on the host" test -e "$W/rw/x"
passwd_before=$(cksum </etc/passwd)
probe symlink
probe hardlink
probe "hardlink $W/rw" --rw "$W/rw"
is "$(cksum </etc/passwd)" "$passwd_before" "host /etc/passwd unchanged"
probe "mount"
probe remount

# --- kernel attack surface -------------------------------------------------------------
for c in ptrace ptrace-init keyctl io_uring userns userns-clone x32 clone3 bpf perf \
        userfaultfd setns reboot clock personality handle module kexec hostname; do
        probe $c
done
ex --ro "$P" -- "$P" x32
like "$out" "signal 31" "x32 syscall is killed with SIGSYS"
ex --ro "$P" -- "$P" clone3
like "$out" "ENOSYS" "clone3 gets ENOSYS (glibc falls back to clone)"
# A syscall the filter kills, made by the payload's own process: the record names it.
ex --json --ro "$P" -- "$P" x32-self
is "$(field "$out" reason)" '"seccomp"' "x32 call by the payload itself: reason seccomp"
is "$(field "$out" signal)" '"SIGSYS"' "record: signal SIGSYS"
is "$(field "$out" syscall)" '"x32:getpid"' "record: syscall names the call the kernel stopped"
is "$(field "$out" syscall_nr)" 1073741863 "record: syscall_nr is the raw number"
is "$rc" 5 "seccomp kill: exit 5"
ex --json --ro "$P" -- "$P" x32-caught
is "$(field "$out" reason)" '"seccomp"' "with a SIGSYS handler the payload still dies (reason seccomp)"
is "$(field "$out" syscall)" '"x32:getpid"' "record: syscall named with a SIGSYS handler too"
unlike "$out" "ALLOWED|DENIED" "the killed call never returned to the payload"
ex --json -- /bin/true
unlike "$out" '"syscall' "no syscall in the record when nothing was killed"
if command -v script >/dev/null 2>&1; then
        out=$(script -qec "$AS $WRAP $AK exec --ro $P -- $P tiocsti" /dev/null 2>&1 </dev/null)
        like "$out" "DENIED tiocsti (EPERM|EIO|ENOTTY)" "denied: TIOCSTI on a pty (and its high-bit variant)"
else
        skip "script(1) not installed: no pty for the TIOCSTI check"
fi

# --- leaks -----------------------------------------------------------------------------
run $AS $WRAP "$AK" exec --ro "$P" -- "$P" fds 5</dev/null 9>"$W/fd9"
like "$out" "extra fds: 0" "no fd above 2 leaks into the cage"
SECRET_TOKEN=hunter2 run $AS env SECRET_TOKEN=hunter2 $WRAP "$AK" exec --ro "$P" -- "$P" env SECRET_TOKEN
like "$out" "^DENIED env" "the caller's environment does not leak"
unlike "$out" "hunter2" "the secret value is nowhere in the output"
SECRET_TOKEN=hunter2 run $AS env SECRET_TOKEN=hunter2 $WRAP "$AK" exec --env SECRET_TOKEN --ro "$P" -- "$P" env SECRET_TOKEN
like "$out" "^ALLOWED env" "--env NAME passes exactly that variable (control)"

# --- resources -------------------------------------------------------------------------
probe forkbomb
ex --json --ro "$P" -- "$P" alloc
like "$out" "DENIED alloc|\"reason\": ?\"memory\"" "10 GB allocation refused or killed"
ex --json --memory 64 --ro "$P" -- "$P" touch 200
like "$out" "DENIED touch ENOMEM|\"reason\": ?\"memory\"" "touching 200 MB under --memory 64 is stopped"
ex --json --cpu-time 1 --wall-time 20 --ro "$P" -- "$P" spin
is "$(field "$out" reason)" '"cpu_time"' "CPU spin stopped by --cpu-time (reason cpu_time)"
is "$rc" 5 "cage limit: exit 5"
ex --json --max-output 100000 --ro "$P" -- "$P" output
is "$(field "$out" reason)" '"output_limit"' "1 GB of output stopped (reason output_limit)"
is "$(field "$out" truncated)" true "record: truncated"
is "$(field "$out" stdout_bytes)" 100000 "exactly the cap was passed through"
ex --json --wall-time 1 --ro "$P" -- "$P" sigterm
is "$(field "$out" reason)" '"timeout"' "ignoring SIGTERM: killed after the grace (reason timeout)"
is "$(field "$out" signal)" '"SIGKILL"' "ignoring SIGTERM: the grace ends in SIGKILL"
ex --ro "$P" -- "$P" daemon 4242.5
like "$out" "daemon started" "a double-forked daemon started"
sleep 0.2
check "the daemon did not survive the cage" sh -c '! pgrep -f "slee[p] 4242.5" >/dev/null'

# --- nothing of the supervisor in the cage (issue 10, finding 1) ------------------------
# A project whose .env holds an API key, another key in the supervisor's environment, the
# ledger's signing key in audit/key: from inside, pid 1 (the cage's init, or without a pid
# namespace nothing of ours), the parent and the supervisor by its host pid give none of them.
mkdir -p "$W/sec" && chmod 777 "$W/sec"
run $AS "$AK" init "$W/sec/proj"
check "a project to plant secrets in" test -s "$W/sec/proj/audit/key"
ENVKEY="sk-akiostest-ENV-$$-zq4"
DOTKEY="sk-akiostest-DOTENV-$$-zq4"
printf 'OPENAI_API_KEY=%s\n' "$DOTKEY" >>"$W/sec/proj/.env"
keyhex=$(od -An -v -tx1 "$W/sec/proj/audit/key" 2>/dev/null | tr -d ' \n' | cut -c1-24)
peek() { # peek TARGET: the probe's view of /proc/TARGET from inside, run from the project
        run $AS sh -c 'cd "$1" && shift && exec env OPENAI_API_KEY="$0" "$@"' "$ENVKEY" \
                "$W/sec/proj" $WRAP "$AK" exec --ro "$P" -- "$P" peek "$1"
}
# With a pid namespace not even the fd numbers show. In the floor, pid 1 is outside the cage
# (a container's pid 1 may be the payload's own uid, which the kernel lets list the numbers
# of its fds): no fd may be followed or opened, and nothing read.
NOFD='mem: opened|fd entry'
[ "$FLOOR" = 1 ] && NOFD='mem: opened|fd [0-9]+ -> |fd [0-9]+: opened|(exe|root|cwd) -> '
for target in 1 ppid; do
        peek $target
        like "$out" "^DENIED peek" "pid '$target' seen from the cage: environ, mem, fd, maps closed"
        unlike "$out" "$ENVKEY|$DOTKEY" "pid '$target': no API key from the environment or .env"
        unlike "$out" "$NOFD" "pid '$target': no memory, no fds"
done
run $AS sh -c 'cd "$1" && shift && exec env OPENAI_API_KEY="$0" "$@" "$$"' "$ENVKEY" \
        "$W/sec/proj" $WRAP "$AK" exec --ro "$P" -- "$P" peek
like "$out" "^DENIED peek" "the supervisor by its host pid: environ, mem, fd, maps closed"
unlike "$out" "$ENVKEY|$DOTKEY" "the supervisor: no API key"
run $AS sh -c 'cd "$1" && shift && exec "$@" "$$"' _ "$W/sec/proj" $WRAP "$AK" exec --ro "$P" -- "$P" signal
like "$out" "^DENIED signal" "the payload cannot signal the supervisor"
check "the supervisor survived" test "$rc" -eq 0
run $AS sh -c 'cd "$1" && shift && exec "$@"' _ "$W/sec/proj" $WRAP "$AK" exec --ro "$P" -- "$P" read "$W/sec/proj/audit/key"
like "$out" "^DENIED read" "audit/key cannot be read from the cage"
run $AS sh -c 'cd "$1" && shift && exec "$@"' _ "$W/sec/proj" $WRAP "$AK" exec --ro "$P" -- "$P" read "$W/sec/proj/.env"
like "$out" "^DENIED read" ".env cannot be read from the cage"
run $AS sh -c 'cd "$1" && shift && exec "$@"' _ "$W/sec/proj" $WRAP "$AK" exec --ro . -- /bin/cat audit/key
is "$rc" 3 "--ro of the project folder is refused (exit 3)"
like "$err" "holds the project's ledger key" "the refusal names why"
unlike "$out$err" "${keyhex:-no-key-read}" "no byte of the key came out"
