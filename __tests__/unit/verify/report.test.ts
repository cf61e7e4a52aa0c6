import { expect, test } from '@jest/globals'
import { hints, renderVerifyText, staleLines } from '../../../src/verify/report.js'
import type { TargetReport, VerifyReport } from '../../../src/verify/run.js'
import { verifySummary } from '../../../src/verify/summary.js'

const target = (over: Partial<TargetReport>): TargetReport => ({
  container: 'shop_web_1',
  containerId: 'abc',
  service: 'web',
  image: `sha256:${'1'.repeat(64)}`,
  repoDigests: [],
  startedFrom: 'shop_web',
  imageCreated: null,
  expectedImage: `sha256:${'2'.repeat(64)}`,
  expectedTag: null,
  expectedCreated: null,
  expectedTags: ['shop_web'],
  status: 'live',
  causes: [],
  details: [],
  mounts: [],
  files: [],
  compared: 0,
  rewritten: 0,
  ...over
})
const mount = {
  type: 'volume',
  name: 'f'.repeat(64),
  source: '/v',
  destination: '/app/static',
  anonymous: true,
  covers: [{ line: 3, instruction: 'COPY . .', dest: '/app' }],
  shadowing: true,
  reason: 'old'
}

test('a hint per cause: force-recreate, renew-anon-volumes, up, the tag to deploy', () => {
  expect(hints(target({ causes: ['old-image'] }))).toEqual([
    'docker compose up -d --force-recreate web (the tag to deploy: shop_web)'
  ])
  expect(hints(target({ causes: ['shadowed'], mounts: [mount] }))[0]).toMatch(
    /^docker compose up -d --force-recreate --renew-anon-volumes web /
  )
  expect(
    hints(
      target({ causes: ['shadowed'], mounts: [{ ...mount, anonymous: false, name: 'data' }] })
    )[0]
  ).toContain('the volume data keeps')
  expect(hints(target({ causes: ['not-running'], containerId: null, container: null }))).toEqual([
    'docker compose up -d web'
  ])
  expect(hints(target({ service: null, causes: ['old-image'], container: 'my app' }))[0]).toBe(
    "recreate 'my app' from shop_web, the tag to deploy"
  )
  expect(hints(target({ causes: [] }))).toEqual([])
})

test('names with control characters are shown escaped, one line each', () => {
  const report: VerifyReport = {
    verdict: 'stale',
    notes: [],
    targets: [
      target({
        status: 'bytes-differ',
        causes: ['bytes-differ'],
        details: ['1 file(s) differ: /app/x\n::error::forged\u001b[31m']
      })
    ],
    warnings: []
  }
  const text = renderVerifyText(report)
  expect(text).not.toMatch(/\n::error::/)
  expect(text).not.toContain('\u001b')
  expect(text).toContain('web')
  expect(staleLines(report)).toEqual([
    'shop_web_1 (service web): bytes-differ: 1 file(s) differ: /app/x\n::error::forged\u001b[31m'
  ])
  const html = verifySummary(report)
  expect(html).toContain('fresh-build verify: stale')
  expect(html).not.toContain('<x')
  expect(html).not.toContain('\u001b')
})
