import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PrunePolicy } from '../../../src/model.js'
import type { BuilderKind } from '../../../src/docker/builder.js'
import {
  PRUNE_FILTER_KEYS,
  clearCommands,
  parseReclaimed,
  prune,
  pruneCommands,
  pruneImpliesNoCache,
  pruneNote
} from '../../../src/docker/prune.js'
import { parseHumanSize } from '../../../src/docker/units.js'
import { fakeExec } from './fake.js'

const allTypes = (base: string[]): string[][] =>
  ['regular', 'source.local', 'source.git.checkout', 'frontend', 'internal'].map(t => [
    ...base,
    '-af',
    '--filter',
    `type=${t}`
  ])

describe('pruneCommands', () => {
  test.each<[PrunePolicy, BuilderKind, string[][]]>([
    ['source', 'buildkit', [['builder', 'prune', '-f', '--filter', 'type=source.local']]],
    ['source', 'buildx', [['buildx', 'prune', '-f', '--filter', 'type=source.local']]],
    ['source', 'legacy', []],
    ['all', 'buildkit', allTypes(['builder', 'prune'])],
    ['all', 'buildx', allTypes(['buildx', 'prune'])],
    ['all', 'legacy', []],
    ['never', 'buildkit', []],
    ['never', 'buildx', []],
    ['never', 'legacy', []]
  ])('%s on %s', (policy, kind, cmds) => {
    expect(pruneCommands(policy, kind)).toEqual(cmds)
  })

  test('all never names exec.cachemount (cache mounts are kept)', () => {
    expect(pruneCommands('all', 'buildkit').flat().join(' ')).not.toContain('cachemount')
  })

  test('notes say why nothing is pruned', () => {
    expect(pruneNote('source', 'buildkit')).toBeNull()
    expect(pruneNote('never', 'buildkit')).toBe('prune policy is never')
    expect(pruneNote('source', 'legacy')).toMatch(/legacy builder/)
    expect(pruneNote('all', 'legacy')).toMatch(/--no-cache/)
    expect(pruneImpliesNoCache('all', 'legacy')).toBe(true)
    expect(pruneImpliesNoCache('all', 'buildkit')).toBe(false)
    expect(pruneImpliesNoCache('source', 'legacy')).toBe(false)
  })
})

describe('clearCommands', () => {
  test.each<[BuilderKind, { all?: boolean; filters?: string[] }, string[][]]>([
    ['buildkit', {}, [['builder', 'prune', '-f']]],
    ['buildkit', { all: true }, [['builder', 'prune', '-af']]],
    ['buildx', { all: true }, [['buildx', 'prune', '-af']]],
    ['legacy', { all: true }, [['builder', 'prune', '-af']]],
    ['buildkit', { filters: ['until=24h'] }, [['builder', 'prune', '-f', '--filter', 'until=24h']]],
    [
      'buildkit',
      { all: true, filters: ['type=regular', 'type=source.local', 'until=24h'] },
      [
        ['builder', 'prune', '-af', '--filter', 'type=regular', '--filter', 'until=24h'],
        ['builder', 'prune', '-af', '--filter', 'type=source.local', '--filter', 'until=24h']
      ]
    ],
    [
      'buildkit',
      { filters: ['type=regular', 'type=regular'] },
      [['builder', 'prune', '-f', '--filter', 'type=regular']]
    ]
  ])('%s %j', (kind, opts, cmds) => {
    expect(clearCommands(kind, opts)).toEqual(cmds)
  })

  test.each([
    'volumes=true',
    'type',
    'type=',
    '=x',
    'label=a=b',
    'type=regular,type!=exec.cachemount',
    'dangling=true'
  ])('rejects filter %j', f => {
    expect(() => clearCommands('buildkit', { filters: [f] })).toThrow(/invalid cache filter/)
  })
})

