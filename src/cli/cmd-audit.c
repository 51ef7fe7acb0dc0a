/* akios audit: placeholder until its issue lands. Says so and fails; never pretends. */
#include <stdio.h>

#include "cli/cli.h"

const char help_audit[] = "";

int cmd_audit(int argc, char **argv)
{
        log_error("'audit' is not available in this build yet");
        return EXIT_FAIL;
}
