/**
 * The docker build flags a build-push-action user passes: parsed the same way by the CLI and the
 * action, turned into argv per builder, refused (naming the input and the builder) where the
 * builder cannot honour them, and secrets kept out of every argv.
 */
import { describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import { buildCommand, type BuildOptions } from '../../../src/docker/build.js'
import type { BuilderKind } from '../../../src/docker/builder.js'
import { pruneCommands } from '../../../src/docker/prune.js'
import {
  buildSecretValues,
  checkBuilderSupport,
  checkLabelsFree,
  materializeSecrets,
  noBuildFlags,
  parseBuildContexts,
  parseLabels,
  parseSecretFlag,
  parseSecretLines,
  passThrough,
  type BuildFlags
} from '../../../src/pipeline/build-flags.js'
import { commandLine } from '../../../src/pipeline/build-setup.js'
import { UsageError } from '../../../src/pipeline/options.js'
import { makeTree, removeTree } from '../../helpers/tree.js'

const base: BuildOptions = {
  context: '/ctx',
  tags: ['t:1'],
  buildArgs: {},
  cacheFrom: [],
  labels: {}
}
const flags = (over: Partial<BuildFlags>): BuildFlags => ({ ...noBuildFlags(), ...over })

describe('argv of the pass-through flags', () => {
  const all = passThrough(
    flags({
      ssh: ['default'],
      pull: true,
      noCacheFilters: ['deps'],
      network: 'host',
      addHosts: ['db:10.0.0.2'],
      shmSize: '1g',
      ulimits: ['nofile=1024:2048'],
      builder: 'builder-1',
      platforms: ['linux/arm64'],
      buildContexts: { docs: '/work/docs' }
    }),
    [{ id: 'npm', src: '/tmp/s/0-npm' }],
    { docs: '/work/docs' }
  )

  test('buildx: --builder before --load, every flag once, the context last', () => {
    const { argv } = buildCommand('buildx', { ...base, flags: all })
    expect(argv).toEqual([
      'buildx',
      'build',
      '--builder',
      'builder-1',
      '--load',
      '--progress=plain',
      '--tag',
      't:1',
      '--no-cache-filter',
      'deps',
      '--pull',
      '--secret',
      'id=npm,src=/tmp/s/0-npm',
      '--ssh',
      'default',
      '--network',
      'host',
      '--add-host',
      'db:10.0.0.2',
      '--shm-size',
      '1g',
      '--ulimit',
      'nofile=1024:2048',
      '--platform',
      'linux/arm64',
      '--build-context',
      'docs=/work/docs',
      '/ctx'
    ])
  })

  test.each<BuilderKind>(['buildkit', 'legacy'])('%s: no --builder and no --load', kind => {
    const { argv } = buildCommand(kind, { ...base, flags: { pull: true, network: 'none' } })
    expect(argv).not.toContain('--builder')
    expect(argv).not.toContain('--load')
    expect(argv.slice(-4)).toEqual(['--pull', '--network', 'none', '/ctx'])
  })

  test('without buildx named contexts are not passed as --build-context (stand-in images)', () => {
    const pass = passThrough(flags({ buildContexts: { docs: '/d' } }), [], {})
    expect(buildCommand('buildkit', { ...base, flags: pass }).argv).not.toContain('--build-context')
  })

  test('a secret value never reaches the argv: only id and the file path', () => {
    const value = 's3cr3t-value'
    const f = flags({ secrets: [{ id: 'tok', value }] })
    const files = materializeSecrets(f, 'action')
    try {
      const { argv } = buildCommand('buildkit', { ...base, flags: passThrough(f, files.files, {}) })
      expect(argv.join(' ')).not.toContain(value)
      expect(argv).toContain(`id=tok,src=${files.files[0]?.src ?? ''}`)
    } finally {
      files.cleanup()
    }
  })

  test('buildx prune targets the builder the build uses', () => {
    expect(pruneCommands('source', 'buildx', 'b1')).toEqual([
      ['buildx', 'prune', '--builder', 'b1', '-f', '--filter', 'type=source.local']
    ])
    expect(pruneCommands('source', 'buildkit', 'b1')[0]?.slice(0, 2)).toEqual(['builder', 'prune'])
  })

  test('the printed command line quotes what a shell would split', () => {
    expect(commandLine(['build', '--label', 'a=b c', "x'y", '.'], { DOCKER_BUILDKIT: '1' })).toBe(
      `DOCKER_BUILDKIT=1 docker build --label 'a=b c' 'x'\\''y' .`
    )
  })
})

describe('what the builder in use cannot do is an error naming the input and the builder', () => {
  const legacy = { kind: 'legacy' as const, serverVersion: '28.2.2' }
  const bk20 = { kind: 'buildkit' as const, serverVersion: '20.10.24+dfsg1' }
  const buildx = { kind: 'buildx' as const, serverVersion: '27.0.0' }
  const cases: [
    string,
    Partial<BuildFlags>,
    typeof legacy | typeof bk20 | typeof buildx,
    RegExp
  ][] = [
    [
      'secrets on legacy',
      { secrets: [{ id: 'a', value: 'v' }] },
      legacy,
      /^input secrets \/ secret-files: the legacy builder has no build secrets/
    ],
    [
      'ssh on legacy',
      { ssh: ['default'] },
      legacy,
      /^input ssh: the legacy builder cannot forward SSH/
    ],
    [
      'platforms on legacy',
      { platforms: ['linux/arm64'] },
      legacy,
      /^input platforms: the legacy builder/
    ],
    [
      'no-cache-filters without buildx',
      { noCacheFilters: ['a'] },
      bk20,
      /^input no-cache-filters: the BuildKit of the classic docker client \(daemon 20\.10\.24\+dfsg1, no buildx\) has no --no-cache-filter/
    ],
    [
      'builder without buildx',
      { builder: 'b' },
      legacy,
      /^input builder: the legacy builder has no builder instances/
    ],
    [
      'shm-size under 20.10 BuildKit',
      { shmSize: '1g' },
      bk20,
      /^input shm-size: .* ignores --shm-size/
    ],
    [
      'ulimit under 20.10 BuildKit',
      { ulimits: ['nofile=1:1'] },
      bk20,
      /^input ulimit: .* ignores --ulimit/
    ],
    [
      'two platforms on buildx',
      { platforms: ['linux/amd64', 'linux/arm64'] },
      buildx,
      /^input platforms: buildx cannot --load several platforms/
    ]
  ]
  test.each(cases)('%s', (_name, over, builder, message) => {
    expect(() => checkBuilderSupport(flags(over), builder, 'action')).toThrow(UsageError)
    expect(() => checkBuilderSupport(flags(over), builder, 'action')).toThrow(message)
  })

  test('the CLI names its flag', () => {
    expect(() =>
      checkBuilderSupport(flags({ secrets: [{ id: 'a', src: '/x' }] }), legacy, 'cli')
    ).toThrow(/^--secret: the legacy builder/)
  })

  test.each<[string, Partial<BuildFlags>, typeof legacy | typeof bk20 | typeof buildx]>([
    ['secrets on BuildKit', { secrets: [{ id: 'a', value: 'v' }], ssh: ['default'] }, bk20],
    [
      'shm-size and ulimit on legacy (it honours both)',
      { shmSize: '1g', ulimits: ['nofile=1:1'] },
      legacy
    ],
    ['named contexts everywhere', { buildContexts: { docs: '/d' } }, legacy],
    [
      'everything on buildx',
      { noCacheFilters: ['a'], builder: 'b', platforms: ['linux/arm64'], shmSize: '1g' },
      buildx
    ]
  ])('accepted: %s', (_n, over, builder) => {
    expect(() => checkBuilderSupport(flags(over), builder, 'action')).not.toThrow()
  })
})

describe('parsing', () => {
  test('labels: KEY=VALUE, value with = and spaces; fresh-build labels refused', () => {
    expect(
      parseLabels(['org.opencontainers.image.title=My app', 'a=b=c', 'empty'], 'input labels')
    ).toEqual({
      'org.opencontainers.image.title': 'My app',
      a: 'b=c',
      empty: ''
    })
    expect(() => parseLabels(['dev.fresh-build.context-hash=x'], 'input labels')).toThrow(
      /fresh-build's own label/
    )
  })

  test('secrets: id=value lines, value byte for byte, errors never echo the value', () => {
    expect(parseSecretLines('npm= a b \n\n# c\ngh=x=y')).toEqual([
      { id: 'npm', value: ' a b ' },
      { id: 'gh', value: 'x=y' }
    ])
    let message = ''
    try {
      parseSecretLines('ok=1\nhunter2-no-equals')
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toBe('input secrets line 2: expected id=value, found no "="')
  })

  test('--secret in docker build syntax: src=, source=, env=, type=env', () => {
    expect(parseSecretFlag('id=a,src=/f', 'x')).toEqual({ id: 'a', src: '/f' })
    expect(parseSecretFlag('id=a,type=file,source=/f', 'x')).toEqual({ id: 'a', src: '/f' })
    expect(parseSecretFlag('id=a,env=TOKEN', 'x')).toEqual({ id: 'a', env: 'TOKEN' })
    expect(parseSecretFlag('type=env,id=TOKEN', 'x')).toEqual({ id: 'TOKEN', env: 'TOKEN' })
    expect(() => parseSecretFlag('id=a', '--secret #1')).toThrow(
      '--secret #1: needs src=PATH (or env=VAR)'
    )
  })

  test('build contexts: local directories only, names lower case, once each', () => {
    expect(parseBuildContexts(['docs=./docs'], 'w', p => `/abs/${p}`)).toEqual({
      docs: '/abs/./docs'
    })
    expect(() => parseBuildContexts(['img=docker-image://alpine'], 'w', p => p)).toThrow(
      /not a local directory/
    )
    expect(() => parseBuildContexts(['Docs=./d'], 'w', p => p)).toThrow(/NAME in lower case/)
    expect(() => parseBuildContexts(['a=x', 'a=y'], 'w', p => p)).toThrow(/given twice/)
  })

  test('a label holding a secret value is refused', () => {
    expect(() => checkLabelsFree({ note: 'tok=abc123' }, ['abc123'], 'action')).toThrow(
      'input labels: label note holds a secret value'
    )
  })
})

describe('secret files', () => {
  test('values go to 0600 files in a 0700 directory outside the workspace, removed after', () => {
    const f = flags({
      secrets: [
        { id: 'a', value: 'one' },
        { id: 'b', env: 'FB_TEST_SECRET' }
      ]
    })
    const s = materializeSecrets(f, 'action', { FB_TEST_SECRET: 'two' })
    const [a, b] = s.files
    expect(readFileSync(a?.src ?? '', 'utf8')).toBe('one')
    expect(readFileSync(b?.src ?? '', 'utf8')).toBe('two')
    expect(statSync(a?.src ?? '').mode & 0o777).toBe(0o600)
    const dir = (a?.src ?? '').split(sep).slice(0, -1).join(sep)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(dir.startsWith(process.cwd())).toBe(false)
    s.cleanup()
    expect(existsSync(dir)).toBe(false)
  })

  test('a missing file or variable is an error naming the secret; nothing is left behind', () => {
    expect(() =>
      materializeSecrets(flags({ secrets: [{ id: 'k', src: '/no/such/file' }] }), 'cli')
    ).toThrow('--secret: secret k: "/no/such/file" is not a file')
    expect(() =>
      materializeSecrets(flags({ secrets: [{ id: 'k', env: 'FB_UNSET_X' }] }), 'cli', {})
    ).toThrow('environment variable FB_UNSET_X is not set')
  })

  test('values to mask: given values, environment values, small file contents', () => {
    const dir = makeTree({ key: 'file-secret-content' })
    try {
      expect(
        buildSecretValues(
          flags({
            secrets: [
              { id: 'a', value: 'v1' },
              { id: 'b', env: 'E' },
              { id: 'c', src: join(dir, 'key') }
            ]
          }),
          { E: 'v2' }
        )
      ).toEqual(['v1', 'v2', 'file-secret-content'])
      writeFileSync(join(dir, 'big'), 'x'.repeat(70 * 1024))
      expect(buildSecretValues(flags({ secrets: [{ id: 'c', src: join(dir, 'big') }] }))).toEqual(
        []
      )
    } finally {
      removeTree(dir)
    }
  })
})
