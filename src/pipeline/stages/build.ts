import type { ParsedLog } from '../../model.js'
import {
  buildLogPathFor,
  detectBuilder,
  keepBuildLog,
  removeUntagged,
  runBuild,
  type BuilderKind,
  type BuildOptions,
  type DockerExec,
  type DockerHostInfo
} from '../../docker/index.js'
import { LogParser } from '../../logs/index.js'
import { finalBuildOptions } from '../build-options.js'
import { keepBlocker, withEarlyRuns, type SpeculativeEnd, type Speculation } from '../speculate.js'
import { appendedEntries, type StageImage } from '../proof.js'
import type { ComparedRun, Source } from '../run.js'
import { cureStage, keepBuilderState, listLocalSources, type CureResult } from '../cure.js'
import { buildCommandLine, setUpBuild, type BuildSetup } from '../build-setup.js'
import { FreshBuildError } from '../../util/index.js'

/** A docker build that failed: an error (exit 2), not a verdict. */
export class BuildFailedError extends FreshBuildError {}

/**
 * `build`: re-send what changed, or prune, when the context diverged (cure.ts), build with
 * identity, parse the log as it streams.
 */
export async function buildSource(run: ComparedRun): Promise<Source> {
  const host = await detectHost(run)
  // The user's flags are checked here, before the prune: nothing is touched for a build that
  // cannot run. Secret files and stand-in images live until the proofs are done (cleanup).
  const setup = await setUpBuild(run.opts.build, host, {
    exec: run.docker(),
    env: run.io.env,
    say: run.say,
    redact: run.redact,
    surface: run.opts.surface ?? 'cli',
    statePath: run.statePath
  })
  run.warnings.push(...setup.warnings)
  try {
    return await buildWith(run, host, setup)
  } catch (e) {
    await setup.done()
    throw e
  }
}

async function buildWith(
  run: ComparedRun,
  host: DockerHostInfo,
  setup: BuildSetup
): Promise<Source> {
  // Never beside the cure: an early build still running holds the builder's context record.
  const early = await waitForEarly(run)
  const cured = await cureBeforeBuild(run, host)
  const { diverged, pruned, vouched, resent } = cured
  const options = buildOptions(run, host, diverged, setup)
  run.io.phase?.('build')
  await setup.beforeBuild()
  const kept = early && (await keepEarly(run, early, options, cured))
  const { log, imageId, metadata } = kept ?? afterEarly(await buildFinal(run, host, options), early)
  // Listed now, overlapping the proofs, unless a stage build (which syncs too) comes after.
  const listing: SourcesAfter = { after: vouched ? listLocalSources(run.docker()) : null }
  const stages = stageImages(
    run,
    host,
    { ...options, flags: setup.stageFlags },
    () => (listing.after = null)
  )
  return {
    builder: host.kind,
    pruned,
    log,
    imageId,
    final: imageId
      ? { image: imageId, appended: appendedEntries(log, run.hashed.plan, run.finalStage) }
      : null,
    stageImage: stages.stageImage,
    // The legacy builder always sends everything; a done prune made BuildKit forget what it had.
    contextResent: host.kind === 'legacy' || pruned?.done === true,
    cleanup: async () => {
      await stages.cleanup()
      await setup.done()
    },
    buildxMetadata: metadata,
    resent: new Set(resent ?? []),
    keepState: vouched ? keepStateAfter(run, listing) : null
  }
}

/** The builder's local sources after the build, listed early; null: list them when needed. */
interface SourcesAfter {
  after: ReturnType<typeof listLocalSources> | null
}

/** Re-send what changed, or prune, when the context diverged from the record (cure.ts). */
async function cureBeforeBuild(
  run: ComparedRun,
  host: DockerHostInfo
): Promise<CureResult & { diverged: boolean }> {
  // A record from the registry says what the last image holds, nothing about this host's
  // builder: its context cache may hold old bytes of its own, so the cure treats it as no record
  // (it prunes rather than re-sending only what changed).
  const local = run.previousSource === 'registry' ? null : run.previous
  const diverged =
    run.previous === null || local === null || run.previous.contextHash !== run.hashed.contextHash
  if (diverged && run.opts.prune !== 'never') run.io.phase?.('prune')
  const cured = await cureStage({
    exec: run.docker(),
    kind: host.kind,
    policy: run.opts.prune,
    previous: local,
    diverged,
    statePath: run.statePath,
    context: run.opts.context,
    dockerfile: run.opts.file,
    entries: run.files.entries,
    files: run.files.signatures,
    listing: await run.sourcesBefore,
    say: run.say
  })
  return { ...cured, diverged }
}

