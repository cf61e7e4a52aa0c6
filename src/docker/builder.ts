/**
 * Which builder will run `docker build` on this host, and which daemon it talks to.
 * The kind decides the build argv, what a prune can reach and how the log looks.
 */
import { DockerError, lastErrorLine, type DockerExec } from './exec.js'

/**
 * - `buildx`: a buildx plugin is installed; we call `docker buildx build --load`.
 * - `buildkit`: a classic client (< 23) that builds with BuildKit under DOCKER_BUILDKIT=1.
 * - `legacy`: the classic builder (client >= 23 without buildx, DOCKER_BUILDKIT=0, or a
 *   daemon without BuildKit); its cache lives in images, not in builder records.
 */
export type BuilderKind = 'buildx' | 'buildkit' | 'legacy'

export interface BuilderFacts {
  clientVersion: string | null
  serverVersion: string | null
  /** `linux`, `windows`, ... (null when unknown). */
  serverOs: string | null
  /** Output of `docker buildx version`, or null when the plugin is missing. */
  buildxVersion: string | null
  /** The DOCKER_BUILDKIT environment value as the build would see it. */
  dockerBuildkit: string | undefined
}

export interface BuilderChoice {
  kind: BuilderKind
  /** Why this kind, for the log. */
  reason: string
  warnings: string[]
}

export interface DockerHostInfo extends BuilderChoice {
  clientVersion: string | null
  serverVersion: string | null
  serverOs: string | null
  buildxVersion: string | null
  /** DOCKER_HOST when set: builds and prunes happen on that daemon. */
  dockerHost: string | null
  /** The docker context the client uses (`default` unless DOCKER_CONTEXT or config says). */
  context: string | null
}

/** Major.minor of a version like `20.10.24+dfsg1`, `v0.12.1`, `28.2.2`; null if unparsable. */
export function parseVersion(v: string | null | undefined): [number, number] | null {
  const m = /(\d+)\.(\d+)/.exec(v ?? '')
  return m ? [Number(m[1]), Number(m[2])] : null
}

function atLeast(v: [number, number], major: number, minor: number): boolean {
  return v[0] > major || (v[0] === major && v[1] >= minor)
}

function envFlag(value: string | undefined): boolean | null {
  if (value === undefined || value === '') return null
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase())
}

/** Pure decision from the facts. */
export function classifyBuilder(facts: BuilderFacts): BuilderChoice {
  const warnings: string[] = []
  const flag = envFlag(facts.dockerBuildkit)
  const client = parseVersion(facts.clientVersion)
  const server = parseVersion(facts.serverVersion)

  if (flag === false) {
    return { kind: 'legacy', reason: 'DOCKER_BUILDKIT=0 selects the legacy builder', warnings }
  }
  if (facts.serverOs === 'windows') {
    return { kind: 'legacy', reason: 'the Windows daemon has no BuildKit', warnings }
  }
  if (server && !atLeast(server, 18, 9)) {
    return {
      kind: 'legacy',
      reason: `daemon ${facts.serverVersion} predates BuildKit (18.09)`,
      warnings
    }
  }
  if (facts.buildxVersion !== null) {
    return { kind: 'buildx', reason: `buildx plugin present (${facts.buildxVersion})`, warnings }
  }
  if (client && atLeast(client, 23, 0)) {
    if (flag === true) {
      warnings.push(
        `DOCKER_BUILDKIT=1 makes docker ${facts.clientVersion} fail without buildx; building with the legacy builder instead`
      )
    }
    warnings.push(
      `docker client ${facts.clientVersion} has no buildx plugin: it falls back to the legacy builder, whose cache lives in images (builder prune does not reach it)`
    )
    return { kind: 'legacy', reason: `client ${facts.clientVersion} without buildx`, warnings }
  }
  return {
    kind: 'buildkit',
    reason: `client ${facts.clientVersion ?? 'unknown'} builds with BuildKit under DOCKER_BUILDKIT=1`,
    warnings
  }
}

interface VersionJson {
  Client?: { Version?: string; Context?: string } | null
  Server?: { Version?: string; Os?: string } | null
}

/** Parses `docker version --format '{{json .}}'` (Server is null when the daemon is down). */
export function parseVersionJson(text: string): {
  clientVersion: string | null
  serverVersion: string | null
  serverOs: string | null
  context: string | null
} {
  let v: VersionJson = {}
  const line = text.split('\n').find(l => l.trim().startsWith('{'))
  if (line) {
    try {
      v = JSON.parse(line) as VersionJson
    } catch {
      v = {}
    }
  }
  return {
    clientVersion: v.Client?.Version ?? null,
    serverVersion: v.Server?.Version ?? null,
    serverOs: v.Server?.Os ?? null,
    context: v.Client?.Context ?? null
  }
}

/**
 * Asks the client and daemon. Throws a DockerError when the daemon cannot be reached, naming the
 * host it tried (docker's own message says which).
 */
export async function detectBuilder(
  exec: DockerExec,
  env: NodeJS.ProcessEnv = process.env
): Promise<DockerHostInfo> {
  // Both at once: the plugin check needs no daemon, and each is a client start-up to wait for.
  const asked = exec(['version', '--format', '{{json .}}'])
  const plugin = exec(['buildx', 'version'])
  plugin.catch(() => undefined) // awaited only when the daemon answered
  const ver = await asked
  const parsed = parseVersionJson(ver.stdout)
  if (ver.code !== 0 || parsed.serverVersion === null) {
    const where = env.DOCKER_HOST ? ` (DOCKER_HOST=${env.DOCKER_HOST})` : ''
    throw new DockerError(`Docker daemon unreachable${where}: ${lastErrorLine(ver)}`, ver.code)
  }
  const bx = await plugin
  const buildxVersion = bx.code === 0 ? bx.stdout.trim().split('\n')[0] || 'buildx' : null
  const choice = classifyBuilder({ ...parsed, buildxVersion, dockerBuildkit: env.DOCKER_BUILDKIT })
  return {
    ...choice,
    ...parsed,
    buildxVersion,
    dockerHost: env.DOCKER_HOST || null,
    context: env.DOCKER_CONTEXT || parsed.context
  }
}
