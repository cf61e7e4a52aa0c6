/**
 * The workflow_dispatch cache clear, run through dist/index.js as the runner runs it: it prunes
 * the builder, deletes the named host cache paths and the record, and reports what it freed,
 * while a volume, a running container and its image stay exactly as they were. Paths leading
 * outside the workspace are refused before anything is touched.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { humanBytes } from '../../../src/report/text-safety.js'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import {
  cachesApi,
  startFakeApi,
  type ApiCacheEntry,
  type FakeApi,
  type Reply
} from '../../helpers/github-api.js'
import { DIST, TOKEN, runAction, type ActionRun } from './runner.js'

const RAND = randomBytes(5).toString('hex')
const VOLUME = `fb-clear-vol-${RAND}`
const CONTAINER = `fb-clear-ctr-${RAND}`
const IMAGE = `fb-clear-img:${RAND}`
const CACHE_IMAGE = `fb-clear-cache:${RAND}`

const trees: string[] = []
let home: string

beforeAll(() => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run bundle`)
  home = mkdtempSync(join(tmpdir(), 'fb-act-clear-'))
  trees.push(home)
})
afterAll(() => trees.forEach(removeTree))

/** A workspace with host build outputs, a sibling directory outside it, and a record. */
function workspace(): { ws: string; outside: string; state: string; foreign: string } {
  const root = makeTree({
    'ws/Dockerfile': `FROM ${BASE_IMAGE}\nCOPY . /app\n`,
    'ws/src/app.js': 'console.log(1)\n',
    'ws/.next/server/page.js': 'old build output\n',
    'ws/node_modules/.cache/babel/x.json': '{}\n',
    'ws/node_modules/dep/index.js': 'module.exports = 1\n',
    'outside/x/data': 'not yours\n',
    'state.json': '{"version":1,"contextHash":"sha256:0"}\n',
    'notes.txt': "somebody else's file\n"
  })
  trees.push(root)
  const ws = join(root, 'ws')
  symlinkSync(join(root, 'outside'), join(ws, 'link-out'))
  return {
    ws,
    outside: join(root, 'outside'),
    state: join(root, 'state.json'),
    foreign: join(root, 'notes.txt')
  }
}

/** A build whose COPY reads a unique blob: its builder cache is ours to find again. */
function buildCache(): { tree: string } {
  const tree = makeTree({
    Dockerfile: `FROM ${BASE_IMAGE}\nCOPY blob /blob\n`,
    blob: randomBytes(256 * 1024).toString('hex')
  })
  trees.push(tree)
  docker(['build', '-q', '-t', CACHE_IMAGE, tree])
  return { tree }
}

