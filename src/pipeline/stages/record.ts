import { newRecord, writeRecord } from '../../record/index.js'
import type { JudgedRun } from '../run.js'

/** Stage 7: a build that is not stale becomes the last good build; a stale one leaves it. */
export async function record(run: JudgedRun): Promise<void> {
  const { opts, identity } = run
  if (run.judgement.verdict === 'stale') {
    run.say(`stale: the record at ${run.redact(run.statePath)} is left at the last good build`)
    return
  }
  await writeRecord(
    run.statePath,
    newRecord({
      contextHash: run.hashed.contextHash,
      files: run.files.signatures,
      steps: run.steps,
      commit: identity.commit,
      buildId: run.command === 'build' ? identity.buildId : opts.buildId,
      imageId: run.source.imageId,
      tags: opts.tags,
      dockerfile: opts.file,
      inputs: run.hashed.inputs
    })
  )
  run.say(`record updated: ${run.redact(run.statePath)}`)
}
