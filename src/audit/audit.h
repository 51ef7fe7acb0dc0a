/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit: the tamper-evident, append-only ledger of every decision (CONTRACTS §3, §4).
 *
 * Files in the audit folder (`audit_storage_path`, default ./audit/):
 *   ledger.jsonl    one canonical JSON event per line; line i has "seq": i
 *   ledger.hashes   32-byte RFC 6962 leaf hash of every line, in order (a cache that lets
 *                   `audit verify` name the exact event that changed; rebuilt when missing)
 *   ledger.lock     flock()ed by the one writer; holds "open <pid>" while a writer is (or
 *                   was, if it died) open, and is empty after a clean close
 *   state           the Merkle frontier at the last checkpoint, so opening costs O(tail)
 *   checkpoint      latest C2SP checkpoint (signed note), written at the end of every run
 *   checkpoints/    every checkpoint ever written, named by tree size (20 digits; nothing
 *                   else there is read)
 *   .tmp/           temp files of the atomic writes above (emptied on open, never read)
 *   key, key.pub    Ed25519 signing key (signed-note private key form, 0600) and its vkey;
 *                   the key name is the log origin `akios/<project-id>`
 *   segments/NNNNNN/  archived segments (segment.c): ledger.jsonl, ledger.hashes,
 *                   checkpoint (the final one), checkpoints/ and key.pub of a sealed ledger;
 *                   a pruned segment keeps only checkpoint, key.pub and head.json
 *
 * Signing leaves a trace in the ledger itself: just before a checkpoint of tree size N is
 * signed, the writer appends (and makes durable) event N-1, the marker
 *   {"action":"checkpoint","agent":"audit","detail":{"previous_size":P,"tree_size":N},
 *    "outcome":"signing","run_id":"","seq":N-1,"step":0,...}
 * so the signed tree ends in its own marker, and a marker whose checkpoint is gone (deleted
 * audit/checkpoint, checkpoints/, state) is damage, never an unsigned tail to re-sign. The one
 * marker allowed without its checkpoint is the last line, after a crash between the marker
 * and the signature, with P the latest checkpoint's size: the next open signs it.
 *
 * Writer (ledger.c). audit_open takes an exclusive flock on ledger.lock and holds it until
 * audit_close, so two runs never interleave. It checks the latest checkpoint's signature,
 * re-hashes the ledger (from line 0 up to AUDIT_OPEN_RECHECK bytes, about 250,000 events;
 * beyond that only the lines after the frontier saved at the last checkpoint), checks that
 * the tree still matches the signed checkpoint and that every line's seq is its index, and
 * repairs a torn last line (truncates it and appends an "audit/recover" event); completes a
 * checkpoint a crash interrupted and restores a missing checkpoints/ copy of the latest one.
 * An unsigned tail behind a lock released cleanly, or a marker without its checkpoint, is
 * damage. Anything else that does not verify fails with
 * -EBADMSG (the CLI maps it to exit 6) and nothing is appended.
 *
 * audit_append fills `seq` and `ts`, writes the canonical line and updates the compact range
 * (amortised one node hash). Durability (config `fsync`):
 *   FSYNC_ALWAYS  fdatasync before audit_append returns: an acknowledged event survives
 *                 power loss.
 *   FSYNC_BATCH   group commit: fdatasync every AUDIT_BATCH_EVENTS events, at the first
 *                 append more than AUDIT_BATCH_MS after the last sync, at audit_sync,
 *                 audit_checkpoint and audit_close. Bound: a power loss or kernel crash loses
 *                 at most the AUDIT_BATCH_EVENTS-1 events appended since the last sync.
 *   In both modes every acknowledged event has been written to the kernel, so killing
 *   akios (even with SIGKILL) loses nothing.
 *
 * Callers must redact events before appending: secrets and PII never belong in the ledger.
 * All functions return 0 (or a count) or -errno; nothing here prints.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "util/util.h"

#define AUDIT_HASH 32
#define AUDIT_LINE_MAX (1u << 20)        /* cap on one ledger record */
#define AUDIT_NOTE_MAX (64u << 10)       /* cap on a checkpoint / key file */
#define AUDIT_PROOF_MAX 130              /* longest proof for 64-bit tree sizes, with slack */
#define AUDIT_BATCH_EVENTS 256
#define AUDIT_BATCH_MS 50
#define AUDIT_OPEN_RECHECK (64ull << 20) /* ledgers up to this size are re-hashed on open */
#define AUDIT_TMP_DIR ".tmp"               /* temp files, inside the audit folder */

