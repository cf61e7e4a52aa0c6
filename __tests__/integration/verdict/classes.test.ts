/**
 * Issue 12 on the real daemon, class by class: each scenario reproduces the condition, reads the
 * image's bytes, and asserts the verdict those bytes call for.
 */
import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  appendFileSync,
  closeSync,
  openSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import tar from 'tar-stream'
import { parseCli } from '../../../src/cli/args.js'
import { runGuard } from '../../../src/pipeline/guard.js'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import { buildArgv, cli, editKeepingMtime, KEPT_MTIME, Scratch, stepOf } from '../guard/helpers.js'
import { expectExplainedStale, expectInvariant, filesInImage } from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())
const n = scratch.nonce
const OLD = `old ${n}\n`
const NEW = `new ${n}\n`
const NEVER = ['--prune', 'never']

/** A tar archive of the given members, every header fixed (mtime too), so equal input is equal bytes. */
async function tarOf(members: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack()
  for (const [name, content] of Object.entries(members)) {
    pack.entry({ name, mode: 0o644, mtime: new Date(KEPT_MTIME * 1000) }, content)
  }
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const c of pack) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

function keep(file: string): void {
  utimesSync(file, KEPT_MTIME, KEPT_MTIME)
}

describeDocker('class 1: the Dockerfile is an input', () => {
  const dockerfile = (src: string): string => `FROM ${BASE_IMAGE}\nCOPY ${src} /x\n`
  const layouts: [string, boolean, string[]][] = [
    ['outside the context (-f ../docker/Dockerfile), default policy', false, []],
    ['listed in .dockerignore, default policy', true, []],
    ['outside the context, --prune never', false, NEVER],
    ['inside the context, --prune never', true, NEVER]
  ]
  test.each(layouts)(
    'a same-size, mtime-kept edit of the Dockerfile %s',
    async (_, inside, extra) => {
      const root = scratch.tree({
        'ctx/a.txt': `a ${OLD}`,
        'ctx/b.txt': `b ${NEW}`,
        ...(inside
          ? { 'ctx/Dockerfile': dockerfile('a.txt') }
          : { 'docker/Dockerfile': dockerfile('a.txt') }),
        ...(inside && extra.length === 0 ? { 'ctx/.dockerignore': 'Dockerfile\n' } : {})
      })
      const ctx = join(root, 'ctx')
      const file = inside ? join(ctx, 'Dockerfile') : join(root, 'docker/Dockerfile')
      const state = scratch.statePath()
      const run = async (tag: string) => cli(buildArgv(ctx, state, tag, ['--file', file, ...extra]))
      const t1 = scratch.tag('df1')
      expect((await run(t1)).json.verdict).toBe('baseline')
      expect(filesInImage(t1, ['/x']).get('/x')).toBe(`a ${OLD}`)

      editKeepingMtime(file, dockerfile('b.txt'))
      const t2 = scratch.tag('df2')
      const second = await run(t2)
      const ok = expectInvariant(second.json, t2, { '/x': `b ${NEW}` })
      if (extra.length === 0) {
        // The default policy cures what served the old Dockerfile: a prune, or the re-send cure
        // giving the changed Dockerfile a new mtime (then nothing is pruned). One of them ran.
        expect(ok).toBe(true)
        expect(second.json.verdict).toBe('fresh')
        const resent = /re-sending [1-9]\d* changed file\(s\) instead of pruning/.test(
          second.stderr
        )
        expect(second.json.pruned?.done === true ? 'pruned' : resent ? 're-sent' : 'no cure').toBe(
          second.json.pruned === null ? 're-sent' : 'pruned'
        )
      } else {
        // Nothing pruned: BuildKit built its old copy (the log printed COPY a.txt /x).
        expect(ok).toBe(false)
        expect(second.json.causes.join('\n')).toMatch(
          /reads `COPY b\.txt \/x` but the build log printed `COPY a\.txt \/x`.*old copy of the Dockerfile/
        )
        expectExplainedStale(second.json)
      }
    }
  )

  test('a changed ignore file is in the hash: the record and the hash move with it', async () => {
    const ctx = scratch.tree({
      Dockerfile: dockerfile('a.txt'),
      'a.txt': OLD,
      '.dockerignore': 'x\n'
    })
    const h1 = await cli(['hash', '--context', ctx])
    writeFileSync(join(ctx, '.dockerignore'), 'y\n')
    const h2 = await cli(['hash', '--context', ctx])
    expect((h1.json as unknown as { contextHash: string }).contextHash).not.toBe(
      (h2.json as unknown as { contextHash: string }).contextHash
    )
  })
})

