import { createReadStream } from 'node:fs'
import type { ParsedLog } from '../model.js'
import { LogParser, type LogParserOptions } from './parser.js'

/** Parses a log file as a stream: memory stays bounded however large the file. */
export async function parseLogFile(
  path: string,
  options: LogParserOptions = {}
): Promise<ParsedLog> {
  const parser = new LogParser(options)
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    parser.write(chunk as Buffer)
  }
  return parser.end()
}
