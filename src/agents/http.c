/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The http agent: get, post, put, delete, patch.
 *
 * Policy, checked on the first request and again on every redirect (akios follows
 * redirects itself; curl never does):
 *   - the host must be in allowed_domains (exact host or a subdomain of an entry); with
 *     network_access_allowed true and an empty list any public host is allowed; with both
 *     off (the default) nothing is;
 *   - IP literals, and hosts resolving to loopback, private, link-local, CGNAT, multicast or
 *     unspecified addresses, are refused unless that exact host is listed (a subdomain match
 *     is not enough); the checked address is pinned for the connection (no DNS rebinding);
 *   - https only; plain http only to an exactly-listed host on loopback (local test peers);
 *   - a per-process (= per-run) rate limit: HTTP_RATE_MAX requests per HTTP_RATE_WINDOW_S.
 * Request bodies and header values go through redaction before they leave, the response
 * body through output redaction before anyone sees it; responses are capped and timed out.
 *
 * AKIOS's `params` become the URL's query and `auth` (basic or bearer) one Authorization
 * header (http-params.c). It does not do cookies, proxies or non-HTTP protocols.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <ctype.h>
#include <strings.h>
#include <curl/curl.h>

#include "agents/agents.h"
#include "agents/http-internal.h"
#include "config/config.h"
#include "engine/step.h"
#include "workflow/workflow.h"

#define HTTP_MAX_URL (64 * 1024)
#define HTTP_MAX_RESPONSE (10u << 20)
#define HTTP_MAX_BODY (10u << 20)
#define HTTP_DEFAULT_TIMEOUT_S 30
#define HTTP_MAX_TIMEOUT_S 300
#define HTTP_DEFAULT_REDIRECTS 5
#define HTTP_MAX_REDIRECTS 10
#define HTTP_RATE_MAX 10
#define HTTP_RATE_WINDOW_S 60.0
#define HTTP_MAX_HEADERS 64

/* ---- policy ------------------------------------------------------------- */

struct target {
        char *scheme, *host;
        long port;
        bool exact;             /* the host itself is listed in allowed_domains */
        char addr[INET6_ADDRSTRLEN];
};

static void target_free(struct target *t)
{
        curl_free(t->scheme);
        curl_free(t->host);
        *t = (struct target){ 0 };
}

static bool domain_match(const char *host, const char *entry, bool *ret_exact)
{
        size_t h = strlen(host), e = strlen(entry);

        if (strcasecmp(host, entry) == 0) {
                *ret_exact = true;
                return true;
        }
        return h > e + 1 && host[h - e - 1] == '.' && strcasecmp(host + h - e, entry) == 0;
}

static bool host_allowed(const struct akios_config *c, const char *host, bool *ret_exact)
{
        bool any = false;

        *ret_exact = false;
        for (size_t i = 0; i < c->allowed_domains.n; i++)
                any |= domain_match(host, c->allowed_domains.v[i], ret_exact);
        if (any)
                return true;
        return c->network_access_allowed && c->allowed_domains.n == 0;
}

/* Loopback, private, link-local, CGNAT, multicast, unspecified, and v4-mapped forms. */
static bool addr_is_special(int family, const void *a, bool *ret_loopback)
{
        const uint8_t *b = a;

        *ret_loopback = false;
        if (family == AF_INET6) {
                const struct in6_addr *a6 = a;

                if (IN6_IS_ADDR_V4MAPPED(a6))
                        return addr_is_special(AF_INET, b + 12, ret_loopback);
                *ret_loopback = IN6_IS_ADDR_LOOPBACK(a6);
                return *ret_loopback || IN6_IS_ADDR_UNSPECIFIED(a6) || IN6_IS_ADDR_LINKLOCAL(a6) ||
                       IN6_IS_ADDR_SITELOCAL(a6) || IN6_IS_ADDR_MULTICAST(a6) ||
                       (b[0] & 0xfe) == 0xfc;   /* fc00::/7 unique local */
        }
        *ret_loopback = b[0] == 127;
        return b[0] == 127 || b[0] == 10 || b[0] == 0 || (b[0] == 172 && (b[1] & 0xf0) == 16) ||
               (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) ||
               (b[0] == 100 && (b[1] & 0xc0) == 64) || b[0] >= 224;
}

