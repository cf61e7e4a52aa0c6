/**
 * Injection and secrets on the real daemon: a build arg full of shell metacharacters reaches
 * the image byte for byte and runs nothing on the host; a tag docker would refuse is refused
 * before the prune; a secret build arg is in no image label, no output and no record.
 */
import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describeDocker, DOCKER, BASE_IMAGE } from '../../helpers/docker.js'
import { catInImage, cli, judgement, Scratch } from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())

function labels(image: string): Record<string, string> {
  const r = spawnSync(DOCKER, ['image', 'inspect', '--format', '{{json .Config.Labels}}', image], {
    encoding: 'utf8'
  })
  expect(r.status).toBe(0)
  return JSON.parse(r.stdout) as Record<string, string>
}

describeDocker('injection and secrets on the real daemon', () => {
  test('a build arg of shell metacharacters and newlines lands in the image verbatim; nothing runs on the host', async () => {
    const pwned = join(tmpdir(), `fb-hard-pwned-${scratch.nonce}`)
    const evil = `$(touch ${pwned}); \`touch ${pwned}\` ; touch ${pwned} | true\n::error::x & "q" 'q' \\`
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nARG EVIL\nRUN printf '%s' "$EVIL" > /evil\n`
    })
    const tag = scratch.tag('meta')
    const argv = ['build', '--context', ctx, '--state', scratch.state(), '--docker', DOCKER]
    const run = await cli([
      ...argv,
      '--tag',
      tag,
      '--commit',
      `$(touch ${pwned})`,
      '--build-arg',
      `EVIL=${evil}`,
      '--json'
    ])
    expect(run.code).toBe(0)
    expect(catInImage(tag, '/evil')).toBe(evil)
    expect(labels(tag)['org.opencontainers.image.revision']).toBe(`$(touch ${pwned})`)
    expect(existsSync(pwned)).toBe(false)
  })

  test('a tag docker would refuse is refused before anything runs', async () => {
    const pwned = join(tmpdir(), `fb-hard-pwned-tag-${scratch.nonce}`)
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\n` })
    const state = scratch.state()
    const run = await cli([
      'build',
      '--context',
      ctx,
      '--state',
      state,
      '--docker',
      DOCKER,
      '--tag',
      `fb-hard-x;touch ${pwned}`
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^fresh-build: error: --tag #1: .* is not a valid image tag/)
    expect(run.stderr).not.toMatch(/pruning|building/)
    expect(existsSync(state)).toBe(false)
    expect(existsSync(pwned)).toBe(false)
  })

  test('a secret build arg is in no image label, no output and no record', async () => {
    const secret = `s3cr3t-${scratch.nonce}`
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nARG TOKEN\nCOPY app.txt /app.txt\nRUN test -n "$TOKEN" && echo "token seen: $TOKEN"\n`,
      'app.txt': 'a\n'
    })
    const state = scratch.state()
    const tag = scratch.tag('secret')
    const run = await cli([
      'build',
      '--context',
      ctx,
      '--state',
      state,
      '--docker',
      DOCKER,
      '--tag',
      tag,
      '--commit',
      'c0ffee',
      '--build-arg',
      `TOKEN=${secret}`,
      '--secret-build-arg',
      'TOKEN',
      '--json'
    ])
    expect(run.code).toBe(0)
    expect(judgement(run).verdict).toBe('baseline')
    // The RUN saw it (the build passed `test -n`) and printed it; the output shows it masked.
    expect(run.stderr).toMatch(/token seen: \*\*\*/)
    expect(run.stdout + run.stderr).not.toContain(secret)
    expect(readFileSync(state, 'utf8')).not.toContain(secret)
    const l = labels(tag)
    expect(l['dev.fresh-build.context-hash']).toBe(judgement(run).contextHash)
    expect(Object.entries(l).filter(([k, v]) => k.includes(secret) || v.includes(secret))).toEqual(
      []
    )
    // The documented limit: docker itself writes the value of an ARG a RUN sees into that RUN's
    // history entry (`RUN |1 TOKEN=...`); a real secret belongs in RUN --mount=type=secret.
    const history = spawnSync(
      DOCKER,
      ['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag],
      {
        encoding: 'utf8'
      }
    )
    expect(history.stdout).toContain(`TOKEN=${secret}`)
  })
})
