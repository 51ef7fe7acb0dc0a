/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/dotenv/ through fuzz/fuzz-dotenv.c (see fuzz/replay.c). */
#define FUZZ_NAME "dotenv"
#include "../../fuzz/fuzz-dotenv.c"
#include "../../fuzz/replay.c"
