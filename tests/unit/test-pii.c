/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pii: a table per detector (positives with their exact span, negatives, separators, Unicode
 * around the match), validators, redaction strategies, streaming across chunk boundaries,
 * the Hyperscan and PCRE2 engines agreeing on one corpus, fail-closed output, the key file.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "tap.h"
#include "config/config.h"
#include "pii/internal.h"
#include "pii/pii.h"
#include "util/util.h"

struct pos {
        const char *text;
        const char *type;  /* expected type of the one finding; NULL: no finding at all */
        const char *value; /* the span, as a substring of text (NULL: the whole text) */
};

static const struct pos cases[] = {
        /* e-mail */
        { "write to john.smith@example.com today", "EMAIL_ADDRESS", "john.smith@example.com" },
        { "«anna+tag@mail.co.uk»", "EMAIL_ADDRESS", "anna+tag@mail.co.uk" },
        { "bob@localhost is local", NULL, NULL },
        { "see icon@2x.png", NULL, NULL },
        /* phones */
        { "call (555) 123-4567 now", "PHONE_NUMBER", "(555) 123-4567" },
        { "call 555.123.4567", "PHONE_NUMBER", "555.123.4567" },
        { "call +1-555-123-4567x890 now", "PHONE_NUMBER", "+1-555-123-4567x890" },
        { "tél +44 20 7946 0958", "PHONE_NUMBER", "+44 20 7946 0958" },
        { "phone: 030 1234567", "PHONE_NUMBER", "030 1234567" },
        { "电话 13812345678 请", "PHONE_NUMBER", "13812345678" },
        { "order 5551234567 shipped", NULL, NULL },
        /* cards: every brand, separators, Luhn */
        { "visa 4111111111111111.", "CREDIT_CARD", "4111111111111111" },
        { "visa 4111-1111-1111-1111", "CREDIT_CARD", "4111-1111-1111-1111" },
        { "mc 5555 5555 5555 4444 exp 12 27", "CREDIT_CARD", "5555 5555 5555 4444" },
        { "mc2 2223003122003222", "CREDIT_CARD", "2223003122003222" },
        { "amex 3782 822463 10005", "CREDIT_CARD", "3782 822463 10005" },
        { "discover 6011111111111117", "CREDIT_CARD", "6011111111111117" },
        { "jcb 3530111333300000", "CREDIT_CARD", "3530111333300000" },
        { "diners 30569309025904", "CREDIT_CARD", "30569309025904" },
        { "unionpay 6200000000000005", "CREDIT_CARD", "6200000000000005" },
        { "maestro 6759649826438453", "CREDIT_CARD", "6759649826438453" },
        { "Karte:4111111111111111€", "CREDIT_CARD", "4111111111111111" },
        { "not luhn 4111 1111 1111 1112", NULL, NULL },
        { "mixed seps 4111-1111 1111-1111", NULL, NULL },
        { "all same 4444444444444444", NULL, NULL },
        /* IBAN */
        { "IBAN DE89 3704 0044 0532 0130 00 please", "IBAN_CODE", "DE89 3704 0044 0532 0130 00" },
        { "GB82WEST12345698765432", "IBAN_CODE", NULL },
        { "to FR1420041010050500013M02606.", "IBAN_CODE", "FR1420041010050500013M02606" },
        { "NL91ABNA0417164300 and more", "IBAN_CODE", "NL91ABNA0417164300" },
        { "bad DE89 3704 0044 0532 0130 01", NULL, NULL },
        { "short DE89370400440532013", NULL, NULL },
        /* SSN / ITIN / EIN */
        { "SSN 536-22-1234", "US_SSN", "536-22-1234" },
        { "ssn: 536221234", "US_SSN", "536221234" },
        { "order 536221234", NULL, NULL },
        { "id 000-12-3456", NULL, NULL },
        { "id 666-12-3456", NULL, NULL },
        { "id 536-00-1234", NULL, NULL },
        { "ITIN 912-70-1234", "US_ITIN", "912-70-1234" },
        { "EIN: 12-3456789", "US_EIN", "12-3456789" },
        { "ref 12-3456789", NULL, NULL },
        /* bank */
        { "routing number 021000021", "ABA_ROUTING_NUMBER", "021000021" },
        { "routing number 021000022", NULL, NULL },
        { "account number: 12345678901", "US_BANK_NUMBER", "12345678901" },
        { "invoice 12345678901", NULL, NULL },
        { "SWIFT code DEUTDEFF500", "SWIFT_CODE", "DEUTDEFF500" },
        /* UK */
        { "NINO AB 12 34 56 C", "UK_NINO", "AB 12 34 56 C" },
        { "NINO AB123456C", "UK_NINO", "AB123456C" },
        { "NINO GB123456C", NULL, NULL },
        { "NHS number 943 476 5919", "UK_NHS", "943 476 5919" },
        { "NHS number 943 476 5918", NULL, NULL },
        { "London SW1A 1AA", "UK_POSTCODE", "SW1A 1AA" },
        /* national ids */
        { "SIN 046 454 286", "CA_SIN", "046 454 286" },
        { "NIR 2 55 08 14 168 025 38", "FR_NIR", "2 55 08 14 168 025 38" },
        { "DNI 12345678Z", "ES_NIF", "12345678Z" },
        { "DNI 12345678A", NULL, NULL },
        { "NIE X1234567L", "ES_NIE", "X1234567L" },
        { "PAN ABCPE1234F", "IN_PAN", "ABCPE1234F" },
        { "aadhaar 2345 6789 0124", "IN_AADHAAR", "2345 6789 0124" },
        { "aadhaar 2345 6789 0125", NULL, NULL },
        { "PESEL 44051401359", "PL_PESEL", "44051401359" },
        { "NRIC S1234567D", "SG_NRIC_FIN", "S1234567D" },
        { "NRIC S1234567A", NULL, NULL },
        { "passport number: 123456789", "US_PASSPORT", "123456789" },
        { "Passport: C01X00T47", "PASSPORT", "C01X00T47" },
        { "driver's license D1234567", "US_DRIVER_LICENSE", "D1234567" },
        /* dates of birth: only with context */
        { "DOB: 1985-03-12.", "DATE_OF_BIRTH", "1985-03-12" },
        { "born on March 3, 1985", "DATE_OF_BIRTH", "March 3, 1985" },
        { "date of birth 12/31/1970", "DATE_OF_BIRTH", "12/31/1970" },
        { "invoice date 2023-01-15", NULL, NULL },
        { "DOB: 1985-13-45", NULL, NULL },
        /* health */
        { "MRN: 00123456", "MEDICAL_RECORD_NUMBER", "00123456" },
        { "NPI 1234567893", "US_NPI", "1234567893" },
        { "NPI 1234567890", NULL, NULL },
        { "DEA number AB1234563", "US_DEA_NUMBER", "AB1234563" },
        { "MBI 1EG4-TE5-MK73", "US_MBI", "1EG4-TE5-MK73" },
        { "ICD-10: E11.9", "DIAGNOSIS_CODE", "E11.9" },
        { "member ID: XYZ123456789", "HEALTH_INSURANCE_ID", "XYZ123456789" },
        /* location */
        { "at 48.858370, 2.294481 today", "COORDINATES", "48.858370, 2.294481" },
        { "ratio 95.1234, 200.5678", NULL, NULL },
        { "Springfield, IL 62704", "US_ZIP_CODE", "62704" },
        { "Toronto M5V 3L9", "CA_POSTAL_CODE", "M5V 3L9" },
        /* communication */
        { "server 10.0.0.1 down", "IP_ADDRESS", "10.0.0.1" },
        { "version 1.2.3.4", NULL, NULL },
        { "OID 1.3.6.1.4.1", NULL, NULL },
        { "v 256.1.1.1", NULL, NULL },
        { "host 2001:0db8:85a3:0000:0000:8a2e:0370:7334 up", "IP_ADDRESS",
          "2001:0db8:85a3:0000:0000:8a2e:0370:7334" },
        { "link fe80::1ff:fe23:4567:890a up", "IP_ADDRESS", "fe80::1ff:fe23:4567:890a" },
        { "std::vector and Foo::Bar", NULL, NULL },
        { "MAC 00:1A:2B:3C:4D:5E", "MAC_ADDRESS", "00:1A:2B:3C:4D:5E" },
        { "MAC 00:1A-2B:3C:4D:5E", NULL, NULL },
        { "cisco 001a.2b3c.4d5e", "MAC_ADDRESS", "001a.2b3c.4d5e" },
        { "IMEI 490154203237518", "IMEI", "490154203237518" },
        /* crypto */
        { "btc 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "CRYPTO", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaN"
          "VN2" },
        { "p2sh 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy.", "CRYPTO", "3J98t1WpEZ73CNmQviecrnyiWrnqR"
          "hWNLy" },
        { "bad 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3", NULL, NULL },
        { "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "CRYPTO", NULL },
        { "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx", NULL, NULL },
        { "eth wallet 0x52908400098527886E0F7030069857D2E4169EE7", "CRYPTO",
          "0x52908400098527886E0F7030069857D2E4169EE7" },
        { "VIN 1HGCM82633A004352", "VIN", "1HGCM82633A004352" },
        { "VIN 1HGCM82643A004352", NULL, NULL },
        /* secrets */
        { "key AKIAQ3MZ7KXW2PLR4TNE", "AWS_ACCESS_KEY", "AKIAQ3MZ7KXW2PLR4TNE" },
        { "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY7Q2LZ9TKEW", "AWS_SECRET_KEY",
          "wJalrXUtnFEMI/K7MDENG/bPxRfiCY7Q2LZ9TKEW" },
        /* AWS's documentation keys are placeholders (CONTRACTS §8) */
        { "key AKIAIOSFODNN7EXAMPLE", NULL, NULL },
        { "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", NULL, NULL },
        { "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "GITHUB_TOKEN", NULL },
        { "glpat-abcdefghij0123456789", "GITLAB_TOKEN", NULL },
        { "xoxb-123456789012-1234567890123-abcdefghijklmnopqrstuvwx", "SLACK_TOKEN", NULL },
        { "sk_live_abcdefghijklmnop12345678", "STRIPE_KEY", NULL },
        { "AIzaSyA1234567890abcdefghijklmnopqrstuv", "GOOGLE_API_KEY", NULL },
        { "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6l", "OPENAI_API_KEY", NULL },
        { "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_-abcdefghij",
          "ANTHROPIC_API_KEY", NULL },
        { "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH", "HUGGINGFACE_TOKEN", NULL },
        { "npm_abcdefghijklmnopqrstuvwxyz0123456789", "NPM_TOKEN", NULL },
        { "SK0123456789abcdef0123456789abcdef", "TWILIO_KEY", NULL },
        { "tok eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG"
          "4gRG9l"
          "IiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c end",
          "JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6Ikp"
          "vaG4gRG9l"
          "IiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" },
        { "eyJub3QiOiJqd3QifQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijkl", NULL, NULL },
        { "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4"
          "p4WGeKLs1Pt8Qu\n"
          "-----END RSA PRIVATE KEY-----", "PRIVATE_KEY", NULL },
        { "password=Hunter2!x;", "PASSWORD", "Hunter2!x;" },
        { "\"password\": \"s3cr3t-pw\"", "PASSWORD", "s3cr3t-pw" },
        { "password is required", NULL, NULL },
        { "password: ${DB_PASSWORD}", NULL, NULL },
        { "db://admin:pa55word@db.example.com/x", "URL_CREDENTIALS", "admin:pa55word" },
        { "api_key = \"Zx9fK2mQ7vB4nL8pR3tW6yH1\"", "GENERIC_SECRET", "Zx9fK2mQ7vB4nL8pR3tW6yH1" },
        { "api_key = YOUR_API_KEY_HERE", NULL, NULL },
        { "Authorization: Bearer abcDEF123456ghiJKL789", "GENERIC_SECRET", "abcDEF123456ghiJKL"
          "789" },
        /* hard negatives */
        { "uuid 123e4567-e89b-12d3-a456-426614174000", NULL, NULL },
        { "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709", NULL, NULL },
        { "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", NULL, NULL },
        { "ISBN 978-3-16-148410-0 and EAN 4006381333931", NULL, NULL },
        { "price $1,234.56 on 2023-10-15T12:30:45Z", NULL, NULL },
};

static struct pii_redactor *new_r(int strategy, enum pii_engine engine)
{
        static const uint8_t key[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        struct pii_redactor *r = NULL;

        if (pii_redactor_new_engine(strategy, key, sizeof(key), engine, &r) < 0)
                return NULL;
        return r;
}

/* The table checks the pattern detectors one value at a time; the names pass (PERSON,
 * STREET_ADDRESS, LOCATION: "Springfield" in "Springfield, IL 62704" is one) has its own
 * corpus and rules test, tests/pii-names/names.t. */
static void test_table(struct pii_redactor *r, const char *engine)
{
        pii_redactor_set_names(r, false);
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                const struct pos *c = &cases[i];
                struct pii_finding *f = NULL;
                size_t n = 0, vs = 0, ve = strlen(c->text);
                int e = pii_scan(r, c->text, strlen(c->text), 0, &f, &n);
                char name[48];

                /* one TAP line per case: no newlines in the test name */
                snprintf(name, sizeof(name), "%s", c->text);
                for (char *q = name; *q; q++)
                        if (*q == '\n')
                                *q = '|';

                if (c->value) {
                        vs = (size_t)(strstr(c->text, c->value) - c->text);
                        ve = vs + strlen(c->value);
                }
                if (!c->type) {
                        ok(e == 0 && n == 0, "%s: no finding in '%s'", engine, name);
                        if (n)
                                diag("  got %s at %llu-%llu", pii_type_name(f[0].type),
                                     (unsigned long long)f[0].start,
                                     (unsigned long long)f[0].end);
                } else {
                        ok(e == 0 && n == 1 && streq(pii_type_name(f[0].type), c->type) &&
                                   f[0].start == vs && f[0].end == ve,
                           "%s: %s in '%s'", engine, c->type, name);
                        for (size_t k = 0; k < n; k++)
                                if (n != 1 || f[0].start != vs || f[0].end != ve)
                                        diag("  got %s at %llu-%llu (want %zu-%zu)",
                                             pii_type_name(f[k].type),
                                             (unsigned long long)f[k].start,
                                             (unsigned long long)f[k].end, vs, ve);
                }
                free(f);
        }
}

static char *redact_str(struct pii_redactor *r, const char *in)
{
        struct buf out = BUF_INIT(0);
        size_t count;

        if (pii_redact(r, in, strlen(in), &out, &count) < 0)
                return NULL;
        return buf_steal(&out, NULL);
}

static void test_strategies(void)
{
        const char *in = "card 4111 1111 1111 1111, mail jane@example.org, AKIAQ3MZ7KXW2PLR4TNE.";
        struct pii_redactor *r;
        char *s, *s2;
        struct pii_redactor *none = NULL;

        r = new_r(REDACT_MASK, PII_ENGINE_AUTO);
        s = redact_str(r, in);
        is_str(s, "card [CREDIT_CARD], mail [EMAIL_ADDRESS], [AWS_ACCESS_KEY].", "mask");
        free(s);
        pii_redactor_free(r);

        r = new_r(REDACT_PARTIAL, PII_ENGINE_AUTO);
        s = redact_str(r, in);
        is_str(s, "card **** **** **** 1111, mail j***@example.org, [AWS_ACCESS_KEY].", "partial");
        free(s);
        pii_redactor_free(r);

        r = new_r(REDACT_REMOVE, PII_ENGINE_AUTO);
        s = redact_str(r, in);
        is_str(s, "card , mail , .", "remove");
        free(s);
        pii_redactor_free(r);

        r = new_r(REDACT_HASH, PII_ENGINE_AUTO);
        s = redact_str(r, in);
        s2 = redact_str(r, "again jane@example.org");
        ok(s && strncmp(s, "card [CREDIT_CARD:", 18) == 0 && strlen(s) == strlen(
                   "card [CREDIT_CARD:0123456789ab], mail [EMAIL_ADDRESS:0123456789ab], "
                   "[AWS_ACCESS_KEY:0123456789ab]."), "hash: [TYPE:12 hex]");
        ok(s && s2 && strstr(s, strchr(s2, '[')) != NULL, "hash is stable for one key");
        free(s);
        free(s2);
        pii_redactor_free(r);

        is_int(pii_redactor_new(REDACT_HASH, NULL, 0, &none), -ENOKEY, "hash without a key ref"
          "used");
}

/* The same corpus through both engines and through the stream in odd piece sizes. */
static char *make_corpus(size_t size)
{
        static const char *words[] = { "the", "report", "of", "2023", "version", "1.2.3",
                                       "order", "12345", "and", "Zürich", "価格", "4111",
                                       "\n", "x", "data:", "a-b", "id", "0x1F" };
        char *t = malloc(size + 256);
        size_t n = 0;
        uint64_t x = 88172645463325252ull;

        while (n < size) {
                const char *w;

                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                if (x % 9 == 0)
                        w = cases[(x >> 8) % ARRAY_SIZE(cases)].text;
                else
                        w = words[(x >> 8) % ARRAY_SIZE(words)];
                memcpy(t + n, w, strlen(w));
                n += strlen(w);
                t[n++] = (x >> 20) % 5 ? ' ' : '\n';
        }
        t[n] = 0;
        return t;
}

struct collected {
        struct pii_finding *v;
        size_t n, cap;
};

/* Grows by doubling: one realloc per finding is quadratic under ASan (its realloc always
 * copies), which made this test take minutes in CI's sanitizer pass. */
static int collect(void *userdata, const struct pii_finding *f)
{
        struct collected *c = userdata;

        if (c->n == c->cap) {
                size_t cap = c->cap ? 2 * c->cap : 64;
                struct pii_finding *v = reallocarray(c->v, cap, sizeof(*f));

                if (!v)
                        return -ENOMEM;
                c->v = v;
                c->cap = cap;
        }
        c->v[c->n++] = *f;
        return 0;
}

static bool same_findings(const struct pii_finding *a, size_t na, const struct pii_finding *b,
                          size_t nb)
{
        if (na != nb)
                return false;
        for (size_t i = 0; i < na; i++)
                if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].type != b[i].type ||
                    a[i].detector != b[i].detector)
                        return false;
        return true;
}

