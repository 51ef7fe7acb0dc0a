# SPDX-License-Identifier: GPL-3.0-or-later
# fuzz.mk: `make fuzz` (included by the Makefile). Builds every fuzz/fuzz-<name>.c against a
# libakios.a compiled by clang with coverage and sanitizers, in build-fuzz/ (never the normal
# build folder), then runs each target for FUZZ_SECONDS, one at a time (-jobs=1 style: one
# process, one core). New inputs go to build-fuzz/corpus/<name>/ (fuzz/corpus/<name>/ is the
# curated seed corpus and is only read); crashes to build-fuzz/crashes/<name>/.
#   make fuzz                          all targets, 60 s each
#   make fuzz FUZZ_SECONDS=300 FUZZ_TARGETS="yaml cond"
# Not part of `make test`: there the corpora replay through tests/unit/test-fuzz-*.c.

FUZZ_B        ?= build-fuzz
FUZZ_CC       ?= clang
FUZZ_SECONDS  ?= 60
FUZZ_MAX_LEN  ?= 8192
FUZZ_SAN      := address,undefined
FUZZ_ALL      := $(patsubst fuzz/fuzz-%.c,%,$(wildcard fuzz/fuzz-*.c))
FUZZ_TARGETS  ?= $(FUZZ_ALL)
FUZZ_BINS      = $(patsubst %,$(FUZZ_B)/fuzz-%,$(FUZZ_TARGETS))
FUZZ_ENV      := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
                 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: fuzz fuzz-build
fuzz: fuzz-build
	@failed=""; for n in $(FUZZ_TARGETS); do \
	        mkdir -p $(FUZZ_B)/corpus/$$n $(FUZZ_B)/crashes/$$n; \
	        echo "  FUZZ    $$n ($(FUZZ_SECONDS) s)"; \
	        $(FUZZ_ENV) $(FUZZ_B)/fuzz-$$n -max_total_time=$(FUZZ_SECONDS) \
	                -max_len=$(FUZZ_MAX_LEN) -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 \
	                -artifact_prefix=$(FUZZ_B)/crashes/$$n/ \
	                $(FUZZ_B)/corpus/$$n fuzz/corpus/$$n 2>$(FUZZ_B)/fuzz-$$n.log \
	        || { grep -A12 -E '^==[0-9]+==ERROR|runtime error' $(FUZZ_B)/fuzz-$$n.log | head -40; \
	             failed="$$failed $$n"; }; \
	        grep -E '^stat::(number_of_executed_units|new_units_added)' $(FUZZ_B)/fuzz-$$n.log \
	                | sed 's/^/          /'; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failures in:$$failed (see $(FUZZ_B)/crashes/)" >&2; \
	        exit 1; fi

# The library with coverage instrumentation (fuzzer-no-link) and sanitizers, then the targets.
# Leak checking is off while building: build-time generators (src/pii/gen/gen-hsdb) are
# compiled with the same flags and do not free before exit.
fuzz-build:
	@scripts/install-deps --fuzz
	@command -v $(FUZZ_CC) >/dev/null || \
	        { echo "fuzz: $(FUZZ_CC) is needed (apt-get install clang)" >&2; exit 1; }
	@ASAN_OPTIONS=detect_leaks=0 $(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) \
	        SANITIZE=fuzzer-no-link,$(FUZZ_SAN) $(FUZZ_B)/libakios.a
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) \
	        SANITIZE=fuzzer-no-link,$(FUZZ_SAN) $(FUZZ_BINS)

$(FUZZ_B)/fuzz-%: fuzz/fuzz-%.c fuzz/fuzz.h $(FUZZ_B)/libakios.a
	@$(if $(Q),echo "  FUZZLD  $@")
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) \
	        -o $@ $< $(FUZZ_B)/libakios.a $(LIBS)

# The replay unit tests #include the target and fuzz/replay.c; rebuild them when those change.
$(foreach n,$(FUZZ_ALL),\
        $(eval $(B)/tests/test-fuzz-$(n): fuzz/fuzz-$(n).c fuzz/fuzz.h fuzz/replay.c))
