/**
 * Go's path and pattern semantics, ported: `filepath.Clean`, `filepath.Match`, moby/patternmatcher
 * (with its ignorefile reader) and the RE2 subset its patterns compile to, run as an NFA. The one
 * place `.dockerignore`, `COPY --exclude` and COPY source wildcards are matched.
 */
export { cleanRel, goClean, goTrimSpace } from './clean.js'
export { ExcludeRules } from './exclude.js'
export { goMatch, hasWildcard, isValidGlob } from './filepath.js'
export { GoRegexpError, compileGoRegexp, parseGoRegexp } from './goregexp.js'
export { parseIgnoreFile, type IgnoreLine } from './ignorefile.js'
export { Nfa, requiredLiteral, type RegexNode } from './nfa.js'
export {
  IgnoreSyntaxError,
  Matcher,
  compileForm,
  compilePatterns,
  parentCuts,
  parentDirs,
  type CompiledForm,
  type MatchInfo,
  type MatchResult,
  type MatchType,
  type Pattern
} from './patternmatcher.js'
