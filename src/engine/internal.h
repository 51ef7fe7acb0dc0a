/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The engine's internals: the run's state, the policy's protected set, the known secrets.
 * Only src/engine/ includes this; agents see step.h.
 */
#pragma once

#include <sys/types.h>

#include "engine/engine.h"

struct secret_set;

/* A file or folder agents never reach (docs/design/CONTRACTS.md §3): audit/, .env,
 * config.yaml, the keys. Compared by device and inode, so no path, root or link leads there. */
struct protected_node {
        dev_t dev;
        ino_t ino;
        bool dir;
};

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
        int run_dir_fd;         /* it, opened O_DIRECTORY|O_NOFOLLOW when made (-1: none) */
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
        /* Policy: the project folder and the nodes no agent may open. */
        dev_t project_dev;
        ino_t project_ino;
        struct protected_node protected_nodes[128];
        size_t n_protected;
        /* Redaction: the known secrets (always scrubbed). */
        struct secret_set *secrets;
        /* Kill-switches (killswitch.c): the run's clock, its deadline, steps started. */
        double started_ms, deadline_ms;
        unsigned long steps_started;
        const char *tripped;    /* the switch that ended the run, or NULL */
        bool tripped_in_flight; /* a step was stopped at the deadline (event not yet written) */
        bool ledger_failed;     /* an event could not be made durable: the run stops */
        int ledger_error;       /* its -errno */
};

/* secrets.c */
int secret_set_new(struct secret_set **ret);
void secret_set_free(struct secret_set *s);
size_t secret_set_size(const struct secret_set *s);
int secret_scrub(const struct secret_set *s, const char *in, size_t len, struct buf *out,
                 size_t *ret_count);
bool secret_contains(const struct secret_set *s, const char *in, size_t len);

/* engine.c: one ledger event (detail is stolen); see ledger() there. */
int engine_ledger(struct run_state *run, unsigned step, const char *agent, const char *action,
                  const char *outcome, json_t *detail);

/* killswitch.c: workflow_timeout and max_steps_per_run. before_step: 0, or -ECANCELED with
 * the reason in d and the event written (exit 4). */
void killswitch_start(struct run_state *run);
int killswitch_before_step(struct run_state *run, const struct step *s, struct diag *d);
void killswitch_after_step(struct run_state *run, const struct step *s);
/* Wait the step's backoff before try `next`: 0, or -EINTR (signal) / -ETIMEDOUT (the
 * deadline: *exit_code becomes 4 and err says why). */
int killswitch_wait_retry(struct run_state *run, const struct step *s, unsigned next, char *err,
                          size_t size, int *exit_code);
const char *killswitch_status(const struct run_state *run);
json_t *killswitch_json(const struct run_state *run);

/* akios-output.c: AKIOS's output.json fields, added to the finished summary. */
void akios_output_add(const struct run_state *run, json_t *summary);

/* policy.c */
int policy_protect_init(struct run_state *run);
int policy_fd_allowed(const struct run_state *run, int fd);

