import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dockerClient } from '../../../src/docker/exec.js'
import { daemonExec, engineCall, engineSocket } from '../../../src/docker/engine.js'
import { canonicalTime, parseLocalSources } from '../../../src/docker/buildcache.js'
import { parseHistoryLines } from '../../../src/docker/image.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'fb-engine-'))
  dirs.push(d)
  return d
}
/** A native executable that is not docker: whatever it is asked, it fails. */
const ELF = '/bin/false'

describe('engineSocket: the API only where the socket is the client daemon', () => {
  const socketFor = (env: NodeJS.ProcessEnv, bin = ELF) =>
    engineSocket(dockerClient({ dockerPath: bin, env: { PATH: process.env.PATH, ...env } }))
  const home = temp()

  test('DOCKER_HOST unix:// path with a native client', async () => {
    expect(await socketFor({ DOCKER_HOST: 'unix:///tmp/x/docker.sock', HOME: home })).toBe(
      '/tmp/x/docker.sock'
    )
  })

  test.each([
    ['tcp', { DOCKER_HOST: 'tcp://10.0.0.1:2376', DOCKER_TLS_VERIFY: '1' }],
    ['ssh', { DOCKER_HOST: 'ssh://me@host' }],
    ['a relative unix path', { DOCKER_HOST: 'unix://docker.sock' }],
    ['DOCKER_CONTEXT', { DOCKER_HOST: 'unix:///tmp/x.sock', DOCKER_CONTEXT: 'remote' }],
    ['opted out', { DOCKER_HOST: 'unix:///tmp/x.sock', FRESH_BUILD_ENGINE_API: '0' }]
  ])('%s: the client', async (_name, env) => {
    expect(await socketFor({ HOME: home, ...env })).toBeNull()
  })

  test('a script in the client place gets every call', async () => {
    const script = join(temp(), 'docker')
    writeFileSync(script, '#!/bin/sh\nexec /usr/bin/docker "$@"\n', { mode: 0o755 })
    expect(await socketFor({ DOCKER_HOST: 'unix:///tmp/x.sock' }, script)).toBeNull()
  })

  test('the client found on PATH decides, as the spawn would find it', async () => {
    const dir = temp()
    writeFileSync(join(dir, 'docker'), '#!/bin/sh\n', { mode: 0o755 })
    const env = { DOCKER_HOST: 'unix:///tmp/x.sock', PATH: `${dir}:/usr/bin` }
    expect(await engineSocket(dockerClient({ env }))).toBeNull()
  })

  test('no DOCKER_HOST: the default socket unless the config chose a context', async () => {
    const cfg = temp()
    expect(await socketFor({ DOCKER_CONFIG: cfg })).toBe('/var/run/docker.sock')
    writeFileSync(join(cfg, 'config.json'), '{"currentContext":"default"}')
    expect(await socketFor({ DOCKER_CONFIG: cfg })).toBe('/var/run/docker.sock')
    writeFileSync(join(cfg, 'config.json'), '{"currentContext":"remote"}')
    expect(await socketFor({ DOCKER_CONFIG: cfg })).toBeNull()
    writeFileSync(join(cfg, 'config.json'), '{not json')
    expect(await socketFor({ DOCKER_CONFIG: cfg })).toBeNull()
    const h = temp()
    mkdirSync(join(h, '.docker'))
    writeFileSync(join(h, '.docker', 'config.json'), '{"currentContext":"remote"}')
    expect(await socketFor({ HOME: h })).toBeNull()
  })
})

describe('engineCall: the argv the API answers', () => {
  test('the guard read-only calls map to GET requests', () => {
    expect(engineCall(['image', 'inspect', '--format', '{{json .}}', 'a/b:1'])?.path).toBe(
      '/images/a/b:1/json'
    )
    expect(engineCall(['history', '--no-trunc', '--format', '{{json .}}', 'sha256:ab'])?.path).toBe(
      '/images/sha256:ab/history'
    )
    expect(engineCall(['system', 'df', '-v', '--format', '{{json .BuildCache}}'])?.path).toBe(
      '/system/df?type=build-cache'
    )
  })

  test('docker tag is one POST with the target split as the client splits it', () => {
    const id = `sha256:${'a'.repeat(64)}`
    const call = (target: string) => engineCall(['tag', id, target])
    expect(call('app:1')).toMatchObject({
      method: 'POST',
      path: `/images/${id}/tag?repo=app&tag=1`
    })
    expect(call('app')?.path).toBe(`/images/${id}/tag?repo=app&tag=latest`)
    // A registry port is not a tag; the tag is after the last colon past the last slash.
    expect(call('127.0.0.1:5000/team/app')?.path).toBe(
      `/images/${id}/tag?repo=127.0.0.1%3A5000%2Fteam%2Fapp&tag=latest`
    )
    expect(call('127.0.0.1:5000/team/app:v2')?.path).toBe(
      `/images/${id}/tag?repo=127.0.0.1%3A5000%2Fteam%2Fapp&tag=v2`
    )
    expect(call('app:1')?.render(null)).toBe('')
    // A digest target, odd names, or other argv shapes go to the client.
    expect(call(`app@sha256:${'b'.repeat(64)}`)).toBeNull()
    expect(call('a b')).toBeNull()
    expect(engineCall(['tag', id])).toBeNull()
    expect(engineCall(['tag', '--help', 'app:1'])).toBeNull()
  })

  test('anything else, and odd references, spawn the client', () => {
    expect(engineCall(['build', '.'])).toBeNull()
    expect(engineCall(['version', '--format', '{{json .}}'])).toBeNull()
    expect(engineCall(['image', 'inspect', 'x'])).toBeNull()
    expect(engineCall(['system', 'df', '-v', '--format', '{{json .}}'])).toBeNull()
    for (const ref of ['--help', '../../containers/x', 'a b', 'a?b', 'a#b', '']) {
      expect(engineCall(['image', 'inspect', '--format', '{{json .}}', ref])).toBeNull()
    }
  })

  test('each renders as the client prints it', () => {
    const onbuild = engineCall(['image', 'inspect', '--format', '{{json .Config.OnBuild}}', 'x'])
    expect(onbuild?.render({ Config: { OnBuild: ['COPY . /a'] } })).toBe('["COPY . /a"]\n')
    expect(onbuild?.render({ Config: { OnBuild: null } })).toBe('null\n')
    const tags = engineCall(['image', 'inspect', '--format', '{{len .RepoTags}}', 'x'])
    expect(tags?.render({ RepoTags: [] })).toBe('0\n')
    const hist = engineCall(['history', '--no-trunc', '--format', '{{json .}}', 'x'])
    const lines = hist?.render([
      { CreatedBy: 'RUN a\tb # buildkit', Comment: 'buildkit.dockerfile.v0', Size: 12 },
      { CreatedBy: '/bin/sh -c #(nop) ADD file:1 in /', Comment: '', Size: 0 }
    ])
    expect(parseHistoryLines(lines ?? '')).toEqual([
      { createdBy: '/bin/sh -c #(nop) ADD file:1 in /', comment: '', size: 0 },
      { createdBy: 'RUN a b # buildkit', comment: 'buildkit.dockerfile.v0', size: 12 }
    ])
  })
})

