import { describe, expect, test } from '@jest/globals'
import { isLoopback, namesRegistry, parseImageRef } from '../../../src/registry/reference.js'
import { recordTag } from '../../../src/registry/artifact.js'
import { pushedDigest, pushMetadata } from '../../../src/pipeline/push.js'
import { parseCli } from '../../../src/cli/args.js'

const D = `sha256:${'ab'.repeat(32)}`

describe('image references as docker reads them', () => {
  test.each([
    ['127.0.0.1:5100/app:main', '127.0.0.1:5100', 'app', 'main', null],
    ['localhost/team/app', 'localhost', 'team/app', null, null],
    ['ghcr.io/org/app:v1.2', 'ghcr.io', 'org/app', 'v1.2', null],
    ['nginx', 'docker.io', 'library/nginx', null, null],
    ['user/app:x', 'docker.io', 'user/app', 'x', null],
    [`reg.example:443/a/b@${D}`, 'reg.example:443', 'a/b', null, D],
    [`reg.example/a:t@${D}`, 'reg.example', 'a', 't', D]
  ])('%s', (text, registry, repository, tag, digest) => {
    expect(parseImageRef(text)).toEqual({ registry, repository, tag, digest, text })
  })

  test.each([
    ['127.0.0.1:5100/App:main', /name invalid/],
    ['127.0.0.1:5100/app:-bad', /not a valid tag/],
    ['127.0.0.1:5100/app@sha256:12', /digest is not sha256/],
    ['127.0.0.1:5100/', /name invalid/]
  ])('%s is refused, naming it', (text, why) => {
    expect(() => parseImageRef(text)).toThrow(why)
    expect(() => parseImageRef(text)).toThrow(text)
  })

  test('a registry is named only by a first component with . or : or localhost', () => {
    expect(namesRegistry('127.0.0.1:5100/app')).toBe(true)
    expect(namesRegistry('localhost/app')).toBe(true)
    expect(namesRegistry('team/app')).toBe(false)
    expect(namesRegistry('app:1.0')).toBe(false)
  })

  test('loopback registries are HTTP, as dockerd treats 127.0.0.0/8', () => {
    expect(isLoopback('127.0.0.1:5100')).toBe(true)
    expect(isLoopback('127.9.9.9')).toBe(true)
    expect(isLoopback('localhost:5000')).toBe(true)
    expect(isLoopback('[::1]:5000')).toBe(true)
    expect(isLoopback('128.0.0.1:5000')).toBe(false)
    expect(isLoopback('ghcr.io')).toBe(false)
  })
})

describe('push output and documents', () => {
  test('the record tag follows the digest, as cosign tags signatures', () => {
    expect(recordTag(D)).toBe(`sha256-${'ab'.repeat(32)}.fresh-build`)
    expect(() => recordTag('sha256:xyz')).toThrow(/not a sha256 digest/)
  })

  test("docker push's digest line, the last one when a push prints several", () => {
    const other = `sha256:${'cd'.repeat(32)}`
    expect(pushedDigest(`x\nmain: digest: ${D} size: 523\n`)).toBe(D)
    expect(pushedDigest(`a: digest: ${other} size: 1\nb: digest: ${D} size: 2\n`)).toBe(D)
    expect(pushedDigest('no digest here')).toBeNull()
  })

  test('metadata holds the digest, the tags and the verdict', () => {
    const push = {
      digest: D,
      tags: ['r:1/a:b'],
      pushed: [],
      records: ['r:1/a:sha256-x.fresh-build'],
      warnings: []
    }
    expect(JSON.parse(pushMetadata('fresh', push, 'sha256:id'))).toEqual({
      'containerimage.digest': D,
      'containerimage.config.digest': 'sha256:id',
      'image.name': 'r:1/a:b',
      digest: D,
      tags: ['r:1/a:b'],
      verdict: 'fresh',
      records: ['r:1/a:sha256-x.fresh-build']
    })
  })
})

describe('the CLI push and registry-cache options', () => {
  test('--push needs a tag, and applies to build only', () => {
    expect(() => parseCli(['build', '--push'], '/tmp', {})).toThrow(
      '--push needs at least one --tag'
    )
    expect(() => parseCli(['check', '--log', 'x', '--push'], '/tmp', {})).toThrow(
      'option --push does not apply to "check"'
    )
    const p = parseCli(['build', '--push', '-t', '127.0.0.1:5100/a:b'], '/tmp', {})
    expect(p.command === 'build' && p.guard.push).toBe(true)
  })

  test('--registry-cache is repeatable, in clear only', () => {
    const p = parseCli(
      ['clear', '--registry-cache', 'r:1/a:c', '--registry-cache', 'r:1/a:d'],
      '/tmp',
      {}
    )
    expect(p.command === 'clear' && p.clear.registryCache).toEqual(['r:1/a:c', 'r:1/a:d'])
    expect(() => parseCli(['build', '--registry-cache', 'r:1/a:c'], '/tmp', {})).toThrow(
      'option --registry-cache does not apply to "build"'
    )
  })
})
