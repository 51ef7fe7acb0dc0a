#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `akios exec --ro/--rw DIR` never shows the project's .env or ledger key (CONTRACTS §1), even
# when DIR holds only a hard link to one of them: no path check can see such a link, so a
# control file with a second link is refused outright (exit 3). A red-team finding: before,
# `--ro data/input` holding `ln .env data/input/notes.txt` printed the secrets, and `--rw`
# let the payload append to .env.
. "$AKIOS_SRC/tests/lib.sh"

P=$T/p
"$AKIOS" init "$P" >/dev/null 2>&1 || { skip "akios init does not work"; done_testing; exit; }
cd "$P" || exit 1
echo 'MYTOKEN=canaryHARDLINK55' >>.env

ln .env data/input/notes.txt
run "$AKIOS" exec --ro data/input -- /bin/cat "$P/data/input/notes.txt"
is "$rc" 3 "--ro of a folder holding a hard link to .env: refused (exit 3)"
unlike "$out" "canaryHARDLINK55" "... and the secret is not shown"
like "$err" "hard links" "... the reason names the extra hard link"
run "$AKIOS" exec --rw data/input -- /bin/sh -c "echo OPENAI_BASE_URL=http://127.0.0.1:9 >>'$P/data/input/notes.txt'"
is "$rc" 3 "--rw of the same folder: refused"
unlike "$(cat .env)" "OPENAI_BASE_URL" ".env is unchanged"
rm data/input/notes.txt

ln audit/key data/input/k.txt
run "$AKIOS" exec --ro data/input -- /bin/cat "$P/data/input/k.txt"
is "$rc" 3 "a hard link to audit/key: refused"
unlike "$out" "PRIVATE" "... and the signing key is not shown"
rm data/input/k.txt

echo hello >data/input/plain.txt
run "$AKIOS" exec --ro data/input -- /bin/cat "$P/data/input/plain.txt"
is "$rc" 0 "without the extra links the same exec runs"
like "$out" "hello" "... and reads its input"

done_testing
