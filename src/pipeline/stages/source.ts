import type { ComparedRun, SourcedRun } from '../run.js'
import { buildSource } from './build.js'
import { logSource } from './log.js'

/** Stage 4: the build to judge, run here (`build`) or read from another tool's log (`check`). */
export async function source(run: ComparedRun): Promise<SourcedRun> {
  const src = run.command === 'build' ? await buildSource(run) : await logSource(run)
  return { ...run, source: src }
}