/* Feed t[0, len) to a stream of r in pieces of `piece` bytes, its findings into *c. */
static int stream_pieces(struct pii_redactor *r, const char *t, size_t len, size_t piece,
                         struct collected *c)
{
        struct pii_stream *s = NULL;
        int e = pii_stream_new(r, NULL, collect, c, &s);

        for (size_t off = 0; e >= 0 && off < len; off += piece)
                e = pii_stream_feed(s, t + off, MIN(piece, len - off));
        if (e >= 0)
                e = pii_stream_finish(s);
        pii_stream_free(s);
        return e;
}

static void test_engines_and_stream(void)
{
        size_t len = 3u << 20;
        char *t = make_corpus(len);
        struct pii_redactor *hs = new_r(REDACT_MASK, PII_ENGINE_HS);
        struct pii_redactor *pc = new_r(REDACT_MASK, PII_ENGINE_PCRE2);
        struct pii_finding *fh = NULL, *fp = NULL;
        size_t nh = 0, np = 0;
        static const size_t pieces[] = { 1, 7, 4093, 65536, (1u << 20) + 3 };

        len = strlen(t);
        ok(pc && pii_scan(pc, t, len, 0, &fp, &np) == 0 && np > 1000,
           "pcre2 engine: %zu findings in %zu bytes", np, len);
        if (hs) {
                ok(streq(pii_redactor_engine(hs), "hyperscan+pcre2"), "hyperscan engine loaded");
                ok(pii_scan(hs, t, len, 0, &fh, &nh) == 0, "hyperscan engine scans");
                ok(same_findings(fh, nh, fp, np), "both engines: identical findings (%zu, %zu)",
                   nh, np);
                is_int(pii_tok_check_marks(hs), 0,
                       "token prefilter: marked()'s tables give what its tests give, for every "
                       "pair of bytes");
                for (size_t i = 0; i < ARRAY_SIZE(pieces); i++) {
                        /* window edges inside numbers, runs and blocks of the prefilter */
                        struct collected c = { 0 };

                        ok(stream_pieces(hs, t, len, pieces[i], &c) == 0 &&
                                   same_findings(c.v, c.n, fp, np),
                           "hyperscan stream in pieces of %zu: the findings of pcre2 in one "
                           "buffer", pieces[i]);
                        free(c.v);
                }
        } else {
                skip("Hyperscan not built in or not usable on this CPU");
        }
        for (size_t i = 0; i < ARRAY_SIZE(pieces); i++) {
                struct collected c = { 0 };

                ok(stream_pieces(pc, t, len, pieces[i], &c) == 0 &&
                           same_findings(c.v, c.n, fp, np),
                   "stream in pieces of %zu: same findings as one buffer", pieces[i]);
                free(c.v);
        }
        for (size_t i = 0; i < ARRAY_SIZE(pieces); i++) {
                /* written into the window (pii_stream_space/commit, as `protect` reads):
                 * the same findings, and the room is never more than asked */
                struct pii_stream *s = NULL;
                struct collected c = { 0 };
                int e = pii_stream_new(pc, NULL, collect, &c, &s);
                bool room_ok = true;

                for (size_t off = 0; e >= 0 && off < len;) {
                        char *room;
                        size_t size, n;

                        e = pii_stream_space(s, &room, &size);
                        if (e < 0)
                                break;
                        room_ok = room_ok && size > 0;
                        n = MIN(MIN(pieces[i], len - off), size);
                        memcpy(room, t + off, n);
                        off += n;
                        e = pii_stream_commit(s, n);
                }
                if (e >= 0)
                        e = pii_stream_finish(s);
                ok(e == 0 && room_ok && same_findings(c.v, c.n, fp, np),
                   "stream written in place, %zu at a time: same findings as one buffer",
                   pieces[i]);
                free(c.v);
                pii_stream_free(s);
        }
        {
                /* a commit of more than the room fails the stream, and it stays failed */
                struct pii_stream *s = NULL;
                struct collected c = { 0 };
                char *room;
                size_t size = 0;
                int e = pii_stream_new(pc, NULL, collect, &c, &s);

                if (e >= 0)
                        e = pii_stream_space(s, &room, &size);
                ok(e == 0 && size > 0 && pii_stream_commit(s, size + 1) == -EINVAL &&
                   pii_stream_space(s, &room, &size) == -EINVAL &&
                   pii_stream_commit(s, 0) == -EINVAL && pii_stream_finish(s) == -EINVAL,
                   "a commit past the window's room fails the stream for good");
                free(c.v);
                pii_stream_free(s);
        }
        {
                /* under one window, pii_scan takes the no-copy path: same findings */
                size_t small = 900000;
                struct pii_finding *f1 = NULL;
                size_t n1 = 0;
                struct pii_stream *s = NULL;
                struct collected c = { 0 };
                int e = pii_scan(pc, t, small, 0, &f1, &n1);

                if (e >= 0)
                        e = pii_stream_new(pc, NULL, collect, &c, &s);
                for (size_t off = 0; e >= 0 && off < small; off += 4093)
                        e = pii_stream_feed(s, t + off, MIN(4093, small - off));
                if (e >= 0)
                        e = pii_stream_finish(s);
                ok(e == 0 && n1 > 100 && same_findings(f1, n1, c.v, c.n),
                   "one buffer (no copy) and stream agree on %zu findings", n1);
                free(f1);
                free(c.v);
                pii_stream_free(s);
        }
        free(fh);
        free(fp);
        free(t);
        pii_redactor_free(hs);
        pii_redactor_free(pc);
}

