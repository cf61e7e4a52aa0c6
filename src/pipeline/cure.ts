/**
 * The cure for stale context bytes: re-send what changed instead of pruning the whole context.
 *
 * BuildKit's client re-sends a context file only when its size, mtime, mode, owner (or link
 * target) differ from the copy the builder keeps in its `source.local` record. When that copy is
 * the bytes of the guard's record, the only files that can be stale are the ones whose bytes
 * changed since the record; giving just those a new mtime makes the client re-send exactly them.
 * Whether the builder's copy IS the record's bytes is checked, not assumed: after each build the
 * guard keeps, beside the record, the `source.local` records its build used (ID, usage count,
 * last-used time); any other build that synced into them since moves those numbers, and then the
 * whole record is pruned as before. docs/resend-cure.md has the argument and the experiment.
 */
import { createHash, randomBytes } from 'node:crypto'
import { lstat, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { BuildRecord, ContextEntry, PrunePolicy, PruneResult } from '../model.js'
import {
  type BuilderKind,
  type DockerExec,
  listLocalSources,
  type LocalSource,
  prune,
  sameUse,
  usedBetween
} from '../docker/index.js'
import { findIgnoreFile } from '../context/index.js'
import { errCode } from '../util/index.js'

export type SourceListing = { sources: LocalSource[] } | { error: string }

/** What the guard saw of the builder right after its last build, kept beside the record. */
export interface BuilderStamp {
  version: 1
  /** The record this state belongs to: `contextHash builtAt` of the record written with it. */
  record: string
  /** sha256 of the Dockerfile and the ignore file as that build sent them, by absolute path. */
  controls: Record<string, string>
  /** The `source.local` records that build (and only builds of that run) used. */
  sources: LocalSource[]
}

/** Where the stamp of a record lives: beside it, like the stat cache. */
export function builderStampPath(recordPath: string): string {
  return `${recordPath}.builder-state`
}

export function recordBinding(r: Pick<BuildRecord, 'contextHash' | 'builtAt'>): string {
  return `${r.contextHash} ${r.builtAt}`
}

/** The stamp at `path`, or null when it is missing or unusable (then the record cannot vouch). */
export async function readStamp(path: string): Promise<BuilderStamp | null> {
  const text = await readFile(path, 'utf8').catch(() => null)
  return text === null ? null : parseStamp(text)
}

/** A stamp's text as writeStamp wrote it, or null for anything else (clear deletes only that). */
export function parseStamp(text: string): BuilderStamp | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  if (v.version !== 1 || typeof v.record !== 'string' || !Array.isArray(v.sources)) return null
  const controls = v.controls
  if (typeof controls !== 'object' || controls === null || Array.isArray(controls)) return null
  if (!Object.values(controls).every(d => typeof d === 'string')) return null
  const sources = v.sources as unknown[]
  const ok = sources.every(s => {
    const o = s as Partial<LocalSource> | null
    return (
      typeof o === 'object' &&
      o !== null &&
      typeof o.id === 'string' &&
      typeof o.description === 'string' &&
      typeof o.lastUsed === 'string' &&
      Number.isSafeInteger(o.usage)
    )
  })
  if (!ok) return null
  return {
    version: 1,
    record: v.record,
    controls: controls as Record<string, string>,
    sources: sources as LocalSource[]
  }
}

/** Replaces the stamp (temp file and rename; a torn file fails to parse and counts as none). */
export async function writeStamp(path: string, stamp: BuilderStamp): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(tmp, `${JSON.stringify(stamp)}\n`, { mode: 0o644, flag: 'wx' })
    await rename(tmp, path)
  } catch (e) {
    await rm(tmp, { force: true })
    throw e
  }
}

export async function removeStamp(path: string): Promise<void> {
  await rm(path, { force: true })
}

/** sha256 of the Dockerfile and of the ignore file BuildKit will read, by absolute path. */
export async function controlDigests(
  context: string,
  dockerfile: string
): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const files = [resolve(dockerfile), await findIgnoreFile(context, dockerfile)]
  for (const file of files) {
    if (file === null) continue
    const bytes = await readFile(file).catch(() => null)
    if (bytes !== null) out[file] = createHash('sha256').update(bytes).digest('hex')
  }
  return out
}

