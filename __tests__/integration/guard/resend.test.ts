/**
 * Issue 17, on the real daemon: the default policy re-sends only the files whose bytes changed
 * since the record (a new mtime on just those) instead of pruning BuildKit's whole context
 * record, and falls back to the prune when the record cannot vouch for the builder's copy: no
 * record, no builder state kept with it, or a build of the same directory outside the guard.
 * Ground truth is the image's bytes and the daemon's own build-cache listing.
 */
import { afterAll, expect, test } from '@jest/globals'
import { existsSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  parseLocalSources,
  BUILD_CACHE_ARGV,
  type LocalSource
} from '../../../src/docker/buildcache.js'
import { builderStampPath } from '../../../src/pipeline/cure.js'
import { BASE_IMAGE, describeDocker, docker } from '../../helpers/docker.js'
import {
  buildArgv,
  catInImage,
  cli,
  editKeepingMtime,
  KEPT_MTIME,
  Scratch,
  stepOf
} from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())

// Unique per scenario (same size by design), so no earlier layer can legitimately hold them.
let scenario = 0
let OLD_A = ''
let NEW_A = ''
const DOCKERFILE = `FROM ${BASE_IMAGE}\nCOPY src /app/src\n`
const COPY = 'COPY src /app/src'

function contextRecords(): LocalSource[] {
  return parseLocalSources(docker(BUILD_CACHE_ARGV)).filter(s => s.description.endsWith(' context'))
}

/** A fresh context and record, built once with the default policy (no record: it prunes). */
async function baseline(extra: string[]): Promise<{ ctx: string; state: string }> {
  scenario++
  OLD_A = `a-old ${scratch.nonce} ${scenario}\n`
  NEW_A = `a-new ${scratch.nonce} ${scenario}\n`
  const ctx = scratch.tree({
    Dockerfile: DOCKERFILE,
    'src/a.txt': OLD_A,
    'src/b.txt': `b ${scratch.nonce}\n`
  })
  const state = scratch.statePath()
  const img = scratch.tag('base')
  const base = await cli(buildArgv(ctx, state, img, extra))
  expect(base.code).toBe(0)
  expect(base.json.verdict).toBe('baseline')
  expect(base.json.pruned).toMatchObject({ policy: 'source', done: true })
  expect(base.stderr).toMatch(/pruning, not re-sending: no record/)
  expect(existsSync(builderStampPath(state))).toBe(true)
  expect(catInImage(img, '/app/src/a.txt')).toBe(OLD_A)
  return { ctx, state }
}

