/**
 * The filepath.Match port: cases from Go's documented rules (path/filepath Match: `*` and `?`
 * never match the separator, a class matches any one character, ErrBadPattern for a malformed
 * class or a trailing `\`), and fsutil's containsWildcards (tonistiigi/fsutil copy/copy.go).
 * Marked "was wrong" where the RegExp translation this port replaced answered differently.
 */
import { describe, expect, test } from '@jest/globals'
import { goMatch, hasWildcard, isValidGlob } from '../../../src/gomatch/index.js'

describe('goMatch is Go filepath.Match', () => {
  test.each([
    ['abc', 'abc', true],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['*', 'abc', true],
    ['*c', 'abc', true],
    ['a*', 'a/b', false],
    ['a*b', 'a/b', false],
    ['a*/b', 'abc/b', true],
    ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
    ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true],
    ['a*b?c*x', 'abxbbxdbxebxczzy', false],
    ['*x', 'xxx', true],
    ['ab[c]', 'abc', true],
    ['ab[b-d]', 'abc', true],
    ['ab[e-g]', 'abc', false],
    ['ab[^c]', 'abc', false],
    ['ab[^b-d]', 'abe', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'ab', false],
    ['a?b', 'a☺b', true],
    ['a[^a]b', 'a☺b', true],
    ['[\\]a]', ']', true],
    ['[\\-]', '-', true],
    ['[x\\-]', 'z', false],
    ['[a-b-c]', 'a', false],
    // A class matches the separator (Go checks `/` only for `*` and `?`).
    ['a[^x]b', 'a/b', true],
    ['a?b', 'a/b', false],
    // Was wrong: a code point outside the BMP is one rune for `?`, not two UTF-16 units.
    ['?', '😀', true],
    ['[😀]x', '😀x', true],
    // Was wrong: `]` or `-` cannot start a class, `-` cannot end one (ErrBadPattern: no match).
    ['[]a]', ']', false],
    ['[]a]', 'a', false],
    ['[-a]', 'a', false],
    ['[a-]', 'a', false],
    // Was wrong (threw a JS SyntaxError): a reversed range is valid Go and matches nothing.
    ['[z-a]', 'm', false],
    ['[z-a]*', 'zebra', false],
    // Malformed: no match.
    ['[', '[', false],
    ['[^', 'a', false],
    ['a[', 'a', false],
    ['\\', '\\', false],
    ['a\\', 'a', false],
    ['*x[', 'xx', false]
  ])('%s vs %s -> %s', (pattern, name, want) => {
    expect(goMatch(pattern, name)).toBe(want)
  })
})

describe('isValidGlob is filepath.Match without ErrBadPattern', () => {
  test.each([
    ['a*b?[c-d]\\*', true],
    ['[z-a]', true],
    ['[^]x]', false],
    ['[x', false],
    // Match checks the chunks after the first mismatch too.
    ['a*[', false],
    ['x[', false],
    ['[]', false],
    ['[\\', false]
  ])('%s -> %s', (pattern, want) => {
    expect(isValidGlob(pattern)).toBe(want)
  })
})

describe('hasWildcard is fsutil containsWildcards', () => {
  test.each([
    ['src/*.txt', true],
    ['a?', true],
    ['[ab]', true],
    ['plain/path', false],
    // Was wrong: an escaped meta character is no wildcard; fsutil copies `a\*b` by its name.
    ['a\\*b', false],
    ['a\\[b', false],
    ['a\\\\*b', true]
  ])('%s -> %s', (p, want) => {
    expect(hasWildcard(p)).toBe(want)
  })
})
