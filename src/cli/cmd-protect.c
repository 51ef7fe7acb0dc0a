/* akios protect: placeholder until its issue lands. Says so and fails; never pretends. */
#include <stdio.h>

#include "cli/cli.h"

const char help_protect[] = "";

int cmd_protect(int argc, char **argv)
{
        log_error("'protect' is not available in this build yet");
        return EXIT_FAIL;
}
