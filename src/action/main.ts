import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
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
} from './inputs.js'
import type { Judgement } from '../model.js'
import {
  buildSecretValues,
  type ClearReport,
  daemonOnBuild,
  errorMessage,
  hashContext,
  hashReport,
  pushMetadata,
  reportDocument,
  runClear,
  runGuard,
  UsageError
} from '../pipeline/index.js'
import { type ActionsCacheReport, describeScope } from '../github/index.js'
import {
  renderVerifyText,
  runVerify,
  staleLines,
  verifyJson,
  verifySummary
} from '../verify/index.js'
import { buildMetadata, errorSummary, PhaseGroups, summaryEnabled, verdictLine } from './log.js'
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
  type StatusOutcome,
  unplacedWarnings,
  visible,
  writeJobSummary
} from '../report/index.js'

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
  // Read before the other inputs: an input error gets its summary too.
  const summary = summaryEnabled(source.getInput('summary'), env)
  const phases = new PhaseGroups('inputs')
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
    if (plan.mode === 'build' || plan.mode === 'check') {
      // Secret files are known by path only now: their contents are masked from here on.
      const fromFiles = buildSecretValues(plan.guard.build, env).filter(v => !secrets.includes(v))
      for (const v of fromFiles) core.setSecret(v)
      secrets = [...secrets, ...fromFiles]
    }

    if (plan.mode === 'hash') return await hashMode(plan, summary)
    if (plan.mode === 'clear') return await clearMode(plan, env, summary)
    if (plan.mode === 'verify') return await verifyMode(plan, env)
    status = plan.status
    await guardMode(plan, inputs, workspace, env, secrets, phases, summary)
  } catch (e) {
    phases.end()
    const message = errorMessage(e)
    if (!(e instanceof UsageError) && e instanceof Error && e.stack) core.debug(e.stack)
    if (status) await post(status, 'error', secrets, env, `error: ${message}`).catch(() => null)
    if (summary) {
      await core.summary
        .addRaw(errorSummary(phases.current, message, secrets), true)
        .write()
        .catch(() => null)
    }
    core.setFailed(message)
  }
}

/** Every output of action.yml, empty where the mode has no value: later steps need not ask. */
function writeOutputs(values: Partial<Outputs>): void {
  for (const name of OUTPUT_NAMES) core.setOutput(name, values[name] ?? '')
}

async function hashMode(
  plan: Extract<ActionPlan, { mode: 'hash' }>,
  summary: boolean
): Promise<void> {
  const doc = hashReport(await hashContext({ ...plan, onBuild: daemonOnBuild(process.env) }))
  writeOutputs({ verdict: 'hashed', 'context-hash': doc.contextHash, report: JSON.stringify(doc) })
  core.info(`context hash ${doc.contextHash} (${doc.files.length} entries)`)
  if (!summary) return
  await core.summary
    .addRaw(
      `<h2>fresh-build: context hashed</h2>\n\n<p><code>${doc.contextHash}</code> over ${doc.files.length} entries, ${doc.steps.length} context steps</p>`,
      true
    )
    .write()
}

