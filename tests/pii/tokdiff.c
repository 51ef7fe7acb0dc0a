/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tokdiff: an in-process differential harness for the token prefilter (src/pii/tokens.c), not
 * part of the build. For each input it compares pii_tok_scan() with PCRE2 over the whole
 * buffer (pii_match_pattern for every class-led pattern), raw findings with their detector,
 * at `from` 0 or (flag a) at every `from` a window can start its scan at; with flag f also
 * pii_scan() of the Hyperscan engine against PCRE2 alone, overlaps resolved. Built with
 * -DPERMISSIVE, every validator accepts (but the VIN's and has-digits', which the TOK rows
 * count on), so a match that a checksum would reject still shows whether its run was read.
 * Flag d prints the class-led patterns (index, name, class, regex in hex, shortest match) for
 * tests/pii/tokdiff-gen.py. Input on stdin: records of a u32 length then the bytes.
 *   cc -O2 -std=gnu11 -D_GNU_SOURCE -Isrc -DAKIOS_HAVE_HS=1 [-DPERMISSIVE] \
 *      tests/pii/tokdiff.c build/libakios.a -o tokdiff -Wl,-Bstatic -lyaml -ljansson \
 *      -lcrypto -lpcre2-8 -lhs -lstdc++ -Wl,-Bdynamic -lm -ldl -pthread
 *   ./tokdiff d > pats.tsv; tests/pii/tokdiff-gen.py pats.tsv 1 100000 walk | ./tokdiff a
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pii/internal.h"

static int cmpf(const void *a, const void *b)
{
        const struct pii_finding *x = a, *y = b;
        if (x->start != y->start) return x->start < y->start ? -1 : 1;
        if (x->end != y->end) return x->end < y->end ? -1 : 1;
        return (int)x->detector - (int)y->detector;
}

static struct pii_finding *snap(struct pii_redactor *r, size_t *n)
{
        struct pii_finding *f = malloc((r->n_found + 1) * sizeof(*f));
        memcpy(f, r->found, r->n_found * sizeof(*f));
        qsort(f, r->n_found, sizeof(*f), cmpf);
        *n = r->n_found;
        return f;
}

static void dump(const char *tag, const struct pii_finding *f, size_t n, const char *buf)
{
        for (size_t i = 0; i < n; i++)
                printf("  %s %s [%llu,%llu) '%.*s'\n", tag, pii_detector_name(f[i].detector),
                       (unsigned long long)f[i].start, (unsigned long long)f[i].end,
                       (int)(f[i].end - f[i].start), buf + f[i].start);
}

static void hexdump(const char *buf, size_t len)
{
        printf("  input(%zu): '", len);
        for (size_t i = 0; i < len; i++) {
                unsigned char c = (unsigned char)buf[i];
                if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') putchar(c);
                else printf("\\x%02x", c);
        }
        printf("'\n");
}

