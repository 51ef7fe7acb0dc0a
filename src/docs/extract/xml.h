/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Streaming XML over ZIP members (zip.c, ooxml.c): a member is parsed as it is inflated, so
 * memory stays small whatever it expands to, and the bytes are counted against
 * DOCS_MAX_MEMBER and DOCS_MAX_UNZIPPED as they come. */
#pragma once

#include <libxml/xmlreader.h>
#include <zip.h>

#include "docs/extract/internal.h"

struct xmember {
        struct dx *x;
        zip_file_t *f;
        char name[256];
        size_t read;
        size_t comp_size;       /* the member's compressed size (libzip reads no more) */
        char err[300];          /* the parser's first error, with its position */
        xmlTextReaderPtr r;
};

/* Open a member for streaming: 0, -ENOENT when there is none, or dx_fail(). */
int xm_open(struct dx *x, zip_t *z, const char *name, struct xmember *m);
/* Next node: 1, 0 at the end, or dx_fail() ("malformed" with the parser's message). */
int xm_next(struct xmember *m);
void xm_close(struct xmember *m);
/* The current node's local name ("" for text). */
const char *xm_name(struct xmember *m);
bool xm_is(struct xmember *m, const char *name);
/* The value of an attribute (local name, any namespace); malloc'd, or NULL. */
char *xm_attr(struct xmember *m, const char *local);
/* The r:id attribute (relationships namespace, transitional or strict). */
char *xm_rel_id(struct xmember *m);
/* Does the archive hold the member? */
bool xm_has(zip_t *z, const char *name);

int ooxml_docx(struct dx *x, zip_t *z);
int ooxml_xlsx(struct dx *x, zip_t *z);
int ooxml_pptx(struct dx *x, zip_t *z);
int ooxml_core(struct dx *x, zip_t *z);
int odf_read(struct dx *x, zip_t *z);