describe('safety: no generated argv can touch images, containers, volumes or the system', () => {
  const forbidden = (argv: string[]): boolean => {
    const s = argv.join(' ')
    return (
      argv.some(a =>
        [
          'volume',
          'volumes',
          'system',
          'container',
          'containers',
          'rmi',
          'rm',
          'image',
          'images'
        ].includes(a)
      ) || /--volumes|image prune|system prune|volume prune|container prune/.test(s)
    )
  }
  const kinds = fc.constantFrom<BuilderKind>('buildx', 'buildkit', 'legacy')

  test('pruneCommands', () => {
    fc.assert(
      fc.property(fc.constantFrom<PrunePolicy>('source', 'all', 'never'), kinds, (p, k) =>
        pruneCommands(p, k).every(argv => !forbidden(argv) && argv.includes('prune'))
      )
    )
  })

  test('clearCommands with any filters the validator lets through', () => {
    const filter = fc
      .tuple(fc.constantFrom(...PRUNE_FILTER_KEYS, 'volumes', 'label', ''), fc.string())
      .map(([k, v]) => `${k}=${v}`)
    fc.assert(
      fc.property(kinds, fc.boolean(), fc.array(filter, { maxLength: 4 }), (k, all, filters) => {
        let cmds: string[][]
        try {
          cmds = clearCommands(k, { all, filters })
        } catch {
          return true
        }
        // Filter values are opaque: only the command words and flags are checked.
        return cmds.every(argv => !forbidden(argv.filter((_a, i) => argv[i - 1] !== '--filter')))
      })
    )
  })
})

describe('parseReclaimed', () => {
  test.each([
    ['Total reclaimed space: 0B', 0],
    ['Deleted build cache objects:\nxy2ql73ygu39\n\nTotal reclaimed space: 149B\n', 149],
    ['Total reclaimed space: 307.2kB', 307200],
    ['Total reclaimed space: 1.5MB', 1500000],
    ['Total reclaimed space: 1.982GB', 1982000000],
    ['ID\tRECLAIMABLE\tSIZE\nabc\ttrue\t1kB\nTotal:\t1.2kB', 1200],
    ['Total reclaimed space: 1kB\nTotal reclaimed space: 800B', 1800],
    ['Error response from daemon: failed to prune build cache', null]
  ])('%j', (out, bytes) => {
    expect(parseReclaimed(out)).toBe(bytes)
  })

  test('every total in the measured 20.10 transcript parses', () => {
    const text = readFileSync(
      join(import.meta.dirname, 'fixtures', 'prune-filters-docker20.10.txt'),
      'utf8'
    )
    const totals = [...text.matchAll(/^Total reclaimed space: (\S+)$/gm)].map(m =>
      parseHumanSize(m[1])
    )
    expect(totals).toContain(307200)
    expect(totals).toContain(149)
    expect(totals).toContain(203)
    expect(totals.every(t => t !== null)).toBe(true)
  })
})

describe('parseHumanSize (go-units: decimal, %.4g)', () => {
  test.each<[string, number | null]>([
    ['0B', 0],
    ['800B', 800],
    ['1.2kB', 1200],
    ['1.98MB', 1980000],
    ['1.982MB', 1982000],
    ['2TB', 2e12],
    ['1KB', 1000],
    ['1KiB', 1024],
    ['1.5MiB', 1572864],
    ['12', 12],
    ['1.2 kB', 1200],
    ['kB', null],
    ['1.2XB', null],
    ['', null]
  ])('%j', (text, bytes) => {
    expect(parseHumanSize(text)).toBe(bytes)
  })
})

describe('prune', () => {
  test('sums what every command reclaimed', async () => {
    const exec = fakeExec(args => ({
      stdout: args.includes('type=regular')
        ? 'Total reclaimed space: 1kB\n'
        : 'Total reclaimed space: 10B\n'
    }))
    expect(await prune(exec, 'all', 'buildkit')).toEqual({
      policy: 'all',
      done: true,
      reclaimedBytes: 1040
    })
    expect(exec.calls).toHaveLength(5)
  })

  test('a failure is done:false with the daemon line as note, not a throw', async () => {
    const exec = fakeExec(() => ({
      code: 1,
      stderr: "Error response from daemon: failed to prune build cache: Invalid filter 'type!'\n"
    }))
    expect(await prune(exec, 'source', 'buildkit')).toEqual({
      policy: 'source',
      done: false,
      reclaimedBytes: 0,
      note: "docker builder prune failed (exit 1): Error response from daemon: failed to prune build cache: Invalid filter 'type!'"
    })
  })

  test('a missing client is a note too', async () => {
    const exec = fakeExec(() => {
      throw new Error('cannot run "docker": not found')
    })
    expect(await prune(exec, 'source', 'buildx')).toMatchObject({
      done: false,
      note: 'cannot run "docker": not found'
    })
  })

  test('never and legacy run nothing', async () => {
    const exec = fakeExec(() => ({}))
    expect(await prune(exec, 'never', 'buildkit')).toMatchObject({
      done: false,
      reclaimedBytes: 0,
      note: 'prune policy is never'
    })
    expect((await prune(exec, 'source', 'legacy')).done).toBe(false)
    expect(exec.calls).toEqual([])
  })
})
