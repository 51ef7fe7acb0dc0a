// SPDX-License-Identifier: GPL-3.0-or-later
/* Internal to the http agent (http.c, http-params.c): the request parts built from AKIOS's
 * `params` and `auth` parameters.
 */
#pragma once

#include <curl/curl.h>

#include "util/util.h"

struct step_ctx;

/* url + `params` (a mapping of names to strings, numbers or booleans, URL-encoded and
 * appended to the query). *ret is malloc'd; without params it is a copy of url. */
int http_url_with_params(struct step_ctx *ctx, const char *url, size_t max, char **ret);
/* `auth`: {type: basic, username, password} (or the list [username, password]) or
 * {type: bearer, token}: one Authorization header appended to *h. A workflow may take the
 * password or token from a secret (${NAME}); it is sent only as this header's value and
 * masked in every record. Refused when `headers` has an Authorization header too. */
int http_auth_header(struct step_ctx *ctx, struct curl_slist **h);
