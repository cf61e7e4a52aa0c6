/**
 * buildx facts from public outputs (__tests__/fixtures/logs/reference/public-buildx-*): the
 * builder `docker buildx inspect` describes, the warnings for builders that vanish after the
 * job, and the builder line of a buildx build log.
 */
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { builderWarnings, parseBuildxInspect } from '../../../src/docker/buildx.js'
import { LogParser } from '../../../src/logs/index.js'

const ref = (name: string): string =>
  readFileSync(`__tests__/fixtures/logs/reference/${name}`, 'utf8')
    .split('\n')
    .filter(l => !l.startsWith('# '))
    .join('\n')

describe('docker buildx inspect', () => {
  test('a docker-container builder (buildx PR 2068): ephemeral, its own BuildKit', () => {
    const b = parseBuildxInspect(
      ref('public-buildx-inspect-docker-container_docker-buildx-pr-2068.txt')
    )
    expect(b).toEqual({
      name: 'builder',
      driver: 'docker-container',
      endpoints: ['unix:///var/run/docker.sock']
    })
    const w = builderWarnings(b)
    expect(w).toHaveLength(2)
    expect(w[1]).toMatch(/removed after the job/)
  })

  test('the docker driver (buildx PR 1854): the daemon itself, no warning', () => {
    const b = parseBuildxInspect(
      ref('public-buildx-inspect-docker-driver_docker-buildx-pr-1854.txt')
    )
    expect(b).toMatchObject({ name: 'default', driver: 'docker', endpoints: ['default'] })
    expect(builderWarnings(b)).toEqual([])
  })
})

test('the builder line of a buildx log with the docker-container driver (buildx issue 1901)', () => {
  const p = new LogParser()
  p.write(ref('public-buildx-plain-docker-container-driver_docker-buildx-issue-1901.txt'))
  const log = p.end()
  expect(log.builder).toMatch(/builder-37c35484-92d4-4c42-9ef0-be86ce9a2d6c/)
  expect(log.format).toBe('buildkit-plain')
})
