/**
 * The stat cache with real files: a warm cache spares reading unchanged files, yet the same-size
 * edit whose mtime was put back (the edit Docker's context sync misses) is read again because
 * its ctime moved; racy entries are never trusted; a damaged cache is ignored, never an error.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import type { FileDigester, FileStat } from '../../../src/context/digest.js'
import { StreamDigester } from '../../../src/context/digest.js'
import {
  describeStatCache,
  formatStatCache,
  parseStatCache,
  RACY_MARGIN_MS,
  settledBefore,
  StatCache,
  statCachePathFor,
  type StatCacheStats
} from '../../../src/context/statcache.js'
import { scanContext } from '../../../src/context/walk.js'
import { hashContext } from '../../../src/pipeline/hash.js'
import { makeTree, removeTree } from '../../helpers/tree.js'

const sha = (b: string | Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** A digester that counts the files it really reads. */
class CountingDigester implements FileDigester {
  readonly read: string[] = []
  private readonly inner = new StreamDigester()
  async digestFile(absPath: string, stat: FileStat): Promise<string> {
    this.read.push(absPath)
    return this.inner.digestFile(absPath, stat)
  }
}

/** One scan of `root` through the cache at `cachePath`; what was read, the digests, the stats. */
async function scan(
  root: string,
  cachePath: string
): Promise<{ read: string[]; digests: Map<string, string>; stats: StatCacheStats }> {
  const cache = await StatCache.open(cachePath)
  const counting = new CountingDigester()
  const result = await scanContext(root, { digester: cache.digester(counting) })
  const stats = await cache.save()
  const digests = new Map(
    result.entries.filter(e => e.type === 'file').map(e => [e.path, e.digest ?? ''])
  )
  return { read: counting.read.map(p => p.slice(root.length + 1)).sort(), digests, stats }
}

/** Puts back `file`'s mtime to the nanosecond, as rsync -t or tar do (touch -r copies ns). */
function keepMtime(file: string, edit: () => void): void {
  // The reference file lives outside the context, or the scan would see it.
  const holder = makeTree({})
  roots.push(holder)
  const ref = join(holder, 'mtime-ref')
  const before = statSync(file, { bigint: true })
  expect(spawnSync('touch', ['-r', file, ref]).status).toBe(0)
  edit()
  expect(spawnSync('touch', ['-r', ref, file]).status).toBe(0)
  const after = statSync(file, { bigint: true })
  // The precondition: everything Docker's context sync looks at is as before.
  expect(after.mtimeNs).toBe(before.mtimeNs)
  expect(after.size).toBe(before.size)
  expect(after.mode).toBe(before.mode)
}

const roots: string[] = []
afterAll(() => roots.forEach(removeTree))

function tree(spec: Parameters<typeof makeTree>[0]): { root: string; cachePath: string } {
  const root = makeTree(spec)
  roots.push(root)
  const state = makeTree({})
  roots.push(state)
  return { root, cachePath: join(state, 'record.json.stat-cache') }
}

