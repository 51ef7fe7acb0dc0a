/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading the project for a command: find config.yaml (walking up like git), load .env into
 * the environment (existing variables win), then the config with AKIOS_* overrides. Prints the
 * diagnostic itself, since it is CLI code, and returns an exit code.
 */
#include <limits.h>
#include <stdio.h>

#include "cli/cli.h"
#include "config/config.h"

int cli_load_config(const char *config_path, bool need_project, struct akios_config *cfg)
{
        _cleanup_free_ char *found = NULL;
        struct diag d = { 0 };
        char msg[1200], env[PATH_MAX], file[PATH_MAX];
        const char *path = config_path;
        int r;

        if (!path && project_find(&found) == 0) {
                snprintf(file, sizeof(file), "%s/config.yaml", found);
                path = file;
        }
        if (!path && need_project) {
                log_error("not inside an akios project (no config.yaml here or in any parent "
                          "folder); create one with 'akios init'");
                return EXIT_USAGE;
        }
        if (path) {
                const char *slash = strrchr(path, '/');

                if (slash)
                        snprintf(env, sizeof(env), "%.*s/.env", (int)(slash - path), path);
                else
                        snprintf(env, sizeof(env), ".env");
                r = dotenv_load(env, &d);
                if (r < 0) {
                        diag_format(&d, msg, sizeof(msg));
                        log_error("%s", msg);
                        return EXIT_USAGE;
                }
        }
        r = config_load(cfg, path, &d);
        if (r < 0) {
                diag_format(&d, msg, sizeof(msg));
                log_error("%s", msg);
                return EXIT_USAGE;
        }
        for (size_t i = 0; i < cfg->notices.n; i++)
                fprintf(stderr, "akios: note: %s\n", cfg->notices.v[i]);
        if (getenv("AKIOS_DEBUG") && *getenv("AKIOS_DEBUG") && !streq(getenv("AKIOS_DEBUG"), "0"))
                fprintf(stderr, "akios: debug: config %s, project %s, mock_llm %s, .env %s\n",
                        cfg->config_path ? cfg->config_path : "(defaults)",
                        cfg->project_dir ? cfg->project_dir : "(none)",
                        cfg->mock_llm || (getenv("AKIOS_MOCK_LLM") &&
                                          streq(getenv("AKIOS_MOCK_LLM"), "1")) ? "on" : "off",
                        path ? env : "(none)");
        return EXIT_OK;
}
