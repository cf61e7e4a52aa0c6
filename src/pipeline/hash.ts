import { readFile, stat } from 'node:fs/promises'
import type { ContextScan, HashedStep } from '../model.js'
import { scanContext } from '../context/walk.js'
import { StatCache, type StatCacheStats } from '../context/statcache.js'
import { formatMode, hashEntries } from '../context/hash.js'
import { hashSteps, readDockerfile, type ReadPlan } from '../dockerfile/index.js'
import { UsageError } from './options.js'
import { thrownMessage } from '../util/error.js'

/** The context as Docker reads it, the Dockerfile's context steps, and their hashes. */
export interface Hashed {
  scan: ContextScan
  plan: ReadPlan
  contextHash: string
  steps: HashedStep[]
  /** How the stat cache served this scan; null when none was used. */
  statCache: StatCacheStats | null
}

const FILE_FAULTS: Record<string, string> = {
  ENOENT: 'not found',
  ENOTDIR: 'not found (a parent is not a directory)',
  EISDIR: 'is a directory',
  EACCES: 'is not readable (permission denied)',
  EPERM: 'is not readable (operation not permitted)',
  ELOOP: 'is a symlink loop'
}

export async function readDockerfileText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? ''
    const fault = FILE_FAULTS[code] ?? `cannot be read (${code || thrownMessage(e)})`
    throw new UsageError(`Dockerfile ${fault}: ${file}`)
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
    const code = (e as NodeJS.ErrnoException).code ?? ''
    const fault = FILE_FAULTS[code] ?? `cannot be read (${code || thrownMessage(e)})`
    throw new UsageError(`build context ${fault}: ${dir}`)
  }
  if (!st.isDirectory()) throw new UsageError(`build context is not a directory: ${dir}`)
}

/**
 * The reader throws DockerfileError for what it rejects; a Dockerfile built to exhaust it (a
 * variable nested thousands deep overflows the recursive word lexer) must still end in one line
 * naming the file rather than a bare "Maximum call stack size exceeded".
 */
function readPlan(text: string, file: string, buildArgs: Record<string, string>): ReadPlan {
  try {
    return readDockerfile(text, { file, buildArgs })
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
  /**
   * The stat cache file (build and check pass one beside the record); null or absent: every file
   * is read, as `hash` does, so `fresh-build hash` stays an independent full read.
   */
  statCache?: string | null
  /**
   * Called with the plan before the walk: a caller validates what depends on the Dockerfile
   * (a --target) and may start slow independent work (asking the daemon) alongside the walk.
   */
  onPlan?: (plan: ReadPlan) => void
}): Promise<Hashed> {
  await checkContextDir(opts.context)
  // The Dockerfile next: it is small, and a parse error should not wait for a big tree walk.
  const plan = readPlan(await readDockerfileText(opts.file), opts.file, opts.buildArgs)
  opts.onPlan?.(plan)
  // Opened before the walk: the cache's horizon must precede every lstat of the scan.
  const cache = opts.statCache ? await StatCache.open(opts.statCache) : null
  let scan: ContextScan
  try {
    scan = await scanContext(opts.context, {
      dockerfile: opts.file,
      ...(cache ? { digester: cache.digester() } : {})
    })
  } catch (e) {
    await cache?.discard()
    throw e
  }
  return {
    scan,
    plan,
    contextHash: hashEntries(scan.entries),
    steps: hashSteps(plan, scan.entries),
    statCache: cache ? await cache.save() : null
  }
}

/** `hash --json` as CONTRACT.md specifies it. */
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
      sources: s.selected
    })),
    warnings: h.plan.warnings.map(w => `line ${w.line}: ${w.message}`)
  }
}
