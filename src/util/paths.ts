import { realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'

/** `abs` lies outside `root` (lexically: `..` first, or another drive). `root` itself is inside. */
export function escapesRoot(root: string, abs: string): boolean {
  const rel = relative(root, abs)
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)
}

/** `abs` lies below `root`, and is not `root` itself. */
export function strictlyInside(root: string, abs: string): boolean {
  return relative(root, abs) !== '' && !escapesRoot(root, abs)
}

/**
 * `abs` stays inside `root` both lexically and through symlinks: its deepest existing ancestor's
 * real path, with the rest appended, lies inside `root`'s real path. A path that does not exist
 * yet is judged by where it would be created.
 */
export async function containedIn(root: string, abs: string): Promise<boolean> {
  if (escapesRoot(root, abs)) return false
  const realRoot = await realpath(root)
  let p = abs
  for (;;) {
    try {
      const real = await realpath(p)
      return !escapesRoot(realRoot, join(real, relative(p, abs)))
    } catch {
      const up = dirname(p)
      if (up === p) return false
      p = up
    }
  }
}
