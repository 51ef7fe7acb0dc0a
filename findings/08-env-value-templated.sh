#!/bin/sh
# Finding 08 (low, not fixed; for the lead): the value of an allowed ${VAR} is itself read
# as a step template. With OKVAR='got:{step_1_output}' listed in allowed_env_vars, step 2's
# "${OKVAR}" becomes "got:<step 1's output>"; OKVAR='{previous_output}' in step 1 is exit 2
# "at workflows/t.yml:6:57", a file:line:col for text that is not in the file. A value from
# an untrusted source (a CI branch name) steers the data flow. ${...} inside a value is NOT
# re-expanded (OKVAR='${DB_PASSWORD}' writes the literal text): held.
set -u
AK=${AKIOS:-$PWD/akios}
D=$(mktemp -d /tmp/a2-env.XXXXXX)
cd "$D" && "$AK" init q >/dev/null 2>&1 && cd q
sed -i 's/^allowed_env_vars:.*/allowed_env_vars: [OKVAR]/' config.yaml
printf 'name: t\nsteps:\n  - step: 1\n    agent: filesystem\n    action: write\n    parameters: {path: "./data/output/a.txt", content: "first"}\n  - step: 2\n    agent: filesystem\n    action: write\n    parameters: {path: "./data/output/x.txt", content: "${OKVAR}"}\n' >workflows/t.yml
OKVAR='got:{step_1_output}' "$AK" run workflows/t.yml >/dev/null 2>&1
echo "exit $?; step 2 wrote: $(cat data/output/run_*/x.txt) (want the literal 'got:{step_1_output}')"
rm -rf "$D"
