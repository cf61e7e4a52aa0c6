/**
 * A small client for the registry HTTP API (OCI distribution-spec v2, as the CNCF distribution
 * registry serves it): manifests, blobs, tags, deletes. Only what fresh-build needs; `docker push`
 * still moves the image itself. Every failure is a RegistryError with one line naming the
 * registry and what went wrong (unreachable, unauthorised, name invalid, delete disabled).
 */
import { createHash } from 'node:crypto'
import { credentialsFor, type Credentials } from './credentials.js'
import { RegistryError } from './errors.js'
import { isLoopback } from './reference.js'

export { RegistryError }

export const MEDIA = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociEmpty: 'application/vnd.oci.empty.v1+json'
} as const

/** Every manifest kind we read; the registry answers with the one it stored. */
const ACCEPT = [MEDIA.ociManifest, MEDIA.ociIndex, MEDIA.dockerManifest, MEDIA.dockerList].join(
  ', '
)

export interface Manifest {
  digest: string
  mediaType: string
  bytes: Buffer
  /** The parsed JSON. */
  json: Record<string, unknown>
}

export interface RegistryClientOptions {
  env: NodeJS.ProcessEnv
  /** Per request; default 30 s. */
  timeoutMs?: number
}

export function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

interface Req {
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE' | 'PATCH'
  /** A path under the registry, or an absolute URL the registry gave (an upload location). */
  path: string
  /** Repository and actions, for a bearer token's scope. */
  scope?: { repository: string; actions: string }
  headers?: Record<string, string>
  body?: Buffer
}

export class RegistryClient {
  readonly base: string
  private credentials: Promise<Credentials | null> | null = null
  private readonly tokens = new Map<string, string>()
  private basic = false

  constructor(
    readonly registry: string,
    private readonly opts: RegistryClientOptions
  ) {
    this.base = `${isLoopback(registry) ? 'http' : 'https'}://${registry}`
  }

  /** GET /v2/: the registry answers and (with the credentials docker has) lets us in. */
  async ping(): Promise<void> {
    const r = await this.send({ method: 'GET', path: '/v2/' })
    if (r.status !== 200) throw await this.failure(r, 'the API check (GET /v2/)')
  }

  /** The digest a tag or digest points at, or null when the registry has no such manifest. */
  async resolve(repository: string, reference: string): Promise<string | null> {
    const r = await this.send({
      method: 'HEAD',
      path: `/v2/${repository}/manifests/${reference}`,
      scope: { repository, actions: 'pull' },
      headers: { accept: ACCEPT }
    })
    if (r.status === 404) return null
    if (r.status !== 200) throw await this.failure(r, `${repository}:${reference}`)
    const digest = r.headers.get('docker-content-digest')
    if (digest) return digest
    // Some registries leave the header out of HEAD answers: the body's hash is the digest.
    return (await this.manifest(repository, reference))?.digest ?? null
  }

