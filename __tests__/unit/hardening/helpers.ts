/**
 * Shared by the hardening suites: the CLI run in-process, a fake docker client (a real
 * executable, so the product's own exec wrapper spawns it), and a way to make a file unreadable
 * although the tests run as root.
 */
import { expect } from '@jest/globals'
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
export { runCli, type CliRun } from '../../helpers/cli.js'
import { suiteEnv } from '../../helpers/env.js'
import type { CliRun } from '../../helpers/cli.js'

/** The suite's child environment (keeps DOCKER_HOST): see __tests__/helpers/env.ts. */
export { suiteEnv as cleanEnv }

/**
 * The error contract: exit 2, exactly one stderr line `fresh-build: error: ...` matching
 * `what`, nothing on stdout, no stack trace.
 */
export function expectOneErrorLine(run: CliRun, what: RegExp, json = false): void {
  // With --json, stdout is exactly one document holding the same message.
  const stdout = json
    ? (JSON.parse(run.stdout) as { error: { message: string } }).error.message
    : run.stdout
  expect({ code: run.code, stdout: json ? 'error document' : stdout }).toEqual({
    code: 2,
    stdout: json ? 'error document' : ''
  })
  if (json) expect(`fresh-build: error: ${stdout}`).toMatch(what)
  const lines = run.stderr.split('\n')
  expect(lines.at(-1)).toBe('')
  const errors = lines.filter(l => l.startsWith('fresh-build: error: '))
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatch(what)
  expect(run.stderr).not.toMatch(/^\s+at /m)
}

/** A temp directory every process can enter (mkdtemp makes 0700, which a dropped uid cannot). */
export function openTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  chmodSync(dir, 0o755)
  return dir
}

/**
 * Runs `fn` with the effective uid/gid of `nobody`, so permission bits apply although the suite
 * runs as root (root reads a 0000 file anyway). The real uid stays root, so the ids come back
 * afterwards. seteuid applies to every thread of the process (glibc broadcasts it), including
 * libuv's file-system pool. Without root, permission bits apply already and `fn` just runs.
 */
export async function withoutRoot<T>(fn: () => Promise<T>): Promise<T> {
  if (typeof process.geteuid !== 'function' || process.geteuid() !== 0) return fn()
  const setegid = process.setegid as (id: number) => void
  const seteuid = process.seteuid as (id: number) => void
  setegid(65534)
  seteuid(65534)
  try {
    return await fn()
  } finally {
    seteuid(0)
    setegid(0)
  }
}

export interface FakeDocker {
  /** The executable to pass as --docker. */
  bin: string
  /** Every argv it was called with, in order. */
  calls: () => string[][]
}

export interface FakeDockerOptions {
  /** Lines printed on stderr by `build`, before the image id (a BuildKit plain log). */
  buildLog?: string
  /** Exit code of `build` (default 0). */
  buildExit?: number
  /** `builder prune` fails. */
  pruneFails?: boolean
  /** `version` finds no daemon. */
  daemonDown?: boolean
  /** The last stderr line of a failing build (docker's reason). */
  buildError?: string
}

/**
 * A docker client stand-in as a Node script: it answers `version`, `buildx version` (absent),
 * `builder prune` and `build` (prints the given log, writes the iidfile), and records every argv
 * as one JSON line. Anything else fails, so an unexpected docker call shows up as an error.
 */
export function fakeDocker(dir: string, opts: FakeDockerOptions = {}): FakeDocker {
  const bin = join(dir, 'docker.cjs')
  const callsFile = join(dir, 'docker-calls.jsonl')
  const logFile = join(dir, 'docker-build.log')
  writeFileSync(logFile, opts.buildLog ?? '')
  writeFileSync(
    bin,
    `#!/usr/bin/env node
const fs = require('node:fs')
const crypto = require('node:crypto')
const args = process.argv.slice(2)
fs.appendFileSync(${JSON.stringify(callsFile)}, JSON.stringify(args) + '\\n')
const cfg = ${JSON.stringify({ ...opts, logFile })}
const say = (s) => process.stdout.write(s + '\\n')
const err = (s) => process.stderr.write(s + '\\n')
if (args[0] === 'version') {
  if (cfg.daemonDown) {
    say('{"Client":{"Version":"20.10.24"},"Server":null}')
    err('Cannot connect to the Docker daemon at unix:///fake.sock. Is the docker daemon running?')
    process.exit(1)
  }
  say('{"Client":{"Version":"20.10.24"},"Server":{"Version":"20.10.24","Os":"linux"}}')
} else if (args[0] === 'buildx') {
  err("docker: 'buildx' is not a docker command.")
  process.exit(1)
} else if (args[0] === 'builder' && args[1] === 'prune') {
  if (cfg.pruneFails) {
    err('Error response from daemon: fake prune failure')
    process.exit(1)
  }
  say('Total reclaimed space: 0B')
} else if (args[0] === 'build') {
  process.stderr.write(fs.readFileSync(cfg.logFile, 'utf8'))
  if (cfg.buildExit) {
    err(cfg.buildError || 'ERROR: fake build failure')
    process.exit(cfg.buildExit)
  }
  const id = 'sha256:' + crypto.createHash('sha256').update(JSON.stringify(args)).digest('hex')
  const iid = args[args.indexOf('--iidfile') + 1]
  if (iid) fs.writeFileSync(iid, id)
  err('#9 writing image ' + id + ' done')
} else {
  err('fake docker: unsupported command ' + args.join(' '))
  process.exit(1)
}
`,
    { mode: 0o755 }
  )
  return {
    bin,
    calls: () =>
      existsSync(callsFile)
        ? readFileSync(callsFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map(l => JSON.parse(l) as string[])
        : []
  }
}

/** A BuildKit plain log of a single-stage build whose only vertex is this one instruction. */
export function plainLog(instruction: string, opts: { cached?: boolean; output?: string[] } = {}) {
  return [
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    `#2 [1/1] ${instruction}`,
    ...(opts.output ?? []),
    opts.cached ? '#2 CACHED' : '#2 DONE 0.1s',
    '#3 exporting to image',
    '#3 DONE 0.0s',
    ''
  ].join('\n')
}
