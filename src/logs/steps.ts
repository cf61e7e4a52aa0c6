import type { LogStep } from '../model.js'

/** Distinct steps kept per format: far above any real build, a bound for hostile input. */
export const MAX_STEPS = 20000

/** One sighting of an instruction step, before compose service and stage are told apart. */
export interface Sighting {
  /** Service from a line prefix (`web  | ...`), which leaves every bracket word to the stage. */
  lineService: string | null
  /** Bracket words before the index, platforms removed ([] for the legacy builder). */
  words: string[]
  index: number
  total: number
  instruction: string
  cached: boolean
  error: boolean
}

interface Entry extends Sighting {
  seq: number
}

/**
 * The steps a log showed, merged across repeats: re-printed headers, tty redraws, rawjson
 * vertex updates and every platform of a multi-platform build describe the same step.
 */
export class StepTable {
  private readonly entries = new Map<string, Entry>()
  private seq = 0

  get size(): number {
    return this.entries.size
  }

  /** Records a sighting; returns its key for later status lines, or null past the bound. */
  add(s: Sighting): string | null {
    const key = `${s.lineService ?? ''}\u0000${s.words.join(' ')}\u0000${s.index}/${s.total}`
    const seen = this.entries.get(key)
    if (seen !== undefined) {
      seen.cached ||= s.cached
      seen.error ||= s.error
      // Keep the fullest text: old buildx and tty cut long names, other sightings may not.
      if (s.instruction.length > seen.instruction.length) seen.instruction = s.instruction
      return key
    }
    if (this.entries.size >= MAX_STEPS) return null
    this.entries.set(key, { ...s, seq: this.seq++ })
    return key
  }

  mark(key: string, flag: 'cached' | 'error'): void {
    const e = this.entries.get(key)
    if (e !== undefined) e[flag] = true
  }

  /**
   * Tells service from stage and sorts in Dockerfile order: services and stages by first
   * appearance, instructions by index. A lone bracket word is a service only when the log
   * named that service elsewhere (`[web internal]`): compose prefixes `[1/3] RUN` to `[web 1/3]`.
   */
  resolve(services: ReadonlySet<string>): LogStep[] {
    const firstSeen = new Map<string, number>()
    const note = (key: string, seq: number): void => {
      const prev = firstSeen.get(key)
      if (prev === undefined || seq < prev) firstSeen.set(key, seq)
    }
    const rows: { step: LogStep; seq: number; serviceKey: string; stageKey: string }[] = []
    for (const e of this.entries.values()) {
      const { service, stage } = splitWords(e, services)
      const serviceKey = service ?? ''
      const stageKey = `${serviceKey}\u0000${stage ?? ''}`
      note(serviceKey, e.seq)
      note(stageKey, e.seq)
      const step: LogStep = {
        service,
        stage,
        index: e.index,
        total: e.total,
        instruction: e.instruction,
        cached: e.cached
      }
      if (e.error) step.error = true
      rows.push({ step, seq: e.seq, serviceKey, stageKey })
    }
    const rank = (key: string): number => firstSeen.get(key) ?? 0
    return rows
      .sort(
        (a, b) =>
          rank(a.serviceKey) - rank(b.serviceKey) ||
          rank(a.stageKey) - rank(b.stageKey) ||
          a.step.index - b.step.index ||
          a.step.total - b.step.total ||
          a.seq - b.seq
      )
      .map(r => r.step)
  }
}

function splitWords(
  e: Sighting,
  services: ReadonlySet<string>
): { service: string | null; stage: string | null } {
  const w = e.words
  const last = w.length > 0 ? w[w.length - 1] : null
  if (e.lineService !== null) return { service: e.lineService, stage: last }
  if (w.length >= 2) return { service: w[0], stage: last }
  if (last !== null && services.has(last)) return { service: last, stage: null }
  return { service: null, stage: last }
}
