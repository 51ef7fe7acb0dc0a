#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# audit rotate and audit prune (CONTRACTS §1, §3, §4): segments sealed by a final signed
# checkpoint in audit/segments/NNNNNN/, each linked from the next one's first event; verify
# checks every segment and link (a removed, edited or reordered segment is exit 6); prune
# removes old segments' events but keeps their checkpoints and records itself, so the chain
# still verifies and names them "pruned (checkpoint kept)". A kill at any write, rename,
# fsync or openat of a rotation leaves a state verify accepts and the next run completes.
# Segments "days ago" are written under tests/helpers/preload/timeshift.c (LD_PRELOAD).
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3
SHIFT_SO=$AKIOS_BUILD/helpers/timeshift.so
WF=templates/hello-workflow.yml

jget() { # jget EXPR < JSON: a python expression over j
        $PY -c 'import json,sys; j=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"
}
at() { # at DAYS CMD...: run CMD with the wall clock moved by DAYS (negative: the past)
        _d=$1
        shift
        env AKIOS_TEST_TIMESHIFT=$((_d * 86400)) LD_PRELOAD="$SHIFT_SO" "$@"
}

"$AKIOS" init "$T/p" >/dev/null 2>&1 || { skip "akios init does not work"; done_testing; exit; }
cd "$T/p" || exit 1

# ---- rotate, run, verify -----------------------------------------------------------------
"$AKIOS" run $WF --quiet >/dev/null 2>&1
cp audit/ledger.jsonl "$T/first.jsonl"
cp audit/checkpoint "$T/saved.cp"
cp audit/key.pub "$T/saved.pub"
run "$AKIOS" audit rotate --json
is "$rc" 0 "audit rotate exits 0 ($err)"
is "$(printf '%s' "$out" | jget 'sorted(j)')" \
        "['checkpoint_sha256', 'live_events', 'path', 'root_hash', 'segment', 'tree_size']" \
        "rotate --json has its keys"
is "$(printf '%s' "$out" | jget 'j["segment"]')" 1 "the first rotation archives segment 1"
check "segment 000001 holds the ledger and its final checkpoint" \
        test -s audit/segments/000001/ledger.jsonl -a -s audit/segments/000001/checkpoint
head -c "$(wc -c <"$T/first.jsonl")" audit/segments/000001/ledger.jsonl >"$T/pre"
check "the archived ledger is the live one as it was, plus its seal" cmp -s "$T/first.jsonl" "$T/pre"
first=$(head -n1 audit/ledger.jsonl)
like "$first" '"action":"rotate","agent":"audit","detail":\{.*"previous_segment":1,' \
        "the new live ledger starts with the link to segment 1"
like "$first" "\"previous_tree_size\":$(sed -n 2p audit/segments/000001/checkpoint)," \
        "the link names segment 1's final tree size"
sha=$(sha256sum audit/segments/000001/checkpoint | cut -d' ' -f1)
like "$first" "\"previous_checkpoint_sha256\":\"$sha\"" \
        "the link names the SHA-256 of segment 1's final signed checkpoint"
run "$AKIOS" run $WF --quiet
is "$rc" 0 "a run after rotation works ($err)"
run "$AKIOS" audit verify
is "$rc" 0 "verify after rotate + run: exit 0 ($err)"
like "$out" "segment 000001: verified" "verify names the archived segment"
for i in 2 3; do
        "$AKIOS" audit rotate >/dev/null 2>&1
        "$AKIOS" run $WF --quiet >/dev/null 2>&1
done
cp -a "$T/p" "$T/p2"
run "$AKIOS" audit verify --json
is "$rc" 0 "three rotations: verify exit 0 ($err)"
is "$(printf '%s' "$out" | jget '[(s["segment"], s["state"]) for s in j["segments"]]')" \
        "[(1, 'verified'), (2, 'verified'), (3, 'verified')]" "verify --json lists the segments"
is "$(printf '%s' "$out" | jget '(j["live_segment"], j["pruned_through"], j["rotation_interrupted"])')" \
        "(4, 0, None)" "verify --json: live segment 4, nothing pruned, no rotation pending"
