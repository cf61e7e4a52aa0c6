/**
 * A damaged record is an error naming it, left as it was; it counts as "no record" only with
 * --ignore-corrupt-record. A log that is not a build log, or is 1 GB long, is handled without
 * a crash and in bounded memory.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { join } from 'node:path'
import { readRecord } from '../../../src/record/index.js'
import { makeTree } from '../../helpers/tree.js'
import {
  expectOneErrorLine,
  fakeDocker,
  openTempDir,
  plainLog,
  runCli,
  withoutRoot
} from './helpers.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))
function temp(prefix = 'fb-hard-rec-'): string {
  const d = openTempDir(prefix)
  dirs.push(d)
  return d
}

const COPY = 'COPY app.txt /app.txt'

/** A context, a log of its build, and where its record lives. */
function scenario(): { ctx: string; log: string; state: string; argv: string[] } {
  const ctx = makeTree({ Dockerfile: `FROM scratch\n${COPY}\n`, 'app.txt': 'v1\n' }, temp())
  const side = temp()
  const log = join(side, 'build.log')
  writeFileSync(log, plainLog(COPY))
  const state = join(side, 'record.json')
  const argv = ['check', '--context', ctx, '--state', state, '--log', log, '--commit', 'c0ffee']
  return { ctx, log, state, argv: [...argv, '--verify', 'none'] }
}

const VALID_SHAPE = {
  version: 1,
  contextHash: `sha256:${'a'.repeat(64)}`,
  files: {},
  steps: [],
  commit: null,
  buildId: null,
  imageId: null,
  tags: [],
  builtAt: '2024-01-01T00:00:00.000Z',
  dockerfile: 'Dockerfile'
}

describe('a corrupt or unreadable record', () => {
  test.each([
    ['not JSON', '{"version": 1,', /the record is not valid JSON/],
    ['empty', '', /the record file is empty/],
    ['binary garbage', '\u0000\u00ff\u0001garbage\u0000', /the record is not valid JSON/],
    [
      'another version',
      JSON.stringify({ ...VALID_SHAPE, version: 3 }),
      /unsupported record: version is number 3/
    ],
    [
      'the wrong shape',
      JSON.stringify({ ...VALID_SHAPE, steps: 'all' }),
      /malformed record: steps must be an array/
    ],
    [
      'a bad hash',
      JSON.stringify({ ...VALID_SHAPE, contextHash: 'md5:x' }),
      /malformed record: contextHash must be sha256/
    ]
  ])('that is %s: exit 2 naming it, left untouched', async (_what, content, fault) => {
    const s = scenario()
    writeFileSync(s.state, content)
    const run = await runCli(s.argv)
    expectOneErrorLine(run, new RegExp(`${s.state}: .*${fault.source}.*--ignore-corrupt-record`))
    expect(readFileSync(s.state, 'utf8')).toBe(content)
    expect(existsSync(`${s.state}.lock`)).toBe(false)
  })

  test('that is unreadable (EACCES as uid nobody): exit 2 naming it', async () => {
    const s = scenario()
    writeFileSync(s.state, JSON.stringify(VALID_SHAPE))
    chmodSync(s.state, 0o000)
    chmodSync(join(s.state, '..'), 0o777) // the lock file is created beside it
    const run = await withoutRoot(() => runCli(s.argv))
    expectOneErrorLine(
      run,
      new RegExp(`${s.state}: cannot read the record: EACCES: permission denied`)
    )
    expect(statSync(s.state).mode & 0o777).toBe(0)
  })

  test('stops a build before any docker call, so nothing is pruned or built', async () => {
    const s = scenario()
    writeFileSync(s.state, '{ broken')
    const fake = fakeDocker(temp())
    const argv = ['build', '--context', s.ctx, '--state', s.state, '--docker', fake.bin]
    expectOneErrorLine(await runCli([...argv, '--commit', 'c0ffee']), /not valid JSON/)
    expect(fake.calls()).toEqual([])
    expect(readFileSync(s.state, 'utf8')).toBe('{ broken')
  })

  test('with --ignore-corrupt-record is treated as no record: a baseline, said in a warning', async () => {
    const s = scenario()
    writeFileSync(s.state, '{ broken')
    const run = await runCli([...s.argv, '--ignore-corrupt-record', '--json'])
    expect(run.code).toBe(0)
    const j = JSON.parse(run.stdout) as { verdict: string; warnings: string[] }
    expect(j.verdict).toBe('baseline')
    expect(j.warnings).toContainEqual(
      expect.stringMatching(/not valid JSON.*treated as no record \(--ignore-corrupt-record\)/)
    )
    // The damaged file was replaced by a valid record of this build.
    expect((await readRecord(s.state))?.commit).toBe('c0ffee')
  })

  test('that is a directory stays a directory, even with --ignore-corrupt-record', async () => {
    const s = scenario()
    mkdirSync(s.state)
    writeFileSync(join(s.state, 'keep.txt'), 'mine')
    expectOneErrorLine(
      await runCli(s.argv),
      new RegExp(`${s.state}: cannot read the record: EISDIR: illegal operation on a directory`)
    )
    const forced = await runCli([...s.argv, '--ignore-corrupt-record'])
    expectOneErrorLine(forced, new RegExp(`${s.state}: cannot write the record`))
    expect(readdirSync(s.state)).toEqual(['keep.txt'])
    // No temp or lock file was left beside it.
    expect(readdirSync(join(s.state, '..')).filter(n => /\.tmp$|\.lock$/.test(n))).toEqual([])
  })
})

