import { NamedError, thrownMessage } from '../util/index.js'
import type { Judgement, Verdict } from '../model.js'
import { verdictExplanation } from './facts.js'
import { redactor, truncate, visible } from './text-safety.js'

/** What the status reports: a verdict, an error before one was reached, or "build running". */
export type StatusOutcome = Verdict | 'error' | 'pending'
export type StatusState = 'error' | 'failure' | 'pending' | 'success'

export interface StatusInput {
  owner: string
  repo: string
  sha: string
  verdict: StatusOutcome
  /** One line; defaults to the verdict. Clipped to GitHub's 140 characters. */
  description?: string
  /** Usually runUrl(process.env). */
  targetUrl?: string
  /** The check's name on the PR (default `fresh-build`). */
  context?: string
  secrets?: readonly string[]
}

/**
 * The body of `POST /repos/{owner}/{repo}/statuses/{sha}`, with its path parameters. (A type
 * alias, not an interface, so it fits Octokit's index-signature parameter type.)
 */
export type StatusPayload = {
  owner: string
  repo: string
  sha: string
  state: StatusState
  description: string
  context: string
  target_url?: string
}

/** The slice of an Octokit client used here. */
export interface StatusClient {
  rest: { repos: { createCommitStatus(params: StatusPayload): Promise<unknown> } }
}

export interface PostStatusOptions extends StatusInput {
  token: string
  /** REST API root; defaults to $GITHUB_API_URL, then https://api.github.com (GHES-ready). */
  baseUrl?: string
  env?: Record<string, string | undefined>
  /** For tests; by default the real client from `@actions/github`'s getOctokit. */
  client?: StatusClient
}

/** The commit status cannot be posted for a reason the caller must handle (not a fork's 403/404). */
export class StatusError extends NamedError {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
  }
}

const MAX_DESCRIPTION = 140

/** Only `stale` fails the check; an error is GitHub's `error`; the rest pass. */
export function statusState(outcome: StatusOutcome): StatusState {
  switch (outcome) {
    case 'stale':
      return 'failure'
    case 'error':
      return 'error'
    case 'pending':
      return 'pending'
    default:
      return 'success'
  }
}

const DEFAULT_DESCRIPTION: Record<StatusOutcome, string> = {
  baseline: 'baseline: first guarded build, now the reference',
  unchanged: 'unchanged: context matches the last good build',
  fresh: 'fresh: the image holds the committed code',
  stale: 'stale: a cached layer holds old bytes',
  error: 'error: the freshness check could not finish',
  pending: 'building and checking freshness...'
}

/** A verdict line for the status, e.g. `stale: 1 step holds old bytes, first builder step 3 (line 4)`. */
export function statusDescription(j: Judgement): string {
  return clipDescription(`${j.verdict}: ${verdictExplanation(j)}`)
}

/** One line (whitespace and control chars collapsed), at most 140 characters. */
export function clipDescription(text: string, redact: (s: string) => string = s => s): string {
  return truncate(visible(redact(text).replace(/\s+/g, ' ').trim()), MAX_DESCRIPTION)
}

/** Pure: the request for a commit status. */
export function statusPayload(input: StatusInput): StatusPayload {
  for (const key of ['owner', 'repo', 'sha'] as const) {
    if (!input[key]) throw new StatusError(`commit status: ${key} is empty`)
  }
  const redact = redactor(input.secrets)
  const payload: StatusPayload = {
    owner: input.owner,
    repo: input.repo,
    sha: input.sha,
    state: statusState(input.verdict),
    description: clipDescription(input.description ?? DEFAULT_DESCRIPTION[input.verdict], redact),
    context: input.context ?? 'fresh-build'
  }
  if (input.targetUrl) payload.target_url = input.targetUrl
  return payload
}

/**
 * Posts the commit status. Returns null when posted, or a warning line when GitHub refused with
 * 403/404: a pull request from a fork runs with a read-only token, which must not fail the build.
 * Any other failure throws StatusError with a one-line message.
 */
