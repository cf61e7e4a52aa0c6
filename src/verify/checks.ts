/**
 * The checks, pure functions over inspect data and the bytes read: is the container running
 * (and healthy), does it run the build's image, does a mount cover what a context COPY wrote,
 * and does it hold the build's bytes there.
 */
import { posix } from 'node:path'
import type { DeployFacts, RecordedCopy } from '../model.js'
import type { ContainerFacts, ImageFacts, MountFacts } from './facts.js'
import type { PathEntry } from './docker.js'
import type { IndexRelation } from './registry.js'

export type TargetStatus = 'live' | 'old-image' | 'not-running' | 'shadowed' | 'bytes-differ'

/** The build a container should run. */
export interface Expected {
  /** As shown: the image id, or the reference given with `--image`. */
  ref: string
  /** The image id on this daemon; null for a digest reference the daemon does not have. */
  imageId: string | null
  /** `name@sha256:...` given with `--image`: compared with the container image's RepoDigests. */
  digest: string | null
  /** The `registry/name:tag` given with `--image` that the registry resolved to `digest`. */
  resolvedTag: string | null
  /** For a digest in a registry: whether an index and a platform manifest are one image. */
  index: IndexRelation | null
  created: string | null
  /** The tags the build was given: what to deploy. */
  tags: string[]
  /** From the record: where the build's context files went, and their signatures. */
  deploy: DeployFacts | null
  files: Record<string, string> | null
}

/** A container up for less than this after docker restarted it is taken as a restart loop. */
export const SETTLE_MS = 10_000

/**
 * Why a container is not serving, or null when it runs (and its health check, if any, passed).
 * A container docker restarted moments ago is caught between crashes of a restart loop.
 */
export function runningProblem(c: ContainerFacts | null, now: number = Date.now()): string | null {
  if (c === null) return 'no container'
  if (c.restarting) return `restarting (last exit code ${c.exitCode})`
  if (c.paused) return 'paused'
  if (!c.running) {
    const how =
      c.status === 'exited' || c.status === 'dead'
        ? `${c.status} with exit code ${c.exitCode}`
        : c.status || 'not running'
    return c.error ? `${how}: ${c.error}` : how
  }
  const up = now - Date.parse(c.startedAt)
  if (c.restartCount > 0 && up >= 0 && up < SETTLE_MS) {
    return `restarted ${c.restartCount} time(s), up for only ${Math.round(up / 100) / 10}s (a restart loop?)`
  }
  if (c.health === 'unhealthy') return 'running but unhealthy'
  if (c.health === 'starting') return 'running, health check still starting'
  return null
}

/** Repository names compared as docker normalises them (`docker.io/library/x` is `x`). */
function normalRepo(ref: string): string {
  return ref
    .replace(/^docker\.io\/(library\/)?/, '')
    .replace(/^index\.docker\.io\/(library\/)?/, '')
}

/**
 * How the container's image compares with the build: `same` id, `equivalent` (another id with the
 * very layers and runtime config, differing only in the labels each guarded build writes anew, as
 * an unchanged service's rebuild does), or `other`. A digest reference is compared exactly with
 * the image's RepoDigests.
 */
export function imageMatch(
  containerImage: string,
  image: ImageFacts | null,
  expected: Expected,
  expectedImage: ImageFacts | null
): 'same' | 'equivalent' | 'other' {
  if (expected.digest !== null) {
    const want = normalRepo(expected.digest)
    return (image?.repoDigests ?? []).some(d => normalRepo(d) === want) ? 'same' : 'other'
  }
  if (expected.imageId !== null && containerImage === expected.imageId) return 'same'
  if (
    image !== null &&
    expectedImage !== null &&
    image.diffIds.length > 0 &&
    image.diffIds.join() === expectedImage.diffIds.join() &&
    image.runtimeConfig === expectedImage.runtimeConfig
  ) {
    return 'equivalent'
  }
  return 'other'
}

/** A file the build wrote into the image from the context. */
export interface WrittenFile {
  /** Absolute path in the image. */
  path: string
  /** Context path. */
  source: string
  copy: RecordedCopy
  /** `sha256:` the context held (bytes, or a symlink's target), null for a directory. */
  digest: string | null
  /** Changed by the build (every file of a baseline). */
  changed: boolean
}

/** Every path the image's context steps wrote, the last writer winning, with its context digest. */
export function writtenFiles(deploy: DeployFacts, files: Record<string, string>): WrittenFile[] {
  const changed = deploy.changed === null ? null : new Set(deploy.changed)
  const out = new Map<string, WrittenFile>()
  for (const copy of deploy.copies) {
    for (const [path, source] of Object.entries(copy.files)) {
      const [type, , digest] = (files[source] ?? '').split(' ')
      out.set(path, {
        path,
        source,
        copy,
        digest: (type === 'file' || type === 'symlink') && digest && digest !== '-' ? digest : null,
        changed: changed === null || changed.has(source)
      })
    }
  }
  return [...out.values()]
}

