/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real providers against the protocol-faithful fake server (tests/helpers/fake_llm.py):
 * for each wire format (OpenAI, Anthropic, Ollama, Gemini): streaming and whole answers,
 * usage, 429 + Retry-After, 500 once and always, timeouts, truncated and malformed answers,
 * huge answers, a key echoed by the server, redirects, a stream cut by the caller, missing
 * keys and plain http to a non-loopback host. Bedrock (Converse and ConverseStream's binary
 * event-stream, AWS SigV4) goes through all of that, and its own cases: the fake server
 * verifies every signature itself; a wrong secret, a missing or wrong session token, a bad
 * region, throttling, AWS error bodies, stream exceptions and CRCs, its endpoint.
 */
#include <signal.h>
#include <stdio.h>
#include <strings.h>
#include <sys/wait.h>

#include "tap.h"

#include "llm/llm.h"

struct fmt {
        const char *provider;
        const char *key_env;            /* NULL: no key */
        const char *base_env;
        const char *suffix;             /* what the SDK's base URL holds after the host */
};

static const struct fmt fmts[] = {
        { "openai", "OPENAI_API_KEY", "OPENAI_BASE_URL", "/v1" },
        { "mistral", "MISTRAL_API_KEY", "MISTRAL_BASE_URL", "/v1" },
        { "grok", "XAI_API_KEY", "GROK_BASE_URL", "/v1" },
        { "anthropic", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "" },
        { "ollama", NULL, "OLLAMA_HOST", "" },
        { "gemini", "GEMINI_API_KEY", "GEMINI_BASE_URL", "" },
        { "bedrock", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "" },
};

static const char KEY[] = "sk-test-SECRETKEY-0123456789abcdef";
/* The fake server's AWS keys: KEY for AKIDPLAIN, another secret and a token for AKIDTEMP. */
#define AKID "AKIDPLAINEXAMPLE"
#define AKID_TEMP "AKIDTEMPEXAMPLE"
static const char SECRET_TEMP[] = "tmp-SECRETKEY-wJalrXUtnFEMIK7MDENG";
static const char TOKEN[] = "FQoGZXIvYXdzTOKEN-SESSIONTOKEN-0123456789";
static pid_t server_pid;
static int port;
static char record[256];

static int start_server(void)
{
        const char *src = getenv("AKIOS_SRC");
        char script[512], line[32] = "";
        int fds[2];
        FILE *f;

        snprintf(script, sizeof(script), "%s/tests/helpers/fake_llm.py", src ? src : ".");
        snprintf(record, sizeof(record), "/tmp/akios-test-llm.%d.jsonl", (int)getpid());
        if (access("/usr/bin/python3", X_OK) < 0 || access(script, R_OK) < 0 || pipe(fds) < 0)
                return -1;
        server_pid = fork();
        if (server_pid == 0) {
                dup2(fds[1], 1);
                close(fds[0]);
                char plain[128], temp[192];

                snprintf(plain, sizeof(plain), "%s:%s", AKID, KEY);
                snprintf(temp, sizeof(temp), "%s:%s:%s", AKID_TEMP, SECRET_TEMP, TOKEN);
                execl("/usr/bin/python3", "python3", script, "--record", record, "--aws-key",
                      plain, "--aws-key", temp, (char *)NULL);
                _exit(127);
        }
        close(fds[1]);
        f = fdopen(fds[0], "r");
        if (!f || !fgets(line, sizeof(line), f))
                return -1;
        fclose(f);
        port = (int)strtol(line, NULL, 10);
        return port > 0 ? 0 : -1;
}

static void stop_server(void)
{
        if (server_pid > 0) {
                kill(server_pid, SIGTERM);
                waitpid(server_pid, NULL, 0);
        }
        unlink(record);
}

static void point_at(const struct fmt *f, const char *scenario)
{
        char base[256];

        snprintf(base, sizeof(base), "http://127.0.0.1:%d/s/%s,p=%s%s", port, scenario,
                 f->provider, f->suffix);
        setenv(f->base_env, base, 1);
        if (f->key_env)
                setenv(f->key_env, KEY, 1);
        if (streq(f->provider, "bedrock")) {
                setenv("AWS_ACCESS_KEY_ID", AKID, 1);
                unsetenv("AWS_SESSION_TOKEN");
        }
}

struct cut {
        long limit;
        long seen;
        size_t bytes;
};

