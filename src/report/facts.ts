import type { Judgement, PruneResult, StepResult, StepStatus, Verdict } from '../model.js'
import { humanBytes } from './text-safety.js'

/** Wording shared by the CLI text, the job summary, annotations and the commit status. */

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

export function countStatuses(steps: readonly StepResult[]): Record<StepStatus, number> {
  const counts: Record<StepStatus, number> = { ran: 0, cached: 0, verified: 0, stale: 0 }
  for (const s of steps) counts[s.status]++
  return counts
}

/** `builder step 3 (line 4)`: how a step is named in prose. */
export function stepName(s: Pick<StepResult, 'stage' | 'index' | 'line'>): string {
  return `${s.stage} step ${s.index} (line ${s.line})`
}

/**
 * What the verdict means, in one short line (it fits a commit status). It can hold a stage name,
 * so renderers still escape it like any other text.
 */
export function verdictExplanation(j: Judgement): string {
  const c = countStatuses(j.steps)
  const files = plural(j.changedFiles.length, 'changed file')
  switch (j.verdict) {
    case 'baseline':
      return 'no previous record; this build is now the reference'
    case 'unchanged':
      return 'the context matches the last good build; cached steps are expected'
    case 'fresh': {
      const proof =
        c.verified > 0 ? `, ${plural(c.verified, 'cached step')} proven to hold the new bytes` : ''
      return `${files}; ${plural(c.ran, 'context step')} ran${proof}`
    }
    case 'stale': {
      const stale = j.steps.filter(s => s.status === 'stale')
      const first = stale[0]
      const where = first ? `, first ${stepName(first)}` : ''
      return `${plural(stale.length, 'step')} ${stale.length === 1 ? 'holds' : 'hold'} old bytes${where}`
    }
  }
}

export const VERDICT_EMOJI: Record<Verdict, string> = {
  baseline: '🆕',
  unchanged: '✅',
  fresh: '✅',
  stale: '❌'
}

/** The prune line, e.g. `source cache pruned, 12.3 MB freed`, or null when nothing was tried. */
export function pruneLine(p: PruneResult | null): string | null {
  if (p === null) return null
  if (p.policy === 'never') return `prune disabled (policy never)${p.note ? `: ${p.note}` : ''}`
  const what = p.policy === 'all' ? 'builder cache' : 'context-sync cache (source.local)'
  if (!p.done) return `${what} not pruned${p.note ? `: ${p.note}` : ''}`
  return `${what} pruned, ${humanBytes(p.reclaimedBytes)} freed${p.note ? ` (${p.note})` : ''}`
}
