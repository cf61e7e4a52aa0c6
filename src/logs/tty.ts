import { DOT, LOWER_S, isDigit } from './chars.js'
import { FormatReader } from './facts.js'
import { parseVertexName } from './names.js'

/** ` => <vertex>`: a vertex line of BuildKit's tty progress, once ANSI escapes are stripped. */
export const TTY_VERTEX = '=> '
/** `[+] Building 0.3s (14/14) FINISHED   docker:default`: the tty header. */
export const TTY_HEADER = '[+] Building '

const CACHED = 'CACHED '
const ERROR = 'ERROR '
const CANCELED = 'CANCELED '
const FINISHED = ' FINISHED'
/** Longest `driver:builder` tail read after FINISHED. */
const MAX_BUILDER_TAIL = 256

/** Drops tty's right-aligned duration column (`... COPY src ./src     0.3s`). */
function stripDuration(text: string): string {
  const t = text.trimEnd()
  const space = t.lastIndexOf(' ')
  if (space < 0) return t
  const d = t.slice(space + 1)
  if (d.length < 2 || d.charCodeAt(d.length - 1) !== LOWER_S) return t
  for (let i = 0; i < d.length - 1; i++) {
    const c = d.charCodeAt(i)
    if (!isDigit(c) && c !== DOT) return t
  }
  return t.slice(0, space).trimEnd()
}

/** BuildKit tty progress (docker and buildx `--progress=tty`), read after ANSI stripping. */
export class TtyReader extends FormatReader {
  readonly format = 'buildkit-tty'

  /** The text after ` => `: `[CACHED |ERROR |CANCELED ]<name>   0.3s`, or ` => <status>`. */
  vertex(text: string, service: string | null): void {
    this.signals++
    if (text.startsWith(TTY_VERTEX)) {
      // ` => => <status or log>` of the vertex above.
      this.facts.writingImage(text.slice(TTY_VERTEX.length))
      return
    }
    let rest = text
    let cached = false
    let error = false
    if (rest.startsWith(CACHED)) {
      cached = true
      rest = rest.slice(CACHED.length)
    } else if (rest.startsWith(ERROR)) {
      error = true
      rest = rest.slice(ERROR.length)
    } else if (rest.startsWith(CANCELED)) {
      rest = rest.slice(CANCELED.length)
    }
    const name = parseVertexName(stripDuration(rest))
    if (name.kind === 'step') this.signals++
    this.sighting(name, service, cached, error)
  }

  /** The `[+] Building` header; newer buildx names its builder after FINISHED. */
  header(line: string): void {
    this.signals++
    const at = line.indexOf(FINISHED)
    if (at < 0) return
    const tail = line.slice(at + FINISHED.length).trim()
    const m = tail.length < MAX_BUILDER_TAIL ? /^([\w.-]+):([\w.-]+)$/.exec(tail) : null
    if (m !== null) {
      this.facts.builder = `building with "${m[2]}" instance using ${m[1]} driver`
    }
  }
}
