/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/audit/ through fuzz/fuzz-audit.c (see fuzz/replay.c). */
#define FUZZ_NAME "audit"
#include "../../fuzz/fuzz-audit.c"
#include "../../fuzz/replay.c"
