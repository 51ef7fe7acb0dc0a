/* SPDX-License-Identifier: GPL-3.0-or-later */
/* People's names (PERSON), street addresses (STREET_ADDRESS) and places (LOCATION), CONTRACTS
 * §8, found offline in the same pass as the patterns (scan.c calls pii_names_walk on each
 * window when `pii_detect_names` is on).
 *
 * The unit is a run: up to RUN_MAX capitalised words joined by single spaces, with initials
 * ("J."), title abbreviations ("Dr.") and lower-case particles (van, de, von) inside. Each
 * word is looked up in the lexicon compiled into the binary (lexicon.h: census given names
 * and surnames, the wider given names of given-wide.txt, geonames cities and regions,
 * countries, places-extra.txt, wamerican's ordinary words, street types). Then, in order:
 * 1. street: a house number before a run with a street type (12 Main Street, 12 rue de la
 *    Paix, ul. Długa 45), or a street run before its number (Hauptstraße 5, Via Roma 12),
 *    plus a unit after it or before the number (Apt 5B, 233 ...); a numbered street (350 W
 *    42nd St, 1200 5th Avenue); PO Box 12, Postbus 511, Postfach 12, Caixa Postal 45.
 * 2. person context, of high precision: a title or salutation (Mr, Dr, Frau, M., Mme, Sr,
 *    Dear, Hi; a rank in capitals before a given name: PC Daniel Whitehorse; letters after
 *    the name are dropped: FRCS), a speaker's label in a transcript (KOFI:, HOST (MELODY
 *    CHEN):), a field label (Name:, Patient:, "customer_name": ..., a CSV column's header:
 *    first_name, a text table's header cell above the cell's column, an SQL INSERT's column
 *    or its CREATE TABLE's, an XML element: <given>; every
 *    item of a list after one: Present: A, B, C), a list of given names (Declan, Aoife and
 *    Cian), a chat's mention (@Kasia), a mail header (From: Ana López <...>), a run
 *    before "<e-mail>", a sign-off on the line before or before it on its line (Regards,
 *    Tom), a noun for a person before (her husband Tunde),
 *    "et al." after; a word of a name of two words or more found in the last SEEN_DIST
 *    bytes, alone (Rajesh Venkataraman ... Rajesh confirmed).
 * 3. place context: a postcode before (75008 Paris), ", ST" or ", Region" after, a place
 *    label (City:), a preposition before a place of the lexicon (in Lyon, in Turkey), the
 *    next item of a list of places; a town's river goes with it (Frankfurt am Main).
 * 4. lexicon: given name + surname ("First [M.] Last") unless both are ordinary words,
 *    "Last, First", a word of the run repeated in a nearby e-mail's local part.
 * 5. what is left and has at least one word that is a name, a place or no English word goes
 *    to a small averaged perceptron (features below, weights in names-weights.c, trained by
 *    `make train-names` on data made by src/pii/gen/names-traindata.py).
 * Runs of ordinary words only, words glued to code punctuation (a.b, f(, x_y, @, /) and
 * all-capital words without a label, title or shape of a name (SUZUKI Takeshi, Gianluca
 * ESPOSITO) are never names, and a word with a digit ends a run (London SW1A 2AA). The design notes, and what
 * each rule cost: docs/design/ARCHITECTURE.md, "PII engine: where the time goes".
 * Nothing here allocates; work is per capitalised word.
 */
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pii/lexicon.h"
#include "pii/names.h"
#include "pii/patterns.h"
#include "util/util.h"

#define RUN_MAX 6
#define WORD_MAX 32 /* longer words are no names ("Friedlinde-Mitschke-Platz" is 25) */
#define PLAIN_MAX 24 /* nor longer words without a hyphen (a Cyrillic 13-letter word is 26
                      * bytes, which the tagger was not trained on) */
#define AT_KEEP 32  /* '@' positions remembered for the e-mails near runs */
#define AT_AHEAD 4096 /* bytes searched for '@' at a time, at least */
#define PREV_KEEP 8   /* words before runs remembered (prev_word) */

/* Whether w[0, n) ends like an East Slavic patronymic; such a word may pass PLAIN_MAX
 * ("Александровича" is 28 bytes). With the endings, below. */
static bool long_patronymic(const char *w, size_t n);

struct tok {
        size_t s, e;     /* the word, e after a dot that belongs to it */
        unsigned lex;    /* lexicon flags */
        bool upper;      /* starts with a capital */
        bool allcaps;
        bool dot;        /* "J.", "Dr." */
        bool particle;
        bool digit;
        bool nonascii;
        unsigned sets;   /* the word lists it is in (set_mask) */
        bool street_suffix; /* "Hauptstraße" (street_suffix) */
        bool no_camel;   /* tok_fill saw no capital after a small letter (camel()) */
        size_t n;        /* letters of the word (bytes) */
        char low[WORD_MAX + 1];
};

struct run {
        struct tok t[RUN_MAX];
        unsigned n;
        unsigned a, b;   /* the candidate tokens [a, b) after titles are stripped */
};

/* What tok_fill learns of a lower-cased word, kept for the words seen last: a lexicon
 * lookup reads three cache lines of a table of 7 MB, and text repeats its capitalised words
 * ("The", "Every", the names of its people and places). What a slot holds is a function of
 * its word alone (the lexicon and the word lists are constants), so the cache outlives the
 * walk: one per thread, never cleared, and a walk's findings do not depend on what it holds.
 * 4,096 slots: with 512 kept per walk, real prose (a vocabulary of 5,000 words) missed on
 * 54,000 words per 5 MB, a tenth of its scan (word_learn). */
#define WCACHE_BITS 12
#define WCACHE (1u << WCACHE_BITS) /* words */
struct wcache {
        char low[WORD_MAX];
        uint8_t n;     /* bytes of low; 0: an empty slot */
        uint16_t lex;  /* word_lex() */
        uint16_t sets; /* set_mask() */
        bool street_suffix;
};
static _Thread_local struct wcache wcache_tab[WCACHE]; /* by wcache_slot() */

#define SQL_TABLES 8 /* CREATE TABLEs remembered by sql_table_cols() */
#define SEEN_SLOTS 256 /* a power of two */
/* How far back a name is remembered: less than the PII_MAX_SPAN bytes before its committed
 * part that the engine walks again in each streaming round (scan.c), so that what a round
 * finds does not depend on where the rounds begin. */
#define SEEN_DIST 8192

/* A list's region and what its items hold, read once for all its words (a line of 200
 * capitalised CSV cells read its line for each: 1.8 times the time of the whole scan). */
#define PL_ITEMS 64
struct person_list {
        size_t ls, le;                       /* the region; le == 0: none yet */
        size_t colon;                        /* its first ':' (le: none), where it ends */
        bool read;                           /* its items are read */
        unsigned items, strong, full, n;     /* n: items kept in is/ie (PL_ITEMS at most) */
        size_t is[PL_ITEMS], ie[PL_ITEMS];   /* each item, its trailing spaces, dots, quotes off */
        unsigned kind[PL_ITEMS];             /* 1 strong, 2 full, 0 neither */
};

struct walk {
        const char *buf;
        size_t len;
        pii_names_emit_fn emit;
        pii_names_tag_fn tag;
        void *ud;
        size_t last_loc_end; /* end of the last LOCATION, for "City, Region" */
        size_t last_person_end;
        size_t last_street_end;
        size_t skip_to; /* decide(): a finding ran past the run, to here ("Bosnia and
                         * Herzegovina"); the walk goes on from here */
        size_t resume; /* decide(): the run's words from here on are decided on their own
                        * (the town after a street in one capitalised run) */
        /* the '@' bytes of buf[at_lo, at_hi): the last AT_KEEP found, at_pos[k % AT_KEEP]
         * for k < at_n (at_scan) */
        size_t at_lo, at_hi, at_pos[AT_KEEP];
        unsigned at_n;
        /* the last words prev_word() found, at prev[end % PREV_KEEP]: street_word_before,
         * decide and features ask for the same word before a run (and the one before it) */
        struct prev {
                size_t key;  /* 1 + the word's end; 0: an empty slot */
                size_t s;    /* its start, SIZE_MAX when there is no word */
                size_t n;    /* its length, 0 when none */
                unsigned sets; /* word_sets(), when sets_ok */
                bool sets_ok;
                char low[WORD_MAX + 1];
        } prev[PREV_KEEP];
        /* the CSV block csv_label() last found: its lines' separator and count of them,
         * where its lines are known to reach (the start of a line), and its header line
         * [hdr_s, hdr_e) when it has one (csv_hdr): a block without one is remembered too,
         * so that its cells do not each look back for it */
        size_t csv_hdr_s, csv_hdr_e, csv_upto;
        unsigned csv_commas;
        char csv_sep;
        bool csv_ok, csv_hdr;
        bool csv_memo; /* the block's header is memo's: an earlier round saw it */
        /* the line csv_line() last read, [cl_ls, cl_le) with cl_n separators (UINT_MAX: too
         * long), and the last cell's column there: cl_col separators before cl_at, cl_q
         * inside quotes; and the header's column hc_col, which starts at hc_at. A wide CSV
         * line's every cell read its whole line and header again: 0.7 MB/s at 1,024 cells */
        size_t cl_ls, cl_le, cl_at, hc_at, hc_s;
        unsigned cl_n, cl_col, hc_col;
        char cl_sep, hc_sep;
        bool cl_ok, cl_q, hc_ok;
        /* the text table tt_label() last found: its block's first line tt_top, the header
         * line [tt_hs, tt_he) (tt_hs == SIZE_MAX: none up to tt_upto), and the start of the
         * last line known to be in the block */
        size_t tt_top, tt_hs, tt_he, tt_upto;
        bool tt_ok, tt_far; /* tt_far: the block begins too far up, or before the window */
        /* the line csv_label() last found to begin a block (no line above with its count) */
        size_t cb_ls;
        unsigned cb_n;
        char cb_sep;
        bool cb_ok;
        struct pii_names_memo *memo; /* NULL: none */
        /* the SQL tuple sql_label() last placed: its '(' at sql_open, in a VALUES list
         * whose column list is [sql_cols_s, sql_cols_e) (empty when the INSERT names none) */
        size_t sql_open, sql_cols_s, sql_cols_e;
        bool sql_ok, sql_create; /* sql_create: the columns are a CREATE TABLE's body */
        int sql_memo_tbl;        /* >= 0: the columns are memo->tbl[sql_memo_tbl]'s */
        /* the CREATE TABLEs last looked for (sql_table_cols): a table's name, and its body
         * [s, e) (empty when none was found); the oldest slot is reused */
        struct sql_tbl {
                char name[64];
                size_t s, e;
        } sql_tbl[SQL_TABLES];
        unsigned sql_tbl_next;
        /* the words of the names of two words or more found in the last SEEN_DIST bytes
         * (seen_name_add), so that a later "Rajesh" or "Eze" alone is the same person: one
         * slot per hash, the newest word wins */
        struct seen {
                uint32_t h;      /* 0: an empty slot */
                size_t end;      /* where the name ended */
                char low[WORD_MAX + 1];
        } seen[SEEN_SLOTS];
        bool any_seen;
        bool tag_given;  /* the tagger's run starts with a given name (emit) */
        struct person_list plist; /* person_list_item()'s region, read once */
        /* a chat's speakers in small letters (chat_lower_names), each with where its line
         * began, and the end of the last line with a speaker: CHAT_KEEP of them, read back
         * CHAT_MEMORY bytes at most, under the 16 KB a streaming round walks again */
        struct {
                size_t at;
                char low[16];
        } chat_spk[8];
        unsigned chat_spk_next;
        size_t chat_end; /* 1 + the end of the last chat line with a speaker; 0: none */
};

/* ---- bytes and words ------------------------------------------------------ */

/* Classes of a byte for the tests that run on most bytes looked at: one table read, and only
 * the lead bytes of two-byte letters go on to look at the byte after. */
enum {
        BC_ALNUM = 1 << 0,   /* ASCII letters and digits */
        BC_WORDISH = 1 << 1, /* those, '_' and UTF-8 continuation bytes (wordish()) */
        BC_LEAD = 1 << 2,    /* 0xc3-0xd4: may start a letter of letter_at() */
};
static const uint8_t byte_class[256] = {
        ['0' ... '9'] = BC_ALNUM | BC_WORDISH, ['A' ... 'Z'] = BC_ALNUM | BC_WORDISH,
        ['a' ... 'z'] = BC_ALNUM | BC_WORDISH, ['_'] = BC_WORDISH,
        [0x80 ... 0xbf] = BC_WORDISH, [0xc3 ... 0xd4] = BC_LEAD, [0xe1] = BC_LEAD,
};

static bool is_cont(unsigned char c)
{
        return c >= 0x80 && c <= 0xbf;
}

/* Bytes of the letter at i (ASCII, Latin and Greek/Cyrillic two-byte UTF-8, Latin Extended
 * Additional's three: Vietnamese "ờ", "ệ"), 0 if none. */
static inline size_t letter_at(const char *b, size_t len, size_t i)
{
        unsigned char c = (unsigned char)b[i];

        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
                return 1;
        if (c == 0xe1 && i + 2 < len && (unsigned char)b[i + 1] >= 0xb8 &&
            (unsigned char)b[i + 1] <= 0xbb && is_cont((unsigned char)b[i + 2]))
                return 3; /* U+1E00-U+1EFF */
        if (c >= 0xc3 && c <= 0xd4 && i + 1 < len && is_cont((unsigned char)b[i + 1])) {
                unsigned char d = (unsigned char)b[i + 1];

                if (c == 0xc3 && (d == 0x97 || d == 0xb7)) /* × ÷ */
                        return 0;
                return 2;
        }
        return 0;
}

/* Latin Extended-A (U+0100-U+017F): capitals and small letters alternate, the capital first
 * up to U+0137, then after U+0138 (kra) and U+0149 (n preceded by apostrophe) the other way
 * round for a while: Ł U+0141, Ž U+017D and Ź U+0179 are odd. */
static inline bool latin_a_upper(unsigned cp)
{
        if (cp <= 0x137)
                return !(cp & 1);
        if (cp <= 0x148)
                return cp != 0x138 && (cp & 1);
        if (cp <= 0x177)
                return cp != 0x149 && !(cp & 1);
        if (cp == 0x178)
                return true;
        return cp <= 0x17e && (cp & 1);
}

static inline bool upper_at(const char *b, size_t len, size_t i)
{
        unsigned char c = (unsigned char)b[i], d;

        if (c >= 'A' && c <= 'Z')
                return true;
        if (c < 0xc3 || i + 1 >= len)
                return false;
        d = (unsigned char)b[i + 1];
        switch (c) {
        case 0xc3: return d >= 0x80 && d <= 0x9e && d != 0x97;
        case 0xc4: case 0xc5: return is_cont(d) && latin_a_upper(((c & 0x1fu) << 6) | (d & 0x3fu));
        case 0xd0: return d >= 0x80 && d <= 0xaf;
        case 0xce: return d >= 0x91 && d <= 0xa9;
        default: return false;
        }
}

/* Whether one of the eight bytes at p is an ASCII digit: one load, no loop (a byte b is a
 * digit iff b - '0' < 10, each byte in its lane). */
static inline bool digit_in8(const char *p)
{
        uint64_t v;

        memcpy(&v, p, 8);
        return (((v | 0x8080808080808080ull) - 0x3030303030303030ull) &
                ~((v | 0x8080808080808080ull) - 0x3a3a3a3a3a3a3a3aull) & ~v &
                0x8080808080808080ull) != 0;
}

static bool is_digit(char c)
{
        return c >= '0' && c <= '9';
}

/* A letter, digit, '_' or continuation byte at i. */
static inline bool wordish(const char *b, size_t len, size_t i)
{
        unsigned char c = (unsigned char)b[i];

        if (byte_class[c] & BC_WORDISH)
                return true;
        return (byte_class[c] & BC_LEAD) && letter_at(b, len, i);
}

#ifdef __SSE2__
/* How many of the 16 bytes at p are ASCII letters and digits, from the first on; *digit set
 * when a digit is among them. A word's bytes are nearly all such, and a byte loop ends in a
 * mispredicted branch per word. */
static unsigned alnum_prefix16(const char *p, bool *digit)
{
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        /* as in next_cap_start: a range moved to the bottom of the signed range */
        __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)),
                                                    _mm_set1_epi8((char)(0x80 - 'a'))),
                                       _mm_set1_epi8((char)(0x80 + 26)));
        __m128i num = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
                                     _mm_set1_epi8((char)(0x80 + 10)));
        unsigned nm = (unsigned)_mm_movemask_epi8(num);
        unsigned k = (unsigned)__builtin_ctz(~((unsigned)_mm_movemask_epi8(_mm_or_si128(alpha,
                                                                                  num))));

        if (nm & ((1u << k) - 1))
                *digit = true;
        return k;
}
#endif

/* The end of the word at i: letters and digits, with an apostrophe (' or U+2019) or a
 * hyphen inside when a letter follows. */
static size_t word_end(const char *b, size_t len, size_t i, bool *digit)
{
        bool d = false;

        while (i < len) {
                unsigned char c;
                size_t l;

#ifdef __SSE2__
                if (len - i >= 16) {
                        unsigned k = alnum_prefix16(b + i, &d);

                        i += k;
                        if (k == 16)
                                continue;
                }
#endif
                c = (unsigned char)b[i];
                /* ASCII letters and digits first: nearly every byte of a word */
                if (byte_class[c] & BC_ALNUM) {
                        d |= is_digit((char)c);
                        i++;
                } else if ((l = letter_at(b, len, i)) != 0) {
                        i += l;
                } else if ((c == '\'' || c == '-') && i + 1 < len && letter_at(b, len, i + 1)) {
                        i++;
                } else if (c == 0xe2 && i + 3 < len && (unsigned char)b[i + 1] == 0x80 &&
                           (unsigned char)b[i + 2] == 0x99 && letter_at(b, len, i + 3)) {
                        i += 3;
                } else {
                        break;
                }
        }
        *digit = d;
        return i;
}


/* ---- word lists of the context rules (lower case) ------------------------- */

static const char *const titles[] = {
        "mr", "mrs", "ms", "miss", "mx", "mstr", "dr", "prof", "professor", "sir", "dame", "lady",
        "lord",
        "herr", "frau", "hr", "fr", "m", "mme", "mlle", "monsieur", "madame", "mademoiselle",
        "sr", "sra", "srta", "señor", "señora", "señorita", "don", "doña", "sig", "sigra",
        "signor", "signora", "signorina", "dott", "dottor", "dottore", "dottoressa", "dhr",
        "mevr", "mevrouw", "meneer", "rev", "reverend", "capt", "captain", "sgt", "sergeant",
        "lt", "col", "officer", "det", "detective", "judge", "nurse", "mister", "uncle",
        "aunt", "agent", "coach", "pastor", "father", "sister", "brother", "doctor", "dra",
        "pr", "hhj", "cllr", "insp", "supt", "herrn", "heer", "née", "geb", "drs", "ir", "ing",
        "mag", "dipl", "dña", "pan", "pani", "panią", "panem", "pana", "panu", "justice", "mayor", "councillor", "councilor",
        "senator", "governor", "rabbi", "imam", "bishop", "docteur", "professeur", "maître",
        "profesor", "profesora", "senhor", "senhora", "doktor", "smt", "shri", "shrimati", "kumari",
        /* Turkish, Indonesian, Swahili, Romanian, Czech, Swedish, Vietnamese, Russian, Greek */
        "sayın", "bay", "bayan", "bapak", "pak", "ibu", "sdr", "sdri", "bwana", "ndugu",
        "domnul", "doamna", "dl", "dna", "paní", "pane", "fru", "ông", "bà", "chị",
        "господин", "госпожа", "Господин", "Госпожа", "г-н", "г-жа", "пан", "пані", "Пан",
        "Пані", "κύριος", "κυρία", "Κύριος", "Κυρία",
        /* Nigeria's and Ghana's: "Barr. Ngozi Chukwuma", "Engr. Musa Bello", "Alhaji Sani" */
        "barr", "engr", "alhaji", "alhaja", "chief", "hon", "pst",
        /* kin and respect before a name: "Auntie Pearl", Filipino "Tito Boy", "Kuya Migs",
         * Singapore's "Mdm Lee Ah Moi" */
        "auntie", "aunty", "tito", "tita", "kuya", "mdm", NULL
};
/* Titles that are ordinary words too: a title only with a dot or before a capital. */
static const char *const weak_titles[] = { "m", "fr", "hr", "don", "sig", "det", "col", "lt",
                                           "father", "sister", "brother", "uncle", "aunt",
                                           "agent", "coach", "judge", "nurse", "officer",
                                           "doctor", "captain", "lady", "lord", "geb", "drs",
                                           "ir", "ing", "mag", "dipl", "barr", "chief", "hon",
                                           "pst", NULL };
static const char *const salutations[] = {
        "dear", "hi", "hello", "hey", "hallo", "liebe", "lieber", "bonjour", "salut", "cher",
        "chère", "hola", "estimado", "estimada", "querido", "querida", "ciao", "caro", "cara",
        "gentile", "beste", "geachte", "thanks", "greetings", "welcome", "congratulations",
        "congrats", "bye", "buongiorno", "olá", "oi", "moin", "servus", "goodbye", "szanowna",
        "szanowny", "szanowni", "szanowne", "merhaba", "chào", "hej", "hallå", "bună",
        "dragă", "stimate", "stimată", "vážený", "vážená", "milý", "milá", "halo", "habari",
        "hujambo", "Здравствуйте", "здравствуйте", "Уважаемый", "уважаемый", "Уважаемая",
        "уважаемая", "Дорогой", "Дорогая", "Шановний", "Шановна", "Αγαπητέ", "Αγαπητή",
        "αγαπητέ", "αγαπητή", NULL
};
static const char *const particles[] = {
        "van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "des", "dos",
        "das", "dei", "degli", "delle", "dello", "dal", "dalla", "la", "le", "y", "bin",
        "ibn", "al", "ten", "ter", "zu", "st", "e", "'t", "do", NULL
};
/* The prepositions that start German street names ("Am Markt", "An der Alster", "Unter den
 * Linden", "Zum Hafen"). */
static const char *const street_preps[] = { "am", "an", "im", "in", "auf", "unter", "zum",
                                            "zur", "hinter", "vor", "bei", "beim", NULL };
/* Arabic and Maghrebi name particles, capitalised inside a name ("Fatima Zahra El Amrani",
 * "Mohamed Ben Ali"); "El" alone is Spanish's article (never_names[]) */
static const char *const cap_particles[] = { "el", "ben", "bou", "abu", "ould", "bint", "mac",
                                             "nic", NULL };
static const char *const person_labels[] = {
        "name", "full name", "fullname", "first name", "last name", "given name", "surname",
        "family name", "firstname", "lastname", "givenname", "familyname", "forename",
        "forenames", "middle name", "given names", "patient", "patient name", "employee",
        "employee name", "customer",
        "customer name", "client", "client name", "contact", "contact name", "contact person",
        "applicant", "guest", "passenger", "student", "member", "owner", "account holder",
        "cardholder", "card holder", "beneficiary", "recipient", "sender", "from", "to", "cc",
        "bcc", "reply-to", "attn", "attention", "signed", "signature", "author", "assignee",
        "assigned to", "reporter", "requester", "requested by", "submitted by", "approved by",
        "prepared by", "reviewed by", "created by", "user", "nom", "prénom", "nom complet",
        "name des kunden", "kunde", "vorname", "nachname", "naam", "voornaam", "achternaam",
        "nombre", "apellido", "apellidos", "nombre completo", "nome", "cognome",
        "primer apellido", "segundo apellido", "apellido paterno", "apellido materno",
        "nombres", "prénoms", "given",
        "nome completo", "paciente", "patiente", "doctor", "physician", "provider",
        "attending", "referring physician", "emergency contact", "next of kin", "spouse",
        "insured", "policyholder", "policy holder", "tenant", "landlord", "buyer", "seller",
        "driver", "witness", "manager", "supervisor", "agent", "technician", "caller",
        "line manager", "reports to", "officer", "ticket holder", "holder", "lead guest",
        "guest name", "traveller", "traveler", "consignee", "addressee", "recipient name",
        "customer full name", "payee", "account name", "nazwisko", "imię", "imie",
        "pierwsze imię", "drugie imię", "presenter", "coordinator",
        "claimant", "plaintiff", "defendant", "respondent", "petitioner", "appellant",
        "mitarbeiter", "ansprechpartner", "empfänger", "absender", "destinataire",
        "expéditeur", "destinatario", "remitente", "mittente", "afzender", "ontvanger",
        "first_name", "last_name", "full_name", "given_name", "family_name", "patient_name", "customer_name", "employee_name", "contact_name",
        "cardholder_name", "holder_name", "display_name", "author_name", "sender_name",
        "recipient_name", "user_name", "person", "persona", "personne", "who", "pupil",
        "child", "attendee", "attendees", "speaker", "victim", "suspect", "occupant",
        "reporting officer", "officer in charge", "consultant", "gp", "nurse", "carer",
        "physiotherapist", "surgeon", "midwife", "teacher", "tutor", "parent", "guardian",
        "parent/guardian", "host", "guest speaker", "interviewer", "interviewee", "judge",
        "nextofkin", "mother", "father", "organizer", "organiser", "present", "apologies",
        "absent", "participants", "invitees", "authors", "speakers", "panellists", "panelists",
        "guests", "witnesses", "also present", "in attendance", "signed by", "seen by",
        "triage nurse", "preferred name", "known as",
        /* other languages' forms: Turkish, German, Swedish, Czech, Romanian, Indonesian,
         * Vietnamese, Swahili, Russian and Greek (as written: their capitals are not folded) */
        "adı soyadı", "adı", "soyadı", "ad soyad", "adı ve soyadı", "hasta adı", "tanık",
        "vernommene person", "zeuge", "zeugin", "beschuldigter", "beschuldigte", "geschädigte",
        "geschädigter", "antragsteller", "antragstellerin", "namn", "förnamn", "efternamn",
        "jméno", "příjmení", "jméno a příjmení", "pacient", "nume", "prenume",
        "nume și prenume", "nume si prenume", "nama", "nama lengkap", "nama pasien", "pelapor",
        "họ và tên", "họ tên", "tên", "người nhận", "jina", "jina kamili", "ФИО", "Ф.И.О.",
        "Фио", "Имя", "Фамилия", "Отчество", "Пациент", "Заявитель", "Свидетель",
        "Получатель", "Отправитель", "Ім'я", "Прізвище", "По батькові", "Όνομα", "Επώνυμο",
        "Ονοματεπώνυμο", "Ασθενής", "Παραλήπτης", NULL
};
/* Labels that are mail headers: strong even before a run of ordinary words. */
static const char *const mail_labels[] = { "from", "to", "cc", "bcc", "reply-to", "sender",
                                           "von", "an", "de", "para", NULL };
static const char *const signoffs[] = {
        "regards", "best regards", "kind regards", "warm regards", "warmest regards",
        "best", "all the best", "thanks", "thank you", "many thanks", "thanks again",
        "sincerely", "yours sincerely", "sincerely yours", "yours truly", "yours faithfully",
        "cheers", "best wishes", "respectfully", "cordially", "take care", "love",
        "cordialement", "bien cordialement", "bien à vous", "amicalement",
        "mit freundlichen grüßen", "freundliche grüße", "viele grüße", "beste grüße",
        "liebe grüße", "lg", "vg", "mfg", "gruß", "grüße", "saludos", "un saludo",
        "atentamente", "cordiales saludos", "met vriendelijke groet", "vriendelijke groet",
        "groeten", "hartelijke groet", "cordiali saluti", "distinti saluti", "saluti",
        "un saluto", "abraços", "atenciosamente", "signed", NULL
};
static const char *const place_labels[] = {
        "city", "town", "location", "country", "state", "province", "region", "place",
        "address", "home address", "mailing address", "billing address", "shipping address",
        "ort", "stadt", "wohnort", "land", "bundesland", "adresse", "anschrift", "ville",
        "pays", "lieu", "ciudad", "país", "localidad", "provincia", "città", "paese",
        "indirizzo", "plaats", "woonplaats", "stad", "adres", "birthplace", "place of birth",
        "born in", "origin", "destination", "hometown", "residence", "municipality",
        "county", "district", "city/town", "locality", "lieu de naissance", "geburtsort",
        "dirección", "direccion", "office", "branch", "site", "hq", "headquarters", "venue",
        "büro", "bureau", "oficina", "ufficio", "kantoor", "standort", "sede", "work location",
        "office location", "base location", "job location", "work city", "pop", "geo",
        "geoip", "place and date", "place of issue", "issued at", "member state",
        "member state of destination", "state of destination", "country of destination",
        "country of residence", "nationality country", "country of origin", "country of birth",
        "place of work", "port of loading", "port of discharge", "port of entry",
        "place of delivery", "place of receipt", "province of employment", "luogo di nascita",
        "lugar de nacimiento", "municipio", "comune", "concelho", "distrito", "freguesia",
        "bairro", "cidade", "estado", "województwo", "miejscowość", "gemeente", "provincie",
        "kommune", "ort/stadt", "gemeinde", "kanton", "région", "département", "departement",
        "commune", "suburb", "prefecture", "city of birth", "town of birth", "uf",
        "state_code", "region_code", "province_code", "state/province",
        "doğum yeri", "şehir", "il", "ilçe", "mahalle", "födelseort", "adress",
        "město", "obec", "adresa", "místo narození", "oraș", "oraş", "localitate", "județ",
        "judet", "adresă", "locul nașterii", "kota", "alamat", "kabupaten", "provinsi",
        "tempat lahir", "địa chỉ", "thành phố", "tỉnh", "quê quán", "nơi sinh", "mji",
        "anwani", "mkoa", "Город", "Адрес", "Место рождения", "Місто", "Адреса", "Πόλη",
        "Διεύθυνση", NULL
};
static const char *const place_preps[] = {
        "in", "at", "from", "to", "near", "visiting", "visit", "outside", "around", "across",
        "toward", "towards", "into", "throughout", "between", "en", "à", "aus", "nach", "bei",
        "im", "uit", "naar", "nabij", "nel", "nella", "desde", "hacia", "em", "no", "na",
        "of", "moved", "based", "born", "lives", "live", "living", "via", "and", "a", "di",
        "da", "te", "dans", "depuis", "vers", "von", NULL
};
static const char *const units[] = {
        "apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm",
        "bldg", "building", "piso", "étage", "etage", "wohnung", "whg", "po box", "box",
        "dept", "department", "lot", "no", "nr", "appartement", "appt", "bâtiment", "bât",
        "escalier", "puerta", "interno", "scala", "villa", "studio", "plot", "shop", "door",
        "house", "level", "lvl", NULL
};
/* Words a code identifier or heading often starts with: never a name even when the census
 * lists them (e.g. "Will" is a given name, "Section" no name at all). */
/* Currency codes (ISO 4217) that are no word and no name: "currency":"USD". They are
 * never_names[] (wsets_build() gives them its bit), and lone_word() drops them in capitals. */
static const char *const currency_codes[] = {
        "usd", "eur", "gbp", "jpy", "chf", "cad", "aud", "nzd", "cny", "rmb", "sek", "nok",
        "dkk", "pln", "czk", "huf", "inr", "brl", "mxn", "zar", "krw", "sgd", "hkd", "rub",
        "aed", "sar", "ils", "thb", "idr", "myr", NULL
};

static const char *const never_names[] = {
        "the", "this", "that", "these", "those", "there", "here", "it", "its", "and", "or",
        "but", "if", "when", "what", "which", "who", "where", "why", "how", "all", "any",
        "some", "each", "every", "no", "not", "none", "yes", "ok", "okay", "please", "thank",
        "thanks", "team", "everyone", "customer", "user", "sir", "madam", "friend",
        "friends", "colleague", "colleagues", "folks", "guys", "world", "section",
        "chapter", "figure", "table", "note", "see", "copyright", "license", "licensed",
        "version", "program", "software", "foundation", "inc", "ltd", "llc", "gmbh",
        "corporation", "company", "university", "institute", "department", "january",
        "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "god", "lord", "christ", "internet", "support", "admin",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "a", "i", "public", "general",
        "free", "open", "new", "old", "north", "south", "east", "west", "central", "united",
        /* (and currency_codes[], which wsets_build() adds) */
        /* products and vendors that name documents' creators ("Microsoft Word 12.0.0") */
        "microsoft", "word", "excel", "powerpoint", "outlook", "office", "libreoffice",
        "openoffice", "google", "docs", "adobe", "acrobat", "apple", "pages", "oracle",
        "windows", "linux", "ubuntu", "debian", "writer", "impress", "calc", "pandoc",
        /* function words of the other supported languages: sentence starts, not names */
        "der", "die", "das", "den", "dem", "ein", "eine", "wir", "sie", "ihr", "ihre",
        "unser", "unsere", "sehr", "vielen", "bitte", "ich", "es", "le", "la", "les", "un",
        "une", "nous", "vous", "nos", "votre", "vos", "merci", "el", "los", "las", "una",
        "su", "sus", "nuestro", "nuestra", "gracias", "il", "lo", "gli", "ci", "vi",
        "grazie", "het", "een", "wij", "onze", "uw", "bedankt", "dank", "hier", "und",
        "et", "y", "e", "en", "og", "och", "si", "über", "alla", "zum", "zur", "vom", "beim",
        "als", "auf", "aus", "mit", "nach", "wenn", "dass", "oder", "aber", "auch",
        "elle", "elles", "ils", "je", "j'ai", "cette", "ces", "mais", "donc", "quand", "avec",
        "pour", "dans", "chez", "wir", "zwei", "drei", "neue", "neuer", "neues", "ella", "ellos",
        "yo", "usted", "ele", "ela", "eu", "você",
        /* a prescription's dose codes and conditions in capitals ("75 mg OD, Ticagrelor") */
        "on", "od", "bd", "tds", "qds", "bid", "tid", "qid", "prn", "nocte", "mane", "copd", "ckd",
        "gerd", "ibs", "uti", "dvt",
        /* German possessives, verbs and nouns that start a sentence in capitals ("Mein
         * Rechtsanwalt", "Sollte der Mangel", "Viele Grüße"), its months, Portuguese "Já" */
        "mein", "meine", "meinem", "sein", "seine", "seinen", "seinem",
        "seiner", "dein", "deine", "euer", "eure", "ihren", "ihrem", "unseren", "unserem",
        "während", "sollte", "sollten", "viele", "grüße", "betreff", "januar", "februar",
        "märz", "juni", "juli", "oktober", "dezember", "já", "kierownik", "dyrektor",
        "pani", "panie", "państwo", /* Polish titles, never the name itself ("Pan" is one) */
        /* nouns for a person in the languages that capitalise them, or that start a line:
         * before a name, not part of it ("Nachbarin Frau Schneider", "Familie Nguyen",
         * "Loodgieter Henk van der Berg", "Temsilci Emre Kaya", "Nonna:") */
        "nachbar", "nachbarin", "schwester", "bruder", "familie", "mutter", "vater", "onkel",
        "tante", "oma", "opa", "enkel", "enkelin", "mitarbeiter", "mitarbeiterin", "kunde",
        "kundin", "loodgieter", "buurman", "buurvrouw", "monteur", "temsilci", "nonna",
        "nonno", "zio",
        /* nationalities and languages: names in the census lists, adjectives in text
         * ("a full Irish breakfast", "German: fluent") */
        "irish", "german", "french", "dutch", "welsh", "scottish", "english", "british",
        "american", "spanish", "italian", "polish", "portuguese", "chinese", "japanese",
        "korean", "indian", "nigerian", "kenyan", "ghanaian", "african", "european", "asian",
        "canadian", "australian", "mexican", "brazilian", "russian", "ukrainian", "swiss",
        "swedish", "danish", "norwegian", "finnish", "greek", "turkish", "arabic", "hindi",
        /* holidays, which census lists hold as names ("Christmas", "Easter") */
        "christmas", "xmas", "easter", "thanksgiving", "halloween", "hanukkah", "diwali",
        "ramadan", "eid", "passover", "pentecost", "advent", "lent",
        /* "I'm Rose Kavanagh": the contraction is no part of the name */
        "i'm", "i've", "i'll", "i'd", "i’m", NULL
};

/* The word lists as one hash set, built once: each word maps to the mask of the lists it is
 * in, so a token's memberships are one hash and one compare. */
#define SET_SLOTS 2048u
/* The lexicon's LEX_STREET_BEFORE words (rue, via): the list is empty, and word_learn() sets
 * its bit from the word's flags, which it looks up anyway; a pass over the lexicon at start
 * to fill it cost a million instructions a process. */
static const char *const street_before[] = { NULL };
/* Nouns for a person that a name follows: "her husband Tunde", "my colleague Rajesh". */
static const char *const relations[] = {
        "husband", "wife", "son", "daughter", "brother", "sister", "mother", "father", "mum",
        "mom", "dad", "parents", "partner", "fiancé", "fiancée", "fiance", "fiancee",
        "boyfriend", "girlfriend", "colleague", "colleagues", "coworker", "co-worker",
        "friend", "friends", "boss", "cousin", "nephew", "niece", "grandson", "granddaughter",
        "grandmother", "grandfather", "grandma", "grandpa", "stepson", "stepdaughter",
        "neighbour", "neighbor", "teammate", "roommate", "flatmate", "classmate", "landlord",
        "landlady", "tenant", "spouse", "widow", "widower", "son-in-law", "daughter-in-law",
        "mother-in-law", "father-in-law", "brother-in-law", "sister-in-law", "mann", "frau",
        "sohn", "tochter", "kollege", "kollegin", "mari", "femme", "fils", "fille", "collègue",
        "marido", "esposa", "hijo", "hija", "marito", "moglie", "figlio", "figlia", "collega",
        "echtgenoot", "echtgenote", "zoon", "dochter", "collega's", "uncle", "aunt", "auntie",
        "aunty", "granny", "technician", "nurse", "midwife", "receptionist", "courier",
        "guide", "waiter", "waitress", "plumber", "electrician", "mechanic", "carer", "tutor",
        "coach", "caretaker", "nachbar", "nachbarin", "schwester", "bruder", "mutter",
        "vater", "onkel", "tante", "familie", "enkel", "enkelin", "mitarbeiter",
        "mitarbeiterin", "loodgieter", "buurman", "buurvrouw", "monteur", "temsilci", "nonna",
        "nonno", "zio", NULL
};
/* A town's administration before its name: "Gemeente Gent", "Comune di Bologna". */
static const char *const town_halls[] = {
        "gemeente", "comune", "stadt", "ayuntamiento", "municipio", "gmina", "kommune",
        "città", "cidade", "ciudad", "provincia", "provincie", "prefeitura", "mairie",
        "ville", "landkreis", "kreis", "bezirk", "miasto", "kunta", NULL
};
/* Words that begin towns' names: a compass word also ends a street ("Queen St West"). Before
 * a town and its state they stay in the run ("East Lavonne, NH", "Lake Jennifer, CA"), though
 * never_names[] drops some of them from a run's edge elsewhere. */
static const char *const compass[] = { "north", "south", "east", "west", NULL };
static const char *const town_firsts[] = {
        "new", "lake", "port", "mount", "fort",
        "borgo", "castel", "porto", "sesto", "quarto", /* Italian: "Borgo San Lorenzo" */
        "bad", /* German spa towns: "Bad Homburg" (not "Bad Boys": a word after it) */
        NULL
};
/* Words that point at a person only before a given name: "ask Priya", "driver Declan", not
 * "contact Support", "server Nginx" (relations[] take any name after them). */
static const char *const person_verbs[] = {
        "ask", "asked", "tell", "told", "contact", "contacted", "cc", "email", "emailed",
        "message", "messaged", "text", "texted", "invite", "invited", "thank", "thanked",
        "remind", "reminded", "congratulate", "congratulated", "phone", "phoned", "pinged",
        "met", "meet", "driver", "server", "host", "agent", "call", "calling", "ping", NULL
};
/* Verbs after a lone given name that make it a person's: "yes, Tomasz reviewed it",
 * "Priyanka said the build was fine" (read with in_list(): wlists[] has no bit to spare);
 * not "came", "went", which days and seasons do too ("May Day came early"). */
static const char *const person_verbs_after[] = {
        "said", "says", "told", "asked", "asks", "wrote", "writes", "replied", "replies",
        "reviewed", "approved", "signed", "called", "calls", "emailed", "phoned", "texted",
        "mentioned", "confirmed", "agreed", "thinks", "thought", "wants", "wanted",
        "explained", "complained", "noted", "reported", "joined", "resigned", "laughed",
        "smiled", "suggested", "recommended", "promised", "decided", "admitted", "insisted",
        "answered", "apologised", "apologized", "messaged", "pinged", "volunteered",
        "shouted", "whispered", "nodded", "sighed", "spent", "could", "would", "lives",
        "lived", "works", "worked", "studied", "married", "met", "visited", "likes", "liked",
        "loves", "loved", "knows", "knew", "feels", "felt", "stated", "states", "testified",
        "claimed", "recalled", "described", "moved", NULL
};
/* Words that end the name of a thing named after a person or a place: "James Webb Space
 * Telescope", "Royal Berkshire Hospital", "Dow Jones Industrial Average", "Harbour United". */
static const char *const orgs[] = {
        "space", "telescope", "industrial", "average", "index", "law", "laws", "theorem",
        "effect", "equation", "university", "universität", "université", "universidad",
        "università", "hospital", "clinic", "klinik", "klinikum", "institute", "institut",
        "instituto", "istituto", "foundation", "stiftung", "fondation", "inc", "ltd", "llc",
        "plc", "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "corp",
        "corporation", "company", "group", "school", "college", "academy", "center",
        "centre", "award", "awards", "prize", "trophy", "cup", "stadium", "arena", "museum",
        "gallery", "library", "airport", "station", "theatre", "theater",
        "hotel", "cathedral", "chapel", "partners", "associates", "analytics",
        "labs", "laboratory", "laboratories", "studios", "studio", "records", "pictures",
        "media", "press", "publishing", "fund", "trust", "society", "club", "united", "fc",
        "agency", "council", "ministry", "services", "solutions", "systems", "technologies",
        "software", "consulting", "holdings", "enterprises", "industries", "international",
        "ventures", "capital", "motors", "airlines", "airways", "railway", "stores",
        "restaurant", "pharma", "pharmaceuticals", "electronics", "energy", "insurance",
        "stadtwerke", "werke", "verlag", "brewery", "winery", "festival", "board",
        "committee", "commission", "apache", "google", "microsoft", "amazon", "apple",
        "adobe", "oracle", "ibm", "samsung", "sony", "intel", "nvidia", "cisco", "mozilla",
        "github", "gitlab", "azure", "freight", "controls", "shipyards", "shipyard",
        "plumbing", "logistics", "cloud", "financial", "shipping", "haulage",
        "builders", "construction", "engineering", "architects", "solicitors", "realty",
        "properties", "bakery", NULL
};
/* Firms named after people, as their names are written in running text: a span the rules
 * took for a person that is one of these is none (emit()). Not those that are common
 * names of people too ("John Lewis", "Paul Smith", "Tom Ford"): a missed person costs more
 * than a firm redacted. Sorted, for bsearch(). */
static const char *const eponym_firms[] = {
        "arnold clark", "baker mckenzie", "booz allen", "calvin klein", "carl zeiss",
        "christian dior", "clifford chance", "davis polk", "douglas elliman",
        "giorgio armani", "goldman sachs", "hamilton beach", "harley davidson",
        "henry schein", "hewlett packard", "hugo boss", "jerónimo martins",
        "johnson controls", "johnson matthey", "jones day", "kaiser permanente",
        "knight frank", "latham watkins", "lehman brothers", "lockheed martin",
        "louis vuitton", "marc jacobs", "merrill lynch", "michael kors", "morgan stanley",
        "morphy richards", "norton rose", "philip morris", "ralph lauren", "robert bosch",
        "russell hobbs", "simpson thacher", "sullivan cromwell", "tommy hilfiger",
        "tory burch", "vera wang", "walt disney", "warner bros", "wells fargo",
        "yves saint laurent",
};

static int cmp_str(const void *a, const void *b)
{
        return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The first and the last letters of eponym_firms[]' entries, bit c - 'a' (wsets_build):
 * most persons' names are no firm's by those alone, before they are lower-cased and sought. */
static uint32_t eponym_first, eponym_last;

/* Whether b[s, e) is one of eponym_firms[], in any case. */
static bool eponym_firm(const char *b, size_t s, size_t e)
{
        char low[32];
        const char *key = low;
        unsigned f = (unsigned char)(b[s] | 0x20) - 'a', l;

        if (e - s < 7 || e - s >= sizeof(low) || f >= 26 || !(eponym_first >> f & 1))
                return false;
        l = (unsigned char)(b[e - 1] | 0x20) - 'a';
        if (l >= 26 || !(eponym_last >> l & 1) ||
            !pii_lex_lower(b + s, e - s, low, sizeof(low)))
                return false;
        return bsearch(&key, eponym_firms, sizeof(eponym_firms) / sizeof(eponym_firms[0]),
                       sizeof(eponym_firms[0]), cmp_str) != NULL;
}
/* Lower-case nouns after a run that make it the name of a thing: "Victoria sponge", "Earl
 * Grey tea", "the Moto G range", "Crohn's disease", "a Dyson vacuum". */
static const char *const things_after[] = {
        "tea", "sponge", "cake", "salad", "sauce", "pie", "pudding", "sandwich", "steak",
        "cheese", "bread", "biscuits", "cookies", "wine", "beer", "whisky", "gin", "range",
        "series", "model", "models", "phone", "phones", "laptop", "laptops", "tablet",
        "speaker", "speakers", "app", "apps", "effect", "law", "theorem", "equation",
        "telescope", "scale", "index", "method", "algorithm", "syndrome", "disease",
        "bulbs", "cameras", "doorbells", "devices", "vacuum", "award", "prize", "medal",
        "scholarship", "lecture", "brand", "products", "product", "browser", "engine",
        "platform", "console", "edition", "shares", "stock", "fund", "bond", "bonds", "cup",
        "trophy", "stadium", "hospital", "university", "foundation", "building", NULL
};
/* Ranks written in capitals before a name, which are ordinary abbreviations too ("PC
 * Daniel Whitehorse", "DCI Jane Tennison", but "PC World", "DS Lite"): a title only before a
 * given name. This list and the next are read with in_list(), for words in capitals only (the
 * masks of wlists[] have no bit to spare). */
static const char *const rank_titles[] = {
        "pc", "wpc", "dc", "ds", "di", "dci", "dcs", "dsi", "pcso", "cpl", "maj", "gen", "adm",
        "cdr", "cmdr", "lcpl", "pte", "spc", "sfc", "ssgt", "msgt", "cpt", "sgt", "lt", "col",
        "capt",
        /* German police ranks: Kriminal-/Polizeihaupt-/-oberkommissar, -obermeister */
        "khk", "ekhk", "kok", "phk", "pok", "pom", NULL
};
/* Letters after a name in capitals: "Mr. Rahul Iyer FRCS", "Dr Ayesha Khan MBE". */
static const char *const postnominals[] = {
        "frcs", "frcp", "frca", "frcr", "mrcp", "mrcs", "mrcgp", "frs", "freng", "mbe", "obe",
        "cbe", "kbe", "dbe", "qc", "kc", "mp", "msp", "mep", "ms", "phd", "dphil", "md",
        "dds", "dmd", "rn", "esq", "jr", "sr", "ii", "iii", "iv", "mba", "cpa", "cfa", "fca",
        "aca", "acca", "bsc", "msc", "ba", "ma", "llb", "llm", "jd", "pe", "do", "mrcvs",
        "frcvs", "bvsc", "bvms", "dvm", "mrpharms", "rgn", "rmn", "mbbs", "mbchb", "bmbs",
        "mbbch", "frcog", "frcpath", "frcpsych", "frcem", "mrcpsych", "mrcog", "facs", "facp",
        "pharmd", "dnp", "crna", "lpn", "mph", "bsn", "msn", "fnp", "aprn", "ceng", "frics",
        "mrics", "riba", NULL
};
/* Those of postnominals[] written with small letters too: "PhD", "Jr.", "Esq." */
static const char *const mixed_postnominals[] = {
        "phd", "dphil", "jr", "sr", "esq", "bsc", "msc", "llb", "llm", "bvsc", "mrpharms",
        "mbchb", "pharmd", "ceng", NULL
};
static const char *const *const wlists[] = {
        titles, weak_titles, salutations, particles, person_labels, mail_labels, signoffs,
        place_labels, place_preps, units, never_names, street_before, relations, orgs,
        things_after, person_verbs,
};
#define N_WLISTS (sizeof(wlists) / sizeof(wlists[0]))
_Static_assert(N_WLISTS <= 16, "a word list's bit is one of a uint16_t mask");
static struct {
        const char *word;
        uint16_t mask;
        uint8_t len;
} wslot[SET_SLOTS];
static pthread_once_t wsets_once = PTHREAD_ONCE_INIT, feat_names_once = PTHREAD_ONCE_INIT;

static size_t suffix_len[64];    /* of pii_lex_street_suffixes */
static unsigned particle_max; /* the longest of particles[], in bytes (wsets_build) */
/* The words after a run's capital that build_run() may take (particles[] and the "al-" and
 * "el-" articles), by their first byte: bit c - 'a' of particle_second[c] when one of them
 * goes on with the letter c, particle_alone[c] when c alone is one (wsets_build). Most
 * small words after a capital start with a pair no particle does, and are no part of the
 * run without being read to their end, lower-cased and looked up. */
static uint32_t particle_second[128];
static bool particle_alone[128];
static uint8_t suffix_head[256]; /* 1 + the first suffix that ends in byte c, 0 for none */
static uint8_t suffix_next[64];  /* 1 + the next suffix with the same last byte, 0 at the end */

/* Byte sets the rules test text against, one bit each, so that a byte's membership is a
 * table read: strchr() of a set per byte looked at was a fifth of the time on prose. Each
 * set holds NUL as well, as did the strchr() calls it replaces (they matched the string's
 * terminator). */
enum {
        BS_COMMA = 1 << 0,       /* prev_word() skips it before a salutation: "Hi, Ana" */
        BS_LINE_TRIM = 1 << 1,   /* trimmed off a sign-off line */
        BS_OPENERS = 1 << 2,     /* between a sentence's start and its first word */
        BS_SENT_END = 1 << 3,    /* ends the sentence before */
        BS_LOCAL_PUNCT = 1 << 4, /* in an e-mail's local part, besides ASCII letters, digits */
        BS_NUM_GLUE = 1 << 5,    /* before a number that is no house number (every byte of
                                  * the UTF-8 € and £, as strchr() matched them) */
};
static const char *const byteset_chars[] = {
        ",", " \t,!.-", " \t\"'([*-#>", "\n\r.!?:;", "._-+", ".:/$€£",
};
static uint8_t byteset[256];
#define IN_BYTESET(c, set) ((byteset[(unsigned char)(c)] & (set)) != 0)

/* The phrases introduced() looks for, chained by the byte they end in. */
#define INTRO(s) { s, sizeof(s) - 1 }
static const struct {
        const char *s;
        size_t n;
} intro[] = {
        INTRO("my name is"), INTRO("name is"), INTRO("my name's"), INTRO("i am"),
        INTRO("i'm"), INTRO("i’m"), INTRO("this is"), INTRO("call me"), INTRO("named"),
        INTRO("called"), INTRO("known as"), INTRO("signed by"), INTRO("written by"),
        INTRO("ich bin"), INTRO("ich heiße"), INTRO("mein name ist"), INTRO("je suis"),
        INTRO("je m'appelle"), INTRO("je m’appelle"), INTRO("je m’appelle"),
        INTRO("me llamo"), INTRO("soy"), INTRO("mi nombre es"), INTRO("mi chiamo"),
        INTRO("sono"), INTRO("ik ben"), INTRO("mijn naam is"), INTRO("ik heet"),
        INTRO("c'est"), INTRO("aquí"), INTRO("his name is"), INTRO("his name was"),
        INTRO("her name is"), INTRO("her name was"), INTRO("name was"),
};
#undef INTRO
#define N_INTRO (sizeof(intro) / sizeof(intro[0]))
static uint8_t intro_head[256];    /* 1 + the first phrase that ends in byte c, 0 for none */
static uint8_t intro_next[N_INTRO]; /* 1 + the next one with the same last byte, 0 at the end */
/* the bytes before the last of the phrases, by last byte: bit c of intro_pair[l] when a
 * phrase ends in c, l (every phrase has three bytes at least) */
static uint32_t intro_pair[256][8];

/* particles[]' last two letters, ' ' for the one-letter ones: bit c - 'a' of particle_end[l]
 * when one ends in c, l (particle_before() reads them before it looks for the word's start) */
static uint32_t particle_end[128];
static bool particle_end_alone[128];

/* Programming languages and software named as people are ("Perl module for ...", "a Haskell
 * library", "clients under Wayland"): the tagger's person, in technical text, was most often
 * one of these (Debian's package descriptions: 3,228 tagger persons in 3.7 MB, 2,300 of them
 * Perl, Haskell, Lua, Pascal, Ruby, Wayland, Emacs). A context rule still reads a person
 * ("Dear Ruby", "Julia said"). The models an agent's workflow names too: Claude, Gemini. */
static const char *const tech_names[] = { /* see tech_name() */
        "perl", "haskell", "lua", "pascal", "ruby", "python", "java", "javascript", "rust",
        "julia", "scala", "kotlin", "swift", "erlang", "elixir", "clojure", "ocaml", "fortran",
        "cobol", "lisp", "scheme", "racket", "prolog", "smalltalk", "ada", "dart", "vala",
        "groovy", "delphi", "matlab", "octave", "wayland", "emacs", "vim", "debian", "ubuntu",
        "fedora", "gnome", "kde", "xfce", "apache", "nginx", "django", "flask", "rails",
        "kerberos", "heimdal", "phobos", "ogg", "vorbis", "theora", "mono", "gtk", "qt",
        "linux", "unix", "posix", "edu", "yi", "tcl", "php", "sql", "dev",
        /* the models an agent's workflow names ("ask Claude" is still a person's context) */
        "claude", "gemini", "copilot", "mistral", "llama", "chatgpt", "gpt", "grok", "kimi",
        "qwen", "deepseek", NULL
};
/* Bit n of [c - 'a']: a word of tech_names[] starts with c and is n bytes long
 * (wsets_build()). */
static uint16_t tech_len_by_first[26];

/* English towns' endings ("-ton", "-ville", "-burgh", "-mouth", "-haven"; the German and
 * Scandinavian "-furt", "-berg", "-stad"), which a name before them makes a town's name; the
 * first 14 make one of no other word ("-port", "-side", "-view", "-land" make words of words:
 * "Backport", "Sideview") */
static const struct town_ending {
        char s[8];
        uint8_t n;
} town_endings[] = {
#define TE(x) { x, sizeof(x) - 1 }
        TE("ton"), TE("ville"), TE("berg"), TE("burg"), TE("burgh"), TE("borough"), TE("bury"),
        TE("mouth"), TE("furt"), TE("haven"), TE("stad"), TE("chester"), TE("shire"),
        TE("brook"), TE("town"), TE("side"), TE("land"), TE("view"), TE("port"), TE("fort"),
        TE("field"), TE("ford"),
#undef TE
};
/* Bit i: town_endings[i] ends in the byte (wsets_build()). */
static uint32_t town_end_by_last[128];

/* Put the word w (a constant) in the lists of mask. */
static void wset_add(const char *w, unsigned mask)
{
        uint32_t j = pii_lex_hash(w, strlen(w)) & (SET_SLOTS - 1);

        while (wslot[j].word && strcmp(wslot[j].word, w) != 0)
                j = (j + 1) & (SET_SLOTS - 1);
        wslot[j].word = w;
        wslot[j].len = (uint8_t)strlen(w);
        wslot[j].mask |= (uint16_t)mask;
}

static void wsets_build(void)
{
        /* eponym_firm()'s bsearch() needs its list in strcmp() order: a list edited out of
         * order would drop its firms without a word */
        for (size_t i = 0; i < sizeof(eponym_firms) / sizeof(eponym_firms[0]); i++) {
                const char *x = eponym_firms[i];

                if (i > 0 && strcmp(eponym_firms[i - 1], x) >= 0)
                        abort();
                eponym_first |= 1u << (x[0] - 'a');
                eponym_last |= 1u << (x[strlen(x) - 1] - 'a');
        }
        for (size_t i = 0; particles[i]; i++) {
                const unsigned char *q = (const unsigned char *)particles[i];
                size_t n = strlen(particles[i]);

                particle_max = MAX(particle_max, (unsigned)n);
                if (n == 1)
                        particle_end_alone[q[0] & 0x7f] = true;
                else if (q[n - 2] >= 'a' && q[n - 2] <= 'z')
                        particle_end[q[n - 1] & 0x7f] |= 1u << (q[n - 2] - 'a');
                if (q[0] >= 0x80)
                        continue; /* build_run() looks at a non-ASCII byte to its end */
                if (!(q[1] >= 'a' && q[1] <= 'z'))
                        particle_alone[q[0]] = true; /* "y", "e": any word may be one */
                else
                        particle_second[q[0]] |= 1u << (q[1] - 'a');
        }
        particle_second['a'] |= 1u << ('l' - 'a'); /* al-Zahrani, el-Sayed */
        particle_second['e'] |= 1u << ('l' - 'a');

        for (size_t i = 0; tech_names[i]; i++)
                tech_len_by_first[tech_names[i][0] - 'a'] |= (uint16_t)(1u << strlen(tech_names[i]));
        _Static_assert(ARRAY_SIZE(town_endings) <= 32, "town_end_by_last's bits");
        for (size_t i = 0; i < ARRAY_SIZE(town_endings); i++)
                town_end_by_last[(unsigned char)town_endings[i].s[town_endings[i].n - 1] & 0x7f] |=
                        1u << i;
        for (size_t i = 0; pii_lex_street_suffixes[i] && i < 64; i++) {
                unsigned char c;

                suffix_len[i] = strlen(pii_lex_street_suffixes[i]);
                c = (unsigned char)pii_lex_street_suffixes[i][suffix_len[i] - 1];
                suffix_next[i] = suffix_head[c];
                suffix_head[c] = (uint8_t)(i + 1);
        }
        for (size_t k = 0; k < sizeof(byteset_chars) / sizeof(byteset_chars[0]); k++) {
                const char *p = byteset_chars[k];

                do
                        byteset[(unsigned char)*p] |= (uint8_t)(1u << k);
                while (*p++);
        }
        for (size_t k = 0; k < N_INTRO; k++) {
                unsigned char c = (unsigned char)intro[k].s[intro[k].n - 1];

                unsigned char c2 = (unsigned char)intro[k].s[intro[k].n - 2];

                intro_next[k] = intro_head[c];
                intro_head[c] = (uint8_t)(k + 1);
                intro_pair[c][c2 / 32] |= 1u << (c2 % 32);
        }
        for (size_t k = 0; k < N_WLISTS; k++) {
                for (unsigned i = 0; wlists[k][i]; i++)
                        wset_add(wlists[k][i], 1u << k);
                if (wlists[k] == never_names)
                        for (unsigned i = 0; currency_codes[i]; i++)
                                wset_add(currency_codes[i], 1u << k);
        }
}

/* Whether a[0, n) and b[0, n) are the same bytes: words are short, and memcmp() is a call. */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
        for (size_t i = 0; i < n; i++)
                if (a[i] != b[i])
                        return false;
        return true;
}

/* The lists w[0, n) is in (w holds no NUL), h its pii_lex_hash. wsets_build has run:
 * pii_names_walk sees to it once per call, not every lookup. */
static unsigned set_mask_hashed(const char *w, size_t n, uint32_t h)
{
        uint32_t j;

        for (j = h & (SET_SLOTS - 1); wslot[j].word; j = (j + 1) & (SET_SLOTS - 1))
                if (wslot[j].len == n && same_bytes(wslot[j].word, w, n))
                        return wslot[j].mask;
        return 0;
}

static unsigned set_mask(const char *w, size_t n)
{
        return set_mask_hashed(w, n, pii_lex_hash(w, n));
}

/* Each list's bit in a mask: its index in wlists[] (a constant, not a search per test). */
enum {
        LB_titles = 1u << 0,
        LB_weak_titles = 1u << 1,
        LB_salutations = 1u << 2,
        LB_particles = 1u << 3,
        LB_person_labels = 1u << 4,
        LB_mail_labels = 1u << 5,
        LB_signoffs = 1u << 6,
        LB_place_labels = 1u << 7,
        LB_place_preps = 1u << 8,
        LB_units = 1u << 9,
        LB_never_names = 1u << 10,
        LB_street_before = 1u << 11,
        LB_relations = 1u << 12,
        LB_orgs = 1u << 13,
        LB_things_after = 1u << 14,
        LB_person_verbs = 1u << 15, /* the last bit of the uint16_t masks */
};

/* Whether word is one of list's (NULL-terminated): for the short lists of one rule. */
static bool in_list(const char *word, const char *const *list)
{
        for (; *list; list++)
                if (streq(word, *list))
                        return true;
        return false;
}

/* Whether t begins towns' names (compass[], town_firsts[]). */
static bool town_first(const struct tok *t)
{
        return in_list(t->low, compass) || in_list(t->low, town_firsts);
}

/* Whether the lower-cased word w is in the list named `set` (one of wlists[]). */
#define in_set(w, set) ((set_mask((w), strlen(w)) & LB_##set) != 0)

/* A token's membership, from the mask tok_fill computed once. */
#define TOK_IN(t, set) (((t)->sets & LB_##set) != 0)

static unsigned word_lex(const char *low, size_t n, uint32_t h);
static bool camel(const struct walk *w, const struct tok *t);


/* Whether t is a town by its shape: a word of no list of the lexicon, capitalised, that is a
 * given name or a surname of the lexicon then a town's ending ("Jamieview", "Curtismouth",
 * "Clarkberg", "Williamsport"). A real town so made is most often in the lexicon already; one
 * that is not, or a made-up one, reads as a place, never as a person. */
static bool town_shape(const struct walk *w, const struct tok *t)
{
        size_t n;
        char stem[WORD_MAX + 1];

        /* the flags first: most words are in the lexicon (a tenth of prose's decisions
         * came here) */
        if ((t->lex & ~(unsigned)(LEX_TOWN | LEX_TOWN_PHRASE)) || t->n < 6 || !t->upper ||
            t->allcaps || t->dot || t->digit || t->nonascii || (n = strlen(t->low)) != t->n ||
            memchr(t->low, '-', n)) /* "Douglas-Rachford" */
                return false;
        /* the endings that end in the word's last byte (a word of no list is ASCII) */
        for (uint32_t m = town_end_by_last[(unsigned char)t->low[n - 1] & 0x7f]; m; m &= m - 1) {
                unsigned i = (unsigned)__builtin_ctz(m);
                const struct town_ending *x = &town_endings[i];
                size_t k = x->n;
                bool word_ok = i < 14;
                unsigned lx;

                if (n < k + 3 || memcmp(t->low + n - k, x->s, k) != 0 || camel(w, t))
                        continue;
                memcpy(stem, t->low, n - k);
                stem[n - k] = '\0';
                lx = word_lex(stem, n - k, pii_lex_hash(stem, n - k));
                /* an ordinary word first only if a frequent given name ("Heatherview") or
                 * a frequent surname before an ending that makes no word ("Bakerton",
                 * "Smithfurt", not "Backport") */
                if ((lx & (LEX_GIVEN | LEX_SURNAME)) &&
                    (!(lx & LEX_WORD) || (lx & LEX_GIVEN_TOP) ||
                     (word_ok && (lx & LEX_SURNAME_TOP))))
                        return true;
        }
        return false;
}

/* Whether t is a French town by its shape: a name, a place's preposition between hyphens
 * and a capitalised name ("Boulogne-sur-Mer", "Aix-les-Bains", "Châlons-en-Champagne",
 * "Thibault-la-Forêt"); given names so joined take none ("Jean-Pierre", "Marie-Claire"). */
static bool fr_town_shape(const struct walk *w, const struct tok *t)
{
        static const char *const infixes[] = {
                "-sur-", "-sous-", "-les-", "-l\xc3\xa8s-", "-la-", "-le-", "-en-", "-aux-",
                "-de-", "-des-", "-du-", NULL
        };
        size_t n;

        if (!t->upper || t->allcaps || t->digit || t->n < 8 || t->n > WORD_MAX ||
            !memchr(t->low, '-', t->n) || (n = strlen(t->low)) != t->n)
                return false;
        for (const char *const *x = infixes; *x; x++) {
                const char *q = strstr(t->low + 1, *x);
                size_t at;

                if (!q)
                        continue;
                at = t->s + (size_t)(q - t->low) + strlen(*x);
                /* a capital, ASCII or U+00C0-U+00DE ("-sur-Ébène") */
                if (at < t->e && (upper_at(w->buf, w->len, at) ||
                                  (at + 1 < t->e && (unsigned char)w->buf[at] == 0xc3 &&
                                   (unsigned char)w->buf[at + 1] >= 0x80 &&
                                   (unsigned char)w->buf[at + 1] <= 0x9e)))
                        return true;
        }
        return false;
}

/* Whether t, after first (town_first()), is the rest of a town's name: a name that is no
 * ordinary word ("Port Vanessa", "East Amanda", "New Christopher"), a frequent given name
 * that is one but after "New" ("North Mark", "Lake John", not "New Dawn", "New Bill"), or a
 * town by its shape ("North Brianport"). */
static bool town_rest(const struct walk *w, const struct tok *first, const struct tok *t)
{
        if (!t->upper || t->allcaps || t->dot || t->digit || TOK_IN(t, never_names))
                return false;
        if (t->lex & LEX_WORD)
                return (t->lex & LEX_GIVEN_TOP) && !streq(first->low, "new");
        /* a word of no list: "North Jeramie", "East Jessycaport" (not after "New": "New
         * Dataset", "New Relic") */
        if (!(t->lex & ~(unsigned)(LEX_TOWN | LEX_TOWN_PHRASE)))
                return t->n >= 3 && !camel(w, t) && !streq(first->low, "new");
        return (t->lex & (LEX_GIVEN | LEX_SURNAME)) || town_shape(w, t);
}

/* Whether t is a word of no list that ends as towns do (town_endings[]), the stem unknown
 * too ("Jessycaport", "Keshawnside"): a town after a preposition of place only. */
static bool town_ending_only(const struct walk *w, const struct tok *t)
{
        size_t n = strlen(t->low);

        if (t->lex || t->n < 7 || n != t->n || !t->upper || t->allcaps || t->dot || t->digit ||
            t->nonascii)
                return false;
        for (uint32_t m = town_end_by_last[(unsigned char)t->low[n - 1] & 0x7f]; m; m &= m - 1) {
                const struct town_ending *x = &town_endings[__builtin_ctz(m)];

                if (n >= x->n + 4u && memcmp(t->low + n - x->n, x->s, x->n) == 0)
                        return !camel(w, t);
        }
        return false;
}

/* ---- runs ----------------------------------------------------------------- */

/* Latin-1 and Latin Extended-A letters (U+00E0-U+017F) to ASCII: "kraków" -> "krakow",
 * "zürich" -> "zurich", "müller" -> "muller". The lexicon's sources (geonames' ASCII names,
 * the census) write most names so. Returns the folded length, 0 when nothing changed or
 * out (size bytes) is too small. */
static size_t fold_ascii(const char *low, size_t n, char *out, size_t size)
{
        /* U+00E0.. U+00FF, then U+0100.. U+017F, one or two letters each ("" none) */
        static const char *const l1[32] = {
                "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
                "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
        };
        /* U+0100-U+017F by their base letters (Unicode's decompositions; ł, đ, ħ, ı, ŋ, ŧ,
         * ſ by hand); '?' where a ligature is handled below */
        static const char ext[129] =
                "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii??jjkkklllllll"
                "lllnnnnnnnnnoooooo??rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
        size_t o = 0;
        bool changed = false;

        for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)low[i];
                const char *rep = NULL;
                char one[2] = { 0, 0 };
                unsigned cp;

                if (c < 0x80) {
                        one[0] = (char)c;
                        rep = one;
                } else if (i + 1 < n && (c == 0xc3 || c == 0xc4 || c == 0xc5) &&
                           ((unsigned char)low[i + 1] & 0xc0) == 0x80) {
                        cp = (unsigned)(c & 0x1f) << 6 | ((unsigned char)low[i + 1] & 0x3f);
                        i++;
                        if (cp == 0xdf)
                                rep = "ss";
                        else if (cp >= 0xe0 && cp <= 0xff)
                                rep = l1[cp - 0xe0];
                        else if (cp >= 0xc0 && cp <= 0xde)
                                rep = l1[cp - 0xc0]; /* a capital pii_lex_lower left */
                        else if (cp >= 0x100 && cp <= 0x17f) {
                                if (cp == 0x132 || cp == 0x133)
                                        rep = "ij";
                                else if (cp == 0x152 || cp == 0x153)
                                        rep = "oe";
                                else {
                                        one[0] = ext[cp - 0x100];
                                        rep = one;
                                }
                        }
                        if (!rep || !*rep || *rep == '?')
                                return 0;
                        changed = true;
                } else {
                        return 0; /* another script: nothing to fold to */
                }
                for (; *rep; rep++) {
                        if (o + 1 >= size)
                                return 0;
                        out[o++] = *rep;
                }
        }
        out[o] = '\0';
        return changed ? o : 0;
}

/* The lexicon flags of the lower-cased word low[0, n) (no digits in it), h its hash.
 * "Front-Cover": a hyphenated word of ordinary words is an ordinary word; "Jean-Pierre",
 * "Baden-Württemberg": whole in the lexicon or a name part. */
static unsigned word_lex(const char *low, size_t n, uint32_t h)
{
        unsigned lex = pii_lex_lookup_hashed(low, n, h), town;

        /* accented: what the word is in either spelling (geonames has "García" the town,
         * the census "Garcia" the surname) */
        if (memchr(low, 0xc3, n) || memchr(low, 0xc4, n) || memchr(low, 0xc5, n)) {
                char f[WORD_MAX + 8];
                size_t fn = fold_ascii(low, n, f, sizeof(f));

                if (fn) {
                        unsigned fl = word_lex(f, fn, pii_lex_hash(f, fn));

                        /* of the folded words only the frequent surnames and the big cities:
                         * "Büro" is not the census' rare "Buro" */
                        lex |= fl & (LEX_GIVEN | LEX_GIVEN_TOP | LEX_REGION | LEX_COUNTRY |
                                     LEX_WORD);
                        if (fl & LEX_SURNAME_TOP)
                                lex |= LEX_SURNAME | LEX_SURNAME_TOP;
                        if (fl & LEX_CITY_BIG)
                                lex |= LEX_CITY | LEX_CITY_BIG;
                }
                if (lex)
                        return lex;
        }

        /* a small town's flags alone leave the word unknown to the rules below */
        town = lex & (LEX_TOWN | LEX_TOWN_PHRASE);
        lex &= ~town;
        /* "o'neil", "d'angelo": the census writes ONEIL, DANGELO */
        if (!lex && n > 3 && n <= WORD_MAX && low[1] == '\'' && low[0] >= 'a' && low[0] <= 'z') {
                char f[WORD_MAX + 1];

                f[0] = low[0];
                memcpy(f + 1, low + 2, n - 2);
                f[n - 1] = '\0';
                lex = pii_lex_lookup_hashed(f, n - 1, pii_lex_hash(f, n - 1)) &
                      (LEX_GIVEN | LEX_GIVEN_TOP | LEX_SURNAME | LEX_SURNAME_TOP);
                if (lex)
                        return lex | town;
        }
        if (!lex && memchr(low, '-', n)) {
                unsigned all = LEX_WORD, names = LEX_GIVEN | LEX_SURNAME, any = 0;
                const char *p = low, *q;

                do {
                        unsigned l;

                        q = memchr(p, '-', (size_t)(low + n - p));
                        l = pii_lex_lookup(p, q ? (size_t)(q - p) : (size_t)(low + n - p));
                        all &= l;
                        any |= l & (LEX_GIVEN | LEX_SURNAME);
                        if (!(l & (LEX_GIVEN | LEX_SURNAME)))
                                names = 0;
                        p = q ? q + 1 : NULL;
                } while (p);
                /* "SSN-like": no name; "Smith-Jones": every part a name */
                lex = (names ? any : 0) | all;
        }
        return lex | town;
}

/* A word that ends in a street type ("Hauptstraße", "Rosenweg"), longer than it by two
 * bytes at least: low[0, n), lower-cased. Only the suffixes that end in the word's last byte
 * are compared (wsets_build chains them); tok_fill keeps the answer with the word's flags. */
static bool street_suffix(const char *low, size_t n)
{
        unsigned char last = n ? (unsigned char)low[n - 1] : 0;

        if (n < 5)
                return false;
        for (unsigned k = suffix_head[last]; k; k = suffix_next[k - 1]) {
                size_t l = suffix_len[k - 1];

                if (n > l + 1 && memcmp(low + n - l, pii_lex_street_suffixes[k - 1], l) == 0)
                        return true;
        }
        return false;
}

/* The word cache's slot of low[0, n) (n > 0): three of its bytes and its length mixed by a
 * multiply. FNV, a multiply per byte one after the other, is for a miss only. */
static unsigned wcache_slot(const char *low, size_t n)
{
        uint32_t k = (unsigned char)low[0] | (uint32_t)(unsigned char)low[n / 2] << 8 |
                     (uint32_t)(unsigned char)low[n - 1] << 16 | (uint32_t)n << 24;

        return (k * 2654435761u) >> (32 - WCACHE_BITS);
}

/* A word cache miss: learn what there is to know of low[0, n) into c. Out of line, so that
 * the hit, nearly every lookup, is a few instructions in its caller. */
static __attribute__((noinline)) void word_learn(struct wcache *c, const char *low, size_t n)
{
        /* one hash for the lexicon and the word lists */
        uint32_t h = pii_lex_hash(low, n);

        memset(c->low, 0, sizeof(c->low)); /* same_key16 compares 16 bytes */
        memcpy(c->low, low, n);
        c->n = (uint8_t)n;
        c->lex = (uint16_t)word_lex(low, n, h);
        c->sets = (uint16_t)set_mask_hashed(low, n, h);
        if (c->lex & LEX_STREET_BEFORE) /* word_lex() keeps the lookup's own flag */
                c->sets |= LB_street_before;
        c->street_suffix = street_suffix(low, n);
}

/* Whether the cached key c->low is low[0, n): the bytes of low after n are not looked at
 * (they are in low's buffer, WORD_MAX + 1 bytes, and initialised: a struct tok's or a
 * struct prev's). One compare of 16 bytes for the short words, not a byte loop. */
static inline bool same_key(const struct wcache *c, const char *low, size_t n)
{
        if (c->n != n)
                return false;
#ifdef __SSE2__
        if (n <= 16) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)low);
                __m128i y = _mm_loadu_si128((const __m128i *)(const void *)c->low);
                unsigned in = (1u << n) - 1;

                return ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, y)) & in) == in;
        }
#endif
        return same_bytes(c->low, low, n);
}
_Static_assert(sizeof(((struct wcache *)0)->low) >= 16, "same_key reads 16 bytes of a key");

/* What the word cache knows of the lower-cased word low[0, n), 0 < n <= WORD_MAX, learnt
 * on a miss; low has WORD_MAX + 1 bytes (same_key). Also for the words before runs, which
 * repeat as much ("in", "beside"). */
static inline const struct wcache *word_info(struct walk *w, const char *low, size_t n)
{
        struct wcache *c = &wcache_tab[wcache_slot(low, n)];

        if (!same_key(c, low, n))
                word_learn(c, low, n);
        return c;
}

/* The word lists low[0, n) is in (n <= WORD_MAX), through the word cache. */
static unsigned word_sets(struct walk *w, const char *low, size_t n)
{
        return n ? word_info(w, low, n)->sets : 0;
}

#ifdef __SSE2__
/* tok_fill's pass over a word p[0, n) of ASCII bytes only, 0 < n <= 16, with 16 bytes
 * readable at p: its lower-case copy (pii_lex_lower's) into low and whether it has a small
 * letter, from one load and one store; byte by byte, the copy and the tests were a third of
 * the work per capitalised word. False, and nothing written, when a byte is not ASCII. */
static bool ascii_word16(const char *p, size_t n, char *low, bool *ret_small,
                         bool *ret_no_camel)
{
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        unsigned in = (1u << n) - 1;
        /* as in next_cap_start: a range moved to the bottom of the signed range */
        __m128i cap = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'A'))),
                                     _mm_set1_epi8((char)(0x80 + 26)));
        __m128i small = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'a'))),
                                       _mm_set1_epi8((char)(0x80 + 26)));

        if ((unsigned)_mm_movemask_epi8(x) & in)
                return false;
        _mm_storeu_si128((__m128i *)(void *)low,
                         _mm_or_si128(x, _mm_and_si128(cap, _mm_set1_epi8(0x20))));
        low[n] = '\0';
        *ret_small = ((unsigned)_mm_movemask_epi8(small) & in) != 0;
        /* a capital after a small letter, from the third byte on: what camel() looks for */
        *ret_no_camel = ((unsigned)_mm_movemask_epi8(cap) &
                         (unsigned)_mm_movemask_epi8(small) << 1 & in & ~3u) == 0;
        return true;
}
_Static_assert(sizeof(((struct tok *)0)->low) >= 16, "ascii_word16 stores 16 bytes in low");
#endif

/* German's abbreviated street type, "Lindenstr. 26": a word ending in "str" before a dot is
 * a street's, the dot its own (the number after it is the house number). */
static inline void str_abbrev(const char *b, size_t len, struct tok *t)
{
        if (t->e < len && b[t->e] == '.' && !t->street_suffix && t->n >= 6 && !t->digit &&
            memcmp(t->low + t->n - 3, "str", 3) == 0) {
                t->street_suffix = true;
                t->e++;
        }
}

static size_t turkish_suffix_cut(const char *b, size_t s, size_t e);

/* Whether an apostrophe (' or the last byte of ’) is among the last bytes of [s, e), where a
 * Turkish case ending would follow it: a test inline, most words have none. */
static inline bool apostrophe_near_end(const char *b, size_t s, size_t e)
{
        for (size_t p = e - 2; p > s && p + 7 >= e; p--)
                if (b[p] == '\'' || (unsigned char)b[p] == 0x99)
                        return true;
        return false;
}

static void tok_fill(struct walk *w, struct tok *t, size_t s, size_t e, bool digit)
{
        const char *b = w->buf;
        bool lowered = false;

        /* "Köln'den", "İstanbul'da": the word without its Turkish case ending (an
         * apostrophe among the last six bytes: a test inline, most words have none) */
        if (e - s >= 4 && apostrophe_near_end(b, s, e))
                e = turkish_suffix_cut(b, s, e);

        *t = (struct tok){ .s = s, .e = e, .digit = digit, .n = e - s,
                           .upper = upper_at(b, w->len, s) };
        t->allcaps = t->upper && e - s > 1;
#ifdef __SSE2__
        {
                bool small;

                /* most words: ASCII, and short (low has room for the 16 bytes stored) */
                if (e > s && e - s <= 16 && w->len - s >= 16 &&
                    ascii_word16(b + s, e - s, t->low, &small, &t->no_camel)) {
                        lowered = true;
                        if (small)
                                t->allcaps = false;
                }
        }
#endif
        for (size_t i = s; i < e && !lowered; i++) {
                unsigned char c = (unsigned char)b[i];

                if (c >= 0x80)
                        t->nonascii = true;
                if (c >= 'a' && c <= 'z')
                        t->allcaps = false;
                if (c >= 0xc3 && i + 1 < e && !upper_at(b, w->len, i) && letter_at(b, e, i))
                        t->allcaps = false;
        }
        if ((e - s <= PLAIN_MAX ||
             (e - s <= WORD_MAX && (memchr(b + s, '-', e - s) || long_patronymic(b + s, e - s)))) &&
            (lowered || pii_lex_lower(b + s, e - s, t->low, sizeof(t->low)))) {
                size_t n = e - s;
                const struct wcache *c;

                /* a possessive is looked up without its 's */
                if (n > 3 && t->low[n - 2] == '\'' && t->low[n - 1] == 's')
                        t->low[n -= 2] = '\0';
                else if (n > 5 && memcmp(t->low + n - 4, "\xe2\x80\x99s", 4) == 0)
                        t->low[n -= 4] = '\0';
                t->n = n;
                c = word_info(w, t->low, n);
                t->lex = digit ? 0 : c->lex;
                t->sets = c->sets;
                t->street_suffix = c->street_suffix;
                str_abbrev(b, w->len, t);
        } else {
                /* longer than WORD_MAX (PLAIN_MAX without a hyphen): never a name; like a
                 * word with digits in it */
                t->low[0] = '\0';
                t->n = 0;
                t->digit = true;
                t->sets = 0;
        }
        t->particle = !t->upper && TOK_IN(t, particles);
        /* Irish particles, capitalised: "Niamh Ó Briain", "Aoife Ní Bhriain" ("Ó" is no word
         * in capitals) */
        if (t->upper && t->nonascii && t->n <= 3 &&
            (streq(t->low, "ó") || streq(t->low, "ní") || streq(t->low, "uí"))) {
                t->particle = true;
                t->allcaps = false;
        }
}

#ifdef __SSE2__
/* The 16 bytes at a word's start, classified once for word_end() and tok_fill() both. */
struct word16 {
        __m128i x;
        unsigned cap, small; /* bit masks of the ASCII capitals and small letters */
        unsigned alnum;      /* ASCII letters and digits from the first byte on */
};

/* Classify the 16 bytes at b + p (readable) into v; when the word at p is of ASCII letters
 * and digits only and ends inside them before a byte that word_end() stops at at once (ASCII,
 * not an apostrophe or hyphen), its end into *ret_e and whether it has a digit into
 * *ret_digit, as word_end() would, and true. */
static inline __attribute__((always_inline)) bool word16(const char *b, size_t p,
                                                        struct word16 *v, size_t *ret_e,
                                                        bool *ret_digit)
{
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(b + p));
        /* as in next_cap_start: a range moved to the bottom of the signed range */
        unsigned cap = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(
                _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'A'))), _mm_set1_epi8((char)(0x80 + 26))));
        unsigned small = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(
                _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'a'))), _mm_set1_epi8((char)(0x80 + 26))));
        unsigned num = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(
                _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))), _mm_set1_epi8((char)(0x80 + 10))));
        unsigned k = (unsigned)__builtin_ctz(~(cap | small | num)); /* 16 when all are */
        unsigned char c;

        v->x = x;
        v->cap = cap;
        v->small = small;
        v->alnum = k;
        if (k == 16)
                return false;
        c = (unsigned char)b[p + k];
        if (c >= 0x80 || c == '\'' || c == '-')
                return false;
        *ret_e = p + k;
        *ret_digit = (num & ((1u << k) - 1)) != 0;
        return true;
}

/* tok_fill() for a word that word16() ended: ASCII letters and digits, shorter than 16 bytes,
 * so no possessive to strip, no byte to test one by one, and the lower-case copy is v's
 * bytes with the capitals' 0x20 bit set. */
/* The lower-case copy of a word16() word of n bytes into low (WORD_MAX + 1 bytes, 16
 * stored): v's bytes with the capitals' 0x20 bit set. */
static inline const char *lower_word16(const struct word16 *v, size_t n, char *low)
{
        __m128i capv = _mm_cmplt_epi8(_mm_add_epi8(v->x, _mm_set1_epi8((char)(0x80 - 'A'))),
                                      _mm_set1_epi8((char)(0x80 + 26)));

        _mm_storeu_si128((__m128i *)(void *)low,
                         _mm_or_si128(v->x, _mm_and_si128(capv, _mm_set1_epi8(0x20))));
        low[n] = '\0';
        return low;
}

/* lower_word16(), and what the word cache knows of the word. */
static inline const struct wcache *word16_info(struct walk *w, const struct word16 *v, size_t n,
                                               char *low)
{
        return word_info(w, lower_word16(v, n, low), n);
}

/* tok_fill16() but for t->low and the word cache's c, which word16_info() gave: every field
 * but low set one by one (t->low holds the word already). */
static inline void tok_set16(struct tok *t, size_t s, size_t e, bool digit,
                             const struct word16 *v, const struct wcache *c)
{
        size_t n = e - s;
        unsigned in = (1u << n) - 1;

        t->s = s;
        t->e = e;
        t->n = n;
        t->digit = digit;
        t->upper = v->cap & 1;
        t->allcaps = t->upper && n > 1 && !(v->small & in);
        t->dot = false;
        t->nonascii = false;
        /* as ascii_word16() */
        t->no_camel = (v->cap & v->small << 1 & in & ~3u) == 0;
        t->lex = digit ? 0 : c->lex;
        t->sets = c->sets;
        t->street_suffix = c->street_suffix;
        t->particle = !t->upper && TOK_IN(t, particles);
}

static inline void tok_fill16(struct walk *w, struct tok *t, size_t s, size_t e, bool digit,
                              const struct word16 *v)
{
        tok_set16(t, s, e, digit, v, word16_info(w, v, e - s, t->low));
        str_abbrev(w->buf, w->len, t);
}
#endif

/* The separators of fields whose values the walk reads before code_before() would skip
 * them: a vCard's ':' and ';', an HL7 segment's '|' and '^'. */
static const uint8_t field_sep[256] = { [':'] = 1, [';'] = 1, ['|'] = 1, ['^'] = 1 };

/* The bytes code_before() and code_after() look for, a table read for every capital. */
enum {
        CC_BEFORE = 1 << 0, /* ends a word glued to the next in code or paths */
        CC_AFTER = 1 << 1,  /* glues a word to code after it */
        CC_AFTER_WORD = 1 << 2, /* the same before a word: a.b, Foo::bar, a domain */
};
static const uint8_t code_class[256] = {
        ['.'] = CC_BEFORE | CC_AFTER_WORD, ['_'] = CC_BEFORE | CC_AFTER,
        ['@'] = CC_BEFORE | CC_AFTER, ['/'] = CC_BEFORE | CC_AFTER,
        ['\\'] = CC_BEFORE | CC_AFTER, ['#'] = CC_BEFORE, ['$'] = CC_BEFORE | CC_AFTER,
        ['%'] = CC_BEFORE, ['&'] = CC_BEFORE, ['='] = CC_BEFORE | CC_AFTER, ['-'] = CC_BEFORE,
        ['+'] = CC_BEFORE, ['~'] = CC_BEFORE, ['*'] = CC_BEFORE, ['^'] = CC_BEFORE,
        ['|'] = CC_BEFORE, ['`'] = CC_BEFORE | CC_AFTER, ['('] = CC_AFTER, ['['] = CC_AFTER,
        ['{'] = CC_AFTER, ['<'] = CC_AFTER, ['>'] = CC_AFTER, [':'] = CC_AFTER_WORD,
};

/* Bytes before i that end a word glued to it in code or paths. */
static bool code_before(const char *b, size_t i)
{
        return i && (code_class[(unsigned char)b[i - 1]] & CC_BEFORE);
}

/* Whether i starts a chat log's nick in angle brackets at a line's start or after a time
 * stamp: "<Becca Sandoval> ", "[09:03] <Marcus> " (letters, spaces, hyphens, then "> "). */
static bool chat_nick_at(const char *b, size_t len, size_t i)
{
        size_t p = i;

        if (i == 0 || b[i - 1] != '<' ||
            !(i == 1 || b[i - 2] == '\n' || (i >= 3 && b[i - 2] == ' ' && b[i - 3] == ']')))
                return false;
        while (p < len && p - i < 40 && (b[p] == ' ' || b[p] == '-' || b[p] == '\'' ||
                                         ((unsigned char)b[p] >= 0x80) ||
                                         ((b[p] | 0x20) >= 'a' && (b[p] | 0x20) <= 'z')))
                p++;
        return p > i && p + 1 < len && b[p] == '>' && b[p + 1] == ' ';
}

static inline bool code_after(const char *b, size_t len, size_t e)
{
        unsigned k = e < len ? code_class[(unsigned char)b[e]] : 0;

        /* a closing tag or a line break of HTML and XML ends text, not code: Ana Rossi</b> */
        if (e + 2 < len && b[e] == '<' &&
            (b[e + 1] == '/' || (b[e + 1] == 'b' && b[e + 2] == 'r')))
                return false;
        if (k & CC_AFTER) {
                /* but a chat log's nick: "<Becca Sandoval> morning" */
                if (b[e] == '>' && e + 1 < len && b[e + 1] == ' ') {
                        size_t lt = e;

                        while (lt > 0 && e - lt < 40 && b[lt - 1] != '<' && b[lt - 1] != '\n')
                                lt--;
                        if (lt > 0 && b[lt - 1] == '<' && chat_nick_at(b, len, lt))
                                return false;
                }
                return true;
        }
        /* a calendar's attendee: CN=Ana Rossi:mailto:ana@example.com */
        if ((k & CC_AFTER_WORD) && e + 1 < len && wordish(b, len, e + 1))
                return !(b[e] == ':' && e + 8 <= len && memcmp(b + e + 1, "mailto:", 7) == 0);
        return false;
}

static bool is_title_abbr(const struct tok *t)
{
        return TOK_IN(t, titles);
}

/* "@Kasia already replied": a chat's mention, the '@' after a space or a line's start (an
 * e-mail's local part is no mention). */
static bool mention_at(const char *b, size_t i)
{
        return i >= 1 && b[i - 1] == '@' &&
               (i == 1 || b[i - 2] == ' ' || b[i - 2] == '\n' || b[i - 2] == '\t' ||
                b[i - 2] == '(');
}

/* Whether the word at p, after a run's word and a space, may go on with the run: false for
 * an ASCII small letter that starts no particle and no article (particle_second and
 * particle_alone: "each" is not "e"), or whose word of ASCII letters is no particle, which
 * the loop would read only to end the run. */
static __attribute__((noinline)) bool may_be_particle(const char *b, size_t len, size_t p);

static inline bool may_continue(const char *b, size_t len, size_t p)
{
        unsigned char c = (unsigned char)b[p], d;

        if (!(c >= 'a' && c <= 'z'))
                return true;
        if (p + 1 >= len)
                return particle_alone[c]; /* one letter */
        d = (unsigned char)b[p + 1] | 0x20; /* pii_lex_lower's, for an ASCII capital */
        if (d >= 'a' && d <= 'z') {
                if (!(particle_second[c] >> (d - 'a') & 1))
                        return false;
        } else if (!particle_alone[c]) {
                return false; /* a particle of two letters or more has a letter second */
        }
        return may_be_particle(b, len, p);
}

/* may_continue() for a word whose first two bytes a particle or an article may start with. */
static bool may_be_particle(const char *b, size_t len, size_t p)
{
        unsigned char c = (unsigned char)b[p], d;
        char low[8];
        size_t k;

        /* "al-Zahrani": build_run() tests it */
        if ((c == 'a' || c == 'e') && p + 2 < len && b[p + 1] == 'l' && b[p + 2] == '-')
                return true;
        /* the word's letters, as build_run() would read and look it up: a word of more than
         * particle_max letters or with a digit is none; one that may go on past its ASCII
         * letters (an apostrophe, a hyphen, a non-ASCII letter) is left to build_run() */
        for (k = 0; k <= particle_max && k < sizeof(low) && p + k < len; k++) {
                d = (unsigned char)b[p + k];
                if (!((d | 0x20) >= 'a' && (d | 0x20) <= 'z'))
                        break;
                low[k] = (char)(d | 0x20);
        }
        if (k > particle_max)
                return false;
        d = p + k < len ? (unsigned char)b[p + k] : 0;
        if (d >= '0' && d <= '9')
                return false;
        if (d >= 0x80 || d == '\'' || d == '-')
                return true;
        return (set_mask(low, k) & LB_particles) != 0;
}

/* The walk's word16() of a run's first word (lone_word), so that build_run() need not
 * load and classify it again: ok when v, e and digit are set. */
struct first16 {
#ifdef __SSE2__
        struct word16 v;
#endif
        size_t e;
        bool digit, ok;
};

/* The run starting at the capitalised word at s; false when there is none. f, when not NULL
 * and ok, is what word16() says of the word at s. */
/* Whether t, in capitals before the capitals of next, is a court's or a weak title there:
 * "JUDGE HARTLEY", "HIS HONOUR JUDGE", "THE HONOURABLE MR JUSTICE", "LORD JUSTICE" (in small
 * letters a weak title goes before one surname of the lexicon only; caps_name() still asks
 * the lexicon of what follows). */
static const char *const court_titles[] = { "honour", "honor", "honourable", "honorable",
                                            "judge", "justice", "lord", "lady", NULL };

static bool caps_title(const struct tok *t, const struct tok *next)
{
        const char *const *court = court_titles;

        if (streq(t->low, "his") || streq(t->low, "her"))
                return streq(next->low, "honour") || streq(next->low, "honor");
        if (streq(t->low, "the"))
                return streq(next->low, "honourable") || streq(next->low, "honorable");
        /* "DISTRICT JUDGE PATEL", "DEPUTY DISTRICT JUDGE", "CIRCUIT JUDGE", "CHIEF JUSTICE" */
        if (streq(t->low, "district") || streq(t->low, "circuit") || streq(t->low, "deputy") ||
            streq(t->low, "chief") || streq(t->low, "senior") || streq(t->low, "associate"))
                return streq(next->low, "judge") || streq(next->low, "justice") ||
                       streq(next->low, "district") || streq(next->low, "circuit");
        return in_list(t->low, court) || (is_title_abbr(t) && TOK_IN(t, weak_titles) && t->n > 2);
}

/* Whether the initial at s ("D.") begins two to four glued together before a word in
 * capital and small letters: "D.R. Okonjo", "J.R.R. Tolkien"; not an abbreviation ("U.S.
 * Steel", "B.C. Rome"), nor a firm's form or a degree after a name, which no word follows
 * ("Philips N.V.", "Ana Ruiz B.A."). */
static bool glued_initials(const char *b, size_t len, size_t s)
{
        static const char *const abbrevs[] = {
                "ad", "am", "bc", "cc", "dc", "eg", "eu", "gb", "hms", "ie", "la", "nb", "ny",
                "pm", "po", "pps", "ps", "ss", "uae", "uk", "un", "us", "usa", "uss", "ussr",
                "vs", NULL
        };
        char low[5];
        size_t p = s, n = 0;

        while (n < 4 && p + 1 < len && b[p] >= 'A' && b[p] <= 'Z' && b[p + 1] == '.') {
                low[n++] = (char)(b[p] | 0x20);
                p += 2;
        }
        low[n] = '\0';
        return n >= 2 && p + 2 < len && b[p] == ' ' && upper_at(b, len, p + 1) &&
               b[p + 2] != '.' && b[p + 2] != ' ' && !in_list(low, abbrevs);
}

static bool build_run(struct walk *w, size_t s, struct run *r, size_t *ret_next,
                      const struct first16 *f)
{
        const char *b = w->buf;
        size_t len = w->len, p = s;
        unsigned np = 0;
#ifdef __SSE2__
        const struct first16 *pre = f && f->ok ? f : NULL; /* for the first word only */
#else
        (void)f;
#endif

        r->n = 0;
        while (r->n < RUN_MAX) {
                bool digit, up = upper_at(b, len, p), fast = false;
                size_t e = p;
                struct tok *t = &r->t[r->n];
#ifdef __SSE2__
                struct word16 v = { .alnum = 0 }; /* read when word16() says so only */

                if (pre) {
                        v = pre->v;
                        e = pre->e;
                        digit = pre->digit;
                        fast = true;
                        pre = NULL;
                } else if (len - p >= 16) {
                        /* a small word after the run, most often: more letters or digits
                         * than the longest particle ("della") are none */
                        fast = word16(b, p, &v, &e, &digit);
                        if (!up && v.alnum > particle_max)
                                break;
                } else
#endif
                if (!up && len - p > particle_max) {
                        size_t k = 0;

                        while (k <= particle_max && (byte_class[(unsigned char)b[p + k]] & BC_ALNUM))
                                k++;
                        if (k > particle_max)
                                break; /* as above */
                }
                if (!up && b[p] == '\'' && p + 2 < len && b[p + 1] == 't' && b[p + 2] == ' ') {
                        e = p + 2; /* Dutch's 't: "van 't Hof" */
                        digit = false;
                        fast = false;
                } else if (!fast) {
                        e = word_end(b, len, p, &digit);
                }
                if (e == p)
                        break;
                /* "Fatima al-Zahrani", "Amr el-Sayed": an Arabic article glued to a capital */
                bool article = false;

                if (!up && e - p > 3 && b[p + 1] == 'l' && b[p + 2] == '-' &&
                    (b[p] == 'a' || b[p] == 'e') && upper_at(b, len, p + 3))
                        article = true;
                else if (!up) {
                        char low[8];

                        /* no particle is longer; look no further */
                        if (e - p > particle_max ||
                            !pii_lex_lower(b + p, e - p, low, sizeof(low)) ||
                            !(set_mask(low, e - p) & LB_particles))
                                break;
                }
#ifdef __SSE2__
                if (fast)
                        tok_fill16(w, t, p, e, digit, &v);
                else
#endif
                        tok_fill(w, t, p, e, digit);
                if (article && r->n > 0) {
                        t->upper = true; /* a name's word, like the capital after it */
                        t->particle = false;
                }
                if (!t->upper && !t->particle)
                        break;
                /* a word with a digit is no part of a name or place ("London SW1A 2AA") */
                if (t->digit && r->n > 0)
                        break;
                if (t->particle) {
                        /* "Lucía y José", "Maria e João": after one word, "y" and "e" join
                         * two persons; a compound surname has its given name first
                         * ("José Ortega y Gasset") */
                        if (++np > 2 || (r->n == 1 && t->n == 1 &&
                                         (t->low[0] == 'y' || t->low[0] == 'e')))
                                break;
                } else {
                        np = 0;
                }
                /* an initial: one letter, of two bytes in UTF-8 too ("Д.", "É.") */
                if (e < len && b[e] == '.' && t->upper &&
                    (t->n == 1 || (t->n == 2 && (unsigned char)t->low[0] >= 0xc3 &&
                                   ((unsigned char)t->low[1] & 0xc0) == 0x80) ||
                     is_title_abbr(t) ||
                                                           streq(t->low, "st") ||
                                                           streq(t->low, "jr") ||
                                                           (t->sets & LB_street_before))) {
                        t->dot = true;
                        t->e = ++e;
                } else if (code_after(b, len, e)) {
                        if (r->n == 0)
                                *ret_next = e;
                        break;
                }
                r->n++;
                p = e;
                /* initials glued together before a name go on: "Mr D.R. Okonjo", "J.R.R.
                 * Tolkien" */
                if (t->dot && t->n == 1 && p + 1 < len && b[p] >= 'A' && b[p] <= 'Z' &&
                    b[p + 1] == '.' && glued_initials(b, len, t->s))
                        continue;
                /* one space (or a no-break space) and a capital or a particle go on */
                if (p < len && b[p] == ' ')
                        p++;
                else if (p + 1 < len && (unsigned char)b[p] == 0xc2 &&
                         (unsigned char)b[p + 1] == 0xa0)
                        p += 2;
                else
                        break;
                if (p >= len ||
                    !(upper_at(b, len, p) || letter_at(b, len, p) ||
                      (b[p] == '\'' && p + 2 < len && b[p + 1] == 't' && b[p + 2] == ' ' &&
                       r->t[r->n - 1].particle)) ||
                    !may_continue(b, len, p))
                        break;
        }
        while (r->n > 0 && r->t[r->n - 1].particle)
                r->n--;
        if (r->n == 0)
                return false;
        *ret_next = r->t[r->n - 1].e;
        return true;
}

/* ---- context -------------------------------------------------------------- */

/* Bytes of a word prev_word() walks back over: ASCII letters, UTF-8 continuation bytes, '-'
 * and '\''; PW_LEAD the lead bytes that are a letter when letter_at() says so. */
enum { PW_IN = 1, PW_LEAD = 2 };
static const uint8_t pw_class[256] = {
        ['A' ... 'Z'] = PW_IN, ['a' ... 'z'] = PW_IN, [0x80 ... 0xbf] = PW_IN, ['-'] = PW_IN,
        ['\''] = PW_IN, [0xc3 ... 0xd4] = PW_LEAD, [0xe1] = PW_LEAD,
};

#ifdef __SSE2__
/* How many of the 16 bytes before p, from the last back, are bytes of pw_class[]'s PW_IN:
 * a word before a run is walked back over 16 bytes a step, not a table read per byte. */
static unsigned pw_in_suffix16(const char *p)
{
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p - 16));
        /* as in next_cap_start: a range moved to the bottom of the signed range */
        __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)),
                                                    _mm_set1_epi8((char)(0x80 - 'a'))),
                                       _mm_set1_epi8((char)(0x80 + 26)));
        __m128i cont = _mm_cmplt_epi8(x, _mm_set1_epi8((char)0xc0)); /* 0x80-0xbf */
        __m128i punct = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('-')),
                                     _mm_cmpeq_epi8(x, _mm_set1_epi8('\'')));
        unsigned out = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(alpha, cont),
                                                                 punct)) & 0xffff;

        return out ? 15 - (31 - (unsigned)__builtin_clz(out)) : 16;
}

/* pii_lex_lower() of p[0, n), 0 < n <= 16, into low (16 bytes stored), with 16 bytes
 * readable at p, when they are ASCII; false, and nothing written, when one is not. */
static inline bool lower16(const char *p, size_t n, char *low)
{
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i cap = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'A'))),
                                     _mm_set1_epi8((char)(0x80 + 26)));

        if ((unsigned)_mm_movemask_epi8(x) & ((1u << n) - 1))
                return false;
        _mm_storeu_si128((__m128i *)(void *)low,
                         _mm_or_si128(x, _mm_and_si128(cap, _mm_set1_epi8(0x20))));
        low[n] = '\0';
        return true;
}
#endif

/* Learn the word that ends at e into m: walk back over its bytes, lower-case it. */
static void prev_fill(const struct walk *w, struct prev *m, size_t e)
{
        const char *b = w->buf;
        size_t s = e;
        unsigned k;

        m->key = e + 1;
        k = e > 0 ? pw_class[(unsigned char)b[e - 1]] : 0;
#ifdef __SSE2__
        /* (no word at all, most often in logs and JSON, is told by the first byte) */
        if (k == PW_IN && e >= 16) {
                s -= pw_in_suffix16(b + e);
                k = s > 0 ? pw_class[(unsigned char)b[s - 1]] : 0;
        }
#endif
        while (k == PW_IN || (k == PW_LEAD && letter_at(b, w->len, s - 1))) {
                s--;
                k = s > 0 ? pw_class[(unsigned char)b[s - 1]] : 0;
        }
        if (s == e || e - s >= WORD_MAX + 1) {
                m->low[0] = '\0';
                m->n = 0;
                m->s = SIZE_MAX;
                m->sets = 0;
                m->sets_ok = true;
        } else {
#ifdef __SSE2__
                /* most words: ASCII, short, 16 bytes readable (lower16 writes nothing
                 * otherwise) */
                if (!(e - s <= 16 && w->len - s >= 16 && lower16(b + s, e - s, m->low)))
#endif
                        pii_lex_lower(b + s, e - s, m->low, sizeof(m->low));
                m->n = e - s;
                m->s = s;
                m->sets_ok = false;
        }
}
#ifdef __SSE2__
_Static_assert(sizeof(((struct prev *)0)->low) >= 16, "lower16 stores 16 bytes in low");
#endif

/* The word that ends before i, skipping spaces and the bytes of the byte sets `skip`: its
 * start (s, SIZE_MAX when there is none), length (n, 0 when none) and lower-case copy (low,
 * "" when none), valid until the next call. The word depends on where it ends only, and the
 * last few are remembered by that end: the word before a run is asked for by the street
 * rule, decide() and the tagger's features. */
static const struct prev *prev_word(struct walk *w, size_t i, unsigned skip)
{
        const char *b = w->buf;
        size_t e = i;
        struct prev *m;

        while (e > 0 && (b[e - 1] == ' ' || b[e - 1] == '\t' || IN_BYTESET(b[e - 1], skip)))
                e--;
        m = &w->prev[e % PREV_KEEP];
        if (m->key != e + 1)
                prev_fill(w, m, e);
        return m;
}

/* The word lists the word prev_word() gave is in, through the word cache, once. */
static unsigned prev_sets(struct walk *w, const struct prev *pm)
{
        struct prev *m = (struct prev *)pm; /* one of w->prev[] (no division by its size) */

        if (!m->sets_ok) {
                m->sets = word_sets(w, m->low, m->n);
                m->sets_ok = true;
        }
        return m->sets;
}

/* The label before i: "Name: ", "\"customer_name\": \"", "Nom : ", "Patient -", up to 32
 * bytes on the same line, lower-cased, with single spaces. "" when there is none. */
static void label_scan(const struct walk *w, size_t i, char *out, size_t size);

static inline void label_before(const struct walk *w, size_t i, char *out, size_t size)
{
        /* most runs: a space after a letter or digit, which ends no label (label_scan() would
         * stop there and find no separator) */
        if (i > 1 && w->buf[i - 1] == ' ' &&
            (byte_class[(unsigned char)w->buf[i - 2]] & BC_ALNUM)) {
                out[0] = '\0';
                return;
        }
        label_scan(w, i, out, size);
}

static void label_scan(const struct walk *w, size_t i, char *out, size_t size)
{
        const char *b = w->buf;
        size_t e = i, s;
        bool sep = false, eq = false;

        out[0] = '\0';
        /* (and a JSON array's first item: "given": ["Chidi", ...]) */
        while (e > 0 && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == '"' ||
                         b[e - 1] == '\'' || (b[e - 1] == '[' && i - e <= 3)))
                e--;
        if (e > 0 && (b[e - 1] == ':' || b[e - 1] == '=')) {
                sep = true;
                eq = b[e - 1] == '=' && e >= 2 && b[e - 2] != ' ';
                e--;
        } else if (e > 0 && b[e - 1] == '-' && e >= 2 && b[e - 2] == ' ') {
                sep = true;
                e -= 2;
        } else if (e > 1 && b[e - 1] == '>' && b[e - 2] != '/' && b[e - 2] != '-') {
                /* an XML element's content: <given>Fatima</given>, <city ...>Heidelberg */
                size_t t = e - 1, ts;

                while (t > 0 && e - t < 80 && b[t - 1] != '<' && b[t - 1] != '>' &&
                       b[t - 1] != '\n')
                        t--;
                if (t == 0 || b[t - 1] != '<' || b[t] == '/' || b[t] == '!' || b[t] == '?')
                        return;
                ts = t;
                while (t < e - 1 && b[t] != ' ' && b[t] != '\t')
                        t++; /* the element's name, not its attributes */
                if (t == ts || t - ts >= size)
                        return;
                pii_lex_lower(b + ts, t - ts, out, size);
                for (char *c = out; *c; c++)
                        if (*c == '_' || *c == '-' || *c == ':')
                                *c = ' ';
                return;
        }
        if (!sep)
                return;
        while (e > 0 && (b[e - 1] == ' ' || b[e - 1] == '\t' || b[e - 1] == '"' ||
                         b[e - 1] == '\''))
                e--;
        /* a form's notes in parentheses: "Surname (Family name):", "First name(s) (Given
         * name(s)):" read as "surname", "first name" */
        for (int k = 0; k < 3 && e > 2 && b[e - 1] == ')'; k++) {
                size_t p = e - 1;
                int depth = 0;

                while (p > 0 && e - p < 40) {
                        depth += b[p] == ')';
                        depth -= b[p] == '(';
                        if (depth == 0)
                                break;
                        p--;
                }
                if (depth != 0 || b[p] != '(')
                        break;
                e = p;
                while (e > 0 && b[e - 1] == ' ')
                        e--;
        }
        s = e;
        /* (two spaces end it too: a form's columns, "Nazwisko: X    Pierwsze imię: Y") */
        while (s > 0 && e - s < 32 && b[s - 1] != '\n' && b[s - 1] != '"' && b[s - 1] != '\'' &&
               b[s - 1] != ',' && b[s - 1] != '{' && b[s - 1] != '|' && b[s - 1] != '\t' &&
               b[s - 1] != ';' && b[s - 1] != '(' && b[s - 1] != '.' && b[s - 1] != '>' &&
               !(b[s - 1] == ' ' && (eq || (s >= 2 && b[s - 2] == ' '))))
                s--; /* (a log's key=value: the key alone, "pop=Bologna") */
        /* a file's or a dotted name's last part is no label: "tree.cc: Mark EOL" read as
         * the mail header "Cc:" ("1. Name:" still is one) */
        if (s >= 2 && b[s - 1] == '.' && s < e && b[s] != ' ' &&
            (byte_class[(unsigned char)b[s - 2]] & BC_ALNUM))
                return;
        while (s < e && b[s] == ' ')
                s++;
        if (e - s < 1 || e - s >= size)
                return;
        pii_lex_lower(b + s, e - s, out, size);
        /* "Patient Name" -> "patient name"; "- Name" bullets */
        for (char *p = out; *p; p++)
                if (*p == '\t')
                        *p = ' ';
}

/* ---- CSV columns ---------------------------------------------------------- */

#define CSV_LINE_MAX 4096     /* a longer line is not looked at as CSV */
#define CSV_BACK (64u << 10)  /* how far back a header is looked for */

/* The separators (sep: ',', ';' or a tab) of line [ls, e) outside double quotes, up to
 * `stop` (where the count is read into *at, when not NULL); UINT_MAX when the line is too
 * long. */
static unsigned csv_commas(const char *b, size_t ls, size_t e, size_t stop, unsigned *at,
                           char sep)
{
        unsigned n = 0;
        bool q = false;

        if (e - ls > CSV_LINE_MAX)
                return UINT_MAX;
        for (size_t j = ls; j < e; j++) {
                if (j == stop && at)
                        *at = n;
                if (b[j] == '"')
                        q = !q;
                else if (b[j] == sep && !q)
                        n++;
        }
        if (stop >= e && at)
                *at = n;
        return n;
}

/* The line around i: [*ls, *le), without its '\r'. */
static void line_of(const struct walk *w, size_t i, size_t *ls, size_t *le)
{
        const char *b = w->buf;
        size_t s = i, e = i;

        while (s > 0 && b[s - 1] != '\n' && i - s <= CSV_LINE_MAX)
                s--;
        while (e < w->len && b[e] != '\n' && e - i <= CSV_LINE_MAX)
                e++;
        if (e > s && b[e - 1] == '\r')
                e--;
        *ls = s;
        *le = e;
}

/* Whether line [ls, le) can head a CSV: each cell a label (letters, digits after the first,
 * '_', ' ', '-', '.', '/', quoted or not), none empty. */
static bool csv_header_line(const char *b, size_t ls, size_t le, char sep)
{
        size_t j = ls;

        while (j <= le) {
                size_t c = j, n = 0;
                bool quoted = c < le && b[c] == '"';

                if (quoted)
                        c++;
                while (c < le && b[c] != sep && b[c] != '"') {
                        unsigned char x = (unsigned char)b[c];

                        if (!((x | 0x20) >= 'a' && (x | 0x20) <= 'z') && x != '_' && x != ' ' &&
                            x != '-' && x != '.' && x != '/' && !(n > 0 && is_digit((char)x)) &&
                            x < 0x80)
                                return false;
                        c++;
                        n++;
                }
                if (quoted) {
                        if (c >= le || b[c] != '"')
                                return false;
                        c++;
                }
                if ((n == 0 && !(sep == '|' && (j == ls || c >= le))) || n > 40 ||
                    (c < le && b[c] != sep))
                        return false;
                j = c + 1;
        }
        return true;
}

/* The label of the CSV column whose cell is [s, e): its header cell, lower-cased, into out
 * ("first_name", "City"), or "" when [s, e) is not a whole cell under a header. The header
 * is the first line of the block of lines, above this one, with as many commas, looked for
 * up to CSV_BACK bytes back in this window (a header in an earlier window is not seen). */
/* The label of cell col of the header line [hs, he): lower-cased, unquoted, '_' and '-' as
 * spaces ("first_name" is the label "first name"); "" when there is none. */
static void csv_cell_label(const char *b, size_t hs, size_t he, char sep, unsigned col,
                           char *out, size_t size)
{
        size_t p;

        out[0] = '\0';
        for (unsigned k = 0; k < col && hs < he; hs++)
                if (b[hs] == sep)
                        k++;
        p = hs;
        while (p < he && b[p] != sep)
                p++;
        while (p > hs && b[hs] == ' ') /* a table's "| City |" */
                hs++;
        while (p > hs && b[p - 1] == ' ')
                p--;
        if (p > hs && b[hs] == '"')
                hs++;
        if (p > hs && b[p - 1] == '"')
                p--;
        if (p <= hs || p - hs >= size)
                return;
        pii_lex_lower(b + hs, p - hs, out, size);
        /* a header names a column, never code */
        for (char *c = out; *c; c++)
                if (*c == '_' || *c == '-')
                        *c = ' ';
}

/* A later round's block of rows whose header is above its window: memo's, when the walk
 * before saw the same block (its separator and commas) reach this window. */
static bool csv_memo_header(struct walk *w, char sep, unsigned n)
{
        const struct pii_names_memo *m = w->memo;

        return m && m->base > 0 && m->csv_ok && m->csv_sep == sep && m->csv_commas == n &&
               m->csv_upto >= m->base;
}

#define CELL_PAD 48 /* the spaces a text table's cell is padded with, at most */

/* Whether line [ls, le) is a table's rule: '-', '=', '+', '|', ':' and spaces only, three
 * '-' or '=' at least ("------", "+----+----+", "|---|:--|"). A text table puts one under
 * its header, and the block of rows was cut there, its header lost (attack 11: a club's
 * roster of 60 names under "Surname | First name", 44 missed). */
static bool csv_rule_line(const char *b, size_t ls, size_t le)
{
        unsigned dashes = 0;

        for (size_t j = ls; j < le; j++) {
                char c = b[j];

                if (c == '-' || c == '=')
                        dashes++;
                else if (c != '+' && c != '|' && c != ':' && c != ' ' && c != '\t')
                        return false;
        }
        return dashes >= 3;
}

/* line_of() and csv_commas() for the cell at cs of the line around s, read once per line:
 * the line's bounds, its separators (UINT_MAX for a line longer than CSV_LINE_MAX, as
 * csv_commas() says of it however line_of() cut it) and the separators before cs. */
static unsigned csv_line(struct walk *w, size_t s, size_t cs, char sep, size_t *ret_ls,
                         size_t *ret_le, unsigned *ret_col)
{
        const char *b = w->buf;
        size_t j, stop;
        unsigned col;
        bool q;

        /* the bounds once per line, whatever the separator; the count again when the
         * separator changes, which a line longer than CSV_LINE_MAX never needs (a line of
         * cells that change separator had each read its whole line, 1 MB of them 17 s) */
        if (!(w->cl_ok && s >= w->cl_ls && s <= w->cl_le)) {
                const char *nl = memchr(b + s, '\n', w->len - s);
                size_t ls = s, le = nl ? (size_t)(nl - b) : w->len;

                while (ls > 0 && b[ls - 1] != '\n')
                        ls--;
                if (le > s && b[le - 1] == '\r')
                        le--;
                w->cl_ok = true;
                w->cl_ls = ls;
                w->cl_le = le;
                w->cl_sep = 0;
        }
        if (w->cl_sep != sep) {
                w->cl_sep = sep;
                w->cl_n = w->cl_le - w->cl_ls > CSV_LINE_MAX ?
                                  UINT_MAX :
                                  csv_commas(b, w->cl_ls, w->cl_le, w->cl_le, NULL, sep);
                w->cl_at = w->cl_ls;
                w->cl_col = 0;
                w->cl_q = false;
        }
        *ret_ls = w->cl_ls;
        *ret_le = w->cl_le;
        if (w->cl_n == UINT_MAX)
                return UINT_MAX;
        /* the separators outside quotes before cs, on from the last cell's when it is before */
        if (cs < w->cl_at) {
                w->cl_at = w->cl_ls;
                w->cl_col = 0;
                w->cl_q = false;
        }
        stop = MIN(cs, w->cl_le);
        for (j = w->cl_at, col = w->cl_col, q = w->cl_q; j < stop; j++) {
                if (b[j] == '"')
                        q = !q;
                else if (b[j] == sep && !q)
                        col++;
        }
        w->cl_at = j;
        w->cl_col = col;
        w->cl_q = q;
        *ret_col = col;
        return w->cl_n;
}

/* ---- text tables: columns aligned with spaces ------------------------------ */

#define TT_BACK 12288 /* how far above its cell a text table's block may begin: less than
                       * the PII_MAX_SPAN bytes a streaming round walks again, so that a
                       * round's findings do not depend on where it starts (SEEN_DIST's) */
#define TT_LINE_MAX 512

/* Characters (UTF-8 lead bytes) of b[s, e): a text table aligns characters, not bytes. */
static size_t tt_cols(const char *b, size_t s, size_t e)
{
        size_t n = 0;

        for (size_t j = s; j < e; j++)
                n += ((unsigned char)b[j] & 0xc0) != 0x80;
        return n;
}

/* Whether [ls, le) can head a text table: two to 32 cells apart by two spaces or more (or a
 * tab), each cell one to four words of letters ('_', '-', '.', '/', '#', parentheses and
 * digits after the first) joined by one space: "No  Surname     Forename(s)   Class". */
static bool tt_header_line(const char *b, size_t ls, size_t le)
{
        unsigned cells = 0, words = 0;
        size_t j = ls;

        if (le - ls > TT_LINE_MAX)
                return false;
        while (j < le && b[j] == ' ')
                j++;
        while (j < le) {
                size_t c = j;

                if (!(((b[c] | 0x20) >= 'a' && (b[c] | 0x20) <= 'z') ||
                      (unsigned char)b[c] >= 0xc3))
                        return false;
                while (c < le && b[c] != ' ' && b[c] != '\t') {
                        unsigned char x = (unsigned char)b[c];

                        if (!((x | 0x20) >= 'a' && (x | 0x20) <= 'z') && x < 0x80 && x != '_' &&
                            x != '-' && x != '.' && x != '/' && x != '#' && x != '(' &&
                            x != ')' && !is_digit((char)x))
                                return false;
                        c++;
                }
                if (++words > 4)
                        return false;
                if (c + 1 < le && b[c] == ' ' && b[c + 1] != ' ' && b[c + 1] != '\t') {
                        j = c + 1; /* the cell's next word */
                        continue;
                }
                cells++;
                words = 0;
                while (c < le && (b[c] == ' ' || b[c] == '\t'))
                        c++;
                j = c;
        }
        return cells >= 2 && cells <= 32;
}

/* The label of the header cell of [hs, he) that starts at character column col, into out
 * (lower-cased, '_' and '-' as spaces); "" when no cell starts there. */
static void tt_cell_label(const char *b, size_t hs, size_t he, size_t col, char *out,
                          size_t size)
{
        size_t j = hs, n = 0, c;

        out[0] = '\0';
        while (j < he && n < col) {
                n += ((unsigned char)b[j] & 0xc0) != 0x80;
                j++;
        }
        if (j >= he || n != col || b[j] == ' ' ||
            !(j == hs || (j - hs >= 2 && b[j - 1] == ' ' && b[j - 2] == ' ') || b[j - 1] == '\t'))
                return;
        for (c = j; c < he && b[c] != '\t' && !(b[c] == ' ' && (c + 1 >= he || b[c + 1] == ' '));)
                c++;
        /* "Forename(s)", "Name (as on passport)": the label before its parenthesis */
        for (size_t p = j; p < c; p++)
                if (b[p] == '(') {
                        c = p;
                        while (c > j && b[c - 1] == ' ')
                                c--;
                        break;
                }
        if (c == j || c - j >= size)
                return;
        pii_lex_lower(b + j, c - j, out, size);
        for (char *x = out; *x; x++)
                if (*x == '_' || *x == '-')
                        *x = ' ';
}

/* The label of a text table's column whose cell is [s, e) on the line [ls, le): the cell
 * stands apart by two spaces (or a line's start or end) on both sides, two spaces on one
 * side at least, its block of lines (no empty line between) begins within TT_BACK bytes
 * above it, and the block's first line that can head a table (rules of '-' skipped) has a
 * cell starting at the cell's column: a class list or roster ("1   Okafor   Chidi   4B"
 * under "No  Surname   First name   Class"; attack 12 missed 44 such names). */
static void tt_label(struct walk *w, size_t s, size_t e, size_t ls, size_t le, char *out,
                     size_t size)
{
        const char *b = w->buf;
        bool gap_l = s >= ls + 2 && b[s - 1] == ' ' && b[s - 2] == ' ',
             gap_r = e + 1 < le && b[e] == ' ' && b[e + 1] == ' ', same = false;
        size_t top = ls, q;

        out[0] = '\0';
        if (!(gap_l || gap_r) || !(gap_l || s == ls) || !(gap_r || e >= le) || ls == 0 ||
            le - ls > TT_LINE_MAX)
                return;
        /* the block's lines looked at before, while they go on without an empty one */
        if (w->tt_ok && w->tt_upto <= ls) {
                size_t j = w->tt_upto;

                same = true;
                while (j < ls && same) {
                        const char *nl = memchr(b + j, '\n', ls - j);

                        if (!nl)
                                break;
                        j = (size_t)(nl - b) + 1;
                        same = !(j < ls && (b[j] == '\n' ||
                                            (b[j] == '\r' && j + 1 < ls && b[j + 1] == '\n')));
                }
        }
        if (!same) {
                /* up to the block's first line */
                while (top > 0 && ls - top <= TT_BACK) {
                        size_t qs = top - 1, qe = top - 1;

                        while (qs > 0 && b[qs - 1] != '\n' && qe - qs <= TT_LINE_MAX)
                                qs--;
                        if (qe > qs && b[qe - 1] == '\r')
                                qe--;
                        if (qe == qs)
                                break; /* an empty line */
                        top = qs;
                }
                w->tt_ok = true;
                /* too far up, or the window's first line may be cut: remembered too, so
                 * that the block's later cells do not each walk up TT_BACK bytes */
                w->tt_far = ls - top > TT_BACK || (top == 0 && w->memo && w->memo->base > 0);
                w->tt_top = top;
                w->tt_hs = SIZE_MAX;
                w->tt_upto = top;
        }
        if (w->tt_far) {
                w->tt_upto = ls;
                return;
        }
        /* down to the first line that can head a table, from where the last look stopped */
        for (q = w->tt_upto; w->tt_hs == SIZE_MAX && q < ls;) {
                const char *nl = memchr(b + q, '\n', ls - q);
                size_t qe = nl ? (size_t)(nl - b) : ls;

                if (qe > q && b[qe - 1] == '\r')
                        qe--;
                if (!csv_rule_line(b, q, qe) && tt_header_line(b, q, qe)) {
                        w->tt_hs = q;
                        w->tt_he = qe;
                }
                q = nl ? (size_t)(nl - b) + 1 : ls;
        }
        w->tt_upto = ls;
        if (w->tt_hs == SIZE_MAX || ls - w->tt_top > TT_BACK)
                return;
        tt_cell_label(b, w->tt_hs, w->tt_he, tt_cols(b, ls, s), out, size);
}

static void csv_label(struct walk *w, size_t s, size_t e, char *out, size_t size)
{
        const char *b = w->buf;
        size_t cs = s, ce = e, ls, le, hs, he, p;
        unsigned col = 0, n;
        char sep;

        out[0] = '\0';
        if (cs > 0 && b[cs - 1] == '"')
                cs--;
        if (ce < w->len && b[ce] == '"')
                ce++;
        /* a table's cell between '|' and spaces: "| Cork |", "Porto | Portugal", padded to
         * its column's width ("| Nikolaou      | Dimitris   |") */
        if (cs == s && cs >= 2 && b[cs - 1] == ' ') {
                size_t x = cs;

                while (x > 0 && b[x - 1] == ' ' && s - x < CELL_PAD)
                        x--;
                if (x > 0 && b[x - 1] == '|')
                        cs = x;
        }
        if (ce == e && ce < w->len && b[ce] == ' ') {
                size_t x = ce;

                while (x < w->len && b[x] == ' ' && x - e < CELL_PAD)
                        x++;
                if (x < w->len && (b[x] == '|' || (cs < s && (b[x] == '\n' || b[x] == '\r'))))
                        ce = x;
        }
        /* the separator: the byte before the cell, or after it in a line's first cell */
        sep = cs > 0 && b[cs - 1] != '\n' ? b[cs - 1] : ce < w->len ? b[ce] : '\0';
        if (sep == ' ' && cs == s && ce == e) { /* a text table's columns */
                const char *nl;

                /* tt_label()'s first test, before the line's bounds: two spaces beside the
                 * cell (most runs at a line's start are prose, one space after) */
                if (!(s >= 2 && b[s - 1] == ' ' && b[s - 2] == ' ') &&
                    !(e + 1 < w->len && b[e] == ' ' && b[e + 1] == ' '))
                        return;

                ls = s;
                while (ls > 0 && b[ls - 1] != '\n' && s - ls <= TT_LINE_MAX)
                        ls--;
                nl = memchr(b + e, '\n', MIN(w->len - e, TT_LINE_MAX + 1));
                le = nl ? (size_t)(nl - b) : w->len;
                if (le > e && b[le - 1] == '\r')
                        le--;
                tt_label(w, s, e, ls, le, out, size);
                return;
        }
        if (sep != ',' && sep != ';' && sep != '\t' && sep != '|')
                return;
        if (!((cs == 0 || b[cs - 1] == sep || b[cs - 1] == '\n') &&
              (ce == w->len || b[ce] == sep || b[ce] == '\n' || b[ce] == '\r')))
                return;
        n = csv_line(w, s, cs, sep, &ls, &le, &col);
        if (ls == 0)
                return; /* the window's first line: its header is not here */
        if (n == 0 || n == UINT_MAX)
                return;
        /* a line found to begin its block, for its other cells (a line of 1,024 cells after
         * one with another count looked up once per cell) */
        if (w->cb_ok && w->cb_ls == ls && w->cb_n == n && w->cb_sep == sep) {
                w->csv_memo = false; /* what the look up set, below */
                w->csv_ok = false;
                return;
        }
        if (!(w->csv_ok && w->csv_commas == n && w->csv_sep == sep && w->csv_upto <= ls)) {
                /* up the lines with n commas, to the first of them */
                bool far = false, top = false;

                hs = ls;
                for (;;) {
                        size_t qs, qe;

                        if (hs == 0) {
                                top = true; /* the window's first line */
                                break;
                        }
                        if (ls - hs > CSV_BACK) {
                                far = true; /* no header is looked for further up */
                                break;
                        }
                        line_of(w, hs - 1, &qs, &qe);
                        if (qs == hs - 1 && qe == qs) /* an empty line ends the block */
                                break;
                        if (csv_rule_line(b, qs, qe)) { /* "-----" under a table's header */
                                hs = qs;
                                continue;
                        }
                        if (csv_commas(b, qs, qe, qe, NULL, sep) != n) {
                                /* a later round's window starts inside a line */
                                top = qs == 0 && w->memo && w->memo->base > 0;
                                break;
                        }
                        hs = qs;
                }
                w->csv_memo = top && csv_memo_header(w, sep, n);
                if (hs == ls && !w->csv_memo) {
                        w->csv_ok = false; /* this line may head the lines below */
                        w->cb_ok = true;
                        w->cb_ls = ls;
                        w->cb_n = n;
                        w->cb_sep = sep;
                        return;
                }
                w->csv_ok = true;
                w->csv_sep = sep;
                w->csv_commas = n;
                w->csv_upto = ls;
                w->csv_hdr = w->csv_memo;
                if (w->csv_memo) {
                        w->memo->csv_upto = w->memo->base + ls;
                        goto label;
                }
                if (far)
                        return; /* its header, if any, is too far up */
                line_of(w, hs, &hs, &he);
                /* a line of prose with as many commas just above the header ("Ship to:
                 * Sig. Giuseppe Esposito, Via Garibaldi 21, 80134 Napoli"): the first line
                 * below it that can head the rest */
                while (!csv_header_line(b, hs, he, sep)) {
                        size_t nx = he;

                        while (nx < ls && b[nx] != '\n')
                                nx++;
                        if (++nx >= ls)
                                return;
                        line_of(w, nx, &hs, &he);
                }
                w->csv_hdr = true;
                w->csv_hdr_s = hs;
                w->csv_hdr_e = he;
                if (w->memo) { /* for the rounds after this one */
                        struct pii_names_memo *m = w->memo;

                        m->csv_ok = true;
                        m->csv_sep = sep;
                        m->csv_commas = n;
                        m->csv_ncols = MIN(n + 1, NAMES_MEMO_COLS);
                        for (unsigned k = 0; k < m->csv_ncols; k++)
                                csv_cell_label(b, hs, he, sep, k, m->csv_labels[k],
                                               NAMES_LABEL_MAX);
                }
        } else {
                /* the lines from where the block was known to reach down to this one */
                for (p = w->csv_upto; p < ls;) {
                        size_t qs, qe;

                        line_of(w, p, &qs, &qe);
                        if (csv_commas(b, qs, qe, qe, NULL, sep) != n &&
                            !csv_rule_line(b, qs, qe)) {
                                w->csv_ok = false;
                                return;
                        }
                        p = qe;
                        while (p < ls && b[p] != '\n')
                                p++;
                        p++;
                }
                w->csv_upto = ls;
                if (!w->csv_hdr)
                        return;
        }
label:
        if (w->memo && w->memo->csv_ok)
                w->memo->csv_upto = w->memo->base + ls;
        if (w->csv_memo) {
                if (col < w->memo->csv_ncols)
                        snprintf(out, size, "%s", w->memo->csv_labels[col]);
                return;
        }
        {
                /* the header's column col starts after col separators: on from the last
                 * cell's column when that is before it */
                size_t at = w->csv_hdr_s;
                unsigned k = 0;

                if (w->hc_ok && w->hc_s == w->csv_hdr_s && w->hc_sep == sep && w->hc_col <= col) {
                        at = w->hc_at;
                        k = w->hc_col;
                }
                for (; k < col && at < w->csv_hdr_e; at++)
                        if (b[at] == sep)
                                k++;
                w->hc_ok = true;
                w->hc_s = w->csv_hdr_s;
                w->hc_sep = sep;
                w->hc_at = at;
                w->hc_col = k;
                csv_cell_label(b, at, w->csv_hdr_e, sep, col - k, out, size);
        }
}

#define SQL_TUPLE_MAX 1024   /* a longer tuple, or one across lines, is not looked into */
#define SQL_BACK (16u << 10) /* how far back an INSERT's VALUES is looked for */

/* The '(' before b[q] that is not closed before it, outside SQL strings ('' inside one
 * toggles twice), and the commas at its depth between (the column); SIZE_MAX at a ';', a
 * newline or SQL_TUPLE_MAX bytes back. */
static size_t sql_open_before(const char *b, size_t q, unsigned *col)
{
        unsigned depth = 0, n = 0;
        bool inq = false;

        for (size_t j = q; j > 0 && q - j < SQL_TUPLE_MAX; j--) {
                char c = b[j - 1];

                if (c == '\'' && !(j >= 2 && b[j - 2] == '\\')) { /* MySQL escapes: \' */
                        inq = !inq;
                } else if (inq) {
                        ;
                } else if (c == ';' || c == '\n') {
                        return SIZE_MAX;
                } else if (c == ')') {
                        depth++;
                } else if (c == '(') {
                        if (!depth) {
                                if (col)
                                        *col = n;
                                return j - 1;
                        }
                        depth--;
                } else if (c == ',' && !depth) {
                        n++;
                }
        }
        return SIZE_MAX;
}

static size_t skip_space_back(const char *b, size_t p)
{
        while (p > 0 && (b[p - 1] == ' ' || b[p - 1] == '\t' || b[p - 1] == '\n' ||
                         b[p - 1] == '\r'))
                p--;
        return p;
}

/* Whether b[a, c) holds no ';' outside SQL strings, from a, which is outside one. */
static bool sql_same_statement(const char *b, size_t a, size_t c)
{
        bool inq = false;

        for (size_t j = a; j < c; j++)
                if (b[j] == '\'' && !(j > a && b[j - 1] == '\\'))
                        inq = !inq;
                else if (!inq && b[j] == ';')
                        return false;
        return !inq;
}

#define SQL_CREATE_BACK (256u << 10) /* how far back a CREATE TABLE is looked for */

/* The identifier that ends at q ("`members`", "loyalty.members", "\"t\""), without its
 * quotes and schema, lower-cased into out; false when there is none. */
static bool sql_ident_before(const char *b, size_t q, char *out, size_t size)
{
        size_t e = q, s;

        while (e > 0 && (b[e - 1] == '`' || b[e - 1] == '"' || b[e - 1] == ']'))
                e--;
        s = e;
        while (s > 0 && (wordish(b, e, s - 1) || b[s - 1] == '$') && e - s < size - 1)
                s--;
        if (s == e || e - s >= size)
                return false;
        memcpy(out, b + s, e - s);
        out[e - s] = '\0';
        for (char *c = out; *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                        *c = (char)(*c + 32);
        return true;
}

/* Where the name of column col of [cs, ce) starts, SIZE_MAX when there is none: the items
 * between commas outside parentheses and strings; in a CREATE TABLE's body the keys and
 * constraints (PRIMARY KEY, KEY, UNIQUE, CONSTRAINT, INDEX, FOREIGN, CHECK) are no
 * columns. */
static size_t sql_column(const char *b, size_t cs, size_t ce, unsigned col, bool create)
{
        static const char *const keys[] = { "primary", "key", "unique", "constraint", "index",
                                            "foreign", "check", "fulltext", "spatial", NULL };
        size_t item = cs;
        unsigned depth = 0, n = 0;
        bool inq = false;

        for (size_t x = cs; x <= ce; x++) {
                if (x < ce && b[x] == '\'' && (x == cs || b[x - 1] != '\\')) {
                        inq = !inq;
                        continue;
                }
                if (x < ce && (inq || (b[x] != ',' && b[x] != '(' && b[x] != ')') ||
                               (b[x] == ',' && depth))) {
                        continue;
                }
                if (x < ce && b[x] == '(') {
                        depth++;
                        continue;
                }
                if (x < ce && b[x] == ')') {
                        depth -= depth > 0;
                        continue;
                }
                /* an item ends at x */
                {
                        size_t a = item;
                        char word[16];
                        size_t k = 0;

                        while (a < x && (b[a] == ' ' || b[a] == '\t' || b[a] == '\n' ||
                                         b[a] == '\r'))
                                a++;
                        while (a + k < x && k < sizeof(word) - 1 &&
                               ((b[a + k] | 0x20) >= 'a' && (b[a + k] | 0x20) <= 'z')) {
                                word[k] = (char)(b[a + k] | 0x20);
                                k++;
                        }
                        word[k] = '\0';
                        if (!create || !in_list(word, keys)) {
                                if (n == col)
                                        return a;
                                n++;
                        }
                }
                item = x + 1;
        }
        return SIZE_MAX;
}

/* The column name that starts at c0 of a column list or a CREATE TABLE's body ending at ce,
 * as a label: unquoted, lower-cased, '_' and '-' as spaces ("first_name": "first name"). */
static void sql_column_name(const char *b, size_t c0, size_t ce, char *out, size_t size)
{
        size_t p;

        out[0] = '\0';
        while (c0 < ce && (b[c0] == ' ' || b[c0] == '\t' || b[c0] == '\n' || b[c0] == '\r' ||
                           b[c0] == '`' || b[c0] == '"' || b[c0] == '['))
                c0++;
        for (p = c0; p < ce && b[p] != ',' && b[p] != '`' && b[p] != '"' && b[p] != ']' &&
                     b[p] != ' ';
             p++)
                ;
        if (p <= c0 || p - c0 >= size)
                return;
        pii_lex_lower(b + c0, p - c0, out, size);
        for (char *c = out; *c; c++)
                if (*c == '_' || *c == '-')
                        *c = ' ';
}

/* The body of "CREATE TABLE name (...)" before p, for an INSERT that names no columns
 * (mysqldump's "INSERT INTO `members` VALUES (...)"): [*cs, *ce) inside its parentheses;
 * false when none is found in the SQL_CREATE_BACK bytes before p. The last SQL_TABLES tables
 * looked for are remembered, found or not, so that a dump of one INSERT a row searches once a
 * table. */
static bool sql_table_cols(struct walk *w, size_t p, const char *name, size_t *cs, size_t *ce)
{
        const char *b = w->buf;
        struct sql_tbl *t;

        for (unsigned k = 0; k < SQL_TABLES; k++) {
                t = &w->sql_tbl[k];
                if (t->name[0] && !strcmp(t->name, name)) {
                        *cs = t->s;
                        *ce = t->e;
                        return *ce > *cs;
                }
        }
        t = &w->sql_tbl[w->sql_tbl_next++ % SQL_TABLES];
        snprintf(t->name, sizeof(t->name), "%s", name);
        t->s = t->e = 0;
        for (size_t j = p; j >= 12 && p - j < SQL_CREATE_BACK; j--) {
                size_t k = j - 12, o, depth = 0;
                char got[64];
                bool inq = false;

                if ((b[k] | 0x20) != 'c' || strncasecmp(b + k, "create table", 12) != 0)
                        continue;
                /* CREATE TABLE [IF NOT EXISTS] name ( */
                for (o = j; o < p && b[o] != '('; o++)
                        ;
                if (o >= p || !sql_ident_before(b, skip_space_back(b, o), got, sizeof(got)) ||
                    strcmp(got, name) != 0)
                        continue;
                for (size_t x = o + 1; x < p; x++) {
                        if (b[x] == '\'' && b[x - 1] != '\\')
                                inq = !inq;
                        else if (inq)
                                ;
                        else if (b[x] == '(')
                                depth++;
                        else if (b[x] == ')' && depth)
                                depth--;
                        else if (b[x] == ')') {
                                t->s = o + 1;
                                t->e = x;
                                break;
                        }
                }
                break;
        }
        if (t->e > t->s && w->memo) { /* for the rounds after this one */
                struct pii_names_memo_table *m = NULL;

                /* a table each round finds again keeps its slot, not the others' */
                for (unsigned k = 0; k < NAMES_MEMO_TABLES && !m; k++)
                        if (!strcmp(w->memo->tbl[k].name, name))
                                m = &w->memo->tbl[k];
                if (!m)
                        m = &w->memo->tbl[w->memo->tbl_next++ % NAMES_MEMO_TABLES];

                snprintf(m->name, sizeof(m->name), "%s", name);
                m->ncols = 0;
                for (unsigned k = 0; k < NAMES_MEMO_COLS; k++) {
                        size_t c0 = sql_column(b, t->s, t->e, k, true);

                        if (c0 == SIZE_MAX)
                                break;
                        sql_column_name(b, c0, t->e, m->cols[k], NAMES_LABEL_MAX);
                        m->ncols = k + 1;
                }
        }
        *cs = t->s;
        *ce = t->e;
        return *ce > *cs;
}

/* An earlier round's CREATE TABLE of the table name (memo), or -1. */
static int sql_memo_table(const struct walk *w, const char *name)
{
        if (!w->memo || w->memo->base == 0)
                return -1;
        for (unsigned k = 0; k < NAMES_MEMO_TABLES; k++)
                if (w->memo->tbl[k].ncols && !strcmp(w->memo->tbl[k].name, name))
                        return (int)k;
        return -1;
}

/* The column list of the INSERT whose VALUES list holds the tuple opened at p: walks back
 * over the tuples before it to VALUES, then the list "(first_name, city)" before that, or
 * the CREATE TABLE of the table it names (*create). False when p is in no VALUES list;
 * [*cs, *ce) is empty when no columns are known. */
static bool sql_columns(struct walk *w, size_t p, size_t *cs, size_t *ce, bool *create,
                        int *memo_tbl)
{
        const char *b = w->buf;
        size_t start = p, q;

        for (;;) {
                q = skip_space_back(b, p);
                if (q > 0 && b[q - 1] == ',') { /* the tuple before: "(...), (" */
                        q = skip_space_back(b, q - 1);
                        if (q == 0 || b[q - 1] != ')' || start - q > SQL_BACK)
                                return false;
                        p = sql_open_before(b, q - 1, NULL);
                        if (p == SIZE_MAX)
                                return false;
                        continue;
                }
                break;
        }
        if (q < 7 || strncasecmp(b + q - 6, "values", 6) != 0 || wordish(b, q, q - 7))
                return false;
        q = skip_space_back(b, q - 6);
        *cs = *ce = q;
        *create = false;
        *memo_tbl = -1;
        if (q > 0 && b[q - 1] != ')') {
                char name[64];

                if (!sql_ident_before(b, q, name, sizeof(name)))
                        return true;
                if (sql_table_cols(w, q, name, cs, ce))
                        *create = true;
                else if ((*memo_tbl = sql_memo_table(w, name)) < 0)
                        *cs = *ce = q;
                return true;
        }
        if (q > 0 && b[q - 1] == ')') {
                size_t o = q - 1;

                while (o > 0 && q - o < SQL_TUPLE_MAX && b[o - 1] != '(' && b[o - 1] != ';' &&
                       b[o - 1] != '\'')
                        o--;
                if (o == 0 || b[o - 1] != '(')
                        return false;
                *cs = o;
                *ce = q - 1;
        }
        return true;
}

/* The column name that labels the quoted value [s, e) of an SQL INSERT: "INSERT INTO people
 * (first_name, city) VALUES ('Siobhan', 'Galway')" gives 'Siobhan' the label "first name";
 * "" when it is none. The statement's column list is remembered with the tuple it was
 * found for, so that a dump's many tuples do not each walk back to it. */
static void sql_label(struct walk *w, size_t s, size_t e, char *out, size_t size)
{
        const char *b = w->buf;
        size_t p, q, cs, ce, c0;
        unsigned col = 0;
        bool create;
        int memo_tbl;

        out[0] = '\0';
        if (s == 0 || b[s - 1] != '\'' || e >= w->len || b[e] != '\'')
                return;
        q = s - 1;
        if (q > 0 && b[q - 1] == '\\') { /* 'O\'Sullivan': the value opens further back */
                do
                        q--;
                while (q > 0 && s - q < 64 && !(b[q] == '\'' && b[q - 1] != '\\'));
                if (b[q] != '\'' || q == 0)
                        return;
        }
        p = sql_open_before(b, q, &col);
        if (p == SIZE_MAX)
                return;
        if (w->sql_ok && w->sql_open <= p && p - w->sql_open <= SQL_BACK &&
            sql_same_statement(b, w->sql_open, p)) {
                cs = w->sql_cols_s;
                ce = w->sql_cols_e;
                create = w->sql_create;
                memo_tbl = w->sql_memo_tbl;
        } else if (!sql_columns(w, p, &cs, &ce, &create, &memo_tbl)) {
                cs = ce = 0; /* remembered too: the next tuples do not walk back again */
                create = false;
                memo_tbl = -1;
        }
        w->sql_ok = true;
        w->sql_open = p;
        w->sql_cols_s = cs;
        w->sql_cols_e = ce;
        w->sql_create = create;
        w->sql_memo_tbl = memo_tbl;
        if (memo_tbl >= 0) { /* the columns of a CREATE TABLE an earlier round saw */
                const struct pii_names_memo_table *m = &w->memo->tbl[memo_tbl];

                if (col < m->ncols)
                        snprintf(out, size, "%s", m->cols[col]);
                return;
        }
        c0 = sql_column(b, cs, ce, col, create);
        if (c0 != SIZE_MAX)
                sql_column_name(b, c0, ce, out, size);
}

/* A vCard's structured fields (RFC 6350): "N:Family;Given;Additional;Prefix;Suffix" holds a
 * person's name, "ADR:PO box;extended;street;locality;region;postcode;country" places. The
 * label of the run at s when it is one of those components, "" else; only inside a card
 * (BEGIN:VCARD in the 4 KB before). */
static void vcard_label(const struct walk *w, size_t s, char *out, size_t size)
{
        static const char *const adr[] = { "", "", "", "city", "region", "", "country" };
        const char *b = w->buf;
        size_t lo = s > 256 ? s - 256 : 0, ls, v, back;
        const char *nl = memrchr(b + lo, '\n', s - lo);
        unsigned semis = 0;
        bool name;

        out[0] = '\0';
        ls = nl ? (size_t)(nl - b) + 1 : lo;
        if (!nl && lo > 0)
                return;
        name = s - ls >= 2 && (b[ls] == 'N' || b[ls] == 'n') && (b[ls + 1] == ':' || b[ls + 1] == ';');
        if (!name && !(s - ls >= 4 && strncasecmp(b + ls, "adr", 3) == 0 &&
                       (b[ls + 3] == ':' || b[ls + 3] == ';')))
                return;
        for (v = ls; v < s && b[v] != ':'; v++) /* the parameters before the value */
                ;
        if (v >= s)
                return;
        for (size_t j = v + 1; j < s; j++)
                semis += b[j] == ';';
        back = ls > 4096 ? ls - 4096 : 0;
        if (!memmem(b + back, ls - back, "BEGIN:VCARD", 11))
                return;
        if (name && semis <= 2)
                snprintf(out, size, "%s", "name");
        else if (!name && semis < sizeof(adr) / sizeof(adr[0]) && adr[semis][0])
                snprintf(out, size, "%s", adr[semis]);
}

/* The end of the part of a vCard's N: value at s (its family, given or additional names,
 * the first three, of letters, spaces, hyphens and apostrophes), or 0 when s is in none. */
static size_t vcard_name_part(struct walk *w, size_t s)
{
        const char *b = w->buf;
        char label[8];
        size_t e = s;

        vcard_label(w, s, label, sizeof(label));
        if (!streq(label, "name"))
                return 0;
        while (e < w->len && e - s < 64 && b[e] != ';' && b[e] != '\n' && b[e] != '\r' &&
               b[e] != ',')
                e++;
        while (e > s && b[e - 1] == ' ')
                e--;
        return e - s >= 2 && e - s < 64 ? e : 0;
}

/* "Present: Margaret Ellison (Chair), Rajinder Singh Gill, Ngozi Obi": the label at the
 * start of the line of a list that s, after ", " or "; ", is an item of; "" when the line
 * has no label or its text after the label is prose (a word of five small letters or more
 * outside parentheses). */
static void list_label(const struct walk *w, size_t s, char *out, size_t size)
{
        const char *b = w->buf;
        size_t ls = s, p, q, word = 0;
        unsigned depth = 0;

        out[0] = '\0';
        {
                /* the line's start, 512 bytes back at most (memrchr: prose's lines are long
                 * and most runs after ", " are in them) */
                size_t lo = s > 512 ? s - 512 : 0;
                const char *nl = memrchr(b + lo, '\n', s - lo);

                if (!nl && lo > 0)
                        return;
                ls = nl ? (size_t)(nl - b) + 1 : 0;
        }
        for (p = ls; p < s && (b[p] == ' ' || b[p] == '\t'); p++)
                ;
        for (q = p; q < s && q - p < 32 && b[q] != ':'; q++)
                ;
        if (q >= s || b[q] != ':' || q == p)
                return;
        /* a street found after the label ends the list its label heads: "Witness: Rosalind
         * Mbeki, 8 Belitha Villas, London" (London is no witness, Manchester no employer) */
        if (w->last_street_end > q && w->last_street_end < s)
                return;
        for (size_t j = q + 1; j < s; j++) {
                char c = b[j];

                depth += c == '(';
                depth -= c == ')' && depth;
                word = c >= 'a' && c <= 'z' && (word || j == 0 || !wordish(b, w->len, j - 1)) ?
                               word + 1 :
                               0;
                if (word >= 5 && !depth)
                        return;
        }
        label_before(w, q + 1 < s && b[q + 1] == ' ' ? q + 2 : q + 1, out, size);
}

/* Whether the key just before i (a value's start, after '=' or ':' and quotes) names a
 * user's display name: display_name, displayName, "display name". Such a value is the
 * person's name as a rule, though "display" is a thing of person_name_label(). */
static bool key_before_in(const char *b, size_t i, const char *const *keys);

static bool display_name_key(const char *b, size_t i)
{
        static const char *const keys[] = { "display_name", "displayname", "display name",
                                            "display-name", NULL };

        return key_before_in(b, i, keys);
}

/* A log's key for a place before '=' or ':' at i: "pop=Bologna", "city=Lagos". */
static bool place_key(const char *b, size_t i)
{
        static const char *const keys[] = { "pop", "geo", "city", "town", "country", "region",
                                            "location", "loc", "geoip", NULL };

        return key_before_in(b, i, keys);
}

/* Whether a word of list (any case) ends at e, a letter not right before it. */
static bool word_of_list_before(const char *b, size_t e, const char *const *list)
{
        for (; *list; list++) {
                size_t n = strlen(*list);

                if (e >= n && strncasecmp(b + e - n, *list, n) == 0 &&
                    (e == n || !((b[e - n - 1] | 0x20) >= 'a' && (b[e - n - 1] | 0x20) <= 'z')))
                        return true;
        }
        return false;
}

/* Whether one of keys (any case) ends, after quotes and spaces, just before the '=' or ':'
 * that quotes and spaces separate from i. */
static bool key_before_in(const char *b, size_t i, const char *const *keys)
{
        size_t e = i, stop = i > 8 ? i - 8 : 0; /* quotes and spaces: a few bytes */

        while (e > stop && (b[e - 1] == ' ' || b[e - 1] == '"' || b[e - 1] == '\''))
                e--;
        if (e == 0 || (b[e - 1] != '=' && b[e - 1] != ':'))
                return false;
        e--;
        stop = e > 8 ? e - 8 : 0;
        while (e > stop && (b[e - 1] == ' ' || b[e - 1] == '"' || b[e - 1] == '\''))
                e--;
        return word_of_list_before(b, e, keys);
}

/* "customer_name", "Contact Name": a label with "name" in it that is not a thing's name;
 * sets: the word lists l is in (set_mask). */
static bool person_name_label(const char *l, unsigned sets)
{
        static const char *const things[] = {
                "user", "host", "file", "domain", "app", "project", "company", "product",
                "server", "service", "field", "class", "table", "column", "package", "repo",
                "branch", "model", "device", "bucket", "key", "org", "business", "brand",
                "team", "group", "role", "event", "item", "type", "node", "pod", "cluster",
                "image", "container", "db", "database", "schema", "path", "dir", "module",
                "function", "method", "var", "attribute", "tag", "label", "channel",
                "topic", "job", "task", "plan", "site", "street", "city", "country", "state",
                "region", "place", "location", "store", "shop", "bank", "network", "ssid",
                "disk", "volume", "queue", "font", "color", "colour", "display", "screen",
                "nick", "code", "short", "long", "first_", "common", "vendor", "course",
                "test", "step", "workflow", "agent_", "tool", "dataset", "record", "upstream",
                "software", "program", "library", "release", "distro", NULL
        };

        static const char *const parts[] = { "first", "last", "given", "family", "surname",
                                             "forename", "firstname", "lastname", "fname",
                                             "lname", "givenname", "familyname", NULL };
        const char *lw = l + strlen(l);

        if (sets & LB_person_labels)
                return true;
        /* a label whose last word is a part of a name: "contact_first", {"given": ...} */
        while (lw > l && lw[-1] != ' ' && lw[-1] != '_' && lw[-1] != '-' && lw[-1] != '.')
                lw--;
        if (in_list(lw, parts))
                return true;
        if (!strstr(l, "name"))
                return false;
        for (const char *const *t = things; *t; t++)
                if (strstr(l, *t) && !strstr(l, "customer") && !strstr(l, "patient") &&
                    !strstr(l, "contact") && !strstr(l, "employee"))
                        return false;
        return true;
}

/* The line before the one that contains i (skipping blank lines, at most two), trimmed and
 * lower-cased, trailing ",", "!", "." and "-" dropped. */
static void previous_line(const struct walk *w, size_t i, char *out, size_t size)
{
        const char *b = w->buf;
        size_t e = i;

        out[0] = '\0';
        while (e > 0 && b[e - 1] != '\n')
                e--;
        for (int blank = 0; blank < 3 && e > 0; blank++) {
                size_t s;

                e--; /* the '\n' */
                if (e > 0 && b[e - 1] == '\r')
                        e--;
                s = e;
                while (s > 0 && b[s - 1] != '\n' && e - s < 40)
                        s--;
                if (s > 0 && b[s - 1] != '\n')
                        return; /* a long line: no sign-off */
                while (s < e && (b[s] == ' ' || b[s] == '\t'))
                        s++;
                while (e > s && IN_BYTESET(b[e - 1], BS_LINE_TRIM))
                        e--;
                if (e > s) {
                        if (e - s < size)
                                pii_lex_lower(b + s, e - s, out, size);
                        return;
                }
                e = s;
        }
}

/* The heads of an address block, alone on their line: the name is the block's first line
 * ("SHIP TO:\nPATRICK J. MULLIGAN\n14 ELM ST"). Only that line: as person labels the lines
 * after them, the street and the town, became persons. */
static const char *const block_heads[] = {
        "ship to:", "bill to:", "sold to:", "deliver to:", "invoice to:", "send to:",
        "mail to:", "consignee:", "recipient:", "attn:", "attention:", "lieferadresse:",
        "rechnungsadresse:", "empfänger:", "destinataire:", "destinataire :", NULL
};

static inline bool line_start_before(const struct walk *w, size_t i)
{
        while (i > 0 && (w->buf[i - 1] == ' ' || w->buf[i - 1] == '\t'))
                i--;
        return i == 0 || w->buf[i - 1] == '\n' || w->buf[i - 1] == '\r';
}

static bool line_end_after(const struct walk *w, size_t e)
{
        while (e < w->len && (w->buf[e] == ' ' || w->buf[e] == '\t' || w->buf[e] == ','))
                e++;
        return e >= w->len || w->buf[e] == '\n' || w->buf[e] == '\r';
}

/* Whether a letter's date starts at p: a day of one or two digits, a dot or not, then a
 * space and a letter ("6. November", "1 mars", "22 de agosto"), after den/le/il/el/am. */
static bool date_after(const struct walk *w, size_t p)
{
        static const char *const lead[] = { "den ", "le ", "il ", "el ", "am ", "the ", NULL };
        const char *b = w->buf;
        size_t q;

        for (const char *const *l = lead; *l; l++) {
                size_t n = strlen(*l);

                if (p + n < w->len && memcmp(b + p, *l, n) == 0) {
                        p += n;
                        break;
                }
        }
        q = p;
        while (q < w->len && q - p < 3 && is_digit(b[q]))
                q++;
        if (q == p || q - p > 2)
                return false;
        if (q < w->len && b[q] == '.')
                q++;
        else if (q + 2 < w->len && (!memcmp(b + q, "st", 2) || !memcmp(b + q, "nd", 2) ||
                                    !memcmp(b + q, "rd", 2) || !memcmp(b + q, "th", 2)))
                q += 2; /* "Kampala, 3rd March" */
        if (q + 1 >= w->len || b[q] != ' ')
                return false;
        q++;
        if (q + 3 < w->len && memcmp(b + q, "de ", 3) == 0) /* "22 de agosto" */
                q += 3;
        else if (q + 3 < w->len && memcmp(b + q, "of ", 3) == 0) /* "3rd of March" */
                q += 3;
        if (q + 3 > w->len)
                return false;
        /* a month's first three letters in English, German, French, Dutch, Spanish, Italian
         * (UTF-8 bytes as written: "mär", "fév", "aoû", "déc") */
        {
                static const char *const months[] = {
                        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                        "nov", "dec", "mär", "mai", "okt", "dez", "fév", "avr", "jui", "aoû",
                        "déc", "maa", "mei", "ene", "abr", "ago", "dic", "gen", "mag", "giu",
                        "lug", "set", "ott",
                        /* Romanian, Portuguese, Swedish, Polish, Czech, Turkish */
                        "ian", "iun", "iul", "noi", "fev", "out", "maj", "sty", "lut", "kwi",
                        "cze", "lip", "sie", "wrz", "paź", "lis", "gru", "led", "úno", "bře",
                        "dub", "kvě", "čer", "srp", "zář", "říj", "pro", "oca", "şub", "nis",
                        "haz", "tem", "ağu", "eyl", "eki", "kas", "ara", NULL
                };
                char m[5];
                size_t n = 0;

                while (n < 4 && q + n < w->len && b[q + n] != ' ')
                        n++;
                if (n < 3 || !pii_lex_lower(b + q, n, m, sizeof(m)))
                        return false;
                for (const char *const *x = months; *x; x++)
                        if (!strncmp(m, *x, strlen(*x)))
                                return true;
        }
        return false;
}

/* Whether a chat's phrase for a person ends just before s (one space): "say hi to", "ask
 * for", "chatting with", "speak to", "speak with", "talk to", "ping". */
static bool chat_intro(const struct walk *w, size_t s)
{
        static const char *const phrases[] = { "say hi to ", "said hi to ", "ask for ",
                                               "chatting with ", "speak to ", "speak with ",
                                               "talk to ", "ping ", "escalated to ",
                                               "assigned to ", "rsvp to ", "reach out to ",
                                               "sign up with ", "check with ", "swap with ",
                                               "catch up with ", "spoke to ", "spoke with ",
                                               "talked to ", "handed over to ", NULL };
        const char *b = w->buf;
        char c;

        if (s < 6 || b[s - 1] != ' ')
                return false;
        /* the phrases end in "to ", "for ", "with ", "ping ": one byte says no most often */
        c = (char)(b[s - 2] | 0x20);
        if (c != 'o' && c != 'r' && c != 'h' && c != 'g')
                return false;
        for (const char *const *p = phrases; *p; p++) {
                size_t n = strlen(*p);

                if (s >= n && (*p)[n - 2] == c && strncasecmp(b + s - n, *p, n) == 0 &&
                    (s == n || !wordish(b, w->len, s - n - 1)))
                        return true;
        }
        return false;
}

/* Whether the run at s starts the line after an address block's head. */
static __attribute__((noinline)) bool block_head_above(const struct walk *w, size_t s)
{
        char line[24];

        if (!line_start_before(w, s))
                return false;
        previous_line(w, s, line, sizeof(line));
        return line[0] && in_list(line, block_heads);
}

/* "Regards, Tom", "... we discussed. Thanks, Priya!": a sign-off and a comma just before s,
 * at a line's start or after a sentence's end. */
static bool signoff_before(const struct walk *w, size_t s)
{
        const char *b = w->buf;
        size_t p = s, fe;
        char frag[40];

        while (p > 0 && b[p - 1] == ' ')
                p--;
        if (p == 0 || b[p - 1] != ',')
                return false;
        fe = --p;
        while (p > 0 && fe - p < sizeof(frag) - 1 &&
               (((b[p - 1] | 0x20) >= 'a' && (b[p - 1] | 0x20) <= 'z') || b[p - 1] == ' ' ||
                (b[p - 1] & 0x80)))
                p--;
        if (p > 0 && b[p - 1] != '\n' && b[p - 1] != '.' && b[p - 1] != '!' && b[p - 1] != '?')
                return false;
        while (p < fe && b[p] == ' ')
                p++;
        if (p == fe || fe - p >= sizeof(frag))
                return false;
        pii_lex_lower(b + p, fe - p, frag, sizeof(frag));
        return in_set(frag, signoffs);
}

/* Sentence start: the buffer, a line, or ". ", "! ", "? ", ": " (with quotes, bullets). */
static bool sentence_start_before(const struct walk *w, size_t i)
{
        const char *b = w->buf;

        while (i > 0 && IN_BYTESET(b[i - 1], BS_OPENERS))
                i--;
        if (i >= 3 && (unsigned char)b[i - 3] == 0xe2 && (unsigned char)b[i - 2] == 0x80)
                i -= 3; /* a curly quote or a bullet */
        while (i > 0 && (b[i - 1] == ' ' || b[i - 1] == '\t'))
                i--;
        return i == 0 || IN_BYTESET(b[i - 1], BS_SENT_END);
}

/* "my name is", "I'm", "this is", "ich bin", "je m'appelle", "me llamo" just before i (after
 * spaces, on the same line and clause: no phrase holds '\n', '.' or ','). This runs for most
 * capitalised words of prose (issue 11, item 4), so only the phrases that end in the word's
 * last byte are compared (most words end in none's), each from its last byte backwards,
 * lower-casing as it goes, with no strlen and no copy; a phrase's first byte is an ASCII
 * letter, so lower-casing it without the byte before it changes nothing. */
static inline __attribute__((always_inline)) bool introduced(const struct walk *w, size_t i)
{
        const char *b = w->buf;
        size_t e = i;
        unsigned char last, c2;

        while (e > 0 && b[e - 1] == ' ')
                e--;
        if (e == i || e < 3) /* no phrase is shorter than three bytes */
                return false;
        /* the last two bytes lower-cased as below; most pairs end no phrase */
        last = (unsigned char)b[e - 1];
        if (last >= 'A' && last <= 'Z')
                last = (unsigned char)(last + 32);
        else if ((unsigned char)b[e - 2] == 0xc3 && last >= 0x80 && last <= 0x9e && last != 0x97)
                last = (unsigned char)(last + 32);
        c2 = (unsigned char)b[e - 2];
        if (c2 >= 'A' && c2 <= 'Z')
                c2 = (unsigned char)(c2 + 32);
        else if ((unsigned char)b[e - 3] == 0xc3 && c2 >= 0x80 && c2 <= 0x9e && c2 != 0x97)
                c2 = (unsigned char)(c2 + 32);
        if (!(intro_pair[last][c2 / 32] & 1u << (c2 % 32)))
                return false;
        for (unsigned k = intro_head[last]; k; k = intro_next[k - 1]) {
                const char *p = intro[k - 1].s;
                size_t n = intro[k - 1].n, j = n;

                if (n > e)
                        continue;
                while (j > 0) {
                        unsigned char c = (unsigned char)b[e - n + j - 1];

                        if (c >= 'A' && c <= 'Z')
                                c = (unsigned char)(c + 32);
                        else if (j > 1 && (unsigned char)b[e - n + j - 2] == 0xc3 && c >= 0x80 &&
                                 c <= 0x9e && c != 0x97)
                                c = (unsigned char)(c + 32);
                        if (c != (unsigned char)p[j - 1])
                                break;
                        j--;
                }
                if (j == 0 && (e - n == 0 || !letter_at(b, w->len, e - n - 1)))
                        return true;
        }
        return false;
}

/* Know every '@' of buf up to hi: the windows of consecutive runs overlap and move forward,
 * so the bytes are searched once, AT_AHEAD at a time, and the last AT_KEEP '@' kept; a memchr
 * of the 512 bytes around each candidate run was a tenth of the time on prose (issue 11). */
static void at_scan(struct walk *w, size_t hi)
{
        size_t to = MAX(hi, MIN(w->len, w->at_hi + AT_AHEAD));

        if (hi <= w->at_hi)
                return;
        while (w->at_hi < to) {
                const char *p = memchr(w->buf + w->at_hi, '@', to - w->at_hi);
                size_t at = p ? (size_t)(p - w->buf) : to;

                if (p) {
                        if (w->at_n >= AT_KEEP) /* forgotten: a window before it searches */
                                w->at_lo = w->at_pos[w->at_n % AT_KEEP] + 1;
                        w->at_pos[w->at_n++ % AT_KEEP] = at;
                        at++;
                }
                w->at_hi = at;
        }
}

/* Whether the local part of the e-mail whose '@' is at `at` holds a name word of the run. */
static bool name_in_local_part(const struct walk *w, const struct run *r, size_t at)
{
        const char *b = w->buf;
        size_t s = at;
        char local[65];

        while (s > 0 && at - s < 64 &&
               (letter_at(b, w->len, s - 1) == 1 || is_digit(b[s - 1]) ||
                IN_BYTESET(b[s - 1], BS_LOCAL_PUNCT)))
                s--;
        if (at - s < 3)
                return false;
        pii_lex_lower(b + s, at - s, local, sizeof(local));
        for (unsigned k = r->a; k < r->b; k++) {
                const struct tok *t = &r->t[k];

                if (t->n >= 3 && !t->nonascii && !t->dot && strstr(local, t->low) &&
                    (t->lex & (LEX_GIVEN | LEX_SURNAME) || !(t->lex & LEX_WORD)))
                        return true;
        }
        return false;
}

/* A name word of the run appears in the local part of an e-mail within 256 bytes. */
static bool name_in_nearby_email(struct walk *w, const struct run *r)
{
        const char *b = w->buf;
        size_t lo = r->t[r->a].s > 256 ? r->t[r->a].s - 256 : 0;
        size_t hi = w->len - r->t[r->b - 1].e > 256 ? r->t[r->b - 1].e + 256 : w->len;
        const char *p = b + lo;

        at_scan(w, hi);
        if (lo >= w->at_lo) {
                /* newest first: positions only grow, so the first before lo ends the search */
                for (unsigned k = w->at_n; k > 0 && w->at_n - k < AT_KEEP; k--) {
                        size_t at = w->at_pos[(k - 1) % AT_KEEP];

                        if (at < lo)
                                break;
                        if (at < hi && name_in_local_part(w, r, at))
                                return true;
                }
                return false;
        }
        /* a window before what at_scan remembers: a run far behind, or many e-mails */
        while ((p = memchr(p, '@', (size_t)(b + hi - p))) != NULL) {
                if (name_in_local_part(w, r, (size_t)(p - b)))
                        return true;
                p++;
        }
        return false;
}

/* ---- street addresses ----------------------------------------------------- */


/* A house number ending at i: "12", "221B", "12-14", "12, ". Returns its start or SIZE_MAX. */
static size_t number_before(const struct walk *w, size_t i)
{
        const char *b = w->buf;
        size_t e = i, s;

        /* a comma glued to the word is a CSV's separator: "...,2296,Schillerstraße 17" */
        if (i > 0 && b[i - 1] == ',')
                return SIZE_MAX;
        /* a compass point between the number and the name: "2611 NE Alberta St", "4410 SW
         * CORBETT AVE", "120 N. Main St" */
        if (i >= 4 && b[i - 1] == ' ') {
                size_t d = i - 1;

                if (b[d - 1] == '.')
                        d--;
                if (d >= 3 && (b[d - 1] == 'E' || b[d - 1] == 'W' || b[d - 1] == 'N' ||
                               b[d - 1] == 'S')) {
                        size_t t = d - 1; /* the compass point's first letter */

                        if ((b[t - 1] == 'N' || b[t - 1] == 'S') &&
                            (b[d - 1] == 'E' || b[d - 1] == 'W'))
                                t--; /* NE, NW, SE, SW */
                        if (t >= 2 && b[t - 1] == ' ' && is_digit(b[t - 2]))
                                e = i = t; /* the number is before the compass point */
                }
        }
        while (e > 0 && (b[e - 1] == ' ' || b[e - 1] == ','))
                e--;
        if (e == i)
                return SIZE_MAX;
        /* "8 bis rue", "12 ter avenue": the French repeat after the number */
        if (e >= 5 && b[e - 4] == ' ' && memcmp(b + e - 3, "bis", 3) == 0)
                e -= 4;
        else if (e >= 5 && b[e - 4] == ' ' && memcmp(b + e - 3, "ter", 3) == 0)
                e -= 4;
        else if (e >= 4 && is_digit(b[e - 4]) && (memcmp(b + e - 3, "bis", 3) == 0 ||
                                                  memcmp(b + e - 3, "ter", 3) == 0))
                e -= 3; /* "12bis rue" */
        s = e;
        if (s > 0 && (b[s - 1] | 0x20) >= 'a' && (b[s - 1] | 0x20) <= 'z' && s > 1 &&
            is_digit(b[s - 2]))
                s--; /* 221B */
        while (s > 0 && e - s < 8 && (is_digit(b[s - 1]) || b[s - 1] == '-'))
                s--;
        /* "4/17 Banksia Crescent", "Door No. 4/112": an Australian unit/house pair, an
         * Indian door number (one slash between digits); "U3/27": the unit's U */
        if (s > 1 && s < e && b[s - 1] == '/' && is_digit(b[s - 2]) && is_digit(b[s])) {
                size_t t = s - 1;

                while (t > 0 && s - t < 6 && is_digit(b[t - 1]))
                        t--;
                if (t > 0 && b[t - 1] == 'U' && (t == 1 || !wordish(b, w->len, t - 2)))
                        t--;
                s = t;
        }
        if (s == e || (!is_digit(b[s]) && !(b[s] == 'U' && is_digit(b[s + 1]))) ||
            (s > 0 && wordish(b, w->len, s - 1)) ||
            (s > 0 && IN_BYTESET(b[s - 1], BS_NUM_GLUE)))
                return SIZE_MAX;
        /* the house number of the street before it: "Mozartweg 28, Salt Lake City" */
        if (w->last_street_end > s)
                return SIZE_MAX;
        return s;
}

/* A house number after e: " 5", " 12a", ", 12". Returns its end or 0. */
static size_t number_after(const struct walk *w, size_t e)
{
        const char *b = w->buf;
        size_t p = e, q;

        if (p < w->len && (b[p] == ',' || b[p] == '.')) /* "Büyükdere Cad. No: 121" */
                p++;
        if (p >= w->len || b[p] != ' ')
                return 0;
        p++;
        /* "Bağdat Caddesi No:312", "Jl. Thamrin No. 1", "Avenida da Liberdade, n.º 144": the
         * number's word before it */
        if (p + 3 < w->len && (b[p] | 0x20) == 'n') {
                size_t t = p + 1;

                if (b[t] == 'o' || b[t] == 'r') /* "No", "Nr", Romanian "nr. 47" */
                        t++;
                else if (b[t] == '.' && t + 3 < w->len && !memcmp(b + t + 1, "\xc2\xba", 2))
                        t += 3; /* n.º */
                else if (!memcmp(b + t, "\xc2\xba", 2))
                        t += 2; /* nº */
                if (t > p + 1) {
                        if (t < w->len && (b[t] == ':' || b[t] == '.'))
                                t++;
                        if (t < w->len && b[t] == ' ')
                                t++;
                        if (t < w->len && is_digit(b[t]) && t - p <= 5)
                                p = t;
                }
        }
        q = p;
        while (q < w->len && q - p < 5 && is_digit(b[q]))
                q++;
        if (q == p || (q < w->len && is_digit(b[q])))
                return 0;
        if (q < w->len && (b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z' &&
            !(q + 1 < w->len && letter_at(b, w->len, q + 1)))
                q++;
        /* "34hs", "12bis": the Dutch or French addition glued to the number */
        else if (q + 2 < w->len && ((b[q] == 'h' && b[q + 1] == 's') ||
                                    (q + 3 < w->len && !memcmp(b + q, "bis", 3))) &&
                 !wordish(b, w->len, q + (b[q] == 'h' ? 2 : 3)))
                q += b[q] == 'h' ? 2 : 3;
        /* "16/A", "121/a": an Italian interior letter after a slash */
        if (q + 2 <= w->len && b[q] == '/' && q + 1 < w->len &&
            (b[q + 1] | 0x20) >= 'a' && (b[q + 1] | 0x20) <= 'z' &&
            !(q + 2 < w->len && wordish(b, w->len, q + 2)))
                q += 2;
        /* "56-rood", "12-hs", "8-bis": a Dutch or French addition after a dash */
        if (q + 2 < w->len && b[q] == '-' && b[q + 1] >= 'a' && b[q + 1] <= 'z') {
                static const char *const adds[] = { "rood", "zwart", "hs", "huis", "boven",
                                                    "beneden", "bis", "ter", NULL };
                char word[8];
                size_t t = q + 1;

                while (t < w->len && t - q <= 7 && b[t] >= 'a' && b[t] <= 'z')
                        t++;
                if (t - q - 1 < sizeof(word)) {
                        memcpy(word, b + q + 1, t - q - 1);
                        word[t - q - 1] = '\0';
                        if (in_list(word, adds) && !(t < w->len && wordish(b, w->len, t)))
                                q = t;
                }
        }
        /* "33/2", "241-III", "12-14": a second part after a slash or a dash; an Austrian
         * staircase and door after it ("88/3/12"), a Polish span "104/122" */
        for (int part = 0; part < 2 && q + 1 < w->len && (b[q] == '/' || b[q] == '-') &&
                           (is_digit(b[q + 1]) || b[q + 1] == 'I' || b[q + 1] == 'V' ||
                            b[q + 1] == 'X');
             part++) {
                size_t t = q + 1;

                while (t < w->len && t - q <= 4 &&
                       (is_digit(b[t]) || b[t] == 'I' || b[t] == 'V' || b[t] == 'X'))
                        t++;
                if (t - q > 4 || (t < w->len && wordish(b, w->len, t)))
                        break;
                q = t;
        }
        if (q < w->len && (wordish(b, w->len, q) || b[q] == ':' || b[q] == '/' ||
                           (b[q] == '.' && q + 1 < w->len && is_digit(b[q + 1]))))
                return 0;
        return q;
}

/* A numbered street before its type at s: "350 W 42nd St", "77 East 3rd Street", "1200 5th
 * Avenue". The ordinal, with a compass direction or a house number (or both) before it.
 * Returns where the address starts, SIZE_MAX if there is none: an ordinal alone ("the 5th
 * Avenue store") is not an address. */
/* An ordinal that ends one space before s ("42nd " of "42nd St"): its start, else SIZE_MAX. */
static size_t ordinal_before(const struct walk *w, size_t s)
{
        const char *b = w->buf;
        size_t e, p, q;
        char sfx[3];

        if (s < 4 || b[s - 1] != ' ')
                return SIZE_MAX;
        e = s - 1; /* the ordinal ends here */
        p = e;
        while (p > 0 && e - p < 6 && (is_digit(b[p - 1]) || (b[p - 1] >= 'a' && b[p - 1] <= 'z')))
                p--;
        q = p;
        while (q < e && is_digit(b[q]))
                q++;
        if (q == p || q - p > 3 || e - q != 2 || b[p] == '0' ||
            (p > 0 && wordish(b, w->len, p - 1)))
                return SIZE_MAX;
        sfx[0] = b[q];
        sfx[1] = b[q + 1];
        sfx[2] = '\0';
        /* 1st 2nd 3rd, but 11th 12th 13th, and th for the rest */
        {
                unsigned last = (unsigned)(b[q - 1] - '0');
                bool teen = q - p >= 2 && b[q - 2] == '1';
                const char *want = teen || last == 0 || last > 3 ? "th" :
                                   last == 1 ? "st" : last == 2 ? "nd" : "rd";

                if (!streq(sfx, want))
                        return SIZE_MAX;
        }
        return p;
}

static size_t ordinal_street_before(const struct walk *w, size_t s)
{
        static const char *const dirs[] = { "n", "s", "e", "w", "ne", "nw", "se", "sw",
                                            "north", "south", "east", "west", NULL };
        const char *b = w->buf;
        size_t p = ordinal_before(w, s), d = SIZE_MAX, num;
        char word[8];

        if (p == SIZE_MAX)
                return SIZE_MAX;
        /* a direction before it: "W", "W.", "East" */
        if (p >= 3 && b[p - 1] == ' ') {
                size_t de = p - 1, ds;

                if (b[de - 1] == '.')
                        de--;
                ds = de;
                while (ds > 0 && de - ds < 6 && letter_at(b, w->len, ds - 1) == 1)
                        ds--;
                if (ds < de && b[ds] >= 'A' && b[ds] <= 'Z' &&
                    (ds == 0 || !wordish(b, w->len, ds - 1)) &&
                    pii_lex_lower(b + ds, de - ds, word, sizeof(word)) && in_list(word, dirs) &&
                    (de - ds <= 2 || b[de] != '.'))
                        d = ds;
        }
        num = number_before(w, d != SIZE_MAX ? d : p);
        if (num != SIZE_MAX)
                return num;
        return d;
}

/* ", 2º B", ", 3º izq.", ", 1ª dcha": a Spanish floor and door after e; its end, else e. */
static size_t floor_after(const struct walk *w, size_t e)
{
        static const char *const doors[] = { "izq", "izda", "izqda", "dcha", "dch", "der",
                                             "centro", "ctro", NULL };
        const char *b = w->buf;
        size_t p = e, q;

        if (p + 4 > w->len || b[p] != ',' || b[p + 1] != ' ')
                return e;
        p += 2;
        q = p;
        while (q < w->len && q - p < 2 && is_digit(b[q]))
                q++;
        if (q == p || q + 2 > w->len || (unsigned char)b[q] != 0xc2 ||
            ((unsigned char)b[q + 1] != 0xba && (unsigned char)b[q + 1] != 0xaa))
                return e;
        q += 2; /* º or ª */
        if (q + 1 < w->len && b[q] == ' ' && b[q + 1] >= 'A' && b[q + 1] <= 'Z' &&
            (q + 2 == w->len || !wordish(b, w->len, q + 2)))
                return q + 2; /* 2º B */
        if (q + 1 < w->len && b[q] == ' ') {
                size_t d = q + 1, de = d;
                char word[8];

                while (de < w->len && de - d < 7 && b[de] >= 'a' && b[de] <= 'z')
                        de++;
                if (de > d && de - d < 7 && pii_lex_lower(b + d, de - d, word, sizeof(word)) &&
                    in_list(word, doors))
                        return de < w->len && b[de] == '.' ? de + 1 : de;
        }
        return q;
}

/* ", Apt 4B", " Suite 200", " #12", " Flat 3": the end of a unit after e, else e. */
static size_t unit_after(const struct walk *w, size_t e)
{
        const char *b = w->buf;
        size_t p = e, q;
        char word[16];
        bool digit;

        if ((q = floor_after(w, e)) != e)
                return q;
        if (p < w->len && b[p] == ',')
                p++;
        while (p < w->len && b[p] == ' ')
                p++;
        if (p < w->len && b[p] == '#') {
                q = p + 1;
        } else {
                q = word_end(b, w->len, p, &digit);
                if (q == p || q - p >= sizeof(word) || digit)
                        return e;
                pii_lex_lower(b + p, q - p, word, sizeof(word));
                if (!in_set(word, units))
                        return e;
                if (q < w->len && b[q] == '.')
                        q++;
                while (q < w->len && (b[q] == ' ' || b[q] == '#'))
                        q++;
        }
        p = q;
        while (q < w->len && q - p < 6 && (is_digit(b[q]) || ((b[q] | 0x20) >= 'a' &&
                                                             (b[q] | 0x20) <= 'z')))
                q++;
        if (q == p || (!is_digit(b[p]) && q - p > 2))
                return e;
        return q;
}

/* The start of a unit's number that ends at e: up to max letters and digits, the first a
 * digit, and a '#' before them ("#4B"); SIZE_MAX when there is none. */
static size_t unit_number_start(const char *b, size_t e, size_t max)
{
        size_t q = e;

        while (q > 0 && e - q < max && (byte_class[(unsigned char)b[q - 1]] & BC_ALNUM))
                q--;
        if (q == e || !is_digit(b[q]))
                return SIZE_MAX;
        return q > 0 && b[q - 1] == '#' ? q - 1 : q;
}

/* The start of a unit word of units[] (not "No", "Nr") that ends one space before q, its
 * first letter a capital: "Flat" of "Flat 44", "Studio" of "Studio 20e"; SIZE_MAX when
 * there is none. word receives it in lower case. */
static size_t unit_word_before(const struct walk *w, size_t q, char *word, size_t size)
{
        const char *b = w->buf;
        size_t ws;

        if (q < 2 || b[q - 1] != ' ')
                return SIZE_MAX;
        /* India's "Flat No. 7B", "House No 221": the unit word before "No." */
        if (q >= 8 && b[q - 2] == '.' && b[q - 3] == 'o' && b[q - 4] == 'N' && b[q - 5] == ' ')
                q -= 4;
        else if (q >= 7 && b[q - 2] == 'o' && b[q - 3] == 'N' && b[q - 4] == ' ')
                q -= 3;
        ws = q - 1;
        while (ws > 0 && q - 1 - ws < size - 1 && letter_at(b, w->len, ws - 1) == 1)
                ws--;
        if (ws == q - 1 || q - 1 - ws >= size || !(b[ws] >= 'A' && b[ws] <= 'Z'))
                return SIZE_MAX;
        pii_lex_lower(b + ws, q - 1 - ws, word, size);
        return in_set(word, units) && !streq(word, "no") && !streq(word, "nr") ? ws : SIZE_MAX;
}

static size_t unit_before(const struct walk *w, size_t s);

/* "3rd Floor" that ends at e: its start, else SIZE_MAX. */
static size_t floor_before(const struct walk *w, size_t e)
{
        const char *b = w->buf;
        size_t q;

        if (e < 9 || strncasecmp(b + e - 5, "floor", 5) != 0 || b[e - 6] != ' ')
                return SIZE_MAX;
        q = e - 6;
        if (q < 3 || !((b[q - 2] == 's' && b[q - 1] == 't') || (b[q - 2] == 'n' && b[q - 1] == 'd') ||
                       (b[q - 2] == 'r' && b[q - 1] == 'd') || (b[q - 2] == 't' && b[q - 1] == 'h')))
                return SIZE_MAX;
        q -= 2;
        while (q > 0 && is_digit(b[q - 1]) && e - q < 12)
                q--;
        return q < e - 8 && is_digit(b[q]) && (q == 0 || !wordish(b, w->len, q - 1)) ? q : SIZE_MAX;
}

/* A unit, a floor or a building's name before the street at s, each after ", ": "Unit 4,
 * Calder House, 12 Wellington Street", "3rd Floor, 1 Park Row", "Room 14, 2nd Floor, Noor
 * Manzil, ...". The building (one to four capitalised words) counts only with a unit or a
 * floor before it. Where the address starts, else s; depth: the pieces still allowed. */
static size_t building_before(const struct walk *w, size_t s, unsigned depth)
{
        const char *b = w->buf;
        size_t e, p, f, u;
        unsigned words = 0;

        if (!depth || s < 4 || b[s - 1] != ' ' || b[s - 2] != ',')
                return s;
        e = s - 2;
        if ((f = floor_before(w, e)) != SIZE_MAX) {
                u = unit_before(w, f);
                return u != f ? u : building_before(w, f, depth - 1) != f ?
                                    building_before(w, f, depth - 1) : f;
        }
        if ((u = unit_number_start(b, e, 6)) != SIZE_MAX) {
                char word[16];
                size_t ws = unit_word_before(w, u, word, sizeof(word));

                if (ws != SIZE_MAX && (ws == 0 || !wordish(b, w->len, ws - 1)))
                        return ws;
        }
        /* the building's words back to the ", " before them */
        p = e;
        while (p > 0 && words < 4) {
                size_t ws = p;

                while (ws > 0 && letter_at(b, w->len, ws - 1) == 1)
                        ws--;
                while (ws > 0 && (unsigned char)b[ws - 1] >= 0x80)
                        ws--; /* letters of UTF-8 in the name */
                if (ws == p || !(b[ws] >= 'A' && b[ws] <= 'Z'))
                        return s;
                words++;
                p = ws;
                if (p >= 2 && b[p - 1] == ' ' && b[p - 2] == ',')
                        break;
                if (p == 0 || b[p - 1] != ' ')
                        return s;
                p--;
        }
        if (!words || p < 2 || b[p - 1] != ' ' || b[p - 2] != ',')
                return s;
        /* a unit or a floor before the building */
        f = floor_before(w, p - 2);
        if (f != SIZE_MAX)
                return unit_before(w, f) != f ? unit_before(w, f) : f;
        if ((u = unit_number_start(b, p - 2, 6)) != SIZE_MAX) {
                char word[16];
                size_t ws = unit_word_before(w, u, word, sizeof(word));

                if (ws != SIZE_MAX && (ws == 0 || !wordish(b, w->len, ws - 1)))
                        return ws;
        }
        return s;
}

/* "Apt 5B, ", "Flat 3, ", "Unit 12, ": a unit just before the house number at s; where it
 * starts, else s. */
static size_t unit_before(const struct walk *w, size_t s)
{
        const char *b = w->buf;
        size_t p = s, q, ws;
        char word[16];

        /* "No. 14 Sultan Road", "NO. 14 SULTAN ROAD": the number's word before it */
        if (s >= 4 && b[s - 1] == ' ' && (b[s - 2] == '.' || b[s - 2] == 'o' || b[s - 2] == 'O')) {
                size_t n = b[s - 2] == '.' ? 4 : 3;

                if (s >= n && b[s - n] == 'N' && (b[s - n + 1] | 0x20) == 'o' &&
                    (s == n || !wordish(b, w->len, s - n - 1))) {
                        size_t u = unit_before(w, s - n);

                        return u != s - n ? u : s - n;
                }
        }

        if (p >= 2 && b[p - 1] == ' ' && b[p - 2] == ',') {
                if ((q = unit_number_start(b, p - 2, 6)) == SIZE_MAX)
                        return building_before(w, s, 2);
        } else if (p >= 5 && b[p - 1] == ' ' && memchr(b + p, '/', MIN((size_t)6, w->len - p))) {
                q = p; /* "Unit 4/17 Banksia Crescent": the unit word before the unit/house pair */
        } else if (p >= 5 && b[p - 1] == ' ') {
                q = p; /* "Studio 20e, Bennett Burgs": the number is the unit's, the street has
                        * none (a unit word before it, asked below) */
        } else {
                return s;
        }
        ws = unit_word_before(w, q, word, sizeof(word));
        if (ws != SIZE_MAX && (ws == 0 || !wordish(b, w->len, ws - 1)))
                return ws;
        return building_before(w, s, 2);
}

/* A British address's unit on the line before its street, which has no number: "Flat
 * 44\nJemma Courts", "Studio 2\nDouglas Terrace". The unit line's start when the line before
 * s is a unit word, an optional '#' and a unit number of up to 5 letters and digits that
 * starts with a digit, else SIZE_MAX. */
static size_t unit_line_before(struct walk *w, size_t s)
{
        const char *b = w->buf;
        size_t e, ls, q;
        char word[16];

        if (s < 4 || b[s - 1] != '\n')
                return SIZE_MAX;
        e = s - 1;
        if (e > 0 && b[e - 1] == '\r')
                e--;
        if ((q = unit_number_start(b, e, 5)) == SIZE_MAX)
                return SIZE_MAX;
        ls = unit_word_before(w, q, word, sizeof(word));
        /* at a line's start, or after a word in small letters or a label: "arrived at
         * Studio 64\nBryan View", "Street: Flat 2\nDodd Streets" (not a street's own unit
         * after its name, "3404 David Village Suite 924\nWrightberg, OH") */
        if (ls != SIZE_MAX && ls > 0 && b[ls - 1] != '\n') {
                const struct prev *pm;

                if (b[ls - 1] != ' ' || ls < 2)
                        return SIZE_MAX;
                pm = prev_word(w, ls, 0);
                if (b[ls - 2] != ':' &&
                    !(pm->s != SIZE_MAX && b[pm->s] >= 'a' && b[pm->s] <= 'z'))
                        return SIZE_MAX;
        }
        return ls != SIZE_MAX && !streq(word, "lot") &&
                               !streq(word, "room") ?
                       ls :
                       SIZE_MAX;
}

/* "PO Box 4410", "P.O. Box 12": where the box starts when the run's token k is its "Box" and
 * a number follows, else SIZE_MAX; *end the number's end. */
static size_t po_box(const struct walk *w, const struct run *r, size_t *end)
{
        const char *b = w->buf;

        /* "Postbus 511", "Postfach 1234", "Apartado 123", "Apartado de Correos 123", "Caixa
         * Postal 45", "Casella Postale 12", "Boîte Postale 7": the number after the words */
        {
                static const char *const one[] = { "postbus", "postfach", "apartado",
                                                   "postboks", "box", NULL };
                static const char *const two[] = { "caixa", "casella", "boîte", "boite",
                                                   NULL };
                const struct tok *t = &r->t[0];
                size_t q = 0, re = r->t[r->n - 1].e;

                /* most runs: no number after them, no box (the lists cost a compare each) */
                if (r->n > 3 || re + 1 >= w->len || b[re] != ' ' || !is_digit(b[re + 1]))
                        ;
                else if (in_list(t->low, one) && !streq(t->low, "box") && r->n == 1)
                        q = number_after(w, t->e);
                else if (r->n == 2 && in_list(t->low, two) &&
                         (streq(r->t[1].low, "postal") || streq(r->t[1].low, "postale")))
                        q = number_after(w, r->t[1].e);
                else if (streq(t->low, "apartado") && r->n == 3 &&
                         streq(r->t[2].low, "correos"))
                        q = number_after(w, r->t[2].e);
                if (q && (t->s == 0 || !wordish(b, w->len, t->s - 1))) {
                        *end = q;
                        return t->s;
                }
        }
        for (unsigned k = 0; k < r->n; k++) {
                const struct tok *t = &r->t[k];
                size_t s = t->s, q;

                if (!TOK_IN(t, units) || !streq(t->low, "box"))
                        continue;
                if (s >= 3 && memcmp(b + s - 3, "PO ", 3) == 0)
                        s -= 3;
                else if (s >= 5 && memcmp(b + s - 5, "P.O. ", 5) == 0)
                        s -= 5;
                else
                        return SIZE_MAX;
                if (s > 0 && wordish(b, w->len, s - 1))
                        return SIZE_MAX;
                if ((q = number_after(w, t->e)) == 0)
                        return SIZE_MAX;
                *end = q;
                return s;
        }
        return SIZE_MAX;
}

/* The street part of the run: tokens [a, k] with a street type at k (after-form) or at a
 * (before-form) or a suffix word. Returns the index of the last street token, -1 if none. */
static int street_in_run(const struct run *r, bool *before_form)
{
        *before_form = false;
        if (r->n >= 2 && (r->t[0].lex & LEX_STREET_BEFORE)) {
                *before_form = true;
                return (int)r->n - 1;
        }
        for (unsigned k = 0; k < r->n; k++) {
                const struct tok *t = &r->t[k];

                if (k > 0 && (t->lex & LEX_STREET) && t->upper) {
                        /* "Cedar Crest Drive": the last of the street types in a row */
                        while (k + 1 < r->n && (r->t[k + 1].lex & LEX_STREET) && r->t[k + 1].upper)
                                k++;
                        return (int)k;
                }
                if (!t->particle && t->street_suffix)
                        return (int)k;
        }
        return -1;
}

/* Whether the word at s may be a street's name after its number and a lower-case street
 * word ("14 rue des Martyrs", "8 avenue Foch"): a small letter and a space before it, a digit
 * in the 16 bytes before those. decide() asks street_word_before() and number_before(). */
static inline bool street_name_maybe(const char *b, size_t s)
{
        if (s < 6 || b[s - 1] != ' ' || !(b[s - 2] >= 'a' && b[s - 2] <= 'z'))
                return false;
#ifdef __SSE2__
        if (s >= 19) { /* a lone word of prose is most often here: one compare */
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(b + s - 19));
                __m128i d = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('0' - 1)),
                                          _mm_cmplt_epi8(x, _mm_set1_epi8('9' + 1)));

                return _mm_movemask_epi8(d) != 0;
        }
#endif
        for (size_t j = s - 4; j > 0 && s - j <= 19; j--)
                if (b[j] >= '0' && b[j] <= '9')
                        return true;
        return false;
}

/* Labels of a firm's name, under which a run is neither a person nor a place. */
static const char *const firm_labels[] = {
        "company", "company name", "company_name", "employer", "organisation", "organization",
        "org name", "firm", "vendor", "supplier", "brand", "manufacturer", "bank name",
        "insurer", "carrier", "airline", "hotel", "firma", "société", "entreprise", "empresa",
        "azienda", "bedrijf", "unternehmen", NULL
};

/* Whether a field's or column's label (lower-cased) names a street address's line. */
static bool street_label(const char *l)
{
        static const char *const labels[] = {
                "street", "street address", "street_address", "streetaddress", "address",
                "address1", "address 1", "address_1", "address line 1", "address_line1",
                "address_line_1", "addressline1", "addr", "addr1", "line1", "address_line",
                "street1", "street_1", "street_line1", "line2", "address2", "address 2",
                "address_2", "address line 2", "address_line2", "address_line_2",
                "addressline2", "addr2", "street2", "street_2", "street_line2",
                "home address", "home_address",
                "mailing address", "billing address", "shipping address", "straße", "strasse",
                "adresse", "anschrift", "rue", "calle", "dirección", "direccion", "domicilio",
                "indirizzo", "via", "adres", "straat", "straatnaam", "ulica", NULL
        };

        return in_list(l, labels);
}

/* A street numbered by an ordinal with no house number, as Indian addresses write them:
 * "Flat No. 7B, Lotus Enclave, 3rd Cross", "Plot 45, 2nd Main Road", "Address: 5th Main".
 * s starts the street's name; where the address starts (a unit or building before it, or
 * the ordinal under a street's label), else SIZE_MAX. An ordinal alone ("the 5th Avenue
 * store", "on 2nd Main Road") is no address. */
static size_t ordinal_unit_street(const struct walk *w, size_t s)
{
        size_t q = ordinal_before(w, s), u;
        char label[64];

        if (q == SIZE_MAX)
                return SIZE_MAX;
        if ((u = unit_before(w, q)) != q)
                return u;
        label_before(w, q, label, sizeof(label));
        return label[0] && street_label(label) ? q : SIZE_MAX;
}

/* "12 rue de la Paix": a lower-case street word (and particles) just before the run. */
static size_t street_word_before(struct walk *w, size_t s)
{
        size_t p = s;

        for (int i = 0; i < 4; i++) {
                /* an abbreviation's dot: "ul. Długa 45" */
                bool dot = i == 0 && p >= 3 && w->buf[p - 1] == ' ' && w->buf[p - 2] == '.';
                const struct prev *pm = prev_word(w, dot ? p - 2 : p, 0);
                size_t ws = pm->s;
                unsigned sets;

                if (ws == SIZE_MAX || p - ws > WORD_MAX + 2)
                        return SIZE_MAX;
                sets = prev_sets(w, pm); /* once for both lists */
                if (sets & LB_particles) {
                        p = ws;
                        continue;
                }
                return sets & LB_street_before ? ws : SIZE_MAX;
        }
        return SIZE_MAX;
}

/* Whether the word at p is a street type of French, Spanish, Portuguese or Italian in small
 * letters, which only a street's name follows ("rue", "calle"; not "via", an English
 * preposition too, nor "place", "route", "square"). */
static bool small_street_word(const char *b, size_t len, size_t p)
{
        static const char *const words[] = {
                "rue", "avenue", "chemin", "boulevard", "impasse", "all\xc3\xa9" "e", "calle",
                "avenida", "rua", "viale", "piazza", "corso", "vicolo", "strada", "contrada", NULL
        };

        if (p == SIZE_MAX || p >= len || b[p] < 'a' || b[p] > 'z')
                return false;
        for (const char *const *x = words; *x; x++) {
                size_t k = strlen(*x);

                if (p + k < len && memcmp(b + p, *x, k) == 0 && b[p + k] == ' ')
                        return true;
        }
        return false;
}

/* The word in small letters (a-z) one space after e, whole and under 15 letters, into low:
 * its end, or 0 when there is none ("Priyanka said", "22 Jasmine ferry"). */
static size_t small_word_after(const struct walk *w, size_t e, char low[16])
{
        const char *b = w->buf;
        size_t p = e + 1, q = p;

        if (p >= w->len || b[e] != ' ' || b[p] < 'a' || b[p] > 'z')
                return 0;
        while (q < w->len && q - p < 15 && b[q] >= 'a' && b[q] <= 'z')
                q++;
        if (q - p >= 15 || (q < w->len && wordish(b, w->len, q)))
                return 0;
        memcpy(low, b + p, q - p);
        low[q - p] = '\0';
        return q;
}

/* The end of a street type of the English "after" kind written in small letters right after
 * e, a whole word: "22 Jasmine ferry", "Flat 44\nJemma courts" (python Faker's en_GB writes
 * them so); 0 when there is none. Not the types that are verbs too ("2 Dogs run."). */
static size_t small_type_after(const struct walk *w, size_t e)
{
        static const char *const verbs[] = { "run", "runs", "walk", "walks", "fall", "falls",
                                             "pass", "rest", "well", "wells", "light", NULL };
        char low[16];
        size_t q;

        if (e + 3 >= w->len || !(q = small_word_after(w, e, low)) || q - (e + 1) < 2)
                return 0;
        return (word_lex(low, q - (e + 1), pii_lex_hash(low, q - (e + 1))) & LEX_STREET) &&
                               !in_list(low, verbs) ?
                       q :
                       0;
}

/* ---- the tagger's features ------------------------------------------------ */

struct feats {
        uint32_t f[NAMES_MAXF];
        unsigned n;
};

/* FNV-1a continued over a string (pii_lex_hash's), so a feature named by parts hashes as
 * the parts written one after another, with no snprintf per feature (issue 11, item 4). */
static uint32_t fnv_more(uint32_t h, const char *p)
{
        if (p)
                for (; *p; p++)
                        h = (h ^ (unsigned char)*p) * 16777619u;
        return h;
}

static void feat_hash(struct feats *F, uint32_t h)
{
        if (F->n < NAMES_MAXF)
                F->f[F->n++] = h & (NAMES_NFEAT - 1);
}

/* The features' names, hashed once (feat_names_build): a feature is its name's hash
 * continued over its value, and FNV is a chain of multiplies, a byte after the other, so
 * hashing the names again for every candidate was a good part of the tagger's time. */
enum {
        FN_BIAS, FN_N, FN_FS, FN_LS, FN_F3, FN_L3, FN_SENT, FN_BOL, FN_EOL, FN_PW, FN_PPW,
        FN_PWN, FN_PWUP, FN_NW, FN_NWUP, FN_NC, FN_PC, FN_POSS, FN_INIT, FN_NEARPER, N_FN
};
static const char *const feat_names[N_FN] = {
        [FN_BIAS] = "bias", [FN_N] = "n", [FN_FS] = "fs", [FN_LS] = "ls", [FN_F3] = "f3",
        [FN_L3] = "l3", [FN_SENT] = "sent", [FN_BOL] = "bol", [FN_EOL] = "eol", [FN_PW] = "pw",
        [FN_PPW] = "ppw", [FN_PWN] = "pwn", [FN_PWUP] = "pwup", [FN_NW] = "nw",
        [FN_NWUP] = "nwup", [FN_NC] = "nc", [FN_PC] = "pc", [FN_POSS] = "poss",
        [FN_INIT] = "init", [FN_NEARPER] = "nearper",
};
static uint32_t feat_name_hash[N_FN];

/* feat_flags' features are whole names: "<pos><flag>" for the lexicon flags, "<pos>k<kind>"
 * for the eight kinds, at each of its four positions. */
enum { FP_F, FP_L, FP_P, FP_S1, N_FP };
#define N_FLAGS 12 /* the lexicon's flags, LEX_GIVEN to LEX_STREET_BEFORE */
static uint32_t feat_flag_hash[N_FP][N_FLAGS], feat_kind_hash[N_FP][8];
/* The features whose values are a few fixed strings or one byte, hashed once too: a token's
 * shape (shape_of), the byte after and before the run, the run's length, whether the words
 * around it start with a capital. */
enum { SH_I, SH_AB, SH_AA, SH_XX, SH_X3, SH_X6, SH_X9, N_SH };
static const char *const shapes[N_SH] = { "I", "Ab", "AA", "Xx", "x3", "x6", "x9" };
static uint32_t feat_shape_hash[2][N_SH];   /* FN_FS, FN_LS */
static uint32_t feat_byte_hash[2][256];     /* FN_NC, FN_PC: the byte as a string */
static uint32_t feat_n_hash[4];             /* FN_N: "0" to "3" */
static uint32_t feat_pwup_hash[2], feat_nwup_hash[3]; /* "U" "l"; "U" "d" "l" */

static void feat_names_build(void)
{
        static const char *const pos[N_FP] = { "f", "l", "p", "s1" };
        static const char *const flags[N_FLAGS] = { "G", "S", "C", "R", "K", "W", "T", "P",
                                                    "St", "Gt", "Cb", "Tb" };

        for (unsigned k = 0; k < N_FN; k++)
                feat_name_hash[k] = fnv_more(2166136261u, feat_names[k]);
        for (unsigned k = 0; k < N_SH; k++) {
                feat_shape_hash[0][k] = fnv_more(feat_name_hash[FN_FS], shapes[k]);
                feat_shape_hash[1][k] = fnv_more(feat_name_hash[FN_LS], shapes[k]);
        }
        for (unsigned c = 0; c < 256; c++) {
                char one[2] = { (char)c, '\0' };

                feat_byte_hash[0][c] = fnv_more(feat_name_hash[FN_NC], one);
                feat_byte_hash[1][c] = fnv_more(feat_name_hash[FN_PC], one);
        }
        for (unsigned k = 0; k < 4; k++) {
                char one[2] = { (char)('0' + k), '\0' };

                feat_n_hash[k] = fnv_more(feat_name_hash[FN_N], one);
        }
        feat_pwup_hash[0] = fnv_more(feat_name_hash[FN_PWUP], "U");
        feat_pwup_hash[1] = fnv_more(feat_name_hash[FN_PWUP], "l");
        feat_nwup_hash[0] = fnv_more(feat_name_hash[FN_NWUP], "U");
        feat_nwup_hash[1] = fnv_more(feat_name_hash[FN_NWUP], "d");
        feat_nwup_hash[2] = fnv_more(feat_name_hash[FN_NWUP], "l");
        for (unsigned p = 0; p < N_FP; p++) {
                uint32_t h = fnv_more(2166136261u, pos[p]);
                char kv[3] = "k0";

                for (unsigned i = 0; i < N_FLAGS; i++)
                        feat_flag_hash[p][i] = fnv_more(h, flags[i]);
                for (unsigned k = 0; k < 8; k++) {
                        kv[1] = (char)('0' + k);
                        feat_kind_hash[p][k] = fnv_more(h, kv);
                }
        }
}

static void feat(struct feats *F, unsigned name, const char *val)
{
        feat_hash(F, fnv_more(feat_name_hash[name], val));
}

static void feat_flags(struct feats *F, unsigned pos, unsigned lex)
{
        unsigned kind;

        /* the flags set, lowest first, off the mask rather than a test per flag */
        for (unsigned m = lex & ((1u << N_FLAGS) - 1); m; m &= m - 1)
                feat_hash(F, feat_flag_hash[pos][__builtin_ctz(m)]); /* "<pos><flag>" */
        /* the combination that matters most: a name, a place, a word, or several */
        kind = (lex & (LEX_GIVEN | LEX_SURNAME) ? 1 : 0) |
               (lex & (LEX_CITY | LEX_REGION | LEX_COUNTRY) ? 2 : 0) | (lex & LEX_WORD ? 4 : 0);
        feat_hash(F, feat_kind_hash[pos][kind]); /* "<pos>k<kind>" */
}

static unsigned shape_of(const struct tok *t)
{
        if (t->dot)
                return t->n == 1 ? SH_I : SH_AB;
        if (t->allcaps)
                return SH_AA;
        if (t->nonascii)
                return SH_XX;
        if (t->n <= 3)
                return SH_X3;
        if (t->n <= 6)
                return SH_X6;
        return SH_X9;
}

static void features(struct walk *w, const struct run *r, unsigned phrase_lex,
                     struct feats *F)
{
        const struct tok *f = &r->t[r->a], *l = &r->t[r->b - 1];
        size_t s = f->s, e = l->e;
        char nw[WORD_MAX + 1], buf[48];
        const struct prev *pm;
        size_t ps, q;
        bool digit;
        unsigned nt = r->b - r->a;
        char nc = e < w->len ? w->buf[e] : '$', pc = s > 0 ? w->buf[s - 1] : '^';
        bool sent = sentence_start_before(w, s);

        F->n = 0;
        feat(F, FN_BIAS, NULL);
        feat_hash(F, feat_n_hash[nt > 3 ? 3 : nt]); /* "n<tokens>" */
        feat_flags(F, FP_F, f->lex);
        feat_flags(F, FP_L, nt > 1 ? l->lex : 0);
        if (nt > 1)
                feat_flags(F, FP_P, phrase_lex);
        feat_hash(F, feat_shape_hash[0][shape_of(f)]);
        feat_hash(F, feat_shape_hash[1][shape_of(l)]);
        feat(F, FN_F3, f->n >= 3 ? f->low + f->n - 3 : f->low);
        feat(F, FN_L3, l->n >= 3 ? l->low + l->n - 3 : l->low);
        if (sent)
                feat(F, FN_SENT, NULL);
        if (line_start_before(w, s))
                feat(F, FN_BOL, NULL);
        if (line_end_after(w, e))
                feat(F, FN_EOL, NULL);
        if (sent && nt == 1)
                feat_flags(F, FP_S1, f->lex);
        pm = prev_word(w, s, 0);
        ps = pm->s;
        feat(F, FN_PW, pm->low);
        if (ps != SIZE_MAX) {
                /* "pwn" hashed over the word before the next prev_word() call reuses pm */
                uint32_t pwn = fnv_more(feat_name_hash[FN_PWN], pm->low);

                feat(F, FN_PPW, prev_word(w, ps, 0)->low);
                buf[0] = '|', buf[1] = nt > 1 ? '1' : '0', buf[2] = '\0';
                feat_hash(F, fnv_more(pwn, buf));
                feat_hash(F, feat_pwup_hash[upper_at(w->buf, w->len, ps) ? 0 : 1]);
        }
        q = e;
        while (q < w->len && w->buf[q] == ' ')
                q++;
        {
                size_t qe;
#ifdef __SSE2__
                struct word16 v;

                /* a word of ASCII letters and digits: its end and lower-case copy from one
                 * load (word16() ends it where word_end() would) */
                if (w->len - q >= 16 && word16(w->buf, q, &v, &qe, &digit)) {
                        if (qe > q)
                                lower_word16(&v, qe - q, nw);
                } else
#endif
                {
                        qe = word_end(w->buf, w->len, q, &digit);
                        if (qe > q && qe - q <= WORD_MAX)
                                pii_lex_lower(w->buf + q, qe - q, nw, sizeof(nw));
                }
                if (qe > q && qe - q <= WORD_MAX) {
                        feat(F, FN_NW, nw);
                        feat_hash(F, feat_nwup_hash[upper_at(w->buf, w->len, q) ? 0 :
                                                    digit ? 1 : 2]);
                } else {
                        feat(F, FN_NW, "-");
                }
        }
        buf[0] = nc == ' ' ? '_' : nc;
        if ((unsigned char)nc >= 0x80 || (nc >= 'a' && nc <= 'z') || is_digit(nc))
                buf[0] = 'a';
        feat_hash(F, feat_byte_hash[0][(unsigned char)buf[0]]); /* FN_NC */
        buf[0] = pc == ' ' ? '_' : pc;
        if ((unsigned char)pc >= 0x80 || (pc >= 'a' && pc <= 'z') || is_digit(pc))
                buf[0] = 'a';
        feat_hash(F, feat_byte_hash[1][(unsigned char)buf[0]]); /* FN_PC */
        if (nc == '\'' && e + 1 < w->len && w->buf[e + 1] == 's')
                feat(F, FN_POSS, NULL);
        for (unsigned k = r->a; k < r->b; k++)
                if (r->t[k].dot && r->t[k].n == 1)
                        feat(F, FN_INIT, NULL);
        if (w->last_person_end && s - w->last_person_end < 400)
                feat(F, FN_NEARPER, NULL);
}

int pii_names_classify(const uint32_t *f, unsigned n, float *ret_margin)
{
        float sc[NAMES_NCLASS] = { 0 };
        int best = 0;

        /* the classes side by side: three chains of additions at once rather than one after
         * the other, each class's in the same order (so the same sums, to the last bit) */
        for (unsigned i = 0; i < n; i++)
                for (unsigned c = 0; c < NAMES_NCLASS; c++)
                        sc[c] += pii_names_weights[c][f[i]];
        for (int c = 1; c < NAMES_NCLASS; c++)
                if (sc[c] > sc[best])
                        best = c;
        if (ret_margin) {
                float second = -1e30f;

                for (int c = 0; c < NAMES_NCLASS; c++)
                        if (c != best && sc[c] > second)
                                second = sc[c];
                *ret_margin = sc[best] - second;
        }
        return best;
}

/* ---- decisions ------------------------------------------------------------ */

static bool pure_word(const struct tok *t)
{
        return (t->lex & LEX_WORD) &&
               !(t->lex & (LEX_GIVEN | LEX_SURNAME | LEX_CITY | LEX_REGION | LEX_COUNTRY));
}

/* "JavaScript", "GitHub": a capital after a small letter, but for McDonald, MacArthur,
 * DeShawn, LaToya, DiMaggio, O'Brien-like prefixes. */
static bool camel(const struct walk *w, const struct tok *t)
{
        const char *b = w->buf;
        size_t seg = t->s; /* the part of the word after its last '-' ("Fraser-McLeod") */

        if (t->no_camel)
                return false;

        for (size_t i = t->s + 1; i + 1 < t->e; i++) {
                if (b[i] == '-' || b[i] == '\'') {
                        seg = i + 1;
                        continue;
                }
                if (b[i] >= 'a' && b[i] <= 'z' && b[i + 1] >= 'A' && b[i + 1] <= 'Z') {
                        size_t k = i + 1 - seg;
                        const char *q = b + seg;

                        if (!((k == 2 &&
                               (strncasecmp(q, "mc", 2) == 0 || strncasecmp(q, "de", 2) == 0 ||
                                strncasecmp(q, "la", 2) == 0 || strncasecmp(q, "le", 2) == 0 ||
                                strncasecmp(q, "di", 2) == 0)) ||
                              (k == 3 && (strncasecmp(q, "mac", 3) == 0 ||
                                          strncasecmp(q, "van", 3) == 0))))
                                return true;
                }
        }
        return false;
}

/* An ordinary word that is at most a rare name or place ("Public", "Larger"). */
static bool weak_word(const struct tok *t)
{
        return (t->lex & LEX_WORD) &&
               !(t->lex & (LEX_GIVEN_TOP | LEX_SURNAME_TOP | LEX_CITY_BIG | LEX_COUNTRY |
                           LEX_REGION));
}

static bool namelike(const struct walk *w, const struct tok *t)
{
        /* "SSN-like", "IDs", "URLs": two capitals first */
        if (t->n > 2 && upper_at(w->buf, w->len, t->s + 1) && !t->dot)
                return false;
        return t->upper && !t->digit && !t->allcaps && !TOK_IN(t, never_names) &&
               !camel(w, t);
}

/* A word that ends as only surnames do: Polish -ski/-ska/-cki/-cka/-wicz/-czyk, Ukrainian
 * -enko, Romanian -escu, Greek -opoulos/-opoulou, South Slavic -ovic/-evic (ASCII or with
 * ć), Russian and Bulgarian women's -ova/-eva ("Maria Sharapova in Melbourne" was a place),
 * Armenian -yan, Georgian -shvili/-adze/-idze, Turkish -oglu, Lithuanian -auskas/-iene,
 * Icelandic -dóttir/-sson ("Björk Guðmundsdóttir" was a place). Towns so ending are phrases
 * of the lexicon ("Gorzów Wielkopolski") or its places, asked apart. */
static __attribute__((noinline)) bool surname_ending(const struct tok *t)
{
        static const char *const endings[] = {
                "ski", "ska", "cki", "cka", "wicz", "czyk", "enko", "escu", "opoulos",
                "opoulou", "ovic", "evic", "ovi\xc4\x87", "evi\xc4\x87", "ova", "eva", "yan",
                "shvili", "adze", "idze", "oglu", "auskas", "iene", "d\xc3\xb3ttir", "dottir",
                "sson",
        };
        size_t n = strlen(t->low);

        if (t->n < 6 || (t->lex & (LEX_WORD | LEX_CITY | LEX_REGION | LEX_COUNTRY)))
                return false;
        for (size_t i = 0; i < ARRAY_SIZE(endings); i++) {
                size_t k = strlen(endings[i]);

                if (n > k + 2 && !memcmp(t->low + n - k, endings[i], k))
                        return true;
        }
        return false;
}

static unsigned place_flags(unsigned lex)
{
        return lex & (LEX_CITY | LEX_REGION | LEX_COUNTRY);
}

static unsigned phrase_lookup(const struct run *r, unsigned a, unsigned b);

/* The flags of the run's words joined ("new york", "rio de janeiro"), 0 if unknown. Most runs
 * are one word, or start with no phrase's first word: told here, without the call. */
static inline unsigned phrase_flags(const struct run *r, unsigned a, unsigned b)
{
        if (b - a < 2 || !(r->t[a].lex & LEX_PHRASE))
                return 0;
        return phrase_lookup(r, a, b);
}

static unsigned phrase_lookup(const struct run *r, unsigned a, unsigned b)
{
        char key[64];
        size_t n = 0;

        for (unsigned k = a; k < b; k++) {
                size_t l = strlen(r->t[k].low);

                if (n + l + 2 > sizeof(key))
                        return 0;
                if (k > a)
                        key[n++] = ' ';
                memcpy(key + n, r->t[k].low, l);
                n += l;
        }
        key[n] = '\0';
        return pii_lex_lookup(key, n);
}


/* Remember the words of the person [s, e) when it has two or more: its given names and
 * surnames, not its initials, particles or titles. */
static void seen_name_add(struct walk *w, size_t s, size_t e)
{
        const char *b = w->buf;
        size_t p = s, words = 0;

        for (size_t j = s; j < e; j++)
                words += b[j] == ' ' && j + 1 < e && b[j + 1] != ' ';
        if (words == 0)
                return;
        while (p < e) {
                size_t q = p;
                char low[WORD_MAX + 1];
                bool digit;

                while (p < e && (b[p] == ' ' || b[p] == ','))
                        p++;
                q = word_end(b, e, p, &digit);
                if (q == p)
                        break;
                if (q - p >= 3 && q - p <= WORD_MAX && !digit && upper_at(b, w->len, p) &&
                    pii_lex_lower(b + p, q - p, low, sizeof(low)) &&
                    !(set_mask(low, q - p) & (LB_titles | LB_particles))) {
                        uint32_t h = pii_lex_hash(low, q - p) | 1;
                        struct seen *sl = &w->seen[h & (SEEN_SLOTS - 1)];

                        sl->h = h;
                        sl->end = e;
                        memcpy(sl->low, low, q - p + 1);
                        w->any_seen = true;
                }
                p = q;
                while (p < e && b[p] != ' ')
                        p++;
        }
}

/* Whether the lower-cased word low[0, n) at s is a word of a name that ended less than
 * SEEN_DIST bytes before. */
static bool seen_name(const struct walk *w, const char *low, size_t n, size_t s)
{
        uint32_t h;
        const struct seen *sl;

        if (!w->any_seen)
                return false;
        h = pii_lex_hash(low, n) | 1;
        sl = &w->seen[h & (SEEN_SLOTS - 1)];
        return sl->h == h && sl->end <= s && s - sl->end < SEEN_DIST && streq(sl->low, low);
}

/* The end of a town's name that goes on after it with a river or a region: "Frankfurt am
 * Main", "Halle an der Saale", "Newcastle upon Tyne", "Rothenburg ob der Tauber"; e when
 * none does. */
static size_t place_tail(const struct walk *w, size_t e)
{
        static const char *const links[] = { " am ", " an der ", " upon ", " ob der ", " im ",
                                             " in der ", " sur ", " en ", NULL };
        const char *b = w->buf;

        if (e >= w->len || b[e] != ' ')
                return e;
        for (const char *const *q = links; *q; q++) {
                size_t n = strlen(*q), x;
                bool digit;

                if (e + n >= w->len || memcmp(b + e, *q, n) != 0 || !upper_at(b, w->len, e + n))
                        continue;
                x = word_end(b, w->len, e + n, &digit);
                if (digit || x - (e + n) < 3 || x - (e + n) > WORD_MAX ||
                    (e + n + 1 < w->len && upper_at(b, w->len, e + n + 1)))
                        return e;
                if (q == links) { /* "in Berlin am Montag": a day or a time of it, no river */
                        static const char *const days[] = {
                                "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
                                "samstag", "sonntag", "sonnabend", "wochenende", "morgen",
                                "abend", "nachmittag", "vormittag", "mittag", "anfang", "ende",
                                "telefon", NULL
                        };
                        char low[WORD_MAX + 1];

                        if (!pii_lex_lower(b + e + n, x - (e + n), low, sizeof(low)) ||
                            in_list(low, days))
                                return e;
                }
                return x;
        }
        return e;
}

static bool us_state_after(const struct walk *w, size_t e);

/* The bytes of a possessive's "'s" or "\u2019s" that end the word [s, e) after at least one
 * letter; 0 when it ends in none. */
static size_t possessive_len(const char *b, size_t s, size_t e)
{
        if (e - s >= 3 && b[e - 1] == 's' && b[e - 2] == '\'')
                return 2;
        if (e - s >= 5 && memcmp(b + e - 4, "\xe2\x80\x99s", 4) == 0)
                return 4;
        return 0;
}

/* Whether " & " (or " &amp; ") and a firm's word follow e: "Crawford & Company". */
static bool firm_ending_at(const char *b, size_t len, size_t q);

/* Whether [s, e), after "& ", repeats the word before " & ": the second Johnson of
 * "Johnson & Johnson". */
static bool same_word_before_amp(const char *b, size_t s, size_t e)
{
        size_t we, ws;

        if (s < 4 || b[s - 3] != ' ')
                return false;
        we = s - 3;
        ws = we;
        while (ws > 0 && ((b[ws - 1] | 0x20) >= 'a' && (b[ws - 1] | 0x20) <= 'z'))
                ws--;
        return we - ws == e - s && e - s >= 3 && memcmp(b + ws, b + s, e - s) == 0;
}

static bool firm_after_amp(const struct walk *w, size_t e)
{
        static const char *const words[] = { "company", "co", "co.", "partners", "sons",
                                             "associates", "partner", NULL };
        const char *b = w->buf;
        size_t p = e, q;
        char low[16];

        if (p + 4 >= w->len || b[p] != ' ' || b[p + 1] != '&')
                return false;
        p += 2;
        if (p + 4 < w->len && memcmp(b + p, "amp;", 4) == 0)
                p += 4;
        if (p + 2 >= w->len || b[p] != ' ' || !(b[p + 1] >= 'A' && b[p + 1] <= 'Z'))
                return false;
        for (q = ++p; q < w->len && q - p < 12 && ((b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z');)
                q++;
        /* "Johnson & Johnson": the same name on both sides */
        {
                size_t ws = e;

                while (ws > 0 && ((b[ws - 1] | 0x20) >= 'a' && (b[ws - 1] | 0x20) <= 'z'))
                        ws--;
                if (q - p == e - ws && q - p >= 3 && memcmp(b + p, b + ws, q - p) == 0)
                        return true;
        }
        /* "Stanley Black & Decker, Inc.": a firm's ending after the second name */
        if (firm_ending_at(b, w->len, q))
                return true;
        if (q < w->len && b[q] == '.')
                q++;
        return q - p < 12 && pii_lex_lower(b + p, q - p, low, sizeof(low)) && in_list(low, words);
}

/* Whether a firm's legal ending follows at q: ", Inc.", " Inc", " Ltd", " LLC", " plc". */
static bool firm_ending_at(const char *b, size_t len, size_t q)
{
        static const char *const ends[] = { ", Inc", " Inc", ", LLC", " LLC", " Ltd", ", Ltd",
                                            " plc", " PLC", " GmbH", " AG", " S.A.", " SA",
                                            " Corp", ", Corp", " N.V.", " B.V.", NULL };

        for (const char *const *x = ends; *x; x++) {
                size_t n = strlen(*x);

                if (q + n <= len && memcmp(b + q, *x, n) == 0 &&
                    (q + n == len || !((b[q + n] | 0x20) >= 'a' && (b[q + n] | 0x20) <= 'z')))
                        return true;
        }
        return false;
}

/* Turkish case endings after an apostrophe, which are no part of the name or place:
 * "Köln'den", "Almanya'ya", "İstanbul'da", "Caddesi'nde". */
static const char *const turkish_suffixes[] = {
        "da", "de", "ta", "te", "dan", "den", "tan", "ten", "a", "e", "ya", "ye", "ı", "i", "u",
        "ü", "yı", "yi", "yu", "yü", "ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "la",
        "le", "yla", "yle", "nda", "nde", "ndan", "nden", "na", "ne", "ni", "nı", "dır", "dir",
        "daki", "deki", "lı", "li", "lu", "lü", NULL
};

/* The end of [s, e) without a Turkish suffix after an apostrophe, else e. */
static size_t turkish_suffix_cut(const char *b, size_t s, size_t e)
{
        for (size_t p = e; p > s + 1 && e - p <= 8; p--) {
                size_t al = b[p - 1] == '\'' ? 1 : (p >= 3 && !memcmp(b + p - 3, "\xe2\x80\x99", 3)) ? 3 : 0;

                if (!al)
                        continue;
                char suf[12];
                size_t n = e - p;

                if (n == 0 || n >= sizeof(suf))
                        return e;
                memcpy(suf, b + p, n);
                suf[n] = '\0';
                for (const char *const *t = turkish_suffixes; *t; t++)
                        if (streq(suf, *t))
                                return p - al;
                return e;
        }
        return e;
}

static int emit(struct walk *w, size_t s, size_t e, unsigned type, unsigned nd, float score)
{
        if (e - s >= 4 && apostrophe_near_end(w->buf, s, e))
                e = turkish_suffix_cut(w->buf, s, e);
        if (type == T_LOCATION) {
                e = place_tail(w, e);
                /* "Atlanta, GA 30309": the state is a place of its own after the town's */
                if (us_state_after(w, e)) {
                        int err = w->emit(w->ud, s, e, type, nd, score);

                        w->last_loc_end = e + 4;
                        return err < 0 ? err : w->emit(w->ud, e + 2, e + 4, type, nd, score);
                }
                w->last_loc_end = e;
        }
        if (type == T_PERSON) {
                /* a name in the possessive ends before its 's: "John Smith's dog" */
                e -= possessive_len(w->buf, s, e);
                /* "Morgan Stanley is running the sale"; "Crawford & Company", "Lowe &amp;
                 * Partners": a surname before '&' and a firm's word */
                if (eponym_firm(w->buf, s, e) || firm_after_amp(w, e) ||
                    (s >= 3 && w->buf[s - 1] == ' ' && w->buf[s - 2] == '&' &&
                     (firm_ending_at(w->buf, w->len, e) || same_word_before_amp(w->buf, s, e))))
                        return 0;
                w->last_person_end = e;
                /* a name the tagger found with no given name of the lexicon first is not
                 * remembered: "Thermia Home" in a heading made every later "Thermia" a
                 * person */
                if (nd != ND_PERSON_TAGGER || w->tag_given)
                        seen_name_add(w, s, e);
        }
        if (type == T_STREET_ADDRESS)
                w->last_street_end = e;
        return w->emit(w->ud, s, e, type, nd, score);
}

/* A town [s, e) and its state's code [cs, ce) after it ("Perth WA 6000", "Boston MA"): two
 * places, as they are two names (and a scorer that labels them apart misses the code in a
 * span of both). */
static int emit_town_state(struct walk *w, size_t s, size_t e, size_t cs, size_t ce, float score)
{
        int err = emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, score);

        if (err < 0)
                return err;
        w->last_loc_end = ce;
        return w->emit(w->ud, cs, ce, T_LOCATION, ND_LOCATION_CONTEXT, score);
}

/* Two capital letters of a US state or province after ", " (City, ST). */
static bool state_after(const struct walk *w, size_t e)
{
        const char *b = w->buf;

        if (e + 4 > w->len || b[e] != ',' || b[e + 1] != ' ')
                return false;
        if (!(b[e + 2] >= 'A' && b[e + 2] <= 'Z' && b[e + 3] >= 'A' && b[e + 3] <= 'Z'))
                return false;
        /* not a credential: "P. Kulkarni, PA-C", "NP-C" */
        if (e + 5 < w->len && b[e + 4] == '-' && upper_at(b, w->len, e + 5))
                return false;
        return e + 4 == w->len || !wordish(b, w->len, e + 4);
}

/* state_after()'s two capitals are a US state's or a Canadian province's code (USPS), and
 * no word or number but a ZIP code follows: "Memphis, TN 38118", "Austin, TX." */
static bool us_state_code(const char *p)
{
        static const char codes[] =
                "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO "
                "MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY "
                "AB BC MB NB NL NS NT NU ON PE QC SK YT";

        /* the last code has no space after it: q stops inside the array */
        for (size_t q = 0; q + 2 < sizeof(codes); q += 3)
                if (codes[q] == p[0] && codes[q + 1] == p[1])
                        return true;
        return false;
}

/* A state's code of the US, Canada, Australia or Brazil, p[0, n) (n is 2 or 3): under a
 * place's label such a code is the place (decide()); alone it is not. */
static bool region_code(const char *p, size_t n)
{
        static const char au3[] = "NSW VIC QLD TAS ACT";
        static const char au_br2[] = "WA SA NT AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR "
                                     "PE PI RJ RN RS RO RR SC SP SE TO";

        if (n == 3) {
                for (size_t q = 0; q + 3 < sizeof(au3); q += 4)
                        if (memcmp(au3 + q, p, 3) == 0)
                                return true;
                return false;
        }
        if (us_state_code(p))
                return true;
        for (size_t q = 0; q + 2 < sizeof(au_br2); q += 3)
                if (au_br2[q] == p[0] && au_br2[q + 1] == p[1])
                        return true;
        return false;
}

static bool us_state_after(const struct walk *w, size_t e)
{
        const char *b = w->buf;
        size_t q;

        if (!state_after(w, e) || !us_state_code(b + e + 2))
                return false;
        q = e + 4;
        if (q + 1 < w->len && b[q] == ' ' && is_digit(b[q + 1])) {
                size_t d = q + 1;

                while (d < w->len && is_digit(b[d]))
                        d++;
                return d - (q + 1) == 5 && (d == w->len || !wordish(b, w->len, d) ||
                                            b[d] == '-');
        }
        /* a Canadian postal code: "Toronto, ON M5C 1S5" */
        if (q + 8 <= w->len && b[q] == ' ' && upper_at(b, w->len, q + 1) && is_digit(b[q + 2]) &&
            upper_at(b, w->len, q + 3) && b[q + 4] == ' ' && is_digit(b[q + 5]) &&
            upper_at(b, w->len, q + 6) && is_digit(b[q + 7]) &&
            (q + 8 == w->len || !wordish(b, w->len, q + 8)))
                return true;
        return q == w->len || b[q] == ',' || b[q] == '.' || b[q] == '\n' || b[q] == '\r' ||
               b[q] == ')' || b[q] == ';' || b[q] == '"' || (b[q] == ' ' && q + 1 < w->len &&
                                                              !upper_at(b, w->len, q + 1));
}

/* Given names that are products' names too, refused alone by the tagger. */
static const char *const product_names[] = { "alexa", "siri", "cortana", "bixby", "mac",
                                             "kindle", NULL };

/* Whether t is one of tech_names[]: its first letter and length, then the words (the tagger
 * asks this of every word of a person it reads). */
static bool tech_name(const struct tok *t)
{
        unsigned c = (unsigned char)t->low[0] - 'a';

        if (t->n < 2 || t->n > 15 || c >= 26 || !(tech_len_by_first[c] & (1u << t->n)))
                return false;
        for (const char *const *x = tech_names; *x; x++)
                if ((*x)[0] == t->low[0] && streq(*x, t->low))
                        return true;
        return false;
}

/* Whether both halves of a hyphenated word are ordinary words and no names: "Pre-Paid",
 * "First-Class" (not "Anne-Marie", "Smith-Jones"). */
static bool word_compound(const struct tok *t)
{
        const char *h = memchr(t->low, '-', t->n);
        size_t a, b;
        unsigned la, lb;

        if (!h)
                return false;
        a = (size_t)(h - t->low);
        b = t->n - a - 1;
        if (a < 2 || b < 2)
                return false;
        la = word_lex(t->low, a, pii_lex_hash(t->low, a));
        lb = word_lex(h + 1, b, pii_lex_hash(h + 1, b));
        /* English's prefixes are no words of the list: "pre", "non", "co", "self" */
        if (a <= 5 && (!strncmp(t->low, "pre-", 4) || !strncmp(t->low, "non-", 4) ||
                       !strncmp(t->low, "co-", 3) || !strncmp(t->low, "self-", 5) ||
                       !strncmp(t->low, "re-", 3) || !strncmp(t->low, "multi-", 6)))
                la |= LEX_WORD;
        return (la & LEX_WORD) && (lb & LEX_WORD) && !((la | lb) & (LEX_GIVEN | LEX_SURNAME));
}

/* Whether a run the tagger would call a person reads as a Title Case heading or a noun
 * phrase: a seller's word first or last ("Best Chromebook"), a function word in capitals
 * inside it ("Backoff With Jitter"), a word of two hyphenated ordinary words, a first word of no
 * lexicon shaped like an adjective ("Unwaxed Lemons", "Chemiluminescent Immunoassay"), or a
 * first word of no lexicon before a plural ordinary word ("Eosinophil Counts"). */
static bool heading_like(const struct run *r)
{
        static const char *const fwords[] = { "with", "and", "for", "of", "to", "in", "on",
                                              "at", "the", "from", "by", "vs", "or", "into",
                                              NULL };
        static const char *const adj[] = { "ed", "ing", "ous", "ive", "ful", "less", "ic",
                                           "ent", "ary", "able", "ible", NULL };
        static const char *const sales[] = { "best", "top", "smart", "pro", "mini", "max",
                                             "plus", "ultra", "premium", "deluxe", NULL };
        const struct tok *f = &r->t[r->a], *l = &r->t[r->b - 1];

        /* a product's or a roundup's words: "Best Chromebook", "Tado Smart" (not "George
         * Best", "Max Verstappen": no given name in the run) */
        if (in_list(f->low, sales) || in_list(l->low, sales)) {
                unsigned lx = 0;

                for (unsigned k = r->a; k < r->b; k++)
                        lx |= r->t[k].lex;
                if (!(lx & LEX_GIVEN))
                        return true;
        }
        for (unsigned k = r->a + 1; k + 1 < r->b; k++)
                if (r->t[k].upper && !r->t[k].allcaps && in_list(r->t[k].low, fwords))
                        return true;
        for (unsigned k = r->a; k < r->b; k++)
                if (word_compound(&r->t[k])) /* "Pre-Paid First-Class Post" */
                        return true;
        if (f->lex || f->dot || f->n < 5)
                return false;
        for (const char *const *x = adj; *x; x++) {
                size_t n = strlen(*x);

                if (f->n > n + 2 && !strcmp(f->low + f->n - n, *x))
                        return true;
        }
        return (l->lex & LEX_WORD) && l->n >= 4 && l->low[l->n - 1] == 's' &&
               l->low[l->n - 2] != 's';
}

/* Whether a word with these lexicon flags may be a person's given name beside '&': of the
 * main list ("Ana & Luis"), not only of the wide one ("Ferrari & Figli"). */
static bool given_first(unsigned lex)
{
        return (lex & LEX_GIVEN) && !(lex & LEX_GIVEN_WIDE);
}

/* Whether run r names a firm by its form: a legal form after it whose first letter the run
 * took as an initial (S.r.l., S.p.A., B.V., S.A., N.V.), or surnames joined by " & " with no
 * given name first on either side. */
static bool firm_run(const struct walk *w, const struct run *r)
{
        static const char *const forms[] = { "r.l.", "p.A.", "V.", "A.", "a.s.", "r.o.", NULL };
        const char *b = w->buf;
        const struct tok *l = &r->t[r->n - 1];
        size_t s = r->t[0].s, e = l->e;

        /* "B.A.", "M.A." are degrees after a name ("S.A." is a firm's) */
        if (l->dot && l->n == 1 && r->n >= 2 && !((b[l->s] == 'B' || b[l->s] == 'M') &&
                                                   e + 2 <= w->len && !memcmp(b + e, "A.", 2)))
                for (const char *const *f = forms; *f; f++)
                        if (e + strlen(*f) <= w->len && !memcmp(b + e, *f, strlen(*f)))
                                return true;
        if (!given_first(r->t[0].lex) && e + 4 < w->len && b[e] == ' ' && b[e + 1] == '&' &&
            b[e + 2] == ' ' && upper_at(b, w->len, e + 3))
                return true;
        /* not after a person found: "Gareth Pritchard & Eleri Pritchard" */
        if (s >= 4 && b[s - 1] == ' ' && b[s - 2] == '&' && b[s - 3] == ' ' &&
            w->last_person_end != s - 3) {
                size_t p = s - 3;

                while (p > 0 && wordish(b, w->len, p - 1))
                        p--;
                if (p < s - 3 && upper_at(b, w->len, p)) {
                        char low[WORD_MAX + 1];
                        size_t n = s - 3 - p;

                        return n <= WORD_MAX && pii_lex_lower(b + p, n, low, sizeof(low)) &&
                               !given_first(word_lex(low, n, pii_lex_hash(low, n)));
                }
        }
        return false;
}

/* A police or military rank and a number just before s: "PC 7129 ", "DC 7035 ", "Sgt 412 ". */
static bool rank_number_before(const struct walk *w, size_t s)
{
        const char *b = w->buf;
        size_t p = s - 1, q, k;
        char low[8];

        if (b[p] != ' ')
                return false;
        q = p;
        while (q > 0 && p - q < 6 && is_digit(b[q - 1]))
                q--;
        if (p - q < 2 || p - q > 5 || q < 3 || b[q - 1] != ' ')
                return false;
        k = q - 1;
        while (k > 0 && q - 1 - k < 5 && ((b[k - 1] | 0x20) >= 'a' && (b[k - 1] | 0x20) <= 'z'))
                k--;
        if (k == q - 1 || q - 1 - k >= 5 || (k > 0 && wordish(b, w->len, k - 1)))
                return false;
        if (!pii_lex_lower(b + k, q - 1 - k, low, sizeof(low)))
                return false;
        return in_list(low, rank_titles);
}

/* An Australian state's code and a postcode after the town: "Perth WA 6000", "Melbourne VIC
 * 3000". Returns the end of the state's code (the place's), 0 when there is none. */
static size_t au_state_after(const struct walk *w, size_t e)
{
        static const char *const codes[] = { "NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT",
                                             "ACT", NULL };
        const char *b = w->buf;
        size_t p = e + 1, q;

        if (e + 8 > w->len || b[e] != ' ' || !(b[p] >= 'A' && b[p] <= 'Z'))
                return 0;
        for (const char *const *c = codes; *c; c++) {
                size_t n = strlen(*c);

                if (p + n + 5 > w->len || memcmp(b + p, *c, n) != 0 || b[p + n] != ' ')
                        continue;
                for (q = p + n + 1; q < w->len && q < p + n + 6 && is_digit(b[q]); q++)
                        ;
                if (q == p + n + 5 && (q == w->len || !wordish(b, w->len, q)))
                        return p + n;
        }
        return 0;
}

/* A postcode just before s: "75008 ", "1012 AB ", "D-10115 ", "SW1A 1AA "? (UK ones come
 * after the town, so they are not here). */
static bool postcode_before(const struct walk *w, size_t s)
{
        const char *b = w->buf;
        size_t e = s, p;

        if (e < 5 || b[e - 1] != ' ')
                return false;
        e--;
        if (e >= 3 && b[e - 1] >= 'A' && b[e - 1] <= 'Z' && b[e - 2] >= 'A' && b[e - 2] <= 'Z' &&
            b[e - 3] == ' ')
                e -= 3; /* Dutch 1012 AB */
        p = e;
        while (p > 0 && e - p < 6 && is_digit(b[p - 1]))
                p--;
        /* "105 63 Athens", "211 39 Malmö", "100 00 Praha"; "1100-415 Lisboa"; "00-697
         * Warszawa": the Greek, Swedish and Czech, Portuguese and Polish forms */
        if (e - p == 2 && p >= 4 && b[p - 1] == ' ' && is_digit(b[p - 2]) && is_digit(b[p - 3]) &&
            is_digit(b[p - 4]) && (p == 4 || !wordish(b, w->len, p - 5)))
                return true;
        if (e - p == 3 && p >= 5 && b[p - 1] == '-' && is_digit(b[p - 2]) && is_digit(b[p - 3]) &&
            is_digit(b[p - 4]) && is_digit(b[p - 5]))
                return p == 5 || !wordish(b, w->len, p - 6);
        if (e - p == 3 && p >= 3 && b[p - 1] == '-' && is_digit(b[p - 2]) && is_digit(b[p - 3]) &&
            (p == 3 || !wordish(b, w->len, p - 4)))
                return true;
        if (e - p < 4 || e - p > 5)
                return false;
        if (p >= 2 && b[p - 1] == '-' && b[p - 2] >= 'A' && b[p - 2] <= 'Z')
                p -= 2;
        return p == 0 || !wordish(w->buf, w->len, p - 1);
}

/* "Name: Smith, John": after a one-word name and ", ", a given name of one to three words
 * (or initials; or words of no kind the lexicon knows) is the same person's; the end of the
 * two, else e. */
static size_t comma_given(struct walk *w, size_t e);

static size_t given_after(struct walk *w, const struct run *r, size_t e)
{
        const struct tok *t = &r->t[r->a];

        const char *b = w->buf;
        size_t ga;

        /* a given name that is no surname begins a list: "Present: Priya, Alex, Jordan" */
        if (r->b - r->a != 1 || ((t->lex & LEX_GIVEN) && !(t->lex & LEX_SURNAME) && !t->allcaps))
                return e;
        ga = comma_given(w, e);
        /* so does one before two more items: "Attendees: Sam, Alex, Jordan" */
        if (ga != e && ga + 3 < w->len &&
            ((b[ga] == ',' && b[ga + 1] == ' ' && upper_at(b, w->len, ga + 2)) ||
             (ga + 5 < w->len && memcmp(b + ga, " and ", 5) == 0 &&
              upper_at(b, w->len, ga + 5)) ||
             (b[ga] == ' ' && b[ga + 1] == '&' && b[ga + 2] == ' ')))
                return e;
        return ga;
}

/* given_after() for any surname ending at e. */
static size_t comma_given(struct walk *w, size_t e)
{
        struct run r2;
        size_t next;

        if (e + 2 >= w->len || w->buf[e] != ',' || w->buf[e + 1] != ' ' ||
            !upper_at(w->buf, w->len, e + 2) || !build_run(w, e + 2, &r2, &next, NULL) || r2.n > 3)
                return e;
        for (unsigned k = 0; k < r2.n; k++)
                if (!(r2.t[k].lex & LEX_GIVEN) && !(r2.t[k].dot && r2.t[k].n == 1) &&
                    ((r2.t[k].lex & LEX_WORD) || place_flags(r2.t[k].lex) || r2.t[k].digit ||
                     r2.t[k].allcaps))
                        return e;
        return r2.t[r2.n - 1].e;
}

/* ", " and two capitals after e: a surname in capitals before its given name ("PATIENT:
 * NWOSU, CHIDINMA"), whatever the lexicon knows of it; the label and given_after() decide. */
static bool comma_caps(const struct walk *w, size_t e)
{
        const char *b = w->buf;

        return e + 4 <= w->len && b[e] == ',' && b[e + 1] == ' ' && b[e + 2] >= 'A' &&
               b[e + 2] <= 'Z' && b[e + 3] >= 'A' && b[e + 3] <= 'Z';
}

/* Whether a party's role in a court's heading follows e on its line, after spaces, dots or
 * a comma, or starts the next line: CLAIMANT, Plaintiff, Defendants, Applicant... */
static bool party_role_after(const struct walk *w, size_t e)
{
        static const char *const roles[] = { "claimant", "claimants", "plaintiff",
                                             "plaintiffs", "defendant", "defendants",
                                             "applicant", "applicants", "respondent",
                                             "respondents", "appellant", "appellants",
                                             "petitioner", "petitioners", NULL };
        const char *b = w->buf;
        size_t p = e, q;
        char low[16];
        bool nl = false;

        while (p < w->len && p - e < 40 && (b[p] == ' ' || b[p] == '.' || b[p] == ',' ||
                                            b[p] == '\t' || (b[p] == '\n' && !nl) ||
                                            b[p] == '\r'))
                nl |= b[p++] == '\n';
        q = p;
        while (q < w->len && q - p < 12 && ((b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z'))
                q++;
        if (q - p < 7 || q - p > 11 || (q < w->len && wordish(b, w->len, q)))
                return false;
        return pii_lex_lower(b + p, q - p, low, sizeof(low)) && in_list(low, roles);
}

/* The lexicon flags of the ASCII word b[s, e), lower-cased; 0 when it is too long. */
static unsigned ascii_lex(const char *b, size_t s, size_t e)
{
        char low[WORD_MAX + 1];
        size_t n = e - s;

        if (n > WORD_MAX || !pii_lex_lower(b + s, n, low, sizeof(low)))
                return 0;
        return word_lex(low, n, pii_lex_hash(low, n));
}

/* Whether the word b[s, e) is "vs", "v", "v." or "versus", in either case: the word
 * between the parties of a court's list ("KCB BANK LTD VS JOSEPH KAMAU NJENGA"). */
static bool versus_word(const char *b, size_t s, size_t e)
{
        size_t n = e - s;

        if (n == 2 && b[s + 1] == '.')
                n = 1;
        return ((n == 1 || n == 2 || n == 6) && (b[s] | 0x20) == 'v' &&
                (n == 1 || (n == 2 && (b[s + 1] | 0x20) == 's') ||
                 (n == 6 && strncasecmp(b + s, "versus", 6) == 0)));
}

/* Whether the run [s, e) has a versus_word() one space before or after it, so that it is
 * one party of a court's list. */
static bool versus_beside(const struct walk *w, size_t s, size_t e)
{
        const char *b = w->buf;
        size_t p, q;

        if (s >= 3 && b[s - 1] == ' ') {
                for (q = s - 1, p = q; p > 0 && p + 7 > q && (b[p - 1] | 0x20) >= 'a' &&
                                       (b[p - 1] | 0x20) <= 'z';)
                        p--;
                if (p < q && (p == 0 || !wordish(b, w->len, p - 1)) && versus_word(b, p, q))
                        return true;
                if (q >= 2 && b[q - 1] == '.' && (b[q - 2] | 0x20) == 'v' &&
                    (q == 2 || b[q - 3] == ' ' || b[q - 3] == '\n'))
                        return true;
        }
        if (e + 3 < w->len && b[e] == ' ') {
                for (p = e + 1, q = p; q < w->len && q - p < 7 &&
                                       (((b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z') ||
                                        (q == p + 1 && b[q] == '.'));)
                        q++;
                if (q < w->len && b[q] == ' ' && versus_word(b, p, q))
                        return true;
        }
        return false;
}

/* Whether a person's age follows e: ", 12 years old", ", 34-year-old", ", aged 7", " (34)"
 * (one to three digits; a year or a count of things is none). */
static bool age_after(const char *b, size_t len, size_t e)
{
        size_t p = e + 2, d;

        if (b[e] == ' ' && b[e + 1] == '(') {
                for (d = p; d < len && d - p < 4 && is_digit(b[d]); d++)
                        ;
                return d > p && d - p <= 3 && d < len && b[d] == ')';
        }
        if (b[e] != ',' || b[e + 1] != ' ')
                return false;
        if (p + 5 < len && memcmp(b + p, "aged ", 5) == 0)
                return is_digit(b[p + 5]);
        for (d = p; d < len && d - p < 4 && is_digit(b[d]); d++)
                ;
        if (d == p || d - p > 3)
                return false;
        return (d + 10 <= len && memcmp(b + d, " years old", 10) == 0) ||
               (d + 9 <= len && memcmp(b + d, " year old", 9) == 0) ||
               (d + 9 <= len && memcmp(b + d, "-year-old", 9) == 0);
}

/* A surname in capitals before the given names, as passports, registers and East Asian
 * usage write it: "SUZUKI Takeshi", "DUPONT Jean-Luc", "NGUYEN Van Minh" (the capitals of
 * run r are [a, k), the rest in small letters): a surname of the lexicon in capitals, or no
 * ordinary word after a person's label or a title; no place; a given name of the lexicon
 * first after it, no ordinary word unless a frequent given name ("NASA Goddard", "USA Today"
 * and "IBM Research" stay). */
static int caps_surname_first(struct walk *w, const struct run *r, unsigned k, bool title)
{
        const struct tok *g = &r->t[k], *l = &r->t[k - 1];
        unsigned lex = 0;
        char label[40];

        if (r->b - k > 2 || g->dot || !(g->lex & LEX_GIVEN) ||
            ((g->lex & LEX_WORD) && !(g->lex & LEX_GIVEN_TOP)) || place_flags(g->lex))
                return 0;
        for (unsigned j = k + 1; j < r->b; j++)
                if (r->t[j].allcaps || r->t[j].dot || r->t[j].digit || pure_word(&r->t[j]) ||
                    place_flags(r->t[j].lex))
                        return 0;
        for (unsigned j = r->a; j < k; j++) {
                if (r->t[j].dot || r->t[j].n < 2 || pure_word(&r->t[j]) ||
                    TOK_IN(&r->t[j], never_names) || TOK_IN(&r->t[j], orgs))
                        return 0;
                lex |= r->t[j].lex;
        }
        /* a surname of the lexicon that is no word nor place needs no context; else a title
         * or a person's label ("Nom: MARTIN Sophie": martin is a word and a town) */
        if (!(l->lex & LEX_SURNAME) || (lex & LEX_WORD) ||
            place_flags(lex | phrase_flags(r, r->a, k))) {
                if ((lex & LEX_WORD) && !(lex & LEX_SURNAME))
                        return 0;
                if (!title) {
                        label_before(w, r->t[r->a].s, label, sizeof(label));
                        if (!label[0] ||
                            !person_name_label(label, set_mask(label, strlen(label))))
                                return 0;
                }
        }
        return emit(w, r->t[r->a].s, r->t[r->b - 1].e, T_PERSON, ND_PERSON_LEXICON, 0.8f);
}

/* Given names before a surname in capitals, as court papers, registers and some forms write
 * them: "Gianluca ESPOSITO", "Tariq Mahmood JAVED", "Anne-Marie DE LA CRUZ". The given names
 * in capital and small letters, the first one of the lexicon (no ordinary word unless a
 * frequent given name, no place); then one or two words in capitals (or particles), none an
 * ordinary word alone, a place, a firm's word or of never_names[], the last a surname of the
 * lexicon (one that is a word too after a frequent given name: "John SMITH"), or any such
 * word after a title or a person's label ("Name: Priya NATARAJAN").
 * "Visit NASA", "Jordan USA", "Mark ATTENTION" stay. */
static int caps_surname_last(struct walk *w, const struct run *r, bool title)
{
        unsigned a = r->a, j, caps = 0, word = 0;
        const struct tok *g;
        char label[40];

        /* past ordinary words before the name ("Contact Jane DOE", "Later Mary JONES") */
        while (a + 2 < r->b && pure_word(&r->t[a]) && !r->t[a].allcaps)
                a++;
        g = &r->t[a];
        j = a;
        if (r->b - a < 2 || r->b - a > 5 || g->dot || !g->upper || g->allcaps ||
            !(g->lex & LEX_GIVEN) || ((g->lex & LEX_WORD) && !(g->lex & LEX_GIVEN_TOP)) ||
            (place_flags(g->lex) && !(g->lex & LEX_GIVEN_TOP)) || TOK_IN(g, never_names))
                return 0;
        /* the given names: capital and small letters, or an initial */
        while (j < r->b && !r->t[j].allcaps)
                j++;
        if (j == a || j == r->b || j - a > 3)
                return 0;
        for (unsigned k = a + 1; k < j; k++)
                if (r->t[k].digit || !r->t[k].upper || pure_word(&r->t[k]) ||
                    place_flags(r->t[k].lex) || TOK_IN(&r->t[k], never_names))
                        return 0;
        for (unsigned k = j; k < r->b; k++) {
                const struct tok *t = &r->t[k];

                if (TOK_IN(t, particles) && k + 1 < r->b)
                        continue;
                /* (a town that is a surname too: HENDERSON, JACKSON; no country or region:
                 * "Paris FRANCE", "Austin TEXAS") */
                if (!t->allcaps || t->digit || t->dot || t->n < 2 || pure_word(t) ||
                    (t->lex & (LEX_COUNTRY | LEX_REGION)) ||
                    ((t->lex & LEX_CITY) && !(t->lex & LEX_SURNAME)) ||
                    TOK_IN(t, never_names) || TOK_IN(t, orgs) || ++caps > 2)
                        return 0;
                word |= t->lex & LEX_WORD;
        }
        /* no capital or digit after the name: an id's label and value ("Mr Kevin Thomas
         * PAN PBCFI6430P") or a run cut before a word of code ("Mark EOL CLOBBERs") */
        {
                const char *b = w->buf;
                size_t e = r->t[r->b - 1].e;

                if (e + 1 < w->len && (b[e] == ' ' || b[e] == ':') &&
                    ((b[e + 1] >= 'A' && b[e + 1] <= 'Z') || is_digit(b[e + 1])))
                        return 0;
        }
        /* a surname that is a word too ("SMITH", "BAKER") after a frequent given name */
        if ((!(r->t[r->b - 1].lex & LEX_SURNAME) || (word && !(g->lex & LEX_GIVEN_TOP))) &&
            !title) {
                label_before(w, g->s, label, sizeof(label));
                if (!label[0] || !person_name_label(label, set_mask(label, strlen(label))))
                        return 0;
        }
        return emit(w, g->s, r->t[r->b - 1].e, T_PERSON, ND_PERSON_LEXICON, 0.8f);
}

/* A name in capitals, which a form or a court heading writes: "Name: JOHN SMITH",
 * "CLAIMANT: MARGARET VAN DER BERG", "Dear MS. OKONKWO". Only after a person's label (two
 * words or more) or a title, every word in capitals (or a particle, or an initial), and a given name or a
 * surname of the lexicon among them, or no ordinary word ("NAME: UNKNOWN" stays). */
static int caps_name(struct walk *w, const struct run *r, bool title)
{
        static const char *const part_labels[] = {
                "surname", "last name", "lastname", "family name", "first name", "firstname",
                "given name", "given names", "forename", "forenames", "middle name", "nachname",
                "vorname", "nom", "prénom", "apellido", "apellidos", "cognome", "achternaam",
                "primer apellido", "segundo apellido", "apellido paterno", "apellido materno",
                "voornaam", "nazwisko", "imię", "imie", "pierwsze imię", NULL
        };
        char label[40];
        unsigned lex = 0;
        bool one;
        struct run cut;

        /* a surname of the lexicon in capitals (no word, no place) of a name found in the
         * last SEEN_DIST bytes, alone or after a sentence's first word: "Gianluca ESPOSITO
         * ... Later ESPOSITO stated" (not DFA, GIT or UNIX after "Dfa Matcher") */
        {
                const struct tok *l = &r->t[r->b - 1];

                if (!title && l->allcaps && l->n >= 3 && !l->digit && !l->dot &&
                    (l->lex & LEX_SURNAME) && !(l->lex & LEX_WORD) &&
                    !TOK_IN(l, never_names) && !place_flags(l->lex) &&
                    (r->b - r->a == 1 ||
                     (r->b - r->a == 2 && pure_word(&r->t[r->a]) && !r->t[r->a].allcaps)) &&
                    seen_name(w, l->low, l->n, l->s))
                        return emit(w, l->s, l->e, T_PERSON, ND_PERSON_CONTEXT, 0.75f);
        }
        /* after a title, the name ends before an ordinary word: "MR BROWN GOES TO TOWN" */
        if (title)
                for (unsigned k = r->a + 1; k < r->b; k++)
                        if (r->t[k].allcaps && pure_word(&r->t[k])) {
                                cut = *r;
                                cut.b = k;
                                r = &cut;
                                break;
                        }
        one = r->b - r->a < 2;
        for (unsigned k = r->a; k < r->b; k++) {
                const struct tok *t = &r->t[k];

                if (t->digit || !(t->allcaps || TOK_IN(t, particles) || (t->dot && t->n == 1)))
                        return k > r->a && !t->digit ? caps_surname_first(w, r, k, title) :
                               k == r->a && !t->digit ? caps_surname_last(w, r, title) :
                                                        0;
                lex |= t->lex;
        }
        /* a place in capitals, as address blocks and forms write them ("DUBLIN",
         * "UNITED KINGDOM", "COOK COUNTY"): a country or big city that is no ordinary
         * word, or a place of the lexicon of two words or more; not glued to code */
        if (!title && r->a == 0 && r->t[r->b - 1].e < w->len &&
            w->buf[r->t[r->b - 1].e] != '_' && w->buf[r->t[r->b - 1].e] != '-' &&
            !(r->t[0].s > 0 && (w->buf[r->t[0].s - 1] == '_' || w->buf[r->t[0].s - 1] == '-'))) {
                const struct tok *t0 = &r->t[r->a];

                /* (or any town of the lexicon right after a street: "5 HOPE ST, DERBY") */
                bool after_street = w->last_street_end && t0->s >= 2 &&
                                    t0->s - w->last_street_end <= 3 &&
                                    w->buf[t0->s - 2] == ',';

                /* (or a place that is also a word under a place's label: "Country: JAPAN",
                 * "City: READING") */
                bool place_label = false;

                if (one && (t0->lex & LEX_WORD) && place_flags(t0->lex) && t0->s >= 2) {
                        label_before(w, t0->s, label, sizeof(label));
                        place_label = label[0] &&
                                      (set_mask(label, strlen(label)) & LB_place_labels);
                }
                if (one ? (((t0->lex & (LEX_COUNTRY | LEX_CITY_BIG)) && !(t0->lex & LEX_WORD)) ||
                           ((after_street || place_label) && place_flags(t0->lex))) &&
                                  t0->n >= 4 && !t0->dot && !TOK_IN(t0, never_names)
                        : r->b - r->a <= 4 && place_flags(phrase_flags(r, r->a, r->b)))
                        return emit(w, t0->s, r->t[r->b - 1].e, T_LOCATION,
                                    ND_LOCATION_CONTEXT, 0.75f);
        }
        if (!(lex & (LEX_GIVEN | LEX_SURNAME)) && (lex & LEX_WORD))
                return 0;
        /* a party of a court's list, in capitals beside its "VS": "SAFARICOM PLC VS PETER
         * MWANGI KARIUKI", "CHEBET ROTICH VS NAIROBI CITY COUNTY" (decide() cuts a run at
         * its VS); a given name first, a surname last or no ordinary word, no place, no
         * firm's word */
        if (!title && !one && !place_flags(lex) &&
            ((r->t[r->a].lex & LEX_GIVEN) || (r->t[r->b - 1].lex & LEX_SURNAME) ||
             !(lex & LEX_WORD)) &&
            versus_beside(w, r->t[r->a].s, r->t[r->b - 1].e)) {
                static const char *const firm[] = {
                        "bank", "county", "council", "limited", "authority", "ministry",
                        "republic", "government", "insurance", "commission", "board",
                        "holdings", "services", "state", "city", "estate", "trustees",
                        "registrar", "attorney", "general", "another", "others", NULL
                };
                bool firm_word = false;

                for (unsigned k = r->a; k < r->b && !firm_word; k++)
                        firm_word = TOK_IN(&r->t[k], orgs) || in_list(r->t[k].low, firm);
                if (!firm_word)
                        return emit(w, r->t[r->a].s, r->t[r->b - 1].e, T_PERSON,
                                    ND_PERSON_CONTEXT, 0.8f);
        }
        /* a surname in capitals before ", " and its given names, with no label: registers,
         * manifests and court lists write "OGILVY, Mark", "VAN DIJK, Marloes" */
        if (!title && !place_flags(lex) && r->t[r->b - 1].e + 2 < w->len &&
            w->buf[r->t[r->b - 1].e] == ',') {
                size_t ga = comma_given(w, r->t[r->b - 1].e);

                /* one side no ordinary word: not "WARNING, Will" */
                if (ga != r->t[r->b - 1].e &&
                    (!(lex & LEX_WORD) ||
                     !(ascii_lex(w->buf, r->t[r->b - 1].e + 2, ga) & LEX_WORD)))
                        return emit(w, r->t[r->a].s, ga, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
        }
        /* a party in a court's heading: "CHIEF OBINNA EZE ........ CLAIMANT", "(1) DWAYNE
         * HAWKINS\n(2) ...    Claimants", "BRÍD BYRNE\nAPPLICANT" */
        if (!title && !one && (lex & (LEX_GIVEN | LEX_SURNAME)) && !place_flags(lex) &&
            party_role_after(w, r->t[r->b - 1].e))
                return emit(w, r->t[r->a].s, r->t[r->b - 1].e, T_PERSON, ND_PERSON_CONTEXT,
                            0.8f);
        /* one word of no lexicon under a label for a part of a name, after ": ": "Surname
         * (Family name): OLAWALE", "Nazwisko: LEWANDOWSKI" */
        if (!title && one && !(lex & (LEX_GIVEN | LEX_SURNAME | LEX_WORD)) && r->t[r->a].n >= 2 &&
            r->t[0].s >= 2 && w->buf[r->t[0].s - 1] == ' ' && w->buf[r->t[0].s - 2] == ':' &&
            !place_flags(lex)) {
                label_before(w, r->t[0].s, label, sizeof(label));
                if (label[0] && in_list(label, part_labels))
                        return emit(w, r->t[r->a].s, r->t[r->a].e, T_PERSON, ND_PERSON_CONTEXT,
                                    0.8f);
        }
        /* before the labels: "currency": "USD", "order": "ORD-5386" in every JSON record */
        if (!title && one &&
            ((!(lex & (LEX_GIVEN | LEX_SURNAME)) && !comma_caps(w, r->t[r->a].e)) ||
             r->t[r->a].n < 2 ||
             (r->t[r->a].e < w->len &&
              (w->buf[r->t[r->a].e] == '-' || w->buf[r->t[r->a].e] == '_'))))
                return 0;
        /* a given name and a surname in capitals inside a sentence in small letters: a
         * record's "Discharge summary for BLANCHE FONTAINE, DOB ..." (the word before them
         * is small, so the line is no heading in capitals); both of the lexicon, no place,
         * not both ordinary words unless both are frequent ("JOHN SMITH") */
        if (!title && !one && r->a == 0 && r->b <= 3 && r->t[0].s >= 3 &&
            w->buf[r->t[0].s - 1] == ' ' && w->buf[r->t[0].s - 2] >= 'a' &&
            w->buf[r->t[0].s - 2] <= 'z' &&
            w->buf[r->t[0].s - 3] >= 'a' && w->buf[r->t[0].s - 3] <= 'z') {
                const struct tok *g = &r->t[0], *l = &r->t[r->b - 1];

                if ((g->lex & LEX_GIVEN) && (l->lex & LEX_SURNAME) && !g->dot && !l->dot &&
                    !place_flags(g->lex | phrase_flags(r, 0, r->b)) &&
                    !(l->lex & (LEX_CITY_BIG | LEX_COUNTRY | LEX_REGION)) &&
                    !pure_word(g) && !pure_word(l) && (r->b == 2 || !pure_word(&r->t[1])) &&
                    (!((g->lex & LEX_WORD) && (l->lex & LEX_WORD)) ||
                     ((g->lex & LEX_GIVEN_TOP) && (l->lex & LEX_SURNAME_TOP))))
                        return emit(w, g->s, l->e, T_PERSON, ND_PERSON_LEXICON, 0.75f);
        }
        /* a given name and a surname in capitals alone on their line, as a CV's head or an
         * invitation writes them ("ANANYA KRISHNAMURTHY", "ADAEZE CHIOMA"): the given name
         * no word, the surname no word either or in no list, no place among them */
        if (!title && !one && r->a == 0 && r->b == r->n && r->b <= 3 &&
            line_start_before(w, r->t[0].s) && line_end_after(w, r->t[r->b - 1].e)) {
                const struct tok *g = &r->t[0], *l = &r->t[r->b - 1];

                if ((g->lex & LEX_GIVEN) && !(g->lex & LEX_WORD) && !g->dot && !l->dot &&
                    l->n >= 3 && ((l->lex & LEX_SURNAME) || !l->lex) && !(l->lex & LEX_WORD) &&
                    !place_flags(lex | phrase_flags(r, 0, r->b)) && !TOK_IN(l, orgs) &&
                    !TOK_IN(g, never_names) && !TOK_IN(l, never_names))
                        return emit(w, g->s, l->e, T_PERSON, ND_PERSON_LEXICON, 0.75f);
        }
        if (!title) {
                label_before(w, r->t[0].s, label, sizeof(label));
                if (!label[0])
                        csv_label(w, r->t[r->a].s, r->t[r->b - 1].e, label, sizeof(label));
                if (!label[0] && !one && (lex & (LEX_GIVEN | LEX_SURNAME)) &&
                    line_end_after(w, r->t[r->b - 1].e) && block_head_above(w, r->t[0].s))
                        return emit(w, r->t[r->a].s, r->t[r->b - 1].e, T_PERSON,
                                    ND_PERSON_CONTEXT, 0.8f);
                if (!label[0] || !person_name_label(label, set_mask(label, strlen(label))))
                        return 0;
                /* one word in capitals after a label is most often a code ("currency":
                 * "USD"): only under a label for a part of a name ("SURNAME: NGUYEN"), as a
                 * given name or surname of the lexicon, or before its given name ("Name:
                 * HUSSAIN, Tariq") */
                if (one) {
                        size_t ga = given_after(w, r, r->t[r->b - 1].e);

                        if (ga != r->t[r->b - 1].e)
                                return emit(w, r->t[r->a].s, ga, T_PERSON, ND_PERSON_CONTEXT,
                                            0.8f);
                        /* "Name: SMITH-JONES": two names joined are no code */
                        if (!in_list(label, part_labels) &&
                            !(memchr(r->t[r->a].low, '-', r->t[r->a].n) &&
                              (lex & (LEX_GIVEN | LEX_SURNAME)) && !(lex & LEX_WORD)))
                                return 0;
                }
        }
        return emit(w, r->t[r->a].s, r->t[r->b - 1].e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
}

/* Whether the byte before s, past a quote and a space, may end a label or a cell: most
 * months are in prose ("in June"), where it does not. */
static inline bool label_byte_before(const char *b, size_t s)
{
        size_t p = s;
        char c;

        if (p > 0 && (b[p - 1] == '"' || b[p - 1] == '\''))
                p--;
        if (p > 0 && b[p - 1] == ' ')
                p--;
        if (p == 0)
                return true;
        c = b[p - 1];
        return c == ':' || c == ',' || c == ';' || c == '\t' || c == '=' || c == '|' ||
               c == '\n' || c == '"';
}

/* Whether the word [s, e) is under a label (a field's or a CSV column's) for a given name:
 * its last word first, given, forename..., "first_name", "Vorname". */
static __attribute__((noinline)) bool given_label_before(struct walk *w, size_t s, size_t e)
{
        static const char *const given[] = { "first", "given", "forename", "firstname",
                                             "givenname", "fname", "vorname", "prénom",
                                             "prenom", "voornaam", "nombre", "forenames",
                                             NULL };
        const char *b = w->buf;
        char label[40];
        const char *lw;

        if (!label_byte_before(b, s))
                return false;
        label_before(w, s, label, sizeof(label));
        if (!label[0] && s > 0 && (w->buf[s - 1] == ',' || w->buf[s - 1] == ';' ||
                                   w->buf[s - 1] == '\t' || w->buf[s - 1] == '"' ||
                                   w->buf[s - 1] == '\n'))
                csv_label(w, s, e, label, sizeof(label));
        if (!label[0])
                return false;
        lw = label + strlen(label);
        while (lw > label && lw[-1] != ' ' && lw[-1] != '_' && lw[-1] != '-' && lw[-1] != '.')
                lw--;
        if (streq(lw, "name") && lw > label + 1) { /* "first name", "given_name" */
                const char *pw = lw - 1;

                while (pw > label && pw[-1] != ' ' && pw[-1] != '_' && pw[-1] != '-' &&
                       pw[-1] != '.')
                        pw--;
                return lw - 1 - pw == 5 && (!strncmp(pw, "first", 5) || !strncmp(pw, "given", 5));
        }
        return in_list(lw, given);
}

/* Under a person's label, the end of the name with the surnames that the edge rule took off
 * the run as ordinary words put back: "Name: Morag Hedge", a full_name cell "Ava Bush" (no
 * place, organisation, initial, number or never_names[] word). */
static __attribute__((noinline)) size_t label_tail(const struct run *r, size_t e)
{
        for (unsigned k = r->b; k < r->n; k++) {
                const struct tok *t = &r->t[k];

                if (!t->upper || t->allcaps || t->digit || t->dot || !(t->lex & LEX_SURNAME) ||
                    place_flags(t->lex) || TOK_IN(t, never_names) || TOK_IN(t, orgs))
                        break;
                e = t->e;
        }
        return e;
}

/* A given name alone that a list of given names may hold: no ordinary word, place, initial
 * or word in capitals ("Declan", not "Will", "Florence" or "JO"). */
static bool list_given(const struct tok *t)
{
        return (t->lex & LEX_GIVEN) && !(t->lex & LEX_WORD) && !place_flags(t->lex) && !t->dot &&
               !t->allcaps && t->n >= 2;
}

/* The bytes of a list's separator at p: ", ", " and ", ", and ", " & ", " und ", " et ",
 * " y ", " e ", " en "; 0 when there is none. */
static size_t list_sep_at(const char *b, size_t len, size_t p)
{
        static const char *const seps[] = { ", and ", ", ", " and ", " & ", " und ", " et ",
                                            " y ", " e ", " en ", " og ", " och ", NULL };

        /* most runs are followed by neither ", " nor a space and a short word's letter */
        if (p + 2 >= len || !((b[p] == ',' && b[p + 1] == ' ') ||
                              (b[p] == ' ' && strchr("a&ueyo", b[p + 1]) && b[p + 1])))
                return 0;
        for (const char *const *q = seps; *q; q++) {
                size_t n = strlen(*q);

                if (p + n <= len && memcmp(b + p, *q, n) == 0)
                        return n;
        }
        return 0;
}

/* Whether a finding of this walk that ended at end is the item before s in a list. */
static bool item_before(const struct walk *w, size_t end, size_t s)
{
        return end && end < s && s - end <= 6 && list_sep_at(w->buf, w->len, end) == s - end;
}

/* The run after a list's separator at e, into r2; false when there is none. */
static bool item_after(struct walk *w, size_t e, struct run *r2)
{
        size_t n = list_sep_at(w->buf, w->len, e), next;

        return n && e + n < w->len && upper_at(w->buf, w->len, e + n) &&
               build_run(w, e + n, r2, &next, NULL);
}

/* "We invited Declan, Aoife and Cian": a given name alone, in a list of them. The name
 * before it was a person this walk found, just before the separator, or the run after the
 * separator is a given name too (its first word, "Aoife Byrne"). */
static bool in_name_list(struct walk *w, const struct run *r)
{
        struct run r2;

        if (item_before(w, w->last_person_end, r->t[r->a].s))
                return true;
        if (!item_after(w, r->t[r->b - 1].e, &r2))
                return false;
        return r2.n <= 2 && list_given(&r2.t[0]) && (r2.n == 1 || !pure_word(&r2.t[1]));
}

/* "between Ludlow and Church Stretton", "in Broseley and Cleobury Mortimer": a run in a list
 * of places, the one before it a place this walk found just before the separator, or the
 * run after the separator a place of the lexicon. */
static bool in_place_list(struct walk *w, const struct run *r)
{
        struct run r2;
        unsigned lex = 0;

        if (item_before(w, w->last_loc_end, r->t[r->a].s))
                return true;
        if (!item_after(w, r->t[r->b - 1].e, &r2))
                return false;
        for (unsigned k = 0; k < r2.n; k++)
                lex |= r2.t[k].lex;
        return place_flags(phrase_flags(&r2, 0, r2.n)) ||
               (r2.n == 1 && place_flags(lex) && !(lex & (LEX_WORD | LEX_GIVEN)));
}

/* Whether the word [p, q) is a capitalised given name of the lexicon that is neither an
 * ordinary word nor a place ("Ananya", "Iolo"; not "Grace", "Florence"). */
static bool plain_given_at(const struct walk *w, size_t p, size_t q)
{
        char low[WORD_MAX + 1];
        unsigned lex;

        if (q <= p + 1 || q - p > WORD_MAX || !upper_at(w->buf, w->len, p) ||
            upper_at(w->buf, w->len, p + 1) ||
            !pii_lex_lower(w->buf + p, q - p, low, sizeof(low)))
                return false;
        lex = word_lex(low, q - p, pii_lex_hash(low, q - p));
        return (lex & LEX_GIVEN) && !(lex & LEX_WORD) && !place_flags(lex) &&
               !(set_mask(low, q - p) & LB_never_names);
}

/* "Ananya & Jon", "Morag and Iain": the run [s, e), one word, joined by "&" or "and" to a
 * plain given name (plain_given_at) after or before it. */
static bool given_pair(const struct walk *w, size_t s, size_t e)
{
        const char *b = w->buf;
        size_t p, q;
        bool digit, amp_before = s >= 3 && b[s - 2] == '&' && b[s - 3] == ' ';

        /* after: " & X" or " and X", not "X's" (Ben & Jerry's); after '&' before the run,
         * only its other side ("Marks & Spencer and Johnson") */
        if (e + 3 < w->len && b[e] == ' ' && !amp_before) {
                p = e + 1;
                if (b[p] == '&' && b[p + 1] == ' ')
                        p += 2;
                else if (p + 4 < w->len && !memcmp(b + p, "and ", 4))
                        p += 4;
                else
                        p = 0;
                if (p && (q = word_end(b, w->len, p, &digit)) > p && !digit &&
                    !(q < w->len && (b[q] == '\'' || b[q] == '&')) && plain_given_at(w, p, q))
                        return true;
        }
        /* before: "X & " or "X and " */
        if (s >= 4 && b[s - 1] == ' ' && !(e + 2 < w->len && b[e + 1] == '&' && !amp_before)) {
                q = 0;
                if (b[s - 2] == '&' && b[s - 3] == ' ')
                        q = s - 3;
                else if (s >= 6 && !memcmp(b + s - 5, " and", 4))
                        q = s - 5;
                if (q) {
                        p = q;
                        while (p > 0 && q - p <= WORD_MAX && letter_at(b, w->len, p - 1) == 1)
                                p--;
                        if ((p == 0 || !wordish(b, w->len, p - 1)) && plain_given_at(w, p, q))
                                return true;
                }
        }
        return false;
}

/* An HL7 v2 segment's person name or address part: the capital at s starts the family,
 * given or middle component of a name field (PID-5 "FAMILY^GIVEN^MIDDLE", NK1-2, a
 * doctor's PV1-7 "ID^FAMILY^GIVEN"), or the unit, city or state of an address field
 * (PID-11). Returns the end of the name's components (past the middle initial) or of the
 * address's component, and its type in *type; 0 when s is in none. */
static size_t hl7_name(const struct walk *w, size_t s, unsigned *type)
{
        /* segment, field, and its kind: a name (XPN), an id then a name (XCN), an address
         * (XAD: street, other designation, city, state, postcode, country) */
        enum { XPN, XCN, XAD };
        static const struct {
                char seg[4];
                unsigned char field, kind;
        } fields[] = {
                { "GT1", 3, XPN },  { "GT1", 5, XAD },  { "IN1", 16, XPN }, { "MRG", 7, XPN },
                { "NK1", 2, XPN },  { "NK1", 4, XAD },  { "OBR", 16, XCN }, { "ORC", 12, XCN },
                { "PD1", 4, XCN },  { "PID", 5, XPN },  { "PID", 6, XPN },  { "PID", 9, XPN },
                { "PID", 11, XAD }, { "PV1", 7, XCN },  { "PV1", 8, XCN },  { "PV1", 9, XCN },
                { "PV1", 17, XCN }, { "ROL", 4, XCN },  { "TXA", 9, XCN },
        };
        const char *b = w->buf;
        size_t lo = s > 1024 ? s - 1024 : 0, ls, p, q;
        const char *nl;
        unsigned field = 0, comp = 1, first, last;
        int k = -1;

        if (s == 0 || (b[s - 1] != '|' && b[s - 1] != '^'))
                return 0;
        nl = memrchr(b + lo, '\n', s - lo);
        if (!nl && lo > 0)
                return 0;
        ls = nl ? (size_t)(nl - b) + 1 : 0;
        if (ls + 4 > s || b[ls + 3] != '|' || !(b[ls] >= 'A' && b[ls] <= 'Z'))
                return 0;
        for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
                if (memcmp(b + ls, fields[i].seg, 3) == 0) {
                        k = (int)i;
                        break;
                }
        if (k < 0)
                return 0;
        for (p = ls + 3; p < s; p++) {
                if (b[p] == '|') {
                        field++;
                        comp = 1;
                } else if (b[p] == '^') {
                        comp++;
                } else if (b[p] == '~') { /* a repetition starts the components again */
                        comp = 1;
                }
        }
        for (size_t i = (size_t)k; i < sizeof(fields) / sizeof(fields[0]) &&
                                   memcmp(fields[i].seg, b + ls, 3) == 0;
             i++) {
                if (fields[i].field != field)
                        continue;
                if (fields[i].kind == XAD) {
                        /* the other designation (a unit), the city and the state: one
                         * component each */
                        if (comp < 2 || comp > 4)
                                return 0;
                        *type = comp == 2 ? T_STREET_ADDRESS : T_LOCATION;
                        for (q = s; q < w->len && b[q] != '|' && b[q] != '~' && b[q] != '^' &&
                                    b[q] != '\n';
                             q++)
                                ;
                        return q;
                }
                *type = T_PERSON;
                first = fields[i].kind == XCN ? 2 : 1;
                last = first + 2;
                if (comp < first || comp > last)
                        return 0;
                /* the end of the last name component of the field */
                for (q = s; q < w->len && b[q] != '|' && b[q] != '~' && b[q] != '\n'; q++)
                        if (b[q] == '^' && ++comp > last)
                                break;
                while (q > s && b[q - 1] == '^')
                        q--;
                return q;
        }
        return 0;
}

/* Where a speaker's label may start: at a line's start, after a time stamp ("[00:12:03] ",
 * "00:12 ") or a channel's tag ("[chat] ", "[#general] "), or inside parentheses after a
 * role ("HOST (MELODY CHEN):"). `stamped`: after a time stamp or a tag. */
static bool speaker_start(const struct walk *w, size_t s, bool paren, bool *stamped)
{
        const char *b = w->buf;
        size_t p = s, k = 0;

        *stamped = false;
        if (paren) { /* the role: one to three words of letters, from the line's start */
                if (p < 3 || b[p - 1] != '(' || b[p - 2] != ' ')
                        return false;
                p -= 2;
                while (p > 0 && k < 32 &&
                       (((b[p - 1] | 0x20) >= 'a' && (b[p - 1] | 0x20) <= 'z') ||
                        b[p - 1] == ' ' || b[p - 1] == '.')) {
                        p--;
                        k++;
                }
                return k > 0 && k < 32 && line_start_before(w, p);
        }
        while (p > 0 && b[p - 1] == ' ')
                p--;
        /* a chat export's "14/11/2026, 18:04 - ", "12/02/24, 7:41 pm - " */
        if (p >= 3 && b[p - 1] == '-' && b[p - 2] == ' ' && is_digit(b[p - 3]))
                p -= 2;
        else if (p >= 6 && b[p - 1] == '-' && b[p - 2] == ' ' && (b[p - 3] | 0x20) == 'm' &&
                 ((b[p - 4] | 0x20) == 'a' || (b[p - 4] | 0x20) == 'p') && b[p - 5] == ' ' &&
                 is_digit(b[p - 6]))
                p -= 5;
        if (p > 0 && b[p - 1] == ']') { /* [00:12:03], [14/11/2026, 18:03:40], [9:41 AM] */
                p--;
                while (p > 0 && k < 32 &&
                       (is_digit(b[p - 1]) || (b[p - 1] && strchr(":./, -", b[p - 1])) ||
                        ((b[p - 1] == 'M' || b[p - 1] == 'm') && p >= 2 &&
                         strchr("AaPp", b[p - 2])) ||
                        (b[p - 1] && strchr("AaPp", b[p - 1]) && (b[p] == 'M' || b[p] == 'm')))) {
                        p--;
                        k++;
                }
                if (k == 0 || k >= 32 || p == 0 || b[p - 1] != '[' || !memchr(b + p, ':', k)) {
                        /* a channel's or a tool's tag, "[chat] ", "[#general] ": letters,
                         * then the line's start; no time stamp */
                        p = s;
                        while (p > 0 && b[p - 1] == ' ')
                                p--;
                        if (p == s || b[p - 1] != ']')
                                return false;
                        p--;
                        k = 0;
                        while (p > 0 && k < 24 && b[p - 1] != '[' &&
                               (((b[p - 1] | 0x20) >= 'a' && (b[p - 1] | 0x20) <= 'z') ||
                                b[p - 1] == '#' || b[p - 1] == '-' || b[p - 1] == '_')) {
                                p--;
                                k++;
                        }
                        if (k == 0 || k >= 24 || p == 0 || b[p - 1] != '[')
                                return false;
                        *stamped = true;
                        return line_start_before(w, p - 1);
                }
                p--;
                *stamped = true;
        } else if (p > 0 && is_digit(b[p - 1])) { /* 00:12, 14/11/2026, 18:04 */
                while (p > 0 && k < 24 &&
                       (is_digit(b[p - 1]) || (b[p - 1] && strchr(":./, ", b[p - 1])))) {
                        p--;
                        k++;
                }
                if (k < 4 || k >= 24 || !memchr(b + p, ':', k))
                        return false;
                *stamped = true;
        }
        return line_start_before(w, p);
}

/* A role in parentheses after a speaker's name, then ':': "Marieke (Agent):", "Tom (host):". */
static bool role_after(const struct walk *w, size_t e)
{
        const char *b = w->buf;
        size_t p = e + 2;

        if (e + 4 >= w->len || b[e] != ' ' || b[e + 1] != '(')
                return false;
        while (p < w->len && p - e < 26 &&
               (((b[p] | 0x20) >= 'a' && (b[p] | 0x20) <= 'z') || b[p] == ' '))
                p++;
        return p > e + 2 && p + 1 < w->len && b[p] == ')' && b[p + 1] == ':';
}

/* A speaker's label in a transcript: "KOFI:", "Melody Chen:", "JUDGE HARRIS:", "HOST
 * (MELODY CHEN):", the run then ':' (or "):"), where speaker_start() says. The words: a title
 * (weak ones too: JUDGE) and a name, or a given name first, no place and no organisation;
 * one word is a given name that is no ordinary word ("KOFI", not "NOTE" or "BOB"). Returns the
 * first token of the name, or -1. */
static const char *const bank_labels[] = { "iban", "bic", "sepa", NULL };
/* A transcript's roles, which speak but are no names ("[10:02] Cliente:", "caller:") */
static const char *const speaker_roles[] = { "caller", "agent", "customer", "client", "cliente",
                                             "agente", "operator", "operador", "operatore",
                                             "advisor", "kunde", "kundin", "klant", "user",
                                             "bot", "system", "support", "admin", "moderator",
                                             "me", NULL };

static int speaker_label(struct walk *w, const struct run *r)
{
        const char *b = w->buf;
        size_t s = r->t[0].s, e = r->t[r->n - 1].e;
        unsigned a = 0, n = r->n;
        const struct tok *f, *l;
        bool stamped;

        if (e >= w->len || !(b[e] == ':' || (b[e] == ')' && e + 1 < w->len && b[e + 1] == ':') ||
                             role_after(w, e)))
                return -1;
        if (!speaker_start(w, s, b[e] == ')', &stamped))
                return -1;
        while (a + 1 < n && is_title_abbr(&r->t[a]))
                a++;
        if (n - a > 3)
                return -1;
        for (unsigned k = a; k < n; k++) {
                const struct tok *t = &r->t[k];

                if (t->digit || !t->upper || TOK_IN(t, never_names) || TOK_IN(t, orgs))
                        return -1;
        }
        /* a bank form's label, not a speaker: "IBAN: DE89 ...", though Iban is a given name
         * (a letter's "Dear Iban," is still a name) */
        if (n - a == 1 && (in_list(r->t[a].low, bank_labels) ||
                           in_list(r->t[a].low, speaker_roles) || TOK_IN(&r->t[a], mail_labels)))
                return -1;
        /* a place's name, unless a given name after a time stamp ("[10:30] Lori:"; Lori
         * is an Armenian province; not a country or a big city, "[10:30] Paris:") */
        if (place_flags(phrase_flags(r, a, n)) &&
            !(stamped && n - a == 1 && (r->t[a].lex & LEX_GIVEN) &&
              !(r->t[a].lex & (LEX_COUNTRY | LEX_CITY_BIG))))
                return -1;
        if (a > 0)
                return (int)a;
        f = &r->t[a];
        l = &r->t[n - 1];
        /* after a time stamp, a name of no lexicon speaks too ("[18:03] Tommo:", "[09:02]
         * Mere Rangihau:"): words that are neither ordinary words nor places, mixed case */
        if (stamped && !(f->lex & LEX_GIVEN) && !f->dot && n - a <= 2 && !f->allcaps &&
            !l->allcaps && !pure_word(l) && !(n - a == 2 && pure_word(f) && pure_word(l)) &&
            !place_flags(f->lex | l->lex) && f->n >= 3 && !camel(w, f) && !camel(w, l))
                return 0;
        if (!(f->lex & LEX_GIVEN) || f->dot)
                return -1;
        /* after a time stamp or a tag, a given name that is a word, a town or a region too
         * speaks ("[00:00:57] Rose:", "[chat] Amara:", "[10:30] Lori:", "[10:31] Georgia:");
         * a country's name does not */
        if (n == 1)
                return (!(f->lex & LEX_WORD) || stamped) &&
                                       (!place_flags(f->lex) ||
                                        (stamped && !(f->lex & LEX_COUNTRY))) &&
                                       f->n >= 2 ?
                               0 :
                               -1;
        /* "GRANT SHAPPS", "ROSE TYLER", not "BLUE WATER" */
        if (pure_word(l) || ((f->lex & LEX_WORD) && (l->lex & LEX_WORD) &&
                             !((f->lex & LEX_GIVEN_TOP) && (l->lex & LEX_SURNAME_TOP))))
                return -1;
        return 0;
}

/* Whether a run of one word with these lexicon flags, word lists and street_suffix() is
 * dropped before any rule (decide; lone_word() asks before the run is built). */
static inline bool lone_dropped(unsigned lex, unsigned sets, bool street_suffix)
{
        return (((lex & LEX_WORD) &&
                 !(lex & (LEX_GIVEN | LEX_SURNAME | LEX_CITY | LEX_REGION | LEX_COUNTRY)) &&
                 !(lex & (LEX_STREET | LEX_STREET_BEFORE))) ||
                (sets & LB_never_names)) &&
               !street_suffix;
}

/* The start of the small particle (particles[]) and space just before s ("van " before
 * "Berg"), or s when there is none. */
static inline size_t particle_before(const char *b, size_t s)
{
        size_t q;

        if (s < 3 || b[s - 1] != ' ' || !(b[s - 2] >= 'a' && b[s - 2] <= 'z'))
                return s;
        if (b[s - 3] >= 'a' && b[s - 3] <= 'z' ? !(particle_end[(unsigned char)b[s - 2]] >>
                                                   (b[s - 3] - 'a') & 1)
                                               : !particle_end_alone[(unsigned char)b[s - 2]])
                return s;
        q = s - 1;
        while (q > 0 && b[q - 1] >= 'a' && b[q - 1] <= 'z' && s - q <= particle_max + 1)
                q--;
        if (q == s - 1 || s - 1 - q > particle_max ||
            /* the first two letters before the lookup: "the", "and", "of" are none */
            (s - 1 - q == 1 ? !particle_alone[(unsigned char)b[q]]
                            : !(particle_second[(unsigned char)b[q]] >> (b[q + 1] - 'a') & 1)) ||
            (q > 0 && (byte_class[(unsigned char)b[q - 1]] & BC_ALNUM)) ||
            !(set_mask(b + q, s - 1 - q) & LB_particles))
                return s;
        return q;
}

/* A surname led by particles, under a person's label: "Customer: van der Berg, Anna",
 * "Name: De La Cruz, Maria", "NAME: DE LA CRUZ, MARIA". The walk starts a run at a capital,
 * so the small particles before it are looked for here; capitalised ones are the run's first
 * words. The run is those particles and one surname (in capitals if they are), no ordinary
 * word that is none. *done is set when the name is emitted. */
static __attribute__((noinline)) int particle_surname(struct walk *w, const struct run *r,
                                                   bool *done)
{
        const char *b = w->buf;
        const struct tok *sn = &r->t[r->n - 1];
        size_t s = r->t[0].s, e;
        unsigned np = 0;
        char label[40];

        *done = false;
        for (unsigned k = 0; k + 1 < r->n; k++)
                if (!TOK_IN(&r->t[k], particles) || r->t[k].allcaps != sn->allcaps)
                        return 0;
        if (sn->digit || sn->dot || !(sn->lex & LEX_SURNAME) || TOK_IN(sn, never_names) ||
            (weak_word(sn) && !(sn->lex & LEX_SURNAME_TOP)))
                return 0;
        /* the small particles before it, one space apart: " van der " */
        while (np < 3 && !sn->allcaps) {
                size_t q = particle_before(b, s);

                if (q == s)
                        break;
                s = q;
                np++;
        }
        if (r->n + np < 2)
                return 0;
        label_scan(w, s, label, sizeof(label));
        if (!label[0] || (set_mask(label, strlen(label)) & LB_mail_labels) ||
            !person_name_label(label, set_mask(label, strlen(label))))
                return 0;
        e = comma_given(w, sn->e);
        *done = true;
        return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.85f);
}

/* The run's words [a, b) as a small town of towns.txt (LEX_TOWN): one word that is neither
 * an ordinary word nor a given name nor a frequent surname, or a multi-word town ("Forest
 * Row", "Hebden Bridge"). The rules ask it only where the context is a place's. */
static bool is_town(const struct run *r, unsigned a, unsigned b, unsigned lexor)
{
        if (b - a == 1)
                return (lexor & LEX_TOWN) &&
                       !(lexor & (LEX_WORD | LEX_GIVEN | LEX_SURNAME_TOP)) && !r->t[a].allcaps;
        return b - a >= 2 && (r->t[a].lex & LEX_TOWN_PHRASE) &&
               (phrase_lookup(r, a, b) & LEX_TOWN);
}

/* A known region or country, or a big city that is no name, starts at p: "Kritsa, Crete"
 * (not "van Rossum, David": David is a town of Panama too). */
/* The lexicon's flags of the capitalised word at p (letters, 2 to WORD_MAX bytes), its
 * lower case in low[WORD_MAX + 1] and its end in *ret_e; *ret_e is p when there is none. */
static unsigned cap_word_at(const struct walk *w, size_t p, char *low, size_t *ret_e)
{
        bool digit;
        size_t q;

        *ret_e = p;
        if (p >= w->len || !upper_at(w->buf, w->len, p))
                return 0;
        q = word_end(w->buf, w->len, p, &digit);
        if (digit || q <= p + 1 || q - p > WORD_MAX ||
            !pii_lex_lower(w->buf + p, q - p, low, WORD_MAX + 1))
                return 0;
        *ret_e = q;
        return word_lex(low, q - p, pii_lex_hash(low, q - p));
}

static bool place_word_at(const struct walk *w, size_t p)
{
        char low[WORD_MAX + 1];
        size_t q;
        unsigned lex = cap_word_at(w, p, low, &q);

        return (lex & (LEX_REGION | LEX_COUNTRY)) ||
               ((lex & LEX_CITY_BIG) && !(lex & (LEX_GIVEN | LEX_SURNAME | LEX_WORD)));
}

/* A city, region or country of the lexicon that is no given name starts at p: the town
 * after a street ("Thomas Street, Dublin 8"). */
static bool city_word_at(const struct walk *w, size_t p)
{
        char low[WORD_MAX + 1];
        size_t q;
        unsigned lex = cap_word_at(w, p, low, &q);

        return (lex & (LEX_CITY | LEX_CITY_BIG | LEX_REGION | LEX_COUNTRY)) && !(lex & LEX_GIVEN);
}

/* A postcode after the town at e: a UK one ("Birmingham B15 2TH"), or a US state's or
 * Canadian province's code then a ZIP or postal code ("Reno NV 89502", "Montréal QC H3B
 * 1A6"), then no word. */
static bool postcode_after(const struct walk *w, size_t e)
{
        const char *b = w->buf;
        size_t p = e + 1, q;

#define UP(i) (b[i] >= 'A' && b[i] <= 'Z')
        if (e + 7 > w->len || b[e] != ' ')
                return false;
        q = p;
        if (UP(p) && UP(p + 1) && b[p + 2] == ' ') { /* a state's or province's code */
                q = p + 3;
                while (q < w->len && b[q] == ' ')
                        q++;
        }
        /* a ZIP code; a Canadian postal code (A9A 9A9) */
        if (q + 5 <= w->len && is_digit(b[q]) && is_digit(b[q + 1]) && is_digit(b[q + 2]) &&
            is_digit(b[q + 3]) && is_digit(b[q + 4]))
                return q > p && (q + 5 == w->len || !wordish(b, w->len, q + 5));
        if (q + 7 <= w->len && UP(q) && is_digit(b[q + 1]) && UP(q + 2) && b[q + 3] == ' ' &&
            is_digit(b[q + 4]) && UP(q + 5) && is_digit(b[q + 6]))
                return q + 7 == w->len || !wordish(b, w->len, q + 7);
        if (q > p)
                return false;
        /* UK: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA */
        if (!UP(q))
                return false;
        q++;
        if (UP(q))
                q++;
        if (q >= w->len || !is_digit(b[q]))
                return false;
        q++;
        if (q < w->len && (is_digit(b[q]) || UP(q)))
                q++;
        if (q + 4 > w->len || b[q] != ' ' || !is_digit(b[q + 1]) || !UP(q + 2) || !UP(q + 3))
                return false;
        return q + 4 == w->len || !wordish(b, w->len, q + 4);
#undef UP
}

/* A city's airport code after it in an itinerary: "HANOI (HAN)", "LONDON LHR", "Warsaw
 * WAW": three capitals in parentheses, or after one or two spaces and before a space or
 * the line's end. */
static bool iata_after(const struct walk *w, size_t e)
{
        const char *b = w->buf;
        size_t p = e;

        if (e + 4 > w->len || b[p] != ' ')
                return false;
        p++;
        if (p < w->len && b[p] == ' ')
                p++;
        if (p < w->len && b[p] == '(') {
                return p + 5 <= w->len && b[p + 1] >= 'A' && b[p + 1] <= 'Z' && b[p + 2] >= 'A' &&
                       b[p + 2] <= 'Z' && b[p + 3] >= 'A' && b[p + 3] <= 'Z' && b[p + 4] == ')';
        }
        return p + 4 <= w->len && b[p] >= 'A' && b[p] <= 'Z' && b[p + 1] >= 'A' &&
               b[p + 1] <= 'Z' && b[p + 2] >= 'A' && b[p + 2] <= 'Z' &&
               (p + 3 == w->len || b[p + 3] == ' ' || b[p + 3] == '\n');
}

/* Whether the street that ends at the run's word st, with no house number, is one by a
 * preposition of place before it: "on Oak Lane", "onto Church Road", "in der Hauptstraße";
 * only the street types that name nothing else ("at Hyde Park", "at Pizza Place", "down
 * Memory Lane" are none). The name before the type is one to three capitalised words. */
static bool street_by_prep(struct walk *w, const struct run *r, unsigned st)
{
        static const char *const types[] = { "street", "road", "lane", "avenue", "drive",
                                             "boulevard", "crescent", "terrace", "parkway",
                                             "highway", NULL };
        static const char *const preps[] = { "on", "onto", "along", "off", "at", "near", "down",
                                             "up", "via", "past", "opposite", "into", "from",
                                             "der", "die", "den", NULL };
        static const char *const suffixes[] = { "straße", "strasse", "gasse", "allee", "damm",
                                                "ufer", "chaussee", "straat", "laan", "gracht",
                                                "gatan", "vägen", "veien", "vegen", NULL };
        const struct tok *t = &r->t[st];
        const struct prev *pm;
        size_t s = r->t[0].s;

        if (s < 3 || w->buf[s - 1] != ' ' || st > 3 || (st == 0 && !t->street_suffix) ||
            (st > 0 && !in_list(t->low, types)) || t->allcaps)
                return false;
        /* one word: of the endings that name streets only ("Nuremberg", "Watergate",
         * "Marienhof" are none), no place of the lexicon */
        if (st == 0) {
                bool ok = false;

                for (const char *const *x = suffixes; *x && !ok; x++) {
                        size_t n = strlen(*x);

                        ok = t->n > n + 2 && !memcmp(t->low + t->n - n, *x, n);
                }
                if (!ok || place_flags(t->lex))
                        return false;
        }
        for (unsigned k = 0; k < st; k++)
                if (!r->t[k].upper || r->t[k].allcaps || r->t[k].dot)
                        return false;
        if (st == 1 && streq(r->t[0].low, "memory"))
                return false;
        pm = prev_word(w, s, 0);
        if (pm->s == SIZE_MAX || pm->s + pm->n + 1 != s)
                return false;
        /* der/die/den only before a German street ("in der Hauptstraße") */
        if (pm->low[0] == 'd' && st > 0)
                return false;
        return in_list(pm->low, preps);
}

/* Whether a verb of person_verbs_after[] follows the word that ends at e: " said", " spent". */
static bool person_verb_after(const struct walk *w, size_t e)
{
        char nw[16];

        return e + 4 < w->len && small_word_after(w, e, nw) && in_list(nw, person_verbs_after);
}

/* A place of the lexicon whose name holds " and " after the run: "Bosnia and Herzegovina",
 * "Saint Vincent and the Grenadines", "Turks and Caicos Islands" (a run stops at a small
 * word). Its end, 0 when none: the words after "and" are capitalised (or "the", "of"), up to
 * five, and the whole is looked up after each capitalised one. */
static size_t and_place_after(const struct walk *w, const struct run *r)
{
        const char *b = w->buf;
        size_t s = r->t[0].s, p = r->t[r->n - 1].e + 5, best = 0;
        char key[64];

        /* byte by byte: a library memcmp per run was 0.8 % of prose's work */
        if (p + 4 > w->len || b[p - 4] != 'a' || b[p - 5] != ' ' || b[p - 3] != 'n' ||
            b[p - 2] != 'd' || b[p - 1] != ' ' ||
            !(upper_at(b, w->len, p) || !memcmp(b + p, "the ", 4)))
                return 0;
        for (int words = 0; words < 5 && p < w->len; words++) {
                size_t q = p;
                bool cap = upper_at(b, w->len, p);

                while (q < w->len && letter_at(b, w->len, q) > 0)
                        q += (size_t)letter_at(b, w->len, q);
                if (q == p || q - s >= sizeof(key) ||
                    (!cap && !((q - p == 3 && !memcmp(b + p, "the", 3)) ||
                               (q - p == 2 && !memcmp(b + p, "of", 2)))))
                        break;
                if (cap && pii_lex_lower(b + s, q - s, key, sizeof(key)) &&
                    place_flags(pii_lex_lookup(key, q - s)))
                        best = q;
                if (q + 1 >= w->len || b[q] != ' ')
                        break;
                p = q + 1;
        }
        return best;
}

/* The cell of a separated line (',' ';' '\t') that starts at p, when it is one capitalised
 * word and nothing else: its lexicon flags, *ce its end; ~0u when it is not. */
static unsigned word_cell_at(const struct walk *w, size_t p, char sep, size_t *ce)
{
        const char *b = w->buf;
        size_t q = p;
        char low[WORD_MAX + 1];

        if (p >= w->len || !upper_at(b, w->len, p))
                return ~0u;
        while (q < w->len && letter_at(b, w->len, q) > 0)
                q += letter_at(b, w->len, q);
        if (q - p < 2 || q - p > WORD_MAX ||
            !(q == w->len || b[q] == sep || b[q] == '\n' || b[q] == '\r'))
                return ~0u;
        *ce = q;
        if (!pii_lex_lower(b + p, q - p, low, sizeof(low)) || in_set(low, never_names))
                return ~0u; /* "May,June,July" */
        return word_lex(low, q - p, pii_lex_hash(low, q - p));
}

/* A headerless CSV's given name and surname, a cell each: "77678,John,Stephens,9190
 * Harrison Orchard,...". The run [s, e) is one word and a whole cell; it is a person's when
 * it is a given name and the next cell a surname (or a word of no list), or a surname (or no
 * word of a list) after a cell that is a given name. */
static bool name_cells(const struct walk *w, const struct tok *t)
{
        const char *b = w->buf;
        size_t s = t->s, e = t->e, ce = 0;
        char sep;
        unsigned lx;

        if (e >= w->len || (b[e] != ',' && b[e] != ';' && b[e] != '\t') || t->allcaps ||
            t->dot || t->digit || TOK_IN(t, never_names))
                return false;
        sep = b[e];
        if (s > 0 && b[s - 1] != sep && b[s - 1] != '\n')
                return false;
        /* the given name, before the surname's cell; not two ordinary words ("Red,Green") */
        if ((t->lex & LEX_GIVEN) && (!(t->lex & LEX_WORD) || (t->lex & LEX_GIVEN_TOP)) &&
            (lx = word_cell_at(w, e + 1, sep, &ce)) != ~0u && ((lx & LEX_SURNAME) || !lx) &&
            !place_flags(lx & ~(unsigned)LEX_CITY) &&
            !((t->lex & LEX_WORD) && (lx & LEX_WORD)))
                return true;
        /* the surname, after the given name's cell */
        if (s >= 3 && b[s - 1] == sep && ((t->lex & LEX_SURNAME) || !t->lex) &&
            !place_flags(t->lex & ~(unsigned)LEX_CITY)) {
                size_t p = s - 1;

                while (p > 0 && letter_at(b, w->len, p - 1) == 1)
                        p--;
                if (p < s - 1 && (p == 0 || b[p - 1] == sep || b[p - 1] == '\n') &&
                    (lx = word_cell_at(w, p, sep, &ce)) != ~0u && ce == s - 1 &&
                    (lx & LEX_GIVEN) && (!(lx & LEX_WORD) || (lx & LEX_GIVEN_TOP)) &&
                    !((lx & LEX_WORD) && (t->lex & LEX_WORD)))
                        return true;
        }
        return false;
}

/* Whether the word before p (the start of "to") is a verb of worship or dedication: "prayed
 * to Saint Anthony", "dedicated to St Mary". */
static bool prayed_before(struct walk *w, size_t p)
{
        static const char *const verbs[] = { "prayed", "pray", "prays", "praying", "dedicated",
                                             "devoted", "thanks", "hymn", "ode", NULL };
        const struct prev *pm = prev_word(w, p, 0);

        return pm->s != SIZE_MAX && in_list(pm->low, verbs);
}

/* A year in a sentence right before s: " 19dd " or " 20dd " after a word in small letters
 * ("in the winter of 2022 Laura arranged"), which postcode_before() takes for a postcode. */
static bool year_in_prose_before(const char *b, size_t s)
{
        return s >= 7 && b[s - 1] == ' ' && b[s - 6] == ' ' &&
               ((b[s - 5] == '1' && b[s - 4] == '9') || (b[s - 5] == '2' && b[s - 4] == '0')) &&
               is_digit(b[s - 3]) && is_digit(b[s - 2]) && b[s - 7] >= 'a' && b[s - 7] <= 'z';
}

/* A directory's row or a table's cell "Last, First" alone in its column: the run t (one
 * word, at a line's start or after '|', spaces before it) then ", " and one or two
 * capitalised words, then the line's end, a tab, two spaces or '|' ("Dlamini, Thandeka
 * Senior Housing Officer", "Novak, Rose"). The surname no ordinary word but a surname's,
 * neither word a country, region or big city, the first after the comma a given name or a
 * word of no lexicon. Returns the end of the given names, 0 when it is none (attack 10: 7 of
 * its 61 such rows were missed, "Smith, John" among them). */
static size_t directory_name(struct walk *w, const struct tok *t)
{
        const char *b = w->buf;
        size_t q = t->s, e = t->e, ge;
        struct run r2;
        size_t next;
        const unsigned big = LEX_COUNTRY | LEX_REGION | LEX_CITY_BIG;

        while (q > 0 && (b[q - 1] == ' ' || b[q - 1] == '\t'))
                q--;
        if (!(q == 0 || b[q - 1] == '\n' || b[q - 1] == '|'))
                return 0;
        if (t->allcaps || t->dot || t->digit || (t->lex & big) || TOK_IN(t, never_names) ||
            camel(w, t) || ((t->lex & LEX_WORD) && !(t->lex & LEX_SURNAME)) || e + 3 >= w->len ||
            b[e] != ',' || b[e + 1] != ' ' || !upper_at(b, w->len, e + 2))
                return 0;
        /* identifiers are no names: "CloseFont, CloseFont", "ServiceBrowser, ..." */
        if (!build_run(w, e + 2, &r2, &next, NULL) || r2.n > 2 || r2.t[0].allcaps ||
            r2.t[0].dot || r2.t[0].digit || (r2.t[0].lex & big) || TOK_IN(&r2.t[0], never_names) ||
            camel(w, &r2.t[0]) || streq(r2.t[0].low, t->low) ||
            !((r2.t[0].lex & LEX_GIVEN) || !(r2.t[0].lex & LEX_WORD)))
                return 0;
        if (r2.n == 2 && (r2.t[1].allcaps || (r2.t[1].lex & big) ||
                          ((r2.t[1].lex & LEX_WORD) && !(r2.t[1].lex & LEX_GIVEN) &&
                           !(r2.t[1].dot && r2.t[1].n == 1))))
                return 0;
        ge = r2.t[r2.n - 1].e;
        if (!(ge == w->len || b[ge] == '\n' || b[ge] == '\r' || b[ge] == '\t' || b[ge] == '|' ||
              (ge + 1 < w->len && b[ge] == ' ' && (b[ge + 1] == ' ' || b[ge + 1] == '|'))))
                return 0;
        return ge;
}

/* A given name alone before " and " or " & " and a couple's second given name and surname:
 * "Grant and Hope Ellison", "Mark & Joy Oyelowo", "Kemi & Tunde Bakare". Returns whether the
 * run t is that first name (attack 10: 6 such names missed, most of them ordinary words). */
static bool couple_first(struct walk *w, const struct tok *t)
{
        const char *b = w->buf;
        size_t e = t->e, p;
        struct run r2;
        size_t next;

        if (t->allcaps || t->dot || t->digit || !(t->lex & LEX_GIVEN) ||
            place_flags(t->lex) || TOK_IN(t, never_names))
                return false;
        if (e + 6 < w->len && !memcmp(b + e, " and ", 5))
                p = e + 5;
        else if (e + 4 < w->len && !memcmp(b + e, " & ", 3))
                p = e + 3;
        else
                return false;
        if (!upper_at(b, w->len, p) || !build_run(w, p, &r2, &next, NULL) || r2.n != 2)
                return false;
        return (r2.t[0].lex & LEX_GIVEN) && !place_flags(r2.t[0].lex | r2.t[1].lex) &&
               !r2.t[0].allcaps && !r2.t[1].allcaps && !r2.t[1].dot &&
               !(r2.t[1].lex & LEX_WORD) && !TOK_IN(&r2.t[1], orgs) &&
               (r2.t[1].e == w->len || !upper_at(b, w->len, r2.t[1].e + 1));
}

static const char *const dateline_articles[] = { "le ", "den ", "am ", "el ", "il ", "a ",
                                                 "dnia ", "dne ", NULL };

/* Whether a numeric date is at p, a digit, and ends its line or its sentence: a day and a
 * month of 1-2 digits and a year of 2 or 4, joined by one of '.', '/' or '-' twice
 * ("10.03.2025", "11/03/2025", "3-5-24"). */
static bool numeric_date_at(const char *b, size_t len, size_t p)
{
        size_t q = p, n;
        char sep = 0;

        for (unsigned part = 0; part < 3; part++) {
                for (n = 0; q < len && is_digit(b[q]) && n < 5; q++)
                        n++;
                if (part < 2 ? (n < 1 || n > 2) : (n != 2 && n != 4))
                        return false;
                if (part == 2)
                        break;
                if (q >= len || (b[q] != '.' && b[q] != '/' && b[q] != '-') ||
                    (sep && b[q] != sep))
                        return false;
                sep = b[q++];
        }
        return q == len || b[q] == '\n' || b[q] == '\r' ||
               ((b[q] == '.' || b[q] == ',' || b[q] == ' ') &&
                (q + 1 == len || !is_digit(b[q + 1])));
}

/* Whether a date goes on at p, a digit: a day of 1-2 digits, '.' or ' ', a month's word,
 * then a year or " de " ("7 Kasım 2023", "30 de outubro", "20 mars 2024"). */
static bool dateline_rest(const char *b, size_t len, size_t p)
{
        size_t q = p + 1, m;

        if (q < len && is_digit(b[q]))
                q++;
        if (q < len && b[q] == '.')
                q++;
        if (q + 1 >= len || b[q] != ' ')
                return false;
        q++;
        if (q + 3 < len && memcmp(b + q, "de ", 3) == 0)
                return true;
        for (m = q; m < len && m - q < 16 &&
                    (((b[m] | 0x20) >= 'a' && (b[m] | 0x20) <= 'z') || (unsigned char)b[m] >= 0x80);)
                m++;
        if (m - q < 3 || m + 5 > len || b[m] != ' ')
                return false;
        if (memcmp(b + m, " de ", 4) == 0)
                return true;
        return is_digit(b[m + 1]) && is_digit(b[m + 2]) && is_digit(b[m + 3]) &&
               is_digit(b[m + 4]);
}

/* The end of one to three initials at p ("H.", "C. E.", "J.-P."), when a reference list's
 * next byte follows them: ',', ';', " (", " &" or " and"; 0 otherwise. */
static size_t initials_after(const struct walk *w, size_t p)
{
        const char *b = w->buf;
        size_t q = p;
        unsigned n = 0;

        while (n < 3 && q + 1 < w->len && b[q] >= 'A' && b[q] <= 'Z' && b[q + 1] == '.') {
                q += 2;
                n++;
                if (q + 2 < w->len && (b[q] == ' ' || b[q] == '-') && b[q + 1] >= 'A' &&
                    b[q + 1] <= 'Z' && b[q + 2] == '.')
                        q++;
        }
        if (!n || q >= w->len)
                return 0;
        if (b[q] == ',' || b[q] == ';')
                return q;
        if (q + 2 < w->len && b[q] == ' ' && (b[q + 1] == '(' || b[q + 1] == '&'))
                return q;
        if (q + 4 < w->len && memcmp(b + q, " and ", 5) == 0)
                return q;
        return 0;
}

/* The end of a nickname in quotes and the surname after the given name that ends at e:
 * ' "Vale" Cardozo', " 'Bob' Smith", " \u201cKiki\u201d Mwangi" (one capitalised word in
 * quotes, then one or two capitalised words, the last a surname of the lexicon or no
 * ordinary word, none a place); 0 when there is none. */
static size_t nickname_after(const struct walk *w, size_t e)
{
        const char *b = w->buf;
        size_t p = e + 1, q, n, end = 0;
        bool digit, curly;

        if (e + 8 >= w->len || b[e] != ' ')
                return 0;
        curly = (unsigned char)b[p] == 0xe2 && (unsigned char)b[p + 1] == 0x80 &&
                ((unsigned char)b[p + 2] == 0x9c || (unsigned char)b[p + 2] == 0x98);
        if (!curly && b[p] != '"' && b[p] != '\'')
                return 0;
        q = p + (curly ? 3 : 1);
        if (!upper_at(b, w->len, q))
                return 0;
        n = word_end(b, w->len, q, &digit);
        if (digit || n == q || n - q > 20 || n + 5 >= w->len)
                return 0;
        if (curly ? !((unsigned char)b[n] == 0xe2 && (unsigned char)b[n + 1] == 0x80 &&
                      ((unsigned char)b[n + 2] == 0x9d || (unsigned char)b[n + 2] == 0x99)) :
                    b[n] != b[p])
                return 0;
        p = n + (curly ? 3 : 1);
        for (unsigned k = 0; k < 2; k++) {
                unsigned lex;

                if (p + 2 >= w->len || b[p] != ' ' || !upper_at(b, w->len, p + 1))
                        break;
                q = word_end(b, w->len, p + 1, &digit);
                if (digit || q - (p + 1) < 2)
                        break;
                lex = ascii_lex(b, p + 1, q);
                if (place_flags(lex) || ((lex & LEX_WORD) && !(lex & LEX_SURNAME)))
                        break;
                if ((lex & LEX_SURNAME) || !(lex & LEX_WORD))
                        end = q;
                p = q;
        }
        return end;
}

/* Whether run r is a form's label: its words, lower-cased and joined by spaces, are one of
 * person_labels[] or place_labels[], and a colon follows (after spaces). */
static bool form_label_run(const struct walk *w, const struct run *r)
{
        char l[NAMES_LABEL_MAX];
        size_t n = 0, e = r->t[r->n - 1].e;

        while (e < w->len && w->buf[e] == ' ')
                e++;
        if (e >= w->len || w->buf[e] != ':')
                return false;
        for (unsigned k = 0; k < r->n; k++) {
                size_t m = strlen(r->t[k].low);

                if (n + m + 2 > sizeof(l))
                        return false;
                if (k)
                        l[n++] = ' ';
                memcpy(l + n, r->t[k].low, m);
                n += m;
        }
        l[n] = '\0';
        return (set_mask(l, n) & (LB_person_labels | LB_place_labels)) != 0;
}

/* The endings of East Slavic patronymics (Петрович, Сергеевна, Ильинична), in UTF-8. */
static const char *const patronymic_endings[] = {
        "ович", "евич", "ьич", "ична", "овна", "евна", "инична", "йович", "ьевич",
        /* their cases: Смирновой Екатерины Андреевны, Ивану Петровичу; Ukrainian -івна */
        "овны", "евны", "ичны", "овне", "евне", "овной", "евной", "овича", "евича", "овичу",
        "евичу", "овичем", "евичем", "івна", "ївна", "івни", "ївни", "івною", NULL
};

/* Whether c leads a Cyrillic or Greek letter in UTF-8 (U+0370-U+047F). */
static inline bool cyr_greek_lead(char c)
{
        unsigned char u = (unsigned char)c;

        return u >= 0xcd && u <= 0xd1;
}

/* The endings of East Slavic surnames (Иванов, Смирнова, Шевченко, Павловец). */
static const char *const slavic_surname_endings[] = {
        "ов", "ова", "ев", "ева", "ёв", "ёва", "ин", "ина", "ын", "ына", "ский", "ская",
        "цкий", "цкая", "енко", "ук", "юк", "ец", "ко", "ич", "ських", "ська", "ський",
        /* in their cases: Смирновой, Соколовой, Петрову */
        "овой", "евой", "иной", "ской", "цкой", "ову", "еву", "ину", "ого",
        /* Serbian, Montenegrin, Macedonian: Јовановић, Петровић, Стојановски */
        "ић", "вић", "ски", "ска", NULL
};

static bool ends_with_any(const char *lw, size_t m, const char *const *list)
{
        for (; *list; list++) {
                size_t pl = strlen(*list);

                if (m > pl + 2 && memcmp(lw + m - pl, *list, pl) == 0)
                        return true;
        }
        return false;
}

static bool long_patronymic(const char *w, size_t n)
{
        return n > PLAIN_MAX && cyr_greek_lead(w[0]) && ends_with_any(w, n, patronymic_endings);
}

/* Whether run r (Cyrillic) holds a given name of the lexicon and a patronymic after it: 1 +
 * the index of the name's first word (after a salutation or title: "Уважаемый Иван
 * Петрович"), 0 for none. */
static unsigned patronymic_run(const struct run *r)
{
        unsigned a = 0, g = UINT_MAX;

        /* a salutation, a title or a word in capitals first ("Уважаемый", "ФОП Шевчук") */
        while (a + 2 <= r->n && (TOK_IN(&r->t[a], salutations) || TOK_IN(&r->t[a], titles) ||
                                 r->t[a].allcaps))
                a++;
        for (unsigned k = a; k < r->n; k++) {
                const char *lw = r->t[k].low;
                size_t m = strlen(lw);

                if (!r->t[k].upper || r->t[k].allcaps || r->t[k].dot)
                        return 0;
                /* a patronymic after a given name of the lexicon, or after any capitalised
                 * word when its ending is a case's (the given name is in that case too,
                 * which the lexicon does not hold: Екатерины Андреевны) */
                if (g == UINT_MAX && k > a && m > 8 && ends_with_any(lw, m, patronymic_endings) &&
                    !(r->t[k].lex & LEX_WORD))
                        g = k - 1;
                if (g != UINT_MAX && k > g && ends_with_any(lw, m, patronymic_endings)) {
                        /* the surname before the given name ("Смирнова Ольга Петровна");
                         * else the name starts at the given name ("Пришёл Иван Сергеевич") */
                        if (g > a && ((r->t[g - 1].lex & LEX_SURNAME) ||
                                      ends_with_any(r->t[g - 1].low, strlen(r->t[g - 1].low),
                                                    slavic_surname_endings)))
                                g--;
                        return g + 1;
                }
                if ((r->t[k].lex & LEX_GIVEN) && g == UINT_MAX)
                        g = k;
        }
        return 0;
}

/* More words before a small town (towns.txt) that make it a place: at, around; the
 * prepositions of Swedish, Polish, Czech, Romanian, German (am, im), Vietnamese and
 * Indonesian. */
static const char *const town_preps[] = {
        "at", "around", "outside", "towards", "toward", "beyond", "am", "im", "bei", "i", "mot",
        "från", "till", "på", "w", "we", "z", "ze", "do", "od", "koło", "v", "ve", "u", "în",
        "din", "ở", "tại", "dari", "ke", "di", NULL
};

/* Street types after a name that name nothing but a street, with or without a number. */
static bool bare_street_type(const struct tok *t)
{
        static const char *const types[] = {
                "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "boulevard",
                "blvd", "crescent", "terrace", "highway", "hwy", "parkway", "pkwy", NULL
        };

        return t->upper && !t->digit && t->n <= 9 && in_list(t->low, types);
}

/* Whether t is a street type written out ("Avenue.", whose dot ends a sentence), not an
 * abbreviation ("Ave.", whose dot is its own). */
static bool full_street_word(const struct tok *t)
{
        static const char *const full[] = { "street", "road", "avenue", "lane", "boulevard",
                                            "crescent", "terrace", "highway", "parkway", NULL };
        char base[WORD_MAX + 1];
        size_t n = strlen(t->low);

        if (n < 2 || n > WORD_MAX)
                return false;
        memcpy(base, t->low, n);
        base[t->low[n - 1] == '.' ? n - 1 : n] = '\0';
        return in_list(base, full);
}

/* Head nouns of natural features and areas, last in their names. */
static const char *const features_last[] = {
        "mountains", "mountain", "valley", "hills", "river", "water", "island", "islands",
        "bay", "falls", "forest", "gorge", "peninsula", "moor", "moors", "dales", "beacons",
        "lakes", "coast", "canyon", "glacier", "fjord", "highlands", "lowlands", "plateau",
        "desert", "estuary", "creek", "shire", "downs", "fells", "marshes", "wetlands",
        "reservoir", "headland", "beach", "cove", "lagoon", "ridge", "sands", "harbour",
        "harbor", NULL
};

/* Prepositions of Polish, Czech, Slovak and the South Slavic languages before a place in
 * its case. */
static const char *const slavic_preps[] = { "w", "we", "z", "ze", "do", "od", "koło", "pod",
                                            "nad", "przy", "v", "ve", "u", "k", "ke", "iz",
                                            "kod",
                                            /* Russian and Ukrainian */
                                            "в", "во", "из", "на", "до", "у", "под", "от", "к",
                                            "с", "со", "через", "по", "из-под", "около", "із",
                                            "з", "біля", NULL };

/* town_preps[] and slavic_preps[] as hash sets, built once: their rules ask about the word
 * before most runs, and a list's strcmp() per entry was 2 % of the time on prose. */
#define PREP_SLOTS 128
static const char *prep_slot[3][PREP_SLOTS];
static pthread_once_t prep_once = PTHREAD_ONCE_INIT;

static uint8_t prep_first[256]; /* bit k: a word of set k starts with this byte */
static bool prep_last[256];      /* a word of slavic_preps ends with this byte */

static void prep_build(void)
{
        const char *const *lists[3] = { town_preps, slavic_preps, features_last };

        for (unsigned k = 0; k < 3; k++)
                for (const char *const *p = lists[k]; *p; p++) {
                        uint32_t h = pii_lex_hash(*p, strlen(*p)) & (PREP_SLOTS - 1);

                        while (prep_slot[k][h])
                                h = (h + 1) & (PREP_SLOTS - 1);
                        prep_slot[k][h] = *p;
                        prep_first[(unsigned char)**p] |= (uint8_t)(1u << k);
                        if (k == 1)
                                prep_last[(unsigned char)(*p)[strlen(*p) - 1]] = true;
                }
}

/* Whether word [w, w + n) is in set k (0: town_preps, 1: slavic_preps, 2: features_last). */
static bool prep_in(unsigned k, const char *word, size_t n)
{
        uint32_t h;

        if (n == 0 || n > 10)
                return false;
        if (!(prep_first[(unsigned char)word[0]] & (1u << k)))
                return false;
        for (h = pii_lex_hash(word, n) & (PREP_SLOTS - 1); prep_slot[k][h];
             h = (h + 1) & (PREP_SLOTS - 1))
                if (strlen(prep_slot[k][h]) == n && !memcmp(prep_slot[k][h], word, n))
                        return true;
        return false;
}

static bool town_prep(const char *pw)
{
        return (prep_first[(unsigned char)pw[0]] & 1) && prep_in(0, pw, strlen(pw));
}

/* Whether a preposition of slavic_preps[], in small letters, stands one space before s. */
static bool slavic_prep_before(const struct walk *w, size_t s)
{
        const char *b = w->buf;
        char pw[8];
        size_t p;

        /* the prepositions are one to four small letters (koło: five bytes); their last
         * letter is one of few */
        if (s < 2 || b[s - 1] != ' ' || !((b[s - 2] >= 'a' && b[s - 2] <= 'z') ||
                                          (unsigned char)b[s - 2] >= 0x80) ||
            !prep_last[(unsigned char)b[s - 2]])
                return false;
        p = s - 1;
        while (p > 0 && b[p - 1] != ' ' && b[p - 1] != '\n' && s - 1 - p < 6)
                p--;
        if (s - 1 - p == 0 || s - 1 - p >= sizeof(pw) || (p > 0 && b[p - 1] != ' ' && b[p - 1] != '\n'))
                return false;
        return (prep_first[(unsigned char)b[p]] & 2) && prep_in(1, b + p, s - 1 - p);
}

/* Whether token t is a place of the lexicon in a case of its own: an ending (Krakowie,
 * Łodzi, Opola, Jihlavě, Brně, Praze) off, and a nominative's ending ("", a, o, e; ha for
 * Praze) on, found as a city, region, country or town. Ordinary words never are. */
static bool inflected_place(const struct tok *t)
{
        static const struct { const char *end, *add; } forms[] = {
                { "ie", "" },  { "ie", "a" }, { "iu", "" },  { "u", "" },   { "a", "" },
                { "ia", "" },  { "iem", "" },
                { "a", "e" },  { "a", "o" },  { "y", "a" },  { "i", "" },   { "i", "a" },
                { "ě", "a" },  { "ě", "o" },  { "e", "a" },  { "ze", "ha" }, { "ou", "a" },
                { "ą", "a" },  { "em", "" },  { "ie", "o" }, { "ach", "y" }, { "u", "o" },
                /* Russian and Ukrainian: в Москву, из Москвы, в Москве (Москва); в Казани
                 * (Казань); из Новосибирска, в Петербурге (-ск, -бург); в Самаре */
                { "у", "а" },  { "ы", "а" },  { "е", "а" },  { "и", "ь" },  { "а", "" },
                { "е", "" },   { "ом", "" },  { "ой", "а" }, { "и", "а" },  { "і", "а" },
                { "у", "" },   { "я", "ь" },  { "ю", "ь" },  { "ego", "e" }, { "em", "e" },
        };
        char c[WORD_MAX + 4], f[WORD_MAX + 4];
        size_t n = strlen(t->low);

        if (!t->upper || t->allcaps || t->dot || t->digit || n < 4 || (t->lex & LEX_WORD))
                return false;
        for (size_t k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
                size_t el = strlen(forms[k].end), al = strlen(forms[k].add), fn;
                unsigned fl;

                if (n <= el + 2 || memcmp(t->low + n - el, forms[k].end, el) != 0 ||
                    n - el + al >= sizeof(c))
                        continue;
                memcpy(c, t->low, n - el);
                memcpy(c + n - el, forms[k].add, al);
                c[n - el + al] = '\0';
                fl = pii_lex_lookup(c, n - el + al);
                if ((fn = fold_ascii(c, n - el + al, f, sizeof(f))) != 0)
                        fl |= pii_lex_lookup(f, fn);
                /* not a given name that a city bears too ("к Владимиру") */
                if ((fl & (LEX_CITY | LEX_REGION | LEX_COUNTRY | LEX_TOWN)) &&
                    !(fl & (LEX_WORD | LEX_GIVEN)))
                        return true;
        }
        return false;
}

/* Whether the words of run r may be a name the lexicon lacks: capitalised, not in capitals,
 * no digits, dots, street endings or camel case, each of 2 to 14 letters. */
static bool unknown_name_run(const struct run *r)
{
        for (unsigned k = r->a; k < r->b; k++) {
                const struct tok *t = &r->t[k];

                if (!t->upper || t->allcaps || t->digit || t->dot || t->street_suffix ||
                    !t->no_camel || t->n < 2 || t->n > 28 || t->particle)
                        return false;
        }
        return true;
}

/* The last byte of an opening quote: ", ', and those of “ ‘ «. */
static inline bool quote_end_byte(char c)
{
        unsigned char u = (unsigned char)c;

        return u == '"' || u == '\'' || u == 0x9c || u == 0x98 || u == 0xab;
}

/* Words before a nickname in quotes. */
static const char *const nick_cues[] = {
        "known as", "know as", "knew as", "goes by", "went by", "alias", "aka", "a.k.a.", "called", "called him", "called her", "named",
        "nicknamed", "nickname", "s'appelait", "surnommé", "surnommée", "dit", "llamado",
        "llamada", "apodado", "apodada", "alias de", "genannt", "detto", "detta", "chamado",
        "chamada", "conhecido como", "conhecida como", "bijnaam", "zwany", "zwana", NULL
};

/* Whether run r's words may be a nickname: no camel case (ZeroConf, NumLock), no ordinary
 * word that is no given name (Standard Symbols), no word that is never a name. */
static bool nick_words(const struct run *r)
{
        for (unsigned k = 0; k < r->n; k++) {
                const struct tok *t = &r->t[k];

                if (!t->no_camel || TOK_IN(t, never_names) ||
                    ((t->lex & LEX_WORD) && !(t->lex & LEX_GIVEN)) || t->digit)
                        return false;
        }
        return true;
}

/* Whether [s, e) is in quotes (", ', “ ”, « », ‘ ’) after one of nick_cues[]. */
static bool nick_quoted(const struct walk *w, size_t s, size_t e)
{
        const char *b = w->buf;
        size_t q, open;

        if (s < 3 || e >= w->len)
                return false;
        if (b[s - 1] == '"' || b[s - 1] == '\'')
                open = 1;
        else if (s >= 3 && (!memcmp(b + s - 3, "\xe2\x80\x9c", 3) || !memcmp(b + s - 3, "\xe2\x80\x98", 3)))
                open = 3;
        else if (s >= 2 && !memcmp(b + s - 2, "\xc2\xab", 2))
                open = 2;
        else
                return false;
        if (!(b[e] == '"' || b[e] == '\'' || (e + 3 <= w->len && (!memcmp(b + e, "\xe2\x80\x9d", 3) ||
                                                                  !memcmp(b + e, "\xe2\x80\x99", 3))) ||
              (e + 2 <= w->len && !memcmp(b + e, "\xc2\xbb", 2))))
                return false;
        q = s - open;
        if (q > 0 && b[q - 1] == ' ')
                q--;
        return word_of_list_before(b, q, nick_cues);
}

/* The lexicon's flags of the capitalised word at p (0 with *ok false when none is there). */
static unsigned cap_word_lex(const struct walk *w, size_t p, size_t *ret_e, bool *ok)
{
        char low[WORD_MAX + 1];
        unsigned lex = cap_word_at(w, p, low, ret_e);

        *ok = *ret_e > p && !(set_mask(low, *ret_e - p) & LB_never_names);
        return lex;
}

/* A list of people, "backs: Jayden, Koby, Lachie, Wiremu", "Peer feedback: Nikhil, Amara
 * Diallo": whether the one capitalised word [s, e) (a given name of any list, or a word of
 * none) is an item of a list on its line, after its ':' if any, whose other items hold two
 * names at least that are surely persons (a given name that is no word and no place, or a
 * given name and a surname), and are so for half of them at least; or one such full name
 * beside a given name in a list of two or three. Items are split at ',', '+' and ';'
 * (attack 18: 20 such names). */
/* Read the items of pl's region. */
static void person_list_read(const struct walk *w, struct person_list *pl)
{
        const char *b = w->buf;
        size_t ls = pl->ls, le = pl->le;

        pl->read = true;
        pl->items = pl->strong = pl->full = pl->n = 0;
        for (size_t p = ls; p < le;) {
                size_t is, ie, q, k;
                unsigned words = 0, l0 = 0, ll = 0, kind = 0;
                bool ok, first_ok = false;

                while (p < le && (b[p] == ' ' || b[p] == '\t' || b[p] == '"'))
                        p++;
                is = p;
                while (p < le && b[p] != ',' && b[p] != '+' && b[p] != ';' && b[p] != '(')
                        p++;
                ie = p;
                if (p < le && b[p] == '(') /* a note in parentheses: "Summer (DofE student)" */
                        while (p < le && b[p] != ',' && b[p] != ';')
                                p++;
                p++;
                if (ie == is)
                        continue;
                pl->items++;
                for (q = is; q < ie && words < 4;) {
                        unsigned f = cap_word_lex(w, q, &k, &ok);

                        if (!ok)
                                break;
                        if (words == 0)
                                l0 = f, first_ok = true;
                        ll = f;
                        words++;
                        q = k;
                        while (q < ie && b[q] == ' ')
                                q++;
                }
                if (first_ok && q >= ie) {
                        if (words == 1 && (l0 & LEX_GIVEN) && !(l0 & LEX_WORD) && !place_flags(l0))
                                kind = 1;
                        else if (words >= 2 && words <= 3 && (l0 & LEX_GIVEN) &&
                                 ((ll & LEX_SURNAME) || !ll) && !place_flags(ll))
                                kind = 2;
                }
                pl->strong += kind == 1;
                pl->full += kind == 2;
                if (pl->n < PL_ITEMS) {
                        while (ie > is && (b[ie - 1] == ' ' || b[ie - 1] == '.' || b[ie - 1] == '"'))
                                ie--;
                        pl->is[pl->n] = is;
                        pl->ie[pl->n] = ie;
                        pl->kind[pl->n++] = kind;
                }
        }
}

/* A list of people, "backs: Jayden, Koby, Lachie, Wiremu", "Peer feedback: Nikhil, Amara
 * Diallo": whether the one capitalised word [s, e) (a given name of any list, or a word of
 * none) is an item alone of a list on its line, after its ':' if any, whose other items hold
 * two names at least that are surely persons (a given name that is no word and no place, or
 * a given name and a surname), and are so for half of them at least; or one such full name
 * beside a given name in a list of two or three. Items are split at ',', '+' and ';'
 * (attack 18: 20 such names). The region is read once for its words (w->plist). */
static bool person_list_item(struct walk *w, size_t s, size_t e, unsigned lex)
{
        const char *b = w->buf;
        struct person_list *pl = &w->plist;
        unsigned strong, full, k;

        /* the same region while no ':' comes between its start and s */
        if (!(pl->le && pl->ls <= s && s < pl->colon)) {
                /* the region: after the line's last ':' before s, to the line's end */
                const char *nl = memrchr(b, '\n', s), *co;
                size_t ls = nl ? (size_t)(nl - b) + 1 : 0;

                co = s > ls ? memrchr(b + ls, ':', s - ls) : NULL;
                pl->ls = co ? (size_t)(co - b) + 1 : ls;
                nl = memchr(b + e, '\n', w->len - e);
                pl->le = nl ? (size_t)(nl - b) : w->len;
                co = memchr(b + pl->ls, ':', pl->le - pl->ls);
                pl->colon = co ? (size_t)(co - b) : pl->le;
                pl->read = false;
        }
        if (s - pl->ls > 256 || pl->le - e > 256) /* a long row is no list of people */
                return false;
        if (!pl->read)
                person_list_read(w, pl); /* under 520 bytes: within 256 of both ends */
        if (pl->n != pl->items) /* more items than kept */
                return false;
        for (k = 0; k < pl->n && pl->is[k] != s; k++)
                ;
        if (k == pl->n || pl->ie[k] != e)
                return false; /* the word is no item alone */
        strong = pl->strong - (pl->kind[k] == 1);
        full = pl->full - (pl->kind[k] == 2);
        /* half of the other items at least, so that a list of languages or products with
         * a few given names in it ("Interlingue, Ido, Burmese, Oromo") is none */
        return pl->items >= 2 &&
               ((strong + full >= 2 && 2 * (strong + full) >= pl->items - 1) ||
                (full >= 1 && (lex & LEX_GIVEN) && pl->items <= 3));
}

static int decide(struct walk *w, struct run *r)
{
        const char *b = w->buf;
        char pw[WORD_MAX + 1], label[40], line[48];
        bool title = false, salut = false, before_form, strong, place_run;
        int st;
        size_t s, e, ns = SIZE_MAX;
        unsigned nt, lexor = 0, phr, pw_sets, label_sets;

        /* the first half of a word hyphenated at a line's end ("Al-\nthough", a man
         * page's "De\u2010\nfault"), or an editor's key chord ("C-x C-r", "M-f"): no name */
        {
                size_t le = r->t[r->n - 1].e;

                if (r->n == 1 && le + 1 < w->len &&
                    ((b[le] == '-' && (b[le + 1] == '\n' || b[le + 1] == '\r')) ||
                     (le + 3 < w->len && memcmp(b + le, "\xe2\x80\x90", 3) == 0 &&
                      (b[le + 3] == '\n' || b[le + 3] == '\r'))))
                        return 0;
                if (r->t[0].n >= 3 && r->t[0].n <= 5 && r->t[0].low[1] == '-' &&
                    (r->t[0].n == 3 || r->t[0].low[3] == '-'))
                        return 0;
        }
        /* "the US", "the UK", "the U.S.", "the UAE": the country, written as its letters */
        if (r->n == 1 && r->t[0].allcaps && r->t[0].s >= 4 &&
            !memcmp(b + r->t[0].s - 4, "the ", 4) &&
            (r->t[0].s == 4 || !wordish(b, w->len, r->t[0].s - 5)) &&
            (streq(r->t[0].low, "us") || streq(r->t[0].low, "uk") ||
             streq(r->t[0].low, "usa") || streq(r->t[0].low, "uae") ||
             streq(r->t[0].low, "u.s.") || streq(r->t[0].low, "u.k.") ||
             streq(r->t[0].low, "u.s") || streq(r->t[0].low, "u.k")))
                return emit(w, r->t[0].s, r->t[0].e, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
        /* a nickname in quotes between the given name and the surname */
        if (r->n == 1 && r->t[0].upper && !r->t[0].allcaps && !r->t[0].dot &&
            (r->t[0].lex & LEX_GIVEN) && !TOK_IN(&r->t[0], never_names)) {
                size_t ne = nickname_after(w, r->t[0].e);

                if (ne) {
                        w->skip_to = ne;
                        return emit(w, r->t[0].s, ne, T_PERSON, ND_PERSON_LEXICON, 0.8f);
                }
        }
        /* "Bernie and Lorraine", "Destiny and Kyle", "Palm Cove and Wonga Beach": after " and "
         * or " & ", one or two words take the type of the name that ends right before, when
         * the lexicon allows it (a given name, then a surname or a word of no list; a
         * place of the lexicon or a feature's head noun) */
        if (r->n <= 2 && r->t[0].upper && !r->t[0].allcaps && !r->t[0].dot && r->t[0].s >= 6) {
                size_t s0 = r->t[0].s, c = SIZE_MAX, e0 = r->t[r->n - 1].e;

                if (b[s0 - 1] == ' ' && memcmp(b + s0 - 5, " and ", 5) == 0)
                        c = s0 - 5;
                else if (b[s0 - 1] == ' ' && memcmp(b + s0 - 3, " & ", 3) == 0)
                        c = s0 - 3;
                if (c != SIZE_MAX && c && w->last_person_end == c &&
                    (r->t[0].lex & LEX_GIVEN) &&
                    !(r->t[0].lex & (LEX_COUNTRY | LEX_CITY_BIG)) &&
                    !TOK_IN(&r->t[0], never_names) &&
                    (r->n == 1 || (r->t[1].lex & LEX_SURNAME) || !r->t[1].lex))
                        return emit(w, s0, e0, T_PERSON, ND_PERSON_CONTEXT, 0.75f);
                if (c != SIZE_MAX && c && w->last_loc_end == c && !(r->t[0].lex & LEX_GIVEN) &&
                    (place_flags(r->t[0].lex | r->t[r->n - 1].lex) ||
                     (r->n == 2 && prep_in(2, r->t[1].low, strlen(r->t[1].low)))) &&
                    !TOK_IN(&r->t[0], never_names))
                        return emit(w, s0, e0, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
        }
        /* the place after a street line and its comma, though a word or in no list: "9
         * Kooyong Koot Rd, Hawthorn", "28 Kenton Road, Harrow HA3 8AE", "17 Banksia
         * Crescent, Kellyville Ridge NSW 2155"; then the next after it at the line's end
         * ("..., Church End, Little Haddon") */
        if (r->n <= 3 && r->t[0].s >= 2 && b[r->t[0].s - 1] == ' ' && b[r->t[0].s - 2] == ',' &&
            !r->t[0].dot && (w->last_street_end == r->t[0].s - 2 ||
                             (w->last_loc_end == r->t[0].s - 2 &&
                              w->last_street_end + 64 > r->t[0].s))) {
                size_t e0 = r->t[r->n - 1].e;
                unsigned nw = r->n;
                bool places = false, words = true;

                /* "Kellyville Ridge NSW 2155": the state's code after the town */
                if (r->n >= 2 && r->t[r->n - 1].allcaps && r->t[r->n - 1].n <= 3 &&
                    au_state_after(w, r->t[r->n - 2].e) == r->t[r->n - 1].e) {
                        nw = r->n - 1;
                        for (unsigned k = 0; k < nw; k++)
                                words &= r->t[k].upper && !r->t[k].digit && r->t[k].n >= 3;
                        if (words && !(r->t[0].lex & LEX_GIVEN))
                                return emit_town_state(w, r->t[0].s, r->t[nw - 1].e,
                                                       r->t[nw].s, r->t[nw].e, 0.75f);
                }
                for (unsigned k = 0; k < r->n; k++) {
                        places |= place_flags(r->t[k].lex) != 0;
                        /* not a unit or a floor ("51 Franklin Street, Fifth Floor,
                         * Boston"), nor a second street ("..., Pasaje Martin Valenciano 1") */
                        words &= r->t[k].upper && !r->t[k].digit && r->t[k].n >= 3 &&
                                 !in_set(r->t[k].low, units) && !r->t[k].street_suffix &&
                                 !(r->t[k].lex & (LEX_STREET | LEX_STREET_BEFORE));
                }
                if (e0 + 2 < w->len && b[e0] == ' ' && is_digit(b[e0 + 1]) &&
                    !postcode_after(w, e0) && !au_state_after(w, e0))
                        words = false;
                if (words && !(r->t[0].lex & LEX_GIVEN && !place_flags(r->t[0].lex)) &&
                    !TOK_IN(&r->t[0], never_names) &&
                    (places || e0 == w->len || b[e0] == '\n' || b[e0] == '\r' ||
                     (b[e0] == ',' && w->last_street_end == r->t[0].s - 2) ||
                     postcode_after(w, e0) || au_state_after(w, e0)))
                        return emit(w, r->t[0].s, e0, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
        }
        /* an item of a list of people: "backs: Jayden, Koby, Lachie, Wiremu" */
        if (r->n == 1 && r->t[0].upper && !r->t[0].allcaps && !r->t[0].dot && !r->t[0].digit &&
            r->t[0].n >= 2 && r->t[0].s >= 2 &&
            ((b[r->t[0].s - 1] == ' ' && (b[r->t[0].s - 2] == ',' || b[r->t[0].s - 2] == ':' ||
                                          b[r->t[0].s - 2] == '+')) ||
             (r->t[0].e < w->len && (b[r->t[0].e] == ',' || b[r->t[0].e] == '+' ||
                                     (b[r->t[0].e] == ' ' && r->t[0].e + 1 < w->len &&
                                      b[r->t[0].e + 1] == '+')))) &&
            ((r->t[0].lex & LEX_GIVEN) || !r->t[0].lex) &&
            !(r->t[0].lex & (LEX_COUNTRY | LEX_CITY_BIG | LEX_REGION)) &&
            !TOK_IN(&r->t[0], never_names) && !tech_name(&r->t[0]) &&
            person_list_item(w, r->t[0].s, r->t[0].e, r->t[0].lex))
                return emit(w, r->t[0].s, r->t[0].e, T_PERSON, ND_PERSON_CONTEXT, 0.75f);
        /* a court's list in capitals: the parties on each side of "VS" are two runs */
        if (r->n >= 3 && r->t[0].allcaps) {
                for (unsigned k = 1; k + 1 < r->n; k++)
                        if (r->t[k].allcaps && r->t[k].n <= 6 &&
                            versus_word(b, r->t[k].s, r->t[k].e) && r->t[k + 1].allcaps) {
                                w->resume = r->t[k + 1].s;
                                r->n = k;
                                break;
                        }
        }
        /* a name in capitals after a word that leads a party in a statement or a heading:
         * "SEPA CT FROM CIARAN FLANAGAN", "TRANSFER TO NIAMH DUGGAN", "PAID BY KARTHIK
         * NARAYANAN": a given name of the lexicon that is no word, then one or two words
         * ending in a surname or a word of no list, none a place */
        if (r->n >= 3 && r->t[0].allcaps) {
                for (unsigned k = 0; k + 2 < r->n && k < 4; k++) {
                        const struct tok *g = &r->t[k + 1], *l = &r->t[r->n - 1];
                        unsigned lx = 0;
                        bool caps = true;

                        if (!(streq(r->t[k].low, "from") || streq(r->t[k].low, "to") ||
                              streq(r->t[k].low, "by") || streq(r->t[k].low, "attn")) ||
                            r->n - k - 1 > 3)
                                continue;
                        for (unsigned j = k + 1; j < r->n; j++) {
                                caps &= r->t[j].allcaps && !r->t[j].digit && !r->t[j].dot &&
                                        r->t[j].n >= 2 && !TOK_IN(&r->t[j], never_names) &&
                                        !TOK_IN(&r->t[j], orgs);
                                lx |= r->t[j].lex;
                        }
                        if (caps && (g->lex & LEX_GIVEN) && !(g->lex & LEX_WORD) &&
                            ((l->lex & LEX_SURNAME) || !l->lex) && !(l->lex & LEX_WORD) &&
                            !place_flags(lx | phrase_flags(r, k + 1, r->n)))
                                return emit(w, g->s, l->e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
                        break;
                }
        }
        /* "3511 AZ Utrecht": the letters of a Dutch postcode are no part of the town */
        if (r->n >= 2 && r->t[0].allcaps && r->t[0].n == 2 && r->t[0].s >= 5 &&
            b[r->t[0].s - 1] == ' ' && is_digit(b[r->t[0].s - 2]) && is_digit(b[r->t[0].s - 3]) &&
            is_digit(b[r->t[0].s - 4]) && is_digit(b[r->t[0].s - 5]) &&
            (r->t[0].s == 5 || !wordish(b, w->len, r->t[0].s - 6))) {
                memmove(&r->t[0], &r->t[1], (r->n - 1) * sizeof(r->t[0]));
                r->n--;
        }

        /* a Cyrillic or Greek street: "ул. Малышева, д. 51, кв. 120", "οδός Ερμού 45" */
        if (r->t[0].nonascii && r->n <= 3 && cyr_greek_lead(b[r->t[0].s])) {
                size_t ss, se;

                if (pii_names_intl_street(b, w->len, r->t[0].s, r->t[r->n - 1].e, &ss, &se)) {
                        w->skip_to = se;
                        return emit(w, ss, se, T_STREET_ADDRESS, ND_STREET, 0.85f);
                }
        }
        /* a Polish or Czech place in its case after a preposition: "w Krakowie", "z
         * Wrocławia", "V Praze", "v Olomouci" (Kraków, Wrocław, Praha, Olomouc) */
        if (r->n <= 2) {
                unsigned k = r->n - 1;

                if ((r->n == 2 ? r->t[0].n <= 5 && r->t[0].upper && !r->t[0].allcaps &&
                                         prep_in(1, r->t[0].low, strlen(r->t[0].low))
                               : slavic_prep_before(w, r->t[0].s)) &&
                    inflected_place(&r->t[k]))
                        return emit(w, r->t[k].s, r->t[k].e, T_LOCATION, ND_LOCATION_CONTEXT,
                                    0.75f);
        }
        /* a nickname in quotes after a word that introduces one: known as "Junior", alias
         * 'El Güero', s'appelait "Momo", called him "TJ" */
        if (r->n <= 3 && r->t[0].s > 2 && quote_end_byte(b[r->t[0].s - 1]) &&
            (!r->t[0].allcaps || r->t[0].n <= 3) && nick_words(r) &&
            nick_quoted(w, r->t[0].s, r->t[r->n - 1].e))
                return emit(w, r->t[0].s, r->t[r->n - 1].e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
        /* a chat log's nick in angle brackets: "[09:03] <Becca Sandoval> morning", "<Marcus>"
         * at a line's start (an IRC or Slack export) */
        if (r->n <= 3 && r->t[0].s >= 1 && b[r->t[0].s - 1] == '<' &&
            r->t[r->n - 1].e < w->len && b[r->t[r->n - 1].e] == '>' &&
            (r->t[0].s == 1 || b[r->t[0].s - 2] == '\n' ||
             (r->t[0].s >= 3 && b[r->t[0].s - 2] == ' ' && b[r->t[0].s - 3] == ']')) &&
            !TOK_IN(&r->t[0], never_names) && !r->t[0].allcaps)
                return emit(w, r->t[0].s, r->t[r->n - 1].e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
        /* a natural feature, by its head noun: "Blue Mountains", "the Grose Valley",
         * "Kielder Water", "Brecon Beacons", "Victoria Falls"; not after a given name
         * ("Veronica Lake") nor as a firm's ("River Island Ltd") */
        if (r->n >= 2 && r->n <= 3 && !r->t[r->n - 1].allcaps && !r->t[r->n - 1].dot &&
            !(r->t[0].lex & LEX_GIVEN) && !r->t[0].allcaps && r->t[0].upper &&
            (prep_first[(unsigned char)r->t[r->n - 1].low[0]] & 4) &&
            prep_in(2, r->t[r->n - 1].low, strlen(r->t[r->n - 1].low)) &&
            !firm_ending_at(b, w->len, r->t[r->n - 1].e))
                return emit(w, r->t[0].s, r->t[r->n - 1].e, T_LOCATION, ND_LOCATION_CONTEXT,
                            0.7f);
        /* ... or by the head noun first: "Cape Tribulation", "Lake Naivasha", "Mount Kenya",
         * "Loch Ness"; not an organisation's name ("Mount Sinai Hospital") */
        if (r->n >= 2 && r->n <= 3 && r->t[0].upper && !r->t[0].allcaps && !r->t[0].dot &&
            (streq(r->t[0].low, "cape") || streq(r->t[0].low, "lake") ||
             streq(r->t[0].low, "mount") || streq(r->t[0].low, "loch") ||
             streq(r->t[0].low, "isle") || streq(r->t[0].low, "lago") ||
             streq(r->t[0].low, "monte") || streq(r->t[0].low, "cabo")) &&
            r->t[1].upper && !r->t[1].allcaps && !r->t[1].digit && !r->t[1].dot &&
            !TOK_IN(&r->t[r->n - 1], orgs) && !firm_ending_at(b, w->len, r->t[r->n - 1].e) &&
            !(prev_word(w, r->t[0].s, 0)->s != SIZE_MAX &&
              in_list(prev_word(w, r->t[0].s, 0)->low, titles))) /* "Mr Lake Smith" */
                return emit(w, r->t[0].s, r->t[r->n - 1].e, T_LOCATION, ND_LOCATION_CONTEXT,
                            0.7f);
        /* a form's label itself, before its colon: "Adı Soyadı:", "Vernommene Person:",
         * "Doğum Yeri:" (words of no lexicon, which the tagger took for a name) */
        if (form_label_run(w, r))
                return 0;
        /* a Russian or Ukrainian surname and its initials: "Ковалёв Д. С.", "Иванова А. В.",
         * "Петров И.И." (the surname ends like one, the initials are Cyrillic capitals) */
        if (r->n >= 2 && r->n <= 4 && r->t[0].nonascii && cyr_greek_lead(b[r->t[0].s])) {
                /* the surname first, or after a sentence's first word ("Подписал Иванова А.") */
                unsigned k0 = r->n >= 3 && !r->t[0].dot &&
                              !ends_with_any(r->t[0].low, strlen(r->t[0].low),
                                             slavic_surname_endings);
                bool initials = r->n - k0 >= 2 && r->n - k0 <= 3 && !r->t[k0].dot &&
                                !r->t[k0].allcaps && cyr_greek_lead(b[r->t[k0].s]) &&
                                ends_with_any(r->t[k0].low, strlen(r->t[k0].low),
                                              slavic_surname_endings);

                for (unsigned k = k0 + 1; k < r->n && initials; k++)
                        initials = r->t[k].dot && cyr_greek_lead(b[r->t[k].s]) &&
                                   r->t[k].e - r->t[k].s == 3;
                if (initials)
                        return emit(w, r->t[k0].s, r->t[r->n - 1].e, T_PERSON,
                                    ND_PERSON_CONTEXT, 0.85f);
        }
        /* a given name and a surname in Cyrillic that ends like one, two or three words of
         * capitals and small letters: "Драгана Петровић", "Стоян Димитров Петков" (the
         * tagger, which knows no Cyrillic, took them for places); not after a place's
         * preposition, nor a place of the lexicon */
        if (r->n >= 2 && r->n <= 3 && r->t[0].nonascii && cyr_greek_lead(b[r->t[0].s]) &&
            cyr_greek_lead(b[r->t[r->n - 1].s]) && !slavic_prep_before(w, r->t[0].s) &&
            !TOK_IN(&r->t[0], salutations) && !TOK_IN(&r->t[0], titles) &&
            ends_with_any(r->t[r->n - 1].low, strlen(r->t[r->n - 1].low),
                          slavic_surname_endings)) {
                bool ok = true;
                unsigned lx = 0;

                for (unsigned k = 0; k < r->n && ok; k++) {
                        ok = r->t[k].upper && !r->t[k].allcaps && !r->t[k].dot &&
                             !r->t[k].digit && r->t[k].n >= 4 && !TOK_IN(&r->t[k], never_names);
                        lx |= r->t[k].lex;
                }
                if (ok && !place_flags(lx & ~(unsigned)(LEX_TOWN | LEX_TOWN_PHRASE)) &&
                    !place_flags(phrase_flags(r, 0, r->n)))
                        return emit(w, r->t[0].s, r->t[r->n - 1].e, T_PERSON,
                                    ND_PERSON_LEXICON, 0.8f);
        }
        /* a Russian or Ukrainian name with its patronymic: "Смирнова Ольга Петровна",
         * "Иван Сергеевич Петров" (a given name of the lexicon and a word in -ович/-овна) */
        if (r->n >= 2 && r->n <= 4 && r->t[0].nonascii && cyr_greek_lead(b[r->t[r->n - 1].s])) {
                unsigned pa = patronymic_run(r);

                if (pa)
                        return emit(w, r->t[pa - 1].s, r->t[r->n - 1].e, T_PERSON,
                                    ND_PERSON_LEXICON, 0.85f);
        }
        /* the few places written in capitals as a rule: "USA", "UK", "UAE" */
        if (r->n == 1 && r->t[0].allcaps && r->t[0].n <= 3 && !r->t[0].dot &&
            (r->t[0].low[0] == 'u' || r->t[0].low[0] == 'n')) { /* before the compares */
                static const char *const caps_places[] = { "usa", "uk", "uae", "nyc", NULL };

                if (in_list(r->t[0].low, caps_places) &&
                    !(r->t[0].e < w->len && (b[r->t[0].e] == '_' || b[r->t[0].e] == '-')))
                        return emit(w, r->t[0].s, r->t[0].e, T_LOCATION, ND_LOCATION_CONTEXT,
                                    0.7f);
        }

        /* a state's code under a place's label: "State: NY", "region": "CA", "region":
         * "VIC", "Estado: RJ" */
        if (r->n == 1 && r->t[0].allcaps && (r->t[0].n == 2 || r->t[0].n == 3) &&
            !r->t[0].dot && region_code(b + r->t[0].s, r->t[0].n) &&
            (r->t[0].e == w->len || !wordish(b, w->len, r->t[0].e))) {
                size_t s0 = r->t[0].s;

                label_before(w, s0, label, sizeof(label));
                /* a CSV's column: "...,Chicago,IL,60641" under "city,state,zip"; a vCard's
                 * ADR region: ";San Jose;CA;95128;USA" */
                if (!label[0] && s0 > 0 && b[s0 - 1] == ';')
                        vcard_label(w, s0, label, sizeof(label));
                if (!label[0] && s0 > 0 && (b[s0 - 1] == ',' || b[s0 - 1] == ';' ||
                                            b[s0 - 1] == '\t' || b[s0 - 1] == '"'))
                        csv_label(w, s0, r->t[0].e, label, sizeof(label));
                if (label[0] && (set_mask(label, strlen(label)) & LB_place_labels))
                        return emit(w, r->t[0].s, r->t[0].e, T_LOCATION, ND_LOCATION_CONTEXT,
                                    0.85f);
        }
        /* the calls behind their first bytes' tests: most runs are neither */
        if (r->n <= 4 && !r->t[r->n - 1].dot && r->t[r->n - 1].e + 1 < w->len &&
            b[r->t[r->n - 1].e] == ' ' && b[r->t[r->n - 1].e + 1] == 'a') {
                size_t ae = and_place_after(w, r);

                if (ae) {
                        w->skip_to = ae;
                        return emit(w, r->t[0].s, ae, T_LOCATION, ND_LOCATION_CONTEXT, 0.8f);
                }
        }
        if (r->n == 1 && r->t[0].e < w->len &&
            (b[r->t[0].e] == ',' || b[r->t[0].e] == ';' || b[r->t[0].e] == '\t') &&
            name_cells(w, &r->t[0])) {
                /* not a cell whose header names a place: "first_name,city" over
                 * "Dev,Edison" */
                label[0] = '\0';
                if (r->t[0].s > 0 && b[r->t[0].s - 1] != '\n')
                        csv_label(w, r->t[0].s, r->t[0].e, label, sizeof(label));
                if (!(label[0] && (set_mask(label, strlen(label)) & LB_place_labels)))
                        return emit(w, r->t[0].s, r->t[0].e, T_PERSON, ND_PERSON_CONTEXT,
                                    0.8f);
        }
        /* a reference list's author, "Nakamura, H.," "Okafor, C. E., &": a surname, its
         * initials after ", ", then ',', ' (', ' &' or " and"; not a place ("Washington,
         * D.C.") nor an ordinary word ("However, I. ...") */
        if (r->n == 1 && r->t[0].e + 5 < w->len && b[r->t[0].e] == ',' &&
            b[r->t[0].e + 1] == ' ' && r->t[0].upper && !r->t[0].allcaps && r->t[0].n >= 2 &&
            !r->t[0].dot && !r->t[0].digit &&
            (!place_flags(r->t[0].lex) || (r->t[0].lex & LEX_SURNAME)) &&
            !(r->t[0].lex & (LEX_CITY_BIG | LEX_COUNTRY | LEX_REGION)) &&
            !TOK_IN(&r->t[0], never_names) &&
            (!(r->t[0].lex & LEX_WORD) || (r->t[0].lex & LEX_SURNAME))) {
                size_t ie = initials_after(w, r->t[0].e + 2);

                if (ie)
                        return emit(w, r->t[0].s, ie, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
        }
        if (r->n == 1 && r->t[0].e + 3 < w->len && b[r->t[0].e] == ',') {
                size_t ge = directory_name(w, &r->t[0]);

                if (ge)
                        return emit(w, r->t[0].s, ge, T_PERSON, ND_PERSON_CONTEXT, 0.75f);
        }
        /* a word in capitals glued to a number is an identifier's prefix ("ORD-53862255",
         * "INV_2024"), no name or place of its own: a JSON file's order numbers were a
         * third of the runs decided */
        if (r->n == 1 && r->t[0].allcaps && !r->t[0].dot && r->t[0].e + 1 < w->len &&
            (b[r->t[0].e] == '-' || b[r->t[0].e] == '_') && is_digit(b[r->t[0].e + 1]))
                return 0;
        /* a mail header's label that is a given name too, before its colon: "Von: Anna
         * Schmidt", "De: Juan Pérez" (the tagger read the label as a person) */
        if (r->n == 1 && r->t[0].e < w->len && b[r->t[0].e] == ':' &&
            (r->t[0].sets & LB_mail_labels))
                return 0;
        /* a month's name of any language between a day and a year: "7 Kasım 2023", "3.
         * Mai 2024" (no given name, whatever the lexicon says) */
        if (r->n == 1 && r->t[0].s >= 2 && r->t[0].e + 5 <= w->len && b[r->t[0].e] == ' ' &&
            is_digit(b[r->t[0].e + 1]) && is_digit(b[r->t[0].e + 2]) &&
            is_digit(b[r->t[0].e + 3]) && is_digit(b[r->t[0].e + 4]) &&
            (r->t[0].e + 5 == w->len || !wordish(b, w->len, r->t[0].e + 5))) {
                size_t d = r->t[0].s - 1;

                if (d > 0 && b[d] == ' ' && b[d - 1] == '.')
                        d--;
                if (b[d] == ' ' || b[d] == '.') {
                        size_t q = d;

                        while (q > 0 && d - q < 2 && is_digit(b[q - 1]))
                                q--;
                        if (q < d && (q == 0 || !wordish(b, w->len, q - 1)))
                                return 0;
                }
        }
        /* a letter's place and date at a line's start: "Ankara, 7 Kasım 2023", "Porto, 30
         * de outubro", "Sundsvall den 20 mars 2024" */
        if (r->n <= 3 && (r->t[0].s == 0 || b[r->t[0].s - 1] == '\n') && !r->t[0].allcaps &&
            (r->t[r->n - 1].lex & (LEX_CITY | LEX_CITY_BIG | LEX_TOWN))) {
                size_t q = r->t[r->n - 1].e;

                if (q + 3 < w->len && b[q] == ',' && b[q + 1] == ' ') {
                        q += 2;
                        /* "Bordeaux, le 11/03/2025", "Köln, den 10.03.2025", "Sevilla, a
                         * 3 de mayo" */
                        for (const char *const *a = dateline_articles; *a; a++)
                                if (q + strlen(*a) < w->len && !memcmp(b + q, *a, strlen(*a))) {
                                        q += strlen(*a);
                                        break;
                                }
                } else if (q + 6 < w->len && memcmp(b + q, " den ", 5) == 0) {
                        q += 5;
                } else {
                        q = 0;
                }
                if (q && is_digit(b[q]) &&
                    (dateline_rest(b, w->len, q) || numeric_date_at(b, w->len, q)))
                        return emit(w, r->t[0].s, r->t[r->n - 1].e, T_LOCATION,
                                    ND_LOCATION_CONTEXT, 0.8f);
        }
        /* a lone ordinary word ("The", "However", "License"): nothing to decide, but the
         * name of a street whose type and number are before it ("14 rue des Martyrs") */
        if (r->n == 1 && lone_dropped(r->t[0].lex, r->t[0].sets, r->t[0].street_suffix)) {
                size_t s0 = r->t[0].s, num;

                /* a given name that is a month too, under a label for a given name:
                 * "first_name": "Jan", "Given name: April" */
                if ((r->t[0].sets & LB_never_names) && (r->t[0].lex & LEX_GIVEN) &&
                    r->t[0].upper && !r->t[0].allcaps &&
                    given_label_before(w, s0, r->t[0].e))
                        return emit(w, s0, r->t[0].e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);

                if (!street_name_maybe(b, s0) || (ns = street_word_before(w, s0)) == SIZE_MAX)
                        return 0;
                /* "la calle Mayor", "rue du Commerce" (small_street_word()) */
                if ((num = number_before(w, ns)) == SIZE_MAX)
                        return small_street_word(b, w->len, ns) && !r->t[0].allcaps ?
                                       emit(w, ns, r->t[0].e, T_STREET_ADDRESS, ND_STREET,
                                            0.75f) :
                                       0;
                return emit(w, unit_before(w, num), unit_after(w, r->t[0].e), T_STREET_ADDRESS,
                            ND_STREET, 0.85f);
        }

        /* 1. street addresses */
        /* a German street named by a preposition, before its number and a postcode: "Am
         * Rosengarten 7, 10115 Berlin", "Unter den Linden 10, 10117 Berlin" ("Im Jahr 2024"
         * has no postcode after it) */
        if (r->n >= 2 && r->t[0].upper && !r->t[0].allcaps && r->t[0].n <= 6 &&
            in_list(r->t[0].low, street_preps)) {
                size_t q = number_after(w, r->t[r->n - 1].e), d;

                if (q && q + 7 < w->len && b[q] == ',' && b[q + 1] == ' ') {
                        for (d = q + 2; d < w->len && d - q - 2 < 6 && is_digit(b[d]); d++)
                                ;
                        size_t te = d + 1;
                        bool digit;

                        if ((d - q - 2 == 5 || d - q - 2 == 4) && d + 1 < w->len && b[d] == ' ' &&
                            upper_at(b, w->len, d + 1) &&
                            (te = word_end(b, w->len, d + 1, &digit)) > d + 1 && !digit) {
                                char low[WORD_MAX + 1];
                                size_t n = te - d - 1;

                                /* the town after the postcode is one of the lexicon */
                                if (n <= WORD_MAX &&
                                    pii_lex_lower(b + d + 1, n, low, sizeof(low)) &&
                                    place_flags(word_lex(low, n, pii_lex_hash(low, n))))
                                        return emit(w, r->t[0].s, q, T_STREET_ADDRESS, ND_STREET,
                                                    0.85f);
                        }
                }
        }
        /* "22 Jasmine ferry", "Flat 44\nJemma courts": the type in small letters after the
         * name, a house number or a unit's line before it */
        if (r->n <= 3 && r->t[r->n - 1].e + 3 < w->len && b[r->t[r->n - 1].e] == ' ' &&
            b[r->t[r->n - 1].e + 1] >= 'a' && !r->t[0].allcaps && !r->t[r->n - 1].allcaps &&
            /* a number or a line's end before the run, asked first: most runs have a small
             * word after them, and the type's look-up is a hash probe */
            r->t[0].s >= 2 && (b[r->t[0].s - 1] == '\n' ||
                               (b[r->t[0].s - 1] == ' ' && is_digit(b[r->t[0].s - 2])))) {
                size_t te = small_type_after(w, r->t[r->n - 1].e), num, ul;

                /* not after a determiner: "the 5 Star way" */
                if (te && (num = number_before(w, r->t[0].s)) != SIZE_MAX) {
                        static const char *const dets[] = { "the", "a", "my", "our", "your",
                                                            "his", "her", "their", "its",
                                                            "these", "those", "all", NULL };
                        const struct prev *pm = prev_word(w, num, 0);

                        if (pm->s == SIZE_MAX || !in_list(pm->low, dets))
                                return emit(w, unit_before(w, num), unit_after(w, te),
                                            T_STREET_ADDRESS, ND_STREET, 0.8f);
                }
                if (te && (ul = unit_line_before(w, r->t[0].s)) != SIZE_MAX)
                        return emit(w, ul, unit_after(w, te), T_STREET_ADDRESS, ND_STREET, 0.8f);
        }
        st = street_in_run(r, &before_form);
        /* "69117 Heidelberg": a town of the lexicon after its postcode, though it ends like
         * a street ("-berg"), is the town */
        if (st == 0 && r->n == 1 && !before_form && !(r->t[0].lex & LEX_STREET) &&
            place_flags(r->t[0].lex) && postcode_before(w, r->t[0].s))
                st = -1;
        if (st >= 0 || (ns = street_word_before(w, r->t[0].s)) != SIZE_MAX) {
                size_t from = st >= 0 ? r->t[0].s : ns;
                size_t to = st >= 0 ? r->t[st].e : r->t[r->n - 1].e;
                size_t num = number_before(w, from), q;

                if (st >= 0 && !before_form && (unsigned)st + 1 < r->n &&
                    ((r->t[st + 1].allcaps && r->t[st + 1].n <= 2) ||
                     (r->t[st + 1].n == 1 && strchr("nsew", r->t[st + 1].low[0])) ||
                     ((unsigned)st + 2 == r->n && in_list(r->t[st + 1].low, compass))))
                        to = r->t[st + 1].e; /* 1600 Pennsylvania Avenue NW, 300 Queen St W */
                if (num != SIZE_MAX) {
                        size_t ue = unit_after(w, to);

                        /* "4417 Sunset Blvd Los Angeles CA 90027": the words after the street
                         * are a run of their own (they were dropped) */
                        if (ue + 1 < r->t[r->n - 1].e && b[ue] == ' ' &&
                            upper_at(b, w->len, ue + 1))
                                w->resume = ue + 1;
                        return emit(w, unit_before(w, num), ue, T_STREET_ADDRESS, ND_STREET,
                                    0.85f);
                }
                if (st >= 0 && !before_form && (q = unit_line_before(w, from)) != SIZE_MAX)
                        return emit(w, q, unit_after(w, to), T_STREET_ADDRESS, ND_STREET, 0.8f);
                if (st >= 0 && !before_form && from >= 5 && b[from - 1] == ' ' &&
                    is_digit(b[from - 4]) &&
                    (q = ordinal_unit_street(w, from)) != SIZE_MAX)
                        return emit(w, q, unit_after(w, to), T_STREET_ADDRESS, ND_STREET, 0.8f);
                /* not the next address's house number after a comma: "Ship to: Katherine
                 * Brooks, 65490 Kurt Overpass" (Brooks is a street type too) */
                if ((q = number_after(w, st >= 0 ? r->t[st].e : to)) != 0 &&
                    (st >= 0 || before_form || ns != SIZE_MAX) &&
                    !(b[st >= 0 ? r->t[st].e : to] == ',' && q + 1 < w->len && b[q] == ' ' &&
                      upper_at(b, w->len, q + 1)))
                        return emit(w, from, unit_after(w, q), T_STREET_ADDRESS, ND_STREET,
                                    0.8f);
                /* "lives at rue Jacques Lagarde", "rue de Ferrand": a French, Spanish,
                 * Portuguese or Italian street type in small letters before names, with no
                 * number (not English's "via Slack") */
                if (st < 0 && r->n <= 4 && small_street_word(b, w->len, ns)) {
                        bool names = true;

                        for (unsigned k = 0; k < r->n && names; k++)
                                names = r->t[k].upper && !r->t[k].allcaps && !r->t[k].digit &&
                                        !r->t[k].dot;
                        if (names)
                                return emit(w, ns, r->t[r->n - 1].e, T_STREET_ADDRESS,
                                            ND_STREET, 0.75f);
                }
                if (st >= 0 && !before_form && street_by_prep(w, r, (unsigned)st)) {
                        if (to + 1 < r->t[r->n - 1].e && b[to] == ' ' && upper_at(b, w->len, to + 1))
                                w->resume = to + 1; /* "Baker Street London" */
                        return emit(w, from, to, T_STREET_ADDRESS, ND_STREET, 0.75f);
                }
        }

        /* Bengaluru's cross and main roads by their ordinal: "Lotus Enclave, 3rd Cross" */
        if (st < 0 && r->n == 1 && r->t[0].s >= 5 && is_digit(b[r->t[0].s - 4]) &&
            (streq(r->t[0].low, "cross") || streq(r->t[0].low, "main")) &&
            (ns = ordinal_unit_street(w, r->t[0].s)) != SIZE_MAX)
                return emit(w, ns, r->t[0].e, T_STREET_ADDRESS, ND_STREET, 0.8f);
        /* a street type in small letters after the name, then the number: "Thorvald Meyers
         * gate 54", "Gustav Adolfs torg 47" */
        if (st < 0 && ns == SIZE_MAX && r->n <= 4 && r->t[r->n - 1].e + 12 < w->len &&
            b[r->t[r->n - 1].e] == ' ' &&
            ((b[r->t[r->n - 1].e + 1] >= 'a' && b[r->t[r->n - 1].e + 1] <= 'z') ||
             (unsigned char)b[r->t[r->n - 1].e + 1] == 0xC3) && /* "út" */
            digit_in8(b + r->t[r->n - 1].e + 3)) {
                size_t p0 = r->t[r->n - 1].e + 1, te = p0, q;
                bool digit;
                char low[WORD_MAX + 1];

                /* the word's bytes (letters, UTF-8), then " 54" or ", 54": the test before
                 * the look-ups, as most runs of prose have a small word after them ("London
                 * is") */
                while (te < w->len && te - p0 <= 8 &&
                       ((b[te] >= 'a' && b[te] <= 'z') || (unsigned char)b[te] >= 0x80))
                        te++;
                q = te + 1 < w->len && b[te] == ',' ? te + 1 : te;
                if (q + 1 < w->len && b[q] == ' ' && is_digit(b[q + 1]) && te - p0 <= 8 &&
                    (te = word_end(b, w->len, p0, &digit)) > p0 && !digit && te - p0 <= 8 &&
                    pii_lex_lower(b + p0, te - p0, low, sizeof(low)) &&
                    (word_lex(low, te - p0, pii_lex_hash(low, te - p0)) & LEX_STREET) &&
                    (q = number_after(w, te)) != 0)
                        return emit(w, r->t[0].s, unit_after(w, q), T_STREET_ADDRESS, ND_STREET,
                                    0.8f);
        }
        /* a street's field or CSV column and a house number beside the run, though it has
         * no street type: "street: Prinsengracht 263", a CSV's "...,Oudegracht 112,..." */
        if (st < 0 && ns == SIZE_MAX && r->n <= 4 &&
            ((r->t[0].s >= 2 && b[r->t[0].s - 1] == ' ' && is_digit(b[r->t[0].s - 2])) ||
             (r->t[r->n - 1].e + 2 < w->len && is_digit(b[r->t[r->n - 1].e + 1]) &&
              b[r->t[r->n - 1].e] == ' '))) { /* the tests before the calls */
                size_t s0 = r->t[0].s, e0 = r->t[r->n - 1].e, num = number_before(w, s0);
                size_t q = num == SIZE_MAX ? number_after(w, e0) : 0;

                if (num != SIZE_MAX || q) {
                        size_t at = num != SIZE_MAX ? num : s0;

                        label_before(w, at, label, sizeof(label));
                        if (!label[0] && at > 0 &&
                            (b[at - 1] == ',' || b[at - 1] == ';' || b[at - 1] == '\t' ||
                             b[at - 1] == '"'))
                                csv_label(w, at, q ? q : e0, label, sizeof(label));
                        if (label[0] && street_label(label))
                                return emit(w, num != SIZE_MAX ? unit_before(w, num) : s0,
                                            unit_after(w, q ? q : e0), T_STREET_ADDRESS,
                                            ND_STREET, 0.85f);
                }
        }
        if (st < 0 && (r->t[0].lex & LEX_STREET) && r->t[0].upper &&
            (ns = ordinal_street_before(w, r->t[0].s)) != SIZE_MAX) {
                size_t to = r->t[0].e;

                if (r->n > 1 && r->t[1].allcaps && r->t[1].n <= 2)
                        to = r->t[1].e; /* 350 W 42nd St NW */
                return emit(w, unit_before(w, ns), unit_after(w, to), T_STREET_ADDRESS,
                            ND_STREET, 0.85f);
        }
        {
                size_t box_end, box = po_box(w, r, &box_end);

                if (box != SIZE_MAX)
                        return emit(w, box, box_end, T_STREET_ADDRESS, ND_STREET, 0.85f);
        }

        {
                int sp = speaker_label(w, r);

                if (sp >= 0)
                        return emit(w, r->t[sp].s, r->t[r->n - 1].e, T_PERSON,
                                    ND_PERSON_CONTEXT, 0.85f);
        }
        /* a chat's mention of a given name: "@Kasia", "@Priyanka Deshmukh"; not a Java
         * annotation ("@Bean" before a newline or "(") */
        if (mention_at(b, r->t[0].s)) {
                size_t me = r->t[r->n > 1 && !pure_word(&r->t[1]) ? 1 : 0].e;

                if ((r->t[0].lex & LEX_GIVEN) && !r->t[0].allcaps && me < w->len &&
                    b[me] != '(' && b[me] != '\n' && b[me] != '\r')
                        return emit(w, r->t[0].s, me, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
                return 0;
        }

        /* titles and salutations at the run's head */
        r->a = 0;
        r->b = r->n;
        /* particle_surname()'s first tests, before the call */
        if (r->n <= 4 && (r->t[r->n - 1].lex & LEX_SURNAME) &&
            (r->n > 1 ? TOK_IN(&r->t[0], particles)
                      : !r->t[0].allcaps && particle_before(b, r->t[0].s) != r->t[0].s)) {
                bool done;
                int pe = particle_surname(w, r, &done);

                if (done || pe < 0)
                        return pe;
        }
        {
                const struct prev *pm = prev_word(w, r->t[0].s, BS_COMMA);

                pw_sets = prev_sets(w, pm); /* once for the tests below */
                memcpy(pw, pm->low, sizeof(pw));
        }
        if (pw_sets & LB_salutations)
                salut = true;
        /* "Good morning Charlotte", not "This morning London" nor "Evening Standard" */
        if (streq(pw, "morning") || streq(pw, "afternoon") || streq(pw, "evening")) {
                const struct prev *pm = prev_word(w, r->t[0].s, BS_COMMA);
                const struct prev *p2 = pm->s != SIZE_MAX ? prev_word(w, pm->s, 0) : NULL;

                if (p2 && p2->s != SIZE_MAX && streq(p2->low, "good"))
                        salut = true;
        }
        if ((pw_sets & LB_titles) && !(pw_sets & LB_weak_titles))
                title = true;
        else if (!pw[0] && r->t[0].s >= 6 && is_digit(b[r->t[0].s - 2]) &&
                 rank_number_before(w, r->t[0].s))
                title = true; /* "PC 7129 Blackwood": a rank and a collar number */
        else if (!pw[0] && r->t[0].s >= 3 && b[r->t[0].s - 1] == ' ' &&
                 b[r->t[0].s - 2] == '.') {
                /* a title in small letters with its dot: "mevr. Jansen", "dhr. I. de Wit" */
                const struct prev *pm = prev_word(w, r->t[0].s - 2, 0);

                if (pm->s != SIZE_MAX && pm->n >= 2 &&
                    (prev_sets(w, pm) & (LB_titles | LB_weak_titles)) == LB_titles)
                        title = true;
        }
        /* "Olá, tudo bem?": a salutation alone, written with its accent, is no given name
         * (folded, it was "Ola") */
        if (r->n == 1 && r->t[0].nonascii && TOK_IN(&r->t[0], salutations))
                return 0;
        /* "De heer Jansen", "Le docteur Martin": a sentence's article or particle before a
         * word in small letters is no name (Van, Del and Al are given names too) */
        if (r->n == 1 && TOK_IN(&r->t[0], particles) && r->t[0].n <= 3 &&
            !streq(r->t[0].low, "van") && !streq(r->t[0].low, "del") &&
            !streq(r->t[0].low, "al") && r->t[0].e + 1 < w->len && b[r->t[0].e] == ' ' &&
            b[r->t[0].e + 1] >= 'a' && b[r->t[0].e + 1] <= 'z')
                return 0;
        /* an ordinary word before a title: "Witness Dr. Martha Gilbert", "Call Mr. Smith" */
        if (r->n >= 3 && (r->t[0].lex & LEX_WORD) && !(r->t[0].lex & LEX_GIVEN) &&
            r->t[1].dot && is_title_abbr(&r->t[1]))
                r->a = 1;
        /* an acronym before a title: "GP Dr Susan Clarke", "NHS Dr Patel" */
        if (r->n >= 3 && r->t[0].allcaps && r->t[0].n >= 2 && !r->t[0].dot &&
            !r->t[1].allcaps && is_title_abbr(&r->t[1]) &&
            (r->t[1].dot || !TOK_IN(&r->t[1], weak_titles)) && !is_title_abbr(&r->t[0]))
                r->a = 1;
        /* "Ask Priya to call", "Thanks Priya!", "Call Amir Haddad": a verb of person_verbs[]
         * capitalised at a sentence's start, before a given name of the lexicon that is no
         * word, place or never_names[] word ("Contact Support", "Email Jordan" stay) */
        if (r->n >= 2 && r->n <= 3 && !r->t[0].allcaps && !r->t[0].dot &&
            (TOK_IN(&r->t[0], person_verbs) || streq(r->t[0].low, "thanks")) &&
            sentence_start_before(w, r->t[0].s)) {
                const struct tok *g = &r->t[1];
                bool ok = (g->lex & LEX_GIVEN) && !(g->lex & LEX_WORD) && !g->allcaps &&
                          !g->dot && !place_flags(g->lex | phrase_flags(r, 1, r->n)) &&
                          !TOK_IN(g, never_names);

                for (unsigned k = 2; ok && k < r->n; k++)
                        ok = namelike(w, &r->t[k]) && !pure_word(&r->t[k]) &&
                             !place_flags(r->t[k].lex);
                if (ok)
                        return emit(w, g->s, r->t[r->n - 1].e, T_PERSON, ND_PERSON_CONTEXT,
                                    0.8f);
        }
        /* "Before HIS HONOUR JUDGE HARTLEY": the same before a court's title in capitals */
        if (r->n >= 3 && !r->t[0].allcaps && pure_word(&r->t[0]) && r->t[1].allcaps &&
            r->t[2].allcaps && caps_title(&r->t[1], &r->t[2]))
                r->a = 1;
        while (r->a < r->b) {
                const struct tok *t = &r->t[r->a];

                if (TOK_IN(t, salutations) && r->a + 1 < r->b &&
                    /* "Welcome Screen": a heading's word, before an ordinary word */
                    !(streq(t->low, "welcome") && (r->t[r->a + 1].lex & LEX_WORD))) {
                        salut = true;
                } else if (is_title_abbr(t) && r->a + 1 < r->b &&
                           /* "M.C. Delacroix": an initial glued to the next, not M. */
                           !(t->dot && t->n == 1 && t->e < w->len && b[t->e] != ' ') &&
                           (t->dot || !TOK_IN(t, weak_titles) ||
                            /* "Officer Ramirez", "Detective Nguyen": a weak title before one
                             * surname of the lexicon that is no ordinary word or place */
                            (r->a + 2 == r->b && !(t->lex & LEX_GIVEN) && /* "Don Cohen" */
                             r->t[r->a + 1].upper &&
                             !r->t[r->a + 1].allcaps && !r->t[r->a + 1].dot &&
                             (r->t[r->a + 1].lex & LEX_SURNAME) &&
                             !(r->t[r->a + 1].lex & LEX_WORD) &&
                             !place_flags(r->t[r->a + 1].lex) &&
                             !TOK_IN(&r->t[r->a + 1], never_names))) &&
                           !(t->allcaps && streq(t->low, "pr"))) { /* Pr (professeur), not PR */
                        title = true;
                } else if (t->allcaps && r->a + 1 < r->b && r->t[r->a + 1].allcaps &&
                           caps_title(t, &r->t[r->a + 1])) {
                        title = true; /* HIS HONOUR JUDGE HARTLEY, LORD JUSTICE BRENNAN */
                } else if (t->allcaps && r->a + 1 < r->b && !r->t[r->a + 1].allcaps &&
                           ((r->t[r->a + 1].lex & LEX_GIVEN) ||
                            !(r->t[r->a + 1].lex & LEX_WORD || place_flags(r->t[r->a + 1].lex) ||
                              TOK_IN(&r->t[r->a + 1], orgs))) &&
                           in_list(t->low, rank_titles)) {
                        title = true; /* PC Daniel Whitehorse, PCSO Kozłowski */
                } else if (t->particle && !title) {
                        ;
                } else {
                        break; /* after a title, a particle leads the surname */
                }
                r->a++;
        }
        /* a court's title alone: "HIS HONOUR JUDGE", "DISTRICT JUDGE" (a heading, or the
         * name on the next line) */
        if (title && r->b - r->a == 1 && r->t[r->a].allcaps &&
            in_list(r->t[r->a].low, court_titles))
                return 0;
        /* letters after the name: "Rahul Iyer FRCS", "Ayesha Khan MBE", "Aaron Martinez
         * PhD", "Martin Luther King Jr." (those written in small letters too) */
        while (r->b - r->a >= (title ? 2u : 3u) &&
               (r->t[r->b - 1].allcaps ||
                (r->t[r->b - 1].upper && in_list(r->t[r->b - 1].low, mixed_postnominals))) &&
               in_list(r->t[r->b - 1].low, postnominals))
                r->b--;
        /* a degree's dotted letters after the name: "Jelena Klemt B.A.", "Maja Binner
         * B.Eng.", "Ana Ruiz Ph.D." (abbreviations joined with no space, the first of one
         * to three letters) */
        /* the run ends at the first of them when a letter follows its dot ("B.A.") */
        if (r->b - r->a >= (title ? 2u : 3u) && r->t[r->b - 1].dot && r->t[r->b - 1].n == 1 &&
            r->t[r->b - 1].upper && r->t[r->b - 1].e < w->len &&
            letter_at(b, w->len, r->t[r->b - 1].e) == 1 && upper_at(b, w->len, r->t[r->b - 1].e))
                r->b--;
        while (r->b - r->a >= (title ? 2u : 3u)) {
                unsigned k = r->b - 1, j = k;

                while (j > r->a && r->t[j].dot && r->t[j - 1].dot && r->t[j].s == r->t[j - 1].e)
                        j--;
                if (j == k || j == r->a || r->t[j].n > 3 || !r->t[j].upper || k - j > 2 ||
                    r->b - (k - j + 1) - r->a < (title ? 1u : 2u))
                        break;
                r->b = j;
        }
        /* "37001 Tours CEDEX": the French business-mail mark after the town */
        if (r->b - r->a >= 2 && r->t[r->b - 1].allcaps && streq(r->t[r->b - 1].low, "cedex"))
                r->b--;
        /* a saint is a church, a school or a town, no person to redact: "St Mary's", "St
         * Cecilia's Hall", "San Francisco" (a place of the lexicon stays one) */
        if (!title && !salut && r->n >= 2 &&
            (streq(r->t[0].low, "st") || streq(r->t[0].low, "saint") ||
             streq(r->t[0].low, "sankt") || streq(r->t[0].low, "ste") ||
             streq(r->t[0].low, "sainte"))) {
                const struct prev *pm = prev_word(w, r->t[0].s, 0);

                /* or a town after a preposition of place: "moved to Saint Raymond", "born in
                 * Sainte Stéphane" (not "prayed to": a verb before it) */
                if (place_flags(phrase_flags(r, 0, r->n)) ||
                    (pm->s != SIZE_MAX && !line_start_before(w, r->t[0].s) &&
                     (streq(pm->low, "in") || streq(pm->low, "from") || streq(pm->low, "near") ||
                      (streq(pm->low, "to") && pm->s >= 2 &&
                       !prayed_before(w, pm->s)))))
                        return emit(w, r->t[0].s, r->t[r->n - 1].e, T_LOCATION,
                                    ND_LOCATION_CONTEXT, 0.75f);
                return 0;
        }
        /* a firm: "Ferrari & Figli S.r.l.", "Van Houten Verpakkingen B.V.", "Whitaker &
         * Cole", "Marks & Spencer" (surnames joined by '&', no given name first) */
        if (!title && !salut &&
            ((r->t[r->n - 1].dot && r->t[r->n - 1].n == 1) ||
             (r->t[r->n - 1].e + 1 < w->len && b[r->t[r->n - 1].e + 1] == '&') ||
             (r->t[0].s >= 2 && b[r->t[0].s - 2] == '&')) &&
            firm_run(w, r)) {
                /* "Ananya & Jon": two given names joined are two persons, though the
                 * wide list alone holds them */
                if (r->n == 1 && (r->t[0].lex & LEX_GIVEN) && !(r->t[0].lex & LEX_WORD) &&
                    !r->t[0].allcaps && !place_flags(r->t[0].lex) &&
                    !TOK_IN(&r->t[0], never_names) && given_pair(w, r->t[0].s, r->t[0].e))
                        return emit(w, r->t[0].s, r->t[0].e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
                return 0;
        }
        /* "Perth WA 6000", "Melbourne VIC 3000", "Montréal QC H3B 1A6", "Reno NV 89502": a
         * town, its state's or province's code and a postcode (the code is a word in
         * capitals of the run; "SA" is a firm's suffix too) */
        if (r->b - r->a >= 2 && r->t[r->b - 1].allcaps && r->t[r->b - 1].n <= 3 &&
            (au_state_after(w, r->t[r->b - 2].e) == r->t[r->b - 1].e ||
             (r->t[r->b - 1].n == 2 && postcode_after(w, r->t[r->b - 2].e)))) {
                unsigned lx = 0;

                for (unsigned k = r->a; k + 1 < r->b; k++)
                        lx |= r->t[k].lex;
                if (place_flags(lx | phrase_flags(r, r->a, r->b - 1)) || !(lx & LEX_WORD))
                        return emit_town_state(w, r->t[r->a].s, r->t[r->b - 2].e,
                                               r->t[r->b - 1].s, r->t[r->b - 1].e, 0.8f);
        }
        /* "moved to Boston MA last year", "Las Vegas NV.": a town of the lexicon, then its
         * state's code with no comma nor ZIP code, and no capitalised word after (the
         * letters read as an acronym, and "Los Angeles CA" gave the person "Angeles") */
        if (!title && !salut && r->b - r->a >= 2 && r->t[r->b - 1].allcaps &&
            r->t[r->b - 1].n == 2 && !r->t[r->b - 1].dot && us_state_code(b + r->t[r->b - 1].s) &&
            b[r->t[r->b - 2].e] == ' ' && r->t[r->b - 2].e + 1 == r->t[r->b - 1].s &&
            !(r->b - r->a >= 3 && (r->t[r->a].lex & LEX_GIVEN) && !(r->t[r->a].lex & LEX_CITY))) {
                size_t q = r->t[r->b - 1].e;
                unsigned pf = r->b - r->a == 2 ? r->t[r->a].lex :
                                                 phrase_flags(r, r->a, r->b - 1);

                if ((place_flags(pf) & LEX_CITY) &&
                    (q == w->len || !wordish(b, w->len, q)) &&
                    !(q + 1 < w->len && b[q] == ' ' && upper_at(b, w->len, q + 1)))
                        return emit_town_state(w, r->t[r->a].s, r->t[r->b - 2].e,
                                               r->t[r->b - 1].s, q, 0.75f);
        }
        /* a city of the lexicon before its airport's code: "FROM HANOI (HAN)", "LONDON LHR" */
        if (r->n <= 2 && r->t[r->n - 1].e + 4 < w->len && b[r->t[r->n - 1].e] == ' ' &&
            (b[r->t[r->n - 1].e + 1] == '(' || b[r->t[r->n - 1].e + 1] == ' ' ||
             (b[r->t[r->n - 1].e + 1] >= 'A' && b[r->t[r->n - 1].e + 1] <= 'Z')) &&
            (place_flags(r->t[r->n - 1].lex) & LEX_CITY) && iata_after(w, r->t[r->n - 1].e))
                return emit(w, r->n == 2 && (place_flags(phrase_flags(r, 0, 2)) & LEX_CITY) ?
                                       r->t[0].s :
                                       r->t[r->n - 1].s,
                            r->t[r->n - 1].e, T_LOCATION, ND_LOCATION_CONTEXT, 0.8f);
        /* a town after its town hall's word: "Gemeente Gent", "Comune di Bologna"; a big
         * place after a preposition, a code or an ordinary word: "En Madrid", "DAP Brussels"
         * (not "Jack London", "Sam Houston": a given name first) */
        if (!title && !salut && (r->n == 2 || (r->n == 3 && r->t[1].particle)) &&
            place_flags(r->t[r->n - 1].lex) && in_list(r->t[0].low, town_halls))
                return emit(w, r->t[r->n - 1].s, r->t[r->n - 1].e, T_LOCATION,
                            ND_LOCATION_CONTEXT, 0.8f);
        if (!title && !salut && r->n == 2 &&
            (r->t[r->n - 1].lex & (LEX_CITY_BIG | LEX_COUNTRY | LEX_REGION)) &&
            !(r->t[r->n - 1].lex & (LEX_GIVEN | LEX_WORD)) && !r->t[r->n - 1].allcaps &&
            /* after a preposition, a code in capitals or an ordinary word, not after a name
             * of no lexicon ("Shigeru Chiba") */
            (r->t[0].allcaps || (r->t[0].sets & LB_place_preps) || pure_word(&r->t[0])) &&
            !(r->t[0].lex & (LEX_GIVEN | LEX_SURNAME | LEX_STREET | LEX_STREET_BEFORE)) &&
            !place_flags(r->t[0].lex) && !is_title_abbr(&r->t[0]) && !r->t[0].dot &&
            !place_flags(phrase_flags(r, 0, r->n)) && !TOK_IN(&r->t[0], orgs))
                return emit(w, r->t[r->n - 1].s, r->t[r->n - 1].e, T_LOCATION,
                            ND_LOCATION_CONTEXT, 0.75f);
        /* a thing named after a person or a place: "James Webb Space Telescope", "Max
         * Planck Institute", "Stadtwerke Köln GmbH" (its first or last word) */
        if (!title && !salut && r->b - r->a >= 2 &&
            (TOK_IN(&r->t[r->b - 1], orgs) ||
             (TOK_IN(&r->t[r->a], orgs) && !streq(r->t[r->a].low, "united"))))
                return 0;
        /* "Heather Hicks signed the contract": a given name and a surname before a verb of
         * a person's doing, though both are ordinary words the edge rule below drops */
        if (!title && (r->b - r->a == 2 || r->b - r->a == 3)) {
                /* after an ordinary word that is no name: "Yesterday Heather Hicks said" */
                unsigned a = r->a + (r->b - r->a == 3);

                if ((a == r->a || (weak_word(&r->t[r->a]) && !(r->t[r->a].lex & LEX_GIVEN))) &&
                    (r->t[a].lex & LEX_GIVEN) &&
                    /* a surname, or a word of no list: "Achim Henck lives" */
                    ((r->t[a + 1].lex & LEX_SURNAME) ||
                     (!r->t[a + 1].lex && r->t[a + 1].n >= 2 && !camel(w, &r->t[a + 1]))) &&
                    !r->t[a].allcaps && !r->t[a + 1].allcaps && !r->t[a + 1].dot &&
                    !TOK_IN(&r->t[a], never_names) && !TOK_IN(&r->t[a + 1], never_names) &&
                    !place_flags(phrase_flags(r, a, a + 2)) && person_verb_after(w, r->t[a + 1].e))
                        return emit(w, r->t[a].s, r->t[a + 1].e, T_PERSON, ND_PERSON_CONTEXT,
                                    0.75f);
        }
        /* drop ordinary words at the edges ("Yesterday John Smith", "Meeting With ..."), but
         * not from a place that is the run's words together ("New York", "United Kingdom") */
        /* (a lexicon look-up: only when an edge word would go) */
        place_run = !title && r->b - r->a > 1 &&
                    (weak_word(&r->t[r->a]) || TOK_IN(&r->t[r->a], never_names) ||
                     weak_word(&r->t[r->b - 1]) || TOK_IN(&r->t[r->b - 1], never_names)) &&
                    place_flags(phrase_flags(r, r->a, r->b));
        if (!title && !place_run) {
                while (r->b - r->a > 1 && (weak_word(&r->t[r->a]) ||
                                           TOK_IN(&r->t[r->a], never_names))) {
                        const struct tok *n1 = &r->t[r->a + 1];

                        /* "East Lavonne, NH", "New Mireya, WV", "Port Vanessa", "West Steven
                         * General": the first word of a town before its state or a name (and
                         * an ordinary word the edge drops next) */
                        if ((r->b - r->a == 2 ||
                             (r->b - r->a == 3 && weak_word(&r->t[r->b - 1]))) &&
                            !r->t[r->a].allcaps && town_first(&r->t[r->a]) &&
                            (town_rest(w, &r->t[r->a], n1) || state_after(w, r->t[r->b - 1].e)))
                                break;
                        /* "Summer Okonkwo", "Faith Okoro": a given name before a name that is
                         * no word stays */
                        if ((r->t[r->a].lex & LEX_GIVEN) && !TOK_IN(&r->t[r->a], never_names) &&
                            !(n1->lex & LEX_WORD) && !n1->particle && !n1->dot &&
                            !place_flags(n1->lex))
                                break;
                        /* "Jan van der Meulen": a given name, a small particle after it */
                        if ((r->t[r->a].lex & LEX_GIVEN) && r->b - r->a >= 3 && n1->particle &&
                            b[n1->s] >= 'a' && b[n1->s] <= 'z')
                                break;
                        /* "A. McGrath", "I. Jansen": an initial before a surname */
                        if (r->t[r->a].dot && r->t[r->a].n == 1 && (n1->lex & LEX_SURNAME) &&
                            (!(n1->lex & LEX_WORD) || ((n1->lex & LEX_SURNAME_TOP) && n1->n >= 4)))
                                break;
                        r->a++;
                }
                while (r->b - r->a > 1 && (weak_word(&r->t[r->b - 1]) ||
                                           TOK_IN(&r->t[r->b - 1], never_names))) {
                        const struct tok *l = &r->t[r->b - 1];

                        /* "Matt Welsh", "Dawn French": a frequent given name, then a census
                         * surname that never_names[] holds (a nationality's word) */
                        if (r->b - r->a == 2 && (r->t[r->a].lex & LEX_GIVEN_TOP) &&
                            (l->lex & LEX_SURNAME) && TOK_IN(l, never_names) && !l->allcaps)
                                break;
                        /* "Adrian Bunk": a given name that is no word, then a surname that
                         * is a rare word */
                        if (r->b - r->a == 2 && (r->t[r->a].lex & LEX_GIVEN) &&
                            !(r->t[r->a].lex & (LEX_WORD | LEX_COUNTRY | LEX_REGION)) &&
                            (!(r->t[r->a].lex & LEX_CITY) || (r->t[r->a].lex & LEX_GIVEN_TOP)) &&
                            !r->t[r->a].allcaps && (l->lex & LEX_SURNAME) &&
                            !TOK_IN(l, never_names) && !l->allcaps && !l->dot)
                                break;
                        r->b--;
                }
        }
        /* a noun for a person the edge took off is the word before the name: "Familie
         * Nguyen", "Schwester Elif" */
        if (r->a > 0 && TOK_IN(&r->t[r->a - 1], relations) &&
            TOK_IN(&r->t[r->a - 1], never_names) && /* not "Coach Class" */
            r->t[r->a - 1].e + 1 == r->t[r->a].s)
                pw_sets |= LB_relations;
        /* "Call John Smith at ...": a sentence's first word, an ordinary word that is also a
         * surname (Call, Ask), before a given name */
        if (!title && !salut && !place_run && r->b - r->a >= 3 &&
            (r->t[r->a].lex & LEX_WORD) && !(r->t[r->a].lex & LEX_GIVEN) &&
            (r->t[r->a + 1].lex & LEX_GIVEN) && sentence_start_before(w, r->t[r->a].s))
                r->a++;
        /* after a title the particles lead the surname: "Mrs van der Berg", "Sr. de la Fuente" */
        while (r->a < r->b && r->t[r->a].particle && (!title || r->a + 1 == r->b))
                r->a++;
        while (r->b > r->a && r->t[r->b - 1].particle)
                r->b--;
        if (r->a >= r->b)
                return 0;
        nt = r->b - r->a;
        s = r->t[r->a].s;
        e = r->t[r->b - 1].e;
        /* "Jan van der Meulen", "Will de Vries": a given name, small particles and a
         * surname are a person, though the given name is a word or a month ("Jan") */
        if (nt >= 3 && (r->t[r->a].lex & LEX_GIVEN) && r->t[r->a].upper && !r->t[r->a].allcaps &&
            !r->t[r->a].dot) {
                const struct tok *ln = &r->t[r->b - 1];
                bool ok = ln->upper && !ln->allcaps && !ln->digit && !ln->dot &&
                          ((ln->lex & LEX_SURNAME) || !(ln->lex & LEX_WORD)) && !camel(w, ln) &&
                          !place_flags(phrase_flags(r, r->a, r->b));

                for (unsigned k = r->a + 1; ok && k + 1 < r->b; k++)
                        ok = r->t[k].particle && ((b[r->t[k].s] >= 'a' && b[r->t[k].s] <= 'z') ||
                                                  b[r->t[k].s] == '\'');
                if (ok)
                        return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
        }
        for (unsigned k = r->a; k < r->b; k++) {
                /* "Maria De La Cruz", "Anna Van Der Berg": particles written with capitals
                 * inside a run are particles too ("La" and "Der" are never_names[] alone),
                 * after a given name or a title ("The Musée De La Ville" stays) */
                if (k > r->a && k + 1 < r->b && r->t[k].upper && !r->t[k].allcaps &&
                    r->t[k].n <= 5 &&
                    (title || salut ||
                     ((r->t[r->a].lex & LEX_GIVEN) && !weak_word(&r->t[r->a]))) &&
                    (TOK_IN(&r->t[k], particles) || in_list(r->t[k].low, cap_particles)))
                        continue;
                /* after a title, a census surname that is no English word though another
                 * language's function word: "Frau Vos", "Dr Das", "Mr Le" */
                if (TOK_IN(&r->t[k], never_names) && (r->t[k].lex & LEX_SURNAME) &&
                    r->t[k].upper && !r->t[k].allcaps &&
                    ((title && !(r->t[k].lex & LEX_WORD)) ||
                     /* "Matt Welsh": kept by the edge rule above */
                     (k == r->a + 1 && r->b - r->a == 2 &&
                      (r->t[r->a].lex & LEX_GIVEN_TOP)))) {
                        lexor |= r->t[k].lex;
                        continue;
                }
                if (!namelike(w, &r->t[k]) && !r->t[k].particle && !(r->t[k].dot && r->t[k].n == 1) &&
                    !place_run &&
                    /* "East Lavonne, NH", "Port Vanessa": kept by the edge rule above */
                    !(k == r->a && r->b - r->a == 2 && town_first(&r->t[k]) &&
                      (town_rest(w, &r->t[k], &r->t[k + 1]) || state_after(w, e))))
                        return caps_name(w, r, title);
                lexor |= r->t[k].lex;
        }
        if (r->t[r->a].dot) /* a run never starts with an initial alone: "A. The" */
                if (nt == 1)
                        return 0;
        phr = phrase_flags(r, r->a, r->b);

        /* a street without its number: "Regent Road", "Beckett Street", "Fullerton Ave",
         * "Haile Selassie Avenue" (the tagger took several for persons); the types that
         * name nothing else */
        if (!title && nt >= 2 && nt <= 4 && bare_street_type(&r->t[r->b - 1]) &&
            r->t[r->b - 2].upper && !TOK_IN(&r->t[r->a], never_names)) {
                const struct tok *lt = &r->t[r->b - 1];

                /* a given name and a surname that is a street type ("Iain Lane") is a
                 * person, but not with a street's context: a town after it ("Thomas Street,
                 * Dublin 8"), a street's preposition before it ("down Thomas Street") */
                bool ctx = (e + 2 < w->len && b[e] == ',' && b[e + 1] == ' ' &&
                            city_word_at(w, e + 2)) ||
                           streq(pw, "down") || streq(pw, "along") || streq(pw, "off") ||
                           streq(pw, "onto") || streq(pw, "up");
                char sl[40];

                if (!ctx && (lt->lex & LEX_SURNAME) && (r->t[r->a].lex & LEX_GIVEN)) {
                        label_before(w, s, sl, sizeof(sl)); /* "line2": "Thomas Street" */
                        ctx = sl[0] && street_label(sl);
                }

                /* a sentence's full stop after "Avenue" is no part of it (after "Ave" it is) */
                if (ctx || !((lt->lex & LEX_SURNAME) && (r->t[r->a].lex & LEX_GIVEN)))
                        return emit(w, s, b[e - 1] == '.' && full_street_word(lt) ? e - 1 : e,
                                    T_STREET_ADDRESS, ND_STREET, 0.7f);
        }

        /* a big city or a country between words of no list, which a sentence's start or a
         * language's capitals put beside it: "Nitarudi Nairobi Jumatatu" (Swahili: I return
         * to Nairobi on Monday) */
        if (!title && !salut && nt == 3) { /* not two: "Kenichi Handa", "Yiyang Fei" */
                unsigned city = UINT_MAX, unknown = 0;

                for (unsigned k = r->a; k < r->b; k++) {
                        const struct tok *t = &r->t[k];

                        if ((t->lex & (LEX_CITY_BIG | LEX_COUNTRY)) &&
                            !(t->lex & (LEX_GIVEN | LEX_SURNAME | LEX_WORD)) && !t->allcaps)
                                city = k;
                        else if (!t->lex && t->upper && !t->allcaps && !t->digit && !t->dot &&
                                 t->n >= 3 && !t->street_suffix)
                                unknown++;
                }
                if (city == r->a + 1 && unknown == 2 && !(phr & LEX_PHRASE))
                        return emit(w, r->t[city].s, r->t[city].e, T_LOCATION,
                                    ND_LOCATION_CONTEXT, 0.7f);
        }

        /* 2. person context */
        if (!title && r->t[0].s >= 7 && b[r->t[0].s - 4] == '.' && /* the dot first */
            (memcmp(b + r->t[0].s - 7, "Sig.ra ", 7) == 0 ||
                                         memcmp(b + r->t[0].s - 7, "Sig.na ", 7) == 0))
                title = true;
        if (!title && r->t[0].s >= 9 && b[r->t[0].s - 5] == '.' &&
            memcmp(b + r->t[0].s - 9, "Dott.ssa ", 9) == 0)
                title = true;
        if (title && !(nt == 1 && pure_word(&r->t[r->a]) && line_start_before(w, r->t[0].s)))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.9f);
        /* "Sofia and I went", "Oskar and me": a given name beside the speaker, though a
         * place's name too */
        if (nt <= 2 && (r->t[r->a].lex & LEX_GIVEN) && !r->t[r->a].allcaps &&
            !(r->t[r->a].lex & (LEX_COUNTRY | LEX_REGION)) && !pure_word(&r->t[r->b - 1]) &&
            e + 7 < w->len && b[e] == ' ' && b[e + 1] == 'a' && b[e + 2] == 'n' &&
            b[e + 3] == 'd' && b[e + 4] == ' ' &&
            ((b[e + 5] == 'I' && (b[e + 6] == ' ' || b[e + 6] == ',' || b[e + 6] == '\'')) ||
             (e + 8 < w->len && b[e + 5] == 'm' && b[e + 6] == 'e' && !wordish(b, w->len, e + 7))))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
        /* an age after it: "Jackson, 12 years old", "Mia Holt, aged 7", "Tom Reed (34),"
         * (the first bytes before the call); not a country or region, nor ordinary words */
        if (nt <= 3 && e + 4 < w->len &&
            ((b[e] == ',' && b[e + 1] == ' ' &&
              ((lexor & (LEX_GIVEN | LEX_SURNAME)) || !(lexor & LEX_WORD))) ||
             (b[e] == ' ' && b[e + 1] == '(' && nt >= 2 && (r->t[r->a].lex & LEX_GIVEN))) &&
            !((phr | lexor) & (LEX_COUNTRY | LEX_REGION)) &&
            !(nt == 1 && pure_word(&r->t[r->a])) && !(pw_sets & LB_place_preps) &&
            !streq(pw, "in") && !streq(pw, "from") && !streq(pw, "to") &&
            age_after(b, w->len, e))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.85f);
        /* a town by its words' shape: "Port Vanessa", "East Amanda", "Jamieview", "North
         * Brianport" (a title, above, makes a person of them) */
        if ((nt == 2 && !r->t[r->a].allcaps && town_first(&r->t[r->a]) &&
             town_rest(w, &r->t[r->a], &r->t[r->a + 1]) && !phr) ||
            (nt == 1 && (town_shape(w, &r->t[r->a]) || fr_town_shape(w, &r->t[r->a]))))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
        if (nt == 1 && (streq(pw, "in") || streq(pw, "to") || streq(pw, "from") ||
                        streq(pw, "near") || streq(pw, "of") || streq(pw, "at")) &&
            !line_start_before(w, s) && town_ending_only(w, &r->t[r->a]))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.7f);
        label_before(w, r->t[0].s, label, sizeof(label));
        /* a cell of a CSV, after its separator or quote (most runs are after a space); a
         * value of an SQL INSERT */
        if (!label[0] && s > 0 && (b[s - 1] == ',' || b[s - 1] == ';' || b[s - 1] == '\t' ||
                                   b[s - 1] == '"' || b[s - 1] == '\n' ||
                                   (b[s - 1] == ' ' && s >= 2 &&
                                    (b[s - 2] == '|' || b[s - 2] == ' '))))
                csv_label(w, s, r->t[r->n - 1].e, label, sizeof(label)); /* the whole cell */
        /* a CSV's last_name cell led by small particles: ",van der Meulen," */
        if (!label[0] && r->a == 0 && !r->t[0].allcaps && particle_before(b, s) != s) {
                size_t ps = s;

                for (int np = 0; np < 3; np++) {
                        size_t q = particle_before(b, ps);

                        if (q == ps)
                                break;
                        ps = q;
                }
                if (ps > 0 && (b[ps - 1] == ',' || b[ps - 1] == ';' || b[ps - 1] == '\t')) {
                        csv_label(w, ps, e, label, sizeof(label));
                        if (label[0] && person_name_label(label, set_mask(label, strlen(label))))
                                return emit(w, ps, e, T_PERSON, ND_PERSON_CONTEXT, 0.85f);
                        label[0] = '\0';
                }
        }
        if (!label[0] && s > 0 && b[s - 1] == '\'')
                sql_label(w, s, e, label, sizeof(label));
        if (!label[0] && s >= 2 && b[s - 1] == ' ' && (b[s - 2] == ',' || b[s - 2] == ';')) {
                list_label(w, s, label, sizeof(label));
                /* a list's later item with a number after it, or a place of the lexicon
                 * without a given name first, is the address that follows the name:
                 * "Beneficiary: Svetlana Ivanova, Moscow 119334", "Guest: Hamid Rezaei,
                 * Room 1204" */
                if (label[0] &&
                    ((e + 2 < w->len && b[e] == ' ' && is_digit(b[e + 1])) ||
                     place_flags(phr) ||
                     (place_flags(lexor) && !(lexor & (LEX_GIVEN | LEX_SURNAME))) ||
                     (nt == 1 && (lexor & (LEX_CITY_BIG | LEX_COUNTRY | LEX_REGION)))))
                        label[0] = '\0';
        }
        if (!label[0] && s > 0 && (b[s - 1] == ':' || b[s - 1] == ';'))
                vcard_label(w, s, label, sizeof(label));
        label_sets = label[0] ? set_mask(label, strlen(label)) : 0;
        /* a firm's field or column: "Company: Morgan Stanley", "| Employer |" */
        if (label[0] && in_list(label, firm_labels))
                return 0;
        /* a user's display name: "display_name=Chukwuemeka", "displayName": "Ana Rossi" */
        if (label[0] && nt <= 4 && display_name_key(b, r->t[0].s) &&
            ((lexor & (LEX_GIVEN | LEX_SURNAME)) || !(lexor & LEX_WORD)) &&
            !place_flags(phr))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.85f);
        strong = false;
        if (label_sets & LB_mail_labels)
                strong = true;
        if (e + 1 < w->len && b[e] == ' ' && b[e + 1] == '<' &&
            memchr(b + e, '@', MIN((size_t)80, w->len - e)))
                strong = true;
        if (strong && nt >= 1 && !(nt == 1 && pure_word(&r->t[r->a])))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.9f);
        if (label[0] && person_name_label(label, label_sets) && !(label_sets & LB_mail_labels) &&
            !(nt == 1 && pure_word(&r->t[r->a])) &&
            (!streq(label, "name") || (lexor & (LEX_GIVEN | LEX_SURNAME)) ||
             !(lexor & LEX_WORD)))
                return emit(w, s, given_after(w, r, label_tail(r, e)), T_PERSON,
                            ND_PERSON_CONTEXT, 0.85f);
        if (salut && !pure_word(&r->t[r->a]))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.85f);
        /* a chat's "say hi to Meera", "ask for Zanele", "ping Jing": a given name of the
         * lexicon first, no place (not "ask for Barclays", "say hi to Paris") */
        if ((r->t[r->a].lex & LEX_GIVEN) && !place_flags(lexor | phr) &&
            chat_intro(w, r->t[0].s))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
        /* "is called Grant", not "is called Main": one ordinary word is a given name (the
         * token tests first) */
        if (!weak_word(&r->t[r->a]) && !(nt == 1 && (lexor & LEX_WORD) && !(lexor & LEX_GIVEN)) &&
            introduced(w, r->t[0].s))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.85f);
        if (line_start_before(w, s) && line_end_after(w, e) && nt <= 4 &&
            !(nt == 1 && pure_word(&r->t[r->a]))) {
                previous_line(w, s, line, sizeof(line));
                if (line[0] && in_set(line, signoffs))
                        return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.85f);
                /* "Ship to:\nPatrick Mulligan": a given name or initial first */
                if (line[0] && nt >= 2 && line[strlen(line) - 1] == ':' &&
                    ((r->t[r->a].lex & LEX_GIVEN) || r->t[r->a].dot) &&
                    (lexor & (LEX_GIVEN | LEX_SURNAME)) && !place_flags(phr) &&
                    !(lexor & (LEX_COUNTRY | LEX_REGION)) &&
                    !(place_flags(r->t[r->a].lex) && !(r->t[r->b - 1].lex & LEX_SURNAME)) &&
                    in_list(line, block_heads))
                        return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
        }
        if (s >= 2 && b[s - 1] == ' ' && b[s - 2] == ',' && nt <= 3 &&
            !(nt == 1 && pure_word(&r->t[r->a])) &&
            (line_end_after(w, e) || (e < w->len && (b[e] == '.' || b[e] == '!'))) &&
            signoff_before(w, s))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.85f);

        /* "Vaswani et al.": an author */
        if (nt <= 3 && e + 7 <= w->len && b[e + 1] == 'e' && memcmp(b + e, " et al", 6) == 0 &&
            !(nt == 1 && pure_word(&r->t[r->a])) && !place_flags(lexor | phr))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.85f);
        /* "Ananya & Jon", "Morag and Iain": two given names joined */
        if (nt == 1 && (r->t[r->a].lex & LEX_GIVEN) && !(r->t[r->a].lex & LEX_WORD) &&
            !r->t[r->a].allcaps && !place_flags(lexor | phr) &&
            !TOK_IN(&r->t[r->a], never_names) && e + 3 < w->len && given_pair(w, s, e))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);
        /* "her husband Tunde", "my colleague Rajesh Kumar": a noun for a person before;
         * "ask Priya", "driver Declan": a verb or a role, before a given name */
        if ((pw_sets & (LB_relations | LB_person_verbs)) && nt <= 3 && !place_flags(phr) &&
            ((lexor & (LEX_GIVEN | LEX_SURNAME)) ||
             !(lexor & (LEX_WORD | LEX_CITY | LEX_REGION | LEX_COUNTRY))) &&
            (!(pw_sets & LB_person_verbs) ||
             ((r->t[r->a].lex & LEX_GIVEN) && !(r->t[r->a].lex & LEX_WORD) &&
              !r->t[r->a].allcaps && !place_flags(lexor) &&
              !TOK_IN(&r->t[r->a], never_names))))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.8f);

        /* 3. place context */
        /* a small town of towns.txt where the context is a place's: after "in", "to",
         * "near"; as the next of a list of places; before ", " and a known place ("Kritsa,
         * Crete"); after a street ("Stoke Lane, Bishops Lydeard") */
        if (((lexor & LEX_TOWN) || (r->t[r->a].lex & LEX_TOWN_PHRASE)) && !place_flags(phr) &&
            is_town(r, r->a, r->b, lexor) &&
            ((!line_start_before(w, s) &&
              (streq(pw, "in") || streq(pw, "to") || streq(pw, "near") ||
               streq(pw, "nearby") || streq(pw, "from") || streq(pw, "via") ||
               streq(pw, "visited") || streq(pw, "visiting") || streq(pw, "visit") ||
               streq(pw, "à") || streq(pw, "nach") || streq(pw, "aus") || streq(pw, "naar") ||
               streq(pw, "uit") || streq(pw, "dans") || streq(pw, "vicino") ||
               town_prep(pw))) ||
             item_before(w, w->last_loc_end, s) ||
             (e + 3 < w->len && b[e] == ',' && b[e + 1] == ' ' && place_word_at(w, e + 2)) ||
             (w->last_street_end && s >= 2 && s - w->last_street_end <= 3 &&
              (b[s - 1] == '\n' || b[s - 2] == ','))))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
        if (label_sets & LB_place_labels)
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.85f);
        /* an Irish or British county after "Co.": "Ballina, Co. Mayo" (not "& Co. Ltd") */
        if (s >= 4 && b[s - 1] == ' ' && b[s - 2] == '.' && (b[s - 3] | 0x20) == 'o' &&
            (b[s - 4] | 0x20) == 'c' && (s == 4 || !wordish(b, w->len, s - 5)) && nt <= 2 &&
            !(nt == 1 && pure_word(&r->t[r->a])) && !(s >= 7 && b[s - 6] == '&'))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.8f);
        /* a letter's place and date: "Leipzig, den 6. November", "Bordeaux, le 1 mars" */
        if (e + 3 < w->len && b[e] == ',' && b[e + 1] == ' ' &&
            (place_flags(lexor | phr) & LEX_CITY) && line_start_before(w, s) &&
            date_after(w, e + 2))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.8f);
        if (((postcode_before(w, s) && !(year_in_prose_before(b, s) && !place_flags(lexor | phr)) &&
              /* "Copyright 1993 C.W. Sandmann": initials lead a name, not a town */
              !(r->t[r->a].dot && r->t[r->a].n == 1)) ||
             /* postcode_after()'s first bytes: a capital, then a digit or a capital */
             (e + 7 < w->len && b[e] == ' ' && b[e + 1] >= 'A' && b[e + 1] <= 'Z' &&
              (is_digit(b[e + 2]) || (b[e + 2] >= 'A' && b[e + 2] <= 'Z')) &&
              postcode_after(w, e))) &&
            (place_flags(lexor | phr) || !(lexor & LEX_WORD)))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.85f);
        /* "Town, ST", "West Mireya, WV"; not "Laura Chen, MD" or "Thomas Whitfield, RN": a
         * given name first and no place in the run's words together is a clinician before a
         * degree, as is an initial first */
        if (state_after(w, e) && !(r->t[r->a].dot && r->t[r->a].n == 1) && /* "J. Reyes, MD" */
            ((nt == 2 && town_first(&r->t[r->a]) &&
              !(r->t[r->a + 1].lex & LEX_WORD)) ||
             ((place_flags(lexor | phr) || !(lexor & LEX_WORD)) &&
              !(nt >= 2 && (r->t[r->a].lex & LEX_GIVEN) && !place_flags(phr)))))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.8f);

        if (w->last_loc_end && s >= 2 && w->last_loc_end == s - 2 && b[s - 2] == ',' &&
            place_flags(lexor | phr) & (LEX_REGION | LEX_COUNTRY | LEX_CITY))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.8f);
        if (w->last_street_end && s >= 2 && s - w->last_street_end <= 3 && b[s - 2] == ',' &&
            (place_flags(lexor | phr) || !(lexor & LEX_WORD) || state_after(w, e)))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.8f);
        /* the town on the line after the street: only a known place or "Town, ST" */
        if (w->last_street_end && s >= 1 && s - w->last_street_end <= 2 && b[s - 1] == '\n' &&
            (place_flags(lexor | phr) || state_after(w, e)))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.8f);
        /* a country: at a sentence's start when it is no word and no given name
         * ("Germany's representative"; not "Jordan", "Chad", "Turkey"), inside one when it is
         * no given name ("that China would"; a word's capital there is the country's) */
        if ((nt == 1 && (lexor & LEX_COUNTRY) && !(lexor & (LEX_WORD | LEX_GIVEN))) ||
            (((nt == 1 && (lexor & LEX_COUNTRY) && !(lexor & LEX_GIVEN)) ||
              (phr & LEX_COUNTRY)) && !sentence_start_before(w, s)))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.8f);
        /* the run's words together are a place of the lexicon ("North Yorkshire", "Santa
         * Clara"): a place, though its words are a surname ("North") or a given name */
        if (nt >= 2 && place_flags(phr))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
        if (nt == 1 && (lexor & LEX_CITY_BIG) && !(lexor & LEX_GIVEN) &&
            (streq(pw, "in") || streq(pw, "from") || streq(pw, "to") || streq(pw, "near") ||
             /* the same in French, German and Dutch: "à Nice", "nach Essen" */
             streq(pw, "à") || streq(pw, "nach") || streq(pw, "aus") || streq(pw, "naar") ||
             streq(pw, "uit") || streq(pw, "dans")) &&
            !line_start_before(w, s))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.7f);
        if ((pw_sets & LB_place_preps) && !streq(pw, "and") && !streq(pw, "of") &&
            (place_flags(phr) || (nt == 1 && place_flags(lexor) && !(lexor & LEX_WORD))) &&
            !((lexor & LEX_GIVEN) && nt == 2))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
        /* a park, a square, a station after a preposition of place: "at Hyde Park", "in
         * Victoria Park" (Hyde and Park are surnames; the tagger read a person) */
        if ((pw_sets & LB_place_preps) && !streq(pw, "and") && !streq(pw, "of") && nt >= 2 &&
            nt <= 3 && !r->t[r->b - 1].allcaps) {
                static const char *const sites[] = {
                        "park", "gardens", "square", "bridge", "castle", "abbey", "palace",
                        "station", "airport", "harbour", "harbor", "beach", "lake", "common",
                        "heath", "pier", "stadium", NULL
                };

                if (in_list(r->t[r->b - 1].low, sites))
                        return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.7f);
        }

        /* a country after a preposition of place, though it is a word or a given name too
         * ("in Turkey", "a holiday in Jordan") */
        if ((pw_sets & LB_place_preps) && !streq(pw, "and") && !streq(pw, "of") && nt == 1 &&
            (lexor & LEX_COUNTRY))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
        /* the next item of a list of places ("between Izmir and Hamburg", "in Galway and
         * Limerick"): a place of the lexicon, a word only if a big one */
        if (item_before(w, w->last_loc_end, s) &&
            (place_flags(phr) ||
             (nt == 1 && place_flags(lexor) &&
              (!(lexor & (LEX_WORD | LEX_GIVEN)) ||
               (lexor & (LEX_CITY_BIG | LEX_COUNTRY | LEX_REGION))))))
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
        /* a big city alone in parentheses: "(Bologna)" */
        if (nt == 1 && (lexor & LEX_CITY_BIG) && !(lexor & (LEX_WORD | LEX_GIVEN)) && s > 0 &&
            b[s - 1] == '(' && e < w->len && b[e] == ')')
                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.7f);
        /* "in the Lake District", "across the Cotswolds": a region after the article */
        if (streq(pw, "the") && (place_flags(phr) & LEX_REGION ||
                                 (nt == 1 && (lexor & LEX_REGION) && !(lexor & LEX_WORD)))) {
                const struct prev *pm = prev_word(w, r->t[0].s, 0);

                if (pm->s != SIZE_MAX) {
                        const struct prev *p2 = prev_word(w, pm->s, 0);

                        if (p2->s != SIZE_MAX && (prev_sets(w, p2) & LB_place_preps) &&
                            !streq(p2->low, "and") && !streq(p2->low, "of"))
                                return emit(w, s, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.75f);
                }
        }

        /* A lone word with no name or place flag ("Redfield", "Kestrel") is left two rules
         * below, the word of a name seen before and the name in an e-mail, and the tagger
         * drops it: when neither holds, nothing is found whatever the word after it is.
         * (phr is 0 for one word; the tests are those of the rules below, with lexor's.) */
        if (nt == 1 && !(lexor & (LEX_GIVEN | LEX_SURNAME | LEX_CITY | LEX_REGION | LEX_COUNTRY)) &&
            !(seen_name(w, r->t[r->a].low, r->t[r->a].n, s) &&
              (!(lexor & LEX_WORD) || !sentence_start_before(w, s))) &&
            !(!(lexor & LEX_WORD) && name_in_nearby_email(w, r)))
                return 0;

        /* a thing named after a person or a place: "Victoria sponge", "the Moto G range"
         * (the rules above had the context for a person or a place; these have none) */
        {
                size_t q = e, qe;
                bool digit;
                char nw[WORD_MAX + 1];

                if (q < w->len && b[q] == ' ')
                        q++;
                /* in the possessive, the word after is no thing of that name: "Jessica's
                 * laptop" */
                if (possessive_len(b, s, e))
                        goto not_thing;
#ifdef __SSE2__
                {
                        struct word16 v;

                        /* most often: a word of ASCII letters (what word16() says is what
                         * word_end() would), lower-cased from its load; not through the word
                         * cache, which the capitalised words keep */
                        if (q < w->len && b[q] >= 'a' && b[q] <= 'z' && w->len - q >= 16 &&
                            word16(b, q, &v, &qe, &digit)) {
                                if (!digit && (set_mask(lower_word16(&v, qe - q, nw), qe - q) &
                                               LB_things_after))
                                        return 0;
                                goto not_thing;
                        }
                }
#endif
                qe = q < w->len && b[q] >= 'a' && b[q] <= 'z' ? word_end(b, w->len, q, &digit) : q;
                if (qe > q && qe - q <= WORD_MAX && !digit &&
                    pii_lex_lower(b + q, qe - q, nw, sizeof(nw)) && in_set(nw, things_after))
                        return 0;
        }

not_thing:
        /* a word of a name found before, alone: "Rajesh confirmed", "Eze was born" (an
         * ordinary word, "Hope", not at a sentence's start) */
        /* A small town's name too, but not before ", " and a place: "Gerhard Schroeder ...
         * and Schroeder agreed" (Schroeder, Brazil), not "Jackson, Mississippi" */
        if (nt == 1 && seen_name(w, r->t[r->a].low, r->t[r->a].n, s) &&
            !(place_flags(lexor | phr) & ~(unsigned)LEX_CITY) && !(lexor & LEX_CITY_BIG) &&
            /* "Wayland Layer Shell", "Perl Database Driver" (the ordinary words the edge
             * rule dropped still follow in the run), not "Pascal Hambourg" */
            !(tech_name(&r->t[r->a]) && r->a + 1 < r->n && (r->t[r->a + 1].lex & LEX_WORD)) &&
            !(place_flags(lexor) && e + 2 < w->len && b[e] == ',' && b[e + 1] == ' ') &&
            (!(lexor & LEX_WORD) || !sentence_start_before(w, s)))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.7f);

        if (nt == 1 && r->a == 0 && couple_first(w, &r->t[0]))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.75f);

        /* 4. lexicon */
        if (nt >= 2 && nt <= 4 && (r->t[r->a].lex & LEX_GIVEN) &&
            (r->t[r->b - 1].lex & LEX_SURNAME) && !place_flags(phr) &&
            !tech_name(&r->t[r->a]) &&
            !(pure_word(&r->t[r->a]) || pure_word(&r->t[r->b - 1])) &&
            (!((r->t[r->a].lex & LEX_WORD) && (r->t[r->b - 1].lex & LEX_WORD)) ||
             /* both words, but a frequent given name and a frequent surname: John Smith,
              * Bill Gates */
             ((r->t[r->a].lex & LEX_GIVEN_TOP) && (r->t[r->b - 1].lex & LEX_SURNAME_TOP))))
                return emit(w, s, e, T_PERSON, ND_PERSON_LEXICON, 0.75f);
        if (nt == 1 && (r->t[r->a].lex & LEX_SURNAME) && !(r->t[r->a].lex & LEX_WORD) &&
            e + 2 < w->len && b[e] == ',' && b[e + 1] == ' ' && upper_at(b, w->len, e + 2)) {
                struct run r2;
                size_t next;

                if (build_run(w, e + 2, &r2, &next, NULL) && r2.n <= 2 &&
                    (r2.t[0].lex & LEX_GIVEN) &&
                    !(r2.t[0].lex & LEX_WORD) && !place_flags(r2.t[0].lex) &&
                    !place_flags(r->t[r->a].lex))
                        return emit(w, s, r2.t[r2.n - 1].e, T_PERSON, ND_PERSON_LEXICON, 0.75f);
        }
        /* initials and a surname: "J. Smith", "A. McGrath", "M.C. Delacroix" */
        if (nt >= 2 && nt <= 3 && r->t[r->a].dot && r->t[r->a].n == 1 &&
            (nt == 2 || (r->t[r->a + 1].dot && r->t[r->a + 1].n == 1))) {
                const struct tok *ln = &r->t[r->b - 1];

                if (!ln->dot && !ln->allcaps && !ln->digit && !place_flags(ln->lex | phr) &&
                    (ln->lex & LEX_SURNAME) &&
                    (!(ln->lex & LEX_WORD) || ((ln->lex & LEX_SURNAME_TOP) && ln->n >= 4))) {
                        size_t is = s;

                        /* glued initials before the run's: "M.C." */
                        while (is >= 2 && b[is - 1] == '.' && b[is - 2] >= 'A' &&
                               b[is - 2] <= 'Z' && (is == 2 || !wordish(b, w->len, is - 3)))
                                is -= 2;
                        return emit(w, is, e, T_PERSON, ND_PERSON_LEXICON, 0.75f);
                }
        }
        if ((lexor & (LEX_GIVEN | LEX_SURNAME) || !(lexor & LEX_WORD)) &&
            !place_flags(lexor | phr) && name_in_nearby_email(w, r))
                return emit(w, s, e, T_PERSON, ND_PERSON_LEXICON, 0.75f);
        /* a list of given names: "Declan, Aoife and Cian" (after "Last, First") */
        if (nt == 1 && list_given(&r->t[r->a]) && in_name_list(w, r))
                return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.75f);

        /* a given name in the possessive before a small word: "Jessica's laptop" (the tagger
         * left it O); not a place's ("Georgia's coast", "Sydney's harbour": a big city's is
         * left to the tagger) */
        if (nt == 1 && e + 2 < w->len && b[e] == ' ' && b[e + 1] >= 'a' && b[e + 1] <= 'z' &&
            possessive_len(b, s, e)) {
                unsigned lx = r->t[r->a].lex;

                if ((lx & LEX_GIVEN) &&
                    !(lx & (LEX_WORD | LEX_GIVEN_WIDE | LEX_COUNTRY | LEX_REGION | LEX_CITY_BIG)) &&
                    !r->t[r->a].allcaps &&
                    !in_list(r->t[r->a].low, product_names))
                        return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.7f);
        }
        /* a given name before a verb of a person's doing: "yes, Tomasz reviewed it" (not a
         * country's or a region's, nor a big city's unless the name is a common one:
         * "Beijing said" is a government, "Brandon called me" a person) */
        if (nt == 1) {
                const struct tok *t = &r->t[r->a];
                unsigned lx = t->lex;

                if ((lx & LEX_GIVEN) && !(lx & (LEX_WORD | LEX_COUNTRY | LEX_REGION)) &&
                    (!(lx & LEX_CITY_BIG) || (lx & LEX_GIVEN_TOP)) && !t->allcaps &&
                    !TOK_IN(t, never_names) && !place_flags(phr) && person_verb_after(w, e))
                        return emit(w, s, e, T_PERSON, ND_PERSON_CONTEXT, 0.75f);
        }
        /* 5. the tagger, for runs with a name, a place or an unknown word in them */
        {
                bool any = false;
                struct feats F;
                int c;
                float margin = 0;

                /* a word of the run that is no ordinary English word: "Will Grant" and
                 * "Larger Work" (census surnames both) stay O without a context rule */
                for (unsigned k = r->a; k < r->b; k++)
                        if (!(r->t[k].lex & LEX_WORD) && !r->t[k].particle && !r->t[k].dot)
                                any = true;
                /* one word, no name or place of the lexicon: "Hereinafter", "Netscape" */
                if (!any || (nt == 1 && !(lexor & (LEX_GIVEN | LEX_SURNAME | LEX_CITY |
                                                   LEX_REGION | LEX_COUNTRY))))
                        return 0;
                /* the line under a signature's name: the signer's firm or role ("Ximena
                 * Villalobos\nSeguros Iberia Mutua"), a person only by the rules above */
                if (w->last_person_end && s > w->last_person_end &&
                    s - w->last_person_end <= 2 && b[s - 1] == '\n' &&
                    line_end_after(w, e) && !(r->t[r->a].lex & LEX_GIVEN))
                        return 0;
                features(w, r, phr, &F);
                if (w->tag)
                        c = w->tag(w->ud, s, e, F.f, F.n);
                else
                        c = pii_names_classify(F.f, F.n, &margin);
                if (c == NC_PERSON && !(lexor & (LEX_GIVEN | LEX_SURNAME)) && place_flags(lexor))
                        c = NC_O; /* places only: "California law" */
                if (c == NC_PERSON && nt == 1 && !(lexor & LEX_GIVEN))
                        c = NC_O; /* a lone surname without context: "failed Luhn check" */
                /* nor a lone given name of the wide list only: that list's rare names are
                 * brands and nicknames as often ("Wilo", "Anya" potatoes, "Genny") */
                if (c == NC_PERSON && nt == 1 && (lexor & LEX_GIVEN_WIDE))
                        c = NC_O;
                if (c == NC_PERSON && in_place_list(w, r))
                        c = NC_LOCATION;
                /* one word that is a place and a given name, without context: the place
                 * ("States of America", "Depart Sydney") */
                if (c == NC_PERSON && nt == 1 && place_flags(lexor))
                        c = NC_LOCATION;
                if (c == NC_PERSON && nt >= 2 && pure_word(&r->t[r->b - 1]))
                        c = NC_O; /* a name ends in a surname: "Flood Defences" is none */
                /* a given name first and no place of the lexicon in the run: a person
                 * ("Ngozi Chidinma Eze", "Femke de Jong"), whatever the shape said */
                if (c == NC_LOCATION && nt >= 2 && (r->t[r->a].lex & LEX_GIVEN) &&
                    !(r->t[r->a].lex & LEX_WORD) && !place_flags(lexor | phr))
                        c = NC_PERSON;
                /* nor when the place is only the first word's own reading, that word a
                 * given name or the last one a surname by its ending, and the words after
                 * it are neither places nor ordinary words: "Amara Nwachukwu" (Amara: a
                 * town too), "Sakura Wiśniewska" (Sakura: a town of no name list), not
                 * "Austin Texas" or "Florence Cathedral" */
                if (c == NC_LOCATION && nt >= 2 &&
                    (((r->t[r->a].lex & LEX_GIVEN) && !(r->t[r->a].lex & LEX_WORD)) ||
                     surname_ending(&r->t[r->b - 1])) &&
                    !place_flags(phr) &&
                    !(r->t[r->b - 1].lex & LEX_WORD) && !r->t[r->b - 1].dot &&
                    !r->t[r->b - 1].street_suffix && !r->t[r->b - 1].digit) {
                        unsigned rest = 0;

                        for (unsigned k = r->a + 1; k < r->b; k++)
                                rest |= r->t[k].lex;
                        if (!place_flags(rest))
                                c = NC_PERSON;
                }
                /* two or three words of no list at all, or of the name lists only, and no
                 * place's context before them: a person's name the lexicon lacks ("Bambang
                 * Sutrisno", "František Kučera", "Trần Văn Hùng"), not a place, which such
                 * words name less often than people ("Long Itchington" has a word) */
                if (c == NC_LOCATION && nt >= 2 && nt <= 3 &&
                    !(lexor & (LEX_WORD | LEX_TOWN | LEX_TOWN_PHRASE | LEX_STREET |
                               LEX_STREET_BEFORE)) &&
                    !place_flags(lexor | phr) && !(pw_sets & LB_place_preps) &&
                    unknown_name_run(r))
                        c = NC_PERSON;
                /* one word that the lexicon knows as a person's and not as a place: a given
                 * name is a person ('Siobhan' in a record), a surname alone is nothing */
                if (c == NC_LOCATION && nt == 1 && (lexor & (LEX_GIVEN | LEX_SURNAME)) &&
                    !place_flags(lexor))
                        c = (lexor & LEX_GIVEN) && !(lexor & LEX_WORD) ? NC_PERSON : NC_O;
                /* after the readings above: a heading or a noun phrase, and alone the given
                 * names that products carry ("ask Alexa", "on Mac"), are no persons */
                if (c == NC_PERSON && ((nt >= 2 && heading_like(r)) ||
                                       (nt == 1 && in_list(r->t[r->a].low, product_names))))
                        c = NC_O;
                /* a language or a program in the run ("Perl", "Phobos D"), or capitals
                 * alone ("X C") */
                if (c == NC_PERSON) {
                        /* but a given name before a name that is no word: "Pascal
                         * Hambourg" */
                        for (unsigned k = r->a; k < r->b && c == NC_PERSON; k++)
                                if (tech_name(&r->t[k]) &&
                                    !((r->t[k].lex & LEX_GIVEN) && k + 1 < r->b &&
                                      !(r->t[k + 1].lex & LEX_WORD) && !r->t[k + 1].allcaps))
                                        c = NC_O;
                        /* "X C": capitals alone, no initials ("Divagar S" is a person) */
                        bool caps = nt >= 2;

                        for (unsigned k = r->a; k < r->b && caps; k++)
                                caps = r->t[k].n == 1 && !r->t[k].dot;
                        if (caps)
                                c = NC_O;
                }
                w->tag_given = (r->t[r->a].lex & LEX_GIVEN) != 0;
                if (c == NC_PERSON)
                        return emit(w, s, e, T_PERSON, ND_PERSON_TAGGER,
                                    margin > 2 ? 0.7f : 0.55f);
                if (c == NC_LOCATION)
                        return emit(w, s, e, T_LOCATION, ND_LOCATION_TAGGER,
                                    margin > 2 ? 0.7f : 0.55f);
        }
        return 0;
}

/* Bytes that may start a capital: A-Z and the lead bytes upper_at() knows. */
static const bool cap_start[256] = {
        ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
        ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
        ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
        ['Y'] = 1, ['Z'] = 1, [0xc3] = 1, [0xc4] = 1, [0xc5] = 1, [0xce] = 1, [0xd0] = 1,
};

#ifdef __SSE2__
/* The next byte at or after p that cap_start[] has, or end. Sixteen bytes at a time with SSE2
 * (every x86-64 has it), and a block's candidates, ASCII capitals and non-ASCII bytes, read off
 * its bit mask: the byte loop that found them after a SWAR test of eight bytes ended in a
 * mispredicted branch per capital, and the scan alone took 0.6 ms per MB of prose. */
static const unsigned char *next_cap_start(const unsigned char *p, const unsigned char *end)
{
        /* x + (0x80 - 'A') moves 'A'-'Z' to -128..-103, the bottom of the signed range */
        const __m128i shift = _mm_set1_epi8((char)(0x80 - 'A'));
        const __m128i below = _mm_set1_epi8((char)(0x80 + 'Z' - 'A' + 1));

        /* 32 bytes a step while there are: a step's compares and branch for twice the bytes */
        while (end - p >= 32) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
                __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
                unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
                                     _mm_cmplt_epi8(_mm_add_epi8(x, shift), below), x)) |
                             (unsigned)_mm_movemask_epi8(_mm_or_si128(
                                     _mm_cmplt_epi8(_mm_add_epi8(y, shift), below), y)) << 16;

                for (; m; m &= m - 1) {
                        unsigned k = (unsigned)__builtin_ctz(m);

                        if (cap_start[p[k]])
                                return p + k;
                }
                p += 32;
        }
        while (end - p >= 16) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
                unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(x, shift),
                                                                        below)) |
                             (unsigned)_mm_movemask_epi8(x);

                for (; m; m &= m - 1) {
                        unsigned k = (unsigned)__builtin_ctz(m);

                        if (cap_start[p[k]])
                                return p + k;
                }
                p += 16;
        }
        while (p < end && !cap_start[*p])
                p++;
        return p;
}
#else
/* The next byte at or after p that cap_start[] has, or end. Eight bytes at a time while none
 * of them is an ASCII capital or a non-ASCII byte (most of any text), then byte by byte. */
static const unsigned char *next_cap_start(const unsigned char *p, const unsigned char *end)
{
        const uint64_t ones = 0x0101010101010101ull, highs = ones * 0x80;

        for (;;) {
                const unsigned char *q;

                while (end - p >= 8) {
                        uint64_t x;

                        memcpy(&x, p, 8);
                        /* with no high bit set, x + (0x80 - c) sets a byte's high bit exactly
                         * when that byte is >= c, and carries into no other byte */
                        if ((x & highs) ||
                            ((x + ones * (0x80 - 'A')) & ~(x + ones * (0x80 - 'Z' - 1)) & highs))
                                break;
                        p += 8;
                }
                q = end - p >= 8 ? p + 8 : end;
                while (p < q && !cap_start[*p])
                        p++;
                if (p < q || q == end)
                        return p;
        }
}
#endif

/* The end of the comment that begins at s, after "(" that follows an HTTP product and its
 * version and one space ("Mozilla/5.0 (", "AppleWebKit/537.36 ("; RFC 9110's User-Agent),
 * when the comment holds a ';' and ends on its line within 256 bytes: the byte after its
 * ')', else 0. Such a comment names platforms ("X11; Linux x86_64", "Macintosh; Intel Mac
 * OS X"), no people. */
static size_t product_comment_end(const char *b, size_t len, size_t s)
{
        size_t v = s - 2, p, e;
        bool semi = false;

        /* the version: letters, digits, '.', '_', '-', starting with a digit after '/' */
        while (v > 0 && s - 2 - v < 32 &&
               (byte_class[(unsigned char)b[v - 1]] & BC_ALNUM || b[v - 1] == '.' ||
                b[v - 1] == '_' || b[v - 1] == '-'))
                v--;
        if (v == s - 2 || v < 3 || b[v - 1] != '/' || !is_digit(b[v]))
                return 0;
        /* the product: two letters or more before the '/', after a space, a quote, '=',
         * ':' or the line's start */
        p = v - 1;
        while (p > 0 && v - 1 - p < 32 &&
               ((unsigned char)((b[p - 1] | 0x20) - 'a') < 26 || b[p - 1] == '-'))
                p--;
        if (v - 1 - p < 2 || (p > 0 && !memchr(" \"\n\t=:", b[p - 1], 6)))
                return 0;
        for (e = s; e < len && e - s < 256; e++) {
                if (b[e] == ')')
                        return semi ? e + 1 : 0;
                if (b[e] == '\n' || b[e] == '(')
                        return 0;
                semi |= b[e] == ';';
        }
        return 0;
}

#ifdef __SSE2__
/* Whether the lower-cased word low[0, n) is a log level or an HTTP method (not HEAD,
 * FINE or ALERT, which are surnames or words a heading may hold with a name). */
static bool log_keyword(const char *low, size_t n)
{
        switch (n) {
        case 3:
                return !memcmp(low, "get", 3) || !memcmp(low, "put", 3);
        case 4:
                return !memcmp(low, "info", 4) || !memcmp(low, "warn", 4) ||
                       !memcmp(low, "post", 4) || !memcmp(low, "http", 4) ||
                       !memcmp(low, "crit", 4);
        case 5:
                return !memcmp(low, "debug", 5) || !memcmp(low, "error", 5) ||
                       !memcmp(low, "fatal", 5) || !memcmp(low, "trace", 5) ||
                       !memcmp(low, "patch", 5) || !memcmp(low, "emerg", 5);
        case 6:
                return !memcmp(low, "delete", 6) || !memcmp(low, "notice", 6);
        case 7:
                return !memcmp(low, "warning", 7) || !memcmp(low, "options", 7);
        case 8:
                return !memcmp(low, "critical", 8);
        }
        return false;
}

#endif

/* What lone_word() tells of a capitalised word. */
enum { LONE_NONE, LONE_SKIP, LONE_RUN };

#ifdef __SSE2__
/* Whether the capitalised word at s makes a run of its own, told from the word and the byte
 * after it as build_run() would tell it: most capitalised words of prose do, and a run costs
 * several times more to build than its one word. LONE_SKIP when decide() drops it at once (an
 * ordinary word, or one of never_names[]: "The", "However,", "Every") or build_run() makes
 * no run of it (code after it), its end in *ret_next; LONE_RUN when it is r, a run of one
 * token as build_run() fills it, its end in *ret_next; LONE_NONE when the run may be longer
 * or the word is not ASCII, with what word16() said in *f for build_run(). */
static inline int lone_word(struct walk *w, size_t s, size_t *ret_next, struct first16 *f,
                            struct run *r)
{
        const char *b = w->buf;
        size_t len = w->len, e, n;
        struct word16 v;
        bool digit;
        unsigned char c;
        struct tok *t = &r->t[0];
        const struct wcache *wc;
        unsigned lex;

        if (len - s < 16 || !word16(b, s, &v, &e, &digit))
                return LONE_NONE;
        n = e - s;
        c = (unsigned char)b[e]; /* ASCII: word16() said so */
        if (c != '.' && code_class[c] && code_after(b, len, e)) {
                /* glued to code after it ("Mozilla/5.0", "Foo(bar)"): build_run() ends
                 * there with no run, whatever the word */
                *ret_next = e;
                return LONE_SKIP;
        }
        if (c == ' ') {
                /* the run goes on with a capital or a word may_continue() takes */
                if (e + 1 < len) {
                        unsigned char d = (unsigned char)b[e + 1];

                        if (d >= 0x80 || (d >= 'A' && d <= 'Z') ||
                            (d >= 'a' && d <= 'z' && may_continue(b, len, e + 1)))
                                goto longer;
                }
        }
        *ret_next = e;
        wc = word16_info(w, &v, n, t->low);
        if (c == '.') {
                /* build_run()'s test of a dot that belongs to the word (an initial, "Dr.",
                 * "St.", "Jr."), after which the run may go on; then code_after()'s, which
                 * the test above left to this one ("Foo.bar") */
                if (n == 1 || (wc->sets & (LB_titles | LB_street_before)) ||
                    (n == 2 && (memcmp(t->low, "st", 2) == 0 || memcmp(t->low, "jr", 2) == 0)))
                        goto longer;
                if (code_after(b, len, e))
                        return LONE_SKIP;
        }
        /* a log's level, an HTTP method or a currency code in capitals ("INFO  [worker-9]",
         * "\"GET /api", "currency":"USD"): no name in any context, and a log or a JSON
         * export has one on every line (decide() spent 600 instructions on each) */
        if (n >= 3 && !(v.small & ((1u << n) - 1)) &&
            (log_keyword(t->low, n) ||
             (n == 3 && (wc->sets & LB_never_names) && in_list(t->low, currency_codes))))
                return LONE_SKIP;
        lex = digit ? 0 : wc->lex;
        /* decide()'s test, on what tok_fill16() would fill; not in capitals ("USA": decide's
         * caps_places comes first) */
        if (!(n > 1 && !(v.small & ((1u << n) - 1))) &&
            lone_dropped(lex, wc->sets, wc->street_suffix) && !street_name_maybe(b, s) &&
            !((wc->sets & LB_never_names) && (lex & LEX_GIVEN) && label_byte_before(b, s) &&
              given_label_before(w, s, e)))
                return LONE_SKIP;
        tok_set16(t, s, e, digit, &v, wc);
        str_abbrev(b, len, t);
        *ret_next = t->e;
        r->n = 1;
        return LONE_RUN;
longer:
        *f = (struct first16){ .v = v, .e = e, .digit = digit, .ok = true };
        return LONE_NONE;
}
#endif

/* An airline booking's name at s, "OBERLANDER/JANA", "LIN/YONG MR": two words in ASCII
 * capitals (a hyphen inside) joined by '/', then a title of the trade (MR, MRS, MS, MISS,
 * MSTR, DR) or no word; without the title, the given name or the surname is in the lexicon
 * and neither is an ordinary word or a place ("AND/OR", "TCP/IP", "LONDON/PARIS" are none).
 * Returns the end of the name, 0 when there is none. */
static size_t pnr_name(const struct walk *w, size_t s)
{
        static const char *const pnr_titles[] = { " MR", " MRS", " MS", " MISS", " MSTR",
                                                  " DR", NULL };
        const char *b = w->buf;
        size_t se = s, gs, ge;
        unsigned sl, gl;
        bool titled = false;

        while (se < w->len && se - s <= WORD_MAX &&
               ((b[se] >= 'A' && b[se] <= 'Z') || (b[se] == '-' && se > s)))
                se++;
        if (se - s < 2 || se + 2 >= w->len || b[se] != '/')
                return 0;
        gs = ge = se + 1;
        while (ge < w->len && ge - gs <= WORD_MAX &&
               ((b[ge] >= 'A' && b[ge] <= 'Z') || (b[ge] == '-' && ge > gs)))
                ge++;
        if (ge - gs < 2 || (ge < w->len && (wordish(b, w->len, ge) || b[ge] == '/')))
                return 0;
        for (const char *const *t = pnr_titles; *t; t++) {
                size_t n = strlen(*t);

                if (ge + n <= w->len && !memcmp(b + ge, *t, n) &&
                    (ge + n == w->len || !wordish(b, w->len, ge + n)))
                        titled = true;
        }
        sl = ascii_lex(b, s, se);
        gl = ascii_lex(b, gs, ge);
        if ((sl | gl) & (LEX_CITY | LEX_REGION | LEX_COUNTRY))
                return 0;
        if ((sl | gl) & LEX_WORD) /* "SMITH/JOHN": both frequent names */
                return titled || ((gl & LEX_GIVEN_TOP) && (sl & LEX_SURNAME_TOP)) ? ge : 0;
        return titled || (gl & LEX_GIVEN) || (sl & LEX_SURNAME) ? ge : 0;
}

/* "user=Emma Thompson action=login": after a key's '=', two capitalised words one space
 * apart are text, not code ("class=Foo" stays code); after a display name's key, one word
 * is too (display_name=Chukwuemeka). */
static bool eq_words(const char *b, size_t len, size_t i)
{
        size_t p = i + 1;

        if (i >= 2 && b[i - 1] == '=' && (display_name_key(b, i) || place_key(b, i)))
                return true;
        if (i < 2 || b[i - 1] != '=' || !((b[i - 2] | 0x20) >= 'a' && (b[i - 2] | 0x20) <= 'z'))
                return false;
        /* letters of UTF-8 too: "CN=Jürgen Weißenborn", "CN=Paloma Sánchez-Vidal" */
        while (p < len && ((b[p] >= 'a' && b[p] <= 'z') || (unsigned char)b[p] >= 0x80))
                p++;
        return p - i >= 2 && p + 2 < len && b[p] == ' ' && upper_at(b, len, p + 1) &&
               ((b[p + 2] >= 'a' && b[p + 2] <= 'z') || (unsigned char)b[p + 2] >= 0x80);
}

static int chat_lower_names(struct walk *w, size_t from);


int pii_names_walk(const char *buf, size_t len, size_t from, pii_names_emit_fn emit_fn,
                   pii_names_tag_fn tag, void *ud, struct pii_names_memo *memo)
{
        struct walk w = { .buf = buf, .len = len, .emit = emit_fn, .tag = tag, .ud = ud,
                          .at_lo = from, .at_hi = from, .memo = memo, .sql_memo_tbl = -1 };
        size_t i = from;

        pthread_once(&wsets_once, wsets_build); /* the word lists set_mask() looks in */
        pthread_once(&feat_names_once, feat_names_build);
        pthread_once(&prep_once, prep_build); /* the preposition sets prep_in() reads */
        while (i < len) {
                unsigned char c;
                struct run r;
                struct first16 f;
                size_t next;
                int e, k = 0; /* LONE_NONE */

                {
                        /* the hot loop: to the next byte that may start a capitalised word */
                        const unsigned char *p = (const unsigned char *)buf + i;
                        const unsigned char *end = (const unsigned char *)buf + len;

                        p = next_cap_start(p, end);
                        i = (size_t)(p - (const unsigned char *)buf);
                        if (i >= len)
                                break;
                        c = *p;
                }
                if (i > 0 && field_sep[(unsigned char)buf[i - 1]]) {
                        /* a vCard's "N:Family;Given;Additional", whose ';' reads as code; an
                         * HL7 segment's name or address field, whose '|' and '^' do:
                         * "PID|1||449921^^^GENHOSP||O'BRIEN^MAEVE^T" */
                        unsigned ht = T_PERSON;
                        size_t ve = buf[i - 1] == ':' || buf[i - 1] == ';' ?
                                            vcard_name_part(&w, i) :
                                            hl7_name(&w, i, &ht);

                        if (ve > i) {
                                e = emit(&w, i, ve, ht,
                                         ht == T_PERSON   ? ND_PERSON_CONTEXT :
                                         ht == T_LOCATION ? ND_LOCATION_CONTEXT :
                                                            ND_STREET,
                                         0.85f);
                                if (e < 0)
                                        return e;
                                i = ve;
                                continue;
                        }
                }
                if (!upper_at(buf, len, i) || (i > 0 && wordish(buf, len, i - 1)) ||
                    (code_before(buf, i) && !mention_at(buf, i) && !eq_words(buf, len, i) &&
                     !chat_nick_at(buf, len, i))) {
                        i += c >= 0x80 ? 2 : 1;
                        while (i < len && wordish(buf, len, i))
                                i++;
                        continue;
                }
                /* an airline booking's SURNAME/GIVEN (code_after() takes the '/' for code) */
                if (i + 1 < len && buf[i + 1] >= 'A' && buf[i + 1] <= 'Z') {
                        size_t pe = pnr_name(&w, i);

                        if (pe) {
                                e = emit(&w, i, pe, T_PERSON, ND_PERSON_CONTEXT, 0.85f);
                                if (e < 0)
                                        return e;
                                i = pe;
                                continue;
                        }
                }
                /* a User-Agent's comment, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1)",
                 * a platform's words on every line of a web log */
                if (i >= 5 && buf[i - 1] == '(' && buf[i - 2] == ' ') {
                        size_t ce = product_comment_end(buf, len, i);

                        if (ce) {
                                i = ce;
                                continue;
                        }
                }
                f.ok = false;
#ifdef __SSE2__
                k = lone_word(&w, i, &next, &f, &r);
                if (k == LONE_SKIP) {
                        i = next;
                        continue;
                }
#endif
                if (k == LONE_NONE) {
                        /* ASCII capitals glued by '-' or '_' to a digit (lone_word() leaves
                         * a hyphen to build_run()): word_end() stops at the glue, and the run
                         * of that one word is dropped by decide() (an identifier's prefix,
                         * "ORD-53862255") or is none (code_after()), so it is not built */
                        size_t ce = i;

                        while (ce < len && buf[ce] >= 'A' && buf[ce] <= 'Z')
                                ce++;
                        if (ce - i >= 2 && ce + 1 < len && (buf[ce] == '-' || buf[ce] == '_') &&
                            is_digit(buf[ce + 1])) {
                                i = ce;
                                continue;
                        }
                        next = i + 1;
                        if (!build_run(&w, i, &r, &next, &f)) {
                                i = next > i ? next : i + 1;
                                continue;
                        }
                }
                w.resume = 0;
                w.skip_to = 0;
                e = decide(&w, &r);
                if (e < 0)
                        return e;
                i = w.resume > i && w.resume < next ? w.resume : next > i ? next : i + 1;
                if (w.skip_to > i)
                        i = w.skip_to;
        }
        {
                int e = pii_names_intl_walk(buf, len, from, emit_fn, ud);

                if (e < 0)
                        return e;
        }
        return chat_lower_names(&w, from);
}

/* ---- names in small letters, in chat lines ------------------------------------ */

/* A speaker in small letters that a chat line starts with: [s, e), timed when a time
 * follows it (a chat export's "dave 3:14 PM"), else ": ". */
struct chat_speaker {
        size_t s, e;
        bool timed;
        bool stamped; /* after a time stamp: the line is a chat's whatever the speaker */
        bool cap;     /* the speaker is capitalised ("Samantha:"): the walk's to emit */
};

static const char *const chat_days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };

/* A time at i, "9:05", "18:02" or "18:02:11", with " AM" or " PM", then one or two spaces:
 * where the message after it begins, or 0. */
static size_t chat_time_at(const char *b, size_t len, size_t i)
{
        size_t j = i;

        while (j < len && j - i < 2 && is_digit(b[j]))
                j++;
        if (j == i || j + 3 > len || b[j] != ':' || !is_digit(b[j + 1]) || !is_digit(b[j + 2]))
                return 0;
        j += 3;
        if (j + 3 <= len && b[j] == ':' && is_digit(b[j + 1]) && is_digit(b[j + 2]))
                j += 3;
        if (j + 3 <= len && b[j] == ' ' && (b[j + 1] == 'A' || b[j + 1] == 'P') && b[j + 2] == 'M')
                j += 3;
        if (j >= len || b[j] != ' ')
                return 0;
        j++;
        if (j < len && b[j] == ' ')
                j++;
        return j < len && b[j] != ' ' && b[j] != '\n' ? j : 0;
}

/* The end of a chat export's date and time and dash at p: "12/02/24, 7:41 pm - ",
 * "14/11/2026, 18:04 - ", "3/14/24 9:02 AM - "; 0 when there is none. */
static size_t wa_stamp_end(const char *b, size_t len, size_t p)
{
        size_t j = p, parts = 0;

        for (; parts < 3; parts++) { /* d/m/y, each of 1 to 4 digits */
                size_t d = j;

                while (j < len && j - d < 4 && is_digit(b[j]))
                        j++;
                if (j == d)
                        return 0;
                if (parts < 2) {
                        if (j >= len || (b[j] != '/' && b[j] != '.'))
                                return 0;
                        j++;
                }
        }
        if (j < len && b[j] == ',')
                j++;
        if (j >= len || b[j] != ' ')
                return 0;
        j++;
        {
                size_t h = j;

                while (j < len && j - h < 2 && is_digit(b[j]))
                        j++;
                if (j == h || j + 3 > len || b[j] != ':' || !is_digit(b[j + 1]) ||
                    !is_digit(b[j + 2]))
                        return 0;
                j += 3;
        }
        if (j + 3 <= len && b[j] == ':' && is_digit(b[j + 1]) && is_digit(b[j + 2]))
                j += 3;
        if (j + 3 <= len && b[j] == ' ' && (b[j + 1] | 0x20) >= 'a' && (b[j + 1] | 0x20) <= 'p' &&
            (b[j + 2] | 0x20) == 'm' && ((b[j + 1] | 0x20) == 'a' || (b[j + 1] | 0x20) == 'p'))
                j += 3;
        if (j + 3 > len || b[j] != ' ' || b[j + 1] != '-' || b[j + 2] != ' ')
                return 0;
        return j + 3;
}

/* Whether a sentence begins at i: a word, a space, a letter ("hej! kommer du"), not a key's
 * value ("30s", "true"). */
static bool chat_sentence(const char *b, size_t len, size_t i)
{
        size_t j = i;

        while (j < len && j - i < 24 && b[j] != ' ' && b[j] != '\n')
                j++;
        return j > i && j + 1 < len && b[j] == ' ' &&
               (((b[j + 1] | 0x20) >= 'a' && (b[j + 1] | 0x20) <= 'z') ||
                (unsigned char)b[j + 1] >= 0x80);
}

static bool is_alnum_ascii(char c)
{
        return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* A chat line's speaker, the message after it: "[09:02] sam.k: ...", "[12/05/2024, 18:05:30]
 * Tolu: ...", "<bogdan> ...", a call transcript's role, "caller: ...", "Agente (Andrés): ...",
 * an SMS's day and time, "Mon 18:02  ...", or a speaker in small letters, "sara: hej! ...",
 * "dave 3:14 PM  ..." (then in *spk, for the caller to judge). Returns where the message
 * begins, or 0 when the line at p is none. */
static size_t chat_message(const char *b, size_t len, size_t p, struct chat_speaker *spk)
{
        size_t q = p, k;

        spk->s = spk->e = 0;
        spk->stamped = spk->cap = false;

        if (p >= len)
                return 0;
        if (b[p] == '<') { /* an IRC handle */
                bool small = true;

                for (q = p + 1; q < len && q - p <= 33 && b[q] != '>'; q++) {
                        if (!(is_alnum_ascii(b[q]) || b[q] == '.' || b[q] == '_' || b[q] == '-'))
                                return 0;
                        small &= b[q] >= 'a' && b[q] <= 'z';
                }
                if (!(q > p + 1 && q + 1 < len && b[q] == '>' && b[q + 1] == ' '))
                        return 0;
                /* "<rosie> has anyone...": a handle in small letters, one word */
                if (small && q - p - 1 >= 3 && q - p - 1 <= 15) {
                        spk->s = p + 1;
                        spk->e = q;
                        spk->timed = false;
                        spk->stamped = true;
                }
                return q + 2;
        }
        if (is_digit(b[p])) { /* a chat export's "12/02/24, 7:41 pm - Priya Iyer: ..." */
                size_t q2;

                /* a log's "2025-01-20T..." on every line: the day's separator first */
                if (p + 2 >= len || !(b[p + 1] == '/' || b[p + 2] == '/' || b[p + 1] == '.' ||
                                      b[p + 2] == '.'))
                        return 0;
                q2 = wa_stamp_end(b, len, p);

                if (!q2)
                        return 0;
                for (k = q2; k < len && k - q2 <= 40 && b[k] != ':' && b[k] != '\n'; k++)
                        ;
                if (!(k + 1 < len && k > q2 && k - q2 <= 40 && b[k] == ':' && b[k + 1] == ' '))
                        return 0;
                spk->stamped = true;
                {
                        bool small = true;

                        for (size_t j = q2; j < k; j++)
                                small &= b[j] >= 'a' && b[j] <= 'z';
                        if (small && k - q2 >= 3 && k - q2 <= 15) {
                                spk->s = q2;
                                spk->e = k;
                                spk->timed = false;
                        }
                }
                return k + 2;
        }
        if (b[p] == '[') { /* a time stamp, then the speaker and ':' */
                bool digit = false, colon = false;

                for (q = p + 1; q < len && q - p <= 32 && b[q] != ']' && b[q] != '\n'; q++) {
                        digit |= is_digit(b[q]);
                        colon |= b[q] == ':';
                }
                if (!(q < len && b[q] == ']' && digit && colon && q + 2 < len && b[q + 1] == ' '))
                        return 0;
                q += 2;
                if (!((b[q] >= 'a' && b[q] <= 'z') || (b[q] >= 'A' && b[q] <= 'Z')))
                        return 0;
                bool small = true;

                for (k = q; k < len && k - q <= 40 && b[k] != ':' && b[k] != '\n'; k++)
                        small &= b[k] >= 'a' && b[k] <= 'z';
                if (!(k + 1 < len && k - q <= 40 && b[k] == ':' && b[k + 1] == ' '))
                        return 0;
                /* "[09:03] tomasz: looking": a speaker in small letters, one word */
                if (small && k - q >= 3 && k - q <= 15) {
                        spk->s = q;
                        spk->e = k;
                        spk->timed = false;
                        spk->stamped = true;
                }
                return k + 2;
        }
        { /* a role, then ':' or " (Name):"; a speaker in small letters, then ": " or a
           * time ("sara: hej!", "dave 3:14 PM  anyone seen priya?"); a day and a time
           * ("Mon 18:02  hey its jamal") */
                char low[12];
                size_t t;

                for (q = p; q < len && q - p < 10 && ((b[q] | 0x20) >= 'a' && (b[q] | 0x20) <= 'z');
                     q++)
                        low[q - p] = (char)(b[q] | 0x20);
                /* most lines: a word, then neither ':' nor " (" nor a time */
                if (q == p || q - p >= 10 || q + 1 >= len ||
                    !(b[q] == ':' || (b[q] == ' ' && (b[q + 1] == '(' || is_digit(b[q + 1])))))
                        return 0;
                low[q - p] = 0;
                if (b[q] == ' ' && is_digit(b[q + 1])) {
                        t = chat_time_at(b, len, q + 1);
                        if (!t)
                                return 0;
                        if (!in_list(low, chat_days)) {
                                if (!(b[p] >= 'a' && b[p] <= 'z'))
                                        return 0;
                                spk->s = p;
                                spk->e = q;
                                spk->timed = true;
                        }
                        return t;
                }
                if (!in_list(low, speaker_roles)) {
                        /* "sara: hej! kommer du": a sentence after it, not a key's value */
                        if (!((b[p] >= 'a' && b[p] <= 'z') || (b[p] >= 'A' && b[p] <= 'Z')) ||
                            b[q] != ':' || q + 2 >= len || b[q + 1] != ' ' ||
                            !chat_sentence(b, len, q + 2))
                                return 0;
                        for (k = p + 1; k < q; k++) /* "Samantha:", not "NOTE:" */
                                if (!(b[k] >= 'a' && b[k] <= 'z'))
                                        return 0;
                        spk->s = p;
                        spk->e = q;
                        spk->timed = false;
                        spk->cap = b[p] <= 'Z';
                        return q + 2;
                }
                if (q + 2 < len && b[q] == ' ' && b[q + 1] == '(') {
                        for (q += 2; q < len && b[q] != ')' && b[q] != '\n' && q - p < 48; q++)
                                ;
                        q++;
                }
                return q + 1 < len && b[q] == ':' && b[q + 1] == ' ' ? q + 2 : 0;
        }
}

static const char *const chat_not_names[] = { "dev", "nah", "yea", "yeah", "hmm", "haha",
                                              "jaja", "lol", "omg", "thx", "pls", "sis",
                                              "bro", NULL };

/* What chat_name_word() takes: CHAT_GIVEN, a given name; CHAT_SURNAME, a surname of the
 * lexicon too; CHAT_TITLED (after a title), any word but an ordinary one ("mr okonjo");
 * CHAT_SPEAKER (before a time), a surname too and a given name that is an ordinary word too
 * ("grant"). */
enum { CHAT_GIVEN, CHAT_SURNAME, CHAT_TITLED, CHAT_SPEAKER };

/* Whether the word in small letters at [s, e) is a name to take in a chat message, as mode
 * says: a given name of the lexicon that is no ordinary word, no place of size and none of
 * never_names[]; a name of given-wide.txt alone has 4 letters or more ("nah" is one), and
 * with census not even that. */
static bool chat_name_word(const char *b, size_t s, size_t e, int mode, bool census)
{
        char low[WORD_MAX + 1];
        size_t n = e - s, chars = 0;
        unsigned lex;

        for (size_t k = s; k < e; k++)
                chars += ((unsigned char)b[k] & 0xc0) != 0x80;
        /* accented: 4 letters at least ("qué", "día", "sì" fold to given names) */
        if (n < 3 || n > WORD_MAX || (chars < n && chars < 4) ||
            !pii_lex_lower(b + s, n, low, sizeof(low)))
                return false;
        lex = word_lex(low, n, pii_lex_hash(low, n));
        /* a speaker before a time may be an ordinary word that is a given name ("grant") */
        if (mode == CHAT_SPEAKER && (lex & LEX_GIVEN) && (lex & LEX_WORD))
                lex &= ~(unsigned)LEX_WORD;
        if ((lex & (LEX_WORD | LEX_COUNTRY | LEX_REGION | LEX_CITY_BIG | LEX_STREET |
                    LEX_STREET_BEFORE)) ||
            (set_mask(low, n) & LB_never_names) || in_list(low, chat_not_names))
                return false;
        if (mode == CHAT_TITLED ||
            ((mode == CHAT_SURNAME || mode == CHAT_SPEAKER) && (lex & LEX_SURNAME)))
                return true;
        return (lex & LEX_GIVEN) && (!(lex & LEX_GIVEN_WIDE) || (n >= 4 && !census));
}

/* Whether the word in small letters [s, e), after a place's preposition in a chat message
 * ("driving down to brighton", "visiting from launceston"), is a place of the lexicon: a
 * city, town, region or country that is no ordinary word and no given name ("talk to
 * tyler"), 4 letters or more. */
static bool chat_place_word(const char *b, size_t s, size_t e)
{
        char low[WORD_MAX + 1];
        size_t n = e - s;
        unsigned lex;

        if (n < 4 || n > WORD_MAX || !pii_lex_lower(b + s, n, low, sizeof(low)))
                return false;
        lex = word_lex(low, n, pii_lex_hash(low, n));
        return (lex & (LEX_CITY | LEX_CITY_BIG | LEX_TOWN | LEX_REGION | LEX_COUNTRY)) &&
               !(lex & (LEX_WORD | LEX_GIVEN)) && !(set_mask(low, n) & LB_never_names);
}

/* What the word before the one at i (message from m) says of it: CHAT_NOT after an article
 * or a particle ("the james cook", "la princesa", "via dante"), CHAT_CENSUS after a place's
 * preposition ("from brixton": only a census given name then), CHAT_ANY else. */
enum { CHAT_ANY, CHAT_CENSUS, CHAT_NOT };

/* The word in small letters before the one at i (message from m), at most max letters, in
 * low: false when there is none (the byte before it no space, '(' or quote, or longer). */
static bool chat_prev_word(const char *b, size_t m, size_t i, char *low, size_t max)
{
        size_t j = i - 1, k;

        if (i < m + 2 || b[i - 1] != ' ')
                return false;
        while (j > m && (b[j - 1] | 0x20) >= 'a' && (b[j - 1] | 0x20) <= 'z' && i - 1 - j < max)
                j--;
        if (j > m && b[j - 1] != ' ' && b[j - 1] != '(' && b[j - 1] != '"')
                return false;
        for (k = j; k < i - 1; k++)
                low[k - j] = (char)(b[k] | 0x20);
        low[k - j] = 0;
        return k > j;
}

static int chat_word_before(const char *b, size_t m, size_t i)
{
        static const char *const not_after[] = { "the", "a", "an", "la", "el", "le", "de", "del",
                                                 "di", "da", "du", "des", "der", "die", "den",
                                                 "via", "calle", "rue", "street", NULL };
        static const char *const places_after[] = { "from", "in", "at", "near", "to", "into",
                                                    "via", NULL };
        char low[8];

        if (!chat_prev_word(b, m, i, low, 6))
                return CHAT_ANY;
        return in_list(low, not_after) ? CHAT_NOT : in_list(low, places_after) ? CHAT_CENSUS :
                                                                              CHAT_ANY;
}

/* Whether a number comes within the two words after e: a street's name ("princesa 31",
 * "dante alighieri 7"), not a person. */
static bool chat_number_after(const char *b, size_t eol, size_t e)
{
        for (unsigned words = 0; e < eol && words < 3; e++) {
                if (is_digit(b[e]))
                        return true;
                if (b[e] == ' ')
                        words++;
        }
        return false;
}

/* The end of a word in small letters at s (ASCII letters, then UTF-8 letters too: "lópez"),
 * s when there is none; it must end at a space or a stop, not inside a handle, an address or
 * a path ("olu.adebayo", "grace_h"). */
static size_t chat_word_end(const char *b, size_t len, size_t s)
{
        size_t e = s;

        if (!(b[s] >= 'a' && b[s] <= 'z'))
                return s;
        while (e < len && ((b[e] >= 'a' && b[e] <= 'z') || (unsigned char)b[e] >= 0x80))
                e++;
        if (e < len && (is_alnum_ascii(b[e]) || b[e] == '_' || b[e] == '@' || b[e] == '/' ||
                        b[e] == '-' ||
                        ((b[e] == '.' || b[e] == ':') && e + 1 < len && b[e + 1] != ' ' &&
                         b[e + 1] != '\n')))
                return s;
        return e;
}

/* Whether the word before the one at i (message from m) is a title: mr, mrs, ms, dr. */
static bool chat_title_before(const char *b, size_t m, size_t i)
{
        static const char *const chat_titles[] = { "mr", "mrs", "ms", "dr", NULL };
        char low[4];

        return chat_prev_word(b, m, i, low, 3) && in_list(low, chat_titles);
}

enum { CHAT_KEEP = 8, CHAT_MEMORY = 8192, CHAT_NEAR = 2048 };

/* Whether remembered speaker i is the word [s, e), in any case of its ASCII letters. */
static bool chat_speaker_is(const struct walk *w, unsigned i, size_t s, size_t e)
{
        const char *l = w->chat_spk[i].low;
        size_t k = 0;

        for (; k < e - s && l[k]; k++)
                if (l[k] != (w->buf[s + k] >= 'A' && w->buf[s + k] <= 'Z' ? (w->buf[s + k] | 0x20) :
                                                                              w->buf[s + k]))
                        return false;
        return k == e - s && !l[k];
}

/* Remember the speaker [s, e) of the chat line at ls. */
static void chat_speaker_add(struct walk *w, size_t ls, size_t s, size_t e)
{
        unsigned k = w->chat_spk_next++ % CHAT_KEEP;

        if (e - s >= sizeof(w->chat_spk[0].low))
                return;
        for (unsigned i = 0; i < CHAT_KEEP; i++)
                if (w->chat_spk[i].at && chat_speaker_is(w, i, s, e)) {
                        w->chat_spk[i].at = ls + 1;
                        return;
                }
        w->chat_spk[k].at = ls + 1;
        for (size_t i = 0; i < e - s; i++)
                w->chat_spk[k].low[i] = (char)(w->buf[s + i] >= 'A' && w->buf[s + i] <= 'Z' ?
                                                       w->buf[s + i] | 0x20 : w->buf[s + i]);
        w->chat_spk[k].low[e - s] = '\0';
}

/* Whether the word in small letters [s, e) is a speaker of the chat seen in the CHAT_MEMORY
 * bytes before s: "rosie I left my spare", "thank you daisy" (daisy is a word too). */
static bool chat_speaker_seen(const struct walk *w, size_t s, size_t e)
{
        for (unsigned i = 0; i < CHAT_KEEP; i++)
                if (w->chat_spk[i].at && w->chat_spk[i].at - 1 < s &&
                    s - (w->chat_spk[i].at - 1) <= CHAT_MEMORY &&
                    chat_speaker_is(w, i, s, e))
                        return true;
        return false;
}

/* A capitalised word alone at i in the chat message [m, eol), *ret_e its end: a given name
 * of given-wide.txt, which the walk over capitals leaves alone without context ("falei com o
 * Tiago", "Emre de gelecek", "Burak'a söyle"), is a person in a chat's message, on the same
 * terms as a name in small letters. Not a word of a run of capitals (the walk's), nor after
 * an article or before a number. */
static int chat_capital_name(struct walk *w, size_t m, size_t eol, size_t i, size_t *ret_e)
{
        const char *b = w->buf;
        size_t e = i + 1 < eol ? chat_word_end(b, eol, i + 1) : i + 1;
        char low[WORD_MAX + 1];
        int before;

        *ret_e = e;
        if (e == i + 1 || (e + 1 < eol && b[e] == ' ' && upper_at(b, eol, e + 1)))
                return 0;
        /* not a language or a model named in the chat ("Claude key:", "Ruby") */
        if (e - i > WORD_MAX || !pii_lex_lower(b + i, e - i, low, sizeof(low)) ||
            in_list(low, tech_names))
                return 0;
        if (i > m + 1 && b[i - 1] == ' ') { /* the word before: none in capitals */
                size_t j = i - 1;

                while (j > m && b[j - 1] != ' ')
                        j--;
                if (upper_at(b, eol, j))
                        return 0;
        }
        before = chat_word_before(b, m, i);
        if (before == CHAT_NOT || !chat_name_word(b, i, e, CHAT_GIVEN, before == CHAT_CENSUS) ||
            chat_number_after(b, eol, e))
                return 0;
        return emit(w, i, e, T_PERSON, ND_PERSON_CONTEXT, 0.7f);
}

/* The names in small letters of the chat message [m, eol): its words in small letters after
 * a space, '(' or a quote, with a surname after a given name taken with it. */
static int chat_message_names(struct walk *w, size_t m, size_t eol, bool seen_only)
{
        const char *b = w->buf;

        for (size_t i = m; i < eol; i++) {
                size_t e, e2, t;
                bool titled;
                int before;

                if (b[i] >= 'A' && b[i] <= 'Z' &&
                    (i == m || b[i - 1] == ' ' || b[i - 1] == '(' || b[i - 1] == '"')) {
                        int err = chat_capital_name(w, m, eol, i, &e);

                        if (err < 0)
                                return err;
                        i = e;
                        continue;
                }
                if (!(b[i] >= 'a' && b[i] <= 'z') ||
                    !(i == m || b[i - 1] == ' ' || b[i - 1] == '(' || b[i - 1] == '"' ||
                      (b[i - 1] == '@' && (i - 1 == m || b[i - 2] == ' '))))
                        continue;
                e = chat_word_end(b, eol, i);
                if (e == i) {
                        while (i + 1 < eol && b[i + 1] != ' ')
                                i++;
                        continue;
                }
                titled = chat_title_before(b, m, i);
                before = chat_word_before(b, m, i);
                if (before == CHAT_CENSUS && chat_place_word(b, i, e)) {
                        int err = emit(w, i, e, T_LOCATION, ND_LOCATION_CONTEXT, 0.7f);

                        if (err < 0)
                                return err;
                        i = e;
                        continue;
                }
                if (before == CHAT_NOT ||
                    ((seen_only || !chat_name_word(b, i, e, titled ? CHAT_TITLED : CHAT_GIVEN,
                                                   before == CHAT_CENSUS)) &&
                     !(e - i >= 3 && chat_speaker_seen(w, i, e)))) {
                        i = e;
                        continue;
                }
                /* a surname after it */
                t = e;
                if (e + 1 < eol && b[e] == ' ' && (e2 = chat_word_end(b, eol, e + 1)) > e + 1 &&
                    chat_name_word(b, e + 1, e2, CHAT_SURNAME, false))
                        t = e2;
                if (chat_number_after(b, eol, t)) {
                        i = t;
                        continue;
                }
                {
                        int err = emit(w, i, t, T_PERSON, ND_PERSON_CONTEXT, 0.7f);

                        if (err < 0)
                                return err;
                }
                i = t;
        }
        return 0;
}

/* The lines that are chat messages are found from their ':' or '>', which each has in its
 * first 64 bytes (chat_message()'s time stamp, speaker, role or handle): prose has few, and a
 * look at every line's start cost prose 2 % of its scan. */
enum { CHAT_HEAD = 64 };

static size_t next_byte(const char *b, size_t len, size_t p, char c)
{
        const char *q = p < len ? memchr(b + p, c, len - p) : NULL;

        return q ? (size_t)(q - b) : len;
}

/* ---- chat speakers in the scripts of no ASCII letters ---------------------------- */

/* A chat in Cyrillic, Hebrew, Devanagari, Thai or Greek names its speakers as "Лена: Катя, ты
 * уже в Питере?", "יוסי: ...", "पिंकी: ...": a word of the script, ':' and the message at a
 * line's start. A form's label has that shape too ("Телефон: ..."), so a word is a speaker
 * when it speaks at least twice within SPK_NEAR bytes, beside another speaker, and one of its
 * messages reads like one (four words or more, or a '?' or '!'); then its names in the other
 * speakers' messages are persons too (not in Thai or CJK, which put no space between words).
 * Issue 11, item 1 (attack 18: 30 of its non-Latin persons were chat speakers and mentions). */
enum { SPK_WORD_MAX = 36, SPK_NEAR = 2048, SPK_SIDE = 24, SPK_KEEP = 512 };

struct spk_line {
        size_t ls, we, eol; /* the word [ls, we), its message to eol */
        size_t block;       /* the lines of a block follow each other, blank lines aside */
        bool chatty;        /* the message reads like one */
        signed char turns;  /* spk_turns(), once known: -1 not yet */
        bool speaker;       /* decided: the line's word is a speaker */
};

/* The speaker lines of a walk, SPK_KEEP at most: a line is decided once the lines up to
 * 3 * SPK_NEAR after it are in (the windows of its neighbours' neighbours are whole then),
 * each line's turns are counted once, and a line's work is bounded by SPK_SIDE lines on
 * each side (a file of short speaker lines was cubic: 1.1 MB/s). */
struct spk_lines {
        struct spk_line l[SPK_KEEP];
        unsigned n, done; /* lines kept; the first `done` of them decided */
        size_t from;
        size_t last_eol, blocks; /* the last line's end; blocks begun */
};

static bool spk_same(const char *b, const struct spk_line *x, const struct spk_line *y)
{
        return x->we - x->ls == y->we - y->ls && memcmp(b + x->ls, b + y->ls, x->we - x->ls) == 0;
}

/* A letter of ASCII or a byte of UTF-8: what may not stand beside a mention. */
static bool spk_letter(unsigned char c)
{
        return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether lines i and j are of one block and within SPK_NEAR bytes. */
static bool spk_near(const struct spk_lines *sl, unsigned i, unsigned j)
{
        const struct spk_line *x = &sl->l[i], *y = &sl->l[j];

        return x->block == y->block && y->ls + SPK_NEAR >= x->ls && y->ls <= x->ls + SPK_NEAR;
}

/* The lines around line i that count for it, [spk_lo, spk_hi): SPK_SIDE on each side at
 * most (the kept lines are in order), so that a line's work has a bound. */
static unsigned spk_lo(const struct spk_lines *sl, unsigned i)
{
        return i > SPK_SIDE ? i - SPK_SIDE : 0;
}

static unsigned spk_hi(const struct spk_lines *sl, unsigned i)
{
        return sl->n - i > SPK_SIDE + 1 ? i + SPK_SIDE + 1 : sl->n;
}

/* Whether line i's word takes turns near it: it speaks twice, another speaks, the speaker
 * changes twice among those lines (a catalogue's "Usage:", "Warning:", "Warning:" changes
 * once) and one of its messages reads like one. Counted once, when its window is whole. */
static bool spk_turns(const char *b, struct spk_lines *sl, unsigned i)
{
        unsigned same = 0, other = 0, changes = 0;
        const struct spk_line *last = NULL;
        bool chatty = false;

        if (sl->l[i].turns >= 0)
                return sl->l[i].turns;
        for (unsigned j = spk_lo(sl, i); j < spk_hi(sl, i); j++) {
                const struct spk_line *x = &sl->l[j];

                if (!spk_near(sl, i, j))
                        continue;
                if (spk_same(b, x, &sl->l[i])) {
                        same++;
                        chatty |= x->chatty;
                } else {
                        other++;
                }
                changes += last && !spk_same(b, last, x);
                last = x;
        }
        sl->l[i].turns = same >= 2 && other >= 1 && chatty && changes >= 2;
        return sl->l[i].turns;
}

/* Whether line i's word is a speaker: it takes turns, or speaks beside one who does ("דני:"
 * who speaks once among "יוסי:" and "מיכל:"). */
static bool spk_speaker(const char *b, struct spk_lines *sl, unsigned i)
{
        if (i < sl->done)
                return sl->l[i].speaker;
        if (spk_turns(b, sl, i))
                return true;
        for (unsigned j = spk_lo(sl, i); j < spk_hi(sl, i); j++)
                if (spk_near(sl, i, j) && !spk_same(b, &sl->l[j], &sl->l[i]) &&
                    spk_turns(b, sl, j))
                        return true;
        return false;
}

/* Emit the mentions in line i's message of the speakers near it ("Лена: Катя, ты ..."
 * before Катя speaks); not in Thai, which has no spaces between words. Eight names at
 * most. */
static int spk_mentions(struct walk *w, struct spk_lines *sl, unsigned i)
{
        const char *b = w->buf;
        const struct spk_line *y = &sl->l[i];
        unsigned names[8], nn = 0;

        for (unsigned j = spk_lo(sl, i); j < spk_hi(sl, i) && nn < 8; j++) {
                const struct spk_line *x = &sl->l[j];
                bool dup = false;

                if (x->ls + SPK_NEAR < y->ls || x->ls > y->ls + SPK_NEAR ||
                    !spk_speaker(b, sl, j) ||
                    ((unsigned char)b[x->ls] == 0xe0 && ((unsigned char)b[x->ls + 1] == 0xb8 ||
                                                         (unsigned char)b[x->ls + 1] == 0xb9)))
                        continue;
                for (unsigned k = 0; k < nn && !dup; k++)
                        dup = spk_same(b, &sl->l[names[k]], x);
                if (!dup)
                        names[nn++] = j;
        }
        for (unsigned k = 0; k < nn; k++) {
                const struct spk_line *x = &sl->l[names[k]];
                size_t n = x->we - x->ls;

                for (size_t q = y->we + 1; q + n <= y->eol; q++) {
                        const char *f = memmem(b + q, y->eol - q, b + x->ls, n);
                        int err;

                        if (!f)
                                break;
                        q = (size_t)(f - b);
                        if ((q == 0 || !spk_letter((unsigned char)b[q - 1])) &&
                            (q + n == w->len || !spk_letter((unsigned char)b[q + n])) &&
                            (err = emit(w, q, q + n, T_PERSON, ND_PERSON_CONTEXT, 0.7f)) < 0)
                                return err;
                }
        }
        return 0;
}

/* Decide the kept lines whose neighbours' windows end before `upto` (SIZE_MAX: all): a
 * line's word is a speaker when it takes turns, or speaks beside one who does ("דני:" who
 * speaks once among "יוסי:" and "מיכל:"). Emits the speakers and the mentions. */
static int spk_flush(struct walk *w, struct spk_lines *sl, size_t upto)
{
        const char *b = w->buf;

        while (sl->done < sl->n &&
               (upto == SIZE_MAX || sl->l[sl->done].ls + 3 * SPK_NEAR < upto)) {
                unsigned i = sl->done;
                struct spk_line *x = &sl->l[i];
                int err;

                x->speaker = spk_speaker(b, sl, i);
                sl->done++;
                if (x->ls < sl->from)
                        continue;
                if (x->speaker && (err = emit(w, x->ls, x->we, T_PERSON, ND_PERSON_CONTEXT,
                                              0.75f)) < 0)
                        return err;
                if ((err = spk_mentions(w, sl, i)) < 0)
                        return err;
        }
        /* drop the lines that no undecided line counts (the decided ones' turns are known) */
        if (sl->n == SPK_KEEP) {
                unsigned k = 0;

                while (k < sl->done &&
                       (sl->done == sl->n || sl->l[k].ls + SPK_NEAR < sl->l[sl->done].ls))
                        k++;
                memmove(sl->l, sl->l + k, (sl->n - k) * sizeof(sl->l[0]));
                sl->n -= k;
                sl->done -= k;
        }
        return 0;
}

/* A line at ls whose first ':' is at k: a speaker's line when [ls, k) is one word of UTF-8
 * letters only (no ASCII, no space) and ": " and a message follow. */
static int spk_line(struct walk *w, struct spk_lines *sl, size_t ls, size_t k, size_t eol)
{
        const char *b = w->buf;
        struct spk_line *x;
        unsigned words = 1;
        char low[WORD_MAX + 1];

        if (k == ls || k + 2 >= eol || b[k + 1] != ' ')
                return 0;
        /* not CJK or Hangul (names-intl.c reads their chats), nor full-width forms */
        if ((unsigned char)b[ls] >= 0xe3 && (unsigned char)b[ls] <= 0xef)
                return 0;
        for (size_t q = ls; q < k; q++)
                if ((unsigned char)b[q] < 0x80)
                        return 0;
        if (k - ls <= WORD_MAX && pii_lex_lower(b + ls, k - ls, low, sizeof(low)) &&
            (set_mask(low, k - ls) & (LB_never_names | LB_person_labels | LB_place_labels)))
                return 0;
        if (sl->n == SPK_KEEP) {
                int err = spk_flush(w, sl, ls);

                if (err < 0)
                        return err;
                if (sl->n == SPK_KEEP) { /* 512 speaker lines within 8 KB: decide them now */
                        err = spk_flush(w, sl, SIZE_MAX);
                        if (err < 0)
                                return err;
                        sl->n = sl->done = 0;
                }
        } else {
                int err = spk_flush(w, sl, ls);

                if (err < 0)
                        return err;
        }
        x = &sl->l[sl->n++];
        x->ls = ls;
        x->we = k;
        x->eol = eol;
        x->turns = -1;
        x->speaker = false;
        /* the same block when only blank lines lie between it and the last speaker line */
        {
                size_t q = sl->last_eol;
                bool next = sl->blocks && q < ls;

                while (next && q < ls)
                        next = b[q] == '\n' || b[q] == '\r' || b[q] == ' ', q++;
                if (!next)
                        sl->blocks++;
                x->block = sl->blocks;
                sl->last_eol = eol;
        }
        for (size_t q = k + 2; q < eol; q++)
                words += b[q] == ' ' && q + 1 < eol && b[q + 1] != ' ';
        /* Thai writes no spaces between words: a message of ten letters or more */
        x->chatty = words >= 4 || memchr(b + k + 2, '?', eol - k - 2) ||
                    memchr(b + k + 2, '!', eol - k - 2) ||
                    ((unsigned char)b[k + 2] == 0xe0 && eol - k - 2 >= 30);
        return 0;
}

/* Names written in small letters in chat messages ("anyone know if priya is in today?",
 * "it's bilal mahmood", "mr okonjo"), which the walk over capitals never reaches. Issue 11,
 * item 1 (attack 10: 57 such names, none found; attack 11: 28). */
static int chat_lower_names(struct walk *w, size_t from)
{
        const char *b = w->buf;
        size_t len = w->len, p = from, nc, ng;
        struct spk_lines sl = { .n = 0, .done = 0, .from = from };

        if (p > 0 && b[p - 1] != '\n') {
                p = next_byte(b, len, p, '\n') + 1;
                if (p > len)
                        return 0;
        }
        nc = next_byte(b, len, p, ':');
        ng = next_byte(b, len, p, '>');
        while (p < len) {
                size_t k = MIN(nc, ng), ls = p, eol, m;

                if (k >= len)
                        break;
                /* the start of k's line: after the last newline before k (p is a line's) */
                if (k > p) {
                        const char *q = memrchr(b + p, '\n', k - p);

                        if (q)
                                ls = (size_t)(q - b) + 1;
                }
                eol = next_byte(b, len, k, '\n');
                if (k == nc && (unsigned char)b[ls] >= 0xc0 && k - ls <= SPK_WORD_MAX) {
                        int err = spk_line(w, &sl, ls, k, eol);

                        if (err < 0)
                                return err;
                }
                if (k - ls < CHAT_HEAD) {
                        struct chat_speaker spk;

                        m = chat_message(b, eol, ls, &spk);
                        /* a speaker in small letters makes the line a chat's only when it is
                         * a given name of the lexicon, an ordinary word too before a time
                         * ("grant 3:20 PM"), after a time stamp or an IRC handle's '<'
                         * ("[09:14] mike:", "<daisy>"), near another chat line ("jack:"
                         * after "Samantha:") or a speaker seen before; "note: bogdan
                         * approved it" is none */
                        bool near = w->chat_end && ls < w->chat_end - 1 + CHAT_NEAR;

                        if (m && spk.e > spk.s &&
                            !chat_speaker_seen(w, spk.s, spk.e) &&
                            !chat_name_word(b, spk.s, spk.e,
                                            spk.timed || spk.stamped || near ? CHAT_SPEAKER :
                                                                               CHAT_GIVEN,
                                            false)) {
                                if (spk.stamped) /* "[09:03] server: ..." is a chat's still */
                                        spk.s = spk.e = 0;
                                else
                                        m = 0;
                        }
                        if (m) {
                                int err = 0;

                                if (spk.e > spk.s) {
                                        chat_speaker_add(w, ls, spk.s, spk.e);
                                        if (!spk.cap)
                                                err = emit(w, spk.s, spk.e, T_PERSON,
                                                           ND_PERSON_CONTEXT, 0.7f);
                                }
                                if (spk.e > spk.s || spk.stamped)
                                        w->chat_end = eol + 1;
                                else if (m && ls > 0 && w->chat_end &&
                                         ls < w->chat_end - 1 + CHAT_NEAR)
                                        w->chat_end = eol + 1;
                                /* after a capitalised speaker only the chat's speakers:
                                 * its small words are of any language ("Giulia: allora
                                 * domenica?", "Emre: bence harika") */
                                if (err >= 0)
                                        err = chat_message_names(w, m, eol, spk.cap);
                                if (err < 0)
                                        return err;
                        }
                }
                p = eol + 1;
                if (nc < p)
                        nc = next_byte(b, len, p, ':');
                if (ng < p)
                        ng = next_byte(b, len, p, '>');
        }
        return spk_flush(w, &sl, SIZE_MAX);
}

const char *pii_names_detector_name(unsigned nd)
{
        static const char *const names[_ND_MAX] = {
                [ND_PERSON_CONTEXT] = "person_context", [ND_PERSON_LEXICON] = "person_lexicon",
                [ND_PERSON_TAGGER] = "person_tagger", [ND_STREET] = "street_address",
                [ND_LOCATION_CONTEXT] = "location_context",
                [ND_LOCATION_TAGGER] = "location_tagger",
        };

        return nd < _ND_MAX ? names[nd] : NULL;
}