export interface CurePlanInput {
  kind: BuilderKind
  policy: PrunePolicy
  previous: BuildRecord | null
  stamp: BuilderStamp | null
  /** The daemon's `source.local` records now. */
  listing: SourceListing | null
}

/** Re-send the changed files, or fall back to the prune, and why. */
export type CureChoice =
  | { action: 'resend' }
  | {
      action: 'fallback'
      reason: string
      /**
       * The stamp of this very record shows another build used (or removed) the builder's
       * copy since: it may hold other bytes even where the context equals the record.
       */
      usedOutside: boolean
    }

/**
 * Pure: may this build re-send only the changed files? Only with the default `source` policy on
 * the daemon's own BuildKit (whose records `docker system df` lists; a buildx builder may be a
 * container with records of its own), with a record, a stamp written with that very record, and
 * every record the stamped build used unused since.
 */
export function chooseCure(input: CurePlanInput): CureChoice {
  const prune = (reason: string, usedOutside = false): CureChoice => ({
    action: 'fallback',
    reason,
    usedOutside
  })
  if (input.policy !== 'source') return prune(`policy ${input.policy}`)
  if (input.kind !== 'buildkit') return prune(`the ${input.kind} builder's records are not listed`)
  if (input.previous === null) return prune('no record')
  const stamp = input.stamp
  if (stamp === null) return prune('no builder state kept with the record')
  if (stamp.record !== recordBinding(input.previous)) {
    return prune('the builder state kept belongs to another record')
  }
  if (!stamp.sources.some(s => s.description.endsWith(' context'))) {
    return prune('the builder state kept names no context record')
  }
  const listing = input.listing
  if (listing === null || 'error' in listing) {
    return prune(`the builder's records cannot be listed${listing ? ` (${listing.error})` : ''}`)
  }
  const now = new Map(listing.sources.map(s => [s.id, s]))
  for (const s of stamp.sources) {
    const cur = now.get(s.id)
    if (cur === undefined) return prune(`the builder's record ${s.id} is gone`, true)
    if (!sameUse(s, cur)) {
      return prune(
        `the builder's record ${s.id} was used outside this guard since its last build (usage ${s.usage} -> ${cur.usage})`,
        true
      )
    }
  }
  return { action: 'resend' }
}

/**
 * Context files whose bytes (or type or mode) differ from the record, plus a Dockerfile or
 * ignore file that differs from the stamp: the files to re-send. Regular files only: the client
 * compares a symlink's target and every entry's mode itself.
 */
export function filesToResend(
  context: string,
  entries: readonly ContextEntry[],
  files: Readonly<Record<string, string>>,
  previous: BuildRecord,
  controlsNow: Readonly<Record<string, string>>,
  stamp: BuilderStamp
): string[] {
  const out = new Set<string>()
  for (const e of entries) {
    if (e.type !== 'file') continue
    const before = Object.hasOwn(previous.files, e.path) ? previous.files[e.path] : undefined
    if (before !== files[e.path]) out.add(join(context, e.path))
  }
  for (const [file, digest] of Object.entries(controlsNow)) {
    if (stamp.controls[file] !== digest) out.add(file)
  }
  return [...out]
}

/**
 * Gives each file a modification time the builder's copy cannot have: later than both this
 * run's clock and the file's own mtime (by a millisecond, far above the microsecond a double
 * of seconds resolves), so the client's size+mtime comparison sees a change. The access time is
 * kept. Throws on the first file that cannot be touched: then the caller prunes instead.
 */
export async function touchForResend(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const st = await lstat(path)
    if (!st.isFile()) continue
    const ms = Math.max(Date.now(), st.mtimeMs) + 1
    await utimes(path, st.atime, ms / 1000)
  }
}

