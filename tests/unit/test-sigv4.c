/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The AWS Signature Version 4 signer (src/llm/sigv4.c) against vectors from the spec:
 *
 * - AWS's own worked example (GET https://iam.amazonaws.com/?Action=ListUsers&Version=
 *   2010-05-08 at 20150830T123600Z, key AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY):
 *   the hash of its canonical request, its signing key and its signature are the ones the
 *   "Create a signed AWS API request" pages print;
 * - a Bedrock Converse request written out by hand from the spec's formulae: the model id's
 *   ':' is "%3A" on the wire and "%253A" in the canonical URI (every service but S3 encodes
 *   the path twice), header values trimmed, the session token a signed header; its
 *   signature worked out with the same formulae in Python's hmac/hashlib, not with this code;
 * - the table cases of the canonical forms: query pairs sorted by name, a name without a
 *   value, inner spaces of a value collapsed, uppercase or duplicate header names refused.
 */
#include <stdio.h>

#include "tap.h"

#include "llm/internal.h"

static const char SECRET[] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

static void hash_hex(const char *s, char out[65])
{
        uint8_t d[32];

        sha256(s, strlen(s), d);
        hex_encode(d, sizeof(d), out);
}

static void test_aws_example(void)
{
        static const struct sigv4_header h[] = {
                { "host", "iam.amazonaws.com" },
                { "content-type", "application/x-www-form-urlencoded; charset=utf-8" },
                { "x-amz-date", "20150830T123600Z" },
        };
        struct sigv4_request r = { .method = "GET", .path = "/",
                                   .query = "Version=2010-05-08&Action=ListUsers",
                                   .headers = h, .n_headers = ARRAY_SIZE(h),
                                   .amz_date = "20150830T123600Z", .region = "us-east-1",
                                   .service = "iam" };
        struct buf canon = BUF_INIT(0), sts = BUF_INIT(0), auth = BUF_INIT(0);
        uint8_t key[32];
        char hex[65];

        ok(sigv4_canonical_request(&r, &canon) == 0, "aws example: canonical request");
        is_str(canon.data,
               "GET\n/\nAction=ListUsers&Version=2010-05-08\n"
               "content-type:application/x-www-form-urlencoded; charset=utf-8\n"
               "host:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
               "content-type;host;x-amz-date\n"
               "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
               "aws example: canonical request text (query and headers sorted)");
        hash_hex(canon.data, hex);
        is_str(hex, "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
               "aws example: canonical request hash as published");
        ok(sigv4_string_to_sign(&r, canon.data, &sts) == 0, "aws example: string to sign");
        is_str(sts.data,
               "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n"
               "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
               "aws example: string to sign as published");
        ok(sigv4_signing_key(SECRET, "20150830", "us-east-1", "iam", key) == 0,
           "aws example: signing key");
        hex_encode(key, sizeof(key), hex);
        is_str(hex, "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9",
               "aws example: signing key as published");
        ok(sigv4_authorization(&r, "AKIDEXAMPLE", SECRET, &auth) == 0,
           "aws example: authorization");
        is_str(auth.data,
               "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
               "SignedHeaders=content-type;host;x-amz-date, "
               "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
               "aws example: signature as published");
        buf_free(&canon);
        buf_free(&sts);
        buf_free(&auth);
}

