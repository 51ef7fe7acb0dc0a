#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Filesystem confinement: `..`, absolute paths, symlinks pointing out, a sibling folder whose
# name starts like an allowed one, found statically by validate and at run time (exit 3);
# max_file_size_mb; unsupported formats; a 1 MB input flowing read -> llm -> write intact.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

cd "$T" && "$AKIOS" init p >/dev/null && cd p || exit 1
mkdir -p data/input2 outside
echo TOPSECRET-CONTENT > outside/secret.txt
echo input2 > data/input2/x.txt
echo fine > data/input/ok.txt
ln -s "$T/p/outside" data/input/link_dir
ln -s "$T/p/outside/secret.txt" data/input/link_file
ln -s /etc/passwd data/input/passwd

wf() { # name path [action]
        cat > "workflows/$1.yml" <<EOF2
name: $1
steps:
  - step: 1
    agent: filesystem
    action: ${3:-read}
    parameters:
      path: "$2"
EOF2
}

# Statically visible escapes: validate refuses with exit 3 and a position.
for c in "dotdot ./data/input/../../outside/secret.txt" "absolute /etc/passwd" \
         "sibling ./data/input2/x.txt" "home $HOME/.ssh/id_rsa"; do
        set -- $c
        wf "$1" "$2"
        run "$AKIOS" validate "workflows/$1.yml"
        is "$rc" 3 "validate: $1 path is a policy violation (exit 3)"
        like "$err" "workflows/$1.yml:7:13: " "validate: $1 reported with file:line:col"
        run "$AKIOS" run "workflows/$1.yml"
        is "$rc" 3 "run: $1 path is refused before anything runs"
done

# Escapes only visible at run time (symlinks; templated paths).
for c in "link_dir ./data/input/link_dir/secret.txt" "link_file ./data/input/link_file" \
         "passwd ./data/input/passwd"; do
        set -- $c
        wf "$1" "$2"
        run "$AKIOS" validate "workflows/$1.yml"
        is "$rc" 0 "validate: $1 looks fine statically"
        run "$AKIOS" run "workflows/$1.yml"
        is "$rc" 3 "run: symlink $1 pointing out is a policy violation (exit 3)"
        like "$err" "step 1 \(filesystem.read\): path .* escapes" "run: $1 reason names the step"
        unlike "$(cat data/output/run_*/output.json)" "TOPSECRET|root:x" "run: $1 leaked nothing"
done
wf sym_list ./data/input/link_dir list
run "$AKIOS" run workflows/sym_list.yml
is "$rc" 3 "run: list through a symlink out is refused"
for a in exists stat; do
        # exists/stat look at the link itself, never at its target.
        wf "sym_$a" ./data/input/link_dir "$a"
        run "$AKIOS" run "workflows/sym_$a.yml" --json
        is "$rc" 0 "run: $a of a symlink does not follow it"
        like "$out" '"type":"symlink"' "run: $a reports the link itself"
        wf "sym_${a}_in" ./data/input/link_dir/secret.txt "$a"
        run "$AKIOS" run "workflows/sym_${a}_in.yml"
        is "$rc" 3 "run: $a of a file behind a symlink out is refused"
done

printf '../../outside/secret.txt' > data/input/evil.txt
cat > workflows/templated.yml <<'EOF2'
name: templated
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters:
      path: ./data/input/evil.txt
  - step: 2
    agent: filesystem
    action: read
    parameters:
      path: "./data/input/{previous_output}"
EOF2
run "$AKIOS" run workflows/templated.yml
is "$rc" 3 "templated path that escapes is refused at run time"

# An allowed path that works, and a write under ./data/output/ landing in the run folder.
cat > workflows/good.yml <<'EOF2'
name: good
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters:
      path: ./data/input/ok.txt
  - step: 2
    agent: filesystem
    action: write
    parameters:
      path: ./data/output/copy.txt
      content: "{previous_output}"
  - step: 3
    agent: filesystem
    action: write
    parameters:
      path: ./data/output/copy.txt
      content: "again\n"
      append: true
EOF2
run "$AKIOS" run workflows/good.yml
is "$rc" 0 "reading and writing inside the allowed folders works"
is "$(cat data/output/run_*/copy.txt)" "fine
again" "write lands in the run folder; append appends"

# A broken document fails clearly (the caged extractor reads PDFs, tests/docs/).
printf '%%PDF-1.4\n%%binary\n' > data/input/doc.pdf
wf pdf ./data/input/doc.pdf
run "$AKIOS" run workflows/pdf.yml
is "$rc" 1 "a broken PDF is a step failure"
like "$err" "not a readable PDF" "the message says the PDF is not readable"

# max_file_size_mb.
head -c 2100000 /dev/zero | tr '\0' a > data/input/big.txt
wf big ./data/input/big.txt
run env AKIOS_MAX_FILE_SIZE_MB=1 "$AKIOS" run workflows/big.yml
is "$rc" 3 "a file over max_file_size_mb is refused"
like "$err" "max_file_size_mb" "the message names max_file_size_mb"

# 1 MB flows through read -> llm(mock) -> write without truncation.
/usr/bin/python3 -c '
import random
random.seed(7)
w = ["alpha","beta","gamma","delta","cage","ledger","budget","policy"]
out = []
n = 0
while n < 1048576:
    line = " ".join(random.choice(w) for _ in range(12)) + "\n"
    out.append(line); n += len(line)
open("data/input/mega.txt","w").write("".join(out)[:1048576])'
cat > workflows/mega.yml <<'EOF2'
name: mega
steps:
  - step: 1
    agent: filesystem
    action: read
    parameters:
      path: ./data/input/mega.txt
  - step: 2
    agent: llm
    action: complete
    parameters:
      prompt: "Summarize:\n{previous_output}"
  - step: 3
    agent: filesystem
    action: write
    parameters:
      path: ./data/output/mega-copy.txt
      content: "{step_1_output}"
EOF2
run "$AKIOS" run workflows/mega.yml --json
is "$rc" 0 "1 MB workflow exits 0"
dir=$(printf '%s' "$out" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["output_dir"])')
check "1 MB input written back byte for byte" cmp data/input/mega.txt "$dir/mega-copy.txt"
done_testing
