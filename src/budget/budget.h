/* SPDX-License-Identifier: GPL-3.0-or-later */
/* budget: the spend layer. One budget per run, created by the engine from the config
 * (budget_limit_per_run, max_tokens_per_call, cost_kill_enabled, model_prices).
 *
 * Money is counted in integer pico-dollars (1e-12 USD), so comparisons against the limit are
 * exact ("budget exactly reached" is not a rounding accident). Prices are USD per 1M tokens,
 * separate for input and output; a price per token in pUSD is price * 1e6, rounded UP.
 *
 * Protocol (reserve, then settle; research §C3):
 *   1. budget_reserve() before a call: worst case = input bound (UTF-8 bytes of every message
 *      plus a per-message overhead: byte-level BPE never makes more tokens than bytes) times
 *      the input rate, plus max_tokens times the output rate. Refused (-EDQUOT) when it does
 *      not fit in what is left, so spend is stopped before it happens.
 *   2. budget_stream_check() on every streamed delta: -EDQUOT as soon as the running cost
 *      would pass the limit or the output passes the call's token cap (a provider that
 *      ignores max_tokens), so the caller can cut the stream in flight.
 *   3. budget_settle() after the call with the provider's usage; without usage (stream cut,
 *      provider silent) the whole reservation, or the running count if larger, is charged.
 *
 * Prices: model_prices from the config ("model" or "provider/model" keys) override and
 * extend the built-in table. An unknown model of a paid provider has no price and is refused
 * (-ENOENT): never guess low. Local providers (ollama, mock) cost 0 unless configured.
 * With cost_kill_enabled false nothing is refused, but everything is still counted.
 *
 * Tokens (max_tokens_per_run, input + output, 0: no limit) follow the same protocol: the
 * reservation holds input bound + max_tokens tokens (-ENOSPC when that does not fit in what
 * is left), the stream is cut when the running count would pass the limit, and settlement
 * charges the reported usage (or the worst case). The token kill-switch holds even when
 * cost_kill_enabled is false or the model costs nothing (mock, local).
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#include "util/util.h"

struct akios_config;
struct budget;

#define PUSD_PER_USD 1000000000000LL

struct budget_price {
        double input;           /* USD per 1M input tokens */
        double output;          /* USD per 1M output tokens */
        long long_context;      /* input tokens above which the long rates apply; 0: none */
        double long_input, long_output;
        bool configured;        /* from model_prices (not the built-in table) */
};

/* One call in flight. Filled by budget_reserve; the caller keeps it until budget_settle. */
struct budget_call {
        int64_t in_rate, out_rate;   /* pUSD per token, long-context tier applied */
        long input_bound;            /* tokens the input cannot exceed */
        long max_tokens;             /* output cap of this call */
        int64_t reserved;            /* pUSD */
        long output_seen;            /* running output tokens (stream) */
        int64_t tokens_reserved;     /* input_bound + max_tokens */
        bool token_cut;              /* the stream was cut by the token limit */
        bool max_cut;                /* ... by passing its own max_tokens (the provider sent
                                      * more than was asked: a protocol violation) */
        bool settled;
};

int budget_new(const struct akios_config *cfg, struct budget **ret);
void budget_free(struct budget *b);

/* Price of provider/model: configured first ("provider/model", then "model"), then the
 * built-in table (exact, then a dated or "-latest" variant of a known model). Local
 * providers without a configured price cost 0. -ENOENT when a paid model has no price. */
int budget_price(const struct budget *b, const char *provider, const char *model, bool local,
                 struct budget_price *ret);

/* Worst-case token bound of an input of `bytes` UTF-8 bytes in `n_messages` messages. */
long budget_input_bound(size_t bytes, size_t n_messages);
/* The fewest tokens `bytes` of text can be, by the bytes actually sent or received
 * (BUDGET_BYTES_PER_TOKEN per token, the usual size of an English token, so it errs high for
 * honest providers only slightly): settlement and the in-flight cut never count fewer, so a
 * server that under-reports usage (or streams one huge delta) cannot make a call cheaper
 * than its bytes. */
#define BUDGET_BYTES_PER_TOKEN 4
long budget_bytes_bound(size_t bytes);

/* Reserve a call. -ENOENT: no price (policy, exit 3); -E2BIG: max_tokens above
 * max_tokens_per_call (exit 4); -EDQUOT: would pass budget_limit_per_run (exit 4); -ENOSPC:
 * would pass max_tokens_per_run (exit 4). */
int budget_reserve(struct budget *b, const char *provider, const char *model, bool local,
                   size_t input_bytes, size_t n_messages, long max_tokens,
                   struct budget_call *ret);
/* Running check while a stream arrives: 0, or -EDQUOT (stop the stream now). */
int budget_stream_check(const struct budget *b, struct budget_call *c, long output_tokens);
/* Settle on the reported usage (usage_known) or charge the worst case. Releases the
 * reservation; returns the pUSD charged (>= 0). Calling it twice charges once. */
int64_t budget_settle(struct budget *b, struct budget_call *c, long input_tokens,
                      long output_tokens, bool usage_known);
/* Release a reservation that was never sent (nothing charged). */
void budget_release(struct budget *b, struct budget_call *c);

int64_t budget_spent(const struct budget *b);     /* settled pUSD */
int64_t budget_reserved(const struct budget *b);  /* outstanding reservations, pUSD */
int64_t budget_limit(const struct budget *b);     /* pUSD */
long budget_max_tokens_per_call(const struct budget *b);
int64_t budget_tokens_spent(const struct budget *b);    /* settled input + output tokens */
int64_t budget_tokens_reserved(const struct budget *b);
int64_t budget_token_limit(const struct budget *b);     /* 0: none */
bool budget_kill_enabled(const struct budget *b);

static inline double budget_usd(int64_t pusd)
{
        return (double)pusd / (double)PUSD_PER_USD;
}
