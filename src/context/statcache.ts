/**
 * A stat cache for file digests, so an unchanged file is not read again on the next deploy.
 *
 * Correctness rests on ctime: the kernel sets a file's ctime to "now" on every content or
 * metadata change, and no tool can set it back (rsync -t, tar, `touch -d` and mtime-restoring
 * checkouts restore mtime only). An entry is reused only when path, size, mtime, ctime, inode and
 * device all equal the current lstat, so the same-size, mtime-kept edit that fools Docker's
 * context sync changes the ctime and is re-read.
 *
 * Timestamps are coarse (a kernel tick, 1-2 s on some file systems), so a change made in the same
 * tick as the stat that filled an entry can leave every field equal. Git's "racy" rule closes
 * that gap: an entry is trusted only when its mtime and ctime are older than the moment the
 * scan that stored it began (the "horizon", read from the file system's own clock before the
 * first lstat, and never later than the cache file's own write time) by a margin of RACY_MARGIN_MS.
 * Any change after the horizon gets a newer ctime, which no trusted entry has.
 *
 * The cache lives outside the context (beside the record), is written atomically (temp file and
 * rename), carries a checksum, and is a pure optimisation: a missing, unreadable, torn or
 * tampered file is ignored and every file is read, never an error.
 */
import { errCode, thrownMessage } from '../util/index.js'
import { createHash, randomBytes } from 'node:crypto'
import { constants as fsConstants, type Stats } from 'node:fs'
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import {
  digestAll,
  StreamDigester,
  type FileDigester,
  type FileJob,
  type FileStat
} from './digest.js'

/** Changes this close to the horizon are not trusted: covers 2 s file system granularity (FAT). */
export const RACY_MARGIN_MS = 2000

/** The first line's start: `clear` deletes a stat cache only when it shows this. */
export const STAT_CACHE_MAGIC = 'fresh-build stat cache v1'
const MAGIC = STAT_CACHE_MAGIC
const HEX = /^[0-9a-f]{64}$/

/** One cached file: the stat fields of the key and the digest of the bytes seen then. */
type Row = [
  path: string,
  size: number,
  mtimeMs: number,
  ctimeMs: number,
  ino: number,
  dev: number,
  hex: string
]

export interface StatCacheStats {
  /** The cache file. */
  path: string
  /** Files whose digest came from the cache. */
  hits: number
  /** Files read (not cached, changed, or racy). */
  misses: number
  /** Why the cache was not used or not written, when it was not (never an error). */
  note: string | null
  /** The cache file was rewritten. */
  saved: boolean
}

/** Where the stat cache for a record lives: beside it, like its lock file. */
export function statCachePathFor(recordPath: string): string {
  return `${recordPath}.stat-cache`
}

/** Rows parsed from a cache file, or the reason it was ignored. */
export function parseStatCache(
  text: string
): { horizonMs: number; rows: Row[] } | { ignored: string } {
  const nl = text.indexOf('\n')
  const header = nl < 0 ? text : text.slice(0, nl)
  if (!header.startsWith(`${MAGIC} `)) return { ignored: 'not a stat cache file' }
  const fields = header.slice(MAGIC.length + 1).split(' ')
  const horizonMs = Number(fields[0])
  const sum = fields[1] ?? ''
  if (fields.length !== 2) return { ignored: 'bad header' }
  const body = text.slice(nl + 1)
  if (!Number.isFinite(horizonMs) || !HEX.test(sum)) return { ignored: 'bad header' }
  if (createHash('sha256').update(body).digest('hex') !== sum) return { ignored: 'bad checksum' }
  let rows: unknown
  try {
    rows = JSON.parse(body)
  } catch {
    return { ignored: 'not JSON' }
  }
  if (!Array.isArray(rows) || !rows.every(isRow)) return { ignored: 'bad rows' }
  return { horizonMs, rows }
}

function isRow(r: unknown): r is Row {
  return (
    Array.isArray(r) &&
    r.length === 7 &&
    typeof r[0] === 'string' &&
    r.slice(1, 6).every(n => typeof n === 'number' && Number.isFinite(n)) &&
    typeof r[6] === 'string' &&
    HEX.test(r[6])
  )
}

