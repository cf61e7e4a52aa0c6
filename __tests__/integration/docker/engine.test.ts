/**
 * The Engine API path (engine.ts) answers each read-only call exactly as the client does, on the
 * real daemon: same image facts and history, same ONBUILD triggers, same build-cache records.
 */
import { afterAll, expect, test } from '@jest/globals'
import { BASE_IMAGE, DOCKER, describeDocker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { runBuild } from '../../../src/docker/build.js'
import { dockerClient } from '../../../src/docker/exec.js'
import { daemonExec, engineSocket } from '../../../src/docker/engine.js'
import { inspectImage } from '../../../src/docker/image.js'
import { readOnBuild } from '../../../src/docker/onbuild.js'
import { listLocalSources } from '../../../src/docker/buildcache.js'
import { detectBuilder } from '../../../src/docker/builder.js'
import { probeBuilder } from '../../../src/docker/probe.js'
import type { DockerExec } from '../../../src/docker/exec.js'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { exec20, removeImages, tag } from './common.js'

const tags: string[] = []
const trees: string[] = []
afterAll(() => {
  removeImages(tags)
  trees.forEach(removeTree)
})

describeDocker('the Engine API path against the client', () => {
  const api = daemonExec(dockerClient({ dockerPath: DOCKER }))
  // /bin/false in the client place: any call that reached it would fail.
  const apiOnly = daemonExec(dockerClient({ dockerPath: '/bin/false' }))

  test('the suite daemon is reachable over its socket', async () => {
    expect(await engineSocket(dockerClient({ dockerPath: DOCKER }))).not.toBeNull()
  })

  test('image facts, history, triggers and build-cache records read the same', async () => {
    const ctx = makeTree({
      Dockerfile: `FROM ${BASE_IMAGE}\nONBUILD COPY . /onb\nWORKDIR /app\nCOPY a.txt ./\nRUN echo "x\ty" > b && true\nENV Z=1\n`,
      'a.txt': 'a\n'
    })
    trees.push(ctx)
    const t = tag('engine')
    tags.push(t)
    const built = await runBuild(exec20, 'buildkit', {
      context: ctx,
      tags: [t],
      buildArgs: {},
      cacheFrom: [],
      labels: {}
    })
    expect(built.code).toBe(0)
    const viaClient = await inspectImage(exec20, t)
    expect(await inspectImage(api, t)).toEqual(viaClient)
    expect(await inspectImage(apiOnly, t)).toEqual(viaClient)
    expect(viaClient.historyFromConfig).toBe(false)

    const images = [t, BASE_IMAGE, 'fb-dk-absent:nope']
    const triggers = await readOnBuild(exec20, images)
    expect(triggers.triggers.get(t)).toEqual(['COPY . /onb'])
    expect(await readOnBuild(apiOnly, images)).toEqual(triggers)

    const [a, b] = [await listLocalSources(exec20), await listLocalSources(apiOnly)]
    expect('sources' in a && a.sources.length > 0).toBe(true)
    expect(b).toEqual(a)
  })
})

describeDocker('docker tag over the API', () => {
  const apiOnly = daemonExec(dockerClient({ dockerPath: '/bin/false' }))
  const idOf = async (ref: string): Promise<string> =>
    (await exec20(['image', 'inspect', '--format', '{{.Id}}', ref])).stdout.trim()

  test('names the image as the client would, and refuses a bad name as the daemon does', async () => {
    const id = await idOf(BASE_IMAGE)
    const [plain, registry] = [tag('api-tag'), `127.0.0.1:5000/${tag('api-tag')}`]
    const bare = plain.split(':')[0] ?? ''
    tags.push(plain, registry, `${bare}:latest`)
    for (const target of [plain, registry, bare]) {
      const r = await apiOnly(['tag', id, target])
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 0, stdout: '' })
    }
    expect(await idOf(plain)).toBe(id)
    expect(await idOf(registry)).toBe(id)
    expect(await idOf(`${bare}:latest`)).toBe(id)
    const bad = await apiOnly(['tag', id, 'Upper/Case:1'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^Error response from daemon: .*(lowercase|invalid)/i)
    expect((await exec20(['tag', id, 'Upper/Case:1'])).code).toBe(1)
  })
})

describeDocker('the builder probe from kept client facts', () => {
  /** exec20, counting the calls that reached the client. */
  const counted = (): { exec: DockerExec; calls: string[][] } => {
    const calls: string[][] = []
    return {
      calls,
      exec: (args, opts) => {
        calls.push(args)
        return exec20(args, opts)
      }
    }
  }

  test('the same facts as the client, without it once kept; a new buildx plugin asks again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fb-probe-'))
    trees.push(dir)
    const config = join(dir, 'config')
    const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: config }
    delete env.DOCKER_CONTEXT
    mkdirSync(config, { recursive: true })
    const client = dockerClient({ dockerPath: DOCKER, env })
    const file = join(dir, 'record.json.docker-client')
    const truth = await detectBuilder(exec20, env)

    const first = counted()
    expect(await probeBuilder(client, first.exec, file)).toEqual(truth)
    expect(first.calls.map(c => c[0])).toEqual(['version', 'buildx'])

    const second = counted()
    expect(await probeBuilder(client, second.exec, file)).toEqual(truth)
    expect(second.calls).toEqual([])

    // A plugin where the client looks for one: the kept facts no longer vouch.
    mkdirSync(join(config, 'cli-plugins'))
    writeFileSync(join(config, 'cli-plugins', 'docker-buildx'), '#!/bin/sh\n', {
      mode: 0o755
    })
    const third = counted()
    await probeBuilder(client, third.exec, file)
    expect(third.calls.map(c => c[0])).toEqual(['version', 'buildx'])

    // Another environment for the client: asked again too.
    const fourth = counted()
    await probeBuilder(
      dockerClient({ dockerPath: DOCKER, env: { ...env, DOCKER_BUILDKIT: '0' } }),
      fourth.exec,
      file
    )
    expect(fourth.calls.map(c => c[0])).toEqual(['version', 'buildx'])
  })
})
