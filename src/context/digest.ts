/**
 * Content digests for context entries: sha256 of file bytes (fixed buffers, never the whole
 * file in memory) and sha256 of symlink targets, run through a bounded pool.
 *
 * Digests depend on bytes only, never on mtime or owner, so the same tree hashes the same on any
 * machine. `FileDigester` is the seam for the stat cache (statcache.ts): a caching digester keys
 * on the `FileStat` fields and falls back to `StreamDigester` on a miss.
 */
import { createHash } from 'node:crypto'
import { close, closeSync, constants, open, openSync, read, readSync } from 'node:fs'
import { promisify } from 'node:util'
import { availableParallelism } from 'node:os'
import { fsPath } from '../util/index.js'
import { DigestFailure, digestInPool } from './pool.js'

/** The stat fields a digester may use (a cache keys on them); content never comes from here. */
export interface FileStat {
  size: number
  mode: number
  ino: number
  dev: number
  ctimeMs: number
  mtimeMs: number
}

export interface FileDigester {
  /** `sha256:<hex>` of the file's bytes. */
  digestFile(absPath: string, stat: FileStat): Promise<string>
  /**
   * The digests of many files, in input order, at most `concurrency` reads at once on this
   * thread; rejects with a DigestFailure naming the first file that could not be read. Optional:
   * digestAll falls back to digestFile per file.
   */
  digestFiles?(jobs: readonly FileJob[], concurrency: number): Promise<string[]>
}

/** One file to digest. */
export interface FileJob {
  absPath: string
  stat: FileStat
}

/** When the worker pool is used (see StreamDigester). */
export interface PoolChoice {
  /** Worker threads beside the main thread; 0: never a pool. */
  workers: number
  /** Estimated work (bytes, plus PER_FILE_BYTES a file) below which one thread is faster. */
  minWork: number
}

/** Files up to this size are read in one synchronous pass; larger ones stream asynchronously. */
const SMALL_FILE = 256 * 1024
const BUFFER_SIZE = 512 * 1024
// O_NONBLOCK: a file swapped for a FIFO after the walk must not hang the open (no-op for files).
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)
/**
 * What opening and closing a small file costs, in bytes hashed in the same time (~10us at the
 * ~0.6-1 GB/s one core hashes): the pool's estimate counts 20k tiny files as the work they are.
 */
const PER_FILE_BYTES = 8 * 1024
/**
 * Below this much estimated work a pool does not pay: a worker costs ~30 ms of CPU and ~40-60 ms
 * of wall time to start here (measured, docs/benchmarks.md), and the main thread hashes ~0.6-1
 * GB/s alone, so a context under ~48 MB is done before a worker would help much.
 */
export const POOL_MIN_WORK = 48 * 1024 * 1024
/** The workers' read buffer: few syscalls for a large file, small beside a worker's heap. */
const WORKER_BUFFER = 1024 * 1024

/** Every core: the main thread and one worker per other core. */
export function defaultPool(): PoolChoice {
  return { workers: Math.max(0, availableParallelism() - 1), minWork: POOL_MIN_WORK }
}

const openFd = promisify(open)
const readFd = promisify(read)
const closeFd = promisify(close)

/**
 * Reads and hashes file bytes. Measured on a 20k-file tree (see docs/benchmarks.md): a libuv
 * round trip costs ~20us of main-thread time per call, more than reading a small cached file, so
 * small files are read synchronously (open, read, close: three plain syscalls). Large files are
 * read asynchronously with one read in flight while the previous chunk is hashed, so disk and
 * hash overlap. Only the stat's size picks the path: the bytes are read to EOF either way.
 */
export class StreamDigester implements FileDigester {
  private readonly free: Buffer[] = []
  private readonly small: Buffer

  constructor(
    private readonly bufferSize = BUFFER_SIZE,
    private readonly pool: PoolChoice = defaultPool()
  ) {
    this.small = Buffer.allocUnsafe(Math.min(bufferSize, SMALL_FILE))
  }

