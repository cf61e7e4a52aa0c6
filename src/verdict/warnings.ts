import type { ContextEntry, HashedStep } from '../model.js'

/** Host build outputs that, copied over a fresh build's output by `COPY . .`, ship old code. */
export const HOST_OUTPUTS = [
  '.next',
  'dist',
  'build',
  'node_modules/.cache',
  '__pycache__'
] as const

/** Build args the guard injects so the image can tell which commit and build it came from. */
export const INJECTED_ARGS = ['GIT_COMMIT_HASH', 'BUILD_ID'] as const

export interface WarningFacts {
  entries: readonly ContextEntry[]
  steps: readonly HashedStep[]
  declaredArgs: readonly string[]
  buildArgs: Readonly<Record<string, string>>
  cacheFrom: readonly string[]
  /** Literal COPY/ADD sources that exist on disk but the ignore file excludes. */
  excludedSources: readonly { step: HashedStep; source: string }[]
  /** GIT_COMMIT_HASH / BUILD_ID were injected (build mode), so their ARGs matter. */
  injected: boolean
  /** Names of build args whose values are secret. */
  secretArgs: readonly string[]
}

/**
 * Warnings before the build for the stale-deploy classes users keep hitting. Each names the
 * Dockerfile line where there is one (`line N: ...`, which annotations pick up).
 */
export function preBuildWarnings(f: WarningFacts): string[] {
  const out: string[] = []
  // A host output dir anywhere in the tree (a monorepo's app/.next too), found in one pass.
  const present = HOST_OUTPUTS.filter(dir =>
    f.entries.some(e => e.type === 'dir' && (e.path === dir || e.path.endsWith(`/${dir}`)))
  )
  for (const step of f.steps) {
    if (step.keyword === 'RUN' || !step.sources.some(s => s === '.' || s === './' || s === '/'))
      continue
    if (present.length > 0) {
      out.push(
        `line ${step.line}: ${step.instruction} copies host build output ${present.map(p => `${p}/`).join(', ')} that .dockerignore does not exclude; it can overwrite what the image builds with stale files`
      )
    }
  }
  for (const { step, source } of f.excludedSources) {
    out.push(
      `line ${step.line}: ${step.instruction} names ${source}, which .dockerignore excludes: the build never sees its changes`
    )
  }
  if ('BUILDKIT_INLINE_CACHE' in f.buildArgs) {
    out.push(
      'BUILDKIT_INLINE_CACHE is set: images carry inline cache that later --cache-from builds import, even after a prune'
    )
  }
  if (f.cacheFrom.length > 0) {
    out.push(
      `--cache-from ${f.cacheFrom.join(', ')}: imported cache survives builder prunes; changed steps are proven by bytes`
    )
  }
  const declared = new Set(f.declaredArgs)
  for (const name of f.secretArgs.filter(n => declared.has(n))) {
    out.push(
      `secret build arg ${name} is declared by an ARG: docker records its value in the image history of every later RUN (docker history shows it); pass it as a build secret (RUN --mount=type=secret) instead`
    )
  }
  const missing = f.injected ? INJECTED_ARGS.filter(a => !declared.has(a)) : []
  if (missing.length > 0) {
    out.push(
      `no stage declares ARG ${missing.join(' or ARG ')}: the injected build identity reaches only the image labels (add the ARG to the stage that should see it)`
    )
  }
  return out
}
