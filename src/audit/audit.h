/* audit: the append-only ledger of every decision (CONTRACTS §3, §4).
 *
 * Events are JSON objects; audit_append() fills `seq` (0-based index in the log) and `ts`
 * (RFC 3339 UTC, microseconds), serialises the event as one canonical JSON line (sorted keys,
 * compact) and appends it to <dir>/ledger.jsonl. With FSYNC_ALWAYS the line is on disk before
 * audit_append returns, so an acknowledged event is never lost.
 *
 * One writer at a time: audit_open takes an exclusive lock on <dir>/ledger.lock and holds it
 * until audit_close, so concurrent runs never interleave lines.
 *
 * Callers must redact events before appending: secrets and PII never belong in the ledger.
 */
#pragma once

#include <stdint.h>

#include "util/util.h"

struct audit_log;

/* Open (creating the folder and files as needed) and lock the ledger in `dir`.
 * fsync_mode is enum fsync_mode of config.h. */
int audit_open(const char *dir, int fsync_mode, struct audit_log **ret, struct diag *d);
/* Append one event (borrowed; `seq` and `ts` are set on it). Returns the seq in *ret_seq. */
int audit_append(struct audit_log *log, json_t *event, uint64_t *ret_seq);
/* Make everything appended so far durable and, where supported, sign a checkpoint.
 * Called at the end of every run. */
int audit_checkpoint(struct audit_log *log);
/* Number of events in the log. */
uint64_t audit_size(const struct audit_log *log);
void audit_close(struct audit_log *log);

/* Build an event. detail is stolen (may be NULL: an empty object). step 0 = run level. */
json_t *audit_event(const char *run_id, unsigned step, const char *agent, const char *action,
                    const char *outcome, json_t *detail);

/* Create the project's signing key (audit/key, audit/key.pub) if absent. Used by `init`. */
int audit_keygen(const char *dir, const char *origin, struct diag *d);
