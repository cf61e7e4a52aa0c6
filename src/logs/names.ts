/**
 * BuildKit vertex names. The Dockerfile frontend names instruction vertices
 * `[<platform> <stage> <i>/<n>] <instruction>`, each part optional but the index, with the index
 * right-aligned (`[builder  4/12]`, `[ 1/11]`). docker compose (buildx's progress multiwriter) puts
 * the service in front: inside the bracket when the name has one (`[web builder 3/4]`,
 * `[web internal]`), otherwise as `[web] <name>`.
 */

import { OPEN_BRACKET, isDigit } from './chars.js'

/** Instructions longer than this are cut: enough to recognise any real one, bounded memory. */
export const MAX_INSTRUCTION = 16384

/** Brackets longer than this are not BuildKit prefixes (stage and service names are short). */
const MAX_BRACKET = 512

export interface StepName {
  kind: 'step'
  /** Bracket words before the index, platforms removed: [], [stage], [service, stage]... */
  words: string[]
  index: number
  total: number
  instruction: string
}

export interface OtherName {
  kind: 'other'
  /** A compose service the bracket names (`[web internal]`, `[web] resolve ...`), if any. */
  service: string | null
  /** The name without its bracket prefix. */
  text: string
}

export type VertexName = StepName | OtherName

/** `i/n` with more digits on either side is not a step index. */
const MAX_INDEX_DIGITS = 6

/** Words that BuildKit itself puts alone in a bracket; they are never a compose service. */
const BUILDKIT_WORDS = new Set(['internal', 'auth', 'context'])

function parseIndex(word: string): { index: number; total: number } | null {
  const slash = word.indexOf('/')
  const totalDigits = word.length - slash - 1
  if (slash < 1 || slash > MAX_INDEX_DIGITS || totalDigits < 1 || totalDigits > MAX_INDEX_DIGITS) {
    return null
  }
  for (let i = 0; i < word.length; i++) {
    if (i !== slash && !isDigit(word.charCodeAt(i))) return null
  }
  return { index: Number(word.slice(0, slash)), total: Number(word.slice(slash + 1)) }
}

/** Platforms (`linux/amd64`, `linux/arm64->amd64`) are the only bracket words with a `/`. */
function isPlatform(word: string): boolean {
  return word.includes('/')
}

function cut(text: string): string {
  const t = text.trim()
  return t.length > MAX_INSTRUCTION ? t.slice(0, MAX_INSTRUCTION) : t
}

export function parseVertexName(name: string): VertexName {
  if (name.charCodeAt(0) !== OPEN_BRACKET) return { kind: 'other', service: null, text: cut(name) }
  const close = name.indexOf(']')
  if (close < 0 || close > MAX_BRACKET) return { kind: 'other', service: null, text: cut(name) }
  const words = name
    .slice(1, close)
    .split(' ')
    .filter(w => w !== '')
  const text = name.slice(close + 1)
  const last = words.length > 0 ? parseIndex(words[words.length - 1]) : null
  if (last !== null) {
    return {
      kind: 'step',
      words: words.slice(0, -1).filter(w => !isPlatform(w)),
      index: last.index,
      total: last.total,
      instruction: cut(text)
    }
  }
  const plain = words.filter(w => !isPlatform(w))
  let service: string | null = null
  if (plain.length === 1 && !BUILDKIT_WORDS.has(plain[0])) service = plain[0]
  else if (plain.length === 2 && (plain[1] === 'internal' || plain[1] === 'auth')) {
    service = plain[0]
  }
  return { kind: 'other', service, text: cut(text) }
}

/** `importing cache manifest from X` (a `--cache-from` source BuildKit imported). */
export function cacheImportOf(text: string): string | null {
  const prefix = 'importing cache manifest from '
  if (!text.startsWith(prefix)) return null
  const ref = text.slice(prefix.length).trim()
  const space = ref.indexOf(' ')
  const value = space < 0 ? ref : ref.slice(0, space)
  return value === '' ? null : value
}
