/**
 * Translates the Go (RE2) regular expressions that moby/patternmatcher builds from .dockerignore
 * patterns into JavaScript RegExps with the same meaning.
 *
 * Why a translator and not a pass-through: patternmatcher copies `[`, `]`, `^` and `\x` escapes
 * from the pattern into the regexp unchanged, so Go's syntax decides what they mean (`[!a]` is a
 * class of `!` and `a`, `\d` is a digit class, `[[:alpha:]]` a POSIX class, a lone `]` a literal,
 * `[z-a]` an error). JavaScript reads several of these differently, so the Go syntax is parsed
 * here (the subset regexp.Compile accepts with its Perl flags) and re-emitted as an unambiguous
 * JS regexp with the `u` flag. Pure: no I/O.
 */

/** A Go regexp the translator (like Go's regexp.Compile) rejects. */
export class GoRegexpError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoRegexpError'
  }
}

type Range = [number, number]
const MAX_RUNE = 0x10ffff

// ASCII tables as Go's regexp/syntax defines them (perl_groups.go).
const PERL: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20]
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a]
  ]
}
const POSIX: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a]
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a]
  ],
  ascii: [[0x00, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20]
  ],
  cntrl: [
    [0x00, 0x1f],
    [0x7f, 0x7f]
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e]
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20]
  ],
  upper: [[0x41, 0x5a]],
  word: PERL.w,
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66]
  ]
}
const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(
    ' '
  )
)

function negate(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const out: Range[] = []
  let next = 0
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1])
    next = Math.max(next, hi + 1)
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE])
  return out
}

/** A code point as a JS regexp atom that means exactly that character under the `u` flag. */
function lit(cp: number): string {
  const ch = String.fromCodePoint(cp)
  return /^[A-Za-z0-9_]$/.test(ch) ? ch : `\\u{${cp.toString(16)}}`
}

function classOf(ranges: Range[], negated = false): string {
  const body = ranges.map(([lo, hi]) => (lo === hi ? lit(lo) : `${lit(lo)}-${lit(hi)}`)).join('')
  if (body === '') return negated ? '[^]' : '[]'
  return `[${negated ? '^' : ''}${body}]`
}

