import type {
  BuildRecord,
  ContextEntry,
  HashedStep,
  Judgement,
  LogStep,
  PrunePolicy,
  PruneResult,
  StepResult,
  StepStatus,
  VerifyPolicy
} from '../model.js'
import { signatureSize } from '../context/hash.js'
import { stepKey, type Comparison } from './compare.js'

/** A changed path a step reads, and what its layer must hold (null: removed, must be absent). */
export interface ProofRequest {
  key: string
  stage: string
  index: number
  paths: { path: string; expected: ContextEntry | null }[]
}

export interface FileProof {
  path: string
  ok: boolean
  /** What the layer holds when it is not what the context holds, e.g. `old bytes sha256:ab12`. */
  detail: string
}

export interface ProofOutcome {
  key: string
  files: FileProof[]
  /** Why the step's layer could not be read at all, when it could not. */
  unprovable?: string
}

/** Facts of this run that explain a stale result. */
export interface RunFacts {
  builder: 'buildx' | 'buildkit' | 'legacy' | 'unknown'
  cacheFrom: string[]
  /** `importing cache manifest from X` lines of the log. */
  cacheImports: string[]
  dockerHost: string | null
  prunePolicy: PrunePolicy
}

/**
 * Which changed paths need byte proof. With `verify: changed` every changed path of every COPY/ADD
 * step is proven, also in steps that ran: BuildKit re-runs a COPY when one file changed normally
 * yet can keep a second, mtime-kept file stale inside it. That takes a context cache that was not
 * pruned: when this run re-sent the whole context (`contextResent`: a successful source.local
 * prune right before the build, or the legacy builder, which always sends everything), a step the
 * log shows RAN copied the bytes just sent, and proving it again would only cost a `docker save`.
 * Cached steps, and steps the log does not show, are always proven. RUN bind mounts leave no layer.
 */
export function planProofs(
  steps: readonly HashedStep[],
  comparison: Comparison,
  current: ReadonlyMap<string, ContextEntry>,
  verify: VerifyPolicy,
  seen: { logSteps: ReadonlyMap<string, LogStep>; contextResent: boolean } = {
    logSteps: new Map(),
    contextResent: false
  }
): ProofRequest[] {
  if (verify === 'none') return []
  const out: ProofRequest[] = []
  for (const step of steps) {
    if (step.keyword === 'RUN') continue
    const key = stepKey(step)
    const changed = comparison.stepChanges.get(key)
    if (!changed || changed.length === 0) continue
    if (seen.contextResent && seen.logSteps.get(key)?.cached === false) continue
    out.push({
      key,
      stage: step.stage,
      index: step.index,
      paths: changed.map(path => ({ path, expected: current.get(path) ?? null }))
    })
  }
  return out
}

export interface JudgeInput {
  contextHash: string
  /** Current signatures by path (see fileSignatures). */
  files: Record<string, string>
  /** Context steps of the stages this build ran. */
  steps: readonly HashedStep[]
  previous: BuildRecord | null
  comparison: Comparison
  logSteps: ReadonlyMap<string, LogStep>
  proofs: ReadonlyMap<string, ProofOutcome>
  pruned: PruneResult | null
  verify: VerifyPolicy
  facts: RunFacts
  warnings: string[]
  imageId: string | null
}

