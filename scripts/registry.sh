#!/usr/bin/env bash
# A registry of the project's own on loopback: Debian's docker-registry (the CNCF distribution
# registry, v2 API), storage in a temporary folder, no TLS (dockerd trusts 127.0.0.0/8 over HTTP).
#
#   scripts/registry.sh start [PORT] [--no-delete] [--htpasswd FILE]
#                                   # prints REGISTRY=127.0.0.1:PORT when /v2/ answers
#   scripts/registry.sh stop [PORT] # stops it, only if this script started it (its pid file),
#                                   # and removes its storage
#
# PORT defaults to 5000. `--no-delete` leaves the registry's delete setting off (the default of
# distribution), to show what clear says then. `--htpasswd FILE` turns on basic auth with that file.
# Each port has its own folder (config, storage, log, pid file) under FB_REGISTRY_DIR.
set -u

cmd=${1:-}
port=${2:-5000}
if [ -z "$cmd" ] || ! [[ "$port" =~ ^[0-9]{2,5}$ ]]; then
  echo "usage: scripts/registry.sh start|stop [PORT] [--no-delete] [--htpasswd FILE]" >&2
  exit 2
fi
shift $(($# < 2 ? $# : 2))
delete=true
htpasswd=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-delete) delete=false ;;
    --htpasswd)
      htpasswd=${2:-}
      shift
      ;;
    *)
      echo "registry.sh: unknown option $1" >&2
      exit 2
      ;;
  esac
  shift
done

REGISTRY_BIN=${REGISTRY_BIN:-/usr/bin/docker-registry}
root=${FB_REGISTRY_DIR:-/tmp/fresh-build-registry}/$port
pidfile="$root/registry.pid"
addr="127.0.0.1:$port"

say() { echo "[registry $addr] $*" >&2; }
answers() {
  # 200 without auth, 401 with it: either way the v2 API is there. Plain bash, no curl needed.
  local status
  status=$(
    { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || exit 1
    printf 'GET /v2/ HTTP/1.0\r\nHost: %s\r\n\r\n' "$addr" >&3
    timeout 5 head -n 1 <&3
  ) 2>/dev/null || return 1
  [[ "$status" =~ ^HTTP/[0-9.]+\ (200|401) ]]
}
ours() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "$cmd" in
  start)
    if ours; then
      say "already running (pid $(cat "$pidfile"))"
      echo "REGISTRY=$addr"
      exit 0
    fi
    if answers; then
      say "something else already answers on $addr: not ours, not touched"
      exit 2
    fi
    if [ ! -x "$REGISTRY_BIN" ]; then
      say "$REGISTRY_BIN is missing (apt-get install docker-registry)"
      exit 2
    fi
    rm -rf "$root"
    mkdir -p "$root/storage"
    {
      echo 'version: 0.1'
      echo 'log:'
      echo '  level: warn'
      echo 'storage:'
      echo '  filesystem:'
      echo "    rootdirectory: $root/storage"
      echo '  delete:'
      echo "    enabled: $delete"
      echo 'http:'
      echo "  addr: $addr"
      if [ -n "$htpasswd" ]; then
        echo 'auth:'
        echo '  htpasswd:'
        echo '    realm: fresh-build-test'
        echo "    path: $htpasswd"
      fi
    } >"$root/config.yml"
    say "starting $REGISTRY_BIN (delete $delete; log: $root/registry.log)"
    # setsid: its own process group, so a test runner's signals reach it only through stop.
    setsid "$REGISTRY_BIN" serve "$root/config.yml" >"$root/registry.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    for _ in $(seq 1 80); do
      if answers; then
        echo "REGISTRY=$addr"
        exit 0
      fi
      ours || break
      sleep 0.25
    done
    say "the registry did not come up; last lines of its log:"
    tail -n 5 "$root/registry.log" >&2
    ours && kill "$(cat "$pidfile")"
    exit 2
    ;;
  stop)
    if ours; then
      pid=$(cat "$pidfile")
      say "stopping the registry this script started (pid $pid)"
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    fi
    # Only a folder this script made (it holds our pid file or config) is removed.
    if [ -f "$root/config.yml" ]; then rm -rf "$root"; fi
    ;;
  *)
    echo "usage: scripts/registry.sh start|stop [PORT] [--no-delete] [--htpasswd FILE]" >&2
    exit 2
    ;;
esac
