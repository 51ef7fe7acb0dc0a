/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signed notes (C2SP signed-note) with Ed25519 keys, and C2SP tlog checkpoints.
 *
 * Key ID = SHA-256(name || 0x0A || 0x01 || pubkey)[:4]; a verifier key is
 * "name+hex(id)+base64(0x01 || pubkey)"; a signing key is the same with the 32-byte seed and
 * a "PRIVATE+KEY+" prefix (golang.org/x/mod/sumdb/note's form). A note is the text (ending in
 * '\n'), a blank line, and lines "— name base64(id || signature)".
 *
 * Ed25519 itself is OpenSSL libcrypto's. This file neither reads ledgers nor decides what a
 * checkpoint covers; checkpoint_load is the one function that touches a file.
 */
#include <stdio.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "audit/audit.h"

#define SIG_ED25519 0x01
#define EM_DASH "\xe2\x80\x94"
#define NOTE_SIGS_MAX 100

static const char b64chars[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void base64_encode(const uint8_t *p, size_t n, char *out)
{
        size_t i, o = 0;

        for (i = 0; i + 2 < n; i += 3) {
                uint32_t v = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];

                out[o++] = b64chars[v >> 18];
                out[o++] = b64chars[(v >> 12) & 63];
                out[o++] = b64chars[(v >> 6) & 63];
                out[o++] = b64chars[v & 63];
        }
        if (i < n) {
                uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0);

                out[o++] = b64chars[v >> 18];
                out[o++] = b64chars[(v >> 12) & 63];
                out[o++] = i + 1 < n ? b64chars[(v >> 6) & 63] : '=';
                out[o++] = '=';
        }
        out[o] = '\0';
}

static int b64val(char c)
{
        const char *p = c ? strchr(b64chars, c) : NULL;

        return p ? (int)(p - b64chars) : -1;
}

int base64_decode(const char *s, size_t len, uint8_t *out, size_t max)
{
        size_t o = 0;

        if (len % 4)
                return -EINVAL;
        for (size_t i = 0; i < len; i += 4) {
                int v[4], pad = 0;
                uint32_t w;

                for (int j = 0; j < 4; j++) {
                        if (s[i + j] == '=' && i + 4 == len && j >= 2) {
                                v[j] = 0;
                                pad++;
                                continue;
                        }
                        if (pad || (v[j] = b64val(s[i + j])) < 0)
                                return -EINVAL;
                }
                w = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 |
                    (uint32_t)v[3];
                /* Canonical only: the bits dropped by padding must be zero. */
                if ((pad == 1 && (w & 0xff)) || (pad == 2 && (w & 0xffff)))
                        return -EINVAL;
                if (o + 3 - (size_t)pad > max)
                        return -E2BIG;
                out[o++] = (uint8_t)(w >> 16);
                if (pad < 2)
                        out[o++] = (uint8_t)(w >> 8);
                if (pad < 1)
                        out[o++] = (uint8_t)w;
        }
        return (int)o;
}

bool note_name_valid(const char *name)
{
        size_t n = strlen(name);

        if (n == 0 || n >= NOTE_NAME_MAX)
                return false;
        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)name[i];

                if (c <= ' ' || c == '+' || c == 0x7f)
                        return false;
        }
        return true;
}

static uint32_t key_id(const char *name, const uint8_t pub[32])
{
        struct buf b = BUF_INIT(NOTE_NAME_MAX + 64);
        uint8_t h[32];
        int r;

        r = buf_puts(&b, name);
        if (r == 0)
                r = buf_append(&b, "\n\x01", 2);
        if (r == 0)
                r = buf_append(&b, pub, 32);
        if (r < 0) { /* cannot happen: the name was checked against NOTE_NAME_MAX */
                buf_free(&b);
                return 0;
        }
        sha256(b.data, b.len, h);
        buf_free(&b);
        return (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
}

static int ed25519_pub(const uint8_t seed[32], uint8_t pub[32])
{
        EVP_PKEY *k = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, seed, 32);
        size_t len = 32;
        int ok;

        if (!k)
                return -EIO;
        ok = EVP_PKEY_get_raw_public_key(k, pub, &len) == 1 && len == 32;
        EVP_PKEY_free(k);
        return ok ? 0 : -EIO;
}

