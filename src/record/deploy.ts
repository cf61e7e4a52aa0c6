/**
 * What `verify` needs to know about a build after the build is gone: where the final image's
 * context COPY/ADD steps put each file, and which files this build changed. Kept in the record
 * as the optional `deploy` section (records written before it simply have none).
 */
import { posix } from 'node:path'
import { destinations } from '../dockerfile/index.js'
import type { DeployFacts, HashedStep, RecordedCopy } from '../model.js'

/**
 * The stages whose filesystem is the final image's: the final stage and, through `FROM <stage>`,
 * the stages it starts from. Other stages reach the image only by `COPY --from`, never straight
 * from the context.
 */
export function imageChain(
  stages: readonly { name: string; base: string }[],
  finalStage: string
): string[] {
  const byName = new Map(stages.map(s => [s.name, s]))
  const chain: string[] = []
  for (let s = byName.get(finalStage); s && !chain.includes(s.name);) {
    chain.push(s.name)
    s = byName.get(s.base.toLowerCase())
  }
  return chain
}

/**
 * The deploy facts of a build: every context COPY/ADD of the image chain with the absolute path
 * each selected file or symlink got in the image (paths an ADD unpacks are unknown and left
 * out), and the context paths that changed since the previous record (null: no previous record,
 * everything is new).
 */
export function deployFacts(
  steps: readonly HashedStep[],
  stages: readonly { name: string; base: string }[],
  finalStage: string,
  changed: readonly string[] | null
): DeployFacts {
  const chain = new Set(imageChain(stages, finalStage))
  const copies: RecordedCopy[] = []
  for (const step of steps) {
    if (step.keyword === 'RUN' || step.dest === null || !chain.has(step.stage)) continue
    const files: [string, string][] = []
    const destinationOf = destinations(step, true)
    for (const path of step.selected) {
      const dest = destinationOf(path)
      if (dest !== null) files.push([dest, path])
    }
    copies.push({
      stage: step.stage,
      index: step.index,
      line: step.line,
      instruction: step.instruction,
      dest: posix.resolve(step.workdir, step.dest),
      // fromEntries defines own properties, so a file named `__proto__` stays a file.
      files: Object.fromEntries(files)
    })
  }
  return { stage: finalStage, copies, changed: changed === null ? null : [...changed] }
}
