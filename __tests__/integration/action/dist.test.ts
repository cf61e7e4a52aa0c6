/**
 * The bundled action as the runner runs it, on the real daemon: a baseline whose status the API
 * refuses (403), a fresh build, then a stale one (same-size edit, mtime kept, prune never).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import {
  DIST,
  HEAD_SHA,
  MERGE_SHA,
  RUN_ID,
  SERVER_URL,
  TOKEN,
  runAction,
  startApi,
  type ActionRun,
  type Seen
} from './runner.js'

const NONCE = randomBytes(6).toString('hex')
const TAG = `fb-act-dist:${process.pid}-${NONCE}`
const DOCKERFILE = `FROM ${BASE_IMAGE}\nARG GIT_COMMIT_HASH\nCOPY app.txt /app.txt\n`
const COPY_LINE = '3'
const RUN_URL = `${SERVER_URL}/o/r/actions/runs/${RUN_ID}`

let api: Awaited<ReturnType<typeof startApi>>
let workspace: string
let temp: string
const images = new Set<string>()

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run bundle`)
  api = await startApi()
  workspace = makeTree({ Dockerfile: DOCKERFILE, 'app.txt': `v1 ${NONCE}\n` })
  temp = mkdtempSync(join(tmpdir(), 'fb-act-dist-'))
})

afterAll(async () => {
  await api?.close()
  if (images.size > 0) spawnSync(DOCKER, ['image', 'rm', '--force', ...images], { stdio: 'ignore' })
  if (workspace) removeTree(workspace)
  if (temp) rmSync(temp, { recursive: true, force: true })
})

function build(inputs: Record<string, string>, repository = 'o/r'): Promise<ActionRun> {
  return runAction({
    workspace,
    repository,
    home: temp,
    api: api.url,
    inputs: {
      tags: TAG,
      'state-file': join(temp, 'state.json'),
      'commit-status': 'true',
      ...inputs
    }
  }).then(r => {
    if (r.outputs['image-id']) images.add(r.outputs['image-id'])
    return r
  })
}

/** Requests to the status endpoint of one repository, from `from` on. */
function statuses(repo: string, from: number): Seen[] {
  return api.seen.slice(from).filter(s => s.url.startsWith(`/repos/${repo}/statuses/`))
}

/** Rewrites app.txt with bytes of the same size and puts back its exact (ns) mtime. */
function editKeepingMtime(text: string): void {
  const file = join(workspace, 'app.txt')
  const ref = join(temp, 'mtime-ref')
  expect(readFileSync(file).length).toBe(Buffer.byteLength(text))
  expect(spawnSync('touch', ['-r', file, ref]).status).toBe(0)
  writeFileSync(file, text)
  expect(spawnSync('touch', ['-r', ref, file]).status).toBe(0)
}