/** Keeps the builder state the cure vouched for, beside the record; a failure only says so. */
function keepStateAfter(run: ComparedRun, listing: SourcesAfter): NonNullable<Source['keepState']> {
  return async record => {
    await keepBuilderState({
      statePath: run.statePath,
      record,
      context: run.opts.context,
      dockerfile: run.opts.file,
      before: await run.sourcesBefore,
      after: await (listing.after ?? listLocalSources(run.docker()))
    }).catch(e =>
      run.say(`the builder state was not kept (the next changed build prunes): ${String(e)}`)
    )
  }
}

async function detectHost(run: ComparedRun): Promise<DockerHostInfo> {
  const host = await (run.hostInfo ?? detectBuilder(run.docker(), run.io.env))
  run.say(`builder: ${host.kind} (${host.reason})`)
  run.warnings.push(...host.warnings)
  return host
}

/** The final build's options (build-options.ts), from this run's hash. */
function buildOptions(
  run: ComparedRun,
  host: DockerHostInfo,
  diverged: boolean,
  setup: BuildSetup
): BuildOptions {
  return finalBuildOptions({
    opts: run.opts,
    identity: run.identity,
    buildArgs: run.buildArgs,
    kind: host.kind,
    setup,
    diverged,
    contextHash: run.hashed.contextHash,
    steps: run.steps
  })
}

interface EarlyBuild {
  spec: Speculation
  end: SpeculativeEnd
}

/** The early build started beside the walk (speculate.ts), waited for with its lines shown. */
async function waitForEarly(run: ComparedRun): Promise<EarlyBuild | null> {
  const spec = await run.speculation
  if (!spec) return null
  run.say(`the build started beside the walk: ${spec.command() ?? 'docker build'}`)
  spec.follow(line => run.say(run.redact(line)))
  return { spec, end: await spec.ended }
}

/** The build, with the steps an early build not kept ran shown as run (speculate.ts). */
function afterEarly(built: Built, early: EarlyBuild | null): Built {
  if (!early?.end.lines) return built
  return { ...built, log: withEarlyRuns(built.log, parseLines(early.end.lines)) }
}

/** What a build gives the later stages: its parsed log, its image, buildx's metadata. */
interface Built {
  log: ParsedLog
  imageId: string | null
  metadata: Record<string, unknown> | null
}

/**
 * The early build as this run's build when nothing since it started tells against it
 * (speculate.ts keepBlocker), tagged now; else null, and it is removed.
 */
async function keepEarly(
  run: ComparedRun,
  early: EarlyBuild,
  options: BuildOptions,
  cure: CureResult & { diverged: boolean }
): Promise<Built | null> {
  const why = keepBlocker(early.spec, early.end, {
    previous: run.previous,
    options,
    diverged: cure.diverged,
    cured: cure.pruned !== null || (cure.resent?.length ?? 0) > 0
  })
  const imageId = early.end.built?.imageId
  if (why !== null || !imageId || !early.end.lines) {
    run.say(`the early build is not kept (${why ?? 'no image'}): building again`)
    await early.spec.discard()
    return null
  }
  early.spec.keep()
  for (const tag of options.tags) {
    const r = await run.docker()(['tag', imageId, tag])
    if (r.code !== 0) {
      await removeUntagged(run.docker(), [imageId])
      throw new BuildFailedError(run.redact(`docker tag ${tag} failed: ${r.stderr.trim()}`))
    }
  }
  run.say(
    `kept it: ${imageId}${options.tags.length ? ` tagged ${run.redact(options.tags.join(', '))}` : ''}`
  )
  const log = parseLines(early.end.lines)
  if (!run.recordInContext) {
    const error = await keepBuildLog(buildLogPathFor(run.statePath), early.end.lines, run.redact)
    if (error) run.warnings.push(`the build log could not be kept: ${error}`)
  }
  return { log, imageId, metadata: null }
}

function parseLines(lines: readonly string[]): ParsedLog {
  const parser = new LogParser()
  for (const line of lines) parser.write(`${line}\n`)
  return parser.end()
}

