/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-llm: what a provider's answer goes through, without a network: the transport's
 * framing (whole body, SSE, NDJSON, AWS event-stream) and each wire format's event parser
 * (OpenAI, Mistral, Grok, Anthropic, Ollama, Gemini, Bedrock), exactly as llm_wire_complete()
 * drives them. The framing functions are static in src/llm/transport.c, so this target
 * includes that file: its global symbols then come from here and the archive's copy is not
 * linked.
 *
 * Input: byte 0 picks the wire format (low 3 bits) and streaming (bit 3); byte 1 the size of
 * the pieces the body is fed in (as curl's write callback would); the rest is the body.
 * Oracles: the answer text is the concatenation of the deltas handed to on_delta, and the
 * output token count seen never goes down.
 */
#include <stdint.h>

#include "fuzz.h"
#include "../src/llm/transport.c"

static const struct wire_format *const fuzz_formats[] = {
        &wire_openai, &wire_mistral, &wire_grok, &wire_anthropic, &wire_ollama, &wire_gemini,
        &wire_bedrock,
};

struct fuzz_deltas {
        size_t bytes;
        long last_tokens;
};

static int fuzz_on_delta(void *userdata, const char *text, size_t len, long output_tokens)
{
        struct fuzz_deltas *fd = userdata;
        volatile char sink = 0;

        for (size_t i = 0; i < len; i++)        /* every byte must be readable */
                sink ^= text[i];
        (void)sink;
        if (output_tokens < fd->last_tokens)
                abort();
        fd->last_tokens = output_tokens;
        fd->bytes += len;
        return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static const struct llm_message msg = { .role = "user", .content = "hi" };
        struct fuzz_deltas fd = { 0 };
        struct llm_request req = { .model = "fuzz-model", .messages = &msg, .n_messages = 1,
                                   .max_tokens = 100, .on_delta = fuzz_on_delta,
                                   .userdata = &fd };
        struct llm_info info = { 0 };
        struct diag d = { 0 };
        struct llm_call c = { .req = &req, .info = &info, .d = &d,
                              .text = BUF_INIT(LLM_DEFAULT_MAX_RESPONSE),
                              .line = BUF_INIT(LLM_MAX_LINE),
                              .data = BUF_INIT(4 * LLM_MAX_LINE) };
        const char *body = (const char *)data + 2;
        size_t len, piece;
        int r = 0;

        if (size < 2 || size > FUZZ_MAX_INPUT)
                return 0;
        c.wf = fuzz_formats[(data[0] & 7) % ARRAY_SIZE(fuzz_formats)];
        req.provider = c.wf->provider;
        req.stream = data[0] & 8;
        c.framing = req.stream ? c.wf->stream_framing : FRAME_WHOLE;
        piece = (size_t)data[1] + 1;
        len = size - 2;
        call_reset(&c);
        for (size_t off = 0; r == 0 && off < len; off += piece)
                r = frame_feed(&c, body + off, MIN(piece, len - off));
        if (r == 0)
                r = frame_end(&c);
        if (c.text.len != fd.bytes)
                abort();        /* the answer is exactly what was streamed to the caller */
        buf_free(&c.text);
        buf_free(&c.line);
        buf_free(&c.data);
        free(c.model);
        free(c.finish_reason);
        return 0;
}
