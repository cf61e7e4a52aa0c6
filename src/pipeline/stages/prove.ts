import { join, relative, sep } from 'node:path'
import type { HashedStep } from '../../model.js'
import { writtenSince } from '../../context/index.js'
import {
  compareInstructions,
  matchLogSteps,
  planProofs,
  type ProofScope,
  stepKey
} from '../../verdict/index.js'
import { neededStages } from '../../dockerfile/index.js'
import { proveSteps } from '../proof.js'
import type { ProvenRun, SourcedRun } from '../run.js'

/**
 * Stage 5: match the log to the Dockerfile (steps, and the instruction text it printed), then
 * prove by the image's bytes what nothing else vouches for: changed files, and every copied
 * file when there is no record and no cure, or in check mode (which pruned nothing).
 */
export async function prove(run: SourcedRun): Promise<ProvenRun> {
  const { source, steps, opts } = run
  const logSteps = matchLogSteps(steps, source.log, run.service)
  const unvouched = run.previous === null && !source.contextResent && opts.verify !== 'none'
  const proveAll = (s: HashedStep): boolean =>
    run.command === 'check' && opts.verify !== 'none'
      ? unvouched || (s.stage === run.finalStage && s.keyword !== 'RUN')
      : unvouched
  const skip = await notJudged(run, proveAll)
  for (const p of skip) {
    run.warnings.push(
      `${p} was written while the build ran (the build's own output, e.g. a log); it is not judged as a source: keep such files outside the context`
    )
  }
  const scope: ProofScope = { logSteps, contextResent: source.contextResent, proveAll, skip }
  const mismatches = compareInstructions(
    run.hashed.plan.vertices,
    run.hashed.plan.stages,
    neededStages(run.hashed.plan, opts.target ?? undefined),
    source.log,
    { service: run.service, looseArgs: run.command === 'check' }
  )
  const requests = planProofs(steps, run.comparison, run.files.byPath, opts.verify, scope)
  if (requests.length > 0) {
    run.io.phase?.('prove')
    run.say(
      `proving ${requests.reduce((n, r) => n + r.paths.length, 0)} path(s) by their bytes in the image`
    )
  }
  const proofs =
    requests.length > 0
      ? await proveSteps(requests, {
          exec: run.docker(),
          plan: run.hashed.plan,
          finalStage: run.finalStage,
          final: source.final,
          stageImage: source.stageImage,
          say: run.say,
          context: opts.context,
          entries: run.hashed.scan.entries,
          named: run.hashed.named
        })
      : new Map()
  await source.cleanup()
  return { ...run, logSteps, proofs, scope, mismatches }
}

/**
 * Context paths this run must not judge: the check-mode log and the build log the guard keeps
 * (when inside the context), and any path it would judge that was written after the run began
 * (the build's own output, e.g. `... | tee build.log` in the context).
 */
async function notJudged(
  run: SourcedRun,
  proveAll: (s: HashedStep) => boolean
): Promise<Set<string>> {
  const { opts } = run
  const inside = (file: string | null): string | null => {
    if (file === null) return null
    const rel = relative(opts.context, file)
    return rel === '' || rel.startsWith('..') || rel.startsWith(sep)
      ? null
      : rel.split(sep).join('/')
  }
  const out = new Set<string>()
  for (const f of [run.command === 'check' ? opts.logFile : null, `${run.statePath}.build.log`]) {
    const rel = inside(f)
    if (rel !== null && run.files.byPath.has(rel)) out.add(rel)
  }
  const judged = new Set<string>()
  for (const s of run.steps) {
    for (const p of run.comparison.stepChanges.get(stepKey(s)) ?? []) judged.add(p)
    if (proveAll(s)) for (const p of s.selected) judged.add(p)
  }
  for (const p of await writtenSince(opts.context, judged, run.startedAt)) {
    // The cure's own touch is not a write by the build: those files are judged like any other.
    if (!run.source.resent?.has(join(opts.context, p))) out.add(p)
  }
  return out
}
