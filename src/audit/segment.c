/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Segments of the ledger (CONTRACTS §3, §4): rotation into audit/segments/NNNNNN/, the
 * interrupted rotation that every open finishes, verification of every archived segment
 * and of the links between them, and pruning of old segments down to their final signed
 * checkpoint. The design is in audit.h; the live ledger itself is ledger.c's and verify.c's.
 *
 * It never re-signs anything archived: a segment is sealed by the checkpoint the live
 * writer signed, and the links are events of the next segment's signed tree.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "audit/internal.h"

#define SEG_DIGITS 6
#define HEAD_FILE "head.json"

/* dir/segments/NNNNNN[/name]; a leading '.' for the staging folder. */
static int seg_path(char out[PATH_MAX], const char *dir, uint64_t k, bool staging,
                    const char *name)
{
        int n = snprintf(out, PATH_MAX, "%s/%s/%s%0*llu%s%s", dir, AUDIT_SEGMENTS_DIR,
                         staging ? "." : "", SEG_DIGITS, (unsigned long long)k,
                         name ? "/" : "", name ? name : "");

        return n < 0 || n >= PATH_MAX ? -ENAMETOOLONG : 0;
}

static bool seg_name(const char *s, uint64_t *ret)
{
        size_t i;

        for (i = 0; s[i]; i++)
                if (s[i] < '0' || s[i] > '9')
                        return false;
        return i == SEG_DIGITS && parse_u64(s, ret) == 0 && *ret > 0;
}

int audit_segment_newest(const char *dir, uint64_t *ret)
{
        char path[PATH_MAX];
        struct dirent *e;
        uint64_t max = 0, k;
        DIR *d;

        if (path_in(path, dir, AUDIT_SEGMENTS_DIR) < 0)
                return -ENAMETOOLONG;
        d = opendir(path);
        if (!d) {
                *ret = 0;
                return errno == ENOENT ? 0 : -errno;
        }
        while ((e = readdir(d)))
                if (seg_name(e->d_name, &k) && k > max)
                        max = k;
        closedir(d);
        *ret = max;
        return 0;
}

static int fsync_path(const char *path)
{
        _cleanup_close_ int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);

        if (fd < 0 || fsync(fd) < 0)
                return -errno;
        return 0;
}

/* Remove the plain files of a folder (and, with rm_self, the folder). */
static int clear_dir(const char *path, bool rm_self)
{
        struct dirent *e;
        DIR *d = opendir(path);
        int r = 0;

        if (!d)
                return errno == ENOENT ? 0 : -errno;
        while ((e = readdir(d)))
                if (!streq(e->d_name, ".") && !streq(e->d_name, "..") &&
                    unlinkat(dirfd(d), e->d_name, 0) < 0 && errno != ENOENT && r == 0)
                        r = -errno;
        closedir(d);
        if (r == 0 && rm_self && rmdir(path) < 0 && errno != ENOENT)
                r = -errno;
        return r;
}

/* ---- reading a ledger's first line, last ts and prune records --------------------------- */

struct scan {
        char *first;               /* first line, without '\n' (malloc'd; NULL when empty) */
        char last_ts[32];
        uint64_t pruned_through;   /* largest "pruned_through" of a link or prune event */
};

static void scan_event(const char *line, size_t len, struct scan *s)
{
        static const char rot[] = "{\"action\":\"rotate\",\"agent\":\"audit\",";
        static const char pru[] = "{\"action\":\"prune\",\"agent\":\"audit\",";
        json_t *j, *p;

        if (!(len > sizeof(rot) && memcmp(line, rot, sizeof(rot) - 1) == 0) &&
            !(len > sizeof(pru) && memcmp(line, pru, sizeof(pru) - 1) == 0))
                return;
        j = json_loadb(line, len, 0, NULL);
        p = json_object_get(json_object_get(j, "detail"), "pruned_through");
        if (json_is_integer(p) && json_integer_value(p) > 0 &&
            (uint64_t)json_integer_value(p) > s->pruned_through)
                s->pruned_through = (uint64_t)json_integer_value(p);
        json_decref(j);
}

