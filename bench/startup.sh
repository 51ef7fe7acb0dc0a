#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/startup.sh: start-up of the binary. Median wall time and peak RSS of `akios --version`
# and of a whole mock hello-workflow run (init'd project, 3 steps, ledger fsync'd and signed),
# over N runs each (N=50 by default). Goals: < 5 ms and < 10 MB for both (AKIOS: ~1 s, ~49 MB).
set -eu
: "${AKIOS:?set AKIOS to the akios binary}"
N=${N:-50}
W=$(mktemp -d "${TMPDIR:-/tmp}/akios-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
"$AKIOS" init "$W/p" >/dev/null
cd "$W/p"
/usr/bin/python3 - "$AKIOS" "$N" <<'PY'
import os, statistics, sys, time
akios, n = sys.argv[1], int(sys.argv[2])
hello = [akios, "run", "templates/hello-workflow.yml", "--quiet"]
cases = [("akios --version", [akios, "--version"], {}),
         ("run hello, fsync always", hello, {}),
         ("run hello, fsync batch", hello, {"AKIOS_FSYNC": "batch"})]
null = os.open(os.devnull, os.O_WRONLY)
print("bench/startup: %d runs each" % n)
# Peak RSS comes from /usr/bin/time (a small C parent): a child spawned from python would
# report python's own pages in ru_maxrss.
for name, cmd, extra in cases:
    times, rss = [], []
    env = dict(os.environ, **extra)
    for _ in range(n):
        t = time.perf_counter()
        pid = os.posix_spawn(cmd[0], cmd, env, file_actions=[(os.POSIX_SPAWN_DUP2, null, 1)])
        _, st, ru = os.wait4(pid, 0)
        times.append((time.perf_counter() - t) * 1000)
        if os.waitstatus_to_exitcode(st) != 0:
            sys.exit("bench: %s failed" % name)
    for _ in range(3):
        r, w = os.pipe()
        pid = os.posix_spawn("/usr/bin/time", ["/usr/bin/time", "-f", "%M"] + cmd, env,
                             file_actions=[(os.POSIX_SPAWN_DUP2, null, 1),
                                           (os.POSIX_SPAWN_DUP2, w, 2)])
        os.close(w)
        out = os.read(r, 4096).decode().split()
        os.close(r)
        os.waitpid(pid, 0)
        rss.append(int(out[-1]))
    med = statistics.median(times)
    print("  %-24s median %6.2f ms  (min %.2f)  peak RSS %5.1f MB   goal < 5 ms, < 10 MB: %s"
          % (name, med, min(times), max(rss) / 1024.0,
             "met" if med < 5 and max(rss) < 10240 else "NOT met"))
PY
