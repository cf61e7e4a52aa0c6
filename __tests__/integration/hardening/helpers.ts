/**
 * Shared by the hardening suites on the real daemon: scratch contexts, records and tags that are
 * ours alone (removed at the end), and the CLI in-process.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Judgement } from '../../../src/model.js'
import { DOCKER } from '../../helpers/docker.js'
import { runCli, type CliRun } from '../../helpers/cli.js'
import { suiteEnv } from '../../helpers/env.js'
import { makeTree, type TreeSpec } from '../../helpers/tree.js'

/** Whole seconds, so putting an mtime back is exact to the nanosecond. */
export const KEPT_MTIME = 1_700_000_000

export type Run = CliRun

/** Everything a suite creates, removed at the end (only what it created). */
export class Scratch {
  readonly nonce = randomBytes(6).toString('hex')
  private readonly tags: string[] = []
  private readonly dirs: string[] = []

  /** A tag of ours (fb-hard- prefix), unique per run. */
  tag(name: string): string {
    const t = `fb-hard-${name}:${this.nonce}-${this.tags.length}`
    this.tags.push(t)
    return t
  }

  dir(prefix = 'fb-hard-'): string {
    const d = mkdtempSync(join(tmpdir(), prefix))
    this.dirs.push(d)
    return d
  }

  /** A context from a spec, every file's mtime set to KEPT_MTIME. */
  tree(spec: TreeSpec): string {
    const dir = makeTree(spec, this.dir('fb-hard-ctx-'))
    for (const [rel, v] of Object.entries(spec)) {
      if (v !== null && (typeof v === 'string' || 'content' in v))
        utimesSync(join(dir, rel), KEPT_MTIME, KEPT_MTIME)
    }
    return dir
  }

  /** A record path outside any context. */
  state(): string {
    return join(this.dir('fb-hard-state-'), 'record.json')
  }

  /**
   * A docker client that is /usr/bin/docker except that `builder prune` fails: a Node script,
   * as the product never runs a shell.
   */
  failingPruneDocker(): string {
    const bin = join(this.dir('fb-hard-bin-'), 'docker-no-prune.cjs')
    writeFileSync(
      bin,
      `#!/usr/bin/env node
const { spawnSync } = require('node:child_process')
const args = process.argv.slice(2)
if (args[0] === 'builder' && args[1] === 'prune') {
  process.stderr.write('Error response from daemon: simulated prune failure\\n')
  process.exit(1)
}
const r = spawnSync(${JSON.stringify(DOCKER)}, args, { stdio: 'inherit' })
process.exit(r.status === null ? 1 : r.status)
`
    )
    chmodSync(bin, 0o755)
    return bin
  }

  cleanup(): void {
    if (this.tags.length > 0)
      spawnSync(DOCKER, ['image', 'rm', '--force', ...this.tags], { stdio: 'ignore' })
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true })
  }
}

/** `fresh-build <argv>` in-process. */
export function cli(argv: string[], env: NodeJS.ProcessEnv = suiteEnv()): Promise<Run> {
  return runCli(argv, { env })
}

/** The suite's child environment (keeps DOCKER_HOST): see __tests__/helpers/env.ts. */
export { suiteEnv as baseEnv }

/** The JSON judgement of a `--json` run, with stderr in the message when it is not one. */
export function judgement(run: Run): Judgement {
  try {
    return JSON.parse(run.stdout) as Judgement
  } catch {
    throw new Error(`no JSON (exit ${run.code}):\n${run.stderr}`)
  }
}

/** A same-size edit with the old mtime put back (rsync -t, tar, touch -d do this). */
export function editKeepingMtime(file: string | Buffer, content: string): void {
  writeFileSync(file, content)
  utimesSync(file, KEPT_MTIME, KEPT_MTIME)
}

/** The file's bytes inside the image, read by the image's own busybox `cat`; null when absent. */
export function catInImage(image: string, path: string): string | null {
  const r = spawnSync(DOCKER, ['run', '--rm', '--network', 'none', image, 'cat', path], {
    encoding: 'utf8'
  })
  return r.status === 0 ? r.stdout : null
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8')
}
