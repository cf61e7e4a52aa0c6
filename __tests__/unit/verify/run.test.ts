/**
 * runVerify over a fake daemon: which docker calls verify makes (only reads), compose v2
 * containers found by their labels, --wait with a health check, and the JSON it reports.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tar from 'tar-stream'
import type { BuildRecord } from '../../../src/model.js'
import { runVerify, type TargetReport, type VerifyOptions } from '../../../src/verify/run.js'
import { hints, verifyJson } from '../../../src/verify/report.js'
import { fakeExec, type FakeReply } from '../docker/fake.js'

const sha = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`
const IMG = sha('new image')
const OLD = sha('old image')
const root = mkdtempSync(join(tmpdir(), 'veri-run-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function record(): BuildRecord {
  return {
    version: 1,
    contextHash: sha('ctx'),
    files: { 'server.js': `file 0644 ${sha('v2')} 2`, 'static/a.css': `file 0644 ${sha('css')} 3` },
    steps: [],
    commit: null,
    buildId: null,
    imageId: IMG,
    tags: ['app:latest'],
    builtAt: new Date(0).toISOString(),
    dockerfile: '/ctx/Dockerfile',
    deploy: {
      stage: 'stage-0',
      changed: null,
      copies: [
        {
          stage: 'stage-0',
          index: 3,
          line: 3,
          instruction: 'COPY . .',
          dest: '/app',
          files: { '/app/server.js': 'server.js', '/app/static/a.css': 'static/a.css' }
        }
      ]
    }
  }
}

async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack()
  for (const [name, body] of Object.entries(files)) pack.entry({ name }, body)
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const c of pack) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

interface FakeContainer {
  Id: string
  Name: string
  Image: string
  Config: { Image: string; Labels: Record<string, string> }
  State: Record<string, unknown>
  RestartCount: number
  Mounts: unknown[]
  HostConfig: { Tmpfs?: Record<string, string> }
}

function container(name: string, over: Partial<FakeContainer> = {}): FakeContainer {
  return {
    Id: sha(name),
    Name: `/${name}`,
    Image: IMG,
    Config: { Image: 'app:latest', Labels: {} },
    State: { Status: 'running', Running: true, StartedAt: new Date(0).toISOString() },
    RestartCount: 0,
    Mounts: [],
    HostConfig: {},
    ...over
  }
}

/** A daemon with these containers, whose /app holds `files`. */
function daemon(containers: FakeContainer[], files: Buffer) {
  const image = (id: string) => ({
    Id: id,
    Created: id === IMG ? '2026-01-02T00:00:00Z' : '2026-01-01T00:00:00Z',
    RepoTags: id === IMG ? ['app:latest'] : [],
    RepoDigests: [],
    RootFS: { Layers: [sha(`layer of ${id}`)] },
    Config: { Cmd: ['run'] }
  })
  return fakeExec((args): FakeReply => {
    const [cmd] = args
    const last = args.at(-1) ?? ''
    if (cmd === 'inspect') {
      const c = containers.find(x => x.Name === `/${last}` || x.Id === last)
      return c
        ? { stdout: JSON.stringify([c]) }
        : { code: 1, stderr: `Error: No such object: ${last}` }
    }
    if (cmd === 'image') return { stdout: JSON.stringify([image(last)]) }
    if (cmd === 'ps') {
      const service = /service=(.*)$/.exec(args.at(-1) ?? '')?.[1]
      return {
        stdout: containers
          .filter(c => c.Config.Labels['com.docker.compose.service'] === service)
          .map(c => c.Id)
          .join('\n')
      }
    }
    if (cmd === 'cp') return { stdout: files }
    return { code: 1, stderr: `unexpected docker ${args.join(' ')}` }
  })
}

const state = join(root, 'record.json')
writeFileSync(state, JSON.stringify(record()))
const opts = (over: Partial<VerifyOptions>): VerifyOptions => ({
  containers: [],
  compose: null,
  image: null,
  context: root,
  file: join(root, 'Dockerfile'),
  target: null,
  state,
  wait: 0,
  docker: 'docker',
  ...over
})
const io = { progress: () => undefined, env: {} }

