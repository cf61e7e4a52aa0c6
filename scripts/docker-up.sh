#!/usr/bin/env bash
# Make a BuildKit-capable Docker daemon available, idempotently, and say what is done.
#
#   source scripts/docker-up.sh    # sets FRESH_BUILD_DOCKERD_STARTED=1 when this run started dockerd
#   scripts/docker-up.sh --stop    # stops dockerd only if the pid file says this project started it
#
# Installs Debian's docker.io (daemon 20.10 with BuildKit), busybox-static (the offline base image),
# docker-compose (v1), docker-registry and python3 when missing, starts dockerd when no daemon answers, and imports the
# offline base image `fresh-build/busybox:1`. With DOCKER_HOST set it uses that daemon or fails; it
# never starts one elsewhere. Nothing here reaches beyond Debian's package mirror.
set -u

FB_DOCKER=${FB_DOCKER:-/usr/bin/docker}
FB_STATE_DIR=${FB_STATE_DIR:-/tmp/fresh-build-dockerd}
FB_PIDFILE="$FB_STATE_DIR/dockerd.pid"
FB_BASE_IMAGE=${FB_BASE_IMAGE:-fresh-build/busybox:1}

fb_say() { echo "[docker-up] $*" >&2; }

fb_daemon_ok() { "$FB_DOCKER" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

fb_stop() {
  if [ -f "$FB_PIDFILE" ]; then
    local pid
    pid=$(cat "$FB_PIDFILE")
    if kill -0 "$pid" 2>/dev/null; then
      fb_say "stopping the dockerd this project started (pid $pid)"
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    fi
    rm -f "$FB_PIDFILE"
  fi
}

fb_install() {
  local need=()
  command -v dockerd >/dev/null 2>&1 && [ -x "$FB_DOCKER" ] || need+=(docker.io)
  [ -x /bin/busybox ] || [ -x /usr/bin/busybox ] || need+=(busybox-static)
  command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
  command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
  # The registry auth test makes its bcrypt htpasswd line with python3's crypt module.
  command -v python3 >/dev/null 2>&1 || need+=(python3)
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    fb_say "missing ${need[*]}; install them as root (apt-get install ${need[*]})"
    return 1
  fi
  fb_say "installing Debian packages: ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
}

fb_start() {
  if fb_daemon_ok; then
    fb_say "a Docker daemon already answers${DOCKER_HOST:+ at DOCKER_HOST=$DOCKER_HOST}; using it"
    return 0
  fi
  # The user named a daemon: use that one or none, never start another elsewhere behind their back.
  if [ -n "${DOCKER_HOST:-}" ]; then
    fb_say "DOCKER_HOST=$DOCKER_HOST does not answer (start it, e.g. scripts/dockerd-host.sh start NAME)"
    return 1
  fi
  mkdir -p "$FB_STATE_DIR"
  fb_say "starting dockerd (log: $FB_STATE_DIR/dockerd.log)"
  dockerd --host unix:///var/run/docker.sock >"$FB_STATE_DIR/dockerd.log" 2>&1 &
  echo $! >"$FB_PIDFILE"
  for _ in $(seq 1 120); do
    if fb_daemon_ok; then
      FRESH_BUILD_DOCKERD_STARTED=1
      export FRESH_BUILD_DOCKERD_STARTED
      return 0
    fi
    kill -0 "$(cat "$FB_PIDFILE")" 2>/dev/null || break
    sleep 0.5
  done
  fb_say "dockerd did not come up; last lines of its log:"
  tail -n 5 "$FB_STATE_DIR/dockerd.log" >&2
  return 1
}

fb_base_image() { FB_DOCKER="$FB_DOCKER" bash "$(dirname "${BASH_SOURCE[0]}")/base-image.sh"; }

if [ "${1:-}" = "--stop" ]; then
  fb_stop
  (return 0 2>/dev/null) && return 0 || exit 0
fi

FRESH_BUILD_DOCKERD_STARTED=${FRESH_BUILD_DOCKERD_STARTED:-0}
if fb_install && fb_start && fb_base_image; then
  FB_DOCKER_READY=1
else
  FB_DOCKER_READY=0
  fb_say "no Docker daemon is available"
fi
export FB_DOCKER_READY FRESH_BUILD_DOCKERD_STARTED
# When executed (not sourced), the exit code says whether a daemon is ready.
(return 0 2>/dev/null) || exit $((1 - FB_DOCKER_READY))
