/**
 * What an image is made of: id, labels, layer diffIds and the history that says which
 * instruction wrote which layer.
 *
 * Measured on Docker 20.10 (BuildKit and the legacy builder of a 28.x client):
 * - `docker image inspect` has no history; the image config (inside `docker save`) has it with
 *   `empty_layer` flags. `docker history` has the entries but no flags, only sizes.
 * - Every instruction after FROM writes exactly one history entry, with both builders, and a
 *   stage built FROM an earlier stage continues that stage's history. So instruction `i` of a
 *   stage (FROM = 1) is entry `baseHistoryLength + i - 2`.
 * - BuildKit: COPY, ADD, RUN and WORKDIR always write a layer (WORKDIR an empty one when the dir
 *   exists); every other instruction is an empty_layer entry.
 * - Legacy: COPY/ADD always write a layer; RUN and WORKDIR only when they changed something (an
 *   unchanged `RUN true` or a repeated WORKDIR is empty_layer). `docker history` shows both as
 *   0B, so those need the config (read from `docker save`) when the count does not settle it.
 */
import { DockerError, runOrThrow, type DockerExec } from './exec.js'
import { walkImageSave } from './save.js'
import { parseHumanSize } from './units.js'
import type { GraphDriver } from './overlay.js'

export interface HistoryEntry {
  createdBy: string
  emptyLayer: boolean
}

export interface ImageInfo {
  id: string
  labels: Record<string, string>
  created: string
  /** Layer diffIds, base first (RootFS.Layers). */
  diffIds: string[]
  /** Oldest first, as in the image config. */
  history: HistoryEntry[]
  /** `history` came from the config (exact) rather than from `docker history` plus rules. */
  historyFromConfig: boolean
  /** The storage driver and its directories, as inspect names them (null when it does not). */
  graphDriver: GraphDriver | null
}

interface InspectJson {
  Id?: string
  Created?: string
  Config?: { Labels?: Record<string, string> | null } | null
  RootFS?: { Layers?: string[] | null } | null
  GraphDriver?: { Name?: unknown; Data?: unknown } | null
}

/** Parses `docker image inspect --format '{{json .}}'` (or the array form). */
export function parseImageInspect(text: string): Omit<ImageInfo, 'history' | 'historyFromConfig'> {
  let v: InspectJson | InspectJson[]
  try {
    v = JSON.parse(text) as InspectJson | InspectJson[]
  } catch {
    throw new DockerError('docker image inspect: unreadable output')
  }
  const img = Array.isArray(v) ? v[0] : v
  if (!img?.Id) throw new DockerError('docker image inspect: no image id in output')
  return {
    id: img.Id,
    labels: img.Config?.Labels ?? {},
    created: img.Created ?? '',
    diffIds: img.RootFS?.Layers ?? [],
    graphDriver: graphDriverOf(img.GraphDriver)
  }
}

function graphDriverOf(gd: InspectJson['GraphDriver']): GraphDriver | null {
  if (!gd || typeof gd.Name !== 'string') return null
  const data: Record<string, string> = {}
  if (typeof gd.Data === 'object' && gd.Data !== null) {
    for (const [k, v] of Object.entries(gd.Data)) if (typeof v === 'string') data[k] = v
  }
  return { name: gd.Name, data }
}

/** One line of `docker history --no-trunc --format '{{json .}}'`. */
export interface RawHistory {
  createdBy: string
  comment: string
  /** Bytes as printed (rounded); null when unparsable. */
  size: number | null
}

/** Parses `docker history` JSON lines (newest first) into oldest-first entries. */
export function parseHistoryLines(text: string): RawHistory[] {
  const out: RawHistory[] = []
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('{')) continue
    const v = JSON.parse(line) as { CreatedBy?: string; Comment?: string; Size?: string | number }
    out.push({
      createdBy: v.CreatedBy ?? '',
      comment: v.Comment ?? '',
      // The client prints a rounded size; the Engine API path (engine.ts) the exact bytes.
      size: typeof v.Size === 'number' ? v.Size : parseHumanSize(v.Size ?? '')
    })
  }
  return out.reverse()
}

/** The Dockerfile keyword of a history entry (`COPY`, `RUN`, ...), for either builder; null if none. */
export function historyKeyword(createdBy: string): string | null {
  const nop = /#\(nop\)\s+([A-Z]+)\b/.exec(createdBy)
  if (nop) return nop[1]
  if (createdBy.endsWith(' # buildkit') || /^[A-Z]+\s/.test(createdBy)) {
    const m = /^([A-Z]+)\b/.exec(createdBy)
    if (m) return m[1]
  }
  // Legacy RUN entries are the bare command: `/bin/sh -c ...` or `|1 A=b /bin/sh -c ...`.
  if (/^(\|\d+ .*)?\/bin\/sh -c /.test(createdBy) || createdBy.startsWith('|')) return 'RUN'
  return null
}

type LayerGuess = 'layer' | 'empty' | 'unknown'