const copyCached = (log: string): boolean =>
  /COPY blob \/blob\n(?:#\d+ sha256:\S+\n)?#\d+ CACHED/.test(log)

function clear(ws: string, state: string, paths: string, docker?: string): Promise<ActionRun> {
  return runAction({
    workspace: ws,
    home,
    ...(docker ? { docker } : {}),
    inputs: { mode: 'clear', 'clear-paths': paths, 'clear-all': 'true', 'state-file': state }
  })
}

describeDocker('clear mode on the real daemon', () => {
  beforeAll(() => {
    docker(['volume', 'create', VOLUME])
    docker(['run', '--rm', '-v', `${VOLUME}:/data`, BASE_IMAGE, 'sh', '-c', 'echo keep > /data/db'])
    const tree = makeTree({ Dockerfile: `FROM ${BASE_IMAGE}\nLABEL fb.test=${RAND}\n` })
    trees.push(tree)
    docker(['build', '-q', '-t', IMAGE, tree])
    docker(['run', '-d', '--name', CONTAINER, IMAGE, 'sleep', '300'])
  })

  afterAll(() => {
    // Ours, by name: nothing else is removed.
    spawnSync(DOCKER, ['rm', '--force', CONTAINER], { stdio: 'ignore' })
    spawnSync(DOCKER, ['volume', 'rm', VOLUME], { stdio: 'ignore' })
    spawnSync(DOCKER, ['image', 'rm', '--force', IMAGE, CACHE_IMAGE], { stdio: 'ignore' })
  })

  test('prunes the builder, deletes the paths, resets the record, reports the space; volume, container and image stay', async () => {
    let run: ActionRun | null = null
    let ctx = workspace()
    let cache = buildCache()
    // Another suite may prune the shared builder at any time. The precondition is our cache
    // being there when the clear runs (a rebuild shows COPY CACHED, and the clear frees bytes);
    // when something else removed it first, start over.
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (copyCached(docker(['build', '--progress=plain', '-t', CACHE_IMAGE, cache.tree]))) {
        run = await clear(ctx.ws, ctx.state, '.next\nnode_modules/.cache')
        const pruned = JSON.parse(run.outputs.pruned ?? 'null') as {
          reclaimedBytes?: number
        } | null
        if ((pruned?.reclaimedBytes ?? 0) > 0) break
      }
      if (attempt < 3) {
        ctx = workspace()
        cache = buildCache()
      }
    }
    if (run === null)
      throw new Error('our builder cache never survived until the clear in 3 attempts')

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    const pruned = JSON.parse(run.outputs.pruned ?? '') as { reclaimedBytes: number }
    expect(pruned).toMatchObject({ policy: 'all', done: true })
    expect(pruned.reclaimedBytes).toBeGreaterThan(0)
    expect(run.outputs).toMatchObject({
      verdict: 'cleared',
      'context-hash': '',
      'image-id': ''
    })
    expect(JSON.parse(run.outputs.report ?? '')).toMatchObject({
      verdict: 'cleared',
      reclaimedBytes: pruned.reclaimedBytes,
      removedPaths: ['.next', 'node_modules/.cache'],
      recordReset: true,
      statePath: ctx.state
    })
    expect(run.summary).toContain('fresh-build: cache cleared')
    expect(run.summary).toContain(
      `${humanBytes(pruned.reclaimedBytes)} (${pruned.reclaimedBytes} bytes)`
    )
    expect(run.summary).toContain('Volumes, containers and images were not touched.')

    // The builder really forgot our build: the same COPY runs again.
    expect(copyCached(docker(['build', '--progress=plain', '-t', CACHE_IMAGE, cache.tree]))).toBe(
      false
    )
    // Named paths gone, their neighbours kept, the record reset.
    expect(existsSync(join(ctx.ws, '.next'))).toBe(false)
    expect(existsSync(join(ctx.ws, 'node_modules/.cache'))).toBe(false)
    expect(existsSync(join(ctx.ws, 'node_modules/dep/index.js'))).toBe(true)
    expect(existsSync(join(ctx.ws, 'src/app.js'))).toBe(true)
    expect(existsSync(ctx.state)).toBe(false)

    // What clear must never touch.
    expect(docker(['run', '--rm', '-v', `${VOLUME}:/data`, BASE_IMAGE, 'cat', '/data/db'])).toBe(
      'keep\n'
    )
    expect(docker(['inspect', '--format', '{{.State.Running}}', CONTAINER]).trim()).toBe('true')
    expect(docker(['image', 'inspect', '--format', '{{.Config.Labels}}', IMAGE])).toContain(RAND)
  })
})