describeDocker('class 2: no record proves nothing', () => {
  test('--prune never without a record over a cache holding old bytes is stale, not baseline', async () => {
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY src /app/src\n`,
      'src/a.txt': OLD,
      'src/b.txt': OLD
    })
    // The builder's context cache learns the old bytes (a build under another record).
    const t0 = scratch.tag('nr0')
    expect((await cli(buildArgv(ctx, scratch.statePath(), t0, NEVER))).json.verdict).toBe(
      'baseline'
    )
    editKeepingMtime(join(ctx, 'src/a.txt'), NEW)
    const state = scratch.statePath() // a lost or new state file
    const t1 = scratch.tag('nr1')
    const never = await cli(buildArgv(ctx, state, t1, NEVER))
    expect(expectInvariant(never.json, t1, { '/app/src/a.txt': NEW, '/app/src/b.txt': OLD })).toBe(
      false
    )
    expect(stepOf(never.json, 'COPY src /app/src')).toMatchObject({
      status: 'stale',
      staleFiles: ['src/a.txt']
    })
    // Not recorded: the next default build is a baseline that prunes and holds the new bytes.
    const t2 = scratch.tag('nr2')
    const cured = await cli(buildArgv(ctx, state, t2))
    expect(cured.json.verdict).toBe('baseline')
    expect(expectInvariant(cured.json, t2, { '/app/src/a.txt': NEW })).toBe(true)
  })
})

describeDocker('class 3: a step that ran is proven, and what cannot be is unproven', () => {
  test('COPY through a symlinked source directory, one file changed normally, one with the mtime kept', async () => {
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY linkdir/ /dst/\n`,
      'realdir/a.txt': OLD,
      'realdir/b.txt': OLD,
      linkdir: { link: 'realdir' }
    })
    const state = scratch.statePath()
    expect((await cli(buildArgv(ctx, state, scratch.tag('ln0'), NEVER))).json.verdict).toBe(
      'baseline'
    )
    editKeepingMtime(join(ctx, 'realdir/a.txt'), NEW)
    writeFileSync(join(ctx, 'realdir/b.txt'), `${NEW}longer\n`)
    const t1 = scratch.tag('ln1')
    const r = await cli(buildArgv(ctx, state, t1, NEVER))
    const ok = expectInvariant(r.json, t1, { '/dst/a.txt': NEW, '/dst/b.txt': `${NEW}longer\n` })
    expect(ok).toBe(false)
    // Proven, not merely unproven: the layer was read through the followed link.
    expect(stepOf(r.json, 'COPY linkdir/ /dst/')).toMatchObject({
      cached: false,
      status: 'stale',
      staleFiles: ['realdir/a.txt']
    })
    expect(r.stderr).toContain('old bytes in: realdir/a.txt')
    const t2 = scratch.tag('ln2')
    const cured = await cli(buildArgv(ctx, state, t2))
    expect(cured.json.verdict).toBe('fresh')
    expect(expectInvariant(cured.json, t2, { '/dst/a.txt': NEW })).toBe(true)
  })

  test('ADD a.tar b.tar /opt/: one archive changed normally, one with its mtime kept', async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nADD a.tar b.tar /opt/\n` })
    writeFileSync(join(ctx, 'a.tar'), await tarOf({ 'one.txt': OLD }))
    writeFileSync(join(ctx, 'b.tar'), await tarOf({ 'two.txt': OLD }))
    keep(join(ctx, 'a.tar'))
    keep(join(ctx, 'b.tar'))
    const state = scratch.statePath()
    expect((await cli(buildArgv(ctx, state, scratch.tag('ar0'), NEVER))).json.verdict).toBe(
      'baseline'
    )
    writeFileSync(join(ctx, 'a.tar'), await tarOf({ 'one.txt': NEW, 'extra.txt': 'x' }))
    writeFileSync(join(ctx, 'b.tar'), await tarOf({ 'two.txt': NEW }))
    keep(join(ctx, 'b.tar'))
    const t1 = scratch.tag('ar1')
    const r = await cli(buildArgv(ctx, state, t1, NEVER))
    expect(expectInvariant(r.json, t1, { '/opt/one.txt': NEW, '/opt/two.txt': NEW })).toBe(false)
    expect(stepOf(r.json, 'ADD a.tar b.tar /opt/')).toMatchObject({
      status: 'stale',
      staleFiles: ['b.tar']
    })
    expect(r.json.warnings.join('\n')).not.toMatch(/could not read the layer/)
  })

  test('a changed file that cannot be proven is stale, worded as unproven', async () => {
    // Several sources into a path not known to be a directory: BuildKit writes each to it.
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY a.txt b.txt /out\n`,
      'a.txt': OLD,
      'b.txt': OLD
    })
    const state = scratch.statePath()
    expect((await cli(buildArgv(ctx, state, scratch.tag('up0')))).json.verdict).not.toBe('stale')
    editKeepingMtime(join(ctx, 'a.txt'), NEW)
    const r = await cli(buildArgv(ctx, state, scratch.tag('up1'), NEVER))
    const s = stepOf(r.json, 'COPY a.txt b.txt /out')
    expect(s).toMatchObject({ status: 'stale', staleFiles: [], unprovenFiles: ['a.txt'] })
    expect(r.stderr).toMatch(/unproven: a\.txt \(several sources go to \/out/)
    expect(r.stderr).not.toContain('old bytes in')
    expect(r.json.causes.join('\n')).not.toMatch(/same-size edit/)
  })
})

