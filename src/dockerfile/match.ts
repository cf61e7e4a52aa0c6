/**
 * Path patterns of COPY/ADD: sources follow Go's `filepath.Match` (`*` and `?` never cross `/`,
 * `[...]` classes with `^` negation, `\` escapes); `--exclude` patterns follow moby's
 * patternmatcher (`**` spans directories, a pattern excluding a directory excludes what it holds,
 * a leading `!` re-includes).
 */
import { cleanRel } from '../gomatch/index.js'

/**
 * Translates a pattern to a RegExp; with `globstar` a `**` segment matches any number of
 * directories (patternmatcher), otherwise it is just two stars (Go).
 */
function compile(pattern: string, globstar: boolean): RegExp | null {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '*') {
      if (globstar && pattern[i + 1] === '*') {
        i++
        if (pattern[i + 1] === '/') {
          i++
          re += '(?:.*/)?'
        } else {
          re += '.*'
        }
      } else {
        re += '[^/]*'
      }
    } else if (ch === '?') {
      re += '[^/]'
    } else if (ch === '\\') {
      if (i + 1 >= pattern.length) return null
      re += escapeRe(pattern[++i])
    } else if (ch === '[') {
      const end = classEnd(pattern, i)
      if (end < 0) return null
      re += translateClass(pattern.slice(i + 1, end))
      i = end
    } else {
      re += escapeRe(ch)
    }
  }
  return new RegExp(`^${re}$`, 's')
}

/** Index of the `]` closing the class opened at `start`, or -1 (Go: ErrBadPattern). */
function classEnd(p: string, start: number): number {
  let i = start + 1
  if (p[i] === '^') i++
  let first = true
  for (; i < p.length; i++) {
    if (p[i] === ']' && !first) return i
    if (p[i] === '\\') i++
    first = false
  }
  return -1
}

function translateClass(body: string): string {
  let out = '['
  let i = 0
  if (body[0] === '^') {
    out += '^'
    i = 1
  }
  for (; i < body.length; i++) {
    const ch = body[i]
    if (ch === '\\' && i + 1 < body.length) out += escapeRe(body[++i])
    else if (ch === '-') out += '-'
    else out += escapeRe(ch)
  }
  return `${out}]`
}

function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch
}

interface ExcludeRule {
  negate: boolean
  re: RegExp
}

/** Compiles `--exclude` patterns; each is cleaned like patternmatcher does. */
export function compileExcludes(patterns: readonly string[]): ExcludeRule[] {
  const rules: ExcludeRule[] = []
  for (const raw of patterns) {
    let p = raw.trim()
    const negate = p.startsWith('!')
    if (negate) p = p.slice(1)
    p = cleanRel(p)
    const re = compile(p, true)
    if (re !== null) rules.push({ negate, re })
  }
  return rules
}

/** True when `rel` (or a directory above it) is excluded; later rules win, `!` re-includes. */
export function isExcluded(rules: readonly ExcludeRule[], rel: string): boolean {
  if (rules.length === 0 || rel === '') return false
  const parts = rel.split('/')
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'))
  let excluded = false
  for (const r of rules) {
    if (prefixes.some(p => r.re.test(p))) excluded = !r.negate
  }
  return excluded
}
