import { describe, expect, test } from '@jest/globals'
import { LABELS, type BuildRecord } from '../../../src/model.js'
import { recordFromLabels, recordLabels } from '../../../src/record/labels.js'

const H = (c: string): string => `sha256:${c.repeat(64)}`

const record: BuildRecord = {
  version: 1,
  contextHash: H('a'),
  files: { a: 'file 0644 x' },
  steps: [
    { stage: 'builder', index: 3, instruction: 'COPY src ./src', line: 4, sourceHash: H('b') },
    { stage: 'stage-1', index: 2, instruction: 'COPY . .', line: 9, sourceHash: H('c') }
  ],
  commit: 'abc123',
  buildId: '1700000000',
  imageId: null,
  tags: ['app:1'],
  builtAt: '2024-01-02T03:04:05.000Z',
  dockerfile: 'Dockerfile'
}

describe('recordLabels', () => {
  test('carries revision, created, context hash, build id and compact steps', () => {
    expect(recordLabels(record)).toEqual({
      [LABELS.revision]: 'abc123',
      [LABELS.created]: '2024-01-02T03:04:05.000Z',
      [LABELS.contextHash]: H('a'),
      [LABELS.buildId]: '1700000000',
      [LABELS.steps]: JSON.stringify([
        ['builder', 3, H('b')],
        ['stage-1', 2, H('c')]
      ])
    })
  })

  test('leaves out unknown commit and build id instead of empty labels', () => {
    const labels = recordLabels({ ...record, commit: null, buildId: null })
    expect(labels).not.toHaveProperty(LABELS.revision)
    expect(labels).not.toHaveProperty(LABELS.buildId)
  })
})

describe('recordFromLabels', () => {
  test('reads back what recordLabels wrote', () => {
    expect(recordFromLabels(recordLabels(record))).toEqual({
      contextHash: H('a'),
      commit: 'abc123',
      buildId: '1700000000',
      builtAt: '2024-01-02T03:04:05.000Z',
      steps: [
        { stage: 'builder', index: 3, sourceHash: H('b') },
        { stage: 'stage-1', index: 2, sourceHash: H('c') }
      ],
      problems: []
    })
  })

  test.each([
    ['no labels at all (null)', null],
    ['no labels at all (undefined)', undefined],
    ['an image built without fresh-build', { maintainer: 'x' }]
  ])('gives an empty answer for %s', (_name, labels) => {
    expect(recordFromLabels(labels)).toEqual({
      contextHash: null,
      steps: null,
      commit: null,
      buildId: null,
      builtAt: null,
      problems: []
    })
  })

  const garbled: [
    string,
    Record<string, string>,
    keyof ReturnType<typeof recordFromLabels>,
    RegExp
  ][] = [
    [
      'a truncated context hash',
      { [LABELS.contextHash]: 'sha256:abc' },
      'contextHash',
      /context-hash is not sha256/
    ],
    ['steps that are not JSON', { [LABELS.steps]: '[["a",1,' }, 'steps', /steps is not \[\[stage/],
    ['steps of the wrong shape', { [LABELS.steps]: '[["a","1","x"]]' }, 'steps', /steps is not/],
    ['steps as an object', { [LABELS.steps]: '{"a":1}' }, 'steps', /steps is not/],
    [
      'a step index of 0',
      { [LABELS.steps]: JSON.stringify([['a', 0, H('b')]]) },
      'steps',
      /steps is not/
    ],
    [
      'a created label that is no time',
      { [LABELS.created]: 'soon' },
      'builtAt',
      /created is not a time/
    ]
  ]
  test.each(garbled)(
    'reports %s as a problem and drops that value',
    (_name, labels, field, problem) => {
      const got = recordFromLabels({ ...recordLabels(record), ...labels })
      expect(got[field]).toBeNull()
      expect(got.problems).toHaveLength(1)
      expect(got.problems[0]).toMatch(problem)
      expect(got.commit).toBe('abc123') // the other labels still count
    }
  )

  test('treats a blank label as missing', () => {
    expect(recordFromLabels({ [LABELS.revision]: '  ' }).commit).toBeNull()
  })

  test('keeps a garbled value short in the problem text', () => {
    const got = recordFromLabels({ [LABELS.contextHash]: 'x'.repeat(500) })
    expect(got.problems[0]?.length).toBeLessThan(150)
  })
})
