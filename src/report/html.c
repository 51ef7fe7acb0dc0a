/* SPDX-License-Identifier: GPL-3.0-or-later */
/* html: the compliance report as one self-contained HTML page.
 *
 * Input is the document of report_collect(); output is appended to a buf. Inline CSS and
 * inline SVG only: no script, no font, no image or link to anything outside the file, so the
 * page renders offline and its content is exactly what the bytes say. Every string taken from
 * the document goes through report_html_escape(); numbers are printed by us. Charts: the
 * latest run's timeline, the recent runs, cost per step against the budget, redactions by
 * type. This file does not gather data and does not print.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "report/report.h"

#define W 760 /* chart width in px */

int report_html_escape(struct buf *out, const char *s)
{
        static const char *const ent[256] = {
                ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
                ['\''] = "&#39;",
        };
        int r = 0;

        for (; s && *s && r == 0; s++) {
                const char *e = ent[(unsigned char)*s];

                r = e ? buf_puts(out, e) : buf_putc(out, *s);
        }
        return r;
}

/* The page being written. Appends are sticky: after the first failure (the cap, or memory)
 * nothing more is appended and report_html() returns that error, so a report with a part
 * missing is never handed back as complete. */
struct html {
        struct buf *out;
        int err;
};

static void put(struct html *b, const char *s)
{
        if (b->err == 0)
                b->err = buf_puts(b->out, s);
}

static void putch(struct html *b, char c)
{
        if (b->err == 0)
                b->err = buf_putc(b->out, c);
}

_printf_(2, 3) static void putf(struct html *b, const char *fmt, ...)
{
        va_list ap;
        char *s = NULL;
        int n;

        if (b->err)
                return;
        va_start(ap, fmt);
        n = vasprintf(&s, fmt, ap);
        va_end(ap);
        b->err = n < 0 ? -ENOMEM : buf_append(b->out, s, (size_t)n);
        free(s);
}

static const char *jstr(const json_t *o, const char *key)
{
        return json_string_value(json_object_get(o, key));
}

static double jnum(const json_t *o, const char *key)
{
        return json_number_value(json_object_get(o, key));
}

/* Escaped text; "-" when NULL or empty. */
static void esc(struct html *b, const char *s)
{
        if (b->err == 0)
                b->err = report_html_escape(b->out, s && *s ? s : "-");
}

static const struct {
        const char *status;
        const char *color;
} status_colors[] = {
        { "completed", "#2e7d32" }, { "success", "#2e7d32" }, { "failed", "#c62828" },
        { "failure", "#c62828" },   { "denied", "#ef6c00" },  { "skipped", "#9e9e9e" },
        { "killed", "#6a1b9a" },    { "interrupted", "#6a1b9a" },
};

static const char *color_of(const char *status)
{
        for (size_t i = 0; status && i < ARRAY_SIZE(status_colors); i++)
                if (streq(status, status_colors[i].status))
                        return status_colors[i].color;
        return "#546e7a";
}

static void svg_open(struct html *b, int h, const char *label)
{
        putf(b, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                      "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
                   W, h, W, h);
        esc(b, label);
        put(b, "\">\n");
}

static void svg_text(struct html *b, double x, double y, const char *anchor, const char *s)
{
        putf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", x, y, anchor);
        esc(b, s);
        put(b, "</text>\n");
}

static void svg_bar(struct html *b, double x, double y, double w, double h, const char *color,
                    const char *tip)
{
        putf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                      "<title>", x, y, MAX(w, 2.0), h, color);
        esc(b, tip);
        put(b, "</title></rect>\n");
}

/* "agent.action" and "step N" labels. */
static void step_label(const json_t *s, char *out, size_t size)
{
        snprintf(out, size, "%lld %s.%s", (long long)jnum(s, "step"),
                 jstr(s, "agent") ?: "?", jstr(s, "action") ?: "?");
}

/* Gantt chart of one run: steps ran one after the other, so each starts where the last
 * ended. */
