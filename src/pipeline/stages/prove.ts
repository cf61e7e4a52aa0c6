import { planProofs } from '../../verdict/judge.js'
import { matchLogSteps } from '../../verdict/match.js'
import { proveSteps } from '../proof.js'
import type { ProvenRun, SourcedRun } from '../run.js'

/** Stage 5: match the log to the Dockerfile, then prove changed steps by the image's bytes. */
export async function prove(run: SourcedRun): Promise<ProvenRun> {
  const { source, steps } = run
  const logSteps = matchLogSteps(steps, source.log, run.service)
  const requests = planProofs(steps, run.comparison, run.files.byPath, run.opts.verify, {
    logSteps,
    contextResent: source.contextResent
  })
  if (requests.length > 0) {
    run.say(
      `proving ${requests.reduce((n, r) => n + r.paths.length, 0)} changed path(s) by their bytes in the image`
    )
  }
  const proofs =
    requests.length > 0
      ? await proveSteps(requests, {
          exec: run.docker(),
          plan: run.hashed.plan,
          finalStage: run.finalStage,
          final: source.final,
          stageImage: source.stageImage
        })
      : new Map()
  await source.cleanup()
  return { ...run, logSteps, proofs }
}
