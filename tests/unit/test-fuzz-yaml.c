/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays fuzz/corpus/yaml/ through fuzz/fuzz-yaml.c (see fuzz/replay.c). */
#define FUZZ_NAME "yaml"
#include "../../fuzz/fuzz-yaml.c"
#include "../../fuzz/replay.c"
