import { open, type FileHandle } from 'node:fs/promises'
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

/** Bytes read at a time; two such buffers are all the file's bytes held at once. */
const READ_SIZE = 1 << 20

/**
 * Feeds the file to the parser through two reused buffers: the next read runs while the parser
 * reads the last one (the parser keeps no reference to a buffer once write() returns).
 */
async function readInto(fh: FileHandle, parser: LogParser): Promise<void> {
  const buffers = [Buffer.allocUnsafe(READ_SIZE), Buffer.allocUnsafe(READ_SIZE)]
  let turn = 0
  let next = fh.read(buffers[turn], 0, READ_SIZE, null)
  try {
    for (;;) {
      const { bytesRead, buffer } = await next
      if (bytesRead === 0) return
      turn ^= 1
      next = fh.read(buffers[turn], 0, READ_SIZE, null)
      parser.write(buffer.subarray(0, bytesRead))
    }
  } finally {
    // The handle is closed after this returns: no read may still be running then.
    await next.catch(() => undefined)
  }
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
      await readInto(fh, parser)
    } catch (e) {
      throw logFault(path, e)
    }
    return parser.end()
  } finally {
    await fh.close()
  }
}
