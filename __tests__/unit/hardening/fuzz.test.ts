/**
 * Property tests over hostile input. The .dockerignore matcher and the Dockerfile reader throw
 * only their own syntax errors, whatever they are fed, and in bounded time. (The log parser has
 * its own fuzz tests in __tests__/unit/logs/fuzz.test.ts; the matcher is checked against the
 * daemon itself in __tests__/integration/context/differential.test.ts.)
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { rmSync } from 'node:fs'
import fc from 'fast-check'
import { compilePatterns, IgnoreSyntaxError, parseIgnoreFile } from '../../../src/gomatch/index.js'
import { DockerfileError, readDockerfile } from '../../../src/dockerfile/index.js'
import { hashContext } from '../../../src/pipeline/hash.js'
import { makeTree } from '../../helpers/tree.js'
import { expectOneErrorLine, openTempDir, runCli } from './helpers.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

/** Runs per property; raise FB_FUZZ_RUNS for a deeper local search. */
const RUNS = Number(process.env.FB_FUZZ_RUNS ?? 3000)

/** Calls `fn`; a throw is fine only if it is `allowed`. Returns what was thrown, for messages. */
function onlyThrows(allowed: (e: unknown) => boolean, fn: () => void): boolean {
  try {
    fn()
    return true
  } catch (e) {
    if (allowed(e)) return true
    throw e
  }
}

/** Milliseconds one call takes (best of 3, to shave scheduling noise). */
function timed(fn: () => void): number {
  let best = Infinity
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    fn()
    best = Math.min(best, performance.now() - t)
  }
  return best
}