static void chart_timeline(struct html *b, const json_t *run)
{
        const json_t *steps = json_object_get(run, "steps"), *s;
        const double x0 = 190, span = W - x0 - 90;
        double total = 0, at = 0;
        size_t i, n = json_array_size(steps);
        char label[160], tip[400];

        json_array_foreach(steps, i, s)
                total += jnum(s, "duration_ms");
        if (n == 0) {
                put(b, "<p class=\"muted\">This run recorded no steps.</p>\n");
                return;
        }
        svg_open(b, (int)(30 + 26 * n), "timeline of the latest run: one bar per step");
        json_array_foreach(steps, i, s) {
                double d = jnum(s, "duration_ms"), y = 10 + 26.0 * (double)i;
                double x = x0 + (total > 0 ? at / total * span : 0);
                double w = total > 0 ? d / total * span : 0;

                step_label(s, label, sizeof(label));
                snprintf(tip, sizeof(tip), "%s: %s, %.3f ms", label, jstr(s, "status") ?: "?",
                         d);
                svg_text(b, x0 - 8, y + 14, "end", label);
                svg_bar(b, x, y, w, 18, color_of(jstr(s, "status")), tip);
                snprintf(label, sizeof(label), "%.3f ms", d);
                svg_text(b, MIN(x + MAX(w, 2.0) + 6, W - 84), y + 14, "start", label);
                at += d;
        }
        putf(b, "<line x1=\"%.0f\" y1=\"%zu\" x2=\"%.0f\" y2=\"%zu\" class=\"axis\"/>\n",
                   x0, 10 + 26 * n, x0 + span, 10 + 26 * n);
        snprintf(label, sizeof(label), "0 ms .. %.3f ms", total);
        svg_text(b, x0, (double)(24 + 26 * n), "start", label);
        put(b, "</svg>\n");
}

/* Recent runs, oldest on the left: bar height = duration, colour = outcome. */
static void chart_runs(struct html *b, const json_t *runs)
{
        size_t n = json_array_size(runs), i;
        const double h = 150, base = 170, slot = (W - 90.0) / (double)MAX(n, (size_t)1);
        double max = 0;
        char tip[400];

        if (n == 0)
                return;
        for (i = 0; i < n; i++)
                max = MAX(max, jnum(json_array_get(runs, i), "duration_ms"));
        svg_open(b, 200, "recent runs: duration and outcome");
        for (i = 0; i < n; i++) {
                const json_t *r = json_array_get(runs, n - 1 - i);
                double d = jnum(r, "duration_ms"), bh = max > 0 ? d / max * h : 0;

                snprintf(tip, sizeof(tip), "%s (%s): %s, %.1f ms, $%.4f", jstr(r, "run_id") ?: "",
                         jstr(r, "workflow") ?: "?", jstr(r, "status") ?: "?", d,
                         jnum(r, "total_cost"));
                bh = MAX(bh, 2.0);
                svg_bar(b, 70 + slot * (double)i + slot * 0.15, base - bh, slot * 0.7, bh,
                        color_of(jstr(r, "status")), tip);
                snprintf(tip, sizeof(tip), "%zu", i + 1);
                svg_text(b, 70 + slot * ((double)i + 0.5), base + 16, "middle", tip);
        }
        putf(b, "<line x1=\"70\" y1=\"%.0f\" x2=\"%d\" y2=\"%.0f\" class=\"axis\"/>\n",
                   base, W - 20, base);
        snprintf(tip, sizeof(tip), "%.1f ms", max);
        svg_text(b, 66, base - h + 4, "end", tip);
        put(b, "</svg>\n");
}

/* Cost of each step of the latest run against the per-run budget (the dashed line). */
static void chart_cost(struct html *b, const json_t *run, double budget)
{
        const json_t *steps = json_object_get(run, "steps"), *s;
        const double x0 = 190, span = W - x0 - 110;
        size_t i, n = json_array_size(steps);
        double scale = budget, total = 0, y;
        char label[160], tip[300];

        json_array_foreach(steps, i, s) {
                total += jnum(s, "cost_usd");
                scale = MAX(scale, total);
        }
        if (n == 0)
                return;
        if (scale <= 0)
                scale = 1;
        svg_open(b, (int)(44 + 26 * n), "cost per step against the budget");
        total = 0;
        json_array_foreach(steps, i, s) {
                double c = jnum(s, "cost_usd");

                y = 10 + 26.0 * (double)i;
                step_label(s, label, sizeof(label));
                snprintf(tip, sizeof(tip), "%s: $%.6f (running total $%.6f)", label, c,
                         total + c);
                svg_text(b, x0 - 8, y + 14, "end", label);
                /* Light bar: spend before this step; strong bar: this step's cost. */
                putf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"18\" "
                              "fill=\"#cfd8dc\"/>\n", x0, y, total / scale * span);
                svg_bar(b, x0 + total / scale * span, y, c / scale * span, 18, "#1565c0", tip);
                snprintf(label, sizeof(label), "$%.6f", c);
                svg_text(b, x0 + span + 8, y + 14, "start", label);
                total += c;
        }
        y = 10 + 26.0 * (double)n;
        if (budget > 0) {
                double bx = x0 + budget / scale * span;

                putf(b, "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%.1f\" "
                              "class=\"budget\"/>\n", bx, bx, y);
                snprintf(label, sizeof(label), "budget $%.2f", budget);
                svg_text(b, bx, y + 16, "end", label);
        }
        snprintf(label, sizeof(label), "spent $%.6f", total);
        svg_text(b, x0, y + 16, "start", label);
        put(b, "</svg>\n");
}

