/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The step loop. For each step, in order: stop if interrupted; evaluate the condition; template
 * parameters and config from earlier outputs; run the agent action (which calls the layer hooks
 * for redaction and budget, and the cage for tools); record one ledger event; apply on_error.
 * Then write output.json, sign the ledger checkpoint and return the exit code.
 *
 * The layer order of ARCHITECTURE.md is kept here: 1 policy (static checks at validate time,
 * path/command/domain checks inside the agents), 2 cage (tool_executor), 3 redaction
 * (step_redact, and every ledger detail), 4 budget (reserve/settle inside the llm agent,
 * kill = exit 4), 5 ledger (step_audit / one event per step, checkpoint at the end).
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "agents/agents.h"
#include "audit/audit.h"
#include "budget/budget.h"
#include "config/config.h"
#include "engine/internal.h"
#include "pii/pii.h"
#include "sandbox/sandbox.h"
#include "workflow/workflow.h"

#define OUTPUT_JSON_MAX (1u << 30)

static volatile sig_atomic_t interrupted;
static int cancel_pipe[2] = { -1, -1 };

static void on_signal(int sig)
{
        int e = errno;

        interrupted = sig;
        if (cancel_pipe[1] >= 0)
                (void)!write(cancel_pipe[1], "x", 1);
        errno = e;
}

bool engine_interrupted(void)
{
        return interrupted != 0;
}

int engine_cancel_fd(void)
{
        return cancel_pipe[0];
}

static const char *const categories[] = {
        [EXIT_FAIL] = "runtime", [EXIT_USAGE] = "validation", [EXIT_POLICY] = "security",
        [EXIT_BUDGET] = "budget", [EXIT_SANDBOX] = "sandbox", [EXIT_AUDIT] = "audit",
        [EXIT_NO_CAGE] = "environment",
};

static const char *error_category(int code)
{
        if (code == EXIT_INTERRUPTED)
                return "interrupted";
        return code > 0 && code < (int)ARRAY_SIZE(categories) ? categories[code] : NULL;
}

int step_fail(struct step_ctx *ctx, int exit_code, int err, const char *fmt, ...)
{
        va_list ap;

        ctx->exit_code = exit_code;
        va_start(ap, fmt);
        vsnprintf(ctx->err.msg, sizeof(ctx->err.msg), fmt, ap);
        va_end(ap);
        return -(err > 0 ? err : EIO);
}

/* Known secrets first (always), then PII as the site's setting says. */
static int redact_text(struct run_state *run, bool pii, const char *in, size_t len,
                       struct buf *out, size_t *ret_count)
{
        struct buf clean = BUF_INIT(0);
        size_t secrets = 0, count = 0;
        int r;

        r = secret_scrub(run->secrets, in, len, &clean, &secrets);
        if (r == 0 && pii && run->redactor)
                r = pii_redact(run->redactor, clean.data ? clean.data : "", clean.len, out,
                               &count);
        else if (r == 0)
                r = buf_append(out, clean.data ? clean.data : "", clean.len);
        buf_free(&clean);
        if (r == 0 && ret_count)
                *ret_count = count + secrets;
        return r;
}

static bool site_pii(const struct run_state *run, enum redact_site site)
{
        const struct akios_config *c = run->cfg;

        return site == REDACT_SITE_INPUT    ? c->pii_redaction_enabled
               : site == REDACT_SITE_OUTPUT ? c->pii_redaction_outputs
                                            : false;
}

int step_redact(struct step_ctx *ctx, enum redact_site site, const char *in, size_t len,
                char **ret, size_t *ret_len)
{
        struct buf out = BUF_INIT(0);
        size_t count = 0;
        int r;

        r = redact_text(ctx->run, site_pii(ctx->run, site), in, len, &out, &count);
        if (r < 0) {
                buf_free(&out);
                /* Fail closed: nothing passes unredacted. */
                return step_fail(ctx, EXIT_FAIL, -r, "redaction failed (%s); the text was not "
                                 "released", strerror(-r));
        }
        ctx->run->redactions += count;
        *ret = buf_steal(&out, ret_len);
        return *ret ? 0 : -ENOMEM;
}

