/**
 * Faults on the real daemon: an unreachable daemon, a prune that fails, a build that fails, a
 * run killed mid-build, two runs racing. In each the record stays a valid record of the last
 * good build, and the next run judges correctly.
 */
import { afterAll, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readRecord } from '../../../src/record/index.js'
import { describeDocker, DOCKER, BASE_IMAGE } from '../../helpers/docker.js'
import {
  baseEnv,
  cli,
  editKeepingMtime,
  judgement,
  readText,
  Scratch,
  type Run
} from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../../..')
/** The committed bundle: the CLI as users run it, in its own process. */
const BUNDLE = join(ROOT, 'dist', 'cli', 'index.js')

const COPY = 'COPY app.txt /app.txt'

/** Temp or lock files left beside the record (a crashed or racing write would leave them). */
function leftovers(state: string): string[] {
  return readdirSync(join(state, '..')).filter(n => /\.tmp$|\.lock$|\.reclaim$/.test(n))
}

function buildArgv(ctx: string, state: string, extra: string[] = [], docker = DOCKER): string[] {
  return [
    'build',
    '--context',
    ctx,
    '--state',
    state,
    '--docker',
    docker,
    '--commit',
    'c0ffee',
    ...extra
  ]
}

interface Child {
  child: ReturnType<typeof spawn>
  done: Promise<Run>
  /** Resolves once stderr matches `re`. */
  waitFor: (re: RegExp, timeoutMs: number) => Promise<void>
}

/** The bundled CLI as a child process, in its own process group (so a kill takes docker too). */
function spawnBundle(argv: string[]): Child {
  const child = spawn(process.execPath, [BUNDLE, ...argv], {
    env: baseEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  const done = new Promise<Run>(resolve =>
    child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }))
  )
  const waitFor = (re: RegExp, timeoutMs: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!re.test(stderr)) return
        clearTimeout(timer)
        child.stderr?.off('data', check)
        resolve()
      }
      const timer = setTimeout(() => {
        child.stderr?.off('data', check)
        reject(new Error(`stderr never matched ${re}:\n${stderr}`))
      }, timeoutMs)
      child.stderr?.on('data', check)
      check()
    })
  return { child, done, waitFor }
}

