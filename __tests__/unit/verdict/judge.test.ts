import { describe, expect, test } from '@jest/globals'
import type {
  BuildRecord,
  ContextEntry,
  HashedStep,
  LogStep,
  ParsedLog
} from '../../../src/model.js'
import { hashEntries } from '../../../src/context/hash.js'
import { compareWithRecord, stepKey } from '../../../src/verdict/compare.js'
import { fileSignatures } from '../../../src/record/diff.js'
import { judge, planProofs, type ProofOutcome, type RunFacts } from '../../../src/verdict/judge.js'
import { matchLogSteps } from '../../../src/verdict/match.js'

const file = (path: string, digest: string, size = 4): ContextEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  size,
  digest: `sha256:${digest.padEnd(64, '0')}`
})

function step(over: Partial<HashedStep> & { index: number; selected: string[] }): HashedStep {
  return {
    stage: 'builder',
    stageIndex: 0,
    total: 4,
    ordinal: over.index,
    keyword: 'COPY',
    instruction: `COPY ${over.selected.join(' ')} /app/`,
    line: over.index,
    endLine: over.index,
    sources: over.selected,
    dest: '/app/',
    workdir: '/',
    excludes: [],
    parents: false,
    flags: {},
    sourceHash: 'sha256:x',
    ...over
  }
}

const facts: RunFacts = {
  builder: 'buildkit',
  cacheFrom: [],
  cacheImports: [],
  dockerHost: null,
  prunePolicy: 'source'
}

function record(entries: ContextEntry[], steps: HashedStep[]): BuildRecord {
  return {
    version: 1,
    contextHash: hashEntries(entries),
    files: fileSignatures(entries),
    steps: steps.map(s => ({
      stage: s.stage,
      index: s.index,
      instruction: s.instruction,
      line: s.line,
      sourceHash: s.sourceHash
    })),
    commit: null,
    buildId: null,
    imageId: null,
    tags: [],
    builtAt: '2026-01-01T00:00:00Z',
    dockerfile: 'Dockerfile'
  }
}

function logOf(steps: { index: number; cached: boolean }[]): ParsedLog {
  const ls: LogStep[] = steps.map(s => ({
    service: null,
    stage: 'builder',
    index: s.index,
    total: 4,
    instruction: '',
    cached: s.cached
  }))
  return { format: 'buildkit-plain', steps: ls, cacheImports: [], builder: null, imageId: null }
}

/** Runs compare -> match -> judge the way the pipeline does, with given proofs. */
function run(opts: {
  before: ContextEntry[]
  after: ContextEntry[]
  steps: HashedStep[]
  cached: Record<number, boolean>
  proofs?: ProofOutcome[]
  noRecord?: boolean
  facts?: Partial<RunFacts>
}) {
  const previous = opts.noRecord ? null : record(opts.before, opts.steps)
  const files = fileSignatures(opts.after)
  const comparison = compareWithRecord(files, opts.steps, previous, (s, p) =>
    s.selected.some(x => x === p)
  )
  const log = logOf(
    opts.steps.map(s => ({ index: s.index, cached: opts.cached[s.index] ?? false }))
  )
  return judge({
    contextHash: hashEntries(opts.after),
    files,
    steps: opts.steps,
    previous,
    comparison,
    logSteps: matchLogSteps(opts.steps, log),
    proofs: new Map((opts.proofs ?? []).map(p => [p.key, p])),
    pruned: { policy: 'source', done: true, reclaimedBytes: 0 },
    verify: 'changed',
    facts: { ...facts, ...opts.facts },
    warnings: [],
    imageId: null
  })
}

const pkg = step({ index: 2, selected: ['package.json'] })
const src = step({ index: 3, selected: ['src/a.ts', 'src/b.ts'] })
const v1 = [file('package.json', 'aa'), file('src/a.ts', 'bb'), file('src/b.ts', 'cc')]
const v2 = [file('package.json', 'aa'), file('src/a.ts', 'b2'), file('src/b.ts', 'cc')]
const ok = (key: string, paths: string[]): ProofOutcome => ({
  key,
  files: paths.map(path => ({ path, ok: true, detail: 'new bytes' }))
})