describe('a log that is not a build log', () => {
  test('binary garbage: parse-log says format unknown; check fails naming the log, record intact', async () => {
    const s = scenario()
    expect((await runCli([...s.argv])).code).toBe(0) // a good record first
    const before = readFileSync(s.state, 'utf8')
    const garbage = Buffer.alloc(256 * 1024)
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + (i >> 3)) & 0xff
    writeFileSync(s.log, garbage)

    const parsed = await runCli(['parse-log', s.log, '--json'])
    expect(parsed.code).toBe(0)
    expect(JSON.parse(parsed.stdout)).toEqual({ format: 'unknown', steps: [] })

    const check = await runCli(s.argv)
    expectOneErrorLine(
      check,
      new RegExp(`${s.log}: no build steps found \\(not a docker build log\\?\\)$`)
    )
    expect(readFileSync(s.state, 'utf8')).toBe(before)
  })

  test('a missing, directory or unreadable log is named', async () => {
    const s = scenario()
    rmSync(s.log)
    expectOneErrorLine(
      await runCli(['parse-log', s.log]),
      new RegExp(`build log ${s.log}: not found \\(ENOENT\\)$`)
    )
    expectOneErrorLine(
      await runCli(s.argv),
      new RegExp(`build log ${s.log}: not found \\(ENOENT\\)$`)
    )
    mkdirSync(s.log)
    expectOneErrorLine(
      await runCli(['parse-log', s.log]),
      /: is a directory, not a log file \(EISDIR\)$/
    )
    rmSync(s.log, { recursive: true })
    writeFileSync(s.log, plainLog(COPY))
    chmodSync(s.log, 0o000)
    const run = await withoutRoot(() => runCli(['parse-log', s.log]))
    expectOneErrorLine(run, /: is not readable: permission denied \(EACCES\)$/)
  })

  test('1 GB long (one 1 GB line): streamed in bounded memory, the steps after it still found', async () => {
    const dir = temp('fb-hard-big-')
    const path = join(dir, 'huge.log')
    const head = '#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\n'
    const tail = `\n#2 [1/1] ${COPY}\n#2 CACHED\n`
    // A sparse file: the 1 GB hole reads as NUL bytes but costs no disk.
    const fd = openSync(path, 'w')
    writeSync(fd, head)
    writeSync(fd, tail, head.length + 2 ** 30)
    closeSync(fd)
    expect(statSync(path).size).toBeGreaterThan(2 ** 30)

    const rss0 = process.memoryUsage().rss
    let peak = rss0
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 10)
    try {
      const run = await runCli(['parse-log', path, '--json'])
      expect(run.code).toBe(0)
      expect(JSON.parse(run.stdout)).toEqual({
        format: 'buildkit-plain',
        steps: [{ service: null, stage: null, index: 1, total: 1, instruction: COPY, cached: true }]
      })
    } finally {
      clearInterval(sampler)
      rmSync(path)
    }
    // Reading it whole would take more than 1 GB; the parser keeps one capped line buffer.
    expect(peak - rss0).toBeLessThan(200 * 1024 * 1024)
  }, 60_000)
})
