/* akios exec: placeholder until its issue lands. Says so and fails; never pretends. */
#include <stdio.h>

#include "cli/cli.h"

const char help_exec[] = "";

int cmd_exec(int argc, char **argv)
{
        log_error("'exec' is not available in this build yet");
        return EXIT_FAIL;
}
