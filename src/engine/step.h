/* SPDX-License-Identifier: GPL-3.0-or-later */
/* step: the narrow API between the engine and the agents (docs/design/ARCHITECTURE.md, the
 * five layers). Agents include this header, never the engine's internals.
 *
 * The engine owns the layers; an agent cannot forget one:
 *   - policy: the engine checks a step against config.yaml (the ceiling; a workflow can only
 *     narrow it) at validation and again before the action runs. Paths are opened through
 *     step_open_checked(): audit/, .env, config.yaml and the key files are refused by inode,
 *     whatever path, root or symlink led to them.
 *   - redaction: every string of a step's result, of its ledger detail and of its error is
 *     redacted by the engine after the action returns (PII as configured, known secrets
 *     always). What an agent sends out (a prompt, a URL, a header, a body, written content)
 *     goes through step_redact() first: the one choke point, which also scrubs the known
 *     secrets of .env and the provider keys in every encoding.
 *   - budget: LLM calls reserve and settle through step_budget(); the count can never be
 *     lower than the bytes sent and received (budget_bytes_bound).
 *   - ledger: the engine records the step's intent before the action runs and its outcome
 *     after; if an event cannot be made durable the step does not run / the run stops.
 *
 * A handler returns 0 with a JSON result object, or -errno with the failure filled through
 * step_fail() (exit class of docs/design/CONTRACTS.md §2).
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

struct run_state;
struct step;
struct akios_config;
struct budget;

enum redact_site {
        REDACT_SITE_INPUT,      /* prompts, bodies sent out, content written: pii_redaction_enabled */
        REDACT_SITE_OUTPUT,     /* what comes back (LLM output, tool output, responses):
                                 * pii_redaction_outputs */
        REDACT_SITE_SECRETS,    /* known secrets only (headers sent on purpose are recorded
                                 * through this) */
};

struct step_ctx {
        struct run_state *run;  /* the engine's; opaque to agents */
        const struct step *step;
        json_t *params;         /* templated parameters (owned by the engine) */
        json_t *config;         /* templated step config (owned by the engine) */
        struct diag err;        /* failure reason, filled by the agent */
        int exit_code;          /* docs/design/CONTRACTS.md §2 class of the failure */
        json_t *detail;         /* extra ledger detail the agent wants recorded (object) */
};

/* The policy (config.yaml, read-only) and the run's folders. */
const struct akios_config *step_policy(const struct step_ctx *ctx);
const char *step_project_dir(const struct step_ctx *ctx);
const char *step_run_dir(const struct step_ctx *ctx);
/* The run folder as the fd it was created through (never re-resolved by path: privileged
 * operations on it go through this, STYLE/CONTRACTS §3); -1 when there is none. */
int step_run_dir_fd(const struct step_ctx *ctx);
const char *step_run_id(const struct step_ctx *ctx);

/* 3 redaction: *ret is malloc'd (NUL-terminated). Fails closed: on error the step fails.
 * Known secrets are scrubbed at every site, whatever the PII settings. */
int step_redact(struct step_ctx *ctx, enum redact_site site, const char *in, size_t len,
                char **ret, size_t *ret_len);
/* true if `in` holds a known secret (in any of its encodings). */
bool step_has_secret(const struct step_ctx *ctx, const char *in, size_t len);
/* How many findings redaction has replaced so far in this run. */
size_t step_redaction_count(const struct step_ctx *ctx);

/* 1 policy for files: 0 when the open fd (any type, O_PATH too) is none of the project's
 * control files and lies below no protected folder; else the step fails (exit 3). `shown` is
 * the path as the workflow wrote it, for the message. */
int step_open_checked(struct step_ctx *ctx, int fd, const char *shown);

/* 4 budget: the run's budget, and the record of what an LLM call used. */
struct budget *step_budget(struct step_ctx *ctx);
void step_account_llm(struct step_ctx *ctx, uint64_t tokens_in, uint64_t tokens_out);

/* Fail the step: fills ctx->err (the engine adds the step name) and ctx->exit_code; returns
 * -err for convenient `return step_fail(...)`. */
int step_fail(struct step_ctx *ctx, int exit_code, int err, const char *fmt, ...) _printf_(4, 5);
/* 5 ledger: record an extra decision of this step (e.g. a policy denial). detail is stolen.
 * A failure to record is returned (the caller must not go on with the side effect). */
int step_audit(struct step_ctx *ctx, const char *action, const char *outcome, json_t *detail);
/* Milliseconds left before workflow_timeout (LONG_MAX: no deadline, 0: passed). Agents
 * clamp their own timeouts to it; when it runs out in flight they fail with
 * step_fail_timeout() (exit 4, the kill-switch recorded). */
long step_time_left_ms(const struct step_ctx *ctx);
int step_fail_timeout(struct step_ctx *ctx);
/* true once SIGINT/SIGTERM arrived: long actions stop and fail (within a second). */
bool engine_interrupted(void);
/* Readable once SIGINT/SIGTERM arrived (a pipe; poll it, never read it): for actions that
 * wait in poll(2), e.g. cage_spec.cancel_fd. -1 outside a run. */
int engine_cancel_fd(void);
