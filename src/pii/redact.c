/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The redactor's life cycle and the redaction strategies of CONTRACTS §8, the type and
 * detector name lookups, and the per-project HMAC key file.
 *
 * Strategies: mask "[TYPE]"; hash "[TYPE:<first 12 hex of HMAC-SHA-256(key, value)>]";
 * partial keeps a documented tail (see pii_types[].partial: the last 4 letters/digits of
 * numbers with separators kept and the rest '*'; for e-mail the first character and the
 * domain; every secret, date or identifier without a safe tail is masked whole); remove
 * emits nothing. The scanning itself is in scan.c, the whole-buffer and streaming entry
 * points in stream.c.
 */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "config/config.h"
#include "pii/internal.h"
#include "pii/names.h"
#include "util/util.h"

static const char *const category_names[] = {
        [CAT_PERSONAL] = "personal", [CAT_FINANCIAL] = "financial", [CAT_HEALTH] = "health",
        [CAT_LOCATION] = "location", [CAT_COMM] = "communication", [CAT_DIGITAL] = "digital",
};

unsigned pii_type_count(void)
{
        return _T_MAX;
}

const char *pii_type_name(unsigned type)
{
        return type < _T_MAX ? pii_types[type].name : NULL;
}

const char *pii_type_category(unsigned type)
{
        return type < _T_MAX ? category_names[pii_types[type].category] : NULL;
}

int pii_type_from_name(const char *name)
{
        for (unsigned i = 0; i < _T_MAX; i++)
                if (streq(pii_types[i].name, name))
                        return (int)i;
        return -ENOENT;
}

unsigned pii_detector_count(void)
{
        return pii_n_patterns + _ND_MAX;
}

const char *pii_detector_name(unsigned detector)
{
        if (detector >= pii_n_patterns)
                return pii_names_detector_name(detector - pii_n_patterns);
        return pii_patterns[detector].name;
}

/* ---- redactor ------------------------------------------------------------ */

int pii_redactor_new_engine(int strategy, const uint8_t *key, size_t key_len,
                            enum pii_engine engine, struct pii_redactor **ret)
{
        _cleanup_(pii_redactor_freep) struct pii_redactor *r = NULL;
        int e;

        if (strategy < REDACT_MASK || strategy > REDACT_REMOVE)
                return -EINVAL;
        if (strategy == REDACT_HASH && (!key || key_len == 0))
                return -ENOKEY;
        if (key && key_len != sizeof(r->key))
                return -EINVAL;
        r = calloc(1, sizeof(*r));
        if (!r)
                return -ENOMEM;
        r->strategy = strategy;
        r->names = true; /* pii_detect_names: true (CONTRACTS §5) */
        if (key) {
                memcpy(r->key, key, sizeof(r->key));
                r->has_key = true;
        }
        e = pii_engine_init(r, engine);
        if (e < 0)
                return e;
        *ret = TAKE_PTR(r);
        return 0;
}

void pii_redactor_set_names(struct pii_redactor *r, bool on)
{
        r->names = on;
}

int pii_redactor_new(int strategy, const uint8_t *key, size_t key_len, struct pii_redactor **ret)
{
        return pii_redactor_new_engine(strategy, key, key_len, PII_ENGINE_AUTO, ret);
}

void pii_redactor_free(struct pii_redactor *r)
{
        if (!r)
                return;
        pii_engine_free(r);
        explicit_bzero(r->key, sizeof(r->key));
        free(r);
}

const char *pii_redactor_engine(const struct pii_redactor *r)
{
        return r->use_hs ? "hyperscan+pcre2" : "pcre2";
}

const char *pii_redactor_engine_note(const struct pii_redactor *r)
{
        return r->use_hs ? NULL : r->engine_note;
}

const uint64_t *pii_redactor_counts(const struct pii_redactor *r)
{
        return r->counts;
}

void pii_redactor_reset_counts(struct pii_redactor *r)
{
        memset(r->counts, 0, sizeof(r->counts));
}

/* ---- strategies ---------------------------------------------------------- */