bool step_has_secret(const struct step_ctx *ctx, const char *in, size_t len)
{
        return secret_contains(ctx->run->secrets, in, len);
}

size_t step_redaction_count(const struct step_ctx *ctx)
{
        return ctx->run->redactions;
}

const struct akios_config *step_policy(const struct step_ctx *ctx)
{
        return ctx->run->cfg;
}

const char *step_project_dir(const struct step_ctx *ctx)
{
        return ctx->run->project_dir;
}

int step_run_dir_fd(const struct step_ctx *ctx)
{
        return ctx->run->run_dir_fd;
}

const char *step_run_dir(const struct step_ctx *ctx)
{
        return ctx->run->run_dir;
}

const char *step_run_id(const struct step_ctx *ctx)
{
        return ctx->run->run_id;
}

struct budget *step_budget(struct step_ctx *ctx)
{
        return ctx->run->budget;
}

void step_account_llm(struct step_ctx *ctx, uint64_t tokens_in, uint64_t tokens_out)
{
        ctx->run->tokens_in += tokens_in;
        ctx->run->tokens_out += tokens_out;
        ctx->run->cost_usd = budget_usd(budget_spent(ctx->run->budget));
}

int step_open_checked(struct step_ctx *ctx, int fd, const char *shown)
{
        int r = policy_fd_allowed(ctx->run, fd);

        if (r == -EPERM)
                return step_fail(ctx, EXIT_POLICY, EPERM, "'%s' is a control file of the project "
                                 "(audit/, .env, config.yaml, keys): no agent may reach it",
                                 shown);
        if (r == -EXDEV || r == -ELOOP)
                return step_fail(ctx, EXIT_POLICY, EPERM, "'%s' is outside the project", shown);
        if (r < 0)
                return step_fail(ctx, EXIT_FAIL, -r, "cannot check '%s': %s", shown, strerror(-r));
        return 0;
}

/* Ledger details pass through redaction too: strings only, recursively. */
static json_t *redact_json(struct run_state *run, bool pii, json_t *detail)
{
        const char *key;
        json_t *v;
        size_t i;

        if (!detail)
                return detail;
        if (json_is_string(detail)) {
                struct buf out = BUF_INIT(0);
                json_t *red;

                if (redact_text(run, pii, json_string_value(detail), json_string_length(detail),
                                &out, NULL) < 0) {
                        buf_free(&out);
                        json_decref(detail);
                        return json_string("[REDACTION_FAILED]");
                }
                red = json_stringn(out.data ? out.data : "", out.len);
                buf_free(&out);
                json_decref(detail);
                return red ? red : json_string("[REDACTION_FAILED]");
        }
        if (json_is_object(detail)) {
                /* Keys are data too (a listing keyed by file name, a header name). */
                json_t *copy = json_object();

                json_object_foreach(detail, key, v) {
                        json_t *k = redact_json(run, pii, json_string(key));

                        json_object_set_new(copy, json_string_value(k) ? json_string_value(k)
                                                                       : "[REDACTION_FAILED]",
                                            redact_json(run, pii, json_incref(v)));
                        json_decref(k);
                }
                json_decref(detail);
                return copy;
        }
        if (json_is_array(detail))
                json_array_foreach(detail, i, v)
                        json_array_set_new(detail, i, redact_json(run, pii, json_incref(v)));
        return detail;
}

/* Ledger details, messages and the run's summary: every string (PII always, as the ledger
 * promises; known secrets always). */
static json_t *redact_detail(struct run_state *run, json_t *detail)
{
        return redact_json(run, true, detail);
}

/* Error messages quote user data (paths, values): they go to stderr and output.json, so they
 * pass through redaction too. If redaction itself fails, the message is withheld. */
static void redact_message(struct run_state *run, const char *msg, char *out, size_t size)
{
        json_t *red;

        red = redact_detail(run, json_string(msg));
        snprintf(out, size, "%s", json_string_value(red) ? json_string_value(red)
                                                         : "[message withheld: not UTF-8]");
        json_decref(red);
}

