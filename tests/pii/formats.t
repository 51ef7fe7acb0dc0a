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
                [ "$got" = none ] && r=ok || r=false-alarm
        else
                case " $got " in
                *" $want "*) is 1 1 "line $n: $want in: $input"; r=ok ;;
                *) is "$got" "$want" "line $n: $want in: $input"; r=miss ;;
                esac
        fi
        echo "$want $r" >> "$T/tally"
done < "$T/cases"
# per expected type: cases, right, wrong
awk '{ n[$1]++; if ($2 == "ok") k[$1]++ } END { for (t in n) printf "# %-20s %3d cases %3d right %3d wrong\n", t, n[t], k[t], n[t] - k[t] }' "$T/tally" | sort
done_testing
