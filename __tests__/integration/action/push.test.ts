/**
 * The bundled action with `push: true` against a real registry (scripts/registry.sh): the
 * build-push-action outputs (`digest`, `imageid`, `metadata`), the digest checked with the
 * registry's own answer, credentials from the Docker config never printed; then `mode: clear`
 * deleting a named registry cache reference and leaving the pushed app tag.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import {
  registryDigest,
  registryTags,
  startRegistry,
  type TestRegistry
} from '../../helpers/registry.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { DIST, runAction, type ActionRun } from './runner.js'

const NONCE = randomBytes(6).toString('hex')
const PASSWORD = `pw-${NONCE}-secret`
let registry: TestRegistry
let workspace: string
let home: string
const images = new Set<string>()

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run bundle`)
  registry = await startRegistry()
  workspace = makeTree({
    Dockerfile: `FROM ${BASE_IMAGE}\nCOPY app.txt /app.txt\n`,
    'app.txt': `v1 ${NONCE}\n`
  })
  home = mkdtempSync(join(tmpdir(), 'fb-act-push-'))
  // As `docker login` leaves it.
  mkdirSync(join(home, '.docker'))
  writeFileSync(
    join(home, '.docker', 'config.json'),
    JSON.stringify({
      auths: { [registry.addr]: { auth: Buffer.from(`ci:${PASSWORD}`).toString('base64') } }
    })
  )
}, 60_000)

afterAll(() => {
  registry?.stop()
  if (images.size > 0) spawnSync(DOCKER, ['image', 'rm', '--force', ...images], { stdio: 'ignore' })
  if (workspace) removeTree(workspace)
  if (home) rmSync(home, { recursive: true, force: true })
})

function act(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    workspace,
    home,
    inputs: { 'state-file': join(home, 'state.json'), ...inputs }
  })
}

describeDocker('dist/index.js with push: true and a registry cache clear', () => {
  test("push: digest, imageid and metadata outputs; the digest is the registry's", async () => {
    const tag = `${registry.addr}/app:main`
    const r = await act({ tags: tag, push: 'true' })
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' })
    images.add(tag)
    const digest = await registryDigest(registry.addr, 'app', 'main')
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(r.outputs.digest).toBe(digest)
    expect(r.outputs.imageid).toBe(r.outputs['image-id'])
    expect(r.outputs.imageid).toBe(docker(['image', 'inspect', '--format', '{{.Id}}', tag]).trim())
    expect(JSON.parse(r.outputs.metadata ?? '')).toMatchObject({
      'containerimage.digest': digest,
      'containerimage.config.digest': r.outputs.imageid,
      digest,
      tags: [tag],
      verdict: 'baseline'
    })
    const report = JSON.parse(r.outputs.report ?? '') as Record<string, unknown>
    expect(report).toMatchObject({ digest, verdict: 'baseline' })
    expect(report.previousSource).toBeUndefined()
    for (const text of [r.stdout, r.summary, JSON.stringify(r.outputs)]) {
      expect(text).not.toContain(PASSWORD)
      expect(text).not.toContain(Buffer.from(`ci:${PASSWORD}`).toString('base64'))
    }
  })

  test('no push: digest empty, metadata says so', async () => {
    const r = await act({ tags: `${registry.addr}/app:local` })
    expect(r.code).toBe(0)
    expect(r.outputs.digest).toBe('')
    expect(JSON.parse(r.outputs.metadata ?? '')).toMatchObject({
      digest: null,
      tags: [`${registry.addr}/app:local`]
    })
    expect(await registryTags(registry.addr, 'app')).not.toContain('local')
  })

  test('clear-registry-cache deletes the named reference, the app tag survives', async () => {
    const cache = `${registry.addr}/app:buildcache`
    docker(['tag', `${registry.addr}/app:main`, cache])
    images.add(cache)
    docker(['push', cache])
    const main = await registryDigest(registry.addr, 'app', 'main')
    const r = await act({ mode: 'clear', 'clear-registry-cache': cache })
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' })
    const report = JSON.parse(r.outputs.report ?? '') as { registryCache: { deleted: unknown[] } }
    expect(report.registryCache.deleted).toEqual([
      expect.objectContaining({ ref: cache, how: 'tag', keptFor: [`${registry.addr}/app:main`] })
    ])
    expect(r.summary).toContain('Registry cache deleted')
    expect(await registryTags(registry.addr, 'app')).not.toContain('buildcache')
    expect(await registryDigest(registry.addr, 'app', 'main')).toBe(main)
    expect(readFileSync(join(home, '.docker', 'config.json'), 'utf8')).toContain(registry.addr)
  })
})
