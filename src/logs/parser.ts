import { isAscii } from 'node:buffer'
import { StringDecoder } from 'node:string_decoder'
import type { LogStep, ParsedLog } from '../model.js'
import { CR, OPEN_BRACE } from './chars.js'
import { ComposeHeader } from './compose.js'
import { LogFacts, type FormatReader } from './facts.js'
import { LegacyReader } from './legacy.js'
import { PlainReader, STEP_PREFIX } from './plain.js'
import { RawJsonReader } from './rawjson.js'
import { lastCarriageSegment, splitServicePrefix, stripAnsi, stripTimestamp } from './text.js'
import { TTY_HEADER, TTY_VERTEX, TtyReader } from './tty.js'

/** Longest line kept (chars); the rest of a longer line is dropped. Fits big rawjson lines. */
export const DEFAULT_MAX_LINE = 1 << 20

/**
 * Buffers are decoded in slices of this size so one huge write never becomes one huge string.
 * Strings this small live in V8's heap, which the GC sizes itself by; Node makes strings over
 * ~1 MB external memory, which V8 frees late, so 1 MiB slices grew the RSS with the log's size.
 */
const DECODE_SLICE = 1 << 16

/** Bytes below this are ASCII: each a whole character. */
const ASCII_LIMIT = 0x80

export interface LogParserOptions {
  /** Longest line kept, in characters (default 1 MiB). */
  maxLineLength?: number
}

/**
 * A streaming build-log parser. Feed it chunks as they arrive (a live `docker build` or a file),
 * then call end(). Memory stays bounded whatever the input: one line buffer capped at
 * maxLineLength plus the steps found. It never throws on content; unreadable lines are skipped.
 *
 * This class cuts the stream into lines and cleans them up (terminal escapes, redraws, CI
 * timestamps, compose prefixes); one reader per format reads them, and the format whose reader
 * found the most steps is the result.
 */
export class LogParser {
  private readonly maxLine: number
  private readonly decoder = new StringDecoder('utf8')
  /**
   * The decoder holds no bytes of a split character: nothing was written to it since end(), or
   * the last byte written was ASCII (a complete character, after which nothing can be held).
   */
  private decoderEmpty = true
  private partial = ''
  /** The current line passed the cap: drop input until the next newline. */
  private overflow = false
  private result: ParsedLog | null = null

  private readonly facts = new LogFacts()
  private readonly compose = new ComposeHeader()
  private readonly plain = new PlainReader(this.facts)
  private readonly tty = new TtyReader(this.facts)
  private readonly rawjson = new RawJsonReader(this.facts)
  private readonly legacy = new LegacyReader(this.facts)
  /** In this order: the first of equals wins. */
  private readonly readers: readonly FormatReader[] = [
    this.plain,
    this.tty,
    this.rawjson,
    this.legacy
  ]

  constructor(options: LogParserOptions = {}) {
    const max = options.maxLineLength ?? DEFAULT_MAX_LINE
    this.maxLine = Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_MAX_LINE
  }

  write(chunk: string | Buffer): void {
    if (this.result !== null) return
    if (typeof chunk === 'string') {
      // Bytes of a split character from an earlier Buffer cannot continue in a string.
      this.feed(this.endDecoder())
      this.feed(chunk)
      return
    }
    for (let at = 0; at < chunk.length; at += DECODE_SLICE) {
      this.feed(this.decode(chunk.subarray(at, at + DECODE_SLICE)))
    }
  }

  /**
   * Decodes as one StringDecoder over the whole stream would. ASCII bytes with nothing held
   * decode to the same text byte for byte, at a fraction of the decoder's cost: logs are
   * mostly ASCII.
   */
  private decode(bytes: Buffer): string {
    if (bytes.length === 0) return ''
    if (this.decoderEmpty && isAscii(bytes)) return bytes.toString('ascii')
    this.decoderEmpty = bytes[bytes.length - 1] < ASCII_LIMIT
    return this.decoder.write(bytes)
  }

  private endDecoder(): string {
    this.decoderEmpty = true
    return this.decoder.end()
  }

