/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios init [DIR] [--force]: scaffold a project. Writes config.yaml (every key with its
 * default, from the config table), .env (AKIOS_MOCK_LLM=1 so a new project runs offline),
 * .env.example, templates/, workflows/, data/input/ (samples), data/output/, audit/ with the
 * ledger's signing key. Existing files are kept unless --force; nothing is deleted.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/stat.h>

#include "audit/audit.h"
#include "cli/cli.h"
#include "cli/embedded.h"
#include "config/config.h"
#include "pii/pii.h"

static const char env_file[] =
        "# akios environment. Variables already set in the environment win over this file.\n"
        "# Offline by default: the mock provider answers every LLM step.\n"
        "AKIOS_MOCK_LLM=1\n"
        "\n"
        "# To use a real model, set AKIOS_MOCK_LLM=0 and one of these keys:\n"
        "# OPENAI_API_KEY=\n"
        "# ANTHROPIC_API_KEY=\n"
        "# GEMINI_API_KEY=\n"
        "# MISTRAL_API_KEY=\n"
        "# GROK_API_KEY=\n"
        "# OLLAMA_HOST=http://localhost:11434\n"
        "# Amazon Bedrock (provider bedrock): AWS_ACCESS_KEY_ID=, AWS_SECRET_ACCESS_KEY=,\n"
        "# AWS_SESSION_TOKEN= (temporary keys only), AWS_REGION=us-east-1\n"
        "# AKIOS_LLM_PROVIDER=openai\n"
        "# AKIOS_LLM_MODEL=gpt-4o-mini\n";

static const char gitignore_file[] =
        "# Secrets and run outputs stay out of version control.\n"
        ".env\n"
        "data/output/\n"
        "audit/key\n";

struct written {
        unsigned created, kept;
};

static int put_file(const char *dir, const char *name, const void *data, size_t len,
                    mode_t mode, bool force, struct written *w)
{
        char path[PATH_MAX], parent[PATH_MAX];
        struct stat st;
        const char *slash;
        int r;

        snprintf(path, sizeof(path), "%s/%s", dir, name);
        if (!force && lstat(path, &st) == 0) {
                w->kept++;
                return 0;
        }
        slash = strrchr(path, '/');
        snprintf(parent, sizeof(parent), "%.*s", (int)(slash - path), path);
        r = mkdir_p(parent, 0755);
        if (r == 0)
                r = write_file_atomic(path, data, len, mode);
        if (r < 0) {
                log_error("cannot write '%s': %s", path, strerror(-r));
                return r;
        }
        w->created++;
        return 0;
}

static int write_embedded(const char *dir, bool force, struct written *w)
{
        char name[PATH_MAX];
        int r;

        for (unsigned i = 0; i < n_embedded_files; i++) {
                const struct embedded_file *f = &embedded_files[i];

                if (strncmp(f->name, "samples/", 8) == 0)
                        snprintf(name, sizeof(name), "data/input/%s", f->name + 8);
                else
                        snprintf(name, sizeof(name), "templates/%s", f->name);
                r = put_file(dir, name, f->data, f->size, 0644, force, w);
                if (r < 0)
                        return r;
        }
        return 0;
}

static int make_dirs(const char *dir)
{
        static const char *const dirs[] = { "templates", "workflows", "data/input",
                                            "data/output", "audit" };
        char path[PATH_MAX];
        int r;

        for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
                snprintf(path, sizeof(path), "%s/%s", dir, dirs[i]);
                r = mkdir_p(path, streq(dirs[i], "audit") ? 0700 : 0755);
                if (r < 0) {
                        log_error("cannot create '%s': %s", path, strerror(-r));
                        return r;
                }
        }
        return 0;
}

static int make_keys(const char *dir)
{
        uint8_t id[8];
        char hex[17], origin[64], audit_dir[PATH_MAX], msg[1200];
        struct diag d = { 0 };
        int r;

        if (getrandom(id, sizeof(id), 0) != sizeof(id))
                return -errno;
        hex_encode(id, sizeof(id), hex);
        snprintf(origin, sizeof(origin), "akios/%s", hex);
        snprintf(audit_dir, sizeof(audit_dir), "%s/audit", dir);
        r = audit_keygen(audit_dir, origin, &d);
        if (r < 0) {
                diag_format(&d, msg, sizeof(msg));
                log_error("cannot create the audit signing key: %s", msg);
                return r;
        }
        {
                /* The redaction key for the `hash` strategy (HMAC-SHA-256). */
                uint8_t key[32];
                char path[PATH_MAX + 16];

                snprintf(path, sizeof(path), "%s/pii.key", audit_dir);
                r = pii_key_load_or_create(path, key);
                explicit_bzero(key, sizeof(key));
                if (r < 0)
                        log_error("cannot create the redaction key '%s': %s", path,
                                  strerror(-r));
        }
        return r;
}

int cmd_init(int argc, char **argv)
{
        static const struct option opts[] = {
                { "force", no_argument, NULL, 'f' },
                { "quiet", no_argument, NULL, 'q' },
                { "json", no_argument, NULL, 'j' },     /* AKIOS's init --json */
                {},
        };
        struct written w = { 0 };
        struct buf cfg = BUF_INIT(0);
        bool force = false, quiet = false, json = false;
        const char *dir = ".";
        int c, r;

        while ((c = getopt_long(argc, argv, "fq", opts, NULL)) != -1) {
                switch (c) {
                case 'f':
                        force = true;
                        break;
                case 'q':
                        quiet = true;
                        break;
                case 'j':
                        json = true;
                        break;
                default:
                        return usage_error("init", "unknown option");
                }
        }
        if (argc - optind > 1)
                return usage_error("init", "too many arguments");
        if (optind < argc)
                dir = argv[optind];
        r = mkdir_p(dir, 0755);
        if (r < 0) {
                log_error("cannot create '%s': %s", dir, strerror(-r));
                return EXIT_FAIL;
        }
        r = make_dirs(dir);
        if (r == 0)
                r = config_write_yaml(&cfg);
        if (r == 0)
                r = put_file(dir, "config.yaml", cfg.data, cfg.len, 0644, force, &w);
        buf_free(&cfg);
        if (r == 0)
                r = put_file(dir, ".env", env_file, sizeof(env_file) - 1, 0600, force, &w);
        if (r == 0)
                r = put_file(dir, ".env.example", env_file, sizeof(env_file) - 1, 0644, force,
                             &w);
        if (r == 0)
                r = put_file(dir, ".gitignore", gitignore_file, sizeof(gitignore_file) - 1,
                             0644, force, &w);
        if (r == 0)
                r = write_embedded(dir, force, &w);
        if (r == 0)
                r = make_keys(dir);
        if (r < 0)
                return EXIT_FAIL;
        if (json) {
                _cleanup_free_ char *abs = realpath(dir, NULL);
                json_t *j = json_pack("{s:s,s:s,s:I,s:I,s:b}", "status", "success", "project",
                                      abs ? abs : dir, "files_written", (json_int_t)w.created,
                                      "files_kept", (json_int_t)w.kept, "mock_mode", 1);

                print_json(j);
                json_decref(j);
        } else if (!quiet) {
                printf("akios project ready in '%s' (%u files written, %u kept)\n", dir,
                       w.created, w.kept);
                printf("next: cd %s && akios run templates/hello-workflow.yml\n", dir);
        }
        return EXIT_OK;
}
