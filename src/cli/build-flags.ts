/**
 * The CLI's docker build flags, named as `docker build` / `docker buildx build` name them, into
 * the BuildFlags the action's inputs also produce (the CLI stays the action's twin).
 */
import {
  type BuildFlags,
  noBuildFlags,
  parseAddHost,
  parseBuildContexts,
  parseLabels,
  parseSecretFlag,
  parseShmSize,
  parseSsh,
  parseUlimit
} from '../pipeline/index.js'

/** The parseArgs option specs of the pass-through flags. */
export const BUILD_FLAG_OPTIONS = {
  label: { type: 'string', multiple: true },
  secret: { type: 'string', multiple: true },
  ssh: { type: 'string', multiple: true },
  pull: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  'no-cache-filter': { type: 'string', multiple: true },
  network: { type: 'string' },
  'add-host': { type: 'string', multiple: true },
  'build-context': { type: 'string', multiple: true },
  'shm-size': { type: 'string' },
  ulimit: { type: 'string', multiple: true },
  builder: { type: 'string' },
  platform: { type: 'string', multiple: true }
} as const

export type BuildFlagOption = keyof typeof BUILD_FLAG_OPTIONS
export const BUILD_FLAG_NAMES = Object.keys(BUILD_FLAG_OPTIONS) as BuildFlagOption[]

/** BuildFlags from parsed values; `abs` resolves a path against the working directory. */
export function cliBuildFlags(
  values: Partial<Record<string, string | boolean | string[]>>,
  abs: (p: string) => string
): BuildFlags {
  const list = (n: BuildFlagOption): string[] => (values[n] as string[] | undefined) ?? []
  const str = (n: BuildFlagOption): string | null => (values[n] as string | undefined) ?? null
  const f = noBuildFlags()
  f.labels = parseLabels(list('label'), '--label')
  f.secrets = list('secret').map((s, i) => {
    const spec = parseSecretFlag(s, `--secret #${i + 1}`)
    return 'src' in spec ? { ...spec, src: abs(spec.src) } : spec
  })
  f.ssh = list('ssh').map((s, i) => parseSsh(s, `--ssh #${i + 1}`))
  f.pull = values.pull === true
  f.noCache = values['no-cache'] === true
  f.noCacheFilters = list('no-cache-filter').flatMap(v =>
    v
      .split(',')
      .map(x => x.trim())
      .filter(Boolean)
  )
  f.network = str('network')
  f.addHosts = list('add-host').map((h, i) => parseAddHost(h, `--add-host #${i + 1}`))
  f.buildContexts = parseBuildContexts(list('build-context'), '--build-context', p => abs(p))
  const shm = str('shm-size')
  f.shmSize = shm === null ? null : parseShmSize(shm, '--shm-size')
  f.ulimits = list('ulimit').map((u, i) => parseUlimit(u, `--ulimit #${i + 1}`))
  f.builder = str('builder')
  f.platforms = list('platform').flatMap(v =>
    v
      .split(',')
      .map(x => x.trim())
      .filter(Boolean)
  )
  return f
}
