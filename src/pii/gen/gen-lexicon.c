/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gen-lexicon: a build tool. Reads the word lists of data/lexicon/ (given names, surnames,
 * cities, regions, countries, ordinary words, street types) and writes C source with one
 * open-addressing hash table of lower-cased keys, each with its lexicon flags (lexicon.h),
 * so names.c looks a word up in one hash and one compare.
 *
 * usage: gen-lexicon given.txt surnames.txt cities.txt regions.txt countries.txt words.txt
 *                    streettypes.txt places-extra.txt given-wide.txt towns.txt > lexicon-data.c
 * A missing file, an empty list or an over-long entry is an error (file:line), never skipped.
 */
#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pii/lexicon.h"

#define MAX_KEY 63
/* read_list() of places-extra.txt and names-intl.txt: the flags come from its third column */
#define LEX_EXTRA_PLACE (1u << 15)

struct entry {
        char *key;
        uint16_t flags;
};

static struct entry *ents;
static size_t n_ents, cap_ents;
static uint32_t *slots;
static size_t n_slots;
static char *suffixes[256];
static size_t n_suffixes;

__attribute__((format(printf, 1, 2))) static void die(const char *fmt, ...)
{
        va_list ap;

        fprintf(stderr, "gen-lexicon: ");
        va_start(ap, fmt);
        vfprintf(stderr, fmt, ap);
        va_end(ap);
        fputc('\n', stderr);
        exit(1);
}

/* Insert or merge flags; the table is built with chaining through a temporary hash. */
static size_t tmp_cap;
static uint32_t *tmp_slots;

static uint32_t find_or_add(const char *key)
{
        uint32_t h = pii_lex_hash(key, strlen(key));
        size_t mask = tmp_cap - 1, i = h & mask;

        while (tmp_slots[i]) {
                struct entry *e = &ents[tmp_slots[i] - 1];

                if (strcmp(e->key, key) == 0)
                        return tmp_slots[i] - 1;
                i = (i + 1) & mask;
        }
        if (n_ents == cap_ents) {
                cap_ents = cap_ents ? cap_ents * 2 : 65536;
                ents = realloc(ents, cap_ents * sizeof(*ents));
                if (!ents)
                        die("%s", "out of memory");
        }
        ents[n_ents] = (struct entry){ .key = strdup(key) };
        if (!ents[n_ents].key)
                die("%s", "out of memory");
        tmp_slots[i] = (uint32_t)++n_ents;
        if (n_ents * 2 > tmp_cap)
                die("%s%lu", "too many entries for the temporary table: ", (unsigned long)n_ents);
        return (uint32_t)(n_ents - 1);
}

static void add(const char *phrase, uint16_t flags)
{
        char key[MAX_KEY + 1];
        size_t n = pii_lex_lower(phrase, strlen(phrase), key, sizeof(key));
        char *sp;
        uint32_t i;

        if (n == 0)
                return;
        i = find_or_add(key); /* before indexing: it may move ents */

        ents[i].flags |= flags;
        /* the first word of a multi-word place tells the matcher to try the phrase */
        sp = strchr(key, ' ');
        if (sp && (flags & (LEX_CITY | LEX_REGION | LEX_COUNTRY | LEX_TOWN))) {
                *sp = '\0';
                i = find_or_add(key);
                ents[i].flags |= flags & LEX_TOWN ? LEX_TOWN_PHRASE : LEX_PHRASE;
        }
}

static void read_list(const char *path, uint16_t flags, uint16_t top_flag, unsigned long top_n)
{
        FILE *f = fopen(path, "r");
        char line[512];
        unsigned long ln = 0, n = 0;

        if (!f)
                die("cannot open %s: errno %lu", path, (unsigned long)errno);
        while (fgets(line, sizeof(line), f)) {
                size_t len = strlen(line);
                char *tab, *col2 = NULL, *col3 = NULL;
                uint16_t fl = flags;

                ln++;
                if (len && line[len - 1] != '\n' && !feof(f))
                        die("%s:%lu: line too long", path, ln);
                line[strcspn(line, "\r\n")] = '\0';
                if (line[0] == '\0' || line[0] == '#')
                        continue;
                tab = strchr(line, '\t');
                if (tab) {
                        *tab = '\0';
                        col2 = tab + 1; /* the language: documentation only */
                        tab = strchr(col2, '\t');
                        if (tab) {
                                *tab = '\0';
                                col3 = tab + 1;
                        }
                }
                (void)col2;
                if (strlen(line) > MAX_KEY)
                        continue; /* a long place name can never be one token run we look up */
                if (flags == LEX_STREET) {
                        if (!col3)
                                die("%s:%lu: want word<TAB>language<TAB>position", path, ln);
                        if (strcmp(col3, "after") == 0)
                                fl = LEX_STREET;
                        else if (strcmp(col3, "before") == 0)
                                fl = LEX_STREET_BEFORE;
                        else if (strcmp(col3, "suffix") == 0) {
                                if (n_suffixes == 256)
                                        die("%s:%lu: too many suffixes", path, ln);
                                suffixes[n_suffixes++] = strdup(line);
                                fl = LEX_STREET;
                        } else {
                                die("%s:%lu: position must be after, before or suffix", path, ln);
                        }
                }
                if (flags == LEX_CITY && col3 && strtoul(col3, NULL, 10) >= 100000)
                        fl |= LEX_CITY_BIG;
                if (flags == LEX_EXTRA_PLACE) { /* places-extra.txt: city, region or country */
                        if (col3 && strcmp(col3, "city") == 0)
                                fl = LEX_CITY | LEX_CITY_BIG;
                        else if (col3 && strcmp(col3, "region") == 0)
                                fl = LEX_REGION;
                        else if (col3 && strcmp(col3, "country") == 0)
                                fl = LEX_COUNTRY;
                        else if (col3 && strcmp(col3, "given") == 0)
                                fl = LEX_GIVEN; /* names-intl.txt */
                        else if (col3 && strcmp(col3, "surname") == 0)
                                fl = LEX_SURNAME;
                        else
                                die("%s:%lu: want name<TAB>language<TAB>"
                                    "city|region|country|given|surname", path, ln);
                }
                if (n < top_n)
                        fl |= top_flag;
                add(line, fl);
                n++;
        }
        if (ferror(f))
                die("read error on %s", path);
        fclose(f);
        if (n == 0)
                die("%s: no entries", path);
}

