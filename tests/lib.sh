# SPDX-License-Identifier: GPL-3.0-or-later
# Shared TAP helpers for the shell tests (tests/*/*.t). Source it:  . "$AKIOS_SRC/tests/lib.sh"
# Gives: ok/not_ok via `check NAME CMD...`, `is GOT WANT NAME`, `skip REASON`, `done_testing`,
# `require_root WHY` / `require_cmd CMD [WHY]` (top-of-file guards: one skip with the reason,
# then exit), a scratch directory $T (removed at exit), and $AKIOS (the binary under test).
set -u
: "${AKIOS_SRC:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${AKIOS:=$AKIOS_SRC/akios}"
: "${AKIOS_BUILD:=$AKIOS_SRC/build}"
export AKIOS AKIOS_SRC AKIOS_BUILD
_tap_n=0
_tap_failed=0
T=$(mktemp -d "${TMPDIR:-/tmp}/akios-test.XXXXXX")
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT

_tap_line() { # pass name
        _tap_n=$((_tap_n + 1))
        if [ "$1" = 1 ]; then
                echo "ok $_tap_n - $2"
        else
                _tap_failed=$((_tap_failed + 1))
                echo "not ok $_tap_n - $2"
        fi
}

# check NAME CMD...: passes when CMD exits 0.
check() {
        _name=$1
        shift
        if "$@"; then _tap_line 1 "$_name"; else _tap_line 0 "$_name"; echo "#   command failed: $*"; fi
}

# is GOT WANT NAME
is() {
        if [ "$1" = "$2" ]; then
                _tap_line 1 "$3"
        else
                _tap_line 0 "$3"
                printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
        fi
}

# like GOT REGEX NAME (grep -E)
like() {
        if printf '%s' "$1" | grep -Eq -- "$2"; then
                _tap_line 1 "$3"
        else
                _tap_line 0 "$3"
                printf '#   got:  %s\n#   want match: %s\n' "$1" "$2" | head -20
        fi
}

unlike() {
        if printf '%s' "$1" | grep -Eq -- "$2"; then
                _tap_line 0 "$3"
                printf '#   got:  %s\n#   must not match: %s\n' "$1" "$2" | head -20
        else
                _tap_line 1 "$3"
        fi
}

skip() {
        _tap_n=$((_tap_n + 1))
        if [ "${AKIOS_MUST_WORK:-0}" = 1 ]; then
                _tap_failed=$((_tap_failed + 1))
                echo "not ok $_tap_n - skipped under AKIOS_MUST_WORK=1: $1"
        else
                echo "ok $_tap_n # SKIP $1"
        fi
}

diag() { echo "# $*"; }

# require_root WHY: the rest of the file needs uid 0. Otherwise one "# SKIP not root: WHY"
# (a failure under AKIOS_MUST_WORK=1) and the file ends here.
require_root() {
        [ "$(id -u)" -eq 0 ] && return 0
        skip "not root: $*"
        done_testing
        exit
}

# require_cmd CMD [WHY]: the rest of the file needs CMD (on PATH, or an absolute path).
require_cmd() {
        command -v "$1" >/dev/null 2>&1 && return 0
        skip "$1 is not installed${2:+ ($2)}"
        done_testing
        exit
}

# require_hyperscan: the rest of the file compares the Hyperscan engine (with the token
# prefilter, src/pii/tokens.c) with PCRE2 alone; a build or CPU without it skips.
require_hyperscan() {
        _engine=$(printf 'x\n' | "$AKIOS" protect scan --json - |
                sed -n 's/.*"engine":"\([^"]*\)".*/\1/p')
        [ "$_engine" = "hyperscan+pcre2" ] && return 0
        skip "this build or CPU has no Hyperscan (engine: $_engine): the prefilter is not used"
        done_testing
        exit
}

# run CMD...: runs it, sets $rc, $out (stdout) and $err (stderr).
run() {
        "$@" >"$T/.out" 2>"$T/.err"
        rc=$?
        out=$(cat "$T/.out")
        err=$(cat "$T/.err")
}

done_testing() {
        echo "1..$_tap_n"
        [ "$_tap_failed" -eq 0 ]
}

# field JSON-TEXT KEY[.KEY...]: a field of an `akios exec --json` result record (the last
# JSON object on stdout, CONTRACTS §7), as JSON text.
field() {
        printf '%s' "$1" | /usr/bin/python3 -c 'import json,sys; t=sys.stdin.read(); v=json.loads(t[t.rindex("{\"cpu_ms\""):]); [v:=v[k] for k in sys.argv[1].split(".")]; print(json.dumps(v))' "$2"
}

# wait_for CMD...: poll CMD until it succeeds, at most ~60 s (tests assert no durations).
wait_for() {
        _i=0
        while [ $_i -lt 600 ]; do
                "$@" && return 0
                sleep 0.1
                _i=$((_i + 1))
        done
        return 1
}
