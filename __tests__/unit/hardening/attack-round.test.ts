/**
 * The small results of issue 13's attack round, without a daemon: byte names, a variable nested
 * 20,000 deep in a compose file, a corrupt record that is somebody's file, `--context /` as the
 * clear root, `--json` on an error.
 */
import { describe, expect, test } from '@jest/globals'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readComposeProject } from '../../../src/compose/index.js'
import { scanContext } from '../../../src/context/walk.js'
import { readRecord } from '../../../src/record/index.js'
import { visible } from '../../../src/report/text-safety.js'
import { nameFromBytes, pathToBytes } from '../../../src/util/bytes-path.js'
import { fakeDocker, openTempDir, runCli, withoutRoot } from './helpers.js'

const temp = (): string => mkdtempSync(join(tmpdir(), 'fb-hard-atk-'))

describe('names that are not UTF-8', () => {
  test('bytes -> name string -> bytes is the identity, and distinct bytes give distinct strings', () => {
    // A fixed LCG: the same 5000 names on every run.
    let seed = 13
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const seen = new Map<string, string>()
    for (let n = 0; n < 5000; n++) {
      const len = 1 + Math.floor(rnd() * 8)
      const bytes = Buffer.from(Array.from({ length: len }, () => Math.floor(rnd() * 256)))
      const name = nameFromBytes(bytes)
      expect(pathToBytes(name).equals(bytes)).toBe(true)
      const hex = bytes.toString('hex')
      expect(seen.get(name) ?? hex).toBe(hex)
      seen.set(name, hex)
    }
  })

  test('valid UTF-8 (astral characters included) is left as it is', () => {
    for (const s of ['plain', 'é', '日本', '💀x', 'a\ufffdb']) {
      expect(nameFromBytes(Buffer.from(s))).toBe(s)
      expect(pathToBytes(s).equals(Buffer.from(s))).toBe(true)
    }
  })

  test('the walker lists a file and a folder with such names, the subtree included, shown escaped', async () => {
    const ctx = temp()
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY . /\n')
    const base = Buffer.from(`${ctx}/`)
    writeFileSync(Buffer.concat([base, Buffer.from([0x66, 0xff, 0x6f])]), 'one')
    mkdirSync(Buffer.concat([base, Buffer.from([0x64, 0xfe])]))
    writeFileSync(Buffer.concat([base, Buffer.from([0x64, 0xfe]), Buffer.from('/x')]), 'x')
    const scan = await scanContext(ctx)
    const paths = scan.entries.map(e => e.path)
    expect(paths).toEqual(['Dockerfile', 'd\udcfe', 'd\udcfe/x', 'f\udcffo'])
    expect(scan.entries.find(e => e.path === 'f\udcffo')?.size).toBe(3)
    expect(paths.map(visible)).toEqual(['Dockerfile', 'd\\xfe', 'd\\xfe/x', 'f\\xffo'])
  })

  test('an entry listed but unreadable by lstat is an error naming it, never skipped', async () => {
    const ctx = temp()
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\n')
    writeFileSync(join(ctx, 'gone'), 'x')
    const scan = scanContext(ctx, {
      fs: {
        lstat: async p => {
          if (p.endsWith('/gone')) throw Object.assign(new Error('vanished'), { code: 'ENOENT' })
          const { lstatSync } = await import('node:fs')
          return lstatSync(p)
        }
      }
    })
    await expect(scan).rejects.toThrow(/cannot stat .*\/gone: no such file or directory \(ENOENT\)/)
  })
})

describe('compose: ${A:- nested 20,000 deep', () => {
  test('is an error naming the compose file and the field, not a stack overflow', async () => {
    const dir = temp()
    const file = join(dir, 'compose.yml')
    const deep = `${'${A:-'.repeat(20_000)}x${'}'.repeat(20_000)}`
    writeFileSync(file, `services:\n  web:\n    build:\n      context: "${deep}"\n`)
    const read = readComposeProject(file, { env: {} })
    await expect(read).rejects.toThrow(
      new RegExp(
        `^${file.replace(/[.]/g, '\\.')}: services\\.web\\.build\\.context: variables nested more than 128 deep$`
      )
    )
  })
})

describe('a corrupt record', () => {
  test("the error names the file and never quotes its bytes (--state may name anybody's file)", async () => {
    const path = join(temp(), 'passwd')
    writeFileSync(path, 'root:x:0:0:S3CRETBYTES:/root:/bin/sh\n')
    const read = readRecord(path)
    await expect(read).rejects.toThrow(`${path}: the record is not valid JSON`)
    await readRecord(path).catch((e: Error) => {
      expect(e.message).not.toMatch(/root|S3CRET/)
    })
  })
})

describe('clear --context /', () => {
  test('is refused as the containment root, before any docker call', async () => {
    const dir = temp()
    const docker = fakeDocker(dir)
    const run = await runCli([
      'clear',
      '--context',
      '/',
      '--path',
      'tmp/anything',
      '--state',
      join(dir, 'none.json'),
      '--docker',
      docker.bin
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      /clear: \/ is the file system root, which cannot contain clear paths/
    )
    expect(docker.calls()).toEqual([])
  })
})

describe('--json on an error', () => {
  test('prints exactly one JSON document with the error on stdout', async () => {
    const missing = join(temp(), 'nope')
    const run = await runCli(['hash', '--json', '--context', missing])
    expect(run.code).toBe(2)
    const doc = JSON.parse(run.stdout) as unknown
    expect(doc).toEqual({ error: { message: `build context not found: ${missing}` } })
    expect(run.stderr).toBe(`fresh-build: error: build context not found: ${missing}\n`)
  })
})

describe('clear on a read-only state folder', () => {
  test('is an error before the prune, the record kept (not "no record", exit 0)', async () => {
    const ws = openTempDir('fb-hard-ro-')
    writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n')
    const dir = openTempDir('fb-hard-ro-')
    const docker = fakeDocker(openTempDir('fb-hard-ro-'))
    const state = join(dir, 'rec.json')
    const record = '{"version":1,"contextHash":"sha256:0"}\n'
    writeFileSync(state, record, { mode: 0o644 })
    // Not writable by anyone but root: the test drops to nobody, as root writes everywhere.
    chmodSync(dir, 0o555)
    try {
      const run = await withoutRoot(() =>
        runCli(['clear', '--context', ws, '--state', state, '--docker', docker.bin])
      )
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(
        /rec\.json cannot be removed \(its folder is not writable: EACCES\)/
      )
      expect(docker.calls().filter(a => a[1] === 'prune')).toEqual([])
      expect(readFileSync(state, 'utf8')).toBe(record)
    } finally {
      chmodSync(dir, 0o755)
    }
  })
})
