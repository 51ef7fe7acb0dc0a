/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Anthropic Messages (POST <ANTHROPIC_BASE_URL>/v1/messages, base default
 * https://api.anthropic.com as in the official SDK). `max_tokens` is required; system
 * messages go to the top-level `system` field. Streaming is SSE with named events:
 * message_start (input usage), content_block_delta (text_delta), message_delta (stop_reason
 * and the cumulative output_tokens), message_stop; ping is ignored, error fails the call.
 *
 * Input usage is input_tokens plus any cache read/creation tokens, all charged at the input
 * rate (akios never asks for prompt caching). Tools, images and thinking are not used.
 */
#include <stdio.h>

#include "llm/internal.h"

static int anthropic_url(const struct llm_request *req, const char *base, struct buf *url)
{
        return buf_puts(url, "/v1/messages") < 0 ? -E2BIG : 0;
}

static int anthropic_headers(struct curl_slist **h, const char *key)
{
        int r = llm_header_add(h, "content-type", "application/json");

        if (r == 0)
                r = llm_header_add(h, "anthropic-version", "2023-06-01");
        if (r == 0 && key)
                r = llm_header_add_secret(h, "x-api-key:", key);
        return r;
}

static int anthropic_body(const struct llm_request *req, json_t **ret)
{
        json_t *msgs = json_array(), *b;
        struct buf system = BUF_INIT(0);
        int r = msgs ? 0 : -ENOMEM;

        for (size_t i = 0; r == 0 && i < req->n_messages; i++) {
                const struct llm_message *m = &req->messages[i];

                if (streq(m->role, "system"))
                        r = buf_printf(&system, "%s%s", system.len ? "\n\n" : "", m->content);
                else if (json_array_append_new(msgs, json_pack("{s:s,s:s}", "role", m->role,
                                                               "content", m->content)) < 0)
                        r = -ENOMEM;
        }
        b = r == 0 ? json_pack("{s:s,s:I,s:o,s:f,s:b}", "model", req->model, "max_tokens",
                               (json_int_t)req->max_tokens, "messages", msgs, "temperature",
                               req->temperature, "stream", req->stream)
                   : (json_decref(msgs), NULL);
        if (b && system.len)
                json_object_set_new(b, "system", json_string(system.data));
        buf_free(&system);
        if (b && (r = llm_sampling_apply(req, b)) < 0) {
                json_decref(b);
                return r;
        }
        if (!b)
                return r < 0 ? r : -ENOMEM;
        *ret = b;
        return 0;
}

static long input_usage(const json_t *u)
{
        long in = json_long(u, "input_tokens");

        if (in < 0)
                return -1;
        return in + MAX(json_long(u, "cache_read_input_tokens"), 0) +
               MAX(json_long(u, "cache_creation_input_tokens"), 0);
}

static int on_message_start(struct llm_call *c, const json_t *j)
{
        const json_t *msg = json_object_get(j, "message");
        const json_t *u = json_object_get(msg, "usage");
        long in = input_usage(u);

        if (in >= 0) {
                c->input_tokens = in;
                c->info->input_tokens_seen = in;
        }
        return llm_call_set_str(&c->model, json_string_value(json_object_get(msg, "model")));
}

static int on_block_delta(struct llm_call *c, const json_t *j)
{
        const json_t *delta = json_object_get(j, "delta");
        const json_t *text = json_object_get(delta, "text");

        if (!json_is_string(text))
                return 0;       /* input_json_delta, thinking: not text */
        return llm_call_delta(c, json_string_value(text), json_string_length(text));
}

static int on_message_delta(struct llm_call *c, const json_t *j)
{
        const json_t *delta = json_object_get(j, "delta");
        long out = json_long(json_object_get(j, "usage"), "output_tokens");
        int r;

        r = llm_call_set_str(&c->finish_reason,
                             json_string_value(json_object_get(delta, "stop_reason")));
        if (r < 0 || out < 0)
                return r;
        c->usage_reported = c->input_tokens >= 0;
        return llm_call_output_count(c, out);
}

static int on_error(struct llm_call *c, const json_t *j)
{
        const json_t *e = json_object_get(j, "error");
        const char *m = json_string_value(json_object_get(e, "message"));
        const char *t = json_string_value(json_object_get(e, "type"));

        return llm_call_fail(c, -EIO, "anthropic error in the stream: %.40s: %.200s",
                             t ? t : "error", m ? m : "unknown");
}

static int on_message_stop(struct llm_call *c, const json_t *j)
{
        c->done = true;
        return 0;
}

static const struct {
        const char *name;
        int (*fn)(struct llm_call *c, const json_t *j);
} events[] = {
        { "message_start", on_message_start },
        { "content_block_delta", on_block_delta },
        { "message_delta", on_message_delta },
        { "message_stop", on_message_stop },
        { "error", on_error },
};

static int whole_message(struct llm_call *c, const json_t *j)
{
        const json_t *content = json_object_get(j, "content"), *block;
        const json_t *u = json_object_get(j, "usage");
        long in = input_usage(u), out = json_long(u, "output_tokens");
        size_t i;
        int r = 0;

        if (json_is_object(json_object_get(j, "error")))
                return on_error(c, j);
        if (!json_is_array(content))
                return llm_call_fail(c, -EPROTO, "anthropic answer without content");
        json_array_foreach(content, i, block) {
                const json_t *text = json_object_get(block, "text");

                if (r == 0 && json_is_string(text))
                        r = llm_call_delta(c, json_string_value(text), json_string_length(text));
        }
        if (r == 0)
                r = llm_call_set_str(&c->model, json_string_value(json_object_get(j, "model")));
        if (r == 0)
                r = llm_call_set_str(&c->finish_reason,
                                     json_string_value(json_object_get(j, "stop_reason")));
        if (r == 0 && in >= 0 && out >= 0) {
                c->input_tokens = in;
                c->usage_reported = true;
                r = llm_call_output_count(c, out);
        }
        c->done = true;
        return r;
}

static int anthropic_event(struct llm_call *c, const char *event, const char *data, size_t len)
{
        json_t *j = NULL;
        int r;

        if (c->done || (event && streq(event, "ping")))
                return 0;
        r = llm_call_json(c, data, len, &j);
        if (r < 0)
                return r;
        if (c->framing == FRAME_WHOLE) {
                r = whole_message(c, j);
        } else {
                /* The event name is also in the data's "type"; prefer the SSE name. */
                const char *name = event && !streq(event, "message")
                                           ? event
                                           : json_string_value(json_object_get(j, "type"));

                for (size_t i = 0; name && i < ARRAY_SIZE(events); i++)
                        if (streq(events[i].name, name)) {
                                r = events[i].fn(c, j);
                                break;
                        }
        }
        json_decref(j);
        return r;
}

const struct wire_format wire_anthropic = {
        .provider = "anthropic",
        .key_env = { "ANTHROPIC_API_KEY", NULL },
        .base_env = { "ANTHROPIC_BASE_URL", NULL },
        .default_base = "https://api.anthropic.com",
        .url = anthropic_url,
        .headers = anthropic_headers,
        .body = anthropic_body,
        .stream_framing = FRAME_SSE,
        .on_event = anthropic_event,
};