function guess(raw: RawHistory): LayerGuess {
  const kw = historyKeyword(raw.createdBy)
  const sized: LayerGuess = raw.size !== null && raw.size > 0 ? 'layer' : 'unknown'
  if (raw.comment === 'buildkit.dockerfile.v0' && kw !== null) {
    return ['COPY', 'ADD', 'RUN', 'WORKDIR'].includes(kw) ? 'layer' : 'empty'
  }
  if (raw.createdBy.includes('#(nop)')) {
    if (kw === 'COPY' || kw === 'ADD') return 'layer'
    return kw === 'WORKDIR' ? sized : 'empty'
  }
  return sized
}

/**
 * Decides `emptyLayer` for each entry from builder rules and sizes, settling the 0-byte
 * entries that could go either way by the layer count. Null when the count does not settle it.
 */
export function classifyHistory(raw: RawHistory[], layerCount: number): HistoryEntry[] | null {
  const guesses = raw.map(guess)
  const layers = guesses.filter(g => g === 'layer').length
  const unknown = guesses.filter(g => g === 'unknown').length
  let unknownIsLayer: boolean
  if (layers === layerCount) unknownIsLayer = false
  else if (layers + unknown === layerCount) unknownIsLayer = true
  else return null
  return raw.map((r, i) => ({
    createdBy: r.createdBy,
    emptyLayer: guesses[i] === 'empty' || (guesses[i] === 'unknown' && !unknownIsLayer)
  }))
}

/** History entry index of instruction `stepIndex` (FROM = 1) in a stage. */
export function historyIndexForStep(baseHistoryLength: number, stepIndex: number): number {
  return baseHistoryLength + stepIndex - 2
}

/**
 * The base history length of a stage found by counting back from the end: `chainTotals` are the
 * instruction totals (FROM included) of that stage and of each stage built on it, up to the
 * image's own (last) stage. For the last stage alone: `[total]`.
 */
export function stageBaseLength(historyLength: number, chainTotals: number[]): number {
  return historyLength - chainTotals.reduce((sum, t) => sum + t - 1, 0)
}

/**
 * Index into `diffIds` of the layer that instruction `stepIndex` of a stage wrote, or null when
 * that instruction wrote no layer (or lies outside the history).
 */
export function layerForStep(
  history: HistoryEntry[],
  baseHistoryLength: number,
  stepIndex: number
): number | null {
  const h = historyIndexForStep(baseHistoryLength, stepIndex)
  if (stepIndex < 2 || h < 0 || h >= history.length || history[h].emptyLayer) return null
  return history.slice(0, h).filter(e => !e.emptyLayer).length
}

interface ConfigJson {
  history?: { created_by?: string; empty_layer?: boolean }[]
  rootfs?: { diff_ids?: string[] }
}

/** Parses an image config blob's history. */
export function parseConfigHistory(text: string): HistoryEntry[] {
  const c = JSON.parse(text) as ConfigJson
  return (c.history ?? []).map(h => ({
    createdBy: h.created_by ?? '',
    emptyLayer: h.empty_layer === true
  }))
}

/**
 * Reads the image config out of `docker save` (v1 layout `<hex>.json`, OCI `blobs/sha256/<hex>`),
 * stopping the save as soon as it has passed.
 */
export async function readImageConfig(exec: DockerExec, imageId: string): Promise<string> {
  const hex = imageId.replace(/^sha256:/, '')
  let config: string | null = null
  await walkImageSave(exec, imageId, async (name, size, body) => {
    if (name !== `${hex}.json` && name !== `blobs/sha256/${hex}`) return false
    if (size > 64 * 1024 * 1024)
      throw new DockerError(`image config of ${imageId} is implausibly large`)
    const chunks: Buffer[] = []
    for await (const c of body) chunks.push(c)
    config = Buffer.concat(chunks).toString('utf8')
    return true
  })
  if (config === null) throw new DockerError(`docker save ${imageId}: no image config in output`)
  return config
}

/** Inspects an image: cheap commands first, the config from `docker save` only when needed. */
export async function inspectImage(exec: DockerExec, ref: string): Promise<ImageInfo> {
  const info = parseImageInspect(
    (await runOrThrow(exec, ['image', 'inspect', '--format', '{{json .}}', ref])).stdout
  )
  const hist = await runOrThrow(exec, ['history', '--no-trunc', '--format', '{{json .}}', info.id])
  const classified = classifyHistory(parseHistoryLines(hist.stdout), info.diffIds.length)
  if (classified) return { ...info, history: classified, historyFromConfig: false }
  const history = parseConfigHistory(await readImageConfig(exec, info.id))
  return { ...info, history, historyFromConfig: true }
}

/**
 * Removes images a run made for itself (proof stage images, an early build not kept): without
 * force, so the daemon refuses any image a container uses, and only when still untagged (a user
 * may have tagged the very same image id since). Best effort: a dangling image left behind is not
 * worth failing a judged build for.
 */
export async function removeUntagged(exec: DockerExec, ids: readonly string[]): Promise<void> {
  for (const id of new Set(ids)) {
    try {
      const tags = await exec(['image', 'inspect', '--format', '{{len .RepoTags}}', id])
      if (tags.code === 0 && tags.stdout.trim() === '0') await exec(['image', 'rm', id])
    } catch {
      // Left behind (see above).
    }
  }
}
