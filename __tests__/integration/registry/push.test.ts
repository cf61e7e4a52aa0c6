/**
 * Build once, deploy anywhere, against a real registry (scripts/registry.sh) and two daemons:
 * host A (the suite's daemon) builds and pushes; host B (a daemon of its own, no local record)
 * takes the previous record from beside the image in the registry.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../helpers/cli.js'
import { describeDocker, docker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import {
  registryDigest,
  registryGet,
  registryTags,
  startHost,
  startRegistry,
  type TestHost,
  type TestRegistry
} from '../../helpers/registry.js'
import { makeTree } from '../../helpers/tree.js'
import { BASE_IMAGE } from '../../helpers/docker.js'
import { editKeepingMtime, Scratch } from '../guard/helpers.js'

interface Run {
  code: number
  json: Record<string, unknown> & { verdict?: string; changedFiles?: string[] }
  stderr: string
}

async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const { code, stdout, stderr } = await runCli([...argv, '--json'], { env })
  return { code, json: (stdout.trim() ? JSON.parse(stdout) : {}) as Run['json'], stderr }
}

/** The one error line an exit-2 run printed. */
function errorLine(r: Run): string {
  const lines = r.stderr.split('\n').filter(l => l.startsWith('fresh-build: error: '))
  expect(lines).toHaveLength(1)
  return (lines[0] as string).slice('fresh-build: error: '.length)
}

const scratch = new Scratch()
let registry: TestRegistry
let hostB: TestHost
let dockerConfig: string
const SECRET_PASSWORD = `pw-${scratch.nonce}-never-shown`
const SECRET_ARG = `arg-${scratch.nonce}-never-shown`

beforeAll(async () => {
  registry = await startRegistry()
  hostB = startHost('b')
  // `docker login` as it leaves the config: an auths entry for the registry.
  dockerConfig = mkdtempSync(join(tmpdir(), 'fb-reg-config-'))
  writeFileSync(
    join(dockerConfig, 'config.json'),
    JSON.stringify({
      auths: { [registry.addr]: { auth: Buffer.from(`ci:${SECRET_PASSWORD}`).toString('base64') } }
    })
  )
}, 120_000)
afterAll(() => {
  registry?.stop()
  hostB?.stop()
  scratch.cleanup()
})

const DOCKERFILE = `FROM ${BASE_IMAGE}\nARG TOKEN\nWORKDIR /app\nCOPY package.json ./\nCOPY src ./src\n`

function argv(ctx: string, state: string, tags: string[], extra: string[] = []): string[] {
  return [
    'build',
    '--context',
    ctx,
    '--state',
    state,
    '--docker',
    '/usr/bin/docker',
    '--commit',
    'c0ffee',
    '--build-arg',
    `TOKEN=${SECRET_ARG}`,
    '--secret-build-arg',
    'TOKEN',
    ...tags.flatMap(t => ['--tag', t]),
    ...extra
  ]
}

function hostEnv(dockerHost?: string): NodeJS.ProcessEnv {
  return suiteEnv({
    DOCKER_CONFIG: dockerConfig,
    ...(dockerHost ? { DOCKER_HOST: dockerHost } : {})
  })
}

function spec(app: string): Record<string, string> {
  return {
    Dockerfile: DOCKERFILE,
    'package.json': '{"name":"app"}\n',
    'src/app.js': app,
    'src/util.js': 'module.exports = 1\n'
  }
}

