/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AWS Signature Version 4 for one request, header form ("Authorization: AWS4-HMAC-SHA256
 * Credential=..., SignedHeaders=..., Signature=..."), as AWS's "Create a signed AWS API
 * request" describes it:
 *
 *   CanonicalRequest = Method \n CanonicalURI \n CanonicalQuery \n
 *                      (lowercase-name:trimmed-value \n)... \n SignedHeaders \n hex(SHA256(body))
 *   StringToSign     = "AWS4-HMAC-SHA256" \n AmzDate \n Date/Region/Service/aws4_request \n
 *                      hex(SHA256(CanonicalRequest))
 *   SigningKey       = HMAC(HMAC(HMAC(HMAC("AWS4" Secret, Date), Region), Service), "aws4_request")
 *   Signature        = hex(HMAC(SigningKey, StringToSign))
 *
 * The canonical URI of every service but S3 is the path as it goes on the wire, each byte
 * that is not unreserved (A-Z a-z 0-9 - _ . ~) nor '/' percent-encoded once more: a Bedrock
 * model id "...-v1:0" is "...-v1%3A0" in the URL and "...-v1%253A0" in the canonical
 * request. (libcurl 7.88's CURLOPT_AWS_SIGV4 encodes it only once, which Bedrock rejects;
 * hence this file.) The query is taken pair by pair as it is on the wire (already encoded
 * AWS's way) and sorted; Bedrock's Converse has none.
 *
 * It does not read the clock or the environment (the caller passes the date and the keys,
 * so the unit test checks AWS's published example), does not do S3's single encoding,
 * chunked payloads or presigned URLs, and never keeps a key: the derived keys are wiped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "llm/internal.h"

#define SIGV4_ALGORITHM "AWS4-HMAC-SHA256"
#define SIGV4_MAX_HEADERS 16
#define SIGV4_MAX_QUERY_PAIRS 64

static bool unreserved(unsigned char c)
{
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.' || c == '~';
}

static int uri_encode(struct buf *out, const char *s, size_t n, bool keep_slash)
{
        static const char digits[] = "0123456789ABCDEF";

        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)s[i];
                int r;

                if (unreserved(c) || (keep_slash && c == '/'))
                        r = buf_putc(out, (char)c);
                else
                        r = buf_printf(out, "%%%c%c", digits[c >> 4], digits[c & 15]);
                if (r < 0)
                        return -E2BIG;
        }
        return 0;
}

/* By name, then by value (the bytes before and after the first '='). */
static int cmp_pair(const void *a, const void *b)
{
        const char *x = *(const char *const *)a, *y = *(const char *const *)b;
        size_t nx = strcspn(x, "="), ny = strcspn(y, "=");
        int c = memcmp(x, y, MIN(nx, ny));

        if (c == 0 && nx != ny)
                return nx < ny ? -1 : 1;
        return c ? c : strcmp(x + nx, y + ny);
}

/* The query pairs as sent, sorted ("a=1&b=2"); "" for none. */
static int canonical_query(struct buf *out, const char *query)
{
        char *pairs[SIGV4_MAX_QUERY_PAIRS];
        _cleanup_free_ char *copy = NULL;
        size_t n = 0;
        char *save = NULL;

        if (!query || !*query)
                return 0;
        copy = strdup(query);
        if (!copy)
                return -ENOMEM;
        for (char *p = strtok_r(copy, "&", &save); p; p = strtok_r(NULL, "&", &save)) {
                if (n == SIGV4_MAX_QUERY_PAIRS)
                        return -E2BIG;
                pairs[n++] = p;
        }
        qsort(pairs, n, sizeof(pairs[0]), cmp_pair);
        for (size_t i = 0; i < n; i++) {
                const char *eq = strchr(pairs[i], '=');

                if (buf_printf(out, "%s%s%s", i ? "&" : "", pairs[i], eq ? "" : "=") < 0)
                        return -E2BIG;
        }
        return 0;
}

/* "name:value" with the value trimmed and inner runs of spaces made one. */
static int canonical_header(struct buf *out, const struct sigv4_header *h)
{
        const char *v = h->value;
        size_t n = strlen(v);
        bool space = false;

        while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
                n--;
        while (n > 0 && (*v == ' ' || *v == '\t')) {
                v++;
                n--;
        }
        if (buf_printf(out, "%s:", h->name) < 0)
                return -E2BIG;
        for (size_t i = 0; i < n; i++) {
                bool s = v[i] == ' ' || v[i] == '\t';

                if (s && space)
                        continue;
                space = s;
                if (buf_putc(out, s ? ' ' : v[i]) < 0)
                        return -E2BIG;
        }
        return buf_putc(out, '\n') < 0 ? -E2BIG : 0;
}

static int cmp_header(const void *a, const void *b)
{
        return strcmp((*(const struct sigv4_header *const *)a)->name,
                      (*(const struct sigv4_header *const *)b)->name);
}

/* The headers sorted by name; names must be lowercase and unique. */
static int sorted_headers(const struct sigv4_request *r, const struct sigv4_header **out)
{
        if (r->n_headers == 0 || r->n_headers > SIGV4_MAX_HEADERS)
                return -EINVAL;
        for (size_t i = 0; i < r->n_headers; i++) {
                for (const char *p = r->headers[i].name; *p; p++)
                        if (*p >= 'A' && *p <= 'Z')
                                return -EINVAL;
                out[i] = &r->headers[i];
        }
        qsort(out, r->n_headers, sizeof(out[0]), cmp_header);
        for (size_t i = 1; i < r->n_headers; i++)
                if (streq(out[i - 1]->name, out[i]->name))
                        return -EINVAL;
        return 0;
}

int sigv4_signed_headers(const struct sigv4_request *r, struct buf *out)
{
        const struct sigv4_header *h[SIGV4_MAX_HEADERS];
        int e = sorted_headers(r, h);

        for (size_t i = 0; e == 0 && i < r->n_headers; i++)
                if (buf_printf(out, "%s%s", i ? ";" : "", h[i]->name) < 0)
                        e = -E2BIG;
        return e;
}

int sigv4_canonical_request(const struct sigv4_request *r, struct buf *out)
{
        const struct sigv4_header *h[SIGV4_MAX_HEADERS];
        const char *path = r->path && *r->path ? r->path : "/";
        uint8_t digest[32];
        char hex[65];
        int e;

        e = sorted_headers(r, h);
        if (e < 0)
                return e;
        if (buf_printf(out, "%s\n", r->method) < 0)
                return -E2BIG;
        e = uri_encode(out, path, strlen(path), true);
        if (e == 0)
                e = buf_putc(out, '\n') < 0 ? -E2BIG : 0;
        if (e == 0)
                e = canonical_query(out, r->query);
        if (e == 0)
                e = buf_putc(out, '\n') < 0 ? -E2BIG : 0;
        for (size_t i = 0; e == 0 && i < r->n_headers; i++)
                e = canonical_header(out, h[i]);
        if (e == 0)
                e = buf_putc(out, '\n') < 0 ? -E2BIG : 0;
        if (e == 0)
                e = sigv4_signed_headers(r, out);
        if (e < 0)
                return e;
        sha256(r->body ? r->body : "", r->body ? r->body_len : 0, digest);
        hex_encode(digest, sizeof(digest), hex);
        return buf_printf(out, "\n%s", hex) < 0 ? -E2BIG : 0;
}

/* "20150830/us-east-1/iam/aws4_request" */
static int scope(const struct sigv4_request *r, struct buf *out)
{
        if (!r->amz_date || strlen(r->amz_date) != 16 || r->amz_date[8] != 'T')
                return -EINVAL;
        return buf_printf(out, "%.8s/%s/%s/aws4_request", r->amz_date, r->region,
                          r->service) < 0 ? -E2BIG : 0;
}

int sigv4_string_to_sign(const struct sigv4_request *r, const char *canonical, struct buf *out)
{
        uint8_t digest[32];
        char hex[65];
        int e;

        if (buf_printf(out, SIGV4_ALGORITHM "\n%s\n", r->amz_date) < 0)
                return -E2BIG;
        e = scope(r, out);
        if (e < 0)
                return e;
        sha256(canonical, strlen(canonical), digest);
        hex_encode(digest, sizeof(digest), hex);
        return buf_printf(out, "\n%s", hex) < 0 ? -E2BIG : 0;
}

static bool hmac(const uint8_t *key, size_t key_len, const char *msg, uint8_t out[32])
{
        unsigned int len = 32;

        return HMAC(EVP_sha256(), key, (int)key_len, (const unsigned char *)msg, strlen(msg),
                    out, &len) && len == 32;
}

int sigv4_signing_key(const char *secret, const char *date8, const char *region,
                      const char *service, uint8_t out[32])
{
        struct buf k = BUF_INIT(8192);
        uint8_t a[32], b[32];
        bool ok;

        if (buf_printf(&k, "AWS4%s", secret) < 0) {
                buf_free(&k);
                return -E2BIG;
        }
        ok = hmac((const uint8_t *)k.data, k.len, date8, a) && hmac(a, 32, region, b) &&
             hmac(b, 32, service, a) && hmac(a, 32, "aws4_request", b);
        explicit_bzero(k.data, k.len);
        buf_free(&k);
        if (ok)
                memcpy(out, b, 32);
        explicit_bzero(a, sizeof(a));
        explicit_bzero(b, sizeof(b));
        return ok ? 0 : -EIO;
}

int sigv4_authorization(const struct sigv4_request *r, const char *access_key,
                        const char *secret, struct buf *out)
{
        struct buf canon = BUF_INIT(1u << 20), sts = BUF_INIT(4096), sc = BUF_INIT(512);
        uint8_t key[32], sig[32];
        char date8[9], hex[65];
        int e;

        if (!access_key || !*access_key || strchr(access_key, '/') || strchr(access_key, ','))
                return -EINVAL;
        e = sigv4_canonical_request(r, &canon);
        if (e == 0)
                e = sigv4_string_to_sign(r, canon.data, &sts);
        if (e == 0)
                e = scope(r, &sc);
        if (e == 0) {
                memcpy(date8, r->amz_date, 8);
                date8[8] = '\0';
                e = sigv4_signing_key(secret, date8, r->region, r->service, key);
        }
        if (e == 0)
                e = hmac(key, sizeof(key), sts.data, sig) ? 0 : -EIO;
        explicit_bzero(key, sizeof(key));
        if (e == 0) {
                hex_encode(sig, sizeof(sig), hex);
                e = buf_printf(out, SIGV4_ALGORITHM " Credential=%s/%s, SignedHeaders=",
                               access_key, sc.data) < 0 ? -E2BIG : 0;
        }
        if (e == 0)
                e = sigv4_signed_headers(r, out);
        if (e == 0)
                e = buf_printf(out, ", Signature=%s", hex) < 0 ? -E2BIG : 0;
        buf_free(&canon);
        buf_free(&sts);
        buf_free(&sc);
        return e;
}
