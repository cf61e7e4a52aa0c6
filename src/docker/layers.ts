/**
 * The byte proof: what a given layer of an image holds at given paths.
 *
 * `docker save` is streamed once. Every layer tar is hashed as it passes (its sha256 is the
 * layer's diffId, since save writes layers uncompressed) and parsed at the same time; only the
 * wanted paths are recorded and only their file bodies are hashed, so memory stays bounded by
 * the number of wanted paths. Reading the step's OWN layer means later steps that rewrite or
 * delete a file cannot hide what the COPY wrote.
 */
import { createHash } from 'node:crypto'
import type { Header } from 'tar-stream'
import { DockerError, type DockerExec } from './exec.js'
import { TarWalker, walkImageSave } from './save.js'
import { hasEscapedBytes, pathToBytes } from '../util/index.js'

export type LayerEntryType = 'file' | 'dir' | 'symlink' | 'whiteout' | 'missing' | 'other'

export interface LayerEntry {
  /** `whiteout`: the layer deletes the path (or a parent); `missing`: the layer does not touch it. */
  type: LayerEntryType
  /** Permission bits (`mode & 0o7777`); 0 for whiteout/missing. */
  mode: number
  /**
   * `sha256:<hex>` of the bytes for files, of the target string for symlinks (as in the context
   * scan). Undefined for a hard link whose target was not among the wanted paths.
   */
  digest?: string
  size?: number
  linkTarget?: string
  /** For a hard link: the path (in the same layer) whose bytes it shares. */
  hardlinkTo?: string
}

export interface WantedLayer {
  diffId: string
  /** Paths inside the image (`/app/a.txt` or `app/a.txt`). */
  paths: string[]
}

/** diffId -> normalized path (no leading `/` or `./`, no trailing `/`) -> entry. */
export type LayerEntries = Map<string, Map<string, LayerEntry>>

/** `/app/x/`, `./app/x`, `app/x` all become `app/x`. */
export function normalizeLayerPath(p: string): string {
  return p.replace(/^(\.?\/)+/, '').replace(/\/+$/, '')
}

const sha256 = (data: string | Buffer): string =>
  'sha256:' + createHash('sha256').update(data).digest('hex')

/** Collects the wanted paths of one layer tar, entry by entry. */
export class LayerScan {
  private readonly found = new Map<string, LayerEntry>()
  private readonly whiteouts: string[] = []

  /**
   * Wanted names that are not valid UTF-8, by the lossy form tar-stream gives them (it decodes
   * PAX `path` records as UTF-8, each stray byte becoming U+FFFD), and how often each lossy form
   * occurs in this layer: one entry is that name; two mean the layer cannot tell them apart, so
   * the path proves nothing (`other`), never the bytes of its neighbour.
   */
  private readonly lossy = new Map<string, string>()
  private readonly lossySeen = new Map<string, number>()

  constructor(private readonly wanted: ReadonlySet<string>) {
    for (const w of wanted) {
      if (hasEscapedBytes(w)) this.lossy.set(pathToBytes(w).toString('utf8'), w)
    }
  }

  private covers(path: string): boolean {
    for (const w of this.wanted) if (w === path || w.startsWith(path + '/')) return true
    return false
  }

  async onEntry(header: Header, body: AsyncIterable<Buffer>): Promise<void> {
    const path = normalizeLayerPath(header.name)
    const slash = path.lastIndexOf('/')
    const base = path.slice(slash + 1)
    if (base.startsWith('.wh.')) {
      // `.wh..wh..opq` only hides lower content of a dir this layer recreates: nothing to record.
      if (base !== '.wh..wh..opq') {
        const target = path.slice(0, slash + 1) + base.slice(4)
        if (this.covers(target)) this.whiteouts.push(target)
      }
      return
    }
    const named = this.lossy.get(path)
    if (named !== undefined) {
      const seen = (this.lossySeen.get(path) ?? 0) + 1
      this.lossySeen.set(path, seen)
      if (seen > 1) {
        this.found.set(named, { type: 'other', mode: 0 })
        return
      }
      return this.record(named, header, body)
    }
    if (!this.wanted.has(path)) return
    return this.record(path, header, body)
  }

