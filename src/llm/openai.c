/* SPDX-License-Identifier: GPL-3.0-or-later */
/* OpenAI Chat Completions (POST <base>/chat/completions), also spoken by Mistral and xAI
 * Grok. Streaming is SSE: `data: <chunk>` events with choices[0].delta.content, a usage-only
 * chunk when stream_options.include_usage is set (OpenAI, Grok), and `data: [DONE]`.
 * Base URLs include the version, as in the official SDKs: OPENAI_BASE_URL defaults to
 * https://api.openai.com/v1.
 *
 * Only text messages are sent; tools, images and response formats are not used by akios.
 */
#include <stdio.h>

#include "llm/internal.h"

static int openai_url(const struct llm_request *req, const char *base, struct buf *url)
{
        return buf_puts(url, "/chat/completions") < 0 ? -E2BIG : 0;
}

static int bearer_headers(struct curl_slist **h, const char *key)
{
        int r = llm_header_add(h, "Content-Type", "application/json");

        if (r == 0 && key)
                r = llm_header_add_secret(h, "Authorization: Bearer", key);
        return r;
}

static int openai_body(const struct llm_request *req, json_t **ret)
{
        json_t *msgs = llm_messages_json(req), *b;
        bool openai = streq(req->provider, "openai");
        int r;

        if (!msgs)
                return -ENOMEM;
        b = json_pack("{s:s,s:o,s:f,s:b}", "model", req->model, "messages", msgs,
                      "temperature", req->temperature, "stream", req->stream);
        if (!b)
                return -ENOMEM;
        /* o-series models reject max_tokens; Mistral and Grok use it. */
        json_object_set_new(b, openai ? "max_completion_tokens" : "max_tokens",
                            json_integer(req->max_tokens));
        if (req->stream && !streq(req->provider, "mistral"))
                json_object_set_new(b, "stream_options", json_pack("{s:b}", "include_usage", 1));
        r = llm_sampling_apply(req, b);
        if (r < 0) {
                json_decref(b);
                return r;
        }
        *ret = b;
        return 0;
}

static int take_usage(struct llm_call *c, const json_t *u)
{
        const json_t *details = json_object_get(u, "prompt_tokens_details");
        long in = json_long(u, "prompt_tokens"), out = json_long(u, "completion_tokens");

        if (!json_is_object(u))
                return 0;
        if (in < 0 || out < 0)
                return llm_call_fail(c, -EPROTO, "usage without prompt_tokens / "
                                     "completion_tokens");
        c->input_tokens = in;
        c->cached_tokens = MAX(json_long(details, "cached_tokens"), 0);
        c->usage_reported = true;
        return llm_call_output_count(c, out);
}

static int take_choice(struct llm_call *c, const json_t *j, bool stream)
{
        const json_t *ch = json_array_get(json_object_get(j, "choices"), 0);
        const json_t *m = json_object_get(ch, stream ? "delta" : "message");
        const json_t *content = json_object_get(m, "content");
        const char *finish = json_string_value(json_object_get(ch, "finish_reason"));
        int r;

        if (!stream && !ch)
                return llm_call_fail(c, -EPROTO, "answer without choices");
        if (json_is_string(content)) {
                r = llm_call_delta(c, json_string_value(content), json_string_length(content));
                if (r < 0)
                        return r;
        }
        r = llm_call_set_str(&c->finish_reason, finish);
        if (r == 0)
                r = llm_call_set_str(&c->model, json_string_value(json_object_get(j, "model")));
        return r;
}

static int openai_event(struct llm_call *c, const char *event, const char *data, size_t len)
{
        bool stream = c->framing == FRAME_SSE;
        json_t *j = NULL;
        const json_t *err;
        int r;

        if (c->done)
                return 0;
        if (stream && len == 6 && memcmp(data, "[DONE]", 6) == 0) {
                c->done = true;
                return 0;
        }
        r = llm_call_json(c, data, len, &j);
        if (r < 0)
                return r;
        err = json_object_get(j, "error");
        if (err) {
                const char *m = json_string_value(json_object_get(err, "message"));

                r = llm_call_fail(c, -EIO, "%s error in the stream: %.200s", c->wf->provider,
                                  m ? m : "unknown");
        } else {
                r = take_choice(c, j, stream);
                if (r == 0)
                        r = take_usage(c, json_object_get(j, "usage"));
                if (!stream)
                        c->done = true;
        }
        json_decref(j);
        return r;
}

const struct wire_format wire_openai = {
        .provider = "openai",
        .key_env = { "OPENAI_API_KEY", NULL },
        .base_env = { "OPENAI_BASE_URL", NULL },
        .default_base = "https://api.openai.com/v1",
        .url = openai_url,
        .headers = bearer_headers,
        .body = openai_body,
        .stream_framing = FRAME_SSE,
        .on_event = openai_event,
};

const struct wire_format wire_mistral = {
        .provider = "mistral",
        .key_env = { "MISTRAL_API_KEY", NULL },
        .base_env = { "MISTRAL_BASE_URL", NULL },
        .default_base = "https://api.mistral.ai/v1",
        .url = openai_url,
        .headers = bearer_headers,
        .body = openai_body,
        .stream_framing = FRAME_SSE,
        .on_event = openai_event,
};

const struct wire_format wire_grok = {
        .provider = "grok",
        .key_env = { "GROK_API_KEY", "XAI_API_KEY" },
        .base_env = { "GROK_BASE_URL", "XAI_BASE_URL" },
        .default_base = "https://api.x.ai/v1",
        .url = openai_url,
        .headers = bearer_headers,
        .body = openai_body,
        .stream_framing = FRAME_SSE,
        .on_event = openai_event,
};