/* A value that straddles the window boundary of the streaming layer (1 MiB + margins). */
static void test_chunk_boundary(void)
{
        struct pii_redactor *r = new_r(REDACT_MASK, PII_ENGINE_AUTO);
        static const size_t at[] = { (1u << 20) - 5, (1u << 20) + 16384 + 60, (2u << 20) + 10 };
        const char *v = "4111-1111-1111-1111";

        for (size_t i = 0; i < ARRAY_SIZE(at); i++) {
                size_t len = at[i] + 64;
                char *t = malloc(len + 1);
                struct pii_finding *f = NULL;
                size_t n = 0;

                memset(t, 'a', len);
                for (size_t k = 0; k < len; k += 80)
                        t[k] = ' ';
                t[at[i] - 1] = ' ';
                memcpy(t + at[i], v, strlen(v));
                t[at[i] + strlen(v)] = ' ';
                t[len] = 0;
                ok(pii_scan(r, t, len, 0, &f, &n) == 0 && n == 1 && f[0].start == at[i] &&
                           f[0].end == at[i] + strlen(v),
                   "card at offset %zu across a window edge", at[i]);
                free(f);
                free(t);
        }
        pii_redactor_free(r);
}

static void test_counts_and_fail_closed(void)
{
        struct pii_redactor *r = new_r(REDACT_MASK, PII_ENGINE_AUTO);
        struct buf out = BUF_INIT(10);
        const char *in = "mail a@example.com and b@example.com please";
        size_t count = 99;
        int t = pii_type_from_name("EMAIL_ADDRESS");

        is_int(pii_redact(r, in, strlen(in), &out, &count), -E2BIG, "output cap: -E2BIG");
        is_int(out.len, 0, "nothing released on failure");
        buf_free(&out);
        pii_redactor_reset_counts(r);
        out = BUF_INIT(0);
        is_int(pii_redact(r, in, strlen(in), &out, &count), 0, "redact");
        is_int(count, 2, "two findings");
        ok(t >= 0 && pii_redactor_counts(r)[t] == 2, "per-type count");
        is_str(pii_type_category((unsigned)t), "personal", "category");
        ok(pii_type_count() >= 40 && pii_detector_count() >= 60, "%u types, %u detectors",
           pii_type_count(), pii_detector_count());
        buf_free(&out);
        pii_redactor_free(r);
}

