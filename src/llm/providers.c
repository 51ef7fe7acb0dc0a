/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The provider registry: the one table of providers. Each real provider names its wire
 * format (one file each: openai.c, anthropic.c, ollama.c, gemini.c, bedrock.c), which
 * wire.c drives; mock answers offline. Default models are ones the built-in price table
 * knows. To add a provider: a `struct wire_format` in its own file (or reuse one, as mistral
 * and grok reuse OpenAI's), its extern in internal.h, and one WIRE_PROVIDER line and one
 * table row here.
 */
#include <stdio.h>

#include "llm/internal.h"

/* The complete() of a table row that speaks wire format `fmt`. */
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
WIRE_PROVIDER(bedrock)

/* A row for wire format `fmt`; the provider is named as its wire_format (wf->provider). */
#define WIRE_ROW(fmt, model, local) { #fmt, model, local, fmt##_complete, &wire_##fmt }

static const struct llm_provider providers[] = {
        { "mock", "mock-model", true, llm_mock_complete, NULL },
        WIRE_ROW(openai, "gpt-4o-mini", false),
        WIRE_ROW(anthropic, "claude-3-5-haiku-latest", false),
        WIRE_ROW(ollama, "llama3.2", true),
        WIRE_ROW(gemini, "gemini-2.0-flash", false),
        WIRE_ROW(mistral, "mistral-small-latest", false),
        WIRE_ROW(grok, "grok-3", false),
        /* AKIOS's default Bedrock model, and its variable to move it. */
        { "bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0", false, bedrock_complete,
          &wire_bedrock, "AKIOS_BEDROCK_MODEL_ID" },
};

const struct llm_provider *llm_provider_find(const char *name)
{
        for (size_t i = 0; i < ARRAY_SIZE(providers); i++)
                if (streq(providers[i].name, name))
                        return &providers[i];
        return NULL;
}

const char *llm_provider_default_model(const struct llm_provider *p)
{
        const char *v = p->model_env ? getenv(p->model_env) : NULL;

        return v && *v ? v : p->default_model;
}

void llm_provider_names(char *out, size_t size)
{
        size_t off = 0;

        out[0] = '\0';
        for (size_t i = 0; i < ARRAY_SIZE(providers) && off < size; i++)
                off += (size_t)snprintf(out + off, size - off, "%s%s", i ? ", " : "",
                                        providers[i].name);
}

int llm_endpoint(const char *provider, const char *model, bool stream, char *out, size_t size)
{
        const struct llm_provider *p = llm_provider_find(provider);
        struct llm_request req = { .provider = provider, .model = model, .stream = stream };
        struct buf url = BUF_INIT(LLM_MAX_URL);
        struct diag d;
        int r;

        if (!p || !p->wire)
                return -ENOENT;
        r = llm_wire_endpoint(p->wire, &req, &url, &d);
        if (r == 0)
                snprintf(out, size, "%s", url.data);
        buf_free(&url);
        return r;
}
