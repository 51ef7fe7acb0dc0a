#!/bin/sh
# Finding 06 (low-medium, fixed): the --disk-quota merge dropped extended attributes with
# exit 0 and nothing named: a new file's user.* xattr, and one set on a real file (a copy-up
# with no other change is "unchanged" and left alone, so the change vanished). A changed
# real file's own xattrs and ACLs were lost too (a new inode). "What is not done is named."
set -u
AK=${AKIOS:-$PWD/akios}
W=$(mktemp -d /tmp/a2-xa.XXXXXX)
echo a >"$W/pre"
[ "$(id -u)" -eq 0 ] && chown -R 65534:65534 "$W"
"$AK" exec --disk-quota 1 --rw "$W" -- /usr/bin/python3 -c '
import os, sys
open(sys.argv[1] + "/new", "w").write("n"); os.setxattr(sys.argv[1] + "/new", "user.tag", b"v1")
os.setxattr(sys.argv[1] + "/pre", "user.tag", b"v2")' "$W"
echo "exit $?"
python3 -c 'import os,sys; [print(f, {x: os.getxattr(sys.argv[1]+"/"+f, x) for x in os.listxattr(sys.argv[1]+"/"+f)}) for f in ("new", "pre")]' "$W"
echo "(main: both {}; want user.tag v1 and v2)"
rm -rf "$W"