run "$AKIOS" audit verify --checkpoint "$T/saved.cp" --key "$T/saved.pub" --json
is "$rc/$(printf '%s' "$out" | jget 'j["external_segment"]')" 0/1 \
        "a checkpoint kept from before the first rotation verifies against segment 1 ($err)"
cp audit/segments/000002/checkpoint "$T/saved2.cp"
sed -i '2s/"outcome":"[a-z]*"/"outcome":"forged"/' audit/segments/000002/ledger.jsonl
run "$AKIOS" audit verify --checkpoint "$T/saved2.cp"
is "$rc" 6 "and one whose segment was then edited does not"
rm -rf "$T/p/audit/segments/000002"
cp -a "$T/p2/audit/segments/000002" "$T/p/audit/segments/"
run "$AKIOS" audit stats --json
is "$(printf '%s' "$out" | jget 'j["segments"]')" 3 "audit stats counts the segments"
run "$AKIOS" audit proof 0 --json
is "$rc" 0 "proofs still work on the live segment ($err)"
run "$AKIOS" audit verify-proof "$(ls -d data/output/run_* | tail -n1)/audit-proof.json"
is "$rc" 0 "the live segment's audit-proof.json verifies ($err)"
cp -a "$T/p" "$T/three"

# ---- audit_rotate_events: rotation at the end of a run -------------------------------------
"$AKIOS" init "$T/auto" >/dev/null 2>&1
cd "$T/auto" || exit 1
sed -i 's/^audit_rotate_events: 0/audit_rotate_events: 5/' config.yaml
"$AKIOS" run $WF --quiet >/dev/null 2>&1
run "$AKIOS" run $WF --quiet
is "$rc" 0 "audit_rotate_events: 5: the second run exits 0 ($err)"
out_json=$(ls -d data/output/run_* | tail -n1)/output.json
is "$(jget 'j["audit_rotation"]["segment"]' <"$out_json")" 2 \
        "its output.json names the segment the run's end archived"
check "two runs left two segments" test -d audit/segments/000002 -a ! -e audit/segments/000003
run "$AKIOS" audit verify
is "$rc" 0 "and the chain verifies ($err)"
run "$AKIOS" audit verify-proof "$(ls -d data/output/run_* | tail -n1)/audit-proof.json"
is "$rc" 0 "the run's audit-proof.json, now of an archived segment, still verifies ($err)"
cd "$T" || exit 1

# ---- damage to archived segments: exit 6 ---------------------------------------------------
damage() { # damage NAME REGEX CMD...: on a fresh copy of the 3-segment project
        _n=$1
        _re=$2
        shift 2
        rm -rf "$T/d"
        cp -a "$T/three" "$T/d"
        (cd "$T/d" && "$@")
        cd "$T/d" || exit 1
        run "$AKIOS" audit verify
        is "$rc" 6 "$_n: verify exits 6"
        like "$err" "$_re" "$_n: the reason names it"
        run "$AKIOS" audit verify --json
        is "$(printf '%s' "$out" | jget 'j["verified"]')" False "$_n: --json says not verified"
        cd "$T" || exit 1
}
edit_line() {
        sed -i '3s/"outcome":"[a-z]*"/"outcome":"forged"/' audit/segments/000002/ledger.jsonl
}
damage "an edited line in segment 2" "segment 000002" edit_line
damage "segment 2 deleted" "segment 000002 is missing" rm -rf audit/segments/000002
damage "the newest segment deleted" "live ledger does not start with the link" \
        rm -rf audit/segments/000003
damage "every segment deleted" "holds no segment" rm -rf audit/segments
swap() {
        mv audit/segments/000001 audit/segments/x && mv audit/segments/000002 audit/segments/000001 &&
                mv audit/segments/x audit/segments/000002
}
damage "segments 1 and 2 swapped" "segment 00000[12]" swap
damage "segment 2's events removed" "segment 000002: pruned, but its head.json is missing" \
        rm audit/segments/000002/ledger.jsonl
damage "segment 1's final checkpoint deleted" "segment 000001" \
        rm audit/segments/000001/checkpoint

# ---- prune -----------------------------------------------------------------------------------
if [ ! -f "$SHIFT_SO" ] || [ "$(at -1 date +%s)" -ge "$(date +%s)" ]; then
        skip "no wall-clock shim ($SHIFT_SO; make build/helpers/timeshift.so): prune is not tested"
