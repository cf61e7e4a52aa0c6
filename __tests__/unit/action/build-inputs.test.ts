/**
 * The build-push-action inputs, read as the runner hands them over, and the CLI flags that are
 * their twins: both end in the same BuildFlags.
 */
import { describe, expect, test } from '@jest/globals'
import { getInputs, secretValues, type InputSource } from '../../../src/action/inputs.js'
import { BUILD_INPUT_NAMES } from '../../../src/action/build-inputs.js'
import {
  buildMetadata,
  errorSummary,
  summaryEnabled,
  verdictLine
} from '../../../src/action/log.js'
import { parseCli } from '../../../src/cli/args.js'
import { noBuildFlags } from '../../../src/pipeline/build-flags.js'
import type { Judgement } from '../../../src/model.js'

function source(given: Record<string, string>): InputSource {
  return {
    getInput(name, opts) {
      const v = given[name] ?? (name === 'prune' ? 'source' : name === 'summary' ? 'true' : '')
      return opts?.trimWhitespace === false ? v : v.trim()
    }
  }
}

describe('action inputs', () => {
  test("metadata-action's labels output, secrets kept byte for byte, lists split", () => {
    const inputs = getInputs(
      source({
        labels:
          'org.opencontainers.image.title=web\norg.opencontainers.image.description=A web app, with commas\n',
        secrets: 'npm= spaced value \ngh=ghp_x',
        'secret-files': 'key=/run/key.pem',
        ssh: 'default',
        pull: 'true',
        'no-cache': 'false',
        'no-cache-filters': 'deps,test',
        network: 'host',
        'add-hosts': 'db:10.0.0.2,cache:10.0.0.3',
        'build-contexts': 'docs=./docs\nassets=../assets',
        'shm-size': '1g',
        ulimit: 'nofile=1024:2048',
        builder: 'builder-abc',
        platforms: 'linux/amd64'
      })
    )
    expect(inputs.flags).toEqual({
      ...noBuildFlags(),
      labels: {
        'org.opencontainers.image.title': 'web',
        'org.opencontainers.image.description': 'A web app, with commas'
      },
      secrets: [
        { id: 'npm', value: ' spaced value ' },
        { id: 'gh', value: 'ghp_x' },
        { id: 'key', src: '/run/key.pem' }
      ],
      ssh: ['default'],
      pull: true,
      noCacheFilters: ['deps', 'test'],
      network: 'host',
      addHosts: ['db:10.0.0.2', 'cache:10.0.0.3'],
      buildContexts: { docs: './docs', assets: '../assets' },
      shmSize: '1g',
      ulimits: ['nofile=1024:2048'],
      builder: 'builder-abc',
      platforms: ['linux/amd64']
    })
    expect(secretValues(inputs)).toEqual([' spaced value ', 'ghp_x'])
  })

  test.each([
    ['secrets', 'novalue', 'input secrets line 1: expected id=value, found no "="'],
    ['secret-files', 'id', 'input secret-files line 1: expected id=path'],
    ['pull', 'yes', 'input pull: "yes" is not a boolean (true or false)'],
    ['shm-size', 'lots', 'input shm-size: "lots" is not a size (e.g. 64m, 1g)'],
    ['ulimit', 'nofile', 'input ulimit #1: "nofile" is not NAME=SOFT[:HARD]'],
    ['add-hosts', 'nohost', 'input add-hosts #1: "nohost" is not host:ip'],
    ['summary', 'maybe', 'input summary: "maybe" is not a boolean (true or false)']
  ])('%s=%s: %s', (name, value, message) => {
    expect(() => getInputs(source({ [name]: value }))).toThrow(message)
  })

  test('the same secret id twice is an error', () => {
    expect(() => getInputs(source({ secrets: 'a=1', 'secret-files': 'a=/f' }))).toThrow(
      'secret a is given twice'
    )
  })
})

