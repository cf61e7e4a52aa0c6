import type { PrunePolicy, VerifyPolicy } from '../model.js'
import type { BuildFlags, Surface } from './build-flags.js'
import {
  isBuildArgName,
  MESSAGE_CUT,
  splitBuildArg,
  truncate as cut,
  UsageError
} from '../util/index.js'

export { UsageError }

/** Everything `build` and `check` need, validated; the CLI and the action both produce it. */
export interface GuardOptions {
  /** Absolute context directory. */
  context: string
  /** Absolute Dockerfile path. */
  file: string
  /** Record file; null: the default location on this host. */
  state: string | null
  tags: string[]
  buildArgs: Record<string, string>
  /** Names of build args whose values must never be shown, recorded or labelled. */
  secretArgs: string[]
  cacheFrom: string[]
  target: string | null
  prune: PrunePolicy
  verify: VerifyPolicy
  commit: string | null
  buildId: string | null
  /** Treat a corrupt record as no record (otherwise it is an error). */
  ignoreCorruptRecord: boolean
  /** check mode: the log to judge and the image it built. */
  logFile: string | null
  image: string | null
  /** The docker client to drive. */
  docker: string
  /** Reuse file digests from the stat cache beside the record (default true). */
  statCache?: boolean
  /** Push every tag after a pass, with the record beside the image. */
  push?: boolean
  /** The docker build flags passed through (labels, secrets, named contexts...); none if absent. */
  build?: BuildFlags
  /** Who gave the options, so errors name the input (action) or the flag (CLI). */
  surface?: Surface
  /** Stop the build after this long (ms): an error. None by default. */
  buildTimeoutMs?: number
}

/** A timeout given in seconds (a positive number, fractions allowed), as milliseconds. */
export function parseTimeout(value: string, where: string): number {
  const v = value.trim()
  const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN
  if (!(n > 0))
    throw new UsageError(`${where}: "${truncate(v, 40)}" is not a positive number of seconds`)
  return Math.round(n * 1000)
}

export const PRUNE_POLICIES: readonly PrunePolicy[] = ['source', 'all', 'never']
export const VERIFY_POLICIES: readonly VerifyPolicy[] = ['changed', 'none']

export function parsePrune(value: string, where = '--prune'): PrunePolicy {
  const v = value.trim()
  if ((PRUNE_POLICIES as readonly string[]).includes(v)) return v as PrunePolicy
  throw new UsageError(`${where}: unknown policy "${v}" (expected ${PRUNE_POLICIES.join(', ')})`)
}

export function parseVerify(value: string, where = '--verify'): VerifyPolicy {
  const v = value.trim()
  if ((VERIFY_POLICIES as readonly string[]).includes(v)) return v as VerifyPolicy
  throw new UsageError(`${where}: unknown value "${v}" (expected ${VERIFY_POLICIES.join(', ')})`)
}

/**
 * `KEY=VALUE` pairs; the value may contain `=` and anything else, kept byte for byte (it goes into
 * an argv slot, never through a shell). `where(i)` names the offending line or flag.
 */
export function parseBuildArgs(
  items: readonly string[],
  where: (i: number) => string
): Record<string, string> {
  const out: Record<string, string> = {}
  items.forEach((item, i) => {
    const { name, value } = splitBuildArg(item)
    if (!isBuildArgName(name)) {
      throw new UsageError(
        `${where(i)}: "${truncate(item)}" is not KEY=VALUE with KEY a build-arg name`
      )
    }
    if (value === null)
      throw new UsageError(`${where(i)}: "${name}" has no value (expected ${name}=VALUE)`)
    out[name] = value
  })
  return out
}

// Docker's image reference grammar (distribution/reference): [domain[:port]/]path[:tag].
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = `(?:${DOMAIN_PART}(?:\\.${DOMAIN_PART})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`
const PATH_PART = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const REFERENCE = new RegExp(
  `^((?:${DOMAIN}/)?${PATH_PART}(?:/${PATH_PART})*)(?::[\\w][\\w.-]{0,127})?$`
)

/**
 * A `--tag` as docker accepts it, checked before anything runs: a tag docker would refuse
 * otherwise fails the build only after the prune, half-way through the run.
 */
export function parseTag(value: string, where: string): string {
  const m = REFERENCE.exec(value)
  if (!m || (m[1] ?? '').length > 255) {
    throw new UsageError(
      `${where}: "${truncate(value)}" is not a valid image tag ([registry/]name[:tag], name in lower case)`
    )
  }
  return value
}

/** A user's value quoted in an error message: one line, cut after `max` characters. */
export function truncate(s: string, max = 60): string {
  return cut(s.replace(/[\r\n]+/g, '\\n'), max, MESSAGE_CUT)
}

/** The values of the secret build args: masked everywhere, never recorded or labelled. */
export function secretArgValues(opts: Pick<GuardOptions, 'secretArgs' | 'buildArgs'>): string[] {
  return opts.secretArgs.map(n => opts.buildArgs[n] ?? '').filter(v => v !== '')
}