describe('runVerify', () => {
  test('reads only: inspect, ps, image inspect, and docker cp to stdout', async () => {
    const good = await tarOf({ 'app/server.js': 'v2', 'app/static/a.css': 'css' })
    const exec = daemon([container('web'), container('old', { Image: OLD })], good)
    const report = await runVerify(opts({ containers: ['web', 'old', 'gone'] }), { ...io, exec })
    expect(report.targets.map(t => [t.container, t.status])).toEqual([
      ['web', 'live'],
      ['old', 'old-image'],
      ['gone', 'not-running']
    ])
    for (const args of exec.calls) {
      const ok =
        (args[0] === 'inspect' && args[1] === '--type=container') ||
        (args[0] === 'image' && args[1] === 'inspect') ||
        args[0] === 'ps' ||
        args[0] === 'save' ||
        (args[0] === 'cp' && args.length === 3 && args[2] === '-' && args[1]?.includes(':'))
      expect({ args, ok }).toEqual({ args, ok: true })
    }
    const doc = verifyJson(report) as { verdict: string; targets: Record<string, unknown>[] }
    expect(doc.verdict).toBe('stale')
    for (const t of doc.targets) {
      for (const k of [
        'container',
        'service',
        'image',
        'expectedImage',
        'status',
        'mounts',
        'files'
      ])
        expect(t).toHaveProperty(k)
    }
    expect(doc.targets[1]).toMatchObject({
      image: OLD,
      expectedImage: IMG,
      startedFrom: 'app:latest',
      imageCreated: '2026-01-01T00:00:00Z',
      expectedCreated: '2026-01-02T00:00:00Z'
    })
  })

  test('compose v2 containers (project-service-N) are found by their labels', async () => {
    const proj = join(root, 'shop')
    mkdirSync(join(proj, 'web'), { recursive: true })
    writeFileSync(
      join(proj, 'compose.yaml'),
      'services:\n  web:\n    build: ./web\n  db:\n    image: postgres\n'
    )
    writeFileSync(join(root, 'record.web.json'), JSON.stringify(record()))
    const labels = (n: string) => ({
      'com.docker.compose.project': 'shop',
      'com.docker.compose.service': 'web',
      'com.docker.compose.container-number': n,
      'com.docker.compose.oneoff': 'False',
      'com.docker.compose.version': '2.24.0'
    })
    const good = await tarOf({ 'app/server.js': 'v2', 'app/static/a.css': 'css' })
    const exec = daemon(
      [
        container('shop-web-2', { Config: { Image: 'shop-web', Labels: labels('2') } }),
        container('shop-web-1', { Config: { Image: 'shop-web', Labels: labels('1') } }),
        container('shop-web-run-x', {
          Config: {
            Image: 'shop-web',
            Labels: { ...labels('1'), 'com.docker.compose.oneoff': 'True' }
          }
        })
      ],
      good
    )
    const report = await runVerify(
      opts({ compose: { file: join(proj, 'compose.yaml'), services: [] } }),
      { ...io, env: { PATH: '' }, exec }
    )
    expect(report.targets.map(t => [t.service, t.container, t.status])).toEqual([
      ['web', 'shop-web-1', 'live'],
      ['web', 'shop-web-2', 'live']
    ])
  })

  test('--wait polls until the health check passes, and gives up at the deadline', async () => {
    const good = await tarOf({ 'app/server.js': 'v2', 'app/static/a.css': 'css' })
    const c = container('web', {
      State: {
        Status: 'running',
        Running: true,
        StartedAt: new Date(0).toISOString(),
        Health: { Status: 'starting' }
      }
    })
    const exec = daemon([c], good)
    let clock = 0
    const sleep = async (ms: number): Promise<void> => {
      clock += ms
      if (clock >= 3000) c.State.Health = { Status: 'healthy' }
    }
    const lines: string[] = []
    const report = await runVerify(opts({ containers: ['web'], wait: 10 }), {
      ...io,
      progress: l => lines.push(l),
      exec,
      sleep,
      now: () => clock
    })
    expect(report.targets[0]?.status).toBe('live')
    expect(clock).toBe(3000)
    expect(lines.filter(l => l.startsWith('waiting for web'))).toHaveLength(3)

    c.State.Health = { Status: 'starting' }
    clock = 0
    const timedOut = await runVerify(opts({ containers: ['web'], wait: 2 }), {
      ...io,
      exec,
      sleep: async ms => void (clock += ms),
      now: () => clock
    })
    expect(timedOut.targets[0]?.status).toBe('not-running')
    expect(clock).toBe(2000)
  })

  test('bytes: a changed file in the container is bytes-differ; under a volume, shadowed', async () => {
    const tampered = await tarOf({ 'app/server.js': 'v1', 'app/static/a.css': 'old' })
    // The image itself holds the context's bytes: `docker save` has its one layer.
    const layer = await tarOf({ 'app/server.js': 'v2', 'app/static/a.css': 'css' })
    const layerId = `sha256:${createHash('sha256').update(layer).digest('hex')}`
    const pack = tar.pack()
    pack.entry({ name: 'abc/layer.tar' }, layer)
    pack.finalize()
    const parts: Buffer[] = []
    for await (const c of pack) parts.push(c as Buffer)
    const saved = Buffer.concat(parts)
    const web = container('web', {
      Mounts: [{ Type: 'volume', Name: 'assets', Source: '/v', Destination: '/app/static' }]
    })
    const exec = fakeExec((args): FakeReply => {
      if (args[0] === 'save') return { stdout: saved }
      if (args[0] === 'cp') return { stdout: tampered }
      if (args[0] === 'inspect') return { stdout: JSON.stringify([web]) }
      if (args[0] === 'image') {
        const img = { Id: IMG, Created: '', RootFS: { Layers: [layerId] }, Config: {} }
        return { stdout: JSON.stringify([img]) }
      }
      return { code: 1, stderr: 'unexpected' }
    })
    const report = await runVerify(opts({ containers: ['web'] }), { ...io, exec })
    const t = report.targets[0]
    expect(t?.causes).toEqual(['shadowed', 'bytes-differ'])
    expect(t?.files.map(f => [f.path, f.mount])).toEqual([
      ['/app/server.js', null],
      ['/app/static/a.css', '/app/static']
    ])
    expect(t?.mounts[0]).toMatchObject({ name: 'assets', shadowing: true })
    expect(hints(t as TargetReport).join('\n')).toContain('assets')
  })

  test('a file a later step rewrote (the image holds other bytes) is not compared', async () => {
    const container1 = await tarOf({ 'app/server.js': 'generated', 'app/static/a.css': 'css' })
    const layer = await tarOf({ 'app/server.js': 'generated' })
    const layerId = `sha256:${createHash('sha256').update(layer).digest('hex')}`
    const pack = tar.pack()
    pack.entry({ name: 'blobs/sha256/' + layerId.slice(7) }, layer)
    pack.finalize()
    const parts: Buffer[] = []
    for await (const c of pack) parts.push(c as Buffer)
    const exec = fakeExec((args): FakeReply => {
      if (args[0] === 'save') return { stdout: Buffer.concat(parts) }
      if (args[0] === 'cp') return { stdout: container1 }
      if (args[0] === 'inspect') return { stdout: JSON.stringify([container('web')]) }
      const img = { Id: IMG, Created: '', RootFS: { Layers: [layerId] }, Config: {} }
      return { stdout: JSON.stringify([img]) }
    })
    const report = await runVerify(opts({ containers: ['web'] }), { ...io, exec })
    expect(report.targets[0]).toMatchObject({ status: 'live', compared: 2, rewritten: 1 })
  })
})
