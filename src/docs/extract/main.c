/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios-extract: one document on fd 0 to text and metadata on fd 1 (framing: src/docs/docs.h).
 *
 * It runs inside the cage (docs_extract()); on top of the cage's own allowlist it loads a
 * second, tighter one as soon as the input is read: from then on it can only compute, map
 * memory and write to the fds it has. Opening a file fails with EACCES (a library looking for
 * a font or a CMap gets "not found"); any other system call kills it (SIGSYS), which the
 * supervisor reports. Exit 0 with an answer, or 1 with {"error","message"}.
 */
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "docs/extract/internal.h"

/* The input is bounded by max_file_size_mb upstream; this is the helper's own backstop. */
#define DX_MAX_INPUT (1024u << 20)

static const int allowed[] = {
        SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(writev), SCMP_SYS(close), SCMP_SYS(lseek),
        SCMP_SYS(fstat), SCMP_SYS(newfstatat), SCMP_SYS(mmap), SCMP_SYS(munmap),
        SCMP_SYS(mremap), SCMP_SYS(mprotect), SCMP_SYS(madvise), SCMP_SYS(brk),
        SCMP_SYS(futex), SCMP_SYS(exit), SCMP_SYS(exit_group), SCMP_SYS(rt_sigreturn),
        SCMP_SYS(rt_sigprocmask), SCMP_SYS(getrandom), SCMP_SYS(clock_gettime),
        SCMP_SYS(gettid), SCMP_SYS(getpid), SCMP_SYS(sched_yield), SCMP_SYS(tgkill),
};

static int lock_down(void)
{
        scmp_filter_ctx f = seccomp_init(SCMP_ACT_KILL_PROCESS);
        int r = f ? 0 : -ENOMEM;

        for (size_t i = 0; r == 0 && i < ARRAY_SIZE(allowed); i++)
                r = seccomp_rule_add(f, SCMP_ACT_ALLOW, allowed[i], 0);
        if (r == 0)
                r = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 0);
        if (r == 0)
                r = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 0);
        if (r == 0)
                r = seccomp_rule_add(f, SCMP_ACT_ERRNO(ENOTTY), SCMP_SYS(ioctl), 0);
        if (r == 0)
                r = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(access), 0);
        if (r == 0)
                r = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(readlink), 0);
        if (r == 0)
                r = seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(getcwd), 0);
        if (r == 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
                r = -errno;
        if (r == 0)
                r = seccomp_load(f);
        seccomp_release(f);
        return r;
}

static int answer_error(const char *kind, const char *msg)
{
        json_t *o = json_pack("{s:s,s:s}", "error", kind, "message", msg);
        char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
        int r = s && write_all(1, s, strlen(s)) == 0 && write_all(1, "\n", 1) == 0 ? 0 : -EIO;

        free(s);
        json_decref(o);
        return r;
}

static int answer(struct dx *x)
{
        char *s;
        int r;

        json_object_set_new(x->meta, "text_bytes", json_integer((json_int_t)x->text.len));
        s = json_dumps(x->meta, JSON_COMPACT);
        if (!s)
                return -ENOMEM;
        r = write_all(1, s, strlen(s));
        if (r == 0)
                r = write_all(1, "\n", 1);
        if (r == 0)
                r = write_all(1, x->text.data ? x->text.data : "", x->text.len);
        free(s);
        return r;
}

int main(int argc, char **argv)
{
        struct buf in = BUF_INIT(DX_MAX_INPUT);
        struct dx x;
        int r;

        r = read_fd_capped(0, DX_MAX_INPUT, &in);
        if (r < 0) {
                answer_error("limit", r == -E2BIG ? "the input passes 1 GiB" : strerror(-r));
                return 1;
        }
        close(0);
        dx_pdf_warmup();
        if (lock_down() < 0) {
                answer_error("unsupported", "cannot load the extractor's seccomp allowlist");
                return 1;
        }
        if (dx_init(&x) < 0)
                return 1;
        r = dx_any(&x, in.data ? in.data : "", in.len);
        buf_free(&in);
        if (r < 0 || x.kind[0]) {
                answer_error(x.kind[0] ? x.kind : "malformed", x.msg[0] ? x.msg : strerror(-r));
                dx_done(&x);
                return 1;
        }
        r = answer(&x);
        dx_done(&x);
        return r < 0 ? 1 : 0;
}
