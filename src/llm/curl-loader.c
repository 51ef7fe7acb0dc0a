/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libcurl, loaded on first use.
 *
 * libcurl and its dependencies (TLS, HTTP/2, SSH, LDAP, Kerberos...) cost about 3.5 ms and
 * 7 MB to load, which every `akios --version`, `exec` and `protect` would pay although only
 * LLM and HTTP steps use them. So the binary does not link libcurl: this file defines the few
 * curl functions akios calls, and resolves the real ones with dlopen("libcurl.so.4") the first
 * time one is needed. If libcurl cannot be loaded, curl_easy_init() and curl_url() return NULL
 * and the callers report an error; nothing falls back to plaintext or skips a check.
 *
 * The variadic curl_easy_setopt/curl_easy_getinfo take one argument whose type follows from
 * the option number (CURLOPTTYPE_* ranges), which is how it is read and passed on here.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <curl/curl.h>

#include "util/util.h"

#define CURL_SONAME "libcurl.so.4"

static struct {
        CURL *(*easy_init)(void);
        void (*easy_cleanup)(CURL *);
        CURLcode (*easy_perform)(CURL *);
        CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
        CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
        const char *(*easy_strerror)(CURLcode);
        char *(*easy_escape)(CURL *, const char *, int);
        void (*free_)(void *);
        struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
        void (*slist_free_all)(struct curl_slist *);
        CURLU *(*url)(void);
        void (*url_cleanup)(CURLU *);
        CURLUcode (*url_get)(CURLU *, CURLUPart, char **, unsigned int);
        CURLUcode (*url_set)(CURLU *, CURLUPart, const char *, unsigned int);
} fn;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool loaded;

static void load(void)
{
        static const struct { const char *name; void **slot; } syms[] = {
                { "curl_easy_init", (void **)&fn.easy_init },
                { "curl_easy_cleanup", (void **)&fn.easy_cleanup },
                { "curl_easy_perform", (void **)&fn.easy_perform },
                { "curl_easy_setopt", (void **)&fn.easy_setopt },
                { "curl_easy_getinfo", (void **)&fn.easy_getinfo },
                { "curl_easy_strerror", (void **)&fn.easy_strerror },
                { "curl_easy_escape", (void **)&fn.easy_escape },
                { "curl_free", (void **)&fn.free_ },
                { "curl_slist_append", (void **)&fn.slist_append },
                { "curl_slist_free_all", (void **)&fn.slist_free_all },
                { "curl_url", (void **)&fn.url },
                { "curl_url_cleanup", (void **)&fn.url_cleanup },
                { "curl_url_get", (void **)&fn.url_get },
                { "curl_url_set", (void **)&fn.url_set },
        };
        void *h = dlopen(CURL_SONAME, RTLD_NOW | RTLD_LOCAL);

        if (!h)
                return;
        for (size_t i = 0; i < ARRAY_SIZE(syms); i++) {
                *syms[i].slot = dlsym(h, syms[i].name);
                if (!*syms[i].slot)
                        return;
        }
        loaded = true;
}

static bool ready(void)
{
        pthread_once(&once, load);
        return loaded;
}

CURL *curl_easy_init(void)
{
        return ready() ? fn.easy_init() : NULL;
}

void curl_easy_cleanup(CURL *c)
{
        if (c && ready())
                fn.easy_cleanup(c);
}

CURLcode curl_easy_perform(CURL *c)
{
        return ready() ? fn.easy_perform(c) : CURLE_FAILED_INIT;
}

#undef curl_easy_setopt
CURLcode curl_easy_setopt(CURL *c, CURLoption opt, ...)
{
        CURLcode r;
        va_list ap;

        if (!ready())
                return CURLE_FAILED_INIT;
        va_start(ap, opt);
        if (opt < CURLOPTTYPE_OBJECTPOINT)
                r = fn.easy_setopt(c, opt, va_arg(ap, long));
        else if (opt < CURLOPTTYPE_OFF_T)
                r = fn.easy_setopt(c, opt, va_arg(ap, void *)); /* objects and functions */
        else if (opt < CURLOPTTYPE_BLOB)
                r = fn.easy_setopt(c, opt, va_arg(ap, curl_off_t));
        else
                r = fn.easy_setopt(c, opt, va_arg(ap, void *));
        va_end(ap);
        return r;
}

#undef curl_easy_getinfo
CURLcode curl_easy_getinfo(CURL *c, CURLINFO info, ...)
{
        CURLcode r;
        va_list ap;

        if (!ready())
                return CURLE_FAILED_INIT;
        va_start(ap, info);
        r = fn.easy_getinfo(c, info, va_arg(ap, void *));
        va_end(ap);
        return r;
}

const char *curl_easy_strerror(CURLcode code)
{
        return ready() ? fn.easy_strerror(code) : "libcurl (" CURL_SONAME ") could not be loaded";
}

char *curl_easy_escape(CURL *c, const char *s, int len)
{
        return ready() ? fn.easy_escape(c, s, len) : NULL;
}

void curl_free(void *p)
{
        if (p && ready())
                fn.free_(p);
}

struct curl_slist *curl_slist_append(struct curl_slist *l, const char *s)
{
        return ready() ? fn.slist_append(l, s) : NULL;
}

void curl_slist_free_all(struct curl_slist *l)
{
        if (l && ready())
                fn.slist_free_all(l);
}

CURLU *curl_url(void)
{
        return ready() ? fn.url() : NULL;
}

void curl_url_cleanup(CURLU *u)
{
        if (u && ready())
                fn.url_cleanup(u);
}

CURLUcode curl_url_get(CURLU *u, CURLUPart what, char **part, unsigned int flags)
{
        return ready() ? fn.url_get(u, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}

CURLUcode curl_url_set(CURLU *u, CURLUPart what, const char *part, unsigned int flags)
{
        return ready() ? fn.url_set(u, what, part, flags) : CURLUE_OUT_OF_MEMORY;
}
