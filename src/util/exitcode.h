/* SPDX-License-Identifier: GPL-3.0-or-later */
/* exitcode: the process exit codes of docs/design/CONTRACTS.md §2, and the exit class a failed
 * step carries (struct step_ctx.exit_code). Low-level on purpose: the engine, the workflow
 * validator, the agents and the command line all use these names, never bare numbers. */
#pragma once

enum {
        EXIT_OK = 0,            /* success */
        EXIT_FAIL = 1,          /* a step (or a command) failed at run time */
        EXIT_USAGE = 2,         /* usage error, invalid config / workflow / input: nothing ran */
        EXIT_POLICY = 3,        /* policy violation, found validating or running */
        EXIT_BUDGET = 4,        /* budget kill-switch */
        EXIT_SANDBOX = 5,       /* a caged process was killed (seccomp, memory, pids, time) */
        EXIT_AUDIT = 6,         /* audit integrity failure */
        EXIT_NO_CAGE = 7,       /* the environment cannot provide a required cage layer */
        EXIT_INTERRUPTED = 130, /* SIGINT/SIGTERM; the ledger is closed cleanly first */
};
