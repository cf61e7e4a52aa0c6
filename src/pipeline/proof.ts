import type { ContextEntry, ParsedLog } from '../model.js'
import type { PlannedStep, ReadPlan } from '../dockerfile/index.js'
import {
  inspectImage,
  layerForStep,
  readWantedLayers,
  stageBaseLength,
  type DockerExec,
  type ImageInfo,
  type LayerEntry,
  type WantedLayer
} from '../docker/index.js'
import { stepKey } from '../verdict/compare.js'
import type { FileProof, ProofOutcome, ProofRequest } from '../verdict/judge.js'
import { errorMessage } from './errors.js'
import { pathInContext } from './named-contexts.js'
import { layerTargets, type ExpectContext, type LayerTarget } from './expect.js'

/** An image whose last stage is a given stage. */
export interface StageImage {
  image: string
  /** History entries the builder wrote after the stage's last instruction (see appendedEntries). */
  appended: number
}

export interface ProofDeps {
  exec: DockerExec
  plan: ReadPlan
  /** The stage the build produced (the target, or the last stage). */
  finalStage: string
  /** The image that build produced, and what its builder appended; null when unknown. */
  final: StageImage | null
  /** An image whose last stage is `stage`, e.g. a `--target stage` build served from cache. */
  stageImage: (stage: string) => Promise<StageImage>
  /** A progress line: where the proof's layers were read. */
  say?: (line: string) => void
  /** The context directory and its current entries, to know what each step wrote. */
  context: string
  entries: readonly ContextEntry[]
  /** Named build contexts by name: their directories and entries (paths inside them). */
  named?: ReadonlyMap<string, NamedContext>
}

/** A named build context as the proof needs it. */
export interface NamedContext {
  root: string
  entries: readonly ContextEntry[]
}

/**
 * History entries a build appended after the target stage's last instruction. The legacy builder
 * turns every `--label` into a trailing `LABEL` step (measured with the 28.x client: `Step 3/7 :
 * LABEL ...` after a 2-instruction Dockerfile), each with its own history entry; its `Step N/M`
 * total counts them. BuildKit writes labels into the config only: 0.
 */
export function appendedEntries(
  log: ParsedLog,
  plan: ReadPlan,
  stageName: string,
  service: string | null = null
): number {
  if (log.format !== 'legacy') return 0
  const stage = plan.stages.find(s => s.name === stageName)
  const totals = log.steps
    .filter(s => service === null || s.service === null || s.service === service)
    .map(s => s.total)
  if (!stage || totals.length === 0) return 0
  return Math.max(0, Math.max(...totals) - (stage.fromOrdinal + stage.instructions - 1))
}

/**
 * Byte proof: for each request, reads the layer the step itself wrote (so a later RUN that
 * rewrites or deletes the files cannot hide what the COPY wrote) and compares each changed path
 * with the context. One `docker save` per stage image, reading only the wanted paths.
 */
export async function proveSteps(
  requests: readonly ProofRequest[],
  deps: ProofDeps
): Promise<Map<string, ProofOutcome>> {
  const out = new Map<string, ProofOutcome>()
  const steps = new Map(deps.plan.steps.map(s => [stepKey(s), s]))
  const byStage = new Map<string, ProofRequest[]>()
  for (const r of requests) byStage.set(r.stage, [...(byStage.get(r.stage) ?? []), r])

  for (const [stage, reqs] of byStage) {
    const fail = (why: string): void => {
      for (const r of reqs) out.set(r.key, { key: r.key, files: [], unprovable: why })
    }
    try {
      const built =
        stage === deps.finalStage && deps.final ? deps.final : await deps.stageImage(stage)
      const proved = await proveStage(built, stage, reqs, steps, deps)
      for (const p of proved) out.set(p.key, p)
    } catch (e) {
      fail(errorMessage(e))
    }
  }
  return out
}

/** Where a step's changed paths land in its layer, before the layer is read. */
interface PendingProof {
  req: ProofRequest
  step: PlannedStep
  diffId: string
  targets: Map<string, LayerTarget[]>
  unproven: Map<string, string>
}

/** The context a step copies from: the main one, or a named one with its own entries. */
type Contexts = {
  main: ExpectContext
  named: ReadonlyMap<string, ExpectContext>
}

async function proveStage(
  { image, appended }: StageImage,
  stageName: string,
  reqs: readonly ProofRequest[],
  steps: ReadonlyMap<string, PlannedStep>,
  deps: ProofDeps
): Promise<ProofOutcome[]> {
  const stage = deps.plan.stages.find(s => s.name === stageName)
  if (!stage) throw new Error(`stage ${stageName} is not in the Dockerfile`)
  const info = await inspectImage(deps.exec, image)
  // The image's last stage is this one: its history ends with this stage's instructions, then
  // whatever the builder appended.
  const base = stageBaseLength(info.history.length - appended, [stage.instructions])
  const contexts = proofContexts(deps)
  const outcomes: ProofOutcome[] = []
  const pending: PendingProof[] = []
  for (const req of reqs) {
    const step = steps.get(req.key)
    if (!step) {
      outcomes.push({ key: req.key, files: [], unprovable: 'step not found in the Dockerfile' })
      continue
    }
    const position = step.position ?? step.ordinal - stage.fromOrdinal + 1
    const layer = layerForStep(info.history, base, position)
    const diffId = layer === null ? undefined : info.diffIds[layer]
    if (diffId === undefined) {
      const unprovable = `the image history of ${image} has no layer for line ${step.line}`
      outcomes.push({ key: req.key, files: [], unprovable })
      continue
    }
    pending.push({ req, step, diffId, ...(await stepTargets(req, step, contexts)) })
  }
  if (pending.length === 0) return outcomes
  const layers = await readProofLayers(deps, info, pending)
  for (const p of pending) {
    const files = judgeFiles(p, layers.get(p.diffId) ?? new Map<string, LayerEntry>())
    outcomes.push({ key: p.req.key, files })
  }
  return outcomes
}