describe('.dockerignore matcher', () => {
  const atom = fc.constantFrom(
    '*',
    '**',
    '?',
    '/',
    '.',
    '..',
    'a',
    'b',
    'ab',
    '-',
    '!',
    '[',
    ']',
    '[a-c]',
    '[^a]',
    '[!b]',
    '[z-a]',
    '[[:alpha:]]',
    '\\',
    '\\*',
    '\\d',
    '^',
    '$',
    '(',
    ')',
    '|',
    '{',
    '+',
    ' ',
    '#',
    '\u00e9',
    '\ud83d\ude00'
  )
  const pattern = fc.array(atom, { maxLength: 10 }).map(a => a.join(''))
  const segment = fc.array(fc.constantFrom('a', 'b', 'ab', '.', '-', '[', '\\', '*', 'é', ' '), {
    minLength: 1,
    maxLength: 4
  })
  const path = fc
    .array(
      segment.map(s => s.join('')),
      { minLength: 1, maxLength: 6 }
    )
    .map(p => p.join('/'))

  test('random patterns and paths: only IgnoreSyntaxError is ever thrown', () => {
    fc.assert(
      fc.property(
        fc.array(pattern, { maxLength: 6 }),
        fc.array(path, { maxLength: 6 }),
        (patterns, paths) =>
          onlyThrows(
            e => e instanceof IgnoreSyntaxError,
            () => {
              const m = compilePatterns(parseIgnoreFile(patterns.join('\n')), '.dockerignore')
              for (const p of paths) {
                const r = m.match(p)
                expect(typeof r.excluded).toBe('boolean')
                m.match(`${p}/child`, r.info)
                m.exceptionMayMatchUnder(p)
              }
            }
          )
      ),
      { numRuns: RUNS }
    )
  })

  test('a syntax error names the file and the line of the pattern', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('ok', '# c', '', 'a/**'), { maxLength: 5 }),
        fc.constantFrom('[', 'a[', '[z-', '\\', '!'),
        (before, bad) => {
          try {
            compilePatterns(
              parseIgnoreFile([...before, bad].join('\n')),
              'ctx/.dockerignore'
            ).match('x')
            return false
          } catch (e) {
            return (
              e instanceof IgnoreSyntaxError &&
              e.message.startsWith(`ctx/.dockerignore:${before.length + 1}: `)
            )
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  test('realistic patterns stay fast on deep paths with long names', () => {
    const m = compilePatterns([
      'node_modules',
      '**/*.log',
      '**/node_modules/**/*.md',
      '!keep/**',
      'dist/**/*.map',
      '.git',
      '**/__pycache__',
      'src/**/test?/*.snap'
    ])
    const deep = Array.from({ length: 40 }, (_, i) => `${'x'.repeat(200)}${i}`).join('/')
    expect(timed(() => m.match(`${deep}/file.txt`))).toBeLessThan(50)
  })

  // Backtracking JS RegExps took 40 s for `**/**/**/**/**/**/a` against a path 80 deep and 7.6 s
  // for `*a*a*a*a*a*a*b` against 80 a's; the NFA (src/gomatch/nfa.ts) is linear, as Go's RE2.
  test('adversarial patterns take time linear in the path, as Go RE2 does', () => {
    const families: [string, (n: number) => string][] = [
      ['**/**/**/**/**/**/a', n => `${Array(n).fill('x').join('/')}/b`],
      ['*a*a*a*a*a*a*b', n => 'a'.repeat(n)],
      ['?*?*?*?*?*?*?*!', n => 'q'.repeat(n)],
      ['**/x/**/x/**/x/**/x/**/y', n => Array(n).fill('x').join('/')]
    ]
    for (const [pat, make] of families) {
      const m = compilePatterns([pat])
      const small = timed(() => m.match(make(20)))
      const large = timed(() => m.match(make(40)))
      // Doubling the input may double the time; 8x and a 25 ms floor are generous for noise.
      expect({ pat, large: large <= Math.max(25, 8 * small) }).toEqual({ pat, large: true })
    }
  })
})

describe('Dockerfile reader', () => {
  const word = fc
    .array(
      fc.constantFrom(
        'a',
        'src',
        '.',
        '/',
        '*',
        '$A',
        '${A}',
        '${A:-x}',
        '${A:+y}',
        '${',
        '}',
        '"',
        "'",
        '\\',
        '`',
        '=',
        '[',
        ']',
        '["a", "/b"]',
        '<<EOF',
        '<<-E',
        'EOF',
        '--from=0',
        '--from=base',
        '--chown=1:1',
        '--chmod=755',
        '--mount=type=bind,source=x',
        '--mount=type=cache,target=/c',
        '--link',
        '--bogus',
        'AS',
        'base',
        '#',
        '\t',
        'é'
      ),
      { minLength: 1, maxLength: 4 }
    )
    .map(w => w.join(''))
  const keyword = fc.constantFrom(
    'FROM',
    'from',
    'COPY',
    'ADD',
    'RUN',
    'ARG',
    'ENV',
    'WORKDIR',
    'LABEL',
    'ONBUILD',
    'CMD',
    'HEALTHCHECK',
    'SHELL',
    'EXPOSE',
    'USER',
    'VOLUME',
    'STOPSIGNAL',
    'MAINTAINER',
    'ENTRYPOINT',
    'BOGUS',
    '#',
    '# escape=`',
    '# syntax=docker/dockerfile:1',
    ''
  )
  const line = fc
    .tuple(keyword, fc.array(word, { maxLength: 5 }), fc.constantFrom('', ' \\', '\r', ' `'))
    .map(([k, ws, end]) => `${k} ${ws.join(' ')}${end}`)
  const dockerfile = fc
    .tuple(
      fc.constantFrom('', 'FROM scratch\n', 'FROM busybox AS base\n'),
      fc.array(line, { maxLength: 25 })
    )
    .map(([head, lines]) => head + lines.join('\n') + '\n')

  test('random instruction mixes: a plan or a DockerfileError naming a line, nothing else', () => {
    fc.assert(
      fc.property(
        dockerfile,
        fc.dictionary(fc.constantFrom('A', 'B', 'SRC'), fc.string({ maxLength: 5 })),
        (text, buildArgs) =>
          onlyThrows(
            e => e instanceof DockerfileError && e.line >= 1 && e.line <= text.split('\n').length,
            () => {
              const plan = readDockerfile(text, { file: 'Dockerfile', buildArgs })
              expect(plan.stages.length).toBeGreaterThan(0)
              for (const s of plan.steps) {
                expect(s.line).toBeGreaterThanOrEqual(1)
                expect(s.endLine).toBeGreaterThanOrEqual(s.line)
              }
            }
          )
      ),
      { numRuns: RUNS }
    )
  })

  test('a large Dockerfile (500 stages, 2000 instructions) reads in bounded time', () => {
    const body = Array.from(
      { length: 500 },
      (_, i) =>
        `FROM scratch AS s${i}\nARG A${i}=${i}\nCOPY --from=s${Math.max(0, i - 1)} a${i} "b c" /d${i}/\nRUN echo $A${i}\n`
    ).join('')
    const t = performance.now()
    const plan = readDockerfile(body, { file: 'Dockerfile' })
    expect(plan.stages).toHaveLength(500)
    expect(performance.now() - t).toBeLessThan(5000)
  })

  // The word lexer recurses once per `${` level (~4000 overflowed the stack); it now stops at
  // MAX_NESTING (src/dockerfile/words.ts) with a WordError, which the reader gives a line.
  test('a variable nested thousands deep is a DockerfileError naming its line', () => {
    const text = `FROM scratch\nARG a=1\nCOPY ${'${a:-'.repeat(5000)}x${'}'.repeat(5000)} /x\n`
    expect(() => readDockerfile(text, { file: 'Dockerfile' })).toThrow(DockerfileError)
  })

  test('the CLI still answers such a Dockerfile with one line naming it', async () => {
    const dir = openTempDir('fb-hard-fz-')
    dirs.push(dir)
    const ctx = makeTree(
      {
        Dockerfile: `FROM scratch\nARG a=1\nCOPY ${'${a:-'.repeat(5000)}x${'}'.repeat(5000)} /x\n`
      },
      dir
    )
    expectOneErrorLine(
      await runCli(['hash', '--context', ctx]),
      new RegExp(`${ctx}/Dockerfile:3: .*too deeply nested to read`)
    )
    await expect(
      hashContext({ context: ctx, file: `${ctx}/Dockerfile`, buildArgs: {} })
    ).rejects.toThrow(/too deeply nested/)
  })
})
