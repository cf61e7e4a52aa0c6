import type { BuildRecord, HashedStep } from '../model.js'
import { changedPaths, diffRecords } from '../record/index.js'

/** Step identity across runs: the stage and the instruction's position in it. */
export function stepKey(step: { stage: string; index: number }): string {
  return `${step.stage}#${step.index}`
}

export interface Comparison {
  previousHash: string | null
  /** Added, changed and removed paths (files, symlinks and dirs), byte-sorted. */
  changedFiles: string[]
  removedFiles: Set<string>
  /** Per step key: the changed paths that step reads (removed ones included). */
  stepChanges: Map<string, string[]>
}

/**
 * What changed since the record: per file by signature, and per step. A step is changed when it
 * reads a changed path, or when the record has the same step and its source hash differs (this also
 * catches an entry the step newly selects because its sources were edited in the Dockerfile).
 * `selects(step, path)` says whether the step reads a path, now or in the recorded context.
 */
export function compareWithRecord(
  files: Record<string, string>,
  steps: readonly HashedStep[],
  previous: BuildRecord | null,
  selects: (step: HashedStep, path: string) => boolean
): Comparison {
  const stepChanges = new Map<string, string[]>()
  if (!previous) {
    return { previousHash: null, changedFiles: [], removedFiles: new Set(), stepChanges }
  }
  const diff = diffRecords(previous, files)
  const changed = changedPaths(diff)
  const recorded = new Map(previous.steps.map(s => [stepKey(s), s]))
  for (const step of steps) {
    const paths = changed.filter(p => selects(step, p))
    const before = recorded.get(stepKey(step))
    const hashMoved =
      before !== undefined &&
      before.instruction === step.instruction &&
      before.sourceHash !== step.sourceHash
    if (paths.length > 0 || hashMoved) stepChanges.set(stepKey(step), paths)
  }
  return {
    previousHash: previous.contextHash,
    changedFiles: changed,
    removedFiles: new Set(diff.removed),
    stepChanges
  }
}