static int on_delta(void *ud, const char *text, size_t len, long output_tokens)
{
        struct cut *c = ud;

        c->seen = output_tokens;
        c->bytes += len;
        return c->limit > 0 && output_tokens > c->limit ? -EDQUOT : 0;
}

static int call(const struct fmt *f, const char *scenario, bool stream, struct llm_request *tune,
                struct llm_response *resp, struct llm_info *info, struct diag *d)
{
        static const struct llm_message msgs[] = {
                { "system", "be brief" },
                { "user", "say hello to the cage" },
        };
        struct llm_request req = tune ? *tune : (struct llm_request){ 0 };

        point_at(f, scenario);
        req.provider = f->provider;
        req.model = "fake-model";
        req.messages = msgs;
        req.n_messages = ARRAY_SIZE(msgs);
        if (!req.max_tokens)
                req.max_tokens = 50;
        req.temperature = 0.2;
        req.stream = stream;
        req.retry_base_ms = req.retry_base_ms ? req.retry_base_ms : 20;
        *d = (struct diag){ 0 };
        return llm_provider_find(f->provider)->complete(&req, resp, info, d);
}

static void test_ok(const struct fmt *f, bool stream)
{
        struct llm_response resp = { 0 };
        struct llm_info info;
        struct cut cut = { 0 };
        struct llm_request tune = { .on_delta = on_delta, .userdata = &cut };
        struct diag d;
        int r = call(f, "words=8", stream, &tune, &resp, &info, &d);

        is_int(r, 0, "%s %s: ok (%s)", f->provider, stream ? "stream" : "whole", d.msg);
        if (r < 0)
                return;
        is_str(resp.text, "the quick brown fox jumps over the lazy ", "%s: text", f->provider);
        ok(resp.usage_reported || streq(f->provider, "mistral"), "%s: usage reported",
           f->provider);
        if (resp.usage_reported) {
                ok(resp.input_tokens > 0, "%s: input tokens %ld", f->provider, resp.input_tokens);
                is_int(resp.output_tokens, 8, "%s: output tokens", f->provider);
        }
        is_int(info.attempts, 1, "%s: one attempt", f->provider);
        is_int(info.http_status, 200, "%s: status 200", f->provider);
        ok(cut.bytes == strlen(resp.text), "%s: every delta reached the callback", f->provider);
        ok(strstr(info.endpoint, "127.0.0.1") != NULL, "%s: endpoint %s", f->provider,
           info.endpoint);
        ok(resp.finish_reason && resp.model, "%s: finish %s model %s", f->provider,
           resp.finish_reason ? resp.finish_reason : "-", resp.model ? resp.model : "-");
        llm_response_free(&resp);
}

static void test_max_tokens(const struct fmt *f)
{
        struct llm_response resp = { 0 };
        struct llm_info info;
        struct llm_request tune = { .max_tokens = 3 };
        struct diag d;
        int r = call(f, "words=20", true, &tune, &resp, &info, &d);

        is_int(r, 0, "%s: max_tokens respected (%s)", f->provider, d.msg);
        if (r == 0 && resp.usage_reported)
                is_int(resp.output_tokens, 3, "%s: 3 tokens", f->provider);
        llm_response_free(&resp);
}

static void test_retry_after(const struct fmt *f)
{
        struct llm_response resp = { 0 };
        struct llm_info info;
        struct diag d;
        double t0 = monotonic_ms();
        int r = call(f, "429once", true, NULL, &resp, &info, &d);
        double ms = monotonic_ms() - t0;

        is_int(r, 0, "%s: 429 then success (%s)", f->provider, d.msg);
        is_int(info.attempts, 2, "%s: two attempts", f->provider);
        ok(ms >= 950, "%s: waited for Retry-After: 1 (%.0f ms)", f->provider, ms);
        llm_response_free(&resp);
}