/** The cache text for `rows` stored at `horizonMs`. */
export function formatStatCache(horizonMs: number, rows: readonly Row[]): string {
  const body = JSON.stringify(rows)
  const sum = createHash('sha256').update(body).digest('hex')
  return `${MAGIC} ${horizonMs} ${sum}\n${body}`
}

function sameStat(row: Row, st: FileStat): boolean {
  return (
    row[1] === st.size &&
    row[2] === st.mtimeMs &&
    row[3] === st.ctimeMs &&
    row[4] === st.ino &&
    row[5] === st.dev
  )
}

/** Old enough to trust against a horizon: the racy rule. */
export function settledBefore(
  st: Pick<FileStat, 'mtimeMs' | 'ctimeMs'>,
  horizonMs: number
): boolean {
  const limit = horizonMs - RACY_MARGIN_MS
  return st.mtimeMs < limit && st.ctimeMs < limit
}

/**
 * One scan's use of a cache file: open() before the walk (it fixes the horizon), digester() for
 * the walk, then save() or discard(). Never throws for cache trouble; it reports it in `stats`.
 */
export class StatCache {
  private readonly kept = new Map<string, Row>()
  private hits = 0
  private misses = 0
  private saved = false

  private constructor(
    readonly path: string,
    /** Trusted rows from the previous run, by absolute path. */
    private readonly previous: Map<string, Row>,
    /** This scan's horizon on the file system clock; null: the cache cannot be written. */
    private readonly horizonMs: number | null,
    private tmp: { path: string; fh: FileHandle } | null,
    private readonly notes: string[]
  ) {}

