/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/doc-html/ through fuzz/fuzz-doc-html.c (see fuzz/replay.c). */
#define FUZZ_NAME "doc-html"
#include "../../fuzz/fuzz-doc-html.c"
#include "../../fuzz/replay.c"
