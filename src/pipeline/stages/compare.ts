import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BuildRecord, ContextEntry, EntryType, HashedStep } from '../../model.js'
import { selectSources } from '../../dockerfile/index.js'
import { readRecord, RecordError, type RecordSnapshot } from '../../record/index.js'
import {
  compareWithRecord,
  preBuildWarnings,
  stepKey,
  unmatchedMessage,
  unmatchedSources
} from '../../verdict/index.js'
import { excludedChanged, literalSource } from '../../context/index.js'
import { errorMessage } from '../errors.js'
import { UsageError } from '../options.js'
import type { ComparedRun, HashedRun } from '../run.js'
import { previousRecord } from './registry.js'
import { entryKey } from '../named-contexts.js'

/** The recorded entries of a named context, their keys back to paths inside it. */
function inContext(entries: readonly ContextEntry[], name: string): ContextEntry[] {
  const prefix = `${name}:`
  return entries
    .filter(e => e.path.startsWith(prefix))
    .map(e => ({ ...e, path: e.path.slice(prefix.length) }))
}

/** A literal source the ignore file keeps out of the context. */
type Excluded = ComparedRun['excluded'][number]

/** Stage 3 (under the record lock): the last good build, what changed since, early warnings. */
export async function compare(run: HashedRun): Promise<ComparedRun> {
  const { opts, steps, files } = run
  const earlier = (await run.recordSnapshot) ?? undefined
  const local = await loadRecord(run.statePath, opts.ignoreCorruptRecord, run.warnings, earlier)
  const { previous, previousSource } = await previousRecord(run, local)
  const comparison = compareWithRecord(
    files.signatures,
    steps,
    previous,
    selector(steps, run.hashed.scan.entries, previous, run.hashed.named)
  )
  // The main context's steps; a named context's steps are checked against its own entries.
  const mainSteps = steps.filter(s => s.context === undefined)
  const excluded = await excludedSources(opts.context, mainSteps, files.byPath)
  const before = await earlyWarnings(run, mainSteps, previous, excluded)
  // Shown now too: a build that fails on them (an excluded literal source) must explain itself.
  for (const w of before) run.say(`warning: ${w}`)
  run.warnings.push(...before)
  checkUnmatched(run, mainSteps, excluded)
  if (run.command === 'check' && opts.verify !== 'none') {
    run.warnings.push(
      "check mode: this guard pruned nothing before that build, so every file a step of the final stage copied is proven from the image; note that builds of a relative context (`docker build .`) in folders of the same name share BuildKit's context record"
    )
  }
  run.say(comparisonLine(run, previous, comparison.changedFiles.length))
  return { ...run, previous, previousSource, comparison, excluded }
}

/** What can be told before the build: ignored sources, build args, cache sources. */
async function earlyWarnings(
  run: HashedRun,
  mainSteps: readonly HashedStep[],
  previous: BuildRecord | null,
  excluded: readonly Excluded[]
): Promise<string[]> {
  const { opts } = run
  const mainEntries = run.hashed.scan.entries
  return preBuildWarnings({
    entries: mainEntries,
    steps: mainSteps,
    declaredArgs: run.hashed.plan.declaredArgs,
    stageArgs: run.hashed.plan.stageArgs,
    buildArgs: run.buildArgs,
    cacheFrom: opts.cacheFrom,
    excludedSources: excluded,
    excludedChanged: await excludedChanged(
      opts.context,
      mainSteps,
      mainEntries,
      previous ? new Date(previous.builtAt) : null
    ),
    injected: run.command === 'build',
    secretArgs: opts.secretArgs
  })
}

/**
 * A literal source matching nothing fails the build: said before any prune, not after (a usage
 * error in build mode, a warning when another tool built).
 */
function checkUnmatched(
  run: HashedRun,
  mainSteps: readonly HashedStep[],
  excluded: readonly Excluded[]
): void {
  const unmatched = [
    ...unmatchedSources(mainSteps, run.hashed.scan.entries),
    ...[...run.hashed.named].flatMap(([name, scan]) =>
      unmatchedSources(
        run.steps.filter(s => s.context === name),
        scan.entries
      )
    )
  ]
  const [first] = unmatched
  if (run.command === 'build' && first) {
    throw new UsageError(
      unmatchedMessage(
        first,
        excluded.some(e => e.source === first.source)
      )
    )
  }
  run.warnings.push(...unmatched.map(u => unmatchedMessage(u, false)))
}

