import { describe, expect, test } from '@jest/globals'
import { parseCli } from '../../../src/cli/args.js'
import { UsageError } from '../../../src/pipeline/options.js'

const parse = (...argv: string[]) => parseCli(argv, '/work', {})

describe('fresh-build argument parsing', () => {
  test('build defaults: context ., Dockerfile in it, prune source, verify changed', () => {
    const p = parse('build')
    if (p.command !== 'build') throw new Error(p.command)
    expect(p.guard).toMatchObject({
      context: '/work',
      file: '/work/Dockerfile',
      prune: 'source',
      verify: 'changed',
      state: null,
      tags: [],
      docker: 'docker'
    })
  })

  test('repeatable options keep their order; build-arg values keep = and spaces', () => {
    const p = parse(
      'build',
      '-t',
      'a:1',
      '--tag',
      'b:2',
      '--build-arg',
      'X=a=b c',
      '--cache-from',
      'c'
    )
    if (p.command !== 'build') throw new Error(p.command)
    expect(p.guard.tags).toEqual(['a:1', 'b:2'])
    expect(p.guard.buildArgs).toEqual({ X: 'a=b c' })
    expect(p.guard.cacheFrom).toEqual(['c'])
  })

  test('relative paths resolve against the working directory', () => {
    const p = parse('build', '--context', 'app', '--file', 'docker/Dockerfile', '--state', 's.json')
    if (p.command !== 'build') throw new Error(p.command)
    expect([p.guard.context, p.guard.file, p.guard.state]).toEqual([
      '/work/app',
      '/work/docker/Dockerfile',
      '/work/s.json'
    ])
  })

  test.each([
    [['deploy'], /unknown command "deploy"/],
    [['build', '--frobnicate'], /frobnicate/],
    [['build', '--prune', 'everything'], /--prune: unknown policy "everything"/],
    [['build', '--verify', 'maybe'], /--verify: unknown value "maybe"/],
    [['build', '--build-arg', 'NOVALUE'], /--build-arg #1: "NOVALUE" has no value/],
    [['build', '--build-arg', '1X=2'], /--build-arg #1: "1X=2" is not KEY=VALUE/],
    [['check'], /check needs --log FILE/],
    [['hash', '--tag', 'x'], /option --tag does not apply to "hash"/],
    [['parse-log'], /parse-log takes exactly one FILE/],
    [['build', 'extra'], /unexpected argument "extra"/],
    [
      ['build', '--compose-file', 'c.yml', '--tag', 'x'],
      /--tag does not apply with --compose-file/
    ],
    [['build', '--service', 'web'], /--service needs --compose-file/]
  ])('%j is a usage error: %s', (argv, message) => {
    expect(() => parseCli(argv, '/work', {})).toThrow(UsageError)
    expect(() => parseCli(argv, '/work', {})).toThrow(message)
  })

  test('DOCKER_PATH picks the client unless --docker is given', () => {
    const env = { DOCKER_PATH: '/usr/bin/docker' }
    const a = parseCli(['build'], '/work', env)
    const b = parseCli(['build', '--docker', '/opt/docker'], '/work', env)
    if (a.command !== 'build' || b.command !== 'build') throw new Error('not build')
    expect([a.guard.docker, b.guard.docker]).toEqual(['/usr/bin/docker', '/opt/docker'])
  })

  test('help and version need no command', () => {
    expect(parse('--help').command).toBe('help')
    expect(parse().command).toBe('help')
    expect(parse('--version').command).toBe('version')
  })
})
