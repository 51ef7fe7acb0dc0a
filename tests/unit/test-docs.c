/* SPDX-License-Identifier: GPL-3.0-or-later */
/* docs_sniff (src/docs/sniff.c): which inputs are documents, by content only. Table-driven
 * (STYLE rule 8); the parsers themselves are covered by the tests in tests/docs/ and the fuzz corpora. */
#include <stdio.h>

#include "tap.h"
#include "docs/docs.h"

static const struct {
        const char *in;
        int kind;
        const char *why;
} cases[] = {
        { "%PDF-1.7\n", DOCS_PDF, "PDF header" },
        { "junk before\n%PDF-1.4\n", DOCS_PDF, "PDF header after junk (first 1024 bytes)" },
        { "PK\3\4rest", DOCS_ZIP, "ZIP local header" },
        { "{\\rtf1\\ansi hello}", DOCS_RTF, "RTF" },
        { "{\\rt", DOCS_TEXT, "RTF prefix cut short is text" },
        { "<!DOCTYPE html><p>x", DOCS_HTML, "HTML doctype" },
        { "\xef\xbb\xbf  <!-- c -->\n<HTML>", DOCS_HTML, "BOM, comment, upper-case tag" },
        { "<?xml version=\"1.0\"?>\n<html xmlns=\"x\">", DOCS_HTML, "XHTML" },
        { "<p>just a fragment</p>", DOCS_TEXT, "an HTML fragment stays text" },
        { "From: a@example.com\nTo: b@example.com\n\nhi\n", DOCS_MAIL, "e-mail headers" },
        { "From a@example.com Mon Nov  2 10:00:00 2026\nFrom: a@x\nSubject: s\n\nb\n", DOCS_MAIL,
          "mbox" },
        { "Subject: only one known header\nX-Foo: bar\n\nbody", DOCS_TEXT,
          "one known header is not enough" },
        { "From: a@x\nnot a header line\n\n", DOCS_TEXT, "a broken header block is text" },
        { "Note: remember\nTodo: things\n\n", DOCS_TEXT, "colon lines are not mail" },
        { "plain text\n", DOCS_TEXT, "plain text" },
        { "", DOCS_TEXT, "empty" },
};

int main(void)
{
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
                is_int(docs_sniff(cases[i].in, strlen(cases[i].in)), cases[i].kind, "%s",
                       cases[i].why);
        is_int(docs_sniff("PK\3\4", 3), DOCS_TEXT, "a ZIP magic cut short is text");
        ok(streq(docs_kind_name(DOCS_PDF), "pdf") && streq(docs_kind_name(99), "?"),
           "kind names");
        return done_testing();
}