describeDocker('faults on the real daemon', () => {
  test('an unreachable daemon: exit 2 naming DOCKER_HOST, the record intact, no lock left', async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\n${COPY}\n`, 'app.txt': 'v1\n' })
    const state = scratch.state()
    const good = await cli([...buildArgv(ctx, state), '--tag', scratch.tag('down'), '--json'])
    expect(judgement(good).verdict).toBe('baseline')
    const before = readText(state)

    writeFileSync(join(ctx, 'app.txt'), 'v2 changed\n')
    const host = `unix:///tmp/fb-hard-no-daemon-${scratch.nonce}.sock`
    const run = await cli(buildArgv(ctx, state), baseEnv({ DOCKER_HOST: host }))
    expect(run.code).toBe(2)
    const errors = run.stderr.split('\n').filter(l => l.startsWith('fresh-build: error:'))
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`Docker daemon unreachable \\(DOCKER_HOST=${host}\\)`))
    ])
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(readText(state)).toBe(before)
    expect(existsSync(`${state}.lock`)).toBe(false)
  })

  test('a failing prune: the build still runs, pruned.done is false, and a stale verdict names it', async () => {
    const docker = scratch.failingPruneDocker()
    // Other suites may prune the shared builder between our builds, which hides the stale cache:
    // a fresh context per attempt, up to 3, and the assertions are never weakened.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const ctx = scratch.tree({
        Dockerfile: `FROM ${BASE_IMAGE}\n${COPY}\n`,
        'app.txt': `old ${scratch.nonce} ${attempt}\n`
      })
      const state = scratch.state()
      const argv = buildArgv(ctx, state, [], docker)
      const first = judgement(await cli([...argv, '--tag', scratch.tag('noprune'), '--json']))
      expect(first.verdict).toBe('baseline')
      expect(first.pruned).toMatchObject({ policy: 'source', done: false })
      const before = readText(state)

      editKeepingMtime(join(ctx, 'app.txt'), `new ${scratch.nonce} ${attempt}\n`)
      const run = await cli([...argv, '--tag', scratch.tag('noprune'), '--json'])
      const j = judgement(run)
      expect(j.pruned).toMatchObject({ policy: 'source', done: false })
      expect(j.pruned?.note).toMatch(
        /docker builder prune failed \(exit 1\): Error response from daemon: simulated prune failure/
      )
      expect(j.imageId).toMatch(/^sha256:/) // the build ran regardless
      const copy = j.steps.find(s => s.instruction === COPY)
      if (copy?.cached !== true) continue // someone pruned the builder meanwhile: try again
      expect(run.code).toBe(1)
      expect(j.verdict).toBe('stale')
      expect(copy).toMatchObject({ status: 'stale', staleFiles: ['app.txt'] })
      expect(j.causes).toContainEqual(
        expect.stringMatching(/the prune did not run to completion: .*simulated prune failure/)
      )
      expect(readText(state)).toBe(before) // a stale build never advances the record
      return
    }
    throw new Error('the COPY was never CACHED in 3 attempts (the builder was pruned each time)')
  })

  test('a failing build (RUN exits 1): exit 2 with docker’s reason, the record intact', async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\n${COPY}\n`, 'app.txt': 'v1\n' })
    const state = scratch.state()
    expect((await cli([...buildArgv(ctx, state), '--tag', scratch.tag('fail')])).code).toBe(0)
    const before = readText(state)

    writeFileSync(
      join(ctx, 'Dockerfile'),
      `FROM ${BASE_IMAGE}\n${COPY}\nRUN echo about to fail && exit 1\n`
    )
    const run = await cli(buildArgv(ctx, state))
    expect(run.code).toBe(2)
    const errors = run.stderr.split('\n').filter(l => l.startsWith('fresh-build: error:'))
    expect(errors).toEqual([
      // Which step failed, then docker's reason.
      expect.stringMatching(
        /^fresh-build: error: docker build failed \(exit 1\) at step 3\/3 RUN echo about to fail && exit 1: .*exit code: 1/
      )
    ])
    expect(readText(state)).toBe(before)
    expect(leftovers(state)).toEqual([])
  })

  test('killed mid-build (SIGKILL): the record is the previous one; the next run prunes and judges', async () => {
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nARG PAUSE=0\n${COPY}\nRUN sleep $PAUSE\n`,
      'app.txt': 'v1\n'
    })
    const state = scratch.state()
    const tag = scratch.tag('kill')
    expect(judgement(await cli([...buildArgv(ctx, state), '--tag', tag, '--json'])).verdict).toBe(
      'baseline'
    )
    const before = readText(state)

    // New bytes no earlier run has built, so the COPY and the RUN after it cannot be cached.
    writeFileSync(join(ctx, 'app.txt'), `v2 ${scratch.nonce}\n`)
    const { child, done, waitFor } = spawnBundle([
      ...buildArgv(ctx, state),
      '--tag',
      tag,
      '--build-arg',
      'PAUSE=60'
    ])
    try {
      // Killed once the build is inside the long RUN: the record lock is held, docker runs.
      await waitFor(/\] RUN sleep 60\n/, 60_000)
    } finally {
      process.kill(-(child.pid as number), 'SIGKILL')
    }
    const killed = await done
    expect(killed.code).toBe(-1) // no exit code: killed by a signal
    expect(readText(state)).toBe(before)
    expect(existsSync(`${state}.lock`)).toBe(true) // left by the dead run, reclaimed below

    const next = await cli([...buildArgv(ctx, state), '--tag', tag, '--json'])
    const j = judgement(next)
    expect(next.code).toBe(0)
    expect(j.verdict).toBe('fresh')
    expect(j.changedFiles).toEqual(['app.txt'])
    expect(j.pruned).toMatchObject({ policy: 'source', done: true })
    const record = await readRecord(state)
    expect(record?.contextHash).toBe(j.contextHash)
    expect(existsSync(`${state}.lock`)).toBe(false)
  })

  test('two runs racing on one record (two processes): one baseline, one unchanged, a valid record', async () => {
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\n${COPY}\n`,
      'app.txt': `race ${scratch.nonce}\n`
    })
    const state = scratch.state()
    const tag = scratch.tag('race')
    const runs = await Promise.all(
      [1, 2].map(() => spawnBundle([...buildArgv(ctx, state), '--tag', tag, '--json']).done)
    )
    for (const r of runs)
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: r.stderr })
    const verdicts = runs.map(r => judgement(r).verdict).sort()
    // The lock serialised them: the second saw the first one's record.
    expect(verdicts).toEqual(['baseline', 'unchanged'])
    const record = await readRecord(state)
    expect(record?.contextHash).toBe(judgement(runs[0] as Run).contextHash)
    expect(leftovers(state)).toEqual([])
  })
})