/* "[PRIVATE+KEY+]name+hex(id)+base64(0x01 || key)" */
static char *key_string(const char *prefix, const char *name, uint32_t id, const uint8_t k[32])
{
        uint8_t raw[33];
        char b64[64];
        struct buf b = BUF_INIT(512);

        raw[0] = SIG_ED25519;
        memcpy(raw + 1, k, 32);
        base64_encode(raw, sizeof(raw), b64);
        if (buf_printf(&b, "%s%s+%08x+%s", prefix, name, id, b64) < 0) {
                buf_free(&b);
                return NULL;
        }
        return buf_steal(&b, NULL);
}

int note_keygen(const char *name, char **ret_skey, char **ret_vkey)
{
        uint8_t seed[32], pub[32];
        _cleanup_free_ char *skey = NULL, *vkey = NULL;
        uint32_t id;
        int r;

        if (!note_name_valid(name))
                return -EINVAL;
        if (RAND_bytes(seed, sizeof(seed)) != 1)
                return -EIO;
        r = ed25519_pub(seed, pub);
        if (r < 0)
                return r;
        id = key_id(name, pub);
        skey = key_string("PRIVATE+KEY+", name, id, seed);
        vkey = key_string("", name, id, pub);
        OPENSSL_cleanse(seed, sizeof(seed));
        if (!skey || !vkey)
                return -ENOMEM;
        *ret_skey = TAKE_PTR(skey);
        *ret_vkey = TAKE_PTR(vkey);
        return 0;
}

