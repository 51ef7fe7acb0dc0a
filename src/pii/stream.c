/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Streaming and whole-buffer entry points: slides the scan window of scan.c over inputs of
 * any size and hands each finding's replacement (redact.c) to the caller. Split out of
 * scan.c and redact.c so the three files no longer call each other in a cycle (issue 13):
 * stream.c uses scan.c (pii_scan_window) and redact.c (pii_emit_replacement); neither of
 * those uses stream.c.
 *
 * Streaming keeps PII_MAX_SPAN bytes before and after the part of the window it commits, so
 * a match that straddles a feed boundary is found whole; memory stays bounded.
 * Failure is never a pass-through: pii_redact() drops its partial output on any error.
 */
#include <stdlib.h>
#include <string.h>

#include "pii/internal.h"
#include "util/util.h"

#define ROUND_SIZE (1u << 20) /* bytes committed per streaming round */

/* ---- streaming ---------------------------------------------------------- */

struct pii_stream {
        struct pii_redactor *r;
        pii_emit_fn emit;
        pii_finding_fn on_finding;
        void *userdata;
        char *w;          /* window */
        size_t wlen, wcap;
        uint64_t wbase;   /* absolute offset of w[0] */
        uint64_t done;    /* absolute offset up to which output and findings are final */
        int error;
};

int pii_stream_new(struct pii_redactor *r, pii_emit_fn emit, pii_finding_fn on_finding,
                   void *userdata, struct pii_stream **ret)
{
        struct pii_stream *s = calloc(1, sizeof(*s));

        if (!s)
                return -ENOMEM;
        s->wcap = ROUND_SIZE + 3 * (PII_MAX_SPAN + PII_LOOK_MARGIN);
        s->w = malloc(s->wcap);
        if (!s->w) {
                free(s);
                return -ENOMEM;
        }
        *s = (struct pii_stream){ .r = r, .emit = emit, .on_finding = on_finding,
                                  .userdata = userdata, .w = s->w, .wcap = s->wcap };
        *ret = s;
        return 0;
}

void pii_stream_free(struct pii_stream *s)
{
        if (!s)
                return;
        free(s->w);
        free(s);
}

static int emit_text(struct pii_stream *s, uint64_t from, uint64_t to)
{
        if (!s->emit || to <= from)
                return 0;
        return s->emit(s->userdata, s->w + (from - s->wbase), (size_t)(to - from));
}

/* Scan the window and commit everything that starts before `commit` (absolute). */
static int process(struct pii_stream *s, bool final)
{
        struct pii_redactor *r = s->r;
        uint64_t wend = s->wbase + s->wlen;
        uint64_t commit = final ? wend : wend - (PII_MAX_SPAN + PII_LOOK_MARGIN);
        int e = pii_scan_window(r, s->w, s->wlen, (size_t)(s->done - s->wbase), s->wbase);

        if (e < 0)
                return e;
        for (size_t i = 0; i < r->n_found; i++) {
                struct pii_finding f = r->found[i];

                f.start += s->wbase;
                f.end += s->wbase;
                if (f.start >= commit)
                        break;
                e = emit_text(s, s->done, f.start);
                if (e >= 0 && s->emit)
                        e = pii_emit_replacement(r, &f, s->w + (f.start - s->wbase), s->emit,
                                                 s->userdata);
                if (e >= 0 && s->on_finding)
                        e = s->on_finding(s->userdata, &f);
                if (e < 0)
                        return e;
                r->counts[f.type]++;
                s->done = f.end;
        }
        if (s->done < commit) {
                e = emit_text(s, s->done, commit);
                if (e < 0)
                        return e;
                s->done = commit;
        }
        return 0;
}

/* Drop what is no longer needed: keep PII_MAX_SPAN (+margin) of context before `done`. */
static void slide(struct pii_stream *s)
{
        uint64_t ctx = PII_MAX_SPAN + PII_LOOK_MARGIN, keep = s->done > ctx ? s->done - ctx : 0;
        size_t drop;

        if (keep <= s->wbase)
                return;
        drop = (size_t)(keep - s->wbase);
        memmove(s->w, s->w + drop, s->wlen - drop);
        s->wlen -= drop;
        s->wbase = keep;
}

/* The window is full: scan it, commit what is final, keep the context. */
static int round_done(struct pii_stream *s)
{
        int e = process(s, false);

        if (e < 0)
                return s->error = e;
        slide(s);
        return 0;
}

