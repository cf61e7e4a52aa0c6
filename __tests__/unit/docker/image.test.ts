import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  classifyHistory,
  historyIndexForStep,
  historyKeyword,
  inspectImage,
  layerForStep,
  parseConfigHistory,
  parseHistoryLines,
  parseImageInspect,
  stageBaseLength,
  type HistoryEntry
} from '../../../src/docker/image.js'
import { fakeExec } from './fake.js'

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')

// fixtures/Dockerfile.multistage built on Docker 20.10 with BuildKit (bk) and with the legacy
// builder of the 28.x client (leg): stage `builder` has 10 instructions, `final` (FROM builder) 7.
const BUILDER_TOTAL = 10
const FINAL_TOTAL = 7

describe('parseImageInspect', () => {
  test('id, labels, created, diffIds', () => {
    const info = parseImageInspect(fixture('inspect-multistage-bk.out'))
    expect(info.id).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(info.labels).toEqual({ x: 'y' })
    expect(info.created).toMatch(/^\d{4}-/)
    expect(info.diffIds).toHaveLength(9)
  })
  test('array form and errors', () => {
    expect(parseImageInspect('[{"Id":"sha256:1","Config":{"Labels":null}}]')).toEqual({
      id: 'sha256:1',
      labels: {},
      created: '',
      diffIds: [],
      graphDriver: null
    })
    expect(
      parseImageInspect(
        '{"Id":"sha256:1","GraphDriver":{"Name":"overlay2","Data":{"UpperDir":"/d/overlay2/x/diff","N":1}}}'
      ).graphDriver
    ).toEqual({ name: 'overlay2', data: { UpperDir: '/d/overlay2/x/diff' } })
    expect(() => parseImageInspect('[]')).toThrow(/no image id/)
    expect(() => parseImageInspect('nope')).toThrow(/unreadable/)
  })
})

describe('historyKeyword', () => {
  test.each([
    ['COPY src ./src # buildkit', 'COPY'],
    ['RUN |1 V=1 /bin/sh -c true # buildkit', 'RUN'],
    ['EXPOSE map[80/tcp:{}]', 'EXPOSE'],
    ['WORKDIR /w', 'WORKDIR'],
    ['/bin/sh -c #(nop) COPY dir:fd14 in ./src ', 'COPY'],
    ['/bin/sh -c #(nop)  ENV E=1', 'ENV'],
    ['|1 V=1 /bin/sh -c echo built > out.txt', 'RUN'],
    ['/bin/sh -c apk add x', 'RUN'],
    ['', null]
  ])('%j -> %s', (createdBy, kw) => {
    expect(historyKeyword(createdBy)).toBe(kw)
  })
})

describe('history of a real multistage build', () => {
  test('BuildKit: docker history + rules give exactly the config flags', () => {
    const fromConfig = parseConfigHistory(fixture('config-multistage-bk.out'))
    const raw = parseHistoryLines(fixture('history-multistage-bk.out'))
    expect(raw).toHaveLength(16)
    expect(classifyHistory(raw, 9)).toEqual(fromConfig)
  })

  test('legacy: 0-byte RUN/WORKDIR entries are ambiguous, so the config is needed', () => {
    const raw = parseHistoryLines(fixture('history-multistage-leg.out'))
    expect(classifyHistory(raw, 7)).toBeNull()
    const fromConfig = parseConfigHistory(fixture('config-multistage-leg.out'))
    expect(fromConfig.filter(h => !h.emptyLayer)).toHaveLength(7)
    // Legacy: `RUN true` changed nothing -> empty_layer; the second WORKDIR /w too.
    expect(fromConfig.find(h => h.createdBy.endsWith('/bin/sh -c true'))?.emptyLayer).toBe(true)
  })

  test.each(['bk', 'leg'])('%s: every instruction after FROM is one entry, stages chain', kind => {
    const history = parseConfigHistory(fixture(`config-multistage-${kind}.out`))
    const diffIds = parseImageInspect(fixture(`inspect-multistage-${kind}.out`)).diffIds
    expect(history).toHaveLength(1 + (BUILDER_TOTAL - 1) + (FINAL_TOTAL - 1))
    const finalBase = stageBaseLength(history.length, [FINAL_TOTAL])
    const builderBase = stageBaseLength(history.length, [BUILDER_TOTAL, FINAL_TOTAL])
    expect([builderBase, finalBase]).toEqual([1, 10])

    const at = (base: number, i: number): HistoryEntry => history[historyIndexForStep(base, i)]
    expect(at(builderBase, 5).createdBy).toMatch(/COPY (src \.\/src|dir:\S+ in \.\/src)/)
    expect(at(finalBase, 3).createdBy).toMatch(/COPY (src\/a\.txt|file:\S+ in) \/final\.txt/)

    // final `COPY src/a.txt /final.txt` wrote the same bytes with both builders: same diffId.
    const finalCopy = layerForStep(history, finalBase, 3)
    expect(finalCopy).not.toBeNull()
    expect(diffIds[finalCopy ?? -1]).toBe(
      'sha256:d2ecf752184e6716bf47b2eb3baee27c863f69174bb9a91c977e183f1c724441'
    )
    expect(layerForStep(history, finalBase, 2)).toBeNull() // ENV F=2
    expect(layerForStep(history, finalBase, 1)).toBeNull() // FROM
    expect(layerForStep(history, finalBase, 8)).toBeNull() // past the end
    expect(layerForStep(history, builderBase, 5)).toBe(2)
    expect(layerForStep(history, finalBase, 5)).toBe(diffIds.length - 1) // COPY --from, last layer
  })
})

describe('layerForStep (synthetic)', () => {
  const h = (flags: string): HistoryEntry[] =>
    [...flags].map((c, i) => ({ createdBy: String(i), emptyLayer: c === '.' }))
  test.each<[string, number, number, number | null]>([
    ['L.L', 1, 2, null],
    ['L.L', 1, 3, 1],
    ['LL.L', 2, 3, 2],
    ['L', 1, 2, null]
  ])('%s base %i step %i', (flags, base, step, layer) => {
    expect(layerForStep(h(flags), base, step)).toBe(layer)
  })
})

describe('inspectImage', () => {
  test('BuildKit image: no docker save needed', async () => {
    const exec = fakeExec(args =>
      args[0] === 'image'
        ? { stdout: fixture('inspect-multistage-bk.out') }
        : { stdout: fixture('history-multistage-bk.out') }
    )
    const info = await inspectImage(exec, 'fb:1')
    expect(info.historyFromConfig).toBe(false)
    expect(info.history).toEqual(parseConfigHistory(fixture('config-multistage-bk.out')))
    expect(exec.calls.map(c => c[0])).toEqual(['image', 'history'])
  })

  test('a missing image is one DockerError line', async () => {
    const exec = fakeExec(() => ({ code: 1, stderr: 'Error: No such image: nope\n' }))
    await expect(inspectImage(exec, 'nope')).rejects.toThrow(
      'docker image inspect failed (exit 1): Error: No such image: nope'
    )
  })
})