describe('a warm stat cache (files older than the racy window)', () => {
  // Unique per run: nothing from an earlier run can match. OLD and NEW have the same size.
  const nonce = randomBytes(6).toString('hex')
  const OLD = `version-1 ${nonce}\n`
  const NEW = `version-2 ${nonce}\n`
  let ctx = { root: '', cachePath: '' }

  beforeAll(async () => {
    ctx = tree({
      'app.txt': OLD,
      'lib/util.txt': `util ${nonce}\n`,
      'lib/big.bin': randomBytes(700 * 1024).toString('base64'),
      '.dockerignore': 'ignored\n',
      ignored: 'not in the context'
    })
    // Only files changed more than RACY_MARGIN_MS before a scan starts are ever trusted.
    await new Promise(resolve => setTimeout(resolve, RACY_MARGIN_MS + 300))
  }, 30000)

  test('the first scan reads every file; the second reads none and gets the same digests', async () => {
    const first = await scan(ctx.root, ctx.cachePath)
    expect(first.read).toEqual(['.dockerignore', 'app.txt', 'lib/big.bin', 'lib/util.txt'])
    expect(first.stats).toMatchObject({ hits: 0, misses: 4, saved: true, note: null })
    expect(first.digests.get('app.txt')).toBe(sha(OLD))

    const second = await scan(ctx.root, ctx.cachePath)
    expect(second.read).toEqual([])
    expect(second.stats).toMatchObject({ hits: 4, misses: 0, saved: false, note: null })
    expect(second.digests).toEqual(first.digests)
    expect(describeStatCache(second.stats)).toBe('stat cache: 4 of 4 file digest(s) reused, 0 read')
  })

  test('a same-size edit with the mtime put back is read again (its ctime moved) and gets the new digest', async () => {
    await scan(ctx.root, ctx.cachePath)
    const file = join(ctx.root, 'app.txt')
    const ctimeBefore = statSync(file, { bigint: true }).ctimeNs
    keepMtime(file, () => writeFileSync(file, NEW))
    expect(statSync(file, { bigint: true }).ctimeNs).not.toBe(ctimeBefore)

    const after = await scan(ctx.root, ctx.cachePath)
    expect(after.read).toEqual(['app.txt'])
    expect(after.digests.get('app.txt')).toBe(sha(NEW))
    expect(after.stats).toMatchObject({ hits: 3, misses: 1, saved: true })
    // And the edited file is young now: it is read on every scan until it settles.
    expect((await scan(ctx.root, ctx.cachePath)).read).toEqual(['app.txt'])
  })

  test('a mode-only change keeps the cached digest (bytes are the key, the walk reports the mode)', async () => {
    await scan(ctx.root, ctx.cachePath)
    const file = join(ctx.root, 'lib/util.txt')
    chmodSync(file, 0o755)
    const after = await scan(ctx.root, ctx.cachePath)
    // chmod moves the ctime: re-read, same digest; untouched files are not read.
    expect(after.read).toContain('lib/util.txt')
    expect(after.read).not.toContain('lib/big.bin')
    expect(after.digests.get('lib/util.txt')).toBe(sha(`util ${nonce}\n`))
  })

  test('a deleted file leaves the cache; the cache file is rewritten', async () => {
    const other = tree({ 'a.txt': 'a', 'b.txt': 'b' })
    await new Promise(resolve => setTimeout(resolve, RACY_MARGIN_MS + 300))
    await scan(other.root, other.cachePath)
    spawnSync('rm', [join(other.root, 'b.txt')])
    const after = await scan(other.root, other.cachePath)
    expect(after.stats).toMatchObject({ hits: 1, misses: 0, saved: true })
    const parsed = parseStatCache(readFileSync(other.cachePath, 'utf8'))
    expect('rows' in parsed && parsed.rows.map(r => r[0])).toEqual([join(other.root, 'a.txt')])
  }, 30000)

  test('racy entries: files changed within the margin before the scan are read every time and not stored', async () => {
    const young = tree({ 'young.txt': `young ${nonce}\n` })
    const first = await scan(young.root, young.cachePath)
    const second = await scan(young.root, young.cachePath)
    expect(first.read).toEqual(['young.txt'])
    expect(second.read).toEqual(['young.txt'])
    const parsed = parseStatCache(readFileSync(young.cachePath, 'utf8'))
    expect('rows' in parsed && parsed.rows).toEqual([])
  })

  test('hashContext with a warm cache gives exactly the hashes of a full read', async () => {
    const dockerfile = join(ctx.root, 'lib/Dockerfile.test')
    writeFileSync(dockerfile, 'FROM scratch\nCOPY app.txt lib /x/\n')
    try {
      const opts = { context: ctx.root, file: dockerfile, buildArgs: {} }
      await hashContext({ ...opts, statCache: ctx.cachePath })
      const warm = await hashContext({ ...opts, statCache: ctx.cachePath })
      const full = await hashContext(opts)
      expect(full.statCache).toBeNull()
      expect(warm.statCache?.hits).toBeGreaterThan(0)
      expect(warm.contextHash).toBe(full.contextHash)
      expect(warm.steps.map(s => s.sourceHash)).toEqual(full.steps.map(s => s.sourceHash))
    } finally {
      spawnSync('rm', ['-f', dockerfile])
    }
  })
})

