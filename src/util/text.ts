/**
 * Cutting text to a length, for every output that bounds one. Two conventions are in use and
 * both are kept byte for byte: reports (text, annotations, summary, status) end a cut in `…`
 * within the limit, counting code points; error messages that quote a user's value end it in
 * `...` after the limit, counting UTF-16 units.
 */
export interface CutStyle {
  ellipsis: string
  /** The ellipsis counts towards `max` (else it is added after `max` characters). */
  within: boolean
  /** Count code points (else UTF-16 code units). */
  codePoints: boolean
}

export const REPORT_CUT: CutStyle = { ellipsis: '…', within: true, codePoints: true }
export const MESSAGE_CUT: CutStyle = { ellipsis: '...', within: false, codePoints: false }

/** `text` when it fits in `max`, else its first characters and the style's ellipsis. */
export function truncate(text: string, max: number, style: CutStyle = REPORT_CUT): string {
  const chars = style.codePoints ? [...text] : text.split('')
  if (chars.length <= max) return text
  const keep = style.within ? Math.max(0, max - [...style.ellipsis].length) : max
  return `${chars.slice(0, keep).join('')}${style.ellipsis}`
}