async function buildFinal(
  run: ComparedRun,
  host: DockerHostInfo,
  options: BuildOptions
): Promise<Built> {
  run.say(`building ${run.redact(run.opts.tags.join(', ')) || '(untagged)'}`)
  // Parsed while it streams; the last build's log is kept beside the record (0600).
  const parser = new LogParser()
  const built = await runBuild(run.docker(), host.kind, options, {
    onLine: line => {
      parser.write(`${line}\n`)
      run.say(run.redact(line))
    },
    // Never inside the context (it would be hashed, and a planted symlink there is the
    // attacker's); secret values are redacted in it as everywhere else.
    ...(run.recordInContext ? {} : { logPath: buildLogPathFor(run.statePath) }),
    redact: run.redact,
    // Only the values of build args can carry a secret: the rest of the line stays as it is.
    onCommand: (argv, env) => run.say(buildCommandLine(argv, env, run.redact)),
    ...(run.opts.buildTimeoutMs !== undefined ? { timeoutMs: run.opts.buildTimeoutMs } : {})
  })
  if (built.logError) run.warnings.push(`the build log could not be kept: ${built.logError}`)
  const log = parser.end()
  if (built.code !== 0) {
    // What failed, for the summary of a failed run: the step the log shows in error.
    const step = log.steps.find(s => s.error)
    const at = step
      ? ` at ${step.stage ? `${step.stage} ` : ''}step ${step.index}/${step.total} ${step.instruction}`
      : ''
    const hint = run.excluded.map(e => `; ${e.source} exists but .dockerignore excludes it`)
    throw new BuildFailedError(
      run.redact(
        `docker build failed (exit ${built.code})${at}: ${built.error ?? 'no error line'}${hint.join('')}`
      )
    )
  }
  return { log, imageId: built.imageId, metadata: built.metadata }
}

/**
 * Images of earlier stages, for their proofs: each a `--target` build served from the cache the
 * final build just wrote, checked to have come from it, and removed after the proofs when it
 * was made for them alone.
 */
function stageImages(
  run: ComparedRun,
  host: DockerHostInfo,
  options: BuildOptions,
  onStageBuild: () => void
): { stageImage: (stage: string) => Promise<StageImage>; cleanup: () => Promise<void> } {
  /** Untagged images the proof's stage builds made, removed once read. */
  const made: string[] = []
  return {
    stageImage: async stage => {
      run.say(`building stage ${run.redact(stage)} from cache, to read the layers it wrote`)
      onStageBuild()
      const built = await buildStage(run.docker(), host.kind, options, stage, run.redact)
      if (built.created) made.push(built.image)
      return {
        image: built.image,
        appended: appendedEntries(reusedCache(built.log, stage), run.hashed.plan, stage)
      }
    },
    cleanup: () => removeUntagged(run.docker(), made)
  }
}

/** A `--target stage` build of the same options; `created`: the image is new and ours. */
async function buildStage(
  exec: DockerExec,
  kind: BuilderKind,
  options: BuildOptions,
  stage: string,
  redact: (line: string) => string
): Promise<{ image: string; log: ParsedLog; created: boolean }> {
  // No labels (the legacy builder would append steps for them) and never --no-cache: the
  // point is to get back the layers this build just wrote.
  const existing = await imageIds(exec)
  const parser = new LogParser()
  const r = await runBuild(
    exec,
    kind,
    { ...options, tags: [], labels: {}, noCache: false, target: stage },
    { onLine: line => parser.write(`${line}\n`), redact }
  )
  if (r.code !== 0 || !r.imageId)
    throw new Error(`building stage ${stage} failed: ${r.error ?? ''}`)
  // BuildKit exports a new untagged image; a legacy stage image is a cached intermediate of
  // the build itself, and removing it would drop that cache. An image that existed before
  // this stage build (an identical one somebody keeps) is never ours to remove.
  const created = kind !== 'legacy' && existing !== null && !existing.has(r.imageId)
  return { image: r.imageId, log: parser.end(), created }
}

/**
 * The stage log, when every step came back from the cache: the proof is only about this build
 * when the stage reused the layers it just wrote; a step that ran again (the cache was pruned
 * meanwhile) made other layers.
 */
function reusedCache(log: ParsedLog, stage: string): ParsedLog {
  const again = log.steps.find(s => !s.cached && !/^(FROM|ARG)\s/i.test(s.instruction))
  if (again) {
    throw new Error(
      `building stage ${stage} again re-ran ${again.instruction} instead of reusing this build's cache (pruned meanwhile?), so its layers may not be the ones the image was built from`
    )
  }
  return log
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
