import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { LockError, pidAlive, withRecordLock } from '../../../src/record/lock.js'

let dir: string
let record: string
let lock: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fb-lock-'))
  record = join(dir, 'r.json')
  lock = `${record}.lock`
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', ''])
  if (r.pid === undefined) throw new Error('could not spawn node')
  return r.pid
}

function writeLock(content: Record<string, unknown> | string, ageMs = 0): void {
  writeFileSync(lock, typeof content === 'string' ? content : JSON.stringify(content))
  if (ageMs > 0) {
    const t = (Date.now() - ageMs) / 1000
    utimesSync(lock, t, t)
  }
}

const fast = { minDelayMs: 5, maxDelayMs: 20 }

describe('withRecordLock', () => {
  test('holds a lock file naming pid, host and time while fn runs, then removes it', async () => {
    const seen = await withRecordLock(
      record,
      async () => JSON.parse(readFileSync(lock, 'utf8')) as unknown
    )
    expect(seen).toMatchObject({ pid: process.pid, host: hostname() })
    expect(Date.parse((seen as { time: string }).time)).not.toBeNaN()
    expect(existsSync(lock)).toBe(false)
  })

  test('removes the lock when fn throws, and passes the error on', async () => {
    await expect(
      withRecordLock(record, async () => {
        throw new Error('build failed')
      })
    ).rejects.toThrow('build failed')
    expect(existsSync(lock)).toBe(false)
  })

  test('serialises concurrent callers in one process', async () => {
    let inside = 0
    let maxInside = 0
    const order: number[] = []
    await Promise.all(
      [1, 2, 3].map(n =>
        withRecordLock(
          record,
          async () => {
            inside++
            maxInside = Math.max(maxInside, inside)
            await sleep(20)
            order.push(n)
            inside--
          },
          fast
        )
      )
    )
    expect(maxInside).toBe(1)
    expect(order.sort()).toEqual([1, 2, 3])
  })

  test('refuses a nested take of the same lock instead of deadlocking', async () => {
    const nested = withRecordLock(record, () => withRecordLock(record, async () => 'inner'))
    await expect(nested).rejects.toThrow(LockError)
    await expect(nested).rejects.toThrow(/nested lock/)
    expect(existsSync(lock)).toBe(false)
  })

  test('times out on a lock held by a live process, naming the holder', async () => {
    writeLock({ pid: process.ppid, host: hostname(), time: '2024-01-01T00:00:00Z', token: 'x' })
    const err = await withRecordLock(record, async () => 'never', {
      ...fast,
      timeoutMs: 150
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(LockError)
    expect((err as Error).message).toMatch(
      new RegExp(
        `^${lock.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: still locked by pid ${process.ppid} on `
      )
    )
    expect(existsSync(lock)).toBe(true) // someone else's lock is left alone
  })

  test('reclaims a lock whose process is dead on this host', async () => {
    writeLock({ pid: deadPid(), host: hostname(), time: '2024-01-01T00:00:00Z', token: 'x' })
    await expect(
      withRecordLock(record, async () => 'ran', { ...fast, timeoutMs: 2000 })
    ).resolves.toBe('ran')
    expect(existsSync(lock)).toBe(false)
  })

  test('reclaims a lock left by an earlier process that had our pid (containers reuse pids)', async () => {
    writeLock({ pid: process.pid, host: hostname(), time: '2024-01-01T00:00:00Z', token: 'old' })
    await expect(
      withRecordLock(record, async () => 'ran', { ...fast, timeoutMs: 2000 })
    ).resolves.toBe('ran')
  })

  test("waits on another host's lock while it is recent, reclaims it once old", async () => {
    const foreign = { pid: 1, host: 'other-host', time: '2024-01-01T00:00:00Z', token: 'x' }
    writeLock(foreign)
    await expect(
      withRecordLock(record, async () => 1, { ...fast, timeoutMs: 100 })
    ).rejects.toThrow(/still locked by pid 1 on other-host/)
    writeLock(foreign, 7 * 3600_000)
    await expect(withRecordLock(record, async () => 2, { ...fast, timeoutMs: 2000 })).resolves.toBe(
      2
    )
  })

  test('waits on an unreadable lock (possibly being written), reclaims it once old', async () => {
    writeLock('')
    await expect(
      withRecordLock(record, async () => 1, { ...fast, timeoutMs: 100 })
    ).rejects.toThrow(/still locked by an unreadable lock file/)
    writeLock('{garbage', 60_000)
    await expect(withRecordLock(record, async () => 2, { ...fast, timeoutMs: 2000 })).resolves.toBe(
      2
    )
  })

  test('does not delete a lock that is no longer its own', async () => {
    await withRecordLock(record, async () => {
      writeFileSync(lock, JSON.stringify({ pid: 1, host: 'h', time: 't', token: 'someone-else' }))
    })
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ token: 'someone-else' })
  })

  test('uses the injected liveness check', async () => {
    writeLock({ pid: process.ppid, host: 'box', time: '2024-01-01T00:00:00Z', token: 'x' })
    const opts = { ...fast, timeoutMs: 1000, host: 'box', isAlive: () => false }
    await expect(withRecordLock(record, async () => 'ok', opts)).resolves.toBe('ok')
  })
})

describe('pidAlive', () => {
  test.each([
    ['this process', process.pid, true],
    ['an exited process', deadPid(), false]
  ])('%s', (_name, pid, alive) => {
    expect(pidAlive(pid)).toBe(alive)
  })
})
