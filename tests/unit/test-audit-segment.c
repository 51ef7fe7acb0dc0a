/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one parser of the segment code (src/audit/segment.c): audit_parse_ts, the event
 * timestamp `audit prune` ages segments by. Table-driven: values the ledger writes, the
 * epoch, leap days, and the shapes it must refuse. */
#include <stdio.h>

#include "tap.h"
#include "audit/audit.h"

static const struct {
        const char *in;
        int r;
        int64_t t;
} cases[] = {
        { "1970-01-01T00:00:00Z", 0, 0 },
        { "1970-01-01T00:00:00.000000Z", 0, 0 },
        { "2000-02-29T12:00:00.5Z", 0, 951825600 },
        { "2024-03-01T00:00:00Z", 0, 1709251200 },
        { "2026-12-02T05:49:33.005180Z", 0, 1796190573 },
        { "2100-01-01T00:00:00Z", 0, 4102444800 },
        { "2026-12-02T05:49:33+00:00", -EINVAL, 0 },   /* AKIOS's offset form */
        { "2026-12-02T05:49:33+00:00Z", -EINVAL, 0 },  /* AKIOS's malformed one */
        { "2026-12-02 05:49:33Z", -EINVAL, 0 },
        { "2026-13-02T05:49:33Z", -EINVAL, 0 },
        { "2026-12-02T24:00:00Z", -EINVAL, 0 },
        { "1969-12-31T23:59:59Z", -EINVAL, 0 },
        { "2026-12-02T05:49:33.Zx", -EINVAL, 0 },
        { "", -EINVAL, 0 },
};

int main(void)
{
        for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
                int64_t t = -1;
                int r = audit_parse_ts(cases[i].in, &t);

                is_int(r, cases[i].r, "audit_parse_ts('%s') returns %d", cases[i].in,
                       cases[i].r);
                if (cases[i].r == 0)
                        is_int(t, cases[i].t, "'%s' is %lld s after the epoch", cases[i].in,
                               (long long)cases[i].t);
        }
        return done_testing();
}
