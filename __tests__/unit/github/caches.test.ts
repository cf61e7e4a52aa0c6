import { describe, expect, test } from '@jest/globals'
import {
  describeScope,
  inScope,
  parseCacheScope,
  rateLimit,
  type CacheEntry
} from '../../../src/github/caches.js'
import { UsageError } from '../../../src/pipeline/options.js'

const entry = (key: string, ref = 'refs/heads/main'): CacheEntry => ({
  id: 1,
  key,
  ref,
  sizeInBytes: 10
})

describe('parseCacheScope', () => {
  test('nothing given asks for no Actions cache clear at all', () => {
    expect(parseCacheScope('', '  ', false)).toBeNull()
  })

  test('a prefix, a ref, both, or all', () => {
    expect(parseCacheScope(' buildkit- ', '', false)).toEqual({
      keyPrefix: 'buildkit-',
      ref: null,
      all: false
    })
    expect(parseCacheScope('', 'refs/pull/7/merge', false)).toEqual({
      keyPrefix: null,
      ref: 'refs/pull/7/merge',
      all: false
    })
    expect(parseCacheScope('k', 'refs/heads/main', false)).toEqual({
      keyPrefix: 'k',
      ref: 'refs/heads/main',
      all: false
    })
    expect(parseCacheScope('', '', true)).toEqual({ keyPrefix: null, ref: null, all: true })
  })

  test.each(['main', 'heads/main', 'refs/', 'refs/heads/my branch'])(
    'a ref that is not a full ref (%s) is refused: it would silently match nothing',
    ref => {
      expect(() => parseCacheScope('', ref, false)).toThrow(UsageError)
      expect(() => parseCacheScope('', ref, false)).toThrow(
        /input gha-cache-ref: .* is not a full ref/
      )
    }
  )

  test('all with a filter is a contradiction, named', () => {
    expect(() => parseCacheScope('k', '', true)).toThrow(
      'input gha-cache-all: deletes every Actions cache entry, so it cannot be combined with gha-cache-key-prefix'
    )
    expect(() => parseCacheScope('', 'refs/heads/main', true)).toThrow(
      /combined with gha-cache-ref/
    )
  })
})

describe('inScope', () => {
  test('the key is a case-sensitive prefix, the ref exact', () => {
    const scope = { keyPrefix: 'buildkit-', ref: 'refs/heads/main', all: false }
    expect(inScope(entry('buildkit-blob-1'), scope)).toBe(true)
    expect(inScope(entry('buildkit-'), scope)).toBe(true)
    expect(inScope(entry('buildkit'), scope)).toBe(false)
    expect(inScope(entry('Buildkit-blob'), scope)).toBe(false)
    expect(inScope(entry('x-buildkit-blob'), scope)).toBe(false)
    expect(inScope(entry('buildkit-blob', 'refs/heads/main-2'), scope)).toBe(false)
    expect(inScope(entry('buildkit-blob', 'refs/heads/mai'), scope)).toBe(false)
  })

  test('an empty scope matches nothing unless it is all', () => {
    expect(inScope(entry('k'), { keyPrefix: null, ref: null, all: false })).toBe(false)
    expect(inScope(entry('k'), { keyPrefix: null, ref: null, all: true })).toBe(true)
  })

  test('describeScope', () => {
    expect(describeScope({ keyPrefix: 'a', ref: 'refs/heads/x', all: false })).toBe(
      'key prefix "a", ref refs/heads/x'
    )
    expect(describeScope({ keyPrefix: null, ref: null, all: true })).toBe('every entry')
  })
})

describe('rateLimit', () => {
  const err = (headers: Record<string, string>) => ({ response: { headers } })
  const now = 1_800_000_000_000

  test('retry-after (secondary limits and 429) is waited in seconds', () => {
    expect(rateLimit(err({ 'retry-after': '7' }), 429, 'x', now)).toEqual({
      waitMs: 7000,
      resetAt: null
    })
    expect(rateLimit(err({ 'Retry-After': '0' }), 403, 'x', now)).toEqual({
      waitMs: 0,
      resetAt: null
    })
  })

  test('an exhausted hourly budget waits until one second past the reset', () => {
    const reset = now / 1000 + 120
    expect(
      rateLimit(
        err({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }),
        403,
        'API rate limit exceeded',
        now
      )
    ).toEqual({ waitMs: 121_000, resetAt: new Date(reset * 1000) })
  })

  test('a secondary limit without headers waits the minute GitHub asks for', () => {
    expect(rateLimit({}, 403, 'You have exceeded a secondary rate limit', now)?.waitMs).toBe(60_000)
    expect(rateLimit({}, 429, 'Too Many Requests', now)?.waitMs).toBe(60_000)
  })

  test('a 403 without rate-limit headers or words is a permission error, not a limit', () => {
    expect(rateLimit({}, 403, 'Resource not accessible by integration', now)).toBeNull()
    expect(
      rateLimit(err({ 'x-ratelimit-remaining': '999' }), 403, 'Must have admin rights', now)
    ).toBeNull()
    expect(rateLimit(err({ 'retry-after': '5' }), 500, 'x', now)).toBeNull()
  })
})
