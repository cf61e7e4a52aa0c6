/** The job summary section of `mode: verify`: one row per container, its causes and hints. */
import { escapeHtml, shortHash, truncate, visible } from '../report/index.js'
import { hints } from './report.js'
import type { VerifyReport } from './run.js'

const text = (s: string, max = 300): string => escapeHtml(truncate(visible(s), max))
const code = (s: string): string => `<code>${text(s)}</code>`

export function verifySummary(report: VerifyReport): string {
  const live = report.verdict === 'live'
  const head = live
    ? `<h2>✅ fresh-build verify: live</h2>\n\n<p>${report.targets.length} container(s) run the build.</p>`
    : `<h2>❌ fresh-build verify: stale</h2>\n\n<p>${report.targets.filter(t => t.status !== 'live').length} of ${report.targets.length} target(s) do not run the build.</p>`
  const rows = report.targets.map(t => {
    const why = [...t.details, ...hints(t).map(h => `hint: ${h}`)]
    return [
      '<tr>',
      `<td>${code(t.container ?? '(none)')}</td>`,
      `<td>${t.service ? code(t.service) : ''}</td>`,
      `<td><b>${text(t.status)}</b></td>`,
      `<td>${t.image ? code(shortHash(t.image)) : ''}</td>`,
      `<td>${code(t.expectedImage.startsWith('sha256:') ? shortHash(t.expectedImage) : t.expectedImage)}</td>`,
      `<td>${why.map(w => text(w, 600)).join('<br>')}</td>`,
      '</tr>'
    ].join('')
  })
  const table = [
    '<table>',
    '<tr><th>Container</th><th>Service</th><th>Status</th><th>Runs</th><th>Build</th><th>Why / what to run</th></tr>',
    ...rows,
    '</table>'
  ].join('\n')
  const warnings =
    report.warnings.length > 0
      ? `\n\n<ul>\n${report.warnings.map(w => `<li>${text(w, 600)}</li>`).join('\n')}\n</ul>`
      : ''
  return `${head}\n\n${table}${warnings}`
}
