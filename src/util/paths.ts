import { isAbsolute, relative, sep } from 'node:path'

/** `abs` lies outside `root` (lexically: `..` first, or another drive). `root` itself is inside. */
export function escapesRoot(root: string, abs: string): boolean {
  const rel = relative(root, abs)
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)
}

/** `abs` lies below `root`, and is not `root` itself. */
export function strictlyInside(root: string, abs: string): boolean {
  return relative(root, abs) !== '' && !escapesRoot(root, abs)
}
