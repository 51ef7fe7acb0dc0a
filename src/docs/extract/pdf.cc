// SPDX-License-Identifier: GPL-3.0-or-later
/* PDF through Poppler's C++ frontend (libpoppler-cpp, GPL-2.0-or-later): text in reading order
 * (poppler's non-raw, non-physical layout, as pdftotext without -layout), one "--- page N ---"
 * marker per page; Title, Author, Creator, Producer and the page count as metadata.
 * An encrypted PDF that needs a password is an "encrypted" error: no password is tried. A
 * PDF whose pages hold no text at all (scanned images) gets a "no text layer" note.
 * Poppler's own diagnostics are swallowed (they would only fill the capped stderr).
 * No C++ exception leaves this file.
 */
#include <memory>
#include <string>

#include <poppler-document.h>
#include <poppler-page.h>

#include "docs/extract/internal.h"

static void quiet(const std::string &, void *)
{
}

/* Poppler's ustring is UTF-16; converting it here rather than with ustring::to_utf8() keeps
 * iconv (which would want to open its modules) out of the locked-down helper. */
static int utf16_text(struct dx *x, const poppler::ustring &u, size_t *ret_chars)
{
        size_t n = u.size(), chars = 0;
        int r = 0;

        for (size_t i = 0; i < n && r == 0; i++) {
                unsigned long c = u[i];

                if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && u[i + 1] >= 0xdc00 &&
                    u[i + 1] < 0xe000) {
                        c = 0x10000 + ((c - 0xd800) << 10) + (u[i + 1] - 0xdc00u);
                        i++;
                }
                if (c == '\r')
                        continue;
                chars += c != ' ' && c != '\n' && c != '\t' && c != '\f';
                r = dx_codepoint(x, c);
        }
        if (ret_chars)
                *ret_chars += chars;
        return r;
}

static void meta(struct dx *x, poppler::document *doc, const char *key, const char *name)
{
        poppler::ustring u = doc->info_key(name);
        struct dx tmp;

        if (u.empty() || dx_init(&tmp) < 0)
                return;
        tmp.text.max = 4096;
        if (utf16_text(&tmp, u, NULL) == 0)
                dx_meta_str(x, key, tmp.text.data, tmp.text.len);
        dx_done(&tmp);
}

/* Before the lockdown: let Poppler read its global tables (CMaps, name-to-Unicode maps of
 * poppler-data) by opening a minimal document, kept open for the life of the process
 * (Poppler's C++ frontend frees its globals with the last document), and let iconv load its
 * UTF-8/UTF-16 modules once. */
extern "C" void dx_pdf_warmup(void)
{
        static const char tiny[] = "%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                                   "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer"
                                   "<</Root 1 0 R>>\n%%EOF\n";

        try {
                poppler::set_debug_error_function(quiet, nullptr);
                static poppler::document *keep;

                keep = poppler::document::load_from_raw_data(tiny, sizeof(tiny) - 1);
                (void)poppler::ustring::from_utf8("warm-up").to_utf8();
                (void)keep;
        } catch (...) {
        }
}

static int pdf_pages(struct dx *x, poppler::document *doc, int pages, size_t *ret_chars)
{
        size_t chars = 0;
        int r;

        for (int i = 0; i < pages; i++) {
                std::unique_ptr<poppler::page> p(doc->create_page(i));

                if ((r = dx_marker(x, "page", (unsigned)i + 1, NULL)) < 0)
                        return r;
                if (!p)
                        continue;
                r = utf16_text(x, p->text(poppler::rectf(),
                                          poppler::page::non_raw_non_physical_layout), &chars);
                if (r < 0)
                        return r;
                if ((r = dx_newline(x)) < 0)
                        return r;
        }
        *ret_chars = chars;
        return 0;
}

extern "C" int dx_pdf(struct dx *x, const char *data, size_t len)
{
        try {
                std::unique_ptr<poppler::document> doc;
                size_t chars = 0;
                int pages, r;

                poppler::set_debug_error_function(quiet, nullptr);
                dx_meta_str(x, "format", "pdf", 3);
                if (len > 0x7fffffff)
                        return dx_fail(x, "limit", E2BIG, "the PDF is larger than 2 GiB");
                doc.reset(poppler::document::load_from_raw_data(data, (int)len));
                if (!doc)
                        return dx_fail(x, "malformed", EBADMSG, "not a readable PDF "
                                       "(damaged or truncated)");
                if (doc->is_locked())
                        return dx_fail(x, "encrypted", EACCES, "the PDF is encrypted and needs "
                                       "a password; akios does not guess passwords");
                pages = doc->pages();
                if (pages < 0)
                        return dx_fail(x, "malformed", EBADMSG, "the PDF has no page tree");
                dx_meta_int(x, "pages", pages);
                meta(x, doc.get(), "title", "Title");
                meta(x, doc.get(), "author", "Author");
                meta(x, doc.get(), "creator", "Creator");
                meta(x, doc.get(), "producer", "Producer");
                if (doc->is_encrypted())
                        dx_meta_int(x, "encrypted_no_user_password", 1);
                if ((r = pdf_pages(x, doc.get(), pages, &chars)) < 0)
                        return r;
                if (chars == 0)
                        dx_note(x, "no text layer: the PDF's %d page%s hold%s no text "
                                "(scanned images?); akios does no OCR", pages,
                                pages == 1 ? "" : "s", pages == 1 ? "s" : "");
                return 0;
        } catch (const std::bad_alloc &) {
                return dx_fail(x, "limit", ENOMEM, "out of memory while reading the PDF");
        } catch (...) {
                return dx_fail(x, "malformed", EBADMSG, "the PDF could not be read");
        }
}
