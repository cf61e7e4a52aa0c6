import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import {
  destinationFor,
  hashSteps,
  readDockerfile,
  selectSources
} from '../../../src/dockerfile/index.js'
import type { ContextEntry } from '../../../src/model.js'
import { hashEntries } from '../../../src/context/index.js'

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`
const file = (path: string, content = path, mode = 0o644): ContextEntry => ({
  path,
  type: 'file',
  mode,
  size: content.length,
  digest: sha(content)
})
const dir = (path: string, mode = 0o755): ContextEntry => ({ path, type: 'dir', mode, size: 0 })
const link = (path: string, target: string): ContextEntry => ({
  path,
  type: 'symlink',
  mode: 0o777,
  size: 0,
  linkTarget: target,
  digest: sha(target)
})

/** A context: package.json, src/{a.txt,b.md,sub/c.txt}, lib/x.js, docs/ (empty), README.md, ln -> src. */
const CONTEXT: ContextEntry[] = [
  file('README.md'),
  dir('docs'),
  dir('lib'),
  file('lib/x.js'),
  link('ln', 'src'),
  file('package.json'),
  dir('src'),
  file('src/a.txt'),
  file('src/b.md'),
  dir('src/sub'),
  file('src/sub/c.txt')
]

const stepOf = (instruction: string, workdir = '/app') =>
  readDockerfile(`FROM img\nWORKDIR ${workdir}\n${instruction}\n`, { file: 'Dockerfile' }).steps[0]
const paths = (instruction: string, entries = CONTEXT) =>
  selectSources(stepOf(instruction), entries).map(e => e.path)

describe('selectSources: what a step reads, as BuildKit covers it', () => {
  test.each([
    [
      'a directory selects itself and everything beneath',
      'COPY src ./src',
      ['src', 'src/a.txt', 'src/b.md', 'src/sub', 'src/sub/c.txt']
    ],
    ['a file selects itself', 'COPY package.json ./', ['package.json']],
    ['. selects all', 'COPY . .', CONTEXT.map(e => e.path)],
    [
      '/ and ./ prefixes are context-relative',
      'COPY /package.json ./lib/x.js /x/',
      ['lib/x.js', 'package.json']
    ],
    ['.. is cleaned and cannot escape', 'COPY ../../src/../package.json /x', ['package.json']],
    ['wildcard per segment', 'COPY src/*.txt /x/', ['src/a.txt']],
    ['* does not cross /', 'COPY *.txt /x/', []],
    [
      'a wildcard matching a dir includes its contents',
      'COPY src/s* /x/',
      ['src/sub', 'src/sub/c.txt']
    ],
    ['? and classes', 'COPY [lp]?? /x/', ['lib', 'lib/x.js']],
    ['an empty dir is selected', 'COPY docs /docs', ['docs']],
    [
      '--exclude relative to the source',
      'COPY --exclude=*.md --exclude=sub src /x/',
      ['src', 'src/a.txt']
    ],
    [
      '--exclude with ** and !',
      'COPY --exclude=**/*.txt --exclude=!src/sub/c.txt . /x/',
      [
        'README.md',
        'docs',
        'lib',
        'lib/x.js',
        'ln',
        'package.json',
        'src',
        'src/b.md',
        'src/sub',
        'src/sub/c.txt'
      ]
    ],
    [
      'a symlink source is followed within the context (and selected)',
      'COPY ln/sub /x',
      ['ln', 'src/sub', 'src/sub/c.txt']
    ],
    ['a missing source selects nothing', 'COPY nope /x', []],
    [
      'RUN --mount=type=bind source',
      'RUN --mount=type=bind,source=lib,target=/l make',
      ['lib', 'lib/x.js']
    ]
  ])('%s', (_name, instruction, want) => {
    expect(paths(instruction).sort()).toEqual([...want].sort())
  })
})

describe('hashSteps: sourceHash changes exactly when BuildKit re-runs the step', () => {
  const step = 'COPY src ./src'
  const hashOf = (entries: ContextEntry[]) =>
    hashSteps(readDockerfile(`FROM img\n${step}\n`, { file: 'Dockerfile' }), entries)[0].sourceHash
  const base = hashOf(CONTEXT)
  const replace = (path: string, e: ContextEntry | null) =>
    CONTEXT.flatMap(x => (x.path === path ? (e ? [e] : []) : [x])).concat(
      e && !CONTEXT.some(x => x.path === path) ? [e] : []
    )

  test.each([
    ['a content change inside src', replace('src/a.txt', file('src/a.txt', 'new'))],
    ['a rename inside src', [...replace('src/a.txt', null), file('src/a2.txt', 'src/a.txt')]],
    ['a new empty dir inside src', replace('src/new', dir('src/new'))],
    ['a chmod inside src', replace('src/a.txt', file('src/a.txt', 'src/a.txt', 0o755))],
    ['a symlink retarget inside src', replace('src/l', link('src/l', 'x'))]
  ])('%s changes it', (_name, entries) => {
    expect(hashOf(entries)).not.toBe(base)
  })

  test.each([
    ['a change outside src', replace('lib/x.js', file('lib/x.js', 'changed'))],
    ['a new file outside src', replace('z.txt', file('z.txt'))],
    [
      'a size-only field (not in the key)',
      replace('src/a.txt', { ...file('src/a.txt'), size: 999 })
    ]
  ])('%s does not change it', (_name, entries) => {
    expect(hashOf(entries)).toBe(base)
  })

  test('selected lists files and symlinks, not dirs, sorted; steps keep their fields', () => {
    const [h] = hashSteps(readDockerfile('FROM img\nCOPY . .\n', { file: 'Dockerfile' }), CONTEXT)
    expect(h.selected).toEqual([
      'README.md',
      'lib/x.js',
      'ln',
      'package.json',
      'src/a.txt',
      'src/b.md',
      'src/sub/c.txt'
    ])
    expect(h.sourceHash).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(h.instruction).toBe('COPY . .')
  })

  test('selected is in byte order whatever order the entries come in, named contexts too', () => {
    // UTF-16 order puts U+10000 (a surrogate pair from 0xD800) before U+FF01 and U+E000; UTF-8
    // bytes put it after (F0 90 80 80 > EF BC 81): the walk's byte order is what counts.
    const names = ['a', 'B', 'a/b', 'a-b', '\u00e9', '\uff01', '\u{10000}', '\ue000', 'z']
    const entries = names.map(n => file(n))
    const bytes = (xs: string[]) =>
      [...xs].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)))
    const plan = readDockerfile('FROM img\nCOPY . .\nCOPY --from=ctx . /n/\n', {
      file: 'Dockerfile',
      namedContexts: ['ctx']
    })
    const byBytes = bytes(names).map(n => entries.find(e => e.path === n) as ContextEntry)
    const orders = [
      entries,
      byBytes,
      [...byBytes].reverse(),
      [...entries].sort((x, y) => (x.path < y.path ? -1 : 1))
    ]
    const results = orders.map(es => hashSteps(plan, es, new Map([['ctx', es]])))
    for (const [main, named] of results) {
      expect(main?.selected).toEqual(bytes(names))
      expect(named?.selected).toEqual(bytes(names).map(n => `ctx:${n}`))
    }
    // The hash covers the same entries in the same order each time.
    expect(new Set(results.map(r => r.map(s => s.sourceHash).join()))).toHaveProperty('size', 1)
  })
})

describe('destinationFor: where a context file lands (layer tar path)', () => {
  test.each([
    [
      'dir source copies its contents into dest',
      'COPY src ./src',
      'src/sub/c.txt',
      'app/src/sub/c.txt'
    ],
    ['dir source into / keeps no dir name', 'COPY src /', 'src/a.txt', 'a.txt'],
    ['. source', 'COPY . .', 'lib/x.js', 'app/lib/x.js'],
    ['file to dest/ keeps its name', 'COPY package.json ./', 'package.json', 'app/package.json'],
    ['file to a new name', 'COPY package.json /etc/pkg', 'package.json', 'etc/pkg'],
    [
      'file to . (the WORKDIR) keeps its name',
      'COPY package.json .',
      'package.json',
      'app/package.json'
    ],
    [
      'file to the WORKDIR written without a slash',
      'COPY package.json /app',
      'package.json',
      'app/package.json'
    ],
    ['several sources go under dest/', 'COPY package.json lib /x/', 'lib/x.js', 'x/x.js'],
    ['a wildcard file goes under dest', 'COPY src/*.txt /x', 'src/a.txt', 'x/a.txt'],
    [
      'a wildcard-matched dir has its contents copied into dest',
      'COPY src/s* /x/',
      'src/sub/c.txt',
      'x/c.txt'
    ],
    [
      '--parents keeps the path from the context root',
      'COPY --parents src/sub /x/',
      'src/sub/c.txt',
      'x/src/sub/c.txt'
    ],
    [
      '--parents with a /./ pivot',
      'COPY --parents ./src/./sub/c.txt /x/',
      'src/sub/c.txt',
      'x/sub/c.txt'
    ],
    ['relative dest after relative WORKDIRs', 'COPY src dst', 'src/a.txt', 'app/dst/a.txt'],
    [
      'ADD of a plain file behaves like COPY',
      'ADD package.json /p/',
      'package.json',
      'p/package.json'
    ]
  ])('%s', (_name, instruction, path, want) => {
    expect(destinationFor(stepOf(instruction), path)).toBe(want)
  })

  test.each([
    ['RUN mounts put nothing in the image', 'RUN --mount=target=/y ls', 'src/a.txt'],
    ['an excluded path', 'COPY --exclude=*.md src /x/', 'src/b.md'],
    ['a path the step does not read', 'COPY src /x/', 'lib/x.js'],
    ['an archive ADD unpacks', 'ADD app.tar.gz /x/', 'app.tar.gz']
  ])('%s -> null', (_name, instruction, path) => {
    expect(destinationFor(stepOf(instruction), path)).toBeNull()
  })

  test('a step selecting every entry has the entries hash, given or worked out; others their own', () => {
    const plan = readDockerfile(
      'FROM img\nCOPY . .\nCOPY ./ /again/\nCOPY --exclude=*.md . /x/\nCOPY src /s/\n',
      { file: 'Dockerfile' }
    )
    const plain = hashSteps(plan, CONTEXT)
    const given = hashSteps(plan, CONTEXT, new Map(), hashEntries(CONTEXT))
    expect(given).toEqual(plain)
    const [all, again, excluded, src] = plain.map(s => s.sourceHash)
    expect(all).toBe(hashEntries(CONTEXT))
    expect(again).toBe(all)
    expect(excluded).toBe(hashEntries(selectSources(plan.steps[2] as never, CONTEXT)))
    expect(excluded).not.toBe(all)
    expect(src).toBe(
      hashEntries(CONTEXT.filter(e => e.path === 'src' || e.path.startsWith('src/')))
    )
  })
})
