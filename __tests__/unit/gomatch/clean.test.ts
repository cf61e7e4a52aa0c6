import { describe, expect, test } from '@jest/globals'
import { cleanRel, goClean } from '../../../src/gomatch/index.js'

/** cleanRel by its definition: Go's path.Clean("/" + p) without the leading slash. */
const byDefinition = (p: string): string => {
  const rooted = goClean(`/${p}`)
  return rooted === '/' ? '.' : rooted.slice(1)
}

/** Every path of up to `n` segments drawn from `parts`, joined by `/`. */
function pathsOf(parts: readonly string[], n: number): string[] {
  let out = ['']
  const all: string[] = []
  for (let i = 0; i < n; i++) {
    out = out.flatMap(p => parts.map(s => (i === 0 ? s : `${p}/${s}`)))
    all.push(...out)
  }
  return all
}

describe('cleanRel', () => {
  test('Go semantics on the classic cases', () => {
    expect(cleanRel('./a')).toBe('a')
    expect(cleanRel('/a')).toBe('a')
    expect(cleanRel('a/../a/')).toBe('a')
    expect(cleanRel('../../x')).toBe('x')
    expect(cleanRel('')).toBe('.')
    expect(cleanRel('.')).toBe('.')
    expect(cleanRel('/')).toBe('.')
    expect(cleanRel('a//b')).toBe('a/b')
    expect(cleanRel('.a/..b/...')).toBe('.a/..b/...')
  })

  test('the clean-path shortcut equals the definition on every path of dots, names and slashes', () => {
    // Segments '' make `//`, leading and trailing slashes; dotted names that are not . or ..
    // must be kept as they are.
    const parts = ['', '.', '..', 'a', '.a', '..a', 'a.', '...', 'b c', '\u00e9']
    const paths = pathsOf(parts, 4)
    expect(paths.length).toBeGreaterThan(10000)
    const wrong = paths.filter(p => cleanRel(p) !== byDefinition(p))
    expect(wrong).toEqual([])
    // A clean path is returned as the very string it was.
    for (const p of ['a', 'a/b', '.a/b..', 'src/m0/d0/f0.txt']) expect(cleanRel(p)).toBe(p)
  })
})
