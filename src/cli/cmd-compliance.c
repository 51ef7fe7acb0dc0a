/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios compliance report: write the auditor's report of a project, as one self-contained
 * HTML page or as JSON. Gathering and rendering live in src/report/; this file parses the
 * arguments, writes the file and says where it went. It exits 6 (after writing the report)
 * when the ledger does not verify, so a script cannot miss it.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "cli/cli.h"
#include "config/config.h"
#include "report/report.h"

const char help_compliance[] =
        "Writes one report for an auditor: the latest run's timeline, recent runs, cost per\n"
        "step against the budget, redactions by type, the cage layers this host offers, the\n"
        "policy and budget denials of the ledger, the ledger's signed checkpoint, the result of\n"
        "a full verification and how to repeat it.\n"
        "\n"
        "  --format html|json  html (default): one file, inline SVG charts, no external asset,\n"
        "                      no script; json: the same data (format akios-compliance-report/1)\n"
        "  --out FILE          where to write it; '-' for stdout (default:\n"
        "                      data/output/compliance_report.html or .json in the project)\n"
        "\n"
        "Exit 0 when written, 6 when written but the ledger failed verification.\n";

static int help(void)
{
        command_help("compliance");
        return EXIT_OK + 1000;
}

static int parse(int argc, char **argv, bool *ret_json, const char **ret_out)
{
        static const struct option opts[] = {
                { "format", required_argument, NULL, 'f' },
                { "out", required_argument, NULL, 'o' },
                { "help", no_argument, NULL, 'h' },
                {},
        };
        int c;

        if (argc < 2 || !streq(argv[1], "report")) {
                if (argc >= 2 && (streq(argv[1], "--help") || streq(argv[1], "-h")))
                        return help();
                return usage_error("compliance", "expected 'report'");
        }
        optind = 2;
        opterr = 0;
        while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
                if (c == 'h')
                        return help();
                if (c == 'o')
                        *ret_out = optarg;
                else if (c == 'f' && (streq(optarg, "html") || streq(optarg, "json")))
                        *ret_json = streq(optarg, "json");
                else if (c == 'f')
                        return usage_error("compliance", "unknown format '%s' (html or json)",
                                           optarg);
                else
                        return usage_error("compliance", "unknown option '%s'",
                                           argv[optind - 1]);
        }
        if (optind < argc)
                return usage_error("compliance", "unexpected argument '%s'", argv[optind]);
        return 0;
}

static int write_out(const char *path, const struct buf *b)
{
        if (streq(path, "-"))
                return write_all(STDOUT_FILENO, b->data, b->len);
        return write_file_atomic(path, b->data, b->len, 0644);
}

int cmd_compliance(int argc, char **argv)
{
        struct akios_config cfg;
        struct report_opts o;
        struct buf b = BUF_INIT(0);
        char audit_dir[PATH_MAX], def[PATH_MAX];
        const char *out = NULL;
        bool json = false, verified;
        json_t *doc = NULL, *v;
        int r;

        r = parse(argc, argv, &json, &out);
        if (r)
                return r >= 1000 ? r - 1000 : r;
        r = cli_load_config(NULL, true, &cfg);
        if (r)
                return r;
        r = report_opts_from_config(&o, &cfg, audit_dir, sizeof(audit_dir));
        o.probe_cage = o.verify_ledger = true;
        if (r == 0)
                r = report_collect(&o, &doc);
        if (r < 0) {
                log_error("cannot gather the report of '%s': %s", cfg.project_dir,
                          strerror(-r));
                config_free(&cfg);
                return EXIT_FAIL;
        }
        if (json) {
                char *s = json_dumps(doc, JSON_INDENT(2) | JSON_SORT_KEYS);

                r = s ? buf_puts(&b, s) : -ENOMEM;
                if (r == 0)
                        r = buf_putc(&b, '\n');
                free(s);
        } else {
                r = report_html(doc, &b);
        }
        if (r == 0 && !out) {
                r = snprintf(def, sizeof(def), "%s/data/output/compliance_report.%s",
                             cfg.project_dir, json ? "json" : "html");
                r = r > 0 && (size_t)r < sizeof(def) ? 0 : -ENAMETOOLONG;
                out = def;
                if (r == 0) {
                        *strrchr(def, '/') = 0;
                        r = mkdir_p(def, 0755);
                        def[strlen(def)] = '/';
                }
        }
        if (r == 0)
                r = write_out(out, &b);
        v = json_object_get(json_object_get(doc, "ledger"), "verify");
        verified = json_is_true(json_object_get(v, "verified")) ||
                   json_integer_value(json_object_get(json_object_get(doc, "ledger"),
                                                      "events")) == 0;
        if (r < 0)
                log_error("cannot write '%s': %s", out ? out : "-", strerror(-r));
        else if (!streq(out, "-"))
                printf("wrote %s\n", out);
        if (r == 0 && !verified)
                log_error("the audit ledger does not verify: %s; run 'akios audit verify' in "
                          "'%s'", json_string_value(json_object_get(v, "reason")) ?: "?",
                          cfg.project_dir);
        json_decref(doc);
        buf_free(&b);
        config_free(&cfg);
        return r < 0 ? EXIT_FAIL : verified ? EXIT_OK : EXIT_AUDIT;
}
