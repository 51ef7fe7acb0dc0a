/* akios compliance: placeholder until its issue lands. Says so and fails; never pretends. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_compliance(int argc, char **argv)
{
        log_error("'compliance' is not available in this build yet");
        return EXIT_FAIL;
}
