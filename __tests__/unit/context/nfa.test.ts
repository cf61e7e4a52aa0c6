/**
 * The linear NFA against the backtracking JS RegExp it replaced: the same parsed Go regexp,
 * printed as a JS regexp, must accept exactly the same strings (on inputs short enough for
 * backtracking to finish). And the one-pass parent check against parentDirs taken literally.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  compileForm,
  compileGoRegexp,
  compilePatterns,
  GoRegexpError,
  IgnoreSyntaxError,
  parentCuts,
  parentDirs,
  parseGoRegexp,
  requiredLiteral
} from '../../../src/gomatch/index.js'
import type { RegexNode } from '../../../src/gomatch/index.js'

const RUNS = Number(process.env.FB_FUZZ_RUNS ?? 2000)

/** The parsed expression as the JS RegExp source the pre-NFA translator emitted (same meaning). */
function toJs(n: RegexNode): string {
  switch (n.kind) {
    case 'class': {
      const hex = (cp: number): string => `\\u{${cp.toString(16)}}`
      const body = n.ranges.map(([lo, hi]) => `${hex(lo)}-${hex(hi)}`).join('') + n.props.join('')
      if (body === '') return n.negated ? '[^]' : '[]'
      return `[${n.negated ? '^' : ''}${body}]`
    }
    case 'assert':
      return { begin: '^', end: '$', wordBoundary: '\\b', notWordBoundary: '\\B' }[n.at]
    case 'concat':
      return n.items.map(i => (i.kind === 'alt' ? `(?:${toJs(i)})` : toJs(i))).join('')
    case 'alt':
      return n.alts.map(toJs).join('|')
    case 'repeat':
      return `(?:${toJs(n.sub)})${n.op}`
  }
}

/** Both engines on one input; undefined when the expression is one Go rejects. */
function both(source: string, input: string): { nfa: boolean; js: boolean } | undefined {
  let node: RegexNode
  try {
    node = parseGoRegexp(source)
  } catch (e) {
    if (e instanceof GoRegexpError) return undefined
    throw e
  }
  return {
    nfa: compileGoRegexp(source).test(input),
    js: new RegExp(toJs(node), 'u').test(input)
  }
}

// Pieces of .dockerignore patterns, hostile ones included, and of paths to match them against.
const patternPiece = fc.constantFrom(
  'a',
  'b',
  '/',
  '*',
  '**',
  '**/',
  '?',
  '.',
  '[ab]',
  '[^a]',
  '[!/]',
  '[a-c]',
  '\\d',
  '\\pL',
  '\\b',
  '\\B',
  '\\.',
  '\\*',
  '[[:alpha:]]',
  '[\\w]',
  '^',
  '$',
  'é',
  '😀'
)
const pattern = fc.array(patternPiece, { minLength: 1, maxLength: 8 }).map(p => p.join(''))
const path = fc
  .array(fc.constantFrom('a', 'b', 'c', '/', '.', '1', '_', 'é', '😀', '\n', '$', '*'), {
    maxLength: 12
  })
  .map(p => p.join(''))

