import { describe, expect, test } from '@jest/globals'
import { readDockerfile } from '../../../src/dockerfile/index.js'
import { parseLog } from '../../../src/logs/index.js'
import { appendedEntries } from '../../../src/pipeline/proof.js'

// Two stages; the global ARG counts in the legacy builder's Step numbering.
const plan = readDockerfile(
  [
    'ARG BASE=fresh-build/busybox:1',
    'FROM $BASE AS builder',
    'COPY src /build/src',
    'FROM $BASE',
    'COPY --from=builder /build/src /app/src',
    ''
  ].join('\n'),
  { file: 'Dockerfile' }
)

/** A legacy log shaped as the 28.x client prints it: `--label`s become trailing LABEL steps. */
function legacyLog(instructions: string[]): string {
  return instructions
    .map((ins, i) => `Step ${i + 1}/${instructions.length} : ${ins}\n ---> 0123456789ab\n`)
    .join('')
}

describe('appendedEntries: history entries a build wrote after the stage', () => {
  const dockerfileSteps = [
    'ARG BASE=fresh-build/busybox:1',
    'FROM $BASE AS builder',
    'COPY src /build/src',
    'FROM $BASE',
    'COPY --from=builder /build/src /app/src'
  ]

  test('the legacy builder appends one entry per --label after the final stage', () => {
    const log = parseLog(legacyLog([...dockerfileSteps, 'LABEL a=1', 'LABEL b=2']))
    expect(log.format).toBe('legacy')
    expect(appendedEntries(log, plan, 'stage-1')).toBe(2)
  })

  test('a legacy --target build counts only up to the target stage, then its labels', () => {
    const log = parseLog(legacyLog([...dockerfileSteps.slice(0, 3), 'LABEL a=1']))
    expect(appendedEntries(log, plan, 'builder')).toBe(1)
  })

  test('a legacy build without labels appends nothing', () => {
    expect(appendedEntries(parseLog(legacyLog(dockerfileSteps)), plan, 'stage-1')).toBe(0)
  })

  test('BuildKit keeps labels in the config only: nothing appended', () => {
    const log = parseLog(
      [
        '#5 [builder 2/2] COPY src /build/src',
        '#5 DONE 0.0s',
        '#6 [stage-1 2/2] COPY --from=builder /build/src /app/src',
        '#6 DONE 0.0s',
        ''
      ].join('\n')
    )
    expect(log.format).toBe('buildkit-plain')
    expect(appendedEntries(log, plan, 'stage-1')).toBe(0)
  })
})
