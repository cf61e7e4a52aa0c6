/**
 * Line clean-up shared by every log format: terminal escapes, carriage-return redraws, CI
 * timestamps and compose line prefixes. All functions are linear scans without backtracking,
 * since a log line may be up to the parser's line cap long.
 */

import {
  BEL,
  CLOSE_BRACKET,
  COLON,
  CR,
  CSI_FINAL_FIRST,
  CSI_FINAL_LAST,
  DASH,
  DOT,
  ESC,
  FIRST_PRINTABLE,
  HASH,
  OPEN_BRACKET,
  PIPE,
  SPACE,
  TAB,
  UPPER_T,
  isDigit,
  isNameChar
} from './chars.js'

/** `ESC [`: a control sequence (CSI); `ESC ]`: an operating system command (OSC). */
const CSI = OPEN_BRACKET
const OSC = CLOSE_BRACKET

/** `2020-05-14T10:55:14.5014590Z `: where the date's fixed characters are. */
const TIMESTAMP_MIN = 21
const TIMESTAMP_DASH = 4
const TIMESTAMP_T = 10
const TIMESTAMP_TIME = 11
/** The `Z ` after the fraction is searched from here to here. */
const TIMESTAMP_Z_FROM = 19
const TIMESTAMP_Z_LAST = 40
const TIMESTAMP_END = 'Z '

/** Removes ANSI/VT escape sequences (CSI, OSC, two-byte ESC x) and stray C0 controls but tab. */
export function stripAnsi(line: string): string {
  let out = ''
  let from = 0
  const n = line.length
  let i = 0
  while (i < n) {
    const c = line.charCodeAt(i)
    if (c >= FIRST_PRINTABLE || c === TAB) {
      i++
      continue
    }
    out += line.slice(from, i)
    if (c === ESC && i + 1 < n) {
      const kind = line.charCodeAt(i + 1)
      if (kind === CSI) {
        // parameters, then one final byte
        i += 2
        while (i < n) {
          const p = line.charCodeAt(i++)
          if (p >= CSI_FINAL_FIRST && p <= CSI_FINAL_LAST) break
        }
      } else if (kind === OSC) {
        // up to BEL or `ESC \`
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
  while (end > 0 && line.charCodeAt(end - 1) === CR) end--
  const cr = line.lastIndexOf('\r', end - 1)
  return line.slice(cr + 1, end)
}

/** Strips a GitHub Actions style `2020-05-14T10:55:14.5014590Z ` timestamp. */
export function stripTimestamp(line: string): string {
  if (
    line.length < TIMESTAMP_MIN ||
    !isDigit(line.charCodeAt(0)) ||
    line.charCodeAt(TIMESTAMP_DASH) !== DASH ||
    line.charCodeAt(TIMESTAMP_T) !== UPPER_T
  ) {
    return line
  }
  const z = line.indexOf(TIMESTAMP_END, TIMESTAMP_Z_FROM)
  if (z < 0 || z > TIMESTAMP_Z_LAST) return line
  for (let i = TIMESTAMP_TIME; i < z; i++) {
    const c = line.charCodeAt(i)
    if (!isDigit(c) && c !== COLON && c !== DOT) return line
  }
  return line.slice(z + TIMESTAMP_END.length)
}

/** The longest compose service name accepted as a line prefix. */
const MAX_SERVICE = 128

/**
 * Splits a compose line prefix off: `web  | text`, `web-1  | text` (log multiplexing) or
 * `[web] #5 ...` (a bracketed service before a build line). Returns null when there is none.
 */
export function splitServicePrefix(line: string): { service: string; rest: string } | null {
  const first = line.charCodeAt(0)
  if (first === OPEN_BRACKET) {
    let i = 1
    while (i < line.length && i <= MAX_SERVICE && isNameChar(line.charCodeAt(i))) i++
    if (i === 1 || line.charCodeAt(i) !== CLOSE_BRACKET || line.charCodeAt(i + 1) !== SPACE) {
      return null
    }
    const rest = line.slice(i + '] '.length)
    // `[web] resolve image config` is a vertex name, not a line prefix: require a build line.
    return looksLikeBuildLine(rest) ? { service: line.slice(1, i), rest } : null
  }
  if (!isNameChar(first)) return null
  let i = 1
  while (i < line.length && i <= MAX_SERVICE && isNameChar(line.charCodeAt(i))) i++
  let j = i
  while (line.charCodeAt(j) === SPACE) j++
  if (j === i || line.charCodeAt(j) !== PIPE) return null
  let rest = line.slice(j + 1)
  if (rest.charCodeAt(0) === SPACE) rest = rest.slice(1)
  return { service: line.slice(0, i), rest }
}

function looksLikeBuildLine(rest: string): boolean {
  const t = rest.trimStart()
  return (
    (t.charCodeAt(0) === HASH && isDigit(t.charCodeAt(1))) ||
    t.startsWith('=> ') ||
    t.startsWith('---> ') ||
    t.startsWith('Step ') ||
    t.startsWith('Successfully built ')
  )
}