else
        rm -rf "$T/q"
        "$AKIOS" init "$T/q" >/dev/null 2>&1
        cd "$T/q" || exit 1
        at -100 "$AKIOS" run $WF --quiet >/dev/null 2>&1
        at -100 "$AKIOS" audit rotate >/dev/null 2>&1
        at -50 "$AKIOS" run $WF --quiet >/dev/null 2>&1
        at -50 "$AKIOS" audit rotate >/dev/null 2>&1
        "$AKIOS" run $WF --quiet >/dev/null 2>&1
        "$AKIOS" audit rotate >/dev/null 2>&1
        run "$AKIOS" audit prune
        is "$rc" 2 "prune with no --days and no audit_retention_days: usage error"
        run "$AKIOS" audit prune --days 30 --archive-days 10
        is "$rc" 2 "--archive-days is refused (compression is not built)"
        like "$err" "does not compress" "and says why"
        find audit -type f -exec sha256sum {} + | sort >"$T/before"
        run "$AKIOS" audit prune --days 30 --dry-run --json
        is "$rc" 0 "prune --dry-run exits 0 ($err)"
        is "$(printf '%s' "$out" | jget '(j["dry_run"], j["pruned"], j["kept"])')" \
                "(True, [1, 2], 1)" "--dry-run --json names the segments older than 30 days"
        find audit -type f -exec sha256sum {} + | sort >"$T/after"
        check "--dry-run changes nothing" cmp -s "$T/before" "$T/after"
        run "$AKIOS" audit prune --days 75 --json
        is "$(printf '%s' "$out" | jget '(j["pruned"], j["pruned_through"])')" "([1], 1)" \
                "prune --days 75 prunes segment 1 only"
        check "segment 1 keeps its final checkpoint and head" \
                test -s audit/segments/000001/checkpoint -a -s audit/segments/000001/head.json
        check "segment 1's events are gone" test ! -e audit/segments/000001/ledger.jsonl
        like "$(grep '"action":"prune"' audit/ledger.jsonl)" '"pruned_through":1' \
                "the prune is an event of the live ledger"
        run "$AKIOS" audit verify
        is "$rc" 0 "verify after prune: exit 0 ($err)"
        like "$out" "segment 000001: pruned \(checkpoint kept\)" "verify names the pruned segment"
        like "$out" "segment 000002: verified" "and checks the others whole"
        # A prune whose record is rolled back with the live ledger is damage.
        rm -rf "$T/d"
        cp -a "$T/q" "$T/d"
        (cd "$T/d" && "$AKIOS" audit prune --days 30 >/dev/null 2>&1)
        for f in ledger.jsonl ledger.hashes checkpoint state ledger.lock; do
                cp "$T/q/audit/$f" "$T/d/audit/$f"
        done
        rm -rf "$T/d/audit/checkpoints"
        cp -a "$T/q/audit/checkpoints" "$T/d/audit/checkpoints"
        run sh -c "cd '$T/d' && '$AKIOS' audit verify"
        is "$rc" 6 "segment 2 pruned, its record rolled back with the live ledger: exit 6"
        like "$err" "segment 000002: its events were removed, but no signed event records a prune" \
                "and the reason says no signed event records the prune"
        rm -rf "$T/d"
        cp -a "$T/q" "$T/d"
        rm "$T/d/audit/segments/000001/checkpoint"
        run sh -c "cd '$T/d' && '$AKIOS' audit verify"
        is "$rc" 6 "a pruned segment without its final checkpoint: exit 6"
        # As nobody, on a project it owns.
        sed -i 's/^audit_retention_days: 0/audit_retention_days: 30/' config.yaml
        cp -a "$T/q" "$T/nobody"
        chown -R 65534:65534 "$T/nobody"
        if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
                # a copy nobody can execute: the tree under test may sit in a private folder
                NAK=$T/akios-nobody
                cp "$AKIOS" "$NAK" && chmod 755 "$NAK"
                run sh -c "cd '$T/nobody' && setpriv --reuid 65534 --regid 65534 --clear-groups \
                        env HOME='$T/nobody' '$NAK' audit prune --json"
                is "$(printf '%s' "$out" | jget 'j["pruned"]')" "[2]" \
                        "prune as uid 65534 with audit_retention_days: 30 prunes segment 2 ($err)"
                run sh -c "cd '$T/nobody' && setpriv --reuid 65534 --regid 65534 --clear-groups \
                        '$NAK' audit verify"
                is "$rc" 0 "and verify as uid 65534 passes ($err)"
        else
                skip "not root or no setpriv: prune as an unprivileged user is not tested"
                skip "not root or no setpriv"
        fi
        "$AKIOS" audit prune >/dev/null 2>&1
        "$AKIOS" audit rotate >/dev/null 2>&1
        like "$(head -n1 audit/ledger.jsonl)" '"pruned_through":2' \
                "the next link carries the prune on"
        run at 200 "$AKIOS" audit prune --days 30 --json
        is "$(printf '%s' "$out" | jget 'j["pruned"]')" "[3, 4]" \
                "later, the segment holding the prune records is pruned too"
        "$AKIOS" audit rotate >/dev/null 2>&1
        run at 300 "$AKIOS" audit prune --days 30
        run "$AKIOS" audit verify --json
        is "$rc" 0 "verify with every archived segment pruned: exit 0 ($err)"
        is "$(printf '%s' "$out" | jget '[s["state"] for s in j["segments"]]')" \
                "['pruned', 'pruned', 'pruned', 'pruned', 'pruned']" "all five named pruned"
        rm audit/segments/000003/head.json
        run "$AKIOS" audit verify
        is "$rc" 6 "a pruned segment without its head.json: exit 6"
        cd "$T" || exit 1
