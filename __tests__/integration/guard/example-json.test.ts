/**
 * The `--json` documents of the bundled example (scripts/example.sh: baseline, unchanged, stale
 * with --prune never after an mtime-kept edit, fresh) stay byte-identical across refactors: the
 * expected documents in __tests__/fixtures/example/ were captured from the code before the guard
 * was split into stages. Only what varies per run is normalised (temp paths, image ids, times,
 * build ids); everything else is compared as the exact bytes the CLI printed.
 *
 * FB_CAPTURE_EXAMPLE=1 rewrites the fixtures instead of comparing (only for a deliberate change
 * of the output, never to make this test pass).
 */
import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
  statSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../src/cli/main.js'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'

const FIXTURES = join(import.meta.dirname, '../../fixtures/example')
const CAPTURE = process.env.FB_CAPTURE_EXAMPLE === '1'

const work = mkdtempSync(join(tmpdir(), 'fb-example-json-'))
const nonce = `${process.pid}-${Date.now()}`
const tag = `fb-guard-example-json:${nonce}`
// A base image of this run's own (busybox plus a layer with a nonce; a label alone keeps the
// same layer chain and so the same cache): the example's layers are then never in the builder
// cache before the baseline, as on the fresh machine scripts/example.sh starts from.
const base = `fb-guard-example-json-base:${nonce}`
// Named explicitly (the default socket when the suite has none) so the stale verdict's cause
// line naming the daemon is always there, and normalised like the other per-run values.
const dockerHost = process.env.DOCKER_HOST || 'unix:///var/run/docker.sock'

afterAll(() => {
  spawnSync(DOCKER, ['image', 'rm', '--force', tag, base], { stdio: 'ignore' })
  rmSync(work, { recursive: true, force: true })
})

async function build(
  app: string,
  state: string,
  extra: string[]
): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const code = await main(
    [
      'build',
      '--context',
      app,
      '--state',
      state,
      '--tag',
      tag,
      '--build-arg',
      `BASE=${base}`,
      '--docker',
      DOCKER,
      ...extra,
      '--json'
    ],
    {
      stdout: s => void (stdout += s),
      stderr: () => undefined,
      cwd: tmpdir(),
      env: suiteEnv({ DOCKER_HOST: dockerHost })
    }
  )
  return { code, stdout }
}

/** The printed document with per-run values replaced; every other byte is kept. */
function normalise(doc: string): string {
  return doc
    .split(work)
    .join('<work>')
    .split(`DOCKER_HOST=${dockerHost}`)
    .join('DOCKER_HOST=<docker-host>')
    .replace(/sha256:[0-9a-f]{64}/g, m => (IMAGE_IDS.has(m) ? '<image-id>' : m))
    .replace(/"reclaimedBytes": \d+/g, '"reclaimedBytes": <bytes>')
}

/** Image ids the daemon gave this run (not content hashes, which must stay as computed). */
const IMAGE_IDS = new Set<string>()

function check(name: string, doc: string): void {
  const file = join(FIXTURES, `${name}.json`)
  const got = normalise(doc)
  if (CAPTURE) writeFileSync(file, got)
  else expect(got).toBe(readFileSync(file, 'utf8'))
}

describeDocker('the example app --json documents', () => {
  test('baseline, unchanged, stale (--prune never, mtime kept), fresh: byte-identical', async () => {
    docker(['build', '--tag', base, '-'], {
      input: `FROM ${BASE_IMAGE}\nRUN echo ${nonce} > /.fb-nonce\n`
    })
    const app = join(work, 'app')
    cpSync(join(import.meta.dirname, '../../../examples/app'), app, {
      recursive: true,
      preserveTimestamps: true
    })
    const state = join(work, 'state.json')
    const steps: [string, string[]][] = [
      ['baseline', []],
      ['unchanged', []]
    ]
    const runs: { name: string; code: number; stdout: string }[] = []
    for (const [name, extra] of steps) runs.push({ name, ...(await build(app, state, extra)) })
    const version = join(app, 'server/version.txt')
    const before = statSync(version)
    writeFileSync(version, 'server version B\n')
    utimesSync(version, before.atime, before.mtime)
    runs.push({ name: 'stale', ...(await build(app, state, ['--prune', 'never'])) })
    runs.push({ name: 'fresh', ...(await build(app, state, [])) })
    for (const r of runs) {
      const j = JSON.parse(r.stdout) as { imageId?: string | null }
      if (j.imageId) IMAGE_IDS.add(j.imageId)
    }
    expect(
      runs.map(r => [r.name, r.code, (JSON.parse(r.stdout) as { verdict: string }).verdict])
    ).toEqual([
      ['baseline', 0, 'baseline'],
      ['unchanged', 0, 'unchanged'],
      ['stale', 1, 'stale'],
      ['fresh', 0, 'fresh']
    ])
    for (const r of runs) check(r.name, r.stdout)
  })
})
