import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { LogParser, parseLog } from '../../../src/logs/index.js'
import type { ParsedLog } from '../../../src/model.js'

const FORMATS = ['buildkit-plain', 'buildkit-tty', 'rawjson', 'legacy', 'unknown']

/** The result is well-formed whatever went in. */
function checkShape(log: ParsedLog): void {
  expect(FORMATS).toContain(log.format)
  for (const s of log.steps) {
    expect(Number.isInteger(s.index) && s.index >= 0).toBe(true)
    expect(Number.isInteger(s.total) && s.total >= 0).toBe(true)
    expect(typeof s.instruction).toBe('string')
    expect(typeof s.cached).toBe('boolean')
    expect(s.service === null || typeof s.service === 'string').toBe(true)
    expect(s.stage === null || typeof s.stage === 'string').toBe(true)
  }
  expect(Array.isArray(log.cacheImports)).toBe(true)
}

function parseChunks(chunks: (string | Uint8Array)[]): ParsedLog {
  const p = new LogParser({ maxLineLength: 256 })
  for (const c of chunks) p.write(typeof c === 'string' ? c : Buffer.from(c))
  return p.end()
}

/** Pieces of every format, to be glued into lines in random orders. */
const fragment = fc.constantFrom(
  '#',
  '#0 ',
  '#5 ',
  '#12 ',
  '[',
  ']',
  '[builder 2/5] ',
  '[ 1/11] ',
  '[web builder 3/4] ',
  '[linux/amd64 stage-2 2/6] ',
  '[internal] ',
  '[web] ',
  'web-1  | ',
  'COPY . .',
  'RUN echo hi',
  'CACHED',
  'ERROR: boom',
  'DONE 0.1s',
  ' => ',
  ' => => ',
  '=> CACHED ',
  '   0.3s',
  'Step ',
  'Step 2/8 : ',
  ' ---> Using cache',
  ' ---> Running in 0123',
  'Successfully built ',
  'Building ',
  'importing cache manifest from ',
  'writing image sha256:',
  'building with "x" instance using docker driver',
  '[+] Building 0.1s (1/1) FINISHED  docker:default',
  '{"vertexes":[{"name":"[a 1/2] COPY . .","cached":true}]}',
  '{"statuses":[{"id":"writing image sha256:9"}]}',
  '{"vertexes":',
  '\x1b[1A',
  '\x1b[34m',
  '\x1b]0;t\x07',
  '\x1b',
  '\r',
  '\t',
  '2024-01-02T03:04:05.1Z ',
  '/',
  '|',
  ' ',
  '9',
  'é✓'
)

const logText = fc
  .array(
    fc.array(fragment, { maxLength: 8 }).map(parts => parts.join('')),
    { maxLength: 60 }
  )
  .map(ls => ls.join('\n'))

describe('fuzz', () => {
  test('random bytes in random chunks never throw and give a well-formed result', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 512 }), { maxLength: 20 }), chunks => {
        checkShape(parseChunks(chunks))
      }),
      { numRuns: 300 }
    )
  })

  test('random unicode strings never throw', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { maxLength: 10 }), c => {
        checkShape(parseChunks(c))
      }),
      { numRuns: 300 }
    )
  })

  test('random mixes of log-line fragments: well-formed, and chunking never changes the result', () => {
    fc.assert(
      fc.property(logText, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const whole = parseLog(text)
        checkShape(whole)
        const bytes = Buffer.from(text)
        const points = [...new Set(cuts.map(c => c % (bytes.length + 1)))].sort((a, b) => a - b)
        const p = new LogParser()
        let from = 0
        for (const at of [...points, bytes.length]) {
          p.write(bytes.subarray(from, at))
          from = at
        }
        expect(p.end()).toEqual(whole)
      }),
      { numRuns: 400 }
    )
  })

  test('repeated fragments scaled to megabytes finish in bounded time (no backtracking)', () => {
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 4 }), fc.boolean(), (parts, nl) => {
        const unit = parts.join('') + (nl ? '\n' : '')
        const text = unit.repeat(Math.ceil((2 << 20) / unit.length))
        const started = performance.now()
        const p = new LogParser()
        for (let at = 0; at < text.length; at += 65536) p.write(text.slice(at, at + 65536))
        checkShape(p.end())
        // 2 MB per run: linear code takes milliseconds; a quadratic path would take minutes.
        expect(performance.now() - started).toBeLessThan(5000)
      }),
      { numRuns: 40 }
    )
  })
})
