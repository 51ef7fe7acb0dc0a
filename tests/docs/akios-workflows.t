#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# AKIOS's own document_ingestion.yml and file_analysis.yml, unchanged (their step 1 reads
# ./data/input/document_example.pdf and analysis_target.pdf; AKIOS ships .docx samples too),
# on a PDF and a DOCX: they run, and find what AKIOS finds in the sample: 2 e-mails, 3 IPs
# and 2 card numbers, redacted before the model sees them (mock provider, offline).
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"
D=$AKIOS_SRC/tests/docs/data
py=/usr/bin/python3

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
by_type() {
        $py -c "import json; d = json.load(open('$1')); print(json.dumps(d['pii_redactions_by_type'], sort_keys=True))"
}
want='{"CREDIT_CARD": 2, "EMAIL_ADDRESS": 2, "IP_ADDRESS": 3}'
for ext in pdf docx; do
        cp "$D/sample.$ext" data/input/document_example.$ext
        cp "$D/sample.$ext" data/input/analysis_target.$ext
        # AKIOS's workflows: ours differ only in the input's name (they ship .txt samples).
        sed "s#document_example.txt#document_example.$ext#" \
                "$AKIOS_SRC/templates/document_ingestion.yml" > workflows/di-$ext.yml
        sed "s#analysis_target.txt#analysis_target.$ext#" \
                "$AKIOS_SRC/templates/file_analysis.yml" > workflows/fa-$ext.yml
        run "$AKIOS" run workflows/di-$ext.yml --json
        is "$rc" 0 "document_ingestion on a $ext runs"
        printf '%s' "$out" > "$T/di.json"
        is "$(by_type "$T/di.json")" "$want" "document_ingestion ($ext): 2 e-mails, 3 IPs, 2 cards"
        summary=$(cat data/output/run_*/summary.txt 2>/dev/null | tail -1)
        check "document_ingestion ($ext): the summary was written" test -n "$summary"
        rm -rf data/output/run_*
        run "$AKIOS" run workflows/fa-$ext.yml --json
        is "$rc" 0 "file_analysis on a $ext runs"
        printf '%s' "$out" > "$T/fa.json"
        is "$($py -c "import json; o = json.load(open('$T/fa.json'))['steps'][1]['output']; print(o['format'], o['pii_findings'], o['entropy'] < 6)")" \
                "$ext 7 True" "file_analysis ($ext): the text is analysed (7 findings, text entropy)"
        is "$(by_type "$T/fa.json")" "$want" "file_analysis ($ext): 2 e-mails, 3 IPs, 2 cards"
        unlike "$(cat "$T/fa.json" audit/ledger.jsonl)" 'alice\.martin@|4111 1111' \
                "file_analysis ($ext): no raw PII in output.json or the ledger"
        rm -rf data/output/run_*
done
done_testing
