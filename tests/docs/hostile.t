#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Hostile and broken documents end in a clear error (exit 1, the step named, the limit hit),
# never a hang, a crash of akios or an unbounded allocation: decompression bombs, deep
# nesting, truncated files, an encrypted PDF (qpdf), an image-only PDF (Ghostscript; a "no
# text layer" note, not an empty success). A PDF Debian ships reads as pdftotext reads it.
# The extraction runs in the cage, and the extractor locks itself down further.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"
require_cmd qpdf "encrypted PDFs"
require_cmd ps2pdf "Ghostscript PDFs"
require_cmd pdftotext "the reference text of a Debian PDF"
D=$AKIOS_SRC/tests/docs/data
G=$AKIOS_SRC/tests/docs/gen-hostile.py
py=/usr/bin/python3

scan() { run "$AKIOS" protect scan "$1"; }
for k in textbomb markbomb; do
        $py "$G" $k "$T/$k.docx"
        scan "$T/$k.docx"
        is "$rc" 1 "$k: exit 1"
        like "$err" "decompression bomb" "$k: the error names the bomb and the cap"
done
like "$(scan "$T/textbomb.docx"; echo "$err")" "text passes the cap of 64 MiB" \
        "text bomb: the 64 MiB text cap"
$py "$G" deepdocx "$T/deep.docx"; scan "$T/deep.docx"
is "$rc" 1 "deep DOCX: exit 1"
like "$err" "Excessive depth" "deep DOCX: libxml2's depth limit, named"
$py "$G" deephtml "$T/deep.html"; scan "$T/deep.html"
like "$rc $err" "^1 .*nest deeper than 200" "deep HTML: the nesting cap"
$py "$G" deeprtf "$T/deep.rtf"; scan "$T/deep.rtf"
like "$rc $err" "^1 .*RTF groups nest deeper than 200" "deep RTF: the nesting cap"
$py "$G" deepmime "$T/deep.eml"; scan "$T/deep.eml"
like "$rc $err" "^1 .*MIME parts nest deeper than 50" "deep MIME: the nesting cap"
$py "$G" notoffice "$T/other.zip"; scan "$T/other.zip"
like "$rc $err" "^1 .*not an Office document" "a ZIP that is no Office document: refused"

# Truncated files.
head -c 9000 "$D/sample.pdf" > "$T/cut.pdf"; scan "$T/cut.pdf"
like "$rc $err" "^1 .*not a readable PDF \(damaged or truncated\)" "truncated PDF: clear error"
# --json promises one JSON document, also when the document cannot be read.
run "$AKIOS" protect scan --json "$T/cut.pdf"
is "$rc" 1 "truncated PDF, --json: exit 1"
is "$(printf '%s' "$out" | $py -c 'import json,sys; d=json.load(sys.stdin); print(d["complete"], d["findings"])')" \
        "False []" "truncated PDF, --json: one whole JSON document that says it is incomplete"
head -c 6000 "$D/sample.docx" > "$T/cut.docx"; scan "$T/cut.docx"
like "$rc $err" "^1 .*not a readable ZIP archive" "truncated DOCX: clear error"
head -c 800 "$D/sample.rtf" > "$T/cut.rtf"; scan "$T/cut.rtf"
like "$rc $err" "^1 .*not closed \(truncated file\?\)" "truncated RTF: clear error"
printf '%%PDF-1.7\n' > "$T/header.pdf"; scan "$T/header.pdf"
is "$rc" 1 "a PDF header alone: exit 1"

# Encrypted (a user password: nothing is guessed) and owner-only (readable, as pdftotext).
qpdf --encrypt secret owner 256 -- "$D/sample.pdf" "$T/locked.pdf"
scan "$T/locked.pdf"
like "$rc $err" "^1 .*encrypted and needs a password; akios does not guess" "encrypted PDF"
qpdf --encrypt "" owner 256 -- "$D/sample.pdf" "$T/owner.pdf"
run "$AKIOS" protect scan --json "$T/owner.pdf"
like "$rc $out" '^0 .*"format":"pdf"' "an owner-password-only PDF reads (as pdftotext reads it)"

