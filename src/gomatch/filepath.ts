/** Go's filepath.Match, ported: pattern syntax, wildcard detection and matching. Pure. */

/**
 * Whether Go's filepath.Match accepts the pattern's syntax (patternmatcher.New calls
 * `filepath.Match(p, ".")` only for this). Every chunk is checked, as Match does before it
 * returns false. Note filepath.Match does not reject reversed ranges like `[z-a]`.
 */
export function isValidGlob(pattern: string): boolean {
  const s = Array.from(pattern)
  let i = 0
  // getEsc: one range endpoint, possibly escaped; must be followed by more of the class.
  const esc = (): boolean => {
    if (i >= s.length || s[i] === '-' || s[i] === ']') return false
    if (s[i] === '\\') {
      i++
      if (i >= s.length) return false
    }
    i++
    return i < s.length
  }
  while (i < s.length) {
    const c = s[i]
    if (c === '*' || c === '?') {
      i++
    } else if (c === '[') {
      i++
      if (s[i] === '^') i++
      let nrange = 0
      for (;;) {
        if (i < s.length && s[i] === ']' && nrange > 0) {
          i++
          break
        }
        if (!esc()) return false
        if (s[i] === '-') {
          i++
          if (!esc()) return false
        }
        nrange++
      }
    } else if (c === '\\') {
      i++
      if (i >= s.length) return false
      i++
    } else {
      i++
    }
  }
  return true
}
