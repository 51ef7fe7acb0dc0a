/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-template: the run-time templating of workflow strings. The first input byte picks:
 *   0  template_env() (${VAR}, ${VAR:-default}) with a few variables set
 *   1  template_outputs() ({previous_output}, {step_N_output[key]}) on fixed outputs
 *   2  template_json() of the rest parsed as JSON (every string templated, ./data/output/
 *      paths rewritten into a run folder)
 * Output buffers are capped at 1 MiB so expansion is bounded.
 */
#include <stdint.h>

#include "fuzz.h"
#include "workflow/workflow.h"

static json_t *fuzz_outputs(void)
{
        return json_pack("{s:{s:s,s:I,s:[s,i],s:{s:s}},s:{s:s},s:n}", "1", "text", "hello world",
                         "tokens", (json_int_t)7, "tags", "a", 3, "nested", "k", "v", "2",
                         "content", "file {step_1_output} body", "3");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static json_t *outputs;
        _cleanup_free_ char *s = NULL;
        struct buf out = BUF_INIT(1u << 20);
        struct diag d = { 0 };
        json_t *in, *res = NULL;

        if (!outputs) {
                outputs = fuzz_outputs();
                if (!outputs || setenv("AKIOS_FUZZ_A", "alpha", 1) < 0 ||
                    setenv("AKIOS_FUZZ_EMPTY", "", 1) < 0 ||
                    setenv("AKIOS_FUZZ_REF", "${AKIOS_FUZZ_A}", 1) < 0)
                        abort();
        }
        if (size < 1 || size > FUZZ_MAX_INPUT)
                return 0;
        s = fuzz_strndup(data + 1, size - 1);
        if (!s)
                return 0;
        switch (data[0] % 3) {
        case 0:
                (void)template_env(s, &out, &d);
                break;
        case 1:
                (void)template_outputs(s, outputs, json_object_get(outputs, "2"), &out, &d);
                break;
        case 2:
                in = json_loadb(s, size - 1, JSON_DECODE_ANY, NULL);
                if (in && template_json(in, outputs, json_object_get(outputs, "1"),
                                        "/tmp/akios-fuzz-run", &res, &d) == 0)
                        json_decref(res);
                json_decref(in);
                break;
        }
        buf_free(&out);
        return 0;
}