async function clearMode(
  plan: Extract<ActionPlan, { mode: 'clear' }>,
  env: NodeJS.ProcessEnv,
  summary: boolean
): Promise<void> {
  // Its lines name the user's paths: a folder called `::add-mask::x` must stay text.
  const groups = new PhaseGroups('clear')
  groups.start('clearing the builder cache')
  let report
  try {
    report = await runClear(plan.clear, { progress: line => core.info(line), env })
  } finally {
    groups.end()
  }
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
  if (summary) await core.summary.addRaw(clearSummary(report), true).write()
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

async function verifyMode(
  plan: Extract<ActionPlan, { mode: 'verify' }>,
  env: NodeJS.ProcessEnv
): Promise<void> {
  // Container, mount and file names reach the log: commands stay off while they print.
  const groups = new PhaseGroups('verify')
  groups.start('verify')
  let report
  try {
    report = await runVerify(plan.verify, { progress: line => core.info(line), env })
    core.info(renderVerifyText(report))
  } finally {
    groups.end()
  }
  writeOutputs({ verdict: report.verdict, report: JSON.stringify(verifyJson(report)) })
  for (const w of report.warnings) core.warning(w)
  const stale = staleLines(report)
  for (const [i, line] of stale.entries()) {
    const t = report.targets.filter(t2 => t2.status !== 'live')[i]
    core.error(line, {
      title: `fresh-build verify: ${t?.container ?? t?.service ?? ''} ${t?.status ?? ''}`
    })
  }
  await core.summary.addRaw(verifySummary(report), true).write()
  if (stale.length > 0)
    core.setFailed(`the running service does not run the build: ${stale.join('; ')}`)
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
      ...(report.registryCache
        ? [
            `<tr><th>Registry cache deleted</th><td>${list(report.registryCache.deleted.map(d => (d.how === 'tag' ? `${d.ref} (tag only; kept for ${d.keptFor.join(', ')})` : d.ref)))}</td></tr>`,
            ...(report.registryCache.missing.length > 0
              ? [
                  `<tr><th>Not in the registry</th><td>${list(report.registryCache.missing)}</td></tr>`
                ]
              : [])
          ]
        : []),
      ...(report.actionsCache ? [actionsCacheRow(report.actionsCache)] : []),
      '</table>'
    ].join('\n'),
    `<p>Volumes, containers and images were not touched${report.registryCache ? '; in registries, only the references named as caches' : ''}.</p>`,
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
  secrets: string[],
  phases: PhaseGroups,
  summary: boolean
): Promise<void> {
  const failures: string[] = []
  // A pending status shows the PR a build is under way; a token that cannot post fails here,
  // before the build, rather than after minutes of it.
  let statusWarning: string | null = null
  if (plan.status && plan.mode === 'build') {
    statusWarning = await post(plan.status, 'pending', secrets, env)
  }

  phases.current = 'read context'
  const results = await runGuard(plan.mode, plan.guard, plan.compose, {
    progress: line => core.info(line),
    env,
    cwd: workspace,
    phase: name => phases.start(name)
  }).finally(() => phases.end())
  phases.current = 'report'
  // The verdict, outside every group: the one line to read in a collapsed log.
  for (const r of results) core.info(verdictLine(r.judgement, r.service))

  const js = results.map(r => r.judgement)
  const worst = pickWorst(js)
  const pushed = results.find(r => r.push !== null)
  writeOutputs({
    verdict: worst.verdict,
    'context-hash': worst.contextHash,
    'previous-hash': worst.previousHash ?? '',
    'changed-files': [...new Set(js.flatMap(j => j.changedFiles))].join('\n'),
    pruned: JSON.stringify(worst.pruned),
    'image-id': worst.imageId ?? '',
    imageid: worst.imageId ?? '',
    // The first result that pushed: one build, or the first compose service with a tag.
    digest: pushed?.push?.digest ?? '',
    metadata: buildMetadata({
      imageId: worst.imageId,
      tags: plan.guard.tags,
      verdict: worst.verdict,
      contextHash: worst.contextHash,
      buildx: results.find(r => r.judgement === worst)?.buildxMetadata ?? null,
      // build-push-action's keys for the push (digest, tags, records): one JSON document.
      extra: JSON.parse(
        pushMetadata(worst.verdict, pushed?.push ?? null, worst.imageId, inputs.tags)
      ) as Record<string, unknown>
    }),
    report: JSON.stringify(reportDocument(results))
  })
  for (const r of results) {
    const file = repoRelative(r.dockerfile, workspace)
    emitAnnotations(core, annotationsFor(r.judgement, file, { secrets, endLines: r.endLines }))
    // A warning without a Dockerfile line is still an annotation, just not on a line.
    for (const w of unplacedWarnings(r.judgement, secrets)) core.warning(w)
    if (!summary) continue
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
