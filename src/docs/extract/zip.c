/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ZIP containers (libzip): which Office family an archive is, from its members (never its
 * name), and the streaming XML reader over members that ooxml.c and odf.c use. libxml2 runs
 * with no network, no DTD loading and no entity substitution, and keeps its default depth
 * limit (256), so entity tricks and deep nesting end as parse errors. */
#include <stdio.h>
#include <stdlib.h>

#include "docs/extract/xml.h"

#define ZIP_MAX_ENTRIES 100000

static int member_read(void *ctx, char *out, int len)
{
        struct xmember *m = ctx;
        zip_int64_t n = zip_fread(m->f, out, (zip_uint64_t)len);

        if (n < 0) {
                dx_fail(m->x, "malformed", EBADMSG, "cannot inflate '%s': %s", m->name,
                        zip_file_strerror(m->f));
                return -1;
        }
        m->read += (size_t)n;
        m->x->unzipped += (size_t)n;
        if (m->read > DOCS_MAX_MEMBER) {
                dx_fail(m->x, "limit", E2BIG, "member '%s' expands past %u MiB "
                        "(decompression bomb?)", m->name, DOCS_MAX_MEMBER >> 20);
                return -1;
        }
        if (m->read > DOCS_BOMB_FLOOR && m->comp_size &&
            m->read / m->comp_size > DOCS_MAX_RATIO) {
                dx_fail(m->x, "limit", E2BIG, "member '%s' expands more than %u times "
                        "(decompression bomb?)", m->name, DOCS_MAX_RATIO);
                return -1;
        }
        if (m->x->unzipped > DOCS_MAX_UNZIPPED) {
                dx_fail(m->x, "limit", E2BIG, "the archive expands past %u MiB "
                        "(decompression bomb?)", DOCS_MAX_UNZIPPED >> 20);
                return -1;
        }
        return (int)n;
}

static int member_close(void *ctx)
{
        return 0;
}

static void on_error(void *ctx, xmlErrorPtr e)
{
        struct xmember *m = ctx;
        size_t n;

        if (m->err[0] || !e || e->level < XML_ERR_ERROR)
                return;
        snprintf(m->err, sizeof(m->err), "line %d column %d: %s", e->line, e->int2,
                 e->message ? e->message : "error");
        n = strlen(m->err);
        if (n && m->err[n - 1] == '\n')
                m->err[n - 1] = '\0';
}

bool xm_has(zip_t *z, const char *name)
{
        return zip_name_locate(z, name, 0) >= 0;
}

