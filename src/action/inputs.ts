import { realpath, stat } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { escapesRoot, isBuildArgName, splitBuildArg } from '../util/index.js'
import type { VerifyOptions } from '../verify/index.js'
import { planVerify } from './verify.js'
import {
  type BuildFlags,
  type ClearOptions,
  type ComposeCli,
  errorMessage,
  guardOptions,
  type GuardOptions,
  parsePrune,
  parseTag,
  parseTimeout,
  parseVerify,
  resolveClearPath,
  truncate,
  UsageError
} from '../pipeline/index.js'
import type { PrunePolicy, VerifyPolicy } from '../model.js'
import { type ActionsCacheTarget, parseCacheScope } from '../github/index.js'
import {
  BUILD_INPUT_NAMES,
  buildFlagsFromInputs,
  inputSecretValues,
  resolveBuildPaths,
  UNTRIMMED
} from './build-inputs.js'

export const MODES = ['build', 'check', 'clear', 'hash', 'verify'] as const
export type Mode = (typeof MODES)[number]

/** Every input of action.yml, in its order (a unit test keeps the two in step). */
export const INPUT_NAMES = [
  'mode',
  'context',
  'file',
  'tags',
  'build-args',
  'secret-build-args',
  'cache-from',
  'target',
  'prune',
  'verify',
  'state-file',
  'log-file',
  'image',
  'clear-paths',
  'clear-all',
  'gha-cache-key-prefix',
  'gha-cache-ref',
  'gha-cache-all',
  'compose-file',
  'services',
  'containers',
  'wait',
  'commit',
  'github-token',
  'commit-status',
  'push',
  'clear-registry-cache',
  ...BUILD_INPUT_NAMES,
  'summary',
  'build-timeout'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** Every output of action.yml; each run writes all of them (empty when they do not apply). */
export const OUTPUT_NAMES = [
  'verdict',
  'context-hash',
  'previous-hash',
  'changed-files',
  'pruned',
  'image-id',
  'imageid',
  'metadata',
  'gha-cache-deleted',
  'gha-cache-deleted-bytes',
  'report',
  'digest'
] as const
export type Outputs = Record<(typeof OUTPUT_NAMES)[number], string>

/** The action's inputs, parsed, keyed by their kebab-case names in action.yml. */
export interface Inputs {
  mode: Mode
  context: string
  file: string
  tags: string[]
  'build-args': Record<string, string>
  'secret-build-args': string[]
  'cache-from': string[]
  target: string
  prune: PrunePolicy
  verify: VerifyPolicy
  'state-file': string
  'log-file': string
  image: string
  'clear-paths': string[]
  'clear-all': boolean
  'gha-cache-key-prefix': string
  'gha-cache-ref': string
  'gha-cache-all': boolean
  'compose-file': string
  services: string[]
  containers: string[]
  wait: string
  commit: string
  'github-token': string
  'commit-status': boolean
  push: boolean
  'clear-registry-cache': string[]
  /** The docker build flags (labels, secrets, named contexts, ...), paths as written. */
  flags: BuildFlags
  /** Write the job summary (input `summary`, and not FRESH_BUILD_SUMMARY=false). */
  summary: boolean
  /** ms; null: no limit. */
  'build-timeout': number | null
}

/** What @actions/core offers for reading inputs; a parameter so tests need no module mocks. */
export interface InputSource {
  getInput(name: string, options?: { trimWhitespace?: boolean }): string
}

/** Newline-separated lists; comma-separated too where a value never contains a comma. */
export function splitList(value: string, commas: boolean): string[] {
  return value
    .split(/\r?\n/)
    .flatMap(p => (commas ? p.split(',') : [p]))
    .map(p => p.trim())
    .filter(p => p !== '' && !p.startsWith('#'))
}

/**
 * clear-paths, one per line. A line starting with `#` is refused rather than skipped: it may be
 * a comment or a folder named so, and deleting (or keeping) the wrong one silently is worse.
 */
function clearPaths(value: string): string[] {
  const lines = value
    .split(/\r?\n/)
    .map(p => p.trim())
    .filter(p => p !== '')
  for (const p of lines) {
    if (p.startsWith('#')) {
      throw new UsageError(
        `input clear-paths: "${truncate(p, 40)}" starts with # (clear-paths has no comments; write ./${truncate(p, 40)} for a path named so)`
      )
    }
  }
  return lines
}

/**
 * `KEY=VALUE` per line, blank lines and `#` comments skipped. Errors name the line as the user
 * counts it and never echo a value (it may be a secret the runner has not masked yet).
 */
export function parseBuildArgLines(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lineOf = new Map<string, number>()
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trimStart()
    const n = i + 1
    if (line.trim() === '' || line.startsWith('#')) return
    const split = splitBuildArg(line)
    if (split.value === null) {
      throw new UsageError(`input build-args line ${n}: expected KEY=VALUE, found no "="`)
    }
    const name = split.name.trimEnd()
    if (!isBuildArgName(name)) {
      throw new UsageError(
        `input build-args line ${n}: "${truncate(name, 40)}" is not a build-arg name (letters, digits and _, not starting with a digit)`
      )
    }
    const first = lineOf.get(name)
    if (first !== undefined) {
      throw new UsageError(`input build-args line ${n}: ${name} is already set on line ${first}`)
    }
    lineOf.set(name, n)
    out[name] = split.value
  })
  return out
}

