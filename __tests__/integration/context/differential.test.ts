/**
 * Differential test: random trees and random .dockerignore files, each built into a scratch image
 * with `COPY . /ctx/` by the real daemon (BuildKit), and the image's ctx/ compared with what
 * scanContext reports (path, type, permission bits, symlink target).
 *
 * The daemon here is Docker 20.10, whose client walker predates current Docker's (the product
 * follows current Docker). Only cases where both agree count:
 *  - the pattern grammar avoids the known differences: no regex metacharacters `+()|{}` in
 *    patterns, `**` only as a leading `**\/` before a file-only pattern or as a trailing `/**`
 *    (no `**x` suffixes, no `**\/dir` matching directories), exceptions with wildcards only in
 *    their last segment;
 *  - and a model of the 20.10 walker (fileutils Matches with its one-level parent check, its
 *    literal-prefix descent into excluded dirs, which sends the excluded dir itself) must predict
 *    the same entries as scanContext. Cases where it does not (e.g. `a/x` then `!a`, which 20.10
 *    re-includes through the parent and current Docker does not) are logged and not compared;
 *    at least MIN_COMPARED of the DRAWS cases must be compared.
 */
import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  lstatSync,
  readlinkSync,
  writeFileSync,
  symlinkSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extract } from 'tar-stream'
import { compilePatterns, parseIgnoreFile } from '../../../src/gomatch/index.js'
import type { Matcher } from '../../../src/gomatch/index.js'
import { scanContext } from '../../../src/context/walk.js'
import { compareBytes } from '../../../src/context/hash.js'
import { DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import { removeTree } from '../../helpers/tree.js'
// The benchmark's seeded PRNG (mulberry32): every run draws the same cases.
import { prng } from '../../../scripts/bench/generate.mjs'

const DRAWS = 30
const MIN_COMPARED = 20
const SEED = 0x5eed1234

const DIRS = [
  'app',
  'lib',
  'docs',
  'node_modules',
  'build',
  'x y',
  '.cache',
  'src',
  'pkg',
  'ümlaut'
]
const FILES = [
  'a.txt',
  'b.log',
  'README.md',
  'main.go',
  '.env',
  'notes v2.md',
  'data.json',
  'c.tmp',
  'keep.md',
  'a+b.txt',
  'Z.TXT'
]
const EXTS = ['txt', 'log', 'md', 'go', 'json', 'tmp']
const META = /[+()|{}]/

interface Node {
  path: string
  kind: 'file' | 'dir' | 'symlink'
}

class Case {
  readonly nodes: Node[] = []
  readonly lines: string[] = []
  constructor(private readonly rnd: () => number) {}

  int(n: number): number {
    return Math.floor(this.rnd() * n)
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]
  }
  chance(p: number): boolean {
    return this.rnd() < p
  }

  buildTree(root: string, rel = '', depth = 0): void {
    const names = new Set<string>()
    const count = depth === 0 ? 4 + this.int(4) : this.int(5)
    for (let i = 0; i < count; i++) {
      const r = this.rnd()
      if (r < 0.3 && depth < 3) {
        const name = this.pick(DIRS)
        if (names.has(name)) continue
        names.add(name)
        const path = rel === '' ? name : `${rel}/${name}`
        mkdirSync(join(root, path))
        this.nodes.push({ path, kind: 'dir' })
        this.buildTree(root, path, depth + 1)
        if (this.chance(0.2)) chmodSync(join(root, path), 0o700)
      } else if (r < 0.9) {
        const name = this.pick(FILES)
        if (names.has(name)) continue
        names.add(name)
        const path = rel === '' ? name : `${rel}/${name}`
        writeFileSync(join(root, path), `${path} ${this.int(1000)}\n`)
        chmodSync(join(root, path), this.pick([0o644, 0o755, 0o600]))
        this.nodes.push({ path, kind: 'file' })
      } else {
        const name = `link${this.int(3)}`
        if (names.has(name)) continue
        names.add(name)
        const path = rel === '' ? name : `${rel}/${name}`
        symlinkSync(
          this.pick(['a.txt', '../docs', 'missing', '/etc/hostname', 'x y/README.md']),
          join(root, path)
        )
        this.nodes.push({ path, kind: 'symlink' })
      }
    }
  }

  literal(kind?: Node['kind']): string | null {
    const pool = this.nodes.filter(
      n => (kind === undefined || n.kind === kind) && !META.test(n.path)
    )
    return pool.length === 0 ? null : this.pick(pool).path
  }

  exclusion(): string | null {
    const dir = this.literal('dir')
    const ext = this.pick(EXTS)
    switch (this.int(12)) {
      case 0:
      case 1: {
        const p = this.literal()
        if (p === null) return null
        return this.pick([p, `/${p}`, `./${p}`, `${p}/`, `  ${p}  `])
      }
      case 2:
        return `*.${ext}`
      case 3:
        return dir === null ? null : `${dir}/*.${ext}`
      case 4:
        return `*/${this.pick([...FILES, ...DIRS].filter(n => !META.test(n)))}`
      case 5:
        return `**/*.${ext}`
      case 6:
        return `**/${this.pick(FILES.filter(n => !META.test(n)))}`
      case 7:
        return dir === null ? null : `${dir}/**`
      case 8:
        return this.pick(['[ab]*.txt', '[^a]*.md', '?.txt', '.*', '[A-Z]*'])
      case 9:
        return this.chance(0.3) ? '*' : 'node_modules'
      case 10:
        return dir === null ? null : dir
      default:
        return `${this.pick(DIRS)}/${this.pick(FILES.filter(n => !META.test(n)))}`
    }
  }

  exception(): string | null {
    const dir = this.literal('dir')
    switch (this.int(4)) {
      case 0: {
        const p = this.literal()
        return p === null ? null : `!${p}`
      }
      case 1:
        return dir === null ? null : `!${dir}/*.${this.pick(EXTS)}`
      case 2:
        return `!*.${this.pick(EXTS)}`
      default:
        return dir === null ? null : `! ${dir}/**`
    }
  }

  buildIgnore(): string {
    const n = 1 + this.int(4)
    for (let i = 0; i < n; i++) {
      const p = this.exclusion()
      if (p !== null) this.lines.push(p)
      if (this.chance(0.4)) {
        const e = this.exception()
        if (e !== null) this.lines.push(e)
      }
    }
    if (this.chance(0.3)) this.lines.splice(this.int(this.lines.length), 0, '# a comment', '')
    return `${this.lines.join('\n')}\n`
  }
}