static bool is_ip_literal(const char *host)
{
        uint8_t buf[16];
        char h[INET6_ADDRSTRLEN + 2];
        size_t n = strlen(host);

        if (n >= 2 && host[0] == '[' && n - 2 < sizeof(h)) {
                memcpy(h, host + 1, n - 2);
                h[n - 2] = '\0';
                return inet_pton(AF_INET6, h, buf) == 1;
        }
        return inet_pton(AF_INET, host, buf) == 1;
}

/* localhost, 127.0.0.0/8 or [::1], by name alone (no DNS). */
static bool loopback_name(const char *host)
{
        uint8_t a[16];

        if (strcasecmp(host, "localhost") == 0 || strcasecmp(host, "[::1]") == 0)
                return true;
        return inet_pton(AF_INET, host, a) == 1 && a[0] == 127;
}

/* Parse and check what needs no DNS. -EPERM (policy) or -EINVAL (bad URL). */
static int check_url(const struct akios_config *c, const char *url, struct target *t,
                     struct diag *d)
{
        CURLU *u = curl_url();
        char *port = NULL;
        int r = 0;

        if (!u || curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
            curl_url_get(u, CURLUPART_SCHEME, &t->scheme, 0) != CURLUE_OK ||
            curl_url_get(u, CURLUPART_HOST, &t->host, 0) != CURLUE_OK) {
                diag_set(d, NULL, 0, 0, "invalid URL '%.300s'", url);
                r = -EINVAL;
        } else if (!streq(t->scheme, "https") && !streq(t->scheme, "http")) {
                diag_set(d, NULL, 0, 0, "scheme '%s' is not allowed (https only)", t->scheme);
                r = -EPERM;
        } else if (!host_allowed(c, t->host, &t->exact)) {
                diag_set(d, NULL, 0, 0, "domain '%s' is not allowed: %s", t->host,
                         c->allowed_domains.n ? "it is not in allowed_domains"
                                              : "network access is off and allowed_domains "
                                                "is empty");
                r = -EPERM;
        } else if (streq(t->scheme, "http") && !(t->exact && loopback_name(t->host))) {
                diag_set(d, NULL, 0, 0, "plain http to '%s' refused: https only (http is "
                         "allowed only to a listed loopback host)", t->host);
                r = -EPERM;
        } else if (is_ip_literal(t->host) && !t->exact) {
                diag_set(d, NULL, 0, 0, "IP address '%s' refused: list it in allowed_domains "
                         "to allow it", t->host);
                r = -EPERM;
        }
        if (r == 0 && curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK)
                t->port = strtol(port, NULL, 10);
        curl_free(port);
        curl_url_cleanup(u);
        return r;
}

/* Resolve, refuse special ranges unless the host is listed exactly, and http unless the
 * address is loopback and listed exactly. Leaves the address to pin in t->addr. */
static int check_address(struct target *t, struct diag *d)
{
        struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res = NULL;
        char host[256];
        size_t n = strlen(t->host);
        bool all_loopback = true;
        int r;

        snprintf(host, sizeof(host), "%s", t->host);
        if (n >= 2 && host[0] == '[' && n < sizeof(host)) {
                memmove(host, host + 1, n - 2);
                host[n - 2] = '\0';
        }
        r = getaddrinfo(host, NULL, &hints, &res);
        if (r != 0) {
                diag_set(d, NULL, 0, 0, "cannot resolve '%s': %s", t->host, gai_strerror(r));
                return -EHOSTUNREACH;
        }
        t->addr[0] = '\0';
        for (struct addrinfo *a = res; a; a = a->ai_next) {
                /* A copy into storage that is aligned for every sockaddr type: ai_addr is a
                 * struct sockaddr *, whose alignment is less than sockaddr_in's. */
                struct sockaddr_storage ss;
                const void *p;
                bool loop;

                if ((a->ai_family != AF_INET && a->ai_family != AF_INET6) ||
                    a->ai_addrlen > sizeof(ss))
                        continue;
                memcpy(&ss, a->ai_addr, a->ai_addrlen);
                p = a->ai_family == AF_INET
                            ? (const void *)&((const struct sockaddr_in *)&ss)->sin_addr
                            : (const void *)&((const struct sockaddr_in6 *)&ss)->sin6_addr;
                if (addr_is_special(a->ai_family, p, &loop) && !t->exact) {
                        diag_set(d, NULL, 0, 0, "'%s' resolves to a private or loopback address; "
                                 "list the host itself in allowed_domains to allow it", t->host);
                        freeaddrinfo(res);
                        return -EPERM;
                }
                all_loopback &= loop;
                if (!t->addr[0])
                        inet_ntop(a->ai_family, p, t->addr, sizeof(t->addr));
        }
        freeaddrinfo(res);
        if (!t->addr[0]) {
                diag_set(d, NULL, 0, 0, "'%s' has no IP address", t->host);
                return -EHOSTUNREACH;
        }
        if (streq(t->scheme, "http") && !(all_loopback && t->exact)) {
                diag_set(d, NULL, 0, 0, "plain http to '%s' refused: https only (http is "
                         "allowed only to a listed loopback host)", t->host);
                return -EPERM;
        }
        return 0;
}

