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

#include "engine/step.h"

struct akios_config;
struct workflow;
struct step;

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
