import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateRegistry, sourceSizes } from '../../../scripts/bench/generate.mjs'

/** Every file below `dir`, recursively. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(d =>
    d.isDirectory() ? filesBelow(join(dir, d.name)) : [join(dir, d.name)]
  )
}

describe('benchmark generators', () => {
  test('source sizes are reproducible and add up to the requested total', () => {
    const a = sourceSizes(500, 10 << 20)
    expect(sourceSizes(500, 10 << 20)).toEqual(a)
    const sum = a.reduce((x, y) => x + y, 0)
    expect(Math.abs(sum - (10 << 20))).toBeLessThan(500)
    expect(Math.min(...a)).toBeGreaterThan(0)
  })

  test('the package registry unpacks to the requested files, each marked with the run nonce', () => {
    const root = mkdtempSync(join(tmpdir(), 'fb-registry-'))
    try {
      const made = generateRegistry(root, { packages: 4, files: 37, totalBytes: 400_000 }, 'n0nce')
      const tarballs = readdirSync(join(root, 'registry')).sort()
      expect(tarballs).toEqual(['pkg-0.tgz', 'pkg-1.tgz', 'pkg-2.tgz', 'pkg-3.tgz'])
      const out = join(root, 'unpacked')
      mkdirSync(out)
      for (const t of tarballs) execFileSync('tar', ['-xzf', join(root, 'registry', t), '-C', out])
      const files = filesBelow(out)
      expect(files).toHaveLength(37)
      expect(made.files).toBe(37)
      let bytes = 0
      for (const f of files) {
        const text = readFileSync(f, 'utf8')
        expect(text.startsWith('// n0nce pkg-')).toBe(true)
        bytes += statSync(f).size - text.indexOf('\n') - 1
      }
      // The bodies (after each file's nonce line) add up to what the generator reports.
      expect(bytes).toBe(made.bytes)
      expect(Math.abs(made.bytes - 400_000)).toBeLessThan(100)
      // The registry image's Dockerfile copies the tarballs to /registry.
      expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toContain('COPY registry /registry')
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
