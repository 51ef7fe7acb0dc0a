/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pii: finding and redacting personal data and secrets (CONTRACTS §8).
 *
 * A redactor is built once per process (pattern tables, compiled engines) and reused for
 * every text. It is not thread-safe: it owns the scan scratch space, so use one per thread.
 *
 * Detection: one table of detectors (src/pii/patterns.c), each a regex with a type, a
 * priority, a score and an optional validator (Luhn, mod-97, Base58Check, ...). Where the
 * build has Hyperscan, one database of all patterns (serialized at build time) is the
 * prefilter and PCRE2-JIT recovers the exact span on a bounded window; otherwise PCRE2 runs
 * the same table alone. Both give identical findings. Overlaps are resolved by priority.
 *
 * Offsets are bytes, end exclusive. The matched text is never copied into a finding.
 * pii_redact() never truncates: the output buffer's cap applies, and hitting it is -E2BIG.
 * Failure is never a pass-through: callers must treat any error as "do not release the text".
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

struct pii_redactor;

/* The longest span any detector can match (a PEM private key block). Streaming keeps this
 * much of the previous chunk, so matches across chunk boundaries are found. */
#define PII_MAX_SPAN 16384

enum pii_engine {
        PII_ENGINE_AUTO,  /* Hyperscan when built in and usable on this CPU, else PCRE2 */
        PII_ENGINE_HS,    /* -EOPNOTSUPP when not built in or not usable */
        PII_ENGINE_PCRE2,
};

struct pii_finding {
        uint64_t start, end; /* byte offsets into the input, end exclusive */
        uint16_t type;       /* index for pii_type_name() */
        uint16_t detector;   /* index for pii_detector_name() */
        float score;         /* 0..1 */
};

/* ---- types and detectors ------------------------------------------------ */

unsigned pii_type_count(void);
/* "EMAIL_ADDRESS", ...; NULL when out of range. */
const char *pii_type_name(unsigned type);
/* "personal", "financial", "health", "location", "communication" or "digital". */
const char *pii_type_category(unsigned type);
/* -ENOENT when unknown. */
int pii_type_from_name(const char *name);
unsigned pii_detector_count(void);
const char *pii_detector_name(unsigned detector);

/* ---- redactor ------------------------------------------------------------ */

/* strategy: enum redaction_strategy of config.h (mask, hash, partial, remove); key: the
 * project's HMAC key for `hash` (required for it: -ENOKEY without; may be NULL otherwise). */
int pii_redactor_new(int strategy, const uint8_t *key, size_t key_len, struct pii_redactor **ret);
int pii_redactor_new_engine(int strategy, const uint8_t *key, size_t key_len,
                            enum pii_engine engine, struct pii_redactor **ret);
void pii_redactor_free(struct pii_redactor *r);
/* redaction_markers: akios: markers (mask, hash) use AKIOS's names ([EMAIL], [PHONE_US],
 * [SSN], ...) where AKIOS had the type; types, counts and findings keep akios's names. */
void pii_redactor_set_akios_markers(struct pii_redactor *r, bool on);
/* The marker name the redactor writes for a type. */
const char *pii_marker_name(const struct pii_redactor *r, unsigned type);
DEFINE_CLEANUP_FUNC(struct pii_redactor, pii_redactor_free);
/* PERSON, STREET_ADDRESS and LOCATION (config `pii_detect_names`); on when created. */
void pii_redactor_set_names(struct pii_redactor *r, bool on);
/* "hyperscan+pcre2" or "pcre2". */
const char *pii_redactor_engine(const struct pii_redactor *r);
/* Why this redactor runs PCRE2 alone although it was not asked to (no Hyperscan in the
 * build, a CPU without SSSE3, a database that does not load); NULL otherwise. PCRE2 alone is
 * about ten times slower: callers say so rather than fall back silently. */
const char *pii_redactor_engine_note(const struct pii_redactor *r);

/* Per-type finding counts since creation (or the last reset), pii_type_count() entries.
 * Every scan and redaction through this redactor adds to them. */
const uint64_t *pii_redactor_counts(const struct pii_redactor *r);
void pii_redactor_reset_counts(struct pii_redactor *r);

/* Redact `len` bytes of `in` into `out` (appended). *ret_count gets the number of findings. */
int pii_redact(struct pii_redactor *r, const char *in, size_t len, struct buf *out,
               size_t *ret_count);

/* All findings of one buffer, sorted by start, overlaps resolved. *ret is malloc'ed (NULL
 * when there are none); at most `max` findings (-E2BIG beyond; 0 means no cap). */
int pii_scan(struct pii_redactor *r, const char *in, size_t len, size_t max,
             struct pii_finding **ret, size_t *ret_n);

/* ---- streaming ----------------------------------------------------------- */

/* Inputs of any size, fed in pieces of any size; memory stays bounded (about 1 MiB plus
 * PII_MAX_SPAN). Matches across piece boundaries are found. `emit` receives the redacted text
 * in order (NULL: scan only); `on_finding` each finding with absolute offsets, in order
 * (may be NULL). A callback returning < 0 aborts the stream with that error. */
typedef int (*pii_emit_fn)(void *userdata, const char *p, size_t n);
typedef int (*pii_finding_fn)(void *userdata, const struct pii_finding *f);
struct pii_stream;

int pii_stream_new(struct pii_redactor *r, pii_emit_fn emit, pii_finding_fn on_finding,
                   void *userdata, struct pii_stream **ret);
int pii_stream_feed(struct pii_stream *s, const char *p, size_t n);
/* The same without a copy: the window's free room (*ret, *ret_n > 0 bytes), into which the
 * caller writes (read(2)), then hands over the n bytes written. pii_stream_space() gives the
 * same room until pii_stream_commit(); a commit of more than the room fails the stream. */
int pii_stream_space(struct pii_stream *s, char **ret, size_t *ret_n);
int pii_stream_commit(struct pii_stream *s, size_t n);
/* Flush the tail. After an error from feed, commit or finish, nothing more is emitted. */
int pii_stream_finish(struct pii_stream *s);
void pii_stream_free(struct pii_stream *s);
DEFINE_CLEANUP_FUNC(struct pii_stream, pii_stream_free);

/* ---- the per-project HMAC key --------------------------------------------- */

/* Load a 32-byte key kept as 64 hex digits in `path` (the project's `audit/pii.key`), or
 * create it (mode 0600, O_EXCL, from getrandom) when it does not exist. A key file readable
 * by group or others is refused with -EPERM; a malformed one is -EBADMSG. */
int pii_key_load_or_create(const char *path, uint8_t key[32]);
/* Load only; -ENOENT when missing. */
int pii_key_load(const char *path, uint8_t key[32]);
