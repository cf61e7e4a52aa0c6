import { afterAll, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_IMAGE, DOCKER, describeDocker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { detectBuilder } from '../../../src/docker/builder.js'
import { BUILD_LOG_MAGIC, runBuild, type BuildOptions } from '../../../src/docker/build.js'
import { dockerClient, dockerExec } from '../../../src/docker/exec.js'
import {
  inspectImage,
  layerForStep,
  parseConfigHistory,
  readImageConfig,
  stageBaseLength
} from '../../../src/docker/image.js'
import { readLayerEntries, type LayerEntry } from '../../../src/docker/layers.js'
import { readWantedLayers, type LayerReadReport } from '../../../src/docker/overlay.js'
import { LEGACY_DOCKER, exec20, execLegacy, removeImages, sha, tag } from './common.js'

const tags: string[] = []
const trees: string[] = []
afterAll(() => {
  removeImages(tags)
  trees.forEach(removeTree)
})

const opts = (context: string, t: string, extra: Partial<BuildOptions> = {}): BuildOptions => ({
  context,
  tags: [t],
  buildArgs: {},
  cacheFrom: [],
  labels: {},
  ...extra
})

describeDocker('docker adapter on the real daemon', () => {
  test('detects the builder of each client and refuses an unreachable daemon', async () => {
    const info = await detectBuilder(exec20, {})
    expect(info).toMatchObject({
      kind: 'buildkit',
      buildxVersion: null,
      serverOs: 'linux',
      dockerHost: null
    })
    expect(info.serverVersion).toMatch(/^20\.10/)
    const legacy = await detectBuilder(execLegacy, {})
    expect(legacy.kind).toBe('legacy')
    expect(legacy.clientVersion).toMatch(/^2[3-9]|^[3-9]\d/)

    const env = { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' }
    const down = dockerExec(dockerClient({ dockerPath: DOCKER, env }))
    await expect(detectBuilder(down, env)).rejects.toThrow(
      /^Docker daemon unreachable \(DOCKER_HOST=unix:\/\/\/nonexistent\/docker.sock\): Cannot connect to the Docker daemon/
    )
  })

  // A COPY writes a file, a RUN rewrites it, another deletes it: the COPY's own layer still
  // holds the original bytes, which is what the byte proof reads.
  const layeredDockerfile = [
    `FROM ${BASE_IMAGE} AS base`,
    'WORKDIR /app',
    'COPY src ./src',
    'RUN echo rewritten > src/a.txt && chmod 600 src/a.txt',
    'RUN rm src/a.txt',
    '',
    'FROM base',
    'ENV X=1',
    'COPY --chmod=0755 b.txt /b.txt',
    ''
  ].join('\n')
  const files = {
    'src/a.txt': 'original\n',
    'src/link': { link: 'a.txt' },
    'b.txt': 'bee\n',
    Dockerfile: layeredDockerfile
  }

  test.each([
    ['buildkit', 'buildkit'],
    ['legacy', 'legacy']
  ] as const)('%s: build, map steps to layers, read the bytes of each step', async (_n, kind) => {
    // The legacy builder predates COPY --chmod.
    const tree = makeTree(
      kind === 'legacy'
        ? { ...files, Dockerfile: layeredDockerfile.replace('--chmod=0755 ', '') }
        : files
    )
    trees.push(tree)
    const t = tag(`layers-${kind}`)
    tags.push(t)
    const lines: string[] = []
    const exec = kind === 'legacy' ? execLegacy : exec20
    const logPath = join(mkdtempSync(join(tmpdir(), 'fb-dk-log-')), 'build.log')
    const run = await runBuild(exec, kind, opts(tree, t), { onLine: l => lines.push(l), logPath })
    expect(run.error).toBeNull()
    expect(run.code).toBe(0)
    // The tool's header first, so clear can tell the log is its own.
    expect(readFileSync(logPath, 'utf8')).toBe([BUILD_LOG_MAGIC, ...lines].join('\n') + '\n')
    if (kind === 'legacy') expect(lines).toContain(`Successfully tagged ${t}`)
    else expect(lines.some(l => /^#\d+ \[base 3\/5\] COPY src \.\/src$/.test(l))).toBe(true)

    const info = await inspectImage(exec20, t)
    expect(run.imageId).toBe(info.id)
    // Whichever way inspectImage got the history, it equals the config's own flags.
    expect(info.history).toEqual(parseConfigHistory(await readImageConfig(exec20, info.id)))
    // stage `base` has 5 instructions, the final stage 3.
    const baseStart = stageBaseLength(info.history.length, [5, 3])
    const finalStart = stageBaseLength(info.history.length, [3])
    const copySrc = layerForStep(info.history, baseStart, 3)
    const runEdit = layerForStep(info.history, baseStart, 4)
    const runRm = layerForStep(info.history, baseStart, 5)
    const copyB = layerForStep(info.history, finalStart, 3)
    expect(layerForStep(info.history, finalStart, 2)).toBeNull() // ENV
    const ids = [copySrc, runEdit, runRm, copyB].map(i => info.diffIds[i ?? -1])
    expect(ids.every(Boolean)).toBe(true)

    const entries = await readLayerEntries(exec20, t, [
      { diffId: ids[0], paths: ['/app/src/a.txt', '/app/src/link', '/app/src'] },
      { diffId: ids[1], paths: ['/app/src/a.txt'] },
      { diffId: ids[2], paths: ['/app/src/a.txt'] },
      { diffId: ids[3], paths: ['/b.txt', '/app/src/a.txt'] }
    ])
    expect(entries.get(ids[0])?.get('app/src/a.txt')).toMatchObject({
      type: 'file',
      mode: 0o644,
      digest: sha('original\n')
    })
    expect(entries.get(ids[0])?.get('app/src/link')).toMatchObject({
      type: 'symlink',
      linkTarget: 'a.txt',
      digest: sha('a.txt')
    })
    expect(entries.get(ids[0])?.get('app/src')?.type).toBe('dir')
    expect(entries.get(ids[1])?.get('app/src/a.txt')).toMatchObject({
      type: 'file',
      mode: 0o600,
      digest: sha('rewritten\n')
    })
    expect(entries.get(ids[2])?.get('app/src/a.txt')).toEqual({ type: 'whiteout', mode: 0 })
    expect(entries.get(ids[3])?.get('b.txt')).toMatchObject({
      type: 'file',
      digest: sha('bee\n'),
      mode: kind === 'legacy' ? 0o644 : 0o755
    })
    expect(entries.get(ids[3])?.get('app/src/a.txt')?.type).toBe('missing')

    // The same layers read from the layer store on this host: the same entries, and no save.
    const wanted = [
      { diffId: ids[0], paths: ['/app/src/a.txt', '/app/src/link', '/app/src', '/nope/x'] },
      { diffId: ids[1], paths: ['/app/src/a.txt'] },
      { diffId: ids[2], paths: ['/app/src/a.txt', '/app/src/a.txt/below'] },
      { diffId: ids[3], paths: ['/b.txt', '/app/src/a.txt'] }
    ]
    const viaSave = await readLayerEntries(exec20, t, wanted)
    let report: LayerReadReport | null = null
    const noSave: typeof exec20 = async (args, o) => {
      if (args[0] === 'save') throw new Error('docker save must not run')
      return exec20(args, o)
    }
    const viaStore = await readWantedLayers(noSave, info, wanted, r => (report = r))
    expect(report).toEqual({ fromStore: [...new Set(ids)], fromSave: [] })
    // Compared by diffId and path, whatever order each reader found them in.
    const plain = (m: Map<string, Map<string, LayerEntry>>) =>
      Object.fromEntries(
        [...m].map(([d, e]) => [
          d,
          Object.fromEntries([...e].map(([p, x]) => [p, { ...x, hardlinkTo: undefined }]))
        ])
      )
    expect(plain(viaStore)).toEqual(plain(viaSave))
    expect(viaStore.get(ids[2])?.get('app/src/a.txt/below')).toEqual({ type: 'whiteout', mode: 0 })
    // Without the driver's directories every layer comes from the save stream.
    const fallback = await readWantedLayers(
      exec20,
      { ...info, graphDriver: null },
      wanted,
      r => (report = r)
    )
    expect(report).toEqual({ fromStore: [], fromSave: [...new Set(ids)] })
    expect(plain(fallback)).toEqual(plain(viaSave))
  })

  test('a failed build: exit code and the last error line', async () => {
    const tree = makeTree({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN echo no; exit 3\n` })
    trees.push(tree)
    const run = await runBuild(exec20, 'buildkit', opts(tree, tag('fail')))
    expect(run.code).not.toBe(0)
    expect(run.imageId).toBeNull()
    expect(run.error).toMatch(/exit code: 3/)
  })

  test('missing image: one DockerError line', async () => {
    await expect(inspectImage(exec20, 'fb-dk-does-not-exist:0')).rejects.toThrow(
      /^docker image inspect failed \(exit 1\): Error: No such image/
    )
    await expect(
      readLayerEntries(exec20, 'fb-dk-does-not-exist:0', [{ diffId: sha('x'), paths: ['a'] }])
    ).rejects.toThrow(/^docker save fb-dk-does-not-exist:0 failed \(exit 1\)/)
  })

  test('LEGACY_DOCKER is the 28.x client', () => {
    expect(LEGACY_DOCKER).toBe('/usr/local/bin/docker')
  })
})