/* ---- rate limit --------------------------------------------------------- */

static int rate_take(void)
{
        static double stamps[HTTP_RATE_MAX];
        static size_t next;
        double now = monotonic_ms();

        /* The oldest of the last HTTP_RATE_MAX requests must be outside the window. */
        if (stamps[next] > 0 && now - stamps[next] < HTTP_RATE_WINDOW_S * 1000)
                return -EPERM;
        stamps[next] = now;
        next = (next + 1) % HTTP_RATE_MAX;
        return 0;
}

/* ---- transfer ----------------------------------------------------------- */

struct resp {
        struct buf body;
        json_t *headers;
        char *location;
        bool too_big;
};

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
        struct resp *r = ud;

        if (buf_append(&r->body, p, size * n) < 0) {
                r->too_big = true;
                return 0;
        }
        return size * n;
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
        struct resp *r = ud;
        size_t len = size * n, k;
        const char *colon = memchr(p, ':', len);
        char name[128];

        if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) {
                json_object_clear(r->headers);  /* a new response (after 100 Continue) */
                return len;
        }
        if (!colon || (size_t)(colon - p) >= sizeof(name) ||
            json_object_size(r->headers) >= HTTP_MAX_HEADERS)
                return len;
        k = (size_t)(colon - p);
        for (size_t i = 0; i < k; i++)
                name[i] = (char)tolower((unsigned char)p[i]);
        name[k] = '\0';
        colon++;
        while (colon < p + len && (*colon == ' ' || *colon == '\t'))
                colon++;
        while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == '\n'))
                len--;
        json_object_set_new(r->headers, name,
                            json_stringn(colon, (size_t)MAX(p + len - colon, 0)));
        return size * n;
}

struct request {
        const char *method;
        const char *body;
        size_t body_len;
        struct curl_slist *headers;
        long timeout_s;
};

/* Ctrl-C ends a request within a second, whatever its timeout. */
static int on_progress(void *ud, curl_off_t dlt, curl_off_t dln, curl_off_t ult, curl_off_t uln)
{
        return engine_interrupted() ? 1 : 0;
}

static int perform(const struct request *q, const char *url, const struct target *t,
                   struct resp *out, long *ret_status, struct diag *d)
{
        CURL *curl = curl_easy_init();
        struct curl_slist *pin = NULL;
        char resolve[512];
        CURLcode cc;

        if (!curl)
                return -ENOMEM;
        snprintf(resolve, sizeof(resolve), "%s:%ld:%s%s%s", t->host, t->port,
                 strchr(t->addr, ':') ? "[" : "", t->addr, strchr(t->addr, ':') ? "]" : "");
        pin = curl_slist_append(NULL, resolve);
        curl_easy_setopt(curl, CURLOPT_URL, url);
        curl_easy_setopt(curl, CURLOPT_RESOLVE, pin);
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");   /* the pinned address, not a proxy */
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, q->method);
        if (q->body) {
                curl_easy_setopt(curl, CURLOPT_POSTFIELDS, q->body);
                curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)q->body_len);
        } else if (streq(q->method, "HEAD")) {
                curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
        }
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, q->headers);
        curl_easy_setopt(curl, CURLOPT_USERAGENT, "akios/" AKIOS_VERSION);
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, q->timeout_s);
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, MIN(q->timeout_s, 10L));
        curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)out->body.max);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, out);
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
        cc = curl_easy_perform(curl);
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, ret_status);
        curl_easy_cleanup(curl);
        curl_slist_free_all(pin);
        if (out->too_big || cc == CURLE_FILESIZE_EXCEEDED) {
                diag_set(d, NULL, 0, 0, "response larger than %zu bytes", out->body.max);
                return -E2BIG;
        }
        if (cc == CURLE_OPERATION_TIMEDOUT) {
                diag_set(d, NULL, 0, 0, "no response within %ld s", q->timeout_s);
                return -ETIMEDOUT;
        }
        if (cc != CURLE_OK) {
                diag_set(d, NULL, 0, 0, "%s: %s", t->host, curl_easy_strerror(cc));
                return -EIO;
        }
        return 0;
}

