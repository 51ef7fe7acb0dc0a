#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 15, finding 1 and 6: a workflow can only narrow config.yaml's allowed_paths; audit/,
# .env, config.yaml and the keys are never reachable (by name, by '.', by an in-project symlink
# root, by a hard link); robust files (FIFO, non-UTF-8 names, refused writes leave the old file,
# path normalisation before the run-folder mapping, prompts not rewritten).
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
"$AKIOS" run workflows/hello.yml >/dev/null 2>&1 || "$AKIOS" run templates/hello-workflow.yml >/dev/null 2>&1
key_before=$(sha256sum audit/key | cut -d' ' -f1)
ledger_before=$(wc -c < audit/ledger.jsonl)

step() { # name action path [allowed_paths-yaml] [extra-params]
        cat > "workflows/$1.yml" <<EOF2
name: $1
steps:
  - step: 1
    agent: filesystem
    action: $2
    ${4:+config:
      allowed_paths: $4}
    parameters:
      path: "$3"
      ${5:-}
EOF2
}

# 1. A step's allowed_paths outside the ceiling, or naming a control file: exit 3 at validation.
for c in "audit read audit/key [audit]" "dot read audit/key [.]" "dotslash read ./audit/key [./]" \
         "env read .env [.env]" "cfg write config.yaml [config.yaml]" \
         "wider read workflows/x.yml [workflows]"; do
        set -- $c
        if [ "$2" = write ]; then step "$1" "$2" "$3" "$4" "content: x"; else step "$1" "$2" "$3" "$4"; fi
        run "$AKIOS" validate "workflows/$1.yml"
        is "$rc" 3 "validate: allowed_paths $4 ($1) is refused (exit 3)"
        like "$err" "workflows/$1.yml:[0-9]+:[0-9]+: " "validate: $1 names file:line:col"
        run "$AKIOS" run "workflows/$1.yml"
        is "$rc" 3 "run: allowed_paths $4 ($1) is refused"
        unlike "$(cat data/output/run_*/output.json 2>/dev/null)" "PRIVATE|ed25519|BEGIN" \
                "run: $1 leaked no key material"
done

# 2. An in-project symlink root (workflows/up -> ..) widening the ceiling in config.yaml: the
#    node decides, not the name.
ln -s .. data/input/up
mkdir -p data/input/sub && ln -s ../../../audit data/input/sub/aud
step sym read data/input/up/audit/key
run "$AKIOS" run workflows/sym.yml
is "$rc" 3 "a symlink inside an allowed folder that leads to audit/key is refused"
sed -i 's#^allowed_paths:.*#allowed_paths: [templates, data/input, data/output, workflows/up]#' config.yaml
ln -s .. workflows/up
step symroot read workflows/up/audit/key "[workflows/up]"
run "$AKIOS" run workflows/symroot.yml
is "$rc" 3 "an allowed root that is a symlink to the project folder is refused at open"
like "$err" "control file|outside|leaves" "  ... with the reason"
sed -i 's#^allowed_paths:.*#allowed_paths: [templates, data/input, data/output]#' config.yaml
if ln audit/key data/input/hardkey 2>/dev/null; then
        step hard read data/input/hardkey
        run "$AKIOS" run workflows/hard.yml
        is "$rc" 3 "a hard link of audit/key inside data/input is refused (same inode)"
else
        skip "cannot hard-link audit/key here"
fi
# A custom audit_storage_path inside data/input is still protected.
is "$(sha256sum audit/key | cut -d' ' -f1)" "$key_before" "the signing key is unchanged"
run "$AKIOS" audit verify
is "$rc" 0 "the ledger still verifies after every attempt"

# 3. Writes: control files and earlier runs' records are never replaced.
step wcfg write config.yaml "" "content: pwned"
run "$AKIOS" run workflows/wcfg.yml
is "$rc" 3 "writing config.yaml is refused"
old=$(ls -d data/output/run_* | head -1)
cp "$old/output.json" "$T/old.json"
step wold write "./data/./output/$(basename "$old")/output.json" "" "content: forged"
run "$AKIOS" run workflows/wold.yml
check "an earlier run's output.json is not overwritten (./data/./output/...)" cmp -s "$old/output.json" "$T/old.json"
step wrec write "data/output/output.json" "" "content: forged"
run "$AKIOS" run workflows/wrec.yml
is "$rc" 3 "a step cannot replace its own run's output.json"

# 4. A write refused for size leaves the old file whole; a failed write never truncates.
sed -i 's#^max_file_size_mb:.*#max_file_size_mb: 1#' config.yaml
mkdir -p data/output
{ head -c 900000 /dev/zero | tr '\0' k; printf 'keep me\n'; } > data/input/keep.txt
cp data/input/keep.txt "$T/keep.txt"
cat > workflows/big.yml <<EOF2
name: big
steps:
  - step: 1
    agent: filesystem
    action: write
    config:
      allowed_paths: [data/input]
    parameters:
      path: data/input/keep.txt
      append: true
      content: "$(head -c 200000 /dev/zero | tr '\0' b)"
EOF2
run "$AKIOS" run workflows/big.yml
is "$rc" 3 "a write over max_file_size_mb is refused (exit 3)"
check "  ... and the old file is whole" cmp -s data/input/keep.txt "$T/keep.txt"
sed -i 's#^max_file_size_mb:.*#max_file_size_mb: 10#' config.yaml
check "no temporary file is left beside it" sh -c '! ls -a data/input | grep -q akios-tmp'

