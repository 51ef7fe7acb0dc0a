/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/llm/ through fuzz/fuzz-llm.c (see fuzz/replay.c). */
#define FUZZ_NAME "llm"
#include "../../fuzz/fuzz-llm.c"
#include "../../fuzz/replay.c"