/** YAML 1.2 core-schema booleans, as @actions/core reads them; empty is the default, false. */
function parseBoolean(name: InputName, value: string): boolean {
  if (value === '' || ['false', 'False', 'FALSE'].includes(value)) return false
  if (['true', 'True', 'TRUE'].includes(value)) return true
  throw new UsageError(`input ${name}: "${truncate(value, 40)}" is not a boolean (true or false)`)
}

/**
 * Reads every input exactly once and validates what needs no file system: the mode, the
 * policies, booleans, build-args lines, secret names. Throws UsageError naming the input.
 */
export function getInputs(src: InputSource): Inputs {
  const raw = {} as Record<InputName, string>
  for (const name of INPUT_NAMES) {
    // Build-arg values are kept as written, leading and trailing spaces included.
    raw[name] = src.getInput(
      name,
      name === 'build-args' || UNTRIMMED.includes(name) ? { trimWhitespace: false } : {}
    )
  }
  const mode = raw.mode.trim() || 'build'
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new UsageError(
      `input mode: unknown mode "${truncate(mode, 40)}" (expected ${MODES.join(', ')})`
    )
  }
  const buildArgs = parseBuildArgLines(raw['build-args'])
  const secretArgs = splitList(raw['secret-build-args'], true)
  for (const name of secretArgs) {
    if (!(name in buildArgs)) {
      throw new UsageError(
        `input secret-build-args: "${truncate(name, 40)}" is not one of the build-args`
      )
    }
  }
  const inputs: Inputs = {
    mode: mode as Mode,
    context: raw.context.trim() || '.',
    file: raw.file.trim(),
    tags: splitList(raw.tags, true).map((t, i) => parseTag(t, `input tags #${i + 1}`)),
    'build-args': buildArgs,
    'secret-build-args': secretArgs,
    'cache-from': splitList(raw['cache-from'], false),
    target: raw.target.trim(),
    prune: parsePrune(raw.prune.trim() || 'source', 'input prune'),
    verify: parseVerify(raw.verify.trim() || 'changed', 'input verify'),
    'state-file': raw['state-file'].trim(),
    'log-file': raw['log-file'].trim(),
    image: raw.image.trim(),
    'clear-paths': clearPaths(raw['clear-paths']),
    'clear-all': parseBoolean('clear-all', raw['clear-all'].trim()),
    'gha-cache-key-prefix': raw['gha-cache-key-prefix'].trim(),
    'gha-cache-ref': raw['gha-cache-ref'].trim(),
    'gha-cache-all': parseBoolean('gha-cache-all', raw['gha-cache-all'].trim()),
    'compose-file': raw['compose-file'].trim(),
    services: splitList(raw.services, true),
    containers: splitList(raw.containers, true),
    wait: raw.wait.trim(),
    commit: raw.commit.trim(),
    'github-token': raw['github-token'].trim(),
    'commit-status': parseBoolean('commit-status', raw['commit-status'].trim()),
    push: parseBoolean('push', raw.push.trim()),
    'clear-registry-cache': splitList(raw['clear-registry-cache'], true),
    flags: buildFlagsFromInputs(raw),
    summary: raw.summary.trim() === '' || parseBoolean('summary', raw.summary.trim()),
    'build-timeout':
      raw['build-timeout'].trim() === ''
        ? null
        : parseTimeout(raw['build-timeout'], 'input build-timeout')
  }
  if (inputs.services.length > 0 && !inputs['compose-file']) {
    throw new UsageError('input services: names compose services, so it needs compose-file')
  }
  if (inputs['commit-status'] && !inputs['github-token']) {
    throw new UsageError('input github-token: commit-status needs a token (statuses: write)')
  }
  const scope = actionsCacheScope(inputs)
  if (scope && inputs.mode === 'clear' && !inputs['github-token']) {
    throw new UsageError(
      'input github-token: the Actions cache clear needs a token (actions: write)'
    )
  }
  return inputs
}