static void test_key(void)
{
        char dir[] = "/tmp/akios-pii-XXXXXX", path[64];
        uint8_t k1[32], k2[32];
        struct stat st;

        if (!mkdtemp(dir)) {
                skip("mkdtemp failed");
                return;
        }
        snprintf(path, sizeof(path), "%s/pii.key", dir);
        is_int(pii_key_load(path, k1), -ENOENT, "missing key: -ENOENT");
        is_int(pii_key_load_or_create(path, k1), 0, "key created");
        ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "mode 0600");
        is_int(pii_key_load_or_create(path, k2), 0, "key loaded");
        ok(memcmp(k1, k2, 32) == 0, "same key on reload");
        chmod(path, 0644);
        is_int(pii_key_load(path, k2), -EPERM, "world-readable key refused");
        unlink(path);
        rmdir(dir);
}

/* phone_intl by hand (src/pii/tokintl.c) against PCRE2 on its regex, raw matches (no
 * validator hides a difference): random strings of the bytes the regex reads, and hostile
 * ones, long digit strings after '+' and "00" with a letter glued on, which made PCRE2
 * backtrack through thousands of splits. Each string is searched from each offset. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static unsigned rng(unsigned n)
{
        rng_state ^= rng_state << 13;
        rng_state ^= rng_state >> 7;
        rng_state ^= rng_state << 17;
        return (unsigned)(rng_state % n);
}

static bool intl_same(pcre2_code *re, pcre2_match_data *md, const char *b, size_t n)
{
        for (size_t from = 0; from <= n; from++) {
                size_t hs, he;
                bool hand = pii_tok_intl_next(b, n, from, &hs, &he);
                int rc = pcre2_match(re, (PCRE2_SPTR)b, n, from, 0, md, NULL);
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);

                if (hand != (rc > 0) || (hand && (ov[0] != hs || ov[1] != he))) {
                        diag("phone_intl differs from %zu in '%.*s': hand %d [%zu, %zu), "
                             "pcre2 %d [%zu, %zu)", from, (int)n, b, hand, hand ? hs : 0,
                             hand ? he : 0, rc, rc > 0 ? (size_t)ov[0] : 0,
                             rc > 0 ? (size_t)ov[1] : 0);
                        return false;
                }
        }
        return true;
}

static void test_intl_by_hand(void)
{
        static const char bytes[] = "0000111223456789 .-()+x_d\n\xc3";
        int err;
        PCRE2_SIZE off;
        pcre2_code *re = pcre2_compile((PCRE2_SPTR)pii_intl_regex, PCRE2_ZERO_TERMINATED, 0,
                                       &err, &off, NULL);
        pcre2_match_data *md = pcre2_match_data_create(4, NULL);
        unsigned bad = 0, tried = 0, matched = 0;
        char b[80];

        if (!re || !md) {
                ok(false, "phone_intl regex compiles");
                return;
        }
        for (unsigned i = 0; i < 30000 && bad < 3; i++) {
                size_t n = 1 + rng(60);

                for (size_t k = 0; k < n; k++)
                        b[k] = bytes[rng(sizeof(bytes) - 1)];
                /* most strings start a match: '+' or "00" and a country code */
                if (rng(4)) {
                        size_t at = rng((unsigned)n);

                        if (rng(2))
                                b[at] = '+';
                        else if (at + 1 < n)
                                b[at] = b[at + 1] = '0';
                }
                tried++;
                matched += pii_tok_intl_next(b, n, 0, &(size_t){ 0 }, &(size_t){ 0 });
                bad += !intl_same(re, md, b, n);
        }
        /* hostile: 15 to 40 digits after '+' or "00", then a letter, '_', ')' or nothing */
        for (unsigned d = 15; d <= 40 && bad < 3; d++)
                for (unsigned tail = 0; tail < 5; tail++) {
                        size_t n = 0;

                        n += (size_t)snprintf(b, sizeof(b), "%s", tail & 1 ? "+" : "00");
                        for (unsigned k = 0; k < d; k++)
                                b[n++] = (char)('1' + (k * 7 + d) % 9);
                        b[n++] = "d_)x "[tail];
                        tried++;
                        bad += !intl_same(re, md, b, n);
                }
        ok(bad == 0 && matched > 1000,
           "phone_intl by hand: PCRE2's raw matches from every offset of %u strings "
           "(%u with a match from 0)", tried, matched);
        pcre2_match_data_free(md);
        pcre2_code_free(re);
}

int main(void)
{
        struct pii_redactor *r = new_r(REDACT_MASK, PII_ENGINE_AUTO);
        struct pii_redactor *p = new_r(REDACT_MASK, PII_ENGINE_PCRE2);

        test_table(r, pii_redactor_engine(r));
        test_table(p, "pcre2");
        pii_redactor_free(r);
        pii_redactor_free(p);
        test_strategies();
        test_engines_and_stream();
        test_intl_by_hand();
        test_chunk_boundary();
        test_counts_and_fail_closed();
        test_key();
        return done_testing();
}
