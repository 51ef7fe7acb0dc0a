/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/workflow/ through fuzz/fuzz-workflow.c (see fuzz/replay.c). */
#define FUZZ_NAME "workflow"
#include "../../fuzz/fuzz-workflow.c"
#include "../../fuzz/replay.c"
