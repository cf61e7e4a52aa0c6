/**
 * The GitHub Actions cache of a repository, cleared through the REST API: on a GitHub-hosted
 * runner the builder is new in every job, and what persists between runs is this cache
 * (`cache-to: type=gha`, actions/cache). Lists every entry of the scope (all pages first, then
 * deletes, so deleting never shifts the pages still to read), keeps exactly the entries whose key
 * starts with the prefix and whose ref equals the ref, and deletes them one by one by id.
 */
import type { getOctokit } from '@actions/github'
import { redactor, visible } from '../report/index.js'
import { UsageError } from '../util/index.js'

type Octokit = ReturnType<typeof getOctokit>

/** Which entries to delete. Neither a prefix nor a ref means every entry, and needs `all`. */
export interface CacheScope {
  keyPrefix: string | null
  ref: string | null
  all: boolean
}

export interface ActionsCacheTarget {
  owner: string
  repo: string
  token: string
  scope: CacheScope
  /** REST API root; defaults to $GITHUB_API_URL, then https://api.github.com. */
  baseUrl?: string
  /** Each request's bound (default 30 s): an API that stops answering must not hang the job. */
  timeoutMs?: number
  /** How long rate limits may be waited out in total (default 90 s); longer is an error. */
  maxWaitMs?: number
}

export interface CacheEntry {
  id: number
  key: string
  ref: string
  sizeInBytes: number
}

export interface ActionsCacheReport {
  repository: string
  keyPrefix: string | null
  ref: string | null
  all: boolean
  /** Entries the API listed for the scope's filters. */
  listed: number
  /** Entries that matched the scope exactly, and so were to be deleted. */
  matched: number
  deleted: CacheEntry[]
  deletedBytes: number
  /** Matching entries already gone when deleted (evicted, or another clear was first). */
  alreadyGone: number
}

/** The clear stopped: the message is one line and says what was already deleted. */
export class ActionsCacheError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'ActionsCacheError'
  }
}

const PER_PAGE = 100
/** 100,000 entries: far beyond the 10 GB a repository's cache holds in practice. */
const MAX_PAGES = 1000
const MAX_ATTEMPTS = 4
const DEFAULT_TIMEOUT_MS = 30_000
const DEFAULT_MAX_WAIT_MS = 90_000
/** GitHub's advice for a secondary rate limit without retry-after: wait at least a minute. */
const SECONDARY_WAIT_MS = 60_000

/**
 * The scope from the action's inputs, or null when none of them asks for an Actions cache clear.
 * Throws UsageError for a ref that is not a full ref (the API matches `refs/heads/main`, never
 * `main`, so a short name would silently match nothing) and for `all` combined with a filter.
 */
export function parseCacheScope(
  keyPrefix: string,
  ref: string,
  all: boolean,
  names = { keyPrefix: 'gha-cache-key-prefix', ref: 'gha-cache-ref', all: 'gha-cache-all' }
): CacheScope | null {
  const prefix = keyPrefix.trim()
  const r = ref.trim()
  if (all && (prefix || r)) {
    throw new UsageError(
      `input ${names.all}: deletes every Actions cache entry, so it cannot be combined with ${prefix ? names.keyPrefix : names.ref}`
    )
  }
  if (r && !/^refs\/\S+$/.test(r)) {
    throw new UsageError(
      `input ${names.ref}: "${visible(r)}" is not a full ref (e.g. refs/heads/main, refs/pull/7/merge)`
    )
  }
  if (!all && !prefix && !r) return null
  return { keyPrefix: prefix || null, ref: r || null, all }
}

/** Exactly the entries of the scope: the API's own filters are not trusted to be exact. */
export function inScope(entry: CacheEntry, scope: CacheScope): boolean {
  if (scope.keyPrefix !== null && !entry.key.startsWith(scope.keyPrefix)) return false
  if (scope.ref !== null && entry.ref !== scope.ref) return false
  return scope.all || scope.keyPrefix !== null || scope.ref !== null
}

/** `key prefix "x", ref refs/heads/main`, or `every entry`. */
export function describeScope(scope: CacheScope): string {
  const parts = [
    ...(scope.keyPrefix !== null ? [`key prefix "${visible(scope.keyPrefix)}"`] : []),
    ...(scope.ref !== null ? [`ref ${visible(scope.ref)}`] : [])
  ]
  return parts.length > 0 ? parts.join(', ') : 'every entry'
}

interface Io {
  progress: (line: string) => void
  /** For tests of the wait budget; real time by default. */
  sleep?: (ms: number) => Promise<void>
}

