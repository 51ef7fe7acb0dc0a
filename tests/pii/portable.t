#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The PII engine's portable paths compile: every source with an SSE2 path (#ifdef __SSE2__,
# which x86-64 always takes) must build without it too, as on arm64, where Debian has no
# Hyperscan and the byte-at-a-time code runs. A label defined only under __SSE2__ and used
# outside it (names.c, until 2026-12-07) broke that build and no x86-64 test saw it.
. "$AKIOS_SRC/tests/lib.sh"

require_cmd cc
cd "$AKIOS_SRC" || exit 1
pc=$(pkg-config --cflags libpcre2-8 jansson 2>/dev/null)
# the SSE2 build has Hyperscan where pkg-config finds it, as the Makefile decides
withhs=$pc
hs=$(pkg-config --cflags libhs 2>/dev/null) && withhs="$pc $hs -DAKIOS_HAVE_HS=1"
# gcc without SSE2; clang, where it is (CI's sanitizer pass builds with it), with and without:
# clang also reports a static inline function left unused, which gcc does not
for c in "cc -U__SSE2__" "clang -U__SSE2__" clang; do
        if ! command -v ${c%% *} > /dev/null; then
                skip "${c%% *} is not installed"
                continue
        fi
        how="$c" flags=$withhs
        case $c in *-U__SSE2__) how="${c%% *} without SSE2 (no Hyperscan)" flags=$pc ;; esac
        for f in $(grep -l '__SSE2__' src/*/*.c); do
                # shellcheck disable=SC2086 # c and flags are lists of words
                if out=$($c -std=gnu11 -fsyntax-only -D_GNU_SOURCE -Isrc $flags -Wall -Wextra \
                        -Wshadow -Wundef -Wno-unused-parameter -Wno-missing-field-initializers \
                        -Werror "$f" 2>&1); then
                        _tap_line 1 "$how: $f compiles"
                else
                        _tap_line 0 "$how: $f compiles"
                        printf '%s\n' "$out" | head -20 | sed 's/^/# /'
                fi
        done
done
check "the sources with an SSE2 path were found" grep -q '__SSE2__' src/pii/tokens.c
done_testing
