import { describe, expect, test } from '@jest/globals'
import { posix } from 'node:path'
import {
  destinationFor,
  destinations,
  readDockerfile,
  sourceSpec,
  under
} from '../../../src/dockerfile/index.js'
import { ExcludeRules, goClean, goMatch, hasWildcard } from '../../../src/gomatch/index.js'
import type { ContextStep } from '../../../src/model.js'

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i
const cleanRel = (p: string): string => {
  const rooted = goClean(`/${p}`)
  return rooted === '/' ? '.' : rooted.slice(1)
}

/**
 * The general path, everything worked out per call as destinationFor did before destinations()
 * hoisted the per-step work: the oracle the per-step function must equal on every case.
 */
function reference(
  step: ContextStep & { destIsDir?: boolean },
  contextPath: string
): string | null {
  if (step.keyword === 'RUN' || step.dest === null) return null
  const dest = step.dest
  const destAbs = posix.resolve(step.workdir, dest)
  const rules = new ExcludeRules(step.excludes)
  const path = cleanRel(contextPath)
  const dirDest =
    dest.endsWith('/') ||
    dest === '.' ||
    dest === '' ||
    step.sources.length > 1 ||
    step.destIsDir === true
  const out = (p: string): string | null => p.replace(/^\/+/, '') || null
  const relTo = (p: string, root: string): string =>
    root === '.' ? p : p === root ? '' : p.slice(root.length + 1)
  for (const source of step.sources) {
    const { pattern, pivot } = sourceSpec(source)
    let root: string | null = null
    if (hasWildcard(pattern)) {
      const parts = path.split('/')
      const n = pattern.split('/').length
      const h = parts.length < n ? null : parts.slice(0, n).join('/')
      if (h !== null && goMatch(pattern, h)) root = h
    } else if (under(path, pattern)) {
      root = pattern
    }
    if (root === null || rules.excluded(relTo(path, root))) continue
    if (step.keyword === 'ADD' && ARCHIVE.test(root)) return null
    if (step.parents)
      return out(posix.join(destAbs, pivot === '' ? path : path.slice(pivot.length + 1)))
    if (root === '.') return out(posix.join(destAbs, path))
    if (path !== root) return out(posix.join(destAbs, path.slice(root.length + 1)))
    return out(
      dirDest || hasWildcard(pattern) ? posix.join(destAbs, posix.basename(path)) : destAbs
    )
  }
  return null
}

const INSTRUCTIONS = [
  'COPY . .',
  'COPY . /',
  'COPY ./ /srv/',
  'COPY src ./src',
  'COPY src/ /x',
  'COPY src /',
  'COPY src/sub/.. /x/',
  'COPY ../../src/../package.json /x',
  'COPY /package.json ./lib/x.js /x/',
  'COPY package.json ./',
  'COPY package.json /etc/pkg',
  'COPY package.json .',
  'COPY package.json /app',
  'COPY package.json lib /x/',
  'COPY package.json lib /x',
  'COPY src/*.txt /x',
  'COPY src/*.txt /x/',
  'COPY src/s* /x/',
  'COPY s*/* /y',
  'COPY * /all/',
  'COPY src/[ab].* ./',
  'COPY src/?.txt lib/*.js out',
  'COPY --exclude=*.md src /x/',
  'COPY --exclude=sub src .',
  'COPY --exclude=*.txt --exclude=!src/a.txt . /e',
  'COPY --exclude=src . /e/',
  'COPY --parents src/sub /x/',
  'COPY --parents ./src/./sub/c.txt /x/',
  'COPY --parents src/./sub /x',
  'COPY --parents ./src/./s* /p/',
  'COPY --parents a/./../src /x',
  'COPY --parents . /x',
  'COPY src dst',
  'COPY src ../up',
  'COPY src /abs/../abs2/',
  'COPY src //double//slash//',
  'COPY src .',
  'COPY ln /l/',
  'COPY ln/a.txt /l',
  'ADD app.tar.gz /x/',
  'ADD *.tar.gz /x/',
  'ADD *.t* /t/',
  'ADD src/a.tar /t',
  'ADD package.json /p/',
  'ADD src /s',
  'ADD --exclude=*.txt src /s/',
  'RUN --mount=target=/y ls'
]
const WORKDIRS = ['/app', '/', '/app/', 'rel', '/a/../b', '/app/./sub//', '/app/src']
const PATHS = [
  'README.md',
  'docs',
  'lib',
  'lib/x.js',
  'ln',
  'package.json',
  'src',
  'src/a.txt',
  'src/b.md',
  'src/sub',
  'src/sub/c.txt',
  'src/a.tar',
  'app.tar.gz',
  'x.tar.gz',
  'a/b.txt',
  './src/a.txt',
  'src//a.txt',
  'src/sub/../a.txt',
  '/src/a.txt',
  'src/a.txt/',
  '../src/sub/c.txt',
  '.',
  '',
  'nope/z'
]

