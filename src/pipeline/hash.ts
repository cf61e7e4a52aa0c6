import { readFile } from 'node:fs/promises'
import type { ContextScan, HashedStep } from '../model.js'
import { scanContext } from '../context/walk.js'
import { formatMode, hashEntries } from '../context/hash.js'
import { hashSteps, readDockerfile, type ReadPlan } from '../dockerfile/index.js'
import { UsageError } from './options.js'

/** The context as Docker reads it, the Dockerfile's context steps, and their hashes. */
export interface Hashed {
  scan: ContextScan
  plan: ReadPlan
  contextHash: string
  steps: HashedStep[]
}

export async function readDockerfileText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UsageError(`Dockerfile not found: ${file}`)
    if (code === 'EISDIR') throw new UsageError(`Dockerfile is a directory: ${file}`)
    if (code === 'EACCES')
      throw new UsageError(`Dockerfile is not readable (permission denied): ${file}`)
    throw e
  }
}

/** Step 1 and 2 of the pipeline: read the context and the Dockerfile, hash both. No daemon. */
export async function hashContext(opts: {
  context: string
  file: string
  buildArgs: Record<string, string>
}): Promise<Hashed> {
  // The Dockerfile first: it is small, and a parse error should not wait for a big tree walk.
  const plan = readDockerfile(await readDockerfileText(opts.file), {
    file: opts.file,
    buildArgs: opts.buildArgs
  })
  const scan = await scanContext(opts.context, { dockerfile: opts.file })
  return {
    scan,
    plan,
    contextHash: hashEntries(scan.entries),
    steps: hashSteps(plan, scan.entries)
  }
}

/** `hash --json` as CONTRACT.md specifies it. */
export function hashReport(h: Hashed) {
  return {
    contextHash: h.contextHash,
    files: h.scan.entries.map(e => ({
      path: e.path,
      type: e.type,
      mode: formatMode(e.mode),
      digest: e.digest ?? null,
      ...(e.linkTarget !== undefined ? { linkTarget: e.linkTarget } : {})
    })),
    steps: h.steps.map(s => ({
      stage: s.stage,
      index: s.index,
      instruction: s.instruction,
      line: s.line,
      sourceHash: s.sourceHash,
      sources: s.selected
    })),
    warnings: h.plan.warnings.map(w => `line ${w.line}: ${w.message}`)
  }
}
