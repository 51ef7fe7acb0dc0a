#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Progress during `run`: plain lines on stderr when not a terminal, one live line with colour
# on a terminal (script(1) gives it a pty), no colour with NO_COLOR, nothing with --quiet or
# --json (stdout stays one JSON document).
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
run "$AKIOS" run templates/hello-workflow.yml
is "$rc" 0 "run exits 0"
like "$err" '^\[1/3\] llm\.complete: completed \(' "plain progress line for step 1 on stderr"
like "$err" '\[3/3\] filesystem\.read: completed' "plain progress line for the last step"
unlike "$err" "$(printf '\033')" "no escape sequences when stderr is not a terminal"
unlike "$out" '\[1/3\]' "progress does not go to stdout"

run "$AKIOS" run templates/hello-workflow.yml --quiet
is "$err" "" "--quiet prints no progress"
run "$AKIOS" run templates/hello-workflow.yml --json
is "$err" "" "--json prints no progress"

if command -v script >/dev/null 2>&1; then
        script -qec "$AKIOS run templates/hello-workflow.yml" /dev/null > "$T/tty.out" 2>&1
        like "$(cat "$T/tty.out")" "$(printf '\r\033\\[K')\\[1/3\\] llm\\.complete \\.\\.\\." "live line on a terminal"
        like "$(cat "$T/tty.out")" "$(printf '\033')\\[32mcompleted" "colour on a terminal"
        NO_COLOR=1 script -qec "$AKIOS run templates/hello-workflow.yml" /dev/null > "$T/tty2.out" 2>&1
        unlike "$(cat "$T/tty2.out")" "$(printf '\033')\\[32m" "NO_COLOR turns colour off"
else
        skip "script(1) not installed (util-linux/bsdutils)"
fi
done_testing
