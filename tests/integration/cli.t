#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command line: --version, --help, per-command help, usage errors (exit 2).
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

run "$AKIOS" --version
is "$rc" 0 "--version exits 0"
like "$out" '^akios [0-9]+\.[0-9]+\.[0-9]+$' "--version prints the version"

run "$AKIOS" --help
is "$rc" 0 "--help exits 0"
for c in init validate run exec protect audit status doctor templates files clean compliance; do
        like "$out" "  $c " "--help lists '$c'"
        run "$AKIOS" "$c" --help
        is "$rc" 0 "'$c --help' exits 0"
        like "$out" "^usage: akios $c" "'$c --help' prints its synopsis"
        run "$AKIOS" --help
done

run "$AKIOS"
is "$rc" 2 "no command is a usage error"
run "$AKIOS" frobnicate
is "$rc" 2 "unknown command exits 2"
like "$err" "unknown command 'frobnicate'" "unknown command is named"
run "$AKIOS" --frob
is "$rc" 2 "unknown global flag exits 2"
run "$AKIOS" validate --frob x.yml
is "$rc" 2 "unknown command flag exits 2"
run "$AKIOS" run
is "$rc" 2 "missing workflow argument exits 2"
like "$err" "usage: akios run" "usage error shows the synopsis"
run "$AKIOS" templates list --json
is "$rc" 0 "templates list --json"
is "$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["templates"]))')" 5 \
        "five templates are embedded"
done_testing
