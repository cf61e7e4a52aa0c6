#!/usr/bin/env bash
# Another Docker host on this machine: a dockerd of the project's own, apart from every other daemon.
#
#   scripts/dockerd-host.sh start NAME   # prints DOCKER_HOST=unix:///…/NAME/docker.sock when it answers
#   scripts/dockerd-host.sh stop NAME    # stops it, only if this script started it (its pid file)
#   scripts/dockerd-host.sh env NAME     # prints the DOCKER_HOST line without starting anything
#
# Each host has its own data-root, exec-root, pid file, socket, containerd and its OWN bridge
# (`ip link add fbNAME type bridge`, passed as `--bridge`). Never `--bridge=none`: that makes dockerd
# delete `docker0`, which breaks every build on the default daemon. iptables and masquerading are
# off so that a second daemon never rewrites the rules the first one relies on; builds and the
# loopback registry need neither. The offline base image is imported into every new host.
set -u
cd "$(dirname "$0")/.."

cmd=${1:-}
name=${2:-}
if [ -z "$cmd" ] || ! [[ "$name" =~ ^[a-z0-9]{1,8}$ ]]; then
  echo "usage: scripts/dockerd-host.sh start|stop|env NAME   (NAME: 1-8 of a-z0-9)" >&2
  exit 2
fi

root=${FB_HOSTS_DIR:-/tmp/fresh-build-hosts}/$name
sock="$root/docker.sock"
pidfile="$root/dockerd.pid"
bridge="fb$name"
export DOCKER_HOST="unix://$sock"

say() { echo "[dockerd-host $name] $*" >&2; }
answers() { /usr/bin/docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# A /24 per host name, stable across runs, inside 10.231.0.0/16 (the project's own test range).
subnet_octet() { printf '%s' "$name" | cksum | awk '{ print 1 + $1 % 250 }'; }

case "$cmd" in
  env)
    echo "DOCKER_HOST=$DOCKER_HOST"
    ;;
  start)
    if answers; then
      say "already answers at $sock"
      echo "DOCKER_HOST=$DOCKER_HOST"
      exit 0
    fi
    mkdir -p "$root/data" "$root/exec"
    if ! ip link show "$bridge" >/dev/null 2>&1; then
      ip link add "$bridge" type bridge || exit 2
      ip addr add "10.231.$(subnet_octet).1/24" dev "$bridge" || exit 2
      ip link set "$bridge" up || exit 2
    fi
    say "starting dockerd (log: $root/dockerd.log)"
    dockerd --host "unix://$sock" --data-root "$root/data" --exec-root "$root/exec" \
      --pidfile "$root/dockerd.real.pid" --bridge "$bridge" --iptables=false --ip-masq=false \
      --containerd-namespace "fb-$name" --containerd-plugins-namespace "fb-$name-plugins" \
      >"$root/dockerd.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 120); do
      if answers; then
        FB_BASE_IMAGE=${FB_BASE_IMAGE:-fresh-build/busybox:1}
        if ! /usr/bin/docker image inspect "$FB_BASE_IMAGE" >/dev/null 2>&1; then
          bash scripts/base-image.sh || exit 2
        fi
        echo "DOCKER_HOST=$DOCKER_HOST"
        exit 0
      fi
      kill -0 "$(cat "$pidfile")" 2>/dev/null || break
      sleep 0.5
    done
    say "dockerd did not come up; last lines of its log:"
    tail -n 5 "$root/dockerd.log" >&2
    exit 2
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      pid=$(cat "$pidfile")
      if kill -0 "$pid" 2>/dev/null; then
        say "stopping the dockerd this script started (pid $pid)"
        kill "$pid"
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      fi
      rm -f "$pidfile"
      ip link del "$bridge" 2>/dev/null || true
    fi
    ;;
  *)
    echo "usage: scripts/dockerd-host.sh start|stop|env NAME" >&2
    exit 2
    ;;
esac
