import { posix } from 'node:path'
import { compareBytes, hashEntries, sortedByBytes } from '../context/index.js'
import type { ContextEntry, ContextStep, DockerfilePlan, HashedStep } from '../model.js'
import { cleanRel, ExcludeRules, goMatch, hasWildcard } from '../gomatch/index.js'

/*
 * Which context entries a step reads, and where a COPY puts them, following BuildKit:
 *   - a directory source selects itself and everything beneath (names, empty dirs, modes and
 *     symlink targets all enter its cache key); a file source selects itself; `.` selects all;
 *   - a wildcard is matched with Go's filepath.Match against the entry path cut to the pattern's
 *     segment count, so a wildcard matching a directory also selects its contents;
 *   - a source that is (or passes through) a symlink is followed within the context, as COPY
 *     follows it; the link itself is selected too, so retargeting it changes the hash;
 *   - `--exclude` patterns apply to paths below each source root, relative to it; the root itself
 *     (a file source, a wildcard's match) is never excluded (see gomatch/exclude.ts).
 */

export interface SourceSpec {
  /** The pattern without a --parents pivot, context-relative. */
  pattern: string
  /** The part of the path not reproduced under dest with --parents (`''` without a pivot). */
  pivot: string
}

export function sourceSpec(source: string): SourceSpec {
  const i = source.indexOf('/./')
  if (i < 0) return { pattern: cleanRel(source), pivot: '' }
  const pivot = cleanRel(source.slice(0, i))
  return { pattern: cleanRel(`${pivot}/${source.slice(i + 3)}`), pivot: pivot === '.' ? '' : pivot }
}

export function under(path: string, root: string): boolean {
  return root === '.' || path === root || path.startsWith(`${root}/`)
}

/** `path` relative to the source root `root`; `''` for the root itself. */
function relTo(path: string, root: string): string {
  if (root === '.') return path
  if (path === root) return ''
  return path.slice(root.length + 1)
}

/** The first `n` segments of a path, or null when it has fewer. */
function head(path: string, n: number): string | null {
  const parts = path.split('/')
  return parts.length < n ? null : parts.slice(0, n).join('/')
}

/**
 * Resolves symlinks along a context path, scoped to the context root as BuildKit scopes them
 * (an absolute target is read from the context root). Returns null on a loop.
 */
export function resolveLinks(
  path: string,
  byPath: ReadonlyMap<string, ContextEntry>
): string | null {
  let parts = path === '.' ? [] : path.split('/')
  for (let hops = 0, i = 0; i < parts.length; i++) {
    const prefix = parts.slice(0, i + 1).join('/')
    const e = byPath.get(prefix)
    if (e?.type !== 'symlink' || e.linkTarget === undefined) continue
    if (++hops > 255) return null
    const base = e.linkTarget.startsWith('/') ? '' : parts.slice(0, i).join('/')
    const target = cleanRel(`${base}/${e.linkTarget}`)
    parts = [...(target === '.' ? [] : target.split('/')), ...parts.slice(i + 1)]
    i = -1
  }
  return parts.length === 0 ? '.' : parts.join('/')
}

/**
 * The symlink entries by path: all resolveLinks and the link check of selectSources look up (both
 * pass over any other entry), so far smaller than a map of every entry.
 */
function linksOf(entries: readonly ContextEntry[]): Map<string, ContextEntry> {
  const links = new Map<string, ContextEntry>()
  for (const e of entries) if (e.type === 'symlink') links.set(e.path, e)
  return links
}

/** The context entries a COPY/ADD/RUN-bind step reads, in input order. */
export function selectSources(step: ContextStep, entries: readonly ContextEntry[]): ContextEntry[] {
  return selectWith(step, entries, linksOf(entries))
}