/**
 * Deletes the scope's entries and reports them. Refuses an empty scope without `all`. Errors
 * are ActionsCacheError with one line: a 403 names the `actions: write` permission, a rate limit
 * says when it resets; either says how many entries were deleted before it.
 */
export async function clearActionsCaches(
  target: ActionsCacheTarget,
  io: Io
): Promise<ActionsCacheReport> {
  const { owner, repo, scope } = target
  if (!scope.all && scope.keyPrefix === null && scope.ref === null) {
    throw new UsageError(
      `refusing to delete every Actions cache entry of ${owner}/${repo}: give a key prefix or a ref, or all`
    )
  }
  const client = await octokit(target.token, target.baseUrl ?? process.env.GITHUB_API_URL)
  const api = new Api(target, io)
  const where = `${owner}/${repo}`
  io.progress(`GitHub Actions cache of ${where}: listing ${describeScope(scope)}`)

  let listing: { listed: number; matching: CacheEntry[] }
  try {
    listing = await listScope(client, api, target)
  } catch (e) {
    throw e instanceof ActionsCacheError
      ? new ActionsCacheError(`${e.message}; nothing was deleted`, e.status)
      : e
  }
  const { listed, matching } = listing
  const matchedBytes = matching.reduce((n, e) => n + e.sizeInBytes, 0)
  io.progress(
    `${matching.length} of ${listed} listed entries match (${matchedBytes} bytes); deleting them`
  )

  const deleted: CacheEntry[] = []
  let alreadyGone = 0
  for (const entry of matching) {
    try {
      await api.call(`deleting cache ${entry.id}`, signal =>
        client.rest.actions.deleteActionsCacheById({
          owner,
          repo,
          cache_id: entry.id,
          request: { signal }
        })
      )
      deleted.push(entry)
      io.progress(
        `deleted ${visible(entry.key)} (${visible(entry.ref)}, ${entry.sizeInBytes} bytes)`
      )
    } catch (e) {
      if (!(e instanceof ActionsCacheError)) throw e
      if (e.status === 404) {
        alreadyGone++
        io.progress(`already gone: ${visible(entry.key)} (${visible(entry.ref)})`)
        continue
      }
      const done =
        deleted.length === 0
          ? 'nothing was deleted'
          : `${deleted.length} of ${matching.length} matching entries were deleted before it`
      throw new ActionsCacheError(`${e.message}; ${done}`, e.status)
    }
  }
  return {
    repository: where,
    keyPrefix: scope.keyPrefix,
    ref: scope.ref,
    all: scope.all,
    listed,
    matched: matching.length,
    deleted,
    deletedBytes: deleted.reduce((n, e) => n + e.sizeInBytes, 0),
    alreadyGone
  }
}

/** Every page of the API's listing for the scope, then exactly the entries in it. */
async function listScope(
  client: Octokit,
  api: Api,
  { owner, repo, scope }: ActionsCacheTarget
): Promise<{ listed: number; matching: CacheEntry[] }> {
  const seen = new Set<number>()
  const matching: CacheEntry[] = []
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES) {
      throw new ActionsCacheError(
        `GitHub Actions cache of ${owner}/${repo}: more than ${MAX_PAGES * PER_PAGE} entries listed: narrow the key prefix or ref`
      )
    }
    const data = await api.call(`list page ${page}`, signal =>
      client.rest.actions.getActionsCacheList({
        owner,
        repo,
        per_page: PER_PAGE,
        page,
        ...(scope.keyPrefix !== null ? { key: scope.keyPrefix } : {}),
        ...(scope.ref !== null ? { ref: scope.ref } : {}),
        request: { signal }
      })
    )
    const raw: unknown[] = Array.isArray(data?.actions_caches) ? data.actions_caches : []
    for (const item of raw) {
      const entry = cacheEntry(item)
      // Entries created while listing shift later pages: an id seen twice is one entry.
      if (entry === null || seen.has(entry.id)) continue
      seen.add(entry.id)
      if (inScope(entry, scope)) matching.push(entry)
    }
    if (raw.length < PER_PAGE) return { listed: seen.size, matching }
  }
}

function cacheEntry(item: unknown): CacheEntry | null {
  if (typeof item !== 'object' || item === null) return null
  const { id, key, ref, size_in_bytes: size } = item as Record<string, unknown>
  // An entry without an id cannot be deleted, and one without key or ref cannot be matched.
  if (typeof id !== 'number' || typeof key !== 'string' || typeof ref !== 'string') return null
  return { id, key, ref, sizeInBytes: typeof size === 'number' && size >= 0 ? size : 0 }
}

async function octokit(token: string, baseUrl: string | undefined): Promise<Octokit> {
  // Imported on use: loading @actions/github reads the event file and env, which the CLI never needs.
  const { getOctokit } = await import('@actions/github')
  return getOctokit(token, baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {})
}

