/**
 * The action inputs a docker/build-push-action user brings along (labels, secrets, ssh, pull,
 * no-cache, network, add-hosts, build-contexts, shm-size, ulimit, builder, platforms), in that
 * action's formats: newline lists (so docker/metadata-action's `labels` output fits as it is),
 * `id=value` secrets, `id=path` secret files, `name=path` contexts.
 */
import {
  type BuildFlags,
  noBuildFlags,
  parseAddHost,
  parseBuildContexts,
  parseLabels,
  parseSecretFileLines,
  parseSecretLines,
  parseShmSize,
  parseSsh,
  parseUlimit,
  truncate,
  UsageError
} from '../pipeline/index.js'

/** The inputs read here, in action.yml's order. */
export const BUILD_INPUT_NAMES = [
  'labels',
  'secrets',
  'secret-files',
  'ssh',
  'pull',
  'no-cache',
  'no-cache-filters',
  'network',
  'add-hosts',
  'build-contexts',
  'shm-size',
  'ulimit',
  'builder',
  'platforms'
] as const
export type BuildInputName = (typeof BUILD_INPUT_NAMES)[number]

/** Inputs whose values are kept exactly as written (a secret's spaces are part of it). */
export const UNTRIMMED: readonly string[] = ['secrets']

function lines(value: string, commas: boolean): string[] {
  return value
    .split(/\r?\n/)
    .flatMap(p => (commas ? p.split(',') : [p]))
    .map(p => p.trim())
    .filter(p => p !== '' && !p.startsWith('#'))
}

function bool(name: string, value: string): boolean {
  const v = value.trim()
  if (v === '' || ['false', 'False', 'FALSE'].includes(v)) return false
  if (['true', 'True', 'TRUE'].includes(v)) return true
  throw new UsageError(`input ${name}: "${truncate(v, 40)}" is not a boolean (true or false)`)
}

/**
 * BuildFlags from the raw inputs. Paths (secret files, named contexts) stay as written: the
 * plan resolves them inside the workspace (see resolveBuildPaths).
 */
export function buildFlagsFromInputs(raw: Readonly<Record<BuildInputName, string>>): BuildFlags {
  const f = noBuildFlags()
  f.labels = parseLabels(lines(raw.labels, false), 'input labels')
  f.secrets = [...parseSecretLines(raw.secrets), ...parseSecretFileLines(raw['secret-files'])]
  const ids = new Set<string>()
  for (const s of f.secrets) {
    if (ids.has(s.id))
      throw new UsageError(`input secrets / secret-files: secret ${s.id} is given twice`)
    ids.add(s.id)
  }
  f.ssh = lines(raw.ssh, false).map((s, i) => parseSsh(s, `input ssh #${i + 1}`))
  f.pull = bool('pull', raw.pull)
  f.noCache = bool('no-cache', raw['no-cache'])
  f.noCacheFilters = lines(raw['no-cache-filters'], true)
  f.network = raw.network.trim() || null
  f.addHosts = lines(raw['add-hosts'], true).map((h, i) =>
    parseAddHost(h, `input add-hosts #${i + 1}`)
  )
  f.buildContexts = parseBuildContexts(
    lines(raw['build-contexts'], false),
    'input build-contexts',
    p => p
  )
  f.shmSize = raw['shm-size'].trim() ? parseShmSize(raw['shm-size'], 'input shm-size') : null
  f.ulimits = lines(raw.ulimit, false).map((u, i) => parseUlimit(u, `input ulimit #${i + 1}`))
  f.builder = raw.builder.trim() || null
  f.platforms = lines(raw.platforms, true)
  return f
}

/** The values to mask before anything is printed: every `secrets` value. */
export function inputSecretValues(f: BuildFlags): string[] {
  return f.secrets.flatMap(s => ('value' in s && s.value.trim() !== '' ? [s.value] : []))
}

/**
 * Secret files and named contexts resolved inside the workspace (a context must be a directory
 * there, through symlinks too; a secret file may be anywhere the runner put it, e.g. RUNNER_TEMP).
 */
export async function resolveBuildPaths(
  f: BuildFlags,
  resolveDir: (p: string, input: string) => Promise<string>,
  resolveFile: (p: string) => string
): Promise<BuildFlags> {
  const contexts: Record<string, string> = {}
  for (const [name, p] of Object.entries(f.buildContexts)) {
    contexts[name] = await resolveDir(p, `build-contexts (${name})`)
  }
  return {
    ...f,
    buildContexts: contexts,
    secrets: f.secrets.map(s => ('src' in s ? { ...s, src: resolveFile(s.src) } : s))
  }
}
