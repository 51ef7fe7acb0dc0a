/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LD_PRELOAD shim for tests: moves the wall clock (CLOCK_REALTIME, time(), gettimeofday())
 * by AKIOS_TEST_TIMESHIFT seconds (signed), so a test can write a ledger segment "100 days
 * ago" and prune it today. Only the test suite loads it; akios knows nothing of it. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static long shift(void)
{
        const char *s = getenv("AKIOS_TEST_TIMESHIFT");

        return s ? strtol(s, NULL, 10) : 0;
}

int clock_gettime(clockid_t id, struct timespec *ts)
{
        static int (*real)(clockid_t, struct timespec *);
        int r;

        if (!real)
                real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
        r = real(id, ts);
        if (r == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE))
                ts->tv_sec += shift();
        return r;
}

time_t time(time_t *t)
{
        struct timespec ts;
        time_t v;

        clock_gettime(CLOCK_REALTIME, &ts);
        v = ts.tv_sec;
        if (t)
                *t = v;
        return v;
}

int gettimeofday(struct timeval *tv, void *tz)
{
        struct timespec ts;

        (void)tz;
        clock_gettime(CLOCK_REALTIME, &ts);
        tv->tv_sec = ts.tv_sec;
        tv->tv_usec = ts.tv_nsec / 1000;
        return 0;
}
