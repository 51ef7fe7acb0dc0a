/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/doc-zip/ through fuzz/fuzz-doc-zip.c (see fuzz/replay.c). */
#define FUZZ_NAME "doc-zip"
#include "../../fuzz/fuzz-doc-zip.c"
#include "../../fuzz/replay.c"
