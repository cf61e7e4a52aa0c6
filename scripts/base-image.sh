#!/usr/bin/env bash
# Import the offline base image (`fresh-build/busybox:1`, from Debian's busybox-static) into the
# daemon that DOCKER_HOST names (else the default socket), if that daemon does not have it yet.
set -u
FB_DOCKER=${FB_DOCKER:-/usr/bin/docker}
FB_BASE_IMAGE=${FB_BASE_IMAGE:-fresh-build/busybox:1}

"$FB_DOCKER" image inspect "$FB_BASE_IMAGE" >/dev/null 2>&1 && exit 0
bb=$(command -v busybox || echo /bin/busybox)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/tmp" "$root/etc"
cp "$bb" "$root/bin/busybox"
for applet in sh ls cat echo rm mkdir cp mv chmod ln touch sha256sum test true false sleep find wc head; do
  ln -s busybox "$root/bin/$applet"
done
echo "[base-image] importing the offline base image $FB_BASE_IMAGE from busybox-static" >&2
tar -C "$root" -c . | "$FB_DOCKER" import -c 'ENV PATH=/bin' - "$FB_BASE_IMAGE" >/dev/null
