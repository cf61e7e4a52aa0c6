/**
 * Registry cache, against a real registry and two daemons: inline cache (`BUILDKIT_INLINE_CACHE=1`)
 * pushed by host A and imported by host B with `--cache-from`. Old bytes it serves are `stale`,
 * naming the cache source; the right bytes are `fresh`, proven. Clear deletes the named cache
 * references only, and the next build imports nothing from them.
 * FROM scratch: a COPY's cache key is then the same on every host (an imported base image is not).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../helpers/cli.js'
import { describeDocker, docker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import {
  registryDigest,
  registryTags,
  startHost,
  startRegistry,
  type TestHost,
  type TestRegistry
} from '../../helpers/registry.js'
import { KEPT_MTIME, Scratch } from '../guard/helpers.js'

interface Run {
  code: number
  json: Record<string, unknown>
  stderr: string
}

async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const { code, stdout, stderr } = await runCli([...argv, '--json'], { env })
  return { code, json: (stdout.trim() ? JSON.parse(stdout) : {}) as Run['json'], stderr }
}

interface Step {
  instruction: string
  cached: boolean
  status: string
  staleFiles: string[]
}
const stepOf = (r: Run, instruction: string): Step => {
  const s = (r.json.steps as Step[]).find(x => x.instruction === instruction)
  if (!s) throw new Error(`no step ${instruction}: ${JSON.stringify(r.json)}`)
  return s
}

const scratch = new Scratch()
let registry: TestRegistry
let noDelete: TestRegistry
let hostB: TestHost
const COPY = 'COPY app.txt /app.txt'
// Same size, so a kept mtime hides the edit from the context sync.
const V1 = `one ${scratch.nonce}\n`
const V2 = `two ${scratch.nonce}\n`

beforeAll(async () => {
  registry = await startRegistry()
  noDelete = await startRegistry(['--no-delete'])
  hostB = startHost('b')
}, 120_000)
afterAll(() => {
  registry?.stop()
  noDelete?.stop()
  hostB?.stop()
  scratch.cleanup()
})

/** The file's bytes in a FROM scratch image on a host (no shell there to cat with). */
function fileIn(host: TestHost, image: string, path: string): string {
  const id = host.docker(['create', image, 'none']).trim().split('\n').at(-1) as string
  const out = mkdtempSync(join(tmpdir(), 'fb-reg-cp-'))
  try {
    host.docker(['cp', `${id}:${path}`, out])
    return readFileSync(join(out, path.split('/').at(-1) as string), 'utf8')
  } finally {
    host.docker(['rm', id])
  }
}

/** Host A's CI publishes an inline-cache image of `content` (outside the guard). */
function publishCache(ref: string, content: string): void {
  const ctx = scratch.tree({ Dockerfile: `FROM scratch\n${COPY}\n`, 'app.txt': content })
  docker(['build', '--build-arg', 'BUILDKIT_INLINE_CACHE=1', '-t', ref, ctx])
  docker(['push', ref])
}

function guardArgv(ctx: string, state: string, tag: string, extra: string[]): string[] {
  return [
    'build',
    '--context',
    ctx,
    '--state',
    state,
    '--docker',
    '/usr/bin/docker',
    '--tag',
    tag,
    '--commit',
    'c0ffee',
    ...extra
  ]
}

