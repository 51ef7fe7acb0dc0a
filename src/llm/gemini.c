/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Google Gemini generateContent (POST <base>/v1beta/models/<model>:generateContent, or
 * :streamGenerateContent?alt=sse when streaming; base default
 * https://generativelanguage.googleapis.com, moved with GEMINI_BASE_URL or
 * GOOGLE_GEMINI_BASE_URL). The key goes in the x-goog-api-key header, never in the URL.
 * Roles map user -> "user", assistant -> "model"; system messages become systemInstruction.
 * Every chunk carries cumulative usageMetadata; thinking tokens are billed as output. The
 * stream has no terminator event: the chunk with a finishReason ends the answer.
 */
#include "llm/internal.h"

static int gemini_url(const struct llm_request *req, const char *base, struct buf *url)
{
        char *model = curl_easy_escape(NULL, req->model ? req->model : "", 0);
        int r;

        if (!model)
                return -ENOMEM;
        r = buf_printf(url, "/v1beta/models/%s:%s", model,
                       req->stream ? "streamGenerateContent?alt=sse" : "generateContent");
        curl_free(model);
        return r < 0 ? -E2BIG : 0;
}

static int gemini_headers(struct curl_slist **h, const char *key)
{
        int r = llm_header_add(h, "Content-Type", "application/json");

        if (r == 0 && key)
                r = llm_header_add_secret(h, "x-goog-api-key:", key);
        return r;
}

static int gemini_body(const struct llm_request *req, json_t **ret)
{
        json_t *contents = json_array(), *system = json_array(), *b;
        int r = contents && system ? 0 : -ENOMEM;

        for (size_t i = 0; r == 0 && i < req->n_messages; i++) {
                const struct llm_message *m = &req->messages[i];
                json_t *part = json_pack("{s:s}", "text", m->content);

                if (streq(m->role, "system"))
                        r = json_array_append_new(system, part);
                else
                        r = json_array_append_new(contents, json_pack("{s:s,s:[o]}", "role",
                                        streq(m->role, "assistant") ? "model" : "user",
                                        "parts", part));
                r = r < 0 ? -ENOMEM : 0;
        }
        b = r == 0 ? json_pack("{s:O,s:{s:I,s:f}}", "contents", contents, "generationConfig",
                               "maxOutputTokens", (json_int_t)req->max_tokens, "temperature",
                               req->temperature)
                   : NULL;
        if (b && json_array_size(system))
                json_object_set_new(b, "systemInstruction", json_pack("{s:O}", "parts", system));
        json_decref(contents);
        json_decref(system);
        if (b && (r = llm_sampling_apply(req, json_object_get(b, "generationConfig"))) < 0) {
                json_decref(b);
                return r;
        }
        if (!b)
                return r < 0 ? r : -ENOMEM;
        *ret = b;
        return 0;
}

static int take_usage(struct llm_call *c, const json_t *u)
{
        long in = json_long(u, "promptTokenCount"), out = json_long(u, "candidatesTokenCount");

        if (in < 0)
                return 0;
        c->input_tokens = in;
        c->cached_tokens = MAX(json_long(u, "cachedContentTokenCount"), 0);
        c->usage_reported = true;
        return llm_call_output_count(c, MAX(out, 0) + MAX(json_long(u, "thoughtsTokenCount"), 0));
}

static int take_chunk(struct llm_call *c, const json_t *j)
{
        const json_t *cand = json_array_get(json_object_get(j, "candidates"), 0);
        const json_t *parts = json_object_get(json_object_get(cand, "content"), "parts"), *p;
        const char *finish = json_string_value(json_object_get(cand, "finishReason"));
        size_t i;
        int r = 0;

        json_array_foreach(parts, i, p) {
                const json_t *text = json_object_get(p, "text");

                if (r == 0 && json_is_string(text) && !json_is_true(json_object_get(p, "thought")))
                        r = llm_call_delta(c, json_string_value(text), json_string_length(text));
        }
        if (r == 0)
                r = llm_call_set_str(&c->model,
                                     json_string_value(json_object_get(j, "modelVersion")));
        if (r == 0)
                r = llm_call_set_str(&c->finish_reason, finish);
        if (r == 0)
                r = take_usage(c, json_object_get(j, "usageMetadata"));
        if (finish)
                c->done = true;
        return r;
}

static int gemini_event(struct llm_call *c, const char *event, const char *data, size_t len)
{
        json_t *j = NULL;
        const json_t *e;
        int r;

        r = llm_call_json(c, data, len, &j);
        if (r < 0)
                return r;
        e = json_object_get(j, "error");
        if (e) {
                const char *m = json_string_value(json_object_get(e, "message"));

                r = llm_call_fail(c, -EIO, "gemini error: %.200s", m ? m : "unknown");
        } else {
                /* Usage may come in a chunk after the one with finishReason. */
                r = take_chunk(c, j);
                if (c->framing == FRAME_WHOLE)
                        c->done = true;
        }
        json_decref(j);
        return r;
}

const struct wire_format wire_gemini = {
        .provider = "gemini",
        .key_env = { "GEMINI_API_KEY", "GOOGLE_API_KEY" },
        .base_env = { "GEMINI_BASE_URL", "GOOGLE_GEMINI_BASE_URL" },
        .default_base = "https://generativelanguage.googleapis.com",
        .url = gemini_url,
        .headers = gemini_headers,
        .body = gemini_body,
        .stream_framing = FRAME_SSE,
        .on_event = gemini_event,
};
