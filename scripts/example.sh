#!/usr/bin/env bash
# `npm run example`: everything from a fresh machine, then the main job (`fresh-build build`) on
# examples/app, four times, showing each verdict:
#   1. baseline   - no record yet
#   2. unchanged  - nothing changed; cached steps are expected
#   3. stale      - a same-size edit with its mtime kept, built with --prune never: BuildKit
#                   serves the old bytes from its context cache, and the guard fails the build
#   4. fresh      - the same edit with the default policy: the context cache is pruned first
# then `fresh-build verify` on a container started after the baseline, as a deploy that forgot to
# recreate it: old-image (stale), and live once it is recreated from the new image.
# The example is copied to a temporary directory; the repository is not modified.
set -u
cd "$(dirname "$0")/.."
say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

if [ ! -d node_modules ]; then
  say "installing npm packages (npm ci)"
  # Plain `npm ci`: it installs exactly the lockfile and never rewrites it.
  npm ci --no-audit --no-fund >&2 || exit 2
fi
# shellcheck source=scripts/docker-up.sh
source scripts/docker-up.sh
[ "$FB_DOCKER_READY" = 1 ] || { echo "no Docker daemon could be started" >&2; exit 2; }

# Prefer the BuildKit-capable client: the stale case needs BuildKit's context cache.
[ -x /usr/bin/docker ] && export DOCKER_PATH=${DOCKER_PATH:-/usr/bin/docker}
work=$(mktemp -d)
cp -a examples/app "$work/app"
state="$work/state.json"
cli=(node dist/cli/index.js build --context "$work/app" --state "$state" --tag fresh-build-example:latest)
failed=0

expect() { # expect VERDICT EXIT -- runs the build and checks its verdict and exit code
  local want=$1 want_code=$2 out code verdict
  shift 2
  out=$("${cli[@]}" "$@" --json)
  code=$?
  verdict=$(printf '%s' "$out" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).verdict)}catch{console.log("error")}})')
  if [ "$verdict" = "$want" ] && [ "$code" = "$want_code" ]; then
    echo "-> verdict $verdict, exit $code (as expected)" >&2
  else
    echo "-> verdict $verdict, exit $code; expected $want, exit $want_code" >&2
    failed=1
  fi
}
serving() { "${DOCKER_PATH:-docker}" run --rm fresh-build-example:latest 2>/dev/null; }

say "1. first guarded build: baseline"
expect baseline 0
echo "the image serves: $(serving)" >&2
# The "deployed" service: a container of this run's own name, removed at the end.
container="fresh-build-example-$$"
"${DOCKER_PATH:-docker}" run -d --name "$container" fresh-build-example:latest sleep 3600 >/dev/null || failed=1

say "2. rebuild without changes: unchanged"
expect unchanged 0

say "3. same-size edit, mtime kept (as rsync -t or tar do), built with --prune never: stale"
ref="$work/ref"
cp -p "$work/app/server/version.txt" "$ref"
printf 'server version B\n' >"$work/app/server/version.txt"
touch -r "$ref" "$work/app/server/version.txt"
expect stale 1 --prune never
echo "the image serves: $(serving)   <- the old code, which is why the build failed" >&2

say "4. the same edit with the default policy (prune the context cache): fresh"
expect fresh 0
echo "the image serves: $(serving)" >&2

verify() { # verify VERDICT EXIT -- checks the running container against the last good build
  local want=$1 want_code=$2 code
  node dist/cli/index.js verify --container "$container" --context "$work/app" --state "$state"
  code=$?
  if [ "$code" = "$want_code" ]; then echo "-> $want, exit $code (as expected)" >&2; else
    echo "-> exit $code; expected $want, exit $want_code" >&2
    failed=1
  fi
}

say "5. verify the deploy: the container still runs the baseline's image: stale (old-image)"
verify stale 1

say "6. recreate the container from the new image, verify again: live"
"${DOCKER_PATH:-docker}" rm --force "$container" >/dev/null
"${DOCKER_PATH:-docker}" run -d --name "$container" fresh-build-example:latest sleep 3600 >/dev/null || failed=1
verify live 0
"${DOCKER_PATH:-docker}" rm --force "$container" >/dev/null

rm -rf "$work"
if [ "${FRESH_BUILD_DOCKERD_STARTED:-0}" = 1 ]; then bash scripts/docker-up.sh --stop; fi
if [ $failed = 0 ]; then say "example done: every verdict as expected"; else say "example FAILED"; fi
exit $failed
