/**
 * A two-service compose project on the real daemon: docker-compose 1.29 (Debian's v1, building
 * through the 20.10 docker CLI with BuildKit) writes the log, and `fresh-build check
 * --compose-file` judges each service from it; `fresh-build build --compose-file` guards the
 * same services by itself.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { composeBuildCommand, detectCompose } from '../../../src/compose/command.js'
import { run } from '../../../src/docker/exec.js'
import { runCli, type CliRun } from '../../helpers/cli.js'
import { suiteEnv } from '../../helpers/env.js'

const COMPOSE = '/usr/bin/docker-compose'
// Unique per run: the project (and so the image names) and the bytes in the images are ours.
const NONCE = randomBytes(6).toString('hex')
const PROJECT = `fbcompose${NONCE}`
const IMAGES = [`${PROJECT}_web`, `${PROJECT}_api`]

const ENV: NodeJS.ProcessEnv = suiteEnv({ DOCKER_BUILDKIT: '1' })
delete ENV.COMPOSE_PROJECT_NAME
delete ENV.COMPOSE_FILE
delete ENV.COMPOSE_PROFILES

let root = ''
let dir = ''
let file = ''
let scratch = ''
/** Image ids we built (older ones become untagged as the tags move on). */
const ids = new Set<string>()

interface ServiceJudgement {
  service: string
  verdict: string
  changedFiles: string[]
  steps: { instruction: string; changed: boolean; cached: boolean; status: string }[]
  imageId: string | null
  warnings: string[]
}

function cli(argv: string[]): Promise<CliRun> {
  return runCli(argv, { cwd: dir, env: ENV })
}

function judgements(r: CliRun): Record<string, ServiceJudgement> {
  const doc = JSON.parse(r.stdout) as ServiceJudgement[]
  expect(Array.isArray(doc)).toBe(true)
  return Object.fromEntries(doc.map(j => [j.service, j]))
}

function rememberIds(): void {
  for (const image of IMAGES) {
    const r = spawnSync(DOCKER, ['image', 'inspect', '--format', '{{.Id}}', image], {
      encoding: 'utf8'
    })
    if (r.status === 0) ids.add(r.stdout.trim())
  }
}

/** Builds every service with docker-compose v1 + BuildKit; returns the path of its log. */
async function composeBuild(name: string): Promise<string> {
  const cmd = composeBuildCommand(
    { flavor: 'v1', cmd: COMPOSE, prefix: [], version: '' },
    // The 20.10 client first on PATH: v1 runs `docker build` with the `docker` it finds there.
    { file, services: [], buildArgs: {}, docker: DOCKER, path: process.env.PATH ?? '' }
  )
  const lines: string[] = []
  // One pipe for both streams, as `docker-compose build > log 2>&1` writes it: compose prints its
  // `Building web` headers on one stream and the builds on the other, and two pipes read side by
  // side can deliver a header after its build's first lines on a loaded machine.
  const r = await run('/bin/sh', ['-c', 'exec "$0" "$@" 2>&1', cmd.cmd, ...cmd.argv], {
    cwd: dir,
    baseEnv: ENV,
    env: cmd.env,
    onLine: line => lines.push(line)
  })
  const log = join(scratch, name)
  writeFileSync(log, `${lines.join('\n')}\n`)
  rememberIds()
  if (r.code !== 0) throw new Error(`docker-compose build failed (${r.code}):\n${lines.join('\n')}`)
  return log
}

