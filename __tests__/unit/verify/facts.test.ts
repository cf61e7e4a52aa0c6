import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseContainerInspect, parseImageInspectList } from '../../../src/verify/facts.js'
import { runningProblem } from '../../../src/verify/checks.js'

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/verify/${name}`, import.meta.url)), 'utf8')

describe('container facts from real docker inspect output', () => {
  test('a running container: its image, the tag it came from, every mount kind, its health', () => {
    const [c] = parseContainerInspect(fixture('plain-container.json'))
    expect(c).toMatchObject({
      name: 'veri-fx',
      startedFrom: 'veri-m:latest',
      running: true,
      restarting: false,
      health: 'healthy'
    })
    expect(c?.image).toMatch(/^sha256:[0-9a-f]{64}$/)
    const byDest = Object.fromEntries((c?.mounts ?? []).map(m => [m.destination, m]))
    expect(byDest['/app/bind']).toMatchObject({ type: 'bind', name: null, anonymous: false })
    expect(byDest['/app/data']).toMatchObject({
      type: 'volume',
      name: 'veri-fxvol',
      anonymous: false
    })
    // VOLUME /app/static in the image: an anonymous volume.
    expect(byDest['/app/static']).toMatchObject({ type: 'volume', anonymous: true })
    // --tmpfs is only in HostConfig.Tmpfs.
    expect(byDest['/app/tmp']).toMatchObject({ type: 'tmpfs', source: null })
    expect(runningProblem(c ?? null, Date.parse(c?.startedAt ?? '') + 60_000)).toBeNull()
  })

  test('a stopped container says how it ended', () => {
    const [c] = parseContainerInspect(fixture('exited-container.json'))
    expect(c).toMatchObject({ running: false, status: 'exited', exitCode: 137 })
    expect(runningProblem(c ?? null)).toBe('exited with exit code 137')
  })

  test('an image: id, created, layers, and a runtime config without the per-build labels', () => {
    const [i] = parseImageInspectList(fixture('image.json'))
    expect(i?.id).toMatch(/^sha256:/)
    expect(i?.diffIds.length).toBeGreaterThan(0)
    const raw = JSON.parse(fixture('image.json')) as {
      Config: { Labels: Record<string, string> }
    }[]
    const relabelled = structuredClone(raw)
    const labels = relabelled[0]?.Config.Labels ?? {}
    labels['dev.fresh-build.build-id'] = 'another-build'
    labels['org.opencontainers.image.created'] = '2030-01-01T00:00:00Z'
    expect(parseImageInspectList(JSON.stringify(relabelled))[0]?.runtimeConfig).toBe(
      i?.runtimeConfig
    )
    labels['dev.fresh-build.context-hash'] = `sha256:${'1'.repeat(64)}`
    expect(parseImageInspectList(JSON.stringify(relabelled))[0]?.runtimeConfig).not.toBe(
      i?.runtimeConfig
    )
  })

  test('unreadable output is a DockerError naming the command', () => {
    expect(() => parseContainerInspect('not json')).toThrow('docker inspect: unreadable output')
  })
})

describe('runningProblem', () => {
  const [base] = parseContainerInspect(fixture('plain-container.json'))
  const c = { ...(base as NonNullable<typeof base>), health: null }
  const started = Date.parse(c.startedAt)
  test.each([
    [{ restarting: true, exitCode: 3 }, 'restarting (last exit code 3)'],
    [{ paused: true }, 'paused'],
    [{ health: 'starting' }, 'running, health check still starting'],
    [{ health: 'unhealthy' }, 'running but unhealthy'],
    [{ running: false, status: 'created' }, 'created'],
    [
      { running: false, status: 'exited', exitCode: 1, error: 'oom' },
      'exited with exit code 1: oom'
    ]
  ])('%j: %s', (patch, why) => {
    expect(runningProblem({ ...c, ...patch }, started + 60_000)).toBe(why)
  })
  test('restarted moments ago is a restart loop; long since, it is running', () => {
    expect(runningProblem({ ...c, restartCount: 4 }, started + 2_000)).toMatch(/restarted 4 time/)
    expect(runningProblem({ ...c, restartCount: 4 }, started + 60_000)).toBeNull()
    expect(runningProblem(null)).toBe('no container')
  })
})