int main(int argc, char **argv)
{
        struct pii_redactor *hs, *pc;
        int allfrom = argc > 1 && strchr(argv[1], 'a');
        int full = argc > 1 && strchr(argv[1], 'f');
        unsigned long long nin = 0, ndiff = 0;
        if (pii_redactor_new_engine(0, NULL, 0, PII_ENGINE_HS, &hs) < 0 ||
            pii_redactor_new_engine(0, NULL, 0, PII_ENGINE_PCRE2, &pc) < 0) {
                fprintf(stderr, "no engines\n");
                return 2;
        }
        if (argc > 1 && strchr(argv[1], 'd')) {
                for (unsigned i = 0; i < pii_n_patterns; i++) {
                        const struct pii_pattern *p = &pii_patterns[i];

                        if (p->tok.cls == TC_NONE && !strchr(argv[1], 'A'))
                                continue;
                        printf("%u\t%s\t%u\t", i, p->name, p->tok.cls);
                        for (const char *c = p->regex; *c; c++)
                                printf("%02x", (unsigned char)*c);
                        printf("\t%u\n", pii_hs_minwidth[i]);
                }
                return 0;
        }
        pii_redactor_set_names(hs, false);
        pii_redactor_set_names(pc, false);
        for (;;) {
                uint32_t len;
                char *buf;
                if (fread(&len, 4, 1, stdin) != 1) break;
                buf = malloc(len + 1);
                if (fread(buf, 1, len, stdin) != len) break;
                nin++;
                size_t step = allfrom ? 1 : (len ? len : 1);
                int reported = 0;
                for (size_t from = 0; from <= (allfrom ? len : 0); from += step) {
                        size_t na, nb;
                        struct pii_finding *a, *b;
                        hs->n_found = 0;
                        if (pii_tok_scan(hs, buf, len, from) < 0) { printf("tok err\n"); return 3; }
                        a = snap(hs, &na);
                        hs->n_found = 0;
                        for (unsigned p = 0; p < pii_n_patterns; p++)
                                if (pii_patterns[p].tok.cls != TC_NONE &&
                                    pii_match_pattern(hs, p, buf, len, len, from, SIZE_MAX) < 0) {
                                        printf("pcre err\n"); return 3;
                                }
                        b = snap(hs, &nb);
                        if (na != nb || memcmp(a, b, na * sizeof(*a)) != 0) {
                                if (!reported) { hexdump(buf, len); ndiff++; }
                                reported = 1;
                                printf(" TOKDIFF from=%zu\n", from);
                                /* print symmetric difference */
                                size_t i = 0, j = 0;
                                while (i < na || j < nb) {
                                        int c = i < na && j < nb ? cmpf(&a[i], &b[j])
                                                                 : (i < na ? -1 : 1);
                                        if (c == 0) { i++; j++; continue; }
                                        if (c < 0) { dump("only-tok", &a[i], 1, buf); i++; }
                                        else { dump("only-pcre", &b[j], 1, buf); j++; }
                                }
                        }
                        if (argc > 1 && strchr(argv[1], 'v')) {
                                dump("tok", a, na, buf);
                                dump("pcre", b, nb, buf);
                        }
                        free(a); free(b);
                        if (reported && allfrom) break;
                }
                if (full) {
                        struct pii_finding *fa = NULL, *fb = NULL;
                        size_t na = 0, nb = 0;
                        if (pii_scan(hs, buf, len, 0, &fa, &na) < 0 ||
                            pii_scan(pc, buf, len, 0, &fb, &nb) < 0) {
                                printf("scan err\n"); return 3;
                        }
                        if (na != nb || (na && memcmp(fa, fb, na * sizeof(*fa)) != 0)) {
                                if (!reported) { hexdump(buf, len); ndiff++; }
                                printf(" SCANDIFF\n");
                                dump("hs", fa, na, buf);
                                dump("pc", fb, nb, buf);
                        }
                        free(fa); free(fb);
                }
                free(buf);
                fflush(stdout);
        }
        fprintf(stderr, "inputs %llu, differing %llu\n", nin, ndiff);
        return ndiff ? 1 : 0;
}
#ifdef PERMISSIVE
/* Every validator accepts, except those whose checks the TOK rows rely on (VIN: 17 long, two
 * letters, four digits at the end; has-digits: a digit). */
int pii_validate(unsigned validator, const char *b, size_t len, size_t s, size_t *e)
{
        if (validator == V_VIN) {
                unsigned letters = 0;
                if (*e - s != 17) return 0;
                for (size_t i = s; i < *e; i++) letters += b[i] >= 'A' && b[i] <= 'Z';
                for (size_t i = s + 13; i < s + 17; i++) if (b[i] < '0' || b[i] > '9') return 0;
                return letters >= 2;
        }
        if (validator == V_HAS_DIGITS) {
                for (size_t i = s; i < *e; i++) if (b[i] >= '0' && b[i] <= '9') return 1;
                return 0;
        }
        return 1;
}
#endif
