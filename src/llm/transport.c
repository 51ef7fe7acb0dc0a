/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The LLM transport: one POST through libcurl with the framing of the answer (whole body,
 * SSE, NDJSON, AWS event-stream in eventstream.c), a size cap, connect and whole-call
 * timeouts, and retries with exponential backoff and full jitter on 429, 5xx and timeouts
 * only (Retry-After honoured), bounded by attempts and by total time. A call that already
 * handed text to the caller is never retried (the caller may have acted on it, e.g. charged
 * it).
 *
 * It does not build requests or understand any provider's JSON (the wire format files do),
 * does not follow redirects (a 3xx is an error), and never prints.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <sys/random.h>
#include <time.h>

#include "llm/internal.h"

struct xfer {
        struct llm_call *c;
        CURL *curl;
        long status;
        size_t received, cap;
        struct buf errbody;
        int err;                        /* set by a callback that aborted the transfer */
};

/* ---- framing ------------------------------------------------------------ */

static int dispatch_sse(struct llm_call *c)
{
        int r = 0;

        if (c->data.len > 0 || c->event[0])
                r = c->wf->on_event(c, c->event[0] ? c->event : "message",
                                    c->data.data ? c->data.data : "", c->data.len);
        buf_reset(&c->data);
        c->event[0] = '\0';
        return r;
}

/* One complete SSE line (without its terminator). */
static int sse_line(struct llm_call *c, const char *l, size_t n)
{
        const char *v;
        size_t vn;

        if (n == 0)
                return dispatch_sse(c);
        if (l[0] == ':')
                return 0;
        v = memchr(l, ':', n);
        vn = v ? n - (size_t)(v - l) - 1 : 0;
        if (v) {
                v++;
                if (vn > 0 && *v == ' ') {
                        v++;
                        vn--;
                }
        }
        if (v && (size_t)(v - l) >= 5 && strncmp(l, "data:", 5) == 0) {
                if (c->data.len > 0 && buf_putc(&c->data, '\n') < 0)
                        return -E2BIG;
                return buf_append(&c->data, v, vn) < 0 ? -E2BIG : 0;
        }
        if (v && strncmp(l, "event:", 6) == 0) {
                if (vn >= sizeof(c->event))
                        return llm_call_fail(c, -EPROTO, "SSE event name too long");
                memcpy(c->event, v, vn);
                c->event[vn] = '\0';
        }
        return 0;       /* id:, retry: and unknown fields are ignored, as the spec says */
}

static int feed_line(struct llm_call *c, const char *l, size_t n)
{
        if (n > 0 && l[n - 1] == '\r')
                n--;
        if (c->framing == FRAME_SSE)
                return sse_line(c, l, n);
        if (n == 0)
                return 0;
        return c->wf->on_event(c, NULL, l, n);
}

static int frame_feed(struct llm_call *c, const char *p, size_t n)
{
        int r;

        if (c->framing == FRAME_WHOLE)
                return buf_append(&c->line, p, n) < 0 ? -E2BIG : 0;
        if (c->framing == FRAME_EVENTSTREAM)
                return llm_eventstream_feed(c, p, n);
        while (n > 0) {
                const char *nl = memchr(p, '\n', n);
                size_t k = nl ? (size_t)(nl - p) : n;

                if (buf_append(&c->line, p, k) < 0)
                        return llm_call_fail(c, -E2BIG, "a streamed line is longer than %u "
                                             "bytes", LLM_MAX_LINE);
                if (!nl)
                        break;
                r = feed_line(c, c->line.data, c->line.len);
                buf_reset(&c->line);
                if (r < 0)
                        return r;
                p += k + 1;
                n -= k + 1;
        }
        return 0;
}

static int frame_end(struct llm_call *c)
{
        int r = 0;

        if (c->framing == FRAME_WHOLE)
                r = c->wf->on_event(c, NULL, c->line.data ? c->line.data : "", c->line.len);
        else if (c->framing == FRAME_NDJSON && c->line.len > 0)
                r = feed_line(c, c->line.data, c->line.len);
        else if (c->framing == FRAME_EVENTSTREAM)
                r = llm_eventstream_end(c);
        /* SSE: an event without its blank line at EOF is discarded (the spec says so). */
        buf_reset(&c->line);
        return r;
}

