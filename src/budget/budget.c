/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The budget of one run: prices, reservations, settlement (protocol in budget.h).
 *
 * This file counts money and says yes or no; it does not talk to providers, print, or write
 * the ledger (the llm agent records the figures it returns). Amounts are saturating int64
 * pico-dollars so no input can wrap a comparison around.
 */
#include <limits.h>

#include "budget/budget.h"
#include "budget/prices.h"
#include "config/config.h"

#define MAX_PRICE_PER_1M CONFIG_PRICE_MAX_PER_1M /* the cap config validated against */
#define MSG_OVERHEAD_TOKENS 8           /* role + framing per message (OpenAI: 3-4) */
#define CALL_OVERHEAD_TOKENS 16         /* reply priming, system framing */

struct configured_price {
        char *key;                      /* "model" or "provider/model" */
        struct budget_price price;
};

struct budget {
        int64_t limit, spent, reserved;
        int64_t token_limit, tokens_spent, tokens_reserved;
        long max_tokens_per_call;
        bool kill;
        struct configured_price *prices;
        size_t n_prices;
};

static int64_t sat_add(int64_t a, int64_t b)
{
        int64_t r;

        return __builtin_add_overflow(a, b, &r) ? INT64_MAX : r;
}

static int64_t sat_mul(int64_t a, int64_t b)
{
        int64_t r;

        return __builtin_mul_overflow(a, b, &r) ? INT64_MAX : r;
}

/* USD per 1M tokens -> pUSD per token, rounded up unless it is an integer already. */
static int64_t rate_of(double per_1m)
{
        double v = per_1m * 1e6;
        int64_t r = (int64_t)(v + 0.5), t = (int64_t)v;
        double diff = v - (double)r;

        /* No libm: round when v is an integer up to float noise, else round up. */
        if (diff < 0)
                diff = -diff;
        if (diff <= 1e-6 * (v > 1.0 ? v : 1.0))
                return r;
        return (double)t < v ? t + 1 : t;
}

static int parse_price(const json_t *v, struct budget_price *ret)
{
        const json_t *in = json_object_get(v, "input"), *out = json_object_get(v, "output");
        struct budget_price p = { .configured = true };

        if (!json_is_object(v) || !json_is_number(in) || !json_is_number(out))
                return -EINVAL;
        p.input = json_number_value(in);
        p.output = json_number_value(out);
        if (!(p.input >= 0 && p.input <= MAX_PRICE_PER_1M && p.output >= 0 &&
              p.output <= MAX_PRICE_PER_1M))
                return -EINVAL;
        *ret = p;
        return 0;
}

static int load_prices(struct budget *b, const json_t *prices)
{
        const char *key;
        json_t *v;

        if (!prices)
                return 0;
        if (!json_is_object(prices))
                return -EINVAL;
        b->prices = calloc(json_object_size(prices) + 1, sizeof(*b->prices));
        if (!b->prices)
                return -ENOMEM;
        json_object_foreach((json_t *)prices, key, v) {
                struct configured_price *cp = &b->prices[b->n_prices];
                int r = parse_price(v, &cp->price);

                if (r < 0)
                        return r;
                cp->key = strdup(key);
                if (!cp->key)
                        return -ENOMEM;
                b->n_prices++;
        }
        return 0;
}

int budget_new(const struct akios_config *cfg, struct budget **ret)
{
        struct budget *b = calloc(1, sizeof(*b));
        double limit = cfg ? cfg->budget_limit_per_run : 1.0;
        int r;

        if (!b)
                return -ENOMEM;
        b->max_tokens_per_call = cfg ? cfg->max_tokens_per_call : 1000;
        b->kill = cfg ? cfg->cost_kill_enabled : true;
        b->token_limit = cfg ? cfg->max_tokens_per_run : 0;
        if (!(limit >= 0 && limit < 9e6)) {
                budget_free(b);
                return -EINVAL;
        }
        b->limit = (int64_t)(limit * (double)PUSD_PER_USD + 0.5);
        r = load_prices(b, cfg ? cfg->model_prices : NULL);
        if (r < 0) {
                budget_free(b);
                return r;
        }
        *ret = b;
        return 0;
}

void budget_free(struct budget *b)
{
        if (!b)
                return;
        for (size_t i = 0; i < b->n_prices; i++)
                free(b->prices[i].key);
        free(b->prices);
        free(b);
}

static const struct budget_price *configured_find(const struct budget *b, const char *provider,
                                                  const char *model)
{
        size_t plen = strlen(provider);

        for (size_t i = 0; i < b->n_prices; i++) {
                const char *k = b->prices[i].key;

                if (strncmp(k, provider, plen) == 0 && k[plen] == '/' && streq(k + plen + 1, model))
                        return &b->prices[i].price;
        }
        for (size_t i = 0; i < b->n_prices; i++)
                if (streq(b->prices[i].key, model))
                        return &b->prices[i].price;
        return NULL;
}

int budget_price(const struct budget *b, const char *provider, const char *model, bool local,
                 struct budget_price *ret)
{
        const struct budget_price *p = configured_find(b, provider, model);
        const struct builtin_price *bp;

        if (p) {
                *ret = *p;
                return 0;
        }
        if (local) {
                *ret = (struct budget_price){ 0 };
                return 0;
        }
        bp = builtin_price_find(provider, model);
        if (!bp)
                return -ENOENT;
        *ret = bp->price;
        return 0;
}