static void test_errors(const struct fmt *f)
{
        struct llm_response resp = { 0 };
        struct llm_info info;
        struct llm_request quick = { .timeout_ms = 400, .max_attempts = 2 };
        struct llm_request small = { .max_response_bytes = 1 << 20 };
        struct llm_request one = { .max_attempts = 1 };
        struct cut cut = { .limit = 5 };
        struct llm_request cutter = { .on_delta = on_delta, .userdata = &cut,
                                      .max_tokens = 10 };
        struct diag d;
        int r;

        r = call(f, "500once", true, NULL, &resp, &info, &d);
        ok(r == 0 && info.attempts == 2, "%s: 500 once is retried (%d, %u)", f->provider, r,
           info.attempts);
        llm_response_free(&resp);
        r = call(f, "500always", true, NULL, &resp, &info, &d);
        ok(r == -EIO && info.attempts == 3 && info.http_status == 500,
           "%s: 500 always fails after 3 attempts (%d %u: %s)", f->provider, r, info.attempts,
           d.msg);
        r = call(f, "429always", true, &one, &resp, &info, &d);
        ok(r == -EAGAIN && info.http_status == 429, "%s: 429 with one attempt (%s)",
           f->provider, d.msg);
        r = call(f, "slow=3", true, &quick, &resp, &info, &d);
        ok(r == -ETIMEDOUT && info.attempts == 2, "%s: timeout, retried once (%d %u: %s)",
           f->provider, r, info.attempts, d.msg);
        r = call(f, "stall", true, &quick, &resp, &info, &d);
        ok(r == -ETIMEDOUT && info.attempts == 1, "%s: stall mid-stream times out, not "
           "retried after text arrived (%d %u)", f->provider, r, info.attempts);
        r = call(f, "truncated", true, NULL, &resp, &info, &d);
        is_int(r, -EPROTO, "%s: truncated stream (%s)", f->provider, d.msg);
        r = call(f, "malformed", true, NULL, &resp, &info, &d);
        is_int(r, -EPROTO, "%s: malformed stream event (%s)", f->provider, d.msg);
        r = call(f, "malformed", false, NULL, &resp, &info, &d);
        is_int(r, -EPROTO, "%s: malformed whole answer (%s)", f->provider, d.msg);
        r = call(f, "huge", true, &small, &resp, &info, &d);
        is_int(r, -E2BIG, "%s: huge streamed answer capped (%s)", f->provider, d.msg);
        r = call(f, "huge", false, &small, &resp, &info, &d);
        is_int(r, -E2BIG, "%s: huge whole answer capped (%s)", f->provider, d.msg);
        r = call(f, "redirect", true, NULL, &resp, &info, &d);
        ok(r == -EPROTO && info.http_status == 302, "%s: redirect not followed (%s)",
           f->provider, d.msg);
        r = call(f, "ignore_max,words=50", true, &cutter, &resp, &info, &d);
        ok(r == -EDQUOT && cut.seen == 6 && info.output_tokens_seen == 6,
           "%s: stream cut in flight by the caller at 6 tokens (%d, %ld)", f->provider, r,
           cut.seen);
        if (f->key_env) {
                r = call(f, "echo_key", true, NULL, &resp, &info, &d);
                ok(r == -EACCES && !strstr(d.msg, KEY) && !strstr(d.msg, "SECRETKEY"),
                   "%s: key echoed by the server is scrubbed (%s)", f->provider, d.msg);
                point_at(f, "words=1");
                unsetenv(f->key_env);
                r = llm_provider_find(f->provider)->complete(
                        &(struct llm_request){ .provider = f->provider, .model = "m",
                                               .messages = &(struct llm_message){ "user", "x" },
                                               .n_messages = 1, .max_tokens = 5 },
                        &resp, &info, &d);
                ok(r == -EACCES && strstr(d.msg, f->key_env), "%s: missing key (%s)",
                   f->provider, d.msg);
        }
}

static void test_http_refused(void)
{
        struct llm_response resp = { 0 };
        struct diag d = { 0 };
        int r;

        setenv("OPENAI_BASE_URL", "http://api.example.com/v1", 1);
        setenv("OPENAI_API_KEY", KEY, 1);
        r = llm_provider_find("openai")->complete(
                &(struct llm_request){ .provider = "openai", .model = "m",
                                       .messages = &(struct llm_message){ "user", "x" },
                                       .n_messages = 1, .max_tokens = 5 },
                &resp, NULL, &d);
        ok(r == -EPERM, "plain http to a non-loopback host is refused (%s)", d.msg);
        unsetenv("OPENAI_BASE_URL");
}

/* The registry: every provider resolves to its endpoint through its own table row; mock and
 * unknown names have none. */
