/**
 * Every call that waits on another process is bounded (issue 13): a daemon that accepts and
 * never answers, a docker client that never exits, a build that runs past its --build-timeout.
 * Each run ends within its bound with exit 2, an error naming what did not answer, and no lock
 * left beside the record.
 */
import { afterAll, expect, test } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { dirname, join } from 'node:path'
import { BASE_IMAGE, DOCKER, describeDocker } from '../../helpers/docker.js'
import { baseEnv, cli, Scratch } from './helpers.js'
import { silentDocker } from './attack-helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())

const locks = (state: string): string[] =>
  readdirSync(dirname(state)).filter(n => /\.lock$|\.reclaim$|\.tmp$/.test(n))

/** A unix socket that accepts connections and never writes a byte. */
async function muteDaemon(): Promise<{ host: string; close: () => Promise<void> }> {
  const sock = join(scratch.dir('fb-hard-sock-'), 'docker.sock')
  const open: Socket[] = []
  const server: Server = createServer(s => void open.push(s))
  await new Promise<void>(done => server.listen(sock, done))
  return {
    host: `unix://${sock}`,
    close: async () => {
      for (const s of open) s.destroy()
      await new Promise<void>(done => server.close(() => done()))
    }
  }
}

describeDocker('bounded waits', () => {
  test.each(['build', 'clear'])(
    '%s against a daemon that accepts and never answers: exit 2 within the bound, no lock',
    async command => {
      const daemon = await muteDaemon()
      const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nCOPY a /a\n`, a: 'a\n' })
      const state = scratch.state()
      const started = Date.now()
      try {
        const run = await cli(
          [command, '--context', ctx, '--state', state, '--docker', DOCKER],
          baseEnv({ DOCKER_HOST: daemon.host, FRESH_BUILD_DOCKER_TIMEOUT: '2' })
        )
        expect(Date.now() - started).toBeLessThan(20_000)
        expect(run.code).toBe(2)
        expect(run.stderr).toMatch(/fresh-build: error: docker version did not answer within 2s/)
        expect(locks(state)).toEqual([])
      } finally {
        await daemon.close()
      }
    }
  )

  test('a docker client that never exits: exit 2 naming the call, no lock', async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nCOPY a /a\n`, a: 'a\n' })
    const state = scratch.state()
    const started = Date.now()
    const run = await cli(
      ['build', '--context', ctx, '--state', state, '--docker', silentDocker(scratch)],
      baseEnv({ FRESH_BUILD_DOCKER_TIMEOUT: '1.5' })
    )
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/docker version did not answer within 1\.5s/)
    expect(locks(state)).toEqual([])
  })

  test('--build-timeout: a build that runs longer is stopped, exit 2, the record untouched, no lock', async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nRUN sleep 60\n` })
    const state = scratch.state()
    const started = Date.now()
    const run = await cli([
      'build',
      '--context',
      ctx,
      '--state',
      state,
      '--prune',
      'never',
      '--build-timeout',
      '3',
      '--docker',
      DOCKER
    ])
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/docker build did not finish within 3s/)
    expect(locks(state)).toEqual([])
    expect(readdirSync(dirname(state)).filter(n => n === 'record.json')).toEqual([])
  })
})
