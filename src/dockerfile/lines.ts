import { DockerfileParser, type Env, type Instruction } from 'dockerfile-ast'
import { splitWords } from './words.js'

/*
 * Dockerfile text -> one node per instruction, as BuildKit's frontend/dockerfile/parser does it
 * before any instruction means anything: continuations joined, comment and blank lines inside
 * them skipped, the `# escape=` directive applied, leading `--flags` split off, heredoc bodies
 * found. Nothing here fails: what a node means, and whether it is allowed, is instructions.ts's.
 *
 * dockerfile-ast supplies instruction boundaries (continuations, comments, heredoc bodies), the
 * `# escape=` directive and ENV properties. Its gaps, worked around here and in instructions.ts:
 * it splits arguments on whitespace ignoring quotes, its JSON strings drop spaces
 * (`"sp ace"` -> `space`), its text joins arguments with single spaces (BuildKit keeps the
 * spacing), `ARG a b=1` yields only `a`, it accepts unknown instructions and flags, files without
 * FROM, and unterminated heredocs, and ADD's heredocs are not in its typings. So words, flags and
 * heredocs are read from the lines.
 */

/** Instructions whose leading `--name[=value]` words are flags. */
const FLAGGED = new Set(['FROM', 'COPY', 'ADD', 'RUN'])

/** Instructions whose arguments may open heredocs (`<<EOF`), read from the lines that follow. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD'])

const HEREDOC = /^(\d*)<<(-?)([^<]+)$/

export interface Heredoc {
  name: string
  stripTabs: boolean
}

/** One instruction as the lines give it, before it means anything. */
export interface DockerfileNode {
  /** Upper-cased instruction word. */
  keyword: string
  /** The instruction word as written (for messages). */
  written: string
  /** 1-based line of the instruction word. */
  line: number
  /** 1-based last line, continuations and heredoc bodies included. */
  endLine: number
  /** The logical line as BuildKit joins it (continuations joined), keyword included. */
  text: string
  /** Everything after the keyword. */
  rest: string
  /** Leading `--name[=value]` words, unchecked; `--name` alone has the value `true`. */
  flags: [string, string][]
  /** `rest` after the flags, raw (for JSON detection). */
  args: string
  /** ENV's name/value pairs as dockerfile-ast reads them; expansion (quotes too) is later. */
  env: [string, string][]
  /** A heredoc whose closing line never came: the node ends at the file's end. */
  unterminated: string | null
}

/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`: the heredoc a word opens, if it opens one. */
export function heredocOf(word: string): Heredoc[] {
  const m = HEREDOC.exec(word)
  if (!m) return []
  return [{ name: m[3].replace(/^(["'])(.*)\1$/, '$2'), stripTabs: m[2] === '-' }]
}

/** Reads a Dockerfile's text into its nodes, and the escape character they were read with. */
export function parseLines(text: string): { escape: string; nodes: DockerfileNode[] } {
  const df = DockerfileParser.parse(text)
  const lines = text.split('\n').map(l => l.replace(/\r$/, ''))
  const escape = df.getEscapeCharacter()
  const nodes = df.getInstructions().map(ins => fileNode(ins, lines, escape))
  return { escape, nodes }
}

/**
 * An ONBUILD trigger (`.Config.OnBuild` of a base image) as a node at `line`: one instruction
 * on one line, as the image stores it; heredocs are not read. Undefined when there is none.
 */
export function parseTrigger(
  text: string,
  line: number,
  escape: string
): DockerfileNode | undefined {
  const ins = DockerfileParser.parse(text).getInstructions()[0]
  if (ins === undefined) return undefined
  const keyword = ins.getKeyword()
  const rest = afterKeyword(text.trim())
  return {
    ...common(ins, keyword, rest, escape),
    line,
    endLine: line,
    text: `${keyword} ${rest}`,
    unterminated: null
  }
}

function fileNode(ins: Instruction, lines: string[], escape: string): DockerfileNode {
  const start = ins.getRange().start.line
  const keyword = ins.getKeyword()
  const logical = logicalLine(lines, start, escape)
  const rest = afterKeyword(logical.text)
  const node = common(ins, keyword, rest, escape)
  let last = logical.last
  let unterminated: string | null = null
  if (HEREDOC_KEYWORDS.has(keyword)) {
    const heredocs = splitWords(node.args, escape).flatMap(w => heredocOf(w))
    const end = heredocEnd(lines, heredocs, last)
    last = end.last
    unterminated = end.unterminated
  }
  return { ...node, line: start + 1, endLine: last + 1, text: logical.text, unterminated }
}

function common(ins: Instruction, keyword: string, rest: string, escape: string) {
  const { flags, args } = FLAGGED.has(keyword)
    ? splitFlags(rest, escape)
    : { flags: [], args: rest }
  const env: [string, string][] =
    keyword === 'ENV'
      ? (ins as Env).getProperties().map(p => [p.getName(), p.getUnescapedValue() ?? ''])
      : []
  return { keyword, written: ins.getInstruction(), rest, flags, args, env }
}

/** The text after the instruction word. */
function afterKeyword(text: string): string {
  return text.slice(text.search(/\s|$/)).trim()
}

/**
 * The instruction's logical line as BuildKit builds it: the first line left-trimmed, then each
 * continuation with its escape (and trailing blanks) removed; comment and blank lines inside a
 * continuation are skipped. `last` is the 0-based index of its last physical line.
 */
function logicalLine(
  lines: string[],
  start: number,
  escape: string
): { text: string; last: number } {
  const e = escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')
  const cont = new RegExp(`([^${e}])${e}[ \\t]*$|^${e}[ \\t]*$`)
  let i = start
  let text = ''
  let raw = lines[i].trimStart()
  for (;;) {
    const more = cont.test(raw)
    text += more ? raw.replace(cont, '$1') : raw
    if (!more) break
    do i++
    while (i < lines.length && (/^\s*#/.test(lines[i]) || lines[i].trim() === ''))
    if (i >= lines.length) break
    raw = lines[i]
  }
  return { text: text.trim(), last: Math.min(i, lines.length - 1) }
}

/**
 * Last line (0-based) of the heredoc bodies that follow line `after`, or the name of the first
 * heredoc that the file ends inside.
 */
function heredocEnd(
  lines: string[],
  heredocs: Heredoc[],
  after: number
): { last: number; unterminated: string | null } {
  let i = after
  for (const h of heredocs) {
    for (;;) {
      i++
      if (i >= lines.length) return { last: lines.length - 1, unterminated: h.name }
      const l = h.stripTabs ? lines[i].replace(/^\t+/, '') : lines[i]
      if (l === h.name) break
    }
  }
  return { last: i, unterminated: null }
}

/** Leading `--name[=value]` words; the rest is the argument text. */
function splitFlags(text: string, escape: string): { flags: [string, string][]; args: string } {
  const flags: [string, string][] = []
  let rest = text
  while (rest.startsWith('--')) {
    const word = splitWords(rest, escape)[0]
    rest = rest.slice(word.length).trimStart()
    const eq = word.indexOf('=')
    flags.push([eq < 0 ? word.slice(2) : word.slice(2, eq), eq < 0 ? 'true' : word.slice(eq + 1)])
  }
  return { flags, args: rest }
}
