/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-cond: cond_parse() of arbitrary text, then cond_eval() of what parses against a fixed
 * set of step outputs (strings, numbers, lists, nested objects, a skipped step), so the
 * comparisons, `in`, indexing and every literal type run.
 */
#include <stdint.h>

#include "fuzz.h"
#include "workflow/workflow.h"

static json_t *fuzz_outputs(void)
{
        return json_pack("{s:{s:s,s:I,s:[s,i,n],s:b,s:f,s:{s:s}},s:{s:s},s:n}",
                         "1", "text", "hello world", "tokens", (json_int_t)7, "tags", "a", 3,
                         "ok", 1, "score", 0.5, "nested", "k", "v",
                         "2", "content", "file body", "3");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static json_t *outputs;
        _cleanup_free_ char *src = NULL;
        struct cond *c = NULL;
        struct diag d = { 0 };
        unsigned off = 0;

        if (!outputs && !(outputs = fuzz_outputs()))
                abort();
        if (size > 4 * COND_MAX_LEN)
                return 0;
        src = fuzz_strndup(data, size);
        if (!src)
                return 0;
        if (cond_parse(src, &c, &off, &d) < 0) {
                if (off > size)
                        abort();        /* the error offset must point into the input */
                return 0;
        }
        (void)cond_eval(c, outputs, json_object_get(outputs, "2"));
        (void)cond_eval(c, outputs, NULL);
        cond_free(c);
        return 0;
}
