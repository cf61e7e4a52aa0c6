/**
 * Issue 11: code cites files of this repository that exist (the design and the JSON contract
 * are in docs/), never briefing files that live outside it.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@jest/globals'
import { repoRoot, tsFiles } from './sources.js'

/** Each cited docs/ file that does not exist, and each citation of a file outside the repository. */
function badCitations(file: string, text: string): string[] {
  const out: string[] = []
  for (const [i, line] of text.split('\n').entries()) {
    for (const m of line.matchAll(/\bdocs\/[\w./-]+\.md\b/g)) {
      if (!existsSync(join(repoRoot, m[0])))
        out.push(`${file}:${i + 1} cites ${m[0]}, which does not exist`)
    }
    for (const m of line.matchAll(/\b(CONTRACT|DESIGN|STYLE)\.md\b|\.\.\/shared\b/g)) {
      out.push(`${file}:${i + 1} cites ${m[0]}, which is not in this repository`)
    }
  }
  return out
}

test('src cites docs/ files that exist, and nothing outside the repository', () => {
  const files = tsFiles('src')
  const texts = files.map(f => readFileSync(join(repoRoot, f), 'utf8'))
  expect(texts.some(t => /\bdocs\/[\w./-]+\.md\b/.test(t))).toBe(true)
  expect(files.flatMap((f, i) => badCitations(f, texts[i] as string))).toEqual([])
})

test('the check names a missing docs file and a briefing file', () => {
  expect(badCitations('src/x.ts', '// see docs/json.md\n// (CONTRACT.md), docs/nope.md')).toEqual([
    'src/x.ts:2 cites docs/nope.md, which does not exist',
    'src/x.ts:2 cites CONTRACT.md, which is not in this repository'
  ])
})
