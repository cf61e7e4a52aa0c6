import { describe, expect, test } from '@jest/globals'
import { listWithMore, renderText } from '../../../src/report/text.js'
import { judgement, step } from '../../helpers/judgement.js'

const staleStep = step({ cached: true, status: 'stale', staleFiles: ['src/a.txt'] })

describe('renderText', () => {
  test.each([
    [
      'baseline',
      judgement({ verdict: 'baseline', previousHash: null }),
      /^fresh-build: BASELINE - no previous record/
    ],
    [
      'unchanged',
      judgement({ verdict: 'unchanged', changedFiles: [] }),
      /^fresh-build: UNCHANGED - the context matches/
    ],
    ['fresh', judgement(), /^fresh-build: FRESH - 1 changed file; 1 context step ran\n/],
    [
      'stale',
      judgement({ verdict: 'stale', steps: [staleStep] }),
      /^fresh-build: STALE - 1 step holds old bytes, first builder step 4 \(line 4\)\n/
    ]
  ])('puts the %s verdict on the first line', (_name, j, first) => {
    expect(renderText(j)).toMatch(first)
  })

  test('shows short hashes and says when there is no previous record', () => {
    expect(renderText(judgement())).toContain(
      'context sha256:aaaaaaaaaaaa (previous sha256:bbbbbbbbbbbb)'
    )
    expect(renderText(judgement({ previousHash: null }))).toContain('(no previous record)')
  })

  test('names what was judged when given a title', () => {
    expect(renderText(judgement(), { title: 'web' })).toMatch(/^fresh-build \(web\): FRESH/)
  })

  test('lays out a step table with stage, index, line, instruction and status', () => {
    const out = renderText(
      judgement({
        verdict: 'stale',
        steps: [
          step({
            status: 'cached',
            changed: false,
            cached: true,
            instruction: 'COPY package.json ./',
            index: 3,
            line: 3
          }),
          staleStep
        ]
      })
    )
    const lines = out.split('\n')
    const header = lines.findIndex(l => l.startsWith('STAGE'))
    expect(lines.slice(header, header + 4)).toEqual([
      'STAGE    #  LINE  INSTRUCTION           STATUS',
      'builder  3     3  COPY package.json ./  cached',
      'builder  4     4  COPY src ./src        stale',
      '    old bytes in: src/a.txt'
    ])
  })

  test('truncates long instructions in the table', () => {
    const out = renderText(
      judgement({ steps: [step({ instruction: `COPY ${'x'.repeat(100)} /` })] }),
      {
        maxInstruction: 20
      }
    )
    expect(out).toContain(`COPY ${'x'.repeat(14)}…`)
  })

  test.each([
    [3, 5, ['  f0', '  f1', '  f2'], null],
    [30, 20, ['  f0', '  f19', '  and 10 more'], '  f20'],
    [8, 2, ['  f0', '  f1', '  and 6 more'], '  f2']
  ])('lists %d changed files with at most %d shown', (count, maxFiles, present, absent) => {
    const files = Array.from({ length: count }, (_, i) => `f${i}`)
    const lines = renderText(judgement({ changedFiles: files }), { maxFiles }).split('\n')
    expect(lines).toContain(`${count} changed files:`)
    for (const p of present) expect(lines).toContain(p)
    if (absent) expect(lines).not.toContain(absent)
  })

  test.each([
    [
      { policy: 'source', done: true, reclaimedBytes: 1_234_567 },
      'prune: context-sync cache (source.local) pruned, 1.23 MB freed'
    ],
    [
      { policy: 'all', done: true, reclaimedBytes: 800 },
      'prune: builder cache pruned, 800 B freed'
    ],
    [
      { policy: 'source', done: false, reclaimedBytes: 0, note: 'daemon refused' },
      'prune: context-sync cache (source.local) not pruned: daemon refused'
    ],
    [{ policy: 'never', done: false, reclaimedBytes: 0 }, 'prune: prune disabled (policy never)']
  ] as const)('reports prune %j', (pruned, line) => {
    expect(renderText(judgement({ pruned: { ...pruned } })).split('\n')).toContain(line)
  })

  test('says nothing about pruning when nothing was pruned', () => {
    expect(renderText(judgement({ pruned: null }))).not.toContain('prune')
  })

  test('lists causes and warnings', () => {
    const out = renderText(
      judgement({
        verdict: 'stale',
        steps: [staleStep],
        causes: ['inline cache'],
        warnings: ['ADD <url>']
      })
    )
    expect(out).toContain('likely causes:\n  - inline cache')
    expect(out).toContain('warnings:\n  - ADD <url>')
  })

  test('cannot be forged by control characters in file names', () => {
    const out = renderText(
      judgement({ changedFiles: ['a\nfresh-build: FRESH - all good', 'b\u001b[2J'] })
    )
    expect(out).toContain('  a\\nfresh-build: FRESH - all good')
    expect(out).toContain('  b\\x1b[2J')
    expect(out).not.toContain('\u001b')
    expect(out.split('\n').filter(l => l.startsWith('fresh-build'))).toHaveLength(1)
  })

  test('redacts secrets in every field, before truncation can split them', () => {
    const secret = 'hunter2-token-value'
    const out = renderText(
      judgement({
        changedFiles: [`src/${secret}.txt`],
        steps: [step({ instruction: `COPY --secret ${'y'.repeat(15)}${secret} /` })],
        causes: [`cause ${secret}`],
        warnings: [`warn ${secret}`],
        pruned: { policy: 'source', done: false, reclaimedBytes: 0, note: secret }
      }),
      { secrets: [secret], maxInstruction: 40 }
    )
    expect(out).not.toContain(secret)
    expect(out).not.toContain('hunter2')
    expect(out.match(/\*\*\*/g)?.length).toBeGreaterThanOrEqual(5)
  })

  test('has no colour unless asked', () => {
    expect(renderText(judgement({ verdict: 'stale', steps: [staleStep] }))).not.toContain('\u001b[')
    const coloured = renderText(judgement({ verdict: 'stale', steps: [staleStep] }), {
      color: true
    })
    expect(coloured).toContain('\u001b[31mSTALE\u001b[0m')
    expect(coloured).toContain('\u001b[31mstale\u001b[0m')
  })

  test('ends with exactly one newline', () => {
    expect(renderText(judgement())).toMatch(/[^\n]\n$/)
  })
})

describe('listWithMore', () => {
  test.each([
    [['a', 'b'], 2, ['a', 'b']],
    [['a', 'b', 'c'], 2, ['a', 'b', 'and 1 more']],
    [['a'], 0, ['and 1 more']]
  ])('%j max %d', (items, max, want) => {
    expect(listWithMore(items, max)).toEqual(want)
  })
})
