/* SPDX-License-Identifier: GPL-3.0-or-later */
/* util: capped buffers, strict number parsing, hex, sha256, canonical JSON, diagnostics. */
#include <stdio.h>

#include "tap.h"
#include "util/util.h"

static void test_buf(void)
{
        struct buf b = BUF_INIT(8);

        is_int(buf_puts(&b, "abcd"), 0, "append within cap");
        is_int(buf_puts(&b, "efgh"), 0, "append up to cap exactly");
        is_int(buf_putc(&b, 'x'), -E2BIG, "append past cap is -E2BIG");
        is_str(b.data, "abcdefgh", "content unchanged after refused append");
        is_int(b.len, 8, "length unchanged");
        buf_free(&b);

        b = BUF_INIT(0);
        is_int(buf_printf(&b, "%d-%s", 42, "x"), 0, "printf");
        is_str(b.data, "42-x", "printf content");
        buf_free(&b);
}

static void test_numbers(void)
{
        uint64_t u;
        int64_t i;
        double d;

        is_int(parse_u64("123", &u), 0, "u64 ok");
        is_int(u, 123, "u64 value");
        ok(parse_u64("12x", &u) < 0, "u64 trailing junk refused");
        ok(parse_u64("-1", &u) < 0, "u64 negative refused");
        ok(parse_u64("99999999999999999999999", &u) < 0, "u64 overflow refused");
        ok(parse_u64("", &u) < 0, "u64 empty refused");
        is_int(parse_i64("-5", &i), 0, "i64 negative ok");
        is_int(i, -5, "i64 value");
        is_int(parse_double("0.25", &d), 0, "double ok");
        ok(d == 0.25, "double value");
        ok(parse_double("nan", &d) < 0, "nan refused");
        ok(parse_double("1e999", &d) < 0, "overflow refused");
}

static void test_hash(void)
{
        uint8_t h[32], back[32];
        char hex[65];

        sha256("abc", 3, h);
        hex_encode(h, 32, hex);
        is_str(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
               "sha256('abc') matches FIPS 180-2");
        is_int(hex_decode(hex, back, 32), 0, "hex decode");
        ok(memcmp(h, back, 32) == 0, "hex round trip");
        ok(hex_decode("zz", back, 1) < 0, "bad hex refused");
}

static void test_json(void)
{
        json_t *j = json_pack("{s:i,s:s,s:{s:b,s:n}}", "seq", 1, "agent", "llm", "detail",
                              "z", 1, "a");
        _cleanup_free_ char *s = json_canonical(j);

        is_str(s, "{\"agent\":\"llm\",\"detail\":{\"a\":null,\"z\":true},\"seq\":1}",
               "canonical JSON sorts keys and drops whitespace");
        json_decref(j);
}

static void test_diag(void)
{
        struct diag d;
        char out[1024];

        diag_set(&d, "w.yml", 3, 7, "unknown key '%s'", "foo");
        diag_format(&d, out, sizeof(out));
        is_str(out, "w.yml:3:7: unknown key 'foo'", "diag with position");
        diag_set(&d, "w.yml", 0, 0, "empty");
        diag_format(&d, out, sizeof(out));
        is_str(out, "w.yml: empty", "diag without position");
}

static void test_time(void)
{
        char ts[32];

        is_int(rfc3339_now(ts), 0, "rfc3339_now");
        is_int(strlen(ts), 27, "rfc3339 has microseconds and Z");
        ok(ts[10] == 'T' && ts[26] == 'Z', "rfc3339 shape '%s'", ts);
}

int main(void)
{
        test_buf();
        test_numbers();
        test_hash();
        test_json();
        test_diag();
        test_time();
        return done_testing();
}