describe('clear mode refuses paths outside the workspace, before touching anything', () => {
  test.each([
    ['a parent path', '../outside/x', 'clear path "../outside/x" is outside'],
    ['the root', '/', 'clear path "/" is outside'],
    ['a symlink to outside', 'link-out', 'clear path "link-out" is a symlink to'],
    ['a path through a symlink to outside', 'link-out/x', 'clear path "link-out/x" leads outside']
  ])('%s', async (_what, bad, message) => {
    const ctx = workspace()
    // A docker that does not exist: a refusal must come before any docker call.
    const run = await clear(ctx.ws, ctx.state, `.next\n${bad}`, join(ctx.ws, 'no-docker'))
    expect(run.code).toBe(1)
    // Only the token's mask comes before the failure.
    const commands = run.commands.filter(c => c.command !== 'add-mask')
    expect(commands.map(c => c.command)).toEqual(['error'])
    expect(commands[0]?.message).toContain(`input clear-paths: ${message}`)
    expect(commands[0]?.message).toContain('refused')
    expect(run.outputs).toEqual({})
    expect(existsSync(join(ctx.ws, '.next/server/page.js'))).toBe(true)
    expect(readFileSync(join(ctx.outside, 'x/data'), 'utf8')).toBe('not yours\n')
    expect(existsSync(ctx.state)).toBe(true)
    expect(existsSync(join(ctx.ws, 'link-out'))).toBe(true)
  })

  test('a state-file that is not a fresh-build record is refused, not deleted', async () => {
    const ctx = workspace()
    const run = await clear(ctx.ws, ctx.foreign, '.next', join(ctx.ws, 'no-docker'))
    expect(run.code).toBe(1)
    expect(run.commands.filter(c => c.command === 'error').map(c => c.message)).toEqual([
      expect.stringContaining('does not look like a fresh-build record')
    ])
    expect(readFileSync(ctx.foreign, 'utf8')).toBe("somebody else's file\n")
    expect(existsSync(join(ctx.ws, '.next/server/page.js'))).toBe(true)
  })
})

/** A docker client that logs every argv it runs, then runs the real one. */
function loggingDocker(dir: string): { path: string; calls: () => string[] } {
  const log = join(dir, 'docker-calls.log')
  const path = join(dir, 'docker-logged')
  writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${DOCKER}' "$@"\n`)
  chmodSync(path, 0o755)
  return {
    path,
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [])
  }
}

/** Entries of o/r's Actions cache: buildx's gha keys on two refs, and another tool's keys. */
function cacheStore(): ApiCacheEntry[] {
  const out: ApiCacheEntry[] = []
  for (let i = 0; i < 230; i++) {
    const key =
      i % 3 === 0
        ? `buildkit-blob-1-sha256:${i.toString(16).padStart(64, '0')}`
        : i % 3 === 1
          ? `buildkit-manifest-${i}`
          : `setup-node-Linux-x64-npm-${i}`
    out.push({
      id: 5000 + i,
      key,
      ref: i % 4 === 0 ? 'refs/pull/7/merge' : 'refs/heads/main',
      version: '0'.repeat(64),
      size_in_bytes: 1000 + i,
      last_accessed_at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      created_at: new Date(Date.UTC(2026, 10, 1)).toISOString()
    })
  }
  return out
}

