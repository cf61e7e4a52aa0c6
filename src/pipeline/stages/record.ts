import { deployFacts, newRecord, writeRecord } from '../../record/index.js'
import { pushImage, type PushResult } from '../push.js'
import type { JudgedRun, RecordedRun } from '../run.js'

/**
 * Stage 7: a build that is not stale becomes the last good build; a stale one leaves it. With
 * `--push` the image and its record go to the registry first: a push that fails leaves the
 * record as it was.
 */
export async function record(run: JudgedRun): Promise<RecordedRun> {
  const { opts, identity } = run
  if (run.judgement.verdict === 'stale') {
    run.say(`stale: the record at ${run.redact(run.statePath)} is left at the last good build`)
    if (run.pushPlan) run.say('stale: nothing pushed')
    return { ...run, push: null }
  }
  const built = newRecord({
    contextHash: run.hashed.contextHash,
    files: run.files.signatures,
    steps: run.steps,
    commit: identity.commit,
    buildId: run.command === 'build' ? identity.buildId : opts.buildId,
    imageId: run.source.imageId,
    tags: opts.tags,
    dockerfile: opts.file,
    // Where the image's context COPYs put each file, for `verify` after the deploy.
    deploy: deployFacts(
      run.steps,
      run.hashed.plan.stages,
      run.finalStage,
      run.previous ? run.comparison.changedFiles : null
    ),
    inputs: run.hashed.inputs
  })
  let push: PushResult | null = null
  if (run.pushPlan) {
    push = await pushImage(run.docker(), run.pushPlan, built, run.say)
    run.judgement.warnings.push(...push.warnings)
  }
  await writeRecord(run.statePath, built)
  run.say(`record updated: ${run.redact(run.statePath)}`)
  await run.source.keepState?.(built)
  return { ...run, push }
}
