/**
 * Deleting a path that was checked earlier, without trusting that the path still leads where it
 * led at the check. `rm(path, {recursive})` walks the path again, so a parent folder swapped for
 * a symlink in between (while the builder was pruned, say) would send it outside. Instead the
 * target is moved with one rename into a fresh private (0700) trash folder, the moved entry is
 * compared by device and inode with what was checked, and only then deleted inside the trash,
 * where nothing can be swapped under a path we chose (rm never follows a symlink it meets). When
 * the moved entry is not the checked one it is renamed straight back and nothing is deleted.
 */
import type { Stats } from 'node:fs'
import { lstat, mkdtemp, rename, rm, rmdir } from 'node:fs/promises'
import { join } from 'node:path'
import { errCode } from './errno.js'
import { FreshBuildError } from './error.js'

/** What a path was when it was checked: the entry itself (never a symlink's target). */
export interface Identity {
  dev: number
  ino: number
}

export function identityOf(st: Pick<Stats, 'dev' | 'ino'>): Identity {
  return { dev: st.dev, ino: st.ino }
}

/** The checked entry is not what the path leads to any more: nothing was deleted. */
export class SwappedPathError extends FreshBuildError {}

/** Prefix of the trash folders; one left behind by a killed run can be deleted by hand. */
export const TRASH_PREFIX = '.fresh-build-trash-'

/**
 * Removes `path` (a file, a symlink or a whole tree) only if what it names now is `expected`.
 * `trashIn` is a directory known to be safe (a checked real path) on the same file system.
 * Returns false when the path no longer exists. `label` names the path in errors.
 */
export async function removeChecked(
  path: string,
  expected: Identity,
  trashIn: string,
  label: string
): Promise<boolean> {
  const trash = await mkdtemp(join(trashIn, TRASH_PREFIX))
  const moved = join(trash, 'entry')
  try {
    await rename(path, moved)
  } catch (e) {
    await rmdir(trash).catch(() => undefined)
    if (errCode(e) === 'ENOENT') return false
    const why =
      errCode(e) === 'EXDEV' ? `it is on another file system than ${trashIn}` : String(errCode(e))
    throw new FreshBuildError(`cannot remove ${label}: ${why}`)
  }
  let st: Stats
  try {
    st = await lstat(moved)
  } catch (e) {
    throw new FreshBuildError(
      `cannot remove ${label}: the moved entry vanished (${errCode(e) ?? 'error'})`
    )
  }
  if (st.dev !== expected.dev || st.ino !== expected.ino) {
    // Back to where it came from, through the same path, so nothing outside has changed.
    const back = await rename(moved, path).then(
      () => true,
      () => false
    )
    if (back) await rmdir(trash).catch(() => undefined)
    throw new SwappedPathError(
      `${label} changed after it was checked (a folder on its path was swapped, a symlink?): refused, nothing deleted${back ? '' : `; what was moved is kept in ${trash}`}`
    )
  }
  await rm(trash, { recursive: true, force: true })
  return true
}

/**
 * Whether removeChecked can work in `dir`: makes and drops a trash folder there, as the removal
 * will. Null when it can, else the errno code. (access() would judge by the real uid and knows
 * nothing of read-only mounts.)
 */
export async function writableFolder(dir: string): Promise<string | null> {
  try {
    await rmdir(await mkdtemp(join(dir, TRASH_PREFIX)))
    return null
  } catch (e) {
    return errCode(e) ?? 'error'
  }
}
