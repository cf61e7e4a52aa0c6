import { compareBytes, fileSignature } from '../context/index.js'
import type { BuildInputs, BuildRecord, ContextEntry, DeployFacts, HashedStep } from '../model.js'

export interface FileDiff {
  /** In both, with another `type mode digest size` signature. */
  changed: string[]
  added: string[]
  removed: string[]
}

/**
 * Compares the recorded files with the current ones (path -> signature). Each list is sorted in
 * byte order, the same on every machine and locale.
 */
export function diffRecords(previous: BuildRecord, files: Record<string, string>): FileDiff {
  const changed: string[] = []
  const added: string[] = []
  const removed: string[] = []
  // Both maps hold own string properties only (validateRecord, fileSignatures), so Object.hasOwn
  // and an index answer what a Map copy of each would, without the copy: `__proto__` included.
  const before = previous.files
  let kept = 0
  for (const path of Object.keys(files)) {
    if (!Object.hasOwn(before, path)) added.push(path)
    else {
      kept++
      if (before[path] !== files[path]) changed.push(path)
    }
  }
  // Every recorded path is still here when as many were found as were recorded.
  const recorded = Object.keys(before)
  if (kept !== recorded.length) {
    for (const path of recorded) if (!Object.hasOwn(files, path)) removed.push(path)
  }
  return {
    changed: changed.sort(compareBytes),
    added: added.sort(compareBytes),
    removed: removed.sort(compareBytes)
  }
}

/** Every path the diff touches, sorted: the changed-files list of the verdict. */
export function changedPaths(diff: FileDiff): string[] {
  return [...diff.changed, ...diff.added, ...diff.removed].sort(compareBytes)
}

/** The path -> signature map a record keeps for a context scan's entries. */
export function fileSignatures(entries: readonly ContextEntry[]): Record<string, string> {
  // fromEntries defines own properties, so a file named `__proto__` stays a file.
  return Object.fromEntries(entries.map(e => [e.path, fileSignature(e)]))
}

export interface NewRecordInput {
  contextHash: string
  /** The context's path -> signature map (fileSignatures), already computed for the comparison. */
  files: Record<string, string>
  steps: readonly HashedStep[]
  commit: string | null
  buildId: string | null
  imageId: string | null
  tags: readonly string[]
  /** Defaults to now. */
  builtAt?: Date
  dockerfile: string
  /** The Dockerfile's and ignore file's digests (a version-2 record); absent: version 1. */
  inputs?: BuildInputs
  /** Where the image's context steps put files, for `verify` (record/deploy.ts). */
  deploy?: DeployFacts
}

/** Assembles the record of a build judged good. */
export function newRecord(input: NewRecordInput): BuildRecord {
  return {
    version: input.inputs ? 2 : 1,
    contextHash: input.contextHash,
    files: input.files,
    steps: input.steps.map(s => ({
      stage: s.stage,
      index: s.index,
      instruction: s.instruction,
      line: s.line,
      sourceHash: s.sourceHash
    })),
    commit: input.commit,
    buildId: input.buildId,
    imageId: input.imageId,
    tags: [...input.tags],
    builtAt: (input.builtAt ?? new Date()).toISOString(),
    dockerfile: input.dockerfile,
    ...(input.deploy ? { deploy: input.deploy } : {}),
    ...(input.inputs ? { inputs: { ...input.inputs } } : {})
  }
}
