import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import ts from 'typescript'
import { readRecord } from '../../../src/record/store.js'

/**
 * Real processes racing for one record. The record modules (and the one helper they share) are
 * transpiled to plain ESM in a temp dir that mirrors src/, so each child is a bare `node` process.
 */
// The record's files and all of util/, which they import through its index.
const SOURCES = [
  'record/lock.ts',
  'record/store.ts',
  'record/validate.ts',
  ...readdirSync('src/util').map(f => `util/${f}`)
]
const H = (c: string): string => `sha256:${c.repeat(64)}`

const CHILD = `
import { withRecordLock } from './record/lock.js'
import { readRecord, writeRecord } from './record/store.js'
const [path, rounds, mode] = process.argv.slice(2)
const base = {
  version: 1, contextHash: '${H('a')}', files: {}, steps: [], commit: null, imageId: null,
  tags: [], builtAt: new Date(0).toISOString(), dockerfile: 'Dockerfile'
}
if (mode === 'hang') {
  await withRecordLock(path, async () => {
    process.stdout.write('locked\\n')
    await new Promise(() => {})
  })
}
for (let i = 0; i < Number(rounds); i++) {
  await withRecordLock(path, async () => {
    const r = await readRecord(path)
    const n = r === null ? 0 : Number(r.buildId)
    // Yield between read and write so an unlocked interleaving would lose updates.
    await new Promise(res => setTimeout(res, Math.random() * 3))
    await writeRecord(path, { ...base, buildId: String(n + 1), tags: [String(process.pid)] })
  }, { minDelayMs: 2, maxDelayMs: 20, timeoutMs: 30000 })
}
`

let lib: string
let work: string
beforeAll(() => {
  lib = mkdtempSync(join(tmpdir(), 'fb-racelib-'))
  for (const f of SOURCES) {
    mkdirSync(dirname(join(lib, f)), { recursive: true })
    const src = readFileSync(join('src', f), 'utf8')
    const out = ts.transpileModule(src, {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 }
    })
    writeFileSync(join(lib, f.replace(/\.ts$/, '.js')), out.outputText)
  }
  writeFileSync(join(lib, 'package.json'), '{"type":"module"}')
  writeFileSync(join(lib, 'child.js'), CHILD)
  work = mkdtempSync(join(tmpdir(), 'fb-race-'))
})
afterAll(() => {
  rmSync(lib, { recursive: true, force: true })
  rmSync(work, { recursive: true, force: true })
})

function child(path: string, rounds: number, mode = 'count'): ChildProcess {
  return spawn(process.execPath, [join(lib, 'child.js'), path, String(rounds), mode], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

function exited(c: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = ''
  c.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise(resolve => c.on('close', code => resolve({ code, stderr })))
}

describe('concurrent runs on one host', () => {
  test('four processes incrementing one record lose no update and leave a valid record', async () => {
    const path = join(work, 'state', 'count.json')
    const results = await Promise.all([1, 2, 3, 4].map(() => exited(child(path, 15))))
    for (const r of results) expect(r).toEqual({ code: 0, stderr: '' })
    const record = await readRecord(path)
    expect(record?.buildId).toBe('60')
    expect(readdirSync(join(work, 'state'))).toEqual(['count.json']) // no lock, no temp files
  })

  test('a run killed while holding the lock does not block the next one', async () => {
    const path = join(work, 'killed.json')
    const holder = child(path, 0, 'hang')
    const holderExit = exited(holder)
    await new Promise<void>((resolve, reject) => {
      holder.stdout?.once('data', () => resolve())
      holder.once('exit', () => reject(new Error('holder exited before locking')))
    })
    holder.kill('SIGKILL')
    await holderExit
    expect(readdirSync(work)).toContain('killed.json.lock')
    const next = await exited(child(path, 3))
    expect(next).toEqual({ code: 0, stderr: '' })
    expect((await readRecord(path))?.buildId).toBe('3')
  })
})
