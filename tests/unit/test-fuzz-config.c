/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/config/ through fuzz/fuzz-config.c (see fuzz/replay.c). */
#define FUZZ_NAME "config"
#include "../../fuzz/fuzz-config.c"
#include "../../fuzz/replay.c"