describeDocker('registry: build once, deploy anywhere', () => {
  let image = ''
  let firstDigest = ''
  let ctxA = ''
  let stateA = ''

  test("host A builds and pushes app:main: baseline, the digest is the registry's, the record beside it", async () => {
    image = `${registry.addr}/app:main`
    ctxA = scratch.tree(spec(`console.log("v1 ${scratch.nonce}")\n`))
    stateA = scratch.statePath()
    const a = await cli(argv(ctxA, stateA, [image], ['--push']), hostEnv())
    expect(a.code).toBe(0)
    expect(a.json.verdict).toBe('baseline')
    expect(a.json.previousSource).toBeUndefined()
    firstDigest = a.json.digest as string
    expect(firstDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(await registryDigest(registry.addr, 'app', 'main')).toBe(firstDigest)

    // The record, fetchable by the image digest alone.
    const hex = firstDigest.slice('sha256:'.length)
    const art = await registryGet(registry.addr, `/v2/app/manifests/sha256-${hex}.fresh-build`, {
      accept: 'application/vnd.oci.image.manifest.v1+json'
    })
    expect(art.status).toBe(200)
    const manifest = (await art.json()) as {
      artifactType: string
      subject: { digest: string }
      layers: { digest: string; mediaType: string }[]
    }
    expect(manifest.artifactType).toBe('application/vnd.dev.fresh-build.record.v1+json')
    expect(manifest.subject.digest).toBe(firstDigest)
    const blob = await registryGet(registry.addr, `/v2/app/blobs/${manifest.layers[0]?.digest}`)
    const text = await blob.text()
    const record = JSON.parse(text) as { contextHash: string; files: Record<string, string> }
    expect(record.contextHash).toBe(a.json.contextHash)
    expect(Object.keys(record.files)).toEqual(expect.arrayContaining(['src/app.js', 'src/util.js']))

    // Labels carry the summary; no secret anywhere.
    const labels = docker(['image', 'inspect', '--format', '{{json .Config.Labels}}', image])
    expect(JSON.parse(labels)['dev.fresh-build.context-hash']).toBe(a.json.contextHash)
    for (const secret of [SECRET_PASSWORD, SECRET_ARG]) {
      expect(text).not.toContain(secret)
      expect(labels).not.toContain(secret)
      expect(a.stderr).not.toContain(secret)
      expect(JSON.stringify(a.json)).not.toContain(secret)
    }
  })

  test("host B, no local record, same sources: unchanged against the registry's record, its cache pruned", async () => {
    // Another runner's own checkout of the same commit.
    const ctx = scratch.tree(spec(`console.log("v1 ${scratch.nonce}")\n`))
    const state = scratch.statePath()
    const b = await cli(argv(ctx, state, [image]), hostEnv(hostB.dockerHost))
    expect(b.code).toBe(0)
    expect(b.json.verdict).toBe('unchanged')
    expect(b.json.previousSource).toBe('registry')
    // This host's context cache is unknown to the registry's record: pruned anyway.
    expect(b.json.pruned).toMatchObject({ policy: 'source', done: true })
    expect(b.stderr).toContain(`sha256-${firstDigest.slice(7)}.fresh-build`)
    expect(readFileSync(state, 'utf8')).toContain(b.json.contextHash as string)
  })

  test('host B changes one file: fresh naming it, pushes; the tag moves to the new digest', async () => {
    const ctx = scratch.tree(spec(`console.log("v2, a longer line ${scratch.nonce}")\n`))
    const b = await cli(
      argv(ctx, scratch.statePath(), [image], ['--push']),
      hostEnv(hostB.dockerHost)
    )
    expect(b.code).toBe(0)
    expect(b.json.verdict).toBe('fresh')
    expect(b.json.previousSource).toBe('registry')
    expect(b.json.changedFiles).toEqual(['src/app.js'])
    const second = b.json.digest as string
    expect(second).not.toBe(firstDigest)
    expect(await registryDigest(registry.addr, 'app', 'main')).toBe(second)
    // Ground truth: the pushed image, pulled back on host A, holds the new bytes.
    docker(['pull', image])
    const out = docker(['run', '--rm', '--network', 'none', image, 'cat', '/app/src/app.js'])
    expect(out).toContain(`v2, a longer line ${scratch.nonce}`)
  })

  test("host A's local record wins for its own cache; the registry's newer image is named", async () => {
    const a = await cli(argv(ctxA, stateA, [image], ['--push']), hostEnv())
    expect(a.code).toBe(0)
    expect(a.json.verdict).toBe('unchanged')
    expect(a.json.previousSource).toBeUndefined()
    // This host's record knows its cache: no prune for an unchanged context.
    expect(a.json.pruned).toBeNull()
    expect((a.json.warnings as string[]).join('\n')).toMatch(
      /app:main in the registry was built from another context .* judged against this host's record/
    )
    // A new build of v1 (its own build id and time labels) is what the tag names now.
    expect(await registryDigest(registry.addr, 'app', 'main')).toBe(a.json.digest)
  })

  test("host B's own stale context cache: the registry's record is equal, yet the cache is pruned and the image holds the checkout", async () => {
    const tag = `${registry.addr}/app:stale-host`
    const v1 = `console.log("s1 ${scratch.nonce}")\n`
    const v2 = `console.log("s2 ${scratch.nonce}")\n`
    // Host A's CI pushed v2 with its record.
    const pushedBy = await cli(
      argv(scratch.tree(spec(v2)), scratch.statePath(), [tag], ['--push']),
      hostEnv()
    )
    expect(pushedBy.code).toBe(0)
    // Host B built this checkout at v1 outside the guard; then a same-size, mtime-kept update to v2.
    const ctx = scratch.tree(spec(v1))
    // The same client config as the guard's runs: the client keys its context cache by the node id
    // kept there.
    const plain = spawnSync('/usr/bin/docker', ['build', '-t', `${tag}-plain`, ctx], {
      env: { ...hostEnv(hostB.dockerHost), DOCKER_BUILDKIT: '1' },
      encoding: 'utf8'
    })
    expect(plain.status).toBe(0)
    editKeepingMtime(join(ctx, 'src/app.js'), v2)
    const state = scratch.statePath()
    const b = await cli(argv(ctx, state, [tag]), hostEnv(hostB.dockerHost))
    expect(b.code).toBe(0)
    expect(b.json.previousSource).toBe('registry')
    expect(b.json.verdict).toBe('unchanged')
    expect(b.json.pruned).toMatchObject({ policy: 'source', done: true })
    // Ground truth on host B: the new bytes, not the ones its context cache held.
    expect(hostB.docker(['run', '--rm', '--network', 'none', tag, 'cat', '/app/src/app.js'])).toBe(
      v2
    )

    // Without the prune this host's cache is unknown: a baseline, no promise.
    const never = await cli(
      argv(ctx, scratch.statePath(), [tag], ['--prune', 'never']),
      hostEnv(hostB.dockerHost)
    )
    expect(never.code).toBe(0)
    expect(never.json.verdict).toBe('baseline')
    expect(never.json.previousSource).toBeUndefined()
    expect((never.json.warnings as string[]).join('\n')).toMatch(
      /record came from the registry, but this host's builder cache was not pruned .*baseline/
    )
  })

  test('a registry that is down: exit 2 naming it, no record changed, nothing pushed', async () => {
    const ctx = scratch.tree(spec(`console.log("v3 ${scratch.nonce}")\n`))
    const state = scratch.statePath()
    const first = await cli(argv(ctx, state, [`${registry.addr}/down:one`]), hostEnv())
    expect(first.code).toBe(0)
    const before = readFileSync(state, 'utf8')
    writeFileSync(join(ctx, 'src/app.js'), 'changed\n')
    // A port nothing listens on (the test's registry, stopped, would do the same).
    const down = '127.0.0.1:5099'
    const r = await cli(
      argv(ctx, state, [`${registry.addr}/down:two`, `${down}/app:two`], ['--push']),
      hostEnv()
    )
    expect(r.code).toBe(2)
    expect(errorLine(r)).toMatch(
      new RegExp(
        `^registry ${down.replace(/\./g, '\\.')} is unreachable \\(connect ECONNREFUSED ${down.replace(/\./g, '\\.')}\\)$`
      )
    )
    expect(readFileSync(state, 'utf8')).toBe(before)
    expect(await registryTags(registry.addr, 'down')).toEqual([])
    // Nothing was built either: the check came before the build.
    expect(r.stderr).not.toMatch(/building /)
  })

  test('an invalid name is refused before anything runs, naming it', async () => {
    const ctx = makeTree(spec('x\n'))
    const r = await cli(
      argv(ctx, scratch.statePath(), [`${registry.addr}/App:x`], ['--push']),
      hostEnv()
    )
    expect(r.code).toBe(2)
    expect(errorLine(r)).toMatch(/App:x/)
  })
})
