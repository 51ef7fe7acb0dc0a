/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Office Open XML (DOCX, XLSX, PPTX) and OpenDocument (ODT, ODS, ODP) to text, streaming each
 * member (xml.h). Reading order is document order: DOCX body paragraphs; XLSX sheets in
 * workbook order, rows as lines and cells separated by tabs, "--- sheet N: name ---"; PPTX
 * slides in presentation order, "--- slide N ---". Headers, footers, comments and speaker
 * notes are not read. Metadata: docProps/core.xml and app.xml, ODF meta.xml.
 */
#include <stdio.h>
#include <stdlib.h>

#include "docs/extract/xml.h"

#define CELL_MAX (1u << 20)
#define RELS_MAX 100000

struct walk_rules {
        const char *const *text_in;     /* text counts inside these; NULL: everywhere */
        const char *const *line_end;    /* the end of these ends a line */
        const char *const *cell_end;    /* the end of these adds a tab */
        const char *const *tabs;        /* a tab */
        const char *const *breaks;      /* a line break */
        const char *const *skip;        /* whole subtrees ignored */
        bool odf_spaces;                /* text:s c="N" */
};

static bool in_list(const char *const *l, const char *name)
{
        for (; l && *l; l++)
                if (streq(*l, name))
                        return true;
        return false;
}

static int skip_subtree(struct xmember *m)
{
        int r = xmlTextReaderNext(m->r);

        if (r == 1)
                return 1;
        return xm_next(m) < 0 ? -EBADMSG : 0;
}

/* One node of a text walk; inside[0] counts open text_in elements, inside[1] open cells
 * (where a paragraph's end is a space, not a new line: the row ends the line). */
static int walk_node(struct xmember *m, const struct walk_rules *w, unsigned *inside)
{
        int type = xmlTextReaderNodeType(m->r);
        const char *name = xm_name(m);
        bool empty = xmlTextReaderIsEmptyElement(m->r) == 1;

        if (type == XML_READER_TYPE_ELEMENT) {
                if (in_list(w->skip, name) && !empty)
                        return 2;
                if (in_list(w->text_in, name) && !empty)
                        inside[0]++;
                if (in_list(w->cell_end, name) && !empty)
                        inside[1]++;
                if (in_list(w->tabs, name))
                        return dx_text(m->x, "\t", 1);
                if (in_list(w->breaks, name))
                        return dx_text(m->x, "\n", 1);
                if (w->odf_spaces && streq(name, "s")) {
                        _cleanup_free_ char *c = xm_attr(m, "c");
                        long n = c ? strtol(c, NULL, 10) : 1;
                        int r = 0;

                        for (long i = 0; i < n && i < 1000 && r == 0; i++)
                                r = dx_text(m->x, " ", 1);
                        return r;
                }
                if (empty && in_list(w->line_end, name))
                        return dx_text(m->x, "\n", 1);
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
                if (in_list(w->text_in, name) && inside[0])
                        inside[0]--;
                if (in_list(w->cell_end, name) && inside[1])
                        inside[1]--;
                if (in_list(w->line_end, name))
                        return dx_text(m->x, inside[1] ? " " : "\n", 1);
                if (in_list(w->cell_end, name))
                        return dx_text(m->x, "\t", 1);
        } else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
                   (!w->text_in || inside[0])) {
                const char *v = (const char *)xmlTextReaderConstValue(m->r);

                return v ? dx_text(m->x, v, strlen(v)) : 0;
        }
        return 0;
}

static int walk_member(struct dx *x, zip_t *z, const char *name, const struct walk_rules *w)
{
        struct xmember m;
        unsigned inside[2] = { 0, 0 };
        int r = xm_open(x, z, name, &m);

        if (r == -ENOENT)
                return dx_fail(x, "malformed", ENOENT, "member '%s' is missing", name);
        if (r < 0)
                return r;
        r = xm_next(&m);
        while (r == 1) {
                r = walk_node(&m, w, inside);
                if (r == 2)
                        r = skip_subtree(&m);
                else if (r == 0)
                        r = xm_next(&m);
        }
        xm_close(&m);
        return r < 0 ? r : dx_newline(x);
}

