#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# PII redaction benchmark (issues 4, 11): throughput of `akios protect redact` on 50 MB each of
# English prose, web/app logs dense with IPs and timestamps, and JSON records with 1 % PII
# (bench/gen-pii-corpus.py, deterministic), beside `cat` and `grep -c x` of the same file in
# the same run (best of 3 wall times, page cache warm); the engine that ran; and start-up time
# of `akios protect scan` on a 1 KB file (median of 21 runs). Run by `make bench`.
# The rows prose, logs and json run the pattern detectors alone (AKIOS_PII_DETECT_NAMES=false);
# the rows KIND+nm turn PERSON/STREET_ADDRESS/LOCATION on (the default of protect), as issue
# 11 measures all three.
# The row docs+nm is real English text rather than generated: this machine's own
# /usr/share/common-licenses and /usr/share/doc (README, NEWS, changelogs, copyright files,
# .txt), in path order, repeated to 50 MB. Its bytes depend on what the machine has installed,
# so compare it within one run, not across machines. The row licences+nm is real English
# prose alone: the licences of /usr/share/common-licenses (base-files, on every Debian),
# repeated to 50 MB.
set -eu
: "${AKIOS:=./akios}"
: "${AKIOS_BUILD:=build}"
: "${PII_BENCH_BYTES:=52428800}"
SRC=$(cd "$(dirname "$0")/.." && pwd)
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

now_ns() { date +%s%N; }

best() { # CMD...: best of 3 wall times in ns, output to /dev/null
        b=0
        for i in 1 2 3; do
                t0=$(now_ns)
                "$@" > /dev/null
                t1=$(now_ns)
                d=$((t1 - t0))
                if [ "$b" = 0 ] || [ "$d" -lt "$b" ]; then b=$d; fi
        done
        echo "$b"
}
mbps() { awk -v b="$bytes" -v ns="$1" 'BEGIN { printf "%6.0f", b / 1e6 / (ns / 1e9) }'; }

engine=$(printf 'x\n' | "$AKIOS" protect scan --json - | sed -n 's/.*"engine":"\([^"]*\)".*/\1/p')
echo "pii: engine $engine; goal >= 250 MB/s for protect redact on each kind"
echo "pii: MB/s, best of 3 wall times; x-cat: redact time / cat time; redact/cpu: MB per CPU-second"
printf 'pii: %-8s %8s %8s %8s %8s %10s  %s\n' kind cat grep-c-x redact x-cat redact/cpu findings
# repeat_to OUT WHAT: OUT.one, repeated to PII_BENCH_BYTES as OUT
repeat_to() {
        n=$(wc -c < "$1.one")
        [ "$n" -gt 0 ] || return 1
        : > "$1"
        while [ "$(wc -c < "$1")" -lt "$PII_BENCH_BYTES" ]; do cat "$1.one" >> "$1"; done
        head -c "$PII_BENCH_BYTES" "$1" > "$1.cut" && mv "$1.cut" "$1"
        echo "pii: $2: $n bytes of this machine's text, repeated to $PII_BENCH_BYTES when fewer"
        rm -f "$1.one"
}
# docs_corpus OUT: the machine's text documents, in path order
docs_corpus() {
        find /usr/share/common-licenses /usr/share/doc -type f \( -name '*.txt' -o \
                -name 'README*' -o -name 'NEWS*' -o -name 'changelog*' -o -name copyright \
                -o -name '*.txt.gz' \) 2>/dev/null | LC_ALL=C sort | while read -r f; do
                case $f in
                *.gz) gzip -dc "$f" 2>/dev/null || true ;;
                *) cat "$f" ;;
                esac
        done 2>/dev/null | head -c "$PII_BENCH_BYTES" > "$1.one"
        repeat_to "$1" docs
}
# licences_corpus OUT: real English prose, the licences of Debian's base-files (GPL,
# Apache, MPL, Artistic...), where the bench's prose is generated from a small vocabulary
licences_corpus() {
        find /usr/share/common-licenses -type f 2>/dev/null | LC_ALL=C sort |
                while read -r f; do cat "$f"; done > "$1.one"
        repeat_to "$1" licences
}
for row in prose logs json prose+nm logs+nm json+nm docs+nm licences+nm; do
        kind=${row%+nm}
        names=false
        [ "$row" = "$kind" ] || names=true
        export AKIOS_PII_DETECT_NAMES=$names
        DATA="$AKIOS_BUILD/bench-pii-$kind-$PII_BENCH_BYTES.txt"
        if [ "$kind" = docs ] || [ "$kind" = licences ]; then
                DATA="$TMP/$kind.txt"
                if ! "${kind}_corpus" "$DATA"; then
                        echo "pii: $row: # SKIP no text documents under /usr/share"
                        continue
                fi
        elif [ ! -s "$DATA" ]; then
                mkdir -p "$(dirname "$DATA")"
                $PY "$SRC/bench/gen-pii-corpus.py" --kind "$kind" --bytes "$PII_BENCH_BYTES" \
                        "$DATA.tmp" && mv "$DATA.tmp" "$DATA"
        fi
        bytes=$(wc -c < "$DATA")
        cat "$DATA" > /dev/null # warm the page cache
        t_cat=$(best cat "$DATA")
        t_grep=$(LC_ALL=C best grep -c x "$DATA")
        t_red=$(best "$AKIOS" protect redact "$DATA")
        # CPU time (user+sys) of one more run: on a loaded machine wall time also counts
        # waiting for a core
        cpu=$( { /usr/bin/time -f '%U %S' "$AKIOS" protect redact "$DATA" > /dev/null; } 2>&1 |
                awk -v b="$bytes" '{ t = $1 + $2; printf "%.0f", (t > 0 ? b / 1e6 / t : 0) }')
        findings=$("$AKIOS" protect scan "$DATA" | grep -vc '^no findings' || true)
        printf 'pii: %-8s %8s %8s %8s %7sx %10s  %s\n' "$row" \
                "$(mbps "$t_cat")" "$(mbps "$t_grep")" "$(mbps "$t_red")" \
                "$(awk -v a="$t_red" -v c="$t_cat" 'BEGIN { printf "%.1f", a / c }')" "$cpu" "$findings"
