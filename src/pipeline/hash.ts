import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import type { BuildInputs, ContextScan, HashedStep } from '../model.js'
import {
  formatMode,
  hashEntries,
  scanContext,
  StatCache,
  type StatCacheStats
} from '../context/index.js'
import { hashSteps, readDockerfile, type ReadPlan } from '../dockerfile/index.js'
import { UsageError } from './options.js'
import { combinedHash, keyedEntries, scanNamedContexts } from './named-contexts.js'
import type { ContextEntry } from '../model.js'
import { unmatchedMessage, unmatchedSources } from '../verdict/index.js'
import { daemonExec, dockerClient, readOnBuild } from '../docker/index.js'
import { errCode, fileFault, thrownMessage } from '../util/index.js'

/** The context as Docker reads it, the Dockerfile's context steps, and their hashes. */
export interface Hashed {
  scan: ContextScan
  plan: ReadPlan
  contextHash: string
  steps: HashedStep[]
  /** How the stat cache served this scan; null when none was used. */
  statCache: StatCacheStats | null
  /** Each named build context as Docker sends it (its own ignore file), by name. */
  named: Map<string, ContextScan>
  /**
   * The entries every comparison and proof works on: the main context's as they are, each named
   * context's keyed `NAME:path` (see named-contexts.ts). Without named contexts: scan.entries.
   */
  all: ContextEntry[]
  /** The Dockerfile and ignore file digests, which the context hash covers too. */
  inputs: BuildInputs
  /** Problems reading base images' ONBUILD triggers. */
  onBuildProblems: string[]
}

/**
 * The ONBUILD reader of `hash`, which otherwise needs no daemon: it asks the configured one
 * (DOCKER_HOST) for local base images only, and names what it could not read.
 */
export function daemonOnBuild(env: NodeJS.ProcessEnv): OnBuildReader {
  return images => readOnBuild(daemonExec(dockerClient({ env })), images)
}

/** Reads ONBUILD triggers of the given base images (see docker/onbuild.ts). */
export type OnBuildReader = (
  images: string[]
) => Promise<{ triggers: Map<string, string[]>; problems: string[] }>

/** `not found`, `is not readable (permission denied)`...: what the named file is. */
function fault(e: unknown): string {
  const code = errCode(e) ?? ''
  return fileFault(code) ?? `cannot be read (${code || thrownMessage(e)})`
}

export async function readDockerfileText(file: string): Promise<string> {
  return (await readDockerfileBytes(file)).toString('utf8')
}

async function readDockerfileBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file)
  } catch (e) {
    throw new UsageError(`Dockerfile ${fault(e)}: ${file}`)
  }
}

/**
 * The context directory must exist before anything else is read: when it is missing, the
 * default Dockerfile inside it is missing too, and the message should name the real fault.
 */
export async function checkContextDir(dir: string): Promise<void> {
  let st
  try {
    st = await stat(dir)
  } catch (e) {
    throw new UsageError(`build context ${fault(e)}: ${dir}`)
  }
  if (!st.isDirectory()) throw new UsageError(`build context is not a directory: ${dir}`)
}

/**
 * The reader throws DockerfileError for what it rejects; a Dockerfile built to exhaust it (a
 * variable nested thousands deep overflows the recursive word lexer) must still end in one line
 * naming the file rather than a bare "Maximum call stack size exceeded".
 */
function readPlan(
  text: string,
  file: string,
  buildArgs: Record<string, string>,
  namedContexts: readonly string[],
  triggers?: Map<string, string[]>
): ReadPlan {
  try {
    return readDockerfile(text, {
      file,
      buildArgs,
      namedContexts,
      ...(triggers && triggers.size > 0 ? { onBuild: (b: string) => triggers.get(b) } : {})
    })
  } catch (e) {
    if ((e as Error | null)?.name === 'RangeError') {
      throw new UsageError(`${file}: too deeply nested to read (${(e as Error).message})`)
    }
    throw e
  }
}

