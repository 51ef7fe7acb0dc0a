/* SPDX-License-Identifier: GPL-3.0-or-later */
/* train-names: trains the averaged perceptron of names.c (the tagger that decides the
 * capitalised runs the rules leave open) and writes its weights as C (src/pii/names-weights.c).
 *
 * usage: train-names TRAIN.jsonl [EPOCHS] > names-weights.c
 * TRAIN.jsonl: one document a line, {"text": "...", "labels": [["PERSON", start, end], ...]}
 * with UTF-8 byte offsets (src/pii/gen/names-traindata.py writes it). The candidates and their
 * features are exactly the detector's: pii_names_walk runs with a tagging callback, so what is
 * trained is what runs. A candidate's gold class is the type of a label it overlaps (O if none).
 * Deterministic: documents are visited in an order drawn from a fixed-seed generator.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "pii/names.h"

struct label {
        int cls;
        size_t s, e;
};

struct doc {
        char *text;
        size_t len;
        struct label *lab;
        size_t n_lab;
};

static float w[NAMES_NCLASS][NAMES_NFEAT], u[NAMES_NCLASS][NAMES_NFEAT];
static double steps = 1;
static const struct doc *cur;
static unsigned long n_seen, n_wrong;

static int no_emit(void *ud, size_t s, size_t e, unsigned type, unsigned nd, float score)
{
        return 0;
}

static int gold_of(size_t s, size_t e)
{
        for (size_t i = 0; i < cur->n_lab; i++)
                if (cur->lab[i].s < e && s < cur->lab[i].e)
                        return cur->lab[i].cls;
        return NC_O;
}

static int train_tag(void *ud, size_t s, size_t e, const uint32_t *f, unsigned n)
{
        float sc[NAMES_NCLASS] = { 0 };
        int pred = 0, gold = gold_of(s, e);

        for (int c = 0; c < NAMES_NCLASS; c++)
                for (unsigned i = 0; i < n; i++)
                        sc[c] += w[c][f[i]];
        for (int c = 1; c < NAMES_NCLASS; c++)
                if (sc[c] > sc[pred])
                        pred = c;
        n_seen++;
        if (pred != gold) {
                n_wrong++;
                for (unsigned i = 0; i < n; i++) {
                        w[gold][f[i]] += 1;
                        u[gold][f[i]] += (float)steps;
                        w[pred][f[i]] -= 1;
                        u[pred][f[i]] -= (float)steps;
                }
        }
        steps++;
        return pred;
}

static int cls_of(const char *type)
{
        if (strcmp(type, "PERSON") == 0)
                return NC_PERSON;
        if (strcmp(type, "LOCATION") == 0)
                return NC_LOCATION;
        return -1; /* STREET_ADDRESS: the rules' business, not the tagger's */
}

static int load(const char *path, struct doc **ret, size_t *ret_n)
{
        FILE *f = fopen(path, "r");
        char *line = NULL;
        size_t cap = 0, n = 0, ln = 0;
        struct doc *docs = NULL;

        if (!f) {
                fprintf(stderr, "train-names: %s: %s\n", path, strerror(errno));
                return -1;
        }
        while (getline(&line, &cap, f) > 0) {
                json_error_t err;
                json_t *j = json_loads(line, 0, &err), *labs, *l;
                struct doc *d;
                size_t i;

                ln++;
                if (!j || !json_is_string(json_object_get(j, "text")) ||
                    !json_is_array(labs = json_object_get(j, "labels"))) {
                        fprintf(stderr, "train-names: %s:%zu:%d: not a training record: %s\n",
                                path, ln, err.column, j ? "want text and labels" : err.text);
                        return -1;
                }
                docs = realloc(docs, (n + 1) * sizeof(*docs));
                if (!docs)
                        return -1;
                d = &docs[n++];
                d->len = json_string_length(json_object_get(j, "text"));
                d->text = malloc(d->len + 1);
                d->lab = calloc(json_array_size(labs) + 1, sizeof(*d->lab));
                if (!d->text || !d->lab)
                        return -1;
                memcpy(d->text, json_string_value(json_object_get(j, "text")), d->len + 1);
                d->n_lab = 0;
                json_array_foreach(labs, i, l) {
                        int c = cls_of(json_string_value(json_array_get(l, 0)) ?: "");
                        json_int_t s = json_integer_value(json_array_get(l, 1));
                        json_int_t e = json_integer_value(json_array_get(l, 2));

                        if (s < 0 || e <= s || (size_t)e > d->len) {
                                fprintf(stderr, "train-names: %s:%zu: label %zu out of range\n",
                                        path, ln, i);
                                return -1;
                        }
                        if (c >= 0)
                                d->lab[d->n_lab++] = (struct label){ c, (size_t)s, (size_t)e };
                }
                json_decref(j);
        }
        free(line);
        fclose(f);
        *ret = docs;
        *ret_n = n;
        return n ? 0 : -1;
}

int main(int argc, char **argv)
{
        struct doc *docs;
        size_t n, *order;
        unsigned epochs = argc > 2 ? (unsigned)atoi(argv[2]) : 10;
        uint64_t rng = 0x11a11a11aULL;

        if (argc < 2 || load(argv[1], &docs, &n) < 0) {
                fprintf(stderr, "usage: train-names TRAIN.jsonl [EPOCHS] > names-weights.c\n");
                return 2;
        }
        order = malloc(n * sizeof(*order));
        if (!order)
                return 1;
        for (size_t i = 0; i < n; i++)
                order[i] = i;
        for (unsigned ep = 0; ep < epochs; ep++) {
                for (size_t i = n - 1; i > 0; i--) {
                        size_t j, t;

                        rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
                        j = (size_t)((rng >> 33) % (i + 1));
                        t = order[i], order[i] = order[j], order[j] = t;
                }
                n_seen = n_wrong = 0;
                for (size_t i = 0; i < n; i++) {
                        cur = &docs[order[i]];
                        if (pii_names_walk(cur->text, cur->len, 0, no_emit, train_tag, NULL, NULL) < 0)
                                return 1;
                }
                fprintf(stderr, "train-names: epoch %u: %lu candidates, %lu wrong (%.2f%%)\n",
                        ep + 1, n_seen, n_wrong, n_seen ? 100.0 * n_wrong / n_seen : 0);
        }
        printf("/* SPDX-License-Identifier: GPL-3.0-or-later */\n"
               "/* Generated by `make train-names` (src/pii/gen/train-names.c, %u epochs on\n"
               " * src/pii/gen/names-traindata.py's corpus): the averaged perceptron of names.c.\n"
               " * Do not edit; retrain. */\n#include \"pii/names.h\"\n\n"
               "const float pii_names_weights[NAMES_NCLASS][NAMES_NFEAT] = {\n", epochs);
        for (int c = 0; c < NAMES_NCLASS; c++) {
                printf("{\n");
                for (unsigned i = 0; i < NAMES_NFEAT; i++) {
                        float a = w[c][i] - u[c][i] / (float)steps;

                        if (a == 0)
                                printf("0,");
                        else
                                printf("%.4ef,", (double)a);
                        if (i % 12 == 11)
                                putchar('\n');
                }
                printf("},\n");
        }
        printf("};\n");
        return ferror(stdout) ? 1 : 0;
}
