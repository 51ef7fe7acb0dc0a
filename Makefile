# SPDX-License-Identifier: GPL-3.0-or-later
# akios: one GNU Makefile. `make` builds ./akios; `make test` and `make demo` first install
# the Debian packages they need (scripts/install-deps), so both work on a fresh machine.
#
# Knobs: DEVELOPER=1 (-Werror), SANITIZE=address,undefined, CC=clang, B=build-asan (the build
# folder), HYPERSCAN=auto|0|1 (src/pii/module.mk), STATIC=0, DEPS=1 (`make test` installs the
# Debian packages first; the default only as root), PREFIX=/usr/local, DESTDIR=.
# A change of CC, CFLAGS, CPPFLAGS, LDFLAGS, SANITIZE, DEVELOPER or the libraries rebuilds
# everything ($(B)/FLAGS, as git's GIT-CFLAGS); warning flags the compiler lacks are dropped
# (probed once per compiler, cached in $(B)/cc-warnings).
# Modules are folders under src/; every src/*/*.c but src/cli/ goes into build/libakios.a,
# which the binary, the unit tests and the fuzzers link; src/cli/ (commands, main, embedded
# templates) links into the binary only. A module that needs build-time steps (e.g. an
# embedded database) adds them in its own src/<module>/module.mk.

VERSION    := 0.1.0
PREFIX     ?= /usr/local
DESTDIR    ?=
CC         ?= cc
PKG_CONFIG ?= pkg-config
PKGS       := yaml-0.1 jansson libcurl libcrypto libseccomp libpcre2-8

B   ?= build
BIN ?= akios

WARN_ALL := -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes \
        -Wpointer-arith -Wvla -Wno-unused-parameter -Wno-missing-field-initializers -Wundef \
        -Wcast-align
WARN := $(shell scripts/cc-warnings $(B)/cc-warnings '$(CC)' $(WARN_ALL))
CFLAGS   ?= -O2 -g
CFLAGS   += -std=gnu11 $(WARN) -fno-strict-aliasing -fstack-protector-strong
CPPFLAGS += -D_GNU_SOURCE -D_FORTIFY_SOURCE=2 -DAKIOS_VERSION='"$(VERSION)"' -Isrc
# Compact relative relocations (DT_RELR, glibc >= 2.36): the static libraries' pointer tables
# otherwise need 18,000 relocation entries read at every start (0.4 MB less resident).
RELR := $(shell printf 'int main(void){return 0;}' | $(CC) -x c - -Wl,-z,pack-relative-relocs \
                -o /dev/null 2>/dev/null && echo -Wl,-z,pack-relative-relocs)
LDFLAGS += $(RELR)
ifeq ($(DEVELOPER),1)
CFLAGS += -Werror
endif
ifneq ($(SANITIZE),)
CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
endif

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
# libcurl is not linked: src/llm/curl-loader.c loads it on first use (start-up cost).
# libseccomp is needed only by the build tool that compiles the cage filter to BPF.
# The other libraries are linked statically where Debian ships the .a (STATIC=0 to opt out),
# so no dynamic loader work is paid for them at every start.
LINK_PKGS  = $(filter-out libcurl libseccomp,$(PKGS))
STATIC    ?= 1
ifeq ($(STATIC),1)
PKG_LIBS   = -Wl,-Bstatic $(shell $(PKG_CONFIG) --libs $(LINK_PKGS) 2>/dev/null) \
             $(if $(filter libhs,$(PKGS)),-lstdc++) -Wl,-Bdynamic
else
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(LINK_PKGS) 2>/dev/null) \
             $(if $(filter libhs,$(PKGS)),-lstdc++)
endif
LIBS       = $(PKG_LIBS) -lm -ldl -pthread

