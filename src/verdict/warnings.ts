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
  /** ARGs a stage declares (a global ARG alone never reaches a RUN); default: declaredArgs. */
  stageArgs?: readonly string[]
  buildArgs: Readonly<Record<string, string>>
  cacheFrom: readonly string[]
  /** Literal COPY/ADD sources that exist on disk but the ignore file excludes. */
  excludedSources: readonly { step: HashedStep; source: string }[]
  /** GIT_COMMIT_HASH / BUILD_ID were injected (build mode), so their ARGs matter. */
  injected: boolean
  /** Names of build args whose values are secret. */
  secretArgs: readonly string[]
  /** Files a COPY's source directory covers that .dockerignore excludes, changed since the record. */
  excludedChanged?: readonly { step: HashedStep; paths: string[] }[]
}

/** The directory a step's source names, when it is one (`.`, `web/`, `web`). */
function dirSources(step: HashedStep, dirs: ReadonlySet<string>): string[] {
  return step.sources
    .map(s => s.replace(/^(\.?\/)+/, '').replace(/\/+$/, '') || '.')
    .filter(s => s === '.' || s === '/' || dirs.has(s))
    .map(s => (s === '/' ? '.' : s))
}

/**
 * Warnings before the build for the stale-deploy classes users keep hitting. Each names the
 * Dockerfile line where there is one (`line N: ...`, which annotations pick up).
 */
export function preBuildWarnings(f: WarningFacts): string[] {
  const out: string[] = []
  // A host output dir anywhere in the tree (a monorepo's app/.next too), found in one pass.
  const dirs = new Set(f.entries.filter(e => e.type === 'dir').map(e => e.path))
  const outputs = [...dirs].filter(d => HOST_OUTPUTS.some(o => d === o || d.endsWith(`/${o}`)))
  for (const step of f.steps) {
    if (step.keyword === 'RUN') continue
    // Any directory the step copies, not only `.`: `COPY web/ /app/` takes a stale web/dist.
    const roots = dirSources(step, dirs)
    const hit = outputs.filter(o => roots.some(r => r === '.' || o.startsWith(`${r}/`)))
    const names = [
      ...new Set(hit.map(o => HOST_OUTPUTS.find(h => o === h || o.endsWith(`/${h}`)) ?? o))
    ]
    if (names.length > 0) {
      out.push(
        `line ${step.line}: ${step.instruction} copies host build output ${names.map(p => `${p}/`).join(', ')} that .dockerignore does not exclude; it can overwrite what the image builds with stale files`
      )
    }
  }
  if (dirs.has('.git')) {
    out.push(
      'the context includes .git: every commit changes the context hash, so every build prunes the context cache and re-sends the context; add .git to .dockerignore'
    )
  }
  for (const { step, paths } of f.excludedChanged ?? []) {
    out.push(
      `line ${step.line}: ${step.instruction} covers ${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}, changed since the last good build, which .dockerignore excludes: the build never sees those changes`
    )
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
  const inStage = new Set(f.stageArgs ?? f.declaredArgs)
  const missing = f.injected ? INJECTED_ARGS.filter(a => !inStage.has(a)) : []
  if (missing.length > 0) {
    const global = missing.filter(a => declared.has(a))
    out.push(
      `no stage declares ARG ${missing.join(' or ARG ')}: the injected build identity reaches only the image labels (add the ARG to the stage that should see it)${global.length > 0 ? `; ARG ${global.join(', ')} before the first FROM reaches only FROM lines until a stage declares it again` : ''}`
    )
  }
  return out
}
