/* Temporary: commands of the foundation issue not written yet. */
#include <stdio.h>

#include "cli/cli.h"

#define STUB(n) int cmd_##n(int argc, char **argv) { log_error("'" #n "' is not available yet"); return EXIT_FAIL; }
STUB(init)
STUB(validate)
STUB(run)
STUB(templates)
STUB(files)
STUB(clean)