describe('NFA vs backtracking RegExp', () => {
  test('patternmatcher regexps: the same verdict on every path', () => {
    fc.assert(
      fc.property(pattern, path, (pat, p) => {
        const form = compileForm(pat)
        if (form.regexp === null) return
        const r = both(form.regexp, p)
        if (r) expect({ pat, p, nfa: r.nfa }).toEqual({ pat, p, nfa: r.js })
      }),
      { numRuns: RUNS }
    )
  })

  test('general Go regexps (groups, alternation, anchors, word boundaries)', () => {
    const token = fc.constantFrom(
      'a',
      'b',
      '/',
      '(',
      ')',
      '|',
      '*',
      '+',
      '?',
      '*?',
      '^',
      '$',
      '\\b',
      '\\B',
      '\\A',
      '\\z',
      '.',
      '[ab]',
      '[^b]',
      '\\Qa/\\E',
      '()'
    )
    const regexp = fc.array(token, { minLength: 1, maxLength: 10 }).map(t => t.join(''))
    // V8's `\B` under the u flag matches between the two halves of a surrogate pair (/\B/u on
    // "a😀a" matches at index 2); Go never splits a rune. No token names a character outside the
    // BMP, so the oracle reads each as one BMP non-word character, which every token treats alike.
    const bmp = (s: string): string => s.replace(/[\u{10000}-\u{10FFFF}]/gu, '§')
    fc.assert(
      fc.property(regexp, path, (re, p) => {
        const r = both(re, p)
        const js = r && both(re, bmp(p))?.js
        if (r) expect({ re, p, nfa: r.nfa }).toEqual({ re, p, nfa: js })
      }),
      { numRuns: RUNS }
    )
  })

  test('the oracle reads a character outside the BMP as Go does, one non-word rune', () => {
    expect(/\B/u.test('a😀a')).toBe(true) // the V8 quirk the general test works around
    expect(compileGoRegexp('\\B').test('a😀a')).toBe(false)
    expect(compileGoRegexp('\\B').test('a§a')).toBe(false)
    expect(compileGoRegexp('a.a').test('a😀a')).toBe(true)
  })

  test('fixed cases', () => {
    const cases: [string, string, boolean][] = [
      ['^(.*/)?a$', 'b/c/a', true],
      ['^(.*/)?a$', 'b/ca', false],
      ['a|b', 'xbx', true],
      ['^(a|bc)*$', 'abcbca', true],
      ['^(a|bc)*$', 'abcb', false],
      ['^()*$', '', true],
      ['\\ba\\b', 'x a', true],
      ['\\ba\\b', 'xa', false],
      ['^\\B$', '', true],
      ['^[\\p{Greek}]$', 'α', true],
      ['^\\P{Any}', 'a', false],
      ['^[^\\P{L}]$', 'é', true],
      ['^.$', '😀', true],
      ['^..$', '😀', false],
      ['^.$', '\ud800', true]
    ]
    for (const [re, input, want] of cases) {
      expect({ re, input, got: compileGoRegexp(re).test(input) }).toEqual({ re, input, got: want })
      expect(both(re, input)?.js).toBe(want)
    }
  })

  test('testPrefixes is the whole input or any prefix at a cut, end assertions included', () => {
    const cutsOf = (s: string): number[] => [...s.matchAll(/\//g)].map(m => m.index)
    fc.assert(
      fc.property(pattern, fc.constantFrom('', '$', '\\b', '\\B', 'a$'), path, (pat, tail, p) => {
        const form = compileForm(pat)
        const source = form.regexp === null ? `^${tail}` : form.regexp.slice(0, -1) + tail
        let nfa
        try {
          nfa = compileGoRegexp(source)
        } catch {
          return
        }
        const cuts = cutsOf(p)
        const want = nfa.test(p) || cuts.some(c => nfa.test(p.slice(0, c)))
        expect({ source, p, got: nfa.testPrefixes(p, cuts) }).toEqual({ source, p, got: want })
      }),
      { numRuns: RUNS }
    )
  })
})

describe('the required literal the NFA checks before it runs', () => {
  const literal = (re: string): string => requiredLiteral(parseGoRegexp(re))

  test('what each construct contributes', () => {
    expect(literal(compileForm('**/*.tmp').regexp ?? '')).toBe('.tmp')
    expect(literal(compileForm('a/*/node_modules').regexp ?? '')).toBe('/node_modules')
    expect(literal('abc')).toBe('abc')
    expect(literal('ab|cd')).toBe('')
    expect(literal('x(ab)?y')).toBe('x')
    expect(literal('x(abc)+y')).toBe('abc')
    expect(literal('x(abc)*y')).toBe('x')
    expect(literal('a\\bcd')).toBe('cd')
    expect(literal('[a]bc')).toBe('abc')
    expect(literal('[^a]bc')).toBe('bc')
    expect(literal('[ab]c')).toBe('c')
    expect(literal('😀😀')).toBe('😀😀')
    expect(literal('.')).toBe('')
  })

  test('every match holds it: JS RegExp matches, on every pattern and path', () => {
    fc.assert(
      fc.property(pattern, path, (pat, p) => {
        const form = compileForm(pat)
        if (form.regexp === null) return
        let node: RegexNode
        try {
          node = parseGoRegexp(form.regexp)
        } catch {
          return
        }
        const m = new RegExp(toJs(node), 'u').exec(p)
        if (m)
          expect({ pat, p, within: m[0].includes(requiredLiteral(node)) }).toEqual({
            pat,
            p,
            within: true
          })
      }),
      { numRuns: RUNS }
    )
  })
})

describe('parent directories in one pass', () => {
  const cleanPath = fc
    .array(fc.constantFrom('a', 'b', 'ab', 'x.y', '..', 'é'), { minLength: 1, maxLength: 6 })
    .map(p => p.join('/'))

  test('parentCuts gives parentDirs as prefixes of clean paths, null for others', () => {
    fc.assert(
      fc.property(fc.oneof(cleanPath, path), p => {
        const cuts = parentCuts(p)
        if (cuts === null) return
        expect(cuts.map(c => p.slice(0, c))).toEqual(parentDirs(p))
      }),
      { numRuns: RUNS }
    )
    expect(parentCuts('/a/b')).toBeNull()
    expect(parentCuts('a//b')).toBeNull()
    expect(parentCuts('./a')).toBeNull()
  })

  test('match() without parent info equals checking each parentDirs entry on its own', () => {
    const anyPattern = fc.oneof(
      pattern,
      fc.constantFrom('a', 'a/b', 'ab/**', 'a/**', '**', '**/b', '**/a/b', '**b', '..', '../a')
    )
    fc.assert(
      fc.property(anyPattern, fc.oneof(cleanPath, path), (pat, p) => {
        let m
        try {
          m = compilePatterns([pat])
          m.match('probe')
        } catch (e) {
          if (e instanceof IgnoreSyntaxError) return
          throw e
        }
        // With a parent result of `false`, match() judges only the path itself.
        const alone = (x: string): boolean => m.match(x, { parentMatched: [false] }).excluded
        const want = alone(p) || parentDirs(p).some(alone)
        expect({ pat, p, got: m.match(p).excluded }).toEqual({ pat, p, got: want })
        expect(m.matchesOrParentMatches(p)).toBe(want)
      }),
      { numRuns: RUNS }
    )
  })

  test('hostile patterns against a path 4000 directories deep finish quickly', () => {
    const deep = Array(4000).fill('x').join('/')
    const t = performance.now()
    for (const pat of ['**/**/**/**/**/**/a', '**/x/**/x/**/x/**/y', 'x/**/*?*?*?*?*?*!'])
      expect(compilePatterns([pat]).match(`${deep}/b`).excluded).toBe(false)
    expect(compilePatterns(['*a*a*a*a*a*a*b']).match('a'.repeat(100000)).excluded).toBe(false)
    // Backtracking took 40 s at 80 levels; the NFA takes milliseconds. The bound is generous.
    expect(performance.now() - t).toBeLessThan(5000)
  })
})