/* Split "name+hex8+b64" into its parts; the key must be 0x01 || 32 bytes. */
static int key_parse(const char *s, char name[NOTE_NAME_MAX], uint32_t *ret_id, uint8_t k[32])
{
        const char *p1 = strchr(s, '+'), *p2, *b64;
        uint8_t raw[40], idb[4];
        char hex[9];
        int n;

        /* The name and the ID hold no '+'; base64 may. */
        if (!p1 || !(p2 = strchr(p1 + 1, '+')))
                return -EINVAL;
        if ((size_t)(p1 - s) >= NOTE_NAME_MAX || p2 - p1 != 9)
                return -EINVAL;
        memcpy(name, s, (size_t)(p1 - s));
        name[p1 - s] = '\0';
        if (!note_name_valid(name))
                return -EINVAL;
        memcpy(hex, p1 + 1, 8);
        hex[8] = '\0';
        for (int i = 0; i < 8; i++)
                if (!((hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f')))
                        return -EINVAL;
        if (hex_decode(hex, idb, 4) < 0)
                return -EINVAL;
        b64 = p2 + 1;
        n = base64_decode(b64, strlen(b64), raw, sizeof(raw));
        if (n != 33 || raw[0] != SIG_ED25519)
                return -EINVAL;
        memcpy(k, raw + 1, 32);
        *ret_id = (uint32_t)idb[0] << 24 | (uint32_t)idb[1] << 16 | (uint32_t)idb[2] << 8 | idb[3];
        return 0;
}

int note_signer_parse(const char *skey, struct note_signer *ret)
{
        struct note_signer s;
        int r;

        if (strncmp(skey, "PRIVATE+KEY+", 12) != 0)
                return -EINVAL;
        r = key_parse(skey + 12, s.name, &s.id, s.seed);
        if (r < 0)
                return r;
        r = ed25519_pub(s.seed, s.pub);
        if (r < 0)
                return -EINVAL;
        if (key_id(s.name, s.pub) != s.id)
                return -EINVAL;
        *ret = s;
        OPENSSL_cleanse(&s, sizeof(s));
        return 0;
}

int note_verifier_parse(const char *vkey, struct note_verifier *ret)
{
        struct note_verifier v;
        int r;

        r = key_parse(vkey, v.name, &v.id, v.pub);
        if (r < 0)
                return r;
        if (key_id(v.name, v.pub) != v.id)
                return -EINVAL;
        *ret = v;
        return 0;
}

/* Text rules shared by sign and verify: non-empty, ends in '\n', no blank line, valid UTF-8
 * without control characters other than '\n'. */
static bool text_valid(const char *t, size_t n)
{
        if (n == 0 || t[n - 1] != '\n')
                return false;
        for (size_t i = 0; i < n;) {
                unsigned char c = (unsigned char)t[i];
                size_t len;

                if (c == '\n') {
                        if (i > 0 && t[i - 1] == '\n')
                                return false;
                        i++;
                        continue;
                }
                if (c < 0x20 || c == 0x7f)
                        return false;
                len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 :
                                     (c & 0xf8) == 0xf0 ? 4 : 0;
                if (len == 0 || (len == 2 && c < 0xc2) || (len == 4 && c > 0xf4) || i + len > n)
                        return false;
                for (size_t j = 1; j < len; j++)
                        if (((unsigned char)t[i + j] & 0xc0) != 0x80)
                                return false;
                i += len;
        }
        return true;
}

int note_sign(const struct note_signer *s, const char *text, char **ret)
{
        size_t n = strlen(text), siglen = 64;
        uint8_t blob[4 + 64];
        char b64[96];
        EVP_PKEY *k;
        EVP_MD_CTX *ctx;
        struct buf b = BUF_INIT(AUDIT_NOTE_MAX);
        int ok, r;

        if (!text_valid(text, n))
                return -EINVAL;
        k = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, s->seed, 32);
        ctx = EVP_MD_CTX_new();
        ok = k && ctx && EVP_DigestSignInit(ctx, NULL, NULL, NULL, k) == 1 &&
             EVP_DigestSign(ctx, blob + 4, &siglen, (const uint8_t *)text, n) == 1 &&
             siglen == 64;
        EVP_MD_CTX_free(ctx);
        EVP_PKEY_free(k);
        if (!ok)
                return -EIO;
        blob[0] = (uint8_t)(s->id >> 24);
        blob[1] = (uint8_t)(s->id >> 16);
        blob[2] = (uint8_t)(s->id >> 8);
        blob[3] = (uint8_t)s->id;
        base64_encode(blob, sizeof(blob), b64);
        r = buf_printf(&b, "%s\n" EM_DASH " %s %s\n", text, s->name, b64);
        if (r < 0) {
                buf_free(&b);
                return r;
        }
        *ret = buf_steal(&b, NULL);
        return 0;
}

static bool ed25519_verify(const uint8_t pub[32], const char *msg, size_t n, const uint8_t *sig)
{
        EVP_PKEY *k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, pub, 32);
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        bool ok;

        ok = k && ctx && EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, k) == 1 &&
             EVP_DigestVerify(ctx, sig, 64, (const uint8_t *)msg, n) == 1;
        EVP_MD_CTX_free(ctx);
        EVP_PKEY_free(k);
        return ok;
}

/* One signature line [p, end) without its '\n'. Returns 1 for a valid signature by v, 0 for
 * another key's, or -errno. */
static int check_sig_line(const struct note_verifier *v, const char *text, size_t text_len,
                          const char *p, const char *end)
{
        char name[NOTE_NAME_MAX];
        const char *sp;
        uint8_t blob[4 + 256];
        uint32_t id;
        int n;

        if (end - p < 4 || memcmp(p, EM_DASH " ", 4) != 0)
                return -EBADMSG;
        p += 4;
        sp = memchr(p, ' ', (size_t)(end - p));
        if (!sp || sp - p >= NOTE_NAME_MAX)
                return -EBADMSG;
        memcpy(name, p, (size_t)(sp - p));
        name[sp - p] = '\0';
        if (!note_name_valid(name))
                return -EBADMSG;
        n = base64_decode(sp + 1, (size_t)(end - sp - 1), blob, sizeof(blob));
        if (n < 5)
                return -EBADMSG;
        id = (uint32_t)blob[0] << 24 | (uint32_t)blob[1] << 16 | (uint32_t)blob[2] << 8 | blob[3];
        if (!streq(name, v->name) || id != v->id)
                return 0;
        if (n != 4 + 64 || !ed25519_verify(v->pub, text, text_len, blob + 4))
                return -EKEYREJECTED;
        return 1;
}

