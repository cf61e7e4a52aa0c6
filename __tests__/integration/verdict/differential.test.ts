/**
 * Issue 12's invariant over generated scenarios, on the real daemon: random edits (same-size or
 * not, mtime kept or new, of context files and of the Dockerfile), random prune policies, the
 * Dockerfile inside or outside the context (or listed in .dockerignore). After every build the
 * image's bytes at every context COPY destination are read back, and
 *   verdict fresh/unchanged/baseline  =>  the image holds the context's bytes there;
 *   verdict stale  =>  it does not, or a changed file is named unproven (or the log printed
 *                      another Dockerfile).
 * Seeded (the benchmark's mulberry32): every run draws the same scenarios.
 */
import { afterAll, expect, test } from '@jest/globals'
import { readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Judgement } from '../../../src/model.js'
import { BASE_IMAGE, describeDocker } from '../../helpers/docker.js'
import { buildArgv, cli, KEPT_MTIME, Scratch } from '../guard/helpers.js'
import { filesInImage } from './helpers.js'
import { prng } from '../../../scripts/bench/generate.mjs'

const SCENARIOS = 9
const ROUNDS = 3
const SEED = 0x12f00d
const FILES = ['f0.txt', 'f1.txt', 'f2.txt']
const POLICIES = ['source', 'source', 'never', 'never', 'never', 'all'] as const

const scratch = new Scratch()
afterAll(() => scratch.cleanup())

interface Outcome {
  verdict: string
  held: boolean
  explained: boolean
}

/** What the invariant allows for one build; returns what was seen, for the tally. */
function checkInvariant(j: Judgement, held: boolean, where: string): Outcome {
  const explained =
    j.steps.some(s => s.staleFiles.length > 0 || (s.unprovenFiles ?? []).length > 0) ||
    j.causes.some(c => /old copy of the Dockerfile/.test(c))
  if (j.verdict === 'stale') {
    // Stale with the right bytes is allowed only when something was unproven.
    const unproven = j.steps.some(s => (s.unprovenFiles ?? []).length > 0)
    const dockerfile = j.causes.some(c => /old copy of the Dockerfile/.test(c))
    expect({
      where,
      verdict: j.verdict,
      held,
      explained,
      ok: !held || unproven || dockerfile
    }).toEqual(expect.objectContaining({ explained: true, ok: true }))
  } else {
    expect({ where, verdict: j.verdict, held, steps: j.steps }).toEqual(
      expect.objectContaining({ held: true })
    )
  }
  return { verdict: j.verdict, held, explained }
}

describeDocker('differential: the verdict against the image bytes', () => {
  test(`${SCENARIOS} generated scenarios of ${ROUNDS} edited builds each keep the invariant`, async () => {
    const rnd = prng(SEED)
    const int = (k: number): number => Math.floor(rnd() * k)
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T
    const tally = { stale: 0, held: 0, old: 0 }
    for (let sc = 0; sc < SCENARIOS; sc++) {
      const layout = pick(['inside', 'outside', 'ignored'] as const)
      // Same-length versions of each file: a version bump is a same-size edit.
      const v = (name: string, k: number): string => `${name} v${k} ${scratch.nonce} ${sc}\n`
      const version = new Map(FILES.map(f => [f, 0]))
      const dockerfile = (pick2: string): string =>
        `FROM ${BASE_IMAGE}\nCOPY src /app/src\nCOPY ${pick2} /top.txt\nCOPY link/ /app/link/\n` +
        'RUN --mount=type=bind,source=src,target=/m cat /m/f0.txt > /bind.txt\n'
      let top = 'a.txt'
      const spec: Record<string, string> = {
        'ctx/a.txt': `top a ${scratch.nonce} ${sc}\n`,
        'ctx/b.txt': `top b ${scratch.nonce} ${sc}\n`
      }
      for (const f of FILES) spec[`ctx/src/${f}`] = v(f, 0)
      const dfRel = layout === 'outside' ? 'docker/Dockerfile' : 'ctx/Dockerfile'
      spec[dfRel] = dockerfile(top)
      if (layout === 'ignored') spec['ctx/.dockerignore'] = 'Dockerfile\n'
      // A symlinked source directory, followed by COPY as BuildKit does.
      const root = scratch.tree({ ...spec, 'ctx/link': { link: 'src' } })
      const ctx = join(root, 'ctx')
      const df = join(root, dfRel)
      const state = scratch.statePath()
      const build = async (round: number, policy: string): Promise<void> => {
        const tag = scratch.tag(`d${sc}-${round}`)
        const r = await cli(buildArgv(ctx, state, tag, ['--file', df, '--prune', policy]))
        const want: Record<string, string> = {
          '/top.txt': readFileSync(join(ctx, top), 'utf8')
        }
        for (const f of FILES) {
          want[`/app/src/${f}`] = readFileSync(join(ctx, 'src', f), 'utf8')
          want[`/app/link/${f}`] = want[`/app/src/${f}`] ?? ''
        }
        want['/bind.txt'] = want['/app/src/f0.txt'] ?? ''
        const got = filesInImage(tag, Object.keys(want))
        const held = Object.entries(want).every(([p, b]) => got.get(p) === b)
        const o = checkInvariant(
          r.json,
          held,
          `scenario ${sc} (${layout}) round ${round} prune ${policy}`
        )
        if (o.verdict === 'stale') tally.stale++
        if (held) tally.held++
        else tally.old++
      }
      await build(0, pick(POLICIES))
      for (let round = 1; round <= ROUNDS; round++) {
        for (let e = 1 + int(2); e > 0; e--) {
          const what = int(3)
          if (what === 0) {
            // The Dockerfile: same size, mtime kept, another file copied to /top.txt.
            top = top === 'a.txt' ? 'b.txt' : 'a.txt'
            writeFileSync(df, dockerfile(top))
            utimesSync(df, KEPT_MTIME, KEPT_MTIME)
            continue
          }
          const f = pick(FILES)
          const path = join(ctx, 'src', f)
          const k = (version.get(f) ?? 0) + 1
          version.set(f, k)
          const grow = int(3) === 0
          writeFileSync(path, grow ? `${v(f, k)}and more\n` : v(f, k % 10))
          if (int(2) === 0) utimesSync(path, KEPT_MTIME, KEPT_MTIME)
        }
        await build(round, pick(POLICIES))
      }
    }
    // The draw must exercise both sides: old bytes caught, and new bytes passed.
    expect(tally.old).toBeGreaterThan(2)
    expect(tally.held).toBeGreaterThan(SCENARIOS)
  }, 240_000)
})