/** selectSources with the entries' symlinks (linksOf) worked out once for several steps. */
function selectWith(
  step: ContextStep,
  entries: readonly ContextEntry[],
  byPath: ReadonlyMap<string, ContextEntry>
): ContextEntry[] {
  const rules = new ExcludeRules(step.excludes)
  const chosen = new Set<string>()
  /** Adds the entries `rootOf` places under a source root, unless excluded. */
  const take = (rootOf: (e: ContextEntry) => string | null): void => {
    for (const e of entries) {
      const r = rootOf(e)
      if (r !== null && !rules.excluded(relTo(e.path, r))) chosen.add(e.path)
    }
  }
  for (const source of step.sources) {
    const { pattern } = sourceSpec(source)
    if (hasWildcard(pattern)) {
      const n = pattern.split('/').length
      take(e => {
        const h = head(e.path, n)
        return h !== null && goMatch(pattern, h) ? h : null
      })
      continue
    }
    take(e => (under(e.path, pattern) ? pattern : null))
    const resolved = resolveLinks(pattern, byPath)
    if (resolved !== null && resolved !== pattern) {
      // The link entries on the way are part of what the step reads.
      for (let p = pattern; p !== '.'; p = posix.dirname(p))
        if (byPath.get(p)?.type === 'symlink') chosen.add(p)
      take(e => (under(e.path, resolved) ? resolved : null))
    }
  }
  // Everything chosen (a `COPY . .`): the entries as they are, without a lookup per entry.
  if (chosen.size === entries.length) return [...entries]
  return entries.filter(e => chosen.has(e.path))
}

/**
 * Every context step with its source hash and selected file/symlink paths; a step of a named
 * context selects from that context's entries (`named`), its paths relative to that context.
 * `entriesHash`, when given, is hashEntries(entries), which the caller already has for the
 * context hash: a step that selects every entry (`COPY . .`) has exactly that source hash.
 */
export function hashSteps(
  plan: DockerfilePlan,
  entries: readonly ContextEntry[],
  named: ReadonlyMap<string, readonly ContextEntry[]> = new Map(),
  entriesHash?: string
): HashedStep[] {
  // Per entry list, worked out once for all its steps: its symlinks, and for a step that selects
  // the whole list, the list's hash and whether it is in byte order.
  const lists = new Map<readonly ContextEntry[], EntryList>()
  const listOf = (of: readonly ContextEntry[]): EntryList => {
    let l = lists.get(of)
    if (l === undefined) lists.set(of, (l = { links: linksOf(of), hash: null, sorted: null }))
    return l
  }
  if (entriesHash !== undefined) listOf(entries).hash = entriesHash
  return plan.steps.map(step => {
    const from = step.context === undefined ? entries : (named.get(step.context) ?? [])
    const list = listOf(from)
    const sel = selectWith(step, from, list.links)
    // A selection is a subsequence of its list: as long as the list, it is the list.
    const whole = sel.length === from.length
    const sourceHash = whole ? (list.hash ??= hashEntries(from)) : hashEntries(sel)
    // A named context's paths are keyed `NAME:path`, as the record and the proofs know them.
    const selected = sel
      .filter(e => e.type !== 'dir')
      .map(e => (step.context === undefined ? e.path : `${step.context}:${e.path}`))
    // A selection keeps the walk's byte order (one prefix keeps it too): sorted only if not.
    const sorted = whole ? (list.sorted ??= sortedByBytes(from)) : sortedByBytes(sel)
    return { ...step, sourceHash, selected: sorted ? selected : selected.sort(compareBytes) }
  })
}

/** What hashSteps keeps per entry list (see there). */
interface EntryList {
  links: Map<string, ContextEntry>
  hash: string | null
  sorted: boolean | null
}

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i

/**
 * Where a selected context file lands in the image, as a layer-tar path (no leading `/`), or null
 * when the step puts nothing there (RUN mounts, excluded paths, archives ADD unpacks, paths the
 * step does not select). Docker's rules: dest is relative to WORKDIR; a directory source copies
 * its contents into dest; a file goes to dest, or dest/<name> when dest is a directory (ends in
 * `/`, is `.`, several sources, a wildcard, or a directory the reader knows exists); a directory
 * matched by a wildcard has its contents copied into dest; --parents keeps the path from the
 * context root (or from a `/./` pivot).
 */
