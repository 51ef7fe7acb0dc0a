/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/pii/ through fuzz/fuzz-pii.c (see fuzz/replay.c). */
#define FUZZ_NAME "pii"
#include "../../fuzz/fuzz-pii.c"
#include "../../fuzz/replay.c"