int note_verify(const struct note_verifier *v, const char *note, size_t len,
                size_t *ret_text_len)
{
        const char *sep = NULL, *p, *end = note + len;
        unsigned nsig = 0;
        bool found = false;

        if (len > AUDIT_NOTE_MAX || memchr(note, '\0', len))
                return -EBADMSG;
        for (const char *q = note; q + 1 < end; q++)
                if (q[0] == '\n' && q[1] == '\n')
                        sep = q;
        if (!sep || sep + 2 >= end || !text_valid(note, (size_t)(sep - note) + 1) ||
            end[-1] != '\n')
                return -EBADMSG;
        for (p = sep + 2; p < end; nsig++) {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                int r;

                if (nsig >= NOTE_SIGS_MAX)
                        return -EBADMSG;
                r = check_sig_line(v, note, (size_t)(sep - note) + 1, p, nl);
                if (r < 0)
                        return r;
                found |= r == 1;
                p = nl + 1;
        }
        if (!found)
                return -ENOKEY;
        *ret_text_len = (size_t)(sep - note) + 1;
        return 0;
}

int checkpoint_format(const struct checkpoint *c, struct buf *out)
{
        char b64[48];

        base64_encode(c->root, AUDIT_HASH, b64);
        return buf_printf(out, "%s\n%llu\n%s\n", c->origin, (unsigned long long)c->size, b64);
}

int checkpoint_parse(const char *text, size_t len, struct checkpoint *ret)
{
        struct checkpoint c;
        const char *l1, *l2, *l3;
        char num[24];

        if (!text_valid(text, len))
                return -EBADMSG;
        l1 = memchr(text, '\n', len);
        if (!l1 || l1 == text || (size_t)(l1 - text) >= sizeof(c.origin))
                return -EBADMSG;
        l2 = memchr(l1 + 1, '\n', len - (size_t)(l1 + 1 - text));
        if (!l2 || l2 - l1 - 1 <= 0 || l2 - l1 - 1 >= (long)sizeof(num))
                return -EBADMSG;
        l3 = memchr(l2 + 1, '\n', len - (size_t)(l2 + 1 - text));
        if (!l3)
                return -EBADMSG;
        memcpy(c.origin, text, (size_t)(l1 - text));
        c.origin[l1 - text] = '\0';
        memcpy(num, l1 + 1, (size_t)(l2 - l1 - 1));
        num[l2 - l1 - 1] = '\0';
        /* Decimal without leading zeroes. */
        if ((num[0] == '0' && num[1]) || parse_u64(num, &c.size) < 0)
                return -EBADMSG;
        if (base64_decode(l2 + 1, (size_t)(l3 - l2 - 1), c.root, sizeof(c.root)) != AUDIT_HASH)
                return -EBADMSG;
        *ret = c;
        return 0;
}

int checkpoint_load(const char *path, const struct note_verifier *v, struct checkpoint *ret,
                    char **ret_note)
{
        struct buf b = BUF_INIT(AUDIT_NOTE_MAX);
        struct checkpoint c;
        size_t text_len;
        int r;

        r = read_file_capped(path, AUDIT_NOTE_MAX, &b);
        if (r < 0)
                return r == -E2BIG ? -EBADMSG : r;
        r = note_verify(v, b.data, b.len, &text_len);
        if (r == 0)
                r = checkpoint_parse(b.data, text_len, &c);
        if (r == 0 && !streq(c.origin, v->name))
                r = -EBADMSG;
        if (r < 0) {
                buf_free(&b);
                return r;
        }
        *ret = c;
        if (ret_note)
                *ret_note = buf_steal(&b, NULL);
        else
                buf_free(&b);
        return 0;
}
