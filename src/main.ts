import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { getInputs, insideWorkspace, toGuardOptions, type Inputs } from './action/inputs.js'
import type { Judgement } from './model.js'
import { errorMessage } from './pipeline/errors.js'
import { hashContext, hashReport } from './pipeline/hash.js'
import { runGuard, type GuardResult } from './pipeline/guard.js'
import { runClear } from './pipeline/clear.js'
import {
  annotationsFor,
  emitAnnotations,
  headSha,
  humanBytes,
  postCommitStatus,
  repoRelative,
  runUrl,
  writeJobSummary
} from './report/index.js'

/** The action: read and validate every input, run the core, report, then fail on stale. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let inputs: Inputs | null = null
  try {
    inputs = getInputs(core)
    if (inputs['github-token']) core.setSecret(inputs['github-token'])
    const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd())
    const progress = (line: string): void => core.info(line)

    if (inputs.mode === 'hash') {
      const context = insideWorkspace(workspace, inputs.context, 'context')
      const file = inputs.file
        ? insideWorkspace(workspace, inputs.file, 'file')
        : resolve(context, 'Dockerfile')
      const doc = hashReport(await hashContext({ context, file, buildArgs: {} }))
      core.setOutput('verdict', 'hashed')
      core.setOutput('context-hash', doc.contextHash)
      core.setOutput('report', JSON.stringify(doc))
      core.info(`context hash ${doc.contextHash} (${doc.files.length} entries)`)
      return
    }

    if (inputs.mode === 'clear') {
      const context = insideWorkspace(workspace, inputs.context, 'context')
      const file = inputs.file
        ? insideWorkspace(workspace, inputs.file, 'file')
        : resolve(context, 'Dockerfile')
      const report = await core.group('clearing the builder cache', () =>
        runClear(
          {
            root: workspace,
            context,
            file,
            ...(inputs?.target ? { target: inputs.target } : {}),
            state: inputs?.['state-file'] ? resolve(workspace, inputs['state-file']) : null,
            all: inputs?.['clear-all'] ?? false,
            paths: inputs?.['clear-paths'] ?? [],
            filters: [],
            docker: env.DOCKER_PATH ?? 'docker'
          },
          { progress, env }
        )
      )
      core.setOutput('verdict', 'cleared')
      core.setOutput('pruned', JSON.stringify(report.pruned))
      core.setOutput('report', JSON.stringify(report))
      for (const w of report.warnings) core.warning(w)
      await core.summary
        .addHeading('fresh-build: cache cleared', 2)
        .addTable([
          [
            { data: 'reclaimed', header: true },
            { data: 'removed paths', header: true },
            { data: 'record reset', header: true }
          ],
          [
            humanBytes(report.reclaimedBytes),
            String(report.removedPaths.length),
            report.recordReset ? 'yes' : 'no record'
          ]
        ])
        .addRaw('Volumes, containers and images were not touched.', true)
        .write()
      return
    }

    const options = toGuardOptions(inputs, workspace, env)
    const sha = headSha({
      eventName: env.GITHUB_EVENT_NAME ?? '',
      sha: env.GITHUB_SHA ?? '',
      payload: readEvent(env)
    })
    options.commit ??= sha || null
    const secrets = options.secretArgs.map(n => options.buildArgs[n] ?? '').filter(v => v !== '')
    for (const s of secrets) core.setSecret(s)

    const compose = inputs['compose-file']
      ? {
          file: insideWorkspace(workspace, inputs['compose-file'], 'compose-file'),
          services: inputs.services
        }
      : null
    const mode = inputs.mode
    const results = await core.group(`fresh-build ${mode}`, () =>
      runGuard(mode, options, compose, { progress, env, cwd: workspace })
    )
    await report(results, inputs, workspace, secrets, env, sha)
    const stale = results.filter(r => r.judgement.verdict === 'stale')
    if (stale.length > 0) {
      core.setFailed(
        `stale build: ${stale.map(r => `${r.service ? `${r.service}: ` : ''}${r.judgement.causes[0] ?? 'cached layers hold old bytes'}`).join('; ')}`
      )
    }
  } catch (e) {
    const message = errorMessage(e)
    if (inputs?.['commit-status'] && inputs.mode !== 'clear' && inputs.mode !== 'hash') {
      await postStatus(inputs, env, 'error', `error: ${message}`).catch(() => undefined)
    }
    core.setFailed(message)
  }
}

/** Outputs, summary, annotations and the PR status, all written before the step may fail. */
async function report(
  results: GuardResult[],
  inputs: Inputs,
  workspace: string,
  secrets: string[],
  env: NodeJS.ProcessEnv,
  sha: string
): Promise<void> {
  const js = results.map(r => r.judgement)
  const worst = pickWorst(js)
  core.setOutput('verdict', worst.verdict)
  core.setOutput('context-hash', worst.contextHash)
  core.setOutput('previous-hash', worst.previousHash ?? '')
  core.setOutput('changed-files', [...new Set(js.flatMap(j => j.changedFiles))].join('\n'))
  core.setOutput('pruned', JSON.stringify(worst.pruned))
  core.setOutput('image-id', worst.imageId ?? '')
  core.setOutput(
    'report',
    JSON.stringify(
      results.length === 1 && results[0]?.service === null
        ? worst
        : results.map(r => ({ service: r.service, ...r.judgement }))
    )
  )
  for (const r of results) {
    const file = repoRelative(r.dockerfile, workspace)
    emitAnnotations(core, annotationsFor(r.judgement, file, { secrets, endLines: r.endLines }))
    await writeJobSummary(core.summary, r.judgement, {
      ...(r.service ? { title: r.service } : {}),
      dockerfile: file,
      tags: inputs.tags,
      commit: sha || null,
      secrets
    })
  }
  if (inputs['commit-status']) {
    const outcome = worst.verdict
    const warning = await postStatus(inputs, env, outcome, undefined, sha)
    if (warning) core.warning(warning)
  }
}

function pickWorst(js: Judgement[]): Judgement {
  const rank = { stale: 3, fresh: 2, baseline: 1, unchanged: 0 } as const
  return js.reduce((a, b) => (rank[b.verdict] > rank[a.verdict] ? b : a))
}

async function postStatus(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  verdict: Judgement['verdict'] | 'error',
  description?: string,
  sha?: string
): Promise<string | null> {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const head =
    sha ??
    headSha({
      eventName: env.GITHUB_EVENT_NAME ?? '',
      sha: env.GITHUB_SHA ?? '',
      payload: readEvent(env)
    })
  return postCommitStatus({
    token: inputs['github-token'],
    owner: owner ?? '',
    repo: repo ?? '',
    sha: head,
    verdict,
    ...(description ? { description } : {}),
    targetUrl: runUrl(env),
    env
  })
}

function readEvent(env: NodeJS.ProcessEnv): { pull_request?: unknown } {
  if (!env.GITHUB_EVENT_PATH) return {}
  try {
    return JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: unknown }
  } catch {
    return {}
  }
}
