/**
 * Drives `fresh-build build` and `fresh-build verify` in-process against the real daemon. Every
 * container, image, volume and compose project a suite makes carries its own prefix and is
 * removed by that prefix only.
 */
import { expect } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../helpers/cli.js'
import { DOCKER } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import { removeTree } from '../../helpers/tree.js'

export const COMPOSE = '/usr/bin/docker-compose'

export const ENV: NodeJS.ProcessEnv = suiteEnv({ DOCKER_BUILDKIT: '1' })
delete ENV.COMPOSE_PROJECT_NAME
delete ENV.COMPOSE_FILE
delete ENV.COMPOSE_PROFILES

export interface VerifyTarget {
  container: string | null
  service: string | null
  image: string | null
  expectedImage: string
  status: string
  causes: string[]
  details: string[]
  hints: string[]
  startedFrom: string | null
  imageCreated: string | null
  expectedCreated: string | null
  mounts: {
    type: string
    name: string | null
    destination: string
    anonymous: boolean
    shadowing: boolean
    covers: { line: number; dest: string }[]
  }[]
  files: { path: string; source: string; mount: string | null; expected: string; actual: string }[]
  compared: number
  rewritten: number
}

export interface VerifyDoc {
  verdict: string
  targets: VerifyTarget[]
  warnings: string[]
}

export interface Run {
  code: number
  stdout: string
  stderr: string
}

export function cli(argv: string[], cwd = tmpdir()): Promise<Run> {
  return runCli(argv, { cwd, env: ENV })
}

/** `build --json`; fails the test unless it passed. */
export async function build(
  argv: string[],
  cwd?: string,
  docker = DOCKER
): Promise<{ verdict: string; imageId: string }> {
  const r = await cli(['build', ...argv, '--docker', docker, '--json'], cwd)
  expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' })
  return JSON.parse(r.stdout) as { verdict: string; imageId: string }
}

/** `verify --json`: the document, and an exit code that matches the verdict. */
export async function verify(
  argv: string[],
  cwd?: string
): Promise<VerifyDoc & { stderr: string }> {
  const r = await cli(['verify', ...argv, '--docker', DOCKER, '--json'], cwd)
  if (r.code === 2) throw new Error(`verify failed:\n${r.stderr}`)
  const doc = JSON.parse(r.stdout) as VerifyDoc
  expect(r.code).toBe(doc.verdict === 'live' ? 0 : 1)
  return { ...doc, stderr: r.stderr }
}

/** The docker CLI, failing the test with its stderr. */
export function dk(args: string[], cwd?: string): string {
  const r = spawnSync(DOCKER, args, { cwd, env: ENV, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`)
  return r.stdout.trim()
}

export function compose(dir: string, args: string[]): string {
  const r = spawnSync(COMPOSE, args, { cwd: dir, env: ENV, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`docker-compose ${args.join(' ')}: ${r.stderr}`)
  return `${r.stdout}${r.stderr}`
}

/** Everything one suite makes, named with its prefix, removed by name at the end. */
export class Scratch {
  readonly prefix = `fbv${randomBytes(4).toString('hex')}`
  private readonly containers: string[] = []
  private readonly images: string[] = []
  private readonly volumes: string[] = []
  private readonly dirs: string[] = []
  private readonly projects: string[] = []
  private readonly ids = new Set<string>()

  /** An image id the suite built (older ones lose their tag as builds move on). */
  keep(id: string): string {
    this.ids.add(id)
    return id
  }

  name(what: string): string {
    const n = `${this.prefix}-${what}`
    this.containers.push(n)
    return n
  }

  tag(what: string): string {
    const t = `${this.prefix}-${what}:latest`
    this.images.push(t)
    return t
  }

  volume(what: string): string {
    const v = `${this.prefix}-${what}`
    this.volumes.push(v)
    return v
  }

  dir(what: string): string {
    const d = mkdtempSync(join(tmpdir(), `${this.prefix}-${what}-`))
    this.dirs.push(d)
    return d
  }

  /** A compose project dir whose folder name (the project name) carries the prefix. */
  project(what: string): { dir: string; name: string } {
    const name = `${this.prefix}${what}`
    const dir = join(this.dir('compose'), name)
    this.projects.push(dir)
    return { dir, name }
  }

  run(name: string, image: string, extra: string[] = [], cmd: string[] = []): string {
    return dk(['run', '-d', '--name', name, ...extra, image, ...cmd])
  }

  cleanup(): void {
    for (const dir of this.projects) {
      spawnSync(COMPOSE, ['down', '--volumes', '--rmi', 'local', '--timeout', '0'], {
        cwd: dir,
        env: ENV,
        stdio: 'ignore'
      })
    }
    if (this.containers.length > 0)
      spawnSync(DOCKER, ['rm', '--force', '--volumes', ...this.containers], {
        env: ENV,
        stdio: 'ignore'
      })
    if (this.volumes.length > 0)
      spawnSync(DOCKER, ['volume', 'rm', ...this.volumes], { env: ENV, stdio: 'ignore' })
    if (this.images.length > 0)
      spawnSync(DOCKER, ['image', 'rm', '--force', ...this.images], { env: ENV, stdio: 'ignore' })
    // Unforced: an id some container still uses stays.
    if (this.ids.size > 0)
      spawnSync(DOCKER, ['image', 'rm', ...this.ids], { env: ENV, stdio: 'ignore' })
    this.dirs.forEach(removeTree)
  }
}
