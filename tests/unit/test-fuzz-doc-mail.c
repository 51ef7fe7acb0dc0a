/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/doc-mail/ through fuzz/fuzz-doc-mail.c (see fuzz/replay.c). */
#define FUZZ_NAME "doc-mail"
#include "../../fuzz/fuzz-doc-mail.c"
#include "../../fuzz/replay.c"