  private async record(path: string, header: Header, body: AsyncIterable<Buffer>): Promise<void> {
    const mode = (header.mode ?? 0) & 0o7777
    switch (header.type) {
      case 'file':
      case 'contiguous-file': {
        const hash = createHash('sha256')
        for await (const chunk of body) hash.update(chunk)
        this.found.set(path, {
          type: 'file',
          mode,
          size: header.size ?? 0,
          digest: 'sha256:' + hash.digest('hex')
        })
        return
      }
      case 'directory':
        this.found.set(path, { type: 'dir', mode })
        return
      case 'symlink': {
        const target = header.linkname ?? ''
        this.found.set(path, { type: 'symlink', mode, linkTarget: target, digest: sha256(target) })
        return
      }
      case 'link': {
        // A hard link's bytes sit in an earlier entry of the same layer.
        const to = normalizeLayerPath(header.linkname ?? '')
        const prior = this.found.get(to)
        this.found.set(path, {
          type: 'file',
          mode,
          hardlinkTo: to,
          digest: prior?.digest,
          size: prior?.size
        })
        return
      }
      default:
        this.found.set(path, { type: 'other', mode })
    }
  }

  result(): Map<string, LayerEntry> {
    const out = new Map<string, LayerEntry>()
    for (const p of this.wanted) {
      const hit = this.found.get(p)
      if (hit) out.set(p, hit)
      else if (this.whiteouts.some(w => p === w || p.startsWith(w + '/')))
        out.set(p, { type: 'whiteout', mode: 0 })
      else out.set(p, { type: 'missing', mode: 0 })
    }
    return out
  }
}

/** Hashes a layer tar while scanning it; the hash is the diffId of an uncompressed layer. */
export async function scanLayer(
  body: AsyncIterable<Buffer>,
  wanted: ReadonlySet<string>
): Promise<{ diffId: string; entries: Map<string, LayerEntry> | null }> {
  const hash = createHash('sha256')
  const scan = new LayerScan(wanted)
  const walker = new TarWalker((h, b) => scan.onEntry(h, b))
  for await (const chunk of body) {
    hash.update(chunk)
    await walker.write(chunk)
  }
  const failed = await walker.end()
  return { diffId: 'sha256:' + hash.digest('hex'), entries: failed ? null : scan.result() }
}

/** Entries of `docker save` output that may be a layer tar (v1 layout and OCI layout). */
function isLayerCandidate(name: string): boolean {
  return name.endsWith('/layer.tar') || /^blobs\/sha256\/[0-9a-f]{64}$/.test(name)
}

/**
 * Reads the wanted paths of the wanted layers of `imageRef` in one `docker save` pass (stopping
 * once all were seen). Throws a DockerError when a wanted diffId is not in the image.
 */
export async function readLayerEntries(
  exec: DockerExec,
  imageRef: string,
  wanted: WantedLayer[]
): Promise<LayerEntries> {
  const byDiff = new Map<string, Set<string>>()
  for (const w of wanted) {
    const set = byDiff.get(w.diffId) ?? new Set<string>()
    for (const p of w.paths) set.add(normalizeLayerPath(p))
    byDiff.set(w.diffId, set)
  }
  const out: LayerEntries = new Map()
  if (byDiff.size === 0) return out
  // We learn a layer's diffId only after its last byte, so every layer is scanned for the
  // union of wanted paths and kept only if its hash is wanted.
  const union = new Set<string>([...byDiff.values()].flatMap(s => [...s]))
  await walkImageSave(exec, imageRef, async (name, _size, body) => {
    if (!isLayerCandidate(name)) return false
    const { diffId, entries } = await scanLayer(body, union)
    const paths = byDiff.get(diffId)
    if (paths && entries && !out.has(diffId)) {
      out.set(diffId, new Map([...entries].filter(([p]) => paths.has(p))))
    }
    return out.size === byDiff.size
  })
  const absent = [...byDiff.keys()].filter(d => !out.has(d))
  if (absent.length > 0) {
    throw new DockerError(`layer ${absent.join(', ')} not found in docker save ${imageRef}`)
  }
  return out
}