/* One ledger event. An event that cannot be made durable marks the run: no further step runs
 * and the run ends failed, whatever it was doing (fail closed, docs/design/CONTRACTS.md §4). */
static int ledger(struct run_state *run, unsigned step, const char *agent, const char *action,
                  const char *outcome, json_t *detail)
{
        json_t *ev;
        int r;

        if (!run->audit) {
                json_decref(detail);
                return 0;
        }
        if (run->ledger_failed) {
                json_decref(detail);
                return -EIO;
        }
        ev = audit_event(run->run_id, step, agent, action, outcome, redact_detail(run, detail));
        r = ev ? audit_append(run->audit, ev, NULL) : -ENOMEM;
        json_decref(ev);
        if (r < 0) {
                run->ledger_failed = true;
                run->ledger_error = r;
        }
        return r;
}

int engine_ledger(struct run_state *run, unsigned step, const char *agent, const char *action,
                  const char *outcome, json_t *detail)
{
        return ledger(run, step, agent, action, outcome, detail);
}

int step_audit(struct step_ctx *ctx, const char *action, const char *outcome, json_t *detail)
{
        return ledger(ctx->run, ctx->step->index, ctx->step->agent->name, action, outcome,
                      detail);
}

/* A directory below dirfd, made if missing and opened without following a symlink when we
 * are root: a user who can write data/ must not steer root's mkdir, chown or writes
 * elsewhere (CONTRACTS §3). */
static int open_subdir(int dirfd, const char *name, bool create, bool *made)
{
        int fd;

        if (made)
                *made = false;
        if (create && mkdirat(dirfd, name, 0755) == 0 && made)
                *made = true;
        else if (create && errno != EEXIST)
                return -errno;
        fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                                         (geteuid() == 0 ? O_NOFOLLOW : 0));
        return fd < 0 ? (errno == ELOOP ? -ENOTDIR : -errno) : fd;
}

