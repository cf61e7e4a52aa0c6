/**
 * A regular-expression matcher that runs in time linear in the input (times the pattern size):
 * a Thompson NFA simulated with a set of states, as Go's RE2 engine does. JavaScript's RegExp
 * backtracks: the optional any-directories groups that `**` patterns become, or runs of
 * `[^/]*`, take exponential time there against a deep or repetitive path.
 *
 * Only what `test` needs: no captures, and greedy and lazy repetition match the same strings.
 * Pure: no I/O.
 */

/** An inclusive range of code points. */
export type Range = readonly [number, number]

/** A set of characters: the union of `ranges` and the `props` escapes, complemented if `negated`. */
export interface CharClass {
  readonly kind: 'class'
  readonly ranges: readonly Range[]
  /** JS Unicode property escapes (`\p{L}`, `\P{Script=Greek}`), valid under the `u` flag. */
  readonly props: readonly string[]
  readonly negated: boolean
}

/** Zero-width assertions: `^`/`\A`, `$`/`\z` (Go reads them without the m flag) and `\b`/`\B`. */
export interface Assertion {
  readonly kind: 'assert'
  readonly at: 'begin' | 'end' | 'wordBoundary' | 'notWordBoundary'
}

export type RegexNode =
  | CharClass
  | Assertion
  | { readonly kind: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alt'; readonly alts: readonly RegexNode[] }
  | { readonly kind: 'repeat'; readonly op: '*' | '+' | '?'; readonly sub: RegexNode }

type Inst =
  | { op: 'char'; test: (cp: number) => boolean; next: number }
  | { op: 'split'; next: number; alt: number }
  | { op: 'assert'; at: Assertion['at']; next: number }
  | { op: 'match' }

/** ASCII word characters, which both Go's and JS's (non-`i`) `\b` use. */
function isWord(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  )
}

function classTest(c: CharClass): (cp: number) => boolean {
  const { ranges, negated } = c
  const props = c.props.length === 0 ? null : new RegExp(`^[${c.props.join('')}]$`, 'u')
  if (props === null && ranges.length === 1 && ranges[0][0] === ranges[0][1]) {
    const only = ranges[0][0]
    return negated ? cp => cp !== only : cp => cp === only
  }
  return cp => {
    let hit = false
    for (const [lo, hi] of ranges) {
      if (cp >= lo && cp <= hi) {
        hit = true
        break
      }
    }
    if (!hit && props !== null) hit = props.test(String.fromCodePoint(cp))
    return hit !== negated
  }
}

/** The one code point a class matches, as a string, or null when it matches more or fewer. */
function literalOf(c: CharClass): string | null {
  const [only] = c.ranges
  if (c.negated || c.props.length > 0 || c.ranges.length !== 1 || only === undefined) return null
  return only[0] === only[1] ? String.fromCodePoint(only[0]) : null
}

/**
 * A string that every match of `node` contains (the longest such run of single code points this
 * finds; '' when it finds none): a run of one-character classes in a concatenation, or inside
 * an item every match passes through (a `+`, a nested concatenation). Alternatives and optional
 * parts contribute nothing; an assertion ends a run (it reads no character, but keeping the
 * rule simple costs only a shorter literal).
 */
export function requiredLiteral(node: RegexNode): string {
  switch (node.kind) {
    case 'class':
      return literalOf(node) ?? ''
    case 'assert':
    case 'alt':
      return ''
    case 'repeat':
      return node.op === '+' ? requiredLiteral(node.sub) : ''
    case 'concat': {
      let best = ''
      let run = ''
      for (const item of node.items) {
        const ch = item.kind === 'class' ? literalOf(item) : null
        if (ch !== null) {
          run += ch
          if (run.length > best.length) best = run
          continue
        }
        run = ''
        const inner = requiredLiteral(item)
        if (inner.length > best.length) best = inner
      }
      return best
    }
  }
}

/** A compiled regexp; `test` is an unanchored search, as RegExp.prototype.test is. */
export class Nfa {
  private readonly insts: Inst[] = []
  /**
   * requiredLiteral of the expression: an input (and so each of its prefixes) without it cannot
   * match, which one substring search tells before any state is simulated: most paths of a walk
   * are judged so against an ignore pattern for `*.tmp` in any directory.
   */
  private readonly required: string
  private readonly start: number
  // Reused between calls: the state lists and the per-step "already added" marks.
  private readonly cur: Int32Array
  private readonly nxt: Int32Array
  /** The states a step entered, before their closure: what a prefix ending there re-closes. */
  private readonly seeds: Int32Array
  private readonly spare: Int32Array
  private readonly mark: Int32Array
  private gen = 0
  private readonly stack: Int32Array
  /** Set by `close` when it reaches the match state. */
  private matched = false

  constructor(root: RegexNode) {
    this.required = requiredLiteral(root)
    const matchAt = this.emit({ op: 'match' })
    this.start = this.compile(root, matchAt)
    const n = this.insts.length
    this.cur = new Int32Array(n)
    this.nxt = new Int32Array(n)
    this.seeds = new Int32Array(n)
    this.spare = new Int32Array(n)
    this.mark = new Int32Array(n)
    // Each state is pushed at most once per closure, but a split pushes two before marking.
    this.stack = new Int32Array(2 * n + 2)
  }