fi

# ---- crash injection -----------------------------------------------------------------------
if ! command -v strace >/dev/null 2>&1 || ! strace -f -o /dev/null true 2>/dev/null; then
        skip "strace is missing or cannot trace here: the crash sweep is not run"
        done_testing
        exit
fi
rm -rf "$T/base"
"$AKIOS" init "$T/base" >/dev/null 2>&1
(cd "$T/base" && "$AKIOS" run $WF --quiet >/dev/null 2>&1)
(cd "$T/base" && "$AKIOS" audit rotate >/dev/null 2>&1 && "$AKIOS" run $WF --quiet >/dev/null 2>&1)
cp "$T/base/audit/ledger.jsonl" "$T/base.jsonl"

# one SYSCALLS N: 0 when the rotation was killed, 1 when it completed untouched.
fails=0
pending=0
one() {
        rm -rf "$T/c"
        cp -a "$T/base" "$T/c"
        cd "$T/c" || exit 1
        strace -f -o /dev/null -e "inject=$1:signal=KILL:when=$2" "$AKIOS" audit rotate \
                >/dev/null 2>&1
        src=$?
        run "$AKIOS" audit verify --json
        if [ "$rc" != 0 ]; then
                fails=$((fails + 1))
                echo "#   kill at $1 #$2: verify exit $rc: $(head -c 300 "$T/.err")"
        fi
        case $out in *'"rotation_interrupted":2'*) pending=$((pending + 1)) ;; esac
        run "$AKIOS" run $WF --quiet
        if [ "$rc" != 0 ]; then
                fails=$((fails + 1))
                echo "#   kill at $1 #$2: the next run exits $rc: $err"
        fi
        run "$AKIOS" audit rotate
        [ "$rc" = 0 ] || { fails=$((fails + 1)); echo "#   kill at $1 #$2: rotate again: $rc $err"; }
        run "$AKIOS" audit verify --json
        if [ "$rc/$(printf '%s' "$out" | jget 'j["unsigned_tail"]' 2>/dev/null)" != 0/0 ]; then
                fails=$((fails + 1))
                echo "#   kill at $1 #$2: at the end verify exit $rc: $(head -c 300 "$T/.err")"
        fi
        # Nothing acknowledged is lost: the events before the rotation are segment 2's first.
        head -c "$(wc -c <"$T/base.jsonl")" audit/segments/000002/ledger.jsonl >"$T/pre" 2>/dev/null
        if ! cmp -s "$T/pre" "$T/base.jsonl"; then
                fails=$((fails + 1))
                echo "#   kill at $1 #$2: segment 2 does not begin with the events before it"
        fi
        cd "$T" || exit 1
        [ "$src" != 0 ]
}

