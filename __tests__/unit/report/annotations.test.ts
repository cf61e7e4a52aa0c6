import { describe, expect, test } from '@jest/globals'
import type { AnnotationProperties } from '@actions/core'
import type { Judgement, StepResult } from '../../../src/model.js'
import {
  annotationsFor,
  emitAnnotations,
  repoRelative,
  type Annotation
} from '../../../src/report/annotations.js'

const H = (c: string): string => `sha256:${c.repeat(64)}`

function step(over: Partial<StepResult> = {}): StepResult {
  return {
    stage: 'builder',
    index: 4,
    instruction: 'COPY src ./src',
    line: 4,
    changed: true,
    cached: true,
    status: 'stale',
    changedFiles: ['src/a.txt', 'src/b.txt'],
    staleFiles: ['src/a.txt'],
    ...over
  }
}

function judgement(over: Partial<Judgement> = {}): Judgement {
  return {
    verdict: 'stale',
    contextHash: H('a'),
    previousHash: H('b'),
    changedFiles: ['src/a.txt', 'src/b.txt'],
    pruned: null,
    steps: [step()],
    causes: ['--cache-from app:latest served the layer (inline cache)'],
    warnings: [],
    imageId: null,
    ...over
  }
}

describe('annotationsFor', () => {
  test("puts an error on each stale step's line naming the files and the likely cause", () => {
    expect(annotationsFor(judgement(), 'Dockerfile')).toEqual([
      {
        level: 'error',
        file: 'Dockerfile',
        startLine: 4,
        title: 'Stale layer: builder step 4',
        message:
          'COPY src ./src was CACHED, yet its layer holds old bytes of: src/a.txt. ' +
          'Likely cause: --cache-from app:latest served the layer (inline cache).'
      }
    ])
  })

  test.each([
    [
      'a step that ran yet kept an mtime-preserved file stale',
      step({ cached: false, staleFiles: ['src/kept.txt'] }),
      /^COPY src \.\/src was run, yet its layer holds old bytes of: src\/kept\.txt\./
    ],
    [
      'an unproven suspect (no byte proof)',
      step({ staleFiles: [] }),
      /^COPY src \.\/src was CACHED although its sources changed \(src\/a\.txt, src\/b\.txt\), and nothing proved/
    ],
    [
      'many files (cut after ten)',
      step({ staleFiles: Array.from({ length: 14 }, (_, i) => `f${i}`) }),
      /f9, and 4 more\./
    ]
  ])('words %s', (_name, s, message) => {
    const [a] = annotationsFor(judgement({ steps: [s] }), 'Dockerfile')
    expect(a?.message).toMatch(message)
  })

  test('says when no cause was identified', () => {
    const [a] = annotationsFor(judgement({ causes: [] }), 'Dockerfile')
    expect(a?.message).toMatch(/Likely cause: not identified in this run/)
  })

  test('annotates only stale steps', () => {
    const steps = (['ran', 'cached', 'verified', 'stale'] as const).map((status, i) =>
      step({ status, line: i + 1 })
    )
    expect(annotationsFor(judgement({ steps }), 'Dockerfile').map(a => a.startLine)).toEqual([4])
  })

  test('spans a multi-line instruction when its end line is known', () => {
    const [a] = annotationsFor(judgement(), 'Dockerfile', { endLines: new Map([[4, 6]]) })
    expect(a).toMatchObject({ startLine: 4, endLine: 6 })
  })

  test.each([
    ['line 7: ADD <url> is not hashed', 7, 'ADD <url> is not hashed'],
    ['Dockerfile line 12: unknown ARG', 12, 'unknown ARG'],
    ['LINE 3:   trimmed', 3, 'trimmed']
  ])('turns the warning %j into a warning on line %d', (warning, line, message) => {
    const list = annotationsFor(judgement({ steps: [], warnings: [warning] }), 'Dockerfile')
    expect(list).toEqual([
      { level: 'warning', file: 'Dockerfile', startLine: line, title: 'fresh-build', message }
    ])
  })

  test.each([['no line at all'], ['the deadline: tomorrow'], ['two words line 5: no']])(
    'leaves the warning %j without an annotation',
    warning => {
      expect(annotationsFor(judgement({ steps: [], warnings: [warning] }), 'Dockerfile')).toEqual(
        []
      )
    }
  )

  test('takes structured line warnings and drops duplicates', () => {
    const list = annotationsFor(
      judgement({ steps: [], warnings: ['line 2: ADD <git> not hashed'] }),
      'Dockerfile',
      {
        lineWarnings: [
          { line: 2, message: 'ADD <git> not hashed' },
          { line: 5, message: 'other' },
          { line: 0, message: 'nowhere' }
        ]
      }
    )
    expect(list.map(a => [a.startLine, a.message])).toEqual([
      [2, 'ADD <git> not hashed'],
      [5, 'other']
    ])
  })

  test('orders errors before warnings', () => {
    const list = annotationsFor(judgement({ warnings: ['line 1: first in file'] }), 'Dockerfile')
    expect(list.map(a => a.level)).toEqual(['error', 'warning'])
  })

  test('uses forward slashes in the file path', () => {
    const [a] = annotationsFor(judgement(), 'docker/app/Dockerfile')
    expect(a?.file).toBe('docker/app/Dockerfile')
  })

  test('keeps messages on one line and redacts secrets', () => {
    const list = annotationsFor(
      judgement({
        steps: [step({ instruction: 'COPY s3cr3t-value\n/x /', staleFiles: ['dir/s3cr3t-value'] })],
        causes: ['cause with s3cr3t-value'],
        warnings: ['line 2: warning s3cr3t-value']
      }),
      'Dockerfile',
      { secrets: ['s3cr3t-value'] }
    )
    for (const a of list) {
      expect(a.message).not.toContain('s3cr3t')
      expect(a.message).not.toContain('\n')
    }
    expect(list[0]?.message).toContain('COPY ***\\n/x /')
  })
})

