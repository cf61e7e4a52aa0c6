/**
 * The registry's part in the guard's stages (see push.ts for the registry side itself):
 *
 * - `checkRegistries`, after hash and before the lock: with `--push`, every tag's registry answers
 *   and lets us in, so a registry error is exit 2 before the build, the prune and the record;
 * - `previousRecord`, in compare: this host's record, else the one beside the image the first tag
 *   names in the registry;
 * - `trustRegistryRecord`, after the build: a registry record says what the last image holds,
 *   nothing about this host's builder, so it is compared against only when this run pruned the
 *   context cache; otherwise the build is a baseline, which promises nothing.
 */
import type { BuildRecord } from '../../model.js'
import { namesRegistry } from '../../registry/index.js'
import { compareWithRecord } from '../../verdict/index.js'
import { errorMessage } from '../errors.js'
import { preparePush, registryDivergence, registryPrevious, type PushPlan } from '../push.js'
import type { HashedRun, SourcedRun } from '../run.js'
import { selector } from './compare.js'

export type PreviousSource = 'local' | 'registry' | null

export async function checkRegistries<R extends HashedRun>(run: R): Promise<R> {
  if (run.command !== 'build' || !run.opts.push) return run
  return { ...run, pushPlan: await preparePush(run.opts.tags, run.io.env) }
}

/**
 * The previous record and where it came from. With a local record and `--push`, a registry
 * record from another context is named in a warning; the local one still decides, since it is
 * the one that knows this builder's context cache.
 */
export async function previousRecord(
  run: HashedRun,
  local: BuildRecord | null
): Promise<{ previous: BuildRecord | null; previousSource: PreviousSource }> {
  const { opts, pushPlan } = run
  if (local) {
    if (pushPlan) {
      const note = await registryDivergence(local, opts.tags[0], run.io.env, pushPlan)
      if (note) run.warnings.push(note)
    }
    return { previous: local, previousSource: 'local' }
  }
  if (run.command !== 'build' || !opts.tags[0] || !namesRegistry(opts.tags[0])) {
    return { previous: null, previousSource: null }
  }
  const found = await fromRegistry(opts.tags[0], run.io.env, pushPlan, run.warnings)
  if (found.note) run.say(found.note)
  return found.record
    ? { previous: found.record, previousSource: 'registry' }
    : { previous: null, previousSource: null }
}

/**
 * With `--push` a registry error is fatal (the push would fail too); without, it is a warning
 * and the build is a baseline.
 */
async function fromRegistry(
  tag: string,
  env: NodeJS.ProcessEnv,
  plan: PushPlan | null,
  warnings: string[]
): Promise<{ record: BuildRecord | null; note: string | null }> {
  try {
    const found = await registryPrevious(tag, env, plan)
    return { record: found.record, note: found.note }
  } catch (e) {
    if (plan) throw e
    warnings.push(`no record from the registry: ${errorMessage(e)}`)
    return { record: null, note: null }
  }
}

export function trustRegistryRecord(run: SourcedRun): SourcedRun {
  const { source } = run
  if (run.previousSource !== 'registry' || run.command !== 'build' || source.pruned?.done) {
    return run
  }
  run.warnings.push(
    `the record came from the registry, but this host's builder cache was not pruned (${source.pruned?.note ?? `prune: ${run.opts.prune}`}): its state is unknown, so this build is a baseline`
  )
  return {
    ...run,
    previous: null,
    previousSource: null,
    comparison: compareWithRecord(
      run.files.signatures,
      run.steps,
      null,
      selector(run.steps, run.files.entries, null)
    )
  }
}
