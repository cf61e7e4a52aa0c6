import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { compareBytes, hashEntries, sortedByBytes } from '../../../src/context/hash.js'
import type { ContextEntry } from '../../../src/model.js'

const entry = (path: string): ContextEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  size: 1,
  digest: `sha256:${'0'.repeat(64)}`
})

describe('hashEntries takes the walk order without re-sorting', () => {
  test('UTF-16 order is not byte order above the surrogates: the check says so', () => {
    // U+10000 is F0 90 80 80 in UTF-8, U+E000 is EE 80 80: bytes put U+E000 first, UTF-16 not.
    const astral = entry('\u{10000}')
    const privateUse = entry('\uE000')
    expect(sortedByBytes([privateUse, astral])).toBe(true)
    expect(sortedByBytes([astral, privateUse])).toBe(false)
    expect(hashEntries([astral, privateUse])).toBe(hashEntries([privateUse, astral]))
  })

  test('any order hashes as the byte-sorted order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1 })), paths => {
        const entries = paths.map(entry)
        const sorted = [...entries].sort((a, b) => compareBytes(a.path, b.path))
        expect(sortedByBytes(sorted)).toBe(true)
        expect(hashEntries(entries)).toBe(hashEntries(sorted))
      })
    )
  })
})
