import { describe, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { suiteEnv } from './env.js'

/** The BuildKit-capable client (Debian's docker.io 20.10). */
export const DOCKER = process.env.FB_DOCKER ?? '/usr/bin/docker'
/** Offline base image imported by scripts/docker-up.sh. */
export const BASE_IMAGE = process.env.FB_BASE_IMAGE ?? 'fresh-build/busybox:1'

let cached: boolean | undefined
export function dockerAvailable(): boolean {
  if (cached === undefined) {
    const r = spawnSync(DOCKER, ['image', 'inspect', BASE_IMAGE], { stdio: 'ignore' })
    cached = r.status === 0
  }
  return cached
}

/**
 * describe() for tests that need the real daemon. Without one they are skipped on a developer
 * machine, but under CI=true they fail: a green run must mean the Docker claims were tested.
 */
export function describeDocker(name: string, fn: () => void): void {
  if (dockerAvailable()) {
    describe(name, fn)
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      test('needs a Docker daemon (run scripts/docker-up.sh)', () => {
        throw new Error(`no Docker daemon with ${BASE_IMAGE} is available to ${DOCKER}`)
      })
    })
  } else {
    describe.skip(name, fn)
  }
}

/** Runs the docker client with an argv array; throws with stderr on failure. */
export function docker(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}
): string {
  const r = spawnSync(DOCKER, args, {
    cwd: opts.cwd,
    env: suiteEnv({ DOCKER_BUILDKIT: '1', ...opts.env }),
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  if (r.status !== 0) {
    throw new Error(`docker ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  }
  return r.stdout + r.stderr
}

/** The newer client without buildx that falls back to the legacy builder (present on these machines). */
export const LEGACY_DOCKER = process.env.FB_LEGACY_DOCKER ?? '/usr/local/bin/docker'

/**
 * test() when a tool the test needs is present; otherwise skipped on a developer machine and
 * failed under CI=true, so a green CI run never hides a test that did not run.
 */
export type TestFn = (name: string, fn: () => unknown, timeout?: number) => void

export function testWhen(present: boolean, what: string): TestFn {
  if (present) return (name, fn, timeout) => test(name, async () => void (await fn()), timeout)
  if (process.env.CI === 'true') {
    return name =>
      test(name, () => {
        throw new Error(`${what} is missing on this machine`)
      })
  }
  return (name, fn, timeout) => test.skip(name, async () => void (await fn()), timeout)
}
