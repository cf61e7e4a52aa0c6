import { thrownMessage } from '../util/index.js'
import { parseArgs } from 'node:util'
import { clearCommands } from '../docker/index.js'
import { isAbsolute, resolve } from 'node:path'
import { verifyOptions } from './verify-args.js'
import type { VerifyOptions } from '../verify/index.js'
import {
  type ComposeCli,
  type GuardOptions,
  guardOptions,
  parseBuildArgs,
  parsePrune,
  parseTag,
  parseTimeout,
  parseVerify,
  truncate,
  UsageError
} from '../pipeline/index.js'
import { BUILD_FLAG_NAMES, BUILD_FLAG_OPTIONS, cliBuildFlags } from './build-flags.js'

export type { ComposeCli }

export const COMMANDS = ['hash', 'build', 'check', 'parse-log', 'clear', 'verify'] as const
export type Command = (typeof COMMANDS)[number]

export interface ClearCliOptions {
  context: string
  file: string
  state: string | null
  all: boolean
  paths: string[]
  filters: string[]
  docker: string
  registryCache: string[]
}

export type Parsed =
  | { command: 'help' | 'version'; json: boolean; debug: boolean }
  | {
      command: 'hash'
      context: string
      file: string
      buildArgs: Record<string, string>
      /** `--build-context NAME=DIR`: their steps are hashed too. */
      namedContexts: Record<string, string>
      json: boolean
      debug: boolean
    }
  | {
      command: 'build' | 'check'
      guard: GuardOptions
      compose: ComposeCli | null
      json: boolean
      debug: boolean
    }
  | { command: 'parse-log'; logFile: string; json: boolean; debug: boolean }
  | { command: 'clear'; clear: ClearCliOptions; json: boolean; debug: boolean }
  | { command: 'verify'; verify: VerifyOptions; json: boolean; debug: boolean }

const OPTIONS = {
  context: { type: 'string' },
  file: { type: 'string', short: 'f' },
  state: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  tag: { type: 'string', short: 't', multiple: true },
  'build-arg': { type: 'string', multiple: true },
  'secret-build-arg': { type: 'string', multiple: true },
  'cache-from': { type: 'string', multiple: true },
  target: { type: 'string' },
  prune: { type: 'string' },
  verify: { type: 'string' },
  commit: { type: 'string' },
  'build-id': { type: 'string' },
  'ignore-corrupt-record': { type: 'boolean' },
  log: { type: 'string' },
  image: { type: 'string' },
  all: { type: 'boolean' },
  path: { type: 'string', multiple: true },
  filter: { type: 'string', multiple: true },
  'compose-file': { type: 'string' },
  service: { type: 'string', multiple: true },
  docker: { type: 'string' },
  'no-stat-cache': { type: 'boolean' },
  push: { type: 'boolean' },
  'registry-cache': { type: 'string', multiple: true },
  container: { type: 'string', multiple: true },
  wait: { type: 'string' },
  ...BUILD_FLAG_OPTIONS,
  'build-timeout': { type: 'string' }
} as const

type OptionName = keyof typeof OPTIONS

/** Which options each command accepts; anything else is a usage error, not silently ignored. */
/** What build and check share: both hash, compare with the record, judge and record. */
const JUDGING: readonly OptionName[] = [
  'context',
  'file',
  'state',
  'build-arg',
  'secret-build-arg',
  'cache-from',
  'target',
  'verify',
  'commit',
  'build-id',
  'ignore-corrupt-record',
  'compose-file',
  'service',
  'docker',
  'no-stat-cache'
]

const ALLOWED: Record<Command, readonly OptionName[]> = {
  hash: ['context', 'file', 'build-arg', 'build-context'],
  build: [...JUDGING, 'tag', 'prune', 'push', 'build-timeout', ...BUILD_FLAG_NAMES],
  check: [...JUDGING, 'log', 'image', 'build-context'],
  'parse-log': [],
  clear: ['context', 'file', 'state', 'all', 'path', 'filter', 'docker', 'registry-cache'],
  verify: [
    'context',
    'file',
    'state',
    'target',
    'image',
    'container',
    'compose-file',
    'service',
    'wait',
    'docker'
  ]
}

/**
 * node's parseArgs errors as one line naming the option: its own messages span lines, suggest
 * `--` quoting, and print the option's usage form.
 */