/* ---- metadata ------------------------------------------------------------------------ */

struct meta_map { const char *element, *key; bool number; };

static int read_meta(struct dx *x, zip_t *z, const char *name, const struct meta_map *map,
                     size_t n)
{
        struct xmember m;
        int r = xm_open(x, z, name, &m);

        if (r == -ENOENT)
                return 0;
        if (r < 0)
                return r;
        while ((r = xm_next(&m)) == 1) {
                if (xmlTextReaderNodeType(m.r) != XML_READER_TYPE_ELEMENT)
                        continue;
                if (xm_is(&m, "document-statistic")) {
                        _cleanup_free_ char *pc = xm_attr(&m, "page-count");

                        if (pc)
                                dx_meta_int(x, "pages", strtol(pc, NULL, 10));
                        continue;
                }
                for (size_t i = 0; i < n; i++) {
                        xmlChar *v;

                        if (!xm_is(&m, map[i].element) || xmlTextReaderIsEmptyElement(m.r))
                                continue;
                        v = xmlTextReaderReadString(m.r);
                        if (v && map[i].number && !json_object_get(x->meta, map[i].key))
                                dx_meta_int(x, map[i].key, strtol((char *)v, NULL, 10));
                        else if (v)
                                dx_meta_str(x, map[i].key, (char *)v, strlen((char *)v));
                        xmlFree(v);
                        break;
                }
        }
        xm_close(&m);
        return r < 0 ? r : 0;
}

int ooxml_core(struct dx *x, zip_t *z)
{
        static const struct meta_map core[] = { { "title", "title", false },
                                                { "creator", "author", false } };
        static const struct meta_map app[] = { { "Application", "creator", false },
                                               { "Pages", "pages", true },
                                               { "Slides", "slides", true } };
        int r = read_meta(x, z, "docProps/core.xml", core, ARRAY_SIZE(core));

        return r < 0 ? r : read_meta(x, z, "docProps/app.xml", app, ARRAY_SIZE(app));
}

/* ---- DOCX ------------------------------------------------------------------------------ */

int ooxml_docx(struct dx *x, zip_t *z)
{
        static const char *const t[] = { "t", NULL }, *const p[] = { "p", NULL },
                                 *const tab[] = { "tab", NULL }, *const br[] = { "br", "cr", NULL },
                                 *const skip[] = { "pPr", "rPr", "instrText", NULL };
        static const struct walk_rules w = { .text_in = t, .line_end = p, .tabs = tab,
                                             .breaks = br, .skip = skip };
        int r;

        dx_meta_str(x, "format", "docx", 4);
        if ((r = ooxml_core(x, z)) < 0)
                return r;
        return walk_member(x, z, "word/document.xml", &w);
}

/* ---- relationships (XLSX, PPTX) -------------------------------------------------------- */

/* Id, Target pairs of a .rels member into out (alternating). */
static int read_rels(struct dx *x, zip_t *z, const char *name, struct strv *out)
{
        struct xmember m;
        int r = xm_open(x, z, name, &m);

        if (r == -ENOENT)
                return dx_fail(x, "malformed", ENOENT, "member '%s' is missing", name);
        if (r < 0)
                return r;
        while ((r = xm_next(&m)) == 1) {
                _cleanup_free_ char *id = NULL, *target = NULL;

                if (xmlTextReaderNodeType(m.r) != XML_READER_TYPE_ELEMENT ||
                    !xm_is(&m, "Relationship"))
                        continue;
                id = xm_attr(&m, "Id");
                target = xm_attr(&m, "Target");
                if (!id || !target)
                        continue;
                if (out->n >= 2 * RELS_MAX) {
                        r = dx_fail(x, "limit", E2BIG, "'%s' has more than %d relationships",
                                    name, RELS_MAX);
                        break;
                }
                if (strv_push(out, id) < 0 || strv_push(out, target) < 0) {
                        r = dx_fail(x, "limit", ENOMEM, "out of memory");
                        break;
                }
        }
        xm_close(&m);
        return r < 0 ? r : 0;
}

