/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Amazon Bedrock Converse (POST <base>/model/<modelId>/converse, or .../converse-stream when
 * streaming; base default
 * https://bedrock-runtime.<region>.amazonaws.com, moved with AWS_ENDPOINT_URL_BEDROCK_RUNTIME
 * or AWS_ENDPOINT_URL as in the AWS SDKs). The region is AKIOS_BEDROCK_REGION, AWS_REGION or
 * AWS_DEFAULT_REGION (first set), else us-east-1. Credentials are the standard variables:
 * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and AWS_SESSION_TOKEN for temporary ones (sent
 * as x-amz-security-token). Every request is signed with AWS Signature Version 4 (sigv4.c,
 * signing name "bedrock"); the secret key never leaves this process, the signature and the
 * access key id do.
 *
 * Body: messages [{role, content: [{text}]}], system [{text}], inferenceConfig {maxTokens,
 * temperature, topP, stopSequences}. Answer: output.message.content[].text, stopReason,
 * usage.inputTokens (+ cacheRead/cacheWrite input tokens, charged at the input rate) and
 * usage.outputTokens; an answer without output.message.content fails closed (usage is
 * taken before the text, so a reported count past the budget stops the call before any of
 * it is used).
 *
 * The stream is AWS's binary event-stream (eventstream.c): messageStart, contentBlockStart,
 * contentBlockDelta (delta.text), contentBlockStop, messageStop (stopReason: the answer is
 * complete), metadata (usage, after messageStop); an exception message (throttlingException,
 * modelStreamErrorException, ...) fails the call. Text deltas go to the budget as they come,
 * so the cut is in flight as for the other providers.
 *
 * One signature serves every retry of a call: all attempts end within the call's total time
 * limit (default 240 s), inside the 5 minutes AWS accepts a signed date.
 */
#include <stdio.h>
#include <time.h>

#include "llm/internal.h"

#define BEDROCK_DEFAULT_REGION "us-east-1"
#define BEDROCK_SIGNING_NAME "bedrock"
#define BEDROCK_MAX_REGION 32

static const char *const region_env[] = { "AKIOS_BEDROCK_REGION", "AWS_REGION",
                                          "AWS_DEFAULT_REGION" };

/* The region, checked: it becomes part of a host name and of the signature. */
static int bedrock_region(char out[BEDROCK_MAX_REGION + 1], struct diag *d)
{
        const char *v = NULL, *from = NULL;

        for (size_t i = 0; i < ARRAY_SIZE(region_env) && !v; i++) {
                const char *e = getenv(region_env[i]);

                if (e && *e) {
                        v = e;
                        from = region_env[i];
                }
        }
        if (!v) {
                snprintf(out, BEDROCK_MAX_REGION + 1, "%s", BEDROCK_DEFAULT_REGION);
                return 0;
        }
        if (strlen(v) > BEDROCK_MAX_REGION || strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
                                                      strlen(v)) {
                diag_set(d, NULL, 0, 0, "invalid AWS region '%.40s' in %s (e.g. us-east-1)", v,
                         from);
                return -EINVAL;
        }
        snprintf(out, BEDROCK_MAX_REGION + 1, "%s", v);
        return 0;
}

static int bedrock_default_base(char *out, size_t size, struct diag *d)
{
        char region[BEDROCK_MAX_REGION + 1];
        int r = bedrock_region(region, d);

        if (r < 0)
                return r;
        snprintf(out, size, "https://bedrock-runtime.%s.amazonaws.com", region);
        return 0;
}

static int bedrock_url(const struct llm_request *req, const char *base, struct buf *url)
{
        /* Every byte but the unreserved ones escaped (':' of "...-v1:0", '/' of an ARN). */
        char *model = curl_easy_escape(NULL, req->model ? req->model : "", 0);
        int r;

        if (!model)
                return -ENOMEM;
        r = buf_printf(url, "/model/%s/%s", model, req->stream ? "converse-stream" : "converse");
        curl_free(model);
        return r < 0 ? -E2BIG : 0;
}

static int bedrock_headers(struct curl_slist **h, const char *key)
{
        return llm_header_add(h, "Content-Type", "application/json");
}

