#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Replay every fuzz corpus (fuzz/corpus/<name>/: seeds and the reproducers of bugs found by
# `make fuzz`) through its target, built without libFuzzer as build/tests/test-fuzz-<name>
# (tests/unit/test-fuzz-<name>.c + fuzz/replay.c). One line per target, with the file count.
# A crash, a sanitizer report (SANITIZE=address,undefined builds) or a failed oracle fails it.
. "$AKIOS_SRC/tests/lib.sh"

for dir in "$AKIOS_SRC"/fuzz/corpus/*/; do
        dir=${dir%/}
        name=$(basename "$dir")
        bin=$AKIOS_BUILD/tests/test-fuzz-$name
        files=$(find "$dir" -maxdepth 1 -type f | wc -l)
        if [ ! -x "$bin" ]; then
                _tap_line 0 "$name: replay binary $bin is built"
                continue
        fi
        run "$bin" "$dir"
        if [ "$rc" = 0 ] && [ "$out" = "replayed $files files" ]; then
                _tap_line 1 "$name: $files corpus files replayed"
        else
                _tap_line 0 "$name: $files corpus files replayed"
                printf '#   exit %s: %s\n' "$rc" "$out"
                printf '%s\n' "$err" | grep -v '^$' | head -15 | sed 's/^/#   /'
        fi
done
# The document corpora also go through the real, caged extractor: every file ends in a
# result or a clear error (exit 1 naming the document), never a crash of akios or a hang.
# (`make test-unit`, CI's sanitizer pass, sets no $AKIOS: it replays the corpora in-process
# above; `make test` runs this part with the real binary.)
for dir in "$AKIOS_SRC"/fuzz/corpus/doc-*/; do
        if [ -z "${AKIOS:-}" ] || [ ! -x "$AKIOS" ]; then
                skip "$(basename "$dir"): no akios binary given (make test-unit); make test runs the caged extractor"
                continue
        fi
        bad=""
        for f in "$dir"*; do
                run "$AKIOS" protect scan "$f"
                case "$rc" in
                0) ;;
                1) printf '%s' "$err" | grep -q "cannot read '$f' as a document: " ||
                        bad="$bad $(basename "$f"):unclear" ;;
                *) bad="$bad $(basename "$f"):rc=$rc" ;;
                esac
        done
        is "${bad:-none}" none "$(basename "$dir"): each file read or refused clearly by the caged extractor"
done
# Every target has a corpus, and every corpus a target.
for src in "$AKIOS_SRC"/fuzz/fuzz-*.c; do
        name=$(basename "$src" .c)
        name=${name#fuzz-}
        check "$name: has a corpus and a replay test" test -d "$AKIOS_SRC/fuzz/corpus/$name" \
                -a -f "$AKIOS_SRC/tests/unit/test-fuzz-$name.c"
done
done_testing
