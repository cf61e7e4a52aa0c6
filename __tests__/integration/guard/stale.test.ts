/**
 * Issue 3, on the real daemon: a same-size edit whose mtime was kept is served from the builder's
 * stale context cache. With `--prune never` the guard must say stale (exit 1), naming the line, the
 * file and a cause; with the default policy (`--prune source`) the same edit builds fresh.
 */
import { afterAll, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCli } from '../../../src/cli/args.js'
import { dockerClient, dockerExec, type DockerExec } from '../../../src/docker/exec.js'
import { runGuard } from '../../../src/pipeline/guard.js'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import {
  buildArgv,
  catInImage,
  cli,
  editKeepingMtime,
  expectStaleReport,
  Scratch,
  stepOf,
  withStaleCache
} from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())

// Unique per run so no earlier run's cache can legitimately hold them; same size by design.
const OLD_A = `a-old ${scratch.nonce}\n`
const NEW_A = `a-new ${scratch.nonce}\n`

interface Scenario {
  dockerfile: string
  /** The COPY that reads src/, and its line. */
  copy: { instruction: string; line: number }
  /** Where the final image shows src/a.txt. */
  imagePath: string
  /** Also change src/b.txt normally (size and mtime), so the COPY runs. */
  touchB?: boolean
}

/**
 * Baseline, then the kept-mtime edit built with `--prune never`, judged against what the image
 * really holds; then the same context built with the default policy. Null when another suite's
 * prune let the new bytes through (nothing stale to catch; the verdict must then be fresh).
 */
async function staleThenCured(s: Scenario): Promise<true | null> {
  const ctx = scratch.tree({
    Dockerfile: s.dockerfile,
    'src/a.txt': OLD_A,
    'src/b.txt': `b-old ${scratch.nonce}\n`
  })
  const state = scratch.statePath()
  const imgBase = scratch.tag('base')
  const base = await cli(buildArgv(ctx, state, imgBase, ['--prune', 'never']))
  expect(base.code).toBe(0)
  expect(base.json.verdict).toBe('baseline')
  expect(catInImage(imgBase, s.imagePath)).toBe(OLD_A)

  editKeepingMtime(join(ctx, 'src/a.txt'), NEW_A)
  if (s.touchB) editKeepingMtime(join(ctx, 'src/b.txt'), `b-new, longer ${scratch.nonce}\n`)
  const imgStale = scratch.tag('stale')
  const never = await cli(buildArgv(ctx, state, imgStale, ['--prune', 'never']))
  const held = catInImage(imgStale, s.imagePath)
  const copy = stepOf(never.json, s.copy.instruction)
  if (held === NEW_A) {
    // The cache was pruned under us: the build is fresh and must not be called stale.
    expect(never.code).toBe(0)
    expect(never.json.verdict).toBe('fresh')
    return null
  }
  expect(held).toBe(OLD_A)
  expect(copy.changed).toBe(true)
  expect(copy.changedFiles).toEqual(s.touchB ? ['src/a.txt', 'src/b.txt'] : ['src/a.txt'])
  // Kept mtime alone: the COPY says CACHED. With b.txt changed too it RAN, yet a.txt is old.
  expect(copy.cached).toBe(!s.touchB)
  expect(never.json.pruned).toBeNull()
  expectStaleReport(never, s.copy, 'src/a.txt', /modification time kept.*src\/a\.txt/)
  expect(never.json.causes.join('\n')).toMatch(/not pruned \(prune: never\)/)

  // The default policy prunes the context-sync cache: the same edit now builds fresh.
  const imgFresh = scratch.tag('fresh')
  const cured = await cli(buildArgv(ctx, state, imgFresh))
  expect(cured.code).toBe(0)
  expect(cured.json.verdict).toBe('fresh')
  expect(cured.json.pruned).toMatchObject({ policy: 'source', done: true })
  expect(cured.json.causes).toEqual([])
  expect(stepOf(cured.json, s.copy.instruction)).toMatchObject({
    changed: true,
    cached: false,
    status: 'ran',
    staleFiles: []
  })
  expect(catInImage(imgFresh, s.imagePath)).toBe(NEW_A)
  return true
}

