/**
 * Compose's variable substitution and its `.env` file, as both docker-compose 1.29 and the
 * compose v2 plugin apply them to the values of a compose file:
 *
 *   $$               a literal `$`
 *   $VAR, ${VAR}     the value, or empty when unset
 *   ${VAR:-default}  default when VAR is unset or empty;  ${VAR-default}  only when unset
 *   ${VAR:?message}  error when VAR is unset or empty;    ${VAR?message}  only when unset
 *   ${VAR:+other}    other when VAR is set and non-empty; ${VAR+other}    when set
 *
 * Defaults, messages and replacements are themselves interpolated (`${A:-${B}}`, as v2 allows).
 * Any other `$` is an error, as in compose ("Invalid interpolation format").
 */

import { FreshBuildError } from '../util/index.js'

/** The variables substitution reads; `undefined` is unset. */
export type Vars = Readonly<Record<string, string | undefined>>

/** A substitution failed; `message` is the reason, without the location (the caller adds it). */
export class InterpolationError extends FreshBuildError {}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y
const BRACED = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/

/** Deeper `${A:-${B:-...}}` nesting is refused (as the Dockerfile lexer does): no stack overflow. */
export const MAX_NESTING = 128

/** Substitutes every variable in `text`; throws InterpolationError on a bad or required one. */
export function interpolate(text: string, vars: Vars, depth = 0): string {
  if (depth > MAX_NESTING) {
    throw new InterpolationError(`variables nested more than ${MAX_NESTING} deep`)
  }
  let out = ''
  let i = 0
  while (i < text.length) {
    const dollar = text.indexOf('$', i)
    if (dollar < 0) {
      out += text.slice(i)
      break
    }
    out += text.slice(i, dollar)
    const next = text[dollar + 1]
    if (next === '$') {
      out += '$'
      i = dollar + 2
      continue
    }
    if (next === '{') {
      const end = closingBrace(text, dollar + 2)
      if (end < 0) throw invalid(text)
      out += braced(text.slice(dollar + 2, end), vars, text, depth)
      i = end + 1
      continue
    }
    NAME.lastIndex = dollar + 1
    const name = NAME.exec(text)
    if (!name) throw invalid(text)
    out += vars[name[0]] ?? ''
    i = dollar + 1 + name[0].length
  }
  return out
}

/** The index of the `}` closing a `${` whose body starts at `from`, nested `${...}` skipped. */
function closingBrace(text: string, from: number): number {
  let depth = 0
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (c === '$' && (text[i + 1] === '$' || text[i + 1] === '{')) {
      if (text[i + 1] === '{') depth++
      i++
    } else if (c === '}') {
      if (depth === 0) return i
      depth--
    }
  }
  return -1
}

function braced(body: string, vars: Vars, whole: string, depth: number): string {
  const sub = (t: string): string => interpolate(t, vars, depth + 1)
  const m = BRACED.exec(body)
  if (!m) throw invalid(whole)
  const [, name = '', op, rest = ''] = m
  const value = vars[name]
  const set = value !== undefined
  const nonEmpty = set && value !== ''
  switch (op) {
    case undefined:
      return value ?? ''
    case ':-':
      return nonEmpty ? value : sub(rest)
    case '-':
      return set ? value : sub(rest)
    case ':+':
      return nonEmpty ? sub(rest) : ''
    case '+':
      return set ? sub(rest) : ''
    case ':?':
    case '?': {
      if (op === ':?' ? nonEmpty : set) return value ?? ''
      const why = sub(rest)
      throw new InterpolationError(
        `required variable ${name} is ${set ? 'empty' : 'missing a value'}${why ? `: ${why}` : ''}`
      )
    }
    default:
      throw invalid(whole)
  }
}

function invalid(text: string): InterpolationError {
  const shown = text.length > 60 ? `${text.slice(0, 60)}...` : text
  return new InterpolationError(`invalid interpolation format "${shown.replace(/\n/g, '\\n')}"`)
}

/**
 * Reads a `.env` file: `KEY=VALUE` lines, `#` comments and blank lines, an optional `export `,
 * values in double quotes (with `\n`, `\t`, `\"`, `\\` escapes) or single quotes (literal), and
 * unquoted values trimmed with a ` #comment` removed. Lines without `=` are ignored, as
 * docker-compose 1.29 does. Values are taken as written: the file is not itself interpolated.
 */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    if (line.startsWith('export ')) line = line.slice(7).trimStart()
    const eq = line.indexOf('=')
    if (eq <= 0) continue
    const key = line.slice(0, eq).trim()
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) continue
    out[key] = dotEnvValue(line.slice(eq + 1).trim())
  }
  return out
}

function dotEnvValue(v: string): string {
  const q = v[0]
  if ((q === '"' || q === "'") && v.indexOf(q, 1) > 0) {
    const body = v.slice(1, closingQuote(v, q))
    if (q === "'") return body
    return body.replace(/\\([nrt"\\])/g, (_, c: string) =>
      c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c
    )
  }
  const hash = v.search(/\s#/)
  return (hash >= 0 ? v.slice(0, hash) : v).trim()
}

function closingQuote(v: string, q: string): number {
  for (let i = 1; i < v.length; i++) {
    if (q === '"' && v[i] === '\\') i++
    else if (v[i] === q) return i
  }
  return v.length
}
