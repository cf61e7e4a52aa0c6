/**
 * A full disk while the pipeline writes the record: the run fails with one line naming the
 * record and ENOSPC, the previous record survives byte for byte, and no temp file is left.
 * writeRecord's own fault injection (RecordFs) is covered in __tests__/unit/record/store.test.ts;
 * this drives the whole `check` pipeline with the file system failing underneath it.
 */
import { afterAll, expect, jest, test } from '@jest/globals'
import * as realFs from 'node:fs/promises'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Set by the test: writes into a record's temp file fail as on a full disk. */
const disk = { full: false }

jest.unstable_mockModule('node:fs/promises', () => {
  const open: typeof realFs.open = async (...args: Parameters<typeof realFs.open>) => {
    const fh = await realFs.open(...args)
    // writeRecord writes `.<record>.<pid>.<random>.tmp` before renaming it over the record.
    if (disk.full && /\/\.[^/]+\.json\.\d+\.[0-9a-f]+\.tmp$/.test(String(args[0]))) {
      fh.writeFile = async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC'
        })
      }
    }
    return fh
  }
  return { ...realFs, open, default: { ...realFs, open } }
})

const { makeTree } = await import('../../helpers/tree.js')
const { expectOneErrorLine, openTempDir, plainLog, runCli } = await import('./helpers.js')

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

test('a full disk while writing the record fails the run and keeps the previous record', async () => {
  const COPY = 'COPY app.txt /app.txt'
  const ctx = makeTree(
    { Dockerfile: `FROM scratch\n${COPY}\n`, 'app.txt': 'v1\n' },
    openTempDir('fb-hard-')
  )
  const side = openTempDir('fb-hard-state-')
  dirs.push(ctx, side)
  const log = join(side, 'build.log')
  writeFileSync(log, plainLog(COPY))
  const state = join(side, 'record.json')
  const argv = ['check', '--context', ctx, '--state', state, '--log', log, '--verify', 'none']

  expect((await runCli([...argv, '--commit', 'first'])).code).toBe(0)
  const before = readFileSync(state, 'utf8')
  expect(JSON.parse(before)).toMatchObject({ commit: 'first' })

  writeFileSync(join(ctx, 'app.txt'), 'v2\n')
  disk.full = true
  const run = await runCli([...argv, '--commit', 'second'])
  disk.full = false

  expectOneErrorLine(run, new RegExp(`${state}: cannot write the record: ENOSPC`))
  expect(readFileSync(state, 'utf8')).toBe(before)
  expect(readdirSync(side).filter(n => /\.tmp$|\.lock$/.test(n))).toEqual([])
})
