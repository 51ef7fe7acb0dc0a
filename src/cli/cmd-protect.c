/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios protect scan|redact: the PII engine on a file or stdin (CONTRACTS §1, §8).
 *
 * Both stream: the input is read into a pii_stream's window, 256 KiB at most a read, so a
 * file of any size runs in bounded memory; `scan --json` writes its findings as they are
 * committed.
 * The matched text is never printed by `scan`. `redact --strategy hash` needs a key: the
 * project's audit/pii.key when run inside a project, else the file named by
 * AKIOS_PII_KEY_FILE; without either it refuses (a keyless hash could be brute-forced).
 * On any engine error the command fails (exit 1) and stops writing: nothing unredacted is
 * ever printed.
 * Documents (PDF, Office, ODF, RTF, HTML, e-mail; recognised by content) are first turned
 * into text by the caged extractor (src/docs/docs.h), and the findings' offsets are then
 * offsets into that text; `scan --json` says so with "format". Plain text streams as before.
 */
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "cli/cli.h"
#include "config/config.h"
#include "docs/docs.h"
#include "pii/pii.h"

#define PIECE (256u * 1024)

const char help_protect[] =
        "Find or redact personal data and secrets in a file (or stdin with '-').\n"
        "\n"
        "  akios protect scan FILE|- [--json]\n"
        "      List findings: byte offsets (end exclusive), type, category, score.\n"
        "      --json prints {\"findings\":[{\"type\",\"category\",\"start\",\"end\",\"score\""
        "}...],\n"
        "      \"bytes\":N,\"engine\":\"hyperscan+pcre2\"|\"pcre2\"}. The matched text itself is\n"
        "      never printed.\n"
        "  akios protect redact FILE|- [--strategy mask|hash|partial|remove]\n"
        "      The redacted text on stdout.\n"
        "        mask     [EMAIL_ADDRESS] (default)\n"
        "        hash     [EMAIL_ADDRESS:<12 hex of HMAC-SHA-256(key, value)>]; the key is the\n"
        "                 project's audit/pii.key (created by 'akios init'), or outside a\n"
        "                 project the file named by AKIOS_PII_KEY_FILE (64 hex digits, mode 0600)\n"
        "        partial  card, bank, IBAN, SSN, phone and similar numbers keep their last 4\n"
        "                 letters/digits ('****-****-****-1111'); e-mail keeps its first\n"
        "                 character and domain ('j***@example.com'); secrets, dates and other\n"
        "                 identifiers are masked whole\n"
        "        remove   the value is deleted\n"
        "\n"
        "Documents (PDF, DOCX, XLSX, PPTX, ODT/ODS/ODP, RTF, HTML, .eml, mbox; recognised by\n"
        "content) are scanned as the text the caged extractor akios-extract makes of them:\n"
        "offsets are into that text, and --json adds \"format\".\n"
        "\n"
        "Detectors: e-mail, phones, cards of every brand (Luhn), IBAN (mod-97), US SSN/ITIN/EIN,\n"
        "passports, driver licences, bank and routing numbers (ABA), UK NINO and NHS, national\n"
        "ids (FR, ES, IN, PL, SG, CA), dates of birth, medical record, NPI, DEA and MBI numbers,\n"
        "coordinates and postcodes, IP and MAC addresses, IMEI, crypto wallets (Base58Check,\n"
        "bech32), VINs, and secrets (AWS, GitHub, GitLab, Slack, Stripe, Google, OpenAI,\n"
        "Anthropic, JWT, PEM private keys, passwords, URL credentials, bearer tokens, ...).\n"
        "Ambiguous formats need a context word (\"account\", \"DOB\", \"MRN\", \"passport\", ."
        "..).\n";

struct protect_out {
        bool json;
        bool any;
        uint64_t n;
};

/* stdout's buffer for `protect redact`: the text goes out in large writes, not one per 4 KB
 * (issue 11, item 4). Set before the first byte is written. */
#define OUT_BUFFER (256u * 1024)

/* Unlocked: one thread writes, and the lock was a fifth of fwrite's cost at two calls per
 * finding (a log has one in 135 bytes). */
static int emit_stdout(void *userdata, const char *p, size_t n)
{
        return fwrite_unlocked(p, 1, n, stdout) == n ? 0 : -EIO;
}