/** Which Actions cache entries clear mode deletes; null when none of its inputs is given. */
export function actionsCacheScope(inputs: Inputs): ReturnType<typeof parseCacheScope> {
  return parseCacheScope(
    inputs['gha-cache-key-prefix'],
    inputs['gha-cache-ref'],
    inputs['gha-cache-all']
  )
}

/** The values to mask in the log before anything else is printed. */
export function secretValues(inputs: Inputs): string[] {
  const values = inputs['secret-build-args'].map(n => inputs['build-args'][n] ?? '')
  return [...values, ...inputSecretValues(inputs.flags), inputs['github-token']].filter(
    v => v !== ''
  )
}

/** Inputs that only one mode reads, and which modes: given elsewhere they are ignored. */
const ONLY_IN: Partial<Record<InputName, readonly Mode[]>> = {
  tags: ['build'],
  prune: ['build'],
  'cache-from': ['build', 'check'],
  'log-file': ['check'],
  image: ['check', 'verify'],
  'clear-paths': ['clear'],
  'clear-all': ['clear'],
  'gha-cache-key-prefix': ['clear'],
  'gha-cache-ref': ['clear'],
  'gha-cache-all': ['clear'],
  'compose-file': ['build', 'check', 'verify'],
  containers: ['verify'],
  wait: ['verify'],
  'commit-status': ['build', 'check'],
  push: ['build'],
  'clear-registry-cache': ['clear'],
  'build-timeout': ['build']
}

function given(v: Inputs[keyof Inputs], name: InputName): boolean {
  if (name === 'prune') return v !== 'source'
  if (v === null) return false
  if (typeof v === 'number') return true
  if (Array.isArray(v)) return v.length > 0
  return typeof v === 'boolean' ? v : v !== ''
}

/** The commit status to post, resolved up front so a missing piece fails before the build. */
export interface StatusTarget {
  token: string
  owner: string
  repo: string
  sha: string
  targetUrl?: string
}

/** What one run does, every path resolved and checked. */
export type ActionPlan =
  | {
      mode: 'hash'
      context: string
      file: string
      buildArgs: Record<string, string>
      namedContexts: Record<string, string>
    }
  | { mode: 'clear'; clear: ClearOptions }
  | { mode: 'verify'; verify: VerifyOptions }
  | {
      mode: 'build' | 'check'
      guard: GuardOptions
      compose: ComposeCli | null
      status: StatusTarget | null
    }