static int emit_partial_last4(const struct pii_finding *f, const char *v, pii_emit_fn emit,
                              void *userdata)
{
        char out[64];
        size_t n = (size_t)(f->end - f->start), alnum = 0, seen = 0;

        for (size_t i = 0; i < n; i++)
                alnum += isalnum((unsigned char)v[i]) != 0;
        if (n > sizeof(out) || alnum < 8)
                return -EAGAIN; /* too short to show a tail safely: mask */
        for (size_t i = 0; i < n; i++) {
                bool an = isalnum((unsigned char)v[i]);

                out[i] = an && seen < alnum - 4 ? '*' : v[i];
                seen += an;
        }
        return emit(userdata, out, n);
}

static int emit_partial_email(const struct pii_finding *f, const char *v, pii_emit_fn emit,
                              void *userdata)
{
        size_t n = (size_t)(f->end - f->start);
        const char *at = memchr(v, '@', n);
        int e;

        if (!at || at == v)
                return -EAGAIN;
        e = emit(userdata, v, 1);
        if (e >= 0)
                e = emit(userdata, "***", 3);
        if (e >= 0)
                e = emit(userdata, at, (size_t)(v + n - at));
        return e;
}

int pii_emit_replacement(struct pii_redactor *r, const struct pii_finding *f, const char *value,
                         pii_emit_fn emit, void *userdata)
{
        const struct pii_type_info *t = &pii_types[f->type];
        const char *name;
        char tag[128];
        size_t len;
        int n, e;

        switch (r->strategy) {
        case REDACT_REMOVE:
                return 0;
        case REDACT_HASH: {
                uint8_t mac[32];
                unsigned mlen = 0;
                char hex[65];

                if (!r->has_key ||
                    !HMAC(EVP_sha256(), r->key, sizeof(r->key), (const unsigned char *)value,
                          (size_t)(f->end - f->start), mac, &mlen))
                        return -ENOKEY;
                hex_encode(mac, 6, hex);
                n = snprintf(tag, sizeof(tag), "[%s:%s]", pii_marker_name(r, f->type), hex);
                return emit(userdata, tag, (size_t)n);
        }
        case REDACT_PARTIAL:
                e = -EAGAIN;
                if (t->partial == PARTIAL_LAST4)
                        e = emit_partial_last4(f, value, emit, userdata);
                else if (t->partial == PARTIAL_EMAIL)
                        e = emit_partial_email(f, value, emit, userdata);
                if (e != -EAGAIN)
                        return e;
                break;
        default:
                break;
        }
        /* "[TYPE]" by hand: one finding in ten bytes of a log, and snprintf was 4 % of it */
        name = pii_marker_name(r, f->type);
        len = strlen(name);
        if (len + 2 > sizeof(tag))
                return -ENAMETOOLONG; /* the names are the tables' own, none near this */
        tag[0] = '[';
        memcpy(tag + 1, name, len);
        tag[len + 1] = ']';
        return emit(userdata, tag, len + 2);
}

/* ---- key file -------------------------------------------------------------- */

int pii_key_load(const char *path, uint8_t key[32])
{
        _cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        struct stat st;
        char text[80];
        ssize_t n;

        if (fd < 0)
                return -errno;
        if (fstat(fd, &st) < 0)
                return -errno;
        if (!S_ISREG(st.st_mode))
                return -EBADMSG;
        if (st.st_mode & 0077)
                return -EPERM;
        n = read(fd, text, sizeof(text) - 1);
        if (n < 0)
                return -errno;
        while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r'))
                n--;
        text[n] = 0;
        if (n != 64 || hex_decode(text, key, 32) < 0)
                return -EBADMSG;
        return 0;
}

int pii_key_load_or_create(const char *path, uint8_t key[32])
{
        uint8_t k[32];
        char text[66];
        int e = pii_key_load(path, key), fd;

        if (e != -ENOENT)
                return e;
        if (getrandom(k, sizeof(k), 0) != (ssize_t)sizeof(k))
                return -EIO;
        hex_encode(k, sizeof(k), text);
        text[64] = '\n';
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) {
                explicit_bzero(k, sizeof(k));
                return errno == EEXIST ? pii_key_load(path, key) : -errno;
        }
        e = write_all(fd, text, 65);
        if (e >= 0 && fsync(fd) < 0)
                e = -errno;
        close(fd);
        explicit_bzero(text, sizeof(text));
        if (e < 0) {
                unlink(path);
                explicit_bzero(k, sizeof(k));
                return e;
        }
        memcpy(key, k, 32);
        explicit_bzero(k, sizeof(k));
        return 0;
}
