/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The generic driver of a real provider call: read the key and the base URL from the
 * environment, check the endpoint (https unless loopback), let the wire format build the
 * URL, headers and JSON body, post it through the transport, and turn the call state into a
 * response. Keys are wiped from every buffer this file or curl's header list held, and
 * scrubbed from the answer and the error message in case a server echoes them.
 *
 * It does not know any provider's JSON; the format files do.
 */
#include <stdio.h>

#include "llm/internal.h"

#define MAX_KEY_LEN 4096

/* First set variable of a pair. */
static const char *env_first(const char *const names[2])
{
        for (int i = 0; i < 2; i++) {
                const char *v = names[i] ? getenv(names[i]) : NULL;

                if (v && *v)
                        return v;
        }
        return NULL;
}

int llm_wire_endpoint(const struct wire_format *wf, const struct llm_request *req,
                      struct buf *url, struct diag *d)
{
        const char *base = env_first(wf->base_env);
        char computed[256];
        size_t n;
        int r;

        if (!base && wf->default_base_of) {
                r = wf->default_base_of(computed, sizeof(computed), d);
                if (r < 0)
                        return r;
                base = computed;
        }
        if (!base)
                base = wf->default_base;
        n = strlen(base);
        while (n > 0 && base[n - 1] == '/')
                n--;
        /* OLLAMA_HOST may be "host:port" without a scheme, as the Ollama CLI accepts. */
        if (!strstr(base, "://") && buf_puts(url, "http://") < 0)
                return -E2BIG;
        if (buf_append(url, base, n) < 0)
                return -E2BIG;
        r = wf->url(req, base, url);
        if (r < 0)
                return r;
        if (!llm_url_is_loopback_http_ok(url->data, d, &r))
                return r;
        return 0;
}

static void wipe_headers(struct curl_slist *h)
{
        for (struct curl_slist *i = h; i; i = i->next)
                explicit_bzero(i->data, strlen(i->data));
        curl_slist_free_all(h);
}

static int read_key(const struct wire_format *wf, char **ret, struct diag *d)
{
        const char *k;

        *ret = NULL;
        if (!wf->key_env[0])
                return 0;
        k = env_first(wf->key_env);
        if (!k) {
                diag_set(d, NULL, 0, 0, "no API key for %s: set %s%s%s in the environment or "
                         ".env", wf->provider, wf->key_env[0], wf->key_env[1] ? " or " : "",
                         wf->key_env[1] ? wf->key_env[1] : "");
                return -EACCES;
        }
        if (strlen(k) > MAX_KEY_LEN) {
                diag_set(d, NULL, 0, 0, "the %s API key is longer than %d bytes", wf->provider,
                         MAX_KEY_LEN);
                return -E2BIG;
        }
        *ret = strdup(k);
        return *ret ? 0 : -ENOMEM;
}

static void endpoint_for_info(const char *url, char *out, size_t size)
{
        size_t n = strcspn(url, "?#");

        snprintf(out, size, "%.*s", (int)MIN(n, size - 1), url);
}

static int take_response(struct llm_call *c, struct llm_response *resp)
{
        const struct llm_request *req = c->req;
        struct llm_response r = { 0 };

        r.text = buf_steal(&c->text, NULL);
        r.input_tokens = MAX(c->input_tokens, 0);
        r.output_tokens = MAX(c->output_tokens, 0);
        r.cached_input_tokens = c->cached_tokens;
        r.usage_reported = c->usage_reported;
        r.model = TAKE_PTR(c->model);
        r.finish_reason = TAKE_PTR(c->finish_reason);
        if (!r.model)
                r.model = strdup(req->model);
        if (!r.finish_reason)
                r.finish_reason = strdup("unknown");
        if (!r.usage_reported) {
                /* Estimates: a reservation that assumed the worst is settled on these only
                 * if the caller chooses to; budget_settle charges the reservation instead. */
                r.output_tokens = MAX(r.output_tokens, c->deltas);
        }
        if (!r.text || !r.model || !r.finish_reason) {
                llm_response_free(&r);
                return -ENOMEM;
        }
        *resp = r;
        return 0;
}

int llm_wire_complete(const struct wire_format *wf, const struct llm_request *req,
                      struct llm_response *resp, struct llm_info *info, struct diag *d)
{
        struct llm_info dummy;
        struct llm_call c = { .req = req, .d = d, .wf = wf, .text = BUF_INIT(0),
                              .line = BUF_INIT(LLM_MAX_LINE), .data = BUF_INIT(4 * LLM_MAX_LINE) };
        struct buf url = BUF_INIT(LLM_MAX_URL);
        struct curl_slist *headers = NULL;
        json_t *body = NULL;
        char *key = NULL, *text = NULL;
        int r;

        if (!info)
                info = &dummy;
        *info = (struct llm_info){ 0 };
        c.info = info;
        c.framing = req->stream ? wf->stream_framing : FRAME_WHOLE;
        c.text.max = req->max_response_bytes ? req->max_response_bytes
                                             : LLM_DEFAULT_MAX_RESPONSE;
        r = llm_wire_endpoint(wf, req, &url, d);
        if (r < 0)
                goto out;
        endpoint_for_info(url.data, info->endpoint, sizeof(info->endpoint));
        r = read_key(wf, &key, d);
        if (r < 0)
                goto out;
        r = wf->body(req, &body);
        if (r < 0)
                goto out;
        text = json_dumps(body, JSON_COMPACT | JSON_REAL_PRECISION(6));
        r = text ? wf->headers(&headers, key) : -ENOMEM;
        if (r == 0 && wf->sign)
                r = wf->sign(&headers, key, url.data, text, strlen(text), d);
        if (r < 0)
                goto out;
        r = llm_transport_post(&c, url.data, headers, text, strlen(text), key);
        if (r == 0)
                r = take_response(&c, resp);
        if (r == 0) {
                llm_scrub(resp->text, key);
                if (wf->secret_env)
                        llm_scrub(resp->text, getenv(wf->secret_env));
        }
out:
        llm_scrub(d->msg, key);
        if (wf->secret_env)
                llm_scrub(d->msg, getenv(wf->secret_env));
        wipe_headers(headers);
        if (key) {
                explicit_bzero(key, strlen(key));
                free(key);
        }
        free(text);
        json_decref(body);
        buf_free(&url);
        buf_free(&c.text);
        buf_free(&c.line);
        buf_free(&c.data);
        free(c.model);
        free(c.finish_reason);
        return r;
}