/** The main context and each named one, their entries by path. */
function proofContexts(deps: ProofDeps): Contexts {
  const named = new Map<string, ExpectContext>()
  for (const [name, c] of deps.named ?? new Map<string, NamedContext>()) {
    named.set(name, { context: c.root, byPath: new Map(c.entries.map(e => [e.path, e])) })
  }
  const main = { context: deps.context, byPath: new Map(deps.entries.map(e => [e.path, e])) }
  return { main, named }
}

/** Each requested path's layer targets, or why it cannot be proven. */
async function stepTargets(
  req: ProofRequest,
  step: PlannedStep,
  contexts: Contexts
): Promise<Pick<PendingProof, 'targets' | 'unproven'>> {
  const targets = new Map<string, LayerTarget[]>()
  const unproven = new Map<string, string>()
  // A named context's step: its own directory and entries, its paths without the NAME: key.
  const named = step.context === undefined ? undefined : contexts.named.get(step.context)
  const where = named ?? contexts.main
  for (const { path, expected } of req.paths) {
    const inside = pathInContext(step.context, path)
    const want = expected && named ? { ...expected, path: inside } : expected
    const t = await layerTargets(step, inside, want, where)
    if ('unprovable' in t) unproven.set(path, t.unprovable)
    else targets.set(path, t.targets)
  }
  return { targets, unproven }
}

/** Reads the wanted paths of every pending layer, saying where they were read from. */
function readProofLayers(
  deps: ProofDeps,
  info: ImageInfo,
  pending: readonly PendingProof[]
): Promise<Map<string, Map<string, LayerEntry>>> {
  const wanted: WantedLayer[] = pending
    .map(p => ({ diffId: p.diffId, paths: [...p.targets.values()].flat().map(t => t.dest) }))
    .filter(w => w.paths.length > 0)
  return readWantedLayers(deps.exec, info, wanted, r => {
    if (r.fromStore.length > 0) {
      deps.say?.(`proof: ${r.fromStore.length} layer(s) read from the layer store on this host`)
    }
    if (r.fromSave.length > 0)
      deps.say?.(`proof: ${r.fromSave.length} layer(s) read from docker save`)
  })
}

/** Each requested path against what its step's layer holds. */
function judgeFiles(
  { req, step, targets, unproven }: PendingProof,
  entries: ReadonlyMap<string, LayerEntry>
): FileProof[] {
  const files: FileProof[] = []
  for (const { path } of req.paths) {
    const why = unproven.get(path)
    if (why !== undefined) {
      files.push({ path, ok: false, detail: why, unproven: true })
      continue
    }
    // A path that lands nowhere (excluded by --exclude) has nothing to prove.
    const bad = (targets.get(path) ?? [])
      .map(t => {
        const actual = entries.get(t.dest) ?? { type: 'missing' as const, mode: 0 }
        const r = compareEntry(path, t.expected, actual, step.flags.chmod !== undefined)
        return t.member !== undefined && !r.ok ? { ...r, detail: `${t.member}: ${r.detail}` } : r
      })
      .find(r => !r.ok)
    files.push(bad ?? { path, ok: true, detail: '' })
  }
  return files
}

/** Does the layer hold what the context holds? Owner is never compared (COPY may --chown). */
export function compareEntry(
  path: string,
  expected: ContextEntry | null,
  actual: LayerEntry,
  chmodFlag: boolean
): FileProof {
  const ok = (): FileProof => ({ path, ok: true, detail: '' })
  const bad = (detail: string): FileProof => ({ path, ok: false, detail })
  if (expected === null) {
    return actual.type === 'missing' || actual.type === 'whiteout'
      ? ok()
      : bad('removed from the context but still in the layer')
  }
  if (actual.type === 'missing' || actual.type === 'whiteout') return bad('missing from the layer')
  if (actual.type !== expected.type)
    return bad(`is a ${actual.type} in the layer, a ${expected.type} in the context`)
  if (expected.type === 'symlink' && actual.linkTarget !== expected.linkTarget) {
    return bad(
      `links to ${actual.linkTarget ?? '?'} in the layer, ${expected.linkTarget ?? '?'} in the context`
    )
  }
  if (expected.type === 'file' && actual.digest !== expected.digest) {
    return bad(
      actual.digest === undefined
        ? 'a hard link in the layer whose bytes were not read'
        : `old bytes in the layer (${actual.digest.slice(7, 19)}, context ${expected.digest?.slice(7, 19) ?? '?'})`
    )
  }
  if (!chmodFlag && (actual.mode & 0o777) !== (expected.mode & 0o777)) {
    return bad(
      `mode ${(actual.mode & 0o777).toString(8)} in the layer, ${(expected.mode & 0o777).toString(8)} in the context`
    )
  }
  return ok()
}
