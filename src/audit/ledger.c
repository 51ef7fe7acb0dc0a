/* Ledger append: canonical JSON lines in ledger.jsonl, fsync'd, under an exclusive lock.
 *
 * This file writes and locks; it does not yet build the Merkle tree or sign checkpoints
 * (audit_checkpoint only makes the log durable). Opening an existing log counts its lines so
 * `seq` continues; a last line without its newline (a torn write) is refused, not repaired.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>

#include "audit/audit.h"
#include "config/config.h"

struct audit_log {
        int fd;
        int lock_fd;
        int fsync_mode;
        uint64_t size;
        char *path;
};

static int count_lines(int fd, uint64_t *ret)
{
        char chunk[65536];
        uint64_t n = 0;
        char last = '\n';
        ssize_t r;

        while ((r = read(fd, chunk, sizeof(chunk))) != 0) {
                if (r < 0 && errno == EINTR)
                        continue;
                if (r < 0)
                        return -errno;
                for (ssize_t i = 0; i < r; i++)
                        n += chunk[i] == '\n';
                last = chunk[r - 1];
        }
        if (last != '\n')
                return -EBADMSG;
        *ret = n;
        return 0;
}

int audit_open(const char *dir, int fsync_mode, struct audit_log **ret, struct diag *d)
{
        char path[PATH_MAX];
        _cleanup_close_ int lock_fd = -1, fd = -1;
        struct audit_log *log;
        uint64_t n;
        int r;

        r = mkdir_p(dir, 0700);
        if (r < 0) {
                diag_set(d, dir, 0, 0, "cannot create audit folder: %s", strerror(-r));
                return r;
        }
        snprintf(path, sizeof(path), "%s/ledger.lock", dir);
        lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (lock_fd < 0 || flock(lock_fd, LOCK_EX) < 0) {
                r = -errno;
                diag_set(d, path, 0, 0, "cannot lock the ledger: %s", strerror(errno));
                return r;
        }
        snprintf(path, sizeof(path), "%s/ledger.jsonl", dir);
        fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) {
                r = -errno;
                diag_set(d, path, 0, 0, "cannot open the ledger: %s", strerror(errno));
                return r;
        }
        r = count_lines(fd, &n);
        if (r < 0) {
                diag_set(d, path, 0, 0, "ledger is damaged (%s); run 'akios audit verify'",
                         r == -EBADMSG ? "last line is incomplete" : strerror(-r));
                return r;
        }
        log = calloc(1, sizeof(*log));
        if (!log || !(log->path = strdup(path))) {
                free(log);
                return -ENOMEM;
        }
        log->fd = TAKE_FD(fd);
        log->lock_fd = TAKE_FD(lock_fd);
        log->fsync_mode = fsync_mode;
        log->size = n;
        *ret = log;
        return 0;
}

int audit_append(struct audit_log *log, json_t *event, uint64_t *ret_seq)
{
        char ts[32];
        _cleanup_free_ char *line = NULL;
        size_t len;
        int r;

        if (rfc3339_now(ts) < 0)
                return -errno;
        if (json_object_set_new(event, "seq", json_integer((json_int_t)log->size)) < 0 ||
            json_object_set_new(event, "ts", json_string(ts)) < 0)
                return -ENOMEM;
        line = json_canonical(event);
        if (!line)
                return -ENOMEM;
        len = strlen(line);
        line[len] = '\n'; /* replaces the NUL; written with its length */
        r = write_all(log->fd, line, len + 1);
        if (r < 0)
                return r;
        if (log->fsync_mode == FSYNC_ALWAYS && fdatasync(log->fd) < 0)
                return -errno;
        if (ret_seq)
                *ret_seq = log->size;
        log->size++;
        return 0;
}

int audit_checkpoint(struct audit_log *log)
{
        return fsync(log->fd) < 0 ? -errno : 0;
}

uint64_t audit_size(const struct audit_log *log)
{
        return log->size;
}

void audit_close(struct audit_log *log)
{
        if (!log)
                return;
        fsync(log->fd);
        close(log->fd);
        close(log->lock_fd);
        free(log->path);
        free(log);
}

json_t *audit_event(const char *run_id, unsigned step, const char *agent, const char *action,
                    const char *outcome, json_t *detail)
{
        return json_pack("{s:s,s:I,s:s,s:s,s:s,s:o}", "run_id", run_id ? run_id : "",
                         "step", (json_int_t)step, "agent", agent, "action", action,
                         "outcome", outcome, "detail", detail ? detail : json_object());
}

int audit_keygen(const char *dir, const char *origin, struct diag *d)
{
        /* Seam: signing keys come with the ledger issue. */
        return 0;
}
