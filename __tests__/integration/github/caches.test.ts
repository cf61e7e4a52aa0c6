/**
 * The Actions cache clear through the real Octokit client from @actions/github, against the
 * local stand-in for the GitHub API (GitHub's documented list/delete semantics, pagination
 * included): exactly the entries of the scope go, across pages; a read-only token and rate
 * limits end in one line and delete nothing more; every request is bounded by a timeout.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  ActionsCacheError,
  clearActionsCaches,
  type ActionsCacheReport,
  type CacheScope
} from '../../../src/github/caches.js'
import { UsageError } from '../../../src/pipeline/options.js'
import {
  cachesApi,
  startFakeApi,
  type ApiCacheEntry,
  type CachesApiOptions,
  type FakeApi,
  type Reply,
  type Seen
} from '../../helpers/github-api.js'

const TOKEN = 'ghs_cachesTestToken987'
const REPO = 'acme/web'
let servers: FakeApi[] = []

beforeAll(() => {
  // A proxy from the environment would route 127.0.0.1 elsewhere (see status.test.ts).
  for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'])
    Reflect.deleteProperty(process.env, k)
})
afterEach(async () => {
  await Promise.all(servers.map(s => s.close()))
  servers = []
})
afterAll(async () => {
  await Promise.all(servers.map(s => s.close()))
})

/** mulberry32: the same store every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const KEYS = [
  'buildkit-blob-1-sha256:',
  'buildkit-manifest-',
  'buildkit', // the prefix without its dash: a near miss
  'xbuildkit-blob-', // contains the prefix, does not start with it
  'Buildkit-blob-', // another case
  'node-cache-Linux-npm-'
]
const REFS = ['refs/heads/main', 'refs/heads/main-2', 'refs/pull/7/merge', 'refs/heads/feature']

/** `n` entries over every key and ref class, ids shuffled, sizes and access times random. */
function store(n: number, seed = 16): ApiCacheEntry[] {
  const rand = prng(seed)
  const out: ApiCacheEntry[] = []
  for (let i = 0; i < n; i++) {
    const key = `${KEYS[i % KEYS.length]}${Math.floor(rand() * 1e9).toString(16)}`
    const ref = REFS[Math.floor(i / KEYS.length) % REFS.length] as string
    const at = new Date(Date.UTC(2026, 10, 1) + Math.floor(rand() * 1e9)).toISOString()
    out.push({
      id: 1000 + i * 7 + Math.floor(rand() * 7),
      key,
      ref,
      version: 'v'.padEnd(64, '0'),
      size_in_bytes: 1 + Math.floor(rand() * 50_000_000),
      last_accessed_at: at,
      created_at: at
    })
  }
  return out
}

async function api(entries: ApiCacheEntry[], opts: Partial<CachesApiOptions> = {}) {
  const fake = await startFakeApi(cachesApi(entries, { repository: REPO, ...opts }))
  servers.push(fake)
  return fake
}

function clear(
  fake: FakeApi,
  scope: Partial<CacheScope>,
  extra: { timeoutMs?: number; maxWaitMs?: number } = {},
  lines: string[] = []
): Promise<ActionsCacheReport> {
  return clearActionsCaches(
    {
      owner: 'acme',
      repo: 'web',
      token: TOKEN,
      baseUrl: fake.url,
      scope: { keyPrefix: null, ref: null, all: false, ...scope },
      ...extra
    },
    { progress: l => lines.push(l) }
  )
}

/** The test's own oracle (not the code under test): GitHub's prefix and exact-ref meaning. */
function matches(e: ApiCacheEntry, scope: CacheScope): boolean {
  return (
    (scope.keyPrefix === null || e.key.slice(0, scope.keyPrefix.length) === scope.keyPrefix) &&
    (scope.ref === null || e.ref === scope.ref)
  )
}

const ids = (es: { id: number }[]): number[] => es.map(e => e.id).sort((a, b) => a - b)
const gets = (fake: FakeApi): Seen[] => fake.seen.filter(s => s.method === 'GET')
const deletes = (fake: FakeApi): Seen[] => fake.seen.filter(s => s.method === 'DELETE')
const pageOf = (s: Seen): string | null => new URL(s.url, 'http://x').searchParams.get('page')

async function failure(p: Promise<unknown>): Promise<ActionsCacheError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  )
  if (!(e instanceof ActionsCacheError)) throw new Error(`expected ActionsCacheError, got ${e}`)
  return e
}

