import type { Judgement } from '../../model.js'
import { redactJudgement, redactValues } from '../../report/index.js'
import { judgementDocument } from '../push.js'
import type { GuardResult, RecordedRun } from '../run.js'

/** Stage 8: what the adapters report, the judgement redacted. */
export function report(run: RecordedRun): GuardResult {
  // A service's secret values may come from its compose file, which only this run knows: the
  // judgement leaves here redacted, for every report that prints it.
  return {
    service: run.service,
    judgement: redactJudgement(run.judgement, run.redact),
    dockerfile: run.opts.file,
    statePath: run.statePath,
    endLines: new Map(run.steps.map(s => [s.line, s.endLine])),
    previousSource: run.previousSource,
    push: run.push,
    buildxMetadata: run.source.buildxMetadata
      ? redactValues(run.source.buildxMetadata, run.redact)
      : null
  }
}

/**
 * The JSON document of a run, for `--json` and the action's `report` output: a single build's
 * judgement, or one judgement per compose service, named.
 */
export function reportDocument(
  results: readonly GuardResult[]
): Judgement | (Judgement & { service: string | null })[] {
  const [only] = results
  if (results.length === 1 && only && only.service === null) return judgementDocument(only)
  return results.map(r => ({ service: r.service, ...judgementDocument(r) }))
}
