/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The budget layer: price table (separate input/output, dated variants, no loose prefixes,
 * configured overrides, unknown paid models refused, local free), exact integer accounting,
 * reserve-then-settle, the limit reached exactly, the in-flight stream check, and
 * max_tokens_per_call. */
#include <stdio.h>

#include "tap.h"

#include "budget/budget.h"
#include "config/config.h"

static struct akios_config cfg(double limit, long max_tokens, json_t *prices)
{
        struct akios_config c = { 0 };

        c.budget_limit_per_run = limit;
        c.max_tokens_per_call = max_tokens;
        c.cost_kill_enabled = true;
        c.model_prices = prices;
        return c;
}

static void test_prices(void)
{
        json_t *prices = json_pack("{s:{s:f,s:f},s:{s:f,s:f}}", "my-model", "input", 1.0,
                                   "output", 2.0, "openai/gpt-4o", "input", 9.0, "output", 9.0);
        struct akios_config c = cfg(1.0, 1000, prices);
        struct budget *b = NULL;
        struct budget_price p;

        is_int(budget_new(&c, &b), 0, "budget_new");
        is_int(budget_price(b, "openai", "gpt-4o-mini", false, &p), 0, "gpt-4o-mini priced");
        ok(p.input == 0.15 && p.output == 0.60, "gpt-4o-mini 0.15/0.60, not gpt-4o's");
        is_int(budget_price(b, "anthropic", "claude-sonnet-4-5-20250929", false, &p), 0,
               "dated snapshot priced");
        ok(p.input == 3.0 && p.output == 15.0, "claude-sonnet-4-5-20250929 3/15");
        is_int(budget_price(b, "mistral", "mistral-small-latest", false, &p), 0, "mistral");
        ok(p.input == 0.06 && p.output == 0.18, "mistral small per 1M, not 1000x");
        is_int(budget_price(b, "bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0", false,
                            &p), 0, "bedrock's default model priced");
        ok(p.input == 0.80 && p.output == 4.00, "bedrock claude 3.5 haiku 0.80/4.00 per 1M "
           "(AKIOS: 0.00025 per 1K in)");
        is_int(budget_price(b, "bedrock", "amazon.nova-lite-v1:0", false, &p), 0, "nova lite");
        ok(p.input == 0.06 && p.output == 0.24, "bedrock nova lite 0.06/0.24");
        is_int(budget_price(b, "bedrock", "us.anthropic.claude-3-5-haiku-20241022-v1:0", false,
                            &p), -ENOENT, "a cross-region profile is not guessed");
        is_int(budget_price(b, "openai", "gpt-4o-evil", false, &p), -ENOENT,
               "no loose prefix match");
        is_int(budget_price(b, "openai", "gpt-9", false, &p), -ENOENT, "unknown paid model");
        is_int(budget_price(b, "ollama", "llama3.2", true, &p), 0, "local model");
        ok(p.input == 0 && p.output == 0, "local costs nothing");
        is_int(budget_price(b, "ollama", "my-model", true, &p), 0, "configured local model");
        ok(p.input == 1.0 && p.configured, "configured price wins for a local provider");
        is_int(budget_price(b, "openai", "gpt-4o", false, &p), 0, "provider/model override");
        ok(p.input == 9.0, "configured openai/gpt-4o overrides the table");
        budget_free(b);
        json_decref(prices);

        prices = json_pack("{s:{s:f}}", "x", "input", 1.0);
        c = cfg(1.0, 1000, prices);
        is_int(budget_new(&c, &b), -EINVAL, "a price without output is refused");
        json_decref(prices);
}