function argvError(e: unknown): UsageError {
  const message = thrownMessage(e)
  const code = (e as { code?: unknown } | null)?.code
  const option = /'(-[^',\s]*)'/.exec(message)?.[1] ?? /--[\w-]+/.exec(message)?.[0]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    return new UsageError(`unknown option "${truncate(option)}" (see fresh-build --help)`)
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const long = /--[\w-]+/.exec(message)?.[0] ?? option ?? 'an option'
    if (/does not take an argument/.test(message))
      return new UsageError(`option ${long} takes no value`)
    return new UsageError(
      `option ${long} needs a value (for a value starting with "-", write ${long}=VALUE)`
    )
  }
  return new UsageError(truncate(message.split('\n')[0] ?? message, 200))
}

/** Parses `fresh-build <command> [options]`; throws UsageError naming the offending word. */
export function parseCli(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Parsed {
  let values: Partial<Record<OptionName, string | boolean | string[]>>
  let positionals: string[]
  try {
    const r = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
    values = r.values as typeof values
    positionals = r.positionals
  } catch (e) {
    throw argvError(e)
  }
  const json = values.json === true
  const debug = values.debug === true
  if (values.version) return { command: 'version', json, debug }
  const [word, ...rest] = positionals
  if (values.help || word === undefined || word === 'help') return { command: 'help', json, debug }
  if (!(COMMANDS as readonly string[]).includes(word)) {
    throw new UsageError(`unknown command "${truncate(word)}" (expected ${COMMANDS.join(', ')})`)
  }
  const command = word as Command
  for (const name of Object.keys(values) as OptionName[]) {
    if (['json', 'debug', 'help', 'version'].includes(name)) continue
    if (!ALLOWED[command].includes(name)) {
      throw new UsageError(`option --${name} does not apply to "${command}"`)
    }
  }
  const str = (n: OptionName): string | undefined => values[n] as string | undefined
  const list = (n: OptionName): string[] => (values[n] as string[] | undefined) ?? []
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(cwd, p))
  const context = abs(str('context') ?? '.')
  const file =
    str('file') !== undefined ? abs(str('file') as string) : resolve(context, 'Dockerfile')
  const buildArgs = parseBuildArgs(list('build-arg'), i => `--build-arg #${i + 1}`)
  const docker = str('docker') ?? env.DOCKER_PATH ?? 'docker'

  if (command === 'parse-log') {
    if (rest.length !== 1) throw new UsageError('parse-log takes exactly one FILE')
    return { command, logFile: abs(rest[0] as string), json, debug }
  }
  if (rest.length > 0) throw new UsageError(`unexpected argument "${truncate(rest[0] ?? '')}"`)
  if (command === 'hash') {
    const namedContexts = cliBuildFlags(values, abs).buildContexts
    return { command, context, file, buildArgs, namedContexts, json, debug }
  }
  if (command === 'clear') {
    // Filters are checked before anything runs, not after the daemon was asked for its version.
    try {
      clearCommands('buildkit', { filters: list('filter') })
    } catch (e) {
      throw new UsageError(`--filter: ${thrownMessage(e)}`)
    }
    return {
      command,
      clear: {
        context,
        file,
        state: str('state') !== undefined ? abs(str('state') as string) : null,
        all: values.all === true,
        paths: list('path'),
        filters: list('filter'),
        docker,
        registryCache: list('registry-cache')
      },
      json,
      debug
    }
  }
  if (command === 'verify') {
    return { command, verify: verifyOptions(values, abs, context, file, docker), json, debug }
  }
  if (command === 'check' && str('log') === undefined) {
    throw new UsageError('check needs --log FILE (the build log to judge)')
  }
  const composeFile = str('compose-file')
  // Per-service values come from the compose file; a flag that would be ignored is an error.
  if (composeFile !== undefined) {
    for (const n of ['tag', 'image', 'context', 'file'] as const) {
      if (values[n] !== undefined) {
        throw new UsageError(`--${n} does not apply with --compose-file (each service has its own)`)
      }
    }
  } else if (list('service').length > 0) {
    throw new UsageError('--service needs --compose-file')
  }
  const secretArgs = list('secret-build-arg')
  for (const name of secretArgs) {
    // A secret name without a value would mask nothing and pass nothing: a typo, not a choice.
    // (With compose, the value may come from the service's own build args.)
    if (composeFile === undefined && !(name in buildArgs)) {
      throw new UsageError(
        `--secret-build-arg "${truncate(name)}" names no --build-arg (pass --build-arg ${truncate(name)}=VALUE too)`
      )
    }
  }
  const tags = list('tag')
  tags.forEach((t, i) => parseTag(t, `--tag #${i + 1}`))
  if (values.push === true && composeFile === undefined && tags.length === 0) {
    throw new UsageError('--push needs at least one --tag to push')
  }
  const guard = guardOptions({
    context,
    file,
    state: str('state') !== undefined ? abs(str('state') as string) : null,
    tags,
    buildArgs,
    secretArgs,
    cacheFrom: list('cache-from'),
    target: str('target') ?? null,
    prune: parsePrune(str('prune') ?? 'source'),
    verify: parseVerify(str('verify') ?? 'changed'),
    commit: str('commit') ?? null,
    buildId: str('build-id') ?? null,
    ignoreCorruptRecord: values['ignore-corrupt-record'] === true,
    logFile: str('log') !== undefined ? abs(str('log') as string) : null,
    image: str('image') ?? null,
    docker,
    statCache: values['no-stat-cache'] !== true,
    push: values.push === true,
    surface: 'cli',
    build: cliBuildFlags(values, abs),
    ...(str('build-timeout') !== undefined
      ? { buildTimeoutMs: parseTimeout(str('build-timeout') as string, '--build-timeout') }
      : {})
  })
  const compose = composeFile ? { file: abs(composeFile), services: list('service') } : null
  return { command, guard, compose, json, debug }
}

