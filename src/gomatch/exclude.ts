/**
 * `COPY --exclude` / `ADD --exclude` as BuildKit applies them: the patterns go to
 * patternmatcher.New unchanged (no ignorefile reading: a leading `/` or `..` stays and matches
 * nothing), and fsutil's copier walks each source root asking MatchesUsingParentResults of every
 * path relative to that root, handing each directory's results down to its children. The root
 * itself (a file source, or what a wildcard matched) is never matched: the copier checks only
 * paths below it (tonistiigi/fsutil copy/copy.go, `copier.copy` with empty srcComponents;
 * moby/buildkit#5489: `COPY --exclude=a * .` still copies `a`). Pure.
 */
import { compilePatterns, IgnoreSyntaxError } from './patternmatcher.js'
import type { Matcher, MatchResult } from './patternmatcher.js'

export class ExcludeRules {
  private readonly matcher: Matcher | null
  private readonly results = new Map<string, MatchResult>()
  /**
   * Why BuildKit rejects the patterns ("invalid excludepatterns"), or null. A rejected list fails
   * the step in BuildKit, so what it would select is moot: it then excludes nothing here.
   */
  readonly rejected: IgnoreSyntaxError | null = null

  constructor(patterns: readonly string[]) {
    let matcher: Matcher | null = null
    try {
      matcher = compilePatterns(patterns, 'COPY --exclude')
      matcher.compileAll()
    } catch (e) {
      if (!(e instanceof IgnoreSyntaxError)) throw e
      this.rejected = e
      matcher = null
    }
    this.matcher = matcher?.patterns.length === 0 ? null : matcher
  }

  /** Whether the path `rel`, relative to a source root (`''` is the root itself), is left out. */
  excluded(rel: string): boolean {
    if (this.matcher === null || rel === '' || rel === '.') return false
    return this.result(this.matcher, rel).excluded
  }

  /** The walk's answer for `rel`: its parent directory judged first, its results handed down. */
  private result(matcher: Matcher, rel: string): MatchResult {
    let r = this.results.get(rel)
    if (r === undefined) {
      const slash = rel.lastIndexOf('/')
      const parent = slash < 0 ? undefined : this.result(matcher, rel.slice(0, slash)).info
      r = matcher.match(rel, parent)
      this.results.set(rel, r)
    }
    return r
  }
}
