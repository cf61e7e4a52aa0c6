/** Character codes the log readers compare `charCodeAt` results with, named. */

export const BEL = 0x07
export const TAB = 0x09
export const CR = 0x0d
export const ESC = 0x1b
export const SPACE = 0x20
export const HASH = 0x23
export const DASH = 0x2d
export const DOT = 0x2e
export const SLASH = 0x2f
export const COLON = 0x3a
export const OPEN_BRACKET = 0x5b
export const CLOSE_BRACKET = 0x5d
export const UNDERSCORE = 0x5f
export const OPEN_BRACE = 0x7b
export const PIPE = 0x7c
export const UPPER_T = 0x54
export const LOWER_S = 0x73

/** First and last codes of C0 controls and of the final byte of a CSI escape sequence. */
export const FIRST_PRINTABLE = 0x20
export const CSI_FINAL_FIRST = 0x40
export const CSI_FINAL_LAST = 0x7e

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

/** A letter, digit, `-`, `.` or `_`: what compose service names are made of. */
export function isNameChar(c: number): boolean {
  return (
    isDigit(c) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === DASH ||
    c === DOT ||
    c === UNDERSCORE
  )
}
