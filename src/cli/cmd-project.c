/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small project commands: templates list, files, clean. */
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/embedded.h"
#include "config/config.h"
#include "util/yaml.h"

static bool has_json_flag(int argc, char **argv, int from)
{
        for (int i = from; i < argc; i++)
                if (streq(argv[i], "--json"))
                        return true;
        return false;
}

int cmd_templates(int argc, char **argv)
{
        bool json = has_json_flag(argc, argv, 1);
        json_t *list = json_array();

        if (argc < 2 || !streq(argv[1], "list"))
                return usage_error("templates", "expected 'list'");
        for (int i = 2; i < argc; i++)
                if (!streq(argv[i], "--json"))
                        return usage_error("templates", "unknown argument '%s'", argv[i]);
        for (unsigned i = 0; i < n_embedded_files; i++) {
                const struct embedded_file *f = &embedded_files[i];
                struct yaml_caps caps = YAML_CAPS_DEFAULT;
                struct ynode *root = NULL;
                const struct ynode *desc, *steps;
                struct diag d;

                if (strncmp(f->name, "samples/", 8) == 0)
                        continue;
                if (yaml_parse(f->name, (const char *)f->data, f->size, &caps, &root, &d) < 0)
                        continue;
                desc = ymap_get(root, "description");
                steps = ymap_get(root, "steps");
                if (json)
                        json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:I}", "name",
                                f->name, "path", f->name, "description", desc ? desc->str : "",
                                "steps", (json_int_t)(steps ? steps->n : 0)));
                else
                        printf("templates/%-24s %s\n", f->name, desc ? desc->str : "");
                ynode_free(root);
        }
        if (json) {
                json_t *j = json_pack("{s:o}", "templates", list);
                print_json(j);
                json_decref(j);
        } else {
                json_decref(list);
        }
        return EXIT_OK;
}

static json_t *list_dir(const char *path, const char *shown)
{
        json_t *arr = json_array();
        struct dirent *de;
        DIR *d = opendir(path);

        while (d && (de = readdir(d))) {
                char full[PATH_MAX];
                struct stat st;

                if (de->d_name[0] == '.')
                        continue;
                if (path_join(full, sizeof(full), path, de->d_name) < 0 || lstat(full, &st) < 0)
                        continue;
                json_array_append_new(arr, json_pack("{s:s,s:s,s:I,s:I}", "name", de->d_name,
                        "type", S_ISDIR(st.st_mode) ? "directory" : "file", "size",
                        (json_int_t)st.st_size, "mtime", (json_int_t)st.st_mtime));
        }
        if (d)
                closedir(d);
        return arr;
}

int cmd_files(int argc, char **argv)
{
        struct akios_config cfg = { 0 };
        const char *which = "all";
        bool json = has_json_flag(argc, argv, 1);
        json_t *out = json_object();
        char path[PATH_MAX];
        int r;

        for (int i = 1; i < argc; i++) {
                if (streq(argv[i], "--json"))
                        continue;
                if (!streq(argv[i], "input") && !streq(argv[i], "output") && !streq(argv[i], "all"))
                        return usage_error("files", "unknown argument '%s'", argv[i]);
                which = argv[i];
        }
        r = cli_load_config(NULL, true, &cfg);
        if (r) {
                json_decref(out);
                return r;
        }
        for (int k = 0; k < 2; k++) {
                const char *name = k == 0 ? "input" : "output";
                json_t *arr;

                if (!streq(which, "all") && !streq(which, name))
                        continue;
                snprintf(path, sizeof(path), "%s/data/%s", cfg.project_dir, name);
                arr = list_dir(path, name);
                if (!json) {
                        size_t i;
                        json_t *v;

                        printf("data/%s/\n", name);
                        json_array_foreach(arr, i, v)
                                printf("  %-40s %10lld\n",
                                       json_string_value(json_object_get(v, "name")),
                                       (long long)json_integer_value(json_object_get(v, "size")));
                }
                json_object_set_new(out, name, arr);
        }
        if (json)
                print_json(out);
        json_decref(out);
        config_free(&cfg);
        return EXIT_OK;
}

static int cmp_str(const void *a, const void *b)
{
        /* run_<ts>_9 comes before run_<ts>_10. */
        return strverscmp(*(char *const *)a, *(char *const *)b);
}

int cli_remove_tree(const char *path)
{
        DIR *d = opendir(path);
        struct dirent *de;
        int r = 0;

        if (!d)
                return unlink(path) < 0 ? -errno : 0;
        while ((de = readdir(d))) {
                char full[PATH_MAX];
                struct stat st;

                if (streq(de->d_name, ".") || streq(de->d_name, ".."))
                        continue;
                if (path_join(full, sizeof(full), path, de->d_name) < 0) {
                        r = -ENAMETOOLONG;
                        break;
                }
                if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode))
                        r = cli_remove_tree(full);
                else if (unlink(full) < 0)
                        r = -errno;
                if (r < 0)
                        break;
        }
        closedir(d);
        if (r == 0 && rmdir(path) < 0)
                r = -errno;
        return r;
}

int cmd_clean(int argc, char **argv)
{
        static const struct option opts[] = {
                { "keep", required_argument, NULL, 'k' },
                { "dry-run", no_argument, NULL, 'n' },
                { "json", no_argument, NULL, 'j' },
                {},
        };
        struct akios_config cfg = { 0 };
        struct strv runs = { 0 };
        uint64_t keep = 10;
        bool dry = false, json = false;
        char path[PATH_MAX];
        json_t *removed = json_array();
        struct dirent *de;
        DIR *d;
        int c, r;

        while ((c = getopt_long(argc, argv, "k:nj", opts, NULL)) != -1) {
                if (c == 'k' && parse_u64(optarg, &keep) == 0)
                        continue;
                if (c == 'n')
                        dry = true;
                else if (c == 'j')
                        json = true;
                else {
                        json_decref(removed);
                        return usage_error("clean", c == 'k' ? "--keep needs a number"
                                                             : "unknown option");
                }
        }
        r = cli_load_config(NULL, true, &cfg);
        if (r) {
                json_decref(removed);
                return r;
        }
        snprintf(path, sizeof(path), "%s/data/output", cfg.project_dir);
        d = opendir(path);
        while (d && (de = readdir(d)))
                if (strncmp(de->d_name, "run_", 4) == 0)
                        strv_push(&runs, de->d_name);
        if (d)
                closedir(d);
        if (runs.n)
                qsort(runs.v, runs.n, sizeof(char *), cmp_str);
        r = EXIT_OK;
        for (size_t i = 0; i + keep < runs.n; i++) {
                char full[PATH_MAX];

                if (path_join(full, sizeof(full), path, runs.v[i]) < 0 ||
                    (!dry && cli_remove_tree(full) < 0)) {
                        log_error("cannot remove '%s': %s", full, strerror(errno));
                        r = EXIT_FAIL;
                        break;
                }
                json_array_append_new(removed, json_string(runs.v[i]));
                if (!json)
                        printf("%s data/output/%s\n", dry ? "would remove" : "removed",
                               runs.v[i]);
        }
        if (json) {
                json_t *j = json_pack("{s:o,s:b,s:I}", "removed", removed, "dry_run", dry,
                                      "kept", (json_int_t)MIN(runs.n, keep));
                print_json(j);
                json_decref(j);
        } else {
                json_decref(removed);
        }
        strv_free(&runs);
        config_free(&cfg);
        return r;
}