describeDocker('dist/index.js as the runner runs it', () => {
  let baseline: ActionRun
  let fresh: ActionRun

  test('baseline: outputs written; a 403 on the commit status is a warning, not a failure', async () => {
    const from = api.seen.length
    baseline = await build({}, 'o/fork')
    expect({ code: baseline.code, stderr: baseline.stderr }).toEqual({ code: 0, stderr: '' })
    expect(baseline.outputs).toMatchObject({
      verdict: 'baseline',
      'context-hash': expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      'previous-hash': '',
      'image-id': expect.stringMatching(/^sha256:[0-9a-f]{64}$/)
    })
    const seen = statuses('o/fork', from)
    expect(seen.map(s => [s.method, s.url])).toEqual([
      ['POST', `/repos/o/fork/statuses/${HEAD_SHA}`]
    ])
    const warnings = baseline.commands.filter(c => c.command === 'warning')
    expect(warnings.filter(w => w.message.includes('commit status not posted'))).toHaveLength(1)
    expect(warnings.find(w => w.message.includes('commit status'))?.message).toContain('HTTP 403')
    expect(baseline.commands.filter(c => c.command === 'error')).toEqual([])
  })

  test('fresh: every output, the summary, identity labels and a success status on the PR head', async () => {
    writeFileSync(join(workspace, 'app.txt'), `v2 changed ${NONCE}\n`)
    const from = api.seen.length
    const secret = `npm_s3cret_${NONCE}`
    fresh = await build({ 'build-args': `NPM_TOKEN=${secret}`, 'secret-build-args': 'NPM_TOKEN' })
    expect({ code: fresh.code, stderr: fresh.stderr }).toEqual({ code: 0, stderr: '' })

    const report = JSON.parse(fresh.outputs.report ?? '') as { verdict: string; steps: unknown[] }
    expect(fresh.outputs).toEqual({
      verdict: 'fresh',
      'context-hash': expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      'previous-hash': baseline.outputs['context-hash'],
      'changed-files': 'app.txt',
      pruned: expect.any(String),
      'image-id': docker(['image', 'inspect', '--format', '{{.Id}}', TAG]).trim(),
      // Clear mode's outputs: written empty, so later steps never read an unset output.
      'gha-cache-deleted': '',
      'gha-cache-deleted-bytes': '',
      imageid: docker(['image', 'inspect', '--format', '{{.Id}}', TAG]).trim(),
      // No push: no digest; metadata still names the tags and the verdict.
      digest: '',
      metadata: expect.stringContaining('"verdict":"fresh"'),
      report: expect.any(String)
    })
    expect(fresh.outputs['context-hash']).not.toBe(baseline.outputs['context-hash'])
    // The builder state kept with the baseline vouches: only the changed file is re-sent, no prune.
    expect(JSON.parse(fresh.outputs.pruned ?? '')).toBeNull()
    expect(report).toMatchObject({
      verdict: 'fresh',
      steps: [{ line: 3, instruction: 'COPY app.txt /app.txt', changed: true, status: 'ran' }]
    })

    expect(fresh.summary).toContain('fresh-build: fresh')
    expect(fresh.summary).toContain('<code>app.txt</code>')
    // Masked before anything else is printed; kept out of every output and the summary.
    expect(fresh.commands.slice(0, 2)).toEqual([
      { command: 'add-mask', properties: {}, message: secret },
      { command: 'add-mask', properties: {}, message: TOKEN }
    ])
    for (const text of [fresh.summary, ...Object.values(fresh.outputs)]) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(TOKEN)
    }
    expect(fresh.commands.filter(c => c.command === 'error')).toEqual([])

    // The image tells what it was built from: the checked-out merge commit (GITHUB_SHA), as
    // docker/metadata-action labels it; the status still goes on the PR head.
    const labels = JSON.parse(
      docker(['image', 'inspect', '--format', '{{json .Config.Labels}}', TAG])
    )
    expect(labels).toMatchObject({
      'org.opencontainers.image.revision': MERGE_SHA,
      'dev.fresh-build.context-hash': fresh.outputs['context-hash']
    })

    const seen = statuses('o/r', from)
    expect(seen.map(s => [s.method, s.url, s.body?.state])).toEqual([
      ['POST', `/repos/o/r/statuses/${HEAD_SHA}`, 'pending'],
      ['POST', `/repos/o/r/statuses/${HEAD_SHA}`, 'success']
    ])
    expect(seen[1]?.body).toMatchObject({
      context: 'fresh-build',
      target_url: RUN_URL,
      description: expect.stringMatching(/^fresh: 1 changed file/)
    })
    expect(seen[1]?.headers.authorization).toBe(`token ${TOKEN}`)
  })

  test('stale: exit 1 after outputs, summary, an error on the COPY line and a failure status', async () => {
    let stale: ActionRun | null = null
    let from = 0
    // The record moves on with every good build: a retried attempt compares with the last one.
    let lastGood = fresh.outputs['context-hash']
    // Another suite may prune the shared builder between two builds, which hides the stale
    // record this relies on; the precondition is COPY shown CACHED, so retry when it ran.
    for (let attempt = 1; attempt <= 3 && stale === null; attempt++) {
      editKeepingMtime(`v${attempt + 2} changed ${NONCE}\n`)
      from = api.seen.length
      const r = await build({ prune: 'never' })
      const steps = (JSON.parse(r.outputs.report ?? '{}') as { steps?: { cached: boolean }[] })
        .steps
      if (r.outputs.verdict === 'stale' || steps?.[0]?.cached !== false) stale = r
      else lastGood = r.outputs['context-hash']
    }
    if (stale === null)
      throw new Error('COPY was never CACHED in 3 attempts: the builder cache kept being pruned')

    expect(stale.code).toBe(1)
    expect(stale.outputs).toMatchObject({
      verdict: 'stale',
      'previous-hash': lastGood,
      'changed-files': 'app.txt',
      pruned: 'null'
    })
    expect(stale.summary).toContain('fresh-build: stale')
    const errors = stale.commands.filter(c => c.command === 'error')
    expect(errors).toEqual([
      {
        command: 'error',
        properties: expect.objectContaining({ file: 'Dockerfile', line: COPY_LINE }),
        message: expect.stringContaining('app.txt')
      },
      // core.setFailed: the step's own failure, written last.
      { command: 'error', properties: {}, message: expect.stringMatching(/^stale build: /) }
    ])
    expect(errors[0]?.message).toContain('CACHED')

    const seen = statuses('o/r', from)
    expect(seen.map(s => s.body?.state)).toEqual(['pending', 'failure'])
    expect(seen[1]?.body).toMatchObject({ context: 'fresh-build', target_url: RUN_URL })
    expect(seen[1]?.url).toBe(`/repos/o/r/statuses/${HEAD_SHA}`)
  })

  test('a bad input fails before any docker call or status, naming the input', async () => {
    const from = api.seen.length
    const r = await runAction({
      workspace,
      home: temp,
      api: api.url,
      docker: join(temp, 'no-such-docker'),
      inputs: { 'build-args': 'A=1\nBROKEN', 'commit-status': 'true' }
    })
    expect(r.code).toBe(1)
    expect(r.commands).toEqual([
      {
        command: 'error',
        properties: {},
        message: 'input build-args line 2: expected KEY=VALUE, found no "="'
      }
    ])
    expect(r.outputs).toEqual({})
    expect(api.seen.length).toBe(from)
  })

  test('an error after the status target is known posts an error status, then fails', async () => {
    // Inside the workspace: a log-file outside it is refused before anything runs.
    const log = join(workspace, 'not-a-build.log')
    writeFileSync(log, 'hello, no docker steps here\n')
    const from = api.seen.length
    const r = await build({ mode: 'check', 'log-file': log })
    expect(r.code).toBe(1)
    const errors = r.commands.filter(c => c.command === 'error')
    expect(errors).toEqual([
      { command: 'error', properties: {}, message: expect.stringContaining('no build steps found') }
    ])
    const seen = statuses('o/r', from)
    expect(seen.map(s => s.body?.state)).toEqual(['error'])
    expect(seen[0]?.body?.description).toMatch(/^error: .*no build steps found/)
  })
})
