import { lstat } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Context paths changed after `since` (ms, taken before the scan began): written while this run
 * hashed and built them, like a `fresh-build build ... | tee build.log` inside the context. What
 * BuildKit received of such a file is whatever it held at that moment, so it is no source the
 * guard can judge (issue 12, class 7). A file's ctime is set by the kernel on every write and
 * cannot be put back, and never runs ahead of the clock that gave `since`.
 */
export async function writtenSince(
  context: string,
  paths: Iterable<string>,
  since: number
): Promise<Set<string>> {
  const out = new Set<string>()
  await Promise.all(
    [...new Set(paths)].map(async p => {
      const st = await lstat(join(context, p)).catch(() => null)
      if (st !== null && st.ctimeMs >= since) out.add(p)
    })
  )
  return out
}
