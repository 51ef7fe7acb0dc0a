#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Numeric step config keys (http timeout and max_redirects, tool_executor timeout and
# max_output_size) have one range each (struct agent_config_range): a literal value out of
# range, or not an integer, is a validation error with file:line:col (exit 2), never a silent
# clamp to the default; a templated value is checked again after templating.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
sed -i "s/^allowed_domains:.*/allowed_domains: [127.0.0.1]/" config.yaml

# http_wf KEY VALUE: a get to a loopback port nothing listens on (never reached here).
http_wf() {
        cat <<EOS
name: ranges
steps:
  - step: 1
    agent: http
    action: get
    config:
      $1: $2
    parameters:
      url: "http://127.0.0.1:9/"
EOS
}

http_wf timeout 0 >workflows/t0.yml
run "$AKIOS" validate workflows/t0.yml
is "$rc" 2 "http timeout 0: validation error, exit 2"
like "$err" "workflows/t0.yml:7:16: config.timeout 0 is out of range 1\.\.300" \
        "the error has file:line:col and the range ($err)"

http_wf timeout 301 >workflows/t301.yml
run "$AKIOS" run workflows/t301.yml
is "$rc" 2 "http timeout 301: run refuses before any step (exit 2), no clamp to 300"
like "$err" "t301.yml:7:16: config.timeout 301 is out of range" "run gives the same position"
is "$(ls data/output 2>/dev/null | grep -c '^run_')" 0 "nothing was executed"

http_wf max_redirects 11 >workflows/r11.yml
run "$AKIOS" validate workflows/r11.yml
is "$rc" 2 "http max_redirects 11: exit 2"
like "$err" "r11.yml:7:22: config.max_redirects 11 is out of range 0\.\.10" "with its range"

http_wf timeout '"soon"' >workflows/ts.yml
run "$AKIOS" validate workflows/ts.yml
is "$rc" 2 "a non-integer timeout: exit 2"
like "$err" "ts.yml:7:16: config.timeout must be an integer 1\.\.300" "says what it must be"

http_wf timeout 300 >workflows/ok.yml
run "$AKIOS" validate workflows/ok.yml
is "$rc" 0 "timeout 300 (the maximum) is valid ($err)"

cat >workflows/tool.yml <<'EOS'
name: tool-range
steps:
  - step: 1
    agent: tool_executor
    action: run
    config: {timeout: 5, max_output_size: 0}
    parameters:
      command: [echo, hi]
EOS
run "$AKIOS" validate workflows/tool.yml
is "$rc" 2 "tool_executor max_output_size 0: exit 2"
like "$err" "tool.yml:6:43: config.max_output_size 0 is out of range 1\.\." "with file:line:col"

# A templated value: refused at validation too (numeric limits are literal; the engine checks
# the templated value against the same range again before the action, agent_config_long()).
cat >workflows/tpl.yml <<'EOS'
name: templated
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters:
      path: ./data/input/t.txt
  - step: 2
    agent: http
    action: get
    config:
      timeout: "{step_1_output}"
    parameters:
      url: "http://127.0.0.1:9/"
EOS
run "$AKIOS" validate workflows/tpl.yml
is "$rc" 2 "a templated timeout is a validation error"
like "$err" "tpl.yml:12:16: 'timeout' must be a number" "with file:line:col"
done_testing
