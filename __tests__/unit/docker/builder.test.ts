import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  classifyBuilder,
  detectBuilder,
  parseVersion,
  parseVersionJson,
  type BuilderFacts
} from '../../../src/docker/builder.js'
import { fakeExec } from './fake.js'

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')

const facts = (f: Partial<BuilderFacts>): BuilderFacts => ({
  clientVersion: '20.10.24+dfsg1',
  serverVersion: '20.10.24+dfsg1',
  serverOs: 'linux',
  buildxVersion: null,
  dockerBuildkit: undefined,
  ...f
})

describe('classifyBuilder', () => {
  test.each<[string, Partial<BuilderFacts>, string, number]>([
    ['Debian 20.10 client, no buildx', {}, 'buildkit', 0],
    ['20.10 client with DOCKER_BUILDKIT=1', { dockerBuildkit: '1' }, 'buildkit', 0],
    [
      'DOCKER_BUILDKIT=0 wins over everything',
      { dockerBuildkit: '0', buildxVersion: 'v0.12.1' },
      'legacy',
      0
    ],
    ['DOCKER_BUILDKIT=false', { dockerBuildkit: 'false' }, 'legacy', 0],
    [
      'buildx plugin present',
      { clientVersion: '24.0.7', buildxVersion: 'github.com/docker/buildx v0.12.1' },
      'buildx',
      0
    ],
    ['buildx with an old client', { buildxVersion: 'v0.8.2' }, 'buildx', 0],
    ['28.x client without buildx falls back to legacy', { clientVersion: '28.2.2' }, 'legacy', 1],
    [
      '28.x client, DOCKER_BUILDKIT=1, no buildx: would error',
      { clientVersion: '28.2.2', dockerBuildkit: '1' },
      'legacy',
      2
    ],
    ['23.0 is the first fallback version', { clientVersion: '23.0.0' }, 'legacy', 1],
    ['22.06 still builds with BuildKit', { clientVersion: '22.06.0-beta.0' }, 'buildkit', 0],
    ['Windows daemon', { serverOs: 'windows', buildxVersion: 'v0.12.1' }, 'legacy', 0],
    ['daemon older than 18.09', { serverVersion: '18.06.3-ce' }, 'legacy', 0],
    ['unknown client version', { clientVersion: null }, 'buildkit', 0]
  ])('%s', (_name, f, kind, warnings) => {
    const c = classifyBuilder(facts(f))
    expect(c.kind).toBe(kind)
    expect(c.warnings).toHaveLength(warnings)
    expect(c.reason).not.toBe('')
  })
})

describe('versions', () => {
  test.each([
    ['20.10.24+dfsg1', [20, 10]],
    ['v0.12.1', [0, 12]],
    ['28.2.2', [28, 2]],
    ['garbage', null],
    [null, null]
  ])('parseVersion(%j)', (v, out) => {
    expect(parseVersion(v)).toEqual(out)
  })

  test('parseVersionJson reads client, server, os and context (real 20.10 output)', () => {
    expect(parseVersionJson(fixture('version-20.10.out'))).toEqual({
      clientVersion: '20.10.24+dfsg1',
      serverVersion: '20.10.24+dfsg1',
      serverOs: 'linux',
      context: 'default'
    })
    expect(parseVersionJson(fixture('version-28-client.out')).clientVersion).toBe('28.2.2')
  })

  test('parseVersionJson: server null when the daemon is down', () => {
    expect(parseVersionJson(fixture('version-unreachable.out')).serverVersion).toBeNull()
    expect(parseVersionJson('not json').clientVersion).toBeNull()
  })
})

describe('detectBuilder', () => {
  test('reports versions, host and context; buildx missing -> buildkit on 20.10', async () => {
    const exec = fakeExec(args =>
      args[0] === 'version'
        ? { stdout: fixture('version-20.10.out') }
        : { code: 1, stderr: "docker: 'buildx' is not a docker command." }
    )
    const info = await detectBuilder(exec, { DOCKER_HOST: 'unix:///var/run/docker.sock' })
    expect(exec.calls).toEqual([
      ['version', '--format', '{{json .}}'],
      ['buildx', 'version']
    ])
    expect(info).toMatchObject({
      kind: 'buildkit',
      clientVersion: '20.10.24+dfsg1',
      serverVersion: '20.10.24+dfsg1',
      buildxVersion: null,
      dockerHost: 'unix:///var/run/docker.sock',
      context: 'default'
    })
  })

  test('DOCKER_CONTEXT is reported as the context', async () => {
    const exec = fakeExec(args =>
      args[0] === 'version'
        ? { stdout: fixture('version-20.10.out') }
        : { stdout: 'github.com/docker/buildx v0.12.1 abc\n' }
    )
    const info = await detectBuilder(exec, { DOCKER_CONTEXT: 'remote' })
    expect(info.context).toBe('remote')
    expect(info.kind).toBe('buildx')
    expect(info.buildxVersion).toBe('github.com/docker/buildx v0.12.1 abc')
  })

  test('an unreachable daemon is one clear error naming DOCKER_HOST', async () => {
    const exec = fakeExec(() => ({
      code: 1,
      stdout: fixture('version-unreachable.out'),
      stderr:
        'Cannot connect to the Docker daemon at unix:///tmp/x.sock. Is the docker daemon running?\n'
    }))
    await expect(detectBuilder(exec, { DOCKER_HOST: 'unix:///tmp/x.sock' })).rejects.toThrow(
      'Docker daemon unreachable (DOCKER_HOST=unix:///tmp/x.sock): Cannot connect to the Docker daemon at unix:///tmp/x.sock. Is the docker daemon running?'
    )
  })
})
