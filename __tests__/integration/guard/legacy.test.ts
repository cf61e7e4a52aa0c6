/**
 * The legacy builder (a 28.x client without buildx): it sends the whole context and keys COPY on
 * content, so even a same-size edit with the mtime kept rebuilds; and a stale verdict over a
 * legacy log names the legacy builder as a likely cause.
 */
import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { BASE_IMAGE, describeDocker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import {
  buildArgv,
  catInImage,
  cli,
  editKeepingMtime,
  expectStaleReport,
  LEGACY_DOCKER,
  Scratch,
  stepOf
} from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())
const OLD = `old ${scratch.nonce}\n`
const NEW = `new ${scratch.nonce}\n`
const COPY = 'COPY src /app/src'
const DOCKERFILE = `FROM ${BASE_IMAGE}\n${COPY}\n`

/** A plain legacy build through the 28.x client, its whole log kept in a file. */
function legacyBuild(ctx: string, tag: string, logFile: string): void {
  const r = spawnSync(LEGACY_DOCKER, ['build', '--tag', tag, ctx], {
    env: suiteEnv({ DOCKER_BUILDKIT: '0' }),
    encoding: 'utf8'
  })
  writeFileSync(logFile, r.stdout + r.stderr)
  if (r.status !== 0) throw new Error(`legacy build failed: ${r.stderr}`)
}

describeDocker('guard: the legacy builder', () => {
  test('the legacy builder rebuilds a kept-mtime edit (fresh) and a cached revert is verified', async () => {
    const ctx = scratch.tree({ Dockerfile: DOCKERFILE, 'src/a.txt': OLD })
    const state = scratch.statePath()
    const build = async (name: string) => {
      const tag = scratch.tag(name)
      return { tag, run: await cli(buildArgv(ctx, state, tag, [], LEGACY_DOCKER)) }
    }
    const base = await build('legacy-base')
    expect(base.run.code).toBe(0)
    expect(base.run.json.verdict).toBe('baseline')
    expect(base.run.json.warnings.join('\n')).toMatch(/falls back to the legacy builder/)

    editKeepingMtime(join(ctx, 'src/a.txt'), NEW)
    const edited = await build('legacy-edit')
    expect(edited.run.stderr).toMatch(/Step 2\/\d+ : COPY src \/app\/src\n(?! ---> Using cache)/)
    expect(edited.run.code).toBe(0)
    expect(edited.run.json.verdict).toBe('fresh')
    expect(edited.run.json.pruned).toMatchObject({ policy: 'source', done: false })
    expect(edited.run.json.pruned?.note).toMatch(/legacy builder/)
    expect(stepOf(edited.run.json, COPY)).toMatchObject({
      changed: true,
      cached: false,
      status: 'ran'
    })
    // The legacy builder appends a LABEL step per --label; the proof still finds the COPY layer.
    expect(edited.run.json.warnings.join('\n')).not.toMatch(/could not read the layer/)
    expect(catInImage(edited.tag, '/app/src/a.txt')).toBe(NEW)

    // Back to the baseline bytes: the baseline image's layers serve the COPY (`Using cache`).
    editKeepingMtime(join(ctx, 'src/a.txt'), OLD)
    const reverted = await build('legacy-revert')
    expect(reverted.run.code).toBe(0)
    expect(reverted.run.json.verdict).toBe('fresh')
    expect(stepOf(reverted.run.json, COPY)).toMatchObject({
      changed: true,
      cached: true,
      status: 'verified',
      staleFiles: []
    })
    expect(catInImage(reverted.tag, '/app/src/a.txt')).toBe(OLD)
  })

  test('check names the legacy builder when a legacy log shows a changed COPY served from cache', async () => {
    // Constructed: the edit lands after the builds, so `check` judges a cached legacy build
    // (the second of two identical builds) of the old bytes against the new context.
    const ctx = scratch.tree({ Dockerfile: DOCKERFILE, 'src/a.txt': OLD })
    const state = scratch.statePath()
    const tag = scratch.tag('legacy')
    const [log1, log2] = [join(dirname(state), '1.log'), join(dirname(state), '2.log')]
    legacyBuild(ctx, tag, log1)
    legacyBuild(ctx, tag, log2)
    const check = (log: string): string[] => [
      'check',
      '--context',
      ctx,
      '--state',
      state,
      '--log',
      log,
      '--image',
      tag,
      '--docker',
      LEGACY_DOCKER
    ]
    expect((await cli(check(log1))).json.verdict).toBe('baseline')

    writeFileSync(join(ctx, 'src/a.txt'), `${NEW}and longer\n`)
    const run = await cli(check(log2))
    expect(stepOf(run.json, COPY).cached).toBe(true)
    expectStaleReport(
      run,
      { instruction: COPY, line: 2 },
      'src/a.txt',
      /legacy builder keeps its cache in images/
    )
    expect(catInImage(tag, '/app/src/a.txt')).toBe(OLD)
  })
})