describe('clearing the Actions cache by key prefix and ref', () => {
  test.each([
    ['a key prefix and a ref', 2600, { keyPrefix: 'buildkit-', ref: 'refs/heads/main' }],
    ['a key prefix', 1300, { keyPrefix: 'buildkit-' }],
    ['a ref', 1300, { ref: 'refs/pull/7/merge' }],
    ['all', 700, { all: true }]
  ])(
    '%s: exactly the matching entries go, across pages',
    async (_what, n, scope) => {
      const entries = store(n)
      const before = entries.slice()
      const full: CacheScope = { keyPrefix: null, ref: null, all: false, ...scope }
      const expected = before.filter(e => matches(e, full))
      // Guards the test itself: several pages of matches, and near misses left to keep.
      expect(expected.length).toBeGreaterThan(200)
      if (!full.all) expect(expected.length).toBeLessThan(before.length)

      const fake = await api(entries)
      const report = await clear(fake, scope)

      expect(ids(report.deleted)).toEqual(ids(expected))
      expect(ids(entries)).toEqual(ids(before.filter(e => !expected.includes(e))))
      expect(report).toMatchObject({
        repository: REPO,
        matched: expected.length,
        listed: expected.length,
        alreadyGone: 0,
        deletedBytes: expected.reduce((n, e) => n + e.size_in_bytes, 0)
      })
      // Every page was read before the first delete, so deleting never shifted a page.
      const pages = gets(fake).map(pageOf)
      expect(pages).toEqual(
        Array.from({ length: Math.floor(expected.length / 100) + 1 }, (_, i) => String(i + 1))
      )
      const firstDelete = fake.seen.findIndex(s => s.method === 'DELETE')
      expect(fake.seen.slice(firstDelete).every(s => s.method === 'DELETE')).toBe(true)
      // The API's filters are asked for, with the token and the largest page.
      const q = new URL(gets(fake)[0]?.url ?? '', 'http://x').searchParams
      expect(q.get('per_page')).toBe('100')
      expect(q.get('key')).toBe(full.keyPrefix)
      expect(q.get('ref')).toBe(full.ref)
      expect(gets(fake)[0]?.headers.authorization).toBe(`token ${TOKEN}`)
      expect(deletes(fake).map(s => s.url)).toEqual(
        report.deleted.map(e => `/repos/${REPO}/actions/caches/${e.id}`)
      )
    },
    60000
  )

  test('a server that ignores the key and ref filters still loses only the matching entries', async () => {
    const entries = store(700, 3)
    const before = entries.slice()
    const scope: CacheScope = { keyPrefix: 'buildkit-', ref: 'refs/heads/main', all: false }
    const expected = before.filter(e => matches(e, scope))
    const fake = await api(entries, { ignoreFilters: true })
    const report = await clear(fake, scope)
    expect(report.listed).toBe(700)
    expect(ids(report.deleted)).toEqual(ids(expected))
    expect(entries).toHaveLength(700 - expected.length)
    expect(entries.every(e => !matches(e, scope))).toBe(true)
  }, 60000)

  test('an entry deleted by someone else meanwhile is counted as already gone, not an error', async () => {
    const entries = store(30)
    const victim = entries.find(e => e.key.startsWith('buildkit-manifest-')) as ApiCacheEntry
    const fake = await api(entries, {
      fault: req => {
        if (req.method === 'DELETE' && req.url.endsWith(`/${victim.id}`)) {
          entries.splice(entries.indexOf(victim), 1)
          return [404, { message: 'Not Found' }]
        }
        return null
      }
    })
    const report = await clear(fake, { keyPrefix: 'buildkit-' })
    expect(report.alreadyGone).toBe(1)
    expect(report.deleted.map(e => e.id)).not.toContain(victim.id)
    expect(report.deleted).toHaveLength(report.matched - 1)
    expect(entries.some(e => e.key.startsWith('buildkit-'))).toBe(false)
  }, 30000)

  test('an empty scope is refused before any request', async () => {
    const fake = await api(store(10))
    const e = await clear(fake, {}).catch((err: unknown) => err)
    expect(e).toBeInstanceOf(UsageError)
    expect((e as Error).message).toMatch(
      /refusing to delete every Actions cache entry of acme\/web/
    )
    expect(fake.seen).toHaveLength(0)
  })
})

