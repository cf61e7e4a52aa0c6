/**
 * Named build contexts in the hashing and comparison core: the reader ties COPY --from=NAME and
 * RUN --mount=from=NAME to the context, each context is hashed with its own ignore file, its
 * entries are keyed NAME:path, and a change in one moves the combined hash and that step only.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readDockerfile, destinationFor } from '../../../src/dockerfile/index.js'
import { hashContext } from '../../../src/pipeline/hash.js'
import { entryKey, pathInContext } from '../../../src/pipeline/named-contexts.js'
import { compareWithRecord } from '../../../src/verdict/compare.js'
import { fileSignatures, newRecord } from '../../../src/record/index.js'
import { selectSources } from '../../../src/dockerfile/index.js'
import { makeTree, removeTree } from '../../helpers/tree.js'

const trees: string[] = []
afterAll(() => trees.forEach(removeTree))

describe('reader', () => {
  const text = [
    'FROM busybox AS build',
    'COPY --from=docs guide/ /srv/guide/',
    'COPY --from=build /x /y',
    'COPY --from=alpine /etc/os-release /os',
    'RUN --mount=type=bind,from=docs,source=guide,target=/g cat /g/a.md',
    ''
  ].join('\n')

  test('COPY --from=NAME and RUN --mount=from=NAME of a named context read that context', () => {
    const plan = readDockerfile(text, { file: 'Dockerfile', namedContexts: ['docs'] })
    expect(plan.steps.map(s => [s.line, s.keyword, s.context, s.sources])).toEqual([
      [2, 'COPY', 'docs', ['guide']],
      [5, 'RUN', 'docs', ['guide']]
    ])
    expect(plan.steps[0]?.flags.from).toBeUndefined()
  })

  test('without the named context, --from=docs is an image and reads nothing of ours', () => {
    expect(readDockerfile(text, { file: 'Dockerfile' }).steps).toEqual([])
  })

  test('a name that is also a stage is refused', () => {
    expect(() => readDockerfile(text, { file: 'Dockerfile', namedContexts: ['build'] })).toThrow(
      /--from=build names both a stage and a named build context/
    )
  })
})

describe('hashing', () => {
  const main = makeTree({
    Dockerfile: 'FROM busybox\nCOPY app.txt /app.txt\nCOPY --from=docs . /docs/\n',
    'app.txt': 'a'
  })
  const docs = makeTree({ 'a.md': 'one', 'secret.md': 'no', '.dockerignore': 'secret.md\n' })
  trees.push(main, docs)
  const hash = () =>
    hashContext({
      context: main,
      file: join(main, 'Dockerfile'),
      buildArgs: {},
      namedContexts: { docs }
    })

  test('the named context is read with its own ignore file; its entries are keyed NAME:path', async () => {
    const h = await hash()
    expect(h.named.get('docs')?.entries.map(e => e.path)).toEqual(['.dockerignore', 'a.md'])
    expect(h.all.map(e => e.path)).toEqual([
      'Dockerfile',
      'app.txt',
      'docs:.dockerignore',
      'docs:a.md'
    ])
    expect(h.steps.map(s => s.selected)).toEqual([['app.txt'], ['docs:.dockerignore', 'docs:a.md']])
    // the main context's own hash is not the combined one
    const alone = await hashContext({
      context: main,
      file: join(main, 'Dockerfile'),
      buildArgs: {}
    })
    expect(h.contextHash).not.toBe(alone.contextHash)
  })

  test('an edit in the named context moves the combined hash and only the step reading it', async () => {
    const before = await hash()
    const record = newRecord({
      contextHash: before.contextHash,
      files: fileSignatures(before.all),
      steps: before.steps,
      commit: null,
      buildId: null,
      imageId: null,
      tags: [],
      dockerfile: 'Dockerfile'
    })
    writeFileSync(join(docs, 'a.md'), 'two')
    const after = await hash()
    expect(after.contextHash).not.toBe(before.contextHash)
    const entries = (ctx: string | undefined) =>
      ctx === undefined ? after.scan.entries : (after.named.get(ctx)?.entries ?? [])
    const c = compareWithRecord(fileSignatures(after.all), after.steps, record, (step, key) =>
      selectSources(step, entries(step.context)).some(e => entryKey(step.context, e.path) === key)
    )
    expect(c.changedFiles).toEqual(['docs:a.md'])
    expect([...c.stepChanges]).toEqual([['stage-0#3', ['docs:a.md']]])
  })

  test('a key goes back to the path the proof looks up in the layer', () => {
    const plan = readDockerfile('FROM b\nCOPY --from=docs guide/ /srv/\n', {
      file: 'D',
      namedContexts: ['docs']
    })
    const step = plan.steps[0]
    if (!step) throw new Error('no step')
    expect(destinationFor(step, pathInContext(step.context, 'docs:guide/a.md'))).toBe('srv/a.md')
  })

  test('a main-context path that reads like a key is refused', async () => {
    const odd = makeTree({ Dockerfile: 'FROM b\n', 'docs:x': '1' })
    trees.push(odd)
    await expect(
      hashContext({
        context: odd,
        file: join(odd, 'Dockerfile'),
        buildArgs: {},
        namedContexts: { docs }
      })
    ).rejects.toThrow(/reads like a file of the named context docs/)
  })
})
