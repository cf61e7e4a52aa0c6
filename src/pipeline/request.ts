/**
 * What a run is asked to do, as both adapters (the CLI in src/cli/, the action in src/action/)
 * express it. It lives below them so that neither depends on the other, and the pipeline
 * depends on neither.
 */
import type { PrunePolicy, VerifyPolicy } from '../model.js'
import type { GuardOptions } from './options.js'
import type { BuildFlags, Surface } from './build-flags.js'

/** `--compose-file F [--service S]...` (CLI) or `compose-file` + `services` (action). */
export interface ComposeCli {
  file: string
  services: string[]
  /** When set, every path the compose file names must stay inside this directory (the action's workspace). */
  root?: string
}

/**
 * The validated fields of a `build` or `check` request. What an adapter has no way to ask for
 * (the action has no build id, no --ignore-corrupt-record, no stat cache switch) is left out
 * and gets the guard's default.
 */
export interface GuardRequest {
  context: string
  file: string
  state: string | null
  tags: string[]
  buildArgs: Record<string, string>
  secretArgs: string[]
  cacheFrom: string[]
  target: string | null
  prune: PrunePolicy
  verify: VerifyPolicy
  commit: string | null
  buildId?: string | null
  ignoreCorruptRecord?: boolean
  logFile: string | null
  image: string | null
  docker: string
  statCache?: boolean
  push?: boolean
  /** The docker build flags (labels, secrets, named contexts...), paths resolved. */
  build?: BuildFlags
  /** Which adapter asks: errors name its input or flag. */
  surface?: Surface
  buildTimeoutMs?: number
}

/** The one way from a request to the guard's options, for the CLI and the action alike. */
export function guardOptions(r: GuardRequest): GuardOptions {
  return {
    context: r.context,
    file: r.file,
    state: r.state,
    tags: r.tags,
    buildArgs: r.buildArgs,
    secretArgs: r.secretArgs,
    cacheFrom: r.cacheFrom,
    target: r.target,
    prune: r.prune,
    verify: r.verify,
    commit: r.commit,
    buildId: r.buildId ?? null,
    ignoreCorruptRecord: r.ignoreCorruptRecord ?? false,
    logFile: r.logFile,
    image: r.image,
    docker: r.docker,
    ...(r.statCache !== undefined ? { statCache: r.statCache } : {}),
    ...(r.push ? { push: true } : {}),
    ...(r.build !== undefined ? { build: r.build } : {}),
    ...(r.surface !== undefined ? { surface: r.surface } : {}),
    ...(r.buildTimeoutMs !== undefined ? { buildTimeoutMs: r.buildTimeoutMs } : {})
  }
}
