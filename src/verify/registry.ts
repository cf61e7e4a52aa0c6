/**
 * `verify --image REGISTRY/NAME@sha256:...` or `REGISTRY/NAME:TAG` on a deploy host: the digest
 * the containers must run, a tag resolved to its current manifest digest in the registry (with
 * the credentials `docker login` left), and the relation between an index and its platform
 * manifests, since RepoDigests holds whichever of the two the host pulled.
 */
import type { BuildRecord } from '../model.js'
import {
  fetchRecord,
  type ImageRef,
  MEDIA,
  namesRegistry,
  parseImageRef,
  RegistryClient,
  RegistryError
} from '../registry/index.js'

/** The image `--image` names in a registry, pinned to one manifest digest. */
export interface RegistryImage {
  /** `registry/repository@sha256:...`, as RepoDigests spells it. */
  digestRef: string
  digest: string
  /** `registry/repository:tag` when a tag was asked (and resolved), else null. */
  tag: string | null
  ref: ImageRef
  client: RegistryClient
}

/**
 * Null when `image` names no registry host (`app:main`, `sha256:...`): such a reference is
 * resolved on the daemon, as before. A tag is resolved in the registry now: a tag it does not
 * have, an unreachable registry or refused credentials are a RegistryError (one line, exit 2).
 */
export async function resolveRegistryImage(
  image: string,
  env: NodeJS.ProcessEnv
): Promise<RegistryImage | null> {
  if (!namesRegistry(image) || image.startsWith('sha256:')) return null
  const ref = parseImageRef(image)
  const client = new RegistryClient(ref.registry, { env })
  const name = `${ref.registry}/${ref.repository}`
  if (ref.digest !== null) {
    return {
      digestRef: `${name}@${ref.digest}`,
      digest: ref.digest,
      tag: ref.tag !== null ? `${name}:${ref.tag}` : null,
      ref,
      client
    }
  }
  const tag = ref.tag ?? 'latest'
  const digest = await client.resolve(ref.repository, tag)
  if (digest === null) {
    throw new RegistryError(
      `registry ${ref.registry}: no manifest ${ref.repository}:${tag} (--image ${image}: nothing to verify against)`,
      'MANIFEST_UNKNOWN'
    )
  }
  return { digestRef: `${name}@${digest}`, digest, tag: `${name}:${tag}`, ref, client }
}

/** `name@sha256:...` -> its parts; null for anything else. */
function splitDigestRef(ref: string): { name: string; digest: string } | null {
  const m = /^(.+)@(sha256:[0-9a-f]{64})$/.exec(ref)
  return m ? { name: m[1] as string, digest: m[2] as string } : null
}

const INDEX_TYPES = new Set<string>([MEDIA.ociIndex, MEDIA.dockerList])

/**
 * Decides whether an image whose RepoDigests do not hold the asked digest still is that
 * manifest: the asked digest is an index and the host pulled one of its platform manifests by
 * digest, or the host pulled an index (RepoDigests then holds the index digest) that lists the
 * asked platform manifest. Manifests are fetched by digest (content-checked) once each.
 */
export class IndexRelation {
  private readonly children = new Map<string, Promise<string[] | null>>()

  constructor(private readonly image: RegistryImage) {}

  /** The manifests an index lists; null when `digest` is not an index (or the registry lacks it). */
  private listed(digest: string): Promise<string[] | null> {
    let p = this.children.get(digest)
    if (!p) {
      p = this.image.client.manifest(this.image.ref.repository, digest).then(m => {
        if (m === null || !INDEX_TYPES.has(m.mediaType)) return null
        const list = Array.isArray(m.json.manifests) ? (m.json.manifests as unknown[]) : []
        return list
          .map(e => (e as { digest?: unknown }).digest)
          .filter((d): d is string => typeof d === 'string')
      })
      this.children.set(digest, p)
    }
    return p
  }

  /**
   * A sentence saying how the image is the asked manifest through an index, or null when it is
   * not. Only RepoDigests of the asked repository count. Registry errors propagate.
   */
  async explain(repoDigests: readonly string[]): Promise<string | null> {
    const own = repoDigests
      .map(splitDigestRef)
      .filter((d): d is { name: string; digest: string } => d !== null)
      .filter(d => sameName(d.name, this.image.digestRef))
    if (own.length === 0) return null
    const asked = this.image.digest
    const children = await this.listed(asked)
    for (const d of own) {
      if (children?.includes(d.digest)) {
        return `pulled ${d.name}@${d.digest}, a platform manifest the index ${asked} lists`
      }
    }
    for (const d of own) {
      if ((await this.listed(d.digest))?.includes(asked)) {
        return `pulled the index ${d.name}@${d.digest}, which lists ${asked}`
      }
    }
    return null
  }
}

function sameName(a: string, digestRef: string): boolean {
  const b = splitDigestRef(digestRef)?.name ?? ''
  return a === b
}

/**
 * The record fresh-build attached beside the image in the registry (for the deploy facts that
 * let mounts and bytes be checked on a host that never built it); null with a reason when there
 * is none or the registry cannot be asked: verify then checks the image and that it runs.
 */
export async function registryRecord(
  image: RegistryImage
): Promise<{ record: BuildRecord | null; problem: string | null }> {
  try {
    const r = await fetchRecord(image.client, image.ref.repository, image.digest)
    if (r.status === 'found') return { record: r.record, problem: null }
    return {
      record: null,
      problem:
        r.status === 'no-image'
          ? `the registry has no manifest ${image.digestRef}`
          : (r.problem ?? `no fresh-build record beside ${image.digestRef} in the registry`)
    }
  } catch (e) {
    if (e instanceof RegistryError) return { record: null, problem: e.message }
    throw e
  }
}