static int scan_ledger(const char *path, struct scan *s)
{
        FILE *f = fopen(path, "re");
        char *line = NULL, *prev = NULL, *t;
        size_t cap = 0, pcap = 0, tc;
        ssize_t n, pn = 0;
        json_t *j;

        memset(s, 0, sizeof(*s));
        if (!f)
                return -errno;
        while ((n = getline(&line, &cap, f)) > 0) {
                if (line[n - 1] != '\n')
                        break; /* torn: the live ledger's verify reports it */
                line[--n] = '\0';
                if (!s->first && !(s->first = strdup(line)))
                        break;
                scan_event(line, (size_t)n, s);
                /* Keep the last complete line: swap the two getline buffers. */
                t = prev;
                prev = line;
                line = t;
                tc = pcap;
                pcap = cap;
                cap = tc;
                pn = n;
        }
        j = prev && pn > 0 ? json_loadb(prev, (size_t)pn, 0, NULL) : NULL;
        snprintf(s->last_ts, sizeof(s->last_ts), "%s",
                 json_string_value(json_object_get(j, "ts")) ?: "");
        json_decref(j);
        free(line);
        free(prev);
        fclose(f);
        return 0;
}

/* ---- links ------------------------------------------------------------------------------ */

static json_t *link_event(uint64_t k, const struct checkpoint *c, const char *note,
                          uint64_t pruned_through, bool after_crash)
{
        char root[2 * AUDIT_HASH + 1], sha[2 * AUDIT_HASH + 1];
        uint8_t h[AUDIT_HASH];

        hex_encode(c->root, AUDIT_HASH, root);
        sha256(note, strlen(note), h);
        hex_encode(h, AUDIT_HASH, sha);
        return audit_event("", 0, "audit", "rotate", "linked",
                           json_pack("{s:b,s:s,s:s,s:I,s:I,s:I}", "finished_after_crash",
                                     after_crash, "previous_checkpoint_sha256", sha,
                                     "previous_root", root, "previous_segment", (json_int_t)k,
                                     "previous_tree_size", (json_int_t)c->size,
                                     "pruned_through", (json_int_t)pruned_through));
}

/* Does `line` (a segment's first event) link to segment k as `prev` describes it? */
static bool links_to(const char *line, const struct audit_segment *prev)
{
        char root[2 * AUDIT_HASH + 1], sha[2 * AUDIT_HASH + 1];
        json_t *j = line ? json_loads(line, 0, NULL) : NULL, *d = json_object_get(j, "detail");
        bool ok;

        hex_encode(prev->root, AUDIT_HASH, root);
        hex_encode(prev->checkpoint_sha256, AUDIT_HASH, sha);
        ok = streq(json_string_value(json_object_get(j, "action")) ?: "", "rotate") &&
             streq(json_string_value(json_object_get(j, "agent")) ?: "", "audit") &&
             json_integer_value(json_object_get(j, "seq")) == 0 &&
             json_integer_value(json_object_get(d, "previous_segment")) ==
                     (json_int_t)prev->number &&
             json_integer_value(json_object_get(d, "previous_tree_size")) ==
                     (json_int_t)prev->events &&
             streq(json_string_value(json_object_get(d, "previous_root")) ?: "", root) &&
             streq(json_string_value(json_object_get(d, "previous_checkpoint_sha256")) ?: "",
                   sha);
        json_decref(j);
        return ok;
}

/* A link is the "rotate"/"linked" event; a rotation of an empty ledger makes its
 * "rotate"/"sealing" event segment 1's event 0, and that is no link (CONTRACTS §4). */
static bool is_link(const char *line)
{
        json_t *j = line ? json_loads(line, 0, NULL) : NULL;
        bool ok = streq(json_string_value(json_object_get(j, "action")) ?: "", "rotate") &&
                  streq(json_string_value(json_object_get(j, "agent")) ?: "", "audit") &&
                  streq(json_string_value(json_object_get(j, "outcome")) ?: "", "linked");

        json_decref(j);
        return ok;
}

/* ---- rotation --------------------------------------------------------------------------- */

/* Is `line` an event of this agent/action/outcome? */
static bool event_is(const char *line, const char *action, const char *outcome)
{
        json_t *j = line ? json_loads(line, 0, NULL) : NULL;
        bool ok = streq(json_string_value(json_object_get(j, "action")) ?: "", action) &&
                  streq(json_string_value(json_object_get(j, "agent")) ?: "", "audit") &&
                  streq(json_string_value(json_object_get(j, "outcome")) ?: "", outcome);

        json_decref(j);
        return ok;
}

/* Between a rotation's two commits the live ledger is either still segment k's file (the
 * archive holds hard links of it) or the new ledger holding its link to k and at most the
 * marker of the checkpoint that signs it (the open that writes the link signs it at once,
 * before any other event). Anything else, events after the link, is no interrupted
 * rotation: a live segment given the archive's final checkpoint would otherwise be dropped
 * as one (attack finding 03); it is then checked, and fails, as any live ledger. */
