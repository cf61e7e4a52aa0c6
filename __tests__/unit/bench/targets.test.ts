import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parallelSha256sumArgs, targetRow, TARGETS } from '../../../scripts/bench/targets.mjs'

const BENCH = readFileSync(join(process.cwd(), 'scripts/bench.mjs'), 'utf8')
/** Row ids the bench emits: literal ids, and `${name}` ids expanded over its contexts. */
const emitted = [...BENCH.matchAll(/targetRow\(\s*[`'"]([^`'"]+)[`'"]/g)].flatMap(m => {
  const id = m[1] as string
  return id.includes('${name}') ? ['app', 'main'].map(n => id.replace('${name}', n)) : [id]
})

describe('bench targets (issue 17)', () => {
  test('every row of the issue is emitted with its bound, and every emitted row has one', () => {
    const issue: Record<string, string> = {
      'unchanged-app': '<= 1.6x',
      'unchanged-main': '<= 1.5x',
      'node-floor-app': '(floor)',
      'node-floor-main': '(floor)',
      'deploy-main-vs-plain': '<= 1.5x',
      'deploy-main-vs-prune-all': '>= 5x faster',
      'proof-big-base-vs-plain': '<= 1.5x',
      'hash-vs-sha256sum-parallel': '<= 1.1x',
      'hash-vs-docker-transfer': '< 1x',
      'log-throughput': '> 250 MB/s',
      'log-memory': 'constant (<= 1.10x)'
    }
    for (const [id, bound] of Object.entries(issue)) {
      expect(emitted).toContain(id)
      expect(TARGETS[id as keyof typeof TARGETS].target).toBe(bound)
    }
    for (const id of emitted) expect(Object.keys(TARGETS)).toContain(id)
  })

  test.each([
    ['unchanged-app', 1.6, 1.61],
    ['unchanged-main', 1.5, 1.51],
    ['deploy-main-vs-plain', 1.5, 1.51],
    ['proof-big-base-vs-plain', 1.5, 1.51],
    ['hash-vs-sha256sum-parallel', 1.1, 1.11],
    ['log-memory', 1.1, 1.11]
  ])('%s: met at %s, missed at %s', (id, ok, bad) => {
    expect(targetRow(id, { value: ok }).pass).toBe(true)
    expect(targetRow(id, { value: bad }).pass).toBe(false)
  })

  test('speed-up, throughput and strict bounds; no value never passes; info rows are not judged', () => {
    expect(targetRow('deploy-main-vs-prune-all', { value: 5 }).pass).toBe(true)
    expect(targetRow('deploy-main-vs-prune-all', { value: 4.9 }).pass).toBe(false)
    expect(targetRow('log-throughput', { value: 250 }).pass).toBe(false)
    expect(targetRow('log-throughput', { value: 251 }).pass).toBe(true)
    expect(targetRow('hash-vs-docker-transfer', { value: 1 }).pass).toBe(false)
    expect(targetRow('unchanged-main', { value: NaN }).pass).toBe(false)
    expect(targetRow('node-floor-main', { value: 1.4 }).pass).toBeNull()
    expect(() => targetRow('nope', { value: 1 })).toThrow(/no target/)
  })

  test('sha256sum runs on every core in balanced batches', () => {
    expect(parallelSha256sumArgs(2000, 2)).toEqual(['-0', '-P', '2', '-n', '250', 'sha256sum'])
    expect(parallelSha256sumArgs(3, 8)).toEqual(['-0', '-P', '8', '-n', '1', 'sha256sum'])
    expect(parallelSha256sumArgs(10, 0)).toEqual(['-0', '-P', '1', '-n', '3', 'sha256sum'])
  })
})