/** `\p{Name}` for a Go Unicode class name: general categories as is, anything else a script. */
function unicodeClass(name: string, negated: boolean, inClass: boolean): string {
  if (name === 'Any') {
    if (inClass) return negated ? '' : '\\u{0}-\\u{10ffff}'
    return negated ? '[]' : '[^]'
  }
  const prop = GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`
  const out = `\\${negated ? 'P' : 'p'}{${prop}}`
  try {
    new RegExp(out, 'u')
  } catch {
    throw new GoRegexpError(`invalid character class range: \\p{${name}}`)
  }
  return out
}

class Parser {
  private i = 0
  private readonly s: number[]

  constructor(src: string) {
    this.s = Array.from(src, c => c.codePointAt(0) ?? 0)
  }

  private peek(k = 0): number | undefined {
    return this.s[this.i + k]
  }

  private is(ch: string, k = 0): boolean {
    return this.peek(k) === ch.codePointAt(0)
  }

  parse(): string {
    const out = this.sequence(0)
    if (this.i < this.s.length) throw new GoRegexpError('unexpected )')
    return out
  }

  /** A concatenation (with alternation) up to `)` or the end. */
  private sequence(depth: number): string {
    let out = ''
    let lastAtom = false
    while (this.i < this.s.length) {
      const c = this.peek() as number
      const ch = String.fromCodePoint(c)
      if (ch === ')') {
        if (depth === 0) throw new GoRegexpError('unexpected )')
        return out
      }
      if (ch === '*' || ch === '+' || ch === '?') {
        if (!lastAtom) throw new GoRegexpError(`missing argument to repetition operator: ${ch}`)
        this.i++
        out += ch
        if (this.is('?')) {
          this.i++
          out += '?'
        }
        if (this.is('*') || this.is('+') || this.is('?')) {
          throw new GoRegexpError('invalid nested repetition operator')
        }
        lastAtom = false
        continue
      }
      if (ch === '|') {
        this.i++
        out += '|'
        lastAtom = false
        continue
      }
      const atom = this.atom()
      out += atom.text
      lastAtom = atom.quantifiable
    }
    if (depth > 0) throw new GoRegexpError('missing closing )')
    return out
  }

  private atom(): { text: string; quantifiable: boolean } {
    const c = this.peek() as number
    const ch = String.fromCodePoint(c)
    switch (ch) {
      case '^':
        this.i++
        return { text: '^', quantifiable: false }
      case '$':
        this.i++
        return { text: '$', quantifiable: false }
      case '.':
        // Go's `.` (no s flag) is any character but newline; JS would also stop at \r etc.
        this.i++
        return { text: '[^\\n]', quantifiable: true }
      case '(': {
        this.i++
        if (this.is('?')) throw new GoRegexpError('unsupported group flags')
        const inner = this.sequence(1)
        this.i++ // the `)`
        return { text: `(?:${inner})`, quantifiable: true }
      }
      case '[':
        return { text: this.charClass(), quantifiable: true }
      case '{':
        // Go reads `{` that does not start a valid repeat as a literal; patternmatcher escapes it anyway.
        this.i++
        return { text: lit(c), quantifiable: true }
      case '\\':
        return this.escapeAtom()
      default:
        this.i++
        return { text: lit(c), quantifiable: true }
    }
  }

  private escapeAtom(): { text: string; quantifiable: boolean } {
    const next = this.peek(1)
    if (next === undefined) throw new GoRegexpError('trailing backslash at end of expression')
    const n = String.fromCodePoint(next)
    switch (n) {
      case 'A':
        this.i += 2
        return { text: '^', quantifiable: false }
      case 'z':
        this.i += 2
        return { text: '$', quantifiable: false }
      case 'b':
        this.i += 2
        return { text: '\\b', quantifiable: false }
      case 'B':
        this.i += 2
        return { text: '\\B', quantifiable: false }
      case 'Q': {
        this.i += 2
        let text = ''
        while (this.i < this.s.length) {
          if (this.is('\\') && this.is('E', 1)) {
            this.i += 2
            break
          }
          text += lit(this.peek() as number)
          this.i++
        }
        return { text: text === '' ? '(?:)' : `(?:${text})`, quantifiable: text !== '' }
      }
      case 'p':
      case 'P':
        return { text: this.unicodeEscape(false), quantifiable: true }
      case 'd':
      case 's':
      case 'w':
        this.i += 2
        return { text: classOf(PERL[n]), quantifiable: true }
      case 'D':
      case 'S':
      case 'W':
        this.i += 2
        return { text: classOf(PERL[n.toLowerCase()], true), quantifiable: true }
      default:
        return { text: lit(this.escapedChar()), quantifiable: true }
    }
  }

  private unicodeEscape(inClass: boolean): string {
    const negatedEsc = this.is('P', 1)
    this.i += 2
    let name: string
    if (this.is('{')) {
      const close = this.s.indexOf(0x7d, this.i)
      if (close < 0) throw new GoRegexpError('invalid character class range')
      name = String.fromCodePoint(...this.s.slice(this.i + 1, close))
      this.i = close + 1
    } else {
      const c = this.peek()
      if (c === undefined) throw new GoRegexpError('invalid character class range')
      name = String.fromCodePoint(c)
      this.i++
    }
    let negated = negatedEsc
    if (name.startsWith('^')) {
      negated = !negated
      name = name.slice(1)
    }
    return unicodeClass(name, negated, inClass)
  }

  /** Go's parseEscape: one character from `\x`-style escapes; `this.i` is at the backslash. */
  private escapedChar(): number {
    this.i++
    const c = this.peek()
    if (c === undefined) throw new GoRegexpError('trailing backslash at end of expression')
    this.i++
    const ch = String.fromCodePoint(c)
    const isOct = (x: number | undefined): boolean => x !== undefined && x >= 0x30 && x <= 0x37
    if (c < 0x80 && !/[A-Za-z0-9]/.test(ch)) return c
    if (ch >= '1' && ch <= '7' && !isOct(this.peek())) {
      throw new GoRegexpError(`invalid escape sequence: \\${ch}`)
    }
    if (ch >= '0' && ch <= '7') {
      let r = c - 0x30
      for (let k = 1; k < 3 && isOct(this.peek()); k++) {
        r = r * 8 + ((this.peek() as number) - 0x30)
        this.i++
      }
      return r
    }
    if (ch === 'x') return this.hexEscape()
    const cEsc: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 }
    if (ch in cEsc) return cEsc[ch]
    throw new GoRegexpError(`invalid escape sequence: \\${ch}`)
  }

  private hexEscape(): number {
    const hex = (x: number | undefined): boolean =>
      x !== undefined && /^[0-9A-Fa-f]$/.test(String.fromCodePoint(x))
    if (this.is('{')) {
      this.i++
      let digits = ''
      while (hex(this.peek())) {
        digits += String.fromCodePoint(this.peek() as number)
        this.i++
      }
      if (!this.is('}') || digits === '' || parseInt(digits, 16) > MAX_RUNE) {
        throw new GoRegexpError('invalid escape sequence: \\x{')
      }
      this.i++
      return parseInt(digits, 16)
    }
    if (!hex(this.peek()) || !hex(this.peek(1)))
      throw new GoRegexpError('invalid escape sequence: \\x')
    const v = parseInt(String.fromCodePoint(this.peek() as number, this.peek(1) as number), 16)
    this.i += 2
    return v
  }

  /** Go's parseClass, emitted as a JS class over explicit ranges. */
  private charClass(): string {
    this.i++ // [
    let negated = false
    if (this.is('^')) {
      negated = true
      this.i++
    }
    const ranges: Range[] = []
    const extras: string[] = [] // \p{..} items, kept symbolic
    let first = true
    while (first || !this.is(']')) {
      if (this.i >= this.s.length) throw new GoRegexpError('missing closing ]')
      first = false
      // POSIX [:name:]: Go looks for the closing `:]` anywhere in the rest of the expression.
      if (this.is('[') && this.is(':', 1)) {
        const rest = this.s.slice(this.i + 2)
        let end = -1
        for (let k = 0; k + 1 < rest.length; k++) {
          if (rest[k] === 0x3a && rest[k + 1] === 0x5d) {
            end = k
            break
          }
        }
        if (end >= 0) {
          let name = String.fromCodePoint(...rest.slice(0, end))
          let neg = false
          if (name.startsWith('^')) {
            neg = true
            name = name.slice(1)
          }
          const group = Object.hasOwn(POSIX, name) ? POSIX[name] : undefined
          if (!group) throw new GoRegexpError(`invalid character class range: [:${name}:]`)
          ranges.push(...(neg ? negate(group) : group))
          this.i += 2 + end + 2
          continue
        }
      }
      if (this.is('\\') && (this.is('p', 1) || this.is('P', 1))) {
        extras.push(this.unicodeEscape(true))
        continue
      }
      if (this.is('\\')) {
        const n = this.peek(1)
        const nc = n === undefined ? '' : String.fromCodePoint(n)
        if ('dswDSW'.includes(nc) && nc !== '') {
          const g = PERL[nc.toLowerCase()]
          ranges.push(...(nc === nc.toUpperCase() ? negate(g) : g))
          this.i += 2
          continue
        }
      }
      const lo = this.classChar()
      let hi = lo
      if (this.is('-') && this.peek(1) !== undefined && !this.is(']', 1)) {
        this.i++
        hi = this.classChar()
        if (hi < lo) throw new GoRegexpError('invalid character class range')
      }
      ranges.push([lo, hi])
    }
    this.i++ // ]
    if (extras.length === 0) return classOf(ranges, negated)
    const body = ranges.map(([lo, hi]) => (lo === hi ? lit(lo) : `${lit(lo)}-${lit(hi)}`)).join('')
    return `[${negated ? '^' : ''}${body}${extras.join('')}]`
  }

  private classChar(): number {
    const c = this.peek()
    if (c === undefined) throw new GoRegexpError('missing closing ]')
    if (c === 0x5c) return this.escapedChar()
    this.i++
    return c
  }
}

/** Compiles a Go regexp (as patternmatcher writes it) into an equivalent JS RegExp. */
export function compileGoRegexp(source: string): RegExp {
  return new RegExp(new Parser(source).parse(), 'u')
}
