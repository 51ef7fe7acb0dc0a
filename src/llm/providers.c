/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The provider table. Each real provider is its wire format (one file each) driven by
 * wire.c; mock answers offline. Default models are ones the built-in price table knows.
 */
#include <stdio.h>

#include "llm/internal.h"

#define WIRE_PROVIDER(fmt)                                                                 \
        static int fmt##_complete(const struct llm_request *req, struct llm_response *resp, \
                                  struct llm_info *info, struct diag *d)                   \
        {                                                                                  \
                return llm_wire_complete(&wire_##fmt, req, resp, info, d);                 \
        }

WIRE_PROVIDER(openai)
WIRE_PROVIDER(anthropic)
WIRE_PROVIDER(ollama)
WIRE_PROVIDER(gemini)
WIRE_PROVIDER(mistral)
WIRE_PROVIDER(grok)

static const struct llm_provider providers[] = {
        { "mock", "mock-model", true, llm_mock_complete },
        { "openai", "gpt-4o-mini", false, openai_complete },
        { "anthropic", "claude-3-5-haiku-latest", false, anthropic_complete },
        { "ollama", "llama3.2", true, ollama_complete },
        { "gemini", "gemini-2.0-flash", false, gemini_complete },
        { "mistral", "mistral-small-latest", false, mistral_complete },
        { "grok", "grok-3", false, grok_complete },
};

const struct llm_provider *llm_provider_find(const char *name)
{
        for (size_t i = 0; i < ARRAY_SIZE(providers); i++)
                if (streq(providers[i].name, name))
                        return &providers[i];
        return NULL;
}

void llm_provider_names(char *out, size_t size)
{
        size_t off = 0;

        out[0] = '\0';
        for (size_t i = 0; i < ARRAY_SIZE(providers) && off < size; i++)
                off += (size_t)snprintf(out + off, size - off, "%s%s", i ? ", " : "",
                                        providers[i].name);
}

void llm_response_free(struct llm_response *r)
{
        free(r->text);
        free(r->model);
        free(r->finish_reason);
        *r = (struct llm_response){ 0 };
}