export async function postCommitStatus(opts: PostStatusOptions): Promise<string | null> {
  const payload = statusPayload({ ...opts, secrets: [...(opts.secrets ?? []), opts.token] })
  const env = opts.env ?? process.env
  const timeoutMs = apiTimeoutMs(env)
  const baseUrl = opts.baseUrl ?? env.GITHUB_API_URL
  // The request is aborted at the deadline (the socket closed), not only abandoned.
  const abort = new AbortController()
  const client = opts.client ?? (await defaultClient(opts.token, baseUrl, abort.signal))
  const where = `${payload.owner}/${payload.repo}@${payload.sha.slice(0, 12)}`
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort()
      reject(
        new StatusError(
          `cannot post the commit status to ${where}: the GitHub API (${baseUrl || 'https://api.github.com'}) did not answer within ${timeoutMs / 1000}s`
        )
      )
    }, timeoutMs)
  })
  try {
    await Promise.race([client.rest.repos.createCommitStatus(payload), deadline])
    return null
  } catch (e) {
    if (e instanceof StatusError) throw e
    const status = httpStatus(e)
    const redact = redactor([opts.token, ...(opts.secrets ?? [])])
    const reason = redact(thrownMessage(e)).replace(/\s+/g, ' ').trim()
    if (status === 403 || status === 404) {
      return (
        `commit status not posted to ${where} (HTTP ${status}: ${reason}); ` +
        'the token cannot write statuses here (a fork pull request gets a read-only token; ' +
        'grant `statuses: write` or turn commit-status off)'
      )
    }
    throw new StatusError(
      `cannot post the commit status to ${where}: ${status === undefined ? '' : `HTTP ${status}: `}${reason}`,
      status
    )
  } finally {
    clearTimeout(timer)
  }
}

/** How long a GitHub API call may take (default 30 s; FRESH_BUILD_API_TIMEOUT seconds). */
export function apiTimeoutMs(env: Record<string, string | undefined>): number {
  const raw = env.FRESH_BUILD_API_TIMEOUT
  if (raw === undefined || raw.trim() === '') return 30_000
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) {
    throw new StatusError(`FRESH_BUILD_API_TIMEOUT: "${raw}" is not a positive number of seconds`)
  }
  return n * 1000
}

async function defaultClient(
  token: string,
  baseUrl: string | undefined,
  signal: AbortSignal
): Promise<StatusClient> {
  // Imported on use: loading @actions/github reads the event file and env, which the CLI never needs.
  const { getOctokit } = await import('@actions/github')
  return getOctokit(token, {
    ...(baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, '') } : {}),
    request: { signal }
  })
}

function httpStatus(e: unknown): number | undefined {
  if (typeof e === 'object' && e !== null && 'status' in e && typeof e.status === 'number')
    return e.status
  return undefined
}

/** The run's page, where the summary is: `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`. */
export function runUrl(env: Record<string, string | undefined>): string | undefined {
  const repo = env.GITHUB_REPOSITORY
  const runId = env.GITHUB_RUN_ID
  if (!repo || !runId) return undefined
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  return `${server}/${repo}/actions/runs/${runId}`
}

/** The structural part of `@actions/github`'s context that headSha reads. */
export interface ShaContext {
  eventName: string
  sha: string
  payload: { pull_request?: unknown }
}

const PR_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

/**
 * The commit a status belongs on. For pull_request events GITHUB_SHA is the merge commit GitHub
 * made, which the PR page never shows; the status must go on the PR's head commit.
 */
export function headSha(context: ShaContext): string {
  if (PR_EVENTS.has(context.eventName)) {
    const pr = context.payload.pull_request
    if (typeof pr === 'object' && pr !== null && 'head' in pr) {
      const head: unknown = pr.head
      if (
        typeof head === 'object' &&
        head !== null &&
        'sha' in head &&
        typeof head.sha === 'string' &&
        head.sha
      ) {
        return head.sha
      }
    }
  }
  return context.sha
}
