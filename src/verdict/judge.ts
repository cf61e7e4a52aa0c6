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
import { signatureSize } from '../context/index.js'
import { stepKey, type Comparison } from './compare.js'
import type { InstructionMismatch } from './instructions.js'

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
  /** Not compared at all (detail says why): not `ok`, yet not seen to be old either. */
  unproven?: boolean
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
  /** `check`: another tool built, maybe on another daemon; `build`: the guard built here. */
  command?: 'build' | 'check'
}

/** How far this run can trust what BuildKit's context cache served. */
export interface ProofScope {
  logSteps: ReadonlyMap<string, LogStep>
  /**
   * This run re-sent the whole context right before the build (the cure: a successful
   * source.local prune, or the legacy builder): what a step that ran copied is what was sent.
   */
  contextResent: boolean
  /**
   * Steps whose every selected file must be proven, changed or not: nothing vouches for what
   * the builder's context cache held (no record and no cure; check mode, which pruned nothing).
   */
  proveAll?: (step: HashedStep) => boolean
  /** Paths never judged: written by the build's own output while it ran (see guard). */
  skip?: ReadonlySet<string>
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
  seen: ProofScope = { logSteps: new Map(), contextResent: false }
): ProofRequest[] {
  if (verify === 'none') return []
  const out: ProofRequest[] = []
  for (const step of steps) {
    if (step.keyword === 'RUN') continue
    const paths = judgedPaths(step, comparison, seen)
    if (paths.length === 0) continue
    const key = stepKey(step)
    const all = seen.proveAll?.(step) === true
    if (!all && seen.contextResent && seen.logSteps.get(key)?.cached === false) continue
    out.push({
      key,
      stage: step.stage,
      index: step.index,
      paths: paths.map(path => ({ path, expected: current.get(path) ?? null }))
    })
  }
  return out
}

/** The paths of a step to judge: its changed ones, or all it selects when nothing vouches. */
function judgedPaths(step: HashedStep, comparison: Comparison, seen: ProofScope): string[] {
  const changed = comparison.stepChanges.get(stepKey(step)) ?? []
  const paths = seen.proveAll?.(step) ? [...new Set([...changed, ...step.selected])] : changed
  return seen.skip ? paths.filter(p => !seen.skip?.has(p)) : paths
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
  /** What this run can vouch for (see ProofScope); absent: a build that pruned nothing. */
  scope?: Omit<ProofScope, 'logSteps'>
  /** Log steps whose instruction is not the Dockerfile's (an old Dockerfile was built). */
  mismatches?: readonly InstructionMismatch[]
}

/**
 * The verdict (docs/design.md, Verdicts): a changed file a step reads is stale until its bytes prove it, and
 * `fresh`/`unchanged`/`baseline` promise the image holds the context's bytes: a changed file
 * the guard could not prove (a layer it cannot read, a bind mount, an archive it cannot open)
 * makes the step `stale` as unproven, never `ran`.
 */
export function judge(input: JudgeInput): Judgement {
  const { comparison, previous } = input
  const warnings = [...input.warnings]
  const scope: ProofScope = { ...input.scope, contextResent: false, logSteps: input.logSteps }
  scope.contextResent = input.scope?.contextResent ?? false
  const mismatched = new Set((input.mismatches ?? []).map(m => `${m.stage}#${m.index}`))
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
    const unproven = (files: string[], why: string, stale: string[] = []): StepResult => ({
      ...base,
      status: 'stale',
      staleFiles: stale,
      unprovenFiles: [...new Set(files)],
      unproven: why
    })
    if (mismatched.has(key)) {
      return unproven(
        judgedPaths(step, comparison, { ...scope, proveAll: () => true }),
        'the build log printed another instruction for this step: BuildKit built an old copy of the Dockerfile'
      )
    }
    const paths = judgedPaths(step, comparison, scope)

    if (step.keyword === 'RUN') {
      if (paths.length === 0 || scope.contextResent) return status(cached ? 'cached' : 'ran')
      return unproven(
        paths,
        'a bind mount leaves no copy of its sources in the image (the RUN writes only its own output), so only the cure vouches for them: prune type=source.local before the build, which the default policy does when the context changed'
      )
    }
    if (!seen && paths.length > 0) {
      warnings.push(
        `line ${step.line}: ${step.instruction} was not found in the build log; judged by byte proof only`
      )
    }
    const proof = input.proofs.get(key)
    if (proof?.unprovable) {
      return unproven(paths, `its layer could not be read: ${proof.unprovable}`)
    }
    if (proof) {
      const bad = [...new Set(proof.files.filter(f => !f.ok && !f.unproven).map(f => f.path))]
      const unsure = proof.files.filter(f => f.unproven)
      if (unsure.length > 0) {
        return unproven(
          unsure.map(f => f.path),
          [...new Set(unsure.map(f => f.detail))].join('; '),
          bad
        )
      }
      if (bad.length > 0) return status('stale', bad)
      // `verified` is a cached step cleared by proof; a step that ran is `ran`, proven or not.
      return status(cached ? 'verified' : 'ran')
    }
    if (paths.length === 0) return status(cached ? 'cached' : 'ran')
    // Changed, not proven: a step that ran right after the cure copied what was just sent.
    // `verify: none` trusts the log: only a CACHED changed step is then stale.
    if (seen && !cached && (scope.contextResent || input.verify === 'none')) return status('ran')
    return unproven(
      paths,
      input.verify === 'none'
        ? 'verify: none trusts the log, and the log shows it CACHED'
        : seen
          ? 'no byte proof was made for it'
          : 'the build log does not show it, and no byte proof was made for it'
    )
  })

  const mismatch = (input.mismatches ?? []).length > 0
  const verdict =
    mismatch || results.some(r => r.status === 'stale')
      ? 'stale'
      : previous === null
        ? 'baseline'
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
  for (const m of input.mismatches ?? []) {
    causes.push(
      m.expected === null
        ? `the build log shows [${m.stage} ${m.index}] ${m.printed}, which the Dockerfile read has not: BuildKit built an old copy of the Dockerfile (it receives the Dockerfile through its own context source, with the same size+mtime shortcut); prune type=source.local`
        : `line ${m.line ?? '?'} reads \`${m.expected}\` but the build log printed \`${m.printed}\`: BuildKit built an old copy of the Dockerfile (it receives the Dockerfile through its own context source, with the same size+mtime shortcut); prune type=source.local`
    )
  }
  const unsure = results.filter(r => (r.unprovenFiles ?? []).length > 0)
  for (const r of unsure) {
    causes.push(
      `line ${r.line}: unproven: ${(r.unprovenFiles ?? []).slice(0, 5).join(', ')}${(r.unprovenFiles ?? []).length > 5 ? ` and ${(r.unprovenFiles ?? []).length - 5} more` : ''} (${r.unproven ?? ''})`
    )
  }
  // Only another tool's build may have run on another daemon than the one the guard asks.
  if (facts.dockerHost && facts.command === 'check') {
    causes.push(
      `the build ran on the daemon at DOCKER_HOST=${facts.dockerHost}: its cache is the one that must be pruned`
    )
  }
  const stale = results.flatMap(r => r.staleFiles)
  const sameSize = [...new Set(stale)].filter(path => {
    const before = previous?.files[path]
    const now = input.files[path]
    if (before === undefined || now === undefined || before === now) return false
    const a = signatureSize(before)
    return a !== null && a === signatureSize(now)
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
