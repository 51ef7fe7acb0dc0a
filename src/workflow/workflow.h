/* SPDX-License-Identifier: GPL-3.0-or-later */
/* workflow: the AKIOS workflow format (CONTRACTS §6) parsed into typed steps with source
 * positions, validated once (the same validator serves `validate` and `run`), templated at
 * run time, with a small safe condition language.
 *
 * Validation failures are -EINVAL (exit 2) with file:line:col, or -EPERM (exit 3) for policy
 * violations found statically (a path, command, domain or model the policy does not allow).
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "util/util.h"
#include "util/yaml.h"

struct agent;
struct agent_action;
struct akios_config;
struct cond;

enum on_error { ON_ERROR_FAIL, ON_ERROR_SKIP, ON_ERROR_RETRY };
enum backoff { BACKOFF_EXPONENTIAL, BACKOFF_FIXED, BACKOFF_LINEAR };

/* Caps of a step's `retry: {attempts, backoff}`. */
#define STEP_MAX_ATTEMPTS 10
#define STEP_MAX_BACKOFF_S 60.0

struct step {
        unsigned index;                  /* 1-based position in `steps` */
        long number;                     /* the `step:` value */
        const char *name;                /* optional, points into the tree */
        const struct agent *agent;
        const struct agent_action *action;
        const char *action_name;         /* as written (an alias or the canonical name) */
        const struct ynode *node;        /* the step mapping (positions) */
        const struct ynode *parameters;  /* mapping or NULL */
        const struct ynode *config;      /* mapping or NULL */
        const char *condition;           /* source text or NULL */
        struct cond *cond;               /* parsed condition or NULL */
        enum on_error on_error;
        /* Tries in all: 1; 2 with on_error: retry; retry.attempts when given. Between tries
         * the engine waits backoff_s (doubling, growing or fixed, at most STEP_MAX_BACKOFF_S
         * per wait), interruptibly and never past workflow_timeout. */
        unsigned attempts;
        double backoff_s;
        enum backoff backoff;
};

/* Seconds to wait before try `next` (2, 3, ...) of step s. */
double step_backoff_s(const struct step *s, unsigned next);

struct workflow {
        char *path;
        const char *name;
        const char *description;
        struct step *steps;
        size_t n_steps;
        struct ynode *root;              /* owns every string the steps point to */
        uint8_t sha256[32];              /* of the exact bytes parsed (the ledger's run_start) */
};

/* Caps on workflow files. */
#define WORKFLOW_MAX_BYTES (1u << 20)
#define WORKFLOW_MAX_STEPS 1000

/* Parse and validate. Returns 0, -EINVAL (bad input, exit 2), -EPERM (policy, exit 3) or
 * -EDQUOT (a kill-switch limit the workflow would certainly hit, e.g. max_tokens above
 * max_tokens_per_call: exit 4, the message `run` gives). */
int workflow_load(const char *path, const struct akios_config *cfg, struct workflow **ret,
                  struct diag *d);
void workflow_free(struct workflow *w);

/* ---- templating ---------------------------------------------------------- */

/* Step outputs at run time: `outputs` is an object keyed by step number ("1", "2", ...) whose
 * values are result objects (null for a skipped step); `previous` is the result of the step
 * just before (NULL for the first). */

/* ${VAR} / ${VAR:-default} from the environment. Unset without default: -ENOENT with the
 * variable name in d. */
int template_env(const char *in, struct buf *out, struct diag *d);

/* {previous_output}, {step_N_output}, {step_N_output[key]}. A reference to a missing key or
 * skipped step is an error (-ENOENT), never an empty string. Text that is not a reference
 * (e.g. JSON braces in a prompt) is kept as is. */
int template_outputs(const char *in, const json_t *outputs, const json_t *previous,
                     struct buf *out, struct diag *d);
/* Validate the references of a string: step N must exist and come before step `current`
 * (1-based position); {previous_output} needs a previous step. *ret_off = byte offset. */
int template_check_refs(const char *in, const struct workflow *w, unsigned current,
                        unsigned *ret_off, struct diag *d);

/* Apply output templating to every string of a JSON value (a deep copy is returned).
 * Strings starting with ./data/output/ are rewritten into run_dir (when not NULL). */
int template_json(const json_t *in, const json_t *outputs, const json_t *previous,
                  const char *run_dir, json_t **ret, struct diag *d);

/* The text of a step's result, for {previous_output}, {step_N_output} and conditions: its
 * first string field among text, content, output, result, response, stdout, data (as in
 * AKIOS), or NULL. Other fields are reachable as {step_N_output[key]}. */
const char *agent_result_text(const json_t *result);
/* The same field as its JSON string, whose length counts every byte (a NUL too), or NULL. */
const json_t *agent_result_string(const json_t *result);

/* Position of the step numbered n, or 0. */
unsigned workflow_step_position(const struct workflow *w, long n);

/* ---- conditions ---------------------------------------------------------- */

/* Grammar: or / and / not, comparisons (== != < <= > >=), `in` / `not in`, `is [not]`
 * None/True/False, arithmetic (+ - * / % and unary -; + joins strings), literals (numbers,
 * 'strings', "strings", true/false/none/null, [lists of literals]), step outputs
 * (previous_output, step_N_output, step_N_output[key], step_N_output.key), parentheses.
 * No calls, at most COND_MAX_LEN bytes and COND_MAX_DEPTH nesting. */
#define COND_MAX_LEN 1024
#define COND_MAX_DEPTH 32
int cond_parse(const char *src, struct cond **ret, unsigned *ret_err_off, struct diag *d);
/* Check the step references as template_check_refs does. */
int cond_check_refs(const struct cond *c, const struct workflow *w, unsigned current,
                    struct diag *d);
/* Evaluate; an evaluation error (e.g. ordering a string against a number) is false. */
bool cond_eval(const struct cond *c, const json_t *outputs, const json_t *previous);
void cond_free(struct cond *c);
