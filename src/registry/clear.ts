/**
 * Deleting registry cache references (`--cache-from` images, inline-cache tags) by name, through
 * the registry API. The API deletes manifests by digest, and a digest delete drops every tag that
 * points at it: a cache tag sharing its digest with an app tag would take the app tag along. So a
 * named reference whose digest any other tag (or an index under another tag) also uses is moved
 * first: the tag is re-pointed at a one-off empty manifest, and that manifest is deleted, which
 * removes that tag alone. Nothing that was not named is ever deleted.
 */
import { randomBytes } from 'node:crypto'
import { MEDIA, RegistryClient, RegistryError, sha256 } from './client.js'
import { parseImageRef, repoName, type ImageRef } from './reference.js'

export interface RegistryCacheDeletion {
  /** The reference as named. */
  ref: string
  digest: string
  /** `manifest`: its digest was deleted; `tag`: only the tag, the manifest is shared with `keptFor`. */
  how: 'manifest' | 'tag'
  /** Other tags that kept the shared manifest. */
  keptFor: string[]
}

export interface RegistryCacheReport {
  deleted: RegistryCacheDeletion[]
  /** Named references the registry did not have (nothing to do). */
  missing: string[]
}

/** Parsed and checked before anything is deleted: a tag or a digest, on a named registry. */
export function parseCacheRefs(refs: readonly string[]): ImageRef[] {
  return refs.map(text => {
    const ref = parseImageRef(text)
    if (!ref.tag && !ref.digest) {
      throw new RegistryError(
        `registry cache "${text}" names no tag or digest to delete`,
        'TAG_INVALID'
      )
    }
    return ref
  })
}

/**
 * Checks every registry answers and allows deletes, without deleting anything: one clear error
 * before any builder prune or registry change.
 */
export async function prepareCacheDeletion(
  refs: readonly ImageRef[],
  env: NodeJS.ProcessEnv
): Promise<Map<string, RegistryClient>> {
  const clients = new Map<string, RegistryClient>()
  for (const ref of refs) {
    let c = clients.get(ref.registry)
    if (!c) clients.set(ref.registry, (c = new RegistryClient(ref.registry, { env })))
  }
  for (const ref of refs) {
    const c = clients.get(ref.registry) as RegistryClient
    await c.ping()
    await c.checkDeleteEnabled(ref.repository)
  }
  return clients
}

export async function deleteCacheRefs(
  refs: readonly ImageRef[],
  clients: Map<string, RegistryClient>,
  say: (line: string) => void
): Promise<RegistryCacheReport> {
  const report: RegistryCacheReport = { deleted: [], missing: [] }
  const named = new Set(refs.map(r => `${repoName(r)}:${r.tag ?? ''}`))
  // Resolved before any delete: two named tags on one digest are both reported deleted.
  const digests: (string | null)[] = []
  for (const ref of refs) {
    const client = clients.get(ref.registry) as RegistryClient
    digests.push(await client.resolve(ref.repository, ref.digest ?? (ref.tag as string)))
  }
  const gone = new Set<string>()
  for (const [i, ref] of refs.entries()) {
    const client = clients.get(ref.registry) as RegistryClient
    const digest = digests[i] ?? null
    if (digest && gone.has(`${repoName(ref)}@${digest}`)) {
      say(`registry cache ${ref.text}: deleted with ${digest}`)
      report.deleted.push({ ref: ref.text, digest, how: 'manifest', keptFor: [] })
      continue
    }
    if (!digest) {
      say(`registry cache ${ref.text}: not in the registry, nothing to delete`)
      report.missing.push(ref.text)
      continue
    }
    const others = await otherUsers(client, ref, digest, named)
    if (others.length === 0) {
      await client.deleteManifest(ref.repository, digest)
      gone.add(`${repoName(ref)}@${digest}`)
      say(`registry cache ${ref.text}: deleted ${digest}`)
      report.deleted.push({ ref: ref.text, digest, how: 'manifest', keptFor: [] })
      continue
    }
    if (!ref.tag) {
      throw new RegistryError(
        `registry cache ${ref.text}: refused, the digest is also used by ${others.join(', ')}, which were not named as caches`,
        'SHARED'
      )
    }
    // Re-point the tag at a manifest nothing else uses, then delete that one.
    const tombstone = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        config: { mediaType: MEDIA.ociEmpty, digest: sha256('{}'), size: 2 },
        layers: [],
        annotations: {
          'dev.fresh-build.deleted-cache': `${ref.text} ${randomBytes(8).toString('hex')}`
        }
      })
    )
    await client.putBlob(ref.repository, Buffer.from('{}'))
    const moved = await client.putManifest(ref.repository, ref.tag, tombstone, MEDIA.ociManifest)
    await client.deleteManifest(ref.repository, moved)
    say(`registry cache ${ref.text}: tag deleted; ${digest} kept for ${others.join(', ')}`)
    report.deleted.push({ ref: ref.text, digest, how: 'tag', keptFor: others })
  }
  return report
}

/**
 * Tags of the repository, not named as caches, that point at `digest` or at an index listing
 * it. Record artifacts (`sha256-<hex>.fresh-build`) and signatures point elsewhere (their own
 * manifests), so they never count, and are left alone.
 */
async function otherUsers(
  client: RegistryClient,
  ref: ImageRef,
  digest: string,
  named: Set<string>
): Promise<string[]> {
  const out: string[] = []
  for (const tag of await client.tags(ref.repository)) {
    if (named.has(`${repoName(ref)}:${tag}`)) continue
    const m = await client.manifest(ref.repository, tag)
    if (!m) continue
    const children = Array.isArray(m.json.manifests)
      ? (m.json.manifests as { digest?: unknown }[]).map(x => x.digest)
      : []
    if (m.digest === digest || children.includes(digest)) out.push(`${repoName(ref)}:${tag}`)
  }
  return out
}