static void chart_redactions(struct html *b, const json_t *by_type)
{
        const double x0 = 220, span = W - x0 - 70;
        size_t n = json_object_size(by_type), i = 0;
        double max = 0;
        const char *k;
        json_t *v;
        char label[64];

        if (n == 0) {
                put(b, "<p class=\"muted\">No PII or secret was redacted in these runs.</p>\n");
                return;
        }
        json_object_foreach((json_t *)by_type, k, v)
                max = MAX(max, (double)json_integer_value(v));
        svg_open(b, (int)(20 + 26 * n), "redactions by type");
        json_object_foreach((json_t *)by_type, k, v) {
                double y = 10 + 26.0 * (double)i++, c = (double)json_integer_value(v);

                svg_text(b, x0 - 8, y + 14, "end", k);
                svg_bar(b, x0, y, max > 0 ? c / max * span : 0, 18, "#6a1b9a", k);
                snprintf(label, sizeof(label), "%.0f", c);
                svg_text(b, x0 + (max > 0 ? c / max * span : 0) + 8, y + 14, "start", label);
        }
        put(b, "</svg>\n");
}

static void cell(struct html *b, const char *s)
{
        put(b, "<td>");
        esc(b, s);
        put(b, "</td>");
}

static void runs_table(struct html *b, const json_t *runs)
{
        const json_t *r;
        size_t i;
        char tmp[64];

        put(b, "<table><tr><th>#</th><th>run</th><th>workflow</th><th>outcome</th>"
                    "<th>exit</th><th>steps</th><th>duration</th><th>cost</th>"
                    "<th>redactions</th><th>error</th></tr>\n");
        json_array_foreach(runs, i, r) {
                putf(b, "<tr><td>%zu</td>", json_array_size(runs) - i);
                cell(b, jstr(r, "run_id"));
                cell(b, jstr(r, "workflow"));
                putf(b, "<td><span class=\"dot\" style=\"background:%s\"></span>",
                           color_of(jstr(r, "status")));
                esc(b, jstr(r, "status"));
                putf(b, "</td><td>%lld</td><td>%zu</td>", (long long)jnum(r, "exit_code"),
                           json_array_size(json_object_get(r, "steps")));
                snprintf(tmp, sizeof(tmp), "%.1f ms", jnum(r, "duration_ms"));
                cell(b, tmp);
                snprintf(tmp, sizeof(tmp), "$%.4f", jnum(r, "total_cost"));
                cell(b, tmp);
                putf(b, "<td>%lld</td>", (long long)jnum(r, "pii_redaction_count"));
                cell(b, jstr(r, "error"));
                put(b, "</tr>\n");
        }
        put(b, "</table>\n");
}

static void cage_table(struct html *b, const json_t *cage)
{
        const json_t *layers = json_object_get(cage, "layers"), *cg;
        const char *k;
        json_t *v;

        put(b, "<p>sandbox_enabled: <b>");
        put(b, json_is_true(json_object_get(cage, "sandbox_enabled")) ? "true" : "false");
        put(b, "</b>, sandbox_required: <b>");
        esc(b, jstr(cage, "sandbox_required"));
        put(b, "</b>. What the kernel of the host that wrote this report offers:</p>\n");
        if (!layers)
                return;
        put(b, "<table><tr><th>layer</th><th>state</th><th>detail</th><th>fix</th></tr>\n");
        json_object_foreach((json_t *)layers, k, v) {
                bool on = json_is_true(json_object_get(v, "available"));

                put(b, "<tr>");
                cell(b, k);
                putf(b, "<td class=\"%s\">%s</td>", on ? "pass" : "warn",
                           on ? "ACTIVE" : "MISSING");
                cell(b, jstr(v, "reason"));
                cell(b, jstr(v, "fix"));
                put(b, "</tr>\n");
        }
        cg = json_object_get(cage, "cgroup");
        if (cg) {
                bool on = json_is_true(json_object_get(cg, "available"));

                put(b, "<tr><td>cgroup ");
                esc(b, jstr(cg, "version"));
                putf(b, "</td><td class=\"%s\">%s</td>", on ? "pass" : "warn",
                           on ? "ACTIVE" : "MISSING");
                cell(b, jstr(cg, "reason"));
                cell(b, jstr(cg, "fix"));
                put(b, "</tr>\n");
        }
        put(b, "</table>\n");
}

