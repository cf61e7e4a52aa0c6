/**
 * moby/patternmatcher: pattern compilation (`New`) and matching (`MatchesOrParentMatches`,
 * `MatchesUsingParentResults`), the one matcher behind `.dockerignore` (BuildKit's fsutil walker)
 * and `COPY --exclude` (fsutil's copier). Current Docker's rules, not the 20.10 `fileutils` ones,
 * which differ (see __tests__/fixtures/conformance). Pure: no I/O.
 */
import { goClean, goTrimSpace } from './clean.js'
import { isValidGlob } from './filepath.js'
import { compileGoRegexp, GoRegexpError } from './goregexp.js'
import type { IgnoreLine } from './ignorefile.js'
import type { Nfa } from './nfa.js'
import { FreshBuildError } from '../util/index.js'

/** A malformed .dockerignore pattern; `file` and `line` say where it was written. */
export class IgnoreSyntaxError extends FreshBuildError {
  constructor(
    message: string,
    readonly file: string | null,
    readonly line: number | null,
    readonly pattern: string
  ) {
    super(`${file ?? '.dockerignore'}${line === null ? '' : `:${line}`}: ${message}`)
  }
}

export type MatchType = 'exact' | 'prefix' | 'suffix' | 'regexp'

/** What patternmatcher's Pattern.compile makes of a cleaned pattern (the Go regexp as text). */
export interface CompiledForm {
  matchType: MatchType
  /** The Go regexp source for `regexp`, else null. */
  regexp: string | null
}

// Characters patternmatcher escapes: regexp-special yet plain in filepath.Match. Not `^`.
const ESCAPED = new Set(['.', '+', '(', ')', '|', '{', '}', '$'])

/** patternmatcher's Pattern.compile with `/` as separator. */
export function compileForm(cleaned: string): CompiledForm {
  const s = Array.from(cleaned)
  let re = '^'
  let type: MatchType = 'exact'
  let pos = 0
  for (let i = 0; pos < s.length; i++) {
    const ch = s[pos++]
    if (ch === '*') {
      if (s[pos] === '*') {
        pos++
        if (s[pos] === '/') pos++ // `**/` is treated as `**`
        if (pos >= s.length) {
          if (type === 'exact') type = 'prefix'
          else {
            re += '.*'
            type = 'regexp'
          }
        } else {
          re += '(.*/)?'
          type = 'regexp'
        }
        if (i === 0) type = 'suffix'
      } else {
        re += '[^/]*'
        type = 'regexp'
      }
    } else if (ch === '?') {
      re += '[^/]'
      type = 'regexp'
    } else if (ESCAPED.has(ch)) {
      re += `\\${ch}`
    } else if (ch === '\\') {
      if (pos < s.length) {
        re += `\\${s[pos++]}`
        type = 'regexp'
      } else {
        re += '\\'
      }
    } else if (ch === '[' || ch === ']') {
      re += ch
      type = 'regexp'
    } else {
      re += ch
    }
  }
  return type === 'regexp'
    ? { matchType: type, regexp: `${re}$` }
    : { matchType: type, regexp: null }
}

/**
 * The parent directories patternmatcher checks for `path`, shortest first: the prefixes of
 * filepath.Dir(path) ("a", "a/b" for "a/b/c"); none for a top-level path.
 */