  private emit(inst: Inst): number {
    this.insts.push(inst)
    return this.insts.length - 1
  }

  /** Thompson construction, back to front: the states for `node`, continuing at `next`. */
  private compile(node: RegexNode, next: number): number {
    switch (node.kind) {
      case 'class':
        return this.emit({ op: 'char', test: classTest(node), next })
      case 'assert':
        return this.emit({ op: 'assert', at: node.at, next })
      case 'concat': {
        let at = next
        for (let k = node.items.length - 1; k >= 0; k--) at = this.compile(node.items[k], at)
        return at
      }
      case 'alt': {
        let at = this.compile(node.alts[node.alts.length - 1], next)
        for (let k = node.alts.length - 2; k >= 0; k--) {
          const first = this.compile(node.alts[k], next)
          at = this.emit({ op: 'split', next: first, alt: at })
        }
        return at
      }
      case 'repeat': {
        if (node.op === '?') {
          const body = this.compile(node.sub, next)
          return this.emit({ op: 'split', next: body, alt: next })
        }
        // The loop's split is emitted first so the body can jump back to it.
        const loop = this.emit({ op: 'split', next: -1, alt: next })
        const body = this.compile(node.sub, loop)
        ;(this.insts[loop] as { next: number }).next = body
        return node.op === '*' ? loop : body
      }
    }
  }

  /**
   * Adds `from` and every state reachable from it without reading a character to `list`
   * (length `len`), judging assertions between the code units `before` and `after` (-1 at the
   * ends). Returns the new length; sets `matched` if the match state was reached.
   */
  private close(
    from: number,
    list: Int32Array,
    len: number,
    before: number,
    after: number
  ): number {
    const { insts, mark, stack, gen } = this
    let top = 0
    stack[top++] = from
    while (top > 0) {
      const s = stack[--top]
      if (mark[s] === gen) continue
      mark[s] = gen
      const inst = insts[s]
      switch (inst.op) {
        case 'char':
          list[len++] = s
          break
        case 'match':
          this.matched = true
          break
        case 'split':
          // Order is irrelevant without captures; both branches are explored.
          stack[top++] = inst.alt
          stack[top++] = inst.next
          break
        case 'assert': {
          let ok: boolean
          if (inst.at === 'begin') ok = before === -1
          else if (inst.at === 'end') ok = after === -1
          else {
            const boundary = isWord(before) !== isWord(after)
            ok = inst.at === 'wordBoundary' ? boundary : !boundary
          }
          if (ok) stack[top++] = inst.next
          break
        }
      }
    }
    return len
  }

  /** Whether the expression matches somewhere in `input` (code points, as the `u` flag reads it). */
  test(input: string): boolean {
    return this.testPrefixes(input, [])
  }

  /**
   * Whether the expression matches `input` or one of its prefixes `input.slice(0, c)` for the
   * ascending code-point boundaries `cuts`, in one pass: patternmatcher tries a path's parent
   * directories too, and running each of them separately would be quadratic in the depth.
   * A prefix sees the same states as the whole input up to its end; only the assertions judged
   * there differ (its end is the end of text), so the states entering a cut are closed once more.
   */
  testPrefixes(input: string, cuts: readonly number[]): boolean {
    // Every match, of the input or of a prefix, reads the required literal inside the input.
    if (this.required !== '' && !input.includes(this.required)) return false
    const { insts, seeds } = this
    let cur = this.cur
    let nxt = this.nxt
    let curLen = 0
    let seedLen = 0
    let ci = 0
    let pos = 0
    this.matched = false
    for (;;) {
      const before = pos === 0 ? -1 : input.charCodeAt(pos - 1)
      while (ci < cuts.length && cuts[ci] < pos) ci++
      if (ci < cuts.length && cuts[ci] === pos) {
        this.gen++
        let len = this.close(this.start, this.spare, 0, before, -1)
        for (let k = 0; k < seedLen; k++) len = this.close(seeds[k], this.spare, len, before, -1)
        if (this.matched) return true
      }
      const cp = pos < input.length ? (input.codePointAt(pos) as number) : -1
      // A match may start at any position: the start state joins the states already running.
      this.gen++
      for (let k = 0; k < curLen; k++) this.mark[cur[k]] = this.gen
      curLen = this.close(this.start, cur, curLen, before, cp)
      if (this.matched) return true
      if (cp === -1) return false
      const width = cp > 0xffff ? 2 : 1
      const afterPos = pos + width
      const after = afterPos < input.length ? input.charCodeAt(afterPos) : -1
      this.gen++
      let nxtLen = 0
      seedLen = 0
      for (let k = 0; k < curLen; k++) {
        const inst = insts[cur[k]]
        if (inst.op !== 'char' || !inst.test(cp)) continue
        seeds[seedLen++] = inst.next
        nxtLen = this.close(inst.next, nxt, nxtLen, cp, after)
        if (this.matched) return true
      }
      ;[cur, nxt] = [nxt, cur]
      curLen = nxtLen
      pos = afterPos
    }
  }
}
