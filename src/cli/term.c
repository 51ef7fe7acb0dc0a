/* SPDX-License-Identifier: GPL-3.0-or-later */
/* term: text that came from a workflow, a payload, a provider or a file on disk, made safe for
 * a human's terminal before the CLI prints it (red-team finding 06: a tool step's output, ESC
 * sequences included, went to the console raw, so a payload could repaint the screen, set the
 * window title or hide lines).
 *
 * Every C0 control byte (but newline and tab in multi-line text), DEL and the C1 controls
 * U+0080..U+009F (which some terminals obey when UTF-8 decoded) are shown as visible escapes:
 * `\x1b`, `\x00`, `\x7f`, `\u009b`. Nothing is dropped: the escape names the byte. JSON is
 * handled by term_json_safe(): jansson already writes C0 as \u00XX, and DEL and C1 are written
 * the same way, so the document stays valid JSON that decodes to the same string.
 *
 * It does not touch the records themselves: output.json and the ledger keep the exact
 * (JSON-escaped) bytes.
 */
#include <stdarg.h>
#include <stdio.h>

#include "cli/cli.h"

#define TERM_SLOTS 16

static bool is_c1(const unsigned char *p, size_t left)
{
        return left >= 2 && p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f;
}

int term_escape(struct buf *out, const char *s, size_t len, bool lines)
{
        const unsigned char *p = (const unsigned char *)s;
        size_t done = 0;
        int r = 0;

        for (size_t i = 0; i < len && r == 0; i++) {
                bool keep = p[i] >= 0x20 && p[i] != 0x7f;

                if (lines && (p[i] == '\n' || p[i] == '\t'))
                        keep = true;
                if (keep && !is_c1(p + i, len - i))
                        continue;
                r = buf_append(out, s + done, i - done);
                if (r == 0 && !keep)
                        r = buf_printf(out, "\\x%02x", p[i]);
                else if (r == 0)
                        r = buf_printf(out, "\\u%04x", p[++i]);
                done = i + 1;
        }
        return r < 0 ? r : buf_append(out, s + done, len - done);
}

const char *vis(const char *s)
{
        static char *slot[TERM_SLOTS];
        static unsigned next;
        struct buf b = BUF_INIT(0);
        char **mine;

        if (!s)
                return NULL;
        mine = &slot[next++ % TERM_SLOTS];
        free(*mine);
        *mine = NULL;
        if (term_escape(&b, s, strlen(s), false) < 0 || !(*mine = buf_steal(&b, NULL))) {
                buf_free(&b);
                return "(text not shown: out of memory)";
        }
        return *mine;
}

void term_print(FILE *f, const char *s, size_t len)
{
        struct buf b = BUF_INIT(0);

        if (term_escape(&b, s, len, true) < 0)
                fputs("(text not shown: out of memory)", f);
        else if (b.len)
                fwrite(b.data, 1, b.len, f);
        buf_free(&b);
}

char *term_json_safe(const char *dump)
{
        struct buf b = BUF_INIT(0);
        const unsigned char *p = (const unsigned char *)dump;
        size_t len = strlen(dump), done = 0;
        int r = 0;

        /* In a jansson dump DEL and C1 can only be inside strings, where \u00XX means them. */
        for (size_t i = 0; i < len && r == 0; i++) {
                unsigned c;

                if (p[i] == 0x7f)
                        c = 0x7f;
                else if (is_c1(p + i, len - i))
                        c = p[i + 1];
                else
                        continue;
                r = buf_append(&b, dump + done, i - done);
                if (r == 0)
                        r = buf_printf(&b, "\\u%04x", c);
                i += c == 0x7f ? 0 : 1;
                done = i + 1;
        }
        if (r == 0)
                r = buf_append(&b, dump + done, len - done);
        if (r < 0) {
                buf_free(&b);
                return NULL;
        }
        return buf_steal(&b, NULL);
}
