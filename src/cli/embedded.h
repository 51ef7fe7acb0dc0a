/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files embedded in the binary at build time (scripts/embed): the workflow templates and the
 * sample inputs that `akios init` writes into a new project. */
#pragma once

#include <stddef.h>

struct embedded_file {
        const char *name;               /* "hello-workflow.yml", "samples/batch/x.txt" */
        const unsigned char *data;      /* NUL-terminated */
        size_t size;
};

extern const struct embedded_file embedded_files[];
extern const unsigned n_embedded_files;