static int make_run_dir(struct run_state *run)
{
        char stamp[32], dir[PATH_MAX], id[64];
        _cleanup_close_ int pfd = -1, dfd = -1, ofd = -1;
        int r;

        r = run_stamp_now(stamp);
        if (r < 0)
                return r;
        pfd = open(run->project_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (pfd < 0)
                return -errno;
        dfd = open_subdir(pfd, "data", true, NULL);
        if (dfd < 0)
                return dfd;
        ofd = open_subdir(dfd, "output", true, NULL);
        if (ofd < 0)
                return ofd;
        for (int n = 1; n < 1000; n++) {
                bool made;
                int fd;

                if (n == 1)
                        snprintf(id, sizeof(id), "run_%s", stamp);
                else
                        snprintf(id, sizeof(id), "run_%s_%d", stamp, n);
                fd = open_subdir(ofd, id, true, &made);
                if (!made) {
                        /* Taken (a directory, a file or a link of that name): the next. */
                        if (fd >= 0)
                                close(fd);
                        if (fd >= 0 || fd == -ENOTDIR)
                                continue;
                        return fd;
                }
                if (fd < 0)
                        return fd; /* made, then replaced before we opened it */
                snprintf(dir, sizeof(dir), "%s/data/output/%s", run->project_dir, id);
                run->run_dir_fd = fd;
                run->run_dir = strdup(dir);
                run->run_id = strdup(id);
                return run->run_dir && run->run_id ? 0 : -ENOMEM;
        }
        return -EEXIST;
}

static int open_layers(struct run_state *run, struct diag *d)
{
        const struct akios_config *c = run->cfg;
        char dir[PATH_MAX];
        int r;

        /* The ledger first: opening it may replace or remove its files (temp files, an
         * interrupted checkpoint), and the protected set is taken by inode afterwards, so a
         * freed inode reused by a step's file is never mistaken for a control file. */
        if (c->audit_enabled) {
                if (c->audit_storage_path[0] == '/')
                        snprintf(dir, sizeof(dir), "%s", c->audit_storage_path);
                else
                        snprintf(dir, sizeof(dir), "%s/%s", run->project_dir,
                                 c->audit_storage_path);
                r = audit_open(dir, c->fsync, &run->audit, d);
                if (r < 0)
                        return r;
        }
        r = policy_protect_init(run);
        if (r < 0) {
                diag_set(d, NULL, 0, 0, "cannot read the project folder: %s", strerror(-r));
                return r;
        }
        r = secret_set_new(&run->secrets);
        if (r < 0) {
                diag_set(d, NULL, 0, 0, "cannot load the known secrets: %s", strerror(-r));
                return r;
        }
        if (c->pii_redaction_enabled || c->pii_redaction_outputs) {
                uint8_t key[32];
                bool have_key = false;

                if (c->redaction_strategy == REDACT_HASH) {
                        /* The project's HMAC key: hashes are stable within a project and
                         * cannot be reversed by brute force without it. */
                        snprintf(dir, sizeof(dir), "%s/audit/pii.key", run->project_dir);
                        r = pii_key_load_or_create(dir, key);
                        if (r < 0) {
                                diag_set(d, NULL, 0, 0, "cannot load the redaction key '%s': "
                                         "%s", dir, strerror(-r));
                                return r;
                        }
                        have_key = true;
                }
                r = pii_redactor_new(c->redaction_strategy, have_key ? key : NULL,
                                     have_key ? sizeof(key) : 0, &run->redactor);
                explicit_bzero(key, sizeof(key));
                if (r < 0) {
                        diag_set(d, NULL, 0, 0, "cannot start the redaction engine: %s",
                                 strerror(-r));
                        return r;
                }
                pii_redactor_set_akios_markers(run->redactor,
                                               c->redaction_markers == MARKERS_AKIOS);
                pii_redactor_set_names(run->redactor, c->pii_detect_names);
        }
        r = budget_new(c, &run->budget);
        if (r < 0)
                diag_set(d, NULL, 0, 0, "cannot set up the budget: %s", strerror(-r));
        return r;
}

/* sandbox_required: strict promises that tool steps run with every cage layer: check it
 * before the first step, so a run does not stop half-way (exit 7 names the layer and fix). */
static int check_strict_cage(struct run_state *run, struct diag *d)
{
        struct cage_host h;
        bool tools = false;

        for (size_t i = 0; i < run->wf->n_steps; i++)
                tools |= run->wf->steps[i].agent == &agent_tool_executor;
        if (run->cfg->sandbox_required != SANDBOX_STRICT || !tools)
                return 0;
        cage_probe_host(&h);
        for (int l = 0; l < _CAGE_LAYER_MAX; l++)
                if (!h.layer[l].available) {
                        diag_set(d, NULL, 0, 0, "sandbox_required is strict, but the cage layer "
                                 "'%s' is not available: %s; %s", cage_layer_name(l),
                                 h.layer[l].reason, h.layer[l].fix);
                        return -EOPNOTSUPP;
                }
        if (!h.cgroup.available) {
                diag_set(d, NULL, 0, 0, "sandbox_required is strict, but no cgroup can be "
                         "used: %s; %s", h.cgroup.reason, h.cgroup.fix);
                return -EOPNOTSUPP;
        }
        return 0;
}

static json_t *skipped_result(const char *why)
{
        return json_pack("{s:b,s:s,s:s}", "skipped", 1, "reason", why, "text", "");
}

struct step_record {
        const char *status;
        double ms;
        int exit_code;
        char error[1100];
};

/* Run one step (with on_error: retry, one more attempt). */
static int run_step(struct run_state *run, const struct step *s, const json_t *previous,
                    json_t **ret_result, json_t **ret_detail, struct step_record *rec)
{
        json_t *params_src = ynode_to_json(s->parameters), *config_src = ynode_to_json(s->config);
        int attempts = (int)s->attempts, r = 0;
        const json_t *outputs = run->outputs_by_number;
        for (int a = 0; a < attempts; a++) {
                struct step_ctx ctx = { .run = run, .step = s, .exit_code = EXIT_FAIL,
                                        .detail = json_object() };
                json_t *result = NULL;

                if (a > 0 && killswitch_wait_retry(run, s, (unsigned)a + 1, rec->error,
                                                   sizeof(rec->error), &rec->exit_code) < 0) {
                        json_decref(ctx.detail);
                        break;  /* interrupted, or the deadline came during the wait */
                }
                r = template_json(params_src, outputs, previous, NULL, &ctx.params,
                                  &ctx.err);
                if (r == 0)
                        r = template_json(config_src, outputs, previous, NULL, &ctx.config,
                                          &ctx.err);
                /* Intent before effect: if it cannot be recorded, the action does not run. */
                if (r == 0 && ledger(run, s->index, s->agent->name, s->action->name, "started",
                                     json_pack("{s:i}", "try", a + 1)) < 0)
                        r = step_fail(&ctx, EXIT_FAIL, EIO, "audit: cannot record the step's "
                                      "intent (%s); the step was not run",
                                      strerror(-run->ledger_error));
                else if (r == 0)
                        r = s->action->run(&ctx, &result);
                /* The choke point: every string of the result leaves through redaction. */
                if (r == 0)
                        result = redact_json(run, run->cfg->pii_redaction_outputs, result);
                json_decref(ctx.params);
                json_decref(ctx.config);
                if (r == 0) {
                        *ret_result = result;
                        *ret_detail = ctx.detail;
                        rec->exit_code = EXIT_OK;
                        break;
                }
                json_decref(result);
                rec->exit_code = ctx.exit_code ? ctx.exit_code : EXIT_FAIL;
                redact_message(run, ctx.err.msg[0] ? ctx.err.msg : strerror(-r), rec->error,
                               sizeof(rec->error));
                json_object_set_new(ctx.detail, "error", json_string(rec->error));
                json_object_set_new(ctx.detail, "attempt", json_integer(a + 1));
                ledger(run, s->index, s->agent->name, s->action->name,
                       rec->exit_code == EXIT_POLICY ? "denied" : "failure", ctx.detail);
                /* Policy, budget and cage verdicts are final: no retry. */
                if (rec->exit_code >= EXIT_POLICY || engine_interrupted() || run->ledger_failed)
                        break;
        }
        json_decref(params_src);
        json_decref(config_src);
        return r;
}

static json_t *step_summary(const struct step *s, const struct step_record *rec,
                            const json_t *result)
{
        json_t *j = json_pack("{s:I,s:I,s:s,s:s,s:s,s:f}", "step", (json_int_t)s->number,
                              "index", (json_int_t)s->index, "agent", s->agent->name,
                              "action", s->action->name, "status", rec->status, "duration_ms",
                              rec->ms);

        if (s->name)
                json_object_set_new(j, "name", json_string(s->name));
        if (result)
                json_object_set(j, "output", (json_t *)result);
        if (rec->error[0])
                json_object_set_new(j, "error", json_string(rec->error));
        return j;
}

/* Through the run folder's fd: its path may lead elsewhere by now (a user who can write
 * data/output can rename the folder and leave a symlink in its place). */
static int write_output_json(struct run_state *run, json_t *summary)
{
        char tmp[64];
        _cleanup_free_ char *s = json_dumps(summary, JSON_INDENT(2) | JSON_SORT_KEYS);
        _cleanup_close_ int fd = -1;
        int r;

        if (!s)
                return -ENOMEM;
        if (run->run_dir_fd < 0)
                return -EBADF;
        snprintf(tmp, sizeof(tmp), "output.json.tmp.%d", (int)getpid());
        (void)unlinkat(run->run_dir_fd, tmp, 0);
        fd = openat(run->run_dir_fd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                    0644);
        if (fd < 0)
                return -errno;
        r = write_all(fd, s, strlen(s));
        if (r == 0 && fsync(fd) < 0)
                r = -errno;
        if (r == 0 && renameat(run->run_dir_fd, tmp, run->run_dir_fd, "output.json") < 0)
                r = -errno;
        if (r < 0) {
                (void)unlinkat(run->run_dir_fd, tmp, 0);
                return r;
        }
        return fsync(run->run_dir_fd) < 0 ? -errno : 0;
}

static void install_signals(struct sigaction *old_int, struct sigaction *old_term)
{
        struct sigaction sa = { .sa_handler = on_signal };

        sigemptyset(&sa.sa_mask);
        interrupted = 0;
        if (cancel_pipe[0] < 0 && pipe2(cancel_pipe, O_CLOEXEC | O_NONBLOCK) < 0)
                cancel_pipe[0] = cancel_pipe[1] = -1; /* engine_interrupted() still works */
        sigaction(SIGINT, &sa, old_int);
        sigaction(SIGTERM, &sa, old_term);
}

/* audit_rotate_events: a signed run that leaves the live segment at least that long rotates
 * it (CONTRACTS §4). The run is complete either way; output.json's "audit_rotation" says
 * which segment was archived, or why none was (the CLI repeats it on stderr). */
static void auto_rotate(struct run_state *run, json_t *summary)
{
        struct audit_rotation rot;
        struct diag rd = { 0 };
        char msg[1200];
        long n = run->cfg->audit_rotate_events;

        if (n <= 0 || audit_size(run->audit) < (uint64_t)n)
                return;
        if (audit_rotate_log(run->audit, &rot, &rd) == 0) {
                json_object_set_new(summary, "audit_rotation",
                                    json_pack("{s:I,s:I}", "segment", (json_int_t)rot.segment,
                                              "tree_size", (json_int_t)rot.tree_size));
                return;
        }
        diag_format(&rd, msg, sizeof(msg));
        json_object_set_new(summary, "audit_rotation", json_pack("{s:s}", "error", msg));
}

int engine_run(const struct akios_config *cfg, const struct workflow *wf,
               const struct run_options *o, json_t **ret_summary, struct diag *d)
{
        struct run_state run = { .cfg = cfg, .wf = wf, .outputs = json_array(),
                                 .outputs_by_number = json_object(),
                                 .redactions_by_type = json_object(), .dry_run = o->dry_run,
                                 .run_dir_fd = -1,
                                 .quiet = o->quiet };
        struct sigaction old_int, old_term;
        json_t *steps = json_array(), *summary = NULL, *previous = NULL;
        char started[32], finished[32];
        double t0 = monotonic_ms();
        int code = 0, r;
        const char *status = "completed";
        char hex[65];

        rfc3339_now(started);
        run.project_dir = strdup(cfg->project_dir);
        r = run.project_dir ? make_run_dir(&run) : -ENOMEM;
        if (r < 0) {
                diag_set(d, NULL, 0, 0, "cannot create the run folder: %s", strerror(-r));
                code = EXIT_FAIL;
                status = "failed";
                goto done;
        }
        r = open_layers(&run, d);
        if (r < 0) {
                code = r == -EBADMSG ? EXIT_AUDIT : EXIT_FAIL;
                status = "failed";
                goto done;
        }
        r = check_strict_cage(&run, d);
        if (r < 0) {
                code = EXIT_NO_CAGE;
                status = "failed";
                ledger(&run, 0, "engine", "cage_check", "denied",
                       json_pack("{s:s}", "reason", d->msg));
                goto done;
        }
        install_signals(&old_int, &old_term);
        killswitch_start(&run);
        hex_encode(wf->sha256, 32, hex);
        if (ledger(&run, 0, "engine", "run_start", "started",
                   json_pack("{s:s,s:s,s:I,s:s}", "workflow", wf->name, "workflow_sha256", hex,
                             "steps", (json_int_t)wf->n_steps, "akios_version",
                             AKIOS_VERSION)) < 0) {
                diag_set(d, NULL, 0, 0, "audit: cannot record the run's start (%s); no step "
                         "was run", strerror(-run.ledger_error));
                code = EXIT_FAIL;
                status = "failed";
                goto restore;
        }

        for (size_t i = 0; i < wf->n_steps; i++) {
                const struct step *s = &wf->steps[i];
                struct step_record rec = { .status = "completed" };
                json_t *result = NULL, *detail = NULL;
                double ts = monotonic_ms();

                if (engine_interrupted()) {
                        code = EXIT_INTERRUPTED;
                        status = "interrupted";
                        break;
                }
                if (o->progress)
                        o->progress(o->userdata, STEP_START, s, wf->n_steps, NULL,
                                    monotonic_ms() - t0, run.cost_usd);
                if (killswitch_before_step(&run, s, d) < 0) {
                        code = 4;
                        status = killswitch_status(&run);
                        break;
                }
                if (s->cond) {
                        if (!cond_eval(s->cond, run.outputs_by_number, previous)) {
                                rec.status = "skipped";
                                result = skipped_result("condition is false");
                                ledger(&run, s->index, s->agent->name, s->action->name,
                                       "skipped", json_pack("{s:s}", "condition", s->condition));
                                goto record;
                        }
                }
                r = run_step(&run, s, previous, &result, &detail, &rec);
                killswitch_after_step(&run, s);
                rec.ms = monotonic_ms() - ts;
                if (r == 0) {
                        json_object_set_new(detail, "duration_us",
                                            json_integer((json_int_t)(rec.ms * 1000)));
                        ledger(&run, s->index, s->agent->name, s->action->name, "success",
                               detail);
                }
                if (run.ledger_failed) {
                        /* Its outcome (or intent) is not on the record: the run stops here and
                         * does not claim success. */
                        rec.status = "failed";
                        code = EXIT_FAIL;
                        status = "failed";
                        snprintf(rec.error, sizeof(rec.error), "audit: cannot record event: "
                                 "%s; the run stopped", strerror(-run.ledger_error));
                        diag_set(d, NULL, 0, 0, "step %ld (%s.%s): %s", s->number,
                                 s->agent->name, s->action->name, rec.error);
                } else if (r == 0) {
                } else if (engine_interrupted()) {
                        rec.status = "interrupted";
                        code = EXIT_INTERRUPTED;
                        status = "interrupted";
                } else if (s->on_error == ON_ERROR_SKIP && rec.exit_code < EXIT_POLICY) {
                        rec.status = "failed_skipped";
                        result = skipped_result(rec.error);
                } else {
                        rec.status = "failed";
                        code = rec.exit_code;
                        status = code == EXIT_BUDGET ? killswitch_status(&run) : "failed";
                        diag_set(d, NULL, 0, 0, "step %ld (%s.%s): %s", s->number,
                                 s->agent->name, s->action->name, rec.error);
                }
record:
                if (o->progress)
                        o->progress(o->userdata, STEP_DONE, s, wf->n_steps, rec.status,
                                    monotonic_ms() - t0, run.cost_usd);
                json_array_append_new(steps, step_summary(s, &rec, result));
                json_array_append_new(run.outputs, result ? result : json_null());
                if (result) {
                        char num[32];

                        snprintf(num, sizeof(num), "%ld", s->number);
                        json_object_set(run.outputs_by_number, num, result);
                }
                previous = result;
                if (code)
                        break;
        }
        if (code == EXIT_INTERRUPTED && !d->msg[0])
                diag_set(d, NULL, 0, 0, "interrupted by signal %d; the run stopped and its "
                         "record was written", (int)interrupted);
restore:
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
        for (unsigned i = 0; i < 2; i++)
                if (cancel_pipe[i] >= 0)
                        close(cancel_pipe[i]);
        cancel_pipe[0] = cancel_pipe[1] = -1;
done:
        rfc3339_now(finished);
        if (run.redactor) {
                const uint64_t *counts = pii_redactor_counts(run.redactor);

                for (unsigned t = 0; counts && t < pii_type_count(); t++)
                        if (counts[t])
                                json_object_set_new(run.redactions_by_type, pii_type_name(t),
                                                    json_integer((json_int_t)counts[t]));
        }
        summary = json_pack("{s:s,s:s,s:s,s:s,s:s?,s:s?,s:s,s:s,s:f,s:I,s:o,s:I,s:I,s:f,"
                            "s:I,s:O,s:i,s:s?,s:s?}",
                            "akios_version", AKIOS_VERSION, "status", code ? status : "completed",
                            "workflow", "", "workflow_file", wf->path,
                            "run_id", run.run_id, "output_dir", run.run_dir,
                            "started_at", started, "finished_at", finished,
                            "execution_time_seconds", (monotonic_ms() - t0) / 1000.0,
                            "steps_executed", (json_int_t)json_array_size(steps),
                            "steps", redact_detail(&run, steps), "tokens_input", (json_int_t)run.tokens_in,
                            "tokens_output", (json_int_t)run.tokens_out,
                            "total_cost", run.cost_usd,
                            "pii_redaction_count", (json_int_t)run.redactions,
                            "pii_redactions_by_type", run.redactions_by_type,
                            "exit_code", code, "error", code ? d->msg : NULL,
                            "error_category", error_category(code));
        if (summary) {
                /* Names are data too: the workflow's (and the steps', above) are redacted as
                 * the ledger redacts them. */
                json_object_set_new(summary, "workflow",
                                    redact_detail(&run, json_string(wf->name)));
                json_object_set_new(summary, "steps_total", json_integer((json_int_t)wf->n_steps));
                json_object_set_new(summary, "kill_switch", killswitch_json(&run));
                akios_output_add(&run, summary);
        }
        if (run.run_dir && summary) {
                if (!run.ledger_failed &&
                    ledger(&run, 0, "engine", "run_end", code ? status : "completed",
                           json_pack("{s:i,s:I,s:I,s:I,s:I}", "exit_code", code, "tokens_input",
                                     (json_int_t)run.tokens_in, "tokens_output",
                                     (json_int_t)run.tokens_out, "cost_microusd",
                                     (json_int_t)(run.cost_usd * 1e6 + 0.5),
                                     "redactions", (json_int_t)run.redactions)) < 0 && !code) {
                        code = EXIT_FAIL;
                        diag_set(d, NULL, 0, 0, "audit: cannot record the run's end (%s); the "
                                 "run is not complete on the record",
                                 strerror(-run.ledger_error));
                }
        }
        if (run.audit) {
                /* Sign, and write the run's Merkle proof beside its output.json, before that
                 * file: a ledger that could not be signed is not a completed run. */
                r = audit_seal(run.audit, run.run_id, run.run_dir_fd, "audit-proof.json");
                if (r < 0 && !code) {
                        diag_set(d, NULL, 0, 0, "audit: cannot sign the ledger and write "
                                 "audit-proof.json: %s", strerror(-r));
                        code = r == -EBADMSG ? EXIT_AUDIT : EXIT_FAIL;
                }
                if (r == 0 && summary)
                        auto_rotate(&run, summary);
        }
        if (run.run_dir && summary) {
                if (code) {
                        json_object_set_new(summary, "status", json_string(status[0] &&
                                            !streq(status, "completed") ? status : "failed"));
                        json_object_set_new(summary, "exit_code", json_integer(code));
                        json_object_set_new(summary, "error", json_string(d->msg));
                        json_object_set_new(summary, "error_category",
                                            json_string(error_category(code)));
                }
                r = write_output_json(&run, summary);
                if (r < 0 && !code) {
                        diag_set(d, NULL, 0, 0, "cannot write output.json: %s", strerror(-r));
                        code = EXIT_FAIL;
                        /* The caller reports from the summary: it must not say completed. */
                        json_object_set_new(summary, "status", json_string("failed"));
                        json_object_set_new(summary, "exit_code", json_integer(code));
                        json_object_set_new(summary, "error", json_string(d->msg));
                }
        }
        audit_close(run.audit);
        pii_redactor_free(run.redactor);
        secret_set_free(run.secrets);
        budget_free(run.budget);
        json_decref(run.outputs);
        json_decref(run.outputs_by_number);
        json_decref(run.redactions_by_type);
        free(run.project_dir);
        free(run.run_dir);
        if (run.run_dir_fd >= 0)
                close(run.run_dir_fd);
        free(run.run_id);
        *ret_summary = summary;
        return code;
}
