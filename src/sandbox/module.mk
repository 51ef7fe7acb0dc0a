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

# The cage's pid 1 (src/sandbox/init/cage-init.c): a separate static program of a few KB,
# built without libc where we have raw syscalls (x86-64, aarch64; elsewhere static with
# libc), and embedded in the library by .incbin (src/sandbox/init.c). Its own flags: no
# sanitizers, no stack protector, no PIE.
CAGE_INIT_FLAGS := -Os -static -fno-pie -fno-stack-protector -fno-asynchronous-unwind-tables \
        -fno-builtin -Wall -Wextra $(if $(filter 1,$(DEVELOPER)),-Werror)
$(B)/gen/cage-init: src/sandbox/init/cage-init.c src/sandbox/init-msg.h $(B)/FLAGS
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CAGE_INIT_FLAGS) -nostdlib -o $@ $< 2>/dev/null || \
	        $(CC) $(CAGE_INIT_FLAGS) -DCAGE_INIT_LIBC -o $@ $<
$(B)/src/sandbox/init.o: $(B)/gen/cage-init
$(B)/src/sandbox/init.o: CPPFLAGS += -DCAGE_INIT_BIN='"$(abspath $(B))/gen/cage-init"'
