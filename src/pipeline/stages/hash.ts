import type { ContextEntry } from '../../model.js'
import {
  clientFactsPath,
  detectBuilder,
  dockerClient,
  probeBuilder,
  readOnBuild,
  type DockerHostInfo
} from '../../docker/index.js'
import { neededStages, type ReadPlan } from '../../dockerfile/index.js'
import { describeStatCache } from '../../context/index.js'
import { fileSignatures, snapshotRecord, type RecordSnapshot } from '../../record/index.js'
import { errorMessage } from '../errors.js'
import { hashContext } from '../hash.js'
import { listLocalSources, type SourceListing } from '../cure.js'
import { UsageError } from '../options.js'
import { speculate, speculationBlocker, type Speculation } from '../speculate.js'
import type { ContextFiles, HashedRun, PreparedRun } from '../run.js'

/** Stage 2: read the Dockerfile and the context, hash both. */
export async function hashStage(run: PreparedRun): Promise<HashedRun> {
  const { opts, say } = run
  say(`reading the build context ${run.redact(opts.context)}`)
  // Anything in the context written after this moment was written while this run read it.
  const startedAt = Date.now()
  let early: Early | undefined
  const hashed = await hashContext({
    context: opts.context,
    file: opts.file,
    buildArgs: run.buildArgs,
    statCache: run.statCache,
    ...(opts.build ? { namedContexts: opts.build.buildContexts } : {}),
    onBuild: images => readOnBuild(run.docker(), images),
    onPlan: plan => {
      early = onPlan(run, plan) // a bad --target throws here, before anything is opened
      // The early build starts before the walk, so the two overlap from the first file.
      return early.speculation?.then(() => undefined)
    }
  }).catch(async (e: unknown) => {
    // The walk failed after the early build started: it is waited for and removed first.
    await (await early?.speculation)?.discard()
    throw e
  })
  const { needed, hostInfo, sourcesBefore, recordSnapshot, speculation } = early ?? notAsked()
  if (hashed.statCache) say(describeStatCache(hashed.statCache))
  const lastStage = hashed.plan.stages.at(-1)?.name ?? 'stage-0'
  const steps = hashed.steps.filter(s => needed.has(s.stage))
  say(
    `context ${hashed.contextHash} (${hashed.scan.entries.length} entries, ${steps.length} context steps)`
  )
  run.warnings.push(
    ...hashed.plan.warnings.map(w => `line ${w.line}: ${w.message}`),
    ...hashed.onBuildProblems
  )
  if (run.recordInContext) {
    run.warnings.push(
      `the record ${run.statePath} is inside the build context: every write changes the context hash`
    )
  }
  return {
    ...run,
    hashed,
    // Named contexts' entries keyed NAME:path beside the main context's (see named-contexts.ts).
    files: contextFiles(hashed.all),
    steps,
    finalStage: opts.target ? opts.target.toLowerCase() : lastStage,
    hostInfo,
    sourcesBefore,
    startedAt,
    recordSnapshot,
    speculation
  }
}

type Early = ReturnType<typeof onPlan>

function notAsked(): Early {
  return {
    needed: new Set<string>(),
    hostInfo: null,
    sourcesBefore: null,
    recordSnapshot: null,
    speculation: null
  }
}

const REFUSED = 'not asked: the record cannot be read'

/** Between reading the Dockerfile and walking the context (see hashContext's onPlan). */
function onPlan(
  run: PreparedRun,
  plan: ReadPlan
): {
  needed: Set<string>
  hostInfo: Promise<DockerHostInfo> | null
  sourcesBefore: Promise<SourceListing> | null
  recordSnapshot: Promise<RecordSnapshot | null> | null
  speculation: Promise<Speculation | null> | null
} {
  let needed: Set<string>
  // A bad --target is bad input: refused before any docker call.
  try {
    needed = neededStages(plan, run.opts.target ?? undefined)
  } catch (e) {
    throw new UsageError(`--target ${run.opts.target ?? ''}: ${errorMessage(e)}`)
  }
  // The daemon is asked while the Dockerfile's plan is fresh, and the early build it allows starts
  // before the walk (the walk waits only for that start): both take a while, neither needs the
  // other's result.
  if (run.command !== 'build') return { ...notAsked(), needed }
  // The record, read here beside the walk; compare reads it again under the lock (the read that
  // counts) and reuses this parse when the bytes are the same. Null: it cannot be read.
  const recordSnapshot = snapshotRecord(run.statePath).catch(() => null)
  // A record compare would refuse stops the run before any docker call: ask only once it reads.
  const go = recordSnapshot.then(s => s !== null || run.opts.ignoreCorruptRecord)
  const hostInfo = go.then(ok => (ok ? probe(run) : Promise.reject(new Error(REFUSED))))
  hostInfo.catch(() => undefined) // awaited by the build source; a failure is reported there
  // What the builder's context records look like before this run builds (never rejects).
  const sourcesBefore =
    run.opts.prune === 'never'
      ? null
      : go.then(ok => (ok ? listLocalSources(run.docker()) : { error: REFUSED }))
  // Only after that listing: the cure judges the builder by it, and it must not see this build.
  // A run that cannot have one (no record, say) does not wait for the daemon's answers.
  const speculation = recordSnapshot
    .then(async snapshot => {
      if (speculationBlocker(run, snapshot, null) !== null) return null
      const [host] = await Promise.all([hostInfo, sourcesBefore])
      return speculate(run, snapshot, host)
    })
    .catch(() => null)
  return { needed, hostInfo, sourcesBefore, recordSnapshot, speculation }
}

/**
 * The builder probe: the kept client facts and the daemon's /version where they vouch (beside the
 * record, like the stat cache; docker/probe.ts), else the client's own two calls.
 */
function probe(run: PreparedRun): Promise<DockerHostInfo> {
  if (run.io.exec || run.statCache === null) return detectBuilder(run.docker(), run.io.env)
  const client = dockerClient({ dockerPath: run.opts.docker, env: run.io.env })
  return probeBuilder(client, run.docker(), clientFactsPath(run.statePath))
}

export function contextFiles(entries: readonly ContextEntry[]): ContextFiles {
  return {
    entries,
    byPath: new Map(entries.map(e => [e.path, e])),
    signatures: fileSignatures(entries)
  }
}