/** The verdict (docs/design.md, Verdicts): a cached COPY of changed sources is stale until its bytes prove it. */
export function judge(input: JudgeInput): Judgement {
  const { comparison, previous } = input
  const warnings = [...input.warnings]
  const results: StepResult[] = input.steps.map(step => {
    const key = stepKey(step)
    const seen = input.logSteps.get(key)
    const changedFiles = comparison.stepChanges.get(key)
    const changed = changedFiles !== undefined
    const cached = seen?.cached ?? false
    const base = {
      stage: step.stage,
      index: step.index,
      instruction: step.instruction,
      line: step.line,
      changed,
      cached,
      changedFiles: changedFiles ?? [],
      staleFiles: [] as string[]
    }
    const status = (s: StepStatus, staleFiles: string[] = []): StepResult => ({
      ...base,
      status: s,
      staleFiles
    })
    if (!changed) return status(cached ? 'cached' : 'ran')

    if (step.keyword === 'RUN') {
      if (cached) {
        warnings.push(
          `line ${step.line}: ${step.instruction} reads changed context files through a bind mount and was cached; a bind mount leaves no layer to prove its bytes`
        )
      }
      return status(cached ? 'cached' : 'ran')
    }
    if (!seen) {
      warnings.push(
        `line ${step.line}: ${step.instruction} was not found in the build log; judged by byte proof only`
      )
    }
    const proof = input.proofs.get(key)
    if (proof && !proof.unprovable) {
      const bad = proof.files.filter(f => !f.ok).map(f => f.path)
      if (bad.length > 0) return status('stale', bad)
      // `verified` is a cached step cleared by proof; a step that ran is `ran`, proven or not.
      return status(cached ? 'verified' : 'ran')
    }
    if (proof?.unprovable) {
      warnings.push(
        `line ${step.line}: could not read the layer of ${step.instruction}: ${proof.unprovable}`
      )
    }
    // An unproven suspect is stale; a step that visibly ran is trusted when no proof is possible.
    if (cached || (!seen && input.verify === 'changed')) return status('stale', base.changedFiles)
    return status('ran')
  })

  const verdict =
    previous === null
      ? 'baseline'
      : results.some(r => r.status === 'stale')
        ? 'stale'
        : input.contextHash === previous.contextHash && comparison.stepChanges.size === 0
          ? 'unchanged'
          : 'fresh'

  return {
    verdict,
    contextHash: input.contextHash,
    previousHash: comparison.previousHash,
    changedFiles: comparison.changedFiles,
    pruned: input.pruned,
    steps: results,
    causes: verdict === 'stale' ? likelyCauses(input, results) : [],
    warnings,
    imageId: input.imageId
  }
}

/** The likely causes seen in this run, most specific first. */
export function likelyCauses(input: JudgeInput, results: readonly StepResult[]): string[] {
  const causes: string[] = []
  const { facts, pruned, previous } = input
  const imports = [...new Set([...facts.cacheImports, ...facts.cacheFrom])]
  if (imports.length > 0) {
    causes.push(
      `cache imported from ${imports.join(', ')} (--cache-from / inline cache) serves layers built from other bytes, even after a prune`
    )
  }
  if (facts.builder === 'legacy') {
    causes.push(
      'the legacy builder keeps its cache in images: `---> Using cache` survives `docker builder prune`; build with BuildKit (DOCKER_BUILDKIT=1 or buildx) or pass --no-cache'
    )
  }
  if (pruned === null && facts.prunePolicy === 'never') {
    causes.push("the builder's context cache was not pruned (prune: never)")
  } else if (pruned && !pruned.done) {
    causes.push(`the prune did not run to completion${pruned.note ? `: ${pruned.note}` : ''}`)
  }
  if (facts.dockerHost) {
    causes.push(
      `the build ran on the daemon at DOCKER_HOST=${facts.dockerHost}: its cache is the one that must be pruned`
    )
  }
  const stale = results.flatMap(r => r.staleFiles)
  const sameSize = stale.filter(path => {
    const before = previous?.files[path]
    const now = input.files[path]
    return before !== undefined && now !== undefined && signatureSize(before) === signatureSize(now)
  })
  if (sameSize.length > 0) {
    causes.push(
      `same-size edit with the modification time kept (rsync -t, tar, touch -d, mtime-restoring checkouts): ${sameSize.join(', ')}; Docker re-sends a context file only when its size, mtime, mode or owner changed`
    )
  }
  if (causes.length === 0) {
    causes.push(
      'the builder served a cached layer whose bytes differ from the context: prune its context cache (docker builder prune --filter type=source.local, or `fresh-build clear`)'
    )
  }
  return causes
}
