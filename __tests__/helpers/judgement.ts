import type { Judgement, StepResult } from '../../src/model.js'

/** A `sha256:` digest made of one repeated character, for readable fixtures. */
export const H = (c: string): string => `sha256:${c.repeat(64)}`

/** A step result: a changed COPY that ran, unless overridden. */
export function step(over: Partial<StepResult> = {}): StepResult {
  return {
    stage: 'builder',
    index: 4,
    instruction: 'COPY src ./src',
    line: 4,
    changed: true,
    cached: false,
    status: 'ran',
    changedFiles: ['src/a.txt'],
    staleFiles: [],
    ...over
  }
}

/** A fresh judgement with one step, unless overridden. */
export function judgement(over: Partial<Judgement> = {}): Judgement {
  return {
    verdict: 'fresh',
    contextHash: H('a'),
    previousHash: H('b'),
    changedFiles: ['src/a.txt'],
    pruned: null,
    steps: [step()],
    causes: [],
    warnings: [],
    imageId: H('c'),
    ...over
  }
}