static int bedrock_body(const struct llm_request *req, json_t **ret)
{
        json_t *msgs = json_array(), *system = json_array(), *b, *cfg;
        int r = msgs && system ? 0 : -ENOMEM;

        for (size_t i = 0; r == 0 && i < req->n_messages; i++) {
                const struct llm_message *m = &req->messages[i];
                json_t *text = json_pack("{s:s}", "text", m->content);

                if (streq(m->role, "system"))
                        r = json_array_append_new(system, text);
                else
                        r = json_array_append_new(msgs, json_pack("{s:s,s:[o]}", "role", m->role,
                                                                  "content", text));
                r = r < 0 ? -ENOMEM : 0;
        }
        b = r == 0 ? json_pack("{s:O,s:{s:I,s:f}}", "messages", msgs, "inferenceConfig",
                               "maxTokens", (json_int_t)req->max_tokens, "temperature",
                               req->temperature)
                   : NULL;
        if (b && json_array_size(system))
                json_object_set(b, "system", system);
        json_decref(msgs);
        json_decref(system);
        cfg = b ? json_object_get(b, "inferenceConfig") : NULL;
        if (b && (r = llm_sampling_apply(req, cfg)) < 0) {
                json_decref(b);
                return r;
        }
        if (!b)
                return r < 0 ? r : -ENOMEM;
        *ret = b;
        return 0;
}

/* ---- signing ------------------------------------------------------------ */

struct target {
        char host[300];                 /* the Host header: host, ":port" when not default */
        char *path;
};

static int parse_target(const char *url, struct target *t, struct diag *d)
{
        CURLU *u = curl_url();
        char *scheme = NULL, *host = NULL, *port = NULL, *query = NULL;
        int r = -EINVAL;

        if (!u || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
            curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
            curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
            curl_url_get(u, CURLUPART_PATH, &t->path, 0) != CURLUE_OK) {
                diag_set(d, NULL, 0, 0, "invalid bedrock endpoint URL '%.200s'", url);
        } else if (curl_url_get(u, CURLUPART_QUERY, &query, 0) == CURLUE_OK) {
                /* Converse takes no query; one in the base URL would be signed on trust. */
                diag_set(d, NULL, 0, 0, "the bedrock endpoint URL '%.200s' has a query: "
                         "refused", url);
        } else {
                bool dflt = true;

                if (curl_url_get(u, CURLUPART_PORT, &port, 0) == CURLUE_OK)
                        dflt = (streq(scheme, "https") && streq(port, "443")) ||
                               (streq(scheme, "http") && streq(port, "80"));
                snprintf(t->host, sizeof(t->host), "%s%s%s", host, dflt ? "" : ":",
                         dflt ? "" : port);
                r = 0;
        }
        curl_free(scheme);
        curl_free(host);
        curl_free(port);
        curl_free(query);
        curl_url_cleanup(u);
        return r;
}

static int amz_now(char out[17])
{
        struct timespec ts;
        struct tm tm;

        if (clock_gettime(CLOCK_REALTIME, &ts) < 0 || !gmtime_r(&ts.tv_sec, &tm) ||
            strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm) != 16)
                return -EIO;
        return 0;
}

static int bedrock_sign(struct curl_slist **h, const char *secret, const char *url,
                        const char *body, size_t body_len, struct diag *d)
{
        const char *akid = getenv("AWS_ACCESS_KEY_ID"), *token = getenv("AWS_SESSION_TOKEN");
        char region[BEDROCK_MAX_REGION + 1], date[17];
        struct target t = { 0 };
        struct buf auth = BUF_INIT(8192);
        int r;

        if (!akid || !*akid) {
                diag_set(d, NULL, 0, 0, "no AWS access key id for bedrock: set "
                         "AWS_ACCESS_KEY_ID (with AWS_SECRET_ACCESS_KEY) in the environment or "
                         ".env");
                return -EACCES;
        }
        r = bedrock_region(region, d);
        if (r == 0)
                r = parse_target(url, &t, d);
        if (r == 0)
                r = amz_now(date);
        if (r == 0) {
                /* Exactly the values sent: bedrock_headers' Content-Type and ours below. */
                const struct sigv4_header hd[] = {
                        { "content-type", "application/json" },
                        { "host", t.host },
                        { "x-amz-date", date },
                        { "x-amz-security-token", token && *token ? token : NULL },
                };
                struct sigv4_request sr = {
                        .method = "POST", .path = t.path, .headers = hd,
                        .n_headers = token && *token ? 4 : 3, .body = body,
                        .body_len = body_len, .amz_date = date, .region = region,
                        .service = BEDROCK_SIGNING_NAME,
                };

                r = sigv4_authorization(&sr, akid, secret, &auth);
                if (r < 0)
                        diag_set(d, NULL, 0, 0, "cannot sign the bedrock request: %s",
                                 strerror(-r));
        }
        if (r == 0)
                r = llm_header_add(h, "Host", t.host);
        if (r == 0)
                r = llm_header_add(h, "X-Amz-Date", date);
        if (r == 0 && token && *token)
                r = llm_header_add_secret(h, "X-Amz-Security-Token:", token);
        if (r == 0)
                r = llm_header_add(h, "Authorization", auth.data);
        curl_free(t.path);
        buf_free(&auth);
        return r;
}