/* The member a relationship id points at, relative to dir ("xl/", "ppt/"). */
static int rel_target(const struct strv *rels, const char *id, const char *dir, char *out,
                      size_t size)
{
        for (size_t i = 0; id && i + 1 < rels->n; i += 2) {
                const char *t = rels->v[i + 1];

                if (!streq(rels->v[i], id))
                        continue;
                if ((size_t)snprintf(out, size, "%s%s", t[0] == '/' ? "" : dir,
                                     t[0] == '/' ? t + 1 : t) >= size)
                        return -ENAMETOOLONG;
                return 0;
        }
        return -ENOENT;
}

/* The parts an index member lists (sheets, slides), in order: (target, name) pairs. */
static int list_parts(struct dx *x, zip_t *z, const char *index, const char *elem,
                      const char *rels_name, const char *dir, struct strv *parts)
{
        struct strv rels = { 0 };
        struct xmember m;
        int r = read_rels(x, z, rels_name, &rels);

        if (r == 0 && (r = xm_open(x, z, index, &m)) == 0) {
                while ((r = xm_next(&m)) == 1) {
                        _cleanup_free_ char *id = NULL, *name = NULL;
                        char target[512];

                        if (xmlTextReaderNodeType(m.r) != XML_READER_TYPE_ELEMENT ||
                            !xm_is(&m, elem))
                                continue;
                        id = xm_rel_id(&m);
                        name = xm_attr(&m, "name");
                        if (rel_target(&rels, id, dir, target, sizeof(target)) < 0)
                                continue;
                        if (strv_push(parts, target) < 0 ||
                            strv_push(parts, name ? name : "") < 0) {
                                r = dx_fail(x, "limit", ENOMEM, "out of memory");
                                break;
                        }
                }
                xm_close(&m);
        }
        strv_free(&rels);
        return r < 0 ? r : 0;
}

/* ---- PPTX ------------------------------------------------------------------------------ */

int ooxml_pptx(struct dx *x, zip_t *z)
{
        static const char *const t[] = { "t", NULL }, *const p[] = { "p", NULL },
                                 *const br[] = { "br", NULL }, *const skip[] = { "pPr", "rPr",
                                                                                 NULL };
        static const struct walk_rules w = { .text_in = t, .line_end = p, .breaks = br,
                                             .skip = skip };
        struct strv parts = { 0 };
        int r;

        dx_meta_str(x, "format", "pptx", 4);
        if ((r = ooxml_core(x, z)) < 0)
                return r;
        r = list_parts(x, z, "ppt/presentation.xml", "sldId", "ppt/_rels/presentation.xml.rels",
                       "ppt/", &parts);
        for (size_t i = 0; r == 0 && i + 1 < parts.n; i += 2) {
                r = dx_marker(x, "slide", (unsigned)(i / 2 + 1), NULL);
                if (r == 0)
                        r = walk_member(x, z, parts.v[i], &w);
        }
        if (r == 0)
                dx_meta_int(x, "slides", (long long)(parts.n / 2));
        strv_free(&parts);
        return r;
}

/* ---- XLSX ------------------------------------------------------------------------------ */

