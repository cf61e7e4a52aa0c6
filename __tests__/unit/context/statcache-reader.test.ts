/**
 * The reader behind the stat cache (StreamDigester): small files are read synchronously in one
 * pass, large ones streamed with one read in flight while the previous chunk is hashed. Both
 * paths must give the sha256 of the bytes on disk, whatever size the stat claimed.
 */
import { expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { StreamDigester, type FileStat } from '../../../src/context/digest.js'
import { makeTree, removeTree } from '../../helpers/tree.js'

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const statOf = (p: string): FileStat => {
  const st = statSync(p)
  return {
    size: st.size,
    mode: st.mode,
    ino: st.ino,
    dev: st.dev,
    ctimeMs: st.ctimeMs,
    mtimeMs: st.mtimeMs
  }
}

test.each([
  ['empty', 0],
  ['one byte', 1],
  ['exactly the small-file limit', 256 * 1024],
  ['one byte over it (streamed)', 256 * 1024 + 1],
  ['several stream buffers and a partial one', 3 * 512 * 1024 + 777]
])('%s: the digest is the sha256 of the bytes', async (_name, size) => {
  const root = makeTree({})
  try {
    const bytes = randomBytes(size)
    const file = join(root, 'f')
    writeFileSync(file, bytes)
    const d = new StreamDigester()
    expect(await d.digestFile(file, statOf(file))).toBe(sha(bytes))
    // Buffers are reused between files: a second, different file is not polluted by the first.
    const other = randomBytes(size)
    writeFileSync(file, other)
    expect(await d.digestFile(file, statOf(file))).toBe(sha(other))
  } finally {
    removeTree(root)
  }
})

test('the stat size only picks the path: a file larger or smaller than it claims is read to EOF', async () => {
  const root = makeTree({})
  try {
    const file = join(root, 'f')
    const big = randomBytes(1024 * 1024 + 3)
    writeFileSync(file, big)
    const d = new StreamDigester()
    const st = statOf(file)
    // Claimed small (grew since the walk): the synchronous path still reads every byte.
    expect(await d.digestFile(file, { ...st, size: 10 })).toBe(sha(big))
    // Claimed large (shrank since the walk): the streamed path stops at EOF.
    const small = randomBytes(5)
    writeFileSync(file, small)
    expect(await d.digestFile(file, { ...st, size: 10 * 1024 * 1024 })).toBe(sha(small))
  } finally {
    removeTree(root)
  }
})

test('many large files at once each get their own buffers', async () => {
  const root = makeTree({})
  try {
    const files = Array.from({ length: 6 }, (_, i) => {
      const bytes = randomBytes(600 * 1024 + i)
      const p = join(root, `f${i}`)
      writeFileSync(p, bytes)
      return { p, digest: sha(bytes) }
    })
    const d = new StreamDigester()
    const got = await Promise.all(files.map(f => d.digestFile(f.p, statOf(f.p))))
    expect(got).toEqual(files.map(f => f.digest))
  } finally {
    removeTree(root)
  }
})
