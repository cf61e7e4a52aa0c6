/**
 * Injection: shell metacharacters, newlines and workflow commands in tags, build args, paths,
 * file names and build-log lines stay data in their own field. Secret build args never reach
 * the human output, the JSON, the record or a label. Driven end to end through a fake docker
 * client (a real executable the product spawns), so every argv word can be checked.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LABELS } from '../../../src/model.js'
import { makeTree } from '../../helpers/tree.js'
import {
  cleanEnv,
  expectOneErrorLine,
  fakeDocker,
  openTempDir,
  plainLog,
  runCli
} from './helpers.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))
function temp(prefix = 'fb-hard-inj-'): string {
  const d = openTempDir(prefix)
  dirs.push(d)
  return d
}

const COPY = 'COPY app.txt /app.txt'
const nonce = randomBytes(6).toString('hex')

/** The argv words that follow `flag` in one docker call. */
function flagValues(argv: string[], flag: string): string[] {
  return argv.flatMap((a, i) => (a === flag && i + 1 < argv.length ? [argv[i + 1] as string] : []))
}

/**
 * The workflow commands a GitHub runner would execute from this output, modelled on
 * actions/runner's ActionCommand: the line is trimmed at the start, `::name props::data` (v2) or
 * `##[name props]data` (v1); `::stop-commands::TOKEN` ignores everything until `::TOKEN::`.
 */
function runnerCommands(output: string): string[] {
  const run: string[] = []
  let stopped: string | null = null
  for (const line of output.split('\n')) {
    const t = line.trimStart()
    const v2 = /^::([^:]*?)::(.*)$/.exec(t)
    const name = v2 ? (v2[1] ?? '').split(' ')[0] : null
    if (stopped !== null) {
      if (name === stopped) stopped = null
      continue
    }
    if (v2 && name === 'stop-commands') stopped = v2[2] ?? ''
    else if (v2 || t.startsWith('##[')) run.push(t)
  }
  return run
}

describe('metacharacters and newlines stay in their argv word', () => {
  test('build args, commit, build id and paths reach docker verbatim, one word each; nothing runs', async () => {
    const pwned = join(tmpdir(), `fb-pwned-${nonce}`)
    const evil = `$(touch ${pwned}); \`touch ${pwned}\` ; touch ${pwned} && echo x | tee ${pwned}\n::error::injected`
    const parent = temp()
    const ctx = join(parent, `ctx $(touch fb-pwned-${nonce}) ; \`touch x\``)
    mkdirSync(ctx)
    makeTree({ Dockerfile: `FROM scratch\nARG EVIL\n${COPY}\n`, 'app.txt': 'a\n' }, ctx)
    const fake = fakeDocker(temp(), { buildLog: plainLog(COPY) })
    const state = join(temp(), 'record.json')
    const run = await runCli(
      [
        'build',
        '--context',
        ctx,
        '--state',
        state,
        '--docker',
        fake.bin,
        '--tag',
        `fb-hard-inj:${nonce}`,
        '--build-arg',
        `EVIL=${evil}`,
        '--commit',
        `$(touch ${pwned})`,
        '--build-id',
        `1;touch ${pwned}\n::warning::id`,
        '--json'
      ],
      { cwd: parent }
    )
    expect(run.code).toBe(0)
    const build = fake.calls().find(c => c[0] === 'build') ?? []
    expect(flagValues(build, '--build-arg')).toContain(`EVIL=${evil}`)
    expect(flagValues(build, '--label')).toEqual(
      expect.arrayContaining([
        `${LABELS.revision}=$(touch ${pwned})`,
        `${LABELS.buildId}=1;touch ${pwned}\n::warning::id`
      ])
    )
    expect(build.at(-1)).toBe(ctx)
    expect(flagValues(build, '--file')).toEqual([join(ctx, 'Dockerfile')])
    // Nothing was executed: no file appeared where any of the commands would have made one.
    expect(existsSync(pwned)).toBe(false)
    expect(readdirSync(parent)).toEqual([`ctx $(touch fb-pwned-${nonce}) ; \`touch x\``])
    expect(readdirSync(ctx).sort()).toEqual(['Dockerfile', 'app.txt'])
    const record = JSON.parse(readFileSync(state, 'utf8')) as { commit: string; buildId: string }
    expect(record).toMatchObject({ commit: `$(touch ${pwned})` })
  })
})

