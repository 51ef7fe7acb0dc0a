/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in price table: USD per 1M tokens, separate input and output rates, from the
 * LiteLLM price snapshot cited in research/pii-audit-budget-anchors.md §C1 (and the
 * providers' published list prices for the few default models that snapshot did not show).
 * It does not hold cache, batch or reasoning rates (reasoning tokens are billed as output,
 * which is how the providers report them). Configured `model_prices` win over this table.
 *
 * A model name also matches a table key when it is that key plus a date suffix
 * ("-20250929", "-2024-08-06") or "-latest", never a looser prefix: "gpt-4o-mini" must not
 * be priced as "gpt-4o".
 */
#include <ctype.h>

#include "budget/budget.h"
#include "budget/prices.h"

static const struct builtin_price builtin[] = {
        /* OpenAI */
        { "openai", "gpt-4o", { 2.50, 10.00 } },
        { "openai", "gpt-4o-2024-05-13", { 5.00, 15.00 } },
        { "openai", "gpt-4o-mini", { 0.15, 0.60 } },
        { "openai", "gpt-4.1", { 2.00, 8.00 } },
        { "openai", "gpt-4.1-mini", { 0.40, 1.60 } },
        { "openai", "gpt-4.1-nano", { 0.10, 0.40 } },
        { "openai", "gpt-4-turbo", { 10.00, 30.00 } },
        { "openai", "gpt-4", { 30.00, 60.00 } },
        { "openai", "gpt-3.5-turbo", { 0.50, 1.50 } },
        /* Anthropic */
        { "anthropic", "claude-sonnet-4-5", { 3.00, 15.00, 200000, 6.00, 22.50 } },
        { "anthropic", "claude-sonnet-4-6", { 3.00, 15.00 } },
        { "anthropic", "claude-sonnet-4", { 3.00, 15.00, 200000, 6.00, 22.50 } },
        { "anthropic", "claude-haiku-4-5", { 1.00, 5.00 } },
        { "anthropic", "claude-opus-4", { 15.00, 75.00 } },
        { "anthropic", "claude-opus-4-1", { 15.00, 75.00 } },
        { "anthropic", "claude-3-7-sonnet", { 3.00, 15.00 } },
        { "anthropic", "claude-3-5-sonnet", { 3.00, 15.00 } },
        { "anthropic", "claude-3-5-haiku", { 0.80, 4.00 } },
        { "anthropic", "claude-3-haiku", { 0.25, 1.25 } },
        { "anthropic", "claude-3-opus", { 15.00, 75.00 } },
        /* Google Gemini */
        { "gemini", "gemini-2.5-pro", { 1.25, 10.00, 200000, 2.50, 15.00 } },
        { "gemini", "gemini-2.5-flash", { 0.30, 2.50 } },
        { "gemini", "gemini-2.0-flash", { 0.10, 0.40 } },
        { "gemini", "gemini-2.0-flash-lite", { 0.075, 0.30 } },
        { "gemini", "gemini-1.5-flash", { 0.075, 0.30, 128000, 0.15, 0.60 } },
        { "gemini", "gemini-1.5-pro", { 1.25, 5.00, 128000, 2.50, 10.00 } },
        /* Mistral (per 1M, not AKIOS's 1000x-wrong per-1K figures) */
        { "mistral", "mistral-large-latest", { 0.50, 1.50 } },
        { "mistral", "mistral-large-2411", { 2.00, 6.00 } },
        { "mistral", "mistral-medium-latest", { 1.50, 7.50 } },
        { "mistral", "mistral-small-latest", { 0.06, 0.18 } },
        /* xAI Grok */
        { "grok", "grok-4", { 3.00, 15.00 } },
        { "grok", "grok-3", { 3.00, 15.00 } },
        { "grok", "grok-3-mini", { 0.30, 0.50 } },
        /* Amazon Bedrock, on-demand list prices (us-east-1) by model id: Anthropic's models at
         * Anthropic's own rates above, Amazon Nova at AWS's. A cross-region inference profile
         * ("us.anthropic...") is not matched: give it a model_prices entry. */
        { "bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0", { 0.80, 4.00 } },
        { "bedrock", "anthropic.claude-3-haiku-20240307-v1:0", { 0.25, 1.25 } },
        { "bedrock", "anthropic.claude-3-5-sonnet-20240620-v1:0", { 3.00, 15.00 } },
        { "bedrock", "anthropic.claude-3-5-sonnet-20241022-v2:0", { 3.00, 15.00 } },
        { "bedrock", "anthropic.claude-3-7-sonnet-20250219-v1:0", { 3.00, 15.00 } },
        { "bedrock", "anthropic.claude-sonnet-4-20250514-v1:0",
          { 3.00, 15.00, 200000, 6.00, 22.50 } },
        { "bedrock", "anthropic.claude-haiku-4-5-20251001-v1:0", { 1.00, 5.00 } },
        { "bedrock", "anthropic.claude-3-opus-20240229-v1:0", { 15.00, 75.00 } },
        { "bedrock", "anthropic.claude-opus-4-20250514-v1:0", { 15.00, 75.00 } },
        { "bedrock", "amazon.nova-micro-v1:0", { 0.035, 0.14 } },
        { "bedrock", "amazon.nova-lite-v1:0", { 0.06, 0.24 } },
        { "bedrock", "amazon.nova-pro-v1:0", { 0.80, 3.20 } },
};

/* "-20250929", "-2024-08-06" or "-latest" exactly. */
static bool is_version_suffix(const char *s)
{
        size_t digits = 0, dashes = 0;

        if (*s != '-')
                return false;
        if (streq(s, "-latest"))
                return true;
        for (s++; *s; s++) {
                if (isdigit((unsigned char)*s))
                        digits++;
                else if (*s == '-')
                        dashes++;
                else
                        return false;
        }
        return digits == 8 && dashes <= 2;
}

const struct builtin_price *builtin_price_find(const char *provider, const char *model)
{
        const struct builtin_price *best = NULL;
        size_t best_len = 0;

        for (size_t i = 0; i < ARRAY_SIZE(builtin); i++) {
                const struct builtin_price *p = &builtin[i];
                size_t n = strlen(p->model);

                if (!streq(p->provider, provider))
                        continue;
                if (streq(p->model, model))
                        return p;
                if (strncmp(p->model, model, n) == 0 && is_version_suffix(model + n) &&
                    n > best_len) {
                        best = p;
                        best_len = n;
                }
        }
        return best;
}

size_t builtin_price_count(void)
{
        return ARRAY_SIZE(builtin);
}