describeDocker('guard: same-size edits with the mtime kept', () => {
  test('a cached COPY with old bytes is stale under --prune never and fresh by default', async () => {
    await withStaleCache(
      () =>
        staleThenCured({
          dockerfile: `FROM ${BASE_IMAGE}\nWORKDIR /app\nCOPY src ./src\n`,
          copy: { instruction: 'COPY src ./src', line: 3 },
          imagePath: '/app/src/a.txt'
        }),
      'single stage'
    )
  })

  test('a stale COPY in an intermediate stage is caught through the stage that copies from it', async () => {
    await withStaleCache(
      () =>
        staleThenCured({
          dockerfile: [
            `FROM ${BASE_IMAGE} AS builder`,
            'COPY src /build/src',
            'RUN cat /build/src/a.txt > /build/out.txt',
            `FROM ${BASE_IMAGE}`,
            'COPY --from=builder /build/out.txt /app/out.txt',
            ''
          ].join('\n'),
          copy: { instruction: 'COPY src /build/src', line: 2 },
          imagePath: '/app/out.txt'
        }),
      'intermediate stage'
    )
  })

  test('a COPY that ran for a second changed file still carries the stale file, and is stale', async () => {
    await withStaleCache(
      () =>
        staleThenCured({
          dockerfile: `FROM ${BASE_IMAGE}\nCOPY src /app/src\n`,
          copy: { instruction: 'COPY src /app/src', line: 2 },
          imagePath: '/app/src/a.txt',
          touchB: true
        }),
      'second file changed'
    )
  })

  test("a stage rebuilt for proof that missed this build's cache cannot clear a stale COPY", async () => {
    const dockerfile = [
      `FROM ${BASE_IMAGE} AS builder`,
      'COPY src /build/src',
      `FROM ${BASE_IMAGE}`,
      'COPY --from=builder /build/src/a.txt /app/a.txt',
      ''
    ].join('\n')
    const base = dockerExec(dockerClient({ dockerPath: DOCKER }))
    // The context-sync cache goes away between the build and the proof's stage build (what a
    // cron prune or another job can do): the stage build re-sends the context and makes NEW layers.
    const stageImages: string[] = []
    const pruneBeforeStageBuild: DockerExec = async (args, opts) => {
      if (args[0] === 'build' && args.includes('--target')) {
        await base(['builder', 'prune', '-f', '--filter', 'type=source.local'])
        const r = await base(args, opts)
        // Read now: the build's temp dir (and its iid file) is removed once runBuild returns.
        stageImages.push(readFileSync(args[args.indexOf('--iidfile') + 1] ?? '', 'utf8').trim())
        return r
      }
      return base(args, opts)
    }
    await withStaleCache(async () => {
      const ctx = scratch.tree({ Dockerfile: dockerfile, 'src/a.txt': OLD_A })
      const state = scratch.statePath()
      const argv = (tag: string): string[] => buildArgv(ctx, state, tag, ['--prune', 'never'])
      expect((await cli(argv(scratch.tag('base')))).json.verdict).toBe('baseline')
      editKeepingMtime(join(ctx, 'src/a.txt'), NEW_A)

      const img = scratch.tag('stage')
      const parsed = parseCli(argv(img), ctx, process.env)
      if (parsed.command !== 'build') throw new Error('expected a build command')
      const results = await runGuard('build', parsed.guard, null, {
        progress: () => undefined,
        env: process.env,
        cwd: ctx,
        exec: pruneBeforeStageBuild
      })
      expect(results).toHaveLength(1)
      const j = results[0]?.judgement
      if (!j) throw new Error('no judgement')
      const copy = stepOf(j, 'COPY src /build/src')
      if (!copy.cached) return null
      expect(catInImage(img, '/app/a.txt')).toBe(OLD_A)
      expect(j.verdict).toBe('stale')
      // Not seen to be old (that layer was never read): stale as unproven, saying why.
      expect(copy).toMatchObject({
        line: 2,
        status: 'stale',
        staleFiles: [],
        unprovenFiles: ['src/a.txt']
      })
      expect(copy.unproven).toMatch(/its layer could not be read.*re-ran COPY src/)
      // The untagged image the stage build made is not left behind on the daemon.
      expect(stageImages).toHaveLength(1)
      const stageImage = stageImages[0] ?? ''
      expect(stageImage).toMatch(/^sha256:/)
      expect(() => docker(['image', 'inspect', stageImage])).toThrow(/No such image/)
      return true
    }, 'stage rebuilt after a prune')
  })
})
