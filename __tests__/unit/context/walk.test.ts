import { afterEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import type { Dirent } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join, relative } from 'node:path'
import { ContextError, scanContext } from '../../../src/context/walk.js'
import type { ScanOptions } from '../../../src/context/walk.js'
import { IgnoreSyntaxError } from '../../../src/gomatch/index.js'
import { compareBytes, hashEntries } from '../../../src/context/hash.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import type { TreeSpec } from '../../helpers/tree.js'

const roots: string[] = []
function tree(spec: TreeSpec): string {
  const root = makeTree(spec)
  roots.push(root)
  return root
}
afterEach(() => {
  for (const r of roots.splice(0)) removeTree(r)
})

const sha = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`
const paths = async (root: string, opts?: ScanOptions): Promise<string[]> =>
  (await scanContext(root, opts)).entries.map(e => e.path)
const hashOf = async (root: string, opts?: ScanOptions): Promise<string> =>
  hashEntries((await scanContext(root, opts)).entries)

/** A readdir hook that records every directory read, relative to `root`. */
function recordingFs(root: string): { opened: string[]; fs: ScanOptions['fs'] } {
  const opened: string[] = []
  return {
    opened,
    fs: {
      readdir: async (abs: string): Promise<Dirent[]> => {
        opened.push(relative(root, abs))
        return readdir(abs, { withFileTypes: true })
      }
    }
  }
}

describe('scanContext entries', () => {
  test('files, directories (empty ones too) and symlinks, with modes, sizes and digests', async () => {
    const root = tree({
      'a.txt': 'hello',
      'bin/run.sh': { content: '#!/bin/sh\n', mode: 0o755 },
      'empty/': null,
      'src/lib/x.ts': 'x',
      'link-to-a': { link: 'a.txt' },
      dangling: { link: '../nowhere' },
      'with space/é.txt': 'u'
    })
    chmodSync(join(root, 'empty'), 0o700)
    const scan = await scanContext(root)
    expect(scan.ignoreFile).toBeNull()
    expect(scan.ignorePatterns).toEqual([])
    const byPath = Object.fromEntries(scan.entries.map(e => [e.path, e]))
    expect(Object.keys(byPath)).toEqual([
      'a.txt',
      'bin',
      'bin/run.sh',
      'dangling',
      'empty',
      'link-to-a',
      'src',
      'src/lib',
      'src/lib/x.ts',
      'with space',
      'with space/é.txt'
    ])
    expect(byPath['a.txt']).toEqual({
      path: 'a.txt',
      type: 'file',
      mode: 0o644,
      size: 5,
      digest: sha('hello')
    })
    expect(byPath['bin/run.sh'].mode).toBe(0o755)
    expect(byPath.empty).toEqual({ path: 'empty', type: 'dir', mode: 0o700, size: 0 })
    expect(byPath['link-to-a']).toMatchObject({
      type: 'symlink',
      linkTarget: 'a.txt',
      digest: sha('a.txt')
    })
    expect(byPath.dangling).toMatchObject({
      type: 'symlink',
      linkTarget: '../nowhere',
      digest: sha('../nowhere')
    })
  })

  test('entries are in path byte order (compareBytes), not locale or walk order', async () => {
    const root = tree({ 'a-b': 'x', 'a/b': 'x', B: 'x', 'a.c': 'x', é: 'x', z: 'x' })
    const got = await paths(root)
    expect(got).toEqual([...got].sort(compareBytes))
    expect(got).toEqual(['B', 'a', 'a-b', 'a.c', 'a/b', 'z', 'é'])
  })

  test('a symlinked directory is not followed; the context root may itself be a symlink', async () => {
    const root = tree({ 'real/f': 'x', alias: { link: 'real' } })
    expect(await paths(root)).toEqual(['alias', 'real', 'real/f'])
    const outer = tree({})
    symlinkSync(root, join(outer, 'ctx'))
    const scan = await scanContext(join(outer, 'ctx'))
    expect(scan.root).toBe(join(outer, 'ctx'))
    expect(scan.entries.map(e => e.path)).toEqual(['alias', 'real', 'real/f'])
  })

  test('a FIFO is left out and a socket is an empty file, neither opened (as Docker 20.10 copies them)', async () => {
    const root = tree({ 'a.txt': 'a' })
    expect(spawnSync('mkfifo', [join(root, 'pipe')]).status).toBe(0)
    const server = createServer()
    await new Promise<void>(res => server.listen(join(root, 'sock'), res))
    try {
      const scan = await scanContext(root)
      expect(scan.entries.map(e => e.path)).toEqual(['a.txt', 'sock'])
      expect(scan.entries[1]).toMatchObject({ type: 'file', size: 0, digest: sha('') })
    } finally {
      await new Promise<void>(res => server.close(() => res()))
    }
  })

  test('works with a concurrency of 1 and of 64 alike', async () => {
    const spec: TreeSpec = {}
    for (let i = 0; i < 40; i++) spec[`d${i % 5}/f${i}.txt`] = `content ${i}`
    const root = tree(spec)
    expect(await hashOf(root, { concurrency: 1 })).toBe(await hashOf(root, { concurrency: 64 }))
  })
})

describe('.dockerignore', () => {
  test('excluded entries are left out; the ignore file and Dockerfile themselves are sent unless ignored', async () => {
    const root = tree({
      '.dockerignore': '# build output\n*.log\ndist\n!dist/keep.txt\n',
      Dockerfile: 'FROM scratch\n',
      'a.log': 'x',
      'sub/b.log': 'nested logs are not matched by *.log',
      'dist/out.js': 'x',
      'dist/keep.txt': 'x',
      'src/a.ts': 'x'
    })
    const scan = await scanContext(root)
    expect(scan.ignoreFile).toBe(join(root, '.dockerignore'))
    expect(scan.ignorePatterns).toEqual(['*.log', 'dist', '!dist/keep.txt'])
    expect(scan.entries.map(e => e.path)).toEqual([
      '.dockerignore',
      'Dockerfile',
      'dist',
      'dist/keep.txt',
      'src',
      'src/a.ts',
      'sub',
      'sub/b.log'
    ])
  })

  test('an excluded directory appears only when something below it is re-included', async () => {
    const root = tree({
      '.dockerignore': 'docs\n!docs/keep.md\n',
      'docs/other.md': 'x',
      'docs/sub/x': 'x'
    })
    expect(await paths(root)).toEqual(['.dockerignore'])
    writeFileSync(join(root, 'docs/keep.md'), 'k')
    expect(await paths(root)).toEqual(['.dockerignore', 'docs', 'docs/keep.md'])
  })

  test('parent results carry down as in the BuildKit walker (MatchesUsingParentResults)', async () => {
    // MatchesOrParentMatches alone would re-include a/x through `!a`; the walker does not.
    const root = tree({ '.dockerignore': 'a/x\n!a\n', 'a/x/f': 'x', 'a/y': 'y' })
    expect(await paths(root)).toEqual(['.dockerignore', 'a', 'a/y'])
  })

  test('<Dockerfile>.dockerignore beside the Dockerfile replaces the root .dockerignore', async () => {
    const root = tree({
      '.dockerignore': 'a.txt\n',
      'docker/app.Dockerfile': 'FROM scratch\n',
      'docker/app.Dockerfile.dockerignore': 'b.txt\ndocker/*.dockerignore\n',
      'a.txt': 'a',
      'b.txt': 'b'
    })
    const specific = await scanContext(root, { dockerfile: join(root, 'docker/app.Dockerfile') })
    expect(specific.ignoreFile).toBe(join(root, 'docker/app.Dockerfile.dockerignore'))
    expect(specific.entries.map(e => e.path)).toEqual([
      '.dockerignore',
      'a.txt',
      'docker',
      'docker/app.Dockerfile'
    ])

    const other = await scanContext(root, { dockerfile: join(root, 'Dockerfile') })
    expect(other.ignoreFile).toBe(join(root, '.dockerignore'))
    expect(other.entries.map(e => e.path)).not.toContain('a.txt')
    expect(other.entries.map(e => e.path)).toContain('b.txt')
  })

  test('a malformed pattern is an IgnoreSyntaxError naming the file and line', async () => {
    const root = tree({ '.dockerignore': '# comment\nok\n\nsrc/[a-\n', f: 'x' })
    const err = await scanContext(root).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(IgnoreSyntaxError)
    expect(err).toMatchObject({ file: join(root, '.dockerignore'), line: 4 })
    expect((err as Error).message).toBe(
      `${join(root, '.dockerignore')}:4: syntax error in pattern "src/[a-"`
    )
  })

  test('a pattern Go regexp rejects fails once it is evaluated, still naming its line', async () => {
    const root = tree({ '.dockerignore': 'x\n[Local-Only]/\n', f: 'x' })
    await expect(scanContext(root)).rejects.toThrow(
      `${join(root, '.dockerignore')}:2: syntax error in pattern "[Local-Only]"`
    )
  })
})

describe('pruned descent', () => {
  const spec: TreeSpec = {
    'node_modules/pkg/index.js': 'x',
    'node_modules/pkg/README.md': 'x',
    'node_modules/keep/a.txt': 'x',
    'src/a.ts': 'x',
    'README.md': 'x'
  }

  test('an excluded tree no exception can reach is never read', async () => {
    const root = tree({ ...spec, '.dockerignore': 'node_modules\n*.md\n!README.md\n!src/*.ts\n' })
    const { opened, fs } = recordingFs(root)
    expect(await paths(root, { fs })).toEqual(['.dockerignore', 'README.md', 'src', 'src/a.ts'])
    expect(opened.sort()).toEqual(['', 'src'])
  })

  test('an exception under the tree opens only the directories on its way', async () => {
    const root = tree({ ...spec, '.dockerignore': 'node_modules\n!node_modules/keep/**\n' })
    const { opened, fs } = recordingFs(root)
    expect(await paths(root, { fs })).toEqual([
      '.dockerignore',
      'README.md',
      'node_modules',
      'node_modules/keep',
      'node_modules/keep/a.txt',
      'src',
      'src/a.ts'
    ])
    expect(opened.sort()).toEqual(['', 'node_modules', 'node_modules/keep', 'src'])
  })

  test('an exception that can match anywhere (**) makes the walk descend, as Docker does', async () => {
    const root = tree({ ...spec, '.dockerignore': 'node_modules\n!**/README.md\n' })
    const { opened, fs } = recordingFs(root)
    expect(await paths(root, { fs })).toEqual([
      '.dockerignore',
      'README.md',
      'node_modules',
      'node_modules/pkg',
      'node_modules/pkg/README.md',
      'src',
      'src/a.ts'
    ])
    expect(opened).toContain('node_modules/pkg')
  })

  test('an unreadable excluded directory is skipped like fsutil does; an included one is an error', async () => {
    const root = tree({ ...spec, '.dockerignore': 'node_modules\n!**/nothing\n' })
    const denied = (abs: string): Promise<Dirent[]> =>
      relative(root, abs).startsWith('node_modules')
        ? Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }))
        : readdir(abs, { withFileTypes: true })
    expect(await paths(root, { fs: { readdir: denied } })).toEqual([
      '.dockerignore',
      'README.md',
      'src',
      'src/a.ts'
    ])

    writeFileSync(join(root, '.dockerignore'), '')
    const err = await scanContext(root, { fs: { readdir: denied } }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ContextError)
    expect((err as ContextError).path).toBe(join(root, 'node_modules'))
    expect((err as Error).message).toBe(
      `cannot read directory ${join(root, 'node_modules')}: permission denied (EACCES)`
    )
  })
})

describe('errors', () => {
  test('a missing context is a ContextError naming it', async () => {
    const root = tree({})
    const missing = join(root, 'nope')
    const err = await scanContext(missing).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ContextError)
    expect(err).toMatchObject({
      path: missing,
      code: 'ENOENT',
      message: `build context not found: ${missing}`
    })
  })

  test('a context that is a file is a ContextError', async () => {
    const root = tree({ f: 'x' })
    await expect(scanContext(join(root, 'f'))).rejects.toThrow(
      `build context is not a directory: ${join(root, 'f')}`
    )
  })

  test('an unreadable file is a one-line ContextError naming the file', async () => {
    const root = tree({ 'secret.txt': 'x', 'ok.txt': 'y' })
    const digester = {
      digestFile: async (abs: string): Promise<string> => {
        if (abs.endsWith('secret.txt'))
          throw Object.assign(new Error('open failed'), { code: 'EACCES' })
        return sha('y')
      }
    }
    const err = await scanContext(root, { digester }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ContextError)
    expect((err as Error).message).toBe(
      `cannot read file ${join(root, 'secret.txt')}: permission denied (EACCES)`
    )
    expect((err as Error).message).not.toContain('\n')
  })
})

describe('context hash invariants (hashEntries over the scan)', () => {
  const base: TreeSpec = {
    '.dockerignore': 'ignored/\n*.tmp\n',
    'src/app.js': 'console.log(1)\n',
    'src/util.js': 'export {}\n',
    'bin/tool': 'tool',
    link: { link: 'src/app.js' },
    'ignored/cache.bin': 'cache',
    'x.tmp': 'tmp'
  }
  let root: string
  let before: string
  const setup = async (): Promise<void> => {
    root = tree(base)
    before = await hashOf(root)
  }

  test('mtime-only change keeps the hash', async () => {
    await setup()
    utimesSync(join(root, 'src/app.js'), new Date(2001, 1, 1), new Date(2001, 1, 1))
    utimesSync(join(root, 'src'), new Date(2002, 1, 1), new Date(2002, 1, 1))
    expect(await hashOf(root)).toBe(before)
  })

  test('owner-only change keeps the hash', async () => {
    await setup()
    chownSync(join(root, 'src/app.js'), 1234, 5678)
    chownSync(join(root, 'src'), 1234, 5678)
    expect(await hashOf(root)).toBe(before)
  })

  test('changes in ignored files change nothing', async () => {
    await setup()
    writeFileSync(join(root, 'ignored/cache.bin'), 'other cache')
    writeFileSync(join(root, 'ignored/new'), 'n')
    writeFileSync(join(root, 'x.tmp'), 'changed')
    writeFileSync(join(root, 'y.tmp'), 'new')
    expect(await hashOf(root)).toBe(before)
  })

  const changes: [string, () => void][] = [
    ['same-size content edit', () => writeFileSync(join(root, 'src/app.js'), 'console.log(2)\n')],
    ['chmod +x', () => chmodSync(join(root, 'src/util.js'), 0o755)],
    [
      'symlink retarget',
      () => {
        unlinkSync(join(root, 'link'))
        symlinkSync('src/util.js', join(root, 'link'))
      }
    ],
    ['rename', () => renameSync(join(root, 'src/util.js'), join(root, 'src/utils.js'))],
    ['new empty dir', () => mkdirSync(join(root, 'src/empty'))],
    ['removed file', () => rmSync(join(root, 'bin/tool'))],
    ['directory mode', () => chmodSync(join(root, 'bin'), 0o700)]
  ]
  for (const [what, change] of changes) {
    test(`${what} changes the hash`, async () => {
      await setup()
      change()
      expect(await hashOf(root)).not.toBe(before)
    })
  }

  test('the same tree built twice in different places hashes the same', async () => {
    await setup()
    const again = tree(base)
    expect(readdirSync(again).sort()).toEqual(readdirSync(root).sort())
    expect(await hashOf(again)).toBe(before)
  })
})
