import { isAbsolute, relative, resolve, sep } from 'node:path'
import {
  parseBuildArgs,
  parsePrune,
  parseVerify,
  UsageError,
  type GuardOptions
} from '../pipeline/options.js'

export const MODES = ['build', 'check', 'clear', 'hash'] as const
export type Mode = (typeof MODES)[number]

/** The action's inputs, keyed by their kebab-case names in action.yml. */
export interface Inputs {
  mode: Mode
  context: string
  file: string
  tags: string[]
  'build-args': string[]
  'secret-build-args': string[]
  'cache-from': string[]
  target: string
  prune: string
  verify: string
  'state-file': string
  'log-file': string
  image: string
  'clear-paths': string[]
  'clear-all': boolean
  'compose-file': string
  services: string[]
  commit: string
  'github-token': string
  'commit-status': boolean
}

/** What @actions/core offers for reading inputs; a parameter so tests need no module mocks. */
export interface InputSource {
  getInput(name: string): string
  getBooleanInput(name: string): boolean
}

/** Newline-separated lists; comma-separated too where a value never contains a comma. */
export function splitList(value: string, commas: boolean): string[] {
  const parts = value.split(/\r?\n/)
  return parts
    .flatMap(p => (commas ? p.split(',') : [p]))
    .map(p => p.trim())
    .filter(p => p !== '' && !p.startsWith('#'))
}

export function getInputs(src: InputSource): Inputs {
  const s = (n: string): string => src.getInput(n).trim()
  const mode = s('mode') || 'build'
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`input mode: unknown mode "${mode}" (expected ${MODES.join(', ')})`)
  }
  const bool = (n: string): boolean => {
    try {
      return src.getBooleanInput(n)
    } catch {
      throw new UsageError(`input ${n}: "${s(n)}" is not a boolean (true or false)`)
    }
  }
  return {
    mode: mode as Mode,
    context: s('context') || '.',
    file: s('file'),
    tags: splitList(src.getInput('tags'), true),
    // Build-arg values may hold commas and leading spaces: one per line, kept as written.
    'build-args': src
      .getInput('build-args')
      .split(/\r?\n/)
      .filter(l => l.trim() !== '' && !l.trim().startsWith('#')),
    'secret-build-args': splitList(src.getInput('secret-build-args'), true),
    'cache-from': splitList(src.getInput('cache-from'), false),
    target: s('target'),
    prune: s('prune') || 'source',
    verify: s('verify') || 'changed',
    'state-file': s('state-file'),
    'log-file': s('log-file'),
    image: s('image'),
    'clear-paths': splitList(src.getInput('clear-paths'), false),
    'clear-all': bool('clear-all'),
    'compose-file': s('compose-file'),
    services: splitList(src.getInput('services'), true),
    commit: s('commit'),
    'github-token': src.getInput('github-token'),
    'commit-status': bool('commit-status')
  }
}

/** A path the action reads or deletes must stay inside the workspace. */
export function insideWorkspace(workspace: string, p: string, input: string): string {
  const abs = isAbsolute(p) ? resolve(p) : resolve(workspace, p)
  const rel = relative(workspace, abs)
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new UsageError(`input ${input}: "${p}" is outside the workspace ${workspace}`)
  }
  return abs
}

/** Validates the inputs into the core's options, before anything runs. */
export function toGuardOptions(
  inputs: Inputs,
  workspace: string,
  env: NodeJS.ProcessEnv
): GuardOptions {
  const context = insideWorkspace(workspace, inputs.context, 'context')
  const file = inputs.file
    ? insideWorkspace(workspace, inputs.file, 'file')
    : resolve(context, 'Dockerfile')
  const buildArgs = parseBuildArgs(inputs['build-args'], i => `input build-args line ${i + 1}`)
  for (const name of inputs['secret-build-args']) {
    if (!(name in buildArgs)) {
      throw new UsageError(`input secret-build-args: "${name}" is not one of the build-args`)
    }
  }
  if (inputs.mode === 'check' && !inputs['log-file']) {
    throw new UsageError('input log-file: check mode needs the build log to judge')
  }
  return {
    context,
    file,
    state: inputs['state-file'] ? resolve(workspace, inputs['state-file']) : null,
    tags: inputs.tags,
    buildArgs,
    secretArgs: inputs['secret-build-args'],
    cacheFrom: inputs['cache-from'],
    target: inputs.target || null,
    prune: parsePrune(inputs.prune, 'input prune'),
    verify: parseVerify(inputs.verify, 'input verify'),
    commit: inputs.commit || null,
    buildId: null,
    ignoreCorruptRecord: false,
    logFile: inputs['log-file'] ? resolve(workspace, inputs['log-file']) : null,
    image: inputs.image || null,
    docker: env.DOCKER_PATH ?? 'docker'
  }
}
