/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AWS event-stream framing (application/vnd.amazon.eventstream), the binary framing of
 * Bedrock's ConverseStream. Each message is
 *
 *   total length (4, big-endian) | headers length (4) | CRC32 of those 8 bytes (4) |
 *   headers | payload | CRC32 of everything before it (4)
 *
 * and each header is name length (1) | name | value type (1) | value, the value's size
 * following from its type (0/1 true/false: none, 2 byte, 3 int16, 4 int32, 5 int64,
 * 6 bytes and 7 string: 2-byte length then data, 8 timestamp: 8, 9 uuid: 16).
 *
 * Both CRCs (CRC-32, the zlib polynomial) are checked; a bad one, a message longer than
 * LLM_MAX_LINE, a header running past its message or of an unknown type fail the call
 * (-EPROTO). An "event" message goes to the format's on_event with its :event-type as the
 * event name; an "exception" with "!" and its :exception-type; an "error" fails the call with
 * its :error-code and :error-message. Bytes left over at the end of the stream are a cut
 * message. It knows no event's JSON.
 */
#include <stdio.h>

#include "llm/internal.h"

#define ES_PRELUDE 12
#define ES_MIN_MESSAGE 16

static uint32_t crc32_ieee(const uint8_t *p, size_t n)
{
        uint32_t crc = 0xffffffffu;

        for (size_t i = 0; i < n; i++) {
                crc ^= p[i];
                for (int k = 0; k < 8; k++)
                        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
        return ~crc;
}

static uint32_t be32(const uint8_t *p)
{
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

struct es_headers {
        char event[64], message_type[16], exception[64], error_code[64], error_message[256];
};

/* Copy a string header we use; others are skipped. */
static void take_header(struct es_headers *h, const char *name, size_t nn, const uint8_t *v,
                        size_t vn)
{
        static const struct {
                const char *name;
                size_t off, size;
        } wanted[] = {
                { ":event-type", offsetof(struct es_headers, event), 64 },
                { ":message-type", offsetof(struct es_headers, message_type), 16 },
                { ":exception-type", offsetof(struct es_headers, exception), 64 },
                { ":error-code", offsetof(struct es_headers, error_code), 64 },
                { ":error-message", offsetof(struct es_headers, error_message), 256 },
        };

        for (size_t i = 0; i < ARRAY_SIZE(wanted); i++)
                if (strlen(wanted[i].name) == nn && memcmp(wanted[i].name, name, nn) == 0) {
                        char *out = (char *)h + wanted[i].off;

                        snprintf(out, wanted[i].size, "%.*s", (int)vn, (const char *)v);
                        return;
                }
}

static int parse_headers(struct llm_call *c, const uint8_t *p, size_t n, struct es_headers *h)
{
        static const int fixed[] = { 0, 0, 1, 2, 4, 8, -1, -1, 8, 16 };
        size_t i = 0;

        while (i < n) {
                size_t nn = p[i++], vn;
                const char *name = (const char *)p + i;
                uint8_t type;

                if (i + nn + 1 > n)
                        return llm_call_fail(c, -EPROTO, "event-stream header runs past its "
                                             "message");
                i += nn;
                type = p[i++];
                if (type >= ARRAY_SIZE(fixed))
                        return llm_call_fail(c, -EPROTO, "event-stream header of unknown type "
                                             "%u", type);
                if (fixed[type] >= 0) {
                        vn = (size_t)fixed[type];
                } else {
                        if (i + 2 > n)
                                return llm_call_fail(c, -EPROTO, "event-stream header runs "
                                                     "past its message");
                        vn = (size_t)p[i] << 8 | p[i + 1];
                        i += 2;
                }
                if (i + vn > n)
                        return llm_call_fail(c, -EPROTO, "event-stream header runs past its "
                                             "message");
                if (type == 7)
                        take_header(h, name, nn, p + i, vn);
                i += vn;
        }
        return 0;
}

/* One whole message of `total` bytes at p. */
static int message(struct llm_call *c, const uint8_t *p, uint32_t total)
{
        uint32_t hlen = be32(p + 4);
        struct es_headers h = { 0 };
        char name[sizeof(h.exception) + 1];
        int r;

        if (be32(p + total - 4) != crc32_ieee(p, total - 4))
                return llm_call_fail(c, -EPROTO, "event-stream message CRC mismatch");
        r = parse_headers(c, p + ES_PRELUDE, hlen, &h);
        if (r < 0)
                return r;
        if (streq(h.message_type, "error"))
                return llm_call_fail(c, -EIO, "%s error in the stream: %.60s: %.200s",
                                     c->wf->provider, h.error_code[0] ? h.error_code : "error",
                                     h.error_message);
        if (streq(h.message_type, "exception"))
                snprintf(name, sizeof(name), "!%s", h.exception[0] ? h.exception : "exception");
        else if (streq(h.message_type, "event") && h.event[0])
                snprintf(name, sizeof(name), "%s", h.event);
        else
                return llm_call_fail(c, -EPROTO, "event-stream message of type '%.16s' "
                                     "without an event type", h.message_type);
        return c->wf->on_event(c, name, (const char *)p + ES_PRELUDE + hlen,
                               total - ES_PRELUDE - hlen - 4);
}

int llm_eventstream_feed(struct llm_call *c, const char *p, size_t n)
{
        if (buf_append(&c->line, p, n) < 0)
                return llm_call_fail(c, -E2BIG, "an event-stream message is longer than %u "
                                     "bytes", LLM_MAX_LINE);
        while (c->line.len >= ES_PRELUDE) {
                const uint8_t *m = (const uint8_t *)c->line.data;
                uint32_t total = be32(m), hlen = be32(m + 4);
                int r;

                if (be32(m + 8) != crc32_ieee(m, 8))
                        return llm_call_fail(c, -EPROTO, "event-stream prelude CRC mismatch");
                if (total < ES_MIN_MESSAGE || total > LLM_MAX_LINE ||
                    hlen > total - ES_MIN_MESSAGE)
                        return llm_call_fail(c, -EPROTO, "event-stream message of %u bytes "
                                             "(headers %u) refused", total, hlen);
                if (c->line.len < total)
                        break;
                r = message(c, m, total);
                if (r < 0)
                        return r;
                memmove(c->line.data, c->line.data + total, c->line.len - total);
                c->line.len -= total;
                c->line.data[c->line.len] = '\0';
        }
        return 0;
}

int llm_eventstream_end(struct llm_call *c)
{
        if (c->line.len > 0)
                return llm_call_fail(c, -EPROTO, "the event stream ended mid-message (%zu "
                                     "bytes left)", c->line.len);
        return 0;
}
