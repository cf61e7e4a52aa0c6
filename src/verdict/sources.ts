import type { ContextEntry, HashedStep } from '../model.js'
import { selectSources, sourceSpec } from '../dockerfile/index.js'
import { hasWildcard } from '../gomatch/index.js'

/**
 * Literal sources that select nothing in the context: BuildKit fails the step (`not found`),
 * while a wildcard that matches nothing is allowed (verified on 20.10). The step's hash is then
 * the empty digest; saying so before any prune spares a prune for a build that cannot succeed.
 */
export function unmatchedSources(
  steps: readonly HashedStep[],
  entries: readonly ContextEntry[]
): { step: HashedStep; source: string }[] {
  const out: { step: HashedStep; source: string }[] = []
  // A source naming an entry selects at least that entry: one set lookup instead of a select
  // over every entry; only a source naming none (a typo, or one reached through a symlink) is
  // selected in full.
  let paths: Set<string> | null = null
  for (const step of steps) {
    for (const source of step.sources) {
      if (hasWildcard(source) || source === '.') continue
      if ((paths ??= new Set(entries.map(e => e.path))).has(sourceSpec(source).pattern)) continue
      if (selectSources({ ...step, sources: [source], excludes: [] }, entries).length === 0) {
        out.push({ step, source })
      }
    }
  }
  return out
}

/** The warning line for an unmatched source. */
export function unmatchedMessage(
  u: { step: HashedStep; source: string },
  excluded: boolean
): string {
  return `line ${u.step.line}: ${u.step.instruction}: no context file matches ${u.source}${excluded ? ' (.dockerignore excludes it)' : ''}, so the build will fail`
}
