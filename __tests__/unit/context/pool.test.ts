import { describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { scanContext } from '../../../src/context/walk.js'
import { StreamDigester } from '../../../src/context/digest.js'
import type { FileJob } from '../../../src/context/digest.js'
import { digestInPool, digestWorkerStarts, liveDigestWorkers } from '../../../src/context/pool.js'
import { fsPath, pathToBytes } from '../../../src/util/bytes-path.js'

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
/** Always the pool (no break-even), two workers beside the main thread. */
const pooled = (): StreamDigester => new StreamDigester(undefined, { workers: 2, minWork: 0 })
/** Never the pool: the one-thread path the pool must agree with. */
const single = (): StreamDigester => new StreamDigester(undefined, { workers: 0, minWork: 0 })

function temp(): string {
  return mkdtempSync(join(tmpdir(), 'fb-pool-'))
}

/** Small, large (several worker buffers and batches), empty, and non-UTF-8-named files. */
function mixedTree(): { root: string; bytes: Map<string, Buffer> } {
  const root = temp()
  const bytes = new Map<string, Buffer>()
  // Keys are name strings (util/bytes-path.ts): \udcff stands for the byte 0xff on disk.
  const put = (rel: string, b: Buffer): void => {
    writeFileSync(fsPath(join(root, rel)), b)
    bytes.set(rel, b)
  }
  mkdirSync(join(root, 'many'))
  // More than one batch of small files (256 a batch), so replies interleave across threads.
  for (let i = 0; i < 700; i++) put(`many/f${i}.txt`, randomBytes(i % 97))
  put('empty', Buffer.alloc(0))
  put('big.bin', randomBytes(9 * 1024 * 1024 + 3))
  put('mid.bin', randomBytes(600 * 1024))
  put('f\udcffo', Buffer.from('not utf-8 name'))
  return { root, bytes }
}

describe('the digest pool', () => {
  test('pooled digests are sha256 of the bytes, equal to the one-thread path, for every kind of file', async () => {
    const { root } = mixedTree()
    try {
      const a = await scanContext(root, { digester: pooled() })
      const b = await scanContext(root, { digester: single() })
      expect(a.entries).toEqual(b.entries)
      const files = a.entries.filter(e => e.type === 'file')
      expect(files).toHaveLength(704)
      for (const e of files) {
        const onDisk = readFileSync(Buffer.concat([Buffer.from(`${root}/`), pathToBytes(e.path)]))
        expect(e.digest).toBe(sha(onDisk))
      }
      expect(files.find(e => e.path === 'f\udcffo')?.digest).toBe(
        sha(Buffer.from('not utf-8 name'))
      )
      expect(files.find(e => e.path === 'empty')?.digest).toBe(sha(Buffer.alloc(0)))
      expect(liveDigestWorkers()).toBe(0)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  test('a file that vanished or cannot be read since the walk fails as on one thread, and no worker is left', async () => {
    for (const spoil of ['vanish', 'directory'] as const) {
      const messages: string[] = []
      for (const digester of [pooled(), single()]) {
        const { root } = mixedTree()
        const victim = join(root, 'many', 'f350.txt')
        try {
          const run = scanContext(root, {
            digester,
            fs: {
              // Spoil the file right after the walk saw it as a regular file.
              lstat: async p => {
                const st = lstatSync(fsPath(p))
                if (p === victim) {
                  unlinkSync(victim)
                  if (spoil === 'directory') mkdirSync(victim) // read() now fails: EISDIR
                }
                return st
              }
            }
          })
          const err = await run.then(
            () => null,
            (e: unknown) => e as Error & { path?: string; code?: string }
          )
          expect(err).not.toBeNull()
          expect(err?.path).toBe(victim)
          expect(err?.code).toBe(spoil === 'vanish' ? 'ENOENT' : 'EISDIR')
          messages.push((err?.message ?? '').replace(root, 'ROOT'))
          expect(liveDigestWorkers()).toBe(0)
        } finally {
          rmSync(root, { recursive: true, force: true })
        }
      }
      expect(messages[0]).toBe(
        spoil === 'vanish'
          ? 'cannot read file ROOT/many/f350.txt: no such file or directory (ENOENT)'
          : 'cannot read file ROOT/many/f350.txt: eisdir (EISDIR)'
      )
      expect(messages[0]).toBe(messages[1])
    }
  })

  test('workers that die or never start lose nothing: the main thread hashes their share', async () => {
    const { root, bytes } = mixedTree()
    try {
      const jobs: FileJob[] = [...bytes.keys()].map(rel => {
        const abs = join(root, rel)
        return { absPath: abs, stat: { ...lstatSync(fsPath(abs)), mode: 0o644 } }
      })
      const inThread = single()
      for (const source of [
        'throw new Error("no worker today")',
        // Starts, takes its batches, then dies on the first one.
        "require('node:worker_threads').parentPort.on('message', () => process.exit(3))"
      ]) {
        const out = await digestInPool(
          jobs.map(j => ({ path: fsPath(j.absPath), size: j.stat.size })),
          jobs.map(j => j.absPath),
          { workers: 2, bufferSize: 65536, flags: 0, source },
          async i => {
            const j = jobs[i] as FileJob
            return await inThread.digestFile(j.absPath, j.stat)
          }
        )
        expect(out).toEqual([...bytes.values()].map(sha))
        expect(liveDigestWorkers()).toBe(0)
      }
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  test("a worker's read error comes back as the fs error of that file", async () => {
    const root = temp()
    try {
      writeFileSync(join(root, 'here'), 'x')
      // The main thread takes the first batch (the largest file) and sits on it; the worker, once
      // online, takes the next one and meets the missing file.
      const run = digestInPool(
        [
          { path: join(root, 'here'), size: 100 << 20 },
          { path: join(root, 'gone'), size: 1 }
        ],
        ['NAME-here', 'NAME-gone'],
        { workers: 1, bufferSize: 65536, flags: 0 },
        async () =>
          await new Promise<string>(r => setTimeout(() => r('sha256:slow'), 20000).unref())
      )
      await expect(run).rejects.toMatchObject({ path: 'NAME-gone', cause: { code: 'ENOENT' } })
      expect(liveDigestWorkers()).toBe(0)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  test('below the break-even no worker is started', async () => {
    const { root } = mixedTree()
    try {
      const d = new StreamDigester(undefined, { workers: 2, minWork: 64 * 1024 * 1024 })
      const before = digestWorkerStarts()
      const a = await scanContext(root, { digester: d })
      expect(digestWorkerStarts()).toBe(before)
      // Above it (the tree is ~10 MB of work), both workers start.
      const b = await scanContext(root, {
        digester: new StreamDigester(undefined, { workers: 2, minWork: 8 * 1024 * 1024 })
      })
      expect(digestWorkerStarts()).toBe(before + 2)
      expect(a.entries).toEqual(b.entries)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