describe('emitAnnotations', () => {
  test('passes each annotation to core with file and line properties', () => {
    const calls: [string, string, AnnotationProperties | undefined][] = []
    const sink = {
      error: (m: string, p?: AnnotationProperties) => void calls.push(['error', m, p]),
      warning: (m: string, p?: AnnotationProperties) => void calls.push(['warning', m, p]),
      notice: (m: string, p?: AnnotationProperties) => void calls.push(['notice', m, p])
    }
    const list: Annotation[] = [
      { level: 'error', message: 'e', file: 'Dockerfile', startLine: 4, endLine: 5, title: 't1' },
      { level: 'warning', message: 'w', file: 'Dockerfile', startLine: 7, title: 't2' },
      { level: 'notice', message: 'n', file: 'Dockerfile', startLine: 1, title: 't3' }
    ]
    emitAnnotations(sink, list)
    expect(calls).toEqual([
      ['error', 'e', { title: 't1', file: 'Dockerfile', startLine: 4, endLine: 5 }],
      ['warning', 'w', { title: 't2', file: 'Dockerfile', startLine: 7 }],
      ['notice', 'n', { title: 't3', file: 'Dockerfile', startLine: 1 }]
    ])
  })
})

describe('repoRelative', () => {
  test.each([
    ['/ws/repo/docker/Dockerfile', '/ws/repo', 'docker/Dockerfile'],
    ['/elsewhere/Dockerfile', '/ws/repo', '/elsewhere/Dockerfile'],
    ['docker/Dockerfile', '/ws/repo', 'docker/Dockerfile'],
    ['/ws/repo/Dockerfile', undefined, '/ws/repo/Dockerfile'],
    ['/ws/repo/..Dockerfile', '/ws/repo', '..Dockerfile']
  ])('%s in %s -> %s', (file, ws, want) => {
    expect(repoRelative(file, ws)).toBe(want)
  })
})