static bool live_is_between_commits(const char *dir, uint64_t k)
{
        char live[PATH_MAX], arch[PATH_MAX], *line = NULL;
        size_t cap = 0;
        struct stat a, b;
        bool ok = true;
        ssize_t n;
        int i = 0;
        FILE *f;

        if (path_in(live, dir, "ledger.jsonl") < 0 ||
            seg_path(arch, dir, k, false, "ledger.jsonl") < 0 || stat(live, &a) < 0)
                return false;
        if (stat(arch, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
                return true;
        /* the link and a marker: two records at most (AUDIT_LINE_MAX each) */
        if ((uint64_t)a.st_size > 2 * ((uint64_t)AUDIT_LINE_MAX + 1))
                return false;
        f = fopen(live, "re");
        if (!f)
                return false;
        while (ok && (n = getline(&line, &cap, f)) > 0) {
                if (line[n - 1] != '\n' && i > 0)
                        break; /* a torn tail: the open drops it, it holds no event */
                if (line[n - 1] == '\n')
                        line[--n] = '\0';
                if (i == 0) {
                        json_t *j = json_loads(line, 0, NULL);

                        ok = is_link(line) &&
                             json_integer_value(json_object_get(json_object_get(j, "detail"),
                                                                "previous_segment")) ==
                                     (json_int_t)k;
                        json_decref(j);
                } else {
                        ok = i == 1 && event_is(line, "checkpoint", "signing");
                }
                i++;
        }
        free(line);
        fclose(f);
        return ok && i > 0;
}

/* Is the newest segment's final checkpoint the live one (an unfinished rotation)? */
static int pending_segment(const char *dir, const char *live_note, uint64_t *ret)
{
        struct buf b = BUF_INIT(AUDIT_NOTE_MAX);
        char path[PATH_MAX];
        uint64_t k;
        int r;

        *ret = 0;
        r = audit_segment_newest(dir, &k);
        if (r < 0 || k == 0 || !live_note)
                return r;
        r = seg_path(path, dir, k, false, "checkpoint");
        if (r == 0 && read_file_capped(path, AUDIT_NOTE_MAX, &b) == 0 && b.data &&
            b.len == strlen(live_note) && memcmp(b.data, live_note, b.len) == 0 &&
            live_is_between_commits(dir, k))
                *ret = k;
        buf_free(&b);
        return r;
}

int audit_rotation_pending(const char *dir, uint64_t *ret)
{
        struct buf b = BUF_INIT(AUDIT_NOTE_MAX);
        char path[PATH_MAX];
        int r;

        *ret = 0;
        r = path_in(path, dir, "checkpoint");
        if (r == 0 && read_file_capped(path, AUDIT_NOTE_MAX, &b) == 0 && b.data)
                r = pending_segment(dir, b.data, ret);
        buf_free(&b);
        return r;
}

int segment_resume(struct audit_log *log, struct diag *d)
{
        _cleanup_free_ char *line = NULL;
        char path[PATH_MAX], ts[32];
        struct scan s = { 0 };
        uint64_t k;
        json_t *ev;
        size_t n;
        int r;

        r = pending_segment(log->dir, log->have_cp ? log->cp_note : NULL, &k);
        if (r < 0 || k == 0)
                return r;
        if (!log->was_open) {
                /* A rotation never releases the lock cleanly between its two commits. */
                diag_set(d, log->dir, 0, 0, "audit/checkpoint is segment %06llu's final "
                         "checkpoint, but the ledger was closed cleanly (segment copied in?)",
                         (unsigned long long)k);
                return -EBADMSG;
        }
        /* P carries on: the archived segment's records (its own link included). */
        if (seg_path(path, log->dir, k, false, "ledger.jsonl") == 0)
                (void)scan_ledger(path, &s);
        free(s.first);
        ev = link_event(k, &log->cp, log->cp_note, s.pruned_through, !log->rotating);
        if (!ev || rfc3339_now(ts) < 0 ||
            json_object_set_new(ev, "seq", json_integer(0)) < 0 ||
            json_object_set_new(ev, "ts", json_string(ts)) < 0 || !(line = json_canonical(ev))) {
                json_decref(ev);
                return -ENOMEM;
        }
        json_decref(ev);
        n = strlen(line);
        line[n] = '\n'; /* replaces the NUL; written with its length */
        /* The live names get new files: the archive keeps the old ones (hard links). */
        r = audit_write_file(log->dir, "ledger.jsonl", line, n + 1, 0600);
        if (r == 0 && path_in(path, log->dir, "checkpoints") == 0)
                r = clear_dir(path, false);
        if (r == 0 && path_in(path, log->dir, "state") == 0 && unlink(path) < 0 &&
            errno != ENOENT)
                r = -errno;
        if (r == 0 && path_in(path, log->dir, "ledger.hashes") == 0 && unlink(path) < 0 &&
            errno != ENOENT)
                r = -errno;
        if (r == 0)
                r = fsync_path(log->dir);
        if (r < 0) {
                diag_set(d, log->dir, 0, 0, "cannot start the ledger after segment %06llu: %s",
                         (unsigned long long)k, strerror(-r));
                return r;
        }
        free(log->cp_note);
        log->cp_note = NULL;
        memset(&log->cp, 0, sizeof(log->cp));
        log->have_cp = false;
        log->resumed = true;
        return 0;
}

/* segments/.NNNNNN/ holds hard links of the sealed files, then becomes segments/NNNNNN. */
static int archive(struct audit_log *log, uint64_t k)
{
        static const char *const files[] = { "ledger.jsonl", "ledger.hashes", "checkpoint",
                                             "key.pub" };
        char stage[PATH_MAX], dst[PATH_MAX], src[PATH_MAX], path[PATH_MAX];
        struct dirent *e;
        DIR *dd;
        int r;

        r = path_in(path, log->dir, AUDIT_SEGMENTS_DIR);
        if (r == 0)
                r = mkdir_p(path, 0700);
        if (r == 0)
                r = seg_path(stage, log->dir, k, true, "checkpoints");
        if (r == 0)
                r = clear_dir(stage, true); /* what a killed rotation left */
        if (r == 0)
                r = seg_path(stage, log->dir, k, true, NULL);
        if (r == 0)
                r = clear_dir(stage, true);
        if (r == 0 && mkdir(stage, 0700) < 0)
                r = -errno;
        if (r == 0)
                r = path_join(dst, PATH_MAX, stage, "checkpoints");
        if (r == 0 && mkdir(dst, 0700) < 0)
                r = -errno;
        for (size_t i = 0; r == 0 && i < ARRAY_SIZE(files); i++)
                if (path_in(src, log->dir, files[i]) < 0 ||
                    path_join(dst, PATH_MAX, stage, files[i]) < 0)
                        r = -ENAMETOOLONG;
                else if (link(src, dst) < 0 && !(errno == ENOENT && i == 1))
                        r = -errno;
        if (r == 0 && path_in(src, log->dir, "checkpoints") == 0 && (dd = opendir(src))) {
                while (r == 0 && (e = readdir(dd))) {
                        char a[PATH_MAX], b[PATH_MAX];

                        if (strlen(e->d_name) != 20 || e->d_name[0] == '.')
                                continue;
                        if (path_join(a, PATH_MAX, src, e->d_name) < 0 ||
                            snprintf(b, PATH_MAX, "%s/checkpoints/%s", stage, e->d_name) >=
                                    PATH_MAX)
                                r = -ENAMETOOLONG;
                        else if (link(a, b) < 0)
                                r = -errno;
                }
                closedir(dd);
        }
        if (r == 0 && path_join(dst, PATH_MAX, stage, "checkpoints") == 0)
                r = fsync_path(dst);
        if (r == 0)
                r = fsync_path(stage);
        if (r == 0)
                r = seg_path(dst, log->dir, k, false, NULL);
        if (r == 0 && rename(stage, dst) < 0)
                r = -errno;
        if (r == 0)
                r = fsync_path(path);
        return r;
}

int audit_rotate(const char *dir, int fsync_mode, struct audit_rotation *ret, struct diag *d)
{
        struct audit_log *log;
        int r;

        r = audit_open(dir, fsync_mode, &log, d);
        if (r < 0)
                return r;
        r = audit_rotate_log(log, ret, d);
        audit_close(log);
        return r;
}

int audit_rotate_log(struct audit_log *log, struct audit_rotation *ret, struct diag *d)
{
        const char *dir = log->dir;
        uint64_t k;
        json_t *ev;
        int r;

        if (log->broken)
                return -EIO;
        r = audit_segment_newest(dir, &k);
        if (r == 0 && k >= AUDIT_SEGMENTS_MAX)
                r = -E2BIG;
        k++;
        ev = r == 0 ? audit_event("", 0, "audit", "rotate", "sealing",
                                  json_pack("{s:I}", "segment", (json_int_t)k)) : NULL;
        if (r == 0)
                r = ev ? audit_append(log, ev, NULL) : -ENOMEM;
        json_decref(ev);
        if (r == 0)
                r = audit_checkpoint(log);
        if (r == 0) {
                memset(ret, 0, sizeof(*ret));
                ret->segment = k;
                ret->tree_size = log->cp.size;
                memcpy(ret->root, log->cp.root, AUDIT_HASH);
                sha256(log->cp_note, strlen(log->cp_note), ret->checkpoint_sha256);
                r = archive(log, k);
        }
        if (r < 0) {
                diag_set(d, dir, 0, 0, "cannot archive the ledger as segment %06llu: %s",
                         (unsigned long long)k, strerror(-r));
                return r;
        }
        /* Under the same lock, start the next segment as any open would finish it. */
        log->rotating = true;
        ledger_release(log);
        r = ledger_open_locked(log, d);
        log->rotating = false;
        if (r < 0) {
                log->broken = true; /* never mark this ledger closed cleanly */
                return r;
        }
        ret->live_size = audit_size(log);
        return 0;
}

/* ---- verification ----------------------------------------------------------------------- */

_printf_(3, 4) static void chain_bad(struct audit_chain *c, uint64_t k, const char *fmt, ...)
{
        va_list ap;

        if (c->bad_segment >= 0)
                return;
        c->bad_segment = (int64_t)k;
        va_start(ap, fmt);
        vsnprintf(c->reason, sizeof(c->reason), fmt, ap);
        va_end(ap);
}

static int load_note(const char *path, const struct note_verifier *v, struct checkpoint *c,
                     uint8_t sha[AUDIT_HASH])
{
        _cleanup_free_ char *note = NULL;
        int r = checkpoint_load(path, v, c, &note);

        if (r == 0)
                sha256(note, strlen(note), sha);
        return r;
}

/* A pruned segment: its final checkpoint and its first line, proven at index 0. */
static int check_pruned(const char *segdir, const struct note_verifier *v,
                        struct audit_segment *s, char **ret_first, struct audit_chain *c)
{
        uint8_t proof[AUDIT_PROOF_MAX][AUDIT_HASH], leaf[AUDIT_HASH];
        struct buf b = BUF_INIT(2 * AUDIT_LINE_MAX);
        char path[PATH_MAX];
        struct checkpoint cp;
        const char *data;
        json_t *j, *pr, *e;
        size_t i, n = 0;
        int r;

        if (path_in(path, segdir, "checkpoint") < 0 || load_note(path, v, &cp,
                                                                 s->checkpoint_sha256) < 0) {
                chain_bad(c, s->number, "segment %06llu: its events are missing and its final "
                          "checkpoint is missing or does not verify (deleted?)",
                          (unsigned long long)s->number);
                return -EBADMSG;
        }
        s->events = cp.size;
        memcpy(s->root, cp.root, AUDIT_HASH);
        r = path_in(path, segdir, HEAD_FILE) == 0 ? read_file_capped(path, 2 * AUDIT_LINE_MAX,
                                                                     &b) : -ENAMETOOLONG;
        j = r == 0 ? json_loadb(b.data, b.len, 0, NULL) : NULL;
        buf_free(&b);
        data = json_string_value(json_object_get(j, "data"));
        pr = json_object_get(j, "inclusion_proof");
        r = data && json_is_array(pr) && json_array_size(pr) <= AUDIT_PROOF_MAX ? 0 : -EBADMSG;
        json_array_foreach(pr, i, e)
                if (r == 0 && (!json_is_string(e) ||
                               hex_decode(json_string_value(e), proof[n++], AUDIT_HASH) < 0))
                        r = -EBADMSG;
        if (r == 0) {
                merkle_leaf_hash(data, strlen(data), leaf);
                r = cp.size == 0 || audit_line_check(data, strlen(data), 0, NULL) < 0 ?
                            -EBADMSG :
                            merkle_verify_inclusion(0, cp.size, leaf,
                                                    (const uint8_t(*)[AUDIT_HASH])proof, n,
                                                    cp.root);
        }
        if (r == 0 && !(*ret_first = strdup(data)))
                r = -ENOMEM;
        json_decref(j);
        if (r == -EBADMSG)
                chain_bad(c, s->number, "segment %06llu: pruned, but its head.json is missing "
                          "or its first event is not in the tree of its final checkpoint",
                          (unsigned long long)s->number);
        s->pruned = true;
        return r;
}

/* A whole segment: audit_verify of its folder, sealed (everything signed by `checkpoint`). */
static int check_whole(const char *segdir, const char *live_vkey, const struct note_verifier *v,
                       struct audit_segment *s, struct scan *sc, struct audit_chain *c)
{
        _cleanup_free_ char *vk = NULL;
        char path[PATH_MAX];
        struct audit_report rep;
        struct checkpoint cp;
        int r;

        if (read_key_file(segdir, "key.pub", &vk) < 0 || !streq(vk, live_vkey)) {
                chain_bad(c, s->number, "segment %06llu: its key.pub is missing or not the "
                          "project's (audit/key.pub)", (unsigned long long)s->number);
                return -EBADMSG;
        }
        r = audit_verify(segdir, &rep);
        if (r == -EBADMSG) {
                chain_bad(c, s->number, "segment %06llu: event %lld: %s",
                          (unsigned long long)s->number, (long long)rep.bad_index, rep.reason);
                return r;
        }
        if (r < 0)
                return r;
        if (path_in(path, segdir, "checkpoint") < 0 ||
            load_note(path, v, &cp, s->checkpoint_sha256) < 0 || cp.size != rep.lines ||
            rep.tail || rep.torn || rep.lines == 0) {
                chain_bad(c, s->number, "segment %06llu: not sealed: its final checkpoint "
                          "does not sign all of its %llu events", (unsigned long long)s->number,
                          (unsigned long long)rep.lines);
                return -EBADMSG;
        }
        s->events = cp.size;
        memcpy(s->root, cp.root, AUDIT_HASH);
        r = path_in(path, segdir, "ledger.jsonl");
        if (r == 0)
                r = scan_ledger(path, sc);
        snprintf(s->last_ts, sizeof(s->last_ts), "%s", sc->last_ts);
        return r;
}

/* Segment k's first event links to k-1 (none for segment 1). */
static void check_link(const char *first, uint64_t k, const struct audit_segment *prev,
                       struct audit_chain *c)
{
        if (k == 1 && is_link(first))
                chain_bad(c, k, "segment 000001 starts with a link to an earlier segment "
                          "(earlier segments removed and the rest renumbered?)");
        else if (k > 1 && !links_to(first, prev))
                chain_bad(c, k, "segment %06llu does not link to segment %06llu as archived "
                          "(segments removed, reordered or replaced)", (unsigned long long)k,
                          (unsigned long long)(k - 1));
}

static int check_segment(const char *dir, const char *vkey, const struct note_verifier *v,
                         uint64_t k, struct audit_chain *c)
{
        char segdir[PATH_MAX], path[PATH_MAX];
        struct audit_segment *s = &c->seg[k - 1];
        struct scan sc = { 0 };
        struct stat st;
        char *first = NULL;
        int r;

        s->number = k;
        r = seg_path(segdir, dir, k, false, NULL);
        if (r < 0)
                return r;
        if (stat(segdir, &st) < 0 || !S_ISDIR(st.st_mode)) {
                chain_bad(c, k, "segment %06llu is missing (deleted)", (unsigned long long)k);
                return -EBADMSG;
        }
        if (path_in(path, segdir, "ledger.jsonl") == 0 && access(path, F_OK) == 0) {
                r = check_whole(segdir, vkey, v, s, &sc, c);
                first = sc.first;
                if (sc.pruned_through > c->pruned_through)
                        c->pruned_through = sc.pruned_through;
        } else {
                r = check_pruned(segdir, v, s, &first, c);
                /* The link it begins with carries P too. */
                sc.pruned_through = 0;
                if (r == 0)
                        scan_event(first, strlen(first), &sc);
                if (sc.pruned_through > c->pruned_through)
                        c->pruned_through = sc.pruned_through;
        }
        if (r == 0)
                check_link(first, k, k > 1 ? &c->seg[k - 2] : NULL, c);
        free(first);
        return r;
}

void audit_chain_free(struct audit_chain *c)
{
        if (!c)
                return;
        free(c->seg);
        c->seg = NULL;
        c->n = 0;
}

int audit_chain_verify(const char *dir, const struct audit_report *live, struct audit_chain *c)
{
        _cleanup_free_ char *vkey = NULL;
        char path[PATH_MAX];
        struct note_verifier v;
        struct scan sc = { 0 };
        uint64_t n;
        int r;

        memset(c, 0, sizeof(*c));
        c->bad_segment = -1;
        r = audit_segment_newest(dir, &n);
        if (r < 0)
                return r;
        if (n == 0) {
                /* No segment: the live ledger must not link to one. */
                if (path_in(path, dir, "ledger.jsonl") == 0 && scan_ledger(path, &sc) == 0 &&
                    is_link(sc.first))
                        chain_bad(c, 0, "the live ledger links to segment %s, but audit/%s/ "
                                  "holds no segment (deleted)", "NNNNNN", AUDIT_SEGMENTS_DIR);
                free(sc.first);
                return c->bad_segment >= 0 ? -EBADMSG : 0;
        }
        if (read_key_file(dir, "key.pub", &vkey) < 0 || note_verifier_parse(vkey, &v) < 0) {
                chain_bad(c, 0, "audit/key.pub is missing or malformed");
                return -EBADMSG;
        }
        c->seg = calloc(n, sizeof(*c->seg));
        if (!c->seg)
                return -ENOMEM;
        c->n = n;
        for (uint64_t k = 1; k <= n && c->bad_segment < 0; k++) {
                r = check_segment(dir, vkey, &v, k, c);
                if (r < 0 && r != -EBADMSG)
                        return r;
        }
        c->rotation_pending = live && live->rotation_pending == n;
        if (c->bad_segment < 0 && !c->rotation_pending) {
                r = path_in(path, dir, "ledger.jsonl");
                if (r == 0)
                        r = scan_ledger(path, &sc);
                if (r < 0 && r != -ENOENT)
                        return r;
                if (sc.pruned_through > c->pruned_through)
                        c->pruned_through = sc.pruned_through;
                if (!links_to(sc.first, &c->seg[n - 1]))
                        chain_bad(c, 0, "the live ledger does not start with the link to "
                                  "segment %06llu (segments removed or replaced, or the live "
                                  "ledger replaced)", (unsigned long long)n);
                free(sc.first);
        }
        for (uint64_t k = 1; k <= n && c->bad_segment < 0; k++)
                if (c->seg[k - 1].pruned && k > c->pruned_through)
                        chain_bad(c, k, "segment %06llu: its events were removed, but no signed "
                                  "event records a prune of it (deleted)",
                                  (unsigned long long)k);
        return c->bad_segment >= 0 ? -EBADMSG : 0;
}

/* ---- pruning ---------------------------------------------------------------------------- */

int audit_parse_ts(const char *s, int64_t *ret)
{
        int y, mo, dd, h, mi, sec, n = 0;
        int64_t days;
        unsigned yy, era, yoe, doy, doe;

        if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &dd, &h, &mi, &sec, &n) != 6 ||
            n != 19 || mo < 1 || mo > 12 || dd < 1 || dd > 31 || h > 23 || mi > 59 || sec > 60 ||
            y < 1970)
                return -EINVAL;
        s += n;
        if (*s == '.')
                for (s++; *s >= '0' && *s <= '9'; s++)
                        ;
        if (!streq(s, "Z"))
                return -EINVAL;
        /* Days from the civil date (proleptic Gregorian, March-based years). */
        yy = (unsigned)(mo <= 2 ? y - 1 : y);
        era = yy / 400;
        yoe = yy - era * 400;
        doy = (153u * (unsigned)(mo > 2 ? mo - 3 : mo + 9) + 2) / 5 + (unsigned)dd - 1;
        doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        days = (int64_t)era * 146097 + (int64_t)doe - 719468;
        *ret = days * 86400 + h * 3600 + mi * 60 + sec;
        return 0;
}

