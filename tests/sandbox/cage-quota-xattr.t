#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# akios exec --disk-quota MB (CONTRACTS §1): a file's user.* extended attributes follow it
# through the merge: a new file's, one set on a real file in the cage (a copy-up with no
# other change), and the ones the real file already had. Before, all three were dropped
# with exit 0 and nothing named (attack2 finding 06).
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3
[ -x $PY ] || { skip "no python3 to set extended attributes"; done_testing; exit; }
cp "$AKIOS" "$T/akios"
chmod 755 "$T/akios"
AK=$T/akios
W=$T/w
mkdir "$W"
echo pre >"$W/pre"
if ! $PY -c 'import os,sys; os.setxattr(sys.argv[1], "user.keep", b"old")' "$W/pre" 2>/dev/null; then
        skip "the file system under $T has no user extended attributes"
        done_testing
        exit
fi
[ "$(id -u)" -eq 0 ] && chown -R 65534:65534 "$W"
if ! "$AK" exec --disk-quota 1 -- /bin/true 2>"$T/why"; then
        skip "no disk quota here: $(cat "$T/why")"
        done_testing
        exit
fi
xa() { $PY -c 'import os,sys; print(os.getxattr(sys.argv[1], sys.argv[2]).decode())' "$1" "$2" 2>&1; }

run "$AK" exec --disk-quota 1 --rw "$W" --ro "$PY" -- $PY -c '
import os, sys
w = sys.argv[1]
open(w + "/new", "w").write("n")
os.setxattr(w + "/new", "user.tag", b"v1")
os.setxattr(w + "/pre", "user.tag", b"v2")' "$W"
is "$rc" 0 "the cage set user xattrs on a new and a real file ($err)"
is "$(xa "$W/new" user.tag)" v1 "a new file keeps its xattr"
is "$(xa "$W/pre" user.tag)" v2 "an xattr set on a real file is merged"
is "$(xa "$W/pre" user.keep)" old "the real file's own xattr is kept"
is "$(cat "$W/pre")" pre "and its data"
done_testing
