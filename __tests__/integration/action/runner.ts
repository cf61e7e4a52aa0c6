/**
 * Runs the bundled action (dist/index.js) the way the GitHub runner does: `node` with INPUT_*
 * variables (action.yml defaults filled in), the GITHUB_* files and a pull_request event, then
 * reads back what the runner would: the output file, the summary file, workflow commands on
 * stdout (honouring ::stop-commands::) and the exit code. Also a stand-in GitHub API on
 * 127.0.0.1 that the real Octokit client talks to.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import { DOCKER } from '../../helpers/docker.js'
import { suiteDockerHost } from '../../helpers/env.js'
import { startFakeApi, type FakeApi } from '../../helpers/github-api.js'

export const DIST = resolve('dist/index.js')
export const TOKEN = 'ghs_runnerExactTestToken42'
export const HEAD_SHA = '1111111111111111111111111111111111111111'
export const MERGE_SHA = '2222222222222222222222222222222222222222'
export const RUN_ID = '4242'
export const SERVER_URL = 'https://github.example'

export interface Command {
  command: string
  properties: Record<string, string>
  message: string
}

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Workflow commands the runner would act on (not those inside a stop-commands block). */
  commands: Command[]
}

/** The runner's INPUT_ name: upper case, spaces to `_`, hyphens kept. */
export function inputVar(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

interface ActionYml {
  inputs: Record<string, { default?: string }>
}

/** action.yml's defaults as the runner expands them (the token expression to TOKEN). */
export function defaultInputs(): Record<string, string> {
  const yml = load(readFileSync('action.yml', 'utf8')) as ActionYml
  return Object.fromEntries(
    Object.entries(yml.inputs).map(([name, spec]) => [
      name,
      (spec.default ?? '').replace('${{ github.token }}', TOKEN)
    ])
  )
}

/** `name<<delimiter` blocks (and plain `name=value` lines) of a GITHUB_OUTPUT file. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc?.[1] && heredoc[2]) {
      const end = lines.indexOf(heredoc[2], i + 1)
      if (end < 0) throw new Error(`output ${heredoc[1]}: no closing delimiter`)
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

const unescapeData = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string =>
  unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')

/** Workflow commands on stdout, as the runner reads them. */
export function parseCommands(stdout: string): Command[] {
  const commands: Command[] = []
  let stopToken: string | null = null
  for (const raw of stdout.split(/\r?\n/)) {
    const line = raw.trimStart()
    if (stopToken !== null) {
      if (line === `::${stopToken}::`) stopToken = null
      continue
    }
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m?.[1]) continue
    if (m[1] === 'stop-commands') {
      stopToken = m[3] ?? ''
      continue
    }
    const properties: Record<string, string> = {}
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=')
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
    commands.push({ command: m[1], properties, message: unescapeData(m[3] ?? '') })
  }
  return commands
}

export interface RunOptions {
  workspace: string
  inputs: Record<string, string>
  /** GITHUB_REPOSITORY; the API server answers by repository. */
  repository?: string
  api?: string
  docker?: string
  /**
   * HOME, stable across a test's runs as on a real runner: the docker client keys its
   * context-sync cache by a node id kept under ~/.docker, so a new HOME never sees old cache.
   */
  home: string
  /** Extra environment, applied last (e.g. a dead DOCKER_HOST of the test's own). */
  env?: NodeJS.ProcessEnv
}

/** Runs dist/index.js once, as a runner step would. */
export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'fb-runner-'))
  const files = {
    output: join(temp, 'output.txt'),
    summary: join(temp, 'summary.md'),
    event: join(temp, 'event.json')
  }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  writeFileSync(
    files.event,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { sha: HEAD_SHA, ref: 'feature' }, base: { ref: 'main' } }
    })
  )
  const env = actionEnv(opts, { ...files, temp })
  // Asynchronous on purpose: the API server answering the child lives in this process.
  const child = spawn(process.execPath, [DIST], { cwd: opts.workspace, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail)
    child.on('close', c => done(c))
  })
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    commands: parseCommands(stdout)
  }
}

export type { Seen } from '../../helpers/github-api.js'

/** A local GitHub API: 201 for repository `o/r`, 403 (a fork's read-only token) for `o/fork`. */
export async function startApi(): Promise<FakeApi> {
  return startFakeApi((url, count) =>
    url.startsWith('/repos/o/r/')
      ? [201, { id: count }]
      : url.startsWith('/repos/o/fork/')
        ? [403, { message: 'Resource not accessible by integration' }]
        : [404, { message: 'Not Found' }]
  )
}

/** The environment a runner gives the action's process: the step's inputs and the suite's daemon. */
export function actionEnv(
  opts: RunOptions,
  files: { output: string; summary: string; event: string; temp: string }
): NodeJS.ProcessEnv {
  const inputs = { ...defaultInputs(), ...opts.inputs }
  return {
    PATH: process.env.PATH,
    HOME: opts.home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_REPOSITORY: opts.repository ?? 'o/r',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: SERVER_URL,
    GITHUB_API_URL: opts.api ?? 'http://127.0.0.1:9',
    RUNNER_TEMP: files.temp,
    DOCKER_PATH: opts.docker ?? DOCKER,
    // The daemon the suite was given; a test that wants another one passes it in opts.env.
    ...(suiteDockerHost() ? { DOCKER_HOST: suiteDockerHost() } : {}),
    ...opts.env,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVar(k), v]))
  }
}
