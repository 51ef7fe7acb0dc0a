/* SPDX-License-Identifier: GPL-3.0-or-later */
/* engine: runs a validated workflow step by step through the five layers
 * (ARCHITECTURE.md): 1 policy, 2 cage, 3 redaction, 4 budget, 5 ledger.
 *
 * For each step: evaluate `condition`, template `parameters`/`config` from earlier outputs,
 * check policy, run the agent's action (agents call the layer hooks below at every boundary),
 * record the decision in the ledger, store the output, and apply `on_error`. Writes
 * data/output/run_<UTC>/ with one file per write step and output.json, and returns the exit
 * code of CONTRACTS §2. SIGINT/SIGTERM stop the run between (or inside cancellable) steps;
 * output.json and the ledger are still written, exit 130.
 */
#pragma once

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "util/util.h"

struct akios_config;
struct workflow;
struct step;
struct audit_log;
struct pii_redactor;
struct budget;

struct run_state {
        const struct akios_config *cfg;
        const struct workflow *wf;
        char *project_dir;
        char *run_dir;          /* absolute data/output/run_<ts>[_N] */
        char *run_id;           /* run_<ts>[_N] */
        struct audit_log *audit;       /* NULL when audit_enabled is false */
        struct pii_redactor *redactor; /* NULL when redaction is off everywhere */
        size_t redactions;
        json_t *redactions_by_type;    /* {"EMAIL_ADDRESS": n, ...} */
        /* Budget layer (reserve/settle lives in src/budget). */
        struct budget *budget;
        double cost_usd;
        uint64_t tokens_in, tokens_out;
        json_t *outputs;        /* array: result object of each step (null: not run) */
        json_t *outputs_by_number; /* the same results keyed by step number ("1", ...) */
        bool dry_run;
        bool quiet;
};

enum redact_site {
        REDACT_SITE_INPUT,      /* prompts, bodies sent out, content written: pii_redaction_enabled */
        REDACT_SITE_OUTPUT,     /* what comes back (LLM output, tool output, responses):
                                 * pii_redaction_outputs */
};

struct step_ctx {
        struct run_state *run;
        const struct step *step;
        json_t *params;         /* templated parameters (owned by the engine) */
        json_t *config;         /* templated step config (owned by the engine) */
        struct diag err;        /* failure reason, filled by the agent */
        int exit_code;          /* CONTRACTS §2 class of the failure */
        json_t *detail;         /* extra ledger detail the agent wants recorded (object) */
};

/* Layer hooks for agents. */

/* 3 redaction: *ret is malloc'd (NUL-terminated). Fails closed: on error the step fails. */
int step_redact(struct step_ctx *ctx, enum redact_site site, const char *in, size_t len,
                char **ret, size_t *ret_len);
/* Fail the step: fills ctx->err (message prefixed by nothing; the engine adds the step name)
 * and ctx->exit_code; returns -err for convenient `return step_fail(...)`. */
int step_fail(struct step_ctx *ctx, int exit_code, int err, const char *fmt, ...) _printf_(4, 5);
/* 5 ledger: record an extra decision of this step (e.g. a policy denial). detail is stolen. */
int step_audit(struct step_ctx *ctx, const char *action, const char *outcome, json_t *detail);
/* true once SIGINT/SIGTERM arrived: long actions should stop and fail. */
bool engine_interrupted(void);

enum step_phase { STEP_START, STEP_DONE };

struct run_options {
        bool json;
        bool quiet;
        bool dry_run;
        /* Progress for the CLI (may be NULL): called before and after every step. status is
         * "completed", "failed", "skipped", ... for STEP_DONE, NULL for STEP_START. */
        void (*progress)(void *userdata, enum step_phase phase, const struct step *s,
                         size_t n_steps, const char *status, double elapsed_ms, double cost_usd);
        void *userdata;
};

/* Run a validated workflow. Returns the exit code; *ret_summary gets output.json's content
 * (caller decrefs). d gets the one-line reason of a failure. */
int engine_run(const struct akios_config *cfg, const struct workflow *wf,
               const struct run_options *o, json_t **ret_summary, struct diag *d);
