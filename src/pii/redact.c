/* Redaction seam. No detectors are wired in yet: the text passes with zero findings.
 * The PII issue replaces this file with the real engine behind the same interface.
 */
#include "pii/pii.h"

struct pii_redactor {
        int strategy;
};

int pii_redactor_new(int strategy, const uint8_t *key, size_t key_len, struct pii_redactor **ret)
{
        struct pii_redactor *r = calloc(1, sizeof(*r));

        if (!r)
                return -ENOMEM;
        r->strategy = strategy;
        *ret = r;
        return 0;
}

void pii_redactor_free(struct pii_redactor *r)
{
        free(r);
}

int pii_redact(struct pii_redactor *r, const char *in, size_t len, struct buf *out,
               size_t *ret_count)
{
        int e = buf_append(out, in, len);

        if (e < 0)
                return e;
        *ret_count = 0;
        return 0;
}
