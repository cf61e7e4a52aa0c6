import { StringDecoder } from 'node:string_decoder'
import type { LogFormat, LogStep, ParsedLog } from '../model.js'
import { MAX_INSTRUCTION, cacheImportOf, parseVertexName, type VertexName } from './names.js'
import { StepTable } from './steps.js'
import { lastCarriageSegment, splitServicePrefix, stripAnsi, stripTimestamp } from './text.js'

/** Longest line kept (chars); the rest of a longer line is dropped. Fits big rawjson lines. */
export const DEFAULT_MAX_LINE = 1 << 20

/** Buffers are decoded in slices of this size so one huge write never becomes one huge string. */
const DECODE_SLICE = 1 << 20

/** Bounds for hostile input: vertex ids tracked, distinct cache sources, services. */
const MAX_VERTICES = 100000
const MAX_NAMES = 1000

export interface LogParserOptions {
  /** Longest line kept, in characters (default 1 MiB). */
  maxLineLength?: number
}

type Format = Exclude<LogFormat, 'unknown'>
const FORMATS: readonly Format[] = ['buildkit-plain', 'buildkit-tty', 'rawjson', 'legacy']

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

function isServiceName(name: string): boolean {
  return name.length > 0 && name.length <= 128 && /^[A-Za-z0-9][\w.-]*$/.test(name)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** First word of a text (`writing image sha256:x done` -> `sha256:x`). */
function firstWord(text: string): string {
  const t = text.trim()
  const space = t.indexOf(' ')
  return space < 0 ? t : t.slice(0, space)
}

/** Drops tty's right-aligned duration column (`... COPY src ./src     0.3s`). */
function stripDuration(text: string): string {
  const t = text.trimEnd()
  const space = t.lastIndexOf(' ')
  if (space < 0) return t
  const d = t.slice(space + 1)
  if (d.length < 2 || d.charCodeAt(d.length - 1) !== 115 /* s */) return t
  for (let i = 0; i < d.length - 1; i++) {
    const c = d.charCodeAt(i)
    if (!isDigit(c) && c !== 46) return t
  }
  return t.slice(0, space).trimEnd()
}

/**
 * A streaming build-log parser. Feed it chunks as they arrive (a live `docker build` or a file),
 * then call end(). Memory stays bounded whatever the input: one line buffer capped at
 * maxLineLength plus the steps found. It never throws on content; unreadable lines are skipped.
 */
export class LogParser {
  private readonly maxLine: number
  private readonly decoder = new StringDecoder('utf8')
  private partial = ''
  /** The current line passed the cap: drop input until the next newline. */
  private overflow = false
  private result: ParsedLog | null = null

  private readonly tables: Record<Format, StepTable> = {
    'buildkit-plain': new StepTable(),
    'buildkit-tty': new StepTable(),
    rawjson: new StepTable(),
    legacy: new StepTable()
  }
  /** Lines that could only come from each format, to detect it. */
  private readonly signals: Record<Format, number> = {
    'buildkit-plain': 0,
    'buildkit-tty': 0,
    rawjson: 0,
    legacy: 0
  }
  /** Plain output: `<service>\0<#N>` -> step key (null for vertices that are not steps). */
  private readonly vertices = new Map<string, string | null>()
  /** Legacy builder: the open `Step N/M` per service. */
  private readonly legacyOpen = new Map<string, string | null>()
  /** Compose services the log named in brackets (`[web internal]`). */
  private readonly services = new Set<string>()
  private readonly cacheImports: string[] = []
  private builder: string | null = null
  private imageId: string | null = null
  /** docker-compose v1: the service whose build output follows (`Building web`). */
  private building: string | null = null
  private pending: { name: string; wait: number } | null = null

  constructor(options: LogParserOptions = {}) {
    const max = options.maxLineLength ?? DEFAULT_MAX_LINE
    this.maxLine = Number.isFinite(max) && max >= 1 ? Math.floor(max) : DEFAULT_MAX_LINE
  }

  write(chunk: string | Buffer): void {
    if (this.result !== null) return
    if (typeof chunk === 'string') {
      // Bytes of a split character from an earlier Buffer cannot continue in a string.
      this.feed(this.decoder.end())
      this.feed(chunk)
      return
    }
    for (let at = 0; at < chunk.length; at += DECODE_SLICE) {
      this.feed(this.decoder.write(chunk.subarray(at, at + DECODE_SLICE)))
    }
  }

  end(): ParsedLog {
    if (this.result !== null) return this.result
    this.feed(this.decoder.end())
    if (this.partial.length > 0 || this.overflow) this.flushLine()
    this.result = this.finish()
    return this.result
  }

  private feed(text: string): void {
    let pos = 0
    const n = text.length
    while (pos < n) {
      const nl = text.indexOf('\n', pos)
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

  private line(raw: string): void {
    let line = raw
    if (line.includes('\x1b')) line = stripAnsi(line)
    if (line.includes('\r')) line = lastCarriageSegment(line)
    if (this.pending !== null) this.confirmBuilding(line)
    if (line.charCodeAt(0) === 35 /* # */) {
      this.plain(line, this.building)
      return
    }
    line = stripTimestamp(line)
    let service = this.building
    const prefixed = splitServicePrefix(line)
    if (prefixed !== null) {
      service = prefixed.service
      line = prefixed.rest
    } else if (line.startsWith('Building ')) {
      const name = line.slice(9).trimEnd()
      if (isServiceName(name)) this.pending = { name, wait: 8 }
      return
    }
    const c = line.charCodeAt(0)
    if (c === 35) this.plain(line, service)
    else if (c === 123 /* { */) this.rawjson(line, service)
    else {
      const t = line.trimStart()
      if (t.startsWith('=> ')) this.tty(t.slice(3), service)
      else if (t.startsWith('[+] Building ')) this.ttyHeader(t)
      else this.legacy(t, service)
    }
  }

  /**
   * docker-compose v1 prints `Building <service>` and then that service's unprefixed build
   * output, vertex numbers restarting at #1. The header counts only when a build starts right
   * after it, so a RUN that prints "Building app" in a legacy log cannot rename services.
   */
  private confirmBuilding(line: string): void {
    const p = this.pending
    if (p === null) return
    const t = line.trimEnd()
    if (
      t.startsWith('Step 1/') ||
      t.startsWith('Step 1 :') ||
      t.startsWith('#0 ') ||
      t.startsWith('#1 ') ||
      t.startsWith('[+] Building ') ||
      t.startsWith('Sending build context')
    ) {
      this.building = p.name
      this.pending = null
    } else if (t !== '' && !t.startsWith('DEPRECATED:') && t.charCodeAt(0) !== 32) {
      this.pending = null
    } else if (--p.wait <= 0) {
      this.pending = null
    }
  }

  /** BuildKit plain: `#N <vertex name>` headers, then `#N <status|log|CACHED|DONE|ERROR>`. */
  private plain(line: string, service: string | null): void {
    let i = 1
    while (i < line.length && i <= 10 && isDigit(line.charCodeAt(i))) i++
    if (i === 1 || line.charCodeAt(i) !== 32) return
    this.signals['buildkit-plain']++
    const id = `${service ?? ''}\u0000${line.slice(1, i)}`
    const rest = line.slice(i + 1)
    const c = rest.charCodeAt(0)
    if (isDigit(c)) return // `#8 0.145 <output of RUN>`: the bulk of a log, nothing to learn
    if (c === 91 /* [ */) {
      const key = this.sighting('buildkit-plain', parseVertexName(rest), service, false, false)
      if (this.vertices.size < MAX_VERTICES || this.vertices.has(id)) this.vertices.set(id, key)
      return
    }
    if (rest.startsWith('CACHED')) this.markVertex(id, 'cached')
    else if (rest.startsWith('ERROR')) this.markVertex(id, 'error')
    else if (rest.startsWith('writing image ')) this.imageId = firstWord(rest.slice(14))
    else if (rest.startsWith('building with ')) this.builder = rest.trim()
    else if (c === 32) {
      // BuildKit of docker 18.09/19.03 printed aligned fields: `#5      cached: true`.
      const t = rest.trimStart()
      if (t.startsWith('cached: true')) this.markVertex(id, 'cached')
      else if (t.startsWith('error: ')) this.markVertex(id, 'error')
    } else this.addCacheImport(cacheImportOf(rest))
  }

  private markVertex(id: string, flag: 'cached' | 'error'): void {
    const key = this.vertices.get(id)
    if (key !== undefined && key !== null) this.tables['buildkit-plain'].mark(key, flag)
  }

  /** BuildKit tty (after ANSI stripping): ` => [CACHED |ERROR ]<name>   0.3s`. */
  private tty(text: string, service: string | null): void {
    this.signals['buildkit-tty']++
    if (text.startsWith('=> ')) {
      // ` => => <status or log>` of the vertex above.
      const sub = text.slice(3)
      if (sub.startsWith('writing image ')) this.imageId = firstWord(sub.slice(14))
      return
    }
    let rest = text
    let cached = false
    let error = false
    if (rest.startsWith('CACHED ')) {
      cached = true
      rest = rest.slice(7)
    } else if (rest.startsWith('ERROR ')) {
      error = true
      rest = rest.slice(6)
    } else if (rest.startsWith('CANCELED ')) {
      rest = rest.slice(9)
    }
    this.sighting('buildkit-tty', parseVertexName(stripDuration(rest)), service, cached, error)
  }

  /** `[+] Building 0.3s (14/14) FINISHED   docker:default`: newer buildx names its builder. */
  private ttyHeader(line: string): void {
    this.signals['buildkit-tty']++
    const at = line.indexOf(' FINISHED')
    if (at < 0) return
    const tail = line.slice(at + 9).trim()
    const m = tail.length < 256 ? /^([\w.-]+):([\w.-]+)$/.exec(tail) : null
    if (m !== null) this.builder = `building with "${m[2]}" instance using ${m[1]} driver`
  }

  /** `--progress=rawjson`: one client.SolveStatus per line; vertices repeat as they progress. */
  private rawjson(line: string, service: string | null): void {
    let doc: unknown
    try {
      doc = JSON.parse(line)
    } catch {
      return
    }
    if (!isRecord(doc)) return
    const { vertexes, statuses, logs, warnings } = doc
    if (Array.isArray(vertexes)) {
      for (const v of vertexes) {
        if (!isRecord(v) || typeof v.name !== 'string') continue
        const error = typeof v.error === 'string' && v.error !== ''
        this.sighting('rawjson', parseVertexName(v.name), service, v.cached === true, error)
      }
    }
    if (Array.isArray(statuses)) {
      for (const s of statuses) {
        if (isRecord(s) && typeof s.id === 'string' && s.id.startsWith('writing image ')) {
          this.imageId = firstWord(s.id.slice(14))
        }
      }
    }
    // docker 20.10's API stream carries the image id as an aux message next to the trace.
    const api = isRecord(doc._non_trace_api_message) ? doc._non_trace_api_message : doc
    const aux = api.aux
    if (isRecord(aux) && typeof aux.ID === 'string' && aux.ID.startsWith('sha256:')) {
      this.imageId = aux.ID
    }
    if (
      Array.isArray(vertexes) ||
      Array.isArray(statuses) ||
      Array.isArray(logs) ||
      Array.isArray(warnings) ||
      api !== doc
    ) {
      this.signals.rawjson++
    }
  }

  /** The legacy builder: `Step N/M : INSTR`, ` ---> Using cache`, `Successfully built <id>`. */
  private legacy(t: string, service: string | null): void {
    const open = service ?? ''
    if (t.startsWith('Step ')) {
      const step = parseLegacyStep(t)
      if (step === null) return
      this.signals.legacy++
      const key = this.tables.legacy.add({
        lineService: service,
        words: [],
        ...step,
        cached: false,
        error: false
      })
      if (this.legacyOpen.size < MAX_NAMES || this.legacyOpen.has(open)) {
        this.legacyOpen.set(open, key)
      }
    } else if (t.startsWith('---> ')) {
      this.signals.legacy++
      if (t.startsWith('---> Using cache')) this.markLegacy(open, 'cached')
    } else if (t.startsWith('Successfully built ')) {
      this.signals.legacy++
      this.imageId = firstWord(t.slice(19))
    } else if (t.startsWith('Sending build context to Docker daemon')) {
      this.signals.legacy++
    } else if (
      (t.startsWith("The command '") && t.includes("' returned a non-zero code")) ||
      t.startsWith('COPY failed:') ||
      t.startsWith('ADD failed:')
    ) {
      this.markLegacy(open, 'error')
    }
  }

  private markLegacy(open: string, flag: 'cached' | 'error'): void {
    const key = this.legacyOpen.get(open)
    if (key !== undefined && key !== null) this.tables.legacy.mark(key, flag)
  }

  /** Records what a BuildKit vertex name says; returns the step key when it is a step. */
  private sighting(
    format: Format,
    name: VertexName,
    service: string | null,
    cached: boolean,
    error: boolean
  ): string | null {
    if (name.kind === 'step') {
      if (format !== 'buildkit-plain') this.signals[format]++
      return this.tables[format].add({
        lineService: service,
        words: name.words,
        index: name.index,
        total: name.total,
        instruction: name.instruction,
        cached,
        error
      })
    }
    if (name.service !== null && this.services.size < MAX_NAMES) this.services.add(name.service)
    this.addCacheImport(cacheImportOf(name.text))
    return null
  }

  private addCacheImport(ref: string | null): void {
    if (ref === null || this.cacheImports.includes(ref)) return
    if (this.cacheImports.length < MAX_NAMES) this.cacheImports.push(ref)
  }

  /** The format with the most steps wins (then the most telltale lines); its steps are the result. */
  private finish(): ParsedLog {
    let best: Format | null = null
    for (const f of FORMATS) {
      if (this.signals[f] === 0) continue
      if (
        best === null ||
        this.tables[f].size > this.tables[best].size ||
        (this.tables[f].size === this.tables[best].size && this.signals[f] > this.signals[best])
      ) {
        best = f
      }
    }
    const steps: LogStep[] = best === null ? [] : this.tables[best].resolve(this.services)
    return {
      format: best ?? 'unknown',
      steps,
      cacheImports: [...this.cacheImports],
      builder: this.builder,
      imageId: this.imageId
    }
  }
}

/** `Step 3/8 : COPY package.json ./` (and `Step 3 : ...` of very old daemons, total 0). */
function parseLegacyStep(t: string): { index: number; total: number; instruction: string } | null {
  let i = 5
  const a = i
  while (i < t.length && i - a < 7 && isDigit(t.charCodeAt(i))) i++
  if (i === a) return null
  const index = Number(t.slice(a, i))
  let total = 0
  if (t.charCodeAt(i) === 47 /* / */) {
    const b = ++i
    while (i < t.length && i - b < 7 && isDigit(t.charCodeAt(i))) i++
    if (i === b) return null
    total = Number(t.slice(b, i))
  }
  if (!t.startsWith(' : ', i)) return null
  const instruction = t.slice(i + 3).trim()
  return { index, total, instruction: instruction.slice(0, MAX_INSTRUCTION) }
}

/** Parses a whole log held in memory. */
export function parseLog(text: string): ParsedLog {
  const parser = new LogParser()
  parser.write(text)
  return parser.end()
}
