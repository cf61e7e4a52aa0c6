import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { actionEnv } from '../../integration/action/runner.js'
import { baseEnv } from '../../integration/hardening/helpers.js'
import { suiteEnv } from '../../helpers/env.js'
import { cleanEnv } from '../hardening/helpers.js'

// A test suite must only ever talk to the daemon it was given: every environment a test builds for
// a child process or an in-process CLI run carries the caller's DOCKER_HOST.
describe('child environments keep the daemon the suite was given', () => {
  const saved = process.env.DOCKER_HOST
  beforeEach(() => {
    process.env.DOCKER_HOST = 'unix:///tmp/fb-suite-own/docker.sock'
    process.env.GITHUB_ACTIONS = 'true'
  })
  afterEach(() => {
    if (saved === undefined) delete process.env.DOCKER_HOST
    else process.env.DOCKER_HOST = saved
    delete process.env.GITHUB_ACTIONS
  })

  test.each([
    ['suiteEnv', suiteEnv],
    ['integration baseEnv', baseEnv],
    ['unit cleanEnv', cleanEnv]
  ])('%s keeps DOCKER_HOST and drops runner variables', (_name, make) => {
    const env = make()
    expect(env.DOCKER_HOST).toBe('unix:///tmp/fb-suite-own/docker.sock')
    expect(env.GITHUB_ACTIONS).toBeUndefined()
  })

  test('a test that needs a dead daemon names its own socket, which wins', () => {
    expect(suiteEnv({ DOCKER_HOST: 'unix:///nonexistent/x.sock' }).DOCKER_HOST).toBe(
      'unix:///nonexistent/x.sock'
    )
  })

  test("the action runner's environment carries DOCKER_HOST to dist/index.js", () => {
    const files = { output: '/o', summary: '/s', event: '/e', temp: '/t' }
    const env = actionEnv({ workspace: '/w', inputs: {}, home: '/h' }, files)
    expect(env.DOCKER_HOST).toBe('unix:///tmp/fb-suite-own/docker.sock')
    const dead = actionEnv(
      { workspace: '/w', inputs: {}, home: '/h', env: { DOCKER_HOST: 'unix:///dead.sock' } },
      files
    )
    expect(dead.DOCKER_HOST).toBe('unix:///dead.sock')
  })

  test('without DOCKER_HOST the action runner sets none (the default socket)', () => {
    delete process.env.DOCKER_HOST
    const files = { output: '/o', summary: '/s', event: '/e', temp: '/t' }
    expect('DOCKER_HOST' in actionEnv({ workspace: '/w', inputs: {}, home: '/h' }, files)).toBe(
      false
    )
  })
})