done
# shapes that were slow or grew with their lines (4 MB each, names on): a SQL dump whose
# INSERT lines hold NULL in capitals, a CSV line of 1,024 capitalised cells, lines of 3,000 to
# 9,000 cells whose separator changes every three, RFC 5424 syslog
# with '@' in its structured data, '+' before 22 digits and a letter (phone_intl's
# backtracking in PCRE2), and short chat lines of Cyrillic speakers who take turns (the turn
# count was cubic in the lines of a window: 1.1 MB/s)
$PY - "$TMP" <<'PYEOF'
import random, sys
rnd = random.Random(5)
d, n = sys.argv[1], 4 << 20
def fill(name, line):
    out, size = [], 0
    while size < n:
        x = line()
        out.append(x)
        size += len(x)
    open("%s/%s.txt" % (d, name), "w", encoding="utf-8").write("".join(out)[:n])
fill("sql-null", lambda: "INSERT INTO `t` VALUES " + ",".join(
    "(%d,NULL,'x%d',NULL)" % (rnd.randrange(10**6), i) for i in range(64)) + ";\n")
fill("csv-wide", lambda: ",".join(rnd.choice(["US", "GB", "DE", "NULL", "TRUE"])
                                  for _ in range(1024)) + "\n")
fill("syslog-at", lambda: "<165>1 2025-03-01T00:00:%02d.%03dZ host app %d - [origin@32473 "
     "ip=\"10.%d.%d.%d\"] ok\n" % (rnd.randrange(60), rnd.randrange(1000),
     rnd.randrange(9999), rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
fill("csv-altsep", lambda: "".join("US" + (";" if (i // 3) % 2 else ",")
                                   for i in range(rnd.randrange(3000, 9000))) + "\n")
fill("plus-digits", lambda: "pkg +%sd\n" % "".join(rnd.choice("0123456789")
                                                     for _ in range(22)))
spk = ["Лена", "Катя", "Оля", "Ира", "Женя", "Саша", "Дима", "Петя"]
fill("chat-turns", lambda: "%s: %s да?\n" % (rnd.choice(spk), rnd.choice(spk)))
PYEOF
for h in sql-null csv-wide csv-altsep syslog-at plus-digits chat-turns; do
        bytes=$(wc -c < "$TMP/$h.txt")
        printf 'pii: hostile %-12s %8s MB/s (names on)\n' "$h" \
                "$(mbps "$(AKIOS_PII_DETECT_NAMES=true best "$AKIOS" protect redact "$TMP/$h.txt")")"
done
unset AKIOS_PII_DETECT_NAMES
DATA="$AKIOS_BUILD/bench-pii-prose-$PII_BENCH_BYTES.txt"
head -c 5000000 "$DATA" > "$TMP/5m.txt"
bytes=5000000
echo "pii: prose, PCRE2 alone (AKIOS_PII_ENGINE=pcre2, 5 MB): $(mbps "$(AKIOS_PII_ENGINE=pcre2 best "$AKIOS" protect redact "$TMP/5m.txt")") MB/s"

# start-up: protect scan of a 1 KB file, median of 21 runs
head -c 1024 "$DATA" > "$TMP/1k.txt"
i=0
while [ $i -lt 21 ]; do
        t0=$(now_ns)
        "$AKIOS" protect scan "$TMP/1k.txt" > /dev/null
        t1=$(now_ns)
        echo $(((t1 - t0) / 1000))
        i=$((i + 1))
done | sort -n | sed -n 11p | awk '{ printf "pii: start-up (protect scan, 1 KB): %.2f ms median of 21 (goal < 5 ms)\n", $1 / 1000 }'
