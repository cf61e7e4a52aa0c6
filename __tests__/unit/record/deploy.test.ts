import { describe, expect, test } from '@jest/globals'
import { hashSteps, readDockerfile } from '../../../src/dockerfile/index.js'
import type { ContextEntry } from '../../../src/model.js'
import { deployFacts, imageChain } from '../../../src/record/deploy.js'
import { newRecord } from '../../../src/record/diff.js'
import { parseRecord } from '../../../src/record/store.js'
import { validateRecord } from '../../../src/record/validate.js'

const H = (c: string): string => `sha256:${c.repeat(64)}`
const file = (path: string): ContextEntry => ({
  path,
  type: 'file',
  mode: 0o644,
  size: 1,
  digest: H('a')
})
const entries = [
  'package.json',
  'src/index.js',
  'src/lib/util.js',
  'static/app.css',
  'nginx.conf'
].map(file)

const DOCKERFILE = [
  'FROM busybox AS deps',
  'COPY package.json /deps/',
  'FROM deps AS build',
  'WORKDIR /app',
  'COPY src ./src',
  'FROM busybox AS other',
  'COPY static /other/',
  'FROM build AS runtime',
  'COPY static/ /app/public/',
  'COPY nginx.conf /etc/nginx/nginx.conf',
  'COPY --from=other /other /x',
  ''
].join('\n')

describe('deploy facts', () => {
  const plan = readDockerfile(DOCKERFILE, { file: '/ctx/Dockerfile' })
  const steps = hashSteps(plan, entries)

  test('the image chain follows FROM <stage>, not COPY --from', () => {
    expect(imageChain(plan.stages, 'runtime')).toEqual(['runtime', 'build', 'deps'])
    expect(imageChain(plan.stages, 'other')).toEqual(['other'])
  })

  test("where each context file of the image's stages landed, and what changed", () => {
    const facts = deployFacts(steps, plan.stages, 'runtime', ['src/index.js'])
    expect(facts.stage).toBe('runtime')
    expect(facts.changed).toEqual(['src/index.js'])
    expect(facts.copies.map(c => [c.stage, c.line, c.dest, c.files])).toEqual([
      ['deps', 2, '/deps', { '/deps/package.json': 'package.json' }],
      [
        'build',
        5,
        '/app/src',
        { '/app/src/index.js': 'src/index.js', '/app/src/lib/util.js': 'src/lib/util.js' }
      ],
      ['runtime', 9, '/app/public', { '/app/public/app.css': 'static/app.css' }],
      ['runtime', 10, '/etc/nginx/nginx.conf', { '/etc/nginx/nginx.conf': 'nginx.conf' }]
    ])
    // A baseline: no previous record, everything is new.
    expect(deployFacts(steps, plan.stages, 'runtime', null).changed).toBeNull()
  })

  test('the record keeps them; a record without them (written before verify) still reads', () => {
    const deploy = deployFacts(steps, plan.stages, 'runtime', null)
    const r = newRecord({
      contextHash: H('b'),
      files: {},
      steps,
      commit: null,
      buildId: null,
      imageId: H('c'),
      tags: ['app'],
      dockerfile: '/ctx/Dockerfile',
      deploy
    })
    expect(parseRecord(JSON.stringify(r), 'r.json').deploy).toEqual(deploy)
    const old = { ...r }
    delete old.deploy
    expect(parseRecord(JSON.stringify(old), 'r.json')).not.toHaveProperty('deploy')
    expect(() => validateRecord({ ...r, deploy: { ...deploy, copies: [{ line: 0 }] } })).toThrow(
      /deploy\.copies\[0\]/
    )
    expect(() => validateRecord({ ...r, deploy: { ...deploy, changed: 'x' } })).toThrow(
      /deploy\.changed/
    )
  })

  test("a copy's files map is checked entry by entry: `__proto__` stays a key, a non-string fails", () => {
    const deploy = deployFacts(steps, plan.stages, 'runtime', null)
    const r = newRecord({
      contextHash: H('b'),
      files: {},
      steps,
      commit: null,
      buildId: null,
      imageId: H('c'),
      tags: ['app'],
      dockerfile: '/ctx/Dockerfile',
      deploy
    })
    // JSON text, as a record file holds it: JSON.parse defines `__proto__` as an own key.
    const text = JSON.stringify(r).replace(
      '"/deps/package.json":"package.json"',
      '"/deps/package.json":"package.json","/deps/__proto__":"__proto__","__proto__":"x","7":"y"'
    )
    const files = parseRecord(text, 'r.json').deploy?.copies[0]?.files ?? {}
    expect(Object.keys(files).sort()).toEqual([
      '/deps/__proto__',
      '/deps/package.json',
      '7',
      '__proto__'
    ])
    expect(Object.getPrototypeOf(files)).toBe(Object.prototype)
    expect(files['__proto__']).toBe('x')
    const bad = text.replace('"7":"y"', '"7":7')
    expect(() => parseRecord(bad, 'r.json')).toThrow(
      /deploy\.copies\[0\]\.files must map image paths to context paths/
    )
    const nested = text.replace('"__proto__":"x"', '"__proto__":{"a":"b"}')
    expect(() => parseRecord(nested, 'r.json')).toThrow(/deploy\.copies\[0\]\.files/)
  })
})