  /**
   * Reads the cache at `path` and reserves its replacement. The temp file is created now, before
   * the walk, so its mtime is the horizon on the file system clock.
   */
  static async open(path: string): Promise<StatCache> {
    const notes: string[] = []
    let tmp: { path: string; fh: FileHandle } | null = null
    let horizonMs: number | null = null
    try {
      await mkdir(dirname(path), { recursive: true })
      await removeOrphans(path)
      const tmpPath = join(
        dirname(path),
        `${tmpPrefix(path)}${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      )
      const fh = await open(tmpPath, CREATE_EXCL, 0o644)
      tmp = { path: tmpPath, fh }
      horizonMs = (await fh.stat()).mtimeMs
    } catch (e) {
      notes.push(`not writable (${errText(e)})`)
    }
    const previous = new Map<string, Row>()
    try {
      const [text, st] = await readNoFollow(path)
      const parsed = parseStatCache(text)
      if ('ignored' in parsed) {
        notes.push(`ignored (${parsed.ignored})`)
      } else {
        // Trust nothing newer than the cache file itself, whatever its header claims.
        const limit = Math.min(parsed.horizonMs, st.mtimeMs)
        for (const row of parsed.rows) {
          if (settledBefore({ mtimeMs: row[2], ctimeMs: row[3] }, limit)) previous.set(row[0], row)
        }
      }
    } catch (e) {
      if (errCode(e) !== 'ENOENT') notes.push(`ignored (${errText(e)})`)
    }
    return new StatCache(path, previous, horizonMs, tmp, notes)
  }

  /**
   * The digester for this scan: a cache hit skips the read, a miss reads through `inner` (all
   * misses of a batch in one inner batch, so they may share a worker pool).
   */
  digester(inner: FileDigester = new StreamDigester()): FileDigester {
    const hit = (absPath: string, st: FileStat): string | null => {
      const row = this.previous.get(absPath)
      if (!row || !sameStat(row, st)) return null
      this.hits++
      // Still settled against the new horizon, which is later than the old one.
      if (this.horizonMs !== null) this.kept.set(absPath, row)
      return `sha256:${row[6]}`
    }
    const read = (absPath: string, st: FileStat, digest: string): void => {
      this.misses++
      // Rows that will not be trusted next time are not worth storing.
      if (this.horizonMs !== null && settledBefore(st, this.horizonMs)) {
        const hex = digest.slice('sha256:'.length)
        this.kept.set(absPath, [absPath, st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev, hex])
      }
    }
    return {
      digestFile: async (absPath, st) => {
        const cached = hit(absPath, st)
        if (cached !== null) return cached
        const digest = await inner.digestFile(absPath, st)
        read(absPath, st, digest)
        return digest
      },
      digestFiles: async (jobs, concurrency) => {
        const out = jobs.map(j => hit(j.absPath, j.stat))
        const missed: number[] = []
        out.forEach((d, i) => d === null && missed.push(i))
        const misses: FileJob[] = missed.map(i => jobs[i] as FileJob)
        const digests = await digestAll(inner, misses, concurrency)
        misses.forEach((j, k) => read(j.absPath, j.stat, digests[k] as string))
        missed.forEach((i, k) => (out[i] = digests[k] as string))
        return out as string[]
      }
    }
  }

  /**
   * Replaces the cache file with this scan's rows (temp file, then rename: readers see the old
   * file or the new one, never a mix). Skipped when nothing changed. No fsync: a file torn by a
   * crash fails its checksum and is ignored.
   */
  async save(): Promise<StatCacheStats> {
    const tmp = this.tmp
    this.tmp = null
    if (tmp === null || this.horizonMs === null) return this.stats()
    const unchanged = this.misses === 0 && this.kept.size === this.previous.size
    try {
      if (!unchanged) {
        await tmp.fh.writeFile(formatStatCache(this.horizonMs, [...this.kept.values()]), 'utf8')
      }
      await tmp.fh.close()
      if (unchanged) {
        await unlink(tmp.path)
      } else {
        await rename(tmp.path, this.path)
        this.saved = true
      }
    } catch (e) {
      await tmp.fh.close().catch(() => undefined)
      await unlink(tmp.path).catch(() => undefined)
      this.notes.push(`not saved (${errText(e)})`)
    }
    return this.stats()
  }

  /** Drops the reserved temp file (the scan failed). */
  async discard(): Promise<void> {
    const tmp = this.tmp
    this.tmp = null
    if (tmp === null) return
    await tmp.fh.close().catch(() => undefined)
    await unlink(tmp.path).catch(() => undefined)
  }

  stats(): StatCacheStats {
    return {
      path: this.path,
      hits: this.hits,
      misses: this.misses,
      note: this.notes.length > 0 ? `stat cache ${this.notes.join('; ')}` : null,
      saved: this.saved
    }
  }
}

/** A new file only: never an existing one, never through a symlink planted at the name. */
const CREATE_EXCL =
  fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_NOFOLLOW

/** The cache's text and stat, never through a symlink at its name (ELOOP: ignored). */
async function readNoFollow(path: string): Promise<[string, Stats]> {
  const fh = await open(
    path,
    fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK
  )
  try {
    const st = await fh.stat()
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' })
    return [await fh.readFile('utf8'), st]
  } finally {
    await fh.close()
  }
}

/** Temp files of a run that died mid-scan are removed after this long. */
const ORPHAN_AGE_MS = 60 * 60 * 1000

function tmpPrefix(path: string): string {
  return `.${basename(path)}.`
}

/** Removes temp files left by runs killed mid-scan (a live scan's temp is never this old). */
async function removeOrphans(path: string): Promise<void> {
  const prefix = tmpPrefix(path)
  const dir = dirname(path)
  const names = (await readdir(dir)).filter(n => n.startsWith(prefix) && n.endsWith('.tmp'))
  for (const name of names) {
    const p = join(dir, name)
    const st = await stat(p).catch(() => null)
    if (st && Date.now() - st.mtimeMs > ORPHAN_AGE_MS) await unlink(p).catch(() => undefined)
  }
}

function errText(e: unknown): string {
  return errCode(e) ?? thrownMessage(e).split('\n')[0] ?? ''
}

/** One progress line for a person: how much of the context the cache spared reading. */
export function describeStatCache(s: StatCacheStats): string {
  const total = s.hits + s.misses
  const line = `stat cache: ${s.hits} of ${total} file digest(s) reused, ${s.misses} read`
  return s.note ? `${line}; ${s.note}` : line
}
