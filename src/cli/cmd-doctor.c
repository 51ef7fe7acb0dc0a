/* SPDX-License-Identifier: GPL-3.0-or-later */
/* akios doctor: which cage layers this host offers, why (not), and how to enable them.
 *
 * The detection of the layers lives in src/sandbox/ (cage_probe_host, which tries each one);
 * this file adds the host's cgroup layout as mounted (v2, v1 or hybrid, read from
 * /proc/self/mountinfo) so operators see why a cgroup was or was not usable, grades each
 * layer PASS / WARN / FAIL, and prints the fix and what is lost without it. A missing layer
 * is WARN under `sandbox_required: best-effort` (runs go on without it and record that) and
 * FAIL under `strict` (runs would exit 7); doctor exits 1 when anything is FAIL.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "config/config.h"
#include "pii/pii.h"
#include "sandbox/sandbox.h"

#define MOUNTINFO_MAX (1u << 20)

const char help_doctor[] =
        "Tries every kernel feature the cage uses (user, mount, pid, net, ipc, uts and cgroup\n"
        "namespaces, seccomp-bpf, Landlock, no_new_privs, dropped capabilities, a cgroup for\n"
        "memory/pids/cpu limits) in short-lived test children, and prints for each one PASS,\n"
        "WARN (missing; runs go on without it and record that) or FAIL (missing and the config\n"
        "says sandbox_required: strict), with the fix and what is lost without it. It also\n"
        "shows the cgroup layout (v2, v1 or hybrid) and whether akios runs rootless.\n"
        "\n"
        "  --json   one JSON document\n"
        "\n"
        "Exit 0, or 1 when a check FAILs.\n";

/* What a run loses when the layer is missing (same order as enum cage_layer). */
static const char *const lost[_CAGE_LAYER_MAX] = {
        [CAGE_LAYER_USERNS] = "rootless: no other namespace can be made; as root: the "
                              "payload runs with a host uid",
        [CAGE_LAYER_MOUNTNS] = "the payload sees the host's file tree (Landlock, when active, "
                               "still limits it)",
        [CAGE_LAYER_PIDNS] = "the payload sees host processes; leftovers are killed by cgroup "
                             "or process group only",
        [CAGE_LAYER_NETNS] = "the payload shares the host network (network_access_allowed is "
                             "not enforced in tool steps)",
        [CAGE_LAYER_IPCNS] = "the payload shares System V IPC and POSIX queues with the host",
        [CAGE_LAYER_UTSNS] = "the payload could change the hostname (only with privilege)",
        [CAGE_LAYER_CGROUPNS] = "the payload sees the host's cgroup paths",
        [CAGE_LAYER_SECCOMP] = "no syscall allowlist: the whole kernel surface is reachable",
        [CAGE_LAYER_LANDLOCK] = "no second, path-based filesystem restriction",
        [CAGE_LAYER_NO_NEW_PRIVS] = "setuid binaries could raise privileges in the cage",
        [CAGE_LAYER_CAPS_DROPPED] = "the payload keeps capabilities",
};

/* In the floor the cage stands in for the missing namespaces (floor.c): say what a run then
 * really goes without, the same words as its record's `degraded` (CONTRACTS §7). */
static const char *loss(const struct cage_host *h, int layer)
{
        const char *t = h->cage_runs && h->tested.floor ? cage_layer_loss(layer, true) : NULL;

        return t ? t : lost[layer];
}

static const char *const lost_cgroup =
        "memory and pids are limited by rlimits only (RLIMIT_AS, RLIMIT_NPROC per uid)";

struct cg_layout {
        char kind[16];       /* "v2", "v1", "hybrid", "none" */
        char v2_at[256];     /* cgroup2 mount point, "" when none */
        char v2_ctrl[256];   /* its cgroup.controllers */
        char v1[512];        /* v1 hierarchies, by mount point basename */
};

