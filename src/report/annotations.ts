import type { AnnotationProperties } from '@actions/core'
import { isAbsolute, relative, sep } from 'node:path'
import { escapesRoot } from '../util/index.js'
import type { Judgement, StepResult } from '../model.js'
import { listWithMore } from './text.js'
import { redactor, truncate, visible, type Redact } from './text-safety.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  level: AnnotationLevel
  message: string
  /** Repository-relative path, so GitHub places it on the file. */
  file: string
  startLine: number
  endLine?: number
  title: string
}

export interface AnnotationOptions {
  secrets?: readonly string[]
  /** Warnings that know their Dockerfile line (e.g. DockerfilePlan.warnings). */
  lineWarnings?: readonly { line: number; message: string }[]
  /** Last line per first line, for instructions spanning continuation lines. */
  endLines?: ReadonlyMap<number, number>
}

/** The part of `@actions/core` that emits annotations. */
export interface AnnotationSink {
  error(message: string, properties?: AnnotationProperties): void
  warning(message: string, properties?: AnnotationProperties): void
  notice(message: string, properties?: AnnotationProperties): void
}

/**
 * A warning string that names its line: `line 7: ...` or `<anything> line 7: ...` (e.g.
 * `Dockerfile line 7: ADD <url> is not hashed`). Other warnings have no place to land.
 */
const LINE_WARNING = /^(?:\S+ )?line (\d+):\s*(.+)$/is

/**
 * Annotations on the Dockerfile: an error on each stale step's line naming the files and the
 * likely cause, a warning on each warning that carries a line. Ordered errors first, since GitHub
 * shows only the first few per kind.
 */
export function annotationsFor(
  j: Judgement,
  dockerfilePath: string,
  opts: AnnotationOptions = {}
): Annotation[] {
  const redact = redactor(opts.secrets)
  const safe = (s: string, max = 4000): string => truncate(visible(redact(s)), max)
  const span = (line: number): { endLine?: number } => {
    const end = opts.endLines?.get(line)
    return end !== undefined && end > line ? { endLine: end } : {}
  }
  const file = dockerfilePath.split(sep).join('/')
  const out: Annotation[] = []

  for (const s of j.steps) {
    if (s.status !== 'stale' || s.line < 1) continue
    out.push({
      level: 'error',
      file,
      startLine: s.line,
      ...span(s.line),
      title: safe(`Stale layer: ${s.stage} step ${s.index}`, 200),
      message: staleMessage(s, j.causes, redact)
    })
  }

  const seen = new Set<string>()
  const lineWarnings = [...(opts.lineWarnings ?? [])]
  for (const w of j.warnings) {
    const m = LINE_WARNING.exec(w)
    if (m?.[1] && m[2]) lineWarnings.push({ line: Number(m[1]), message: m[2] })
  }
  for (const w of lineWarnings) {
    const key = `${w.line}\0${w.message}`
    if (w.line < 1 || seen.has(key)) continue
    seen.add(key)
    out.push({
      level: 'warning',
      file,
      startLine: w.line,
      ...span(w.line),
      title: 'fresh-build',
      message: safe(w.message)
    })
  }
  return out
}

function staleMessage(s: StepResult, causes: readonly string[], redact: Redact): string {
  const files = (list: readonly string[]): string =>
    listWithMore(
      list.map(f => visible(redact(f))),
      10
    ).join(', ')
  const instruction = truncate(visible(redact(s.instruction)), 200)
  const what =
    s.staleFiles.length > 0
      ? `${instruction} was ${s.cached ? 'CACHED' : 'run'}, yet its layer holds old bytes of: ${files(s.staleFiles)}.`
      : (s.unprovenFiles ?? []).length > 0
        ? `${instruction} was ${s.cached ? 'CACHED' : 'run'}, and nothing proved the image holds the new bytes of: ${files(s.unprovenFiles ?? [])}${s.unproven ? ` (${visible(redact(s.unproven))})` : ''}.`
        : `${instruction} was CACHED although its sources changed${s.changedFiles.length > 0 ? ` (${files(s.changedFiles)})` : ''}, and nothing proved the layer holds the new bytes.`
  const cause =
    causes.length > 0
      ? `Likely cause: ${causes.map(c => visible(redact(c))).join('; ')}.`
      : 'Likely cause: not identified in this run; see the job summary.'
  return `${what} ${cause}`
}

/** Emits the annotations through `@actions/core` (or a fake in tests). */
export function emitAnnotations(sink: AnnotationSink, list: readonly Annotation[]): void {
  for (const a of list) {
    const props: AnnotationProperties = { title: a.title, file: a.file, startLine: a.startLine }
    if (a.endLine !== undefined) props.endLine = a.endLine
    sink[a.level](a.message, props)
  }
}

/**
 * The path GitHub needs for an annotation: relative to the workspace (the repository root),
 * `/`-separated. A path outside the workspace is returned as given (GitHub will not place it).
 */
export function repoRelative(file: string, workspace: string | undefined): string {
  if (!workspace || !isAbsolute(file)) return file.split(sep).join('/')
  if (escapesRoot(workspace, file)) return file
  return relative(workspace, file).split(sep).join('/')
}

/**
 * The judgement's warnings that name no Dockerfile line (a builder, the runner, the record), made
 * safe to print: GitHub still shows them as annotations, on the run rather than on a file.
 */
export function unplacedWarnings(j: Judgement, secrets: readonly string[] = []): string[] {
  const redact = redactor(secrets)
  return j.warnings.filter(w => !LINE_WARNING.test(w)).map(w => truncate(visible(redact(w)), 4000))
}
