/**
 * Builder cache pruning: pure argv builders and a thin runner.
 *
 * Measured on the Docker 20.10 daemon (fixtures/logs/prune-filters-docker20.10.txt and the
 * integration tests here):
 * - `--filter type=source.local` removes the context-sync records that serve stale bytes; these
 *   are never shared with images, so `-f` without `-a` reaches them.
 * - The daemon rejects negation (`type!=exec.cachemount` -> "Invalid filter 'type!'") and more
 *   than one value per key (`--filter type=a --filter type=b` -> "filters expect only one
 *   value"). So "everything but cache mounts" is one `-af --filter type=T` command per other
 *   record type; `-a` is needed because regular records shared with images are kept otherwise.
 * - Never `system prune`, `image prune`, `--volumes`: images and volumes are not cache.
 */
import { thrownMessage } from '../util/index.js'
import type { ClearPrunePolicy, PrunePolicy, PruneResult } from '../model.js'
import type { BuilderKind } from './builder.js'
import { commandError, type DockerExec } from './exec.js'
import { parseHumanSize } from './units.js'

/** BuildKit record types other than `exec.cachemount` (RUN --mount=type=cache). */
export const NON_CACHEMOUNT_TYPES = [
  'regular',
  'source.local',
  'source.git.checkout',
  'frontend',
  'internal'
] as const

/** Filter keys the daemon's build-cache prune understands. */
export const PRUNE_FILTER_KEYS = [
  'type',
  'id',
  'parent',
  'description',
  'inuse',
  'shared',
  'private',
  'until',
  'unused-for'
] as const

/** buildx prunes its current builder (maybe a container); the classic client the daemon's. */
function pruneBase(kind: BuilderKind, builder?: string | null): string[] {
  if (kind !== 'buildx') return ['builder', 'prune']
  // The builder the build uses (`--builder`) is the one whose cache must go.
  return builder ? ['buildx', 'prune', '--builder', builder] : ['buildx', 'prune']
}

/** Pure: the prune commands a policy runs before a build. Empty for `never` and for legacy. */
export function pruneCommands(
  policy: PrunePolicy,
  kind: BuilderKind,
  builder: string | null = null
): string[][] {
  // The legacy builder sends the whole context every build and keys COPY on content, so it
  // has no source.local records; its layer cache lives in images, which we never remove.
  if (policy === 'never' || kind === 'legacy') return []
  const base = pruneBase(kind, builder)
  if (policy === 'source') return [[...base, '-f', '--filter', 'type=source.local']]
  return NON_CACHEMOUNT_TYPES.map(t => [...base, '-af', '--filter', `type=${t}`])
}

/** Why a policy prunes nothing on this builder, or null when it does prune. */
export function pruneNote(policy: PrunePolicy, kind: BuilderKind): string | null {
  if (policy === 'never') return 'prune policy is never'
  if (kind !== 'legacy') return null
  return policy === 'source'
    ? 'legacy builder: no context-sync cache to prune (it sends the whole context every build)'
    : 'legacy builder: its cache lives in images, which are never removed; build with --no-cache to rebuild every step'
}

/** With the legacy builder, `all` can only be honoured by building with `--no-cache`. */
export function pruneImpliesNoCache(policy: PrunePolicy, kind: BuilderKind): boolean {
  return kind === 'legacy' && policy === 'all'
}

/**
 * Pure: the commands of a cache clear. `all` prunes every record (cache mounts too), otherwise
 * only unused dangling ones; `filters` are `key=value` for the daemon's own filter. A key given
 * more than once becomes one command per value (the 20.10 daemon takes one value per key).
 * Throws on a filter that is not `key=value` with a known key.
 */
export function clearCommands(
  kind: BuilderKind,
  opts: { all?: boolean; filters?: string[] } = {}
): string[][] {
  const byKey = new Map<string, string[]>()
  for (const f of opts.filters ?? []) {
    const eq = f.indexOf('=')
    const key = eq > 0 ? f.slice(0, eq) : ''
    // A comma would smuggle a second clause into the daemon's filter string.
    const bad = eq === f.length - 1 || f.includes(',')
    if (!(PRUNE_FILTER_KEYS as readonly string[]).includes(key) || bad) {
      throw new Error(
        `invalid cache filter "${f}": expected key=value with key one of ${PRUNE_FILTER_KEYS.join(', ')}`
      )
    }
    const values = byKey.get(key) ?? []
    if (!values.includes(f)) values.push(f)
    byKey.set(key, values)
  }
  let combos: string[][] = [[]]
  for (const values of byKey.values()) combos = combos.flatMap(c => values.map(v => [...c, v]))
  const flag = opts.all ? '-af' : '-f'
  return combos.map(c => [...pruneBase(kind), flag, ...c.flatMap(f => ['--filter', f])])
}

/**
 * Bytes a prune output reports as reclaimed, summed over every total it contains
 * (`Total reclaimed space: 1.2kB` from the classic client, `Total: 1.2kB` from buildx).
 * Null when no total is printed.
 */
export function parseReclaimed(output: string): number | null {
  let total: number | null = null
  for (const m of output.matchAll(/^\s*Total(?: reclaimed space)?:\s*(\S+)\s*$/gm)) {
    const bytes = parseHumanSize(m[1])
    if (bytes !== null) total = (total ?? 0) + bytes
  }
  return total
}

/** Runs the commands in order; stops at the first failure and says which in `note`. */
export async function runPrune(
  exec: DockerExec,
  policy: PrunePolicy | ClearPrunePolicy,
  commands: string[][]
): Promise<PruneResult> {
  let reclaimedBytes = 0
  for (const args of commands) {
    const r = await exec(args)
    reclaimedBytes += parseReclaimed(r.stdout) ?? 0
    if (r.code !== 0)
      return { policy, done: false, reclaimedBytes, note: commandError(args, r).message }
  }
  return { policy, done: true, reclaimedBytes }
}

/** The pre-build prune for a policy. Never throws for a docker failure: the result says it. */
export async function prune(
  exec: DockerExec,
  policy: PrunePolicy,
  kind: BuilderKind,
  builder: string | null = null
): Promise<PruneResult> {
  const note = pruneNote(policy, kind)
  if (note !== null) return { policy, done: false, reclaimedBytes: 0, note }
  try {
    return await runPrune(exec, policy, pruneCommands(policy, kind, builder))
  } catch (e) {
    return {
      policy,
      done: false,
      reclaimedBytes: 0,
      note: thrownMessage(e)
    }
  }
}
