import { describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  createLimiter,
  defaultConcurrency,
  digestString,
  mapPool,
  StreamDigester
} from '../../../src/context/digest.js'
import type { FileStat } from '../../../src/context/digest.js'
import { makeTree, removeTree } from '../../helpers/tree.js'

const STAT: FileStat = { size: 0, mode: 0o644, ino: 0, dev: 0, ctimeMs: 0, mtimeMs: 0 }
const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

describe('StreamDigester', () => {
  test('streams files larger than its buffer, and empty files, to the sha256 of their bytes', async () => {
    const root = makeTree({ empty: '' })
    try {
      const big = randomBytes(3 * 1024 * 1024 + 17)
      writeFileSync(join(root, 'big'), big)
      const d = new StreamDigester(64 * 1024)
      expect(await d.digestFile(join(root, 'big'), STAT)).toBe(sha(big))
      expect(await d.digestFile(join(root, 'empty'), STAT)).toBe(sha(''))
      // Concurrent reads each get their own buffer.
      const all = await Promise.all([1, 2, 3, 4].map(() => d.digestFile(join(root, 'big'), STAT)))
      expect(new Set(all)).toEqual(new Set([sha(big)]))
    } finally {
      removeTree(root)
    }
  })

  test('a missing file rejects with the fs error code', async () => {
    await expect(
      new StreamDigester().digestFile('/nonexistent/fb-file', STAT)
    ).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('helpers', () => {
  test('digestString hashes the string (symlink targets)', () => {
    expect(digestString('a.txt')).toBe(sha('a.txt'))
  })

  test('defaultConcurrency is bounded', () => {
    expect(defaultConcurrency()).toBeGreaterThanOrEqual(4)
    expect(defaultConcurrency()).toBeLessThanOrEqual(16)
  })

  test('mapPool keeps order and never exceeds its limit', async () => {
    let active = 0
    let peak = 0
    const out = await mapPool([5, 1, 4, 2, 3, 0, 6], 3, async n => {
      active++
      peak = Math.max(peak, active)
      await new Promise(r => setTimeout(r, n))
      active--
      return n * 10
    })
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60])
    expect(peak).toBe(3)
    expect(await mapPool([], 4, async () => 1)).toEqual([])
  })

  test('createLimiter never runs more than its limit, even as slots are handed over', async () => {
    const limit = createLimiter(2)
    let active = 0
    let peak = 0
    const task = (ms: number) => async (): Promise<number> => {
      active++
      peak = Math.max(peak, active)
      await new Promise(r => setTimeout(r, ms))
      active--
      return ms
    }
    const results = await Promise.all([3, 1, 2, 1, 0, 2].map(ms => limit(task(ms))))
    expect(results).toEqual([3, 1, 2, 1, 0, 2])
    expect(peak).toBe(2)
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await limit(async () => 'still works')).toBe('still works')
  })
})