describe('the CLI twin', () => {
  test('docker build flag names give the same BuildFlags', () => {
    const p = parseCli(
      [
        'build',
        '--label',
        'org.opencontainers.image.title=web',
        '--secret',
        'id=key,src=run/key.pem',
        '--secret',
        'id=npm,env=NPM_TOKEN',
        '--ssh',
        'default',
        '--pull',
        '--no-cache-filter',
        'deps',
        '--network',
        'host',
        '--add-host',
        'db:10.0.0.2',
        '--build-context',
        'docs=./docs',
        '--shm-size',
        '1g',
        '--ulimit',
        'nofile=1024:2048',
        '--builder',
        'builder-abc',
        '--platform',
        'linux/amd64'
      ],
      '/work',
      {}
    )
    if (p.command !== 'build') throw new Error(p.command)
    expect(p.guard.surface).toBe('cli')
    expect(p.guard.build).toEqual({
      ...noBuildFlags(),
      labels: { 'org.opencontainers.image.title': 'web' },
      secrets: [
        { id: 'key', src: '/work/run/key.pem' },
        { id: 'npm', env: 'NPM_TOKEN' }
      ],
      ssh: ['default'],
      pull: true,
      noCacheFilters: ['deps'],
      network: 'host',
      addHosts: ['db:10.0.0.2'],
      buildContexts: { docs: '/work/docs' },
      shmSize: '1g',
      ulimits: ['nofile=1024:2048'],
      builder: 'builder-abc',
      platforms: ['linux/amd64']
    })
    // Each action input has its CLI flag.
    expect(BUILD_INPUT_NAMES.length).toBe(14)
  })

  test('build flags do not apply to check (except --build-context, which check must hash)', () => {
    expect(() => parseCli(['check', '--log', 'l', '--secret', 'id=a,src=f'], '/w', {})).toThrow(
      'option --secret does not apply to "check"'
    )
    const p = parseCli(['check', '--log', 'l', '--build-context', 'docs=d'], '/w', {})
    if (p.command !== 'check') throw new Error(p.command)
    expect(p.guard.build?.buildContexts).toEqual({ docs: '/w/d' })
  })
})

describe('log, summary and metadata', () => {
  test('summary off by input, by FRESH_BUILD_SUMMARY, and where there is no summary file', () => {
    const env = { GITHUB_STEP_SUMMARY: '/tmp/s' }
    expect(summaryEnabled('true', env)).toBe(true)
    expect(summaryEnabled('false', env)).toBe(false)
    expect(summaryEnabled('true', { ...env, FRESH_BUILD_SUMMARY: 'false' })).toBe(false)
    expect(summaryEnabled('true', {})).toBe(false)
  })

  test('the error summary names the phase and what failed, escaped and redacted', () => {
    const html = errorSummary('build', 'docker build failed: <b>tok_123</b> | x', ['tok_123'])
    expect(html).toContain('<b>build</b> phase')
    expect(html).toContain('&lt;b&gt;&#42;&#42;&#42;&lt;/b&gt; &#124; x')
    expect(html).not.toContain('tok_123')
  })

  test('metadata: build-push-action keys, buildx underneath, one JSON document', () => {
    const doc = JSON.parse(
      buildMetadata({
        imageId: 'sha256:ab',
        tags: ['a:1', 'b:2'],
        verdict: 'fresh',
        contextHash: 'sha256:cd',
        buildx: { 'buildx.build.ref': 'r/1', 'containerimage.config.digest': 'sha256:other' },
        extra: { 'containerimage.digest': 'sha256:pushed' }
      })
    ) as Record<string, unknown>
    expect(doc).toEqual({
      'buildx.build.ref': 'r/1',
      'containerimage.config.digest': 'sha256:ab',
      'image.name': 'a:1,b:2',
      'fresh-build.verdict': 'fresh',
      'fresh-build.context-hash': 'sha256:cd',
      'containerimage.digest': 'sha256:pushed'
    })
  })

  test('the verdict line', () => {
    const j = { verdict: 'baseline', steps: [], changedFiles: [] } as unknown as Judgement
    expect(verdictLine(j, 'web')).toBe(
      'fresh-build: web: baseline - no previous record; this build is now the reference'
    )
  })
})
