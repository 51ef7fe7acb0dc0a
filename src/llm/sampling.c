// SPDX-License-Identifier: GPL-3.0-or-later
/* Sampling options beyond temperature and max_tokens (top_p, frequency_penalty,
 * presence_penalty, stop, seed): which provider takes which, under what name and where in its
 * request body. One table (STYLE rule 7); the body functions of the format files call
 * llm_sampling_apply() on the object the options belong in, and the llm agent refuses an
 * option its provider does not take (validation names it; nothing is accepted and dropped).
 *
 * It checks values (ranges, types) once, here, for validation and for the call alike.
 */
#include <stdio.h>

#include "llm/internal.h"

struct sampling_option {
        const char *name;
        double min, max;        /* numbers; seed: integer in range; stop: list length */
        enum { S_NUMBER, S_INTEGER, S_STOP } kind;
};

static const struct sampling_option options[] = {
        { "top_p", 0, 1, S_NUMBER },
        { "frequency_penalty", -2, 2, S_NUMBER },
        { "presence_penalty", -2, 2, S_NUMBER },
        { "stop", 1, 4, S_STOP },
        { "seed", 0, 4294967295.0, S_INTEGER },
};

/* provider, option, the provider's own field name (NULL: not taken). */
struct sampling_row {
        const char *provider;
        const char *wire[ARRAY_SIZE(options)];
};

static const struct sampling_row rows[] = {
        { "openai", { "top_p", "frequency_penalty", "presence_penalty", "stop", "seed" } },
        { "grok", { "top_p", "frequency_penalty", "presence_penalty", "stop", "seed" } },
        { "mistral", { "top_p", "frequency_penalty", "presence_penalty", "stop",
                       "random_seed" } },
        { "anthropic", { "top_p", NULL, NULL, "stop_sequences", NULL } },
        { "gemini", { "topP", "frequencyPenalty", "presencePenalty", "stopSequences",
                      "seed" } },
        { "ollama", { "top_p", "frequency_penalty", "presence_penalty", "stop", "seed" } },
        { "bedrock", { "topP", NULL, NULL, "stopSequences", NULL } },  /* inferenceConfig */
};

static int option_index(const char *name)
{
        for (size_t i = 0; i < ARRAY_SIZE(options); i++)
                if (streq(options[i].name, name))
                        return (int)i;
        return -1;
}

static const struct sampling_row *row_of(const char *provider)
{
        for (size_t i = 0; i < ARRAY_SIZE(rows); i++)
                if (streq(rows[i].provider, provider))
                        return &rows[i];
        return NULL;
}

bool llm_sampling_is_option(const char *name)
{
        return option_index(name) >= 0;
}

int llm_sampling_check(const char *provider, const char *name, const json_t *v, char *why,
                       size_t size)
{
        int i = option_index(name);
        const struct sampling_option *o;
        const struct sampling_row *row;
        size_t off = 0;

        if (i < 0)
                return -ENOENT;
        o = &options[i];
        row = provider ? row_of(provider) : NULL;
        if (row && !row->wire[i]) {
                off = (size_t)snprintf(why, size, "provider '%s' does not take '%s' (it takes:",
                                       provider, name);
                for (size_t k = 0; k < ARRAY_SIZE(options) && off < size; k++)
                        if (row->wire[k])
                                off += (size_t)snprintf(why + off, size - off, " %s",
                                                        options[k].name);
                if (off < size)
                        snprintf(why + off, size - off, ")");
                return -EOPNOTSUPP;
        }
        if (!v)
                return 0;
        switch (o->kind) {
        case S_NUMBER:
                if (json_is_number(v) && json_number_value(v) >= o->min &&
                    json_number_value(v) <= o->max)
                        return 0;
                snprintf(why, size, "'%s' must be a number in [%g, %g]", name, o->min, o->max);
                return -EINVAL;
        case S_INTEGER:
                if (json_is_integer(v) && json_integer_value(v) >= (json_int_t)o->min &&
                    (double)json_integer_value(v) <= o->max)
                        return 0;
                snprintf(why, size, "'%s' must be an integer in [%g, %g]", name, o->min, o->max);
                return -EINVAL;
        case S_STOP: {
                size_t k;
                json_t *s;

                if (json_is_string(v) && json_string_length(v) > 0)
                        return 0;
                if (json_is_array(v) && json_array_size(v) >= (size_t)o->min &&
                    json_array_size(v) <= (size_t)o->max) {
                        json_array_foreach((json_t *)v, k, s)
                                if (!json_is_string(s) || !json_string_length(s))
                                        break;
                        if (k == json_array_size(v))
                                return 0;
                }
                snprintf(why, size, "'stop' must be a non-empty string or a list of 1 to 4 "
                         "non-empty strings");
                return -EINVAL;
        }
        }
        return -EINVAL;
}

int llm_sampling_apply(const struct llm_request *req, json_t *obj)
{
        const struct sampling_row *row = row_of(req->provider);
        const char *key;
        json_t *v;

        if (!req->sampling)
                return 0;
        if (!row)
                return -EOPNOTSUPP;
        json_object_foreach((json_t *)req->sampling, key, v) {
                int i = option_index(key);
                json_t *val;

                if (i < 0 || !row->wire[i])
                        return -EOPNOTSUPP;     /* the agent checked; never drop silently */
                /* Providers that take a list of stop strings get one even for a string. */
                if (options[i].kind == S_STOP && json_is_string(v) &&
                    !streq(req->provider, "openai") && !streq(req->provider, "grok") &&
                    !streq(req->provider, "mistral"))
                        val = json_pack("[O]", v);
                else
                        val = json_incref(v);
                if (json_object_set_new(obj, row->wire[i], val) < 0)
                        return -ENOMEM;
        }
        return 0;
}
