#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs npm packages, makes a Docker daemon available
# (scripts/docker-up.sh), runs jest (unit + integration against the real daemon), then prints one
# plain line `N passed, N failed` read from jest's JSON results. Stops dockerd only if it started it.
set -u
cd "$(dirname "$0")/.."

say() { echo "[test] $*" >&2; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  # Some npm 11 configurations write lockfiles that their own `npm ci` then rejects (optional
  # platform packages recorded without versions); `npm install` honours the same locked versions.
  npm ci --no-audit --no-fund >&2 ||
    { say "npm ci refused the lockfile; falling back to npm install"; npm install --no-audit --no-fund >&2; } ||
    exit 2
fi

# shellcheck source=scripts/docker-up.sh
source scripts/docker-up.sh
if [ "$FB_DOCKER_READY" != 1 ]; then
  say "no Docker daemon: Docker tests will fail under CI=true and be skipped otherwise"
fi

results=$(mktemp)
say "running jest (unit + integration)"
NODE_OPTIONS=--experimental-vm-modules npx jest -c jest.config.js --json --outputFile="$results" "$@"
rc=$?

if [ "$FRESH_BUILD_DOCKERD_STARTED" = 1 ]; then
  bash scripts/docker-up.sh --stop
fi

node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))
  const skipped = r.numPendingTests + r.numTodoTests
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""))
' "$results" || { echo "0 passed, 1 failed"; rc=1; }
rm -f "$results"
exit $rc