static int print_finding(void *userdata, const struct pii_finding *f)
{
        struct protect_out *o = userdata;
        int n;

        if (o->json)
                n = printf("%s{\"type\":\"%s\",\"category\":\"%s\",\"start\":%llu,\"end\":%llu,"
                           "\"score\":%.2f}",
                           o->any ? "," : "", pii_type_name(f->type), pii_type_category(f->type),
                           (unsigned long long)f->start, (unsigned long long)f->end, f->score);
        else
                n = printf("%llu-%llu\t%s\t%s\t%.2f\t%s\n", (unsigned long long)f->start,
                           (unsigned long long)f->end, pii_type_name(f->type),
                           pii_type_category(f->type), f->score, pii_detector_name(f->detector));
        o->any = true;
        o->n++;
        return n < 0 ? -EIO : 0;
}

/* Feed the whole input to the stream; *ret_bytes gets its size (the first `had` bytes were
 * already fed). read(2) writes into the stream's window itself: a copy of every byte through
 * a piece buffer was 2 % of `protect redact` on prose (issue 11, item 4). */
static int pump(int fd, struct pii_stream *s, uint64_t had, uint64_t *ret_bytes)
{
        uint64_t total = had;

        for (;;) {
                char *room;
                size_t size;
                ssize_t n;
                int e = pii_stream_space(s, &room, &size);

                if (e < 0)
                        return e;
                n = read(fd, room, MIN(size, (size_t)PIECE));
                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                if (n == 0)
                        break;
                total += (uint64_t)n;
                e = pii_stream_commit(s, (size_t)n);
                if (e < 0)
                        return e;
        }
        *ret_bytes = total;
        return pii_stream_finish(s);
}

/* Up to size bytes from the start of the input (fewer only at its end). */
static ssize_t read_head(int fd, char *head, size_t size)
{
        size_t n = 0;

        while (n < size) {
                ssize_t k = read(fd, head + n, size - n);

                if (k < 0 && errno == EINTR)
                        continue;
                if (k < 0)
                        return -errno;
                if (k == 0)
                        break;
                n += (size_t)k;
        }
        return (ssize_t)n;
}

/* A document on a pipe: the extractor reads a file from its start, so copy it to a memfd. */
#define PROTECT_MAX_DOC (1024u << 20)
static int seekable_copy(int fd, const char *head, size_t hl)
{
        _cleanup_close_ int m = memfd_create("akios-document", MFD_CLOEXEC);
        struct buf rest = BUF_INIT(0);
        int r;

        if (m < 0)
                return -errno;
        r = read_fd_capped(fd, PROTECT_MAX_DOC - hl, &rest);
        if (r == 0)
                r = write_all(m, head, hl);
        if (r == 0)
                r = write_all(m, rest.data ? rest.data : "", rest.len);
        buf_free(&rest);
        return r < 0 ? r : TAKE_FD(m);
}

/* Run the caged extractor on a document and feed its text to the stream. */
static int pump_document(int fd, const char *path, const char *head, size_t hl,
                         struct pii_stream *s, uint64_t *ret_bytes, json_t **ret_meta)
{
        _cleanup_close_ int copy = -1;
        struct docs_result res = { 0 };
        struct docs_limits l;
        struct diag d = { 0 };
        int r, exit_code;

        if (lseek(fd, 0, SEEK_SET) < 0) {
                copy = seekable_copy(fd, head, hl);
                if (copy < 0)
                        return copy;
                fd = copy;
        }
        docs_limits_defaults(&l);
        r = docs_extract(fd, &l, &res, &exit_code, &d);
        if (r < 0) {
                log_error("cannot read '%s' as a document: %s", path, d.msg);
                return -ENOTRECOVERABLE;
        }
        r = pii_stream_feed(s, res.text, res.text_len);
        *ret_bytes = res.text_len;
        *ret_meta = TAKE_PTR(res.meta);
        docs_result_free(&res);
        return r < 0 ? r : pii_stream_finish(s);
}

static int open_input(const char *path)
{
        int fd;

        if (streq(path, "-"))
                return STDIN_FILENO;
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                log_error("cannot open '%s': %s", path, strerror(errno));
        return fd;
}

static int strategy_from_name(const char *s)
{
        static const char *const names[] = { [REDACT_MASK] = "mask", [REDACT_HASH] = "hash",
                                             [REDACT_PARTIAL] = "partial",
                                             [REDACT_REMOVE] = "remove" };

        for (unsigned i = 0; i < ARRAY_SIZE(names); i++)
                if (streq(s, names[i]))
                        return (int)i;
        return -EINVAL;
}

