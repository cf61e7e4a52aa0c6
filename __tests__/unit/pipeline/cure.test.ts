import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseLocalSources, usedBetween, type LocalSource } from '../../../src/docker/buildcache.js'
import {
  chooseCure,
  filesToResend,
  readStamp,
  recordBinding,
  touchForResend,
  writeStamp,
  type BuilderStamp
} from '../../../src/pipeline/cure.js'
import type { BuildRecord, ContextEntry } from '../../../src/model.js'

// `docker system df -v --format '{{json .BuildCache}}'`, Docker 20.10.24 on this project's test
// daemon, after one BuildKit build of a two-file context (trimmed to three records).
const LISTING = JSON.stringify([
  {
    CacheType: 'source.local',
    CreatedAt: '2026-12-01 10:08:34.691884176 +0000 UTC',
    Description: 'local source for dockerfile',
    ID: 'cw3hvl6htxa15pe6tkukhpmkh',
    InUse: 'false',
    LastUsedAt: '2026-12-01 10:08:34.74432436 +0000 UTC',
    Shared: 'false',
    Size: '39B',
    UsageCount: '1'
  },
  {
    CacheType: 'regular',
    Description: 'from local ',
    ID: 'vrtsvw2f1kzdmzr7jilaxcyui',
    LastUsedAt: '2026-12-01 10:08:34.745373413 +0000 UTC',
    UsageCount: '1'
  },
  {
    CacheType: 'source.local',
    Description: 'local source for context',
    ID: 't1r2w2zv9apbcpzbh3ke7v2pp',
    LastUsedAt: '2026-12-01 10:08:34.746092408 +0000 UTC',
    UsageCount: '1'
  }
])

const ctxSource: LocalSource = {
  id: 't1r2w2zv9apbcpzbh3ke7v2pp',
  description: 'local source for context',
  usage: 1,
  // As the client printed it (2026-12-01 10:08:34.746092408 +0000 UTC), in the one spelling.
  lastUsed: '2026-12-01T10:08:34.746092408Z'
}

const record: BuildRecord = {
  version: 1,
  contextHash: `sha256:${'a'.repeat(64)}`,
  files: { 'a.txt': 'file 0644 sha256:old 4', 'b.txt': 'file 0644 sha256:b 4', gone: 'x' },
  steps: [],
  commit: null,
  buildId: null,
  imageId: null,
  tags: [],
  builtAt: '2026-12-01T10:00:00.000Z',
  dockerfile: 'Dockerfile'
}

const stamp = (over: Partial<BuilderStamp> = {}): BuilderStamp => ({
  version: 1,
  record: recordBinding(record),
  controls: {},
  sources: [ctxSource],
  ...over
})

describe('build-cache listing', () => {
  test('keeps source.local records only, with numeric usage, sorted by id', () => {
    const s = parseLocalSources(LISTING)
    expect(s.map(x => x.id)).toEqual(['cw3hvl6htxa15pe6tkukhpmkh', 't1r2w2zv9apbcpzbh3ke7v2pp'])
    expect(s[1]).toEqual(ctxSource)
    expect(parseLocalSources('[]\n')).toEqual([])
    expect(parseLocalSources('null')).toEqual([])
  })

  test('refuses what is not a listing', () => {
    expect(() => parseLocalSources('{}')).toThrow(/not an array/)
    expect(() => parseLocalSources('[1]')).toThrow(/not an object/)
    expect(() =>
      parseLocalSources('[{"CacheType":"source.local","ID":"x","UsageCount":"many"}]')
    ).toThrow(/usage count/)
  })

  test('usedBetween names new records and records used since, nothing else', () => {
    const other = { ...ctxSource, id: 'other' }
    const used = { ...ctxSource, usage: 2, lastUsed: 'later' }
    const fresh = { ...ctxSource, id: 'new' }
    expect(usedBetween([ctxSource, other], [used, other, fresh])).toEqual([used, fresh])
    expect(usedBetween([ctxSource], [ctxSource])).toEqual([])
  })
})

