import type {
  BuildRecord,
  ContextEntry,
  EntryType,
  HashedStep,
  Judgement,
  PruneResult
} from '../model.js'
import { lstat } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { neededStages, selectSources } from '../dockerfile/index.js'
import {
  buildLogPathFor,
  detectBuilder,
  type DockerHostInfo,
  dockerClient,
  dockerExec,
  prune,
  pruneImpliesNoCache,
  run,
  runBuild,
  type BuilderKind,
  type DockerExec
} from '../docker/index.js'
import { LogParser, parseLogFile } from '../logs/index.js'
import type { ParsedLog } from '../model.js'
import {
  defaultStatePath,
  fileSignatures,
  newRecord,
  readRecord,
  recordLabels,
  RecordError,
  stateInsideContext,
  withRecordLock,
  writeRecord
} from '../record/index.js'
import { redactJudgement, redactor } from '../report/text-safety.js'
import { compareWithRecord, stepKey } from '../verdict/compare.js'
import { judge, planProofs } from '../verdict/judge.js'
import { matchLogSteps } from '../verdict/match.js'
import { preBuildWarnings } from '../verdict/warnings.js'
import { errorMessage } from './errors.js'
import { hashContext, type Hashed } from './hash.js'
import { secretArgValues, UsageError, type GuardOptions } from './options.js'
import { appendedEntries, proveSteps, type StageImage } from './proof.js'
import type { ComposeCli } from '../cli/args.js'
import { composeGuardOptions } from './compose.js'
import { describeStatCache, statCachePathFor } from '../context/statcache.js'

