#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The pip package: `pip install --no-build-isolation ./python` into a fresh venv, offline
# (--no-index), with Debian's python3, setuptools and wheel; then its unittest suite against
# the installed package. AKIOS_BINARY bundles the binary under test; AKIOS_PY_MAKE=1 makes the
# package build its own binary with make instead (slower: a full C build).
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

PY=/usr/bin/python3
if ! $PY -c 'import venv, ensurepip' 2>/dev/null && ! $PY -c 'import venv' 2>/dev/null; then
        skip "Debian's python3-venv is not installed"
        done_testing; exit
fi
if ! $PY -c 'import setuptools, wheel' 2>/dev/null; then
        skip "python3-setuptools / python3-wheel are not installed"
        done_testing; exit
fi
# --system-site-packages: the build uses Debian's setuptools and wheel (no package index).
$PY -m venv --system-site-packages --without-pip "$T/venv" >"$T/venv.out" 2>&1
is "$?" 0 "venv created"
# Build from a copy of the tree so the in-tree build folders stay out of the sources.
mkdir -p "$T/src"
(cd "$AKIOS_SRC" && tar cf - --exclude='./build*' --exclude=./akios --exclude=./.git \
        --exclude='./python/build' --exclude='*.egg-info' .) | (cd "$T/src" && tar xf -)
if [ "${AKIOS_PY_MAKE:-0}" = 1 ]; then unset AKIOS_BINARY; else export AKIOS_BINARY="$AKIOS"; fi
(cd "$T" && "$T/venv/bin/python3" -m pip install --no-build-isolation --no-index \
        --disable-pip-version-check -q ./src/python) >"$T/pip.out" 2>&1
rc=$?
is "$rc" 0 "pip install --no-build-isolation --no-index ./python"
[ "$rc" = 0 ] || sed 's/^/# /' "$T/pip.out" | tail -30
check "console command installed" test -x "$T/venv/bin/akios"
bundled=$("$T/venv/bin/python3" -c 'import akios; print(akios.binary())')
like "$bundled" "/site-packages/akios/bin/akios$" "the binary is bundled in the package"
unset AKIOS_BINARY
PATH="$T/venv/bin:$PATH" "$T/venv/bin/python3" -m unittest discover -v \
        -s "$AKIOS_SRC/python/tests" -t "$AKIOS_SRC/python/tests" >"$T/ut.out" 2>&1
rc=$?
sed 's/^/# /' "$T/ut.out"
is "$rc" 0 "python unittest suite passes against the installed package"
"$T/venv/bin/python3" -m pip uninstall -y -q akios >/dev/null 2>&1
check "pip uninstall removes the command" test ! -e "$T/venv/bin/akios"
done_testing