/** One bounded, rate-limit-aware request at a time, sharing one wait budget. */
class Api {
  private waitLeft: number
  private readonly timeoutMs: number
  private readonly redact: (s: string) => string
  private readonly where: string

  constructor(
    target: ActionsCacheTarget,
    private readonly io: Io
  ) {
    this.waitLeft = target.maxWaitMs ?? DEFAULT_MAX_WAIT_MS
    this.timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.redact = redactor([target.token])
    this.where = `${target.owner}/${target.repo}`
  }

  async call<T>(what: string, send: (signal: AbortSignal) => Promise<{ data: T }>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const signal = AbortSignal.timeout(this.timeoutMs)
      try {
        return (await send(signal)).data
      } catch (e) {
        if (signal.aborted) {
          throw new ActionsCacheError(
            `GitHub Actions cache of ${this.where}: ${what}: no answer within ${seconds(this.timeoutMs)}`
          )
        }
        const status = httpStatus(e)
        const reason = this.reason(e)
        const limit = rateLimit(e, status, reason)
        const retryable = limit !== null || (status !== undefined && status >= 502 && status <= 504)
        const wait = limit?.waitMs ?? 1000 * attempt
        if (retryable && attempt < MAX_ATTEMPTS && wait <= this.waitLeft) {
          this.waitLeft -= wait
          this.io.progress(
            `${what}: HTTP ${status} (${limit ? 'rate limited' : reason}); retrying in ${seconds(wait)}`
          )
          await (this.io.sleep ?? sleep)(wait)
          continue
        }
        throw new ActionsCacheError(this.failure(what, status, reason, limit, attempt), status)
      }
    }
  }

  private reason(e: unknown): string {
    const text = e instanceof Error ? e.message : String(e)
    return visible(this.redact(text).replace(/\s+/g, ' ').trim())
  }

  private failure(
    what: string,
    status: number | undefined,
    reason: string,
    limit: RateLimit | null,
    attempts: number
  ): string {
    const head = `GitHub Actions cache of ${this.where}: ${what}: ${status === undefined ? '' : `HTTP ${status}: `}${reason}`
    if (limit !== null) {
      return limit.resetAt !== null
        ? `${head}: rate limited until ${limit.resetAt.toISOString().replace(/\.\d+Z$/, 'Z')} (in ${seconds(limit.waitMs)}): run the clear again after it`
        : `${head}: rate limited (retry after ${seconds(limit.waitMs)}), still after ${attempts} tries: run the clear again later`
    }
    if (status === 403) {
      return `${head}: the token may not delete Actions caches here: give the job \`permissions: actions: write\``
    }
    if (status === 404) {
      return `${head}: no such repository or cache, or the token cannot see it`
    }
    return head
  }
}

interface RateLimit {
  waitMs: number
  resetAt: Date | null
}

/**
 * A 429, or a 403 that GitHub marks as a rate limit: `retry-after` (secondary limits), or
 * `x-ratelimit-remaining: 0` with `x-ratelimit-reset` (the hourly budget). A 403 without these
 * is a permission error.
 */
export function rateLimit(
  e: unknown,
  status: number | undefined,
  reason: string,
  now = Date.now()
): RateLimit | null {
  if (status !== 403 && status !== 429) return null
  const headers = responseHeaders(e)
  const retryAfter = Number(headers['retry-after'])
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
    return { waitMs: retryAfter * 1000, resetAt: null }
  }
  const reset = Number(headers['x-ratelimit-reset'])
  if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset)) {
    // One second past the reset: the header is whole seconds.
    const waitMs = Math.max(0, reset * 1000 - now) + 1000
    return { waitMs, resetAt: new Date(reset * 1000) }
  }
  if (status === 429 || /rate limit/i.test(reason)) {
    return { waitMs: SECONDARY_WAIT_MS, resetAt: null }
  }
  return null
}

function responseHeaders(e: unknown): Record<string, string | undefined> {
  if (typeof e !== 'object' || e === null || !('response' in e)) return {}
  const response = (e as { response?: { headers?: unknown } }).response
  const headers = response?.headers
  if (typeof headers !== 'object' || headers === null) return {}
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v === undefined ? v : String(v)])
  )
}

function httpStatus(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number')
    return e.status
  return undefined
}

function seconds(ms: number): string {
  if (ms >= 120_000) return `${Math.round(ms / 60_000)} min`
  return `${Math.round(ms / 100) / 10} s`
}

function sleep(ms: number): Promise<void> {
  return new Promise(done => setTimeout(done, ms))
}
