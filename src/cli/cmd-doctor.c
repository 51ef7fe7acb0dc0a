/* akios doctor: which cage layers this host offers, why (not), and how to enable them.
 * The detection lives in src/sandbox/ (cage_probe_host); this file only prints. Exit 1 when
 * the config requires every layer (sandbox_required: strict) and one is missing.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "config/config.h"
#include "sandbox/sandbox.h"

static bool strict_config(void)
{
        struct akios_config cfg;
        struct diag d = { 0 };
        char *dir = NULL, *path = NULL;
        bool strict = false;

        if (project_find(&dir) >= 0 && asprintf(&path, "%s/config.yaml", dir) < 0)
                path = NULL;
        if (config_load(&cfg, path, &d) >= 0) {
                strict = cfg.sandbox_required == SANDBOX_STRICT;
                config_free(&cfg);
        }
        free(dir);
        free(path);
        return strict;
}

static json_t *check_json(const struct cage_host_check *k)
{
        json_t *j = json_object();

        json_object_set_new(j, "available", json_boolean(k->available));
        json_object_set_new(j, "reason", json_string(k->reason));
        if (!k->available)
                json_object_set_new(j, "fix", json_string(k->fix));
        return j;
}

static void print_check(const char *name, const struct cage_host_check *k, const char *extra)
{
        printf("  %-14s %-4s %s%s\n", name, k->available ? "ok" : "MISSING", k->reason, extra);
        if (!k->available)
                printf("  %-14s      fix: %s\n", "", k->fix);
}

int cmd_doctor(int argc, char **argv)
{
        struct cage_host h;
        bool json = false, strict, all = true;

        for (int i = 1; i < argc; i++) {
                if (streq(argv[i], "--json"))
                        json = true;
                else if (streq(argv[i], "--help") || streq(argv[i], "-h"))
                        return command_help("doctor");
                else
                        return usage_error("doctor", "unknown argument '%s'", argv[i]);
        }
        strict = strict_config();
        cage_probe_host(&h);
        for (int i = 0; i < _CAGE_LAYER_MAX; i++)
                all = all && h.layer[i].available;
        all = all && h.cgroup.available;
        if (json) {
                json_t *j = json_object(), *layers = json_object();
                json_t *cg = check_json(&h.cgroup);

                for (int i = 0; i < _CAGE_LAYER_MAX; i++)
                        json_object_set_new(layers, cage_layer_name(i), check_json(&h.layer[i]));
                json_object_set_new(cg, "version", json_string(cage_cgroup_name(h.cgroup_version)));
                json_object_set_new(layers, "cgroup", cg);
                json_object_set_new(j, "layers", layers);
                json_object_set_new(j, "root", json_boolean(h.root));
                json_object_set_new(j, "landlock_abi", json_integer(h.landlock_abi));
                json_object_set_new(j, "sandbox_required",
                                    json_string(strict ? "strict" : "best-effort"));
                json_object_set_new(j, "ok", json_boolean(all || !strict));
                print_json(j);
        } else {
                printf("akios doctor: the kernel cage on this host (%s)\n",
                       h.root ? "running as root" : "running unprivileged");
                for (int i = 0; i < _CAGE_LAYER_MAX; i++)
                        print_check(cage_layer_name(i), &h.layer[i], "");
                print_check("cgroup", &h.cgroup, "");
                printf("sandbox_required: %s: %s\n", strict ? "strict" : "best-effort",
                       all ? "every layer is available"
                           : strict ? "a required layer is missing; runs will exit 7"
                                    : "missing layers are left out and reported in each run");
        }
        return strict && !all ? EXIT_FAIL : EXIT_OK;
}