/** What the plan needs from the runner's environment. */
export interface RunContext {
  workspace: string
  env: NodeJS.ProcessEnv
  /** The commit the run is about: the PR head for pull_request events, else GITHUB_SHA. */
  headSha: string
  runUrl?: string
}

/** A path the action reads or deletes must stay inside the workspace (lexically). */
export function insideWorkspace(workspace: string, p: string, input: string): string {
  const abs = isAbsolute(p) ? resolve(p) : resolve(workspace, p)
  if (escapesRoot(workspace, abs)) {
    throw new UsageError(`input ${input}: "${p}" is outside the workspace ${workspace}`)
  }
  return abs
}

type Kind = 'file' | 'dir'

/**
 * insideWorkspace, then through symlinks: the path must exist as `kind` and its real location
 * must stay inside the workspace's real location too.
 */
export async function workspacePath(
  workspace: string,
  p: string,
  input: string,
  kind: Kind
): Promise<string> {
  const abs = insideWorkspace(workspace, p, input)
  const st = await stat(abs).catch(() => null)
  if (st === null) throw new UsageError(`input ${input}: "${p}" does not exist`)
  if (kind === 'dir' ? !st.isDirectory() : !st.isFile()) {
    throw new UsageError(`input ${input}: "${p}" is not a ${kind === 'dir' ? 'directory' : 'file'}`)
  }
  const [real, realRoot] = await Promise.all([realpath(abs), realpath(workspace)])
  if (escapesRoot(realRoot, real)) {
    throw new UsageError(
      `input ${input}: "${p}" leads outside the workspace through a symlink (to ${real})`
    )
  }
  return abs
}

/** GITHUB_REPOSITORY as owner and repo, for the input that needs the API. */
function repository(env: NodeJS.ProcessEnv, input: InputName): { owner: string; repo: string } {
  const [owner, repo, extra] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo || extra !== undefined) {
    throw new UsageError(
      `input ${input}: GITHUB_REPOSITORY "${env.GITHUB_REPOSITORY ?? ''}" is not owner/repo (not on GitHub Actions?)`
    )
  }
  return { owner, repo }
}

/** The repository's Actions cache entries clear mode deletes, or null when none are asked for. */
function actionsCacheTarget(inputs: Inputs, env: NodeJS.ProcessEnv): ActionsCacheTarget | null {
  const scope = actionsCacheScope(inputs)
  if (scope === null) return null
  const input = scope.all
    ? 'gha-cache-all'
    : scope.keyPrefix
      ? 'gha-cache-key-prefix'
      : 'gha-cache-ref'
  return {
    ...repository(env, input),
    token: inputs['github-token'],
    scope,
    ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {})
  }
}

/**
 * Resolves and checks every path and the status target before anything runs; returns the plan
 * and warnings for inputs the mode ignores.
 */
