import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the stand-in API received. */
export interface Seen {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: Record<string, unknown> | null
}

export interface FakeApi {
  /** `http://127.0.0.1:<port>`, to pass as the API's base URL. */
  url: string
  /** Every request, in arrival order. */
  seen: Seen[]
  close: () => Promise<void>
}

/**
 * A local stand-in for the GitHub API on 127.0.0.1: records every request, then answers with the
 * status and JSON body `reply` picks for its URL (`count`: requests seen so far, this one
 * included). The real Octokit client talks to it over HTTP; nothing is mocked in between.
 */
export async function startFakeApi(
  reply: (url: string, count: number) => [status: number, body: unknown]
): Promise<FakeApi> {
  const seen: Seen[] = []
  const server: Server = createServer((req, res) => {
    let raw = ''
    req.on('data', (d: Buffer) => (raw += d.toString()))
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw ? (JSON.parse(raw) as Record<string, unknown>) : null
      })
      const [status, body] = reply(req.url ?? '', seen.length)
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>(done => server.close(() => done()))
  }
}
