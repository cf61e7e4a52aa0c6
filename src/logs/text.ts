/**
 * Line clean-up shared by every log format: terminal escapes, carriage-return redraws, CI
 * timestamps and compose line prefixes. All functions are linear scans without backtracking,
 * since a log line may be up to the parser's line cap long.
 */

const ESC = 27
const BEL = 7

/** Removes ANSI/VT escape sequences (CSI, OSC, two-byte ESC x) and stray C0 controls but tab. */
export function stripAnsi(line: string): string {
  let out = ''
  let from = 0
  const n = line.length
  let i = 0
  while (i < n) {
    const c = line.charCodeAt(i)
    if (c >= 32 || c === 9) {
      i++
      continue
    }
    out += line.slice(from, i)
    if (c === ESC && i + 1 < n) {
      const kind = line.charCodeAt(i + 1)
      if (kind === 91 /* [ CSI: params then one final byte 0x40-0x7e */) {
        i += 2
        while (i < n) {
          const p = line.charCodeAt(i++)
          if (p >= 0x40 && p <= 0x7e) break
        }
      } else if (kind === 93 /* ] OSC: up to BEL or ESC \ */) {
        i += 2
        while (i < n) {
          const p = line.charCodeAt(i)
          if (p === BEL) {
            i++
            break
          }
          if (p === ESC) {
            i += 2
            break
          }
          i++
        }
      } else {
        i += 2
      }
    } else {
      i++
    }
    from = i
  }
  return from === 0 ? line : out + line.slice(from)
}

/**
 * A terminal shows only what was written after the last carriage return of a line
 * (`Sending build context ... 5.6kB\r\r`, progress redraws); trailing CRs are CRLF leftovers.
 */
export function lastCarriageSegment(line: string): string {
  let end = line.length
  while (end > 0 && line.charCodeAt(end - 1) === 13) end--
  const cr = line.lastIndexOf('\r', end - 1)
  return line.slice(cr + 1, end)
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Strips a GitHub Actions style `2020-05-14T10:55:14.5014590Z ` timestamp. */
export function stripTimestamp(line: string): string {
  if (
    line.length < 21 ||
    !isDigit(line.charCodeAt(0)) ||
    line.charCodeAt(4) !== 45 ||
    line.charCodeAt(10) !== 84
  ) {
    return line
  }
  const z = line.indexOf('Z ', 19)
  if (z < 0 || z > 40) return line
  for (let i = 11; i < z; i++) {
    const c = line.charCodeAt(i)
    if (!isDigit(c) && c !== 58 && c !== 46) return line
  }
  return line.slice(z + 2)
}

function isNameChar(c: number): boolean {
  return (
    isDigit(c) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 45 /* - */ ||
    c === 46 /* . */ ||
    c === 95 /* _ */
  )
}

/** The longest compose service name accepted as a line prefix. */
const MAX_SERVICE = 128

/**
 * Splits a compose line prefix off: `web  | text`, `web-1  | text` (log multiplexing) or
 * `[web] #5 ...` (a bracketed service before a build line). Returns null when there is none.
 */
export function splitServicePrefix(line: string): { service: string; rest: string } | null {
  const first = line.charCodeAt(0)
  if (first === 91 /* [ */) {
    let i = 1
    while (i < line.length && i <= MAX_SERVICE && isNameChar(line.charCodeAt(i))) i++
    if (i === 1 || line.charCodeAt(i) !== 93 || line.charCodeAt(i + 1) !== 32) return null
    const rest = line.slice(i + 2)
    // `[web] resolve image config` is a vertex name, not a line prefix: require a build line.
    return looksLikeBuildLine(rest) ? { service: line.slice(1, i), rest } : null
  }
  if (!isNameChar(first)) return null
  let i = 1
  while (i < line.length && i <= MAX_SERVICE && isNameChar(line.charCodeAt(i))) i++
  let j = i
  while (line.charCodeAt(j) === 32) j++
  if (j === i || line.charCodeAt(j) !== 124 /* | */) return null
  let rest = line.slice(j + 1)
  if (rest.charCodeAt(0) === 32) rest = rest.slice(1)
  return { service: line.slice(0, i), rest }
}

function looksLikeBuildLine(rest: string): boolean {
  const t = rest.trimStart()
  return (
    (t.charCodeAt(0) === 35 && isDigit(t.charCodeAt(1))) ||
    t.startsWith('=> ') ||
    t.startsWith('---> ') ||
    t.startsWith('Step ') ||
    t.startsWith('Successfully built ')
  )
}
