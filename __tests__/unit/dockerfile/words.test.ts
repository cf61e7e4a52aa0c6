import { describe, expect, test } from '@jest/globals'
import { expandWord, MAX_NESTING, splitWords, WordError } from '../../../src/dockerfile/words.js'
import { cleanRel, ExcludeRules, goMatch } from '../../../src/gomatch/index.js'

const vars = new Map([
  ['A', 'a'],
  ['EMPTY', ''],
  ['SP', 'x y']
])

describe('expandWord follows BuildKit shell.Lex', () => {
  test.each([
    ['$VAR', '$A/x', 'a/x'],
    ['${VAR}', '${A}b', 'ab'],
    ['unset is empty', '$NOPE-x', '-x'],
    [':- default when unset', '${NOPE:-d}', 'd'],
    [':- default when empty', '${EMPTY:-d}', 'd'],
    ['- keeps empty', '${EMPTY-d}', ''],
    [':- value when set', '${A:-d}', 'a'],
    [':+ alt when set', '${A:+alt}', 'alt'],
    [':+ nothing when unset', '${NOPE:+alt}', ''],
    ['default is expanded', '${NOPE:-$A}', 'a'],
    ['double quotes expand, keep spaces', '"$SP z"', 'x y z'],
    ['single quotes are literal', "'$A'", '$A'],
    ['escape makes $ literal', '\\$A', '$A'],
    ['lone $ stays', 'a$', 'a$'],
    ['escaped quote in double quotes', '"a\\"b"', 'a"b']
  ])('%s', (_name, word, want) => {
    expect(expandWord(word, vars)).toBe(want)
  })

  test('a backtick escape (# escape=`) escapes instead of backslash', () => {
    expect(expandWord('`$A\\x', vars, '`')).toBe('$A\\x')
  })

  test.each([['"open'], ["'open"], ['${A'], ['${}'], ['${NOPE:?must be set}']])(
    '%s is an error',
    word => {
      expect(() => expandWord(word, vars)).toThrow(WordError)
    }
  )
})

describe('nesting depth', () => {
  const nested = (n: number, open = '${NOPE:-'): string => `${open.repeat(n)}x${'}'.repeat(n)}`

  test(`${MAX_NESTING} levels expand; one more is a WordError, not a stack overflow`, () => {
    expect(expandWord(nested(MAX_NESTING), vars)).toBe('x')
    expect(expandWord(nested(MAX_NESTING, '"${NOPE:-').replace(/}/g, '}"'), vars)).toBe('x')
    expect(() => expandWord(nested(MAX_NESTING + 1), vars)).toThrow(WordError)
    expect(() => expandWord(nested(MAX_NESTING + 1), vars)).toThrow(/too deeply nested/)
  })

  test('a hundred thousand levels fail the same way', () => {
    expect(() => expandWord(nested(100000), vars)).toThrow(WordError)
    expect(() => expandWord(nested(100000, '"${A:+'), vars)).toThrow(WordError)
  })

  test('depth is per nesting, not per substitution: many siblings are fine', () => {
    expect(expandWord('${NOPE:-a}'.repeat(1000), vars)).toBe('a'.repeat(1000))
  })
})

describe('splitWords keeps quoted whitespace in one word', () => {
  test.each([
    ['a b  c', ['a', 'b', 'c']],
    ['"a b" c', ['"a b"', 'c']],
    ["'a b'c d", ["'a b'c", 'd']],
    ['a\\ b c', ['a\\ b', 'c']]
  ])('%s', (text, want) => {
    expect(splitWords(text, '\\')).toEqual(want)
  })
})

describe('goMatch is Go filepath.Match', () => {
  test.each([
    ['*.txt', 'a.txt', true],
    ['*.txt', 'd/a.txt', false],
    ['src/*', 'src/a', true],
    ['?.txt', 'ab.txt', false],
    ['[ab].txt', 'b.txt', true],
    ['[^ab].txt', 'c.txt', true],
    ['[a-c]x', 'bx', true],
    ['[a-c]x', 'dx', false],
    ['\\*', '*', true],
    ['**', 'a', true],
    ['**', 'a/b', false],
    ['[', '[', false]
  ])('%s vs %s -> %s', (pattern, name, want) => {
    expect(goMatch(pattern, name)).toBe(want)
  })
})

describe('exclude patterns follow patternmatcher', () => {
  test.each([
    [['*.txt'], 'a.txt', true],
    [['*.txt'], 'd/a.txt', false],
    [['**/*.txt'], 'd/e/a.txt', true],
    [['**/*.txt'], 'a.txt', true],
    [['d'], 'd/e/a.txt', true],
    [['*.txt', '!keep.txt'], 'keep.txt', false],
    [['./d/'], 'd/x', true]
  ])('%j excludes %s: %s', (patterns, path, want) => {
    expect(new ExcludeRules(patterns).excluded(path)).toBe(want)
  })
})

describe('cleanRel cleans like path.Clean under the context root', () => {
  test.each([
    ['./a', 'a'],
    ['/a/b/', 'a/b'],
    ['a/../b', 'b'],
    ['../../x', 'x'],
    ['.', '.'],
    ['/', '.']
  ])('%s -> %s', (p, want) => {
    expect(cleanRel(p)).toBe(want)
  })
})
