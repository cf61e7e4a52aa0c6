/**
 * The attack round of issue 13, on the real daemon: each unsafe result reproduced as an attack,
 * which the tool must now refuse or survive, and after every one a volume's data, a running
 * container, an image and files outside the workspace are exactly as they were.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { BUILD_LOG_MAGIC } from '../../../src/docker/build.js'
import { STAT_CACHE_MAGIC } from '../../../src/context/statcache.js'
import { builderStampPath, writeStamp } from '../../../src/pipeline/cure.js'
import { dockerClient, dockerExec } from '../../../src/docker/exec.js'
import { clientFactsPath, probeBuilder } from '../../../src/docker/probe.js'
import type { Judgement } from '../../../src/model.js'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import { cli, editKeepingMtime, judgement, Scratch } from './helpers.js'
import { Bystanders, swappingDocker } from './attack-helpers.js'

const scratch = new Scratch()
const by = new Bystanders()
const RECORD = '{"version":1,"contextHash":"sha256:0"}\n'

describeDocker('issue 13 attacks: the unsafe results, closed', () => {
  beforeAll(() => by.setUp(scratch))
  afterAll(() => {
    by.tearDown()
    scratch.cleanup()
  })
  afterEach(() => by.expectIntact())

  // 1. The clear race: checked, then pruned (slow), then deleted by a path walked again.
  test('clear: a parent folder swapped for a symlink during the prune deletes nothing outside', async () => {
    const ws = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\n`, 'a/cache/junk': 'junk\n' })
    // The attacker's symlink points at a folder outside holding a `cache` of its own.
    const target = by.outside
    mkdirSync(join(by.outside, 'cache'), { recursive: true })
    writeFileSync(join(by.outside, 'cache', 'db'), 'production\n')
    const swap = swappingDocker(scratch, [[join(ws, 'a'), target]])
    const run = await cli([
      'clear',
      '--context',
      ws,
      '--path',
      'a/cache',
      '--state',
      scratch.state(),
      '--docker',
      swap.bin
    ])
    // The swap really happened, during the prune.
    expect(swap.calls().some(a => a[0] === 'builder' && a[1] === 'prune')).toBe(true)
    expect(lstatSync(join(ws, 'a')).isSymbolicLink()).toBe(true)
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: 2,
      stderr: expect.stringMatching(
        /clear path changed while the builder was pruned: clear path "a\/cache" leads outside .* through a symlink: refused; no path deleted/
      )
    })
    expect(readFileSync(join(by.outside, 'cache', 'db'), 'utf8')).toBe('production\n')
    expect(readFileSync(join(ws, 'a.orig', 'cache', 'junk'), 'utf8')).toBe('junk\n')
  })

  test('clear: the record folder swapped for a symlink during the prune deletes no file outside', async () => {
    const ws = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\n`, 'st/rec.json': RECORD })
    const victimDir = scratch.dir('fb-hard-victim-')
    // The worst case: the file outside even looks like a record.
    writeFileSync(join(victimDir, 'rec.json'), RECORD)
    const swap = swappingDocker(scratch, [[join(ws, 'st'), victimDir]])
    const run = await cli([
      'clear',
      '--context',
      ws,
      '--state',
      join(ws, 'st', 'rec.json'),
      '--docker',
      swap.bin
    ])
    expect(swap.calls().some(a => a[0] === 'builder' && a[1] === 'prune')).toBe(true)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/rec\.json changed while the builder was pruned/)
    expect(readFileSync(join(victimDir, 'rec.json'), 'utf8')).toBe(RECORD)
  })

  // 2. The kept build log, the stat cache: a committed symlink at their names.
  test('build: symlinks planted at <state>.build.log and .stat-cache are replaced, never written through', async () => {
    const ws = scratch.tree({
      'app/Dockerfile': `FROM ${BASE_IMAGE}\nCOPY a /a\n`,
      'app/a': 'a\n',
      'st/.keep': ''
    })
    const state = join(ws, 'st', 'rec.json')
    const victims = ['log-victim', 'cache-victim'].map(n => join(by.outside, n))
    for (const v of victims) writeFileSync(v, 'production config\n')
    symlinkSync(victims[0] as string, `${state}.build.log`)
    symlinkSync(victims[1] as string, `${state}.stat-cache`)
    const run = await cli([
      'build',
      '--context',
      join(ws, 'app'),
      '--state',
      state,
      '--tag',
      scratch.tag('log'),
      '--prune',
      'never',
      '--docker',
      DOCKER
    ])
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    for (const v of victims) expect(readFileSync(v, 'utf8')).toBe('production config\n')
    const log = lstatSync(`${state}.build.log`)
    expect(log.isFile() && !log.isSymbolicLink()).toBe(true)
    expect(log.mode & 0o777).toBe(0o600)
    expect(readFileSync(`${state}.build.log`, 'utf8').startsWith(`${BUILD_LOG_MAGIC}\n`)).toBe(true)
    expect(lstatSync(`${state}.stat-cache`).isSymbolicLink()).toBe(false)
    // No temp file of ours left beside them.
    expect(readdirSync(join(ws, 'st')).filter(n => n.endsWith('.tmp'))).toEqual([])
  })

  test('build: a record inside the context gets no build log there', async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nCOPY a /a\n`, a: 'a\n' })
    const state = join(ctx, '.fb', 'rec.json')
    const run = await cli([
      'build',
      '--context',
      ctx,
      '--state',
      state,
      '--prune',
      'never',
      '--docker',
      DOCKER
    ])
    expect(run.code).toBe(0)
    expect(existsSync(state)).toBe(true)
    expect(existsSync(`${state}.build.log`)).toBe(false)
  })

  // 3. Names that are not UTF-8: read as bytes, hashed, judged against the image's bytes.
  test('names that are not UTF-8 are hashed and proven: a stale image of such a file is stale', async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /ctx/\n` })
    const file = Buffer.concat([Buffer.from(`${ctx}/`), Buffer.from([0x66, 0xff, 0x6f])])
    const dir = Buffer.concat([Buffer.from(`${ctx}/`), Buffer.from([0x64, 0xff])])
    writeFileSync(file, 'one\n')
    mkdirSync(dir)
    writeFileSync(Buffer.concat([dir, Buffer.from('/x')]), 'x1\n')
    const state = scratch.state()
    const older = scratch.state()
    const t1 = scratch.tag('u8')
    const build = (tag: string): Promise<{ code: number; stdout: string; stderr: string }> =>
      cli(['build', '--json', '--context', ctx, '--state', state, '--tag', tag, '--docker', DOCKER])
    const first = await build(t1)
    expect(first.code).toBe(0)
    const j1 = judgement(first)
    expect(j1.verdict).toBe('baseline')
    // Both names are in the record, as their bytes (escaped), with the folder's whole subtree.
    const files = Object.keys((JSON.parse(readFileSync(state, 'utf8')) as { files: object }).files)
    expect(files).toEqual(expect.arrayContaining(['f\udcffo', 'd\udcff', 'd\udcff/x']))
    // Ground truth: the daemon put both files in the image.
    expect(docker(['run', '--rm', t1, 'sh', '-c', 'cat /ctx/f*o /ctx/d*/x'])).toBe('one\nx1\n')
    writeFileSync(older, readFileSync(state))
    const log1 = join(scratch.dir(), 'build1.log')
    writeFileSync(log1, readFileSync(`${state}.build.log`))

    // Same-size edits with the old mtime: the old image now holds old bytes of both.
    editKeepingMtime(file, 'two\n')
    editKeepingMtime(Buffer.concat([dir, Buffer.from('/x')]), 'x2\n')
    const check = (log: string, image: string, record: string): ReturnType<typeof cli> =>
      cli([
        'check',
        '--json',
        '--context',
        ctx,
        '--state',
        record,
        '--log',
        log,
        '--image',
        image,
        '--docker',
        DOCKER
      ])
    const stale = await check(log1, t1, state)
    expect(stale.code).toBe(1)
    const js = judgement(stale)
    expect(js.verdict).toBe('stale')
    expect(js.changedFiles).toEqual(expect.arrayContaining(['f\udcffo', 'd\udcff/x']))
    expect(js.steps.flatMap(s => s.staleFiles)).toEqual(
      expect.arrayContaining(['f\udcffo', 'd\udcff/x'])
    )
    // Shown escaped for a person, the JSON valid.
    expect(stale.stderr).toContain('f\\xffo')

    // The rebuilt image holds the new bytes: proven fresh by the same byte proof, no false alarm.
    const t2 = scratch.tag('u8')
    expect((await build(t2)).code).toBe(0)
    expect(docker(['run', '--rm', t2, 'sh', '-c', 'cat /ctx/f*o /ctx/d*/x'])).toBe('two\nx2\n')
    const fresh = await check(`${state}.build.log`, t2, older)
    expect({ code: fresh.code, verdict: (JSON.parse(fresh.stdout) as Judgement).verdict }).toEqual({
      code: 0,
      verdict: 'fresh'
    })
  })

  // 4. Secrets that are also keys, JSON tokens or the tool's own words.
  test.each(['e', '"', 'true', 'steps', 'stale'])(
    'a secret build arg %j: one valid JSON document, the record written, the kept log redacted',
    async secret => {
      const ctx = scratch.tree({
        Dockerfile: `FROM ${BASE_IMAGE}\nARG TOKEN\nRUN echo "v=$TOKEN" > /v\nCOPY a /a\n`,
        a: 'a\n'
      })
      const state = scratch.state()
      const run = await cli([
        'build',
        '--json',
        '--context',
        ctx,
        '--state',
        state,
        '--build-arg',
        `TOKEN=${secret}`,
        '--secret-build-arg',
        'TOKEN',
        '--prune',
        'never',
        '--docker',
        DOCKER
      ])
      expect({ code: run.code, err: run.code === 0 ? '' : run.stderr }).toEqual({
        code: 0,
        err: ''
      })
      const j = JSON.parse(run.stdout) as Judgement
      expect(Object.keys(j)).toEqual([
        'verdict',
        'contextHash',
        'previousHash',
        'changedFiles',
        'pruned',
        'steps',
        'causes',
        'warnings',
        'imageId'
      ])
      expect(j.verdict).toBe('baseline')
      expect(j.contextHash).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(existsSync(state)).toBe(true)
      expect(readFileSync(`${state}.build.log`, 'utf8')).not.toContain(`v=${secret}`)
    }
  )

  // 6. Companions of the record: deleted only when they show they are the tool's.
  test('clear: a folder at <state>.stat-cache is an error before any prune; a foreign build log stays', async () => {
    const ws = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\n` })
    const stateDir = scratch.dir()
    const state = join(stateDir, 'rec.json')
    writeFileSync(state, RECORD)
    writeFileSync(`${state}.build.log`, 'my own notes\n')
    mkdirSync(`${state}.stat-cache`)
    writeFileSync(join(`${state}.stat-cache`, 'inside'), 'keep\n')
    const swap = swappingDocker(scratch, [])
    const argv = ['clear', '--context', ws, '--state', state, '--docker', swap.bin]
    const refused = await cli(argv)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/rec\.json\.stat-cache is not a regular file/)
    expect(swap.calls().filter(a => a[1] === 'prune')).toEqual([])
    expect(readFileSync(join(`${state}.stat-cache`, 'inside'), 'utf8')).toBe('keep\n')

    // A stat cache of ours is removed; the foreign log is left with a warning.
    renameSync(`${state}.stat-cache`, join(stateDir, 'moved'))
    writeFileSync(`${state}.stat-cache`, `${STAT_CACHE_MAGIC} 0 ${'0'.repeat(64)}\n`)
    const run = await cli([...argv, '--json'])
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as { recordReset: boolean; warnings: string[] }
    expect(report.recordReset).toBe(true)
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/rec\.json\.build\.log is not a fresh-build build log/)
      ])
    )
    expect(existsSync(state)).toBe(false)
    expect(existsSync(`${state}.stat-cache`)).toBe(false)
    expect(readFileSync(`${state}.build.log`, 'utf8')).toBe('my own notes\n')
  })

  test('clear: <state>.builder-state is removed only when it is a builder state; a folder there is an error before any prune', async () => {
    const ws = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\n` })
    const stateDir = scratch.dir()
    const state = join(stateDir, 'rec.json')
    const stamp = builderStampPath(state)
    const swap = swappingDocker(scratch, [])
    const argv = ['clear', '--context', ws, '--state', state, '--docker', swap.bin, '--json']

    writeFileSync(state, RECORD)
    mkdirSync(stamp)
    writeFileSync(join(stamp, 'inside'), 'keep\n')
    const refused = await cli(argv)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/rec\.json\.builder-state is not a regular file/)
    expect(swap.calls().filter(a => a[1] === 'prune')).toEqual([])
    expect(readFileSync(join(stamp, 'inside'), 'utf8')).toBe('keep\n')
    renameSync(stamp, join(stateDir, 'moved'))

    // A foreign file at that name (JSON, even with a version) stays, with a warning.
    const foreign = '{"version":1,"note":"mine"}\n'
    writeFileSync(stamp, foreign)
    const kept = await cli(argv)
    expect(kept.code).toBe(0)
    expect((JSON.parse(kept.stdout) as { warnings: string[] }).warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/rec\.json\.builder-state is not a fresh-build builder state/)
      ])
    )
    expect(readFileSync(stamp, 'utf8')).toBe(foreign)

    // The cure's own state, as a build writes it, goes with the record.
    writeFileSync(state, RECORD)
    rmSync(stamp)
    await writeStamp(stamp, {
      version: 1,
      record: 'sha256:0 2026-01-01T00:00:00.000Z',
      controls: {},
      sources: [{ id: 'x', description: 'local source for context', lastUsed: 'now', usage: 1 }]
    })
    const run = await cli(argv)
    expect(run.code).toBe(0)
    expect(existsSync(state)).toBe(false)
    expect(existsSync(stamp)).toBe(false)
  })

  test("clear: <state>.docker-client goes with the record only when it is the probe's facts", async () => {
    const ws = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\n` })
    const state = join(scratch.dir(), 'rec.json')
    const facts = clientFactsPath(state)
    const swap = swappingDocker(scratch, [])
    const argv = ['clear', '--context', ws, '--state', state, '--docker', swap.bin, '--json']

    // A foreign file at that name (JSON with a version) stays, with a warning.
    writeFileSync(state, RECORD)
    const foreign = '{"version":1,"key":7}\n'
    writeFileSync(facts, foreign)
    const kept = await cli(argv)
    expect(kept.code).toBe(0)
    expect((JSON.parse(kept.stdout) as { warnings: string[] }).warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/rec\.json\.docker-client is not a fresh-build client facts/)
      ])
    )
    expect(readFileSync(facts, 'utf8')).toBe(foreign)

    // The facts as the probe keeps them (written by the real probe against this daemon) go.
    rmSync(facts)
    writeFileSync(state, RECORD)
    const client = dockerClient({ dockerPath: DOCKER, env: process.env })
    await probeBuilder(client, dockerExec(client), facts)
    expect(existsSync(facts)).toBe(true)
    const run = await cli(argv)
    expect(run.code).toBe(0)
    expect(existsSync(state)).toBe(false)
    expect(existsSync(facts)).toBe(false)
  })

  test('clear with --all off reports the policy it ran (unused), not source', async () => {
    const ws = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\n` })
    const run = await cli([
      'clear',
      '--json',
      '--context',
      ws,
      '--state',
      scratch.state(),
      '--docker',
      DOCKER
    ])
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as { pruned: { policy: string } }).pruned.policy).toBe('unused')
  })
})
