/* SPDX-License-Identifier: GPL-3.0-or-later */
/* agents: what a workflow step can do. Four agents (llm, filesystem, http, tool_executor),
 * each one file with one static table of actions (canonical name, aliases, required
 * parameters, handler). The workflow validator and the engine look actions up here only.
 *
 * A handler gets a step context (engine.h) with the step's templated `parameters` and
 * `config`, does its work through the engine's layer hooks (policy checks, redaction,
 * budget, audit), and returns 0 with a JSON result object, or -errno with ctx->err filled and
 * ctx->exit_code set to the CONTRACTS §2 class (1 failure, 3 policy, 4 budget, 5 sandbox,
 * 7 missing cage layer).
 *
 * A result's text, for {previous_output} and {step_N_output}: agent_result_text() in
 * workflow/workflow.h.
 */
#pragma once

#include <stdbool.h>
#include <sys/types.h>

#include "util/util.h"

struct step_ctx;
struct step;
struct akios_config;
struct ynode;

struct agent_action {
        const char *name;                  /* canonical */
        const char *const *aliases;        /* NULL-terminated, may be NULL */
        const char *const *required;       /* required parameter names, NULL-terminated */
        int (*run)(struct step_ctx *ctx, json_t **ret_result);
        /* Every parameter name the action accepts (NULL-terminated); NULL accepts any. */
        const char *const *params;
};

/* A numeric step `config` key and its range (inclusive): out of range is an error, checked at
 * validation (file:line:col) when the value is literal and again after templating. */
struct agent_config_range {
        const char *key;
        long min, max, dflt;
};

struct agent {
        const char *name;
        const struct agent_action *actions;
        size_t n_actions;
        /* Static policy check at validate time (paths, commands, domains, models) on the
         * un-templated parameters; returns 0 or -EPERM with d filled. May be NULL. */
        int (*check_policy)(const struct step *s, const struct akios_config *c, struct diag *d);
        /* Every step `config` key the agent accepts (NULL-terminated); NULL accepts any. */
        const char *const *config_keys;
        /* The numeric config keys with their ranges ({ NULL } ends it); may be NULL. */
        const struct agent_config_range *config_ranges;
};

extern const struct agent agent_llm, agent_filesystem, agent_http, agent_tool_executor;

const struct agent *agent_find(const char *name);
const struct agent_action *agent_action_find(const struct agent *a, const char *name);
/* "llm, filesystem, ..." for messages. */
void agent_names(char *out, size_t size);
/* "read, write, list, ..." for messages. */
void agent_action_names(const struct agent *a, char *out, size_t size);
/* Open `rel` below dirfd without leaving it: openat2(RESOLVE_BENEATH|RESOLVE_NO_MAGICLINKS),
 * or (walk = true, or a kernel without openat2) a component-wise O_NOFOLLOW walk refusing "..".
 * Returns the fd, -EXDEV (or -ELOOP) for an escape, or another -errno. Used by the filesystem
 * agent; exposed so tests can exercise both paths. */
int fs_open_beneath(int dirfd, const char *rel, int flags, mode_t mode, bool walk);

/* The step config value `key` of a's config_ranges: its default when absent, else the
 * templated value, which must be an integer in range (else the step fails, exit 2). */
int agent_config_long(struct step_ctx *ctx, const struct agent *a, const char *key, long *ret);
/* Validation: every literal value of a config_ranges key in `config` (a mapping or NULL) is an
 * integer in range; -EINVAL with file:line:col otherwise. Templated values wait for the run. */
int agent_config_check(const struct agent *a, const char *path, const struct ynode *config,
                       struct diag *d);
