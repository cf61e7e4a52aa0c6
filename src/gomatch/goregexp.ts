/**
 * Compiles the Go (RE2) regular expressions that moby/patternmatcher builds from .dockerignore
 * patterns into matchers with the same meaning and Go's linear running time.
 *
 * Why a parser and not a pass-through: patternmatcher copies `[`, `]`, `^` and `\x` escapes
 * from the pattern into the regexp unchanged, so Go's syntax decides what they mean (`[!a]` is a
 * class of `!` and `a`, `\d` is a digit class, `[[:alpha:]]` a POSIX class, a lone `]` a literal,
 * `[z-a]` an error). JavaScript reads several of these differently, so the Go syntax is parsed
 * here (the subset regexp.Compile accepts with its Perl flags). And why not a JS RegExp: it
 * backtracks, and `**` / `*` patterns explode on deep or repetitive paths; the parsed expression
 * runs as an NFA instead (./nfa.ts). Pure: no I/O.
 */
import { Nfa, type Assertion, type CharClass, type Range, type RegexNode } from './nfa.js'
import { NamedError } from '../util/index.js'

/** A Go regexp the parser (like Go's regexp.Compile) rejects. */
export class GoRegexpError extends NamedError {}

const MAX_RUNE = 0x10ffff

// ASCII tables as Go's regexp/syntax defines them (perl_groups.go).
const PERL: Record<string, readonly Range[]> = {
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
const POSIX: Record<string, readonly Range[]> = {
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

function negate(ranges: readonly Range[]): Range[] {
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

function charClass(ranges: readonly Range[], negated = false, props: string[] = []): CharClass {
  return { kind: 'class', ranges, props, negated }
}

const literal = (cp: number): CharClass => charClass([[cp, cp]])
const assertion = (at: Assertion['at']): Assertion => ({ kind: 'assert', at })

/**
 * A Go Unicode class name as class members: `Any` as a range, general categories and scripts as
 * JS property escapes (`\p{Lu}`, `\P{Script=Greek}`).
 */
function unicodeClass(name: string, negated: boolean): { ranges: Range[]; props: string[] } {
  if (name === 'Any') return { ranges: negated ? [] : [[0, MAX_RUNE]], props: [] }
  const prop = GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`
  const out = `\\${negated ? 'P' : 'p'}{${prop}}`
  try {
    new RegExp(out, 'u')
  } catch {
    throw new GoRegexpError(`invalid character class range: \\p{${name}}`)
  }
  return { ranges: [], props: [out] }
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

  parse(): RegexNode {
    const out = this.sequence(0)
    if (this.i < this.s.length) throw new GoRegexpError('unexpected )')
    return out
  }

  /** A concatenation (with alternation) up to `)` or the end. */
  private sequence(depth: number): RegexNode {
    const alts: RegexNode[][] = [[]]
    let items = alts[0]
    let lastAtom = false
    const done = (): RegexNode =>
      alts.length === 1 ? concat(items) : { kind: 'alt', alts: alts.map(concat) }
    while (this.i < this.s.length) {
      const c = this.peek() as number
      const ch = String.fromCodePoint(c)
      if (ch === ')') {
        if (depth === 0) throw new GoRegexpError('unexpected )')
        return done()
      }
      if (ch === '*' || ch === '+' || ch === '?') {
        if (!lastAtom) throw new GoRegexpError(`missing argument to repetition operator: ${ch}`)
        this.i++
        // Lazy `*?` matches the same strings as `*`; only `test` is asked.
        if (this.is('?')) this.i++
        if (this.is('*') || this.is('+') || this.is('?')) {
          throw new GoRegexpError('invalid nested repetition operator')
        }
        items.push({ kind: 'repeat', op: ch, sub: items.pop() as RegexNode })
        lastAtom = false
        continue
      }
      if (ch === '|') {
        this.i++
        items = []
        alts.push(items)
        lastAtom = false
        continue
      }
      const atom = this.atom()
      items.push(atom.node)
      lastAtom = atom.quantifiable
    }
    if (depth > 0) throw new GoRegexpError('missing closing )')
    return done()
  }

  private atom(): { node: RegexNode; quantifiable: boolean } {
    const c = this.peek() as number
    const ch = String.fromCodePoint(c)
    switch (ch) {
      case '^':
        this.i++
        return { node: assertion('begin'), quantifiable: false }
      case '$':
        this.i++
        return { node: assertion('end'), quantifiable: false }
      case '.':
        // Go's `.` (no s flag) is any character but newline.
        this.i++
        return { node: charClass([[0x0a, 0x0a]], true), quantifiable: true }
      case '(': {
        this.i++
        if (this.is('?')) throw new GoRegexpError('unsupported group flags')
        const inner = this.sequence(1)
        this.i++ // the `)`
        return { node: inner, quantifiable: true }
      }
      case '[':
        return { node: this.charClass(), quantifiable: true }
      case '\\':
        return this.escapeAtom()
      default:
        // Includes `{`: Go reads one that does not start a valid repeat as a literal, and
        // patternmatcher escapes it anyway.
        this.i++
        return { node: literal(c), quantifiable: true }
    }
  }

  private escapeAtom(): { node: RegexNode; quantifiable: boolean } {
    const next = this.peek(1)
    if (next === undefined) throw new GoRegexpError('trailing backslash at end of expression')
    const n = String.fromCodePoint(next)
    switch (n) {
      case 'A':
        this.i += 2
        return { node: assertion('begin'), quantifiable: false }
      case 'z':
        this.i += 2
        return { node: assertion('end'), quantifiable: false }
      case 'b':
        this.i += 2
        return { node: assertion('wordBoundary'), quantifiable: false }
      case 'B':
        this.i += 2
        return { node: assertion('notWordBoundary'), quantifiable: false }
      case 'Q': {
        this.i += 2
        const items: RegexNode[] = []
        while (this.i < this.s.length) {
          if (this.is('\\') && this.is('E', 1)) {
            this.i += 2
            break
          }
          items.push(literal(this.peek() as number))
          this.i++
        }
        // A quantifier after `\Q..\E` applies to the whole quoted text, as before the NFA
        // (Go would apply it to the last character; patternmatcher never writes one there).
        return { node: concat(items), quantifiable: items.length > 0 }
      }
      case 'p':
      case 'P': {
        const { ranges, props } = this.unicodeEscape()
        return { node: charClass(ranges, false, props), quantifiable: true }
      }
      case 'd':
      case 's':
      case 'w':
        this.i += 2
        return { node: charClass(PERL[n]), quantifiable: true }
      case 'D':
      case 'S':
      case 'W':
        this.i += 2
        return { node: charClass(PERL[n.toLowerCase()], true), quantifiable: true }
      default:
        return { node: literal(this.escapedChar()), quantifiable: true }
    }
  }

  private unicodeEscape(): { ranges: Range[]; props: string[] } {
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
    return unicodeClass(name, negated)
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

  /** Go's parseClass, as explicit ranges plus Unicode property escapes. */
  private charClass(): CharClass {
    this.i++ // [
    let negated = false
    if (this.is('^')) {
      negated = true
      this.i++
    }
    const ranges: Range[] = []
    const props: string[] = []
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
        const u = this.unicodeEscape()
        ranges.push(...u.ranges)
        props.push(...u.props)
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
    return charClass(ranges, negated, props)
  }

  private classChar(): number {
    const c = this.peek()
    if (c === undefined) throw new GoRegexpError('missing closing ]')
    if (c === 0x5c) return this.escapedChar()
    this.i++
    return c
  }
}

function concat(items: RegexNode[]): RegexNode {
  return items.length === 1 ? items[0] : { kind: 'concat', items }
}

/** Parses a Go regexp (as patternmatcher writes it); throws GoRegexpError where Go would. */
export function parseGoRegexp(source: string): RegexNode {
  return new Parser(source).parse()
}

/** A Go regexp as a matcher whose `test` (an unanchored search) is linear in the input. */
export function compileGoRegexp(source: string): Nfa {
  return new Nfa(parseGoRegexp(source))
}