  async manifest(repository: string, reference: string): Promise<Manifest | null> {
    const r = await this.send({
      method: 'GET',
      path: `/v2/${repository}/manifests/${reference}`,
      scope: { repository, actions: 'pull' },
      headers: { accept: ACCEPT }
    })
    if (r.status === 404) return null
    if (r.status !== 200) throw await this.failure(r, `${repository}:${reference}`)
    const bytes = Buffer.from(await r.arrayBuffer())
    const digest = sha256(bytes)
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw new RegistryError(
        `registry ${this.registry}: manifest ${reference} came back with other bytes (${digest})`,
        'DIGEST_INVALID'
      )
    }
    let json: Record<string, unknown>
    try {
      json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
    } catch {
      throw new RegistryError(
        `registry ${this.registry}: manifest ${repository}:${reference} is not JSON`,
        'MANIFEST_INVALID'
      )
    }
    const mediaType =
      (typeof json.mediaType === 'string' ? json.mediaType : null) ??
      r.headers.get('content-type') ??
      MEDIA.ociManifest
    return { digest, mediaType, bytes, json }
  }

  /** PUT a manifest under a tag (or its digest); returns its digest. */
  async putManifest(
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string
  ): Promise<string> {
    const r = await this.send({
      method: 'PUT',
      path: `/v2/${repository}/manifests/${reference}`,
      scope: { repository, actions: 'pull,push' },
      headers: { 'content-type': mediaType },
      body: bytes
    })
    if (r.status !== 201) throw await this.failure(r, `pushing manifest ${repository}:${reference}`)
    await r.arrayBuffer().catch(() => undefined)
    return sha256(bytes)
  }

  /** Uploads a blob unless the repository has it (monolithic upload: POST then PUT). */
  async putBlob(repository: string, bytes: Buffer): Promise<string> {
    const digest = sha256(bytes)
    const scope = { repository, actions: 'pull,push' }
    const head = await this.send({
      method: 'HEAD',
      path: `/v2/${repository}/blobs/${digest}`,
      scope
    })
    if (head.status === 200) return digest
    const start = await this.send({
      method: 'POST',
      path: `/v2/${repository}/blobs/uploads/`,
      scope
    })
    if (start.status !== 202)
      throw await this.failure(start, `starting a blob upload to ${repository}`)
    await start.arrayBuffer().catch(() => undefined)
    const location = start.headers.get('location')
    if (!location)
      throw new RegistryError(
        `registry ${this.registry}: blob upload gave no Location`,
        'BLOB_UPLOAD_INVALID'
      )
    const url = new URL(location, this.base)
    url.searchParams.set('digest', digest)
    const put = await this.send({
      method: 'PUT',
      path: url.toString(),
      scope,
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes
    })
    if (put.status !== 201)
      throw await this.failure(put, `uploading blob ${digest} to ${repository}`)
    await put.arrayBuffer().catch(() => undefined)
    return digest
  }

  /** A blob's bytes, checked against its digest. */
  async blob(repository: string, digest: string, maxBytes = 64 * 1024 * 1024): Promise<Buffer> {
    const r = await this.send({
      method: 'GET',
      path: `/v2/${repository}/blobs/${digest}`,
      scope: { repository, actions: 'pull' }
    })
    if (r.status !== 200) throw await this.failure(r, `blob ${digest} of ${repository}`)
    const size = Number(r.headers.get('content-length') ?? 0)
    if (size > maxBytes)
      throw new RegistryError(
        `registry ${this.registry}: blob ${digest} is ${size} bytes, more than ${maxBytes}`,
        'BLOB_TOO_LARGE'
      )
    const bytes = Buffer.from(await r.arrayBuffer())
    if (sha256(bytes) !== digest) {
      throw new RegistryError(
        `registry ${this.registry}: blob ${digest} came back with other bytes`,
        'DIGEST_INVALID'
      )
    }
    return bytes
  }

  /** Every tag of a repository (following `Link` pages); empty when the repository is unknown. */
  async tags(repository: string): Promise<string[]> {
    const out: string[] = []
    let path: string | null = `/v2/${repository}/tags/list?n=1000`
    while (path) {
      const r = await this.send({ method: 'GET', path, scope: { repository, actions: 'pull' } })
      if (r.status === 404) return out
      if (r.status !== 200) throw await this.failure(r, `listing the tags of ${repository}`)
      const doc = (await r.json()) as { tags?: string[] | null }
      out.push(...(doc.tags ?? []))
      const link = /<([^>]+)>;\s*rel="?next"?/.exec(r.headers.get('link') ?? '')
      path = link ? (link[1] as string) : null
    }
    return out
  }

  /**
   * DELETE a manifest by digest. The registry then drops it and every tag pointing at it, so
   * callers decide first which digest may go. Throws a RegistryError with code `DELETE_DISABLED`
   * when the registry's delete setting is off.
   */
  async deleteManifest(repository: string, digest: string): Promise<'deleted' | 'missing'> {
    const r = await this.send({
      method: 'DELETE',
      path: `/v2/${repository}/manifests/${digest}`,
      scope: { repository, actions: 'delete' }
    })
    await r.arrayBuffer().catch(() => undefined)
    if (r.status === 202 || r.status === 200) return 'deleted'
    if (r.status === 404) return 'missing'
    if (r.status === 405) {
      throw new RegistryError(
        `registry ${this.registry}: deleting is not enabled (the registry answers 405 UNSUPPORTED; turn on storage.delete.enabled, or REGISTRY_STORAGE_DELETE_ENABLED=true)`,
        'DELETE_DISABLED'
      )
    }
    throw await this.failure(r, `deleting ${repository}@${digest}`)
  }

  /**
   * Whether deletes are allowed, asked without deleting anything: a DELETE of a digest no
   * manifest has answers 404 when deletes are on and 405 when they are off.
   */
  async checkDeleteEnabled(repository: string): Promise<void> {
    await this.deleteManifest(repository, `sha256:${'0'.repeat(64)}`)
  }

  // --- transport and auth

  private async send(req: Req, retried = false): Promise<Response> {
    const url = /^https?:\/\//.test(req.path) ? req.path : `${this.base}${req.path}`
    const headers: Record<string, string> = { ...req.headers }
    const auth = await this.authorization(req)
    if (auth) headers.authorization = auth
    let r: Response
    try {
      r = await fetch(url, {
        method: req.method,
        headers,
        ...(req.body ? { body: req.body } : {}),
        redirect: 'follow',
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000)
      })
    } catch (e) {
      throw new RegistryError(
        `registry ${this.registry} is unreachable (${netCause(e)})`,
        'UNREACHABLE'
      )
    }
    if (r.status === 401 && !retried) {
      const challenge = r.headers.get('www-authenticate') ?? ''
      await r.arrayBuffer().catch(() => undefined)
      if (await this.answerChallenge(challenge, req)) return this.send(req, true)
      throw new RegistryError(
        `registry ${this.registry}: unauthorised${req.scope ? ` for ${req.scope.repository}` : ''} (no credentials for it in the Docker config: run docker login ${this.registry})`,
        'UNAUTHORIZED'
      )
    }
    if (r.status === 401) {
      await r.arrayBuffer().catch(() => undefined)
      throw new RegistryError(
        `registry ${this.registry}: unauthorised${req.scope ? ` for ${req.scope.repository}` : ''} (the Docker config's credentials were refused: run docker login ${this.registry})`,
        'UNAUTHORIZED'
      )
    }
    return r
  }

  private creds(): Promise<Credentials | null> {
    return (this.credentials ??= credentialsFor(this.registry, this.opts.env))
  }

  private async authorization(req: Req): Promise<string | null> {
    const token = this.tokens.get(scopeKey(req)) ?? this.tokens.get('')
    if (token) return `Bearer ${token}`
    if (this.basic) {
      const c = await this.creds()
      if (c?.kind === 'basic')
        return `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`
    }
    return null
  }

  /** Basic or Bearer (token service) auth as the challenge asks; false when we have nothing to offer. */
  private async answerChallenge(challenge: string, req: Req): Promise<boolean> {
    const c = await this.creds()
    if (/^basic\b/i.test(challenge)) {
      if (c?.kind !== 'basic') return false
      this.basic = true
      return true
    }
    if (!/^bearer\b/i.test(challenge)) return false
    const params = Object.fromEntries(
      [...challenge.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1] as string, m[2] as string])
    )
    if (!params.realm) return false
    const url = new URL(params.realm)
    if (params.service) url.searchParams.set('service', params.service)
    const scope = req.scope
      ? `repository:${req.scope.repository}:${req.scope.actions}`
      : params.scope
    if (scope) url.searchParams.set('scope', scope)
    const headers: Record<string, string> = {}
    let method = 'GET'
    let body: string | undefined
    if (c?.kind === 'basic') {
      headers.authorization = `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`
    } else if (c?.kind === 'identity') {
      method = 'POST'
      headers['content-type'] = 'application/x-www-form-urlencoded'
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: c.token,
        client_id: 'fresh-build'
      })
      if (params.service) form.set('service', params.service)
      if (scope) form.set('scope', scope)
      body = form.toString()
    }
    let r: Response
    try {
      r = await fetch(url, {
        method,
        headers,
        ...(body ? { body } : {}),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000)
      })
    } catch (e) {
      throw new RegistryError(
        `registry ${this.registry}: its token service ${url.host} is unreachable (${netCause(e)})`,
        'UNREACHABLE'
      )
    }
    if (r.status !== 200) {
      await r.arrayBuffer().catch(() => undefined)
      return false
    }
    const doc = (await r.json().catch(() => ({}))) as { token?: string; access_token?: string }
    const token = doc.token ?? doc.access_token
    if (!token) return false
    this.tokens.set(scopeKey(req), token)
    return true
  }

  /** One line from an error answer: the registry's own code and message when it sent them. */
  private async failure(r: Response, what: string): Promise<RegistryError> {
    let code = `HTTP_${r.status}`
    let detail = `HTTP ${r.status}`
    try {
      const doc = (await r.json()) as { errors?: { code?: string; message?: string }[] }
      const first = doc.errors?.[0]
      if (first?.code) {
        code = first.code
        detail = `${first.code}${first.message ? `: ${first.message}` : ''}`
      }
    } catch {
      // not JSON: the status says enough
    }
    const nice =
      code === 'NAME_INVALID'
        ? 'name invalid'
        : code === 'DENIED'
          ? 'access denied'
          : code === 'NAME_UNKNOWN'
            ? 'no such repository'
            : null
    return new RegistryError(
      `registry ${this.registry}: ${nice ? `${nice} (${detail})` : detail} for ${what}`,
      code
    )
  }
}

function scopeKey(req: Req): string {
  return req.scope ? `${req.scope.repository}:${req.scope.actions}` : ''
}

/** `ECONNREFUSED 127.0.0.1:5199` from undici's `fetch failed`, or the timeout. */
function netCause(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out'
  const cause = err?.cause
  if (cause?.message)
    return cause.code && !cause.message.includes(cause.code)
      ? `${cause.code}: ${cause.message}`
      : cause.message
  if (cause?.code) return cause.code
  return err?.message ?? String(e)
}
