/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/cond/ through fuzz/fuzz-cond.c (see fuzz/replay.c). */
#define FUZZ_NAME "cond"
#include "../../fuzz/fuzz-cond.c"
#include "../../fuzz/replay.c"