/* ---- ledger writer (ledger.c) ---------------------------------------------------------- */

struct audit_log;

/* Open (creating the folder and files as needed), lock, check and recover the ledger in
 * `dir`. fsync_mode is enum fsync_mode of config.h. Creates a signing key when none exists
 * (origin "akios/<random>"); `init` normally made it first. -EBADMSG: integrity failure. */
int audit_open(const char *dir, int fsync_mode, struct audit_log **ret, struct diag *d);
/* Append one event (borrowed; `seq` and `ts` are set on it). Returns the seq in *ret_seq. */
int audit_append(struct audit_log *log, json_t *event, uint64_t *ret_seq);
/* Make everything appended so far durable (both modes). */
int audit_sync(struct audit_log *log);
/* Make everything durable and write a signed checkpoint of the whole tree (a no-op when
 * nothing was appended since the last one). Called at the end of every run. */
int audit_checkpoint(struct audit_log *log);
/* Number of events in the log. */
uint64_t audit_size(const struct audit_log *log);
/* End of a run: audit_checkpoint, then its proof (audit_proof_write) as `name` in the folder
 * dirfd (none when dirfd < 0): the events this checkpoint newly signs (from the one that was
 * latest at audit_open), their inclusion proofs, the consistency proof between the two. */
int audit_seal(struct audit_log *log, const char *run_id, int dirfd, const char *name);
/* Checkpoints when needed, marks the ledger cleanly closed, unlocks. NULL is fine. */
void audit_close(struct audit_log *log);

/* Build an event. detail is stolen (may be NULL: an empty object). step 0 = run level. */
json_t *audit_event(const char *run_id, unsigned step, const char *agent, const char *action,
                    const char *outcome, json_t *detail);

/* Create the project's signing key (dir/key 0600, dir/key.pub) if absent; the key name is
 * `origin`. Used by `init`. */
int audit_keygen(const char *dir, const char *origin, struct diag *d);

/* Line checks shared by the writer and the verifier (ledger.c). A line is given without its
 * '\n'. audit_line_check: a JSON object in canonical form (what json_canonical prints) with
 * the eight event fields and "seq" == seq; -EBADMSG with a reason otherwise.
 * audit_line_seq: fast read of the top-level "seq" (the last `"seq":` in a sorted line). */
int audit_line_check(const char *line, size_t len, uint64_t seq, const char **ret_reason);
int audit_line_seq(const char *line, size_t len, uint64_t *ret);
/* Is the line a checkpoint marker (see above)? Its tree_size and previous_size. */
bool audit_line_marker(const char *line, size_t len, uint64_t *ret_size, uint64_t *ret_prev);
/* Write dir/name atomically: temp file in dir/.tmp/, fsync, rename, fsync of the target's
 * folder. A kill at any point leaves the old file or the new one, never a part. */
int audit_write_file(const char *dir, const char *name, const void *p, size_t n, mode_t mode);

/* ---- RFC 6962 / RFC 9162 Merkle tree (merkle.c) ----------------------------------------- */

void merkle_leaf_hash(const void *data, size_t len, uint8_t out[AUDIT_HASH]);
void merkle_node_hash(const uint8_t l[AUDIT_HASH], const uint8_t r[AUDIT_HASH],
                      uint8_t out[AUDIT_HASH]);

/* Compact range [0, size): one hash per set bit of size, biggest subtree first. */
struct merkle_range {
        uint64_t size;
        unsigned n;
        uint8_t h[64][AUDIT_HASH];
};

void merkle_range_init(struct merkle_range *r);
void merkle_range_append(struct merkle_range *r, const uint8_t leaf[AUDIT_HASH]);
/* Hash one event line as leaf n of a growable leaf array (*cap entries, doubled as needed)
 * and append it to the range. -ENOMEM leaves everything as it was. */
int merkle_leaves_add(uint8_t (**leaves)[AUDIT_HASH], uint64_t *cap, uint64_t n,
                      const void *line, size_t len, struct merkle_range *range);
/* Root of the whole range; SHA-256("") for size 0. */
void merkle_range_root(const struct merkle_range *r, uint8_t out[AUDIT_HASH]);

/* Every complete subtree over n leaves, for proofs (about 2n hashes of memory). */
struct merkle_tree;

