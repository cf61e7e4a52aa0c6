import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { escapeHtml } from '../../../src/report/text-safety.js'
import {
  summaryMarkdown,
  writeJobSummary,
  type SummaryWriter
} from '../../../src/report/summary.js'
import type { Judgement } from '../../../src/model.js'
import { judgement, step } from '../../helpers/judgement.js'

const count = (s: string, needle: string): number => s.split(needle).length - 1

describe('summaryMarkdown', () => {
  test.each([
    ['baseline', '<h2>🆕 fresh-build: baseline</h2>'],
    ['unchanged', '<h2>✅ fresh-build: unchanged</h2>'],
    ['fresh', '<h2>✅ fresh-build: fresh</h2>'],
    ['stale', '<h2>❌ fresh-build: stale</h2>']
  ] as const)('heads a %s summary with its emoji and word', (verdict, heading) => {
    expect(summaryMarkdown(judgement({ verdict })).startsWith(heading)).toBe(true)
  })

  test('shows hashes short, and in full inside details', () => {
    const md = summaryMarkdown(judgement())
    expect(md).toContain('Context hash <code>sha256&#58;aaaaaaaaaaaa</code>')
    expect(md).toMatch(
      /<details><summary>Full hashes<\/summary>\n<table>\n<tr><th>Context hash<\/th><td><code>sha256&#58;a{64}<\/code>/
    )
    expect(md).toContain(`<code>sha256&#58;${'b'.repeat(64)}</code>`)
  })

  test('leaves out the previous hash of a baseline', () => {
    expect(summaryMarkdown(judgement({ verdict: 'baseline', previousHash: null }))).not.toContain(
      'Previous hash'
    )
  })

  test('tabulates steps with their status and files', () => {
    const md = summaryMarkdown(
      judgement({
        verdict: 'stale',
        steps: [
          step({
            status: 'cached',
            changed: false,
            cached: true,
            changedFiles: [],
            instruction: 'COPY package.json ./',
            index: 3,
            line: 3
          }),
          step({ status: 'verified', cached: true }),
          step({ status: 'stale', cached: true, staleFiles: ['src/old.txt'], line: 9, index: 6 })
        ]
      }),
      { dockerfile: 'docker/Dockerfile' }
    )
    expect(md).toContain('<h3>Context steps in <code>docker/Dockerfile</code></h3>')
    expect(md).toContain('<p>0 ran · 1 cached · 1 verified · 1 stale</p>')
    expect(md).toContain(
      '<tr><td>builder</td><td>3</td><td>3</td><td><code>COPY package.json ./</code></td><td>cached</td><td></td></tr>'
    )
    expect(md).toContain('<td>✅ verified</td><td><code>src/a.txt</code></td>')
    expect(md).toContain(
      '<td>6</td><td>9</td><td><code>COPY src ./src</code></td><td>❌ stale</td><td>old bytes: <code>src/old.txt</code></td>'
    )
  })

  test('truncates long changed-file lists with "and N more"', () => {
    const files = Array.from({ length: 60 }, (_, i) => `f${i}`)
    const md = summaryMarkdown(judgement({ changedFiles: files }), { maxFiles: 50 })
    expect(md).toContain('<h3>60 changed files</h3>')
    expect(md).toContain('<li><code>f49</code></li>\n<li>and 10 more</li>')
    expect(md).not.toContain('<code>f50</code>')
  })

  test('truncates the per-step file cell after five files', () => {
    const files = Array.from({ length: 8 }, (_, i) => `f${i}`)
    const md = summaryMarkdown(judgement({ steps: [step({ changedFiles: files })] }))
    expect(md).toContain('<code>f4</code>, and 3 more</td>')
  })

  test('reports what was pruned and the space freed', () => {
    const md = summaryMarkdown(
      judgement({ pruned: { policy: 'source', done: true, reclaimedBytes: 2_500_000 } })
    )
    expect(md).toContain(
      '<h3>Prune</h3>\n\n<p>context-sync cache &#40;source.local&#41; pruned, 2.50 MB freed</p>'
    )
  })

  test('lists causes and warnings', () => {
    const md = summaryMarkdown(
      judgement({ verdict: 'stale', causes: ['inline cache'], warnings: ['w1', 'w2'] })
    )
    expect(md).toContain('<h3>Likely causes</h3>\n\n<ul>\n<li>inline cache</li>\n</ul>')
    expect(md).toContain('<h3>Warnings</h3>\n\n<ul>\n<li>w1</li>\n<li>w2</li>\n</ul>')
  })

  const hostile: [string, Partial<Judgement>][] = [
    [
      'a file name closing the table',
      { changedFiles: ['</code></td></tr></table><script>alert(1)</script>'] }
    ],
    [
      'an instruction with HTML',
      { steps: [step({ instruction: 'COPY <img src=x onerror=alert(1)> /' })] }
    ],
    [
      'a stage name with a pipe and newlines',
      { steps: [step({ stage: 'a|b\n\n# Injected heading' })] }
    ],
    ['a warning with a markdown link', { warnings: ['[click me](https://evil.example)'] }],
    ['a cause with a blank line and raw HTML', { causes: ['x\n\n<details open>'] }]
  ]
  test.each(hostile)('escapes %s so it cannot inject HTML, markdown or rows', (_name, over) => {
    const j = judgement(over)
    const md = summaryMarkdown(j)
    expect(md).not.toMatch(/<(script|img|details open)/)
    expect(md).not.toContain('](')
    expect(md).not.toContain('\n#')
    expect(count(md, '<tr>')).toBe(j.steps.length + 1 + 3) // steps + header + 3 hash rows
    expect(count(md, '<table>')).toBe(2)
    // Blank lines only between our blocks: every block starts with a tag.
    for (const block of md.trim().split('\n\n'))
      expect(block).toMatch(/^<(h2|h3|p|details|table|ul)>/)
  })

  test('keeps the title and tags escaped', () => {
    const md = summaryMarkdown(judgement(), { title: '<b>app</b>', tags: ['app:1|x'] })
    expect(md).toContain(`fresh-build: fresh - ${escapeHtml('<b>app</b>')}</h2>`)
    expect(md).toContain('<tr><th>Tags</th><td><code>app&#58;1&#124;x</code></td></tr>')
  })

  test('redacts secrets everywhere, including ones that escaping would change', () => {
    const secrets = ['tok<en>|42', 'plainsecret']
    const md = summaryMarkdown(
      judgement({
        changedFiles: ['a/tok<en>|42.txt'],
        steps: [
          step({
            instruction: 'COPY plainsecret /',
            stage: 'plainsecret',
            changedFiles: ['plainsecret']
          })
        ],
        causes: ['saw tok<en>|42'],
        warnings: ['plainsecret'],
        pruned: { policy: 'source', done: false, reclaimedBytes: 0, note: 'tok<en>|42' }
      }),
      { secrets, title: 'plainsecret', tags: ['tok<en>|42'], commit: 'plainsecret' }
    )
    for (const s of secrets) {
      expect(md).not.toContain(s)
      expect(md).not.toContain(escapeHtml(s))
    }
    expect(md).not.toContain('tok')
    expect(count(md, '&#42;&#42;&#42;')).toBeGreaterThanOrEqual(9)
  })
})

