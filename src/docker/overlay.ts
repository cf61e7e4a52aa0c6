/**
 * The byte proof read straight from the daemon's layer store, when it is on this host and
 * readable: only the wanted paths of the wanted layers are touched, so the cost follows the
 * bytes to prove, not the image (a 1 GB base layer is never read).
 *
 * Measured on Docker 20.10 with overlay2: `docker image inspect` names the driver and its
 * directories (`GraphDriver.Data.UpperDir` = `<data-root>/overlay2/<id>/diff`); the layer store
 * keeps, per chain ID, the layer's diffId (`image/overlay2/layerdb/sha256/<chain>/diff`) and
 * its overlay2 directory (`.../cache-id`). A layer's diff directory holds exactly what its
 * `docker save` tar holds, with whiteouts as 0:0 character devices. A layer is read here only
 * when the layer store names the very diffId the image lists at that position; anything else
 * (another driver, a remote daemon, no permission) falls back to the `docker save` stream.
 */
import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { lstat, open, readFile, readlink } from 'node:fs/promises'
import type { Stats } from 'node:fs'
import { join } from 'node:path'
import type { DockerExec } from './exec.js'
import {
  normalizeLayerPath,
  readLayerEntries,
  type LayerEntries,
  type LayerEntry,
  type WantedLayer
} from './layers.js'

export interface GraphDriver {
  name: string
  data: Record<string, string>
}

/** Chain IDs of a layer stack (`chain[i] = sha256(chain[i-1] + " " + diff[i])`), base first. */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = []
  for (const d of diffIds) {
    const prev = out.at(-1)
    out.push(
      prev === undefined ? d : `sha256:${createHash('sha256').update(`${prev} ${d}`).digest('hex')}`
    )
  }
  return out
}

/** `<data-root>` of an overlay2 image, from its UpperDir; null for another driver or shape. */
export function overlayDataRoot(gd: GraphDriver | null | undefined): string | null {
  if (!gd || gd.name !== 'overlay2') return null
  const upper = gd.data.UpperDir
  const m = typeof upper === 'string' ? /^(\/.*)\/overlay2\/[^/]+\/diff$/.exec(upper) : null
  return m ? (m[1] as string) : null
}

const HEX = /^sha256:[0-9a-f]{64}$/
const CACHE_ID = /^[0-9A-Za-z]+$/

/** The diff directory of layer `index` of an image on this host, or null when it cannot be trusted. */
export async function layerDiffDir(
  dataRoot: string,
  diffIds: readonly string[],
  index: number
): Promise<string | null> {
  const diffId = diffIds[index]
  const chain = chainIds(diffIds.slice(0, index + 1)).at(-1)
  if (!diffId || !chain || !HEX.test(diffId) || !HEX.test(chain)) return null
  const meta = join(dataRoot, 'image', 'overlay2', 'layerdb', 'sha256', chain.slice(7))
  try {
    const [recorded, cacheId] = await Promise.all([
      readFile(join(meta, 'diff'), 'utf8'),
      readFile(join(meta, 'cache-id'), 'utf8')
    ])
    if (recorded.trim() !== diffId || !CACHE_ID.test(cacheId.trim())) return null
    const dir = join(dataRoot, 'overlay2', cacheId.trim(), 'diff')
    return (await lstat(dir)).isDirectory() ? dir : null
  } catch {
    return null
  }
}

const isWhiteout = (st: Stats): boolean => st.isCharacterDevice() && st.rdev === 0

/**
 * What a diff directory holds at `path`, as the layer tar would say it. Walked component by
 * component with lstat, so a symlink inside the layer is never followed out of it.
 */
export async function diffDirEntry(dir: string, path: string): Promise<LayerEntry> {
  const parts = normalizeLayerPath(path).split('/').filter(Boolean)
  let at = dir
  for (const [i, part] of parts.entries()) {
    at = join(at, part)
    let st: Stats
    try {
      st = await lstat(at)
    } catch {
      return { type: 'missing', mode: 0 }
    }
    if (isWhiteout(st)) return { type: 'whiteout', mode: 0 }
    const last = i === parts.length - 1
    if (!last) {
      if (!st.isDirectory()) return { type: 'missing', mode: 0 }
      continue
    }
    const mode = st.mode & 0o7777
    if (st.isDirectory()) return { type: 'dir', mode }
    if (st.isSymbolicLink()) {
      const target = await readlink(at)
      return {
        type: 'symlink',
        mode,
        linkTarget: target,
        digest: `sha256:${createHash('sha256').update(target).digest('hex')}`
      }
    }
    if (!st.isFile()) return { type: 'other', mode }
    return { type: 'file', mode, size: st.size, digest: await digestNoFollow(at) }
  }
  return { type: 'dir', mode: 0 }
}

async function digestNoFollow(path: string): Promise<string> {
  const fh = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW)
  try {
    const h = createHash('sha256')
    const buf = Buffer.allocUnsafe(512 * 1024)
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null)
      if (bytesRead === 0) break
      h.update(buf.subarray(0, bytesRead))
    }
    return `sha256:${h.digest('hex')}`
  } finally {
    await fh.close()
  }
}

export interface LayerReadReport {
  /** diffIds read from the layer store on this host. */
  fromStore: string[]
  /** diffIds read from the `docker save` stream. */
  fromSave: string[]
}

/**
 * The wanted paths of the wanted layers: from the layer store where it vouches for the layer,
 * the rest in one `docker save` pass that stops once they have passed.
 */
export async function readWantedLayers(
  exec: DockerExec,
  image: { id: string; diffIds: readonly string[]; graphDriver?: GraphDriver | null },
  wanted: readonly WantedLayer[],
  report?: (r: LayerReadReport) => void
): Promise<LayerEntries> {
  const out: LayerEntries = new Map()
  const rest: WantedLayer[] = []
  const root = overlayDataRoot(image.graphDriver)
  for (const w of wanted) {
    const index = image.diffIds.indexOf(w.diffId)
    const dir = root !== null && index >= 0 ? await layerDiffDir(root, image.diffIds, index) : null
    // Names that are not UTF-8 are carried as lone surrogates (util/bytes-path.ts); the save
    // stream's reader knows how they were written, this direct read does not.
    if (dir === null || w.paths.some(p => /[\uD800-\uDFFF]/.test(p))) {
      rest.push(w)
      continue
    }
    const entries = out.get(w.diffId) ?? new Map<string, LayerEntry>()
    try {
      for (const p of w.paths) entries.set(normalizeLayerPath(p), await diffDirEntry(dir, p))
      out.set(w.diffId, entries)
    } catch {
      rest.push(w) // a file removed under us (the layer deleted?): read the save stream instead
    }
  }
  const fromStore = [...out.keys()]
  if (rest.length > 0) {
    const saved = await readLayerEntries(exec, image.id, rest)
    for (const [d, m] of saved) out.set(d, new Map([...(out.get(d) ?? []), ...m]))
  }
  report?.({ fromStore, fromSave: [...new Set(rest.map(r => r.diffId))] })
  return out
}