/* Takes ownership of leaves (malloc'd, n hashes), also on failure. */
int merkle_tree_new(uint8_t (*leaves)[AUDIT_HASH], uint64_t n, struct merkle_tree **ret);
void merkle_tree_free(struct merkle_tree *t);
uint64_t merkle_tree_size(const struct merkle_tree *t);
const uint8_t *merkle_tree_leaf(const struct merkle_tree *t, uint64_t i);
/* Root of the first `size` leaves (size <= tree size). */
int merkle_tree_root(const struct merkle_tree *t, uint64_t size, uint8_t out[AUDIT_HASH]);
/* Proofs for the tree of the first `size` leaves; *ret_n hashes written to proof
 * (AUDIT_PROOF_MAX of room). -EINVAL for an index or size out of range. */
int merkle_inclusion_proof(const struct merkle_tree *t, uint64_t index, uint64_t size,
                           uint8_t proof[][AUDIT_HASH], unsigned *ret_n);
int merkle_consistency_proof(const struct merkle_tree *t, uint64_t size1, uint64_t size2,
                             uint8_t proof[][AUDIT_HASH], unsigned *ret_n);

/* RFC 9162 §2.1.3.2 / §2.1.4.2 verification. 0 when the proof holds, -EBADMSG when not,
 * -EINVAL for impossible sizes (index >= size, size1 == 0, size1 > size2). */
int merkle_verify_inclusion(uint64_t index, uint64_t size, const uint8_t leaf[AUDIT_HASH],
                            const uint8_t proof[][AUDIT_HASH], size_t n,
                            const uint8_t root[AUDIT_HASH]);
int merkle_verify_consistency(uint64_t size1, uint64_t size2, const uint8_t root1[AUDIT_HASH],
                              const uint8_t root2[AUDIT_HASH], const uint8_t proof[][AUDIT_HASH],
                              size_t n);

/* ---- signed notes and checkpoints (note.c) ---------------------------------------------- */

#define NOTE_NAME_MAX 128

struct note_signer {
        char name[NOTE_NAME_MAX];
        uint32_t id;
        uint8_t seed[32];
        uint8_t pub[32];
};

struct note_verifier {
        char name[NOTE_NAME_MAX];
        uint32_t id;
        uint8_t pub[32];
};

/* Standard base64 with padding. encode: out has room for 4*ceil(n/3)+1. decode: strict
 * (canonical padding, no whitespace), returns the byte count or -EINVAL / -E2BIG. */
void base64_encode(const uint8_t *p, size_t n, char *out);
int base64_decode(const char *s, size_t len, uint8_t *out, size_t max);

/* Key names: 1..NOTE_NAME_MAX-1 bytes, printable, no space and no '+'. */
bool note_name_valid(const char *name);
/* New Ed25519 key: "PRIVATE+KEY+name+id+b64" and "name+id+b64" (caller frees both). */
int note_keygen(const char *name, char **ret_skey, char **ret_vkey);
int note_signer_parse(const char *skey, struct note_signer *ret);
int note_verifier_parse(const char *vkey, struct note_verifier *ret);
/* text must end in '\n'; *ret = text + "\n" + signature line (caller frees). */
int note_sign(const struct note_signer *s, const char *text, char **ret);
/* Check a note: 0 when it carries a valid signature by v (other signatures are ignored);
 * *ret_text_len = length of the signed text. -EBADMSG malformed, -ENOKEY no signature by
 * this key, -EKEYREJECTED a signature by this key that does not verify. */
int note_verify(const struct note_verifier *v, const char *note, size_t len,
                size_t *ret_text_len);

struct checkpoint {
        char origin[NOTE_NAME_MAX];
        uint64_t size;
        uint8_t root[AUDIT_HASH];
};

/* Body "origin\nsize\nbase64(root)\n" into out (appended). */
int checkpoint_format(const struct checkpoint *c, struct buf *out);
/* Parse a checkpoint body (the signed text, extension lines allowed and ignored). */
int checkpoint_parse(const char *text, size_t len, struct checkpoint *ret);
/* Read dir-relative `path`, check its signature by v and parse it. -EBADMSG / -EKEYREJECTED /
 * -ENOKEY as note_verify; -EBADMSG too when the origin is not the key name. */
int checkpoint_load(const char *path, const struct note_verifier *v, struct checkpoint *ret,
                    char **ret_note);

/* ---- reading and verification (verify.c) ------------------------------------------------ */

