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
import { fileSignatures, readRecord } from '../../record/index.js'
import { errorMessage } from '../errors.js'
import { hashContext } from '../hash.js'
import { listLocalSources, type SourceListing } from '../cure.js'
import { UsageError } from '../options.js'
import type { ContextFiles, HashedRun, PreparedRun } from '../run.js'

/** Stage 2: read the Dockerfile and the context, hash both. */
export async function hashStage(run: PreparedRun): Promise<HashedRun> {
  const { opts, say } = run
  say(`reading the build context ${run.redact(opts.context)}`)
  // Anything in the context written after this moment was written while this run read it.
  const startedAt = Date.now()
  let early: ReturnType<typeof onPlan> | undefined
  const hashed = await hashContext({
    context: opts.context,
    file: opts.file,
    buildArgs: run.buildArgs,
    statCache: run.statCache,
    ...(opts.build ? { namedContexts: opts.build.buildContexts } : {}),
    onBuild: images => readOnBuild(run.docker(), images),
    onPlan: plan => (early = onPlan(run, plan))
  })
  const { needed, hostInfo, sourcesBefore } = early ?? {
    needed: new Set<string>(),
    hostInfo: null,
    sourcesBefore: null
  }
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
    startedAt
  }
}

const REFUSED = 'not asked: the record cannot be read'

/**
 * Whether compare will accept the record (missing, valid, or --ignore-corrupt-record). Read here,
 * beside the walk, so that the daemon is not asked for a run that compare then refuses; compare
 * reads it again under the lock, which is the read that counts.
 */
async function recordReadable(run: PreparedRun): Promise<boolean> {
  if (run.opts.ignoreCorruptRecord) return true
  return readRecord(run.statePath).then(
    () => true,
    () => false
  )
}

/** Between reading the Dockerfile and walking the context (see hashContext's onPlan). */
function onPlan(
  run: PreparedRun,
  plan: ReadPlan
): {
  needed: Set<string>
  hostInfo: Promise<DockerHostInfo> | null
  sourcesBefore: Promise<SourceListing> | null
} {
  let needed: Set<string>
  // A bad --target is bad input: refused before any docker call.
  try {
    needed = neededStages(plan, run.opts.target ?? undefined)
  } catch (e) {
    throw new UsageError(`--target ${run.opts.target ?? ''}: ${errorMessage(e)}`)
  }
  // The daemon is asked while the context is walked: both take a while, neither needs the other.
  if (run.command !== 'build') return { needed, hostInfo: null, sourcesBefore: null }
  // A record compare would refuse stops the run before any docker call: ask only once it reads.
  const go = recordReadable(run)
  const hostInfo = go.then(ok => (ok ? probe(run) : Promise.reject(new Error(REFUSED))))
  hostInfo.catch(() => undefined) // awaited by the build source; a failure is reported there
  // What the builder's context records look like before this run builds (never rejects).
  const sourcesBefore =
    run.opts.prune === 'never'
      ? null
      : go.then(ok => (ok ? listLocalSources(run.docker()) : { error: REFUSED }))
  return { needed, hostInfo, sourcesBefore }
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
