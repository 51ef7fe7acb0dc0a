/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pii internals: the detector table shared by the engine and the build-time Hyperscan
 * database generator (src/pii/gen/gen-hsdb.c). Plain data only, so the generator can link
 * patterns.c alone.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

enum pii_category { CAT_PERSONAL, CAT_FINANCIAL, CAT_HEALTH, CAT_LOCATION, CAT_COMM, CAT_DIGITAL };

/* How `partial` shows a value: keep the last 4 letters/digits (separators kept, others '*'),
 * keep the e-mail domain and the first character, or nothing (same as mask: secrets). */
enum pii_partial { PARTIAL_NONE, PARTIAL_LAST4, PARTIAL_EMAIL };

struct pii_type_info {
        const char *name;
        uint8_t category;
        uint8_t partial;
};

enum pii_type {
        T_EMAIL, T_PHONE, T_CREDIT_CARD, T_IBAN, T_US_SSN, T_US_ITIN, T_US_PASSPORT,
        T_US_DRIVER_LICENSE, T_US_BANK, T_ABA, T_UK_NINO, T_UK_NHS, T_IP, T_MAC, T_DOB, T_CRYPTO,
        T_URL_CRED, T_MRN, T_VIN, T_AWS_ACCESS, T_AWS_SECRET, T_GITHUB, T_SLACK, T_STRIPE,
        T_GOOGLE, T_OPENAI, T_ANTHROPIC, T_JWT, T_PRIVATE_KEY, T_PASSWORD, T_GENERIC_SECRET,
        T_PASSPORT, T_CA_SIN, T_FR_NIR, T_ES_NIF, T_ES_NIE, T_IN_PAN, T_IN_AADHAAR, T_PL_PESEL,
        T_SG_NRIC, T_US_EIN, T_SWIFT, T_US_NPI, T_US_DEA, T_US_MBI, T_HEALTH_INSURANCE,
        T_DIAGNOSIS, T_COORD, T_UK_POSTCODE, T_US_ZIP, T_CA_POSTAL, T_IMEI, T_GITLAB,
        T_HUGGINGFACE, T_SENDGRID, T_TWILIO, T_NPM, T_PYPI, T_AZURE_KEY, T_TELEGRAM,
        T_PERSON, T_STREET_ADDRESS, T_LOCATION, /* names.c, not the pattern table */
        _T_MAX
};

/* Validators (validate.c); one table maps each to its function. */
enum pii_validator {
        V_NONE, V_LUHN_CARD, V_IBAN, V_SSN, V_ITIN, V_ABA, V_NHS, V_NINO, V_VIN, V_BASE58CHECK,
        V_BECH32, V_JWT, V_IPV4, V_IPV6, V_MAC, V_EMAIL, V_DATE, V_PHONE, V_LUHN, V_NPI, V_FR_NIR,
        V_ES_NIF, V_VERHOEFF, V_PESEL, V_SG_NRIC, V_EIN, V_DEA, V_COORD, V_ENTROPY, V_PASSWORD,
        V_HAS_DIGITS, V_SEP_CONSISTENT, V_OPENAI,
        V_B64_PEM_KEY, V_SECRET_VALUE, V_USER_PASS, V_SECRET_QUOTED, V_ZIP_STATE, /* issue 11 */
        _V_MAX
};

enum {
        PAT_GROUP = 1 << 0,  /* the value is the first capture group that is set (the rest is
                              * context): alternatives may each capture the value */
        PAT_FWD = 1 << 1,    /* the Hyperscan regex is only a prefix: the match may run on
                              * `fwd` bytes after the report (PII_MAX_SPAN when 0) */
};

/* The token prefilter (tokens.c, docs/design/ARCHITECTURE.md "PII engine"): a pattern with a
 * token class is left out of the Hyperscan database. Every match of such a pattern holds a
 * digit (TC_HEXSEP: a separator; TC_B58: an L or M) and lies inside one maximal run of its class's bytes, so
 * tokens.c finds the runs around digits (separators) in one pass, keeps those whose counts can
 * hold a match, and runs PCRE2 on them alone: the same matches as PCRE2 over the whole window. The counts are necessary conditions read off
 * the regex (a digit count, capitals, separators, the first digit of a number, a run length).
 * Which numbers open a run (tokens.c, marked()) is read off each class's patterns too: a new
 * pattern of a class must hold a number that its class's marks open. */
enum pii_tok_class {
        TC_NONE, /* in the Hyperscan database */
        TC_PH,   /* [0-9 .,/()+xetAB-]: phones, SSN, ITIN, cards, IPv4, decimal coordinates,
                  * NIR */
        TC_U,    /* [A-Z0-9 -]: NINO, IBAN, postcodes, ZIP after a state, NIF/NIE, MBI, VIN,
                  * PAN, NRIC */
        TC_W,    /* [A-Za-z0-9 .]: lower-case IBAN, Bitcoin base58, dotted MAC */
        TC_DMS,  /* degrees, minutes, seconds */
        TC_HEXSEP, /* [0-9A-Fa-f:-]: colon IPv6, MAC with ':' or '-'. Found around its
                    * separators, not its digits: dead:beef:... holds none. A pattern of
                    * this class has 5 separators or more, each 2 to 5 bytes from the next
                    * (anchor_scan() skips a separator with none in the 5 bytes after) */
        TC_B58,    /* base58: Litecoin addresses, found around their first letter, L or M */
        _TC_MAX
};

