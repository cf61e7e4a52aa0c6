import { expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { DOCKER } from '../../helpers/docker.js'
import { dockerClient, dockerExec, type DockerExec } from '../../../src/docker/exec.js'

/** The BuildKit-capable 20.10 client, through our own exec wrapper. */
export const exec20: DockerExec = dockerExec(dockerClient({ dockerPath: DOCKER }))
/** The 28.x client without buildx: the legacy builder. */
export const LEGACY_DOCKER = '/usr/local/bin/docker'
export const execLegacy: DockerExec = dockerExec(dockerClient({ dockerPath: LEGACY_DOCKER }))

export const sha = (b: string | Buffer): string =>
  'sha256:' + createHash('sha256').update(b).digest('hex')

/** A tag of ours (fb-dk- prefix), unique per run. */
export function tag(name: string): string {
  return `fb-dk-${name}:${process.pid}-${Date.now().toString(36)}`
}

/** Removes only the images this suite tagged. */
export function removeImages(tags: string[]): void {
  if (tags.length > 0) spawnSync(DOCKER, ['image', 'rm', '--force', ...tags], { stdio: 'ignore' })
}

// jest runs every file under __tests__; this helper checks itself only as its own suite.
if (expect.getState().testPath?.endsWith('common.ts')) {
  test('tags carry the fb-dk- prefix', () => {
    expect(tag('x')).toMatch(/^fb-dk-x:/)
  })
}
