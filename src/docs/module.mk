# SPDX-License-Identifier: GPL-3.0-or-later
# docs: the document extractor `akios-extract`, built beside ./akios (src/docs/docs.h).
# src/docs/*.c (sniffing, running the caged helper) is in libakios.a like every module; the
# parsers in src/docs/extract/ link into the helper (and its fuzz targets) only, so the
# supervisor never links Poppler, libxml2 or libzip.
DOCS_PKGS   := poppler-cpp libxml-2.0 libzip jansson libseccomp
DOCS_CXX    ?= $(if $(findstring clang,$(CC)),clang++,g++)
DOCS_CFLAGS  = $(shell $(PKG_CONFIG) --cflags $(DOCS_PKGS) 2>/dev/null)
DOCS_LIBS    = $(shell $(PKG_CONFIG) --libs $(DOCS_PKGS) 2>/dev/null) -lstdc++
DOCS_C_SRCS := $(wildcard src/docs/extract/*.c)
DOCS_CC_SRCS := $(wildcard src/docs/extract/*.cc)
DOCS_MAIN   := src/docs/extract/main.c
DOCS_OBJS    = $(patsubst %.c,$(B)/%.o,$(filter-out $(DOCS_MAIN),$(DOCS_C_SRCS))) \
               $(patsubst %.cc,$(B)/%.o,$(DOCS_CC_SRCS))
EXTRACT_BIN ?= akios-extract
FUZZ_B      ?= build-fuzz

all: $(EXTRACT_BIN)

# The helper's build dependencies, checked with a clear message (make check-deps).
check-deps: check-docs-deps
.PHONY: check-docs-deps
check-docs-deps:
	@$(PKG_CONFIG) --exists $(DOCS_PKGS) || { echo "akios: missing build dependencies of akios-extract (libpoppler-cpp-dev, libxml2-dev, libzip-dev); run scripts/install-deps (as root)" >&2; \
	        $(PKG_CONFIG) --print-errors --exists $(DOCS_PKGS); exit 1; }

$(B)/src/docs/extract/%.o: src/docs/extract/%.c $(B)/FLAGS | check-deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(DOCS_CFLAGS) -MMD -MP -c $< -o $@

# C++ only for Poppler's frontend: the C flags minus the C-only ones.
DOCS_CXXFLAGS = $(filter-out -std=gnu11 -Wstrict-prototypes -Wmissing-prototypes,$(CFLAGS)) \
                -std=gnu++17
$(B)/src/docs/extract/%.o: src/docs/extract/%.cc $(B)/FLAGS | check-deps
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CXX     $<")
	$(Q)$(DOCS_CXX) $(CPPFLAGS) $(DOCS_CXXFLAGS) $(PKG_CFLAGS) $(DOCS_CFLAGS) -MMD -MP -c $< -o $@

$(B)/libakios-docs.a: $(DOCS_OBJS)
	@rm -f $@
	@$(if $(Q),echo "  AR      $@")
	$(Q)$(AR) rcs $@ $^

$(EXTRACT_BIN): $(B)/src/docs/extract/main.o $(B)/libakios-docs.a $(B)/libakios.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(DOCS_LIBS) $(LIBS)

# Fuzz targets and their replay tests link the parsers too (fuzz/fuzz-doc-*.c).
DOCS_TEST_LIBS = $(B)/libakios-docs.a $(B)/libakios.a $(DOCS_LIBS)
$(patsubst fuzz/fuzz-%.c,$(B)/tests/test-fuzz-%,$(wildcard fuzz/fuzz-doc-*.c)): \
        $(B)/libakios-docs.a
$(patsubst fuzz/fuzz-%.c,$(B)/tests/test-fuzz-%,$(wildcard fuzz/fuzz-doc-*.c)): \
        LIBS := $(DOCS_TEST_LIBS) $(LIBS)
$(patsubst fuzz/fuzz-%.c,$(B)/tests/test-fuzz-%,$(wildcard fuzz/fuzz-doc-*.c)): \
        PKG_CFLAGS += $(DOCS_CFLAGS)

$(FUZZ_B)/fuzz-doc-%: fuzz/fuzz-doc-%.c fuzz/fuzz.h fuzz/fuzz-doc.h $(FUZZ_B)/libakios-docs.a $(FUZZ_B)/libakios.a
	@$(if $(Q),echo "  FUZZLD  $@")
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) $(DOCS_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) \
	        -o $@ $< $(FUZZ_B)/libakios-docs.a $(FUZZ_B)/libakios.a $(DOCS_LIBS) $(LIBS)
