#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make install / uninstall into a DESTDIR: binary, man page, bash completion, templates; the
# installed binary works from any folder; the man page renders; the completion loads in bash.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

D="$T/dest"
# Install the binary under test (BIN=...), without rebuilding anything.
make -s -C "$AKIOS_SRC" -o "$AKIOS" BIN="$AKIOS" DESTDIR="$D" PREFIX=/opt/akios install \
        >"$T/make.out" 2>&1
is "$?" 0 "make install DESTDIR PREFIX exits 0"
for f in bin/akios share/man/man1/akios.1 share/bash-completion/completions/akios \
        share/akios/templates/hello-workflow.yml share/akios/templates/samples/batch/tickets.txt; do
        check "installs $f" test -s "$D/opt/akios/$f"
done
check "binary is executable" test -x "$D/opt/akios/bin/akios"

cd "$T" || exit 1
run "$D/opt/akios/bin/akios" --version
like "$out" '^akios [0-9]' "installed binary runs from another folder"
run "$D/opt/akios/bin/akios" init "$T/p"
is "$rc" 0 "installed binary scaffolds a project (templates are built in)"
(cd "$T/p" && AKIOS_MOCK_LLM=1 "$D/opt/akios/bin/akios" run templates/hello-workflow.yml >/dev/null 2>&1)
is "$?" 0 "and runs the hello workflow"

# The man page: renders without warnings, and documents every command and exit code.
if command -v man >/dev/null; then
        page=$(MANWIDTH=100 man -l "$D/opt/akios/share/man/man1/akios.1" 2>"$T/man.err")
        is "$?" 0 "man -l renders the page"
        is "$(cat "$T/man.err")" "" "no warning from man"
        for c in init validate run exec "protect scan" "protect redact" "audit show" \
                "audit verify" "audit verify-proof" "audit export" "audit proof" "audit consistency" status doctor \
                "templates list" files clean "compliance report"; do
                like "$page" "^       $c( |$)" "man page documents '$c'"
        done
        for code in 0 1 2 3 4 5 6 7 130; do
                like "$page" "^       $code( |$)" "man page documents exit code $code"
        done
        like "$page" "NO_COLOR" "man page documents NO_COLOR"
        like "$page" "AKIOS_" "man page documents AKIOS_ overrides"
        like "$page" "audit/ledger.jsonl" "man page documents the files"
else
        skip "man is not installed"
fi
if command -v groff >/dev/null; then
        w=$(groff -man -Tutf8 -ww -z "$AKIOS_SRC/docs/akios.1" 2>&1)
        is "$w" "" "groff -ww finds nothing to warn about"
fi

# Bash completion: loads, completes commands, subcommands and option values.
if command -v bash >/dev/null; then
        got=$(bash -c '. "$1"; complete -p akios
                COMP_WORDS=(akios st); COMP_CWORD=1; _akios; echo "${COMPREPLY[*]}"
                COMP_WORDS=(akios audit v); COMP_CWORD=2; _akios; echo "${COMPREPLY[*]}"
                COMP_WORDS=(akios compliance report --format ""); COMP_CWORD=4; _akios; echo "${COMPREPLY[*]}"
                COMP_WORDS=(akios protect redact x --strategy p); COMP_CWORD=5; _akios; echo "${COMPREPLY[*]}"' \
                _ "$D/opt/akios/share/bash-completion/completions/akios" 2>&1)
        is "$got" "complete -F _akios akios
status
verify verify-proof
html json
partial" "completion loads and completes"
else
        skip "no bash"
fi

make -s -C "$AKIOS_SRC" -o "$AKIOS" BIN="$AKIOS" DESTDIR="$D" PREFIX=/opt/akios uninstall \
        >"$T/make.out" 2>&1
is "$?" 0 "make uninstall exits 0"
left=$(find "$D" -type f | sed "s|$D||")
is "$left" "" "uninstall removes every installed file"
done_testing