static void call_reset(struct llm_call *c)
{
        buf_reset(&c->text);
        buf_reset(&c->line);
        buf_reset(&c->data);
        c->event[0] = '\0';
        c->input_tokens = -1;   /* -1: not reported (yet) */
        c->output_tokens = c->cached_tokens = 0;
        c->usage_reported = c->done = false;
        c->deltas = 0;
}

/* ---- curl callbacks ----------------------------------------------------- */

static size_t write_cb(char *p, size_t size, size_t nmemb, void *ud)
{
        struct xfer *x = ud;
        size_t n = size * nmemb;
        int r;

        if (x->status == 0)
                curl_easy_getinfo(x->curl, CURLINFO_RESPONSE_CODE, &x->status);
        x->received += n;
        if (x->received > x->cap) {
                x->err = llm_call_fail(x->c, -E2BIG, "response larger than %zu bytes", x->cap);
                return 0;
        }
        if (x->status < 200 || x->status > 299) {
                if (x->errbody.len + n <= LLM_MAX_ERROR_BODY &&
                    buf_append(&x->errbody, p, n) < 0) {
                        x->err = llm_call_fail(x->c, -ENOMEM, "out of memory reading the "
                                               "error response");
                        return 0;
                }
                return n;
        }
        r = frame_feed(x->c, p, n);
        /* The cut acts on bytes as they arrive, not once a whole event is parsed. */
        if (r == 0)
                r = llm_call_pending(x->c, x->c->line.len + x->c->data.len);
        if (r < 0) {
                x->err = r;
                return 0;
        }
        return n;
}

static int progress_cb(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
        struct xfer *x = ud;
        const struct llm_request *req = x->c->req;
        int r;

        if (!req->poll)
                return 0;
        r = req->poll(req->userdata);
        if (r < 0) {
                x->err = r;
                return 1;
        }
        return 0;
}

/* ---- errors ------------------------------------------------------------- */

/* The provider's error message, printable and short. */
static void error_message(const struct buf *body, char *out, size_t size)
{
        json_t *j = body->len ? json_loadb(body->data, body->len, 0, NULL) : NULL;
        const json_t *e = json_object_get(j, "error");
        const char *m = json_string_value(e);
        size_t i;

        if (!m)
                m = json_string_value(json_object_get(e, "message"));
        if (!m)
                m = json_string_value(json_object_get(j, "message"));
        if (!m)         /* AWS: {"Message": ...} from some services and gateways */
                m = json_string_value(json_object_get(j, "Message"));
        snprintf(out, size, "%s", m ? m : "no error message");
        for (i = 0; out[i]; i++)
                if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
                        out[i] = '?';
        if (i > 200)
                memcpy(out + 197, "...", 4);
        json_decref(j);
}

static int status_errno(long status)
{
        if (status == 401 || status == 403)
                return -EACCES;
        if (status == 404)
                return -ENOENT;
        if (status == 429)
                return -EAGAIN;
        if (status >= 300 && status < 400)
                return -EPROTO;
        return -EIO;
}

static bool retryable_status(long status)
{
        return status == 429 || (status >= 500 && status <= 599);
}

/* ---- one attempt -------------------------------------------------------- */

struct attempt {
        int err;                /* 0 or -errno */
        bool retry;             /* worth another attempt */
        long retry_after_ms;    /* -1: none given */
};

static void setup(CURL *curl, struct xfer *x, const char *url, struct curl_slist *headers,
                  const char *body, size_t body_len, long timeout_ms)
{
        const struct llm_request *req = x->c->req;

        curl_easy_setopt(curl, CURLOPT_URL, url);
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
        curl_easy_setopt(curl, CURLOPT_USERAGENT, "akios/" AKIOS_VERSION);
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                         req->connect_timeout_ms > 0 ? req->connect_timeout_ms
                                                     : LLM_DEFAULT_CONNECT_TIMEOUT_MS);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
        curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)x->cap);
        curl_easy_setopt(curl, CURLOPT_BUFFERSIZE, LLM_BUFFER_BYTES); /* llm.h: the cut's bound */
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_cb);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, x);
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, x);
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
}

