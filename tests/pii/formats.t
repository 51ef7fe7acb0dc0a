#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Table-driven format checks (issue 11): tests/pii/formats.tsv, one input a line with the type
# `akios protect scan --json` must find in it, or "none" (no finding at all): ids that are not
# cards, product codes that are not phones, versions that are not IPs; national phone forms,
# birth dates with month names, lower-case IBANs, IPv6 forms, driver licences.
. "$AKIOS_SRC/tests/lib.sh"
PY=/usr/bin/python3

n=0
grep -v '^#' "$AKIOS_SRC/tests/pii/formats.tsv" | grep -v '^$' > "$T/cases"
while IFS="$(printf '\t')" read -r input want; do
        n=$((n + 1))
        printf '%s\n' "$input" > "$T/in.txt"
        "$AKIOS" protect scan --json "$T/in.txt" > "$T/out.json" 2> "$T/err"
        rc=$?
        got=$($PY -c 'import json,sys; print(" ".join(sorted({f["type"] for f in json.load(open(sys.argv[1]))["findings"]})) or "none")' "$T/out.json" 2>/dev/null)
        [ "$rc" = 0 ] || got="exit $rc: $(cat "$T/err")"
        if [ "$want" = none ]; then
                is "$got" none "line $n: no finding in: $input"
        else
                case " $got " in
                *" $want "*) is 1 1 "line $n: $want in: $input" ;;
                *) is "$got" "$want" "line $n: $want in: $input" ;;
                esac
        fi
done < "$T/cases"
done_testing
