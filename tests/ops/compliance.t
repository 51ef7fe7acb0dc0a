#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# akios compliance report: JSON and self-contained HTML, escaping of every data string, exit 6
# on a tampered ledger, and a real render in headless Chromium (no console error, a visible
# chart; the screenshot path is printed).
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

P="$T/proj"
"$AKIOS" init "$P" >/dev/null 2>&1
cd "$P" || exit 1
export AKIOS_MOCK_LLM=1
"$AKIOS" run templates/hello-workflow.yml >/dev/null 2>&1
"$AKIOS" run templates/compliance_demo.yml >/dev/null 2>&1
cat > workflows/evil.yml <<'YML'
name: "evil <script>alert('x')</script> & \"q\""
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters:
      path: "./data/input/<img src=x onerror=alert(1)>.txt"
YML
run "$AKIOS" run workflows/evil.yml
check "a failing run with markup in its name and error" test "$rc" -ne 0

run "$AKIOS" compliance report --format json --out "$T/r.json"
is "$rc" 0 "json report exits 0"
/usr/bin/python3 - "$T/r.json" > "$T/py" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(d["format"], len(d["runs"]), d["runs_total"], d["ledger"]["events"] > 0,
      d["ledger"]["verify"]["verified"], d["ledger"]["checkpoint"]["size"] > 0,
      d["runs"][0]["workflow"].startswith("evil <script>"),
      [s["agent"] + "." + s["action"] for s in d["runs"][2]["steps"]])
PY
like "$(cat "$T/py")" "^akios-compliance-report/1 3 3 True True True True \['llm.complete', 'filesystem.write', 'filesystem.read'\]" \
        "json has the runs (newest first), steps, ledger and a verified checkpoint"

run "$AKIOS" compliance report
is "$rc" 0 "html report exits 0"
H="$P/data/output/compliance_report.html"
like "$out" "wrote $H" "default path is data/output/compliance_report.html"
html=$(cat "$H")
like "$html" '^<!DOCTYPE html>' "html starts with a doctype"
like "$html" '<svg class="chart"' "html has inline SVG charts"
like "$html" 'timeline of the latest run' "html has the run timeline"
like "$html" 'cost per step against the budget' "html has the cost chart"
like "$html" 'akios audit verify --json' "html says how to verify"
like "$html" 'VERIFIED' "html shows the verification result"
unlike "$html" '<script|<img|<iframe|<link|<object|<embed|(src|href)="|url\(|@import' \
        "no script, image, link or external asset"
like "$html" 'evil &lt;script&gt;alert\(&#39;x&#39;\)&lt;/script&gt; &amp; &quot;q&quot;' \
        "the workflow name is escaped"
like "$html" '&lt;img src=x onerror=alert\(1\)&gt;' "the step error is escaped"

# A denied event whose fields carry markup: escaped too. The ledger no longer verifies, so the
# report is written and the exit code is 6.
printf '{"action":"<b>x</b>","agent":"http","detail":{"error":"<iframe src=evil>"},"outcome":"denied","run_id":"<i>r</i>","seq":999,"step":1,"ts":"t"}\n' \
        >> audit/ledger.jsonl
run "$AKIOS" compliance report --out "$T/tampered.html"
is "$rc" 6 "a ledger that does not verify: report written, exit 6"
like "$err" "does not verify" "and says why"
t=$(cat "$T/tampered.html")
like "$t" '&lt;iframe src=evil&gt;' "denial reason escaped"
like "$t" 'http\.&lt;b&gt;x&lt;/b&gt;' "denial action escaped"
unlike "$t" '<iframe|<b>x|<i>r' "no injected element"
like "$t" 'FAILED' "html shows the failed verification"

run "$AKIOS" compliance report --format pdf
is "$rc" 2 "unknown format is a usage error"
run "$AKIOS" compliance frob
is "$rc" 2 "unknown subcommand is a usage error"
(cd "$T" && "$AKIOS" compliance report >/dev/null 2>&1); is "$?" 2 "outside a project: exit 2"

# The real browser: Debian's chromium, headless.
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
        skip "no chromium (apt-get install chromium) for the browser render test"
else
        (cd "$P" && "$AKIOS" compliance report >/dev/null 2>&1)
        # In the scratch folder unless asked: a fixed /tmp name left by another user (root)
        # could neither be removed nor rewritten, and the old picture would pass the checks.
        SHOT=${AKIOS_SCREENSHOT_DIR:-$T}/akios-compliance-report.png
        rm -f "$SHOT"
        HOME="$T" timeout 60 "$CHROME" --headless=new --no-sandbox --disable-gpu \
                --no-first-run --hide-scrollbars --enable-logging=stderr --v=0 \
                --window-size=900,1400 --screenshot="$SHOT" "file://$H" >"$T/chrome.out" 2>&1
        is "$?" 0 "chromium rendered the report"
        diag "screenshot: $SHOT"
        check "screenshot written" test -s "$SHOT"
        console=$(grep -E 'CONSOLE|Refused|Uncaught' "$T/chrome.out" || true)
        is "$console" "" "no console message or error while loading the page"
        # Green (completed) and red (failed) bars must be visible pixels in the picture.
        px=$(/usr/bin/python3 "$AKIOS_SRC/tests/ops/pngcount.py" "$SHOT" 2e7d32 c62828)
        diag "pixels: $px"
        g=$(printf '%s' "$px" | sed -n 's/.*2e7d32=\([0-9]*\).*/\1/p')
        r=$(printf '%s' "$px" | sed -n 's/.*c62828=\([0-9]*\).*/\1/p')
        check "the chart's completed bars are visible (${g:-0} px)" test "${g:-0}" -gt 2000
        check "the chart's failed bars are visible (${r:-0} px)" test "${r:-0}" -gt 2000
fi
done_testing
