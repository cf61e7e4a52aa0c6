#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs npm packages, makes a Docker daemon available
# (scripts/docker-up.sh), runs the unit tests (in parallel) and the integration tests (one at a time:
# they share one daemon and its builder cache), then prints one plain line `N passed, N failed`
# summed from jest's JSON results. Stops dockerd only if it started it. Extra arguments go to jest.
set -u
cd "$(dirname "$0")/.."

say() { echo "[test] $*" >&2; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (npm ci)"
  # Plain `npm ci`: it installs exactly the lockfile and never rewrites it.
  npm ci --no-audit --no-fund >&2 || exit 2
fi

# shellcheck source=scripts/docker-up.sh
source scripts/docker-up.sh
if [ "$FB_DOCKER_READY" != 1 ]; then
  say "no Docker daemon: Docker tests will fail under CI=true and be skipped otherwise"
fi

results=$(mktemp -d)
rc=0
# Jest ignores testTimeout and maxWorkers inside a multi-project config, so each kind runs on its own.
say "running the unit tests"
NODE_OPTIONS=--experimental-vm-modules npx jest -c jest.unit.config.js --json --passWithNoTests \
  --outputFile="$results/unit.json" "$@" || rc=1
say "running the integration tests against the real daemon (serially)"
NODE_OPTIONS=--experimental-vm-modules npx jest -c jest.integration.config.js --runInBand --json --passWithNoTests \
  --outputFile="$results/integration.json" "$@" || rc=1

if [ "${FRESH_BUILD_DOCKERD_STARTED:-0}" = 1 ]; then
  bash scripts/docker-up.sh --stop
fi

node -e '
  const fs = require("fs")
  let passed = 0, failed = 0, skipped = 0
  for (const f of process.argv.slice(1)) {
    let r
    try { r = JSON.parse(fs.readFileSync(f, "utf8")) } catch { failed += 1; continue }
    passed += r.numPassedTests
    // A suite that failed to run (syntax error, bad import) has no failed tests: count it.
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0)
    skipped += r.numPendingTests + r.numTodoTests
  }
  console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""))
  process.exit(failed > 0 ? 1 : 0)
' "$results/unit.json" "$results/integration.json" || rc=1
rm -rf "$results"
exit $rc