struct audit_report {
        uint64_t lines;          /* complete lines in ledger.jsonl */
        uint64_t signed_size;    /* tree size of the newest valid checkpoint */
        uint8_t root[AUDIT_HASH];/* its root */
        unsigned checkpoints;    /* checkpoints checked (latest + checkpoints/) */
        uint64_t tail;           /* well-formed unsigned lines after signed_size */
        bool torn;               /* a torn last line after the signed part (crash) */
        bool signing_interrupted;/* the last line is a marker whose signature a crash stopped */
        bool external;           /* checked against a --checkpoint kept elsewhere */
        uint64_t external_size;  /* its tree size */
        bool writer_active;      /* a writer holds the lock right now */
        int64_t bad_index;       /* first bad index, -1 when none */
        char origin[NOTE_NAME_MAX];
        char reason[512];        /* why bad_index is bad */
        double ms;               /* time taken */
        uint64_t rotation_pending;/* a rotation archived segment N and was interrupted before
                                   * the live ledger was restarted: live not checked */
};

/* Verify the whole ledger in `dir` (CONTRACTS §4). 0: verified (maybe with an unsigned tail
 * or torn last line, see the report); -EBADMSG: integrity failure, report->bad_index and
 * reason say where; other -errno: could not read. */
int audit_verify(const char *dir, struct audit_report *ret);

/* A checkpoint kept elsewhere (`audit verify --checkpoint FILE [--key PUBKEY]`): its signature
 * is checked with vkey, the trusted verifier key as a string (NULL: audit/key.pub; when given,
 * key.pub must be that same key), and the ledger must hold its tree (its first N lines hash
 * to its root: no event it covers was changed, dropped or rolled back). A bad file or
 * signature is -EBADMSG with bad_index -1 and the reason; -ENOENT and other -errno when the
 * file cannot be read. */
struct audit_external {
        const char *path;
        const char *vkey;
};

int audit_verify_with(const char *dir, const struct audit_external *ext,
                      struct audit_report *ret);

/* A read-only view of a verified ledger, for show/export/proofs. */
struct audit_view {
        char *map;               /* ledger.jsonl, mmap'd */
        size_t map_len;
        uint64_t n;              /* complete lines */
        uint64_t *off;           /* n + 1 offsets: line i is [off[i], off[i+1] - 1) */
        struct merkle_tree *tree;/* over all n lines */
        struct checkpoint cp;    /* newest valid checkpoint (size 0 when none) */
        char *note;              /* its text */
        char *vkey;              /* key.pub, trimmed */
};

int audit_view_open(const char *dir, struct audit_view **ret);
void audit_view_free(struct audit_view *v);

/* ---- exports and proofs an auditor checks without the ledger (export.c) ------------------ */

#define AUDIT_EXPORT_FORMAT "akios-audit-export/1"
#define AUDIT_PROOF_FORMAT "akios-audit-proof/1"
#define AUDIT_PROOF_FILE_MAX (256u << 20) /* cap on a file verify-proof reads */

/* What to write. NULL or run false: the export of the whole signed tree (`audit export`).
 * run true: a run's audit-proof.json, entries from old_size (the previous checkpoint, whose
 * note is old_note; 0/NULL for the first) to the view's checkpoint, with run_id, and the
 * consistency proof. */
struct audit_export {
        bool run;
        const char *run_id;
        uint64_t old_size;
        const char *old_note;
};

/* Stream the document for the view's latest checkpoint to f (CONTRACTS §4). -EINVAL when
 * the view has no checkpoint. */
int audit_export_write(FILE *f, const struct audit_view *v, const struct audit_export *o);
/* Open a view of the ledger in dir and write the document atomically as `name` in the folder
 * dirfd (temp file beside it, O_NOFOLLOW, fsync, rename, fsync of the folder). */
int audit_proof_write(const char *dir, const struct audit_export *o, int dirfd,
                      const char *name);

struct audit_proof_report {
        uint64_t tree_size;      /* of the signed checkpoint */
        uint64_t previous_size;  /* of the previous one (0: none) */
        uint64_t entries;        /* events checked */
        char origin[NOTE_NAME_MAX];
        char reason[512];        /* why it does not verify */
};

/* `audit verify-proof`: check an audit-proof.json (or an export) using only the file and the
 * verifier key it names. 0: verified; -EBADMSG: it does not (reason); other -errno: cannot
 * read it. A forged file with its own key verifies: compare verifier_key with a copy of
 * audit/key.pub kept elsewhere. */
int audit_proof_verify(const char *path, struct audit_proof_report *ret);

