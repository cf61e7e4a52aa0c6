/**
 * The stat cache through the guard on the real daemon: with the cache warm (the context unchanged
 * is judged from cached digests alone), the same-size edit whose mtime was put back is still
 * seen, because its ctime moved, and with `--prune never` the build that BuildKit serves from
 * its stale context copy is judged stale.
 */
import { afterAll, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { RACY_MARGIN_MS } from '../../../src/context/statcache.js'
import { BASE_IMAGE, describeDocker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import {
  buildArgv,
  cli,
  editKeepingMtime,
  expectStaleReport,
  Scratch,
  stepOf,
  withStaleCache,
  type CliRun
} from '../guard/helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())

const ENV: NodeJS.ProcessEnv = suiteEnv({ DOCKER_BUILDKIT: '1' })
const COPY = 'COPY app.txt /app.txt'

/** The progress line the guard prints for the stat cache. */
function cacheLine(run: CliRun): string {
  return /^stat cache: .*$/m.exec(run.stderr)?.[0] ?? '(no stat cache line)'
}

describeDocker('the stat cache through the guard', () => {
  test('warm cache, same-size edit with the mtime kept, --prune never: stale, not unchanged', async () => {
    const stale = await withStaleCache(async () => {
      // Fresh bytes per attempt (same size), so no earlier cache can legitimately hold them.
      const nonce = `${scratch.nonce}-${Date.now().toString(36)}`
      const ctx = scratch.tree({
        'app.txt': `version-1 ${nonce}\n`,
        Dockerfile: `FROM ${BASE_IMAGE}\n${COPY}\n`
      })
      const state = scratch.statePath()
      // A tag per build, so every image built here is removed with its tag at the end.
      const argv = (): string[] =>
        buildArgv(ctx, state, scratch.tag('statcache'), ['--prune', 'never'])
      // Only files last changed RACY_MARGIN_MS before a scan are ever cached: let them settle.
      await new Promise(resolve => setTimeout(resolve, RACY_MARGIN_MS + 300))

      const baseline = await cli(argv(), ENV)
      expect(baseline.json.verdict).toBe('baseline')
      expect(cacheLine(baseline)).toBe('stat cache: 0 of 2 file digest(s) reused, 2 read')

      // Warm: nothing is read, and the unchanged context is judged unchanged.
      const unchanged = await cli(argv(), ENV)
      expect(cacheLine(unchanged)).toBe('stat cache: 2 of 2 file digest(s) reused, 0 read')
      expect(unchanged.json.verdict).toBe('unchanged')

      editKeepingMtime(join(ctx, 'app.txt'), `version-2 ${nonce}\n`)
      const after = await cli(argv(), ENV)
      // The Dockerfile came from the cache; app.txt was read again because its ctime moved.
      expect(cacheLine(after)).toBe('stat cache: 1 of 2 file digest(s) reused, 1 read')
      expect(after.json.changedFiles).toEqual(['app.txt'])
      return stepOf(after.json, COPY).cached ? after : null
    }, 'stat cache: stale COPY')
    expectStaleReport(
      stale,
      { instruction: COPY, line: 2 },
      'app.txt',
      /modification time kept.*app\.txt/
    )
    expect(stale.json.causes.join('\n')).toMatch(/not pruned \(prune: never\)/)
  })
})
