/* pii: finding and redacting personal data and secrets (CONTRACTS §8).
 *
 * A redactor is built once per process (pattern tables, compiled engines) and reused for
 * every text. pii_redact() writes the redacted text to `out` and counts the findings.
 * It never truncates: the output buffer's cap applies, and hitting it is -E2BIG.
 * Failure is never a pass-through: callers must treat any error as "do not release the text".
 */
#pragma once

#include <stdint.h>

#include "util/util.h"

struct pii_redactor;

/* strategy: enum redaction_strategy of config.h; key: the project's HMAC key for `hash`
 * (may be NULL for the other strategies). */
int pii_redactor_new(int strategy, const uint8_t *key, size_t key_len, struct pii_redactor **ret);
void pii_redactor_free(struct pii_redactor *r);

/* Redact `len` bytes of `in` into `out` (appended). *ret_count gets the number of findings. */
int pii_redact(struct pii_redactor *r, const char *in, size_t len, struct buf *out,
               size_t *ret_count);
