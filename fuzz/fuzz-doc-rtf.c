/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: the rtf entry point of the document extractor (src/docs/extract/), run in
 * process as akios-extract runs it (without its seccomp lockdown). Oracle: it returns, a
 * failure has a kind and a message, a success's text is within the cap. */
#include "fuzz.h"
#include "docs/extract/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct dx x;
        int r;

        if (size > FUZZ_MAX_INPUT * 4 || dx_init(&x) < 0)
                return 0;
        r = dx_rtf(&x, (const char *)data, size);
        if (r < 0 && !x.kind[0])
                abort();
        if (r == 0 && x.text.len > DOCS_MAX_TEXT)
                abort();
        dx_done(&x);
        return 0;
}