static void test_registry(void)
{
        static const char *const want[][2] = {
                { "openai", "https://api.openai.com/v1/chat/completions" },
                { "mistral", "https://api.mistral.ai/v1/chat/completions" },
                { "grok", "https://api.x.ai/v1/chat/completions" },
                { "anthropic", "https://api.anthropic.com/v1/messages" },
                { "ollama", "http://127.0.0.1:11434/api/chat" },
        };
        static const char *const env[] = { "OPENAI_BASE_URL", "MISTRAL_BASE_URL",
                                           "GROK_BASE_URL", "XAI_BASE_URL",
                                           "ANTHROPIC_BASE_URL", "OLLAMA_HOST" };
        char url[512];

        for (size_t i = 0; i < ARRAY_SIZE(env); i++)
                unsetenv(env[i]);
        for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
                int r = llm_endpoint(want[i][0], "m", false, url, sizeof(url));

                ok(r == 0 && streq(url, want[i][1]), "endpoint of %s from its table row (%s)",
                   want[i][0], r == 0 ? url : strerror(-r));
        }
        ok(llm_endpoint("mock", "m", false, url, sizeof(url)) == -ENOENT,
           "mock has no endpoint");
        ok(llm_endpoint("nope", "m", false, url, sizeof(url)) == -ENOENT,
           "an unknown provider has no endpoint");
        ok(llm_provider_find("gemini") && llm_provider_find("gemini")->wire &&
           !llm_provider_find("mock")->wire, "real providers carry a wire format, mock none");
}

static void test_key_never_recorded_in_body(void)
{
        FILE *f = fopen(record, "r");
        char line[65536];
        long n = 0, in_body = 0, in_header = 0;

        while (f && fgets(line, sizeof(line), f)) {
                json_t *j = json_loads(line, 0, NULL);
                const char *body = json_string_value(json_object_get(j, "body"));
                char *hdr = json_dumps(json_object_get(j, "headers"), 0);

                n++;
                in_body += body && strstr(body, "SECRETKEY") != NULL;
                in_header += hdr && strstr(hdr, "SECRETKEY") != NULL;
                free(hdr);
                json_decref(j);
        }
        if (f)
                fclose(f);
        ok(n > 0 && in_body == 0, "the key never travels in a request body (%ld requests)", n);
        ok(in_header > 0, "the key does travel in the auth header (%ld)", in_header);
}

/* The last request the fake server recorded. */
static json_t *last_record(void)
{
        FILE *f = fopen(record, "r");
        static char line[1 << 20];
        json_t *j = NULL;

        while (f && fgets(line, sizeof(line), f)) {
                json_decref(j);
                j = json_loads(line, 0, NULL);
        }
        if (f)
                fclose(f);
        return j;
}

static const char *rec_str(const json_t *rec, const char *key)
{
        const char *s = json_string_value(json_object_get(rec, key));

        return s ? s : "";
}

static const char *rec_header(const json_t *rec, const char *name)
{
        const char *key;
        json_t *v;

        json_object_foreach(json_object_get(rec, "headers"), key, v)
                if (strcasecmp(key, name) == 0)
                        return json_string_value(v);
        return NULL;
}

static const struct fmt *bedrock_fmt(void)
{
        return &fmts[ARRAY_SIZE(fmts) - 1];
}

static int bedrock_call(const char *scenario, const char *model, struct llm_request *tune,
                        struct llm_response *resp, struct llm_info *info, struct diag *d)
{
        static const struct llm_message msgs[] = {
                { "system", "be brief" },
                { "user", "say hello to the cage" },
        };
        struct llm_request req = tune ? *tune : (struct llm_request){ 0 };
        char base[256];

        snprintf(base, sizeof(base), "http://127.0.0.1:%d/s/%s,p=bedrock", port, scenario);
        setenv("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", base, 1);
        req.provider = "bedrock";
        req.model = model;
        req.messages = msgs;
        req.n_messages = ARRAY_SIZE(msgs);
        req.max_tokens = req.max_tokens ? req.max_tokens : 50;
        req.temperature = 0.2;
        req.retry_base_ms = 20;
        *d = (struct diag){ 0 };
        *resp = (struct llm_response){ 0 };
        return llm_provider_find("bedrock")->complete(&req, resp, info, d);
}