/* Write head.json (the first line and its inclusion proof), then drop the events. */
static int prune_one(const char *dir, uint64_t k)
{
        uint8_t proof[AUDIT_PROOF_MAX][AUDIT_HASH];
        char segdir[PATH_MAX], path[PATH_MAX], hex[2 * AUDIT_HASH + 1];
        _cleanup_free_ char *s = NULL;
        struct audit_view *v;
        json_t *j, *a;
        unsigned n;
        int r;

        r = seg_path(segdir, dir, k, false, NULL);
        if (r < 0 || path_in(path, segdir, "ledger.jsonl") < 0)
                return -ENAMETOOLONG;
        if (access(path, F_OK) < 0)
                return 0; /* done by a prune that was killed after this point */
        r = audit_view_open(segdir, &v);
        if (r < 0)
                return r;
        if (v->cp.size == 0 || v->n < v->cp.size ||
            merkle_inclusion_proof(v->tree, 0, v->cp.size, proof, &n) < 0) {
                audit_view_free(v);
                return -EBADMSG;
        }
        a = json_array();
        for (unsigned i = 0; a && i < n; i++) {
                hex_encode(proof[i], AUDIT_HASH, hex);
                json_array_append_new(a, json_string(hex));
        }
        j = json_pack("{s:s%,s:o,s:I}", "data", v->map + v->off[0],
                      (size_t)(v->off[1] - v->off[0] - 1), "inclusion_proof", a, "tree_size",
                      (json_int_t)v->cp.size);
        audit_view_free(v);
        s = j ? json_canonical(j) : NULL;
        json_decref(j);
        if (!s || path_in(path, segdir, HEAD_FILE) < 0)
                return -ENOMEM;
        r = write_file_atomic(path, s, strlen(s), 0644);
        /* The commit: without ledger.jsonl the segment is pruned. */
        if (r == 0 && path_in(path, segdir, "ledger.jsonl") == 0 && unlink(path) < 0)
                r = -errno;
        if (r == 0 && path_in(path, segdir, "ledger.hashes") == 0 && unlink(path) < 0 &&
            errno != ENOENT)
                r = -errno;
        if (r == 0 && path_in(path, segdir, "checkpoints") == 0)
                r = clear_dir(path, true);
        if (r == 0)
                r = fsync_path(segdir);
        return r;
}

