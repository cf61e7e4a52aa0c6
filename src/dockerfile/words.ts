/**
 * Shell-word handling the way BuildKit's `shell.Lex` treats a Dockerfile word: quotes removed,
 * the escape character honoured, `$VAR` / `${VAR}` / `${VAR:-x}` / `${VAR-x}` / `${VAR:+x}` /
 * `${VAR+x}` / `${VAR:?x}` expanded from a variable map, and the pattern modifiers of the
 * current Dockerfile syntax (`${VAR#p}`, `${VAR##p}`, `${VAR%p}`, `${VAR%%p}`, `${VAR/p/r}`,
 * `${VAR//p/r}`, `p` a shell glob; the 20.10 daemon's RUN runs them in the shell, verified).
 * Unset variables expand to ''.
 * dockerfile-ast splits arguments on whitespace without regard to quotes (`"a b"` becomes two
 * arguments), so instructions' argument text is split with `splitWords` instead.
 */
import { NamedError } from '../util/index.js'

/** Variables in scope (ENV wins over ARG, as in BuildKit); a Map will do. */
export interface Vars {
  get(name: string): string | undefined
}

/**
 * How deep `${a:-${b:-…}}` may nest. The lexer recurses once per level and would overflow the
 * stack in the thousands; real Dockerfiles nest two or three deep.
 */
export const MAX_NESTING = 128

/** Raised for a malformed word; the reader turns it into a DockerfileError with the line. */
export class WordError extends NamedError {}

/**
 * Splits argument text into words on unquoted whitespace, keeping quotes and escapes in each
 * word for `expandWord`.
 */
export function splitWords(text: string, escape: string): string[] {
  const words: string[] = []
  let cur = ''
  let quote: '"' | "'" | null = null
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote === null && /\s/.test(ch)) {
      if (inWord) words.push(cur)
      cur = ''
      inWord = false
      continue
    }
    inWord = true
    cur += ch
    if (ch === escape && quote !== "'" && i + 1 < text.length) {
      cur += text[++i]
    } else if (quote === null && (ch === '"' || ch === "'")) {
      quote = ch
    } else if (ch === quote) {
      quote = null
    }
  }
  if (inWord) words.push(cur)
  return words
}

/** Expands one word: variables substituted, quotes and escapes removed. */
export function expandWord(word: string, vars: Vars, escape = '\\'): string {
  const lex = new Lexer(word, vars, escape, false)
  const out = lex.process('')
  if (lex.pos < word.length)
    throw new WordError(`unexpected '${word[lex.pos]}' in ${JSON.stringify(word)}`)
  return out
}

/**
 * A RUN's text as BuildKit prints it in the build log: variables expanded, quotes kept, unset
 * variables left as written (its lexer's RawQuotes and SkipUnsetEnv modes; verified on 20.10:
 * `RUN echo "$SRC  two" 'q $DIR'` prints `RUN echo "a  two" 'q $DIR'`).
 */
export function expandRaw(word: string, vars: Vars, escape = '\\'): string {
  const lex = new Lexer(word, vars, escape, true)
  const out = lex.process('')
  if (lex.pos < word.length)
    throw new WordError(`unexpected '${word[lex.pos]}' in ${JSON.stringify(word)}`)
  return out
}

class Lexer {
  pos = 0
  private depth = 0
  constructor(
    private readonly s: string,
    private readonly vars: Vars,
    private readonly escape: string,
    /** Keep quotes and unset variables as written (BuildKit's printed RUN). */
    private readonly raw: boolean
  ) {}

  /** Reads until `stop` (not consumed) or the end. */
  process(stop: string): string {
    let out = ''
    while (this.pos < this.s.length) {
      const ch = this.s[this.pos]
      if (stop !== '' && ch === stop) return out
      this.pos++
      if (ch === this.escape) {
        // A trailing escape stays literal, as BuildKit keeps it.
        out += this.pos < this.s.length ? this.s[this.pos++] : ch
      } else if (ch === "'") {
        const end = this.s.indexOf("'", this.pos)
        if (end < 0) throw new WordError(`unterminated single quote in ${JSON.stringify(this.s)}`)
        out += this.raw ? this.s.slice(this.pos - 1, end + 1) : this.s.slice(this.pos, end)
        this.pos = end + 1
      } else if (ch === '"') {
        out += this.raw ? `"${this.doubleQuoted()}"` : this.doubleQuoted()
      } else if (ch === '$') {
        out += this.dollar()
      } else {
        out += ch
      }
    }
    return out
  }

  private doubleQuoted(): string {
    let out = ''
    while (this.pos < this.s.length) {
      const ch = this.s[this.pos++]
      if (ch === '"') return out
      if (
        ch === this.escape &&
        this.pos < this.s.length &&
        ['"', '$', this.escape].includes(this.s[this.pos])
      ) {
        out += this.s[this.pos++]
      } else if (ch === '$') {
        out += this.dollar()
      } else {
        out += ch
      }
    }
    throw new WordError(`unterminated double quote in ${JSON.stringify(this.s)}`)
  }