static struct attempt curl_failure(struct xfer *x, CURLcode cc, long timeout_ms)
{
        struct llm_call *c = x->c;
        struct attempt a = { .retry_after_ms = -1 };

        if (x->err) {
                a.err = x->err;
        } else if (cc == CURLE_OPERATION_TIMEDOUT) {
                a.err = llm_call_fail(c, -ETIMEDOUT, "no complete answer within %ld ms",
                                      timeout_ms);
                a.retry = c->delivered == 0 && c->deltas == 0;
        } else if (cc == CURLE_COULDNT_CONNECT) {
                a.err = llm_call_fail(c, -ECONNREFUSED, "cannot connect: %s",
                                      curl_easy_strerror(cc));
        } else if (cc == CURLE_FILESIZE_EXCEEDED) {
                a.err = llm_call_fail(c, -E2BIG, "response larger than %zu bytes", x->cap);
        } else if (cc == CURLE_PARTIAL_FILE || cc == CURLE_RECV_ERROR ||
                   cc == CURLE_GOT_NOTHING) {
                a.err = llm_call_fail(c, -EPROTO, "connection closed mid-answer: %s",
                                      curl_easy_strerror(cc));
        } else {
                a.err = llm_call_fail(c, -EIO, "%s", curl_easy_strerror(cc));
        }
        return a;
}

static struct attempt one_attempt(struct llm_call *c, const char *url,
                                  struct curl_slist *headers, const char *body,
                                  size_t body_len, long timeout_ms)
{
        struct xfer x = { .c = c, .errbody = BUF_INIT(LLM_MAX_ERROR_BODY) };
        struct attempt a = { .retry_after_ms = -1 };
        const struct llm_request *req = c->req;
        char msg[256];
        curl_off_t ra = -1;
        CURLcode cc;

        x.cap = req->max_response_bytes ? req->max_response_bytes : LLM_DEFAULT_MAX_RESPONSE;
        x.curl = curl_easy_init();
        if (!x.curl) {
                a.err = -ENOMEM;
                return a;
        }
        call_reset(c);
        setup(x.curl, &x, url, headers, body, body_len, timeout_ms);
        cc = curl_easy_perform(x.curl);
        curl_easy_getinfo(x.curl, CURLINFO_RESPONSE_CODE, &x.status);
        curl_easy_getinfo(x.curl, CURLINFO_RETRY_AFTER, &ra);
        curl_easy_cleanup(x.curl);
        c->info->http_status = (int)x.status;
        if (cc != CURLE_OK) {
                a = curl_failure(&x, cc, timeout_ms);
        } else if (x.status >= 200 && x.status <= 299) {
                a.err = frame_end(c);
                if (a.err == 0 && !c->done)
                        a.err = llm_call_fail(c, -EPROTO, "the answer ended before its final "
                                              "event (truncated stream)");
        } else {
                bool hint = (x.status == 401 || x.status == 403) && c->wf->auth_hint;

                error_message(&x.errbody, msg, sizeof(msg));
                a.err = llm_call_fail(c, status_errno(x.status), "HTTP %ld from %s: %s%s%s%s",
                                      x.status, c->wf->provider, msg, hint ? " (" : "",
                                      hint ? c->wf->auth_hint : "", hint ? ")" : "");
                a.retry = retryable_status(x.status);
                if (ra >= 0)
                        a.retry_after_ms = ra > 86400 ? 86400000L : (long)ra * 1000;
        }
        buf_free(&x.errbody);
        return a;
}

/* ---- retries ------------------------------------------------------------ */

static long backoff_ms(long base, unsigned attempt)
{
        long d = base << MIN(attempt - 1, 10u);
        uint32_t rnd = 0;

        if (d > 30000)
                d = 30000;
        if (getrandom(&rnd, sizeof(rnd), 0) != sizeof(rnd))
                rnd = (uint32_t)monotonic_ms();
        /* Jitter over [d/2, d]: spreads clients out, keeps the exponential floor. */
        return d / 2 + (long)(rnd % (uint32_t)(d / 2 + 1));
}