const under = (path: string, dir: string): boolean =>
  path === dir || dir === '/' || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`)

/** A mount over paths a context COPY wrote. */
export interface MountCover {
  mount: MountFacts
  copies: RecordedCopy[]
  /** Written paths under the mount. */
  paths: string[]
}

export function coveringMounts(
  mounts: readonly MountFacts[],
  written: readonly WrittenFile[]
): MountCover[] {
  const out: MountCover[] = []
  for (const mount of mounts) {
    const hit = written.filter(f => under(f.path, posix.normalize(mount.destination)))
    if (hit.length === 0) continue
    out.push({ mount, copies: [...new Set(hit.map(f => f.copy))], paths: hit.map(f => f.path) })
  }
  return out
}

/** The innermost mount over a path (docker mounts nest: `/app` then `/app/static`). */
export function mountFor(path: string, mounts: readonly MountFacts[]): MountFacts | null {
  let best: MountFacts | null = null
  for (const m of mounts) {
    const dest = posix.normalize(m.destination)
    if (under(path, dest) && (best === null || dest.length > best.destination.length)) best = m
  }
  return best
}

/**
 * Directories to copy out so every wanted path is read with few `docker cp` calls: each file's
 * COPY destination when it is a directory, else the file itself; never `/` (the whole
 * container), whose files are read one top-level entry at a time.
 */
export function readRoots(files: readonly WrittenFile[]): Map<string, WrittenFile[]> {
  const pick = (f: WrittenFile): string => {
    const dest = posix.normalize(f.copy.dest)
    if (dest !== '/' && f.path !== dest && under(f.path, dest)) return dest
    const top = `/${f.path.split('/')[1] ?? ''}`
    return dest === '/' && top !== f.path ? top : f.path
  }
  const roots = [...new Set(files.map(pick))].sort()
  // A root inside another root is read with it.
  const kept = roots.filter(r => !roots.some(o => o !== r && under(r, o)))
  const out = new Map<string, WrittenFile[]>(kept.map(r => [r, []]))
  for (const f of files) {
    const root = kept.find(r => under(f.path, r))
    if (root !== undefined) out.get(root)?.push(f)
  }
  return out
}

/** A compared file that does not hold the build's bytes in the container. */
export interface FileFinding {
  path: string
  source: string
  /** COPY line that wrote it. */
  line: number
  expected: string
  /** What the container holds: a digest, `missing`, or the entry type. */
  actual: string
  /** The mount it is read through (its destination), or null for the container's own layer. */
  mount: string | null
}

/** Files whose container bytes differ from the context's: candidates, before the image's view. */
export function mismatches(
  files: readonly WrittenFile[],
  read: ReadonlyMap<string, PathEntry>
): { file: WrittenFile; actual: string }[] {
  const out: { file: WrittenFile; actual: string }[] = []
  for (const f of files) {
    if (f.digest === null) continue
    const got = read.get(f.path)
    if (got?.digest === f.digest) continue
    out.push({ file: f, actual: got === undefined ? 'missing' : (got.digest ?? got.type) })
  }
  return out
}

/**
 * Keeps the mismatches the image itself does not explain: a path a later step rewrote or
 * removed holds other bytes in the image, so the context's bytes are not what the container
 * should hold there and the file is not compared.
 */
export function findings(
  candidates: readonly { file: WrittenFile; actual: string }[],
  image: ReadonlyMap<string, PathEntry | null>,
  mounts: readonly MountFacts[]
): FileFinding[] {
  return candidates
    .filter(({ file }) => image.get(file.path)?.digest === file.digest)
    .map(({ file, actual }) => ({
      path: file.path,
      source: file.source,
      line: file.copy.line,
      expected: file.digest as string,
      actual,
      mount: mountFor(file.path, mounts)?.destination ?? null
    }))
}

/** One mount as reported: what it covers and whether it holds other files than the build's. */
export interface MountReport {
  type: string
  name: string | null
  source: string | null
  destination: string
  anonymous: boolean
  /** The COPY destinations it covers (`line N: dest`). */
  covers: { line: number; instruction: string; dest: string }[]
  shadowing: boolean
  /** Why it shadows, when it does. */
  reason: string | null
}

/**
 * A mount over a COPY destination shadows the build when the container sees other bytes
 * through it than the build wrote (a volume that kept an earlier build's files), or always for
 * tmpfs: it starts empty, and `docker cp` reads the image beneath it, not the tmpfs.
 */
export function mountReports(
  covers: readonly MountCover[],
  found: readonly FileFinding[]
): MountReport[] {
  return covers.map(({ mount, copies, paths }) => {
    const stale = found.filter(f => f.mount === mount.destination)
    const tmpfs = mount.type === 'tmpfs'
    const reason = tmpfs
      ? `a tmpfs starts empty: it hides ${paths.length} file(s) the build copied there`
      : stale.length > 0
        ? `${stale.length} file(s) under it are not the build's: ${stale
            .slice(0, 5)
            .map(f => f.path)
            .join(', ')}${stale.length > 5 ? ', ...' : ''}`
        : null
    return {
      type: mount.type,
      name: mount.name,
      source: mount.source,
      destination: mount.destination,
      anonymous: mount.anonymous,
      covers: copies.map(c => ({ line: c.line, instruction: c.instruction, dest: c.dest })),
      shadowing: reason !== null,
      reason
    }
  })
}

/** The first cause in order of what to fix first; `live` when there is none. */
export function statusOf(p: {
  notRunning: boolean
  oldImage: boolean
  shadowed: boolean
  bytesDiffer: boolean
}): TargetStatus {
  if (p.notRunning) return 'not-running'
  if (p.oldImage) return 'old-image'
  if (p.shadowed) return 'shadowed'
  if (p.bytesDiffer) return 'bytes-differ'
  return 'live'
}
