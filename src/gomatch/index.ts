/**
 * Go's path and pattern semantics, ported: `filepath.Clean`, `filepath.Match`, moby/patternmatcher
 * (with its ignorefile reader) and the RE2 subset its patterns compile to, run as an NFA. The one
 * place `.dockerignore`, `COPY --exclude` and COPY source wildcards are matched.
 */
export { cleanRel, goClean, goTrimSpace } from './clean.js'
export { goMatch, hasWildcard, isValidGlob } from './filepath.js'
export { ExcludeRules } from './exclude.js'
export { parseIgnoreFile } from './ignorefile.js'
export type { IgnoreLine } from './ignorefile.js'
export {
  compileForm,
  compilePatterns,
  IgnoreSyntaxError,
  Matcher,
  parentCuts,
  parentDirs
} from './patternmatcher.js'
export type { CompiledForm, MatchInfo, MatchResult, MatchType, Pattern } from './patternmatcher.js'
export { compileGoRegexp, GoRegexpError, parseGoRegexp } from './goregexp.js'
export type { Nfa, RegexNode } from './nfa.js'