static void test_bedrock_signing(void)
{
        static const char model[] = "anthropic.claude-3-5-haiku-20241022-v1:0";
        struct llm_response resp;
        struct llm_info info;
        struct diag d;
        json_t *rec;
        int r;

        point_at(bedrock_fmt(), "words=8");
        r = bedrock_call("words=8", model, NULL, &resp, &info, &d);
        rec = last_record();
        ok(r == 0 && streq(rec_str(rec, "sigv4"), "valid"),
           "bedrock: the server verified the signature (%s; %s)", d.msg, rec_str(rec, "sigv4"));
        ok(strstr(rec_str(rec, "path"), "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/"
                                        "converse") != NULL,
           "bedrock: a model id with ':' goes out as %%3A and signs (double encoding): %s",
           rec_str(rec, "path"));
        ok(rec_header(rec, "X-Amz-Security-Token") == NULL, "bedrock: no token when none is set");
        ok(rec_header(rec, "Authorization") &&
           strstr(rec_header(rec, "Authorization"), "Credential=" AKID "/") &&
           strstr(rec_header(rec, "Authorization"), "/us-east-1/bedrock/aws4_request") &&
           !strstr(rec_header(rec, "Authorization"), KEY),
           "bedrock: credential scope region/bedrock, no secret (%s)",
           rec_header(rec, "Authorization") ? rec_header(rec, "Authorization") : "-");
        json_decref(rec);
        llm_response_free(&resp);

        /* The wrong secret: AWS's 403 InvalidSignatureException, named and hinted. */
        setenv("AWS_SECRET_ACCESS_KEY", "not-the-SECRETKEY-at-all-000000000000", 1);
        r = bedrock_call("words=8", model, NULL, &resp, &info, &d);
        ok(r == -EACCES && info.http_status == 403 && info.attempts == 1 &&
           strstr(d.msg, "HTTP 403 from bedrock") && strstr(d.msg, "signature") &&
           strstr(d.msg, "AWS_SECRET_ACCESS_KEY") && !strstr(d.msg, "SECRETKEY"),
           "bedrock: a wrong secret is a 403, not retried, said clearly (%s)", d.msg);
        rec = last_record();
        ok(strstr(rec_str(rec, "sigv4"), "InvalidSignatureException") != NULL,
           "bedrock: the server refused the signature (%s)", rec_str(rec, "sigv4"));
        json_decref(rec);

        /* Temporary credentials: the token is sent, signed, and required. */
        setenv("AWS_ACCESS_KEY_ID", AKID_TEMP, 1);
        setenv("AWS_SECRET_ACCESS_KEY", SECRET_TEMP, 1);
        setenv("AWS_SESSION_TOKEN", TOKEN, 1);
        r = bedrock_call("words=8", model, NULL, &resp, &info, &d);
        rec = last_record();
        ok(r == 0 && streq(rec_str(rec, "sigv4"), "valid") &&
           rec_header(rec, "X-Amz-Security-Token") &&
           streq(rec_header(rec, "X-Amz-Security-Token"), TOKEN) &&
           strstr(rec_header(rec, "Authorization"), "x-amz-security-token"),
           "bedrock: the session token is sent as x-amz-security-token and signed (%s)", d.msg);
        json_decref(rec);
        llm_response_free(&resp);
        unsetenv("AWS_SESSION_TOKEN");
        r = bedrock_call("words=8", model, NULL, &resp, &info, &d);
        ok(r == -EACCES && strstr(d.msg, "security token"),
           "bedrock: temporary keys without their token are refused (%s)", d.msg);
        setenv("AWS_SESSION_TOKEN", TOKEN, 1);
        r = bedrock_call("echo_key", model, NULL, &resp, &info, &d);
        ok(r == -EACCES && !strstr(d.msg, "SECRETKEY") && !strstr(d.msg, "SESSIONTOKEN"),
           "bedrock: a secret and token echoed by the server are scrubbed (%s)", d.msg);
        point_at(bedrock_fmt(), "words=8");

        /* The region is signed: a client in another region than the server's fails. */
        setenv("AWS_REGION", "eu-west-3", 1);
        r = bedrock_call("words=8", model, NULL, &resp, &info, &d);
        ok(r == -EACCES && strstr(d.msg, "region"), "bedrock: the region is in the signature "
           "(%s)", d.msg);
        setenv("AKIOS_BEDROCK_REGION", "us-east-1", 1);
        r = bedrock_call("words=8", model, NULL, &resp, &info, &d);
        ok(r == 0, "bedrock: AKIOS_BEDROCK_REGION wins over AWS_REGION (%s)", d.msg);
        llm_response_free(&resp);
        setenv("AKIOS_BEDROCK_REGION", "us-east-1/../x", 1);
        r = bedrock_call("words=8", model, NULL, &resp, &info, &d);
        ok(r == -EINVAL && strstr(d.msg, "AKIOS_BEDROCK_REGION"),
           "bedrock: a malformed region is refused before anything is sent (%s)", d.msg);
        unsetenv("AKIOS_BEDROCK_REGION");
        unsetenv("AWS_REGION");
}