static void denials_table(struct html *b, const json_t *doc)
{
        const json_t *denials = json_object_get(doc, "denials"), *d;
        size_t i;
        char tmp[32];

        if (json_array_size(denials) == 0) {
                put(b, "<p class=\"muted\">The ledger records no policy or budget denial.</p>\n");
                return;
        }
        putf(b, "<p>%lld denied events in the ledger (first %zu listed).</p>\n",
                   (long long)jnum(json_object_get(doc, "ledger"), "denials_total"),
                   json_array_size(denials));
        put(b, "<table><tr><th>seq</th><th>time</th><th>run</th><th>step</th>"
                    "<th>agent.action</th><th>reason</th></tr>\n");
        json_array_foreach(denials, i, d) {
                putf(b, "<tr><td>%lld</td>", (long long)jnum(d, "seq"));
                cell(b, jstr(d, "ts"));
                cell(b, jstr(d, "run_id"));
                snprintf(tmp, sizeof(tmp), "%lld", (long long)jnum(d, "step"));
                cell(b, tmp);
                put(b, "<td>");
                esc(b, jstr(d, "agent"));
                putch(b, '.');
                esc(b, jstr(d, "action"));
                put(b, "</td>");
                cell(b, jstr(d, "reason"));
                put(b, "</tr>\n");
        }
        put(b, "</table>\n");
}

static void ledger_section(struct html *b, const json_t *doc)
{
        const json_t *l = json_object_get(doc, "ledger");
        const json_t *cp = json_object_get(l, "checkpoint"), *v = json_object_get(l, "verify");

        putf(b, "<p>%lld events, %lld bytes in <code>", (long long)jnum(l, "events"),
                   (long long)jnum(l, "bytes"));
        esc(b, jstr(l, "dir"));
        put(b, "/ledger.jsonl</code>.</p>\n");
        if (json_is_object(cp)) {
                put(b, "<table><tr><th>origin</th>");
                cell(b, jstr(cp, "origin"));
                putf(b, "</tr><tr><th>tree size</th><td>%lld</td></tr><tr><th>root "
                              "(hex)</th><td><code>", (long long)jnum(cp, "size"));
                esc(b, jstr(cp, "root_hex"));
                put(b, "</code></td></tr></table>\n<p>Latest signed checkpoint "
                            "(C2SP signed note):</p><pre>");
                esc(b, jstr(cp, "note"));
                put(b, "</pre>\n");
        } else {
                put(b, "<p class=\"warn\">No signed checkpoint yet.</p>\n");
        }
        if (json_is_object(v)) {
                bool ok = json_is_true(json_object_get(v, "verified"));

                putf(b, "<p>Verification when this report was written: <b class=\"%s\">%s"
                              "</b>", ok ? "pass" : "fail", ok ? "VERIFIED" : "FAILED");
                if (!ok) {
                        put(b, " (");
                        esc(b, jstr(v, "reason"));
                        put(b, ")");
                }
                putf(b, "; %lld events, %lld signed, %lld in an unsigned tail.</p>\n",
                           (long long)jnum(v, "events"), (long long)jnum(v, "tree_size"),
                           (long long)jnum(v, "unsigned_tail"));
        }
        put(b, "<h3>How to verify</h3>\n<p>In the project folder, run:</p><pre>cd ");
        esc(b, jstr(json_object_get(doc, "project"), "dir"));
        put(b, "\n");
        esc(b, jstr(l, "verify_command"));
        put(b, "</pre>\n<p>It re-hashes every event into the RFC 6962 Merkle tree, checks "
                    "that the root of the first <i>tree size</i> events equals the root above, "
                    "that the checkpoint's Ed25519 signature verifies with "
                    "<code>audit/key.pub</code>, and that every earlier checkpoint in "
                    "<code>audit/checkpoints/</code> is consistent with it. Exit 0 means "
                    "intact; exit 6 names the first bad event. <code>akios audit export</code> "
                    "gives every event with its inclusion proof, for checking with any RFC 9162 "
                    "tool.</p>\n");
}

