/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The state of one provider call, shared by the transport (transport.c), the generic driver
 * (wire.c) and the wire format files: failing with a message, collecting the answer's text
 * deltas and token counts (with the caller's budget hook), header lines that may carry a key,
 * scrubbing a key out of text, and the response's lifetime.
 *
 * It calls nothing else in llm/, so the files form no cycle: the format files and
 * transport.c use this file; wire.c uses it and transport.c; providers.c uses wire.c.
 */
#include <limits.h>
#include <stdio.h>

#include "llm/internal.h"

int llm_call_fail(struct llm_call *c, int err, const char *fmt, ...)
{
        va_list ap;

        va_start(ap, fmt);
        vsnprintf(c->d->msg, sizeof(c->d->msg), fmt, ap);
        va_end(ap);
        c->d->file[0] = '\0';
        c->d->line = c->d->col = 0;
        return err;
}

int llm_call_set_str(char **field, const char *s)
{
        char *copy;

        if (!s)
                return 0;
        copy = strdup(s);
        if (!copy)
                return -ENOMEM;
        free(*field);
        *field = copy;
        return 0;
}

long json_long(const json_t *o, const char *key)
{
        const json_t *v = json_object_get(o, key);

        return json_is_integer(v) && json_integer_value(v) >= 0 ? (long)json_integer_value(v)
                                                                 : -1;
}

int llm_call_json(struct llm_call *c, const char *data, size_t len, json_t **ret)
{
        json_error_t e;
        json_t *j = json_loadb(data, len, JSON_REJECT_DUPLICATES, &e);

        if (!j)
                return llm_call_fail(c, -EPROTO, "malformed JSON from %s: %s",
                                     c->wf->provider, e.text);
        *ret = j;
        return 0;
}

static int budget_hook(struct llm_call *c)
{
        const struct llm_request *req = c->req;
        long n = MAX(c->output_tokens, c->deltas);
        int r;

        c->info->output_tokens_seen = n;
        if (!req->on_delta)
                return 0;
        r = req->on_delta(req->userdata, "", 0, n);
        return r < 0 ? r : 0;
}

int llm_call_delta(struct llm_call *c, const char *text, size_t len)
{
        const struct llm_request *req = c->req;
        long n;
        int r;

        if (len == 0)
                return 0;
        if (buf_append(&c->text, text, len) < 0)
                return llm_call_fail(c, -E2BIG, "answer larger than the response cap");
        c->deltas++;
        n = MAX(c->output_tokens, c->deltas);
        c->info->output_tokens_seen = n;
        if (!req->on_delta)
                return 0;
        c->delivered++;
        r = req->on_delta(req->userdata, text, len, n);
        return r < 0 ? r : 0;
}

int llm_call_pending(struct llm_call *c, size_t pending)
{
        const struct llm_request *req = c->req;
        size_t text;
        long n;
        int r;

        if (!req->on_delta || pending <= LLM_EVENT_ENVELOPE)
                return 0;
        /* A JSON string never decodes to more bytes than it takes: past its framing, every
         * pending byte may be text. 4 bytes a token, as the caller's bytes bound counts. */
        text = c->text.len + (pending - LLM_EVENT_ENVELOPE);
        n = MAX(MAX(c->output_tokens, c->deltas), (long)MIN((text + 3) / 4, (size_t)LONG_MAX / 2));
        c->info->output_tokens_seen = MAX(c->info->output_tokens_seen, n);
        r = req->on_delta(req->userdata, "", 0, n);
        return r < 0 ? r : 0;
}

int llm_call_output_count(struct llm_call *c, long output_tokens)
{
        if (output_tokens > c->output_tokens)
                c->output_tokens = output_tokens;
        return budget_hook(c);
}

static int header_add(struct curl_slist **h, const char *a, const char *sep, const char *b)
{
        struct buf line = BUF_INIT(8192);
        struct curl_slist *n = NULL;

        if (buf_printf(&line, "%s%s%s", a, sep, b) >= 0)
                n = curl_slist_append(*h, line.data);
        if (line.data)
                explicit_bzero(line.data, line.len);
        buf_free(&line);
        if (!n)
                return -ENOMEM;
        *h = n;
        return 0;
}

int llm_header_add(struct curl_slist **h, const char *name, const char *value)
{
        return header_add(h, name, ": ", value);
}

int llm_header_add_secret(struct curl_slist **h, const char *prefix, const char *secret)
{
        return header_add(h, prefix, " ", secret);
}

void llm_scrub(char *s, const char *secret)
{
        size_t n;
        char *p;

        if (!s || !secret || !*secret)
                return;
        n = strlen(secret);
        while ((p = strstr(s, secret)))
                memset(p, '*', n);
}

json_t *llm_messages_json(const struct llm_request *req)
{
        json_t *msgs = json_array();

        for (size_t i = 0; msgs && i < req->n_messages; i++)
                if (json_array_append_new(msgs, json_pack("{s:s,s:s}", "role",
                                                          req->messages[i].role, "content",
                                                          req->messages[i].content)) < 0) {
                        json_decref(msgs);
                        return NULL;
                }
        return msgs;
}

void llm_response_free(struct llm_response *r)
{
        free(r->text);
        free(r->model);
        free(r->finish_reason);
        *r = (struct llm_response){ 0 };
}
