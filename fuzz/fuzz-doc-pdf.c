/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the pdf entry point of the document extractor (fuzz-doc.h says what it checks). */
#include "fuzz-doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        return fuzz_doc(dx_pdf, data, size);
}
