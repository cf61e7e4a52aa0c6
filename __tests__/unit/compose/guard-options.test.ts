import { afterEach, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { composeGuardOptions, perServiceState } from '../../../src/pipeline/compose.js'
import type { GuardOptions } from '../../../src/pipeline/options.js'
import { defaultStatePath } from '../../../src/record/index.js'
import { makeTree, removeTree } from '../../helpers/tree.js'

const roots: string[] = []
afterEach(() => {
  for (const r of roots.splice(0)) removeTree(r)
})

const BASE: GuardOptions = {
  context: '/cwd',
  file: '/cwd/Dockerfile',
  state: null,
  tags: ['ignored:1'],
  buildArgs: { GLOBAL: 'g', SHARED: 'from-cli' },
  secretArgs: ['TOKEN'],
  cacheFrom: ['cli:cache'],
  target: null,
  prune: 'source',
  verify: 'changed',
  commit: 'abc',
  buildId: '7',
  ignoreCorruptRecord: false,
  logFile: '/logs/build.log',
  image: null,
  docker: '/usr/bin/docker'
}

function project(yaml: string): { root: string; file: string } {
  const root = makeTree({ 'myproj/compose.yml': yaml })
  roots.push(root)
  return { root, file: join(root, 'myproj/compose.yml') }
}

const TWO = `
services:
  web:
    build:
      context: ./web
      args: { SHARED: from-file, BUILDKIT_INLINE_CACHE: "1" }
      cache_from: [web:cache, cli:cache]
      target: prod
  api:
    build: ./api
    image: reg/api:2
  db:
    image: postgres
`

describe('composeGuardOptions', () => {
  test('one GuardOptions per building service', async () => {
    const { root, file } = project(TWO)
    const out = await composeGuardOptions({ file, services: [] }, BASE, {}, { flavor: 'v1' })
    expect(out.map(o => o.service)).toEqual(['web', 'api'])
    const [web, api] = out.map(o => o.options)
    expect(web).toEqual({
      ...BASE,
      context: join(root, 'myproj/web'),
      file: join(root, 'myproj/web/Dockerfile'),
      state: null,
      tags: ['myproj_web'],
      buildArgs: { SHARED: 'from-cli', BUILDKIT_INLINE_CACHE: '1', GLOBAL: 'g' },
      cacheFrom: ['web:cache', 'cli:cache'],
      target: 'prod',
      image: 'myproj_web'
    })
    expect(api?.tags).toEqual(['reg/api:2'])
    expect(api?.image).toBe('reg/api:2')
    expect(api?.target).toBeNull()
    expect(api?.logFile).toBe('/logs/build.log')
    expect(api?.secretArgs).toEqual(['TOKEN'])
  })

  test('v2 names images project-service', async () => {
    const { file } = project(TWO)
    const out = await composeGuardOptions({ file, services: ['web'] }, BASE, {}, { flavor: 'v2' })
    expect(out.map(o => o.options.tags)).toEqual([['myproj-web']])
  })

  test('--target applies to services without their own', async () => {
    const { file } = project(TWO)
    const out = await composeGuardOptions(
      { file, services: [] },
      { ...BASE, target: 'dev' },
      {},
      { flavor: 'v2' }
    )
    expect(out.map(o => o.options.target)).toEqual(['prod', 'dev'])
  })

  test('--state becomes one record per service', async () => {
    const { file } = project(TWO)
    const out = await composeGuardOptions(
      { file, services: [] },
      { ...BASE, state: '/state/deploy.json' },
      {},
      { flavor: 'v2' }
    )
    expect(out.map(o => o.options.state)).toEqual([
      '/state/deploy.web.json',
      '/state/deploy.api.json'
    ])
  })

  test('services sharing a build get their own default record', async () => {
    const { root, file } = project(
      'services:\n  app:\n    build: .\n  worker:\n    build: .\n  other:\n    build: ./o\n'
    )
    const env = { FRESH_BUILD_STATE_DIR: '/st' }
    const out = await composeGuardOptions({ file, services: [] }, BASE, env, { flavor: 'v2' })
    const shared = defaultStatePath({
      context: join(root, 'myproj'),
      file: join(root, 'myproj/Dockerfile'),
      env
    })
    expect(out.map(o => o.options.state)).toEqual([
      perServiceState(shared, 'app'),
      perServiceState(shared, 'worker'),
      null
    ])
    expect(new Set(out.map(o => o.options.state)).size).toBe(3)
  })

  test('errors from the compose file pass through as one line', async () => {
    const { file } = project(TWO)
    await expect(
      composeGuardOptions({ file, services: ['db'] }, BASE, {}, { flavor: 'v2' })
    ).rejects.toThrow(`${file}: service "db" has no build section (it runs the image postgres)`)
  })

  test('without a flavor, the host is asked (no compose found -> v2 names)', async () => {
    const { file } = project(TWO)
    const out = await composeGuardOptions(
      { file, services: ['web'] },
      { ...BASE, docker: '/nonexistent/docker' },
      { PATH: '/nonexistent' }
    )
    expect(out[0]?.options.tags).toEqual(['myproj-web'])
  })
})

describe('perServiceState', () => {
  test.each([
    ['/s/state.json', 'web', '/s/state.web.json'],
    ['/s/state', 'web', '/s/state.web.json'],
    ['/s/r.json', 'we b/x', '/s/r.we-b-x.json']
  ])('%s + %s', (path, svc, expected) => {
    expect(perServiceState(path, svc)).toBe(expected)
  })
})