/** The progress line on the record: baseline, unchanged, or how much changed and what else. */
function comparisonLine(run: HashedRun, previous: BuildRecord | null, changed: number): string {
  if (!previous) return `no record at ${run.redact(run.statePath)}: this build is the baseline`
  if (previous.contextHash === run.hashed.contextHash)
    return 'the context equals the last good build'
  const inputs = previous.inputs
  const moved = [
    inputs && inputs.dockerfile !== run.hashed.inputs.dockerfile ? '; the Dockerfile changed' : '',
    inputs && inputs.ignore !== run.hashed.inputs.ignore ? '; the ignore file changed' : ''
  ].join('')
  const commit = previous.commit === null ? 'no commit' : run.redact(previous.commit)
  return `${changed} path(s) changed since the last good build (${commit})${moved}`
}

async function loadRecord(
  path: string,
  ignoreCorrupt: boolean,
  warnings: string[],
  earlier: RecordSnapshot | undefined
): Promise<BuildRecord | null> {
  try {
    return await readRecord(path, undefined, earlier)
  } catch (e) {
    if (e instanceof RecordError && ignoreCorrupt) {
      warnings.push(`${errorMessage(e)}; treated as no record (--ignore-corrupt-record)`)
      return null
    }
    if (e instanceof RecordError) {
      throw new UsageError(
        `${errorMessage(e)} (fix or remove it, or pass --ignore-corrupt-record to start a new baseline)`
      )
    }
    throw e
  }
}

/** Rebuilds context entries from a record's signatures (to know what a step read back then). */
export function entriesFromRecord(files: Record<string, string>): ContextEntry[] {
  return Object.entries(files).map(([path, sig]) => {
    const [type, mode, digest, size] = sig.split(' ')
    return {
      path,
      type: (type ?? 'file') as EntryType,
      mode: parseInt(mode ?? '0', 8),
      size: Number(size ?? 0),
      ...(digest && digest !== '-' ? { digest } : {})
    }
  })
}

/**
 * selects(step, path): the step reads `path` now or read it in the recorded context (a removed
 * file counts for the steps that copied it).
 */
export function selector(
  steps: readonly HashedStep[],
  entries: readonly ContextEntry[],
  previous: BuildRecord | null,
  named: ReadonlyMap<string, { entries: readonly ContextEntry[] }> = new Map()
): (step: HashedStep, path: string) => boolean {
  // Built on first use: an unchanged context never asks, and these are a pass over every entry.
  let sets: Map<string, Set<string>> | null = null
  const build = (): Map<string, Set<string>> => {
    const recorded = previous ? entriesFromRecord(previous.files) : []
    const names = [...named.keys()]
    const before = recorded.filter(e => !names.some(n => e.path.startsWith(`${n}:`)))
    const out = new Map<string, Set<string>>()
    for (const s of steps) {
      // A named context's step selects among its own entries; its paths are keyed NAME:path.
      const now = s.context === undefined ? entries : (named.get(s.context)?.entries ?? [])
      const then = s.context === undefined ? before : inContext(recorded, s.context)
      const paths = new Set(selectSources(s, now).map(e => entryKey(s.context, e.path)))
      for (const e of selectSources(s, then)) paths.add(entryKey(s.context, e.path))
      out.set(stepKey(s), paths)
    }
    return out
  }
  return (step, path) => (sets ??= build()).get(stepKey(step))?.has(path) ?? false
}

/**
 * COPY/ADD sources named literally (no wildcard) that exist on disk but that the ignore file
 * keeps out of the context: their changes never reach the build.
 */
export async function excludedSources(
  context: string,
  steps: readonly HashedStep[],
  sent: ReadonlyMap<string, unknown>
): Promise<{ step: HashedStep; source: string }[]> {
  const out: { step: HashedStep; source: string }[] = []
  for (const step of steps) {
    if (step.keyword === 'RUN') continue
    for (const source of step.sources) {
      const rel = literalSource(source)
      if (rel === null || sent.has(rel)) continue
      const onDisk = await lstat(join(context, rel)).then(
        () => true,
        () => false
      )
      if (onDisk) out.push({ step, source: rel })
    }
  }
  return out
}
