/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/template/ through fuzz/fuzz-template.c (see fuzz/replay.c). */
#define FUZZ_NAME "template"
#include "../../fuzz/fuzz-template.c"
#include "../../fuzz/replay.c"
