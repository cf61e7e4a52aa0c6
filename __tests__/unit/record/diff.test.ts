import { describe, expect, test } from '@jest/globals'
import type { BuildRecord, ContextEntry, HashedStep } from '../../../src/model.js'
import { changedPaths, diffRecords, fileSignatures, newRecord } from '../../../src/record/diff.js'
import { validateRecord } from '../../../src/record/validate.js'

const H = (c: string): string => `sha256:${c.repeat(64)}`

function recordWith(files: Record<string, string>): BuildRecord {
  return {
    version: 1,
    contextHash: H('a'),
    files,
    steps: [],
    commit: null,
    buildId: null,
    imageId: null,
    tags: [],
    builtAt: '2024-01-01T00:00:00.000Z',
    dockerfile: 'Dockerfile'
  }
}

describe('diffRecords', () => {
  test('splits changed, added and removed files', () => {
    const prev = recordWith({
      a: 'file 0644 x',
      b: 'file 0644 y',
      gone: 'file 0644 z',
      same: 'dir 0755 -'
    })
    const now = { a: 'file 0644 x2', b: 'file 0755 y', same: 'dir 0755 -', new: 'symlink 0777 w' }
    expect(diffRecords(prev, now)).toEqual({
      changed: ['a', 'b'],
      added: ['new'],
      removed: ['gone']
    })
  })

  test('sorts in byte order, not locale order', () => {
    const prev = recordWith({})
    const d = diffRecords(prev, { b: '1', B: '1', 'a/b': '1', 'a-b': '1', é: '1', z: '1' })
    expect(d.added).toEqual(['B', 'a-b', 'a/b', 'b', 'z', 'é'])
  })

  test('is empty for identical file sets', () => {
    const files = { a: 'file 0644 x' }
    expect(diffRecords(recordWith(files), { ...files })).toEqual({
      changed: [],
      added: [],
      removed: []
    })
  })

  test('does not treat inherited object keys as recorded files', () => {
    expect(
      diffRecords(recordWith({}), { constructor: 'file 0644 x', toString: 'file 0644 y' }).added
    ).toEqual(['constructor', 'toString'])
    expect(diffRecords(recordWith({ constructor: 'file 0644 x' }), {}).removed).toEqual([
      'constructor'
    ])
  })

  test('changedPaths is the sorted union', () => {
    expect(changedPaths({ changed: ['m'], added: ['z', 'a'], removed: ['b'] })).toEqual([
      'a',
      'b',
      'm',
      'z'
    ])
  })
})

describe('newRecord', () => {
  const entries: ContextEntry[] = [
    { path: 'src', type: 'dir', mode: 0o755, size: 0 },
    { path: 'src/a.txt', type: 'file', mode: 0o644, size: 3, digest: H('1') },
    { path: 'link', type: 'symlink', mode: 0o777, size: 0, linkTarget: 'src', digest: H('2') }
  ]
  const step = {
    stage: 'builder',
    stageIndex: 0,
    index: 3,
    total: 4,
    ordinal: 4,
    keyword: 'COPY',
    instruction: 'COPY src ./src',
    line: 4,
    endLine: 4,
    sources: ['src'],
    dest: './src',
    workdir: '/',
    excludes: [],
    parents: false,
    flags: {},
    sourceHash: H('3'),
    selected: ['src/a.txt']
  } satisfies HashedStep

  test('keeps the signatures and the step hashes, and is a valid record', () => {
    const r = newRecord({
      contextHash: H('a'),
      files: fileSignatures(entries),
      steps: [step],
      commit: 'c0ffee',
      buildId: '17',
      imageId: H('f'),
      tags: ['app:1'],
      builtAt: new Date('2024-05-06T07:08:09Z'),
      dockerfile: 'Dockerfile'
    })
    expect(r.files).toEqual(fileSignatures(entries))
    expect(r.files['src/a.txt']).toBe(`file 0644 ${H('1')} 3`)
    expect(r.files.src).toBe('dir 0755 - 0')
    expect(r.steps).toEqual([
      { stage: 'builder', index: 3, instruction: 'COPY src ./src', line: 4, sourceHash: H('3') }
    ])
    expect(r.builtAt).toBe('2024-05-06T07:08:09.000Z')
    expect(validateRecord(r)).toEqual(r)
  })
})

describe('a file named __proto__', () => {
  test('survives signatures, diff and validation', () => {
    const files = fileSignatures([
      { path: '__proto__', type: 'file', mode: 0o644, size: 1, digest: H('1') }
    ])
    expect(Object.keys(files)).toEqual(['__proto__'])
    expect(diffRecords(recordWith({}), files).added).toEqual(['__proto__'])
    const parsed = validateRecord(JSON.parse(JSON.stringify(recordWith(files))))
    expect(Object.keys(parsed.files)).toEqual(['__proto__'])
  })
})

describe('diffRecords equals a diff of two Map copies', () => {
  /** The diff by definition: both maps copied into Maps, every key looked up there. */
  const byMaps = (before: Record<string, string>, now: Record<string, string>) => {
    const b = new Map(Object.entries(before))
    const n = new Map(Object.entries(now))
    const sorted = (xs: string[]) =>
      xs.sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)))
    return {
      changed: sorted([...n].filter(([p, s]) => b.has(p) && b.get(p) !== s).map(([p]) => p)),
      added: sorted([...n.keys()].filter(p => !b.has(p))),
      removed: sorted([...b.keys()].filter(p => !n.has(p)))
    }
  }
  // Names an object handles specially: prototype keys, integer-like keys (enumerated first).
  const NAMES = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '0',
    '7',
    '10',
    'a',
    'b/c',
    'é',
    'z z'
  ]
  const SIGS = ['file 0644 x 1', 'file 0644 y 1', 'dir 0755 - 0']

  test('on random pairs of maps (same sets, additions, removals, both)', () => {
    let seed = 17
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const mapOf = (pairs: [string, string][]): Record<string, string> => Object.fromEntries(pairs)
    for (let round = 0; round < 400; round++) {
      const pick = (): [string, string][] =>
        NAMES.filter(() => rand(3) > 0).map(p => [p, SIGS[rand(SIGS.length)] as string])
      const before = pick()
      // Every third round the same paths, so the no-removal shortcut is taken both ways.
      const now =
        round % 3 === 0
          ? before.map(([p, s]) => [p, rand(4) === 0 ? 'file 0600 q 1' : s] as [string, string])
          : pick()
      // As a record file holds them: parsed JSON, so `__proto__` is an own key.
      const prev = validateRecord(JSON.parse(JSON.stringify(recordWith(mapOf(before)))))
      const files = mapOf(now)
      expect(diffRecords(prev, files)).toEqual(byMaps(prev.files, files))
    }
  })
})