static void emit_string(const char *s)
{
        putchar('"');
        for (; *s; s++) {
                unsigned char c = (unsigned char)*s;

                if (c == '"' || c == '\\')
                        printf("\\%c", c);
                else if (c < 0x20 || c >= 0x7f)
                        printf("\\%03o", c);
                else
                        putchar(c);
        }
        printf("\\0\"");
}

int main(int argc, char **argv)
{
        size_t off = 0;

        if (argc != 13) {
                fprintf(stderr, "usage: gen-lexicon given surnames cities regions countries "
                                "words streettypes places-extra given-wide towns names-intl "
                                "countries-intl\n");
                return 2;
        }
        tmp_cap = 1u << 20;
        tmp_slots = calloc(tmp_cap, sizeof(*tmp_slots));
        if (!tmp_slots)
                die("%s", "out of memory");
        read_list(argv[1], LEX_GIVEN, LEX_GIVEN_TOP, 1000);
        read_list(argv[2], LEX_SURNAME, LEX_SURNAME_TOP, 5000);
        read_list(argv[3], LEX_CITY, 0, 0);
        read_list(argv[4], LEX_REGION, 0, 0);
        read_list(argv[5], LEX_COUNTRY, 0, 0);
        read_list(argv[6], LEX_WORD, 0, 0);
        read_list(argv[7], LEX_STREET, 0, 0);
        read_list(argv[8], LEX_EXTRA_PLACE, 0, 0);
        read_list(argv[9], LEX_GIVEN | LEX_GIVEN_WIDE, 0, 0);
        read_list(argv[10], LEX_TOWN, 0, 0);
        read_list(argv[11], LEX_EXTRA_PLACE, 0, 0); /* names-intl.txt: its column says */
        read_list(argv[12], LEX_COUNTRY, 0, 0);

        if (n_ents >= LEX_IDX_MASK)
                die("%s%lu", "too many entries for LEX_IDX_BITS: ", (unsigned long)n_ents);
        /* at most 40 % full: an absent word (most capitalised words) costs ~1.7 probes
         * (towns.txt put a third-full table at 8 MB) */
        for (n_slots = 1024; n_slots < n_ents * 5 / 2 || n_slots <= (LEX_IDX_MASK >> 7); n_slots *= 2)
                ;
        slots = calloc(n_slots, sizeof(*slots));
        if (!slots)
                die("%s", "out of memory");
        printf("/* Generated by gen-lexicon from data/lexicon/ (see LICENSES.md there). */\n"
               "#include \"pii/lexicon.h\"\n\n");
        printf("const char pii_lex_blob[] =\n");
        for (size_t i = 0; i < n_ents; i++) {
                emit_string(ents[i].key);
                putchar((i % 8 == 7) ? '\n' : ' ');
        }
        printf(";\n\nconst struct pii_lex_entry pii_lex_entries[%zu] = {\n", n_ents);
        for (size_t i = 0; i < n_ents; i++) {
                uint32_t h = pii_lex_hash(ents[i].key, strlen(ents[i].key));
                size_t j = (h >> 7) & (n_slots - 1);

                while (slots[j])
                        j = (j + 1) & (n_slots - 1);
                slots[j] = (uint32_t)(i + 1) | LEX_TAG(h);
                printf("{%zu,%u},", off, ents[i].flags);
                if (i % 8 == 7)
                        putchar('\n');
                off += strlen(ents[i].key) + 1;
        }
        printf("\n};\nconst unsigned pii_lex_n_entries = %zu;\n\n", n_ents);
        printf("const uint32_t pii_lex_slots[%zu] = {\n", n_slots);
        for (size_t j = 0; j < n_slots; j++)
                printf("%u,%s", slots[j], (j % 16 == 15) ? "\n" : "");
        printf("};\nconst unsigned pii_lex_n_slots = %zu;\n\n", n_slots);
        printf("const char *const pii_lex_street_suffixes[] = {\n");
        for (size_t i = 0; i < n_suffixes; i++) {
                emit_string(suffixes[i]);
                printf(",\n");
        }
        printf("NULL };\n");
        return ferror(stdout) ? 1 : 0;
}
