/**
 * What a COPY/ADD step really wrote for a changed context path, so the proof compares like with
 * like (issue 12, classes 3 and 8). BuildKit, verified on 20.10:
 *   - a source path that is, or passes through, a symlink is followed: `COPY linkdir/ /dst/`
 *     copies the target directory's contents, `COPY link.txt /app/` writes a regular file
 *     `/app/link.txt` holding the target's bytes and mode;
 *   - ADD unpacks a local source that IS an archive by its bytes (a tar named `.bin` is
 *     unpacked, a text file named `.tar` is copied), into the destination as a directory, with
 *     the members' modes; symlinks inside a copied directory stay symlinks.
 */
import { createGunzip } from 'node:zlib'
import { open, readFile } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { Readable } from 'node:stream'
import { createHash } from 'node:crypto'
import tar, { type Header } from 'tar-stream'
import type { ContextEntry } from '../model.js'
import {
  destinationFor,
  resolveLinks,
  sourceSpec,
  under,
  type PlannedStep
} from '../dockerfile/index.js'
import { cleanRel, compileExcludes, hasWildcard, isExcluded } from '../dockerfile/match.js'

/** One path of the step's layer and what it must hold (null: must be absent). */
export interface LayerTarget {
  dest: string
  expected: ContextEntry | null
  /** What to name in a report besides the context path (an archive member). */
  member?: string
}

export type Targets = { targets: LayerTarget[] } | { unprovable: string }

export interface ExpectContext {
  /** Absolute context directory, to read archives ADD unpacks. */
  context: string
  /** The current context entries by path. */
  byPath: ReadonlyMap<string, ContextEntry>
}

const layerPath = (p: string): string => p.replace(/^\/+/, '').replace(/\/+$/, '')

/** Where a step writes: the resolved destination, and whether it is a directory. */
interface CopyDest {
  step: PlannedStep
  destAbs: string
  dirDest: boolean
  rules: ReturnType<typeof compileExcludes>
}

/** The layer targets of one changed context path of `step`. */
export async function layerTargets(
  step: PlannedStep,
  path: string,
  expected: ContextEntry | null,
  ctx: ExpectContext
): Promise<Targets> {
  if (step.dest === null) return { unprovable: 'it is not a copy' }
  const destAbs = posix.resolve(step.workdir, step.dest)
  const dirDest = step.dest.endsWith('/') || step.dest === '.' || step.dest === '' || step.destIsDir
  if (step.sources.length > 1 && !dirDest) {
    return {
      unprovable: `several sources go to ${step.dest}, which is not known to be a directory (BuildKit then writes each source to that one path)`
    }
  }
  const to: CopyDest = { step, destAbs, dirDest, rules: compileExcludes(step.excludes) }
  for (const source of step.sources) {
    const found = await linkedSourceTargets(to, source, path, expected, ctx)
    if (found !== null) return found
  }
  if (step.keyword === 'ADD' && expected?.type === 'file') {
    const archive = await archiveTargets(join(ctx.context, path), destAbs)
    if (archive !== null && step.sources.some(s => cleanRel(s) === path)) return archive
  }
  return plainTargets(step, path, expected)
}

/**
 * The targets of `path` when `source` reaches it through a symlink or is an archive ADD
 * unpacks; null when this source says nothing special about the path.
 */
async function linkedSourceTargets(
  to: CopyDest,
  source: string,
  path: string,
  expected: ContextEntry | null,
  ctx: ExpectContext
): Promise<Targets | null> {
  const { pattern } = sourceSpec(source)
  if (hasWildcard(pattern) || to.step.parents) return null
  const resolved = resolveLinks(pattern, ctx.byPath) ?? pattern
  const root = ctx.byPath.get(resolved)
  const viaLink = resolved !== pattern
  // A link on the source's own path: what it points at now is what the step copies.
  const isLinkOnPath = viaLink && (path === pattern || under(pattern, path))
  const dest = (p: string): string | null => sourceDest(to, pattern, resolved, p)
  if (to.step.keyword === 'ADD' && root?.type === 'file' && (path === resolved || isLinkOnPath)) {
    const archive = await archiveTargets(join(ctx.context, resolved), to.destAbs)
    if (archive !== null) return archive
  }
  if (isLinkOnPath) {
    if (root === undefined) return { unprovable: `${path} points at nothing in the context` }
    const targets: LayerTarget[] = []
    for (const e of ctx.byPath.values()) {
      if (e.type === 'dir' || !under(e.path, resolved)) continue
      const d = dest(e.path)
      if (d !== null) targets.push({ dest: d, expected: e })
    }
    return { targets }
  }
  if (viaLink && under(path, resolved)) {
    const d = dest(path)
    return { targets: d === null ? [] : [{ dest: d, expected }] }
  }
  return null
}