const stepOf = (instruction: string, workdir: string): ContextStep & { destIsDir?: boolean } => {
  const plan = readDockerfile(`FROM img\nWORKDIR ${workdir}\n${instruction}\n`, {
    file: 'Dockerfile'
  })
  const step = plan.steps[0]
  if (step === undefined) throw new Error(`no context step in ${instruction}`)
  return step
}

describe('destinations(step): the per-step function equals the per-call general path', () => {
  test('on every instruction x WORKDIR x path of the table', () => {
    let compared = 0
    let landed = 0
    const wrong: string[] = []
    for (const workdir of WORKDIRS) {
      for (const instruction of INSTRUCTIONS) {
        const step = stepOf(instruction, workdir)
        // One function per step, asked for every path in turn (its exclude cache is shared).
        const dest = destinations(step)
        const abs = destinations(step, true)
        for (const path of PATHS) {
          const want = reference(step, path)
          compared++
          if (want !== null) landed++
          for (const got of [dest(path), destinationFor(step, path)]) {
            if (got !== want) wrong.push(`${workdir} | ${instruction} | ${path}: ${got} != ${want}`)
          }
          // The absolute form is the layer path under `/`.
          const absolute = abs(path)
          if (absolute !== (want === null ? null : `/${want}`)) {
            wrong.push(`${workdir} | ${instruction} | ${path}: absolute ${absolute} != /${want}`)
          }
        }
      }
    }
    expect(wrong).toEqual([])
    // The table exercises both answers, not only null.
    expect(compared).toBe(WORKDIRS.length * INSTRUCTIONS.length * PATHS.length)
    expect(landed).toBeGreaterThan(compared / 5)
  })

  test('a few answers spelled out (WORKDIR, .., absolute dest, wildcard, --parents)', () => {
    const at = (instruction: string, path: string, workdir = '/app'): string | null =>
      destinations(stepOf(instruction, workdir))(path)
    expect(at('COPY . .', 'src/sub/c.txt')).toBe('app/src/sub/c.txt')
    expect(at('COPY . .', 'src/sub/c.txt', '/')).toBe('src/sub/c.txt')
    expect(at('COPY src ../up', 'src/a.txt')).toBe('up/a.txt')
    expect(at('COPY src /abs/../abs2/', 'src/sub/c.txt')).toBe('abs2/sub/c.txt')
    expect(at('COPY src/s* /x/', 'src/sub/c.txt')).toBe('x/c.txt')
    expect(at('COPY --parents ./src/./sub/c.txt /x/', 'src/sub/c.txt')).toBe('x/sub/c.txt')
    expect(at('COPY package.json /etc/pkg', './package.json')).toBe('etc/pkg')
    expect(at('ADD *.tar.gz /x/', 'app.tar.gz')).toBeNull()
    expect(at('COPY . /', '.')).toBeNull()
  })
})
