/**
 * The guard's stages one at a time, over plain data: a small context on disk, a fake docker
 * exec that fails the test if a stage calls it, and a Source built by hand in place of a build.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GuardOptions } from '../../../src/pipeline/options.js'
import type { ComparedRun, GuardIo, Source } from '../../../src/pipeline/run.js'
import { prepare } from '../../../src/pipeline/stages/prepare.js'
import { hashStage } from '../../../src/pipeline/stages/hash.js'
import { compare } from '../../../src/pipeline/stages/compare.js'
import { prove } from '../../../src/pipeline/stages/prove.js'
import { judgeRun } from '../../../src/pipeline/stages/judge.js'
import { record } from '../../../src/pipeline/stages/record.js'
import { report, reportDocument } from '../../../src/pipeline/stages/report.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { fakeExec } from '../docker/fake.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(removeTree))

function setup(dockerfile = 'FROM scratch\nCOPY app /app\n'): {
  opts: GuardOptions
  io: GuardIo
  lines: string[]
  exec: ReturnType<typeof fakeExec>
} {
  const context = makeTree({ Dockerfile: dockerfile, 'app/a.txt': 'one\n' })
  const stateDir = mkdtempSync(join(tmpdir(), 'fb-stages-'))
  dirs.push(context, stateDir)
  const exec = fakeExec(args => {
    throw new Error(`no stage here may call docker: ${args.join(' ')}`)
  })
  const lines: string[] = []
  const opts: GuardOptions = {
    context,
    file: join(context, 'Dockerfile'),
    state: join(stateDir, 'record.json'),
    tags: ['t:1'],
    buildArgs: { TOKEN: 's3cret-value' },
    secretArgs: ['TOKEN'],
    cacheFrom: [],
    target: null,
    prune: 'source',
    verify: 'none',
    commit: 'c0ffee',
    buildId: 'b1',
    ignoreCorruptRecord: false,
    logFile: null,
    image: null,
    docker: 'docker',
    statCache: false
  }
  return { opts, io: { progress: l => lines.push(l), env: {}, cwd: tmpdir(), exec }, lines, exec }
}

/** A build that ran every step, as a Source (what build.ts or log.ts would return). */
function fakeSource(cleaned: string[]): Source {
  return {
    builder: 'buildkit',
    pruned: null,
    log: { format: 'buildkit-plain', steps: [], cacheImports: [], builder: null, imageId: null },
    imageId: 'sha256:' + 'a'.repeat(64),
    final: null,
    stageImage: () => Promise.reject(new Error('not asked')),
    contextResent: false,
    cleanup: () => {
      cleaned.push('cleanup')
      return Promise.resolve()
    }
  }
}

async function throughCompare(
  opts: GuardOptions,
  io: GuardIo,
  command: 'build' | 'check' = 'build'
): Promise<ComparedRun> {
  const hashed = await hashStage(await prepare(command, opts, null, io))
  // build mode asks the daemon alongside the walk; this fake answers nothing, so drop it.
  await hashed.hostInfo?.catch(() => undefined)
  return compare({ ...hashed, hostInfo: null })
}

describe('prepare', () => {
  test('injects the identity in build mode only, and masks secret values in progress', async () => {
    const { opts, io, lines } = setup()
    const built = await prepare('build', opts, null, io)
    expect(built.buildArgs).toEqual({
      TOKEN: 's3cret-value',
      GIT_COMMIT_HASH: 'c0ffee',
      BUILD_ID: 'b1'
    })
    const checked = await prepare('check', opts, null, io)
    expect(checked.buildArgs).toEqual({ TOKEN: 's3cret-value' })
    // Data is redacted where it is put into a line (run.redact), never the whole line: the
    // tool's own words stay whatever the secret is.
    built.say(`value ${built.redact('s3cret-value')} here`)
    expect(lines).toEqual(['value *** here'])
    expect(built.statCache).toBeNull() // statCache: false
  })

  test('no stat cache when the record sits inside the context, and a warning for it', async () => {
    const { opts, io } = setup()
    const inside = { ...opts, state: join(opts.context, 'record.json'), statCache: true }
    const run = await prepare('check', inside, null, io)
    expect(run.recordInContext).toBe(true)
    expect(run.statCache).toBeNull()
    const hashed = await hashStage(run)
    expect(hashed.warnings.join('\n')).toMatch(/inside the build context/)
  })
})

describe('hash and compare', () => {
  test('one form of the context: lookup and signatures derived from the same entries', async () => {
    const { opts, io } = setup()
    const run = await throughCompare(opts, io, 'check')
    expect(run.files.byPath.get('app/a.txt')).toBe(
      run.files.entries.find(e => e.path === 'app/a.txt')
    )
    expect(Object.keys(run.files.signatures).sort()).toEqual(
      run.files.entries.map(e => e.path).sort()
    )
    expect(run.steps.map(s => s.instruction)).toEqual(['COPY app /app'])
    expect(run.finalStage).toBe('stage-0')
    expect(run.previous).toBeNull()
  })

  test('a bad --target is a usage error before any docker call', async () => {
    const { opts, io, exec } = setup()
    await expect(
      hashStage(await prepare('build', { ...opts, target: 'nope' }, null, io))
    ).rejects.toThrow(/--target nope/)
    expect(exec.calls).toEqual([])
  })
})

describe('prove, judge, record, report over a hand-made source', () => {
  test('baseline, then unchanged once recorded; cleanup always runs; no docker call with verify none', async () => {
    const { opts, io, exec } = setup()
    const cleaned: string[] = []
    const first = judgeRun(
      await prove({ ...(await throughCompare(opts, io, 'check')), source: fakeSource(cleaned) })
    )
    expect(first.judgement.verdict).toBe('baseline')
    await record(first)
    expect(existsSync(opts.state as string)).toBe(true)
    const second = judgeRun(
      await prove({ ...(await throughCompare(opts, io, 'check')), source: fakeSource(cleaned) })
    )
    expect(second.previous?.contextHash).toBe(first.hashed.contextHash)
    expect(second.judgement.verdict).toBe('unchanged')
    expect(cleaned).toEqual(['cleanup', 'cleanup'])
    expect(exec.calls).toEqual([])

    const result = report({ ...second, push: null })
    expect(result.endLines.get(2)).toBe(2)
    // Nothing pushed, a local record: the document is the judgement, field for field.
    expect(reportDocument([result])).toEqual(result.judgement)
    expect(reportDocument([{ ...result, service: 'web' }])).toEqual([
      { service: 'web', ...result.judgement }
    ])
  })

  test('a stale verdict leaves the record as it was', async () => {
    const { opts, io } = setup()
    const run = judgeRun(
      await prove({ ...(await throughCompare(opts, io, 'check')), source: fakeSource([]) })
    )
    await record({ ...run, judgement: { ...run.judgement, verdict: 'stale' } })
    expect(existsSync(opts.state as string)).toBe(false)
  })
})
