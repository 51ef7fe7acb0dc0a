/* SPDX-License-Identifier: GPL-3.0-or-later */
/* audit internals shared by the writer (ledger.c) and rotation (segment.c): the writer's
 * state and the steps of opening it. Not part of the module's interface (audit.h is). */
#pragma once

#include "audit/audit.h"

struct audit_log {
        int fd, lock_fd, hash_fd;
        int fsync_mode;
        char *dir;
        struct merkle_range range; /* over every line; range.size is the log size */
        uint64_t offset;           /* bytes of ledger.jsonl */
        struct note_signer signer;
        struct note_verifier verifier;
        struct checkpoint cp;      /* latest signed; cp.size 0 and have_cp false when none */
        bool have_cp;
        char *cp_note;             /* its signed note (NULL when none) */
        struct checkpoint prev_cp; /* the one the proof of this session starts from */
        char *prev_note;
        bool pending_marker;       /* the last line is the marker of a checkpoint of this size */
        bool repair_kept;          /* checkpoints/<cp.size> is missing (a crash after signing) */
        bool rotating;             /* audit_rotate is starting the next segment itself */
        bool resumed;              /* open started a new segment (its link is unsigned) */
        bool was_open;             /* ledger.lock said "open" when this open took it */
        unsigned unsynced;
        double last_sync;
        bool broken;               /* a failed write could not be undone */
};

/* ledger.c: everything audit_open does once ledger.lock is held (audit_rotate runs it again
 * under the same lock to start the next segment), and its undoing short of the lock. */
int ledger_open_locked(struct audit_log *log, struct diag *d);
void ledger_release(struct audit_log *log);

/* segment.c: called by ledger_open_locked with the latest checkpoint loaded and before
 * ledger.jsonl is opened. When the newest archived segment's final checkpoint is the live
 * one, a rotation archived the live segment and did not finish: replace the live ledger by
 * the link to that segment (unsigned; the open signs it) and forget its checkpoints. */
int segment_resume(struct audit_log *log, struct diag *d);
/* segment.c: the number of the segment whose rotation is unfinished (0: none), from the
 * files alone (the live audit/checkpoint is byte for byte the segment's final one). */
int audit_rotation_pending(const char *dir, uint64_t *ret);
