// SPDX-License-Identifier: GPL-3.0-or-later
/* The run-wide kill-switches besides the dollar budget: workflow_timeout (wall clock of the
 * whole run) and max_steps_per_run (steps started). The token limit, max_tokens_per_run, is
 * part of the budget (src/budget), since it reserves and cuts like the money does.
 *
 * Checked before every step, and in flight: agents ask step_time_left_ms() and clamp their
 * own timeouts to it (the llm agent's stream poll, the http request, the tool's wall time),
 * so a call cannot run past the deadline. A tripped switch ends the run with exit 4, a
 * `kill_switch` ledger event naming the switch and its figures, and the same reason in
 * output.json (`kill_switch`). It does not print or decide anything else.
 */
#include <limits.h>
#include <stdio.h>
#include <time.h>

#include "agents/agents.h"
#include "config/config.h"
#include "engine/internal.h"
#include "workflow/workflow.h"

void killswitch_start(struct run_state *run)
{
        run->started_ms = monotonic_ms();
        run->deadline_ms = run->started_ms + (double)run->cfg->workflow_timeout * 1000.0;
}

static int trip(struct run_state *run, const char *which, json_t *figures, struct diag *d,
                const char *fmt, ...) _printf_(5, 6);
static int trip(struct run_state *run, const char *which, json_t *figures, struct diag *d,
                const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
        va_end(ap);
        run->tripped = which;
        json_object_set_new(figures, "switch", json_string(which));
        json_object_set_new(figures, "reason", json_string(d->msg));
        engine_ledger(run, 0, "engine", "kill_switch", "denied", figures);
        return -ECANCELED;
}

int killswitch_before_step(struct run_state *run, const struct step *s, struct diag *d)
{
        const struct akios_config *c = run->cfg;
        double now = monotonic_ms();

        if (now >= run->deadline_ms)
                return trip(run, "workflow_timeout",
                            json_pack("{s:I,s:f,s:I}", "limit_s", (json_int_t)c->workflow_timeout,
                                      "elapsed_s", (now - run->started_ms) / 1000.0, "step",
                                      (json_int_t)s->number),
                            d, "workflow_timeout: the run passed its %ld s limit before step "
                            "%ld (%s.%s); the run stopped", c->workflow_timeout, s->number,
                            s->agent->name, s->action->name);
        if (run->steps_started >= (unsigned long)c->max_steps_per_run)
                return trip(run, "max_steps_per_run",
                            json_pack("{s:I,s:I}", "limit", (json_int_t)c->max_steps_per_run,
                                      "step", (json_int_t)s->number),
                            d, "max_steps_per_run: %ld steps already ran; step %ld (%s.%s) "
                            "was not started and the run stopped", c->max_steps_per_run,
                            s->number, s->agent->name, s->action->name);
        run->steps_started++;
        return 0;
}

const char *killswitch_status(const struct run_state *run)
{
        if (!run->tripped)
                return "budget_exceeded";
        return streq(run->tripped, "workflow_timeout") ? "timeout" : "step_limit";
}

json_t *killswitch_json(const struct run_state *run)
{
        const struct akios_config *c = run->cfg;

        return json_pack("{s:I,s:I,s:I,s:I,s:s?}", "max_tokens_per_run",
                         (json_int_t)c->max_tokens_per_run, "workflow_timeout_s",
                         (json_int_t)c->workflow_timeout, "max_steps_per_run",
                         (json_int_t)c->max_steps_per_run, "steps_started",
                         (json_int_t)run->steps_started, "tripped", run->tripped);
}

long step_time_left_ms(const struct step_ctx *ctx)
{
        double left;

        if (!ctx || !ctx->run || ctx->run->deadline_ms <= 0)
                return LONG_MAX;
        left = ctx->run->deadline_ms - monotonic_ms();
        return left <= 0 ? 0 : left >= (double)LONG_MAX ? LONG_MAX : (long)left + 1;
}

void killswitch_after_step(struct run_state *run, const struct step *s)
{
        if (!run->tripped_in_flight)
                return;
        run->tripped_in_flight = false;
        engine_ledger(run, 0, "engine", "kill_switch", "denied",
                      json_pack("{s:s,s:I,s:f,s:I,s:b}", "switch", "workflow_timeout", "limit_s",
                                (json_int_t)run->cfg->workflow_timeout, "elapsed_s",
                                (monotonic_ms() - run->started_ms) / 1000.0, "step",
                                (json_int_t)s->number, "in_flight", 1));
}

int step_fail_timeout(struct step_ctx *ctx)
{
        if (ctx->run) {
                ctx->run->tripped = "workflow_timeout";
                ctx->run->tripped_in_flight = true;
        }
        return step_fail(ctx, EXIT_BUDGET, ETIMEDOUT, "workflow_timeout: the run passed its %ld s limit "
                         "during this step, which was stopped in flight",
                         ctx->run ? ctx->run->cfg->workflow_timeout : 0L);
}

int killswitch_wait_retry(struct run_state *run, const struct step *s, unsigned next, char *err,
                          size_t size, int *exit_code)
{
        double until = monotonic_ms() + step_backoff_s(s, next) * 1000.0;

        engine_ledger(run, s->index, s->agent->name, s->action->name, "retry",
                      json_pack("{s:i,s:f}", "try", (int)next, "backoff_s",
                                step_backoff_s(s, next)));
        for (;;) {
                double now = monotonic_ms(), left = until - now;
                struct timespec ts;

                if (engine_interrupted())
                        return -EINTR;
                if (now >= run->deadline_ms && run->deadline_ms > 0) {
                        run->tripped = "workflow_timeout";
                        run->tripped_in_flight = true;
                        *exit_code = EXIT_BUDGET;
                        snprintf(err, size, "workflow_timeout: the run passed its %ld s limit "
                                 "while waiting to retry (try %u)", run->cfg->workflow_timeout,
                                 next);
                        return -ETIMEDOUT;
                }
                if (left <= 0)
                        return 0;
                left = left > 100 ? 100 : left;
                ts.tv_sec = 0;
                ts.tv_nsec = (long)(left * 1e6);
                nanosleep(&ts, NULL);
        }
}
