/** moby/patternmatcher's ignorefile.ReadAll: the lines of a .dockerignore as patterns. Pure. */
import { goClean, goTrimSpace } from './clean.js'

/** One pattern of an ignore file, with its 1-based line. */
export interface IgnoreLine {
  pattern: string
  line: number
}

/**
 * ignorefile.ReadAll: BOM stripped, `#` comments only at column 0, whitespace trimmed, paths
 * cleaned, one leading `/` dropped, `!` kept in front. Lines are split like bufio.ScanLines.
 */
export function parseIgnoreFile(text: string): IgnoreLine[] {
  const lines = text.split('\n')
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  const out: IgnoreLine[] = []
  lines.forEach((raw, i) => {
    let pattern = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (i === 0 && pattern.startsWith('\ufeff')) pattern = pattern.slice(1)
    if (pattern.startsWith('#')) return
    pattern = goTrimSpace(pattern)
    if (pattern === '') return
    const invert = pattern.startsWith('!')
    if (invert) pattern = goTrimSpace(pattern.slice(1))
    if (pattern.length > 0) {
      pattern = goClean(pattern)
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1)
    }
    out.push({ pattern: invert ? `!${pattern}` : pattern, line: i + 1 })
  })
  return out
}
