/**
 * Reads a build context the way BuildKit's client sends it: the fsutil walker filtered by the
 * ignore file (`<Dockerfile>.dockerignore` beside the Dockerfile replaces the root
 * `.dockerignore`), symlinks never followed, empty directories kept, excluded directories sent
 * only when something below them is re-included, and excluded trees that no `!` exception can
 * reach never read at all.
 *
 * Special files, as observed with Docker 20.10 + BuildKit (`COPY . /ctx/` into a scratch image):
 * sockets and character devices arrive as empty regular files with their permission bits, so
 * they are reported as `file` entries of size 0 (block devices treated the same); FIFOs do not
 * arrive at all and are left out. None of them is ever opened.
 */
import type { Dirent, Stats } from 'node:fs'
import { lstatSync, readdirSync, readlinkSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import {
  errCode,
  errnoReason,
  FreshBuildError,
  fsPath,
  nameFromBytes,
  pathToBytes,
  thrownMessage
} from '../util/index.js'
import type { ContextEntry, ContextScan } from '../model.js'
import {
  defaultConcurrency,
  digestAll,
  digestBytes,
  digestString,
  StreamDigester
} from './digest.js'
import { DigestFailure } from './pool.js'
import type { FileDigester, FileStat } from './digest.js'
import { compilePatterns, parseIgnoreFile } from '../gomatch/index.js'
import type { IgnoreLine, Matcher, MatchInfo } from '../gomatch/index.js'

/** A context that cannot be read; `path` is the file or directory at fault. */
export class ContextError extends FreshBuildError {
  constructor(
    message: string,
    readonly path: string,
    readonly code: string | null = null
  ) {
    super(message)
  }
}

/** The file system calls the walker makes; tests wrap them to observe or inject. */
export interface ContextFs {
  /** Names as bytes (`Dirent<Buffer>`), so one that is not UTF-8 is read as it is on disk. */
  readdir(absDir: string): Promise<(Dirent | Dirent<Buffer>)[]>
  lstat(absPath: string): Promise<Stats>
  readlink(absPath: string): Promise<string>
}

// Synchronous calls behind the async interface: a libuv round trip costs ~20us of main-thread
// time per call, ten times a cached lstat, and dominated the walk of a 20k-file tree
// (docs/benchmarks.md). Errors still surface as rejections, which the walker handles.
// Paths are name strings (util/bytes-path.ts): fsPath gives fs the bytes when a name needs it.
const nodeFs: ContextFs = {
  readdir: async p => readdirSync(fsPath(p), { withFileTypes: true, encoding: 'buffer' }),
  lstat: async p => lstatSync(fsPath(p)),
  readlink: async p => nameFromBytes(readlinkSync(fsPath(p), { encoding: 'buffer' }))
}

export interface ScanOptions {
  /** The Dockerfile (absolute, or relative to the working directory, as `docker build -f`). */
  dockerfile?: string
  /** Files digested at once; defaults to `defaultConcurrency()`. (The walk itself is sequential.) */
  concurrency?: number
  fs?: Partial<ContextFs>
  digester?: FileDigester
}

/** The ignore file in effect and its patterns. */
export interface IgnoreSource {
  file: string | null
  lines: IgnoreLine[]
}

function fail(what: string, path: string, e: unknown): ContextError {
  return new ContextError(
    `${what} ${path}: ${errnoReason(e, thrownMessage)}`,
    path,
    errCode(e) ?? null
  )
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile()
  } catch (e) {
    if (errCode(e) === 'ENOENT' || errCode(e) === 'ENOTDIR') return false
    throw fail('cannot read ignore file', p, e)
  }
}

/**
 * BuildKit's choice of ignore file: `<Dockerfile path>.dockerignore` when it exists, else
 * `<context>/.dockerignore`, else none.
 */
export async function findIgnoreFile(root: string, dockerfile?: string): Promise<string | null> {
  if (dockerfile !== undefined) {
    const specific = `${resolve(dockerfile)}.dockerignore`
    if (await isFile(specific)) return specific
  }
  const common = join(resolve(root), '.dockerignore')
  return (await isFile(common)) ? common : null
}

export async function readIgnore(root: string, dockerfile?: string): Promise<IgnoreSource> {
  const file = await findIgnoreFile(root, dockerfile)
  if (file === null) return { file, lines: [] }
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (e) {
    throw fail('cannot read ignore file', file, e)
  }
  return { file, lines: parseIgnoreFile(text) }
}

async function resolveRoot(root: string): Promise<string> {
  const abs = resolve(root)
  let real: string
  try {
    real = await realpath(abs)
  } catch (e) {
    if (errCode(e) === 'ENOENT')
      throw new ContextError(`build context not found: ${abs}`, abs, 'ENOENT')
    throw fail('cannot read build context', abs, e)
  }
  const st = await stat(real).catch((e: unknown) => {
    throw fail('cannot read build context', abs, e)
  })
  if (!st.isDirectory())
    throw new ContextError(`build context is not a directory: ${abs}`, abs, 'ENOTDIR')
  return real
}

/** A walked entry before digesting. */
interface Found {
  entry: ContextEntry
  abs: string
  stat: FileStat | null
}

/** About a millisecond of walking between turns of the event loop. */
const YIELD_EVERY = 256

class Walker {
  /** Entries looked at so far: every YIELD_EVERY of them the walk lets the event loop run. */
  private seen = 0

