/**
 * The early build. An unchanged rebuild spends most of its time in `docker build`, and the build
 * waits for the hash only because a cure (re-send or prune) may have to come first. So, when
 * nothing rules it out, the build the guard would run if the context still equals this host's
 * record starts beside the walk, untagged. Why keeping or discarding it is sound:
 * docs/early-build.md.
 *
 * The guard keeps it (tags it) only when, after compare and the cure under the record's lock:
 * - compare read the very bytes of the record this build assumed (no other guarded run advanced
 *   the record, or the builder state bound to it, in between);
 * - the cure, judging the builder's listing taken before this build started, did nothing;
 * - the options the guard builds with now equal this build's, apart from tags and the created
 *   label: its labels carry the hash the walk found, which is then the record's;
 * - it succeeded and its whole log was held.
 * Otherwise the guard has already waited for it to end (the cure never runs beside it: a prune
 * skips records in use), removes its image when untagged and builds as it would have without it.
 */
import {
  removeUntagged,
  runBuild,
  type BuildOptions,
  type BuildRun,
  type DockerExec,
  type DockerHostInfo
} from '../docker/index.js'
import type { BuildRecord, ParsedLog } from '../model.js'
import type { RecordSnapshot } from '../record/index.js'
import { finalBuildOptions, sameBuild } from './build-options.js'
import { buildCommandLine, setUpBuild } from './build-setup.js'
import type { PreparedRun } from './run.js'

/** Lines held for the replay; a log longer than this is not kept early (the parse needs it whole). */
const MAX_HELD_CHARS = 16 * 1024 * 1024

/** How the early build ended: its run (null: it could not start), and its lines (null: too many). */
export interface SpeculativeEnd {
  built: BuildRun | null
  failure: string | null
  lines: readonly string[] | null
}

export interface Speculation {
  /** The record it assumed the context equals. */
  readonly assumed: BuildRecord
  readonly options: BuildOptions
  /** When it ended; never rejects. */
  readonly ended: Promise<SpeculativeEnd>
  /** Its command as printed (build args redacted); null before it started. */
  command(): string | null
  /** Hands every line it printed so far to `onLine`, then each later one as it comes. */
  follow(onLine: (line: string) => void): void
  /** After it ended: removes its image unless tagged since, or unless kept. Safe to call twice. */
  discard(): Promise<void>
  /** It became the build: discard() leaves it. */
  keep(): void
}

/**
 * Why no early build starts for this run, or null when one may. Pure. `host` null: the builder
 * is not known yet (everything else is checked, so a run that cannot have one never waits).
 */
export function speculationBlocker(
  run: Pick<PreparedRun, 'command' | 'opts' | 'io'>,
  snapshot: RecordSnapshot | null,
  host: Pick<DockerHostInfo, 'kind'> | null
): string | null {
  const { opts } = run
  const flags = opts.build
  if (run.io.env.FRESH_BUILD_EARLY_BUILD === '0') return 'FRESH_BUILD_EARLY_BUILD=0'
  // A docker exec handed in by an embedding is driven one call at a time, as asked.
  if (run.io.exec) return 'a docker exec was handed in'
  if (run.command !== 'build') return 'not a build'
  if (!snapshot?.record) return 'no record on this host'
  // A guess, never a proof: an early build costs one more cached build when the context did
  // change, so one starts only where the last good build found nothing changed (a redeploy, a
  // compose service the commit did not touch), not after a change (the next commit changes more).
  if (snapshot.record.deploy?.changed?.length !== 0) return 'the last build changed files'
  if (host && host.kind !== 'buildkit') return `the ${host.kind} builder`
  // Under `verify: none` the log is the evidence: a step it shows CACHED because the early build
  // ran it first would read as stale.
  if (opts.verify === 'none') return 'verify: none'
  if (!flags) return null
  // Only where setting the build up writes nothing: secrets are files, named contexts stand-in
  // images, and no-cache builds are all cost (the user asked for every step to run).
  if (flags.secrets.length > 0 || flags.ssh.length > 0) return 'secrets or ssh'
  if (Object.keys(flags.buildContexts).length > 0) return 'named contexts'
  if (flags.noCache || flags.noCacheFilters.length > 0) return 'no-cache'
  return null
}

/**
 * Starts the early build, or returns null when something rules it out (speculationBlocker, or a
 * build flag the builder refuses: the real build reports that in its place).
 */
