import type { Judgement, StepStatus, Verdict } from '../model.js'
import { plural, pruneLine, verdictExplanation } from './facts.js'
import { redactor, shortHash, truncate, visible } from './text-safety.js'

export interface TextOptions {
  /** Names what was judged (e.g. a compose service) in the verdict line. */
  title?: string
  /** ANSI colours (off unless asked: the output is often a log file). */
  color?: boolean
  /** Changed files listed before "and N more" (default 20). */
  maxFiles?: number
  /** Instruction column width (default 60). */
  maxInstruction?: number
  /** Values to replace with `***` everywhere. */
  secrets?: readonly string[]
}

const ANSI = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const
type Tone = keyof typeof ANSI

const VERDICT_TONE: Record<Verdict, Tone> = {
  baseline: 'cyan',
  unchanged: 'green',
  fresh: 'green',
  stale: 'red'
}
const STATUS_TONE: Partial<Record<StepStatus, Tone>> = {
  stale: 'red',
  verified: 'green',
  cached: 'dim'
}

/** The human report for the CLI's stderr: verdict line first, then the detail. */
export function renderText(j: Judgement, opts: TextOptions = {}): string {
  const redact = redactor(opts.secrets)
  // Every user-controlled string goes through here: redact, then show control chars.
  const safe = (s: string): string => visible(redact(s))
  const paint = (tone: Tone | undefined, s: string): string =>
    opts.color && tone ? `\u001b[${ANSI[tone]}m${s}\u001b[0m` : s
  const maxFiles = opts.maxFiles ?? 20
  const out: string[] = []

  const title = opts.title ? ` (${safe(opts.title)})` : ''
  out.push(
    `fresh-build${title}: ${paint(VERDICT_TONE[j.verdict], j.verdict.toUpperCase())} - ${safe(verdictExplanation(j))}`
  )
  const previous =
    j.previousHash === null ? 'no previous record' : `previous ${shortHash(j.previousHash)}`
  out.push(`  context ${shortHash(j.contextHash)} (${previous})`)
  if (j.imageId !== null) out.push(`  image   ${shortHash(safe(j.imageId))}`)

  if (j.steps.length > 0) {
    out.push('', ...stepTable(j, safe, paint, opts.maxInstruction ?? 60))
  }

  if (j.changedFiles.length > 0) {
    out.push('', `${plural(j.changedFiles.length, 'changed file')}:`)
    out.push(...listWithMore(j.changedFiles.map(safe), maxFiles).map(f => `  ${f}`))
  }

  const prune = pruneLine(j.pruned)
  if (prune !== null) out.push('', `prune: ${safe(prune)}`)

  if (j.causes.length > 0) {
    out.push('', paint('red', j.verdict === 'stale' ? 'likely causes:' : 'notes:'))
    out.push(...j.causes.map(c => `  - ${safe(c)}`))
  }
  if (j.warnings.length > 0) {
    out.push('', paint('yellow', 'warnings:'))
    out.push(...j.warnings.map(w => `  - ${safe(w)}`))
  }
  // Each data field was redacted on its own; a pass over the whole text would also rewrite the
  // tool's own words (a secret `e` in "stale").
  return `${out.join('\n')}\n`
}

function stepTable(
  j: Judgement,
  safe: (s: string) => string,
  paint: (tone: Tone | undefined, s: string) => string,
  maxInstruction: number
): string[] {
  const header = ['STAGE', '#', 'LINE', 'INSTRUCTION', 'STATUS']
  const rows = j.steps.map(s => [
    safe(s.stage),
    String(s.index),
    String(s.line),
    truncate(safe(s.instruction), maxInstruction),
    s.status
  ])
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => [...(r[i] ?? '')].length))
  )
  const pad = (cells: string[]): string[] =>
    cells.map((c, i) => {
      const w = widths[i] ?? 0
      const gap = ' '.repeat(Math.max(0, w - [...c].length))
      return i === 1 || i === 2 ? gap + c : c + gap // numbers right-aligned
    })
  const lines = [pad(header).join('  ').trimEnd()]
  j.steps.forEach((s, n) => {
    const cells = pad(rows[n] ?? [])
    cells[4] = paint(STATUS_TONE[s.status], s.status)
    lines.push(cells.join('  ').trimEnd())
    if (s.status === 'stale' && s.staleFiles.length > 0) {
      lines.push(`    old bytes in: ${listWithMore(s.staleFiles.map(safe), 5).join(', ')}`)
    }
    const unsure = s.unprovenFiles ?? []
    if (s.status === 'stale' && unsure.length > 0) {
      lines.push(
        `    unproven: ${listWithMore(unsure.map(safe), 5).join(', ')}${s.unproven ? ` (${safe(s.unproven)})` : ''}`
      )
    }
  })
  return lines
}

/** The first `max` items, then "and N more" when there are more. */
export function listWithMore(items: readonly string[], max: number): string[] {
  if (items.length <= max) return [...items]
  return [...items.slice(0, max), `and ${items.length - max} more`]
}
