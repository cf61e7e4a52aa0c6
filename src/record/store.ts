import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { errCode, FreshBuildError, thrownMessage } from '../util/index.js'
import type { BuildRecord } from '../model.js'
import { RecordShapeError, validateRecord } from './validate.js'

/**
 * The record file is unusable: unreadable, not JSON, another version, or the wrong shape. The
 * message is one line naming the path and the fault; the caller decides whether that is fatal.
 */
export class RecordError extends FreshBuildError {
  constructor(
    readonly path: string,
    problem: string
  ) {
    super(oneLine(`${path}: ${problem}`))
  }
}

/**
 * The few file operations writeRecord needs, so tests can inject a failure (ENOSPC, EIO) at any
 * point and check that the previous record survives.
 */
export interface RecordFs {
  readFile(path: string): Promise<string>
  mkdirp(path: string): Promise<void>
  /** Creates `path` exclusively, writes `data`, fsyncs and closes it. */
  writeSynced(path: string, data: string): Promise<void>
  rename(from: string, to: string): Promise<void>
  unlink(path: string): Promise<void>
  /** fsync a directory so a rename inside it survives a crash. */
  syncDir(path: string): Promise<void>
}

/** Create a new file, never through a symlink. */
export const EXCLUSIVE =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW

export const nodeRecordFs: RecordFs = {
  readFile: path => readFile(path, 'utf8'),
  mkdirp: async path => {
    await mkdir(path, { recursive: true })
  },
  writeSynced: async (path, data) => {
    // O_EXCL never opens an existing entry, a planted symlink included; O_NOFOLLOW says so twice.
    const fh = await open(path, EXCLUSIVE, 0o644)
    try {
      await fh.writeFile(data, 'utf8')
      await fh.sync()
    } finally {
      await fh.close()
    }
  },
  rename: (from, to) => rename(from, to),
  unlink: path => unlink(path),
  syncDir: async path => {
    const fh = await open(path, 'r')
    try {
      await fh.sync()
    } catch (e) {
      // Some file systems cannot fsync a directory; the rename is still atomic there.
      if (!['EINVAL', 'EISDIR', 'EPERM', 'ENOTSUP'].includes(errCode(e) ?? '')) throw e
    } finally {
      await fh.close()
    }
  }
}

/**
 * Reads the record of the last good build. Null when there is none yet (the file does not
 * exist); a RecordError for anything else, since silently treating a damaged record as "no
 * record" would turn the next build into an unchecked baseline.
 */
export async function readRecord(
  path: string,
  fs: RecordFs = nodeRecordFs,
  earlier?: RecordSnapshot
): Promise<BuildRecord | null> {
  const text = await readRecordText(path, fs)
  // The same bytes parse to the same record: an earlier read of them is reused, not parsed again.
  if (earlier && earlier.text === text) return earlier.record
  return text === null ? null : parseRecord(text, path)
}

/** A record as read at one moment: its text (null: no file) and what that text parses to. */
export interface RecordSnapshot {
  readonly text: string | null
  readonly record: BuildRecord | null
}

/** Reads and parses the record once, keeping its text so a later read can tell it is the same. */
export async function snapshotRecord(
  path: string,
  fs: RecordFs = nodeRecordFs
): Promise<RecordSnapshot> {
  const text = await readRecordText(path, fs)
  return { text, record: text === null ? null : parseRecord(text, path) }
}

async function readRecordText(path: string, fs: RecordFs): Promise<string | null> {
  try {
    return await fs.readFile(path)
  } catch (e) {
    if (errCode(e) === 'ENOENT') return null
    throw new RecordError(path, `cannot read the record: ${errText(e)}`)
  }
}

/** Parses and validates record JSON; `path` only names the source in errors. */
export function parseRecord(text: string, path: string): BuildRecord {
  if (text.trim() === '') throw new RecordError(path, 'the record file is empty')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    // Never the parser's message: it quotes the file's bytes, and --state may name any file.
    throw new RecordError(path, `the record is not valid JSON${jsonPosition(text, e)}`)
  }
  try {
    return validateRecord(value)
  } catch (e) {
    if (e instanceof RecordShapeError) {
      const what = e.field === 'version' ? 'unsupported record' : 'malformed record'
      throw new RecordError(path, `${what}: ${e.message}`)
    }
    throw e
  }
}

/**
 * Replaces the record atomically: a temp file in the same directory (same file system, so the
 * rename is atomic), fsync, rename over the old record, fsync the directory. If any step fails
 * the previous record is left as it was and the temp file is removed.
 */
export async function writeRecord(
  path: string,
  record: BuildRecord,
  fs: RecordFs = nodeRecordFs
): Promise<void> {
  let clean: BuildRecord
  try {
    clean = validateRecord(record)
  } catch (e) {
    throw new RecordError(path, `refusing to write a malformed record: ${errText(e)}`)
  }
  const dir = dirname(path)
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await fs.mkdirp(dir)
    await fs.writeSynced(tmp, `${JSON.stringify(clean, null, 2)}\n`)
    await fs.rename(tmp, path)
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined)
    throw new RecordError(path, `cannot write the record: ${errText(e)}`)
  }
  try {
    await fs.syncDir(dir)
  } catch (e) {
    throw new RecordError(
      path,
      `record written but its directory could not be synced: ${errText(e)}`
    )
  }
}

/** ` (line L, column C)` of a JSON.parse error, from its position only; '' when unknown. */
function jsonPosition(text: string, e: unknown): string {
  const m = /position (\d+)/.exec(errText(e))
  if (!m) return /end of JSON input/.test(errText(e)) ? ' (it ends too early)' : ''
  const before = text.slice(0, Number(m[1]))
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return ` (line ${line}, column ${column})`
}

/** A thrown value as one short line (Error or not). */
export function errText(e: unknown): string {
  return oneLine(thrownMessage(e))
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}
