/**
 * The real Octokit client from @actions/github against a local stand-in for the GitHub API on
 * 127.0.0.1: no network, nothing mocked between our code and the HTTP request.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { postCommitStatus, StatusError } from '../../../src/report/status.js'
import { startFakeApi, type FakeApi, type Seen } from '../../helpers/github-api.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const TOKEN = 'ghs_integrationTestToken123'
let fake: FakeApi

const REPLIES: Record<string, [number, unknown]> = {
  web: [201, { id: 1, state: 'success', context: 'fresh-build' }],
  fork: [
    403,
    {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest'
    }
  ],
  gone: [404, { message: 'Not Found' }],
  broken: [500, { message: 'Server Error' }]
}

beforeAll(async () => {
  // A proxy from the environment would route 127.0.0.1 elsewhere. @actions/github picks its proxy
  // when first imported (on the first post), so clearing it here is in time.
  for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'])
    Reflect.deleteProperty(process.env, k)
  fake = await startFakeApi(url => {
    const repo = /\/repos\/acme\/([^/]+)\/statuses\//.exec(url)?.[1] ?? ''
    return REPLIES[repo] ?? [400, { message: 'unexpected path' }]
  })
})

afterAll(async () => {
  await fake.close()
})

function last(): Seen {
  const s = fake.seen.at(-1)
  if (!s) throw new Error('the server saw no request')
  return s
}

describe('postCommitStatus through the real Octokit client', () => {
  test('POSTs the status with the token, state, description, run URL and context', async () => {
    const warning = await postCommitStatus({
      token: TOKEN,
      baseUrl: fake.url,
      owner: 'acme',
      repo: 'web',
      sha: SHA,
      verdict: 'stale',
      description: 'stale: 1 step holds old bytes, first builder step 4 (line 4)',
      targetUrl: 'https://github.com/acme/web/actions/runs/42'
    })
    expect(warning).toBeNull()
    const req = last()
    expect(req.method).toBe('POST')
    expect(req.url).toBe(`/repos/acme/web/statuses/${SHA}`)
    expect(req.headers.authorization).toBe(`token ${TOKEN}`)
    expect(req.headers['content-type']).toMatch(/^application\/json/)
    expect(req.body).toEqual({
      state: 'failure',
      description: 'stale: 1 step holds old bytes, first builder step 4 (line 4)',
      target_url: 'https://github.com/acme/web/actions/runs/42',
      context: 'fresh-build'
    })
  }, 15000)

  test('follows $GITHUB_API_URL, including a GHES /api/v3 prefix, when no baseUrl is given', async () => {
    const warning = await postCommitStatus({
      token: TOKEN,
      env: { GITHUB_API_URL: `${fake.url}/api/v3/` },
      owner: 'acme',
      repo: 'web',
      sha: SHA,
      verdict: 'pending'
    })
    expect(warning).toBeNull()
    expect(last().url).toBe(`/api/v3/repos/acme/web/statuses/${SHA}`)
    expect(last().body).toMatchObject({ state: 'pending', context: 'fresh-build' })
  }, 15000)

  test.each([
    ['fork', 403, /HTTP 403: Resource not accessible by integration/],
    ['gone', 404, /HTTP 404: Not Found/]
  ])(
    'returns a warning, not an error, when GitHub answers %s with %d',
    async (repo, _status, reason) => {
      const before = fake.seen.length
      const warning = await postCommitStatus({
        token: TOKEN,
        baseUrl: fake.url,
        owner: 'acme',
        repo,
        sha: SHA,
        verdict: 'fresh'
      })
      expect(fake.seen.length).toBe(before + 1)
      expect(warning).toMatch(new RegExp(`^commit status not posted to acme/${repo}@0123456789ab`))
      expect(warning).toMatch(reason)
      expect(warning).not.toContain(TOKEN)
    },
    15000
  )

  test('throws a one-line StatusError on a server error', async () => {
    const err = await postCommitStatus({
      token: TOKEN,
      baseUrl: fake.url,
      owner: 'acme',
      repo: 'broken',
      sha: SHA,
      verdict: 'fresh'
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StatusError)
    expect((err as StatusError).status).toBe(500)
    expect((err as Error).message).toMatch(
      /^cannot post the commit status to acme\/broken@0123456789ab: HTTP 500/
    )
    expect((err as Error).message).not.toContain('\n')
  }, 15000)
})