/* ---- the answer --------------------------------------------------------- */

static int take_usage(struct llm_call *c, const json_t *u)
{
        long in = json_long(u, "inputTokens"), out = json_long(u, "outputTokens");

        if (in < 0 || out < 0)
                return 0;
        c->input_tokens = in + MAX(json_long(u, "cacheReadInputTokens"), 0) +
                          MAX(json_long(u, "cacheWriteInputTokens"), 0);
        c->cached_tokens = MAX(json_long(u, "cacheReadInputTokens"), 0);
        c->usage_reported = true;
        return llm_call_output_count(c, out);
}

static int whole_answer(struct llm_call *c, const json_t *j)
{
        const json_t *content, *block;
        size_t i;
        int r;

        content = json_object_get(json_object_get(json_object_get(j, "output"), "message"),
                                  "content");
        if (!json_is_array(content)) {
                const char *m = json_string_value(json_object_get(j, "message"));

                return llm_call_fail(c, -EPROTO, "bedrock answer without "
                                     "output.message.content%s%.200s", m ? ": " : "",
                                     m ? m : "");
        }
        /* Usage first: a reported count past the budget stops the call before any text. */
        r = take_usage(c, json_object_get(j, "usage"));
        json_array_foreach(content, i, block) {
                const json_t *text = json_object_get(block, "text");

                /* toolUse, reasoningContent, images: not text, not used by akios. */
                if (r == 0 && json_is_string(text))
                        r = llm_call_delta(c, json_string_value(text), json_string_length(text));
        }
        if (r == 0)
                r = llm_call_set_str(&c->finish_reason,
                                     json_string_value(json_object_get(j, "stopReason")));
        c->done = true;
        return r;
}

static int on_delta(struct llm_call *c, const json_t *j)
{
        const json_t *text = json_object_get(json_object_get(j, "delta"), "text");

        /* reasoningContent, toolUse: not text. */
        if (!json_is_string(text))
                return 0;
        return llm_call_delta(c, json_string_value(text), json_string_length(text));
}

static int on_stop(struct llm_call *c, const json_t *j)
{
        c->done = true;
        return llm_call_set_str(&c->finish_reason,
                                json_string_value(json_object_get(j, "stopReason")));
}

static int on_metadata(struct llm_call *c, const json_t *j)
{
        return take_usage(c, json_object_get(j, "usage"));
}

static const struct {
        const char *name;
        int (*fn)(struct llm_call *c, const json_t *j);
} events[] = {
        { "contentBlockDelta", on_delta },
        { "messageStop", on_stop },
        { "metadata", on_metadata },
};

static int stream_event(struct llm_call *c, const char *event, const json_t *j)
{
        if (event[0] == '!') {
                const char *m = json_string_value(json_object_get(j, "message"));

                return llm_call_fail(c, -EIO, "bedrock error in the stream: %.60s: %.200s",
                                     event + 1, m ? m : "no message");
        }
        for (size_t i = 0; i < ARRAY_SIZE(events); i++)
                if (streq(events[i].name, event))
                        return events[i].fn(c, j);
        return 0;       /* messageStart, contentBlockStart, contentBlockStop */
}

static int bedrock_event(struct llm_call *c, const char *event, const char *data, size_t len)
{
        json_t *j = NULL;
        int r;

        r = llm_call_json(c, data, len, &j);
        if (r < 0)
                return r;
        if (c->framing == FRAME_WHOLE)
                r = whole_answer(c, j);
        else
                r = stream_event(c, event ? event : "", j);
        json_decref(j);
        return r;
}

const struct wire_format wire_bedrock = {
        .provider = "bedrock",
        .key_env = { "AWS_SECRET_ACCESS_KEY", NULL },
        .base_env = { "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "AWS_ENDPOINT_URL" },
        .default_base = "https://bedrock-runtime." BEDROCK_DEFAULT_REGION ".amazonaws.com",
        .default_base_of = bedrock_default_base,
        .url = bedrock_url,
        .headers = bedrock_headers,
        .body = bedrock_body,
        .stream_framing = FRAME_EVENTSTREAM,
        .on_event = bedrock_event,
        .sign = bedrock_sign,
        .secret_env = "AWS_SESSION_TOKEN",
        .auth_hint = "check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and "
                     "the region",
};
