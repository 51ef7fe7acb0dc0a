# SPDX-License-Identifier: GPL-3.0-or-later
# names.c's build steps (included by src/pii/module.mk):
# - the lexicon: data/lexicon/*.txt (rebuilt from their packages by scripts/import-lexicons)
#   become one hash table in $(B)/gen/pii-lexicon.c, compiled into the binary;
# - `make train-names`: regenerate the tagger's training data (src/pii/gen/names-traindata.py,
#   fixed seed) and retrain its weights into src/pii/names-weights.c (committed, so a build
#   never needs python or training).
LEX_FILES := $(addprefix data/lexicon/,given.txt surnames.txt cities.txt regions.txt \
                                        countries.txt words.txt streettypes.txt \
                                        places-extra.txt given-wide.txt towns.txt \
                                        names-intl.txt countries-intl.txt)
GEN_SRCS  += $(B)/gen/pii-lexicon.c

$(B)/gen/gen-lexicon: src/pii/gen/gen-lexicon.c src/pii/lexicon.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ src/pii/gen/gen-lexicon.c

$(B)/gen/pii-lexicon.c: $(B)/gen/gen-lexicon $(LEX_FILES)
	ASAN_OPTIONS=detect_leaks=0 $< $(LEX_FILES) > $@.tmp && mv $@.tmp $@

# The generated table is data: no warnings are useful on it, and -O0 compiles it 10x faster.
$(B)/$(B)/gen/pii-lexicon.o: private CFLAGS += -O0 -w

NAMES_TRAIN_SEED ?= 11
$(B)/gen/train-names: src/pii/gen/train-names.c $(B)/libakios.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -o $@ src/pii/gen/train-names.c $(B)/libakios.a \
	        $(LDFLAGS) $(LIBS)

.PHONY: train-names
train-names: $(B)/gen/train-names
	/usr/bin/python3 src/pii/gen/names-traindata.py --seed $(NAMES_TRAIN_SEED) \
	        -o $(B)/gen/names-train.jsonl
	$(B)/gen/train-names $(B)/gen/names-train.jsonl > src/pii/names-weights.c.tmp
	mv src/pii/names-weights.c.tmp src/pii/names-weights.c
	@echo "train-names: src/pii/names-weights.c rewritten; rebuild with make"
