/**
 * A 10,000-line .dockerignore on a deep tree (issue 13: 332 s to hash against 10.7 s for docker
 * build). Docker tries every pattern on every path; the matcher tries only the patterns whose
 * leading literal segments are the path's own, which this test counts, and the answers stay
 * those of the plain rule (a literal pattern excludes the path itself and everything below it).
 */
import { expect, test } from '@jest/globals'
import { compilePatterns } from '../../../src/gomatch/index.js'

test('10,000 literal patterns: a handful of evaluations per path, the same answers', () => {
  const patterns: string[] = []
  for (let i = 0; i < 10_000; i++) patterns.push(`src/mod${i % 100}/gen/file${i}.js`)
  patterns.push('**/*.tmp', '!src/mod7/gen/file7.js')
  const m = compilePatterns(patterns)
  const literal = new Set(patterns.slice(0, 10_000))
  const paths: string[] = []
  for (let d = 0; d < 100; d++) {
    for (let f = 0; f < 40; f++) paths.push(`src/mod${d}/gen/file${d + 100 * f}.js`)
    paths.push(`src/mod${d}/gen/keep${d}.js`, `src/mod${d}/deep/a/b/c/d/e/f/g/x${d}.tmp`)
  }
  for (const p of paths) {
    const expected = p === 'src/mod7/gen/file7.js' ? false : literal.has(p) || p.endsWith('.tmp')
    expect([p, m.matchesOrParentMatches(p)]).toEqual([p, expected])
  }
  // All patterns on every path would be 10,002 per path; a path sees the ~100 of its module
  // folder (they share `src/modN/gen`), the glob and the exception.
  expect(m.evaluations / paths.length).toBeLessThan(120)
})

test('walking with parent results: patterns are tried only under their own leading folders', () => {
  const patterns = Array.from({ length: 10_000 }, (_, i) => `vendor/pkg${i}/**`)
  const m = compilePatterns(patterns)
  const top = m.match('vendor')
  expect(top.excluded).toBe(false)
  // `dir/**` excludes what is below dir, as Docker's prefix match does, not dir itself.
  const pkg = m.match('vendor/pkg42', top.info)
  expect(pkg.excluded).toBe(false)
  const deep = m.match('vendor/pkg42/deep', pkg.info)
  expect(deep.excluded).toBe(true)
  expect(m.match('vendor/pkg42/deep/file', deep.info).excluded).toBe(true)
  expect(m.match('vendor/other', top.info).excluded).toBe(false)
  expect(m.evaluations).toBeLessThan(50)
})
