/**
 * Which docker compose the host has, and the argv of `compose build` for it.
 *
 *   v2: the `docker compose` CLI plugin (or a v2 `docker-compose` standalone binary); BuildKit by
 *       default, images named `project-service`.
 *   v1: docker-compose 1.x (Python). It builds with docker-py and the legacy builder unless
 *       `COMPOSE_DOCKER_CLI_BUILD=1` and `DOCKER_BUILDKIT=1` make it run `docker build` with
 *       BuildKit (the `docker` found on PATH); images named `project_service`.
 */
import { delimiter, dirname, isAbsolute } from 'node:path'
import { run } from '../docker/index.js'
import type { ComposeFlavor } from './read.js'

export type { ComposeFlavor }

/** A compose found on the host. */
export interface ComposeTool {
  flavor: ComposeFlavor
  /** The program to run, and the words before the compose subcommand (`compose` for the plugin). */
  cmd: string
  prefix: string[]
  /** As the tool printed it, e.g. `1.29.2` or `2.24.0`. */
  version: string
}

/** The version a `compose version` output names, and its major number. */
export function parseComposeVersion(text: string): { version: string; major: number } | null {
  const m = /version\s+v?(\d+)\.(\d+)\.(\d+)\S*/i.exec(text)
  if (!m || m[1] === undefined) return null
  return { version: m[0].replace(/^version\s+v?/i, '').replace(/,$/, ''), major: Number(m[1]) }
}

/**
 * Finds the host's compose: `docker compose version` (the v2 plugin), else
 * `docker-compose version` (v1, or a v2 standalone binary, told apart by its version).
 * Null when neither runs. Goes through the exec wrapper; never throws for a missing program.
 */
export async function detectCompose(
  opts: { docker?: string; composeBin?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<ComposeTool | null> {
  const docker = opts.docker ?? 'docker'
  const standalone = opts.composeBin ?? 'docker-compose'
  const tries: { cmd: string; prefix: string[] }[] = [
    { cmd: docker, prefix: ['compose'] },
    { cmd: standalone, prefix: [] }
  ]
  for (const t of tries) {
    const r = await run(t.cmd, [...t.prefix, 'version'], {
      baseEnv: opts.env ?? process.env
    }).catch(() => null)
    if (!r || r.code !== 0) continue
    const v = parseComposeVersion(`${r.stdout}\n${r.stderr}`)
    if (!v) continue
    return { flavor: v.major >= 2 ? 'v2' : 'v1', cmd: t.cmd, prefix: t.prefix, version: v.version }
  }
  return null
}

export interface ComposeBuildOptions {
  /** The compose file (`-f`). */
  file: string
  /** Services to build; empty: all. */
  services: string[]
  /** `--build-arg K=V` for every service. */
  buildArgs: Record<string, string>
  /**
   * The docker client. For v2 given as a flavor, it is the program (`<docker> compose`). For v1,
   * an absolute path puts its folder first on PATH (v1 runs the `docker` it finds there), which
   * needs `path`.
   */
  docker?: string
  /** The PATH to extend for v1 (the caller's environment PATH). */
  path?: string
  noCache?: boolean
}

/** A command to run with `run(cmd, argv, { env })`; `env` holds only what it adds. */
export interface ComposeCommand {
  cmd: string
  argv: string[]
  env: Record<string, string>
}

/**
 * `compose build` for a flavor (or a detected tool), with plain progress so the log parses:
 *   v2: docker compose -f F build --progress=plain [--no-cache] [--build-arg K=V]... [-- svc...]
 *   v1: docker-compose -f F build --progress=plain [--no-cache] [--build-arg K=V]... [-- svc...]
 *       with DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1 (else docker-py's legacy builder).
 * Pure: the same options give the same argv.
 */
export function composeBuildCommand(
  tool: ComposeFlavor | ComposeTool,
  opts: ComposeBuildOptions
): ComposeCommand {
  const t: ComposeTool =
    typeof tool === 'string'
      ? tool === 'v2'
        ? { flavor: 'v2', cmd: opts.docker ?? 'docker', prefix: ['compose'], version: '' }
        : { flavor: 'v1', cmd: 'docker-compose', prefix: [], version: '' }
      : tool
  const argv = [...t.prefix, '-f', opts.file, 'build', '--progress=plain']
  if (opts.noCache) argv.push('--no-cache')
  for (const [k, v] of Object.entries(opts.buildArgs)) argv.push('--build-arg', `${k}=${v}`)
  if (opts.services.length > 0) argv.push('--', ...opts.services)
  const env: Record<string, string> = { DOCKER_BUILDKIT: '1' }
  if (t.flavor === 'v1') {
    env.COMPOSE_DOCKER_CLI_BUILD = '1'
    if (opts.docker && isAbsolute(opts.docker) && opts.path !== undefined) {
      env.PATH = [dirname(opts.docker), opts.path].filter(Boolean).join(delimiter)
    }
  }
  return { cmd: t.cmd, argv, env }
}