# 5. A FIFO: read and write refuse it at once (no hang; the kill-after is a safety net only).
mkfifo data/input/fifo
step fifo read data/input/fifo
run timeout -s KILL 60 "$AKIOS" run workflows/fifo.yml
is "$rc" 1 "reading a FIFO fails at once (exit 1, not a hang)"
like "$err" "not a regular file" "  ... naming why"
cat > workflows/fifow.yml <<'EOF2'
name: fifow
steps:
  - step: 1
    agent: filesystem
    action: write
    config:
      allowed_paths: [data/input]
    parameters:
      path: data/input/fifo
      content: x
EOF2
run timeout -s KILL 60 "$AKIOS" run workflows/fifow.yml
is "$rc" 1 "writing over a FIFO fails at once"
check "the FIFO is still a FIFO" test -p data/input/fifo
rm data/input/fifo

# 6. Non-UTF-8 names are listed escaped, never a crash.
mkdir -p data/input/names && touch "$(printf 'data/input/names/bad\377name')" data/input/names/ok
step lst list data/input/names
run "$AKIOS" run --json workflows/lst.yml
is "$rc" 0 "listing a folder with a non-UTF-8 name succeeds"
like "$out" 'bad\\\\xffname' "  ... the name is escaped as \\xff"
like "$out" '"name_escaped": ?true' "  ... and marked"

# 7. A prompt that starts with data/output/ is not rewritten into a host path.
cat > workflows/prompt.yml <<'EOF2'
name: prompt
steps:
  - step: 1
    agent: llm
    action: complete
    parameters:
      prompt: "data/output/report.txt is where the summary goes"
EOF2
run "$AKIOS" run --json workflows/prompt.yml
is "$rc" 0 "the llm step runs"
unlike "$(cat data/output/run_*/output.json)" "$T/p/data/output/run_[^\"]*/report.txt is where" \
        "the prompt was not rewritten into the run folder's host path"

# A FIFO where a workflow or the config belongs is refused at once, never waited on (red-team
# finding: `akios validate`/`run` of a FIFO workflow hung forever).
mkfifo workflows/fifo-wf.yml
run timeout -s KILL 60 "$AKIOS" validate workflows/fifo-wf.yml
is "$rc" 2 "validate of a FIFO workflow: exit 2 at once"
like "$err" "not a regular file" "  ... naming why"
run timeout -s KILL 60 "$AKIOS" run workflows/fifo-wf.yml
is "$rc" 2 "run of a FIFO workflow: exit 2 at once"
rm -f workflows/fifo-wf.yml

# Red-team finding 05: ${VAR} reads akios's own environment only for the names config.yaml
# lists (allowed_env_vars) and the two the shipped templates use; a name the credential
# heuristic misses is refused at its position (exit 3), never written into a step's output.
envwf() { # VAR: a workflow writing ${VAR} into a file
        cat > workflows/ev.yml <<EOF2
name: ev
steps:
  - step: 1
    agent: filesystem
    action: write
    parameters: {path: ./data/output/ev.txt, content: "v=\${$1}"}
EOF2
}
for v in DB_PASS PASS MYAPP_SIGNING SESSION LICENSE_ID; do
        envwf $v
        rm -rf data/output/run_*
        run env "$v=Zq8vK2mP9xL4wR7t" "$AKIOS" run workflows/ev.yml
        is "$rc" 3 "\${$v} from akios's environment is refused (exit 3)"
        like "$err" "workflows/ev.yml:6:58: '\\\$\\{$v\\}'.*add '$v' to allowed_env_vars in config.yaml" \
                "  ... at file:line:col, naming the variable and the config key"
        check "  ... and its value is in no file of the run" \
                sh -c '! grep -rqF Zq8vK2mP9xL4wR7t data/output audit'
done
envwf REGION
run env REGION=eu-west-3 "$AKIOS" validate workflows/ev.yml
is "$rc" 3 "an unlisted \${REGION} is refused by validate too"
sed -i 's/^allowed_env_vars:.*/allowed_env_vars: [REGION, PGPASSWORD]/' config.yaml
grep -q '^allowed_env_vars: \[REGION' config.yaml || echo 'allowed_env_vars: [REGION, PGPASSWORD]' >> config.yaml
rm -rf data/output/run_*
run env REGION=eu-west-3 "$AKIOS" run workflows/ev.yml
is "$rc" 0 "with allowed_env_vars: [REGION] the workflow runs"
is "$(cat data/output/run_*/ev.txt 2>/dev/null)" "v=eu-west-3" "  ... and reads it"
# An allowed variable's value is data, never a step reference (attack finding 08): with
# REGION='{previous_output}' the environment would steer what a step reads.
for val in '{previous_output}' 'x{step_1_output}y'; do
        rm -rf data/output/run_*
        run env "REGION=$val" "$AKIOS" run workflows/ev.yml
        is "$rc" 2 "\${REGION}='$val' is refused (exit 2), not read as a step reference"
        like "$err" "workflows/ev.yml:6:[0-9]+: the value of '\\\$\\{REGION\\}' holds a step reference" \
                "  ... at the scalar's file:line:col, naming the variable"
done
rm -rf data/output/run_*
run env 'REGION={"zone": "a"}' "$AKIOS" run workflows/ev.yml
is "$(cat data/output/run_*/ev.txt 2>/dev/null)" 'v={"zone": "a"}' "  ... while other braces in a value pass as they are"
envwf PGPASSWORD
run env PGPASSWORD=Zq8vK2mP9xL4wR7t "$AKIOS" run workflows/ev.yml
is "$rc" 3 "listing a credential name does not free it: \${PGPASSWORD} outside a header is refused"
like "$err" "PGPASSWORD.*header" "  ... by the secret rule"
sed -i '/^allowed_env_vars:/d' config.yaml

done_testing