/* ---- the action --------------------------------------------------------- */

/* Body: a string as is, anything else as JSON; redacted before it leaves. */
static int build_body(struct step_ctx *ctx, char **ret, size_t *ret_len, bool *ret_json)
{
        const json_t *data = json_object_get(ctx->params, "data");
        _cleanup_free_ char *raw = NULL;

        if (!data)
                data = json_object_get(ctx->params, "json");
        *ret = NULL;
        *ret_len = 0;
        *ret_json = data && !json_is_string(data);
        if (!data || json_is_null(data))
                return 0;
        raw = json_is_string(data) ? strdup(json_string_value(data))
                                   : json_dumps(data, JSON_COMPACT | JSON_ENCODE_ANY);
        if (!raw)
                return -ENOMEM;
        if (strlen(raw) > HTTP_MAX_BODY)
                return step_fail(ctx, EXIT_USAGE, E2BIG, "request body larger than %u bytes",
                                 HTTP_MAX_BODY);
        return step_redact(ctx, REDACT_SITE_INPUT, raw, strlen(raw), ret, ret_len);
}

static bool credential_header(const char *name)
{
        static const char *const names[] = { "authorization", "proxy-authorization", "cookie",
                                             "x-api-key", "api-key", "x-auth-token" };

        for (size_t i = 0; i < ARRAY_SIZE(names); i++)
                if (strcasecmp(name, names[i]) == 0)
                        return true;
        return strcasestr(name, "token") || strcasestr(name, "key") ||
               strcasestr(name, "secret");
}

/* A URL leaves redacted: PII in its path and query is replaced (the markers' brackets
 * percent-encoded so the URL stays valid); a known secret or a user:password part is refused,
 * since a URL is recorded by every proxy and server log on the way. */
static int outgoing_url(struct step_ctx *ctx, const char *url, char **ret)
{
        _cleanup_free_ char *red = NULL;
        const char *tail, *host = strstr(url, "://");
        struct buf b = BUF_INIT(HTTP_MAX_URL);
        size_t n, at;
        int r;

        if (step_has_secret(ctx, url, strlen(url)))
                return step_fail(ctx, EXIT_POLICY, EPERM, "the URL holds a secret; send credentials in a "
                                 "header (e.g. Authorization), never in a URL");
        if (host) {
                size_t hl = strcspn(host + 3, "/?#");

                if (memchr(host + 3, '@', hl))
                        return step_fail(ctx, EXIT_POLICY, EPERM, "the URL has a user:password part; send "
                                         "credentials in an Authorization header instead");
        }
        r = step_redact(ctx, REDACT_SITE_INPUT, url, strlen(url), &red, &n);
        if (r < 0)
                return r;
        host = strstr(red, "://");
        at = host ? (size_t)(host - red) + 3 + strcspn(host + 3, "/?#") : 0;
        r = buf_append(&b, red, at);
        for (tail = red + at; *tail && r == 0; tail++)
                r = *tail == '[' ? buf_puts(&b, "%5B") : *tail == ']' ? buf_puts(&b, "%5D")
                                                                       : buf_append(&b, tail, 1);
        if (r < 0) {
                buf_free(&b);
                return step_fail(ctx, EXIT_USAGE, E2BIG, "URL longer than %d bytes", HTTP_MAX_URL);
        }
        *ret = buf_steal(&b, NULL);
        return *ret ? 0 : -ENOMEM;
}

