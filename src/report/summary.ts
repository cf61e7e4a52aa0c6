import type { Judgement, StepResult, StepStatus } from '../model.js'
import { VERDICT_EMOJI, countStatuses, plural, pruneLine, verdictExplanation } from './facts.js'
import { listWithMore } from './text.js'
import { escapeHtml, redactor, shortHash, truncate, visible } from './text-safety.js'

export interface SummaryMeta {
  /** Appended to the heading, e.g. the image tag or compose service. */
  title?: string
  /** Dockerfile path as the reader knows it (shown above the step table). */
  dockerfile?: string
  tags?: readonly string[]
  commit?: string | null
  /** Values to replace with `***` everywhere. */
  secrets?: readonly string[]
  /** Changed files listed before "and N more" (default 50). */
  maxFiles?: number
}

/** The part of `core.summary` used here, so tests can pass the real one or a fake. */
export interface SummaryWriter {
  addRaw(text: string, addEOL?: boolean): SummaryWriter
  write(options?: { overwrite?: boolean }): Promise<unknown>
}

const STATUS_CELL: Record<StepStatus, string> = {
  ran: 'ran',
  cached: 'cached',
  verified: '✅ verified',
  stale: '❌ stale'
}

/**
 * The job summary as GitHub-flavoured Markdown with HTML blocks (HTML tables, because a Markdown
 * table breaks on any `|` or newline in a file name). Every value from outside goes through
 * redact -> visible -> escapeHtml; each block sits on its own lines between blank lines so no
 * value can end a block early.
 */
export function summaryMarkdown(j: Judgement, meta: SummaryMeta = {}): string {
  const redact = redactor(meta.secrets)
  const text = (s: string, max = 200): string => escapeHtml(truncate(visible(redact(s)), max))
  const code = (s: string, max = 200): string => `<code>${text(s, max)}</code>`
  const blocks: string[] = []

  const title = meta.title ? ` - ${text(meta.title, 100)}` : ''
  blocks.push(`<h2>${VERDICT_EMOJI[j.verdict]} fresh-build: ${j.verdict}${title}</h2>`)
  blocks.push(`<p>${text(verdictExplanation(j))}</p>`)

  const facts: [string, string | null][] = [
    ['Context hash', j.contextHash],
    ['Previous hash', j.previousHash],
    ['Image', j.imageId],
    ['Commit', meta.commit ?? null]
  ]
  const shown = facts.filter((f): f is [string, string] => f[1] !== null)
  blocks.push(
    `<p>${shown.map(([k, v]) => `${k} ${code(shortHash(v))}`).join(' · ')}</p>`,
    [
      '<details><summary>Full hashes</summary>',
      '<table>',
      ...shown.map(([k, v]) => `<tr><th>${k}</th><td>${code(v)}</td></tr>`),
      ...(meta.tags && meta.tags.length > 0
        ? [`<tr><th>Tags</th><td>${meta.tags.map(t => code(t)).join(' ')}</td></tr>`]
        : []),
      '</table>',
      '</details>'
    ].join('\n')
  )

  if (j.steps.length > 0) {
    const c = countStatuses(j.steps)
    const where = meta.dockerfile ? ` in ${code(meta.dockerfile)}` : ''
    blocks.push(
      `<h3>Context steps${where}</h3>`,
      `<p>${c.ran} ran · ${c.cached} cached · ${c.verified} verified · ${c.stale} stale</p>`,
      stepTable(j.steps, text, code)
    )
  }

  if (j.changedFiles.length > 0) {
    const items = listWithMore(j.changedFiles, meta.maxFiles ?? 50)
    const more = items.length > (meta.maxFiles ?? 50)
    blocks.push(
      `<h3>${plural(j.changedFiles.length, 'changed file')}</h3>`,
      `<ul>\n${items.map((f, i) => `<li>${more && i === items.length - 1 ? text(f) : code(f)}</li>`).join('\n')}\n</ul>`
    )
  }

  const prune = pruneLine(j.pruned)
  if (prune !== null) blocks.push('<h3>Prune</h3>', `<p>${text(prune, 500)}</p>`)

  if (j.causes.length > 0) {
    blocks.push(
      `<h3>${j.verdict === 'stale' ? 'Likely causes' : 'Notes'}</h3>`,
      list(j.causes, text)
    )
  }
  if (j.warnings.length > 0) blocks.push('<h3>Warnings</h3>', list(j.warnings, text))

  return `${blocks.join('\n\n')}\n`
}

function stepTable(
  steps: readonly StepResult[],
  text: (s: string, max?: number) => string,
  code: (s: string, max?: number) => string
): string {
  const rows = steps.map(s => {
    const unsure = s.unprovenFiles ?? []
    const files =
      s.status === 'stale' && s.staleFiles.length > 0
        ? s.staleFiles
        : s.status === 'stale' && unsure.length > 0
          ? unsure
          : s.changedFiles
    const shown = listWithMore(files, 5)
    const cell = shown.map((f, i) => (i === 5 ? text(f) : code(f))).join(', ')
    const label =
      s.status === 'stale' && s.staleFiles.length > 0
        ? `old bytes: ${cell}`
        : s.status === 'stale' && unsure.length > 0
          ? `unproven: ${cell}`
          : cell
    return (
      `<tr><td>${text(s.stage, 60)}</td><td>${s.index}</td><td>${s.line}</td>` +
      `<td>${code(s.instruction, 120)}</td><td>${STATUS_CELL[s.status]}</td><td>${label}</td></tr>`
    )
  })
  return [
    '<table>',
    '<tr><th>Stage</th><th>#</th><th>Line</th><th>Instruction</th><th>Status</th><th>Changed files</th></tr>',
    ...rows,
    '</table>'
  ].join('\n')
}

function list(items: readonly string[], text: (s: string, max?: number) => string): string {
  return `<ul>\n${items.map(i => `<li>${text(i, 1000)}</li>`).join('\n')}\n</ul>`
}

/** Appends the summary to `core.summary` (or any SummaryWriter) and writes it out. */
export async function writeJobSummary(
  summary: SummaryWriter,
  j: Judgement,
  meta: SummaryMeta = {}
): Promise<void> {
  await summary.addRaw(summaryMarkdown(j, meta), true).write()
}
