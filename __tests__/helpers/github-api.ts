import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the stand-in API received. */
export interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: Record<string, unknown> | null
}

/** A status, a JSON body (none when undefined) and extra response headers. */
export type Reply = [status: number, body: unknown, headers?: Record<string, string>]

export interface FakeApi {
  /** `http://127.0.0.1:<port>`, to pass as the API's base URL. */
  url: string
  /** Every request, in arrival order. */
  seen: Seen[]
  close: () => Promise<void>
}

/**
 * A local stand-in for the GitHub API on 127.0.0.1: records every request, then answers with the
 * status, JSON body and headers `reply` picks for it (`count`: requests seen so far, this one
 * included; a promise delays the answer). The real Octokit client talks to it over HTTP; nothing
 * is mocked in between.
 */
export async function startFakeApi(
  reply: (url: string, count: number, req: Seen) => Reply | Promise<Reply>
): Promise<FakeApi> {
  const seen: Seen[] = []
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.on('data', (d: Buffer) => (raw += d.toString()))
    req.on('end', () => {
      const request: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null
      }
      seen.push(request)
      void Promise.resolve(reply(request.url, seen.length, request)).then(
        ([status, body, headers]) => {
          if (res.destroyed) return
          if (body === undefined) {
            res.writeHead(status, headers ?? {})
            res.end()
            return
          }
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
          res.end(JSON.stringify(body))
        }
      )
    })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>(done => {
        // A reply held back on purpose (a timeout test) must not keep the server open.
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}

/** An Actions cache entry as `GET /repos/{owner}/{repo}/actions/caches` lists it. */
export interface ApiCacheEntry {
  id: number
  key: string
  ref: string
  version: string
  size_in_bytes: number
  last_accessed_at: string
  created_at: string
}

export interface CachesApiOptions {
  /** owner/repo the store belongs to; other repositories get 404. */
  repository: string
  /** Answer every listing unfiltered, as a server without the `key`/`ref` filters would. */
  ignoreFilters?: boolean
  /** Checked before the store: a reply here (a 403, a rate limit, a delay) replaces its answer. */
  fault?: (req: Seen, count: number) => Reply | Promise<Reply> | null
}

/**
 * A stateful stand-in for the Actions cache endpoints, with GitHub's documented semantics:
 * `key` is a prefix match, `ref` an exact match, newest access first, `per_page` (at most 100)
 * and `page`, `total_count` of the filtered list and a `link` header; DELETE by id answers 204,
 * or 404 for an id that is not (or no longer) there. `entries` is the live store.
 */
export function cachesApi(
  entries: ApiCacheEntry[],
  opts: CachesApiOptions
): (url: string, count: number, req: Seen) => Reply | Promise<Reply> {
  const base = `/repos/${opts.repository}/actions/caches`
  return (url, count, req) => {
    const fault = opts.fault?.(req, count) ?? null
    if (fault !== null) return fault
    const u = new URL(url, 'http://stand-in')
    if (req.method === 'GET' && u.pathname === base) {
      const key = opts.ignoreFilters ? null : u.searchParams.get('key')
      const ref = opts.ignoreFilters ? null : u.searchParams.get('ref')
      const perPage = Math.min(100, Number(u.searchParams.get('per_page') ?? 30))
      const page = Math.max(1, Number(u.searchParams.get('page') ?? 1))
      const list = entries
        .filter(e => (key === null || e.key.startsWith(key)) && (ref === null || e.ref === ref))
        .sort((a, b) => b.last_accessed_at.localeCompare(a.last_accessed_at) || b.id - a.id)
      const last = Math.max(1, Math.ceil(list.length / perPage))
      const link = (p: number, rel: string): string => {
        const next = new URL(u)
        next.searchParams.set('page', String(p))
        return `<${next.pathname}${next.search}>; rel="${rel}"`
      }
      const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : [])]
      return [
        200,
        {
          total_count: list.length,
          actions_caches: list.slice((page - 1) * perPage, page * perPage)
        },
        links.length > 0 ? { link: links.join(', ') } : {}
      ]
    }
    const del = new RegExp(`^${base}/(\\d+)$`).exec(u.pathname)
    if (req.method === 'DELETE' && del) {
      const i = entries.findIndex(e => e.id === Number(del[1]))
      if (i < 0) return [404, { message: 'Not Found' }]
      entries.splice(i, 1)
      return [204, undefined]
    }
    return [404, { message: 'Not Found' }]
  }
}