  /** After a `$`. */
  private dollar(): string {
    const next = this.s[this.pos]
    if (next === '{') {
      this.pos++
      return this.braced()
    }
    const name = this.name()
    if (name === '') return '$'
    return this.vars.get(name) ?? (this.raw ? `$${name}` : '')
  }

  private name(): string {
    // BuildKit: a leading digit is a one-character (positional) name.
    if (/[0-9]/.test(this.s[this.pos] ?? '')) return this.s[this.pos++]
    const m = /^[A-Za-z0-9_]*/.exec(this.s.slice(this.pos))
    const name = m ? m[0] : ''
    this.pos += name.length
    return name
  }

  private braced(): string {
    const name = this.name()
    if (name === '') throw new WordError(`bad substitution in ${JSON.stringify(this.s)}`)
    const start = this.pos - name.length - 2
    const value = this.vars.get(name)
    if (this.s[this.pos] === '}') {
      this.pos++
      return value ?? (this.raw ? `\${${name}}` : '')
    }
    if (this.pos >= this.s.length) throw new WordError(`missing '}' in ${JSON.stringify(this.s)}`)
    let op = this.s[this.pos]
    this.pos++
    const colon = op === ':'
    if (colon) op = this.s[this.pos++] ?? ''
    else if ((op === '#' || op === '%' || op === '/') && this.s[this.pos] === op) {
      this.pos++
      op += op
    }
    if (!['-', '+', '?', '#', '##', '%', '%%', '/', '//'].includes(op) || (colon && op.length > 1))
      throw new WordError(`unsupported modifier in ${JSON.stringify(this.s)}`)
    if (colon && !['-', '+', '?'].includes(op))
      throw new WordError(`unsupported modifier in ${JSON.stringify(this.s)}`)
    if (++this.depth > MAX_NESTING) {
      throw new WordError(
        `variable substitutions too deeply nested to read (more than ${MAX_NESTING} levels of \${)`
      )
    }
    const isPattern = op[0] === '#' || op[0] === '%' || op[0] === '/'
    const word = this.process(op[0] === '/' ? '/' : '}')
    let replacement = ''
    if (op[0] === '/' && this.s[this.pos] === '/') {
      this.pos++
      replacement = this.process('}')
    }
    this.depth--
    if (this.s[this.pos] !== '}') throw new WordError(`missing '}' in ${JSON.stringify(this.s)}`)
    this.pos++
    if (isPattern) {
      if (value === undefined) return this.raw ? this.s.slice(start, this.pos) : ''
      return applyPattern(value, op, word, replacement)
    }
    // With ':' an empty value counts as unset, as in POSIX shells.
    const set = value !== undefined && (!colon || value !== '')
    if (op === '-') return set ? value : word
    if (op === '+') return set ? word : ''
    if (!set) throw new WordError(`${name}: ${word || 'is not allowed to be unset'}`)
    return value
  }
}

/** A shell glob (`*`, `?`, `[...]`, `\\x`) as a RegExp source. */
function globSource(pattern: string): string {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '*') re += '[\\s\\S]*'
    else if (ch === '?') re += '[\\s\\S]'
    else if (ch === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i])
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2)
      if (end < 0) re += '\\['
      else {
        const body = pattern.slice(i + 1, end)
        re += `[${body.startsWith('!') || body.startsWith('^') ? '^' + body.slice(1) : body}]`
        i = end
      }
    } else re += escapeRe(ch)
  }
  return re
}

function escapeRe(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')
}

/** `#`/`##` cut the shortest/longest matching prefix, `%`/`%%` the suffix, `/`/`//` replace. */
function applyPattern(value: string, op: string, pattern: string, replacement: string): string {
  const src = globSource(pattern)
  const lazy = src.replace(/\[\\s\\S\]\*/g, '[\\s\\S]*?')
  switch (op) {
    case '#':
      return value.replace(new RegExp(`^${lazy}`), '')
    case '##':
      return value.replace(new RegExp(`^${src}`), '')
    case '%': {
      // The shortest suffix: try from the end.
      for (let i = value.length; i >= 0; i--)
        if (new RegExp(`^${src}$`).test(value.slice(i))) return value.slice(0, i)
      return value
    }
    case '%%': {
      for (let i = 0; i <= value.length; i++)
        if (new RegExp(`^${src}$`).test(value.slice(i))) return value.slice(0, i)
      return value
    }
    case '/':
      return pattern === '' ? value : value.replace(new RegExp(src), () => replacement)
    default:
      return pattern === '' ? value : value.replace(new RegExp(src, 'g'), () => replacement)
  }
}
