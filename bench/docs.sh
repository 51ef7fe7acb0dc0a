#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Document extraction benchmark (run by `make bench`, issue 12): pages/s for a 100-page PDF
# (made by Ghostscript's ps2pdf) through akios, cage included (`akios protect scan`: sniff,
# cage, akios-extract, framing checks, PII scan), against `pdftotext` on the same file in the
# same run (goal: within 1.5x); and MB/s for a DOCX made by pandoc. Fastest of 9 runs each (wall and CPU: the machine may be shared).
# Prints numbers, asserts nothing about time.
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
: "${AKIOS:=$SRC/akios}"
EXTRACT=$(dirname "$AKIOS")/akios-extract
W=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/.bench-docs.XXXXXX")
trap 'rm -rf "$W"' EXIT
for c in ps2pdf pdftotext pandoc; do
        command -v $c >/dev/null || { echo "documents: $c is missing (scripts/install-deps)"; exit 0; }
done

best() { # "wall cpu" seconds of the fastest of 9 runs of "$@" (cpu: user + sys, children
          # included, so the cage's child and the extractor count)
        b="1e9 0"
        for i in 1 2 3 4 5 6 7 8 9; do
                /usr/bin/time -f '%e %U %S' -o "$W/time" "$@" >/dev/null 2>&1 ||
                        { echo "bench: '$*' failed" >&2; exit 1; }
                b=$(awk -v b="$b" '{split(b, o, " "); if ($1 < o[1]) print $1, $2 + $3;
                        else print b}' "$W/time")
        done
        echo "$b"
}

python3 "$SRC/bench/mkps.py" 100 > "$W/b.ps" && ps2pdf "$W/b.ps" "$W/b.pdf"
tp=$(best pdftotext "$W/b.pdf" -)
ta=$(best "$AKIOS" protect scan "$W/b.pdf")
tx=$(best sh -c "exec '$EXTRACT' < '$W/b.pdf'")
echo "documents: 100-page PDF ($(du -k "$W/b.pdf" | cut -f1) KB, Ghostscript; load $(cut -d' ' -f1 /proc/loadavg)):"
echo "$tp $ta $tx" | awk '{
        printf "  pdftotext            %6.1f pages/s wall (%.3f s; %.3f s CPU)\n", 100 / $1, $1, $2;
        printf "  akios (caged + PII)  %6.1f pages/s wall (%.3f s; %.3f s CPU): %.2fx pdftotext wall, %.2fx CPU\n",
                100 / $3, $3, $4, $3 / $1, $4 / ($2 > 0 ? $2 : 0.001);
        printf "  akios-extract alone  %6.1f pages/s wall (%.3f s; %.3f s CPU; no cage)\n", 100 / $5, $5, $6}'

python3 - "$W/d.md" <<'EOF2'
import random, sys
r = random.Random(12)
w = ["".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(2, 9)))
     for _ in range(5000)]
with open(sys.argv[1], "w") as f:
    for p in range(8000):
        f.write(" ".join(r.choice(w) for i in range(60)) + "\n\n")
EOF2
pandoc "$W/d.md" -o "$W/d.docx"
td=$(best "$AKIOS" protect scan "$W/d.docx")
text=$("$EXTRACT" < "$W/d.docx" | tail -c +2 | wc -c)
echo "documents: DOCX ($(du -k "$W/d.docx" | cut -f1) KB, pandoc; $((text / 1024)) KB of text):"
echo "$td $(stat -c %s "$W/d.docx") $text" | awk '{
        printf "  akios (caged + PII)  %6.1f MB/s of DOCX, %6.1f MB/s of text, wall (%.3f s)\n",
                $3 / $1 / 1048576, $4 / $1 / 1048576, $1;
        printf "                       %6.1f MB/s of DOCX, %6.1f MB/s of text, CPU (%.3f s)\n",
                $3 / $2 / 1048576, $4 / $2 / 1048576, $2}'
