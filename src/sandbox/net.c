/* SPDX-License-Identifier: GPL-3.0-or-later */
/* net and uts: child halves for the network and hostname namespaces.
 *
 * A new network namespace has only a loopback interface, down: with net none it stays down
 * (no route at all, even to 127.0.0.1); with net loopback it is brought up, so the payload
 * can talk to itself and to nothing else. The hostname becomes "akios". Neither reaches the
 * host's interfaces or abstract unix sockets, which belong to the host's namespace.
 */
#include <errno.h>
#include <net/if.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "sandbox/internal.h"

int net_child_loopback(struct cage_ctx *c)
{
        struct ifreq ifr = { 0 };
        int fd, r = 0;

        if (c->spec->net != CAGE_NET_LOOPBACK)
                return 0;
        fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0)
                return -errno;
        memcpy(ifr.ifr_name, "lo", 3);
        if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0)
                r = -errno;
        ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
        if (r >= 0 && ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
                r = -errno;
        close(fd);
        return r;
}

int uts_child_hostname(struct cage_ctx *c)
{
        return sethostname("akios", 5) < 0 ? -errno : 0;
}