int xm_open(struct dx *x, zip_t *z, const char *name, struct xmember *m)
{
        zip_int64_t idx = zip_name_locate(z, name, 0);

        *m = (struct xmember){ .x = x };
        snprintf(m->name, sizeof(m->name), "%s", name);
        if (idx < 0)
                return -ENOENT;
        {
                zip_stat_t st;

                if (zip_stat_index(z, (zip_uint64_t)idx, 0, &st) == 0 &&
                    (st.valid & ZIP_STAT_COMP_SIZE))
                        m->comp_size = (size_t)st.comp_size;
                if (!m->comp_size)
                        m->comp_size = 1;
        }
        m->f = zip_fopen_index(z, (zip_uint64_t)idx, 0);
        if (!m->f) {
                zip_error_t *ze = zip_get_error(z);

                if (zip_error_code_zip(ze) == ZIP_ER_NOPASSWD ||
                    zip_error_code_zip(ze) == ZIP_ER_WRONGPASSWD)
                        return dx_fail(x, "encrypted", EACCES, "member '%s' is encrypted; "
                                       "akios does not guess passwords", name);
                return dx_fail(x, "malformed", EBADMSG, "cannot open member '%s': %s", name,
                               zip_error_strerror(ze));
        }
        m->r = xmlReaderForIO(member_read, member_close, m, name, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
        if (!m->r) {
                zip_fclose(m->f);
                m->f = NULL;
                return dx_fail(x, "limit", ENOMEM, "cannot start the XML parser");
        }
        xmlTextReaderSetStructuredErrorHandler(m->r, on_error, m);
        return 0;
}

int xm_next(struct xmember *m)
{
        int r = xmlTextReaderRead(m->r);

        if (r == 1)
                return 1;
        if (m->x->kind[0])
                return -EBADMSG;
        if (r == 0 && !m->err[0])
                return 0;
        return dx_fail(m->x, "malformed", EBADMSG, "malformed XML in '%s': %s", m->name,
                       m->err[0] ? m->err : "parse error");
}

void xm_close(struct xmember *m)
{
        if (m->r)
                xmlFreeTextReader(m->r);
        if (m->f)
                zip_fclose(m->f);
        m->r = NULL;
        m->f = NULL;
}

const char *xm_name(struct xmember *m)
{
        const xmlChar *n = xmlTextReaderConstLocalName(m->r);

        return n ? (const char *)n : "";
}

bool xm_is(struct xmember *m, const char *name)
{
        return streq(xm_name(m), name);
}

char *xm_attr(struct xmember *m, const char *local)
{
        char *v = NULL;

        if (xmlTextReaderMoveToFirstAttribute(m->r) != 1)
                return NULL;
        do {
                const xmlChar *n = xmlTextReaderConstLocalName(m->r);

                if (n && streq((const char *)n, local)) {
                        const xmlChar *val = xmlTextReaderConstValue(m->r);

                        v = val ? strdup((const char *)val) : NULL;
                        break;
                }
        } while (xmlTextReaderMoveToNextAttribute(m->r) == 1);
        xmlTextReaderMoveToElement(m->r);
        return v;
}

int dx_zip(struct dx *x, const char *data, size_t len)
{
        zip_error_t ze;
        zip_source_t *src;
        zip_t *z;
        int r;

        zip_error_init(&ze);
        src = zip_source_buffer_create(data, len, 0, &ze);
        if (!src) {
                zip_error_fini(&ze);
                return dx_fail(x, "limit", ENOMEM, "cannot read the archive");
        }
        z = zip_open_from_source(src, ZIP_RDONLY, &ze);
        if (!z) {
                zip_source_free(src);
                r = dx_fail(x, "malformed", EBADMSG, "not a readable ZIP archive (damaged or "
                            "truncated): %s", zip_error_strerror(&ze));
                zip_error_fini(&ze);
                return r;
        }
        zip_error_fini(&ze);
        if (zip_get_num_entries(z, 0) > ZIP_MAX_ENTRIES)
                r = dx_fail(x, "limit", E2BIG, "the archive has more than %d members",
                            ZIP_MAX_ENTRIES);
        else if (xm_has(z, "word/document.xml"))
                r = ooxml_docx(x, z);
        else if (xm_has(z, "xl/workbook.xml"))
                r = ooxml_xlsx(x, z);
        else if (xm_has(z, "ppt/presentation.xml"))
                r = ooxml_pptx(x, z);
        else if (xm_has(z, "content.xml"))
                r = odf_read(x, z);
        else
                r = dx_fail(x, "unsupported", ENOTSUP, "a ZIP archive that is not an Office "
                            "document (no word/, xl/, ppt/ or ODF content.xml member)");
        zip_discard(z);
        return r;
}

char *xm_rel_id(struct xmember *m)
{
        static const char *const ns[] = {
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "http://purl.oclc.org/ooxml/officeDocument/relationships",
        };

        for (size_t i = 0; i < ARRAY_SIZE(ns); i++) {
                xmlChar *v = xmlTextReaderGetAttributeNs(m->r, (const xmlChar *)"id",
                                                         (const xmlChar *)ns[i]);

                if (v) {
                        char *s = strdup((char *)v);

                        xmlFree(v);
                        return s;
                }
        }
        return NULL;
}
