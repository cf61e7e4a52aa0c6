/**
 * Bad input is one clear line on stderr (`fresh-build: error: ...` naming the file, line or value
 * at fault), exit 2, no stack trace unless --debug, and nothing half done: no docker call, no
 * record or lock written.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { chmodSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ContextError, scanContext } from '../../../src/context/walk.js'
import { makeTree } from '../../helpers/tree.js'
import { expectOneErrorLine, fakeDocker, openTempDir, runCli, withoutRoot } from './helpers.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function temp(prefix = 'fb-hard-'): string {
  const d = openTempDir(prefix)
  dirs.push(d)
  return d
}

function context(spec: Parameters<typeof makeTree>[0]): string {
  const d = temp('fb-hard-ctx-')
  return makeTree(spec, d)
}

const sha = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`

describe('bad paths are named: exit 2, one line', () => {
  test('a missing context directory is named as the fault, not its Dockerfile', async () => {
    const missing = join(temp(), 'no-such-context')
    for (const argv of [['hash'], ['build', '--state', join(temp(), 's.json')]]) {
      const run = await runCli([...argv, '--context', missing])
      expectOneErrorLine(run, new RegExp(`build context not found: ${missing}$`))
    }
    // With an explicit Dockerfile that exists, the context is still what is missing.
    const ctx = context({ Dockerfile: 'FROM scratch\n' })
    const run = await runCli(['hash', '--context', missing, '--file', join(ctx, 'Dockerfile')])
    expectOneErrorLine(run, new RegExp(`build context not found: ${missing}$`))
  })

  test('a context that is a file is named as not a directory', async () => {
    const ctx = context({ 'file.txt': 'x' })
    const run = await runCli(['hash', '--context', join(ctx, 'file.txt')])
    expectOneErrorLine(run, new RegExp(`build context is not a directory: ${ctx}/file.txt$`))
  })

  test('a missing, directory or looping Dockerfile is named with its path', async () => {
    const ctx = context({ 'a.txt': 'a', 'Dockerfile.d/x': 'x' })
    symlinkSync('Dockerfile.loop', join(ctx, 'Dockerfile.loop'))
    const cases: [string[], RegExp][] = [
      [[], new RegExp(`Dockerfile not found: ${ctx}/Dockerfile$`)],
      [['--file', join(ctx, 'other', 'Dockerfile')], /Dockerfile not found: .*other\/Dockerfile$/],
      [['--file', join(ctx, 'a.txt', 'Dockerfile')], /Dockerfile not found \(a parent is not a/],
      [['--file', join(ctx, 'Dockerfile.d')], /Dockerfile is a directory: .*Dockerfile\.d$/],
      [
        ['--file', join(ctx, 'Dockerfile.loop')],
        /Dockerfile is a symlink loop: .*Dockerfile\.loop$/
      ]
    ]
    for (const [extra, what] of cases) {
      expectOneErrorLine(await runCli(['hash', '--context', ctx, ...extra]), what)
    }
  })

  test('control characters in a path at fault are escaped, keeping the error one line', async () => {
    const weird = join(temp(), 'line\nbreak\u001b[31m')
    const run = await runCli(['hash', '--context', weird])
    expectOneErrorLine(run, /build context not found: .*line\\nbreak\\x1b\[31m$/)
  })
})

describe('malformed files name their line', () => {
  test.each([
    [
      'an unknown instruction',
      'FROM scratch\nCOPY a.txt /a\nFOO bar\n',
      3,
      /unknown instruction: FOO/
    ],
    ['COPY before FROM', '# comment\n\nCOPY a.txt /a\n', 3, /COPY before the first FROM/],
    [
      'COPY with one argument',
      'FROM scratch\nCOPY a.txt\n',
      2,
      /COPY requires at least two arguments/
    ],
    ['an unknown flag', 'FROM scratch\nCOPY --frm=x a.txt /a\n', 2, /unknown flag: --frm/],
    ['an unterminated heredoc', 'FROM scratch\nRUN <<EOF\necho\n', 2, /unterminated heredoc <<EOF/],
    ['a bad stage name', 'FROM scratch AS 1bad\n', 1, /invalid stage name: 1bad/],
    ['no FROM at all', '# only a comment\n', 1, /no FROM instruction/]
  ])('a Dockerfile with %s names its file and line', async (_what, text, line, what) => {
    const ctx = context({ Dockerfile: text, 'a.txt': 'a' })
    const run = await runCli(['hash', '--context', ctx])
    expectOneErrorLine(run, new RegExp(`${ctx}/Dockerfile:${line}: `))
    expectOneErrorLine(run, what)
  })

  test('a malformed .dockerignore pattern names the ignore file and its line number', async () => {
    const ctx = context({
      Dockerfile: 'FROM scratch\nCOPY . /\n',
      '.dockerignore': '# build output\nnode_modules\n\n[z-\n'
    })
    const run = await runCli(['hash', '--context', ctx])
    expectOneErrorLine(run, new RegExp(`${ctx}/\\.dockerignore:4: .*"\\[z-"`))
    // The Dockerfile-specific ignore file is the one named when it applies.
    writeFileSync(join(ctx, 'Dockerfile.dockerignore'), 'ok\nbad[\n')
    const specific = await runCli(['hash', '--context', ctx])
    expectOneErrorLine(specific, new RegExp(`${ctx}/Dockerfile\\.dockerignore:2: `))
  })
})

describe('bad command lines name the word at fault', () => {
  test.each([
    [
      ['bogus'],
      /unknown command "bogus" \(expected hash, build, check, parse-log, clear, verify\)$/
    ],
    [['hash', '--bogus'], /unknown option "--bogus" \(see fresh-build --help\)$/],
    [['hash', '-Z'], /unknown option "-Z"/],
    [['hash', '--tag', 'x'], /option --tag does not apply to "hash"$/],
    [['hash', 'extra'], /unexpected argument "extra"$/],
    [['hash', '--json=yes'], /option --json takes no value$/],
    [['build', '--tag'], /option --tag needs a value/],
    [['build', '--tag', '--json'], /option --tag needs a value .*--tag=VALUE/],
    [
      ['build', '--prune', 'sometimes'],
      /--prune: unknown policy "sometimes" \(expected source, all, never\)$/
    ],
    [['build', '--verify', 'maybe'], /--verify: unknown value "maybe"/],
    [['build', '--build-arg', '1X=y'], /--build-arg #1: "1X=y" is not KEY=VALUE/],
    [
      ['build', '--build-arg', 'A=1', '--build-arg', 'NOVALUE'],
      /--build-arg #2: "NOVALUE" has no value/
    ],
    [['build', '--tag', 'app:ok', '--tag', 'App'], /--tag #2: "App" is not a valid image tag/],
    [
      ['build', '--tag', 'app;$(touch /tmp/x)'],
      /--tag #1: "app;\$\(touch \/tmp\/x\)" is not a valid/
    ],
    [['build', '--secret-build-arg', 'TOKEN'], /--secret-build-arg "TOKEN" names no --build-arg/],
    [['check'], /check needs --log FILE/],
    [['parse-log'], /parse-log takes exactly one FILE$/],
    [['build', '--service', 'web'], /--service needs --compose-file$/]
  ])('%j: exit 2 naming the word at fault', async (argv, what) => {
    expectOneErrorLine(await runCli(argv), what, argv.includes('--json'))
  })

  test('tags docker accepts pass the check', async () => {
    const { parseTag } = await import('../../../src/pipeline/options.js')
    for (const t of [
      'app',
      'app:1.2.3',
      'my-org/app_x:latest',
      'localhost:5000/a/b:v1',
      'Registry.Example.com/app',
      '[::1]:5000/app:tag',
      'a__b.c--d:T_9'
    ]) {
      expect(parseTag(t, '--tag')).toBe(t)
    }
  })

  test('a bad build invocation never reaches docker nor writes a record or lock', async () => {
    const ctx = context({ Dockerfile: 'FROM scratch\nCOPY a.txt /a\n', 'a.txt': 'a' })
    const fake = fakeDocker(temp())
    const stateDir = temp()
    const state = join(stateDir, 'record.json')
    const base = ['build', '--context', ctx, '--state', state, '--docker', fake.bin]
    for (const extra of [
      ['--tag', 'Bad Tag'],
      ['--prune', 'everything'],
      ['--target', 'nosuchstage'],
      ['--build-arg', '=x'],
      ['--secret-build-arg', 'NOPE']
    ]) {
      const run = await runCli([...base, '--commit', 'c0ffee', ...extra])
      expect(run.code).toBe(2)
      expect(run.stderr.split('\n').filter(l => l.startsWith('fresh-build: error:'))).toHaveLength(
        1
      )
    }
    // A Dockerfile that does not parse stops the run before docker too.
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY\n')
    expectOneErrorLine(await runCli([...base, '--commit', 'c0ffee']), /Dockerfile:2: /)
    expect(fake.calls()).toEqual([])
    // No record, lock or temp file (the stat cache of digests is a cache, not a record).
    expect(readdirSync(stateDir).filter(n => !n.endsWith('.stat-cache'))).toEqual([])
  })

  test('a bad clear invocation never reaches docker nor deletes anything', async () => {
    const ctx = context({ '.next/cache': 'x' })
    const fake = fakeDocker(temp())
    const base = ['clear', '--state', join(temp(), 'record.json'), '--docker', fake.bin]
    expectOneErrorLine(
      await runCli([...base, '--context', ctx, '--filter', 'type=regular,--volumes']),
      /--filter: invalid cache filter "type=regular,--volumes"/
    )
    expectOneErrorLine(
      await runCli([...base, '--context', ctx, '--filter', 'bad']),
      /--filter: invalid cache filter "bad"/
    )
    const missing = join(temp(), 'gone')
    expectOneErrorLine(
      await runCli([...base, '--context', missing, '--path', '.next']),
      new RegExp(`build context not found: ${missing}$`)
    )
    expectOneErrorLine(
      await runCli([...base, '--context', ctx, '--path', '.next', '--path', '../..']),
      /clear path "\.\.\/\.\." is outside .*: refused$/
    )
    expect(fake.calls()).toEqual([])
    expect(readdirSync(join(ctx, '.next'))).toEqual(['cache'])
  })

  test('the stack trace is printed only with --debug', async () => {
    const missing = join(temp(), 'gone')
    const quiet = await runCli(['hash', '--context', missing])
    expectOneErrorLine(quiet, /build context not found/)
    const debug = await runCli(['hash', '--context', missing, '--debug'])
    expect(debug.code).toBe(2)
    expect(debug.stderr.split('\n')[0]).toMatch(/^fresh-build: error: build context not found/)
    expect(debug.stderr).toMatch(/^\s+at /m)
  })
})

describe('unreadable files are named (EACCES as uid nobody; the suite runs as root)', () => {
  test('an unreadable file, directory, Dockerfile or ignore file: exit 2 naming it', async () => {
    const ctx = context({
      Dockerfile: 'FROM scratch\nCOPY . /\n',
      'ok.txt': 'ok',
      'secret.txt': 'nobody may read this'
    })
    chmodSync(join(ctx, 'secret.txt'), 0o000)
    const file = await withoutRoot(() => runCli(['hash', '--context', ctx]))
    expectOneErrorLine(
      file,
      new RegExp(`cannot read file ${ctx}/secret.txt: permission denied \\(EACCES\\)$`)
    )

    chmodSync(join(ctx, 'secret.txt'), 0o644)
    mkdirSync(join(ctx, 'locked'))
    writeFileSync(join(ctx, 'locked', 'inner.txt'), 'x')
    chmodSync(join(ctx, 'locked'), 0o000)
    const dir = await withoutRoot(() => runCli(['hash', '--context', ctx]))
    expectOneErrorLine(
      dir,
      new RegExp(`cannot read directory ${ctx}/locked: permission denied \\(EACCES\\)$`)
    )

    // fsutil skips unreadable directories that .dockerignore excludes; so do we.
    writeFileSync(join(ctx, '.dockerignore'), 'locked\n!locked/keep.txt\n')
    const excluded = await withoutRoot(() => runCli(['hash', '--context', ctx, '--json']))
    expect(excluded.code).toBe(0)
    chmodSync(join(ctx, '.dockerignore'), 0o000)
    const ignore = await withoutRoot(() => runCli(['hash', '--context', ctx]))
    expectOneErrorLine(
      ignore,
      new RegExp(`cannot read ignore file ${ctx}/\\.dockerignore: permission denied`)
    )

    rmSync(join(ctx, '.dockerignore'))
    chmodSync(join(ctx, 'locked'), 0o755)
    chmodSync(join(ctx, 'Dockerfile'), 0o000)
    const dockerfile = await withoutRoot(() => runCli(['hash', '--context', ctx]))
    expectOneErrorLine(
      dockerfile,
      new RegExp(`Dockerfile is not readable \\(permission denied\\): ${ctx}/Dockerfile$`)
    )
  })

  test("the walker's file system faults become a ContextError naming the path", async () => {
    const ctx = context({ 'a/b.txt': 'b', link: { link: 'a/b.txt' }, 'c.txt': 'c' })
    const fault = (code: string) => async (p: string) => {
      throw Object.assign(new Error(`${code}: ${p}`), { code })
    }
    const { lstat } = await import('node:fs/promises')
    const cases: [NonNullable<Parameters<typeof scanContext>[1]>, string, RegExp][] = [
      [
        { fs: { readdir: fault('EACCES') } },
        ctx,
        /^cannot read directory .*: permission denied \(EACCES\)$/
      ],
      [
        { fs: { lstat: p => (p.endsWith('c.txt') ? fault('EIO')(p) : lstat(p)) } },
        join(ctx, 'c.txt'),
        /^cannot stat .*c\.txt: eio \(EIO\)$/
      ],
      [
        { fs: { readlink: fault('EACCES') } },
        join(ctx, 'link'),
        /^cannot read symlink .*link: permission denied/
      ],
      [
        { digester: { digestFile: fault('EACCES') }, concurrency: 1 },
        join(ctx, 'a', 'b.txt'),
        /^cannot read file .*b\.txt: permission denied \(EACCES\)$/
      ]
    ]
    for (const [opts, path, what] of cases) {
      const e = await scanContext(ctx, opts).then(
        () => null,
        (err: unknown) => err
      )
      expect(e).toBeInstanceOf(ContextError)
      expect((e as ContextError).message).toMatch(what)
      expect((e as ContextError).path).toBe(path)
    }
  })
})

describe('symlinks in the context are entries, never followed', () => {
  test('loops, dangling and escaping links hash by their target string, with no error', async () => {
    const ctx = context({ Dockerfile: 'FROM scratch\nCOPY . /ctx/\n', 'real.txt': 'r' })
    const links: Record<string, string> = {
      loop: 'loop',
      ping: 'pong',
      pong: 'ping',
      dangling: 'does/not/exist',
      passwd: '/etc/passwd',
      up: '../../..',
      self: '.'
    }
    for (const [name, target] of Object.entries(links)) symlinkSync(target, join(ctx, name))
    const run = await runCli(['hash', '--context', ctx, '--json'])
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout) as {
      files: { path: string; type: string; digest: string; linkTarget?: string }[]
      steps: { sources: string[] }[]
    }
    for (const [name, target] of Object.entries(links)) {
      expect(doc.files.find(f => f.path === name)).toEqual({
        path: name,
        type: 'symlink',
        mode: '0777',
        digest: sha(target),
        linkTarget: target
      })
    }
    // Nothing was read through a link: no entry lies below `self` or `up`.
    expect(doc.files.filter(f => f.path.includes('/'))).toEqual([])
    expect(doc.steps[0]?.sources).toEqual(expect.arrayContaining(Object.keys(links)))
  })
})
