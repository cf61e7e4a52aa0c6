import { constants } from 'node:fs'
import { lstat, open, readlink, realpath } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import {
  errCode,
  type Identity,
  identityOf,
  removeChecked,
  strictlyInside,
  writableFolder
} from '../util/index.js'
import {
  clearCommands,
  detectBuilder,
  dockerClient,
  dockerExec,
  runPrune,
  type DockerExec
} from '../docker/index.js'
import type { PruneResult } from '../model.js'
import { recordPathOf } from '../record/index.js'
import { STAT_CACHE_MAGIC, statCachePathFor } from '../context/index.js'
import {
  BUILD_LOG_MAGIC,
  buildLogPathFor,
  clientFactsPath,
  parseClientFacts
} from '../docker/index.js'
import { builderStampPath, parseStamp } from './cure.js'
import { UsageError } from './options.js'
import { errorMessage } from './errors.js'
import {
  deleteCacheRefs,
  parseCacheRefs,
  prepareCacheDeletion,
  type RegistryCacheReport
} from '../registry/index.js'
import {
  ActionsCacheError,
  type ActionsCacheReport,
  type ActionsCacheTarget,
  clearActionsCaches
} from '../github/index.js'

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
  /** Registry cache references to delete through the registry API (tags or digests). */
  registryCache?: string[]
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
  /** What was deleted from registries; null when none was named. */
  registryCache: RegistryCacheReport | null
  /** What the Actions cache clear deleted; null when none was asked for. */
  actionsCache: ActionsCacheReport | null
}

/** A clear path as checked: where it is, and what was there (null: nothing). */
interface CheckedPath {
  /** As the user gave it, for reports. */
  given: string
  abs: string
  /** The real root the path was checked against (the trash folder goes there). */
  realRoot: string
  found: Identity | null
}

/**
 * Where a clear path really is. Its parent is resolved through symlinks (so `link/x` with `link`
 * pointing outside is refused) but the last component is not: a symlink is removed as a link,
 * never followed, and refused when it points outside the root. Refuses `/`, the root itself,
 * and anything outside the root.
 */
export async function resolveClearPath(root: string, p: string): Promise<string> {
  return (await checkClearPath(root, p)).abs
}

