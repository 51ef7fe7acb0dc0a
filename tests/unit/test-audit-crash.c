/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ledger writer against real files and processes.
 *
 * Without arguments (run by `make test`): TAP tests of open/append/checkpoint/reopen, torn
 * last line recovery, the writer lock, two processes appending at once, batch mode, and a
 * SIGKILL in the middle of appends (every acknowledged event present, the log verifies).
 *
 * As a tool for the shell tests and the benchmark:
 *   test-audit-crash append DIR N [always|batch]   append N events, print each seq once it
 *                                                  is acknowledged, checkpoint, close
 *   test-audit-crash bench DIR N always|batch      print "appends/s" for N appends
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "tap.h"
#include "audit/audit.h"
#include "config/config.h"

static json_t *sample_event(uint64_t i)
{
        return audit_event("run_2026-01-01T00-00-00Z", (unsigned)(i % 7), "llm", "complete",
                           "success",
                           json_pack("{s:s,s:I,s:I,s:s}", "model", "mock-model", "tokens_input",
                                     (json_int_t)(i % 1000), "tokens_output", (json_int_t)42,
                                     "prompt_sha256",
                                     "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
}

static int append_n(const char *dir, uint64_t n, int mode, bool ack)
{
        struct audit_log *log;
        struct diag d = { 0 };
        int r;

        r = audit_open(dir, mode, &log, &d);
        if (r < 0) {
                fprintf(stderr, "audit_open: %s: %s\n", strerror(-r), d.msg);
                return r;
        }
        for (uint64_t i = 0; i < n; i++) {
                json_t *ev = sample_event(i);
                uint64_t seq;

                r = audit_append(log, ev, &seq);
                json_decref(ev);
                if (r < 0)
                        break;
                if (ack) {
                        char buf[32];
                        int len = snprintf(buf, sizeof(buf), "%llu\n", (unsigned long long)seq);

                        if (write(1, buf, (size_t)len) != len)
                                break;
                }
        }
        if (r == 0)
                r = audit_checkpoint(log);
        audit_close(log);
        return r;
}

static int tool(int argc, char **argv)
{
        uint64_t n;
        int mode;

        if (argc < 4 || parse_u64(argv[3], &n) < 0) {
                fprintf(stderr, "usage: %s append|bench DIR N [always|batch]\n", argv[0]);
                return 2;
        }
        mode = argc > 4 && streq(argv[4], "batch") ? FSYNC_BATCH : FSYNC_ALWAYS;
        if (streq(argv[1], "append"))
                return append_n(argv[2], n, mode, true) < 0 ? 1 : 0;
        if (streq(argv[1], "bench")) {
                double t0 = monotonic_ms(), s;

                if (append_n(argv[2], n, mode, false) < 0)
                        return 1;
                s = (monotonic_ms() - t0) / 1e3;
                printf("%s %llu appends in %.3f s: %.0f appends/s\n", argv[4], (unsigned long long)n,
                       s, (double)n / s);
                return 0;
        }
        return 2;
}

static char *scratch(const char *name)
{
        static char base[256];
        char *p = malloc(512);

        if (!base[0]) {
                snprintf(base, sizeof(base), "%s/akios-audit-XXXXXX", getenv("TMPDIR") ?: "/tmp");
                if (!mkdtemp(base))
                        abort();
        }
        snprintf(p, 512, "%s/%s", base, name);
        return p;
}

static void test_roundtrip(void)
{
        char *dir = scratch("a"), path[600];
        struct audit_log *log;
        struct audit_report rep;
        struct diag d = { 0 };
        struct stat st;

        is_int(audit_keygen(dir, "akios/test-project", &d), 0, "keygen");
        snprintf(path, sizeof(path), "%s/key", dir);
        ok(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "key is mode 0600");
        is_int(append_n(dir, 10, FSYNC_ALWAYS, false), 0, "10 events appended");
        is_int(audit_verify(dir, &rep), 0, "verifies");
        /* Each checkpoint ends in its marker event (audit.h). */
        ok(rep.lines == 11 && rep.signed_size == 11 && rep.tail == 0,
           "10 events and the checkpoint marker, all signed");
        is_str(rep.origin, "akios/test-project", "origin is the key name");
        is_int(audit_open(dir, FSYNC_ALWAYS, &log, &d), 0, "reopens");
        is_int(audit_size(log), 11, "size continues at 11");
        audit_close(log);
        is_int(append_n(dir, 5, FSYNC_ALWAYS, false), 0, "second run");
        is_int(audit_verify(dir, &rep), 0, "verifies after a second run (AKIOS did not)");
        is_int(rep.checkpoints, 3, "latest + two kept checkpoints");

        /* Torn last line: a crash in the middle of a write. */
        snprintf(path, sizeof(path), "%s/ledger.jsonl", dir);
        {
                int fd = open(path, O_WRONLY | O_APPEND);

                ok(fd >= 0 && write(fd, "{\"action\":\"comp", 15) == 15, "torn line written");
                close(fd);
        }
        is_int(audit_open(dir, FSYNC_ALWAYS, &log, &d), 0, "opens over a torn line");
        is_int(audit_size(log), 18, "torn line cut, recovery event appended (11 + 5 + 1 + 1)");
        audit_close(log);
        is_int(audit_verify(dir, &rep), 0, "verifies after recovery");
        free(dir);
}

/* audit_line_marker: exactly the canonical prefix the writer produces, nothing near it. */
static void test_marker_parse(void)
{
        static const struct {
                const char *line;
                bool marker;
                uint64_t size, prev;
        } t[] = {
                { "{\"action\":\"checkpoint\",\"agent\":\"audit\",\"detail\":{\"previous_size\":0,"
                  "\"tree_size\":9},\"outcome\":\"signing\",\"run_id\":\"\",\"seq\":8}", true, 9, 0 },
                { "{\"action\":\"checkpoint\",\"agent\":\"audit\",\"detail\":{\"previous_size\":18446744073709551615,"
                  "\"tree_size\":12345678901234}}", true, 12345678901234, UINT64_MAX },
                { "{\"action\":\"checkpoint\",\"agent\":\"audit\",\"detail\":{\"previous_size\":18446744073709551616,"
                  "\"tree_size\":1}}", false, 0, 0 },
                { "{\"action\":\"checkpoint\",\"agent\":\"audit\",\"detail\":{\"previous_size\":01,"
                  "\"tree_size\":9}}", false, 0, 0 },
                { "{\"action\":\"checkpoint\",\"agent\":\"audit\",\"detail\":{\"previous_size\":1,"
                  "\"tree_size\":9,\"x\":1}}", false, 0, 0 },
                { "{\"action\":\"checkpoint\",\"agent\":\"audit\",\"detail\":{\"previous_size\":1,"
                  "\"tree_size\":}}", false, 0, 0 },
                { "{\"action\":\"checkpoint\",\"agent\":\"llm\",\"detail\":{\"previous_size\":1,"
                  "\"tree_size\":9}}", false, 0, 0 },
                { "{\"action\":\"checkpoint\",\"agent\":\"audit\",\"detail\":{\"previous_size\":1", false, 0,
                  0 },
                { "", false, 0, 0 },
        };

        for (size_t i = 0; i < ARRAY_SIZE(t); i++) {
                uint64_t size = 0, prev = 0;
                bool m = audit_line_marker(t[i].line, strlen(t[i].line), &size, &prev);

                ok(m == t[i].marker && (!m || (size == t[i].size && prev == t[i].prev)),
                   "marker parse case %zu", i);
        }
}

static void test_lock_and_concurrency(void)
{
        char *dir = scratch("b"), path[600];
        struct audit_report rep;
        struct audit_log *log;
        struct diag d = { 0 };
        int up[2], down[2], fd, status, failed = 0;
        pid_t pid;
        char c = 0;

        if (pipe(up) < 0 || pipe(down) < 0)
                abort();
        pid = fork();
        if (pid == 0) {
                close(up[0]);
                close(down[1]);
                if (audit_open(dir, FSYNC_ALWAYS, &log, &d) < 0)
                        _exit(1);
                (void)!write(up[1], "x", 1);
                (void)!read(down[0], &c, 1); /* wait for the parent (or its exit) */
                audit_close(log);
                _exit(0);
        }
        close(up[1]);
        close(down[0]);
        ok(read(up[0], &c, 1) == 1, "a writer opened the ledger");
        snprintf(path, sizeof(path), "%s/ledger.lock", dir);
        fd = open(path, O_RDONLY);
        ok(flock(fd, LOCK_EX | LOCK_NB) < 0 && errno == EWOULDBLOCK,
           "a second writer cannot take the lock while one is open");
        close(fd);
        (void)!write(down[1], "x", 1);
        waitpid(pid, &status, 0);
        close(up[0]);
        close(down[1]);

        /* Four processes appending at once, three runs each. */
        for (int k = 0; k < 4; k++)
                if (fork() == 0) {
                        for (int run = 0; run < 3; run++)
                                if (append_n(dir, 50, run % 2 ? FSYNC_BATCH : FSYNC_ALWAYS,
                                             false) < 0)
                                        _exit(1);
                        _exit(0);
                }
        for (int k = 0; k < 4; k++) {
                wait(&status);
                failed += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
        }
        is_int(failed, 0, "four concurrent writers all succeeded");
        is_int(audit_verify(dir, &rep), 0, "ledger verifies after concurrent runs");
        is_int(rep.lines, 612, "no event lost or interleaved (600 lines, 12 markers)");
        is_int(rep.signed_size, 612, "all signed");
        free(dir);
}

static void test_kill(int mode)
{
        char *dir = scratch(mode == FSYNC_BATCH ? "kill-batch" : "kill-always");
        struct audit_report rep;
        int p[2], status;
        uint64_t acked = 0;
        char buf[4096];
        ssize_t n;
        pid_t pid;

        if (pipe(p) < 0)
                abort();
        append_n(dir, 3, mode, false); /* a signed start */
        pid = fork();
        if (pid == 0) {
                dup2(p[1], 1);
                close(p[0]);
                append_n(dir, 1000000, mode, true);
                _exit(0);
        }
        close(p[1]);
        /* Kill it after some thousands of acknowledgements. */
        while (acked < 3000 && (n = read(p[0], buf, sizeof(buf))) > 0)
                for (ssize_t i = 0; i < n; i++)
                        acked += buf[i] == '\n';
        kill(pid, SIGKILL);
        while ((n = read(p[0], buf, sizeof(buf))) > 0)
                for (ssize_t i = 0; i < n; i++)
                        acked += buf[i] == '\n';
        waitpid(pid, &status, 0);
        close(p[0]);
        ok(WIFSIGNALED(status), "%s writer killed by SIGKILL",
           mode == FSYNC_BATCH ? "batch" : "always");
        is_int(audit_verify(dir, &rep), 0, "killed ledger verifies (unsigned tail: %llu)",
               (unsigned long long)rep.tail);
        ok(rep.lines >= 3 + acked, "every acknowledged event is present (%llu acked, %llu lines)",
           (unsigned long long)acked, (unsigned long long)rep.lines);
        is_int(append_n(dir, 1, mode, false), 0, "the next run opens it");
        is_int(audit_verify(dir, &rep), 0, "and it verifies, all signed");
        is_int(rep.tail, 0, "no unsigned tail left");
        free(dir);
}

int main(int argc, char **argv)
{
        if (argc > 1)
                return tool(argc, argv);
        test_roundtrip();
        test_marker_parse();
        test_lock_and_concurrency();
        test_kill(FSYNC_ALWAYS);
        test_kill(FSYNC_BATCH);
        {
                char cmd[600];
                char *base = scratch("");

                snprintf(cmd, sizeof(cmd), "rm -rf '%s'", base);
                /* system() is banned in the library; a test may clean up by exec. */
                if (fork() == 0) {
                        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
                        _exit(127);
                }
                wait(NULL);
                free(base);
        }
        return done_testing();
}