/* Does the request carry credentials the workflow sends on purpose (a credential header, a
 * known secret in a header, or `auth`)? Those go to the host the workflow named, never on to
 * another host a redirect names. */
static bool sends_credentials(struct step_ctx *ctx)
{
        const json_t *h = json_object_get(ctx->params, "headers");
        const char *k;
        json_t *v;

        if (json_object_get(ctx->params, "auth"))
                return true;
        json_object_foreach((json_t *)h, k, v)
                if (json_is_string(v) && (credential_header(k) ||
                                          step_has_secret(ctx, json_string_value(v),
                                                          json_string_length(v))))
                        return true;
        return false;
}

static int build_headers(struct step_ctx *ctx, bool json_body, struct curl_slist **ret)
{
        const json_t *h = json_object_get(ctx->params, "headers");
        const char *k;
        json_t *v;

        if (json_body && !(*ret = curl_slist_append(*ret, "Content-Type: application/json")))
                return -ENOMEM;
        if (h && !json_is_object(h))
                return step_fail(ctx, EXIT_USAGE, EINVAL, "'headers' must be a mapping");
        json_object_foreach((json_t *)h, k, v) {
                _cleanup_free_ char *red = NULL;
                char line[8192];
                size_t n;
                int r;

                if (!json_is_string(v) || strpbrk(k, "\r\n:") ||
                    strpbrk(json_string_value(v), "\r\n"))
                        return step_fail(ctx, EXIT_USAGE, EINVAL, "header '%.100s' must be a one-line "
                                         "string", k);
                /* Credentials the workflow sends on purpose (a credential header, or a known
                 * secret from .env) go as written to the allowed host; they are masked in
                 * every record by the engine. Other header values are redacted like a body. */
                if (credential_header(k) || step_has_secret(ctx, json_string_value(v),
                                                            json_string_length(v))) {
                        red = strdup(json_string_value(v));
                        n = red ? strlen(red) : 0;
                        r = red ? 0 : -ENOMEM;
                } else {
                        r = step_redact(ctx, REDACT_SITE_INPUT, json_string_value(v),
                                        json_string_length(v), &red, &n);
                }
                if (r < 0)
                        return r;
                if ((size_t)snprintf(line, sizeof(line), "%s: %s", k, red) >= sizeof(line))
                        return step_fail(ctx, EXIT_USAGE, E2BIG, "header '%.100s' too long", k);
                struct curl_slist *l = curl_slist_append(*ret, line);

                if (!l)
                        return -ENOMEM;
                *ret = l;
        }
        return 0;
}

/* Resolve a Location against the current URL. */
static int next_url(const char *cur, const char *loc, char **ret)
{
        CURLU *u = curl_url();
        char *s = NULL;
        int r = -EINVAL;

        if (u && curl_url_set(u, CURLUPART_URL, cur, 0) == CURLUE_OK &&
            curl_url_set(u, CURLUPART_URL, loc, 0) == CURLUE_OK &&
            curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK) {
                *ret = strdup(s);
                r = *ret ? 0 : -ENOMEM;
        }
        curl_free(s);
        curl_url_cleanup(u);
        return r;
}

static int policy_fail(struct step_ctx *ctx, int r, const char *url, unsigned hop,
                       struct diag *d)
{
        if (r == -EPERM) {
                step_audit(ctx, hop ? "redirect" : "request", "denied",
                           json_pack("{s:s,s:s,s:I}", "url", url, "reason", d->msg, "redirect",
                                     (json_int_t)hop));
                return step_fail(ctx, EXIT_POLICY, EPERM, "%s%s", hop ? "redirect refused: " : "",
                                 d->msg);
        }
        if (hop)
                /* A request already went out: not "nothing was executed" (exit 2). */
                return step_fail(ctx, EXIT_POLICY, EPERM, "redirect refused: %s", d->msg);
        return step_fail(ctx, r == -EINVAL ? EXIT_USAGE : EXIT_FAIL, -r, "%s", d->msg);
}