static const char css[] =
        "body{font:14px/1.45 system-ui,-apple-system,'DejaVu Sans',sans-serif;margin:24px auto;"
        "max-width:900px;color:#212121;padding:0 16px}h1{font-size:22px;margin-bottom:2px}"
        "h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}"
        "table{border-collapse:collapse;margin:8px 0;font-size:13px}td,th{border:1px solid #ddd;"
        "padding:3px 7px;text-align:left;vertical-align:top}th{background:#f5f5f5}"
        "pre{background:#f5f5f5;padding:8px;overflow-x:auto;font-size:12px}"
        ".muted{color:#757575}.pass{color:#2e7d32;font-weight:bold}.warn{color:#ef6c00;"
        "font-weight:bold}.fail{color:#c62828;font-weight:bold}.chart{display:block;"
        "max-width:100%;height:auto}.chart text{font-size:12px;fill:#37474f}"
        ".axis{stroke:#90a4ae}.budget{stroke:#c62828;stroke-dasharray:5 3;stroke-width:2}"
        ".dot{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:5px}"
        ".cards{display:flex;flex-wrap:wrap;gap:10px}.card{border:1px solid #ddd;"
        "border-radius:6px;padding:8px 12px;min-width:120px}.card b{display:block;"
        "font-size:20px}\n";

static void card(struct html *b, const char *title, const char *value)
{
        put(b, "<div class=\"card\"><b>");
        esc(b, value);
        put(b, "</b>");
        esc(b, title);
        put(b, "</div>\n");
}

static void summary(struct html *b, const json_t *doc, const json_t *latest)
{
        const json_t *l = json_object_get(doc, "ledger");
        char tmp[64];

        put(b, "<div class=\"cards\">\n");
        snprintf(tmp, sizeof(tmp), "%lld", (long long)jnum(doc, "runs_total"));
        card(b, "runs", tmp);
        card(b, "latest outcome", latest ? jstr(latest, "status") : "none");
        snprintf(tmp, sizeof(tmp), "$%.4f / $%.2f", latest ? jnum(latest, "total_cost") : 0.0,
                 jnum(json_object_get(doc, "budget"), "limit_per_run_usd"));
        card(b, "latest spend / budget", tmp);
        snprintf(tmp, sizeof(tmp), "%lld", (long long)jnum(l, "events"));
        card(b, "ledger events", tmp);
        snprintf(tmp, sizeof(tmp), "%lld", (long long)jnum(l, "denials_total"));
        card(b, "denials", tmp);
        put(b, "</div>\n");
}

int report_html(const json_t *doc, struct buf *out)
{
        struct html h = { .out = out }, *b = &h;
        const json_t *runs = json_object_get(doc, "runs");
        const json_t *latest = json_array_get(runs, 0);

        put(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'\">\n<title>akios compliance report</title>\n"
                    "<style>");
        put(b, css);
        put(b, "</style></head><body>\n<h1>akios compliance report</h1>\n<p class=\"muted\">"
                    "project <code>");
        esc(b, jstr(json_object_get(doc, "project"), "dir"));
        put(b, "</code>, written ");
        esc(b, jstr(doc, "generated_at"));
        put(b, " by akios ");
        esc(b, jstr(doc, "akios_version"));
        put(b, "</p>\n");
        summary(b, doc, latest);

        put(b, "<h2 id=\"timeline\">Latest run: timeline</h2>\n");
        if (latest) {
                put(b, "<p>");
                esc(b, jstr(latest, "run_id"));
                put(b, ", workflow <b>");
                esc(b, jstr(latest, "workflow"));
                put(b, "</b>: ");
                esc(b, jstr(latest, "status"));
                put(b, "</p>\n");
                chart_timeline(b, latest);
        } else {
                put(b, "<p class=\"muted\">No run yet.</p>\n");
        }
        put(b, "<h2 id=\"runs\">Recent runs</h2>\n");
        chart_runs(b, runs);
        runs_table(b, runs);
        put(b, "<h2 id=\"cost\">Cost per step against the budget</h2>\n");
        if (latest)
                chart_cost(b, latest, jnum(json_object_get(doc, "budget"), "limit_per_run_usd"));
        put(b, "<h2 id=\"redactions\">Redactions by type</h2>\n");
        chart_redactions(b, json_object_get(doc, "redactions_by_type"));
        put(b, "<h2 id=\"cage\">Cage layers</h2>\n");
        cage_table(b, json_object_get(doc, "cage"));
        put(b, "<h2 id=\"denials\">Policy and budget denials</h2>\n");
        denials_table(b, doc);
        put(b, "<h2 id=\"ledger\">Audit ledger</h2>\n");
        ledger_section(b, doc);
        put(b, "</body></html>\n");
        /* The first failed append (the cap, or memory) fails the whole report: sticky, so
         * the page is never written with a hole in it. */
        return h.err;
}
