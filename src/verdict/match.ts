import type { ContextStep, LogStep, ParsedLog } from '../model.js'
import { stepKey } from './compare.js'

/**
 * Finds, for each Dockerfile step, the log step that reports it.
 *
 * BuildKit prints `[stage i/n]` with the stage's AS name lowercased, `stage-N` for unnamed stages
 * of a multi-stage file, and no name at all for a single-stage file; `i` counts only instructions
 * that make a vertex. The legacy builder prints a global `Step N/M` over every instruction,
 * global ARGs included. A compose log may prefix a service; pass it to keep services apart.
 */
export function matchLogSteps(
  steps: readonly ContextStep[],
  log: ParsedLog,
  service: string | null = null
): Map<string, LogStep> {
  const seen = log.steps.filter(
    s => service === null || s.service === null || s.service === service
  )
  const out = new Map<string, LogStep>()
  if (log.format === 'legacy') {
    const byOrdinal = new Map(seen.map(s => [s.index, s]))
    for (const step of steps) {
      const hit = byOrdinal.get(step.ordinal)
      if (hit) out.set(stepKey(step), hit)
    }
    return out
  }
  const named = new Map<string, LogStep>()
  const unnamed = new Map<number, LogStep[]>()
  for (const s of seen) {
    if (s.stage === null) unnamed.set(s.index, [...(unnamed.get(s.index) ?? []), s])
    else named.set(`${s.stage.toLowerCase()}#${s.index}`, s)
  }
  for (const step of steps) {
    const byName = named.get(`${step.stage.toLowerCase()}#${step.index}`)
    if (byName) {
      out.set(stepKey(step), byName)
      continue
    }
    // A nameless `[i/n]` is only unambiguous when exactly one candidate matches the total too.
    const candidates = (unnamed.get(step.index) ?? []).filter(s => s.total === step.total)
    if (candidates.length === 1 && candidates[0]) out.set(stepKey(step), candidates[0])
  }
  return out
}
