/**
 * COPY/ADD --exclude goes through the one patternmatcher port, driven as fsutil's copier drives it.
 * The daemon here (Docker 20.10, its built-in Dockerfile frontend) rejects `--exclude` ("Unknown
 * flag: exclude") and the 1.7-labs frontend cannot be pulled offline, so these cases are proven
 * against BuildKit's documented behaviour and its own tests, each named below.
 */
import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { destinationFor, readDockerfile, selectSources } from '../../../src/dockerfile/index.js'
import { compilePatterns, ExcludeRules, IgnoreSyntaxError } from '../../../src/gomatch/index.js'
import type { ContextEntry } from '../../../src/model.js'

const excluded = (patterns: string[], path: string): boolean =>
  new ExcludeRules(patterns).excluded(path)

describe('where the old RegExp --exclude code and patternmatcher differ, patternmatcher wins', () => {
  test.each([
    // `**` inside a regexp pattern is `(.*/)?`: whole directories, never part of a name.
    ['** before a glob spans directories only', ['**b*'], 'xb', false],
    ['** before a glob spans directories only', ['**b*'], 'x/bc', true],
    ['** between letters', ['a**b'], 'axb', false],
    ['** between letters', ['a**b'], 'a/x/b', true],
    // `^` reaches Go's regexp unescaped: an anchor that can never match mid-pattern.
    ['^ outside a class is a regexp anchor', ['a^b*'], 'a^bc', false],
    // No ignorefile.ReadAll for --exclude: New cleans, but a leading / or .. stays.
    ['a leading / is kept and matches no relative path', ['/a.txt'], 'a.txt', false],
    ['a leading .. is kept and matches nothing', ['../a.txt'], 'a.txt', false],
    // New cleans before it takes the `!`, so `!./x` keeps its `./` and re-includes nothing.
    ['! is taken after cleaning', ['*.txt', '!./keep.txt'], 'keep.txt', true],
    // Go's TrimSpace keeps U+FEFF (JS trim drops it).
    ['Go TrimSpace keeps a BOM', ['\ufeff*.txt'], 'a.txt', false],
    // MatchesUsingParentResults: `!a` was skipped at `a` (nothing matched yet), and at `a/b`
    // it is tried on `a/b` alone, so the exclusion stands (old code re-included via the parent).
    ['parent results, not a parent re-check', ['a/b', '!a'], 'a/b', true]
  ])('%s: %j on %s -> %s', (_name, patterns, path, want) => {
    expect(excluded(patterns, path)).toBe(want)
  })

  test('the walk (parent results) differs from MatchesOrParentMatches, and --exclude walks', () => {
    expect(compilePatterns(['a/b', '!a']).matchesOrParentMatches('a/b')).toBe(false)
    expect(excluded(['a/b', '!a'], 'a/b')).toBe(true)
  })
})

describe('what both agreed on stays', () => {
  test.each([
    [['sub/'], 'sub/c.txt', true],
    [['[ab].txt'], 'b.txt', true],
    [['[^a].txt'], 'a.txt', false],
    [['\\*.txt'], '*.txt', true],
    [['\\*.txt'], 'a.txt', false],
    [['**/*.md'], 'a/b/c.md', true],
    [['d', '!d/keep'], 'd/keep', false],
    [['d', '!d/keep'], 'd/other', true]
  ])('%j on %s -> %s', (patterns, path, want) => {
    expect(excluded(patterns, path)).toBe(want)
  })
})

describe('patterns BuildKit rejects ("invalid excludepatterns") fail the step there', () => {
  test.each([
    ['a malformed class', ['*.md', '[']],
    ['a lone !', ['!']],
    // filepath.Match accepts a reversed range, Go's regexp does not.
    ['a reversed range', ['[z-a]']]
  ])('%s: rejected, and a step that cannot run excludes nothing', (_name, patterns) => {
    const rules = new ExcludeRules(patterns)
    expect(rules.rejected).toBeInstanceOf(IgnoreSyntaxError)
    expect(rules.rejected?.message).toMatch(/^COPY --exclude(:\d+)?: /)
    expect(rules.excluded('x.md')).toBe(false)
  })
})

