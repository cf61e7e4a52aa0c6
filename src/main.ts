import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { EOL } from 'node:os'
import { resolve } from 'node:path'
import {
  getInputs,
  OUTPUT_NAMES,
  planRun,
  secretValues,
  type ActionPlan,
  type InputSource,
  type Inputs,
  type Outputs,
  type StatusTarget
} from './action/inputs.js'
import type { Judgement } from './model.js'
import { runClear, type ClearReport } from './pipeline/clear.js'
import { describeScope, type ActionsCacheReport } from './github/caches.js'
import { errorMessage, UsageError } from './pipeline/errors.js'
import { daemonOnBuild, hashContext, hashReport } from './pipeline/hash.js'
import { reportDocument, runGuard } from './pipeline/guard.js'
import {
  annotationsFor,
  emitAnnotations,
  escapeHtml,
  headSha,
  humanBytes,
  postCommitStatus,
  repoRelative,
  runUrl,
  statusDescription,
  visible,
  writeJobSummary,
  type StatusOutcome
} from './report/index.js'

/**
 * The action: read and validate every input and path, run the core, then write outputs, the job
 * summary, annotations and the commit status, and only then fail a stale run.
 */
export async function run(
  env: NodeJS.ProcessEnv = process.env,
  source: InputSource = core
): Promise<void> {
  let status: StatusTarget | null = null
  let secrets: string[] = []
  try {
    const inputs = getInputs(source)
    secrets = secretValues(inputs)
    for (const s of secrets) core.setSecret(s)
    const sha = headSha({
      eventName: env.GITHUB_EVENT_NAME ?? '',
      sha: env.GITHUB_SHA ?? '',
      payload: readEvent(env)
    })
    const url = runUrl(env)
    const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd())
    const { plan, warnings } = await planRun(inputs, {
      workspace,
      env,
      headSha: sha,
      ...(url ? { runUrl: url } : {})
    })
    for (const w of warnings) core.warning(w)

    if (plan.mode === 'hash') return await hashMode(plan)
    if (plan.mode === 'clear') return await clearMode(plan, env)
    status = plan.status
    await guardMode(plan, inputs, workspace, env, secrets)
  } catch (e) {
    const message = errorMessage(e)
    if (!(e instanceof UsageError) && e instanceof Error && e.stack) core.debug(e.stack)
    if (status) await post(status, 'error', secrets, env, `error: ${message}`).catch(() => null)
    core.setFailed(message)
  }
}

/** Every output of action.yml, empty where the mode has no value: later steps need not ask. */
function writeOutputs(values: Partial<Outputs>): void {
  for (const name of OUTPUT_NAMES) core.setOutput(name, values[name] ?? '')
}

async function hashMode(plan: Extract<ActionPlan, { mode: 'hash' }>): Promise<void> {
  const doc = hashReport(await hashContext({ ...plan, onBuild: daemonOnBuild(process.env) }))
  writeOutputs({ verdict: 'hashed', 'context-hash': doc.contextHash, report: JSON.stringify(doc) })
  core.info(`context hash ${doc.contextHash} (${doc.files.length} entries)`)
  await core.summary
    .addRaw(
      `<h2>fresh-build: context hashed</h2>\n\n<p><code>${doc.contextHash}</code> over ${doc.files.length} entries, ${doc.steps.length} context steps</p>`,
      true
    )
    .write()
}

async function clearMode(
  plan: Extract<ActionPlan, { mode: 'clear' }>,
  env: NodeJS.ProcessEnv
): Promise<void> {
  // Its lines name the user's paths: a folder called `::add-mask::x` must stay text.
  const report = await quietGroup('clearing the builder cache', () =>
    runClear(plan.clear, { progress: line => core.info(line), env })
  )
  const gha = report.actionsCache
  writeOutputs({
    verdict: 'cleared',
    pruned: JSON.stringify(report.pruned),
    ...(gha
      ? {
          'gha-cache-deleted': String(gha.deleted.length),
          'gha-cache-deleted-bytes': String(gha.deletedBytes)
        }
      : {}),
    report: JSON.stringify(report)
  })
  if (gha) core.info(actionsCacheLine(gha))
  for (const w of report.warnings) core.warning(w)
  await core.summary.addRaw(clearSummary(report), true).write()
}

/** `GitHub Actions cache of o/r (key prefix "x"): 3 entries deleted, 1.20 MB (1200000 bytes)`. */
export function actionsCacheLine(gha: ActionsCacheReport): string {
  const gone = gha.alreadyGone > 0 ? `, ${gha.alreadyGone} already gone` : ''
  return (
    `GitHub Actions cache of ${gha.repository} (${describeScope(gha)}): ` +
    `${gha.deleted.length} ${gha.deleted.length === 1 ? 'entry' : 'entries'} deleted, ` +
    `${humanBytes(gha.deletedBytes)} (${gha.deletedBytes} bytes)${gone}`
  )
}