static int result_of(struct step_ctx *ctx, long status, const char *url, struct resp *rs,
                     json_t **ret)
{
        _cleanup_free_ char *text = NULL;
        const char *k;
        size_t len;
        json_t *v, *parsed;
        int r;

        r = step_redact(ctx, REDACT_SITE_OUTPUT, rs->body.data ? rs->body.data : "",
                        rs->body.len, &text, &len);
        if (r < 0)
                return r;
        json_object_foreach(rs->headers, k, v) {
                _cleanup_free_ char *hv = NULL;
                size_t hl;

                if (step_redact(ctx, REDACT_SITE_OUTPUT, json_string_value(v),
                                json_string_length(v), &hv, &hl) < 0)
                        return -EIO;
                json_object_set_new(rs->headers, k, json_stringn(hv, hl));
        }
        parsed = json_loadb(text, len, 0, NULL);
        *ret = json_pack("{s:I,s:s%,s:s,s:O,s:b}", "status_code", (json_int_t)status, "content",
                         text, len, "url", url, "headers", rs->headers, "ok",
                         status >= 200 && status <= 299);
        if (*ret && parsed)
                json_object_set_new(*ret, "json", parsed);
        else
                json_decref(parsed);
        json_object_set_new(ctx->detail, "status_code", json_integer(status));
        json_object_set_new(ctx->detail, "bytes", json_integer((json_int_t)rs->body.len));
        return *ret ? 0 : -ENOMEM;
}

static int http_do(struct step_ctx *ctx, const char *method, json_t **ret)
{
        const struct akios_config *c = step_policy(ctx);
        const char *url0 = json_string_value(json_object_get(ctx->params, "url"));
        struct request q = { .method = method };
        long max_hops = 0;
        _cleanup_free_ char *url = NULL, *body = NULL, *with_params = NULL;
        long left = step_time_left_ms(ctx);
        struct resp rs = { 0 };
        struct diag d = { 0 };
        bool json_body = false, creds = false;
        char origin[600];
        long status = 0;
        int r;

        if (!url0)
                return step_fail(ctx, EXIT_USAGE, EINVAL, "'url' must be a string");
        r = agent_config_long(ctx, &agent_http, "timeout", &q.timeout_s);
        if (r == 0)
                r = agent_config_long(ctx, &agent_http, "max_redirects", &max_hops);
        if (r < 0)
                return r;
        if (rate_take() < 0)
                return step_fail(ctx, EXIT_POLICY, EPERM, "http rate limit: more than %d requests in "
                                 "%.0f s", HTTP_RATE_MAX, HTTP_RATE_WINDOW_S);
        /* Never past the run's workflow_timeout. */
        if (left / 1000 < q.timeout_s)
                q.timeout_s = MAX(left / 1000, 1L);
        r = http_url_with_params(ctx, url0, HTTP_MAX_URL, &with_params);
        if (r == 0)
                r = outgoing_url(ctx, with_params, &url);
        if (r == 0)
                r = build_body(ctx, &body, &q.body_len, &json_body);
        if (r == 0)
                r = build_headers(ctx, json_body, &q.headers);
        if (r == 0)
                r = http_auth_header(ctx, &q.headers);
        creds = sends_credentials(ctx);
        q.body = body;
        for (unsigned hop = 0; r == 0; hop++) {
                struct target t = { 0 };
                char *loc;

                r = check_url(c, url, &t, &d);
                if (r == 0)
                        r = check_address(&t, &d);
                if (r < 0) {
                        target_free(&t);
                        r = policy_fail(ctx, r, url, hop, &d);
                        break;
                }
                if (hop == 0) {
                        snprintf(origin, sizeof(origin), "%s://%s:%ld", t.scheme, t.host, t.port);
                } else if (creds) {
                        char o[sizeof(origin)];

                        snprintf(o, sizeof(o), "%s://%s:%ld", t.scheme, t.host, t.port);
                        if (!streq(o, origin)) {
                                target_free(&t);
                                r = step_fail(ctx, EXIT_POLICY, EPERM, "a redirect to another "
                                              "host would carry the workflow's credentials "
                                              "there; refused (they go only to the host the "
                                              "workflow names)");
                                break;
                        }
                }
                buf_free(&rs.body);
                json_decref(rs.headers);
                rs = (struct resp){ .body = BUF_INIT(HTTP_MAX_RESPONSE), .headers = json_object() };
                r = perform(&q, url, &t, &rs, &status, &d);
                target_free(&t);
                if (r == -ETIMEDOUT && step_time_left_ms(ctx) <= 0) {
                        r = step_fail_timeout(ctx);
                        break;
                }
                if (r < 0) {
                        r = engine_interrupted() ? step_fail(ctx, EXIT_INTERRUPTED, EINTR, "interrupted during the "
                                                             "HTTP request")
                                         : step_fail(ctx, EXIT_FAIL, -r, "%s", d.msg);
                        break;
                }
                loc = (char *)json_string_value(json_object_get(rs.headers, "location"));
                if (status < 300 || status > 399 || !loc)
                        break;
                if (hop + 1 > (unsigned)max_hops) {
                        r = step_fail(ctx, EXIT_FAIL, ELOOP, "more than %ld redirects", max_hops);
                        break;
                }
                r = next_url(url, loc, &loc);
                if (r < 0) {
                        r = step_fail(ctx, EXIT_FAIL, EPROTO, "bad redirect location");
                        break;
                }
                free(url);
                url = loc;
                /* 303, and 301/302 after POST, become GET without a body (as browsers do). */
                if (status == 303 || ((status == 301 || status == 302) && !streq(method, "GET"))) {
                        q.method = "GET";
                        q.body = NULL;
                }
        }
        if (r == 0)
                r = result_of(ctx, status, url, &rs, ret);
        curl_slist_free_all(q.headers);
        buf_free(&rs.body);
        json_decref(rs.headers);
        return r;
}