export async function speculate(
  run: PreparedRun,
  snapshot: RecordSnapshot | null,
  host: DockerHostInfo
): Promise<Speculation | null> {
  if (speculationBlocker(run, snapshot, host) !== null || !snapshot?.record) return null
  const assumed = snapshot.record
  let setup
  try {
    setup = await setUpBuild(run.opts.build, host, {
      exec: run.docker(),
      env: run.io.env,
      say: () => undefined,
      redact: run.redact,
      surface: run.opts.surface ?? 'cli',
      statePath: run.statePath
    })
  } catch {
    return null
  }
  const options = finalBuildOptions({
    opts: run.opts,
    identity: run.identity,
    buildArgs: run.buildArgs,
    kind: host.kind,
    setup,
    diverged: false,
    contextHash: assumed.contextHash,
    steps: assumed.steps
  })
  const spec = launch(run.docker(), host, options, assumed, run)
  run.say(
    'started the build beside the walk, untagged: it is kept only if the context equals the record'
  )
  return spec
}

function launch(
  exec: DockerExec,
  host: DockerHostInfo,
  options: BuildOptions,
  assumed: BuildRecord,
  run: PreparedRun
): Speculation {
  let held: string[] | null = []
  let chars = 0
  let listener: ((line: string) => void) | null = null
  let command: string | null = null
  const ended: Promise<SpeculativeEnd> = runBuild(
    exec,
    host.kind,
    { ...options, tags: [] },
    {
      onLine: line => {
        listener?.(line)
        if (held === null) return
        chars += line.length + 1
        if (chars > MAX_HELD_CHARS) held = null
        else held.push(line)
      },
      redact: run.redact,
      onCommand: (argv, env) => (command = buildCommandLine(argv, env, run.redact)),
      ...(run.opts.buildTimeoutMs !== undefined ? { timeoutMs: run.opts.buildTimeoutMs } : {})
    }
  ).then(
    built => ({ built, failure: null, lines: held }),
    (e: unknown) => ({
      built: null,
      failure: e instanceof Error ? e.message : String(e),
      lines: null
    })
  )
  let kept = false
  let discarded: Promise<void> | null = null
  return {
    assumed,
    options,
    ended,
    command: () => command,
    follow: onLine => {
      for (const line of held ?? []) onLine(line)
      listener = onLine
    },
    keep: () => {
      kept = true
    },
    discard: () =>
      (discarded ??= ended.then(async end => {
        listener = null
        const id = end.built?.imageId
        if (!kept && id) await removeUntagged(exec, [id])
      }))
  }
}

/**
 * Why the early build cannot be kept as this run's build, or null when it can (see the file's
 * comment). `previous` is the record compare read under the lock; `options` the build's now.
 */
export function keepBlocker(
  spec: Pick<Speculation, 'assumed' | 'options'>,
  end: SpeculativeEnd,
  now: {
    previous: BuildRecord | null
    options: BuildOptions
    diverged: boolean
    cured: boolean
  }
): string | null {
  // The same object: compare reused this snapshot because the record's bytes were unchanged.
  if (now.previous !== spec.assumed) return 'the record changed since it started'
  if (now.diverged) return 'the context differs from the record'
  if (now.cured) return 'the builder cache was cured after it started'
  if (!sameBuild(spec.options, now.options)) return 'the build options differ'
  if (!end.built) return `it could not run: ${end.failure ?? 'unknown'}`
  if (end.built.code !== 0 || !end.built.imageId) return 'it failed'
  if (end.lines === null) return 'its log was too long to hold'
  return null
}

/**
 * The build after an early build that was not kept, with each step the early build ran shown as
 * run: the build that follows serves it from the cache entry the early build just wrote, which it
 * can hit only when the step's sources have the same content now (BuildKit keys a step on the
 * content of what it reads), so that step copied the bytes this build would have. Judged as
 * CACHED it would need a byte proof that a step which ran needs not (an ADD that unpacks an
 * archive has none, and would read as stale).
 */
export function withEarlyRuns(log: ParsedLog, early: ParsedLog): ParsedLog {
  const ran = new Set(
    early.steps
      .filter(s => !s.cached && !s.error)
      .map(s => `${s.stage ?? ''}\0${s.index}\0${s.instruction}`)
  )
  if (ran.size === 0) return log
  return {
    ...log,
    steps: log.steps.map(s =>
      s.cached && ran.has(`${s.stage ?? ''}\0${s.index}\0${s.instruction}`)
        ? { ...s, cached: false }
        : s
    )
  }
}
