/**
 * The options of the guard's final build, from plain data: one place, used by the build itself
 * (stages/build.ts) and by the early build started beside the walk (speculate.ts), so the two
 * can be compared field by field.
 */
import { pruneImpliesNoCache, type BuilderKind, type BuildOptions } from '../docker/index.js'
import { LABELS } from '../model.js'
import { recordLabels } from '../record/index.js'
import { canonical } from '../util/index.js'
import type { BuildSetup } from './build-setup.js'
import type { GuardOptions } from './options.js'
import type { Identity } from './run.js'

export interface FinalBuildInput {
  opts: GuardOptions
  identity: Identity
  buildArgs: Record<string, string>
  kind: BuilderKind
  setup: Pick<BuildSetup, 'labels' | 'noCache' | 'flags'>
  /** The context differs from the record (or there is none): a prune may imply --no-cache. */
  diverged: boolean
  /** What the labels record: the context hash and each context step's source hash. */
  contextHash: string
  steps: readonly { stage: string; index: number; sourceHash: string }[]
  builtAt?: Date
}

/** The final build's options; its labels carry the record of this build (files left out). */
export function finalBuildOptions(input: FinalBuildInput): BuildOptions {
  const { opts, identity, setup } = input
  const labels = recordLabels({
    builtAt: (input.builtAt ?? new Date()).toISOString(),
    contextHash: input.contextHash,
    steps: input.steps,
    commit: identity.commit,
    buildId: identity.buildId
  })
  return {
    context: opts.context,
    file: opts.file,
    tags: opts.tags,
    buildArgs: input.buildArgs,
    cacheFrom: opts.cacheFrom,
    // The user's labels first: fresh-build's own identity labels are the ones recorded.
    labels: { ...setup.labels, ...labels },
    noCache: setup.noCache || (pruneImpliesNoCache(opts.prune, input.kind) && input.diverged),
    flags: setup.flags,
    ...(opts.target ? { target: opts.target } : {})
  }
}

/**
 * Whether two builds are the same build: every option equal except the tags and the created
 * label (the moment each was asked for). Equal options give the builder the same argv.
 */
export function sameBuild(a: BuildOptions, b: BuildOptions): boolean {
  return comparable(a) === comparable(b)
}

function comparable(o: BuildOptions): string {
  const labels = Object.fromEntries(Object.entries(o.labels).filter(([k]) => k !== LABELS.created))
  return JSON.stringify(canonical({ ...o, tags: [], iidFile: undefined, labels }))
}
