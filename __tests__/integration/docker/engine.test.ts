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