describeDocker('class 4: RUN --mount=type=bind sources are sources of that step', () => {
  const df = `FROM ${BASE_IMAGE}\nRUN --mount=type=bind,source=src,target=/m cat /m/a.txt > /out.txt\n`
  test('a changed bind source with the mtime kept: not fresh without the cure, fresh with it', async () => {
    const ctx = scratch.tree({ Dockerfile: df, 'src/a.txt': OLD })
    const state = scratch.statePath()
    // No record and no cure: a bind source cannot be vouched for, so the baseline prunes first.
    const t0 = scratch.tag('bm0')
    const unvouched = await cli(buildArgv(ctx, state, t0, NEVER))
    expect(unvouched.json.verdict).toBe('stale')
    expect(unvouched.json.steps[0]?.unprovenFiles).toEqual(['src/a.txt'])
    expect((await cli(buildArgv(ctx, state, scratch.tag('bm0b')))).json.verdict).toBe('baseline')
    editKeepingMtime(join(ctx, 'src/a.txt'), NEW)
    const t1 = scratch.tag('bm1')
    const r = await cli(buildArgv(ctx, state, t1, NEVER))
    expect(expectInvariant(r.json, t1, { '/out.txt': NEW })).toBe(false)
    expect(r.json.steps[0]).toMatchObject({ status: 'stale', unprovenFiles: ['src/a.txt'] })
    expect(r.json.steps[0]?.unproven).toMatch(/bind mount leaves no copy/)
    const t2 = scratch.tag('bm2')
    const cured = await cli(buildArgv(ctx, state, t2))
    expect(cured.json.verdict).toBe('fresh')
    expect(expectInvariant(cured.json, t2, { '/out.txt': NEW })).toBe(true)
  })
})