describe('the racy rule', () => {
  test('an entry is settled only when mtime and ctime are both older than horizon - margin', () => {
    const h = 1_700_000_000_000
    const old = h - RACY_MARGIN_MS - 1
    expect(settledBefore({ mtimeMs: old, ctimeMs: old }, h)).toBe(true)
    // Same tick as the horizon, inside the margin, or in the future: not trusted.
    expect(settledBefore({ mtimeMs: old, ctimeMs: h }, h)).toBe(false)
    expect(settledBefore({ mtimeMs: h, ctimeMs: old }, h)).toBe(false)
    expect(settledBefore({ mtimeMs: old, ctimeMs: h - RACY_MARGIN_MS }, h)).toBe(false)
    expect(settledBefore({ mtimeMs: h + 5000, ctimeMs: old }, h)).toBe(false)
  })

  test('a cached row whose stat still matches is not trusted when its ctime is within the margin of the horizon', async () => {
    const { root, cachePath } = tree({ 'a.txt': 'aaa' })
    const file = join(root, 'a.txt')
    const st = lstatSync(file)
    const hex = createHash('sha256').update('a wrong digest').digest('hex')
    // A cache that claims a horizon just after the file's ctime (inside the margin).
    writeFileSync(
      cachePath,
      formatStatCache(st.ctimeMs + 1, [
        [file, st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev, hex]
      ])
    )
    const r = await scan(root, cachePath)
    expect(r.read).toEqual(['a.txt'])
    expect(r.digests.get('a.txt')).toBe(sha('aaa'))
  })

  test('nothing is trusted past the cache file’s own mtime, whatever horizon its header claims', async () => {
    const { root, cachePath } = tree({ 'a.txt': 'aaa' })
    const file = join(root, 'a.txt')
    const st = lstatSync(file)
    const hex = createHash('sha256').update('a wrong digest').digest('hex')
    const row: [string, number, number, number, number, number, string] = [
      file,
      st.size,
      st.mtimeMs,
      st.ctimeMs,
      st.ino,
      st.dev,
      hex
    ]
    writeFileSync(cachePath, formatStatCache(st.ctimeMs + 60_000, [row]))
    // The cache file itself claims to be written in the same tick as the file's change.
    const written = new Date(st.ctimeMs)
    utimesSync(cachePath, written, written)
    expect((await scan(root, cachePath)).digests.get('a.txt')).toBe(sha('aaa'))

    // Control: the same row IS served when the file's own times make it settled, proving the
    // refusal above came from the rule and not from some other mismatch.
    const later = new Date(st.ctimeMs + 60_000)
    writeFileSync(cachePath, formatStatCache(st.ctimeMs + 60_000, [row]))
    utimesSync(cachePath, later, later)
    const served = await scan(root, cachePath)
    expect(served.read).toEqual([])
    expect(served.digests.get('a.txt')).toBe(`sha256:${hex}`)
  })
})