describeDocker('guard: re-send what changed instead of pruning (default policy)', () => {
  for (const [cache, extra] of [
    ['warm', []],
    ['cold', ['--no-stat-cache']]
  ] as const) {
    test(`the mtime-kept same-size edit is re-sent, without a prune, and fresh (stat cache ${cache})`, async () => {
      const { ctx, state } = await baseline([...extra])
      const before = new Map(contextRecords().map(s => [s.id, s]))
      editKeepingMtime(join(ctx, 'src/a.txt'), NEW_A)
      const img = scratch.tag('resent')
      const run = await cli(buildArgv(ctx, state, img, [...extra]))
      expect(run.code).toBe(0)
      expect(run.json.verdict).toBe('fresh')
      expect(run.json.pruned).toBeNull()
      expect(run.stderr).toMatch(/re-sending 1 changed file\(s\) instead of pruning/)
      expect(run.stderr).not.toMatch(/pruning the builder cache/)
      expect(stepOf(run.json, COPY)).toMatchObject({ changed: true, cached: false, status: 'ran' })
      expect(catInImage(img, '/app/src/a.txt')).toBe(NEW_A)
      // No prune: the context records of the baseline are still there, used once more since.
      const after = contextRecords()
      const kept = after.filter(s => before.has(s.id) && s.usage > (before.get(s.id)?.usage ?? 0))
      expect(kept.length).toBeGreaterThan(0)
      // Only the changed file got a new mtime; the other kept its own.
      expect(statSync(join(ctx, 'src/a.txt')).mtimeMs).toBeGreaterThan(KEPT_MTIME * 1000)
      expect(statSync(join(ctx, 'src/b.txt')).mtimeMs).toBe(KEPT_MTIME * 1000)

      // And the next unchanged rebuild neither prunes nor re-sends anything.
      const again = await cli(buildArgv(ctx, state, scratch.tag('again'), [...extra]))
      expect(again.json.verdict).toBe('unchanged')
      expect(again.json.pruned).toBeNull()
      expect(again.stderr).not.toMatch(/re-sending|pruning/)
    })
  }

  test('without the builder state kept with the record, it prunes', async () => {
    const { ctx, state } = await baseline([])
    rmSync(builderStampPath(state))
    editKeepingMtime(join(ctx, 'src/a.txt'), NEW_A)
    const img = scratch.tag('nostamp')
    const run = await cli(buildArgv(ctx, state, img))
    expect(run.json.verdict).toBe('fresh')
    expect(run.json.pruned).toMatchObject({ policy: 'source', done: true })
    expect(run.stderr).toMatch(/pruning, not re-sending: no builder state kept/)
    expect(catInImage(img, '/app/src/a.txt')).toBe(NEW_A)
  })

  test('after a build of the same directory outside the guard, it prunes', async () => {
    const { ctx, state } = await baseline([])
    docker(['build', '-q', ctx])
    editKeepingMtime(join(ctx, 'src/a.txt'), NEW_A)
    const img = scratch.tag('outside')
    const run = await cli(buildArgv(ctx, state, img))
    expect(run.json.verdict).toBe('fresh')
    expect(run.json.pruned).toMatchObject({ policy: 'source', done: true })
    expect(run.stderr).toMatch(/pruning, not re-sending: .* was used outside this guard/)
    expect(catInImage(img, '/app/src/a.txt')).toBe(NEW_A)
  })

  test('an outside build that left other bytes under the same stat is pruned even when the context equals the record', async () => {
    const { ctx, state } = await baseline([])
    const a = join(ctx, 'src/a.txt')
    // The outside build syncs an edit (new mtime); the edit is then reverted keeping that mtime.
    const edited = `a-out ${scratch.nonce} ${scenario}\n`
    expect(edited.length).toBe(OLD_A.length)
    // Whole seconds, so putting the mtime back is exact to the nanosecond.
    const outsideMtime = KEPT_MTIME + 60
    writeFileSync(a, edited)
    utimesSync(a, outsideMtime, outsideMtime)
    docker(['build', '-q', ctx])
    writeFileSync(a, OLD_A)
    utimesSync(a, outsideMtime, outsideMtime)
    const img = scratch.tag('revert')
    const run = await cli(buildArgv(ctx, state, img))
    // Without the prune the builder would serve the outside build's bytes here.
    expect(catInImage(img, '/app/src/a.txt')).toBe(OLD_A)
    expect(run.json.verdict).toBe('unchanged')
    expect(run.json.pruned).toMatchObject({ policy: 'source', done: true })
    expect(run.stderr).toMatch(/the context equals the record, but .* used outside this guard/)
  })

  test('a same-size, mtime-kept Dockerfile edit is re-sent too', async () => {
    const { ctx, state } = await baseline([])
    // Same length, other file copied: only a re-sent Dockerfile builds the new instruction.
    const next = DOCKERFILE.replace('COPY src /app/src', 'COPY src /app/srd')
    expect(next.length).toBe(DOCKERFILE.length)
    editKeepingMtime(join(ctx, 'Dockerfile'), next)
    const img = scratch.tag('dockerfile')
    const run = await cli(buildArgv(ctx, state, img))
    expect(run.code).toBe(0)
    expect(run.json.pruned).toBeNull()
    expect(catInImage(img, '/app/srd/a.txt')).toBe(OLD_A)
  })
})
