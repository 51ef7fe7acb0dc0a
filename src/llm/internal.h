/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internal to llm/: the shape every wire format plugs into, and the call state the
 * transport (transport.c) and the generic driver (wire.c) share with the format files
 * (openai.c, anthropic.c, ollama.c, gemini.c, bedrock.c). The files form layers without a
 * cycle: call.c (call state), sigv4.c (AWS signing), eventstream.c (AWS framing) <-
 * transport.c, format files <- wire.c
 * (driver) <- providers.c (the registry: each provider row points at its wire format).
 */
#pragma once

#include <curl/curl.h>

#include "llm/llm.h"

#define LLM_MAX_LINE (1u << 20)          /* one SSE line / NDJSON line */
#define LLM_MAX_ERROR_BODY (64u << 10)   /* kept from a non-2xx answer */
#define LLM_MAX_URL 4096

/* FRAME_EVENTSTREAM: AWS's binary event-stream (eventstream.c), Bedrock's ConverseStream. */
enum llm_framing { FRAME_WHOLE, FRAME_SSE, FRAME_NDJSON, FRAME_EVENTSTREAM };

struct llm_call;

struct wire_format {
        const char *provider;
        const char *key_env[2];         /* first one set wins; NULL: no key (ollama) */
        const char *base_env[2];        /* first one set wins */
        const char *default_base;
        /* The default base when it depends on the environment (bedrock: the region); NULL:
         * default_base. Writes it to `out` (no trailing '/'). */
        int (*default_base_of)(char *out, size_t size, struct diag *d);
        /* Append the endpoint URL for this request to `url` (base has no trailing '/'). */
        int (*url)(const struct llm_request *req, const char *base, struct buf *url);
        /* Append the provider's headers (the key one included when key != NULL). */
        int (*headers)(struct curl_slist **h, const char *key);
        int (*body)(const struct llm_request *req, json_t **ret);
        enum llm_framing stream_framing;
        /* One SSE event (name, data), one NDJSON line (NULL, line), one event-stream message
         * (its :event-type, or "!" and its :exception-type; its payload) or the whole body. */
        int (*on_event)(struct llm_call *c, const char *event, const char *data, size_t len);
        /* Optional: headers that depend on the URL and the body (bedrock: AWS SigV4), added
         * after headers(); key is the secret key_env named. */
        int (*sign)(struct curl_slist **h, const char *key, const char *url, const char *body,
                    size_t body_len, struct diag *d);
        /* Another credential variable whose value is scrubbed like the key (may be NULL). */
        const char *secret_env;
        /* Appended to a 401/403 message: what to check (may be NULL). */
        const char *auth_hint;
};

struct llm_call {
        const struct llm_request *req;
        struct llm_info *info;
        struct diag *d;
        enum llm_framing framing;
        const struct wire_format *wf;
        /* The answer so far. */
        struct buf text;
        long input_tokens, output_tokens, cached_tokens;
        bool usage_reported;
        long deltas;                    /* non-empty text deltas */
        long delivered;                 /* deltas handed to on_delta (no retry after one) */
        char *model, *finish_reason;
        bool done;                      /* the format's terminal event was seen */
        /* Framing state. */
        struct buf line, data;
        char event[64];
};

/* call.c: the call state; format helpers. */
int llm_call_delta(struct llm_call *c, const char *text, size_t len);
/* `pending` bytes of an event not parsed yet: the budget hook sees what they could hold
 * (llm.h, LLM_EVENT_ENVELOPE). Called by the transport after every piece it receives. */
int llm_call_pending(struct llm_call *c, size_t pending);
/* Reported cumulative output count (streams that send one); re-checks the budget hook. */
int llm_call_output_count(struct llm_call *c, long output_tokens);
int llm_call_set_str(char **field, const char *s);
int llm_call_fail(struct llm_call *c, int err, const char *fmt, ...) _printf_(3, 4);
/* "Name: value" into the header list; the _secret one wipes its scratch copy. */
int llm_header_add(struct curl_slist **h, const char *name, const char *value);
int llm_header_add_secret(struct curl_slist **h, const char *prefix, const char *secret);
/* Parse JSON of an event; -EPROTO with a diag when malformed. */
int llm_call_json(struct llm_call *c, const char *data, size_t len, json_t **ret);
/* Overwrite every occurrence of secret in s with '*'. */
void llm_scrub(char *s, const char *secret);
/* o[key] when a non-negative integer, else -1. */
long json_long(const json_t *o, const char *key);
/* [{"role": ..., "content": ...}, ...] of the request, as OpenAI-compatible APIs and Ollama
 * take them; NULL when out of memory. */
json_t *llm_messages_json(const struct llm_request *req);

/* sampling.c: add req->sampling to obj under the provider's names (-EOPNOTSUPP for an
 * option the provider does not take: never dropped). */
int llm_sampling_apply(const struct llm_request *req, json_t *obj);

/* transport.c: POST body to url with retries; feeds 2xx bytes to the framing and the
 * format's on_event. `secret` (may be NULL) is scrubbed from error messages. */
int llm_transport_post(struct llm_call *c, const char *url, struct curl_slist *headers,
                       const char *body, size_t body_len, const char *secret);
bool llm_url_is_loopback_http_ok(const char *url, struct diag *d, int *ret_err);

/* eventstream.c: the framing of FRAME_EVENTSTREAM (c->line holds a partial message). */
int llm_eventstream_feed(struct llm_call *c, const char *p, size_t n);
int llm_eventstream_end(struct llm_call *c);

/* wire.c: the generic driver. */
int llm_wire_complete(const struct wire_format *wf, const struct llm_request *req,
                      struct llm_response *resp, struct llm_info *info, struct diag *d);
int llm_wire_endpoint(const struct wire_format *wf, const struct llm_request *req,
                      struct buf *url, struct diag *d);

/* sigv4.c: AWS Signature Version 4, header form (see the file for the spec it follows).
 * Header names lowercase and unique (host among them), at most 16; path and query as they
 * go on the wire; amz_date "YYYYMMDDTHHMMSSZ". The canonical URI encodes the path once more
 * (every AWS service but S3). -EINVAL for bad input, -E2BIG past a cap. */
struct sigv4_header {
        const char *name;
        const char *value;
};

struct sigv4_request {
        const char *method;
        const char *path;
        const char *query;              /* NULL or "": none */
        const struct sigv4_header *headers;
        size_t n_headers;
        const void *body;
        size_t body_len;
        const char *amz_date;
        const char *region;
        const char *service;
};

int sigv4_canonical_request(const struct sigv4_request *r, struct buf *out);
int sigv4_signed_headers(const struct sigv4_request *r, struct buf *out);
int sigv4_string_to_sign(const struct sigv4_request *r, const char *canonical, struct buf *out);
int sigv4_signing_key(const char *secret, const char *date8, const char *region,
                      const char *service, uint8_t out[32]);
/* The Authorization header's value. */
int sigv4_authorization(const struct sigv4_request *r, const char *access_key,
                        const char *secret, struct buf *out);

/* The wire formats, referenced by the provider table (providers.c). */
extern const struct wire_format wire_openai, wire_mistral, wire_grok, wire_anthropic,
        wire_ollama, wire_gemini, wire_bedrock;
