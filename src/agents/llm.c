/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The llm agent: `complete` (alias `generate`) and `chat`.
 *
 * Chooses the provider (AKIOS_MOCK_LLM=1 forces mock; else AKIOS_LLM_PROVIDER, else the step's
 * config.provider) and model (AKIOS_LLM_MODEL, else config.model, else the provider's
 * default), checks them against allowed_providers / allowed_models, redacts every message
 * before it leaves and the answer when it comes back, and runs the budget protocol around
 * the call: reserve the worst case (refused: exit 4 and a budget_kill ledger event with the
 * figures), stream the answer while checking the running cost (the stream is cut the moment
 * it would pass the limit, or pass the call's max_tokens), then settle on the provider's
 * usage. Every call's ledger record holds the reservation, the charge, the usage and the
 * endpoint (never the key): in the step's event on success, in an llm_call (failure) or
 * budget_kill (denied) event otherwise.
 *
 * It does not speak any wire format (llm/) or hold prices (budget/).
 */
#include <stdio.h>

#include "agents/agents.h"
#include "budget/budget.h"
#include "config/config.h"
#include "engine/step.h"
#include "llm/llm.h"
#include "workflow/workflow.h"

#define LLM_MAX_PROMPT_BYTES (8u << 20)
#define LLM_MAX_MESSAGES 1000

static bool env_true(const char *name)
{
        const char *v = getenv(name);

        return v && (streq(v, "1") || streq(v, "true") || streq(v, "yes"));
}

static const char *config_str(const json_t *config, const char *key)
{
        const char *s = json_string_value(json_object_get(config, key));

        return s && *s ? s : NULL;
}

static bool mock_mode(const struct akios_config *c)
{
        return env_true("AKIOS_MOCK_LLM") || (c && c->mock_llm);
}

static int pick_provider(struct step_ctx *ctx, const struct llm_provider **ret_p,
                         const char **ret_model)
{
        const char *name = getenv("AKIOS_LLM_PROVIDER");
        const char *model = getenv("AKIOS_LLM_MODEL");
        const struct llm_provider *p;
        char names[256];

        if (!name || !*name)
                name = config_str(ctx->config, "provider");
        if (mock_mode(step_policy(ctx)))
                name = "mock";
        if (!name)
                return step_fail(ctx, EXIT_USAGE, EINVAL,
                                 "no LLM provider: set config.provider, AKIOS_LLM_PROVIDER, "
                                 "or AKIOS_MOCK_LLM=1");
        p = llm_provider_find(name);
        if (!p) {
                llm_provider_names(names, sizeof(names));
                return step_fail(ctx, EXIT_POLICY, EPERM, "unknown LLM provider '%s' (known: %s)", name,
                                 names);
        }
        if (!model || !*model)
                model = config_str(ctx->config, "model");
        *ret_p = p;
        *ret_model = model ? model : llm_provider_default_model(p);
        return 0;
}

/* Collect and redact the messages of the step. */
static int build_messages(struct step_ctx *ctx, bool chat, struct llm_message **ret_msgs,
                          size_t *ret_n, size_t *ret_bytes)
{
        const json_t *list = json_object_get(ctx->params, chat ? "messages" : "prompt");
        size_t n = chat ? json_array_size(list) : 1, bytes = 0;
        struct llm_message *msgs;
        int r;

        if (chat && (!json_is_array(list) || n == 0))
                return step_fail(ctx, EXIT_USAGE, EINVAL, "'messages' must be a non-empty list");
        if (!chat && !json_is_string(list))
                return step_fail(ctx, EXIT_USAGE, EINVAL, "'prompt' must be a string");
        if (n > LLM_MAX_MESSAGES)
                return step_fail(ctx, EXIT_USAGE, E2BIG, "more than %d messages", LLM_MAX_MESSAGES);
        msgs = calloc(n, sizeof(*msgs));
        if (!msgs)
                return -ENOMEM;
        for (size_t i = 0; i < n; i++) {
                const json_t *m = chat ? json_array_get(list, i) : list;
                const json_t *content = chat ? json_object_get(m, "content") : m;
                const char *role = chat ? json_string_value(json_object_get(m, "role")) : "user";
                char *red;
                size_t len;

                if (!role || !json_is_string(content)) {
                        r = step_fail(ctx, EXIT_USAGE, EINVAL, "message %zu needs a string 'role' and "
                                      "'content'", i + 1);
                        goto fail;
                }
                bytes += json_string_length(content);
                if (bytes > LLM_MAX_PROMPT_BYTES) {
                        r = step_fail(ctx, EXIT_USAGE, E2BIG, "prompt larger than %u bytes",
                                      LLM_MAX_PROMPT_BYTES);
                        goto fail;
                }
                r = step_redact(ctx, REDACT_SITE_INPUT, json_string_value(content),
                                json_string_length(content), &red, &len);
                if (r < 0)
                        goto fail;
                msgs[i].role = role;
                msgs[i].content = red;
        }
        *ret_msgs = msgs;
        *ret_n = n;
        *ret_bytes = bytes;
        return 0;
fail:
        for (size_t i = 0; i < n; i++)
                free((char *)msgs[i].content);
        free(msgs);
        return r;
}

struct stream_guard {
        struct step_ctx *ctx;
        struct budget_call *call;
        size_t bytes;                   /* answer text received so far */
        bool killed;                    /* the budget stopped the stream */
        bool timed_out;                 /* workflow_timeout passed during the call */
};

static int guard_poll(void *ud)
{
        struct stream_guard *g = ud;

        if (engine_interrupted())
                return -EINTR;
        if (step_time_left_ms(g->ctx) <= 0) {
                g->timed_out = true;
                return -ETIMEDOUT;
        }
        return 0;
}

static int guard_delta(void *ud, const char *text, size_t len, long output_tokens)
{
        struct stream_guard *g = ud;
        int r;

        if (engine_interrupted())
                return -EINTR;
        if (step_time_left_ms(g->ctx) <= 0) {
                g->timed_out = true;
                return -ETIMEDOUT;
        }
        if (!g->call)
                return 0;
        /* Count what arrived, not what the server says or how it chunks it. */
        g->bytes += len;
        output_tokens = MAX(output_tokens, budget_bytes_bound(g->bytes));
        r = budget_stream_check(step_budget(g->ctx), g->call, output_tokens);
        if (r < 0)
                g->killed = true;
        return r;
}

static json_t *figures(const struct budget *b, const struct budget_call *c, const char *provider,
                       const char *model)
{
        json_t *j = json_pack("{s:s,s:s,s:f,s:f,s:f,s:f,s:I,s:I}", "provider", provider, "model",
                              model, "spent_usd", budget_usd(budget_spent(b)), "limit_usd",
                              budget_usd(budget_limit(b)), "reserved_usd",
                              budget_usd(c->reserved), "outstanding_usd",
                              budget_usd(budget_reserved(b)), "max_tokens",
                              (json_int_t)c->max_tokens, "input_bound_tokens",
                              (json_int_t)c->input_bound);

        if (j && budget_token_limit(b) > 0) {
                json_object_set_new(j, "tokens_spent", json_integer(budget_tokens_spent(b)));
                json_object_set_new(j, "tokens_limit", json_integer(budget_token_limit(b)));
                json_object_set_new(j, "tokens_reserved",
                                    json_integer(c->input_bound + c->max_tokens));
        }
        return j;
}

/* max_tokens above max_tokens_per_call: one message for `validate` and `run` (exit 4). */
static void max_tokens_message(char *out, size_t size, long max_tokens, long cap)
{
        snprintf(out, size, "max_tokens %ld is above max_tokens_per_call %ld (raise "
                 "max_tokens_per_call in config.yaml or lower max_tokens)", max_tokens, cap);
}

/* The reservation, or the step's failure (3: no price, 4: token cap or budget). */
static int reserve(struct step_ctx *ctx, const struct llm_provider *p, const char *model,
                   size_t bytes, size_t n, long max_tokens, struct budget_call *ret)
{
        struct budget *b = step_budget(ctx);
        struct budget_price price;
        struct budget_call worst = { 0 };
        int r;

        r = budget_reserve(b, p->name, model, p->local, bytes, n, max_tokens, ret);
        if (r == -ENOENT)
                return step_fail(ctx, EXIT_POLICY, EPERM, "no price for model '%s' of provider '%s': add "
                                 "it to model_prices in config.yaml (USD per 1M input and "
                                 "output tokens)", model, p->name);
        if (r == -E2BIG) {
                char msg[256];

                max_tokens_message(msg, sizeof(msg), max_tokens, budget_max_tokens_per_call(b));
                return step_fail(ctx, EXIT_BUDGET, E2BIG, "%s", msg);
        }
        if (r == -ENOSPC) {
                worst.max_tokens = max_tokens;
                worst.input_bound = budget_input_bound(bytes, n);
                step_audit(ctx, "budget_kill", "denied", figures(b, &worst, p->name, model));
                return step_fail(ctx, EXIT_BUDGET, ENOSPC, "token limit: %lld of max_tokens_per_run "
                                 "%lld used or reserved; this call could use up to %ld tokens "
                                 "(input bound %ld + max_tokens %ld), so it was not sent",
                                 (long long)(budget_tokens_spent(b) + budget_tokens_reserved(b)),
                                 (long long)budget_token_limit(b),
                                 worst.input_bound + max_tokens, worst.input_bound, max_tokens);
        }
        if (r != -EDQUOT)
                return r;
        /* Work out the worst case for the message, as the reservation did. */
        if (budget_price(b, p->name, model, p->local, &price) == 0)
                worst.reserved = (int64_t)((double)budget_input_bound(bytes, n) * price.input *
                                           1e6 + (double)max_tokens * price.output * 1e6);
        worst.max_tokens = max_tokens;
        worst.input_bound = budget_input_bound(bytes, n);
        step_audit(ctx, "budget_kill", "denied", figures(b, &worst, p->name, model));
        return step_fail(ctx, EXIT_BUDGET, EDQUOT, "budget exhausted: $%.4f spent of $%.2f; this call "
                         "could cost up to $%.4f (%s/%s, max_tokens %ld), so it was not sent",
                         budget_usd(budget_spent(b) + budget_reserved(b)),
                         budget_usd(budget_limit(b)), budget_usd(worst.reserved), p->name,
                         model, max_tokens);
}

static bool provider_allowed(const struct akios_config *c, const char *provider,
                             const char *model, struct diag *d)
{
        if (!c)
                return true;
        if (c->allowed_providers.n && !strv_contains(&c->allowed_providers, provider)) {
                diag_set(d, NULL, 0, 0, "LLM provider '%s' is not in allowed_providers",
                         provider);
                return false;
        }
        if (c->allowed_models.n && !strv_contains(&c->allowed_models, model)) {
                diag_set(d, NULL, 0, 0, "LLM model '%s' is not in allowed_models", model);
                return false;
        }
        return true;
}

static int default_max_tokens(struct step_ctx *ctx, json_int_t *ret)
{
        const json_t *v = json_object_get(ctx->params, "max_tokens");
        long cap = step_budget(ctx) ? budget_max_tokens_per_call(step_budget(ctx)) : 1000;

        if (v && !json_is_integer(v))
                return step_fail(ctx, EXIT_USAGE, EINVAL, "'max_tokens' must be an integer");
        *ret = v ? json_integer_value(v) : MIN(1000, cap > 0 ? cap : 1000);
        if (*ret <= 0)
                return step_fail(ctx, EXIT_USAGE, EINVAL, "'max_tokens' must be positive");
        return 0;
}

/* After the call: settle, record, and turn a failure into the step's verdict. */
static int settle(struct step_ctx *ctx, const struct llm_provider *p, const char *model,
                  struct budget_call *call, const struct llm_response *resp,
                  const struct llm_info *info, int r, const struct stream_guard *g,
                  const struct diag *d, double *ret_cost)
{
        struct budget *b = step_budget(ctx);
        bool billed = r == 0 || info->output_tokens_seen > 0 ||
                      (info->http_status >= 200 && info->http_status <= 299);
        int64_t charged = 0;
        json_t *ev;

        if (r == 0)
                charged = budget_settle(b, call, resp->input_tokens, resp->output_tokens,
                                        resp->usage_reported);
        else if (billed)
                /* Cut or broken mid-answer: whatever was generated is billed; charge the
                 * worst case since the usage never came. */
                charged = budget_settle(b, call, 0, 0, false);
        else
                budget_release(b, call);
        /* A cut answer still used tokens: count what was seen (the input as its bound when
         * the provider never said), so tokens and the charge agree. */
        if (r != 0 && billed)
                step_account_llm(ctx, (uint64_t)(info->input_tokens_seen > 0
                                                 ? info->input_tokens_seen : call->input_bound),
                                 (uint64_t)MAX(info->output_tokens_seen, call->output_seen));
        else
                step_account_llm(ctx, 0, 0);
        *ret_cost = budget_usd(charged);
        ev = figures(b, call, p->name, model);
        json_object_set_new(ev, "endpoint", json_string(info->endpoint));
        json_object_set_new(ev, "charged_usd", json_real(budget_usd(charged)));
        json_object_set_new(ev, "usage_reported", json_boolean(r == 0 && resp->usage_reported));
        json_object_set_new(ev, "input_tokens", json_integer(r == 0 ? resp->input_tokens : -1));
        json_object_set_new(ev, "output_tokens",
                            json_integer(r == 0 ? resp->output_tokens : info->output_tokens_seen));
        json_object_set_new(ev, "attempts", json_integer(info->attempts));
        json_object_set_new(ev, "http_status", json_integer(info->http_status));
        if (r == 0) {
                /* The step's own ledger event carries the figures (one event per call). */
                json_object_update(ctx->detail, ev);
                json_decref(ev);
                return 0;
        }
        if (g->killed && call->token_cut) {
                step_audit(ctx, "budget_kill", "denied", ev);
                return step_fail(ctx, EXIT_BUDGET, EDQUOT, "token limit: the answer was cut in flight at "
                                 "%ld output tokens; %lld tokens used of max_tokens_per_run "
                                 "%lld", MAX(info->output_tokens_seen, call->output_seen),
                                 (long long)budget_tokens_spent(b),
                                 (long long)budget_token_limit(b));
        }
        if (g->killed && call->max_cut) {
                /* The provider sent more than it was asked for: cut, and said as such. */
                json_object_set_new(ev, "cut", json_string("max_tokens_exceeded"));
                step_audit(ctx, "budget_kill", "denied", ev);
                return step_fail(ctx, EXIT_BUDGET, EDQUOT, "the provider sent more than the "
                                 "max_tokens %ld requested (a protocol violation): the answer "
                                 "was cut in flight at %ld output tokens (counted by its bytes); "
                                 "$%.4f spent of $%.4f", call->max_tokens,
                                 MAX(info->output_tokens_seen, call->output_seen),
                                 budget_usd(budget_spent(b)), budget_usd(budget_limit(b)));
        }
        if (g->killed) {
                step_audit(ctx, "budget_kill", "denied", ev);
                return step_fail(ctx, EXIT_BUDGET, EDQUOT, "budget exhausted: the answer was cut in "
                                 "flight at %ld output tokens; $%.4f spent of $%.2f",
                                 info->output_tokens_seen, budget_usd(budget_spent(b)),
                                 budget_usd(budget_limit(b)));
        }
        if (g->timed_out) {
                json_object_update(ctx->detail, ev);
                json_decref(ev);
                return step_fail_timeout(ctx);
        }
        /* The engine's failure event for this step carries the figures. */
        json_object_update(ctx->detail, ev);
        json_decref(ev);
        if (r == -EINTR)
                return step_fail(ctx, EXIT_INTERRUPTED, EINTR, "interrupted during the LLM call");
        return step_fail(ctx, r == -EPERM ? EXIT_POLICY : EXIT_FAIL, -r, "%s", d->msg);
}

/* top_p, penalties, stop, seed: checked against the provider that will get them (mock
 * takes every option: it stands for the provider a real run names). */
static int sampling_options(struct step_ctx *ctx, const struct llm_provider *p,
                            json_t **ret)
{
        const char *key;
        json_t *v, *out = NULL;
        char why[256];

        json_object_foreach(ctx->params, key, v) {
                int r;

                if (!llm_sampling_is_option(key))
                        continue;
                r = llm_sampling_check(p->wire ? p->name : NULL, key, v, why, sizeof(why));
                if (r < 0) {
                        json_decref(out);
                        return step_fail(ctx, EXIT_USAGE, EINVAL, "%s", why);
                }
                if (!p->wire)
                        continue;
                if (!out && !(out = json_object()))
                        return -ENOMEM;
                json_object_set(out, key, v);
        }
        *ret = out;
        return 0;
}

static int llm_call(struct step_ctx *ctx, bool chat, json_t **ret)
{
        const struct llm_provider *p = NULL;
        const char *model = NULL;
        struct llm_message *msgs = NULL;
        struct llm_response resp = { 0 };
        struct llm_info info = { 0 };
        struct budget_call call = { 0 };
        struct stream_guard guard = { .ctx = ctx, .call = &call };
        struct llm_request req;
        struct diag d = { 0 };
        _cleanup_free_ char *text = NULL;
        size_t n = 0, bytes = 0, text_len;
        json_int_t max_tokens = 0;
        double temperature = 0.7, cost = 0;
        json_auto_t *sampling = NULL;
        int r;

        r = pick_provider(ctx, &p, &model);
        if (r < 0)
                return r;
        /* Mock mode answers offline whatever the step names: allowed_providers and
         * allowed_models govern the providers a real run would reach. */
        if (!mock_mode(step_policy(ctx)) &&
            !provider_allowed(step_policy(ctx), p->name, model, &d))
                return step_fail(ctx, EXIT_POLICY, EPERM, "%s", d.msg);
        r = sampling_options(ctx, p, &sampling);
        if (r < 0)
                return r;
        if (!step_budget(ctx))
                return step_fail(ctx, EXIT_FAIL, EINVAL, "internal error: the run has no budget layer");
        r = default_max_tokens(ctx, &max_tokens);
        if (r < 0)
                return r;
        if (json_is_number(json_object_get(ctx->params, "temperature")))
                temperature = json_number_value(json_object_get(ctx->params, "temperature"));
        r = build_messages(ctx, chat, &msgs, &n, &bytes);
        if (r < 0)
                return r;
        /* The bound counts the redacted text actually sent. */
        bytes = 0;
        for (size_t i = 0; i < n; i++)
                bytes += strlen(msgs[i].content) + strlen(msgs[i].role);
        r = reserve(ctx, p, model, bytes, n, (long)max_tokens, &call);
        if (r < 0)
                goto free_msgs;
        req = (struct llm_request){ .provider = p->name, .model = model, .messages = msgs,
                                    .n_messages = n, .max_tokens = (long)max_tokens,
                                    .temperature = temperature, .sampling = sampling,
                                    .stream = true,
                                    .on_delta = guard_delta, .poll = guard_poll,
                                    .userdata = &guard };
        r = p->complete(&req, &resp, &info, &d);
        if (r == 0) {
                /* Never fewer tokens than the bytes that went out and came back. */
                long in_floor = budget_bytes_bound(bytes), out_floor =
                        budget_bytes_bound(strlen(resp.text));

                if (resp.input_tokens < in_floor || resp.output_tokens < out_floor)
                        json_object_set_new(ctx->detail, "usage_below_bytes_bound",
                                            json_pack("{s:I,s:I,s:I,s:I}", "reported_input",
                                                      (json_int_t)resp.input_tokens,
                                                      "reported_output",
                                                      (json_int_t)resp.output_tokens,
                                                      "input_floor", (json_int_t)in_floor,
                                                      "output_floor", (json_int_t)out_floor));
                resp.input_tokens = MAX(resp.input_tokens, in_floor);
                resp.output_tokens = MAX(resp.output_tokens, out_floor);
        }
        r = settle(ctx, p, model, &call, &resp, &info, r, &guard, &d, &cost);
free_msgs:
        for (size_t i = 0; i < n; i++)
                free((char *)msgs[i].content);
        free(msgs);
        if (r < 0) {
                llm_response_free(&resp);
                return r;
        }
        r = step_redact(ctx, REDACT_SITE_OUTPUT, resp.text, strlen(resp.text), &text, &text_len);
        if (r < 0) {
                llm_response_free(&resp);
                return r;
        }
        step_account_llm(ctx, (uint64_t)resp.input_tokens, (uint64_t)resp.output_tokens);
        *ret = json_pack("{s:s%,s:I,s:I,s:I,s:s,s:s,s:s,s:s,s:f,s:b}", "text", text, text_len,
                         "tokens_used", (json_int_t)(resp.input_tokens + resp.output_tokens),
                         "prompt_tokens", (json_int_t)resp.input_tokens,
                         "completion_tokens", (json_int_t)resp.output_tokens,
                         "model", resp.model, "llm_model", resp.model, "provider", p->name,
                         "finish_reason", resp.finish_reason, "cost_incurred", cost,
                         "usage_reported", resp.usage_reported);
        json_object_set_new(ctx->detail, "provider", json_string(p->name));
        json_object_set_new(ctx->detail, "model", json_string(resp.model));
        json_object_set_new(ctx->detail, "prompt_tokens", json_integer(resp.input_tokens));
        json_object_set_new(ctx->detail, "completion_tokens", json_integer(resp.output_tokens));
        json_object_set_new(ctx->detail, "cost_usd", json_real(cost));
        llm_response_free(&resp);
        return *ret ? 0 : -ENOMEM;
}

static int llm_complete_action(struct step_ctx *ctx, json_t **ret)
{
        return llm_call(ctx, false, ret);
}

static int llm_chat_action(struct step_ctx *ctx, json_t **ret)
{
        return llm_call(ctx, true, ret);
}

static const char *const complete_aliases[] = { "generate", NULL };
static const char *const complete_required[] = { "prompt", NULL };
static const char *const chat_required[] = { "messages", NULL };
static const char *const complete_params[] = { "prompt", "max_tokens", "temperature", "top_p",
                                               "frequency_penalty", "presence_penalty", "stop",
                                               "seed", NULL };
static const char *const chat_params[] = { "messages", "max_tokens", "temperature", "top_p",
                                           "frequency_penalty", "presence_penalty", "stop",
                                           "seed", NULL };
/* No api_key: keys come only from the environment (.env), never from a workflow. */
static const char *const llm_config_keys[] = { "provider", "model", NULL };

static const struct agent_action llm_actions[] = {
        { "complete", complete_aliases, complete_required, llm_complete_action,
          complete_params },
        { "chat", NULL, chat_required, llm_chat_action, chat_params },
};

/* A config scalar that templating will not change, or NULL. */
static const char *static_scalar(const struct step *s, const char *key)
{
        const struct ynode *n = ymap_get(s->config, key);

        return n && n->type == Y_SCALAR && !strchr(n->str, '{') && *n->str ? n->str : NULL;
}

/* Validate time, in mock mode too (run checks the same at the call, with the same message):
 * a literal max_tokens above max_tokens_per_call (-EDQUOT, exit 4), and sampling options the
 * named provider does not take or values out of range (-EINVAL, exit 2). */
static int check_static_params(const struct step *s, const struct akios_config *c,
                               struct diag *d)
{
        const struct ynode *mt = ymap_get(s->parameters, "max_tokens");
        const char *env = getenv("AKIOS_LLM_PROVIDER");
        const char *name = env && *env ? env : static_scalar(s, "provider");
        const struct llm_provider *p = name ? llm_provider_find(name) : NULL;
        long v;

        if (mt && mt->type == Y_SCALAR && !strchr(mt->str, '{') && yscalar_long(mt, &v) == 0 &&
            c->max_tokens_per_call > 0 && v > c->max_tokens_per_call) {
                char msg[256];

                max_tokens_message(msg, sizeof(msg), v, c->max_tokens_per_call);
                diag_set(d, NULL, mt->line, mt->col, "%s", msg);
                return -EDQUOT;
        }
        for (size_t i = 0; s->parameters && i + 1 < s->parameters->n; i += 2) {
                const struct ynode *k = s->parameters->items[i], *n = s->parameters->items[i + 1];
                json_t *val;
                char why[256];
                int r;

                if (!llm_sampling_is_option(k->str))
                        continue;
                val = n->type == Y_SCALAR && strchr(n->str, '{') ? NULL : ynode_to_json(n);
                r = llm_sampling_check(p && p->wire && !mock_mode(c) ? p->name : NULL, k->str,
                                       val, why, sizeof(why));
                json_decref(val);
                if (r < 0) {
                        diag_set(d, NULL, k->line, k->col, "%s", why);
                        return -EINVAL;
                }
        }
        return 0;
}

/* Validate time: the provider and model the step will use (as far as they are known
 * without running) must be allowed and, for a paid provider, priced. */
static int llm_check_policy(const struct step *s, const struct akios_config *c, struct diag *d)
{
        const char *name = getenv("AKIOS_LLM_PROVIDER"), *model = getenv("AKIOS_LLM_MODEL");
        const struct ynode *at = s->config ? s->config : s->node;
        const struct llm_provider *p;
        struct budget *b = NULL;
        struct budget_price price;
        int r;

        if (!c)
                return 0;
        r = check_static_params(s, c, d);
        if (r < 0 || mock_mode(c))
                return r;
        if (!name || !*name)
                name = static_scalar(s, "provider");
        if (!model || !*model)
                model = static_scalar(s, "model");
        if (!name)
                return 0;
        p = llm_provider_find(name);
        if (!p && !strchr(name, '{')) {
                diag_set(d, NULL, at ? at->line : 0, at ? at->col : 0,
                         "unknown LLM provider '%s'", name);
                return -EPERM;
        }
        if (!p)
                return 0;
        if (!model && static_scalar(s, "model") == NULL && ymap_get(s->config, "model"))
                return 0;       /* templated model: checked at run time */
        if (!model)
                model = llm_provider_default_model(p);
        if (!provider_allowed(c, p->name, model, d)) {
                d->line = at ? at->line : 0;
                d->col = at ? at->col : 0;
                return -EPERM;
        }
        if (budget_new(c, &b) < 0)
                return 0;       /* a bad price table is the config's error, reported there */
        r = budget_price(b, p->name, model, p->local, &price);
        budget_free(b);
        if (r == -ENOENT) {
                diag_set(d, NULL, at ? at->line : 0, at ? at->col : 0,
                         "no price for model '%s' of provider '%s': add it to model_prices in "
                         "config.yaml", model, p->name);
                return -EPERM;
        }
        return 0;
}

const struct agent agent_llm = {
        .name = "llm",
        .actions = llm_actions,
        .n_actions = ARRAY_SIZE(llm_actions),
        .check_policy = llm_check_policy,
        .config_keys = llm_config_keys,
};
