/**
 * The builder probe without client start-ups where that is sound. `docker version` and
 * `docker buildx version` (two client start-ups, on the critical path of every build) ask two
 * kinds of facts: the client's (its version, its context, whether the buildx plugin answers),
 * which only change when the files that make the client change, and the daemon's (version, OS).
 * On the Engine API path (engine.ts) the daemon's facts are one GET /version; the client's are
 * kept beside the record under a fingerprint of everything the client reads to find them: its
 * binary, every place it looks for the buildx plugin, its config file and the DOCKER_*
 * environment. Any difference, or no API path, and both client calls run as before.
 */
import { createHash } from 'node:crypto'
import { constants } from 'node:fs'
import { lstat, open, readFile, realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { classifyBuilder, detectBuilder, type DockerHostInfo } from './builder.js'
import { clientConfigDir, locateClient } from './client-files.js'
import { engineGet, engineSocket } from './engine.js'
import { dockerTimeoutMs, type DockerClient, type DockerExec } from './exec.js'

/** Where the 20.10 and later clients look for plugins, after the config dir's `cli-plugins`. */
const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins'
]

interface ClientFacts {
  version: 1
  key: string
  clientVersion: string | null
  context: string | null
  buildxVersion: string | null
}

/** Where the client facts of a record's builds are kept. */
export function clientFactsPath(recordPath: string): string {
  return `${recordPath}.docker-client`
}

/**
 * detectBuilder, from the kept client facts and the daemon's /version when the fingerprint
 * matches; otherwise detectBuilder itself, keeping what it found for the next run.
 */
export async function probeBuilder(
  client: DockerClient,
  exec: DockerExec,
  factsFile: string | null
): Promise<DockerHostInfo> {
  const env = client.env
  const socket = factsFile === null ? null : await engineSocket(client).catch(() => null)
  const key = socket === null ? null : await fingerprint(client).catch(() => null)
  if (socket === null || key === null || factsFile === null) return detectBuilder(exec, env)
  const kept = await readFacts(factsFile)
  if (kept?.key === key) {
    const server = await daemonVersion(socket, env)
    if (server !== null) {
      const buildx = kept.buildxVersion
      const parsed = { clientVersion: kept.clientVersion, context: kept.context, ...server }
      const choice = classifyBuilder({
        ...parsed,
        buildxVersion: buildx,
        dockerBuildkit: env.DOCKER_BUILDKIT
      })
      return {
        ...choice,
        ...parsed,
        buildxVersion: buildx,
        dockerHost: env.DOCKER_HOST || null,
        context: env.DOCKER_CONTEXT || kept.context
      }
    }
  }
  // The client's own words for an unreachable daemon, and facts for the next run.
  const info = await detectBuilder(exec, env)
  await writeFacts(factsFile, {
    version: 1,
    key,
    clientVersion: info.clientVersion,
    context: info.context,
    buildxVersion: info.buildxVersion
  }).catch(() => undefined)
  return info
}

/** The daemon's version and OS from GET /version; null when it did not answer (the client says why). */
async function daemonVersion(
  socket: string,
  env: NodeJS.ProcessEnv
): Promise<{ serverVersion: string; serverOs: string | null } | null> {
  const res = await engineGet(socket, '/version', {
    label: 'docker version',
    idleTimeoutMs: dockerTimeoutMs(env),
    maxBytes: 1024 * 1024
  })
  if (res === 'unreachable' || res.status !== 200) return null
  try {
    const v = JSON.parse(res.body.toString('utf8')) as { Version?: unknown; Os?: unknown }
    if (typeof v.Version !== 'string' || v.Version === '') return null
    return { serverVersion: v.Version, serverOs: typeof v.Os === 'string' ? v.Os : null }
  } catch {
    return null
  }
}

/** Everything the client reads to know its version, context and the buildx plugin. */
async function fingerprint(client: DockerClient): Promise<string | null> {
  const env = client.env
  // Plugin directories from the environment are not followed here: then the client is asked.
  if (Object.keys(env).some(k => k.startsWith('DOCKER_CLI_PLUGIN'))) return null
  const located = await locateClient(client.bin, env)
  const bin = located === null ? null : await realpath(located)
  if (bin === null) return null
  const configDir = clientConfigDir(env)
  const config = await readFile(join(configDir, 'config.json')).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' ? null : Promise.reject(e)
  )
  let extra: string[] = []
  if (config !== null) {
    const dirs = (JSON.parse(config.toString('utf8')) as { cliPluginsExtraDirs?: unknown })
      .cliPluginsExtraDirs
    if (dirs !== undefined && !(Array.isArray(dirs) && dirs.every(d => typeof d === 'string'))) {
      return null
    }
    extra = (dirs as string[] | undefined) ?? []
  }
  const plugins = [join(configDir, 'cli-plugins'), ...extra, ...SYSTEM_PLUGIN_DIRS].map(d =>
    join(d, 'docker-buildx')
  )
  const parts = [
    `bin ${bin} ${await fileId(bin)}`,
    `config ${config === null ? '-' : createHash('sha256').update(config).digest('hex')}`,
    ...(await Promise.all(plugins.map(async p => `plugin ${p} ${await fileId(p)}`))),
    ...Object.keys(env)
      .filter(k => k.startsWith('DOCKER_') || k === 'HOME')
      .sort()
      .map(k => `env ${k}=${env[k] ?? ''}`)
  ]
  return createHash('sha256').update(parts.join('\n')).digest('hex')
}

/** The file and, for a symlink, what it points to: device, inode, size, mtime, ctime (ns). */
async function fileId(path: string): Promise<string> {
  const id = (s: { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }) =>
    `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`
  const link = await lstat(path, { bigint: true }).catch(() => null)
  if (link === null) return 'absent'
  const target = await stat(path, { bigint: true }).catch(() => null)
  return `${id(link)}>${target === null ? 'dangling' : id(target)}`
}

async function readFacts(path: string): Promise<ClientFacts | null> {
  return parseClientFacts(await readFile(path, 'utf8').catch(() => ''))
}

/** The kept client facts, or null when the text is not their JSON (clear checks this too). */
export function parseClientFacts(text: string): ClientFacts | null {
  try {
    const v = JSON.parse(text) as Partial<ClientFacts> | null
    const str = (x: unknown): boolean => x === null || typeof x === 'string'
    if (typeof v !== 'object' || v === null) return null
    if (v.version !== 1 || typeof v.key !== 'string') return null
    if (!str(v.clientVersion) || !str(v.context) || !str(v.buildxVersion)) return null
    return v as ClientFacts
  } catch {
    return null
  }
}

/**
 * Written in place, never through a symlink: a torn or mixed file fails to parse or to match the
 * fingerprint, and then the client is only asked again.
 */
async function writeFacts(path: string, facts: ClientFacts): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW
  const fh = await open(path, flags, 0o644)
  try {
    await fh.writeFile(`${JSON.stringify(facts)}\n`)
  } finally {
    await fh.close()
  }
}