describeDocker('clear mode with a GitHub Actions cache scope, through dist/index.js', () => {
  const apis: FakeApi[] = []
  beforeAll(() => {
    for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'])
      Reflect.deleteProperty(process.env, k)
  })
  afterAll(async () => {
    await Promise.all(apis.map(a => a.close()))
  })

  async function run(
    entries: ApiCacheEntry[],
    inputs: Record<string, string>,
    fault?: (req: { method: string }) => Reply | null
  ): Promise<{ run: ActionRun; ctx: ReturnType<typeof workspace>; calls: string[]; api: FakeApi }> {
    const api = await startFakeApi(
      cachesApi(entries, { repository: 'o/r', ...(fault ? { fault } : {}) })
    )
    apis.push(api)
    const ctx = workspace()
    const logged = loggingDocker(join(ctx.ws, '..'))
    const r = await runAction({
      workspace: ctx.ws,
      home,
      api: api.url,
      docker: logged.path,
      inputs: { mode: 'clear', 'clear-paths': '.next', 'state-file': ctx.state, ...inputs }
    })
    return { run: r, ctx, calls: logged.calls(), api }
  }

  test('deletes exactly the entries of the key prefix and ref across pages, and reports them', async () => {
    const entries = cacheStore()
    const expected = entries.filter(
      e => e.key.startsWith('buildkit-') && e.ref === 'refs/heads/main'
    )
    const kept = entries.filter(e => !expected.includes(e))
    expect(expected.length).toBeGreaterThan(100) // more than one page
    const bytes = expected.reduce((n, e) => n + e.size_in_bytes, 0)

    const {
      run: r,
      ctx,
      calls,
      api
    } = await run(entries, {
      'gha-cache-key-prefix': 'buildkit-',
      'gha-cache-ref': 'refs/heads/main'
    })
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' })
    expect(entries.map(e => e.id)).toEqual(kept.map(e => e.id))
    expect(api.seen.filter(s => s.method === 'GET')).toHaveLength(2)
    expect(api.seen.every(s => s.headers.authorization === `token ${TOKEN}`)).toBe(true)
    expect(r.outputs).toMatchObject({
      verdict: 'cleared',
      'gha-cache-deleted': String(expected.length),
      'gha-cache-deleted-bytes': String(bytes)
    })
    const report = JSON.parse(r.outputs.report ?? '') as { actionsCache: Record<string, unknown> }
    expect(report.actionsCache).toMatchObject({
      repository: 'o/r',
      keyPrefix: 'buildkit-',
      ref: 'refs/heads/main',
      matched: expected.length,
      deletedBytes: bytes,
      alreadyGone: 0
    })
    const line = `GitHub Actions cache of o/r (key prefix "buildkit-", ref refs/heads/main): ${expected.length} entries deleted, ${humanBytes(bytes)} (${bytes} bytes)`
    expect(r.stdout).toContain(line)
    expect(r.summary).toContain('<th>GitHub Actions cache</th>')
    expect(r.summary).toContain(`${expected.length} entries deleted`)
    // The rest of the clear ran after it.
    expect(calls.some(c => c.startsWith('builder prune'))).toBe(true)
    expect(existsSync(join(ctx.ws, '.next'))).toBe(false)
    expect(existsSync(ctx.state)).toBe(false)
  })

  test('a read-only token: one error line naming actions: write; no prune, paths and record kept', async () => {
    const entries = cacheStore()
    const {
      run: r,
      ctx,
      calls,
      api
    } = await run(entries, { 'gha-cache-key-prefix': 'buildkit-' }, req =>
      req.method === 'DELETE' ? [403, { message: 'Resource not accessible by integration' }] : null
    )
    expect(r.code).toBe(1)
    // One annotation: the error line (the log group and a debug stack are not annotations).
    const commands = r.commands.filter(c => ['error', 'warning', 'notice'].includes(c.command))
    expect(commands.map(c => c.command)).toEqual(['error'])
    expect(commands[0]?.message).toMatch(
      /^GitHub Actions cache of o\/r: deleting cache \d+: HTTP 403: Resource not accessible by integration: .*permissions: actions: write.*; nothing was deleted; the builder cache, the paths and the record were left as they were$/
    )
    expect(commands[0]?.message).not.toContain(TOKEN)
    expect(api.seen.filter(s => s.method === 'DELETE')).toHaveLength(1)
    expect(entries).toHaveLength(230)
    expect(calls.filter(c => c.includes('prune'))).toEqual([])
    expect(existsSync(join(ctx.ws, '.next/server/page.js'))).toBe(true)
    expect(existsSync(ctx.state)).toBe(true)
    expect(r.outputs).toEqual({})
  })

  test('a ref that is not a full ref is refused before any request or docker call', async () => {
    const entries = cacheStore()
    const { run: r, calls, api } = await run(entries, { 'gha-cache-ref': 'main' })
    expect(r.code).toBe(1)
    expect(r.commands.filter(c => c.command === 'error').map(c => c.message)).toEqual([
      'input gha-cache-ref: "main" is not a full ref (e.g. refs/heads/main, refs/pull/7/merge)'
    ])
    expect(api.seen).toEqual([])
    expect(calls).toEqual([])
  })
})