static int shared_strings(struct dx *x, zip_t *z, struct strv *out)
{
        struct xmember m;
        struct buf s = BUF_INIT(CELL_MAX);
        unsigned in_t = 0;
        int r = xm_open(x, z, "xl/sharedStrings.xml", &m);

        if (r == -ENOENT)
                return 0;
        if (r < 0)
                return r;
        r = xm_next(&m);
        while (r == 1) {
                int type = xmlTextReaderNodeType(m.r);

                if (type == XML_READER_TYPE_ELEMENT && xm_is(&m, "rPh") &&
                    !xmlTextReaderIsEmptyElement(m.r)) {
                        r = skip_subtree(&m);
                        continue;
                }
                if (type == XML_READER_TYPE_ELEMENT && xm_is(&m, "si"))
                        buf_reset(&s);
                if (type == XML_READER_TYPE_ELEMENT && xm_is(&m, "t") &&
                    !xmlTextReaderIsEmptyElement(m.r))
                        in_t = 1;
                if (type == XML_READER_TYPE_END_ELEMENT && xm_is(&m, "t"))
                        in_t = 0;
                if ((type == XML_READER_TYPE_TEXT ||
                     type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && in_t &&
                    buf_puts(&s, (const char *)xmlTextReaderConstValue(m.r)) < 0) {
                        r = dx_fail(x, "limit", E2BIG, "a shared string passes %u bytes",
                                    CELL_MAX);
                        break;
                }
                if (((type == XML_READER_TYPE_END_ELEMENT && xm_is(&m, "si")) ||
                     (type == XML_READER_TYPE_ELEMENT && xm_is(&m, "si") &&
                      xmlTextReaderIsEmptyElement(m.r))) &&
                    strv_push(out, s.data ? s.data : "") < 0) {
                        r = dx_fail(x, "limit", ENOMEM, "out of memory");
                        break;
                }
                r = xm_next(&m);
        }
        xm_close(&m);
        buf_free(&s);
        return r < 0 ? r : 0;
}

struct cell {
        char type[16];
        struct buf v;
        bool in_v;
        bool first;
};

static int cell_end(struct dx *x, struct cell *c, const struct strv *sst)
{
        const char *v = c->v.data ? c->v.data : "";
        int r = 0;

        if (!c->first)
                r = dx_text(x, "\t", 1);
        c->first = false;
        if (r == 0 && streq(c->type, "s")) {
                char *end;
                unsigned long i = strtoul(v, &end, 10);

                if (*v && !*end && i < sst->n)
                        r = dx_text(x, sst->v[i], strlen(sst->v[i]));
        } else if (r == 0) {
                r = dx_text(x, v, c->v.len);
        }
        buf_reset(&c->v);
        return r;
}

static int sheet(struct dx *x, zip_t *z, const char *name, const struct strv *sst)
{
        struct cell c = { .v = BUF_INIT(CELL_MAX), .first = true };
        struct xmember m;
        int r = xm_open(x, z, name, &m);

        if (r == -ENOENT)
                return dx_fail(x, "malformed", ENOENT, "member '%s' is missing", name);
        if (r < 0)
                return r;
        while ((r = xm_next(&m)) == 1) {
                int type = xmlTextReaderNodeType(m.r);
                bool empty = xmlTextReaderIsEmptyElement(m.r) == 1;

                if (type == XML_READER_TYPE_ELEMENT && xm_is(&m, "c")) {
                        _cleanup_free_ char *t = xm_attr(&m, "t");

                        snprintf(c.type, sizeof(c.type), "%s", t ? t : "n");
                        buf_reset(&c.v);
                        if (empty)
                                r = cell_end(x, &c, sst);
                } else if (type == XML_READER_TYPE_ELEMENT && (xm_is(&m, "v") || xm_is(&m, "t"))) {
                        c.in_v = !empty;
                } else if (type == XML_READER_TYPE_END_ELEMENT && (xm_is(&m, "v") ||
                                                                   xm_is(&m, "t"))) {
                        c.in_v = false;
                } else if (type == XML_READER_TYPE_END_ELEMENT && xm_is(&m, "c")) {
                        r = cell_end(x, &c, sst);
                } else if ((type == XML_READER_TYPE_END_ELEMENT ||
                            (type == XML_READER_TYPE_ELEMENT && empty)) && xm_is(&m, "row")) {
                        r = dx_text(x, "\n", 1);
                        c.first = true;
                } else if ((type == XML_READER_TYPE_TEXT ||
                            type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) && c.in_v &&
                           buf_puts(&c.v, (const char *)xmlTextReaderConstValue(m.r)) < 0) {
                        r = dx_fail(x, "limit", E2BIG, "a cell passes %u bytes", CELL_MAX);
                }
                if (r < 0)
                        break;
        }
        xm_close(&m);
        buf_free(&c.v);
        return r < 0 ? r : dx_newline(x);
}

int ooxml_xlsx(struct dx *x, zip_t *z)
{
        struct strv parts = { 0 }, sst = { 0 };
        int r;

        dx_meta_str(x, "format", "xlsx", 4);
        if ((r = ooxml_core(x, z)) < 0)
                return r;
        r = shared_strings(x, z, &sst);
        if (r == 0)
                r = list_parts(x, z, "xl/workbook.xml", "sheet", "xl/_rels/workbook.xml.rels",
                               "xl/", &parts);
        for (size_t i = 0; r == 0 && i + 1 < parts.n; i += 2) {
                r = dx_marker(x, "sheet", (unsigned)(i / 2 + 1), parts.v[i + 1]);
                if (r == 0)
                        r = sheet(x, z, parts.v[i], &sst);
        }
        if (r == 0)
                dx_meta_int(x, "sheets", (long long)(parts.n / 2));
        strv_free(&parts);
        strv_free(&sst);
        return r;
}

/* ---- OpenDocument ---------------------------------------------------------------------- */

/* The ODF flavour from the mimetype member (stored first, uncompressed, by the standard). */
static const char *odf_flavour(struct dx *x, zip_t *z)
{
        static const struct { const char *mime, *name; } kinds[] = {
                { "application/vnd.oasis.opendocument.text", "odt" },
                { "application/vnd.oasis.opendocument.spreadsheet", "ods" },
                { "application/vnd.oasis.opendocument.presentation", "odp" },
        };
        zip_file_t *f = zip_fopen(z, "mimetype", 0);
        char mime[128] = "";
        zip_int64_t n;

        if (f) {
                n = zip_fread(f, mime, sizeof(mime) - 1);
                mime[n > 0 ? n : 0] = '\0';
                zip_fclose(f);
        }
        for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
                if (streq(mime, kinds[i].mime))
                        return kinds[i].name;
        return "odf";
}

/* ODS sheets and ODP slides get markers; the walk itself is the generic one. */
static int odf_body(struct dx *x, zip_t *z, const char *flavour)
{
        static const char *const p[] = { "p", "h", "table-row", NULL },
                                 *const cell[] = { "table-cell", NULL },
                                 *const tab[] = { "tab", NULL },
                                 *const br[] = { "line-break", NULL },
                                 *const skip[] = { "tracked-changes", "automatic-styles",
                                                   "font-face-decls", "scripts",
                                                   "forms", NULL };
        static const char *const text[] = { "p", "h", NULL };
        struct walk_rules w = { .text_in = text, .line_end = p, .cell_end = cell, .tabs = tab, .breaks = br,
                                .skip = skip,
                                .odf_spaces = true };
        const char *unit = streq(flavour, "ods") ? "table" : streq(flavour, "odp") ? "page" :
                                                                                      NULL;
        const char *label = streq(flavour, "ods") ? "sheet" : "slide";
        struct xmember m;
        unsigned inside[2] = { 0, 0 }, count = 0;
        int r = xm_open(x, z, "content.xml", &m);

        if (r < 0)
                return r == -ENOENT ? dx_fail(x, "malformed", ENOENT, "no content.xml") : r;
        r = xm_next(&m);
        while (r == 1) {
                if (unit && xmlTextReaderNodeType(m.r) == XML_READER_TYPE_ELEMENT &&
                    xm_is(&m, unit) && xmlTextReaderDepth(m.r) <= 3) {
                        _cleanup_free_ char *name = xm_attr(&m, "name");

                        r = dx_marker(x, label, ++count, streq(label, "sheet") ? name : NULL);
                }
                if (r >= 0)
                        r = walk_node(&m, &w, inside);
                if (r == 2)
                        r = skip_subtree(&m);
                else if (r == 0)
                        r = xm_next(&m);
        }
        xm_close(&m);
        if (r == 0 && unit)
                dx_meta_int(x, streq(label, "sheet") ? "sheets" : "slides", count);
        return r < 0 ? r : dx_newline(x);
}

int odf_read(struct dx *x, zip_t *z)
{
        static const struct meta_map meta[] = { { "title", "title", false },
                                                { "initial-creator", "author", false },
                                                { "creator", "author", false },
                                                { "generator", "creator", false } };
        const char *flavour = odf_flavour(x, z);
        int r;

        dx_meta_str(x, "format", flavour, strlen(flavour));
        if ((r = read_meta(x, z, "meta.xml", meta, ARRAY_SIZE(meta))) < 0)
                return r;
        return odf_body(x, z, flavour);
}