export interface GuardIo {
  /** A line of progress for a person (stderr in the CLI, the log in the action). */
  progress: (line: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
  /** The docker exec to use; defaults to the configured client. */
  exec?: DockerExec
}

export interface GuardResult {
  /** The compose service, or null for a single build. */
  service: string | null
  judgement: Judgement
  /** The Dockerfile judged, for annotations. */
  dockerfile: string
  /** Where the record lives. */
  statePath: string
  /** Last Dockerfile line by first line, for steps spanning continuation lines. */
  endLines: Map<number, number>
}

/** A docker build that failed: an error (exit 2), not a verdict. */
export class BuildFailedError extends Error {
  override name = 'BuildFailedError'
}

/** `build` or `check` for one Dockerfile, or for every service of a compose file. */
export async function runGuard(
  command: 'build' | 'check',
  opts: GuardOptions,
  compose: ComposeCli | null,
  io: GuardIo
): Promise<GuardResult[]> {
  if (!compose) return [await guardOne(command, opts, null, io)]
  const services = await composeGuardOptions(compose, opts, io.env)
  const results: GuardResult[] = []
  for (const { service, options } of services) {
    io.progress(`== service ${service}`)
    results.push(await guardOne(command, options, service, io))
  }
  return results
}

/** The build identity injected as build args and recorded. */
export interface Identity {
  commit: string | null
  buildId: string
}

export async function resolveIdentity(
  opts: GuardOptions,
  env: NodeJS.ProcessEnv
): Promise<Identity> {
  let commit = opts.commit ?? env.GITHUB_SHA ?? null
  if (commit === null) {
    const git = await run('git', ['-C', opts.context, 'rev-parse', 'HEAD'], { env }).catch(
      () => null
    )
    commit = git && git.code === 0 ? git.stdout.trim() || null : null
  }
  const buildId =
    opts.buildId ??
    (env.GITHUB_RUN_ID
      ? `${env.GITHUB_RUN_ID}.${env.GITHUB_RUN_ATTEMPT ?? '1'}`
      : new Date().toISOString().replace(/[-:.]/g, ''))
  return { commit, buildId }
}

/** GIT_COMMIT_HASH and BUILD_ID, unless the user set them. */
export function injectIdentity(args: Record<string, string>, id: Identity): Record<string, string> {
  const out = { ...args }
  if (!('GIT_COMMIT_HASH' in out) && id.commit) out.GIT_COMMIT_HASH = id.commit
  if (!('BUILD_ID' in out)) out.BUILD_ID = id.buildId
  return out
}

/** Rebuilds context entries from a record's signatures (to know what a step read back then). */
export function entriesFromRecord(files: Record<string, string>): ContextEntry[] {
  return Object.entries(files).map(([path, sig]) => {
    const [type, mode, digest, size] = sig.split(' ')
    return {
      path,
      type: (type ?? 'file') as EntryType,
      mode: parseInt(mode ?? '0', 8),
      size: Number(size ?? 0),
      ...(digest && digest !== '-' ? { digest } : {})
    }
  })
}

async function loadRecord(
  path: string,
  ignoreCorrupt: boolean,
  warnings: string[]
): Promise<BuildRecord | null> {
  try {
    return await readRecord(path)
  } catch (e) {
    if (e instanceof RecordError && ignoreCorrupt) {
      warnings.push(`${errorMessage(e)}; treated as no record (--ignore-corrupt-record)`)
      return null
    }
    if (e instanceof RecordError) {
      throw new UsageError(
        `${errorMessage(e)} (fix or remove it, or pass --ignore-corrupt-record to start a new baseline)`
      )
    }
    throw e
  }
}

async function guardOne(
  command: 'build' | 'check',
  opts: GuardOptions,
  service: string | null,
  io: GuardIo
): Promise<GuardResult> {
  const redact = redactor(secretArgValues(opts))
  // Only the data in a line is redacted (a path, a tag, a log line), never the tool's own words.
  const say = (line: string): void => io.progress(line)
  const identity = await resolveIdentity(opts, io.env)
  const buildArgs = command === 'build' ? injectIdentity(opts.buildArgs, identity) : opts.buildArgs

  say(`reading the build context ${redact(opts.context)}`)
  const statePath =
    opts.state ??
    defaultStatePath({
      context: opts.context,
      file: opts.file,
      target: opts.target ?? undefined,
      env: io.env
    })
  const recordInContext = stateInsideContext(statePath, opts.context, io.cwd)
  // Beside the record; not when the record sits inside the context (the cache would be hashed).
  const statCache = opts.statCache === false || recordInContext ? null : statCachePathFor(statePath)
  let exec = io.exec
  const docker = (): DockerExec =>
    (exec ??= dockerExec(dockerClient({ dockerPath: opts.docker, env: io.env })))
  let needed = new Set<string>()
  let hostInfo: Promise<DockerHostInfo> | null = null
  const hashed = await hashContext({
    context: opts.context,
    file: opts.file,
    buildArgs,
    statCache,
    onPlan: plan => {
      // A bad --target is bad input: refused before any docker call.
      try {
        needed = neededStages(plan, opts.target ?? undefined)
      } catch (e) {
        throw new UsageError(`--target ${opts.target ?? ''}: ${errorMessage(e)}`)
      }
      // The daemon is asked while the context is walked: both take a while, neither needs the other.
      if (command === 'build') {
        hostInfo = detectBuilder(docker(), io.env)
        hostInfo.catch(() => undefined) // awaited below; a failure is reported there
      }
    }
  })
  if (hashed.statCache) say(describeStatCache(hashed.statCache))
  const lastStage = hashed.plan.stages.at(-1)?.name ?? 'stage-0'
  const finalStage = opts.target ? opts.target.toLowerCase() : lastStage
  const steps = hashed.steps.filter(s => needed.has(s.stage))
  say(
    `context ${hashed.contextHash} (${hashed.scan.entries.length} entries, ${steps.length} context steps)`
  )

  const warnings = hashed.plan.warnings.map(w => `line ${w.line}: ${w.message}`)
  if (recordInContext) {
    warnings.push(
      `the record ${statePath} is inside the build context: every write changes the context hash`
    )
  }

  const judgement = await withRecordLock(statePath, async () => {
    const previous = await loadRecord(statePath, opts.ignoreCorruptRecord, warnings)
    const files = fileSignatures(hashed.scan.entries)
    const comparison = compareWithRecord(files, steps, previous, selector(steps, hashed, previous))
    warnings.push(
      ...preBuildWarnings({
        entries: hashed.scan.entries,
        steps,
        declaredArgs: hashed.plan.declaredArgs,
        buildArgs,
        cacheFrom: opts.cacheFrom,
        excludedSources: await excludedSources(opts.context, steps, hashed),
        injected: command === 'build',
        secretArgs: opts.secretArgs
      })
    )
    if (previous) {
      say(
        previous.contextHash === hashed.contextHash
          ? 'the context equals the last good build'
          : `${comparison.changedFiles.length} path(s) changed since the last good build (${previous.commit === null ? 'no commit' : redact(previous.commit)})`
      )
    } else {
      say(`no record at ${redact(statePath)}: this build is the baseline`)
    }

    let kind: BuilderKind | 'unknown' = 'unknown'
    let pruned: PruneResult | null = null
    let log: ParsedLog
    let imageId: string | null
    let final: StageImage | null = null
    let stageImage: (stage: string) => Promise<StageImage>
    /** Untagged images the proof's stage builds made, removed once read. */
    const proofImages: string[] = []

    if (command === 'build') {
      const host = await (hostInfo ?? detectBuilder(docker(), io.env))
      kind = host.kind
      say(`builder: ${host.kind} (${host.reason})`)
      warnings.push(...host.warnings)
      const diverged = previous === null || previous.contextHash !== hashed.contextHash
      if (diverged && opts.prune !== 'never') {
        say(`pruning the builder cache (policy ${opts.prune})`)
        pruned = await prune(docker(), opts.prune, host.kind)
        say(
          pruned.done
            ? `pruned: ${pruned.reclaimedBytes} bytes reclaimed`
            : `not pruned: ${redact(pruned.note ?? '')}`
        )
      }
      const labels = recordLabels(
        newRecord({
          contextHash: hashed.contextHash,
          files: {},
          steps,
          commit: identity.commit,
          buildId: identity.buildId,
          imageId: null,
          tags: opts.tags,
          dockerfile: opts.file
        })
      )
      const buildOpts = {
        context: opts.context,
        file: opts.file,
        tags: opts.tags,
        buildArgs,
        cacheFrom: opts.cacheFrom,
        labels,
        noCache: pruneImpliesNoCache(opts.prune, host.kind) && diverged,
        ...(opts.target ? { target: opts.target } : {})
      }
      say(`building ${redact(opts.tags.join(', ')) || '(untagged)'}`)
      // Parsed while it streams; the last build's log is kept beside the record (0600).
      const parser = new LogParser()
      const built = await runBuild(docker(), host.kind, buildOpts, {
        onLine: line => {
          parser.write(`${line}\n`)
          say(redact(line))
        },
        // Never inside the context (it would be hashed, and a planted symlink there is the
        // attacker's); secret values are redacted in it as everywhere else.
        ...(recordInContext ? {} : { logPath: buildLogPathFor(statePath) }),
        redact,
        ...(opts.buildTimeoutMs !== undefined ? { timeoutMs: opts.buildTimeoutMs } : {})
      })
      if (built.logError) warnings.push(`the build log could not be kept: ${built.logError}`)
      if (built.code !== 0) {
        throw new BuildFailedError(
          `docker build failed (exit ${built.code}): ${redact(built.error ?? 'no error line')}`
        )
      }
      log = parser.end()
      imageId = built.imageId
      final = built.imageId
        ? { image: built.imageId, appended: appendedEntries(log, hashed.plan, finalStage) }
        : null
      stageImage = async stage => {
        say(`building stage ${redact(stage)} from cache, to read the layers it wrote`)
        // No labels (the legacy builder would append steps for them) and never --no-cache: the
        // point is to get back the layers this build just wrote.
        const existing = await imageIds(docker())
        const stageParser = new LogParser()
        const r = await runBuild(
          docker(),
          host.kind,
          { ...buildOpts, tags: [], labels: {}, noCache: false, target: stage },
          { onLine: line => stageParser.write(`${line}\n`) }
        )
        if (r.code !== 0 || !r.imageId)
          throw new Error(`building stage ${stage} failed: ${r.error ?? ''}`)
        // BuildKit exports a new untagged image; a legacy stage image is a cached intermediate of
        // the build itself, and removing it would drop that cache. An image that existed before
        // this stage build (an identical one somebody keeps) is never ours to remove.
        if (host.kind !== 'legacy' && existing !== null && !existing.has(r.imageId)) {
          proofImages.push(r.imageId)
        }
        // The proof is only about this build when the stage came back from the cache it just
        // wrote; a step that ran again (the cache was pruned meanwhile) made other layers.
        const stageLog = stageParser.end()
        const again = stageLog.steps.find(s => !s.cached && !/^(FROM|ARG)\s/i.test(s.instruction))
        if (again) {
          throw new Error(
            `building stage ${stage} again re-ran ${again.instruction} instead of reusing this build's cache (pruned meanwhile?), so its layers may not be the ones the image was built from`
          )
        }
        return { image: r.imageId, appended: appendedEntries(stageLog, hashed.plan, stage) }
      }
    } else {
      log = await parseLogFile(opts.logFile as string)
      kind = log.format === 'legacy' ? 'legacy' : log.format === 'unknown' ? 'unknown' : 'buildkit'
      if (log.format === 'unknown' || log.steps.length === 0) {
        throw new UsageError(`${opts.logFile}: no build steps found (not a docker build log?)`)
      }
      imageId = await resolveImageId(docker, opts.image ?? log.imageId)
      final = imageId
        ? { image: imageId, appended: appendedEntries(log, hashed.plan, finalStage, service) }
        : null
      // Rebuilding another tool's intermediate stage could use other args and prove nothing.
      stageImage = async stage => {
        throw new Error(
          `check mode proves the final stage only; build stage ${stage} with fresh-build build`
        )
      }
    }

    const current = new Map(hashed.scan.entries.map(e => [e.path, e]))
    const logSteps = matchLogSteps(steps, log, service)
    // The whole context went to the builder in this run: its steps that ran copied those bytes.
    const contextResent = command === 'build' && (kind === 'legacy' || pruned?.done === true)
    const requests = planProofs(steps, comparison, current, opts.verify, {
      logSteps,
      contextResent
    })
    if (requests.length > 0) {
      say(
        `proving ${requests.reduce((n, r) => n + r.paths.length, 0)} changed path(s) by their bytes in the image`
      )
    }
    const proofs =
      requests.length > 0
        ? await proveSteps(requests, {
            exec: docker(),
            plan: hashed.plan,
            finalStage,
            final,
            stageImage
          })
        : new Map()
    await removeUntagged(docker(), proofImages)

    const j = judge({
      contextHash: hashed.contextHash,
      files,
      steps,
      previous,
      comparison,
      logSteps,
      proofs,
      pruned,
      verify: opts.verify,
      facts: {
        builder: kind,
        cacheFrom: opts.cacheFrom,
        cacheImports: log.cacheImports,
        dockerHost: io.env.DOCKER_HOST || null,
        prunePolicy: opts.prune
      },
      warnings,
      imageId
    })
    if (j.verdict !== 'stale') {
      await writeRecord(
        statePath,
        newRecord({
          contextHash: hashed.contextHash,
          files,
          steps,
          commit: identity.commit,
          buildId: command === 'build' ? identity.buildId : opts.buildId,
          imageId,
          tags: opts.tags,
          dockerfile: opts.file
        })
      )
      say(`record updated: ${redact(statePath)}`)
    } else {
      say(`stale: the record at ${redact(statePath)} is left at the last good build`)
    }
    return j
  })

  const endLines = new Map(steps.map(s => [s.line, s.endLine]))
  // A service's secret values may come from its compose file, which only this run knows: the
  // judgement leaves here redacted, for every report that prints it.
  return {
    service,
    judgement: redactJudgement(judgement, redact),
    dockerfile: opts.file,
    statePath,
    endLines
  }
}

/**
 * Best effort: removes images only while no tag names them (a user's `--target` build may have
 * tagged the very same image id since); never forced, so one a container uses stays.
 */
/**
 * `sha256:` id of an image given by tag or short id, so reports name what was judged. The
 * daemon is needed only for proofs in check mode: when it cannot answer, the reference stays.
 */
async function resolveImageId(
  docker: () => DockerExec,
  ref: string | null
): Promise<string | null> {
  if (ref === null || /^sha256:[0-9a-f]{64}$/.test(ref)) return ref
  const r = await docker()(['image', 'inspect', '--format', '{{.Id}}', ref]).catch(() => null)
  return r && r.code === 0 && r.stdout.trim() ? r.stdout.trim() : ref
}

/**
 * COPY/ADD sources named literally (no wildcard) that exist on disk but that the ignore file
 * keeps out of the context: their changes never reach the build.
 */
async function excludedSources(
  context: string,
  steps: readonly HashedStep[],
  hashed: Hashed
): Promise<{ step: HashedStep; source: string }[]> {
  const sent = new Set(hashed.scan.entries.map(e => e.path))
  const out: { step: HashedStep; source: string }[] = []
  for (const step of steps) {
    if (step.keyword === 'RUN') continue
    for (const source of step.sources) {
      const rel = posix
        .normalize(source)
        .replace(/^(\.?\/)+/, '')
        .replace(/\/+$/, '')
      if (rel === '' || rel === '.' || rel.startsWith('..') || /[*?[\\]/.test(rel)) continue
      if (sent.has(rel)) continue
      const onDisk = await lstat(join(context, rel)).then(
        () => true,
        () => false
      )
      if (onDisk) out.push({ step, source: rel })
    }
  }
  return out
}

/** Every image id on the daemon, or null when they cannot be listed (then nothing is removed). */
async function imageIds(exec: DockerExec): Promise<Set<string> | null> {
  const r = await exec(['image', 'ls', '--all', '--quiet', '--no-trunc']).catch(() => null)
  if (!r || r.code !== 0) return null
  return new Set(
    r.stdout
      .split('\n')
      .map(l => l.trim())
      .filter(Boolean)
  )
}

/**
 * Removes the untagged stage images this run created for its proofs: without force, so the
 * daemon refuses any image a container uses, and only when still untagged.
 */
async function removeUntagged(exec: DockerExec, ids: readonly string[]): Promise<void> {
  for (const id of new Set(ids)) {
    try {
      const tags = await exec(['image', 'inspect', '--format', '{{len .RepoTags}}', id])
      if (tags.code === 0 && tags.stdout.trim() === '0') await exec(['image', 'rm', id])
    } catch {
      // Leaving a dangling image behind is not worth failing a judged build for.
    }
  }
}

/**
 * selects(step, path): the step reads `path` now or read it in the recorded context (a removed
 * file counts for the steps that copied it).
 */
function selector(
  steps: readonly HashedStep[],
  hashed: Hashed,
  previous: BuildRecord | null
): (step: HashedStep, path: string) => boolean {
  // Built on first use: an unchanged context never asks, and these are a pass over every entry.
  let sets: Map<string, Set<string>> | null = null
  const build = (): Map<string, Set<string>> => {
    const before = previous ? entriesFromRecord(previous.files) : []
    const out = new Map<string, Set<string>>()
    for (const s of steps) {
      const paths = new Set(selectSources(s, hashed.scan.entries).map(e => e.path))
      for (const e of selectSources(s, before)) paths.add(e.path)
      out.set(stepKey(s), paths)
    }
    return out
  }
  return (step, path) => (sets ??= build()).get(stepKey(step))?.has(path) ?? false
}
