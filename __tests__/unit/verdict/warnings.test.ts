import { describe, expect, test } from '@jest/globals'
import type { ContextEntry, HashedStep } from '../../../src/model.js'
import { preBuildWarnings, type WarningFacts } from '../../../src/verdict/warnings.js'

const dir = (path: string): ContextEntry => ({ path, type: 'dir', mode: 0o755, size: 0 })
const file = (path: string): ContextEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  size: 1,
  digest: 'sha256:0'
})

function step(sources: string[], line = 3): HashedStep {
  return {
    stage: 'stage-0',
    stageIndex: 0,
    index: 2,
    total: 2,
    ordinal: line,
    keyword: 'COPY',
    instruction: `COPY ${sources.join(' ')} /app/`,
    line,
    endLine: line,
    sources,
    dest: '/app/',
    workdir: '/',
    excludes: [],
    parents: false,
    flags: {},
    sourceHash: 'sha256:x',
    selected: []
  }
}

const facts = (over: Partial<WarningFacts>): WarningFacts => ({
  entries: [],
  steps: [],
  declaredArgs: ['GIT_COMMIT_HASH', 'BUILD_ID'],
  buildArgs: {},
  cacheFrom: [],
  excludedSources: [],
  injected: true,
  secretArgs: [],
  ...over
})

describe('warnings before the build', () => {
  test('COPY . takes host build output that .dockerignore misses, also nested in a monorepo', () => {
    const w = preBuildWarnings(
      facts({
        entries: [dir('apps'), dir('apps/web'), dir('apps/web/.next'), file('a.js')],
        steps: [step(['.'])]
      })
    )
    expect(w).toEqual([
      expect.stringMatching(/^line 3: COPY \. \/app\/ copies host build output \.next\//)
    ])
  })

  test('host output is no concern for a COPY of named sources', () => {
    expect(preBuildWarnings(facts({ entries: [dir('dist')], steps: [step(['src'])] }))).toEqual([])
  })

  test('a COPY source excluded by .dockerignore is named with its line', () => {
    const s = step(['config.json'], 7)
    expect(
      preBuildWarnings(facts({ excludedSources: [{ step: s, source: 'config.json' }] }))
    ).toEqual([
      expect.stringMatching(/^line 7: .*names config\.json, which \.dockerignore excludes/)
    ])
  })

  test('inline cache and --cache-from are called out', () => {
    const w = preBuildWarnings(
      facts({ buildArgs: { BUILDKIT_INLINE_CACHE: '1' }, cacheFrom: ['app:cache'] })
    )
    expect(w.join('\n')).toMatch(/BUILDKIT_INLINE_CACHE is set/)
    expect(w.join('\n')).toMatch(/--cache-from app:cache/)
  })

  test('injected identity args that no stage declares are named in build mode only', () => {
    const w = preBuildWarnings(facts({ declaredArgs: ['BUILD_ID'] }))
    expect(w).toEqual([expect.stringMatching(/no stage declares ARG GIT_COMMIT_HASH:/)])
    expect(preBuildWarnings(facts({ declaredArgs: [], injected: false }))).toEqual([])
  })

  test('a secret build arg declared by an ARG is flagged: docker writes it into RUN history', () => {
    const w = preBuildWarnings(
      facts({ declaredArgs: ['GIT_COMMIT_HASH', 'BUILD_ID', 'TOKEN'], secretArgs: ['TOKEN'] })
    )
    expect(w).toEqual([expect.stringMatching(/secret build arg TOKEN is declared by an ARG/)])
  })
})