async function checkClearPath(root: string, p: string): Promise<CheckedPath> {
  if (p.trim() === '' || p.includes('\0'))
    throw new UsageError(`clear path "${p}" is empty or invalid`)
  const realRoot = await realpath(root).catch(() => {
    throw new UsageError(
      `clear: the directory ${root} does not exist, so no path in it can be cleared`
    )
  })
  if (realRoot === '/') {
    throw new UsageError(`clear: ${root} is the file system root, which cannot contain clear paths`)
  }
  const abs = resolve(realRoot, p)
  if (abs === '/' || !strictlyInside(realRoot, abs)) {
    throw new UsageError(`clear path "${p}" is outside ${root}: refused`)
  }
  let parent: string
  try {
    parent = await realpath(dirname(abs))
  } catch {
    // The parent does not exist, so neither does the path.
    return { given: p, abs, realRoot, found: null }
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
  const st = await lstat(target).catch(() => null)
  return { given: p, abs: target, realRoot, found: st ? identityOf(st) : null }
}

/** The same path checked again leads to the same entry (or still to nothing). */
function sameCheck(a: CheckedPath, b: CheckedPath): boolean {
  if (a.abs !== b.abs) return false
  if (a.found === null || b.found === null) return a.found === b.found
  return a.found.dev === b.found.dev && a.found.ino === b.found.ino
}

/** Everything runClear checks before it changes anything. */
interface ClearPlan {
  targets: CheckedPath[]
  statePath: string
  ownFiles: { files: OwnFile[]; warnings: string[] }
  cacheRefs: ReturnType<typeof parseCacheRefs>
  registries: Awaited<ReturnType<typeof prepareCacheDeletion>> | null
  exec: DockerExec
  commands: string[][]
  warnings: string[]
}

type ClearIo = { progress: (line: string) => void; env: NodeJS.ProcessEnv; exec?: DockerExec }

/**
 * The workflow_dispatch cache clear: prune the builder (all records, or by filter), delete host
 * cache paths, reset the record. Builder records only: never volumes, containers or images.
 *
 * Everything is checked before the prune (a bad path or a foreign file is an error before
 * anything changed) and checked again after it, since the prune can take minutes; each deletion
 * then goes through removeChecked, which cannot follow a folder swapped after the last check.
 */
export async function runClear(opts: ClearOptions, io: ClearIo): Promise<ClearReport> {
  const plan = await planClear(opts, io)
  const actionsCache = await clearActionsCacheFirst(opts, io)
  const pruned = await pruneBuilder(plan, opts, io.progress)
  await recheckAfterPrune(plan, opts.root)
  const { removedPaths, missingPaths } = await removePaths(plan.targets, io.progress)
  const registryCache = plan.registries
    ? await deleteCacheRefs(plan.cacheRefs, plan.registries, io.progress)
    : null
  const recordReset = await resetRecord(plan.ownFiles.files, plan.statePath, io.progress)
  return {
    verdict: 'cleared',
    pruned,
    reclaimedBytes: pruned.reclaimedBytes,
    removedPaths,
    missingPaths,
    recordReset,
    statePath: plan.statePath,
    warnings: plan.warnings,
    registryCache,
    actionsCache
  }
}

const checkPaths = (root: string, paths: readonly string[]): Promise<CheckedPath[]> =>
  Promise.all(paths.map(p => checkClearPath(root, p)))

/** The checks before anything changes: paths, own files, registries, the builder and its commands. */
async function planClear(opts: ClearOptions, io: ClearIo): Promise<ClearPlan> {
  const targets = await checkPaths(opts.root, opts.paths)
  const statePath = recordPathOf(opts, io.env)
  const ownFiles = await checkOwnFiles(statePath)
  // Registries are asked (reachable, deletes on) before anything is pruned or deleted.
  const cacheRefs = parseCacheRefs(opts.registryCache ?? [])
  const registries = cacheRefs.length > 0 ? await prepareCacheDeletion(cacheRefs, io.env) : null
  const exec = io.exec ?? dockerExec(dockerClient({ dockerPath: opts.docker, env: io.env }))
  const host = await detectBuilder(exec, io.env)
  const warnings = [...host.warnings, ...ownFiles.warnings]
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
  return { targets, statePath, ownFiles, cacheRefs, registries, exec, commands, warnings }
}

/**
 * The Actions cache goes first, after every local check and before anything local is deleted:
 * it is the step a token or a rate limit can refuse, and a refusal then leaves the builder
 * cache, the paths and the record exactly as they were (no half-done clear).
 */
async function clearActionsCacheFirst(
  opts: ClearOptions,
  io: ClearIo
): Promise<ActionsCacheReport | null> {
  if (!opts.actionsCache) return null
  return clearActionsCaches(opts.actionsCache, io).catch((e: unknown) => {
    if (!(e instanceof ActionsCacheError)) throw e
    throw new ActionsCacheError(
      `${e.message}; the builder cache, the paths and the record were left as they were`,
      e.status
    )
  })
}

async function pruneBuilder(
  plan: ClearPlan,
  opts: ClearOptions,
  progress: (line: string) => void
): Promise<PruneResult> {
  progress(`pruning the builder cache: ${plan.commands.map(c => c.join(' ')).join('; ')}`)
  const policy = opts.all ? 'all' : opts.filters.length > 0 ? 'filter' : 'unused'
  const pruned = await runPrune(plan.exec, policy, plan.commands)
  if (!pruned.done) throw new Error(`builder prune failed: ${pruned.note ?? 'unknown error'}`)
  return pruned
}

/** The prune took a while: every path and own file must still be what it was. */
async function recheckAfterPrune(plan: ClearPlan, root: string): Promise<void> {
  const again = await checkPaths(
    root,
    plan.targets.map(t => t.given)
  ).catch((e: unknown) => {
    throw new UsageError(
      `a clear path changed while the builder was pruned: ${errorMessage(e)}; no path deleted`
    )
  })
  for (const [i, t] of plan.targets.entries()) {
    const now = again[i] as CheckedPath
    if (!sameCheck(t, now)) {
      throw new UsageError(
        `clear path "${t.given}" changed while the builder was pruned (now ${now.abs}): refused, no path deleted`
      )
    }
  }
  const ownAgain = await checkOwnFiles(plan.statePath)
  for (const [i, f] of plan.ownFiles.files.entries()) {
    const now = ownAgain.files[i]
    if (now?.path !== f.path || !sameIdentity(now.found, f.found)) {
      throw new UsageError(
        `clear: ${f.path} changed while the builder was pruned: refused, the record is not reset`
      )
    }
  }
}

async function removePaths(
  targets: readonly CheckedPath[],
  progress: (line: string) => void
): Promise<{ removedPaths: string[]; missingPaths: string[] }> {
  const removedPaths: string[] = []
  const missingPaths: string[] = []
  for (const t of targets) {
    if (t.found === null) {
      missingPaths.push(t.given)
      continue
    }
    progress(`removing ${t.abs}`)
    if (await removeChecked(t.abs, t.found, t.realRoot, `clear path "${t.given}"`))
      removedPaths.push(t.given)
    else missingPaths.push(t.given)
  }
  return { removedPaths, missingPaths }
}

/** Removes the record and its companions that are the tool's own; true when the record went. */
async function resetRecord(
  files: readonly OwnFile[],
  statePath: string,
  progress: (line: string) => void
): Promise<boolean> {
  let recordReset = false
  for (const f of files) {
    if (f.found === null || !f.ours) continue
    const removed = await removeChecked(f.path, f.found, f.dir, f.path).catch((e: unknown) => {
      throw new UsageError(`clear: ${f.path} could not be removed: ${errorMessage(e)}`)
    })
    if (f.kind === 'record') recordReset = removed
  }
  progress(recordReset ? `record reset: ${statePath}` : `no record at ${statePath}`)
  return recordReset
}

function sameIdentity(a: Identity | null, b: Identity | null): boolean {
  if (a === null || b === null) return a === b
  return a.dev === b.dev && a.ino === b.ino
}

/** The record or one of its companions, as checked. */
interface OwnFile {
  kind: 'record' | 'stat cache' | 'build log' | 'builder state' | 'client facts'
  path: string
  /** The real directory it is in (where its trash folder goes). */
  dir: string
  found: Identity | null
  /** Shown to be the tool's own file, so it may be deleted. */
  ours: boolean
}

/**
 * The record file named by --state / the state-file input may be any path, and so may its
 * companions (`<state>.stat-cache`, `<state>.build.log`, the re-send cure's
 * `<state>.builder-state`, the probe's `<state>.docker-client`): each is deleted only when it
 * shows it is the tool's (a record's `version` and `contextHash`, the stat cache's and log's
 * first-line magic, a builder state's or client facts' whole JSON shape).
 * Something that is not a regular file there, or a record that is not a record, is an error
 * before anything is pruned; a foreign regular companion is left alone with a warning. Missing
 * files are fine (nothing to reset). Reads never follow a symlink at the last component.
 */
export async function checkRecordFile(path: string): Promise<void> {
  await checkOwnFiles(path)
}

async function checkOwnFiles(statePath: string): Promise<{ files: OwnFile[]; warnings: string[] }> {
  const warnings: string[] = []
  const files: OwnFile[] = []
  const wanted: [OwnFile['kind'], string][] = [
    ['record', statePath],
    ['stat cache', statCachePathFor(statePath)],
    ['build log', buildLogPathFor(statePath)],
    ['builder state', builderStampPath(statePath)],
    ['client facts', clientFactsPath(statePath)]
  ]
  for (const [kind, path] of wanted) {
    const refuse = (why: string): never => {
      throw new UsageError(
        `clear: ${path} ${why}, so it is not ${kind === 'record' ? 'reset' : 'removed'}; remove it yourself if it is`
      )
    }
    const dir = await realpath(dirname(path)).catch(() => null)
    const st = dir === null ? null : await lstat(join(dir, basename(path))).catch(() => null)
    if (dir === null || st === null) {
      files.push({ kind, path, dir: dir ?? dirname(path), found: null, ours: false })
      continue
    }
    if (!st.isFile()) refuse('is not a regular file')
    const whole = kind === 'record' || kind === 'builder state' || kind === 'client facts'
    const head = await readHead(join(dir, basename(path)), whole ? Infinity : 4096)
    const ours =
      kind === 'record'
        ? looksLikeRecord(head)
        : kind === 'builder state'
          ? parseStamp(head) !== null
          : kind === 'client facts'
            ? parseClientFacts(head) !== null
            : head.startsWith(kind === 'stat cache' ? `${STAT_CACHE_MAGIC} ` : BUILD_LOG_MAGIC)
    if (!ours && kind === 'record') {
      refuse('does not look like a fresh-build record (no JSON with version and contextHash)')
    }
    if (!ours) {
      warnings.push(
        `${path} is not a fresh-build ${kind} (${kind === 'builder state' || kind === 'client facts' ? 'not its JSON' : 'no header'}): left in place`
      )
    } else {
      // Deleting needs a writable folder: tried now, before the prune rather than after it.
      const fault = await writableFolder(dir)
      if (fault !== null) refuse(`cannot be removed (its folder is not writable: ${fault})`)
    }
    files.push({ kind, path, dir, found: identityOf(st), ours })
  }
  return { files, warnings }
}

/** The whole record, or a companion's first bytes (its magic line). Never follows a symlink. */
async function readHead(path: string, max: number): Promise<string> {
  let fh
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (e) {
    throw new UsageError(`clear: ${path} cannot be read (${errCode(e) ?? 'error'})`)
  }
  try {
    if (max === Infinity) return await fh.readFile('utf8')
    const buf = Buffer.alloc(max)
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    return buf.subarray(0, bytesRead).toString('utf8')
  } finally {
    await fh.close()
  }
}

function looksLikeRecord(text: string): boolean {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return false
  }
  return typeof value === 'object' && value !== null && 'version' in value && 'contextHash' in value
}
