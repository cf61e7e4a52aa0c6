import type { DockerExec } from '../../docker/index.js'
import { parseLogFile } from '../../logs/index.js'
import { UsageError } from '../options.js'
import { appendedEntries } from '../proof.js'
import type { ComparedRun, Source } from '../run.js'

/** `check`: the build another tool ran, from its log and the image it names. */
export async function logSource(run: ComparedRun): Promise<Source> {
  const { opts } = run
  const log = await parseLogFile(opts.logFile as string)
  if (log.format === 'unknown' || log.steps.length === 0) {
    throw new UsageError(`${opts.logFile}: no build steps found (not a docker build log?)`)
  }
  const imageId = await resolveImageId(run.docker, opts.image ?? log.imageId)
  return {
    builder: log.format === 'legacy' ? 'legacy' : 'buildkit',
    pruned: null,
    log,
    imageId,
    final: imageId
      ? {
          image: imageId,
          appended: appendedEntries(log, run.hashed.plan, run.finalStage, run.service)
        }
      : null,
    // Rebuilding another tool's intermediate stage could use other args and prove nothing.
    stageImage: stage =>
      Promise.reject(
        new Error(
          `check mode proves the final stage only; build stage ${stage} with fresh-build build`
        )
      ),
    contextResent: false,
    cleanup: () => Promise.resolve()
  }
}

/**
 * `sha256:` id of an image given by tag or short id, so reports name what was judged. The
 * daemon is needed only for proofs in check mode: when it cannot answer, the reference stays.
 */
async function resolveImageId(
  docker: () => DockerExec,
  ref: string | null
): Promise<string | null> {
  if (ref === null || /^sha256:[0-9a-f]{64}$/.test(ref)) return ref
  const r = await docker()(['image', 'inspect', '--format', '{{.Id}}', ref]).catch(() => null)
  return r && r.code === 0 && r.stdout.trim() ? r.stdout.trim() : ref
}
