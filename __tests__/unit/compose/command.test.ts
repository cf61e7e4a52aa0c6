import { afterAll, describe, expect, test } from '@jest/globals'
import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import {
  composeBuildCommand,
  detectCompose,
  parseComposeVersion,
  type ComposeBuildOptions,
  type ComposeCommand,
  type ComposeFlavor,
  type ComposeTool
} from '../../../src/compose/command.js'
import { makeTree, removeTree } from '../../helpers/tree.js'

const F = '/p/docker-compose.yml'
const base: ComposeBuildOptions = { file: F, services: [], buildArgs: {} }

describe('composeBuildCommand', () => {
  const cases: [string, ComposeFlavor | ComposeTool, ComposeBuildOptions, ComposeCommand][] = [
    [
      'v2, all services',
      'v2',
      base,
      {
        cmd: 'docker',
        argv: ['compose', '-f', F, 'build', '--progress=plain'],
        env: { DOCKER_BUILDKIT: '1' }
      }
    ],
    [
      'v2, a docker path, services and args',
      'v2',
      {
        ...base,
        docker: '/usr/bin/docker',
        services: ['web', 'api'],
        buildArgs: { A: '1', B: 'x y=$HOME' }
      },
      {
        cmd: '/usr/bin/docker',
        argv: [
          'compose',
          '-f',
          F,
          'build',
          '--progress=plain',
          '--build-arg',
          'A=1',
          '--build-arg',
          'B=x y=$HOME',
          '--',
          'web',
          'api'
        ],
        env: { DOCKER_BUILDKIT: '1' }
      }
    ],
    [
      'v1, all services: BuildKit through the docker CLI',
      'v1',
      base,
      {
        cmd: 'docker-compose',
        argv: ['-f', F, 'build', '--progress=plain'],
        env: { DOCKER_BUILDKIT: '1', COMPOSE_DOCKER_CLI_BUILD: '1' }
      }
    ],
    [
      'v1, no cache, one service',
      'v1',
      { ...base, services: ['web'], noCache: true },
      {
        cmd: 'docker-compose',
        argv: ['-f', F, 'build', '--progress=plain', '--no-cache', '--', 'web'],
        env: { DOCKER_BUILDKIT: '1', COMPOSE_DOCKER_CLI_BUILD: '1' }
      }
    ],
    [
      'v1 with an absolute docker: its folder first on PATH',
      'v1',
      { ...base, docker: '/usr/bin/docker', path: '/usr/local/bin:/bin' },
      {
        cmd: 'docker-compose',
        argv: ['-f', F, 'build', '--progress=plain'],
        env: {
          DOCKER_BUILDKIT: '1',
          COMPOSE_DOCKER_CLI_BUILD: '1',
          PATH: '/usr/bin:/usr/local/bin:/bin'
        }
      }
    ],
    [
      'v1 with a bare docker name: PATH untouched',
      'v1',
      { ...base, docker: 'docker', path: '/bin' },
      {
        cmd: 'docker-compose',
        argv: ['-f', F, 'build', '--progress=plain'],
        env: { DOCKER_BUILDKIT: '1', COMPOSE_DOCKER_CLI_BUILD: '1' }
      }
    ],
    [
      'a detected v2 standalone docker-compose',
      { flavor: 'v2', cmd: '/opt/docker-compose', prefix: [], version: '2.24.0' },
      { ...base, services: ['a'] },
      {
        cmd: '/opt/docker-compose',
        argv: ['-f', F, 'build', '--progress=plain', '--', 'a'],
        env: { DOCKER_BUILDKIT: '1' }
      }
    ]
  ]
  test.each(cases)('%s', (_name, tool, opts, expected) => {
    expect(composeBuildCommand(tool, opts)).toEqual(expected)
  })
})

describe('parseComposeVersion', () => {
  test.each([
    [
      'docker-compose version 1.29.2, build unknown\ndocker-py version: 5.0.3\n',
      { version: '1.29.2', major: 1 }
    ],
    ['Docker Compose version v2.24.0\n', { version: '2.24.0', major: 2 }],
    ['Docker Compose version 2.27.1-desktop.1', { version: '2.27.1-desktop.1', major: 2 }],
    ["docker: 'compose' is not a docker command.", null]
  ])('%j', (text, expected) => {
    expect(parseComposeVersion(text)).toEqual(expected)
  })
})

describe('detectCompose', () => {
  // Fake programs: node scripts answering `compose version` / `version` like the real tools.
  const script = (body: string): { content: string; mode: number } => ({
    content: `#!${process.execPath}\nconst a = process.argv.slice(2).join(' ');\n${body}\n`,
    mode: 0o755
  })
  const dir = makeTree({
    'plugin/docker': script(
      `if (a === 'compose version') { console.log('Docker Compose version v2.24.0'); } else process.exit(1)`
    ),
    'noplugin/docker': script(
      `console.error("docker: 'compose' is not a docker command."); process.exit(1)`
    ),
    'v1/docker-compose': script(
      `if (a === 'version') console.log('docker-compose version 1.29.2, build unknown'); else process.exit(1)`
    ),
    'v2standalone/docker-compose': script(
      `if (a === 'version') console.log('Docker Compose version v2.20.3'); else process.exit(1)`
    )
  })
  // makeTree writes with the mode, but the umask may have cleared bits.
  for (const p of [
    'plugin/docker',
    'noplugin/docker',
    'v1/docker-compose',
    'v2standalone/docker-compose'
  ])
    chmodSync(join(dir, p), 0o755)
  afterAll(() => removeTree(dir))

  test('the v2 plugin first', async () => {
    const tool = await detectCompose({
      docker: join(dir, 'plugin/docker'),
      composeBin: join(dir, 'v1/docker-compose')
    })
    expect(tool).toEqual({
      flavor: 'v2',
      cmd: join(dir, 'plugin/docker'),
      prefix: ['compose'],
      version: '2.24.0'
    })
  })

  test('else docker-compose v1', async () => {
    const tool = await detectCompose({
      docker: join(dir, 'noplugin/docker'),
      composeBin: join(dir, 'v1/docker-compose')
    })
    expect(tool).toEqual({
      flavor: 'v1',
      cmd: join(dir, 'v1/docker-compose'),
      prefix: [],
      version: '1.29.2'
    })
  })

  test('a v2 standalone docker-compose is v2', async () => {
    const tool = await detectCompose({
      docker: join(dir, 'noplugin/docker'),
      composeBin: join(dir, 'v2standalone/docker-compose')
    })
    expect(tool?.flavor).toBe('v2')
    expect(tool?.prefix).toEqual([])
  })

  test('null when neither runs (missing programs do not throw)', async () => {
    const tool = await detectCompose({
      docker: join(dir, 'missing/docker'),
      composeBin: join(dir, 'missing/docker-compose')
    })
    expect(tool).toBeNull()
  })
})
