/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-pii: pii_scan() and pii_redact() on arbitrary bytes, with three oracles:
 *   - the Hyperscan+PCRE2 engine and the PCRE2-only engine give identical findings
 *     (pii.h promises it; skipped when Hyperscan is not built in or not usable here);
 *   - the streaming API, fed in pieces of a size taken from the first input byte, reports
 *     the same findings as one pii_scan() of the whole text;
 *   - findings are sorted, non-overlapping and inside the input.
 * pii_redact() runs with every strategy (hash with a fixed key).
 */
#include <stdint.h>
#include <stdio.h>

#include "fuzz.h"
#include "config/config.h"
#include "pii/pii.h"

static const uint8_t fuzz_key[32] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

struct collected {
        struct pii_finding f[4096];
        size_t n;
        bool overflow;
};

static int on_finding(void *userdata, const struct pii_finding *f)
{
        struct collected *c = userdata;

        if (c->n == ARRAY_SIZE(c->f)) {
                c->overflow = true;
                return 0;
        }
        c->f[c->n++] = *f;
        return 0;
}

static bool same_finding(const struct pii_finding *a, const struct pii_finding *b)
{
        return a->start == b->start && a->end == b->end && a->type == b->type &&
               a->detector == b->detector;
}

static void check_sorted(const struct pii_finding *f, size_t n, size_t len)
{
        for (size_t i = 0; i < n; i++) {
                if (f[i].start >= f[i].end || f[i].end > len || f[i].type >= pii_type_count())
                        abort();
                if (i > 0 && f[i].start < f[i - 1].end)
                        abort();
        }
}

static void fuzz_stream(struct pii_redactor *r, const char *p, size_t len, size_t piece,
                        const struct pii_finding *want, size_t n_want)
{
        static struct collected got;
        _cleanup_(pii_stream_freep) struct pii_stream *s = NULL;

        got.n = 0;
        got.overflow = false;
        if (pii_stream_new(r, NULL, on_finding, &got, &s) < 0)
                return;
        for (size_t off = 0; off < len; off += piece)
                if (pii_stream_feed(s, p + off, MIN(piece, len - off)) < 0)
                        return;
        if (pii_stream_finish(s) < 0 || got.overflow)
                return;
        if (got.n != n_want)
                abort();
        for (size_t i = 0; i < n_want; i++)
                if (!same_finding(&got.f[i], &want[i]))
                        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static struct pii_redactor *pcre, *hs, *red[4];
        static bool init;
        _cleanup_free_ struct pii_finding *f1 = NULL, *f2 = NULL;
        size_t n1 = 0, n2 = 0, count;
        const char *p = (const char *)data + 1;
        size_t len = size - 1;

        if (!init) {
                if (pii_redactor_new_engine(REDACT_MASK, NULL, 0, PII_ENGINE_PCRE2, &pcre) < 0)
                        abort();
                if (pii_redactor_new_engine(REDACT_MASK, NULL, 0, PII_ENGINE_HS, &hs) < 0)
                        hs = NULL;
                for (int s = REDACT_MASK; s <= REDACT_REMOVE; s++)
                        if (pii_redactor_new(s, fuzz_key, sizeof(fuzz_key), &red[s]) < 0)
                                abort();
                init = true;
        }
        if (size < 1 || size > FUZZ_MAX_INPUT)
                return 0;
        if (pii_scan(pcre, p, len, 0, &f1, &n1) < 0)
                abort();
        check_sorted(f1, n1, len);
        if (hs) {
                if (pii_scan(hs, p, len, 0, &f2, &n2) < 0 || n2 != n1)
                        abort();
                for (size_t i = 0; i < n1; i++)
                        if (!same_finding(&f1[i], &f2[i]))
                                abort();
        }
        fuzz_stream(pcre, p, len, (size_t)data[0] * 7 + 1, f1, n1);
        for (size_t s = 0; s < ARRAY_SIZE(red); s++) {
                struct buf out = BUF_INIT(4 * len + 4096);

                if (pii_redact(red[s], p, len, &out, &count) == 0 && count != n1)
                        abort();
                buf_free(&out);
        }
        return 0;
}
