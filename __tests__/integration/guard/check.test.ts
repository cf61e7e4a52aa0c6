/**
 * `check --log` on logs of plain `DOCKER_BUILDKIT=1 docker build --progress=plain` runs made
 * outside the guard: the same stale/fresh decisions as `build`, with byte proof read from the
 * image passed by `--image`.
 */
import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import {
  catInImage,
  cli,
  editKeepingMtime,
  expectStaleReport,
  Scratch,
  stepOf,
  withStaleCache
} from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())
const OLD = `old ${scratch.nonce}\n`
const NEW = `new ${scratch.nonce}\n`
const COPY = 'COPY src ./src'

/** A build as a deploy script would run it; the log (BuildKit writes it to stderr) kept in a file. */
function plainBuild(ctx: string, tag: string, logFile: string): void {
  const r = spawnSync(DOCKER, ['build', '--progress=plain', '--tag', tag, ctx], {
    env: suiteEnv({ DOCKER_BUILDKIT: '1' }),
    encoding: 'utf8'
  })
  writeFileSync(logFile, r.stdout + r.stderr)
  if (r.status !== 0) throw new Error(`docker build failed: ${r.stderr}`)
}

describeDocker('guard: check --log of a plain BuildKit build', () => {
  test('a kept-mtime edit the log shows CACHED is stale; after a source prune it is fresh', async () => {
    await withStaleCache(async () => {
      const ctx = scratch.tree({
        Dockerfile: `FROM ${BASE_IMAGE}\nWORKDIR /app\n${COPY}\n`,
        'src/a.txt': OLD
      })
      const state = scratch.statePath()
      const logs = dirname(state)
      const check = (log: string, image: string): string[] => [
        'check',
        '--context',
        ctx,
        '--state',
        state,
        '--log',
        log,
        '--image',
        image,
        '--docker',
        DOCKER
      ]
      const t1 = scratch.tag('check')
      plainBuild(ctx, t1, join(logs, '1.log'))
      const base = await cli(check(join(logs, '1.log'), t1))
      expect(base.code).toBe(0)
      expect(base.json.verdict).toBe('baseline')

      editKeepingMtime(join(ctx, 'src/a.txt'), NEW)
      const t2 = scratch.tag('check')
      plainBuild(ctx, t2, join(logs, '2.log'))
      const stale = await cli(check(join(logs, '2.log'), t2))
      if (catInImage(t2, '/app/src/a.txt') === NEW) {
        // Pruned under us: nothing stale to catch, and it must not be called stale.
        expect(stale.json.verdict).toBe('fresh')
        return null
      }
      expect(catInImage(t2, '/app/src/a.txt')).toBe(OLD)
      expect(stepOf(stale.json, COPY)).toMatchObject({ changed: true, cached: true })
      expect(stale.json.pruned).toBeNull()
      expectStaleReport(
        stale,
        { instruction: COPY, line: 3 },
        'src/a.txt',
        /modification time kept/
      )

      // What the guard's default policy does, done by hand; the next build sends the new bytes.
      docker(['builder', 'prune', '-f', '--filter', 'type=source.local'])
      const t3 = scratch.tag('check')
      plainBuild(ctx, t3, join(logs, '3.log'))
      const fresh = await cli(check(join(logs, '3.log'), t3))
      expect(fresh.code).toBe(0)
      expect(fresh.json.verdict).toBe('fresh')
      expect(fresh.json.changedFiles).toEqual(['src/a.txt'])
      expect(stepOf(fresh.json, COPY)).toMatchObject({
        changed: true,
        cached: false,
        status: 'ran',
        staleFiles: []
      })
      expect(catInImage(t3, '/app/src/a.txt')).toBe(NEW)
      return true
    }, 'check --log')
  })
})
