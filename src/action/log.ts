/**
 * How the action's run reads in the GitHub log and summary: one collapsible group per phase
 * (workflow commands paused inside, since build output is the user's text), the verdict as one
 * line outside every group, a job summary also when the run fails (what failed, in which phase)
 * unless turned off, and the `metadata` output.
 */
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { EOL } from 'node:os'
import type { Judgement } from '../model.js'
import type { Phase } from '../pipeline/index.js'
import { escapeHtml, redactor, truncate, verdictExplanation, visible } from '../report/index.js'

/**
 * Groups by phase. Inside a group workflow commands are stopped (a build log line such as
 * `::add-mask::` must stay text); they are resumed to close the group and open the next.
 */
export class PhaseGroups {
  private token: string | null = null
  /** The phase running now, or the last one started: where an error happened. */
  current: string

  constructor(
    initial: string,
    private readonly out: (s: string) => void = s => void process.stdout.write(s)
  ) {
    this.current = initial
  }

  start(phase: Phase | string, prefix = 'fresh-build'): void {
    this.end()
    this.current = phase
    core.startGroup(`${prefix}: ${phase}`)
    this.token = randomUUID()
    this.out(`::stop-commands::${this.token}${EOL}`)
  }

  end(): void {
    if (this.token === null) return
    this.out(`::${this.token}::${EOL}`)
    this.token = null
    core.endGroup()
  }
}

/** The summary is on unless the input or FRESH_BUILD_SUMMARY says false (as DOCKER_BUILD_SUMMARY does for docker/build-push-action). */
export function summaryEnabled(input: string, env: NodeJS.ProcessEnv): boolean {
  const off = (v: string | undefined): boolean =>
    ['false', 'False', 'FALSE', '0'].includes((v ?? '').trim())
  // Without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write one.
  return !off(input) && !off(env.FRESH_BUILD_SUMMARY) && Boolean(env.GITHUB_STEP_SUMMARY)
}

/** `fresh-build: stale - 1 step holds old bytes, ...` (one line; the service first for compose). */
export function verdictLine(j: Judgement, service: string | null = null): string {
  const who = service ? `${service}: ` : ''
  return `fresh-build: ${who}${j.verdict} - ${verdictExplanation(j)}`
}

/** The job summary of a run that failed before a verdict: what failed and in which phase. */
export function errorSummary(phase: string, message: string, secrets: readonly string[]): string {
  const text = (s: string, max = 2000): string =>
    escapeHtml(truncate(visible(redactor(secrets)(s)), max))
  return [
    '<h2>💥 fresh-build: error</h2>',
    `<p>Failed in the <b>${text(phase, 60)}</b> phase; no verdict, and the record was not changed.</p>`,
    `<pre>${text(message)}</pre>`
  ].join('\n\n')
}

/**
 * The `metadata` output: docker/build-push-action's keys where there is a value for them, with
 * buildx's own metadata file (when buildx wrote one) underneath, and the guard's result. Other
 * parts of the action (a pushed digest) add their keys here.
 */
export function buildMetadata(parts: {
  imageId: string | null
  tags: readonly string[]
  verdict: string
  contextHash: string
  buildx?: Record<string, unknown> | null
  extra?: Record<string, unknown>
}): string {
  const doc: Record<string, unknown> = {
    ...(parts.buildx ?? {}),
    ...(parts.imageId ? { 'containerimage.config.digest': parts.imageId } : {}),
    ...(parts.tags.length > 0 ? { 'image.name': parts.tags.join(',') } : {}),
    'fresh-build.verdict': parts.verdict,
    'fresh-build.context-hash': parts.contextHash,
    ...(parts.extra ?? {})
  }
  return JSON.stringify(doc)
}
