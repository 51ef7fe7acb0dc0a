/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document extractor's insides (akios-extract, src/docs/docs.h): one entry point per
 * format family, each filling a struct dx with text and metadata, or failing through
 * dx_fail() with a kind ("malformed", "encrypted", "limit", "unsupported") and a message.
 * Entry points never print and never exit; they are what the fuzz targets call.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "docs/docs.h"

struct dx {
        struct buf text;        /* capped at DOCS_MAX_TEXT */
        json_t *meta;           /* object: format, pages, title, author, ... */
        char kind[16];          /* failure kind, "" while none */
        char msg[512];
        size_t unzipped;        /* uncompressed ZIP bytes read so far */
        unsigned depth;
};

int dx_init(struct dx *x);
void dx_done(struct dx *x);

/* Fail: records the first failure only; returns -err. */
int dx_fail(struct dx *x, const char *kind, int err, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
/* Append text: invalid UTF-8 bytes become U+FFFD, NULs and other C0 controls but \t \n \f
 * are dropped. Past DOCS_MAX_TEXT: dx_fail("limit"). */
int dx_text(struct dx *x, const char *p, size_t n);
/* Append ISO-8859-1 / windows-1252 bytes as UTF-8. */
int dx_text_cp1252(struct dx *x, const char *p, size_t n);
int dx_codepoint(struct dx *x, unsigned long cp);
/* A marker line "--- page 3 ---" (on a line of its own). */
int dx_marker(struct dx *x, const char *what, unsigned n, const char *name);
/* A newline unless the text already ends with one (or is empty). */
int dx_newline(struct dx *x);
void dx_meta_str(struct dx *x, const char *key, const char *val, size_t len);
void dx_meta_int(struct dx *x, const char *key, long long v);
void dx_note(struct dx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dx_attachment(struct dx *x, const char *name, const char *type, size_t bytes);

/* The format families (the fuzz targets' entry points). */
int dx_pdf(struct dx *x, const char *data, size_t len);
/* Load Poppler's global tables before the helper locks itself down. */
void dx_pdf_warmup(void);
int dx_zip(struct dx *x, const char *data, size_t len);
int dx_rtf(struct dx *x, const char *data, size_t len);
int dx_html(struct dx *x, const char *data, size_t len);
int dx_mail(struct dx *x, const char *data, size_t len);
/* Detect (docs_sniff) and run the family; plain text is copied. */
int dx_any(struct dx *x, const char *data, size_t len);

#ifdef __cplusplus
}
#endif
