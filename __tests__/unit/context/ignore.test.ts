/** Behaviour beyond the upstream tables: file parsing details, Go regexp quirks, pruning analysis. */
import { describe, expect, test } from '@jest/globals'
import {
  compileGoRegexp,
  compilePatterns,
  goClean,
  GoRegexpError,
  IgnoreSyntaxError,
  isValidGlob,
  parseIgnoreFile
} from '../../../src/gomatch/index.js'

const excluded = (patterns: string[], path: string): boolean =>
  compilePatterns(patterns).matchesOrParentMatches(path)

describe('parseIgnoreFile (ignorefile.ReadAll)', () => {
  test('keeps each pattern with its 1-based line; comments only at column 0', () => {
    const text = '\ufeff# top\n\n  # not a comment  \r\n/abs/path/\n!  ./x/../y\n\t\n**/*.log'
    expect(parseIgnoreFile(text)).toEqual([
      { pattern: '# not a comment', line: 3 },
      { pattern: 'abs/path', line: 4 },
      { pattern: '!y', line: 5 },
      { pattern: '**/*.log', line: 7 }
    ])
  })

  test('trims like Go strings.TrimSpace, not like String.prototype.trim', () => {
    expect(parseIgnoreFile('\u0085a\u00a0\n\ufeffb\n').map(l => l.pattern)).toEqual([
      'a',
      '\ufeffb'
    ])
  })

  test('goClean is filepath.Clean', () => {
    expect(
      ['', '.', './a/', 'a//b/./c/..', '/../a', '../../a', 'a/../..', '/'].map(goClean)
    ).toEqual(['.', '.', 'a', 'a/b', '/a', '../../a', '..', '/'])
  })
})

describe('syntax errors', () => {
  test('IgnoreSyntaxError carries file and line', () => {
    const lines = parseIgnoreFile('ok\n\n# c\nbad[\n')
    let err: unknown
    try {
      compilePatterns(lines, '/ctx/.dockerignore')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(IgnoreSyntaxError)
    expect(err).toMatchObject({ file: '/ctx/.dockerignore', line: 4, pattern: 'bad[' })
    expect((err as Error).message).toBe('/ctx/.dockerignore:4: syntax error in pattern "bad["')
  })

  test('filepath.Match syntax: what New rejects and what it lets through', () => {
    for (const bad of ['[', 'a[', '[^', '[]a]', '[-]', '[x-]', '[a-b-c]', 'a\\', '[\\'])
      expect(isValidGlob(bad)).toBe(false)
    // Reversed ranges pass filepath.Match; Go's regexp rejects them later.
    for (const ok of ['[z-a]', '[!a]', '[\\]]', 'a\\*', '**/x', '[a-c]?*'])
      expect(isValidGlob(ok)).toBe(true)
    expect(() => compilePatterns(['[z-a]']).matchesOrParentMatches('b')).toThrow(IgnoreSyntaxError)
  })

  test('an escape Go regexp does not know fails when evaluated', () => {
    expect(() => excluded(['a\\y'], 'ay')).toThrow(
      /syntax error in pattern "a\\y" \(invalid escape sequence/
    )
    expect(() => excluded(['\\p{Greek}'], 'α')).toThrow(IgnoreSyntaxError)
  })
})

describe('Go regexp semantics inside patterns', () => {
  test.each<[string, string, boolean]>([
    ['[!a].txt', '!.txt', true],
    ['[!a].txt', 'b.txt', false],
    ['[^a].txt', 'b.txt', true],
    ['a[^x]b', 'a/b', true], // a negated class matches `/`
    ['a\\d', 'a7', true], // `\d` reaches the regexp as a digit class
    ['a\\d', 'ad', false],
    ['[[:digit:]]x', '5x', true],
    ['[[:^digit:]]x', '5x', false],
    ['x[\\w]', 'x_', true],
    ['*^b', '^b', false], // `^` is an anchor in regexp mode
    ['a^b', 'a^b', true], // ... and a plain byte in an exact pattern
    ['a+b*', 'a+bc', true],
    ['a.b*', 'axbc', false],
    ['(a)*', '(a)x', true],
    ['ABC*', 'abc', false],
    ['**/x', 'p/q/x/y', true],
    ['**x', 'ax', true], // current Docker: suffix without slash
    ['dir**', 'directory', true],
    ['[*]', ']', true], // `*` inside a class becomes `[^/]*` in the regexp
    ['\\pL*', 'αβ', true], // `\pL` is a Unicode class (`\p{..}` cannot work: patternmatcher escapes `{`)
    ['\\x41*', 'AB', true]
  ])('%s on %s -> %s', (pattern, path, want) => {
    expect(excluded([pattern], path)).toBe(want)
  })

  test('translation errors mirror Go regexp.Compile', () => {
    for (const bad of ['^[z-a]$', '^[[:nope:]]$', '^a\\8$', '^\\p{Nope}$', '^[a$', '^a\\é$']) {
      expect(() => compileGoRegexp(bad)).toThrow(GoRegexpError)
    }
    expect(compileGoRegexp('^(.*/)?a$').test('b/c/a')).toBe(true)
    expect(compileGoRegexp('^.*$').test('a\nb')).toBe(false) // Go's `.` stops at newline
    expect(compileGoRegexp('^[^/]*$').test('a\nb')).toBe(true)
  })
})

describe('walker semantics', () => {
  test('match() with parent info is MatchesUsingParentResults', () => {
    const m = compilePatterns(['a/x', '!a'])
    const a = m.match('a')
    expect(a.excluded).toBe(false)
    expect(m.match('a/x', a.info).excluded).toBe(true)
    // MatchesOrParentMatches re-checks `!a` against the parent and re-includes.
    expect(m.matchesOrParentMatches('a/x')).toBe(false)
  })

  test('exceptionMayMatchUnder says which excluded dirs need reading', () => {
    const cases: [string[], string, boolean][] = [
      [['node_modules'], 'node_modules', false],
      [['node_modules', '!*.md'], 'node_modules', false],
      [['node_modules', '!src/*.ts'], 'node_modules', false],
      [['node_modules', '!src/*.ts'], 'src', true],
      [['*', '!*/keep.txt'], 'app', true],
      [['*', '!app/*/keep.txt'], 'lib', false],
      [['*', '!app/*/keep.txt'], 'app/x', true],
      [['node_modules', '!node_modules/keep/**'], 'node_modules', true],
      [['node_modules', '!node_modules/keep/**'], 'node_modules/other', false],
      [['node_modules', '!node_modules/a.txt'], 'node_modules', true],
      [['node_modules', '!node_modules'], 'node_modules/x', false],
      [['node_modules', '!**/*.md'], 'node_modules', true],
      [['node_modules', '!**.md'], 'node_modules', true],
      [['node_modules', '!n[o]de_modules/x'], 'node_modules', true],
      [['node_modules', '!src/[a]/x'], 'node_modules', false],
      [['node_modules', '!no*/x'], 'node_modules', true],
      [['node_modules', '!no*/x'], 'lib', false]
    ]
    for (const [patterns, dir, want] of cases) {
      expect([patterns, dir, compilePatterns(patterns).exceptionMayMatchUnder(dir)]).toEqual([
        patterns,
        dir,
        want
      ])
    }
  })
})
