import type { ParsedLog } from '../model.js'
import type { Vertex } from '../dockerfile/index.js'

/** A log step whose instruction is not the one the Dockerfile read has at that place. */
export interface InstructionMismatch {
  stage: string
  index: number
  /** The Dockerfile line, when the Dockerfile has an instruction there. */
  line: number | null
  /** What the Dockerfile read says there (as written), null when it has nothing there. */
  expected: string | null
  printed: string
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()

/**
 * Compares every instruction step of a BuildKit log with the Dockerfile the guard read (issue
 * 12, class 1). BuildKit reads the Dockerfile through its own local source with the context's
 * size+mtime shortcut, so a same-size, mtime-kept edit can build the OLD Dockerfile while the
 * guard reads the new one; the log then prints the old instructions. Whitespace runs are
 * compared as one space; a tty log may cut a long name (then its text must be a prefix); with
 * `looseArgs` (another tool's build, whose build args are unknown) a vertex that expands
 * build-arg variables matches with each variable standing for any text. The legacy builder
 * sends its Dockerfile with the whole context every time: its logs are not compared.
 */
export function compareInstructions(
  vertices: readonly Vertex[],
  stages: readonly { name: string; total: number }[],
  needed: ReadonlySet<string>,
  log: ParsedLog,
  opts: { service: string | null; looseArgs: boolean }
): InstructionMismatch[] {
  if (log.format === 'legacy' || log.format === 'unknown') return []
  const byKey = new Map(vertices.map(v => [`${v.stage}#${v.index}`, v]))
  const totals = new Map(stages.map(s => [s.name, s.total]))
  const single = stages.length === 1 ? (stages[0]?.name ?? null) : null
  const out: InstructionMismatch[] = []
  for (const step of log.steps) {
    if (opts.service !== null && step.service !== null && step.service !== opts.service) continue
    if (/^FROM\s/i.test(step.instruction)) continue
    const stage = step.stage === null ? single : step.stage.toLowerCase()
    // A nameless step of a multi-stage file, or a stage this build does not run: not ours to read.
    if (stage === null || !needed.has(stage)) continue
    const v = byKey.get(`${stage}#${step.index}`)
    const miss = (expected: string | null, line: number | null): void => {
      out.push({ stage, index: step.index, line, expected, printed: step.instruction })
    }
    if (v === undefined || totals.get(stage) !== step.total) {
      miss(v?.instruction ?? null, v?.line ?? null)
      continue
    }
    if (v.printed.length === 0) continue // a heredoc: its printed form is not predicted
    if (!matches(v, step.instruction, log.format === 'buildkit-tty', opts.looseArgs)) {
      miss(v.instruction, v.line)
    }
  }
  return out
}

function matches(v: Vertex, printed: string, mayBeCut: boolean, looseArgs: boolean): boolean {
  const got = squash(printed).replace(/\.\.\.$/, '')
  for (const p of v.printed) {
    const want = squash(p)
    if (want === got || (mayBeCut && got.length > 0 && want.startsWith(got))) return true
  }
  if (!looseArgs || !v.usesArgs) return false
  // Each `$NAME` / `${...}` of the text as written may have been any value in that build.
  const parts = squash(v.instruction).split(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/)
  const re = new RegExp(
    `^${parts.map(p => p.replace(/["']/g, '').replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('.*')}$`,
    's'
  )
  return re.test(got.replace(/["']/g, ''))
}
