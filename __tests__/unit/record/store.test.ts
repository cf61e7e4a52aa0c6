import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BuildRecord } from '../../../src/model.js'
import {
  nodeRecordFs,
  readRecord,
  RecordError,
  writeRecord,
  type RecordFs
} from '../../../src/record/store.js'

const H = (c: string): string => `sha256:${c.repeat(64)}`

function sampleRecord(over: Partial<BuildRecord> = {}): BuildRecord {
  return {
    version: 1,
    contextHash: H('a'),
    files: { 'src/a.txt': `file 0644 ${H('b')}`, src: 'dir 0755 -' },
    steps: [
      { stage: 'builder', index: 3, instruction: 'COPY src ./src', line: 4, sourceHash: H('c') }
    ],
    commit: '0123456789abcdef0123456789abcdef01234567',
    buildId: '1700000000',
    imageId: H('d'),
    tags: ['app:latest'],
    builtAt: '2024-01-02T03:04:05.000Z',
    dockerfile: 'Dockerfile',
    ...over
  }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-record-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('readRecord', () => {
  test('returns null when there is no record yet', async () => {
    await expect(readRecord(join(dir, 'missing.json'))).resolves.toBeNull()
  })

  test('reads back what writeRecord wrote', async () => {
    const path = join(dir, 'r.json')
    await writeRecord(path, sampleRecord())
    await expect(readRecord(path)).resolves.toEqual(sampleRecord())
  })

  test('drops unknown fields instead of carrying them along', async () => {
    const path = join(dir, 'r.json')
    writeFileSync(path, JSON.stringify({ ...sampleRecord(), extra: { x: 1 } }))
    const r = await readRecord(path)
    expect(r).toEqual(sampleRecord())
    expect(r).not.toHaveProperty('extra')
  })

  const bad: [string, string, RegExp][] = [
    ['invalid JSON', '{"version": 1,', /not valid JSON/],
    ['an empty file', '', /empty/],
    [
      'another version',
      JSON.stringify({ ...sampleRecord(), version: 3 }),
      /unsupported record: version is number 3/
    ],
    ['a JSON array', '[]', /\(root\) must be an object, not an array/],
    [
      'a short context hash',
      JSON.stringify(sampleRecord({ contextHash: 'sha256:abc' })),
      /contextHash must be sha256/
    ],
    [
      'a step index of 0',
      JSON.stringify({ ...sampleRecord(), steps: [{ ...sampleRecord().steps[0], index: 0 }] }),
      /steps\[0\]\.index must be a positive integer/
    ],
    [
      'a non-string file signature',
      JSON.stringify({ ...sampleRecord(), files: { a: 5 } }),
      /files\["a"\] must be a string/
    ],
    [
      'tags that are not strings',
      JSON.stringify({ ...sampleRecord(), tags: [1] }),
      /tags must be an array of strings/
    ],
    [
      'a builtAt that is no time',
      JSON.stringify(sampleRecord({ builtAt: 'yesterday' })),
      /builtAt must be an ISO time/
    ],
    [
      'a numeric commit',
      JSON.stringify({ ...sampleRecord(), commit: 42 }),
      /commit must be a string or null/
    ],
    [
      'a missing dockerfile',
      JSON.stringify({ ...sampleRecord(), dockerfile: undefined }),
      /dockerfile must be a string/
    ]
  ]
  test.each(bad)(
    'rejects %s with a one-line RecordError naming the path',
    async (_name, text, problem) => {
      const path = join(dir, 'r.json')
      writeFileSync(path, text)
      const err = await readRecord(path).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(RecordError)
      const message = (err as RecordError).message
      expect(message).toMatch(problem)
      expect(message.startsWith(`${path}: `)).toBe(true)
      expect(message).not.toContain('\n')
      expect((err as RecordError).path).toBe(path)
    }
  )

  test('an unreadable path (a directory) is an error, not "no record"', async () => {
    const path = join(dir, 'adir')
    mkdirSync(path)
    await expect(readRecord(path)).rejects.toThrow(/cannot read the record: .*EISDIR/)
  })
})

describe('writeRecord', () => {
  const path = (): string => join(dir, 'state', 'r.json')

  test('creates the state directory and ends the file with a newline', async () => {
    await writeRecord(path(), sampleRecord())
    const text = readFileSync(path(), 'utf8')
    expect(text.endsWith('}\n')).toBe(true)
    expect(JSON.parse(text)).toEqual(sampleRecord())
  })

  test('refuses to write a malformed record', async () => {
    const broken = { ...sampleRecord(), contextHash: 'nope' }
    await expect(writeRecord(path(), broken)).rejects.toThrow(
      /refusing to write a malformed record: contextHash/
    )
  })

  const failures: [string, Partial<RecordFs>][] = [
    [
      'the disk fills up half-way through the write (ENOSPC)',
      {
        writeSynced: async (p, data) => {
          writeFileSync(p, data.slice(0, 10))
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
            code: 'ENOSPC'
          })
        }
      }
    ],
    [
      'the rename fails (EXDEV)',
      {
        rename: async () => {
          throw Object.assign(new Error('EXDEV: cross-device link not permitted'), {
            code: 'EXDEV'
          })
        }
      }
    ],
    [
      'the temp file cannot be created (EACCES, a read-only dir)',
      {
        writeSynced: async () => {
          throw Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' })
        }
      }
    ]
  ]
  test.each(failures)('keeps the previous record intact when %s', async (_name, override) => {
    await writeRecord(path(), sampleRecord())
    const before = readFileSync(path(), 'utf8')
    const fs: RecordFs = { ...nodeRecordFs, ...override }
    const next = sampleRecord({ contextHash: H('e') })
    await expect(writeRecord(path(), next, fs)).rejects.toThrow(RecordError)
    expect(readFileSync(path(), 'utf8')).toBe(before)
    expect(readdirSync(join(dir, 'state'))).toEqual(['r.json']) // no temp file left behind
    await expect(readRecord(path())).resolves.toEqual(sampleRecord())
  })

  test('names the path and the cause in one line', async () => {
    const fs: RecordFs = {
      ...nodeRecordFs,
      writeSynced: async () => {
        throw Object.assign(new Error('ENOSPC: no space\nleft on device'), { code: 'ENOSPC' })
      }
    }
    await expect(writeRecord(path(), sampleRecord(), fs)).rejects.toThrow(
      `${path()}: cannot write the record: ENOSPC: no space left on device`
    )
  })

  test('reports a failed directory fsync after the record is in place', async () => {
    const fs: RecordFs = {
      ...nodeRecordFs,
      syncDir: async () => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })
      }
    }
    await expect(writeRecord(path(), sampleRecord(), fs)).rejects.toThrow(
      /directory could not be synced: EIO/
    )
    await expect(readRecord(path())).resolves.toEqual(sampleRecord())
  })

  test('replaces an existing record', async () => {
    await writeRecord(path(), sampleRecord())
    await writeRecord(path(), sampleRecord({ commit: null, tags: [] }))
    await expect(readRecord(path())).resolves.toMatchObject({ commit: null, tags: [] })
  })
})
