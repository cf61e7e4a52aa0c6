/** Issue 12's pure decisions: warnings, the log-vs-Dockerfile comparison, causes, archive members. */
import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import tar from 'tar-stream'
import type { ContextEntry, HashedStep, LogStep, ParsedLog } from '../../../src/model.js'
import { readDockerfile } from '../../../src/dockerfile/index.js'
import { preBuildWarnings, type WarningFacts } from '../../../src/verdict/warnings.js'
import { compareInstructions } from '../../../src/verdict/instructions.js'
import { likelyCauses, type JudgeInput } from '../../../src/verdict/judge.js'
import { archiveTargets } from '../../../src/pipeline/expect.js'
import { unmatchedSources } from '../../../src/verdict/sources.js'

const dir = (path: string): ContextEntry => ({ path, type: 'dir', mode: 0o755, size: 0 })
const file = (path: string, size = 1): ContextEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  size,
  digest: 'sha256:0'
})

function step(sources: string[], over: Partial<HashedStep> = {}): HashedStep {
  return {
    stage: 'stage-0',
    stageIndex: 0,
    index: 2,
    total: 2,
    ordinal: 3,
    keyword: 'COPY',
    instruction: `COPY ${sources.join(' ')} /app/`,
    line: 3,
    endLine: 3,
    sources,
    dest: '/app/',
    workdir: '/',
    excludes: [],
    parents: false,
    flags: {},
    sourceHash: 'sha256:x',
    selected: [],
    ...over
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

describe('missed warnings', () => {
  test('host build output under any copied directory, not only COPY .', () => {
    const w = preBuildWarnings(
      facts({
        entries: [dir('web'), dir('web/dist'), file('web/dist/a.js')],
        steps: [step(['web/'])]
      })
    )
    expect(w).toEqual([
      expect.stringMatching(/^line 3: COPY web\/ \/app\/ copies host build output dist\//)
    ])
    // A copy of another directory does not take it.
    expect(
      preBuildWarnings(
        facts({ entries: [dir('web'), dir('web/dist'), dir('api')], steps: [step(['api'])] })
      )
    ).toEqual([])
  })
  test('.git inside the context', () => {
    expect(
      preBuildWarnings(facts({ entries: [dir('.git'), file('.git/HEAD')] })).join('\n')
    ).toMatch(/context includes \.git.*add \.git to \.dockerignore/)
  })
  test('a global ARG before FROM that no stage declares again names both args', () => {
    const w = preBuildWarnings(facts({ declaredArgs: ['GIT_COMMIT_HASH'], stageArgs: [] })).join(
      '\n'
    )
    expect(w).toMatch(/no stage declares ARG GIT_COMMIT_HASH or ARG BUILD_ID/)
    expect(w).toMatch(/ARG GIT_COMMIT_HASH before the first FROM reaches only FROM lines/)
  })
  test('an excluded file a copied directory covers, changed since the record', () => {
    const s = step(['config/'])
    const w = preBuildWarnings(facts({ excludedChanged: [{ step: s, paths: ['config/db.yaml'] }] }))
    expect(w.join('\n')).toMatch(
      /covers config\/db\.yaml, changed since the last good build, which \.dockerignore excludes/
    )
  })
  test('a literal source that matches nothing is found; a wildcard that matches nothing is allowed', () => {
    const entries = [file('a.txt')]
    const u = unmatchedSources([step(['a.txt', 'gone.txt', '*.none'])], entries)
    expect(u.map(x => x.source)).toEqual(['gone.txt'])
  })

  test('a source is matched alike whether it names an entry or reaches one by a symlink or a dir', () => {
    const link: ContextEntry = {
      path: 'ln',
      type: 'symlink',
      mode: 0o777,
      size: 3,
      linkTarget: 'src',
      digest: 'sha256:1'
    }
    const entries = [file('a.txt'), link, dir('src'), file('src/b.txt'), file('__proto__')]
    const sources = [
      'a.txt', // names an entry
      './a.txt', // names it unclean
      '/src/../a.txt',
      'src/', // a dir
      'ln/b.txt', // only through the symlink
      'ln', // the link itself
      'src/./b.txt', // a --parents pivot
      '__proto__',
      'constructor', // no such entry, whatever objects inherit
      'ln/none.txt', // the link on the way counts as read: matched
      'gone.txt',
      'src/b.txt/'
    ]
    const u = unmatchedSources([step(sources)], entries)
    expect(u.map(x => x.source)).toEqual(['constructor', 'gone.txt'])
    // Each source alone, in a step of its own: the same answer as in one step.
    for (const s of sources) {
      expect(unmatchedSources([step([s])], entries).length).toBe(
        u.some(x => x.source === s) ? 1 : 0
      )
    }
  })
})

const log = (
  steps: Partial<LogStep>[],
  format: ParsedLog['format'] = 'buildkit-plain'
): ParsedLog => ({
  format,
  steps: steps.map(s => ({
    service: null,
    stage: null,
    index: 1,
    total: 1,
    instruction: '',
    cached: false,
    ...s
  })),
  cacheImports: [],
  builder: null,
  imageId: null
})

describe('the log is compared with the Dockerfile read', () => {
  const plan = readDockerfile('FROM img\nARG SRC=a\nCOPY $SRC /x/\nRUN echo "$SRC"  done\n', {
    file: '/D'
  })
  const stages = plan.stages
  const needed = new Set(['stage-0'])
  const cmp = (l: ParsedLog, looseArgs = false) =>
    compareInstructions(plan.vertices, stages, needed, l, { service: null, looseArgs })
  test('what BuildKit prints for the Dockerfile matches', () => {
    expect(
      cmp(
        log([
          { index: 1, total: 3, instruction: 'FROM docker.io/library/img' },
          { index: 2, total: 3, instruction: 'COPY a /x/' },
          { index: 3, total: 3, instruction: 'RUN echo "a"  done' }
        ])
      )
    ).toEqual([])
  })
  test('another instruction, or another count, is a mismatch', () => {
    expect(cmp(log([{ index: 2, total: 3, instruction: 'COPY b /x/' }]))).toEqual([
      { stage: 'stage-0', index: 2, line: 3, expected: 'COPY $SRC /x/', printed: 'COPY b /x/' }
    ])
    expect(cmp(log([{ index: 2, total: 4, instruction: 'COPY a /x/' }]))).toHaveLength(1)
  })
  test('a value with a line break ends the printed line: what is shown is compared', () => {
    const p = readDockerfile('FROM img\nARG E\nRUN echo "$E" > /evil\n', {
      file: '/D',
      buildArgs: { E: 'a;b\nc' }
    })
    const l = log([{ index: 2, total: 2, instruction: 'RUN echo "a;b' }])
    expect(
      compareInstructions(p.vertices, p.stages, needed, l, { service: null, looseArgs: false })
    ).toEqual([])
    const other = log([{ index: 2, total: 2, instruction: 'RUN echo "x;b' }])
    expect(
      compareInstructions(p.vertices, p.stages, needed, other, { service: null, looseArgs: false })
    ).toHaveLength(1)
  })
  test('another tool may have set the args: loose in check mode; legacy logs are not compared', () => {
    expect(cmp(log([{ index: 2, total: 3, instruction: 'COPY other /x/' }]), true)).toEqual([])
    expect(cmp(log([{ index: 2, total: 3, instruction: 'COPY b /x/' }], 'legacy'))).toEqual([])
  })
})

describe('wrong readings in the causes', () => {
  const input = (over: Partial<JudgeInput>): JudgeInput => ({
    contextHash: 'sha256:1',
    files: { 'a.txt': 'file 0644 sha256:2 9' },
    steps: [],
    previous: {
      version: 1,
      contextHash: 'sha256:0',
      files: { 'a.txt': 'file 0644 sha256:1 4' },
      steps: [],
      commit: null,
      buildId: null,
      imageId: null,
      tags: [],
      builtAt: new Date(0).toISOString(),
      dockerfile: '/D'
    },
    comparison: {
      previousHash: null,
      changedFiles: [],
      removedFiles: new Set(),
      stepChanges: new Map()
    },
    logSteps: new Map(),
    proofs: new Map(),
    pruned: { policy: 'source', done: true, reclaimedBytes: 0 },
    verify: 'changed',
    facts: {
      builder: 'buildkit',
      cacheFrom: [],
      cacheImports: [],
      dockerHost: 'unix:///x.sock',
      prunePolicy: 'source',
      command: 'build'
    },
    warnings: [],
    imageId: null,
    ...over
  })
  const stale = [
    {
      ...step(['a.txt']),
      status: 'stale' as const,
      changed: true,
      cached: true,
      changedFiles: ['a.txt'],
      staleFiles: ['a.txt']
    }
  ]
  test('no same-size reading for a file whose size changed', () => {
    expect(likelyCauses(input({}), stale).join('\n')).not.toMatch(/same-size/)
  })
  test('DOCKER_HOST is named only when another tool built (check), not after the guard built there', () => {
    expect(likelyCauses(input({}), stale).join('\n')).not.toMatch(/DOCKER_HOST/)
    const check = input({})
    check.facts = { ...check.facts, command: 'check' }
    expect(likelyCauses(check, stale).join('\n')).toMatch(/DOCKER_HOST=unix:\/\/\/x\.sock/)
  })
})

describe('ADD archives: what they unpack', () => {
  async function tarBytes(members: Record<string, string>): Promise<Buffer> {
    const pack = tar.pack()
    for (const [name, content] of Object.entries(members))
      pack.entry({ name, mode: 0o600 }, content)
    pack.entry({ name: 'l', type: 'symlink', linkname: 'one' })
    pack.finalize()
    const chunks: Buffer[] = []
    for await (const c of pack) chunks.push(c as Buffer)
    return Buffer.concat(chunks)
  }
  test('tar and gzip members land under the destination; a non-archive is copied', async () => {
    const d = mkdtempSync(join(tmpdir(), 'fb-arch-'))
    const raw = await tarBytes({ one: '1', 'sub/two': '22' })
    writeFileSync(join(d, 'x.bin'), raw)
    writeFileSync(join(d, 'y.tgz'), gzipSync(raw))
    writeFileSync(join(d, 'fake.tar'), 'plain\n')
    writeFileSync(join(d, 'z.bz2'), 'BZh91AY&SY')
    for (const f of ['x.bin', 'y.tgz']) {
      const t = await archiveTargets(join(d, f), '/opt')
      expect(
        t && 'targets' in t
          ? t.targets.map(
              x => `${x.dest} ${x.expected?.type} ${(x.expected?.mode ?? 0).toString(8)}`
            )
          : t
      ).toEqual(['opt/one file 600', 'opt/sub/two file 600', 'opt/l symlink 777'])
    }
    expect(await archiveTargets(join(d, 'fake.tar'), '/opt')).toBeNull()
    expect(await archiveTargets(join(d, 'z.bz2'), '/opt')).toEqual({
      unprovable: expect.stringMatching(/bzip2 archive/)
    })
  })
})