LIB_SRCS  := $(filter-out src/cli/%,$(wildcard src/*/*.c))
GEN_SRCS  :=
# The command-line front end: linked into $(BIN) only (module fragments may add generated
# sources that only the binary uses to CLI_GEN_SRCS).
CLI_SRCS  := $(wildcard src/cli/*.c)
CLI_GEN_SRCS :=
EXTRA_DEPS :=

# The default goal: `make` alone builds ./akios, whatever the module fragments below define.
.DEFAULT_GOAL := all

# Module build fragments may add to GEN_SRCS, LIBS, EXTRA_DEPS and define their own rules.
include $(wildcard src/*/module.mk)

LIB_OBJS  = $(patsubst %.c,$(B)/%.o,$(LIB_SRCS) $(GEN_SRCS))
CLI_OBJS  = $(patsubst %.c,$(B)/%.o,$(CLI_SRCS) $(CLI_GEN_SRCS))
UNIT_SRCS := $(wildcard tests/unit/test-*.c)
UNIT_BINS := $(patsubst tests/unit/%.c,$(B)/tests/%,$(UNIT_SRCS))
TEST_SCRIPTS = $(sort $(wildcard tests/*/*.t))
HELPER_SRCS := $(wildcard tests/helpers/*.c)
HELPER_BINS := $(patsubst tests/helpers/%.c,$(B)/helpers/%,$(HELPER_SRCS)) \
               $(patsubst tests/helpers/preload/%.c,$(B)/helpers/%.so,$(wildcard tests/helpers/preload/*.c))

.PHONY: all test test-unit demo bench install uninstall clean deps check-deps unit FORCE
all: $(BIN)

# Everything that changes what the compiler or the linker produces. When it differs from the
# last build's, $(B)/FLAGS is rewritten and every object, tool and program depends on it.
TRACK_FLAGS = $(subst ','\'',$(CC) | $(CPPFLAGS) | $(CFLAGS) | $(LDFLAGS) | $(LIBS) | \
        SANITIZE=$(SANITIZE) DEVELOPER=$(DEVELOPER) HYPERSCAN=$(HYPERSCAN) STATIC=$(STATIC))
$(B)/FLAGS: FORCE
	@mkdir -p $(B)
	@if [ x'$(TRACK_FLAGS)' != x"$$(cat $@ 2>/dev/null)" ]; then \
	        [ -f $@ ] && echo "  FLAGS   changed: rebuilding everything in $(B)/"; \
	        printf '%s\n' '$(TRACK_FLAGS)' > $@; fi

deps:
	@scripts/install-deps

# Fail early, and clearly, when a build dependency is missing.
check-deps:
	@$(PKG_CONFIG) --exists $(PKGS) || { echo "akios: missing build dependencies; run scripts/install-deps (as root)" >&2; \
	        $(PKG_CONFIG) --print-errors --exists $(PKGS); exit 1; }

Q := $(if $(V),,@)

$(B)/%.o: %.c $(B)/FLAGS | check-deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(B)/libakios.a: $(LIB_OBJS)
	@rm -f $@
	@$(if $(Q),echo "  AR      $@")
	$(Q)$(AR) rcs $@ $^

$(BIN): $(CLI_OBJS) $(B)/libakios.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libakios.a tests/tap.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(CPPFLAGS) -Itests $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $< $(B)/libakios.a $(LIBS)

# Helper programs run by tests (probes, fake peers); built static where they go in the cage.
$(B)/helpers/%: tests/helpers/%.c $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -static -o $@ $< || $(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $<

# LD_PRELOAD shims for tests (e.g. a moved wall clock).
$(B)/helpers/%.so: tests/helpers/preload/%.c $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -shared -fPIC -o $@ $< -ldl

unit: $(UNIT_BINS)

# Installing packages needs root: `make test` does it (scripts/install-deps) only as root or
# with DEPS=1 (DEPS=0: never); otherwise the tests that need a missing tool skip and say so.
DEPS_WANTED = [ "$(DEPS)" = 1 ] || { [ "$(DEPS)" != 0 ] && [ "$$(id -u)" = 0 ]; }
test:
	@if $(DEPS_WANTED); then scripts/install-deps; fi
	@$(MAKE) --no-print-directory $(BIN) $(EXTRACT_BIN) unit $(HELPER_BINS)
	AKIOS=$(abspath $(BIN)) AKIOS_BUILD=$(abspath $(B)) AKIOS_SRC=$(CURDIR) \
	        prove -e '' $(UNIT_BINS) $(TEST_SCRIPTS)

# The unit tests and the fuzz corpora replay alone (no binary, no cage, no root): what CI's
# second pass runs under SANITIZE=address,undefined (.ci/run).
test-unit:
	@$(MAKE) --no-print-directory unit
	AKIOS_BUILD=$(abspath $(B)) AKIOS_SRC=$(CURDIR) prove -e '' $(UNIT_BINS) tests/fuzz/replay.t

demo: deps
	@$(MAKE) --no-print-directory akios
	@scripts/demo

bench: deps
	@$(MAKE) --no-print-directory akios $(EXTRACT_BIN) $(HELPER_BINS)
	@for b in bench/*.sh; do AKIOS=$(CURDIR)/akios AKIOS_BUILD=$(CURDIR)/$(B) sh $$b || exit 1; done

install: $(BIN) $(EXTRACT_BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	        $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	        $(DESTDIR)$(PREFIX)/share/akios/templates/samples/batch
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/akios
	install -m 0755 $(EXTRACT_BIN) $(DESTDIR)$(PREFIX)/bin/akios-extract
	install -m 0644 docs/akios.1 $(DESTDIR)$(PREFIX)/share/man/man1/akios.1
	install -m 0644 contrib/bash-completion/akios \
	        $(DESTDIR)$(PREFIX)/share/bash-completion/completions/akios
	install -m 0644 templates/*.yml $(DESTDIR)$(PREFIX)/share/akios/templates/
	install -m 0644 templates/samples/*.txt $(DESTDIR)$(PREFIX)/share/akios/templates/samples/
	install -m 0644 templates/samples/batch/*.txt \
	        $(DESTDIR)$(PREFIX)/share/akios/templates/samples/batch/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/akios $(DESTDIR)$(PREFIX)/bin/akios-extract $(DESTDIR)$(PREFIX)/share/man/man1/akios.1 \
	        $(DESTDIR)$(PREFIX)/share/bash-completion/completions/akios
	rm -rf $(DESTDIR)$(PREFIX)/share/akios

# Build the Dockerfile with buildah against a debootstrapped Debian 12 base image, then run
# the image's root filesystem (akios --version, a mock hello run). Needs root, buildah and
# debootstrap (scripts/install-deps) and the Debian archive; not part of `make test`.
.PHONY: test-docker
test-docker: $(BIN)
	@scripts/install-deps --docker
	AKIOS=$(abspath $(BIN)) AKIOS_BUILD=$(abspath $(B)) AKIOS_SRC=$(CURDIR) \
	        prove -v -e '' tests/docker/build.sh

# The cage tests inside podman with runc and its default seccomp profile (tests/container/);
# needs root, podman and runc (scripts/install-deps --container); not part of `make test`.
.PHONY: test-container
test-container: $(BIN) $(HELPER_BINS)
	@scripts/install-deps --container
	AKIOS=$(abspath $(BIN)) AKIOS_BUILD=$(abspath $(B)) AKIOS_SRC=$(CURDIR) \
	        prove -v -e '' tests/container/podman.sh tests/container/runtimes.sh

clean:
	rm -rf $(B) akios akios-extract

-include $(shell find $(B) -name '*.d' 2>/dev/null)

# The build-time tools of the module fragments are compiled with the same flags.
$(B)/gen/seccomp-gen $(B)/gen/gen-hsdb: $(B)/FLAGS

# Fuzz targets (fuzz/fuzz-*.c): `make fuzz`, not part of `make test` (see fuzz/fuzz.mk).
include fuzz/fuzz.mk
