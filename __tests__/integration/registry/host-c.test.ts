/**
 * Verify by digest on the deploy host, against a real registry and two daemons: host A (the
 * suite's daemon) builds and pushes `app:main` twice; host C (a daemon of its own, which never
 * built anything) pulled the first push and runs it. `verify --image REGISTRY/app@D2` (or the
 * tag, resolved in the registry) there is `old-image` until C pulls again and recreates the
 * container, then `live`. Ground truth: `docker inspect` on host C and the registry's own answers.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../src/cli/main.js'
import { BASE_IMAGE, describeDocker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import {
  registryDigest,
  startHost,
  startRegistry,
  type TestHost,
  type TestRegistry
} from '../../helpers/registry.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { DIST, runAction } from '../action/runner.js'
import { editKeepingMtime, Scratch } from '../guard/helpers.js'

interface Target {
  container: string
  status: string
  image: string
  repoDigests: string[]
  expectedImage: string
  expectedTag: string | null
  causes: string[]
  details: string[]
  hints: string[]
  compared: number
  files: { path: string }[]
}
interface Run {
  code: number
  json: {
    verdict?: string
    digest?: string
    targets?: Target[]
    notes?: string[]
    warnings?: string[]
  }
  stderr: string
}

async function cli(argv: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const code = await main([...argv, '--json'], {
    stdout: s => void (stdout += s),
    stderr: s => void (stderr += s),
    cwd: tmpdir(),
    env
  })
  return { code, json: (stdout.trim() ? JSON.parse(stdout) : {}) as Run['json'], stderr }
}

const scratch = new Scratch()
let registry: TestRegistry
let hostC: TestHost
let dockerConfig = ''
let ws = ''
let home = ''
const containers: string[] = []

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run bundle`)
  registry = await startRegistry()
  hostC = startHost('c')
  dockerConfig = mkdtempSync(join(tmpdir(), 'fb-hostc-config-'))
  writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ auths: {} }))
  home = mkdtempSync(join(tmpdir(), 'fb-hostc-home-'))
}, 180_000)
afterAll(() => {
  if (containers.length > 0) {
    try {
      hostC?.docker(['rm', '--force', ...containers])
    } catch {
      // the host may be gone already
    }
  }
  registry?.stop()
  hostC?.stop()
  scratch.cleanup()
  for (const d of [dockerConfig, home, ws]) if (d) removeTree(d)
})

const envA = (): NodeJS.ProcessEnv => suiteEnv({ DOCKER_CONFIG: dockerConfig })
const envC = (): NodeJS.ProcessEnv =>
  suiteEnv({ DOCKER_CONFIG: dockerConfig, DOCKER_HOST: hostC.dockerHost })

const DOCKERFILE = `FROM ${BASE_IMAGE}\nWORKDIR /app\nCOPY src ./src\nCMD ["sleep", "3600"]\n`

function build(ctx: string, state: string, tag: string): Promise<Run> {
  return cli(
    [
      'build',
      '--context',
      ctx,
      '--state',
      state,
      '--docker',
      '/usr/bin/docker',
      '--tag',
      tag
    ].concat(['--push']),
    envA()
  )
}

/** What host C's daemon says about a container's image: its id and RepoDigests. */
function inspectOnC(container: string): { image: string; repoDigests: string[] } {
  const image = hostC.docker(['inspect', '--format', '{{.Image}}', container]).trim()
  const digests = JSON.parse(
    hostC.docker(['image', 'inspect', '--format', '{{json .RepoDigests}}', image])
  ) as string[]
  return { image, repoDigests: digests }
}

function runOnC(name: string, ref: string): void {
  hostC.docker(['run', '-d', '--name', name, ref])
  if (!containers.includes(name)) containers.push(name)
}