total=0
for sc in rename,renameat,renameat2 link,linkat unlink,unlinkat,rmdir mkdir,mkdirat fsync \
        fdatasync write pwrite64 ftruncate openat; do
        fails=0
        n=1
        while one "$sc" "$n"; do
                n=$((n + 1))
                if [ "$n" -gt 400 ]; then
                        fails=$((fails + 1))
                        echo "#   $sc: still killed at call 400; the rotation never completes"
                        break
                fi
        done
        kills=$((n - 1))
        total=$((total + kills))
        is "$fails" 0 "kill at each of the $kills $sc calls of a rotation: verify 0, run 0, rotate 0, all signed, nothing lost"
        check "$sc: the sweep reached at least one kill" test "$kills" -gt 0
done
diag "$total kills in all; $pending left a rotation for the next open to finish"
check "some kills land between the archive and the new live ledger" test "$pending" -gt 0

# That in-between state is only ever left by a writer that did not close: with ledger.lock
# released cleanly it is a copied-in segment, which verify and run refuse.
n=1
while [ "$n" -lt 40 ]; do
        rm -rf "$T/c"
        cp -a "$T/base" "$T/c"
        (cd "$T/c" && strace -f -o /dev/null -e "inject=rename,renameat,renameat2:signal=KILL:when=$n" \
                "$AKIOS" audit rotate >/dev/null 2>&1) 2>/dev/null
        (cd "$T/c" && "$AKIOS" audit verify --json 2>/dev/null) | grep -q '"rotation_interrupted":2' && break
        n=$((n + 1))
done
: >"$T/c/audit/ledger.lock"
cd "$T/c" || exit 1
run "$AKIOS" audit verify
is "$rc" 6 "an unfinished rotation behind a cleanly released lock: verify exits 6"
run "$AKIOS" run $WF --quiet
is "$rc" 6 "and a run refuses it (exit 6) instead of finishing it ($err)"
cd "$T" || exit 1

# A killed prune: the old state, or the prune recorded and partly done; the next prune
# finishes it and verify names the segment pruned.
if [ ! -f "$SHIFT_SO" ]; then
        skip "no wall-clock shim: the prune crash sweep is not run"
        done_testing
        exit
fi
rm -rf "$T/pbase"
"$AKIOS" init "$T/pbase" >/dev/null 2>&1
(cd "$T/pbase" && at -100 "$AKIOS" run $WF --quiet && at -100 "$AKIOS" audit rotate &&
        "$AKIOS" run $WF --quiet) >/dev/null 2>&1
pone() {
        rm -rf "$T/c"
        cp -a "$T/pbase" "$T/c"
        cd "$T/c" || exit 1
        strace -f -o /dev/null -e "inject=$1:signal=KILL:when=$2" "$AKIOS" audit prune --days 30 \
                >/dev/null 2>&1
        src=$?
        run "$AKIOS" audit verify
        [ "$rc" = 0 ] || { fails=$((fails + 1)); echo "#   kill at $1 #$2: verify exit $rc: $err"; }
        run "$AKIOS" audit prune --days 30
        [ "$rc" = 0 ] || { fails=$((fails + 1)); echo "#   kill at $1 #$2: prune again: $rc $err"; }
        run "$AKIOS" audit verify
        case $rc/$out in
        "0/"*"segment 000001: pruned (checkpoint kept)"*) ;;
        *) fails=$((fails + 1)); echo "#   kill at $1 #$2: at the end verify $rc: $out $err" ;;
        esac
        cd "$T" || exit 1
        [ "$src" != 0 ]
}
for sc in rename,renameat,renameat2 unlink,unlinkat,rmdir fsync fdatasync write; do
        fails=0
        n=1
        while pone "$sc" "$n"; do
                n=$((n + 1))
                [ "$n" -gt 400 ] && { fails=$((fails + 1)); break; }
        done
        is "$fails" 0 "kill at each of the $((n - 1)) $sc calls of a prune: verify 0, prune 0, then pruned"
done

done_testing