describe('writeJobSummary', () => {
  let dir: string
  let file: string
  const saved = process.env.GITHUB_STEP_SUMMARY
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fb-summary-'))
    file = join(dir, 'summary.md')
    writeFileSync(file, '')
    process.env.GITHUB_STEP_SUMMARY = file
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY
    else process.env.GITHUB_STEP_SUMMARY = saved
    rmSync(dir, { recursive: true, force: true })
  })

  test('appends the summary through the real core.summary', async () => {
    const j = judgement({
      verdict: 'stale',
      steps: [step({ status: 'stale', staleFiles: ['src/a.txt'] })]
    })
    await writeJobSummary(core.summary, j, { dockerfile: 'Dockerfile' })
    const written = readFileSync(file, 'utf8')
    expect(written.startsWith(summaryMarkdown(j, { dockerfile: 'Dockerfile' }))).toBe(true)
    expect(written).toContain('❌ fresh-build: stale')
  })

  test('works with any writer of the same shape', async () => {
    const parts: string[] = []
    let writes = 0
    const fake: SummaryWriter = {
      addRaw(text) {
        parts.push(text)
        return fake
      },
      async write() {
        writes++
        return fake
      }
    }
    await writeJobSummary(fake, judgement())
    expect(parts).toEqual([summaryMarkdown(judgement())])
    expect(writes).toBe(1)
  })
})
