/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios protect scan|redact: the PII engine on a file or stdin (CONTRACTS §1, §8).
 *
 * Both stream: the input is read in 256 KiB pieces and fed to a pii_stream, so a file of any
 * size runs in bounded memory; `scan --json` writes its findings as they are committed.
 * The matched text is never printed by `scan`. `redact --strategy hash` needs a key: the
 * project's audit/pii.key when run inside a project, else the file named by
 * AKIOS_PII_KEY_FILE; without either it refuses (a keyless hash could be brute-forced).
 * On any engine error the command fails (exit 1) and stops writing: nothing unredacted is
 * ever printed.
 */
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "config/config.h"
#include "pii/pii.h"

#define PIECE (256u * 1024)

const char help_protect[] =
        "Find or redact personal data and secrets in a file (or stdin with '-').\n"
        "\n"
        "  akios protect scan FILE|- [--json]\n"
        "      List findings: byte offsets (end exclusive), type, category, score.\n"
        "      --json prints {\"findings\":[{\"type\",\"category\",\"start\",\"end\",\"score\""
        "}...],\n"
        "      \"bytes\":N}. The matched text itself is never printed.\n"
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

static int emit_stdout(void *userdata, const char *p, size_t n)
{
        return fwrite(p, 1, n, stdout) == n ? 0 : -EIO;
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

/* Feed the whole input to the stream; *ret_bytes gets its size. */
static int pump(int fd, struct pii_stream *s, uint64_t *ret_bytes)
{
        _cleanup_free_ char *piece = malloc(PIECE);
        uint64_t total = 0;

        if (!piece)
                return -ENOMEM;
        for (;;) {
                ssize_t n = read(fd, piece, PIECE);
                int e;

                if (n < 0 && errno == EINTR)
                        continue;
                if (n < 0)
                        return -errno;
                if (n == 0)
                        break;
                total += (uint64_t)n;
                e = pii_stream_feed(s, piece, (size_t)n);
                if (e < 0)
                        return e;
        }
        *ret_bytes = total;
        return pii_stream_finish(s);
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

static int run_protect(bool redact, const char *path, bool json, int strategy)
{
        _cleanup_(pii_redactor_freep) struct pii_redactor *r = NULL;
        _cleanup_(pii_stream_freep) struct pii_stream *s = NULL;
        struct protect_out o = { .json = json };
        uint8_t key[32];
        bool has_key = false;
        uint64_t bytes = 0;
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
        fd = open_input(path);
        if (fd < 0)
                return EXIT_USAGE;
        e = pii_stream_new(r, redact ? emit_stdout : NULL, redact ? NULL : print_finding, &o, &s);
        if (e >= 0 && json && !redact)
                fputs("{\"findings\":[", stdout);
        if (e >= 0)
                e = pump(fd, s, &bytes);
        if (fd != STDIN_FILENO)
                close(fd);
        if (e < 0) {
                fflush(stdout);
                log_error("%s of '%s' failed: %s", redact ? "redaction" : "scan", path,
                          strerror(-e));
                return EXIT_FAIL;
        }
        if (!redact && json)
                printf("],\"bytes\":%llu}\n", (unsigned long long)bytes);
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
