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

# a changelog's headings are versions; a comment with an address in it is an address
printf '%s\n' "Changes" "" "## 2.14.0.3 (2024-05-02)" "## [2.14.0.3] - 2024-05-02" "### v1.2.3.4" \
        "# 10.0.0.1 is the gateway" "## 10.0.0.2 is the other one" > "$T/changelog.md"
"$AKIOS" protect redact "$T/changelog.md" > "$T/changelog.out"
is "$(grep -c IP_ADDRESS "$T/changelog.out")" 2 "changelog headings are versions, addresses in comments are IPs"
is "$(sed -n 3,5p "$T/changelog.out")" "$(sed -n 3,5p "$T/changelog.md")" "the three headings kept as they are"

# every word that makes a dotted number a version (validate.c keeps them by length, so a word
# filed under the wrong length would be lost silently), in any case, after each gap byte; and
# words that are no version word, of the same lengths, before a real IP
: > "$T/ver.txt"
for w in version ver v release build firmware kernel rev revision update patch package sdk \
        api app driver section chapter clause step rule figure table paragraph item article \
        oid openssl python node java nginx apache linux chrome firefox safari edge windows nt \
        ios android macos os libc glibc gcc perl php ruby go rust tag versions upgraded \
        upgrade downgrade installed pkg agent; do
        W=$(printf '%s' "$w" | tr a-z A-Z)
        printf '%s 10.1.2.3 %s: 10.2.3.4 %s=10.3.4.5 (%s #10.4.5.6\n' "$w" "$W" "$w" "$w" \
                >> "$T/ver.txt"
done
"$AKIOS" protect scan "$T/ver.txt" > "$T/ver.out"
is "$(grep -c IP_ADDRESS "$T/ver.out")" 0 "no dotted number after any of the 60 version words is an IP"
printf '%s\n' "x 10.1.2.3" "ab 10.1.2.3" "abc 10.1.2.3" "host 10.1.2.3" "hosts 10.1.2.3" \
        "client 10.1.2.3" "serverx 10.1.2.3" "versionx 10.1.2.3" "versioned 10.1.2.3" \
        "installer 10.1.2.3" > "$T/nover.txt"
"$AKIOS" protect scan "$T/nover.txt" > "$T/nover.out"
is "$(grep -c IP_ADDRESS "$T/nover.out")" 10 "after words of those lengths that are no version word, each IP is found"
done_testing
