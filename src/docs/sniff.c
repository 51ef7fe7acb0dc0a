/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docs_sniff: is a file a document, from its first bytes? Magic bytes and header shapes only;
 * the exact format (DOCX or ODT, ...) is the caged helper's business (src/docs/extract/). */
#include <ctype.h>
#include <strings.h>

#include "docs/docs.h"

static const char *const kind_names[] = {
        [DOCS_TEXT] = "text", [DOCS_PDF] = "pdf", [DOCS_ZIP] = "zip",
        [DOCS_RTF] = "rtf",   [DOCS_HTML] = "html", [DOCS_MAIL] = "email",
};

const char *docs_kind_name(int kind)
{
        return kind >= 0 && kind < _DOCS_KIND_MAX ? kind_names[kind] : "?";
}

static bool starts_ci(const char *p, size_t n, const char *word)
{
        size_t w = strlen(word);

        return n >= w && strncasecmp(p, word, w) == 0;
}

/* Leading HTML: a doctype, <html, <head or <body (after a BOM, blanks and comments). */
static bool is_html(const char *p, size_t n)
{
        static const char *const tags[] = { "<!doctype html", "<html", "<head", "<body" };

        if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
                p += 3, n -= 3;
        for (;;) {
                while (n && isspace((unsigned char)*p))
                        p++, n--;
                if (n >= 4 && memcmp(p, "<!--", 4) == 0) {
                        const char *end = memmem(p, n, "-->", 3);

                        if (!end)
                                return false;
                        n -= (size_t)(end + 3 - p);
                        p = end + 3;
                        continue;
                }
                break;
        }
        if (starts_ci(p, n, "<?xml")) {
                const char *end = memmem(p, n, "?>", 2);

                if (!end)
                        return false;
                n -= (size_t)(end + 2 - p);
                p = end + 2;
                while (n && isspace((unsigned char)*p))
                        p++, n--;
        }
        for (size_t i = 0; i < ARRAY_SIZE(tags); i++)
                if (starts_ci(p, n, tags[i]))
                        return true;
        return false;
}

/* An RFC 5322 message: header lines "Name: value" (or continuations) up to a blank line,
 * with at least two of the usual header names; or an mbox "From " line first. */
static bool is_mail(const char *p, size_t n)
{
        static const char *const names[] = { "from:", "to:", "subject:", "date:", "message-id:",
                                             "mime-version:", "received:", "return-path:",
                                             "content-type:", "cc:", "reply-to:",
                                             "delivered-to:" };
        unsigned known = 0, lines = 0;
        size_t i = 0;

        if (n > 5 && memcmp(p, "From ", 5) == 0) {
                const char *nl = memchr(p, '\n', n);

                if (!nl)
                        return false;
                i = (size_t)(nl - p) + 1;
        }
        while (i < n && lines < 64) {
                const char *line = p + i, *nl = memchr(line, '\n', n - i);
                size_t len = nl ? (size_t)(nl - line) : n - i;
                size_t k = 0;

                if (len == 0 || (len == 1 && line[0] == '\r'))
                        return known >= 2;
                if (line[0] == ' ' || line[0] == '\t') {
                        if (!lines)
                                return false;
                } else {
                        while (k < len && line[k] > ' ' && line[k] < 127 && line[k] != ':')
                                k++;
                        if (k == 0 || k >= len || line[k] != ':')
                                return false;
                        for (size_t t = 0; t < ARRAY_SIZE(names); t++)
                                if (strlen(names[t]) == k + 1 && starts_ci(line, len, names[t]))
                                        known++;
                }
                lines++;
                if (!nl)
                        break;
                i += len + 1;
        }
        /* The headers may go on past the sniffed bytes. */
        return known >= 2 && i >= n;
}

int docs_sniff(const char *data, size_t len)
{
        size_t n = len < DOCS_SNIFF_BYTES ? len : DOCS_SNIFF_BYTES;

        /* PDF readers accept junk before the header within the first 1024 bytes. */
        if (memmem(data, n < 1024 ? n : 1024, "%PDF-", 5))
                return DOCS_PDF;
        if (n >= 4 && memcmp(data, "PK\3\4", 4) == 0)
                return DOCS_ZIP;
        if (n >= 5 && memcmp(data, "{\\rtf", 5) == 0)
                return DOCS_RTF;
        if (is_html(data, n))
                return DOCS_HTML;
        if (is_mail(data, n))
                return DOCS_MAIL;
        return DOCS_TEXT;
}