static void test_bedrock_errors(void)
{
        static const char model[] = "amazon.nova-lite-v1:0";
        struct llm_response resp;
        struct llm_info info;
        struct llm_request one = { .max_attempts = 1 }, small = { .max_response_bytes = 1 << 20 };
        struct llm_request quick = { .timeout_ms = 400, .max_attempts = 2 };
        struct cut cut = { .limit = 5 };
        struct llm_request cutter = { .on_delta = on_delta, .userdata = &cut, .max_tokens = 10 };
        struct llm_request stream = { .stream = true };
        json_t *rec;
        struct diag d;
        char url[512];
        int r;

        point_at(bedrock_fmt(), "words=8");
        r = bedrock_call("429once", model, NULL, &resp, &info, &d);
        ok(r == 0 && info.attempts == 2, "bedrock: ThrottlingException (429) is retried (%d %u: "
           "%s)", r, info.attempts, d.msg);
        llm_response_free(&resp);
        r = bedrock_call("429always", model, &one, &resp, &info, &d);
        ok(r == -EAGAIN && strstr(d.msg, "HTTP 429 from bedrock: Too many requests"),
           "bedrock: throttled to the end (%s)", d.msg);
        r = bedrock_call("500always", model, NULL, &resp, &info, &d);
        ok(r == -EIO && info.attempts == 3, "bedrock: 500 always, 3 attempts (%s)", d.msg);
        r = bedrock_call("malformed", model, NULL, &resp, &info, &d);
        is_int(r, -EPROTO, "bedrock: malformed answer fails closed (%s)", d.msg);
        r = bedrock_call("no_content", model, NULL, &resp, &info, &d);
        ok(r == -EPROTO && strstr(d.msg, "output.message.content"),
           "bedrock: an answer without output.message.content fails closed (%s)", d.msg);
        r = bedrock_call("truncated", model, NULL, &resp, &info, &d);
        is_int(r, -EPROTO, "bedrock: a cut answer fails (%s)", d.msg);
        r = bedrock_call("stall", model, &quick, &resp, &info, &d);
        is_int(r, -ETIMEDOUT, "bedrock: a stalled answer times out (%s)", d.msg);
        r = bedrock_call("huge", model, &small, &resp, &info, &d);
        is_int(r, -E2BIG, "bedrock: a huge answer is capped (%s)", d.msg);
        r = bedrock_call("stream_exception,words=5", model, &stream, &resp, &info, &d);
        ok(r == -EIO && info.attempts == 1 &&
           strstr(d.msg, "modelStreamErrorException: The model stream failed"),
           "bedrock: an exception message in the stream fails the call (%s)", d.msg);
        r = bedrock_call("bad_crc,words=5", model, &stream, &resp, &info, &d);
        ok(r == -EPROTO && strstr(d.msg, "CRC"), "bedrock: a message with a bad CRC fails "
           "closed (%s)", d.msg);
        r = bedrock_call("words=5", model, &stream, &resp, &info, &d);
        rec = last_record();
        ok(r == 0 && streq(resp.text, "the quick brown fox jumps ") && resp.usage_reported &&
           resp.output_tokens == 5 && streq(rec_str(rec, "sigv4"), "valid") &&
           strstr(rec_str(rec, "path"), "/model/amazon.nova-lite-v1%3A0/converse-stream"),
           "bedrock: ConverseStream, signed, its usage from metadata (%s)", d.msg);
        json_decref(rec);
        llm_response_free(&resp);
        r = bedrock_call("redirect", model, NULL, &resp, &info, &d);
        ok(r == -EPROTO && info.http_status == 302, "bedrock: redirect not followed (%s)", d.msg);
        r = bedrock_call("ignore_max,words=50", model, &cutter, &resp, &info, &d);
        ok(r == -EDQUOT && cut.bytes == 0 && cut.seen == 50,
           "bedrock: reported usage past the caller's limit stops the call before any text "
           "(%d, seen %ld, %zu bytes)", r, cut.seen, cut.bytes);
        cut = (struct cut){ .limit = 5 };
        r = bedrock_call("nousage,ignore_max,words=50", model, &cutter, &resp, &info, &d);
        ok(r == 0 && !resp.usage_reported && cut.bytes == strlen(resp.text) && cut.bytes > 200,
           "bedrock: without usage the whole text goes through the caller's check before it is "
           "answered (the engine bounds it by its bytes) (%d, %zu bytes)", r, cut.bytes);
        llm_response_free(&resp);
        point_at(bedrock_fmt(), "words=3");
        unsetenv("AWS_ACCESS_KEY_ID");
        r = bedrock_call("words=3", model, NULL, &resp, &info, &d);
        ok(r == -EACCES && strstr(d.msg, "AWS_ACCESS_KEY_ID"), "bedrock: missing key id (%s)",
           d.msg);
        point_at(bedrock_fmt(), "words=3");
        unsetenv("AWS_SECRET_ACCESS_KEY");
        r = bedrock_call("words=3", model, NULL, &resp, &info, &d);
        ok(r == -EACCES && strstr(d.msg, "AWS_SECRET_ACCESS_KEY"), "bedrock: missing secret "
           "(%s)", d.msg);
        setenv("AWS_SECRET_ACCESS_KEY", KEY, 1);
        setenv("AWS_ACCESS_KEY_ID", AKID, 1);
        r = bedrock_call("x?a=b", model, NULL, &resp, &info, &d);
        ok(r == -EINVAL && strstr(d.msg, "query"), "bedrock: an endpoint with a query is "
           "refused (%s)", d.msg);
        unsetenv("AWS_ENDPOINT_URL_BEDROCK_RUNTIME");
        unsetenv("AWS_ENDPOINT_URL");
        r = llm_endpoint("bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0", true, url,
                         sizeof(url));
        ok(r == 0 && streq(url, "https://bedrock-runtime.us-east-1.amazonaws.com/model/"
                                "anthropic.claude-3-5-haiku-20241022-v1%3A0/converse-stream"),
           "bedrock: default streaming endpoint in us-east-1 (%s)", r == 0 ? url : strerror(-r));
        setenv("AWS_DEFAULT_REGION", "eu-central-1", 1);
        r = llm_endpoint("bedrock", "m", false, url, sizeof(url));
        ok(r == 0 && streq(url, "https://bedrock-runtime.eu-central-1.amazonaws.com/model/m/"
                                "converse"), "bedrock: endpoint of AWS_DEFAULT_REGION (%s)", url);
        unsetenv("AWS_DEFAULT_REGION");
        setenv("AKIOS_BEDROCK_MODEL_ID", "amazon.nova-pro-v1:0", 1);
        is_str(llm_provider_default_model(llm_provider_find("bedrock")), "amazon.nova-pro-v1:0",
               "bedrock: AKIOS_BEDROCK_MODEL_ID moves the default model");
        unsetenv("AKIOS_BEDROCK_MODEL_ID");
        is_str(llm_provider_default_model(llm_provider_find("bedrock")),
               "anthropic.claude-3-5-haiku-20241022-v1:0", "bedrock: AKIOS's default model");
}

int main(void)
{
        if (start_server() < 0) {
                skip("cannot start /usr/bin/python3 tests/helpers/fake_llm.py");
                return done_testing();
        }
        for (size_t i = 0; i < ARRAY_SIZE(fmts); i++) {
                test_ok(&fmts[i], true);
                test_ok(&fmts[i], false);
                test_max_tokens(&fmts[i]);
        }
        for (size_t i = 0; i < ARRAY_SIZE(fmts); i++)
                if (streq(fmts[i].provider, "openai") || streq(fmts[i].provider, "anthropic") ||
                    streq(fmts[i].provider, "ollama") || streq(fmts[i].provider, "gemini") ||
                    streq(fmts[i].provider, "bedrock"))
                        test_errors(&fmts[i]);
        test_bedrock_signing();
        test_bedrock_errors();
        test_retry_after(&fmts[0]);
        test_retry_after(&fmts[3]);
        test_http_refused();
        test_key_never_recorded_in_body();
        test_registry();
        stop_server();
        return done_testing();
}
