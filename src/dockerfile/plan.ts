import type { ContextStep, DockerfilePlan } from '../model.js'
import { FreshBuildError } from '../util/index.js'

/** The plan a Dockerfile reads into (instructions.ts builds it), and what is asked of it. */

/** A malformed Dockerfile; the message is one line naming the file and line. */
export class DockerfileError extends FreshBuildError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string
  ) {
    super(`${file}:${line}: ${detail}`)
  }
}

export type StageInfo = DockerfilePlan['stages'][number]

/** A stage with the stages it reads from (FROM, COPY --from, RUN --mount from=). */
export interface PlannedStage extends StageInfo {
  deps: string[]
  /** `ordinal` of the stage's FROM: a step's position in its stage is `ordinal - fromOrdinal + 1`. */
  fromOrdinal: number
  /**
   * Every instruction of the stage, FROM included: each one after FROM writes one image history
   * entry (both builders), which is how a step finds the layer it wrote.
   */
  instructions: number
}

/** A context step with what the reader knows about its destination. */
export interface PlannedStep extends ContextStep {
  /** The destination is a directory: ends in `/`, is `.`, or is a WORKDIR/earlier copy dir. */
  destIsDir: boolean
  /** Position among the stage's history entries (FROM = 1), ONBUILD triggers counted. */
  position?: number
}

/** An instruction that makes a BuildKit vertex, with the texts its log line may print. */
export interface Vertex {
  stage: string
  index: number
  line: number
  /** As written (continuations joined). */
  instruction: string
  /**
   * What BuildKit prints for it, most likely first: the text expanded as its lexer does
   * (quotes kept for RUN), then the text as written. Empty when it cannot be predicted.
   */
  printed: string[]
  /** It expands build-arg variables, whose values another tool's build may have set. */
  usesArgs: boolean
}

export interface ReadPlan extends DockerfilePlan {
  stages: PlannedStage[]
  steps: PlannedStep[]
  /** RUN/COPY/ADD/WORKDIR of every stage, in order (FROM prints a resolved reference). */
  vertices: Vertex[]
  stageArgs: string[]
}

export interface ReadOptions {
  /** Path of the Dockerfile, for messages and `plan.file`. */
  file: string
  /** `--build-arg` values; they override ARG defaults. */
  buildArgs?: Record<string, string>
  /** Names of the named build contexts: `--from=NAME` of these reads that context. */
  namedContexts?: readonly string[]
  /** ONBUILD triggers of a base image (`.Config.OnBuild`), when it is a local image that has them. */
  onBuild?: (base: string) => readonly string[] | undefined
}

/**
 * Stages the build of `target` (default: the last stage) needs: itself and, transitively, the
 * stages it builds on (FROM), copies from (COPY --from) and mounts (RUN --mount from=). BuildKit
 * runs only these, so other stages' steps never appear in the log.
 */
export function neededStages(
  plan: { stages: (StageInfo & { deps?: string[] })[] },
  target?: string
): Set<string> {
  const byName = new Map(plan.stages.map(s => [s.name, s]))
  const start = target === undefined ? plan.stages.at(-1) : byName.get(target.toLowerCase())
  if (start === undefined) {
    throw new Error(`target stage ${target ?? '(last)'} could not be found`)
  }
  const needed = new Set<string>()
  const queue = [start]
  for (let s = queue.pop(); s !== undefined; s = queue.pop()) {
    if (needed.has(s.name)) continue
    needed.add(s.name)
    // Without recorded deps (a plan from elsewhere), the FROM chain is all that is known.
    const deps = s.deps ?? (byName.has(s.base.toLowerCase()) ? [s.base.toLowerCase()] : [])
    for (const d of deps) {
      const dep = byName.get(d)
      if (dep) queue.push(dep)
    }
  }
  return needed
}
