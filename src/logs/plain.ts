import { HASH, OPEN_BRACKET, SPACE, isDigit } from './chars.js'
import { FormatReader } from './facts.js'
import { cacheImportOf, parseVertexName } from './names.js'

/** `#N`: every line of BuildKit's plain progress starts with its vertex number. */
export const STEP_PREFIX = '#'

/** Vertex numbers longer than this are not read (BuildKit's stay far below). */
const MAX_VERTEX_DIGITS = 10

/** Bound for hostile input: vertex numbers tracked. */
const MAX_VERTICES = 100000

const CACHED = 'CACHED'
const ERROR = 'ERROR'
const BUILDING_WITH = 'building with '
/** BuildKit of docker 18.09/19.03 printed aligned fields: `#5      cached: true`. */
const ALIGNED_CACHED = 'cached: true'
const ALIGNED_ERROR = 'error: '

/**
 * The index of the space that ends a `#N` at `from` in `text` (read up to `to`), or -1 when no
 * vertex number starts there.
 */
function vertexEnd(text: string, from: number, to: number): number {
  let i = from + STEP_PREFIX.length
  const digits = i
  while (i < to && i - digits < MAX_VERTEX_DIGITS && isDigit(text.charCodeAt(i))) i++
  if (i === digits || i >= to || text.charCodeAt(i) !== SPACE) return -1
  return i
}

/** BuildKit plain progress: `#N <vertex name>` headers, then `#N <status|log|CACHED|DONE|ERROR>`. */
export class PlainReader extends FormatReader {
  readonly format = 'buildkit-plain'
  /** `<service>\0<#N>` -> step key (null for vertices that are not steps). */
  private readonly vertices = new Map<string, string | null>()

  /**
   * `#N <elapsed> <output>`, a RUN's output and the bulk of a log, read in place in `text` from
   * `from` to `to` without copying it out: such a line only says the log is plain progress.
   * Returns false, having read nothing, when the text there is not such a line.
   */
  output(text: string, from: number, to: number): boolean {
    if (text.charCodeAt(from) !== HASH) return false
    const space = vertexEnd(text, from, to)
    if (space < 0 || space + 1 >= to || !isDigit(text.charCodeAt(space + 1))) return false
    this.signals++
    return true
  }

  line(line: string, service: string | null): void {
    const space = vertexEnd(line, 0, line.length)
    if (space < 0) return
    this.signals++
    const id = `${service ?? ''}\u0000${line.slice(STEP_PREFIX.length, space)}`
    const rest = line.slice(space + 1)
    const c = rest.charCodeAt(0)
    if (isDigit(c)) return // `#8 0.145 <output of RUN>`: nothing to learn
    if (c === OPEN_BRACKET) {
      const key = this.sighting(parseVertexName(rest), service, false, false)
      if (this.vertices.size < MAX_VERTICES || this.vertices.has(id)) this.vertices.set(id, key)
      return
    }
    if (rest.startsWith(CACHED)) this.mark(id, 'cached')
    else if (rest.startsWith(ERROR)) this.mark(id, 'error')
    else if (this.facts.writingImage(rest)) return
    else if (rest.startsWith(BUILDING_WITH)) this.facts.builder = rest.trim()
    else if (c === SPACE) {
      const t = rest.trimStart()
      if (t.startsWith(ALIGNED_CACHED)) this.mark(id, 'cached')
      else if (t.startsWith(ALIGNED_ERROR)) this.mark(id, 'error')
    } else this.facts.addCacheImport(cacheImportOf(rest))
  }

  private mark(id: string, flag: 'cached' | 'error'): void {
    const key = this.vertices.get(id)
    if (key !== undefined && key !== null) this.table.mark(key, flag)
  }
}