enum { /* pii_tok.need: a further condition on the run ("d": a digit, "L": a capital) */
        TN_NANP = 1,  /* 2 of d-d, 2 of d.d, 2 parentheses, or a '+' and 2 of "d d" */
        TN_INTL,      /* '+' then 1-9, or a number that starts 00 then 1-9 */
        TN_DASH2,     /* 2 of d-d */
        TN_SPACE2,    /* 2 of "d d" */
        TN_SEP2,      /* 2 of d-d or "d d" */
        TN_DOT3,      /* 3 of d.d */
        TN_COORD,     /* 2 of d.d and a comma */
        TN_SPACE1,    /* a space */
        TN_UAFTER,    /* a capital after a digit (a space or '-' may be between) */
        TN_LLDD,      /* LLdd at a word start */
        TN_LCC,       /* two lower-case letters at a word start, then dd */
        TN_LDL,       /* LdL */
        TN_UKPC,      /* " dLL" */
        TN_DMS,       /* an N or an S, and 2 degree signs (or d) after a digit */
        TN_MACDOT,    /* 4 hex digits, '.', 4, '.', 4 */
        TN_COLON7,    /* TC_HEXSEP: 7 ':' */
        TN_HEXSEP5,   /* TC_HEXSEP: 5 of ':' or '-' */
        TN_CARDCTX,   /* card_context: the match begins before the run, at a card word; the
                       * run holds its number (tokens.c, tok_card_context) */
        TN_UAFTER1,   /* a capital right after a digit, or after a digit and '-' */
        TN_NATL,      /* phone_national: 2 numbers, and a number of 2 or of 5 to 8 digits, or
                       * 2 of "d d", or 2 parentheses */
};

struct pii_tok {
        uint8_t cls;        /* enum pii_tok_class */
        uint8_t digits;     /* at least this many digits in the run; with `lead`, from the
                             * first number that starts with a lead digit on */
        uint8_t upper;      /* at least this many capitals */
        uint8_t need;       /* TN_*, 0 for none */
        uint16_t lead;      /* bit d: a number in the run starts (at a word start) with digit
                             * d; 0 for any */
        uint8_t minlen;     /* the run's length at least */
        uint8_t wmin, wmax; /* a word (letters and digits) of the run is this long (0: any) */
        uint16_t groups;    /* bit n: the run has a number of exactly n digits (15: 15 or
                             * more), for every bit set */
};
#define TOK(cls, digits, upper, need, lead, minlen, wmin, wmax, groups) \
        { (cls), (digits), (upper), (need), (lead), (minlen), (wmin), (wmax), (groups) }
#define LEAD(d) (1u << (d))
#define LEAD_NOT0 0x3feu /* LEAD(1) | ... | LEAD(9) */
#define GRP(n) (1u << (n))

struct pii_pattern {
        const char *name;
        const char *regex;    /* PCRE2 syntax, no UTF; exact match */
        const char *hs_regex; /* Hyperscan form when different, else NULL: with PAT_FWD a
                               * prefix of the match, else a suffix (same end offsets, a
                               * literal to anchor on, e.g. the '@' of an e-mail) */
        uint8_t type;
        uint8_t validator;
        uint8_t priority;     /* overlap resolution: the higher wins */
        uint8_t flags;
        float score;
        uint16_t fwd;
        uint16_t back;        /* with PAT_FWD: the farthest a match may start before the end of
                               * a report (0: the whole regex's width, pii_hs_maxwidth); the
                               * search of a range goes on where the last range's stopped */
        struct pii_tok tok;   /* the token prefilter's conditions; cls TC_NONE: Hyperscan */
        const char *tok_lead2; /* with `tok.lead`: the first two digits a match can start
                                * with, as "40-49,51"; NULL for any */
};

extern const struct pii_pattern pii_patterns[];
extern const unsigned pii_n_patterns;
extern const struct pii_type_info pii_types[_T_MAX];

/* Generated at build time by gen-hsdb (only with Hyperscan). */
extern const unsigned char pii_hs_db[];
extern const size_t pii_hs_db_len;
extern const unsigned pii_hs_maxwidth[];
extern const unsigned pii_hs_minwidth[]; /* the shortest match of each pattern (whole match) */
extern const unsigned pii_hs_npatterns;

/* validate.c: 0 = reject, 1 = accept. May move *end back (shrink to a valid value). `buf`
 * is the whole scanned buffer, so a validator may look at the text around the value. */
int pii_validate(unsigned validator, const char *buf, size_t len, size_t start, size_t *end);