  end(): ParsedLog {
    if (this.result !== null) return this.result
    this.feed(this.endDecoder())
    if (this.partial.length > 0 || this.overflow) this.flushLine()
    this.result = this.finish()
    return this.result
  }

  /** Cuts decoded text into lines; a line cut by the chunk's end waits in `partial`. */
  private feed(text: string): void {
    let pos = 0
    const n = text.length
    /** The first CR at or after `pos` (n when none): found once per stretch, not per line. */
    let cr = -1
    while (pos < n) {
      const nl = text.indexOf('\n', pos)
      if (nl >= 0 && this.partial.length === 0 && !this.overflow && !this.compose.waiting) {
        if (cr < pos) cr = text.indexOf('\r', pos) >>> 0 // -1 becomes 2^32 - 1: none
        if (this.inPlace(text, pos, nl, cr)) {
          pos = nl + 1
          continue
        }
      }
      const stop = nl < 0 ? n : nl
      if (!this.overflow && stop > pos) {
        const room = this.maxLine - this.partial.length
        if (stop - pos > room) {
          this.partial += text.slice(pos, pos + room)
          this.overflow = true
        } else {
          this.partial += text.slice(pos, stop)
        }
      }
      if (nl < 0) return
      this.flushLine()
      pos = nl + 1
    }
  }

  /**
   * Reads the whole line text[from, to) without copying it, when it is RUN output (`#N 0.1 …`)
   * and nothing would change what it shows: a carriage return inside it redraws the line, so
   * such a line (`cr`, the next CR, before its trailing CRs) takes the copying path. The line
   * cap applies as there: only the first maxLine characters are read.
   */
  private inPlace(text: string, from: number, to: number, cr: number): boolean {
    let end = to
    while (end > from && text.charCodeAt(end - 1) === CR) end--
    if (cr < end) return false
    return this.plain.output(text, from, Math.min(end, from + this.maxLine))
  }

  private flushLine(): void {
    const line = this.partial
    this.partial = ''
    this.overflow = false
    try {
      this.line(line)
    } catch {
      // A safety net only: a line the parser cannot read must not end the build's parse.
    }
  }

  /** Cleans one line up and gives it to the reader of the format it belongs to. */
  private line(raw: string): void {
    let line = raw
    if (line.includes('\x1b')) line = stripAnsi(line)
    if (line.includes('\r')) line = lastCarriageSegment(line)
    if (this.compose.waiting) this.compose.confirm(line)
    if (line.startsWith(STEP_PREFIX)) {
      this.plain.line(line, this.compose.building)
      return
    }
    line = stripTimestamp(line)
    let service = this.compose.building
    const prefixed = splitServicePrefix(line)
    if (prefixed !== null) {
      service = prefixed.service
      line = prefixed.rest
    } else if (this.compose.header(line)) {
      return
    }
    if (line.startsWith(STEP_PREFIX)) this.plain.line(line, service)
    else if (line.charCodeAt(0) === OPEN_BRACE) this.rawjson.line(line, service)
    else {
      const t = line.trimStart()
      if (t.startsWith(TTY_VERTEX)) this.tty.vertex(t.slice(TTY_VERTEX.length), service)
      else if (t.startsWith(TTY_HEADER)) this.tty.header(t)
      else this.legacy.line(t, service)
    }
  }

  /** The format with the most steps wins (then the most telltale lines); its steps are the result. */
  private finish(): ParsedLog {
    let best: FormatReader | null = null
    for (const r of this.readers) {
      if (r.signals === 0) continue
      if (
        best === null ||
        r.table.size > best.table.size ||
        (r.table.size === best.table.size && r.signals > best.signals)
      ) {
        best = r
      }
    }
    const steps: LogStep[] = best === null ? [] : best.table.resolve(this.facts.services)
    return {
      format: best?.format ?? 'unknown',
      steps,
      cacheImports: [...this.facts.cacheImports],
      builder: this.facts.builder,
      imageId: this.facts.imageId
    }
  }
}

/** Parses a whole log held in memory. */
export function parseLog(text: string): ParsedLog {
  const parser = new LogParser()
  parser.write(text)
  return parser.end()
}