/* Which segments to prune: the oldest whole ones whose last event is older than the cutoff,
 * stopping at the first that is not (so the pruned ones stay 1..P), and any segment up to the
 * recorded P that a killed prune left whole. */
static int plan(const struct audit_chain *c, const struct audit_prune *o,
                struct audit_prune_result *ret)
{
        int64_t cutoff = o->now - (int64_t)o->days * 86400, t;
        uint64_t p = c->pruned_through;

        memset(ret, 0, sizeof(*ret));
        ret->segments = calloc(c->n + 1, sizeof(*ret->segments));
        if (!ret->segments)
                return -ENOMEM;
        for (uint64_t i = 0; i < c->n; i++) {
                const struct audit_segment *s = &c->seg[i];

                if (s->pruned)
                        continue;
                if (s->number <= p || (s->number == p + 1 && audit_parse_ts(s->last_ts, &t) == 0 &&
                                       t < cutoff)) {
                        ret->segments[ret->n++] = s->number;
                        p = MAX(p, s->number);
                } else {
                        ret->kept++;
                }
        }
        ret->pruned_through = p;
        return 0;
}

int audit_prune(const char *dir, int fsync_mode, const struct audit_prune *o,
                struct audit_prune_result *ret, struct audit_chain *c, struct diag *d)
{
        struct audit_report rep;
        struct audit_log *log = NULL;
        json_t *ev, *list;
        int r;

