/**
 * Go's `filepath.Match` on `/`-separated paths, ported (not translated to a RegExp): `*` and `?`
 * never match `/`, `[...]` classes (with `^` negation and `lo-hi` ranges) match any one code
 * point, `/` included, `\` escapes. Used for COPY source wildcards (fsutil's resolveWildcards) and
 * for the syntax check patternmatcher runs on every pattern. Pure.
 */

/** Code points, as Go decodes the runes of a string. */
type Runes = readonly string[]

/** A pattern Go rejects with ErrBadPattern. */
const BAD = null

interface ChunkScan {
  star: boolean
  chunk: Runes
  rest: Runes
}

/** scanChunk: leading stars, then the text up to the next `*` outside a class. */
function scanChunk(pattern: Runes): ChunkScan {
  let p = 0
  while (pattern[p] === '*') p++
  let inRange = false
  let i = p
  for (; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      if (i + 1 < pattern.length) i++
    } else if (c === '[') inRange = true
    else if (c === ']') inRange = false
    else if (c === '*' && !inRange) break
  }
  return { star: p > 0, chunk: pattern.slice(p, i), rest: pattern.slice(i) }
}

/** getEsc: one class endpoint, possibly escaped; more of the class must follow. */
function classEndpoint(chunk: Runes, i: number): { r: number; next: number } | typeof BAD {
  if (i >= chunk.length || chunk[i] === '-' || chunk[i] === ']') return BAD
  if (chunk[i] === '\\' && ++i >= chunk.length) return BAD
  const next = i + 1
  return next < chunk.length ? { r: chunk[i].codePointAt(0) ?? 0, next } : BAD
}

/** One `[...]` class at chunk[i] against the code point `r`: whether it matches, where it ends. */
function matchClass(chunk: Runes, i: number, r: number): { ok: boolean; next: number } | null {
  i++
  const negated = chunk[i] === '^'
  if (negated) i++
  let matched = false
  for (let ranges = 0; ; ranges++) {
    if (chunk[i] === ']' && ranges > 0) return { ok: matched !== negated, next: i + 1 }
    const lo = classEndpoint(chunk, i)
    if (lo === BAD) return BAD
    let hi = lo
    if (chunk[lo.next] === '-') {
      const h = classEndpoint(chunk, lo.next + 1)
      if (h === BAD) return BAD
      hi = h
    }
    if (lo.r <= r && r <= hi.r) matched = true
    i = hi.next
  }
}

/**
 * matchChunk: the chunk (no `*`) against the start of `s`; the rest of `s` on a match, false
 * on none, BAD when the chunk is malformed. The whole chunk is parsed even after a mismatch.
 */
function matchChunk(chunk: Runes, s: Runes): Runes | false | typeof BAD {
  let failed = false
  let j = 0
  for (let i = 0; i < chunk.length;) {
    if (!failed && j >= s.length) failed = true
    const c = chunk[i]
    if (c === '[') {
      const r = failed ? -1 : (s[j++].codePointAt(0) ?? 0)
      const m = matchClass(chunk, i, r)
      if (m === BAD) return BAD
      if (!m.ok) failed = true
      i = m.next
      continue
    }
    if (c === '?') {
      if (!failed && s[j++] === '/') failed = true
      i++
      continue
    }
    if (c === '\\' && ++i >= chunk.length) return BAD
    if (!failed && chunk[i] !== s[j++]) failed = true
    i++
  }
  return failed ? false : s.slice(j)
}

/** Go's Match: true or false, or BAD for a malformed pattern (every chunk is checked). */
function match(pattern: Runes, name: Runes): boolean | typeof BAD {
  let rest = pattern
  next: while (rest.length > 0) {
    const { star, chunk, rest: after } = scanChunk(rest)
    rest = after
    if (star && chunk.length === 0) return !name.includes('/')
    const t = matchChunk(chunk, name)
    if (t === BAD) return BAD
    if (t !== false && (t.length === 0 || rest.length > 0)) {
      name = t
      continue
    }
    // A star: try each extent of the name up to the next `/`.
    for (let i = 0; star && i < name.length && name[i] !== '/'; i++) {
      const u = matchChunk(chunk, name.slice(i + 1))
      if (u === BAD) return BAD
      if (u === false || (rest.length === 0 && u.length > 0)) continue
      name = u
      continue next
    }
    return validRest(rest) ? false : BAD
  }
  return name.length === 0
}

/** Before Match returns false it checks the chunks it did not reach. */
function validRest(pattern: Runes): boolean {
  for (let rest = pattern; rest.length > 0;) {
    const scan = scanChunk(rest)
    if (matchChunk(scan.chunk, []) === BAD) return false
    rest = scan.rest
  }
  return true
}

/**
 * Go `filepath.Match(pattern, name)`; a malformed pattern matches nothing, as fsutil's
 * resolveWildcards treats it (it drops Match's error).
 */
export function goMatch(pattern: string, name: string): boolean {
  return match(Array.from(pattern), Array.from(name)) === true
}

/**
 * Whether Go's filepath.Match accepts the pattern's syntax (patternmatcher.New calls
 * `filepath.Match(p, ".")` only for this). Note filepath.Match does not reject reversed ranges
 * like `[z-a]`: they match nothing.
 */
export function isValidGlob(pattern: string): boolean {
  return match(Array.from(pattern), ['.']) !== BAD
}

/**
 * fsutil's containsWildcards: a `*`, `?` or `[` not escaped by `\`. A path without one is copied
 * as written, backslashes and all.
 */
export function hasWildcard(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i]
    if (c === '\\') i++
    else if (c === '*' || c === '?' || c === '[') return true
  }
  return false
}
