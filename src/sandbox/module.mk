# SPDX-License-Identifier: GPL-3.0-or-later
# sandbox: compile the seccomp policy into BPF at build time (src/sandbox/gen/seccomp-gen.c,
# with libseccomp) and embed it, so the cage loads ready-made programs and never runs
# libseccomp's compiler at start-up.
GEN_SRCS += $(B)/gen/cage-seccomp.c

$(B)/gen/seccomp-gen: src/sandbox/gen/seccomp-gen.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(shell $(PKG_CONFIG) --cflags libseccomp) -o $@ $< \
	        $(shell $(PKG_CONFIG) --libs libseccomp)

$(B)/gen/cage-seccomp.c: $(B)/gen/seccomp-gen
	# a build tool: leak checks (SANITIZE=address) do not matter for it
	ASAN_OPTIONS=detect_leaks=0 $< > $@.tmp && mv $@.tmp $@
