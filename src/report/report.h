/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report: what a project did, for `akios status` and `akios compliance report`.
 *
 * report_collect() gathers, from the files on disk only (CONTRACTS §3), one JSON document:
 * the recent runs (data/output/run_* /output.json, newest first) with their steps, spend
 * against the budget, redactions by type, the policy and budget denials found in the audit
 * ledger, the ledger's size and its latest signed checkpoint, optionally the result of a
 * full `audit verify`, and the cage layers this host offers (cage_probe_host). It never
 * runs a workflow and never writes.
 *
 * report_html() renders that document as one self-contained HTML page: inline CSS and inline
 * SVG charts, no script, no external asset, so it opens offline and can be mailed to an
 * auditor. Every string that comes from data is escaped (report_html_escape), so a workflow
 * name or step output cannot inject markup.
 *
 * Document shape (format "akios-compliance-report/1"): see report_collect() below and
 * tests/ops/compliance.t. Caps: REPORT_OUTPUT_MAX per output.json, AUDIT_LINE_MAX per ledger
 * line, REPORT_DENIALS_MAX denials listed (all are counted). Nothing here prints; functions
 * return 0 or -errno.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "util/util.h"

#define REPORT_FORMAT "akios-compliance-report/1"
#define REPORT_OUTPUT_MAX (16u << 20) /* one output.json */
#define REPORT_DENIALS_MAX 200        /* denials listed in the document */
#define REPORT_RUNS_DEFAULT 20

struct report_opts {
        const char *project_dir;  /* absolute; holds config.yaml */
        const char *audit_dir;    /* the ledger folder (config audit_storage_path, resolved) */
        double budget_limit;      /* budget_limit_per_run, USD */
        bool cost_kill_enabled;
        bool sandbox_enabled;
        bool sandbox_strict;      /* sandbox_required: strict */
        unsigned max_runs;        /* runs listed in detail; 0 = REPORT_RUNS_DEFAULT */
        bool probe_cage;          /* run cage_probe_host() (about 30 ms, forks) */
        bool verify_ledger;       /* run audit_verify() over the whole ledger */
};

struct akios_config;
/* Fill *o from a loaded project config (cfg->project_dir must be set); the audit folder is
 * resolved against the project into audit_dir (size bytes). -ENAMETOOLONG, -EINVAL. */
int report_opts_from_config(struct report_opts *o, const struct akios_config *cfg,
                            char *audit_dir, size_t size);

/* Gather the document (new reference in *ret). A project without runs or without a ledger
 * is not an error: those parts are empty (runs: [], ledger.events: 0, checkpoint: null).
 * -E2BIG when an output.json or a ledger line is over its cap, -ENOMEM. */
int report_collect(const struct report_opts *o, json_t **ret);

/* Append the HTML page for a document made by report_collect(). */
int report_html(const json_t *report, struct buf *out);

/* Append s with &, <, >, " and ' replaced by entities (safe in text and quoted attributes). */
int report_html_escape(struct buf *out, const char *s);

/* Compare two run folder names ("run_<stamp>[_N]") in time order, N numerically. */
int report_run_cmp(const char *a, const char *b);