describe('a refused or limited token: one line, nothing more deleted', () => {
  const readOnly: Reply = [
    403,
    {
      message: 'Resource not accessible by integration',
      documentation_url:
        'https://docs.github.com/rest/actions/cache#delete-a-github-actions-cache-for-a-repository-using-a-cache-id'
    }
  ]

  test('a read-only token (403 on delete): nothing is deleted, the error names actions: write', async () => {
    const entries = store(250)
    const before = ids(entries)
    const fake = await api(entries, { fault: req => (req.method === 'DELETE' ? readOnly : null) })
    const e = await failure(clear(fake, { keyPrefix: 'buildkit-' }))
    expect(e.status).toBe(403)
    expect(e.message).not.toContain('\n')
    expect(e.message).toMatch(
      /^GitHub Actions cache of acme\/web: deleting cache \d+: HTTP 403: Resource not accessible by integration.*permissions: actions: write.*; nothing was deleted$/
    )
    expect(deletes(fake)).toHaveLength(1)
    expect(ids(entries)).toEqual(before)
  }, 30000)

  test('a token without actions: read (403 on the listing) is one line too', async () => {
    const fake = await api(store(5), { fault: () => readOnly })
    const e = await failure(clear(fake, { ref: 'refs/heads/main' }))
    expect(e.message).toMatch(/list page 1: HTTP 403: .*actions: write.*nothing was deleted$/)
    expect(fake.seen).toHaveLength(1)
  })

  test('the hourly rate limit mid-way stops at once and says when it resets and what was deleted', async () => {
    const entries = store(60)
    const reset = Math.floor(Date.now() / 1000) + 3600
    let deleted = 0
    const fake = await api(entries, {
      fault: req => {
        if (req.method !== 'DELETE') return null
        if (deleted < 3) {
          deleted++
          return null
        }
        return [
          403,
          { message: 'API rate limit exceeded for installation ID 123.' },
          {
            'x-ratelimit-limit': '1000',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': '1000',
            'x-ratelimit-reset': String(reset)
          }
        ]
      }
    })
    const started = Date.now()
    const e = await failure(clear(fake, { keyPrefix: 'buildkit-' }))
    expect(Date.now() - started).toBeLessThan(5000)
    const resetAt = new Date(reset * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
    expect(e.message).toContain(
      `rate limited until ${resetAt} (in 60 min): run the clear again after it`
    )
    expect(e.message).toMatch(/; 3 of \d+ matching entries were deleted before it$/)
    expect(e.message).not.toContain('\n')
    expect(deletes(fake)).toHaveLength(4)
    expect(entries).toHaveLength(57)
  }, 30000)

  test('a short rate limit (429 and a secondary 403, each with retry-after) is waited out and retried', async () => {
    const entries = store(400)
    const fake = await api(entries, {
      fault: (req, count) => {
        if (count === 2) return [429, { message: 'Too Many Requests' }, { 'retry-after': '1' }]
        if (req.method === 'DELETE' && count === 6)
          return [
            403,
            { message: 'You have exceeded a secondary rate limit.' },
            { 'retry-after': '1' }
          ]
        return null
      }
    })
    const lines: string[] = []
    const started = Date.now()
    const report = await clear(fake, { keyPrefix: 'buildkit-' }, {}, lines)
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
    expect(entries.some(e => e.key.startsWith('buildkit-'))).toBe(false)
    expect(report.deleted).toHaveLength(report.matched)
    expect(gets(fake).map(pageOf)).toEqual(['1', '2', '2'])
    expect(
      lines.filter(l => /HTTP (429|403) \(rate limited\); retrying in 1 s/.test(l))
    ).toHaveLength(2)
  }, 30000)

  test('a rate limit that outlasts the wait budget is an error after a bounded number of tries', async () => {
    const fake = await api(store(5), {
      fault: () => [429, { message: 'Too Many Requests' }, { 'retry-after': '1' }]
    })
    const e = await failure(clear(fake, { keyPrefix: 'buildkit-' }, { maxWaitMs: 2500 }))
    expect(e.message).toMatch(
      /list page 1: HTTP 429: Too Many Requests: rate limited \(retry after 1 s\), still after 3 tries/
    )
    expect(fake.seen).toHaveLength(3)
  }, 30000)
})

describe('every request is bounded', () => {
  test('an API that does not answer is an error after the timeout, nothing deleted', async () => {
    const entries = store(20)
    const fake = await api(entries, {
      fault: req =>
        req.method === 'GET'
          ? new Promise<Reply>(done => {
              // unref: a reply nobody waits for must not keep jest alive.
              setTimeout(() => done([200, { actions_caches: [] }]), 5000).unref()
            })
          : null
    })
    const started = Date.now()
    const e = await failure(clear(fake, { keyPrefix: 'buildkit-' }, { timeoutMs: 300 }))
    expect(Date.now() - started).toBeLessThan(3000)
    expect(e.message).toBe(
      'GitHub Actions cache of acme/web: list page 1: no answer within 0.3 s; nothing was deleted'
    )
    expect(entries).toHaveLength(20)
  }, 30000)

  test('a bad gateway is retried; a server error is one line without the token', async () => {
    const entries = store(12)
    let failed = false
    const fake = await api(entries, {
      fault: req => {
        if (req.method === 'GET' && !failed) {
          failed = true
          return [502, { message: 'Bad Gateway' }]
        }
        if (req.method === 'DELETE') return [500, { message: `internal error for ${TOKEN}` }]
        return null
      }
    })
    const e = await failure(clear(fake, { keyPrefix: 'node-cache-' }))
    expect(gets(fake)).toHaveLength(2)
    expect(e.status).toBe(500)
    expect(e.message).toMatch(
      /deleting cache \d+: HTTP 500: internal error for \*\*\*; nothing was deleted$/
    )
    expect(e.message).not.toContain(TOKEN)
  }, 30000)
})
