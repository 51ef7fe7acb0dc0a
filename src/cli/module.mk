# SPDX-License-Identifier: GPL-3.0-or-later
# Embed the templates and sample inputs in the binary (akios init, templates list); only the
# binary uses them, so the generated file is not in libakios.a.
EMBED_FILES := $(sort $(wildcard templates/*.yml) $(wildcard templates/samples/*.txt) \
                      $(wildcard templates/samples/*/*.txt))
CLI_GEN_SRCS += $(B)/gen/embedded.c

$(B)/gen/embedded.c: $(EMBED_FILES) scripts/embed
	@mkdir -p $(dir $@)
	scripts/embed templates/ $(EMBED_FILES) > $@.tmp && mv $@.tmp $@