/* The key for `hash`: the project's audit/pii.key, else AKIOS_PII_KEY_FILE. */
static int load_hash_key(uint8_t key[32])
{
        _cleanup_free_ char *dir = NULL, *path = NULL;
        const char *env = getenv("AKIOS_PII_KEY_FILE");
        int e;

        if (env && *env) {
                e = pii_key_load(env, key);
                if (e < 0)
                        log_error("cannot load the PII key '%s': %s", env, strerror(-e));
                return e;
        }
        if (project_find(&dir) < 0) {
                log_error("--strategy hash needs a key: run inside a project (audit/pii.key) or "
                          "set AKIOS_PII_KEY_FILE");
                return -ENOKEY;
        }
        if (asprintf(&path, "%s/audit/pii.key", dir) < 0)
                return -ENOMEM;
        e = pii_key_load(path, key);
        if (e < 0)
                log_error("cannot load the PII key '%s': %s", path, strerror(-e));
        return e;
}

/* AKIOS_PII_ENGINE=pcre2|hyperscan picks an engine (tests compare them); default: best. */
static enum pii_engine engine_from_env(void)
{
        const char *e = getenv("AKIOS_PII_ENGINE");

        if (e && streq(e, "pcre2"))
                return PII_ENGINE_PCRE2;
        if (e && streq(e, "hyperscan"))
                return PII_ENGINE_HS;
        return PII_ENGINE_AUTO;
}

static int protect_finish(bool redact, bool json, const char *path, int e, uint64_t bytes,
                          const struct protect_out *po, json_t *doc, const char *engine);
/* AKIOS_PII_DETECT_NAMES overrides the config key pii_detect_names (CONTRACTS §5); protect
 * reads no config file, so the default (true) holds otherwise. */
static int names_from_env(struct pii_redactor *r)
{
        const char *v = getenv("AKIOS_PII_DETECT_NAMES");

        if (!v)
                return 0;
        if (streq(v, "true") || streq(v, "1") || streq(v, "yes") || streq(v, "on")) {
                pii_redactor_set_names(r, true);
        } else if (streq(v, "false") || streq(v, "0") || streq(v, "no") || streq(v, "off")) {
                pii_redactor_set_names(r, false);
        } else {
                log_error("AKIOS_PII_DETECT_NAMES: want true or false, not '%s'", v);
                return -EINVAL;
        }
        return 0;
}

static int run_protect(bool redact, const char *path, bool json, int strategy)
{
        _cleanup_(pii_redactor_freep) struct pii_redactor *r = NULL;
        _cleanup_(pii_stream_freep) struct pii_stream *s = NULL;
        struct protect_out o = { .json = json };
        json_t *doc = NULL;
        char head[DOCS_SNIFF_BYTES];
        uint8_t key[32];
        bool has_key = false;
        uint64_t bytes = 0;
        ssize_t hl = 0;
        int fd, e;

        if (redact && strategy == REDACT_HASH) {
                if (load_hash_key(key) < 0)
                        return EXIT_FAIL;
                has_key = true;
        }
        e = pii_redactor_new_engine(redact ? strategy : REDACT_MASK, has_key ? key : NULL,
                                    has_key ? sizeof(key) : 0, engine_from_env(), &r);
        explicit_bzero(key, sizeof(key));
        if (e < 0) {
                log_error("cannot set up the PII engine: %s", strerror(-e));
                return EXIT_FAIL;
        }
        if (names_from_env(r) < 0)
                return EXIT_USAGE;
        if (pii_redactor_engine_note(r))
                log_warn("PII engine: PCRE2 alone, about ten times slower: %s",
                         pii_redactor_engine_note(r));
        fd = open_input(path);
        if (fd < 0)
                return EXIT_USAGE;
        if (redact) {
                static char out_buffer[OUT_BUFFER];

                (void)setvbuf(stdout, out_buffer, _IOFBF, sizeof(out_buffer));
        }
        e = pii_stream_new(r, redact ? emit_stdout : NULL, redact ? NULL : print_finding, &o, &s);
        if (e >= 0 && json && !redact)
                fputs("{\"findings\":[", stdout);
        if (e >= 0 && (hl = read_head(fd, head, sizeof(head))) < 0)
                e = (int)hl;
        if (e >= 0 && docs_sniff(head, (size_t)hl) != DOCS_TEXT)
                e = pump_document(fd, path, head, (size_t)hl, s, &bytes, &doc);
        else if (e >= 0 && (e = pii_stream_feed(s, head, (size_t)hl)) >= 0)
                e = pump(fd, s, (uint64_t)hl, &bytes);
        if (fd != STDIN_FILENO)
                close(fd);
        e = protect_finish(redact, json, path, e, bytes, &o, doc, pii_redactor_engine(r));
        json_decref(doc);
        return e;
}

