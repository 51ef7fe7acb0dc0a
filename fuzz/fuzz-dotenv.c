/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-dotenv: dotenv_load() of arbitrary bytes as a `.env` file. dotenv_load sets variables
 * in this process, so every variable it added is removed again after each input (the ones
 * present before are left, as dotenv_load itself never replaces them).
 */
#include <stdint.h>

#include "fuzz.h"
#include "config/config.h"

extern char **environ;

/* Names of the variables present at start, sorted for bsearch. */
static struct strv fuzz_env_before;

static int cmp_str(const void *a, const void *b)
{
        return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *env_name(const char *entry)
{
        const char *eq = strchr(entry, '=');

        return strndup(entry, eq ? (size_t)(eq - entry) : strlen(entry));
}

static void env_snapshot(void)
{
        for (char **e = environ; e && *e; e++) {
                char *name = env_name(*e);

                if (!name || strv_push_take(&fuzz_env_before, name) < 0)
                        abort();
        }
        if (fuzz_env_before.n)
                qsort(fuzz_env_before.v, fuzz_env_before.n, sizeof(char *), cmp_str);
}

static bool env_was_set(const char *name)
{
        return fuzz_env_before.n &&
               bsearch(&name, fuzz_env_before.v, fuzz_env_before.n, sizeof(char *), cmp_str);
}

/* Remove what dotenv_load added; unsetenv reshuffles environ, so rescan after each. */
static void env_restore(void)
{
        for (char **e = environ; e && *e;) {
                _cleanup_free_ char *name = env_name(*e);

                if (!name)
                        abort();
                if (env_was_set(name)) {
                        e++;
                        continue;
                }
                if (unsetenv(name) < 0)
                        abort();        /* dotenv_load set a name setenv should refuse */
                e = environ;
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        static bool snap;
        struct diag d = { 0 };
        char path[256];

        if (!snap) {
                env_snapshot();
                snap = true;
        }
        if (size > FUZZ_MAX_INPUT || fuzz_write(".env", data, size, path, sizeof(path)) < 0)
                return 0;
        (void)dotenv_load(path, &d);
        env_restore();
        (void)unlink(path);
        return 0;
}
