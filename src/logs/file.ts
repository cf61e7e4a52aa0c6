import { open } from 'node:fs/promises'
import type { ParsedLog } from '../model.js'
import { LogParser, type LogParserOptions } from './parser.js'
import { FreshBuildError } from '../util/error.js'

/** A build log that cannot be read; the message is one line naming the file. */
export class LogFileError extends FreshBuildError {
  constructor(
    readonly path: string,
    problem: string
  ) {
    super(`build log ${path}: ${problem}`)
  }
}

const FAULTS: Record<string, string> = {
  ENOENT: 'not found',
  ENOTDIR: 'not found (a parent is not a directory)',
  EISDIR: 'is a directory, not a log file',
  EACCES: 'is not readable: permission denied',
  EPERM: 'is not readable: operation not permitted',
  ELOOP: 'is a symlink loop'
}

function logFault(path: string, e: unknown): LogFileError {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? ''
  const known = FAULTS[code]
  const problem = known ? `${known} (${code})` : `cannot be read (${code || String(e)})`
  return new LogFileError(path, problem)
}

/** Parses a log file as a stream: memory stays bounded however large the file. */
export async function parseLogFile(
  path: string,
  options: LogParserOptions = {}
): Promise<ParsedLog> {
  let fh
  try {
    fh = await open(path, 'r')
  } catch (e) {
    throw logFault(path, e)
  }
  try {
    // open() succeeds on a directory; the read would fail with a bare EISDIR.
    if ((await fh.stat()).isDirectory()) throw logFault(path, { code: 'EISDIR' })
    const parser = new LogParser(options)
    try {
      for await (const chunk of fh.createReadStream({ highWaterMark: 1 << 16, autoClose: false })) {
        parser.write(chunk as Buffer)
      }
    } catch (e) {
      throw logFault(path, e)
    }
    return parser.end()
  } finally {
    await fh.close()
  }
}
