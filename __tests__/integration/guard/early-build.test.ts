/**
 * The early build on the real daemon (src/pipeline/speculate.ts): with this host's record, the
 * build starts beside the walk, untagged. An unchanged context keeps it (tagged, recorded); any
 * change, a cure, or a run that stops first discards it, and no image of it is left behind.
 */
import { afterAll, expect, test } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE_IMAGE, describeDocker, docker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import { runCli } from '../../helpers/cli.js'
import { buildArgv, catInImage, cli, editKeepingMtime, Scratch, stepOf } from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())

const STARTED = 'started the build beside the walk, untagged'
const DOCKERFILE = `FROM ${BASE_IMAGE}\nCOPY app /app\nRUN cat /app/a.txt > /copy.txt\n`

/** Every image id on the daemon (dangling ones too). */
function imageIds(): Set<string> {
  return new Set(
    docker(['image', 'ls', '--all', '--quiet', '--no-trunc']).split('\n').filter(Boolean)
  )
}

function added(before: Set<string>): string[] {
  return [...imageIds()].filter(id => !before.has(id))
}

function tagged(tag: string): string {
  return docker(['image', 'inspect', '--format', '{{.Id}}', tag]).trim()
}

/**
 * A context built twice: a baseline, then an unchanged rebuild. The record the next run's early
 * build assumes is then one of a build that changed nothing, the only kind that starts one.
 */
async function baseline(): Promise<{ ctx: string; state: string; tag: string }> {
  const ctx = scratch.tree({ Dockerfile: DOCKERFILE, 'app/a.txt': `one ${scratch.nonce}\n` })
  const state = scratch.statePath()
  const tag = scratch.tag('early')
  const first = await cli(buildArgv(ctx, state, tag))
  expect(first.json.verdict).toBe('baseline')
  // No record yet: nothing to assume, so no early build.
  expect(first.stderr).not.toContain(STARTED)
  const second = await cli(buildArgv(ctx, state, tag))
  expect(second.json.verdict).toBe('unchanged')
  // After a build that changed files (here: all of them, a baseline) no early build starts.
  expect(second.stderr).not.toContain(STARTED)
  return { ctx, state, tag }
}

describeDocker('the early build', () => {
  test('an unchanged rebuild keeps it: tagged, recorded, and the only image the run adds', async () => {
    const { ctx, state, tag } = await baseline()
    const before = imageIds()
    const again = await cli(buildArgv(ctx, state, tag))
    expect(again.code).toBe(0)
    expect(again.json.verdict).toBe('unchanged')
    expect(again.stderr).toContain(STARTED)
    expect(again.stderr).toContain(`kept it: ${again.json.imageId ?? '?'} tagged ${tag}`)
    expect(tagged(tag)).toBe(again.json.imageId)
    const record = JSON.parse(readFileSync(state, 'utf8')) as { imageId: string }
    expect(record.imageId).toBe(again.json.imageId)
    expect(added(before)).toEqual([again.json.imageId])
    // Its log is the run's kept build log, as a build after the walk would have left it.
    expect(readFileSync(`${state}.build.log`, 'utf8')).toMatch(/COPY app \/app/)
    expect(catInImage(tag, '/copy.txt')).toBe(`one ${scratch.nonce}\n`)
  })

  test('a changed file discards it: the image holds the new bytes, the early image is removed', async () => {
    const { ctx, state, tag } = await baseline()
    writeFileSync(join(ctx, 'app/a.txt'), `two, longer ${scratch.nonce}\n`)
    const before = imageIds()
    const changed = await cli(buildArgv(ctx, state, tag))
    expect(changed.code).toBe(0)
    expect(changed.json.verdict).toBe('fresh')
    expect(changed.stderr).toContain(STARTED)
    expect(changed.stderr).toMatch(/the early build is not kept \(the context differs/)
    expect(catInImage(tag, '/copy.txt')).toBe(`two, longer ${scratch.nonce}\n`)
    // The early build ran the COPY; the build after it reuses that entry, and says it ran.
    expect(stepOf(changed.json, 'COPY app /app')).toMatchObject({ changed: true, cached: false })
    expect(added(before)).toEqual([changed.json.imageId])
    // The record is now of a build that changed a file: the next run starts none.
    writeFileSync(join(ctx, 'app/a.txt'), `three, longer still ${scratch.nonce}\n`)
    const next = await cli(buildArgv(ctx, state, tag))
    expect(next.json.verdict).toBe('fresh')
    expect(next.stderr).not.toContain(STARTED)
  })

  test('an edit with the mtime kept: the early build read stale bytes, the cure re-sends, fresh', async () => {
    const { ctx, state, tag } = await baseline()
    editKeepingMtime(join(ctx, 'app/a.txt'), `new ${scratch.nonce}\n`)
    const before = imageIds()
    const stale = await cli(buildArgv(ctx, state, tag))
    expect(stale.code).toBe(0)
    expect(stale.json.verdict).toBe('fresh')
    expect(stale.stderr).toMatch(/the early build is not kept/)
    expect(catInImage(tag, '/copy.txt')).toBe(`new ${scratch.nonce}\n`)
    expect(added(before)).toEqual([stale.json.imageId])
  })

  test('a build of the same context outside the guard: the cure prunes, the early build is not kept', async () => {
    const { ctx, state, tag } = await baseline()
    docker(['build', '--quiet', ctx])
    const again = await cli(buildArgv(ctx, state, tag))
    expect(again.json.verdict).toBe('unchanged')
    expect(again.stderr).toMatch(/used outside this guard/)
    expect(again.stderr).toMatch(/the early build is not kept \(the builder cache was cured/)
    expect(tagged(tag)).toBe(again.json.imageId)
  })

  test('a run that stops before its build waits for the early build and removes its image', async () => {
    const { ctx, state } = await baseline()
    const before = imageIds()
    // Nothing listens on port 1: the registry check after the walk fails the run (exit 2).
    const run = await runCli(
      [...buildArgv(ctx, state, '127.0.0.1:1/fresh-build-early:1'), '--push'],
      { env: suiteEnv() }
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(STARTED)
    expect(added(before)).toEqual([])
  })

  test('FRESH_BUILD_EARLY_BUILD=0 builds after the walk, as without it', async () => {
    const { ctx, state, tag } = await baseline()
    const again = await cli(buildArgv(ctx, state, tag), suiteEnv({ FRESH_BUILD_EARLY_BUILD: '0' }))
    expect(again.json.verdict).toBe('unchanged')
    expect(again.stderr).not.toContain(STARTED)
    expect(tagged(tag)).toBe(again.json.imageId)
  })
})
