import { describe, expect, test } from '@jest/globals'
import type { Judgement, StepResult } from '../../../src/model.js'
import {
  clipDescription,
  headSha,
  postCommitStatus,
  runUrl,
  statusDescription,
  statusPayload,
  statusState,
  StatusError,
  type StatusClient,
  type StatusPayload
} from '../../../src/report/status.js'

const H = (c: string): string => `sha256:${c.repeat(64)}`
const SHA = '0123456789abcdef0123456789abcdef01234567'
const base = { owner: 'acme', repo: 'web', sha: SHA }

function judgement(over: Partial<Judgement> = {}): Judgement {
  const s: StepResult = {
    stage: 'builder',
    index: 4,
    instruction: 'COPY src ./src',
    line: 4,
    changed: true,
    cached: true,
    status: 'stale',
    changedFiles: ['a'],
    staleFiles: ['a']
  }
  return {
    verdict: 'stale',
    contextHash: H('a'),
    previousHash: H('b'),
    changedFiles: ['a'],
    pruned: null,
    steps: [s],
    causes: [],
    warnings: [],
    imageId: null,
    ...over
  }
}

describe('statusState', () => {
  test.each([
    ['stale', 'failure'],
    ['error', 'error'],
    ['pending', 'pending'],
    ['fresh', 'success'],
    ['unchanged', 'success'],
    ['baseline', 'success']
  ] as const)('%s -> %s', (outcome, state) => {
    expect(statusState(outcome)).toBe(state)
  })
})

describe('statusPayload', () => {
  test('builds the request with the fresh-build context and the run URL', () => {
    expect(
      statusPayload({
        ...base,
        verdict: 'stale',
        description: 'stale: x',
        targetUrl: 'https://gh/acme/web/actions/runs/1'
      })
    ).toEqual({
      ...base,
      state: 'failure',
      description: 'stale: x',
      context: 'fresh-build',
      target_url: 'https://gh/acme/web/actions/runs/1'
    })
  })

  test('has a default description per outcome and no target_url when none is known', () => {
    const p = statusPayload({ ...base, verdict: 'pending' })
    expect(p.description).toBe('building and checking freshness...')
    expect(p).not.toHaveProperty('target_url')
  })

  test.each([
    ['a long text', 'x'.repeat(300)],
    ['many lines', 'a\nb\n'.repeat(100)],
    ['wide characters', '😀'.repeat(200)]
  ])('keeps %s to one line of at most 140 characters', (_name, description) => {
    const p = statusPayload({ ...base, verdict: 'fresh', description })
    expect([...p.description].length).toBeLessThanOrEqual(140)
    expect(p.description).not.toContain('\n')
  })

  test('redacts secrets in the description', () => {
    const p = statusPayload({
      ...base,
      verdict: 'error',
      description: 'failed with ghp_abc123',
      secrets: ['ghp_abc123']
    })
    expect(p.description).toBe('failed with ***')
  })

  test('takes a custom context name', () => {
    expect(statusPayload({ ...base, verdict: 'fresh', context: 'fresh-build / web' }).context).toBe(
      'fresh-build / web'
    )
  })

  test.each(['owner', 'repo', 'sha'] as const)('refuses an empty %s', key => {
    expect(() => statusPayload({ ...base, [key]: '', verdict: 'fresh' })).toThrow(
      `commit status: ${key} is empty`
    )
  })
})

describe('statusDescription', () => {
  test.each([
    [judgement(), 'stale: 1 step holds old bytes, first builder step 4 (line 4)'],
    [
      judgement({ verdict: 'baseline', steps: [], previousHash: null }),
      'baseline: no previous record; this build is now the reference'
    ],
    [judgement({ verdict: 'fresh', steps: [] }), 'fresh: 1 changed file; 0 context steps ran']
  ])('%#: %s', (j, want) => {
    expect(statusDescription(j)).toBe(want)
  })

  test('fits 140 characters even with a long stage name', () => {
    const j = judgement()
    const s = j.steps[0] as StepResult
    expect([...statusDescription({ ...j, steps: [{ ...s, stage: 's'.repeat(200) }] })].length).toBe(
      140
    )
  })

  test('clipDescription collapses whitespace', () => {
    expect(clipDescription('  a \n\t b  ')).toBe('a b')
  })
})

