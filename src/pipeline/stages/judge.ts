import { judge } from '../../verdict/index.js'
import type { JudgedRun, ProvenRun } from '../run.js'

/** Stage 6: the verdict, from plain data. */
export function judgeRun(run: ProvenRun): JudgedRun {
  const { source, opts } = run
  const judgement = judge({
    contextHash: run.hashed.contextHash,
    files: run.files.signatures,
    steps: run.steps,
    previous: run.previous,
    comparison: run.comparison,
    logSteps: run.logSteps,
    proofs: run.proofs,
    pruned: source.pruned,
    verify: opts.verify,
    facts: {
      builder: source.builder,
      cacheFrom: opts.cacheFrom,
      cacheImports: source.log.cacheImports,
      dockerHost: run.io.env.DOCKER_HOST || null,
      prunePolicy: opts.prune,
      command: run.command
    },
    warnings: run.warnings,
    imageId: source.imageId,
    scope: run.scope,
    mismatches: run.mismatches
  })
  return { ...run, judgement }
}
