/**
 * The guard: one build (or check) as a pipeline of named stages over one run value (run.ts).
 * Each stage lives in stages/; this file only puts them in order.
 */
import type { ComposeCli } from './request.js'
import { withRecordLock } from '../record/index.js'
import { composeGuardOptions } from './compose.js'
import type { GuardOptions } from './options.js'
import type { GuardCommand, GuardIo, GuardResult } from './run.js'
import { prepare } from './stages/prepare.js'
import { hashStage } from './stages/hash.js'
import { compare } from './stages/compare.js'
import { source } from './stages/source.js'
import { prove } from './stages/prove.js'
import { judgeRun } from './stages/judge.js'
import { record } from './stages/record.js'
import { report } from './stages/report.js'

export type { GuardIo, GuardResult, Identity } from './run.js'
export { BuildFailedError } from './stages/build.js'
export { injectIdentity, resolveIdentity } from './stages/prepare.js'
export { entriesFromRecord } from './stages/compare.js'
export { reportDocument } from './stages/report.js'

/** `build` or `check` for one Dockerfile, or for every service of a compose file. */
export async function runGuard(
  command: GuardCommand,
  opts: GuardOptions,
  compose: ComposeCli | null,
  io: GuardIo
): Promise<GuardResult[]> {
  if (!compose) return [await guardOne(command, opts, null, io)]
  const services = await composeGuardOptions(compose, opts, io.env, { progress: io.progress })
  const results: GuardResult[] = []
  for (const { service, options } of services) {
    io.progress(`== service ${service}`)
    results.push(await guardOne(command, options, service, io))
  }
  return results
}

/** prepare, hash, then under the record's lock: compare, source, prove, judge, record; report. */
async function guardOne(
  command: GuardCommand,
  opts: GuardOptions,
  service: string | null,
  io: GuardIo
): Promise<GuardResult> {
  const hashed = await hashStage(await prepare(command, opts, service, io))
  const judged = await withRecordLock(hashed.statePath, async () => {
    const compared = await compare(hashed)
    const proven = await prove(await source(compared))
    const run = judgeRun(proven)
    await record(run)
    return run
  })
  return report(judged)
}