describe('secret build args', () => {
  test('are masked in the human output and JSON, and never recorded or labelled', async () => {
    const secret = `s3cr3t-${nonce}`
    const ctx = makeTree(
      { Dockerfile: `FROM scratch\nARG TOKEN\n${COPY}\n`, 'app.txt': 'a\n' },
      temp()
    )
    const fake = fakeDocker(temp(), {
      buildLog: plainLog(COPY, { output: [`#2 0.1 the token is ${secret}`] })
    })
    const state = join(temp(), 'record.json')
    const argv = ['build', '--context', ctx, '--state', state, '--docker', fake.bin]
    const secretArgs = ['--build-arg', `TOKEN=${secret}`, '--secret-build-arg', 'TOKEN']
    const run = await runCli([...argv, ...secretArgs, '--commit', 'c0ffee', '--json'])
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain(secret)
    expect(run.stderr).not.toContain(secret)
    expect(run.stderr).toContain('the token is ***')
    expect(readFileSync(state, 'utf8')).not.toContain(secret)
    const build = fake.calls().find(c => c[0] === 'build') ?? []
    expect(flagValues(build, '--label').filter(l => l.includes(secret))).toEqual([])
    // The value reaches docker once, as the build arg itself.
    expect(build.filter(a => a.includes(secret))).toEqual([`TOKEN=${secret}`])
  })

  test('are masked in the error line of a failed build', async () => {
    const secret = `s3cr3t-${nonce}-fail`
    const ctx = makeTree(
      { Dockerfile: `FROM scratch\nARG TOKEN\n${COPY}\n`, 'app.txt': 'a\n' },
      temp()
    )
    const fake = fakeDocker(temp(), {
      buildLog: plainLog(COPY, { output: [`#2 0.1 ${secret}`] }),
      buildExit: 1,
      buildError: `ERROR: failed to solve: token ${secret} rejected`
    })
    const state = join(temp(), 'record.json')
    const run = await runCli([
      'build',
      '--context',
      ctx,
      '--state',
      state,
      '--docker',
      fake.bin,
      '--build-arg',
      `TOKEN=${secret}`,
      '--secret-build-arg',
      'TOKEN',
      '--commit',
      'c0ffee'
    ])
    expectOneErrorLine(
      run,
      /docker build failed \(exit 1\): ERROR: failed to solve: token \*\*\* rejected$/
    )
    expect(run.stderr).not.toContain(secret)
    expect(existsSync(state)).toBe(false)
  })
})

describe('workflow commands in foreign text', () => {
  const hostile = [
    '::error::from the build log',
    '   ::set-output name=verdict::fresh',
    '##[error]a v1 command',
    `::add-mask::${nonce}`,
    '::stop-commands::guessed',
    '::guessed::'
  ]

  async function twoBuilds(env: NodeJS.ProcessEnv): Promise<string> {
    const ctx = makeTree(
      {
        Dockerfile: `FROM scratch\nCOPY . /app/\n`,
        '::warning file=x::named file': '1',
        '##[error]named file': '1'
      },
      temp()
    )
    const fake = fakeDocker(temp(), { buildLog: plainLog('COPY . /app/', { output: hostile }) })
    const state = join(temp(), 'record.json')
    const argv = ['build', '--context', ctx, '--state', state, '--docker', fake.bin]
    const first = await runCli([...argv, '--commit', 'c0ffee', '--verify', 'none'], { env })
    expect(first.code).toBe(0)
    writeFileSync(join(ctx, '::warning file=x::named file'), '2')
    writeFileSync(join(ctx, '##[error]named file'), '2')
    const second = await runCli([...argv, '--commit', 'c0ffee', '--verify', 'none'], { env })
    expect(second.code).toBe(0)
    // The changed file names are listed, each at the start of a line of the report.
    expect(second.stderr).toMatch(/^\s+::warning file=x::named file$/m)
    return first.stderr + second.stderr + first.stdout + second.stdout
  }

  test('cannot run on a GitHub runner: command processing is paused with an unguessable token', async () => {
    const output = await twoBuilds(cleanEnv({ GITHUB_ACTIONS: 'true' }))
    expect(runnerCommands(output)).toEqual([])
    // The build log is still shown as docker wrote it.
    for (const line of hostile) expect(output).toContain(line)
  })

  test('outside GitHub Actions the output is left as it is (and would be read as commands there)', async () => {
    const output = await twoBuilds(cleanEnv())
    const ours = output.split('\n').filter(l => /^::stop-commands::(?!guessed$)/.test(l))
    expect(ours).toEqual([])
    expect(runnerCommands(output)).toEqual(expect.arrayContaining(['::error::from the build log']))
  })
})
