/* akios status: placeholder until its issue lands. Says so and fails; never pretends. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_status(int argc, char **argv)
{
        log_error("'status' is not available in this build yet");
        return EXIT_FAIL;
}