static void test_bedrock_double_encoding(void)
{
        static const char body[] = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":"
                                   "\"hi\"}]}]}";
        static const struct sigv4_header h[] = {
                { "x-amz-security-token", "FQoGZXIvYXdzEXAMPLETOKEN" },
                { "content-type", "  application/json " },
                { "x-amz-date", "20241105T091500Z" },
                { "host", "bedrock-runtime.us-west-2.amazonaws.com" },
        };
        struct sigv4_request r = {
                .method = "POST",
                .path = "/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse",
                .headers = h, .n_headers = ARRAY_SIZE(h), .body = body,
                .body_len = strlen(body), .amz_date = "20241105T091500Z",
                .region = "us-west-2", .service = "bedrock",
        };
        struct buf canon = BUF_INIT(0), auth = BUF_INIT(0);

        ok(sigv4_canonical_request(&r, &canon) == 0, "bedrock: canonical request");
        is_str(canon.data,
               "POST\n/model/anthropic.claude-3-5-haiku-20241022-v1%253A0/converse\n\n"
               "content-type:application/json\n"
               "host:bedrock-runtime.us-west-2.amazonaws.com\n"
               "x-amz-date:20241105T091500Z\n"
               "x-amz-security-token:FQoGZXIvYXdzEXAMPLETOKEN\n\n"
               "content-type;host;x-amz-date;x-amz-security-token\n"
               "c3335e07d6e89650bf94cb98664be69f8774dbc3198df221f113db0a59ea14f0",
               "bedrock: ':' double-encoded (%%253A), values trimmed, token signed");
        ok(sigv4_authorization(&r, "AKIDEXAMPLE", SECRET, &auth) == 0, "bedrock: authorization");
        is_str(auth.data,
               "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20241105/us-west-2/bedrock/aws4_request, "
               "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
               "Signature=0be2989360fd78e6c6c3b274c180a812af7941f91b79220c173a06b32d61fa57",
               "bedrock: signature as worked out by hand");
        ok(!strstr(auth.data, SECRET), "bedrock: the secret is not in the header");
        buf_free(&canon);
        buf_free(&auth);
}

static void test_canonical_forms(void)
{
        static const struct {
                const char *path, *query, *value;
                const char *want_uri, *want_query, *want_value;
        } cases[] = {
                { "/", "b=2&a=1", "x", "/", "a=1&b=2", "x" },
                { "/", "a=2&a=1&a-b=3", "x", "/", "a=1&a=2&a-b=3", "x" },
                { "/", "flag&z=1", "x", "/", "flag=&z=1", "x" },
                { "", NULL, "a   b  c", "/", "", "a b c" },
                { "/a b/~x_y.z-1", NULL, "\tv\t", "/a%20b/~x_y.z-1", "", "v" },
                { "/s/words=8,p=bedrock/m", NULL, "x", "/s/words%3D8%2Cp%3Dbedrock/m", "", "x" },
        };

        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                const struct sigv4_header h[] = { { "host", cases[i].value } };
                struct sigv4_request r = { .method = "GET", .path = cases[i].path,
                                           .query = cases[i].query, .headers = h,
                                           .n_headers = 1, .amz_date = "20240101T000000Z",
                                           .region = "r", .service = "s" };
                struct buf canon = BUF_INIT(0), want = BUF_INIT(0);

                ok(buf_printf(&want, "GET\n%s\n%s\nhost:%s\n\nhost\n"
                              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                              cases[i].want_uri, cases[i].want_query,
                              cases[i].want_value) >= 0 &&
                   sigv4_canonical_request(&r, &canon) == 0, "case %zu builds", i);
                is_str(canon.data, want.data, "case %zu: '%s' '%s'", i, cases[i].path,
                       cases[i].query ? cases[i].query : "");
                buf_free(&canon);
                buf_free(&want);
        }
}

static void test_refusals(void)
{
        static const struct sigv4_header upper[] = { { "Host", "h" } };
        static const struct sigv4_header twice[] = { { "host", "h" }, { "host", "i" } };
        struct sigv4_request r = { .method = "GET", .path = "/", .headers = upper,
                                   .n_headers = 1, .amz_date = "20240101T000000Z",
                                   .region = "r", .service = "s" };
        struct buf out = BUF_INIT(0);

        is_int(sigv4_canonical_request(&r, &out), -EINVAL, "an uppercase header name is refused");
        r.headers = twice;
        r.n_headers = 2;
        is_int(sigv4_canonical_request(&r, &out), -EINVAL, "a header named twice is refused");
        r.n_headers = 0;
        is_int(sigv4_canonical_request(&r, &out), -EINVAL, "no header (no host) is refused");
        r.headers = twice;
        r.n_headers = 1;
        r.amz_date = "2024-01-01";
        is_int(sigv4_authorization(&r, "AKID", SECRET, &out), -EINVAL,
               "a malformed date is refused");
        r.amz_date = "20240101T000000Z";
        is_int(sigv4_authorization(&r, "AK/ID", SECRET, &out), -EINVAL,
               "an access key id with '/' is refused");
        buf_free(&out);
}

int main(void)
{
        test_aws_example();
        test_bedrock_double_encoding();
        test_canonical_forms();
        test_refusals();
        return done_testing();
}
