/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/doc-pdf/ through fuzz/fuzz-doc-pdf.c (see fuzz/replay.c). */
#define FUZZ_NAME "doc-pdf"
#include "../../fuzz/fuzz-doc-pdf.c"
#include "../../fuzz/replay.c"