describeDocker('registry: inline cache from the registry, and clearing it', () => {
  const envB = (): NodeJS.ProcessEnv => suiteEnv({ DOCKER_HOST: hostB.dockerHost })
  let cacheV1 = ''
  let cacheV2 = ''
  let appMain = ''

  test("old bytes served by the registry's inline cache are stale, naming the cache source", async () => {
    cacheV1 = `${registry.addr}/app:cache-v1`
    publishCache(cacheV1, V1)
    // Host B built v1 once (its context cache holds v1), then lost its layers but not that cache.
    const ctx = scratch.tree({ Dockerfile: `FROM scratch\n${COPY}\n`, 'app.txt': V1 })
    const state = scratch.statePath()
    const local = scratch.tag('regcache')
    const first = await cli(guardArgv(ctx, state, local, []), envB())
    expect(first.code).toBe(0)
    hostB.docker(['image', 'rm', local])
    hostB.docker(['builder', 'prune', '-af', '--filter', 'type=regular'])
    // A same-size edit with the mtime kept: the context sync keeps v1 on host B.
    writeFileSync(join(ctx, 'app.txt'), V2)
    utimesSync(join(ctx, 'app.txt'), KEPT_MTIME, KEPT_MTIME)
    const before = readFileSync(state, 'utf8')
    const r = await cli(
      guardArgv(ctx, state, local, ['--prune', 'never', '--cache-from', cacheV1]),
      envB()
    )
    expect(r.stderr).toContain(`importing cache manifest from ${cacheV1}`)
    expect(r.code).toBe(1)
    expect(r.json.verdict).toBe('stale')
    expect(stepOf(r, COPY)).toMatchObject({
      cached: true,
      status: 'stale',
      staleFiles: ['app.txt']
    })
    expect((r.json.causes as string[]).join('\n')).toContain(cacheV1)
    // Ground truth: the image holds the registry's old bytes; the record stayed.
    expect(fileIn(hostB, local, '/app.txt')).toBe(V1)
    expect(readFileSync(state, 'utf8')).toBe(before)
  })

  test("the right bytes from the registry's inline cache are fresh, proven", async () => {
    cacheV2 = `${registry.addr}/app:cache-v2`
    publishCache(cacheV2, V2)
    // The same image is the app's release tag too: clear must not take it along later.
    appMain = `${registry.addr}/app:main`
    docker(['tag', cacheV2, appMain])
    docker(['push', appMain])
    const ctx = scratch.tree({ Dockerfile: `FROM scratch\n${COPY}\n`, 'app.txt': V1 })
    const state = scratch.statePath()
    const local = scratch.tag('regcache')
    expect((await cli(guardArgv(ctx, state, local, []), envB())).code).toBe(0)
    hostB.docker(['image', 'rm', local])
    hostB.docker(['builder', 'prune', '-af'])
    writeFileSync(join(ctx, 'app.txt'), V2)
    const r = await cli(guardArgv(ctx, state, local, ['--cache-from', cacheV2]), envB())
    expect(r.stderr).toContain(`importing cache manifest from ${cacheV2}`)
    expect(r.code).toBe(0)
    expect(r.json.verdict).toBe('fresh')
    expect(r.json.changedFiles).toEqual(['app.txt'])
    expect(stepOf(r, COPY)).toMatchObject({ cached: true, status: 'verified', staleFiles: [] })
    expect(fileIn(hostB, local, '/app.txt')).toBe(V2)
  })

  test('clear deletes the named cache references only; the next build imports nothing from them', async () => {
    const mainDigest = await registryDigest(registry.addr, 'app', 'main')
    expect(mainDigest).toBe(await registryDigest(registry.addr, 'app', 'cache-v2'))
    const ctx = scratch.tree({ Dockerfile: `FROM scratch\n${COPY}\n`, 'app.txt': V2 })
    const r = await cli(
      [
        'clear',
        '--context',
        ctx,
        '--state',
        scratch.statePath(),
        '--docker',
        '/usr/bin/docker',
        '--registry-cache',
        cacheV1,
        '--registry-cache',
        cacheV2,
        '--registry-cache',
        `${registry.addr}/app:never-pushed`
      ],
      envB()
    )
    expect(r.code).toBe(0)
    const report = r.json.registryCache as {
      deleted: { ref: string; how: string; keptFor: string[] }[]
      missing: string[]
    }
    expect(report.deleted).toEqual([
      expect.objectContaining({ ref: cacheV1, how: 'manifest', keptFor: [] }),
      expect.objectContaining({ ref: cacheV2, how: 'tag', keptFor: [appMain] })
    ])
    expect(report.missing).toEqual([`${registry.addr}/app:never-pushed`])
    const tags = await registryTags(registry.addr, 'app')
    expect(tags).not.toContain('cache-v1')
    expect(tags).not.toContain('cache-v2')
    // The app tag that was not named survives, on the same manifest.
    expect(await registryDigest(registry.addr, 'app', 'main')).toBe(mainDigest)

    // The next build with those --cache-from imports nothing: the COPY runs on an empty builder.
    hostB.docker(['builder', 'prune', '-af'])
    const local = scratch.tag('regcache')
    const next = await cli(
      guardArgv(ctx, scratch.statePath(), local, [
        '--cache-from',
        cacheV1,
        '--cache-from',
        cacheV2
      ]),
      envB()
    )
    expect(next.code).toBe(0)
    expect(stepOf(next, COPY)).toMatchObject({ cached: false, status: 'ran' })
  })

  test('clear on a registry whose delete setting is off: exit 2 saying so, nothing deleted', async () => {
    const ref = `${noDelete.addr}/app:cache`
    publishCache(ref, V1)
    const ctx = scratch.tree({ Dockerfile: `FROM scratch\n${COPY}\n`, 'app.txt': V1 })
    const r = await cli(
      [
        'clear',
        '--context',
        ctx,
        '--state',
        scratch.statePath(),
        '--docker',
        '/usr/bin/docker',
        '--registry-cache',
        ref
      ],
      envB()
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(
      new RegExp(`registry ${noDelete.addr.replace(/\./g, '\\.')}: deleting is not enabled`)
    )
    expect(await registryTags(noDelete.addr, 'app')).toEqual(['cache'])
  })
})
