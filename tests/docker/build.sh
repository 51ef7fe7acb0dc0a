#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make test-docker: build the Dockerfile without a Docker engine and run what it built.
#  1. debootstrap Debian 12 (minbase) and import it with buildah as debian:bookworm and
#     debian:bookworm-slim (the names the Dockerfile uses; cached in buildah's storage);
#  2. buildah bud the Dockerfile (chroot isolation, no pulls);
#  3. mount the image's root filesystem and run it as the image would: uid 10001, root file
#     system read-only, tmpfs /tmp: `akios --version` and a mock hello run.
# Needs root, buildah, debootstrap and the Debian archive. About 5-10 minutes the first time.
. "${AKIOS_SRC:-$(dirname "$0")/../..}/tests/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v buildah >/dev/null || ! command -v debootstrap >/dev/null; then
        skip "needs root, buildah and debootstrap (apt-get install buildah debootstrap)"
        done_testing; exit
fi
export STORAGE_DRIVER=${STORAGE_DRIVER:-vfs} BUILDAH_ISOLATION=chroot
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
BASE=docker.io/library/debian
IMG=localhost/akios-test:latest

if ! buildah inspect --type image "$BASE:bookworm" >/dev/null 2>&1; then
        diag "debootstrap bookworm (minbase) from $MIRROR"
        debootstrap --variant=minbase bookworm "$T/rootfs" "$MIRROR" >"$T/debootstrap.log" 2>&1
        rc=$?
        is "$rc" 0 "debootstrap bookworm"
        [ "$rc" = 0 ] || { tail -20 "$T/debootstrap.log" | sed 's/^/# /'; done_testing; exit; }
        rm -rf "$T/rootfs/var/cache/apt/archives/"*.deb "$T/rootfs/var/lib/apt/lists/"*
        ctr=$(buildah from scratch)
        mnt=$(buildah mount "$ctr")
        cp -a "$T/rootfs/." "$mnt/"
        buildah umount "$ctr" >/dev/null
        buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
                --cmd /bin/bash "$ctr"
        buildah commit -q "$ctr" "$BASE:bookworm" >/dev/null
        is "$?" 0 "base image imported as $BASE:bookworm"
        buildah tag "$BASE:bookworm" "$BASE:bookworm-slim"
        buildah rm "$ctr" >/dev/null
else
        diag "using the cached base image $BASE:bookworm"
fi

start=$(date +%s)
buildah bud --pull-never --layers=false -t "$IMG" -f "$AKIOS_SRC/Dockerfile" "$AKIOS_SRC" \
        >"$T/bud.log" 2>&1
rc=$?
is "$rc" 0 "buildah bud the Dockerfile ($(($(date +%s) - start)) s)"
[ "$rc" = 0 ] || { tail -30 "$T/bud.log" | sed 's/^/# /'; done_testing; exit; }
is "$(buildah inspect --format '{{.OCIv1.Config.User}}' "$IMG")" "10001:10001" "runs as a non-root user"
like "$(buildah inspect --format '{{.OCIv1.Config.Entrypoint}}' "$IMG")" "akios" "entrypoint is akios"
like "$(buildah inspect --format '{{.OCIv1.Config.ExposedPorts}}' "$IMG")" "^(map\[\])?$" "no ports"
check "Dockerfile is under 20 lines" test "$(wc -l < "$AKIOS_SRC/Dockerfile")" -lt 20

ctr=$(buildah from --pull-never "$IMG")
mnt=$(buildah mount "$ctr")
check "runtime image has no compiler" test ! -e "$mnt/usr/bin/cc"
diag "runtime image size: $(du -sh "$mnt" | cut -f1)"
# As `docker run --read-only --tmpfs /tmp --user 10001 IMG ...` would run it.
incage() {
        unshare --mount --propagation private sh -c '
                m=$1; shift
                mount --bind "$m" "$m" && mount -o remount,bind,ro "$m" &&
                mount -t tmpfs -o mode=1777 tmpfs "$m/tmp" && mount -t proc proc "$m/proc" &&
                exec chroot --userspec=10001:10001 "$m" /usr/bin/env -i HOME=/tmp \
                        PATH=/usr/local/bin:/usr/bin:/bin AKIOS_MOCK_LLM=1 /bin/sh -c "$*"' \
                _ "$mnt" "$@"
}
run incage 'akios --version'
is "$rc" 0 "akios --version in the image"
like "$out" "^akios [0-9]" "prints the version"
run incage 'cd /tmp && akios init p >/dev/null && cd p && akios run templates/hello-workflow.yml && akios audit verify'
is "$rc" 0 "mock hello run in the image (read-only root, tmpfs /tmp, uid 10001)"
like "$out" "completed: 3 of 3 steps run" "the hello workflow completed"
run incage 'touch /home/akios/x'
check "the root file system is read-only" test "$rc" -ne 0
buildah umount "$ctr" >/dev/null
buildah rm "$ctr" >/dev/null
[ "${AKIOS_KEEP_IMAGE:-0}" = 1 ] || buildah rmi "$IMG" >/dev/null 2>&1
done_testing
