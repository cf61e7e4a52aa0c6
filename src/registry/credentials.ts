/**
 * Registry credentials as `docker login` left them: `auths` in the Docker config file
 * ($DOCKER_CONFIG/config.json, else ~/.docker/config.json), or the credential helper it names
 * (`credHelpers` per registry, `credsStore` for all). Values are only ever sent to the registry
 * they belong to; nothing here logs, labels or records them.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { clientConfigDir, run } from '../docker/index.js'

export type Credentials =
  | { kind: 'basic'; username: string; password: string }
  /** An OAuth refresh token (`identitytoken`), exchanged at the token endpoint. */
  | { kind: 'identity'; username: string; token: string }

interface DockerConfig {
  auths?: Record<
    string,
    { auth?: string; username?: string; password?: string; identitytoken?: string }
  >
  credHelpers?: Record<string, string>
  credsStore?: string
}

/** The keys `docker login` may have used for this registry. */
function keysFor(registry: string): string[] {
  if (registry === 'docker.io') {
    return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
  }
  return [
    registry,
    `https://${registry}`,
    `http://${registry}`,
    `https://${registry}/v1/`,
    `https://${registry}/v2/`
  ]
}

export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  return join(clientConfigDir(env), 'config.json')
}

export async function credentialsFor(
  registry: string,
  env: NodeJS.ProcessEnv
): Promise<Credentials | null> {
  let config: DockerConfig
  try {
    config = JSON.parse(await readFile(dockerConfigPath(env), 'utf8')) as DockerConfig
  } catch {
    return null // no config (never logged in) or unreadable: anonymous
  }
  const keys = keysFor(registry)
  const helper = keys.map(k => config.credHelpers?.[k]).find(Boolean) ?? config.credsStore
  for (const key of keys) {
    const entry = config.auths?.[key]
    if (!entry) continue
    if (entry.identitytoken) {
      return { kind: 'identity', username: entry.username ?? '<token>', token: entry.identitytoken }
    }
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon > 0) {
        return {
          kind: 'basic',
          username: decoded.slice(0, colon),
          password: decoded.slice(colon + 1)
        }
      }
    }
    if (entry.username && entry.password) {
      return { kind: 'basic', username: entry.username, password: entry.password }
    }
  }
  return helper ? fromHelper(helper, keys[0] as string, env) : null
}

/** `docker-credential-NAME get`, the protocol docker itself speaks; no answer means anonymous. */
async function fromHelper(
  name: string,
  server: string,
  env: NodeJS.ProcessEnv
): Promise<Credentials | null> {
  if (!/^[\w.-]+$/.test(name)) return null
  const r = await run(`docker-credential-${name}`, ['get'], {
    baseEnv: env,
    input: server,
    maxCapture: 1024 * 1024,
    // A helper waiting on a desktop prompt must not hang the build.
    signal: AbortSignal.timeout(30_000)
  }).catch(() => null)
  if (!r || r.code !== 0) return null
  try {
    const v = JSON.parse(r.stdout) as { Username?: string; Secret?: string }
    if (!v.Secret) return null
    return v.Username === '<token>'
      ? { kind: 'identity', username: v.Username, token: v.Secret }
      : { kind: 'basic', username: v.Username ?? '', password: v.Secret }
  } catch {
    return null
  }
}

/** The secret strings of a credential, to mask in anything printed. */
export function credentialSecrets(c: Credentials | null): string[] {
  if (!c) return []
  return c.kind === 'basic'
    ? [c.password, Buffer.from(`${c.username}:${c.password}`).toString('base64')]
    : [c.token]
}
