// SPDX-License-Identifier: GPL-3.0-or-later
/* akios http METHOD URL [--body TEXT|@FILE] [-H 'Name: value']... [--timeout S] [--json]:
 * AKIOS's one-off request, made by the http agent inside a one-step run, so it gets exactly
 * a workflow's policy (allowed_domains, https, address checks, no unchecked redirects),
 * redaction both ways, caps and a ledger record. The step is written as a small workflow
 * (every value JSON-quoted, which YAML reads as the same string) and run by the engine.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <strings.h>
#include <unistd.h>

#include "agents/agents.h"
#include "cli/cli.h"
#include "config/config.h"
#include "engine/engine.h"
#include "workflow/workflow.h"

#define HTTP_CLI_BODY_MAX (10u << 20)

static int quoted(struct buf *b, const char *s)
{
        json_t *j = json_string(s);
        char *q = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
        int r = q ? buf_puts(b, q) : -EILSEQ;

        free(q);
        json_decref(j);
        return r;
}

static int build(struct buf *y, const char *method, const char *url, const char *body,
                 char **headers, size_t n_headers, long timeout)
{
        int r = buf_puts(y, "name: akios-http\nsteps:\n  - step: 1\n    agent: http\n"
                            "    action: ");

        if (r == 0)
                r = buf_printf(y, "%s\n", method);
        if (r == 0 && timeout > 0)
                r = buf_printf(y, "    config: {timeout: %ld}\n", timeout);
        if (r == 0)
                r = buf_puts(y, "    parameters:\n      url: ");
        if (r == 0)
                r = quoted(y, url);
        if (r == 0 && body) {
                r = buf_puts(y, "\n      data: ");
                if (r == 0)
                        r = quoted(y, body);
        }
        if (r == 0 && n_headers)
                r = buf_puts(y, "\n      headers:");
        for (size_t i = 0; r == 0 && i < n_headers; i++) {
                char *colon = strchr(headers[i], ':');
                const char *v = colon + 1;

                *colon = '\0';
                while (*v == ' ')
                        v++;
                r = buf_puts(y, "\n        ");
                if (r == 0)
                        r = quoted(y, headers[i]);
                if (r == 0)
                        r = buf_puts(y, ": ");
                if (r == 0)
                        r = quoted(y, v);
        }
        return r == 0 ? buf_puts(y, "\n") : r;
}

int cmd_http(int argc, char **argv)
{
        static const struct option opts[] = {
                { "body", required_argument, NULL, 'b' }, { "header", required_argument, NULL, 'H' },
                { "timeout", required_argument, NULL, 't' }, { "json", no_argument, NULL, 'j' },
                { "json-output", no_argument, NULL, 'j' }, {},
        };
        static const char *const methods[] = { "get", "post", "put", "delete", "patch" };
        char method[16], tmp[] = "/tmp/akios-http-XXXXXX", *headers[64];
        const char *body = NULL;
        struct buf file = BUF_INIT(HTTP_CLI_BODY_MAX), y = BUF_INIT(4 * HTTP_CLI_BODY_MAX);
        struct akios_config cfg = { 0 };
        struct workflow *wf = NULL;
        struct run_options o = { .quiet = true };
        json_t *summary = NULL;
        struct diag d = { 0 };
        size_t n_headers = 0, k;
        long timeout = 0;
        bool json = false;
        int c, fd, r;

        while ((c = getopt_long(argc, argv, "b:H:t:j", opts, NULL)) != -1) {
                if (c == 'b')
                        body = optarg;
                else if (c == 'H' && n_headers < ARRAY_SIZE(headers) && strchr(optarg, ':'))
                        headers[n_headers++] = optarg;
                else if (c == 't' && (timeout = strtol(optarg, NULL, 10)) > 0)
                        continue;
                else if (c == 'j')
                        json = true;
                else
                        return usage_error("http", "bad option (headers are 'Name: value', "
                                           "--timeout a positive number of seconds)");
        }
        if (argc - optind != 2)
                return usage_error("http", "needs METHOD and URL");
        snprintf(method, sizeof(method), "%s", argv[optind]);
        for (char *p = method; *p; p++)
                *p = (char)tolower((unsigned char)*p);
        for (k = 0; k < ARRAY_SIZE(methods) && !streq(methods[k], method); k++)
                ;
        if (k == ARRAY_SIZE(methods))
                return usage_error("http", "method '%s' is not one the http agent makes (get, "
                                   "post, put, delete, patch)", argv[optind]);
        if (body && body[0] == '@') {
                r = read_file_capped(body + 1, HTTP_CLI_BODY_MAX, &file);
                if (r < 0) {
                        log_error("%s: %s", body + 1, strerror(-r));
                        return EXIT_USAGE;
                }
                body = file.data ? file.data : "";
        }
        r = cli_load_config(NULL, true, &cfg);
        if (r)
                goto out;
        r = build(&y, method, argv[optind + 1], body, headers, n_headers, timeout);
        fd = r == 0 ? mkstemp(tmp) : -1;
        if (fd < 0 || write(fd, y.data, y.len) != (ssize_t)y.len) {
                log_error("cannot write the request's workflow: %s", strerror(r < 0 ? -r : errno));
                if (fd >= 0) {
                        close(fd);
                        unlink(tmp);
                }
                r = EXIT_FAIL;
                goto out;
        }
        close(fd);
        r = workflow_load(tmp, &cfg, &wf, &d);
        if (r < 0) {
                log_error("%s", d.msg);
                r = r == -EPERM ? EXIT_POLICY : EXIT_USAGE;
        } else {
                r = engine_run(&cfg, wf, &o, &summary, &d);
        }
        unlink(tmp);
        if (summary) {
                const json_t *st = json_array_get(json_object_get(summary, "steps"), 0);
                const json_t *res = json_object_get(st, "output");

                if (json)
                        print_json(r == 0 ? (json_t *)res : summary);
                else if (r == 0) {
                        const json_t *content = json_object_get(res, "content");

                        /* A remote host's bytes: control bytes shown escaped (term.c). */
                        printf("HTTP %lld\n",
                               (long long)json_integer_value(json_object_get(res, "status_code")));
                        term_print(stdout, json_string_value(content) ?: "",
                                   json_string_length(content));
                        putchar('\n');
                }
        }
        if (r && d.msg[0])
                log_error("%s", d.msg);
out:
        json_decref(summary);
        workflow_free(wf);
        config_free(&cfg);
        buf_free(&file);
        buf_free(&y);
        return r;
}
