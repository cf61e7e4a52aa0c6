/**
 * Making user-controlled text (file names, instructions, tags, warnings, daemon messages) safe to
 * show. Order matters and every renderer follows it: redact -> make visible -> truncate ->
 * escape. Redacting first means truncation or escaping can never split a secret into a form the
 * redactor no longer recognises.
 */

/** Replaces secret values with `***`. Empty and whitespace-only values are ignored. */
export type Redact = (text: string) => string

export function redactor(secrets: readonly string[] = []): Redact {
  const values = new Set<string>()
  for (const s of secrets) {
    if (s.trim() === '') continue
    values.add(s)
    // A multi-line secret may surface one line at a time (as GitHub masks it too).
    for (const line of s.split(/\r?\n/)) if (line.trim().length >= 3) values.add(line)
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...values].sort((a, b) => b.length - a.length)
  if (ordered.length === 0) return text => text
  return text => {
    let out = text
    for (const v of ordered) out = out.split(v).join('***')
    return out
  }
}

/** C0/C1 controls, DEL, Unicode line separators, and the bidi marks and overrides ("trojan source" reordering). */
function isInvisible(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  )
}

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * Control characters and bidi overrides as visible escapes (`\n`, `\t`, `\x1b`, `\u202e`), so a
 * file name cannot forge extra output lines, drive the terminal, or reorder what a reader sees.
 */
export function visible(text: string): string {
  let out = ''
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0
    // A byte of a file name that is not UTF-8 (util/bytes-path.ts), shown as the byte it is.
    if (code >= 0xdc80 && code <= 0xdcff) out += `\\x${(code - 0xdc00).toString(16)}`
    else if (!isInvisible(code)) out += c
    else
      out +=
        NAMED[c] ??
        (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`)
  }
  return out
}

/** Cuts to at most `max` characters (by code point), ending in `…` when cut. */
export { truncate } from '../util/index.js'

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Escapes text for the job summary, which GitHub renders as Markdown with inline HTML. HTML
 * specials become entities; so does every Markdown/GFM syntax character (emphasis, links, code,
 * tables' `|`, headings, `$` math, `@` mentions, `:` of autolinks), because an entity is always literal text in
 * both languages. Newlines never reach here (visible() runs first), so a value cannot end an HTML
 * block and start Markdown.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`*_[\]()#~!\\$@:]/g, c => HTML_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`)
}

/** Decimal units as the docker CLI prints them (`Total reclaimed space: 1.2GB`). */
export function humanBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'unknown size'
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB']
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  if (unit === 0) return `${Math.round(value)} B`
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
  return `${value.toFixed(digits)} ${units[unit]}`
}

/** `sha256:` plus the first 12 hex digits, as docker shows image ids. */
export function shortHash(hash: string | null): string {
  if (hash === null) return 'none'
  const m = /^(sha256:)?([0-9a-f]{12})[0-9a-f]*$/.exec(hash)
  return m ? `${m[1] ?? ''}${m[2]}` : hash
}

/**
 * The one data-only redaction rule: every string value of a JSON value redacted, never its keys
 * or its structure, so a secret such as `e`, `"`, `true` or `steps` cannot break the document or
 * what reads it.
 */
export function redactValues<T>(v: T, redact: Redact): T {
  if (typeof v === 'string') return redact(v) as T
  if (Array.isArray(v)) return v.map(x => redactValues(x as unknown, redact)) as T
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, redactValues(x as unknown, redact)])
    ) as T
  }
  return v
}

/**
 * A judgement with secret values redacted where user data can carry them: paths, stage names,
 * instructions (BuildKit prints ARG values in step names), messages (causes, warnings, notes),
 * each by redactValues. Never the tool's own words (verdict, statuses, policy, hashes and ids it
 * computed).
 */
export function redactJudgement<
  J extends {
    changedFiles: string[]
    causes: string[]
    warnings: string[]
    pruned: { note?: string } | null
    steps: { stage: string; instruction: string; changedFiles: string[]; staleFiles: string[] }[]
  }
>(j: J, redact: Redact): J {
  const all = (xs: string[]): string[] => redactValues(xs, redact)
  return {
    ...j,
    changedFiles: all(j.changedFiles),
    causes: all(j.causes),
    warnings: all(j.warnings),
    pruned:
      j.pruned === null
        ? null
        : {
            ...j.pruned,
            ...(j.pruned.note !== undefined ? { note: redactValues(j.pruned.note, redact) } : {})
          },
    steps: j.steps.map(s => ({
      ...s,
      stage: redactValues(s.stage, redact),
      instruction: redactValues(s.instruction, redact),
      changedFiles: all(s.changedFiles),
      staleFiles: all(s.staleFiles)
    }))
  }
}