/* ---- segments: rotation and pruning (segment.c) ------------------------------------------
 *
 * Temporal shards, as Certificate Transparency's: `audit rotate` seals the live ledger with a
 * final signed checkpoint, archives it as segments/NNNNNN/ (numbered from 1) and starts a new
 * live ledger (seq from 0 again) whose first event links to it:
 *   {"action":"rotate","agent":"audit","detail":{"finished_after_crash":B,
 *    "previous_checkpoint_sha256":"<hex of the final note's bytes>","previous_root":"<hex>",
 *    "previous_segment":K,"previous_tree_size":N,"pruned_through":P},"outcome":"linked",...}
 * Order: seal (an audit/rotate "sealing" event, then a checkpoint as at the end of a run);
 * hard links of the sealed files in segments/.NNNNNN/, fsync, rename to segments/NNNNNN
 * (the commit of the archive); then the live ledger.jsonl is replaced (rename) by the link
 * line, the live checkpoints/, state and ledger.hashes removed, and the link signed (the
 * commit of the new segment). Between the two commits the live audit/checkpoint is the
 * archived segment's final one: every open (segment_resume) then finishes the rotation, and
 * verify says so. A kill anywhere leaves the old state or the new one.
 *
 * `audit prune` removes the events of whole archived segments (the oldest first, so the
 * pruned ones are always 1..P), after recording an audit/prune "pruning" event with
 * "pruned_through":P in the live ledger and signing it. A pruned segment keeps its final
 * checkpoint and head.json ({"data": its first line, "inclusion_proof": [hex...],
 * "tree_size": N}), so the chain of links stays checkable. Every later link carries P on.
 */
#define AUDIT_SEGMENTS_DIR "segments"
#define AUDIT_SEGMENTS_MAX 999999u

struct audit_segment {
        uint64_t number;
        bool pruned;              /* events removed, final checkpoint and head kept */
        uint64_t events;          /* lines (the tree size; also when pruned) */
        uint8_t root[AUDIT_HASH];
        uint8_t checkpoint_sha256[AUDIT_HASH];
        char last_ts[32];         /* ts of its last event ("" when pruned) */
};

struct audit_chain {
        struct audit_segment *seg; /* seg[i] is segment i + 1 */
        uint64_t n;
        uint64_t pruned_through;   /* the largest P the signed events record (0: none) */
        bool rotation_pending;     /* segment n is archived, the live ledger not restarted */
        int64_t bad_segment;       /* first bad segment (0: the live ledger's link), -1 none */
        char reason[512];
};

/* Number of the newest segments/NNNNNN (0 when none). */
int audit_segment_newest(const char *dir, uint64_t *ret);
/* Verify every archived segment and every link, and the live ledger's link to the newest
 * (report: the live ledger's own audit_verify result). 0: verified; -EBADMSG: damage
 * (bad_segment, reason); other -errno: cannot read. Free with audit_chain_free. */
int audit_chain_verify(const char *dir, const struct audit_report *live, struct audit_chain *ret);
void audit_chain_free(struct audit_chain *c);

struct audit_rotation {
        uint64_t segment;          /* the number it was archived as */
        uint64_t tree_size;        /* its final checkpoint */
        uint8_t root[AUDIT_HASH];
        uint8_t checkpoint_sha256[AUDIT_HASH];
        uint64_t live_size;        /* events of the new live ledger (its link and marker) */
};

/* `audit rotate` (see above), under the ledger's lock. -EBADMSG: the live ledger does not
 * verify on open (nothing archived); -E2BIG: AUDIT_SEGMENTS_MAX reached. */
int audit_rotate(const char *dir, int fsync_mode, struct audit_rotation *ret, struct diag *d);
/* The same on a ledger this process has open (a run's, config audit_rotate_events); the log
 * stays open on the new segment. After a failure past the archive the log refuses appends
 * and is not marked closed cleanly: the next open finishes the rotation. */
int audit_rotate_log(struct audit_log *log, struct audit_rotation *ret, struct diag *d);

struct audit_prune {
        uint64_t days;             /* prune segments whose last event is older (> 0) */
        bool dry_run;              /* change nothing: only fill the result */
        int64_t now;               /* reference time, seconds since the epoch */
};

struct audit_prune_result {
        uint64_t *segments;        /* pruned (or, dry run, to prune) now; malloc'd */
        uint64_t n;
        uint64_t pruned_through;   /* after this prune */
        uint64_t kept;             /* archived segments left whole */
};

/* `audit prune`: verifies the chain first (-EBADMSG: damage, chain filled), then records and
 * prunes. The live segment is never touched. */
int audit_prune(const char *dir, int fsync_mode, const struct audit_prune *o,
                struct audit_prune_result *ret, struct audit_chain *chain, struct diag *d);
/* "YYYY-MM-DDTHH:MM:SS[.f]Z" to seconds since the epoch; -EINVAL otherwise. */
int audit_parse_ts(const char *s, int64_t *ret);
