/* Replays fuzz/corpus/pii/ through fuzz/fuzz-pii.c (see fuzz/replay.c). */
#define FUZZ_NAME "pii"
#include "../../fuzz/fuzz-pii.c"
#include "../../fuzz/replay.c"