describeDocker('class 5: inherited ONBUILD triggers', () => {
  test('a trigger COPY of a local base image is a step of hash and of the judgement', async () => {
    const baseTag = scratch.tag('onbase')
    const baseCtx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nONBUILD COPY . /app/\n` })
    docker(['build', '-q', '-t', baseTag, baseCtx])
    const ctx = scratch.tree({ Dockerfile: `FROM ${baseTag}\nRUN true\n`, 'a.txt': OLD })
    const h = await cli(['hash', '--context', ctx])
    const steps = (
      h.json as unknown as { steps: { instruction: string; onbuildOf?: string; index: number }[] }
    ).steps
    expect(steps).toEqual([
      expect.objectContaining({ instruction: 'COPY . /app/', onbuildOf: baseTag, index: 2 })
    ])
    const state = scratch.statePath()
    expect((await cli(buildArgv(ctx, state, scratch.tag('on0'), NEVER))).json.verdict).toBe(
      'baseline'
    )
    editKeepingMtime(join(ctx, 'a.txt'), NEW)
    const t1 = scratch.tag('on1')
    const r = await cli(buildArgv(ctx, state, t1, NEVER))
    expect(expectInvariant(r.json, t1, { '/app/a.txt': NEW })).toBe(false)
    expect(stepOf(r.json, 'COPY . /app/')).toMatchObject({ status: 'stale', staleFiles: ['a.txt'] })
    const t2 = scratch.tag('on2')
    const cured = await cli(buildArgv(ctx, state, t2))
    expect(cured.json.verdict).toBe('fresh')
    expect(expectInvariant(cured.json, t2, { '/app/a.txt': NEW })).toBe(true)
  })
})

/** `docker build --progress=plain -t tag .` run in `dir`, its output written to `log` as it runs. */
function plainBuild(dir: string, tag: string, log: string, file?: string): void {
  const fd = openSync(log, 'w')
  try {
    const r = spawnSync(
      DOCKER,
      ['build', '--progress=plain', '-t', tag, ...(file ? ['-f', file] : []), '.'],
      {
        cwd: dir,
        env: suiteEnv({ DOCKER_BUILDKIT: '1' }),
        stdio: ['ignore', fd, fd]
      }
    )
    if (r.status !== 0) throw new Error(`docker build in ${dir} failed`)
  } finally {
    closeSync(fd)
  }
}

const checkArgv = (ctx: string, state: string, log: string, image: string): string[] => [
  'check',
  '--context',
  ctx,
  '--state',
  state,
  '--log',
  log,
  '--image',
  image,
  '--docker',
  DOCKER
]

describeDocker('class 6: check after plain builds', () => {
  test('two folders of the same name built with docker build . share the record; check proves the bytes', async () => {
    const root = scratch.tree({
      'one/app/Dockerfile': `FROM ${BASE_IMAGE}\nCOPY . /app/\n`,
      'one/app/a.txt': OLD,
      'two/app/Dockerfile': `FROM ${BASE_IMAGE}\nCOPY . /app/\n`,
      'two/app/a.txt': NEW
    })
    const logs = dirname(scratch.statePath())
    const t1 = scratch.tag('sh1')
    const t2 = scratch.tag('sh2')
    plainBuild(join(root, 'one/app'), t1, join(logs, '1.log'))
    plainBuild(join(root, 'two/app'), t2, join(logs, '2.log'))
    const ctx = join(root, 'two/app')
    const state = scratch.statePath()
    const r = await cli(checkArgv(ctx, state, join(logs, '2.log'), t2))
    // Whatever the builder served, the verdict follows the bytes the image holds.
    expectInvariant(r.json, t2, { '/app/a.txt': NEW })
    expect(r.json.warnings.join('\n')).toMatch(/relative context.*share BuildKit's context record/)
    // A second check against the record of the first must still prove, not say unchanged.
    if (r.json.verdict !== 'stale') {
      const again = await cli(checkArgv(ctx, state, join(logs, '2.log'), t2))
      expect(again.json.verdict).toBe('unchanged')
      expect(stepOf(again.json, 'COPY . /app/').status).toBe('verified')
    }
  })

  test('a cached step of an unchanged context is proven in check mode', async () => {
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY a.txt /a.txt\n`,
      'a.txt': OLD
    })
    const logs = dirname(scratch.statePath())
    const t1 = scratch.tag('ck1')
    plainBuild(ctx, t1, join(logs, 'c1.log'))
    const state = scratch.statePath()
    expect((await cli(checkArgv(ctx, state, join(logs, 'c1.log'), t1))).json.verdict).toBe(
      'baseline'
    )
    // The builder learns other bytes behind the record's back; the folder keeps size and mtime.
    editKeepingMtime(join(ctx, 'a.txt'), NEW)
    plainBuild(ctx, scratch.tag('ck2'), join(logs, 'c2.log'))
    editKeepingMtime(join(ctx, 'a.txt'), OLD)
    const t3 = scratch.tag('ck3')
    plainBuild(ctx, t3, join(logs, 'c3.log'))
    const r = await cli(checkArgv(ctx, state, join(logs, 'c3.log'), t3))
    expectInvariant(r.json, t3, { '/a.txt': OLD })
  })
})