long budget_input_bound(size_t bytes, size_t n_messages)
{
        uint64_t t = (uint64_t)bytes + (uint64_t)n_messages * MSG_OVERHEAD_TOKENS +
                     CALL_OVERHEAD_TOKENS;

        return t > LONG_MAX / 2 ? LONG_MAX / 2 : (long)t;
}

long budget_bytes_bound(size_t bytes)
{
        uint64_t t = ((uint64_t)bytes + BUDGET_BYTES_PER_TOKEN - 1) / BUDGET_BYTES_PER_TOKEN;

        return t > LONG_MAX / 2 ? LONG_MAX / 2 : (long)t;
}

static int64_t call_cost(const struct budget_call *c, long in, long out)
{
        return sat_add(sat_mul(in, c->in_rate), sat_mul(out, c->out_rate));
}

int budget_reserve(struct budget *b, const char *provider, const char *model, bool local,
                   size_t input_bytes, size_t n_messages, long max_tokens,
                   struct budget_call *ret)
{
        struct budget_price p;
        struct budget_call c = { 0 };
        bool long_ctx;
        int r;

        r = budget_price(b, provider, model, local, &p);
        if (r < 0)
                return r;
        if (max_tokens <= 0 || (b->max_tokens_per_call > 0 && max_tokens > b->max_tokens_per_call))
                return -E2BIG;
        c.input_bound = budget_input_bound(input_bytes, n_messages);
        c.max_tokens = max_tokens;
        long_ctx = p.long_context > 0 && c.input_bound > p.long_context;
        c.in_rate = rate_of(long_ctx ? p.long_input : p.input);
        c.out_rate = rate_of(long_ctx ? p.long_output : p.output);
        c.reserved = call_cost(&c, c.input_bound, max_tokens);
        c.tokens_reserved = sat_add(c.input_bound, max_tokens);
        if (b->kill && sat_add(sat_add(b->spent, b->reserved), c.reserved) > b->limit)
                return -EDQUOT;
        if (b->token_limit > 0 &&
            sat_add(sat_add(b->tokens_spent, b->tokens_reserved), c.tokens_reserved) >
                    b->token_limit)
                return -ENOSPC;
        b->reserved = sat_add(b->reserved, c.reserved);
        b->tokens_reserved = sat_add(b->tokens_reserved, c.tokens_reserved);
        *ret = c;
        return 0;
}

int budget_stream_check(const struct budget *b, struct budget_call *c, long output_tokens)
{
        int64_t running;

        c->output_seen = output_tokens;
        /* Tokens: the other calls' reservations, this call's worst-case input, the output so
         * far. Enforced whatever cost_kill_enabled says (a token limit is explicit). */
        if (b->token_limit > 0 &&
            sat_add(sat_add(b->tokens_spent, b->tokens_reserved - c->tokens_reserved),
                    sat_add(c->input_bound, output_tokens)) > b->token_limit) {
                c->token_cut = true;
                return -EDQUOT;
        }
        if (!b->kill)
                return 0;
        if (output_tokens > c->max_tokens) {
                c->max_cut = true;
                return -EDQUOT;
        }
        /* The other reservations still stand; this call counts its worst-case input and
         * the output seen so far. */
        running = sat_add(call_cost(c, c->input_bound, output_tokens),
                          sat_add(b->spent, b->reserved - c->reserved));
        return running > b->limit ? -EDQUOT : 0;
}

int64_t budget_settle(struct budget *b, struct budget_call *c, long input_tokens,
                      long output_tokens, bool usage_known)
{
        int64_t charge, tokens;

        if (c->settled)
                return 0;
        if (usage_known && input_tokens >= 0 && output_tokens >= 0) {
                charge = call_cost(c, input_tokens, MAX(output_tokens, 0));
                tokens = sat_add(input_tokens, MAX(output_tokens, 0));
        } else {
                charge = MAX(c->reserved, call_cost(c, c->input_bound, c->output_seen));
                tokens = MAX(c->tokens_reserved, sat_add(c->input_bound, c->output_seen));
        }
        b->tokens_reserved -= c->tokens_reserved;
        b->tokens_spent = sat_add(b->tokens_spent, tokens);
        b->reserved -= c->reserved;
        b->spent = sat_add(b->spent, charge);
        c->settled = true;
        return charge;
}

void budget_release(struct budget *b, struct budget_call *c)
{
        if (c->settled)
                return;
        b->reserved -= c->reserved;
        b->tokens_reserved -= c->tokens_reserved;
        c->settled = true;
}

int64_t budget_spent(const struct budget *b)
{
        return b->spent;
}

int64_t budget_reserved(const struct budget *b)
{
        return b->reserved;
}

int64_t budget_limit(const struct budget *b)
{
        return b->limit;
}

long budget_max_tokens_per_call(const struct budget *b)
{
        return b->max_tokens_per_call;
}

bool budget_kill_enabled(const struct budget *b)
{
        return b->kill;
}

int64_t budget_tokens_spent(const struct budget *b)
{
        return b->tokens_spent;
}

int64_t budget_tokens_reserved(const struct budget *b)
{
        return b->tokens_reserved;
}

int64_t budget_token_limit(const struct budget *b)
{
        return b->token_limit;
}