export const USAGE = `fresh-build: prove a Docker build runs the code just committed

Usage: fresh-build <command> [options]

Commands:
  hash              hash the build context and each COPY/ADD step's sources (no daemon)
  build             hash, compare with the record, prune, build, judge, record
  check --log FILE  judge a build whose log another tool produced
  parse-log FILE    parse a build log into steps (no daemon)
  clear             clear the builder cache and host cache paths, reset the record
  verify            check that the running containers run the last good build

Common options:
  --context DIR          build context (default .)
  -f, --file PATH        Dockerfile (default DIR/Dockerfile)
  --state PATH           record of the last good build (default: per host, outside the context)
  --json                 one JSON document on stdout; human output on stderr
  --debug                stack traces on errors

build / check:
  -t, --tag T            image tag (repeatable)
  --build-arg K=V        build argument (repeatable); GIT_COMMIT_HASH and BUILD_ID are injected
  --secret-build-arg K   a build arg whose value is secret: masked, never recorded or labelled
  --cache-from REF       external cache source (repeatable)
  --target STAGE         build stage to target
  --prune P              source (default) | all | never
  --verify V             changed (default) | none
  --commit SHA           commit to inject and record (default: git rev-parse HEAD)
  --build-id ID          build id to inject (default: CI run id or a timestamp)
  --compose-file F       guard the services of a docker compose file
  --service S            with --compose-file: a service to guard (repeatable)
  --ignore-corrupt-record  treat an unreadable record as no record
  --docker PATH          docker client (default: $DOCKER_PATH, or docker on PATH)
  --no-stat-cache        read every file (default: reuse digests of files whose stat is unchanged)
  --push                 (build) push every tag after a pass, the record beside the image
  --log FILE, --image REF  (check) the log to judge and the image it built
  --build-timeout S      (build) stop the build after S seconds: an error, exit 2

build, passed to docker build as docker names them (an error where the builder cannot):
  --label K=V            image label (repeatable)
  --secret id=X,src=F    build secret from a file, or id=X,env=VAR from the environment
  --ssh default|id=PATH  SSH agent or keys for RUN --mount=type=ssh
  --build-context N=DIR  named context: hashed, judged and proven like the main one
  --pull, --no-cache, --no-cache-filter STAGE, --network M, --add-host H:IP,
  --shm-size S, --ulimit N=S[:H], --builder NAME (buildx), --platform P

clear:
  --all                  prune every builder record, cache mounts too
  --path P               host cache path inside the context to delete (repeatable)
  --filter F             builder prune filter, e.g. until=24h (repeatable)
  --registry-cache REF   registry cache reference to delete, e.g. reg/app:buildcache (repeatable;
                         the registry's delete setting must be on; other tags are never deleted)

verify:
  --container NAME       a container to verify (repeatable)
  --compose-file F       verify each container of the services that build (--service S: those)
  --image REF            the image they should run (default: the record's; name@sha256:... exact)
  --wait SECONDS         wait for containers still starting or not yet healthy
  --context, --file, --target, --state   which record, as for build

Exit codes: 0 pass (verify: live), 1 stale, 2 error.
`
