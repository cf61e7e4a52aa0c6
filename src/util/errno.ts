/** The errno-style code of a thrown value (`ENOENT`, `EACCES`...), when it has one. */
export function errCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string')
    return e.code
  return undefined
}
