/**
 * For the attack suite (issue 13): bystanders that every attack must leave exactly as they were
 * (a volume's data, a running container, an image, files outside the workspace), and docker
 * clients that misbehave on cue: one that swaps folders for symlinks when it sees `builder
 * prune` (the clear race, made deterministic), one that never answers.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from '@jest/globals'
import { BASE_IMAGE, DOCKER, docker } from '../../helpers/docker.js'
import { makeTree } from '../../helpers/tree.js'
import type { Scratch } from './helpers.js'

/** A volume with data, a container running from an image of ours, and files outside any workspace. */
export class Bystanders {
  readonly id = randomBytes(5).toString('hex')
  readonly volume = `fb-hard-vol-${this.id}`
  readonly container = `fb-hard-ctr-${this.id}`
  readonly image = `fb-hard-img:${this.id}`
  outside = ''

  setUp(scratch: Scratch): void {
    docker(['volume', 'create', this.volume])
    docker([
      'run',
      '--rm',
      '-v',
      `${this.volume}:/data`,
      BASE_IMAGE,
      'sh',
      '-c',
      'echo keep > /data/db'
    ])
    const tree = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nLABEL fb.test=${this.id}\n` })
    docker(['build', '-q', '-t', this.image, tree])
    docker(['run', '-d', '--name', this.container, this.image, 'sleep', '600'])
    this.outside = makeTree(
      { 'precious/data': 'not yours\n', 'notes.txt': 'keep\n' },
      scratch.dir()
    )
  }

  /** Everything is as it was. */
  expectIntact(): void {
    expect(
      docker(['run', '--rm', '-v', `${this.volume}:/data`, BASE_IMAGE, 'cat', '/data/db'])
    ).toBe('keep\n')
    expect(docker(['inspect', '--format', '{{.State.Running}}', this.container]).trim()).toBe(
      'true'
    )
    expect(
      docker([
        'image',
        'inspect',
        '--format',
        '{{index .Config.Labels "fb.test"}}',
        this.image
      ]).trim()
    ).toBe(this.id)
    expect(readFileSync(join(this.outside, 'precious/data'), 'utf8')).toBe('not yours\n')
    expect(readFileSync(join(this.outside, 'notes.txt'), 'utf8')).toBe('keep\n')
  }

  tearDown(): void {
    spawnSync(DOCKER, ['rm', '--force', this.container], { stdio: 'ignore' })
    spawnSync(DOCKER, ['volume', 'rm', this.volume], { stdio: 'ignore' })
    spawnSync(DOCKER, ['image', 'rm', '--force', this.image], { stdio: 'ignore' })
  }
}

/**
 * A docker client (a Node script: the product never runs a shell) that is the real one, except
 * that on `builder prune` it first replaces each `[path, target]` folder with a symlink to
 * `target` (the original kept at `path.orig`), and that it logs every argv, one JSON line each.
 */
export function swappingDocker(
  scratch: Scratch,
  swaps: [path: string, target: string][]
): { bin: string; calls: () => string[][] } {
  const dir = scratch.dir('fb-hard-bin-')
  const bin = join(dir, 'docker-swap.cjs')
  const log = join(dir, 'calls.jsonl')
  writeFileSync(
    bin,
    `#!/usr/bin/env node
const fs = require('node:fs')
const { spawnSync } = require('node:child_process')
const args = process.argv.slice(2)
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n')
if (args[0] === 'builder' && args[1] === 'prune') {
  for (const [path, target] of ${JSON.stringify(swaps)}) {
    if (fs.existsSync(path + '.orig')) continue
    fs.renameSync(path, path + '.orig')
    fs.symlinkSync(target, path)
  }
}
const r = spawnSync(${JSON.stringify(DOCKER)}, args, { stdio: 'inherit' })
process.exit(r.status === null ? 1 : r.status)
`
  )
  chmodSync(bin, 0o755)
  return {
    bin,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map(l => JSON.parse(l) as string[])
        : []
  }
}

/** A docker client that prints nothing and never exits (a hung daemon, as the client sees it). */
export function silentDocker(scratch: Scratch): string {
  const bin = join(scratch.dir('fb-hard-bin-'), 'docker-hang.cjs')
  writeFileSync(bin, `#!/usr/bin/env node\nsetInterval(() => undefined, 1 << 30)\n`)
  chmodSync(bin, 0o755)
  return bin
}
