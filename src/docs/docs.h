/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docs: documents (PDF, DOCX, XLSX, PPTX, ODF, RTF, HTML, e-mail) to text, with the parsing
 * done inside the cage.
 *
 * Two halves:
 *   - in libakios (the supervisor): docs_sniff() looks at the first bytes and says whether a
 *     file is a document at all (magic bytes only, no parsing), and docs_extract() runs the
 *     helper `akios-extract` through cage_run() (the child half of tool steps: no network, no
 *     file system but its input on fd 0 and its output pipe, memory, CPU-time and output caps)
 *     and checks what it wrote. The supervisor never runs a document parser itself.
 *   - src/docs/extract/ is the helper: it reads fd 0, locks itself down with a second, tighter
 *     seccomp allowlist (memory and write only), detects the exact format by content (ZIP
 *     members for OOXML/ODF), and writes its answer to fd 1.
 *
 * The helper's answer (the framing the supervisor parses, capped): one line of JSON, then
 * exactly "text_bytes" bytes of UTF-8 text.
 *     {"format":"pdf","pages":3,"title":...,"author":...,"creator":...,"producer":...,
 *      "notes":[...],"attachments":[...],"text_bytes":N}\n<text>
 * or, on failure (exit 1): {"error":"encrypted|malformed|limit|unsupported","message":"..."}
 * Metadata strings are the document's own: the engine redacts them like all step results.
 *
 * Caps (STYLE rule 4): the text is at most DOCS_MAX_TEXT bytes, a ZIP member at most
 * DOCS_MAX_MEMBER uncompressed bytes, all members together DOCS_MAX_UNZIPPED, nesting
 * DOCS_MAX_DEPTH; a member that has inflated past DOCS_BOMB_FLOOR bytes at more than
 * DOCS_MAX_RATIO times its compressed size is a bomb (real Office XML compresses 5-50 times;
 * deflate's ceiling is about 1000). Hitting one is a clear error naming it, never a truncated success.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

#define DOCS_MAX_TEXT (64u << 20)
#define DOCS_MAX_MEMBER (128u << 20)
#define DOCS_MAX_UNZIPPED (512u << 20)
#define DOCS_MAX_DEPTH 200
#define DOCS_BOMB_FLOOR (8u << 20)
#define DOCS_MAX_RATIO 200u
#define DOCS_MAX_META (1u << 20)
#define DOCS_SNIFF_BYTES 4096
#define DOCS_HELPER "akios-extract"

enum docs_kind {
        DOCS_TEXT,      /* not a document: read as it is */
        DOCS_PDF,
        DOCS_ZIP,       /* OOXML or ODF (or another ZIP: the helper decides) */
        DOCS_RTF,
        DOCS_HTML,
        DOCS_MAIL,      /* .eml or mbox */
        _DOCS_KIND_MAX,
};

/* The kind of a file from its first bytes (up to DOCS_SNIFF_BYTES). Never parses. */
int docs_sniff(const char *data, size_t len);
const char *docs_kind_name(int kind);

struct docs_limits {
        uint64_t memory_mb;     /* cage memory (memory_limit_mb) */
        uint64_t cpu_time_s;    /* RLIMIT_CPU of the helper */
        uint64_t wall_time_ms;
        double cpu_fraction;
        bool strict;            /* sandbox_required: strict */
};

void docs_limits_defaults(struct docs_limits *l);

struct docs_result {
        char *text;             /* NUL-terminated, valid UTF-8 */
        size_t text_len;
        json_t *meta;           /* the helper's metadata object (format, pages, ...) */
        json_t *cage;           /* the cage record (CONTRACTS §7) */
};

void docs_result_free(struct docs_result *r);

/* Extract the document open on fd (read from its start: the fd is the helper's fd 0).
 * Returns 0 with *ret filled, or -errno with d->msg saying what went wrong, and *ret_exit the
 * exit class of CONTRACTS §2: 1 for a bad document (malformed, encrypted, a cap hit, the
 * helper crashed), 5 when the cage stopped it for a limit (memory, CPU time, output, seccomp),
 * 7 when strict mode lacks a cage layer. */
int docs_extract(int fd, const struct docs_limits *l, struct docs_result *ret, int *ret_exit,
                 struct diag *d);

/* Where the helper is: $AKIOS_EXTRACT, else beside the running binary. *ret is malloc'd. */
int docs_helper_path(char **ret);
