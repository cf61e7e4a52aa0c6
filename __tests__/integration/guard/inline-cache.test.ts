/**
 * A revert to bytes an inline-cache image supplies, after a full builder prune: the COPY comes
 * back CACHED from `--cache-from`, and the byte proof clears it (docs/design.md: not stale).
 * Measured here: the 20.10 daemon imports inline cache from a local image without any registry
 * (the log says `importing cache manifest from <image>`), as the shared fixture
 * inline-03-after-prune-af-with-cache-from.log also shows.
 */
import { afterAll, expect, test } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE_IMAGE, describeDocker, docker } from '../../helpers/docker.js'
import { buildArgv, catInImage, cli, Scratch, stepOf } from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())
const V1 = `v1 ${scratch.nonce}\n`
const V2 = `v2, a longer one ${scratch.nonce}\n`
const COPY = 'COPY app.txt /app/app.txt'

describeDocker('guard: inline cache after a full prune', () => {
  test('a revert served by --cache-from an inline-cache image is verified by its bytes, not stale', async () => {
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nWORKDIR /app\n${COPY}\n`,
      'app.txt': V1
    })
    const state = scratch.statePath()
    const v1 = scratch.tag('inline')
    const first = await cli(buildArgv(ctx, state, v1, ['--build-arg', 'BUILDKIT_INLINE_CACHE=1']))
    expect(first.code).toBe(0)
    expect(first.json.verdict).toBe('baseline')
    expect(first.json.warnings.join('\n')).toMatch(/BUILDKIT_INLINE_CACHE is set/)
    expect(catInImage(v1, '/app/app.txt')).toBe(V1)

    writeFileSync(join(ctx, 'app.txt'), V2)
    const v2 = scratch.tag('inline')
    const second = await cli(buildArgv(ctx, state, v2))
    expect(second.code).toBe(0)
    expect(second.json.verdict).toBe('fresh')
    expect(stepOf(second.json, COPY)).toMatchObject({ changed: true, cached: false, status: 'ran' })
    expect(catInImage(v2, '/app/app.txt')).toBe(V2)

    // Revert, and empty the whole builder cache: only the v1 image's inline cache can serve it.
    writeFileSync(join(ctx, 'app.txt'), V1)
    docker(['builder', 'prune', '-af'])
    const v3 = scratch.tag('inline')
    const third = await cli(buildArgv(ctx, state, v3, ['--cache-from', v1]))
    expect(third.stderr).toContain(`importing cache manifest from ${v1}`)
    expect(third.code).toBe(0)
    expect(third.json.verdict).toBe('fresh')
    expect(third.json.causes).toEqual([])
    expect(third.json.changedFiles).toEqual(['app.txt'])
    expect(stepOf(third.json, COPY)).toMatchObject({
      changed: true,
      cached: true,
      status: 'verified',
      staleFiles: []
    })
    expect(third.json.warnings.join('\n')).toMatch(/--cache-from .*proven by bytes/)
    expect(catInImage(v3, '/app/app.txt')).toBe(V1)
  })
})
