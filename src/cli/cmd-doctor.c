/* akios doctor: placeholder until its issue lands. Says so and fails; never pretends. */
#include <stdio.h>

#include "cli/cli.h"

int cmd_doctor(int argc, char **argv)
{
        log_error("'doctor' is not available in this build yet");
        return EXIT_FAIL;
}