/** Step 1 and 2 of the pipeline: read the context and the Dockerfile, hash both. No daemon. */
export async function hashContext(opts: {
  context: string
  file: string
  buildArgs: Record<string, string>
  /** Named build contexts, name -> absolute directory. */
  namedContexts?: Record<string, string>
  /**
   * The stat cache file (build and check pass one beside the record); null or absent: every file
   * is read, as `hash` does, so `fresh-build hash` stays an independent full read.
   */
  statCache?: string | null
  /**
   * Called with the plan before the walk: a caller validates what depends on the Dockerfile
   * (a --target) and may start slow independent work (asking the daemon) alongside the walk;
   * the walk waits for the promise it returns.
   */
  onPlan?: (plan: ReadPlan) => void | Promise<void>
  /** Reads local base images' ONBUILD triggers; absent: none are read (a plan without them). */
  onBuild?: OnBuildReader
}): Promise<Hashed> {
  await checkContextDir(opts.context)
  // The Dockerfile next: it is small, and a parse error should not wait for a big tree walk.
  const namedDirs = opts.namedContexts ?? {}
  const names = Object.keys(namedDirs)
  const bytes = await readDockerfileBytes(opts.file)
  const { plan, onBuildProblems } = await planWithTriggers(bytes.toString('utf8'), names, opts)
  // What onPlan started and asks the walk to wait for (an early build's start): first, since
  // the early build, not the walk, is what the run ends up waiting for.
  await opts.onPlan?.(plan)
  // Opened before the walk: the cache's horizon must precede every lstat of the scan.
  const cache = opts.statCache ? await StatCache.open(opts.statCache) : null
  const scan = await scanWithCache(opts.context, opts.file, cache)
  const inputs: BuildInputs = {
    dockerfile: sha256(bytes),
    ignoreFile: scan.ignoreFile,
    ignore: scan.ignoreFile ? sha256(await readFile(scan.ignoreFile)) : null
  }
  const named = await scanNamedContexts(namedDirs)
  const namedEntries = new Map([...named].map(([n, s]) => [n, s.entries]))
  // Once: the context hash covers it, and so does the source hash of a `COPY . .`.
  const entriesHash = hashEntries(scan.entries)
  return {
    scan,
    plan,
    contextHash: combinedHash(hashInputs(entriesHash, inputs), named),
    steps: hashSteps(plan, scan.entries, namedEntries, entriesHash),
    statCache: cache ? await cache.save() : null,
    inputs,
    onBuildProblems,
    named,
    all: named.size === 0 ? scan.entries : [...scan.entries, ...keyedEntries(named, scan.entries)]
  }
}

/**
 * The plan, read again with the ONBUILD triggers of local base images when there are any (a
 * trigger runs as the first instructions of the stage built on that image).
 */
async function planWithTriggers(
  text: string,
  names: readonly string[],
  opts: { file: string; buildArgs: Record<string, string>; onBuild?: OnBuildReader }
): Promise<{ plan: ReadPlan; onBuildProblems: string[] }> {
  const plan = readPlan(text, opts.file, opts.buildArgs, names)
  const images = imageBases(plan)
  if (!opts.onBuild || images.length === 0) return { plan, onBuildProblems: [] }
  const read = await opts.onBuild(images)
  if (read.triggers.size === 0) return { plan, onBuildProblems: read.problems }
  const again = readPlan(text, opts.file, opts.buildArgs, names, read.triggers)
  return { plan: again, onBuildProblems: read.problems }
}

/** The context walk, digesting through the stat cache when there is one (dropped on failure). */
async function scanWithCache(
  context: string,
  dockerfile: string,
  cache: StatCache | null
): Promise<ContextScan> {
  try {
    return await scanContext(context, {
      dockerfile,
      ...(cache ? { digester: cache.digester() } : {})
    })
  } catch (e) {
    await cache?.discard()
    throw e
  }
}

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

/**
 * The context hash: the entries, and the Dockerfile and ignore file, which BuildKit receives
 * through their own local sources with the same size+mtime shortcut (verified on 20.10: a
 * same-size, mtime-kept edit of a Dockerfile outside the context built the old one until
 * `docker builder prune --filter type=source.local`). A change to either diverges from the
 * record, so the default policy prunes what would serve the old copy.
 */
export function hashInputs(entriesHash: string, inputs: BuildInputs): string {
  const h = createHash('sha256')
  h.update(`context ${entriesHash}
dockerfile ${inputs.dockerfile}
ignore ${inputs.ignore ?? '-'}
`)
  return `sha256:${h.digest('hex')}`
}

/** Base images of stages that are images (not scratch, not an earlier stage). */
function imageBases(plan: ReadPlan): string[] {
  const names = new Set<string>()
  const out: string[] = []
  for (const s of plan.stages) {
    const base = s.base.toLowerCase()
    if (base !== 'scratch' && !names.has(base) && !s.deps.includes(base)) out.push(s.base)
    names.add(s.name)
  }
  return [...new Set(out)]
}

/** The document `hash --json` prints (docs/contract.md). */
export function hashReport(h: Hashed) {
  return {
    contextHash: h.contextHash,
    files: h.scan.entries.map(e => ({
      path: e.path,
      type: e.type,
      mode: formatMode(e.mode),
      digest: e.digest ?? null,
      ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {})
    })),
    steps: h.steps.map(s => ({
      stage: s.stage,
      index: s.index,
      instruction: s.instruction,
      line: s.line,
      sourceHash: s.sourceHash,
      sources: s.selected,
      ...(s.trigger !== undefined ? { onbuildOf: s.trigger } : {})
    })),
    warnings: [
      ...h.plan.warnings.map(w => `line ${w.line}: ${w.message}`),
      ...h.onBuildProblems,
      // A step whose literal source matches nothing has the empty digest: the build will fail.
      ...unmatchedSources(
        h.steps.filter(s => s.context === undefined),
        h.scan.entries
      ).map(u => unmatchedMessage(u, false))
    ]
  }
}