export function parentDirs(path: string): string[] {
  const slash = path.lastIndexOf('/')
  const dir = slash < 0 ? '.' : goClean(path.slice(0, slash + 1))
  if (dir === '.') return []
  const parts = dir.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

const SLASH = 0x2f

/**
 * Where parentDirs(path) cuts a clean relative path: the index of every `/`, so that the parents
 * are `path.slice(0, cut)`. Null for other paths (rooted, `a//b`, `./a`), whose parents are
 * cleaned and so not plain prefixes.
 */
export function parentCuts(path: string): number[] | null {
  if (path.startsWith('/') || goClean(path) !== path) return null
  const cuts: number[] = []
  for (let k = path.indexOf('/'); k >= 0; k = path.indexOf('/', k + 1)) cuts.push(k)
  return cuts
}

/** One compiled pattern. `text` is cleaned and without its `!`. */
export interface Pattern {
  readonly text: string
  readonly exclusion: boolean
  /** 1-based line in the ignore file (or position in the list). */
  readonly line: number
  readonly form: CompiledForm
}

/** Per-pattern results for a directory, handed down to its children (patternmatcher.MatchInfo). */
export interface MatchInfo {
  readonly parentMatched: readonly boolean[]
}

export interface MatchResult {
  excluded: boolean
  info: MatchInfo
}

const GLOB_CHARS = /[*?[\]\\^]/

/** A path that is not clean and relative: a `.` or `..` segment, `//`, a leading or trailing `/`. */
const UNCLEAN = /(^|\/)\.\.?(\/|$)|\/\/|^\/|\/$/

interface IndexNode {
  children: Map<string, IndexNode>
  /** Patterns whose leading literal segments end here. */
  patterns: number[]
}

export class Matcher {
  readonly patterns: readonly Pattern[]
  /** Some pattern starts with `!`. */
  readonly hasExclusions: boolean
  private readonly regexps = new Map<number, Nfa>()
  /** Pattern evaluations so far (one pattern against one path and its parents): for tests. */
  evaluations = 0
  /** Patterns by their leading literal segments; `unindexed` have none. See candidates(). */
  private readonly index: IndexNode = { children: new Map(), patterns: [] }
  private readonly unindexed: number[] = []
  private compiledAll = false
  private all: number[] | null = null

  constructor(
    patterns: Pattern[],
    private readonly file: string | null
  ) {
    this.patterns = patterns
    this.hasExclusions = patterns.some(p => p.exclusion)
    patterns.forEach((p, i) => {
      const segs = p.text.split('/')
      let node = this.index
      let k = 0
      for (const seg of segs) {
        if (seg === '' || seg === '.' || seg === '..' || GLOB_CHARS.test(seg)) break
        let next = node.children.get(seg)
        if (!next) node.children.set(seg, (next = { children: new Map(), patterns: [] }))
        node = next
        k++
      }
      if (k === 0) this.unindexed.push(i)
      else node.patterns.push(i)
    })
  }

  /**
   * The patterns that can match `path` or one of its parents, in file order. A pattern's leading
   * segments without a special character must be the leading segments of whatever it matches
   * (nothing in a glob can produce or skip a literal segment before the first special one), so a
   * path is tried only against the patterns indexed under its own leading segments, plus those
   * that start with a special segment. With a 10,000-line ignore file of paths this is a few
   * patterns per path instead of all of them; Docker tries every pattern on every path.
   */
  private candidates(path: string): readonly number[] {
    this.compileAll()
    // parentDirs cleans a path such as `x/../a/b` (its parents include `a`): no index for those.
    if (UNCLEAN.test(path)) return (this.all ??= this.patterns.map((_, i) => i))
    const lists: (readonly number[])[] = [this.unindexed]
    let node: IndexNode | undefined = this.index
    let from = 0
    while (node !== undefined && from <= path.length) {
      const slash = path.indexOf('/', from)
      const seg = path.slice(from, slash < 0 ? path.length : slash)
      node = node.children.get(seg)
      if (node && node.patterns.length > 0) lists.push(node.patterns)
      if (slash < 0) break
      from = slash + 1
    }
    if (lists.length === 1) return this.unindexed
    return lists.flat().sort((a, b) => a - b)
  }

  /**
   * Go compiles a pattern on its first evaluation, which for nearly every pattern is the first
   * path walked: a pattern Go's regexp rejects fails the walk even when no path could reach it,
   * so every regexp pattern is compiled at the first match, in file order. Callable up front to
   * learn whether the patterns are usable at all (throws IgnoreSyntaxError).
   */
  compileAll(): void {
    if (this.compiledAll) return
    this.compiledAll = true
    this.patterns.forEach((p, i) => {
      if (p.form.matchType === 'regexp') this.regexp(i)
    })
  }

  /**
   * One pattern against one path, no parent logic. The regexp is compiled on first use, as Go
   * does, so a pattern that Go's regexp rejects (`[z-a]`) fails when it is first evaluated.
   */
  private matchOne(index: number, path: string): boolean {
    const p = this.patterns[index]
    switch (p.form.matchType) {
      case 'exact':
        return path === p.text
      case 'prefix':
        return path.startsWith(p.text.slice(0, -2))
      case 'suffix': {
        const suffix = p.text.slice(2)
        return path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1))
      }
      case 'regexp':
        return this.regexp(index).test(path)
    }
  }

  private regexp(index: number): Nfa {
    let re = this.regexps.get(index)
    if (!re) {
      const p = this.patterns[index]
      try {
        re = compileGoRegexp(p.form.regexp ?? '')
      } catch (e) {
        const why = e instanceof GoRegexpError ? ` (${e.message})` : ''
        throw new IgnoreSyntaxError(
          `syntax error in pattern "${p.text}"${why}`,
          this.file,
          p.line,
          p.text
        )
      }
      this.regexps.set(index, re)
    }
    return re
  }

  /**
   * One pattern against `path` or any of its parent directories. For a clean relative path the
   * parents are the prefixes that end before each `/`, judged in one pass over the path rather
   * than one pass per parent (quadratic in the depth); other paths take parentDirs literally.
   */
  private matchOneOrParents(index: number, path: string, cuts: readonly number[] | null): boolean {
    if (cuts === null)
      return this.matchOne(index, path) || parentDirs(path).some(d => this.matchOne(index, d))
    const p = this.patterns[index]
    switch (p.form.matchType) {
      case 'regexp':
        return this.regexp(index).testPrefixes(path, cuts)
      case 'exact':
        return (
          this.matchOne(index, path) ||
          (path.startsWith(p.text) && path.charCodeAt(p.text.length) === SLASH)
        )
      case 'prefix': {
        const prefix = p.text.slice(0, -2)
        return (
          this.matchOne(index, path) ||
          (cuts.length > 0 && prefix.length <= cuts[cuts.length - 1] && path.startsWith(prefix))
        )
      }
      case 'suffix': {
        const suffix = p.text.slice(2)
        const bare = suffix.startsWith('/') ? suffix.slice(1) : null
        return (
          this.matchOne(index, path) ||
          cuts.some(
            c =>
              (c >= suffix.length && path.startsWith(suffix, c - suffix.length)) ||
              (bare !== null && c === bare.length && path.startsWith(bare))
          )
        )
      }
    }
  }

  /**
   * patternmatcher.MatchesOrParentMatches: is `path` excluded, judging the path and each of its
   * parent directories against every pattern, last match winning.
   */
  matchesOrParentMatches(path: string): boolean {
    let matched = false
    const cuts = parentCuts(path)
    for (const i of this.candidates(path)) {
      const p = this.patterns[i] as Pattern
      if (p.exclusion !== matched) continue
      this.evaluations++
      if (this.matchOneOrParents(i, path, cuts)) matched = !p.exclusion
    }
    return matched
  }

  /**
   * patternmatcher.MatchesUsingParentResults, what the BuildKit walker calls: a pattern that
   * matched the parent directory counts as matching here; without parent info (top level, or a
   * lone path) the parent directories are checked as in matchesOrParentMatches.
   */
  match(path: string, parent?: MatchInfo): MatchResult {
    const inherited = parent?.parentMatched ?? []
    const withParents = parent === undefined
    const cuts = withParents ? parentCuts(path) : null
    // Sparse: only matched patterns are set (a hole reads as false). A pattern that matched the
    // parent is a candidate here too (same leading segments), so nothing inherited is skipped.
    const info: boolean[] = []
    let matched = false
    for (const i of this.candidates(path)) {
      const p = this.patterns[i] as Pattern
      let m = inherited[i] ?? false
      if (!m) {
        if (p.exclusion !== matched) continue
        this.evaluations++
        m = withParents ? this.matchOneOrParents(i, path, cuts) : this.matchOne(i, path)
      }
      if (m) {
        info[i] = true
        matched = !p.exclusion
      }
    }
    return { excluded: matched, info: { parentMatched: info } }
  }

  /** Shorthand for walks that track only the result. */
  excluded(path: string, parent?: MatchInfo): boolean {
    return this.match(path, parent).excluded
  }

  /**
   * Whether some `!` exception could re-include anything strictly below the excluded directory
   * `dir`. When not, the directory need not be read at all. Below an excluded directory a path is
   * re-included only by an exception that matches a path under `dir` on its own (the parent
   * results carry the exclusion down), so this asks, per exception, whether it can match any
   * `dir/...` path. Conservative: true when unsure.
   */
  exceptionMayMatchUnder(dir: string): boolean {
    if (!this.hasExclusions) return false
    const dirSlash = `${dir}/`
    const compatible = (prefix: string): boolean =>
      prefix.startsWith(dirSlash) || dirSlash.startsWith(prefix)
    return this.patterns.some(p => {
      if (!p.exclusion) return false
      switch (p.form.matchType) {
        case 'exact':
          return p.text.startsWith(dirSlash)
        case 'prefix':
          return compatible(p.text.slice(0, -2))
        case 'suffix':
          return true
        case 'regexp':
          return this.regexpMayMatchUnder(p, dirSlash)
      }
    })
  }

  private regexpMayMatchUnder(p: Pattern, dirSlash: string): boolean {
    // Classes can match `/` (`[^a]` does), `**` spans levels and `\` escapes read as Go regexp:
    // for those, only the literal text before the first special character can rule a dir out.
    const special = p.text.search(GLOB_CHARS)
    const literal = special < 0 ? p.text : p.text.slice(0, special)
    if (!(literal.startsWith(dirSlash) || dirSlash.startsWith(literal))) return false
    if (/[[\]\\^]|\*\*/.test(p.text)) return true
    // Only `*` and `?` remain, neither crosses `/`: the pattern has a fixed number of segments,
    // and must be deeper than `dir` with its leading segments matching dir's.
    const segs = p.text.split('/')
    const dirSegs = dirSlash.slice(0, -1).split('/')
    if (segs.length <= dirSegs.length) return false
    const head = compileForm(segs.slice(0, dirSegs.length).join('/'))
    const dirPath = dirSegs.join('/')
    if (head.regexp === null)
      return head.matchType !== 'exact' || dirPath === segs.slice(0, dirSegs.length).join('/')
    try {
      return compileGoRegexp(head.regexp).test(dirPath)
    } catch {
      return true
    }
  }
}

/**
 * patternmatcher.New: trims and cleans each pattern, drops empty ones, takes a leading `!` as an
 * exception, and rejects what filepath.Match would reject. Lines come from `parseIgnoreFile`
 * (or are the 1-based positions of plain strings); `file` names the source in errors.
 */
export function compilePatterns(
  patterns: readonly (string | IgnoreLine)[],
  file: string | null = null
): Matcher {
  const out: Pattern[] = []
  patterns.forEach((entry, idx) => {
    const line = typeof entry === 'string' ? idx + 1 : entry.line
    let p = goTrimSpace(typeof entry === 'string' ? entry : entry.pattern)
    if (p === '') return
    p = goClean(p)
    let exclusion = false
    if (p.startsWith('!')) {
      if (p.length === 1)
        throw new IgnoreSyntaxError('illegal exclusion pattern: "!"', file, line, p)
      exclusion = true
      p = p.slice(1)
    }
    if (!isValidGlob(p))
      throw new IgnoreSyntaxError(`syntax error in pattern "${p}"`, file, line, p)
    out.push({ text: p, exclusion, line, form: compileForm(p) })
  })
  return new Matcher(out, file)
}
