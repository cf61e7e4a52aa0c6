/**
 * Content digests for context entries: streamed sha256 of file bytes (fixed buffers, never the
 * whole file in memory) and sha256 of symlink targets, run through a bounded pool.
 *
 * Digests depend on bytes only, never on mtime or owner, so the same tree hashes the same on any
 * machine. `FileDigester` is the seam for a later stat cache: a caching digester can key on the
 * `FileStat` fields (ctime + inode + size, with git's racy-timestamp rule) and fall back to
 * `streamDigester` on a miss.
 */
import { createHash } from 'node:crypto'
import { close, open, read } from 'node:fs'
import { promisify } from 'node:util'
import { availableParallelism } from 'node:os'

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
}

const BUFFER_SIZE = 256 * 1024
// Plain fd calls: measurably cheaper per file than FileHandle objects on trees of small files.
const openFd = promisify(open)
const readFd = promisify(read)
const closeFd = promisify(close)

/** Reads with fd reads into a few reusable buffers (one per concurrent read). */
export class StreamDigester implements FileDigester {
  private readonly free: Buffer[] = []

  constructor(private readonly bufferSize = BUFFER_SIZE) {}

  async digestFile(absPath: string, _stat: FileStat): Promise<string> {
    const fd = await openFd(absPath, 'r')
    const buf = this.free.pop() ?? Buffer.allocUnsafe(this.bufferSize)
    const h = createHash('sha256')
    try {
      for (;;) {
        const { bytesRead } = await readFd(fd, buf, 0, buf.length, null)
        if (bytesRead === 0) break
        h.update(buf.subarray(0, bytesRead))
      }
    } finally {
      this.free.push(buf)
      await closeFd(fd)
    }
    return `sha256:${h.digest('hex')}`
  }
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
  const waiting: (() => void)[] = []
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    // A finished call hands its slot straight to the next waiter, so the count never overshoots.
    if (active >= max) await new Promise<void>(resolve => waiting.push(resolve))
    else active++
    try {
      return await fn()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active--
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
