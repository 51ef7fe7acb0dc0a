/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The body shared by the document extractor's fuzz targets (fuzz-doc-*.c): one entry point of
 * src/docs/extract/, run in process as akios-extract runs it (without its seccomp lockdown).
 * Oracle: it returns, a failure has a kind and a message, a success's text is within the cap. */
#pragma once

#include "fuzz.h"
#include "docs/extract/internal.h"

static inline int fuzz_doc(int (*entry)(struct dx *, const char *, size_t), const uint8_t *data,
                           size_t size)
{
        struct dx x;
        int r;

        if (size > FUZZ_MAX_INPUT * 4 || dx_init(&x) < 0)
                return 0;
        r = entry(&x, (const char *)data, size);
        if (r < 0 && !x.kind[0])
                abort();
        if (r == 0 && x.text.len > DOCS_MAX_TEXT)
                abort();
        dx_done(&x);
        return 0;
}
