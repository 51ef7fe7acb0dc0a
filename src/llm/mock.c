/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The mock provider: deterministic, offline, instant. It answers with a short sentence chosen
 * by keywords of the last user message (or a JSON object when the prompt asks for JSON), and
 * reports token counts estimated as in AKIOS's fallback (about 4 bytes per token). It exists so
 * that new projects and the shipped templates run air-gapped; it is not a language model.
 */
#include <stdio.h>
#include <strings.h>

#include "llm/llm.h"

struct canned {
        const char *keyword;
        const char *answer;
};

/* First keyword found in the prompt wins. */
static const struct canned canned[] = {
        { "hello", "Hello from inside the akios cage! I am a mock model: no network was used, "
                   "every step was checked by policy, redacted and written to the audit ledger." },
        { "summar", "Summary (mock): the document was read inside the cage; its key points "
                    "would be listed here by a real model." },
        { "analy", "Analysis (mock): no anomalies were found; a real model would describe the "
                   "patterns, risks and recommended actions here." },
        { "compliance", "Compliance summary (mock): the workflow ran with policy checks, PII "
                        "redaction, a budget limit and a tamper-evident audit ledger." },
};

static const char mock_json[] =
        "{\"summary\": \"mock analysis of the input\", \"patterns_found\": [], "
        "\"threat_level\": \"low\", \"file_count\": 0, \"themes\": [], "
        "\"recommendations\": [\"review the results with a real model\"]}";

static long estimate_tokens(size_t bytes)
{
        return (long)((bytes + 3) / 4);
}

static long count_words(const char *s)
{
        long n = 0;
        bool in = false;

        for (; *s; s++) {
                bool space = *s == ' ' || *s == '\n' || *s == '\t';

                if (!space && !in)
                        n++;
                in = !space;
        }
        return n;
}

int llm_mock_complete(const struct llm_request *req, struct llm_response *resp,
                      struct llm_info *info, struct diag *d)
{
        const char *prompt = "", *answer = NULL;
        size_t in_bytes = 0;
        struct buf text = BUF_INIT(0);

        for (size_t i = 0; i < req->n_messages; i++) {
                in_bytes += strlen(req->messages[i].content);
                if (streq(req->messages[i].role, "user"))
                        prompt = req->messages[i].content;
        }
        if (strcasestr(prompt, "json"))
                answer = mock_json;
        for (size_t i = 0; !answer && i < ARRAY_SIZE(canned); i++)
                if (strcasestr(prompt, canned[i].keyword))
                        answer = canned[i].answer;
        if (!answer)
                answer = "Mock response: the request was received and processed offline.";
        if (buf_puts(&text, answer) < 0)
                return -ENOMEM;
        *resp = (struct llm_response){
                .text = buf_steal(&text, NULL),
                .input_tokens = estimate_tokens(in_bytes),
                .model = strdup(req->model && *req->model ? req->model : "mock-model"),
                .finish_reason = strdup("stop"),
        };
        if (!resp->text || !resp->model || !resp->finish_reason) {
                llm_response_free(resp);
                return -ENOMEM;
        }
        resp->output_tokens = count_words(resp->text);
        if (req->max_tokens > 0 && resp->output_tokens > req->max_tokens)
                resp->output_tokens = req->max_tokens;
        if (info) {
                *info = (struct llm_info){ .output_tokens_seen = resp->output_tokens };
                snprintf(info->endpoint, sizeof(info->endpoint), "mock:");
        }
        if (req->on_delta) {
                int r = req->on_delta(req->userdata, resp->text, strlen(resp->text),
                                      resp->output_tokens);

                if (r < 0) {
                        llm_response_free(resp);
                        return r;
                }
        }
        return 0;
}