/** Docker 20.10's client walker (fsutil 0834f99 + fileutils.Matches), over the real tree. */
function walk2010(root: string, patternsText: string): string[] {
  const lines = parseIgnoreFile(patternsText)
  const matcher = compilePatterns(lines)
  const singles: Matcher[] = matcher.patterns.map(p => compilePatterns([p.text]))
  const direct = (i: number, path: string): boolean =>
    singles[i].match(path, { parentMatched: [false] }).excluded
  const matches = (file: string): boolean => {
    const slash = file.lastIndexOf('/')
    const parentDirs = slash < 0 ? [] : file.slice(0, slash).split('/')
    let matched = false
    matcher.patterns.forEach((p, i) => {
      if (p.exclusion !== matched) return
      let m = direct(i, file)
      const depth = p.text.split('/').length
      if (!m && parentDirs.length > 0 && depth <= parentDirs.length)
        m = direct(i, parentDirs.slice(0, depth).join('/'))
      if (m) matched = !p.exclusion
    })
    return matched
  }
  const out: string[] = []
  const visit = (rel: string): void => {
    const names = readdirSync(rel === '' ? root : join(root, rel)).sort()
    for (const name of names) {
      const path = rel === '' ? name : `${rel}/${name}`
      const isDir = lstatSync(join(root, path)).isDirectory()
      if (matches(path)) {
        if (!isDir || !matcher.hasExclusions) continue
        const reach = matcher.patterns.some(p => p.exclusion && `${p.text}/`.startsWith(`${path}/`))
        if (!reach) continue
      }
      out.push(path)
      if (isDir) visit(path)
    }
  }
  visit('')
  return out.sort(compareBytes)
}

