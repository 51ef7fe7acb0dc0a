/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report: HTML escaping (table-driven), run folder ordering, and a rendered page that keeps
 * every data string inert. */
#include <stdio.h>
#include <stdlib.h>

#include "report/report.h"
#include "tap.h"

static const struct {
        const char *in, *want;
} esc_cases[] = {
        { "", "" },
        { "plain text", "plain text" },
        { "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;" },
        { "a & b", "a &amp; b" },
        { "\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;" },
        { "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;" },
        { "&amp;", "&amp;amp;" },
        { "caf\xc3\xa9 \xe2\x82\xac", "caf\xc3\xa9 \xe2\x82\xac" },
};

static const struct {
        const char *a, *b;
        int sign;
} cmp_cases[] = {
        { "run_2026-11-28T23-08-54Z", "run_2026-11-28T23-08-54Z", 0 },
        { "run_2026-11-28T23-08-54Z", "run_2026-11-28T23-08-54Z_2", -1 },
        { "run_2026-11-28T23-08-54Z_2", "run_2026-11-28T23-08-54Z_10", -1 },
        { "run_2026-11-28T23-08-54Z_10", "run_2026-11-28T23-08-55Z", -1 },
        { "run_2027-01-01T00-00-00Z", "run_2026-12-31T23-59-59Z_9", 1 },
};

static int sign(int x)
{
        return (x > 0) - (x < 0);
}

int main(void)
{
        for (size_t i = 0; i < ARRAY_SIZE(esc_cases); i++) {
                struct buf b = BUF_INIT(0);

                report_html_escape(&b, esc_cases[i].in);
                is_str(b.data ? b.data : "", esc_cases[i].want, "escape '%s'", esc_cases[i].in);
                buf_free(&b);
        }
        for (size_t i = 0; i < ARRAY_SIZE(cmp_cases); i++)
                is_int(sign(report_run_cmp(cmp_cases[i].a, cmp_cases[i].b)), cmp_cases[i].sign,
                       "order %s vs %s", cmp_cases[i].a, cmp_cases[i].b);

        /* A document whose every string carries markup renders with none of it live. */
        const char *evil = "<script>x</script>";
        json_t *step = json_pack("{s:i,s:s,s:s,s:s,s:f,s:f,s:s}", "step", 1, "agent", evil,
                                 "action", evil, "status", evil, "duration_ms", 1.5,
                                 "cost_usd", 0.25, "error", evil);
        json_t *doc = json_pack("{s:s,s:s,s:s,s:{s:s},s:{s:f},s:[{s:s,s:s,s:s,s:f,s:[o]}],"
                                "s:{s:i},s:{s:s,s:i,s:s,s:{s:s,s:i,s:s,s:s}},s:[{s:s,s:s}],"
                                "s:{s:b,s:s}}",
                                "format", REPORT_FORMAT, "generated_at", evil, "akios_version",
                                evil, "project", "dir", evil, "budget", "limit_per_run_usd", 1.0,
                                "runs", "run_id", evil, "workflow", evil, "status", evil,
                                "total_cost", 0.25, "steps", step,
                                "redactions_by_type", "<b>EMAIL</b>", 3,
                                "ledger", "dir", evil, "events", 5, "verify_command", evil,
                                "checkpoint", "origin", evil, "size", 5, "root_hex", evil,
                                "note", evil,
                                "denials", "action", evil, "reason", evil,
                                "cage", "sandbox_enabled", 1, "sandbox_required", evil);
        struct buf b = BUF_INIT(0);

        ok(doc != NULL, "test document built");
        is_int(report_html(doc, &b), 0, "report_html succeeds");
        ok(b.data && !strstr(b.data, "<script") && !strstr(b.data, "<b>EMAIL"),
           "no data string is live markup");
        ok(b.data && strstr(b.data, "&lt;script&gt;x&lt;/script&gt;") != NULL,
           "data strings are shown escaped");
        ok(b.data && strstr(b.data, "&lt;b&gt;EMAIL&lt;/b&gt;") != NULL,
           "redaction type names are escaped in the chart");
        ok(b.data && strstr(b.data, "budget $1.00") != NULL, "cost chart has the budget line");
        buf_free(&b);
        json_decref(doc);
        return done_testing();
}
