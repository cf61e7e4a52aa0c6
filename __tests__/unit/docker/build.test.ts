import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildCommand,
  imageIdFromLog,
  runBuild,
  type BuildOptions,
  BUILD_LOG_MAGIC
} from '../../../src/docker/build.js'
import type { BuilderKind } from '../../../src/docker/builder.js'
import { fakeExec } from './fake.js'

const base: BuildOptions = { context: '.', tags: [], buildArgs: {}, cacheFrom: [], labels: {} }
const full: BuildOptions = {
  context: 'app',
  file: 'app/Dockerfile.prod',
  tags: ['web:1', 'web:latest'],
  buildArgs: { GIT_COMMIT_HASH: 'abc', BUILD_ID: 'b 1' },
  cacheFrom: ['web:prev'],
  target: 'final',
  labels: { 'org.opencontainers.image.revision': 'abc' },
  iidFile: '/tmp/iid',
  noCache: true
}
const tail = [
  '--file',
  'app/Dockerfile.prod',
  '--tag',
  'web:1',
  '--tag',
  'web:latest',
  '--build-arg',
  'GIT_COMMIT_HASH=abc',
  '--build-arg',
  'BUILD_ID=b 1',
  '--label',
  'org.opencontainers.image.revision=abc',
  '--cache-from',
  'web:prev',
  '--target',
  'final',
  '--no-cache',
  '--iidfile',
  '/tmp/iid',
  'app'
]

describe('buildCommand', () => {
  test.each<[string, BuilderKind, BuildOptions, string[], Record<string, string>]>([
    ['buildx minimal', 'buildx', base, ['buildx', 'build', '--load', '--progress=plain', '.'], {}],
    [
      'buildkit minimal',
      'buildkit',
      base,
      ['build', '--progress=plain', '.'],
      { DOCKER_BUILDKIT: '1' }
    ],
    ['legacy minimal: no progress flag', 'legacy', base, ['build', '.'], { DOCKER_BUILDKIT: '0' }],
    ['buildx full', 'buildx', full, ['buildx', 'build', '--load', '--progress=plain', ...tail], {}],
    [
      'buildkit full',
      'buildkit',
      full,
      ['build', '--progress=plain', ...tail],
      { DOCKER_BUILDKIT: '1' }
    ],
    ['legacy full', 'legacy', full, ['build', ...tail], { DOCKER_BUILDKIT: '0' }],
    [
      'progress rawjson',
      'buildx',
      { ...base, progress: 'rawjson' },
      ['buildx', 'build', '--load', '--progress=rawjson', '.'],
      {}
    ],
    [
      'legacy ignores progress',
      'legacy',
      { ...base, progress: 'tty' },
      ['build', '.'],
      { DOCKER_BUILDKIT: '0' }
    ]
  ])('%s', (_name, kind, opts, argv, env) => {
    expect(buildCommand(kind, opts)).toEqual({ argv, env })
  })

  test('values are single argv items (no quoting, no shell)', () => {
    const { argv } = buildCommand('buildkit', { ...base, buildArgs: { A: '$(rm -rf /); `x` "y"' } })
    expect(argv).toContain('A=$(rm -rf /); `x` "y"')
  })
})

describe('imageIdFromLog', () => {
  const id = 'sha256:' + 'a'.repeat(64)
  test.each([
    [`#8 writing image ${id} done\n#8 naming to docker.io/library/x done`, id],
    [
      'Step 3/3 : CMD x\n ---> 1234567890ab\nSuccessfully built 1234567890ab\nSuccessfully tagged x:1',
      '1234567890ab'
    ],
    ['nothing here', null]
  ])('%#', (log, out) => {
    expect(imageIdFromLog(log)).toBe(out)
  })
})

describe('runBuild', () => {
  test('streams lines, keeps the whole log in a 0600 file when asked, reads the iidfile', async () => {
    const exec = fakeExec(args => {
      const iid = args[args.indexOf('--iidfile') + 1]
      writeFileSync(iid, 'sha256:' + 'b'.repeat(64))
      return { stderr: '#1 [internal] load build definition\n#5 [2/2] COPY a /a\n#5 CACHED\n' }
    })
    const seen: string[] = []
    const logPath = join(mkdtempSync(join(tmpdir(), 'fb-test-')), 'build.log')
    const r = await runBuild(exec, 'buildkit', base, { onLine: l => seen.push(l), logPath })
    expect(r).toMatchObject({ code: 0, imageId: 'sha256:' + 'b'.repeat(64), error: null, logPath })
    expect(seen).toEqual(['#1 [internal] load build definition', '#5 [2/2] COPY a /a', '#5 CACHED'])
    // The header lets clear show the log is the tool's own before deleting it.
    expect(readFileSync(logPath, 'utf8')).toBe([BUILD_LOG_MAGIC, ...seen].join('\n') + '\n')
    expect(statSync(logPath).mode & 0o777).toBe(0o600)
    expect(exec.opts[0].env).toEqual({ DOCKER_BUILDKIT: '1' })
  })

  test('leaves no temp directory behind, and keeps no log unless asked', async () => {
    const before = readdirSync(tmpdir()).filter(n => n.startsWith('fb-build-'))
    const exec = fakeExec(() => ({ stderr: '#5 [2/2] COPY a /a\n' }))
    const r = await runBuild(exec, 'buildkit', base)
    expect(r.logPath).toBeNull()
    const after = readdirSync(tmpdir()).filter(n => n.startsWith('fb-build-'))
    expect(after.filter(n => !before.includes(n))).toEqual([])
  })

  test('a log file that cannot be written does not stop the build', async () => {
    const exec = fakeExec(() => ({ stderr: '#5 [2/2] COPY a /a\n' }))
    const r = await runBuild(exec, 'buildkit', base, { logPath: '/nonexistent-dir/build.log' })
    expect(r).toMatchObject({ code: 0, logPath: null })
    expect(r.logError).toMatch(/ENOENT/)
  })

  test('a relative context is made absolute (isolates the source.local record)', async () => {
    const exec = fakeExec(() => ({}))
    await runBuild(exec, 'buildkit', { ...base, context: 'sub/dir' })
    await runBuild(exec, 'buildkit', { ...base, context: '/abs' })
    expect(exec.calls.map(c => c[c.length - 1])).toEqual([process.cwd() + '/sub/dir', '/abs'])
  })

  test('legacy without iidfile content: id from the log', async () => {
    const exec = fakeExec(() => ({ stdout: 'Successfully built 0123456789ab\n' }))
    const r = await runBuild(exec, 'legacy', base)
    expect(r.imageId).toBe('0123456789ab')
  })

  test('a failed build reports the last error line and no image', async () => {
    const exec = fakeExec(() => ({
      code: 1,
      stderr:
        '#6 ERROR: executor failed\nexecutor failed running [/bin/sh -c false]: exit code: 1\n'
    }))
    const r = await runBuild(exec, 'buildkit', base)
    expect(r).toMatchObject({
      code: 1,
      imageId: null,
      error: 'executor failed running [/bin/sh -c false]: exit code: 1'
    })
  })
})