describeDocker('class 7: the build output is not a source', () => {
  test('docker build ... | tee build.log inside the context with COPY . ., then check --log', async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /app/\n`, 'a.txt': OLD })
    const t1 = scratch.tag('tee1')
    plainBuild(ctx, t1, join(ctx, 'build.log'))
    const state = scratch.statePath()
    const r = await cli(checkArgv(ctx, state, join(ctx, 'build.log'), t1))
    expect(r.json.verdict).toBe('baseline')
    expect(r.json.warnings.join('\n')).toMatch(/build\.log was written while the build ran/)
    expect(filesInImage(t1, ['/app/a.txt']).get('/app/a.txt')).toBe(OLD)
    // Built again, the log differs again: still no false alarm.
    const t2 = scratch.tag('tee2')
    plainBuild(ctx, t2, join(ctx, 'build.log'))
    expect((await cli(checkArgv(ctx, state, join(ctx, 'build.log'), t2))).json.verdict).not.toBe(
      'stale'
    )
  })

  test("the guard's own output teed into the context while it builds", async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /app/\n`, 'a.txt': OLD })
    const state = scratch.statePath()
    const log = join(ctx, 'build.log')
    writeFileSync(log, '')
    for (const [i, want] of [
      ['t1', 'baseline'],
      ['t2', 'fresh']
    ] as const) {
      const tag = scratch.tag(i)
      const parsed = parseCli(buildArgv(ctx, state, tag, NEVER), ctx, process.env)
      if (parsed.command !== 'build') throw new Error('expected build')
      const [res] = await runGuard('build', parsed.guard, null, {
        progress: line => appendFileSync(log, `${line}\n`),
        env: process.env,
        cwd: ctx
      })
      expect(res?.judgement.verdict).toBe(want)
      expect(filesInImage(tag, ['/app/a.txt']).get('/app/a.txt')).toBe(OLD)
    }
  })
})