describe('verdict', () => {
  test('no record gives baseline', () => {
    expect(
      run({ before: v1, after: v1, steps: [pkg, src], cached: {}, noRecord: true }).verdict
    ).toBe('baseline')
  })

  test('an identical context is unchanged even when every step is cached', () => {
    const j = run({ before: v1, after: v1, steps: [pkg, src], cached: { 2: true, 3: true } })
    expect(j.verdict).toBe('unchanged')
    expect(j.steps.map(s => s.status)).toEqual(['cached', 'cached'])
  })

  test('COPY package.json cached while only src/ changed is fresh', () => {
    const j = run({
      before: v1,
      after: v2,
      steps: [pkg, src],
      cached: { 2: true, 3: false },
      proofs: [ok(stepKey(src), ['src/a.ts'])]
    })
    expect(j.verdict).toBe('fresh')
    expect(j.changedFiles).toEqual(['src/a.ts'])
    expect(j.steps.map(s => [s.status, s.changed])).toEqual([
      ['cached', false],
      ['ran', true]
    ])
  })

  test('a changed COPY shown CACHED whose layer holds old bytes is stale, naming the file', () => {
    const j = run({
      before: v1,
      after: v2,
      steps: [pkg, src],
      cached: { 2: true, 3: true },
      proofs: [{ key: stepKey(src), files: [{ path: 'src/a.ts', ok: false, detail: 'old bytes' }] }]
    })
    expect(j.verdict).toBe('stale')
    expect(j.steps[1]).toMatchObject({ status: 'stale', staleFiles: ['src/a.ts'], line: 3 })
    expect(j.causes.join('\n')).toMatch(/same-size edit .*src\/a\.ts/)
  })

  test('a revert the cache legitimately holds is cleared by proof (verified, not stale)', () => {
    const j = run({
      before: v2,
      after: v1,
      steps: [pkg, src],
      cached: { 2: true, 3: true },
      proofs: [ok(stepKey(src), ['src/a.ts'])]
    })
    expect(j.verdict).toBe('fresh')
    expect(j.steps[1]?.status).toBe('verified')
  })

  test('a step that ran yet carries a stale second file is stale', () => {
    const after = [file('package.json', 'aa'), file('src/a.ts', 'b2'), file('src/b.ts', 'c2', 5)]
    const j = run({
      before: v1,
      after,
      steps: [pkg, src],
      cached: { 3: false },
      proofs: [
        {
          key: stepKey(src),
          files: [
            { path: 'src/a.ts', ok: false, detail: 'old bytes' },
            { path: 'src/b.ts', ok: true, detail: '' }
          ]
        }
      ]
    })
    expect(j.verdict).toBe('stale')
    expect(j.steps[1]).toMatchObject({ cached: false, status: 'stale', staleFiles: ['src/a.ts'] })
  })

  test('an unproven cached suspect is stale, and the cache import is named as the cause', () => {
    const j = run({
      before: v1,
      after: v2,
      steps: [pkg, src],
      cached: { 3: true },
      proofs: [{ key: stepKey(src), files: [], unprovable: 'no image' }],
      facts: { cacheFrom: ['registry/app:cache'] }
    })
    expect(j.verdict).toBe('stale')
    expect(j.causes[0]).toMatch(/registry\/app:cache/)
  })

  test('an mtime- or owner-only change leaves the signatures and the verdict unchanged', () => {
    // Entries carry no mtime or owner at all: the same entries are the same signatures.
    const j = run({
      before: v1,
      after: v1.map(e => ({ ...e })),
      steps: [pkg, src],
      cached: { 3: true }
    })
    expect(j.verdict).toBe('unchanged')
  })

  test('planProofs asks for every changed path of COPY steps, removed ones as absent', () => {
    const previous = record(v1, [pkg, src])
    const after = [file('package.json', 'aa'), file('src/a.ts', 'b2')]
    const files = fileSignatures(after)
    const cmp = compareWithRecord(files, [pkg, src], previous, (s, p) => s.selected.includes(p))
    const current = new Map(after.map(e => [e.path, e]))
    const reqs = planProofs([pkg, src], cmp, current, 'changed')
    expect(reqs).toHaveLength(1)
    expect(reqs[0]?.paths.map(p => [p.path, p.expected === null])).toEqual([
      ['src/a.ts', false],
      ['src/b.ts', true]
    ])
    expect(planProofs([pkg, src], cmp, current, 'none')).toEqual([])
  })
})

describe('planProofs after the whole context was re-sent', () => {
  const previous = record(v1, [pkg, src])
  const files = fileSignatures(v2)
  const cmp = compareWithRecord(files, [pkg, src], previous, (s, p) => s.selected.includes(p))
  const current = new Map(v2.map(e => [e.path, e]))
  const seenAs = (cached: boolean) =>
    matchLogSteps(
      [pkg, src],
      logOf([
        { index: 2, cached: true },
        { index: 3, cached }
      ])
    )

  test('a changed step the log shows RAN needs no proof once this run re-sent the context', () => {
    expect(
      planProofs([pkg, src], cmp, current, 'changed', {
        logSteps: seenAs(false),
        contextResent: true
      })
    ).toEqual([])
  })

  test('a changed step shown CACHED is proven even after a re-send', () => {
    const reqs = planProofs([pkg, src], cmp, current, 'changed', {
      logSteps: seenAs(true),
      contextResent: true
    })
    expect(reqs.map(r => r.key)).toEqual([stepKey(src)])
  })

  test('without a re-send (prune never or failed) a step that ran is proven too', () => {
    const reqs = planProofs([pkg, src], cmp, current, 'changed', {
      logSteps: seenAs(false),
      contextResent: false
    })
    expect(reqs.map(r => r.key)).toEqual([stepKey(src)])
  })

  test('a step the log does not show is proven even after a re-send', () => {
    const reqs = planProofs([pkg, src], cmp, current, 'changed', {
      logSteps: new Map(),
      contextResent: true
    })
    expect(reqs.map(r => r.key)).toEqual([stepKey(src)])
  })
})

describe('matchLogSteps', () => {
  test('legacy Step N/M maps by the global ordinal', () => {
    const s = step({ index: 2, ordinal: 4, selected: ['a'] })
    const log: ParsedLog = {
      format: 'legacy',
      steps: [
        { service: null, stage: null, index: 4, total: 7, instruction: 'COPY a /a', cached: true }
      ],
      cacheImports: [],
      builder: null,
      imageId: null
    }
    expect(matchLogSteps([s], log).get(stepKey(s))?.cached).toBe(true)
  })

  test('BuildKit stage names match case-insensitively; a nameless [i/n] matches by total', () => {
    const named = step({ index: 2, stage: 'Builder', selected: ['a'] })
    const single = step({ index: 2, stage: 'stage-0', total: 3, selected: ['b'] })
    const log: ParsedLog = {
      format: 'buildkit-plain',
      steps: [
        { service: null, stage: 'builder', index: 2, total: 4, instruction: '', cached: true },
        { service: null, stage: null, index: 2, total: 3, instruction: '', cached: false }
      ],
      cacheImports: [],
      builder: null,
      imageId: null
    }
    expect(matchLogSteps([named], log).get(stepKey(named))?.cached).toBe(true)
    expect(matchLogSteps([single], log).get(stepKey(single))?.cached).toBe(false)
  })
})
