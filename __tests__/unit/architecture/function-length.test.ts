/**
 * Issue 11: no function in src/pipeline/ is longer than about 60 lines, so the guard's centre
 * stays a set of named steps. Every function, method, accessor and arrow counts, nested ones too.
 */
import { describe, expect, test } from '@jest/globals'
import { functionSpans, parse, tsFiles, type FunctionSpan } from './sources.js'

const MAX_LINES = 60

const tooLong = (spans: readonly FunctionSpan[]): string[] =>
  spans
    .filter(s => s.lines > MAX_LINES)
    .map(s => `${s.file}:${s.line} ${s.name} is ${s.lines} lines (at most ${MAX_LINES})`)

describe('function length in src/pipeline', () => {
  test('the files are found', () => {
    const files = tsFiles('src/pipeline')
    expect(files).toContain('src/pipeline/guard.ts')
    expect(files.some(f => f.startsWith('src/pipeline/stages/'))).toBe(true)
  })

  test(`no function is longer than ${MAX_LINES} lines`, () => {
    const spans = tsFiles('src/pipeline').flatMap(f => functionSpans(parse(f)))
    expect(spans.length).toBeGreaterThan(50)
    expect(tooLong(spans)).toEqual([])
  })

  test('the measure names a long function, method and arrow, and passes one at the limit', () => {
    const body = (n: number): string =>
      Array.from({ length: n - 2 }, (_, i) => `  x(${i})`).join('\n')
    const text = [
      `export function long() {\n${body(MAX_LINES + 1)}\n}`,
      `function atLimit() {\n${body(MAX_LINES)}\n}`,
      `class K {\n  method() {\n${body(MAX_LINES + 5)}\n  }\n}`,
      `/** A comment above does not count. */\nconst arrow = async () => {\n${body(MAX_LINES + 2)}\n}`
    ].join('\n')
    const lineOf = (start: string): number => text.split('\n').findIndex(l => l.includes(start)) + 1
    expect(tooLong(functionSpans(parse('src/pipeline/made-up.ts', text)))).toEqual([
      `src/pipeline/made-up.ts:1 long is ${MAX_LINES + 1} lines (at most ${MAX_LINES})`,
      `src/pipeline/made-up.ts:${lineOf('method()')} method is ${MAX_LINES + 5} lines (at most ${MAX_LINES})`,
      `src/pipeline/made-up.ts:${lineOf('const arrow')} arrow is ${MAX_LINES + 2} lines (at most ${MAX_LINES})`
    ])
  })
})
