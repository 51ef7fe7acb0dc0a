/* SPDX-License-Identifier: GPL-3.0-or-later */
/* init-msg: what the cage's pid 1 (src/sandbox/init/cage-init.c, a separate tiny program)
 * tells the supervisor on the status socket. Shared by both sides; no other includes, since
 * the init is built without libc.
 *
 * One SOCK_SEQPACKET record per message. The child checklist's own messages (struct
 * cage_msg) are larger, so the size of a record says which kind it is.
 */
#pragma once

enum {
        CAGE_INIT_EXIT = 3,       /* value: the payload's wait status */
        CAGE_INIT_EXEC_ERROR = 4, /* value: the errno of the payload's execve */
};

struct cage_init_msg {
        int kind;
        int value;
        /* EXIT: the CPU time the kernel charged the payload, in clock ticks (si_utime +
         * si_stime of its SIGCHLD: what RLIMIT_CPU is checked against); -1 when unknown
         * (its SIGCHLD coalesced with another child's). */
        long long cpu_ticks;
};

/* argv of the init: [0] name, [1] status fd, [2..] the payload's argv (argv[2] absolute).
 * Its environment is the payload's. */
#define CAGE_INIT_ARGV0 "akios-cage-init"