        memset(ret, 0, sizeof(*ret));
        memset(c, 0, sizeof(*c));
        c->bad_segment = -1;
        if (!o->dry_run) {
                r = audit_open(dir, fsync_mode, &log, d);
                if (r < 0)
                        return r;
        }
        /* Under the lock: nothing rotates or prunes meanwhile. */
        r = audit_verify(dir, &rep);
        if (r == 0)
                r = audit_chain_verify(dir, &rep, c);
        else if (r == -EBADMSG)
                chain_bad(c, 0, "the live ledger: event %lld: %s", (long long)rep.bad_index,
                          rep.reason);
        if (r == 0 && c->rotation_pending)
                r = -EAGAIN;
        if (r == 0)
                r = plan(c, o, ret);
        if (r < 0 || o->dry_run || ret->n == 0) {
                audit_close(log);
                return r;
        }
        list = json_array();
        for (uint64_t i = 0; list && i < ret->n; i++)
                json_array_append_new(list, json_integer((json_int_t)ret->segments[i]));
        ev = audit_event("", 0, "audit", "prune", "pruning",
                         json_pack("{s:I,s:I,s:o}", "days", (json_int_t)o->days,
                                   "pruned_through", (json_int_t)ret->pruned_through,
                                   "segments", list));
        r = ev ? audit_append(log, ev, NULL) : -ENOMEM;
        json_decref(ev);
        /* Recorded and signed before anything is removed. */
        if (r == 0)
                r = audit_checkpoint(log);
        for (uint64_t i = 0; r == 0 && i < ret->n; i++)
                r = prune_one(dir, ret->segments[i]);
        if (r < 0)
                diag_set(d, dir, 0, 0, "cannot prune: %s", strerror(-r));
        audit_close(log);
        return r;
}
