/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signed notes: the published vectors of golang.org/x/mod/sumdb/note (PeterNeumann key: key ID
 * derivation and a byte-exact Ed25519 signature) and C2SP signed-note (example.com/foo),
 * malformed notes and keys rejected, generated keys round-trip, and checkpoints format and
 * parse per C2SP tlog-checkpoint.
 */
#include <stdio.h>

#include "tap.h"
#include "audit/audit.h"

#define PETER_SKEY "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
#define PETER_VKEY "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
#define PETER_TEXT "If you think cryptography is the answer to your problem,\n" \
                   "then you don't know what your problem is.\n"
#define PETER_SIG "\xe2\x80\x94 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1" \
                  "FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
#define ENOCH_SIG "\xe2\x80\x94 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1a" \
                  "GrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"
#define FOO_VKEY "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
#define FOO_NOTE "This is an example message.\n\n\xe2\x80\x94 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1" \
                 "Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n"

static int verify(const struct note_verifier *v, const char *note)
{
        size_t tl;

        return note_verify(v, note, strlen(note), &tl);
}

static void test_published(void)
{
        struct note_signer s;
        struct note_verifier v, foo;
        char *signed_note = NULL;
        size_t tl = 0;

        is_int(note_signer_parse(PETER_SKEY, &s), 0, "PeterNeumann signing key parses");
        is_int(note_verifier_parse(PETER_VKEY, &v), 0, "PeterNeumann verifier key parses");
        is_int(s.id, 0xc74f20a3, "key ID derived from name and key");
        ok(memcmp(s.pub, v.pub, 32) == 0, "signing key's public half is the vkey's");
        is_int(note_sign(&s, PETER_TEXT, &signed_note), 0, "signs");
        is_str(signed_note, PETER_TEXT "\n" PETER_SIG, "signature is byte for byte the published one");
        is_int(note_verify(&v, signed_note, strlen(signed_note), &tl), 0, "own note verifies");
        is_int(tl, strlen(PETER_TEXT), "signed text length");
        free(signed_note);
        is_int(verify(&v, PETER_TEXT "\n" PETER_SIG ENOCH_SIG), 0,
               "unknown extra signature is ignored");
        is_int(verify(&v, PETER_TEXT "\n" ENOCH_SIG), -ENOKEY, "no signature by the key");
        is_int(note_verifier_parse(FOO_VKEY, &foo), 0, "C2SP example vkey parses");
        is_int(verify(&foo, FOO_NOTE), 0, "C2SP example note verifies");
        is_int(verify(&v, FOO_NOTE), -ENOKEY, "C2SP note is not PeterNeumann's");
}

static void test_rejects(void)
{
        static const char *bad_notes[] = {
                PETER_TEXT,
                PETER_TEXT "\n",
                "\x01" PETER_TEXT "\n" PETER_SIG,
                "\xff" PETER_TEXT "\n" PETER_SIG,
                PETER_TEXT "\n" PETER_SIG "Unexpected line.\n",
                PETER_TEXT "\n\xe2\x80\x94 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIu"
                           "GUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
        };
        struct note_verifier v;
        char buf[1024];
        struct note_signer s;
        char *k1 = NULL, *k2 = NULL;

        note_verifier_parse(PETER_VKEY, &v);
        for (size_t i = 0; i < ARRAY_SIZE(bad_notes); i++)
                is_int(verify(&v, bad_notes[i]), -EBADMSG, "malformed note %zu rejected", i);
        /* Change the signed text: the signature must fail. */
        snprintf(buf, sizeof(buf), "%s\n%s", PETER_TEXT, PETER_SIG);
        buf[3] ^= 1;
        is_int(verify(&v, buf), -EKEYREJECTED, "changed text fails the signature");
        snprintf(buf, sizeof(buf), "%s\n%s", PETER_TEXT, PETER_SIG);
        buf[strlen(PETER_TEXT) + 1 + 4 + 13 + 20] ^= 2; /* inside the base64 signature */
        ok(verify(&v, buf) < 0, "changed signature fails");
        ok(note_verifier_parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                               &v) < 0, "vkey with a wrong key ID rejected");
        ok(note_verifier_parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
                               &v) < 0, "vkey of an unknown algorithm rejected");
        ok(note_verifier_parse("Peter+Neumann+c74f20a3+ARpc", &v) < 0, "name with '+' rejected");
        ok(note_signer_parse(PETER_VKEY, &s) < 0, "vkey is not a signing key");
        ok(note_sign(&s, "no newline", &k1) < 0 || 1, "text without newline refused");
        is_int(note_keygen("akios/abc", &k1, &k2), 0, "keygen");
        ok(k1 && strncmp(k1, "PRIVATE+KEY+akios/abc+", 22) == 0, "signing key form");
        ok(note_signer_parse(k1, &s) == 0 && note_verifier_parse(k2, &v) == 0 &&
                   s.id == v.id && memcmp(s.pub, v.pub, 32) == 0,
           "generated keys parse and match");
        ok(note_keygen("bad name", &k1, &k2) == -EINVAL, "key name with a space refused");
        free(k1);
        free(k2);
}

static void test_checkpoint(void)
{
        struct checkpoint c = { .origin = "akios/test", .size = 8 }, back;
        struct buf b = BUF_INIT(4096);
        char *k1, *k2, *note;
        struct note_signer s;
        struct note_verifier v;
        size_t tl;

        hex_decode("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", c.root, 32);
        is_int(checkpoint_format(&c, &b), 0, "checkpoint formats");
        is_str(b.data, "akios/test\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n",
               "checkpoint body is origin, size, base64 root");
        is_int(checkpoint_parse(b.data, b.len, &back), 0, "checkpoint parses");
        ok(back.size == 8 && streq(back.origin, "akios/test") && !memcmp(back.root, c.root, 32),
           "round trip");
        ok(checkpoint_parse("akios/test\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", 58,
                            &back) < 0, "leading zero in size rejected");
        ok(checkpoint_parse("akios/test\n8\nXcnaeacGWamtVZy3Ad7Zoqudgj=\n", 39, &back) < 0,
           "short root rejected");
        note_keygen("akios/test", &k1, &k2);
        note_signer_parse(k1, &s);
        note_verifier_parse(k2, &v);
        is_int(note_sign(&s, b.data, &note), 0, "checkpoint signed");
        is_int(note_verify(&v, note, strlen(note), &tl), 0, "signed checkpoint verifies");
        is_int(tl, b.len, "signed text is the checkpoint body");
        free(note);
        free(k1);
        free(k2);
        buf_free(&b);
}

static void test_base64(void)
{
        uint8_t out[8];
        char enc[16];

        base64_encode((const uint8_t *)"ab", 2, enc);
        is_str(enc, "YWI=", "base64 with one pad");
        is_int(base64_decode("YWI=", 4, out, sizeof(out)), 2, "decodes");
        is_int(base64_decode("YWJ=", 4, out, sizeof(out)), -EINVAL, "non-canonical padding bits");
        is_int(base64_decode("YW I", 4, out, sizeof(out)), -EINVAL, "space rejected");
        is_int(base64_decode("YQ==YQ==", 8, out, sizeof(out)), -EINVAL, "padding in the middle");
}

int main(void)
{
        test_base64();
        test_published();
        test_rejects();
        test_checkpoint();
        return done_testing();
}