static void test_reserve_settle(void)
{
        /* $1 per 1M in = 1e6 pUSD per token; $2 per 1M out. */
        json_t *prices = json_pack("{s:{s:f,s:f}}", "m", "input", 1.0, "output", 2.0);
        struct akios_config c;
        struct budget *b = NULL;
        struct budget_call call, call2;
        long bound = budget_input_bound(100, 1);
        int64_t reserve = bound * 1000000LL + 50 * 2000000LL, charged;

        /* A limit that fits exactly two worst-case calls. */
        c = cfg(budget_usd(2 * reserve), 50, prices);
        is_int(budget_new(&c, &b), 0, "budget_new");
        ok(bound >= 100, "input bound %ld covers one token per byte", bound);
        is_int(budget_reserve(b, "openai", "m", false, 100, 1, 51, &call), -E2BIG,
               "max_tokens above max_tokens_per_call refused");
        is_int(budget_reserve(b, "openai", "m", false, 100, 1, 50, &call), 0, "reserve 1");
        is_int(call.reserved, reserve, "worst case = bound x in + max_tokens x out");
        is_int(budget_reserved(b), reserve, "outstanding reservation");
        charged = budget_settle(b, &call, bound, 50, true);
        is_int(charged, reserve, "settled on reported usage (the worst case)");
        is_int(budget_settle(b, &call, 1, 1, true), 0, "settling twice charges once");
        is_int(budget_reserve(b, "openai", "m", false, 100, 1, 50, &call), 0,
               "reserve 2 reaches the limit exactly");
        is_int(budget_stream_check(b, &call, 50), 0, "stream at the cap is fine");
        is_int(budget_stream_check(b, &call, 51), -EDQUOT, "one token past the cap: stop");
        is_int(budget_settle(b, &call, 10, 10, true), 10 * 1000000LL + 10 * 2000000LL,
               "settle on usage below the reservation");
        is_int(budget_reserve(b, "openai", "m", false, 100, 1, 50, &call2), -EDQUOT,
               "reserve 3 would pass the limit: refused before the call");
        ok(budget_spent(b) <= budget_limit(b), "spent never passes the limit");
        is_int(budget_reserve(b, "openai", "unknown", false, 1, 1, 1, &call2), -ENOENT,
               "unknown paid model has no price");
        budget_free(b);

        /* Missing usage: the reservation is charged. */
        c = cfg(1.0, 1000, prices);
        budget_new(&c, &b);
        budget_reserve(b, "openai", "m", false, 10, 1, 20, &call);
        budget_stream_check(b, &call, 5);
        is_int(budget_settle(b, &call, 0, 0, false), call.reserved,
               "no usage: the whole reservation is charged");
        budget_reserve(b, "openai", "m", false, 10, 1, 20, &call);
        budget_release(b, &call);
        is_int(budget_reserved(b), 0, "release frees the reservation");
        budget_free(b);

        /* The running cost check against the limit mid-stream. */
        c = cfg(budget_usd(budget_input_bound(0, 1) * 1000000LL + 5 * 2000000LL), 1000, prices);
        budget_new(&c, &b);
        is_int(budget_reserve(b, "openai", "m", false, 0, 1, 100, &call), -EDQUOT,
               "100 tokens do not fit");
        is_int(budget_reserve(b, "openai", "m", false, 0, 1, 5, &call), 0, "5 tokens fit");
        is_int(budget_stream_check(b, &call, 5), 0, "5 tokens streamed: ok");
        is_int(budget_stream_check(b, &call, 6), -EDQUOT, "the 6th would pass the budget");
        budget_free(b);

        c = cfg(0.000001, 1000, prices);
        c.cost_kill_enabled = false;
        budget_new(&c, &b);
        is_int(budget_reserve(b, "openai", "m", false, 1000, 1, 1000, &call), 0,
               "cost_kill_enabled false: counted, not refused");
        budget_settle(b, &call, 1000, 1000, true);
        ok(budget_spent(b) > budget_limit(b), "and the spend is still counted");
        budget_free(b);
        json_decref(prices);
}

static void test_rates(void)
{
        struct akios_config c = cfg(10.0, 1000, NULL);
        struct budget *b = NULL;
        struct budget_call call;

        budget_new(&c, &b);
        is_int(budget_reserve(b, "openai", "gpt-4o-mini", false, 0, 0, 1, &call), 0, "reserve");
        is_int(call.in_rate, 150000, "0.15 USD/1M = 150000 pUSD per token, no float noise");
        is_int(call.out_rate, 600000, "0.60 USD/1M = 600000 pUSD per token");
        budget_release(b, &call);
        is_int(budget_reserve(b, "anthropic", "claude-sonnet-4-5", false, 300000, 1, 10, &call),
               0, "long prompt");
        is_int(call.in_rate, 6000000, "above 200k input tokens the long-context rate applies");
        budget_free(b);
}

/* max_tokens_per_run: reserve (input bound + max_tokens), cut in flight, settle on usage,
 * enforced with cost_kill_enabled off and on a free (local) model. */
static void test_token_limit(void)
{
        struct akios_config c = cfg(1.0, 1000, NULL);
        struct budget *b = NULL;
        struct budget_call call = { 0 }, second = { 0 };
        long bound = budget_input_bound(100, 1);

        c.cost_kill_enabled = false;
        c.max_tokens_per_run = bound + 200;
        is_int(budget_new(&c, &b), 0, "budget_new with a token limit");
        is_int((int)budget_token_limit(b), (int)(bound + 200), "the limit is the config's");
        is_int(budget_reserve(b, "mock", "m", true, 100, 1, 201, &call), -ENOSPC,
               "a reservation one token over the limit is refused (-ENOSPC)");
        is_int(budget_reserve(b, "mock", "m", true, 100, 1, 200, &call), 0,
               "a reservation exactly at the limit fits");
        is_int(budget_reserve(b, "mock", "m", true, 0, 0, 1, &second), -ENOSPC,
               "nothing more fits while it is outstanding");
        is_int(budget_stream_check(b, &call, 200), 0, "output up to the reservation streams");
        is_int(budget_stream_check(b, &call, 201), -EDQUOT, "one more token is cut in flight");
        ok(call.token_cut, "the cut is the token limit's");
        budget_settle(b, &call, 0, 0, false);
        is_int((int)budget_tokens_spent(b), (int)(bound + 201), "a cut call is charged its "
               "worst case in tokens (the input bound and the output seen)");
        is_int((int)budget_tokens_reserved(b), 0, "nothing stays reserved");
        budget_free(b);

        c.max_tokens_per_run = 1000;
        is_int(budget_new(&c, &b), 0, "budget_new");
        is_int(budget_reserve(b, "mock", "m", true, 10, 1, 100, &call), 0, "reserve");
        budget_settle(b, &call, 30, 40, true);
        is_int((int)budget_tokens_spent(b), 70, "settled on the reported usage: 30 + 40");
        is_int(budget_reserve(b, "mock", "m", true, 10, 1, 100, &call), 0, "reserve again");
        budget_release(b, &call);
        is_int((int)budget_tokens_spent(b), 70, "a released call costs no tokens");
        budget_free(b);
}

int main(void)
{
        test_prices();
        test_reserve_settle();
        test_rates();
        test_token_limit();
        return done_testing();
}