describeDocker('registry: verify by digest on the deploy host (host C)', () => {
  let repo = ''
  let d1 = ''
  let d2 = ''
  let ctx = ''
  let state = ''
  const web = `fb-hostc-web-${scratch.nonce}`

  test('host C runs the first digest: live against it, by digest and by tag', async () => {
    repo = `${registry.addr}/app`
    ctx = scratch.tree({ Dockerfile: DOCKERFILE, 'src/app.js': `v1 ${scratch.nonce}\n` })
    state = scratch.statePath()
    const a = await build(ctx, state, `${repo}:main`)
    expect({ code: a.code, stderr: a.code === 0 ? '' : a.stderr }).toEqual({ code: 0, stderr: '' })
    d1 = a.json.digest as string
    expect(await registryDigest(registry.addr, 'app', 'main')).toBe(d1)

    hostC.docker(['pull', `${repo}:main`])
    runOnC(web, `${repo}:main`)
    const truth = inspectOnC(web)
    expect(truth.repoDigests).toEqual([`${repo}@${d1}`])

    const byDigest = await cli(['verify', '--container', web, '--image', `${repo}@${d1}`], envC())
    expect(byDigest.code).toBe(0)
    expect(byDigest.json.verdict).toBe('live')
    expect(byDigest.json.targets?.[0]).toMatchObject({
      status: 'live',
      image: truth.image,
      repoDigests: truth.repoDigests,
      expectedImage: `${repo}@${d1}`,
      expectedTag: null
    })
    // Host C has no record: the one beside the image in the registry names the files to read.
    expect(byDigest.json.targets?.[0]?.compared).toBeGreaterThan(0)

    const byTag = await cli(['verify', '--container', web, '--image', `${repo}:main`], envC())
    expect(byTag.code).toBe(0)
    expect(byTag.json.targets?.[0]).toMatchObject({
      status: 'live',
      expectedImage: `${repo}@${d1}`,
      expectedTag: `${repo}:main`
    })
    expect(byTag.json.notes).toContain(`${repo}:main resolved in the registry to ${d1}`)
  }, 240_000)

  test('host A pushes a change (D2); host C still runs D1: old-image by digest and by tag, naming both', async () => {
    editKeepingMtime(join(ctx, 'src/app.js'), `v2 ${scratch.nonce}\n`)
    const a = await build(ctx, state, `${repo}:main`)
    expect(a.code).toBe(0)
    expect(a.json.verdict).toBe('fresh')
    d2 = a.json.digest as string
    expect(d2).not.toBe(d1)
    expect(await registryDigest(registry.addr, 'app', 'main')).toBe(d2)
    // Ground truth: host C's container still runs the image it pulled as D1.
    expect(inspectOnC(web).repoDigests).toEqual([`${repo}@${d1}`])

    const byDigest = await cli(['verify', '--container', web, '--image', `${repo}@${d2}`], envC())
    expect(byDigest.code).toBe(1)
    expect(byDigest.json.verdict).toBe('stale')
    const t = byDigest.json.targets?.[0] as Target
    expect(t).toMatchObject({ status: 'old-image', expectedImage: `${repo}@${d2}` })
    expect(t.details[0]).toContain(`pulled as ${repo}@${d1}`)
    expect(t.details[0]).toContain(`the build is ${repo}@${d2}`)
    expect(t.hints[0]).toMatch(new RegExp(`^docker pull ${repo}@${d2}, then recreate`))
    expect(byDigest.stderr).toContain('old-image')

    const byTag = await cli(['verify', '--container', web, '--image', `${repo}:main`], envC())
    expect(byTag.code).toBe(1)
    expect(byTag.json.targets?.[0]).toMatchObject({
      status: 'old-image',
      expectedImage: `${repo}@${d2}`,
      expectedTag: `${repo}:main`
    })
    expect(byTag.json.notes).toContain(`${repo}:main resolved in the registry to ${d2}`)
    expect(byTag.stderr).toContain(`${repo}:main resolved in the registry to ${d2}`)
    expect(byTag.json.targets?.[0]?.hints[0]).toMatch(/^docker pull .*:main, then recreate/)
  }, 240_000)

  test('recreated from the tag without a pull: still old-image (the stale deploy of a mutable tag)', async () => {
    hostC.docker(['rm', '--force', web])
    runOnC(web, `${repo}:main`)
    expect(inspectOnC(web).repoDigests).toEqual([`${repo}@${d1}`])
    const r = await cli(['verify', '--container', web, '--image', `${repo}:main`], envC())
    expect(r.code).toBe(1)
    expect(r.json.targets?.[0]?.status).toBe('old-image')
    expect(r.json.targets?.[0]?.details[0]).toContain('a tag that now names the build')
  }, 120_000)

  test('host C pulls and recreates: live by digest and by tag, the changed file read from the container', async () => {
    hostC.docker(['pull', `${repo}:main`])
    hostC.docker(['rm', '--force', web])
    runOnC(web, `${repo}:main`)
    const truth = inspectOnC(web)
    expect(truth.repoDigests).toContain(`${repo}@${d2}`)
    expect(hostC.docker(['exec', web, 'cat', '/app/src/app.js'])).toBe(`v2 ${scratch.nonce}\n`)

    for (const ref of [`${repo}@${d2}`, `${repo}:main`]) {
      const r = await cli(['verify', '--container', web, '--image', ref], envC())
      expect({ ref, code: r.code }).toEqual({ ref, code: 0 })
      expect(r.json.targets?.[0]).toMatchObject({
        status: 'live',
        image: truth.image,
        expectedImage: `${repo}@${d2}`
      })
      expect(r.json.targets?.[0]?.compared).toBeGreaterThan(0)
    }
    // The first digest is not what runs now.
    const old = await cli(['verify', '--container', web, '--image', `${repo}@${d1}`], envC())
    expect(old.json.targets?.[0]?.status).toBe('old-image')

    // The registry's record names the changed file: edited in the container, it is found.
    hostC.docker(['exec', web, 'sh', '-c', 'echo tampered > /app/src/app.js'])
    const edited = await cli(['verify', '--container', web, '--image', `${repo}@${d2}`], envC())
    expect(edited.code).toBe(1)
    expect(edited.json.targets?.[0]?.status).toBe('bytes-differ')
    expect(edited.json.targets?.[0]?.files.map(f => f.path)).toEqual(['/app/src/app.js'])
    hostC.docker(['rm', '--force', web])
    runOnC(web, `${repo}:main`)
  }, 240_000)

  test('the action, mode: verify with image: the tag, on host C: live; after another push, old-image and failed', async () => {
    ws = makeTree({ 'README.md': 'deploy host\n' }, mkdtempSync(join(tmpdir(), 'fb-hostc-ws-')))
    const inputs = { mode: 'verify', containers: web, image: `${repo}:main` }
    const env = { DOCKER_HOST: hostC.dockerHost, DOCKER_CONFIG: dockerConfig }
    const live = await runAction({ workspace: ws, home, inputs, env })
    expect({ code: live.code, stderr: live.stderr }).toMatchObject({ code: 0 })
    expect(live.outputs.verdict).toBe('live')
    const doc = JSON.parse(live.outputs.report ?? '{}') as Run['json']
    expect(doc.targets?.[0]).toMatchObject({ status: 'live', expectedImage: `${repo}@${d2}` })
    expect(live.stdout).toContain(`${repo}:main resolved in the registry to ${d2}`)

    editKeepingMtime(join(ctx, 'src/app.js'), `v3 ${scratch.nonce}\n`)
    const a = await build(ctx, state, `${repo}:main`)
    expect(a.code).toBe(0)
    const d3 = a.json.digest as string
    const stale = await runAction({ workspace: ws, home, inputs, env })
    expect(stale.code).not.toBe(0)
    expect(stale.outputs.verdict).toBe('stale')
    const staleDoc = JSON.parse(stale.outputs.report ?? '{}') as Run['json']
    expect(staleDoc.targets?.[0]).toMatchObject({
      status: 'old-image',
      expectedImage: `${repo}@${d3}`
    })
    expect(stale.commands.filter(c => c.command === 'error').length).toBeGreaterThan(0)
  }, 240_000)

  describe('a manifest list (index): RepoDigests holds what was pulled', () => {
    test('pulled by the index, verified against its platform manifest, and the other way round: live', async () => {
      // An index over the pushed manifest, for host C's platform, as multi-platform pushes make.
      const arch = hostC.docker(['version', '--format', '{{.Server.Arch}}']).trim()
      const manifest = await fetch(`http://${registry.addr}/v2/app/manifests/${d2}`, {
        headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' }
      })
      const bytes = Buffer.from(await manifest.arrayBuffer())
      const index = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
          manifests: [
            {
              mediaType: manifest.headers.get('content-type'),
              digest: d2,
              size: bytes.length,
              platform: { architecture: arch, os: 'linux' }
            }
          ]
        })
      )
      const put = await fetch(`http://${registry.addr}/v2/app/manifests/multi`, {
        method: 'PUT',
        headers: { 'content-type': 'application/vnd.docker.distribution.manifest.list.v2+json' },
        body: index
      })
      expect(put.status).toBe(201)
      const indexDigest = put.headers.get('docker-content-digest') as string
      expect(indexDigest).toMatch(/^sha256:/)

      // A host that pulled only the index: its RepoDigests names the index, not D2.
      hostC.docker(['rm', '--force', web])
      hostC.docker(['image', 'rm', '--force', `${repo}:main`])
      const imgs = hostC.docker([
        'image',
        'ls',
        '-q',
        '--no-trunc',
        '--filter',
        `reference=${repo}`
      ])
      if (imgs.trim()) hostC.docker(['image', 'rm', '--force', ...imgs.trim().split('\n')])
      hostC.docker(['pull', `${repo}@${indexDigest}`])
      const byIndex = `fb-hostc-idx-${scratch.nonce}`
      runOnC(byIndex, `${repo}@${indexDigest}`)
      expect(inspectOnC(byIndex).repoDigests).toEqual([`${repo}@${indexDigest}`])

      const platform = await cli(
        ['verify', '--container', byIndex, '--image', `${repo}@${d2}`],
        envC()
      )
      expect(platform.code).toBe(0)
      expect(platform.json.targets?.[0]?.details.join('\n')).toContain(
        `pulled the index ${repo}@${indexDigest}, which lists ${d2}`
      )
      const asIndex = await cli(
        ['verify', '--container', byIndex, '--image', `${repo}:multi`],
        envC()
      )
      expect(asIndex.code).toBe(0)
      expect(asIndex.json.targets?.[0]?.expectedImage).toBe(`${repo}@${indexDigest}`)
      // An index does not make every digest match: the first push is still another image.
      const first = await cli(
        ['verify', '--container', byIndex, '--image', `${repo}@${d1}`],
        envC()
      )
      expect(first.json.targets?.[0]?.status).toBe('old-image')

      // A host that pulled the platform manifest by digest, verified against the index: live.
      hostC.docker(['rm', '--force', byIndex])
      hostC.docker(['image', 'rm', '--force', `${repo}@${indexDigest}`])
      hostC.docker(['pull', `${repo}@${d2}`])
      runOnC(byIndex, `${repo}@${d2}`)
      expect(inspectOnC(byIndex).repoDigests).toEqual([`${repo}@${d2}`])
      const viaIndex = await cli(
        ['verify', '--container', byIndex, '--image', `${repo}@${indexDigest}`],
        envC()
      )
      expect(viaIndex.code).toBe(0)
      expect(viaIndex.json.targets?.[0]?.details.join('\n')).toContain(
        `a platform manifest the index ${indexDigest} lists`
      )
    }, 240_000)
  })

  test('a registry that is down, or a tag it does not have: exit 2, one line naming it', async () => {
    // Below the tests' 5100-5199: nothing of theirs listens there.
    const dead = '127.0.0.1:5099'
    const down = await cli(['verify', '--container', web, '--image', `${dead}/app:main`], envC())
    expect(down.code).toBe(2)
    const lines = down.stderr.split('\n').filter(l => l.startsWith('fresh-build: error: '))
    expect(lines).toEqual([expect.stringContaining(`registry ${dead} is unreachable`)])
    const none = await cli(['verify', '--container', web, '--image', `${repo}:nope`], envC())
    expect(none.code).toBe(2)
    expect(none.stderr).toContain(`registry ${registry.addr}: no manifest app:nope`)
  }, 60_000)
})
