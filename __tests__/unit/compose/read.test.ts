import { afterEach, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import {
  ComposeError,
  composeProjectName,
  defaultImageName,
  normalizeProjectName,
  readComposeFile,
  readComposeProject
} from '../../../src/compose/read.js'
import { makeTree, removeTree, type TreeSpec } from '../../helpers/tree.js'

const roots: string[] = []
afterEach(() => {
  for (const r of roots.splice(0)) removeTree(r)
})

function project(spec: TreeSpec): string {
  const root = makeTree(spec)
  roots.push(root)
  return root
}

const noEnv = {}

describe('readComposeFile', () => {
  test('short and long build forms, paths resolved against the compose file', async () => {
    const root = project({
      'deploy/docker-compose.yml': `
services:
  web:
    build: ../web
  api:
    build:
      context: ../api
      dockerfile: docker/Dockerfile.prod
      target: runtime
      args:
        NODE_ENV: production
        PORT: 8080
        DEBUG: false
      cache_from:
        - api:cache
    image: registry.local/api:1
  db:
    image: postgres:16
  here:
    build: {}
`
    })
    const file = join(root, 'deploy/docker-compose.yml')
    const services = await readComposeFile(file, { env: noEnv })
    expect(services).toEqual([
      {
        name: 'web',
        context: join(root, 'web'),
        dockerfile: join(root, 'web/Dockerfile'),
        args: {},
        target: null,
        image: null,
        cacheFrom: []
      },
      {
        name: 'api',
        context: join(root, 'api'),
        dockerfile: join(root, 'api/docker/Dockerfile.prod'),
        args: { NODE_ENV: 'production', PORT: '8080', DEBUG: 'false' },
        target: 'runtime',
        image: 'registry.local/api:1',
        cacheFrom: ['api:cache']
      },
      {
        name: 'here',
        context: join(root, 'deploy'),
        dockerfile: join(root, 'deploy/Dockerfile'),
        args: {},
        target: null,
        image: null,
        cacheFrom: []
      }
    ])
  })

  test('an absolute dockerfile and context are kept', async () => {
    const root = project({
      'c.yml': `services:\n  a:\n    build:\n      context: /srv/app\n      dockerfile: /srv/files/Dockerfile\n`
    })
    const [a] = await readComposeFile(join(root, 'c.yml'), { env: noEnv })
    expect(a?.context).toBe('/srv/app')
    expect(a?.dockerfile).toBe('/srv/files/Dockerfile')
  })

  test('args as a list: K=V, bare K from the environment, unset bare K left out', async () => {
    const root = project({
      'compose.yaml': `
services:
  a:
    build:
      context: .
      args:
        - ONE=1
        - EQ=a=b
        - FROM_ENV
        - NOT_SET
        - EMPTY=
`
    })
    const [a] = await readComposeFile(join(root, 'compose.yaml'), { env: { FROM_ENV: 'e' } })
    expect(a?.args).toEqual({ ONE: '1', EQ: 'a=b', FROM_ENV: 'e', EMPTY: '' })
  })

  test('args as a map: a key without a value comes from the environment', async () => {
    const root = project({
      'c.yml': `services:\n  a:\n    build:\n      context: .\n      args:\n        FROM_ENV:\n        NOT_SET:\n        SET: x\n`
    })
    const [a] = await readComposeFile(join(root, 'c.yml'), { env: { FROM_ENV: 'e' } })
    expect(a?.args).toEqual({ FROM_ENV: 'e', SET: 'x' })
  })

  test('interpolation from the environment over .env, in every field read', async () => {
    const root = project({
      '.env': 'APP_DIR=from-dotenv\nTAG=dotenv\nSTAGE=build\n# comment\n',
      'c.yml': `
services:
  app:
    build:
      context: ./\${APP_DIR}
      dockerfile: \${DOCKERFILE:-Dockerfile.dev}
      target: \${STAGE}
      args:
        - VERSION=\${TAG:?set TAG}
        - LITERAL=$$HOME
      cache_from: ["app:\${TAG}"]
    image: app:\${TAG}
`
    })
    const [app] = await readComposeFile(join(root, 'c.yml'), { env: { TAG: 'env' } })
    expect(app).toEqual({
      name: 'app',
      context: join(root, 'from-dotenv'),
      dockerfile: join(root, 'from-dotenv/Dockerfile.dev'),
      args: { VERSION: 'env', LITERAL: '$HOME' },
      target: 'build',
      image: 'app:env',
      cacheFrom: ['app:env']
    })
  })

  test('values outside what is read are not interpolated (an unset required var there is not an error)', async () => {
    const root = project({
      'c.yml': `services:\n  a:\n    build: .\n    environment:\n      X: \${NEEDED:?no}\n    command: echo $ weird\n`
    })
    await expect(readComposeFile(join(root, 'c.yml'), { env: noEnv })).resolves.toHaveLength(1)
  })

  test('a required variable names the file and the field', async () => {
    const root = project({
      'c.yml': `services:\n  a:\n    build:\n      context: .\n      args:\n        V: \${TAG:?TAG must be set}\n`
    })
    const file = join(root, 'c.yml')
    await expect(readComposeFile(file, { env: noEnv })).rejects.toThrow(
      new ComposeError(
        file,
        'services.a.build.args.V: required variable TAG is missing a value: TAG must be set'
      )
    )
  })

  test('YAML anchors and merge keys', async () => {
    const root = project({
      'c.yml': `
x-build: &build
  context: ./app
  args: { A: "1" }
services:
  one:
    build:
      <<: *build
      target: one
  two:
    build: *build
`
    })
    const s = await readComposeFile(join(root, 'c.yml'), { env: noEnv })
    expect(s.map(x => [x.name, x.context, x.target, x.args])).toEqual([
      ['one', join(root, 'app'), 'one', { A: '1' }],
      ['two', join(root, 'app'), null, { A: '1' }]
    ])
  })

  test('requested services, in the order asked, duplicates once', async () => {
    const root = project({
      'c.yml': `services:\n  a:\n    build: ./a\n  b:\n    build: ./b\n  c:\n    build: ./c\n`
    })
    const s = await readComposeFile(join(root, 'c.yml'), { env: noEnv, services: ['c', 'a', 'c'] })
    expect(s.map(x => x.name)).toEqual(['c', 'a'])
  })

  test('profiles: inactive services are skipped unless asked for', async () => {
    const root = project({
      'c.yml': `services:\n  a:\n    build: ./a\n  dbg:\n    build: ./dbg\n    profiles: [debug]\n`
    })
    const file = join(root, 'c.yml')
    expect((await readComposeFile(file, { env: noEnv })).map(s => s.name)).toEqual(['a'])
    const active = await readComposeFile(file, { env: { COMPOSE_PROFILES: 'x, debug' } })
    expect(active.map(s => s.name)).toEqual(['a', 'dbg'])
    const asked = await readComposeFile(file, { env: noEnv, services: ['dbg'] })
    expect(asked.map(s => s.name)).toEqual(['dbg'])
  })
})

describe('extends', () => {
  test('same file: build merged, args merged, image inherited', async () => {
    const root = project({
      'c.yml': `
services:
  base:
    build:
      context: ./app
      args: { A: "1", B: "1" }
      cache_from: [x]
    image: app:base
  child:
    extends: base
    build:
      args: { B: "2" }
      target: prod
      cache_from: [y]
  grandchild:
    extends: { service: child }
    image: app:gc
`
    })
    const s = await readComposeFile(join(root, 'c.yml'), { env: noEnv })
    const byName = Object.fromEntries(s.map(x => [x.name, x]))
    expect(byName.child).toEqual({
      name: 'child',
      context: join(root, 'app'),
      dockerfile: join(root, 'app/Dockerfile'),
      args: { A: '1', B: '2' },
      target: 'prod',
      image: 'app:base',
      cacheFrom: ['x', 'y']
    })
    expect(byName.grandchild?.image).toBe('app:gc')
    expect(byName.grandchild?.args).toEqual({ A: '1', B: '2' })
  })

  test('file: form resolves the base service paths against its own file', async () => {
    const root = project({
      'common/base.yml': `services:\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.base\n`,
      'app/c.yml': `services:\n  site:\n    extends:\n      file: ../common/base.yml\n      service: web\n  moved:\n    extends: { file: ../common/base.yml, service: web }\n    build:\n      context: ./here\n`
    })
    const s = await readComposeFile(join(root, 'app/c.yml'), { env: noEnv })
    expect(s.map(x => [x.name, x.context, x.dockerfile])).toEqual([
      ['site', join(root, 'common/web'), join(root, 'common/web/Dockerfile.base')],
      ['moved', join(root, 'app/here'), join(root, 'app/here/Dockerfile.base')]
    ])
  })

  test('a cycle is an error naming the chain', async () => {
    const root = project({
      'c.yml': `services:\n  a:\n    extends: b\n    build: .\n  b:\n    extends: a\n`
    })
    await expect(readComposeFile(join(root, 'c.yml'), { env: noEnv })).rejects.toThrow(
      /services\.\w\.extends: circular reference \((a -> b -> a|b -> a -> b)\)/
    )
  })

  test('extending a missing service is an error', async () => {
    const root = project({ 'c.yml': `services:\n  a:\n    extends: nope\n` })
    await expect(readComposeFile(join(root, 'c.yml'), { env: noEnv })).rejects.toThrow(
      'services.a.extends: no service "nope" in this file'
    )
  })
})

describe('errors are one line naming the file', () => {
  const cases: [string, string | undefined, string[] | undefined, RegExp][] = [
    ['services:\n  a:\n    build: .\n', undefined, ['b'], /: no service "b" \(services: a\)$/],
    [
      'services:\n  db:\n    image: postgres\n',
      undefined,
      ['db'],
      /: service "db" has no build section \(it runs the image postgres\)$/
    ],
    [
      'services:\n  db:\n    image: postgres\n',
      undefined,
      undefined,
      /: no service has a build section$/
    ],
    ['version: "2"\n', undefined, undefined, /: no services: section$/],
    ['- a\n- b\n', undefined, undefined, /: not a compose file \(expected a mapping\)$/],
    ['services: [a]\n', undefined, undefined, /: services: must be a mapping$/],
    [
      'services:\n  a:\n    build: [x]\n',
      undefined,
      undefined,
      /services\.a\.build must be a path or a mapping$/
    ],
    ['services:\n  a: {\n', undefined, undefined, /: invalid YAML at line \d+: /],
    [
      'services:\n  a:\n    build:\n      dockerfile_inline: FROM x\n',
      undefined,
      undefined,
      /services\.a\.build\.dockerfile_inline is not supported/
    ],
    [
      'services:\n  a:\n    build: https://github.com/o/r.git#main\n',
      undefined,
      undefined,
      /services\.a\.build: a remote build context \(https:\/\/github\.com\/o\/r\.git#main\) cannot be hashed/
    ],
    [
      'services:\n  a:\n    build:\n      context: .\n      target: {x: 1}\n',
      undefined,
      undefined,
      /services\.a\.build\.target: expected a string, got a mapping$/
    ],
    [
      'services:\n  a:\n    build: ./$ x\n',
      undefined,
      undefined,
      /services\.a\.build: invalid interpolation format "\.\/\$ x"$/
    ]
  ]
  test.each(cases)('%j', async (yaml, _unused, services, message) => {
    const root = project({ 'c.yml': yaml })
    const file = join(root, 'c.yml')
    const err = await readComposeFile(file, { env: noEnv, services }).then(
      () => null,
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(ComposeError)
    const msg = (err as Error).message
    expect(msg.startsWith(`${file}: `)).toBe(true)
    expect(msg).not.toContain('\n')
    expect(msg).toMatch(message)
  })

  test('a missing compose file', async () => {
    const root = project({})
    await expect(readComposeFile(join(root, 'none.yml'), { env: noEnv })).rejects.toThrow(
      `${join(root, 'none.yml')}: cannot read the compose file: not found`
    )
  })
})

describe('project name and image names', () => {
  test('COMPOSE_PROJECT_NAME (env over .env), then name:, then the folder', async () => {
    const root = project({
      'My Project.v2/c.yml': 'name: FromFile\nservices:\n  a:\n    build: .\n',
      'My Project.v2/plain.yml': 'services:\n  a:\n    build: .\n',
      'withenv/.env': 'COMPOSE_PROJECT_NAME=dotenv\n',
      'withenv/c.yml': 'name: fromfile\nservices:\n  a:\n    build: .\n'
    })
    const read = async (rel: string, env: NodeJS.ProcessEnv): Promise<string> =>
      (await readComposeProject(join(root, rel), { env })).name
    expect(await read('My Project.v2/c.yml', noEnv)).toBe('fromfile')
    expect(await read('My Project.v2/plain.yml', noEnv)).toBe('myprojectv2')
    expect(await read('My Project.v2/c.yml', { COMPOSE_PROJECT_NAME: 'Env_Name' })).toBe('env_name')
    expect(await read('withenv/c.yml', noEnv)).toBe('dotenv')
    expect(await read('withenv/c.yml', { COMPOSE_PROJECT_NAME: 'env' })).toBe('env')
  })

  test.each([
    ['myapp', 'myapp'],
    ['My App', 'myapp'],
    ['my.app-2_x', 'myapp-2_x'],
    ['__-x', 'x'],
    ['ÄÖ', '']
  ])('normalizeProjectName(%j) = %j', (raw, name) => {
    expect(normalizeProjectName(raw)).toBe(name)
  })

  test('a name that normalizes to nothing is an error', () => {
    expect(() => composeProjectName({ dir: '/x/...', env: {} })).toThrow(
      /project name "\.\.\." is empty once normalized/
    )
  })

  test.each([
    ['v1', 'proj_web'],
    ['v2', 'proj-web']
  ] as const)('defaultImageName %s', (flavor, name) => {
    expect(defaultImageName('proj', 'web', flavor)).toBe(name)
  })
})
