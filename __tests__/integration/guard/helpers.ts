/**
 * Drives the CLI core in-process against the real daemon, one temp context and one state file
 * per scenario, and reads files back out of the images it built.
 */
import { expect } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Judgement, StepResult, StepStatus } from '../../../src/model.js'
import { runCli } from '../../helpers/cli.js'
import { DOCKER } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import { makeTree, removeTree, type TreeSpec } from '../../helpers/tree.js'

/** The 28.x client without buildx: builds with the legacy builder. */
export const LEGACY_DOCKER = '/usr/local/bin/docker'

/** Whole seconds, so putting the mtime back is exact to the nanosecond. */
export const KEPT_MTIME = 1_700_000_000

export interface CliRun {
  code: number
  json: Judgement
  stderr: string
}

/** Everything one suite creates, removed at the end (only what it created). */
export class Scratch {
  private readonly tags: string[] = []
  private readonly dirs: string[] = []
  readonly nonce = randomBytes(6).toString('hex')

  /** A tag of ours (fb-guard- prefix), unique per run. */
  tag(name: string): string {
    const t = `fb-guard-${name}:${this.nonce}-${this.tags.length}`
    this.tags.push(t)
    return t
  }

  /** A fresh context from a spec, with every file's mtime set to KEPT_MTIME. */
  tree(spec: TreeSpec): string {
    const dir = makeTree(spec)
    this.dirs.push(dir)
    for (const [rel, v] of Object.entries(spec)) {
      if (v !== null && (typeof v === 'string' || 'content' in v)) {
        utimesSync(join(dir, rel), KEPT_MTIME, KEPT_MTIME)
      }
    }
    return dir
  }

  /** A state file path outside any context. */
  statePath(): string {
    const dir = mkdtempSync(join(tmpdir(), 'fb-guard-state-'))
    this.dirs.push(dir)
    return join(dir, 'record.json')
  }

  cleanup(): void {
    if (this.tags.length > 0) {
      spawnSync(DOCKER, ['image', 'rm', '--force', ...this.tags], { stdio: 'ignore' })
    }
    this.dirs.forEach(removeTree)
  }
}

/** `fresh-build <argv> --json` in-process; the single JSON document on stdout, parsed. */
export async function cli(argv: string[], env: NodeJS.ProcessEnv = suiteEnv()): Promise<CliRun> {
  const { code, stdout, stderr } = await runCli([...argv, '--json'], { env })
  if (code === 2) throw new Error(`fresh-build ${argv.join(' ')} failed:\n${stderr}`)
  return { code, json: JSON.parse(stdout) as Judgement, stderr }
}

/** Common `build` argv for a context and its record. */
export function buildArgv(
  context: string,
  state: string,
  tag: string,
  extra: string[] = [],
  docker = DOCKER
): string[] {
  return [
    'build',
    '--context',
    context,
    '--state',
    state,
    '--docker',
    docker,
    '--tag',
    tag,
    '--commit',
    'c0ffee',
    ...extra
  ]
}

/** The file's bytes inside the image, read by the image's own busybox `cat`; null when absent. */
export function catInImage(image: string, path: string): string | null {
  const r = spawnSync(DOCKER, ['run', '--rm', '--network', 'none', image, 'cat', path], {
    encoding: 'utf8'
  })
  return r.status === 0 ? r.stdout : null
}

/** A same-size edit with the old mtime put back (rsync -t, tar, touch -d do this). */
export function editKeepingMtime(file: string, content: string): void {
  writeFileSync(file, content)
  utimesSync(file, KEPT_MTIME, KEPT_MTIME)
}

/** The judged step whose instruction is `instruction`. */
export function stepOf(j: Judgement, instruction: string): StepResult {
  const s = j.steps.find(x => x.instruction === instruction)
  if (!s) throw new Error(`no step "${instruction}" in ${JSON.stringify(j.steps)}`)
  return s
}

/** Statuses by instruction, for one readable assertion. */
export function statuses(j: Judgement): Record<string, StepStatus> {
  return Object.fromEntries(j.steps.map(s => [s.instruction, s.status]))
}

/** Asserts what every stale verdict must say: the step's line, the file, and a likely cause. */
export function expectStaleReport(
  run: CliRun,
  step: { instruction: string; line: number },
  staleFile: string,
  cause: RegExp
): void {
  expect(run.code).toBe(1)
  expect(run.json.verdict).toBe('stale')
  const s = stepOf(run.json, step.instruction)
  expect(s).toMatchObject({ line: step.line, status: 'stale', staleFiles: [staleFile] })
  expect(run.json.causes.some(c => cause.test(c))).toBe(true)
  // Judged by the bytes the layer holds, not for want of a readable layer.
  expect(run.json.warnings.join('\n')).not.toMatch(/could not read the layer/)
  // The human report on stderr names the same line, file and cause.
  expect(run.stderr).toMatch(new RegExp(`\\n\\S+\\s+\\d+\\s+${step.line}\\s+.*stale\\n`))
  expect(run.stderr).toContain(`old bytes in: ${staleFile}`)
  expect(run.stderr).toMatch(/likely causes:/)
  expect(run.stderr).toMatch(cause)
}

/**
 * Other engineers share this daemon and may prune the builder between two of our builds, which
 * hides a stale cache. A scenario whose precondition (the COPY shown CACHED) did not hold is run
 * again on a fresh context, up to 3 times; its assertions are never weakened.
 */
export async function withStaleCache<T>(
  attempt: () => Promise<T | null>,
  what: string
): Promise<T> {
  for (let i = 1; i <= 3; i++) {
    const r = await attempt()
    if (r !== null) return r
  }
  throw new Error(
    `${what}: the COPY was never CACHED in 3 attempts (the cache was pruned each time)`
  )
}
