/**
 * The early build's rules over plain data (src/pipeline/speculate.ts, build-options.ts): when one
 * may start, when the guard may keep it, and what counts as "the same build".
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BuildOptions, BuildRun } from '../../../src/docker/index.js'
import { LABELS, type BuildRecord, type LogStep, type ParsedLog } from '../../../src/model.js'
import { noBuildFlags } from '../../../src/pipeline/build-flags.js'
import { finalBuildOptions, sameBuild } from '../../../src/pipeline/build-options.js'
import type { GuardOptions } from '../../../src/pipeline/options.js'
import {
  keepBlocker,
  speculationBlocker,
  withEarlyRuns,
  type SpeculativeEnd
} from '../../../src/pipeline/speculate.js'
import { newRecord, readRecord, snapshotRecord, writeRecord } from '../../../src/record/index.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

const HASH = `sha256:${'c'.repeat(64)}`

/** A record of a build that found `changed` changed (null: a baseline). */
function record(contextHash = HASH, changed: string[] | null = []): BuildRecord {
  return newRecord({
    deploy: { stage: 'stage-0', copies: [], changed },
    contextHash,
    files: { 'a.txt': 'file 644 sha256:x 1' },
    steps: [],
    commit: 'c0ffee',
    buildId: 'b1',
    imageId: null,
    tags: ['t:1'],
    dockerfile: 'Dockerfile'
  })
}

function opts(over: Partial<GuardOptions> = {}): GuardOptions {
  return {
    context: '/ctx',
    file: '/ctx/Dockerfile',
    state: null,
    tags: ['t:1'],
    buildArgs: {},
    secretArgs: [],
    cacheFrom: [],
    target: null,
    prune: 'source',
    verify: 'changed',
    commit: 'c0ffee',
    buildId: 'b1',
    ignoreCorruptRecord: false,
    logFile: null,
    image: null,
    docker: 'docker',
    ...over
  }
}

function options(over: Partial<Parameters<typeof finalBuildOptions>[0]> = {}): BuildOptions {
  return finalBuildOptions({
    opts: opts(),
    identity: { commit: 'c0ffee', buildId: 'b1' },
    buildArgs: { BUILD_ID: 'b1', GIT_COMMIT_HASH: 'c0ffee' },
    kind: 'buildkit',
    setup: { labels: {}, noCache: false, flags: {} },
    diverged: false,
    contextHash: HASH,
    steps: [{ stage: 'stage-0', index: 2, sourceHash: HASH }],
    ...over
  })
}

describe('when an early build may start', () => {
  const snapshot = { text: '{}', record: record() }
  const run = (over: Partial<GuardOptions> = {}, env: NodeJS.ProcessEnv = {}) => ({
    command: 'build' as const,
    opts: opts(over),
    io: { progress: () => undefined, env, cwd: '/' }
  })

  test('a build with this host’s record on BuildKit starts one', () => {
    expect(speculationBlocker(run(), snapshot, { kind: 'buildkit' })).toBeNull()
  })

  test.each([
    ['no record on this host', run(), { text: null, record: null }, 'buildkit'],
    ['the record could not be read', run(), null, 'buildkit'],
    [
      'a baseline record (the last build was the first)',
      run(),
      { text: '{}', record: record(HASH, null) },
      'buildkit'
    ],
    [
      'a record of a build that changed files',
      run(),
      { text: '{}', record: record(HASH, ['a.txt']) },
      'buildkit'
    ],
    ['the legacy builder', run(), snapshot, 'legacy'],
    ['buildx', run(), snapshot, 'buildx'],
    ['verify: none (the log is the evidence)', run({ verify: 'none' }), snapshot, 'buildkit'],
    ['FRESH_BUILD_EARLY_BUILD=0', run({}, { FRESH_BUILD_EARLY_BUILD: '0' }), snapshot, 'buildkit'],
    [
      'secrets',
      run({ build: { ...noBuildFlags(), secrets: [{ id: 'a', env: 'A' }] } }),
      snapshot,
      'buildkit'
    ],
    ['ssh', run({ build: { ...noBuildFlags(), ssh: ['default'] } }), snapshot, 'buildkit'],
    [
      'named contexts (stand-in images)',
      run({ build: { ...noBuildFlags(), buildContexts: { lib: '/lib' } } }),
      snapshot,
      'buildkit'
    ],
    ['--no-cache', run({ build: { ...noBuildFlags(), noCache: true } }), snapshot, 'buildkit'],
    [
      '--no-cache-filter',
      run({ build: { ...noBuildFlags(), noCacheFilters: ['x'] } }),
      snapshot,
      'buildkit'
    ]
  ] as const)('none starts with %s', (_why, r, snap, kind) => {
    expect(speculationBlocker(r, snap, { kind })).not.toBeNull()
  })

  test('before the builder is known, everything else is already checked', () => {
    expect(speculationBlocker(run(), snapshot, null)).toBeNull()
    expect(speculationBlocker(run(), { text: null, record: null }, null)).not.toBeNull()
    expect(speculationBlocker(run({ verify: 'none' }), snapshot, null)).not.toBeNull()
  })

  test('none starts in check mode or with a docker exec handed in', () => {
    expect(
      speculationBlocker({ ...run(), command: 'check' }, snapshot, { kind: 'buildkit' })
    ).not.toBeNull()
    const exec = () => Promise.reject(new Error('unused'))
    expect(
      speculationBlocker({ ...run(), io: { ...run().io, exec } }, snapshot, { kind: 'buildkit' })
    ).not.toBeNull()
  })
})