  /**
   * Many files: on every core when the work pays for the workers' start (pool.ts), else on this
   * thread as digestFile does. The digests are the same either way: sha256 of the bytes to EOF.
   */
  async digestFiles(jobs: readonly FileJob[], concurrency: number): Promise<string[]> {
    let work = 0
    for (const j of jobs) work += j.stat.size + PER_FILE_BYTES
    if (this.pool.workers < 1 || work < this.pool.minWork) {
      return await digestEach(this, jobs, concurrency)
    }
    return await digestInPool(
      jobs.map(j => ({ path: fsPath(j.absPath), size: j.stat.size })),
      jobs.map(j => j.absPath),
      { workers: this.pool.workers, bufferSize: WORKER_BUFFER, flags: READ_FLAGS },
      async i => {
        const j = jobs[i] as FileJob
        return await this.digestFile(j.absPath, j.stat)
      }
    )
  }

  async digestFile(absPath: string, stat: FileStat): Promise<string> {
    return stat.size <= this.small.length
      ? this.digestSync(absPath)
      : await this.digestStream(absPath)
  }

  private digestSync(absPath: string): string {
    const fd = openSync(fsPath(absPath), READ_FLAGS)
    const h = createHash('sha256')
    try {
      for (;;) {
        const n = readSync(fd, this.small, 0, this.small.length, null)
        if (n === 0) break
        h.update(this.small.subarray(0, n))
      }
    } finally {
      closeSync(fd)
    }
    return `sha256:${h.digest('hex')}`
  }

  private async digestStream(absPath: string): Promise<string> {
    const fd = await openFd(fsPath(absPath), READ_FLAGS)
    let cur = this.take()
    let next = this.take()
    const h = createHash('sha256')
    try {
      let n = (await readFd(fd, cur, 0, cur.length, null)).bytesRead
      while (n > 0) {
        // Sequential reads (position null) are safe: only one read is ever in flight per fd.
        const pending = readFd(fd, next, 0, next.length, null)
        h.update(cur.subarray(0, n))
        n = (await pending).bytesRead
        ;[cur, next] = [next, cur]
      }
    } finally {
      this.free.push(cur, next)
      await closeFd(fd)
    }
    return `sha256:${h.digest('hex')}`
  }

  private take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(this.bufferSize)
  }
}

/** The digests of `jobs` in input order through `d`, as a batch when `d` can, else per file. */
export async function digestAll(
  d: FileDigester,
  jobs: readonly FileJob[],
  concurrency: number
): Promise<string[]> {
  return d.digestFiles
    ? await d.digestFiles(jobs, concurrency)
    : await digestEach(d, jobs, concurrency)
}

/** digestFile per job, `concurrency` at once; a failure names its file (DigestFailure). */
export async function digestEach(
  d: FileDigester,
  jobs: readonly FileJob[],
  concurrency: number
): Promise<string[]> {
  return await mapPool(jobs, concurrency, async j => {
    try {
      return await d.digestFile(j.absPath, j.stat)
    } catch (e) {
      throw new DigestFailure(j.absPath, e)
    }
  })
}

/** sha256 of raw bytes (a symlink target as read from disk). */
export function digestBytes(b: Buffer): string {
  return `sha256:${createHash('sha256').update(b).digest('hex')}`
}

/** sha256 of a string (a symlink target) or of nothing (special files that land empty). */
export function digestString(s: string): string {
  return `sha256:${createHash('sha256').update(s).digest('hex')}`
}

/** Twice the cores, at least 4 and at most 16: enough to keep the disk busy, few open fds. */
export function defaultConcurrency(): number {
  return Math.min(16, Math.max(4, 2 * availableParallelism()))
}

/** A limiter: at most `limit` of the wrapped calls run at once. */
export function createLimiter(limit: number): <T>(fn: () => Promise<T>) => Promise<T> {
  const max = Math.max(1, Math.floor(limit))
  let active = 0
  // A FIFO with a moving head: Array.shift is O(n), and a wide tree queues thousands of waiters.
  let waiting: (() => void)[] = []
  let head = 0
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    // A finished call hands its slot straight to the next waiter, so the count never overshoots.
    if (active >= max) await new Promise<void>(resolve => waiting.push(resolve))
    else active++
    try {
      return await fn()
    } finally {
      if (head < waiting.length) {
        const next = waiting[head++] as () => void
        if (head === waiting.length) {
          waiting = []
          head = 0
        }
        next()
      } else active--
    }
  }
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results keep input order. */
export async function mapPool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker))
  return results
}
