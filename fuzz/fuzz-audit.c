/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-audit: the audit module's parsers of outside bytes. The first input byte picks one:
 *   0  checkpoint_parse() on the rest; a parsed checkpoint must survive
 *      checkpoint_format() + checkpoint_parse() unchanged
 *   1  note_verify() of the rest as a signed note, then checkpoint_parse() of its text
 *   2  note_verifier_parse() and note_signer_parse() of the rest as a C string
 *   3  base64_decode() (strict) of the rest; what decodes must re-encode to the same text
 *   4  audit_line_check() of the rest as one ledger line; a line that passes must give
 *      its "seq" to audit_line_seq() too, and a JSON line audit_line_marker() takes for a
 *      checkpoint marker must hold exactly those fields and sizes
 *   5  note_sign() of the rest as text; the note must then verify with note_verify()
 *
 * The key is a fixed, throw-away Ed25519 key made for this target (so inputs reproduce and
 * seeds can carry valid signatures); it signs nothing else. An oracle failure abort()s.
 */
#include <stdint.h>
#include <stdio.h>

#include "fuzz.h"
#include "audit/audit.h"

static const char fuzz_skey[] = "PRIVATE+KEY+akios/fuzz+374865c1+"
                                "AR58mphWlN2H9iCAibfrWWEU/9twcfScicFJG9x3/TbX";
static const char fuzz_vkey[] = "akios/fuzz+374865c1+"
                                "AYbQkh/FsxBiawRXAedfs0BMmKZCrPsZZXrk1kPgmRMY";

static void fuzz_checkpoint(const char *p, size_t n)
{
        struct checkpoint c, c2;
        struct buf b = BUF_INIT(AUDIT_NOTE_MAX);

        if (checkpoint_parse(p, n, &c) < 0)
                return;
        if (checkpoint_format(&c, &b) == 0) {
                if (checkpoint_parse(b.data, b.len, &c2) < 0 || c2.size != c.size ||
                    strcmp(c2.origin, c.origin) != 0 || memcmp(c2.root, c.root, AUDIT_HASH))
                        abort();
        }
        buf_free(&b);
}

static void fuzz_note(const struct note_verifier *v, const char *p, size_t n)
{
        struct checkpoint c;
        size_t text_len = 0;

        if (note_verify(v, p, n, &text_len) == 0) {
                if (text_len > n)
                        abort();
                (void)checkpoint_parse(p, text_len, &c);
        }
}

static void fuzz_keys(const char *p, size_t n)
{
        _cleanup_free_ char *s = fuzz_strndup((const uint8_t *)p, n);
        struct note_verifier v;
        struct note_signer sg;

        if (!s)
                return;
        (void)note_name_valid(s);
        (void)note_verifier_parse(s, &v);
        (void)note_signer_parse(s, &sg);
}

static void fuzz_base64(const char *p, size_t n)
{
        uint8_t out[1024];
        char again[4 * sizeof(out) / 3 + 8];
        int r;

        if (n > 4 * sizeof(out) / 3)
                return;
        r = base64_decode(p, n, out, sizeof(out));
        if (r < 0)
                return;
        base64_encode(out, (size_t)r, again);
        if (strlen(again) != n || memcmp(again, p, n) != 0)
                abort();
}

/* Oracle: a line that passes the full check for its own "seq" must give that seq to the
 * fast reader audit_line_seq() (the writer trusts it on open). */
static void fuzz_line(const char *p, size_t n)
{
        const char *reason = NULL;
        uint64_t seq = 0, fast = 0, msize, mprev;
        json_t *j = json_loadb(p, n, 0, NULL);
        json_t *s = json_object_get(j, "seq");
        int fast_r = audit_line_seq(p, n, &fast);

        if (json_is_integer(s) && json_integer_value(s) >= 0)
                seq = (uint64_t)json_integer_value(s);
        if (audit_line_check(p, n, seq, &reason) == 0 && (fast_r < 0 || fast != seq))
                abort();
        if (j && audit_line_marker(p, n, &msize, &mprev)) {
                const json_t *d = json_object_get(j, "detail");

                if (!streq(json_string_value(json_object_get(j, "action")) ?: "", "checkpoint") ||
                    !streq(json_string_value(json_object_get(j, "agent")) ?: "", "audit") ||
                    json_integer_value(json_object_get(d, "tree_size")) != (json_int_t)msize ||
                    json_integer_value(json_object_get(d, "previous_size")) != (json_int_t)mprev ||
                    json_object_size(d) != 2)
                        abort();
        }
        json_decref(j);
}

static void fuzz_sign(const struct note_signer *sg, const struct note_verifier *v,
                      const char *p, size_t n)
{
        _cleanup_free_ char *text = fuzz_strndup((const uint8_t *)p, n);
        _cleanup_free_ char *note = NULL;
        size_t text_len = 0;

        if (!text || strlen(text) != n)
                return;
        if (note_sign(sg, text, &note) < 0)
                return;
        if (note_verify(v, note, strlen(note), &text_len) != 0 || text_len != n)
                abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static struct note_signer sg;
        static struct note_verifier v;
        static int keys = -1;
        const char *p = (const char *)data + 1;
        size_t n = size - 1;

        if (keys < 0)
                keys = note_signer_parse(fuzz_skey, &sg) == 0 &&
                       note_verifier_parse(fuzz_vkey, &v) == 0;
        if (!keys)
                abort();
        if (size < 1 || size > FUZZ_MAX_INPUT)
                return 0;
        switch (data[0] % 6) {
        case 0: fuzz_checkpoint(p, n); break;
        case 1: fuzz_note(&v, p, n); break;
        case 2: fuzz_keys(p, n); break;
        case 3: fuzz_base64(p, n); break;
        case 4: fuzz_line(p, n); break;
        case 5: fuzz_sign(&sg, &v, p, n); break;
        }
        return 0;
}