static int http_get(struct step_ctx *ctx, json_t **ret)
{
        return http_do(ctx, "GET", ret);
}

static int http_post(struct step_ctx *ctx, json_t **ret)
{
        return http_do(ctx, "POST", ret);
}

static int http_put(struct step_ctx *ctx, json_t **ret)
{
        return http_do(ctx, "PUT", ret);
}

static int http_delete(struct step_ctx *ctx, json_t **ret)
{
        return http_do(ctx, "DELETE", ret);
}

static int http_patch(struct step_ctx *ctx, json_t **ret)
{
        return http_do(ctx, "PATCH", ret);
}

/* Validate time: a literal URL (no templating) must pass the DNS-free checks. */
static int http_check_policy(const struct step *s, const struct akios_config *c, struct diag *d)
{
        const struct ynode *u = ymap_get(s->parameters, "url");
        struct target t = { 0 };
        int r;

        if (!c || !u || u->type != Y_SCALAR || strchr(u->str, '{'))
                return 0;
        r = check_url(c, u->str, &t, d);
        target_free(&t);
        if (r == -EPERM) {
                char msg[sizeof(d->msg)];

                snprintf(msg, sizeof(msg), "%s", d->msg);
                diag_set(d, NULL, u->line, u->col, "%s", msg);
                return -EPERM;
        }
        return 0;       /* a malformed URL fails at run time with its own message */
}

static const char *const url_required[] = { "url", NULL };
static const char *const http_params[] = { "url", "headers", "data", "json", "params", "auth",
                                           NULL };
/* AKIOS's rate_limit_window / max_requests_per_window are not taken: the rate limit is fixed
 * (HTTP_RATE_MAX per HTTP_RATE_WINDOW_S), and a key that did nothing would be dropped. */
static const char *const http_config_keys[] = { "timeout", "max_redirects", NULL };

static const struct agent_action http_actions[] = {
        { "get", NULL, url_required, http_get, http_params },
        { "post", NULL, url_required, http_post, http_params },
        { "put", NULL, url_required, http_put, http_params },
        { "delete", NULL, url_required, http_delete, http_params },
        { "patch", NULL, url_required, http_patch, http_params },
};

static const struct agent_config_range http_config_ranges[] = {
        { "timeout", 1, HTTP_MAX_TIMEOUT_S, HTTP_DEFAULT_TIMEOUT_S },
        { "max_redirects", 0, HTTP_MAX_REDIRECTS, HTTP_DEFAULT_REDIRECTS },
        { NULL, 0, 0, 0 },
};

const struct agent agent_http = {
        .name = "http",
        .actions = http_actions,
        .n_actions = ARRAY_SIZE(http_actions),
        .check_policy = http_check_policy,
        .config_ranges = http_config_ranges,
        .config_keys = http_config_keys,
};