/** tonistiigi/fsutil copy/copy_test.go, TestCopyIncludeExclude, its exclude-only rows. */
describe('fsutil TestCopyIncludeExclude: what the copier writes', () => {
  const TREE = ['bar/foo', 'bar/baz', 'bar/baz/foo3', 'foo2']
  test.each([
    [
      ['bar*', '!bar/baz'],
      ['bar/baz', 'bar/baz/foo3', 'foo2']
    ],
    [
      ['**', '!bar/baz'],
      ['bar/baz', 'bar/baz/foo3']
    ],
    [['**', '!bar/baz', 'bar/baz/foo3'], ['bar/baz']],
    [['bar/baz'], ['bar/foo', 'foo2']]
  ])('%j keeps %j', (patterns, kept) => {
    const rules = new ExcludeRules(patterns)
    expect(TREE.filter(p => !rules.excluded(p))).toEqual(kept)
  })
})

const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`
const file = (path: string): ContextEntry => ({
  path,
  type: 'file',
  mode: 0o600,
  size: path.length,
  digest: sha(path)
})
const dir = (path: string): ContextEntry => ({ path, type: 'dir', mode: 0o755, size: 0 })
const link = (path: string, target: string): ContextEntry => ({
  path,
  type: 'symlink',
  mode: 0o777,
  size: 0,
  linkTarget: target,
  digest: sha(target)
})

/** The tree of BuildKit's testExcludedFilesOnCopy (frontend/dockerfile/exclude_patterns_test.go). */
const CONTEXT: ContextEntry[] = [
  dir('dir1'),
  file('dir1/file-101.png'),
  file('dir1/file-102.txt'),
  file('dir1/file-103.jpeg'),
  dir('dir2'),
  file('dir2/file-201.pdf'),
  file('dir2/file-202.jpeg'),
  file('dir2/file-203.png'),
  dir('dir3'),
  file('dir3/file-301.mp3'),
  file('dir3/file-302.mpeg'),
  dir('dir4'),
  file('dir4/file-401.txt'),
  link('dir4/file-402.txt', 'file-401.txt'),
  link('dir4/file-403.txt', 'file-404.txt'),
  file('a'),
  file('b')
]
const stepOf = (instruction: string) =>
  readDockerfile(`FROM scratch\n${instruction}\n`, { file: 'Dockerfile' }).steps[0]
/** The non-directory entries the step copies, with where each lands. */
const copied = (instruction: string): Record<string, string | null> => {
  const step = stepOf(instruction)
  const out: Record<string, string | null> = {}
  for (const e of selectSources(step, CONTEXT))
    if (e.type !== 'dir') out[e.path] = destinationFor(step, e.path)
  return out
}

describe('BuildKit testExcludedFilesOnCopy, through selectSources and destinationFor', () => {
  test('builder1: --exclude=*/*.png --exclude=*/*.jpeg . /1', () => {
    expect(copied('COPY --exclude=*/*.png --exclude=*/*.jpeg . /1')).toEqual({
      'dir1/file-102.txt': '1/dir1/file-102.txt',
      'dir2/file-201.pdf': '1/dir2/file-201.pdf',
      'dir3/file-301.mp3': '1/dir3/file-301.mp3',
      'dir3/file-302.mpeg': '1/dir3/file-302.mpeg',
      'dir4/file-401.txt': '1/dir4/file-401.txt',
      'dir4/file-402.txt': '1/dir4/file-402.txt',
      'dir4/file-403.txt': '1/dir4/file-403.txt',
      a: '1/a',
      b: '1/b'
    })
  })

  test('builder3: ADD --exclude=*.mp3 dir3/ /3/ (relative to the source)', () => {
    expect(copied('ADD --exclude=*.mp3 dir3/ /3/')).toEqual({
      'dir3/file-302.mpeg': '3/file-302.mpeg'
    })
  })

  test('builder4: wildcard sources, patterns relative to each match', () => {
    const flags = ['mp3', 'jpeg', 'png', 'pdf', 'txt'].map(x => `--exclude=*.${x}`).join(' ')
    expect(copied(`COPY ${flags} dir* /4/`)).toEqual({ 'dir3/file-302.mpeg': '4/file-302.mpeg' })
  })

  test('builder6: ADD --exclude=* dir* /6 copies no file', () => {
    expect(copied('ADD --exclude=* dir* /6')).toEqual({})
  })
})

/** moby/buildkit#5489; fsutil copy.go copier.copy matches only paths below the source root. */
describe('the source root itself is never excluded', () => {
  test.each([
    ['a file source', 'COPY --exclude=a a /x/', { a: 'x/a' }],
    ['files a wildcard matched', 'COPY --exclude=a ? /x/', { a: 'x/a', b: 'x/b' }]
  ])('%s: %s', (_name, instruction, want) => {
    expect(copied(instruction)).toEqual(want)
  })
})
