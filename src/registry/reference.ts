import { RegistryError } from './errors.js'

/**
 * Image references as docker reads them (distribution/reference): `[domain[:port]/]path[:tag][@digest]`.
 * The first path component is a registry domain only when it holds a `.` or a `:` or is
 * `localhost`; otherwise the image lives on Docker Hub (`docker.io`, `library/` for one component).
 */
export interface ImageRef {
  /** `host[:port]` as written, `docker.io` for Docker Hub. */
  registry: string
  /** The repository path inside the registry (`library/nginx`, `team/app`). */
  repository: string
  tag: string | null
  /** `sha256:<64 hex>` when the reference pins a digest. */
  digest: string | null
  /** The reference as given. */
  text: string
}

const PATH_PART = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/
const DIGEST = /^sha256:[0-9a-f]{64}$/

export function parseImageRef(text: string): ImageRef {
  let rest = text.trim()
  let digest: string | null = null
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!DIGEST.test(digest))
      throw new RegistryError(`"${text}": the digest is not sha256:<64 hex>`)
  }
  const slash = rest.indexOf('/')
  const first = slash >= 0 ? rest.slice(0, slash) : ''
  const hasDomain =
    slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')
  let registry = hasDomain ? first : 'docker.io'
  let path = hasDomain ? rest.slice(slash + 1) : rest
  let tag: string | null = null
  const colon = path.lastIndexOf(':')
  if (colon >= 0) {
    tag = path.slice(colon + 1)
    path = path.slice(0, colon)
    if (!TAG.test(tag)) throw new RegistryError(`"${text}": "${tag}" is not a valid tag`)
  }
  if (path === '' || !path.split('/').every(p => PATH_PART.test(p))) {
    throw new RegistryError(
      `"${text}": name invalid (repository names are lower case: [a-z0-9] with . _ - separators)`
    )
  }
  if (registry === 'index.docker.io') registry = 'docker.io'
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`
  return { registry, repository: path, tag, digest, text }
}

/** True when the reference names its registry (`host[:port]/...`), not Docker Hub by default. */
export function namesRegistry(text: string): boolean {
  const slash = text.indexOf('/')
  if (slash < 0) return false
  const first = text.slice(0, slash)
  return first.includes('.') || first.includes(':') || first === 'localhost'
}

/** `registry/repository` without tag or digest. */
export function repoName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`
}

/** Loopback registries are spoken to over plain HTTP, as dockerd does (127.0.0.0/8 is insecure by default). */
export function isLoopback(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}