/** `path type mode [-> target]` for every entry under ctx/ in an exported container tar. */
async function imageListing(image: string): Promise<string[]> {
  const container = docker(['create', image, 'none']).trim().split('\n').pop() ?? ''
  try {
    const tarFile = spawnSync(DOCKER, ['export', container], { maxBuffer: 256 * 1024 * 1024 })
    if (tarFile.status !== 0) throw new Error(`docker export failed: ${tarFile.stderr.toString()}`)
    const rows: string[] = []
    const ex = extract()
    const done = new Promise<void>((resolve, reject) => {
      ex.on('entry', (h, stream, next) => {
        const name = h.name.replace(/\/$/, '')
        if (name.startsWith('ctx/')) {
          const type = h.type === 'directory' ? 'dir' : h.type === 'symlink' ? 'symlink' : 'file'
          const mode = ((h.mode ?? 0) & 0o7777).toString(8)
          rows.push(
            `${name.slice(4)} ${type} ${mode}${type === 'symlink' ? ` -> ${h.linkname ?? ''}` : ''}`
          )
        }
        stream.on('end', () => next())
        stream.resume()
      })
      ex.on('finish', resolve)
      ex.on('error', reject)
    })
    ex.end(tarFile.stdout)
    await done
    return rows.sort(compareBytes)
  } finally {
    docker(['rm', container])
  }
}

const images: string[] = []
const dirs: string[] = []
afterAll(() => {
  for (const img of images) spawnSync(DOCKER, ['rmi', '-f', img], { stdio: 'ignore' })
  for (const d of dirs) removeTree(d)
})

describeDocker('scanContext agrees with what the daemon copies (differential)', () => {
  const rnd = prng(SEED)
  const work = mkdtempSync(join(tmpdir(), 'fb-ctxdiff-'))
  dirs.push(work)
  const dockerfile = join(work, 'Dockerfile')
  writeFileSync(dockerfile, 'FROM scratch\nCOPY . /ctx/\n')

  const cases: { ctx: string; ignore: string }[] = []
  for (let i = 1; i <= DRAWS; i++) {
    const ctx = join(work, `case-${i}`)
    mkdirSync(ctx)
    const c = new Case(rnd)
    c.buildTree(ctx)
    const ignore = c.buildIgnore()
    writeFileSync(join(ctx, '.dockerignore'), ignore)
    cases.push({ ctx, ignore })
  }
  let compared = 0

  cases.forEach(({ ctx, ignore }, i) => {
    test(`case ${i + 1}: ${JSON.stringify(ignore)}`, async () => {
      const scan = await scanContext(ctx)
      const predicted2010 = walk2010(ctx, ignore)
      const modern = scan.entries.map(e => e.path)
      if (predicted2010.join('\n') !== modern.join('\n')) {
        // Outside the filter: Docker 20.10 and current Docker differ here; nothing to compare.
        console.info(`case ${i + 1} skipped (20.10 differs): ${JSON.stringify(ignore)}`)
        return
      }
      const tag = `fb-ctxdiff-${process.pid}-${i + 1}`
      docker(['build', '-q', '-f', dockerfile, '-t', tag, ctx])
      images.push(tag)
      const ours = scan.entries
        .map(
          e =>
            `${e.path} ${e.type} ${e.mode.toString(8)}${e.type === 'symlink' ? ` -> ${readlinkSync(join(ctx, e.path))}` : ''}`
        )
        .sort(compareBytes)
      expect(await imageListing(tag)).toEqual(ours)
      compared++
    })
  })

  test(`at least ${MIN_COMPARED} of ${DRAWS} cases fell inside the filter and were compared`, () => {
    expect(compared).toBeGreaterThanOrEqual(MIN_COMPARED)
  })
})