describe('what counts as the same build', () => {
  test('only the tags and the created label may differ', () => {
    const a = options({ builtAt: new Date(1000) })
    const b = { ...options({ builtAt: new Date(2000) }), tags: [], iidFile: '/tmp/x' }
    expect(a.labels[LABELS.created]).not.toBe(b.labels[LABELS.created])
    expect(sameBuild(a, b)).toBe(true)
  })

  test('key order does not matter', () => {
    const a = options()
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as BuildOptions
    expect(sameBuild(a, reordered)).toBe(true)
  })

  test.each([
    ['another context hash', { contextHash: `sha256:${'d'.repeat(64)}` }],
    ['another step hash', { steps: [{ stage: 'stage-0', index: 2, sourceHash: 'sha256:e' }] }],
    ['another commit', { identity: { commit: 'beef', buildId: 'b1' } }],
    ['another build arg', { buildArgs: { BUILD_ID: 'b2' } }],
    ['a user label', { setup: { labels: { a: 'b' }, noCache: false, flags: {} } }],
    ['--no-cache', { setup: { labels: {}, noCache: true, flags: {} } }],
    ['a pass-through flag', { setup: { labels: {}, noCache: false, flags: { pull: true } } }],
    [
      'a diverged context on the legacy builder under policy all (--no-cache)',
      { diverged: true, kind: 'legacy', opts: opts({ prune: 'all' }) }
    ],
    ['a target', { opts: opts({ target: 'app' }) }],
    ['another Dockerfile', { opts: opts({ file: '/ctx/Dockerfile.prod' }) }]
  ] as const)('%s is another build', (_why, over) => {
    expect(sameBuild(options(), options(over))).toBe(false)
  })
})

describe('when the guard keeps the early build', () => {
  const assumed = record()
  const spec = { assumed, options: options() }
  const built: BuildRun = {
    code: 0,
    logPath: null,
    logError: null,
    imageId: `sha256:${'f'.repeat(64)}`,
    error: null,
    metadata: null
  }
  const end: SpeculativeEnd = { built, failure: null, lines: ['#1 DONE 0.0s'] }
  const now = { previous: assumed, options: options(), diverged: false, cured: false }

  test('the same record, nothing cured, the same build, succeeded: kept', () => {
    expect(keepBlocker(spec, end, now)).toBeNull()
  })

  test.each([
    ['the record was replaced meanwhile (an equal copy is another read)', { previous: record() }],
    ['no record under the lock', { previous: null }],
    ['the context differs from the record', { diverged: true }],
    ['the cure pruned or re-sent', { cured: true }],
    ['the build options differ', { options: options({ contextHash: `sha256:${'d'.repeat(64)}` }) }]
  ] as const)('not when %s', (_why, over) => {
    expect(keepBlocker(spec, end, { ...now, ...over })).not.toBeNull()
  })

  test.each([
    ['it failed', { ...end, built: { ...built, code: 1, imageId: null } }],
    ['it could not run', { built: null, failure: 'spawn docker ENOENT', lines: null }],
    ['its log was too long to hold', { ...end, lines: null }]
  ] as const)('not when %s', (_why, e) => {
    expect(keepBlocker(spec, e, now)).not.toBeNull()
  })
})

describe('the record read once per run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fb-snapshot-'))
  dirs.push(dir)
  const path = join(dir, 'record.json')

  test('the same bytes under the lock reuse the earlier parse (the very object)', async () => {
    await writeRecord(path, record())
    const earlier = await snapshotRecord(path)
    expect(earlier.record).not.toBeNull()
    expect(await readRecord(path, undefined, earlier)).toBe(earlier.record)
  })

  test('a record replaced since is parsed again', async () => {
    await writeRecord(path, record())
    const earlier = await snapshotRecord(path)
    await writeRecord(path, record(`sha256:${'9'.repeat(64)}`))
    const now = await readRecord(path, undefined, earlier)
    expect(now).not.toBe(earlier.record)
    expect(now?.contextHash).toBe(`sha256:${'9'.repeat(64)}`)
  })

  test('a record removed since reads as none; a damaged one still throws', async () => {
    await writeRecord(path, record())
    const earlier = await snapshotRecord(path)
    renameSync(path, `${path}.gone`)
    expect(await readRecord(path, undefined, earlier)).toBeNull()
    writeFileSync(path, '{"version": 2')
    await expect(readRecord(path, undefined, earlier)).rejects.toThrow(/not valid JSON/)
  })
})

describe('the build after an early build that was not kept', () => {
  const step = (index: number, instruction: string, cached: boolean, error = false): LogStep => ({
    service: null,
    stage: null,
    index,
    total: 3,
    instruction,
    cached,
    ...(error ? { error } : {})
  })
  const log = (steps: LogStep[]): ParsedLog => ({
    format: 'buildkit-plain',
    steps,
    cacheImports: [],
    builder: null,
    imageId: null
  })

  test('a step the early build ran, served from its cache entry, reads as run', () => {
    const early = log([step(2, 'COPY app /app', false), step(3, 'RUN make', false)])
    const after = log([step(2, 'COPY app /app', true), step(3, 'RUN make', true)])
    expect(withEarlyRuns(after, early).steps.map(s => s.cached)).toEqual([false, false])
  })

  test('a step the early build also served from the cache, or failed at, stays cached', () => {
    const early = log([step(2, 'COPY app /app', true), step(3, 'RUN make', false, true)])
    const after = log([step(2, 'COPY app /app', true), step(3, 'RUN make', true)])
    expect(withEarlyRuns(after, early).steps.map(s => s.cached)).toEqual([true, true])
  })

  test('steps are matched by stage, number and instruction', () => {
    const early = log([step(2, 'COPY lib /lib', false)])
    const after = log([step(2, 'COPY app /app', true)])
    expect(withEarlyRuns(after, early).steps[0]?.cached).toBe(true)
  })
})
