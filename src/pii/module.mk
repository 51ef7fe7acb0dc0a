# SPDX-License-Identifier: GPL-3.0-or-later
# pii: with Hyperscan (Debian libhyperscan-dev, x86-64), compile the detector table into a
# serialized database at build time and embed it; without it, PCRE2 runs the same table alone.
# HYPERSCAN=auto (default): use it when pkg-config finds libhs; 1: required (an error when
# missing); 0: PCRE2 only.
HYPERSCAN ?= auto
ifeq ($(filter auto 0 1,$(HYPERSCAN)),)
$(error HYPERSCAN must be auto, 0 or 1, not '$(HYPERSCAN)')
endif
HS_FOUND := $(if $(filter-out 0,$(HYPERSCAN)),$(shell $(PKG_CONFIG) --exists libhs 2>/dev/null && echo yes))
ifeq ($(HYPERSCAN)$(HS_FOUND),1)
$(error HYPERSCAN=1 but pkg-config finds no libhs (Debian: libhyperscan-dev, x86-64 only))
endif
ifeq ($(HS_FOUND),yes)
PKGS     += libhs
CPPFLAGS += -DAKIOS_HAVE_HS=1
GEN_SRCS += $(B)/gen/pii-hsdb.c

$(B)/gen/gen-hsdb: src/pii/gen/gen-hsdb.c src/pii/patterns.c src/pii/patterns.h src/pii/pii.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags libhs jansson) -o $@ \
	        src/pii/gen/gen-hsdb.c src/pii/patterns.c $(shell $(PKG_CONFIG) --libs libhs)

$(B)/gen/pii-hsdb.c: $(B)/gen/gen-hsdb
	# a build tool: leak checks (SANITIZE=address) do not matter for it
	ASAN_OPTIONS=detect_leaks=0 $< > $@.tmp && mv $@.tmp $@
endif

# names.c (PERSON, STREET_ADDRESS, LOCATION): its lexicon and tagger, src/pii/names.mk.
include src/pii/names.mk