static int wait_ms(struct llm_call *c, long ms)
{
        double until = monotonic_ms() + (double)ms;
        const struct llm_request *req = c->req;

        for (;;) {
                double left = until - monotonic_ms();
                struct timespec ts;

                if (req->poll) {
                        int r = req->poll(req->userdata);

                        if (r < 0)
                                return r;
                }
                if (left <= 0)
                        return 0;
                if (left > 50)
                        left = 50;
                ts = (struct timespec){ .tv_sec = 0, .tv_nsec = (long)(left * 1e6) };
                nanosleep(&ts, NULL);
        }
}

int llm_transport_post(struct llm_call *c, const char *url, struct curl_slist *headers,
                       const char *body, size_t body_len, const char *secret)
{
        const struct llm_request *req = c->req;
        unsigned max = req->max_attempts ? req->max_attempts : LLM_DEFAULT_ATTEMPTS;
        long timeout = req->timeout_ms > 0 ? req->timeout_ms : LLM_DEFAULT_TIMEOUT_MS;
        long total = req->total_timeout_ms > 0 ? req->total_timeout_ms : 2 * timeout;
        long base = req->retry_base_ms > 0 ? req->retry_base_ms : LLM_DEFAULT_RETRY_BASE_MS;
        double deadline = monotonic_ms() + (double)total;
        struct attempt a = { 0 };

        for (unsigned n = 1; n <= max; n++) {
                long left = (long)(deadline - monotonic_ms()), wait;

                if (left <= 0)
                        break;
                c->info->attempts = n;
                a = one_attempt(c, url, headers, body, body_len, MIN(timeout, left));
                llm_scrub(c->d->msg, secret);
                if (a.err == 0 || !a.retry || n == max)
                        break;
                wait = a.retry_after_ms >= 0 ? a.retry_after_ms : backoff_ms(base, n);
                if (monotonic_ms() + (double)wait >= deadline) {
                        char prev[sizeof(c->d->msg)];

                        snprintf(prev, sizeof(prev), "%s", c->d->msg);
                        diag_set(c->d, NULL, 0, 0, "%s (gave up: the next retry, in %ld ms, "
                                 "would pass the %ld ms time limit)", prev, wait, total);
                        break;
                }
                int r = wait_ms(c, wait);

                if (r < 0)
                        return r;
        }
        if (a.err == 0)
                c->d->msg[0] = '\0';   /* an earlier attempt's failure is history */
        return a.err;
}

/* ---- endpoint policy ---------------------------------------------------- */

static bool host_is_loopback(const char *host)
{
        struct in_addr a4;
        struct in6_addr a6;
        char h[INET6_ADDRSTRLEN + 2];
        size_t n = strlen(host);

        if (streq(host, "localhost"))
                return true;
        if (inet_pton(AF_INET, host, &a4) == 1)
                return (ntohl(a4.s_addr) >> 24) == 127;
        if (n >= 2 && host[0] == '[' && host[n - 1] == ']' && n - 2 < sizeof(h)) {
                memcpy(h, host + 1, n - 2);
                h[n - 2] = '\0';
                host = h;
        }
        return inet_pton(AF_INET6, host, &a6) == 1 && IN6_IS_ADDR_LOOPBACK(&a6);
}

/* HTTPS, or plain HTTP to a loopback host (CONTRACTS §9). */
bool llm_url_is_loopback_http_ok(const char *url, struct diag *d, int *ret_err)
{
        CURLU *u = curl_url();
        char *scheme = NULL, *host = NULL;
        bool ok = false;

        *ret_err = -EINVAL;
        if (!u || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
            curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
            curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
                diag_set(d, NULL, 0, 0, "invalid endpoint URL '%.200s'", url);
        } else if (streq(scheme, "https") || (streq(scheme, "http") && host_is_loopback(host))) {
                ok = true;
        } else if (streq(scheme, "http")) {
                *ret_err = -EPERM;
                diag_set(d, NULL, 0, 0, "plain http to '%.200s' refused: provider endpoints "
                         "must use https unless they are on loopback", host);
        } else {
                diag_set(d, NULL, 0, 0, "endpoint scheme '%.20s' is not http(s)", scheme);
        }
        curl_free(scheme);
        curl_free(host);
        curl_url_cleanup(u);
        return ok;
}
