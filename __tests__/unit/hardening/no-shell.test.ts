/**
 * No command ever goes through a shell: statically (only the exec wrapper touches
 * child_process, and never with a shell) and at run time (every process a full `build`, `check`
 * and `clear` start is an argv array spawned with `shell: false`).
 */
import { afterAll, describe, expect, jest, test } from '@jest/globals'
import * as realChild from 'node:child_process'
import type { SpawnOptions } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

interface Spawned {
  command: string
  args: unknown
  options: SpawnOptions | undefined
}
const spawned: Spawned[] = []
const forbidden: string[] = []

jest.unstable_mockModule('node:child_process', () => {
  const spawn = ((command: string, args: unknown, options?: SpawnOptions) => {
    spawned.push({ command, args, options })
    return (realChild.spawn as (c: string, a: unknown, o?: SpawnOptions) => unknown)(
      command,
      args,
      options
    )
  }) as typeof realChild.spawn
  // The shell-taking entry points: any call is a failure, recorded and refused.
  const refuse =
    (name: string) =>
    (...args: unknown[]): never => {
      forbidden.push(`${name}(${JSON.stringify(args[0])})`)
      throw new Error(`${name} must not be used`)
    }
  const mocked = {
    ...realChild,
    spawn,
    exec: refuse('exec'),
    execSync: refuse('execSync'),
    execFile: refuse('execFile'),
    execFileSync: refuse('execFileSync'),
    spawnSync: refuse('spawnSync'),
    fork: refuse('fork')
  }
  return { ...mocked, default: mocked }
})

const { makeTree } = await import('../../helpers/tree.js')
const { fakeDocker, openTempDir, plainLog, runCli } = await import('./helpers.js')

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../../..')
const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(d =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []
  )
}

describe('no shell, statically', () => {
  const files = sources().map(f => ({ path: relative(ROOT, f), text: readFileSync(f, 'utf8') }))

  test('only the exec wrapper imports child_process, and nothing imports @actions/exec', () => {
    const importers = files
      .filter(f =>
        /from ['"](node:)?child_process['"]|require\(['"](node:)?child_process/.test(f.text)
      )
      .map(f => f.path)
    expect(importers).toEqual(['src/docker/exec.ts'])
    expect(files.filter(f => /['"]@actions\/exec['"]/.test(f.text)).map(f => f.path)).toEqual([])
  })

  test('no source asks for a shell or evaluates code', () => {
    const hits = files.flatMap(f =>
      [
        /shell\s*:\s*(true|['"`])/,
        /\beval\s*\(/,
        /new\s+Function\s*\(/,
        /\bexecSync\b|\bexecFile\b/
      ]
        .filter(re => re.test(f.text))
        .map(re => `${f.path}: ${re.source}`)
    )
    expect(hits).toEqual([])
    const wrapper = files.find(f => f.path === 'src/docker/exec.ts')?.text ?? ''
    expect(wrapper).toMatch(/spawn\(cmd, args, \{\s*shell: false,/)
  })
})

describe('no shell, at run time', () => {
  test('build (with git for the commit), check and clear spawn argv arrays with shell: false', async () => {
    const COPY = 'COPY app.txt /app.txt'
    const ctx = makeTree(
      { Dockerfile: `FROM scratch\n${COPY}\n`, 'app.txt': 'a\n', '.next/x': 'x' },
      openTempDir('fb-hard-sh-')
    )
    const side = openTempDir('fb-hard-sh-')
    dirs.push(ctx, side)
    const fake = fakeDocker(side, { buildLog: plainLog(COPY) })
    const state = join(side, 'record.json')
    const log = join(side, 'build.log')
    writeFileSync(log, plainLog(COPY, { cached: true }))
    const common = ['--context', ctx, '--state', state]
    // No --commit: the guard asks `git rev-parse HEAD` (ctx is no repository: that fails, fine).
    expect((await runCli(['build', ...common, '--docker', fake.bin])).code).toBe(0)
    // --verify none: this fake daemon has no image for check mode to prove the cached COPY from.
    expect(
      (await runCli(['check', ...common, '--log', log, '--commit', 'c', '--verify', 'none'])).code
    ).toBe(0)
    const clear = await runCli(['clear', ...common, '--docker', fake.bin, '--path', '.next'])
    expect(clear.code).toBe(0)

    const commands = spawned.map(s => s.command)
    expect(commands).toContain('git')
    expect(commands).toContain(fake.bin)
    expect(forbidden).toEqual([])
    for (const s of spawned) {
      expect(Array.isArray(s.args)).toBe(true)
      expect((s.args as unknown[]).every(a => typeof a === 'string')).toBe(true)
      expect(s.options?.shell).toBe(false)
    }
  })
})
