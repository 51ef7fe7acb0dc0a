/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-workflow: workflow_load() of arbitrary bytes as a workflow file in a scratch project
 * (default config, project_dir = the scratch folder): YAML, the step schema, agent/action
 * lookup, parameter checks, policy checks on paths/commands/domains/models, ${VAR}
 * templating at load, condition parsing and step-reference checks. On success it walks the
 * steps the way the engine does. The tool command-line splitter is reached through
 * tool_executor steps (`command:` strings).
 */
#include <stdint.h>

#include "fuzz.h"
#include "config/config.h"
#include "workflow/workflow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static struct akios_config cfg;
        static bool have_cfg;
        struct workflow *w = NULL;
        struct diag d = { 0 };
        char path[256];
        int r;

        if (!have_cfg) {
                if (config_defaults(&cfg) < 0 || !fuzz_dir() ||
                    !(cfg.project_dir = strdup(fuzz_dir())) ||
                    setenv("AKIOS_FUZZ_NAME", "world", 1) < 0)
                        abort();
                have_cfg = true;
        }
        if (size > FUZZ_MAX_INPUT || fuzz_write("workflow.yml", data, size, path,
                                                sizeof(path)) < 0)
                return 0;
        r = workflow_load(path, &cfg, &w, &d);
        if (r == 0) {
                if (!w)
                        abort();
                for (size_t i = 0; i < w->n_steps; i++)
                        if (workflow_step_position(w, w->steps[i].number) == 0)
                                abort();        /* every loaded step must be findable */
        } else if (w) {
                abort();                        /* ret_* written only on success */
        }
        workflow_free(w);
        (void)unlink(path);
        return 0;
}
