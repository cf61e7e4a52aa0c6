import { lstat, readFile, readlink, realpath, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { strictlyInside } from '../util/paths.js'
import {
  clearCommands,
  detectBuilder,
  dockerClient,
  dockerExec,
  runPrune,
  type DockerExec
} from '../docker/index.js'
import type { PruneResult } from '../model.js'
import { defaultStatePath } from '../record/index.js'
import { statCachePathFor } from '../context/statcache.js'
import { UsageError } from './options.js'
import { errorMessage } from './errors.js'
import {
  ActionsCacheError,
  clearActionsCaches,
  type ActionsCacheReport,
  type ActionsCacheTarget
} from '../github/caches.js'

export interface ClearOptions {
  /** Paths are resolved against and must stay inside this directory (the context, or the workspace). */
  root: string
  context: string
  file: string
  target?: string
  state: string | null
  all: boolean
  paths: string[]
  filters: string[]
  docker: string
  /** The repository's GitHub Actions cache entries to delete too (clear mode on GitHub). */
  actionsCache?: ActionsCacheTarget | null
}

export interface ClearReport {
  verdict: 'cleared'
  pruned: PruneResult
  reclaimedBytes: number
  removedPaths: string[]
  /** Paths that did not exist (nothing to do). */
  missingPaths: string[]
  recordReset: boolean
  statePath: string
  warnings: string[]
  /** What the Actions cache clear deleted; null when none was asked for. */
  actionsCache: ActionsCacheReport | null
}

/**
 * Where a clear path really is. Its parent is resolved through symlinks (so `link/x` with `link`
 * pointing outside is refused) but the last component is not: a symlink is removed as a link,
 * never followed, and refused when it points outside the root. Refuses `/`, the root itself,
 * and anything outside the root.
 */
export async function resolveClearPath(root: string, p: string): Promise<string> {
  if (p.trim() === '' || p.includes('\0'))
    throw new UsageError(`clear path "${p}" is empty or invalid`)
  const realRoot = await realpath(root).catch(() => {
    throw new UsageError(
      `clear: the directory ${root} does not exist, so no path in it can be cleared`
    )
  })
  const abs = resolve(realRoot, p)
  if (abs === '/' || !strictlyInside(realRoot, abs)) {
    throw new UsageError(`clear path "${p}" is outside ${root}: refused`)
  }
  let parent: string
  try {
    parent = await realpath(dirname(abs))
  } catch {
    return abs // the parent does not exist, so neither does the path
  }
  const target = join(parent, basename(abs))
  if (!strictlyInside(realRoot, target)) {
    throw new UsageError(`clear path "${p}" leads outside ${root} through a symlink: refused`)
  }
  // Removing a link would not touch its target, but a user naming a link to a cache outside
  // expects that cache cleared: refuse rather than silently do something else.
  const link = await readlink(target).catch(() => null)
  if (link !== null) {
    const dest = resolve(parent, link)
    const real = await realpath(dest).catch(() => dest)
    if (!strictlyInside(realRoot, real)) {
      throw new UsageError(`clear path "${p}" is a symlink to ${real}, outside ${root}: refused`)
    }
  }
  return target
}

/**
 * The workflow_dispatch cache clear: prune the builder (all records, or by filter), delete host
 * cache paths, reset the record. Builder records only: never volumes, containers or images.
 */
export async function runClear(
  opts: ClearOptions,
  io: { progress: (line: string) => void; env: NodeJS.ProcessEnv; exec?: DockerExec }
): Promise<ClearReport> {
  // Validate every path, and the record to reset, before touching anything.
  const targets = await Promise.all(opts.paths.map(p => resolveClearPath(opts.root, p)))
  const statePath =
    opts.state ??
    defaultStatePath({ context: opts.context, file: opts.file, target: opts.target, env: io.env })
  await checkRecordFile(statePath)
  const exec = io.exec ?? dockerExec(dockerClient({ dockerPath: opts.docker, env: io.env }))
  const host = await detectBuilder(exec, io.env)
  const warnings = [...host.warnings]
  let commands: string[][]
  try {
    commands = clearCommands(host.kind, { all: opts.all, filters: opts.filters })
  } catch (e) {
    throw new UsageError(errorMessage(e))
  }
  if (host.kind === 'legacy') {
    warnings.push(
      'legacy builder: its layer cache lives in images, which clear never removes; the next build should pass --no-cache'
    )
  }
  // The Actions cache goes first, after every local check and before anything local is
  // deleted: it is the step a token or a rate limit can refuse, and a refusal then leaves the
  // builder cache, the paths and the record exactly as they were (no half-done clear).
  const actionsCache = opts.actionsCache
    ? await clearActionsCaches(opts.actionsCache, io).catch((e: unknown) => {
        if (!(e instanceof ActionsCacheError)) throw e
        throw new ActionsCacheError(
          `${e.message}; the builder cache, the paths and the record were left as they were`,
          e.status
        )
      })
    : null
  io.progress(`pruning the builder cache: ${commands.map(c => c.join(' ')).join('; ')}`)
  const pruned = await runPrune(exec, opts.all ? 'all' : 'source', commands)
  if (!pruned.done) throw new Error(`builder prune failed: ${pruned.note ?? 'unknown error'}`)

  const removedPaths: string[] = []
  const missingPaths: string[] = []
  for (const [i, t] of targets.entries()) {
    const exists = await lstat(t).then(
      () => true,
      () => false
    )
    if (!exists) {
      missingPaths.push(opts.paths[i] as string)
      continue
    }
    io.progress(`removing ${t}`)
    await rm(t, { recursive: true, force: true })
    removedPaths.push(opts.paths[i] as string)
  }

  const recordReset = await rm(statePath).then(
    () => true,
    () => false
  )
  // The record's companions go with it: the stat cache (digests keyed on file metadata) and the
  // last build log. Named from the record's own path, so nothing else can be reached.
  for (const companion of [statCachePathFor(statePath), `${statePath}.build.log`]) {
    await rm(companion, { force: true })
  }
  io.progress(recordReset ? `record reset: ${statePath}` : `no record at ${statePath}`)
  return {
    verdict: 'cleared',
    pruned,
    reclaimedBytes: pruned.reclaimedBytes,
    removedPaths,
    missingPaths,
    recordReset,
    statePath,
    warnings,
    actionsCache
  }
}

/**
 * The record file named by --state / the state-file input may be any path: delete it only when
 * it is a fresh-build record (JSON with its `version` and `contextHash`), even a malformed one,
 * never somebody else's file. A missing file is fine (nothing to reset).
 */
export async function checkRecordFile(path: string): Promise<void> {
  const st = await lstat(path).catch(() => null)
  if (st === null) return
  const refuse = (why: string): never => {
    throw new UsageError(`clear: ${path} ${why}, so it is not reset; remove it yourself if it is`)
  }
  if (!st.isFile()) refuse('is not a regular file')
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    refuse('does not look like a fresh-build record (not JSON)')
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    !('version' in value) ||
    !('contextHash' in value)
  ) {
    refuse('does not look like a fresh-build record (no version and contextHash)')
  }
}