describe('chooseCure', () => {
  const base = {
    kind: 'buildkit' as const,
    policy: 'source' as const,
    previous: record,
    stamp: stamp(),
    listing: { sources: [ctxSource] }
  }

  test('re-sends when the stamp of this record matches the daemon', () => {
    expect(chooseCure(base)).toEqual({ action: 'resend' })
  })

  test.each([
    ['policy all', { policy: 'all' as const }, /policy all/, false],
    ['buildx', { kind: 'buildx' as const }, /buildx builder's records/, false],
    ['legacy', { kind: 'legacy' as const }, /legacy/, false],
    ['no record', { previous: null }, /no record/, false],
    ['no stamp', { stamp: null }, /no builder state/, false],
    [
      'a stamp of another record',
      { stamp: stamp({ record: 'sha256:x 2026' }) },
      /another record/,
      false
    ],
    ['a stamp without a context record', { stamp: stamp({ sources: [] }) }, /no context/, false],
    ['no listing', { listing: { error: 'daemon gone' } }, /daemon gone/, false],
    ['the record gone', { listing: { sources: [] } }, /is gone/, true],
    [
      'used by another build',
      { listing: { sources: [{ ...ctxSource, usage: 2, lastUsed: 'later' }] } },
      /used outside this guard .*usage 1 -> 2/,
      true
    ],
    [
      'same count, later use',
      { listing: { sources: [{ ...ctxSource, lastUsed: 'later' }] } },
      /used outside/,
      true
    ]
  ])('falls back to the prune: %s', (_name, over, reason, outside) => {
    const c = chooseCure({ ...base, ...over })
    expect(c).toMatchObject({ action: 'fallback', usedOutside: outside })
    if (c.action === 'fallback') expect(c.reason).toMatch(reason)
  })
})

describe('filesToResend', () => {
  const entry = (path: string, digest: string, type: ContextEntry['type'] = 'file') =>
    ({ path, type, mode: 0o644, size: 4, digest }) as ContextEntry
  test('changed and added regular files, and control files that differ from the stamp', () => {
    const entries = [
      entry('a.txt', 'sha256:new'),
      entry('b.txt', 'sha256:b'),
      entry('c.txt', 'sha256:c'),
      entry('link', 'sha256:l', 'symlink'),
      entry('__proto__', 'sha256:p')
    ]
    const files = {
      'a.txt': 'file 0644 sha256:new 4',
      'b.txt': 'file 0644 sha256:b 4',
      'c.txt': 'file 0644 sha256:c 4',
      link: 'symlink 0777 sha256:l 4',
      ['__proto__']: 'file 0644 sha256:p 4'
    }
    const out = filesToResend(
      '/ctx',
      entries,
      files,
      record,
      { '/ctx/Dockerfile': 'd2', '/ctx/.dockerignore': 'i' },
      stamp({ controls: { '/ctx/Dockerfile': 'd1', '/ctx/.dockerignore': 'i' } })
    )
    expect(out.sort()).toEqual(['/ctx/Dockerfile', '/ctx/__proto__', '/ctx/a.txt', '/ctx/c.txt'])
  })
})

describe('stamp file and touch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fb-cure-'))
  test('round-trips, and anything else reads as no stamp', async () => {
    const p = join(dir, 'record.json.builder-state')
    await writeStamp(p, stamp({ controls: { '/x': 'y' } }))
    expect(await readStamp(p)).toEqual(stamp({ controls: { '/x': 'y' } }))
    for (const bad of [
      '',
      '{',
      '[]',
      '{"version":2}',
      JSON.stringify({ ...stamp(), sources: [1] })
    ]) {
      writeFileSync(p, bad)
      expect(await readStamp(p)).toBeNull()
    }
    expect(await readStamp(join(dir, 'missing'))).toBeNull()
  })

  test('gives a file an mtime later than now and than its own, keeping its bytes', async () => {
    const past = join(dir, 'past')
    const future = join(dir, 'future')
    writeFileSync(past, 'p')
    writeFileSync(future, 'f')
    utimesSync(past, 1_700_000_000, 1_700_000_000)
    const ahead = Date.now() / 1000 + 3600
    utimesSync(future, ahead, ahead)
    const start = Date.now()
    await touchForResend([past, future])
    expect(statSync(past).mtimeMs).toBeGreaterThanOrEqual(start)
    expect(statSync(future).mtimeMs).toBeGreaterThan(ahead * 1000)
    expect(readFileSync(past, 'utf8')).toBe('p')
    await expect(touchForResend([join(dir, 'nope')])).rejects.toThrow(/ENOENT/)
    rmSync(dir, { recursive: true, force: true })
  })
})