/* Report the end: findings' tail, the extractor's notes, errors. */
static int protect_finish(bool redact, bool json, const char *path, int e, uint64_t bytes,
                          const struct protect_out *po, json_t *doc, const char *engine)
{
        const struct protect_out o = *po;

        if (e < 0) {
                if (e != -ENOTRECOVERABLE) /* that one has said why already */
                        log_error("%s of '%s' failed: %s", redact ? "redaction" : "scan",
                                  path, strerror(-e));
                /* --json promises one JSON document: the findings already printed stay, and
                 * the document says that it is incomplete (CONTRACTS §1) */
                if (!redact && json)
                        printf("],\"bytes\":%llu,\"engine\":\"%s\",\"complete\":false,"
                               "\"error\":\"%s\"}\n",
                               (unsigned long long)bytes, engine,
                               e == -ENOTRECOVERABLE ? "the input could not be read as a document"
                                                     : "the scan failed");
                fflush(stdout);
                return EXIT_FAIL;
        }
        for (size_t i = 0; doc && i < json_array_size(json_object_get(doc, "notes")); i++)
                log_warn("'%s': %s", path, json_string_value(json_array_get(
                                json_object_get(doc, "notes"), i)));
        if (!redact && json && doc) {
                /* the format name comes from the extractor: encoded, never pasted */
                _cleanup_free_ char *f = json_dumps(json_object_get(doc, "format"),
                                                    JSON_ENCODE_ANY);

                printf("],\"bytes\":%llu,\"format\":%s,\"engine\":\"%s\"}\n",
                       (unsigned long long)bytes, f ? f : "\"document\"", engine);
        } else if (!redact && json)
                printf("],\"bytes\":%llu,\"engine\":\"%s\"}\n", (unsigned long long)bytes,
                       engine);
        else if (!redact && !o.n)
                printf("no findings in %llu bytes\n", (unsigned long long)bytes);
        if (fflush(stdout) != 0) {
                log_error("cannot write to stdout: %s", strerror(errno));
                return EXIT_FAIL;
        }
        return EXIT_OK;
}

int cmd_protect(int argc, char **argv)
{
        static const struct option longopts[] = {
                { "json", no_argument, NULL, 'j' },
                { "strategy", required_argument, NULL, 's' },
                { "help", no_argument, NULL, 'h' },
                {},
        };
        bool json = false, redact;
        int strategy = REDACT_MASK, c;

        /* AKIOS's protect preview / show-prompt (cmd-preview.c). */
        if (argc > 1 && (streq(argv[1], "preview") || streq(argv[1], "show-prompt")))
                return cmd_protect_preview(argc - 1, argv + 1);
        optind = 0; /* full reset of GNU getopt */
        while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
                switch (c) {
                case 'j':
                        json = true;
                        break;
                case 's':
                        strategy = strategy_from_name(optarg);
                        if (strategy < 0)
                                return usage_error("protect", "unknown strategy '%s'", optarg);
                        break;
                case 'h':
                        return command_help("protect");
                default:
                        return usage_error("protect", "bad option");
                }
        }
        if (argc - optind < 1)
                return usage_error("protect", "missing 'scan' or 'redact'");
        if (!streq(argv[optind], "scan") && !streq(argv[optind], "redact"))
                return usage_error("protect", "unknown subcommand '%s'", argv[optind]);
        redact = streq(argv[optind], "redact");
        if (argc - optind != 2)
                return usage_error("protect", "expected one FILE (or '-' for stdin)");
        if (redact && json)
                return usage_error("protect", "--json applies to 'scan' only");
        if (!redact && strategy != REDACT_MASK)
                return usage_error("protect", "--strategy applies to 'redact' only");
        return run_protect(redact, argv[optind + 1], json, strategy);
}
