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
for f in $(grep -l '__SSE2__' src/*/*.c); do
        # shellcheck disable=SC2086 # pc is a list of flags
        if out=$(cc -std=gnu11 -fsyntax-only -U__SSE2__ -D_GNU_SOURCE -Isrc $pc -Wall -Wextra \
                -Wshadow -Wundef -Wno-unused-parameter -Wno-missing-field-initializers -Werror \
                "$f" 2>&1); then
                _tap_line 1 "$f compiles without SSE2 (no Hyperscan)"
        else
                _tap_line 0 "$f compiles without SSE2 (no Hyperscan)"
                printf '%s\n' "$out" | head -20 | sed 's/^/# /'
        fi
done
check "the sources with an SSE2 path were found" grep -q '__SSE2__' src/pii/tokens.c
done_testing
