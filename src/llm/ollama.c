/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ollama /api/chat (OLLAMA_HOST, default http://127.0.0.1:11434; "host:port" without a
 * scheme is accepted as the Ollama CLI does). No key. Streaming is NDJSON: one object per
 * line with message.content, the last one with done:true, done_reason and the counts
 * prompt_eval_count (input) and eval_count (output). The output cap is options.num_predict.
 *
 * Durations (nanoseconds) are not used; images, tools, format and think are not sent.
 */
#include "llm/internal.h"

static int ollama_url(const struct llm_request *req, const char *base, struct buf *url)
{
        return buf_puts(url, "/api/chat") < 0 ? -E2BIG : 0;
}

static int ollama_headers(struct curl_slist **h, const char *key)
{
        return llm_header_add(h, "Content-Type", "application/json");
}

static int ollama_body(const struct llm_request *req, json_t **ret)
{
        json_t *msgs = llm_messages_json(req), *b;
        int r;

        if (!msgs)
                return -ENOMEM;
        b = json_pack("{s:s,s:o,s:b,s:{s:I,s:f}}", "model", req->model, "messages", msgs,
                      "stream", req->stream, "options", "num_predict",
                      (json_int_t)req->max_tokens, "temperature", req->temperature);
        if (!b)
                return -ENOMEM;
        r = llm_sampling_apply(req, json_object_get(b, "options"));
        if (r < 0) {
                json_decref(b);
                return r;
        }
        *ret = b;
        return 0;
}

static int ollama_line(struct llm_call *c, const json_t *j)
{
        const json_t *content = json_object_get(json_object_get(j, "message"), "content");
        const json_t *done = json_object_get(j, "done");
        long in, out;
        int r = 0;

        if (json_is_string(content))
                r = llm_call_delta(c, json_string_value(content), json_string_length(content));
        if (r == 0)
                r = llm_call_set_str(&c->model, json_string_value(json_object_get(j, "model")));
        if (r < 0 || !json_is_true(done))
                return r;
        c->done = true;
        r = llm_call_set_str(&c->finish_reason,
                             json_string_value(json_object_get(j, "done_reason")));
        in = json_long(j, "prompt_eval_count");
        out = json_long(j, "eval_count");
        if (r == 0 && in >= 0 && out >= 0) {
                c->input_tokens = in;
                c->usage_reported = true;
                r = llm_call_output_count(c, out);
        }
        return r;
}

static int ollama_event(struct llm_call *c, const char *event, const char *data, size_t len)
{
        json_t *j = NULL;
        const char *err;
        int r;

        if (c->done)
                return llm_call_fail(c, -EPROTO, "ollama sent data after done:true");
        r = llm_call_json(c, data, len, &j);
        if (r < 0)
                return r;
        err = json_string_value(json_object_get(j, "error"));
        if (err)
                r = llm_call_fail(c, -EIO, "ollama error: %.200s", err);
        else
                r = ollama_line(c, j);
        json_decref(j);
        return r;
}

const struct wire_format wire_ollama = {
        .provider = "ollama",
        .key_env = { NULL, NULL },
        .base_env = { "OLLAMA_HOST", NULL },
        .default_base = "http://127.0.0.1:11434",
        .url = ollama_url,
        .headers = ollama_headers,
        .body = ollama_body,
        .stream_framing = FRAME_NDJSON,
        .on_event = ollama_event,
};
