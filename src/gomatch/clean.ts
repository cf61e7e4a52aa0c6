/** Go's path cleaning and space trimming, as the ported matchers and Dockerfile paths need them. */

// unicode.IsSpace, which Go's strings.TrimSpace uses (JS trim() differs: it trims U+FEFF, keeps U+0085).
const GO_SPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]+`)
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`)

/** Go's strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return s.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '')
}

/** Go's filepath.Clean on a Unix path. */
export function goClean(p: string): string {
  if (p === '') return '.'
  const rooted = p.startsWith('/')
  const out: string[] = []
  for (const el of p.split('/')) {
    if (el === '' || el === '.') continue
    if (el === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!rooted) out.push('..')
      continue
    }
    out.push(el)
  }
  const joined = out.join('/')
  if (rooted) return `/${joined}`
  return joined === '' ? '.' : joined
}

/** What cleanRel changes: a `.` or `..` segment, an empty one (`//`), a leading or trailing `/`. */
const UNCLEAN_REL = /(?:^|\/)\.\.?(?:\/|$)|\/\/|^\/|\/$/

/**
 * A path inside a root (the build context), cleaned like Go's `path.Clean("/" + p)` without the
 * leading slash, as BuildKit scopes COPY sources: `./a`, `/a`, `a/../a/` all give `a`; `..`
 * cannot climb above the root; the root is `.`.
 */
export function cleanRel(p: string): string {
  // Most paths (every walked context path) are clean already: one regex test, no split and join.
  if (p !== '' && !UNCLEAN_REL.test(p)) return p
  const rooted = goClean(`/${p}`)
  return rooted === '/' ? '.' : rooted.slice(1)
}
