#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/cage.sh: start-up cost of the cage. `akios exec -- /bin/true` (every layer: namespaces,
# seccomp, cgroup, Landlock, rlimits) against bubblewrap with namespaces only and the same
# binds, run alternately N times each; prints the medians, the median of the per-pair ratios,
# and the peak RSS of the largest akios process (the supervisor or the cage's pid 1).
# Run by `make bench` with $AKIOS set; N=30 by default (N=... to change). Goal: ratio <= 1.0.
set -eu
: "${AKIOS:?set AKIOS to the akios binary}"
N=${N:-30}
command -v bwrap >/dev/null 2>&1 || { echo "bench/cage.sh: bwrap not installed (scripts/install-deps)" >&2; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/akios-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W"
/usr/bin/python3 - "$AKIOS" "$N" <<'PY'
import os, statistics, subprocess, sys, time
akios, n = sys.argv[1], int(sys.argv[2])
# bwrap with the binds akios makes: /usr, the merged-/usr symlinks (or binds), a few /etc
# files, /dev, a fresh /proc, a tmpfs /tmp; namespaces only (no seccomp, no cgroup).
bw = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--ro-bind", "/usr", "/usr"]
for d in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
    p = "/" + d
    if os.path.islink(p):
        bw += ["--symlink", os.readlink(p), p]
    elif os.path.isdir(p):
        bw += ["--ro-bind", p, p]
for f in ("passwd", "group", "hosts", "nsswitch.conf", "ld.so.cache", "ld.so.conf"):
    if os.path.exists("/etc/" + f):
        bw += ["--ro-bind", "/etc/" + f, "/etc/" + f]
bw += ["--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "/bin/true"]
ak = [akios, "exec", "--", "/bin/true"]

def once(cmd):
    t = time.perf_counter()
    pid = os.posix_spawn(cmd[0] if cmd[0].startswith("/") else "/usr/bin/" + cmd[0], cmd, {})
    _, st, ru = os.wait4(pid, 0)
    dt = (time.perf_counter() - t) * 1000
    if os.waitstatus_to_exitcode(st) != 0:
        sys.exit("bench: %s failed (%d)" % (cmd[0], os.waitstatus_to_exitcode(st)))
    return dt, ru.ru_maxrss

for _ in range(3):
    once(ak); once(bw)
a, b, ratios, rss = [], [], [], []
for _ in range(n):
    ta, ra = once(ak)
    tb, _ = once(bw)
    a.append(ta); b.append(tb); ratios.append(ta / tb); rss.append(ra)
ma, mb, mr = statistics.median(a), statistics.median(b), statistics.median(ratios)
print("cage start-up, %d alternating runs each, /bin/true:" % n)
print("  akios exec (all layers)        median %6.2f ms" % ma)
print("  bwrap --unshare-all (ns only)  median %6.2f ms" % mb)
print("  ratio akios/bwrap (median of pairs)  %.2f  (goal <= 1.0: %s)" % (mr, "met" if mr <= 1.0 else "NOT met"))
# Peak RSS of the supervisor, from /usr/bin/time (a small C parent): ru_maxrss of a child
# spawned from python also counts python's own pages from before the exec.
sup = []
for _ in range(5):
    r, w = os.pipe()
    pid = os.posix_spawn("/usr/bin/time", ["/usr/bin/time", "-f", "%M"] + ak, dict(os.environ),
                         file_actions=[(os.POSIX_SPAWN_DUP2, w, 2)])
    os.close(w)
    sup.append(int(os.read(r, 4096).decode().split()[-1]))
    os.close(r)
    os.waitpid(pid, 0)
m = statistics.median(sup)
print("  akios supervisor peak RSS            %.1f MB (goal < 4 MB: %s)" % (m / 1024, "met" if m < 4096 else "NOT met"))
PY
