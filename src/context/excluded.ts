/**
 * Files on disk that a COPY names or covers but `.dockerignore` keeps out of the context: their
 * changes never reach the build, which users read as a stale build.
 */
import { lstat, readdir } from 'node:fs/promises'
import { join, posix } from 'node:path'
import type { ContextEntry, HashedStep } from '../model.js'

/** Entries walked per source directory at most: this is a warning, not a second scan. */
const WALK_LIMIT = 5000

/** A COPY source as a path inside the context, or null when it names none literally. */
export function literalSource(source: string): string | null {
  const rel = posix
    .normalize(source)
    .replace(/^(\.?\/)+/, '')
    .replace(/\/+$/, '')
  if (rel === '' || rel === '.' || rel.startsWith('..') || /[*?[\\]/.test(rel)) return null
  return rel
}

/**
 * Excluded files under a COPY's literal source directory (not `.`, where excluding is the ignore
 * file's purpose) whose mtime or ctime is after `since` (the last good build): changed, and
 * left out of the build by `.dockerignore` (e.g. `config` + `!config/app.yaml`, `COPY config/`).
 */
export async function excludedChanged(
  context: string,
  steps: readonly HashedStep[],
  entries: readonly ContextEntry[],
  since: Date | null
): Promise<{ step: HashedStep; paths: string[] }[]> {
  if (since === null) return []
  // Only a literal source looks anything up: most Dockerfiles' `COPY . .` never builds the map.
  let byPath: Map<string, ContextEntry> | null = null
  const sent = (): Map<string, ContextEntry> => (byPath ??= new Map(entries.map(e => [e.path, e])))
  const after = since.getTime()
  const out: { step: HashedStep; paths: string[] }[] = []
  for (const step of steps) {
    if (step.keyword === 'RUN') continue
    const paths: string[] = []
    for (const source of step.sources) {
      const rel = literalSource(source)
      if (rel === null || sent().get(rel)?.type !== 'dir') continue
      let budget = WALK_LIMIT
      const walk = async (dir: string): Promise<void> => {
        const names = await readdir(join(context, dir)).catch(() => [] as string[])
        for (const name of names) {
          if (--budget < 0) return
          const path = `${dir}/${name}`
          const st = await lstat(join(context, path)).catch(() => null)
          if (st === null) continue
          if (st.isDirectory()) await walk(path)
          else if (!sent().has(path) && Math.max(st.mtimeMs, st.ctimeMs) > after) paths.push(path)
        }
      }
      await walk(rel)
    }
    if (paths.length > 0) out.push({ step, paths: paths.sort() })
  }
  return out
}
