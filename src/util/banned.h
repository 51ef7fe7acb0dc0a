/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Functions that are too easy to misuse. Included last by every .c file of the project (via
 * util/util.h); using one is a compile error. Use the bounded or thread-safe versions instead:
 * snprintf, strtol/strtoull with end checks, gmtime_r, posix_spawn/execve.
 */
#pragma once

#define BANNED(func) sorry_##func##_is_banned_in_akios

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef gets
#define gets(x) BANNED(gets)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef system
#define system(x) BANNED(system)
#undef popen
#define popen(x, y) BANNED(popen)
#undef gmtime
#define gmtime(x) BANNED(gmtime)
#undef localtime
#define localtime(x) BANNED(localtime)