export async function planRun(
  inputs: Inputs,
  ctx: RunContext
): Promise<{ plan: ActionPlan; warnings: string[] }> {
  const { workspace, env } = ctx
  const warnings: string[] = []
  for (const [name, modes] of Object.entries(ONLY_IN) as [InputName, readonly Mode[]][]) {
    if (given(inputs[name as keyof Inputs], name) && !modes.includes(inputs.mode)) {
      warnings.push(`input ${name} is not used in ${inputs.mode} mode (only ${modes.join(', ')})`)
    }
  }
  const docker = env.DOCKER_PATH || 'docker'
  const state = inputs['state-file'] ? resolve(workspace, inputs['state-file']) : null
  if (inputs.mode === 'verify') {
    return {
      plan: { mode: 'verify', verify: await planVerify(inputs, workspace, state, docker) },
      warnings
    }
  }
  const compose = inputs['compose-file'] && (inputs.mode === 'build' || inputs.mode === 'check')
  // With a compose file, each service's context and Dockerfile come from it.
  const context = compose
    ? insideWorkspace(workspace, inputs.context, 'context')
    : inputs.mode === 'clear'
      ? insideWorkspace(workspace, inputs.context, 'context')
      : await workspacePath(workspace, inputs.context, 'context', 'dir')
  const file =
    compose || inputs.mode === 'clear'
      ? insideWorkspace(workspace, inputs.file || resolve(context, 'Dockerfile'), 'file')
      : await workspacePath(
          workspace,
          inputs.file || resolve(context, 'Dockerfile'),
          'file',
          'file'
        )

  if (inputs.mode === 'hash') {
    const { buildContexts } = await resolveBuildPaths(
      inputs.flags,
      (p, input) => workspacePath(workspace, p, input, 'dir'),
      p => resolve(workspace, p)
    )
    return {
      plan: {
        mode: 'hash',
        context,
        file,
        buildArgs: inputs['build-args'],
        namedContexts: buildContexts
      },
      warnings
    }
  }

  if (inputs.mode === 'clear') {
    for (const p of inputs['clear-paths']) {
      try {
        await resolveClearPath(workspace, p)
      } catch (e) {
        throw new UsageError(`input clear-paths: ${errorMessage(e)}`)
      }
    }
    return {
      plan: {
        mode: 'clear',
        clear: {
          root: workspace,
          context,
          file,
          ...(inputs.target ? { target: inputs.target } : {}),
          state,
          all: inputs['clear-all'],
          paths: inputs['clear-paths'],
          filters: [],
          docker,
          registryCache: inputs['clear-registry-cache'],
          actionsCache: actionsCacheTarget(inputs, env)
        }
      },
      warnings
    }
  }

  if (compose && inputs.tags.length > 0) {
    warnings.push(
      'input tags is not used with compose-file: each service gets its compose image name'
    )
  }
  const composeFile = compose
    ? {
        file: await workspacePath(workspace, inputs['compose-file'], 'compose-file', 'file'),
        services: inputs.services,
        // Every path the compose file names gets the same containment as the context input.
        root: workspace
      }
    : null
  let logFile: string | null = null
  if (inputs.mode === 'check') {
    if (!inputs['log-file'])
      throw new UsageError('input log-file: check mode needs the build log to judge')
    // Read like the context: inside the workspace, also through symlinks.
    logFile = await workspacePath(workspace, inputs['log-file'], 'log-file', 'file')
  }

  let status: StatusTarget | null = null
  if (inputs['commit-status']) {
    const { owner, repo } = repository(env, 'commit-status')
    if (!ctx.headSha) {
      throw new UsageError('input commit-status: no commit to post on (GITHUB_SHA is not set)')
    }
    status = {
      token: inputs['github-token'],
      owner,
      repo,
      sha: ctx.headSha,
      ...(ctx.runUrl ? { targetUrl: ctx.runUrl } : {})
    }
  }

  const guard = guardOptions({
    context,
    file,
    state,
    tags: inputs.tags,
    buildArgs: inputs['build-args'],
    secretArgs: inputs['secret-build-args'],
    cacheFrom: inputs['cache-from'],
    target: inputs.target || null,
    prune: inputs.prune,
    verify: inputs.verify,
    // What was built: GITHUB_SHA (a PR's merge commit), as docker/metadata-action labels it.
    commit: inputs.commit || ctx.env.GITHUB_SHA || ctx.headSha || null,
    logFile,
    image: inputs.image || null,
    docker,
    push: inputs.push && inputs.mode === 'build',
    surface: 'action',
    build: await resolveBuildPaths(
      inputs.flags,
      (p, input) => workspacePath(workspace, p, input, 'dir'),
      p => resolve(workspace, p)
    ),
    ...(inputs['build-timeout'] !== null ? { buildTimeoutMs: inputs['build-timeout'] } : {})
  })
  return { plan: { mode: inputs.mode, guard, compose: composeFile, status }, warnings }
}