export interface CureStageInput {
  exec: DockerExec
  kind: BuilderKind
  policy: PrunePolicy
  previous: BuildRecord | null
  /** The context hash differs from the record's (or there is none). */
  diverged: boolean
  statePath: string
  context: string
  dockerfile: string
  entries: readonly ContextEntry[]
  files: Readonly<Record<string, string>>
  listing: SourceListing | null
  say: (line: string) => void
}

export interface CureResult {
  pruned: PruneResult | null
  /** Files given a new mtime so the client re-sends them; null when none were. */
  resent: string[] | null
  /**
   * After this build the builder's context copy will be the current context: a full re-send
   * (a completed prune) or a stamp that vouched plus the re-send of what changed. Only then
   * may a new stamp be kept; otherwise an unvouched copy would be laundered into a vouched one.
   */
  vouched: boolean
}

/**
 * The prune stage of a build: re-send only the changed files when the stamp vouches for the
 * builder's copy, otherwise prune by the policy as before (only when the context diverged). The
 * stamp is removed first: a run that dies or ends stale leaves none, so the next run prunes.
 */
export async function cureStage(input: CureStageInput): Promise<CureResult> {
  const stampPath = builderStampPath(input.statePath)
  const stamp = input.policy === 'never' ? null : await readStamp(stampPath)
  await removeStamp(stampPath)
  if (input.policy === 'never') return { pruned: null, resent: null, vouched: false }
  const choice = chooseCure({ ...input, stamp })
  if (choice.action === 'resend' && input.previous && stamp) {
    const controls = await controlDigests(input.context, input.dockerfile)
    const paths = filesToResend(
      input.context,
      input.entries,
      input.files,
      input.previous,
      controls,
      stamp
    )
    try {
      await touchForResend(paths)
      if (paths.length > 0 || input.diverged) {
        input.say(
          `re-sending ${paths.length} changed file(s) instead of pruning: the builder's context copy is the one the last guarded build left`
        )
      }
      return { pruned: null, resent: paths, vouched: true }
    } catch (e) {
      input.say(`cannot mark the changed files for re-sending (${errCode(e) ?? String(e)})`)
      if (!input.diverged) return { pruned: null, resent: null, vouched: false }
    }
  } else if (choice.action === 'fallback' && input.diverged && input.policy === 'source') {
    input.say(`pruning, not re-sending: ${choice.reason}`)
  }
  // Unchanged since the record, yet the builder's copy was synced by another build since: that
  // build may have left other bytes under the same size and mtime (an edit it saw, reverted
  // with the mtime kept), which no comparison with the record can see.
  const outside = choice.action === 'fallback' && choice.usedOutside
  if (!input.diverged && outside) input.say(`the context equals the record, but ${choice.reason}`)
  if (!input.diverged && !outside) return { pruned: null, resent: null, vouched: false }
  input.say(`pruning the builder cache (policy ${input.policy})`)
  const pruned = await prune(input.exec, input.policy, input.kind)
  input.say(
    pruned.done
      ? `pruned: ${pruned.reclaimedBytes} bytes reclaimed`
      : `not pruned: ${pruned.note ?? ''}`
  )
  return { pruned, resent: null, vouched: pruned.done && input.kind === 'buildkit' }
}

/**
 * After the run's builds: keeps which `source.local` records they used, bound to the record just
 * written, so the next run can tell whether anything else used them since. Best effort: no stamp
 * only means the next diverged build prunes.
 */
export async function keepBuilderState(input: {
  statePath: string
  record: Pick<BuildRecord, 'contextHash' | 'builtAt'>
  context: string
  dockerfile: string
  before: SourceListing | null
  after: SourceListing | null
}): Promise<void> {
  const path = builderStampPath(input.statePath)
  const { before, after } = input
  if (!before || 'error' in before || !after || 'error' in after) return removeStamp(path)
  const sources = usedBetween(before.sources, after.sources)
  if (!sources.some(s => s.description.endsWith(' context'))) return removeStamp(path)
  await writeStamp(path, {
    version: 1,
    record: recordBinding(input.record),
    controls: await controlDigests(input.context, input.dockerfile),
    sources
  })
}

export { listLocalSources }
