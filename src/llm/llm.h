/* SPDX-License-Identifier: GPL-3.0-or-later */
/* llm: the provider table (CONTRACTS §9). One entry per provider; `mock` is deterministic and
 * offline, so shipped templates run air-gapped. The real providers speak their own wire
 * format through libcurl, one file each: OpenAI Chat Completions (also Mistral and xAI Grok,
 * which are OpenAI-compatible), Anthropic Messages, Ollama /api/chat, Gemini generateContent,
 * Amazon Bedrock Converse (AWS SigV4-signed).
 *
 * A request carries messages (role + content) that the caller has already redacted; the
 * response carries the text and the token usage as the provider reports it (mock, or a
 * provider that reports nothing: estimated, usage_reported false).
 *
 * Streaming (SSE; NDJSON for Ollama; AWS event-stream for Bedrock) is used when req->stream
 * is set: every text delta goes to req->on_delta with the running output token count (the
 * provider's cumulative count when it sends one, else one per delta event as a floor, never
 * less than bytes/4); a negative return stops the call in flight and complete() returns that
 * error. While one event is still arriving, on_delta is also called with no text and the
 * count raised to what its bytes so far could hold (LLM_EVENT_ENVELOPE), so one huge delta is
 * cut as it arrives. req->poll is called
 * while waiting (also between retries); a negative return aborts the same way.
 *
 * Transport: keys only from the environment (read at call time, sent in a header, never in
 * a URL, scrubbed from error messages and answers, wiped from memory after the call);
 * endpoints from <PROVIDER>_BASE_URL / OLLAMA_HOST with the meaning of the official SDKs,
 * HTTPS unless the host is loopback; redirects are not followed; retries with exponential
 * backoff and jitter on 429, 5xx and timeouts only, honouring Retry-After, bounded by
 * attempts and by total time; connect and whole-call timeouts; the response size is capped.
 *
 * Errors (-errno, reason in the diag, info->http_status when a status came back):
 * -EACCES (401/403, missing key), -ENOENT (404 model), -EAGAIN (429 after every retry),
 * -EIO (other HTTP errors, 5xx), -ETIMEDOUT, -ECONNREFUSED, -EPROTO (malformed answer,
 * truncated stream, redirect), -E2BIG (response cap), -EINVAL (bad endpoint URL),
 * -EPERM (plain http to a non-loopback host), or what on_delta / poll returned.
 * Providers never print.
 */
#pragma once

#include <stdbool.h>

#include "util/util.h"

#define LLM_DEFAULT_CONNECT_TIMEOUT_MS 10000L
#define LLM_DEFAULT_TIMEOUT_MS 120000L
#define LLM_DEFAULT_ATTEMPTS 3u
#define LLM_DEFAULT_RETRY_BASE_MS 500L
#define LLM_DEFAULT_MAX_RESPONSE (8u << 20)
/* The in-flight cut acts on bytes as they arrive (red-team finding 01): libcurl hands the
 * answer over in pieces of at most LLM_BUFFER_BYTES (CURLOPT_BUFFERSIZE, its minimum), and
 * after each piece the bytes of the event still being received, less LLM_EVENT_ENVELOPE for
 * its JSON framing, count as text. So however a provider packs its answer, the cut comes at
 * most (LLM_EVENT_ENVELOPE + LLM_BUFFER_BYTES) / 4 + 1 = 513 output tokens (by bytes) after
 * the limit is passed (tests/llm/budget.t measures it). */
#define LLM_BUFFER_BYTES 1024L
#define LLM_EVENT_ENVELOPE 1024u

struct llm_message {
        const char *role;       /* "system", "user", "assistant" */
        const char *content;
};

/* Return < 0 to stop the call. */
typedef int (*llm_delta_fn)(void *userdata, const char *text, size_t len, long output_tokens);
typedef int (*llm_poll_fn)(void *userdata);

struct llm_request {
        const char *provider;
        const char *model;
        const struct llm_message *messages;
        size_t n_messages;
        long max_tokens;
        double temperature;
        /* top_p, frequency_penalty, presence_penalty, stop, seed as the workflow gave them
         * (checked with llm_sampling_check); NULL: none. Sent under the provider's names. */
        const json_t *sampling;
        bool stream;
        llm_delta_fn on_delta;          /* may be NULL */
        llm_poll_fn poll;               /* may be NULL */
        void *userdata;
        /* 0 selects the LLM_DEFAULT_* value. */
        long connect_timeout_ms;
        long timeout_ms;                /* one attempt, whole transfer */
        long total_timeout_ms;          /* all attempts and waits; default 2 x timeout */
        unsigned max_attempts;
        long retry_base_ms;
        size_t max_response_bytes;
};

struct llm_response {
        char *text;
        long input_tokens;
        long output_tokens;
        long cached_input_tokens;
        bool usage_reported;    /* false: the counts are estimates */
        char *model;
        char *finish_reason;
};

/* What happened on the wire; filled by complete() on success and on failure. */
struct llm_info {
        int http_status;        /* last status, 0 when none came back */
        unsigned attempts;
        long output_tokens_seen;        /* running count when a stream was cut */
        long input_tokens_seen;         /* reported before the cut (Anthropic message_start) */
        char endpoint[256];             /* scheme://host[:port]/path, no query, no key */
};

struct wire_format;              /* llm/internal.h */

struct llm_provider {
        const char *name;
        const char *default_model;
        bool local;             /* no network, or a local server: costs nothing by default */
        int (*complete)(const struct llm_request *req, struct llm_response *resp,
                        struct llm_info *info, struct diag *d);
        const struct wire_format *wire; /* NULL for mock */
        const char *model_env;          /* moves the default model (bedrock); may be NULL */
};

const struct llm_provider *llm_provider_find(const char *name);
/* The model a step gets when it names none: p->model_env when set, else p->default_model. */
const char *llm_provider_default_model(const struct llm_provider *p);
/* "openai, anthropic, ..." for messages. */
void llm_provider_names(char *out, size_t size);
void llm_response_free(struct llm_response *r);

/* The endpoint a provider would call (for the ledger and policy messages), from the
 * environment: e.g. "https://api.openai.com/v1/chat/completions". */
int llm_endpoint(const char *provider, const char *model, bool stream, char *out, size_t size);

/* Sampling options (sampling.c). llm_sampling_is_option: one of top_p, frequency_penalty,
 * presence_penalty, stop, seed. llm_sampling_check: 0 when `provider` (NULL: any) takes the
 * option and v (NULL: not checked) is a valid value; -EOPNOTSUPP (provider does not take it)
 * or -EINVAL (bad value) with `why` filled. */
bool llm_sampling_is_option(const char *name);
int llm_sampling_check(const char *provider, const char *name, const json_t *v, char *why,
                       size_t size);

/* The mock provider, exposed for tests. */
int llm_mock_complete(const struct llm_request *req, struct llm_response *resp,
                      struct llm_info *info, struct diag *d);