/** Where context path `p`, copied through a source resolved to `resolved`, lands (null: excluded). */
function sourceDest(to: CopyDest, pattern: string, resolved: string, p: string): string | null {
  const rel = p === resolved ? null : p.slice(resolved === '.' ? 0 : resolved.length + 1)
  if (isExcluded(to.rules, rel ?? posix.basename(pattern))) return null
  if (rel !== null) return layerPath(posix.join(to.destAbs, rel))
  return layerPath(to.dirDest ? posix.join(to.destAbs, posix.basename(pattern)) : to.destAbs)
}

/** A path copied as itself: where the step's destination puts it. */
function plainTargets(step: PlannedStep, path: string, expected: ContextEntry | null): Targets {
  const d = destinationFor(step, path)
  if (d === null) {
    return {
      unprovable:
        step.keyword === 'ADD' && expected === null
          ? `cannot tell what the removed ${path} unpacked to`
          : `cannot tell where ${path} lands in the image`
    }
  }
  return { targets: [{ dest: layerPath(d), expected }] }
}

type Kind = 'tar' | 'gzip' | 'bzip2' | 'xz' | 'zstd' | null

/** Archive kind by the bytes, as BuildKit's ADD detects it (not by the name). */
async function archiveKind(file: string): Promise<Kind> {
  const fh = await open(file, 'r').catch(() => null)
  if (fh === null) return null
  try {
    const head = Buffer.alloc(512)
    const { bytesRead } = await fh.read(head, 0, 512, 0)
    const b = head.subarray(0, bytesRead)
    if (b[0] === 0x1f && b[1] === 0x8b) return 'gzip'
    if (b.subarray(0, 3).toString('latin1') === 'BZh') return 'bzip2'
    if (b.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz'
    if (b.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) return 'zstd'
    if (bytesRead >= 262 && b.subarray(257, 262).toString('latin1') === 'ustar') return 'tar'
    return null
  } finally {
    await fh.close()
  }
}

/**
 * The members a local archive unpacks to under `destAbs`, or null when the file is not an
 * archive (ADD then copies it). Files, symlinks and hard links are compared; directories only
 * hold them.
 */
export async function archiveTargets(file: string, destAbs: string): Promise<Targets | null> {
  const kind = await archiveKind(file)
  if (kind === null) return null
  if (kind !== 'tar' && kind !== 'gzip') {
    return { unprovable: `a ${kind} archive: its members are not read here` }
  }
  const raw = await readFile(file)
  try {
    return { targets: await archiveMembers(raw, kind === 'gzip', destAbs) }
  } catch (e) {
    return {
      unprovable: `the archive cannot be read (${e instanceof Error ? e.message : String(e)})`
    }
  }
}

/** Streams a tar (gzipped or not) and turns its members into layer targets. */
async function archiveMembers(raw: Buffer, gzip: boolean, destAbs: string): Promise<LayerTarget[]> {
  const extract = tar.extract()
  const source = Readable.from([raw])
  const targets: LayerTarget[] = []
  // Hard links name an earlier member: its digest, by member name.
  const digests = new Map<string, string>()
  const done = (async () => {
    for await (const entry of extract) {
      const target = await memberTarget(entry, destAbs, digests)
      if (target !== null) targets.push(target)
    }
  })()
  if (gzip)
    source
      .pipe(createGunzip())
      .on('error', e => extract.destroy(e))
      .pipe(extract)
  else source.pipe(extract)
  await done
  return targets
}

/** An archive member as tar-stream yields it: its header and its bytes. */
type ArchiveMember = AsyncIterable<unknown> & { header: Header; resume: () => unknown }

/** One member's target (null: a directory, or a link to nothing read); drains the entry. */
async function memberTarget(
  entry: ArchiveMember,
  destAbs: string,
  digests: Map<string, string>
): Promise<LayerTarget | null> {
  const h = entry.header
  const name = cleanRel(h.name)
  if (name === '.') {
    entry.resume()
    return null
  }
  const dest = layerPath(posix.join(destAbs, name))
  const mode = (h.mode ?? 0) & 0o7777
  if (h.type === 'file' || h.type === 'contiguous-file') {
    const hash = createHash('sha256')
    for await (const chunk of entry as AsyncIterable<Buffer>) hash.update(chunk)
    const digest = `sha256:${hash.digest('hex')}`
    digests.set(name, digest)
    return {
      dest,
      member: name,
      expected: { path: name, type: 'file', mode, size: h.size ?? 0, digest }
    }
  }
  entry.resume()
  if (h.type === 'symlink') {
    const target = h.linkname ?? ''
    const digest = `sha256:${createHash('sha256').update(target).digest('hex')}`
    return {
      dest,
      member: name,
      expected: { path: name, type: 'symlink', mode: 0o777, size: 0, linkTarget: target, digest }
    }
  }
  const linked = h.type === 'link' ? digests.get(cleanRel(h.linkname ?? '')) : undefined
  if (linked === undefined) return null
  return {
    dest,
    member: name,
    expected: { path: name, type: 'file', mode, size: 0, digest: linked }
  }
}