describe('runUrl', () => {
  test.each([
    [
      { GITHUB_REPOSITORY: 'acme/web', GITHUB_RUN_ID: '42' },
      'https://github.com/acme/web/actions/runs/42'
    ],
    [
      {
        GITHUB_SERVER_URL: 'https://ghe.corp/',
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_RUN_ID: '42'
      },
      'https://ghe.corp/acme/web/actions/runs/42'
    ],
    [{ GITHUB_REPOSITORY: 'acme/web' }, undefined],
    [{}, undefined]
  ])('%j -> %s', (env, want) => {
    expect(runUrl(env)).toBe(want)
  })
})

describe('headSha', () => {
  const head = 'feedfacefeedfacefeedfacefeedfacefeedface'
  test.each([
    ['pull_request', { pull_request: { head: { sha: head } } }, head],
    ['pull_request_target', { pull_request: { head: { sha: head } } }, head],
    ['pull_request_review', { pull_request: { head: { sha: head } } }, head],
    ['push', { pull_request: { head: { sha: head } } }, SHA],
    ['pull_request', {}, SHA],
    ['pull_request', { pull_request: { head: { sha: 5 } } }, SHA],
    ['pull_request', { pull_request: null }, SHA],
    ['workflow_dispatch', {}, SHA]
  ])('%s with %j -> the right commit', (eventName, payload, want) => {
    expect(headSha({ eventName, sha: SHA, payload })).toBe(want)
  })
})

describe('postCommitStatus with a fake client', () => {
  function client(fail?: unknown): { client: StatusClient; sent: StatusPayload[] } {
    const sent: StatusPayload[] = []
    return {
      sent,
      client: {
        rest: {
          repos: {
            createCommitStatus: async p => {
              sent.push(p)
              if (fail !== undefined) throw fail
              return { status: 201 }
            }
          }
        }
      }
    }
  }
  const httpError = (status: number, message: string): Error =>
    Object.assign(new Error(message), { status })

  test('posts the payload and returns null', async () => {
    const c = client()
    await expect(
      postCommitStatus({ ...base, token: 'ghs_testtoken', verdict: 'fresh', client: c.client })
    ).resolves.toBeNull()
    expect(c.sent).toEqual([statusPayload({ ...base, verdict: 'fresh' })])
  })

  test.each([403, 404])(
    'turns HTTP %d (a fork without write access) into a warning',
    async status => {
      const c = client(httpError(status, 'Resource not accessible by integration'))
      const warning = await postCommitStatus({
        ...base,
        token: 'ghs_testtoken',
        verdict: 'stale',
        client: c.client
      })
      expect(warning).toMatch(
        new RegExp(
          `^commit status not posted to acme/web@0123456789ab \\(HTTP ${status}: Resource not accessible`
        )
      )
      expect(warning).toContain('statuses: write')
    }
  )

  test.each([
    [
      'HTTP 500',
      httpError(500, 'Server Error'),
      /^cannot post the commit status to acme\/web@0123456789ab: HTTP 500: Server Error$/
    ],
    ['HTTP 422', httpError(422, 'No commit found for SHA'), /HTTP 422: No commit found/],
    ['a network error', new Error('connect ECONNREFUSED'), /: connect ECONNREFUSED$/],
    ['a thrown string', 'boom', /: boom$/]
  ])('throws a one-line StatusError on %s', async (_name, failure, message) => {
    const c = client(failure)
    const err = await postCommitStatus({
      ...base,
      token: 'ghs_testtoken',
      verdict: 'fresh',
      client: c.client
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StatusError)
    expect((err as Error).message).toMatch(message)
  })

  test('never shows the token in a warning or error', async () => {
    const token = 'ghs_verysecrettoken'
    const c = client(httpError(403, `bad credentials for ${token}`))
    const warning = await postCommitStatus({ ...base, token, verdict: 'fresh', client: c.client })
    expect(warning).not.toContain(token)
    expect(c.sent[0]?.description).not.toContain(token)
  })
})
