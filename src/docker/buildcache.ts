/**
 * BuildKit's context-sync records (`source.local`) as the daemon lists them, to tell whether any
 * build other than the guard's own used them since the guard's last build.
 *
 * Measured on Docker 20.10 (docs/resend-cure.md): `docker system df -v --format '{{json
 * .BuildCache}}'` prints every build-cache record with its ID, type, description, usage count and
 * last-used time to the nanosecond. A context record keeps its ID from build to build of the same
 * directory by the same client identity, and every build that syncs into it adds one to its usage
 * count and moves its last-used time; a build of that directory by another client identity (another
 * `~/.docker/.buildNodeID`) gets records of its own.
 */
import type { DockerExec } from './exec.js'

/** One `source.local` record: enough to see whether anything used it since. */
export interface LocalSource {
  id: string
  /** `local source for context`, `local source for dockerfile`. */
  description: string
  usage: number
  /** As the daemon prints it; compared as a string, never parsed. */
  lastUsed: string
}

export const BUILD_CACHE_ARGV = ['system', 'df', '-v', '--format', '{{json .BuildCache}}']

/**
 * The `source.local` records of a `{{json .BuildCache}}` listing, sorted by ID. Throws on output
 * that is not the array of records the 20.10 client prints (an empty cache prints `[]`).
 */
export function parseLocalSources(text: string): LocalSource[] {
  const value: unknown = JSON.parse(text.trim() || 'null')
  if (value === null) return []
  if (!Array.isArray(value)) throw new Error('build cache listing is not an array')
  const out: LocalSource[] = []
  for (const r of value as unknown[]) {
    if (typeof r !== 'object' || r === null) throw new Error('build cache record is not an object')
    const o = r as Record<string, unknown>
    // The CLI's template prints these fields as strings; the raw API as numbers and strings.
    const type = o.CacheType ?? o.Type
    if (type !== 'source.local') continue
    const usage = Number(o.UsageCount)
    const { ID: id, Description: description, LastUsedAt: lastUsed } = o
    if (typeof id !== 'string' || id === '' || !Number.isSafeInteger(usage)) {
      throw new Error('build cache record without an ID or a usage count')
    }
    out.push({
      // The client marks a record in use with a trailing `*`; the API has a field for that.
      id: id.replace(/\*$/, ''),
      description: typeof description === 'string' ? description : '',
      usage,
      lastUsed: canonicalTime(typeof lastUsed === 'string' ? lastUsed : String(lastUsed ?? ''))
    })
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

const TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:\s*(Z|[+-]\d{2}:?\d{2}))?/

/**
 * One spelling for an instant, to the nanosecond: the client prints Go's `2026-12-01
 * 13:14:33.990649254 +0000 UTC` (in its own time zone), the API RFC 3339 `...T13:14:33.990649254Z`.
 * Both become `2026-12-01T13:14:33.990649254Z`; only the whole seconds go through Date, so no
 * digit of the fraction is lost. Anything else is kept as it is (and compared as it is).
 */
export function canonicalTime(text: string): string {
  const m = TIME.exec(text.trim())
  if (!m) return text
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m
  const offset =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) *
        60_000
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - offset
  if (!Number.isFinite(ms)) return text
  return `${new Date(ms).toISOString().slice(0, 19)}.${frac.padEnd(9, '0')}Z`
}

/** The daemon's `source.local` records, or the reason they cannot be listed. */
export async function listLocalSources(
  exec: DockerExec
): Promise<{ sources: LocalSource[] } | { error: string }> {
  try {
    const r = await exec(BUILD_CACHE_ARGV, { maxCapture: 8 * 1024 * 1024 })
    if (r.code !== 0 || r.truncated) {
      return {
        error: `docker system df failed (exit ${r.code}): ${r.stderr.trim().split('\n')[0] ?? ''}`
      }
    }
    return { sources: parseLocalSources(r.stdout) }
  } catch (e) {
    return { error: `docker system df: ${e instanceof Error ? e.message : String(e)}` }
  }
}

/** Same record, unused since: same ID, usage count and last-used time. */
export function sameUse(a: LocalSource, b: LocalSource): boolean {
  return a.id === b.id && a.usage === b.usage && a.lastUsed === b.lastUsed
}

/** Records in `after` that are new or were used since `before`: what a build in between touched. */
export function usedBetween(
  before: readonly LocalSource[],
  after: readonly LocalSource[]
): LocalSource[] {
  const old = new Map(before.map(s => [s.id, s]))
  return after.filter(s => {
    const was = old.get(s.id)
    return was === undefined || !sameUse(was, s)
  })
}