describeDocker('compose projects', () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'fb-compose-'))
    dir = join(root, PROJECT)
    mkdirSync(dir)
    makeTree(
      {
        'docker-compose.yml': [
          'version: "3.8"',
          'services:',
          '  web:',
          '    build: ./web',
          '  api:',
          '    build:',
          '      context: ./api',
          '      dockerfile: api.Dockerfile',
          '      args:',
          '        - NONCE=${API_NONCE:?set in .env}',
          '  db:',
          `    image: ${BASE_IMAGE}`,
          ''
        ].join('\n'),
        '.env': `API_NONCE=${NONCE}\n`,
        'web/Dockerfile': `FROM ${BASE_IMAGE}\nCOPY index.html /srv/index.html\n`,
        'web/index.html': `web v1 ${NONCE}\n`,
        'api/api.Dockerfile': `FROM ${BASE_IMAGE}\nARG NONCE\nRUN echo "api $NONCE" > /nonce\nCOPY app.txt /app/app.txt\n`,
        'api/app.txt': `api v1 ${NONCE}\n`
      },
      dir
    )
    file = join(dir, 'docker-compose.yml')
    scratch = mkdtempSync(join(tmpdir(), 'fb-compose-state-'))
  })

  afterAll(() => {
    rememberIds()
    // Only what this suite made: its two tags, then the ids it saw (skipped when still in use).
    spawnSync(DOCKER, ['image', 'rm', '--force', ...IMAGES], { stdio: 'ignore' })
    if (ids.size > 0) spawnSync(DOCKER, ['image', 'rm', ...ids], { stdio: 'ignore' })
    if (root) removeTree(root)
    if (scratch) removeTree(scratch)
  })

  test('the host has docker-compose v1', async () => {
    const tool = await detectCompose({ docker: DOCKER, composeBin: COMPOSE, env: ENV })
    expect(tool).toMatchObject({ flavor: 'v1', cmd: COMPOSE, prefix: [] })
  })

  test('check --compose-file judges each service from a docker-compose log', async () => {
    const state = join(scratch, 'check-state.json')
    const check = (log: string): Promise<CliRun> =>
      cli([
        'check',
        '--compose-file',
        file,
        '--log',
        log,
        '--state',
        state,
        '--docker',
        DOCKER,
        '--json'
      ])

    const first = await check(await composeBuild('compose-1.log'))
    expect({ code: first.code, stderr: first.stderr }).toMatchObject({ code: 0 })
    let j = judgements(first)
    expect(Object.keys(j).sort()).toEqual(['api', 'web'])
    expect(j.web?.verdict).toBe('baseline')
    expect(j.api?.verdict).toBe('baseline')

    // A real edit of web only; compose rebuilds both (api fully cached).
    writeFileSync(join(dir, 'web/index.html'), `web v2 with more bytes ${NONCE}\n`)
    const second = await check(await composeBuild('compose-2.log'))
    expect({ code: second.code, stderr: second.stderr }).toMatchObject({ code: 0 })
    j = judgements(second)
    expect(j.web?.verdict).toBe('fresh')
    expect(j.web?.changedFiles).toEqual(['index.html'])
    const copy = j.web?.steps.find(s => s.instruction === 'COPY index.html /srv/index.html')
    expect(copy?.changed).toBe(true)
    expect(['ran', 'verified']).toContain(copy?.status)
    expect(j.api?.verdict).toBe('unchanged')
    expect(j.api?.changedFiles).toEqual([])

    // Each service got its own record.
    expect(second.stderr).toContain(`record updated: ${join(scratch, 'check-state.web.json')}`)
    expect(second.stderr).toContain(`record updated: ${join(scratch, 'check-state.api.json')}`)
  })

  test('check --service limits the judgement to that service', async () => {
    const log = await composeBuild('compose-3.log')
    const r = await cli([
      'check',
      '--compose-file',
      file,
      '--service',
      'api',
      '--log',
      log,
      '--state',
      join(scratch, 'one.json'),
      '--docker',
      DOCKER,
      '--json'
    ])
    expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 0 })
    expect(Object.keys(judgements(r))).toEqual(['api'])
  })

  test('a service without a build is a one-line error', async () => {
    const r = await cli([
      'check',
      '--compose-file',
      file,
      '--service',
      'db',
      '--log',
      join(scratch, 'compose-1.log'),
      '--docker',
      DOCKER
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toBe(
      `fresh-build: error: ${file}: service "db" has no build section (it runs the image ${BASE_IMAGE})\n`
    )
  })

  test('build --compose-file guards every service: baseline, then unchanged', async () => {
    const state = join(scratch, 'build-state.json')
    const build = (): Promise<CliRun> =>
      cli([
        'build',
        '--compose-file',
        file,
        '--state',
        state,
        '--docker',
        DOCKER,
        '--prune',
        'never',
        '--json'
      ])
    const first = await build()
    rememberIds()
    expect({ code: first.code, stderr: first.stderr }).toMatchObject({ code: 0 })
    let j = judgements(first)
    expect([j.web?.verdict, j.api?.verdict]).toEqual(['baseline', 'baseline'])
    // Tagged as docker-compose v1 would name them.
    expect(docker(['image', 'inspect', '--format', '{{.Id}}', `${PROJECT}_web`]).trim()).toBe(
      j.web?.imageId
    )

    const second = await build()
    rememberIds()
    expect({ code: second.code, stderr: second.stderr }).toMatchObject({ code: 0 })
    j = judgements(second)
    expect([j.web?.verdict, j.api?.verdict]).toEqual(['unchanged', 'unchanged'])
  })

  // Last: it leaves the builder's record of api's context holding bytes the folder no longer has.
  test('check --compose-file fails a service whose cached COPY kept old bytes', async () => {
    const state = join(scratch, 'stale-state.json')
    const check = (log: string): Promise<CliRun> =>
      cli([
        'check',
        '--compose-file',
        file,
        '--service',
        'api',
        '--log',
        log,
        '--state',
        state,
        '--docker',
        DOCKER,
        '--json'
      ])
    // Whole seconds, so putting the mtime back is exact.
    const app = join(dir, 'api/app.txt')
    const MTIME = 1_700_000_000
    utimesSync(app, MTIME, MTIME)
    const first = await check(await composeBuild('compose-4.log'))
    // The whole report when the exit code is not the one expected (a rare failure here, unexplained).
    expect({ code: first.code, stderr: first.code === 0 ? '' : first.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    expect(judgements(first).api?.verdict).toBe('baseline')

    // Same size, mtime put back: the client does not re-send it and the COPY says CACHED.
    writeFileSync(app, `api v9 ${NONCE}\n`)
    utimesSync(app, MTIME, MTIME)
    const second = await check(await composeBuild('compose-5.log'))
    expect({ code: second.code, stderr: second.stderr }).toMatchObject({ code: 1 })
    const api = judgements(second).api
    expect(api?.verdict).toBe('stale')
    expect(api?.steps.find(s => s.instruction === 'COPY app.txt /app/app.txt')).toMatchObject({
      changed: true,
      cached: true,
      status: 'stale'
    })
  })
})
