/**
 * The guard: one build (or check) as a pipeline of named stages over one run value (run.ts).
 * Each stage lives in stages/; this file only puts them in order.
 */
import type { ComposeCli } from './request.js'
import { withRecordLock } from '../record/index.js'
import type { GuardOptions } from './options.js'
import type { GuardCommand, GuardIo, GuardResult } from './run.js'
import {
  checkRegistries,
  compare,
  hashStage,
  judgeRun,
  prepare,
  prove,
  record,
  report,
  source,
  trustRegistryRecord
} from './stages/index.js'

export type { GuardIo, GuardResult, Identity, Phase } from './run.js'
export {
  BuildFailedError,
  entriesFromRecord,
  injectIdentity,
  reportDocument,
  resolveIdentity
} from './stages/index.js'

/** `build` or `check` for one Dockerfile, or for every service of a compose file. */
export async function runGuard(
  command: GuardCommand,
  opts: GuardOptions,
  compose: ComposeCli | null,
  io: GuardIo
): Promise<GuardResult[]> {
  if (!compose) return [await guardOne(command, opts, null, io)]
  // Loaded only for a compose file: the YAML reader is a chunk of its own in the bundle.
  const { composeGuardOptions } = await import('./compose.js')
  const services = await composeGuardOptions(compose, opts, io.env, { progress: io.progress })
  const results: GuardResult[] = []
  for (const { service, options } of services) {
    io.progress(`== service ${service}`)
    results.push(await guardOne(command, options, service, io))
  }
  return results
}

/**
 * prepare, hash (an early build may start beside it: speculate.ts), check the registries
 * (`--push`), then under the record's lock: compare, source, prove, judge, record (and push);
 * report.
 */
async function guardOne(
  command: GuardCommand,
  opts: GuardOptions,
  service: string | null,
  io: GuardIo
): Promise<GuardResult> {
  const prepared = await prepare(command, opts, service, io)
  io.phase?.('read context')
  const walked = await hashStage(prepared)
  try {
    const hashed = await checkRegistries(walked)
    const judged = await withRecordLock(hashed.statePath, async () => {
      io.phase?.('compare')
      const compared = await compare(hashed)
      const proven = await prove(trustRegistryRecord(await source(compared)))
      const run = judgeRun(proven)
      io.phase?.('record')
      return record(run)
    })
    return report(judged)
  } finally {
    // An early build that was not kept is waited for and removed, whatever happened.
    await (await walked.speculation)?.discard()
  }
}
