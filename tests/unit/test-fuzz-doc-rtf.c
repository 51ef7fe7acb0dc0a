/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/doc-rtf/ through fuzz/fuzz-doc-rtf.c (see fuzz/replay.c). */
#define FUZZ_NAME "doc-rtf"
#include "../../fuzz/fuzz-doc-rtf.c"
#include "../../fuzz/replay.c"