/* Read the cgroup mounts of /proc/self/mountinfo: "... mountpoint ... - fstype src opts". */
static void cg_layout_read(struct cg_layout *c)
{
        struct buf b = BUF_INIT(MOUNTINFO_MAX);
        char *save = NULL, *line;

        *c = (struct cg_layout){ .kind = "none" };
        if (read_file_capped("/proc/self/mountinfo", MOUNTINFO_MAX, &b) < 0)
                return;
        for (line = strtok_r(b.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
                char mnt[256], fstype[32];
                const char *sep = strstr(line, " - ");

                if (!sep || sscanf(line, "%*s %*s %*s %*s %255s", mnt) != 1 ||
                    sscanf(sep + 3, "%31s", fstype) != 1)
                        continue;
                if (streq(fstype, "cgroup2") && !c->v2_at[0]) {
                        snprintf(c->v2_at, sizeof(c->v2_at), "%s", mnt);
                } else if (streq(fstype, "cgroup")) {
                        const char *base = strrchr(mnt, '/');
                        size_t n = strlen(c->v1);

                        snprintf(c->v1 + n, sizeof(c->v1) - n, "%s%s", n ? " " : "",
                                 base ? base + 1 : mnt);
                }
        }
        buf_free(&b);
        if (c->v2_at[0]) {
                char path[300];
                struct buf k = BUF_INIT(4096);

                snprintf(path, sizeof(path), "%s/cgroup.controllers", c->v2_at);
                if (read_file_capped(path, 4096, &k) == 0) {
                        k.data[strcspn(k.data, "\n")] = 0;
                        snprintf(c->v2_ctrl, sizeof(c->v2_ctrl), "%s", k.data);
                }
                buf_free(&k);
        }
        snprintf(c->kind, sizeof(c->kind), "%s",
                 c->v2_at[0] && c->v1[0] ? "hybrid" : c->v2_at[0] ? "v2" : c->v1[0] ? "v1"
                                                                     : "none");
}

static void cg_layout_text(const struct cg_layout *c, char *out, size_t size)
{
        if (streq(c->kind, "hybrid"))
                snprintf(out, size, "hybrid: v1 hierarchies (%s) and v2 at %s (controllers: "
                         "%s)", c->v1, c->v2_at, c->v2_ctrl[0] ? c->v2_ctrl : "none");
        else if (streq(c->kind, "v2"))
                snprintf(out, size, "v2 (unified) at %s, controllers: %s", c->v2_at,
                         c->v2_ctrl[0] ? c->v2_ctrl : "none");
        else if (streq(c->kind, "v1"))
                snprintf(out, size, "v1 only: %s", c->v1);
        else
                snprintf(out, size, "no cgroup file system mounted");
}

static bool strict_config(bool *ret_enabled)
{
        struct akios_config cfg;
        struct diag d = { 0 };
        char *dir = NULL, *path = NULL;
        bool strict = false;

        *ret_enabled = true;
        if (project_find(&dir) >= 0 && asprintf(&path, "%s/config.yaml", dir) < 0)
                path = NULL;
        if (config_load(&cfg, path, &d) >= 0) {
                strict = cfg.sandbox_required == SANDBOX_STRICT;
                *ret_enabled = cfg.sandbox_enabled;
                config_free(&cfg);
        } else {
                char msg[1200];

                /* e.g. sandbox_enabled: false, which run and exec refuse the same way. */
                diag_format(&d, msg, sizeof(msg));
                log_error("%s (run and exec refuse this config)", msg);
        }
        free(dir);
        free(path);
        return strict;
}

static const char *grade(const struct cage_host_check *k, bool strict)
{
        return k->available ? "PASS" : strict ? "FAIL" : "WARN";
}

static json_t *check_json(const struct cage_host_check *k, bool strict, const char *loss)
{
        json_t *j = json_object();

        json_object_set_new(j, "status", json_string(grade(k, strict)));
        json_object_set_new(j, "available", json_boolean(k->available));
        json_object_set_new(j, "reason", json_string(k->reason));
        if (!k->available) {
                json_object_set_new(j, "fix", json_string(k->fix));
                json_object_set_new(j, "without_it", json_string(loss));
        }
        return j;
}

static void print_check(const char *name, const struct cage_host_check *k, bool strict,
                        const char *loss)
{
        const char *g = grade(k, strict);
        const char *sgr = !use_color() ? NULL : k->available ? "32" : strict ? "31" : "33";

        printf("  %s%s%s%-4s%s  %-13s %s\n", sgr ? "\033[" : "", sgr ? sgr : "", sgr ? "m" : "",
               g, sgr ? "\033[0m" : "", name, k->reason);
        if (!k->available) {
                printf("  %-4s  %-13s fix: %s\n", "", "", k->fix);
                printf("  %-4s  %-13s without it: %s\n", "", "", loss);
        }
}

/* The PII engine `protect` and the supervisor get on this host (issue 11): Hyperscan, or
 * PCRE2 alone and why. */
static const char *pii_engine_probe(const char **ret_note)
{
        _cleanup_(pii_redactor_freep) struct pii_redactor *r = NULL;

        *ret_note = NULL;
        if (pii_redactor_new(REDACT_MASK, NULL, 0, &r) < 0) {
                *ret_note = "the PII engine cannot be set up";
                return "none";
        }
        *ret_note = pii_redactor_engine_note(r);
        return pii_redactor_engine(r);
}

static void print_json_doc(const struct cage_host *h, const struct cg_layout *cl, bool strict,
                           bool enabled, int fails, int warns)
{
        json_t *j = json_object(), *layers = json_object(), *cg;

        for (int i = 0; i < _CAGE_LAYER_MAX; i++)
                json_object_set_new(layers, cage_layer_name(i),
                                    check_json(&h->layer[i], strict, loss(h, i)));
        cg = check_json(&h->cgroup, strict, lost_cgroup);
        json_object_set_new(cg, "version", json_string(cage_cgroup_name(h->cgroup_version)));
        json_object_set_new(layers, "cgroup", cg);
        json_object_set_new(j, "layers", layers);
        json_object_set_new(j, "cgroup_layout",
                            json_pack("{s:s,s:s?,s:s,s:s}", "kind", cl->kind, "v2_mount",
                                      cl->v2_at[0] ? cl->v2_at : NULL, "v2_controllers",
                                      cl->v2_ctrl, "v1_hierarchies", cl->v1));
        {
                const char *deg[32];
                int n = h->cage_runs ? cage_degraded_list(&h->tested, deg, 32) : 0;
                json_t *a = json_array();

                for (int i = 0; i < n; i++)
                        json_array_append_new(a, json_string(deg[i]));
                json_object_set_new(j, "degraded", a);
                json_object_set_new(j, "mode", json_string(!h->cage_runs ? "none"
                                                           : h->tested.floor ? "floor"
                                                                             : "namespaces"));
                json_object_set_new(j, "cage_runs", json_boolean(h->cage_runs));
                if (!h->cage_runs)
                        json_object_set_new(j, "cage_error", json_string(h->cage_error));
        }
        json_object_set_new(j, "root", json_boolean(h->root));
        json_object_set_new(j, "rootless", json_boolean(!h->root));
        json_object_set_new(j, "uid", json_integer(geteuid()));
        json_object_set_new(j, "landlock_abi", json_integer(h->landlock_abi));
        {
                const char *note, *engine = pii_engine_probe(&note);

                json_object_set_new(j, "pii_engine",
                                    json_pack("{s:s,s:s?}", "engine", engine, "note", note));
        }
        json_object_set_new(j, "sandbox_enabled", json_boolean(enabled));
        json_object_set_new(j, "sandbox_required", json_string(strict ? "strict" : "best-effort"));
        json_object_set_new(j, "fail", json_integer(fails));
        json_object_set_new(j, "warn", json_integer(warns));
        json_object_set_new(j, "ok", json_boolean(fails == 0));
        print_json(j);
        json_decref(j);
}

/* What a real run gets: the cage's mode and what it goes without (the test cage's record). */
static void print_mode(const struct cage_host *h)
{
        const char *deg[32];
        int n;

        if (!h->cage_runs) {
                printf("  %s  %-13s %s\n", h->cage_refused ? "FAIL" : "WARN", "cage",
                       h->cage_error);
                return;
        }
        printf("  mode     %s\n", h->tested.floor
                                          ? "floor: no namespaces here; Landlock, seccomp, a "
                                            "subreaper and rlimits hold the cage"
                                          : "namespaces");
        n = cage_degraded_list(&h->tested, deg, 32);
        for (int i = 0; i < n; i++)
                printf("  NOTE  a run goes without %s\n", deg[i]);
}

int cmd_doctor(int argc, char **argv)
{
        struct cage_host h;
        struct cg_layout cl;
        char layout[1100];
        bool json = false, strict, enabled;
        int missing = 0, fails = 0;

        for (int i = 1; i < argc; i++) {
                if (streq(argv[i], "--json")) {
                        json = true;
                } else if (streq(argv[i], "--help") || streq(argv[i], "-h")) {
                        command_help("doctor");
                        return EXIT_OK;
                } else {
                        return usage_error("doctor", "unknown argument '%s'", argv[i]);
                }
        }
        strict = strict_config(&enabled);
        cage_probe_host(&h);
        cg_layout_read(&cl);
        for (int i = 0; i < _CAGE_LAYER_MAX; i++)
                missing += !h.layer[i].available;
        missing += !h.cgroup.available;
        /* Not even the floor: every run exits 7, whatever sandbox_required says (but none). */
        if (h.cage_refused)
                fails++;
        if (json) {
                print_json_doc(&h, &cl, strict, enabled, fails + (strict ? missing : 0),
                               strict ? 0 : missing);
                return (strict && missing) || fails ? EXIT_FAIL : EXIT_OK;
        }
        cg_layout_text(&cl, layout, sizeof(layout));
        printf("akios doctor: the kernel cage on this host\n");
        if (h.root && h.cage_runs && h.tested.floor)
                printf("  user     uid 0 (root) without CAP_SYS_ADMIN (a container's default "
                       "capabilities and seccomp profile): no namespace can be made; the "
                       "payload still runs as a non-root uid\n");
        else if (h.root)
                printf("  user     uid 0 (root): namespaces need no user namespace; the payload "
                       "still runs as a non-root uid\n");
        else
                printf("  user     uid %u, rootless: the cage needs unprivileged user "
                       "namespaces, and a delegated cgroup for limits\n", (unsigned)geteuid());
        printf("  cgroups  %s\n", layout);
        for (int i = 0; i < _CAGE_LAYER_MAX; i++)
                print_check(cage_layer_name(i), &h.layer[i], strict, loss(&h, i));
        print_check("cgroup", &h.cgroup, strict, lost_cgroup);
        if (!h.cgroup.available && !h.root && !streq(cl.kind, "v2"))
                printf("  %-4s  %-13s on this %s host the memory controller is on cgroup v1, "
                       "which cannot be delegated safely: boot with "
                       "systemd.unified_cgroup_hierarchy=1 (pure v2) and delegate, or have root "
                       "create a v1 memory and pids group owned by uid %u\n", "", "", cl.kind,
                       (unsigned)geteuid());
        print_mode(&h);
        {
                const char *note, *engine = pii_engine_probe(&note);

                printf("  pii      engine %s%s%s\n", engine, note ? ": " : "", note ? note : "");
        }
        printf("sandbox_required: %s: %s\n", strict ? "strict" : "best-effort",
               !missing ? "every layer is available"
               : strict ? "a required layer is missing (FAIL); runs will exit 7"
                        : "missing layers (WARN) are left out and recorded in each run");
        return (strict && missing) || fails ? EXIT_FAIL : EXIT_OK;
}
