import { LABELS, type BuildRecord } from '../model.js'

/** A context step as the image's steps label carries it. */
export interface LabelStep {
  stage: string
  index: number
  sourceHash: string
}

/** What a deployed image's labels tell about the build that made it. */
export interface LabelledBuild {
  contextHash: string | null
  steps: LabelStep[] | null
  commit: string | null
  buildId: string | null
  /** ISO time from the created label. */
  builtAt: string | null
  /** One line per label that was present but could not be used. */
  problems: string[]
}

const HASH = /^sha256:[0-9a-f]{64}$/

/**
 * The labels a guarded image carries (LABELS in model.ts). Labels whose value is unknown (no
 * commit, no build id) are left out rather than set empty, so they never overwrite a real value
 * inherited from a base image with nothing.
 */
export function recordLabels(
  record: Pick<BuildRecord, 'builtAt' | 'contextHash' | 'commit' | 'buildId'> & {
    readonly steps: readonly Pick<BuildRecord['steps'][number], 'stage' | 'index' | 'sourceHash'>[]
  }
): Record<string, string> {
  const labels: Record<string, string> = {
    [LABELS.created]: record.builtAt,
    [LABELS.contextHash]: record.contextHash,
    [LABELS.steps]: JSON.stringify(record.steps.map(s => [s.stage, s.index, s.sourceHash]))
  }
  if (record.commit) labels[LABELS.revision] = record.commit
  if (record.buildId) labels[LABELS.buildId] = record.buildId
  return labels
}

/** Reads back recordLabels' output from `docker inspect` labels; tolerates missing or garbled ones. */
export function recordFromLabels(labels: Record<string, string> | null | undefined): LabelledBuild {
  const l = labels ?? {}
  const problems: string[] = []
  const text = (key: string): string | null => {
    const v = l[key]
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null
  }

  let contextHash = text(LABELS.contextHash)
  if (contextHash !== null && !HASH.test(contextHash)) {
    problems.push(`label ${LABELS.contextHash} is not sha256:<64 hex>: ${preview(contextHash)}`)
    contextHash = null
  }
  let builtAt = text(LABELS.created)
  if (builtAt !== null && Number.isNaN(Date.parse(builtAt))) {
    problems.push(`label ${LABELS.created} is not a time: ${preview(builtAt)}`)
    builtAt = null
  }
  const rawSteps = text(LABELS.steps)
  let steps: LabelStep[] | null = null
  if (rawSteps !== null) {
    steps = parseSteps(rawSteps)
    if (steps === null)
      problems.push(
        `label ${LABELS.steps} is not [[stage, index, sha256], ...]: ${preview(rawSteps)}`
      )
  }
  return {
    contextHash,
    steps,
    commit: text(LABELS.revision),
    buildId: text(LABELS.buildId),
    builtAt,
    problems
  }
}

function parseSteps(raw: string): LabelStep[] | null {
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch {
    return null
  }
  if (!Array.isArray(v)) return null
  const steps: LabelStep[] = []
  for (const item of v) {
    if (!Array.isArray(item) || item.length !== 3) return null
    const [stage, index, sourceHash] = item as unknown[]
    if (typeof stage !== 'string' || typeof sourceHash !== 'string' || !HASH.test(sourceHash))
      return null
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 1) return null
    steps.push({ stage, index, sourceHash })
  }
  return steps
}

function preview(s: string): string {
  const flat = JSON.stringify(s)
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat
}
