/**
 * A real registry (Debian's docker-registry, started by scripts/registry.sh on a free loopback
 * port in 5100-5199) and extra Docker hosts (scripts/dockerd-host.sh), for the build-once,
 * deploy-anywhere tests. Each is stopped only when the test started it.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { basename, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DOCKER } from './docker.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const REGISTRY_BIN = process.env.REGISTRY_BIN ?? '/usr/bin/docker-registry'
export const registryAvailable = (): boolean => existsSync(REGISTRY_BIN)

function portFree(port: number): Promise<boolean> {
  return new Promise(done => {
    const s = createServer()
    s.once('error', () => done(false))
    s.listen(port, '127.0.0.1', () => s.close(() => done(true)))
  })
}

/** A port in 5100-5199 nothing listens on (random start, so parallel runs rarely collide). */
export async function freePort(): Promise<number> {
  const start = Math.floor(Math.random() * 100)
  for (let i = 0; i < 100; i++) {
    const port = 5100 + ((start + i) % 100)
    if (await portFree(port)) return port
  }
  throw new Error('no free port in 5100-5199')
}

export interface TestRegistry {
  /** `127.0.0.1:PORT` */
  addr: string
  port: number
  stop: () => void
}

export async function startRegistry(flags: string[] = []): Promise<TestRegistry> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort()
    const r = spawnSync(
      'bash',
      [resolve(ROOT, 'scripts/registry.sh'), 'start', String(port), ...flags],
      {
        encoding: 'utf8'
      }
    )
    if (r.status === 0) {
      return {
        addr: `127.0.0.1:${port}`,
        port,
        stop: () =>
          void spawnSync('bash', [resolve(ROOT, 'scripts/registry.sh'), 'stop', String(port)])
      }
    }
    if (!/already answers/.test(r.stderr)) throw new Error(`registry.sh start ${port}: ${r.stderr}`)
  }
  throw new Error('could not start a registry on a free port')
}

/** HTTP to the test registry (loopback only). */
export async function registryGet(
  addr: string,
  path: string,
  init: { method?: string; accept?: string; basic?: string } = {}
): Promise<Response> {
  if (!addr.startsWith('127.0.0.1:')) throw new Error(`not a loopback registry: ${addr}`)
  return fetch(`http://${addr}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      accept:
        init.accept ??
        'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json',
      ...(init.basic
        ? { authorization: `Basic ${Buffer.from(init.basic).toString('base64')}` }
        : {})
    }
  })
}

/** The registry's digest for repository:reference, or null (404); `basic` is `user:password`. */
export async function registryDigest(
  addr: string,
  repo: string,
  ref: string,
  basic?: string
): Promise<string | null> {
  const r = await registryGet(addr, `/v2/${repo}/manifests/${ref}`, {
    method: 'HEAD',
    ...(basic ? { basic } : {})
  })
  if (r.status === 404) return null
  if (r.status !== 200) throw new Error(`HEAD ${repo}:${ref}: ${r.status}`)
  return r.headers.get('docker-content-digest')
}

export async function registryTags(addr: string, repo: string): Promise<string[]> {
  const r = await registryGet(addr, `/v2/${repo}/tags/list`)
  if (r.status === 404) return []
  return ((await r.json()) as { tags: string[] | null }).tags ?? []
}

export interface TestHost {
  dockerHost: string
  stop: () => void
  /** `docker` on that host; throws with stderr on failure. */
  docker: (args: string[], input?: string) => string
}

/**
 * Another daemon of the project's own, named after the suite's daemon plus `suffix` (`reg` ->
 * `regb`), so parallel suites on one machine keep apart.
 */
export function startHost(suffix: string): TestHost {
  const own = process.env.DOCKER_HOST ?? ''
  const m = /\/fresh-build-hosts\/([a-z0-9]{1,8})\/docker\.sock$/.exec(own)
  const base = m
    ? (m[1] as string)
    : basename(dirname(own.replace(/^unix:\/\//, ''))).replace(/[^a-z0-9]/g, '') || 'fbsuite'
  const name = `${base.slice(0, 8 - suffix.length)}${suffix}`
  const script = resolve(ROOT, 'scripts/dockerd-host.sh')
  const env = { ...process.env }
  delete env.DOCKER_HOST
  const r = spawnSync('bash', [script, 'start', name], { encoding: 'utf8', env })
  if (r.status !== 0) throw new Error(`dockerd-host.sh start ${name}: ${r.stderr}`)
  const dockerHost = /DOCKER_HOST=(\S+)/.exec(r.stdout)?.[1]
  if (!dockerHost)
    throw new Error(`dockerd-host.sh start ${name} printed no DOCKER_HOST: ${r.stdout}`)
  const startedHere = !/already answers/.test(r.stderr)
  return {
    dockerHost,
    stop: () => {
      if (startedHere) spawnSync('bash', [script, 'stop', name], { env })
    },
    docker: (args, input) => {
      const d = spawnSync(DOCKER, args, {
        env: { ...process.env, DOCKER_HOST: dockerHost, DOCKER_BUILDKIT: '1' },
        encoding: 'utf8',
        ...(input !== undefined ? { input } : {}),
        maxBuffer: 64 * 1024 * 1024
      })
      if (d.status !== 0) throw new Error(`docker ${args.join(' ')} on ${dockerHost}: ${d.stderr}`)
      return d.stdout + d.stderr
    }
  }
}

/**
 * An htpasswd line (bcrypt, the only scheme the registry reads) made with python3's crypt module;
 * null when this python has none. The fewest rounds: the registry checks it on every request.
 */
export function htpasswdLine(user: string, password: string): string | null {
  const r = spawnSync(
    'python3',
    [
      '-W',
      'ignore',
      '-c',
      'import crypt,sys; print(sys.argv[1] + ":" + crypt.crypt(sys.argv[2], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))',
      user,
      password
    ],
    { encoding: 'utf8' }
  )
  return r.status === 0 && /:\$2[aby]\$/.test(r.stdout) ? r.stdout.trim() : null
}