describe('build-cache listings read the same from the client and the API', () => {
  test('canonicalTime: one spelling per instant, every digit of the fraction kept', () => {
    const z = '2026-12-01T13:14:33.990649254Z'
    expect(canonicalTime('2026-12-01 13:14:33.990649254 +0000 UTC')).toBe(z)
    expect(canonicalTime(z)).toBe(z)
    expect(canonicalTime('2026-12-01 14:14:33.990649254 +0100 CET')).toBe(z)
    expect(canonicalTime('2026-12-01T08:14:33.990649254-05:00')).toBe(z)
    expect(canonicalTime('2026-12-01 13:14:33.99064925 +0000 UTC')).toBe(
      '2026-12-01T13:14:33.990649250Z'
    )
    expect(canonicalTime('2026-12-01T13:14:33.990649255Z')).not.toBe(z)
    expect(canonicalTime('')).toBe('')
    expect(canonicalTime('yesterday')).toBe('yesterday')
  })

  test('the client form and the API form of one record are one record', () => {
    const cli = parseLocalSources(
      JSON.stringify([
        {
          CacheType: 'source.local',
          Description: 'local source for context',
          ID: 'abc*',
          LastUsedAt: '2026-12-01 13:14:33.99 +0000 UTC',
          UsageCount: '3'
        }
      ])
    )
    const api = parseLocalSources(
      JSON.stringify([
        {
          Type: 'source.local',
          Description: 'local source for context',
          ID: 'abc',
          InUse: true,
          LastUsedAt: '2026-12-01T13:14:33.99Z',
          UsageCount: 3
        }
      ])
    )
    expect(api).toEqual(cli)
  })
})

describe('daemonExec', () => {
  test('a socket that cannot be reached: the client runs the call and says why', async () => {
    const exec = daemonExec(
      dockerClient({ dockerPath: ELF, env: { DOCKER_HOST: 'unix:///nonexistent/d.sock' } })
    )
    // /bin/false stands in for the client: its exit 1 shows the call went to it.
    const r = await exec(['system', 'df', '-v', '--format', '{{json .BuildCache}}'])
    expect(r.code).toBe(1)
  })

  test('a daemon that accepts and never answers: the bound and the words of the client', async () => {
    const sock = join(temp(), 'mute.sock')
    const open: Socket[] = []
    const server = createServer(s => void open.push(s))
    await new Promise<void>(done => server.listen(sock, done))
    try {
      const exec = daemonExec(
        dockerClient({
          dockerPath: ELF,
          env: { DOCKER_HOST: `unix://${sock}`, FRESH_BUILD_DOCKER_TIMEOUT: '0.3' }
        })
      )
      await expect(exec(['image', 'inspect', '--format', '{{json .}}', 'x'])).rejects.toThrow(
        'docker image inspect did not answer within 0.3s'
      )
    } finally {
      open.forEach(s => s.destroy())
      await new Promise<void>(done => server.close(() => done()))
    }
  })

  test('an error answer is an exit 1 with the daemon message, as the client prints it', async () => {
    const sock = join(temp(), 'd.sock')
    const server = createServer(s => {
      s.on('data', () =>
        s.end(
          'HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 34\r\n\r\n{"message":"No such image: nope"}\n'
        )
      )
    })
    await new Promise<void>(done => server.listen(sock, done))
    try {
      const exec = daemonExec(
        dockerClient({ dockerPath: ELF, env: { DOCKER_HOST: `unix://${sock}` } })
      )
      const r = await exec(['image', 'inspect', '--format', '{{json .Config.OnBuild}}', 'nope'])
      expect(r).toMatchObject({
        code: 1,
        stdout: '',
        stderr: 'Error response from daemon: No such image: nope\n'
      })
    } finally {
      await new Promise<void>(done => server.close(() => done()))
    }
  })
})
