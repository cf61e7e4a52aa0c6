/**
 * Issue 12's ground truth: what the image really holds, read back from it, decides which verdict
 * is right. `fresh`/`unchanged`/`baseline` must mean every context COPY destination holds the
 * context's bytes; `stale` must mean one does not, or that a changed file is unproven.
 */
import { expect } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import type { Judgement } from '../../../src/model.js'
import { DOCKER } from '../../helpers/docker.js'

/** Files of an image under the given absolute paths, read by the image's busybox, in one run. */
export function filesInImage(image: string, paths: readonly string[]): Map<string, string | null> {
  // One `docker run`: each file as `<len> <path>\n<bytes>`, so any content reads back exactly.
  const script = paths
    .map(
      p =>
        `if [ -f '${p}' ]; then printf '%s %s\\n' "$(wc -c < '${p}')" '${p}'; cat '${p}'; else printf -- '- %s\\n' '${p}'; fi`
    )
    .join('; ')
  const r = spawnSync(DOCKER, ['run', '--rm', '--network', 'none', image, 'sh', '-c', script], {
    encoding: 'buffer'
  })
  if (r.status !== 0) throw new Error(`reading ${image}: ${r.stderr.toString()}`)
  const out = new Map<string, string | null>()
  const buf = r.stdout
  let at = 0
  for (const p of paths) {
    const nl = buf.indexOf(10, at)
    const head = buf.subarray(at, nl).toString()
    at = nl + 1
    if (head.startsWith('- ')) {
      out.set(p, null)
      continue
    }
    const len = Number(head.split(' ')[0])
    out.set(p, buf.subarray(at, at + len).toString())
    at += len
  }
  return out
}

/**
 * The invariant, for one build: `want` maps image paths to the context's bytes. Returns whether
 * the image held them all.
 */
export function expectInvariant(
  j: Judgement,
  image: string,
  want: Readonly<Record<string, string>>
): boolean {
  const held = filesInImage(image, Object.keys(want))
  const wrong = Object.entries(want).filter(([p, bytes]) => held.get(p) !== bytes)
  if (wrong.length === 0) {
    expect({ verdict: j.verdict, steps: j.steps, causes: j.causes }).toEqual(
      expect.objectContaining({ verdict: expect.stringMatching(/^(fresh|unchanged|baseline)$/) })
    )
    return true
  }
  // Old bytes shipped: the verdict must say so.
  expect({ verdict: j.verdict, wrong: wrong.map(([p]) => p) }).toEqual(
    expect.objectContaining({ verdict: 'stale' })
  )
  return false
}

/** A stale verdict that names old bytes or an unproven file (never a bare stale). */
export function expectExplainedStale(j: Judgement): void {
  expect(j.verdict).toBe('stale')
  const named = j.steps.some(s => s.staleFiles.length > 0 || (s.unprovenFiles ?? []).length > 0)
  expect(named || j.causes.some(c => /old copy of the Dockerfile/.test(c))).toBe(true)
}
