/**
 * The docker calls verify makes, each an argv builder beside a thin runner. Every one of them
 * only reads: `inspect`, `ps`, `cp CONTAINER:PATH -` (a tar stream on stdout,
 * which needs no shell in the container, so distroless and FROM scratch images work) and
 * `docker save` (to see what the image itself holds at a path). No `exec`, no `create`.
 */
import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import type { Header } from 'tar-stream'
import {
  commandError,
  DockerError,
  type DockerExec,
  lastErrorLine,
  type LayerEntry,
  normalizeLayerPath,
  runOrThrow,
  scanLayer,
  TarWalker,
  walkImageSave
} from '../docker/index.js'
import {
  parseContainerInspect,
  parseImageInspectList,
  type ContainerFacts,
  type ImageFacts
} from './facts.js'

export const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service'

export function inspectContainerCommand(ref: string): string[] {
  return ['inspect', '--type=container', ref]
}

/** Every container (running or not) compose made for `service`, in any project. */
export function listServiceCommand(service: string): string[] {
  return [
    'ps',
    '--all',
    '--quiet',
    '--no-trunc',
    '--filter',
    `label=${COMPOSE_SERVICE_LABEL}=${service}`
  ]
}

export function inspectImageCommand(ref: string): string[] {
  return ['image', 'inspect', ref]
}

/** `docker cp C:PATH -`: PATH (a file, or a directory and all under it) as a tar on stdout. */
export function copyOutCommand(container: string, path: string): string[] {
  return ['cp', `${container}:${path}`, '-']
}

const NO_SUCH = /no such (container|object|image)/i

/** The container, or null when the daemon has none by that name or id. */
export async function inspectContainer(
  exec: DockerExec,
  ref: string
): Promise<ContainerFacts | null> {
  const args = inspectContainerCommand(ref)
  const r = await exec(args)
  if (r.code !== 0) {
    if (NO_SUCH.test(lastErrorLine(r))) return null
    throw commandError(args, r)
  }
  return parseContainerInspect(r.stdout)[0] ?? null
}

export async function listServiceContainers(exec: DockerExec, service: string): Promise<string[]> {
  const r = await runOrThrow(exec, listServiceCommand(service))
  return r.stdout
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
}

/** The image, or null when the daemon does not have it. */
export async function inspectImageFacts(exec: DockerExec, ref: string): Promise<ImageFacts | null> {
  const args = inspectImageCommand(ref)
  const r = await exec(args)
  if (r.code !== 0) {
    if (NO_SUCH.test(lastErrorLine(r))) return null
    throw commandError(args, r)
  }
  return parseImageInspectList(r.stdout)[0] ?? null
}

/** What a path holds, read out of a container or an image. */
export interface PathEntry {
  type: 'file' | 'symlink' | 'dir' | 'other'
  /** sha256 of a file's bytes, or of a symlink's target string (as the context scan hashes). */
  digest?: string
}

const sha256 = (data: string | Buffer): string =>
  'sha256:' + createHash('sha256').update(data).digest('hex')

/**
 * Reads the wanted paths under `root` out of a running container through one `docker cp` tar
 * stream (only wanted file bodies are hashed). A path the container lacks is absent from the
 * result; a root the container lacks gives an empty map.
 */
export async function readContainerPaths(
  exec: DockerExec,
  container: string,
  root: string,
  wanted: ReadonlySet<string>
): Promise<Map<string, PathEntry>> {
  const found = new Map<string, PathEntry>()
  // The tar names entries after the root's own name: `cp C:/app/static -` gives `static/...`.
  const parent = posix.dirname(root)
  const walker = new TarWalker(async (header: Header, body: AsyncIterable<Buffer>) => {
    const path = posix.join(parent, normalizeLayerPath(header.name))
    if (!wanted.has(path)) return
    if (header.type === 'file' || header.type === 'contiguous-file') {
      const hash = createHash('sha256')
      for await (const chunk of body) hash.update(chunk)
      found.set(path, { type: 'file', digest: 'sha256:' + hash.digest('hex') })
    } else if (header.type === 'symlink') {
      found.set(path, { type: 'symlink', digest: sha256(header.linkname ?? '') })
    } else if (header.type === 'link') {
      const to = posix.join(parent, normalizeLayerPath(header.linkname ?? ''))
      const prior = found.get(to)
      found.set(path, { type: 'file', ...(prior?.digest ? { digest: prior.digest } : {}) })
    } else {
      found.set(path, { type: header.type === 'directory' ? 'dir' : 'other' })
    }
  })
  const args = copyOutCommand(container, root)
  const r = await exec(args, { maxCapture: 64 * 1024, onStdout: chunk => walker.write(chunk) })
  const failed = await walker.end()
  if (r.code !== 0) {
    if (/no such container:path|could not find the file/i.test(lastErrorLine(r))) return found
    throw commandError(args, r)
  }
  if (failed) throw new DockerError(`docker cp ${container}:${root}: unreadable tar`)
  return found
}

/**
 * What the image itself holds at each wanted path, after all its layers (so a path a later RUN
 * rewrote shows that step's bytes): one `docker save` pass, layers ordered by `diffIds`.
 */
export async function readImagePaths(
  exec: DockerExec,
  image: string,
  diffIds: readonly string[],
  wanted: ReadonlySet<string>
): Promise<Map<string, PathEntry | null>> {
  const rel = new Set([...wanted].map(normalizeLayerPath))
  const layers = new Map<string, Map<string, LayerEntry>>()
  await walkImageSave(exec, image, async (name, _size, body) => {
    if (!name.endsWith('/layer.tar') && !/^blobs\/sha256\/[0-9a-f]{64}$/.test(name)) return false
    const { diffId, entries } = await scanLayer(body, rel)
    if (entries && diffIds.includes(diffId)) layers.set(diffId, entries)
    return diffIds.every(d => layers.has(d))
  })
  const out = new Map<string, PathEntry | null>()
  for (const path of wanted) {
    let entry: PathEntry | null = null
    for (const d of diffIds) {
      const e = layers.get(d)?.get(normalizeLayerPath(path))
      if (!e || e.type === 'missing') continue
      entry =
        e.type === 'whiteout'
          ? null
          : {
              type:
                e.type === 'file' || e.type === 'symlink' || e.type === 'dir' ? e.type : 'other',
              ...(e.digest ? { digest: e.digest } : {})
            }
    }
    out.set(path, entry)
  }
  return out
}
