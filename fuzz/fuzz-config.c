/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-config: config_load() of arbitrary bytes as a project's config.yaml (in a scratch
 * folder with no .env), then config_to_json() of what loads. The environment holds no
 * AKIOS_* variable here, so only the file is exercised.
 */
#include <stdint.h>

#include "fuzz.h"
#include "config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct akios_config c = { 0 };
        struct diag d = { 0 };
        char path[256];
        json_t *j;

        if (size > FUZZ_MAX_INPUT || fuzz_write("config.yaml", data, size, path,
                                                sizeof(path)) < 0)
                return 0;
        if (config_load(&c, path, &d) == 0) {
                j = config_to_json(&c);
                json_decref(j);
                config_free(&c);
        }
        (void)unlink(path);
        return 0;
}
