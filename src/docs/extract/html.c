/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HTML to text with libxml2's HTML parser (no network, recovering from tag soup as browsers
 * do): the text of the body in document order, a line break after block elements and <br>,
 * a tab between table cells; script, style, template and the head are skipped, <title> and
 * <meta name=author|generator> are metadata. The tree is walked without recursion; depth is
 * capped at DOCS_MAX_DEPTH. */
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "docs/extract/internal.h"

static const char *const blocks[] = {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
        "table", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "hr",
        "address", "figure", "figcaption", "nav", "aside", "main", "form", "fieldset",
        "caption", "details", "summary",
};
static const char *const skipped[] = { "script", "style", "head", "template", "noscript",
                                       "iframe", "object", "svg", "math" };

static bool in(const char *const *l, size_t n, const xmlChar *name)
{
        for (size_t i = 0; name && i < n; i++)
                if (strcasecmp(l[i], (const char *)name) == 0)
                        return true;
        return false;
}

static void html_meta(struct dx *x, xmlDocPtr doc)
{
        xmlNodePtr root = xmlDocGetRootElement(doc), head = NULL;

        for (xmlNodePtr n = root ? root->children : NULL; n && !head; n = n->next)
                if (n->type == XML_ELEMENT_NODE && strcasecmp((char *)n->name, "head") == 0)
                        head = n;
        for (xmlNodePtr n = head ? head->children : NULL; n; n = n->next) {
                xmlChar *v = NULL, *name;

                if (n->type != XML_ELEMENT_NODE)
                        continue;
                if (strcasecmp((char *)n->name, "title") == 0) {
                        v = xmlNodeGetContent(n);
                        if (v)
                                dx_meta_str(x, "title", (char *)v, strlen((char *)v));
                } else if (strcasecmp((char *)n->name, "meta") == 0 &&
                           (name = xmlGetProp(n, (const xmlChar *)"name"))) {
                        const char *key = strcasecmp((char *)name, "author") == 0 ? "author" :
                                          strcasecmp((char *)name, "generator") == 0 ?
                                                  "creator" : NULL;

                        v = key ? xmlGetProp(n, (const xmlChar *)"content") : NULL;
                        if (v)
                                dx_meta_str(x, key, (char *)v, strlen((char *)v));
                        xmlFree(name);
                }
                xmlFree(v);
        }
}

/* Depth-first, iterative; a block's line break goes after its children. */
static int html_walk(struct dx *x, xmlNodePtr root)
{
        xmlNodePtr n = root;
        unsigned depth = 0;
        int r = 0;

        while (n && r == 0) {
                bool descend = false;

                if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                        if (n->content)
                                r = dx_text(x, (char *)n->content, strlen((char *)n->content));
                } else if (n->type == XML_ELEMENT_NODE &&
                           !in(skipped, ARRAY_SIZE(skipped), n->name)) {
                        if (strcasecmp((char *)n->name, "td") == 0 ||
                            strcasecmp((char *)n->name, "th") == 0)
                                r = dx_text(x, "\t", 1);
                        descend = n->children != NULL;
                        if (!descend && in(blocks, ARRAY_SIZE(blocks), n->name))
                                r = dx_text(x, "\n", 1);
                }
                if (r == 0 && descend) {
                        if (++depth > DOCS_MAX_DEPTH)
                                return dx_fail(x, "limit", E2BIG, "HTML elements nest deeper "
                                               "than %d", DOCS_MAX_DEPTH);
                        n = n->children;
                        continue;
                }
                while (n && r == 0 && !n->next && n != root) {
                        n = n->parent;
                        depth--;
                        if (n && n->type == XML_ELEMENT_NODE &&
                            in(blocks, ARRAY_SIZE(blocks), n->name))
                                r = dx_newline(x);
                }
                if (!n || n == root)
                        break;
                n = n->next;
        }
        return r;
}

int dx_html(struct dx *x, const char *data, size_t len)
{
        xmlDocPtr doc;
        xmlNodePtr root;
        int r;

        dx_meta_str(x, "format", "html", 4);
        if (len > 0x7fffffff)
                return dx_fail(x, "limit", E2BIG, "the HTML is larger than 2 GiB");
        doc = htmlReadMemory(data, (int)len, NULL, NULL,
                             HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                             HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
        if (!doc)
                return dx_fail(x, "malformed", EBADMSG, "the HTML could not be parsed");
        html_meta(x, doc);
        root = xmlDocGetRootElement(doc);
        r = root ? html_walk(x, root) : 0;
        if (r == 0)
                r = dx_newline(x);
        xmlFreeDoc(doc);
        return r;
}