describeDocker('class 8: reverts under the default policy are not stale', () => {
  test('an ADD archive changed, then reverted', async () => {
    const ctx = scratch.tree({ Dockerfile: `FROM ${BASE_IMAGE}\nADD pkg.tar /opt/\n` })
    const v1 = await tarOf({ 'v.txt': OLD })
    writeFileSync(join(ctx, 'pkg.tar'), v1)
    const state = scratch.statePath()
    expect((await cli(buildArgv(ctx, state, scratch.tag('rv0')))).json.verdict).toBe('baseline')
    writeFileSync(join(ctx, 'pkg.tar'), await tarOf({ 'v.txt': NEW, 'w.txt': 'w' }))
    expect((await cli(buildArgv(ctx, state, scratch.tag('rv1')))).json.verdict).toBe('fresh')
    writeFileSync(join(ctx, 'pkg.tar'), v1)
    const t2 = scratch.tag('rv2')
    const r = await cli(buildArgv(ctx, state, t2))
    expect(expectInvariant(r.json, t2, { '/opt/v.txt': OLD })).toBe(true)
    expect(r.json.verdict).toBe('fresh')
    // Changed since the record, so proven by its layer's bytes even when the cure re-sent it
    // and BuildKit served the cache of the first build (`verified`), never merely `cached`.
    expect(stepOf(r.json, 'ADD pkg.tar /opt/').status).toMatch(/^(verified|ran)$/)
  })

  test("a symlink's target changed, then reverted", async () => {
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY link.txt /app/\n`,
      't1.txt': OLD,
      't2.txt': NEW,
      'link.txt': { link: 't1.txt' }
    })
    const state = scratch.statePath()
    const relink = (to: string): void => {
      unlinkSync(join(ctx, 'link.txt'))
      symlinkSync(to, join(ctx, 'link.txt'))
    }
    expect((await cli(buildArgv(ctx, state, scratch.tag('sl0')))).json.verdict).toBe('baseline')
    relink('t2.txt')
    const t1 = scratch.tag('sl1')
    const moved = await cli(buildArgv(ctx, state, t1))
    expect(expectInvariant(moved.json, t1, { '/app/link.txt': NEW })).toBe(true)
    relink('t1.txt')
    const t2 = scratch.tag('sl2')
    const back = await cli(buildArgv(ctx, state, t2))
    expect(expectInvariant(back.json, t2, { '/app/link.txt': OLD })).toBe(true)
    expect(back.json.verdict).toBe('fresh')
    // And the target's own bytes, edited then put back.
    writeFileSync(join(ctx, 't1.txt'), `${OLD}more\n`)
    expect((await cli(buildArgv(ctx, state, scratch.tag('sl3')))).json.verdict).toBe('fresh')
    writeFileSync(join(ctx, 't1.txt'), OLD)
    const t4 = scratch.tag('sl4')
    const again = await cli(buildArgv(ctx, state, t4))
    expect(expectInvariant(again.json, t4, { '/app/link.txt': OLD })).toBe(true)
  })
})

describeDocker('warnings and readings on the daemon', () => {
  test('COPY a b . builds, and is proven', async () => {
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nWORKDIR /app\nCOPY a.txt b.txt .\nCOPY ["a.txt", "b.txt", "../up/"]\n`,
      'a.txt': OLD,
      'b.txt': OLD
    })
    const state = scratch.statePath()
    expect((await cli(buildArgv(ctx, state, scratch.tag('ab0')))).json.verdict).toBe('baseline')
    editKeepingMtime(join(ctx, 'a.txt'), NEW)
    const t1 = scratch.tag('ab1')
    const r = await cli(buildArgv(ctx, state, t1, NEVER))
    expect(expectInvariant(r.json, t1, { '/app/a.txt': NEW, '/up/a.txt': NEW })).toBe(false)
    expect(stepOf(r.json, 'COPY a.txt b.txt .')).toMatchObject({ staleFiles: ['a.txt'] })
  })

  test('a literal source .dockerignore excludes: the failed build names it', async () => {
    const ctx = scratch.tree({
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY secret.txt /s\n`,
      'secret.txt': OLD,
      '.dockerignore': 'secret.txt\n'
    })
    const lines: string[] = []
    const parsed = parseCli(
      buildArgv(ctx, scratch.statePath(), scratch.tag('ex')),
      ctx,
      process.env
    )
    if (parsed.command !== 'build') throw new Error('expected build')
    const failed = await runGuard('build', parsed.guard, null, {
      progress: l => void lines.push(l),
      env: process.env,
      cwd: ctx
    }).then(
      () => null,
      (e: unknown) => e as Error
    )
    // Refused before any prune: no context file matches it, and the reason is given.
    expect(failed?.message).toMatch(
      /no context file matches secret\.txt \(\.dockerignore excludes it\), so the build will fail/
    )
    expect(lines.join('\n')).toMatch(
      /warning: line 2: COPY secret\.txt \/s names secret\.txt, which \.dockerignore excludes/
    )
    expect(lines.join('\n')).not.toMatch(/pruning/)
  })

  test('host output under COPY web/, .git, a global-only ARG and an excluded changed file fire', async () => {
    const ctx = scratch.tree({
      Dockerfile: `ARG GIT_COMMIT_HASH\nFROM ${BASE_IMAGE}\nARG BUILD_ID\nCOPY web/ /app/\nCOPY config/ /etc/app/\n`,
      'web/index.js': OLD,
      'web/dist/bundle.js': OLD,
      '.git/HEAD': 'ref\n',
      'config/app.yaml': OLD,
      'config/db.yaml': OLD,
      '.dockerignore': 'config\n!config/app.yaml\n'
    })
    const state = scratch.statePath()
    const first = await cli(buildArgv(ctx, state, scratch.tag('w0')))
    const w = first.json.warnings.join('\n')
    expect(w).toMatch(/line 4: COPY web\/ \/app\/ copies host build output dist\//)
    expect(w).toMatch(/context includes \.git/)
    expect(w).toMatch(/no stage declares ARG GIT_COMMIT_HASH: .*before the first FROM/)
    writeFileSync(join(ctx, 'config/db.yaml'), NEW)
    const second = await cli(buildArgv(ctx, state, scratch.tag('w1')))
    expect(second.json.warnings.join('\n')).toMatch(
      /line 5: COPY config\/ \/etc\/app\/ covers config\/db\.yaml, changed since the last good build, which \.dockerignore excludes/
    )
  })
})