/** The clear's job summary: what was freed and removed, and what was left alone. */
export function clearSummary(report: ClearReport): string {
  const code = (s: string): string => `<code>${escapeHtml(s)}</code>`
  const list = (items: string[]): string => (items.length > 0 ? items.map(code).join(', ') : 'none')
  return [
    '<h2>🧹 fresh-build: cache cleared</h2>',
    [
      '<table>',
      `<tr><th>Reclaimed</th><td>${humanBytes(report.reclaimedBytes)} (${report.reclaimedBytes} bytes)</td></tr>`,
      `<tr><th>Removed paths</th><td>${list(report.removedPaths)}</td></tr>`,
      ...(report.missingPaths.length > 0
        ? [`<tr><th>Not present</th><td>${list(report.missingPaths)}</td></tr>`]
        : []),
      `<tr><th>Record</th><td>${report.recordReset ? 'reset' : 'none to reset'}: ${code(report.statePath)}</td></tr>`,
      ...(report.actionsCache ? [actionsCacheRow(report.actionsCache)] : []),
      '</table>'
    ].join('\n'),
    '<p>Volumes, containers and images were not touched.</p>',
    ...(report.warnings.length > 0
      ? [`<ul>\n${report.warnings.map(w => `<li>${escapeHtml(w)}</li>`).join('\n')}\n</ul>`]
      : [])
  ].join('\n\n')
}

/** The summary's row for the Actions cache: the line, and the deleted keys (the first 50). */
function actionsCacheRow(gha: ActionsCacheReport): string {
  const keys = gha.deleted
    .slice(0, 50)
    .map(e => `<li><code>${escapeHtml(visible(e.key))}</code> ${escapeHtml(visible(e.ref))}</li>`)
  const more = gha.deleted.length > 50 ? [`<li>and ${gha.deleted.length - 50} more</li>`] : []
  const list =
    gha.deleted.length > 0
      ? `<details><summary>Deleted keys</summary><ul>${[...keys, ...more].join('')}</ul></details>`
      : ''
  return `<tr><th>GitHub Actions cache</th><td>${escapeHtml(actionsCacheLine(gha))}${list}</td></tr>`
}

async function guardMode(
  plan: Extract<ActionPlan, { mode: 'build' | 'check' }>,
  inputs: Inputs,
  workspace: string,
  env: NodeJS.ProcessEnv,
  secrets: string[]
): Promise<void> {
  const failures: string[] = []
  // A pending status shows the PR a build is under way; a token that cannot post fails here,
  // before the build, rather than after minutes of it.
  let statusWarning: string | null = null
  if (plan.status && plan.mode === 'build') {
    statusWarning = await post(plan.status, 'pending', secrets, env)
  }

  const results = await quietGroup(`fresh-build ${plan.mode}`, () =>
    runGuard(plan.mode, plan.guard, plan.compose, {
      progress: line => core.info(line),
      env,
      cwd: workspace
    })
  )

  const js = results.map(r => r.judgement)
  const worst = pickWorst(js)
  writeOutputs({
    verdict: worst.verdict,
    'context-hash': worst.contextHash,
    'previous-hash': worst.previousHash ?? '',
    'changed-files': [...new Set(js.flatMap(j => j.changedFiles))].join('\n'),
    pruned: JSON.stringify(worst.pruned),
    'image-id': worst.imageId ?? '',
    report: JSON.stringify(reportDocument(results))
  })
  for (const r of results) {
    const file = repoRelative(r.dockerfile, workspace)
    emitAnnotations(core, annotationsFor(r.judgement, file, { secrets, endLines: r.endLines }))
    await writeJobSummary(core.summary, r.judgement, {
      ...(r.service ? { title: r.service } : {}),
      dockerfile: file,
      tags: inputs.tags,
      commit: plan.guard.commit,
      secrets
    })
  }

  if (plan.status) {
    try {
      // A 403 on pending (a fork's read-only token) will be a 403 again: say it once.
      statusWarning ??= await post(
        plan.status,
        worst.verdict,
        secrets,
        env,
        statusDescription(worst)
      )
      if (statusWarning) core.warning(statusWarning)
    } catch (e) {
      failures.push(errorMessage(e))
    }
  }

  const stale = results.filter(r => r.judgement.verdict === 'stale')
  if (stale.length > 0) {
    const why = stale.map(
      r =>
        `${r.service ? `${r.service}: ` : ''}${r.judgement.causes[0] ?? 'cached layers hold old bytes'}`
    )
    failures.unshift(`stale build: ${why.join('; ')}`)
  }
  if (failures.length > 0) core.setFailed(failures.join('; '))
}

/**
 * A log group in which workflow commands are off: the build log carries output of the user's
 * RUN steps, and a line such as `::add-mask::` or `::error::` there must stay text.
 */
async function quietGroup<T>(title: string, fn: () => Promise<T>): Promise<T> {
  const token = randomUUID()
  core.startGroup(title)
  process.stdout.write(`::stop-commands::${token}${EOL}`)
  try {
    return await fn()
  } finally {
    process.stdout.write(`::${token}::${EOL}`)
    core.endGroup()
  }
}

function pickWorst(js: Judgement[]): Judgement {
  const rank = { stale: 3, fresh: 2, baseline: 1, unchanged: 0 } as const
  return js.reduce((a, b) => (rank[b.verdict] > rank[a.verdict] ? b : a))
}

/** Posts the status; null when posted, a warning when the token may not (a fork's PR). */
function post(
  target: StatusTarget,
  outcome: StatusOutcome,
  secrets: string[],
  env: NodeJS.ProcessEnv,
  description?: string
): Promise<string | null> {
  return postCommitStatus({
    ...target,
    verdict: outcome,
    secrets,
    env,
    ...(description ? { description } : {})
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
