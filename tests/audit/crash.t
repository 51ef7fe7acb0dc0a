#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A crash at any write, rename or fsync of a run never bricks the project (CONTRACTS §4).
# For each syscall S and N = 1, 2, ... `strace -f -e inject=S:signal=KILL:when=N` kills
# `akios run` as it enters its Nth S, until a run completes without meeting the kill. After
# every kill: `audit verify` exits 0 (an unsigned tail or an interrupted checkpoint is a
# warning), no temp file is taken for a checkpoint, the next `akios run` exits 0, and then
# the whole ledger is signed (no unsigned tail) and verifies. Each case starts from a copy
# of a project that already holds one signed run, so the crash lands on a ledger with an
# earlier checkpoint to be consistent with.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3
require_cmd strace "the kill injection (scripts/install-deps installs it)"
# strace needs ptrace; a container may forbid it.
if ! strace -f -o /dev/null true 2>/dev/null; then
        skip "strace cannot trace here (ptrace not permitted)"
        done_testing
        exit
fi

"$AKIOS" init "$T/base" >/dev/null 2>&1 || { skip "akios init does not work"; done_testing; exit; }
(cd "$T/base" && "$AKIOS" run templates/hello-workflow.yml --quiet >/dev/null 2>&1)
check "the base project has a signed run" test -s "$T/base/audit/checkpoint"

json_field() { # json_field FIELD < JSON
        $PY -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}

# one SYSCALLS N: returns 0 when the run was killed, 1 when it completed untouched.
# Prints one TAP line per failed check only (plus one summary line per syscall below), so the
# plan stays readable: the whole sweep is a few hundred runs.
fails=0
one() {
        rm -rf "$T/p"
        cp -a "$T/base" "$T/p"
        cd "$T/p" || exit 1
        strace -f -o /dev/null -e "inject=$1:signal=KILL:when=$2" \
                "$AKIOS" run templates/hello-workflow.yml --quiet >"$T/run.out" 2>&1
        src=$?
        run "$AKIOS" audit verify --json
        if [ "$rc" != 0 ]; then
                fails=$((fails + 1))
                echo "#   kill at $1 #$2: verify exit $rc: $(cat "$T/.err")"
        fi
        # A temp file is never read as a checkpoint: plant a bad one where an old writer put
        # them and where this one does; verify and the next run must ignore both.
        echo garbage >audit/checkpoints/00000000000000000001.tmp.1
        mkdir -p audit/.tmp && echo garbage >audit/.tmp/checkpoint.1
        run "$AKIOS" audit verify
        if [ "$rc" != 0 ]; then
                fails=$((fails + 1))
                echo "#   kill at $1 #$2: a stale temp file changed verify to exit $rc: $err"
        fi
        run "$AKIOS" run templates/hello-workflow.yml --quiet
        if [ "$rc" != 0 ]; then
                fails=$((fails + 1))
                echo "#   kill at $1 #$2: the next run exits $rc: $err"
        fi
        run "$AKIOS" audit verify --json
        tail=$(printf '%s' "$out" | json_field unsigned_tail 2>/dev/null)
        if [ "$rc/$tail" != 0/0 ]; then
                fails=$((fails + 1))
                echo "#   kill at $1 #$2: after the next run verify exit $rc, unsigned tail '$tail'"
        fi
        if [ -n "$(ls audit/.tmp 2>/dev/null)" ]; then
                fails=$((fails + 1))
                echo "#   kill at $1 #$2: the next run left temp files: $(ls audit/.tmp)"
        fi
        cd "$T" || exit 1
        [ "$src" != 0 ]
}

total=0
for sc in write rename,renameat,renameat2 fsync fdatasync pwrite64 ftruncate; do
        fails=0
        n=1
        while one "$sc" "$n"; do
                n=$((n + 1))
                if [ "$n" -gt 400 ]; then
                        fails=$((fails + 1))
                        echo "#   $sc: still killed at call 400; the run never completes"
                        break
                fi
        done
        kills=$((n - 1))
        total=$((total + kills))
        is "$fails" 0 "kill at each of the $kills $sc calls of a run: verify 0, next run 0, then all signed"
        check "$sc: the sweep reached at least one kill" test "$kills" -gt 0
done
diag "$total kills in all"

# The two crashes of issue 15, by name: between the kept copy and audit/checkpoint (old
# order) and during the temp-file write.
rm -rf "$T/p"
cp -a "$T/base" "$T/p"
cd "$T/p" || exit 1
strace -f -o /dev/null -e inject=rename:signal=KILL:when=3 "$AKIOS" run templates/hello-workflow.yml \
        --quiet >/dev/null 2>&1
run "$AKIOS" audit verify
is "$rc" 0 "kill at the 3rd rename (issue 15's reproducer): verify exit 0 ($err)"
run "$AKIOS" run templates/hello-workflow.yml --quiet
is "$rc" 0 "and the next run works ($err)"
cd "$T" || exit 1

done_testing
