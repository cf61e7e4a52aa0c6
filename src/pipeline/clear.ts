import { lstat, realpath, rm } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
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
import { UsageError } from './options.js'
import { errorMessage } from './errors.js'

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
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

/**
 * Where a clear path really is. Its parent is resolved through symlinks (so `link/x` with `link`
 * pointing outside is refused) but the last component is not: a symlink is removed as a link,
 * never followed. Refuses `/`, the root itself, and anything outside the root.
 */
export async function resolveClearPath(root: string, p: string): Promise<string> {
  if (p.trim() === '' || p.includes('\0'))
    throw new UsageError(`clear path "${p}" is empty or invalid`)
  const realRoot = await realpath(root)
  const abs = resolve(realRoot, p)
  if (abs === '/' || !inside(realRoot, abs)) {
    throw new UsageError(`clear path "${p}" is outside ${root}: refused`)
  }
  let parent: string
  try {
    parent = await realpath(dirname(abs))
  } catch {
    return abs // the parent does not exist, so neither does the path
  }
  const target = join(parent, basename(abs))
  if (!inside(realRoot, target)) {
    throw new UsageError(`clear path "${p}" leads outside ${root} through a symlink: refused`)
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
  // Validate every path before touching anything.
  const targets = await Promise.all(opts.paths.map(p => resolveClearPath(opts.root, p)))
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

  const statePath =
    opts.state ??
    defaultStatePath({ context: opts.context, file: opts.file, target: opts.target, env: io.env })
  const recordReset = await rm(statePath).then(
    () => true,
    () => false
  )
  io.progress(recordReset ? `record reset: ${statePath}` : `no record at ${statePath}`)
  return {
    verdict: 'cleared',
    pruned,
    reclaimedBytes: pruned.reclaimedBytes,
    removedPaths,
    missingPaths,
    recordReset,
    statePath,
    warnings
  }
}
