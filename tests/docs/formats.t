#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every document format, made by tools nobody here wrote (tests/docs/data/README), read
# through the caged extractor by `akios protect scan` and by a workflow's filesystem.read:
# detected by content (not by name), text in reading order with page/sheet/slide markers,
# metadata, and the PII of the sample found (2 e-mails, 3 IPs, 2 cards; the spreadsheets
# hold 2 e-mails and 2 IPs). Plain text stays as it is.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"
D=$AKIOS_SRC/tests/docs/data
py=/usr/bin/python3
check "akios-extract is built beside akios" test -x "$(dirname "$AKIOS")/akios-extract"

# scan FILE -> "format EMAIL IP CARD" from scan --json
counts() {
        "$AKIOS" protect scan --json "$1" | $py -c '
import json, sys
d = json.load(sys.stdin)
c = {}
for f in d["findings"]:
        c[f["type"]] = c.get(f["type"], 0) + 1
print(d.get("format", "-"), c.get("EMAIL_ADDRESS", 0), c.get("IP_ADDRESS", 0), c.get("CREDIT_CARD", 0))'
}

for f in pdf docx pptx odt odp rtf html; do
        is "$(counts "$D/sample.$f")" "$f 2 3 2" "$f (by $(sed -n "s/^sample.$f *\([A-Za-z]*\).*/\1/p" "$D/README")): 2 e-mails, 3 IPs, 2 cards"
done
for f in xlsx ods; do
        is "$(counts "$D/sample.$f")" "$f 2 2 0" "$f: 2 e-mails, 2 IPs in the cells"
done

# By content, not by name: a DOCX named .txt is a DOCX; text named .pdf is text.
cp "$D/sample.docx" "$T/renamed.txt"
is "$(counts "$T/renamed.txt")" "docx 2 3 2" "a DOCX named .txt is read as a DOCX"
printf 'mail alice@example.com\n' > "$T/plain.pdf"
is "$(counts "$T/plain.pdf")" "- 1 0 0" "text named .pdf stays plain text (no format)"
run "$AKIOS" protect scan --json - < "$D/sample.pdf"
like "$out" '"format":"pdf"' "a PDF on stdin (a pipe) is extracted too"

# Text, markers and metadata through a workflow read.
cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
for f in pdf docx xlsx pptx odt ods odp rtf html; do cp "$D/sample.$f" data/input/; done
$py "$AKIOS_SRC/tests/docs/gen-mail.py" eml data/input/sample.eml
$py "$AKIOS_SRC/tests/docs/gen-mail.py" mbox data/input/sample.mbox
cp "$D/sample.md" data/input/sample.txt
{
        echo "name: read-all"
        echo "steps:"
        i=0
        for f in pdf docx xlsx pptx odt ods odp rtf html eml mbox txt; do
                i=$((i + 1))
                printf '  - step: %d\n    agent: filesystem\n    action: read\n' $i
                printf '    parameters:\n      path: ./data/input/sample.%s\n' $f
        done
} > workflows/all.yml
run "$AKIOS" run workflows/all.yml --json
is "$rc" 0 "a workflow reads every format"
printf '%s' "$out" > "$T/all.json"
get() { # STEP PYTHON-EXPRESSION-ON-o
        $py -c "import json; o = json.load(open('$T/all.json'))['steps'][$1 - 1]['output']; print($2)"
}
is "$(get 1 'o["file_type"], o["metadata"]["pages"], o["metadata"]["producer"]')" \
        "pdf 1 LibreOffice 7.4" "pdf: file_type, pages and producer"
like "$(get 1 'o["content"]')" '^--- page 1 ---' "pdf: a page marker"
like "$(get 1 'o["content"]')" '\[EMAIL_ADDRESS\]' "pdf: the e-mail is redacted in the text"
unlike "$(get 1 'o["content"]')" 'alice\.martin' "pdf: no raw e-mail left"
is "$(get 2 'o["file_type"], o["metadata"]["title"], o["metadata"]["author"]')" \
        "docx Incident review for the payments gateway Operations desk" \
        "docx: title and author from docProps/core.xml"
like "$(get 2 'repr(o["content"])')" 'Operations desk\\nIncident review\\nOn 2 November' "docx: body text in order"
like "$(get 3 'o["content"]')" '^--- sheet 1: sample ---' "xlsx: a sheet marker with its name"
like "$(get 3 'repr(o["content"])')" 'name\\temail\\tip\\n' "xlsx: cells by tab, rows by line"
is "$(get 4 'o["metadata"]["slides"]')" 2 "pptx: two slides"
like "$(get 4 'o["content"]')" '--- slide 2 ---' "pptx: slide markers"
is "$(get 5 'o["file_type"], o["metadata"]["creator"]')" "odt Pandoc/2.17.1.1" \
        "odt: generator from meta.xml"
like "$(get 6 'o["content"]')" '^--- sheet 1: sample ---' "ods: a sheet marker"
like "$(get 7 'o["content"]')" '--- slide 2 ---' "odp: slide markers"
like "$(get 8 'o["content"]')" 'On 2 November' "rtf: body text"
unlike "$(get 8 'o["content"]')" 'fonttbl|Helvetica' "rtf: no font table in the text"
is "$(get 9 'o["metadata"]["creator"]')" pandoc "html: <meta name=generator>"
like "$(get 10 'o["content"]')" 'Subject: Incident review — payments gateway' \
        "eml: the encoded-word subject is decoded"
like "$(get 10 'o["content"]')" 'Café crème €' "eml: quoted-printable UTF-8 decoded"
like "$(get 10 'o["content"]')" '\[attachment: report.pdf \(application/pdf, 32 bytes\)\]' \
        "eml: the attachment is listed, not inlined"
is "$(get 10 'o["metadata"]["attachments"][0]["name"]')" report.pdf "eml: attachment metadata"
is "$(get 10 'o["content"].count("[EMAIL_ADDRESS]")')" 4 \
        "eml: the alternative HTML part is not read twice (2 in the body, 2 in headers)"
is "$(get 11 'o["metadata"]["messages"]')" 2 "mbox: two messages"
like "$(get 11 'o["content"]')" 'Deux cafés' "mbox: the latin-1 message is converted"
is "$(get 12 'o["file_type"]')" text "plain text is still text"
is "$(get 12 'o["content"].startswith("---\ntitle: Incident")')" True "plain text as it is"
ledger=$(cat audit/ledger.jsonl)
like "$ledger" '"extract":\{[^}]*"exit_code":0' "the ledger records the extractor's cage run"
done_testing
