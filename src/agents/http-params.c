// SPDX-License-Identifier: GPL-3.0-or-later
/* AKIOS's http `params` (query parameters) and `auth` (basic, or bearer), so an AKIOS
 * workflow's request goes out as it wrote it instead of losing them. The query is built with
 * libcurl's URL API (each name and value percent-encoded) before the URL passes the agent's
 * redaction and policy checks, exactly as if the workflow had written it in `url`; the
 * credentials become one Authorization header, the only place a workflow may send a secret.
 */
#include <stdio.h>
#include <strings.h>
#include <openssl/evp.h>

#include "agents/http-internal.h"
#include "engine/step.h"

#define HTTP_MAX_PARAM (8u << 10)
#define HTTP_MAX_CRED (4u << 10)

static int param_text(const json_t *v, char *out, size_t size)
{
        if (json_is_string(v))
                return snprintf(out, size, "%s", json_string_value(v)) < (int)size ? 0 : -E2BIG;
        if (json_is_integer(v))
                return snprintf(out, size, "%lld", (long long)json_integer_value(v)) < (int)size
                       ? 0 : -E2BIG;
        if (json_is_real(v))
                return snprintf(out, size, "%.17g", json_real_value(v)) < (int)size ? 0 : -E2BIG;
        if (json_is_boolean(v))
                return snprintf(out, size, "%s", json_is_true(v) ? "true" : "false") <
                       (int)size ? 0 : -E2BIG;
        return -EINVAL;
}

int http_url_with_params(struct step_ctx *ctx, const char *url, size_t max, char **ret)
{
        const json_t *params = json_object_get(ctx->params, "params");
        CURLU *u;
        char *s = NULL;
        const char *k;
        json_t *v;
        int r = 0;

        if (!params || json_is_null(params)) {
                *ret = strdup(url);
                return *ret ? 0 : -ENOMEM;
        }
        if (!json_is_object(params))
                return step_fail(ctx, 2, EINVAL, "'params' must be a mapping of names to "
                                 "values");
        u = curl_url();
        if (!u)
                return step_fail(ctx, 1, ENOMEM, "cannot load libcurl");
        if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK) {
                curl_url_cleanup(u);
                return step_fail(ctx, 2, EINVAL, "'url' is not a valid URL");
        }
        json_object_foreach((json_t *)params, k, v) {
                _cleanup_free_ char *pair = NULL;
                char val[HTTP_MAX_PARAM];

                r = param_text(v, val, sizeof(val));
                if (r < 0) {
                        r = step_fail(ctx, 2, -r, "params '%.100s' must be a string, number or "
                                      "boolean of at most %u bytes", k, HTTP_MAX_PARAM);
                        break;
                }
                if (asprintf(&pair, "%s=%s", k, val) < 0) {
                        r = -ENOMEM;
                        break;
                }
                if (curl_url_set(u, CURLUPART_QUERY, pair, CURLU_APPENDQUERY | CURLU_URLENCODE) !=
                    CURLUE_OK) {
                        r = step_fail(ctx, 2, EINVAL, "params '%.100s' cannot be encoded", k);
                        break;
                }
        }
        if (r == 0 && curl_url_get(u, CURLUPART_URL, &s, 0) != CURLUE_OK)
                r = step_fail(ctx, 2, EINVAL, "the URL with its params is not valid");
        if (r == 0 && strlen(s) > max)
                r = step_fail(ctx, 2, E2BIG, "URL with params longer than %zu bytes", max);
        if (r == 0 && !(*ret = strdup(s)))
                r = -ENOMEM;
        curl_free(s);
        curl_url_cleanup(u);
        return r;
}

static const char *cred(const json_t *auth, const char *key, size_t i)
{
        const json_t *v = json_is_array(auth) ? json_array_get(auth, i) : json_object_get(auth,
                                                                                          key);

        return json_is_string(v) && json_string_length(v) <= HTTP_MAX_CRED &&
               !strpbrk(json_string_value(v), "\r\n") ? json_string_value(v) : NULL;
}

static bool has_authorization(const json_t *headers)
{
        const char *k;
        json_t *v;

        json_object_foreach((json_t *)headers, k, v)
                if (strcasecmp(k, "authorization") == 0)
                        return true;
        return false;
}

static int push_secret_line(struct curl_slist **h, struct buf *line)
{
        struct curl_slist *l = line->data ? curl_slist_append(*h, line->data) : NULL;

        if (line->data)
                explicit_bzero(line->data, line->len);
        buf_free(line);
        if (!l)
                return -ENOMEM;
        *h = l;
        return 0;
}

int http_auth_header(struct step_ctx *ctx, struct curl_slist **h)
{
        const json_t *auth = json_object_get(ctx->params, "auth");
        const char *type = json_string_value(json_object_get(auth, "type"));
        struct buf line = BUF_INIT(4 * HTTP_MAX_CRED + 64);

        if (!auth || json_is_null(auth))
                return 0;
        if (has_authorization(json_object_get(ctx->params, "headers")))
                return step_fail(ctx, 2, EINVAL, "'auth' and an Authorization header both set "
                                 "the credentials; keep one");
        if (json_is_array(auth) || (type && strcasecmp(type, "basic") == 0)) {
                const char *user = cred(auth, "username", 0), *pass = cred(auth, "password", 1);
                _cleanup_free_ char *plain = NULL;
                unsigned char *b64;
                int n;

                if (!user || !pass || (json_is_array(auth) && json_array_size(auth) != 2) ||
                    strchr(user, ':'))
                        return step_fail(ctx, 2, EINVAL, "basic 'auth' needs a 'username' "
                                         "(without ':') and a 'password', one-line strings "
                                         "of at most %u bytes", HTTP_MAX_CRED);
                if (asprintf(&plain, "%s:%s", user, pass) < 0)
                        return -ENOMEM;
                b64 = calloc(1, 4 * (strlen(plain) / 3 + 1) + 1);
                if (!b64) {
                        explicit_bzero(plain, strlen(plain));
                        return -ENOMEM;
                }
                n = EVP_EncodeBlock(b64, (const unsigned char *)plain, (int)strlen(plain));
                explicit_bzero(plain, strlen(plain));
                if (buf_printf(&line, "Authorization: Basic %.*s", n, b64) < 0) {
                        free(b64);
                        return -ENOMEM;
                }
                explicit_bzero(b64, (size_t)n);
                free(b64);
                json_object_set_new(ctx->detail, "auth", json_string("basic"));
                return push_secret_line(h, &line);
        }
        if (type && strcasecmp(type, "bearer") == 0) {
                const char *token = cred(auth, "token", 0);

                if (!token || !*token)
                        return step_fail(ctx, 2, EINVAL, "bearer 'auth' needs a 'token', a "
                                         "one-line string of at most %u bytes", HTTP_MAX_CRED);
                if (buf_printf(&line, "Authorization: Bearer %s", token) < 0)
                        return -ENOMEM;
                json_object_set_new(ctx->detail, "auth", json_string("bearer"));
                return push_secret_line(h, &line);
        }
        return step_fail(ctx, 2, EINVAL, "'auth' must be {type: basic, username, password}, "
                         "[username, password] or {type: bearer, token}");
}
