/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PII and secret detector table: one row per detector, each a regex in the subset that
 * both PCRE2 and Hyperscan accept (ASCII classes, \b, bounded repeats, no look-around),
 * with its type, validator, priority and score.
 *
 * Ambiguous bare formats (bank accounts, birth dates, record numbers, passports, bare
 * 9-digit SSNs) carry their context words in the regex itself, and the value is capture
 * group 1: a bare 9-digit number is not an SSN, a date is not a birth date. Checksummed
 * formats are confirmed by their validator in validate.c. Every repeat is bounded, so every
 * match fits in PII_MAX_SPAN. This file is plain data: the build-time Hyperscan generator
 * links it alone.
 */
#include "pii/patterns.h"

const struct pii_type_info pii_types[_T_MAX] = {
        [T_EMAIL] = { "EMAIL_ADDRESS", CAT_PERSONAL, PARTIAL_EMAIL },
        [T_PHONE] = { "PHONE_NUMBER", CAT_PERSONAL, PARTIAL_LAST4 },
        [T_CREDIT_CARD] = { "CREDIT_CARD", CAT_FINANCIAL, PARTIAL_LAST4 },
        [T_IBAN] = { "IBAN_CODE", CAT_FINANCIAL, PARTIAL_LAST4 },
        [T_US_SSN] = { "US_SSN", CAT_PERSONAL, PARTIAL_LAST4 },
        [T_US_ITIN] = { "US_ITIN", CAT_PERSONAL, PARTIAL_LAST4 },
        [T_US_PASSPORT] = { "US_PASSPORT", CAT_PERSONAL, PARTIAL_NONE },
        [T_US_DRIVER_LICENSE] = { "US_DRIVER_LICENSE", CAT_PERSONAL, PARTIAL_NONE },
        [T_US_BANK] = { "US_BANK_NUMBER", CAT_FINANCIAL, PARTIAL_LAST4 },
        [T_ABA] = { "ABA_ROUTING_NUMBER", CAT_FINANCIAL, PARTIAL_NONE },
        [T_UK_NINO] = { "UK_NINO", CAT_PERSONAL, PARTIAL_NONE },
        [T_UK_NHS] = { "UK_NHS", CAT_HEALTH, PARTIAL_NONE },
        [T_IP] = { "IP_ADDRESS", CAT_COMM, PARTIAL_NONE },
        [T_MAC] = { "MAC_ADDRESS", CAT_COMM, PARTIAL_NONE },
        [T_DOB] = { "DATE_OF_BIRTH", CAT_PERSONAL, PARTIAL_NONE },
        [T_CRYPTO] = { "CRYPTO", CAT_FINANCIAL, PARTIAL_LAST4 },
        [T_URL_CRED] = { "URL_CREDENTIALS", CAT_DIGITAL, PARTIAL_NONE },
        [T_MRN] = { "MEDICAL_RECORD_NUMBER", CAT_HEALTH, PARTIAL_NONE },
        [T_VIN] = { "VIN", CAT_PERSONAL, PARTIAL_LAST4 },
        [T_AWS_ACCESS] = { "AWS_ACCESS_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_AWS_SECRET] = { "AWS_SECRET_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_GITHUB] = { "GITHUB_TOKEN", CAT_DIGITAL, PARTIAL_NONE },
        [T_SLACK] = { "SLACK_TOKEN", CAT_DIGITAL, PARTIAL_NONE },
        [T_STRIPE] = { "STRIPE_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_GOOGLE] = { "GOOGLE_API_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_OPENAI] = { "OPENAI_API_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_ANTHROPIC] = { "ANTHROPIC_API_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_JWT] = { "JWT", CAT_DIGITAL, PARTIAL_NONE },
        [T_PRIVATE_KEY] = { "PRIVATE_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_PASSWORD] = { "PASSWORD", CAT_DIGITAL, PARTIAL_NONE },
        [T_GENERIC_SECRET] = { "GENERIC_SECRET", CAT_DIGITAL, PARTIAL_NONE },
        [T_PASSPORT] = { "PASSPORT", CAT_PERSONAL, PARTIAL_NONE },
        [T_CA_SIN] = { "CA_SIN", CAT_PERSONAL, PARTIAL_LAST4 },
        [T_FR_NIR] = { "FR_NIR", CAT_PERSONAL, PARTIAL_NONE },
        [T_ES_NIF] = { "ES_NIF", CAT_PERSONAL, PARTIAL_NONE },
        [T_ES_NIE] = { "ES_NIE", CAT_PERSONAL, PARTIAL_NONE },
        [T_IN_PAN] = { "IN_PAN", CAT_PERSONAL, PARTIAL_NONE },
        [T_IN_AADHAAR] = { "IN_AADHAAR", CAT_PERSONAL, PARTIAL_LAST4 },
        [T_PL_PESEL] = { "PL_PESEL", CAT_PERSONAL, PARTIAL_NONE },
        [T_SG_NRIC] = { "SG_NRIC_FIN", CAT_PERSONAL, PARTIAL_NONE },
        [T_US_EIN] = { "US_EIN", CAT_FINANCIAL, PARTIAL_NONE },
        [T_SWIFT] = { "SWIFT_CODE", CAT_FINANCIAL, PARTIAL_NONE },
        [T_US_NPI] = { "US_NPI", CAT_HEALTH, PARTIAL_NONE },
        [T_US_DEA] = { "US_DEA_NUMBER", CAT_HEALTH, PARTIAL_NONE },
        [T_US_MBI] = { "US_MBI", CAT_HEALTH, PARTIAL_NONE },
        [T_HEALTH_INSURANCE] = { "HEALTH_INSURANCE_ID", CAT_HEALTH, PARTIAL_NONE },
        [T_DIAGNOSIS] = { "DIAGNOSIS_CODE", CAT_HEALTH, PARTIAL_NONE },
        [T_COORD] = { "COORDINATES", CAT_LOCATION, PARTIAL_NONE },
        [T_UK_POSTCODE] = { "UK_POSTCODE", CAT_LOCATION, PARTIAL_NONE },
        [T_US_ZIP] = { "US_ZIP_CODE", CAT_LOCATION, PARTIAL_NONE },
        [T_CA_POSTAL] = { "CA_POSTAL_CODE", CAT_LOCATION, PARTIAL_NONE },
        [T_IMEI] = { "IMEI", CAT_COMM, PARTIAL_LAST4 },
        [T_GITLAB] = { "GITLAB_TOKEN", CAT_DIGITAL, PARTIAL_NONE },
        [T_HUGGINGFACE] = { "HUGGINGFACE_TOKEN", CAT_DIGITAL, PARTIAL_NONE },
        [T_SENDGRID] = { "SENDGRID_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_TWILIO] = { "TWILIO_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_NPM] = { "NPM_TOKEN", CAT_DIGITAL, PARTIAL_NONE },
        [T_PYPI] = { "PYPI_TOKEN", CAT_DIGITAL, PARTIAL_NONE },
        [T_AZURE_KEY] = { "AZURE_STORAGE_KEY", CAT_DIGITAL, PARTIAL_NONE },
        [T_TELEGRAM] = { "TELEGRAM_BOT_TOKEN", CAT_DIGITAL, PARTIAL_NONE },
        [T_PERSON] = { "PERSON", CAT_PERSONAL, PARTIAL_NONE },
        [T_STREET_ADDRESS] = { "STREET_ADDRESS", CAT_LOCATION, PARTIAL_NONE },
        [T_LOCATION] = { "LOCATION", CAT_LOCATION, PARTIAL_NONE },
};

/* Building blocks. "no." / "number" / "#" after a context word. */
#define NUMWORD "(?:[\\s_-]{0,3}(?:number|num|no|id))?\\b\\.?(?:\\s{0,3}#)?"
/* Between a context word and its value: up to n bytes of class `cls`, an optional "is" /
 * "was" (prose), and at most one line break (a label on one line, the value on the next). */
#define GAP(cls, n) cls "{0," #n "}(?:(?:is|was)" cls "{1,6})?(?:\\n" cls "{0,8})?"
/* A value that ends where a token ends: the class of the value must not continue. */
#define END_B64 "(?:[^A-Za-z0-9_-]|$)"
#define END_B64STD "(?:[^A-Za-z0-9/+=]|$)"
#define SEP "[ -]?"
#define D4 "[0-9]{4}"
/* English, German, French and Dutch month names and their short forms (UTF-8 bytes for
 * f\xC3\xA9vrier, M\xC3\xA4rz, ao\xC3\xBBt, d\xC3\xA9cembre). */
#define MONTHS                                                                             \
        "(?:jan|feb|f\\xC3\\xA9v|fev|mar|maa|m\\xC3\\xA4r|apr|avr|may|mai|mei|jun|jui|jul|aug"  \
        "|ao\\xC3\\xBBt|aout|sep|sept|oct|okt|nov|dec|dez|d\\xC3\\xA9c)[a-z]{0,6}\\.?"
#define DATE_FORMS                                                                         \
        "(?:[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}"                                         \
        "|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:[0-9]{4}|[0-9]{2})"                              \
        "|" MONTHS " [0-9]{1,2}(?:st|nd|rd|th)?,? [0-9]{4}"                                  \
        "|[0-9]{1,2}(?:st|nd|rd|th|er|\\.)? " MONTHS ",? [0-9]{4}"                                  \
        "|[0-9]{1,2}[-/.]" MONTHS "[-/.][0-9]{4})"
#define US_STATES                                                                          \
        "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE" \
        "|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)"
#define IBAN_CC_LOWER                                                                      \
        "(?:a[delzt]|[bg][aeghir]|b[ry]|c[hryz]|d[ejko]|e[egs]|f[ikor]|g[bilt]|hr|hu|i[eloqst]"   \
        "|jo|k[wz]|l[bcituvy]|m[cdeknrtu]|n[ilo]|om|p[klst]|qa|r[osu]|s[acdeikmotv]|t[lnr]|ua"  \
        "|v[ag]|xk)"
/* After a secret-named key: an assignment (=, :=, :, =>), a comparison (==, !=) or a
 * constructor's parenthesis, then a quoted value, captured whole (spaces included) in one of
 * groups 1-3 (double, single or back quotes). */
#define QUOTED_OP                                                                          \
        "[\"']?(?:\\s{0,3}(?::=|===|!==|==|!=|=>|[:=]|\\bis\\b)\\s{0,3}|\\s{0,3}\\(\\s{0,3}"          \
        "|\\.equals(?:IgnoreCase)?\\s{0,3}\\(\\s{0,3}))" /* and the key's (?i: */
/* A backslash escapes the next byte (Tr0ub\"4dor): too large for Hyperscan, which gets the
 * key, the operator and the opening quote only (PAT_FWD, SECRET_KEY_BACK before the report,
 * SECRET_VALUE_FWD after it: 300 bytes, escapes two each, and the quote) */
#define SECRET_KEY_BACK 80
#define SECRET_VALUE_FWD 604
#define DQ_ESCAPED "\"((?:[^\"\\\\\\n]|\\\\[^\\n]){1,300})\""
#define QUOTED_VALUE                                                                       \
        QUOTED_OP                                                                          \
        "(?:" DQ_ESCAPED "|'((?:[^'\\\\\\n]|\\\\[^\\n]){1,300})'|`([^`\\n]{1,300})`)"
/* keys named for what they sign or encrypt: SIGNING_KEY, HMAC_KEY, SECRET_KEY_BASE... */
#define KEY_WORDS "(?:signing|encryption|encrypt|hmac|master|app|auth|session|jwt|cookie)[_-]?key"
/* the key of secret_quoted_password and of secret_quoted_key, in their regex and their
 * Hyperscan prefix both */
#define QP_KEY                                                                             \
        "(?i:\\b(?:(?:[A-Za-z0-9_.-]{0,30}[_.-])?(?:pwd|pw|pass|credentials?)"               \
        "|[A-Za-z0-9_.-]{0,30}(?:password|passwd|passphrase))"
#define QK_KEY                                                                             \
        "(?i:\\b(?:(?:[A-Za-z0-9_.-]{0,30}[_.-])?(?:secret|token)"                          \
        "|[A-Za-z0-9_.-]{0,30}(?:api[_-]?key|apikey|api[_-]?secret|access[_-]?key|secret[_-]?key" \
        "|client[_-]?secret|(?:access|auth|refresh|api|bot|session|bearer|id)[_-]?token"      \
        "|private[_-]?key(?:[_-]?id)?|" KEY_WORDS "))"
/* an XML element's or a name/key attribute's name that is a password's or a secret's */
#define XML_NAME_PREFIX "(?:[A-Za-z0-9_.:-]{0,30}[_.:-])?"
#define XML_PW_NAMES "(?:password|passwd|pwd|passphrase)"
#define XML_KEY_NAMES                                                                      \
        "(?:secret|token|api[_-]?key|apikey|client[_-]?secret|secret[_-]?key|access[_-]?key"  \
        "|private[_-]?key|" KEY_WORDS ")"
#define ATTR_HEAD "(?i:\\b(?:name|key)\\s{0,3}=\\s{0,3}[\"']" XML_NAME_PREFIX
#define ATTR_VALUE "[\"']\\s{1,3}value\\s{0,3}=\\s{0,3})(?:\"([^\"\\n]{1,300})\"|'([^'\\n]{1,300})')"
/* strcmp(pw, "..."): the call and the secret-named first argument */
#define STRCMP_HEAD                                                                        \
        "(?i:\\b(?:str(?:n?case)?cmp|strncmp|memcmp|g_strcmp0)\\s{0,3}\\(\\s{0,3}"            \
        "[A-Za-z0-9_.>-]{0,30}(?:pw|pwd|pass|passwd|password|passphrase|secret|token)"         \
        "[A-Za-z0-9_\\]\\[]{0,20}\\s{0,3},\\s{0,3})"
#define MBI_L "[AC-HJKMNP-RT-Y]"
#define MBI_A "[AC-HJKMNP-RT-Y0-9]"

const struct pii_pattern pii_patterns[] = {
        /* ---- personal ---- */
        /* Hyperscan gets only "x@y" (PAT_FWD): the domain's bounded repeats cost it more
         * than PCRE2 confirming each '@' (docs/design/ARCHITECTURE.md, PII engine) */
        { "email",
          "\\b[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9]"
          ")?\\.)"
          "{1,6}[A-Za-z]{2,24}\\b",
          "[A-Za-z0-9._%+-]@[A-Za-z0-9]", T_EMAIL, V_EMAIL, 70, PAT_FWD, 1.0f, 416,
          /* the report ends one byte past the '@', the local part is at most 64 bytes */
          .back = 66 },
        { "phone_nanp",
          "(?:(?:\\+1[ .-]?|\\b001[ .-]?|\\b1[-.])?(?:\\b[0-9]{3}-[0-9]{3}-|\\b[0-9]{3}\\.[0-9"
          "]{3}\\.)"
          "|(?:\\+1 ?)?\\([0-9]{3}\\) ?[0-9]{3}[-. ]|\\+1 [0-9]{3} [0-9]{3} )"
          "[0-9]{4}(?: ?(?:x|ext\\.?) ?[0-9]{1,5})?\\b",
          NULL, T_PHONE, V_PHONE, 50, 0, 0.75f,
          .tok = TOK(TC_PH, 10, 0, TN_NANP, 0, 0, 0, 0, GRP(3)|GRP(4)) },
        { "phone_intl",
          "(?:\\+|\\b00)[1-9][0-9]{0,2}(?:[ .-]?\\(?[0-9]{1,5}\\)?){2,6}\\b",
          NULL, T_PHONE, V_PHONE, 45, 0, 0.7f,
          /* 9 digits, 10 bytes: not the regex's least, but V_PHONE takes a number that
           * starts with '+' only with 9 digits or more (00: 11), and a match holds no more
           * digits than its run, so a run with fewer holds no finding (a third of a log's
           * runs, "/1.1", "14.025", were counted for this pattern alone) */
          .tok = TOK(TC_PH, 9, 0, TN_INTL, 0, 10, 0, 0, 0) },
        /* National formats with a trunk 0. The variable German/Austrian form (area code of
         * 2-4 digits, a space, 5-8 digits) is left out on purpose: as a bare pattern it cost a
         * third of the scan throughput (224 vs 300 MB/s) for a form that, without a phone word
         * (phone_context catches it then), is indistinguishable from other digit groups.
         * Found by the token prefilter (tokens.c), not Hyperscan: its digit-led alternatives
         * with bounded repeats were the costliest pattern of the Hyperscan database. */
        { "phone_national",
          "\\b(?:0[1-9](?: [0-9]{2}){4}|0[1-9](?:\\.[0-9]{2}){4}|0[1-9](?:-[0-9]{2}){4}"
          "|0[1-9][0-9]{3} [0-9]{6}|0[1-9][0-9]{2} [0-9]{3} [0-9]{4}|0[1-9][0-9] [0-9]{4} [0-9]{4}"
          "|04[0-9]{2} [0-9]{3} [0-9]{3}|0[1-9][0-9]{0,3}[-/][0-9]{5,8}"
          "|0[1-9][0-9] [0-9]{3} [0-9]{4}|0[1-9][0-9]{1,3} [0-9]{2}(?: [0-9]{2}){2,3})\\b"
          "|\\(0[1-9][0-9]{0,3}\\) ?[0-9]{3,4}[ -]?[0-9]{4}\\b",
          NULL, T_PHONE, V_PHONE, 43, 0, 0.6f,
          /* every form holds two numbers and one of: a number of 2 digits (0d dd dd dd dd,
           * 0ddd dd dd dd) or of 5 to 8 (0dddd dddddd, 0d-ddddd), two single spaces between
           * digits (0dd ddd dddd), two parentheses; a JSON file's 3-3-4 SKUs have none (a
           * fifth start with 0 or hold a 0dd group) */
          .tok = TOK(TC_PH, 7, 0, TN_NATL, LEAD(0), 0, 0, 0, 0) },
        { "phone_context",
          "(?i:(?:\\b(?:phone|tel|telephone|mobile|cell|cellphone|fax|call|telefon|telefoon"
          "|telefonnummer|rufnummer|ruf|anruf|handy|mobil|mobiel|bel|bellen|gsm|portable"
          "|appelez|appeler)\\b"
          "|t\\xC3\\xA9l\\xC3\\xA9phone|tel\\xC3\\xA9fono|\\xE7\\x94\\xB5\\xE8\\xAF\\x9D"
          "|\\xE9\\x9B\\xBB\\xE8\\xA9\\xB1)" GAP("[^0-9\\n+]", 15) ")"
          "(\\+?[0-9][0-9 ().-]{5,18}[0-9])\\b",
          NULL, T_PHONE, V_PHONE, 44, PAT_GROUP, 0.8f },
        { "ssn_dashed", "\\b[0-9]{3}-[0-9]{2}-[0-9]{4}\\b", NULL, T_US_SSN, V_SSN, 60, 0, 0.85f,
          .tok = TOK(TC_PH, 9, 0, TN_DASH2, 0, 0, 0, 0, GRP(2)|GRP(3)|GRP(4)) },
        { "ssn_spaced", "\\b[0-9]{3} [0-9]{2} [0-9]{4}\\b", NULL, T_US_SSN, V_SSN, 58, 0, 0.7f,
          .tok = TOK(TC_PH, 9, 0, TN_SPACE2, 0, 0, 0, 0, GRP(2)|GRP(3)|GRP(4)) },
        { "ssn_context",
          "(?i:\\b(?:ssn|ssns|social\\s{1,3}security(?:\\s{1,3}(?:number|no\\.?|#))?)\\b[^0-9"
          "\\n]{0,20})"
          "([0-9]{9}|[0-9]{3}[-. ][0-9]{2}[-. ][0-9]{4})\\b",
          NULL, T_US_SSN, V_SSN, 61, PAT_GROUP, 0.95f },
        { "itin",
          "\\b9[0-9]{2}[- ](?:5[0-9]|6[0-5]|7[0-9]|8[0-8]|9[0-24-9])[- ][0-9]{4}\\b",
          NULL, T_US_ITIN, V_ITIN, 62, 0, 0.9f,
          .tok = TOK(TC_PH, 9, 0, TN_SEP2, LEAD(9), 0, 0, 0, GRP(2)|GRP(3)|GRP(4)) },
        { "us_passport",
          "(?i:\\b(?:us|u\\.s\\.|american)?\\s{0,3}passport" NUMWORD GAP("[^A-Za-z0-9\\n]", 10) ")"
          "([A-Z]?[0-9]{8,9})\\b",
          NULL, T_US_PASSPORT, V_NONE, 56, PAT_GROUP, 0.85f },
        { "passport",
          "(?i:\\bpassport" NUMWORD GAP("[^A-Za-z0-9\\n]", 10) ")([A-Z0-9]{6,9})\\b",
          NULL, T_PASSPORT, V_HAS_DIGITS, 55, PAT_GROUP, 0.75f },
        { "us_driver_license",
          "(?i:\\b(?:driver(?:'|\\xE2\\x80\\x99)?s?\\s{1,3}licen[cs]e|driving\\s{1,3}licen[cs]e"
          "|DL|DLN|CDL|licen[cs]e\\s{1,3}(?:no|number|#))" NUMWORD GAP("[^A-Za-z0-9\\n]", 10) ")"
          "([0-9]{3} [0-9]{3} [0-9]{3}|[A-Z0-9][A-Z0-9*-]{3,16}[A-Z0-9])\\b",
          NULL, T_US_DRIVER_LICENSE, V_HAS_DIGITS, 55, PAT_GROUP, 0.8f },
        { "uk_nino",
          "\\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\\b",
          NULL, T_UK_NINO, V_NINO, 60, 0, 0.9f,
          .tok = TOK(TC_U, 6, 3, TN_UAFTER, 0, 0, 0, 0, 0) },
        { "date_of_birth",
          "(?i)(?:\\b(?:dob|date[\\s_-]{1,3}of[\\s_-]{1,3}birth|birth[\\s_-]{0,3}date|birthday"
          "|born(?:\\s{1,3}on)?|geburtsdatum|geboren(?:\\s{1,3}(?:am|op))?|geboortedatum|date\\s{1,3}de\\s{1,3}naissance"
          "|fecha\\s{1,3}de\\s{1,3}nacimiento|data\\s{1,3}di\\s{1,3}nascita)\\b"
          "|\\bd\\.o\\.b\\.?|\\bgeb\\.|\\bn\\xC3\\xA9e?\\s{1,3}le\\b)"
          GAP("[^0-9A-Za-z\\n]", 10) "(" DATE_FORMS ")\\b",
          NULL, T_DOB, V_DATE, 50, PAT_GROUP, 0.9f },
        { "vin", "\\b[A-HJ-NPR-Z0-9]{17}\\b", NULL, T_VIN, V_VIN, 40, 0, 0.9f,
          .tok = TOK(TC_U, 4, 2, 0, 0, 0, 17, 17, 0) },
        { "ca_sin",
          "(?i:\\b(?:sin|social\\s{1,3}insurance(?:\\s{1,3}number)?)\\b[^0-9\\n]{0,15})"
          "([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3})\\b",
          NULL, T_CA_SIN, V_LUHN, 57, PAT_GROUP, 1.0f },
        { "fr_nir",
          "\\b[12] ?[0-9]{2} ?(?:0[1-9]|1[0-2]|[2-9][0-9]) ?(?:[0-9]{2}|2[AB]) ?[0-9]{3} ?[0-9]{3}"
          " ?[0-9]{2}\\b",
          NULL, T_FR_NIR, V_FR_NIR, 62, 0, 1.0f,
          .tok = TOK(TC_PH, 13, 0, 0, LEAD(1)|LEAD(2), 0, 0, 0, 0) },
        { "es_nif", "\\b[0-9]{8}-?[A-Z]\\b", NULL, T_ES_NIF, V_ES_NIF, 55, 0, 1.0f,
          .tok = TOK(TC_U, 8, 1, TN_UAFTER1, 0, 0, 0, 0, GRP(8)) },
        { "es_nie", "\\b[XYZ]-?[0-9]{7}-?[A-Z]\\b", NULL, T_ES_NIE, V_ES_NIF, 55, 0, 1.0f,
          .tok = TOK(TC_U, 7, 2, TN_UAFTER1, 0, 0, 0, 0, GRP(7)) },
        { "in_pan", "\\b[A-Z]{3}[ABCFGHLJPT][A-Z][0-9]{4}[A-Z]\\b", NULL, T_IN_PAN, V_NONE, 50, 0,
          0.85f,
          .tok = TOK(TC_U, 4, 6, 0, 0, 0, 10, 10, GRP(4)) },
        { "in_aadhaar",
          "(?i:\\b(?:aadhaar|aadhar|uidai|uid)" NUMWORD "[^0-9\\n]{0,12})"
          "([2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4})\\b",
          NULL, T_IN_AADHAAR, V_VERHOEFF, 57, PAT_GROUP, 1.0f },
        { "pl_pesel",
          "(?i:\\bpesel" NUMWORD "[^0-9\\n]{0,12})([0-9]{11})\\b",
          NULL, T_PL_PESEL, V_PESEL, 57, PAT_GROUP, 1.0f },
        { "sg_nric", "\\b[STFGM][0-9]{7}[A-Z]\\b", NULL, T_SG_NRIC, V_SG_NRIC, 55, 0, 1.0f,
          .tok = TOK(TC_U, 7, 2, 0, 0, 0, 9, 9, GRP(7)) },

        /* ---- financial ---- */
        { "card_visa", "\\b4[0-9]{3}(?:[ -]?[0-9]){12,15}\\b", NULL, T_CREDIT_CARD, V_LUHN_CARD,
          80, 0, 1.0f,
          .tok = TOK(TC_PH, 16, 0, 0, LEAD(4), 0, 0, 0, 0),
          .tok_lead2 = "40-49" },
        { "card_mastercard",
          "\\b(?:5[1-5][0-9]{2}|222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)"
          "(?:[ -]?[0-9]){12}\\b",
          NULL, T_CREDIT_CARD, V_LUHN_CARD, 80, 0, 1.0f,
          .tok = TOK(TC_PH, 16, 0, 0, LEAD(2)|LEAD(5), 0, 0, 0, 0),
          .tok_lead2 = "22-27,51-55" },
        { "card_amex", "\\b3[47][0-9]{2}(?:[ -]?[0-9]){11}\\b", NULL, T_CREDIT_CARD, V_LUHN_CARD,
          80, 0, 1.0f,
          .tok = TOK(TC_PH, 15, 0, 0, LEAD(3), 0, 0, 0, 0),
          .tok_lead2 = "34,37" },
        { "card_discover", "\\b6(?:011|5[0-9]{2}|4[4-9][0-9])(?:[ -]?[0-9]){12,15}\\b", NULL,
          T_CREDIT_CARD, V_LUHN_CARD, 80, 0, 1.0f,
          .tok = TOK(TC_PH, 16, 0, 0, LEAD(6), 0, 0, 0, 0),
          .tok_lead2 = "60,64-65" },
        { "card_jcb",
          "\\b(?:35[0-9]{2}(?:[ -]?[0-9]){12,15}|(?:2131|1800)(?:[ -]?[0-9]){11})\\b", NULL,
          T_CREDIT_CARD, V_LUHN_CARD, 80, 0, 1.0f,
          .tok = TOK(TC_PH, 15, 0, 0, LEAD(1)|LEAD(2)|LEAD(3), 0, 0, 0, 0),
          .tok_lead2 = "18,21,35" },
        { "card_diners", "\\b3(?:0[0-5]|[689][0-9])[0-9](?:[ -]?[0-9]){10,15}\\b", NULL,
          T_CREDIT_CARD, V_LUHN_CARD, 80, 0, 1.0f,
          .tok = TOK(TC_PH, 14, 0, 0, LEAD(3), 0, 0, 0, 0),
          .tok_lead2 = "30,36,38-39" },
        { "card_unionpay", "\\b62[0-9]{2}(?:[ -]?[0-9]){12,15}\\b", NULL, T_CREDIT_CARD,
          V_LUHN_CARD, 80, 0, 1.0f,
          .tok = TOK(TC_PH, 16, 0, 0, LEAD(6), 0, 0, 0, 0),
          .tok_lead2 = "62" },
        { "card_maestro",
          "\\b(?:50(?:18|20|38)|5893|6304|67(?:59|6[1-3])|0604)(?:[ -]?[0-9]){8,15}\\b", NULL,
          T_CREDIT_CARD, V_LUHN_CARD, 79, 0, 1.0f,
          .tok = TOK(TC_PH, 12, 0, 0, LEAD(0)|LEAD(5)|LEAD(6), 0, 0, 0, 0),
          .tok_lead2 = "06,50,58,63,67" },
        { "card_context",
          "(?i:\\b(?:card|credit|debit|visa|mastercard|maestro|amex|karte|carte|tarjeta|charge"
          "d|paid)"
          "\\b[^0-9\\n]{0,20})([0-9](?:[ -]?[0-9]){11,18})\\b",
          NULL, T_CREDIT_CARD, V_LUHN_CARD, 80, PAT_GROUP, 1.0f,
          .tok = TOK(TC_PH, 12, 0, TN_CARDCTX, 0, 12, 0, 0, 0) },
        { "iban", "\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,32}\\b", NULL, T_IBAN, V_IBAN, 85, 0,
          1.0f,
          .tok = TOK(TC_U, 2, 2, TN_LLDD, 0, 15, 0, 0, 0) },
        { "iban_lower", "\\b" IBAN_CC_LOWER "[0-9]{2}(?: ?[a-z0-9]){11,32}\\b",
          NULL, T_IBAN, V_IBAN, 85, 0, 1.0f,
          .tok = TOK(TC_W, 2, 0, TN_LCC, 0, 15, 0, 0, 0) },
        { "aba_routing",
          "(?i:\\b(?:routing|aba|rtn|transit)" NUMWORD GAP("[^0-9\\n]", 15) ")([0-9]{9})\\b",
          NULL, T_ABA, V_ABA, 65, PAT_GROUP, 1.0f },
        { "us_bank_account",
          "(?i:\\b(?:account|acct|a/c|checking|savings|bank\\s{1,3}acc(?:oun)?t)" NUMWORD
          GAP("[^0-9\\n]", 20) ")([0-9]{6,17})\\b",
          NULL, T_US_BANK, V_NONE, 81, PAT_GROUP, 0.8f },
        { "swift_bic",
          "(?i:\\b(?:swift|bic)(?:\\s{0,3}code)?\\b[^A-Za-z0-9\\n]{0,10})"
          "([A-Z]{6}[A-Z2-9][A-NP-Z0-9](?:[A-Z0-9]{3})?)\\b",
          NULL, T_SWIFT, V_NONE, 50, PAT_GROUP, 0.85f },
        { "crypto_btc_base58", "\\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\\b", NULL, T_CRYPTO,
          V_BASE58CHECK, 70, 0, 1.0f,
          .tok = TOK(TC_W, 1, 0, 0, LEAD(1)|LEAD(3), 0, 26, 35, 0) },
        { "crypto_ltc_base58", "\\b[LM][1-9A-HJ-NP-Za-km-z]{26,33}\\b", NULL, T_CRYPTO,
          V_BASE58CHECK, 70, 0, 1.0f,
          .tok = TOK(TC_B58, 0, 0, 0, 0, 0, 0, 0, 0) },
        { "crypto_bech32", "\\b(?:bc|tb|ltc)1[02-9ac-hj-np-z]{11,71}\\b", NULL, T_CRYPTO,
          V_BECH32, 70, 0, 1.0f },
        { "crypto_eth",
          "(?i:\\b(?:eth|ethereum|ether|wallet|erc-?20)\\b[^\\n]{0,20}?)\\b(0x[0-9a-fA-F]{40})\\b",
          NULL, T_CRYPTO, V_NONE, 70, PAT_GROUP, 0.85f },
        { "crypto_eth_bare", "\\b0x[0-9a-fA-F]{40}\\b", NULL, T_CRYPTO, V_NONE, 69, 0, 0.7f },
        { "us_ein",
          "(?i:\\b(?:ein|fein|employer\\s{1,3}id(?:entification)?(?:\\s{1,3}number)?|tax\\s{1,"
          "3}id|tin)"
          NUMWORD "[^0-9\\n]{0,15})([0-9]{2}-?[0-9]{7})\\b",
          NULL, T_US_EIN, V_EIN, 59, PAT_GROUP, 0.9f },

        /* ---- health ---- */
        { "medical_record",
          "(?i:\\b(?:mrn|medical\\s{1,3}record|patient\\s{1,3}(?:id|number|no\\.?)|chart)" NUMWORD
          GAP("[^A-Za-z0-9\\n]", 10) ")([A-Z0-9][A-Z0-9-]{3,14}[0-9])\\b",
          NULL, T_MRN, V_HAS_DIGITS, 52, PAT_GROUP, 0.85f },
        { "us_npi", "(?i:\\bnpi" NUMWORD "[^0-9\\n]{0,12})([12][0-9]{9})\\b", NULL, T_US_NPI,
          V_NPI, 60, PAT_GROUP, 1.0f },
        { "us_dea",
          "(?i:\\bdea(?:\\s{1,3}registration)?" NUMWORD "[^A-Za-z0-9\\n]{0,12})"
          "([A-Z][A-Z9][0-9]{7})\\b",
          NULL, T_US_DEA, V_DEA, 60, PAT_GROUP, 1.0f },
        { "us_mbi",
          "\\b[1-9]" MBI_L MBI_A "[0-9]-?" MBI_L MBI_A "[0-9]-?" MBI_L "{2}[0-9]{2}\\b",
          NULL, T_US_MBI, V_SEP_CONSISTENT, 50, 0, 0.8f,
          .tok = TOK(TC_U, 5, 4, TN_UAFTER1, LEAD_NOT0, 0, 0, 0, 0) },
        { "uk_nhs", "(?i:\\bnhs" NUMWORD GAP("[^0-9\\n]", 12) ")([0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{"
          "4})\\b",
          NULL, T_UK_NHS, V_NHS, 66, PAT_GROUP, 1.0f },
        { "health_insurance",
          "(?i:\\b(?:member|subscriber|policy|insurance|health\\s{1,3}plan|medicare|medicaid|group)"
          "\\s{0,3}(?:id|number|no\\.?|#)\\b[^A-Za-z0-9\\n]{0,10})([A-Z0-9][A-Z0-9-]{4,18}[A-Z"
          "0-9])\\b",
          NULL, T_HEALTH_INSURANCE, V_HAS_DIGITS, 48, PAT_GROUP, 0.8f },
        { "diagnosis_icd10",
          "(?i:\\b(?:icd-?10(?:-cm)?|diagnosis(?:\\s{1,3}code)?|dx)\\b[^A-Za-z0-9\\n]{0,10})"
          "([A-TV-Z][0-9][0-9AB](?:\\.[0-9A-TV-Z]{1,4})?)\\b",
          NULL, T_DIAGNOSIS, V_NONE, 50, PAT_GROUP, 0.85f },

        /* ---- location ---- */
        { "coordinates_decimal",
          "[-+]?\\b[0-9]{1,2}\\.[0-9]{4,8}, ?[-+]?[0-9]{1,3}\\.[0-9]{4,8}\\b", NULL, T_COORD,
          V_COORD, 45, 0, 0.85f,
          .tok = TOK(TC_PH, 10, 0, TN_COORD, 0, 0, 0, 0, 0) },
        { "coordinates_dms",
          "\\b[0-9]{1,2}(?:\\xC2\\xB0|d) ?[0-9]{1,2}(?:'|\\xE2\\x80\\xB2) ?[0-9]{1,2}(?:\\.[0-"
          "9]{1,3})?"
          "(?:\"|\\xE2\\x80\\xB3)? ?[NS],? ?[0-9]{1,3}(?:\\xC2\\xB0|d) ?[0-9]{1,2}(?:'|\\xE2\\"
          "x80\\xB2)"
          " ?[0-9]{1,2}(?:\\.[0-9]{1,3})?(?:\"|\\xE2\\x80\\xB3)? ?[EW]\\b",
          NULL, T_COORD, V_NONE, 45, 0, 0.9f,
          .tok = TOK(TC_DMS, 6, 0, TN_DMS, 0, 0, 0, 0, 0) },
        { "uk_postcode",
          "\\b(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
          "|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2}\\b",
          NULL, T_UK_POSTCODE, V_NONE, 40, 0, 0.8f,
          .tok = TOK(TC_U, 2, 3, TN_UKPC, 0, 0, 0, 0, 0) },
        { "us_zip_context",
          "(?i:\\b(?:zip(?:\\s{0,3}code)?|postal\\s{1,3}code)\\b[^0-9A-Za-z\\n]{0,5})"
          "([0-9]{5}(?:-[0-9]{4})?)\\b",
          NULL, T_US_ZIP, V_NONE, 35, PAT_GROUP, 0.8f },
        { "us_zip_state", "\\b" US_STATES " ([0-9]{5}(?:-[0-9]{4})?)\\b",
          NULL, T_US_ZIP, V_ZIP_STATE, 35, PAT_GROUP, 0.7f,
          .tok = TOK(TC_U, 5, 2, TN_SPACE1, 0, 0, 0, 0, GRP(5)) },
        { "ca_postal_code",
          "\\b[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9]\\b", NULL,
          T_CA_POSTAL, V_HAS_DIGITS, 40, 0, 0.75f,
          .tok = TOK(TC_U, 3, 3, TN_LDL, 0, 0, 0, 0, 0) },

        /* ---- communication ---- */
        { "ipv4",
          "\\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
          "(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\b",
          NULL, T_IP, V_IPV4, 45, 0, 0.9f,
          .tok = TOK(TC_PH, 4, 0, TN_DOT3, 0, 0, 0, 0, 0) },
        { "ipv6_full", "\\b(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}\\b", NULL, T_IP, V_IPV6, 46,
          0, 0.95f,
          .tok = TOK(TC_HEXSEP, 0, 0, TN_COLON7, 0, 0, 0, 0, 0) },
        /* matched by hand around its "::" (tokv6.c), not by Hyperscan; TC_HEXSEP holds its
         * bytes, and the prefilter's counts are not asked of it */
        { "ipv6_compressed",
          "\\b(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5}\\b)?", NULL,
          T_IP, V_IPV6, 45, 0, 0.85f, .tok = TOK(TC_HEXSEP, 0, 0, 0, 0, 0, 0, 0, 0) },
        { "ipv6_leading",
          "(?:^|[^0-9A-Za-z_:.])(::(?:[fF]{4}:(?:[0-9]{1,3}\\.){3}[0-9]{1,3}|1|[fF]{4}:[0-9a-fA-F]{1,4}:"
          "[0-9a-fA-F]{1,4}))(?:[^0-9A-Za-z_:.]|$)",
          NULL, T_IP, V_IPV6, 46, PAT_GROUP, 0.85f },
        { "mac_colon", "\\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\\b", NULL, T_MAC, V_MAC, 44, 0,
          0.9f,
          .tok = TOK(TC_HEXSEP, 0, 0, TN_HEXSEP5, 0, 0, 0, 0, 0) },
        { "mac_dot", "\\b[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\b", NULL, T_MAC,
          V_HAS_DIGITS, 44, 0, 0.8f,
          .tok = TOK(TC_W, 1, 0, TN_MACDOT, 0, 14, 0, 0, 0) },
        { "imei",
          "(?i:\\bimei" NUMWORD "[^0-9\\n]{0,10})([0-9]{2}[ -]?[0-9]{6}[ -]?[0-9]{6}[ -]?[0"
          "-9])\\b",
          NULL, T_IMEI, V_LUHN, 86, PAT_GROUP, 1.0f },

        /* ---- digital (secrets) ---- */
        /* V_SECRET_VALUE: AWS's own documentation key, AKIAIOSFODNN7EXAMPLE, is a
         * placeholder */
        { "aws_access_key", "\\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}\\b", NULL,
          T_AWS_ACCESS, V_SECRET_VALUE, 95, 0, 1.0f },
        { "aws_secret_key",
          "(?i:(?:aws[A-Za-z0-9_ .-]{0,20}secret|\\bsecret[_ .-]?access[_ .-]?key)"
          "[A-Za-z0-9_ .-]{0,20}[^A-Za-z0-9/+]{1,8})"
          "([A-Za-z0-9/+]{40})" END_B64STD,
          NULL, T_AWS_SECRET, V_ENTROPY, 95, PAT_GROUP, 0.95f },
        /* the secret right after its key id: a CSV row of IAM's credentials file, the next
         * line, a constructor's second argument */
        { "aws_secret_after_key",
          "\\b(?:AKIA|ASIA)[A-Z2-7]{16}[^A-Za-z0-9/+]{1,8}([A-Za-z0-9/+]{40})" END_B64STD,
          NULL, T_AWS_SECRET, V_ENTROPY, 95, PAT_GROUP, 0.9f },
        { "github_token", "\\bgh[pousr]_[A-Za-z0-9]{36}\\b", NULL, T_GITHUB, V_SECRET_VALUE, 95, 0,
          1.0f },
        { "github_fine_pat", "\\bgithub_pat_[A-Za-z0-9_]{82}\\b", NULL, T_GITHUB, V_NONE, 95, 0,
          1.0f },
        { "gitlab_token",
          "\\b((?:glpat|gldt|glrt|glrtr|glcbt|glptt|glft|glimt|glagent|glsoat|gloas|glffct|glwt"
          "|glsa|gltst)-[A-Za-z0-9_-]{20,80}(?:\\.[A-Za-z0-9_-]{2,40}){0,3})" END_B64,
          NULL, T_GITLAB, V_SECRET_VALUE, 95, PAT_GROUP, 1.0f },
        { "gitlab_runner_registration", "\\b(GR1348941[A-Za-z0-9_-]{20,40})" END_B64, NULL,
          T_GITLAB, V_SECRET_VALUE, 95, PAT_GROUP, 1.0f },
        { "slack_token",
          "\\b((?:xox[abposre]-|xoxe\\.xox[bp]-|xapp-[0-9]-)[0-9A-Za-z-]{10,250})" END_B64, NULL,
          T_SLACK, V_NONE, 95, PAT_GROUP, 1.0f },
        { "slack_webhook",
          "https://hooks\\.slack\\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}\\b",
          NULL, T_SLACK, V_NONE, 95, 0, 1.0f },
        { "stripe_key", "\\b(?:sk|rk)_(?:live|test|prod)_[0-9A-Za-z]{10,99}\\b", NULL, T_STRIPE,
          V_SECRET_VALUE, 95, 0, 1.0f },
        { "stripe_webhook_secret", "\\bwhsec_[0-9A-Za-z]{24,64}\\b", NULL, T_STRIPE, V_NONE, 95,
          0, 1.0f },
        { "google_api_key", "\\b(AIza[0-9A-Za-z_-]{35})" END_B64, NULL, T_GOOGLE, V_NONE, 95,
          PAT_GROUP, 1.0f },
        { "anthropic_api_key", "\\b(sk-ant-(?:api|admin|sid|oat)[0-9]{2}-[A-Za-z0-9_-]{32,120})"
          END_B64, NULL, T_ANTHROPIC, V_NONE, 97, PAT_GROUP, 1.0f },
        { "openai_api_key",
          "\\b(sk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,200})" END_B64, NULL, T_OPENAI,
          V_OPENAI, 96, PAT_GROUP, 0.95f },
        { "huggingface_token", "\\bhf_[A-Za-z]{34}\\b", NULL, T_HUGGINGFACE, V_NONE, 95, 0, 1.0f },
        { "sendgrid_key", "\\b(SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})" END_B64, NULL,
          T_SENDGRID, V_NONE, 95, PAT_GROUP, 1.0f },
        { "twilio_key", "\\b(?:SK|AC)[0-9a-f]{32}\\b", NULL, T_TWILIO, V_NONE, 90, 0, 0.9f },
        /* the auth token or API secret right after its SID or key: Client("AC...", "...") */
        { "twilio_secret_after_sid",
          "\\b(?:AC|SK)[0-9a-f]{32}[^A-Za-z0-9]{1,8}([A-Za-z0-9]{32})\\b", NULL, T_TWILIO,
          V_ENTROPY, 90, PAT_GROUP, 0.9f },
        { "npm_token", "\\bnpm_[A-Za-z0-9]{36}\\b", NULL, T_NPM, V_NONE, 95, 0, 1.0f },
        { "pypi_token", "\\b(pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000})" END_B64, NULL, T_PYPI,
          V_NONE, 95, PAT_GROUP, 1.0f },
        { "telegram_bot_token", "\\b[0-9]{8,10}:AA[0-9A-Za-z_-]{33}\\b", NULL, T_TELEGRAM, V_NONE,
          90, 0, 0.95f },
        { "azure_storage_key", "(?i:accountkey=)([A-Za-z0-9+/]{86}==)", NULL, T_AZURE_KEY, V_NONE,
          95, PAT_GROUP, 1.0f },
        { "jwt",
          "\\b(eyJ[A-Za-z0-9_-]{5,1000}\\.eyJ[A-Za-z0-9_-]{5,2000}\\.[A-Za-z0-9_-]{0,1000})"
          END_B64,
          NULL, T_JWT, V_JWT, 92, PAT_GROUP, 1.0f },
        { "private_key_pem",
          "-----BEGIN[A-Z0-9 ]{0,30} PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\\s:,.()\\\\-]{0,16000}?"
          "-----END[A-Z0-9 ]{0,30} PRIVATE KEY(?: BLOCK)?-----",
          "-----BEGIN[A-Z0-9 ]{0,30} PRIVATE KEY(?: BLOCK)?-----", T_PRIVATE_KEY, V_NONE, 99,
          PAT_FWD, 1.0f },
        { "private_key_header",
          "-----BEGIN[A-Z0-9 ]{0,30} PRIVATE KEY(?: BLOCK)?-----[A-Za-z0-9+/=\\r\\n\\\\]{0,16000}",
          "-----BEGIN[A-Z0-9 ]{0,30} PRIVATE KEY(?: BLOCK)?-----", T_PRIVATE_KEY, V_NONE, 98,
          PAT_FWD, 1.0f },
        { "url_credentials",
          "\\b[A-Za-z][A-Za-z0-9+.-]{1,15}://([^\\s:/@\"'<>]{1,64}:[^\\s/@\"'<>]{1,128})@", NULL,
          T_URL_CRED, V_NONE, 90, PAT_GROUP, 1.0f },
        { "password_assign",
          "(?i:\\b(?:[A-Za-z0-9_.-]{0,24}[_.-])?(?:password|passwd|pwd|passphrase|pass|passwort"
          "|kennwort|mot\\s{1,3}de\\s{1,3}passe|contrase\\xC3\\xB1a)\\b[\"']?"
          "(?:[ \\t]{0,3}(?:[:=]|\\bis\\b|-|\\xE2\\x86\\x92)\\s{0,3}|[ \\t]{1,3})"
          "(?:[\"'(]|\\xE2\\x80\\x9C)?)([^\\s\"']{4,128})",
          NULL, T_PASSWORD, V_PASSWORD, 85, PAT_GROUP, 0.9f },
        { "generic_secret_assign",
          "(?i:\\b(?:[A-Za-z0-9_.-]{0,30}[_.-])?(?:api[_-]?key|apikey|secret[_-]?key(?:[_-]?base)?"
          "|client[_-]?secret|access[_-]?token|auth[_-]?token|api[_-]?secret|secret|token"
          "|private[_-]?key|" KEY_WORDS ")[\"']?\\s{0,3}[:=]\\s{0,3}"
          "[\"']?)([A-Za-z0-9_./+=~-]{12,200})(?:[^A-Za-z0-9_./+=~-]|$)",
          NULL, T_GENERIC_SECRET, V_ENTROPY, 20, PAT_GROUP, 0.8f },
        { "bearer_token",
          "(?i:\\b(?:authorization\\s{0,3}:\\s{0,3}(?:bearer|token|basic)|bearer)\\s{1,3})"
          "([A-Za-z0-9_.~+/=-]{16,2000})",
          NULL, T_GENERIC_SECRET, V_ENTROPY, 21, PAT_GROUP, 0.9f },
        /* ---- secrets in the shapes real files have (issue 11) ---- */
        /* one line, or wrapped as base64(1) wraps it (76 columns) or openssl (64): full
         * lines, then a last one that ends as base64 of "-\n", "--\n" or "\n" does (a
         * word on the line after is not taken) */
        { "private_key_base64",
          "\\b(LS0tLS1CRUdJTi(?:[A-Za-z0-9+/]{62}(?:\\r?\\n[A-Za-z0-9+/]{76}){0,190}"
          "\\r?\\n[A-Za-z0-9+/]{0,75}(?:K|o=|g==)"
          "|[A-Za-z0-9+/]{50}(?:\\r?\\n[A-Za-z0-9+/]{64}){0,220}\\r?\\n[A-Za-z0-9+/]{0,63}(?:K|o=|g==)"
          "|[A-Za-z0-9+/]{20,16000}={0,2}))" END_B64STD,
          "\\bLS0tLS1CRUdJTi", T_PRIVATE_KEY, V_B64_PEM_KEY, 99, PAT_GROUP | PAT_FWD, 1.0f },
        { "putty_private_key",
          "Private-Lines: [0-9]{1,3}\\r?\\n(?:[A-Za-z0-9+/=]{1,128}\\r?\\n){1,60}"
          "(?:Private-MAC: [0-9a-fA-F]{20,128})?",
          "Private-Lines: [0-9]{1,3}\\r?\\n", T_PRIVATE_KEY, V_NONE, 99, PAT_FWD, 1.0f, 8200 },
        { "docker_auth",
          "(?i:\"(?:auth|identitytoken|registrytoken)\"\\s{0,3}:\\s{0,3}\")([A-Za-z0-9+/_.-]{8,4000}={0,2})\"",
          NULL, T_PASSWORD, V_SECRET_VALUE, 86, PAT_GROUP, 0.95f },
        { "npmrc_auth",
          "(?:^|[\\s:/])_(?:authToken|auth|password)\\s{0,3}=\\s{0,3}[\"']?([A-Za-z0-9+/=_.:-]{8,600})",
          NULL, T_NPM, V_SECRET_VALUE, 95, PAT_GROUP, 0.95f },
        { "aws_session_token",
          "(?i:(?:aws_?session_?token|x-amz-security-token|sessiontoken)[\"']?\\s{0,3}[:=]\\s{0,3}"
          "[\"']?)([A-Za-z0-9/+=]{100,2000})" END_B64STD,
          NULL, T_AWS_SECRET, V_ENTROPY, 95, PAT_GROUP, 0.95f },
        { "azure_ad_client_secret",
          "(?:^|[^A-Za-z0-9_~.-])([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})"
          "(?:[^A-Za-z0-9_~.-]|$)",
          NULL, T_GENERIC_SECRET, V_NONE, 95, PAT_GROUP, 0.95f },
        { "curl_user",
          "\\bcurl\\b[^\\n|;&]{0,200}[ \\t](?:-u(?:[ \\t]{1,3}|=)?|--user(?:[ \\t]{1,3}|=))"
          "(?:\"([^\"\\n]{3,200})\"|'([^'\\n]{3,200})'|([^\\s\"']{3,200}))",
          /* above twilio_key's 90: `curl -u AC...:token` is the SID and its token whole */
          NULL, T_PASSWORD, V_USER_PASS, 91, PAT_GROUP, 0.95f },
        /* a quoted value assigned to (or compared with, or constructed from) a secret-named
         * key, in code and config: the value whole, spaces and all */
        { "secret_quoted_password", QP_KEY QUOTED_VALUE, QP_KEY QUOTED_OP "[\"'`]",
          T_PASSWORD, V_SECRET_QUOTED, 87, PAT_GROUP | PAT_FWD, 0.9f, SECRET_VALUE_FWD,
          .back = SECRET_KEY_BACK },
        { "secret_quoted_key", QK_KEY QUOTED_VALUE, QK_KEY QUOTED_OP "[\"'`]",
          T_GENERIC_SECRET, V_SECRET_QUOTED, 87, PAT_GROUP | PAT_FWD, 0.9f, SECRET_VALUE_FWD,
          .back = SECRET_KEY_BACK },
        /* <password>...</password>, <db.password>, <apiKey>...; and the value of an element
         * whose name or key attribute is a secret's: <property name="password" value="..."/>,
         * <add key="ApiKey" value="..."/> */
        { "secret_xml_password", "(?i:<" XML_NAME_PREFIX XML_PW_NAMES ">)([^<\\n]{1,300})</",
          NULL, T_PASSWORD, V_SECRET_QUOTED, 87, PAT_GROUP, 0.9f },
        { "secret_xml_key", "(?i:<" XML_NAME_PREFIX XML_KEY_NAMES ">)([^<\\n]{1,300})</",
          NULL, T_GENERIC_SECRET, V_SECRET_QUOTED, 87, PAT_GROUP, 0.9f },
        { "secret_attr_password", ATTR_HEAD XML_PW_NAMES ATTR_VALUE,
          NULL, T_PASSWORD, V_SECRET_QUOTED, 87, PAT_GROUP, 0.9f },
        { "secret_attr_key", ATTR_HEAD XML_KEY_NAMES ATTR_VALUE,
          NULL, T_GENERIC_SECRET, V_SECRET_QUOTED, 87, PAT_GROUP, 0.9f },
        /* a password on a command line: mysql -pSECRET, sshpass -p SECRET, docker login -p
         * (`-p` alone makes mysql ask; $VAR and $(...) are placeholders) */
        { "cli_password_flag",
          "(?:\\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mariadb)\\b[^\\n|;&]{0,200}[ \\t]-p"
          "([^\\s\"'-][^\\s\"']{2,127})"
          "|\\bsshpass[ \\t]{1,3}-p[ \\t]{0,3}(?:'([^'\\n]{1,128})'|\"([^\"\\n]{1,128})\"|([^\\s\"']{1,128}))"
          "|\\bdocker[ \\t]{1,3}login\\b[^\\n|;&]{0,200}[ \\t](?:-p|--password)(?:[ \\t]{1,3}|=)"
          "(?:'([^'\\n]{1,128})'|\"([^\"\\n]{1,128})\"|([^\\s\"'-][^\\s\"']{0,127})))",
          NULL, T_PASSWORD, V_SECRET_QUOTED, 88, PAT_GROUP, 0.9f },
        /* strcmp(pw, "..."), strncasecmp(password, "...", n) */
        { "secret_strcmp", STRCMP_HEAD DQ_ESCAPED, STRCMP_HEAD "\"",
          T_PASSWORD, V_SECRET_QUOTED, 87, PAT_GROUP | PAT_FWD, 0.9f, SECRET_VALUE_FWD,
          .back = 100 },
        /* SQL: CREATE USER ... IDENTIFIED BY '...' */
        { "sql_identified_by", "(?i:\\bidentified\\s{1,3}by\\s{1,3})'([^'\\n]{1,128})'", NULL,
          T_PASSWORD, V_SECRET_QUOTED, 87, PAT_GROUP, 0.9f },
        { "discord_webhook",
          "https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/[0-9]{17,20}/"
          "[A-Za-z0-9_-]{60,68}\\b",
          NULL, T_GENERIC_SECRET, V_NONE, 90, 0, 1.0f },
};

const unsigned pii_n_patterns = sizeof(pii_patterns) / sizeof(pii_patterns[0]);