int pii_stream_space(struct pii_stream *s, char **ret, size_t *ret_n)
{
        if (s->error)
                return s->error;
        /* feed and commit leave the window with room: a full one is processed at once */
        *ret = s->w + s->wlen;
        *ret_n = s->wcap - s->wlen;
        return 0;
}

int pii_stream_commit(struct pii_stream *s, size_t n)
{
        if (s->error)
                return s->error;
        if (n > s->wcap - s->wlen)
                return s->error = -EINVAL;
        s->wlen += n;
        return s->wlen == s->wcap ? round_done(s) : 0;
}

int pii_stream_feed(struct pii_stream *s, const char *p, size_t n)
{
        if (s->error)
                return s->error;
        while (n > 0) {
                size_t take = MIN(n, s->wcap - s->wlen);

                memcpy(s->w + s->wlen, p, take);
                s->wlen += take;
                p += take;
                n -= take;
                if (s->wlen == s->wcap && round_done(s) < 0)
                        return s->error;
        }
        return 0;
}

int pii_stream_finish(struct pii_stream *s)
{
        int e;

        if (s->error)
                return s->error;
        e = process(s, true);
        if (e < 0)
                return s->error = e;
        s->error = -ESHUTDOWN; /* nothing more may be fed */
        return 0;
}

/* A whole buffer: one window straight on the caller's memory when it fits (the common case:
 * a prompt, a tool's output, a ledger string), else the stream. Same findings either way. */
static int oneshot(struct pii_redactor *r, const char *in, size_t len, pii_emit_fn emit,
                pii_finding_fn on_finding, void *userdata)
{
        _cleanup_(pii_stream_freep) struct pii_stream *s = NULL;
        size_t done = 0;
        int e;

        if (len > ROUND_SIZE) {
                e = pii_stream_new(r, emit, on_finding, userdata, &s);
                if (e >= 0)
                        e = pii_stream_feed(s, in, len);
                return e < 0 ? e : pii_stream_finish(s);
        }
        e = pii_scan_window(r, in, len, 0, 0);
        if (e < 0)
                return e;
        for (size_t i = 0; i < r->n_found; i++) {
                const struct pii_finding *f = &r->found[i];

                if (emit && f->start > done)
                        e = emit(userdata, in + done, (size_t)f->start - done);
                if (e >= 0 && emit)
                        e = pii_emit_replacement(r, f, in + f->start, emit, userdata);
                if (e >= 0 && on_finding)
                        e = on_finding(userdata, f);
                if (e < 0)
                        return e;
                r->counts[f->type]++;
                done = (size_t)f->end;
        }
        if (emit && len > done)
                return emit(userdata, in + done, len - done);
        return 0;
}

/* ---- whole-buffer entry points -------------------------------------------- */

static int emit_to_buf(void *userdata, const char *p, size_t n)
{
        return buf_append(userdata, p, n);
}

int pii_redact(struct pii_redactor *r, const char *in, size_t len, struct buf *out,
               size_t *ret_count)
{
        uint64_t before = 0, after = 0;
        size_t saved = out->len;
        int e;

        for (unsigned i = 0; i < _T_MAX; i++)
                before += r->counts[i];
        e = oneshot(r, in, len, emit_to_buf, NULL, out);
        if (e < 0) {
                /* fail closed: nothing of this text stays in the output */
                out->len = saved;
                if (out->data)
                        out->data[saved] = 0;
                return e;
        }
        for (unsigned i = 0; i < _T_MAX; i++)
                after += r->counts[i];
        *ret_count = (size_t)(after - before);
        return 0;
}

struct collect {
        struct pii_finding *v;
        size_t n, cap, max;
};

static int collect_finding(void *userdata, const struct pii_finding *f)
{
        struct collect *c = userdata;

        if (c->max && c->n == c->max)
                return -E2BIG;
        if (c->n == c->cap) {
                size_t cap = c->cap ? c->cap * 2 : 16;
                struct pii_finding *v = reallocarray(c->v, cap, sizeof(*v));

                if (!v)
                        return -ENOMEM;
                c->v = v;
                c->cap = cap;
        }
        c->v[c->n++] = *f;
        return 0;
}

int pii_scan(struct pii_redactor *r, const char *in, size_t len, size_t max,
             struct pii_finding **ret, size_t *ret_n)
{
        struct collect c = { .max = max };
        int e = oneshot(r, in, len, NULL, collect_finding, &c);

        if (e < 0) {
                free(c.v);
                return e;
        }
        *ret = c.v;
        *ret_n = c.n;
        return 0;
}
