import { open } from 'node:fs/promises'
import type { ParsedLog } from '../model.js'
import { LogParser, type LogParserOptions } from './parser.js'
import { errCode, type FaultWording, fileFault, FreshBuildError } from '../util/index.js'

/** A build log that cannot be read; the message is one line naming the file. */
export class LogFileError extends FreshBuildError {
  constructor(
    readonly path: string,
    problem: string
  ) {
    super(`build log ${path}: ${problem}`)
  }
}

const LOG_WORDING: FaultWording = {
  directory: 'is a directory, not a log file',
  unreadable: reason => `is not readable: ${reason}`
}

function logFault(path: string, e: unknown): LogFileError {
  const code = errCode(e) ?? ''
  const known = fileFault(code, LOG_WORDING)
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