export function destinationFor(
  step: ContextStep & { destIsDir?: boolean },
  contextPath: string
): string | null {
  return destinations(step)(contextPath)
}

/** A COPY source as destinations() matches it, worked out once per step. */
interface DestSource {
  pattern: string
  pivot: string
  /** The pattern's segment count when it has a wildcard, else 0. */
  wildSegments: number
  /** A literal source an ADD unpacks (only known per path for a wildcard). */
  archive: boolean
}

/**
 * destinationFor of one step as a function of the path: what depends only on the step (its
 * absolute dest, exclude rules, source patterns) is worked out once, not once per file, since a
 * `COPY . .` of a large context asks for every file it selects.
 */
export function destinations(
  step: ContextStep & { destIsDir?: boolean },
  /** Absolute image paths (`/app/x`, as the record's deploy facts key them), not layer paths. */
  absolute = false
): (contextPath: string) => string | null {
  const finish = absolute ? imagePath : layerPath
  if (step.keyword === 'RUN' || step.dest === null) return () => null
  const dest = step.dest
  const destAbs = posix.resolve(step.workdir, dest)
  const rules = new ExcludeRules(step.excludes)
  const dirDest =
    dest.endsWith('/') ||
    dest === '.' ||
    dest === '' ||
    step.sources.length > 1 ||
    step.destIsDir === true
  const isAdd = step.keyword === 'ADD'
  const sources: DestSource[] = step.sources.map(source => {
    const { pattern, pivot } = sourceSpec(source)
    const wild = hasWildcard(pattern)
    return {
      pattern,
      pivot,
      wildSegments: wild ? pattern.split('/').length : 0,
      archive: isAdd && !wild && ARCHIVE.test(pattern)
    }
  })
  const into = (rel: string): string | null => finish(joinUnder(destAbs, rel))
  return contextPath => {
    const path = cleanRel(contextPath)
    for (const { pattern, pivot, wildSegments, archive } of sources) {
      let root: string | null = null
      if (wildSegments > 0) {
        const h = head(path, wildSegments)
        if (h !== null && goMatch(pattern, h)) root = h
      } else if (under(path, pattern)) {
        root = pattern
      }
      if (root === null || rules.excluded(relTo(path, root))) continue
      if (wildSegments > 0 ? isAdd && ARCHIVE.test(root) : archive) return null
      if (step.parents) return into(pivot === '' ? path : path.slice(pivot.length + 1))
      if (root === '.') return into(path)
      if (path !== root) return into(path.slice(root.length + 1))
      return finish(
        dirDest || wildSegments > 0 ? posix.join(destAbs, posix.basename(path)) : destAbs
      )
    }
    return null
  }
}

/** A path without its leading slashes, null for the root (nothing lands "at" `/`). */
function layerPath(p: string): string | null {
  let i = 0
  while (p.charCodeAt(i) === 0x2f) i++
  return i === p.length ? null : p.slice(i)
}

/** `/` and layerPath(p): the path itself when it has just the one leading slash. */
function imagePath(p: string): string | null {
  let i = 0
  while (p.charCodeAt(i) === 0x2f) i++
  if (i === p.length) return null
  return i === 1 ? p : `/${p.slice(i)}`
}

/**
 * posix.join(base, rel) for an absolute `base` as posix.resolve returns it: a clean relative
 * `rel` (what cleanRel returns, and any tail of it after a `/`) is appended as it is; anything
 * else goes through posix.join.
 */
function joinUnder(base: string, rel: string): string {
  if (rel === '' || rel === '.' || cleanRel(rel) !== rel) return posix.join(base, rel)
  return base === '/' ? `/${rel}` : `${base}/${rel}`
}