  constructor(
    private readonly fs: ContextFs,
    private readonly matcher: Matcher
  ) {}

  /**
   * Appends the entries below `absDir` to `out` and returns how many; `excluded` says the
   * directory itself is excluded (walked for exceptions). Sequential, like fsutil's walker: with
   * the synchronous default fs, a promise per entry and per directory only fed the garbage
   * collector (the walk of a 20k-file tree went from ~600 ms to ~150 ms). Order is irrelevant:
   * scanContext sorts.
   */
  async walk(
    absDir: string,
    relDir: string,
    info: MatchInfo | undefined,
    excluded: boolean,
    out: Found[]
  ): Promise<number> {
    let dirents: (Dirent | Dirent<Buffer>)[]
    try {
      dirents = await this.fs.readdir(absDir)
    } catch (e) {
      // fsutil ignores permission errors inside excluded directories, and vanished ones anywhere.
      const code = errCode(e)
      if (excluded && (code === 'EACCES' || code === 'EPERM')) return 0
      if (code === 'ENOENT' && relDir !== '') return 0
      throw fail('cannot read directory', absDir, e)
    }
    const before = out.length
    for (const d of dirents) {
      // Synchronous calls never let I/O callbacks run: the daemon's answers and the output of a
      // build started beside the walk would wait for its end (and a full pipe stalls the build).
      if (++this.seen % YIELD_EVERY === 0) await new Promise<void>(go => setImmediate(go))
      const name = typeof d.name === 'string' ? d.name : nameFromBytes(d.name)
      const rel = relDir === '' ? name : `${relDir}/${name}`
      const abs = join(absDir, name)
      const isDir = d.isDirectory()
      const m = this.matcher.match(rel, info)
      if (m.excluded) {
        if (!isDir || !this.matcher.exceptionMayMatchUnder(rel)) continue
        // An excluded directory is sent only for what is re-included below it.
        if ((await this.walk(abs, rel, m.info, true, out)) === 0) continue
        const self = await this.entry(abs, rel)
        if (self) out.push(self)
        continue
      }
      const self = await this.entry(abs, rel)
      if (!self) continue
      out.push(self)
      if (self.entry.type === 'dir') await this.walk(abs, rel, m.info, false, out)
    }
    return out.length - before
  }

  private async entry(abs: string, rel: string): Promise<Found | null> {
    let st: Stats
    try {
      st = await this.fs.lstat(abs)
    } catch (e) {
      // Listed a moment ago: gone now is a change under the walk, named, never skipped silently.
      throw fail('cannot stat', abs, e)
    }
    const mode = st.mode & 0o7777
    const fileStat: FileStat = {
      size: st.size,
      mode,
      ino: st.ino,
      dev: st.dev,
      ctimeMs: st.ctimeMs,
      mtimeMs: st.mtimeMs
    }
    if (st.isDirectory())
      return { abs, stat: null, entry: { path: rel, type: 'dir', mode, size: 0 } }
    if (st.isSymbolicLink()) {
      let target: string
      try {
        target = await this.fs.readlink(abs)
      } catch (e) {
        throw fail('cannot read symlink', abs, e)
      }
      const entry: ContextEntry = { path: rel, type: 'symlink', mode, size: 0, linkTarget: target }
      // The target's bytes, as Docker sends them.
      entry.digest = digestBytes(pathToBytes(target))
      return { abs, stat: null, entry }
    }
    if (st.isFile())
      return { abs, stat: fileStat, entry: { path: rel, type: 'file', mode, size: st.size } }
    if (st.isFIFO()) return null
    // Sockets and devices land in the image as empty files; never open them.
    return {
      abs,
      stat: null,
      entry: { path: rel, type: 'file', mode, size: 0, digest: digestString('') }
    }
  }
}

/**
 * Every entry Docker would send for the context at `root`, with digests, sorted by path bytes.
 * Throws ContextError (unreadable or missing paths) or IgnoreSyntaxError (bad ignore pattern).
 */
export async function scanContext(root: string, opts: ScanOptions = {}): Promise<ContextScan> {
  const realRoot = await resolveRoot(root)
  const ignore = await readIgnore(root, opts.dockerfile)
  const matcher = compilePatterns(ignore.lines, ignore.file)
  const concurrency = opts.concurrency ?? defaultConcurrency()
  const fs: ContextFs = { ...nodeFs, ...opts.fs }
  const found: Found[] = []
  await new Walker(fs, matcher).walk(realRoot, '', undefined, false, found)

  const digester = opts.digester ?? new StreamDigester()
  const files = found.filter(f => f.stat !== null)
  let digests: string[]
  try {
    digests = await digestAll(
      digester,
      files.map(f => ({ absPath: f.abs, stat: f.stat as FileStat })),
      concurrency
    )
  } catch (e) {
    if (e instanceof DigestFailure) throw fail('cannot read file', e.path, e.cause)
    throw e
  }
  for (let i = 0; i < files.length; i++) (files[i] as Found).entry.digest = digests[i]

  // Sort on precomputed UTF-8 keys: the same order as compareBytes, without re-encoding per compare.
  const keyed = found.map(f => ({ key: pathToBytes(f.entry.path), entry: f.entry }))
  keyed.sort((a, b) => Buffer.compare(a.key, b.key))
  return {
    root: resolve(root),
    ignoreFile: ignore.file,
    ignorePatterns: ignore.lines.map(l => l.pattern),
    entries: keyed.map(k => k.entry)
  }
}