describe('a damaged or unusable cache is ignored, never an error', () => {
  const cases: [string, (good: string) => string | Buffer][] = [
    ['garbage bytes', () => randomBytes(300)],
    ['an empty file', () => ''],
    ['torn (truncated mid-write)', good => good.slice(0, Math.floor(good.length / 2))],
    [
      'one digest changed (checksum mismatch)',
      good => good.replace(/[0-9a-f](?=[0-9a-f]{63}")/, c => (c === '0' ? '1' : '0'))
    ],
    ['another version', good => good.replace('stat cache v1', 'stat cache v9')],
    [
      'a valid checksum over rows of the wrong shape',
      () =>
        formatStatCache(Date.now(), [['x', 1]] as unknown as Parameters<typeof formatStatCache>[1])
    ],
    ['a bad horizon', good => good.replace(/^(fresh-build stat cache v1) \S+/, '$1 soon')]
  ]

  test.each(cases)(
    '%s: every file is read, digests are right, the cache is rewritten',
    async (_name, damage) => {
      const { root, cachePath } = tree({ 'a.txt': 'aaa', 'b/c.txt': 'ccc' })
      // A valid cache for this tree, with rows that would be trusted, then damaged.
      const rows = ['a.txt', 'b/c.txt'].map(rel => {
        const st = lstatSync(join(root, rel))
        const hex = createHash('sha256').update('wrong').digest('hex')
        return [join(root, rel), st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev, hex] as [
          string,
          number,
          number,
          number,
          number,
          number,
          string
        ]
      })
      const future = Date.now() + 60_000
      const good = formatStatCache(future, rows)
      writeFileSync(cachePath, damage(good))
      utimesSync(cachePath, new Date(future), new Date(future))

      const r = await scan(root, cachePath)
      expect(r.read).toEqual(['a.txt', 'b/c.txt'])
      expect(r.digests.get('a.txt')).toBe(sha('aaa'))
      expect(r.digests.get('b/c.txt')).toBe(sha('ccc'))
      expect(r.stats.note).toMatch(/^stat cache ignored \(/)
      // Rewritten as a well-formed cache (empty: the files are too young to trust).
      expect(parseStatCache(readFileSync(cachePath, 'utf8'))).toEqual({
        horizonMs: expect.any(Number),
        rows: []
      })
    }
  )

  test('the control: the undamaged cache is used, so the cases above test the damage', async () => {
    const { root, cachePath } = tree({ 'a.txt': 'aaa' })
    const st = lstatSync(join(root, 'a.txt'))
    const hex = createHash('sha256').update('wrong').digest('hex')
    const future = Date.now() + 60_000
    writeFileSync(
      cachePath,
      formatStatCache(future, [
        [join(root, 'a.txt'), st.size, st.mtimeMs, st.ctimeMs, st.ino, st.dev, hex]
      ])
    )
    utimesSync(cachePath, new Date(future), new Date(future))
    // The row is served as is (the crafted digest), nothing is read.
    const r = await scan(root, cachePath)
    expect(r.read).toEqual([])
    expect(r.digests.get('a.txt')).toBe(`sha256:${hex}`)
    expect(r.stats.note).toBeNull()
  })

  test('a cache path that cannot be created (a file in the way) is not an error', async () => {
    const { root, cachePath } = tree({ 'a.txt': 'aaa' })
    writeFileSync(join(cachePath, '..', 'blocker'), 'a file, not a directory')
    const r = await scan(root, join(cachePath, '..', 'blocker', 'record.json.stat-cache'))
    expect(r.read).toEqual(['a.txt'])
    expect(r.digests.get('a.txt')).toBe(sha('aaa'))
    expect(r.stats).toMatchObject({
      saved: false,
      note: expect.stringMatching(/^stat cache not writable \((EEXIST|ENOTDIR)\)/)
    })
  })

  test('a directory at the cache path is ignored and left alone', async () => {
    const { root, cachePath } = tree({ 'a.txt': 'aaa' })
    mkdirSync(cachePath)
    const r = await scan(root, cachePath)
    expect(r.digests.get('a.txt')).toBe(sha('aaa'))
    expect(r.stats.saved).toBe(false)
    expect(r.stats.note).toMatch(/^stat cache (ignored|not saved) \(EISDIR\)/)
    expect(statSync(cachePath).isDirectory()).toBe(true)
    expect(readdirSync(join(cachePath, '..')).filter(n => n.endsWith('.tmp'))).toEqual([])
  })

  test('a failed scan leaves no temp file beside the record', async () => {
    // A .dockerignore syntax error fails the scan after the cache reserved its temp file.
    const { root, cachePath } = tree({ 'a.txt': 'aaa', '.dockerignore': '!\n' })
    const dockerfile = join(root, 'Dockerfile')
    writeFileSync(dockerfile, 'FROM scratch\nCOPY a.txt /\n')
    await expect(
      hashContext({ context: root, file: dockerfile, buildArgs: {}, statCache: cachePath })
    ).rejects.toThrow('illegal exclusion pattern')
    expect(readdirSync(join(cachePath, '..'))).toEqual([])
    // The control: a scan that succeeds does leave a cache file there.
    writeFileSync(join(root, '.dockerignore'), '')
    await hashContext({ context: root, file: dockerfile, buildArgs: {}, statCache: cachePath })
    expect(readdirSync(join(cachePath, '..'))).toEqual(['record.json.stat-cache'])
  })
})

test('temp files of runs killed mid-scan are removed once an hour old; recent ones are left', async () => {
  const { root, cachePath } = tree({ 'a.txt': 'aaa' })
  const dir = join(cachePath, '..')
  const orphan = join(dir, '.record.json.stat-cache.999999.deadbeef.tmp')
  const recent = join(dir, '.record.json.stat-cache.999998.cafebabe.tmp')
  const unrelated = join(dir, '.other.json.stat-cache.999997.00000000.tmp')
  for (const f of [orphan, recent, unrelated]) writeFileSync(f, '')
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000)
  utimesSync(orphan, twoHoursAgo, twoHoursAgo)
  utimesSync(unrelated, twoHoursAgo, twoHoursAgo)
  await scan(root, cachePath)
  expect(readdirSync(dir).sort()).toEqual(
    [
      '.other.json.stat-cache.999997.00000000.tmp',
      '.record.json.stat-cache.999998.cafebabe.tmp',
      'record.json.stat-cache'
    ].sort()
  )
})

test('the cache sits beside the record, like its lock', () => {
  expect(statCachePathFor('/state/app-0123456789abcdef.json')).toBe(
    '/state/app-0123456789abcdef.json.stat-cache'
  )
})

describe('parseStatCache: every field of every row is checked', () => {
  const hex = 'a'.repeat(64)
  const good: unknown[] = ['/ctx/a', 1, 2, 3, 4, 5, hex]
  const bad: [string, unknown[]][] = [
    ['a path that is not a string', [7, 1, 2, 3, 4, 5, hex]],
    ...[1, 2, 3, 4, 5].flatMap((i): [string, unknown[]][] => [
      [`field ${i} a string`, good.map((v, j) => (j === i ? '1' : v))],
      [
        `field ${i} null (NaN or Infinity written by JSON)`,
        good.map((v, j) => (j === i ? null : v))
      ]
    ]),
    ['a digest in capitals', [...good.slice(0, 6), 'A'.repeat(64)]],
    ['a short digest', [...good.slice(0, 6), 'a'.repeat(63)]],
    ['a digest with a newline after it', [...good.slice(0, 6), `${hex}\n`]],
    ['six fields', good.slice(0, 6)],
    ['eight fields', [...good, 0]]
  ]
  test('a good row is kept', () => {
    expect(parseStatCache(formatStatCache(9, [good] as never))).toEqual({
      horizonMs: 9,
      rows: [good]
    })
  })
  test.each(bad)('%s: the whole file is ignored', (_name, row) => {
    expect(parseStatCache(formatStatCache(9, [good, row] as never))).toEqual({
      ignored: 'bad rows'
    })
  })
})
