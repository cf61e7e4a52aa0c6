import { SLASH, isDigit } from './chars.js'
import { FormatReader, MAX_NAMES, firstWord } from './facts.js'
import { MAX_INSTRUCTION } from './names.js'

/** `Step 3/8 : COPY package.json ./` (`Step 3 : ...` on very old daemons). */
export const LEGACY_STEP = 'Step '
const STEP_SEPARATOR = ' : '
/** Step numbers longer than this are not read. */
const MAX_STEP_DIGITS = 7

/** ` ---> <id>`, ` ---> Using cache`, ` ---> Running in <id>`: the result of the open step. */
export const LEGACY_ARROW = '---> '
const USING_CACHE = '---> Using cache'
export const SUCCESSFULLY_BUILT = 'Successfully built '
export const SENDING_CONTEXT = 'Sending build context'
const SENDING_CONTEXT_TO_DAEMON = 'Sending build context to Docker daemon'
const COMMAND_FAILED = "The command '"
const COMMAND_FAILED_CODE = "' returned a non-zero code"
const COPY_FAILED = 'COPY failed:'
const ADD_FAILED = 'ADD failed:'

/** Reads at most MAX_STEP_DIGITS digits of `t` from `from`; null when there are none. */
function digitsAt(t: string, from: number): { value: number; end: number } | null {
  let i = from
  while (i < t.length && i - from < MAX_STEP_DIGITS && isDigit(t.charCodeAt(i))) i++
  return i === from ? null : { value: Number(t.slice(from, i)), end: i }
}

/** `Step 3/8 : COPY package.json ./` (and `Step 3 : ...` of very old daemons, total 0). */
function parseStep(t: string): { index: number; total: number; instruction: string } | null {
  const index = digitsAt(t, LEGACY_STEP.length)
  if (index === null) return null
  let i = index.end
  let total = 0
  if (t.charCodeAt(i) === SLASH) {
    const n = digitsAt(t, i + 1)
    if (n === null) return null
    total = n.value
    i = n.end
  }
  if (!t.startsWith(STEP_SEPARATOR, i)) return null
  const instruction = t.slice(i + STEP_SEPARATOR.length).trim()
  return { index: index.value, total, instruction: instruction.slice(0, MAX_INSTRUCTION) }
}

/** The legacy builder: `Step N/M : INSTR`, ` ---> Using cache`, `Successfully built <id>`. */
export class LegacyReader extends FormatReader {
  readonly format = 'legacy'
  /** The open `Step N/M` per service. */
  private readonly open = new Map<string, string | null>()

  /** A line with its leading blanks trimmed. */
  line(t: string, service: string | null): void {
    const open = service ?? ''
    if (t.startsWith(LEGACY_STEP)) this.step(t, service)
    else if (t.startsWith(LEGACY_ARROW)) {
      this.signals++
      if (t.startsWith(USING_CACHE)) this.mark(open, 'cached')
    } else if (t.startsWith(SUCCESSFULLY_BUILT)) {
      this.signals++
      this.facts.imageId = firstWord(t.slice(SUCCESSFULLY_BUILT.length))
    } else if (t.startsWith(SENDING_CONTEXT_TO_DAEMON)) {
      this.signals++
    } else if (
      (t.startsWith(COMMAND_FAILED) && t.includes(COMMAND_FAILED_CODE)) ||
      t.startsWith(COPY_FAILED) ||
      t.startsWith(ADD_FAILED)
    ) {
      this.mark(open, 'error')
    }
  }

  private step(t: string, service: string | null): void {
    const step = parseStep(t)
    if (step === null) return
    this.signals++
    const key = this.table.add({
      lineService: service,
      words: [],
      ...step,
      cached: false,
      error: false
    })
    const open = service ?? ''
    if (this.open.size < MAX_NAMES || this.open.has(open)) this.open.set(open, key)
  }

  private mark(open: string, flag: 'cached' | 'error'): void {
    const key = this.open.get(open)
    if (key !== undefined && key !== null) this.table.mark(key, flag)
  }
}