# Image-only PDF made by Ghostscript: a note, not an empty success.
cat > "$T/image.ps" <<'EOF2'
%!PS
100 400 translate 300 300 scale
8 8 8 [8 0 0 8 0 0] {<00ff00ff00ff00ffff00ff00ff00ff00>} image
showpage
EOF2
ps2pdf "$T/image.ps" "$T/image.pdf"
scan "$T/image.pdf"
is "$rc" 0 "image-only PDF: the scan itself succeeds"
like "$err" "no text layer" "image-only PDF: 'no text layer' on stderr"

# A PDF Debian ships, and one Ghostscript makes: the same words as pdftotext.
words() { tr -s ' \n\f\t' '\n\n\n\n'; }
pdf=/usr/share/doc/libtasn1-doc/libtasn1.pdf
$py "$AKIOS_SRC/bench/mkps.py" 5 > "$T/text.ps" && ps2pdf "$T/text.ps" "$T/gs.pdf"
for f in "$pdf" "$T/gs.pdf"; do
        if [ ! -f "$f" ]; then
                skip "$f is missing (Debian package libtasn1-doc)"
                continue
        fi
        pdftotext "$f" - | words > "$T/want"
        cd "$T" && rm -rf q && "$AKIOS" init q >/dev/null && cp "$f" q/data/input/doc.pdf
        printf 'name: r\nsteps:\n  - step: 1\n    agent: filesystem\n    action: read\n    parameters:\n      path: ./data/input/doc.pdf\n' > q/workflows/r.yml
        (cd q && AKIOS_PII_REDACTION_ENABLED=false AKIOS_PII_REDACTION_OUTPUTS=false \
                "$AKIOS" run workflows/r.yml --json) > "$T/r.json"
        $py -c "import json; print(json.load(open('$T/r.json'))['steps'][0]['output']['content'])" |
                grep -v '^--- page [0-9]* ---$' | words > "$T/got"
        check "$(basename "$f"): the same words as pdftotext ($(wc -l < "$T/want") words)" \
                cmp -s "$T/want" "$T/got"
done

# Through a workflow: the step is named, the exit class is 1, the cage ran the extractor.
cd "$T" && rm -rf p && "$AKIOS" init p >/dev/null && cd p || exit 1
cp "$T/locked.pdf" data/input/locked.pdf
cp "$T/textbomb.docx" data/input/bomb.docx
cp "$T/image.pdf" data/input/scan.pdf
for n in locked.pdf bomb.docx scan.pdf; do
        printf 'name: r\nsteps:\n  - step: 1\n    agent: filesystem\n    action: read\n    parameters:\n      path: ./data/input/%s\n' $n > workflows/$n.yml
done
run "$AKIOS" run workflows/locked.pdf.yml
like "$rc $(printf '%s' "$err" | tr '\n' ' ')" "^1 .*step 1 \(filesystem.read\).*locked.pdf.*encrypted" \
        "a workflow: exit 1, the step and the file named, 'encrypted'"
run "$AKIOS" run workflows/bomb.docx.yml
like "$rc $(printf '%s' "$err" | tr '\n' ' ')" "^1 .*step 1 \(filesystem.read\).*bomb.docx.*decompression bomb" \
        "a workflow: a bomb is exit 1 with the step named"
run "$AKIOS" run workflows/scan.pdf.yml --json
like "$rc $out" '^0 .*"notes": *\[ *"no text layer' "a workflow: the scan's note is in the result"
like "$(cat audit/ledger.jsonl)" '"extract":\{[^}]*"layers":\{[^}]*"netns":true' \
        "the extractor ran in the cage with its own network namespace"
done_testing
